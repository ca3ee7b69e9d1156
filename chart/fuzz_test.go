package chart_test

import (
	"errors"
	"io"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/cxlab/satisfaction/servqual"
	"gonum.org/v1/plot"
)

// checkDraw asserts that a chart either failed with a sentinel-wrapping
// error or renders as SVG and PNG without error.
func checkDraw(t *testing.T, p *plot.Plot, err error) {
	t.Helper()
	if err != nil {
		if !errors.Is(err, chart.ErrEmpty) && !errors.Is(err, chart.ErrInvalid) {
			t.Fatalf("error %v wraps no sentinel", err)
		}
		return
	}
	if err := chart.WriteSVG(io.Discard, p, 0, 0); err != nil {
		t.Fatalf("SVG: %v", err)
	}
	if err := chart.WritePNG(io.Discard, p, 4*72, 3*72); err != nil {
		t.Fatalf("PNG: %v", err)
	}
}

func FuzzIPAGrid(f *testing.F) {
	f.Add(29.0, 5.0, 16.0, 5.8, 0.0, 0.0, false)
	f.Add(1.0, 1.0, 1.0, 1.0, 0.0, 0.0, false)                                // no spread
	f.Add(1e308, -1e308, -1e308, 1e308, 0.0, 0.0, false)                      // huge
	f.Add(math.NaN(), 1.0, 2.0, 3.0, 0.0, 0.0, false)                         // NaN
	f.Add(0.3, 5.0, 0.2, 4.0, math.Inf(1), 0.0, true)                         // bad cross-hair
	f.Add(math.Copysign(0, -1), 5e-324, -5e-324, 1e-300, 1e300, -1e300, true) // tiny and huge
	f.Fuzz(func(t *testing.T, i1, p1, i2, p2, ci, cp float64, cross bool) {
		spec := chart.IPASpec{Points: servqual.IPAPoints{{Key: "a", Importance: i1, Performance: p1}, {Key: "b", Importance: i2, Performance: p2}}}
		if cross {
			spec.Crosshair = &servqual.Crosshair{Importance: ci, Performance: cp}
		}
		p, err := chart.IPAGrid(spec, nil)
		checkDraw(t, p, err)
	})
}

func FuzzRetention(f *testing.F) {
	f.Add(1000.0, 631.0, 468.0, 5)
	f.Add(0.0, 0.0, 0.0, 0)
	f.Add(1e308, 1e308, 0.0, 3)
	f.Add(-1.0, 1.0, 1.0, 1)
	f.Add(math.Inf(1), 1.0, 1.0, -5)
	f.Fuzz(func(t *testing.T, a, b, c float64, fit int) {
		p, err := chart.Retention(chart.RetentionSpec{
			Projected: btyd.PeriodSeries{a, b, c}, Actual: btyd.PeriodSeries{a, b}, FitPeriods: fit}, nil)
		checkDraw(t, p, err)
	})
}

func FuzzGaps(f *testing.F) {
	f.Add(-1.4, 0.3, 0.3, 0.3)
	f.Add(1e308, 1e308, -1e308, 1e308)
	f.Add(0.0, 0.0, 0.0, 0.0)
	f.Add(math.NaN(), 0.1, 0.2, math.Inf(1))
	f.Fuzz(func(t *testing.T, m1, h1, m2, h2 float64) {
		rep := servqual.Report{Instrument: "x", Responses: 2, Dimensions: []servqual.DimensionReport{
			{Key: "a", Name: "A", Measures: servqual.Measures{Gap: stat(m1, h1)}},
			{Key: "b", Name: "B", Measures: servqual.Measures{Gap: stat(m2, h2)}},
		}}
		p, err := chart.Gaps(chart.GapsSpec{Report: rep, Measure: servqual.Gap, Scale: servqual.Scale{Min: 1, Max: 7}}, nil)
		checkDraw(t, p, err)
	})
}
