package servqual_test

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// decodeResponse turns fuzz bytes into a response for a small instrument
// with a reverse-keyed item and an outcome: the first byte chooses which
// fields are present, then each value is a float64 (8 bytes) so that NaN,
// ±Inf, huge and off-scale values all occur.
func decodeResponse(data []byte, nItems, nDims int) servqual.Response {
	var r servqual.Response
	if len(data) == 0 {
		return r
	}
	mask := data[0]
	data = data[1:]
	next := func() float64 {
		if len(data) < 8 {
			data = nil
			return 4
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(data))
		data = data[8:]
		return v
	}
	vec := func(n int) []float64 {
		if mask&0x80 != 0 && n > 0 {
			n-- // a wrong length now and then
		}
		v := make([]float64, n)
		for i := range v {
			v[i] = next()
		}
		return v
	}
	if mask&1 != 0 {
		r.Expectation = vec(nItems)
	}
	if mask&2 != 0 {
		r.Perception = vec(nItems)
	}
	if mask&4 != 0 {
		r.Adequate = vec(nItems)
	}
	if mask&8 != 0 {
		r.Desired = vec(nItems)
	}
	if mask&16 != 0 {
		r.Importance = vec(nDims)
	}
	if mask&32 != 0 {
		r.Outcomes = vec(1)
	}
	return r
}

func fuzzInstrument(t testing.TB) *servqual.Instrument {
	in, err := servqual.NewInstrument(servqual.Spec{
		Name:       "fuzz",
		Scale:      servqual.Scale{Min: 1, Max: 5},
		Dimensions: []servqual.Dimension{{Key: "a"}, {Key: "b"}},
		Items:      []servqual.Item{{Key: "1", Dimension: "a"}, {Key: "2", Dimension: "b"}, {Key: "3", Dimension: "a", Reverse: true}},
		Outcomes:   []servqual.OutcomeRating{{Key: "o", Scale: servqual.Scale{Min: 0, Max: 10}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func f64s(vs ...float64) []byte {
	b := make([]byte, 0, 8*len(vs))
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b
}

// FuzzAdd checks that Add and Score never panic, that they agree on what
// is valid, that an error leaves the accumulator unchanged, and that a
// valid response yields finite statistics.
func FuzzAdd(f *testing.F) {
	nan, inf := math.NaN(), math.Inf(1)
	f.Add(append([]byte{0x03}, f64s(4, 5, 2, 3, 3, 1)...))
	f.Add(append([]byte{0x3f}, f64s(4, 5, 2, 3, 3, 1, 2, 2, 2, 5, 5, 5, 50, 50, 7)...))
	f.Add(append([]byte{0x02}, f64s(nan, nan, nan)...))
	f.Add(append([]byte{0x02}, f64s(inf, 1, 1)...))
	f.Add(append([]byte{0x83}, f64s(1, 1, 1, 1)...))
	f.Add(append([]byte{0x12}, f64s(1, 2, 3, 100, 0)...))
	f.Add(append([]byte{0x0e}, f64s(3, 3, 3, 4, 4, 4, 2, 2, 2)...))
	f.Add(append([]byte{0x03}, f64s(1e308, -1e308, 0, 6, 5, 5)...))
	f.Add([]byte{})
	f.Add(append([]byte{0x02}, f64s(4, math.NaN(), 5)...))                   // a missing answer
	f.Add(append([]byte{0x02}, f64s(math.Copysign(0, -1), 1, 1)...))         // −0 off the scale
	f.Add(append([]byte{0x12}, f64s(1, 2, 3, math.Inf(1), math.Inf(-1))...)) // ±Inf importance
	f.Add(append([]byte{0x22}, f64s(1, 2, 3, 1e308)...))                     // outcome 1e308
	in := fuzzInstrument(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r := decodeResponse(data, 3, 2)
		a := servqual.NewAccumulator(in)
		seed := servqual.Response{Expectation: []float64{3, 4, 2}, Perception: []float64{4, 4, 4}, Outcomes: []float64{7}}
		if err := a.Add(seed); err != nil {
			t.Fatal(err)
		}
		before := a.Report()
		errAdd := a.Add(r)
		s, errScore := in.Score(r)
		if (errAdd == nil) != (errScore == nil) {
			t.Fatalf("Add error %v but Score error %v", errAdd, errScore)
		}
		if errAdd != nil {
			var ie *servqual.InputError
			if !errors.As(errAdd, &ie) || ie.Error() == "" {
				t.Fatalf("error %v is not an *InputError", errAdd)
			}
			checkErr(t, errAdd)
			checkErr(t, errScore)
			if d := cmp.Diff(before, a.Report(), cmpopts.EquateNaNs()); d != "" {
				t.Fatalf("rejected response changed the accumulator:\n%s", d)
			}
			return
		}
		if a.N() != 2 {
			t.Fatalf("N = %d after a valid Add", a.N())
		}
		// Ratings stay on the 1..5 scale, differences within ±4.
		for _, it := range s.Items {
			for _, v := range []float64{it.Gap, it.Adequacy, it.Superiority} {
				if math.IsInf(v, 0) || (!math.IsNaN(v) && math.Abs(v) > 4) {
					t.Fatalf("item score %+v out of range", it)
				}
			}
			for _, v := range []float64{it.Perception, it.Expectation} {
				if math.IsInf(v, 0) || v < 1 || v > 5 {
					t.Fatalf("item rating %+v off the scale", it)
				}
			}
		}
		rep := a.Report()
		// The analyses run on whatever was accumulated without panicking.
		if _, err := a.Reliability(servqual.Perception); err != nil {
			t.Fatal(err)
		}
		_, _ = a.KeyDrivers(servqual.Perception, "o")
		_, _ = a.IPA(servqual.Perception, nil, nil)
		for _, it := range rep.Items {
			for m := servqual.Gap; m < servqual.NumMeasures; m++ {
				if st := it.Get(m); st != nil && (math.IsNaN(st.Mean) || math.IsInf(st.Mean, 0)) {
					t.Fatalf("item %s %v mean %v", it.Key, m, st.Mean)
				}
			}
		}
	})
}

// FuzzMerge checks that splitting a stream anywhere and merging gives the
// one-pass report.
func FuzzMerge(f *testing.F) {
	f.Add(uint64(1), uint8(0), uint8(10))
	f.Add(uint64(2), uint8(5), uint8(5))
	f.Add(uint64(3), uint8(40), uint8(1))
	f.Fuzz(func(t *testing.T, seed uint64, cut, n uint8) {
		in := servqual.SERVQUAL()
		rs := randomResponses(int(n)%64, seed)
		c := int(cut) % (len(rs) + 1)
		one, a, b := servqual.NewAccumulator(in), servqual.NewAccumulator(in), servqual.NewAccumulator(in)
		for i, r := range rs {
			if err := one.Add(r); err != nil {
				t.Fatal(err)
			}
			half := a
			if i >= c {
				half = b
			}
			if err := half.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		bBefore := b.Report()
		if err := a.Merge(b); err != nil {
			t.Fatal(err)
		}
		// The source of a merge is only read.
		if d := cmp.Diff(bBefore, b.Report(), cmpopts.EquateNaNs()); d != "" {
			t.Fatalf("Merge changed its source:\n%s", d)
		}
		if d := cmp.Diff(one.Report(), a.Report(), cmpopts.EquateApprox(1e-9, 1e-9), cmpopts.EquateNaNs()); d != "" {
			t.Fatalf("merge at %d of %d differs:\n%s", c, len(rs), d)
		}
	})
}

// FuzzIPA checks that IPA never panics, rejects non-finite input, and
// ranks every point once.
func FuzzIPA(f *testing.F) {
	f.Add(30.0, 30.0, 20.0, 4.0, 6.0, 4.0, false, 0.0, 0.0)
	f.Add(1.0, 1.0, 1.0, 1.0, 2.0, 3.0, true, 1.0, 2.0)
	f.Add(math.NaN(), 1.0, 2.0, 3.0, 4.0, 5.0, false, 0.0, 0.0)
	f.Add(1e308, -1e308, 0.0, math.Inf(1), 0.0, 1.0, true, math.NaN(), 0.0)
	f.Add(1e308, -1e308, 0.0, 1e308, 0.0, -1e308, false, 0.0, 0.0)                           // IPA with 1e308
	f.Add(math.MaxFloat64, math.MaxFloat64, 0.0, 1.0, 2.0, 3.0, true, -math.MaxFloat64, 2.0) // sums overflow
	f.Add(0.0, 5e-324, 1e-320, 1.0, 2.0, 3.0, true, 1.0, 1.0)                                // spread underflows
	tenth := 0.1                                                                             // a variable, so that tenth+0.2 is rounded: 0.30000000000000004
	f.Add(0.3, tenth+0.2, 0.0, 0.0, 0.0, 1.0, false, 0.0, 0.0)                               // ties by noise
	f.Fuzz(func(t *testing.T, i1, i2, i3, p1, p2, p3 float64, useCross bool, ci, cp float64) {
		var opts *servqual.IPAOptions
		if useCross {
			opts = &servqual.IPAOptions{Crosshair: &servqual.Crosshair{Importance: ci, Performance: cp}}
		}
		pts, err := servqual.IPA([]string{"a", "b", "c"}, []float64{i1, i2, i3}, []float64{p1, p2, p3}, opts)
		if err != nil {
			checkErr(t, err)
			return
		}
		seen := map[int]bool{}
		for _, p := range pts {
			if p.Quadrant < servqual.ConcentrateHere || p.Quadrant > servqual.PossibleOverkill || p.Rank < 1 || p.Rank > 3 || seen[p.Rank] {
				t.Fatalf("bad point %+v", p)
			}
			seen[p.Rank] = true
			checkDefined(t, "", p.Priority)
		}
	})
}

func FuzzDimensionMeans(f *testing.F) {
	f.Add(append([]byte{0x02}, f64s(4, 5, 2)...), 2)
	f.Add(append([]byte{0x02}, f64s(math.NaN(), math.NaN(), 9)...), 0)
	f.Add([]byte{0x82}, -1)
	f.Fuzz(func(t *testing.T, data []byte, min int) {
		in := fuzzInstrument(t)
		r := decodeResponse(data, 3, 2)
		means, answered, err := in.DimensionMeans(r.Perception, min)
		if err != nil {
			checkErr(t, err)
			if means != nil || answered != nil {
				t.Fatal("error with results")
			}
			return
		}
		for d, m := range means {
			if !math.IsNaN(m) && (m < 1 || m > 5 || answered[d] == 0) {
				t.Fatalf("dimension %d mean %v from %d answers", d, m, answered[d])
			}
		}
	})
}
