package btyd

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// GammaGammaFit is a fitted Gamma-Gamma model with its fit report; StdErr
// is in the order P, Q, V.
type GammaGammaFit struct {
	GammaGamma
	FitInfo
}

// FitGammaGamma fits the Gamma-Gamma model by maximum likelihood (see
// [FitInfo]) on the repeat customers' (x, m̄) = (Frequency, MeanSpend);
// customers without repeat purchases carry no spend information and are
// skipped. The log-likelihood of the mean m̄ of x transactions is
//
//	ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m̄ + px ln x − (px+q) ln(v + x m̄)
//
// It returns an error wrapping [ErrInvalid] for a repeat customer with a
// mean spend that is not positive and finite, or a negative frequency, and
// [ErrLength] when no customer has a repeat purchase.
func FitGammaGamma(data []Summary, opts *FitOptions) (GammaGammaFit, error) {
	var xs, ms []float64
	for i, s := range data {
		if s.Frequency < 0 {
			return GammaGammaFit{}, fmt.Errorf("btyd: customer %d: frequency %d is negative: %w", i, s.Frequency, ErrInvalid)
		}
		if s.Frequency == 0 {
			continue
		}
		if !(s.MeanSpend > 0) || math.IsInf(s.MeanSpend, 1) {
			return GammaGammaFit{}, fmt.Errorf("btyd: customer %d: mean spend %v, want > 0: %w", i, s.MeanSpend, ErrInvalid)
		}
		xs = append(xs, float64(s.Frequency))
		ms = append(ms, s.MeanSpend)
	}
	if len(xs) == 0 {
		return GammaGammaFit{}, fmt.Errorf("btyd: Gamma-Gamma fit needs at least one repeat customer: %w", ErrLength)
	}
	// Terms that do not depend on the parameters: ln m̄, ln x.
	lm, lx := make([]float64, len(xs)), make([]float64, len(xs))
	for i := range xs {
		lm[i], lx[i] = math.Log(ms[i]), math.Log(xs[i])
	}
	ll := func(par, g []float64) float64 {
		p, q, v := par[0], par[1], par[2]
		lgq, _ := math.Lgamma(q)
		lv := math.Log(v)
		var total, gp, gq, gv float64
		for i, x := range xs {
			px := p * x
			a, _ := math.Lgamma(px + q)
			b, _ := math.Lgamma(px)
			lvm := math.Log(v + x*ms[i])
			total += a - b - lgq + q*lv + (px-1)*lm[i] + px*lx[i] - (px+q)*lvm
			if g != nil {
				dpq := mathext.Digamma(px + q)
				gp += x * (dpq - mathext.Digamma(px) + lm[i] + lx[i] - lvm)
				gq += dpq - lvm
				gv += q/v - (px+q)/(v+x*ms[i])
			}
		}
		if g != nil {
			n := float64(len(xs))
			g[0], g[1], g[2] = gp, gq+n*(lv-mathext.Digamma(q)), gv
		}
		return total
	}
	est, info, err := fitLogSpace("Gamma-Gamma", fitProblem{
		n:     3,
		ll:    func(p []float64) float64 { return ll(p, nil) },
		grad:  func(p, g []float64) { ll(p, g) },
		start: []float64{1, 1, 1},
	}, opts)
	if err != nil {
		return GammaGammaFit{FitInfo: info}, err
	}
	return GammaGammaFit{GammaGamma: GammaGamma{P: est[0], Q: est[1], V: est[2]}, FitInfo: info}, nil
}
