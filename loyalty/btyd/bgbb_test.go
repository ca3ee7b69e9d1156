package btyd_test

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// loadDonations reads testdata/donations.csv (FHS 2010's 1995 cohort).
func loadDonations(tb testing.TB) []btyd.BGBBHistory {
	tb.Helper()
	f, err := os.Open("testdata/donations.csv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	var out []btyd.BGBBHistory
	for _, r := range recs[1:] {
		var v [4]int
		for j := range v {
			if v[j], err = strconv.Atoi(r[j]); err != nil {
				tb.Fatal(err)
			}
		}
		out = append(out, btyd.BGBBHistory{Frequency: v[0], Recency: v[1], Periods: v[2], Count: v[3]})
	}
	return out
}

// The independent computation behind the expected values below (SciPy
// 1.x, mpmath at 40 digits; FHS 2010 = Fader, Hardie & Shang 2010,
// Marketing Science 29(6)):
//
//	import numpy as np, mpmath as mp
//	from scipy.optimize import minimize
//	from scipy.special import betaln
//	rows = np.loadtxt('testdata/donations.csv', delimiter=',', skiprows=1)
//	x, tx, n, w = rows.T
//	def nll(lp):
//	    a, b, g, d = np.exp(lp)
//	    A = betaln(a+x, b+n-x) - betaln(a, b) + betaln(g, d+n) - betaln(g, d)
//	    terms = [A]
//	    for j in range(int((n-tx).max())):
//	        terms.append(np.where(n-tx-1 >= j, betaln(a+x, b+tx-x+j) + betaln(g+1, d+tx+j) - betaln(a, b) - betaln(g, d), -np.inf))
//	    return -(w*np.logaddexp.reduce(np.array(terms), axis=0)).sum()
//	r = minimize(nll, np.zeros(4), method='Nelder-Mead', options={'xatol':1e-10,'fatol':1e-10,'maxiter':40000,'maxfev':40000})
//	r = minimize(nll, r.x, method='BFGS', options={'gtol':1e-9})
//	print('est', ' '.join('%.8f' % v for v in np.exp(r.x)), 'LL %.6f' % -r.fun)
//	# est 1.20352224 0.74971629 0.65671837 2.78344317 LL -33225.581274
//	mp.mp.dps = 40
//	a, b, g, d = [mp.mpf(v) for v in ('1.204', '0.750', '0.657', '2.783')]
//	B = mp.beta
//	def L(x, tx, n):  # FHS 2010 eq. 5
//	    s = B(a+x, b+n-x)/B(a, b)*B(g, d+n)/B(g, d)
//	    for i in range(n-tx):
//	        s += B(a+x, b+tx-x+i)/B(a, b)*B(g+1, d+tx+i)/B(g, d)
//	    return s
//	def palive(x, tx, n):  # FHS 2010 eq. 11
//	    return B(a+x, b+n-x)/B(a, b)*B(g, d+n+1)/B(g, d)/L(x, tx, n)
//	def cond(x, tx, n, ns):  # FHS 2010 eq. 13
//	    return 1/L(x, tx, n)*B(a+x+1, b+n-x)/B(a, b)*d/(g-1)*mp.gamma(g+d)/mp.gamma(1+d)*(mp.gamma(1+d+n)/mp.gamma(g+d+n) - mp.gamma(1+d+n+ns)/mp.gamma(g+d+n+ns))
//	def expct(n):  # FHS 2010 eq. 7
//	    return a/(a+b)*d/(g-1)*(1 - mp.gamma(g+d)*mp.gamma(1+d+n)/(mp.gamma(g+d+n)*mp.gamma(1+d)))
//	print(palive(3, 4, 6), cond(3, 4, 6, 5), expct(6), ...)

// TestFitBGBBDonationsPublished checks the fit on the donations cohort
// against FHS 2010 (α = 1.204, β = 0.750, γ = 0.657, δ = 2.783,
// LL = −33,225.6; three decimals, so a relative 10⁻³) and against the
// SciPy maximum above (relative 10⁻⁵, the optimisers' tolerance).
func TestFitBGBBDonationsPublished(t *testing.T) {
	fit, err := btyd.FitBGBB(loadDonations(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := []float64{fit.Alpha, fit.Beta, fit.Gamma, fit.Delta, fit.LogLik}
	published := []float64{1.204, 0.750, 0.657, 2.783, -33225.6}
	scipy := []float64{1.20352224, 0.74971629, 0.65671837, 2.78344317, -33225.581274}
	if !cmp.Equal(got, published, cmpopts.EquateApprox(1e-3, 0)) {
		t.Errorf("estimates %v, published %v", got, published)
	}
	if !cmp.Equal(got, scipy, cmpopts.EquateApprox(1e-5, 0)) {
		t.Errorf("estimates %v, SciPy %v", got, scipy)
	}
	if !fit.Converged || fit.N != 11104 || len(fit.StdErr) != 4 {
		t.Errorf("fit report %+v", fit.FitInfo)
	}
	for i, se := range fit.StdErr {
		if !(se > 0 && se < got[i]) {
			t.Errorf("StdErr[%d] = %v", i, se)
		}
	}
	// The log-likelihood at the published (rounded) parameters, by mpmath:
	// −33225.5817545.
	ll, err := btyd.BGBB{Alpha: 1.204, Beta: 0.750, Gamma: 0.657, Delta: 2.783}.LogLikelihood(loadDonations(t))
	if err != nil || math.Abs(ll-(-33225.5817545)) > 1e-6 {
		t.Errorf("LogLikelihood = %v, %v; want −33225.5817545", ll, err)
	}
}

// TestBGBBPredictions checks the predictions at the published estimates
// against the mpmath values of FHS 2010 eqs. 7, 11 and 13 above.
func TestBGBBPredictions(t *testing.T) {
	m := btyd.BGBB{Alpha: 1.204, Beta: 0.750, Gamma: 0.657, Delta: 2.783}
	approx := cmpopts.EquateApprox(1e-12, 0)
	for _, c := range []struct {
		x, tx, n int
		want     float64
	}{
		{0, 0, 6, 0.1080165841686742},
		{3, 4, 6, 0.43946285705575649},
		{6, 6, 6, 0.93040254237288136},
		{2, 2, 6, 0.066379547354373502},
		{1, 1, 6, 0.069408093206549674},
	} {
		got, err := m.ProbAlive(c.x, c.tx, c.n)
		if err != nil || !cmp.Equal(got, c.want, approx) {
			t.Errorf("ProbAlive(%d, %d, %d) = %v, %v; want %v", c.x, c.tx, c.n, got, err, c.want)
		}
	}
	for _, c := range []struct {
		x, tx, n int
		want     float64
	}{
		{0, 0, 6, 0.072802877475043012},
		{3, 4, 6, 1.0342284984211045},
		{6, 6, 6, 3.7521156075998148},
	} {
		got, err := m.ConditionalPurchases(c.x, c.tx, c.n, 5)
		if err != nil || !cmp.Equal(got, c.want, approx) {
			t.Errorf("ConditionalPurchases(%d, %d, %d, 5) = %v, %v; want %v", c.x, c.tx, c.n, got, err, c.want)
		}
	}
	for _, c := range []struct {
		n    int
		want float64
	}{{1, 0.49849027635619243}, {6, 2.2196313934872989}, {11, 3.387571111064622}, {100, 11.590349993603813}} {
		got, err := m.ExpectedPurchases(c.n)
		if err != nil || !cmp.Equal(got, c.want, approx) {
			t.Errorf("ExpectedPurchases(%d) = %v, %v; want %v", c.n, got, err, c.want)
		}
	}
	// By hand: with n = 1 the expectation is P(alive at 1)·E[p] =
	// δ/(γ+δ) · α/(α+β) for any γ, including γ = 1, where eq. 7's
	// δ/(γ−1) factor is 0/0 and the limit form is used.
	for _, g := range []float64{1, 1 + 1e-9, 1 - 1e-9, 1 + 1e-6} {
		m := btyd.BGBB{Alpha: 2, Beta: 3, Gamma: g, Delta: 4}
		got, err := m.ExpectedPurchases(1)
		want := 4 / (g + 4) * 2.0 / 5
		if err != nil || !cmp.Equal(got, want, cmpopts.EquateApprox(1e-6, 0)) {
			t.Errorf("γ = %v: ExpectedPurchases(1) = %v, %v; want %v", g, got, err, want)
		}
	}
}

func TestBGBBErrors(t *testing.T) {
	m := btyd.BGBB{Alpha: 1, Beta: 1, Gamma: 1, Delta: 1}
	cases := []struct {
		name     string
		err      error
		sentinel error
	}{}
	add := func(name string, err, sentinel error) {
		cases = append(cases, struct {
			name     string
			err      error
			sentinel error
		}{name, err, sentinel})
	}
	_, err := btyd.FitBGBB(nil, nil)
	add("fit nil", err, btyd.ErrEmpty)
	_, err = btyd.FitBGBB([]btyd.BGBBHistory{{Periods: 6}}, nil)
	add("fit zero count", err, btyd.ErrEmpty)
	_, err = btyd.FitBGBB([]btyd.BGBBHistory{{Frequency: 3, Recency: 2, Periods: 6, Count: 1}}, nil)
	add("fit x > t_x", err, btyd.ErrInvalid)
	_, err = btyd.FitBGBB([]btyd.BGBBHistory{{Frequency: 1, Recency: 1, Periods: btyd.BGBBMaxPeriods + 1, Count: 1}}, nil)
	add("fit huge n", err, btyd.ErrInvalid)
	_, err = btyd.FitBGBB([]btyd.BGBBHistory{{Frequency: 1, Recency: 1, Periods: 2, Count: -1}}, nil)
	add("fit negative count", err, btyd.ErrInvalid)
	_, err = btyd.FitBGBB(loadDonations(t), &btyd.FitOptions{Penalty: -1})
	add("fit options", err, btyd.ErrInvalid)
	_, err = m.ProbAlive(0, 1, 6)
	add("ProbAlive t_x without x", err, btyd.ErrInvalid)
	_, err = btyd.BGBB{}.ProbAlive(0, 0, 6)
	add("ProbAlive zero model", err, btyd.ErrInvalid)
	_, err = m.ConditionalPurchases(1, 1, 6, -1)
	add("ConditionalPurchases negative nStar", err, btyd.ErrInvalid)
	_, err = btyd.BGBB{Alpha: math.NaN(), Beta: 1, Gamma: 1, Delta: 1}.ExpectedPurchases(3)
	add("ExpectedPurchases NaN", err, btyd.ErrInvalid)
	_, err = m.ExpectedPurchases(-1)
	add("ExpectedPurchases negative n", err, btyd.ErrInvalid)
	_, err = m.LogLikelihood(nil)
	add("LogLikelihood nil", err, btyd.ErrEmpty)
	// Nobody transacted again: the drop-out is not identified.
	_, err = btyd.FitBGBB([]btyd.BGBBHistory{{Periods: 6, Count: 100}}, nil)
	add("fit no repeat", err, btyd.ErrNotIdentified)
	// Everybody transacted at every opportunity: nobody is seen to drop out.
	_, err = btyd.FitBGBB([]btyd.BGBBHistory{{Frequency: 6, Recency: 6, Periods: 6, Count: 100}}, nil)
	add("fit all active", err, btyd.ErrNotIdentified)
	for _, c := range cases {
		if c.err == nil || !errors.Is(c.err, c.sentinel) || !strings.HasPrefix(c.err.Error(), "btyd: ") ||
			strings.Count(c.err.Error(), "btyd: ") != 1 {
			t.Errorf("%s: error %v, want one \"btyd: \" prefix wrapping %v", c.name, c.err, c.sentinel)
		}
	}
}

func TestBGBBJSON(t *testing.T) {
	for _, f := range []btyd.BGBBFit{
		{},
		{BGBB: btyd.BGBB{Alpha: 1, Beta: 2, Gamma: 3, Delta: math.NaN()}, FitInfo: btyd.FitInfo{LogLik: math.Inf(-1), StdErr: []float64{math.NaN(), 1}}},
	} {
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		var back btyd.BGBBFit
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		want := f
		if math.IsInf(want.LogLik, 0) {
			want.LogLik = math.NaN()
		}
		if !cmp.Equal(back, want, cmpopts.EquateNaNs(), cmpopts.EquateEmpty()) {
			t.Errorf("round trip of %s: %+v, want %+v", b, back, want)
		}
	}
}

func FuzzBGBB(f *testing.F) {
	f.Add(1.204, 0.750, 0.657, 2.783, 3, 4, 6, 5, 100)
	f.Add(1.0, 1.0, 1.0, 1.0, 0, 0, 0, 0, 1)
	f.Add(1e-8, 1e8, 1e8, 1e-8, 6, 6, 6, 1<<62, 1)
	f.Add(1e8, 1e-8, 1e-8, 1e8, 1, 1, 100000, 100000, 7)
	f.Add(math.NaN(), math.Inf(1), math.Copysign(0, -1), 1e308, -1, 2, 3, -4, -5)
	f.Fuzz(func(t *testing.T, a, b, g, d float64, x, tx, n, ns, count int) {
		m := btyd.BGBB{Alpha: a, Beta: b, Gamma: g, Delta: d}
		finite := func(name string, v float64, err error) {
			if err != nil {
				if !errors.Is(err, btyd.ErrInvalid) {
					t.Errorf("%s: error %v does not wrap ErrInvalid", name, err)
				}
				return
			}
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				t.Errorf("%s(%+v, %d, %d, %d, %d) = %v", name, m, x, tx, n, ns, v)
			}
		}
		p, err := m.ProbAlive(x, tx, n)
		finite("ProbAlive", p, err)
		if err == nil && p > 1 {
			t.Errorf("ProbAlive = %v > 1", p)
		}
		v, err := m.ConditionalPurchases(x, tx, n, ns)
		finite("ConditionalPurchases", v, err)
		if err == nil && v > float64(ns)*(1+1e-9) {
			t.Errorf("ConditionalPurchases = %v > nStar %d", v, ns)
		}
		v, err = m.DiscountedResidualPurchases(float64(ns%1000+1)/1000, x, tx, n)
		finite("DiscountedResidualPurchases", v, err)
		v, err = m.ProbPurchases(x, n)
		finite("ProbPurchases", v, err)
		if err == nil && v > 1 {
			t.Errorf("ProbPurchases = %v > 1", v)
		}
		v, err = m.ExpectedPurchases(n)
		finite("ExpectedPurchases", v, err)
		if err == nil && v > float64(n)*(1+1e-9) {
			t.Errorf("ExpectedPurchases = %v > n %d", v, n)
		}
		// A fit on two histories, kept small so that a run stays fast.
		if n > 50 {
			return
		}
		data := []btyd.BGBBHistory{{Frequency: x, Recency: tx, Periods: n, Count: count}, {Periods: n, Count: 3}}
		orig := append([]btyd.BGBBHistory(nil), data...)
		fit, err := btyd.FitBGBB(data, &btyd.FitOptions{MaxIterations: 200})
		if !cmp.Equal(data, orig) {
			t.Errorf("FitBGBB changed its input")
		}
		if err != nil {
			if !errors.Is(err, btyd.ErrInvalid) && !errors.Is(err, btyd.ErrEmpty) &&
				!errors.Is(err, btyd.ErrNotConverged) && !errors.Is(err, btyd.ErrNotIdentified) {
				t.Errorf("FitBGBB: error %v wraps no sentinel", err)
			}
			return
		}
		if math.IsNaN(fit.LogLik) || math.IsInf(fit.LogLik, 0) || fit.LogLik > 0 {
			t.Errorf("FitBGBB: LogLik %v", fit.LogLik)
		}
	})
}

// BenchmarkFitBGBBDonations fits the donations cohort; compare with
// /usr/bin/python3 ../shared/bench/scipy_bgbb.py on the same file.
func BenchmarkFitBGBBDonations(b *testing.B) {
	data := loadDonations(b)
	for i := 0; i < b.N; i++ {
		if _, err := btyd.FitBGBB(data, nil); err != nil {
			b.Fatal(err)
		}
	}
}
