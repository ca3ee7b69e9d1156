package btyd

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// BdW holds the parameters of the beta-discrete-Weibull model of
// contractual retention (Fader, Hardie, Liu, Davin & Steenburgh 2018,
// "'How to project customer retention' revisited: the role of duration
// dependence", Journal of Interactive Marketing 43): a customer with
// churn parameter θ is still active after t periods with probability
// (1−θ)^(t^C), so their own churn probability rises with tenure when
// C > 1 and falls when C < 1, and θ varies across customers as
// Beta(Alpha, Beta). The share of a cohort still active after t periods
// is
//
//	S(t) = B(α, β + t^c)/B(α, β),   P(T = t) = S(t−1) − S(t)
//
// C = 1 is the sBG ([SBG]). The cohort's retention rate rises with
// tenure through heterogeneity (the customers most prone to churn leave
// first) and falls with it through duration dependence when C > 1, so it
// can dip before it rises.
//
// BdW is a plain value: its methods do not modify it and may be called
// concurrently. [BdW.Survival] and [BdW.Retention] are pure functions in
// the manner of package math: parameters or arguments outside their
// domain give NaN; on valid input the result is finite and in [0, 1].
type BdW struct {
	// Alpha is the first shape of the churn-parameter distribution.
	Alpha float64 `json:"alpha"`
	// Beta is its second shape.
	Beta float64 `json:"beta"`
	// C is the duration-dependence exponent: above 1 a customer's churn
	// probability rises with tenure, below 1 it falls, 1 is the sBG.
	C float64 `json:"c"`
}

// MarshalJSON encodes m with NaN as null.
func (m BdW) MarshalJSON() ([]byte, error) { type plain BdW; return nanjson.Marshal(plain(m)) }

// UnmarshalJSON decodes m, null as NaN.
func (m *BdW) UnmarshalJSON(b []byte) error {
	type plain BdW
	return nanjson.Unmarshal(b, (*plain)(m))
}

func (m BdW) valid() bool {
	return m.Alpha > 0 && m.Beta > 0 && m.C > 0 && !math.IsInf(m.Alpha, 1) && !math.IsInf(m.Beta, 1) && !math.IsInf(m.C, 1)
}

// Survival returns S(t) = B(α, β + t^c)/B(α, β), the share of a cohort
// still active after t whole periods (Fader et al. 2018). It is computed
// in O(1) in log space,
//
//	ln S(t) = ln Γ(α+β)/Γ(β) − ln Γ(α+β+x)/Γ(β+x),   x = t^c
//
// with each log-ratio of gamma functions formed without cancellation (as
// [SBG.Survival]), to an absolute error of a few ulp of α·ln(β+x) in
// ln S. Where t^c overflows float64 (x > 1.8e308), the second ratio is
// its limit α·c·ln t, exact there for α below 1e150. Very small values
// underflow to 0.
//
// Special cases are:
//
//	Survival(0) = 1
//	Survival(t) = NaN for t < 0, or α, β, c not finite and > 0
func (m BdW) Survival(t int) float64 {
	if !m.valid() || t < 0 {
		return math.NaN()
	}
	return math.Exp(m.logSurvival(float64(t)))
}

// logSurvival is ln S(t) for t ≥ 0.
func (m BdW) logSurvival(t float64) float64 {
	if t == 0 {
		return 0
	}
	x := math.Pow(t, m.C)
	if math.IsInf(x, 1) {
		return lnGammaRatio(m.Beta, m.Alpha) - m.Alpha*m.C*math.Log(t)
	}
	return lnGammaRatio(m.Beta, m.Alpha) - lnGammaRatio(m.Beta+x, m.Alpha)
}

// logRetention is ln r(t) = ln S(t) − ln S(t−1) for t ≥ 1:
//
//	ln r(t) = −[ln Γ(y+α+δ) − ln Γ(y+α) − ln Γ(y+δ) + ln Γ(y)],
//	y = β + (t−1)^c,   δ = t^c − (t−1)^c = (t−1)^c·expm1(c·log1p(1/(t−1)))
//
// a second difference of ln Γ, formed by [lnGammaDelta2] without
// subtracting two survivals, so 1 − r(t) keeps its relative precision
// when r(t) is near 1.
func (m BdW) logRetention(t float64) float64 {
	a, b, c := m.Alpha, m.Beta, m.C
	if t == 1 {
		return -math.Log1p(a / b)
	}
	x0 := math.Pow(t-1, c)
	if math.IsInf(x0, 1) {
		// Both t^c and (t−1)^c overflow: ln S is −α·c·ln t plus a constant.
		return -a * c * math.Log1p(1/(t-1))
	}
	d := x0 * math.Expm1(c*math.Log1p(1/(t-1)))
	if math.IsInf(d, 1) || math.IsInf(b+x0+d+a, 1) {
		return m.logSurvival(t) - m.logSurvival(t-1)
	}
	return -lnGammaDelta2(b+x0, a, d)
}

// lnGammaDelta2 returns the second difference
//
//	Δ² = ln Γ(y+a+d) − ln Γ(y+a) − ln Γ(y+d) + ln Γ(y)
//
// for y, a, d > 0. With ln Γ(z) = (z−½) ln z − z + ½ ln 2π + ω(z)
// (Stirling, A&S 6.1.41) for z ≥ 10, the second difference of the
// principal part is exactly
//
//	(y−½)·log1p(−ad/((y+a)(y+d))) + a·log1p(d/(y+a)) + d·log1p(a/(y+d))
//
// three terms of the size of the result (about ad/y for small a, d),
// so nothing cancels; ω's second difference is smaller by a factor 1/y².
// Below 10, y is raised by the recurrence ln Γ(z) = ln Γ(z+1) − ln z,
// whose second difference is log1p(−ad/((y+a)(y+d))) per step.
func lnGammaDelta2(y, a, d float64) float64 {
	var shift float64
	for y < 10 {
		shift -= math.Log1p(-(a / (y + a)) * (d / (y + d)))
		y++
	}
	h := (y-0.5)*math.Log1p(-(a/(y+a))*(d/(y+d))) + a*math.Log1p(d/(y+a)) + d*math.Log1p(a/(y+d))
	w := lnGammaCorr(y+a+d) - lnGammaCorr(y+a) - lnGammaCorr(y+d) + lnGammaCorr(y)
	return h + w + shift
}

// Retention returns the retention rate of period t ≥ 1, the share of the
// customers active after t − 1 periods who are still active after t:
//
//	r(t) = S(t)/S(t−1) = B(α, β + t^c)/B(α, β + (t−1)^c)
//
// computed in log space from the difference t^c − (t−1)^c, so that a
// rate near 1 keeps its distance from 1 (Fader et al. 2018). Unlike the
// sBG's, it can fall with t when c > 1. r(1) = β/(α+β).
//
// Special cases are:
//
//	Retention(t) = NaN for t < 1, or α, β, c not finite and > 0
func (m BdW) Retention(t int) float64 {
	if !m.valid() || t < 1 {
		return math.NaN()
	}
	return math.Exp(m.logRetention(float64(t)))
}

// Project returns the expected number of survivors of a cohort of size
// cohort at the start of periods 0 … periods: cohort · S(t), each from
// the closed form of [BdW.Survival].
//
// It returns an error wrapping [ErrInvalid] for invalid parameters, a
// cohort that is negative or not finite, or periods outside
// [0, MaxProjectPeriods].
func (m BdW) Project(cohort float64, periods int) ([]float64, error) {
	if !m.valid() {
		return nil, fmt.Errorf("btyd: Project: BdW parameters alpha %v, beta %v, c %v must be finite and > 0: %w", m.Alpha, m.Beta, m.C, ErrInvalid)
	}
	if !(cohort >= 0) || math.IsInf(cohort, 1) {
		return nil, fmt.Errorf("btyd: Project: BdW cohort %v must be finite and ≥ 0: %w", cohort, ErrInvalid)
	}
	if periods < 0 || periods > MaxProjectPeriods {
		return nil, fmt.Errorf("btyd: Project: BdW periods %d outside [0, %d]: %w", periods, MaxProjectPeriods, ErrInvalid)
	}
	out := make([]float64, periods+1)
	for t := range out {
		out[t] = cohort * math.Exp(m.logSurvival(float64(t)))
	}
	return out, nil
}

// logSurvivalGrad returns ln S(t) and sets g to its gradient in
// (α, β, c):
//
//	∂/∂α = ψ(α+β) − ψ(α+β+x)
//	∂/∂β = [ψ(α+β) − ψ(β)] − [ψ(α+β+x) − ψ(β+x)]
//	∂/∂c = −[ψ(α+β+x) − ψ(β+x)]·x·ln t,   x = t^c
//
// each difference of digammas by [fitPsiDiff]; x·[ψ(α+β+x) − ψ(β+x)] → α
// where x overflows.
func (m BdW) logSurvivalGrad(t float64, g *[3]float64) float64 {
	if t == 0 {
		*g = [3]float64{}
		return 0
	}
	a, b, c := m.Alpha, m.Beta, m.C
	x := math.Pow(t, c)
	lt := math.Log(t)
	if math.IsInf(x, 1) {
		// ψ(α+β+x) = ln x = c·ln t and ψ(α+β+x) − ψ(β+x) = α/x = 0 to
		// float64 precision.
		*g = [3]float64{fitDigamma(a+b) - c*lt, fitPsiDiff(b, a), -a * lt}
		return lnGammaRatio(b, a) - a*c*lt
	}
	px := fitPsiDiff(b+x, a)
	g[0] = -fitPsiDiff(a+b, x)
	g[1] = fitPsiDiff(b, a) - px
	g[2] = -px * x * lt
	return lnGammaRatio(b, a) - lnGammaRatio(b+x, a)
}
