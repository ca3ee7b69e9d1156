package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// rect is a filled rectangle in data coordinates.
type rect struct {
	x0, x1, y0, y1 float64
	fill           color.Color
}

// rects draws filled rectangles with an optional outline; it implements
// plot.Plotter, plot.DataRanger and plot.Thumbnailer (the first fill).
type rects struct {
	rs      []rect
	outline draw.LineStyle
}

// Plot implements plot.Plotter.
func (r *rects) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	for _, q := range r.rs {
		pts := []vg.Point{
			{X: trX(q.x0), Y: trY(q.y0)}, {X: trX(q.x1), Y: trY(q.y0)},
			{X: trX(q.x1), Y: trY(q.y1)}, {X: trX(q.x0), Y: trY(q.y1)},
		}
		if !finite(float64(pts[0].X), float64(pts[0].Y), float64(pts[2].X), float64(pts[2].Y)) {
			// An axis range beyond the float64 range maps to NaN, and the
			// rasteriser does not return on a NaN polygon.
			continue
		}
		c.FillPolygon(q.fill, c.ClipPolygonXY(pts))
		if r.outline.Color != nil && r.outline.Width > 0 {
			pts = append(pts, pts[0])
			c.StrokeLines(r.outline, c.ClipLinesXY(pts)...)
		}
	}
}

// DataRange implements plot.DataRanger.
func (r *rects) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, q := range r.rs {
		xmin, xmax = math.Min(xmin, math.Min(q.x0, q.x1)), math.Max(xmax, math.Max(q.x0, q.x1))
		ymin, ymax = math.Min(ymin, math.Min(q.y0, q.y1)), math.Max(ymax, math.Max(q.y0, q.y1))
	}
	return
}

// swatch is a legend thumbnail filled with one colour.
type swatch struct{ fill color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{
		{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y},
		{X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y},
	}
	c.FillPolygon(s.fill, pts)
}
