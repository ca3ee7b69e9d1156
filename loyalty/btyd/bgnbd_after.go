package btyd

import "math"

// ProbAliveAfter returns the probability that a customer with history s
// is still alive t time units after T, the end of the history, not
// knowing what the customer bought since:
//
//	P(alive at T+t) = P(alive at T) · ₂F₁(r+x, a; a+b+x; −t/(α+T))
//	                = P(alive at T) · E[((α+T)/(α+T+pt))^{r+x}],  p ~ Beta(a, b+x)
//
// A BG/NBD customer drops out only right after a purchase, with
// probability p, so a customer alive at T with purchase rate λ survives
// a further t with probability e^{−λpt}. Given the history and alive at
// T, λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x) (the x dropout chances
// survived), independently, as in Fader, Hardie & Lee (2005), eq. 10;
// averaging e^{−λpt} over λ gives the second form, and over p too the
// first (its Euler integral). This derivation from the model's
// assumptions is the library's own. The second form is summed as the
// positive series Σ_k NB(k)·(b+x)_k/(a+b+x)_k, NB the negative binomial
// with shape r+x and success probability (α+T)/(α+T+t) (the Pfaff
// transform of the first), where it takes at most 1,000 terms (under a
// microsecond at the CDNOW estimates), and otherwise computed as the
// Beta mixture of a positive integrand bounded by 1 by the quadrature of
// [BGNBD.ExpectedPurchases], as [MBGNBD.ProbAliveAfter] is (tens of
// microseconds; tens of milliseconds when a and b are both near
// MaxParam); either way to about 1e-13 relative. P(alive) at a future date is
// what a retention campaign planned for then needs; it falls with t
// towards 0.
//
// Special cases are:
//
//	ProbAliveAfter(0, s) = ProbAlive(s) for a valid s
//	ProbAliveAfter(t, s) = NaN for t outside [0, MaxTime] or NaN, an
//	    invalid history, or a parameter outside [MinParam, MaxParam]
func (m BGNBD) ProbAliveAfter(t float64, s Summary) float64 {
	if !m.inDomain() || !validHistory(s) || !validTime(t) {
		return math.NaN()
	}
	alive := m.ProbAlive(s)
	if t == 0 || alive == 0 {
		return alive
	}
	fx := float64(s.Frequency)
	return alive * survivalAfter(m.R+fx, m.Alpha+s.T, m.A, m.B+fx, t)
}

// survivalAfter returns E[(1 + p·t/A)^{−R}] for p ~ Beta(a, b): the
// probability that a customer alive now, with purchase rate Gamma(R, A)
// and dropout probability Beta(a, b) after each purchase, is still alive
// t time units later. It is summed as the positive series of
// survivalSeries where that takes at most purchaseSeriesMaxTerms terms
// (under a microsecond at the CDNOW estimates) and computed by betaMean
// (tens of microseconds) elsewhere.
func survivalAfter(rx, A, a, b, t float64) float64 {
	c := t / A
	if v, ok := survivalSeries(rx, c, a, b); ok {
		return math.Min(v, 1)
	}
	surv := betaMean(a, b, betaMixture{
		h: func(p, _ float64) float64 {
			return math.Exp(-rx * math.Log1p(p*c))
		},
		slope0:  rx * c,
		slope1:  rx * c / (1 + c),
		feature: math.Min(1/c, 1),
	})
	return math.Min(surv, 1)
}

// survivalSeries returns E[(1 + p·c)^{−R}], p ~ Beta(a, b), by the series
//
//	Σ_{k≥0} NB(k) · (b)_k/(a+b)_k,   NB(k) = (R)_k/k! · q^R z^k,
//
// q = 1/(1+c), z = c/(1+c): since 1 + pc = (1+c)(1 − z(1−p)), the
// integrand is q^R Σ_k (R)_k/k! (z(1−p))^k, and E[(1−p)^k] = (b)_k/(a+b)_k
// (the Pfaff transform of ₂F₁(R, a; a+b; −c)). Every term is positive;
// beyond term k+1 the ratio of successive terms is below ρ = (R+k+1)z/(k+1), and
// the sum stops when the rest, bounded by a geometric series, is below
// 10⁻¹⁷ of it. ok is false (the caller integrates instead) when q^R
// underflows or the series would take more than purchaseSeriesMaxTerms
// terms.
func survivalSeries(R, c, a, b float64) (float64, bool) {
	lq := -math.Log1p(c)
	if R*lq < -600 || math.IsInf(c, 0) || math.IsNaN(c) {
		return 0, false
	}
	z := c / (1 + c)
	term := math.Exp(R * lq) // NB(0)·1
	sum := term
	nb, s := term, 1.0
	for k := 0; k < purchaseSeriesMaxTerms; k++ {
		fk := float64(k)
		nb *= (R + fk) / (fk + 1) * z
		s *= (b + fk) / (a + b + fk)
		term = nb * s
		sum += term
		if rho := (R + fk + 1) * z / (fk + 1); rho < 1 && term*rho <= 1e-17*sum*(1-rho) {
			return sum, true
		}
		if term == 0 {
			return sum, true
		}
	}
	return 0, false
}
