package btyd_test

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// cdnow reads the CDNOW calibration summary (testdata/README.md).
func cdnow(t testing.TB) []btyd.Summary {
	f, err := os.Open("testdata/cdnow_customers_summary_with_transactions.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := make([]btyd.Summary, 0, len(rows)-1)
	for _, r := range rows[1:] {
		x, _ := strconv.Atoi(r[1])
		tx, _ := strconv.ParseFloat(r[2], 64)
		T, _ := strconv.ParseFloat(r[3], 64)
		z, err := decimal.NewFromString(r[4])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, btyd.Summary{Customer: r[0], Frequency: x, Recency: tx, T: T, MeanSpend: z})
	}
	return out
}

func TestFitBGNBDCDNOW(t *testing.T) {
	data := cdnow(t)
	fit, err := btyd.FitBGNBD(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Fader, Hardie & Lee (2005), table 1 / the paper's estimates: r =
	// 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4. The vectorised
	// SciPy fit on the same file (/usr/bin/python3
	// ../shared/bench/scipy_bgnbd.py …/cdnow_customers_summary.csv, SciPy
	// 1.10.1, Nelder–Mead) gives 0.2426 4.4135 0.7929 2.4258, LL −9582.43.
	got := []float64{fit.R, fit.Alpha, fit.A, fit.B, fit.LogLik}
	published := []float64{0.243, 4.414, 0.793, 2.426, -9582.4}
	scipy := []float64{0.2426, 4.4135, 0.7929, 2.4258, -9582.43}
	for i := range got {
		if math.Abs(got[i]-published[i]) > 0.0006*math.Max(1, math.Abs(published[i])) {
			t.Errorf("parameter %d = %.5f, published %v", i, got[i], published[i])
		}
		if math.Abs(got[i]-scipy[i]) > 0.0002*math.Max(1, math.Abs(scipy[i])) {
			t.Errorf("parameter %d = %.5f, SciPy %v", i, got[i], scipy[i])
		}
	}
	if !fit.Converged || fit.Iterations == 0 || len(fit.StdErr) != 4 {
		t.Errorf("fit report %+v", fit.FitInfo)
	}
	// Standard errors: the inverse Hessian of −LL, checked against an
	// independent Hessian of the likelihood itself — NumPy 1.24.2 central
	// second differences (steps 1e-4·p) of the bench script's vectorised
	// nll at its Nelder–Mead optimum, √diag(inv(H)) = 0.012557, 0.37822,
	// 0.18572, 0.70534.
	for i, want := range []float64{0.01256, 0.3782, 0.1857, 0.7054} {
		if math.Abs(fit.StdErr[i]-want) > 0.002*want {
			t.Errorf("StdErr[%d] = %v, want %v", i, fit.StdErr[i], want)
		}
	}
	// The log-likelihood at the published parameters, by mpmath at 40
	// digits straight from eq. 6 without grouping customers:
	// −9582.4268311823647.
	ll, err := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}.LogLikelihood(data)
	if err != nil || math.Abs(ll-(-9582.4268311823647)) > 1e-9 {
		t.Errorf("LogLikelihood = %.13g, %v", ll, err)
	}
}

// Reference values by mpmath 1.2.1 at 40 digits from the original
// formulas of FHL (2005), eqs. 8–11 (no Euler transformation), for
// r = 0.2426, α = 4.4137, a = 0.7929, b = 2.4259.
func TestBGNBDPredictions(t *testing.T) {
	m := btyd.BGNBD{R: 0.2426, Alpha: 4.4137, A: 0.7929, B: 2.4259}
	rel := func(name string, got, want, tol float64) {
		t.Helper()
		if math.Abs(got-want) > tol*math.Abs(want) {
			t.Errorf("%s = %.17g, want %.17g", name, got, want)
		}
	}
	for _, c := range []struct{ t, want float64 }{
		{1, 0.053184373976574434}, {39, 1.1950294484319528}, {78, 1.8579985997082315}, {520, 4.9688362786723846},
	} {
		rel("ExpectedPurchases", m.ExpectedPurchases(c.t), c.want, 1e-12)
	}
	for _, c := range []struct {
		t       float64
		x       int
		tx, T   float64
		want    float64
		comment string
	}{
		{39, 2, 30.43, 38.86, 1.2259206700022416, "CDNOW customer 1"},
		{39, 0, 0, 38.86, 0.19478636336109094, "no repeat purchase"},
		{52, 1, 1.71, 38.86, 0.25992036341315786, "CDNOW customer 2"},
		{520, 100, 70, 78, 1.1369736422856249, "100 purchases, ten years ahead"},
		{10000, 200, 77, 78, 1588.4303036153891, "z = 0.99 and a power of 10^-…: the naive form overflows"},
		{39, 5, 5, 78, 0.00020383603043505395, "long silent: nearly surely gone"},
	} {
		s := btyd.Summary{Frequency: c.x, Recency: c.tx, T: c.T}
		rel("ConditionalPurchases "+c.comment, m.ConditionalPurchases(c.t, s), c.want, 1e-10)
	}
	for _, c := range []struct {
		x     int
		tx, T float64
		want  float64
	}{
		{2, 30.43, 38.86, 0.72661429391889358}, {1, 1.71, 38.86, 0.21223717624433726},
		{20, 20, 78, 5.4478223044381778e-10}, {200, 1, 78, 4.1397658706259355e-235},
	} {
		rel("ProbAlive", m.ProbAlive(btyd.Summary{Frequency: c.x, Recency: c.tx, T: c.T}), c.want, 1e-11)
	}
	for n, want := range []float64{0.57430275547074107, 0.19919341043747182, 0.085323797041015372, 0.045798214765730394, 0.027631894366570008} {
		rel("ProbPurchases", m.ProbPurchases(n, 39), want, 1e-12)
	}
	rel("ProbPurchases(10, 78)", m.ProbPurchases(10, 78), 0.0061087941817076622, 1e-11)
	if m.ProbAlive(btyd.Summary{T: 5}) != 1 || m.ExpectedPurchases(0) != 0 || m.ProbPurchases(0, 0) != 1 || m.ProbPurchases(2, 0) != 0 {
		t.Error("edge values")
	}
	for _, v := range []float64{m.ExpectedPurchases(-1), m.ExpectedPurchases(math.NaN()), m.ProbPurchases(-1, 3),
		btyd.BGNBD{R: -1, Alpha: 1, A: 1, B: 1}.ExpectedPurchases(3), m.ProbAlive(btyd.Summary{Frequency: 2, Recency: 9, T: 5}),
		m.ConditionalPurchases(math.Inf(1), btyd.Summary{T: 3})} {
		if !math.IsNaN(v) {
			t.Errorf("invalid input gave %v", v)
		}
	}
	// a = 1 exactly: the limit.
	one := btyd.BGNBD{R: 0.5, Alpha: 3, A: 1, B: 2}
	lo, hi := one, one
	lo.A, hi.A = 1-1e-4, 1+1e-4
	if e := one.ExpectedPurchases(10); math.Abs(e-(lo.ExpectedPurchases(10)+hi.ExpectedPurchases(10))/2) > 1e-6 || math.IsNaN(e) {
		t.Errorf("a = 1: %v", e)
	}
}

func TestFitBGNBDErrors(t *testing.T) {
	bad := []struct {
		name string
		s    btyd.Summary
	}{
		{"negative frequency", btyd.Summary{Frequency: -1, T: 5}},
		{"recency after T", btyd.Summary{Frequency: 1, Recency: 6, T: 5}},
		{"repeat purchases at time 0", btyd.Summary{Frequency: 2, Recency: 0, T: 5}},
		{"recency without purchases", btyd.Summary{Frequency: 0, Recency: 1, T: 5}},
		{"negative age", btyd.Summary{T: -1}},
		{"repeat purchase at age 0", btyd.Summary{Frequency: 1, Recency: 0, T: 0}},
		{"NaN age", btyd.Summary{T: math.NaN()}},
		{"infinite age", btyd.Summary{T: math.Inf(1)}},
	}
	for _, b := range bad {
		data := []btyd.Summary{{Frequency: 1, Recency: 1, T: 5}, b.s}
		if _, err := btyd.FitBGNBD(data, nil); !errors.Is(err, btyd.ErrInvalid) || !strings.Contains(err.Error(), "customer 1") {
			t.Errorf("%s: %v", b.name, err)
		}
	}
	if _, err := btyd.FitBGNBD(nil, nil); !errors.Is(err, btyd.ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	data := cdnow(t)
	if _, err := btyd.FitBGNBD(data, &btyd.FitOptions{Start: []float64{1}}); !errors.Is(err, btyd.ErrLength) {
		t.Errorf("short start: %v", err)
	}
	if _, err := btyd.FitBGNBD(data, &btyd.FitOptions{Start: []float64{1, -1, 1, 1}}); !errors.Is(err, btyd.ErrInvalid) {
		t.Errorf("negative start: %v", err)
	}
	fit, err := btyd.FitBGNBD(data, &btyd.FitOptions{MaxIterations: 2})
	if !errors.Is(err, btyd.ErrNotConverged) || fit.Converged || fit.Iterations > 2 || fit.Reason == "" {
		t.Errorf("two iterations: converged %v after %d, %v", fit.Converged, fit.Iterations, err)
	}
	// Six customers cannot identify a and b: they run off to ∞ (a fixed
	// dropout probability), and the fit says so.
	six := []btyd.Summary{{Frequency: 2, Recency: 30.4, T: 38.9}, {Frequency: 1, Recency: 1.7, T: 38.9}, {T: 38.9},
		{Frequency: 5, Recency: 35, T: 36}, {T: 36}, {Frequency: 3, Recency: 10, T: 37}}
	if fit, err := btyd.FitBGNBD(six, nil); !errors.Is(err, btyd.ErrNotIdentified) || fit.Converged || len(fit.Unidentified) == 0 {
		t.Errorf("six customers: %+v, %v", fit, err)
	}
	if _, err := (btyd.BGNBD{R: 0, Alpha: 1, A: 1, B: 1}).LogLikelihood(data); !errors.Is(err, btyd.ErrInvalid) {
		t.Errorf("LogLikelihood with r = 0: %v", err)
	}
}
