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

// The MBG/NBD and the BG/NBD fitted side by side to the CDNOW log's 39
// calibration weeks and checked on its 39 holdout weeks. The two models
// differ in one assumption: under the MBG/NBD a customer may drop out
// right after the first purchase, so a one-time buyer need not be alive.
// LL is the log-likelihood of the calibration data (higher fits better;
// both models have four parameters); P(alive) is the probability that a
// customer is still buying at the end of calibration (shown for a
// one-time buyer whose first purchase was 39 weeks before, and for a
// customer with 5 repeat purchases, the last in week 35); MAE is the mean
// absolute error of the predicted holdout purchases per customer.
func ExampleFitMBGNBD() {
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
	mbg, err := btyd.FitMBGNBD(cal, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	bg, err := btyd.FitBGNBD(cal, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	oneTime := btyd.Summary{T: 39}
	loyal := btyd.Summary{Frequency: 5, Recency: 35, T: 39}
	fmt.Println("model   |     r | alpha |     a |     b |      LL | P(alive): one-time buyer, 5 repeat purchases | holdout MAE")
	for _, c := range []struct {
		name        string
		r, al, a, b float64
		ll          float64
		m           interface {
			btyd.ConditionalPredictor
			ProbAlive(btyd.Summary) float64
		}
	}{
		{"MBG/NBD", mbg.R, mbg.Alpha, mbg.A, mbg.B, mbg.LogLik, mbg},
		{"BG/NBD", bg.R, bg.Alpha, bg.A, bg.B, bg.LogLik, bg},
	} {
		acc, err := btyd.HoldoutErrors(c.m, cal, hold)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-7s | %.3f | %.3f | %.3f | %.3f | %.1f | %.2f  %.2f | %.3f\n",
			c.name, c.r, c.al, c.a, c.b, c.ll, c.m.ProbAlive(oneTime), c.m.ProbAlive(loyal), acc.MAE)
	}
	// Output:
	// model   |     r | alpha |     a |     b |      LL | P(alive): one-time buyer, 5 repeat purchases | holdout MAE
	// MBG/NBD | 0.525 | 6.183 | 0.891 | 1.614 | -9582.1 | 0.39  0.82 | 0.765
	// BG/NBD  | 0.243 | 4.414 | 0.793 | 2.426 | -9582.4 | 1.00  0.83 | 0.785
}
