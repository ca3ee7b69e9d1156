package ep

import (
	"math"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// Interval is a confidence interval [Low, High]; every interval in the
// module has this type (servqual and loyalty use it too). Unless a doc
// comment says otherwise it is a 95% interval; a bound the data leave
// undefined is NaN.
type Interval struct {
	// Low is the lower bound.
	Low float64 `json:"low"`
	// High is the upper bound.
	High float64 `json:"high"`
}

// MarshalJSON encodes the interval with NaN and ±Inf bounds as null.
func (iv Interval) MarshalJSON() ([]byte, error) {
	type plain Interval
	return nanjson.Marshal(plain(iv))
}

// UnmarshalJSON decodes an interval; a null bound decodes as NaN.
func (iv *Interval) UnmarshalJSON(b []byte) error {
	if iv == nil {
		return errorf("UnmarshalJSON into a nil *Interval: %w", ErrInvalid)
	}
	type plain Interval
	return nanjson.Unmarshal(b, (*plain)(iv))
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
// for shares near 0 or 1 and small n. In exact arithmetic the interval
// always contains p̂ and its bound at an end of [0, 1] is that end; the
// result is clamped so that this holds in floating point too:
// 0 ≤ Low ≤ p̂ ≤ High ≤ 1, Low = 0 exactly when k = 0 and High = 1
// exactly when k = n.
//
// Wilson is a function of numbers in the manner of package math: an
// argument outside its domain gives NaN rather than an error. Special
// cases are:
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
	iv := Interval{Low: max(0, min(centre-half, p)), High: min(1, max(centre+half, p))}
	if k == 0 {
		iv.Low = 0
	}
	if k == n {
		iv.High = 1
	}
	return iv
}

// Tally counts satisfaction levels from a survey and summarises them. Its
// zero value is an empty tally ready to use. The total count never
// exceeds math.MaxInt64: a call that would overflow it returns an error
// and counts nothing.
//
// A Tally is not safe for concurrent use: Add, AddN and Merge mutate it.
// The read methods (Count, N, Report) do not, and may run concurrently
// with each other; the source of a Merge is only read. Tally shards
// separately and [Tally.Merge] them. A nil *Tally reads as empty.
type Tally struct {
	counts [NumLevels]int64
}

// Add counts one answer. It returns an error, and counts nothing, if l is
// not one of the five known levels (wrapping [ErrLevel]), or if the count
// would overflow int64 or t is nil (wrapping [ErrInvalid]).
func (t *Tally) Add(l Level) error {
	return t.AddN(l, 1)
}

// AddN counts n answers of level l. It returns an error, and counts
// nothing, if l is not a known level (wrapping [ErrLevel]) or n is
// negative, would overflow the count, or t is nil (wrapping [ErrInvalid]).
func (t *Tally) AddN(l Level, n int64) error {
	if t == nil {
		return errorf("cannot tally into a nil *Tally: %w", ErrInvalid)
	}
	if !l.Valid() {
		return errorf("cannot tally %v: %w", l, ErrLevel)
	}
	if n < 0 {
		return errorf("cannot tally %d answers of %v: count is negative: %w", n, l, ErrInvalid)
	}
	if t.N() > math.MaxInt64-n {
		return errorf("cannot tally %d answers of %v: the count %d would overflow int64: %w", n, l, t.N(), ErrInvalid)
	}
	t.counts[l-1] += n
	return nil
}

// Merge adds the counts of o to t, as if t had counted o's answers. A nil
// o adds nothing; o may be t (the counts double). It returns an error
// wrapping [ErrInvalid], and changes nothing, if the total count would
// overflow int64 or t is nil. o is only read.
func (t *Tally) Merge(o *Tally) error {
	if o == nil {
		return nil
	}
	if t == nil {
		return errorf("cannot merge into a nil *Tally: %w", ErrInvalid)
	}
	if on := o.N(); t.N() > math.MaxInt64-on {
		return errorf("merging %d answers into %d would overflow int64: %w", on, t.N(), ErrInvalid)
	}
	for i := range t.counts {
		t.counts[i] += o.counts[i]
	}
	return nil
}

// Count returns the number of answers of level l (0 for an unknown level
// or a nil t).
func (t *Tally) Count(l Level) int64 {
	if t == nil || !l.Valid() {
		return 0
	}
	return t.counts[l-1]
}

// N returns the number of answers counted (0 for a nil t).
func (t *Tally) N() int64 {
	if t == nil {
		return 0
	}
	var n int64
	for _, c := range t.counts {
		n += c
	}
	return n
}

// ReasonNoAnswers is the Reason of the report of an empty tally.
const ReasonNoAnswers = "no answers"

// CSATReport is the report of a [Tally] of satisfaction levels: the counts
// and shares per level, the mean level and the CSAT (customer satisfaction
// score) top-2-box share with its interval.
type CSATReport struct {
	// N is the number of answers.
	N int64 `json:"n"`
	// Counts holds the number of answers per level, VeryDissatisfied
	// first.
	Counts [NumLevels]int64 `json:"counts"`
	// Shares holds Counts / N (NaN when N = 0).
	Shares [NumLevels]float64 `json:"shares"`
	// Mean is the mean level on the 1–5 scale (NaN when N = 0).
	Mean float64 `json:"mean"`
	// CSAT is the top-2-box share: (satisfied + delighted) / N, a
	// fraction from 0 to 1 (NaN when N = 0).
	CSAT float64 `json:"csat"`
	// CSATInterval is the Wilson 95% interval of CSAT (NaN when N = 0).
	CSATInterval Interval `json:"csat_interval"`
	// Reason says why the statistics are NaN ([ReasonNoAnswers]); it is
	// "" when they are defined.
	Reason string `json:"reason,omitempty"`
}

// MarshalJSON encodes the report with NaN statistics as null.
func (s CSATReport) MarshalJSON() ([]byte, error) {
	type plain CSATReport
	return nanjson.Marshal(plain(s))
}

// UnmarshalJSON decodes a report; null decodes as NaN.
func (s *CSATReport) UnmarshalJSON(b []byte) error {
	if s == nil {
		return errorf("UnmarshalJSON into a nil *CSATReport: %w", ErrInvalid)
	}
	type plain CSATReport
	return nanjson.Unmarshal(b, (*plain)(s))
}

// Report returns the shares per level, the mean level and the CSAT
// (top-2-box) share with its Wilson 95% interval. With no answers every
// share, the mean and the interval are NaN and Reason is
// [ReasonNoAnswers].
func (t *Tally) Report() CSATReport {
	var counts [NumLevels]int64
	if t != nil {
		counts = t.counts
	}
	s := CSATReport{N: t.N(), Counts: counts}
	if s.N == 0 {
		s.Reason = ReasonNoAnswers
	}
	n := float64(s.N)
	var sum float64
	for i, c := range counts {
		s.Shares[i] = float64(c) / n
		sum += float64(i+1) * float64(c)
	}
	top2 := counts[Satisfied-1] + counts[Delighted-1]
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
// (Dixon, Freeman & Toman 2010, CES 2.0). Its zero value is ready to use;
// the total count never exceeds math.MaxInt64.
//
// An EffortTally is not safe for concurrent use: Add and Merge mutate it.
// Report does not, and may run concurrently with other Report calls;
// the source of a Merge is only read. A nil *EffortTally reads as empty.
type EffortTally struct {
	counts [EffortScale]int64
}

func (t *EffortTally) n() int64 {
	if t == nil {
		return 0
	}
	var n int64
	for _, c := range t.counts {
		n += c
	}
	return n
}

// Add counts one rating. It returns an error wrapping [ErrInvalid], and
// counts nothing, unless rating is a whole number from 1 to 7, the count
// stays within int64 and t is not nil.
func (t *EffortTally) Add(rating int) error {
	if t == nil {
		return errorf("cannot tally into a nil *EffortTally: %w", ErrInvalid)
	}
	if rating < 1 || rating > EffortScale {
		return errorf("effort rating %d outside 1..%d: %w", rating, EffortScale, ErrInvalid)
	}
	if t.n() == math.MaxInt64 {
		return errorf("effort rating %d: the count %d would overflow int64: %w", rating, t.n(), ErrInvalid)
	}
	t.counts[rating-1]++
	return nil
}

// Merge adds the counts of o to t. A nil o adds nothing; o may be t. It
// returns an error wrapping [ErrInvalid], and changes nothing, if the
// total count would overflow int64 or t is nil. o is only read.
func (t *EffortTally) Merge(o *EffortTally) error {
	if o == nil {
		return nil
	}
	if t == nil {
		return errorf("cannot merge into a nil *EffortTally: %w", ErrInvalid)
	}
	if on := o.n(); t.n() > math.MaxInt64-on {
		return errorf("merging %d effort ratings into %d would overflow int64: %w", on, t.n(), ErrInvalid)
	}
	for i := range t.counts {
		t.counts[i] += o.counts[i]
	}
	return nil
}

// EffortReport is the report of an [EffortTally] of Customer Effort Score
// (CES) ratings.
type EffortReport struct {
	// N is the number of ratings.
	N int64 `json:"n"`
	// Counts holds the number of ratings 1 to 7.
	Counts [EffortScale]int64 `json:"counts"`
	// Mean is the mean rating (NaN when N = 0).
	Mean float64 `json:"mean"`
	// Easy is the share of ratings 5–7 ("easy"), a fraction from 0 to 1
	// (NaN when N = 0).
	Easy float64 `json:"easy"`
	// EasyInterval is the Wilson 95% interval of Easy (NaN when N = 0).
	EasyInterval Interval `json:"easy_interval"`
	// Reason says why the statistics are NaN ([ReasonNoAnswers]); it is
	// "" when they are defined.
	Reason string `json:"reason,omitempty"`
}

// MarshalJSON encodes the report with NaN statistics as null.
func (s EffortReport) MarshalJSON() ([]byte, error) {
	type plain EffortReport
	return nanjson.Marshal(plain(s))
}

// UnmarshalJSON decodes a report; null decodes as NaN.
func (s *EffortReport) UnmarshalJSON(b []byte) error {
	if s == nil {
		return errorf("UnmarshalJSON into a nil *EffortReport: %w", ErrInvalid)
	}
	type plain EffortReport
	return nanjson.Unmarshal(b, (*plain)(s))
}

// Report returns the mean rating and the share of easy ratings (5–7) with
// its Wilson 95% interval; NaN throughout, with Reason
// [ReasonNoAnswers], when nothing was counted.
func (t *EffortTally) Report() EffortReport {
	var counts [EffortScale]int64
	if t != nil {
		counts = t.counts
	}
	s := EffortReport{Counts: counts}
	var sum float64
	var easy int64
	for i, c := range counts {
		s.N += c
		sum += float64(i+1) * float64(c)
		if i+1 >= 5 {
			easy += c
		}
	}
	if s.N == 0 {
		s.Reason = ReasonNoAnswers
	}
	n := float64(s.N)
	s.Mean = sum / n
	s.Easy = float64(easy) / n
	s.EasyInterval = Wilson(easy, s.N, 0.95)
	return s
}
