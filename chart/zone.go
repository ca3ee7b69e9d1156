package chart

import (
	"fmt"
	"image/color"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/servqual"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ZoneRow is one row of a zone-of-tolerance chart: a band from the
// adequate to the desired level and the perceived level.
type ZoneRow struct {
	// Name labels the row (a dimension, an item or a customer).
	Name string
	// Adequate and Desired are the band's ends, on the rating scale,
	// Adequate ≤ Desired.
	Adequate, Desired float64
	// Perceived is the perceived level, on the rating scale.
	Perceived float64
	// CI is the 95% confidence interval of Perceived; NaN bounds draw
	// no interval.
	CI ep.Interval
}

// ZoneSpec is what [Zone] draws.
type ZoneSpec struct {
	// Title replaces the default title when not empty.
	Title string
	// Rows are drawn left to right.
	Rows []ZoneRow
	// Scale is the rating scale; the y axis runs over it, so its ends are
	// marked.
	Scale servqual.Scale
	// ValueLabel replaces the default y-axis label when not empty.
	ValueLabel string
	// Note replaces the default x-axis note that explains the marks when
	// not empty, such as for a band that is not the zone of tolerance.
	Note string
}

// colAbove is the Okabe & Ito bluish green, for a perception above the
// zone; colBand the light fill of the zone.
var (
	colAbove = color.RGBA{R: 0, G: 158, B: 115, A: 255}
	colBand  = color.NRGBA{R: 86, G: 180, B: 233, A: 96} // sky blue, translucent
)

// Zone draws the zone of tolerance of Parasuraman, Zeithaml & Berry
// (1994, "Alternative scales for measuring service quality", Journal of
// Retailing 70(3)): per row a band from the adequate to the desired level
// and a dot at the perceived level with its 95% confidence interval where
// known. The dot is vermilion below the band (service inadequate, the
// customer dissatisfied), blue inside it (accepted) and green above it
// (delight). The y axis is the rating scale, its ends marked.
//
// It returns an error wrapping [ErrEmpty] for no rows and [ErrInvalid] for
// a scale with Max ≤ Min, a level that is not finite or off the scale,
// Adequate > Desired, or an option error.
func Zone(spec ZoneSpec, opts *Options) (*plot.Plot, error) {
	th, err := newTheme("Zone", opts)
	if err != nil {
		return nil, err
	}
	sc := spec.Scale
	if !finite(sc.Min, sc.Max) || !(sc.Max > sc.Min) {
		return nil, fmt.Errorf("chart: Zone: Scale %v..%v needs finite Min < Max: %w", sc.Min, sc.Max, ErrInvalid)
	}
	n := len(spec.Rows)
	if n == 0 {
		return nil, fmt.Errorf("chart: Zone: Rows: %w", ErrEmpty)
	}
	const maxRows = 200
	if n > maxRows {
		return nil, fmt.Errorf("chart: Zone: %d rows, at most %d can be read: %w", n, maxRows, ErrInvalid)
	}
	// Levels computed from means may miss the scale's ends or each other
	// by rounding noise; within tol they are clamped.
	tol := 1e-9 * (sc.Max - sc.Min)
	on := func(v float64) bool { return v >= sc.Min-tol && v <= sc.Max+tol }
	clamp := func(v float64) float64 { return max(sc.Min, min(sc.Max, v)) }
	var (
		band  rects
		names = make([]string, n)
		dots  [3]plotter.XYs // below, inside, above
		pts   plotter.XYs
		errs  plotter.YErrors
	)
	for i, r := range spec.Rows {
		if !on(r.Adequate) || !on(r.Desired) || !on(r.Perceived) || r.Adequate > r.Desired+tol {
			return nil, fmt.Errorf("chart: Zone: Rows[%d] %q: adequate %v, desired %v, perceived %v: want levels on the scale %v..%v, adequate ≤ desired: %w",
				i, r.Name, r.Adequate, r.Desired, r.Perceived, sc.Min, sc.Max, ErrInvalid)
		}
		r.Adequate, r.Desired, r.Perceived = clamp(r.Adequate), clamp(r.Desired), clamp(r.Perceived)
		r.Desired = max(r.Desired, r.Adequate)
		x := float64(i)
		names[i] = r.Name
		band.rs = append(band.rs, rect{x0: x - 0.3, x1: x + 0.3, y0: r.Adequate, y1: r.Desired, fill: colBand})
		k := 1
		switch {
		case r.Perceived < r.Adequate:
			k = 0
		case r.Perceived > r.Desired:
			k = 2
		}
		dots[k] = append(dots[k], plotter.XY{X: x, Y: r.Perceived})
		if lo, hi := r.CI.Low, r.CI.High; finite(lo, hi) && lo <= r.Perceived && hi >= r.Perceived {
			pts = append(pts, plotter.XY{X: x, Y: r.Perceived})
			errs = append(errs, struct{ Low, High float64 }{r.Perceived - lo, hi - r.Perceived})
		}
	}
	title := spec.Title
	if title == "" {
		title = th.tr("Zone of tolerance: perceived service against the adequate and desired levels",
			"容忍区间：感知服务与适当、理想服务水平")
	}
	yl := spec.ValueLabel
	if yl == "" {
		yl = th.tr(fmt.Sprintf("rating, scale %s–%s", num(sc.Min), num(sc.Max)),
			fmt.Sprintf("评分，量表 %s–%s", num(sc.Min), num(sc.Max)))
	}
	note := spec.Note
	if note == "" {
		note = th.tr("band: adequate to desired level; dot: perceived;\nvermilion below the zone, blue inside, green above",
			"色带：适当至理想服务水平；圆点：感知服务；\n橙红：低于容忍区间，蓝：区间内，绿：高于区间")
		if len(pts) > 0 {
			note = th.tr("band: adequate to desired level; dot: perceived (bar: 95% CI);\nvermilion below the zone, blue inside, green above",
				"色带：适当至理想服务水平；圆点：感知服务（竖线：95%置信区间）；\n橙红：低于容忍区间，蓝：区间内，绿：高于区间")
		}
	}
	p := th.newPlot(title, note, yl)
	p.X.Label.TextStyle.Font.Size = vg.Points(9)
	p.NominalX(names...)
	p.Add(plotter.NewGrid())
	p.Add(&band)
	if len(pts) > 0 {
		bars, err := plotter.NewYErrorBars(struct {
			plotter.XYs
			plotter.YErrors
		}{pts, errs})
		if err != nil {
			return nil, fmt.Errorf("chart: Zone: %v: %w", err, ErrInvalid)
		}
		bars.LineStyle = draw.LineStyle{Color: colRef, Width: vg.Points(1.2)}
		bars.CapWidth = vg.Points(7)
		p.Add(bars)
	}
	for k, c := range []color.RGBA{colActual, colMark, colAbove} {
		if len(dots[k]) == 0 {
			continue
		}
		s, err := plotter.NewScatter(dots[k])
		if err != nil {
			return nil, fmt.Errorf("chart: Zone: %v: %w", err, ErrInvalid)
		}
		s.GlyphStyle = draw.GlyphStyle{Color: c, Radius: vg.Points(4.5), Shape: draw.CircleGlyph{}}
		p.Add(s)
	}
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
	// A margin so that a dot at a scale end is drawn whole; the ticks
	// label only the scale.
	p.Y.Min, p.Y.Max = sc.Min-0.04*(sc.Max-sc.Min), sc.Max+0.04*(sc.Max-sc.Min)
	if sc.Max-sc.Min <= 20 {
		p.Y.Tick.Marker = scaleTicks{lo: sc.Min, hi: sc.Max}
	}
	return p, nil
}

// ZoneRows returns a zone row per dimension of rep that has the
// perception, adequacy (MSA) and superiority (MSS) measures, in reporting
// order: Perceived is the mean perception with its interval, Adequate =
// mean P − mean MSA and Desired = mean P − mean MSS. These are the mean
// adequate and desired levels when the same respondents answered all the
// dimension's items in the three columns (a report keeps each measure
// over the respondents who answered it, so with skipped answers the
// levels are those of slightly different groups). Names are the
// dimensions' English names, or their Chinese ones where present with
// opts.Chinese (the font is not needed here; nil opts means English).
func ZoneRows(rep servqual.Report, opts *Options) []ZoneRow {
	zh := opts != nil && opts.Chinese
	var out []ZoneRow
	for _, d := range rep.Dimensions {
		p, a, s := d.Perception, d.Adequacy, d.Superiority
		if p == nil || a == nil || s == nil || !finite(p.Mean, a.Mean, s.Mean) {
			continue
		}
		name := d.Name
		if zh && d.Chinese != "" {
			name = d.Chinese
		}
		out = append(out, ZoneRow{Name: name, Adequate: p.Mean - a.Mean, Desired: p.Mean - s.Mean, Perceived: p.Mean, CI: p.CI})
	}
	return out
}
