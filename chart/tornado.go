package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/cxlab/satisfaction/loyalty"
	"github.com/shopspring/decimal"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// TornadoSpec is what [Tornado] draws.
type TornadoSpec struct {
	// Title replaces the default title when not empty.
	Title string
	// Bars are the inputs' effects, largest swing first, as returned by
	// loyalty.AfterSales.Tornado.
	Bars []loyalty.TornadoBar
	// Base is the yearly net benefit at the estimates (the Net of
	// loyalty.AfterSales.Evaluate), where the bars meet.
	Base decimal.Decimal
	// Change is the fraction each input was varied by (0.2 for ±20%), for
	// the legend; 0 leaves the amount out.
	Change float64
	// Currency names the money unit of the axis, such as "EUR" (none when
	// empty).
	Currency string
}

// Tornado draws the tornado chart of a one-at-a-time sensitivity
// analysis: one horizontal bar per input, largest swing at the top, from
// the net benefit with the input lowered (vermilion) to the net benefit
// with it raised (blue), meeting at the base value (the grey line). The
// inputs whose bars are widest are the estimates worth checking first.
// Inputs are labelled in English, or in Chinese with [Options].Chinese.
//
// It returns an error wrapping [ErrEmpty] for no bars and [ErrInvalid] for
// an amount too large for a float64 or amounts whose span is (such as
// −1e308 to 1e308), a Change outside [0, 1], or an option error.
func Tornado(spec TornadoSpec, opts *Options) (*plot.Plot, error) {
	th, err := newTheme("Tornado", opts)
	if err != nil {
		return nil, err
	}
	n := len(spec.Bars)
	if n == 0 {
		return nil, fmt.Errorf("chart: Tornado: Bars: %w", ErrEmpty)
	}
	const maxBars = 200
	if n > maxBars {
		return nil, fmt.Errorf("chart: Tornado: %d bars, at most %d can be read: %w", n, maxBars, ErrInvalid)
	}
	if !(spec.Change >= 0 && spec.Change <= 1) {
		return nil, fmt.Errorf("chart: Tornado: Change %v outside [0, 1] (a fraction, 0.2 for ±20%%): %w", spec.Change, ErrInvalid)
	}
	base := spec.Base.InexactFloat64()
	if !finite(base) {
		return nil, fmt.Errorf("chart: Tornado: Base %v is too large to draw: %w", spec.Base, ErrInvalid)
	}
	var low, high rects
	names := make([]string, n)
	lo, hi := base, base
	for i, b := range spec.Bars {
		dn, up := b.Lowered.InexactFloat64(), b.Raised.InexactFloat64()
		if !finite(dn, up) {
			return nil, fmt.Errorf("chart: Tornado: Bars[%d] %q: %v to %v is too large to draw: %w", i, b.Input, b.Lowered, b.Raised, ErrInvalid)
		}
		y := float64(n - 1 - i)
		low.rs = append(low.rs, rect{x0: base, x1: dn, y0: y - 0.35, y1: y + 0.35, fill: colActual})
		high.rs = append(high.rs, rect{x0: base, x1: up, y0: y - 0.35, y1: y + 0.35, fill: colMark})
		lo, hi = math.Min(lo, math.Min(dn, up)), math.Max(hi, math.Max(dn, up))
		names[n-1-i] = b.Input
		if th.zh && b.Chinese != "" {
			names[n-1-i] = b.Chinese
		}
	}
	title := spec.Title
	if title == "" {
		title = th.tr("Sensitivity of the yearly net benefit, one input at a time",
			"年度净收益的敏感性分析（逐项变动）")
	}
	cur := ""
	if spec.Currency != "" {
		cur = ", " + spec.Currency
	}
	p := th.newPlot(title,
		th.tr(fmt.Sprintf("yearly net benefit%s (line: at the estimates, %s)", cur, money(base)),
			fmt.Sprintf("年度净收益%s（竖线：按估计值，%s）", cur, money(base))), "")
	p.NominalY(names...)
	p.Y.Tick.Label.Font.Size = vg.Points(9)
	p.X.Tick.Marker = moneyTicks{}
	if !finite(hi - lo) {
		return nil, fmt.Errorf("chart: Tornado: Bars: the amounts run from %s to %s, a span beyond the float64 range: %w", money(lo), money(hi), ErrInvalid)
	}
	pad := 0.05 * (hi - lo)
	if pad == 0 {
		pad = math.Max(1, 0.05*math.Abs(base))
	}
	p.X.Min, p.X.Max = lo-pad, hi+pad
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	p.Add(plotter.NewGrid())
	line, err := plotter.NewLine(plotter.XYs{{X: base, Y: -0.6}, {X: base, Y: float64(n) - 0.4}})
	if err != nil {
		return nil, fmt.Errorf("chart: Tornado: %v: %w", err, ErrInvalid)
	}
	line.LineStyle = draw.LineStyle{Color: colRef, Width: vg.Points(1.5)}
	p.Add(&low, &high, line)
	pct := ""
	if spec.Change > 0 {
		pct = " " + num(100*spec.Change) + "%"
	}
	p.Legend.Add(th.tr("input lowered"+pct, "该项下调"+pct), swatch{colActual})
	p.Legend.Add(th.tr("input raised"+pct, "该项上调"+pct), swatch{colMark})
	// Bottom right, where the bars are shortest.
	p.Legend.Top = false
	return p, nil
}

// money formats x rounded to a whole unit with thousands separators.
func money(x float64) string {
	neg := x < 0
	x = math.Round(math.Abs(x))
	var s string
	if x >= 1e15 {
		s = strconv.FormatFloat(x, 'g', 4, 64)
	} else {
		d := strconv.FormatFloat(x, 'f', 0, 64)
		var b strings.Builder
		for i, r := range d {
			if i > 0 && (len(d)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		s = b.String()
	}
	if neg && s != "0" {
		s = "−" + s
	}
	return s
}

// moneyTicks is gonum's default ticks labelled as whole money amounts
// with thousands separators (kept as they are over a range too short for
// whole amounts).
type moneyTicks struct{}

// Ticks implements plot.Ticker.
func (moneyTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	if max-min < 100 {
		return ts
	}
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = money(ts[i].Value)
		}
	}
	return ts
}
