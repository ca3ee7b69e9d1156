package btyd

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The BG/NBD purchase mean by the positive series agrees with the Beta
// mixture's quadrature (checked against mpmath in predict_bgnbd_test.go
// and predict_grid_test.go) to 10⁻¹² wherever the series is used, on
// random parameters over the whole domain; and r = 10⁻⁶ keeps its digits
// (r + (j−1), not (r + j) − 1). mpmath, 40 digits, the series summed
// to j = 200 (terms fall like 2^−j):
//
//	r=a=mpf('1e-6'); al=b=t=mpf('1e6'); c=t/al; q=1/(1+c); z=c/(1+c)
//	s=d=0; S=mpf(1); nb=q**r
//	for j in range(1,200):
//	    nb*=(r+j-1)/j*z; d+=S; S*=(b+j-1)/(a+b+j-1); s+=nb*d
//	→ 9.999999999994999998333338e-07
func TestPurchaseMeanSeries(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 11))
	used := 0
	for i := 0; i < 3000; i++ {
		r, al, a, b := math.Exp(6*rng.NormFloat64()), math.Exp(6*rng.NormFloat64()), math.Exp(4*rng.NormFloat64()), math.Exp(4*rng.NormFloat64())
		tt := math.Exp(5 * rng.NormFloat64())
		v, ok := purchaseMeanSeries(r, al, a, b, tt)
		if !ok {
			continue
		}
		used++
		c := tt / al
		q := betaMean(a, b, betaMixture{
			h: func(p, _ float64) float64 {
				if p == 0 {
					return r * c
				}
				return -math.Expm1(-r*math.Log1p(p*c)) / p
			},
			slope0:  (r + 1) * c / 2,
			slope1:  (r + 1) * c / (1 + c),
			feature: math.Min(1/c, 1),
		})
		if math.Abs(v-q) > 1e-12*q {
			t.Errorf("r=%g α=%g a=%g b=%g t=%g: series %.17g, quadrature %.17g", r, al, a, b, tt, v, q)
		}
	}
	if used < 1000 {
		t.Errorf("the series applied to %d points of 3000", used)
	}
	if v, ok := purchaseMeanSeries(1e-6, 1e6, 1e-6, 1e6, 1e6); !ok || math.Abs(v-9.999999999994999998333338e-07) > 1e-13*v {
		t.Errorf("r = 1e-6: %.17g, %v", v, ok)
	}
}
