package btyd

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// SBGCohortsFit holds the sBG fitted to several cohorts jointly and
// separately, and the likelihood-ratio test between the two
// ([FitSBGCohorts]).
//
// It is a plain value, safe to share once returned.
type SBGCohortsFit struct {
	// Joint is the fit with one α, β for every cohort (the restricted
	// model); StdErr is in the order Alpha, Beta.
	Joint SBGFit `json:"joint"`
	// Separate holds one fit per cohort, in the order given (the full
	// model). A cohort whose own data cannot identify α and β has a fit
	// with Converged false, Unidentified and Reason set, and LogLik the
	// supremum of its log-likelihood (see [FitSBGCohorts]).
	Separate []SBGFit `json:"separate"`
	// SeparateLogLik is the sum of the cohorts' maximised
	// log-likelihoods, the full model's; NaN when a separate fit failed.
	SeparateLogLik float64 `json:"separate_log_lik"`
	// Test is the likelihood-ratio test of the joint fit against the
	// separate fits: a small p-value says the cohorts do not share one
	// α, β. Its Statistic and PValue are NaN when the test is undefined,
	// and Test.Reason says why.
	Test LRTest `json:"test"`
}

// MarshalJSON encodes f with NaN as null.
func (f SBGCohortsFit) MarshalJSON() ([]byte, error) {
	type plain SBGCohortsFit
	return nanjson.Marshal(plain(f))
}

// UnmarshalJSON decodes f, null as NaN.
func (f *SBGCohortsFit) UnmarshalJSON(b []byte) error {
	type plain SBGCohortsFit
	return nanjson.Unmarshal(b, (*plain)(f))
}

// FitSBGCohorts fits the sBG model (see [FitSBG]) to several cohorts of
// customers acquired at different times, each given by its survivor
// counts (cohorts[i][t] customers of cohort i still active at the start
// of its period t, cohorts[i][0] its size; the cohorts may have been
// observed for different numbers of periods), in two ways, and tests the
// one against the other:
//
//   - Joint: one α, β for all cohorts, maximising the sum of the cohorts'
//     log-likelihoods (Fader & Hardie 2007, eqs. 5–7). The cohorts are
//     pooled into counts by tenure (customers lost after t periods,
//     customers still active after t), so the work of the likelihood is
//     linear in the longest cohort, not in the number of cohorts.
//   - Separate: [FitSBG] on each cohort, with the same options.
//   - Test: the likelihood-ratio test ([LikelihoodRatioTest]) of the joint
//     model (restricted) against the separate ones (full), statistic
//     2(Σᵢ ℓᵢ − ℓ_joint). Its degrees of freedom are Σᵢ min(2, mᵢ) − 2,
//     where mᵢ is the number of renewal rates cohort i shows (periods that
//     began with survivors): 2(k − 1) for k cohorts observed for at least
//     two periods each; a cohort with one observed renewal rate carries
//     one free parameter (its mean churn probability), a cohort of one
//     count none.
//
// A cohort whose own data cannot identify α and β — one with a single
// count, no churn, one observed renewal rate, or churn that does not
// fall with tenure (the sBG's maximum then lies at α, β → ∞, one churn
// probability for all) — gets a separate fit with Converged false,
// Unidentified and Reason set, and the supremum of its log-likelihood as
// LogLik, which is what the test needs: 0 for no churn or no period
// observed; the binomial n₁ ln(n₁/n₀) + s₁ ln(s₁/n₀) for one renewal rate,
// with n₁ = n₀ − s₁ lost of n₀; the geometric maximum D ln p̂ + (E − D)
// ln(1 − p̂), p̂ = D/E, for D customers lost over E periods at risk, when
// churn is constant or rising (elsewhere on the boundary, the largest of
// these and the log-likelihood where the search stopped: a lower bound of
// the supremum, which makes the test conservative). Such cohorts still
// enter the joint fit.
// The chi-square approximation is poor when a cohort's estimate lies on
// the boundary.
//
// The test is undefined — Test.Statistic and Test.PValue NaN, Test.Reason
// saying why, nil error — when a separate fit fails otherwise (its
// FitInfo says why: the optimiser did not converge), when the fits are
// penalised ([FitOptions].Penalty > 0: a ratio of penalised likelihoods
// is not the likelihood-ratio statistic), or when it has no degree of
// freedom (one cohort).
//
// It returns an error wrapping [ErrEmpty] for no cohorts or an empty
// cohort, [ErrInvalid] for a cohort size of 0 or less, a negative or a
// rising count (naming the cohort and period index), or invalid options,
// and the joint fit's [ErrNotIdentified] or [ErrNotConverged]
// ("btyd: sBG cohorts fit: …"), with the separate fits computed. The
// joint FitInfo.N is the total of the cohort sizes.
func FitSBGCohorts(cohorts [][]int64, opts *FitOptions) (SBGCohortsFit, error) {
	const name = "sBG cohorts"
	if len(cohorts) == 0 {
		return SBGCohortsFit{}, fmt.Errorf("btyd: %s fit: no cohorts: %w", name, ErrEmpty)
	}
	for i, s := range cohorts {
		if len(s) == 0 {
			return SBGCohortsFit{}, fmt.Errorf("btyd: %s fit: cohort %d: no survivor counts: %w", name, i, ErrEmpty)
		}
		if s[0] <= 0 {
			return SBGCohortsFit{}, fmt.Errorf("btyd: %s fit: cohort %d: cohort size survivors[0] = %d, want > 0: %w", name, i, s[0], ErrInvalid)
		}
		for t := 1; t < len(s); t++ {
			if s[t] < 0 || s[t] > s[t-1] {
				return SBGCohortsFit{}, fmt.Errorf("btyd: %s fit: cohort %d: survivors[%d] = %d outside [0, survivors[%d] = %d]: %w",
					name, i, t, s[t], t-1, s[t-1], ErrInvalid)
			}
		}
	}
	fp := fitProblem{name: name, names: []string{"alpha", "beta"}, start: []float64{1, 1}}
	_, _, lambda, err := fitOptions(fp, opts)
	if err != nil {
		return SBGCohortsFit{}, err
	}

	// Separate fits and the full model's log-likelihood.
	out := SBGCohortsFit{Separate: make([]SBGFit, len(cohorts))}
	var sepLL float64
	params := 0
	var reasons []string
	for i, s := range cohorts {
		m := sbgObserved(s)
		params += min(2, m)
		if m == 0 {
			out.Separate[i] = SBGFit{FitInfo: FitInfo{Penalty: lambda, N: sbgCohortN(s), Unidentified: []string{"alpha", "beta"},
				Reason: "a single count: no period observed"}}
			continue
		}
		fit, ferr := FitSBG(s, opts)
		switch {
		case ferr == nil:
			sepLL += fit.LogLik
		case lambda == 0 && errors.Is(ferr, ErrNotIdentified):
			fit.LogLik = sbgSupLogLik(s, fit.FitInfo)
			sepLL += fit.LogLik
		default:
			reasons = append(reasons, fmt.Sprintf("cohort %d: separate fit failed: %s", i, fit.Reason))
		}
		out.Separate[i] = fit
	}
	out.SeparateLogLik = sepLL
	if reasons != nil {
		out.SeparateLogLik = math.NaN()
	}

	// Joint fit on the pooled counts by tenure.
	m := make(map[int64][2]float64)
	customers := 0
	for _, s := range cohorts {
		n := len(s) - 1
		for t := 1; t <= n; t++ {
			if d := s[t-1] - s[t]; d > 0 {
				v := m[int64(t)]
				v[0] += float64(d)
				m[int64(t)] = v
			}
		}
		if s[n] > 0 {
			v := m[int64(n)]
			v[1] += float64(s[n])
			m[int64(n)] = v
		}
		customers = satAdd(customers, sbgCohortN(s))
	}
	var c tenureCounts
	c.fromMap(m, customers)
	joint, jerr := fitSBGCounts(&c, name, opts)
	out.Joint = joint

	df := params - 2
	switch {
	case jerr != nil:
		reasons = append([]string{"the joint fit failed: " + joint.Reason}, reasons...)
	case lambda > 0:
		reasons = append(reasons, "the fits are penalised: a ratio of penalised likelihoods is not the likelihood-ratio statistic")
	case df < 1:
		reasons = append(reasons, fmt.Sprintf("no degree of freedom: the separate fits have %d free parameters, the joint fit 2", params))
	}
	if reasons == nil {
		t, err := LikelihoodRatioTest(joint.LogLik, sepLL, df)
		if err != nil {
			reasons = append(reasons, fmt.Sprintf("the separate fits' log-likelihood %.10g is below the joint fit's %.10g", sepLL, joint.LogLik))
		} else {
			out.Test = t
		}
	}
	if reasons != nil {
		out.Test = LRTest{Statistic: math.NaN(), DF: df, PValue: math.NaN(), Reason: strings.Join(reasons, "; ")}
	}
	return out, jerr
}

// sbgObserved returns the number of renewal rates a cohort shows (periods
// that began with survivors).
func sbgObserved(s []int64) (m int) {
	for t := 1; t < len(s) && s[t-1] > 0; t++ {
		m++
	}
	return m
}

// sbgSupLogLik is the supremum of the sBG log-likelihood of one cohort's
// survivor counts s (len(s) ≥ 2) whose maximum lies on the boundary of
// the parameter space, from the limits of the sBG there:
//
//   - no churn: 0 (α → 0);
//   - α, β → ∞ with α/(α+β) = p, the geometric model of one churn
//     probability p for all: its maximum D ln p̂ + (E − D) ln(1 − p̂),
//     p̂ = D/E, with D customers lost and E = Σₜ t·nₜ + n·survivors[n]
//     periods at risk (constant or rising churn);
//   - α, β → 0 with α/(α+β) = q: a share q churns in period 1 and the
//     rest never, n₁ ln(n₁/n₀) + s₁ ln(s₁/n₀) when no customer is lost
//     after period 1 (with one observed renewal rate, this is the
//     geometric maximum too).
//
// It returns the largest of those that apply and, if the optimiser ran
// (info.Evaluations > 0), of info.LogLik, the log-likelihood where the
// search stopped; a lower bound of the supremum in any case, so a test
// built on it is conservative.
func sbgSupLogLik(s []int64, info FitInfo) float64 {
	n := len(s) - 1
	n0 := float64(s[0])
	if s[n] == s[0] {
		return 0
	}
	// x ln(x/y), 0 at x = 0.
	xlog := func(x, y float64) float64 {
		if x == 0 {
			return 0
		}
		return x * math.Log(x/y)
	}
	var lost, atRisk float64
	for t := 1; t <= n; t++ {
		d := float64(s[t-1] - s[t])
		lost += d
		atRisk += float64(t) * d
	}
	atRisk += float64(n) * float64(s[n])
	sup := xlog(lost, atRisk) + xlog(atRisk-lost, atRisk) // geometric
	if s[1] == s[n] {
		sup = max(sup, xlog(n0-float64(s[1]), n0)+xlog(float64(s[1]), n0))
	}
	if info.Evaluations > 0 && !math.IsNaN(info.LogLik) && !math.IsInf(info.LogLik, 0) {
		sup = max(sup, info.LogLik)
	}
	return sup
}

// sbgCohortN is a cohort's size as an int.
func sbgCohortN(s []int64) int { return int(min(s[0], int64(math.MaxInt))) }

// satAdd adds two non-negative ints, saturating at math.MaxInt.
func satAdd(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}
