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
//
// GammaGamma is a plain value: its methods do not modify it and may be
// called concurrently. They are pure functions in the manner of package
// math, returning NaN outside their domain (listed under "Special
// cases").
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
// E[M] = p·v/(q − 1) (Fader, Hardie & Lee 2005), in the money unit of V,
// computed as v/((q − 1)/p) so that no intermediate product overflows.
//
// Special cases are:
//
//	MeanSpend() = NaN for q ≤ 1 (the mean does not exist), or p, q, v
//	    not finite and > 0
//	MeanSpend() = +Inf only if p·v/(q − 1) exceeds math.MaxFloat64
func (g GammaGamma) MeanSpend() float64 {
	if !g.valid() || !(g.Q > 1) {
		return math.NaN()
	}
	return g.V / ((g.Q - 1) / g.P)
}

// ConditionalSpend returns the expected spend per transaction of a
// customer with x repeat purchases of mean value m̄ (Fader, Hardie & Lee
// 2005, eq. 5):
//
//	E[M | x, m̄] = p(v + x m̄)/(px + q − 1)
//	            = (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · m̄
//
// a weighted mean of the population mean and the customer's own mean that
// trusts the customer's mean more the more purchases it rests on. It is
// computed as v/D + (x/D)·m̄ with D = x + (q−1)/p, so that no
// intermediate product overflows. For x = 0 it is the population mean
// [GammaGamma.MeanSpend].
//
// Special cases are:
//
//	ConditionalSpend(s) = NaN for q ≤ 1, p, q, v not finite and > 0,
//	    s.Frequency < 0, or s.Frequency > 0 with s.MeanSpend not finite
//	    and > 0
//	ConditionalSpend(s) = +Inf only if the value exceeds math.MaxFloat64
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
	x := float64(s.Frequency)
	d := x + (g.Q-1)/g.P
	return g.V/d + x/d*s.MeanSpend
}

// MaxValuePeriods bounds the horizon of [CustomerValue], in periods.
const MaxValuePeriods = 10_000

// ValueOptions sets the horizon and discounting of [CustomerValue].
type ValueOptions struct {
	// Periods is the number of periods in the horizon, in
	// [1, MaxValuePeriods].
	Periods int
	// PeriodLength is a period's length in the models' time unit (> 0):
	// with models fitted in weeks, 4.345 for months. The horizon
	// Periods·PeriodLength must not exceed MaxTime.
	PeriodLength float64
	// Discount is the discount rate per period, a fraction in
	// [0, MaxDiscount] (0.01 for 1% a period; 0 for no discounting).
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
// like the end-of-period convention of the simple CLV formulas. The work
// is proportional to the number of periods (at most MaxValuePeriods). The
// result is money, rounded half away from zero to cents (the float64
// value is converted with decimal.NewFromFloat before rounding, so it is
// exact to the cent of the float computation, which carries about 15
// significant digits).
//
// It returns an error wrapping [ErrInvalid] that names the argument for
// parameters outside the models' domain (BG/NBD parameters in
// [MinParam, MaxParam]; Gamma-Gamma parameters finite and > 0 with
// q > 1), a history the BG/NBD rejects, a repeat customer's mean spend
// that is not finite and > 0, options out of range, or a value too large
// for float64.
func CustomerValue(m BGNBD, g GammaGamma, s Summary, opts ValueOptions) (decimal.Decimal, error) {
	fail := func(format string, args ...any) (decimal.Decimal, error) {
		return decimal.Decimal{}, fmt.Errorf("btyd: CustomerValue: "+format+": %w", append(args, ErrInvalid)...)
	}
	for _, p := range []struct {
		name string
		v    float64
	}{{"r", m.R}, {"alpha", m.Alpha}, {"a", m.A}, {"b", m.B}} {
		if !(p.v >= MinParam && p.v <= MaxParam) {
			return fail("BG/NBD parameter %s = %v outside [%g, %g]", p.name, p.v, MinParam, MaxParam)
		}
	}
	for _, p := range []struct {
		name string
		v    float64
	}{{"p", g.P}, {"q", g.Q}, {"v", g.V}} {
		if !(p.v > 0) || math.IsInf(p.v, 1) {
			return fail("Gamma-Gamma parameter %s = %v must be finite and > 0", p.name, p.v)
		}
	}
	switch {
	case !(g.Q > 1):
		return fail("Gamma-Gamma parameter q = %v must exceed 1 for the mean spend to exist", g.Q)
	case opts.Periods < 1 || opts.Periods > MaxValuePeriods:
		return fail("periods %d outside [1, %d]", opts.Periods, MaxValuePeriods)
	case !(opts.PeriodLength > 0) || math.IsInf(opts.PeriodLength, 1):
		return fail("period length %v must be finite and > 0", opts.PeriodLength)
	case float64(opts.Periods)*opts.PeriodLength > MaxTime:
		return fail("horizon of %d periods of length %v exceeds %g time units", opts.Periods, opts.PeriodLength, MaxTime)
	case !(opts.Discount >= 0 && opts.Discount <= MaxDiscount):
		return fail("discount rate %v outside [0, %g] (a fraction per period)", opts.Discount, MaxDiscount)
	case !(opts.Margin >= 0 && opts.Margin <= 1):
		return fail("margin %v outside [0, 1] (a fraction of spend)", opts.Margin)
	}
	if p := summaryProblem(s, true); p != "" {
		return fail("summary: %s", p)
	}
	if s.T > MaxTime || s.Frequency > MaxFrequency {
		return fail("summary: age T = %v or frequency %d beyond %g, %d", s.T, s.Frequency, MaxTime, MaxFrequency)
	}
	spend := g.ConditionalSpend(s)
	if math.IsNaN(spend) {
		return fail("summary: mean spend %v of a repeat customer must be finite and > 0", s.MeanSpend)
	}
	var sum, prev float64
	disc := 1.0
	for k := 1; k <= opts.Periods; k++ {
		cur := m.ConditionalPurchases(float64(k)*opts.PeriodLength, s)
		disc /= 1 + opts.Discount
		sum += (cur - prev) * disc
		prev = cur
	}
	v := opts.Margin * spend * sum
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fail("value %v is not a finite float64", v)
	}
	return decimal.NewFromFloat(v).Round(2), nil
}
