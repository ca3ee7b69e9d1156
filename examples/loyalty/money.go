package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/cxlab/satisfaction/loyalty"
	"github.com/shopspring/decimal"
)

// printMoney prints the money side of loyalty: lifetime value by timing
// convention, the retention lever for two profit profiles, acquisition
// versus retention, and an after-sales cost-benefit with its tornado
// table.
func printMoney(w io.Writer) {
	fmt.Fprintln(w, "\n== The money side ==")
	d := decimal.RequireFromString

	fmt.Fprintln(w, "\nLifetime value of a customer worth 100 a year, 10% discount rate:")
	fmt.Fprintf(w, "  %-10s %18s %18s %18s %11s\n", "retention%", "start-of-period", "end-after-survival", "end-first-certain", "lifetime")
	for _, r := range []float64{0.6, 0.7, 0.8, 0.9} {
		fmt.Fprintf(w, "  %-10.0f", 100*r)
		for _, tm := range []loyalty.Timing{loyalty.StartOfPeriod, loyalty.EndAfterSurvival, loyalty.EndFirstCertain} {
			v, err := loyalty.CLV(loyalty.CLVInput{Margin: d("100"), Retention: r, Discount: 0.1, Timing: tm})
			if err != nil {
				fmt.Fprintln(w, err)
				return
			}
			fmt.Fprintf(w, " %18s", v.StringFixed(2))
		}
		l, _ := loyalty.ExpectedLifetime(r)
		fmt.Fprintf(w, " %8.1f yr\n", l)
	}
	fmt.Fprintln(w, "  The same customer is worth a third more or less depending only on when margins are counted.")

	fmt.Fprintln(w, "\nThe retention lever (Reichheld & Sasser): value of a new customer (acquisition 50) when defection falls 5 points")
	profiles := []struct {
		name string
		p    []loyalty.YearProfit
	}{
		{"flat profit (45 a year)", []loyalty.YearProfit{{Base: d("45")}}},
		{"profit rising with tenure", loyalty.IllustrativeProfile()},
	}
	fmt.Fprintf(w, "  %-27s %9s %9s %9s\n", "profile", "20%→15%", "10%→5%", "6%→1%")
	for _, pr := range profiles {
		fmt.Fprintf(w, "  %-27s", pr.name)
		for _, from := range []float64{0.20, 0.10, 0.06} {
			r, err := loyalty.RetentionLever(pr.p, from, 0.05, 0.10, d("50"))
			if err != nil {
				fmt.Fprintln(w, err)
				return
			}
			fmt.Fprintf(w, " %+8.0f%%", 100*r.Change)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "  The documents' \"5% less defection → 25–85% more profit\" spans much the same range: the gain")
	fmt.Fprintln(w, "  grows the lower defection already is and the more steeply profit grows with tenure.")

	b := loyalty.KotlerBaseEconomics(20000, d("180"))
	s, err := b.SteadyState()
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	be, _ := b.BreakEven(0.07)
	fmt.Fprintf(w, "\nHolding 20,000 customers steady (10%% lost a year, winning one costs 180, keeping one a fifth of that):\n")
	fmt.Fprintf(w, "  by acquisition %s a year, by retention %s: %s saved\n", s.ByAcquisition.StringFixed(0), s.ByRetention.StringFixed(0), s.Saving.StringFixed(0))
	fmt.Fprintf(w, "  a programme that cuts losses to 7%% pays for itself up to %s a year\n", be.StringFixed(0))

	a := loyalty.AfterSales{
		Investment: d("150000"),
		Labour:     d("120000"), Materials: d("30000"), Facilities: d("25000"), Communication: d("10000"), Management: d("15000"),
		RetainedMargin: d("180000"), RepeatPurchases: d("60000"), AddOnPurchases: d("25000"), Referrals: d("20000"), AvoidedCosts: d("15000"),
	}
	cb, err := a.Evaluate()
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	fmt.Fprintf(w, "\nAfter-sales service programme: cost %s, benefit %s a year; net %s, benefit-cost %s, ROI %s%%, payback %s years\n",
		cb.Cost, cb.Benefit, cb.Net, cb.Ratio, cb.ROI.Mul(d("100")), cb.PaybackYears)
	bars, err := a.Tornado(0.20)
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	fmt.Fprintln(w, "  Sensitivity of the net benefit to each line ±20% (tornado):")
	for _, bar := range bars {
		n := int(bar.Swing.Div(d("2000")).IntPart())
		fmt.Fprintf(w, "  %-17s %8s … %-8s %s\n", bar.Input, bar.Low, bar.High, strings.Repeat("█", n))
	}
	best, steps, err := loyalty.OptimalSpend([]loyalty.SpendPoint{
		{Spend: d("0"), Benefit: d("0")}, {Spend: d("50000"), Benefit: d("140000")}, {Spend: d("100000"), Benefit: d("230000")},
		{Spend: d("150000"), Benefit: d("290000")}, {Spend: d("200000"), Benefit: d("330000")}, {Spend: d("250000"), Benefit: d("355000")},
	})
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	fmt.Fprint(w, "  Marginal benefit of each further 50,000:")
	for _, st := range steps {
		fmt.Fprintf(w, " %s", st.Marginal)
	}
	fmt.Fprintf(w, "\n  → spend %s: beyond it one more unit of service returns less than it costs\n", best.Spend)
}
