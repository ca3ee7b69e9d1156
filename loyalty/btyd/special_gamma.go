package btyd

import "math"

// lnGammaRatio returns ln Γ(x+s) − ln Γ(x) for x > 0 and x + s > 0,
// without the cancellation of subtracting two large log-gammas.
//
// When both arguments are below 10 the two values of math.Lgamma are
// small (|ln Γ| < 13) and their difference is accurate to a few 1e-16.
// Otherwise the smaller argument is first raised above 10 by the
// recurrence Γ(y+1) = yΓ(y), and the difference of Stirling's series
// (Abramowitz & Stegun 6.1.40) is taken in the form
//
//	(y − ½) log1p(s/y) + s ln(y+s) − s + ω(y+s) − ω(y)
//
// where ω is the Stirling correction (lnGammaCorr). Every term is of the
// order of s·ln(y+s) or smaller, so the absolute error is a few ulp of
// |s|·(1 + |ln(x+s)|): a relative error of about 1e-15 in the ratio of
// gamma functions for |s| ≲ 10, growing in proportion to |s| — which is
// also how much the ratio itself changes when s is perturbed by an ulp.
func lnGammaRatio(x, s float64) float64 {
	if s == 0 {
		return 0
	}
	y := x + s
	if x < 10 && y < 10 {
		lx, _ := math.Lgamma(x)
		ly, _ := math.Lgamma(y)
		return ly - lx
	}
	// Shift the smaller argument to at least 10; the product of the
	// factors is accumulated in log space in chunks to avoid overflow.
	var shift float64
	if x < 10 {
		for x < 10 {
			shift += math.Log(x) // ln Γ(x) = ln Γ(x+1) − ln x
			x++
			s--
		}
	} else if y < 10 {
		for y < 10 {
			shift -= math.Log(y)
			y++
			s++
		}
	}
	y = x + s
	return (x-0.5)*math.Log1p(s/x) + s*math.Log(y) - s + lnGammaCorr(y) - lnGammaCorr(x) + shift
}

// lnGammaCorr is the Stirling correction ω(y) = ln Γ(y) − (y − ½) ln y + y
// − ½ ln 2π for y ≥ 10, by its asymptotic series (A&S 6.1.41) to the
// term in y⁻¹³, whose remainder is below 1e-17 there.
func lnGammaCorr(y float64) float64 {
	z := 1 / (y * y)
	return (1.0/12 + z*(-1.0/360+z*(1.0/1260+z*(-1.0/1680+z*(1.0/1188+z*(-691.0/360360+z*(1.0/156))))))) / y
}

// lnBetaShift returns ln B(a, b+m) − ln B(a, b) = ln Πᵢ₌₀^{m−1} (b+i)/(a+b+i)
// for a, b > 0 and a whole m ≥ 0: for m ≤ 1024 as −Σ log1p(a/(b+i)), a
// sum of terms of one sign accurate to a few ulp of the result;
// above, as ln Γ(a+b)/Γ(b) − ln Γ(a+b+m)/Γ(b+m), whose absolute error is
// a few ulp of a·ln(b+m) — no larger than the change in the value when a
// moves by an ulp.
func lnBetaShift(a, b, m float64) float64 {
	if m <= 1024 {
		var l float64
		for i := 0.0; i < m; i++ {
			l -= math.Log1p(a / (b + i))
		}
		return l
	}
	return lnGammaRatio(b, a) - lnGammaRatio(b+m, a)
}

// maxBetaCFIterations bounds the continued fraction of nbTail; it
// converges in O(√max(a, b)) steps, so within the package's domain
// (counts ≤ MaxFrequency, shapes ≤ MaxParam) it is never reached.
const maxBetaCFIterations = 200_000

// nbTail returns P(N ≥ n) for the negative binomial distribution
// P(N = j) = Γ(r+j)/(Γ(r) j!) q^r z^j: the regularized incomplete beta
// function I_z(n, r), n ≥ 1, r > 0. q = 1 − z and the logarithms lz, lq
// of z and q are passed, computed by the caller without rounding 1 − z
// (an ulp of z near 1 is a large relative error in q, and n·ln z carries
// it into the result).
//
// Method: the continued fraction of I_x(a, b) (Abramowitz & Stegun
// 26.5.8), evaluated by the modified Lentz algorithm, either directly for
// (a, b, x) = (n, r, z) or as 1 − I_q(r, n), whichever loses less: the
// direct fraction's first denominator 1 − (n+r)z/(n+1) =
// ((n+r)q + 1 − r)/(n+1) cancels when z is near 1 and n is large,
// amplifying rounding by A = (n+1)/|(n+r)q + 1 − r|, while the complement
// amplifies it by I_q/(1 − I_q). The direct form is used when z <
// (n+1)/(n+r+2) (where it converges fast) and A < 1000; otherwise the
// complement, unless its amplification exceeds both 1000 and A. The prefactor x^a (1−x)^b/(a B(a, b)) is
// formed in log space with lnGammaRatio. Within the package's domain the
// relative error is below about 1e-13 wherever A or the complement's
// amplification is below 1000, which covers every tail of the grid
// x ≤ 1000, t/α ≤ 1e6.
func nbTail(n, r, z, q, lz, lq float64) float64 {
	if q == 0 {
		return 1
	}
	amp := (n + 1) / math.Abs((n+r)*q+1-r)
	if z < (n+1)/(n+r+2) && amp < 1000 {
		return clamp01(incBetaCF(n, r, z, lz, lq))
	}
	c := clamp01(incBetaCF(r, n, q, lq, lz))
	if c < 1 && (c/(1-c) < 1000 || c/(1-c) < amp) {
		return 1 - c
	}
	return clamp01(incBetaCF(n, r, z, lz, lq))
}

// clamp01 returns x clamped to [0, 1] (NaN as 0).
func clamp01(x float64) float64 {
	if !(x > 0) {
		return 0
	}
	return math.Min(x, 1)
}

// incBetaCF is I_x(a, b) by its continued fraction, given ln x and
// ln(1 − x); x < (a+1)/(a+b+2).
func incBetaCF(a, b, x, lx, l1x float64) float64 {
	// ln B(a, b) = ln Γ(s) − ln Γ(l+s)/Γ(l) with s the smaller argument.
	s, l := a, b
	if s > l {
		s, l = l, s
	}
	lgs, _ := math.Lgamma(s)
	lbeta := lgs - lnGammaRatio(l, s)
	front := math.Exp(a*lx + b*l1x - lbeta - math.Log(a))
	if front == 0 {
		return 0
	}
	const tiny = 1e-300
	c, d := 1.0, 1-(a+b)*x/(a+1)
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= maxBetaCFIterations; m++ {
		fm := float64(m)
		m2 := 2 * fm
		aa := fm * (b - fm) * x / ((a - 1 + m2) * (a + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		h *= d * c
		aa = -(a + fm) * (a + b + fm) * x / ((a + m2) * (a + 1 + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-16 {
			break
		}
	}
	return front * h
}
