package btyd

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
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
	// Frequency is 0), for the Gamma-Gamma spend model.
	MeanSpend float64 `json:"mean_spend"`
}

// checkSummary validates one summary for the BG/NBD model.
func checkSummary(i int, s Summary) error {
	switch {
	case s.Frequency < 0:
		return fmt.Errorf("btyd: customer %d: frequency %d is negative: %w", i, s.Frequency, ErrInvalid)
	case !(s.T > 0) || math.IsInf(s.T, 1):
		return fmt.Errorf("btyd: customer %d: age T = %v, want finite and > 0: %w", i, s.T, ErrInvalid)
	case !(s.Recency >= 0) || s.Recency > s.T:
		return fmt.Errorf("btyd: customer %d: recency %v outside [0, T = %v]: %w", i, s.Recency, s.T, ErrInvalid)
	case s.Frequency > 0 && s.Recency == 0:
		return fmt.Errorf("btyd: customer %d: %d repeat purchases but recency 0: %w", i, s.Frequency, ErrInvalid)
	case s.Frequency == 0 && s.Recency != 0:
		return fmt.Errorf("btyd: customer %d: no repeat purchase but recency %v: %w", i, s.Recency, ErrInvalid)
	}
	return nil
}

// BGNBD holds the parameters of the beta-geometric/negative-binomial
// distribution model of non-contractual purchasing (Fader, Hardie & Lee
// 2005, "Counting your customers the easy way"): while alive a customer
// buys as a Poisson process with rate λ ~ Gamma(R, Alpha); after each
// purchase the customer drops out with probability p ~ Beta(A, B).
// Time is in the unit of the data it was fitted to.
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

// bgnbdBracket returns ((1−z))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z), the
// product that appears in the BG/NBD expectations, through Euler's
// transformation ₂F₁(α, β; γ; z) = (1−z)^{γ−α−β} ₂F₁(γ−α, γ−β; γ; z):
//
//	(1−z)^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z) = (1−z)^{a−1} ₂F₁(a+b−1−r, a−1; a+b+x−1; z)
//
// The large power (1−z)^{r+x} and the growth of ₂F₁ as z → 1 cancel
// analytically instead of in floating point, which is what makes naive
// implementations overflow or return NaN for customers with many
// purchases or long horizons.
func bgnbdBracket(m BGNBD, x int, z float64) float64 {
	fx := float64(x)
	return math.Pow(1-z, m.A-1) * hyp2f1(m.A+m.B-1-m.R, m.A-1, m.A+m.B+fx-1, z)
}

// bgnbdNearOne evaluates f, whose formula divides by a − 1, at m; within
// 1e-7 of a = 1, where the formula is 0/0, it returns the mean of f at
// a = 1 ± 1e-5, the limit to about 1e-9.
func bgnbdNearOne(m BGNBD, f func(BGNBD) float64) float64 {
	if math.Abs(m.A-1) >= 1e-7 {
		return f(m)
	}
	lo, hi := m, m
	lo.A, hi.A = 1-1e-5, 1+1e-5
	return (f(lo) + f(hi)) / 2
}

// ExpectedPurchases returns E[X(t)], the expected number of purchases of
// a new customer in (0, t] (FHL 2005, eq. 9):
//
//	E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))]
//
// At a = 1 the expression is taken as its limit (see bgnbdNearOne).
// Special cases: t = 0 gives 0; t < 0, NaN or invalid parameters give NaN.
func (m BGNBD) ExpectedPurchases(t float64) float64 {
	if m.check() != nil || !(t >= 0) || math.IsInf(t, 1) {
		return math.NaN()
	}
	if t == 0 {
		return 0
	}
	return bgnbdNearOne(m, func(m BGNBD) float64 {
		return (m.A + m.B - 1) / (m.A - 1) * (1 - bgnbdBracket(m, 0, t/(m.Alpha+t)))
	})
}

// ProbAlive returns the probability that a customer with history s is
// still alive at T (FHL 2005, eq. 11):
//
//	P(alive) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^{r+x})
//
// computed as a logistic function of the log-odds so that it neither
// overflows nor loses precision. Invalid parameters or s give NaN.
func (m BGNBD) ProbAlive(s Summary) float64 {
	if m.check() != nil || checkSummary(0, s) != nil {
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
	return math.Log(m.A/(m.B+fx-1)) + (m.R+fx)*math.Log((m.Alpha+s.T)/(m.Alpha+s.Recency))
}

// ConditionalPurchases returns E[Y(t) | x, t_x, T], the expected number of
// purchases in the next t time units of a customer with history s (FHL
// 2005, eq. 10):
//
//	(a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive)
//
// where P(alive) is [BGNBD.ProbAlive]. At a = 1 the limit is evaluated as
// for ExpectedPurchases. Invalid input gives NaN; t = 0 gives 0.
func (m BGNBD) ConditionalPurchases(t float64, s Summary) float64 {
	if m.check() != nil || checkSummary(0, s) != nil || !(t >= 0) || math.IsInf(t, 1) {
		return math.NaN()
	}
	if t == 0 {
		return 0
	}
	fx := float64(s.Frequency)
	head := bgnbdNearOne(m, func(m BGNBD) float64 {
		return (m.A + m.B + fx - 1) / (m.A - 1) * (1 - bgnbdBracket(m, s.Frequency, t/(m.Alpha+s.T+t)))
	})
	return head * m.ProbAlive(s)
}

// ProbPurchases returns P(X(t) = n), the probability that a new customer
// makes exactly n purchases in (0, t] (FHL 2005, eq. 8):
//
//	P(X(t)=n) = B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n
//	          + [n > 0] B(a+1, b+n−1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j]
//
// with every term in log space. n < 0, t < 0, NaN or invalid parameters
// give NaN; t = 0 gives 1 for n = 0 and 0 otherwise.
func (m BGNBD) ProbPurchases(n int, t float64) float64 {
	if m.check() != nil || n < 0 || !(t >= 0) || math.IsInf(t, 1) {
		return math.NaN()
	}
	if t == 0 {
		if n == 0 {
			return 1
		}
		return 0
	}
	r, al, a, b := m.R, m.Alpha, m.A, m.B
	lq := math.Log(al / (al + t)) // ln(α/(α+t))
	lz := math.Log(t / (al + t))  // ln(t/(α+t))
	lgr, _ := math.Lgamma(r)
	// ln of the NBD term Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j.
	nbd := func(j int) float64 {
		l1, _ := math.Lgamma(r + float64(j))
		l2, _ := math.Lgamma(float64(j) + 1)
		return l1 - lgr - l2 + r*lq + float64(j)*lz
	}
	lbeta := mathext.Lbeta
	lB := lbeta(a, b)
	p := math.Exp(lbeta(a, b+float64(n)) - lB + nbd(n))
	if n > 0 {
		var cdf float64
		for j := 0; j < n; j++ {
			cdf += math.Exp(nbd(j))
		}
		p += math.Exp(lbeta(a+1, b+float64(n)-1)-lB) * math.Max(0, 1-cdf)
	}
	return p
}
