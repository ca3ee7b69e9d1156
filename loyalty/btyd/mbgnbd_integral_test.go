package btyd_test

import (
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// TestMBGNBDAgainstIntegrals checks ProbAliveAfter and ProbPurchases
// against a computation that uses none of the closed forms: the model's
// definition integrated over λ ~ Gamma(r, α) and p ~ Beta(a, b) by
// mpmath 1.2.1 at 30 digits (/usr/bin/python3, 4 min). Given (λ, p), a
// customer with history (x, t_x, T) is alive at T with likelihood
// λˣe^{−λT}(1−p)^{x+1}, has dropped out right after the last purchase
// with likelihood p(1−p)ˣλˣe^{−λt_x}, and survives t more time units with
// probability e^{−λpt}; P(X(t) = n | λ, p) = [n=0] p + (1−p)^{n+1} Pois(n)
// + [n>0] p(1−p)ⁿ P(Pois ≥ n), Pois with mean λt:
//
//	def dbl(f):   # ∫∫ f(λ, p) Gamma(λ; r, α) Beta(p; a, b) dp dλ
//	    return mp.quad(lambda l: mp.quad(lambda p: f(l, p)*prior(l, p), [0, 0.5, 1]), [0, 1, 10, mp.inf])
//	la = lambda l, p: l**x*mp.exp(-l*T)*(1-p)**(x+1)
//	ld = lambda l, p: p*(1-p)**x*l**x*mp.exp(-l*tx)
//	alive_after = dbl(lambda l, p: la(l, p)*mp.exp(-l*p*t)) / dbl(lambda l, p: la(l, p)+ld(l, p))
//	# (0, 0, 39, 10) 0.378590479600832    (2, 30, 39, 26) 0.57059426711850768
//	# (5, 10, 39, 52) 0.015274450718585101
//	# pmf: (0, 10) 0.744482495228722  (1, 39) 0.18278307728754053  (3, 39) 0.048570442951569216
//
// The quadrature's own error is near 1e-15; the tolerance is 1e-12
// relative.
func TestMBGNBDAgainstIntegrals(t *testing.T) {
	m := btyd.MBGNBD{R: 0.525, Alpha: 6.183, A: 0.891, B: 1.614}
	for _, c := range []struct {
		s    btyd.Summary
		t    float64
		want float64
	}{
		{btyd.Summary{T: 39}, 10, 0.378590479600832},
		{btyd.Summary{Frequency: 2, Recency: 30, T: 39}, 26, 0.57059426711850768},
		{btyd.Summary{Frequency: 5, Recency: 10, T: 39}, 52, 0.015274450718585101},
	} {
		if got := m.ProbAliveAfter(c.t, c.s); !relClose(got, c.want, 1e-12) {
			t.Errorf("ProbAliveAfter(%v, %+v) = %.17g, want %.17g", c.t, c.s, got, c.want)
		}
	}
	for _, c := range []struct {
		n    int
		t    float64
		want float64
	}{{0, 10, 0.744482495228722}, {1, 39, 0.18278307728754053}, {3, 39, 0.048570442951569216}} {
		if got := m.ProbPurchases(c.n, c.t); !relClose(got, c.want, 1e-12) {
			t.Errorf("ProbPurchases(%d, %v) = %.17g, want %.17g", c.n, c.t, got, c.want)
		}
	}
}
