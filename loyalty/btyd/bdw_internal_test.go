package btyd

import (
	"math"
	"testing"
)

// The BdW log-likelihood's analytic gradient against central differences
// of the log-likelihood, including c large enough that t^c overflows.
func TestBdWGradient(t *testing.T) {
	s := []int64{1000, 869, 743, 653, 593, 551, 517, 491}
	lost := make([]float64, len(s))
	for i := 1; i < len(s); i++ {
		lost[i] = float64(s[i-1] - s[i])
	}
	last := float64(s[len(s)-1])
	for _, m := range []BdW{{0.2, 1.4, 1.7}, {0.7, 1.2, 1}, {3, 0.5, 0.2}, {0.5, 2, 380}, {1e-3, 1e3, 1}} {
		g := make([]float64, 3)
		v := bdwLL(m, lost, last, g)
		p := []float64{m.Alpha, m.Beta, m.C}
		for i := range p {
			h := 1e-6 * p[i]
			up, dn := append([]float64(nil), p...), append([]float64(nil), p...)
			up[i] += h
			dn[i] -= h
			d := (bdwLL(BdW{up[0], up[1], up[2]}, lost, last, nil) - bdwLL(BdW{dn[0], dn[1], dn[2]}, lost, last, nil)) / (2 * h)
			if math.Abs(g[i]-d) > 1e-5*math.Max(1, math.Abs(d)) {
				t.Errorf("%+v (LL %v): ∂/∂p%d = %.10g, differences %.10g", m, v, i, g[i], d)
			}
		}
	}
}
