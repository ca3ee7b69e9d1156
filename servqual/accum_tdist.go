package servqual

import (
	"math"
	"sync/atomic"

	"gonum.org/v1/gonum/stat/distuv"
)

// tQuantile975 returns the 0.975 quantile of Student's t distribution
// with nu degrees of freedom (nu ≥ 1), the multiplier of a two-sided 95%
// confidence interval, without inverting the incomplete beta function
// (tens of microseconds per call) once per statistic of a report.
//
// For nu ≥ 1000 it is the Cornish–Fisher expansion in 1/nu of
// Abramowitz & Stegun (1964), formula 26.7.5, to the 1/nu⁴ term,
//
//	t = z + g₁(z)/ν + g₂(z)/ν² + g₃(z)/ν³ + g₄(z)/ν⁴,   z = Φ⁻¹(0.975),
//
// whose error there is below 4e-16 relative (checked against mpmath in
// the tests). For smaller integer nu the exact quantile is computed once
// and kept in a table (safe for concurrent use); other nu are computed
// each time.
func tQuantile975(nu float64) float64 {
	if nu >= 1000 {
		const (
			z  = 1.959963984540054
			z2 = z * z
		)
		g1 := (z2 + 1) * z / 4
		g2 := ((5*z2+16)*z2 + 3) * z / 96
		g3 := (((3*z2+19)*z2+17)*z2 - 15) * z / 384
		g4 := ((((79*z2+776)*z2+1482)*z2-1920)*z2 - 945) * z / 92160
		v := 1 / nu
		return z + v*(g1+v*(g2+v*(g3+v*g4)))
	}
	i := int(nu)
	if float64(i) != nu || i < 1 {
		return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: nu}.Quantile(0.975)
	}
	if b := tTable[i].Load(); b != 0 {
		return math.Float64frombits(b)
	}
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: nu}.Quantile(0.975)
	tTable[i].Store(math.Float64bits(q))
	return q
}

// tTable caches tQuantile975 for integer degrees of freedom below 1000
// (0 = not computed yet).
var tTable [1000]atomic.Uint64
