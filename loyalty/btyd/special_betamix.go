package btyd

import "math"

// betaMixture describes a function h on [0, 1] to be averaged over a
// Beta(a, b) distribution by betaMean.
type betaMixture struct {
	// h returns h(p) given p and q = 1 − p (both passed so that neither
	// end of the interval loses precision). It must be finite and ≥ 0 on
	// [0, 1], including at p = 0 and p = 1.
	h func(p, q float64) float64
	// slope0 and slope1 bound |h′/h| near p = 0 and near p = 1; they only
	// choose how close to the ends the analytic end pieces start.
	slope0, slope1 float64
	// feature is a point of (0, 1) around which h changes fastest, or 0.
	feature float64
}

// Gauss–Kronrod 7/15-point rule on [−1, 1] (Piessens et al. 1983,
// QUADPACK qk15): xgk are the Kronrod abscissae (the odd-indexed ones
// are the Gauss points), wgk their weights, wg the Gauss weights.
var (
	xgk = [8]float64{0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
		0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
		0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
		0.207784955007898467600689403773245, 0}
	wgk = [8]float64{0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
		0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
		0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
		0.204432940075298892414161999234649, 0.209482141084727828012999174891714}
	wg = [4]float64{0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
		0.381830050505118944950369775488975, 0.417959183673469387755102040816327}
)

const (
	// betaMeanTol is the relative error the adaptive quadrature asks of
	// each of the two integrals (by the Gauss–Kronrod difference, which
	// overstates the error of the 15-point result by orders of magnitude
	// once a panel is resolved).
	betaMeanTol = 1e-13
	// betaMeanMaxPanels bounds the work of one call.
	betaMeanMaxPanels = 4000
	// betaEndCut is the size, relative to the scale on which the
	// integrand changes, of the end pieces integrated analytically: with
	// the linear term included their error is about betaEndCut².
	betaEndCut = 1e-7
)

// panel is one subinterval of a half of [0, 1], in the logarithm of the
// distance to the nearer end, with its Kronrod estimates and the
// Kronrod−Gauss differences of the two integrals.
type panel struct {
	lo, hi     float64
	right      bool
	num, den   float64
	enum, eden float64
}

// betaMean returns E[h(p)] for p ~ Beta(a, b), a, b > 0:
//
//	E[h] = ∫₀¹ p^{a−1}(1−p)^{b−1} h(p) dp / ∫₀¹ p^{a−1}(1−p)^{b−1} dp
//
// Method: [0, ½] is integrated in u = ln p and [½, 1] in v = ln(1 − p),
// which turns the end singularities p^{a−1}, (1−p)^{b−1} of small shape
// parameters into slowly varying exponentials and spreads the narrow
// peak of large ones; the pieces below p₀ and above 1 − q₀ (p₀, q₀ about
// 1e-7 of the scale on which the integrand varies) are integrated
// analytically from a linear expansion of the rest of the integrand.
// Both integrals are summed by adaptive Gauss–Kronrod (7/15) quadrature
// (Piessens et al. 1983) on the same panels, starting from breakpoints at
// the mode of the weight ± multiples of its width and at m.feature, and
// bisecting the panel with the largest error estimate until both meet a
// relative tolerance of 1e-13. The weights are scaled by their maximum
// and the normalising integral is computed by the same rule, so no Beta
// function is evaluated and its rounding cancels from the ratio.
//
// The result is accurate to about 1e-13 relative for a, b in
// [1e-8, 1e8] and the integrands of this package; it is finite and ≥ 0
// whenever h is.
func betaMean(a, b float64, m betaMixture) float64 {
	k0 := math.Abs(b-1) + m.slope0 + 1
	k1 := math.Abs(a-1) + m.slope1 + 1
	p0 := betaEndCut / k0
	q0 := betaEndCut / k1
	u0, v0, half := math.Log(p0), math.Log(q0), -math.Ln2

	// ℓ is the log of the weight times the Jacobian in each variable.
	lw := func(t float64, right bool) float64 {
		e := math.Exp(t)
		if right {
			return b*t + (a-1)*math.Log1p(-e)
		}
		return a*t + (b-1)*math.Log1p(-e)
	}
	var brkL, brkR []float64
	brkL = append(brkL, u0, half)
	brkR = append(brkR, v0, half)
	maxL := math.Max(lw(u0, false), lw(half, false))
	maxL = math.Max(maxL, math.Max(lw(v0, true), lw(half, true)))
	addPeak := func(mode float64, right bool, shape float64) {
		// mode is the mode of the weight in the variable's own end
		// distance; shape the exponent on the far side (b−1 or a−1). The
		// mode may lie just beyond ½, on the other side: its breakpoints
		// that fall on this side are still needed.
		t := math.Log(mode)
		lo, hi := u0, half
		list := &brkL
		if right {
			lo, list = v0, &brkR
		}
		if !(t > lo) {
			return
		}
		if t < hi {
			maxL = math.Max(maxL, lw(t, right))
			*list = append(*list, t)
		}
		sd := (1 - mode) / math.Sqrt(shape*mode)
		for _, k := range []float64{0.5, 1.5, 3, 6, 12, 24, 48} {
			for _, x := range []float64{t - k*sd, t + k*sd} {
				if x > lo && x < hi {
					*list = append(*list, x)
				}
			}
		}
	}
	if b > 1 {
		addPeak(a/(a+b-1), false, b-1)
	}
	if a > 1 {
		addPeak(b/(a+b-1), true, a-1)
	}
	if f := m.feature; f > 0 && f < 1 {
		if f <= 0.5 {
			if t := math.Log(f); t > u0 && t < half {
				brkL = append(brkL, t)
			}
		} else if t := math.Log1p(-f); t > v0 && t < half {
			brkR = append(brkR, t)
		}
	}

	eval := func(t float64, right bool) (num, den float64) {
		e := math.Exp(t)
		w := math.Exp(lw(t, right) - maxL)
		if w == 0 {
			return 0, 0
		}
		f := -math.Expm1(t)
		if right {
			return w * m.h(f, e), w
		}
		return w * m.h(e, f), w
	}
	rule := func(pn *panel) {
		c, hw := (pn.lo+pn.hi)/2, (pn.hi-pn.lo)/2
		kn, kd := 0.0, 0.0
		gn, gd := 0.0, 0.0
		for i := 0; i < 7; i++ {
			n1, d1 := eval(c-hw*xgk[i], pn.right)
			n2, d2 := eval(c+hw*xgk[i], pn.right)
			kn += wgk[i] * (n1 + n2)
			kd += wgk[i] * (d1 + d2)
			if i%2 == 1 {
				gn += wg[i/2] * (n1 + n2)
				gd += wg[i/2] * (d1 + d2)
			}
		}
		n0, d0 := eval(c, pn.right)
		kn += wgk[7] * n0
		kd += wgk[7] * d0
		gn += wg[3] * n0
		gd += wg[3] * d0
		pn.num, pn.den = kn*hw, kd*hw
		pn.enum, pn.eden = math.Abs(kn-gn)*hw, math.Abs(kd-gd)*hw
	}

	var panels []panel
	for _, side := range []struct {
		brk   []float64
		right bool
	}{{brkL, false}, {brkR, true}} {
		pts := sortedUnique(side.brk)
		for i := 0; i+1 < len(pts); i++ {
			lo, hi := pts[i], pts[i+1]
			// No initial panel wider than 2 in the log variable.
			n := math.Ceil((hi - lo) / 2)
			for j := 0.0; j < n; j++ {
				pn := panel{lo: lo + (hi-lo)*j/n, hi: lo + (hi-lo)*(j+1)/n, right: side.right}
				rule(&pn)
				panels = append(panels, pn)
			}
		}
	}

	// The end pieces: ∫₀^{p₀} p^{a−1} f(p) dp with f(p) = (1−p)^{b−1} h(p)
	// ≈ p₀^a [f(0)/a + (f(p₀) − f(0))/(a+1)], and the same at p = 1.
	var tailNum, tailDen float64
	{
		s := math.Exp(a*u0 - maxL)
		g := math.Exp((b - 1) * math.Log1p(-p0))
		f0, f1 := m.h(0, 1), g*m.h(p0, 1-p0)
		tailNum += s * (f0/a + (f1-f0)/(a+1))
		tailDen += s * (1/a + (g-1)/(a+1))
	}
	{
		s := math.Exp(b*v0 - maxL)
		g := math.Exp((a - 1) * math.Log1p(-q0))
		f0, f1 := m.h(1, 0), g*m.h(1-q0, q0)
		tailNum += s * (f0/b + (f1-f0)/(b+1))
		tailDen += s * (1/b + (g-1)/(b+1))
	}

	for len(panels) < betaMeanMaxPanels {
		num, den, en, ed := tailNum, tailDen, 0.0, 0.0
		worst, worstErr := -1, 0.0
		for i := range panels {
			num += panels[i].num
			den += panels[i].den
			en += panels[i].enum
			ed += panels[i].eden
		}
		if en <= betaMeanTol*num && ed <= betaMeanTol*den {
			break
		}
		for i := range panels {
			e := panels[i].enum/num + panels[i].eden/den
			if e > worstErr {
				worst, worstErr = i, e
			}
		}
		if worst < 0 {
			break
		}
		pn := panels[worst]
		mid := (pn.lo + pn.hi) / 2
		l, r := panel{lo: pn.lo, hi: mid, right: pn.right}, panel{lo: mid, hi: pn.hi, right: pn.right}
		rule(&l)
		rule(&r)
		panels[worst] = l
		panels = append(panels, r)
	}
	num, den := tailNum, tailDen
	for i := range panels {
		num += panels[i].num
		den += panels[i].den
	}
	return num / den
}

// sortedUnique sorts xs in place by insertion (they are few) and drops
// repeats.
func sortedUnique(xs []float64) []float64 {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
	out := xs[:0]
	for _, x := range xs {
		if len(out) == 0 || x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}
