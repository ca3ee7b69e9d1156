package btyd

import (
	"fmt"
	"math"
	"sort"

	"github.com/cxlab/satisfaction/internal/nanjson"
	"gonum.org/v1/gonum/stat/distuv"
)

// lrSlack is the relative rounding slack of [LikelihoodRatioTest]: a full
// model's log-likelihood below the restricted one's by at most
// lrSlack·max(1, |restricted|, |full|) is taken as equal (statistic 0).
const lrSlack = 1e-6

// MaxCompareModels bounds the number of models [CompareFits] ranks.
const MaxCompareModels = 1000

// LRTest is the result of a likelihood-ratio test between two nested
// models fitted by maximum likelihood to the same data.
type LRTest struct {
	// Statistic is 2(ℓ_full − ℓ_restricted) ≥ 0.
	Statistic float64 `json:"statistic"`
	// DF is the degrees of freedom: the number of parameters the
	// restriction fixes.
	DF int `json:"df"`
	// PValue is P(χ²_DF ≥ Statistic), the probability of a statistic at
	// least this large if the restricted model is true.
	PValue float64 `json:"p_value"`
	// Reason says why Statistic and PValue are NaN, where a fit reports
	// a test the data or the fits cannot define ([FitSBGCohorts],
	// [FitBdW]); empty when the test is defined, and always empty from
	// [LikelihoodRatioTest], which returns an error instead.
	Reason string `json:"reason"`
}

// LikelihoodRatioTest tests a restricted model against a full model it is
// nested in (the restricted model is the full one with df parameters
// fixed, or several cohorts sharing one set of parameters against each
// cohort with its own), from the two maximised log-likelihoods on the same
// data: the statistic 2(full − restricted) is asymptotically chi-square
// with df degrees of freedom under the restricted model (Wilks 1938, "The
// large-sample distribution of the likelihood ratio for testing composite
// hypotheses", Annals of Mathematical Statistics 9(1)); the p-value is its
// upper tail, the regularised incomplete gamma function Q(df/2,
// statistic/2) (gonum's distuv.ChiSquared). A small p-value (below 0.05,
// say) says the restriction costs more fit than chance explains.
//
// The full model fits at least as well as the restricted one at the
// exact maxima; a full log-likelihood below the restricted one by at most
// 10⁻⁶·max(1, |restricted|, |full|), an optimiser's rounding, gives a
// statistic of 0 and a p-value of 1. The test is not valid when the
// restriction puts a parameter on the boundary of its space (such as a
// variance of 0); it then overstates the p-value.
//
// It returns an error wrapping [ErrInvalid] for a log-likelihood that is
// NaN or ±Inf, df < 1, or a full log-likelihood clearly below the
// restricted one (the models are not nested, or a fit did not reach its
// maximum).
func LikelihoodRatioTest(restricted, full float64, df int) (LRTest, error) {
	const fn = "LikelihoodRatioTest"
	switch {
	case math.IsNaN(restricted) || math.IsInf(restricted, 0):
		return LRTest{}, fmt.Errorf("btyd: %s: restricted log-likelihood %v is not finite: %w", fn, restricted, ErrInvalid)
	case math.IsNaN(full) || math.IsInf(full, 0):
		return LRTest{}, fmt.Errorf("btyd: %s: full log-likelihood %v is not finite: %w", fn, full, ErrInvalid)
	case df < 1:
		return LRTest{}, fmt.Errorf("btyd: %s: df %d, want at least 1: %w", fn, df, ErrInvalid)
	}
	// Halve before subtracting so that ±1e308 cannot overflow.
	half := full/2 - restricted/2
	if half < 0 {
		if -half > lrSlack/2*max(1, math.Abs(restricted), math.Abs(full)) {
			return LRTest{}, fmt.Errorf("btyd: %s: full log-likelihood %v below restricted %v (models not nested, or a fit short of its maximum): %w", fn, full, restricted, ErrInvalid)
		}
		half = 0
	}
	stat := 4 * half // 2(full − restricted)
	if math.IsInf(stat, 0) {
		return LRTest{Statistic: math.MaxFloat64, DF: df, PValue: 0}, nil
	}
	p := distuv.ChiSquared{K: float64(df)}.Survival(stat)
	if math.IsNaN(p) {
		p = 0 // unreachable for finite stat ≥ 0 and df ≥ 1; guard the promise
	}
	return LRTest{Statistic: stat, DF: df, PValue: min(max(p, 0), 1)}, nil
}

// FitCandidate names a fitted model for [CompareFits]: its [FitInfo] (the
// log-likelihood and the number of customers N) and its number of free
// parameters (4 for BG/NBD, Pareto/NBD and MBG/NBD, 2 for the sBG and
// Gamma-Gamma, 3 for the beta-discrete-Weibull, 4 for BG/BB).
type FitCandidate struct {
	// Name labels the model in the table, such as "BG/NBD".
	Name string `json:"name"`
	// Info is the fit's FitInfo; Info.LogLik and Info.N are used.
	Info FitInfo `json:"info"`
	// Params is the number of estimated parameters k.
	Params int `json:"params"`
}

// ModelScore is one model's row in a [ModelComparison].
type ModelScore struct {
	// Name labels the model, as given.
	Name string `json:"name"`
	// LogLik is the maximised log-likelihood ℓ.
	LogLik float64 `json:"log_lik"`
	// Params is the number of estimated parameters k.
	Params int `json:"params"`
	// N is the number of customers the model was fitted to.
	N int `json:"n"`
	// AIC is Akaike's information criterion 2k − 2ℓ; lower is better.
	AIC float64 `json:"aic"`
	// BIC is Schwarz's Bayesian information criterion k·ln N − 2ℓ; lower
	// is better.
	BIC float64 `json:"bic"`
	// DeltaAIC is AIC minus the lowest AIC in the comparison (0 for the
	// best).
	DeltaAIC float64 `json:"delta_aic"`
	// DeltaBIC is BIC minus the lowest BIC in the comparison.
	DeltaBIC float64 `json:"delta_bic"`
	// RankAIC is the model's place by AIC, 1 for the best.
	RankAIC int `json:"rank_aic"`
	// RankBIC is the model's place by BIC, 1 for the best.
	RankBIC int `json:"rank_bic"`
}

// ModelComparison ranks fitted models by information criteria.
type ModelComparison struct {
	// Models holds one row per candidate, in the order given.
	Models []ModelScore `json:"models"`
	// BestAIC is the index in Models of the model ranked first by AIC.
	BestAIC int `json:"best_aic"`
	// BestBIC is the index in Models of the model ranked first by BIC.
	BestBIC int `json:"best_bic"`
}

// CompareFits scores models fitted to the same customers by their
// maximised log-likelihood ℓ, number of parameters k and number of
// customers N:
//
//	AIC = 2k − 2ℓ        (Akaike 1974, "A new look at the statistical model identification",
//	                      IEEE Transactions on Automatic Control 19(6))
//	BIC = k·ln N − 2ℓ    (Schwarz 1978, "Estimating the dimension of a model",
//	                      Annals of Statistics 6(2))
//
// N is the number of customers, not of transactions: the likelihoods of
// these models are products over customers, each customer's history
// (x, t_x, T) — or, for the sBG, each customer's tenure — being one
// independent observation, so the customer is the sample unit whose count
// drives the BIC's penalty; counting transactions would charge a model for
// data that are one customer's correlated purchases. It is FitInfo.N,
// which the package's fits set so (a caller may set N itself for a fit
// made elsewhere). A fit with a penalty ([FitOptions].Penalty) maximised a
// penalised likelihood, so its ℓ is not the maximum the criteria assume;
// compare such fits only as a rough guide.
//
// Lower is better for both. The criteria can disagree: BIC's penalty
// ln N per parameter exceeds AIC's 2 once N ≥ 8, so BIC prefers the model
// with fewer parameters more often; on the same number of parameters they
// rank by ℓ alike. Ranks are 1 for the best; two values within
// 10⁻¹²·max(1, |a|, |b|) of each other are ties, and ties keep the order
// of the candidates as given (the earlier one ranks higher).
//
// It returns an error wrapping [ErrEmpty] for no candidates, and
// [ErrInvalid] for more than [MaxCompareModels] candidates, a candidate
// whose fit did not converge (Info.Converged false: its ℓ is not a
// maximum), whose log-likelihood is not finite, whose Params is negative
// or differs from the number of its standard errors (Info.StdErr, one
// per estimated parameter, when not nil), or whose Info.N is below 1, or
// candidates fitted to different numbers of customers, naming the
// candidate's index and name.
func CompareFits(models ...FitCandidate) (ModelComparison, error) {
	const fn = "CompareFits"
	if len(models) == 0 {
		return ModelComparison{}, fmt.Errorf("btyd: %s: no models: %w", fn, ErrEmpty)
	}
	if len(models) > MaxCompareModels {
		return ModelComparison{}, fmt.Errorf("btyd: %s: %d models, at most %d: %w", fn, len(models), MaxCompareModels, ErrInvalid)
	}
	rows := make([]ModelScore, len(models))
	for i, c := range models {
		ll := c.Info.LogLik
		switch {
		case !c.Info.Converged:
			return ModelComparison{}, fmt.Errorf("btyd: %s: model %d (%q): fit did not converge: %w", fn, i, c.Name, ErrInvalid)
		case math.IsNaN(ll) || math.IsInf(ll, 0):
			return ModelComparison{}, fmt.Errorf("btyd: %s: model %d (%q): log-likelihood %v is not finite: %w", fn, i, c.Name, ll, ErrInvalid)
		case c.Params < 0:
			return ModelComparison{}, fmt.Errorf("btyd: %s: model %d (%q): params %d is negative: %w", fn, i, c.Name, c.Params, ErrInvalid)
		case c.Info.StdErr != nil && len(c.Info.StdErr) != c.Params:
			return ModelComparison{}, fmt.Errorf("btyd: %s: model %d (%q): params %d, but the fit has %d standard errors, one per parameter: %w",
				fn, i, c.Name, c.Params, len(c.Info.StdErr), ErrInvalid)
		case c.Info.N < 1:
			return ModelComparison{}, fmt.Errorf("btyd: %s: model %d (%q): N %d customers, want at least 1: %w", fn, i, c.Name, c.Info.N, ErrInvalid)
		case c.Info.N != models[0].Info.N:
			return ModelComparison{}, fmt.Errorf("btyd: %s: model %d (%q): fitted to %d customers, model 0 (%q) to %d: %w", fn, i, c.Name, c.Info.N, models[0].Name, models[0].Info.N, ErrInvalid)
		}
		k := float64(c.Params)
		rows[i] = ModelScore{
			Name:   c.Name,
			LogLik: ll,
			Params: c.Params,
			N:      c.Info.N,
			AIC:    2*k - 2*ll,
			BIC:    k*math.Log(float64(c.Info.N)) - 2*ll,
		}
		if math.IsInf(rows[i].AIC, 0) || math.IsInf(rows[i].BIC, 0) {
			return ModelComparison{}, fmt.Errorf("btyd: %s: model %d (%q): log-likelihood %v or params %d too large for a finite criterion: %w", fn, i, c.Name, ll, c.Params, ErrInvalid)
		}
	}
	out := ModelComparison{Models: rows}
	out.BestAIC = rankBy(rows, func(s *ModelScore) float64 { return s.AIC }, func(s *ModelScore, r int, d float64) { s.RankAIC, s.DeltaAIC = r, d })
	out.BestBIC = rankBy(rows, func(s *ModelScore) float64 { return s.BIC }, func(s *ModelScore, r int, d float64) { s.RankBIC, s.DeltaBIC = r, d })
	return out, nil
}

// tieless reports whether a is lower than b by more than the tie
// tolerance 10⁻¹²·max(1, |a|, |b|).
func tieless(a, b float64) bool {
	return b-a > 1e-12*max(1, math.Abs(a), math.Abs(b))
}

// rankBy sets each row's rank (1 = lowest value; ties, by [tieless], in
// input order, by a stable sort) and its difference from the lowest value,
// and returns the index of the row ranked first.
func rankBy(rows []ModelScore, val func(*ModelScore) float64, set func(*ModelScore, int, float64)) int {
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return tieless(val(&rows[order[x]]), val(&rows[order[y]])) })
	lo := val(&rows[order[0]])
	for place, i := range order {
		d := val(&rows[i]) - lo
		if math.IsInf(d, 0) {
			d = math.MaxFloat64
		}
		set(&rows[i], place+1, max(d, 0))
	}
	return order[0]
}

// MarshalJSON encodes t with NaN as null.
func (t LRTest) MarshalJSON() ([]byte, error) { type plain LRTest; return nanjson.Marshal(plain(t)) }

// UnmarshalJSON decodes t, null as NaN.
func (t *LRTest) UnmarshalJSON(b []byte) error {
	type plain LRTest
	return nanjson.Unmarshal(b, (*plain)(t))
}

// MarshalJSON encodes c with NaN as null.
func (c FitCandidate) MarshalJSON() ([]byte, error) {
	type plain FitCandidate
	return nanjson.Marshal(plain(c))
}

// UnmarshalJSON decodes c, null as NaN.
func (c *FitCandidate) UnmarshalJSON(b []byte) error {
	type plain FitCandidate
	return nanjson.Unmarshal(b, (*plain)(c))
}

// MarshalJSON encodes s with NaN as null.
func (s ModelScore) MarshalJSON() ([]byte, error) {
	type plain ModelScore
	return nanjson.Marshal(plain(s))
}

// UnmarshalJSON decodes s, null as NaN.
func (s *ModelScore) UnmarshalJSON(b []byte) error {
	type plain ModelScore
	return nanjson.Unmarshal(b, (*plain)(s))
}

// MarshalJSON encodes c with NaN as null.
func (c ModelComparison) MarshalJSON() ([]byte, error) {
	type plain ModelComparison
	return nanjson.Marshal(plain(c))
}

// UnmarshalJSON decodes c, null as NaN.
func (c *ModelComparison) UnmarshalJSON(b []byte) error {
	type plain ModelComparison
	return nanjson.Unmarshal(b, (*plain)(c))
}
