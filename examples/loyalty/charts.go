package main

import (
	"time"

	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/examples/internal/chartfile"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
	"gonum.org/v1/plot"
)

// writeCharts writes the subscription cohort's sBG retention chart, the
// CDNOW diagnostics of the BG/NBD model (calibration vs holdout, weekly
// and cumulative tracking, the P(alive) matrix) and the after-sales
// tornado to dir as SVG and PNG, with Chinese labels in the font at
// fontPath when it is not empty.
func writeCharts(dir, fontPath string) error {
	opts, err := chartfile.Options(fontPath)
	if err != nil {
		return err
	}
	charts := map[string]*plot.Plot{}

	// The cohort of printCohort: fit on years 0–4, project to year 10 and
	// compare with the published years 0–7.
	observed := []int64{1000, 631, 468, 382, 326}
	fit, err := btyd.FitSBG(observed, nil)
	if err != nil {
		return err
	}
	proj, err := fit.Project(1000, 10)
	if err != nil {
		return err
	}
	actual := btyd.CountSeries{1000, 631, 468, 382, 326, 289, 262, 241}
	if charts["loyalty_retention"], err = chart.Retention(chart.RetentionSpec{
		Projected:  btyd.PeriodSeries(proj),
		Actual:     actual,
		FitPeriods: len(observed),
	}, opts); err != nil {
		return err
	}

	// CDNOW, as in printCDNOW: weeks 1–39 calibrate, 40–78 are held out.
	txs, err := cdnowTransactions()
	if err != nil {
		return err
	}
	sums, holds, err := btyd.Summarize(txs, 7*24*time.Hour, cdnowCalibrationEnd, &btyd.SummaryOptions{HoldoutEnd: cdnowHoldoutEnd})
	if err != nil {
		return err
	}
	bg, err := btyd.FitBGNBD(sums, nil)
	if err != nil {
		return err
	}
	d, err := analyseCDNOW(txs, sums, holds, bg)
	if err != nil {
		return err
	}
	m := d.Models[0] // BG/NBD
	holdout, week := "weeks 40–78", "week"
	if opts.Chinese {
		holdout, week = "第 40–78 周", "周"
	}
	if charts["loyalty_calibration"], err = chart.CalibrationHoldout(chart.CalibrationSpec{Table: m.Table, Holdout: holdout}, opts); err != nil {
		return err
	}
	if charts["loyalty_tracking"], err = chart.Tracking(chart.TrackingSpec{
		Actual: m.Tracking.ActualSeries(), Expected: m.Tracking.ExpectedSeries(),
		CalibrationEnd: 39, Period: week,
	}, opts); err != nil {
		return err
	}
	if charts["loyalty_tracking_cumulative"], err = chart.Tracking(chart.TrackingSpec{
		Actual: m.Tracking.CumActualSeries(), Expected: m.Tracking.CumExpectedSeries(),
		CalibrationEnd: 39, Cumulative: true, Summed: true, Period: week,
	}, opts); err != nil {
		return err
	}
	const age = 39.0 // a customer who first bought in week 1
	if charts["loyalty_alive"], err = chart.ProbAlive(chart.AliveSpec{
		Alive: func(x int, tx float64) float64 {
			return bg.ProbAlive(btyd.Summary{Frequency: x, Recency: tx, T: age})
		},
		T: age, MaxFrequency: 15, Cells: 39, Period: week,
	}, opts); err != nil {
		return err
	}

	// The after-sales programme of printMoney, varied ±20%.
	a := loyalty.AfterSales{
		Investment: decimal.RequireFromString("150000"),
		Labour:     decimal.RequireFromString("120000"), Materials: decimal.RequireFromString("30000"),
		Facilities: decimal.RequireFromString("25000"), Communication: decimal.RequireFromString("10000"),
		Management: decimal.RequireFromString("15000"), RetainedMargin: decimal.RequireFromString("180000"),
		RepeatPurchases: decimal.RequireFromString("60000"), AddOnPurchases: decimal.RequireFromString("25000"),
		Referrals: decimal.RequireFromString("20000"), AvoidedCosts: decimal.RequireFromString("15000"),
	}
	cb, err := a.Evaluate()
	if err != nil {
		return err
	}
	bars, err := a.Tornado(0.20)
	if err != nil {
		return err
	}
	if charts["loyalty_tornado"], err = chart.Tornado(chart.TornadoSpec{Bars: bars, Base: cb.Net, Change: 0.20}, opts); err != nil {
		return err
	}

	for name, p := range charts {
		if err := chartfile.Save(dir, name, p); err != nil {
			return err
		}
	}
	return nil
}
