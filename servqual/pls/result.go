package pls

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/servqual"
)

// Result is a fitted path model. It is an immutable value once returned
// (its methods only read it) and safe to share between goroutines.
type Result struct {
	// Scheme is the inner weighting scheme used.
	Scheme Scheme `json:"scheme"`
	// Missing is the missing-data rule the moments were computed with.
	Missing Missing `json:"missing"`
	// N is the number of respondents (see [Moments.N]).
	N int64 `json:"n"`
	// Iterations is the number of outer-weight iterations run.
	Iterations int `json:"iterations"`
	// Constructs holds one entry per construct in model order.
	Constructs []ConstructResult `json:"constructs"`
	// Indicators holds one entry per indicator in model order.
	Indicators []IndicatorResult `json:"indicators"`
	// Paths holds the structural paths in specification order.
	Paths []PathResult `json:"paths"`
	// Effects lists, for every ordered pair of constructs joined by a
	// directed route, the direct, indirect and total effect, ordered by
	// target then source (model order).
	Effects []Effect `json:"effects"`
	// Correlations is the J×J correlation matrix of the construct scores.
	Correlations [][]float64 `json:"correlations"`
	// Discriminant lists every pair of constructs (i < j in model order)
	// with their HTMT ratio.
	Discriminant []PairResult `json:"discriminant"`
	// Consistent holds the PLSc estimates when Options.Consistent was
	// set, else nil.
	Consistent *Consistent `json:"consistent,omitempty"`
	// Scores holds the standardised construct scores (one row per
	// respondent of the data, one column per construct) when the model
	// was fitted on raw data by [Model.Fit]; a respondent who missed an
	// indicator of a block has NaN for that construct (the score is
	// undefined).
	Scores [][]float64 `json:"scores,omitempty"`
}

// ConstructResult describes one construct: its explained variance and
// its measurement quality.
type ConstructResult struct {
	// Name is the construct's name.
	Name string `json:"name"`
	// Mode is its outer model.
	Mode Mode `json:"mode"`
	// Indicators is the number of indicators in its block.
	Indicators int `json:"indicators"`
	// R2 is the share of the construct's variance explained by its
	// predecessors, βᵀ C_pj; NaN for an exogenous construct (see Reason).
	R2 float64 `json:"r2"`
	// AdjR2 is 1 − (1 − R²)(n − 1)/(n − p − 1) for p predecessors; NaN
	// for an exogenous construct or when n ≤ p + 1.
	AdjR2 float64 `json:"adj_r2"`
	// Alpha is Cronbach's (1951) alpha of the standardised indicators,
	// k/(k − 1)·(1 − k/1ᵀR1), as SmartPLS, seminr and cSEM report it;
	// NaN for a single indicator or (pairwise moments) when 1ᵀR1 ≤ 0.
	Alpha float64 `json:"alpha"`
	// AlphaCI is Feldt's interval for alpha at the options' level
	// (Feldt, Woodruff & Salih 1987):
	// [1 − (1 − α)·F(1 − γ/2), 1 − (1 − α)·F(γ/2)], F the quantiles of
	// the F distribution with n − 1 and (n − 1)(k − 1) degrees of freedom
	// and γ = 1 − level; NaN bounds where alpha is NaN or the interval
	// is undefined (see Reason).
	AlphaCI ep.Interval `json:"alpha_ci"`
	// RhoC is the composite reliability (Jöreskog 1971),
	// (Σλ)² / ((Σλ)² + Σ(1 − λ²)) over the loadings λ.
	RhoC float64 `json:"rho_c"`
	// RhoA is Dijkstra & Henseler's (2015) reliability
	// (wᵀw)²·wᵀ(R − diag R)w / wᵀ(wwᵀ − diag wwᵀ)w, w the outer weights
	// scaled to a unit-variance score; 1 for a single indicator; NaN (see
	// Reason) when one indicator carries all the weight.
	RhoA float64 `json:"rho_a"`
	// AVE is the average variance extracted (Fornell & Larcker 1981),
	// the mean squared loading.
	AVE float64 `json:"ave"`
	// MaxCorrelation is the largest absolute correlation of the construct
	// with another construct.
	MaxCorrelation float64 `json:"max_correlation"`
	// FornellLarcker reports whether √AVE exceeds MaxCorrelation (Fornell
	// & Larcker 1981): the construct shares more variance with its
	// indicators than with any other construct.
	FornellLarcker bool `json:"fornell_larcker"`
	// Reason says why a statistic is NaN, or is "".
	Reason string `json:"reason,omitempty"`
}

// IndicatorResult describes one indicator.
type IndicatorResult struct {
	// Name is the indicator's name.
	Name string `json:"name"`
	// Construct names its construct.
	Construct string `json:"construct"`
	// Weight is the outer weight on the standardised indicator: the
	// construct score is Σ weight·z over its block and has unit variance.
	Weight float64 `json:"weight"`
	// Loading is the correlation of the indicator with its construct's
	// score.
	Loading float64 `json:"loading"`
	// CrossLoadings holds the correlation of the indicator with every
	// construct's score, in model order.
	CrossLoadings []float64 `json:"cross_loadings"`
	// Mean is the indicator's mean, NaN when the moments had no means.
	Mean float64 `json:"mean"`
	// SD is the indicator's sample standard deviation (divisor n − 1).
	SD float64 `json:"sd"`
	// Rescaled is the unstandardised weight Weight/SD rescaled to sum to 1
	// over the block (Fornell et al. 1996): the weight of the raw rating in
	// the 0–100 index and in IPMA's performance. NaN when the block's
	// unstandardised weights (of mixed signs) sum to nearly zero.
	Rescaled float64 `json:"rescaled"`
}

// PathResult is one structural path.
type PathResult struct {
	// From and To name the predecessor and successor constructs.
	From string `json:"from"`
	To   string `json:"to"`
	// Coefficient is the standardised path coefficient: the coefficient of
	// From in the regression of To's score on all of To's predecessors.
	Coefficient float64 `json:"coefficient"`
	// VIF is the inner variance inflation factor of From among To's
	// predecessors, 1/(1 − R²) of From on the others (1 for a single
	// predecessor).
	VIF float64 `json:"vif"`
}

// Effect is the effect of one construct on another through the paths.
type Effect struct {
	// From and To name the source and target constructs.
	From string `json:"from"`
	To   string `json:"to"`
	// Direct is the path coefficient (0 when there is no direct path).
	Direct float64 `json:"direct"`
	// Indirect is the sum over the routes of two or more paths of the
	// products of their coefficients: Total − Direct.
	Indirect float64 `json:"indirect"`
	// Total is the entry of (I − B)⁻¹ − I for the path matrix B.
	Total float64 `json:"total"`
}

// PairResult compares two constructs for discriminant validity.
type PairResult struct {
	// A and B name the constructs (A before B in model order).
	A string `json:"a"`
	B string `json:"b"`
	// Correlation is the correlation of their scores.
	Correlation float64 `json:"correlation"`
	// HTMT is the heterotrait–monotrait ratio (Henseler, Ringle & Sarstedt
	// 2015): the mean correlation between the indicators of A and of B over
	// the geometric mean of the mean correlations among A's and among B's
	// indicators. Values below 0.85 (0.90 for conceptually close
	// constructs) support discriminant validity. NaN when a block has one
	// indicator or a mean within-block correlation is not positive (see
	// Reason).
	HTMT float64 `json:"htmt"`
	// Reason says why HTMT is NaN, or is "".
	Reason string `json:"reason,omitempty"`
}

// Consistent holds the consistent PLS estimates (PLSc; Dijkstra & Henseler
// 2015): each reflective (Mode A) construct's correlations are corrected
// for attenuation by its reliability ρA, r̃ᵢⱼ = rᵢⱼ/√(ρAᵢ·ρAⱼ) (formative
// constructs have ρA = 1), and the paths are re-estimated on the corrected
// matrix; the consistent loadings are ĉ·w with ĉ² = ρA/(wᵀw)².
type Consistent struct {
	// Loadings holds the consistent loading of each indicator (model
	// order); a formative indicator keeps its PLS loading.
	Loadings []float64 `json:"loadings"`
	// Correlations is the corrected construct correlation matrix.
	Correlations [][]float64 `json:"correlations"`
	// Paths holds the consistent path coefficients and VIFs.
	Paths []PathResult `json:"paths"`
	// R2 holds each construct's consistent R² (NaN when exogenous).
	R2 []float64 `json:"r2"`
	// Admissible is false when a corrected correlation exceeds 1 in
	// magnitude or a reliability is not in (0, 1]: the estimates are
	// then improper (Dijkstra & Henseler 2015, §3) and Reason says why.
	Admissible bool `json:"admissible"`
	// Reason explains an inadmissible solution, or is "".
	Reason string `json:"reason,omitempty"`
}

// MarshalJSON encodes NaN and ±Inf as null.
func (r Result) MarshalJSON() ([]byte, error) { type plain Result; return marshal(plain(r)) }

// UnmarshalJSON decodes null as NaN.
func (r *Result) UnmarshalJSON(b []byte) error { type plain Result; return unmarshal(b, (*plain)(r)) }

// MarshalJSON encodes NaN and ±Inf as null.
func (c ConstructResult) MarshalJSON() ([]byte, error) {
	type plain ConstructResult
	return marshal(plain(c))
}

// UnmarshalJSON decodes null as NaN.
func (c *ConstructResult) UnmarshalJSON(b []byte) error {
	type plain ConstructResult
	return unmarshal(b, (*plain)(c))
}

// MarshalJSON encodes NaN and ±Inf as null.
func (x IndicatorResult) MarshalJSON() ([]byte, error) {
	type plain IndicatorResult
	return marshal(plain(x))
}

// UnmarshalJSON decodes null as NaN.
func (x *IndicatorResult) UnmarshalJSON(b []byte) error {
	type plain IndicatorResult
	return unmarshal(b, (*plain)(x))
}

// MarshalJSON encodes NaN and ±Inf as null.
func (p PathResult) MarshalJSON() ([]byte, error) { type plain PathResult; return marshal(plain(p)) }

// UnmarshalJSON decodes null as NaN.
func (p *PathResult) UnmarshalJSON(b []byte) error {
	type plain PathResult
	return unmarshal(b, (*plain)(p))
}

// MarshalJSON encodes NaN and ±Inf as null.
func (e Effect) MarshalJSON() ([]byte, error) { type plain Effect; return marshal(plain(e)) }

// UnmarshalJSON decodes null as NaN.
func (e *Effect) UnmarshalJSON(b []byte) error { type plain Effect; return unmarshal(b, (*plain)(e)) }

// MarshalJSON encodes NaN and ±Inf as null.
func (p PairResult) MarshalJSON() ([]byte, error) { type plain PairResult; return marshal(plain(p)) }

// UnmarshalJSON decodes null as NaN.
func (p *PairResult) UnmarshalJSON(b []byte) error {
	type plain PairResult
	return unmarshal(b, (*plain)(p))
}

// MarshalJSON encodes NaN and ±Inf as null.
func (c Consistent) MarshalJSON() ([]byte, error) { type plain Consistent; return marshal(plain(c)) }

// UnmarshalJSON decodes null as NaN.
func (c *Consistent) UnmarshalJSON(b []byte) error {
	type plain Consistent
	return unmarshal(b, (*plain)(c))
}

// FitMoments estimates the model from the indicators' moments (see
// [Moments]) by Lohmöller's (1989) algorithm:
//
//  1. the indicators are standardised (the correlation matrix R of Cov);
//  2. every outer weight starts at 1, scaled so each score has unit
//     variance;
//  3. the inner proxy of construct j is Σᵢ eⱼᵢ·Yᵢ over its neighbours, eⱼᵢ
//     by the scheme; Mode A sets wⱼ ∝ Cov(Xⱼ, inner proxy), Mode B
//     wⱼ ∝ R_jj⁻¹·Cov(Xⱼ, inner proxy); each wⱼ is rescaled so that
//     wⱼᵀR_jj wⱼ = 1 (unit-variance score, sample SDs with divisor n − 1);
//  4. steps 3 repeat until the largest absolute change of a weight is below
//     the tolerance; then a block whose loadings sum to a negative number
//     has its weights negated (sign fixing, Tenenhaus et al. 2005);
//  5. paths are the OLS coefficients of each endogenous construct's score
//     on its predecessors' scores.
//
// Invalid moments (sizes, NaN/±Inf, a negative or zero variance, a
// correlation outside [−1, 1]) return an error wrapping [ErrLength],
// [ErrValue] or [ErrSingular]; no convergence within the limit wraps
// [ErrNotConverged]; collinear predictors or formative indicators wrap
// [ErrSingular].
func (m *Model) FitMoments(mo Moments, opts *Options) (*Result, error) {
	if !m.valid() {
		return nil, errNoModel()
	}
	st, err := opts.settings()
	if err != nil {
		return nil, errorf("%w", err)
	}
	r, sd, err := m.standardise(&mo)
	if err != nil {
		return nil, errorf("%w", err)
	}
	res, err := m.fit(r, sd, mo.Mean, mo.N, &st, newWork(m))
	if err != nil {
		return nil, errorf("%w", err)
	}
	return res, nil
}

// FitCov estimates the model from the K×K sample covariance (or
// correlation) matrix of its indicators and the number of respondents n;
// see [Model.FitMoments]. Without means, [Result.Index] and [Result.IPMA]
// are unavailable.
func (m *Model) FitCov(cov [][]float64, n int64, opts *Options) (*Result, error) {
	return m.FitMoments(Moments{N: n, Cov: cov}, opts)
}

// FitAccumulator estimates the model from an accumulator's moments under
// opts.Missing; see [Model.FitMoments] and [Accumulator.Moments].
func (m *Model) FitAccumulator(a *Accumulator, opts *Options) (*Result, error) {
	if !m.valid() {
		return nil, errNoModel()
	}
	st, err := opts.settings()
	if err != nil {
		return nil, errorf("%w", err)
	}
	if a == nil || a.rows == 0 {
		return nil, errorf("accumulator: no respondents: %w", ErrEmpty)
	}
	if a.k != len(m.ind) {
		return nil, errorf("accumulator has %d indicators, model %d: %w", a.k, len(m.ind), ErrLength)
	}
	mo, err := a.moments(st.missing)
	if err != nil {
		return nil, errorf("%w", err)
	}
	return m.FitMoments(mo, opts)
}

// Fit estimates the model from raw data (one row per respondent, one
// column per indicator in [Model.Indicators] order, NaN for a missing
// answer, handled by opts.Missing) and adds the construct scores; see
// [Model.FitMoments]. Errors name the respondent and indicator.
func (m *Model) Fit(data [][]float64, opts *Options) (*Result, error) {
	if !m.valid() {
		return nil, errNoModel()
	}
	st, err := opts.settings()
	if err != nil {
		return nil, errorf("%w", err)
	}
	mo, err := m.MomentsOf(data, st.missing)
	if err != nil {
		return nil, err
	}
	res, err := m.FitMoments(mo, opts)
	if err != nil {
		return nil, err
	}
	J := len(m.cons)
	res.Scores = make([][]float64, len(data))
	for i, row := range data {
		s := make([]float64, J)
		for j := range J {
			v := 0.0
			for k := m.start[j]; k < m.start[j+1]; k++ {
				x := res.Indicators[k]
				v += x.Weight * (row[k] - x.Mean) / x.SD
			}
			s[j] = v
		}
		res.Scores[i] = s
	}
	return res, nil
}

// fit runs the estimation on a checked correlation matrix and builds the
// result; errors carry no prefix.
func (m *Model) fit(r, sd, mean []float64, n int64, st *settings, ws *work) (*Result, error) {
	it, err := m.iterate(r, st, ws)
	if err != nil {
		return nil, err
	}
	K, J := ws.K, ws.J
	res := &Result{Scheme: st.scheme, Missing: st.missing, N: n, Iterations: it}
	res.Correlations = make([][]float64, J)
	for i := range J {
		res.Correlations[i] = append([]float64(nil), ws.c[i*J:i*J+J]...)
	}
	// Indicators.
	res.Indicators = make([]IndicatorResult, K)
	for j := range J {
		sum := 0.0
		for k := m.start[j]; k < m.start[j+1]; k++ {
			sum += ws.w[k] / sd[k]
		}
		for k := m.start[j]; k < m.start[j+1]; k++ {
			mu := math.NaN()
			if mean != nil {
				mu = mean[k]
			}
			res.Indicators[k] = IndicatorResult{
				Name: m.ind[k], Construct: m.cons[j].Name,
				Weight: ws.w[k], Loading: ws.rw[k*J+j],
				CrossLoadings: append([]float64(nil), ws.rw[k*J:k*J+J]...),
				Mean:          mu, SD: sd[k], Rescaled: rescaled(ws.w[k]/sd[k], sum),
			}
		}
	}
	// Structural model.
	paths, r2, err := m.structural(ws.c, J, ws)
	if err != nil {
		return nil, err
	}
	res.Paths = paths
	res.Effects = m.effects(paths)
	// Constructs and validity.
	res.Constructs = make([]ConstructResult, J)
	for j, c := range m.cons {
		cr := ConstructResult{Name: c.Name, Mode: c.Mode, Indicators: len(c.Indicators), R2: r2[j], AdjR2: math.NaN()}
		p := len(m.pred[j])
		switch {
		case p == 0:
			cr.Reason = "exogenous: no R²"
		case float64(n) > float64(p)+1:
			cr.AdjR2 = 1 - (1-r2[j])*float64(n-1)/float64(n-int64(p)-1)
		default:
			cr.Reason = fmt.Sprintf("adjusted R² needs n > %d", p+1)
		}
		m.reliability(&cr, j, r, ws.w, ws.rw, n, st.level)
		for i := range J {
			if i != j {
				cr.MaxCorrelation = max(cr.MaxCorrelation, math.Abs(ws.c[j*J+i]))
			}
		}
		cr.FornellLarcker = math.Sqrt(cr.AVE) > cr.MaxCorrelation
		res.Constructs[j] = cr
	}
	for a := range J {
		for b := a + 1; b < J; b++ {
			h, why := m.htmt(r, a, b)
			res.Discriminant = append(res.Discriminant, PairResult{A: m.cons[a].Name, B: m.cons[b].Name, Correlation: ws.c[a*J+b], HTMT: h, Reason: why})
		}
	}
	if st.consistent {
		res.Consistent = m.consistent(res, ws)
	}
	return res, nil
}

// structural estimates the paths from the construct correlation matrix c
// and returns them with each construct's R² (NaN if exogenous).
func (m *Model) structural(c []float64, J int, ws *work) ([]PathResult, []float64, error) {
	r2 := make([]float64, J)
	coef := make(map[[2]int]PathResult)
	for j := range J {
		p := m.pred[j]
		if len(p) == 0 {
			r2[j] = math.NaN()
			continue
		}
		b, err := regress(c, J, p, j, ws.sq, ws.vec2)
		if err != nil {
			return nil, nil, fmt.Errorf("construct %q: %w", m.cons[j].Name, err)
		}
		s := 0.0
		for x, i := range p {
			s += b[x] * c[i*J+j]
		}
		r2[j] = s
		// ws.sq holds the Cholesky factor of C_pp.
		vif := make([]float64, len(p))
		cholInverseDiag(ws.sq[:len(p)*len(p)], len(p), vif, ws.vec)
		for x, i := range p {
			coef[[2]int{i, j}] = PathResult{From: m.cons[i].Name, To: m.cons[j].Name, Coefficient: b[x], VIF: vif[x]}
		}
	}
	out := make([]PathResult, len(m.paths))
	for x, p := range m.paths {
		out[x] = coef[[2]int{m.cindex[p.From], m.cindex[p.To]}]
	}
	return out, r2, nil
}

// effects returns the direct, indirect and total effects from the paths.
func (m *Model) effects(paths []PathResult) []Effect {
	J := len(m.cons)
	b := make([]float64, J*J) // b[to*J+from]
	for _, p := range paths {
		b[m.cindex[p.To]*J+m.cindex[p.From]] = p.Coefficient
	}
	tot := m.totals(b)
	var out []Effect
	reach := m.reach()
	for t := range J {
		for f := range J {
			if reach[t*J+f] {
				out = append(out, Effect{From: m.cons[f].Name, To: m.cons[t].Name, Direct: b[t*J+f], Indirect: tot[t*J+f] - b[t*J+f], Total: tot[t*J+f]})
			}
		}
	}
	return out
}

// totals returns (I − B)⁻¹ − I for the acyclic path matrix b[to*J+from]:
// T[t][f] = B[t][f] + Σₖ B[t][k]·T[k][f], in topological order.
func (m *Model) totals(b []float64) []float64 {
	J := len(m.cons)
	t := make([]float64, J*J)
	for _, to := range m.order {
		for f := range J {
			s := b[to*J+f]
			for _, k := range m.pred[to] {
				s += b[to*J+k] * t[k*J+f]
			}
			t[to*J+f] = s
		}
	}
	return t
}

// reach reports whether a directed route leads from f to t: reach[t*J+f].
func (m *Model) reach() []bool {
	J := len(m.cons)
	r := make([]bool, J*J)
	for _, to := range m.order {
		for _, k := range m.pred[to] {
			r[to*J+k] = true
			for f := range J {
				if r[k*J+f] {
					r[to*J+f] = true
				}
			}
		}
	}
	return r
}

// reliability fills alpha with Feldt's interval, ρC, ρA and AVE of block j.
func (m *Model) reliability(cr *ConstructResult, j int, r, w, rw []float64, n int64, level float64) {
	K, J := len(m.ind), len(m.cons)
	a, b := m.start[j], m.start[j+1]
	k := float64(b - a)
	sumL, sumL2, sumU := 0.0, 0.0, 0.0
	for x := a; x < b; x++ {
		l := rw[x*J+j]
		sumL += l
		sumL2 += l * l
		sumU += 1 - l*l
	}
	cr.AVE = sumL2 / k
	cr.RhoC = sumL * sumL / (sumL*sumL + sumU)
	cr.Alpha, cr.AlphaCI = math.NaN(), ep.Interval{Low: math.NaN(), High: math.NaN()}
	cr.RhoA = 1
	if b-a == 1 {
		cr.Reason = join(cr.Reason, "alpha undefined for a single indicator")
		return
	}
	tot := 0.0
	for x := a; x < b; x++ {
		for y := a; y < b; y++ {
			tot += r[x*K+y]
		}
	}
	if tot > 0 {
		cr.Alpha = k / (k - 1) * (1 - k/tot)
		cr.AlphaCI = servqual.Feldt(cr.Alpha, n, b-a, level)
		if math.IsNaN(cr.AlphaCI.Low) {
			cr.Reason = join(cr.Reason, "Feldt interval undefined (alpha above 1 or a bound overflows)")
		}
	} else {
		cr.Reason = join(cr.Reason, "alpha undefined: the indicators' sum has no variance")
	}
	cr.RhoA = rhoA(r, K, w, a, b)
	if math.IsNaN(cr.RhoA) {
		cr.Reason = join(cr.Reason, "ρA undefined: a single indicator carries all the weight")
	}
}

// rhoA returns Dijkstra & Henseler's ρA of the block a..b−1.
func rhoA(r []float64, K int, w []float64, a, b int) float64 {
	ww, w4, num := 0.0, 0.0, 0.0
	for x := a; x < b; x++ {
		ww += w[x] * w[x]
		w4 += w[x] * w[x] * w[x] * w[x]
		for y := a; y < b; y++ {
			if x != y {
				num += w[x] * r[x*K+y] * w[y]
			}
		}
	}
	den := ww*ww - w4
	if !(den > 1e-300) {
		return math.NaN()
	}
	return ww * ww * num / den
}

// htmt returns the HTMT ratio of constructs a and b, or NaN and the reason.
func (m *Model) htmt(r []float64, a, b int) (float64, string) {
	K := len(m.ind)
	mean := func(x0, x1, y0, y1 int, same bool) float64 {
		s, c := 0.0, 0
		for x := x0; x < x1; x++ {
			for y := y0; y < y1; y++ {
				if same && y <= x {
					continue
				}
				s += r[x*K+y]
				c++
			}
		}
		return s / float64(c)
	}
	a0, a1, b0, b1 := m.start[a], m.start[a+1], m.start[b], m.start[b+1]
	if a1-a0 < 2 || b1-b0 < 2 {
		return math.NaN(), "HTMT needs at least two indicators in each block"
	}
	ma, mb := mean(a0, a1, a0, a1, true), mean(b0, b1, b0, b1, true)
	if !(ma > 0 && mb > 0) {
		return math.NaN(), "HTMT needs positive mean correlations within each block"
	}
	return mean(a0, a1, b0, b1, false) / math.Sqrt(ma*mb), ""
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// consistent computes the PLSc estimates from a fitted result.
func (m *Model) consistent(res *Result, ws *work) *Consistent {
	J := len(m.cons)
	cs := &Consistent{Admissible: true, Loadings: make([]float64, len(m.ind))}
	q := make([]float64, J)
	for j, c := range m.cons {
		cr := res.Constructs[j]
		q[j] = 1
		a, b := m.start[j], m.start[j+1]
		if c.Mode == ModeB || b-a == 1 {
			for k := a; k < b; k++ {
				cs.Loadings[k] = res.Indicators[k].Loading
			}
			continue
		}
		q[j] = cr.RhoA
		ww := 0.0
		for k := a; k < b; k++ {
			ww += ws.w[k] * ws.w[k]
		}
		if !(cr.RhoA > 0 && cr.RhoA <= 1) {
			cs.Admissible = false
			cs.Reason = join(cs.Reason, fmt.Sprintf("construct %q: ρA = %.4g outside (0, 1]", c.Name, cr.RhoA))
			if !(cr.RhoA > 0) || math.IsInf(cr.RhoA, 0) {
				return undefinedConsistent(m, cs)
			}
		}
		chat := math.Sqrt(math.Abs(cr.RhoA)) / ww
		for k := a; k < b; k++ {
			cs.Loadings[k] = chat * ws.w[k]
		}
	}
	cc := make([]float64, J*J)
	cs.Correlations = make([][]float64, J)
	for i := range J {
		cs.Correlations[i] = make([]float64, J)
		for j := range J {
			v := 1.0
			if i != j {
				v = ws.c[i*J+j] / math.Sqrt(math.Abs(q[i]*q[j]))
				if math.Abs(v) > 1 {
					cs.Admissible = false
					if i < j {
						cs.Reason = join(cs.Reason, fmt.Sprintf("corrected correlation of %q and %q is %.4g", m.cons[i].Name, m.cons[j].Name, v))
					}
				}
			}
			cc[i*J+j] = v
			cs.Correlations[i][j] = v
		}
	}
	paths, r2, err := m.structural(cc, J, ws)
	if err != nil {
		cs.Admissible = false
		cs.Reason = join(cs.Reason, "the corrected correlation matrix of some predictors is not positive definite")
		return undefinedConsistent(m, cs)
	}
	cs.Paths, cs.R2 = paths, r2
	return cs
}

// undefinedConsistent fills the PLSc paths and R² with NaN (the Reason
// says why) when the correction cannot be applied.
func undefinedConsistent(m *Model, cs *Consistent) *Consistent {
	nan := math.NaN()
	cs.Paths = make([]PathResult, len(m.paths))
	for x, p := range m.paths {
		cs.Paths[x] = PathResult{From: p.From, To: p.To, Coefficient: nan, VIF: nan}
	}
	cs.R2 = make([]float64, len(m.cons))
	for j := range cs.R2 {
		cs.R2[j] = nan
	}
	if cs.Correlations == nil {
		J := len(m.cons)
		cs.Correlations = make([][]float64, J)
		for i := range J {
			cs.Correlations[i] = make([]float64, J)
			for j := range J {
				cs.Correlations[i][j] = nan
			}
		}
	}
	return cs
}

// rescaled returns x/sum, or NaN when the block's unstandardised weights
// sum to (nearly) zero and cannot be rescaled.
func rescaled(x, sum float64) float64 {
	v := x / sum
	if math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) > 1e12 {
		return math.NaN()
	}
	return v
}
