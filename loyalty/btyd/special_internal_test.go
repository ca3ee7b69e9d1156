package btyd

import (
	"math"
	"testing"
)

func relErrInternal(got, want float64) float64 {
	return math.Abs(got-want) / math.Abs(want)
}

// Each branch of lnGammaRatio against mpmath 1.2.1 (40 digits),
// loggamma(x+s) − loggamma(x): both arguments below 10, x below and x+s
// above, the reverse, both above, and extreme shifts.
func TestLnGammaRatio(t *testing.T) {
	for _, c := range []struct{ x, s, want, tol float64 }{
		{0.5, 3.2, 0.85570738374068804, 1e-15},
		{3, 40, 117.07873421918513, 1e-15},
		{40, -35, -103.45370643029551, 1e-15},
		{25, 30, 109.53538286508286, 1e-15},
		{1e-8, 1e8, 1742068047.6831542, 1e-15},
		{5e7, 0.2426, 4.3006996406415489, 1e-15},
		{1e18, 1000, 41446.531673892823, 1e-15},
		{2, -1 + 1e-8, -5.7721565957723225e-9, 1e-7}, // y = 1 + 1e-8 rounded: the input, not the method, limits it
	} {
		if got := lnGammaRatio(c.x, c.s); relErrInternal(got, c.want) > c.tol {
			t.Errorf("lnGammaRatio(%v, %v) = %.17g, want %.17g", c.x, c.s, got, c.want)
		}
	}
	if lnGammaRatio(7, 0) != 0 {
		t.Error("zero shift")
	}
}

// nbTail's two continued fractions against mpmath's betainc(n, r, 0, z,
// regularized=True), 40 digits; the n = 5e7 cases are in
// TestBGNBDPredictionsAccurate.
func TestNBTail(t *testing.T) {
	for _, c := range []struct{ n, r, t, alpha, want float64 }{
		{3, 2.5, 2, 1, 0.70419708430408063},       // complement branch
		{40, 0.5, 10, 4, 2.3097928868463167e-7},   // direct branch, small tail
		{1, 0.01, 1e4, 0.01, 0.12903641875355087}, // z within 1e-6 of 1
	} {
		z, q := c.t/(c.alpha+c.t), c.alpha/(c.alpha+c.t)
		lz, lq := -math.Log1p(c.alpha/c.t), -math.Log1p(c.t/c.alpha)
		if got := nbTail(c.n, c.r, z, q, lz, lq); relErrInternal(got, c.want) > 1e-13 {
			t.Errorf("nbTail(%v, %v, t = %v, α = %v) = %.17g, want %.17g", c.n, c.r, c.t, c.alpha, got, c.want)
		}
	}
}

// betaMean against the Beta distribution's moments, by hand: E[1] = 1,
// E[p] = a/(a+b), E[1−p] = b/(a+b), E[p(1−p)] = ab/((a+b)(a+b+1)), over
// shapes from 1e-8 to 1e8, peaks at either end, in the middle and just
// past ½.
func TestBetaMeanMoments(t *testing.T) {
	shapes := []float64{1e-8, 1e-3, 0.5, 1, 2.5, 1000, 1e8}
	for _, a := range shapes {
		for _, b := range shapes {
			for _, c := range []struct {
				name string
				h    func(p, q float64) float64
				want float64
			}{
				{"1", func(p, q float64) float64 { return 1 }, 1},
				{"p", func(p, q float64) float64 { return p }, a / (a + b)},
				{"1−p", func(p, q float64) float64 { return q }, b / (a + b)},
				{"p(1−p)", func(p, q float64) float64 { return p * q }, a / (a + b) * b / (a + b + 1)},
			} {
				got := betaMean(a, b, betaMixture{h: c.h, slope0: 1, slope1: 1})
				if relErrInternal(got, c.want) > 1e-12 {
					t.Errorf("Beta(%v, %v): E[%s] = %.17g, want %.17g", a, b, c.name, got, c.want)
				}
			}
		}
	}
	if got := betaMean(1e8, 1e8-0.5, betaMixture{h: func(p, q float64) float64 { return p }, slope0: 1, slope1: 1}); relErrInternal(got, 1e8/(2e8-0.5)) > 1e-12 {
		t.Errorf("peak just past ½: %v", got)
	}
}
