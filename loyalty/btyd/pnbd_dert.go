package btyd

import "math"

// DiscountedResidualPurchases returns DERT, the discounted expected
// residual transactions of a customer with history s: the present value
// at T of the purchases the customer will make from T on, with a
// discount rate d per time unit (a fraction: 0.1 for 10%), continuously
// compounded at δ = ln(1 + d) (Fader, Hardie & Lee 2005, "RFM and CLV:
// using iso-value curves for customer base analysis", Journal of
// Marketing Research 42(4), eq. 2):
//
//	DERT = α^r β^s δ^{s−1} Γ(r+x+1) Ψ(s, s; δ(β+T)) / (Γ(r) (α+T)^{r+x+1} L)
//
// with Ψ the confluent hypergeometric function of the second kind and L
// the customer's likelihood. It is computed as the product it comes
// from,
//
//	DERT = P(alive) · (r+x)/(α+T) · ∫₀^∞ e^{−δu} ((β+T)/(β+T+u))^s du
//
// (alive at T, the customer buys at the posterior mean rate and survives
// a further u with probability ((β+T)/(β+T+u))^s), the integral by
// adaptive Gauss–Kronrod quadrature in ln u, where its integrand is
// log-concave, to a relative 10⁻¹².
//
// Special cases are:
//
//	DiscountedResidualPurchases(d, s) = NaN for d outside [MinDiscount,
//	    MaxDiscount] or NaN, an invalid history, or a parameter outside
//	    [MinParam, MaxParam]
func (m ParetoNBD) DiscountedResidualPurchases(d float64, s Summary) float64 {
	if !m.inDomain() || !validHistory(s) || !(d >= MinDiscount && d <= MaxDiscount) {
		return math.NaN()
	}
	alive := m.ProbAlive(s)
	if alive == 0 {
		return 0
	}
	delta := math.Log1p(d)
	b := m.Beta + s.T
	sh := m.S
	f := func(v float64) float64 {
		u := math.Exp(v)
		return v - delta*u - sh*math.Log1p(u/b)
	}
	slope := func(v float64) float64 {
		u := math.Exp(v)
		return 1 - delta*u - sh*u/(b+u)
	}
	// Below u = 1e-18·min(1/δ, b/(s+1)) the integrand (≈ 1) carries a
	// negligible share of the integral, which is at least of order
	// min(1/δ, b/(s+1))·e⁻¹; above u = 800/δ, e^{−δu} is below e⁻⁸⁰⁰.
	v0 := math.Log(1e-18 * math.Min(1/delta, b/(sh+1)))
	v1 := math.Log(800 / delta)
	integral := math.Exp(logConcaveQuad(f, slope, v0, v1, 1+sh+850))
	return alive * (m.R + float64(s.Frequency)) / (m.Alpha + s.T) * integral
}
