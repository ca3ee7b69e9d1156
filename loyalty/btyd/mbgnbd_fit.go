package btyd

import (
	"fmt"
	"math"
)

// mbgnbdData is the MBG/NBD likelihood's sufficient statistics: customers
// with T > 0 grouped by (x, t_x, T) with counts. Unlike the BG/NBD's,
// every customer's likelihood has two terms, so customers without repeat
// purchases are grouped the same way as the others.
type mbgnbdData struct {
	x      []int
	tx, t  []float64
	w      []float64 // how many customers share the triple
	small  int       // largest x ≤ bgnbdSmallX
	n      int       // customers with T > 0
	repeat bool      // some customer made a repeat purchase
	tab    []float64 // per-evaluation cumulative sums, 5 × (small+2)
}

func mbgnbdPrepare(data []Summary) (*mbgnbdData, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("btyd: MBG/NBD: no customers: %w", ErrEmpty)
	}
	keys := make([]historyKey, 0, len(data))
	d := &mbgnbdData{}
	for i, s := range data {
		if err := checkFitSummary(i, s); err != nil {
			return nil, err
		}
		if s.T == 0 {
			// No purchase in no time: the two terms are b/(a+b) and
			// a/(a+b), whose sum is 1.
			continue
		}
		d.n++
		if s.Frequency > 0 {
			d.repeat = true
		}
		keys = append(keys, historyKey{s.Frequency, s.Recency, s.T})
	}
	// A fixed order, by (x, t_x, T), makes the floating-point sums, and so
	// the fit, reproducible.
	groupHistories(keys, func(k historyKey, w float64) {
		d.x = append(d.x, k.x)
		d.tx = append(d.tx, k.tx)
		d.t = append(d.t, k.t)
		d.w = append(d.w, w)
		if k.x <= bgnbdSmallX {
			d.small = max(d.small, k.x)
		}
	})
	d.tab = make([]float64, 5*(d.small+2))
	return d, nil
}

// ll returns the MBG/NBD log-likelihood (Batislam, Denizel & Filiztekin
// 2007) and, if g is not nil, its gradient in (r, α, a, b). Per customer,
//
//	L = B(a, b+x+1)/B(a,b) · Γ(r+x)α^r/(Γ(r)(α+T)^{r+x})
//	  + B(a+1, b+x)/B(a,b) · Γ(r+x)α^r/(Γ(r)(α+t_x)^{r+x})
//
// for every x (t_x = 0 when x = 0), computed as
//
//	A  = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+1) − ln B(a, b) − (r+x) ln(α+T)
//	d  = ln a − ln(b+x) + (r+x)(ln(α+T) − ln(α+t_x))
//	LL = A + ln(1 + eᵈ)
//
// since B(a+1, b+x)/B(a, b+x+1) = a/(b+x). For x ≤ 64,
// ln Γ(r+x) − ln Γ(r) = Σ_{i<x} ln(r+i) and the beta-function ratio is
// Σ_{i≤x} [ln(b+i) − ln(a+b+i)], summed once for all customers; for larger
// x the same quantities (and the digamma differences of the gradient)
// come from fitLnGammaRatio and fitPsiDiff, as for the BG/NBD. The cost is
// O(distinct histories + 64), whatever the counts.
func (d *mbgnbdData) ll(p, g []float64) float64 {
	r, al, a, b := p[0], p[1], p[2], p[3]
	m := d.small + 2
	// Cumulative sums over i < k of ln(r+i), 1/(r+i), ln(b+i) − ln(a+b+i),
	// 1/(b+i) − 1/(a+b+i), 1/(a+b+i).
	cLr, cIr, cLb, cIbab, cIab := d.tab[:m], d.tab[m:2*m], d.tab[2*m:3*m], d.tab[3*m:4*m], d.tab[4*m:5*m]
	cLr[0], cIr[0], cLb[0], cIbab[0], cIab[0] = 0, 0, 0, 0, 0
	for i := 1; i < m; i++ {
		fi := float64(i - 1)
		cLr[i] = cLr[i-1] + math.Log(r+fi)
		cIr[i] = cIr[i-1] + 1/(r+fi)
		cLb[i] = cLb[i-1] - math.Log1p(a/(b+fi))
		cIbab[i] = cIbab[i-1] + 1/(b+fi) - 1/(a+b+fi)
		cIab[i] = cIab[i-1] + 1/(a+b+fi)
	}
	lnA, lnAl := math.Log(a), math.Log(al)
	var ll, gr, gal, ga, gb float64
	lastX := -1
	var lr, ir, lb, ibab, iab float64
	for k, x := range d.x {
		w := d.w[k]
		fx := float64(x)
		switch {
		case x+1 < m:
			lr, ir = cLr[x], cIr[x]
			lb, ibab, iab = cLb[x+1], cIbab[x+1], cIab[x+1]
		case x != lastX:
			m1 := fx + 1
			lr = fitLnGammaRatio(r, fx)
			lb = fitLnGammaRatio(b, a) - fitLnGammaRatio(b+m1, a)
			if g != nil {
				ir = fitPsiDiff(r, fx)
				iab = fitPsiDiff(a+b, m1)
				ibab = fitPsiDiff(b, a) - fitPsiDiff(b+m1, a) // ψ(b+x+1) − ψ(b) − [ψ(a+b+x+1) − ψ(a+b)]
			}
			lastX = x
		}
		rx := r + fx
		lT, lTx := math.Log(al+d.t[k]), math.Log(al+d.tx[k])
		bx := b + fx
		dd := lnA - math.Log(bx) + rx*(lT-lTx)
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
		gb += w * (ibab - sig/bx)
	}
	if g != nil {
		g[0], g[1], g[2], g[3] = gr, gal, ga, gb
	}
	return ll
}

// FitMBGNBD fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007)
// to customers' (frequency, recency, T) by maximum likelihood, with the
// method, options and convergence criteria of every fit of the package
// (see [FitInfo]; [FitBGNBD] has the same shape). Customers sharing the
// same history are counted once with a weight; the likelihood's cost
// grows with the number of distinct histories, never with the size of a
// count. A customer with T = 0 (a first purchase at the calibration end)
// contributes nothing and is accepted, so anything [Summarize] returns
// can be fitted.
//
// Without a penalty ([FitOptions].Penalty = 0), data in which no customer
// made a repeat purchase carry no information on the purchase rate apart
// from dropout (the likelihood rises as r → 0 or as a/(a+b) → 1);
// FitMBGNBD then returns an error wrapping [ErrNotIdentified] without
// fitting. Other data may still leave a parameter unidentified; the
// criteria of [FitInfo] report that.
//
// It returns an error wrapping [ErrEmpty] for no customers; [ErrInvalid]
// (naming the customer's index) for a negative frequency, recency
// outside [0, T], a positive frequency with recency 0 (or the reverse),
// T < 0 or non-finite values, or invalid options; [ErrNotConverged] if
// the optimiser failed or stopped at its iteration limit; and
// [ErrNotIdentified] as above. On an error other than invalid input the
// fit holds the point where the search stopped, for diagnosis.
func FitMBGNBD(data []Summary, opts *FitOptions) (MBGNBDFit, error) {
	d, err := mbgnbdPrepare(data)
	if err != nil {
		return MBGNBDFit{}, err
	}
	fp := fitProblem{
		name:  "MBG/NBD",
		names: []string{"r", "alpha", "a", "b"},
		ll:    func(p []float64) float64 { return d.ll(p, nil) },
		grad:  func(p, g []float64) { d.ll(p, g) },
		start: []float64{1, 1, 1, 1},
		n:     d.n,
		lo:    MinParam,
		hi:    MaxParam,
	}
	if info, stop, err := withoutRepeatBuyer(fp, opts, d.repeat, d.n, "a and b"); stop {
		return MBGNBDFit{FitInfo: info}, err
	}
	est, info, err := fitLogSpace(fp, opts)
	fit := MBGNBDFit{FitInfo: info}
	if est != nil {
		fit.MBGNBD = MBGNBD{R: est[0], Alpha: est[1], A: est[2], B: est[3]}
	}
	return fit, err
}

// LogLikelihood returns the MBG/NBD log-likelihood of the data under m
// (Batislam, Denizel & Filiztekin 2007; see [FitMBGNBD] for the data
// accepted and the cost). It returns an error wrapping [ErrInvalid] for
// invalid parameters or data (naming the customer) or a log-likelihood
// that is not finite in float64, and [ErrEmpty] for no customers.
func (m MBGNBD) LogLikelihood(data []Summary) (float64, error) {
	if err := m.check(); err != nil {
		return math.NaN(), err
	}
	d, err := mbgnbdPrepare(data)
	if err != nil {
		return math.NaN(), err
	}
	ll := d.ll([]float64{m.R, m.Alpha, m.A, m.B}, nil)
	if math.IsNaN(ll) || math.IsInf(ll, 0) {
		return math.NaN(), fmt.Errorf("btyd: MBG/NBD log-likelihood under %+v is %v, not finite in float64: %w", m, ll, ErrInvalid)
	}
	return ll, nil
}
