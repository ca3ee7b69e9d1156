package servqual

import (
	"math"

	"github.com/cxlab/satisfaction/ep"
	"gonum.org/v1/gonum/stat/distuv"
)

// Reliability is the internal consistency of one dimension's items under
// one measure, computed from the complete-case co-moment matrix of the
// dimension (respondents who answered all its items).
//
// With k items, item covariance matrix C and correlation matrix R
// (Cronbach 1951; the definitions of R's psych::alpha):
//
//	Alpha    = k/(k − 1) · (1 − Σᵢ Cᵢᵢ / Σᵢⱼ Cᵢⱼ)       (raw_alpha)
//	StdAlpha = k·r̄ / (1 + (k − 1)·r̄)                    (std.alpha)
//	MeanR    = r̄, the mean of the off-diagonal Rᵢⱼ       (average_r)
//	AlphaCI  = [Feldt] interval of Alpha at 95%, from N and k
//
// and per item the corrected item-total correlation (r.drop: the item
// against the sum of the other items) and Alpha of the other k − 1 items
// (alpha if the item is dropped, raw_alpha of alpha.drop).
//
// A quantity that is undefined — one item, fewer than two complete
// respondents, an item with zero variance, a total score with zero
// variance (items that cancel out, such as two perfectly negatively
// correlated items), a standardized alpha whose denominator
// 1 + (k − 1)·r̄ is zero — is NaN and Reason (for an item's statistics,
// the item's Reason) says why; every other number is finite. A variance
// below 1e-12 of the sum of the item variances counts as zero, since it
// is then rounding noise.
type Reliability struct {
	// Dimension is the dimension's key.
	Dimension string `json:"dimension"`
	// Measure is the measure whose items were analysed.
	Measure Measure `json:"measure"`
	// N is the number of complete respondents used.
	N int64 `json:"n"`
	// K is the number of items.
	K int `json:"k"`
	// Alpha is Cronbach's raw alpha.
	Alpha float64 `json:"alpha"`
	// AlphaCI is the 95% confidence interval of Alpha by Feldt, Woodruff
	// & Salih (1987) for N respondents and K items (see [Feldt]); NaN
	// bounds when Alpha is NaN or the interval is undefined (Reason says
	// why).
	AlphaCI ep.Interval `json:"alpha_ci"`
	// StdAlpha is the standardized alpha.
	StdAlpha float64 `json:"std_alpha"`
	// MeanR is the mean inter-item correlation.
	MeanR float64 `json:"mean_r"`
	// Reason explains why Alpha, StdAlpha or MeanR is NaN ("" when all
	// are defined).
	Reason string `json:"reason,omitempty"`
	// Items holds the item statistics in questionnaire order.
	Items []ItemReliability `json:"items"`
}

// ItemReliability is one item's contribution to its dimension's
// reliability.
type ItemReliability struct {
	// Key is the item's key.
	Key string `json:"key"`
	// ItemRest is the corrected item-total correlation.
	ItemRest float64 `json:"item_rest"`
	// AlphaIfDropped is the raw alpha of the other items (NaN for a
	// dimension of two items: alpha of one item is undefined).
	AlphaIfDropped float64 `json:"alpha_if_dropped"`
	// Reason explains why ItemRest or AlphaIfDropped is NaN ("" when
	// both are defined).
	Reason string `json:"reason,omitempty"`
}

// Reliability returns the reliability of every dimension under measure m,
// in reporting order. It returns an error wrapping [ErrInstrument] if the
// accumulator has no instrument, or [ErrArgument] if m is not a measure.
func (a *Accumulator) Reliability(m Measure) ([]Reliability, error) {
	if !a.ready() {
		return nil, errNoInstrument("Reliability")
	}
	if m < 0 || m >= NumMeasures {
		return nil, errorf("Reliability: measure %v: not a measure: %w", m, ErrArgument)
	}
	out := make([]Reliability, len(a.in.dims))
	for d := range a.in.dims {
		out[d] = a.reliability(m, d)
	}
	return out, nil
}

// zeroRel is the fraction of the summed item variances below which a
// variance of a sum of items counts as zero.
const zeroRel = 1e-12

func (a *Accumulator) reliability(m Measure, d int) Reliability {
	in := a.in
	b := &a.m[m].dim[d]
	items := in.dimItems[d]
	k := len(items)
	nan := math.NaN()
	r := Reliability{Dimension: in.dims[d].Key, Measure: m, N: int64(b.n), K: k, Alpha: nan,
		AlphaCI: ep.Interval{Low: nan, High: nan}, StdAlpha: nan, MeanR: nan, Items: make([]ItemReliability, k)}
	for j, i := range items {
		r.Items[j] = ItemReliability{Key: in.items[i].Key, ItemRest: nan, AlphaIfDropped: nan}
	}
	setReason := func(why string) {
		r.Reason = why
		for j := range r.Items {
			r.Items[j].Reason = why
		}
	}
	switch {
	case k < 2:
		setReason("the dimension has one item")
		return r
	case b.n < 2:
		setReason("fewer than two respondents answered every item")
		return r
	}
	c := func(i, j int) float64 { // co-moments; the common 1/(n−1) cancels
		if i > j {
			i, j = j, i
		}
		return b.c[i*k+j]
	}
	sd := make([]float64, k)
	row := make([]float64, k) // Σᵢ C(i, j): covariance of item j with the total
	var diag, total float64
	for j := 0; j < k; j++ {
		sd[j] = math.Sqrt(c(j, j))
		if !(sd[j] > 0) {
			setReason("item " + in.items[items[j]].Key + " has zero variance")
			return r
		}
		diag += c(j, j)
		for i := 0; i < k; i++ {
			row[j] += c(i, j)
		}
		total += row[j]
	}
	var reasons []string
	if total > zeroRel*diag {
		r.Alpha = alpha(float64(k), diag, total)
		r.AlphaCI = Feldt(r.Alpha, r.N, k, 0.95)
		if math.IsNaN(r.AlphaCI.Low) {
			reasons = append(reasons, "Feldt's interval for alpha is undefined (a bound overflows)")
		}
	} else {
		reasons = append(reasons, "the total score has zero variance (the items cancel out), so alpha is undefined")
	}
	var sumR float64
	for i := 0; i < k; i++ {
		for j := i + 1; j < k; j++ {
			sumR += c(i, j) / sd[i] / sd[j]
		}
	}
	kf := float64(k)
	r.MeanR = sumR / (kf * (kf - 1) / 2)
	if den := 1 + (kf-1)*r.MeanR; den > zeroRel*kf {
		r.StdAlpha = kf * r.MeanR / den
	} else {
		reasons = append(reasons, "1 + (k − 1)·mean r is zero, so standardized alpha is undefined")
	}
	for i, why := range reasons {
		if i > 0 {
			r.Reason += "; "
		}
		r.Reason += why
	}
	for j := 0; j < k; j++ {
		it := &r.Items[j]
		// The rest score: the total without item j.
		cjj := c(j, j)
		restVar := total - 2*row[j] + cjj
		restDiag := diag - cjj
		var why []string
		if restVar > zeroRel*restDiag {
			it.ItemRest = (row[j] - cjj) / sd[j] / math.Sqrt(restVar)
		} else {
			why = append(why, "the other items' total has zero variance")
		}
		switch {
		case k == 2:
			why = append(why, "alpha of the one other item is undefined")
		case restVar > zeroRel*restDiag:
			it.AlphaIfDropped = alpha(kf-1, restDiag, restVar)
		}
		for i, w := range why {
			if i > 0 {
				it.Reason += "; "
			}
			it.Reason += w
		}
	}
	return r
}

// alpha returns raw alpha k/(k − 1)·(1 − Σ item variances / total-score
// variance) from co-moment sums (the common 1/(n − 1) cancels).
func alpha(k, diag, total float64) float64 { return k / (k - 1) * (1 - diag/total) }

// Feldt returns the confidence interval at the given level (a fraction,
// such as 0.95) of Cronbach's alpha of k items estimated on n respondents
// (Feldt, Woodruff & Salih 1987, "Statistical inference for coefficient
// alpha", Applied Psychological Measurement 11(1)):
//
//	Low  = 1 − (1 − alpha)·F⁻¹(1 − γ/2; n − 1, (n − 1)(k − 1))
//	High = 1 − (1 − alpha)·F⁻¹(γ/2;     n − 1, (n − 1)(k − 1))
//
// with γ = 1 − level and F⁻¹ the quantile of the F distribution; for
// n > 10¹⁰ the quantiles come from the normal approximation of log F
// (variance 2/d₁ + 2/d₂), which is then accurate to 1e-10. Both bounds
// are NaN when alpha is NaN, ±Inf or above 1, n < 2, k < 2, the level is
// not in (0, 1), or a bound would overflow; otherwise Low ≤ High ≤ 1. It
// is the interval [Reliability] reports, and package pls uses it too.
func Feldt(alpha float64, n int64, k int, level float64) ep.Interval {
	nan := ep.Interval{Low: math.NaN(), High: math.NaN()}
	if math.IsNaN(alpha) || math.IsInf(alpha, 0) || alpha > 1 || n < 2 || k < 2 || !(level > 0 && level < 1) {
		return nan
	}
	g := 1 - level
	d1 := float64(n - 1)
	d2 := d1 * float64(k-1)
	q := func(p float64) float64 {
		if d1 > 1e10 {
			// The incomplete-beta inversion loses accuracy for such degrees
			// of freedom; log F is then normal with variance 2/d1 + 2/d2 to
			// within 1e-10 (checked against scipy.stats.f.ppf).
			return math.Exp(distuv.UnitNormal.Quantile(p) * math.Sqrt(2/d1+2/d2))
		}
		return distuv.F{D1: d1, D2: d2}.Quantile(p)
	}
	lo, hi := 1-(1-alpha)*q(1-g/2), 1-(1-alpha)*q(g/2)
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return nan
	}
	return ep.Interval{Low: lo, High: hi}
}
