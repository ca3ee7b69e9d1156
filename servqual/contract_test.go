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

// TestNilAndZeroValues: nil and zero-value receivers and arguments return
// errors or zero values instead of panicking.
func TestNilAndZeroValues(t *testing.T) {
	r := servqual.Response{Perception: fill(22, 4)}

	// NewAccumulator(nil) then Add used to panic.
	a := servqual.NewAccumulator(nil)
	if err := a.Add(r); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("NewAccumulator(nil).Add: %v, want ErrInstrument", err)
	}
	checkErr(t, a.Add(r))
	if a.N() != 0 || a.Instrument() != nil {
		t.Errorf("NewAccumulator(nil): N %d, instrument %v", a.N(), a.Instrument())
	}
	// A zero Instrument behaves like nil.
	var zero servqual.Instrument
	if err := servqual.NewAccumulator(&zero).Add(r); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("zero instrument Add: %v", err)
	}
	if _, err := zero.Score(r); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("zero instrument Score: %v", err)
	}
	if _, _, err := zero.DimensionMeans([]float64{1}, 0); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("zero instrument DimensionMeans: %v", err)
	}

	// acc.Merge(nil) used to panic.
	acc := servqual.NewAccumulator(servqual.SERVQUAL())
	if err := acc.Add(r); err != nil {
		t.Fatal(err)
	}
	if err := acc.Merge(nil); !errors.Is(err, servqual.ErrArgument) {
		t.Errorf("Merge(nil): %v, want ErrArgument", err)
	}
	if acc.N() != 1 {
		t.Errorf("Merge(nil) changed N to %d", acc.N())
	}
	if err := acc.Merge(&servqual.Accumulator{}); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("Merge(zero): %v", err)
	}

	// A nil *Accumulator.
	var na *servqual.Accumulator
	if err := na.Add(r); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("nil Add: %v", err)
	}
	if err := na.Merge(acc); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("nil Merge: %v", err)
	}
	if rep := na.Report(); rep.Instrument != "" || rep.Responses != 0 {
		t.Errorf("nil Report: %+v", rep)
	}
	if _, err := na.KeyDrivers(servqual.Perception, "overall"); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("nil KeyDrivers: %v", err)
	}
	if _, err := na.Reliability(servqual.Perception); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("nil Reliability: %v", err)
	}
	if _, err := na.IPA(servqual.Perception, nil, nil); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("nil IPA: %v", err)
	}
	if na.N() != 0 || na.Instrument() != nil {
		t.Error("nil accumulator has data")
	}

	// Instrument lookups out of range; SERVQUAL().Item(-1) used to panic.
	in := servqual.SERVQUAL()
	if it := in.Item(-1); it != (servqual.Item{}) {
		t.Errorf("Item(-1) = %+v", it)
	}
	if it := in.Item(22); it != (servqual.Item{}) {
		t.Errorf("Item(22) = %+v", it)
	}
	if d := in.Dimension(5); d != (servqual.Dimension{}) {
		t.Errorf("Dimension(5) = %+v", d)
	}
	if o := in.Outcome(-3); o != (servqual.OutcomeRating{}) {
		t.Errorf("Outcome(-3) = %+v", o)
	}
	if in.DimensionOf(99) != -1 || in.ItemsOf(-1) != nil || in.ItemIndex("nope") != -1 {
		t.Error("lookups out of range")
	}
	var ni *servqual.Instrument
	if ni.Name() != "" || ni.NumItems() != 0 || ni.NumDimensions() != 0 || ni.NumOutcomes() != 0 ||
		ni.Item(0) != (servqual.Item{}) || ni.Items() != nil || ni.Dimensions() != nil || ni.Outcomes() != nil ||
		ni.DimensionOf(0) != -1 || ni.ItemsOf(0) != nil || ni.ItemIndex("Q1") != -1 || ni.Scale() != (servqual.Scale{}) {
		t.Error("nil instrument lookups")
	}
	if _, err := ni.Score(r); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("nil Score: %v", err)
	}

	// (&InputError{}).Error() used to panic (Err nil).
	if got := (&servqual.InputError{}).Error(); got != "servqual: respondent 0, invalid input" {
		t.Errorf("zero InputError: %q", got)
	}
	if got := (&servqual.InputError{Respondent: -1, Err: servqual.ErrLength}).Error(); got != "servqual: wrong length" {
		t.Errorf("InputError without field: %q", got)
	}
	var nie *servqual.InputError
	if nie.Error() == "" || nie.Unwrap() != nil {
		t.Error("nil InputError")
	}

	// Measures.Get on nil.
	var ms *servqual.Measures
	if ms.Get(servqual.Gap) != nil {
		t.Error("nil Measures")
	}
	// Enum parsers into nil pointers.
	var m *servqual.Measure
	checkErr(t, m.UnmarshalText([]byte("gap")))
	var z *servqual.Zone
	checkErr(t, z.UnmarshalText([]byte("below")))
	var q *servqual.Quadrant
	checkErr(t, q.UnmarshalText([]byte("low priority")))
}

// TestAnalyzeEmpty: Analyze(in, nil) used to return no error and a report
// without priorities; it is ErrEmpty now.
func TestAnalyzeEmpty(t *testing.T) {
	for _, rs := range [][]servqual.Response{nil, {}} {
		rep, err := servqual.Analyze(servqual.SERVQUAL(), rs)
		if !errors.Is(err, servqual.ErrEmpty) {
			t.Errorf("Analyze(%v): %v, want ErrEmpty", rs, err)
		}
		checkErr(t, err)
		if rep.Instrument != "" || rep.DimensionPriorities != nil {
			t.Errorf("Analyze(%v) returned a report %+v", rs, rep)
		}
	}
	if _, err := servqual.Analyze(nil, []servqual.Response{{}}); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("Analyze(nil, …): %v", err)
	}
	// An empty accumulator's report has no priorities, as documented.
	rep := servqual.NewAccumulator(servqual.SERVQUAL()).Report()
	if len(rep.ItemPriorities) != 0 || len(rep.DimensionPriorities) != 0 || rep.Responses != 0 {
		t.Errorf("empty report %+v", rep)
	}
}

// driversInstrument has two one-item dimensions and an outcome.
func driversInstrument(t testing.TB) *servqual.Instrument {
	in, err := servqual.NewInstrument(servqual.Spec{
		Name:       "two drivers",
		Scale:      servqual.Scale{Min: 1, Max: 7},
		Dimensions: []servqual.Dimension{{Key: "x1"}, {Key: "x2"}},
		Items:      []servqual.Item{{Key: "A", Dimension: "x1"}, {Key: "B", Dimension: "x2"}},
		Outcomes:   []servqual.OutcomeRating{{Key: "y", Scale: servqual.Scale{Min: 1, Max: 7}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestKeyDriversRSquaredZero: an outcome uncorrelated with every driver
// used to give NaN Shapley and Johnson shares and a nil error.
func TestKeyDriversRSquaredZero(t *testing.T) {
	in := driversInstrument(t)
	// Hand calculation: x1 = 1,2,1,2; x2 = 1,1,2,2; y = 1,2,2,1, each with
	// mean 1.5; Σ(x1−1.5)(y−1.5) = .25+.25−.25−.25 = 0, likewise for x2,
	// and Σ(x1−1.5)(x2−1.5) = 0: orthogonal drivers, R² = 0 exactly.
	x1, x2, y := []float64{1, 2, 1, 2}, []float64{1, 1, 2, 2}, []float64{1, 2, 2, 1}
	acc := servqual.NewAccumulator(in)
	for i := range y {
		if err := acc.Add(servqual.Response{Perception: []float64{x1[i], x2[i]}, Outcomes: []float64{y[i]}}); err != nil {
			t.Fatal(err)
		}
	}
	d, err := acc.KeyDrivers(servqual.Perception, "y")
	if !errors.Is(err, servqual.ErrUndefined) {
		t.Fatalf("KeyDrivers with R² = 0: %+v, %v; want ErrUndefined", d, err)
	}
	checkErr(t, err)
	if !strings.Contains(err.Error(), "R²") || !strings.Contains(err.Error(), "outcome y") {
		t.Errorf("error %q does not say what is undefined", err)
	}
	if d.ShapleyShare != nil || d.JohnsonShare != nil {
		t.Errorf("shares returned with the error: %+v", d)
	}
	rep := acc.Report()
	if len(rep.Drivers) != 1 || rep.Drivers[0].Reason == "" || !math.IsNaN(rep.Drivers[0].RSquared) {
		t.Fatalf("report drivers %+v", rep.Drivers)
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Fatal(err)
	}
	// Too few respondents is testable too (the old error wrapped nothing).
	small := servqual.NewAccumulator(in)
	_ = small.Add(servqual.Response{Perception: []float64{1, 2}, Outcomes: []float64{3}})
	_, err = small.KeyDrivers(servqual.Perception, "y")
	if !errors.Is(err, servqual.ErrUndefined) || !strings.Contains(err.Error(), "need at least 4 complete respondents, have 1") {
		t.Errorf("few respondents: %v", err)
	}
	checkErr(t, err)
	for _, c := range []struct {
		m servqual.Measure
		o string
	}{{servqual.Measure(-1), "y"}, {servqual.NumMeasures, "y"}, {servqual.Perception, "z"}, {servqual.Perception, ""}, {servqual.Perception, "Y"}} {
		_, err := acc.KeyDrivers(c.m, c.o)
		if !errors.Is(err, servqual.ErrArgument) {
			t.Errorf("KeyDrivers(%v, %q): %v", c.m, c.o, err)
		}
		checkErr(t, err)
	}
}

// TestReliabilityZeroTotalVariance: perfectly negatively correlated items
// used to give alpha = −Inf with an empty Reason.
func TestReliabilityZeroTotalVariance(t *testing.T) {
	spec := servqual.Spec{
		Name:       "cancel",
		Scale:      servqual.Scale{Min: 1, Max: 7},
		Dimensions: []servqual.Dimension{{Key: "two"}, {Key: "three"}},
		Items: []servqual.Item{{Key: "A", Dimension: "two"}, {Key: "B", Dimension: "two"},
			{Key: "C", Dimension: "three"}, {Key: "D", Dimension: "three"}, {Key: "E", Dimension: "three"}},
	}
	in, err := servqual.NewInstrument(spec)
	if err != nil {
		t.Fatal(err)
	}
	// A = 1,2,3 and B = 8 − A: C_AA = C_BB = 2, C_AB = −2, so the total
	// A + B has variance 2 + 2 − 4 = 0 and alpha = 2·(1 − 4/0) is undefined.
	// In "three", D and E cancel likewise and C = 1,3,2 varies: C_CC = 2,
	// C_CD = Σ(c−2)(d−2) = (−1)(−1)+(1)(0)+(0)(1) = 1, C_CE = −1; the total
	// has variance C_CC = 2 (D + E is constant), so alpha = 3/2·(1 − 6/2)
	// = −3, and dropping C leaves D + E: alpha-if-dropped undefined.
	rows := [][]float64{{1, 7, 1, 1, 7}, {2, 6, 3, 2, 6}, {3, 5, 2, 3, 5}}
	acc := servqual.NewAccumulator(in)
	for _, p := range rows {
		if err := acc.Add(servqual.Response{Perception: p}); err != nil {
			t.Fatal(err)
		}
	}
	rel, err := acc.Reliability(servqual.Perception)
	if err != nil {
		t.Fatal(err)
	}
	two := rel[0]
	if !math.IsNaN(two.Alpha) || two.Reason == "" || !math.IsNaN(two.StdAlpha) {
		t.Errorf("two cancelling items: alpha %v, std alpha %v, reason %q", two.Alpha, two.StdAlpha, two.Reason)
	}
	checkDefined(t, two.Reason, two.Alpha, two.StdAlpha, two.MeanR)
	for _, it := range two.Items {
		checkDefined(t, it.Reason, it.ItemRest, it.AlphaIfDropped)
	}
	three := rel[1]
	if math.Abs(three.Alpha-(-3)) > 1e-12 {
		t.Errorf("three items: alpha %v, want −3 (hand calculation)", three.Alpha)
	}
	if c := three.Items[0]; !math.IsNaN(c.AlphaIfDropped) || c.Reason == "" {
		t.Errorf("item C: %+v, want NaN alpha-if-dropped with a reason", c)
	}
	for _, r := range rel {
		checkDefined(t, r.Reason, r.Alpha, r.StdAlpha, r.MeanR)
		for _, it := range r.Items {
			checkDefined(t, it.Reason, it.ItemRest, it.AlphaIfDropped)
		}
	}
	if _, err := json.Marshal(rel); err != nil {
		t.Fatal(err)
	}
	_, err = acc.Reliability(servqual.Measure(7))
	if !errors.Is(err, servqual.ErrArgument) {
		t.Errorf("Reliability(7): %v", err)
	}
	checkErr(t, err)
}

// TestHugeScales: a scale of ±1e308 let the gap overflow; scales beyond
// MaxScale are rejected and the largest accepted keeps everything finite.
func TestHugeScales(t *testing.T) {
	spec := func(s servqual.Scale, o servqual.Scale) servqual.Spec {
		return servqual.Spec{
			Name:       "huge",
			Scale:      s,
			Dimensions: []servqual.Dimension{{Key: "d"}},
			Items:      []servqual.Item{{Key: "A", Dimension: "d"}, {Key: "B", Dimension: "d", Reverse: true}},
			Outcomes:   []servqual.OutcomeRating{{Key: "y", Scale: o}},
		}
	}
	ok := servqual.Scale{Min: 1, Max: 7}
	for _, s := range []servqual.Scale{{Min: -1e308, Max: 1e308}, {Min: 0, Max: 1e101}, {Min: -math.MaxFloat64, Max: 0},
		{Min: 1, Max: 1}, {Min: 0, Max: 1e-101}, {Min: math.NaN(), Max: 1}, {Min: 0, Max: math.Inf(1)}} {
		for _, sp := range []servqual.Spec{spec(s, ok), spec(ok, s)} {
			_, err := servqual.NewInstrument(sp)
			if !errors.Is(err, servqual.ErrInstrument) {
				t.Errorf("scale %v accepted: %v", s, err)
				continue
			}
			checkErr(t, err)
		}
	}
	big := servqual.Scale{Min: -servqual.MaxScale, Max: servqual.MaxScale}
	in, err := servqual.NewInstrument(spec(big, big))
	if err != nil {
		t.Fatal(err)
	}
	acc := servqual.NewAccumulator(in)
	for _, r := range []servqual.Response{
		{Expectation: []float64{-1e100, 1e100}, Perception: []float64{1e100, -1e100}, Outcomes: []float64{1e100}},
		{Expectation: []float64{1e100, -1e100}, Perception: []float64{-1e100, 1e100}, Outcomes: []float64{-1e100}},
		{Expectation: []float64{0, 1e100}, Perception: []float64{1e100, 0}, Outcomes: []float64{0}},
	} {
		if err := acc.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	rep := acc.Report()
	for _, it := range rep.Items {
		for m := servqual.Gap; m < servqual.NumMeasures; m++ {
			if s := it.Get(m); s != nil {
				checkDefined(t, "", s.Mean, s.SD, s.SE, s.CI.Low, s.CI.High)
			}
		}
	}
	g := rep.Overall.Gap
	checkDefined(t, "", g.Mean, g.SD, g.SE, g.CI.Low, g.CI.High, g.P)
	for _, r := range rep.Reliability {
		checkDefined(t, r.Reason, r.Alpha, r.StdAlpha, r.MeanR)
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Fatal(err)
	}
}

// TestIPAHuge: IPA with ±1e308 overflowed its standard deviations and
// returned meaningless priorities.
func TestIPAHuge(t *testing.T) {
	// Scaled by 1e308 the axes are (1, −1, 0) and (1, 0, −1): means 0,
	// population SDs √(2/3); priorities (zᵢ − zₚ)/√2 are 0, −√3/2 and √3/2
	// (hand calculation), so c ranks first, then a, then b.
	pts, err := servqual.IPA([]string{"a", "b", "c"}, []float64{1e308, -1e308, 0}, []float64{1e308, 0, -1e308}, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := math.Sqrt(3) / 2
	want := []servqual.IPAPoint{
		{Key: "a", Importance: 1e308, Performance: 1e308, Quadrant: servqual.KeepUpTheGoodWork, Priority: 0, Rank: 2},
		{Key: "b", Importance: -1e308, Performance: 0, Quadrant: servqual.PossibleOverkill, Priority: -h, Rank: 3},
		{Key: "c", Importance: 0, Performance: -1e308, Quadrant: servqual.ConcentrateHere, Priority: h, Rank: 1},
	}
	if d := cmp.Diff(want, pts, cmpopts.EquateApprox(1e-12, 1e-12)); d != "" {
		t.Errorf("IPA(±1e308) mismatch (-want +got):\n%s", d)
	}
	// Two equal maximal values: their sum overflows without scaling.
	pts, err = servqual.IPA([]string{"a", "b", "c"}, []float64{math.MaxFloat64, math.MaxFloat64, 0}, []float64{1, 2, 3},
		&servqual.IPAOptions{Crosshair: &servqual.Crosshair{Importance: -math.MaxFloat64, Performance: 2}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pts {
		checkDefined(t, "", p.Priority)
	}
	for _, c := range []struct {
		name       string
		keys       []string
		imp, perf  []float64
		opts       *servqual.IPAOptions
		sentinel   error
		mentioning string
	}{
		{"no keys", nil, nil, nil, nil, servqual.ErrEmpty, "keys"},
		{"lengths", []string{"a", "b"}, []float64{1}, []float64{1, 2}, nil, servqual.ErrLength, "1 importances"},
		{"NaN", []string{"a", "b"}, []float64{1, math.NaN()}, []float64{1, 2}, nil, servqual.ErrOutOfScale, "item b, IPA importance"},
		{"Inf", []string{"a", "b"}, []float64{1, 2}, []float64{math.Inf(-1), 2}, nil, servqual.ErrOutOfScale, "item a, IPA performance"},
		{"flat", []string{"a", "b"}, []float64{1, 1}, []float64{1, 2}, nil, servqual.ErrUndefined, "importance does not vary"},
		{"cross", []string{"a", "b"}, []float64{1, 2}, []float64{1, 2},
			&servqual.IPAOptions{Crosshair: &servqual.Crosshair{Importance: math.NaN()}}, servqual.ErrArgument, "cross-hair"},
		{"underflowing spread", []string{"a", "b"}, []float64{0, 5e-324}, []float64{1, 2},
			&servqual.IPAOptions{Crosshair: &servqual.Crosshair{Importance: 1, Performance: 1}}, servqual.ErrUndefined, "attribute"},
	} {
		_, err := servqual.IPA(c.keys, c.imp, c.perf, c.opts)
		if !errors.Is(err, c.sentinel) || !strings.Contains(fmtErr(err), c.mentioning) {
			t.Errorf("%s: %v, want %v mentioning %q", c.name, err, c.sentinel, c.mentioning)
			continue
		}
		checkErr(t, err)
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestPriorityTiesIgnoreRoundingNoise: two items whose means are equal in
// exact arithmetic (14.3/5 = 2.86) but computed as 2.8600000000000003 and
// 2.86 (the same five ratings added in the opposite order) used to be
// ranked by the noise; they are ties, ranked in questionnaire order.
func TestPriorityTiesIgnoreRoundingNoise(t *testing.T) {
	in, err := servqual.NewInstrument(servqual.Spec{
		Name:       "ties",
		Scale:      servqual.Scale{Min: 1, Max: 7},
		Dimensions: []servqual.Dimension{{Key: "d"}, {Key: "e"}},
		Items:      []servqual.Item{{Key: "Q1", Dimension: "d"}, {Key: "Q2", Dimension: "e"}, {Key: "Q3", Dimension: "d"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	q1 := []float64{2.9, 6.5, 2, 1.2, 1.7}
	acc := servqual.NewAccumulator(in)
	for i := range q1 {
		q2 := q1[len(q1)-1-i]
		if err := acc.Add(servqual.Response{Perception: []float64{q1[i], q2, 7}}); err != nil {
			t.Fatal(err)
		}
	}
	rep := acc.Report()
	m1, m2 := rep.Items[0].Perception.Mean, rep.Items[1].Perception.Mean
	if !(m2 < m1) {
		t.Fatalf("means %.17g and %.17g: the noise this test relies on is absent", m1, m2)
	}
	var got []string
	for _, p := range rep.ItemPriorities {
		got = append(got, p.Key)
	}
	if d := cmp.Diff([]string{"Q1", "Q2", "Q3"}, got); d != "" {
		t.Errorf("item priorities (-want +got):\n%s", d)
	}
	// IPA ranks symmetric points as ties in input order too.
	// b's importance 0.1 + 0.2 = 0.30000000000000004 exceeds a's 0.3 by noise.
	b := 0.1
	pts, err := servqual.IPA([]string{"a", "b", "c"}, []float64{0.3, b + 0.2, 0}, []float64{0, 0, 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if pts[0].Rank != 1 || pts[1].Rank != 2 {
		t.Errorf("IPA ties: %+v", pts)
	}
}

// TestErrorsCarryPrefixOnceAndSentinel checks a representative set of the
// package's errors.
func TestErrorsCarryPrefixOnceAndSentinel(t *testing.T) {
	in := servqual.SERVQUAL()
	acc := servqual.NewAccumulator(in)
	bad := servqual.Response{Perception: fill(22, 4)}
	bad.Perception[4] = 9
	_, errAnalyze := servqual.Analyze(in, []servqual.Response{{Perception: fill(22, 4)}, bad})
	var m servqual.Measure
	var z servqual.Zone
	var q servqual.Quadrant
	_, errMarshal := servqual.Measure(9).MarshalText()
	_, errInst := servqual.NewInstrument(servqual.Spec{Name: "x", Scale: servqual.Scale{Min: 1, Max: 5}})
	_, errCompare := servqual.Compare(servqual.Report{}, servqual.Report{}, servqual.Gap)
	_, errCompareM := servqual.Compare(servqual.Report{}, servqual.Report{}, servqual.Measure(-2))
	_, errWelch := servqual.Welch("k", servqual.Stat{N: 0}, servqual.Stat{N: 2})
	var st servqual.Stat
	errJSON := json.Unmarshal([]byte(`{"n":"x"}`), &st)
	errJSONEnum := json.Unmarshal([]byte(`{"measure":"nope"}`), &servqual.Drivers{})
	for _, c := range []struct {
		err      error
		sentinel error
		text     string
	}{
		{acc.Add(bad), servqual.ErrOutOfScale, "servqual: item Q5, perception: rating 9 outside scale 1..7"},
		{errAnalyze, servqual.ErrOutOfScale, "servqual: respondent 1, item Q5, perception: rating 9 outside scale 1..7"},
		{m.UnmarshalText([]byte("gaps")), servqual.ErrArgument, `unknown measure "gaps"`},
		{z.UnmarshalText([]byte("middle")), servqual.ErrArgument, `unknown zone "middle"`},
		{q.UnmarshalText([]byte("middle")), servqual.ErrArgument, `unknown quadrant "middle"`},
		{errMarshal, servqual.ErrArgument, "Measure(9)"},
		{errInst, servqual.ErrInstrument, `instrument "x"`},
		{errCompare, servqual.ErrEmpty, "overall"},
		{errCompareM, servqual.ErrArgument, "measure Measure(-2)"},
		{errWelch, servqual.ErrArgument, "sample a: N = 0"},
		{errJSON, servqual.ErrArgument, "decoding Stat"},
		{errJSONEnum, servqual.ErrArgument, `unknown measure "nope"`},
		{acc.Merge(servqual.NewAccumulator(servqual.SERVQUAL1988())), servqual.ErrInstrument, "Merge"},
	} {
		if !errors.Is(c.err, c.sentinel) || !strings.Contains(fmtErr(c.err), c.text) {
			t.Errorf("error %v, want %v containing %q", c.err, c.sentinel, c.text)
			continue
		}
		checkErr(t, c.err)
	}
}

// TestJSONNaNIsNull: json.Marshal used to fail on a report where one item
// was answered by one person, on a one-response report and on a Response
// with a missing answer.
func TestJSONNaNIsNull(t *testing.T) {
	in := servqual.SERVQUAL()
	// One response: every SD is NaN.
	one := servqual.NewAccumulator(in)
	if err := one.Add(servqual.Response{Expectation: fill(22, 5), Perception: fill(22, 4), Outcomes: []float64{5}}); err != nil {
		t.Fatal(err)
	}
	// Item Q1 answered by one person of three.
	sparse := servqual.NewAccumulator(in)
	for i := 0; i < 3; i++ {
		p := fill(22, float64(3+i))
		if i > 0 {
			p[0] = math.NaN()
		}
		if err := sparse.Add(servqual.Response{Perception: p}); err != nil {
			t.Fatal(err)
		}
	}
	for name, acc := range map[string]*servqual.Accumulator{"one response": one, "one answer to Q1": sparse} {
		rep := acc.Report()
		b, err := json.Marshal(rep)
		if err != nil {
			t.Fatalf("%s: json.Marshal: %v", name, err)
		}
		var back servqual.Report
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: json.Unmarshal: %v", name, err)
		}
		if d := cmp.Diff(rep, back, cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: round trip (-want +got):\n%s", name, d)
		}
	}
	r := servqual.Response{Perception: []float64{4, math.NaN(), 5}}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"perception":[4,null,5]}` {
		t.Errorf("Response JSON %s", b)
	}
	var back servqual.Response
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(r, back, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("Response round trip (-want +got):\n%s", d)
	}
}

// TestLimits: counts and sizes beyond the documented limits are errors
// wrapping ErrLimit, and change nothing.
func TestLimits(t *testing.T) {
	acc := servqual.NewAccumulator(servqual.SERVQUAL())
	if err := acc.Add(servqual.Response{Perception: fill(22, 4)}); err != nil {
		t.Fatal(err)
	}
	// Merging an accumulator into itself doubles its count: 2⁵³ after 53
	// merges, the limit.
	for i := 0; i < 53; i++ {
		if err := acc.Merge(acc); err != nil {
			t.Fatalf("merge %d: %v", i, err)
		}
	}
	if acc.N() != servqual.MaxResponses {
		t.Fatalf("N = %d, want 2⁵³", acc.N())
	}
	before := acc.Report()
	err := acc.Merge(acc)
	if !errors.Is(err, servqual.ErrLimit) {
		t.Errorf("merge beyond the limit: %v", err)
	}
	checkErr(t, err)
	err = acc.Add(servqual.Response{Perception: fill(22, 4)})
	if !errors.Is(err, servqual.ErrLimit) {
		t.Errorf("add beyond the limit: %v", err)
	}
	if d := cmp.Diff(before, acc.Report(), cmpopts.EquateNaNs()); d != "" {
		t.Errorf("rejected merge or add changed the accumulator:\n%s", d)
	}
	if s := acc.Report().Overall.Perception; s.N != servqual.MaxResponses || s.Mean != 4 {
		t.Errorf("overall perception %+v", s)
	}

	items := make([]servqual.Item, servqual.MaxItems+1)
	for i := range items {
		items[i] = servqual.Item{Key: "Q" + strings.Repeat("x", i), Dimension: "d"}
	}
	_, err = servqual.NewInstrument(servqual.Spec{Name: "long", Scale: servqual.Scale{Min: 1, Max: 5},
		Dimensions: []servqual.Dimension{{Key: "d"}}, Items: items})
	if !errors.Is(err, servqual.ErrLimit) || !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("%d items: %v", len(items), err)
	}
	checkErr(t, err)
	_, err = servqual.NewInstrument(servqual.Spec{Name: "bad text", Scale: servqual.Scale{Min: 1, Max: 5},
		Dimensions: []servqual.Dimension{{Key: "d"}}, Items: []servqual.Item{{Key: "\xff", Dimension: "d"}}})
	if !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("invalid UTF-8 key: %v", err)
	}
}

// TestConcurrentReads backs the documented concurrency: read-only methods
// may run concurrently with each other, and a Merge source may be read
// while it is merged into other accumulators (run with -race).
func TestConcurrentReads(t *testing.T) {
	in := servqual.SERVQUAL()
	src, err := servqual.Accumulate(in, randomResponses(50, 7), 1)
	if err != nil {
		t.Fatal(err)
	}
	want := src.Report()
	targets := []*servqual.Accumulator{servqual.NewAccumulator(in), servqual.NewAccumulator(in)}
	done := make(chan error, 6)
	for _, dst := range targets {
		go func() { done <- dst.Merge(src) }()
	}
	go func() { _ = src.Report(); done <- nil }()
	go func() { _, err := src.KeyDrivers(servqual.Perception, "overall"); done <- err }()
	go func() { _, err := src.Reliability(servqual.Gap); done <- err }()
	go func() { _, err := src.IPA(servqual.Gap, []float64{1, 2, 3, 4, 5}, nil); done <- err }()
	for i := 0; i < 6; i++ {
		if err := <-done; err != nil && !errors.Is(err, servqual.ErrUndefined) {
			t.Error(err)
		}
	}
	for _, dst := range targets {
		if d := cmp.Diff(want, dst.Report(), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("merged into an empty accumulator (-want +got):\n%s", d)
		}
	}
	if d := cmp.Diff(want, src.Report(), cmpopts.EquateNaNs()); d != "" {
		t.Errorf("source changed (-want +got):\n%s", d)
	}
}
