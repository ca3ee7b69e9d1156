package eservqual_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/eservqual"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// wrapsSentinel reports whether err wraps one of the package's sentinels
// and carries the prefix exactly once.
func wrapsSentinel(err error) bool {
	ok := false
	for _, s := range []error{eservqual.ErrInvalid, eservqual.ErrEmpty, eservqual.ErrLength, eservqual.ErrInstrument} {
		ok = ok || errors.Is(err, s)
	}
	msg := err.Error()
	return ok && strings.HasPrefix(msg, "eservqual: ") && strings.Count(msg, "eservqual: ") == 1
}

func FuzzTRIWithWordings(f *testing.F) {
	f.Add("OPT1", "I like new technology", "INS4", "")
	f.Add("OPT9", "x", "", "")
	f.Add("opt1", "lower case", "INN2", "\xff")
	f.Add("", "", "DIS3", strings.Repeat("long ", 50))
	f.Add("INN3", "", "OPT2", "我喜欢新技术")
	f.Fuzz(func(t *testing.T, k1, w1, k2, w2 string) {
		en, zh := map[string]string{k1: w1}, map[string]string{k2: w2}
		in, err := eservqual.TRIWithWordings(en, zh)
		if err != nil {
			if in != nil || !wrapsSentinel(err) {
				t.Fatalf("TRIWithWordings error %v with instrument %v", err, in)
			}
			return
		}
		if in.NumItems() != 16 || in.NumDimensions() != 4 {
			t.Fatalf("instrument with %d items", in.NumItems())
		}
		for k, w := range en {
			i := in.ItemIndex(k)
			if i < 0 || w != "" && in.Item(i).Name != w || in.Item(i).Chinese == "" {
				t.Fatalf("item %q: index %d, name %q", k, i, in.Item(max(i, 0)).Name)
			}
		}
		for k, w := range zh {
			i := in.ItemIndex(k)
			if i < 0 || w != "" && in.Item(i).Chinese != w || in.Item(i).Name == "" {
				t.Fatalf("item %q: index %d, Chinese %q", k, i, in.Item(max(i, 0)).Chinese)
			}
		}
	})
}

// recoveryResponses turns fuzz bytes into E-RecS-QUAL responses: each
// rating is a byte mod 7 (0 = missing, 6 = off the scale).
func recoveryResponses(data []byte) []servqual.Response {
	var rs []servqual.Response
	for len(data) >= 11 {
		p := make([]float64, 11)
		for i := range p {
			switch v := data[i] % 7; v {
			case 0:
				p[i] = math.NaN()
			default:
				p[i] = float64(v)
			}
		}
		rs = append(rs, servqual.Response{Perception: p, Outcomes: []float64{float64(1 + data[0]%5), math.NaN()}})
		data = data[11:]
	}
	return rs
}

// FuzzRecoveryMerge checks that a recovery sample split in two and
// merged reports what one sample of everything reports, and that a
// rejected customer changes nothing.
func FuzzRecoveryMerge(f *testing.F) {
	f.Add([]byte("abcdefghijkabcdefghijkABCDEFGHIJK"), uint64(5), uint8(1))
	f.Add([]byte{}, uint64(0), uint8(0))
	f.Add([]byte{6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6}, uint64(1), uint8(0))
	f.Add([]byte("zzzzzzzzzzzyyyyyyyyyyy"), uint64(0), uint8(9))
	f.Fuzz(func(t *testing.T, data []byte, encounters uint64, split uint8) {
		rs := recoveryResponses(data)
		whole, a, b := eservqual.NewRecoverySample(nil), &eservqual.RecoverySample{}, eservqual.NewRecoverySample(eservqual.ERecSQUAL())
		cut := int(split) % (len(rs) + 1)
		for i, r := range rs {
			enc := encounters>>(i%64)&1 == 1
			part := a
			if i >= cut {
				part = b
			}
			before := part.Report()
			errW := whole.Add(r, enc)
			errP := part.Add(r, enc)
			if (errW == nil) != (errP == nil) {
				t.Fatalf("respondent %d: %v vs %v", i, errW, errP)
			}
			if errP != nil {
				if !wrapsSentinel(errP) {
					t.Fatalf("Add error %v", errP)
				}
				if d := cmp.Diff(before, part.Report(), cmpopts.EquateNaNs()); d != "" {
					t.Fatalf("rejected customer changed the sample:\n%s", d)
				}
			}
		}
		if err := a.Merge(b); err != nil {
			t.Fatal(err)
		}
		opts := cmp.Options{cmpopts.EquateNaNs(), cmpopts.EquateApprox(1e-9, 1e-9)}
		if d := cmp.Diff(whole.Report(), a.Report(), opts); d != "" {
			t.Fatalf("merge of halves differs from the whole:\n%s", d)
		}
		if err := a.Merge(a); !errors.Is(err, eservqual.ErrInvalid) {
			t.Fatalf("self-merge: %v", err)
		}
	})
}

// FuzzNearest checks that Nearest is SegmentUnknown exactly for a
// non-finite profile or table, and unchanged by scaling everything by a
// power of two.
func FuzzNearest(f *testing.F) {
	nan := math.NaN()
	f.Add(4.0, 4.0, 2.0, 2.0, 0, false)
	f.Add(nan, nan, nan, nan, 0, true) // an all-NaN table
	f.Add(1e308, 1e308, -1e308, 0.0, 10, false)
	f.Add(1.0, 1.0, 1.0, 1.0, -1070, false)
	f.Add(math.Inf(1), 0.0, 0.0, 0.0, 3, false)
	f.Add(3.55, 3.2, 2.95, 3.25, 0, false) // halfway between profiles
	f.Fuzz(func(t *testing.T, a, b, c, d float64, exp int, nanTable bool) {
		p := eservqual.Profile{a, b, c, d}
		table := eservqual.Profiles()
		if nanTable {
			for s := range table {
				table[s] = eservqual.Profile{a, nan, c, d}
			}
		}
		got := eservqual.Nearest(p, &table)
		finite := true
		for _, v := range append(p[:], table[1][:]...) {
			finite = finite && !math.IsNaN(v) && !math.IsInf(v, 0)
		}
		if finite != (got != eservqual.SegmentUnknown) || got < eservqual.SegmentUnknown || got > eservqual.Laggard {
			t.Fatalf("Nearest(%v) = %v", p, got)
		}
		if !finite {
			return
		}
		exp %= 64
		var sp eservqual.Profile
		var st [eservqual.NumSegments]eservqual.Profile
		for i := range p {
			sp[i] = math.Ldexp(p[i], exp)
		}
		for s := range table {
			for i := range table[s] {
				st[s][i] = math.Ldexp(table[s][i], exp)
			}
		}
		exact := true
		all := append(sp[:], p[:]...)
		for s := range st {
			all = append(append(all, st[s][:]...), table[s][:]...)
		}
		for _, v := range all {
			exact = exact && !math.IsInf(v, 0) && (v == 0 || math.Abs(v) >= 0x1p-1022)
		}
		if exact && eservqual.Nearest(sp, &st) != got {
			t.Fatalf("Nearest(%v) = %v, but %v after scaling by 2^%d", p, got, eservqual.Nearest(sp, &st), exp)
		}
	})
}

// FuzzDriverWeights checks that the weights are either the fallback (not
// estimated) or finite, non-negative and summing to 1 (estimated).
func FuzzDriverWeights(f *testing.F) {
	f.Add([]byte("the quick brown fox jumps over the lazy dog again and again"), 3.0, 2.0, 3.0, 1.0)
	f.Add([]byte{}, 1.0, 1.0, 1.0, 1.0)
	f.Add([]byte{1, 2, 3}, math.NaN(), 1.0, 1.0, 1.0)
	f.Add([]byte("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), 0.0, 0.0, 0.0, 0.0)
	f.Add([]byte("abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc"), -1.0, 1e308, 1.0, 1.0)
	f.Fuzz(func(t *testing.T, data []byte, w0, w1, w2, w3 float64) {
		acc := servqual.NewAccumulator(eservqual.ESQUAL())
		for len(data) >= 6 {
			var dims [4]float64
			for d := range dims {
				dims[d] = float64(1 + data[d]%5)
			}
			_ = acc.Add(esqualResponse(dims, float64(1+data[4]%5), float64(1+data[5]%5)))
			data = data[6:]
		}
		fb := []float64{w0, w1, w2, w3}
		w, est, err := eservqual.DriverWeights(acc, eservqual.OutcomeLoyalty, fb)
		if err != nil {
			if !wrapsSentinel(err) || w != nil || est {
				t.Fatalf("DriverWeights error %v with %v, %v", err, w, est)
			}
			return
		}
		if !est {
			if !cmp.Equal(w, fb) {
				t.Fatalf("not estimated, but %v is not the fallback %v", w, fb)
			}
			return
		}
		var sum float64
		for _, v := range w {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("estimated weights %v", w)
			}
			sum += v
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Fatalf("estimated weights %v sum to %v", w, sum)
		}
	})
}

// FuzzBySegment checks that BySegment either reports every segment or
// fails with an error that wraps a sentinel and names a respondent in
// range.
func FuzzBySegment(f *testing.F) {
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz"), []byte{1})
	f.Add([]byte{}, []byte{})
	f.Add([]byte{200, 201}, []byte{9, 1})
	f.Add([]byte("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"), []byte{0, 2})
	f.Fuzz(func(t *testing.T, data []byte, segs []byte) {
		var rs []servqual.Response
		for len(data) >= 4 {
			rs = append(rs, esqualResponse([4]float64{float64(data[0] % 7), float64(1 + data[1]%5), float64(1 + data[2]%5), float64(1 + data[3]%5)}, 3, math.NaN()))
			data = data[4:]
		}
		ss := make([]eservqual.Segment, len(segs))
		for i, s := range segs {
			ss[i] = eservqual.Segment(int8(s))
		}
		reps, err := eservqual.BySegment(eservqual.ESQUAL(), rs, ss)
		if err != nil {
			if reps != nil || !wrapsSentinel(err) {
				t.Fatalf("BySegment error %v", err)
			}
			var ie *servqual.InputError
			if errors.As(err, &ie) && (ie.Respondent < 0 || ie.Respondent >= len(rs)) {
				t.Fatalf("InputError names respondent %d of %d", ie.Respondent, len(rs))
			}
			return
		}
		var n int64
		for s, r := range reps {
			if r.Segment != eservqual.Segment(s+1) {
				t.Fatalf("report %d is of %v", s, r.Segment)
			}
			n += r.Responses
		}
		if _, err := json.Marshal(reps); err != nil {
			t.Fatalf("json.Marshal: %v", err)
		}
		_ = n
	})
}

// FuzzEnumText checks the text decoders of Segment and ApproachKind: an
// error wraps ErrInvalid and leaves the value unchanged; a success
// round-trips through MarshalText, String and Chinese.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"", "explorer", "Pioneers", "hesitator", "AVOIDERS", "unknown", "high-tech", "blended", "High-Touch", "\xff", "s", "laggards ",
		"冒险型", "偏执型", "回避型", "高科技", "科技与人工结合", "HIGH_TOUCH", "high tech", "未知"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		seg := eservqual.Segment(42)
		if err := seg.UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, eservqual.ErrInvalid) || !wrapsSentinel(err) || seg != 42 {
				t.Fatalf("Segment %q: %v, %v", s, seg, err)
			}
		} else if b, err := seg.MarshalText(); err != nil {
			t.Fatalf("Segment %q gave %d that does not marshal: %v", s, int(seg), err)
		} else {
			for _, text := range []string{string(b), seg.String(), seg.Chinese()} {
				if back := eservqual.Segment(42); back.UnmarshalText([]byte(text)) != nil || back != seg {
					t.Fatalf("Segment round trip of %v through %q", seg, text)
				}
			}
		}
		k := eservqual.ApproachKind(42)
		if err := k.UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, eservqual.ErrInvalid) || !wrapsSentinel(err) || k != 42 {
				t.Fatalf("ApproachKind %q: %v, %v", s, k, err)
			}
		} else if b, err := k.MarshalText(); err != nil {
			t.Fatalf("ApproachKind %q gave %d that does not marshal: %v", s, int(k), err)
		} else {
			for _, text := range []string{string(b), k.String(), k.Chinese()} {
				if back := eservqual.ApproachKind(42); back.UnmarshalText([]byte(text)) != nil || back != k {
					t.Fatalf("ApproachKind round trip of %v through %q", k, text)
				}
			}
		}
	})
}

// FuzzUnmarshalJSON decodes arbitrary documents into every JSON type of
// the package: no panic, and whatever decodes encodes and decodes again
// to an equal value.
func FuzzUnmarshalJSON(f *testing.F) {
	for _, s := range []string{`{}`, `null`, `[1, null, 3, 4]`, `[1,2,3]`, `"explorer"`, `"hesitators"`,
		`{"answered":[4,4,4,4],"optimism":null,"index":2.5,"reason":"x"}`,
		`{"segment":"pioneer","centroid":[null,1,2,3],"size":3,"share":null}`,
		`{"clusters":[{},{},{},{},{}],"labels":["explorer","laggard"],"wcss":null}`,
		`{"segment":"skeptic","instrument":"E-S-QUAL","responses":1}`,
		`{"in_sample":3,"not_applicable":-1,"responses":3}`,
		`{"kind":"blended","rationale":"r"}`, `{"segment":"wizard"}`, `{"low":1e999}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, mk := range jsonTypes {
			v := mk()
			if err := json.Unmarshal(data, v); err != nil {
				continue
			}
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("%T decoded from %q does not encode: %v", v, data, err)
			}
			back := mk()
			if err := json.Unmarshal(b, back); err != nil {
				t.Fatalf("%T: %s does not decode: %v", v, b, err)
			}
			if d := cmp.Diff(elem(v), elem(back), cmpopts.EquateNaNs(), cmpopts.EquateEmpty()); d != "" {
				t.Fatalf("%T round trip of %s mismatch:\n%s", v, b, d)
			}
		}
	})
}

// FuzzSegmentationOptions checks Segmentation with arbitrary starting
// profiles, iteration and restart counts: an error wrapping a sentinel,
// or a result whose numbers are all finite.
func FuzzSegmentationOptions(f *testing.F) {
	nan := math.NaN()
	f.Add(4.0, 4.0, 2.0, 2.0, 0, 0, uint64(1))
	f.Add(nan, 1.0, 1.0, 1.0, 10, 2, uint64(2))
	f.Add(1e308, 1e308, 1e308, 1e308, 5, 1, uint64(3))
	f.Add(1e100, -1e100, 0.0, 1.0, 1, 3, uint64(4))
	f.Add(3.0, 3.0, 3.0, 3.0, -1, 0, uint64(5))
	f.Add(3.0, 3.0, 3.0, 3.0, 1<<40, 1<<40, uint64(6))
	f.Fuzz(func(t *testing.T, a, b, c, d float64, iter, restarts int, seed uint64) {
		start := eservqual.Profiles()
		start[int(seed%eservqual.NumSegments)] = eservqual.Profile{a, b, c, d}
		data := []eservqual.Profile{{a, b, c, d}, {4.3, 4.1, 2.2, 2.5}, {2.6, 1.9, 3.9, 4.3}, {a, 1, 5, d}}
		if seed%2 == 0 {
			data = data[1:3]
		}
		res, err := eservqual.Segmentation(data, &eservqual.SegmentOptions{Profiles: &start, MaxIterations: iter % 50,
			Rand: rand.New(rand.NewPCG(seed, 9)), Restarts: restarts % 20})
		if err != nil {
			if !wrapsSentinel(err) {
				t.Fatalf("Segmentation error %v", err)
			}
			return
		}
		if math.IsNaN(res.WCSS) || math.IsInf(res.WCSS, 0) || res.WCSS < 0 {
			t.Fatalf("WCSS = %v", res.WCSS)
		}
		total := 0
		for _, cl := range res.Clusters {
			total += cl.Size
			for _, v := range append(cl.Centroid[:], cl.Share) {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("cluster %+v", cl)
				}
			}
		}
		if total != len(data) || len(res.Labels) != len(data) {
			t.Fatalf("sizes sum to %d of %d", total, len(data))
		}
	})
}

// FuzzProfileIndex checks Profile.Index: NaN in gives NaN out, and
// finite profiles and scales up to 1e307 in magnitude give a finite index
// between the reversed extremes.
func FuzzProfileIndex(f *testing.F) {
	f.Add(4.0, 3.0, 2.0, 2.0, 1.0, 5.0)
	f.Add(math.NaN(), 3.0, 2.0, 2.0, 1.0, 5.0)
	f.Add(1e307, 1e307, -1e307, -1e307, 1e307, 1e307)
	f.Add(1e308, 1e308, -1e308, -1e308, 1e308, 1e308)
	f.Add(math.Copysign(0, -1), 0.0, 0.0, 0.0, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, a, b, c, d, lo, hi float64) {
		p := eservqual.Profile{a, b, c, d}
		got := p.Index(servqual.Scale{Min: lo, Max: hi})
		anyNaN := false
		small := true
		for _, v := range []float64{a, b, c, d, lo, hi} {
			anyNaN = anyNaN || math.IsNaN(v)
			small = small && math.Abs(v) <= 1e307
		}
		if anyNaN {
			if !math.IsNaN(got) {
				t.Fatalf("Index = %v with a NaN input", got)
			}
			return
		}
		if small && (math.IsNaN(got) || math.IsInf(got, 0)) {
			t.Fatalf("Index(%v, [%v, %v]) = %v", p, lo, hi, got)
		}
		if lo == 1 && hi == 5 && small {
			// On 1–5 the index of a profile inside the scale is inside it.
			inside := true
			for _, v := range p {
				inside = inside && v >= 1 && v <= 5
			}
			if inside && (got < 1-1e-12 || got > 5+1e-12) {
				t.Fatalf("Index(%v) = %v outside 1..5", p, got)
			}
		}
	})
}
