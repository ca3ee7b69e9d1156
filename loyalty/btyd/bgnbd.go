package btyd

import (
	"fmt"
	"math"
	"sort"

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

// BGNBDFit is a fitted BG/NBD model with its fit report; StdErr is in the
// order R, Alpha, A, B.
type BGNBDFit struct {
	BGNBD
	FitInfo
}

// bgnbdData is the likelihood's sufficient statistics: customers grouped
// by (x, t_x, T) with counts, and the distinct x values.
type bgnbdData struct {
	x       []int
	tx, t   []float64
	w       []float64 // how many customers share the triple
	maxX    int
	zeroT   []float64 // T of customers without repeat purchases, grouped
	zeroW   []float64
	scratch []float64 // per-evaluation cumulative sums, 5 × (maxX+1)
}

func bgnbdPrepare(data []Summary) (*bgnbdData, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("btyd: BG/NBD fit needs at least one customer: %w", ErrLength)
	}
	type key struct {
		x     int
		tx, t float64
	}
	counts := map[key]float64{}
	zero := map[float64]float64{}
	for i, s := range data {
		if err := checkSummary(i, s); err != nil {
			return nil, err
		}
		if s.Frequency == 0 {
			zero[s.T]++
			continue
		}
		counts[key{s.Frequency, s.Recency, s.T}]++
	}
	d := &bgnbdData{}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	// A fixed order makes the floating-point sums, and so the fit,
	// reproducible.
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.x != b.x {
			return a.x < b.x
		}
		if a.tx != b.tx {
			return a.tx < b.tx
		}
		return a.t < b.t
	})
	for _, k := range keys {
		d.x = append(d.x, k.x)
		d.tx = append(d.tx, k.tx)
		d.t = append(d.t, k.t)
		d.w = append(d.w, counts[k])
		d.maxX = max(d.maxX, k.x)
	}
	ts := make([]float64, 0, len(zero))
	for t := range zero {
		ts = append(ts, t)
	}
	sort.Float64s(ts)
	for _, t := range ts {
		d.zeroT = append(d.zeroT, t)
		d.zeroW = append(d.zeroW, zero[t])
	}
	d.scratch = make([]float64, 5*(d.maxX+1))
	return d, nil
}

// ll returns the BG/NBD log-likelihood (FHL 2005, eq. 6) and, if g is not
// nil, its gradient in (r, α, a, b). Per customer, with
//
//	A  = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) − (r+x) ln(α+T)
//	d  = ln a − ln(b+x−1) + (r+x)(ln(α+T) − ln(α+t_x))      (x > 0)
//	LL = A + ln(1 + eᵈ)   (x > 0),   A   (x = 0)
//
// where ln Γ(r+x) − ln Γ(r) = Σ_{i<x} ln(r+i) and the beta-function ratio
// is Σ_{i<x} [ln(b+i) − ln(a+b+i)]: the terms that depend on x alone are
// computed once per distinct x.
func (d *bgnbdData) ll(p, g []float64) float64 {
	r, al, a, b := p[0], p[1], p[2], p[3]
	m := d.maxX + 1
	// Cumulative sums over i < x of ln(r+i), 1/(r+i), ln(b+i) − ln(a+b+i),
	// 1/(b+i), 1/(a+b+i).
	cLr, cIr, cLb, cIb, cIab := d.scratch[:m], d.scratch[m:2*m], d.scratch[2*m:3*m], d.scratch[3*m:4*m], d.scratch[4*m:5*m]
	cLr[0], cIr[0], cLb[0], cIb[0], cIab[0] = 0, 0, 0, 0, 0
	for i := 1; i < m; i++ {
		fi := float64(i - 1)
		cLr[i] = cLr[i-1] + math.Log(r+fi)
		cIr[i] = cIr[i-1] + 1/(r+fi)
		cLb[i] = cLb[i-1] + math.Log((b+fi)/(a+b+fi))
		cIb[i] = cIb[i-1] + 1/(b+fi)
		cIab[i] = cIab[i-1] + 1/(a+b+fi)
	}
	lnA, lnAl := math.Log(a), math.Log(al)
	var ll, gr, gal, ga, gb float64
	for k, t := range d.zeroT {
		w := d.zeroW[k]
		lt := math.Log(al + t)
		ll += w * r * (lnAl - lt)
		gr += w * (lnAl - lt)
		gal += w * r * (1/al - 1/(al+t))
	}
	for k, x := range d.x {
		w := d.w[k]
		fx := float64(x)
		rx := r + fx
		lT, lTx := math.Log(al+d.t[k]), math.Log(al+d.tx[k])
		bx1 := b + fx - 1
		dd := lnA - math.Log(bx1) + rx*(lT-lTx)
		// softplus(dd) = ln(1 + e^dd), and σ(dd) its derivative.
		var sp, sig float64
		if dd > 0 {
			e := math.Exp(-dd)
			sp, sig = dd+math.Log1p(e), 1/(1+e)
		} else {
			e := math.Exp(dd)
			sp, sig = math.Log1p(e), e/(1+e)
		}
		ll += w * (cLr[x] + r*lnAl + cLb[x] - rx*lT + sp)
		if g == nil {
			continue
		}
		gr += w * (cIr[x] + lnAl - lT + sig*(lT-lTx))
		gal += w * (r/al - rx/(al+d.t[k]) + sig*rx*(1/(al+d.t[k])-1/(al+d.tx[k])))
		ga += w * (-cIab[x] + sig/a)
		gb += w * (cIb[x] - cIab[x] - sig/bx1)
	}
	if g != nil {
		g[0], g[1], g[2], g[3] = gr, gal, ga, gb
	}
	return ll
}

// FitBGNBD fits the BG/NBD model to customers' (frequency, recency, T) by
// maximum likelihood (see [FitInfo] for the method). Customers sharing
// the same history are counted once with a weight, and the terms that
// depend on the frequency alone are computed once per distinct frequency.
//
// It returns an error wrapping [ErrInvalid] for a negative frequency,
// recency outside [0, T], a positive frequency with recency 0 (or the
// reverse), T ≤ 0 or non-finite values; [ErrLength] for no customers; and
// [ErrNotConverged] if the optimiser failed. A fit that stopped at the
// iteration limit is returned with Converged = false.
func FitBGNBD(data []Summary, opts *FitOptions) (BGNBDFit, error) {
	d, err := bgnbdPrepare(data)
	if err != nil {
		return BGNBDFit{}, err
	}
	est, info, err := fitLogSpace("BG/NBD", fitProblem{
		n:     4,
		ll:    func(p []float64) float64 { return d.ll(p, nil) },
		grad:  func(p, g []float64) { d.ll(p, g) },
		start: []float64{1, 1, 1, 1},
	}, opts)
	if err != nil {
		return BGNBDFit{FitInfo: info}, err
	}
	return BGNBDFit{BGNBD: BGNBD{R: est[0], Alpha: est[1], A: est[2], B: est[3]}, FitInfo: info}, nil
}

// LogLikelihood returns the BG/NBD log-likelihood of the data under m, or
// an error for invalid data or parameters.
func (m BGNBD) LogLikelihood(data []Summary) (float64, error) {
	if err := m.check(); err != nil {
		return math.NaN(), err
	}
	d, err := bgnbdPrepare(data)
	if err != nil {
		return math.NaN(), err
	}
	return d.ll([]float64{m.R, m.Alpha, m.A, m.B}, nil), nil
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
