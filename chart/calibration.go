package chart

import (
	"fmt"
	"math"
	"strconv"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// CalibrationSpec is what [CalibrationHoldout] draws.
type CalibrationSpec struct {
	// Title replaces the default title when not empty.
	Title string
	// Table is the calibration-vs-holdout table, as returned by
	// btyd.CalibrationHoldoutTable.
	Table btyd.CalibrationHoldout
	// Holdout describes the holdout period for the axis label, such as
	// "weeks 40–78" (nothing when empty).
	Holdout string
}

// CalibrationHoldout draws the calibration-vs-holdout plot of Fader,
// Hardie & Lee (2005, "Counting your customers the easy way", Marketing
// Science 24(2), Figure 4): customers grouped by their number of repeat
// purchases in the calibration period (x, the last group open-ended "k+"),
// and the actual and the model's predicted mean number of purchases per
// customer in the holdout period (y, from 0). The number of customers in
// each group is printed under its tick; a group without customers is left
// out. The closer the two lines, the better the model predicts each kind
// of customer.
//
// It returns an error wrapping [ErrEmpty] when no row has customers and
// [ErrInvalid] for a mean that is negative or not finite in a row with
// customers, a negative frequency, or an option error.
func CalibrationHoldout(spec CalibrationSpec, opts *Options) (*plot.Plot, error) {
	th, err := newTheme("CalibrationHoldout", opts)
	if err != nil {
		return nil, err
	}
	var act, pred plotter.XYs
	var ticks []plot.Tick
	top := 0.0
	for i, r := range spec.Table.Rows {
		if r.Customers <= 0 {
			continue
		}
		if !finite(r.Actual, r.Predicted) || r.Actual < 0 || r.Predicted < 0 || r.Frequency < 0 || r.Frequency > btyd.MaxDiagnosticFrequency {
			return nil, fmt.Errorf("chart: CalibrationHoldout: Table.Rows[%d]: frequency %d, actual %v, predicted %v: want a frequency in [0, %d] and finite means ≥ 0: %w",
				i, r.Frequency, r.Actual, r.Predicted, btyd.MaxDiagnosticFrequency, ErrInvalid)
		}
		x := float64(r.Frequency)
		act = append(act, plotter.XY{X: x, Y: r.Actual})
		pred = append(pred, plotter.XY{X: x, Y: r.Predicted})
		top = math.Max(top, math.Max(r.Actual, r.Predicted))
		label := strconv.Itoa(r.Frequency)
		if r.OrMore {
			label += "+"
		}
		ticks = append(ticks, plot.Tick{Value: x, Label: label + "\n" + th.tr("n=", "人数 ") + strconv.Itoa(r.Customers)})
	}
	if len(act) == 0 {
		return nil, fmt.Errorf("chart: CalibrationHoldout: Table: no row has customers: %w", ErrEmpty)
	}
	yl := th.tr("mean holdout purchases per customer", "检验期人均购买次数")
	if spec.Holdout != "" {
		yl += th.tr(" ("+spec.Holdout+")", "（"+spec.Holdout+"）")
	}
	title := spec.Title
	if title == "" {
		title = th.tr("Calibration vs holdout: purchases predicted for each kind of customer",
			"校准期与检验期对比：各类客户的预测购买次数")
	}
	p := th.newPlot(title,
		th.tr("repeat purchases in the calibration period (n: customers)", "校准期内重复购买次数（人数：该组客户数）"),
		yl)
	p.Legend.Top = true
	p.Legend.Left = true
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Tick.Label.Font.Size = vg.Points(8)
	p.Add(plotter.NewGrid())
	p.Y.Tick.Marker = stepTicks{}
	if top == 0 {
		top = 1
	}
	p.Y.Min, p.Y.Max = 0, math.Min(top*1.08, math.MaxFloat64)
	p.X.Min, p.X.Max = act[0].X-0.5, act[len(act)-1].X+0.5

	pl, pd, err := lineDots(pred, colMark, draw.BoxGlyph{}, true)
	if err != nil {
		return nil, fmt.Errorf("chart: CalibrationHoldout: %v: %w", err, ErrInvalid)
	}
	al, ad, err := lineDots(act, colActual, draw.CircleGlyph{}, false)
	if err != nil {
		return nil, fmt.Errorf("chart: CalibrationHoldout: %v: %w", err, ErrInvalid)
	}
	p.Add(pl, pd, al, ad)
	p.Legend.Add(th.tr("actual", "实际"), al, ad)
	p.Legend.Add(th.tr("predicted by the model", "模型预测"), pl, pd)
	return p, nil
}

// lineDots returns a line through xys and its points, dashed if asked.
func lineDots(xys plotter.XYs, c colorT, shape draw.GlyphDrawer, dashed bool) (*plotter.Line, *plotter.Scatter, error) {
	l, err := plotter.NewLine(xys)
	if err != nil {
		return nil, nil, err
	}
	l.LineStyle = draw.LineStyle{Color: c, Width: vg.Points(1.5)}
	if dashed {
		l.LineStyle.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
	}
	s, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, nil, err
	}
	s.GlyphStyle = draw.GlyphStyle{Color: c, Radius: vg.Points(3.5), Shape: shape}
	return l, s, nil
}
