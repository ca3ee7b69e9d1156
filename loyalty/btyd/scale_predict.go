package btyd

import "math"

// purchaseSeriesMaxTerms bounds the terms of purchaseMeanSeries: beyond,
// the quadrature of purchaseMean is the cheaper.
const purchaseSeriesMaxTerms = 1000

// purchaseMeanSeries returns purchaseMean(r, α, a, b, t) by the series
//
//	E[X(t)] = Σ_{j≥1} NB(j) · D_j,   D_j = Σ_{i<j} (b)ᵢ/(a+b)ᵢ,
//
// NB(j) = (r)_j/j! · q^r z^j, q = α/(α+t), z = t/(α+t), the negative
// binomial distribution of the purchases of a customer who never drops
// out. It is the model's own decomposition (Fader, Hardie & Lee 2005,
// §2): given the purchase rate and the dropout probability p, the number
// of purchases is min(N, K) with N Poisson and P(K ≥ k) = (1−p)^{k−1},
// so E[X(t)] = Σ_{k≥1} P(N ≥ k) E[(1−p)^{k−1}], and E[(1−p)^i] =
// (b)ᵢ/(a+b)ᵢ; summed by j it is the hypergeometric closed form
// (a+b−1)/(a−1)·[1 − q^r ₂F₁(r, b; a+b−1; z)] rewritten with
// 1 = Σ_j NB(j), term by term, so that every term is positive and
// nothing cancels — for every a and b, a = 1 included. The terms fall
// like ((r+j)z/j)^j beyond the mode; the sum stops when the rest, bounded
// by a geometric series, is below 10⁻¹⁷ of it. ok is false (the caller
// integrates instead) when q^r underflows or the series would take more
// than purchaseSeriesMaxTerms terms; the recurrences then lose at most
// about 10⁻¹³.
func purchaseMeanSeries(r, alpha, a, b, t float64) (float64, bool) {
	c := t / alpha
	lq := -math.Log1p(c)
	if r*lq < -600 || math.IsInf(c, 0) || math.IsNaN(c) {
		return 0, false
	}
	z := c / (1 + c)
	nb := math.Exp(r * lq) // NB(0)
	var sum, d float64
	s := 1.0 // (b)ᵢ/(a+b)ᵢ at i = j−1
	for j := 1; j <= purchaseSeriesMaxTerms; j++ {
		fj := float64(j)
		// r + (j−1), not (r + j) − 1, which would lose the digits of a
		// small r.
		nb *= (r + (fj - 1)) / fj * z
		d += s
		s *= (b + (fj - 1)) / (a + b + (fj - 1))
		term := nb * d
		sum += term
		// Beyond j the ratio of successive terms is below
		// ρ = (r+j)z/(j+1) · (j+1)/j.
		if rho := (r + fj) * z / fj; rho < 1 && term*rho <= 1e-17*sum*(1-rho) {
			return sum, true
		}
		if nb == 0 && sum > 0 {
			return sum, true
		}
	}
	return 0, false
}
