package btyd

import "math"

// upper returns an upper bound of the BG/NBD log-likelihood ll(p)
// (fitProblem.upper) without a logarithm per customer: per customer the
// terms after the x-dependent constants are
//
//	ln[(α+T)^{−(r+x)} + a/(b+x−1)·(α+t_x)^{−(r+x)}]   (x > 0),
//	−r ln(α+T)                                          (x = 0),
//
// bounded with the lower bound L(a+b) of ln(a+b) of lnSumLow and
// ln(eᵘ + eᵛ) ≤ max(u, v) + min(ln 2, 1/(1+|u−v|)). The target is not
// used: the exact log-likelihood is as cheap as a tighter bound.
func (d *bgnbdData) upper(p []float64, _ float64) float64 {
	r, al, a, b := p[0], p[1], p[2], p[3]
	for _, v := range p[:4] {
		if !(v > 0) || math.IsInf(v, 1) {
			return math.NaN()
		}
	}
	if d.lnT == nil {
		d.lnT = make([]float64, len(d.x))
		d.lnTx = make([]float64, len(d.x))
		for k := range d.x {
			d.lnT[k] = math.Log(d.t[k])
			d.lnTx[k] = math.Log(d.tx[k])
		}
		d.zeroLnT = make([]float64, len(d.zeroT))
		for k, t := range d.zeroT {
			d.zeroLnT[k] = math.Log(t)
		}
	}
	lal, la := math.Log(al), math.Log(a)
	var sum, mag float64
	for k, t := range d.zeroT {
		l := lnSumLow(al, lal, t, d.zeroLnT[k])
		sum += d.zeroW[k] * r * (lal - l)
		mag += d.zeroW[k] * r * (math.Abs(lal) + math.Abs(l))
	}
	lastX := -1
	var lr, lb, lbx float64
	for k, x := range d.x {
		fx := float64(x)
		if x != lastX {
			lr = fitLnGammaRatio(r, fx)
			lb = fitLnGammaRatio(b, a) - fitLnGammaRatio(b+fx, a)
			lbx = math.Log(b + (fx - 1))
			lastX = x
		}
		rx := r + fx
		u := -rx * lnSumLow(al, lal, d.t[k], d.lnT[k])
		v := la - lbx - rx*lnSumLow(al, lal, d.tx[k], d.lnTx[k])
		hi, lo := math.Max(u, v), math.Min(u, v)
		sum += d.w[k] * (lr + r*lal + lb + hi + math.Min(math.Ln2, 1/(1+(hi-lo))))
		mag += d.w[k] * (math.Abs(lr) + math.Abs(r*lal) + math.Abs(lb) + math.Abs(u) + math.Abs(v))
	}
	// The terms cancel, and each rounds: a margin of 10⁻¹² of their
	// magnitude.
	return sum + 1e-12*mag
}
