package servqual

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/ep"
	"gonum.org/v1/gonum/stat/distuv"
)

// Difference compares one score between two samples, such as two services
// or two survey waves, by Welch's unequal-variance t test.
//
// With means x̄_A, x̄_B, sample variances s²_A, s²_B and sizes n_A, n_B:
//
//	Diff = x̄_B − x̄_A,   SE = √(s²_A/n_A + s²_B/n_B)
//	DF   = SE⁴ / ((s²_A/n_A)²/(n_A − 1) + (s²_B/n_B)²/(n_B − 1))   (Welch–Satterthwaite)
//	T    = Diff/SE,  P = 2·(1 − F_DF(|T|)),  CI = Diff ± t₀.₉₇₅,DF·SE
//
// (Welch 1947). Diff is always finite. SE, DF, CI, T and P are NaN, and
// Reason says why, when a sample has fewer than two values or both
// variances are zero; otherwise every field is finite. NaN encodes as
// null in JSON and null decodes as NaN.
type Difference struct {
	// Key is the dimension's key, or "overall" for the overall score.
	Key string `json:"key"`
	// A is the statistic in the first sample.
	A Stat `json:"a"`
	// B is the statistic in the second sample.
	B Stat `json:"b"`
	// Diff is B's mean minus A's.
	Diff float64 `json:"diff"`
	// SE is the standard error of Diff.
	SE float64 `json:"se"`
	// DF is the Welch–Satterthwaite degrees of freedom.
	DF float64 `json:"df"`
	// CI is the 95% confidence interval of Diff.
	CI ep.Interval `json:"ci"`
	// T is the Welch t statistic.
	T float64 `json:"t"`
	// P is its two-sided p value.
	P float64 `json:"p"`
	// Reason says why SE, DF, CI, T and P are NaN ("" when defined).
	Reason string `json:"reason,omitempty"`
}

// Welch returns the Welch comparison of two sample statistics (see
// [Difference]); key names it. Only N, Mean and SD of a and b are used.
// It returns an error wrapping [ErrArgument] if a statistic is malformed
// (N < 1, a mean that is not finite, or for N ≥ 2 an SD that is negative
// or not finite), or [ErrOutOfScale] if the difference or its variance
// overflows float64.
func Welch(key string, a, b Stat) (Difference, error) {
	d, err := welch(key, a, b)
	if err != nil {
		return Difference{}, errorf("Welch %s: %w", key, err)
	}
	return d, nil
}

// welch is Welch with errors that carry no package prefix.
func welch(key string, a, b Stat) (Difference, error) {
	for _, s := range [...]struct {
		name string
		st   Stat
	}{{"a", a}, {"b", b}} {
		st := s.st
		switch {
		case st.N < 1:
			return Difference{}, fmt.Errorf("sample %s: N = %d, want at least 1: %w", s.name, st.N, ErrArgument)
		case math.IsNaN(st.Mean) || math.IsInf(st.Mean, 0):
			return Difference{}, fmt.Errorf("sample %s: mean %v is not finite: %w", s.name, st.Mean, ErrArgument)
		case st.N >= 2 && !(st.SD >= 0 && st.SD <= math.MaxFloat64):
			return Difference{}, fmt.Errorf("sample %s: SD %v must be finite and ≥ 0: %w", s.name, st.SD, ErrArgument)
		}
	}
	nan := math.NaN()
	d := Difference{Key: key, A: a, B: b, Diff: b.Mean - a.Mean, SE: nan, DF: nan, CI: ep.Interval{Low: nan, High: nan}, T: nan, P: nan}
	if math.IsInf(d.Diff, 0) {
		return Difference{}, fmt.Errorf("difference of means %v − %v overflows: %w", b.Mean, a.Mean, ErrOutOfScale)
	}
	if a.N < 2 || b.N < 2 {
		d.Reason = "a sample has fewer than two values"
		return d, nil
	}
	va, vb := a.SD*a.SD/float64(a.N), b.SD*b.SD/float64(b.N)
	se2 := va + vb
	if math.IsInf(se2, 0) {
		return Difference{}, fmt.Errorf("variance of the difference overflows (SD %v and %v): %w", a.SD, b.SD, ErrOutOfScale)
	}
	if !(se2 > 0) {
		d.Reason = "both samples have zero variance"
		return d, nil
	}
	d.SE = math.Sqrt(se2)
	// DF = se2² / (va²/(na − 1) + vb²/(nb − 1)), with va and vb taken as
	// fractions of se2 so that no square overflows or underflows.
	ra, rb := va/se2, vb/se2
	d.DF = 1 / (ra*ra/float64(a.N-1) + rb*rb/float64(b.N-1))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: d.DF}
	q := t.Quantile(0.975)
	d.CI = ep.Interval{Low: d.Diff - q*d.SE, High: d.Diff + q*d.SE}
	d.T = d.Diff / d.SE
	d.P = 2 * t.Survival(math.Abs(d.T))
	if math.IsInf(d.CI.Low, 0) || math.IsInf(d.CI.High, 0) || math.IsInf(d.T, 0) {
		return Difference{}, fmt.Errorf("confidence interval or t statistic overflows (difference %v, SE %v): %w", d.Diff, d.SE, ErrOutOfScale)
	}
	return d, nil
}

// Compare compares two reports of the same instrument, dimension by
// dimension and overall, on measure m: "did the redesign help?". Each
// Difference is B − A. It returns an error wrapping [ErrArgument] if m is
// not a measure, [ErrInstrument] if the reports are of different
// instruments (names or dimension keys differ), [ErrEmpty] if a
// dimension or the overall score has no m statistic in either report
// (such as the zero Report), and the errors of [Welch] for a malformed
// statistic, naming the dimension.
func Compare(a, b Report, m Measure) ([]Difference, error) {
	if m < 0 || m >= NumMeasures {
		return nil, errorf("Compare: measure %v: not a measure: %w", m, ErrArgument)
	}
	if a.Instrument != b.Instrument || len(a.Dimensions) != len(b.Dimensions) {
		return nil, errorf("Compare: reports of %q (%d dimensions) and %q (%d dimensions): %w",
			a.Instrument, len(a.Dimensions), b.Instrument, len(b.Dimensions), ErrInstrument)
	}
	out := make([]Difference, 0, len(a.Dimensions)+1)
	for d := range a.Dimensions {
		da, db := &a.Dimensions[d], &b.Dimensions[d]
		if da.Key != db.Key {
			return nil, errorf("Compare: dimension %d is %q in a and %q in b: %w", d, da.Key, db.Key, ErrInstrument)
		}
		sa, sb := da.Get(m), db.Get(m)
		if sa == nil || sb == nil {
			return nil, errorf("Compare: dimension %s: no %v scores in both reports: %w", da.Key, m, ErrEmpty)
		}
		diff, err := welch(da.Key, *sa, *sb)
		if err != nil {
			return nil, errorf("Compare: dimension %s: %w", da.Key, err)
		}
		out = append(out, diff)
	}
	sa, sb := a.Overall.Get(m), b.Overall.Get(m)
	if sa == nil || sb == nil {
		return nil, errorf("Compare: no overall %v score in both reports: %w", m, ErrEmpty)
	}
	diff, err := welch("overall", *sa, *sb)
	if err != nil {
		return nil, errorf("Compare: overall: %w", err)
	}
	return append(out, diff), nil
}
