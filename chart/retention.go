package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// RetentionSpec is what [Retention] draws.
type RetentionSpec struct {
	// Title replaces the default title when not empty.
	Title string
	// Projected is the model's projection per period, such as
	// btyd.PeriodSeries(fit.Project(cohort, periods)).
	Projected plotter.XYer
	// Actual is the observed survivors per period, such as
	// btyd.CountSeries(survivors); it may be nil.
	Actual plotter.XYer
	// FitPeriods, if > 0, marks the end of the calibration period: the
	// periods 0 … FitPeriods−1 of Actual were used in the fit and the
	// later ones were held out.
	FitPeriods int
	// Period names the time unit of the x axis ("year" when empty).
	Period string
}

// Retention draws a cohort's survivors projected by a retention model,
// such as the shifted-beta-geometric model of Fader & Hardie (2007),
// against the actual survivors, with the end of the calibration period
// marked. The y axis runs from 0 to the cohort size (the largest value),
// so both ends of the scale are marked.
//
// It returns an error wrapping [ErrEmpty] for an empty projection and
// [ErrInvalid] for a value that is not finite or is negative, or an
// option error.
func Retention(spec RetentionSpec, opts *Options) (*plot.Plot, error) {
	th, err := newTheme("Retention", opts)
	if err != nil {
		return nil, err
	}
	if spec.Projected == nil || spec.Projected.Len() == 0 {
		return nil, fmt.Errorf("chart: Retention: Projected: %w", ErrEmpty)
	}
	proj := copyXYs(spec.Projected)
	var act plotter.XYs
	if spec.Actual != nil {
		act = copyXYs(spec.Actual)
	}
	top, right := 0.0, 0.0
	for _, s := range []struct {
		name string
		xys  plotter.XYs
	}{{"Projected", proj}, {"Actual", act}} {
		for i, q := range s.xys {
			if !finite(q.X, q.Y) || q.Y < 0 {
				return nil, fmt.Errorf("chart: Retention: %s[%d] = (%v, %v) must be finite with y ≥ 0: %w", s.name, i, q.X, q.Y, ErrInvalid)
			}
			top, right = math.Max(top, q.Y), math.Max(right, q.X)
		}
	}
	unit := spec.Period
	if unit == "" {
		unit = th.tr("year", "年")
	}
	title := spec.Title
	if title == "" {
		title = th.tr("Cohort retention: sBG projection against actual survivors",
			"客户群留存：sBG 模型预测与实际留存人数")
	}
	p := th.newPlot(title,
		th.tr(fmt.Sprintf("%s since acquisition", unit), fmt.Sprintf("获客后第几%s", unit)),
		th.tr(fmt.Sprintf("customers active at the start of the %s", unit), fmt.Sprintf("%s初仍活跃的客户数", unit)))
	p.Legend.Top = true
	if right <= 20 {
		p.X.Tick.Marker = scaleTicks{lo: 0, hi: right}
	}
	p.Add(plotter.NewGrid())
	p.X.Min, p.X.Max = 0, right
	p.Y.Min, p.Y.Max = 0, math.Min(top*1.05, math.MaxFloat64)
	p.Y.Tick.Marker = endTicks{top: top}

	line, err := plotter.NewLine(proj)
	if err != nil {
		return nil, fmt.Errorf("chart: Retention: Projected: %v: %w", err, ErrInvalid)
	}
	line.LineStyle = draw.LineStyle{Color: colMark, Width: vg.Points(2)}
	p.Add(line)
	p.Legend.Add(th.tr("projected by the model", "模型预测"), line)
	if spec.FitPeriods > 0 && len(act) > 0 {
		x := float64(spec.FitPeriods) - 0.5
		cut, err := plotter.NewLine(plotter.XYs{{X: x, Y: 0}, {X: x, Y: p.Y.Max}})
		if err != nil {
			return nil, fmt.Errorf("chart: Retention: %v: %w", err, ErrInvalid)
		}
		cut.LineStyle = draw.LineStyle{Color: colRef, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
		p.Add(cut)
		used := fmt.Sprintf("%ss 0–%d", unit, spec.FitPeriods-1)
		if spec.FitPeriods == 1 {
			used = unit + " 0"
		}
		p.Legend.Add(th.tr(fmt.Sprintf("end of fit (%s used)", used),
			fmt.Sprintf("拟合期结束（用第 %d–%d %s）", 0, spec.FitPeriods-1, unit)), cut)
	}
	if len(act) > 0 {
		dots, err := plotter.NewScatter(act)
		if err != nil {
			return nil, fmt.Errorf("chart: Retention: Actual: %v: %w", err, ErrInvalid)
		}
		dots.GlyphStyle = draw.GlyphStyle{Color: colActual, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
		p.Add(dots)
		p.Legend.Add(th.tr("actual", "实际"), dots)
	}
	return p, nil
}

// endTicks adds a labelled tick at the cohort size to the default ticks.
type endTicks struct{ top float64 }

// Ticks implements plot.Ticker.
func (e endTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	out := ts[:0]
	for _, t := range ts {
		// Drop a labelled tick too close to the cohort's to be read.
		if t.Label != "" && math.Abs(t.Value-e.top) < 0.04*(max-min) {
			continue
		}
		out = append(out, t)
	}
	return append(out, plot.Tick{Value: e.top, Label: num(e.top)})
}
