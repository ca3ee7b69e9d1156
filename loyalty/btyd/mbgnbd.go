package btyd

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// MBGNBD holds the parameters of the modified beta-geometric/negative
// binomial distribution model (MBG/NBD) of Batislam, Denizel &
// Filiztekin (2007), "Empirical validation and comparison of models for
// customer base analysis", International Journal of Research in
// Marketing 24(3). It is the BG/NBD ([BGNBD]) with one change: a
// customer may drop out right after the first purchase too, at time 0,
// not only after each repeat purchase. While alive a customer buys as a
// Poisson process with rate λ ~ Gamma(R, Alpha); right after the first
// purchase and after each repeat purchase the customer drops out with
// probability p ~ Beta(A, B). So a customer without repeat purchases may
// be inactive: unlike the BG/NBD's, the MBG/NBD's probability of being
// alive is below 1 for x = 0 and falls with the customer's age.
// Time is in the unit of the data it was fitted to.
//
// MBGNBD is a plain value: its methods do not modify it and may be
// called concurrently. The prediction methods have the names, the
// domain and the NaN rules of the BG/NBD's (see [BGNBD]): they return
// NaN for arguments outside their domain, as listed under "Special
// cases" in each, and a finite value ≥ 0 otherwise. The domain is r, α,
// a, b in [MinParam, MaxParam], times in [0, MaxTime] and x ≤
// MaxFrequency; a history must be valid (0 ≤ t_x ≤ T, t_x > 0 exactly
// when x > 0), and T = 0 is allowed for a customer whose first purchase
// ends the calibration period.
type MBGNBD struct {
	// R is the shape of the purchase-rate distribution.
	R float64 `json:"r"`
	// Alpha is its scale (rate) parameter, in time units.
	Alpha float64 `json:"alpha"`
	// A is the first shape of the dropout-probability distribution.
	A float64 `json:"a"`
	// B is its second shape.
	B float64 `json:"b"`
}

// MBGNBDFit is a fitted MBG/NBD model with its fit report; StdErr is in
// the order R, Alpha, A, B.
type MBGNBDFit struct {
	MBGNBD
	FitInfo
}

// MarshalJSON encodes m, NaN and ±Inf as null.
func (m MBGNBD) MarshalJSON() ([]byte, error) { type plain MBGNBD; return nanjson.Marshal(plain(m)) }

// UnmarshalJSON decodes m, null as NaN.
func (m *MBGNBD) UnmarshalJSON(b []byte) error {
	type plain MBGNBD
	return nanjson.Unmarshal(b, (*plain)(m))
}

// MarshalJSON encodes f as one object holding the model's parameters and
// the fields of its FitInfo, NaN and ±Inf as null.
func (f MBGNBDFit) MarshalJSON() ([]byte, error) {
	type plain MBGNBDFit
	return nanjson.Marshal(plain(f))
}

// UnmarshalJSON decodes f, null as NaN.
func (f *MBGNBDFit) UnmarshalJSON(b []byte) error {
	type plain MBGNBDFit
	return nanjson.Unmarshal(b, (*plain)(f))
}

func (m MBGNBD) check() error {
	for _, p := range []struct {
		name string
		v    float64
	}{{"r", m.R}, {"alpha", m.Alpha}, {"a", m.A}, {"b", m.B}} {
		if !(p.v > 0) || math.IsInf(p.v, 1) {
			return fmt.Errorf("btyd: MBG/NBD parameter %s = %v, want finite and > 0: %w", p.name, p.v, ErrInvalid)
		}
	}
	return nil
}

// inDomain reports whether every parameter is in [MinParam, MaxParam].
func (m MBGNBD) inDomain() bool {
	return BGNBD(m).inDomain()
}

// ExpectedPurchases returns E[X(t)], the expected number of purchases of
// a new customer in (0, t] (Batislam, Denizel & Filiztekin 2007):
//
//	E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b+1; a+b; t/(α+t))]
//	        = b/(a+b) · E[(1 − (α/(α+pt))^r)/p],  p ~ Beta(a, b+1)
//
// Given λ and p a customer is alive after the first purchase with
// probability 1 − p and then buys (1 − e^{−λpt})/p times on average, as
// in the BG/NBD; averaging (1 − p)·(1 − e^{−λpt})/p over Gamma(r, α) and
// Beta(a, b) gives the second form, which is computed like
// [BGNBD.ExpectedPurchases] (an integrand that is positive and bounded,
// by adaptive quadrature) to about 1e-13 relative over the whole
// domain, including a = 1, where the first form is 0/0.
//
// Special cases are:
//
//	ExpectedPurchases(0) = 0
//	ExpectedPurchases(t) = NaN for t outside [0, MaxTime] or NaN, or a
//	    parameter outside [MinParam, MaxParam] or NaN
func (m MBGNBD) ExpectedPurchases(t float64) float64 {
	if !m.inDomain() || !validTime(t) {
		return math.NaN()
	}
	return m.B / (m.A + m.B) * mbgPurchaseMean(m.R, m.Alpha, m.A, m.B+1, t)
}

// aliveLogOdds is ln(a/(b+x)) + (r+x) ln((α+T)/(α+t_x)), the log of the
// second likelihood term (dropped out after the last purchase) over the
// first (alive at T).
func (m MBGNBD) aliveLogOdds(s Summary) float64 {
	fx := float64(s.Frequency)
	return math.Log(m.A/(m.B+fx)) + (m.R+fx)*math.Log1p((s.T-s.Recency)/(m.Alpha+s.Recency))
}

// ProbAlive returns the probability that a customer with history s is
// still alive at T (Batislam, Denizel & Filiztekin 2007):
//
//	P(alive) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^{r+x})
//
// for every x, including x = 0 (t_x = 0), where it is below 1: the
// customer may have dropped out right after the first purchase. It is
// computed as a logistic function of the log-odds, so that it neither
// overflows nor loses relative precision when it is tiny.
//
// Special cases are:
//
//	ProbAlive(s) = b/(a+b) for s.Frequency = 0 and s.T = 0
//	ProbAlive(s) = NaN for an invalid history, or a parameter outside
//	    [MinParam, MaxParam] or NaN
func (m MBGNBD) ProbAlive(s Summary) float64 {
	if !m.inDomain() || !validHistory(s) {
		return math.NaN()
	}
	return 1 / (1 + math.Exp(m.aliveLogOdds(s)))
}

// ProbAliveAfter returns the probability that a customer with history s
// is still alive t time units after T, the end of the history, not
// knowing what the customer bought since:
//
//	P(alive at T+t) = P(alive at T) · ₂F₁(r+x, a; a+b+x+1; −t/(α+T))
//	                = P(alive at T) · E[((α+T)/(α+T+pt))^{r+x}],  p ~ Beta(a, b+x+1)
//
// A customer alive at T has purchase rate λ ~ Gamma(r+x, α+T) and
// dropout probability p ~ Beta(a, b+x+1) (the x+1 dropout chances
// survived), and drops out at rate λp, since each purchase is followed by
// dropout with probability p; the second form averages the survival
// e^{−λpt} over both. It is computed from that form as the Beta mixture
// of a positive, bounded integrand by the quadrature of
// [MBGNBD.ExpectedPurchases] (the hypergeometric form with its negative
// argument is the Euler integral of the same mixture), to about 1e-13
// relative. P(alive) at a future date is what a retention campaign
// planned for then needs; it falls with t towards 0.
//
// Special cases are:
//
//	ProbAliveAfter(0, s) = ProbAlive(s) for a valid s
//	ProbAliveAfter(t, s) = NaN for t outside [0, MaxTime] or NaN, an
//	    invalid history, or a parameter outside [MinParam, MaxParam]
func (m MBGNBD) ProbAliveAfter(t float64, s Summary) float64 {
	if !m.inDomain() || !validHistory(s) || !validTime(t) {
		return math.NaN()
	}
	alive := m.ProbAlive(s)
	if t == 0 || alive == 0 {
		return alive
	}
	fx := float64(s.Frequency)
	rx := m.R + fx
	c := t / (m.Alpha + s.T)
	surv := betaMean(m.A, m.B+fx+1, betaMixture{
		h: func(p, _ float64) float64 {
			return math.Exp(-rx * math.Log1p(p*c))
		},
		slope0:  rx * c,
		slope1:  rx * c / (1 + c),
		feature: math.Min(1/c, 1),
	})
	return alive * math.Min(surv, 1)
}

// ConditionalPurchases returns E[Y(t) | x, t_x, T], the expected number of
// purchases in the next t time units of a customer with history s
// (Batislam, Denizel & Filiztekin 2007):
//
//	(a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] · P(alive)
//
// where P(alive) is [MBGNBD.ProbAlive]. The bracket is the expected
// purchases of a customer alive at T, whose purchase rate and dropout
// probability are then Gamma(r+x, α+T) and Beta(a, b+x+1) distributed
// (the customer survived x+1 dropout chances), and is computed as the
// Beta mixture E[(1 − ((α+T)/(α+T+pt))^{r+x})/p], p ~ Beta(a, b+x+1),
// like [BGNBD.ConditionalPurchases], to about 1e-13 relative.
//
// Special cases are:
//
//	ConditionalPurchases(0, s) = 0 for a valid s
//	ConditionalPurchases(t, s) = NaN for t outside [0, MaxTime] or NaN,
//	    an invalid history, or a parameter outside [MinParam, MaxParam]
func (m MBGNBD) ConditionalPurchases(t float64, s Summary) float64 {
	if !m.inDomain() || !validHistory(s) || !validTime(t) {
		return math.NaN()
	}
	alive := m.ProbAlive(s)
	if t == 0 || alive == 0 {
		return 0
	}
	fx := float64(s.Frequency)
	return alive * mbgPurchaseMean(m.R+fx, m.Alpha+s.T, m.A, m.B+fx+1, t)
}

// ProbPurchases returns P(X(t) = n), the probability that a new customer
// makes exactly n purchases in (0, t] (Batislam, Denizel & Filiztekin
// 2007):
//
//	P(X(t)=n) = [n = 0] a/(a+b) + B(a, b+n+1)/B(a, b) · NB(n)
//	          + [n > 0] B(a+1, b+n)/B(a, b) · P(N ≥ n)
//
// where NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j is the
// negative binomial distribution of the purchases of a customer who never
// drops out and P(N ≥ n) = I_{t/(α+t)}(n, r) its upper tail: the first
// term is the customers who dropped out right after the first purchase,
// the second those alive at t, the third those who dropped out right
// after their n-th repeat purchase. Every term is positive; they are
// computed as for [BGNBD.ProbPurchases] (log-ratios of beta and gamma
// functions that do not cancel, and the tail by a continued fraction),
// so the result keeps its relative precision down to the smallest normal
// numbers, in time that grows at most like √n (n ≤ MaxFrequency).
//
// Special cases are:
//
//	ProbPurchases(0, 0) = 1; ProbPurchases(n, 0) = 0 for n > 0
//	ProbPurchases(n, t) = NaN for n < 0 or n > MaxFrequency, t outside
//	    [0, MaxTime] or NaN, or a parameter outside [MinParam, MaxParam]
func (m MBGNBD) ProbPurchases(n int, t float64) float64 {
	if !m.inDomain() || n < 0 || n > MaxFrequency || !validTime(t) {
		return math.NaN()
	}
	if t == 0 {
		if n == 0 {
			return 1
		}
		return 0
	}
	r, al, a, b := m.R, m.Alpha, m.A, m.B
	fn := float64(n)
	lq := -math.Log1p(t / al) // ln(α/(α+t))
	lz := -math.Log1p(al / t) // ln(t/(α+t))
	if n == 0 {
		// a/(a+b) + b/(a+b)·(α/(α+t))^r, as a mean of 1 and q^r.
		return (a + b*math.Exp(r*lq)) / (a + b)
	}
	lgr, _ := math.Lgamma(r)
	lnb := r*lq + lnGammaRatio(fn+1, r-1) - lgr + fn*lz
	p := math.Exp(lnBetaShift(a, b, fn+1) + lnb)
	// B(a+1, b+n)/B(a, b) = a/(a+b+n) · B(a, b+n)/B(a, b).
	tail := nbTail(fn, r, t/(al+t), al/(al+t), lz, lq)
	p += a / (a + b + fn) * math.Exp(lnBetaShift(a, b, fn)) * tail
	return p
}

// mbgPurchaseMean returns E[(1 − (1 + p·t/α)^{−r})/p] for p ~ Beta(a, b),
// as purchaseMean does for the BG/NBD, but written as
//
//	t/α · E[g(p·t/α)],   g(y) = (1 − (1+y)^{−r})/y,  g(y) = r for y < 1e-290
//
// so that a horizon t tiny next to α (t/α subnormal, as for t = 1e-300)
// keeps its relative precision: the product p·t/α is formed only where
// it is a normal number, and t/α is applied last as t·(E[g]/α).
// (purchaseMean's integrand forms p·t/α for every p, which loses the
// low bits of the result when t/α is near the bottom of the float64
// range.) The integrand is positive and bounded by r, and the quadrature
// is betaMean's, to about 1e-13 relative.
func mbgPurchaseMean(r, alpha, a, b, t float64) float64 {
	if t == 0 {
		return 0
	}
	c := t / alpha
	eg := betaMean(a, b, betaMixture{
		h: func(p, _ float64) float64 {
			y := p * c
			if y < 1e-290 {
				return r
			}
			return -math.Expm1(-r*math.Log1p(y)) / y
		},
		slope0:  (r + 1) * c / 2,
		slope1:  (r + 1) * c / (1 + c),
		feature: math.Min(1/c, 1),
	})
	return t * (eg / alpha)
}
