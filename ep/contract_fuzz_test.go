package ep_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
)

// FuzzTallyMerge checks AddN and Merge of all three tallies: invalid input
// and overflow are errors that change nothing, and merging two halves
// equals counting everything in one tally.
func FuzzTallyMerge(f *testing.F) {
	f.Add(int8(4), int64(3), int8(5), int64(2), uint8(1))
	f.Add(int8(0), int64(1), int8(6), int64(-1), uint8(0))
	f.Add(int8(1), int64(math.MaxInt64), int8(2), int64(1), uint8(7))
	f.Add(int8(5), int64(math.MaxInt64/2+1), int8(5), int64(math.MaxInt64/2+1), uint8(3))
	f.Add(int8(3), int64(0), int8(3), int64(math.MinInt64), uint8(255))
	f.Fuzz(func(t *testing.T, l1 int8, n1 int64, l2 int8, n2 int64, r uint8) {
		var a, b, whole ep.Tally
		addN := func(tl *ep.Tally, l ep.Level, n int64) error {
			before := tl.Report()
			err := tl.AddN(l, n)
			valid := l.Valid() && n >= 0 && before.N <= math.MaxInt64-n
			if valid != (err == nil) {
				t.Fatalf("AddN(%v, %d) on N = %d: err = %v", l, n, before.N, err)
			}
			if err != nil {
				if !errors.Is(err, ep.ErrInvalid) && !errors.Is(err, ep.ErrLevel) {
					t.Fatalf("AddN error %v wraps no sentinel", err)
				}
				if d := cmp.Diff(before, tl.Report(), cmpopts.EquateNaNs()); d != "" {
					t.Fatalf("rejected AddN changed the tally:\n%s", d)
				}
			}
			return err
		}
		_ = addN(&a, ep.Level(l1), n1)
		_ = addN(&b, ep.Level(l2), n2)
		_ = addN(&whole, ep.Level(l1), n1)
		_ = addN(&whole, ep.Level(l2), n2)
		before := a.Report()
		overflow := a.N() > math.MaxInt64-b.N()
		err := a.Merge(&b)
		if overflow != (err != nil) {
			t.Fatalf("Merge of %d into %d: err = %v", b.N(), before.N, err)
		}
		if err != nil {
			if !errors.Is(err, ep.ErrInvalid) {
				t.Fatalf("Merge error %v does not wrap ErrInvalid", err)
			}
			if d := cmp.Diff(before, a.Report(), cmpopts.EquateNaNs()); d != "" {
				t.Fatalf("failed Merge changed the tally:\n%s", d)
			}
			return
		}
		if d := cmp.Diff(whole.Report(), a.Report(), cmpopts.EquateNaNs()); d != "" {
			t.Fatalf("merge of halves differs from the whole:\n%s", d)
		}
		s := a.Report()
		if s.N > 0 {
			if !(s.CSATInterval.Low <= s.CSAT && s.CSAT <= s.CSATInterval.High) || s.Mean < 1 || s.Mean > 5 || s.Reason != "" {
				t.Fatalf("Report %+v", s)
			}
		} else if s.Reason == "" {
			t.Fatal("empty summary without a reason")
		}

		// EffortTally and KanoTally: r small answers, doubled by
		// self-merges until they overflow.
		var et ep.EffortTally
		var kt ep.KanoTally
		for i := 0; i <= int(r%8); i++ {
			_ = et.Add(i%7 + 1)
			_, _ = kt.Add(ep.Answer(i%5+1), ep.AnswerDislike)
		}
		for i := 0; i < int(r%70); i++ {
			be, bk := et.Report(), kt.Report()
			ee, ek := et.Merge(&et), kt.Merge(&kt)
			if (ee == nil) != (be.N <= math.MaxInt64/2) || (ek == nil) != (bk.N <= math.MaxInt64/2) {
				t.Fatalf("self-merge at N = %d, %d: %v, %v", be.N, bk.N, ee, ek)
			}
			if ee != nil && et.Report().N != be.N || ek != nil && kt.Report().N != bk.N {
				t.Fatal("failed self-merge changed the tally")
			}
		}
	})
}

// FuzzClassify checks the Kano table: valid pairs give a known category,
// anything else an error wrapping ErrInvalid.
func FuzzClassify(f *testing.F) {
	f.Add(int8(1), int8(5))
	f.Add(int8(0), int8(1))
	f.Add(int8(6), int8(-1))
	f.Add(int8(5), int8(5))
	f.Fuzz(func(t *testing.T, fa, da int8) {
		c, err := ep.Classify(ep.Answer(fa), ep.Answer(da))
		valid := fa >= 1 && fa <= 5 && da >= 1 && da <= 5
		if valid != (err == nil) {
			t.Fatalf("Classify(%d, %d) = %v, %v", fa, da, c, err)
		}
		if err != nil {
			if !errors.Is(err, ep.ErrInvalid) || c != ep.CategoryUnknown {
				t.Fatalf("Classify(%d, %d) = %v, %v", fa, da, c, err)
			}
			return
		}
		if c < ep.Attractive || c > ep.Questionable {
			t.Fatalf("Classify(%d, %d) = %v", fa, da, c)
		}
	})
}

// FuzzUpdate checks that the updated expectation lies between E and P and
// that bad input is an error wrapping ErrInvalid.
func FuzzUpdate(f *testing.F) {
	for _, s := range [][3]float64{{4, 6, 0.25}, {4, 6, 1.5}, {math.NaN(), 1, 0.5}, {1e308, -1e308, 0.5},
		{-1e308, 1e308, 1}, {math.Inf(1), 1, 0}, {1, 2, math.Copysign(0, -1)}, {1, 2, math.NaN()}} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, e, p, rate float64) {
		got, err := ep.Update(e, p, rate)
		finite := !math.IsNaN(e) && !math.IsInf(e, 0) && !math.IsNaN(p) && !math.IsInf(p, 0)
		if (finite && rate >= 0 && rate <= 1) != (err == nil) {
			t.Fatalf("Update(%v, %v, %v) = %v, %v", e, p, rate, got, err)
		}
		if err != nil {
			if !errors.Is(err, ep.ErrInvalid) || !math.IsNaN(got) {
				t.Fatalf("Update(%v, %v, %v) = %v, %v", e, p, rate, got, err)
			}
			return
		}
		if got < math.Min(e, p) || got > math.Max(e, p) {
			t.Fatalf("Update(%v, %v, %v) = %v outside [E, P]", e, p, rate, got)
		}
	})
}

// FuzzEnumText checks the text decoders of Answer, Category and Form: an
// error wraps the sentinel and leaves the value unchanged; a success
// round-trips through MarshalText, String and Chinese.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"", "like", "Must Be", "live-with", "attractive", "one dimensional", "questionable",
		"subtractive", "ratio", "Ratio", "unknown", "\xff", "Answer(9)", " neutral ",
		"理应如此", "能忍受", "期望属性", "可疑结果", "差值法", "比值法", "MUST_BE", "P − E", "ratio (P/E − 1)", "A", "q", "I can live with it"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := ep.Answer(42)
		if err := a.UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, ep.ErrInvalid) || a != 42 {
				t.Fatalf("Answer %q: %v, %v", s, a, err)
			}
		} else if b, err := a.MarshalText(); err != nil {
			t.Fatalf("Answer %q gave %d that does not marshal: %v", s, int(a), err)
		} else {
			for _, text := range []string{string(b), a.String(), a.Chinese()} {
				if back := ep.Answer(42); back.UnmarshalText([]byte(text)) != nil || back != a {
					t.Fatalf("Answer round trip of %v through %q", a, text)
				}
			}
		}
		c := ep.Category(42)
		if err := c.UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, ep.ErrInvalid) || c != 42 {
				t.Fatalf("Category %q: %v, %v", s, c, err)
			}
		} else if b, err := c.MarshalText(); err != nil {
			t.Fatalf("Category %q gave %d that does not marshal: %v", s, int(c), err)
		} else {
			for _, text := range []string{string(b), c.String(), c.Chinese()} {
				if back := ep.Category(42); back.UnmarshalText([]byte(text)) != nil || back != c {
					t.Fatalf("Category round trip of %v through %q", c, text)
				}
			}
		}
		fm := ep.Form(42)
		if err := fm.UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, ep.ErrModel) || fm != 42 {
				t.Fatalf("Form %q: %v, %v", s, fm, err)
			}
		} else if b, err := fm.MarshalText(); err != nil {
			t.Fatalf("Form %q gave %d that does not marshal: %v", s, int(fm), err)
		} else {
			for _, text := range []string{string(b), fm.String(), fm.Chinese()} {
				if back := ep.Form(42); back.UnmarshalText([]byte(text)) != nil || back != fm {
					t.Fatalf("Form round trip of %v through %q", fm, text)
				}
			}
		}
	})
}

// FuzzUnmarshalJSON decodes arbitrary documents into every JSON type of
// the package: no panic, and whatever decodes encodes and decodes again
// to an equal value.
func FuzzUnmarshalJSON(f *testing.F) {
	for _, s := range []string{`{}`, `null`, `{"low":null,"high":0.5}`, `{"n":0,"shares":[null,null,null,null,null],"mean":null,"csat":null,"csat_interval":{"low":null,"high":null},"reason":"no answers"}`,
		`{"counts":[1,2,3,4,5,6,7],"mean":1e400}`, `{"dominant":"must-be","satisfaction":null}`, `{"level":"惊喜","disconfirmation":-0}`,
		`{"experience":null,"word_of_mouth":4}`, `{"form":"ratio","tolerance":null,"confirmed":"satisfied"}`, `{"form":"log"}`, `[`, `{"n":-1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		news := []func() any{
			func() any { return new(ep.Interval) }, func() any { return new(ep.CSATReport) },
			func() any { return new(ep.EffortReport) }, func() any { return new(ep.KanoReport) },
			func() any { return new(ep.Outcome) }, func() any { return new(ep.Sources) },
			func() any { return new(ep.Weights) }, func() any { return new(ep.Model) },
		}
		for _, mk := range news {
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
			if d := cmp.Diff(deref(v), deref(back), cmpopts.EquateNaNs()); d != "" {
				t.Fatalf("%T round trip of %s mismatch:\n%s", v, b, d)
			}
		}
	})
}

// FuzzOffer checks that the value functions and Ratio finish quickly for
// any amounts and places, and fail exactly for negative amounts, exponents
// beyond MaxExponent and places beyond 0..MaxPlaces.
func FuzzOffer(f *testing.F) {
	f.Add(int64(10), int32(0), int64(3), int32(0), int32(2))
	f.Add(int64(10), int32(0), int64(3), int32(0), int32(3_000_000))
	f.Add(int64(1), int32(math.MaxInt32), int64(1), int32(0), int32(2))
	f.Add(int64(1), int32(-ep.MaxExponent), int64(1), int32(ep.MaxExponent), int32(ep.MaxPlaces))
	f.Add(int64(-5), int32(0), int64(0), int32(0), int32(-1))
	f.Add(int64(math.MinInt64), int32(math.MinInt32), int64(0), int32(0), int32(0))
	f.Fuzz(func(t *testing.T, v int64, ve int32, c int64, ce int32, places int32) {
		o := ep.Offer{Name: "o", Product: decimal.New(v, ve), Monetary: decimal.New(c, ce)}
		// decimal.New(0, e) keeps exponent e: a zero amount with a huge
		// exponent is rejected too.
		inRange := func(e int32) bool { return e >= -ep.MaxExponent && e <= ep.MaxExponent }
		valid := v >= 0 && c >= 0 && inRange(ve) && inRange(ce)
		err := o.Validate()
		if valid != (err == nil) {
			t.Fatalf("Validate(%v·10^%d, %v·10^%d) = %v", v, ve, c, ce, err)
		}
		_, errV := o.TotalValue()
		_, errC := o.TotalCost()
		dv, errD := o.Delivered()
		r, errR := o.Ratio(places)
		if err != nil {
			for _, e := range []error{err, errV, errC, errD, errR} {
				if !errors.Is(e, ep.ErrInvalid) {
					t.Fatalf("invalid offer: error %v", e)
				}
			}
			return
		}
		if errV != nil || errC != nil || errD != nil {
			t.Fatalf("valid offer: %v %v %v", errV, errC, errD)
		}
		if want := decimal.New(v, ve).Sub(decimal.New(c, ce)); !dv.Equal(want) {
			t.Fatalf("Delivered = %s, want %s", dv, want)
		}
		if okR := places >= 0 && places <= ep.MaxPlaces && c != 0; okR != (errR == nil) {
			t.Fatalf("Ratio(%d) = %s, %v", places, r, errR)
		}
		if best, err := ep.Choose([]ep.Offer{o, {Name: "nothing"}}); err != nil || best < 0 || best > 1 {
			t.Fatalf("Choose = %d, %v", best, err)
		}
	})
}
