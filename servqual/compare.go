package servqual

import (
	"fmt"
	"math"

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
// (Welch 1947). Undefined quantities (a sample of fewer than two, both
// variances zero) are NaN and encode as null in JSON.
type Difference struct {
	// Key is the dimension's key, or "overall" for the overall score.
	Key string `json:"key"`
	// A is the statistic in the first sample.
	A Stat `json:"a"`
	// B is the statistic in the second sample.
	B Stat `json:"b"`
	// Diff is B's mean minus A's.
	Diff float64 `json:"-"`
	// SE is the standard error of Diff.
	SE float64 `json:"-"`
	// DF is the Welch–Satterthwaite degrees of freedom.
	DF float64 `json:"-"`
	// CI is the 95% confidence interval of Diff.
	CI Interval `json:"-"`
	// T is the Welch t statistic.
	T float64 `json:"-"`
	// P is its two-sided p value.
	P float64 `json:"-"`
}

// MarshalJSON encodes the difference with NaN as null.
func (d Difference) MarshalJSON() ([]byte, error) {
	type plain Difference
	return marshalWith(plain(d), map[string]*float64{
		"diff": jsonNumber(d.Diff), "se": jsonNumber(d.SE), "df": jsonNumber(d.DF),
		"ci_low": jsonNumber(d.CI.Low), "ci_high": jsonNumber(d.CI.High), "t": jsonNumber(d.T), "p": jsonNumber(d.P),
	})
}

// Welch returns the Welch comparison of two sample statistics (see
// [Difference]); key names it.
func Welch(key string, a, b Stat) Difference {
	nan := math.NaN()
	d := Difference{Key: key, A: a, B: b, Diff: b.Mean - a.Mean, SE: nan, DF: nan, CI: Interval{nan, nan}, T: nan, P: nan}
	if a.N < 2 || b.N < 2 {
		return d
	}
	va, vb := a.SD*a.SD/float64(a.N), b.SD*b.SD/float64(b.N)
	se2 := va + vb
	if !(se2 > 0) {
		return d
	}
	d.SE = math.Sqrt(se2)
	d.DF = se2 * se2 / (va*va/float64(a.N-1) + vb*vb/float64(b.N-1))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: d.DF}
	q := t.Quantile(0.975)
	d.CI = Interval{d.Diff - q*d.SE, d.Diff + q*d.SE}
	d.T = d.Diff / d.SE
	d.P = 2 * t.Survival(math.Abs(d.T))
	return d
}

// Compare compares two reports of the same instrument, dimension by
// dimension and overall, on measure m: "did the redesign help?". Each
// Difference is B − A. It returns an error if the reports are of different
// instruments or m is absent from either.
func Compare(a, b Report, m Measure) ([]Difference, error) {
	if a.Instrument != b.Instrument || len(a.Dimensions) != len(b.Dimensions) {
		return nil, fmt.Errorf("%w: cannot compare reports of %q and %q", ErrInstrument, a.Instrument, b.Instrument)
	}
	out := make([]Difference, 0, len(a.Dimensions)+1)
	for d := range a.Dimensions {
		sa, sb := a.Dimensions[d].Get(m), b.Dimensions[d].Get(m)
		if sa == nil || sb == nil {
			return nil, fmt.Errorf("servqual: compare: no %v scores for dimension %s in both reports", m, a.Dimensions[d].Key)
		}
		out = append(out, Welch(a.Dimensions[d].Key, *sa, *sb))
	}
	sa, sb := a.Overall.Get(m), b.Overall.Get(m)
	if sa == nil || sb == nil {
		return nil, fmt.Errorf("servqual: compare: no overall %v score in both reports", m)
	}
	return append(out, Welch("overall", *sa, *sb)), nil
}
