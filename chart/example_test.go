package chart_test

import (
	"bytes"
	"fmt"

	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// Draw a cohort's sBG projection against its actual survivors and render
// it as SVG; a program would write buf to a file or an HTTP response.
func ExampleRetention() {
	survivors := []int64{1000, 631, 468, 382, 326}
	fit, err := btyd.FitSBG(survivors, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	proj, err := fit.Project(1000, 10)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := chart.Retention(chart.RetentionSpec{
		Projected:  btyd.PeriodSeries(proj),
		Actual:     btyd.CountSeries(survivors),
		FitPeriods: len(survivors),
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := chart.WriteSVG(&buf, p, 0, 0); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title.Text)
	fmt.Println("SVG written:", buf.Len() > 0)
	// Output:
	// Cohort retention: sBG projection against actual survivors
	// SVG written: true
}

// Draw the P(alive) matrix of a BG/NBD model with the parameters Fader,
// Hardie & Lee (2005) estimated on the CDNOW sample, for customers who
// first bought 39 weeks ago.
func ExampleProbAlive() {
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	const T = 39.0
	p, err := chart.ProbAlive(chart.AliveSpec{
		Alive: func(x int, tx float64) float64 {
			return m.ProbAlive(btyd.Summary{Frequency: x, Recency: tx, T: T})
		},
		T: T, MaxFrequency: 15, Cells: 39,
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := chart.WritePNG(&buf, p, 0, 0); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title.Text)
	// Output:
	// P(alive): probability that a customer is still active, after 39 weeks
}

// Draw the tornado of an after-sales programme's yearly net benefit, each
// cost and benefit line varied by ±20%.
func ExampleTornado() {
	d := decimal.RequireFromString
	a := loyalty.AfterSales{
		Investment: d("150000"),
		Labour:     d("120000"), Materials: d("30000"), Facilities: d("25000"), Communication: d("10000"), Management: d("15000"),
		RetainedMargin: d("180000"), RepeatPurchases: d("60000"), AddOnPurchases: d("25000"), Referrals: d("20000"), AvoidedCosts: d("15000"),
	}
	cb, err := a.Evaluate()
	if err != nil {
		fmt.Println(err)
		return
	}
	bars, err := a.Tornado(0.2)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := chart.Tornado(chart.TornadoSpec{Bars: bars, Base: cb.Net, Change: 0.2, Currency: "EUR"}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.X.Label.Text)
	// Output:
	// yearly net benefit, EUR (line: at the estimates, 100,000)
}
