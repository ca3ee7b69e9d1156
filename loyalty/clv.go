package loyalty

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/internal/enumtext"
	"github.com/shopspring/decimal"
)

// Timing is when a customer's margins arrive relative to the periods of a
// lifetime-value calculation. The three conventions of the literature give
// different values for the same margin, retention and discount rate, so
// the choice is explicit. The zero value, TimingUnknown, is rejected.
type Timing int8

// The timing conventions, with margin m, retention r and discount rate d
// per period (infinite horizon, no growth).
const (
	// TimingUnknown is the zero Timing.
	TimingUnknown Timing = iota
	// StartOfPeriod: the margin is received now and at the start of each
	// period the customer is still there: m(1+d)/(1+d−r).
	StartOfPeriod
	// EndAfterSurvival: the margin is received at the end of each period
	// the customer survives, the first one included (Gupta & Lehmann's
	// margin multiple): m·r/(1+d−r).
	EndAfterSurvival
	// EndFirstCertain: the margin is received at the end of each period,
	// the first one certain (the customer has just been won): m/(1+d−r).
	EndFirstCertain
)

var timingLabels = newLabels(enumtext.Labels{
	Type:        "Timing",
	Token:       []string{"unknown", "start_of_period", "end_after_survival", "end_first_certain"},
	English:     []string{"unknown", "start of period", "end of period, after survival", "end of period, first certain"},
	Chinese:     []string{"未知", "期初计入", "期末计入（存活后）", "期末计入（首期确定）"},
	EmptyIsZero: true,
})

// String returns the convention's English label, such as "end of period,
// after survival", or "Timing(n)" for a value outside the enumeration.
func (t Timing) String() string { return timingLabels.English(int(t)) }

// Chinese returns the convention's Chinese label, such as "期初计入" for
// StartOfPeriod, or "" for a value outside the enumeration.
func (t Timing) Chinese() string { return timingLabels.Chinese(int(t)) }

// MarshalText encodes the convention as its stable token: "unknown",
// "start_of_period", "end_after_survival" or "end_first_certain". A value
// outside the enumeration is an error wrapping [ErrInvalid].
func (t Timing) MarshalText() ([]byte, error) { return timingLabels.Marshal(int(t)) }

// UnmarshalText decodes a convention from its token, English label or
// Chinese label (Latin letters in any case; space, hyphen and underscore
// alike, so the hyphenated "start-of-period" is StartOfPeriod); ""
// decodes as TimingUnknown. On error t is left unchanged and the error
// wraps [ErrInvalid].
func (t *Timing) UnmarshalText(text []byte) error {
	return timingLabels.Unmarshal(text, t == nil, func(i int) { *t = Timing(i) })
}

// CLVInput describes a customer for [CLV].
type CLVInput struct {
	// Margin is the margin per period (in the first period, with growth).
	Margin decimal.Decimal `json:"margin"`
	// Retention is the probability r of staying from one period to the
	// next, a fraction in [0, 1).
	Retention float64 `json:"retention"`
	// Discount is the discount rate d per period, a fraction in [0, 1]
	// (0.1 for 10%; 10 is an error, not 1000%).
	Discount float64 `json:"discount"`
	// Growth is the rate g at which the margin grows each period, a
	// fraction in (−1, 1].
	Growth float64 `json:"growth"`
	// Horizon is the number of margins counted; 0 means an infinite
	// horizon. Any horizon up to math.MaxInt costs the same: the sum is
	// in closed form.
	Horizon int `json:"horizon"`
	// Timing is the convention for when margins arrive.
	Timing Timing `json:"timing"`
	// AcquisitionCost, if not zero, is subtracted from the value.
	AcquisitionCost decimal.Decimal `json:"acquisition_cost"`
}

// CLV returns the expected discounted lifetime value of a customer with
// constant retention r, discount rate d and margin growth g, under the
// given timing. With q = r(1+g)/(1+d) and the sum running over the
// Horizon margins (all of them when Horizon is 0):
//
//	StartOfPeriod     m · Σₜ₌₀ qᵗ           = m(1+d)/(1+d−r(1+g))   (infinite)
//	EndAfterSurvival  m·r/(1+d) · Σₜ₌₀ qᵗ   = m·r/(1+d−r(1+g))
//	EndFirstCertain   m/(1+d) · Σₜ₌₀ qᵗ     = m/(1+d−r(1+g))
//
// (Gupta & Lehmann 2003; Berger & Nasr 1998), minus AcquisitionCost. The
// multiplier is computed in float64 (about 15 significant digits), turned
// into a decimal and multiplied by the margin; the result is rounded half
// away from zero to cents. A finite sum is (1 − qᴺ)/(1 − q), computed as
// −expm1(N·ln q)/(1 − q), so any horizon takes the same time.
//
// Rates are fractions: r in [0, 1), d in [0, 1], g in (−1, 1]. It returns
// an error wrapping [ErrInvalid], naming the field, for a rate outside its
// range, NaN or ±Inf, a negative horizon, an unknown timing, an infinite
// horizon with 1+d ≤ r(1+g) (the value would be infinite), an amount
// whose exponent exceeds [MaxAmountExponent], or a
// multiplier outside the range of float64 (fast growth over a long
// horizon).
func CLV(in CLVInput) (decimal.Decimal, error) {
	if err := checkAmount("CLV margin", in.Margin); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkAmount("CLV acquisition cost", in.AcquisitionCost); err != nil {
		return decimal.Decimal{}, err
	}
	mult, err := clvMultiplier(in.Retention, in.Discount, in.Growth, in.Horizon, in.Timing)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return in.Margin.Mul(mult).Sub(in.AcquisitionCost).Round(2), nil
}

// clvMultiplier returns the value of a margin of 1 as a decimal.
func clvMultiplier(r, d, g float64, horizon int, timing Timing) (decimal.Decimal, error) {
	switch {
	case !(r >= 0 && r < 1):
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLV retention %v outside [0, 1): %w", r, ErrInvalid)
	case !(d >= 0 && d <= 1):
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLV discount rate %v outside [0, 1] (a fraction per period, 0.1 for 10%%): %w", d, ErrInvalid)
	case !(g > -1 && g <= 1):
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLV growth rate %v outside (−1, 1] (a fraction per period): %w", g, ErrInvalid)
	case horizon < 0:
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLV horizon %d is negative: %w", horizon, ErrInvalid)
	case timing < StartOfPeriod || timing > EndFirstCertain:
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLV timing %v is not a known convention: %w", timing, ErrInvalid)
	case horizon == 0 && !(1+d > r*(1+g)):
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLV needs 1+d > r(1+g) for an infinite horizon, have 1+%v ≤ %v·(1+%v): %w", d, r, g, ErrInvalid)
	}
	q := r * (1 + g) / (1 + d)
	var sum float64 // Σ qᵗ over the horizon
	if horizon == 0 {
		sum = 1 / (1 - q)
	} else if q == 1 {
		sum = float64(horizon)
	} else {
		sum = -math.Expm1(float64(horizon)*math.Log(q)) / (1 - q) // (1 − qᴺ)/(1 − q)
	}
	var m float64
	switch timing {
	case StartOfPeriod:
		m = sum
	case EndAfterSurvival:
		m = r / (1 + d) * sum
	case EndFirstCertain:
		m = sum / (1 + d)
	}
	if math.IsNaN(m) || math.IsInf(m, 0) {
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLV multiplier for retention %v, discount %v, growth %v over %d periods is outside the range of float64: %w", r, d, g, horizon, ErrInvalid)
	}
	return decimal.NewFromFloat(m), nil
}

// CLVCurve returns the discounted lifetime value of a customer whose
// retention varies by period: retention[t−1] is the probability of
// staying from period t−1 to period t, so the survival to period t is
// S(t) = Πᵢ₌₁ᵗ retention[i−1] with S(0) = 1. Over the N = len(retention)
// periods,
//
//	StartOfPeriod     Σₜ₌₀^{N−1} m S(t)/(1+d)ᵗ
//	EndAfterSurvival  Σₜ₌₁^{N}   m S(t)/(1+d)ᵗ
//	EndFirstCertain   Σₜ₌₁^{N}   m S(t−1)/(1+d)ᵗ
//
// minus acquisition, rounded half away from zero to cents. Rates are
// fractions: each retention in [0, 1], the discount rate d per period in
// [0, 1]. The work is linear in len(retention). Errors wrap [ErrEmpty]
// for no periods and [ErrInvalid] otherwise (also for an amount whose
// exponent exceeds [MaxAmountExponent]), naming the argument (and the
// index of a bad retention).
func CLVCurve(margin decimal.Decimal, retention []float64, discount float64, timing Timing, acquisition decimal.Decimal) (decimal.Decimal, error) {
	if len(retention) == 0 {
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLVCurve needs at least one period of retention: %w", ErrEmpty)
	}
	if err := checkAmount("CLVCurve margin", margin); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkAmount("CLVCurve acquisition cost", acquisition); err != nil {
		return decimal.Decimal{}, err
	}
	if !(discount >= 0 && discount <= 1) {
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLVCurve discount rate %v outside [0, 1] (a fraction per period): %w", discount, ErrInvalid)
	}
	if timing < StartOfPeriod || timing > EndFirstCertain {
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLVCurve timing %v is not a known convention: %w", timing, ErrInvalid)
	}
	for i, r := range retention {
		if !(r >= 0 && r <= 1) {
			return decimal.Decimal{}, fmt.Errorf("loyalty: CLVCurve retention[%d] = %v outside [0, 1]: %w", i, r, ErrInvalid)
		}
	}
	var sum float64
	s := 1.0 // S(t)
	for t := 0; t <= len(retention); t++ {
		prev := s
		if t > 0 {
			s *= retention[t-1]
		}
		disc := math.Pow(1+discount, -float64(t))
		switch {
		case timing == StartOfPeriod && t < len(retention):
			sum += s * disc
		case timing == EndAfterSurvival && t > 0:
			sum += s * disc
		case timing == EndFirstCertain && t > 0:
			sum += prev * disc
		}
	}
	if math.IsNaN(sum) || math.IsInf(sum, 0) {
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLVCurve multiplier is outside the range of float64: %w", ErrInvalid)
	}
	return margin.Mul(decimal.NewFromFloat(sum)).Sub(acquisition).Round(2), nil
}

// ExpectedLifetime returns the expected number of periods a customer
// stays with constant retention r, 1/(1 − r) (counting the first period):
// the mean of a geometric distribution. The result is finite for every r
// in [0, 1) (at most 2⁵³ for r = 1 − 2⁻⁵³). It returns NaN and an error
// wrapping [ErrInvalid] for r outside [0, 1) or NaN.
func ExpectedLifetime(r float64) (float64, error) {
	if !(r >= 0 && r < 1) {
		return math.NaN(), fmt.Errorf("loyalty: expected lifetime for retention %v outside [0, 1): %w", r, ErrInvalid)
	}
	return 1 / (1 - r), nil
}

// ContinuousRate converts a discount rate d per period (a fraction, 0.1
// for 10%) into the equivalent continuously compounded rate ln(1 + d),
// computed as math.Log1p(d). Like the functions of package math it
// reports a domain error as NaN, not as an error.
//
// Special cases are: ContinuousRate(d) = NaN for d ≤ −1 or NaN;
// ContinuousRate(+Inf) = +Inf;
// ContinuousRate(±0) = ±0.
func ContinuousRate(d float64) float64 {
	if !(d > -1) {
		return math.NaN()
	}
	return math.Log1p(d)
}

// PeriodRate converts a continuously compounded rate c into the equivalent
// rate per period, eᶜ − 1 (the inverse of ContinuousRate), computed as
// math.Expm1(c).
//
// Special cases are: PeriodRate(NaN) = NaN; PeriodRate(−Inf) = −1;
// PeriodRate(c) = +Inf for c > ln(MaxFloat64) ≈ 709.78 (overflow);
// PeriodRate(±0) = ±0.
func PeriodRate(c float64) float64 { return math.Expm1(c) }
