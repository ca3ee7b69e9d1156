package main

import (
	"bytes"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// report runs the whole text report.
func report(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	printBehaviour(&b)
	printMoney(&b)
	printModels(&b)
	return b.String()
}

// TestReportText reads the report as a manager would: no negative zeros or
// undefined numbers, every abbreviation of the diagnostics defined, the
// comparison at the values an independent SciPy fit gives, and each claim
// the text makes about the CDNOW diagnostics true of the data.
func TestReportText(t *testing.T) {
	out := report(t)
	for _, bad := range []string{"-0.00", "-0.0 ", "NaN", "Inf", "%!"} {
		if strings.Contains(out, bad) {
			t.Errorf("report contains %q", bad)
		}
	}
	if m := regexp.MustCompile(`(?m)[ \t]+$`).FindString(out); m != "" {
		t.Errorf("report has trailing spaces")
	}
	// Every abbreviation of the diagnostics is spelled out.
	for _, def := range []string{
		"BG/NBD: beta-geometric/negative binomial",
		"Pareto/NBD:\n  the field's benchmark",
		"MBG/NBD: modified BG/NBD",
		"LL: log-likelihood",
		"AIC = 2k − 2·LL and BIC = k·ln(N) − 2·LL, Akaike's and the Bayesian information criterion",
		"RMSE (root mean squared",
		"MAE (mean absolute error)",
		"rel. MAE: MAE divided by that of a naive forecast",
		"7 or more (7+)",
		"(h): holdout weeks",
		"The two rankings can disagree",
	} {
		if !strings.Contains(out, def) {
			t.Errorf("report lacks %q", def)
		}
	}
	// The BG/NBD row at the SciPy fit of TestCDNOWAnalysis in loyalty/btyd:
	// LL −9582.429206673929, AIC 19172.858413347858, BIC 19195.918992959603.
	if !regexp.MustCompile(`(?m)^  BG/NBD +-9582\.43 +19172\.86 +19195\.92 +2 +2$`).MatchString(out) {
		t.Errorf("BG/NBD comparison row missing or wrong:\n%s", section(out, "Fit to weeks 1–39"))
	}
	// The tracked repeat purchases: Summarize's 2,457 calibration and
	// 1,882 holdout purchases (TestCDNOWAnalysis).
	if !regexp.MustCompile(`(?m)^  total 1–78 +4,339 +4,166 `).MatchString(out) {
		t.Errorf("tracking total row missing or wrong:\n%s", section(out, "Tracking:"))
	}
}

// TestReportClaims checks the sentences of the diagnostics that state
// facts about the data against the data.
func TestReportClaims(t *testing.T) {
	txs, err := cdnowTransactions()
	if err != nil {
		t.Fatal(err)
	}
	sums, holds, err := btyd.Summarize(txs, 7*24*time.Hour, time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC),
		&btyd.SummaryOptions{HoldoutEnd: time.Date(1998, 6, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	bg, err := btyd.FitBGNBD(sums, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := analyseCDNOW(txs, sums, holds, bg)
	if err != nil {
		t.Fatal(err)
	}
	c := d.Comparison
	// "both put MBG/NBD first", "Its lead … over BG/NBD is small (… under 2 …)".
	if c.Models[c.BestAIC].Name != "MBG/NBD" || c.BestBIC != c.BestAIC || secondName(c) != "BG/NBD" || secondGap(c) >= 2 {
		t.Errorf("comparison %+v", c)
	}
	// "every model has 4 parameters": BIC and AIC then rank alike.
	for _, s := range c.Models {
		if s.Params != 4 || s.RankAIC != s.RankBIC {
			t.Errorf("%+v", s)
		}
	}
	// "Every model forecasts fewer purchases than the customers made, by
	// 12% to 16%": the totals of the forecast table, by hand from the
	// report's rows (1,653, 1,666 and 1,577 of 1,882).
	lo, hi := shortfall(d.Models)
	if math.Abs(lo-(1882-1666)/1882.0) > 0.001 || math.Abs(hi-(1882-1577)/1882.0) > 0.001 {
		t.Errorf("holdout shortfall %v to %v, want 11.5%% (Pareto/NBD) to 16.2%% (MBG/NBD)", lo, hi)
	}
	// "here Pareto/NBD, ranked 3 of 3 by fit, has the lowest MAE".
	if b := bestForecast(d.Models); d.Models[b].Name != "Pareto/NBD" || c.Models[b].RankAIC != 3 {
		t.Errorf("lowest MAE: %s, AIC rank %d", d.Models[b].Name, c.Models[b].RankAIC)
	}
	// "every model falls short in weeks 40–65".
	for _, m := range d.Models {
		r := m.Tracking.Rows
		act := r[64].CumActual - r[38].CumActual
		exp := r[64].CumExpected - r[38].CumExpected
		if !(exp < float64(act)) {
			t.Errorf("%s expects %v repeat purchases in weeks 40–65, the cohort made %d", m.Name, exp, act)
		}
	}
	// The rows of the calibration table add up to the customers.
	for _, m := range d.Models {
		n := 0
		for _, r := range m.Table.Rows {
			n += r.Customers
			if math.IsNaN(r.Actual) {
				t.Errorf("%s: empty row %+v", m.Name, r)
			}
		}
		if n != len(sums) {
			t.Errorf("%s: %d customers in the table, %d summarised", m.Name, n, len(sums))
		}
	}
}

// section returns the lines of out from the one containing head to the
// next blank line.
func section(out, head string) string {
	i := strings.Index(out, head)
	if i < 0 {
		return ""
	}
	s := out[i:]
	if j := strings.Index(s, "\n\n"); j >= 0 {
		s = s[:j]
	}
	return s
}
