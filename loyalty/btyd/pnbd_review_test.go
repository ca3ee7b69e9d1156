package btyd_test

import (
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The Pareto/NBD log-likelihood of one customer at corners of the
// parameter space (α ≫ β, α ≪ β, α = β with x = 1000 and t_x near T, r
// and s near MinParam with β and T large, s large with t_x near 0),
// against the definition integrated by mpmath at 40 digits
// (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Lee 2005 note,
// eq. 18: alive at T, or dead at τ in (t_x, T]):
//
//	from mpmath import mp, mpf, quad, loggamma, log
//	mp.dps = 40
//	def ll(r,al,s,be,x,tx,T):
//	    r,al,s,be,tx,T=map(mpf,(r,al,s,be,tx,T))
//	    f=lambda t:(al+t)**(-(r+x))*(be+t)**(-(s+1))
//	    pts=[tx]+[tx+(T-tx)*mpf(k)/64 for k in range(1,64)]+[T] if T>tx else None
//	    integ=quad(f,pts) if T>tx else 0
//	    return loggamma(r+x)-loggamma(r)+r*log(al)+s*log(be)+log((al+T)**(-(r+x))*(be+T)**(-s)+s*integ)
func TestParetoNBDLogLikelihoodCornersMpmath(t *testing.T) {
	for _, c := range []struct {
		m    btyd.ParetoNBD
		s    btyd.Summary
		want float64
	}{
		{btyd.ParetoNBD{R: 0.3, Alpha: 1e4, S: 2.5, Beta: 0.2}, btyd.Summary{Frequency: 50, Recency: 30, T: 40}, -328.60449230904831764},
		{btyd.ParetoNBD{R: 3, Alpha: 0.05, S: 0.01, Beta: 500}, btyd.Summary{Frequency: 2, Recency: 0.5, T: 100}, -16.318392109106937587},
		{btyd.ParetoNBD{R: 1.1, Alpha: 7.3, S: 0.9, Beta: 7.3}, btyd.Summary{Frequency: 1000, Recency: 38.9, T: 39}, 2074.0393020847439309},
		{btyd.ParetoNBD{R: 1e-5, Alpha: 3, S: 1e-5, Beta: 1e5}, btyd.Summary{Frequency: 0, Recency: 0, T: 1e6}, -0.00012716859289535858924},
		{btyd.ParetoNBD{R: 2, Alpha: 0.5, S: 40, Beta: 1.5}, btyd.Summary{Frequency: 7, Recency: 0.001, T: 52}, 14.908207085952319446},
	} {
		got, err := c.m.LogLikelihood([]btyd.Summary{c.s})
		if err != nil {
			t.Errorf("%+v %+v: %v", c.m, c.s, err)
			continue
		}
		if !cmp.Equal(got, c.want, cmpopts.EquateApprox(1e-11, 1e-15)) {
			t.Errorf("%+v %+v: LL = %.17g, mpmath %.17g", c.m, c.s, got, c.want)
		}
	}
}
