package loyalty

import (
	"fmt"
	"math"

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

var timingNames = [...]string{"unknown", "start-of-period", "end-after-survival", "end-first-certain"}

// String returns the convention's name, such as "end-after-survival".
func (t Timing) String() string {
	if t >= TimingUnknown && t <= EndFirstCertain {
		return timingNames[t]
	}
	return fmt.Sprintf("Timing(%d)", int(t))
}

// MarshalText encodes the convention as its name.
func (t Timing) MarshalText() ([]byte, error) {
	if t < TimingUnknown || t > EndFirstCertain {
		return nil, fmt.Errorf("loyalty: cannot marshal Timing(%d): %w", int(t), ErrInvalid)
	}
	return []byte(timingNames[t]), nil
}

// UnmarshalText decodes a convention from its name. On error t is
// unchanged.
func (t *Timing) UnmarshalText(text []byte) error {
	for i, n := range timingNames {
		if string(text) == n {
			*t = Timing(i)
			return nil
		}
	}
	return fmt.Errorf("loyalty: unknown CLV timing %q: %w", string(text), ErrInvalid)
}

// CLVInput describes a customer for [CLV].
type CLVInput struct {
	// Margin is the margin per period (in the first period, with growth).
	Margin decimal.Decimal `json:"margin"`
	// Retention is the probability r of staying from one period to the
	// next, in [0, 1).
	Retention float64 `json:"retention"`
	// Discount is the discount rate d per period, > −1.
	Discount float64 `json:"discount"`
	// Growth is the rate g at which the margin grows each period, > −1.
	Growth float64 `json:"growth"`
	// Horizon is the number of margins counted; 0 means an infinite
	// horizon.
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
// away from zero to cents.
//
// It returns an error wrapping [ErrInvalid] for r outside [0, 1), d ≤ −1,
// g ≤ −1, NaN or ±Inf, a negative horizon, an unknown timing, or an
// infinite horizon with 1+d ≤ r(1+g) (the value would be infinite).
func CLV(in CLVInput) (decimal.Decimal, error) {
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
	case !(d > -1) || math.IsInf(d, 1):
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLV discount rate %v must be finite and > −1: %w", d, ErrInvalid)
	case !(g > -1) || math.IsInf(g, 1):
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLV growth rate %v must be finite and > −1: %w", g, ErrInvalid)
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
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLV multiplier overflows: %w", ErrInvalid)
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
// minus acquisition, rounded half away from zero to cents. Rates must lie
// in [0, 1]; d > −1; errors wrap [ErrInvalid] (or [ErrLength] for no
// periods).
func CLVCurve(margin decimal.Decimal, retention []float64, discount float64, timing Timing, acquisition decimal.Decimal) (decimal.Decimal, error) {
	if len(retention) == 0 {
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLVCurve needs at least one period: %w", ErrLength)
	}
	if !(discount > -1) || math.IsInf(discount, 1) {
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLVCurve discount rate %v must be finite and > −1: %w", discount, ErrInvalid)
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
		return decimal.Decimal{}, fmt.Errorf("loyalty: CLVCurve value overflows: %w", ErrInvalid)
	}
	return margin.Mul(decimal.NewFromFloat(sum)).Sub(acquisition).Round(2), nil
}

// ExpectedLifetime returns the expected number of periods a customer
// stays with constant retention r, 1/(1 − r) (counting the first period).
// It returns an error wrapping [ErrInvalid] for r outside [0, 1).
func ExpectedLifetime(r float64) (float64, error) {
	if !(r >= 0 && r < 1) {
		return math.NaN(), fmt.Errorf("loyalty: expected lifetime for retention %v outside [0, 1): %w", r, ErrInvalid)
	}
	return 1 / (1 - r), nil
}

// ContinuousRate converts a discount rate d per period into the equivalent
// continuously compounded rate ln(1 + d).
//
// Special cases are: ContinuousRate(d) = NaN for d ≤ −1 or NaN;
// ContinuousRate(+Inf) = +Inf.
func ContinuousRate(d float64) float64 {
	if !(d > -1) {
		return math.NaN()
	}
	return math.Log1p(d)
}

// PeriodRate converts a continuously compounded rate c into the equivalent
// rate per period, eᶜ − 1 (the inverse of ContinuousRate).
//
// Special cases are: PeriodRate(NaN) = NaN; PeriodRate(−Inf) = −1.
func PeriodRate(c float64) float64 { return math.Expm1(c) }
