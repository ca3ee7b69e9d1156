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

// ecsiInstrument is an ECSI-style questionnaire: blocks image,
// expectations, quality and value of three items each on a 1–10 scale, and
// an overall satisfaction rating.
func ecsiInstrument(t testing.TB) *servqual.Instrument {
	dims := []servqual.Dimension{{Key: "image"}, {Key: "expectations"}, {Key: "quality"}, {Key: "value"}}
	var items []servqual.Item
	for _, d := range dims {
		for j := 1; j <= 3; j++ {
			items = append(items, servqual.Item{Key: d.Key[:1] + string(rune('0'+j)), Dimension: d.Key})
		}
	}
	in, err := servqual.NewInstrument(servqual.Spec{
		Name: "ECSI-style", Scale: servqual.Scale{Min: 1, Max: 10}, Dimensions: dims, Items: items,
		Outcomes: []servqual.OutcomeRating{{Key: "satisfaction", Name: "overall satisfaction", Scale: servqual.Scale{Min: 1, Max: 10}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// ecsiData: 30 respondents, columns i1 i2 i3 e1 e2 e3 q1 q2 q3 v1 v2 v3 and
// satisfaction. Generated once with NumPy (seed 20261124) from correlated
// latent factors and rounded to the 1–10 scale; the expected values below
// were computed from exactly these rows in R 4.2 (see ecsiReference).
var ecsiData = [][13]float64{
	{9, 9, 8, 2, 6, 3, 7, 8, 7, 4, 4, 6, 6},
	{9, 8, 8, 3, 4, 5, 10, 10, 6, 6, 8, 9, 6},
	{9, 8, 9, 6, 6, 6, 8, 8, 5, 6, 4, 5, 5},
	{6, 5, 5, 4, 3, 4, 4, 4, 4, 4, 4, 4, 5},
	{3, 3, 6, 3, 5, 3, 3, 5, 4, 5, 3, 5, 3},
	{9, 7, 9, 7, 4, 6, 7, 8, 10, 7, 5, 8, 7},
	{5, 6, 8, 8, 8, 8, 7, 5, 8, 5, 3, 5, 4},
	{10, 10, 10, 6, 8, 7, 10, 9, 9, 10, 10, 10, 9},
	{7, 8, 7, 8, 7, 6, 2, 2, 3, 6, 6, 7, 4},
	{5, 3, 3, 6, 5, 6, 5, 5, 4, 6, 6, 7, 5},
	{9, 10, 10, 7, 8, 10, 10, 9, 10, 6, 5, 6, 8},
	{10, 10, 10, 5, 3, 5, 7, 9, 8, 9, 9, 9, 8},
	{4, 5, 5, 7, 7, 8, 2, 2, 3, 3, 6, 5, 3},
	{8, 8, 7, 6, 6, 4, 6, 6, 6, 6, 4, 6, 7},
	{6, 7, 6, 8, 7, 5, 9, 10, 10, 7, 5, 6, 7},
	{5, 5, 6, 5, 6, 6, 5, 5, 4, 5, 5, 7, 4},
	{7, 6, 8, 5, 6, 6, 10, 10, 10, 8, 9, 10, 10},
	{6, 5, 8, 3, 3, 4, 6, 8, 6, 5, 7, 8, 5},
	{9, 6, 8, 10, 9, 9, 9, 10, 10, 9, 10, 9, 8},
	{4, 6, 4, 5, 6, 6, 4, 6, 5, 7, 8, 8, 5},
	{5, 3, 5, 8, 8, 8, 4, 3, 3, 3, 4, 4, 4},
	{6, 4, 5, 1, 1, 1, 1, 2, 2, 5, 4, 6, 2},
	{8, 6, 5, 7, 6, 5, 6, 6, 7, 6, 5, 5, 6},
	{3, 3, 4, 10, 10, 9, 5, 7, 5, 6, 6, 5, 3},
	{7, 7, 5, 10, 8, 8, 9, 6, 8, 5, 5, 5, 5},
	{10, 9, 9, 6, 4, 3, 7, 7, 5, 6, 7, 6, 6},
	{10, 10, 10, 8, 7, 7, 7, 6, 7, 9, 8, 9, 6},
	{4, 6, 4, 4, 6, 3, 3, 3, 4, 5, 4, 4, 3},
	{6, 7, 8, 4, 5, 6, 8, 9, 9, 7, 7, 5, 5},
	{9, 10, 9, 9, 6, 8, 3, 5, 5, 6, 4, 6, 5},
}

func ecsiAccumulator(t testing.TB) *servqual.Accumulator {
	in := ecsiInstrument(t)
	a := servqual.NewAccumulator(in)
	for _, row := range ecsiData {
		if err := a.Add(servqual.Response{Perception: row[:12], Outcomes: row[12:]}); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// ecsiReference holds the values R 4.2 with psych 2.2.9 gives for
// ecsiData (script: psych::alpha on each block for raw_alpha, std.alpha,
// average_r, item.stats$r.drop and alpha.drop$raw_alpha; lm() of the scaled
// satisfaction on the scaled block means for the betas and R²; LMG by brute
// force over all 24 orders of entry with lm() R²; Johnson's weights from
// eigen() of cor(S)):
//
//	Rscript ref.R   # printed with sprintf("%.17g")
var ecsiReference = struct {
	raw, std, avr   [4]float64
	rdrop, alphaDel [4][3]float64
	beta, lmg, jw   [4]float64
	r2              float64
}{
	raw: [4]float64{0.92737598028905388, 0.90932494279176201, 0.94561835623541612, 0.90974776668418278},
	std: [4]float64{0.92763308450820314, 0.9119989591218145, 0.9457116073664853, 0.91207731746726639},
	avr: [4]float64{0.81034827433303802, 0.77550794617619623, 0.853086245296654, 0.77567794589766059},
	rdrop: [4][3]float64{
		{0.86638519851234352, 0.85916813973669326, 0.83121755027922684},
		{0.82546287967454191, 0.80891376262920178, 0.8355119670642287},
		{0.90912846097368971, 0.89086526732470928, 0.86075185365974005},
		{0.7918616879905287, 0.83645660000965627, 0.84488599911714934},
	},
	alphaDel: [4][3]float64{
		{0.88268830907505547, 0.88888888888888884, 0.91155457009115559},
		{0.87095061072756241, 0.88183642749623692, 0.85599837056147732},
		{0.90309072781655031, 0.91696921118393115, 0.93992134171149599},
		{0.89590443686006815, 0.86248810907937834, 0.84954421576919481},
	},
	beta: [4]float64{0.21839125079933641, -0.0082448932688547073, 0.54401877860342329, 0.27472707550505499},
	lmg:  [4]float64{0.18842688797142507, 0.0094442512544206242, 0.36995471841113431, 0.21881878291207754},
	jw:   [4]float64{0.19176597365463202, 0.010509973014748042, 0.36214225061119137, 0.2222264432684864},
	r2:   0.78664464054905769,
}

func TestReliabilityMatchesPsych(t *testing.T) {
	rels, err := ecsiAccumulator(t).Reliability(servqual.Perception)
	if err != nil {
		t.Fatal(err)
	}
	ref := ecsiReference
	approx := cmpopts.EquateApprox(1e-12, 1e-14)
	for d, r := range rels {
		if r.N != 30 || r.K != 3 || r.Reason != "" {
			t.Errorf("%s: n %d k %d reason %q", r.Dimension, r.N, r.K, r.Reason)
		}
		got := []float64{r.Alpha, r.StdAlpha, r.MeanR}
		want := []float64{ref.raw[d], ref.std[d], ref.avr[d]}
		for j, it := range r.Items {
			got = append(got, it.ItemRest, it.AlphaIfDropped)
			want = append(want, ref.rdrop[d][j], ref.alphaDel[d][j])
		}
		if diff := cmp.Diff(want, got, approx); diff != "" {
			t.Errorf("%s: alpha, std alpha, mean r, (r.drop, alpha if dropped)… mismatch (-psych +got):\n%s", r.Dimension, diff)
		}
	}
}

func TestReliabilityByHand(t *testing.T) {
	in, err := servqual.NewInstrument(servqual.Spec{
		Name: "pair", Scale: servqual.Scale{Min: 1, Max: 5},
		Dimensions: []servqual.Dimension{{Key: "two"}, {Key: "one"}, {Key: "flat"}},
		Items: []servqual.Item{{Key: "a", Dimension: "two"}, {Key: "b", Dimension: "two"},
			{Key: "c", Dimension: "one"}, {Key: "f1", Dimension: "flat"}, {Key: "f2", Dimension: "flat"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	acc := servqual.NewAccumulator(in)
	rows := [][]float64{{1, 1, 2, 3, 1}, {2, 3, 4, 3, 2}, {3, 2, 5, 3, 3}}
	for _, p := range rows {
		if err := acc.Add(servqual.Response{Perception: p}); err != nil {
			t.Fatal(err)
		}
	}
	rels, err := acc.Reliability(servqual.Perception)
	if err != nil {
		t.Fatal(err)
	}
	// a = 1,2,3 and b = 1,3,2: var a = var b = 1, cov = ((−1)(−1) + 0·1 +
	// 1·0)/2 = 0.5, so r = 0.5; alpha = 2·(1 − 2/(1 + 1 + 2·0.5)) = 2/3;
	// standardized 2·0.5/(1 + 0.5) = 2/3; r.drop = corr(a, b) = 0.5; alpha
	// without an item is undefined (one item left).
	two := rels[0]
	if math.Abs(two.Alpha-2.0/3) > 1e-15 || math.Abs(two.StdAlpha-2.0/3) > 1e-15 || math.Abs(two.MeanR-0.5) > 1e-15 ||
		math.Abs(two.Items[0].ItemRest-0.5) > 1e-15 || !math.IsNaN(two.Items[0].AlphaIfDropped) {
		t.Errorf("two-item dimension: %+v", two)
	}
	if one := rels[1]; !math.IsNaN(one.Alpha) || one.Reason != "the dimension has one item" {
		t.Errorf("one-item dimension: %+v", one)
	}
	if flat := rels[2]; !math.IsNaN(flat.Alpha) || !strings.Contains(flat.Reason, "f1 has zero variance") {
		t.Errorf("zero-variance dimension: %+v", flat)
	}
	if _, err := json.Marshal(rels); err != nil {
		t.Errorf("NaN reliability does not encode: %v", err)
	}
	if _, err := acc.Reliability(servqual.Measure(9)); err == nil {
		t.Error("unknown measure accepted")
	}
}

func TestKeyDriversMatchR(t *testing.T) {
	a := ecsiAccumulator(t)
	dr, err := a.KeyDrivers(servqual.Perception, "satisfaction")
	if err != nil {
		t.Fatal(err)
	}
	ref := ecsiReference
	approx := cmpopts.EquateApprox(1e-10, 1e-12)
	if d := cmp.Diff(ref.beta[:], dr.Beta, approx); d != "" {
		t.Errorf("beta mismatch (-R +got):\n%s", d)
	}
	if d := cmp.Diff(ref.lmg[:], dr.Shapley, approx); d != "" {
		t.Errorf("LMG mismatch (-R +got):\n%s", d)
	}
	if d := cmp.Diff(ref.jw[:], dr.Johnson, approx); d != "" {
		t.Errorf("Johnson mismatch (-R +got):\n%s", d)
	}
	if math.Abs(dr.RSquared-ref.r2) > 1e-10 || dr.N != 30 {
		t.Errorf("R² %v n %d, want %v 30", dr.RSquared, dr.N, ref.r2)
	}
	var s1, s2, j float64
	for i := range dr.Keys {
		s1 += dr.ShapleyShare[i]
		s2 += dr.JohnsonShare[i]
		j += dr.Johnson[i]
	}
	if math.Abs(s1-1) > 1e-12 || math.Abs(s2-1) > 1e-12 || math.Abs(j-dr.RSquared) > 1e-12 {
		t.Errorf("shares sum to %v and %v, Johnson to %v (R² %v)", s1, s2, j, dr.RSquared)
	}
	rep := a.Report()
	if len(rep.Drivers) != 1 || rep.Drivers[0].Reason != "" || len(rep.Reliability) != 4 {
		t.Errorf("report: %d driver analyses, %d reliabilities", len(rep.Drivers), len(rep.Reliability))
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Errorf("report does not encode: %v", err)
	}
	if _, err := a.KeyDrivers(servqual.Perception, "loyalty"); err == nil {
		t.Error("outcome 1 of 1 accepted")
	}
}

func TestKeyDriversCollinear(t *testing.T) {
	in, err := servqual.NewInstrument(servqual.Spec{
		Name: "collinear", Scale: servqual.Scale{Min: 1, Max: 7},
		Dimensions: []servqual.Dimension{{Key: "x"}, {Key: "y"}, {Key: "z"}},
		Items:      []servqual.Item{{Key: "x1", Dimension: "x"}, {Key: "y1", Dimension: "y"}, {Key: "z1", Dimension: "z"}},
		Outcomes:   []servqual.OutcomeRating{{Key: "o", Scale: servqual.Scale{Min: 1, Max: 7}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	a := servqual.NewAccumulator(in)
	// z = (x + y)/2 exactly: the drivers are perfectly collinear.
	for _, r := range [][4]float64{{1, 3, 2, 2}, {3, 5, 4, 5}, {5, 1, 3, 3}, {7, 3, 5, 6}, {2, 6, 4, 4}, {6, 6, 6, 7}} {
		if err := a.Add(servqual.Response{Perception: r[:3], Outcomes: r[3:]}); err != nil {
			t.Fatal(err)
		}
	}
	dr, err := a.KeyDrivers(servqual.Perception, "o")
	if !errors.Is(err, servqual.ErrCollinear) || dr.Beta != nil || !math.IsNaN(dr.RSquared) {
		t.Errorf("collinear drivers: %+v, %v", dr, err)
	}
	rep := a.Report()
	if len(rep.Drivers) != 1 || !strings.Contains(rep.Drivers[0].Reason, "collinear") {
		t.Errorf("report drivers: %+v", rep.Drivers)
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Errorf("report with undefined drivers does not encode: %v", err)
	}
	few := servqual.NewAccumulator(in)
	_ = few.Add(servqual.Response{Perception: []float64{1, 2, 3}, Outcomes: []float64{4}})
	if _, err := few.KeyDrivers(servqual.Perception, "o"); err == nil {
		t.Error("one respondent accepted for three drivers")
	}
}

func TestIPA(t *testing.T) {
	// Grand means: importance 25, performance 5; population SDs 5 and 1.
	// a: z = (+1, −1) → priority 2/√2 = √2, concentrate here;
	// b: (+1, +1) → 0, keep up the good work; c: (−1, −1) → 0, low
	// priority (ties keep input order); d: (−1, +1) → −√2, possible overkill.
	pts, err := servqual.IPA([]string{"a", "b", "c", "d"}, []float64{30, 30, 20, 20}, []float64{4, 6, 4, 6}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []servqual.IPAPoint{
		{Key: "a", Importance: 30, Performance: 4, Quadrant: servqual.ConcentrateHere, Priority: math.Sqrt2, Rank: 1},
		{Key: "b", Importance: 30, Performance: 6, Quadrant: servqual.KeepUpTheGoodWork, Priority: 0, Rank: 2},
		{Key: "c", Importance: 20, Performance: 4, Quadrant: servqual.LowPriority, Priority: 0, Rank: 3},
		{Key: "d", Importance: 20, Performance: 6, Quadrant: servqual.PossibleOverkill, Priority: -math.Sqrt2, Rank: 4},
	}
	if d := cmp.Diff(want, pts, cmpopts.EquateApprox(1e-15, 1e-15)); d != "" {
		t.Errorf("IPA mismatch (-want +got):\n%s", d)
	}
	// A caller's cross-hair at (20, 6): everything is high importance;
	// only b and d reach the performance line.
	pts, err = servqual.IPA([]string{"a", "b", "c", "d"}, []float64{30, 30, 20, 20}, []float64{4, 6, 4, 6},
		&servqual.IPAOptions{Crosshair: &servqual.Crosshair{Importance: 20, Performance: 6}})
	if err != nil {
		t.Fatal(err)
	}
	var qs []servqual.Quadrant
	for _, p := range pts {
		qs = append(qs, p.Quadrant)
	}
	if d := cmp.Diff([]servqual.Quadrant{servqual.ConcentrateHere, servqual.KeepUpTheGoodWork, servqual.ConcentrateHere, servqual.KeepUpTheGoodWork}, qs); d != "" {
		t.Errorf("cross-hair quadrants (-want +got):\n%s", d)
	}
	bad := []struct {
		k    []string
		i, p []float64
	}{
		{nil, nil, nil},
		{[]string{"a"}, []float64{1, 2}, []float64{1}},
		{[]string{"a", "b"}, []float64{1, math.NaN()}, []float64{1, 2}},
		{[]string{"a", "b"}, []float64{1, 1}, []float64{1, 2}},
	}
	for _, b := range bad {
		if _, err := servqual.IPA(b.k, b.i, b.p, nil); err == nil {
			t.Errorf("IPA(%v, %v, %v) accepted", b.k, b.i, b.p)
		}
	}
	if _, err := servqual.IPA([]string{"a", "b"}, []float64{1, 2}, []float64{1, 2}, &servqual.IPAOptions{Crosshair: &servqual.Crosshair{Importance: math.Inf(1)}}); err == nil {
		t.Error("infinite cross-hair accepted")
	}
	for q := servqual.QuadrantUnknown; q <= servqual.PossibleOverkill; q++ {
		b, err := q.MarshalText()
		var back servqual.Quadrant = 9
		if err != nil || back.UnmarshalText(b) != nil || back != q || q.String() == "" || q.Chinese() == "" {
			t.Errorf("Quadrant round trip of %v", q)
		}
	}
	var q servqual.Quadrant
	if q.UnmarshalText([]byte("urgent")) == nil || servqual.Quadrant(7).String() != "Quadrant(7)" {
		t.Error("bad quadrant accepted")
	}
	if _, err := servqual.Quadrant(-1).MarshalText(); err == nil {
		t.Error("Quadrant(-1) marshalled")
	}
}

func TestAccumulatorIPA(t *testing.T) {
	a := servqual.NewAccumulator(servqual.SERVQUAL())
	for _, r := range threeRespondents() {
		if err := a.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	// Stated importance: means of R1 and R2's points (15, 30, 20, 20, 15);
	// performance: the dimension gap means (−0.5, −1/3, 0, 0, −2/3).
	pts, err := a.IPA(servqual.Gap, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Cross-hair (20, −0.3): tangibles (15, −0.5) low priority;
	// reliability (30, −1/3) concentrate here; responsiveness and assurance
	// (20, 0) keep up the good work (on the importance line counts as
	// high); empathy (15, −2/3) low priority.
	var qs []servqual.Quadrant
	for _, p := range pts {
		qs = append(qs, p.Quadrant)
	}
	want := []servqual.Quadrant{servqual.LowPriority, servqual.ConcentrateHere, servqual.KeepUpTheGoodWork, servqual.KeepUpTheGoodWork, servqual.LowPriority}
	if d := cmp.Diff(want, qs); d != "" || pts[1].Importance != 30 || pts[1].Rank != 1 {
		t.Errorf("stated IPA quadrants (-want +got):\n%s%+v", d, pts)
	}
	if _, err := a.IPA(servqual.Adequacy, nil, nil); err == nil {
		t.Error("IPA on an absent measure accepted")
	}
	derived := []float64{0.1, 0.3, 0.2, 0.2, 0.2}
	pts, err = a.IPA(servqual.Gap, derived, nil)
	if err != nil || pts[1].Importance != 0.3 {
		t.Errorf("derived IPA: %+v, %v", pts, err)
	}
}
