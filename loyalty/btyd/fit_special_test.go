package btyd

import (
	"math"
	"testing"
)

// Reference values by mpmath 1.2.1 at 40 digits:
//
//	import mpmath as mp; mp.mp.dps = 40
//	for z, h in cases:
//	    print(z, h, mp.loggamma(mp.mpf(z)+h) - mp.loggamma(z),
//	          mp.digamma(mp.mpf(z)+h) - mp.digamma(z))
func TestFitLnGammaRatioPsiDiff(t *testing.T) {
	for _, c := range []struct{ z, h, lg, psi float64 }{
		{0.24, 1, -1.4271163556401457854, 4.1666666666666668209},
		{0.24, 65, 204.83746834642114138, 8.5765495351799825723},
		{0.24, 35184372088832.0, 1062273302002726.5264, 35.59778347099013516},
		{20, 0.001, 0.0029705496272156075375, 0.00005126950891889594195},
		{20, 0.5, 1.4916167873313040736, 0.025312402465497531231},
		{25.3, 1000000.0, 12815798.35569093703, 10.60462397747426497},
		{35184372088834.4, 0.79, 24.641382268906108353, 2.245315045001770331e-14},
		{100, 3, 13.8452635161136219, 0.02970491166763735197},
		{10000000000.0, 0.5, 11.51292546495772842, 5.000000000125e-11},
		{3.5, 0.001, 0.0011033218014922135645, 0.00033030366578922303626},
		{0.01, 1000, 5900.6900159331205197, 107.46815065846910144},
	} {
		// Below z = 20 the value is a difference of math.Lgamma values of
		// size up to ~40, so the bound there is absolute (1e-13).
		tol := 1e-13
		if c.z >= 20 {
			tol = 1e-13 * math.Abs(c.lg)
		}
		if got := fitLnGammaRatio(c.z, c.h); math.Abs(got-c.lg) > math.Max(tol, 1e-15*math.Abs(c.lg)) {
			t.Errorf("lnΓ(%v+%v) − lnΓ(%v) = %.17g, want %.17g", c.z, c.h, c.z, got, c.lg)
		}
		tol = 1e-13
		if c.z >= 20 {
			tol = 1e-12 * math.Abs(c.psi)
		}
		if got := fitPsiDiff(c.z, c.h); math.Abs(got-c.psi) > tol {
			t.Errorf("ψ(%v+%v) − ψ(%v) = %.17g, want %.17g", c.z, c.h, c.z, got, c.psi)
		}
	}
}
