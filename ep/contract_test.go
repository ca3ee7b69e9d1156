package ep_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/ep"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
)

// TestMergeNilAndZero: `var t ep.Tally; t.Merge(nil)` used to panic.
func TestMergeNilAndZero(t *testing.T) {
	var tl ep.Tally
	if err := tl.Merge(nil); err != nil || tl.N() != 0 {
		t.Errorf("Tally.Merge(nil) = %v, N = %d", err, tl.N())
	}
	var et ep.EffortTally
	if err := et.Merge(nil); err != nil || et.Report().N != 0 {
		t.Errorf("EffortTally.Merge(nil) = %v", err)
	}
	var kt ep.KanoTally
	if err := kt.Merge(nil); err != nil || kt.Report().N != 0 {
		t.Errorf("KanoTally.Merge(nil) = %v", err)
	}
	// Nil receivers: reads are empty, writes are errors.
	var nt *ep.Tally
	if nt.N() != 0 || nt.Count(ep.Satisfied) != 0 || nt.Report().Reason != ep.ReasonNoAnswers {
		t.Error("nil *Tally does not read as empty")
	}
	if err := nt.Add(ep.Satisfied); !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("nil Tally.Add err = %v", err)
	}
	if err := nt.Merge(&tl); !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("nil Tally.Merge err = %v", err)
	}
	var ne *ep.EffortTally
	if err := ne.Add(3); !errors.Is(err, ep.ErrInvalid) || ne.Report().N != 0 {
		t.Errorf("nil EffortTally.Add err = %v", err)
	}
	var nk *ep.KanoTally
	if _, err := nk.Add(ep.AnswerLike, ep.AnswerDislike); !errors.Is(err, ep.ErrInvalid) || nk.Report().N != 0 {
		t.Errorf("nil KanoTally.Add err = %v", err)
	}
	var nl *ep.Level
	if err := nl.UnmarshalText([]byte("5")); !errors.Is(err, ep.ErrLevel) {
		t.Errorf("nil *Level UnmarshalText err = %v", err)
	}
}

// TestWilsonContainsEstimate: Wilson(4, 4, .95).High was
// 0.9999999999999999, below p̂ = 1 (1,049 of 4,000 cases with k = 0 or
// k = n missed p̂).
func TestWilsonContainsEstimate(t *testing.T) {
	// Exact: for k = n, centre + half = 1 and centre − half = n/(n + z²);
	// mpmath (dps 30): z = √2·erfinv(0.95) = 1.95996398454005423552459443052,
	// 4/(4 + z²) = 0.510109163545402638228115797867.
	got := ep.Wilson(4, 4, 0.95)
	want := ep.Interval{Low: 0.510109163545402638228115797867, High: 1}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-15, 0)); d != "" || got.High != 1 {
		t.Errorf("Wilson(4, 4, .95) mismatch (-want +got):\n%s (High = %v)", d, got.High)
	}
	misses := 0
	for n := int64(1); n <= 2000; n++ {
		for _, conf := range []float64{0.8, 0.95, 0.99} {
			for _, k := range []int64{0, 1, n / 3, n / 2, n - 1, n} {
				iv := ep.Wilson(k, n, conf)
				p := float64(k) / float64(n)
				if !(0 <= iv.Low && iv.Low <= p && p <= iv.High && iv.High <= 1) ||
					(k == 0 && iv.Low != 0) || (k == n && iv.High != 1) {
					misses++
					if misses < 5 {
						t.Errorf("Wilson(%d, %d, %v) = %+v, p̂ = %v", k, n, conf, iv, p)
					}
				}
			}
		}
	}
	if misses > 0 {
		t.Errorf("%d intervals miss p̂ or the end of [0, 1]", misses)
	}
}

// TestTallyOverflow: Tally.Add and every Merge did not check for int64
// overflow (AddN did); N went negative.
func TestTallyOverflow(t *testing.T) {
	var tl ep.Tally
	if err := tl.AddN(ep.Satisfied, math.MaxInt64); err != nil {
		t.Fatal(err)
	}
	if err := tl.Add(ep.Delighted); !errors.Is(err, ep.ErrInvalid) || tl.N() != math.MaxInt64 || tl.Count(ep.Delighted) != 0 {
		t.Errorf("Add past MaxInt64: err = %v, N = %d", err, tl.N())
	}
	var one ep.Tally
	_ = one.Add(ep.Neutral)
	if err := tl.Merge(&one); !errors.Is(err, ep.ErrInvalid) || tl.N() != math.MaxInt64 {
		t.Errorf("Tally.Merge past MaxInt64: err = %v, N = %d", err, tl.N())
	}
	if err := one.Merge(&tl); !errors.Is(err, ep.ErrInvalid) || one.N() != 1 {
		t.Errorf("Tally.Merge past MaxInt64 (other way): err = %v, N = %d", err, one.N())
	}

	// EffortTally and KanoTally have no AddN: double one answer by
	// merging the tally into itself; after 62 doublings N = 2⁶², one more
	// would be 2⁶³ > MaxInt64.
	var et ep.EffortTally
	var kt ep.KanoTally
	if err := et.Add(7); err != nil {
		t.Fatal(err)
	}
	if _, err := kt.Add(ep.AnswerLike, ep.AnswerDislike); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 62; i++ {
		if err := et.Merge(&et); err != nil {
			t.Fatalf("EffortTally doubling %d: %v", i, err)
		}
		if err := kt.Merge(&kt); err != nil {
			t.Fatalf("KanoTally doubling %d: %v", i, err)
		}
	}
	if err := et.Merge(&et); !errors.Is(err, ep.ErrInvalid) || et.Report().N != 1<<62 {
		t.Errorf("EffortTally.Merge past MaxInt64: err = %v, N = %d", err, et.Report().N)
	}
	if err := kt.Merge(&kt); !errors.Is(err, ep.ErrInvalid) || kt.Report().N != 1<<62 {
		t.Errorf("KanoTally.Merge past MaxInt64: err = %v, N = %d", err, kt.Report().N)
	}
	// Bring the counts to MaxInt64 = 2⁰ + 2¹ + … + 2⁶² exactly, by merging
	// a tally that doubles each step.
	var fullE, powE ep.EffortTally
	var fullK, powK ep.KanoTally
	_ = powE.Add(1)
	_, _ = powK.Add(ep.AnswerNeutral, ep.AnswerNeutral)
	for i := 0; i <= 62; i++ {
		if err := fullE.Merge(&powE); err != nil {
			t.Fatalf("EffortTally sum %d: %v", i, err)
		}
		if err := fullK.Merge(&powK); err != nil {
			t.Fatalf("KanoTally sum %d: %v", i, err)
		}
		if i < 62 {
			_ = powE.Merge(&powE)
			_ = powK.Merge(&powK)
		}
	}
	if n := fullE.Report().N; n != math.MaxInt64 {
		t.Fatalf("EffortTally N = %d, want MaxInt64", n)
	}
	if err := fullE.Add(4); !errors.Is(err, ep.ErrInvalid) || fullE.Report().N != math.MaxInt64 {
		t.Errorf("EffortTally.Add past MaxInt64: err = %v", err)
	}
	if _, err := fullK.Add(ep.AnswerLike, ep.AnswerDislike); !errors.Is(err, ep.ErrInvalid) || fullK.Report().N != math.MaxInt64 {
		t.Errorf("KanoTally.Add past MaxInt64: err = %v", err)
	}
	s := et.Report()
	if s.N != 1<<62 || s.Mean != 7 || s.Easy != 1 || s.EasyInterval.High != 1 {
		t.Errorf("EffortTally of 2⁶² sevens: %+v", s)
	}
	r := kt.Report()
	if r.N != 1<<62 || r.Dominant != ep.OneDimensional || r.Satisfaction != 1 || r.Dissatisfaction != -1 {
		t.Errorf("KanoTally of 2⁶² one-dimensional answers: %+v", r)
	}
}

// TestRatioPlaces: Offer.Ratio(3_000_000) took 2.1 s; the number of places
// is now capped at MaxPlaces, and amounts at MaxExponent.
func TestRatioPlaces(t *testing.T) {
	o := ep.Offer{Name: "x", Product: decimal.NewFromInt(10), Monetary: decimal.NewFromInt(3)}
	start := time.Now()
	if _, err := o.Ratio(3_000_000); !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("Ratio(3_000_000) err = %v", err)
	}
	if _, err := o.Ratio(-1); !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("Ratio(-1) err = %v", err)
	}
	r, err := o.Ratio(ep.MaxPlaces)
	if err != nil {
		t.Fatal(err)
	}
	// 10/3 = 3.333…, rounded half away from zero: MaxPlaces threes.
	if want := "3." + strings.Repeat("3", ep.MaxPlaces); r.String() != want {
		t.Errorf("Ratio(MaxPlaces) = %s", r)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Ratio calls took %v", d)
	}
	// An amount of 1·10^(2³¹−1) would make every sum rescale to a number
	// of two billion digits.
	huge := ep.Offer{Name: "huge", Product: decimal.New(1, math.MaxInt32), Monetary: decimal.NewFromInt(1)}
	start = time.Now()
	if _, err := huge.TotalValue(); !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("TotalValue with exponent 2³¹−1: err = %v", err)
	}
	if _, err := huge.Delivered(); !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("Delivered with exponent 2³¹−1: err = %v", err)
	}
	if _, err := ep.Choose([]ep.Offer{o, huge}); !errors.Is(err, ep.ErrInvalid) || !strings.Contains(err.Error(), "offer 1") {
		t.Errorf("Choose with exponent 2³¹−1: err = %v", err)
	}
	tiny := ep.Offer{Name: "tiny", Product: decimal.New(1, -ep.MaxExponent), Monetary: decimal.New(1, ep.MaxExponent)}
	if v, err := tiny.Delivered(); err != nil || v.Sign() >= 0 {
		t.Errorf("Delivered at the exponent limits = %v, %v", v, err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("huge amounts took %v", d)
	}
}

// TestErrorPrefixOnce: messages repeated the prefix ("ep: offer 0: ep:
// offer "x": monetary cost -5 is negative: ep: invalid input").
func TestErrorPrefixOnce(t *testing.T) {
	bad := ep.Offer{Name: "x", Monetary: decimal.NewFromInt(-5)}
	_, err := ep.Choose([]ep.Offer{bad})
	if want := `ep: offer 0: offer "x": monetary cost -5 is negative: invalid input`; err == nil || err.Error() != want {
		t.Errorf("Choose error = %v, want %s", err, want)
	}
	ratio := ep.Model{Form: ep.Ratio, Tolerance: 0.1, Delight: 0.2, Severe: 0.2, Confirmed: ep.Neutral}
	var tl ep.Tally
	_ = tl.AddN(ep.Neutral, math.MaxInt64)
	var lv ep.Level
	var ans ep.Answer
	var cat ep.Category
	var form ep.Form
	_, choose0 := ep.Choose(nil)
	_, _, replay := ep.Replay(ratio, 1, 1, []float64{-1})
	_, _, replayModel := ep.Replay(ep.Model{}, 1, 0.5, nil)
	_, blend := ep.Blend(ep.Sources{1, 2, 3}, ep.Weights{-1, 1, 1})
	_, update := ep.Update(1, 2, 1.5)
	_, compare := ratio.Compare(0, 1)
	_, level := ep.LevelOf(7)
	_, classify := ep.Classify(ep.AnswerUnknown, ep.AnswerLike)
	_, ratioErr := bad.Ratio(2)
	_, total := bad.TotalCost()
	_, marshal := ep.Level(9).MarshalText()
	var js ep.CSATReport
	cases := []struct {
		name     string
		err      error
		sentinel error
	}{
		{"Choose(nil)", choose0, ep.ErrEmpty},
		{"Replay ratio", replay, ep.ErrInvalid},
		{"Replay model", replayModel, ep.ErrModel},
		{"Blend", blend, ep.ErrInvalid},
		{"Update", update, ep.ErrInvalid},
		{"Compare", compare, ep.ErrInvalid},
		{"Validate", ep.Model{}.Validate(), ep.ErrModel},
		{"LevelOf", level, ep.ErrLevel},
		{"Classify", classify, ep.ErrInvalid},
		{"Ratio", ratioErr, ep.ErrInvalid},
		{"TotalCost", total, ep.ErrInvalid},
		{"Offer.Validate", bad.Validate(), ep.ErrInvalid},
		{"Tally.Add", tl.Add(ep.Neutral), ep.ErrInvalid},
		{"Tally.Add level", tl.Add(ep.Unknown), ep.ErrLevel},
		{"Level.UnmarshalText", lv.UnmarshalText([]byte("great")), ep.ErrLevel},
		{"Level.MarshalText", marshal, ep.ErrLevel},
		{"Answer.UnmarshalText", ans.UnmarshalText([]byte("love")), ep.ErrInvalid},
		{"Category.UnmarshalText", cat.UnmarshalText([]byte("nice")), ep.ErrInvalid},
		{"Form.UnmarshalText", form.UnmarshalText([]byte("log")), ep.ErrModel},
		{"CSATReport.UnmarshalJSON", json.Unmarshal([]byte(`{"n":"x"}`), &js), nil},
	}
	for _, c := range cases {
		if c.err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		msg := c.err.Error()
		if c.sentinel == nil {
			continue // a JSON syntax error comes from encoding/json
		}
		if !strings.HasPrefix(msg, "ep: ") || strings.Count(msg, "ep: ") != 1 {
			t.Errorf("%s: %q does not carry the prefix exactly once", c.name, msg)
		}
		if !errors.Is(c.err, c.sentinel) {
			t.Errorf("%s: %q does not wrap %v", c.name, msg, c.sentinel)
		}
	}
	for _, s := range []error{ep.ErrInvalid, ep.ErrModel, ep.ErrEmpty, ep.ErrLevel} {
		if strings.Contains(s.Error(), "ep:") {
			t.Errorf("sentinel %q carries the prefix", s)
		}
	}
}

// TestEmptyResultsJSON: JSON of an empty tally, effort or Kano result
// failed with "unsupported value: NaN".
func TestEmptyResultsJSON(t *testing.T) {
	var tl ep.Tally
	var et ep.EffortTally
	var kt ep.KanoTally
	for _, v := range []any{tl.Report(), et.Report(), kt.Report()} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Errorf("json.Marshal(%T) = %v", v, err)
			continue
		}
		if !strings.Contains(string(b), "null") || !strings.Contains(string(b), `"reason":"no answers"`) {
			t.Errorf("%T encodes as %s", v, b)
		}
	}
}

// TestJSONRoundTrip checks that every exported result type of the package
// encodes NaN and ±Inf as null and decodes back to an equal value (null →
// NaN; ±Inf comes back as NaN, since JSON has no infinity).
func TestJSONRoundTrip(t *testing.T) {
	nan := math.NaN()
	tally := func(counts ...int64) ep.CSATReport {
		var tl ep.Tally
		for i, c := range counts {
			if err := tl.AddN(ep.Level(i+1), c); err != nil {
				t.Fatal(err)
			}
		}
		return tl.Report()
	}
	effort := func(ratings ...int) ep.EffortReport {
		var et ep.EffortTally
		for _, r := range ratings {
			if err := et.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		return et.Report()
	}
	kano := func(pairs ...ep.Answer) ep.KanoReport {
		var kt ep.KanoTally
		for i := 0; i+1 < len(pairs); i += 2 {
			if _, err := kt.Add(pairs[i], pairs[i+1]); err != nil {
				t.Fatal(err)
			}
		}
		return kt.Report()
	}
	outcome := func(e, p float64) ep.Outcome {
		o, err := ep.EPModel().Compare(e, p)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	tests := []struct {
		name string
		v    any
		new  func() any
	}{
		{"Interval zero", ep.Interval{}, func() any { return new(ep.Interval) }},
		{"Interval NaN", ep.Interval{nan, nan}, func() any { return new(ep.Interval) }},
		{"Interval one", ep.Wilson(1, 1, 0.95), func() any { return new(ep.Interval) }},
		{"Interval typical", ep.Wilson(35, 50, 0.95), func() any { return new(ep.Interval) }},
		{"CSATReport zero", ep.CSATReport{}, func() any { return new(ep.CSATReport) }},
		{"CSATReport empty", tally(), func() any { return new(ep.CSATReport) }},
		{"CSATReport one", tally(0, 0, 0, 1), func() any { return new(ep.CSATReport) }},
		{"CSATReport typical", tally(2, 3, 10, 25, 10), func() any { return new(ep.CSATReport) }},
		{"EffortReport zero", ep.EffortReport{}, func() any { return new(ep.EffortReport) }},
		{"EffortReport empty", effort(), func() any { return new(ep.EffortReport) }},
		{"EffortReport one", effort(6), func() any { return new(ep.EffortReport) }},
		{"EffortReport typical", effort(7, 6, 6, 5, 3, 7, 2, 6), func() any { return new(ep.EffortReport) }},
		{"KanoReport zero", ep.KanoReport{}, func() any { return new(ep.KanoReport) }},
		{"KanoReport empty", kano(), func() any { return new(ep.KanoReport) }},
		{"KanoReport one reverse", kano(ep.AnswerDislike, ep.AnswerLike), func() any { return new(ep.KanoReport) }},
		{"KanoReport typical", kano(ep.AnswerLike, ep.AnswerNeutral, ep.AnswerLike, ep.AnswerDislike, ep.AnswerMustBe, ep.AnswerDislike), func() any { return new(ep.KanoReport) }},
		{"Outcome zero", ep.Outcome{}, func() any { return new(ep.Outcome) }},
		{"Outcome NaN", ep.Outcome{Expectation: nan, Performance: nan, Disconfirmation: nan}, func() any { return new(ep.Outcome) }},
		{"Outcome typical", outcome(4, 6), func() any { return new(ep.Outcome) }},
		{"Sources zero", ep.Sources{}, func() any { return new(ep.Sources) }},
		{"Sources missing", ep.Sources{Experience: 5, WordOfMouth: nan, Promises: nan}, func() any { return new(ep.Sources) }},
		{"Weights typical", ep.Weights{2, 1, 1}, func() any { return new(ep.Weights) }},
		{"Weights NaN", ep.Weights{nan, 1, 1}, func() any { return new(ep.Weights) }},
		{"Model zero", ep.Model{}, func() any { return new(ep.Model) }},
		{"Model Kotler", ep.KotlerModel(), func() any { return new(ep.Model) }},
		{"Model NaN", ep.Model{Form: ep.Ratio, Tolerance: nan, Confirmed: ep.Satisfied}, func() any { return new(ep.Model) }},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.v)
		if err != nil {
			t.Errorf("%s: Marshal: %v", tt.name, err)
			continue
		}
		back := tt.new()
		if err := json.Unmarshal(b, back); err != nil {
			t.Errorf("%s: Unmarshal(%s): %v", tt.name, b, err)
			continue
		}
		got := deref(back)
		if d := cmp.Diff(tt.v, got, cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: round trip of %s mismatch (-want +got):\n%s", tt.name, b, d)
		}
	}
	// ±Inf encodes as null too, and comes back as NaN.
	b, err := json.Marshal(ep.Interval{math.Inf(-1), math.Inf(1)})
	if err != nil || string(b) != `{"low":null,"high":null}` {
		t.Errorf("Interval{-Inf, +Inf} encodes as %s, %v", b, err)
	}
}

func deref(v any) any {
	switch p := v.(type) {
	case *ep.Interval:
		return *p
	case *ep.CSATReport:
		return *p
	case *ep.EffortReport:
		return *p
	case *ep.KanoReport:
		return *p
	case *ep.Outcome:
		return *p
	case *ep.Sources:
		return *p
	case *ep.Weights:
		return *p
	case *ep.Model:
		return *p
	}
	panic("deref: unknown type")
}

// TestConcurrentReads backs the documented concurrency (run with -race):
// read methods may run concurrently with each other, and the source of a
// Merge is only read.
func TestConcurrentReads(t *testing.T) {
	var src ep.Tally
	_ = src.AddN(ep.Satisfied, 10)
	var esrc ep.EffortTally
	_ = esrc.Add(5)
	var ksrc ep.KanoTally
	_, _ = ksrc.Add(ep.AnswerLike, ep.AnswerDislike)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			var dst ep.Tally
			var edst ep.EffortTally
			var kdst ep.KanoTally
			for i := 0; i < 100; i++ {
				_ = src.Report()
				_ = src.N()
				_ = dst.Merge(&src)
				_ = esrc.Report()
				_ = edst.Merge(&esrc)
				_ = ksrc.Report()
				_ = kdst.Merge(&ksrc)
			}
			done <- dst.N() == 1000 && edst.Report().N == 100 && kdst.Report().N == 100
		}()
	}
	for g := 0; g < 4; g++ {
		if !<-done {
			t.Error("concurrent merges lost counts")
		}
	}
}
