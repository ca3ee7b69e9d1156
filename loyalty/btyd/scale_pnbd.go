package btyd

import (
	"math"
)

// The Pareto/NBD likelihood at scale.
//
// Per customer the bracket of the likelihood (Fader, Hardie & Lee 2005
// note, eq. 18) is
//
//	(α+T)^{−(r+x)} (β+T)^{−s} + s ∫_{t_x}^{T} (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ
//	  = (r+x) J(T) + s I(t_x),
//
// with I(u) = ∫_u^∞ (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ (pnbdLnTail) and
// J(u) = ∫_u^∞ (α+τ)^{−(r+x+1)} (β+τ)^{−s} dτ: integrating the first
// term by parts, (α+T)^{−(r+x)}(β+T)^{−s} − s I(T) = (r+x) J(T). Both
// terms are positive, so their sum loses nothing to cancellation. Each is
// (m+u)^{−c} F(z) with c = r+s+x, m = max(α, β), n = min(α, β),
// z = (m−n)/(m+u) and the positive power series
//
//	F(z) = Σⱼ (k)ⱼ/j! · zʲ/(c+j),
//
// k = s+1 for I and s for J when α ≥ β, r+x and r+x+1 when α < β (the
// expansions of pnbdLnTail). F's coefficients depend on the customer only
// through x: they are computed once per distinct frequency and
// evaluation, and each customer costs a few Horner sums, two logarithms
// (one when t_x = 0) and an exponential, whatever its count. A customer whose z
// exceeds the radius where the series is summed to full precision within
// pnbdPolyMaxTerms terms takes the general route of pnbdTerms instead.

// pnbdPolyMaxTerms bounds the terms of a series summed by Horner's rule,
// pnbdPolyMaxZ the radius tried first and pnbdPolyLevels the number of
// halvings of it, each with its own, shorter, sum.
const (
	pnbdPolyMaxTerms = 96
	pnbdPolyMaxZ     = 0.5
	pnbdPolyLevels   = 6
)

// pnbdPoly holds F and its derivatives in c, k and z as polynomials in z
// for one (c, k).
type pnbdPoly struct {
	a, ac, ak, az, hs [pnbdPolyMaxTerms]float64
	c, k, q, h        float64             // the recurrence's state
	have              int                 // coefficients computed
	zmax              float64             // the largest z summed here (−1: none)
	terms             [pnbdPolyLevels]int // terms needed for z ≤ zmax/2^i
}

// set computes the coefficients for (c, k): aⱼ = (k)ⱼ/j!/(c+j), acⱼ =
// ∂aⱼ/∂c, akⱼ = ∂aⱼ/∂k, azⱼ = (j+1)aⱼ₊₁ (the derivative in z), and the
// number of terms that sum F and its derivatives to a relative 10⁻¹⁷ for
// z ≤ zmax/2ⁱ: after term J every term is at most ρ = max(1,
// (k+J)/(J+1))·z < 1 times the one before, the derivative series' terms
// at most (j+1)(1+hⱼ) times F's, so that the tail is below
// a_J z^J (J+1)(2+h_J)/(1−ρ)². Coefficients are computed as far as the
// largest radius needs them.
func (p *pnbdPoly) set(c, k float64) {
	p.c, p.k, p.q, p.h, p.have = c, k, 1, 0, 0
	p.zmax = -1
	p.coef(0)
	a0 := p.a[0]
	for z := pnbdPolyMaxZ; z > 1e-3; z /= 4 {
		ok := true
		for i := 0; i < pnbdPolyLevels; i++ {
			zi := z / float64(int(1)<<i)
			p.terms[i] = 0
			zj := 1.0
			for j := 0; j < pnbdPolyMaxTerms-1; j++ {
				p.coef(j)
				fj := float64(j)
				rho := math.Max(1, (k+fj)/(fj+1)) * zi
				if rho < 1 && p.a[j]*zj*(fj+1)*(2+p.hs[j]) <= 1e-17*a0*(1-rho)*(1-rho) {
					p.terms[i] = j + 1
					break
				}
				zj *= zi
			}
			if p.terms[i] == 0 {
				ok = false
				break
			}
		}
		if ok {
			p.zmax = z
			p.coef(p.terms[0]) // az of the last term needs the next a
			return
		}
	}
}

// coef computes the coefficients up to index j.
func (p *pnbdPoly) coef(j int) {
	for ; p.have <= j; p.have++ {
		n := p.have
		fn := float64(n)
		cn := p.c + fn
		p.a[n] = p.q / cn
		p.ac[n] = -p.a[n] / cn
		p.ak[n] = p.a[n] * p.h
		p.hs[n] = p.h
		p.az[n] = 0
		if n > 0 {
			p.az[n-1] = fn * p.a[n]
		}
		p.h += 1 / (p.k + fn)
		p.q *= (p.k + fn) / (fn + 1)
	}
}

// eval returns F(z) and, with grad, ∂F/∂c, ∂F/∂k, ∂F/∂z, for 0 ≤ z ≤
// p.zmax.
func (p *pnbdPoly) eval(z float64, grad bool) (f, fc, fk, fz float64) {
	level, lim := 0, p.zmax/2
	for level < pnbdPolyLevels-1 && z <= lim {
		level++
		lim /= 2
	}
	n := p.terms[level]
	if !grad {
		for j := n - 1; j >= 0; j-- {
			f = f*z + p.a[j]
		}
		return f, 0, 0, 0
	}
	for j := n - 1; j >= 0; j-- {
		f = f*z + p.a[j]
		fc = fc*z + p.ac[j]
		fk = fk*z + p.ak[j]
		fz = fz*z + p.az[j]
	}
	return f, fc, fk, fz
}

// pnbdScratch holds the per-frequency series of one evaluation.
type pnbdScratch struct {
	polyI, polyJ pnbdPoly
}

// llFast is ll: the log-likelihood of pnbdData.ll and its gradient, by
// the series above where they apply and pnbdTerms elsewhere.
func (d *pnbdData) llFast(p, g []float64) float64 {
	r, al, s, be := p[0], p[1], p[2], p[3]
	for _, v := range p[:4] {
		if !(v > 0) || math.IsInf(v, 1) {
			for i := range g {
				g[i] = math.NaN()
			}
			return math.NaN()
		}
	}
	if d.scratch == nil {
		d.scratch = new(pnbdScratch)
	}
	sc := d.scratch
	grad := g != nil
	lal, lbe, ls := math.Log(al), math.Log(be), math.Log(s)
	ageb := al >= be
	m, n := al, be
	if !ageb {
		m, n = be, al
	}
	dmn := m - n
	lm := math.Log(m)
	var ll float64
	var gs [4]float64
	var g1, g2 [4]float64
	var p1, p2 *[4]float64
	if grad {
		p1, p2 = &g1, &g2
	}
	lastX := -1
	var lr, ir, lrx, c float64
	for k, x := range d.x {
		w := d.w[k]
		fx := float64(x)
		if x != lastX {
			lr = fitLnGammaRatio(r, fx)
			if grad {
				ir = fitPsiDiff(r, fx)
			}
			lrx = math.Log(r + fx)
			c = r + s + fx
			if ageb {
				sc.polyI.set(c, s+1)
				sc.polyJ.set(c, s)
			} else {
				sc.polyI.set(c, r+fx)
				sc.polyJ.set(c, r+fx+1)
			}
			lastX = x
		}
		tx, T := d.tx[k], d.t[k]
		z1, z2 := dmn/(m+tx), dmn/(m+T)
		if !(z1 <= sc.polyI.zmax && z2 <= sc.polyJ.zmax) {
			// The general route, as pnbdData.llRef.
			a1, a2 := pnbdTerms(r, al, s, be, fx, tx, T, p1, p2)
			lse, sig := lseSig(a1, a2)
			ll += w * (lr + r*lal + s*lbe + lse)
			if grad {
				gs[0] += w * (ir + lal + (1-sig)*g1[0] + sig*g2[0])
				gs[1] += w * (r/al + (1-sig)*g1[1] + sig*g2[1])
				gs[2] += w * (lbe + (1-sig)*g1[2] + sig*g2[2])
				gs[3] += w * (s/be + (1-sig)*g1[3] + sig*g2[3])
			}
			continue
		}
		fI, fIc, fIk, fIz := sc.polyI.eval(z1, grad)
		fJ, fJc, fJk, fJz := sc.polyJ.eval(z2, grad)
		l1, l2 := lm, math.Log(m+T)
		if tx != 0 {
			l1 = math.Log(m + tx)
		}
		// The bracket (m+T)^{−c} [(r+x) F_J + s F_I ((m+T)/(m+t_x))^c]:
		// P is the log of the term (r+x) J(T), Q of s I(t_x).
		var lse, sig float64
		if e := c * (l2 - l1); e < 600 {
			a, b := (r+fx)*fJ, s*fI*math.Exp(e)
			lse, sig = -c*l2+math.Log(a+b), b/(a+b)
		} else {
			P := lrx - c*l2 + math.Log(fJ)
			Q := ls - c*l1 + math.Log(fI)
			lse, sig = lseSig(P, Q)
		}
		ll += w * (lr + r*lal + s*lbe + lse)
		if !grad {
			continue
		}
		// Derivatives of P and Q in r, s, m, n.
		jc, jk, jz := fJc/fJ, fJk/fJ, fJz/fJ
		ic, ik, iz := fIc/fI, fIk/fI, fIz/fI
		pr, ps := 1/(r+fx)-l2+jc, -l2+jc
		qr, qs := -l1+ic, 1/s-l1+ic
		if ageb {
			ps += jk
			qs += ik
		} else {
			pr += jk
			qr += ik
		}
		mT, mt := m+T, m+tx
		pm := -c/mT + jz*(n+T)/(mT*mT)
		pn := -jz / mT
		qm := -c/mt + iz*(n+tx)/(mt*mt)
		qn := -iz / mt
		dr := (1-sig)*pr + sig*qr
		ds := (1-sig)*ps + sig*qs
		dm := (1-sig)*pm + sig*qm
		dn := (1-sig)*pn + sig*qn
		da, db := dm, dn
		if !ageb {
			da, db = dn, dm
		}
		gs[0] += w * (ir + lal + dr)
		gs[1] += w * (r/al + da)
		gs[2] += w * (lbe + ds)
		gs[3] += w * (s/be + db)
	}
	if grad {
		copy(g, gs[:])
	}
	return ll
}

// lseSig returns ln(e^a + e^b) and the weight e^b/(e^a + e^b) of b, for
// finite a and b ≤ +∞ or −∞.
func lseSig(a, b float64) (float64, float64) {
	switch {
	case math.IsInf(b, -1):
		return a, 0
	case b > a:
		e := math.Exp(a - b)
		return b + math.Log1p(e), 1 / (1 + e)
	default:
		e := math.Exp(b - a)
		return a + math.Log1p(e), e / (1 + e)
	}
}

// upper returns an upper bound of ll(p) (fitProblem.upper), first a
// cheap one without an integral or a logarithm per customer and, if that
// is above target, a tighter one without an integral.
//
// The cheap bound: with L(a+b) = max(ln a, ln b) + 2ρ/(2+ρ), ρ =
// min(a,b)/max(a,b), a lower bound of ln(a+b) (ln(1+ρ) ≥ 2ρ/(2+ρ)), the
// bounds of the integral
//
//	s ∫_{t_x}^{T} (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ
//	  ≤ (α+t_x)^{−(r+x)} (β+t_x)^{−s} · min(1, s(T−t_x)/(β+t_x))
//
// (the integrand falls with τ; s ∫_{t_x}^∞ (β+τ)^{−(s+1)} dτ =
// (β+t_x)^{−s}) and ln(eᵃ + eᵇ) ≤ max(a, b) + min(ln 2, 1/(1+|a−b|)).
//
// The tight bound takes the logarithms exactly and bounds the integral by
// the least of: the logarithmic mean of the integrand's end values f₀ >
// f₁ times T−t_x (the integrand is log-convex in τ, so below the
// exponential through its end values), the tail bound above, and the
// integrals of the integrand with one of its two factors held at its
// value at t_x (each factor falls with τ).
func (d *pnbdData) upper(p []float64, target float64) float64 {
	r, al, s, be := p[0], p[1], p[2], p[3]
	for _, v := range p[:4] {
		if !(v > 0) || math.IsInf(v, 1) {
			return math.NaN()
		}
	}
	if d.lnT == nil {
		d.lnT = make([]float64, len(d.x))
		d.lnTx = make([]float64, len(d.x))
		d.lnGap = make([]float64, len(d.x))
		for k := range d.x {
			d.lnT[k] = math.Log(d.t[k])
			d.lnTx[k] = math.Log(d.tx[k])
			d.lnGap[k] = math.Log(d.t[k] - d.tx[k])
		}
	}
	lal, lbe, ls := math.Log(al), math.Log(be), math.Log(s)
	lastX := -1
	var lr, sum, mag float64
	for k, x := range d.x {
		fx := float64(x)
		if x != lastX {
			lr = fitLnGammaRatio(r, fx)
			lastX = x
		}
		rx := r + fx
		T, tx := d.t[k], d.tx[k]
		a1 := -rx*lnSumLow(al, lal, T, d.lnT[k]) - s*lnSumLow(be, lbe, T, d.lnT[k])
		a2 := math.Inf(-1)
		if T > tx {
			lb := lnSumLow(be, lbe, tx, d.lnTx[k])
			a2 = -rx*lnSumLow(al, lal, tx, d.lnTx[k]) - s*lb + math.Min(0, ls+d.lnGap[k]-lb)
		}
		hi, lo := math.Max(a1, a2), math.Min(a1, a2)
		sum += d.w[k] * (lr + r*lal + s*lbe + hi + math.Min(math.Ln2, 1/(1+(hi-lo))))
		mag += d.w[k] * (math.Abs(lr) + math.Abs(r*lal) + math.Abs(s*lbe) + math.Abs(hi))
	}
	// The terms cancel, and each rounds: a margin of 10⁻¹² of their
	// magnitude.
	if sum += 1e-12 * mag; !(sum > target) {
		return sum
	}
	lastX, sum, mag = -1, 0, 0
	var lrx1 float64
	for k, x := range d.x {
		fx := float64(x)
		if x != lastX {
			lr = fitLnGammaRatio(r, fx)
			lrx1 = math.Log(math.Abs(r + (fx - 1)))
			lastX = x
		}
		rx := r + fx
		T, tx := d.t[k], d.tx[k]
		laT, lbT := math.Log(al+T), math.Log(be+T)
		a1 := -rx*laT - s*lbT
		a2 := math.Inf(-1)
		if T > tx {
			lat, lbt := math.Log(al+tx), math.Log(be+tx)
			b2 := -rx*lat - s*lbt // the tail bound
			// ln of s(T−t_x)·f₀·(1 − e^{−Δ})/Δ, Δ = ln f₀ − ln f₁.
			delta := rx*(laT-lat) + (s+1)*(lbT-lbt)
			lm := b2 - lbt + ls + d.lnGap[k]
			if delta > 1e-6 {
				lm += math.Log(-math.Expm1(-delta) / delta)
			}
			a2 = math.Min(b2, lm)
			// The integrand is below (α+t_x)^{−(r+x)} (β+τ)^{−(s+1)},
			// whose integral s times is (α+t_x)^{−(r+x)} [(β+t_x)^{−s} −
			// (β+T)^{−s}] ...
			a2 = math.Min(a2, b2+math.Log(-math.Expm1(-s*(lbT-lbt))))
			// ... and below (β+t_x)^{−(s+1)} (α+τ)^{−(r+x)}, whose
			// integral is |(α+t_x)^{1−(r+x)} − (α+T)^{1−(r+x)}|/|r+x−1|.
			switch e := r + (fx - 1); {
			case e > 1e-9:
				a2 = math.Min(a2, ls-(s+1)*lbt-e*lat+math.Log(-math.Expm1(-e*(laT-lat)))-lrx1)
			case e < -1e-9:
				a2 = math.Min(a2, ls-(s+1)*lbt-e*laT+math.Log(-math.Expm1(e*(laT-lat)))-lrx1)
			}
		}
		lse, _ := lseSig(a1, a2)
		sum += d.w[k] * (lr + r*lal + s*lbe + lse)
		mag += d.w[k] * (math.Abs(lr) + math.Abs(r*lal) + math.Abs(s*lbe) + math.Abs(lse) + math.Abs(rx*laT) + math.Abs(s*lbT))
	}
	return sum + 1e-12*mag
}

// lnSumLow returns a lower bound of ln(a+b) for a > 0, b ≥ 0 from la = ln
// a and lb = ln b: max(la, lb) + 2ρ/(2+ρ), ρ = min(a, b)/max(a, b),
// within 0.027 of it.
func lnSumLow(a, la, b, lb float64) float64 {
	if a < b {
		a, la, b = b, lb, a
	}
	rho := b / a
	return la + 2*rho/(2+rho)
}
