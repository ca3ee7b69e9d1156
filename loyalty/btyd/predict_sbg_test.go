package btyd_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// relErr is |got − want|/|want| (|got − want| when want is 0).
func relErr(got, want float64) float64 {
	if want == 0 {
		return math.Abs(got)
	}
	return math.Abs(got-want) / math.Abs(want)
}

// References for the sBG lifetimes: two independent mpmath 1.2.1
// computations at 40 digits agree to better than 1e-35 on every line: the
// closed form mp.hyp2f1(1, β, α+β, 1/(1+d)) (mpmath raises its working
// precision where the transformations cancel) and tanh-sinh quadrature of
// the Beta integral E[(1+d)/(θ+d)], θ ~ Beta(α, β):
//
//	from mpmath import mp, mpf, beta, quad, log, exp, inf, expm1, hyp2f1
//	mp.dps = 40
//	def beta_mean(a, b, h, feature=None):
//	    a, b = mpf(a), mpf(b)
//	    lB = mp.log(beta(a, b))
//	    def g(u):  # p = e^u on (0, 1/2]
//	        p = exp(u); q = -expm1(u)
//	        return exp(a*u + (b-1)*log(q) - lB) * h(p, q)
//	    def k(v):  # 1 - p = e^v on [1/2, 1)
//	        q = exp(v); p = -expm1(v)
//	        return exp(b*v + (a-1)*log(p) - lB) * h(p, q)
//	    half = log(mpf(1)/2)
//	    L = [-inf, half]; R = [-inf, half]
//	    for x in [a/(a+b), feature]:
//	        if x is None: continue
//	        x = mpf(x)
//	        if 0 < x < mpf(1)/2: L.insert(1, log(x))
//	        elif mpf(1)/2 < x < 1: R.insert(1, log(1-x))
//	    L = [L[0]] + sorted(L[1:]); R = [R[0]] + sorted(R[1:])
//	    return quad(g, L) + quad(k, R)
//	def del_hyp(a, b, d):
//	    a, b, d = mpf(a), mpf(b), mpf(d)
//	    return hyp2f1(1, b, a + b, 1/(1+d))
//	def del_int(a, b, d):
//	    d = mpf(d)
//	    return beta_mean(a, b, lambda p, q: (1+d)/(p+d), d)
//	def derl(a, b, d, n, f=del_hyp):
//	    bb = mpf(b) + n - 1
//	    return bb/(mpf(a)+bb) * f(a, bb + 1, d)
var sbgLifetimeCases = []struct {
	alpha, beta, d float64
	n              int // 0: DiscountedLifetime, else ResidualLifetime(d, n)
	want           float64
	note           string
}{
	{0.704, 1.182, 0.1, 0, 3.6951474055745741, "Fader & Hardie (2007) regular cohort"},
	{0.704, 1.182, 0.1, 1, 2.9646621461320315, "regular cohort, n = 1"},
	{0.704, 1.182, 0.1, 5, 5.89442285984416, "regular cohort, n = 5"},
	{0.704, 1.182, 0.1, 300, 10.731594227893108, "regular cohort, n = 300: was −95.65"},
	{2.5, 300, 0.1, 0, 10.182564818531926, "large β: was 90,624"},
	{0.3, 300, 0.1, 0, 10.894525015742004, "large β, α < 1: was 17% high"},
	{2.5, 300, 0.1, 7, 10.116623701124961, "large β, n = 7"},
	{1, 2, 1e-6, 0, 25.631076378001411, "α = 1 and a tiny d: was NaN"},
	{420, 630, 0.1, 0, 2.2020134956035184, "constant 40% churn fitted: was NaN"},
	{0.001, 0.001, 1e-6, 0, 493142.36349170384, "corner"},
	{0.001, 0.001, 1, 0, 1.4996541273553168, "corner"},
	{0.001, 1000, 1e-6, 0, 993683.46215235301, "corner"},
	{0.001, 1000, 1, 0, 1.9999980019980139, "corner"},
	{1000, 0.001, 1e-6, 0, 1.000001000999999, "corner"},
	{1000, 0.001, 1, 0, 1.0000005002497495, "corner"},
	{1000, 1000, 1e-6, 0, 2.000998995993996, "corner"},
	{1000, 1000, 1, 0, 1.3334073827133226, "corner"},
	{0.001, 0.001, 1e-6, 1000, 993682.46846406451, "corner, n = 1000"},
	{1000, 1000, 1e-6, 1000000, 1000.99699700903, "corner, n = 10⁶"},
	{0.001, 1000, 1, 1000000000, 1.999999999996, "n = 10⁹"},
}

func TestSBGLifetimesAccurate(t *testing.T) {
	worst, where := 0.0, ""
	for _, c := range sbgLifetimeCases {
		m := btyd.SBG{Alpha: c.alpha, Beta: c.beta}
		var got float64
		if c.n == 0 {
			got = m.DiscountedLifetime(c.d)
		} else {
			got = m.ResidualLifetime(c.d, c.n)
		}
		e := relErr(got, c.want)
		if e > 1e-12 {
			t.Errorf("%+v (%s): got %.17g, want %.17g (rel. error %.2g)", m, c.note, got, c.want, e)
		}
		if e > worst {
			worst, where = e, c.note
		}
	}
	t.Logf("worst relative error %.3g (%s)", worst, where)
}

// fmtCase names a test case by its method and arguments.
func fmtCase(method string, m any, args ...any) string {
	return fmt.Sprintf("%+v.%s%v", m, method, args)
}
