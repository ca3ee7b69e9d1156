package btyd_test

import (
	"fmt"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// From a transaction log to each customer's value: Summarize, the models,
// the predictions, CustomerValue. Fitting needs thousands of customers
// (btyd.FitBGNBD(sums, nil), btyd.FitGammaGamma(sums, nil) on the CDNOW
// log give the parameters below); a dozen transactions only show the
// path, so this uses the published CDNOW estimates (Fader, Hardie & Lee
// 2005), which are in weeks and dollars.
func Example() {
	d := decimal.RequireFromString
	day := func(m time.Month, dd int) time.Time { return time.Date(2026, m, dd, 12, 0, 0, 0, time.UTC) }
	txs := []btyd.Transaction{
		{Customer: "ana", Time: day(1, 5), Amount: d("30")},
		{Customer: "ana", Time: day(2, 2), Amount: d("45")},
		{Customer: "ana", Time: day(3, 2), Amount: d("55")},
		{Customer: "ana", Time: day(5, 25), Amount: d("41.50")},
		{Customer: "bo", Time: day(1, 12), Amount: d("20")},
		{Customer: "bo", Time: day(1, 19), Amount: d("18")},
		{Customer: "bo", Time: day(1, 26), Amount: d("22")},
		{Customer: "bo", Time: day(2, 9), Amount: d("19.99")},
		{Customer: "cy", Time: day(2, 16), Amount: d("12")},
		{Customer: "cy", Time: day(4, 20), Amount: d("14")},
		{Customer: "di", Time: day(6, 1), Amount: d("60")},
		{Customer: "ana", Time: day(7, 14), Amount: d("38")}, // after the calibration end
	}
	week := 7 * 24 * time.Hour
	sums, _, err := btyd.Summarize(txs, week, day(6, 30), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	purchases := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	spend := btyd.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}
	// A year of months at 1% a month and a 30% margin.
	in := btyd.ValueInput{Periods: 12, PeriodLength: 52.0 / 12, Discount: 0.01, Margin: 0.3}
	for _, s := range sums {
		perOrder, err := spend.ConditionalSpend(s)
		if err != nil {
			fmt.Println(err)
			return
		}
		value, err := btyd.CustomerValue(purchases, spend, s, in)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-3s x=%d t_x=%4.1f T=%4.1f  P(alive) %.2f  next 52 weeks %.2f orders of $%s: value $%s\n",
			s.Customer, s.Frequency, s.Recency, s.T, purchases.ProbAlive(s), purchases.ConditionalPurchases(52, s), perOrder.StringFixed(2), value.StringFixed(2))
	}
	// Spend per order by hand, p(v + x·m̄)/(px + q − 1): ana 6.25·(15.44 +
	// 141.5)/21.49 = 45.643…; di, without repeat purchases, the mean
	// p·v/(q − 1) = 96.5/2.74 = 35.218….
	// Output:
	// ana x=3 t_x=20.0 T=25.1  P(alive) 0.75  next 52 weeks 3.07 orders of $45.64: value $39.70
	// bo  x=3 t_x= 4.0 T=24.1  P(alive) 0.10  next 52 weeks 0.40 orders of $21.94: value $2.50
	// cy  x=1 t_x= 9.0 T=19.1  P(alive) 0.60  next 52 weeks 1.21 orders of $20.47: value $6.99
	// di  x=0 t_x= 0.0 T= 4.1  P(alive) 1.00  next 52 weeks 0.92 orders of $35.22: value $9.22
}
