package loyalty

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/ep"
)

// WordOfMouth holds how many people a customer at each satisfaction level
// tells about the company, favourably and unfavourably, over a period.
// Both arrays are indexed by [ep.Level]; index ep.Unknown is unused and
// must be 0. It is a plain value, safe to copy and to share.
type WordOfMouth struct {
	// Positive is the number of people told favourably per customer.
	Positive [ep.NumLevels + 1]float64 `json:"positive"`
	// Negative is the number of people told unfavourably per customer.
	Negative [ep.NumLevels + 1]float64 `json:"negative"`
}

// DefaultWordOfMouth returns commonly quoted industry figures, without a
// primary source and so illustrative: a satisfied customer recommends the
// company to 5–10 people, taken as 10; a dissatisfied one complains to
// about 20. The figures do not separate
// delighted from satisfied customers, nor very dissatisfied from
// dissatisfied ones, so both of each pair get the same figure; neutral
// customers tell no one.
func DefaultWordOfMouth() WordOfMouth {
	var w WordOfMouth
	w.Positive[ep.Satisfied] = 10
	w.Positive[ep.Delighted] = 10
	w.Negative[ep.Dissatisfied] = 20
	w.Negative[ep.VeryDissatisfied] = 20
	return w
}

// Validate reports whether every figure is finite and ≥ 0 and the
// ep.Unknown entries are 0; the error wraps [ErrInvalid].
func (w WordOfMouth) Validate() error {
	if w.Positive[ep.Unknown] != 0 || w.Negative[ep.Unknown] != 0 {
		return fmt.Errorf("loyalty: word of mouth for the unknown level must be 0: %w", ErrInvalid)
	}
	for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
		for _, v := range []float64{w.Positive[l], w.Negative[l]} {
			if !(v >= 0) || math.IsInf(v, 1) {
				return fmt.Errorf("loyalty: word of mouth for %v is %v, must be finite and ≥ 0: %w", l, v, ErrInvalid)
			}
		}
	}
	return nil
}

// Reach is the word of mouth of a group of customers.
type Reach struct {
	// N is the number of customers.
	N int64 `json:"n"`
	// Positive and Negative are the people told favourably and
	// unfavourably: Σ n(l)·Positive[l] and Σ n(l)·Negative[l].
	Positive float64 `json:"positive"`
	Negative float64 `json:"negative"`
	// Net is Positive − Negative.
	Net float64 `json:"net"`
}

// Reach returns the people reached positively and negatively by a group of
// customers with the given distribution of satisfaction levels, and the
// net. People told by several customers are counted once per
// telling. It returns an error wrapping [ErrInvalid] if w is not valid, t
// is nil, or a total is outside the range of float64 (figures near 1e308
// times many customers): every number it returns is finite.
func (w WordOfMouth) Reach(t *ep.Tally) (Reach, error) {
	if err := w.Validate(); err != nil {
		return Reach{}, err
	}
	if t == nil {
		return Reach{}, fmt.Errorf("loyalty: word of mouth of a nil tally: %w", ErrInvalid)
	}
	r := Reach{N: t.N()}
	for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
		n := float64(t.Count(l))
		r.Positive += n * w.Positive[l]
		r.Negative += n * w.Negative[l]
	}
	r.Net = r.Positive - r.Negative
	for _, f := range []struct {
		name string
		v    float64
	}{{"positive", r.Positive}, {"negative", r.Negative}, {"net", r.Net}} {
		if math.IsInf(f.v, 0) || math.IsNaN(f.v) {
			return Reach{}, fmt.Errorf("loyalty: word of mouth reach: %s total is outside the range of float64: %w", f.name, ErrInvalid)
		}
	}
	return r, nil
}
