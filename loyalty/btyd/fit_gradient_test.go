package btyd

import (
	"math"
	"testing"
)

// The analytic gradients of the likelihoods agree with central
// differences of the likelihoods themselves (step 1e-6 relative, so the
// difference quotient is good to about 1e-8 of the gradient's scale),
// including frequencies above bgnbdSmallX, where the closed forms take
// over, and huge ones.
func TestFitGradients(t *testing.T) {
	check := func(name string, ll func(p []float64) float64, grad func(p, g []float64), p []float64) {
		t.Helper()
		g := make([]float64, len(p))
		grad(p, g)
		for i := range p {
			h := 1e-6 * p[i]
			pp := append([]float64(nil), p...)
			pp[i] = p[i] + h
			up := ll(pp)
			pp[i] = p[i] - h
			num := (up - ll(pp)) / (2 * h)
			scale := math.Max(1, math.Abs(ll(p))/p[i])
			if math.Abs(num-g[i]) > 1e-6*scale {
				t.Errorf("%s: ∂LL/∂p[%d] = %.12g, central difference %.12g", name, i, g[i], num)
			}
		}
	}
	for _, x := range []int{3, 64, 65, 100, 5000} {
		d, err := bgnbdPrepare([]Summary{{Frequency: x, Recency: 30, T: 39}, {Frequency: 1, Recency: 2, T: 39}, {T: 20}})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range [][]float64{{0.243, 4.414, 0.793, 2.426}, {5, 2, 1, 5}, {0.3, 40, 30, 0.2}} {
			check("BG/NBD", func(p []float64) float64 { return d.ll(p, nil) }, func(p, g []float64) { d.ll(p, g) }, p)
		}
	}
	fp := ggProblem([]float64{1, 2, 70, 1 << 20}, []float64{10, 22.5, 31, 1e6})
	for _, p := range [][]float64{{6.25, 3.74, 15.44}, {0.5, 30, 1e3}} {
		check("Gamma-Gamma", fp.ll, fp.grad, p)
	}
}
