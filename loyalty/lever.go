package loyalty

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"
)

// YearProfit is the profit a customer brings in one year of tenure,
// broken down by the sources Reichheld & Sasser (1990) describe: why a
// customer is worth more the longer they stay.
type YearProfit struct {
	// Base is the base profit from purchases.
	Base decimal.Decimal `json:"base"`
	// Revenue is the profit from growing purchases.
	Revenue decimal.Decimal `json:"revenue"`
	// CostSavings is the lower cost of serving a known customer.
	CostSavings decimal.Decimal `json:"cost_savings"`
	// Referrals is the profit from customers they bring.
	Referrals decimal.Decimal `json:"referrals"`
	// PricePremium is the profit from paying more without shopping around.
	PricePremium decimal.Decimal `json:"price_premium"`
}

// Total returns the year's total profit.
func (y YearProfit) Total() decimal.Decimal {
	return y.Base.Add(y.Revenue).Add(y.CostSavings).Add(y.Referrals).Add(y.PricePremium)
}

// IllustrativeProfile returns a seven-year profit profile with the shape
// of Reichheld & Sasser's (1990) figure — a steady base profit plus
// growing revenue, cost savings, referrals and price premium — in made-up
// currency units. It is illustrative, not data: supply your own profile.
func IllustrativeProfile() []YearProfit {
	d := decimal.NewFromInt
	rev := []int64{0, 5, 10, 14, 17, 20, 22}
	cost := []int64{0, 2, 4, 6, 8, 9, 10}
	ref := []int64{0, 1, 3, 5, 7, 8, 9}
	prem := []int64{0, 0, 1, 2, 3, 4, 5}
	out := make([]YearProfit, 7)
	for i := range out {
		out[i] = YearProfit{Base: d(25), Revenue: d(rev[i]), CostSavings: d(cost[i]), Referrals: d(ref[i]), PricePremium: d(prem[i])}
	}
	return out
}

// LeverResult is the effect of lower defection on a customer's value.
type LeverResult struct {
	// Before is the value of a new customer at the current defection rate.
	Before decimal.Decimal `json:"before"`
	// After is the value with defection lowered.
	After decimal.Decimal `json:"after"`
	// Change is After/Before − 1: the relative change in the value of the
	// customer base (every customer's value scales alike).
	Change float64 `json:"change"`
	// LifetimeBefore and LifetimeAfter are the expected tenures in years,
	// 1/defection.
	LifetimeBefore float64 `json:"lifetime_before"`
	// LifetimeAfter is the expected tenure after the change.
	LifetimeAfter float64 `json:"lifetime_after"`
}

// RetentionLever returns how much a new customer's value rises when the
// yearly defection rate falls from defection to defection − reduction
// (Reichheld & Sasser 1990; the source documents' "5% less defection
// raises profit by 25–85%", seed 001). The value of a customer acquired
// now at cost acquisition is
//
//	V(δ) = −acquisition + Σₜ₌₁^∞ profitₜ (1−δ)^{t−1}/(1+d)ᵗ
//
// with profitₜ from profile (year t), the last year's profit continuing
// after the profile ends: end-of-year margins, the first year certain.
// How large the change is depends on how steeply profit grows with
// tenure, which is why the documents give a range; [IllustrativeProfile]
// shows the mechanism. Money is rounded half away from zero to cents.
//
// Errors wrap [ErrLength] for an empty profile and [ErrInvalid] for rates
// outside (0, 1], a reduction not below the defection rate, d ≤ −1 or
// NaN, or a customer worth nothing before the change.
func RetentionLever(profile []YearProfit, defection, reduction, discount float64, acquisition decimal.Decimal) (LeverResult, error) {
	if len(profile) == 0 {
		return LeverResult{}, fmt.Errorf("loyalty: RetentionLever needs a profit profile: %w", ErrLength)
	}
	switch {
	case !(defection > 0 && defection <= 1):
		return LeverResult{}, fmt.Errorf("loyalty: RetentionLever defection %v outside (0, 1]: %w", defection, ErrInvalid)
	case !(reduction >= 0 && reduction < defection):
		return LeverResult{}, fmt.Errorf("loyalty: RetentionLever reduction %v must be in [0, defection %v): %w", reduction, defection, ErrInvalid)
	case !(discount > -1) || math.IsInf(discount, 1) || !(discount+defection-reduction > 0):
		return LeverResult{}, fmt.Errorf("loyalty: RetentionLever discount rate %v: %w", discount, ErrInvalid)
	}
	value := func(delta float64) decimal.Decimal {
		var sum float64
		n := len(profile)
		for t := 1; t <= n; t++ {
			w := math.Pow(1-delta, float64(t-1)) / math.Pow(1+discount, float64(t))
			sum += profile[t-1].Total().InexactFloat64() * w
		}
		// The tail: the last year's profit forever, a geometric series.
		last := profile[n-1].Total().InexactFloat64()
		sum += last * math.Pow(1-delta, float64(n)) / math.Pow(1+discount, float64(n)) / (discount + delta)
		return decimal.NewFromFloat(sum).Sub(acquisition).Round(2)
	}
	r := LeverResult{Before: value(defection), After: value(defection - reduction),
		LifetimeBefore: 1 / defection, LifetimeAfter: 1 / (defection - reduction)}
	if r.Before.Sign() <= 0 {
		return LeverResult{}, fmt.Errorf("loyalty: RetentionLever: a customer is worth %s before the change, so a relative change is meaningless: %w", r.Before, ErrInvalid)
	}
	r.Change = r.After.Div(r.Before).InexactFloat64() - 1
	return r, nil
}
