package servqual

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestTQuantile975 checks the 0.975 quantile of Student's t against
// values computed independently with mpmath 1.2.1 at 40 digits, solving
// the CDF by root finding:
//
//	import mpmath as mp; mp.mp.dps = 40
//	def q(nu):
//	    nu = mp.mpf(nu)
//	    f = lambda t: 1 - mp.betainc(nu/2, mp.mpf(1)/2, 0, nu/(nu+t*t), regularized=True)/2 - mp.mpf('0.975')
//	    return mp.findroot(f, 2)
//
// (SciPy's t.ppf is no reference here: from about 40 degrees of freedom
// on it uses the same kind of expansion.)
func TestTQuantile975(t *testing.T) {
	// Gonum's quantile (below 1000) is good to about 1e-14, the
	// expansion to 1 ulp.
	for _, tt := range []struct{ nu, q, tol float64 }{
		{30, 2.04227245630123831, 1e-13},
		{200, 1.9718962236339093822, 1e-13},
		{1000, 1.962339080826408485, 1e-15},
		{10000, 1.9602012398906262578, 1e-15},
		{1e6, 1.9599663568141070353, 1e-15},
		{3e6, 1.9599647752974446128, 1e-15},
		{math.Inf(1), 1.9599639845400542355, 1e-15},
	} {
		if got := tQuantile975(tt.nu); math.Abs(got-tt.q) > tt.tol*tt.q {
			t.Errorf("nu=%v: got %.17g, want %.17g", tt.nu, got, tt.q)
		}
	}
	// Below 1000 it is gonum's quantile, cached or not.
	for _, nu := range []float64{1, 2, 9, 99, 999, 2.5, 999.5} {
		want := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: nu}.Quantile(0.975)
		for range 2 {
			if got := tQuantile975(nu); got != want {
				t.Errorf("nu=%v: got %.17g, want %.17g", nu, got, want)
			}
		}
	}
}

func BenchmarkTQuantile975(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkQ += tQuantile975(float64(1000 + i%1000000))
	}
}

var sinkQ float64
