package servqual

import (
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestComomentRoundsOnce checks comoment, N·Sᵢⱼ − Sᵢ·Sⱼ, against the
// exact 128-bit value from math/big rounded once to float64 (big.Float's
// Float64 rounds to nearest even): numerators beyond 2⁶⁴ (a few billion
// responses) must not be rounded twice. 3·(2⁶³ + 683) = 2⁶⁴ + 2⁶³ + 2049
// is such a case: rounding the low word first gives 2⁶⁴ + 2⁶³ + 2048, a
// tie that goes down to 2⁶⁴ + 2⁶³, while the exact value rounds up.
func TestComomentRoundsOnce(t *testing.T) {
	exact := func(n, sij, si, sj uint64) float64 {
		a := new(big.Int).Mul(new(big.Int).SetUint64(n), new(big.Int).SetUint64(sij))
		b := new(big.Int).Mul(new(big.Int).SetUint64(si), new(big.Int).SetUint64(sj))
		f, _ := new(big.Float).SetInt(a.Sub(a, b)).Float64()
		return f
	}
	type args struct{ n, sij, si, sj uint64 }
	cases := []args{
		{3, 1<<63 + 683, 0, 0},
		{3, 0, 1, 1<<63 + 683},
		{1, 0, 0, 0},
		{1 << 40, 1 << 62, 1 << 51, 1 << 51},
		{math.MaxUint64, math.MaxUint64, 0, 0},
		{0, 0, math.MaxUint64, math.MaxUint64},
		{5, 7, 6, 6},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		// Random widths, so that every length of the 128-bit result
		// and both signs are drawn.
		w := func() uint64 { return rng.Uint64() >> rng.UintN(64) }
		cases = append(cases, args{w(), w(), w(), w()})
	}
	for _, c := range cases {
		if got, want := comoment(c.n, c.sij, c.si, c.sj), exact(c.n, c.sij, c.si, c.sj); got != want {
			t.Fatalf("comoment(%d, %d, %d, %d) = %.17g, exact value rounded once %.17g", c.n, c.sij, c.si, c.sj, got, want)
		}
	}
}

// laneInstrument has dimensions of the given sizes on the scale lo..hi
// and one outcome on 0..10.
func laneInstrument(t testing.TB, lo, hi float64, sizes ...int) *Instrument {
	t.Helper()
	spec := Spec{Name: "lanes", Scale: Scale{Min: lo, Max: hi}, Outcomes: []OutcomeRating{{Key: "o", Scale: Scale{Min: 0, Max: 10}}}}
	for d, k := range sizes {
		key := string(rune('a' + d))
		spec.Dimensions = append(spec.Dimensions, Dimension{Key: key})
		for j := 0; j < k; j++ {
			spec.Items = append(spec.Items, Item{Key: key + string(rune('0'+j)), Dimension: key})
		}
	}
	in, err := NewInstrument(spec)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// exactStat returns the mean and SD of the values xs[p] taken cnt[p]
// times, computed exactly (math/big) and rounded at the end.
func exactStat(xs []*big.Rat, cnt []int64) (mean, sd float64) {
	s, s2, n := new(big.Rat), new(big.Rat), new(big.Rat)
	for p, x := range xs {
		c := new(big.Rat).SetInt64(cnt[p])
		n.Add(n, c)
		s.Add(s, new(big.Rat).Mul(c, x))
		s2.Add(s2, new(big.Rat).Mul(c, new(big.Rat).Mul(x, x)))
	}
	m := new(big.Rat).Quo(s, n)
	v := new(big.Rat).Sub(new(big.Rat).Mul(n, s2), new(big.Rat).Mul(s, s))
	v.Quo(v, new(big.Rat).Mul(n, new(big.Rat).Sub(n, big.NewRat(1, 1))))
	mean, _ = m.Float64()
	vf, _ := v.Float64()
	return mean, math.Sqrt(vf)
}

// TestIntPathLaneExtremes adds many copies of a few extreme responses —
// every perception at the top of the scale and every expectation at the
// bottom (the largest gap lanes), the reverse, and a staircase — to
// instruments whose scales take each lane layout at its limit (0..31:
// the widest 16-bit gap lanes; 1..12: the widest five-item 12-bit lanes;
// negative ends; ends near the 2⁴⁸ guard; scales the integer path does
// not take), and checks every item, dimension and overall mean and SD
// against exact rational arithmetic. Ten million maximal responses go
// through the narrowest lanes.
func TestIntPathLaneExtremes(t *testing.T) {
	type scale struct {
		lo, hi float64
		n      int64 // copies of the maximal response
		intP   bool  // the integer path takes it
	}
	scales := []scale{
		{0, 31, 1e7, true},
		{1, 12, 2e6, true},
		{0, 10, 3e4, true},
		{-3, 3, 3e4, true},
		{-31, 0, 3e4, true},
		{1<<48 - 31, 1 << 48, 3e4, true},
		{-1 << 48, -1<<48 + 6, 3e4, true},
		{1, 100, 3e4, false},
		{0, 65535, 3e4, false},
	}
	if testing.Short() || raceEnabled {
		for i := range scales {
			scales[i].n = min(scales[i].n, 3e4)
		}
	}
	for _, sc := range scales {
		in := laneInstrument(t, sc.lo, sc.hi, 5, 1, 8, 4)
		a := NewAccumulator(in)
		if (a.ix != nil) != sc.intP {
			t.Fatalf("%v..%v: integer path %v, want %v", sc.lo, sc.hi, a.ix != nil, sc.intP)
		}
		ni := in.NumItems()
		r := sc.hi - sc.lo
		// The patterns and how often each is added.
		var ps, es [][]float64
		add := func(p, e func(i int) float64) {
			pv, ev := make([]float64, ni), make([]float64, ni)
			for i := range pv {
				pv[i], ev[i] = p(i), e(i)
			}
			ps, es = append(ps, pv), append(es, ev)
		}
		add(func(int) float64 { return sc.hi }, func(int) float64 { return sc.lo })
		add(func(int) float64 { return sc.lo }, func(int) float64 { return sc.hi })
		add(func(i int) float64 { return sc.lo + math.Mod(float64(3*i), r+1) }, func(i int) float64 { return sc.hi - math.Mod(float64(i), r+1) })
		cnt := []int64{sc.n, 3, 2}
		for p := range ps {
			resp := Response{Perception: ps[p], Expectation: es[p]}
			for c := int64(0); c < cnt[p]; c++ {
				if err := a.Add(resp); err != nil {
					t.Fatal(err)
				}
			}
		}
		rep := a.Report()
		check := func(what string, s *Stat, vals func(p int) *big.Rat) {
			t.Helper()
			xs := make([]*big.Rat, len(ps))
			for p := range xs {
				xs[p] = vals(p)
			}
			mean, sd := exactStat(xs, cnt)
			// The mean to a few units in the last place of the scale's
			// ends (at 2⁴⁸ one is 1/16); the SD to 1e-12 relative.
			tolM := 4 * max(math.Abs(sc.lo), math.Abs(sc.hi), 1) * 0x1p-52
			if s == nil || math.Abs(s.Mean-mean) > tolM || math.Abs(s.SD-sd) > 1e-12*sd {
				t.Errorf("%v..%v %s: got %+v, exact mean %.17g SD %.17g", sc.lo, sc.hi, what, s, mean, sd)
			}
		}
		rat := func(x float64) *big.Rat { return new(big.Rat).SetFloat64(x) }
		for i := 0; i < ni; i++ {
			check("item "+in.items[i].Key+" P", rep.Items[i].Perception, func(p int) *big.Rat { return rat(ps[p][i]) })
			check("item "+in.items[i].Key+" gap", rep.Items[i].Gap, func(p int) *big.Rat {
				return new(big.Rat).Sub(rat(ps[p][i]), rat(es[p][i]))
			})
		}
		dimMean := func(v [][]float64, w [][]float64, d, p int) *big.Rat {
			s := new(big.Rat)
			for _, i := range in.dimItems[d] {
				s.Add(s, rat(v[p][i]))
				if w != nil {
					s.Sub(s, rat(w[p][i]))
				}
			}
			return s.Quo(s, big.NewRat(int64(len(in.dimItems[d])), 1))
		}
		for d := range in.dims {
			check("dimension "+in.dims[d].Key+" E", rep.Dimensions[d].Expectation, func(p int) *big.Rat { return dimMean(es, nil, d, p) })
			check("dimension "+in.dims[d].Key+" gap", rep.Dimensions[d].Gap, func(p int) *big.Rat { return dimMean(ps, es, d, p) })
		}
		overall := func(v, w [][]float64) func(p int) *big.Rat {
			return func(p int) *big.Rat {
				s := new(big.Rat)
				for d := range in.dims {
					s.Add(s, dimMean(v, w, d, p))
				}
				return s.Quo(s, big.NewRat(int64(len(in.dims)), 1))
			}
		}
		check("overall P", rep.Overall.Perception, overall(ps, nil))
		check("overall gap", rep.Overall.Gap, overall(ps, es))
	}
}

// snapshot copies everything Add may change in a: counts, Welford and
// block states, the exact sums with their lanes and counters, the
// per-item sums and the zone counts.
func snapshot(a *Accumulator) any {
	type blk struct {
		N       float64
		Mean, C []float64
		NB      int
		Cnt     uint64
		LS, LP  []uint64
		S, S2   []uint64
	}
	cp := func(b *block) blk {
		s := blk{N: b.n, Mean: append([]float64(nil), b.mean...), C: append([]float64(nil), b.c...)}
		if x := b.x; x != nil {
			s.NB, s.Cnt = x.nb, x.cnt
			s.LS, s.LP = append([]uint64(nil), x.ls...), append([]uint64(nil), x.lp...)
			s.S, s.S2 = append([]uint64(nil), x.s...), append([]uint64(nil), x.s2...)
		}
		return s
	}
	var out []any
	out = append(out, a.n, a.lazy.dirty.Load(), append([]welford(nil), a.importance...), append([]welford(nil), a.outcome...), a.weighted)
	for _, z := range a.zone {
		out = append(out, z)
	}
	for m := range a.m {
		st := &a.m[m]
		out = append(out, append([]welford(nil), st.item...), cp(&st.dims))
		for d := range st.dim {
			out = append(out, cp(&st.dim[d]))
		}
		for o := range st.drivers {
			out = append(out, cp(&st.drivers[o]))
		}
		if a.ix != nil {
			out = append(out, append([]itemSums(nil), a.ix.items[m]...))
		}
	}
	return out
}

// TestIntPathRejectChangesNothing adds responses that fail validation
// late — the last rating off the scale or fractional after valid ones,
// a missing answer then an invalid one, importance or outcomes invalid
// after valid ratings, an adequate level above the desired one at the
// last item — to accumulators holding pending exact sums (lanes part
// full), and checks that nothing at all changed: counts, floating-point
// state, lanes, lane counters, totals and per-item sums.
func TestIntPathRejectChangesNothing(t *testing.T) {
	for _, in := range []*Instrument{SERVQUAL(), intTestInstrument(t, -3), laneInstrument(t, 0, 31, 5, 8, 2)} {
		a := NewAccumulator(in)
		rng := rand.New(rand.NewPCG(5, 6))
		n, nd := in.NumItems(), in.NumDimensions()
		lo, hi := in.scale.Min, in.scale.Max
		valid := func() []float64 {
			v := make([]float64, n)
			for i := range v {
				v[i] = lo + float64(rng.IntN(int(hi-lo)+1))
			}
			return v
		}
		for i := 0; i < 37; i++ { // lanes part full
			r := Response{Expectation: valid(), Perception: valid()}
			if i%3 == 0 {
				r.Perception[n/2] = math.NaN()
			}
			if err := a.Add(r); err != nil {
				t.Fatal(err)
			}
			zr := Response{Perception: valid(), Adequate: make([]float64, n), Desired: make([]float64, n)}
			for j := range zr.Adequate {
				zr.Adequate[j], zr.Desired[j] = lo, hi
			}
			if err := a.Add(zr); err != nil {
				t.Fatal(err)
			}
		}
		bad := []func(r *Response){
			func(r *Response) { r.Perception[n-1] = hi + 1 },
			func(r *Response) { r.Expectation[n-1] = lo - 1 },
			func(r *Response) { r.Perception[n-1] = hi + 0.5 },
			func(r *Response) { r.Perception[0] = math.NaN(); r.Expectation[n-1] = math.Inf(1) },
			func(r *Response) { r.Importance = make([]float64, nd); r.Importance[0] = 99 },
			func(r *Response) { r.Outcomes = []float64{11} },
			func(r *Response) {
				r.Expectation = nil
				r.Adequate, r.Desired = make([]float64, n), make([]float64, n)
				for j := range r.Adequate {
					r.Adequate[j], r.Desired[j] = lo, hi
				}
				r.Adequate[n-1], r.Desired[n-1] = hi, lo
			},
			func(r *Response) {
				r.Expectation = nil
				r.Adequate, r.Desired = make([]float64, n), make([]float64, n)
				for j := range r.Adequate {
					r.Adequate[j], r.Desired[j] = lo, hi
				}
				r.Desired[n-1] = hi + 1
			},
		}
		for k, f := range bad {
			r := Response{Expectation: valid(), Perception: valid()}
			f(&r)
			before := snapshot(a)
			if err := a.Add(r); err == nil {
				t.Fatalf("%s: invalid response %d accepted", in.Name(), k)
			}
			if after := snapshot(a); !reflect.DeepEqual(before, after) {
				t.Fatalf("%s: invalid response %d changed the accumulator:\n%s", in.Name(), k, cmp.Diff(before, after, cmp.AllowUnexported(welford{}, itemSums{})))
			}
		}
	}
}

// TestIntPathMergeFolds checks merges of accumulators in every state of
// their exact sums against one pass over the same responses: a folded
// accumulator into one with pending sums and the reverse, then more
// responses and a read (which folds the destination's sums after the
// merge); an accumulator into itself (each response twice, as two
// identical shards); and one source merged into two destinations while
// it is also being read, concurrently (run with -race).
func TestIntPathMergeFolds(t *testing.T) {
	opts := []cmp.Option{cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()}
	in := intTestInstrument(t, -3)
	rng := rand.New(rand.NewPCG(13, 14))
	rs := make([]Response, 3000)
	for i := range rs {
		rs[i] = intPathResponse(rng, in)
	}
	addAll := func(a *Accumulator, rs []Response) {
		for _, r := range rs {
			_ = a.Add(r)
		}
	}
	one := NewAccumulator(in)
	addAll(one, rs)

	// Folded into pending, and pending into folded.
	for _, readFirst := range []bool{false, true} {
		a, b := NewAccumulator(in), NewAccumulator(in)
		addAll(a, rs[:1000])
		addAll(b, rs[1000:2000])
		if readFirst {
			a.Report() // a folded, b pending
		} else {
			b.Report() // b folded, a pending
		}
		if err := a.Merge(b); err != nil {
			t.Fatal(err)
		}
		if b.lazy.dirty.Load() {
			t.Error("a merged source keeps pending sums")
		}
		addAll(a, rs[2000:])
		if d := cmp.Diff(one.Report(), a.Report(), opts...); d != "" {
			t.Errorf("read first %v: merged differs from one pass (-one +merged):\n%s", readFirst, d)
		}
	}

	// Into itself: the same as merging an identical copy.
	self, twin := NewAccumulator(in), NewAccumulator(in)
	addAll(self, rs[:1500])
	addAll(twin, rs[:1500])
	two := NewAccumulator(in)
	addAll(two, rs[:1500])
	if err := two.Merge(twin); err != nil {
		t.Fatal(err)
	}
	if err := self.Merge(self); err != nil {
		t.Fatal(err)
	}
	if self.N() != 2*twin.N() {
		t.Fatalf("self merge: %d responses, want %d", self.N(), 2*twin.N())
	}
	if d := cmp.Diff(two.Report(), self.Report(), opts...); d != "" {
		t.Errorf("merged into itself differs from two copies (-copies +self):\n%s", d)
	}

	// One source, read and merged concurrently, while it has pending
	// sums.
	src := NewAccumulator(in)
	addAll(src, rs)
	dst := []*Accumulator{NewAccumulator(in), NewAccumulator(in)}
	addAll(dst[1], rs[:10])
	var wg sync.WaitGroup
	reps := make([]Report, 2)
	for g := 0; g < 2; g++ {
		wg.Add(2)
		go func() { defer wg.Done(); reps[g] = src.Report() }()
		go func() {
			defer wg.Done()
			if err := dst[g].Merge(src); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if d := cmp.Diff(one.Report(), dst[0].Report(), opts...); d != "" {
		t.Errorf("concurrent merge differs from one pass:\n%s", d)
	}
	if d := cmp.Diff(reps[0], reps[1], cmpopts.EquateNaNs()); d != "" {
		t.Errorf("concurrent reads differ:\n%s", d)
	}
}

// TestIntPathBinaryPending encodes accumulators with pending exact sums
// (lanes part full, per-item sums, totals) and checks that the decoded
// one reports bit for bit what the original does, and still does after
// both are given the same further responses.
func TestIntPathBinaryPending(t *testing.T) {
	for _, in := range []*Instrument{SERVQUAL(), intTestInstrument(t, 1), laneInstrument(t, 0, 31, 5, 8, 2)} {
		rng := rand.New(rand.NewPCG(17, 18))
		rs := make([]Response, 1200)
		for i := range rs {
			rs[i] = intPathResponse(rng, in)
		}
		a := NewAccumulator(in)
		for _, r := range rs[:777] {
			_ = a.Add(r)
		}
		if pending(a, Gap) == 0 {
			t.Fatalf("%s: nothing pending", in.Name())
		}
		data, err := a.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		b, err := DecodeAccumulator(in, data)
		if err != nil {
			t.Fatal(err)
		}
		// Bit for bit: no tolerance.
		if d := cmp.Diff(a.Report(), b.Report(), cmpopts.EquateNaNs()); d != "" {
			t.Fatalf("%s: decoded report differs:\n%s", in.Name(), d)
		}
		for _, r := range rs[777:] {
			e1, e2 := a.Add(r), b.Add(r)
			if (e1 == nil) != (e2 == nil) {
				t.Fatalf("%s: errors %v and %v", in.Name(), e1, e2)
			}
		}
		if d := cmp.Diff(a.Report(), b.Report(), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: after more responses, decoded report differs:\n%s", in.Name(), d)
		}
		d1, _ := a.MarshalBinary()
		d2, _ := b.MarshalBinary()
		if string(d1) != string(d2) {
			t.Errorf("%s: encodings differ after more responses", in.Name())
		}
		// Decoding into an accumulator with pending sums replaces them.
		c := NewAccumulator(in)
		for _, r := range rs[:100] {
			_ = c.Add(r)
		}
		if err := c.UnmarshalBinary(d1); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(a.Report(), c.Report(), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: decoded over pending sums, report differs:\n%s", in.Name(), d)
		}
	}
}

// wideResponse is intPathResponse for any scale lo..hi with whole-number
// ends: whole-number ratings anywhere on it (ends included, often),
// missing answers, now and then a fractional or off-scale rating;
// importance points spread over every dimension (now and then invalid);
// outcomes (now and then missing or off their scale); the three-column
// format with levels missing or in the wrong order; expectations alone,
// perceptions alone or both.
func wideResponse(rng *rand.Rand, in *Instrument) Response {
	n, nd := in.NumItems(), in.NumDimensions()
	lo, hi := in.scale.Min, in.scale.Max
	r := int(hi - lo)
	rating := func() float64 {
		switch rng.IntN(600) {
		case 0:
			return lo + 0.5
		case 1:
			return hi + 1
		case 2:
			return math.Copysign(0, -1)
		}
		switch rng.IntN(40) {
		case 0:
			return math.NaN()
		case 1, 2, 3:
			return lo
		case 4, 5, 6:
			return hi
		}
		return lo + float64(rng.IntN(r+1))
	}
	slice := func() []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = rating()
		}
		return v
	}
	var resp Response
	switch rng.IntN(6) {
	case 0:
		resp.Expectation = slice()
	case 1:
		resp.Perception = slice()
	default:
		resp.Expectation, resp.Perception = slice(), slice()
	}
	if rng.IntN(3) == 0 {
		w := make([]float64, nd)
		left := 100
		for d := 0; d < nd-1; d++ {
			w[d] = float64(rng.IntN(left + 1))
			left -= int(w[d])
		}
		w[nd-1] = float64(left)
		if rng.IntN(100) == 0 {
			w[0]++
		}
		resp.Importance = w
	}
	if rng.IntN(2) == 0 {
		resp.Outcomes = []float64{float64(rng.IntN(11))}
		switch rng.IntN(20) {
		case 0:
			resp.Outcomes[0] = math.NaN()
		case 1:
			resp.Outcomes[0] = 10.5
		}
	}
	if rng.IntN(4) == 0 {
		if resp.Perception == nil {
			resp.Perception = slice()
		}
		if rng.IntN(6) != 0 {
			resp.Expectation = nil
		}
		resp.Adequate, resp.Desired = make([]float64, n), make([]float64, n)
		for i := range resp.Adequate {
			x, y := rating(), rating()
			if x > y && rng.IntN(300) != 0 {
				x, y = y, x
			}
			resp.Adequate[i], resp.Desired[i] = x, y
		}
	}
	return resp
}

// TestIntPathSameAsGeneralWide extends TestIntPathSameAsGeneral, which
// draws ratings of a 7-point scale only, to every scale width and lane
// layout the integer path takes — 0..1, 1..12 (the widest five-item
// 12-bit lanes), −3..3, 0..31 (the widest 16-bit gap lanes, spilled
// every 17 responses), ends near 2⁴⁸ are in TestIntPathLaneExtremes — and
// to eight dimensions of one to eight items; it compares the report, the
// reliability, key drivers and IPA of every measure, and the merge of
// unevenly cut shards, each to 1e-12 (relative or absolute).
func TestIntPathSameAsGeneralWide(t *testing.T) {
	opts := []cmp.Option{cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()}
	type inst struct {
		lo, hi float64
		sizes  []int
	}
	for _, c := range []inst{
		{0, 1, []int{5, 2, 8}},
		{1, 12, []int{5, 4, 5, 1, 3}},
		{-3, 3, []int{1, 2, 3, 4, 5, 6, 7, 8}},
		{0, 31, []int{8, 5, 7, 2, 5, 1, 4, 3}},
		{-31, 0, []int{5, 6}},
	} {
		in := laneInstrument(t, c.lo, c.hi, c.sizes...)
		name := in.Name() + " " + fmtFloat(c.lo) + ".." + fmtFloat(c.hi)
		fast, gen := NewAccumulator(in), NewAccumulator(in)
		if fast.ix == nil {
			t.Fatalf("%s: no integer path", name)
		}
		gen.ix = nil
		shards := []*Accumulator{NewAccumulator(in), NewAccumulator(in), NewAccumulator(in)}
		rng := rand.New(rand.NewPCG(31, uint64(in.NumItems())))
		failed := 0
		const n = 3000
		for i := 0; i < n; i++ {
			r := wideResponse(rng, in)
			e1, e2 := fast.Add(r), gen.Add(r)
			if (e1 == nil) != (e2 == nil) || e1 != nil && e1.Error() != e2.Error() {
				t.Fatalf("%s response %d: integer path error %v, general %v", name, i, e1, e2)
			}
			if e1 != nil {
				failed++
			}
			_ = shards[min(i/7, i*i/(n*n/3), 2)].Add(r)
			if i == n/3 {
				if d := cmp.Diff(gen.Report(), fast.Report(), opts...); d != "" {
					t.Fatalf("%s: midway report differs (-general +integer):\n%s", name, d)
				}
			}
		}
		if failed == 0 || failed > n/4 {
			t.Errorf("%s: %d invalid responses drawn", name, failed)
		}
		if p := pending(fast, Gap) + pending(fast, Superiority); p < n/2 {
			t.Errorf("%s: only %d dimension scores pending", name, p)
		}
		for _, s := range shards[1:] {
			if err := shards[0].Merge(s); err != nil {
				t.Fatal(err)
			}
		}
		want := gen.Report()
		if d := cmp.Diff(want, fast.Report(), opts...); d != "" {
			t.Errorf("%s: report differs (-general +integer):\n%s", name, d)
		}
		if d := cmp.Diff(want, shards[0].Report(), opts...); d != "" {
			t.Errorf("%s: merged shards differ (-general +integer shards):\n%s", name, d)
		}
		for m := Gap; m < NumMeasures; m++ {
			r1, err1 := gen.Reliability(m)
			r2, err2 := fast.Reliability(m)
			if d := cmp.Diff(r1, r2, opts...); d != "" || (err1 == nil) != (err2 == nil) {
				t.Errorf("%s %v: reliability differs:\n%s", name, m, d)
			}
			k1, err1 := gen.KeyDrivers(m, "o")
			k2, err2 := fast.KeyDrivers(m, "o")
			if d := cmp.Diff(k1, k2, opts...); d != "" || (err1 == nil) != (err2 == nil) {
				t.Errorf("%s %v: key drivers differ (%v, %v):\n%s", name, m, err1, err2, d)
			}
			p1, err1 := gen.IPA(m, nil, nil)
			p2, err2 := fast.IPA(m, nil, nil)
			if d := cmp.Diff(p1, p2, opts...); d != "" || (err1 == nil) != (err2 == nil) {
				t.Errorf("%s %v: IPA differs (%v, %v):\n%s", name, m, err1, err2, d)
			}
		}
	}
}

// TestIntPathEveryRange adds extreme responses — every gap, MSA and MSS
// at +r and at −r, every rating at an end of the scale, in runs longer
// than any lane's capacity — on every scale range the integer path takes
// (1 to 31 points, each with its own lane widths and spill counts), and
// compares the statistics with the general path's.
func TestIntPathEveryRange(t *testing.T) {
	opts := []cmp.Option{cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()}
	for r := 1; r <= 31; r++ {
		lo := float64(1 - r%3) // 1, 0 or −1
		hi := lo + float64(r)
		in := laneInstrument(t, lo, hi, 5, 8, 3, 1, 4)
		fast, gen := NewAccumulator(in), NewAccumulator(in)
		if fast.ix == nil {
			t.Fatalf("0..%d: no integer path", r)
		}
		gen.ix = nil
		ni := in.NumItems()
		fill := func(x float64) []float64 {
			v := make([]float64, ni)
			for i := range v {
				v[i] = x
			}
			return v
		}
		resps := []Response{
			{Perception: fill(hi), Expectation: fill(lo), Outcomes: []float64{10}},
			{Perception: fill(lo), Expectation: fill(hi), Outcomes: []float64{0}},
			{Perception: fill(hi), Adequate: fill(lo), Desired: fill(lo)},
			{Perception: fill(lo), Adequate: fill(hi), Desired: fill(hi)},
			{Perception: fill(hi), Adequate: fill(lo), Desired: fill(hi)},
		}
		for k := 0; k < 4100; k++ {
			// Runs of 300 of one kind, then of another.
			resp := resps[(k/300)%len(resps)]
			if k%300 == 299 {
				resp = resps[k%len(resps)]
			}
			for _, a := range []*Accumulator{fast, gen} {
				if err := a.Add(resp); err != nil {
					t.Fatal(err)
				}
			}
		}
		if d := cmp.Diff(gen.Report(), fast.Report(), opts...); d != "" {
			t.Errorf("%v..%v: report differs (-general +integer):\n%s", lo, hi, d)
		}
	}
}

// TestExactMeanRounding checks exactMean(off, s, d) = off + s/d against
// exact rational arithmetic: correctly rounded when the numerator
// s + off·d has at most 53 bits and is computed exactly (small offsets
// and counts), else within two units in the last place.
func TestExactMeanRounding(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	ulp := func(x float64) float64 { return math.Nextafter(math.Abs(x), math.Inf(1)) - math.Abs(x) }
	for i := 0; i < 200000; i++ {
		off := int64(rng.Uint64()>>rng.UintN(64)) >> 15 // |off| ≤ 2⁴⁸
		if rng.IntN(2) == 0 {
			off = -off
		}
		d := max(1, rng.Uint64()>>(11+rng.UintN(53))) // up to 2⁵³
		u := rng.Uint64N(8*62 + 1)                    // largest mean u: a dimension's sum
		s := u * d
		if s/d != u {
			continue
		}
		s -= min(s, rng.Uint64N(d))
		want, _ := new(big.Rat).Add(new(big.Rat).SetInt64(off), new(big.Rat).SetFrac(new(big.Int).SetUint64(s), new(big.Int).SetUint64(d))).Float64()
		got := exactMean(off, s, d)
		exact := off > -1<<20 && off < 1<<20 && d < 1<<40 && s < 1<<62
		num := int64(s) + off*int64(d)
		if exact && num > -1<<53 && num < 1<<53 {
			if got != want {
				t.Fatalf("exactMean(%d, %d, %d) = %.17g, correctly rounded %.17g", off, s, d, got, want)
			}
		} else if math.Abs(got-want) > 2*ulp(want) {
			t.Fatalf("exactMean(%d, %d, %d) = %.17g, exact %.17g: more than two units in the last place", off, s, d, got, want)
		}
	}
}

// FuzzExactFold checks the two exact conversions of the fold against
// math/big: comoment(n, sij, si, sj) is N·Sᵢⱼ − Sᵢ·Sⱼ rounded once to
// float64, and exactMean(off, s, d) is off + s/d within two units in the
// last place (one rounding when its numerator fits in 53 bits), for
// offsets within the integer path's ±2⁴⁸ and means up to 496 (a
// dimension's sum of eight gaps on a 0..31 scale).
func FuzzExactFold(f *testing.F) {
	f.Add(uint64(3), uint64(1<<63+683), uint64(0), uint64(0), int64(0))
	f.Add(uint64(1<<40), uint64(1<<62), uint64(1<<51), uint64(1<<51), int64(-31))
	f.Add(uint64(26431110866418<<11), uint64(9914186724851435), uint64(0), uint64(0), int64(-376)) // d = 26431110866418
	f.Add(uint64(math.MaxUint64), uint64(math.MaxUint64), uint64(math.MaxUint64), uint64(1), int64(-1<<48))
	f.Fuzz(func(t *testing.T, n, sij, si, sj uint64, off int64) {
		a := new(big.Int).Mul(new(big.Int).SetUint64(n), new(big.Int).SetUint64(sij))
		a.Sub(a, new(big.Int).Mul(new(big.Int).SetUint64(si), new(big.Int).SetUint64(sj)))
		want, _ := new(big.Float).SetInt(a).Float64()
		if got := comoment(n, sij, si, sj); got != want {
			t.Fatalf("comoment = %.17g, exact rounded once %.17g", got, want)
		}
		off = max(-1<<48, min(off, 1<<48))
		d := max(1, n>>11)
		s := sij % (496*d + 1)
		wantM, _ := new(big.Rat).Add(new(big.Rat).SetInt64(off), new(big.Rat).SetFrac(new(big.Int).SetUint64(s), new(big.Int).SetUint64(d))).Float64()
		got := exactMean(off, s, d)
		ulp := math.Nextafter(math.Abs(wantM), math.Inf(1)) - math.Abs(wantM)
		if math.Abs(got-wantM) > 2*ulp {
			t.Fatalf("exactMean(%d, %d, %d) = %.17g, exact %.17g", off, s, d, got, wantM)
		}
	})
}

// TestIntPathItemFoldGuard forces the per-item exact sums (answers of
// incomplete dimensions) to be folded every few answers, as they are
// before Σu² could overflow, and checks the statistics against those of
// the normal schedule.
func TestIntPathItemFoldGuard(t *testing.T) {
	for _, in := range []*Instrument{intTestInstrument(t, -3), laneInstrument(t, 0, 31, 5, 8, 2)} {
		normal, forced := NewAccumulator(in), NewAccumulator(in)
		forced.ix.itemLimit = 3
		rng := rand.New(rand.NewPCG(51, 52))
		for i := 0; i < 3000; i++ {
			r := wideResponse(rng, in)
			if (normal.Add(r) == nil) != (forced.Add(r) == nil) {
				t.Fatal("different errors")
			}
		}
		if d := cmp.Diff(normal.Report(), forced.Report(), cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: forced item folds differ (-normal +forced):\n%s", in.Name(), d)
		}
	}
}
