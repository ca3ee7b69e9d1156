package btyd

import (
	"errors"
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// BdWFit is a fitted beta-discrete-Weibull model with its fit report
// (StdErr in the order Alpha, Beta, C), the sBG fitted to the same
// survivors (the BdW with C = 1) and the likelihood-ratio test between
// the two.
//
// It is a plain value, safe to share once returned.
type BdWFit struct {
	BdW
	FitInfo
	// SBG is the sBG fitted to the same survivor counts with the same
	// penalty and iteration limit ([FitSBG]). When the data cannot
	// identify the sBG's α and β (Converged false, Reason and
	// Unidentified set; most often churn that does not fall with tenure,
	// whose sBG maximum lies at α, β → ∞, one churn probability for all),
	// its LogLik is the supremum of the sBG log-likelihood, as
	// [FitSBGCohorts] gives it, and the test uses it.
	SBG SBGFit `json:"sbg"`
	// Test is the likelihood-ratio test of C = 1 (the sBG, restricted)
	// against the BdW (full), one degree of freedom: a small p-value says
	// the customers' churn probabilities change with tenure. Its
	// Statistic and PValue are NaN, and Test.Reason says why, when the
	// test is undefined (a fit that returned an error, or a penalty).
	Test LRTest `json:"test"`
}

// MarshalJSON encodes f as one object holding the model's parameters,
// the fields of its FitInfo, the sBG fit and the test, NaN as null.
func (f BdWFit) MarshalJSON() ([]byte, error) { type plain BdWFit; return nanjson.Marshal(plain(f)) }

// UnmarshalJSON decodes f, null as NaN.
func (f *BdWFit) UnmarshalJSON(b []byte) error {
	type plain BdWFit
	return nanjson.Unmarshal(b, (*plain)(f))
}

// bdwLL returns the BdW log-likelihood of one cohort's losses lost[t]
// (t = 1 … n) with survivors last right-censored after n periods, and
// its gradient in (α, β, c) if g is not nil:
//
//	LL = Σₜ lostₜ [ln S(t−1) + ln(1 − r(t))] + last·ln S(n)
//
// with P(T = t) = S(t−1)(1 − r(t)) and 1 − r(t) = −expm1(ln r(t)), so a
// retention rate near 1 does not cancel. ∂ ln(1−r) = −r/(1−r)·∂ ln r,
// with ∂ ln r = ∂ ln S(t) − ∂ ln S(t−1).
func bdwLL(m BdW, lost []float64, last float64, g []float64) float64 {
	n := len(lost) - 1
	var v float64
	var gs [3]float64
	var prev, cur [3]float64
	lPrev := 0.0 // ln S(0)
	for t := 1; t <= n; t++ {
		ft := float64(t)
		lCur := m.logSurvivalGrad(ft, &cur)
		if l := lost[t]; l > 0 {
			lr := m.logRetention(ft)
			q := -math.Expm1(lr) // 1 − r(t)
			v += l * (lPrev + math.Log(q))
			if g != nil {
				k := math.Exp(lr) / q
				for i := range gs {
					gs[i] += l * (prev[i] - k*(cur[i]-prev[i]))
				}
			}
		}
		lPrev, prev = lCur, cur
	}
	v += last * lPrev
	if g != nil {
		for i := range gs {
			g[i] = gs[i] + last*prev[i]
		}
	}
	return v
}

// FitBdW fits the beta-discrete-Weibull model ([BdW]; Fader, Hardie,
// Liu, Davin & Steenburgh 2018) to one cohort's survivor counts by
// maximum likelihood (see [FitInfo] for the method and the convergence
// criteria), with the same input as [FitSBG]: survivors[t] customers
// still active at the start of period t, survivors[0] the cohort size.
// With nₜ = survivors[t−1] − survivors[t] lost in period t and the
// survivors of the last period n right-censored,
//
//	LL = Σₜ nₜ ln P(T = t) + survivors[n] ln S(n),   P(T = t) = S(t−1) − S(t)
//
// computed in log space ([BdW.Survival], [BdW.Retention]); the work is
// linear in len(survivors). It also fits the sBG to the same counts and
// tests c = 1 against the BdW by a likelihood-ratio test with one degree
// of freedom ([LikelihoodRatioTest]); the BdW search starts from the sBG
// estimate with c = 1 (unless [FitOptions].Start, three values α, β, c,
// says otherwise), so its log-likelihood is at least the sBG's. Where
// the sBG's own maximum lies on its boundary (constant or rising churn:
// α, β → ∞), the test compares the BdW with the sBG's supremum there, the
// geometric model's maximum (see [BdWFit].SBG).
//
// Without a penalty the data identify α, β and c only if some customers
// churned and survivors remained at the start of at least three periods
// (three observed renewal rates for three parameters); otherwise it
// returns an error wrapping [ErrNotIdentified]. Retention curves that
// the sBG already fits exactly may leave c unidentified too, by the
// criteria of [FitInfo].
//
// It returns an error wrapping [ErrEmpty] for no counts, [ErrLength] for
// a single count or a Start of the wrong length, [ErrInvalid] for a
// negative count, a count that rises, a cohort of zero or invalid
// options, [ErrNotIdentified] as above, and [ErrNotConverged] if the
// optimiser failed or stopped at its iteration limit. An sBG fit that
// does not converge does not make FitBdW fail: the test is then
// undefined (Test.Reason says why).
func FitBdW(survivors []int64, opts *FitOptions) (BdWFit, error) {
	if len(survivors) == 0 {
		return BdWFit{}, fmt.Errorf("btyd: BdW fit: no survivor counts: %w", ErrEmpty)
	}
	if len(survivors) < 2 {
		return BdWFit{}, fmt.Errorf("btyd: BdW fit: survivors for %d period, need at least two: %w", len(survivors), ErrLength)
	}
	if survivors[0] <= 0 {
		return BdWFit{}, fmt.Errorf("btyd: BdW fit: cohort size survivors[0] = %d, want > 0: %w", survivors[0], ErrInvalid)
	}
	for t := 1; t < len(survivors); t++ {
		if survivors[t] < 0 || survivors[t] > survivors[t-1] {
			return BdWFit{}, fmt.Errorf("btyd: BdW fit: survivors[%d] = %d outside [0, survivors[%d] = %d]: %w",
				t, survivors[t], t-1, survivors[t-1], ErrInvalid)
		}
	}
	n := len(survivors) - 1
	lost := make([]float64, n+1)
	for t := 1; t <= n; t++ {
		lost[t] = float64(survivors[t-1] - survivors[t])
	}
	last := float64(survivors[n])
	fp := fitProblem{
		name:  "BdW",
		names: []string{"alpha", "beta", "c"},
		ll: func(p []float64) float64 {
			return bdwLL(BdW{Alpha: p[0], Beta: p[1], C: p[2]}, lost, last, nil)
		},
		grad: func(p, g []float64) {
			bdwLL(BdW{Alpha: p[0], Beta: p[1], C: p[2]}, lost, last, g)
		},
		start: []float64{1, 1, 1},
		n:     int(min(survivors[0], int64(math.MaxInt))),
		lo:    SBGMinShape,
		hi:    SBGMaxShape,
	}
	_, _, lambda, err := fitOptions(fp, opts)
	if err != nil {
		return BdWFit{}, err
	}

	// The nested sBG, with the options' penalty and iteration limit.
	var sOpts *FitOptions
	if opts != nil {
		sOpts = &FitOptions{MaxIterations: opts.MaxIterations, Penalty: opts.Penalty}
	}
	sbg, serr := FitSBG(survivors, sOpts)
	if serr == nil && (opts == nil || opts.Start == nil) {
		fp.start = []float64{sbg.Alpha, sbg.Beta, 1}
	}
	if serr != nil && lambda == 0 && errors.Is(serr, ErrNotIdentified) {
		// The sBG's maximum is on its boundary (churn that does not fall
		// with tenure): the test needs its supremum.
		sbg.LogLik = sbgSupLogLik(survivors, sbg.FitInfo)
		serr = nil
	}

	fit := BdWFit{SBG: sbg}
	if lambda == 0 {
		observed := 0
		for t := 1; t <= n && survivors[t-1] > 0; t++ {
			observed++
		}
		reason := ""
		switch {
		case survivors[n] == survivors[0]:
			reason = "no customer churned: the likelihood rises without bound as alpha → 0 (or beta → ∞)"
		case observed < 3:
			reason = fmt.Sprintf("%d observed renewal rates cannot identify three parameters", observed)
		}
		if reason != "" {
			info, err := notIdentified(fp, 0, fp.names, reason)
			fit.FitInfo = info
			fit.Test = LRTest{Statistic: math.NaN(), DF: 1, PValue: math.NaN(), Reason: "the BdW fit failed: " + reason}
			return fit, err
		}
	}
	est, info, err := fitLogSpace(fp, opts)
	fit.FitInfo = info
	if est != nil {
		fit.BdW = BdW{Alpha: est[0], Beta: est[1], C: est[2]}
	}
	var why string
	switch {
	case err != nil:
		why = "the BdW fit failed: " + info.Reason
	case serr != nil:
		why = "the sBG fit failed: " + sbg.Reason
	case lambda > 0:
		why = "the fits are penalised: a ratio of penalised likelihoods is not the likelihood-ratio statistic"
	default:
		t, terr := LikelihoodRatioTest(sbg.LogLik, info.LogLik, 1)
		if terr != nil {
			why = fmt.Sprintf("the BdW log-likelihood %.10g is below the sBG's %.10g", info.LogLik, sbg.LogLik)
		} else {
			fit.Test = t
		}
	}
	if why != "" {
		fit.Test = LRTest{Statistic: math.NaN(), DF: 1, PValue: math.NaN(), Reason: why}
	}
	return fit, err
}
