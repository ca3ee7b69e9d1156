package btyd

import "math"

// fitLnGammaRatio returns ln Γ(z+h) − ln Γ(z) for z > 0, h ≥ 0. For z ≥ 20
// it uses the difference of Stirling's series (Abramowitz & Stegun
// 6.1.40), written so that the two large logarithms cancel analytically:
//
//	(z−½)·log1p(h/z) + h·ln(z+h) − h + S(z+h) − S(z),
//	S(w) = 1/(12w) − 1/(360w³) + 1/(1260w⁵) − 1/(1680w⁷) + 1/(1188w⁹) − 691/(360360w¹¹)
//
// (truncation error below 10⁻¹⁸ for w ≥ 20); below, math.Lgamma
// directly, where ln Γ(z) is small. Its cost does not depend on h.
func fitLnGammaRatio(z, h float64) float64 {
	if h == 0 {
		return 0
	}
	if z >= 20 {
		return (z-0.5)*math.Log1p(h/z) + h*math.Log(z+h) - h + stirlingS(z+h) - stirlingS(z)
	}
	a, _ := math.Lgamma(z + h)
	b, _ := math.Lgamma(z)
	return a - b
}

func stirlingS(w float64) float64 {
	w2 := 1 / (w * w)
	return (1.0/12 + w2*(-1.0/360+w2*(1.0/1260+w2*(-1.0/1680+w2*(1.0/1188-w2*691.0/360360))))) / w
}

// fitPsiDiff returns ψ(z+h) − ψ(z) for z > 0, h ≥ 0: for z ≥ 20 from the
// asymptotic series of the digamma function (A&S 6.3.18),
//
//	log1p(h/z) + D(z+h) − D(z),
//	D(w) = −1/(2w) − 1/(12w²) + 1/(120w⁴) − 1/(252w⁶) + 1/(240w⁸) − 1/(132w¹⁰)
//
// (truncation error below 10⁻¹⁷ for w ≥ 20); below, the difference of
// two values of fitDigamma.
func fitPsiDiff(z, h float64) float64 {
	if h == 0 {
		return 0
	}
	if z >= 20 {
		return math.Log1p(h/z) + digammaD(z+h) - digammaD(z)
	}
	return fitDigamma(z+h) - fitDigamma(z)
}

// fitDigamma returns ψ(w) for w > 0: the asymptotic series ln w + D(w)
// for w ≥ 20, after the recurrence ψ(w) = ψ(w+1) − 1/w below (A&S
// 6.3.5). (gonum's mathext.Digamma is good to about 10⁻¹¹ only.)
func fitDigamma(w float64) float64 {
	var shift float64
	for w < 20 {
		shift += 1 / w
		w++
	}
	return math.Log(w) + digammaD(w) - shift
}

func digammaD(w float64) float64 {
	w2 := 1 / (w * w)
	return -0.5/w + w2*(-1.0/12+w2*(1.0/120+w2*(-1.0/252+w2*(1.0/240-w2/132))))
}
