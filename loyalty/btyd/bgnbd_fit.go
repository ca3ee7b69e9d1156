package btyd

import (
	"fmt"
	"math"
)

// BGNBDFit is a fitted BG/NBD model with its fit report; StdErr is in the
// order R, Alpha, A, B.
type BGNBDFit struct {
	BGNBD
	FitInfo
}

// bgnbdData is the likelihood's sufficient statistics: customers grouped
// by (x, t_x, T) with counts.
type bgnbdData struct {
	x     []int
	tx, t []float64
	w     []float64 // how many customers share the triple
	small int       // largest x ≤ bgnbdSmallX, the length of the tables
	zeroT []float64 // T of customers without repeat purchases, grouped
	zeroW []float64
	n     int       // customers with T > 0
	tab   []float64 // per-evaluation cumulative sums, 5 × (small+1)
	// ln T and ln t_x of the histories, set on first use by upper.
	lnT, lnTx, zeroLnT []float64
}

// bgnbdSmallX is the largest frequency whose x-dependent terms are summed
// term by term; larger frequencies use closed forms in log-gamma and
// digamma differences, so that a likelihood's cost never grows with a
// customer's count.
const bgnbdSmallX = 64

// checkFitSummary validates customer i's summary for the BG/NBD
// likelihood. T = 0 is accepted for a customer without repeat purchases
// (a first purchase at the calibration end, as [Summarize] reports it):
// such a customer contributes nothing.
func checkFitSummary(i int, s Summary) error {
	if s.Frequency >= 0 && s.T >= 0 && s.T <= math.MaxFloat64 && s.Recency >= 0 && s.Recency <= s.T &&
		(s.Frequency > 0) == (s.Recency > 0) {
		return nil // the common case, without formatting
	}
	// The same rules as the predictions' (summaryProblem with T = 0
	// accepted), so that a history is valid for both or for neither.
	if p := summaryProblem(s, true); p != "" {
		return fmt.Errorf("btyd: %s: %s: %w", customerName(i, s), p, ErrInvalid)
	}
	return nil
}

func bgnbdPrepare(data []Summary) (*bgnbdData, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("btyd: BG/NBD: no customers: %w", ErrEmpty)
	}
	keys := make([]historyKey, 0, len(data))
	d := &bgnbdData{}
	for i, s := range data {
		if err := checkFitSummary(i, s); err != nil {
			return nil, err
		}
		if s.T == 0 {
			continue // the likelihood of no purchase in no time is 1
		}
		d.n++
		keys = append(keys, historyKey{s.Frequency, s.Recency, s.T})
	}
	// A fixed order makes the floating-point sums, and so the fit,
	// reproducible: the customers without repeat purchases by T, then
	// the others by (x, t_x, T).
	groupHistories(keys, func(k historyKey, w float64) {
		if k.x == 0 {
			d.zeroT = append(d.zeroT, k.t)
			d.zeroW = append(d.zeroW, w)
			return
		}
		d.x = append(d.x, k.x)
		d.tx = append(d.tx, k.tx)
		d.t = append(d.t, k.t)
		d.w = append(d.w, w)
		if k.x <= bgnbdSmallX {
			d.small = max(d.small, k.x)
		}
	})
	d.tab = make([]float64, 5*(d.small+1))
	return d, nil
}

// ll returns the BG/NBD log-likelihood (FHL 2005, eq. 6) and, if g is not
// nil, its gradient in (r, α, a, b). Per customer, with
//
//	A  = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) − (r+x) ln(α+T)
//	d  = ln a − ln(b+x−1) + (r+x)(ln(α+T) − ln(α+t_x))      (x > 0)
//	LL = A + ln(1 + eᵈ)   (x > 0),   A   (x = 0)
//
// where, for x ≤ 64, ln Γ(r+x) − ln Γ(r) = Σ_{i<x} ln(r+i) and the
// beta-function ratio is Σ_{i<x} [ln(b+i) − ln(a+b+i)], summed once for
// all customers; for larger x the same quantities (and the digamma
// differences of the gradient) come from fitLnGammaRatio and fitPsiDiff:
//
//	ln B(a, b+x) − ln B(a, b) = lnΓ(a+b) − lnΓ(b) − [lnΓ(b+x+a) − lnΓ(b+x)]
//
// whose bracket is computed as one stable difference. The cost is
// O(customers + 64), whatever the counts.
func (d *bgnbdData) ll(p, g []float64) float64 {
	r, al, a, b := p[0], p[1], p[2], p[3]
	m := d.small + 1
	// Cumulative sums over i < x of ln(r+i), 1/(r+i), ln(b+i) − ln(a+b+i),
	// 1/(b+i) − 1/(a+b+i), 1/(a+b+i).
	cLr, cIr, cLb, cIbab, cIab := d.tab[:m], d.tab[m:2*m], d.tab[2*m:3*m], d.tab[3*m:4*m], d.tab[4*m:5*m]
	cLr[0], cIr[0], cLb[0], cIbab[0], cIab[0] = 0, 0, 0, 0, 0
	for i := 1; i < m; i++ {
		fi := float64(i - 1)
		cLr[i] = cLr[i-1] + math.Log(r+fi)
		cIr[i] = cIr[i-1] + 1/(r+fi)
		cLb[i] = cLb[i-1] + math.Log((b+fi)/(a+b+fi))
		cIbab[i] = cIbab[i-1] + 1/(b+fi) - 1/(a+b+fi)
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
	// Closed forms for large x, cached across customers sharing x (the
	// keys are sorted by x).
	lastX := -1
	var lr, ir, lb, ibab, iab float64
	for k, x := range d.x {
		w := d.w[k]
		fx := float64(x)
		switch {
		case x < m:
			lr, ir, lb, ibab, iab = cLr[x], cIr[x], cLb[x], cIbab[x], cIab[x]
		case x != lastX:
			lr = fitLnGammaRatio(r, fx)
			lb = fitLnGammaRatio(b, a) - fitLnGammaRatio(b+fx, a)
			if g != nil {
				ir = fitPsiDiff(r, fx)
				iab = fitPsiDiff(a+b, fx)
				ibab = fitPsiDiff(b, a) - fitPsiDiff(b+fx, a) // ψ(b+x) − ψ(b) − [ψ(a+b+x) − ψ(a+b)]
			}
			lastX = x
		}
		rx := r + fx
		lT, lTx := math.Log(al+d.t[k]), math.Log(al+d.tx[k])
		bx1 := b + (fx - 1) // not (b + x) − 1, which loses the digits of a small b
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
		ll += w * (lr + r*lnAl + lb - rx*lT + sp)
		if g == nil {
			continue
		}
		gr += w * (ir + lnAl - lT + sig*(lT-lTx))
		gal += w * (r/al - rx/(al+d.t[k]) + sig*rx*(1/(al+d.t[k])-1/(al+d.tx[k])))
		ga += w * (-iab + sig/a)
		gb += w * (ibab - sig/bx1)
	}
	if g != nil {
		g[0], g[1], g[2], g[3] = gr, gal, ga, gb
	}
	return ll
}

// FitBGNBD fits the BG/NBD model to customers' (frequency, recency, T) by
// maximum likelihood (see [FitInfo] for the method and the convergence
// criteria). Customers sharing the same history are counted once with a
// weight; the likelihood's cost grows with the number of distinct
// histories, never with the size of a count. The cost of a fit is
// O(n log n) to group n customers (a sort) plus about 25 likelihood and
// gradient evaluations over the h distinct histories, O(h) each (about
// 60 ns a history); above 50,000 histories most of the search runs on
// samples (see [FitInfo]), so that a million customers simulated in
// continuous time, all distinct, took 1.5 seconds on one core of a 2-core
// Xeon. A
// customer with T = 0 (a
// first purchase at the calibration end) contributes nothing and is
// accepted, so anything [Summarize] returns can be fitted.
//
// Without a penalty ([FitOptions].Penalty = 0), data in which no customer
// made a repeat purchase carry no information on a and b and push r to 0;
// FitBGNBD then returns an error wrapping [ErrNotIdentified] without
// fitting. Other data may still leave a parameter unidentified (a fit
// whose a or b runs to 0 or ∞); the criteria of [FitInfo] report that.
//
// It returns an error wrapping [ErrEmpty] for no customers; [ErrInvalid]
// (naming the customer's index) for a negative frequency, recency
// outside [0, T], a positive frequency with recency 0 (or the reverse),
// T < 0 or non-finite values, or invalid options; [ErrNotConverged] if
// the optimiser failed or stopped at its iteration limit; and
// [ErrNotIdentified] as above. On an error other than invalid input the
// fit holds the point where the search stopped, for diagnosis.
func FitBGNBD(data []Summary, opts *FitOptions) (BGNBDFit, error) {
	d, err := bgnbdPrepare(data)
	if err != nil {
		return BGNBDFit{}, err
	}
	fp := fitProblem{
		name:  "BG/NBD",
		names: []string{"r", "alpha", "a", "b"},
		ll:    func(p []float64) float64 { return d.ll(p, nil) },
		grad:  func(p, g []float64) { d.ll(p, g) },
		start: []float64{1, 1, 1, 1},
		n:     d.n,
		lo:    MinParam,
		hi:    MaxParam,
	}
	if info, stop, err := withoutRepeatBuyer(fp, opts, len(d.x) > 0, d.n, "a and b"); stop {
		return BGNBDFit{FitInfo: info}, err
	}
	fp = withSamples(fp, d, len(d.x)+len(d.zeroT))
	est, info, err := fitLogSpace(fp, opts)
	fit := BGNBDFit{FitInfo: info}
	if est != nil {
		fit.BGNBD = BGNBD{R: est[0], Alpha: est[1], A: est[2], B: est[3]}
	}
	return fit, err
}

// LogLikelihood returns the BG/NBD log-likelihood of the data under m
// (FHL 2005, eq. 6; see FitBGNBD for the data accepted and the cost). It
// returns an error wrapping [ErrInvalid] for invalid parameters or data
// (naming the customer) or a log-likelihood that is not finite in
// float64, and [ErrEmpty] for no customers.
func (m BGNBD) LogLikelihood(data []Summary) (float64, error) {
	if err := m.check(); err != nil {
		return math.NaN(), err
	}
	d, err := bgnbdPrepare(data)
	if err != nil {
		return math.NaN(), err
	}
	ll := d.ll([]float64{m.R, m.Alpha, m.A, m.B}, nil)
	if math.IsNaN(ll) || math.IsInf(ll, 0) {
		return math.NaN(), fmt.Errorf("btyd: BG/NBD log-likelihood under %+v is %v, not finite in float64: %w", m, ll, ErrInvalid)
	}
	return ll, nil
}

// customerName names customer i for an error message, with its id.
func customerName(i int, s Summary) string {
	if s.Customer != "" {
		return fmt.Sprintf("customer %d (%q)", i, s.Customer)
	}
	return fmt.Sprintf("customer %d", i)
}
