package chart_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/cxlab/satisfaction/servqual"
	"gonum.org/v1/plot"
)

// Fill colours of the marks (the Okabe & Ito blue and vermilion).
const (
	markFill   = "fill:#0072B2"
	actualFill = "fill:#D55E00"
)

func stat(mean, half float64) *servqual.Stat {
	return &servqual.Stat{N: 40, Mean: mean, CI: ep.Interval{Low: mean - half, High: mean + half}}
}

func gapReport() servqual.Report {
	return servqual.Report{
		Instrument: "SERVQUAL",
		Responses:  40,
		Dimensions: []servqual.DimensionReport{
			{Key: "tangibles", Name: "Tangibles", Chinese: "有形性", Measures: servqual.Measures{Gap: stat(0.3, 0.3)}},
			{Key: "reliability", Name: "Reliability", Chinese: "可靠性", Measures: servqual.Measures{Gap: stat(-1.4, 0.3)}},
			// One respondent: no interval, the mean is still drawn.
			{Key: "responsiveness", Name: "Responsiveness", Measures: servqual.Measures{Gap: &servqual.Stat{N: 1, Mean: -1, CI: ep.Interval{Low: math.NaN(), High: math.NaN()}}}},
			// Nobody answered: left out.
			{Key: "empathy", Name: "Empathy"},
		},
	}
}

func ipaPoints() servqual.IPAPoints {
	return servqual.IPAPoints{
		{Key: "reliability", Importance: 29, Performance: 5.0},
		{Key: "tangibles", Importance: 21, Performance: 5.6},
		{Key: "assurance", Importance: 16, Performance: 5.8},
		{Key: "responsiveness", Importance: 13, Performance: 5.1},
	}
}

// render draws p as SVG and PNG and returns the SVG's text, checking that
// the SVG parses as XML and the PNG decodes to the default size.
func render(t *testing.T, p *plot.Plot) (svg string, texts []string) {
	t.Helper()
	var s, g bytes.Buffer
	if err := chart.WriteSVG(&s, p, 0, 0); err != nil {
		t.Fatal(err)
	}
	if err := chart.WritePNG(&g, p, 0, 0); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&g)
	if err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	// 16 cm × 10 cm at 96 dpi.
	if b := img.Bounds(); b.Dx() != 605 || b.Dy() != 378 {
		t.Errorf("PNG is %d×%d, want 605×378", b.Dx(), b.Dy())
	}
	dec := xml.NewDecoder(bytes.NewReader(s.Bytes()))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse as XML: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok && strings.TrimSpace(string(cd)) != "" {
			texts = append(texts, string(cd))
		}
	}
	return s.String(), texts
}

func hasText(t *testing.T, texts []string, want ...string) {
	t.Helper()
	all := strings.Join(texts, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("SVG lacks text %q; has %q", w, texts)
		}
	}
}

func TestGaps(t *testing.T) {
	p, err := chart.Gaps(chart.GapsSpec{Report: gapReport(), Measure: servqual.Gap, Scale: servqual.Scale{Min: 1, Max: 7}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	svg, texts := render(t, p)
	// One dot per dimension with a gap: tangibles, reliability, responsiveness.
	if n := strings.Count(svg, markFill); n != 3 {
		t.Errorf("%d mean marks, want 3", n)
	}
	hasText(t, texts, "SERVQUAL: mean gap P − E per dimension, 95% CI (n = 40)",
		"gap P − E, scale points (range −6 to +6)", "95% confidence interval",
		"Tangibles", "Reliability", "Responsiveness", "0", "−1")
	if strings.Contains(strings.Join(texts, " "), "Empathy") {
		t.Error("a dimension nobody answered is drawn")
	}
}

func TestIPAGrid(t *testing.T) {
	scale := servqual.Scale{Min: 1, Max: 7}
	p, err := chart.IPAGrid(chart.IPASpec{
		Points:           ipaPoints(),
		Names:            map[string]string{"reliability": "Reliability"},
		ImportanceLabel:  "importance, % of R²",
		PerformanceLabel: "mean perception, scale 1–7",
		PerformanceScale: &scale,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	svg, texts := render(t, p)
	if n := strings.Count(svg, markFill); n != 4 {
		t.Errorf("%d point marks, want 4", n)
	}
	hasText(t, texts, "Importance-performance grid (split at the means)", "importance, % of R²",
		"mean perception, scale 1–7", "Reliability", "tangibles", "concentrate here",
		"keep up the good work", "low priority", "possible overkill")
	// The scale's ends are labelled ticks.
	for _, end := range []string{"1", "7"} {
		found := false
		for _, s := range texts {
			found = found || s == end
		}
		if !found {
			t.Errorf("scale end %s not labelled", end)
		}
	}
	// Two dashed cross-hair lines.
	if n := strings.Count(svg, "stroke-dasharray"); n < 2 {
		t.Errorf("%d dashed lines, want the 2 of the cross-hair", n)
	}
}

func TestRetention(t *testing.T) {
	proj, err := btyd.SBG{Alpha: 0.704, Beta: 1.182}.Project(1000, 10)
	if err != nil {
		t.Fatal(err)
	}
	p, err := chart.Retention(chart.RetentionSpec{
		Projected:  btyd.PeriodSeries(proj),
		Actual:     btyd.CountSeries{1000, 631, 468, 382, 326, 289, 262, 241},
		FitPeriods: 5,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	svg, texts := render(t, p)
	if n := strings.Count(svg, actualFill); n != 8+1 { // 8 actual points and the legend's
		t.Errorf("%d actual marks, want 8 and the legend's", n)
	}
	hasText(t, texts, "Cohort retention: sBG projection against actual survivors",
		"year since acquisition", "customers active at the start of the year",
		"projected by the model", "end of fit (years 0–4 used)", "actual", "1000", "0", "10")
}

func TestErrors(t *testing.T) {
	scale := servqual.Scale{Min: 1, Max: 7}
	nan := math.NaN()
	cases := []struct {
		name string
		err  error
		want error
	}{}
	add := func(name string, err, want error) {
		cases = append(cases, struct {
			name string
			err  error
			want error
		}{name, err, want})
	}
	_, err := chart.Gaps(chart.GapsSpec{Report: servqual.Report{}, Measure: servqual.Gap, Scale: scale}, nil)
	add("gaps empty", err, chart.ErrEmpty)
	_, err = chart.Gaps(chart.GapsSpec{Report: gapReport(), Measure: servqual.Perception, Scale: scale}, nil)
	add("gaps measure", err, chart.ErrInvalid)
	_, err = chart.Gaps(chart.GapsSpec{Report: gapReport(), Measure: servqual.Gap, Scale: servqual.Scale{Min: 7, Max: 1}}, nil)
	add("gaps scale", err, chart.ErrInvalid)
	_, err = chart.Gaps(chart.GapsSpec{Report: gapReport(), Measure: servqual.Gap, Scale: scale}, &chart.Options{Chinese: true})
	add("chinese without font", err, chart.ErrInvalid)
	_, err = chart.Gaps(chart.GapsSpec{Report: gapReport(), Measure: servqual.Gap, Scale: scale}, &chart.Options{Font: []byte("not a font")})
	add("bad font", err, chart.ErrInvalid)
	_, err = chart.IPAGrid(chart.IPASpec{}, nil)
	add("ipa empty", err, chart.ErrEmpty)
	_, err = chart.IPAGrid(chart.IPASpec{Points: servqual.IPAPoints{{Key: "a", Importance: nan}}}, nil)
	add("ipa nan", err, chart.ErrInvalid)
	_, err = chart.IPAGrid(chart.IPASpec{Points: ipaPoints(), Crosshair: &servqual.Crosshair{Importance: math.Inf(1)}}, nil)
	add("ipa crosshair", err, chart.ErrInvalid)
	_, err = chart.Retention(chart.RetentionSpec{}, nil)
	add("retention empty", err, chart.ErrEmpty)
	_, err = chart.Retention(chart.RetentionSpec{Projected: btyd.PeriodSeries{1000, -1}}, nil)
	add("retention negative", err, chart.ErrInvalid)
	err = chart.WriteSVG(io.Discard, nil, 0, 0)
	add("nil plot", err, chart.ErrEmpty)
	err = chart.WritePNG(io.Discard, plot.New(), -1, 0)
	add("bad width", err, chart.ErrInvalid)
	err = chart.WritePNG(io.Discard, plot.New(), 0, 1e9)
	add("huge height", err, chart.ErrInvalid)
	for _, c := range cases {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: %v, want it to wrap %v", c.name, c.err, c.want)
			continue
		}
		if msg := c.err.Error(); !strings.HasPrefix(msg, "chart: ") || strings.Count(msg, "chart: ") != 1 {
			t.Errorf("%s: %q does not start with \"chart: \" exactly once", c.name, msg)
		}
	}
}
