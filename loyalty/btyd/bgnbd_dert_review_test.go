package btyd_test

import (
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// P(alive) ahead and DERT of the BG/NBD and the MBG/NBD at parameters
// unlike the other tests' (r = 1.7, α = 6.3, a = 0.45, b = 5.8), against
// direct integrals of the models' definitions in mpmath (30 digits):
// alive at T, λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x) (BG/NBD) or
// Beta(a, b+x+1) (MBG/NBD, which drops out after the first purchase
// too); the customer survives u more with probability e^{−λpu}, so
//
//	P(alive at T+t) = P(alive) · ∫ Beta(p) ((α+T)/(α+T+pt))^{r+x} dp
//	DERT            = P(alive) · ∫∫ Gamma(λ) Beta(p) λ/(δ+λp) dλ dp, δ = ln(1+d)
//
// the same δ as the Pareto/NBD's DERT. The script:
//
//	from mpmath import mp, mpf, quad, beta, gamma, exp, log, inf
//	mp.dps = 30
//	def pal_bg(r,al,a,b,x,tx,T):
//	    if x==0: return mpf(1)
//	    return 1/(1 + a/(b+x-1)*((al+T)/(al+tx))**(r+x))
//	def pal_mbg(r,al,a,b,x,tx,T): return 1/(1 + a/(b+x)*((al+T)/(al+tx))**(r+x))
//	def betapdf(p,a,b): return p**(a-1)*(1-p)**(b-1)/beta(a,b)
//	def after(r,al,a,b,x,tx,T,t):
//	    R=r+x; A=al+T
//	    return pal_bg(r,al,a,b,x,tx,T)*quad(lambda p: betapdf(p,a,b+x)*(A/(A+p*t))**R,[0,1])
//	def dert(pal,r,al,a,b2,x,tx,T,d):
//	    R=r+x; A=al+T; dl=log(1+mpf(d))
//	    def inner(p):
//	        return quad(lambda l: A**R*l**(R-1)*exp(-A*l)/gamma(R)*l/(dl+l*p),[0,1,10,inf])
//	    return pal*quad(lambda p: betapdf(p,a,b2)*inner(p),[0,mpf('0.001'),mpf('0.1'),1])
//	# dert(pal_bg(...), r,al,a,b+x, ...) and dert(pal_mbg(...), r,al,a,b+x+1, ...)
func TestBetaGeoAheadAndDERTMpmath(t *testing.T) {
	bg := btyd.BGNBD{R: 1.7, Alpha: 6.3, A: 0.45, B: 5.8}
	mbg := btyd.MBGNBD{R: 1.7, Alpha: 6.3, A: 0.45, B: 5.8}
	approx := cmpopts.EquateApprox(1e-10, 0)
	for _, c := range []struct {
		s    btyd.Summary
		t    float64
		want float64
	}{
		{btyd.Summary{Frequency: 0, Recency: 0, T: 30}, 12, 0.96276600835360206},
		{btyd.Summary{Frequency: 4, Recency: 21.5, T: 30}, 12, 0.75155727934310203},
		{btyd.Summary{Frequency: 15, Recency: 29, T: 31}, 52, 0.67890145028894176},
	} {
		if got := bg.ProbAliveAfter(c.t, c.s); !cmp.Equal(got, c.want, approx) {
			t.Errorf("BGNBD.ProbAliveAfter(%g, %+v) = %.17g, mpmath %.17g", c.t, c.s, got, c.want)
		}
	}
	for _, c := range []struct {
		s             btyd.Summary
		d             float64
		wantBG, wantM float64
	}{
		{btyd.Summary{Frequency: 0, Recency: 0, T: 30}, 0.01, 3.5973708901439113, 1.4622037676944698},
		{btyd.Summary{Frequency: 4, Recency: 21.5, T: 30}, 0.15, 0.86559332056271532, 0.88625826426671296},
	} {
		if got := bg.DiscountedResidualPurchases(c.d, c.s); !cmp.Equal(got, c.wantBG, approx) {
			t.Errorf("BGNBD.DiscountedResidualPurchases(%g, %+v) = %.17g, mpmath %.17g", c.d, c.s, got, c.wantBG)
		}
		if got := mbg.DiscountedResidualPurchases(c.d, c.s); !cmp.Equal(got, c.wantM, approx) {
			t.Errorf("MBGNBD.DiscountedResidualPurchases(%g, %+v) = %.17g, mpmath %.17g", c.d, c.s, got, c.wantM)
		}
	}
}
