package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// TrackingSpec is what [Tracking] draws.
type TrackingSpec struct {
	// Title replaces the default title when not empty.
	Title string
	// Actual is the repeat transactions the customers made, per period:
	// x is the period (its number or end), y the transactions in it. Any
	// value with Len() int and XY(i int) (x, y float64) fits, such as a
	// tracking table's adapter. It may be nil (a forecast only).
	Actual plotter.XYer
	// Expected is the model's expected repeat transactions per period, in
	// the same shape; it may extend beyond Actual (a forecast).
	Expected plotter.XYer
	// CalibrationEnd is the x at which the calibration period ends,
	// marked by a dashed line; 0, or an x outside the series' range,
	// marks nothing.
	CalibrationEnd float64
	// Cumulative draws the running totals of the series (the cumulative
	// tracking plot) instead of the transactions per period.
	Cumulative bool
	// Summed reports that Actual and Expected already hold running totals,
	// so that Cumulative draws them as they are.
	Summed bool
	// Period names the time unit of the x axis ("week" when empty).
	Period string
}

// Tracking draws the tracking plot of a customer-base model (Fader, Hardie
// & Lee 2005, "Counting your customers the easy way", Marketing Science
// 24(2), Figures 2 and 3): the repeat transactions of a cohort per period,
// actual against expected by the model, incremental (per period) or, with
// Cumulative, cumulative, with the end of the calibration period marked.
// Where the lines part after the calibration end, the model forecasts
// badly. The y axis starts at 0.
//
// It returns an error wrapping [ErrEmpty] for no expected values and
// [ErrInvalid] for a value that is not finite, a negative number of
// transactions, a CalibrationEnd that is not finite, or an option error.
func Tracking(spec TrackingSpec, opts *Options) (*plot.Plot, error) {
	th, err := newTheme("Tracking", opts)
	if err != nil {
		return nil, err
	}
	if spec.Expected == nil || spec.Expected.Len() == 0 {
		return nil, fmt.Errorf("chart: Tracking: Expected: %w", ErrEmpty)
	}
	if !finite(spec.CalibrationEnd) {
		return nil, fmt.Errorf("chart: Tracking: CalibrationEnd %v must be finite: %w", spec.CalibrationEnd, ErrInvalid)
	}
	exp := copyXYs(spec.Expected)
	var act plotter.XYs
	if spec.Actual != nil {
		act = copyXYs(spec.Actual)
	}
	left, right, top := math.Inf(1), math.Inf(-1), 0.0
	for _, s := range []struct {
		name string
		xys  plotter.XYs
	}{{"Expected", exp}, {"Actual", act}} {
		sum := 0.0
		for i, q := range s.xys {
			if !finite(q.X, q.Y) || q.Y < 0 {
				return nil, fmt.Errorf("chart: Tracking: %s[%d] = (%v, %v) must be finite with y ≥ 0: %w", s.name, i, q.X, q.Y, ErrInvalid)
			}
			if spec.Cumulative && !spec.Summed {
				sum += q.Y
				s.xys[i].Y = sum
			}
			if !finite(s.xys[i].Y) {
				return nil, fmt.Errorf("chart: Tracking: %s: running total overflows at %d: %w", s.name, i, ErrInvalid)
			}
			left, right, top = math.Min(left, q.X), math.Max(right, q.X), math.Max(top, s.xys[i].Y)
		}
	}
	unit := spec.Period
	if unit == "" {
		unit = th.tr("week", "周")
	}
	title := spec.Title
	if title == "" {
		title = th.tr("Tracking: repeat transactions per "+unit+", actual against the model",
			"跟踪图：每"+unit+"重复交易次数，实际与模型预期")
		if spec.Cumulative {
			title = th.tr("Tracking: cumulative repeat transactions, actual against the model",
				"跟踪图：累计重复交易次数，实际与模型预期")
		}
	}
	yl := th.tr("repeat transactions in the "+unit, "该"+unit+"重复交易次数")
	if spec.Cumulative {
		yl = th.tr("repeat transactions to date (cumulative)", "累计重复交易次数")
	}
	p := th.newPlot(title, th.tr(unit, "第几"+unit), yl)
	p.Legend.Top = true
	p.Legend.Left = spec.Cumulative
	p.Add(plotter.NewGrid())
	p.X.Tick.Marker, p.Y.Tick.Marker = stepTicks{}, stepTicks{}
	if top == 0 {
		top = 1
	}
	// Headroom for the legend above the lines of the incremental plot.
	// (At most the largest float64: an infinite axis draws nothing.)
	p.Y.Min, p.Y.Max = 0, math.Min(top*1.08, math.MaxFloat64)
	if !spec.Cumulative {
		p.Y.Max = math.Min(top*1.35, math.MaxFloat64)
	}
	if right > left {
		p.X.Min, p.X.Max = left, right
	}

	el, err := plotter.NewLine(exp)
	if err != nil {
		return nil, fmt.Errorf("chart: Tracking: Expected: %v: %w", err, ErrInvalid)
	}
	el.LineStyle = draw.LineStyle{Color: colMark, Width: vg.Points(1.5), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
	if len(act) > 0 {
		al, err := plotter.NewLine(act)
		if err != nil {
			return nil, fmt.Errorf("chart: Tracking: Actual: %v: %w", err, ErrInvalid)
		}
		al.LineStyle = draw.LineStyle{Color: colActual, Width: vg.Points(1.5)}
		p.Add(al)
		p.Legend.Add(th.tr("actual", "实际"), al)
	}
	p.Add(el)
	p.Legend.Add(th.tr("expected by the model", "模型预期"), el)
	if c := spec.CalibrationEnd; c != 0 && c >= left && c <= right {
		cut, err := plotter.NewLine(plotter.XYs{{X: c, Y: 0}, {X: c, Y: p.Y.Max}})
		if err != nil {
			return nil, fmt.Errorf("chart: Tracking: %v: %w", err, ErrInvalid)
		}
		cut.LineStyle = draw.LineStyle{Color: colRef, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(2), vg.Points(2)}}
		p.Add(cut)
		p.Legend.Add(th.tr(fmt.Sprintf("end of calibration (%s %s)", unit, num(c)),
			fmt.Sprintf("校准期结束（第 %s %s）", num(c), unit)), cut)
	}
	return p, nil
}
