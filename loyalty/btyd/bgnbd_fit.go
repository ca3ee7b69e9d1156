package btyd

import (
	"fmt"
	"math"
	"sort"
)

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
