package btyd_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

func ExampleFitSBG() {
	// Customers still active out of 1,000 at the start of years 0–7: the
	// "regular" cohort of Fader & Hardie (2007).
	fit, err := btyd.FitSBG([]int64{1000, 631, 468, 382, 326, 289, 262, 241}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("alpha %.3f beta %.3f LL %.1f\n", fit.Alpha, fit.Beta, fit.LogLik)
	for _, t := range []int{1, 5, 10} {
		fmt.Printf("year %d retention %.3f\n", t, fit.Retention(t))
	}
	proj, _ := fit.Project(1000, 12)
	fmt.Printf("still active after 12 years: %.0f of 1000\n", proj[12])
	// Output:
	// alpha 0.704 beta 1.182 LL -1680.3
	// year 1 retention 0.627
	// year 5 retention 0.880
	// year 10 retention 0.935
	// still active after 12 years: 170 of 1000
}

func ExampleFitBGNBD() {
	// The first 40 CDNOW customers: (repeat purchases, week of the last,
	// age in weeks) over a 39-week calibration period.
	rows := [][3]float64{
		{2, 30.43, 38.86}, {1, 1.71, 38.86}, {0, 0, 38.86}, {0, 0, 38.86}, {0, 0, 38.86}, {7, 29.43, 38.86},
		{1, 5, 38.86}, {0, 0, 38.86}, {2, 35.71, 38.86}, {0, 0, 38.86}, {5, 24.43, 38.86}, {0, 0, 38.86},
		{0, 0, 38.86}, {0, 0, 38.86}, {0, 0, 38.86}, {0, 0, 38.86}, {10, 34.14, 38.86}, {1, 4.86, 38.86},
		{3, 28.29, 38.71}, {0, 0, 38.71}, {2, 14.57, 38.71}, {0, 0, 38.71}, {0, 0, 38.71}, {0, 0, 38.71},
		{0, 0, 38.71}, {1, 1.57, 38.71}, {0, 0, 38.71}, {1, 29.43, 38.71}, {0, 0, 38.71}, {1, 5.86, 38.71},
		{0, 0, 38.71}, {0, 0, 38.71}, {0, 0, 38.71}, {0, 0, 38.71}, {1, 27.14, 38.71}, {0, 0, 38.71},
		{0, 0, 38.71}, {1, 2.14, 38.71}, {0, 0, 38.71}, {0, 0, 38.71},
	}
	data := make([]btyd.Summary, len(rows))
	for i, r := range rows {
		data[i] = btyd.Summary{Frequency: int(r[0]), Recency: r[1], T: r[2]}
	}
	// Forty customers say little about the dropout process: plain maximum
	// likelihood cannot bound a and b, and the fit says so.
	fit, err := btyd.FitBGNBD(data, nil)
	if errors.Is(err, btyd.ErrNotIdentified) {
		fmt.Printf("maximum likelihood: %v not identified\n", fit.Unidentified)
		// An L2 penalty on the log-parameters (lifetimes' penalizer_coef)
		// keeps them finite.
		fit, err = btyd.FitBGNBD(data, &btyd.FitOptions{Penalty: 0.1})
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("r %.3f alpha %.2f a %.3f b %.3f LL %.2f converged %v\n", fit.R, fit.Alpha, fit.A, fit.B, fit.LogLik, fit.Converged)
	for _, i := range []int{0, 1, 2, 16} {
		s := data[i]
		fmt.Printf("x=%2d t_x=%5.2f: P(alive) %.3f, next 52 weeks %.3f purchases\n",
			s.Frequency, s.Recency, fit.ProbAlive(s), fit.ConditionalPurchases(52, s))
	}
	// Output:
	// maximum likelihood: [a b] not identified
	// r 0.219 alpha 4.62 a 0.321 b 0.543 LL -159.31 converged true
	// x= 2 t_x=30.43: P(alive) 0.749, next 52 weeks 1.703 purchases
	// x= 1 t_x= 1.71: P(alive) 0.139, next 52 weeks 0.172 purchases
	// x= 0 t_x= 0.00: P(alive) 1.000, next 52 weeks 0.217 purchases
	// x=10 t_x=34.14: P(alive) 0.902, next 52 weeks 9.547 purchases
}

func ExampleCustomerValue() {
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426} // CDNOW, weeks
	g := btyd.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}            // CDNOW, dollars
	s := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86, MeanSpend: decimal.RequireFromString("22.35")}
	// Fits (BGNBDFit, GammaGammaFit) are passed the same way.
	v, err := btyd.CustomerValue(m, g, s, btyd.ValueInput{
		Periods: 12, PeriodLength: 52.0 / 12, Discount: 0.01, Margin: 0.3, // a year of months at 1%
	})
	fmt.Println(v, err)
	// Output: 10.86 <nil>
}

func ExampleSummarize() {
	d := decimal.RequireFromString
	day := func(m time.Month, dd int) time.Time { return time.Date(2026, m, dd, 12, 0, 0, 0, time.UTC) }
	txs := []btyd.Transaction{
		{Customer: "ana", Time: day(1, 5), Amount: d("30")},
		{Customer: "ana", Time: day(2, 2), Amount: d("45")},
		{Customer: "ana", Time: day(3, 2), Amount: d("55")},
		{Customer: "bo", Time: day(2, 16), Amount: d("20")},
	}
	week := 7 * 24 * time.Hour // the unit is required: no silent days-vs-weeks mix-up
	sums, _, err := btyd.Summarize(txs, week, day(3, 30), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range sums {
		fmt.Printf("%s: x=%d t_x=%.0f T=%.0f weeks, mean repeat spend %s\n", s.Customer, s.Frequency, s.Recency, s.T, s.MeanSpend.StringFixed(2))
	}
	// Output:
	// ana: x=2 t_x=8 T=12 weeks, mean repeat spend 50.00
	// bo: x=0 t_x=0 T=6 weeks, mean repeat spend 0.00
}

func ExampleFitOptions() {
	// A cohort that loses 40% every year: the same churn for everybody
	// fits as well as any spread of churn rates, so plain maximum
	// likelihood cannot tell how heterogeneous the customers are.
	survivors := []int64{1000, 600, 360, 216, 130}
	fit, err := btyd.FitSBG(survivors, nil)
	fmt.Println(errors.Is(err, btyd.ErrNotIdentified), fit.Unidentified)
	// An L2 penalty of 0.1 on ln alpha and ln beta settles on a spread of
	// churn rates the data cannot rule out, at a cost of half a
	// log-likelihood unit.
	pen, err := btyd.FitSBG(survivors, &btyd.FitOptions{Penalty: 0.1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("alpha %.2f beta %.2f: mean churn %.3f, LL %.2f (unpenalised maximum %.2f)\n",
		pen.Alpha, pen.Beta, pen.Alpha/(pen.Alpha+pen.Beta), pen.LogLik, fit.LogLik)
	// (mpmath's sum of S(t)/1.1ᵗ for these α, β: 2.2186.)
	fmt.Printf("discounted lifetime at 10%%: %.2f years\n", pen.DiscountedLifetime(0.1))
	// Output:
	// true [alpha beta]
	// alpha 13.67 beta 19.66: mean churn 0.410, LL -1464.87 (unpenalised maximum -1464.31)
	// discounted lifetime at 10%: 2.22 years
}
