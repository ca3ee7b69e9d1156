package btyd

import "math"

// expm1Ratio returns (1 − e^{−y·L})/y for L ≥ 0: L at y = 0, computed
// without cancellation near y = 0 and without overflow for y < 0.
func expm1Ratio(y, l float64) float64 {
	if v := y * l; math.Abs(v) < 1e-8 {
		return l * (1 - v/2)
	}
	return -math.Expm1(-y*l) / y
}

// ExpectedPurchases returns E[X(t)], the expected number of purchases of
// a new customer in (0, t] (Schmittlein, Morrison & Colombo 1987; Fader &
// Hardie 2005 note, eq. 17):
//
//	E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^{s−1}]
//
// computed as (r/α)·β·(1 − e^{−(s−1)L})/(s−1), L = ln(1 + t/β), which is
// (r/α)·β·L at s = 1 and loses no precision near it.
//
// Special cases are:
//
//	ExpectedPurchases(0) = 0
//	ExpectedPurchases(t) = NaN for t outside [0, MaxTime] or NaN, or a
//	    parameter outside [MinParam, MaxParam] or NaN
func (m ParetoNBD) ExpectedPurchases(t float64) float64 {
	if !m.inDomain() || !validTime(t) {
		return math.NaN()
	}
	return m.R / m.Alpha * m.Beta * expm1Ratio(m.S-1, math.Log1p(t/m.Beta))
}

// aliveTerms returns the logarithms of the two terms of the likelihood
// bracket of history s (pnbdTerms): alive at T, and died in (t_x, T].
func (m ParetoNBD) aliveTerms(s Summary) (a1, a2 float64) {
	return pnbdTerms(m.R, m.Alpha, m.S, m.Beta, float64(s.Frequency), s.Recency, s.T, nil, nil)
}

// ProbAlive returns the probability that a customer with history s is
// still alive at T (Schmittlein, Morrison & Colombo 1987; Fader & Hardie
// 2005 note, eq. 21):
//
//	P(alive) = 1 / (1 + s/(r+s+x) · (α+T)^{r+x} (β+T)^s · A₀)
//
// the share of the likelihood's first term, "alive at T", in its
// bracket (see [ParetoNBD.LogLikelihood]); it is computed from the
// logarithms of the two terms as a logistic function, so that it neither
// overflows nor loses precision.
//
// Special cases are:
//
//	ProbAlive(s) = 1 for s.Recency = s.T (a purchase at T)
//	ProbAlive(s) = NaN for an invalid history, or a parameter outside
//	    [MinParam, MaxParam] or NaN
func (m ParetoNBD) ProbAlive(s Summary) float64 {
	if !m.inDomain() || !validHistory(s) {
		return math.NaN()
	}
	a1, a2 := m.aliveTerms(s)
	if math.IsInf(a2, -1) {
		return 1
	}
	// 1/(1 + eᵈ) = exp(−ln(1 + eᵈ)), d = a₂ − a₁, which keeps its
	// relative precision down to the subnormal numbers.
	d := a2 - a1
	if d > 0 {
		return math.Exp(-d - math.Log1p(math.Exp(-d)))
	}
	return 1 / (1 + math.Exp(d))
}

// ProbAliveAfter returns the probability that a customer with history s,
// observed up to T, is still alive t time units later, at T + t:
//
//	P(alive at T+t | x, t_x, T) = P(alive at T) · (β+T)^s / (β+T+t)^s
//
// since a customer alive at T has dropout rate μ ~ Gamma(s, β+T), and
// survives a further t with probability E[e^{−μt}] (the posterior used
// by Fader & Hardie 2005 note, eq. 22).
//
// Special cases are:
//
//	ProbAliveAfter(0, s) = ProbAlive(s)
//	ProbAliveAfter(t, s) = NaN for t outside [0, MaxTime] or NaN, an
//	    invalid history, or a parameter outside [MinParam, MaxParam]
func (m ParetoNBD) ProbAliveAfter(t float64, s Summary) float64 {
	if !m.inDomain() || !validHistory(s) || !validTime(t) {
		return math.NaN()
	}
	return m.ProbAlive(s) * math.Exp(-m.S*math.Log1p(t/(m.Beta+s.T)))
}

// ConditionalPurchases returns E[Y(t) | x, t_x, T], the expected number of
// purchases in the next t time units of a customer with history s
// (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005 note,
// eq. 22):
//
//	(r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^{s−1}] · P(alive)
//
// where P(alive) is [ParetoNBD.ProbAlive]; the bracket over s − 1 is
// computed like [ParetoNBD.ExpectedPurchases], without cancellation at
// s = 1.
//
// Special cases are:
//
//	ConditionalPurchases(0, s) = 0 for a valid s
//	ConditionalPurchases(t, s) = NaN for t outside [0, MaxTime] or NaN,
//	    an invalid history, or a parameter outside [MinParam, MaxParam]
func (m ParetoNBD) ConditionalPurchases(t float64, s Summary) float64 {
	if !m.inDomain() || !validHistory(s) || !validTime(t) {
		return math.NaN()
	}
	alive := m.ProbAlive(s)
	if t == 0 || alive == 0 {
		return 0
	}
	fx := float64(s.Frequency)
	bT := m.Beta + s.T
	return alive * (m.R + fx) / (m.Alpha + s.T) * bT * expm1Ratio(m.S-1, math.Log1p(t/bT))
}
