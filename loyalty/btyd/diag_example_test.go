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

// Checking a purchase model on data it has not seen: the CDNOW log is
// split into 39 calibration weeks (to 1997-09-30) and 39 holdout weeks (to
// 1998-06-30). The BG/NBD parameters are those Fader, Hardie & Lee (2005)
// fit to the calibration weeks; in practice they come from FitBGNBD.
// The table groups customers by their repeat purchases in calibration and
// compares the mean purchases they made in the holdout ("actual") with
// the model's expectation ("predicted"); the error line scores each
// customer's prediction. RMSE is root mean squared error, MAE mean
// absolute error, both in purchases per customer; relative MAE divides
// MAE by that of a naive forecast (each customer's calibration purchase
// rate carried forward), so below 1 the model beats it.
func ExampleCalibrationHoldoutTable() {
	f, err := os.Open("testdata/CDNOW_sample.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	var txs []btyd.Transaction
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
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
	cal, hold, err := btyd.Summarize(txs, 7*24*time.Hour, time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC),
		&btyd.SummaryOptions{HoldoutEnd: time.Date(1998, 6, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		fmt.Println(err)
		return
	}
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	tab, err := btyd.CalibrationHoldoutTable(m, cal, hold, 7)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("calibration repeat purchases | customers | mean holdout purchases: actual, predicted")
	for _, r := range tab.Rows {
		label := fmt.Sprint(r.Frequency)
		if r.OrMore {
			label += "+"
		}
		fmt.Printf("%-2s | %4d | %.2f  %.2f\n", label, r.Customers, r.Actual, r.Predicted)
	}
	acc, err := btyd.HoldoutErrors(m, cal, hold)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d customers: RMSE %.2f, MAE %.2f, relative MAE %.2f\n", acc.Customers, acc.RMSE, acc.MAE, acc.RelMAE)
	// Output:
	// calibration repeat purchases | customers | mean holdout purchases: actual, predicted
	// 0  | 1411 | 0.24  0.23
	// 1  |  439 | 0.70  0.52
	// 2  |  214 | 1.39  1.04
	// 3  |  100 | 1.56  1.52
	// 4  |   62 | 2.53  2.16
	// 5  |   38 | 2.95  2.65
	// 6  |   29 | 3.86  3.50
	// 7+ |   64 | 6.36  6.16
	// 2357 customers: RMSE 1.61, MAE 0.79, relative MAE 0.77
}
