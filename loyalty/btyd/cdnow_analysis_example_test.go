package btyd_test

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// The 39 + 39-week analysis of the CDNOW log (Fader, Hardie & Lee 2005):
// fit three purchase models to the first 39 weeks (to 1997-09-30), choose
// among them, and check them on the 39 weeks after (to 1998-06-30).
//
// LL is the log-likelihood; AIC = 2k − 2LL and BIC = k ln N − 2LL, with k
// parameters and N customers, lower is better. RMSE (root mean squared error) and MAE (mean absolute
// error) score each customer's prediction, in purchases, and relative
// MAE ("rel.") divides the MAE by that of carrying each customer's
// calibration rate forward (below 1 the model does better). Tracking adds
// up the cohort's repeat purchases week by week from 1997-01-01, the
// customers' first purchases staggered over the first quarter, to the
// ends of weeks 39 and 78. The MBG/NBD fits the calibration weeks best,
// yet the Pareto/NBD forecasts the holdout weeks better: a comparison of
// fits does not replace a holdout check. The last table is for the model
// with the lowest BIC: by repeat purchases in calibration, how many
// customers made them (actual) against the model's expectation, and the
// mean purchases each group made in the holdout against its prediction.
func Example_cdnowAnalysis() {
	f, err := os.Open("testdata/CDNOW_sample.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	var txs []btyd.Transaction
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text()) // id, sample id, yyyymmdd, CDs, dollars
		if len(fs) != 5 {
			continue
		}
		at, err := time.Parse("20060102", fs[2])
		if err != nil {
			fmt.Println(err)
			return
		}
		txs = append(txs, btyd.Transaction{Customer: fs[0], Time: at, Amount: decimal.RequireFromString(fs[4])})
	}
	const week = 7 * 24 * time.Hour
	start := time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC)
	cal, hold, err := btyd.Summarize(txs, week, time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC),
		&btyd.SummaryOptions{HoldoutEnd: time.Date(1998, 6, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		fmt.Println(err)
		return
	}

	// Fit, then compare.
	type model interface {
		btyd.ConditionalPredictor
		btyd.CountPredictor
		btyd.ExpectedPredictor
	}
	bg, err := btyd.FitBGNBD(cal, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	pn, err := btyd.FitParetoNBD(cal, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	mbg, err := btyd.FitMBGNBD(cal, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	names := []string{"BG/NBD", "Pareto/NBD", "MBG/NBD"}
	models := []model{bg, pn, mbg}
	cmp, err := btyd.CompareFits(
		btyd.FitCandidate{Name: names[0], Info: bg.FitInfo, Params: 4},
		btyd.FitCandidate{Name: names[1], Info: pn.FitInfo, Params: 4},
		btyd.FitCandidate{Name: names[2], Info: mbg.FitInfo, Params: 4},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%-37s | %-14s | %s\n", "fit to weeks 1–39", "weeks 40–78", "repeat purchases to")
	fmt.Printf("%-10s %8s %8s %8s | %4s %4s %4s | %9s %9s\n", "model", "LL", "AIC", "BIC", "RMSE", "MAE", "rel.", "week 39", "week 78")
	var tr btyd.TrackingTable
	for i, s := range cmp.Models {
		acc, err := btyd.HoldoutErrors(models[i], cal, hold)
		if err != nil {
			fmt.Println(err)
			return
		}
		tr, err = btyd.Tracking(models[i], txs, week, start, 78)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-10s %8.1f %8.1f %8.1f | %.2f %.2f %.2f | %9.0f %9.0f\n", s.Name, s.LogLik, s.AIC, s.BIC,
			acc.RMSE, acc.MAE, acc.RelMAE, tr.Rows[38].CumExpected, tr.Rows[77].CumExpected)
	}
	fmt.Printf("%-37s | %14s | %9d %9d\n", "actual", "", tr.Rows[38].CumActual, tr.Rows[77].CumActual)
	best := models[cmp.BestBIC]
	fmt.Printf("lowest AIC: %s; lowest BIC: %s\n", cmp.Models[cmp.BestAIC].Name, cmp.Models[cmp.BestBIC].Name)

	hist, err := btyd.PeriodCountHistogram(best, cal, 7)
	if err != nil {
		fmt.Println(err)
		return
	}
	tab, err := btyd.CalibrationHoldoutTable(best, cal, hold, 7)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("repeat purchases | customers         | mean holdout purchases")
	fmt.Println("in calibration   | actual   expected | actual   predicted")
	for i, r := range tab.Rows {
		label := fmt.Sprint(r.Frequency)
		if r.OrMore {
			label += "+"
		}
		h := hist.Rows[i]
		fmt.Printf("%-16s | %6d %10.1f | %6.2f %11.2f\n", label, h.Actual, h.Expected, r.Actual, r.Predicted)
	}
	// Output:
	// fit to weeks 1–39                     | weeks 40–78    | repeat purchases to
	// model            LL      AIC      BIC | RMSE  MAE rel. |   week 39   week 78
	// BG/NBD      -9582.4  19172.9  19195.9 | 1.61 0.79 0.77 |      2502      4166
	// Pareto/NBD  -9595.0  19198.0  19221.0 | 1.60 0.75 0.74 |      2533      4275
	// MBG/NBD     -9582.1  19172.3  19195.3 | 1.61 0.76 0.75 |      2483      4055
	// actual                                |                |      2457      4339
	// lowest AIC: MBG/NBD; lowest BIC: MBG/NBD
	// repeat purchases | customers         | mean holdout purchases
	// in calibration   | actual   expected | actual   predicted
	// 0                |   1411     1418.6 |   0.24        0.19
	// 1                |    439      429.1 |   0.70        0.55
	// 2                |    214      198.6 |   1.39        1.05
	// 3                |    100      108.2 |   1.56        1.49
	// 4                |     62       64.7 |   2.53        2.10
	// 5                |     38       41.1 |   2.95        2.56
	// 6                |     29       27.3 |   3.86        3.36
	// 7+               |     64       69.2 |   6.36        5.85
}
