package btyd

import (
	"math"
	"testing"
)

// TestSurvivalSeriesQuadAgree checks that survivalSeries and the
// quadrature it stands in for agree to 1e-12 relative wherever the
// series is used.
func TestSurvivalSeriesQuadAgree(t *testing.T) {
	n := 0
	for _, R := range []float64{1e-8, 0.243, 1, 2.243, 50, 202.243} {
		for _, c := range []float64{1e-12, 1e-3, 0.3, 1.2, 10, 100} {
			for _, ab := range [][2]float64{{0.793, 2.426}, {0.793, 202.426}, {3.5, 0.3}, {1e-8, 1e8}, {1e8, 1e-8}, {1, 1}} {
				s, ok := survivalSeries(R, c, ab[0], ab[1])
				if !ok {
					continue
				}
				n++
				rx := R
				q := betaMean(ab[0], ab[1], betaMixture{
					h:       func(p, _ float64) float64 { return math.Exp(-rx * math.Log1p(p*c)) },
					slope0:  rx * c,
					slope1:  rx * c / (1 + c),
					feature: math.Min(1/c, 1),
				})
				if math.Abs(s-q) > 1e-12*q {
					t.Errorf("R=%v c=%v a,b=%v: series %.17g, quadrature %.17g", R, c, ab, s, q)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("series used in %d cases only", n)
	}
}
