package btyd

import "math"

// ProbPurchases returns P(X(t) = n), the probability that a new customer
// makes exactly n purchases in (0, t] (Fader & Hardie 2006, "Deriving an
// expression for P(X(t) = x) under the Pareto/NBD model"). The published
// closed form is a difference of ₂F₁ terms that cancels badly; this
// method computes the same probability from the two events it sums, alive
// throughout (0, t] or dead at some τ ≤ t:
//
//	P(X(t)=n) = NB(n; t) · (β/(β+t))^s + ∫₀ᵗ NB(n; τ) · s β^s/(β+τ)^{s+1} dτ
//
// where NB(n; τ) = Γ(r+n)/(Γ(r) n!) (α/(α+τ))^r (τ/(α+τ))^n is the
// negative binomial count of a customer alive for τ. The integrand is
// positive and log-concave in ln τ; the integral is computed by adaptive
// Gauss–Kronrod (7/15) quadrature in ln τ to a relative 10⁻¹², on panels
// that grow geometrically from the integrand's peak and stop where it has
// fallen by e⁵⁰, so that the cost grows like log n.
//
// Special cases are:
//
//	ProbPurchases(0, 0) = 1; ProbPurchases(n, 0) = 0 for n > 0
//	ProbPurchases(n, t) = NaN for n < 0 or n > MaxFrequency, t outside
//	    [0, MaxTime] or NaN, or a parameter outside [MinParam, MaxParam]
func (m ParetoNBD) ProbPurchases(n int, t float64) float64 {
	if !m.inDomain() || n < 0 || n > MaxFrequency || !validTime(t) {
		return math.NaN()
	}
	if t == 0 {
		if n == 0 {
			return 1
		}
		return 0
	}
	r, al, s, be := m.R, m.Alpha, m.S, m.Beta
	fn := float64(n)
	// ln Γ(r+n)/(Γ(r) n!), exactly 0 for n = 0.
	var lc float64
	if n > 0 {
		lgr, _ := math.Lgamma(r)
		lc = lnGammaRatio(fn+1, r-1) - lgr
	}
	lnb := func(tau float64) float64 {
		v := lc - r*math.Log1p(tau/al)
		if n > 0 {
			v -= fn * math.Log1p(al/tau)
		}
		return v
	}
	alive := math.Exp(lnb(t) - s*math.Log1p(t/be))
	// In v = ln τ: F(v) = ln NB(n; e^v) + ln s + s ln β − (s+1) ln(β+e^v) + v.
	f := func(v float64) float64 {
		tau := math.Exp(v)
		return lnb(tau) + math.Log(s) - s*math.Log1p(tau/be) - math.Log(be+tau) + v
	}
	slope := func(v float64) float64 {
		tau := math.Exp(v)
		return fn + 1 - (r+fn)*tau/(al+tau) - (s+1)*tau/(be+tau)
	}
	// The integrand's rise is gentle below τ = 1e-300 times the scale
	// (its slope there is n + 1, and e^{(n+1)v} has no mass below).
	v0 := math.Log(t) - 700/(fn+1)
	v1 := math.Log(t)
	return alive + math.Exp(logConcaveQuad(f, slope, v0, v1, fn+r+s+2))
}

// logConcaveQuad returns ln ∫_{v0}^{v1} e^{F(v)} dv for a concave F with
// derivative dF, |dF| ≤ maxSlope: adaptive Gauss–Kronrod (7/15)
// quadrature (Piessens et al. 1983) on panels that start at the maximum
// of F and grow by a factor of 4 from 1/maxSlope on each side, stopping
// where F has fallen by 50 below its maximum (concavity bounds what lies
// beyond by e⁻⁵⁰ of the peak), bisected until the Kronrod−Gauss
// differences sum to 10⁻¹² of the integral (or 400 panels).
func logConcaveQuad(F, dF func(float64) float64, v0, v1, maxSlope float64) float64 {
	if !(v1 > v0) {
		return math.Inf(-1)
	}
	vm := v0
	switch {
	case dF(v0) <= 0:
	case dF(v1) >= 0:
		vm = v1
	default:
		a, b := v0, v1
		for i := 0; i < 100 && b-a > 1e-3/maxSlope; i++ {
			if m := (a + b) / 2; dF(m) > 0 {
				a = m
			} else {
				b = m
			}
		}
		vm = (a + b) / 2
	}
	scale := F(vm)
	brk := []float64{vm}
	for _, dir := range []float64{-1, 1} {
		end := v1
		if dir < 0 {
			end = v0
		}
		for d, i := 1/maxSlope, 0; ; d, i = d*4, i+1 {
			b := vm + dir*d
			if dir*(b-end) >= 0 || i == 100 {
				if end != vm {
					brk = append(brk, end)
				}
				break
			}
			brk = append(brk, b)
			if F(b) < scale-50 {
				break
			}
		}
	}
	brk = sortedUnique(brk)
	type pan struct{ a, b, v, err float64 }
	rule := func(p *pan) {
		m, hw := (p.a+p.b)/2, (p.b-p.a)/2
		var k, g float64
		for i := 0; i < 7; i++ {
			f1 := math.Exp(F(m-hw*xgk[i]) - scale)
			f2 := math.Exp(F(m+hw*xgk[i]) - scale)
			k += wgk[i] * (f1 + f2)
			if i%2 == 1 {
				g += wg[i/2] * (f1 + f2)
			}
		}
		f0 := math.Exp(F(m) - scale)
		k += wgk[7] * f0
		g += wg[3] * f0
		p.v, p.err = k*hw, math.Abs(k-g)*hw
	}
	pans := make([]pan, 0, len(brk)+16)
	for i := 0; i+1 < len(brk); i++ {
		p := pan{a: brk[i], b: brk[i+1]}
		rule(&p)
		pans = append(pans, p)
	}
	var tot float64
	for {
		var err float64
		tot = 0
		worst := 0
		for i := range pans {
			tot += pans[i].v
			err += pans[i].err
			if pans[i].err > pans[worst].err {
				worst = i
			}
		}
		if err <= 1e-12*tot || len(pans) >= pnbdQuadPanels {
			break
		}
		p := pans[worst]
		mid := (p.a + p.b) / 2
		l, rr := pan{a: p.a, b: mid}, pan{a: mid, b: p.b}
		rule(&l)
		rule(&rr)
		pans[worst] = l
		pans = append(pans, rr)
	}
	return scale + math.Log(tot)
}
