package servqual

import (
	"fmt"
	"math"
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
//
// and per item the corrected item-total correlation (r.drop: the item
// against the sum of the other items) and Alpha of the other k − 1 items
// (alpha if the item is dropped, raw_alpha of alpha.drop).
//
// A quantity that is undefined — one item, fewer than two complete
// respondents, an item with zero variance — is NaN and Reason says why.
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
	Alpha float64 `json:"-"`
	// StdAlpha is the standardized alpha.
	StdAlpha float64 `json:"-"`
	// MeanR is the mean inter-item correlation.
	MeanR float64 `json:"-"`
	// Reason explains why the statistics are NaN ("" when defined).
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
	ItemRest float64 `json:"-"`
	// AlphaIfDropped is the raw alpha of the other items.
	AlphaIfDropped float64 `json:"-"`
}

// MarshalJSON encodes the reliability with NaN as null.
func (r Reliability) MarshalJSON() ([]byte, error) {
	type plain Reliability
	return marshalWith(plain(r), map[string]*float64{
		"alpha": jsonNumber(r.Alpha), "std_alpha": jsonNumber(r.StdAlpha), "mean_r": jsonNumber(r.MeanR),
	})
}

// MarshalJSON encodes the item statistics with NaN as null.
func (it ItemReliability) MarshalJSON() ([]byte, error) {
	type plain ItemReliability
	return marshalWith(plain(it), map[string]*float64{
		"item_rest": jsonNumber(it.ItemRest), "alpha_if_dropped": jsonNumber(it.AlphaIfDropped),
	})
}

// Reliability returns the reliability of every dimension under measure m,
// in reporting order. It returns an error if the accumulator has no
// instrument or m is not a measure.
func (a *Accumulator) Reliability(m Measure) ([]Reliability, error) {
	if a.in == nil {
		return nil, fmt.Errorf("%w: accumulator has no instrument", ErrInstrument)
	}
	if m < 0 || m >= NumMeasures {
		return nil, fmt.Errorf("servqual: reliability of unknown measure %v", m)
	}
	out := make([]Reliability, len(a.in.dims))
	for d := range a.in.dims {
		out[d] = a.reliability(m, d)
	}
	return out, nil
}

func (a *Accumulator) reliability(m Measure, d int) Reliability {
	in := a.in
	b := &a.m[m].dim[d]
	items := in.dimItems[d]
	k := len(items)
	nan := math.NaN()
	r := Reliability{Dimension: in.dims[d].Key, Measure: m, N: int64(b.n), K: k, Alpha: nan, StdAlpha: nan, MeanR: nan,
		Items: make([]ItemReliability, k)}
	for j, i := range items {
		r.Items[j] = ItemReliability{Key: in.items[i].Key, ItemRest: nan, AlphaIfDropped: nan}
	}
	switch {
	case k < 2:
		r.Reason = "the dimension has one item"
		return r
	case b.n < 2:
		r.Reason = "fewer than two respondents answered every item"
		return r
	}
	c := func(i, j int) float64 { // co-moments; the common 1/(n−1) cancels
		if i > j {
			i, j = j, i
		}
		return b.c[i*k+j]
	}
	for j := 0; j < k; j++ {
		if !(c(j, j) > 0) {
			r.Reason = "item " + in.items[items[j]].Key + " has zero variance"
			return r
		}
	}
	r.Alpha = alphaOf(k, c, -1)
	var sumR float64
	for i := 0; i < k; i++ {
		for j := i + 1; j < k; j++ {
			sumR += c(i, j) / math.Sqrt(c(i, i)*c(j, j))
		}
	}
	r.MeanR = sumR / float64(k*(k-1)/2)
	kf := float64(k)
	r.StdAlpha = kf * r.MeanR / (1 + (kf-1)*r.MeanR)
	for j := 0; j < k; j++ {
		// Covariance of item j with the rest, and the rest's variance.
		var cov, rest float64
		for i := 0; i < k; i++ {
			if i == j {
				continue
			}
			cov += c(i, j)
			for l := 0; l < k; l++ {
				if l != j {
					rest += c(i, l)
				}
			}
		}
		r.Items[j].ItemRest = cov / math.Sqrt(c(j, j)*rest)
		if k > 2 {
			r.Items[j].AlphaIfDropped = alphaOf(k, c, j)
		}
	}
	return r
}

// alphaOf returns raw alpha of the k items (without item skip, if ≥ 0)
// from their co-moment function c.
func alphaOf(k int, c func(i, j int) float64, skip int) float64 {
	var diag, total float64
	used := 0
	for i := 0; i < k; i++ {
		if i == skip {
			continue
		}
		used++
		for j := 0; j < k; j++ {
			if j == skip {
				continue
			}
			total += c(i, j)
			if i == j {
				diag += c(i, i)
			}
		}
	}
	u := float64(used)
	return u / (u - 1) * (1 - diag/total)
}
