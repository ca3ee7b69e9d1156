package servqual

import (
	"math"
	"sync"
	"sync/atomic"
)

// Accumulator gathers the sample statistics of many responses to one
// instrument in a single pass, in constant memory: per item and measure
// the count, mean and M2 (Welford); per dimension and measure the
// co-moment matrix of its items over the respondents who answered all of
// them; the co-moments of the dimension scores with each other and with
// each outcome rating; importance points, outcome ratings, the weighted
// score and zone-of-tolerance counts. Accumulators of the same instrument
// merge exactly ([Accumulator.Merge]), so shards can be scored in parallel
// or on different machines.
//
// Whole-number ratings — the usual case, on an instrument whose scale has
// whole-number ends at most 31 points apart (1..7, 0..10, 1..32) and
// within ±2⁴⁸, no reverse-keyed items, and at most eight dimensions of
// at most eight contiguous items each — go into exact integer sums of the
// ratings and of their products, several products per machine
// multiplication, with no division; the sums are folded into the
// floating-point means and co-moments by Chan, Golub & LeVeque's (1979)
// pairwise formula when the statistics are next read (or the accumulator
// is merged or encoded). Other responses (fractional ratings, or
// expectations together with the three-column format) take Welford's
// (1962) update at once. Statistics
// read after a run of whole-number ratings are therefore the exact ones,
// correctly rounded to within a few units in the last place; a read in
// between fixes where a fold happens, which can change later results in
// their last bits, as the order of additions and merges does.
//
// Create one with [NewAccumulator]; the zero value (and a nil
// *Accumulator) has no instrument: it rejects data with an error wrapping
// [ErrInstrument] and reports nothing.
//
// Concurrency: an Accumulator is not safe for concurrent use by writers.
// [Accumulator.Add] and [Accumulator.Merge] change the receiver and must
// not run concurrently with any other method on it. The read-only methods
// — N, Instrument, Report, Reliability, KeyDrivers, IPA and MarshalBinary
// — do not change its statistics and may be called concurrently with each
// other: the first of them after an Add folds the exact sums in, under a
// lock that the others wait on. The argument
// of Merge is only read: it may be read concurrently (by Report, or as
// the argument of other Merges) but must not be changed while it is
// merged.
type Accumulator struct {
	in         *Instrument
	n          int64
	m          [NumMeasures]measureState
	importance []welford // per dimension
	outcome    []welford // per outcome
	weighted   welford   // importance-weighted gap score
	zone       [][3]int64
	p          *prepared
	buf        []float64
	fast       bool // the instrument qualifies for prepareFast
	ic         invCache
	ix         *intPath // nil: no integer path (see addInt)
	lazy       *lazyFold
}

// lazyFold guards the fold of the blocks' exact sums into their
// floating-point state, which the first reader after an Add does: readers
// may run concurrently with each other, so the fold is done once, under
// mu, and dirty says whether there is anything to fold.
type lazyFold struct {
	mu    sync.Mutex
	dirty atomic.Bool
}

type measureState struct {
	// item holds, per item, the answers of respondents who did not
	// answer every item of its dimension; the item's full statistics are
	// this merged with its marginal in dim (see itemWelford).
	item    []welford
	dim     []block // per dimension, over its items
	dims    block   // over the dimension scores
	drivers []block // per outcome, over the dimension scores and the outcome
}

// MaxResponses is the largest number of responses an accumulator holds,
// 2⁵³: counts are kept exactly in float64. [Accumulator.Add] and
// [Accumulator.Merge] return an error wrapping [ErrLimit] rather than
// exceed it.
const MaxResponses = 1 << 53

// NewAccumulator returns an empty accumulator for in. Its size depends on
// the instrument only, never on the number of responses added. For a nil
// or zero instrument it returns an accumulator without instrument, which
// rejects data as the zero Accumulator does.
func NewAccumulator(in *Instrument) *Accumulator {
	if !in.valid() {
		return &Accumulator{}
	}
	nd, no := len(in.dims), len(in.outcomes)
	a := &Accumulator{
		in:         in,
		importance: make([]welford, nd),
		outcome:    make([]welford, no),
		zone:       make([][3]int64, len(in.items)),
		p:          newPrepared(in),
		fast:       fastInstrument(in),
		buf:        make([]float64, max(nd+1, maxItems(in))),
		lazy:       &lazyFold{},
	}
	lo, r, exact := exactScale(in)
	// The integer path (addInt) takes dimensions of at most eight items,
	// at most eight of them, contiguous and not reverse-keyed.
	exact = exact && a.fast && nd <= 8 && maxItems(in) <= 8
	for m := range a.m {
		st := &a.m[m]
		st.item = make([]welford, len(in.items))
		st.dim = make([]block, nd)
		for d, items := range in.dimItems {
			st.dim[d] = newBlock(len(items))
		}
		st.dims = newBlock(nd)
		if exact {
			a.exactSums(Measure(m), lo, r)
		}
		st.drivers = make([]block, no)
		for o := range st.drivers {
			st.drivers[o] = newBlock(nd + 1)
		}
	}
	if exact {
		if a.ix = newIntPath(a, lo, r); a.ix == nil {
			for m := range a.m { // no use for them
				st := &a.m[m]
				for d := range st.dim {
					st.dim[d].x = nil
				}
				st.dims.x = nil
			}
		}
	}
	return a
}

// exactSums gives the blocks of measure m exact integer sums (see
// [exactSums]) for an instrument whose scale is lo..lo+r with integer
// ends: ratings u = x − lo in 0..r, differences (gap, MSA, MSS) u = x + r
// in 0..2r, and dimension scores the sums of their items' u.
func (a *Accumulator) exactSums(m Measure, lo, r int64) {
	st := &a.m[m]
	off, umax := lo, uint64(r)
	if m.isGap() {
		off, umax = -r, 2*uint64(r)
	}
	q := make([]int, len(a.in.dims))
	for d, items := range a.in.dimItems {
		ones := make([]int, len(items))
		for j := range ones {
			ones[j] = 1
		}
		st.dim[d].x = newExactSums(off, ones, umax)
		q[d] = len(items)
	}
	st.dims.x = newExactSums(off, q, uint64(maxItems(a.in))*umax)
}

func maxItems(in *Instrument) int {
	k := 0
	for _, items := range in.dimItems {
		k = max(k, len(items))
	}
	return k
}

// Instrument returns the accumulator's instrument (nil if it has none).
func (a *Accumulator) Instrument() *Instrument {
	if a == nil {
		return nil
	}
	return a.in
}

// N returns the number of responses added.
func (a *Accumulator) N() int64 {
	if a == nil {
		return 0
	}
	return a.n
}

// ready reports whether a has an instrument. Every method that reads a's
// statistics calls it first: it folds the exact sums of the responses
// added since the last read into the floating-point state (once, under a
// lock, so that readers may run concurrently).
func (a *Accumulator) ready() bool {
	if a == nil || a.in == nil {
		return false
	}
	if l := a.lazy; l != nil && l.dirty.Load() {
		l.mu.Lock()
		if l.dirty.Load() {
			a.flush()
			l.dirty.Store(false)
		}
		l.mu.Unlock()
	}
	return true
}

// flush folds every block's and item's exact sums into their
// floating-point state.
func (a *Accumulator) flush() {
	for m := range a.m {
		st := &a.m[m]
		for d := range st.dim {
			st.dim[d].flush()
		}
		st.dims.flush()
		if a.ix != nil {
			for i := range st.item {
				a.ix.foldItem(st, Measure(m), i)
			}
		}
	}
}

func errNoInstrument(fn string) error {
	return errorf("%s: no instrument (create the accumulator with NewAccumulator and a valid instrument): %w", fn, ErrInstrument)
}

// Add validates r against the instrument and adds it. Invalid data — a
// slice of the wrong length, a rating off the scale or ±Inf, an adequate
// level above the desired one, importance points that are negative or do
// not sum to 100 — returns an *InputError naming the item and field, and
// leaves the accumulator unchanged. Missing answers (NaN) are skipped per
// item; a dimension's statistics use only respondents who answered all of
// its items. An accumulator without instrument returns an error wrapping
// [ErrInstrument], and one holding [MaxResponses] an error wrapping
// [ErrLimit]. Add allocates nothing, and reads r's slices only during
// the call (it keeps no reference to them).
func (a *Accumulator) Add(r Response) error {
	if a == nil || a.in == nil {
		return errNoInstrument("Add")
	}
	if a.n >= MaxResponses {
		return errorf("Add: the accumulator holds %d responses, the most it can: %w", a.n, ErrLimit)
	}
	if a.ix != nil && a.addInt(&r) {
		return nil
	}
	p := a.p
	if !a.fast || !a.prepareFast(&r) {
		if err := a.in.prepare(&r, p); err != nil {
			return err
		}
	}
	a.n++
	in := a.in
	nd := len(in.dims)
	for m := range a.m {
		if !p.has[m] {
			continue
		}
		st := &a.m[m]
		x := p.v[m]
		dim := p.dim[m]
		complete := true
		for d, items := range in.dimItems {
			if dim[d] != dim[d] {
				// Incomplete dimension: its answered items go to the
				// per-item statistics only.
				complete = false
				for _, i := range items {
					if v := x[i]; v == v {
						st.item[i].add(v)
					}
				}
				continue
			}
			if lo := in.dimStart[d]; lo >= 0 {
				st.dim[d].addc(x[lo:lo+len(items)], &a.ic)
				continue
			}
			buf := a.buf[:len(items)]
			for j, i := range items {
				buf[j] = x[i]
			}
			st.dim[d].addc(buf, &a.ic)
		}
		if !complete {
			continue
		}
		st.dims.addc(dim, &a.ic)
		for o, y := range p.outcomes {
			if y != y {
				continue
			}
			buf := a.buf[:nd+1]
			copy(buf, dim)
			buf[nd] = y
			st.drivers[o].addc(buf, &a.ic)
		}
	}
	for o, y := range p.outcomes {
		if y == y {
			a.outcome[o].add(y)
		}
	}
	if w := p.importance; w != nil {
		var sw, sg float64
		for d, v := range w {
			a.importance[d].add(v)
			sw += v
			sg += v * p.dim[Gap][d]
		}
		if p.has[Gap] && sw > 0 && sg == sg {
			a.weighted.add(sg / sw)
		}
	}
	if p.hasZone {
		for i, z := range p.zone {
			if z != ZoneUnknown {
				a.zone[i][z-BelowZone]++
			}
		}
	}
	// Keep no reference to the caller's slices.
	p.v = [NumMeasures][]float64{}
	p.importance, p.outcomes = nil, nil
	return nil
}

// Merge adds the statistics of o to a exactly, as if a had been given
// every response o was given (Chan, Golub & LeVeque's pairwise update);
// o is only read. It returns an error, and changes nothing, if o is nil
// ([ErrArgument]), if either has no instrument or o accumulates a
// different instrument ([ErrInstrument]), or if the merged count would
// exceed [MaxResponses] ([ErrLimit]). Merging an accumulator into itself
// counts each of its responses twice.
func (a *Accumulator) Merge(o *Accumulator) error {
	if o == nil {
		return errorf("Merge: nil accumulator: %w", ErrArgument)
	}
	if a == nil || a.in == nil || !o.ready() {
		return errNoInstrument("Merge")
	}
	if a.in != o.in {
		return errorf("Merge: accumulator of %q into one of %q: %w", o.in.name, a.in.name, ErrInstrument)
	}
	if o.n > MaxResponses-a.n {
		return errorf("Merge: %d + %d responses exceed the limit of %d: %w", a.n, o.n, int64(MaxResponses), ErrLimit)
	}
	a.n += o.n
	for m := range a.m {
		st, ot := &a.m[m], &o.m[m]
		for i := range st.item {
			st.item[i].merge(ot.item[i])
		}
		for d := range st.dim {
			st.dim[d].merge(&ot.dim[d])
		}
		st.dims.merge(&ot.dims)
		for k := range st.drivers {
			st.drivers[k].merge(&ot.drivers[k])
		}
	}
	for d := range a.importance {
		a.importance[d].merge(o.importance[d])
	}
	for k := range a.outcome {
		a.outcome[k].merge(o.outcome[k])
	}
	a.weighted.merge(o.weighted)
	for i := range a.zone {
		for z := range a.zone[i] {
			a.zone[i][z] += o.zone[i][z]
		}
	}
	return nil
}

// Score scores a single response: per-item values and zone positions,
// per-dimension means, the unweighted and weighted SERVQUAL scores and the
// SERVPERF score (see [Score]). Errors are as for [Accumulator.Add].
func (in *Instrument) Score(r Response) (Score, error) {
	if !in.valid() {
		return Score{}, errNoInstrument("Score")
	}
	p := newPrepared(in)
	if err := in.prepare(&r, p); err != nil {
		return Score{}, err
	}
	nan := math.NaN()
	s := Score{
		Items:      make([]ItemScore, len(in.items)),
		Dimensions: make([]DimensionScore, len(in.dims)),
	}
	val := func(m Measure, v float64) float64 {
		if p.has[m] {
			return v
		}
		return nan
	}
	for i, it := range in.items {
		s.Items[i] = ItemScore{
			Key:         it.Key,
			Gap:         val(Gap, p.x[Gap][i]),
			Perception:  val(Perception, p.x[Perception][i]),
			Expectation: val(Expectation, p.x[Expectation][i]),
			Adequacy:    val(Adequacy, p.x[Adequacy][i]),
			Superiority: val(Superiority, p.x[Superiority][i]),
		}
		if p.hasZone {
			s.Items[i].Zone = p.zone[i]
		}
	}
	var overall [NumMeasures]float64
	for d, dim := range in.dims {
		ds := DimensionScore{
			Key:         dim.Key,
			Gap:         val(Gap, p.dim[Gap][d]),
			Perception:  val(Perception, p.dim[Perception][d]),
			Expectation: val(Expectation, p.dim[Expectation][d]),
			Adequacy:    val(Adequacy, p.dim[Adequacy][d]),
			Superiority: val(Superiority, p.dim[Superiority][d]),
			Importance:  nan,
		}
		if r.Importance != nil {
			ds.Importance = r.Importance[d]
		}
		s.Dimensions[d] = ds
		for m := range overall {
			overall[m] += val(Measure(m), p.dim[m][d])
		}
	}
	nd := float64(len(in.dims))
	s.Gap, s.Perception, s.Adequacy, s.Superiority = overall[Gap]/nd, overall[Perception]/nd, overall[Adequacy]/nd, overall[Superiority]/nd
	s.Weighted = nan
	if r.Importance != nil && p.has[Gap] {
		var sw, sg float64
		for d, w := range r.Importance {
			sw += w
			sg += w * p.dim[Gap][d]
		}
		if sw > 0 {
			s.Weighted = sg / sw
		}
	}
	return s, nil
}

// ItemScore is one item's scores in one response. Values not asked or not
// answered are NaN; reverse-keyed items are already flipped.
type ItemScore struct {
	// Key is the item's key.
	Key string `json:"key"`
	// Gap is P − E.
	Gap float64 `json:"gap"`
	// Perception is P.
	Perception float64 `json:"perception"`
	// Expectation is E.
	Expectation float64 `json:"expectation"`
	// Adequacy is MSA = P − adequate.
	Adequacy float64 `json:"adequacy"`
	// Superiority is MSS = P − desired.
	Superiority float64 `json:"superiority"`
	// Zone is the perception's position relative to the zone of tolerance.
	Zone Zone `json:"zone"`
}

// DimensionScore is one dimension's scores in one response: the means of
// its items, NaN unless every item of the dimension was answered.
type DimensionScore struct {
	// Key is the dimension's key.
	Key string `json:"key"`
	// Gap is the mean item gap.
	Gap float64 `json:"gap"`
	// Perception is the mean perception.
	Perception float64 `json:"perception"`
	// Expectation is the mean expectation.
	Expectation float64 `json:"expectation"`
	// Adequacy is the mean MSA.
	Adequacy float64 `json:"adequacy"`
	// Superiority is the mean MSS.
	Superiority float64 `json:"superiority"`
	// Importance is the respondent's importance points (NaN if not given).
	Importance float64 `json:"importance"`
}

// Score is the scoring of one response.
//
// The overall scores weight every dimension equally, as Parasuraman,
// Zeithaml & Berry (1988) recommend: Gap, the unweighted SERVQUAL score, is
// the mean of the dimension gap means; Perception, the SERVPERF score
// (Cronin & Taylor 1992), is the mean of the dimension perception means
// (Cronin & Taylor sum the items, which weights dimensions by their number
// of items). Weighted is the weighted SERVQUAL score Σ wᵈ·gapᵈ / Σ wᵈ with
// the respondent's importance points w. A score whose inputs are missing
// is NaN.
type Score struct {
	// Items holds the item scores in questionnaire order.
	Items []ItemScore `json:"items"`
	// Dimensions holds the dimension scores in reporting order.
	Dimensions []DimensionScore `json:"dimensions"`
	// Gap is the unweighted SERVQUAL score.
	Gap float64 `json:"gap"`
	// Weighted is the importance-weighted SERVQUAL score.
	Weighted float64 `json:"weighted"`
	// Perception is the SERVPERF score.
	Perception float64 `json:"perception"`
	// Adequacy is the mean of the dimension MSA means.
	Adequacy float64 `json:"adequacy"`
	// Superiority is the mean of the dimension MSS means.
	Superiority float64 `json:"superiority"`
}

// itemWelford returns the statistics of item i under measure m over every
// respondent who answered it: the marginal of its dimension's block
// (respondents who answered the whole dimension) merged exactly with the
// answers of the others.
func (a *Accumulator) itemWelford(m Measure, i int) welford {
	st := &a.m[m]
	d := a.in.itemDim[i]
	b := &st.dim[d]
	j := a.in.itemPos[i]
	w := welford{n: b.n, mean: b.mean[j], m2: b.c[j*b.k+j]}
	w.merge(st.item[i])
	return w
}
