package loyalty

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/ep"
)

// NPSTally counts answers to the Net Promoter question ("how likely are you
// to recommend us to a friend or colleague?", 0 = not at all likely … 10 =
// extremely likely; Reichheld 2003). Its zero value is empty and ready to
// use. Counts are int64 and never wrap: a count that would overflow is an
// error.
//
// Concurrency: an NPSTally is not safe for concurrent use while it is
// being changed (Add, AddN, Merge into it). Its read methods (Count, N,
// Report) do not change it and may be called concurrently with each
// other, and the source of a Merge is only read. To count in parallel,
// count shards separately and [NPSTally.Merge] them; the merge is exact.
type NPSTally struct {
	counts [11]int64
}

// Add counts one answer. It returns an error wrapping [ErrInvalid], and
// counts nothing, unless score is a whole number from 0 to 10, or if the
// total would overflow int64 or t is nil.
func (t *NPSTally) Add(score int) error {
	return t.AddN(score, 1)
}

// AddN counts n answers of the same score. It returns an error wrapping
// [ErrInvalid], and counts nothing, if score is not 0..10, n is negative,
// the total would overflow int64, or t is nil.
func (t *NPSTally) AddN(score int, n int64) error {
	if t == nil {
		return fmt.Errorf("loyalty: NPSTally.AddN on a nil tally: %w", ErrInvalid)
	}
	if score < 0 || score > 10 {
		return fmt.Errorf("loyalty: NPS answer %d outside 0..10: %w", score, ErrInvalid)
	}
	if n < 0 || t.N() > math.MaxInt64-n {
		return fmt.Errorf("loyalty: cannot count %d NPS answers of %d to a tally of %d (negative, or the total would overflow int64): %w", n, score, t.N(), ErrInvalid)
	}
	t.counts[score] += n
	return nil
}

// Merge adds the counts of o to t; o is only read, and a nil o is an
// empty tally. It returns an error wrapping [ErrInvalid], and changes
// nothing, if t is nil or the merged total would overflow int64. Merging
// a tally into itself doubles it.
func (t *NPSTally) Merge(o *NPSTally) error {
	if t == nil {
		return fmt.Errorf("loyalty: NPSTally.Merge into a nil tally: %w", ErrInvalid)
	}
	if o == nil {
		return nil
	}
	if n, m := t.N(), o.N(); n > math.MaxInt64-m {
		return fmt.Errorf("loyalty: NPSTally.Merge of %d answers into %d would overflow int64: %w", m, n, ErrInvalid)
	}
	add := o.counts // a copy, in case o == t
	for i, c := range add {
		t.counts[i] += c
	}
	return nil
}

// Count returns the number of answers of the given score (0 outside 0..10
// or for a nil tally).
func (t *NPSTally) Count(score int) int64 {
	if t == nil || score < 0 || score > 10 {
		return 0
	}
	return t.counts[score]
}

// N returns the number of answers counted (0 for a nil tally).
func (t *NPSTally) N() int64 {
	if t == nil {
		return 0
	}
	var n int64
	for _, c := range t.counts {
		n += c
	}
	return n
}

// NPSReport is the Net Promoter Score of a tally with its uncertainty.
type NPSReport struct {
	// N is the number of answers.
	N int64 `json:"n"`
	// Promoters (9–10), Passives (7–8) and Detractors (0–6) count the
	// answers in each group.
	Promoters  int64 `json:"promoters"`
	Passives   int64 `json:"passives"`
	Detractors int64 `json:"detractors"`
	// Score is the NPS in points, −100 to 100: 100 (p₊ − p₋).
	Score float64 `json:"score"`
	// Variance is the variance of one answer scored +1 (promoter), 0
	// (passive), −1 (detractor): (p₊ + p₋) − (p₊ − p₋)², in squared
	// proportion units.
	Variance float64 `json:"variance"`
	// SE is the standard error of Score, in points: 100 √(Variance / N).
	SE float64 `json:"se"`
	// Interval is the 95% normal (Wald) interval Score ± 1.96 SE, in
	// points, clipped to [−100, 100].
	Interval ep.Interval `json:"interval"`
	// Reason says why Score, Variance, SE and Interval are NaN (no
	// answers); it is empty when they are defined.
	Reason string `json:"reason,omitempty"`
}

// npsZ95 is the two-sided 95% standard-normal quantile Φ⁻¹(0.975).
var npsZ95 = math.Sqrt2 * math.Erfinv(0.95)

// Report returns the Net Promoter Score, promoters (9–10) minus detractors
// (0–6) as shares of all answers, in points (Reichheld 2003):
//
//	NPS = 100 (p₊ − p₋)
//
// Scoring each answer +1, 0 or −1 makes NPS 100 × a sample mean, whose
// per-answer variance is
//
//	v = (p₊ + p₋) − (p₊ − p₋)²
//
// so SE = 100 √(v / n) and the 95% interval is NPS ± z₀.₉₇₅ SE, the normal
// approximation to the trinomial sampling distribution, clipped to
// [−100, 100]. With no answers (or a nil tally) Score, Variance, SE and
// the interval are NaN and Reason says why; otherwise all are finite.
func (t *NPSTally) Report() NPSReport {
	if t == nil {
		t = &NPSTally{}
	}
	r := NPSReport{N: t.N()}
	if r.N == 0 {
		nan := math.NaN()
		r.Score, r.Variance, r.SE = nan, nan, nan
		r.Interval = ep.Interval{Low: nan, High: nan}
		r.Reason = "no answers: the score is undefined"
		return r
	}
	for s, c := range t.counts {
		switch {
		case s >= 9:
			r.Promoters += c
		case s >= 7:
			r.Passives += c
		default:
			r.Detractors += c
		}
	}
	n := float64(r.N)
	pp, pm := float64(r.Promoters)/n, float64(r.Detractors)/n
	r.Score = 100 * (pp - pm)
	r.Variance = math.Max(0, (pp+pm)-(pp-pm)*(pp-pm))
	r.SE = 100 * math.Sqrt(r.Variance/n)
	r.Interval = npsInterval(r.Score, r.SE, 100)
	return r
}

// npsInterval is score ± z₀.₉₇₅·se clipped to [−lim, lim]: lim is 100 for
// a score, 200 for a difference of two scores.
func npsInterval(score, se, lim float64) ep.Interval {
	if math.IsNaN(score) || math.IsNaN(se) {
		return ep.Interval{Low: math.NaN(), High: math.NaN()}
	}
	return ep.Interval{
		Low:  math.Max(-lim, score-npsZ95*se),
		High: math.Min(lim, score+npsZ95*se),
	}
}

// NPSDiff is the difference between two Net Promoter Scores.
type NPSDiff struct {
	// Diff is b.Score − a.Score, in points.
	Diff float64 `json:"diff"`
	// SE is the standard error of Diff: √(SE_a² + SE_b²), in points.
	SE float64 `json:"se"`
	// Interval is the 95% interval Diff ± 1.96 SE, clipped to
	// [−200, 200].
	Interval ep.Interval `json:"interval"`
	// Reason says why Diff, SE and Interval are NaN (a report with no
	// answers, or out of range); it is empty when they are defined.
	Reason string `json:"reason,omitempty"`
}

// NPSDifference returns the difference b − a between the scores of two
// independent samples (two periods, two branches) with its standard error
// √(SE_a² + SE_b²) and 95% normal interval Diff ± z₀.₉₇₅ SE. An interval
// that excludes 0 means the scores differ at the 5% level. It is pure
// arithmetic on the reports' Score and SE.
//
// Special cases are:
//
//	NPSDifference(a, b) = NaN throughout, with a Reason, if either Score
//	    is NaN (an empty tally) or outside [−100, 100], or either SE is
//	    NaN or outside [0, 100] (the SE of a score is at most 100: v ≤ 1
//	    and n ≥ 1)
func NPSDifference(a, b NPSReport) NPSDiff {
	for _, x := range []struct {
		name string
		r    NPSReport
	}{{"a", a}, {"b", b}} {
		if !npsScoreOK(x.r) {
			nan := math.NaN()
			why := fmt.Sprintf("report %s has score %v and SE %v: need a score in [−100, 100] and an SE in [0, 100]", x.name, x.r.Score, x.r.SE)
			if x.r.Reason != "" {
				why = fmt.Sprintf("report %s: %s", x.name, x.r.Reason)
			}
			return NPSDiff{Diff: nan, SE: nan, Interval: ep.Interval{Low: nan, High: nan}, Reason: why}
		}
	}
	d := NPSDiff{Diff: b.Score - a.Score, SE: math.Hypot(a.SE, b.SE)}
	d.Interval = npsInterval(d.Diff, d.SE, 200)
	return d
}

// npsScoreOK reports whether a report's Score and SE can be compared.
func npsScoreOK(r NPSReport) bool {
	return r.Score >= -100 && r.Score <= 100 && r.SE >= 0 && r.SE <= 100
}
