package chart

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// Limits of [ProbAlive]'s grid.
const (
	// MaxAliveFrequency is the largest MaxFrequency of an [AliveSpec].
	MaxAliveFrequency = 200
	// MaxAliveCells is the largest number of recency cells of an
	// [AliveSpec].
	MaxAliveCells = 200
)

// AliveSpec is what [ProbAlive] draws.
type AliveSpec struct {
	// Title replaces the default title when not empty.
	Title string
	// Alive returns the probability that a customer with x repeat
	// purchases, the last at time tx after the first, is still alive at
	// age T; for a fitted BG/NBD model m:
	//
	//	func(x int, tx float64) float64 {
	//		return m.ProbAlive(btyd.Summary{Frequency: x, Recency: tx, T: T})
	//	}
	//
	// It is called with tx = 0 for x = 0 (no repeat purchase, no
	// recency) and with 0 < tx ≤ T for x > 0.
	Alive func(x int, tx float64) float64
	// T is the customers' age, the length of the calibration period for
	// a customer who bought at its start; the recency axis runs from 0 to
	// T.
	T float64
	// MaxFrequency is the largest number of repeat purchases drawn (rows
	// 0 … MaxFrequency), at most [MaxAliveFrequency].
	MaxFrequency int
	// Cells is the number of recency cells across 0..T (20 when 0), at
	// most [MaxAliveCells]; cell j is evaluated at its right end
	// tx = (j+1)·T/Cells.
	Cells int
	// Period names the time unit ("week" when empty).
	Period string
}

// ProbAlive draws the probability that a customer is still alive as a
// heat map over frequency (repeat purchases, y) and recency (time of the
// last repeat purchase, x), the P(alive) matrix of Fader, Hardie & Lee
// (2005, "Counting your customers the easy way", Marketing Science 24(2))
// as the lifetimes package draws it: a customer who bought often but not
// lately (top left) has probably left; a recent buyer (right) is alive.
// Dark is likely gone, light is likely alive; the legend gives the
// colour of 0, 0.25, 0.5, 0.75 and 1. The row x = 0 holds Alive(0, 0)
// in every cell.
//
// It returns an error wrapping [ErrEmpty] for a nil Alive and
// [ErrInvalid] for T not finite and > 0, MaxFrequency or Cells outside
// their limits, a probability Alive returns that is not in [0, 1]
// (naming the cell), or an option error.
func ProbAlive(spec AliveSpec, opts *Options) (*plot.Plot, error) {
	th, err := newTheme("ProbAlive", opts)
	if err != nil {
		return nil, err
	}
	if spec.Alive == nil {
		return nil, fmt.Errorf("chart: ProbAlive: Alive is nil: %w", ErrEmpty)
	}
	if !(spec.T > 0) || math.IsInf(spec.T, 1) {
		return nil, fmt.Errorf("chart: ProbAlive: T = %v, want finite and > 0: %w", spec.T, ErrInvalid)
	}
	if spec.MaxFrequency < 0 || spec.MaxFrequency > MaxAliveFrequency {
		return nil, fmt.Errorf("chart: ProbAlive: MaxFrequency %d outside [0, %d]: %w", spec.MaxFrequency, MaxAliveFrequency, ErrInvalid)
	}
	cells := spec.Cells
	if cells == 0 {
		cells = 20
	}
	if cells < 1 || cells > MaxAliveCells {
		return nil, fmt.Errorf("chart: ProbAlive: Cells %d outside [1, %d]: %w", spec.Cells, MaxAliveCells, ErrInvalid)
	}
	g := aliveGrid{cols: cells, rows: spec.MaxFrequency + 1, w: spec.T / float64(cells)}
	g.z = make([]float64, g.cols*g.rows)
	for x := 0; x < g.rows; x++ {
		for j := 0; j < g.cols; j++ {
			tx := float64(j+1) * g.w
			if j == g.cols-1 {
				tx = spec.T
			}
			if x == 0 {
				tx = 0
			}
			v := spec.Alive(x, tx)
			if !(v >= 0 && v <= 1) {
				return nil, fmt.Errorf("chart: ProbAlive: Alive(%d, %v) = %v, want a probability in [0, 1]: %w", x, tx, v, ErrInvalid)
			}
			g.z[x*g.cols+j] = v
		}
	}
	unit := spec.Period
	if unit == "" {
		unit = th.tr("week", "周")
	}
	title := spec.Title
	if title == "" {
		units := unit + "s"
		if num(spec.T) == "1" {
			units = unit
		}
		title = th.tr(fmt.Sprintf("P(alive): probability that a customer is still active, after %s %s", num(spec.T), units),
			fmt.Sprintf("P(alive)：客户仍活跃的概率（观察 %s %s后）", num(spec.T), unit))
	}
	p := th.newPlot(title,
		th.tr(fmt.Sprintf("%s of the last repeat purchase (recency), 0 = first purchase, %s = now", unit, num(spec.T)),
			fmt.Sprintf("最近一次重复购买在第几%s（0 = 首次购买，%s = 现在）", unit, num(spec.T))),
		th.tr("repeat purchases (frequency)", "重复购买次数"))
	// Each cell a filled rectangle reaching a third of the way into the
	// next cell right and above, which is drawn later over it, so that
	// anti-aliasing leaves no light seams between cells (a raster heat map
	// is blurred when scaled).
	pal := aliveColours(101)
	var cellRects rects
	for x := 0; x < g.rows; x++ {
		oy := 0.0
		if x < g.rows-1 {
			oy = 0.3
		}
		for j := 0; j < g.cols; j++ {
			cx, ox := g.X(j), 0.0
			if j < g.cols-1 {
				ox = 0.3 * g.w
			}
			cellRects.rs = append(cellRects.rs, rect{x0: cx - g.w/2, x1: cx + g.w/2 + ox,
				y0: float64(x) - 0.5, y1: float64(x) + 0.5 + oy, fill: pal[int(math.Round(100*g.Z(j, x)))]})
		}
	}
	p.Add(&cellRects)
	// The blank band right of T holds the legend, off the map.
	p.X.Min, p.X.Max = 0, math.Min(spec.T*1.24, math.MaxFloat64)
	p.Y.Min, p.Y.Max = -0.5, float64(spec.MaxFrequency)+0.5
	if spec.MaxFrequency <= 20 {
		p.Y.Tick.Marker = scaleTicks{lo: 0, hi: float64(spec.MaxFrequency)}
	}
	p.X.Tick.Marker = endTicks0{end: spec.T}
	for _, v := range []float64{1, 0.75, 0.5, 0.25, 0} {
		p.Legend.Add(fmt.Sprintf("P = %s", num(v)), swatch{pal[int(math.Round(v*100))]})
	}
	p.Legend.Top = true
	p.Legend.Padding = vg.Points(1)
	return p, nil
}

// aliveGrid is the P(alive) matrix: column j is the recency cell
// (j·w, (j+1)·w], row x the frequency.
type aliveGrid struct {
	cols, rows int
	w          float64
	z          []float64
}

func (g aliveGrid) Dims() (c, r int)   { return g.cols, g.rows }
func (g aliveGrid) Z(c, r int) float64 { return g.z[r*g.cols+c] }
func (g aliveGrid) X(c int) float64    { return (float64(c) + 0.5) * g.w }
func (g aliveGrid) Y(r int) float64    { return float64(r) }
func (g aliveGrid) Min() float64       { return 0 }
func (g aliveGrid) Max() float64       { return 1 }

// aliveColours is a dark-to-light sequential ramp (the viridis colours of
// van der Walt & Smith, sampled at five stops and interpolated), readable
// with the common colour-vision deficiencies and in grey.
func aliveColours(n int) []color.Color {
	stops := [][3]float64{{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}
	out := make([]color.Color, n)
	for i := range out {
		t := float64(i) / float64(n-1) * float64(len(stops)-1)
		k := int(math.Min(math.Floor(t), float64(len(stops)-2)))
		f := t - float64(k)
		var c [3]uint8
		for j := range c {
			c[j] = uint8(math.Round(stops[k][j] + f*(stops[k+1][j]-stops[k][j])))
		}
		out[i] = color.RGBA{R: c[0], G: c[1], B: c[2], A: 255}
	}
	return out
}

// endTicks0 is gonum's default ticks with the end of the axis labelled.
type endTicks0 struct{ end float64 }

// Ticks implements plot.Ticker.
func (e endTicks0) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	out := ts[:0]
	for _, t := range ts {
		if t.Value > e.end || t.Label != "" && math.Abs(t.Value-e.end) < 0.06*e.end {
			continue
		}
		out = append(out, t)
	}
	return append(out, plot.Tick{Value: e.end, Label: num(e.end)})
}
