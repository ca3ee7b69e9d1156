package chart

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/servqual"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// GapsSpec is what [Gaps] draws.
type GapsSpec struct {
	// Title replaces the default title when not empty.
	Title string
	// Report is the survey's report, as returned by
	// servqual.Accumulator.Report; its dimensions are drawn in reporting
	// order.
	Report servqual.Report
	// Measure is the gap drawn: servqual.Gap (P − E, the zero value),
	// servqual.Adequacy or servqual.Superiority.
	Measure servqual.Measure
	// Scale is the rating scale; the y-axis label states the gap's
	// possible range, ±(Max − Min).
	Scale servqual.Scale
}

// Gaps draws the mean gap of spec.Measure (Gap = P − E, Adequacy or
// Superiority) per dimension of spec.Report, in reporting order, with its
// 95% Student-t confidence interval (the report's) as an error bar and a
// reference line at zero (no gap), after Parasuraman, Zeithaml & Berry
// (1988). The y axis is in scale points and its label states the
// possible range, ±(Max − Min) of the scale. A dimension whose interval
// is undefined (one respondent) is drawn without a bar; one nobody
// answered is left out.
//
// It returns an error wrapping [ErrInvalid] for a measure that is not a
// gap, a scale with Max ≤ Min or an option error, and [ErrEmpty] when no
// dimension has the measure.
func Gaps(spec GapsSpec, opts *Options) (*plot.Plot, error) {
	th, err := newTheme("Gaps", opts)
	if err != nil {
		return nil, err
	}
	rep, m, scale := spec.Report, spec.Measure, spec.Scale
	if m != servqual.Gap && m != servqual.Adequacy && m != servqual.Superiority {
		return nil, fmt.Errorf("chart: Gaps: Measure %v is not a gap: %w", m, ErrInvalid)
	}
	if !finite(scale.Min, scale.Max) || !(scale.Max > scale.Min) {
		return nil, fmt.Errorf("chart: Gaps: Scale %v..%v needs finite Min < Max: %w", scale.Min, scale.Max, ErrInvalid)
	}
	var (
		pts   plotter.XYs
		errs  plotter.YErrors
		names []string
	)
	for _, d := range rep.Dimensions {
		s := d.Get(m)
		if s == nil || !finite(s.Mean) {
			continue
		}
		lo, hi := s.Mean-s.CI.Low, s.CI.High-s.Mean
		if !finite(lo, hi) {
			lo, hi = 0, 0
		}
		pts = append(pts, plotter.XY{X: float64(len(pts)), Y: s.Mean})
		errs = append(errs, struct{ Low, High float64 }{lo, hi})
		name := d.Name
		if th.zh && d.Chinese != "" {
			name = d.Chinese
		}
		names = append(names, name)
	}
	if len(pts) == 0 {
		return nil, fmt.Errorf("chart: Gaps: Report: no dimension has measure %v: %w", m, ErrEmpty)
	}
	span := scale.Max - scale.Min
	mname := map[servqual.Measure][2]string{
		servqual.Gap:         {"gap P − E", "差距 P − E"},
		servqual.Adequacy:    {"adequacy gap P − adequate", "适当服务差距 MSA"},
		servqual.Superiority: {"superiority gap P − desired", "理想服务差距 MSS"},
	}[m]
	title := spec.Title
	if title == "" {
		title = th.tr(fmt.Sprintf("%s: mean %s per dimension, 95%% CI (n = %d)", rep.Instrument, mname[0], rep.Responses),
			fmt.Sprintf("%s：各维度平均%s及95%%置信区间（n = %d）", rep.Instrument, mname[1], rep.Responses))
	}
	p := th.newPlot(title, "",
		th.tr(fmt.Sprintf("%s, scale points (range −%s to +%s)", mname[0], num(span), num(span)),
			fmt.Sprintf("%s，量表分（范围 −%s 至 +%s）", mname[1], num(span), num(span))))
	p.NominalX(names...)
	p.Add(plotter.NewGrid())

	zero, err := plotter.NewLine(plotter.XYs{{X: -0.5, Y: 0}, {X: float64(len(pts)) - 0.5, Y: 0}})
	if err != nil {
		return nil, fmt.Errorf("chart: Gaps: %v: %w", err, ErrInvalid)
	}
	zero.LineStyle = draw.LineStyle{Color: colRef, Width: vg.Points(1)}
	bars, err := plotter.NewYErrorBars(struct {
		plotter.XYs
		plotter.YErrors
	}{pts, errs})
	if err != nil {
		return nil, fmt.Errorf("chart: Gaps: %v: %w", err, ErrInvalid)
	}
	bars.LineStyle = draw.LineStyle{Color: colMark, Width: vg.Points(1.5)}
	bars.CapWidth = vg.Points(8)
	dots, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, fmt.Errorf("chart: Gaps: %v: %w", err, ErrInvalid)
	}
	dots.GlyphStyle = draw.GlyphStyle{Color: colMark, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
	p.Add(zero, bars, dots)
	p.X.Label.Text = th.tr("dot: mean; bar: 95% confidence interval; line: no gap (0); below it, service falls short",
		"圆点：平均值；竖线：95%置信区间；横线：无差距（0），其下为服务未达期望")
	p.X.Label.TextStyle.Font.Size = vg.Points(9)
	p.Y.Tick.Marker = stepTicks{}

	// Show zero and a margin around the bars; the scale's ends are in the
	// axis label, as ±span would squash the bars.
	lo, hi := 0.0, 0.0
	for i, q := range pts {
		lo = math.Min(lo, q.Y-errs[i].Low)
		hi = math.Max(hi, q.Y+errs[i].High)
	}
	pad := 0.15 * (hi - lo)
	if pad == 0 {
		pad = 0.5
	}
	p.Y.Min, p.Y.Max = math.Max(lo-pad, -span), math.Min(hi+pad, span)
	p.X.Min, p.X.Max = -0.5, float64(len(pts))-0.5
	return p, nil
}

// num formats x with up to two decimals and no trailing zeros.
func num(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	for len(s) > 1 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// stepTicks labels every tick at a round step (0.1, 0.2, 0.25, 0.5, 1, 2,
// 5, … scale points) chosen for four to eight ticks, zero included.
type stepTicks struct{}

// Ticks implements plot.Ticker.
func (stepTicks) Ticks(min, max float64) []plot.Tick {
	if !finite(min, max) || !(max > min) {
		return nil
	}
	step := 1.0
	for _, base := range []float64{0.1, 0.2, 0.25, 0.5} {
		mag := math.Pow(10, math.Floor(math.Log10(max-min)))
		if s := base * mag; (max-min)/s <= 8 {
			step = s
			break
		}
		step = mag
	}
	var ts []plot.Tick
	for k := math.Ceil(min / step); k*step <= max && len(ts) < 50; k++ {
		v := k * step
		label := num(v)
		if v < 0 {
			label = "−" + num(-v)
		}
		ts = append(ts, plot.Tick{Value: v, Label: label})
	}
	return ts
}
