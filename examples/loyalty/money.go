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

	fmt.Fprintln(w, "\nLifetime value (CLV) of a customer bringing a margin of 100 a year, 10% discount rate,")
	fmt.Fprintln(w, "by when the margins are counted:")
	fmt.Fprintln(w, "  start-of-period     margin received now and at the start of each year the customer stays")
	fmt.Fprintln(w, "  end-after-survival  margin at the end of each year the customer survives")
	fmt.Fprintln(w, "  end-first-certain   margin at the end of each year, the first year certain")
	fmt.Fprintln(w, "  expected lifetime   1/(1 − retention) years")
	fmt.Fprintf(w, "  %-10s %18s %18s %18s %18s\n", "retention", "start-of-period", "end-after-survival", "end-first-certain", "expected lifetime")
	for _, r := range []float64{0.6, 0.7, 0.8, 0.9} {
		fmt.Fprintf(w, "  %-10s", fmt.Sprintf("%.0f%%", 100*r))
		for _, tm := range []loyalty.Timing{loyalty.StartOfPeriod, loyalty.EndAfterSurvival, loyalty.EndFirstCertain} {
			v, err := loyalty.CLV(loyalty.CLVInput{Margin: d("100"), Retention: r, Discount: 0.1, Timing: tm})
			if err != nil {
				fmt.Fprintln(w, err)
				return
			}
			fmt.Fprintf(w, " %18s", v.StringFixed(2))
		}
		l, _ := loyalty.ExpectedLifetime(r)
		fmt.Fprintf(w, " %15.1f yr\n", l)
	}
	fmt.Fprintln(w, "  The same customer is worth a third more or less depending only on when margins are counted.")

	fmt.Fprintln(w, "\nThe retention lever (Reichheld & Sasser 1990): change in a new customer's value (net of an")
	fmt.Fprintln(w, "acquisition cost of 50, 10% discount rate) when yearly defection falls by 5 points")
	profiles := []struct {
		name string
		p    []loyalty.YearProfit
	}{
		{"flat profit (45 a year)", []loyalty.YearProfit{{Base: d("45")}}},
		{"rising with tenure (illustrative)", loyalty.IllustrativeProfile()},
	}
	fmt.Fprintf(w, "  %-34s %9s %9s %9s\n", "profit profile", "20%→15%", "10%→5%", "6%→1%")
	for _, pr := range profiles {
		fmt.Fprintf(w, "  %-34s", pr.name)
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
	fmt.Fprintln(w, "  Reichheld & Sasser's (1990) \"5% less defection → 25–85% more profit\" spans much the same range: the gain")
	fmt.Fprintln(w, "  grows the lower defection already is and the more steeply profit grows with tenure.")

	b := loyalty.KotlerBaseEconomics(20000, d("180"))
	s, err := b.SteadyState()
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	be, _ := b.BreakEven(0.07)
	fmt.Fprintf(w, "\nHolding 20,000 customers steady (Kotler & Keller: an average company loses 10%% a year, and keeping\n")
	fmt.Fprintf(w, "a customer costs a fifth of winning one; here winning one costs 180):\n")
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
	fmt.Fprintf(w, "\nAfter-sales service programme (investment %s): cost %s, benefit %s a year; net benefit %s,\n",
		a.Investment, cb.Cost, cb.Benefit, cb.Net)
	fmt.Fprintf(w, "benefit-cost ratio %s, return on investment (ROI, net/cost) %s%%, payback %s years\n",
		cb.Ratio, cb.ROI.Mul(d("100")), cb.PaybackYears)
	bars, err := a.Tornado(0.20)
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	fmt.Fprintln(w, "  Sensitivity of the yearly net benefit to each line, varied ±20% one at a time (tornado chart,")
	fmt.Fprintln(w, "  widest first: the estimates that matter most):")
	fmt.Fprintf(w, "  %s %s %-18s %-18s %s\n", padCJK("line", 22), padCJK("中文", 14), "net benefit range", "line +20% → net", "swing (█ = 2000)")
	for _, bar := range bars {
		n := int(bar.Swing.Div(d("2000")).IntPart())
		lo, hi := bar.Range()
		name, dir := bar.Input, "higher"
		if bar.Cost {
			name, dir = bar.Input+" (cost)", "lower"
		}
		fmt.Fprintf(w, "  %s %s %8s … %-7s %-18s %s\n", padCJK(name, 22), padCJK(bar.Chinese, 14), lo, hi, dir, strings.Repeat("█", n))
	}
	best, steps, err := loyalty.OptimalSpend([]loyalty.SpendPoint{
		{Spend: d("0"), Benefit: d("0")}, {Spend: d("50000"), Benefit: d("140000")}, {Spend: d("100000"), Benefit: d("230000")},
		{Spend: d("150000"), Benefit: d("290000")}, {Spend: d("200000"), Benefit: d("330000")}, {Spend: d("250000"), Benefit: d("355000")},
	})
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	fmt.Fprint(w, "  Marginal analysis: each further 50,000 spent on service returns")
	var ms []string
	for _, st := range steps {
		ms = append(ms, st.Marginal.String())
	}
	fmt.Fprintf(w, " %s per unit spent\n", strings.Join(ms, ", "))
	fmt.Fprintf(w, "  → spend %s a year: beyond it one more unit of service returns less than it costs\n", best.Spend)
}
