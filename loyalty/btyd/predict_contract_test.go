package btyd_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// Survival in O(1): mpmath 1.2.1 (40 digits),
// exp(loggamma(β+t) − loggamma(α+β+t) + loggamma(α+β) − loggamma(β)).
func TestSurvivalClosedForm(t *testing.T) {
	m := btyd.SBG{Alpha: 0.704, Beta: 1.182}
	for _, c := range []struct {
		t    int
		want float64
	}{{65, 0.054267946988684529}, {1025, 0.0078668954782250331}, {5000, 0.0025794264883220608}, {100_000_000, 2.419141415739591e-6}} {
		start := time.Now()
		got := m.Survival(c.t)
		if e := relErr(got, c.want); e > 1e-13 {
			t.Errorf("S(%d) = %.17g, want %.17g (%.2g)", c.t, got, c.want, e)
		}
		if d := time.Since(start); d > 50*time.Millisecond {
			t.Errorf("S(%d) took %v (was 2.6 s for 1e8)", c.t, d)
		}
	}
	if got, want := (btyd.SBG{Alpha: 1000, Beta: 1000}).Survival(1000), 4.9401150682328662e-228; relErr(got, want) > 1e-12 {
		t.Errorf("S(1000) with α = β = 1000: %.17g, want %.17g", got, want)
	}
	if got := m.Survival(math.MaxInt); !(got >= 0) || math.IsInf(got, 0) {
		t.Errorf("S(MaxInt) = %v", got)
	}
	// Project re-anchors its running product on the closed form.
	proj, err := m.Project(1000, 1000)
	if err != nil || relErr(proj[1000], 8.0047040193076474) > 1e-13 {
		t.Errorf("Project(1000, 1000)[1000] = %.17g, %v", proj[1000], err)
	}
}

// The prediction cases of the edge report: each failed (panic, hang, NaN
// or +Inf) before.
func TestPredictionEdgeCases(t *testing.T) {
	// SBG.Project(1, math.MaxInt) panicked in makeslice.
	if _, err := (btyd.SBG{Alpha: 1, Beta: 2}).Project(1, math.MaxInt); !errors.Is(err, btyd.ErrInvalid) || !strings.Contains(err.Error(), "periods") {
		t.Errorf("Project(1, MaxInt): %v", err)
	}
	if _, err := (btyd.SBG{Alpha: 1, Beta: 2}).Project(1, btyd.MaxProjectPeriods); err != nil {
		t.Errorf("Project at the limit: %v", err)
	}
	// ProbPurchases(5e7, …) took 4 s; reference in predict_bgnbd_test.go.
	start := time.Now()
	m := btyd.BGNBD{R: 0.2426, Alpha: 4.4137, A: 0.7929, B: 2.4259}
	if p := m.ProbPurchases(50_000_000, 39); p != 0 || time.Since(start) > 50*time.Millisecond {
		t.Errorf("ProbPurchases(5e7, 39) = %v (exact value 7.1e-2328123) in %v", p, time.Since(start))
	}
	// SBG{1, 2}.DiscountedLifetime(1e-6) and BGNBD{2, 1, 2, 3}.ExpectedPurchases(1e8)
	// were NaN: their values are in the reference tables; here, finiteness.
	for _, v := range []float64{btyd.SBG{Alpha: 1, Beta: 2}.DiscountedLifetime(1e-6),
		btyd.BGNBD{R: 2, Alpha: 1, A: 2, B: 3}.ExpectedPurchases(1e8)} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("got %v", v)
		}
	}
	// ExpectedSpend overflowed in p·v although the mean is finite.
	if got, err := (btyd.GammaGamma{P: 2, Q: 3, V: 1e308}).ExpectedSpend(); err != nil || !got.Equal(decimal.New(1, 308)) {
		t.Errorf("ExpectedSpend = %v, %v, want 1e308", got, err)
	}
	if got, err := (btyd.GammaGamma{P: 2, Q: 3, V: 1e308}).ConditionalSpend(btyd.Summary{Frequency: 1 << 40, Recency: 1, T: 2, MeanSpend: decimal.New(1, 308)}); err != nil ||
		math.Abs(got.InexactFloat64()-1e308) > 1e295 {
		t.Errorf("ConditionalSpend = %v, %v, want about 1e308", got, err)
	}
	// A customer whose first purchase ends the calibration period (T = 0).
	if got, want := m.ConditionalPurchases(39, btyd.Summary{}), m.ExpectedPurchases(39); got != want || m.ProbAlive(btyd.Summary{}) != 1 {
		t.Errorf("T = 0: %v, want %v", got, want)
	}
}

// CustomerValue names the wrong argument (it said "discount 0, margin
// 30"), never panics in decimal.NewFromFloat, and rejects nil models
// (a nil *BGNBDFit would panic in its promoted method).
func TestCustomerValueErrors(t *testing.T) {
	m := btyd.BGNBD{R: 0.2426, Alpha: 4.4137, A: 0.7929, B: 2.4259}
	g := btyd.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}
	s := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86, MeanSpend: money("22.35")}
	ok := btyd.ValueInput{Periods: 12, PeriodLength: 4.345, Discount: 0.01, Margin: 0.3}
	var nilFit *btyd.BGNBDFit
	var nilGG *btyd.GammaGammaFit
	for _, c := range []struct {
		name string
		m    btyd.PurchaseModel
		g    btyd.SpendModel
		s    btyd.Summary
		o    btyd.ValueInput
		word string
	}{
		{"margin typed as a percent", m, g, s, btyd.ValueInput{Periods: 12, PeriodLength: 1, Discount: 0, Margin: 30}, "margin 30"},
		{"discount typed as a percent", m, g, s, btyd.ValueInput{Periods: 12, PeriodLength: 1, Discount: 10, Margin: 0.3}, "discount rate 10"},
		{"negative discount", m, g, s, btyd.ValueInput{Periods: 12, PeriodLength: 1, Discount: -0.5, Margin: 0.3}, "discount rate -0.5"},
		{"no periods", m, g, s, btyd.ValueInput{Periods: 0, PeriodLength: 1, Margin: 0.3}, "periods 0"},
		{"too many periods", m, g, s, btyd.ValueInput{Periods: math.MaxInt, PeriodLength: 1, Margin: 0.3}, "periods"},
		{"NaN period length", m, g, s, btyd.ValueInput{Periods: 1, PeriodLength: math.NaN(), Margin: 0.3}, "period length NaN"},
		{"horizon too long", m, g, s, btyd.ValueInput{Periods: 10, PeriodLength: 1e300, Margin: 0.3}, "horizon"},
		{"bad a", btyd.BGNBD{R: 1, Alpha: 1, A: -1, B: 1}, g, s, ok, "parameter a = -1"},
		{"bad a in a fit", &btyd.BGNBDFit{BGNBD: btyd.BGNBD{R: 1, Alpha: 1, A: -1, B: 1}}, g, s, ok, "parameter a = -1"},
		{"q below 1", m, btyd.GammaGamma{P: 1, Q: 0.5, V: 1}, s, ok, "q = 0.5"},
		{"q below 1 in a fit", m, btyd.GammaGammaFit{GammaGamma: btyd.GammaGamma{P: 1, Q: 0.5, V: 1}}, s, ok, "q = 0.5"},
		{"infinite v", m, btyd.GammaGamma{P: 1, Q: 2, V: math.Inf(1)}, s, ok, "v = +Inf"},
		{"recency after T", m, g, btyd.Summary{Frequency: 1, Recency: 9, T: 5, MeanSpend: money("1")}, ok, "recency 9"},
		{"no mean spend", m, g, btyd.Summary{Frequency: 1, Recency: 1, T: 5}, ok, "mean spend 0"},
		{"mean spend beyond float64", m, g, btyd.Summary{Frequency: 1, Recency: 1, T: 5, MeanSpend: money("1e400")}, ok, "mean spend about 1e400"},
		{"value overflows", m, btyd.GammaGamma{P: 1, Q: 1.5, V: 1e308}, btyd.Summary{Frequency: 3, Recency: 1, T: 2, MeanSpend: money("1e308")}, btyd.ValueInput{Periods: 100, PeriodLength: 1, Margin: 1}, "not a finite"},
		{"nil purchase model", nil, g, s, ok, "purchase model is nil"},
		{"nil spend model", m, nil, s, ok, "spend model is nil"},
		{"nil fit", nilFit, g, s, ok, "purchase model is nil"},
		{"nil spend fit", m, nilGG, s, ok, "spend model is nil"},
		{"a purchase model's NaN", nanModel{}, g, s, ok, "purchase model returned NaN"},
		{"a spend model's error", m, failingSpend{}, s, ok, "no spend data"},
	} {
		_, err := btyd.CustomerValue(c.m, c.g, c.s, c.o)
		if !errors.Is(err, btyd.ErrInvalid) || !strings.Contains(err.Error(), c.word) ||
			!strings.HasPrefix(err.Error(), "btyd: ") || strings.Count(err.Error(), "btyd:") != 1 {
			t.Errorf("%s: %v (want it to name %q)", c.name, err, c.word)
		}
	}
	if _, err := btyd.CustomerValue(m, failingSpend{}, s, ok); !errors.Is(err, errNoSpend) {
		t.Errorf("the spend model's error is not wrapped: %v", err)
	}
	if _, err := btyd.CustomerValue(m, g, s, btyd.ValueInput{Periods: 12, PeriodLength: 4.345, Discount: 0, Margin: 0.3}); err != nil {
		t.Errorf("no discounting: %v", err)
	}
}

// nanModel is a caller's purchase model that has no prediction.
type nanModel struct{}

func (nanModel) ConditionalPurchases(float64, btyd.Summary) float64 { return math.NaN() }

var errNoSpend = errors.New("no spend data")

// failingSpend is a caller's spend model that fails.
type failingSpend struct{}

func (failingSpend) ConditionalSpend(btyd.Summary) (decimal.Decimal, error) {
	return decimal.Decimal{}, errNoSpend
}

// The special cases documented for invalid input are NaN; the domain's
// edges give numbers.
func TestPredictionSpecialCases(t *testing.T) {
	m := btyd.BGNBD{R: 0.2426, Alpha: 4.4137, A: 0.7929, B: 2.4259}
	s := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86}
	sbg := btyd.SBG{Alpha: 0.704, Beta: 1.182}
	nan := []float64{
		m.ExpectedPurchases(-1), m.ExpectedPurchases(math.NaN()), m.ExpectedPurchases(math.Inf(1)), m.ExpectedPurchases(btyd.MaxTime * 2),
		btyd.BGNBD{R: 1e9, Alpha: 1, A: 1, B: 1}.ExpectedPurchases(1), btyd.BGNBD{R: 1, Alpha: 1e-9, A: 1, B: 1}.ExpectedPurchases(1),
		btyd.BGNBD{}.ProbAlive(s), m.ProbAlive(btyd.Summary{Frequency: 1, Recency: 2, T: 1}), m.ProbAlive(btyd.Summary{T: -1}),
		m.ConditionalPurchases(-1, s), m.ConditionalPurchases(1, btyd.Summary{Frequency: -1, T: 1}),
		m.ProbPurchases(-1, 1), m.ProbPurchases(btyd.MaxFrequency+1, 1), m.ProbPurchases(1, math.NaN()),
		sbg.Survival(-1), sbg.Retention(0), btyd.SBG{Alpha: math.NaN(), Beta: 1}.Survival(1),
		sbg.DiscountedLifetime(0), sbg.DiscountedLifetime(2), sbg.DiscountedLifetime(1e-12), sbg.ResidualLifetime(0.1, 0),
		btyd.SBG{Alpha: 1e9, Beta: 1}.DiscountedLifetime(0.1),
	}
	for i, v := range nan {
		if !math.IsNaN(v) {
			t.Errorf("case %d: %v, want NaN", i, v)
		}
	}
	edge := []float64{
		btyd.BGNBD{R: btyd.MinParam, Alpha: btyd.MaxParam, A: btyd.MinParam, B: btyd.MaxParam}.ExpectedPurchases(btyd.MaxTime),
		btyd.BGNBD{R: btyd.MaxParam, Alpha: btyd.MinParam, A: btyd.MaxParam, B: btyd.MinParam}.ExpectedPurchases(btyd.MaxTime),
		btyd.BGNBD{R: btyd.MaxParam, Alpha: btyd.MinParam, A: btyd.MinParam, B: btyd.MinParam}.ConditionalPurchases(btyd.MaxTime,
			btyd.Summary{Frequency: btyd.MaxFrequency, Recency: 1, T: btyd.MaxTime}),
		btyd.BGNBD{R: btyd.MinParam, Alpha: btyd.MaxParam, A: btyd.MaxParam, B: btyd.MaxParam}.ProbPurchases(btyd.MaxFrequency, btyd.MaxTime),
		btyd.SBG{Alpha: btyd.SBGMinShape, Beta: btyd.SBGMaxShape}.DiscountedLifetime(btyd.MinDiscount),
		btyd.SBG{Alpha: btyd.SBGMaxShape, Beta: btyd.SBGMinShape}.ResidualLifetime(btyd.MaxDiscount, math.MaxInt),
		btyd.SBG{Alpha: btyd.SBGMinShape, Beta: btyd.SBGMinShape}.ResidualLifetime(btyd.MinDiscount, math.MaxInt),
	}
	for i, v := range edge {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			t.Errorf("edge %d: %v", i, v)
		}
	}
}

// Beyond the grid, near the edges of the documented domain: mpmath 1.2.1,
// the same closed forms and quadrature as in predict_bgnbd_test.go and
// predict_sbg_test.go (the two agree to all printed digits).
func TestPredictionsDomainEdges(t *testing.T) {
	var e errTracker
	for _, c := range []struct{ r, alpha, a, b, t, want float64 }{
		{1e-6, 1e6, 1e-6, 1e6, 1e6, 9.9999999999949995e-7},
		{1e6, 1e-6, 1e6, 1e-6, 1e-3, 1.000000000001},
		{1e-4, 1e-4, 1e4, 1e-4, 1e7, 0.0025296386846821449},
		{1e3, 1e-3, 1e-5, 1e5, 1e5, 99987184795.932045},
		{0.2426, 4.4137, 1e7, 1e7, 1e6, 1.8811804866778019},
	} {
		m := btyd.BGNBD{R: c.r, Alpha: c.alpha, A: c.a, B: c.b}
		e.check(t, fmtCase("ExpectedPurchases", m, c.t), m.ExpectedPurchases(c.t), c.want, 1e-12)
	}
	for _, c := range []struct{ alpha, beta, d, want float64 }{
		{1e-6, 1e6, 1e-9, 999993663.14630927},
		{1e6, 1e-6, 1e-9, 1.000000000001},
		{1e-6, 1e-6, 1e-9, 499989639.47608859},
		{1e6, 1e6, 1e-9, 2.000000998000995},
		{1e-7, 1e7, 0.5, 2.99999999999994},
	} {
		m := btyd.SBG{Alpha: c.alpha, Beta: c.beta}
		e.check(t, fmtCase("DiscountedLifetime", m, c.d), m.DiscountedLifetime(c.d), c.want, 1e-12)
	}
	for _, c := range []struct {
		r, alpha, a, b float64
		n              int
		t, want        float64
	}{
		{1e-6, 1e6, 1e-6, 1e6, 100000, 1e6, 0}, // 1.0e-30114: below the float64 range
		{10, 1e-3, 0.5, 0.5, 1_000_000, 1e3, 2.820954381085017e-10},
		{1e3, 1, 1e3, 1e3, 5, 1e-3, 0.00021201507085717216},
	} {
		m := btyd.BGNBD{R: c.r, Alpha: c.alpha, A: c.a, B: c.b}
		e.check(t, fmtCase("ProbPurchases", m, c.n, c.t), m.ProbPurchases(c.n, c.t), c.want, 1e-12)
	}
	t.Logf("worst relative error %.3g at %s", e.worst, e.where)
}
