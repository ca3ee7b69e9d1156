package ep

import (
	"fmt"
	"math"
)

// Interval is a confidence interval [Low, High].
type Interval struct {
	// Low is the lower bound.
	Low float64 `json:"low"`
	// High is the upper bound.
	High float64 `json:"high"`
}

// z95 is the two-sided 95% standard-normal quantile Φ⁻¹(0.975).
var z95 = math.Sqrt2 * math.Erfinv(0.95)

// Wilson returns the Wilson score interval for a proportion of k successes
// in n trials at the given two-sided confidence level (Wilson 1927):
//
//	p̂ = k/n,  z = Φ⁻¹((1 + confidence)/2)
//	centre = (p̂ + z²/(2n)) / (1 + z²/n)
//	half   = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²))
//
// Unlike the normal (Wald) interval it stays inside [0, 1] and is usable
// for shares near 0 or 1 and small n.
//
// Special cases are:
//
//	Wilson(k, 0, c) = [NaN, NaN]
//	Wilson(k, n, c) = [NaN, NaN] if k < 0, k > n, or c is not in (0, 1)
func Wilson(k, n int64, confidence float64) Interval {
	if n <= 0 || k < 0 || k > n || !(confidence > 0 && confidence < 1) {
		return Interval{math.NaN(), math.NaN()}
	}
	z := z95
	if confidence != 0.95 {
		z = math.Sqrt2 * math.Erfinv(confidence)
	}
	nf := float64(n)
	p := float64(k) / nf
	z2 := z * z
	den := 1 + z2/nf
	centre := (p + z2/(2*nf)) / den
	half := z / den * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	return Interval{Low: math.Max(0, centre-half), High: math.Min(1, centre+half)}
}

// Tally counts satisfaction levels from a survey and summarises them. Its
// zero value is an empty tally ready to use. A Tally is not safe for
// concurrent use; tally shards separately and [Tally.Merge] them.
type Tally struct {
	counts [NumLevels]int64
}

// Add counts one answer. It returns an error wrapping [ErrLevel] if l is
// not one of the five known levels, and then counts nothing.
func (t *Tally) Add(l Level) error {
	if !l.Valid() {
		return fmt.Errorf("ep: cannot tally %v: %w", l, ErrLevel)
	}
	t.counts[l-1]++
	return nil
}

// AddN counts n answers of level l. It returns an error, and counts
// nothing, if l is not a known level (wrapping [ErrLevel]) or n is
// negative or would overflow the count (wrapping [ErrInvalid]).
func (t *Tally) AddN(l Level, n int64) error {
	if !l.Valid() {
		return fmt.Errorf("ep: cannot tally %v: %w", l, ErrLevel)
	}
	if n < 0 || t.N() > math.MaxInt64-n {
		return fmt.Errorf("ep: cannot tally %d answers of %v: %w", n, l, ErrInvalid)
	}
	t.counts[l-1] += n
	return nil
}

// Merge adds the counts of o to t.
func (t *Tally) Merge(o *Tally) {
	for i, c := range o.counts {
		t.counts[i] += c
	}
}

// Count returns the number of answers of level l (0 for an unknown level).
func (t *Tally) Count(l Level) int64 {
	if !l.Valid() {
		return 0
	}
	return t.counts[l-1]
}

// N returns the number of answers counted.
func (t *Tally) N() int64 {
	var n int64
	for _, c := range t.counts {
		n += c
	}
	return n
}

// Summary describes a tally of satisfaction levels.
type Summary struct {
	// N is the number of answers.
	N int64 `json:"n"`
	// Counts holds the number of answers per level, VeryDissatisfied
	// first.
	Counts [NumLevels]int64 `json:"counts"`
	// Shares holds Counts / N (NaN when N = 0).
	Shares [NumLevels]float64 `json:"shares"`
	// Mean is the mean level on the 1–5 scale (NaN when N = 0).
	Mean float64 `json:"mean"`
	// CSAT is the top-2-box share: (satisfied + delighted) / N.
	CSAT float64 `json:"csat"`
	// CSATInterval is the Wilson 95% interval of CSAT.
	CSATInterval Interval `json:"csat_interval"`
}

// Summary returns the shares per level, the mean level and the CSAT
// (top-2-box) share with its Wilson 95% interval. With no answers every
// share, the mean and the interval are NaN.
func (t *Tally) Summary() Summary {
	s := Summary{N: t.N(), Counts: t.counts}
	n := float64(s.N)
	var sum float64
	for i, c := range t.counts {
		s.Shares[i] = float64(c) / n
		sum += float64(i+1) * float64(c)
	}
	top2 := t.counts[Satisfied-1] + t.counts[Delighted-1]
	s.Mean = sum / n
	s.CSAT = float64(top2) / n
	s.CSATInterval = Wilson(top2, s.N, 0.95)
	return s
}

// EffortScale is the number of points of the Customer Effort Score ease
// scale: 1 = very difficult … 7 = very easy.
const EffortScale = 7

// EffortTally counts answers to the Customer Effort Score question ("the
// company made it easy for me to handle my issue") on the 1–7 ease scale
// (Dixon, Freeman & Toman 2010, CES 2.0). Its zero value is ready to use.
type EffortTally struct {
	counts [EffortScale]int64
}

// Add counts one rating. It returns an error wrapping [ErrInvalid], and
// counts nothing, unless rating is a whole number from 1 to 7.
func (t *EffortTally) Add(rating int) error {
	if rating < 1 || rating > EffortScale {
		return fmt.Errorf("ep: effort rating %d outside 1..%d: %w", rating, EffortScale, ErrInvalid)
	}
	t.counts[rating-1]++
	return nil
}

// Merge adds the counts of o to t.
func (t *EffortTally) Merge(o *EffortTally) {
	for i, c := range o.counts {
		t.counts[i] += c
	}
}

// EffortSummary describes a tally of Customer Effort Score ratings.
type EffortSummary struct {
	// N is the number of ratings.
	N int64 `json:"n"`
	// Counts holds the number of ratings 1 to 7.
	Counts [EffortScale]int64 `json:"counts"`
	// Mean is the mean rating (NaN when N = 0).
	Mean float64 `json:"mean"`
	// Easy is the share of ratings 5–7 ("easy").
	Easy float64 `json:"easy"`
	// EasyInterval is the Wilson 95% interval of Easy.
	EasyInterval Interval `json:"easy_interval"`
}

// Summary returns the mean rating and the share of easy ratings (5–7) with
// its Wilson 95% interval; NaN throughout when nothing was counted.
func (t *EffortTally) Summary() EffortSummary {
	s := EffortSummary{Counts: t.counts}
	var sum float64
	var easy int64
	for i, c := range t.counts {
		s.N += c
		sum += float64(i+1) * float64(c)
		if i+1 >= 5 {
			easy += c
		}
	}
	n := float64(s.N)
	s.Mean = sum / n
	s.Easy = float64(easy) / n
	s.EasyInterval = Wilson(easy, s.N, 0.95)
	return s
}
