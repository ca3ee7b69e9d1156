package servqual

import (
	"encoding/binary"
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// intTestInstrument has dimensions of one, eight, three, six and five
// items (every lane layout of the integer path), an outcome and the scale
// lo..lo+6.
func intTestInstrument(t testing.TB, lo float64) *Instrument {
	t.Helper()
	spec := Spec{
		Name:       "int",
		Scale:      Scale{Min: lo, Max: lo + 6},
		Dimensions: []Dimension{{Key: "a"}, {Key: "b"}, {Key: "c"}, {Key: "d"}, {Key: "e"}},
		Outcomes:   []OutcomeRating{{Key: "o", Scale: Scale{Min: 0, Max: 10}}},
	}
	for d, k := range []int{1, 8, 3, 6, 5} {
		for j := 0; j < k; j++ {
			spec.Items = append(spec.Items, Item{Key: string(rune('a'+d)) + string(rune('0'+j)), Dimension: spec.Dimensions[d].Key})
		}
	}
	in, err := NewInstrument(spec)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// intPathResponse draws a response that the integer path takes most of
// the time: whole-number expectations and/or perceptions, now and then
// missing, with importance points and outcomes; and now and then one it
// does not take: a rating between whole numbers, −0 (taken), a rating
// off the scale; and the three-column format, taken or not.
func intPathResponse(rng *rand.Rand, in *Instrument) Response {
	n, nd := in.NumItems(), in.NumDimensions()
	lo := in.scale.Min
	rating := func() float64 {
		switch rng.IntN(400) {
		case 0:
			return lo + 2.5
		case 1:
			return lo + 7
		case 2:
			return lo + 3 + 0x1p-40
		case 3:
			return math.Inf(1)
		}
		if rng.IntN(30) == 0 {
			return math.NaN()
		}
		return lo + float64(rng.IntN(7))
	}
	slice := func() []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = rating()
		}
		return v
	}
	var r Response
	switch rng.IntN(6) {
	case 0:
		r.Expectation = slice()
	case 1:
		r.Perception = slice()
	default:
		r.Expectation, r.Perception = slice(), slice()
	}
	if rng.IntN(3) == 0 {
		w := make([]float64, nd)
		w[0] = float64(rng.IntN(101))
		w[nd-1] = 100 - w[0]
		r.Importance = w
	}
	if in.NumOutcomes() > 0 && rng.IntN(2) == 0 {
		r.Outcomes = []float64{float64(rng.IntN(11))}
		if rng.IntN(10) == 0 {
			r.Outcomes[0] = math.NaN()
		}
	}
	if rng.IntN(4) == 0 {
		// The three-column format: adequate and desired levels with
		// the perceptions, now and then a level missing or the adequate
		// level above the desired one; now and then with expectations.
		if r.Perception == nil {
			r.Perception = slice()
		}
		if rng.IntN(4) != 0 {
			r.Expectation = nil
		}
		r.Adequate, r.Desired = make([]float64, n), make([]float64, n)
		for i := range r.Adequate {
			x, y := rating(), rating()
			if x > y && rng.IntN(200) != 0 {
				x, y = y, x
			}
			r.Adequate[i], r.Desired[i] = x, y
		}
	}
	return r
}

// pending counts the responses waiting in the exact sums of measure m's
// dimensions (one per dimension and response).
func pending(a *Accumulator, m Measure) (n uint64) {
	for d := range a.m[m].dim {
		if x := a.m[m].dim[d].x; x != nil {
			n += x.cnt + uint64(x.nb)
		}
	}
	return n
}

// TestIntPathSameAsGeneral checks the integer path of Add against the
// general path (Welford's updates in floating point) on the same
// responses: the same errors, and statistics that agree to rounding
// (1e-12 relative or absolute; the integer path is the more accurate).
func TestIntPathSameAsGeneral(t *testing.T) {
	opts := []cmp.Option{cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()}
	for _, in := range []*Instrument{SERVQUAL(), intTestInstrument(t, 1), intTestInstrument(t, -3)} {
		fast, gen := NewAccumulator(in), NewAccumulator(in)
		if fast.ix == nil {
			t.Fatalf("%s: no integer path", in.Name())
		}
		gen.ix = nil
		rng := rand.New(rand.NewPCG(11, uint64(in.NumItems())))
		failed := 0
		for i := 0; i < 4000; i++ {
			r := intPathResponse(rng, in)
			e1, e2 := fast.Add(r), gen.Add(r)
			if (e1 == nil) != (e2 == nil) || e1 != nil && e1.Error() != e2.Error() {
				t.Fatalf("%s response %d: integer path error %v, general %v", in.Name(), i, e1, e2)
			}
			if e1 != nil {
				failed++
			}
			if i == 2000 {
				for _, m := range []Measure{Gap, Perception, Expectation, Adequacy, Superiority} {
					if p := pending(fast, m); p < 500 {
						t.Fatalf("%s: only %d dimension scores of %v went through the exact sums", in.Name(), p, m)
					}
				}
				// A read midway folds the sums in; the rest go on.
				if d := cmp.Diff(gen.Report(), fast.Report(), opts...); d != "" {
					t.Fatalf("%s: midway report differs (-general +integer):\n%s", in.Name(), d)
				}
			}
		}
		if failed == 0 {
			t.Errorf("%s: no invalid response drawn", in.Name())
		}
		if d := cmp.Diff(gen.Report(), fast.Report(), opts...); d != "" {
			t.Errorf("%s: report differs (-general +integer):\n%s", in.Name(), d)
		}
		for _, m := range []Measure{Gap, Perception, Expectation, Adequacy, Superiority} {
			r1, err1 := gen.Reliability(m)
			r2, err2 := fast.Reliability(m)
			if d := cmp.Diff(r1, r2, opts...); d != "" || (err1 == nil) != (err2 == nil) {
				t.Errorf("%s %v: reliability differs:\n%s", in.Name(), m, d)
			}
			if in.NumOutcomes() > 0 {
				k1, err1 := gen.KeyDrivers(m, in.outcomes[0].Key)
				k2, err2 := fast.KeyDrivers(m, in.outcomes[0].Key)
				if d := cmp.Diff(k1, k2, opts...); d != "" || (err1 == nil) != (err2 == nil) {
					t.Errorf("%s %v: key drivers differ:\n%s", in.Name(), m, d)
				}
			}
		}
	}
}

// TestIntPathExact checks the integer path against exact rational
// arithmetic (math/big) on whole-number ratings of a scale at 1e9, where
// the sums of squares are far beyond float64's 53 bits. In one pass the
// means and SDs come out correctly rounded to within a few units in the
// last place (4e-16 relative). A read midway folds the exact sums into
// the floating-point state and a merge combines two such states, both by
// Chan et al.'s pairwise formula on means stored at 1e9 (a unit in the
// last place is 1.2e-7); these keep the accuracy of Welford's one-pass
// updates, which the general path has: the mean to 1e-15 relative and the
// SD to 1e-8 relative here.
func TestIntPathExact(t *testing.T) {
	const lo = 1e9 + 1
	in := intTestInstrument(t, lo)
	const n = 20000
	rng := rand.New(rand.NewPCG(3, 5))
	ps := make([][]float64, n)
	for i := range ps {
		p := make([]float64, in.NumItems())
		for j := range p {
			// Skewed: mostly 6s, so the variance is small against the
			// ratings' size.
			p[j] = lo + 6
			if rng.IntN(20) == 0 {
				p[j] = lo + float64(rng.IntN(7))
			}
		}
		ps[i] = p
	}
	one, midway := NewAccumulator(in), NewAccumulator(in)
	shards := []*Accumulator{NewAccumulator(in), NewAccumulator(in), NewAccumulator(in)}
	for i, p := range ps {
		r := Response{Perception: p}
		for _, a := range []*Accumulator{one, midway, shards[i*len(shards)/n]} {
			if err := a.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		if i%997 == 0 {
			midway.Report()
		}
	}
	for _, s := range shards[1:] {
		if err := shards[0].Merge(s); err != nil {
			t.Fatal(err)
		}
	}
	// Exact: mean = lo + Σu/n, variance = (n Σu² − (Σu)²) / (n (n − 1)).
	exact := func(u func(p []float64) *big.Rat) (mean, sd float64) {
		s, s2 := new(big.Rat), new(big.Rat)
		for _, p := range ps {
			x := u(p)
			s.Add(s, x)
			s2.Add(s2, new(big.Rat).Mul(x, x))
		}
		N := new(big.Rat).SetInt64(n)
		m := new(big.Rat).Quo(s, N)
		v := new(big.Rat).Sub(new(big.Rat).Mul(N, s2), new(big.Rat).Mul(s, s))
		v.Quo(v, new(big.Rat).SetInt64(n*(n-1)))
		mean, _ = new(big.Rat).Add(m, new(big.Rat).SetFloat64(lo)).Float64()
		vf, _ := v.Float64()
		return mean, math.Sqrt(vf)
	}
	close := func(what string, got, want float64) {
		t.Helper()
		tol := 4e-16
		if !strings.HasPrefix(what, "one pass") {
			tol = 1e-15
			if strings.HasSuffix(what, "SD") {
				tol = 1e-8
			}
		}
		if math.Abs(got-want) > tol*math.Abs(want) {
			t.Errorf("%s: %.17g, exact %.17g", what, got, want)
		}
	}
	reps := map[string]Report{"one pass": one.Report(), "read midway": midway.Report(), "shards": shards[0].Report()}
	for i := 0; i < in.NumItems(); i++ {
		mean, sd := exact(func(p []float64) *big.Rat { return new(big.Rat).SetFloat64(p[i] - lo) })
		for name, rep := range reps {
			close(name+" item "+in.items[i].Key+" mean", rep.Items[i].Perception.Mean, mean)
			close(name+" item "+in.items[i].Key+" SD", rep.Items[i].Perception.SD, sd)
		}
	}
	for d, items := range in.dimItems {
		mean, sd := exact(func(p []float64) *big.Rat {
			s := new(big.Rat)
			for _, i := range items {
				s.Add(s, new(big.Rat).SetFloat64(p[i]-lo))
			}
			return s.Quo(s, new(big.Rat).SetInt64(int64(len(items))))
		})
		for name, rep := range reps {
			close(name+" dimension "+in.dims[d].Key+" mean", rep.Dimensions[d].Perception.Mean, mean)
			close(name+" dimension "+in.dims[d].Key+" SD", rep.Dimensions[d].Perception.SD, sd)
		}
	}
}

// TestIntPathFoldGuard forces the exact sums to be folded into the
// floating-point state after a few responses (as they would be before
// their 64-bit totals could overflow) and to spill their lanes often, and
// checks the statistics against those of the normal schedule.
func TestIntPathFoldGuard(t *testing.T) {
	for _, in := range []*Instrument{SERVQUAL(), intTestInstrument(t, 1)} {
		normal, forced := NewAccumulator(in), NewAccumulator(in)
		for m := range forced.m {
			st := &forced.m[m]
			bs := []*block{&st.dims}
			for d := range st.dim {
				bs = append(bs, &st.dim[d])
			}
			for _, b := range bs {
				if b.x != nil {
					b.x.limit, b.x.cap = 5, 3
				}
			}
		}
		rng := rand.New(rand.NewPCG(8, 9))
		for i := 0; i < 3000; i++ {
			r := intPathResponse(rng, in)
			if (normal.Add(r) == nil) != (forced.Add(r) == nil) {
				t.Fatal("different errors")
			}
		}
		if d := cmp.Diff(normal.Report(), forced.Report(), cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: forced folds differ (-normal +forced):\n%s", in.Name(), d)
		}
	}
}

// TestConcurrentReadersFold checks that the read-only methods may run
// concurrently right after adds (the first of them folds the exact sums,
// under a lock) and all see the same statistics; run with -race.
func TestConcurrentReadersFold(t *testing.T) {
	in := SERVQUAL()
	for round := 0; round < 3; round++ {
		a := NewAccumulator(in)
		rng := rand.New(rand.NewPCG(uint64(round), 1))
		for i := 0; i < 500; i++ {
			_ = a.Add(intPathResponse(rng, in))
		}
		want := NewAccumulator(in)
		if err := want.Merge(a); err != nil { // Merge reads a concurrently-safely too
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		reps := make([]Report, 8)
		bins := make([][]byte, 8)
		for g := range reps {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if g%2 == 0 {
					bins[g], _ = a.MarshalBinary()
				} else {
					_, _ = a.Reliability(Gap)
				}
				reps[g] = a.Report()
			}()
		}
		wg.Wait()
		for g := range reps {
			if d := cmp.Diff(reps[0], reps[g], cmpopts.EquateNaNs()); d != "" {
				t.Fatalf("reader %d saw other statistics:\n%s", g, d)
			}
			if bins[g] != nil && string(bins[g]) != string(bins[0]) {
				t.Fatalf("reader %d encoded other bytes", g)
			}
		}
		if d := cmp.Diff(want.Report(), reps[0], cmpopts.EquateNaNs()); d != "" {
			t.Errorf("merged copy differs:\n%s", d)
		}
	}
}

// FuzzAddInt checks the integer path of Add against the general path on
// arbitrary responses to an instrument whose scale has whole-number ends:
// the same error (or none), an error changes nothing, and the statistics
// agree to rounding. The first byte says which fields are present (bits
// 0–5: expectation, perception, adequate, desired, importance, outcomes)
// and, bit 6, which instrument: three items in two dimensions on 1..5, or
// intTestInstrument's 23 in five (every lane layout); bit 7 picks instead
// an instrument whose lanes are at their widest (0..31 with dimensions
// of 5, 8, 2 and 1 items, or with bit 6 1..12 with 5, 4 and 1, the
// five-item dimensions in 12-bit lanes) and adds the response 20 times,
// past the lanes' capacity (17 and 8 responses); the rest are
// little-endian float64 values, 4 once used up. A rejected response must
// leave everything as it was, the lanes and their counters included.
func FuzzAddInt(f *testing.F) {
	le := func(vs ...float64) []byte {
		var b []byte
		for _, v := range vs {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
		return b
	}
	nan, inf := math.NaN(), math.Inf(1)
	f.Add(append([]byte{0x03}, le(4, 5, 2, 3, 3, 1)...))
	f.Add(append([]byte{0x03}, le(4, nan, 2, 3, 3, nan)...))
	f.Add(append([]byte{0x33}, le(4, 5, 2, 3, 3, 1, 30, 70, 7)...))
	f.Add(append([]byte{0x01}, le(2.5, 3, 3)...))
	f.Add(append([]byte{0x02}, le(math.Copysign(0, -1)+1, 1, 1)...))
	f.Add(append([]byte{0x02}, le(3+0x1p-50, 1, 1)...))
	f.Add(append([]byte{0x03}, le(0, 6, 1, 1, 1, 1)...))
	f.Add(append([]byte{0x03}, le(inf, -inf, 1, 1, 1, 1)...))
	f.Add(append([]byte{0x03}, le(1e308, -1e308, 0x1p52, 1, 1, 1)...))
	f.Add(append([]byte{0x0e}, le(3, 3, 3, 1, 2, 3, 5, 5, 5)...))
	f.Add(append([]byte{0x0e}, le(3, nan, 3, 2, 2, nan, 3, 5, 5)...)) // missing levels and perception
	f.Add(append([]byte{0x0e}, le(3, 3, 3, 4, 2, 1, 3, 5, 5)...))     // adequate above desired
	f.Add(append([]byte{0x3e}, le(3, 3, 3, 1, 1, 1, 5, 5, 5, 50, 50, 9)...))
	f.Add(append([]byte{0x43}, le(1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, nan, 5)...))
	f.Add(append([]byte{0x73}, le(7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 1, 1, 1)...))
	f.Add(append([]byte{0x83}, le(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31)...))
	f.Add(append([]byte{0xc3}, le(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12)...))
	f.Add(append([]byte{0x8e}, le(31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)...))
	f.Add(append([]byte{0x83}, le(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32)...))
	big := intTestInstrument(f, 1)
	wide31 := laneInstrument(f, 0, 31, 5, 8, 2, 1)
	wide12 := laneInstrument(f, 1, 12, 5, 4, 1)
	in, err := NewInstrument(Spec{
		Name:       "fuzz",
		Scale:      Scale{Min: 1, Max: 5},
		Dimensions: []Dimension{{Key: "a"}, {Key: "b"}},
		Items:      []Item{{Key: "1", Dimension: "a"}, {Key: "2", Dimension: "a"}, {Key: "3", Dimension: "b"}},
		Outcomes:   []OutcomeRating{{Key: "o", Scale: Scale{Min: 0, Max: 10}}},
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Response
		in, reps := in, 1
		if len(data) > 0 {
			switch data[0] >> 6 {
			case 1:
				in = big
			case 2:
				in, reps = wide31, 20
			case 3:
				in, reps = wide12, 20
			}
		}
		ni, nd := in.NumItems(), in.NumDimensions()
		if len(data) > 0 {
			mask := data[0]
			data = data[1:]
			vec := func(n int) []float64 {
				v := make([]float64, n)
				for i := range v {
					v[i] = 4
					if len(data) >= 8 {
						v[i] = math.Float64frombits(binary.LittleEndian.Uint64(data))
						data = data[8:]
					}
				}
				return v
			}
			for bit, p := range []*[]float64{&r.Expectation, &r.Perception, &r.Adequate, &r.Desired, &r.Importance, &r.Outcomes} {
				if mask&(1<<bit) != 0 {
					*p = vec([]int{ni, ni, ni, ni, nd, 1}[bit])
				}
			}
		}
		seed := Response{Expectation: make([]float64, ni), Perception: make([]float64, ni), Importance: make([]float64, nd), Outcomes: []float64{7}}
		for i := range seed.Expectation {
			seed.Expectation[i], seed.Perception[i] = float64(2+i%3), 4
		}
		seed.Importance[0], seed.Importance[nd-1] = 30, 70
		fast, gen := NewAccumulator(in), NewAccumulator(in)
		gen.ix = nil
		for _, a := range []*Accumulator{fast, gen} {
			if err := a.Add(seed); err != nil {
				t.Fatal(err)
			}
		}
		before := fast.Report()
		var e1 error
		for k := 0; k < reps; k++ {
			state := snapshot(fast)
			var e2 error
			e1, e2 = fast.Add(r), gen.Add(r)
			if (e1 == nil) != (e2 == nil) || e1 != nil && e1.Error() != e2.Error() {
				t.Fatalf("integer path error %v, general %v", e1, e2)
			}
			if e1 != nil && !reflect.DeepEqual(state, snapshot(fast)) {
				t.Fatal("rejected response changed the accumulator's state")
			}
		}
		got := fast.Report()
		if e1 != nil {
			if d := cmp.Diff(before, got, cmpopts.EquateNaNs()); d != "" {
				t.Fatalf("rejected response changed the accumulator:\n%s", d)
			}
		}
		if d := cmp.Diff(gen.Report(), got, cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()); d != "" {
			t.Fatalf("integer path report differs (-general +integer):\n%s", d)
		}
	})
}

// TestIntPathOnlyWhereItApplies checks which instruments get the integer
// path (and its exact sums, which hold memory): whole-number scale ends,
// no reverse-keyed items, contiguous dimensions of at most eight items,
// at most eight dimensions, a range whose gaps fit the 16-bit lanes.
func TestIntPathOnlyWhereItApplies(t *testing.T) {
	mk := func(scale Scale, sizes []int, reverse bool) *Instrument {
		t.Helper()
		spec := Spec{Name: "x", Scale: scale}
		for d, k := range sizes {
			key := string(rune('a' + d))
			spec.Dimensions = append(spec.Dimensions, Dimension{Key: key})
			for j := 0; j < k; j++ {
				spec.Items = append(spec.Items, Item{Key: key + string(rune('0'+j)), Dimension: key, Reverse: reverse && j == 0})
			}
		}
		in, err := NewInstrument(spec)
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	for _, tt := range []struct {
		name string
		in   *Instrument
		want bool
	}{
		{"SERVQUAL", SERVQUAL(), true},
		{"1..10", mk(Scale{Min: 1, Max: 10}, []int{3, 4}, false), true},
		{"0..31", mk(Scale{Min: 0, Max: 31}, []int{3, 4}, false), true},
		{"0..32", mk(Scale{Min: 0, Max: 32}, []int{3, 4}, false), false},
		{"half-point ends", mk(Scale{Min: 0.5, Max: 7.5}, []int{3, 4}, false), false},
		{"nine items", mk(Scale{Min: 1, Max: 7}, []int{9, 4}, false), false},
		{"nine dimensions", mk(Scale{Min: 1, Max: 7}, []int{1, 1, 1, 1, 1, 1, 1, 1, 1}, false), false},
		{"reverse-keyed", SERVQUAL1988(), false},
		{"reverse-keyed item", mk(Scale{Min: 1, Max: 7}, []int{3, 4}, true), false},
	} {
		a := NewAccumulator(tt.in)
		if got := a.ix != nil; got != tt.want {
			t.Errorf("%s: integer path %v, want %v", tt.name, got, tt.want)
		}
		if a.ix == nil && a.m[Gap].dims.x != nil {
			t.Errorf("%s: exact sums without the integer path", tt.name)
		}
		e := make([]float64, tt.in.NumItems())
		for i := range e {
			e[i] = tt.in.scale.Min
		}
		if err := a.Add(Response{Expectation: e, Perception: e}); err != nil || a.Report().Responses != 1 {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

// TestIntPathShardsEqualOnePass checks that eight shards of whole-number
// responses (mostly the integer path), merged pairwise in a tree, give
// the one-pass statistics to 1e-12, as the general path's shards do.
func TestIntPathShardsEqualOnePass(t *testing.T) {
	in := SERVQUAL()
	rng := rand.New(rand.NewPCG(21, 22))
	rs := make([]Response, 4000)
	for i := range rs {
		rs[i] = intPathResponse(rng, in)
	}
	one := NewAccumulator(in)
	for _, r := range rs {
		_ = one.Add(r)
	}
	cuts := []int{0, 13, 500, 1200, 1201, 2100, 3000, 3999, 4000}
	shards := make([]*Accumulator, 8)
	for s := range shards {
		shards[s] = NewAccumulator(in)
		for _, r := range rs[cuts[s]:cuts[s+1]] {
			_ = shards[s].Add(r)
		}
	}
	for step := 1; step < 8; step *= 2 {
		for s := 0; s+step < 8; s += 2 * step {
			if err := shards[s].Merge(shards[s+step]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if d := cmp.Diff(one.Report(), shards[0].Report(), cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()); d != "" {
		t.Errorf("merged shards differ from one pass (-one +merged):\n%s", d)
	}
}
