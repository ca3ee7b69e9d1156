package servqual_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func fill(n int, v float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// threeRespondents is the hand-worked SERVQUAL sample:
//
//	R1: E = 6 everywhere; P = 5, but 4 on reliability (Q5–Q9).
//	    Dimension gaps −1, −2, −1, −1, −1; unweighted −6/5 = −1.2.
//	    Importance 10/40/20/20/10 → weighted (−10−80−20−20−10)/100 = −1.4.
//	    Overall rating 4.
//	R2: E = 7 everywhere; P = 7, but 5 on empathy (Q18–Q22).
//	    Gaps 0, 0, 0, 0, −2; unweighted −0.4; importance 20 each →
//	    weighted −0.4. Overall rating 6.
//	R3: E = 5 everywhere; P = 6, but Q1 unanswered (NaN).
//	    Gaps: Q1 missing, every other item +1; tangibles incomplete, so R3
//	    is in no tangibles or overall statistic. No importance, no rating.
func threeRespondents() []servqual.Response {
	p1 := fill(22, 5)
	for i := 4; i < 9; i++ {
		p1[i] = 4
	}
	p2 := fill(22, 7)
	for i := 17; i < 22; i++ {
		p2[i] = 5
	}
	p3 := fill(22, 6)
	p3[0] = math.NaN()
	return []servqual.Response{
		{Expectation: fill(22, 6), Perception: p1, Importance: []float64{10, 40, 20, 20, 10}, Outcomes: []float64{4}},
		{Expectation: fill(22, 7), Perception: p2, Importance: []float64{20, 20, 20, 20, 20}, Outcomes: []float64{6}},
		{Expectation: fill(22, 5), Perception: p3, Outcomes: []float64{math.NaN()}},
	}
}

func TestScoreOneResponse(t *testing.T) {
	s, err := servqual.SERVQUAL().Score(threeRespondents()[0])
	if err != nil {
		t.Fatal(err)
	}
	wantGaps := []float64{-1, -2, -1, -1, -1}
	for d, g := range wantGaps {
		if s.Dimensions[d].Gap != g {
			t.Errorf("dimension %s gap = %v, want %v", s.Dimensions[d].Key, s.Dimensions[d].Gap, g)
		}
	}
	approx := cmpopts.EquateApprox(0, 1e-12)
	if !cmp.Equal(s.Gap, -1.2, approx) || !cmp.Equal(s.Weighted, -1.4, approx) || !cmp.Equal(s.Perception, (5+4+5+5+5)/5.0, approx) {
		t.Errorf("scores: gap %v weighted %v servperf %v", s.Gap, s.Weighted, s.Perception)
	}
	if s.Items[4].Gap != -2 || s.Items[4].Perception != 4 || s.Items[4].Expectation != 6 || !math.IsNaN(s.Items[4].Adequacy) || s.Items[4].Zone != servqual.ZoneUnknown {
		t.Errorf("item Q5 = %+v", s.Items[4])
	}
	if s.Dimensions[1].Importance != 40 {
		t.Errorf("importance = %v", s.Dimensions[1].Importance)
	}
	// R3 lacks Q1, so tangibles and the unweighted score are undefined.
	s3, err := servqual.SERVQUAL().Score(threeRespondents()[2])
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(s3.Dimensions[0].Gap) || s3.Dimensions[1].Gap != 1 || !math.IsNaN(s3.Gap) || !math.IsNaN(s3.Weighted) {
		t.Errorf("R3: %+v", s3.Dimensions)
	}
}

func TestReportThreeRespondents(t *testing.T) {
	r, err := servqual.Analyze(servqual.SERVQUAL(), threeRespondents())
	if err != nil {
		t.Fatal(err)
	}
	// t quantiles (SciPy, see TestStudentT): df 1 → 12.706204736432095,
	// df 2 → 4.302652729911275. Two-sided p values from SciPy 1.10.1,
	// 2*stats.t.sf(|t|, df): empathy t = −0.7559 (df 2) → 0.5285954792089684;
	// overall t = −2 (df 1) → 0.2951672353008664; weighted t = −1.8 (df 1)
	// → 0.3228289344341903.
	const q1, q2 = 12.706204736432095, 4.302652729911275
	nan := math.NaN()
	// 1e-9: the Student-t quantile agrees with SciPy's to about 1e-11.
	opts := []cmp.Option{cmpopts.EquateApprox(1e-9, 1e-12), cmpopts.EquateNaNs()}
	check := func(name string, got *servqual.Stat, want servqual.Stat) {
		t.Helper()
		if got == nil {
			t.Errorf("%s: missing", name)
			return
		}
		if d := cmp.Diff(want, *got, opts...); d != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", name, d)
		}
	}
	// Q1 gap: −1, 0 → mean −0.5, SD √0.5, SE 0.5, t = −1, p = 0.5 (df 1:
	// the Cauchy distribution, 2·(1 − F(1)) = 2·0.25).
	check("Q1 gap", r.Items[0].Gap, servqual.Stat{N: 2, Mean: -0.5, SD: math.Sqrt(0.5), SE: 0.5,
		CI: ep.Interval{Low: -0.5 - q1*0.5, High: -0.5 + q1*0.5}, T: -1, P: 0.5})
	// Q1 expectation: 6, 7, 5 (R3 answered E even without P) → mean 6, SD 1.
	se3 := 1 / math.Sqrt(3)
	check("Q1 expectation", r.Items[0].Expectation, servqual.Stat{N: 3, Mean: 6, SD: 1, SE: se3,
		CI: ep.Interval{Low: 6 - q2*se3, High: 6 + q2*se3}, T: nan, P: nan})
	// Q2 gap: −1, 0, 1 → mean 0, SD 1, t = 0, p = 1.
	check("Q2 gap", r.Items[1].Gap, servqual.Stat{N: 3, Mean: 0, SD: 1, SE: se3,
		CI: ep.Interval{Low: -q2 * se3, High: q2 * se3}, T: 0, P: 1})
	// Empathy gap: −1, −2, 1 → mean −2/3, variance ((1/3)² + (4/3)² +
	// (5/3)²)/2 = 7/3.
	sd := math.Sqrt(7.0 / 3)
	check("empathy gap", r.Dimensions[4].Gap, servqual.Stat{N: 3, Mean: -2.0 / 3, SD: sd, SE: sd / math.Sqrt(3),
		CI: ep.Interval{Low: -2.0/3 - q2*sd/math.Sqrt(3), High: -2.0/3 + q2*sd/math.Sqrt(3)},
		T:  -2.0 / 3 / (sd / math.Sqrt(3)), P: 0.5285954792089684})
	// Tangibles: only R1 and R2 answered all four items: −1, 0.
	if g := r.Dimensions[0].Gap; g.N != 2 || g.Mean != -0.5 {
		t.Errorf("tangibles gap = %+v, want n 2, mean −0.5", g)
	}
	// Overall (unweighted SERVQUAL score): R1 −1.2, R2 −0.4 → mean −0.8,
	// variance (0.4² + 0.4²)/1 = 0.32.
	check("overall gap", r.Overall.Gap, servqual.Stat{N: 2, Mean: -0.8, SD: math.Sqrt(0.32), SE: 0.4,
		CI: ep.Interval{Low: -0.8 - q1*0.4, High: -0.8 + q1*0.4}, T: -2, P: 0.2951672353008664})
	// Weighted: −1.4, −0.4 → mean −0.9, SD √0.5, SE 0.5.
	check("weighted", r.Weighted, servqual.Stat{N: 2, Mean: -0.9, SD: math.Sqrt(0.5), SE: 0.5,
		CI: ep.Interval{Low: -0.9 - q1*0.5, High: -0.9 + q1*0.5}, T: -1.8, P: 0.3228289344341903})
	// Importance of tangibles: 10, 20; of reliability 40, 20.
	if imp := r.Dimensions[0].Importance; imp.N != 2 || imp.Mean != 15 {
		t.Errorf("tangibles importance = %+v", imp)
	}
	// Overall rating: 4, 6 (R3 did not answer).
	if o := r.Outcomes[0].Stat; o.N != 2 || o.Mean != 5 {
		t.Errorf("outcome = %+v", o)
	}
	if r.Responses != 3 || r.PriorityMeasure != servqual.Gap {
		t.Errorf("responses %d, priority measure %v", r.Responses, r.PriorityMeasure)
	}
	// Dimension means: tangibles −0.5, reliability (−2+0+1)/3 = −1/3,
	// responsiveness 0, assurance 0, empathy −2/3 → empathy first; the
	// tie between responsiveness and assurance keeps questionnaire order.
	var order []string
	for _, p := range r.DimensionPriorities {
		order = append(order, p.Key)
	}
	if want := "empathy tangibles reliability responsiveness assurance"; strings.Join(order, " ") != want {
		t.Errorf("dimension priorities %v, want %s", order, want)
	}
	if r.ItemPriorities[0].Key != "Q18" || r.ItemPriorities[0].Rank != 1 || len(r.ItemPriorities) != 22 {
		t.Errorf("first item priority %+v", r.ItemPriorities[0])
	}
	if r.Items[0].Adequacy != nil || r.Overall.Superiority != nil || r.Items[0].Zone != nil {
		t.Error("absent measures reported")
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("json.Marshal(report): %v", err)
	}
	if !strings.Contains(string(b), `"priority_measure":"gap"`) {
		t.Errorf("JSON lacks priority_measure: %.200s", b)
	}
}

func TestZoneOfTolerance(t *testing.T) {
	in, err := servqual.NewInstrument(servqual.Spec{
		Name:       "three-column",
		Scale:      servqual.Scale{Min: 1, Max: 9},
		Dimensions: []servqual.Dimension{{Key: "x"}, {Key: "y"}},
		Items: []servqual.Item{
			{Key: "A", Dimension: "x"}, {Key: "B", Dimension: "x"}, {Key: "C", Dimension: "y"},
			{Key: "D", Dimension: "y"}, {Key: "E", Dimension: "y"}, {Key: "F", Dimension: "y", Reverse: true},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := servqual.Response{
		Adequate:   []float64{4, 4, 5, 5, 5, 6}, // F is reverse-keyed: 10 − x
		Desired:    []float64{7, 7, 6, 7, 7, 3}, // F: adequate 4, desired 7 after flipping
		Perception: []float64{3, 5, 8, 5, 7, 8}, // F: 2
	}
	s, err := in.Score(r)
	if err != nil {
		t.Fatal(err)
	}
	// By hand: MSA = P − adequate, MSS = P − desired; below if P < A,
	// inside if A ≤ P ≤ D (both edges inclusive), above if P > D.
	want := []struct {
		msa, mss float64
		zone     servqual.Zone
		level    ep.Level
	}{
		{-1, -4, servqual.BelowZone, ep.Dissatisfied},
		{1, -2, servqual.InZone, ep.Neutral},
		{3, 2, servqual.AboveZone, ep.Delighted},
		{0, -2, servqual.InZone, ep.Neutral}, // on the adequate edge
		{2, 0, servqual.InZone, ep.Neutral},  // on the desired edge
		{-2, -5, servqual.BelowZone, ep.Dissatisfied},
	}
	for i, w := range want {
		it := s.Items[i]
		if it.Adequacy != w.msa || it.Superiority != w.mss || it.Zone != w.zone || it.Zone.Level() != w.level {
			t.Errorf("item %s: MSA %v MSS %v zone %v; want %v %v %v", it.Key, it.Adequacy, it.Superiority, it.Zone, w.msa, w.mss, w.zone)
		}
	}
	// Dimension x: MSA (−1+1)/2 = 0; dimension y: (3+0+2−2)/4 = 0.75.
	if s.Dimensions[0].Adequacy != 0 || s.Dimensions[1].Adequacy != 0.75 || !math.IsNaN(s.Dimensions[0].Gap) {
		t.Errorf("dimension MSA %v %v", s.Dimensions[0].Adequacy, s.Dimensions[1].Adequacy)
	}
	a := servqual.NewAccumulator(in)
	for range 2 {
		if err := a.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	rep := a.Report()
	if z := rep.Items[0].Zone; z == nil || *z != (servqual.ZoneCounts{Below: 2}) {
		t.Errorf("zone counts of A = %+v", z)
	}
	if rep.PriorityMeasure != servqual.Superiority || rep.ItemPriorities[0].Key != "F" {
		t.Errorf("priorities by %v: %+v", rep.PriorityMeasure, rep.ItemPriorities[0])
	}
	if ServerZoneUnknown := servqual.ZoneUnknown.Level(); ServerZoneUnknown != ep.Unknown {
		t.Error("unknown zone has a level")
	}
}

func TestReverseKeyed1988(t *testing.T) {
	e, p := fill(22, 4), fill(22, 4)
	e[9], p[9] = 2, 3 // Q10 is negatively worded in 1988: scored 8 − x → E 6, P 5
	s, err := servqual.SERVQUAL1988().Score(servqual.Response{Expectation: e, Perception: p})
	if err != nil {
		t.Fatal(err)
	}
	// Q10 gap 5 − 6 = −1; the other Q11–Q13 score 4 − 4 = 0; responsiveness
	// gap −1/4.
	if s.Items[9].Gap != -1 || s.Items[9].Perception != 5 || s.Dimensions[2].Gap != -0.25 {
		t.Errorf("Q10 %+v, responsiveness %v", s.Items[9], s.Dimensions[2].Gap)
	}
	s91, _ := servqual.SERVQUAL().Score(servqual.Response{Expectation: e, Perception: p})
	if s91.Items[9].Gap != 1 {
		t.Errorf("1991 Q10 gap %v, want 1", s91.Items[9].Gap)
	}
}

func TestInvalidInputChangesNothing(t *testing.T) {
	in := servqual.SERVQUAL()
	base := threeRespondents()
	bad := []struct {
		name  string
		r     servqual.Response
		want  error
		item  string
		field string
	}{
		{"short perception", servqual.Response{Perception: fill(21, 4)}, servqual.ErrLength, "", "perception"},
		{"out of scale", func() servqual.Response { r := base[0]; r.Perception = fill(22, 4); r.Perception[4] = 9; return r }(), servqual.ErrOutOfScale, "Q5", "perception"},
		{"zero rating", func() servqual.Response { r := base[0]; r.Expectation = fill(22, 4); r.Expectation[21] = 0; return r }(), servqual.ErrOutOfScale, "Q22", "expectation"},
		{"Inf", servqual.Response{Perception: append(fill(21, 4), math.Inf(1))}, servqual.ErrOutOfScale, "Q22", "perception"},
		{"importance sum", servqual.Response{Perception: fill(22, 4), Importance: []float64{20, 20, 20, 20, 19}}, servqual.ErrImportance, "", "importance"},
		{"negative importance", servqual.Response{Perception: fill(22, 4), Importance: []float64{-10, 40, 30, 20, 20}}, servqual.ErrImportance, "tangibles", "importance"},
		{"NaN importance", servqual.Response{Perception: fill(22, 4), Importance: []float64{math.NaN(), 40, 30, 20, 10}}, servqual.ErrImportance, "tangibles", "importance"},
		{"importance length", servqual.Response{Perception: fill(22, 4), Importance: []float64{100}}, servqual.ErrLength, "", "importance"},
		{"outcome scale", servqual.Response{Perception: fill(22, 4), Outcomes: []float64{8}}, servqual.ErrOutOfScale, "overall", "outcome"},
		{"outcome length", servqual.Response{Perception: fill(22, 4), Outcomes: []float64{4, 4}}, servqual.ErrLength, "", "outcome"},
		{"adequate above desired", servqual.Response{Perception: fill(22, 4), Adequate: fill(22, 6), Desired: fill(22, 5)}, servqual.ErrZone, "Q1", "adequate"},
	}
	a := servqual.NewAccumulator(in)
	for _, r := range base {
		if err := a.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	before := a.Report()
	for _, tt := range bad {
		err := a.Add(tt.r)
		var ie *servqual.InputError
		if !errors.Is(err, tt.want) || !errors.As(err, &ie) || ie.Item != tt.item || ie.Field != tt.field {
			t.Errorf("%s: Add error %v (%+v); want %v on item %q field %q", tt.name, err, ie, tt.want, tt.item, tt.field)
		}
		if _, err := in.Score(tt.r); !errors.Is(err, tt.want) {
			t.Errorf("%s: Score error %v", tt.name, err)
		}
	}
	if d := cmp.Diff(before, a.Report(), cmpopts.EquateNaNs()); d != "" {
		t.Errorf("rejected responses changed the report:\n%s", d)
	}
	// Analyze names the respondent.
	rs := append(append([]servqual.Response(nil), base...), bad[1].r)
	_, err := servqual.Analyze(in, rs)
	if err == nil || !strings.Contains(err.Error(), "servqual: respondent 3, item Q5, perception: rating 9 outside scale 1..7") {
		t.Errorf("Analyze error = %v", err)
	}
	var zero servqual.Accumulator
	if err := zero.Add(base[0]); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("zero Accumulator Add = %v", err)
	}
	if err := a.Merge(servqual.NewAccumulator(servqual.SERVQUAL1988())); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("Merge across instruments = %v", err)
	}
	if _, err := servqual.Accumulate(nil, base, 1); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("Accumulate(nil) = %v", err)
	}
}

// randomResponses draws SERVQUAL responses with expectations, perceptions,
// the three-column levels, importance and an overall rating; about 2% of
// answers are missing.
func randomResponses(n int, seed uint64) []servqual.Response {
	rng := rand.New(rand.NewPCG(seed, 7))
	rs := make([]servqual.Response, n)
	answer := func(lo int) float64 {
		if rng.IntN(50) == 0 {
			return math.NaN()
		}
		return float64(lo + rng.IntN(8-lo))
	}
	for i := range rs {
		r := servqual.Response{
			Expectation: make([]float64, 22), Perception: make([]float64, 22),
			Adequate: make([]float64, 22), Desired: make([]float64, 22),
			Outcomes: []float64{answer(1)},
		}
		for j := 0; j < 22; j++ {
			r.Expectation[j], r.Perception[j] = answer(3), answer(1)
			a := float64(1 + rng.IntN(4))
			r.Adequate[j], r.Desired[j] = a, a+float64(rng.IntN(4))
		}
		if i%3 != 0 {
			w := float64(rng.IntN(40))
			r.Importance = []float64{w, 20, 20, 20, 40 - w}
		}
		rs[i] = r
	}
	return rs
}

func TestMergeShardsEqualsOnePass(t *testing.T) {
	in := servqual.SERVQUAL()
	rs := randomResponses(4000, 1)
	one := servqual.NewAccumulator(in)
	for _, r := range rs {
		if err := one.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	// Eight shards of unequal size, merged pairwise in a tree.
	cuts := []int{0, 13, 500, 1200, 1201, 2100, 3000, 3999, 4000}
	shards := make([]*servqual.Accumulator, 8)
	for s := range shards {
		shards[s] = servqual.NewAccumulator(in)
		for _, r := range rs[cuts[s]:cuts[s+1]] {
			if err := shards[s].Add(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	for step := 1; step < 8; step *= 2 {
		for s := 0; s+step < 8; s += 2 * step {
			if err := shards[s].Merge(shards[s+step]); err != nil {
				t.Fatal(err)
			}
		}
	}
	opts := []cmp.Option{cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()}
	want := one.Report()
	if d := cmp.Diff(want, shards[0].Report(), opts...); d != "" {
		t.Errorf("merged shards differ from one pass (-one +merged):\n%s", d)
	}
	par, err := servqual.Accumulate(in, rs, 8)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, par.Report(), opts...); d != "" {
		t.Errorf("Accumulate differs from one pass:\n%s", d)
	}
	if want.Items[0].Zone == nil || want.Weighted == nil || want.Overall.Adequacy == nil {
		t.Error("random sample did not exercise every statistic")
	}
}

// TestOffsetStability checks that one pass over 1e6 values offset by 1e9
// matches a two-pass computation: the naive Σx² − n·x̄² formula would lose
// every digit of the variance here.
func TestOffsetStability(t *testing.T) {
	if testing.Short() {
		t.Skip("1e6 responses")
	}
	in, err := servqual.NewInstrument(servqual.Spec{
		Name:       "offset",
		Scale:      servqual.Scale{Min: 0, Max: 2e9},
		Dimensions: []servqual.Dimension{{Key: "d"}},
		Items:      []servqual.Item{{Key: "a", Dimension: "d"}, {Key: "b", Dimension: "d"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	const n = 1_000_000
	rng := rand.New(rand.NewPCG(3, 4))
	xs, ys := make([]float64, n), make([]float64, n)
	acc := servqual.NewAccumulator(in)
	p := make([]float64, 2)
	for i := range xs {
		xs[i] = 1e9 + rng.NormFloat64()
		ys[i] = 1e9 + 0.5*(xs[i]-1e9) + rng.NormFloat64()
		p[0], p[1] = xs[i], ys[i]
		if err := acc.Add(servqual.Response{Perception: p}); err != nil {
			t.Fatal(err)
		}
	}
	// Two passes: the mean first, then squared deviations from it.
	twoPass := func(v []float64) (mean, sd float64) {
		for _, x := range v {
			mean += x
		}
		mean /= float64(len(v))
		var ss float64
		for _, x := range v {
			ss += (x - mean) * (x - mean)
		}
		return mean, math.Sqrt(ss / float64(len(v)-1))
	}
	rep := acc.Report()
	for i, v := range [][]float64{xs, ys} {
		mean, sd := twoPass(v)
		got := rep.Items[i].Perception
		if math.Abs(got.Mean-mean) > 1e-12*mean || math.Abs(got.SD-sd) > 1e-6*sd {
			t.Errorf("item %d: one pass mean %.17g sd %.17g; two pass %.17g %.17g", i, got.Mean, got.SD, mean, sd)
		}
	}
	// The dimension score (x+y)/2, two-pass.
	zs := make([]float64, n)
	for i := range zs {
		zs[i] = (xs[i] + ys[i]) / 2
	}
	mean, sd := twoPass(zs)
	if got := rep.Dimensions[0].Perception; math.Abs(got.Mean-mean) > 1e-12*mean || math.Abs(got.SD-sd) > 1e-6*sd {
		t.Errorf("dimension: one pass %.17g %.17g; two pass %.17g %.17g", got.Mean, got.SD, mean, sd)
	}
}
