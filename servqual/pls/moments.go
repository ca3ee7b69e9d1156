package pls

import (
	"fmt"
	"math"
)

// Missing is how missing answers (NaN) are handled when moments are
// computed from raw data or an [Accumulator].
type Missing int8

const (
	// Listwise (the zero value) uses only respondents who answered every
	// indicator of the model. The moments are those of one sample, so the
	// correlation matrix is positive semi-definite; respondents with a gap
	// are dropped entirely.
	Listwise Missing = iota
	// Pairwise estimates each correlation from the respondents who
	// answered both indicators (their means and standard deviations taken
	// over the same respondents, as R's cor(use =
	// "pairwise.complete.obs")), and each indicator's mean and standard
	// deviation from everyone who answered it. It keeps every answer, but
	// the matrix may not be positive definite (an error wrapping
	// [ErrSingular] when a step needs it to be) and N is the smallest
	// number of respondents behind any correlation.
	Pairwise
)

// String returns the rule's English label, "listwise deletion" or
// "pairwise deletion" ("Missing(n)" for a value out of range).
func (m Missing) String() string { return missingLabels.English(int(m)) }

// Chinese returns the rule's Chinese label, "成列删除" or "成对删除" (""
// for a value out of range).
func (m Missing) Chinese() string { return missingLabels.Chinese(int(m)) }

// MarshalText encodes the rule as its stable token, "listwise" or
// "pairwise"; a value out of range is an error wrapping [ErrValue].
func (m Missing) MarshalText() ([]byte, error) { return missingLabels.Marshal(int(m)) }

// UnmarshalText decodes a rule from its token, English label or Chinese
// label (ASCII case-insensitive, ' ', '-' and '_' interchangeable); any
// other text is an error wrapping [ErrValue] and leaves m unchanged.
func (m *Missing) UnmarshalText(text []byte) error {
	return missingLabels.Unmarshal(text, m == nil, func(v int) { *m = Missing(v) })
}

// Moments are the first two sample moments of a model's indicators: all an
// estimation needs. Cov is the K×K sample covariance matrix (divisor
// n − 1) in the model's indicator order; a correlation matrix also works
// (the estimation standardises it), but then the indicator SDs it reports
// are 1. Mean may be nil when unknown: the index and IPMA then return an
// error.
type Moments struct {
	// N is the number of respondents behind the moments (for pairwise
	// moments, the smallest number behind any covariance).
	N int64 `json:"n"`
	// Mean holds the indicator means, or nil.
	Mean []float64 `json:"mean,omitempty"`
	// Cov is the sample covariance (or correlation) matrix.
	Cov [][]float64 `json:"cov"`
}

// MarshalJSON encodes NaN and ±Inf as null.
func (mo Moments) MarshalJSON() ([]byte, error) { type plain Moments; return marshal(plain(mo)) }

// UnmarshalJSON decodes null as NaN.
func (mo *Moments) UnmarshalJSON(b []byte) error {
	type plain Moments
	return unmarshal(b, (*plain)(mo))
}

// standardise checks mo against the model and returns the flat K×K
// correlation matrix and the standard deviations. Errors carry no prefix.
func (m *Model) standardise(mo *Moments) (r, sd []float64, err error) {
	K := len(m.ind)
	if mo.N < 2 {
		return nil, nil, fmt.Errorf("moments: n = %d, need at least 2 respondents: %w", mo.N, ErrSingular)
	}
	if len(mo.Cov) != K {
		return nil, nil, fmt.Errorf("moments: covariance matrix has %d rows, model has %d indicators: %w", len(mo.Cov), K, ErrLength)
	}
	if mo.Mean != nil && len(mo.Mean) != K {
		return nil, nil, fmt.Errorf("moments: %d means, model has %d indicators: %w", len(mo.Mean), K, ErrLength)
	}
	for k, x := range mo.Mean {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, nil, fmt.Errorf("moments: mean of indicator %q is %v: %w", m.ind[k], x, ErrValue)
		}
	}
	sd = make([]float64, K)
	for k, row := range mo.Cov {
		if len(row) != K {
			return nil, nil, fmt.Errorf("moments: covariance row %d (%q) has %d entries, want %d: %w", k, m.ind[k], len(row), K, ErrLength)
		}
		v := row[k]
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return nil, nil, fmt.Errorf("moments: variance of indicator %q is %v: %w", m.ind[k], v, ErrValue)
		}
		if !(v > 0) {
			return nil, nil, fmt.Errorf("moments: indicator %q has no variance: %w", m.ind[k], ErrSingular)
		}
		sd[k] = math.Sqrt(v)
		if math.IsInf(sd[k], 0) || sd[k] == 0 {
			return nil, nil, fmt.Errorf("moments: variance of indicator %q is %v, outside the representable range: %w", m.ind[k], v, ErrValue)
		}
	}
	r = make([]float64, K*K)
	for k, row := range mo.Cov {
		for l, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, nil, fmt.Errorf("moments: covariance of %q and %q is %v: %w", m.ind[k], m.ind[l], v, ErrValue)
			}
			vt := mo.Cov[l][k]
			if math.Abs(v-vt) > 1e-12*sd[k]*sd[l] || math.IsNaN(vt) {
				return nil, nil, fmt.Errorf("moments: covariance matrix not symmetric at %q, %q: %w", m.ind[k], m.ind[l], ErrValue)
			}
			x := (v + vt) / 2 / sd[k] / sd[l]
			if k == l {
				x = 1
			}
			if !(x >= -1-1e-9 && x <= 1+1e-9) {
				return nil, nil, fmt.Errorf("moments: correlation of %q and %q is %v, outside [-1, 1]: %w", m.ind[k], m.ind[l], x, ErrValue)
			}
			r[k*K+l] = x
		}
	}
	return r, sd, nil
}

// MomentsOf returns the moments of raw data: one row per respondent, one
// column per indicator in the model's order ([Model.Indicators]), NaN for a
// missing answer, handled by the missing rule. Errors (wrapping [ErrEmpty],
// [ErrLength] or [ErrValue]) name the respondent and indicator; ±Inf is an
// error, not a missing answer.
func (m *Model) MomentsOf(data [][]float64, missing Missing) (Moments, error) {
	if !m.valid() {
		return Moments{}, errNoModel()
	}
	if missing != Listwise && missing != Pairwise {
		return Moments{}, errorf("missing %d: %w", int8(missing), ErrValue)
	}
	if err := m.checkData(data); err != nil {
		return Moments{}, errorf("%w", err)
	}
	var a Accumulator
	for _, row := range data {
		a.add(row)
	}
	mo, err := a.moments(missing)
	if err != nil {
		return Moments{}, errorf("%w", err)
	}
	return mo, nil
}

// checkData validates raw data against the model. Errors carry no prefix.
func (m *Model) checkData(data [][]float64) error {
	if len(data) == 0 {
		return fmt.Errorf("data: no respondents: %w", ErrEmpty)
	}
	K := len(m.ind)
	for i, row := range data {
		if len(row) != K {
			return fmt.Errorf("respondent %d: %d values, model has %d indicators: %w", i, len(row), K, ErrLength)
		}
		for k, x := range row {
			if math.IsInf(x, 0) || math.Abs(x) > MaxValue {
				return fmt.Errorf("respondent %d, indicator %q: value %v: %w", i, m.ind[k], x, ErrValue)
			}
		}
	}
	return nil
}

// MaxValue bounds the magnitude of a data value, so that sums of squared
// deviations over up to 2⁶³ respondents stay finite.
const MaxValue = 1e100
