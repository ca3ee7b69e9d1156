package btyd

import (
	"fmt"
	"math"
)

// ProbPurchases returns P(X(n) = x), the probability that a new customer
// transacts at exactly x of the first n opportunities after the first
// (FHS 2010, eq. 8):
//
//	P(X(n) = x) = C(n, x) B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
//	            + Σ_{i=x}^{n−1} C(i, x) B(α+x, β+i−x)/B(α,β) · B(γ+1, δ+i)/B(γ,δ)
//
// summed in log space; multiplied by a cohort's size it gives the expected
// number of customers at each frequency. The cost is O(n − x), with n at
// most [BGBBMaxPeriods]. It returns an error wrapping [ErrInvalid] for
// invalid parameters, n outside [0, BGBBMaxPeriods] or x outside [0, n].
func (m BGBB) ProbPurchases(x, n int) (float64, error) {
	if err := m.check(); err != nil {
		return math.NaN(), err
	}
	if n < 0 || n > BGBBMaxPeriods {
		return math.NaN(), fmt.Errorf("btyd: BG/BB ProbPurchases: n = %d outside [0, %d]: %w", n, BGBBMaxPeriods, ErrInvalid)
	}
	if x < 0 || x > n {
		return math.NaN(), fmt.Errorf("btyd: BG/BB ProbPurchases: x = %d outside [0, n = %d]: %w", x, n, ErrInvalid)
	}
	a, b, c, d := m.Alpha, m.Beta, m.Gamma, m.Delta
	fx, fn := float64(x), float64(n)
	lnB0 := lnBeta(a, b) + lnBeta(c, d)
	first := lnChoose(fn, fx) + lnBeta(a+fx, b+fn-fx) + lnBeta(c, d+fn) - lnB0
	// The terms i = x … n−1, by their ratios: term(i+1)/term(i) =
	// (i+1)/(i+1−x) · (β+i−x)/(α+β+i) · (δ+i)/(γ+δ+1+i).
	terms := make([]float64, 0, n-x+1)
	terms = append(terms, first)
	t := lnBeta(a+fx, b) + lnBeta(c+1, d+fx) - lnB0 // C(x, x) = 1
	for i := x; i < n; i++ {
		terms = append(terms, t)
		fi := float64(i)
		t += math.Log((fi+1)/(fi+1-fx)) + math.Log((b+fi-fx)/(a+b+fi)) + math.Log((d+fi)/(c+d+1+fi))
	}
	mx := math.Inf(-1)
	for _, v := range terms {
		mx = math.Max(mx, v)
	}
	var s float64
	for _, v := range terms {
		s += math.Exp(v - mx)
	}
	return clamp01(math.Exp(mx + math.Log(s))), nil
}

// lnChoose returns ln C(n, k) for 0 ≤ k ≤ n.
func lnChoose(n, k float64) float64 {
	a, _ := math.Lgamma(n + 1)
	b, _ := math.Lgamma(k + 1)
	c, _ := math.Lgamma(n - k + 1)
	return a - b - c
}
