package btyd

import (
	"fmt"
	"math"
)

// BGBBMinDiscount is the smallest discount rate per opportunity that
// [BGBB.DiscountedResidualPurchases] accepts: its series needs about
// 40/d terms.
const BGBBMinDiscount = 1e-3

// DiscountedResidualPurchases returns DERT, the discounted expected
// residual transactions of a customer with history (x, t_x, n) from
// opportunity n+1 on, the transaction at n+k discounted by (1+d)^−k, d the
// discount rate per opportunity (a fraction: 0.1 for 10% a year) — FHS
// 2010, eq. 14:
//
//	DERT = B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n+1)/((1+d) B(γ,δ))
//	       · ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L(α, β, γ, δ | x, t_x, n)
//
// computed as P(alive at n | x, t_x, n) · (α+x)/(α+β+n) · Σ_{k≥1}
// (δ+n)_k/(γ+δ+n)_k (1+d)^−k, the series summed until its remaining
// terms, bounded by a geometric series of ratio 1/(1+d), fall below
// 10⁻¹⁶ of the sum. It returns an error wrapping [ErrInvalid] for
// invalid parameters, an invalid history (see [BGBB.ProbAlive]) or d
// outside [[BGBBMinDiscount], [MaxDiscount]] or NaN.
func (m BGBB) DiscountedResidualPurchases(d float64, x, tx, n int) (float64, error) {
	if err := m.checkHistory("DiscountedResidualPurchases", x, tx, n); err != nil {
		return math.NaN(), err
	}
	if !(d >= BGBBMinDiscount && d <= MaxDiscount) {
		return math.NaN(), fmt.Errorf("btyd: BG/BB DiscountedResidualPurchases: discount rate d = %v outside [%g, %g] (a fraction per opportunity): %w",
			d, BGBBMinDiscount, MaxDiscount, ErrInvalid)
	}
	lnL, lnA := m.lnLik(x, tx, n, 0, nil)
	fn := float64(n)
	alive := clamp01(math.Exp(lnA - lnL))
	c, z := m.Delta+fn, 1/(1+d)
	var s float64
	term := 1.0
	for k := 0; k < 1<<20; k++ {
		fk := float64(k)
		term *= (c + fk) / (m.Gamma + c + fk) * z
		s += term
		if term <= 1e-16*d*s {
			break
		}
	}
	return alive * (m.Alpha + float64(x)) / (m.Alpha + m.Beta + fn) * s, nil
}
