package btyd

import "math"

// DiscountedResidualPurchases returns DERT, the discounted expected
// residual transactions of a customer with history s: the present value
// at T of the purchases the customer will make from T on, with a
// discount rate d per time unit (a fraction: 0.1 for 10%), continuously
// compounded at δ = ln(1 + d), as for [ParetoNBD.DiscountedResidualPurchases]
// (the quantity Fader, Hardie & Shang 2010 and Fader, Hardie & Lee 2005,
// "RFM and CLV", define):
//
//	DERT = ∫₀^∞ e^{−δu} dE[Y(u) | x, t_x, T]
//	     = P(alive) · E[λ/(δ + λp)],  λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x)
//	     = P(alive) · (r+x)/(δ(α+T)) · E[z·e^z·E_{r+x+1}(z)],  z = δ(α+T)/p
//
// with E_ν(z) = ∫₁^∞ e^{−zk} k^{−ν} dk the generalised exponential
// integral. A customer alive at T with rate λ and dropout probability p
// buys at rate λ while alive and is still alive at T+u with probability
// e^{−λpu}, which gives λ/(δ + λp); the posterior of (λ, p) given the
// history and alive at T is that of [BGNBD.ConditionalPurchases]
// (Fader, Hardie & Lee 2005, eq. 10), and averaging over λ analytically
// gives the third form. This derivation from the model's assumptions is
// the library's own (the BG/NBD papers give no DERT). The mean over p is
// the Beta mixture of an integrand in (0, 1], computed by the quadrature
// of [BGNBD.ExpectedPurchases]; z·e^z·E_ν(z) by its continued fraction
// (Abramowitz & Stegun 5.1.22) for z > 1 or ν > 41, and otherwise by its
// power series (DLMF §8.19) with the terms that have a pole at the
// nearest integer combined, so that nothing cancels and integer ν need
// no special case, followed by at most 40 steps of the upward
// recurrence E_{ν+1}(z) = (e^{−z} − z E_ν(z))/ν. The result is accurate to about
// 1e-12 relative; a call takes tens of microseconds (tens of
// milliseconds when a and b are both near MaxParam, as for the other
// Beta mixtures of the package).
//
// Special cases are:
//
//	DiscountedResidualPurchases(d, s) = NaN for d outside [MinDiscount,
//	    MaxDiscount] or NaN, an invalid history, or a parameter outside
//	    [MinParam, MaxParam]
func (m BGNBD) DiscountedResidualPurchases(d float64, s Summary) float64 {
	if !m.inDomain() || !validHistory(s) || !(d >= MinDiscount && d <= MaxDiscount) {
		return math.NaN()
	}
	alive := m.ProbAlive(s)
	if alive == 0 {
		return 0
	}
	fx := float64(s.Frequency)
	return alive * discountedPurchasesAlive(m.R+fx, m.Alpha+s.T, m.A, m.B+fx, math.Log1p(d))
}

// discountedPurchasesAlive returns E[λ/(δ + λp)] for λ ~ Gamma(R, A) and
// p ~ Beta(a, b): the discounted expected purchases of a customer alive
// now (see [BGNBD.DiscountedResidualPurchases]), as
// R/(δA) · E[zExpE(R+1, δA/p)].
func discountedPurchasesAlive(R, A, a, b, delta float64) float64 {
	dA := delta * A
	c := R + 1
	mean := betaMean(a, b, betaMixture{
		h: func(p, _ float64) float64 {
			if p == 0 {
				return 1
			}
			return zExpE(c, dA/p)
		},
		slope0:  c / dA,
		slope1:  1,
		feature: math.Min(dA/c, 1),
	})
	return R / dA * mean
}

// zExpE returns z·e^z·E_ν(z) for ν > 1 and z > 0, where E_ν(z) =
// ∫₁^∞ e^{−zk} k^{−ν} dk; it lies in (0, 1) and tends to 1 as z → ∞.
func zExpE(nu, z float64) float64 {
	if math.IsInf(z, 1) {
		return 1
	}
	if z > 1 || nu > 41 {
		return z * expECF(nu, z)
	}
	// ν₀ = ν − k in [1, 2), then k steps up: F_{ν+1} = (1 − z F_ν)/ν,
	// F = e^z E.
	k := math.Floor(nu - 1)
	v := nu - k
	f := expESeries(v, z)
	for i := 0.0; i < k; i++ {
		f = (1 - z*f) / (v + i)
	}
	return z * f
}

// expECF returns e^z·E_ν(z) by the continued fraction
// 1/(z+ν − 1·ν/(z+ν+2 − 2(ν+1)/(z+ν+4 − …))) (Abramowitz & Stegun
// 5.1.22, even part), evaluated by the modified Lentz method.
func expECF(nu, z float64) float64 {
	const tiny = 1e-300
	b := z + nu
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1.0; i < 2000; i++ {
		an := -i * (nu - 1 + i)
		b += 2
		d = an*d + b
		if d == 0 {
			d = tiny
		}
		d = 1 / d
		c = b + an/c
		if c == 0 {
			c = tiny
		}
		del := c * d
		h *= del
		if math.Abs(del-1) < 1e-16 {
			break
		}
	}
	return h
}

// zeta2 holds ζ(k) for k = 2, …, 21 (mpmath, 20 digits).
var zeta2 = [...]float64{1.6449340668482264365, 1.2020569031595942854, 1.0823232337111381915,
	1.0369277551433699263, 1.0173430619844491397, 1.0083492773819228268, 1.0040773561979443394,
	1.0020083928260822144, 1.0009945751278180853, 1.0004941886041194646, 1.0002460865533080483,
	1.0001227133475784891, 1.0000612481350587048, 1.0000305882363070205, 1.0000152822594086519,
	1.0000076371976378998, 1.0000038172932649998, 1.0000019082127165539, 1.0000009539620338728,
	1.0000004769329867878}

const eulerGamma = 0.57721566490153286061

// lnGamma1mOver returns ln Γ(1−ε)/ε for |ε| ≤ ½ (γ, Euler's constant,
// at ε = 0), by its Taylor series γ + Σ_{k≥2} ζ(k) ε^{k−1}/k
// (DLMF 5.7.3) for |ε| < 0.1, where the terms left out
// are below 1e-19, and from math.Lgamma otherwise.
func lnGamma1mOver(e float64) float64 {
	if math.Abs(e) >= 0.1 {
		lg, _ := math.Lgamma(1 - e)
		return lg / e
	}
	s, pw := 0.0, 1.0
	for k := range zeta2 {
		pw *= e
		s += zeta2[k] * pw / float64(k+2)
	}
	return eulerGamma + s
}

// expm1Over returns expm1(L)/L, 1 at L = 0.
func expm1Over(l float64) float64 {
	if math.Abs(l) < 1e-8 {
		return 1 + l/2
	}
	return math.Expm1(l) / l
}

// expESeries returns e^z·E_ν(z) for ν in [1, 2) and 0 < z ≤ 1 from the
// series E_ν(z) = z^{ν−1}Γ(1−ν) − Σ_k (−z)^k/(k!(k+1−ν)) (DLMF §8.19,
// for ν not an integer), whose pole term at the nearest integer n
// (1 or 2) is combined with z^{ν−1}Γ(1−ν): with ε = ν − n and
// L = ε ln z + ln Γ(1−ε) (− ln(1+ε) for n = 2), their sum is
// −expm1(L)/ε (n = 1) or z·expm1(L)/ε (n = 2), formed from L/ε without
// division by ε.
func expESeries(nu, z float64) float64 {
	lz := math.Log(z)
	var e, pole float64
	n := 1.0
	if nu < 1.5 {
		e = nu - 1
		lOver := lz + lnGamma1mOver(e)
		pole = -lOver * expm1Over(e*lOver)
	} else {
		n = 2
		e = nu - 2
		lOver := lz + lnGamma1mOver(e) - math.Log1p(e)/e
		pole = z * lOver * expm1Over(e*lOver)
	}
	// −Σ_{k ≠ n−1} (−z)^k/(k!(k+1−ν)).
	var sum float64
	term := 1.0 // (−z)^k/k!
	for k := 0.0; k < 60; k++ {
		if k > 0 {
			term *= -z / k
		}
		if k == n-1 {
			continue
		}
		v := term / (k + 1 - nu)
		sum -= v
		if k > 2 && math.Abs(v) < 1e-17*math.Abs(sum) {
			break
		}
	}
	return math.Exp(z) * (pole + sum)
}
