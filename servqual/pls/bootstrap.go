package pls

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/stat/distuv"
)

// Limits of the bootstrap.
const (
	// MaxResamples caps BootstrapOptions.Resamples.
	MaxResamples = 100000
	// MaxBootstrapValues caps Resamples × (number of statistics per
	// resample), the size of the table the intervals are read from, and
	// for BCa also respondents × statistics (the jackknife table).
	MaxBootstrapValues = 50_000_000
	// MaxJackknife caps the respondents of a BCa bootstrap under Listwise
	// deletion (the acceleration needs one leave-one-out fit per
	// respondent); MaxJackknifePairwise under Pairwise, where each
	// leave-one-out fit recomputes the moments (cost n²·K²).
	MaxJackknife         = 100000
	MaxJackknifePairwise = 2000
	// MaxWorkers caps BootstrapOptions.Workers.
	MaxWorkers = 1024
)

// BootstrapOptions are the settings of [Model.Bootstrap]. A nil
// *BootstrapOptions means 5000 resamples, seed 0, all cores, no BCa.
type BootstrapOptions struct {
	// Resamples is the number of bootstrap resamples B; 0 means 5000,
	// otherwise 1..MaxResamples.
	Resamples int `json:"resamples"`
	// Seed selects the resamples: resample b draws its respondents from a
	// PCG generator seeded with (Seed, b), so the result depends on Seed
	// only, not on Workers or scheduling.
	Seed uint64 `json:"seed"`
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0),
	// otherwise 1..MaxWorkers.
	Workers int `json:"workers"`
	// BCa adds bias-corrected and accelerated intervals (Efron 1987),
	// which cost one extra leave-one-out fit per respondent.
	BCa bool `json:"bca"`
	// Scale, when not nil, adds intervals for every construct's 0–100
	// index ([Result.Index]) on this rating scale.
	Scale *Scale `json:"scale,omitempty"`
}

// Interval is the bootstrap distribution of one statistic.
type Interval struct {
	// Name names the statistic: an indicator, a path "A -> B", a
	// construct (R²).
	Name string `json:"name"`
	// Estimate is the full-sample estimate.
	Estimate float64 `json:"estimate"`
	// Mean and SE are the mean and standard deviation (divisor B − 1) of
	// the resampled estimates.
	Mean float64 `json:"mean"`
	SE   float64 `json:"se"`
	// Lower and Upper bound the percentile interval: the γ/2 and 1 − γ/2
	// quantiles of the resampled estimates (linear interpolation between
	// order statistics, R's type 7), γ = 1 − level.
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
	// BCaLower and BCaUpper bound the BCa interval (Efron 1987; Efron &
	// Tibshirani 1993, §14.3): the quantiles at Φ(z₀ + (z₀ + z)/(1 −
	// a(z₀ + z))) for z = Φ⁻¹(γ/2), Φ⁻¹(1 − γ/2), with the bias correction
	// z₀ = Φ⁻¹(#{θ* < θ̂}/B) and the acceleration a = Σ(θ̄ − θ₍ᵢ₎)³ /
	// (6·(Σ(θ̄ − θ₍ᵢ₎)²)^{3/2}) from the jackknife. NaN unless BCa was
	// asked for, or when undefined (see Reason).
	BCaLower float64 `json:"bca_lower"`
	BCaUpper float64 `json:"bca_upper"`
	// Reason says why a number is NaN, or is "".
	Reason string `json:"reason,omitempty"`
}

// MarshalJSON encodes NaN and ±Inf as null.
func (iv Interval) MarshalJSON() ([]byte, error) { type plain Interval; return marshal(plain(iv)) }

// UnmarshalJSON decodes null as NaN.
func (iv *Interval) UnmarshalJSON(b []byte) error {
	type plain Interval
	return unmarshal(b, (*plain)(iv))
}

// Bootstrap holds bootstrap intervals of a model's estimates. It is an
// immutable value once returned, safe to share.
type Bootstrap struct {
	// N is the number of respondents resampled (after listwise deletion).
	N int `json:"n"`
	// Resamples is B; Failed counts resamples whose estimation failed
	// (no convergence, collinear scores), left out of the intervals.
	Resamples int `json:"resamples"`
	Failed    int `json:"failed"`
	// Seed is the seed used; Level the confidence level.
	Seed  uint64  `json:"seed"`
	Level float64 `json:"level"`
	// Weights and Loadings hold one interval per indicator (model order).
	Weights  []Interval `json:"weights"`
	Loadings []Interval `json:"loadings"`
	// Paths holds the path coefficients in specification order.
	Paths []Interval `json:"paths"`
	// TotalEffects holds the total effects in the order of
	// [Result.Effects], named "From -> To".
	TotalEffects []Interval `json:"total_effects"`
	// R2 holds the R² of each endogenous construct, in model order.
	R2 []Interval `json:"r2"`
	// ConsistentPaths holds the PLSc path coefficients when
	// Options.Consistent was set.
	ConsistentPaths []Interval `json:"consistent_paths,omitempty"`
	// Index holds every construct's 0–100 index when
	// BootstrapOptions.Scale was set.
	Index []Interval `json:"index,omitempty"`
}

// MarshalJSON encodes NaN and ±Inf as null.
func (bs Bootstrap) MarshalJSON() ([]byte, error) { type plain Bootstrap; return marshal(plain(bs)) }

// UnmarshalJSON decodes null as NaN.
func (bs *Bootstrap) UnmarshalJSON(b []byte) error {
	type plain Bootstrap
	return unmarshal(b, (*plain)(bs))
}

// layout numbers the statistics of one resample.
type layout struct {
	K, P, E, R, total int
	endo              []int    // endogenous constructs
	eff               [][2]int // (to, from) of each effect
	consistent        bool
	scale             *Scale // index statistics when not nil
}

func (m *Model) layout(consistent bool, scale *Scale) *layout {
	J := len(m.cons)
	l := &layout{K: len(m.ind), P: len(m.paths), consistent: consistent, scale: scale}
	reach := m.reach()
	for t := range J {
		if len(m.pred[t]) > 0 {
			l.endo = append(l.endo, t)
		}
		for f := range J {
			if reach[t*J+f] {
				l.eff = append(l.eff, [2]int{t, f})
			}
		}
	}
	l.E, l.R = len(l.eff), len(l.endo)
	l.total = 2*l.K + l.P + l.E + l.R
	if consistent {
		l.total += l.P
	}
	if scale != nil {
		l.total += J
	}
	return l
}

// stats estimates the model on the correlation matrix r and writes the
// statistics of the layout into out. Errors carry no prefix.
func (m *Model) stats(r []float64, st *settings, ws *work, l *layout, out []float64) error {
	if _, err := m.iterate(r, st, ws); err != nil {
		return err
	}
	K, J := ws.K, ws.J
	copy(out[:K], ws.w)
	for k := range K {
		out[K+k] = ws.rw[k*J+m.block[k]]
	}
	if ws.b == nil {
		ws.b, ws.t, ws.cc, ws.q = make([]float64, J*J), make([]float64, J*J), make([]float64, J*J), make([]float64, J)
	}
	r2 := out[2*K+l.P+l.E:]
	if err := m.pathMatrix(ws.c, ws, l, ws.b, r2); err != nil {
		return err
	}
	o := 2 * K
	for x, p := range m.paths {
		out[o+x] = ws.b[m.cindex[p.To]*J+m.cindex[p.From]]
	}
	o += l.P
	m.totalsInto(ws.b, ws.t)
	for x, e := range l.eff {
		out[o+x] = ws.t[e[0]*J+e[1]]
	}
	if l.scale != nil {
		o := l.total - J
		for j := range J {
			var e, lo, hi float64
			for k := m.start[j]; k < m.start[j+1]; k++ {
				w := ws.w[k] / ws.sd[k]
				e += w * ws.mean[k]
				if w >= 0 {
					lo += w * l.scale.Min
					hi += w * l.scale.Max
				} else {
					lo += w * l.scale.Max
					hi += w * l.scale.Min
				}
			}
			out[o+j] = (e - lo) / (hi - lo) * 100
		}
	}
	if !l.consistent {
		return checkStats(out)
	}
	for j, c := range m.cons {
		ws.q[j] = 1
		if a, b := m.start[j], m.start[j+1]; c.Mode == ModeA && b-a > 1 {
			ws.q[j] = rhoA(r, K, ws.w, a, b)
		}
	}
	for i := range J {
		for j := range J {
			v := 1.0
			if i != j {
				v = ws.c[i*J+j] / math.Sqrt(math.Abs(ws.q[i]*ws.q[j]))
			}
			ws.cc[i*J+j] = v
		}
	}
	if err := m.pathMatrix(ws.cc, ws, l, ws.b, nil); err != nil {
		return err
	}
	o = 2*K + l.P + l.E + l.R
	for x, p := range m.paths {
		out[o+x] = ws.b[m.cindex[p.To]*J+m.cindex[p.From]]
	}
	return checkStats(out)
}

// checkStats rejects an estimation whose statistics are not finite or are
// absurdly large (beyond 1e100, where only rounding noise on a singular
// matrix can lead), so that bootstrap means and SEs cannot overflow.
func checkStats(out []float64) error {
	for _, v := range out {
		if !(math.Abs(v) <= 1e100) {
			return fmt.Errorf("estimate %v out of range (near-singular data): %w", v, ErrSingular)
		}
	}
	return nil
}

// pathMatrix fills b[to*J+from] with the path coefficients from the
// construct correlations c, and r2 (if not nil) with the endogenous R².
func (m *Model) pathMatrix(c []float64, ws *work, l *layout, b, r2 []float64) error {
	J := ws.J
	clear(b)
	for x, j := range l.endo {
		coef, err := regress(c, J, m.pred[j], j, ws.sq, ws.vec2)
		if err != nil {
			return err
		}
		s := 0.0
		for y, i := range m.pred[j] {
			b[j*J+i] = coef[y]
			s += coef[y] * c[i*J+j]
		}
		if r2 != nil {
			r2[x] = s
		}
	}
	return nil
}

// totalsInto writes (I − B)⁻¹ − I for b into t.
func (m *Model) totalsInto(b, t []float64) {
	J := len(m.cons)
	for _, to := range m.order {
		for f := range J {
			s := b[to*J+f]
			for _, k := range m.pred[to] {
				s += b[to*J+k] * t[k*J+f]
			}
			t[to*J+f] = s
		}
	}
}

// sample is the data of a bootstrap: the rows standardised by the full
// sample, for the listwise fast path, or the raw rows for pairwise.
type sample struct {
	n, K     int
	mean, sd []float64 // full-sample moments of the complete rows (listwise)
	z        []float64 // n×K standardised complete rows (listwise)
	s, ss    []float64 // column sums and K×K cross-products of z
	raw      [][]float64
	pairwise bool
}

// corr writes into r the correlation matrix of the rows weighted by
// counts (nil: every row once, except row skip if ≥ 0).
func (sm *sample) corr(counts []int32, skip int, s, ss, r, mean, sd []float64) error {
	K := sm.K
	var n float64
	if counts == nil {
		copy(s, sm.s)
		copy(ss, sm.ss)
		n = float64(sm.n)
		if skip >= 0 {
			row := sm.z[skip*K : skip*K+K]
			for k, a := range row {
				s[k] -= a
				x := ss[k*K : k*K+K]
				for l := k; l < K; l++ {
					x[l] -= a * row[l]
				}
			}
			n--
		}
	} else {
		clear(s)
		clear(ss)
		// Four rows at a time: each pass over the triangle of ss adds four
		// weighted outer products, so ss is loaded and stored a quarter as
		// often.
		var idx [4]int
		var f [4]float64
		m := 0
		flush := func() {
			if m < 4 {
				for x := m; x < 4; x++ {
					idx[x], f[x] = idx[0], 0
				}
			}
			r0, r1, r2, r3 := sm.z[idx[0]*K:idx[0]*K+K], sm.z[idx[1]*K:idx[1]*K+K], sm.z[idx[2]*K:idx[2]*K+K], sm.z[idx[3]*K:idx[3]*K+K]
			for k := range K {
				a0, a1, a2, a3 := f[0]*r0[k], f[1]*r1[k], f[2]*r2[k], f[3]*r3[k]
				s[k] += a0 + a1 + a2 + a3
				axpy4(a0, a1, a2, a3, r0[k:], r1[k:], r2[k:], r3[k:], ss[k*K+k:k*K+K])
			}
			m = 0
		}
		for i, c := range counts {
			if c == 0 {
				continue
			}
			idx[m], f[m] = i, float64(c)
			m++
			if m == 4 {
				flush()
			}
		}
		if m > 0 {
			flush()
		}
		n = float64(sm.n)
	}
	for k := range K {
		for l := k; l < K; l++ {
			ss[k*K+l] -= s[k] * s[l] / n
		}
	}
	for k := range K {
		if !(ss[k*K+k] > 1e-12*n) {
			return fmt.Errorf("indicator %d does not vary in the resample: %w", k, ErrSingular)
		}
		mean[k] = sm.mean[k] + sm.sd[k]*s[k]/n
		sd[k] = sm.sd[k] * math.Sqrt(ss[k*K+k]/(n-1))
		s[k] = 1 / math.Sqrt(ss[k*K+k])
	}
	for k := range K {
		r[k*K+k] = 1
		for l := k + 1; l < K; l++ {
			v := ss[k*K+l] * s[k] * s[l]
			r[k*K+l], r[l*K+k] = v, v
		}
	}
	return nil
}

// pairwiseCorr computes the pairwise correlation matrix of the raw rows
// weighted by counts (or all but skip).
func (m *Model) pairwiseCorr(sm *sample, counts []int32, skip int, r, mean, sd []float64) error {
	var a Accumulator
	a.init(sm.K)
	for i, row := range sm.raw {
		c := int32(1)
		if counts != nil {
			c = counts[i]
		} else if i == skip {
			c = 0
		}
		for range c {
			a.add(row)
		}
	}
	mo, err := a.moments(Pairwise)
	if err != nil {
		return err
	}
	rr, sdv, err := m.standardise(&mo)
	if err != nil {
		return err
	}
	copy(r, rr)
	copy(mean, mo.Mean)
	copy(sd, sdv)
	return nil
}

// Bootstrap resamples the respondents of data (as for [Model.Fit]) with
// replacement B times, re-estimates the model on each resample and
// returns percentile (and, on request, BCa) intervals at opts.Level for
// the outer weights, loadings, paths, total effects, R² and, with
// opts.Consistent, the PLSc paths. Each resample's moments follow
// opts.Missing: under Listwise the complete respondents are resampled;
// under Pairwise every respondent is, and each resample's pairwise moments
// are recomputed. The work runs on bo.Workers goroutines and its result
// depends only on the data, the options and bo.Seed. The full-sample
// estimation must succeed (its error is returned); failed resamples are
// counted in Failed and left out; if every resample fails the error wraps
// [ErrSingular]. Option errors wrap [ErrValue] or [ErrLimit].
func (m *Model) Bootstrap(data [][]float64, opts *Options, bo *BootstrapOptions) (*Bootstrap, error) {
	if !m.valid() {
		return nil, errNoModel()
	}
	st, err := opts.settings()
	if err != nil {
		return nil, errorf("%w", err)
	}
	B, workers, seed, bca := 5000, runtime.GOMAXPROCS(0), uint64(0), false
	if bo != nil {
		if bo.Resamples < 0 || bo.Resamples > MaxResamples {
			return nil, errorf("bootstrap: resamples %d outside 1..%d: %w: %w", bo.Resamples, MaxResamples, ErrValue, ErrLimit)
		}
		if bo.Resamples > 0 {
			B = bo.Resamples
		}
		if bo.Workers < 0 || bo.Workers > MaxWorkers {
			return nil, errorf("bootstrap: workers %d outside 1..%d: %w: %w", bo.Workers, MaxWorkers, ErrValue, ErrLimit)
		}
		if bo.Workers > 0 {
			workers = bo.Workers
		}
		seed, bca = bo.Seed, bo.BCa
	}
	if err := m.checkData(data); err != nil {
		return nil, errorf("%w", err)
	}
	var scale *Scale
	if bo != nil && bo.Scale != nil {
		if err := bo.Scale.check(); err != nil {
			return nil, errorf("bootstrap: %w", err)
		}
		sc := *bo.Scale
		scale = &sc
	}
	lay := m.layout(st.consistent, scale)
	if B*lay.total > MaxBootstrapValues {
		return nil, errorf("bootstrap: %d resamples × %d statistics exceed MaxBootstrapValues = %d: %w", B, lay.total, MaxBootstrapValues, ErrLimit)
	}
	sm, err := m.newSample(data, st.missing)
	if err != nil {
		return nil, errorf("bootstrap: %w", err)
	}
	if bca {
		if limit := map[bool]int{false: MaxJackknife, true: MaxJackknifePairwise}[sm.pairwise]; sm.n > limit {
			return nil, errorf("bootstrap: BCa with %d respondents (%v), more than the jackknife limit %d: %w", sm.n, st.missing, limit, ErrLimit)
		}
		if sm.n*lay.total > MaxBootstrapValues {
			return nil, errorf("bootstrap: BCa jackknife of %d respondents × %d statistics exceeds MaxBootstrapValues = %d: %w", sm.n, lay.total, MaxBootstrapValues, ErrLimit)
		}
	}
	K := sm.K
	full := make([]float64, lay.total)
	{
		ws, r := newWork(m), make([]float64, K*K)
		if err := sm.corrInto(m, nil, -1, r, make([]float64, K), make([]float64, K*K), ws); err != nil {
			return nil, errorf("bootstrap: full sample: %w", err)
		}
		if err := m.stats(r, &st, ws, lay, full); err != nil {
			return nil, errorf("bootstrap: full sample: %w", err)
		}
	}
	table := make([]float64, B*lay.total)
	var failed atomic.Int64
	run(workers, B, func() func(b int) {
		ws, r, s, ss := newWork(m), make([]float64, K*K), make([]float64, K), make([]float64, K*K)
		counts := make([]int32, sm.n)
		src := &rand.PCG{}
		rng := rand.New(src)
		return func(b int) {
			src.Seed(seed, uint64(b))
			clear(counts)
			for range sm.n {
				counts[rng.IntN(sm.n)]++
			}
			out := table[b*lay.total : (b+1)*lay.total]
			if sm.corrInto(m, counts, -1, r, s, ss, ws) != nil || m.stats(r, &st, ws, lay, out) != nil {
				failed.Add(1)
				for i := range out {
					out[i] = math.NaN()
				}
			}
		}
	})
	if int(failed.Load()) == B {
		return nil, errorf("bootstrap: all %d resamples failed: %w", B, ErrSingular)
	}
	var jack []float64
	if bca {
		jack = make([]float64, sm.n*lay.total)
		run(workers, sm.n, func() func(i int) {
			ws, r, s, ss := newWork(m), make([]float64, K*K), make([]float64, K), make([]float64, K*K)
			return func(i int) {
				out := jack[i*lay.total : (i+1)*lay.total]
				if sm.corrInto(m, nil, i, r, s, ss, ws) != nil || m.stats(r, &st, ws, lay, out) != nil {
					for x := range out {
						out[x] = math.NaN()
					}
				}
			}
		})
	}
	return m.collect(lay, full, table, jack, B, int(failed.Load()), sm.n, seed, st.level, bca), nil
}

// run calls the function made by mk for each i in 0..n−1 on w goroutines,
// each with its own function (and buffers).
func run(w, n int, mk func() func(int)) {
	w = max(1, min(w, n))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := mk()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

func (m *Model) statNames(l *layout) []string {
	var names []string
	names = append(names, m.ind...)
	names = append(names, m.ind...)
	for _, p := range m.paths {
		names = append(names, p.String())
	}
	for _, e := range l.eff {
		names = append(names, m.cons[e[1]].Name+" -> "+m.cons[e[0]].Name)
	}
	for _, j := range l.endo {
		names = append(names, m.cons[j].Name)
	}
	if l.consistent {
		for _, p := range m.paths {
			names = append(names, p.String())
		}
	}
	if l.scale != nil {
		for _, c := range m.cons {
			names = append(names, c.Name)
		}
	}
	return names
}

func (m *Model) newSample(data [][]float64, missing Missing) (*sample, error) {
	K := len(m.ind)
	sm := &sample{K: K, pairwise: missing == Pairwise}
	if sm.pairwise {
		sm.raw, sm.n = data, len(data)
		if sm.n < 3 {
			return nil, fmt.Errorf("%d respondents, need at least 3: %w", sm.n, ErrSingular)
		}
		return sm, nil
	}
	var a Accumulator
	for _, row := range data {
		a.add(row)
	}
	mo, err := a.moments(Listwise)
	if err != nil {
		return nil, err
	}
	if a.n < 3 {
		return nil, fmt.Errorf("%d complete respondents, need at least 3: %w", a.n, ErrSingular)
	}
	_, sd, err := m.standardise(&mo)
	if err != nil {
		return nil, err
	}
	sm.n = int(a.n)
	sm.mean, sm.sd = mo.Mean, sd
	sm.z = make([]float64, 0, sm.n*K)
	for _, row := range data {
		if slices.ContainsFunc(row, math.IsNaN) {
			continue
		}
		for k, x := range row {
			sm.z = append(sm.z, (x-mo.Mean[k])/sd[k])
		}
	}
	sm.s, sm.ss = make([]float64, K), make([]float64, K*K)
	for i := range sm.n {
		row := sm.z[i*K : i*K+K]
		for k, v := range row {
			sm.s[k] += v
			for l := k; l < K; l++ {
				sm.ss[k*K+l] += v * row[l]
			}
		}
	}
	return sm, nil
}

func (sm *sample) corrInto(m *Model, counts []int32, skip int, r, s, ss []float64, ws *work) error {
	if ws.mean == nil {
		ws.mean, ws.sd = make([]float64, sm.K), make([]float64, sm.K)
	}
	if sm.pairwise {
		return m.pairwiseCorr(sm, counts, skip, r, ws.mean, ws.sd)
	}
	return sm.corr(counts, skip, s, ss, r, ws.mean, ws.sd)
}

// interval summarises the resampled values col of one statistic.
func interval(name string, est float64, col, jack []float64, bca bool, level float64) Interval {
	iv := Interval{Name: name, Estimate: est, Mean: math.NaN(), SE: math.NaN(), Lower: math.NaN(), Upper: math.NaN(),
		BCaLower: math.NaN(), BCaUpper: math.NaN()}
	if len(col) < 2 {
		iv.Reason = "fewer than two successful resamples"
		return iv
	}
	slices.Sort(col)
	mean := 0.0
	for _, v := range col {
		mean += v
	}
	mean /= float64(len(col))
	ss := 0.0
	for _, v := range col {
		ss += (v - mean) * (v - mean)
	}
	iv.Mean, iv.SE = mean, math.Sqrt(ss/float64(len(col)-1))
	g := 1 - level
	iv.Lower, iv.Upper = quantile(col, g/2), quantile(col, 1-g/2)
	if !bca {
		iv.Reason = "BCa not requested"
		return iv
	}
	below := 0
	for _, v := range col {
		if v < est {
			below++
		}
	}
	if below == 0 || below == len(col) {
		iv.Reason = "BCa undefined: every resampled estimate lies on one side of the estimate"
		return iv
	}
	z0 := distuv.UnitNormal.Quantile(float64(below) / float64(len(col)))
	jm, nj := 0.0, 0
	for _, v := range jack {
		if !math.IsNaN(v) {
			jm += v
			nj++
		}
	}
	if nj < len(jack) {
		iv.Reason = "BCa undefined: a leave-one-out estimation failed"
		return iv
	}
	jm /= float64(nj)
	num, den := 0.0, 0.0
	for _, v := range jack {
		d := jm - v
		num += d * d * d
		den += d * d
	}
	a := 0.0
	if den > 0 {
		a = num / (6 * math.Pow(den, 1.5))
	}
	for i, p := range []float64{g / 2, 1 - g/2} {
		z := distuv.UnitNormal.Quantile(p)
		adj := distuv.UnitNormal.CDF(z0 + (z0+z)/(1-a*(z0+z)))
		q := quantile(col, adj)
		if i == 0 {
			iv.BCaLower = q
		} else {
			iv.BCaUpper = q
		}
	}
	return iv
}

// quantile returns the p-quantile of sorted x by linear interpolation
// between order statistics (R's type 7, numpy's default).
func quantile(x []float64, p float64) float64 {
	if math.IsNaN(p) {
		return math.NaN()
	}
	h := (float64(len(x)) - 1) * min(max(p, 0), 1)
	lo := int(math.Floor(h))
	if lo >= len(x)-1 {
		return x[len(x)-1]
	}
	return x[lo] + (h-float64(lo))*(x[lo+1]-x[lo])
}

// axpy4 adds a0·x0 + a1·x1 + a2·x2 + a3·x3 to y (all of y's length).
func axpy4(a0, a1, a2, a3 float64, x0, x1, x2, x3, y []float64) {
	n := len(y)
	x0, x1, x2, x3 = x0[:n], x1[:n], x2[:n], x3[:n]
	for i := range y {
		y[i] += a0*x0[i] + a1*x1[i] + a2*x2[i] + a3*x3[i]
	}
}
