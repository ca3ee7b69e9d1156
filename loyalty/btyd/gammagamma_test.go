package btyd_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
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
	// By hand: E[M] = pv/(q−1) = 6.25·15.44/2.74 = 96.5/2.74 =
	// 35.2189… → 35.22 (cents, half away from zero).
	if got, err := g.ExpectedSpend(); err != nil || !got.Equal(money("35.22")) {
		t.Errorf("ExpectedSpend = %v, %v", got, err)
	}
	// E[M | x=2, m̄=22.35] = 6.25·(15.44 + 44.7)/(12.5 + 2.74) =
	// 375.875/15.24 = 24.6637… → 24.66.
	s := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86, MeanSpend: money("22.35")}
	if got, err := g.ConditionalSpend(s); err != nil || !got.Equal(money("24.66")) {
		t.Errorf("ConditionalSpend = %v, %v", got, err)
	}
	if got, err := g.ConditionalSpend(btyd.Summary{T: 3}); err != nil || !got.Equal(money("35.22")) {
		t.Errorf("x = 0: %v, %v", got, err)
	}
	// Rounding half away from zero: p = 1, q = 2, v = 0.125 gives E[M] =
	// 0.125 (exact in float64) → 0.13.
	if got, _ := (btyd.GammaGamma{P: 1, Q: 2, V: 0.125}).ExpectedSpend(); !got.Equal(money("0.13")) {
		t.Errorf("ExpectedSpend(0.125) = %v, want 0.13", got)
	}
	// The weight on the customer's own mean grows with x.
	prev := money("1e9")
	for x := 1; x < 50; x++ {
		got, err := g.ConditionalSpend(btyd.Summary{Frequency: x, Recency: 1, T: 2, MeanSpend: money("10")})
		if err != nil || !got.LessThanOrEqual(prev) || got.LessThan(money("10")) {
			t.Fatalf("x = %d: %v after %v (%v)", x, got, prev, err)
		}
		prev = got
	}
	for _, c := range []struct {
		name string
		g    btyd.GammaGamma
		s    btyd.Summary
		word string
	}{
		{"q = 1", btyd.GammaGamma{P: 1, Q: 1, V: 1}, s, "q = 1 must exceed 1"},
		{"q < 1", btyd.GammaGamma{P: 1, Q: 0.5, V: 1}, btyd.Summary{}, "q = 0.5"},
		{"negative p", btyd.GammaGamma{P: -1, Q: 2, V: 1}, s, "p = -1"},
		{"NaN v", btyd.GammaGamma{P: 1, Q: 2, V: math.NaN()}, s, "v = NaN"},
		{"no mean spend", g, btyd.Summary{Frequency: 1}, "mean spend 0"},
		{"negative mean spend", g, btyd.Summary{Frequency: 1, MeanSpend: money("-3")}, "mean spend -3"},
		{"negative frequency", g, btyd.Summary{Frequency: -1}, "frequency -1"},
		{"mean spend beyond float64", g, btyd.Summary{Frequency: 1, MeanSpend: money("1e400")}, "1e400"},
		{"value beyond float64", btyd.GammaGamma{P: 1e300, Q: 2, V: 1e300}, btyd.Summary{}, "not a finite"},
	} {
		for _, err := range []error{second(c.g.ConditionalSpend(c.s)), expectedSpendErr(c.g, c.s)} {
			if err == nil {
				continue
			}
			if !errors.Is(err, btyd.ErrInvalid) || !strings.Contains(err.Error(), c.word) || strings.Count(err.Error(), "btyd: ") != 1 || !strings.HasPrefix(err.Error(), "btyd: ") {
				t.Errorf("%s: %v (want it to name %q)", c.name, err, c.word)
			}
		}
		if _, err := c.g.ConditionalSpend(c.s); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
}

// expectedSpendErr returns the error of g.ExpectedSpend when s has no
// repeat purchase (where ConditionalSpend is ExpectedSpend), else nil.
func expectedSpendErr(g btyd.GammaGamma, s btyd.Summary) error {
	if s.Frequency != 0 {
		return nil
	}
	_, err := g.ExpectedSpend()
	return err
}

func TestCustomerValue(t *testing.T) {
	m := btyd.BGNBD{R: 0.2426, Alpha: 4.4137, A: 0.7929, B: 2.4259}
	g := btyd.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}
	s := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86, MeanSpend: money("22.35")}
	// One period of 39 weeks at 10%: 0.3 · E[M|x, m̄] · E[Y(39)]/1.1 with
	// E[M|·] = 24.66 (ConditionalSpend in cents, above) and E[Y(39)] =
	// 1.2259206700022416 (mpmath, TestBGNBDPredictions) = 8.24487… → 8.24.
	v, err := btyd.CustomerValue(m, g, s, btyd.ValueInput{Periods: 1, PeriodLength: 39, Discount: 0.1, Margin: 0.3})
	if err != nil || !v.Equal(money("8.24")) {
		t.Errorf("one period: %v, %v", v, err)
	}
	// 52 months of 4.345 weeks at 1% a month: mpmath (30 digits) gives the
	// value 27.2001573… at the unrounded spend 24.663713910761153, so the
	// discounted sum of the monthly increments of E[Y] is 27.2001573…/
	// (0.3 · 24.663713910761153) = 3.6761369…; at 24.66 the value is
	// 0.3 · 24.66 · 3.6761369… = 27.19606… → 27.20.
	in := btyd.ValueInput{Periods: 52, PeriodLength: 4.345, Discount: 0.01, Margin: 0.3}
	v, err = btyd.CustomerValue(m, g, s, in)
	if err != nil || !v.Equal(money("27.20")) {
		t.Errorf("52 months: %v, %v", v, err)
	}
	// Fits are passed as they are, by value or by pointer.
	mf, gf := btyd.BGNBDFit{BGNBD: m}, btyd.GammaGammaFit{GammaGamma: g}
	for _, c := range []struct {
		p btyd.PurchaseModel
		g btyd.SpendModel
	}{{mf, gf}, {&mf, &gf}, {&m, &g}, {mf, g}} {
		if v, err := btyd.CustomerValue(c.p, c.g, s, in); err != nil || !v.Equal(money("27.20")) {
			t.Errorf("%T, %T: %v, %v", c.p, c.g, v, err)
		}
	}
	bad := []btyd.ValueInput{
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
		if err := o.Validate(); !errors.Is(err, btyd.ErrInvalid) || !strings.HasPrefix(err.Error(), "btyd: ValueInput: ") {
			t.Errorf("Validate(%+v) = %v", o, err)
		}
	}
	if err := in.Validate(); err != nil {
		t.Errorf("Validate(%+v) = %v", in, err)
	}
	if _, err := btyd.CustomerValue(m, btyd.GammaGamma{P: 1, Q: 0.5, V: 1}, s, btyd.ValueInput{Periods: 1, PeriodLength: 1, Margin: 1}); !errors.Is(err, btyd.ErrInvalid) {
		t.Errorf("q < 1: %v", err)
	}
	if _, err := btyd.CustomerValue(m, g, btyd.Summary{Frequency: 1, Recency: 9, T: 5}, btyd.ValueInput{Periods: 1, PeriodLength: 1, Margin: 1}); !errors.Is(err, btyd.ErrInvalid) {
		t.Errorf("recency after T: %v", err)
	}
}

func TestFitGammaGammaErrors(t *testing.T) {
	for _, data := range [][]btyd.Summary{
		nil,
		{{Frequency: 0, T: 1}},
		{{Frequency: 1, Recency: 1, T: 2}},
		{{Frequency: 1, Recency: 1, T: 2, MeanSpend: money("1e400")}},
		{{Frequency: 1, Recency: 1, T: 2, MeanSpend: money("-0.01")}},
		{{Frequency: -2, T: 2}},
	} {
		if _, err := btyd.FitGammaGamma(data, nil); err == nil {
			t.Errorf("FitGammaGamma(%+v) accepted", data)
		}
	}
}
