package btyd

import (
	"fmt"
	"math"
)

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
