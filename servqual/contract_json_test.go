package servqual_test

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestJSONRoundTrip encodes every exported result type in its zero value,
// empty, one-observation and typical states with encoding/json and decodes
// it back: NaN must come back as NaN (null in between), everything else
// unchanged.
func TestJSONRoundTrip(t *testing.T) {
	in := servqual.SERVQUAL()
	empty := servqual.NewAccumulator(in)

	one := servqual.NewAccumulator(in)
	oneResp := servqual.Response{Expectation: fill(22, 6), Perception: fill(22, 5), Outcomes: []float64{5},
		Importance: []float64{20, 20, 20, 20, 20}}
	oneResp.Perception[3] = math.NaN()
	if err := one.Add(oneResp); err != nil {
		t.Fatal(err)
	}
	typical := ecsiAccumulator(t)
	zone := servqual.NewAccumulator(in)
	for _, r := range threeRespondents() {
		if err := zone.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	tol := servqual.NewAccumulator(in)
	if err := tol.Add(servqual.Response{Adequate: fill(22, 3), Desired: fill(22, 6), Perception: fill(22, 2)}); err != nil {
		t.Fatal(err)
	}
	repTypical := typical.Report()
	repOne := one.Report()
	score, err := in.Score(oneResp)
	if err != nil {
		t.Fatal(err)
	}
	relTypical, err := typical.Reliability(servqual.Perception)
	if err != nil {
		t.Fatal(err)
	}
	relOne, err := one.Reliability(servqual.Gap)
	if err != nil {
		t.Fatal(err)
	}
	drTypical, err := typical.KeyDrivers(servqual.Perception, "satisfaction")
	if err != nil {
		t.Fatal(err)
	}
	diffOne, err := servqual.Welch("x", *repOne.Dimensions[1].Gap, *zone.Report().Dimensions[1].Gap)
	if err != nil {
		t.Fatal(err)
	}
	diffs, err := servqual.Compare(zone.Report(), zone.Report(), servqual.Gap)
	if err != nil {
		t.Fatal(err)
	}
	pts, err := servqual.IPA([]string{"a", "b", "c"}, []float64{30, 50, 20}, []float64{5, 4, 6}, nil)
	if err != nil {
		t.Fatal(err)
	}
	nan := math.NaN()
	cases := []struct {
		name string
		v    any
	}{
		{"Report zero", servqual.Report{}},
		{"Report empty", empty.Report()},
		{"Report one", repOne},
		{"Report zone", zone.Report()},
		{"Report typical", repTypical},
		{"ItemReport zero", servqual.ItemReport{}},
		{"ItemReport one", repOne.Items[3]},
		{"DimensionReport one", repOne.Dimensions[0]},
		{"OutcomeReport one", repOne.Outcomes[0]},
		{"Measures zero", servqual.Measures{}},
		{"Measures one", repOne.Overall},
		{"ZoneCounts", *tol.Report().Items[0].Zone},
		{"Report zone of tolerance", tol.Report()},
		{"Stat zero", servqual.Stat{}},
		{"Stat one", *repOne.Dimensions[1].Gap},
		{"Stat typical", *repTypical.Overall.Perception},
		{"Interval NaN", ep.Interval{Low: nan, High: nan}},
		{"Priority zero", servqual.Priority{}},
		{"Priority one", repOne.ItemPriorities[0]},
		{"Priority typical", repTypical.ItemPriorities[0]},
		{"Reliability zero", servqual.Reliability{}},
		{"Reliability one", relOne[0]},
		{"Reliability typical", relTypical[0]},
		{"ItemReliability zero", servqual.ItemReliability{}},
		{"ItemReliability one", relOne[0].Items[0]},
		{"Drivers zero", servqual.Drivers{}},
		{"Drivers undefined", repOne.Drivers[0]},
		{"Drivers typical", drTypical},
		{"Difference zero", servqual.Difference{}},
		{"Difference one", diffOne},
		{"Differences typical", diffs},
		{"Score zero", servqual.Score{}},
		{"Score one", score},
		{"ItemScore one", score.Items[3]},
		{"DimensionScore one", score.Dimensions[0]},
		{"IPAPoint zero", servqual.IPAPoint{}},
		{"IPAPoints typical", pts},
		{"Crosshair NaN", servqual.Crosshair{Importance: nan, Performance: 1}},
		{"IPAOptions zero", servqual.IPAOptions{}},
		{"IPAOptions", servqual.IPAOptions{Crosshair: &servqual.Crosshair{Importance: 1, Performance: 2}}},
		{"Response zero", servqual.Response{}},
		{"Response missing answers", oneResp},
		{"Response all missing", servqual.Response{Perception: []float64{nan, nan}, Outcomes: []float64{nan}}},
		{"Scale", servqual.Scale{Min: 1, Max: 7}},
		{"Scale zero", servqual.Scale{}},
		{"Outcome", servqual.OutcomeRating{Key: "o", Scale: servqual.Scale{Min: 0, Max: 10}}},
		{"OutcomeRating labelled", servqual.SERVQUAL().Outcome(0)},
		{"Item labelled", servqual.SERVQUAL().Item(8)},
		{"Dimension labelled", servqual.SERVQUAL().Dimension(4)},
		{"ItemReport labelled", *repTypical.Item(repTypical.Items[0].Key)},
		{"SERVQUAL ItemReport labelled", *repOne.Item("Q9")},
		{"Reliability with alpha interval", *repTypical.ReliabilityOf(repTypical.Dimensions[0].Key, servqual.Perception)},
		{"Quadrants", []servqual.Quadrant{servqual.QuadrantUnknown, servqual.ConcentrateHere, servqual.KeepUpTheGoodWork, servqual.LowPriority, servqual.PossibleOverkill}},
		{"Measures and zones", struct {
			M []servqual.Measure
			Z []servqual.Zone
		}{[]servqual.Measure{servqual.Gap, servqual.Perception, servqual.Expectation, servqual.Adequacy, servqual.Superiority},
			[]servqual.Zone{servqual.ZoneUnknown, servqual.BelowZone, servqual.InZone, servqual.AboveZone}}},
	}
	for _, c := range cases {
		b, err := json.Marshal(c.v)
		if err != nil {
			t.Errorf("%s: json.Marshal: %v", c.name, err)
			continue
		}
		back := reflect.New(reflect.TypeOf(c.v))
		if err := json.Unmarshal(b, back.Interface()); err != nil {
			t.Errorf("%s: json.Unmarshal(%s): %v", c.name, b, err)
			continue
		}
		if d := cmp.Diff(c.v, back.Elem().Interface(), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: round trip through %s (-want +got):\n%s", c.name, b, d)
		}
	}
}

// TestJSONShape pins the encoding of undefined numbers as null.
func TestJSONShape(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		v    any
		want string
	}{
		{servqual.Stat{N: 1, Mean: 3, SD: nan, SE: nan, CI: ep.Interval{Low: nan, High: nan}, T: nan, P: nan},
			`{"n":1,"mean":3,"sd":null,"se":null,"ci":{"low":null,"high":null},"t":null,"p":null}`},
		{servqual.Priority{Rank: 1, Key: "Q1", Mean: 2, CI: ep.Interval{Low: nan, High: nan}},
			`{"rank":1,"key":"Q1","mean":2,"ci":{"low":null,"high":null}}`},
		{servqual.ItemReliability{Key: "Q1", ItemRest: nan, AlphaIfDropped: 0.5, Reason: "why"},
			`{"key":"Q1","item_rest":null,"alpha_if_dropped":0.5,"reason":"why"}`},
		{servqual.Response{Perception: []float64{nan, 4}}, `{"perception":[null,4]}`},
		{servqual.SERVQUAL().Item(8), `{"key":"Q9","dimension":"reliability","name":"error-free records","chinese":"记录准确无误"}`},
		{servqual.Reliability{Dimension: "d", Measure: servqual.Adequacy, N: 3, K: 2, Alpha: 0.5, AlphaCI: ep.Interval{Low: nan, High: 0.9}, StdAlpha: nan, MeanR: nan},
			`{"dimension":"d","measure":"adequacy","n":3,"k":2,"alpha":0.5,"alpha_ci":{"low":null,"high":0.9},"std_alpha":null,"mean_r":null,"items":null}`},
		{[]servqual.Quadrant{servqual.LowPriority, servqual.KeepUpTheGoodWork}, `["low_priority","keep_up_the_good_work"]`},
	} {
		b, err := json.Marshal(c.v)
		if err != nil || string(b) != c.want {
			t.Errorf("json.Marshal(%+v) = %s, %v; want %s", c.v, b, err, c.want)
		}
	}
}
