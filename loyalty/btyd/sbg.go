package btyd

import (
	"fmt"
	"math"
)

// SBG holds the parameters of the shifted-beta-geometric model of
// contractual retention (Fader & Hardie 2007, "How to project customer
// retention"): each customer renews every period with a constant
// probability 1 − θ until they churn, and θ varies across customers as
// Beta(Alpha, Beta). Heterogeneity makes the aggregate retention rate
// rise with tenure, as the weakest customers leave first.
//
// SBG is a plain value: its methods do not modify it and may be called
// concurrently. They are pure functions in the manner of package math:
// parameters or arguments outside their domain give NaN, as listed under
// "Special cases" in each method; on valid input the result is finite
// and ≥ 0.
type SBG struct {
	// Alpha is the first shape of the churn-probability distribution.
	Alpha float64 `json:"alpha"`
	// Beta is its second shape.
	Beta float64 `json:"beta"`
}

// Domain of the lifetime integrals (see [SBG.DiscountedLifetime]).
const (
	// SBGMinShape and SBGMaxShape bound Alpha and Beta for the lifetime
	// methods.
	SBGMinShape = 1e-8
	SBGMaxShape = 1e8
	// MinDiscount and MaxDiscount bound the discount rate per period, a
	// fraction, of the discounted lifetimes and of [CustomerValue] (whose
	// lower bound is 0: no discounting).
	MinDiscount = 1e-9
	MaxDiscount = 1.0
	// MaxProjectPeriods bounds the horizon of [SBG.Project].
	MaxProjectPeriods = 1 << 20
)

func (m SBG) valid() bool {
	return m.Alpha > 0 && m.Beta > 0 && !math.IsInf(m.Alpha, 1) && !math.IsInf(m.Beta, 1)
}

// lifetimeDomain reports whether the parameters and the discount rate
// are in the domain of the discounted lifetimes.
func (m SBG) lifetimeDomain(d float64) bool {
	return m.Alpha >= SBGMinShape && m.Alpha <= SBGMaxShape && m.Beta >= SBGMinShape && m.Beta <= SBGMaxShape &&
		d >= MinDiscount && d <= MaxDiscount
}

// Survival returns S(t) = B(α, β+t)/B(α, β), the share of a cohort still
// active after t periods (t ≥ 0 whole periods) (Fader & Hardie 2007,
// eq. 7). It is computed in O(1) as
//
//	ln S(t) = ln Γ(α+β)/Γ(β) − ln Γ(α+β+t)/Γ(β+t)
//
// with each log-ratio of gamma functions formed without cancellation
// (Stirling's series in difference form), to a relative error of about
// 1e-15·(1 + α·ln(β+t)) — the sensitivity of S(t) itself to a rounding
// of α. For t ≤ 1024 the product Πᵢ₌₀^{t−1} (β+i)/(α+β+i) is summed in
// log space instead. Very small values underflow to 0.
//
// Special cases are:
//
//	Survival(0) = 1
//	Survival(t) = NaN for t < 0, or α, β not finite and > 0
func (m SBG) Survival(t int) float64 {
	if !m.valid() || t < 0 {
		return math.NaN()
	}
	return math.Exp(m.logSurvival(float64(t)))
}

// logSurvival is ln S(t) for t ≥ 0.
func (m SBG) logSurvival(t float64) float64 {
	return lnBetaShift(m.Alpha, m.Beta, t)
}

// Retention returns the retention rate of period t ≥ 1, the share of
// customers active in period t − 1 who renew (Fader & Hardie 2007, eq. 8):
//
//	r(t) = (β + t − 1)/(α + β + t − 1)
//
// It rises with t.
//
// Special cases are:
//
//	Retention(t) = NaN for t < 1, or α, β not finite and > 0
func (m SBG) Retention(t int) float64 {
	if !m.valid() || t < 1 {
		return math.NaN()
	}
	ft := float64(t)
	return (m.Beta + ft - 1) / (m.Alpha + m.Beta + ft - 1)
}

// Project returns the expected number of survivors of a cohort of size
// cohort at the start of periods 0 … periods: cohort · S(t), computed as
// a running product of retention rates re-anchored on the closed form of
// [SBG.Survival] every 64 periods, so rounding does not accumulate.
//
// It returns an error wrapping [ErrInvalid] for invalid parameters, a
// cohort that is negative or not finite, or periods outside
// [0, MaxProjectPeriods].
func (m SBG) Project(cohort float64, periods int) ([]float64, error) {
	if !m.valid() {
		return nil, fmt.Errorf("btyd: Project: sBG parameters alpha %v, beta %v must be finite and > 0: %w", m.Alpha, m.Beta, ErrInvalid)
	}
	if !(cohort >= 0) || math.IsInf(cohort, 1) {
		return nil, fmt.Errorf("btyd: Project: cohort %v must be finite and ≥ 0: %w", cohort, ErrInvalid)
	}
	if periods < 0 || periods > MaxProjectPeriods {
		return nil, fmt.Errorf("btyd: Project: periods %d outside [0, %d]: %w", periods, MaxProjectPeriods, ErrInvalid)
	}
	out := make([]float64, periods+1)
	s := 1.0
	for t := range out {
		if t > 0 && t%64 == 0 {
			s = math.Exp(m.logSurvival(float64(t)))
		}
		out[t] = cohort * s
		s *= m.Retention(t + 1)
	}
	return out, nil
}

// DiscountedLifetime returns the discounted expected lifetime of a new
// customer, in periods, with the first period counted undiscounted
// (Fader & Hardie 2010, "Customer-base valuation in a contractual
// setting"):
//
//	DEL(d) = Σₜ₌₀^∞ S(t)/(1+d)ᵗ = ₂F₁(1, β; α+β; 1/(1+d))
//	       = E[(1+d)/(θ+d)],  θ ~ Beta(α, β)
//
// Multiply by the margin per period for the customer's expected value at
// acquisition. d is the discount rate per period, a fraction.
//
// The hypergeometric closed form is ill-conditioned for large β·d (its
// transformations leave two huge terms that cancel) and its series
// converges slowly as d → 0, so DEL is computed from the last form, a
// mean over the Beta distribution of a positive function, by the
// adaptive quadrature of betaMean: to about 1e-13 relative for α, β in
// [SBGMinShape, SBGMaxShape] and d in [MinDiscount, MaxDiscount], with no
// special case at α = 1 or α + β = 1.
//
// Special cases are:
//
//	DiscountedLifetime(d) = NaN for d outside [MinDiscount, MaxDiscount]
//	    or NaN, or α, β outside [SBGMinShape, SBGMaxShape]
func (m SBG) DiscountedLifetime(d float64) float64 {
	if !m.lifetimeDomain(d) {
		return math.NaN()
	}
	return sbgLifetime(m.Alpha, m.Beta, d)
}

// sbgLifetime is E[(1+d)/(θ+d)] for θ ~ Beta(a, b).
func sbgLifetime(a, b, d float64) float64 {
	return betaMean(a, b, betaMixture{
		h:       func(p, _ float64) float64 { return (1 + d) / (p + d) },
		slope0:  1 / d,
		slope1:  1,
		feature: d,
	})
}

// ResidualLifetime returns the discounted expected residual lifetime of a
// customer who has been active for n ≥ 1 periods (made n − 1 renewals),
// evaluated at the renewal decision that ends period n, in periods
// (Fader & Hardie 2010):
//
//	DERL(d, n) = Σₜ₌ₙ^∞ S(t)/S(n−1) · (1+d)^{−(t−n)}
//	           = (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d))
//	           = (β+n−1)/(α+β+n−1) · E[(1+d)/(θ+d)],  θ ~ Beta(α, β+n)
//
// Long-standing customers are worth more because the ones still here are
// the least likely to churn. The mean is computed as for
// [SBG.DiscountedLifetime], with the same accuracy for every n.
//
// Special cases are:
//
//	ResidualLifetime(d, n) = NaN for n < 1, d outside
//	    [MinDiscount, MaxDiscount] or NaN, or α, β outside
//	    [SBGMinShape, SBGMaxShape]
func (m SBG) ResidualLifetime(d float64, n int) float64 {
	if !m.lifetimeDomain(d) || n < 1 {
		return math.NaN()
	}
	b := m.Beta + float64(n-1)
	return b / (m.Alpha + b) * sbgLifetime(m.Alpha, b+1, d)
}
