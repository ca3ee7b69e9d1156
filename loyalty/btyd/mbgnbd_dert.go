package btyd

import "math"

// DiscountedResidualPurchases returns DERT, the discounted expected
// residual transactions of a customer with history s: the present value
// at T of the purchases the customer will make from T on, with a
// discount rate d per time unit (a fraction: 0.1 for 10%), continuously
// compounded at δ = ln(1 + d), as for [ParetoNBD.DiscountedResidualPurchases]
// (the quantity Fader, Hardie & Shang 2010 and Fader, Hardie & Lee 2005,
// "RFM and CLV", define):
//
//	DERT = ∫₀^∞ e^{−δu} dE[Y(u) | x, t_x, T]
//	     = P(alive) · E[λ/(δ + λp)],  λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1)
//	     = P(alive) · (r+x)/(δ(α+T)) · E[z·e^z·E_{r+x+1}(z)],  z = δ(α+T)/p
//
// where P(alive) is [MBGNBD.ProbAlive] and E_ν the generalised
// exponential integral. It is the BG/NBD's form (see
// [BGNBD.DiscountedResidualPurchases], computed the same way, to about
// 1e-12 relative) with the posterior of [MBGNBD.ConditionalPurchases]:
// a customer alive at T survived x+1 dropout chances. This derivation
// from the model's assumptions (Batislam, Denizel & Filiztekin 2007) is
// the library's own.
//
// Special cases are:
//
//	DiscountedResidualPurchases(d, s) = NaN for d outside [MinDiscount,
//	    MaxDiscount] or NaN, an invalid history, or a parameter outside
//	    [MinParam, MaxParam]
func (m MBGNBD) DiscountedResidualPurchases(d float64, s Summary) float64 {
	if !m.inDomain() || !validHistory(s) || !(d >= MinDiscount && d <= MaxDiscount) {
		return math.NaN()
	}
	alive := m.ProbAlive(s)
	if alive == 0 {
		return 0
	}
	fx := float64(s.Frequency)
	return alive * discountedPurchasesAlive(m.R+fx, m.Alpha+s.T, m.A, m.B+fx+1, math.Log1p(d))
}
