package btyd

import (
	"math"
	"testing"
)

// TestPNBDSeriesQuadAgree compares the two evaluations of the likelihood's
// integral, the hypergeometric series and the quadrature, where both
// apply, on both branches (α ≥ β and α < β), with their gradients.
func TestPNBDSeriesQuadAgree(t *testing.T) {
	cases := [][7]float64{ // r, α, s, β, x, t_x, T
		{0.55, 10.58, 0.61, 11.67, 2, 30.43, 38.86},
		{0.55, 10.58, 0.61, 11.67, 0, 0, 38.86},
		{0.55, 11.67, 0.61, 10.58, 7, 5, 38.86},
		{1, 1, 1, 1, 1, 1, 10},
		{2, 3, 0.2, 4, 30, 20, 40},
		{0.3, 20, 5, 15, 100, 1, 3},
	}
	for _, c := range cases {
		var gs, gq [4]float64
		ls := pnbdLnMid(c[0], c[1], c[2], c[3], c[4], c[5], c[6], &gs)
		lq := pnbdQuad(c[0], c[1], c[2], c[3], c[4], c[5], c[6], &gq)
		if math.Abs(ls-lq) > 1e-11*math.Max(1, math.Abs(lq)) {
			t.Errorf("%v: series ln D = %.15g, quadrature %.15g", c, ls, lq)
		}
		for i := range gs {
			if math.Abs(gs[i]-gq[i]) > 1e-9*math.Max(1, math.Abs(gq[i])) {
				t.Errorf("%v: gradient %d series %.15g, quadrature %.15g", c, i, gs[i], gq[i])
			}
		}
	}
}

// TestPNBDGradient checks the analytic gradient of the log-likelihood
// against central differences (step 1e-6 relative), at points on both
// branches and on each side of the series/quadrature switch.
func TestPNBDGradient(t *testing.T) {
	d := &pnbdData{
		x:  []int{0, 0, 1, 2, 5, 30, 200},
		tx: []float64{0, 0, 1.5, 30.43, 20, 38, 10},
		t:  []float64{10, 38.86, 38.86, 38.86, 21, 39, 39},
		w:  []float64{5, 3, 2, 1, 1, 1, 1},
	}
	for _, p := range [][]float64{
		{0.55, 10.58, 0.61, 11.67}, {0.55, 11.67, 0.61, 10.58}, {1, 1, 1, 1},
		{0.5, 50, 2, 0.5}, {0.5, 0.5, 2, 50}, {3, 0.01, 0.1, 100},
	} {
		g := make([]float64, 4)
		d.ll(p, g)
		for i := range p {
			h := 1e-6 * p[i]
			pp := append([]float64(nil), p...)
			pm := append([]float64(nil), p...)
			pp[i] += h
			pm[i] -= h
			num := (d.ll(pp, nil) - d.ll(pm, nil)) / (2 * h)
			if math.Abs(num-g[i]) > 1e-5*math.Max(1, math.Abs(num)) {
				t.Errorf("p = %v: ∂LL/∂p%d analytic %.10g, numeric %.10g", p, i, g[i], num)
			}
		}
	}
}
