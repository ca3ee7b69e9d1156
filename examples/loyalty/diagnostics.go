package main

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// purchaseModel is what the diagnostics ask of a fitted purchase model.
type purchaseModel interface {
	btyd.ConditionalPredictor
	btyd.CountPredictor
	btyd.ExpectedPredictor
}

// fittedModel is one purchase model fitted to the CDNOW calibration weeks,
// with its holdout diagnostics.
type fittedModel struct {
	Name     string
	Model    purchaseModel
	Info     btyd.FitInfo
	Accuracy btyd.HoldoutAccuracy
	Table    btyd.CalibrationHoldout // calibration vs holdout, frequencies 0..7+
	Hist     btyd.CountHistogram     // period-count histogram, 0..7+
	Tracking btyd.TrackingTable      // weeks 1–78 from 1997-01-01
}

// cdnowDiagnostics holds the model comparison and the diagnostics of the
// 39 + 39-week CDNOW analysis; the charts can be drawn from its tables.
type cdnowDiagnostics struct {
	Models     []fittedModel // BG/NBD, Pareto/NBD, MBG/NBD
	Comparison btyd.ModelComparison
}

// diagMaxFrequency is the last, open-ended row of the diagnostic tables
// ("7+"), as in Fader, Hardie & Lee (2005), Figure 4.
const diagMaxFrequency = 7

// trackingStart and trackingWeeks place the tracking: the cohort's first
// purchases are in January–March 1997, the log ends on 1998-06-30.
var trackingStart = time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC)

const trackingWeeks = 78

// analyseCDNOW fits BG/NBD, Pareto/NBD and MBG/NBD to the calibration
// summaries, compares them, and checks each on the holdout. bg is the
// BG/NBD fit the rest of the report uses.
func analyseCDNOW(txs []btyd.Transaction, sums []btyd.Summary, holds []btyd.Holdout, bg btyd.BGNBDFit) (cdnowDiagnostics, error) {
	pn, err := btyd.FitParetoNBD(sums, nil)
	if err != nil {
		return cdnowDiagnostics{}, err
	}
	mbg, err := btyd.FitMBGNBD(sums, nil)
	if err != nil {
		return cdnowDiagnostics{}, err
	}
	d := cdnowDiagnostics{Models: []fittedModel{
		{Name: "BG/NBD", Model: bg, Info: bg.FitInfo},
		{Name: "Pareto/NBD", Model: pn, Info: pn.FitInfo},
		{Name: "MBG/NBD", Model: mbg, Info: mbg.FitInfo},
	}}
	var cands []btyd.FitCandidate
	for i := range d.Models {
		m := &d.Models[i]
		cands = append(cands, btyd.FitCandidate{Name: m.Name, Info: m.Info, Params: 4})
		if m.Accuracy, err = btyd.HoldoutErrors(m.Model, sums, holds); err != nil {
			return cdnowDiagnostics{}, err
		}
		if m.Table, err = btyd.CalibrationHoldoutTable(m.Model, sums, holds, diagMaxFrequency); err != nil {
			return cdnowDiagnostics{}, err
		}
		if m.Hist, err = btyd.PeriodCountHistogram(m.Model, sums, diagMaxFrequency); err != nil {
			return cdnowDiagnostics{}, err
		}
		if m.Tracking, err = btyd.Tracking(m.Model, txs, 7*24*time.Hour, trackingStart, trackingWeeks); err != nil {
			return cdnowDiagnostics{}, err
		}
	}
	if d.Comparison, err = btyd.CompareFits(cands...); err != nil {
		return cdnowDiagnostics{}, err
	}
	return d, nil
}

// printDiagnostics prints the model comparison and the holdout
// diagnostics, for a manager: which model to trust and how far.
func printDiagnostics(w io.Writer, txs []btyd.Transaction, sums []btyd.Summary, holds []btyd.Holdout, bg btyd.BGNBDFit) {
	d, err := analyseCDNOW(txs, sums, holds, bg)
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	ms := d.Models
	fmt.Fprintf(w, "\nIs the model right? Three purchase models fitted to weeks 1–39, checked on weeks 40–78\n")
	fmt.Fprintln(w, "  BG/NBD: beta-geometric/negative binomial (Fader, Hardie & Lee 2005), used above; Pareto/NBD:")
	fmt.Fprintln(w, "  the field's benchmark (Schmittlein, Morrison & Colombo 1987); MBG/NBD: modified BG/NBD")
	fmt.Fprintln(w, "  (Batislam, Denizel & Filiztekin 2007), in which a customer may also leave before buying again.")

	fmt.Fprintf(w, "\n  Fit to weeks 1–39:\n")
	fmt.Fprintf(w, "  %-11s %10s %10s %10s %9s %9s\n", "model", "LL", "AIC", "BIC", "AIC rank", "BIC rank")
	for _, s := range d.Comparison.Models {
		fmt.Fprintf(w, "  %-11s %10s %10s %10s %9d %9d\n", s.Name, num(s.LogLik, 2), num(s.AIC, 2), num(s.BIC, 2), s.RankAIC, s.RankBIC)
	}
	c := d.Comparison
	fmt.Fprintf(w, "  LL: log-likelihood, how probable the model makes the purchases observed (higher is better).\n")
	fmt.Fprintf(w, "  AIC = 2k − 2·LL and BIC = k·ln(N) − 2·LL, Akaike's and the Bayesian information criterion, with\n")
	fmt.Fprintf(w, "  k = 4 parameters per model and N = %s customers: the fit penalised for each parameter, lower is\n", thousands(c.Models[0].N))
	fmt.Fprintf(w, "  better. The two rankings can disagree: BIC charges ln(N) = %s per parameter, AIC 2, so BIC\n", num(logN(c.Models[0].N), 2))
	fmt.Fprintf(w, "  favours the simpler of two models more often; here every model has 4 parameters and both put\n")
	fmt.Fprintf(w, "  %s first. Its lead of %s in AIC over %s is small (a common rule of thumb reads a gap\n",
		c.Models[c.BestAIC].Name, num(secondGap(c), 2), secondName(c))
	fmt.Fprintf(w, "  under 2 as no real evidence either way), and a better fit to the past is not yet a better\n")
	fmt.Fprintf(w, "  forecast, which the holdout weeks test.\n")

	fmt.Fprintf(w, "\n  Forecast of weeks 40–78, in total and customer by customer:\n")
	fmt.Fprintf(w, "  %-11s %9s %9s %9s %10s %10s\n", "model", "predicted", "actual", "RMSE", "MAE", "rel. MAE")
	for _, m := range ms {
		pred, act := 0.0, 0
		for _, r := range m.Table.Rows {
			pred += r.Predicted * float64(r.Customers)
			act += int(r.Actual*float64(r.Customers) + 0.5)
		}
		fmt.Fprintf(w, "  %-11s %9s %9s %9s %10s %10s\n", m.Name, thousands(int(pred+0.5)), thousands(act),
			num(m.Accuracy.RMSE, 3), num(m.Accuracy.MAE, 3), num(m.Accuracy.RelMAE, 3))
	}
	fmt.Fprintln(w, "  predicted, actual: repeat purchases of all customers in weeks 40–78. RMSE (root mean squared")
	fmt.Fprintln(w, "  error) and MAE (mean absolute error): how far each customer's forecast is from what the customer")
	fmt.Fprintln(w, "  bought, in purchases; rel. MAE: MAE divided by that of a naive forecast (each customer's rate of")
	fmt.Fprintln(w, "  weeks 1–39 carried forward), below 1 when the model beats it.")
	lo, hi := shortfall(ms)
	if lo > 0 {
		fmt.Fprintf(w, "  Every model forecasts fewer purchases than the customers made, by %s%% to %s%%.\n", num(100*lo, 0), num(100*hi, 0))
	}
	b := bestForecast(ms)
	fmt.Fprintf(w, "  The rankings by fit and by forecast need not agree: here %s, ranked %d of %d by fit, has the\n",
		ms[b].Name, d.Comparison.Models[b].RankAIC, len(ms))
	fmt.Fprintln(w, "  lowest MAE. Judge a model by both.")

	fmt.Fprintf(w, "\n  Customers by repeat purchases in weeks 1–39, and their mean purchases in weeks 40–78:\n")
	fmt.Fprintf(w, "  %-9s %-35s | %s\n", "repeat", "number of customers", "mean purchases in weeks 40–78")
	fmt.Fprintf(w, "  %-9s %7s %7s %10s %8s | %7s %7s %10s %8s\n", "purchases", "actual", "BG/NBD", "Pareto/NBD", "MBG/NBD", "actual", "BG/NBD", "Pareto/NBD", "MBG/NBD")
	for k := range ms[0].Table.Rows {
		r := ms[0].Table.Rows[k]
		label := fmt.Sprint(r.Frequency)
		if r.OrMore {
			label += "+"
		}
		fmt.Fprintf(w, "  %-9s %7s %7s %10s %8s | %7s %7s %10s %8s\n", label, thousands(ms[0].Hist.Rows[k].Actual),
			whole(ms[0].Hist.Rows[k].Expected), whole(ms[1].Hist.Rows[k].Expected), whole(ms[2].Hist.Rows[k].Expected),
			num(r.Actual, 2), num(r.Predicted, 2), num(ms[1].Table.Rows[k].Predicted, 2), num(ms[2].Table.Rows[k].Predicted, 2))
	}
	fmt.Fprintln(w, "  Left, the period-count histogram: how many customers made 0, 1, …, 7 or more (7+) repeat purchases")
	fmt.Fprintln(w, "  in weeks 1–39, and how many each model expects (rounded to whole customers). Right, the")
	fmt.Fprintln(w, "  calibration-vs-holdout table: the mean purchases each group made in weeks 40–78 and each model's")
	fmt.Fprintln(w, "  prediction for the group.")

	fmt.Fprintf(w, "\n  Tracking: repeat purchases of the whole cohort, 13 weeks at a time from 1997-01-01:\n")
	fmt.Fprintf(w, "  %-12s %7s %7s %10s %8s\n", "weeks", "actual", "BG/NBD", "Pareto/NBD", "MBG/NBD")
	const step = 13
	for end := step; end <= trackingWeeks; end += step {
		label := fmt.Sprintf("%d–%d", end-step+1, end)
		if end-step+1 > 39 {
			label += " (h)"
		}
		act := ms[0].Tracking.Rows[end-1].CumActual
		if end > step {
			act -= ms[0].Tracking.Rows[end-step-1].CumActual
		}
		cols := []string{}
		for _, m := range ms {
			e := m.Tracking.Rows[end-1].CumExpected
			if end > step {
				e -= m.Tracking.Rows[end-step-1].CumExpected
			}
			cols = append(cols, whole(e))
		}
		fmt.Fprintf(w, "  %-12s %7s %7s %10s %8s\n", label, thousands(act), cols[0], cols[1], cols[2])
	}
	last := trackingWeeks - 1
	cum := func(i int) string { return whole(ms[i].Tracking.Rows[last].CumExpected) }
	fmt.Fprintf(w, "  %-12s %7s %7s %10s %8s\n", "total 1–78", thousands(ms[0].Tracking.Rows[last].CumActual), cum(0), cum(1), cum(2))
	fmt.Fprintf(w, "  Expected: the sum over the %s customers of each one's expected repeat purchases since their first\n", thousands(ms[0].Tracking.Customers))
	fmt.Fprintln(w, "  purchase, the first purchases spread over weeks 1–13; (h): holdout weeks, after the fit. Tracking")
	fmt.Fprintln(w, "  uses only the dates of the first purchases, not each customer's own history, so its weeks 40–78")
	fmt.Fprintln(w, "  differ a little from the forecast above. After week 39 every model falls short in weeks 40–65.")
}

// shortfall returns the smallest and largest relative shortfall of the
// models' total holdout forecasts below the actual purchases, (actual −
// predicted)/actual, from the calibration-vs-holdout tables.
func shortfall(ms []fittedModel) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, m := range ms {
		pred, act := 0.0, 0.0
		for _, r := range m.Table.Rows {
			pred += r.Predicted * float64(r.Customers)
			act += r.Actual * float64(r.Customers)
		}
		f := (act - pred) / act
		lo, hi = min(lo, f), max(hi, f)
	}
	return lo, hi
}

// bestForecast returns the index of the model with the lowest holdout
// MAE (the first on a tie).
func bestForecast(ms []fittedModel) int {
	b := 0
	for i, m := range ms {
		if m.Accuracy.MAE < ms[b].Accuracy.MAE {
			b = i
		}
	}
	return b
}

// whole rounds x to a whole number with thousands separators.
func whole(x float64) string { return thousands(int(math.Round(x))) }

// logN is ln n.
func logN(n int) float64 { return math.Log(float64(n)) }

// secondGap is the AIC of the model ranked second minus the best's.
func secondGap(c btyd.ModelComparison) float64 {
	for _, s := range c.Models {
		if s.RankAIC == 2 {
			return s.DeltaAIC
		}
	}
	return 0
}

// secondName names the model ranked second by AIC.
func secondName(c btyd.ModelComparison) string {
	for _, s := range c.Models {
		if s.RankAIC == 2 {
			return s.Name
		}
	}
	return ""
}
