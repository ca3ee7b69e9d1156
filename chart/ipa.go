package chart

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/servqual"
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// IPASpec is what [IPAGrid] draws.
type IPASpec struct {
	// Title replaces the default title when not empty.
	Title string
	// Points are the attributes, as returned by servqual.IPA.
	Points servqual.IPAPoints
	// Crosshair is where the grid is divided; nil means the grand means
	// of the points, as in servqual.IPA.
	Crosshair *servqual.Crosshair
	// Names maps a point's key to the label drawn next to it (the key when
	// absent).
	Names map[string]string
	// ImportanceLabel and PerformanceLabel are the axis labels, with
	// their units.
	ImportanceLabel, PerformanceLabel string
	// PerformanceScale, if not nil, fixes the performance axis to the
	// rating scale's ends (such as 1 and 7) so that they are marked.
	PerformanceScale *servqual.Scale
}

// IPAGrid draws the importance-performance grid of Martilla & James
// (1977): each attribute at (performance, importance), with its label,
// the cross-hair as dashed lines and the four quadrants named in their
// corners (in Chinese with [Options].Chinese).
//
// It returns an error wrapping [ErrEmpty] for no points and [ErrInvalid]
// for a coordinate or cross-hair that is not finite, a scale with Max ≤
// Min or an option error.
func IPAGrid(spec IPASpec, opts *Options) (*plot.Plot, error) {
	th, err := newTheme("IPAGrid", opts)
	if err != nil {
		return nil, err
	}
	n := spec.Points.Len()
	if n == 0 {
		return nil, fmt.Errorf("chart: IPAGrid: Points: %w", ErrEmpty)
	}
	var cross servqual.Crosshair
	labels := make([]string, n)
	xmin, xmax, ymin, ymax := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i, q := range spec.Points {
		if !finite(q.Performance, q.Importance) {
			return nil, fmt.Errorf("chart: IPAGrid: Points[%d] %q: importance %v, performance %v must be finite: %w",
				i, q.Key, q.Importance, q.Performance, ErrInvalid)
		}
		cross.Performance += q.Performance / float64(n)
		cross.Importance += q.Importance / float64(n)
		xmin, xmax = math.Min(xmin, q.Performance), math.Max(xmax, q.Performance)
		ymin, ymax = math.Min(ymin, q.Importance), math.Max(ymax, q.Importance)
		labels[i] = q.Key
		if s, ok := spec.Names[q.Key]; ok {
			labels[i] = s
		}
	}
	if spec.Crosshair != nil {
		cross = *spec.Crosshair
		if !finite(cross.Importance, cross.Performance) {
			return nil, fmt.Errorf("chart: IPAGrid: Crosshair (%v, %v) must be finite: %w", cross.Importance, cross.Performance, ErrInvalid)
		}
	}
	xmin, xmax = math.Min(xmin, cross.Performance), math.Max(xmax, cross.Performance)
	ymin, ymax = math.Min(ymin, cross.Importance), math.Max(ymax, cross.Importance)
	pad := func(lo, hi, f float64) (float64, float64) {
		d := f * (hi - lo)
		if d == 0 {
			d = math.Max(0.5, 0.1*math.Abs(lo))
		}
		return lo - d, hi + d
	}
	// More room above and below, where the quadrant names are, so that
	// they stay clear of the points.
	nonneg := ymin >= 0
	xmin, xmax = pad(xmin, xmax, 0.2)
	ymin, ymax = pad(ymin, ymax, 0.35)
	if nonneg && ymin < 0 {
		ymin = 0 // importance that is a share or weight is not drawn below 0
	}
	if s := spec.PerformanceScale; s != nil {
		if !finite(s.Min, s.Max) || !(s.Max > s.Min) {
			return nil, fmt.Errorf("chart: IPAGrid: PerformanceScale %v..%v needs finite Min < Max: %w", s.Min, s.Max, ErrInvalid)
		}
		xmin, xmax = math.Min(xmin, s.Min), math.Max(xmax, s.Max)
	}
	title := spec.Title
	if title == "" {
		title = th.tr("Importance-performance grid (split at the means)", "重要性—表现分析图（以均值分区）")
		if spec.Crosshair != nil {
			title = th.tr("Importance-performance grid", "重要性—表现分析图")
		}
	}
	xl, yl := spec.PerformanceLabel, spec.ImportanceLabel
	if xl == "" {
		xl = th.tr("performance", "表现")
	}
	if yl == "" {
		yl = th.tr("importance", "重要性")
	}
	p := th.newPlot(title, xl, yl)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xmin, xmax, ymin, ymax
	p.X.Tick.Marker, p.Y.Tick.Marker = stepTicks{}, stepTicks{}
	if s := spec.PerformanceScale; s != nil {
		p.X.Tick.Marker = scaleTicks{lo: s.Min, hi: s.Max}
	}

	dash := draw.LineStyle{Color: colRef, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
	vline, err := plotter.NewLine(plotter.XYs{{X: cross.Performance, Y: ymin}, {X: cross.Performance, Y: ymax}})
	if err != nil {
		return nil, fmt.Errorf("chart: IPAGrid: %v: %w", err, ErrInvalid)
	}
	hline, err := plotter.NewLine(plotter.XYs{{X: xmin, Y: cross.Importance}, {X: xmax, Y: cross.Importance}})
	if err != nil {
		return nil, fmt.Errorf("chart: IPAGrid: %v: %w", err, ErrInvalid)
	}
	vline.LineStyle, hline.LineStyle = dash, dash

	dots, err := plotter.NewScatter(spec.Points)
	if err != nil {
		return nil, fmt.Errorf("chart: IPAGrid: %v: %w", err, ErrInvalid)
	}
	dots.GlyphStyle = draw.GlyphStyle{Color: colMark, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
	names, err := plotter.NewLabels(plotter.XYLabels{XYs: copyXYs(spec.Points), Labels: labels})
	if err != nil {
		return nil, fmt.Errorf("chart: IPAGrid: %v: %w", err, ErrInvalid)
	}
	for i := range names.TextStyle {
		th.style(&names.TextStyle[i])
	}
	names.Offset = vg.Point{X: vg.Points(6), Y: vg.Points(1)}

	// Quadrant names in the corners, inside the plotting area.
	q := func(v servqual.Quadrant) string { return th.tr(v.String(), v.Chinese()) }
	dx, dy := 0.015*(xmax-xmin), 0.02*(ymax-ymin)
	xin, xax, yin, yax := xmin+dx, xmax-dx, ymax-dy, ymin+dy
	corners := plotter.XYLabels{
		XYs: plotter.XYs{{X: xin, Y: yin}, {X: xax, Y: yin}, {X: xin, Y: yax}, {X: xax, Y: yax}},
		Labels: []string{q(servqual.ConcentrateHere), q(servqual.KeepUpTheGoodWork),
			q(servqual.LowPriority), q(servqual.PossibleOverkill)},
	}
	quads, err := plotter.NewLabels(corners)
	if err != nil {
		return nil, fmt.Errorf("chart: IPAGrid: %v: %w", err, ErrInvalid)
	}
	for i := range quads.TextStyle {
		ts := &quads.TextStyle[i]
		th.style(ts)
		ts.Color = colRef
		ts.Font.Size = vg.Points(9)
		ts.Font.Style = xfont.StyleItalic
		if i%2 == 1 {
			ts.XAlign = text.XRight
		}
		if i < 2 {
			ts.YAlign = text.YTop
		}
	}
	p.Add(vline, hline, quads, dots, names)
	return p, nil
}

// copyXYs copies an XYer into plotter.XYs.
func copyXYs(xy plotter.XYer) plotter.XYs {
	out := make(plotter.XYs, xy.Len())
	for i := range out {
		out[i].X, out[i].Y = xy.XY(i)
	}
	return out
}

// scaleTicks marks every whole scale point from lo to hi, so that the
// scale's ends are labelled.
type scaleTicks struct{ lo, hi float64 }

// Ticks implements plot.Ticker.
func (s scaleTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for v := math.Ceil(min); v <= max && len(ts) < 100; v++ {
		t := plot.Tick{Value: v}
		if v >= s.lo && v <= s.hi {
			t.Label = num(v)
		}
		ts = append(ts, t)
	}
	return ts
}
