package main

import (
	"fmt"
	"io"
	"math"
	"sort"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// printModels projects a subscription cohort's retention with the
// shifted-beta-geometric model, then goes from the CDNOW transaction log
// to fitted BG/NBD and Gamma-Gamma models, checks them on a holdout
// period and ranks the customers by predicted value.
func printModels(w io.Writer) {
	fmt.Fprintln(w, "\n== Retention models ==")
	printCohort(w)
	printCDNOW(w)
}

// printCohort fits the sBG to the first five years of a published
// subscription cohort and projects it.
func printCohort(w io.Writer) {
	// A cohort of 1,000 subscribers still active at the start of years
	// 0–4 (the first five years of Fader & Hardie's 2007 "regular"
	// cohort); fit on them, then project to year 10.
	observed := []int64{1000, 631, 468, 382, 326}
	fit, err := btyd.FitSBG(observed, nil)
	if err != nil {
		fmt.Fprintln(w, "sBG fit:", err)
		return
	}
	fmt.Fprintf(w, "\nSubscription cohort: shifted-beta-geometric model (sBG, Fader & Hardie 2007) fitted to years 0–4\n")
	fmt.Fprintf(w, "  by maximum likelihood (converged): alpha %s, beta %s\n", num(fit.Alpha, 3), num(fit.Beta, 3))
	proj, err := fit.Project(1000, 10)
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	actual := []int64{1000, 631, 468, 382, 326, 289, 262, 241} // the paper's years 0–7
	fmt.Fprintf(w, "  %4s %10s %10s %10s\n", "year", "projected", "actual", "retention")
	for t, p := range proj {
		act, ret := "–", "–"
		if t < len(actual) {
			act = fmt.Sprint(actual[t])
		}
		if t > 0 {
			ret = num(fit.Retention(t), 3)
		}
		fmt.Fprintf(w, "  %4d %10s %10s %10s\n", t, num(p, 0), act, ret)
	}
	fmt.Fprintln(w, "  projected: subscribers of the 1,000 still active at the start of the year, from the fit;")
	fmt.Fprintln(w, "  actual: the published cohort (years 5–7 were not used in the fit); retention: the share of")
	fmt.Fprintln(w, "  last year's subscribers who renew. Retention rises with tenure because the customers most")
	fmt.Fprintln(w, "  prone to leave go first.")
	fmt.Fprintf(w, "  Discounted expected lifetime of a new subscriber at 10%% a year: %s years; of one in year 5: %s more\n",
		num(fit.DiscountedLifetime(0.1), 2), num(fit.ResidualLifetime(0.1, 5), 2))
}

// printCDNOW goes from the CDNOW log to predictions: Summarize → FitBGNBD
// and FitGammaGamma → P(alive), expected purchases, spend and value, and
// a holdout check.
func printCDNOW(w io.Writer) {
	txs, err := cdnowTransactions()
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	// Fader, Hardie & Lee (2005) calibrate on weeks 1–39 (1997-01-01 to
	// 1997-09-30) and keep weeks 40–78 (to 1998-06-30) as the holdout;
	// same-day purchases count as one (Summarize's default granularity).
	week := 7 * 24 * time.Hour
	sums, holds, err := btyd.Summarize(txs, week, cdnowCalibrationEnd, &btyd.SummaryOptions{HoldoutEnd: cdnowHoldoutEnd})
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	fmt.Fprintf(w, "\nCD buyers: from the CDNOW transaction log to predicted value (Fader, Hardie & Lee 2005)\n")
	fmt.Fprintf(w, "  Log: %s transactions of %s customers who first bought at CDNOW in January–March 1997, up to 1998-06-30.\n",
		thousands(len(txs)), thousands(len(sums)))
	fmt.Fprintln(w, "  Summarized in weeks: calibration weeks 1–39 (to 1997-09-30), holdout weeks 40–78 (to 1998-06-30).")
	bg, err := btyd.FitBGNBD(sums, nil)
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	gg, err := btyd.FitGammaGamma(sums, nil)
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	fmt.Fprintf(w, "  BG/NBD (purchases and drop-out) fitted: r %s, alpha %s, a %s, b %s   published: 0.243, 4.414, 0.793, 2.426\n",
		num(bg.R, 3), num(bg.Alpha, 3), num(bg.A, 3), num(bg.B, 3))
	fmt.Fprintf(w, "  Gamma-Gamma (dollars per order) fitted: p %s, q %s, v %s         published: 6.25, 3.74, 15.44\n",
		num(gg.P, 2), num(gg.Q, 2), num(gg.V, 2))

	type row struct {
		s      btyd.Summary
		alive  float64
		pred   float64 // expected purchases in weeks 40–78
		actual int     // purchases in weeks 40–78
		next12 float64 // expected purchases in the next 52 weeks
		spend  decimal.Decimal
		value  decimal.Decimal
	}
	// A year of months, discounted at 1% a month, at a 30% margin.
	in := btyd.ValueInput{Periods: 12, PeriodLength: 52.0 / 12, Discount: 0.01, Margin: 0.3}
	rows := make([]row, 0, len(sums))
	var predTotal float64
	var actualTotal int
	for i, s := range sums {
		// The fits are passed as they are: they satisfy PurchaseModel and
		// SpendModel.
		v, err := btyd.CustomerValue(bg, gg, s, in)
		if err != nil {
			fmt.Fprintln(w, err)
			return
		}
		spend, err := gg.ConditionalSpend(s)
		if err != nil {
			fmt.Fprintln(w, err)
			return
		}
		r := row{s: s, alive: bg.ProbAlive(s), pred: bg.ConditionalPurchases(holds[i].Length, s),
			actual: holds[i].Purchases, next12: bg.ConditionalPurchases(52, s), spend: spend, value: v}
		predTotal += r.pred
		actualTotal += r.actual
		rows = append(rows, r)
	}
	fmt.Fprintf(w, "  Holdout check, weeks 40–78: the model predicted %s repeat purchases, the log has %s (%s%% %s).\n",
		thousands(int(math.Round(predTotal))), thousands(actualTotal),
		num(100*math.Abs(predTotal-float64(actualTotal))/float64(actualTotal), 0), map[bool]string{true: "low", false: "high"}[predTotal < float64(actualTotal)])
	fmt.Fprintln(w, "  (Purchases on the same day count as one; predicted = the sum of each customer's expected purchases.)")

	// Highest value first; ties in customer-id order (the log's order).
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].value.GreaterThan(rows[j].value) })
	show := rows[:6]
	// Two contrasts: the most frequent buyer the model thinks has probably
	// left, and the most valuable customer without a repeat purchase.
	var quiet, once *row
	for i := range rows {
		r := &rows[i]
		if r.alive < 0.3 && (quiet == nil || r.s.Frequency > quiet.s.Frequency) {
			quiet = r
		}
		if once == nil && r.s.Frequency == 0 {
			once = r
		}
	}
	fmt.Fprintf(w, "\n  The %d most valuable of %s customers, then two for contrast:\n", len(show), thousands(len(rows)))
	fmt.Fprintf(w, "  %-6s %3s %6s %8s %12s %9s %10s %12s %10s\n", "id", "x", "t_x", "P(alive)", "next 12 mo.", "wk 40–78", "wk 40–78", "spend/order", "value")
	fmt.Fprintf(w, "  %-6s %3s %6s %8s %12s %9s %10s %12s %10s\n", "", "", "", "", "(predicted)", "predicted", "actual", "$", "$")
	line := func(r row) {
		fmt.Fprintf(w, "  %-6s %3d %6s %8s %12s %9s %10d %12s %10s\n", r.s.Customer, r.s.Frequency, num(r.s.Recency, 1),
			num(r.alive, 2), num(r.next12, 2), num(r.pred, 2), r.actual, r.spend.StringFixed(2), r.value.StringFixed(2))
	}
	for _, r := range show {
		line(r)
	}
	if quiet != nil {
		line(*quiet)
	}
	if once != nil {
		line(*once)
	}
	fmt.Fprintln(w, "  x: repeat purchases in weeks 1–39; t_x: week of the last one, counted from the first purchase;")
	fmt.Fprintln(w, "  P(alive): probability the customer still buys; next 12 mo.: expected purchases in the 52 weeks")
	fmt.Fprintln(w, "  after week 39; wk 40–78: purchases in the holdout, predicted and actual; spend/order: expected")
	fmt.Fprintln(w, "  dollars per order (Gamma-Gamma); value: 12-month discounted profit at a 30% margin, 1% a month.")
	if quiet != nil {
		fmt.Fprintf(w, "  Customer %s made %d repeat purchases, then none in the last %s weeks of the calibration period:\n",
			quiet.s.Customer, quiet.s.Frequency, num(quiet.s.T-quiet.s.Recency, 0))
		fmt.Fprintf(w, "  P(alive) %s, so a low value despite the history (a probability, not a verdict: %d purchases followed).\n",
			num(quiet.alive, 2), quiet.actual)
	}
	fmt.Fprintln(w, "  BG/NBD lets a customer drop out only after a purchase, so one with no repeat purchase counts as")
	fmt.Fprintln(w, "  alive (P(alive) 1.00) but is expected to buy little.")
	printDiagnostics(w, txs, sums, holds, bg)
}
