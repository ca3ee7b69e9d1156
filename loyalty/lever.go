package loyalty

import (
	"fmt"
	"math"
	"reflect"

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

// Total returns the year's total profit, an exact decimal sum. Like every
// decimal sum its cost grows with the spread of the amounts' exponents;
// [RetentionLever] checks them against [MaxAmountExponent] first.
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
// (Reichheld & Sasser 1990: 5% less defection raised profit by 25–85% in
// the industries they studied). The value of a customer acquired now at
// cost acquisition is
//
//	V(δ) = −acquisition + Σₜ₌₁^∞ profitₜ (1−δ)^{t−1}/(1+d)ᵗ
//
// with profitₜ from profile (year t), the last year's profit continuing
// after the profile ends: end-of-year margins, the first year certain.
// With q = (1−δ)/(1+d) and n years in the profile, the weight of year t is
// q^{t−1}/(1+d) and the tail after year n sums to profitₙ·qⁿ/(d+δ). How
// large the change is depends on how steeply profit grows with tenure,
// which is why the published range is wide; [IllustrativeProfile] shows
// the mechanism. The weights are float64; each year's profit is
// multiplied by its weight in decimal, so large profits cannot overflow.
// Money is rounded half away from zero to cents.
//
// Rates are fractions per year: defection in (0, 1], reduction in
// [0, defection), the discount rate d in [0, 1]. Errors wrap [ErrEmpty]
// for an empty profile and [ErrInvalid], naming the argument, for a rate
// outside its range or NaN, an amount whose exponent exceeds
// [MaxAmountExponent], a customer worth nothing before the change
// (a relative change is meaningless), or a result outside the range of
// float64 (a tail weight 1/(d+δ) or a relative change that overflows).
func RetentionLever(profile []YearProfit, defection, reduction, discount float64, acquisition decimal.Decimal) (LeverResult, error) {
	if len(profile) == 0 {
		return LeverResult{}, fmt.Errorf("loyalty: RetentionLever needs a profit profile of at least one year: %w", ErrEmpty)
	}
	switch {
	case !(defection > 0 && defection <= 1):
		return LeverResult{}, fmt.Errorf("loyalty: RetentionLever defection %v outside (0, 1]: %w", defection, ErrInvalid)
	case !(reduction >= 0 && reduction < defection):
		return LeverResult{}, fmt.Errorf("loyalty: RetentionLever reduction %v must be in [0, defection %v): %w", reduction, defection, ErrInvalid)
	case !(discount >= 0 && discount <= 1):
		return LeverResult{}, fmt.Errorf("loyalty: RetentionLever discount rate %v outside [0, 1] (a fraction per year): %w", discount, ErrInvalid)
	}
	for i, y := range profile {
		if err := checkAmounts(fmt.Sprintf("RetentionLever profile[%d]", i), reflect.ValueOf(y)); err != nil {
			return LeverResult{}, err
		}
	}
	if err := checkAmount("RetentionLever acquisition", acquisition); err != nil {
		return LeverResult{}, err
	}
	n := len(profile)
	value := func(delta float64) (decimal.Decimal, error) {
		q := (1 - delta) / (1 + discount)
		var sum decimal.Decimal
		for t := 1; t <= n; t++ {
			w := math.Pow(q, float64(t-1)) / (1 + discount)
			sum = sum.Add(profile[t-1].Total().Mul(decimal.NewFromFloat(w)))
		}
		// The tail: the last year's profit forever, a geometric series.
		tail := math.Pow(q, float64(n)) / (discount + delta)
		if math.IsInf(tail, 0) || math.IsNaN(tail) {
			return decimal.Decimal{}, fmt.Errorf("loyalty: RetentionLever: tail weight at defection %v, discount %v is outside the range of float64: %w", delta, discount, ErrInvalid)
		}
		sum = sum.Add(profile[n-1].Total().Mul(decimal.NewFromFloat(tail)))
		return sum.Sub(acquisition).Round(2), nil
	}
	before, err := value(defection)
	if err != nil {
		return LeverResult{}, err
	}
	after, err := value(defection - reduction)
	if err != nil {
		return LeverResult{}, err
	}
	r := LeverResult{Before: before, After: after, LifetimeBefore: 1 / defection, LifetimeAfter: 1 / (defection - reduction)}
	if r.Before.Sign() <= 0 {
		return LeverResult{}, fmt.Errorf("loyalty: RetentionLever: a customer is worth %s before the change, so a relative change is meaningless: %w", r.Before, ErrInvalid)
	}
	r.Change = r.After.DivRound(r.Before, 16).InexactFloat64() - 1
	for _, f := range []struct {
		name string
		v    float64
	}{{"change", r.Change}, {"lifetime before", r.LifetimeBefore}, {"lifetime after", r.LifetimeAfter}} {
		if math.IsInf(f.v, 0) || math.IsNaN(f.v) {
			return LeverResult{}, fmt.Errorf("loyalty: RetentionLever: %s is outside the range of float64: %w", f.name, ErrInvalid)
		}
	}
	return r, nil
}
