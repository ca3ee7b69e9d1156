package pls

import (
	"math"
	"math/rand/v2"
)

// StreamBootstrap is an online bootstrap (Oza & Russell 2001; the Poisson
// bootstrap of Hanley & MacGibbon 2006 and Chamandy et al. 2012): instead
// of resampling a stored data set, each respondent enters each of B
// replicate accumulators a Poisson(1)-distributed number of times as it
// arrives. The replicates approximate B nonparametric bootstrap resamples
// (whose multinomial counts are asymptotically independent Poisson(1)),
// need no stored data, and merge exactly, so shards of a survey on many
// machines can be bootstrapped together. The weights of a respondent come
// from a PCG generator seeded with (Seed, id) for the caller's respondent
// id, so the result does not depend on how the respondents are split into
// shards or ordered, as long as each id is added once.
//
// Each Add costs about B·K²/2 multiply-adds for K indicators (B = 200 and
// K = 27: about 75,000). A StreamBootstrap is not safe for concurrent use;
// N and the estimation read it only; the source of a Merge is only read.
type StreamBootstrap struct {
	seed uint64
	full Accumulator
	reps []Accumulator
	src  rand.PCG
	rng  *rand.Rand
}

// NewStreamBootstrap returns an empty online bootstrap of resamples
// replicates (1..MaxResamples) for rows of k indicators (1..MaxIndicators);
// resamples·k² may not exceed [MaxBootstrapValues]. Errors wrap
// [ErrValue] and [ErrLimit].
func NewStreamBootstrap(k, resamples int, seed uint64) (*StreamBootstrap, error) {
	if k < 1 || k > MaxIndicators {
		return nil, errorf("stream bootstrap: %d indicators outside 1..%d: %w: %w", k, MaxIndicators, ErrValue, ErrLimit)
	}
	if resamples < 1 || resamples > MaxResamples {
		return nil, errorf("stream bootstrap: %d resamples outside 1..%d: %w: %w", resamples, MaxResamples, ErrValue, ErrLimit)
	}
	if float64(resamples)*float64(k)*float64(k) > MaxBootstrapValues {
		return nil, errorf("stream bootstrap: %d resamples × %d² co-moments exceed MaxBootstrapValues = %d: %w", resamples, k, MaxBootstrapValues, ErrLimit)
	}
	sb := &StreamBootstrap{seed: seed, reps: make([]Accumulator, resamples)}
	sb.full.init(k)
	for b := range sb.reps {
		sb.reps[b].init(k)
	}
	sb.rng = rand.New(&sb.src)
	return sb, nil
}

// N returns the number of respondents added.
func (sb *StreamBootstrap) N() int64 {
	if sb == nil {
		return 0
	}
	return sb.full.rows
}

// Add adds respondent id's answers (NaN for a missing answer) to the
// full-sample accumulator once and to each replicate a Poisson(1) number
// of times. A row of the wrong length or with ±Inf or a magnitude above
// [MaxValue] is an error wrapping [ErrLength] or [ErrValue] and changes
// nothing; so is a nil or zero StreamBootstrap ([ErrValue]).
func (sb *StreamBootstrap) Add(id uint64, row []float64) error {
	if sb == nil || sb.reps == nil {
		return errorf("stream bootstrap: nil or not made by NewStreamBootstrap: %w", ErrValue)
	}
	if err := sb.full.check(row); err != nil {
		return errorf("stream bootstrap: respondent %d: %w", id, err)
	}
	sb.full.add(row)
	sb.src.Seed(sb.seed, id)
	for b := range sb.reps {
		// Poisson(1) by inversion: P(0) = P(1) = e⁻¹, P(c) = P(c−1)/c.
		u := sb.rng.Float64()
		p := math.Exp(-1)
		c, cum := 0, p
		for u > cum && c < 20 {
			c++
			p /= float64(c)
			cum += p
		}
		for range c {
			sb.reps[b].add(row)
		}
	}
	return nil
}

// Merge adds the respondents of o, exactly (see [Accumulator.Merge]). The
// two must have the same seed, number of replicates and indicators, or the
// error wraps [ErrValue] and nothing changes.
func (sb *StreamBootstrap) Merge(o *StreamBootstrap) error {
	if sb == nil || sb.reps == nil {
		return errorf("stream bootstrap: nil or not made by NewStreamBootstrap: %w", ErrValue)
	}
	if o == nil || o.full.rows == 0 {
		return nil
	}
	if o.seed != sb.seed || len(o.reps) != len(sb.reps) || o.full.k != sb.full.k {
		return errorf("stream bootstrap: merge of (seed %d, %d resamples, %d indicators) into (seed %d, %d, %d): %w",
			o.seed, len(o.reps), o.full.k, sb.seed, len(sb.reps), sb.full.k, ErrValue)
	}
	if o == sb {
		// Merging a stream into itself would count each id twice.
		return errorf("stream bootstrap: merge into itself: %w", ErrValue)
	}
	_ = sb.full.Merge(&o.full)
	for b := range sb.reps {
		_ = sb.reps[b].Merge(&o.reps[b])
	}
	return nil
}

// BootstrapStream estimates the model on the full sample and on every
// replicate of the online bootstrap sb (moments under opts.Missing) and
// returns percentile intervals as [Model.Bootstrap] does (BCa needs the
// stored data and is not available: its fields are NaN with a Reason).
// scale, when not nil, adds the 0–100 index of every construct.
// Replicates whose estimation fails are counted in Failed.
func (m *Model) BootstrapStream(sb *StreamBootstrap, opts *Options, scale *Scale) (*Bootstrap, error) {
	if !m.valid() {
		return nil, errNoModel()
	}
	st, err := opts.settings()
	if err != nil {
		return nil, errorf("%w", err)
	}
	if sb == nil || sb.reps == nil || sb.full.rows == 0 {
		return nil, errorf("stream bootstrap: no respondents: %w", ErrEmpty)
	}
	if sb.full.k != len(m.ind) {
		return nil, errorf("stream bootstrap has %d indicators, model %d: %w", sb.full.k, len(m.ind), ErrLength)
	}
	if scale != nil {
		if err := scale.check(); err != nil {
			return nil, errorf("stream bootstrap: %w", err)
		}
		sc := *scale
		scale = &sc
	}
	lay := m.layout(st.consistent, scale)
	B := len(sb.reps)
	if B*lay.total > MaxBootstrapValues {
		return nil, errorf("stream bootstrap: %d resamples × %d statistics exceed MaxBootstrapValues = %d: %w", B, lay.total, MaxBootstrapValues, ErrLimit)
	}
	estimate := func(a *Accumulator, ws *work, out []float64) error {
		mo, err := a.moments(st.missing)
		if err != nil {
			return err
		}
		r, sd, err := m.standardise(&mo)
		if err != nil {
			return err
		}
		ws.mean, ws.sd = mo.Mean, sd
		return m.stats(r, &st, ws, lay, out)
	}
	full := make([]float64, lay.total)
	if err := estimate(&sb.full, newWork(m), full); err != nil {
		return nil, errorf("stream bootstrap: full sample: %w", err)
	}
	table := make([]float64, B*lay.total)
	failed := 0
	ws := newWork(m)
	for b := range sb.reps {
		out := table[b*lay.total : (b+1)*lay.total]
		if sb.reps[b].rows == 0 || estimate(&sb.reps[b], ws, out) != nil {
			failed++
			for i := range out {
				out[i] = math.NaN()
			}
		}
	}
	if failed == B {
		return nil, errorf("stream bootstrap: all %d replicates failed: %w", B, ErrSingular)
	}
	return m.collect(lay, full, table, nil, B, failed, int(sb.full.rows), sb.seed, st.level, false), nil
}

// collect builds a Bootstrap from the table of resampled statistics.
func (m *Model) collect(lay *layout, full, table, jack []float64, B, failed, n int, seed uint64, level float64, bca bool) *Bootstrap {
	res := &Bootstrap{N: n, Resamples: B, Failed: failed, Seed: seed, Level: level}
	names := m.statNames(lay)
	col := make([]float64, 0, B)
	nj := 0
	if bca {
		nj = len(jack) / lay.total
	}
	jcol := make([]float64, 0, nj)
	ivs := make([]Interval, lay.total)
	for x := range lay.total {
		col = col[:0]
		for b := range B {
			if v := table[b*lay.total+x]; !math.IsNaN(v) {
				col = append(col, v)
			}
		}
		jcol = jcol[:0]
		for i := range nj {
			jcol = append(jcol, jack[i*lay.total+x])
		}
		ivs[x] = interval(names[x], full[x], col, jcol, bca, level)
	}
	o := 0
	take := func(n int) []Interval { s := ivs[o : o+n : o+n]; o += n; return s }
	K := lay.K
	res.Weights, res.Loadings, res.Paths, res.TotalEffects, res.R2 = take(K), take(K), take(lay.P), take(lay.E), take(lay.R)
	if lay.consistent {
		res.ConsistentPaths = take(lay.P)
	}
	if lay.scale != nil {
		res.Index = take(len(m.cons))
	}
	return res
}
