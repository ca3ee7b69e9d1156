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

// esqualResponse returns an E-S-QUAL response whose items of dimension d
// are all dims[d], with the given outcome ratings.
func esqualResponse(dims [4]float64, value, loyalty float64) servqual.Response {
	in := eservqual.ESQUAL()
	p := make([]float64, in.NumItems())
	for i := range p {
		p[i] = dims[in.DimensionOf(i)]
	}
	return servqual.Response{Perception: p, Outcomes: []float64{value, loyalty}}
}

// TestNilArguments: DriverWeights(nil, …), BySegment(nil, …) and
// `var s RecoverySample; s.Add(r, true)` panicked.
func TestNilArguments(t *testing.T) {
	if w, est, err := eservqual.DriverWeights(nil, eservqual.OutcomeLoyalty, eservqual.DefaultDriverWeights()); !errors.Is(err, eservqual.ErrInstrument) || w != nil || est {
		t.Errorf("DriverWeights(nil) = %v, %v, %v", w, est, err)
	}
	if w, est, err := eservqual.DriverWeights(&servqual.Accumulator{}, eservqual.OutcomeLoyalty, eservqual.DefaultDriverWeights()); !errors.Is(err, eservqual.ErrInstrument) || w != nil || est {
		t.Errorf("DriverWeights(zero accumulator) = %v, %v, %v", w, est, err)
	}
	r := esqualResponse([4]float64{4, 4, 4, 4}, 4, 4)
	if reps, err := eservqual.BySegment(nil, []servqual.Response{r}, []eservqual.Segment{eservqual.Explorer}); !errors.Is(err, eservqual.ErrInstrument) || reps != nil {
		t.Errorf("BySegment(nil) = %v, %v", reps, err)
	}
	reps, err := eservqual.BySegment(eservqual.ESQUAL(), nil, nil)
	if err != nil || len(reps) != eservqual.NumSegments || reps[0].Segment != eservqual.Explorer || reps[0].Responses != 0 {
		t.Errorf("BySegment(ESQUAL, nil, nil) = %v, %v", reps, err)
	}

	var s eservqual.RecoverySample
	rec := servqual.Response{Perception: fill(11, 4)}
	if err := s.Add(rec, true); err != nil {
		t.Fatalf("zero RecoverySample.Add: %v", err)
	}
	if err := s.Add(rec, false); err != nil {
		t.Fatal(err)
	}
	if rep := s.Report(); rep.InSample != 1 || rep.NotApplicable != 1 {
		t.Errorf("zero RecoverySample report: in %d, n/a %d", rep.InSample, rep.NotApplicable)
	}
	if s.Accumulator().Instrument() != eservqual.ERecSQUAL() {
		t.Error("the zero RecoverySample is not an E-RecS-QUAL sample")
	}
	var zero eservqual.RecoverySample
	if rep := zero.Report(); rep.InSample != 0 || rep.NotApplicable != 0 {
		t.Errorf("empty zero RecoverySample report: %+v", rep)
	}
	if err := s.Merge(&zero); err != nil {
		t.Errorf("Merge(zero) = %v", err)
	}
	if err := zero.Merge(&s); err != nil || zero.Report().InSample != 1 {
		t.Errorf("zero.Merge(s) = %v", err)
	}
	if err := s.Merge(nil); err != nil {
		t.Errorf("Merge(nil) = %v", err)
	}
	if err := s.Merge(&s); !errors.Is(err, eservqual.ErrInvalid) || s.Report().InSample != 1 {
		t.Errorf("s.Merge(s) = %v", err)
	}
	other := eservqual.NewRecoverySample(eservqual.ESQUAL())
	if err := s.Merge(other); !errors.Is(err, eservqual.ErrInstrument) || !errors.Is(err, servqual.ErrInstrument) && !strings.Contains(err.Error(), "E-S-QUAL") {
		t.Errorf("Merge of another instrument = %v", err)
	}
	var ns *eservqual.RecoverySample
	if err := ns.Add(rec, true); !errors.Is(err, eservqual.ErrInvalid) {
		t.Errorf("nil RecoverySample.Add = %v", err)
	}
	if err := ns.Merge(&s); !errors.Is(err, eservqual.ErrInvalid) {
		t.Errorf("nil RecoverySample.Merge = %v", err)
	}
	if ns.Accumulator() != nil || ns.Report().InSample != 0 {
		t.Error("nil RecoverySample does not read as empty")
	}
	if got := eservqual.NewRecoverySample(nil).Accumulator().Instrument(); got != eservqual.ERecSQUAL() {
		t.Errorf("NewRecoverySample(nil) instrument = %v", got.Name())
	}
}

// hadamard8 holds columns 1–5 of the 8×8 Sylvester Hadamard matrix: each
// has mean 0 and they are mutually orthogonal.
var hadamard8 = [8][5]float64{
	{1, 1, 1, 1, 1}, {-1, 1, -1, 1, -1}, {1, -1, -1, 1, 1}, {-1, -1, 1, 1, -1},
	{1, 1, 1, -1, -1}, {-1, 1, -1, -1, 1}, {1, -1, -1, -1, -1}, {-1, -1, 1, -1, 1},
}

// TestDriverWeightsRSquaredZero: with R² = 0 DriverWeights returned [NaN]
// marked as estimated. Eight respondents whose four dimension scores and
// loyalty rating are 3 ± 1 along orthogonal, centred Hadamard columns:
// the drivers are uncorrelated with each other and with the outcome, so
// R = I, r = 0 and R² = rᵀR⁻¹r = 0 exactly (hand calculation).
func TestDriverWeightsRSquaredZero(t *testing.T) {
	acc := servqual.NewAccumulator(eservqual.ESQUAL())
	for _, h := range hadamard8 {
		if err := acc.Add(esqualResponse([4]float64{3 + h[0], 3 + h[1], 3 + h[2], 3 + h[3]}, 3, 3+h[4])); err != nil {
			t.Fatal(err)
		}
	}
	fallback := eservqual.DefaultDriverWeights()
	w, est, err := eservqual.DriverWeights(acc, eservqual.OutcomeLoyalty, fallback)
	if err != nil || est || !cmp.Equal(w, fallback) {
		t.Errorf("DriverWeights with R² = 0 = %v, estimated %v, %v; want the fallback", w, est, err)
	}
	// With the loyalty rating equal to the first driver, the analysis is
	// defined: efficiency explains everything (R² = 1, share 1, others 0).
	acc = servqual.NewAccumulator(eservqual.ESQUAL())
	for _, h := range hadamard8 {
		if err := acc.Add(esqualResponse([4]float64{3 + h[0], 3 + h[1], 3 + h[2], 3 + h[3]}, 3, 3+h[0])); err != nil {
			t.Fatal(err)
		}
	}
	w, est, err = eservqual.DriverWeights(acc, eservqual.OutcomeLoyalty, fallback)
	if d := cmp.Diff([]float64{1, 0, 0, 0}, w, cmpopts.EquateApprox(0, 1e-9)); err != nil || !est || d != "" {
		t.Errorf("DriverWeights with one perfect driver = %v, estimated %v, %v", w, est, err)
	}
	// Bad fallbacks and outcomes are errors.
	for _, fb := range [][]float64{{1, 2, 3}, {math.NaN(), 1, 1, 1}, {-1, 1, 1, 1}, {math.Inf(1), 1, 1, 1}, {0, 0, 0, 0}} {
		if _, _, err := eservqual.DriverWeights(acc, eservqual.OutcomeLoyalty, fb); err == nil {
			t.Errorf("fallback %v accepted", fb)
		}
	}
	if _, _, err := eservqual.DriverWeights(acc, "nps", fallback); !errors.Is(err, eservqual.ErrInvalid) {
		t.Errorf("unknown outcome: %v", err)
	}
}

// TestNearestEdges: Nearest with an all-NaN profile table returned
// Explorer; with coordinates near 1e308 every distance overflowed to +Inf
// and the answer was Explorer whatever p was.
func TestNearestEdges(t *testing.T) {
	nan := math.NaN()
	var allNaN [eservqual.NumSegments]eservqual.Profile
	for s := range allNaN {
		allNaN[s] = eservqual.Profile{nan, nan, nan, nan}
	}
	if got := eservqual.Nearest(eservqual.Profile{4, 4, 2, 2}, &allNaN); got != eservqual.SegmentUnknown {
		t.Errorf("Nearest with an all-NaN table = %v", got)
	}
	oneInf := eservqual.Profiles()
	oneInf[3][2] = math.Inf(1)
	if got := eservqual.Nearest(eservqual.Profile{4, 4, 2, 2}, &oneInf); got != eservqual.SegmentUnknown {
		t.Errorf("Nearest with an Inf in the table = %v", got)
	}
	// The same geometry scaled by 1e306 (or 2⁻¹⁰⁵⁰) gives the same answer.
	for _, f := range []float64{1e306, -1e306, math.Ldexp(1, -1050)} {
		var big [eservqual.NumSegments]eservqual.Profile
		for s, p := range eservqual.Profiles() {
			for d := range p {
				big[s][d] = p[d] * f
			}
		}
		for s, p := range eservqual.Profiles() {
			q := eservqual.Profile{p[0] * f, p[1] * f, p[2] * f, p[3] * f}
			if got := eservqual.Nearest(q, &big); got != eservqual.Segment(s+1) {
				t.Errorf("scale %g: Nearest(profile %d) = %v", f, s, got)
			}
		}
	}
}

// TestNearestTies: a point halfway between two profiles is tied in exact
// arithmetic; whatever rounding does to the two distances, the earlier
// segment wins.
func TestNearestTies(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	far := eservqual.Profile{1e3, 1e3, 1e3, 1e3}
	for i := 0; i < 2000; i++ {
		// mid ± δ: in exact arithmetic mid is equidistant from both;
		// the rounded differences (mid − lo, hi − mid) are not always
		// equal.
		var mid, lo, hi eservqual.Profile
		for d := range mid {
			mid[d] = 1 + 4*rng.Float64()
			delta := 0.5 * rng.Float64()
			lo[d], hi[d] = mid[d]-delta, mid[d]+delta
		}
		for _, order := range [][2]eservqual.Profile{{lo, hi}, {hi, lo}} {
			table := [eservqual.NumSegments]eservqual.Profile{order[0], order[1], far, far, far}
			if got := eservqual.Nearest(mid, &table); got != eservqual.Explorer {
				t.Fatalf("Nearest(%v) between %v and %v = %v, want the earlier segment", mid, order[0], order[1], got)
			}
		}
	}
}

// TestSegmentationEdges: Segmentation with 1e308 or NaN starting profiles
// returned NaN or ±Inf centroids and WCSS; limits on the caller's counts.
func TestSegmentationEdges(t *testing.T) {
	data := []eservqual.Profile{{4.3, 4.1, 2.2, 2.5}, {2.6, 1.9, 3.9, 4.3}, {3, 2.5, 2.4, 2.7}}
	nanStart := eservqual.Profiles()
	nanStart[2][1] = math.NaN()
	bigStart := eservqual.Profiles()
	bigStart[0][0] = 1e308
	cases := []struct {
		name string
		data []eservqual.Profile
		opts *eservqual.SegmentOptions
		want error
	}{
		{"no data", nil, nil, eservqual.ErrEmpty},
		{"NaN respondent", []eservqual.Profile{{math.NaN(), 1, 1, 1}}, nil, eservqual.ErrInvalid},
		{"1e308 respondent", []eservqual.Profile{{1e308, 1e308, -1e308, 0}}, nil, eservqual.ErrInvalid},
		{"NaN starting profile", data, &eservqual.SegmentOptions{Profiles: &nanStart}, eservqual.ErrInvalid},
		{"1e308 starting profile", data, &eservqual.SegmentOptions{Profiles: &bigStart}, eservqual.ErrInvalid},
		{"negative iterations", data, &eservqual.SegmentOptions{MaxIterations: -1}, eservqual.ErrInvalid},
		{"too many iterations", data, &eservqual.SegmentOptions{MaxIterations: eservqual.MaxKMeansIterations + 1}, eservqual.ErrInvalid},
		{"too many restarts", data, &eservqual.SegmentOptions{Rand: rand.New(rand.NewPCG(1, 1)), Restarts: math.MaxInt}, eservqual.ErrInvalid},
		{"negative restarts", data, &eservqual.SegmentOptions{Restarts: -3}, eservqual.ErrInvalid},
	}
	for _, c := range cases {
		res, err := eservqual.Segmentation(c.data, c.opts)
		if !errors.Is(err, c.want) || !strings.HasPrefix(err.Error(), "eservqual: ") {
			t.Errorf("%s: Segmentation = %+v, %v; want %v", c.name, res, err, c.want)
		}
	}
	// At the magnitude limit every number stays finite.
	m := eservqual.MaxProfileMagnitude
	huge := []eservqual.Profile{{m, m, -m, -m}, {-m, -m, m, m}, {m, -m, m, -m}, {0, 0, 0, 0}}
	var start [eservqual.NumSegments]eservqual.Profile
	for s := range start {
		start[s] = eservqual.Profile{m, -m, float64(s) * m / 4, -m}
	}
	res, err := eservqual.Segmentation(huge, &eservqual.SegmentOptions{Profiles: &start})
	if err != nil {
		t.Fatal(err)
	}
	if math.IsInf(res.WCSS, 0) || math.IsNaN(res.WCSS) {
		t.Errorf("WCSS = %v", res.WCSS)
	}
	for _, c := range res.Clusters {
		for _, v := range c.Centroid {
			if math.IsInf(v, 0) || math.IsNaN(v) {
				t.Errorf("cluster %+v", c)
			}
		}
	}
}

// TestBySegmentRespondent: BySegment wrapped an InputError with
// Respondent = −1; it must name the respondent's index, and errors.Is must
// work for both packages' sentinels.
func TestBySegmentRespondent(t *testing.T) {
	good := esqualResponse([4]float64{4, 4, 4, 4}, 4, 4)
	bad := esqualResponse([4]float64{4, 9, 4, 4}, 4, 4)
	_, err := eservqual.BySegment(eservqual.ESQUAL(), []servqual.Response{good, good, bad}, []eservqual.Segment{eservqual.Explorer, eservqual.Laggard, eservqual.Pioneer})
	var ie *servqual.InputError
	if !errors.As(err, &ie) || ie.Respondent != 2 {
		t.Fatalf("BySegment error %v: InputError %+v", err, ie)
	}
	if !errors.Is(err, eservqual.ErrInvalid) || !errors.Is(err, servqual.ErrOutOfScale) {
		t.Errorf("BySegment error %v does not wrap both sentinels", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "eservqual: respondent 2, item SYS1") || strings.Count(msg, "servqual: ") != 1 {
		t.Errorf("BySegment error message %q", msg)
	}
	short := servqual.Response{Perception: []float64{4}}
	_, err = eservqual.BySegment(eservqual.ESQUAL(), []servqual.Response{good, short}, []eservqual.Segment{eservqual.Explorer, eservqual.Skeptic})
	if !errors.Is(err, eservqual.ErrLength) || !errors.Is(err, servqual.ErrLength) || !errors.As(err, &ie) || ie.Respondent != 1 {
		t.Errorf("BySegment with a short response: %v", err)
	}
	_, err = eservqual.BySegment(eservqual.ESQUAL(), []servqual.Response{good}, []eservqual.Segment{eservqual.Segment(9)})
	if !errors.Is(err, eservqual.ErrInvalid) || !strings.Contains(err.Error(), "respondent 0") {
		t.Errorf("BySegment with segment 9: %v", err)
	}
	_, err = eservqual.BySegment(eservqual.ESQUAL(), []servqual.Response{good}, nil)
	if !errors.Is(err, eservqual.ErrLength) {
		t.Errorf("BySegment with mismatched lengths: %v", err)
	}
}

// TestErrorsPrefixOnce: nothing in eservqual wrapped a sentinel. A
// representative error of every function carries "eservqual: " exactly
// once and wraps one of the package's sentinels.
func TestErrorsPrefixOnce(t *testing.T) {
	_, triLen := eservqual.ScoreTRI([]float64{1, 2}, nil)
	_, triScale := eservqual.ScoreTRI(fill(16, 7), nil)
	_, triOpt := eservqual.ScoreTRI(fill(16, 3), &eservqual.TRIOptions{MinAnswered: 5})
	_, wordings := eservqual.TRIWithWordings(map[string]string{"OPT9": "x", "ZZZ": "y"}, nil)
	_, wordingUTF := eservqual.TRIWithWordings(nil, map[string]string{"OPT1": "\xff"})
	_, seg := eservqual.Segmentation(nil, nil)
	var s eservqual.Segment
	var k eservqual.ApproachKind
	_, segText := eservqual.Segment(9).MarshalText()
	_, kindText := eservqual.ApproachKind(-1).MarshalText()
	rs := eservqual.NewRecoverySample(nil)
	_, _, dw := eservqual.DriverWeights(servqual.NewAccumulator(eservqual.ESQUAL()), "nps", eservqual.DefaultDriverWeights())
	cases := []struct {
		name      string
		err       error
		sentinels []error
	}{
		{"ScoreTRI length", triLen, []error{eservqual.ErrLength, servqual.ErrLength}},
		{"ScoreTRI scale", triScale, []error{eservqual.ErrInvalid, servqual.ErrOutOfScale}},
		{"ScoreTRI options", triOpt, []error{eservqual.ErrInvalid}},
		{"TRIWithWordings key", wordings, []error{eservqual.ErrInvalid}},
		{"Segmentation", seg, []error{eservqual.ErrEmpty}},
		{"Segment.UnmarshalText", s.UnmarshalText([]byte("wizard")), []error{eservqual.ErrInvalid}},
		{"ApproachKind.UnmarshalText", k.UnmarshalText([]byte("low-tech")), []error{eservqual.ErrInvalid}},
		{"Segment.MarshalText", segText, []error{eservqual.ErrInvalid}},
		{"ApproachKind.MarshalText", kindText, []error{eservqual.ErrInvalid}},
		{"RecoverySample.Add", rs.Add(servqual.Response{Perception: fill(11, 0)}, true), []error{eservqual.ErrInvalid, servqual.ErrOutOfScale}},
		{"DriverWeights", dw, []error{eservqual.ErrInvalid}},
	}
	if wordingUTF != nil {
		cases = append(cases, struct {
			name      string
			err       error
			sentinels []error
		}{"TRIWithWordings UTF-8", wordingUTF, []error{eservqual.ErrInstrument}})
	}
	for _, c := range cases {
		if c.err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		msg := c.err.Error()
		if !strings.HasPrefix(msg, "eservqual: ") || strings.Count(msg, "eservqual: ") != 1 || strings.Count(msg, "servqual: ") != 1 {
			t.Errorf("%s: %q does not carry the prefix exactly once", c.name, msg)
		}
		for _, s := range c.sentinels {
			if !errors.Is(c.err, s) {
				t.Errorf("%s: %q does not wrap %v", c.name, msg, s)
			}
		}
	}
	if !strings.Contains(wordings.Error(), `"OPT9"`) {
		t.Errorf("TRIWithWordings names %q, want the first unknown key in sorted order", wordings)
	}
	for _, s := range []error{eservqual.ErrInvalid, eservqual.ErrEmpty, eservqual.ErrLength, eservqual.ErrInstrument} {
		if strings.Contains(s.Error(), "servqual") {
			t.Errorf("sentinel %q carries a prefix", s)
		}
	}
}

// TestBySegmentOnePersonJSON: JSON of BySegment with a one-person segment
// failed (NaN standard deviations).
func TestBySegmentOnePersonJSON(t *testing.T) {
	r := esqualResponse([4]float64{4, 3, 5, 2}, 4, 5)
	reps, err := eservqual.BySegment(eservqual.ESQUAL(), []servqual.Response{r}, []eservqual.Segment{eservqual.Pioneer})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(reps)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	var back []eservqual.SegmentReport
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal: %v", err)
	}
	if d := cmp.Diff(reps, back, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", d)
	}
	if !strings.HasPrefix(string(b), `[{"segment":"explorer",`) {
		t.Errorf("JSON starts %.60s", b)
	}
}

// TestConcurrentReads backs the documented concurrency (run with -race):
// Report calls may run concurrently, the source of a Merge is only read,
// and options without a Rand may be shared.
func TestConcurrentReads(t *testing.T) {
	src := eservqual.NewRecoverySample(nil)
	for i := 0; i < 10; i++ {
		if err := src.Add(servqual.Response{Perception: fill(11, float64(1+i%5))}, i%2 == 0); err != nil {
			t.Fatal(err)
		}
	}
	data := []eservqual.Profile{{4, 4, 2, 2}, {2, 2, 4, 4}, {3, 3, 3, 3}, {4, 2, 4, 4}}
	opts := &eservqual.SegmentOptions{MaxIterations: 10}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			dst := eservqual.NewRecoverySample(nil)
			ok := true
			for i := 0; i < 20; i++ {
				_ = src.Report()
				ok = ok && dst.Merge(src) == nil
				_, err := eservqual.Segmentation(data, opts)
				ok = ok && err == nil
			}
			rep := dst.Report()
			done <- ok && rep.InSample == 100 && rep.NotApplicable == 100
		}()
	}
	for g := 0; g < 4; g++ {
		if !<-done {
			t.Error("concurrent reads failed")
		}
	}
}
