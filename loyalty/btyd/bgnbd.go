package btyd

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"
)

// Summary is one customer's purchase history in the form the
// buy-till-you-die models use, measured in a time unit the caller chose
// (see [Summarize]).
type Summary struct {
	// Customer identifies the customer (optional for fitting).
	Customer string `json:"customer,omitempty"`
	// Frequency x is the number of repeat purchases (after the first) in
	// the calibration period.
	Frequency int `json:"frequency"`
	// Recency t_x is the time of the last repeat purchase, measured from
	// the first purchase (0 when Frequency is 0).
	Recency float64 `json:"recency"`
	// T is the customer's age: the time from the first purchase to the end
	// of the calibration period.
	T float64 `json:"t"`
	// MeanSpend is the mean value of the repeat purchases (zero when
	// Frequency is 0), for the Gamma-Gamma spend model: money, encoded in
	// JSON as a quoted decimal string. [Summarize] rounds it half away
	// from zero to 4 decimal places.
	MeanSpend decimal.Decimal `json:"mean_spend"`
}

// summaryProblem describes what is wrong with s (without a package
// prefix), or returns "". With ageZero a customer of age T = 0 (first
// purchase at the end of the calibration period, no repeat purchase) is
// accepted.
func summaryProblem(s Summary, ageZero bool) string {
	switch {
	case s.Frequency < 0:
		return fmt.Sprintf("frequency %d is negative", s.Frequency)
	case ageZero && (!(s.T >= 0) || math.IsInf(s.T, 1)):
		return fmt.Sprintf("age T = %v, want finite and ≥ 0", s.T)
	case !ageZero && (!(s.T > 0) || math.IsInf(s.T, 1)):
		return fmt.Sprintf("age T = %v, want finite and > 0", s.T)
	case !(s.Recency >= 0) || s.Recency > s.T:
		return fmt.Sprintf("recency %v outside [0, T = %v]", s.Recency, s.T)
	case s.Frequency > 0 && s.Recency == 0:
		return fmt.Sprintf("%d repeat purchases but recency 0", s.Frequency)
	case s.Frequency == 0 && s.Recency != 0:
		return fmt.Sprintf("no repeat purchase but recency %v", s.Recency)
	}
	return ""
}

// Domain of the BG/NBD predictions: outside it they return NaN.
const (
	// MinParam and MaxParam bound every parameter of the BG/NBD (r, α,
	// a, b) for its predictions.
	MinParam = 1e-8
	MaxParam = 1e8
	// MaxTime bounds the horizon t and the age T of the predictions, in
	// the model's time unit.
	MaxTime = 1e8
	// MaxFrequency bounds the number of repeat purchases x of a history.
	MaxFrequency = 100_000_000
)

// BGNBD holds the parameters of the beta-geometric/negative-binomial
// distribution model of non-contractual purchasing (Fader, Hardie & Lee
// 2005, "Counting your customers the easy way"): while alive a customer
// buys as a Poisson process with rate λ ~ Gamma(R, Alpha); after each
// purchase the customer drops out with probability p ~ Beta(A, B).
// Time is in the unit of the data it was fitted to.
//
// BGNBD is a plain value: its methods do not modify it and may be called
// concurrently. The prediction methods are pure functions in the manner
// of package math: they return NaN for arguments outside their domain,
// as listed under "Special cases" in each, and a finite value ≥ 0
// otherwise. The domain is r, α, a, b in [MinParam, MaxParam], times in
// [0, MaxTime] and x ≤ MaxFrequency; a history must be valid (0 ≤ t_x ≤
// T, t_x > 0 exactly when x > 0), and T = 0 is allowed for a customer
// whose first purchase ends the calibration period.
type BGNBD struct {
	// R is the shape of the purchase-rate distribution.
	R float64 `json:"r"`
	// Alpha is its scale (rate) parameter, in time units.
	Alpha float64 `json:"alpha"`
	// A is the first shape of the dropout-probability distribution.
	A float64 `json:"a"`
	// B is its second shape.
	B float64 `json:"b"`
}

func (m BGNBD) check() error {
	for _, v := range []float64{m.R, m.Alpha, m.A, m.B} {
		if !(v > 0) || math.IsInf(v, 1) {
			return fmt.Errorf("btyd: BG/NBD parameters %+v must be finite and > 0: %w", m, ErrInvalid)
		}
	}
	return nil
}

// inDomain reports whether every parameter is in [MinParam, MaxParam].
func (m BGNBD) inDomain() bool {
	for _, v := range []float64{m.R, m.Alpha, m.A, m.B} {
		if !(v >= MinParam && v <= MaxParam) {
			return false
		}
	}
	return true
}

// validHistory reports whether s is a history the predictions accept.
func validHistory(s Summary) bool {
	return summaryProblem(s, true) == "" && s.T <= MaxTime && s.Frequency <= MaxFrequency
}

// validTime reports whether t is a horizon the predictions accept.
func validTime(t float64) bool {
	return t >= 0 && t <= MaxTime
}

// purchaseMean returns E[(1 − (1 + p·t/α)^{−r})/p] for p ~ Beta(a, b):
// the expected number of purchases in (0, t] of a customer whose purchase
// rate is Gamma(r, α) and whose dropout probability is Beta(a, b), since
// given λ and p it is (1 − e^{−λpt})/p, and E[e^{−λpt}] = (α/(α+pt))^r.
// This is the hypergeometric bracket of Fader, Hardie & Lee (2005),
//
//	(a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]
//
// written as the Beta mixture it comes from, whose integrand is positive
// and bounded by r·t/α, so that nothing cancels: no 0/0 at a = 1, no
// 0 × ∞ at a + b = 1, no huge terms for large a, b or t. It is summed
// as the positive series of purchaseMeanSeries where that takes at most
// 1,000 terms (a microsecond or two for the CDNOW estimates) and computed
// by betaMean (adaptive Gauss–Kronrod quadrature, about 1e-13 relative,
// tens of microseconds) elsewhere.
func purchaseMean(r, alpha, a, b, t float64) float64 {
	if t == 0 {
		return 0
	}
	// A short positive series where it converges fast (purchaseMeanSeries).
	if v, ok := purchaseMeanSeries(r, alpha, a, b, t); ok {
		return v
	}
	c := t / alpha
	return betaMean(a, b, betaMixture{
		h: func(p, _ float64) float64 {
			if p == 0 {
				return r * c
			}
			return -math.Expm1(-r*math.Log1p(p*c)) / p
		},
		slope0:  (r + 1) * c / 2,
		slope1:  (r + 1) * c / (1 + c),
		feature: math.Min(1/c, 1),
	})
}

// ExpectedPurchases returns E[X(t)], the expected number of purchases of
// a new customer in (0, t] (Fader, Hardie & Lee 2005, eq. 9):
//
//	E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))]
//	        = E[(1 − (α/(α+pt))^r)/p],  p ~ Beta(a, b)
//
// computed from the second form (see purchaseMean) to about 1e-13
// relative over the whole domain, including a = 1 and a + b = 1 where the
// first is 0/0.
//
// Special cases are:
//
//	ExpectedPurchases(0) = 0
//	ExpectedPurchases(t) = NaN for t outside [0, MaxTime] or NaN, or a
//	    parameter outside [MinParam, MaxParam] or NaN
func (m BGNBD) ExpectedPurchases(t float64) float64 {
	if !m.inDomain() || !validTime(t) {
		return math.NaN()
	}
	return purchaseMean(m.R, m.Alpha, m.A, m.B, t)
}

// ProbAlive returns the probability that a customer with history s is
// still alive at T (Fader, Hardie & Lee 2005, eq. 11):
//
//	P(alive) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^{r+x})
//
// computed as a logistic function of the log-odds so that it neither
// overflows nor loses precision.
//
// Special cases are:
//
//	ProbAlive(s) = 1 for s.Frequency = 0
//	ProbAlive(s) = NaN for an invalid history, or a parameter outside
//	    [MinParam, MaxParam] or NaN
func (m BGNBD) ProbAlive(s Summary) float64 {
	if !m.inDomain() || !validHistory(s) {
		return math.NaN()
	}
	if s.Frequency == 0 {
		return 1
	}
	return 1 / (1 + math.Exp(m.aliveLogOdds(s)))
}

// aliveLogOdds is ln(a/(b+x−1)) + (r+x) ln((α+T)/(α+t_x)), the log of the
// second likelihood term over the first; x > 0.
func (m BGNBD) aliveLogOdds(s Summary) float64 {
	fx := float64(s.Frequency)
	return math.Log(m.A/(m.B+fx-1)) + (m.R+fx)*math.Log1p((s.T-s.Recency)/(m.Alpha+s.Recency))
}

// ConditionalPurchases returns E[Y(t) | x, t_x, T], the expected number of
// purchases in the next t time units of a customer with history s (Fader,
// Hardie & Lee 2005, eq. 10):
//
//	(a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive)
//
// where P(alive) is [BGNBD.ProbAlive]. The bracket is the expected
// purchases of a customer alive at T, whose rate and dropout probability
// are then Gamma(r+x, α+T) and Beta(a, b+x) distributed, and is computed
// like [BGNBD.ExpectedPurchases] as the Beta mixture
// E[(1 − ((α+T)/(α+T+pt))^{r+x})/p], p ~ Beta(a, b+x), to about 1e-13
// relative.
//
// Special cases are:
//
//	ConditionalPurchases(0, s) = 0 for a valid s
//	ConditionalPurchases(t, s) = NaN for t outside [0, MaxTime] or NaN,
//	    an invalid history, or a parameter outside [MinParam, MaxParam]
func (m BGNBD) ConditionalPurchases(t float64, s Summary) float64 {
	if !m.inDomain() || !validHistory(s) || !validTime(t) {
		return math.NaN()
	}
	alive := m.ProbAlive(s)
	if t == 0 || alive == 0 {
		return 0
	}
	fx := float64(s.Frequency)
	return alive * purchaseMean(m.R+fx, m.Alpha+s.T, m.A, m.B+fx, t)
}

// ProbPurchases returns P(X(t) = n), the probability that a new customer
// makes exactly n purchases in (0, t] (Fader, Hardie & Lee 2005, eq. 8):
//
//	P(X(t)=n) = B(a, b+n)/B(a, b) · NB(n)
//	          + [n > 0] B(a+1, b+n−1)/B(a, b) · P(N ≥ n)
//
// where NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j is the
// negative binomial distribution of the purchases of a customer who never
// drops out and P(N ≥ n) = I_{t/(α+t)}(n, r) its upper tail, a
// regularized incomplete beta function (the published form writes it as
// 1 − Σ_{j<n} NB(j), which loses all relative precision when the tail is
// small and takes O(n) time). The ratios of beta and gamma functions are
// formed by log-ratios that do not cancel (lnGammaRatio), and the tail by
// the continued fraction of the incomplete beta function (nbTail), so the
// result keeps its relative precision down to the smallest normal
// numbers, in time that grows at most like √n (n ≤ MaxFrequency).
//
// Special cases are:
//
//	ProbPurchases(0, 0) = 1; ProbPurchases(n, 0) = 0 for n > 0
//	ProbPurchases(n, t) = NaN for n < 0 or n > MaxFrequency, t outside
//	    [0, MaxTime] or NaN, or a parameter outside [MinParam, MaxParam]
func (m BGNBD) ProbPurchases(n int, t float64) float64 {
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
	// ln NB(n) = ln Γ(n+r)/Γ(n+1) − ln Γ(r) + r ln q + n ln z; the
	// coefficient is exactly 1 for n = 0 (where n + 1 + (r − 1) would
	// lose the low digits of a small r).
	lnb := r * lq
	if n > 0 {
		lgr, _ := math.Lgamma(r)
		lnb += lnGammaRatio(fn+1, r-1) - lgr + fn*lz
	}
	p := math.Exp(lnBetaShift(a, b, fn) + lnb)
	if n > 0 {
		// B(a+1, b+n−1)/B(a, b) = a/(a+b+n−1) · B(a, b+n−1)/B(a, b).
		tail := nbTail(fn, r, t/(al+t), al/(al+t), lz, lq)
		p += a / (a + b + fn - 1) * math.Exp(lnBetaShift(a, b, fn-1)) * tail
	}
	return p
}
