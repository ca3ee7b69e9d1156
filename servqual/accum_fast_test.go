package servqual

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// fastPathResponse draws a response for the fast path of Add or just
// outside it: expectations and/or perceptions with missing answers,
// ratings off the scale (±Inf, 0, 8, −0 on a scale starting at 0 is on
// it), wrong lengths, importance points and outcomes valid or not, and
// adequate and desired levels, valid or not.
func fastPathResponse(rng *rand.Rand, in *Instrument) Response {
	n, nd, no := in.NumItems(), in.NumDimensions(), in.NumOutcomes()
	lo, hi := in.scale.Min, in.scale.Max
	rating := func() float64 {
		switch rng.IntN(1500) {
		case 0:
			return math.NaN()
		case 1:
			return math.Inf(1 - 2*rng.IntN(2))
		case 2:
			return lo - 1
		case 3:
			return hi + 1
		case 4:
			return math.Copysign(0, -1)
		}
		return lo + float64(rng.IntN(int(hi-lo)+1))
	}
	slice := func() []float64 {
		switch rng.IntN(20) {
		case 0:
			return nil
		case 1:
			return make([]float64, n+1)
		}
		v := make([]float64, n)
		for i := range v {
			v[i] = rating()
		}
		return v
	}
	r := Response{Expectation: slice(), Perception: slice()}
	if rng.IntN(4) == 0 {
		w := make([]float64, nd)
		w[0] = 100
		switch rng.IntN(6) {
		case 0:
			w[0] = 99
		case 1:
			w[0] = math.NaN()
		case 2:
			w = w[:nd-1]
		}
		r.Importance = w
	}
	if no > 0 && rng.IntN(3) == 0 {
		o := make([]float64, no)
		for k := range o {
			o[k] = []float64{1, 5, 7, 11, math.NaN()}[rng.IntN(5)]
		}
		r.Outcomes = o
	}
	if rng.IntN(3) == 0 {
		// The three-column format, now and then with a level above the
		// other, one level missing or one column absent.
		r.Adequate, r.Desired = make([]float64, n), make([]float64, n)
		for i := range r.Adequate {
			a, d := rating(), rating()
			if a > d && rng.IntN(30) != 0 {
				a, d = d, a
			}
			r.Adequate[i], r.Desired[i] = a, d
		}
		switch rng.IntN(20) {
		case 0:
			r.Adequate = nil
		case 1:
			r.Desired = nil
		case 2:
			r.Desired = r.Desired[:n-1]
		}
	}
	return r
}

// TestFastPathSameAsFull checks the fast path of Add against the full
// validation and scoring it replaces: the same errors (message and
// sentinel) on every response, and bit for bit the same report.
func TestFastPathSameAsFull(t *testing.T) {
	small, err := NewInstrument(Spec{
		Name:       "small",
		Scale:      Scale{Min: 0, Max: 4},
		Dimensions: []Dimension{{Key: "a"}, {Key: "b"}, {Key: "c"}},
		Items: []Item{{Key: "1", Dimension: "a"}, {Key: "2", Dimension: "a"}, {Key: "3", Dimension: "b"},
			{Key: "4", Dimension: "c"}, {Key: "5", Dimension: "c"}, {Key: "6", Dimension: "c"}},
		Outcomes: []OutcomeRating{{Key: "o", Scale: Scale{Min: 1, Max: 10}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []*Instrument{SERVQUAL(), small} {
		fast, full := NewAccumulator(in), NewAccumulator(in)
		if !fast.fast {
			t.Fatalf("%s: no fast path", in.Name())
		}
		full.fast = false
		rng := rand.New(rand.NewPCG(5, 6))
		taken, zones, failed := 0, 0, 0
		for i := 0; i < 3000; i++ {
			r := fastPathResponse(rng, in)
			if fast.prepareFast(&r) {
				taken++
				if r.Adequate != nil {
					zones++
				}
			}
			errFast, errFull := fast.Add(r), full.Add(r)
			if (errFast == nil) != (errFull == nil) || errFast != nil && errFast.Error() != errFull.Error() {
				t.Fatalf("%s response %d %+v: fast path error %v, full %v", in.Name(), i, r, errFast, errFull)
			}
			if errFast != nil {
				failed++
			}
		}
		if taken < 1000 || zones < 300 || failed < 300 {
			t.Errorf("%s: fast path taken %d times (%d with zones), %d errors: the sample does not exercise both", in.Name(), taken, zones, failed)
		}
		if d := cmp.Diff(full.Report(), fast.Report(), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: fast path report differs from the full path (-full +fast):\n%s", in.Name(), d)
		}
	}
}

// TestFastPathOnlyWhereItApplies checks that instruments with
// reverse-keyed items or scattered dimensions take the full path.
func TestFastPathOnlyWhereItApplies(t *testing.T) {
	for _, items := range [][]Item{
		{{Key: "1", Dimension: "a", Reverse: true}, {Key: "2", Dimension: "b"}},
		{{Key: "1", Dimension: "a"}, {Key: "2", Dimension: "b"}, {Key: "3", Dimension: "a"}},
	} {
		in, err := NewInstrument(Spec{Name: "x", Scale: Scale{Min: 1, Max: 5},
			Dimensions: []Dimension{{Key: "a"}, {Key: "b"}}, Items: items})
		if err != nil {
			t.Fatal(err)
		}
		if NewAccumulator(in).fast {
			t.Errorf("items %+v: fast path enabled", items)
		}
	}
}

// TestAddAllocatesNothing checks that Add allocates nothing on either
// path.
func TestAddAllocatesNothing(t *testing.T) {
	in := SERVQUAL()
	a := NewAccumulator(in)
	e, p := make([]float64, 22), make([]float64, 22)
	for i := range e {
		e[i], p[i] = 5, float64(1+i%7)
	}
	z := Response{Expectation: e, Perception: p, Adequate: e, Desired: e, Importance: []float64{20, 20, 20, 20, 20}}
	for _, r := range []Response{{Expectation: e, Perception: p}, z} {
		if n := testing.AllocsPerRun(100, func() {
			if err := a.Add(r); err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("Add allocates %v times per call", n)
		}
	}
}

// FuzzAddFast checks the fast path of Add against the full path on
// arbitrary responses to an instrument that takes it: the same error (or
// none), an error changes nothing, and the reports agree bit for bit.
// The first byte says which fields are present (bits 0–5: expectation,
// perception, adequate, desired, importance, outcomes; bit 7: one value
// short); the rest are little-endian float64 values, 4 once used up.
func FuzzAddFast(f *testing.F) {
	le := func(vs ...float64) []byte {
		var b []byte
		for _, v := range vs {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
		return b
	}
	nan, inf := math.NaN(), math.Inf(1)
	f.Add(append([]byte{0x03}, le(4, 5, 2, 3, 3, 1)...))
	f.Add(append([]byte{0x3f}, le(4, 5, 2, 3, 3, 1, 2, 2, 2, 5, 5, 5, 50, 50, 7)...))
	f.Add(append([]byte{0x0e}, le(3, 3, 3, 4, 4, 4, 2, 2, 2)...))     // adequate above desired
	f.Add(append([]byte{0x0e}, le(3, nan, 3, 1, 2, 3, 5, 5, nan)...)) // missing levels
	f.Add(append([]byte{0x06}, le(3, 3, 3, 1, 2, 3)...))              // adequate without desired
	f.Add(append([]byte{0x02}, le(inf, 1, 1)...))
	f.Add(append([]byte{0x02}, le(math.Copysign(0, -1), 1, 1)...))
	f.Add(append([]byte{0x83}, le(1, 1, 1, 1)...))
	f.Add(append([]byte{0x12}, le(1, 2, 3, 100, 0)...))
	f.Add(append([]byte{0x12}, le(1, 2, 3, inf, -inf)...))
	f.Add(append([]byte{0x22}, le(1, 2, 3, 1e308)...))
	f.Add(append([]byte{0x03}, le(1e308, -1e308, 0, 6, 5, 5)...))
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
		if len(data) > 0 {
			mask := data[0]
			data = data[1:]
			vec := func(n int) []float64 {
				if mask&0x80 != 0 {
					n--
				}
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
					*p = vec([]int{3, 3, 3, 3, 2, 1}[bit])
				}
			}
		}
		seed := Response{Expectation: []float64{3, 4, 2}, Perception: []float64{4, 4, 4}, Adequate: []float64{2, 2, 3},
			Desired: []float64{4, 5, 3}, Importance: []float64{30, 70}, Outcomes: []float64{7}}
		fast, full := NewAccumulator(in), NewAccumulator(in)
		full.fast = false
		for _, a := range []*Accumulator{fast, full} {
			if err := a.Add(seed); err != nil {
				t.Fatal(err)
			}
		}
		// Read both: a read folds the exact sums of whole-number ratings
		// into the floating-point state, and folding at the same points
		// keeps the two bit for bit equal.
		before := fast.Report()
		full.Report()
		errFast, errFull := fast.Add(r), full.Add(r)
		if (errFast == nil) != (errFull == nil) || errFast != nil && errFast.Error() != errFull.Error() {
			t.Fatalf("fast path error %v, full %v", errFast, errFull)
		}
		got := fast.Report()
		if errFast != nil {
			if d := cmp.Diff(before, got, cmpopts.EquateNaNs()); d != "" {
				t.Fatalf("rejected response changed the accumulator:\n%s", d)
			}
		}
		if d := cmp.Diff(full.Report(), got, cmpopts.EquateNaNs()); d != "" {
			t.Fatalf("fast path report differs (-full +fast):\n%s", d)
		}
	})
}
