package btyd_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// cdnowExact is the CDNOW calibration summary as Summarize builds it from
// the transaction log (weeks = days/7, unrounded), on which the published
// log-likelihoods are computed.
func cdnowExact(t testing.TB) []btyd.Summary {
	t.Helper()
	s, _, err := btyd.Summarize(cdnowTransactions(t), week, time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestFitParetoNBDCDNOW checks the fit on the 2,357 CDNOW customers
// (39-week calibration) against the published estimates and against an
// independent computation.
//
// Published (Fader, Hardie & Lee 2005, "Counting your customers the easy
// way", Marketing Science 24(2), and the note "A note on deriving the
// Pareto/NBD model and related expressions"): r = 0.55, α = 10.58,
// s = 0.61, β = 11.67, LL = −9594.98.
//
// Independent (SciPy 1.10.1, mpmath 1.3): the summary rebuilt from
// CDNOW_sample.txt in Python, the likelihood of the note (eqs. 18–20) with
// scipy.special.hyp2f1, Nelder–Mead (xatol = fatol = 1e-12) then BFGS
// (gtol 1e-9) on the log-parameters, and the log-likelihood at the
// estimate recomputed by mpmath.quad of the defining integral at 30
// digits:
//
//	import datetime as dt, numpy as np, mpmath as mp
//	from scipy.optimize import minimize
//	from scipy.special import gammaln, hyp2f1
//	cal = dt.date(1997, 9, 30); days = {}
//	for line in open('CDNOW_sample.txt'):
//	    f = line.split()
//	    days.setdefault(f[0], set()).add(dt.datetime.strptime(f[2], '%Y%m%d').date())
//	X, TX, TT = [], [], []
//	for c, ds in days.items():
//	    ds = sorted(ds); cd = [d for d in ds if d <= cal]
//	    X.append(len(cd)-1); TX.append((cd[-1]-ds[0]).days/7); TT.append((cal-ds[0]).days/7)
//	x, tx, T = map(np.array, (X, TX, TT))
//	def nll(lp):
//	    r, al, s, be = np.exp(lp)
//	    m, c2 = (al, s+1) if al >= be else (be, r+x)
//	    rsx = r+s+x
//	    l1 = np.log(hyp2f1(rsx, c2, rsx+1, abs(al-be)/(m+tx))) - rsx*np.log(m+tx)
//	    l2 = np.log(hyp2f1(rsx, c2, rsx+1, abs(al-be)/(m+T))) - rsx*np.log(m+T)
//	    la0 = l1 + np.log(-np.expm1(np.minimum(l2-l1, 0)))
//	    A1 = gammaln(r+x) - gammaln(r) + r*np.log(al) + s*np.log(be)
//	    A2 = np.logaddexp(-(r+x)*np.log(al+T) - s*np.log(be+T), np.log(s) - np.log(rsx) + la0)
//	    return -(A1+A2).sum()
//	res = minimize(nll, np.zeros(4), method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-12, 'maxiter': 40000, 'maxfev': 40000})
//	res = minimize(nll, res.x, method='BFGS', options={'gtol': 1e-9})
//	# mpmath: Σ lnΓ(r+x) − lnΓ(r) + r ln α + s ln β + ln[(α+T)^−(r+x) (β+T)^−s + s/c·A0],
//	#   c = r+s+x, A0 = f(tx) − f(T), f(u) = mp.hyp2f1(c, k, c+1, |α−β|/(m+u))/(m+u)^c,
//	#   (k, m) = (s+1, α) if α ≥ β else (r+x, β)
//
// which gives r = 0.5532770451851658, α = 10.5776832927177, s =
// 0.6062401692826961, β = 11.66874100072676, LL = −9594.976178939542
// (mpmath at that point: −9594.9761789395439), and at the published
// (rounded) estimates mpmath gives LL = −9595.0107780844811.
func TestFitParetoNBDCDNOW(t *testing.T) {
	data := cdnowExact(t)
	fit, err := btyd.FitParetoNBD(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	scipy := btyd.ParetoNBD{R: 0.5532770451851658, Alpha: 10.5776832927177, S: 0.6062401692826961, Beta: 11.66874100072676}
	if d := cmp.Diff(scipy, fit.ParetoNBD, cmpopts.EquateApprox(1e-6, 0)); d != "" {
		t.Errorf("estimates differ from SciPy (-want +got):\n%s", d)
	}
	published := btyd.ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67}
	if d := cmp.Diff(published, fit.ParetoNBD, cmpopts.EquateApprox(0, 0.006)); d != "" {
		t.Errorf("estimates differ from the published ones beyond their rounding (-want +got):\n%s", d)
	}
	if math.Abs(fit.LogLik-(-9594.9761789395439)) > 1e-8 || math.Abs(fit.LogLik-(-9594.98)) > 0.005 {
		t.Errorf("LogLik = %.10f, want −9594.9761789 (SciPy, mpmath) ≈ −9594.98 (published)", fit.LogLik)
	}
	if !fit.Converged || fit.N != 2357 || len(fit.StdErr) != 4 {
		t.Fatalf("fit %+v", fit.FitInfo)
	}
	for i, se := range fit.StdErr {
		if !(se > 0) || math.IsInf(se, 0) {
			t.Errorf("StdErr[%d] = %v", i, se)
		}
	}
	// The log-likelihood at the published estimates, by mpmath above.
	ll, err := published.LogLikelihood(data)
	if err != nil || math.Abs(ll-(-9595.0107780844811)) > 1e-8 {
		t.Errorf("LogLikelihood(published) = %.10f, %v; want −9595.0107780845 (mpmath)", ll, err)
	}
}

// TestParetoNBDBranches fits the same data with α and β on either side:
// the likelihood must be the same function on both branches, so a fit
// that starts with α < β reaches the same estimate as one with α > β.
func TestParetoNBDBranches(t *testing.T) {
	data := cdnow(t)
	a, errA := btyd.FitParetoNBD(data, &btyd.FitOptions{Start: []float64{0.5, 20, 0.5, 2}})
	b, errB := btyd.FitParetoNBD(data, &btyd.FitOptions{Start: []float64{0.5, 2, 0.5, 20}})
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if d := cmp.Diff(a.ParetoNBD, b.ParetoNBD, cmpopts.EquateApprox(1e-6, 0)); d != "" {
		t.Errorf("fits from the two branches differ:\n%s", d)
	}
	// The peer benchmark /work/shared/bench/scipy_pnbd.py (SciPy 1.10.1,
	// Nelder–Mead) on the same rounded summary prints 0.5533 10.5776
	// 0.6062 11.6679 LL=-9594.974.
	peer := btyd.ParetoNBD{R: 0.5533, Alpha: 10.5776, S: 0.6062, Beta: 11.6679}
	if d := cmp.Diff(peer, a.ParetoNBD, cmpopts.EquateApprox(0, 0.00006)); d != "" || math.Abs(a.LogLik-(-9594.974)) > 0.0006 {
		t.Errorf("fit on the rounded summary differs from SciPy's (LL %.4f) (-want +got):\n%s", a.LogLik, d)
	}
	// And the likelihood is continuous across α = β.
	m := btyd.ParetoNBD{R: 0.55, Alpha: 11, S: 0.61, Beta: 11}
	l0, _ := m.LogLikelihood(data)
	for _, e := range []float64{1e-9, -1e-9} {
		m.Alpha = 11 * (1 + e)
		l, _ := m.LogLikelihood(data)
		if math.Abs(l-l0) > 1e-4 {
			t.Errorf("LL at α = β(1%+g) is %.10f, at α = β %.10f", e, l, l0)
		}
	}
}

// pnbdExpectedRef and pnbdHistoryRef are independent values in mpmath at
// 50 digits (mpmath 1.3): E[X(t)] by quadrature of its definition
// (r/α)·∫ (1 − e^{−μt})/μ · Gamma(μ; s, β) dμ; P(alive) and the
// conditional expectation (t = 39) from the published formulas of Fader &
// Hardie (2005 note, eqs. 21–22) with mp.hyp2f1 on the branch of α and β;
// P(alive at T + 52) as the joint probability of the history and of
// being alive at T + 52 over the likelihood:
//
//	def A0(r, al, s, be, x, tx, T):
//	    c = r + s + x
//	    k, m = (s + 1, al) if al >= be else (r + x, be)
//	    f = lambda u: mp.hyp2f1(c, k, c + 1, abs(al - be) / (m + u)) / (m + u)**c
//	    return f(tx) - f(T)
//	def palive(...): return 1 / (1 + s / (r + s + x) * (al + T)**(r + x) * (be + T)**s * A0(...))
//	def cond(..., t): return (r + x) * (be + T) / ((al + T) * (s - 1)) * (1 - ((be + T) / (be + T + t))**(s - 1)) * palive(...)
//	    # s = 1: (r + x) * (be + T) / (al + T) * log(1 + t / (be + T)) * palive(...)
//	def after(..., t): return (al + T)**-(r + x) * (be + T + t)**-s / ((al + T)**-(r + x) * (be + T)**-s + s / (r + s + x) * A0(...))
//	def ex(r, al, s, be, t):
//	    if s >= 1:
//	        g = lambda mu: mp.exp(s*mp.log(be) + (s-1)*mp.log(mu) - be*mu - mp.loggamma(s))
//	        return r / al * mp.quad(lambda mu: g(mu) * -mp.expm1(-mu*t) / mu, [0, s/be/100, s/be, 10*s/be, mp.inf])
//	    # s < 1: v = mu^s removes the density's singularity at 0
//	    g = lambda v: mp.exp(s*mp.log(be) - be*v**(1/s) - mp.loggamma(s)) / s
//	    h = lambda v: -mp.expm1(-v**(1/s)*t) / v**(1/s)
//	    return r / al * mp.quad(lambda v: g(v) * h(v), [0, 1e-6, 0.01, 0.5, 1, mp.inf])
//
// The parameter sets cover the CDNOW estimate, α < β and α ≫ β (the
// hypergeometric argument near 1), s = 1 (where the published formulas
// divide by s − 1 = 0), and histories from no repeat purchase to x = 1000,
// with probabilities down to the subnormal numbers.
var pnbdExpectedRef = []struct{ r, alpha, s, beta, t, want float64 }{
	{0.5533, 10.5776, 0.6062, 11.6679, 1, 0.051008889546698273},
	{0.5533, 10.5776, 0.6062, 11.6679, 39, 1.2134760672924599},
	{0.5533, 10.5776, 0.6062, 11.6679, 1000, 7.434622805007397},
	{0.25, 4, 3, 100, 1, 0.061574845603372218},
	{0.25, 4, 3, 100, 39, 1.5075888929144454},
	{0.25, 4, 3, 100, 1000, 3.0991735537190083},
	{1.9, 98, 0.1, 0.5, 1, 0.018180063611634606},
	{1.9, 98, 0.1, 0.5, 39, 0.53892100704215501},
	{1.9, 98, 0.1, 0.5, 1000, 10.067299706908148},
	{0.5, 2, 1, 3, 1, 0.2157615543388357},
	{0.5, 2, 1, 3, 39, 1.979292997211444},
	{0.5, 2, 1, 3, 1000, 4.3591038744703694},
	{2, 0.01, 50, 0.02, 1, 0.08163265306122449},
	{2, 0.01, 50, 0.02, 39, 0.08163265306122449},
	{2, 0.01, 50, 0.02, 1000, 0.08163265306122449},
}

var pnbdHistoryRef = []struct {
	r, alpha, s, beta  float64
	x                  int
	tx, T              float64
	alive, cond, after float64
}{
	{0.5533, 10.5776, 0.6062, 11.6679, 0, 0.0, 38.86, 0.29509925952537555, 0.10706574815661092, 0.19216589135476682},
	{0.5533, 10.5776, 0.6062, 11.6679, 2, 30.43, 38.86, 0.86912109570405912, 1.4551370640067207, 0.56596356873216918},
	{0.5533, 10.5776, 0.6062, 11.6679, 7, 35.0, 38.86, 0.93605852502808389, 4.6361929614466008, 0.60955259973054018},
	{0.5533, 10.5776, 0.6062, 11.6679, 1, 1.71, 38.86, 0.16787330148324453, 0.17098528632694839, 0.1093175315521969},
	{0.5533, 10.5776, 0.6062, 11.6679, 1000, 500.0, 1000.0, 2.3301237752629734e-294, 8.8943273724904451e-293, 2.2603889696378099e-294},
	{0.5533, 10.5776, 0.6062, 11.6679, 3, 1.0, 100.0, 0.00064262355191713784, 0.00073313547666350828, 0.00050969001251666922},
	{0.25, 4, 3, 100, 0, 0.0, 38.86, 0.31512796296725366, 0.04983167313357563, 0.12135946868049999},
	{0.25, 4, 3, 100, 2, 30.43, 38.86, 0.7889712940617561, 1.1228512804936506, 0.30384208418042215},
	{0.25, 4, 3, 100, 7, 35.0, 38.86, 0.88744998101379642, 4.0696813822431615, 0.3417673797090034},
	{0.25, 4, 3, 100, 1, 1.71, 38.86, 0.14438142466742084, 0.11415629214305125, 0.055602977342866343},
	{0.25, 4, 3, 100, 1000, 500.0, 1000.0, 2.7039911221013965e-298, 9.9727297559183889e-297, 2.3541052701325794e-298},
	{0.25, 4, 3, 100, 3, 1.0, 100.0, 0.00011496647415413837, 0.00010768483810644307, 5.7472432259804344e-5},
	{1.9, 98, 0.1, 0.5, 0, 0.0, 38.86, 0.52160192330501742, 0.27183810057806956, 0.47947844035588193},
	{1.9, 98, 0.1, 0.5, 2, 30.43, 38.86, 0.97295101675514403, 1.0408139997785764, 0.89437752280607539},
	{1.9, 98, 0.1, 0.5, 7, 35.0, 38.86, 0.98830149217847691, 2.4126648644811106, 0.90848832586459268},
	{1.9, 98, 0.1, 0.5, 1, 1.71, 38.86, 0.60211722259241851, 0.47895707124847433, 0.55349149207642716},
	{1.9, 98, 0.1, 0.5, 1000, 500.0, 1000.0, 3.0975173868069288e-261, 1.1001831743903466e-259, 3.0818624522640241e-261},
	{1.9, 98, 0.1, 0.5, 3, 1.0, 100.0, 0.096976809255172428, 0.091997049064999471, 0.093015968547065084},
	{0.5, 2, 1, 3, 0, 0.0, 38.86, 0.025715048060792621, 0.0086724234285414381, 0.011468484038192831},
	{0.5, 2, 1, 3, 2, 30.43, 38.86, 0.7435552738905134, 1.2538234738000472, 0.33161329389576913},
	{0.5, 2, 1, 3, 7, 35.0, 38.86, 0.86830305052811698, 4.3925399443188521, 0.38724872890589151},
	{0.5, 2, 1, 3, 1, 1.71, 38.86, 0.0085141694741183142, 0.0086142342780019748, 0.003797178075714816},
	{0.5, 2, 1, 3, 1000, 500.0, 1000.0, 2.4417104543015708e-298, 9.3282121936458745e-297, 2.321360744705664e-298},
	{0.5, 2, 1, 3, 3, 1.0, 100.0, 9.2173372714333346e-7, 1.0460399485675232e-6, 6.1250692835976352e-7},
	{2, 0.01, 50, 0.02, 0, 0.0, 38.86, 2.6231002548210111e-172, 1.0709286098343589e-173, 9.5876414430485673e-191},
	{2, 0.01, 50, 0.02, 2, 30.43, 38.86, 2.0035792837739605e-6, 1.6359957063184232e-7, 7.3232426935414899e-25},
	{2, 0.01, 50, 0.02, 7, 35.0, 38.86, 0.0024684789128147469, 0.00045351072973340481, 9.0224880586613581e-22},
	{2, 0.01, 50, 0.02, 1, 1.71, 38.86, 2.3943088300203771e-72, 1.4662804950755597e-73, 8.7513904678137803e-91},
	{2, 0.01, 50, 0.02, 1000, 500.0, 1000.0, 4.4084346659018552e-316, 7.6319135336058886e-315, 3.4955770918233595e-317},
	{2, 0.01, 50, 0.02, 3, 1.0, 100.0, 3.0819968370917536e-110, 3.1452088799273554e-111, 2.5011416564989579e-119},
}

func TestParetoNBDPredictions(t *testing.T) {
	// Relative 1e-10, absolute 1e-310 (the subnormal numbers carry fewer
	// digits).
	approx := cmpopts.EquateApprox(1e-10, 1e-310)
	for _, c := range pnbdExpectedRef {
		m := btyd.ParetoNBD{R: c.r, Alpha: c.alpha, S: c.s, Beta: c.beta}
		if got := m.ExpectedPurchases(c.t); !cmp.Equal(got, c.want, approx) {
			t.Errorf("%+v.ExpectedPurchases(%v) = %.17g, want %.17g", m, c.t, got, c.want)
		}
	}
	for _, c := range pnbdHistoryRef {
		m := btyd.ParetoNBD{R: c.r, Alpha: c.alpha, S: c.s, Beta: c.beta}
		h := btyd.Summary{Frequency: c.x, Recency: c.tx, T: c.T}
		got := [3]float64{m.ProbAlive(h), m.ConditionalPurchases(39, h), m.ProbAliveAfter(52, h)}
		want := [3]float64{c.alive, c.cond, c.after}
		if d := cmp.Diff(want, got, approx); d != "" {
			t.Errorf("%+v, history %+v: [ProbAlive, ConditionalPurchases(39), ProbAliveAfter(52)] (-want +got):\n%s", m, h, d)
		}
	}
}

// TestParetoNBDSpecialCases checks the documented special cases and the
// identities between the predictions.
func TestParetoNBDSpecialCases(t *testing.T) {
	m := btyd.ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67}
	h := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86}
	if v := m.ExpectedPurchases(0); v != 0 {
		t.Errorf("ExpectedPurchases(0) = %v", v)
	}
	if v := m.ConditionalPurchases(0, h); v != 0 {
		t.Errorf("ConditionalPurchases(0) = %v", v)
	}
	if v := m.ProbAlive(btyd.Summary{Frequency: 3, Recency: 10, T: 10}); v != 1 {
		t.Errorf("ProbAlive with t_x = T = %v, want 1", v)
	}
	if a, b := m.ProbAliveAfter(0, h), m.ProbAlive(h); a != b {
		t.Errorf("ProbAliveAfter(0) = %v, ProbAlive = %v", a, b)
	}
	// A new customer (x = 0, T = 0) is alive and expects E[X(t)].
	nw := btyd.Summary{}
	if a, b := m.ConditionalPurchases(39, nw), m.ExpectedPurchases(39); math.Abs(a-b) > 1e-14*b {
		t.Errorf("ConditionalPurchases(39, new) = %v, ExpectedPurchases(39) = %v", a, b)
	}
	// s = 1 is the limit of its neighbours.
	m1 := btyd.ParetoNBD{R: 0.5, Alpha: 2, S: 1, Beta: 3}
	lo, hi := m1, m1
	lo.S, hi.S = 1-1e-9, 1+1e-9
	if a, b, c := lo.ExpectedPurchases(39), m1.ExpectedPurchases(39), hi.ExpectedPurchases(39); math.Abs(a-b) > 1e-8*b || math.Abs(c-b) > 1e-8*b {
		t.Errorf("ExpectedPurchases around s = 1: %v %v %v", a, b, c)
	}
	nan := []float64{
		m.ExpectedPurchases(-1), m.ExpectedPurchases(math.NaN()), m.ExpectedPurchases(btyd.MaxTime * 2),
		m.ProbAlive(btyd.Summary{Frequency: 1, Recency: 0, T: 5}), m.ProbAlive(btyd.Summary{Frequency: -1, T: 5}),
		m.ConditionalPurchases(math.Inf(1), h), m.ProbAliveAfter(-1, h),
		btyd.ParetoNBD{}.ProbAlive(h), btyd.ParetoNBD{R: math.NaN(), Alpha: 1, S: 1, Beta: 1}.ExpectedPurchases(1),
		btyd.ParetoNBD{R: 1, Alpha: 1, S: 1, Beta: 2e8}.ExpectedPurchases(1),
	}
	for i, v := range nan {
		if !math.IsNaN(v) {
			t.Errorf("case %d = %v outside the domain, want NaN", i, v)
		}
	}
}

func TestFitParetoNBDErrors(t *testing.T) {
	good := []btyd.Summary{{Frequency: 2, Recency: 5, T: 10}, {T: 10}}
	tests := []struct {
		name string
		data []btyd.Summary
		opts *btyd.FitOptions
		want error
	}{
		{"nil", nil, nil, btyd.ErrEmpty},
		{"negative frequency", []btyd.Summary{{Frequency: -1, T: 1}}, nil, btyd.ErrInvalid},
		{"recency after T", []btyd.Summary{{Frequency: 1, Recency: 2, T: 1}}, nil, btyd.ErrInvalid},
		{"NaN T", []btyd.Summary{{T: math.NaN()}}, nil, btyd.ErrInvalid},
		{"no repeat buyer", []btyd.Summary{{T: 5}, {T: 9}}, nil, btyd.ErrNotIdentified},
		{"all T = 0", []btyd.Summary{{}, {}}, nil, btyd.ErrNotIdentified},
		{"bad start", good, &btyd.FitOptions{Start: []float64{1, 1, 1}}, btyd.ErrLength},
		{"negative penalty", good, &btyd.FitOptions{Penalty: -1}, btyd.ErrInvalid},
	}
	for _, tc := range tests {
		_, err := btyd.FitParetoNBD(tc.data, tc.opts)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "btyd: ") || strings.Count(msg, "btyd: ") != 1 {
			t.Errorf("%s: %q does not start with the package name exactly once", tc.name, msg)
		}
	}
	for _, m := range []btyd.ParetoNBD{{}, {R: 1, Alpha: 1, S: 1, Beta: math.Inf(1)}} {
		if _, err := m.LogLikelihood(good); !errors.Is(err, btyd.ErrInvalid) || strings.Count(err.Error(), "btyd: ") != 1 {
			t.Errorf("%+v.LogLikelihood: %v", m, err)
		}
	}
	if _, err := (btyd.ParetoNBD{R: 1, Alpha: 1, S: 1, Beta: 1}).LogLikelihood(nil); !errors.Is(err, btyd.ErrEmpty) {
		t.Errorf("LogLikelihood(nil): %v", err)
	}
}

func TestParetoNBDJSON(t *testing.T) {
	for _, v := range []btyd.ParetoNBDFit{
		{},
		{FitInfo: btyd.FitInfo{StdErr: []float64{math.NaN(), 1, math.NaN(), 2}, Reason: "x"}},
		{ParetoNBD: btyd.ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67}, FitInfo: btyd.FitInfo{LogLik: -9594.98, N: 2357, Converged: true, StdErr: []float64{0.05, 0.8, 0.19, 6.2}}},
	} {
		b, err := v.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var got btyd.ParetoNBDFit
		if err := got.UnmarshalJSON(b); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(v, got, cmpopts.EquateNaNs()); d != "" {
			t.Errorf("round trip of %s (-want +got):\n%s", b, d)
		}
	}
	m := btyd.ParetoNBD{R: math.NaN(), Alpha: 1, S: 2, Beta: 3}
	b, err := m.MarshalJSON()
	if err != nil || string(b) != `{"r":null,"alpha":1,"s":2,"beta":3}` {
		t.Fatalf("%s, %v", b, err)
	}
	var got btyd.ParetoNBD
	if err := got.UnmarshalJSON(b); err != nil || !cmp.Equal(m, got, cmpopts.EquateNaNs()) {
		t.Errorf("round trip: %+v, %v", got, err)
	}
}
