package servqual_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// specials are the values a rating byte ≥ 250 stands for.
var specials = [...]float64{math.Inf(1), math.Inf(-1), 1e308, 0, math.Copysign(0, -1), 6}

// rating maps a fuzz byte to a rating for the 1..5 scale of
// fuzzInstrument: mostly valid ratings, some missing (NaN), a few
// invalid values (off the scale, ±Inf, ±1e308, −0).
func rating(b byte) float64 {
	switch {
	case b < 200:
		return float64(1 + b%5)
	case b < 250:
		return math.NaN()
	}
	return specials[int(b-250)%len(specials)]
}

// byteReader hands out the fuzz input a byte at a time, then zeros.
type byteReader struct{ b []byte }

func (r *byteReader) next() byte {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// decodeResponses turns fuzz bytes into up to 40 responses to
// fuzzInstrument (3 items, 2 dimensions, 1 outcome on 0..10), mostly
// valid so that the statistics get exercised: per response a mask byte
// chooses the fields (bit 7 shortens one slice), then one byte per value.
func decodeResponses(data []byte) []servqual.Response {
	r := &byteReader{data}
	n := int(r.next()) % 41
	rs := make([]servqual.Response, n)
	for k := range rs {
		mask := r.next()
		vec := func(n int) []float64 {
			if mask&0x80 != 0 && r.next()%8 == 0 {
				n--
			}
			v := make([]float64, n)
			for i := range v {
				v[i] = rating(r.next())
			}
			return v
		}
		var resp servqual.Response
		if mask&1 != 0 {
			resp.Expectation = vec(3)
		}
		if mask&2 != 0 {
			resp.Perception = vec(3)
		}
		if mask&4 != 0 {
			lo := vec(3)
			hi := make([]float64, len(lo))
			for i := range hi {
				hi[i] = lo[i] + float64(r.next()%3) // mostly adequate ≤ desired
			}
			resp.Adequate, resp.Desired = lo, hi
		}
		if mask&8 != 0 {
			b := r.next()
			w := float64(b % 101)
			resp.Importance = []float64{w, 100 - w}
			if b >= 250 {
				resp.Importance[0] = specials[int(b-250)%len(specials)]
			}
		}
		if mask&16 != 0 {
			b := r.next()
			y := float64(b % 11)
			if b >= 240 {
				y = math.NaN()
			}
			resp.Outcomes = []float64{y}
		}
		rs[k] = resp
	}
	return rs
}

// responseBytes encodes valid responses for the seeds: n, then per
// response the mask and the rating bytes.
func responseBytes(n int, mask byte, vals ...byte) []byte {
	b := []byte{byte(n)}
	for i := 0; i < n; i++ {
		b = append(b, mask)
		for j, v := range vals {
			b = append(b, v+byte(i*(j+1))%5)
		}
	}
	return b
}

// checkReport checks the promises of a report: every number finite
// unless its documented reason is there.
func checkReport(t *testing.T, rep servqual.Report) {
	t.Helper()
	stat := func(s *servqual.Stat, gap bool) {
		if s == nil {
			return
		}
		if s.N < 1 {
			t.Fatalf("stat with N = %d", s.N)
		}
		checkDefined(t, "", s.Mean)
		if s.N >= 2 {
			checkDefined(t, "", s.SD, s.SE, s.CI.Low, s.CI.High)
			if gap && s.SD > 0 {
				checkDefined(t, "", s.T, s.P)
			}
		}
		checkDefined(t, "NaN allowed", s.T, s.P)
	}
	for _, it := range rep.Items {
		for m := servqual.Gap; m < servqual.NumMeasures; m++ {
			stat(it.Get(m), m == servqual.Gap || m == servqual.Adequacy || m == servqual.Superiority)
		}
	}
	for _, d := range rep.Dimensions {
		for m := servqual.Gap; m < servqual.NumMeasures; m++ {
			stat(d.Get(m), m == servqual.Gap || m == servqual.Adequacy || m == servqual.Superiority)
		}
		stat(d.Importance, false)
	}
	stat(rep.Weighted, true)
	for _, ps := range [][]servqual.Priority{rep.ItemPriorities, rep.DimensionPriorities} {
		for i, p := range ps {
			if p.Rank != i+1 {
				t.Fatalf("priority %d has rank %d", i, p.Rank)
			}
			checkDefined(t, "", p.Mean)
			// Ties (within a tolerance relative to the scale) keep
			// questionnaire order, so a later mean may be a little lower.
			if i > 0 && p.Mean < ps[i-1].Mean-1e-9*math.Max(1, math.Abs(p.Mean)) {
				t.Fatalf("priorities out of order: %+v", ps)
			}
		}
	}
	for _, r := range rep.Reliability {
		checkDefined(t, r.Reason, r.Alpha, r.StdAlpha, r.MeanR)
		for _, it := range r.Items {
			checkDefined(t, it.Reason, it.ItemRest, it.AlphaIfDropped)
		}
	}
	for _, d := range rep.Drivers {
		checkDefined(t, d.Reason, d.RSquared)
		for _, v := range [][]float64{d.Beta, d.Shapley, d.ShapleyShare, d.Johnson, d.JohnsonShare} {
			checkDefined(t, "", v...)
		}
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatalf("json.Marshal(report): %v", err)
	}
	var back servqual.Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal(report): %v", err)
	}
	if d := cmp.Diff(rep, back, cmpopts.EquateNaNs()); d != "" {
		t.Fatalf("report JSON round trip (-want +got):\n%s", d)
	}
}

// FuzzAnalyze checks Analyze and the analyses of its accumulator: an
// error carries the prefix and a sentinel, names the respondent of an
// invalid response and gives no report; a report keeps every promise and
// round-trips through JSON.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte{}, int8(1), 0)                                 // Analyze(in, nil): ErrEmpty
	f.Add(responseBytes(1, 0x03, 3, 4, 1, 5, 2, 2), int8(1), 0) // one response
	f.Add(responseBytes(12, 0x1b, 3, 4, 1, 5, 2, 2, 40, 7), int8(1), 0)
	f.Add(responseBytes(20, 0x1f, 3, 4, 1, 5, 2, 2, 0, 1, 0, 2, 1, 30, 7), int8(-1), 1)
	f.Add(responseBytes(8, 0x02, 250, 1, 1), int8(3), 0)     // +Inf rating
	f.Add(responseBytes(8, 0x02, 220, 220, 220), int8(0), 0) // every answer missing
	f.Add(responseBytes(9, 0x12, 0, 5, 10, 3), int8(2), -5)  // outcome constant or not
	f.Add(responseBytes(6, 0x02, 0, 0, 0), int8(0), 1<<30)   // all equal
	f.Add(responseBytes(4, 0x82, 0, 0, 0, 0), int8(5), 0)    // wrong lengths
	f.Add(responseBytes(4, 0x08, 251, 251), int8(5), 0)      // −Inf importance
	in := fuzzInstrument(f)
	f.Fuzz(func(t *testing.T, data []byte, measure int8, outcome int) {
		rs := decodeResponses(data)
		rep, err := servqual.Analyze(in, rs)
		if err != nil {
			checkErr(t, err)
			if rep.Instrument != "" || rep.Items != nil {
				t.Fatal("a report with an error")
			}
			if len(rs) == 0 && !errors.Is(err, servqual.ErrEmpty) {
				t.Fatalf("no responses: %v", err)
			}
			var ie *servqual.InputError
			if len(rs) > 0 && (!errors.As(err, &ie) || ie.Respondent < 0 || ie.Respondent >= len(rs)) {
				t.Fatalf("error %v does not name a respondent", err)
			}
			if ie != nil {
				if _, err := in.Score(rs[ie.Respondent]); err == nil {
					t.Fatalf("respondent %d blamed but valid", ie.Respondent)
				}
				for i := 0; i < ie.Respondent; i++ {
					if _, err := in.Score(rs[i]); err != nil {
						t.Fatalf("respondent %d blamed, but %d is invalid too", ie.Respondent, i)
					}
				}
			}
			return
		}
		if rep.Responses != int64(len(rs)) {
			t.Fatalf("report of %d responses for %d", rep.Responses, len(rs))
		}
		checkReport(t, rep)
		acc, err := servqual.Accumulate(in, rs, 1)
		if err != nil {
			t.Fatal(err)
		}
		m := servqual.Measure(measure)
		d, err := acc.KeyDrivers(m, in.Outcome(outcome).Key)
		if err != nil {
			checkErr(t, err)
		} else {
			checkDefined(t, "", d.RSquared)
			for _, v := range [][]float64{d.Beta, d.Shapley, d.ShapleyShare, d.Johnson, d.JohnsonShare} {
				checkDefined(t, "", v...)
			}
		}
		rel, err := acc.Reliability(m)
		if err != nil {
			checkErr(t, err)
		}
		for _, r := range rel {
			checkDefined(t, r.Reason, r.Alpha, r.StdAlpha, r.MeanR)
		}
		var imp []float64
		if outcome%2 == 0 {
			imp = []float64{float64(outcome), 1}
		}
		pts, err := acc.IPA(m, imp, nil)
		if err != nil {
			checkErr(t, err)
		}
		for _, p := range pts {
			checkDefined(t, "", p.Priority)
		}
	})
}

// FuzzAccumulate checks that Accumulate on any number of workers agrees
// with adding one by one: the same first invalid respondent, or the same
// report.
func FuzzAccumulate(f *testing.F) {
	f.Add(responseBytes(12, 0x1b, 3, 4, 1, 5, 2, 2, 40, 7), int8(3))
	f.Add(responseBytes(30, 0x1f, 3, 4, 1, 5, 2, 2, 0, 1, 0, 2, 1, 30, 7), int8(0))
	f.Add(responseBytes(7, 0x02, 250, 1, 1), int8(-2))
	f.Add([]byte{}, int8(100))
	f.Add(responseBytes(1, 0x02, 1, 1, 1), int8(127))
	in := fuzzInstrument(f)
	f.Fuzz(func(t *testing.T, data []byte, workers int8) {
		rs := decodeResponses(data)
		one := servqual.NewAccumulator(in)
		var firstErr error
		for i, r := range rs {
			if err := one.Add(r); err != nil {
				firstErr = err
				var ie *servqual.InputError
				if !errors.As(err, &ie) {
					t.Fatalf("Add error %v is not an *InputError", err)
				}
				ie.Respondent = i
				break
			}
		}
		acc, err := servqual.Accumulate(in, rs, int(workers))
		if (err == nil) != (firstErr == nil) {
			t.Fatalf("Accumulate error %v, adding one by one %v", err, firstErr)
		}
		if err != nil {
			checkErr(t, err)
			if err.Error() != firstErr.Error() || acc != nil {
				t.Fatalf("Accumulate error %q, want %q", err, firstErr)
			}
			return
		}
		want, got := one.Report(), acc.Report()
		if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 1e-12), cmpopts.EquateNaNs()); d != "" {
			t.Fatalf("Accumulate(%d workers) differs from one pass (-want +got):\n%s", workers, d)
		}
	})
}

// FuzzCompare checks Compare on reports of fuzzed responses and on
// statistics changed to arbitrary numbers (as a decoded JSON report may
// hold).
func FuzzCompare(f *testing.F) {
	f.Add(responseBytes(12, 0x03, 3, 4, 1, 5, 2, 2), responseBytes(9, 0x03, 4, 4, 2, 5, 3, 2), int8(0), int64(0), 0.0, 0.0)
	f.Add(responseBytes(12, 0x03, 3, 4, 1, 5, 2, 2), responseBytes(1, 0x03, 4, 4, 2, 5, 3, 2), int8(1), int64(0), 0.0, 0.0)
	f.Add(responseBytes(3, 0x02, 3, 3, 3), responseBytes(3, 0x02, 3, 3, 3), int8(1), int64(0), 0.0, 0.0)
	f.Add([]byte{}, []byte{}, int8(0), int64(0), 0.0, 0.0)
	f.Add(responseBytes(5, 0x03, 3, 4, 1, 5, 2, 2), responseBytes(5, 0x03, 3, 4, 1, 5, 2, 2), int8(9), int64(0), 0.0, 0.0)
	f.Add(responseBytes(5, 0x03, 3, 4, 1, 5, 2, 2), responseBytes(5, 0x03, 3, 4, 1, 5, 2, 2), int8(0), int64(2), 1e308, 1e308)
	f.Add(responseBytes(5, 0x03, 3, 4, 1, 5, 2, 2), responseBytes(5, 0x03, 3, 4, 1, 5, 2, 2), int8(0), int64(-1), math.NaN(), math.Inf(1))
	f.Add(responseBytes(5, 0x03, 3, 4, 1, 5, 2, 2), responseBytes(5, 0x03, 3, 4, 1, 5, 2, 2), int8(0), int64(math.MaxInt64), -1e308, 1e-300)
	in := fuzzInstrument(f)
	f.Fuzz(func(t *testing.T, da, db []byte, measure int8, n int64, mean, sd float64) {
		report := func(data []byte) servqual.Report {
			acc := servqual.NewAccumulator(in)
			for _, r := range decodeResponses(data) {
				_ = acc.Add(r) // invalid responses are skipped
			}
			return acc.Report()
		}
		a, b := report(da), report(db)
		if n != 0 && b.Overall.Get(servqual.Measure(measure)) != nil {
			s := *b.Overall.Get(servqual.Measure(measure))
			s.N, s.Mean, s.SD = n, mean, sd
			b.Overall = servqual.Measures{}
			for m := servqual.Gap; m < servqual.NumMeasures; m++ {
				if m == servqual.Measure(measure) {
					b.Overall.Gap, b.Overall.Perception, b.Overall.Expectation = &s, &s, &s
					b.Overall.Adequacy, b.Overall.Superiority = &s, &s
				}
			}
		}
		diffs, err := servqual.Compare(a, b, servqual.Measure(measure))
		if err != nil {
			checkErr(t, err)
			return
		}
		if len(diffs) != len(a.Dimensions)+1 {
			t.Fatalf("%d differences for %d dimensions", len(diffs), len(a.Dimensions))
		}
		for _, d := range diffs {
			checkDefined(t, "", d.Diff)
			checkDefined(t, d.Reason, d.SE, d.DF, d.CI.Low, d.CI.High, d.T, d.P)
			if !math.IsNaN(d.P) && (d.P < 0 || d.P > 1) {
				t.Fatalf("p = %v", d.P)
			}
			var back servqual.Difference
			bs, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(bs, &back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(d, back, cmpopts.EquateNaNs()); diff != "" {
				t.Fatalf("Difference round trip (-want +got):\n%s", diff)
			}
		}
	})
}

// FuzzNewInstrument checks that any Spec gives a consistent instrument or
// an error wrapping ErrInstrument, and that an accepted instrument scores
// the extreme ratings of its scale into finite statistics.
func FuzzNewInstrument(f *testing.F) {
	f.Add("x", 1.0, 7.0, 0.0, 10.0, uint16(3), uint8(2), uint8(1), uint8(0))
	f.Add("huge", -1e308, 1e308, 0.0, 10.0, uint16(3), uint8(2), uint8(1), uint8(0))
	f.Add("max", -1e100, 1e100, -1e100, 1e100, uint16(5), uint8(2), uint8(1), uint8(0))
	f.Add("tiny", 0.0, 1e-100, 0.0, 1e-100, uint16(5), uint8(2), uint8(1), uint8(0))
	f.Add("nan", math.NaN(), 7.0, 0.0, 10.0, uint16(3), uint8(2), uint8(1), uint8(0))
	f.Add("flat", 1.0, 1.0, 0.0, 10.0, uint16(3), uint8(2), uint8(1), uint8(0))
	f.Add("none", 1.0, 5.0, 0.0, 10.0, uint16(0), uint8(0), uint8(0), uint8(0))
	f.Add("many", 1.0, 5.0, 0.0, 10.0, uint16(1001), uint8(3), uint8(0), uint8(0))
	f.Add("dups", 1.0, 5.0, 0.0, 10.0, uint16(4), uint8(2), uint8(2), uint8(0xff))
	f.Add("empty dim", 1.0, 5.0, 0.0, 10.0, uint16(1), uint8(3), uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, name string, lo, hi, olo, ohi float64, nItems uint16, nDims, nOut, flaws uint8) {
		nItems %= 1100
		spec := servqual.Spec{Name: name, Scale: servqual.Scale{Min: lo, Max: hi}}
		key := func(prefix string, i int) string {
			return prefix + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
		}
		for d := 0; d < int(nDims); d++ {
			spec.Dimensions = append(spec.Dimensions, servqual.Dimension{Key: key("d", d), Name: name, Chinese: name})
		}
		spec.Chinese = name
		for i := 0; i < int(nItems); i++ {
			d := 0
			if nDims > 0 {
				d = i % int(nDims)
			}
			spec.Items = append(spec.Items, servqual.Item{Key: key("q", i), Dimension: key("d", d), Chinese: name, Reverse: i%3 == 1})
		}
		for o := 0; o < int(nOut); o++ {
			spec.Outcomes = append(spec.Outcomes, servqual.OutcomeRating{Key: key("o", o), Chinese: name, Scale: servqual.Scale{Min: olo, Max: ohi}})
		}
		// flaws break the spec in chosen ways.
		if flaws&1 != 0 && len(spec.Items) > 1 {
			spec.Items[1].Key = spec.Items[0].Key
		}
		if flaws&2 != 0 && len(spec.Items) > 0 {
			spec.Items[0].Dimension = "nowhere"
		}
		if flaws&4 != 0 && len(spec.Dimensions) > 0 {
			spec.Dimensions[0].Key = ""
		}
		if flaws&8 != 0 && len(spec.Outcomes) > 1 {
			spec.Outcomes[1].Key = spec.Outcomes[0].Key
		}
		in, err := servqual.NewInstrument(spec)
		if err != nil {
			checkErr(t, err)
			if !errors.Is(err, servqual.ErrInstrument) || in != nil {
				t.Fatalf("NewInstrument: %v, %v", in, err)
			}
			return
		}
		if in.Chinese() != name || in.Item(0).Chinese != name {
			t.Fatalf("Chinese labels not kept: %q, %q", in.Chinese(), in.Item(0).Chinese)
		}
		if in.NumItems() != len(spec.Items) || in.NumDimensions() != len(spec.Dimensions) || in.NumOutcomes() != len(spec.Outcomes) {
			t.Fatal("sizes differ from the spec")
		}
		seen := 0
		for d := 0; d < in.NumDimensions(); d++ {
			for _, i := range in.ItemsOf(d) {
				if in.DimensionOf(i) != d || in.ItemIndex(in.Item(i).Key) != i {
					t.Fatalf("item %d inconsistent", i)
				}
				seen++
			}
		}
		if seen != in.NumItems() {
			t.Fatalf("dimensions hold %d of %d items", seen, in.NumItems())
		}
		if in.NumItems() > 60 {
			return // enough: the statistics below are the same for larger ones
		}
		// The scale's ends as expectation and perception, both ways round.
		acc := servqual.NewAccumulator(in)
		s := in.Scale()
		for k := 0; k < 3; k++ {
			e, p := make([]float64, in.NumItems()), make([]float64, in.NumItems())
			for i := range e {
				e[i], p[i] = s.Min, s.Max
				if (i+k)%2 == 0 {
					e[i], p[i] = s.Max, s.Min
				}
			}
			r := servqual.Response{Expectation: e, Perception: p}
			if in.NumOutcomes() > 0 {
				r.Outcomes = make([]float64, in.NumOutcomes())
				for o := range r.Outcomes {
					r.Outcomes[o] = in.Outcome(o).Scale.Max
				}
			}
			if err := acc.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		checkReport(t, acc.Report())
	})
}

// FuzzInstrumentLookups checks the lookups of SERVQUAL and of a nil
// instrument at any index and key, and Scale's methods at any value.
func FuzzInstrumentLookups(f *testing.F) {
	for _, i := range []int{-1, 0, 4, 21, 22, 1 << 40, math.MinInt} {
		f.Add(i, "Q5", 4.0)
	}
	f.Add(3, "", math.NaN())
	f.Add(3, "overall", math.Inf(-1))
	f.Add(3, "tangibles", 1e308)
	f.Fuzz(func(t *testing.T, i int, key string, x float64) {
		for _, in := range []*servqual.Instrument{servqual.SERVQUAL(), servqual.SERVQUAL1988(), nil} {
			it, d, o := in.Item(i), in.Dimension(i), in.Outcome(i)
			inItems := i >= 0 && i < in.NumItems()
			if (it.Key != "") != inItems || (d.Key != "") != (i >= 0 && i < in.NumDimensions()) ||
				(o.Key != "") != (i >= 0 && i < in.NumOutcomes()) {
				t.Fatalf("lookups at %d: %+v %+v %+v", i, it, d, o)
			}
			if dim := in.DimensionOf(i); (dim >= 0) != inItems {
				t.Fatalf("DimensionOf(%d) = %d", i, dim)
			}
			if items := in.ItemsOf(i); (items != nil) != (i >= 0 && i < in.NumDimensions()) {
				t.Fatalf("ItemsOf(%d) = %v", i, items)
			}
			if j := in.ItemIndex(key); j >= 0 && in.Item(j).Key != key {
				t.Fatalf("ItemIndex(%q) = %d", key, j)
			}
			if j := in.DimensionIndex(key); (j >= 0) != (in.Dimension(j).Key == key && key != "") {
				t.Fatalf("DimensionIndex(%q) = %d", key, j)
			}
			if j := in.OutcomeIndex(key); (j >= 0) != (in.Outcome(j).Key == key && key != "") {
				t.Fatalf("OutcomeIndex(%q) = %d", key, j)
			}
			s := in.Scale()
			if in != nil && s.Contains(x) && !s.Contains(s.Reverse(x)) {
				t.Fatalf("Reverse(%v) = %v off the scale", x, s.Reverse(x))
			}
		}
	})
}

// FuzzEnumText checks the enum parsers: an unknown name is an error that
// changes nothing; a known one encodes back to a name that parses to the
// same value.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"gap", "msa", "mss", "superiority", "below", "inside", "unknown", "concentrate here",
		"possible overkill", "", "Gap", " gap", "\x00", "Measure(9)", "low_priority", "KEEP-UP-THE-GOOD-WORK", "重点改进区", "差距",
		"service adequacy (MSA)", "低于容忍区", "servperf", "below the zone of tolerance", "优势区"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		type textEnum interface {
			UnmarshalText([]byte) error
			MarshalText() ([]byte, error)
		}
		m, z, q := servqual.Superiority, servqual.AboveZone, servqual.LowPriority
		for _, c := range []struct {
			v    textEnum
			was  func() any
			want any
		}{
			{&m, func() any { return m }, servqual.Superiority},
			{&z, func() any { return z }, servqual.AboveZone},
			{&q, func() any { return q }, servqual.LowPriority},
		} {
			err := c.v.UnmarshalText([]byte(s))
			if err != nil {
				checkErr(t, err)
				if !errors.Is(err, servqual.ErrArgument) || c.was() != c.want {
					t.Fatalf("UnmarshalText(%q): %v, value %v", s, err, c.was())
				}
				continue
			}
			got := c.was()
			b, err := c.v.MarshalText()
			if err != nil {
				t.Fatalf("MarshalText after UnmarshalText(%q): %v", s, err)
			}
			if err := c.v.UnmarshalText(b); err != nil || c.was() != got {
				t.Fatalf("%q → %v → %q → %v, %v", s, got, b, c.was(), err)
			}
		}
	})
}

// jsonTypes makes a fresh value of every type with an UnmarshalJSON
// method.
var jsonTypes = []func() interface {
	UnmarshalJSON([]byte) error
}{
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.Scale) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.Stat) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.Priority) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.Reliability) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.ItemReliability) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.Drivers) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.Difference) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.ItemScore) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.DimensionScore) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.Score) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.Crosshair) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.IPAOptions) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.IPAPoint) },
	func() interface{ UnmarshalJSON([]byte) error } { return new(servqual.Response) },
}

// FuzzUnmarshalJSON checks every UnmarshalJSON method on any document:
// an error carries the prefix and a sentinel; a decoded value encodes
// again, and decoding that gives an equal value.
func FuzzUnmarshalJSON(f *testing.F) {
	for _, s := range []string{`{}`, `null`, `{"n":2,"mean":null,"sd":1,"ci":{"low":null,"high":3}}`, `{"n":1e400}`,
		`{"measure":"gap","r_squared":null,"beta":[1,null]}`, `{"measure":99}`, `{"quadrant":"low priority","priority":null}`,
		`{"perception":[4,null,5]}`, `{"perception":[1e999]}`, `[`, `{"zone":"middle"}`, `{"a":{"n":-5},"diff":null}`,
		`{"items":[{"key":"A","item_rest":null}]}`, `{"crosshair":{"importance":null}}`, "\"\\ud800\""} {
		for k := range jsonTypes {
			f.Add(uint8(k), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		v := jsonTypes[int(which)%len(jsonTypes)]()
		if err := v.UnmarshalJSON(data); err != nil {
			checkErr(t, err)
			if !errors.Is(err, servqual.ErrArgument) {
				t.Fatalf("UnmarshalJSON error %v does not wrap ErrArgument", err)
			}
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			// A decoded enum is always valid, so only a string that is
			// not UTF-8 could fail, and encoding/json replaces those.
			t.Fatalf("json.Marshal after UnmarshalJSON(%q): %v", data, err)
		}
		w := jsonTypes[int(which)%len(jsonTypes)]()
		if err := w.UnmarshalJSON(b); err != nil {
			t.Fatalf("decoding %s again: %v", b, err)
		}
		b2, err := json.Marshal(w)
		if err != nil || string(b2) != string(b) {
			t.Fatalf("round trip %s → %s (%v)", b, b2, err)
		}
		if strings.Contains(string(b), "NaN") || strings.Contains(string(b), "Inf") && !strings.Contains(string(data), "Inf") {
			t.Fatalf("non-JSON number in %s", b)
		}
	})
}

// FuzzReportLookups looks up any key and measure in a SERVQUAL report and
// in the zero Report: a result is nil or the entry with that key.
func FuzzReportLookups(f *testing.F) {
	for _, k := range []string{"Q9", "empathy", "overall", "", "Empathy", "\xff", "Q23"} {
		f.Add(k, int8(0))
	}
	f.Add("reliability", int8(-1))
	f.Add("overall", int8(5))
	rep, err := servqual.Analyze(servqual.SERVQUAL(), randomResponses(40, 9))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, key string, m int8) {
		for _, r := range []servqual.Report{rep, {}} {
			if x := r.Item(key); x != nil && x.Key != key {
				t.Fatalf("Item(%q) = %s", key, x.Key)
			}
			if x := r.Dimension(key); x != nil && x.Key != key {
				t.Fatalf("Dimension(%q) = %s", key, x.Key)
			}
			if x := r.Outcome(key); x != nil && x.Key != key {
				t.Fatalf("Outcome(%q) = %s", key, x.Key)
			}
			if x := r.ReliabilityOf(key, servqual.Measure(m)); x != nil && (x.Dimension != key || x.Measure != servqual.Measure(m)) {
				t.Fatalf("ReliabilityOf(%q, %d) = %s %v", key, m, x.Dimension, x.Measure)
			}
			if x := r.DriversOf(key, servqual.Measure(m)); x != nil && (x.Outcome != key || x.Measure != servqual.Measure(m)) {
				t.Fatalf("DriversOf(%q, %d) = %s %v", key, m, x.Outcome, x.Measure)
			}
		}
		if x := rep.Dimension(key); (x != nil) != (servqual.SERVQUAL().DimensionIndex(key) >= 0) {
			t.Fatalf("Dimension(%q) = %v disagrees with DimensionIndex", key, x)
		}
	})
}
