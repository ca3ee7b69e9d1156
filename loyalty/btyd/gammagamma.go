package btyd

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"
)

// GammaGamma holds the parameters of the Gamma-Gamma model of spend per
// transaction (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value
// curves for customer base analysis"; Colombo & Jiang 1999): a customer's
// transaction values are Gamma(P, ν) around a mean that varies across
// customers, ν ~ Gamma(Q, V). Spend is assumed independent of purchase
// frequency.
type GammaGamma struct {
	// P is the shape of a customer's transaction-value distribution.
	P float64 `json:"p"`
	// Q is the shape of the distribution of ν across customers.
	Q float64 `json:"q"`
	// V is its scale, in money units.
	V float64 `json:"v"`
}

func (g GammaGamma) valid() bool {
	for _, v := range []float64{g.P, g.Q, g.V} {
		if !(v > 0) || math.IsInf(v, 1) {
			return false
		}
	}
	return true
}

// MeanSpend returns the expected spend per transaction of a new customer,
// E[M] = p·v/(q − 1); NaN unless q > 1 and the parameters are valid.
func (g GammaGamma) MeanSpend() float64 {
	if !g.valid() || !(g.Q > 1) {
		return math.NaN()
	}
	return g.P * g.V / (g.Q - 1)
}

// ConditionalSpend returns the expected spend per transaction of a
// customer with x repeat purchases of mean value m̄ (Fader, Hardie & Lee
// 2005, eq. 5):
//
//	E[M | x, m̄] = p(v + x m̄)/(px + q − 1)
//	            = (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · m̄
//
// a weighted mean of the population mean and the customer's own mean that
// trusts the customer's mean more the more purchases it rests on. For
// x = 0 it is the population mean. NaN for invalid parameters, q ≤ 1, or
// x > 0 with m̄ not positive and finite.
func (g GammaGamma) ConditionalSpend(s Summary) float64 {
	if !g.valid() || !(g.Q > 1) || s.Frequency < 0 {
		return math.NaN()
	}
	if s.Frequency == 0 {
		return g.MeanSpend()
	}
	if !(s.MeanSpend > 0) || math.IsInf(s.MeanSpend, 1) {
		return math.NaN()
	}
	px := g.P * float64(s.Frequency)
	return g.P * (g.V + float64(s.Frequency)*s.MeanSpend) / (px + g.Q - 1)
}

// ValueOptions sets the horizon and discounting of [CustomerValue].
type ValueOptions struct {
	// Periods is the number of periods in the horizon (≥ 1).
	Periods int
	// PeriodLength is a period's length in the models' time unit (> 0):
	// with models fitted in weeks, 4.345 for months.
	PeriodLength float64
	// Discount is the discount rate per period (> −1, usually > 0).
	Discount float64
	// Margin is the profit margin on spend, a fraction in [0, 1].
	Margin float64
}

// CustomerValue returns a customer's discounted expected profit over the
// horizon, from the BG/NBD's expected purchases and the Gamma-Gamma's
// expected spend (Fader, Hardie & Lee 2005):
//
//	CLV = margin · E[M | x, m̄] · Σₖ₌₁ᴷ (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1+d)ᵏ
//
// where E[Y(t)] is [BGNBD.ConditionalPurchases], Δ the period length and d
// the discount rate: the purchases of period k are discounted at its end,
// like the end-of-period convention of the simple CLV formulas. The result
// is money, rounded half away from zero to cents (the float64 value is
// converted with decimal.NewFromFloat before rounding, so it is exact to
// the cent of the float computation, which carries about 15 significant
// digits).
//
// It returns an error wrapping [ErrInvalid] for invalid parameters, a
// summary the models reject, or options out of range.
func CustomerValue(m BGNBD, g GammaGamma, s Summary, opts ValueOptions) (decimal.Decimal, error) {
	switch {
	case m.check() != nil || !g.valid() || !(g.Q > 1):
		return decimal.Decimal{}, fmt.Errorf("btyd: CustomerValue: invalid models %+v, %+v (q must exceed 1): %w", m, g, ErrInvalid)
	case opts.Periods < 1 || !(opts.PeriodLength > 0) || math.IsInf(opts.PeriodLength, 1):
		return decimal.Decimal{}, fmt.Errorf("btyd: CustomerValue: %d periods of length %v: %w", opts.Periods, opts.PeriodLength, ErrInvalid)
	case !(opts.Discount > -1) || math.IsInf(opts.Discount, 1) || !(opts.Margin >= 0 && opts.Margin <= 1):
		return decimal.Decimal{}, fmt.Errorf("btyd: CustomerValue: discount %v, margin %v: %w", opts.Discount, opts.Margin, ErrInvalid)
	}
	if err := checkSummary(0, s); err != nil {
		return decimal.Decimal{}, err
	}
	spend := g.ConditionalSpend(s)
	if math.IsNaN(spend) {
		return decimal.Decimal{}, fmt.Errorf("btyd: CustomerValue: mean spend %v of a repeat customer must be > 0: %w", s.MeanSpend, ErrInvalid)
	}
	var sum, prev float64
	for k := 1; k <= opts.Periods; k++ {
		cur := m.ConditionalPurchases(float64(k)*opts.PeriodLength, s)
		sum += (cur - prev) / math.Pow(1+opts.Discount, float64(k))
		prev = cur
	}
	v := opts.Margin * spend * sum
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return decimal.Decimal{}, fmt.Errorf("btyd: CustomerValue: value is not finite: %w", ErrInvalid)
	}
	return decimal.NewFromFloat(v).Round(2), nil
}
