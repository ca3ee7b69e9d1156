package btyd_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// checkNotIdentified asserts the shape of a fit the data cannot identify:
// an error wrapping ErrNotIdentified, Converged false, the parameters
// named and a reason given.
func checkNotIdentified(t *testing.T, name string, info btyd.FitInfo, err error, params ...string) {
	t.Helper()
	if !errors.Is(err, btyd.ErrNotIdentified) {
		t.Errorf("%s: error %v, want ErrNotIdentified", name, err)
	}
	if info.Converged || info.Reason == "" {
		t.Errorf("%s: converged %v, reason %q", name, info.Converged, info.Reason)
	}
	for _, p := range params {
		if !slices.Contains(info.Unidentified, p) {
			t.Errorf("%s: Unidentified = %v, want %s among them", name, info.Unidentified, p)
		}
	}
	if err != nil && !strings.Contains(err.Error(), info.Reason) {
		t.Errorf("%s: error %q does not carry the reason %q", name, err, info.Reason)
	}
}

// checkConverged asserts a successful fit: nil error, Converged, finite
// positive standard errors.
func checkConverged(t *testing.T, name string, info btyd.FitInfo, err error) {
	t.Helper()
	if err != nil || !info.Converged || info.Reason != "" || info.Unidentified != nil {
		t.Errorf("%s: %+v, %v", name, info, err)
	}
	for i, se := range info.StdErr {
		if !(se > 0) || math.IsInf(se, 1) {
			t.Errorf("%s: StdErr[%d] = %v", name, i, se)
		}
	}
}

func repeatSummary(n int, s btyd.Summary) []btyd.Summary {
	out := make([]btyd.Summary, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// The fits of the issue "fits that report success at a boundary", each
// of which used to report Converged = true.
func TestFitNotIdentifiedCases(t *testing.T) {
	// 100 customers: 70 without repeat purchase (T = 12), 20 with one at
	// week 3, 10 with one at week 10. a runs to ∞ and b to 0 (a fit with
	// a = 1.9e5, b = 5e-6 and NaN standard errors before).
	hundred := slices.Concat(repeatSummary(70, btyd.Summary{T: 12}),
		repeatSummary(20, btyd.Summary{Frequency: 1, Recency: 3, T: 12}),
		repeatSummary(10, btyd.Summary{Frequency: 1, Recency: 10, T: 12}))
	fit, err := btyd.FitBGNBD(hundred, nil)
	checkNotIdentified(t, "BG/NBD, 100 customers", fit.FitInfo, err)
	if !slices.Contains(fit.Unidentified, "a") && !slices.Contains(fit.Unidentified, "b") {
		t.Errorf("BG/NBD, 100 customers: Unidentified = %v, want a or b", fit.Unidentified)
	}
	// A penalty identifies it.
	fit, err = btyd.FitBGNBD(hundred, &btyd.FitOptions{Penalty: 0.1})
	checkConverged(t, "BG/NBD, 100 customers, penalty 0.1", fit.FitInfo, err)
	if e := fit.ExpectedPurchases(52); !(e > 0) || math.IsInf(e, 1) {
		t.Errorf("penalised E[X(52)] = %v", e)
	}

	// No repeat purchases: r → 0 and nothing about a, b (the fit returned
	// the start values a = b = 1 with r = 4e-7, converged).
	fit, err = btyd.FitBGNBD(repeatSummary(50, btyd.Summary{T: 10}), nil)
	checkNotIdentified(t, "BG/NBD, no repeat buyers", fit.FitInfo, err, "r", "alpha", "a", "b")

	// sBG, constant 40% churn (216·0.6 = 129.6 rounded to 130): the
	// maximum is at α = 420, β = 630 but only 7e-4 above the boundary
	// α, β → ∞. SciPy 1.10.1 (Nelder–Mead on the betaln likelihood, as in
	// TestFitSBGFaderHardie) gives LL = −1464.3103847553 at the maximum
	// and −1464.3110481748 for one churn probability θ = 870/2176 (the
	// geometric limit: 870 churned in 2176 customer-periods).
	sfit, err := btyd.FitSBG([]int64{1000, 600, 360, 216, 130}, nil)
	checkNotIdentified(t, "sBG, constant churn", sfit.FitInfo, err, "alpha", "beta")
	if math.Abs(sfit.LogLik-(-1464.3103847553)) > 1e-6 || !strings.Contains(sfit.Reason, "∞") {
		t.Errorf("sBG, constant churn: LL %.10f, reason %q", sfit.LogLik, sfit.Reason)
	}
	// Exactly geometric (129 survivors): the maximum is on the boundary.
	sfit, err = btyd.FitSBG([]int64{1000, 600, 360, 216, 129}, nil)
	checkNotIdentified(t, "sBG, geometric", sfit.FitInfo, err, "alpha", "beta")
	// No churn at all (α = 3e-5, β = 9384 "converged" before).
	sfit, err = btyd.FitSBG([]int64{100, 100, 100, 100}, nil)
	checkNotIdentified(t, "sBG, no churn", sfit.FitInfo, err, "alpha")
	// One transition: one renewal rate for two parameters.
	sfit, err = btyd.FitSBG([]int64{1000, 600}, nil)
	checkNotIdentified(t, "sBG, one transition", sfit.FitInfo, err, "alpha", "beta")
	// Everybody gone after the first period: the later zeros add nothing.
	sfit, err = btyd.FitSBG([]int64{1000, 0, 0, 0}, nil)
	checkNotIdentified(t, "sBG, all churned at once", sfit.FitInfo, err, "alpha", "beta")

	// Gamma-Gamma without a repeat purchase.
	gfit, err := btyd.FitGammaGamma(repeatSummary(5, btyd.Summary{T: 3}), nil)
	checkNotIdentified(t, "Gamma-Gamma, no repeat buyers", gfit.FitInfo, err, "p", "q", "v")
}

// The penalised fits against SciPy 1.10.1: Nelder–Mead (xatol 1e-12)
// then BFGS (gtol 1e-11) on θ = ln p of −(LL(e^θ) − λ Σ θ²), with the
// likelihoods written with scipy.special.betaln (sBG) and gammaln
// (BG/NBD, FHL 2005 eq. 6) exactly as in TestFitSBGFaderHardie and
// TestFitBGNBDCDNOW:
//
//	f = lambda th: -(ll(th, data) - lam*np.sum(th**2))
//	r = minimize(f, np.zeros(k), method='Nelder-Mead', options=dict(xatol=1e-12, fatol=1e-14))
//	r = minimize(f, r.x, method='BFGS', options=dict(gtol=1e-11)); print(np.exp(r.x), ll(r.x, data))
func TestFitPenalty(t *testing.T) {
	for _, c := range []struct {
		name      string
		survivors []int64
		want      []float64 // α, β, LL
	}{
		{"constant churn", []int64{1000, 600, 360, 216, 130}, []float64{13.66661682, 19.66073206, -1464.874760716053}},
		{"one transition", []int64{1000, 600}, []float64{0.81656571, 1.22464174, -673.011670431308}},
		{"no churn", []int64{100, 100, 100, 100}, []float64{0.04365558, 19.89988878, -0.626940437945267}},
	} {
		fit, err := btyd.FitSBG(c.survivors, &btyd.FitOptions{Penalty: 0.1})
		checkConverged(t, "sBG "+c.name, fit.FitInfo, err)
		got := []float64{fit.Alpha, fit.Beta, fit.LogLik}
		for i := range got {
			// The ridge is flat, so SciPy's own optimum is good to ~1e-6.
			if math.Abs(got[i]-c.want[i]) > 2e-6*math.Abs(c.want[i]) {
				t.Errorf("sBG %s: parameter %d = %.10g, SciPy %.10g", c.name, i, got[i], c.want[i])
			}
		}
		if fit.Penalty != 0.1 {
			t.Errorf("sBG %s: Penalty = %v", c.name, fit.Penalty)
		}
	}
	// The 40 CDNOW customers of ExampleFitBGNBD, λ = 0.1.
	fit, err := btyd.FitBGNBD(cdnow(t)[:40], &btyd.FitOptions{Penalty: 0.1})
	checkConverged(t, "BG/NBD 40", fit.FitInfo, err)
	got := []float64{fit.R, fit.Alpha, fit.A, fit.B, fit.LogLik}
	for i, want := range []float64{0.2189429, 4.61736297, 0.32121571, 0.54347589, -159.3098281506243} {
		if math.Abs(got[i]-want) > 2e-6*math.Abs(want) {
			t.Errorf("BG/NBD 40: parameter %d = %.10g, SciPy %.10g", i, got[i], want)
		}
	}
	// A penalty barely moves a well-identified fit: CDNOW, λ = 1.
	full, err := btyd.FitBGNBD(cdnow(t), nil)
	pen, err2 := btyd.FitBGNBD(cdnow(t), &btyd.FitOptions{Penalty: 1})
	if err != nil || err2 != nil || math.Abs(pen.R-full.R) > full.StdErr[0] || math.Abs(pen.B-full.B) > full.StdErr[3] {
		t.Errorf("CDNOW penalised %+v vs %+v (%v, %v)", pen.BGNBD, full.BGNBD, err, err2)
	}
	for _, bad := range []float64{-1, math.NaN(), math.Inf(1)} {
		if _, err := btyd.FitBGNBD(cdnow(t)[:40], &btyd.FitOptions{Penalty: bad}); !errors.Is(err, btyd.ErrInvalid) {
			t.Errorf("Penalty %v: %v", bad, err)
		}
	}
}
