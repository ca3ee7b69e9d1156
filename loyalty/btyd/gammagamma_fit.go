package btyd

import (
	"fmt"
	"math"
)

// GammaGammaFit is a fitted Gamma-Gamma model with its fit report; StdErr
// is in the order P, Q, V.
type GammaGammaFit struct {
	GammaGamma
	FitInfo
}

// FitGammaGamma fits the Gamma-Gamma model by maximum likelihood (see
// [FitInfo] for the method and the convergence criteria) on the repeat
// customers' (x, m̄) = (Frequency, MeanSpend). Customers without repeat
// purchases carry no spend information and are skipped, as are repeat
// customers whose MeanSpend is 0 (free orders) or below the smallest
// float64: a Gamma spend model gives them no density. Each decimal
// MeanSpend is converted to the nearest float64 once, before the
// likelihood is maximised. The log-likelihood of the mean m̄ of x
// transactions is
//
//	ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m̄ + px ln x − (px+q) ln(v + x m̄)
//
// (Fader, Hardie & Lee 2005, "RFM and CLV", appendix), whose cost is one
// term per customer whatever the counts.
//
// It returns an error wrapping [ErrEmpty] for no customers; [ErrInvalid]
// for a negative frequency or a repeat customer's mean spend that is
// negative or beyond the float64 range (naming the customer's index), or invalid
// options; [ErrNotIdentified] when no customer has a repeat purchase with
// a positive mean spend (without a penalty) or by the criteria of
// [FitInfo]; and [ErrNotConverged] if the optimiser failed.
func FitGammaGamma(data []Summary, opts *FitOptions) (GammaGammaFit, error) {
	if len(data) == 0 {
		return GammaGammaFit{}, fmt.Errorf("btyd: Gamma-Gamma fit: no customers: %w", ErrEmpty)
	}
	var xs, ms []float64
	for i, s := range data {
		if s.Frequency < 0 {
			return GammaGammaFit{}, fmt.Errorf("btyd: Gamma-Gamma fit: %s: frequency %d is negative: %w", customerName(i, s), s.Frequency, ErrInvalid)
		}
		if s.Frequency == 0 {
			continue
		}
		if s.MeanSpend.Sign() < 0 {
			return GammaGammaFit{}, fmt.Errorf("btyd: Gamma-Gamma fit: %s: mean spend %s is negative: %w", customerName(i, s), shortAmount(s.MeanSpend), ErrInvalid)
		}
		m := moneyFloat(s.MeanSpend) // converted once per customer
		if math.IsInf(m, 1) {
			return GammaGammaFit{}, fmt.Errorf("btyd: Gamma-Gamma fit: %s: mean spend %s is beyond the float64 range: %w", customerName(i, s), shortAmount(s.MeanSpend), ErrInvalid)
		}
		if m == 0 {
			continue
		}
		xs = append(xs, float64(s.Frequency))
		ms = append(ms, m)
	}
	fp := ggProblem(xs, ms)
	if len(xs) == 0 {
		if _, _, lambda, err := fitOptions(fp, opts); err != nil || lambda == 0 {
			if err != nil {
				return GammaGammaFit{}, err
			}
			info, err := notIdentified(fp, 0, fp.names, "no customer has a repeat purchase with a positive mean spend: the data carry no spend information")
			return GammaGammaFit{FitInfo: info}, err
		}
	}
	est, info, err := fitLogSpace(fp, opts)
	fit := GammaGammaFit{FitInfo: info}
	if est != nil {
		fit.GammaGamma = GammaGamma{P: est[0], Q: est[1], V: est[2]}
	}
	return fit, err
}

// softplus returns ln(1 + eʸ) without overflow.
func softplus(y float64) float64 {
	if y > 0 {
		return y + math.Log1p(math.Exp(-y))
	}
	return math.Log1p(math.Exp(y))
}

// ggProblem is the Gamma-Gamma likelihood of repeat customers with
// frequencies xs and mean spends ms (both positive).
func ggProblem(xs, ms []float64) fitProblem {
	// Terms that do not depend on the parameters: ln m̄, ln x.
	lm, lx := make([]float64, len(xs)), make([]float64, len(xs))
	for i := range xs {
		lm[i], lx[i] = math.Log(ms[i]), math.Log(xs[i])
	}
	// Per customer, with k = ln(x m̄/v) and softplus(y) = ln(1 + eʸ), the
	// term above is
	//
	//	ln Γ(px+q) − ln Γ(px) − ln Γ(q) − ln m̄ − px·softplus(−k) − q·softplus(k)
	//
	// which never forms v + x m̄ (it overflows for huge x m̄) nor the two
	// large log-gamma values of a large px separately.
	ll := func(par, g []float64) float64 {
		p, q, v := par[0], par[1], par[2]
		lgq, _ := math.Lgamma(q)
		lv := math.Log(v)
		var total, gp, gq, gv float64
		for i, x := range xs {
			px := p * x
			k := lm[i] + lx[i] - lv
			spNeg, spPos := softplus(-k), softplus(k)
			total += fitLnGammaRatio(px, q) - lgq - lm[i] - px*spNeg - q*spPos
			if g != nil {
				sigPos := 1 / (1 + math.Exp(-k)) // σ(k) = x m̄/(v + x m̄)
				sigNeg := 1 / (1 + math.Exp(k))
				gp += x * (fitPsiDiff(px, q) - spNeg)
				gq += fitPsiDiff(q, px) - spPos
				gv += (q*sigPos - px*sigNeg) / v
			}
		}
		if g != nil {
			g[0], g[1], g[2] = gp, gq, gv
		}
		return total
	}
	return fitProblem{
		name:  "Gamma-Gamma",
		names: []string{"p", "q", "v"},
		ll:    func(p []float64) float64 { return ll(p, nil) },
		grad:  func(p, g []float64) { ll(p, g) },
		start: []float64{1, 1, 1},
		n:     len(xs),
	}
}
