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
type SBG struct {
	// Alpha is the first shape of the churn-probability distribution.
	Alpha float64 `json:"alpha"`
	// Beta is its second shape.
	Beta float64 `json:"beta"`
}

func (m SBG) valid() bool {
	return m.Alpha > 0 && m.Beta > 0 && !math.IsInf(m.Alpha, 1) && !math.IsInf(m.Beta, 1)
}

// Survival returns S(t) = B(α, β+t)/B(α, β), the share of a cohort still
// active after t periods (t ≥ 0 whole periods), computed as
// Πᵢ₌₀^{t−1} (β+i)/(α+β+i) in log space. Invalid parameters or t < 0 give
// NaN.
func (m SBG) Survival(t int) float64 {
	if !m.valid() || t < 0 {
		return math.NaN()
	}
	var l float64
	for i := 0; i < t; i++ {
		fi := float64(i)
		l += math.Log((m.Beta + fi) / (m.Alpha + m.Beta + fi))
	}
	return math.Exp(l)
}

// Retention returns the retention rate of period t ≥ 1, the share of
// customers active in period t − 1 who renew (Fader & Hardie 2007, eq. 8):
//
//	r(t) = (β + t − 1)/(α + β + t − 1)
//
// It rises with t. Invalid parameters or t < 1 give NaN.
func (m SBG) Retention(t int) float64 {
	if !m.valid() || t < 1 {
		return math.NaN()
	}
	ft := float64(t)
	return (m.Beta + ft - 1) / (m.Alpha + m.Beta + ft - 1)
}

// Project returns the expected number of survivors of a cohort of size
// cohort at the start of periods 0 … periods: cohort · S(t). It returns an
// error wrapping [ErrInvalid] for a negative cohort or periods, or invalid
// parameters.
func (m SBG) Project(cohort float64, periods int) ([]float64, error) {
	if !m.valid() {
		return nil, fmt.Errorf("btyd: sBG parameters %+v must be finite and > 0: %w", m, ErrInvalid)
	}
	if !(cohort >= 0) || math.IsInf(cohort, 1) || periods < 0 {
		return nil, fmt.Errorf("btyd: sBG projection of cohort %v over %d periods: %w", cohort, periods, ErrInvalid)
	}
	out := make([]float64, periods+1)
	s := 1.0
	for t := range out {
		out[t] = cohort * s
		s *= m.Retention(t + 1)
	}
	return out, nil
}

// DiscountedLifetime returns the discounted expected lifetime of a new
// customer, in periods, with the first period counted undiscounted
// (Fader & Hardie 2010):
//
//	DEL(d) = Σₜ₌₀^∞ S(t)/(1+d)ᵗ = ₂F₁(1, β; α+β; 1/(1+d))
//
// Multiply by the margin per period for the customer's expected value at
// acquisition. d must be > 0; otherwise, or for invalid parameters, NaN.
func (m SBG) DiscountedLifetime(d float64) float64 {
	if !m.valid() || !(d > 0) || math.IsInf(d, 1) {
		return math.NaN()
	}
	return hyp2f1(1, m.Beta, m.Alpha+m.Beta, 1/(1+d))
}

// ResidualLifetime returns the discounted expected residual lifetime of a
// customer who has been active for n ≥ 1 periods (made n − 1 renewals),
// evaluated at the renewal decision that ends period n, in periods
// (Fader & Hardie 2010):
//
//	DERL(d, n) = Σₜ₌ₙ^∞ S(t)/S(n−1) · (1+d)^{−(t−n)}
//	           = (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d))
//
// Long-standing customers are worth more because the ones still here are
// the least likely to churn. d must be > 0 and n ≥ 1; otherwise NaN.
func (m SBG) ResidualLifetime(d float64, n int) float64 {
	if !m.valid() || !(d > 0) || math.IsInf(d, 1) || n < 1 {
		return math.NaN()
	}
	fn := float64(n)
	return (m.Beta + fn - 1) / (m.Alpha + m.Beta + fn - 1) * hyp2f1(1, m.Beta+fn, m.Alpha+m.Beta+fn, 1/(1+d))
}
