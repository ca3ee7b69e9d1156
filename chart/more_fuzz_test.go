package chart_test

import (
	"math"
	"testing"

	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/shopspring/decimal"
)

func FuzzCalibrationHoldout(f *testing.F) {
	f.Add(0, 1411, 0.24, 0.23, 5, 190, 3.9, 4.2)
	f.Add(0, 0, math.NaN(), math.NaN(), 1, 0, math.NaN(), math.NaN())  // no customers
	f.Add(-1, 5, 1.0, 1.0, 2, 5, 1.0, 1.0)                             // negative frequency
	f.Add(0, 1, 1e308, 1e308, 1000, 1, 0.0, 0.0)                       // huge
	f.Add(3, 1, math.Inf(1), -1.0, 3, 1, math.Copysign(0, -1), 5e-324) // same frequency twice
	f.Add(1<<30, 1, 1.0, 1.0, 0, -7, 1.0, 1.0)
	f.Fuzz(func(t *testing.T, f1, n1 int, a1, p1 float64, f2, n2 int, a2, p2 float64) {
		tab := btyd.CalibrationHoldout{Rows: []btyd.CalibrationHoldoutRow{
			{Frequency: f1, Customers: n1, Actual: a1, Predicted: p1},
			{Frequency: f2, Customers: n2, Actual: a2, Predicted: p2, OrMore: true},
		}}
		p, err := chart.CalibrationHoldout(chart.CalibrationSpec{Table: tab}, nil)
		checkDraw(t, p, err)
	})
}

func FuzzTracking(f *testing.F) {
	f.Add(10.0, 30.0, 12.0, 29.0, 1.0, true)
	f.Add(0.0, 0.0, 0.0, 0.0, 0.0, false)
	f.Add(1e308, 1e308, 1e308, 1e308, 1.0, true) // running total overflows
	f.Add(-1.0, 2.0, 3.0, 4.0, 1.0, false)
	f.Add(1.0, 2.0, math.NaN(), 4.0, math.Inf(1), true)
	f.Add(1.0, 2.0, 3.0, 4.0, -1e300, false)
	f.Fuzz(func(t *testing.T, a0, a1, e0, e1, cal float64, cum bool) {
		p, err := chart.Tracking(chart.TrackingSpec{
			Actual: btyd.PeriodSeries{a0, a1}, Expected: btyd.PeriodSeries{e0, e1, e1},
			CalibrationEnd: cal, Cumulative: cum}, nil)
		checkDraw(t, p, err)
	})
}

func FuzzProbAlive(f *testing.F) {
	f.Add(0.5, 39.0, 10, 13)
	f.Add(0.0, 1e-300, 0, 1)
	f.Add(1.0, 1e308, 200, 200)
	f.Add(math.NaN(), 39.0, 3, 3)
	f.Add(1.5, 39.0, 3, 3)
	f.Add(0.5, math.Inf(1), -1, 0)
	f.Add(0.5, 39.0, 201, 1000)
	f.Fuzz(func(t *testing.T, v, T float64, maxX, cells int) {
		p, err := chart.ProbAlive(chart.AliveSpec{
			Alive: func(x int, tx float64) float64 { return v }, T: T, MaxFrequency: maxX, Cells: cells}, nil)
		checkDraw(t, p, err)
	})
}

func FuzzTornado(f *testing.F) {
	f.Add(64000.0, 136000.0, 76000.0, 124000.0, 100000.0, 0.2)
	f.Add(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
	f.Add(-1e300, 1e300, 5.0, 5.0, 0.0, 1.0)
	f.Add(-1.7e308, 1.7e308, 5.0, 5.0, 0.0, 0.2) // a span beyond float64: hung the PNG rasteriser
	f.Add(1.0, 2.0, 3.0, 4.0, 5.0, 1.5)
	f.Add(1.0, 2.0, 3.0, 4.0, 5.0, math.NaN())
	f.Fuzz(func(t *testing.T, l1, r1, l2, r2, base, change float64) {
		if !finiteAll(l1, r1, l2, r2, base) {
			return // decimals are finite
		}
		d := decimal.NewFromFloat
		bars := []loyalty.TornadoBar{
			{Input: "a", Lowered: d(l1), Raised: d(r1)}, {Input: "b", Chinese: "乙", Cost: true, Lowered: d(l2), Raised: d(r2)}}
		p, err := chart.Tornado(chart.TornadoSpec{Bars: bars, Base: d(base), Change: change}, nil)
		checkDraw(t, p, err)
	})
}

func FuzzZone(f *testing.F) {
	f.Add(4.0, 6.0, 6.5, 6.1, 6.9, 7.0)
	f.Add(5.0, 4.0, 4.5, math.NaN(), math.NaN(), 7.0) // adequate above desired
	f.Add(1.0, 7.0, 7.0, 7.0, 7.0, 7.0)
	f.Add(0.0, 0.0, 0.0, 0.0, 0.0, 0.0) // empty scale
	f.Add(-1e308, 1e308, 0.0, -1e308, 1e308, 1e308)
	f.Add(math.Inf(-1), 1.0, 1.0, 1.0, 1.0, math.Inf(1))
	f.Fuzz(func(t *testing.T, ad, de, pe, lo, hi, top float64) {
		p, err := chart.Zone(chart.ZoneSpec{
			Rows:  []chart.ZoneRow{{Name: "a", Adequate: ad, Desired: de, Perceived: pe, CI: ep.Interval{Low: lo, High: hi}}},
			Scale: servqual.Scale{Min: 1, Max: top}}, nil)
		checkDraw(t, p, err)
		// The same numbers as a report's means: P, MSA = P − adequate,
		// MSS = P − desired.
		rep := servqual.Report{Dimensions: []servqual.DimensionReport{{Name: "a", Measures: servqual.Measures{
			Perception: &servqual.Stat{N: 2, Mean: pe, CI: ep.Interval{Low: lo, High: hi}},
			Adequacy:   &servqual.Stat{N: 2, Mean: pe - ad}, Superiority: &servqual.Stat{N: 2, Mean: pe - de}}}}}
		rows := chart.ZoneRows(rep, nil)
		if len(rows) > 1 {
			t.Fatalf("%d rows from one dimension", len(rows))
		}
		p, err = chart.Zone(chart.ZoneSpec{Rows: rows, Scale: servqual.Scale{Min: 1, Max: 7}}, nil)
		checkDraw(t, p, err)
	})
}

func FuzzPathDiagram(f *testing.F) {
	f.Add(0.5, -0.3, 0.67, 0.0, 0.0, false)
	f.Add(math.NaN(), 0.1, math.NaN(), 0.0, 0.0, false)
	f.Add(1e308, -1e308, 1e308, 1e300, -1e300, true)
	f.Add(0.0, 0.0, 0.0, 0.0, 0.0, true) // every box at one place
	f.Add(5e-324, math.Copysign(0, -1), math.Inf(1), math.NaN(), 1.0, true)
	f.Fuzz(func(t *testing.T, c1, c2, r2, x, y float64, place bool) {
		res := &pls.Result{N: 3,
			Constructs: []pls.ConstructResult{{Name: "A", R2: math.NaN()}, {Name: "B", R2: r2}, {Name: "C", R2: r2}},
			Paths:      []pls.PathResult{{From: "A", To: "B", Coefficient: c1}, {From: "B", To: "C", Coefficient: c2}}}
		spec := chart.PathSpec{Result: res}
		if place {
			spec.Positions = map[string]chart.Position{"A": {0, 0}, "B": {X: x, Y: y}, "C": {X: y, Y: x}}
		}
		p, err := chart.PathDiagram(spec, nil)
		checkDraw(t, p, err)
	})
}

func finiteAll(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
