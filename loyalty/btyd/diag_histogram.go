package btyd

import (
	"fmt"
	"math"
	"reflect"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// CountPredictor is a purchase model that gives the distribution of a new
// customer's repeat purchases in (0, t], as [BGNBD.ProbPurchases] and
// [ParetoNBD.ProbPurchases] do; [BGNBD], [BGNBDFit], [ParetoNBD] and
// [ParetoNBDFit] satisfy it.
type CountPredictor interface {
	ProbPurchases(n int, t float64) float64
}

// CountHistogramRow is one bar of a [CountHistogram].
type CountHistogramRow struct {
	// Frequency is the number of repeat purchases; with OrMore the row
	// counts Frequency or more.
	Frequency int `json:"frequency"`
	// OrMore marks the last, open-ended row ("k+").
	OrMore bool `json:"or_more"`
	// Actual is the number of customers with that many repeat purchases
	// in calibration.
	Actual int `json:"actual"`
	// Expected is the model's expected number of such customers,
	// Σ_i P(X(T_i) = n) over the customers' own ages T_i.
	Expected float64 `json:"expected"`
}

// CountHistogram is the period-count histogram of Fader, Hardie & Lee
// (2005), "Counting your customers the easy way", Marketing Science 24(2),
// §4, computed as in their note "Creating a fit histogram for the BG/NBD
// model" (2007): how many customers made 0, 1, …, k−1 and k or more repeat
// purchases in the calibration period, actual and expected.
type CountHistogram struct {
	// Rows holds frequencies 0..k, the last row open-ended.
	Rows []CountHistogramRow `json:"rows"`
}

// PeriodCountHistogram counts the customers of cal by repeat purchases
// 0, 1, …, maxFrequency−1 and maxFrequency or more, and sets beside each
// count the number m expects: Σ_i m.ProbPurchases(n, cal[i].T), each
// customer at its own age; the open-ended row expects the rest,
// Σ_i (1 − Σ_{n<k} P(X(T_i) = n)), clamped at 0 against rounding. The
// work is len(cal)·(maxFrequency+1) probabilities.
//
// It returns an error wrapping [ErrEmpty] for no customers, and
// [ErrInvalid] for a nil model, maxFrequency outside [0,
// MaxDiagnosticFrequency], a customer whose Frequency is negative or T
// outside [0, MaxTime] or NaN, or a probability that is not finite (a
// model outside its domain), naming the customer's index.
func PeriodCountHistogram(m CountPredictor, cal []Summary, maxFrequency int) (CountHistogram, error) {
	const fn = "PeriodCountHistogram"
	if m == nil {
		return CountHistogram{}, fmt.Errorf("btyd: %s: model is nil: %w", fn, ErrInvalid)
	}
	if v := reflect.ValueOf(m); v.Kind() == reflect.Pointer && v.IsNil() {
		return CountHistogram{}, fmt.Errorf("btyd: %s: model is a nil pointer: %w", fn, ErrInvalid)
	}
	if maxFrequency < 0 || maxFrequency > MaxDiagnosticFrequency {
		return CountHistogram{}, fmt.Errorf("btyd: %s: maxFrequency %d outside [0, %d]: %w", fn, maxFrequency, MaxDiagnosticFrequency, ErrInvalid)
	}
	if len(cal) == 0 {
		return CountHistogram{}, fmt.Errorf("btyd: %s: no customers: %w", fn, ErrEmpty)
	}
	rows := make([]CountHistogramRow, maxFrequency+1)
	exp := make([]ksum, maxFrequency+1)
	for i, s := range cal {
		if s.Frequency < 0 || !validTime(s.T) {
			return CountHistogram{}, fmt.Errorf("btyd: %s: customer %d: frequency %d, T %v: %w", fn, i, s.Frequency, s.T, ErrInvalid)
		}
		rows[min(s.Frequency, maxFrequency)].Actual++
		var seen ksum
		for n := 0; n < maxFrequency; n++ {
			p := m.ProbPurchases(n, s.T)
			if math.IsNaN(p) || math.IsInf(p, 0) || p < 0 {
				return CountHistogram{}, fmt.Errorf("btyd: %s: customer %d: P(X(%v) = %d) = %v (model outside its domain): %w", fn, i, s.T, n, p, ErrInvalid)
			}
			exp[n].add(p)
			seen.add(p)
		}
		exp[maxFrequency].add(max(0, 1-seen.sum()))
	}
	for k := range rows {
		rows[k].Frequency = k
		rows[k].OrMore = k == maxFrequency
		rows[k].Expected = exp[k].sum()
	}
	return CountHistogram{Rows: rows}, nil
}

// MarshalJSON encodes r with NaN as null.
func (r CountHistogramRow) MarshalJSON() ([]byte, error) {
	type plain CountHistogramRow
	return nanjson.Marshal(plain(r))
}

// UnmarshalJSON decodes r, null as NaN.
func (r *CountHistogramRow) UnmarshalJSON(b []byte) error {
	type plain CountHistogramRow
	return nanjson.Unmarshal(b, (*plain)(r))
}

// MarshalJSON encodes h with NaN as null.
func (h CountHistogram) MarshalJSON() ([]byte, error) {
	type plain CountHistogram
	return nanjson.Marshal(plain(h))
}

// UnmarshalJSON decodes h, null as NaN.
func (h *CountHistogram) UnmarshalJSON(b []byte) error {
	type plain CountHistogram
	return nanjson.Unmarshal(b, (*plain)(h))
}
