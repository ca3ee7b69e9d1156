package chart_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/shopspring/decimal"
	"gonum.org/v1/plot"
)

// allCharts calls each of the nine charts with a small valid spec whose
// Title is title.
var allCharts = []struct {
	name string
	draw func(title string, opts *chart.Options) (*plot.Plot, error)
}{
	{"Gaps", func(title string, opts *chart.Options) (*plot.Plot, error) {
		return chart.Gaps(chart.GapsSpec{Title: title, Report: gapReport(), Scale: servqual.Scale{Min: 1, Max: 7}}, opts)
	}},
	{"Zone", func(title string, opts *chart.Options) (*plot.Plot, error) {
		return chart.Zone(chart.ZoneSpec{Title: title, Rows: []chart.ZoneRow{{Name: "a", Adequate: 4, Desired: 6, Perceived: 5}}, Scale: servqual.Scale{Min: 1, Max: 7}}, opts)
	}},
	{"IPAGrid", func(title string, opts *chart.Options) (*plot.Plot, error) {
		return chart.IPAGrid(chart.IPASpec{Title: title, Points: ipaPoints()}, opts)
	}},
	{"PathDiagram", func(title string, opts *chart.Options) (*plot.Plot, error) {
		return chart.PathDiagram(chart.PathSpec{Title: title, Result: ecsiResult()}, opts)
	}},
	{"Retention", func(title string, opts *chart.Options) (*plot.Plot, error) {
		return chart.Retention(chart.RetentionSpec{Title: title, Projected: btyd.PeriodSeries{1000, 600, 450}}, opts)
	}},
	{"CalibrationHoldout", func(title string, opts *chart.Options) (*plot.Plot, error) {
		return chart.CalibrationHoldout(chart.CalibrationSpec{Title: title, Table: calTable()}, opts)
	}},
	{"Tracking", func(title string, opts *chart.Options) (*plot.Plot, error) {
		return chart.Tracking(chart.TrackingSpec{Title: title, Expected: btyd.PeriodSeries{1, 3, 4}}, opts)
	}},
	{"ProbAlive", func(title string, opts *chart.Options) (*plot.Plot, error) {
		return chart.ProbAlive(chart.AliveSpec{Title: title, Alive: func(int, float64) float64 { return 0.5 }, T: 39, MaxFrequency: 2}, opts)
	}},
	{"Tornado", func(title string, opts *chart.Options) (*plot.Plot, error) {
		return chart.Tornado(chart.TornadoSpec{Title: title, Bars: []loyalty.TornadoBar{{Input: "x", Lowered: decimal.NewFromInt(90), Raised: decimal.NewFromInt(110)}}, Base: decimal.NewFromInt(100)}, opts)
	}},
}

// TestChartsShareOneShape: every chart is F(spec FSpec, opts *Options);
// nil options draw in English, spec.Title replaces the default title, and
// an option error names the chart: "chart: F: Options.Font: …", wrapping
// ErrInvalid, with the prefix once.
func TestChartsShareOneShape(t *testing.T) {
	for _, c := range allCharts {
		p, err := c.draw("A title of the caller's", nil)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		_, texts := render(t, p)
		hasText(t, texts, "A title of the caller's")
		_, err = c.draw("", &chart.Options{Chinese: true})
		want := "chart: " + c.name + ": Options.Font: "
		if err == nil || !errors.Is(err, chart.ErrInvalid) || !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), "chart: ") != 1 {
			t.Errorf("%s, Chinese without a font: %v, want an error starting %q wrapping ErrInvalid", c.name, err, want)
		}
		_, err = c.draw("", &chart.Options{Font: []byte("not a font")})
		if err == nil || !errors.Is(err, chart.ErrInvalid) || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s, a bad font: %v, want an error starting %q wrapping ErrInvalid", c.name, err, want)
		}
	}
}

// TestSingularUnits: one period is "1 week" and "year 0", not "1 weeks"
// and "years 0–0".
func TestSingularUnits(t *testing.T) {
	p, err := chart.ProbAlive(chart.AliveSpec{Alive: func(int, float64) float64 { return 0.5 }, T: 1, MaxFrequency: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, texts := render(t, p)
	hasText(t, texts, "still active, after 1 week")
	p, err = chart.Retention(chart.RetentionSpec{Projected: btyd.PeriodSeries{100, 60, 45}, Actual: btyd.PeriodSeries{100, 62}, FitPeriods: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, texts = render(t, p)
	hasText(t, texts, "end of fit (year 0 used)")
}
