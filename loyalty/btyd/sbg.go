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

// SBGFit is a fitted sBG model with its fit report; StdErr is in the order
// Alpha, Beta.
type SBGFit struct {
	SBG
	FitInfo
}

// FitSBG fits the sBG model to one cohort by maximum likelihood (see
// [FitInfo] for the method). survivors[t] is the number of customers still
// active at the start of period t, survivors[0] the cohort size; at least
// two values are needed. With nₜ = survivors[t−1] − survivors[t] customers
// lost in period t and the survivors of the last period right-censored,
//
//	LL = Σₜ nₜ ln P(T = t) + survivors[n] ln S(n)
//	P(T = t) = B(α+1, β+t−1)/B(α, β),   S(t) = B(α, β+t)/B(α, β)
//
// (Fader & Hardie 2007, eqs. 5–7), computed with the log-space recursions
// ln P(1) = ln α − ln(α+β), ln P(t) = ln P(t−1) + ln(β+t−2) − ln(α+β+t−1).
//
// It returns an error wrapping [ErrLength] for fewer than two counts and
// [ErrInvalid] for a negative count, a count that rises, or a cohort of
// zero.
func FitSBG(survivors []int64, opts *FitOptions) (SBGFit, error) {
	if len(survivors) < 2 {
		return SBGFit{}, fmt.Errorf("btyd: sBG fit needs survivors for at least two periods, have %d: %w", len(survivors), ErrLength)
	}
	if survivors[0] <= 0 {
		return SBGFit{}, fmt.Errorf("btyd: sBG cohort size %d must be positive: %w", survivors[0], ErrInvalid)
	}
	for t := 1; t < len(survivors); t++ {
		if survivors[t] < 0 || survivors[t] > survivors[t-1] {
			return SBGFit{}, fmt.Errorf("btyd: sBG survivors[%d] = %d must be in [0, survivors[%d] = %d]: %w",
				t, survivors[t], t-1, survivors[t-1], ErrInvalid)
		}
	}
	n := len(survivors) - 1
	lost := make([]float64, n+1)
	for t := 1; t <= n; t++ {
		lost[t] = float64(survivors[t-1] - survivors[t])
	}
	last := float64(survivors[n])
	ll := func(p, g []float64) float64 {
		a, b := p[0], p[1]
		// Running ln P(t), ln S(t) and their derivatives in α and β.
		lP := math.Log(a / (a + b))
		dPa, dPb := 1/a-1/(a+b), -1/(a+b)
		lS := math.Log(b / (a + b)) // ln S(1)
		dSa, dSb := -1/(a+b), 1/b-1/(a+b)
		var v, ga, gb float64
		for t := 1; t <= n; t++ {
			if t > 1 {
				ft := float64(t)
				lP += math.Log((b + ft - 2) / (a + b + ft - 1))
				dPa -= 1 / (a + b + ft - 1)
				dPb += 1/(b+ft-2) - 1/(a+b+ft-1)
				lS += math.Log((b + ft - 1) / (a + b + ft - 1))
				dSa -= 1 / (a + b + ft - 1)
				dSb += 1/(b+ft-1) - 1/(a+b+ft-1)
			}
			v += lost[t] * lP
			ga += lost[t] * dPa
			gb += lost[t] * dPb
		}
		v += last * lS
		if g != nil {
			g[0], g[1] = ga+last*dSa, gb+last*dSb
		}
		return v
	}
	est, info, err := fitLogSpace("sBG", fitProblem{
		n:     2,
		ll:    func(p []float64) float64 { return ll(p, nil) },
		grad:  func(p, g []float64) { ll(p, g) },
		start: []float64{1, 1},
	}, opts)
	if err != nil {
		return SBGFit{FitInfo: info}, err
	}
	return SBGFit{SBG: SBG{Alpha: est[0], Beta: est[1]}, FitInfo: info}, nil
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
