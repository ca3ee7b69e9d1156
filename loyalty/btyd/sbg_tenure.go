package btyd

import (
	"fmt"
	"math"
	"sort"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// Tenure is one customer's contract history for [FitSBGTenures]: the
// number of whole periods the customer was active, and whether they are
// still active (right-censored: their churn, if any, is still to come).
//
// A customer who churned after Periods periods renewed Periods − 1 times
// and left at the renewal that ends period Periods (T = Periods in the
// notation of Fader & Hardie 2007; Periods ≥ 1). A customer still active
// after Periods periods has renewed Periods times so far (Periods ≥ 0; 0
// is a customer just acquired, who carries no information yet).
type Tenure struct {
	// Periods is the number of whole periods the customer was active.
	Periods int64 `json:"periods"`
	// Active is true for a customer still active (censored), false for
	// one who churned.
	Active bool `json:"active"`
}

// MarshalJSON encodes t.
func (t Tenure) MarshalJSON() ([]byte, error) { type plain Tenure; return nanjson.Marshal(plain(t)) }

// UnmarshalJSON decodes t.
func (t *Tenure) UnmarshalJSON(b []byte) error {
	type plain Tenure
	return nanjson.Unmarshal(b, (*plain)(t))
}

// tenureCounts is the compressed form of contract data: for each distinct
// tenure t[i] (ascending), lost[i] customers who churned after t[i]
// periods and active[i] still active after t[i] periods.
type tenureCounts struct {
	t, lost, active []float64
	customers       int     // customers in the data, for FitInfo.N
	churned         float64 // customers who churned
	maxT            float64 // the longest tenure with data (periods at risk)
}

// fromMap fills c from counts by tenure: m[t] = {lost, active}.
func (c *tenureCounts) fromMap(m map[int64][2]float64, customers int) {
	keys := make([]int64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	c.t = make([]float64, len(keys))
	c.lost = make([]float64, len(keys))
	c.active = make([]float64, len(keys))
	for i, k := range keys {
		v := m[k]
		c.t[i], c.lost[i], c.active[i] = float64(k), v[0], v[1]
		c.churned += v[0]
		if (v[0] > 0 || v[1] > 0) && float64(k) > c.maxT {
			c.maxT = float64(k)
		}
	}
	c.customers = customers
}

// sbgStepMax is the largest gap between two tenures that sbgTenureLL
// walks period by period (below 2⁵² periods, where every step is exact);
// longer gaps, and all gaps above 2⁵², are crossed by the gamma-ratio
// closed form, so the work depends on the number of distinct tenures only.
const sbgStepMax = 32

// sbgTenureLL returns the sBG log-likelihood of c at α = a, β = b and,
// if g is not nil, its gradient in (a, b):
//
//	LL = Σᵢ lostᵢ ln P(T = tᵢ) + activeᵢ ln S(tᵢ)
//	ln P(T = t) = ln S(t−1) + ln α − ln(α+β+t−1)
//	ln S(t) = ln Γ(β+t)/Γ(β) − ln Γ(α+β+t)/Γ(α+β)
//
// (Fader & Hardie 2007, eqs. 5–7). ln S and its derivatives are carried
// along the sorted tenures: period by period (ln S(t+1) = ln S(t) −
// log1p(α/(β+t))) across gaps of at most sbgStepMax, and across longer
// ones by differences of ln Γ(α+β+t)/Γ(β+t) ([lnGammaRatio], absolute
// error a few ulp of α·ln(β+t), as for [SBG.Survival]).
func sbgTenureLL(c *tenureCounts, a, b float64, g []float64) float64 {
	var pos, lS, dSa, dSb float64 // ln S(pos) and its derivatives
	advance := func(to float64) {
		gap := to - pos
		// Step only where pos+1 is exact (below 2⁵²); above, a step could
		// round back to pos and never reach to.
		if gap <= sbgStepMax && to < 1<<52 {
			for ; pos < to; pos++ {
				lS -= math.Log1p(a / (b + pos))
				dSa -= 1 / (a + b + pos)
				dSb += 1/(b+pos) - 1/(a+b+pos)
			}
			pos = to
			return
		}
		// ln S(to) − ln S(pos) = ln Γ(α+β+pos)/Γ(β+pos) − ln Γ(α+β+to)/Γ(β+to):
		// two terms of the order of α·ln(β+to), not of gap·ln(gap).
		lS += lnGammaRatio(b+pos, a) - lnGammaRatio(b+to, a)
		dSa -= fitPsiDiff(a+b+pos, gap)
		dSb += fitPsiDiff(b+pos, a) - fitPsiDiff(b+to, a)
		pos = to
	}
	var v, ga, gb float64
	for i, t := range c.t {
		if l := c.lost[i]; l > 0 {
			advance(t - 1)
			d := a + b + t - 1
			v += l * (lS + math.Log(a/d))
			ga += l * (dSa + 1/a - 1/d)
			gb += l * (dSb - 1/d)
		}
		if n := c.active[i]; n > 0 {
			advance(t)
			v += n * lS
			ga += n * dSa
			gb += n * dSb
		}
	}
	if g != nil {
		g[0], g[1] = ga, gb
	}
	return v
}

// fitSBGCounts fits the sBG to compressed contract data; name labels the
// fit in messages ("sBG tenures").
func fitSBGCounts(c *tenureCounts, name string, opts *FitOptions) (SBGFit, error) {
	fp := fitProblem{
		name:  name,
		names: []string{"alpha", "beta"},
		ll:    func(p []float64) float64 { return sbgTenureLL(c, p[0], p[1], nil) },
		grad:  func(p, g []float64) { sbgTenureLL(c, p[0], p[1], g) },
		start: []float64{1, 1},
		n:     c.customers,
		lo:    SBGMinShape,
		hi:    SBGMaxShape,
	}
	if opts == nil || opts.Penalty == 0 {
		switch {
		case c.churned == 0:
			info, err := notIdentified(fp, 0, []string{"alpha", "beta"},
				"no customer churned: the likelihood rises without bound as alpha → 0 (or beta → ∞)")
			return SBGFit{FitInfo: info}, err
		case c.maxT < 2:
			info, err := notIdentified(fp, 0, []string{"alpha", "beta"},
				"one observed renewal rate identifies only alpha/(alpha+beta), not the heterogeneity of churn")
			return SBGFit{FitInfo: info}, err
		}
	}
	est, info, err := fitLogSpace(fp, opts)
	fit := SBGFit{FitInfo: info}
	if est != nil {
		fit.SBG = SBG{Alpha: est[0], Beta: est[1]}
	}
	return fit, err
}

// FitSBGTenures fits the sBG model (see [FitSBG]) by maximum likelihood
// to individual contract data: one [Tenure] per customer, churned or
// still active (right-censored), customers acquired at any time. With
// P(T = t) and S(t) of Fader & Hardie (2007, eqs. 5–7),
//
//	LL = Σ_{churned} ln P(T = Periods) + Σ_{active} ln S(Periods)
//	P(T = t) = B(α+1, β+t−1)/B(α, β),   S(t) = B(α, β+t)/B(α, β)
//
// The tenures are first compressed to counts by distinct (Periods,
// Active), so the likelihood's work grows with the number of distinct
// tenures, never with a tenure's length (gaps between tenures are crossed
// by ratios of gamma functions): a tenure of 2⁴⁰ periods costs what one of
// 40 does. Tenures above 2⁵³ periods are rounded to float64. The survivor
// counts of one cohort are the special case of lost customers churning
// after t = 1 … n periods and survivors[n] still active after n: the fit
// is then FitSBG's.
//
// Without a penalty the data identify α and β only if some customer
// churned and some customer was at risk in at least two periods (a
// tenure of 2 or more); otherwise, and by the criteria of [FitInfo], it
// returns an error wrapping [ErrNotIdentified].
//
// It returns an error wrapping [ErrEmpty] for no tenures, [ErrInvalid]
// for a negative tenure or a churned customer with a tenure of 0
// (naming the index), or invalid options, [ErrNotIdentified] as above and
// [ErrNotConverged] if the optimiser failed. FitInfo.N is len(ts).
func FitSBGTenures(ts []Tenure, opts *FitOptions) (SBGFit, error) {
	if len(ts) == 0 {
		return SBGFit{}, fmt.Errorf("btyd: sBG tenures fit: no tenures: %w", ErrEmpty)
	}
	m := make(map[int64][2]float64)
	for i, t := range ts {
		switch {
		case t.Periods < 0:
			return SBGFit{}, fmt.Errorf("btyd: sBG tenures fit: tenure %d: periods %d is negative: %w", i, t.Periods, ErrInvalid)
		case t.Periods == 0 && !t.Active:
			return SBGFit{}, fmt.Errorf("btyd: sBG tenures fit: tenure %d: a customer who churned was active for at least 1 period, got 0: %w", i, ErrInvalid)
		}
		v := m[t.Periods]
		if t.Active {
			v[1]++
		} else {
			v[0]++
		}
		m[t.Periods] = v
	}
	var c tenureCounts
	c.fromMap(m, len(ts))
	return fitSBGCounts(&c, "sBG tenures", opts)
}
