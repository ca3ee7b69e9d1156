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
// [FitInfo] for the method and the convergence criteria). survivors[t] is
// the number of customers still active at the start of period t,
// survivors[0] the cohort size; at least two values are needed. With
// nₜ = survivors[t−1] − survivors[t] customers lost in period t and the
// survivors of the last period right-censored,
//
//	LL = Σₜ nₜ ln P(T = t) + survivors[n] ln S(n)
//	P(T = t) = B(α+1, β+t−1)/B(α, β),   S(t) = B(α, β+t)/B(α, β)
//
// (Fader & Hardie 2007, eqs. 5–7), computed with the log-space recursions
// ln P(1) = ln α − ln(α+β), ln P(t) = ln P(t−1) + ln(β+t−2) − ln(α+β+t−1).
// The work is linear in len(survivors) and does not depend on the counts.
//
// Without a penalty ([FitOptions].Penalty = 0) the data identify α and β
// only if some customers churned, and survivors remained at the start of
// at least two periods (two observed renewal rates); otherwise FitSBG
// returns an error wrapping [ErrNotIdentified] naming the parameters. A
// cohort whose churn is constant over the periods carries no information
// on the heterogeneity of churn: its likelihood is as high at α, β → ∞
// (one churn probability for everybody) as at the estimate, and the fit
// reports ErrNotIdentified by the criteria of [FitInfo].
//
// It returns an error wrapping [ErrEmpty] for no counts, [ErrLength] for
// a single count, [ErrInvalid] for a negative count, a count that rises,
// a cohort of zero or invalid options, [ErrNotIdentified] as above, and
// [ErrNotConverged] if the optimiser failed or stopped at its iteration
// limit. On the last two the fit holds the point where the search
// stopped (if it started), for diagnosis.
func FitSBG(survivors []int64, opts *FitOptions) (SBGFit, error) {
	if len(survivors) == 0 {
		return SBGFit{}, fmt.Errorf("btyd: sBG fit: no survivor counts: %w", ErrEmpty)
	}
	if len(survivors) < 2 {
		return SBGFit{}, fmt.Errorf("btyd: sBG fit: survivors for %d period, need at least two: %w", len(survivors), ErrLength)
	}
	if survivors[0] <= 0 {
		return SBGFit{}, fmt.Errorf("btyd: sBG fit: cohort size survivors[0] = %d, want > 0: %w", survivors[0], ErrInvalid)
	}
	for t := 1; t < len(survivors); t++ {
		if survivors[t] < 0 || survivors[t] > survivors[t-1] {
			return SBGFit{}, fmt.Errorf("btyd: sBG fit: survivors[%d] = %d outside [0, survivors[%d] = %d]: %w",
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
	fp := fitProblem{
		name:  "sBG",
		names: []string{"alpha", "beta"},
		ll:    func(p []float64) float64 { return ll(p, nil) },
		grad:  func(p, g []float64) { ll(p, g) },
		start: []float64{1, 1},
		n:     int(min(survivors[0], int64(math.MaxInt))),
		lo:    SBGMinShape,
		hi:    SBGMaxShape,
	}
	if opts == nil || opts.Penalty == 0 {
		// Periods whose start had survivors each show one renewal rate.
		observed := 0
		for t := 1; t <= n && survivors[t-1] > 0; t++ {
			observed++
		}
		switch {
		case survivors[n] == survivors[0]:
			info, err := notIdentified(fp, 0, []string{"alpha", "beta"},
				"no customer churned: the likelihood rises without bound as alpha → 0 (or beta → ∞)")
			return SBGFit{FitInfo: info}, err
		case observed < 2:
			info, err := notIdentified(fp, 0, []string{"alpha", "beta"},
				"one observed renewal rate identifies only alpha/(alpha+beta), not the heterogeneity of churn")
			return SBGFit{FitInfo: info}, err
		}
	}
	est, info, err := fitLogSpace(fp, opts)
	fit := SBGFit{FitInfo: info}
	if est != nil {
		fit.SBG = SBG{Alpha: est[0], Beta: est[1]}
	}
	return fit, err
}
