package btyd_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

func TestFitGammaGammaCDNOW(t *testing.T) {
	fit, err := btyd.FitGammaGamma(cdnow(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Fader, Hardie & Lee's note on the Gamma-Gamma model reports p = 6.25,
	// q = 3.74, v = 15.44 for the 946 CDNOW repeat buyers. An independent
	// SciPy 1.10.1 fit (Nelder–Mead, xatol = fatol = 1e-12, the same
	// likelihood written with scipy.special.gammaln) gives p =
	// 6.24880269493029, q = 3.744588439303857, v = 15.447747217815113,
	// LL = −4055.9232435028575.
	got := []float64{fit.P, fit.Q, fit.V}
	for i, want := range []float64{6.24880269493029, 3.744588439303857, 15.447747217815113} {
		if math.Abs(got[i]-want) > 1e-4*want {
			t.Errorf("parameter %d = %.8g, SciPy %v", i, got[i], want)
		}
	}
	for i, pub := range []float64{6.25, 3.74, 15.44} {
		if math.Abs(got[i]-pub) > 0.01 {
			t.Errorf("parameter %d = %.4f, published %v", i, got[i], pub)
		}
	}
	if math.Abs(fit.LogLik-(-4055.9232435028575)) > 1e-6 || !fit.Converged {
		t.Errorf("LL %.13g converged %v", fit.LogLik, fit.Converged)
	}
}

func TestGammaGammaSpend(t *testing.T) {
	g := btyd.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}
	// By hand: E[M] = pv/(q−1) = 6.25·15.44/2.74 = 96.5/2.74.
	if got := g.MeanSpend(); math.Abs(got-96.5/2.74) > 1e-12 {
		t.Errorf("MeanSpend = %v", got)
	}
	// E[M | x=2, m̄=22.35] = 6.25·(15.44 + 44.7)/(12.5 + 2.74) = 375.875/15.24.
	s := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86, MeanSpend: 22.35}
	if got := g.ConditionalSpend(s); math.Abs(got-375.875/15.24) > 1e-12 {
		t.Errorf("ConditionalSpend = %v", got)
	}
	if got := g.ConditionalSpend(btyd.Summary{T: 3}); got != g.MeanSpend() {
		t.Errorf("x = 0: %v", got)
	}
	// The weight on the customer's own mean grows with x.
	prev := math.Inf(1)
	for x := 1; x < 50; x++ {
		got := g.ConditionalSpend(btyd.Summary{Frequency: x, Recency: 1, T: 2, MeanSpend: 10})
		if !(got < prev) || got < 10 {
			t.Fatalf("x = %d: %v after %v", x, got, prev)
		}
		prev = got
	}
	for _, v := range []float64{btyd.GammaGamma{P: 1, Q: 1, V: 1}.MeanSpend(), g.ConditionalSpend(btyd.Summary{Frequency: 1, MeanSpend: 0}),
		btyd.GammaGamma{P: -1, Q: 2, V: 1}.ConditionalSpend(s)} {
		if !math.IsNaN(v) {
			t.Errorf("invalid input gave %v", v)
		}
	}
}

func TestCustomerValue(t *testing.T) {
	m := btyd.BGNBD{R: 0.2426, Alpha: 4.4137, A: 0.7929, B: 2.4259}
	g := btyd.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}
	s := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86, MeanSpend: 22.35}
	// One period of 39 weeks at 10%: 0.3 · E[M|x, m̄] · E[Y(39)]/1.1 with
	// E[M|·] = 24.663713910761153 (above) and E[Y(39)] =
	// 1.2259206700022416 (mpmath, TestBGNBDPredictions) = 8.2461… → 8.25.
	v, err := btyd.CustomerValue(m, g, s, btyd.ValueOptions{Periods: 1, PeriodLength: 39, Discount: 0.1, Margin: 0.3})
	if err != nil || !v.Equal(decimal.RequireFromString("8.25")) {
		t.Errorf("one period: %v, %v", v, err)
	}
	// 52 months of 4.345 weeks at 1% a month: mpmath (30 digits) sum of the
	// discounted monthly increments of E[Y] = 27.2001573… → 27.20.
	v, err = btyd.CustomerValue(m, g, s, btyd.ValueOptions{Periods: 52, PeriodLength: 4.345, Discount: 0.01, Margin: 0.3})
	if err != nil || !v.Equal(decimal.RequireFromString("27.20")) {
		t.Errorf("52 months: %v, %v", v, err)
	}
	bad := []btyd.ValueOptions{
		{Periods: 0, PeriodLength: 1, Discount: 0.1, Margin: 0.3},
		{Periods: 1, PeriodLength: 0, Discount: 0.1, Margin: 0.3},
		{Periods: 1, PeriodLength: 1, Discount: -1, Margin: 0.3},
		{Periods: 1, PeriodLength: 1, Discount: math.NaN(), Margin: 0.3},
		{Periods: 1, PeriodLength: 1, Discount: 0.1, Margin: 1.5},
	}
	for _, o := range bad {
		if _, err := btyd.CustomerValue(m, g, s, o); !errors.Is(err, btyd.ErrInvalid) {
			t.Errorf("%+v: %v", o, err)
		}
	}
	if _, err := btyd.CustomerValue(m, btyd.GammaGamma{P: 1, Q: 0.5, V: 1}, s, btyd.ValueOptions{Periods: 1, PeriodLength: 1, Margin: 1}); !errors.Is(err, btyd.ErrInvalid) {
		t.Errorf("q < 1: %v", err)
	}
	if _, err := btyd.CustomerValue(m, g, btyd.Summary{Frequency: 1, Recency: 9, T: 5}, btyd.ValueOptions{Periods: 1, PeriodLength: 1, Margin: 1}); !errors.Is(err, btyd.ErrInvalid) {
		t.Errorf("recency after T: %v", err)
	}
}

func TestFitGammaGammaErrors(t *testing.T) {
	for _, data := range [][]btyd.Summary{
		nil,
		{{Frequency: 0, T: 1}},
		{{Frequency: 1, Recency: 1, T: 2, MeanSpend: 0}},
		{{Frequency: 1, Recency: 1, T: 2, MeanSpend: math.Inf(1)}},
		{{Frequency: -2, T: 2}},
	} {
		if _, err := btyd.FitGammaGamma(data, nil); err == nil {
			t.Errorf("FitGammaGamma(%+v) accepted", data)
		}
	}
}
