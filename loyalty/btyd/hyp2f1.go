package btyd

import "math"

// hyp2f1 returns the Gauss hypergeometric function ₂F₁(a, b; c; z) for
// 0 ≤ z < 1 and c not a non-positive integer, or NaN.
//
// Method: the power series Σₖ (a)ₖ(b)ₖ/((c)ₖ k!) zᵏ, summed until a term
// falls below 1e-17 of the sum, for z ≤ 0.9; above that, the linear
// transformation to 1 − z (Abramowitz & Stegun 15.3.6)
//
//	₂F₁(a,b;c;z) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) ₂F₁(a, b; a+b−c+1; 1−z)
//	             + (1−z)^{c−a−b} Γ(c)Γ(a+b−c)/(Γ(a)Γ(b)) ₂F₁(c−a, c−b; c−a−b+1; 1−z)
//
// whose series in 1 − z ≤ 0.1 converge fast, unless c − a − b is within
// 1e-6 of an integer (where the two terms cancel), in which case the
// series in z is summed with up to 10⁷ terms. NaN is returned when no
// method converges. The gamma ratios are formed from math.Lgamma with
// signs, so large parameters do not overflow.
//
// The BG/NBD code calls it only through the Euler transformation that
// cancels the large powers (see bgnbdBracket), so its parameters stay
// small and the series converges quickly.
func hyp2f1(a, b, c, z float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) || math.IsNaN(c) || !(z >= 0 && z < 1) || (c <= 0 && c == math.Trunc(c)) {
		return math.NaN()
	}
	if z == 0 || a == 0 || b == 0 {
		return 1
	}
	if z <= 0.9 {
		if v, ok := hyp2f1Series(a, b, c, z, 100000); ok {
			return v
		}
	}
	s := c - a - b
	if math.Abs(s-math.Round(s)) > 1e-6 {
		w := 1 - z
		f1, ok1 := hyp2f1Series(a, b, 1-s, w, 100000)
		f2, ok2 := hyp2f1Series(c-a, c-b, 1+s, w, 100000)
		if ok1 && ok2 {
			g1 := gammaRatio([]float64{c, s}, []float64{c - a, c - b})
			g2 := gammaRatio([]float64{c, -s}, []float64{a, b})
			return g1*f1 + math.Pow(w, s)*g2*f2
		}
	}
	if v, ok := hyp2f1Series(a, b, c, z, 10000000); ok {
		return v
	}
	return math.NaN()
}

// hyp2f1Series sums the power series of ₂F₁ with at most maxTerms terms.
func hyp2f1Series(a, b, c, z float64, maxTerms int) (float64, bool) {
	sum, term := 1.0, 1.0
	small := 0
	for k := 0; k < maxTerms; k++ {
		fk := float64(k)
		term *= (a + fk) * (b + fk) / ((c + fk) * (fk + 1)) * z
		sum += term
		if math.IsInf(sum, 0) || math.IsNaN(sum) {
			return math.NaN(), false
		}
		// Stop after two consecutive negligible terms, once the terms are
		// decreasing (for large parameters they first grow).
		if math.Abs(term) <= 1e-17*math.Abs(sum) {
			small++
			if small >= 2 && math.Abs((a+fk+1)*(b+fk+1)*z) < math.Abs((c+fk+1)*(fk+2)) {
				return sum, true
			}
		} else {
			small = 0
		}
		if term == 0 {
			return sum, true
		}
	}
	return sum, false
}

// gammaRatio returns Π Γ(num) / Π Γ(den) via log-gamma with signs.
func gammaRatio(num, den []float64) float64 {
	var l float64
	sign := 1
	for _, x := range num {
		v, s := math.Lgamma(x)
		l += v
		sign *= s
	}
	for _, x := range den {
		if x <= 0 && x == math.Trunc(x) {
			return 0 // 1/Γ at a pole is 0
		}
		v, s := math.Lgamma(x)
		l -= v
		sign *= s
	}
	return float64(sign) * math.Exp(l)
}
