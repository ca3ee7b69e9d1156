package pls

import (
	"fmt"
	"math"
)

// Defaults and limits of the iterative algorithm.
const (
	// DefaultTolerance is the default convergence tolerance: the iteration
	// stops when the largest absolute change of an outer weight between two
	// iterations is below it (as plspm's tol = 1e-6 and cSEM's 1e-5 but
	// tighter, and as the numpy reference).
	DefaultTolerance = 1e-7
	// DefaultMaxIter is the default iteration limit (plspm and seminr use
	// 100, cSEM 100, SmartPLS 300).
	DefaultMaxIter = 300
	// MaxIterations caps Options.MaxIter.
	MaxIterations = 100000
)

// Options are the settings of an estimation. A nil *Options means the
// defaults: path scheme, tolerance [DefaultTolerance], [DefaultMaxIter]
// iterations, listwise deletion, no PLSc, 95% intervals.
type Options struct {
	// Scheme is the inner weighting scheme (zero value: SchemePath).
	Scheme Scheme `json:"scheme"`
	// Tolerance is the convergence tolerance on the outer weights; 0 means
	// DefaultTolerance, otherwise it must lie in [1e-15, 0.1].
	Tolerance float64 `json:"tolerance"`
	// MaxIter is the iteration limit; 0 means DefaultMaxIter, otherwise it
	// must lie in 1..MaxIterations.
	MaxIter int `json:"max_iter"`
	// Missing is how missing answers (NaN) in raw data or an accumulator
	// are handled (zero value: Listwise).
	Missing Missing `json:"missing"`
	// Consistent adds the consistent estimates (PLSc) of Dijkstra &
	// Henseler (2015) to the result.
	Consistent bool `json:"consistent"`
	// Level is the confidence level of Feldt's interval for Cronbach's
	// alpha (and of bootstrap intervals); 0 means 0.95, otherwise it must
	// lie in (0, 1) as a fraction (0.95, not 95).
	Level float64 `json:"level"`
}

// settings is a checked copy of Options with defaults filled in.
type settings struct {
	scheme     Scheme
	tol        float64
	maxIter    int
	missing    Missing
	consistent bool
	level      float64
}

func (o *Options) settings() (settings, error) {
	s := settings{tol: DefaultTolerance, maxIter: DefaultMaxIter, level: 0.95}
	if o == nil {
		return s, nil
	}
	if o.Scheme < SchemePath || o.Scheme > SchemeFactorial {
		return s, fmt.Errorf("options: scheme %d: %w", int8(o.Scheme), ErrValue)
	}
	s.scheme = o.Scheme
	if o.Tolerance != 0 {
		if !(o.Tolerance >= 1e-15 && o.Tolerance <= 0.1) {
			return s, fmt.Errorf("options: tolerance %v outside [1e-15, 0.1]: %w", o.Tolerance, ErrValue)
		}
		s.tol = o.Tolerance
	}
	if o.MaxIter != 0 {
		if o.MaxIter < 1 || o.MaxIter > MaxIterations {
			return s, fmt.Errorf("options: max_iter %d outside 1..%d: %w: %w", o.MaxIter, MaxIterations, ErrValue, ErrLimit)
		}
		s.maxIter = o.MaxIter
	}
	if o.Missing != Listwise && o.Missing != Pairwise {
		return s, fmt.Errorf("options: missing %d: %w", int8(o.Missing), ErrValue)
	}
	s.missing = o.Missing
	s.consistent = o.Consistent
	if o.Level != 0 {
		if !(o.Level > 0 && o.Level < 1) {
			return s, fmt.Errorf("options: level %v outside (0, 1) (a fraction): %w", o.Level, ErrValue)
		}
		s.level = o.Level
	}
	return s, nil
}

// work holds the buffers of one estimation, reused across bootstrap
// resamples.
type work struct {
	K, J  int
	w, wn []float64 // outer weights, K
	rw    []float64 // K×J: correlation of indicator k with construct j
	c     []float64 // J×J construct correlations
	e     []float64 // J×J inner weights, e[j*J+i]
	bchol [][]float64
	sq    []float64 // p×p scratch
	vec   []float64 // scratch, length max(K, J)
	vec2  []float64
	b, t  []float64 // J×J path and total-effect matrices (bootstrap)
	cc, q []float64 // corrected correlations and reliabilities (bootstrap)
	mean  []float64 // indicator means of the resample (bootstrap)
	sd    []float64 // indicator SDs of the resample (bootstrap)
}

func newWork(m *Model) *work {
	K, J := len(m.ind), len(m.cons)
	n := max(K, J)
	ws := &work{K: K, J: J, w: make([]float64, K), wn: make([]float64, K), rw: make([]float64, K*J),
		c: make([]float64, J*J), e: make([]float64, J*J), bchol: make([][]float64, J),
		sq: make([]float64, n*n), vec: make([]float64, n), vec2: make([]float64, n)}
	for j, c := range m.cons {
		if c.Mode == ModeB {
			p := len(c.Indicators)
			ws.bchol[j] = make([]float64, p*p)
		}
	}
	return ws
}

// blockQuad returns vᵀ R_jj v for block j, v indexed by indicator.
func blockQuad(m *Model, r []float64, K, j int, v []float64) float64 {
	s := 0.0
	a, b := m.start[j], m.start[j+1]
	for k := a; k < b; k++ {
		row := r[k*K : k*K+K]
		t := 0.0
		for l := a; l < b; l++ {
			t += row[l] * v[l]
		}
		s += v[k] * t
	}
	return s
}

// iterate runs Lohmöller's algorithm on the K×K correlation matrix r
// (row-major) and leaves the converged, sign-fixed weights in ws.w, the
// indicator–construct correlations in ws.rw and the construct correlations
// in ws.c. It returns the number of iterations. Errors carry no prefix.
func (m *Model) iterate(r []float64, st *settings, ws *work) (int, error) {
	K, J := ws.K, ws.J
	for j, c := range m.cons {
		a, b := m.start[j], m.start[j+1]
		for k := a; k < b; k++ {
			ws.w[k] = 1
		}
		q := blockQuad(m, r, K, j, ws.w)
		if !(q > 1e-12) || math.IsInf(q, 0) {
			return 0, fmt.Errorf("construct %q: the sum of its indicators has no variance: %w", c.Name, ErrSingular)
		}
		q = 1 / math.Sqrt(q)
		for k := a; k < b; k++ {
			ws.w[k] = q
		}
		if c.Mode == ModeB {
			p := b - a
			l := ws.bchol[j]
			for x := range p {
				for y := range p {
					l[x*p+y] = r[(a+x)*K+a+y]
				}
			}
			if !cholesky(l, p) {
				return 0, fmt.Errorf("construct %q: formative indicators are collinear: %w", c.Name, ErrSingular)
			}
		}
	}
	it := 0
	converged := false
	for it < st.maxIter {
		it++
		m.project(r, ws)
		if err := m.innerWeights(st.scheme, ws); err != nil {
			return it, err
		}
		diff := 0.0
		for j, c := range m.cons {
			a, b := m.start[j], m.start[j+1]
			for k := a; k < b; k++ {
				row := ws.rw[k*J : k*J+J]
				ej := ws.e[j*J : j*J+J]
				s := 0.0
				for i, e := range ej {
					if e != 0 {
						s += e * row[i]
					}
				}
				ws.wn[k] = s
			}
			if c.Mode == ModeB {
				cholSolve(ws.bchol[j], b-a, ws.wn[a:b])
			}
			q := blockQuad(m, r, K, j, ws.wn)
			if !(q > 0) || math.IsInf(q, 0) {
				return it, fmt.Errorf("construct %q: its inner proxy is uncorrelated with its indicators: %w", c.Name, ErrSingular)
			}
			q = 1 / math.Sqrt(q)
			for k := a; k < b; k++ {
				ws.wn[k] *= q
				diff = max(diff, math.Abs(ws.wn[k]-ws.w[k]))
			}
		}
		ws.w, ws.wn = ws.wn, ws.w
		if diff < st.tol {
			converged = true
			break
		}
	}
	if !converged {
		return it, fmt.Errorf("outer weights still change after %d iterations (tolerance %g): %w", it, st.tol, ErrNotConverged)
	}
	m.project(r, ws)
	// Sign fixing (Tenenhaus et al. 2005, §2.3): a construct's score should
	// correlate positively with the majority of its indicators, so flip a
	// block whose loadings sum to a negative number.
	flipped := false
	for j := range m.cons {
		s := 0.0
		for k := m.start[j]; k < m.start[j+1]; k++ {
			s += ws.rw[k*J+j]
		}
		if s < 0 {
			flipped = true
			for k := m.start[j]; k < m.start[j+1]; k++ {
				ws.w[k] = -ws.w[k]
			}
		}
	}
	if flipped {
		m.project(r, ws)
	}
	return it, nil
}

// project computes rw = R·W (indicator–construct correlations) and
// c = Wᵀ·R·W rescaled to a correlation matrix.
func (m *Model) project(r []float64, ws *work) {
	K, J := ws.K, ws.J
	for k := range K {
		row := r[k*K : k*K+K]
		out := ws.rw[k*J : k*J+J]
		for j := range J {
			s := 0.0
			for l := m.start[j]; l < m.start[j+1]; l++ {
				s += row[l] * ws.w[l]
			}
			out[j] = s
		}
	}
	for i := range J {
		for j := range J {
			s := 0.0
			for k := m.start[i]; k < m.start[i+1]; k++ {
				s += ws.w[k] * ws.rw[k*J+j]
			}
			ws.c[i*J+j] = s
		}
	}
	d := ws.vec[:J]
	for j := range J {
		d[j] = 1 / math.Sqrt(ws.c[j*J+j])
	}
	for i := range J {
		for j := range J {
			ws.c[i*J+j] *= d[i] * d[j]
		}
	}
	for j := range J {
		ws.c[j*J+j] = 1
	}
}

// innerWeights fills ws.e from ws.c by the scheme.
func (m *Model) innerWeights(s Scheme, ws *work) error {
	J := ws.J
	clear(ws.e)
	for j := range J {
		switch s {
		case SchemePath:
			if p := m.pred[j]; len(p) > 0 {
				b, err := regress(ws.c, J, p, j, ws.sq, ws.vec2)
				if err != nil {
					return fmt.Errorf("construct %q: %w", m.cons[j].Name, err)
				}
				for x, i := range p {
					ws.e[j*J+i] = b[x]
				}
			}
			for _, i := range m.succ[j] {
				ws.e[j*J+i] = ws.c[j*J+i]
			}
		default:
			for _, list := range [2][]int{m.pred[j], m.succ[j]} {
				for _, i := range list {
					v := ws.c[j*J+i]
					if s == SchemeCentroid {
						switch {
						case v > 0:
							v = 1
						case v < 0:
							v = -1
						}
					}
					ws.e[j*J+i] = v
				}
			}
		}
	}
	return nil
}

// regress returns the coefficients of the regression of construct j on the
// constructs p, from the J×J correlation matrix c: C_pp⁻¹ C_pj. It uses sq
// (len ≥ |p|²) for the factor and returns out[:|p|].
func regress(c []float64, J int, p []int, j int, sq, out []float64) ([]float64, error) {
	np := len(p)
	for x, a := range p {
		for y, b := range p {
			sq[x*np+y] = c[a*J+b]
		}
		out[x] = c[a*J+j]
	}
	if !cholesky(sq[:np*np], np) {
		return nil, fmt.Errorf("its predictors are collinear: %w", ErrSingular)
	}
	cholSolve(sq[:np*np], np, out[:np])
	return out[:np], nil
}
