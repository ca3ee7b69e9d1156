package btyd

import (
	"fmt"
	"math"
	"reflect"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// ConditionalPredictor is a purchase model that predicts a customer's
// purchases in the next t time units from the calibration history, as
// [BGNBD.ConditionalPurchases] and [ParetoNBD.ConditionalPurchases] do;
// [BGNBD], [BGNBDFit], [ParetoNBD] and [ParetoNBDFit] satisfy it.
type ConditionalPredictor interface {
	ConditionalPurchases(t float64, s Summary) float64
}

// MaxDiagnosticFrequency bounds the maxFrequency argument of
// [CalibrationHoldoutTable].
const MaxDiagnosticFrequency = 1000

// CalibrationHoldoutRow is one row of a [CalibrationHoldout] table: the
// customers with a given number of repeat purchases in calibration.
type CalibrationHoldoutRow struct {
	// Frequency is the calibration repeat purchases of the row's customers;
	// with OrMore the row holds every customer with Frequency or more.
	Frequency int `json:"frequency"`
	// OrMore marks the last, open-ended row ("k+").
	OrMore bool `json:"or_more"`
	// Customers is the number of customers in the row.
	Customers int `json:"customers"`
	// Actual is their mean number of purchases in the holdout period; NaN
	// without customers (see Reason).
	Actual float64 `json:"actual"`
	// Predicted is the mean of the model's conditional expectations of
	// those purchases; NaN without customers.
	Predicted float64 `json:"predicted"`
	// Reason says why Actual and Predicted are NaN; empty otherwise.
	Reason string `json:"reason,omitempty"`
}

// CalibrationHoldout is the calibration-vs-holdout table of Fader, Hardie
// & Lee (2005), "Counting your customers the easy way", Marketing Science
// 24(2), Figure 4: customers grouped by their calibration frequency
// 0, 1, …, k−1 and k or more, with the actual and the predicted mean
// number of purchases in the holdout period.
type CalibrationHoldout struct {
	// Rows holds frequencies 0..k, the last row open-ended.
	Rows []CalibrationHoldoutRow `json:"rows"`
}

// HoldoutAccuracy is the customer-level accuracy of a model's holdout
// predictions: for customer i, the error is e_i = ŷ_i − y_i with ŷ_i the
// model's conditional expectation of the holdout purchases and y_i the
// purchases made.
type HoldoutAccuracy struct {
	// Customers is the number of customers compared.
	Customers int `json:"customers"`
	// RMSE is the root mean squared error √(Σ e_i²/n), in purchases.
	RMSE float64 `json:"rmse"`
	// MAE is the mean absolute error Σ|e_i|/n, in purchases.
	MAE float64 `json:"mae"`
	// NaiveMAE is the mean absolute error of the naive forecast that
	// carries each customer's calibration repeat-purchase rate over the
	// holdout: x_i·L_i/T_i, with L_i the holdout length (0 for T_i = 0).
	NaiveMAE float64 `json:"naive_mae"`
	// RelMAE is the scale-free relative mean absolute error MAE/NaiveMAE
	// (Hyndman & Koehler 2006, "Another look at measures of forecast
	// accuracy", International Journal of Forecasting 22(4), §3.3):
	// below 1 the model beats the naive forecast. NaN when NaiveMAE is 0
	// (see Reason).
	RelMAE float64 `json:"rel_mae"`
	// Reason says why RelMAE is NaN; empty otherwise.
	Reason string `json:"reason,omitempty"`
}

// holdoutPredictions checks the calibration and holdout data against each
// other and returns the model's prediction for each customer.
func holdoutPredictions(fn string, m ConditionalPredictor, cal []Summary, hold []Holdout) ([]float64, error) {
	if m == nil {
		return nil, fmt.Errorf("btyd: %s: model is nil: %w", fn, ErrInvalid)
	}
	if v := reflect.ValueOf(m); v.Kind() == reflect.Pointer && v.IsNil() {
		return nil, fmt.Errorf("btyd: %s: model is a nil pointer: %w", fn, ErrInvalid)
	}
	if len(cal) == 0 {
		return nil, fmt.Errorf("btyd: %s: no customers: %w", fn, ErrEmpty)
	}
	if len(hold) != len(cal) {
		return nil, fmt.Errorf("btyd: %s: %d holdouts for %d customers: %w", fn, len(hold), len(cal), ErrLength)
	}
	pred := make([]float64, len(cal))
	for i, s := range cal {
		h := hold[i]
		if s.Customer != "" && h.Customer != "" && s.Customer != h.Customer {
			return nil, fmt.Errorf("btyd: %s: customer %d: calibration %q but holdout %q: %w", fn, i, s.Customer, h.Customer, ErrInvalid)
		}
		if h.Purchases < 0 || !validTime(h.Length) {
			return nil, fmt.Errorf("btyd: %s: customer %d: holdout purchases %d, length %v: %w", fn, i, h.Purchases, h.Length, ErrInvalid)
		}
		p := m.ConditionalPurchases(h.Length, s)
		if math.IsNaN(p) || math.IsInf(p, 0) || p < 0 {
			return nil, fmt.Errorf("btyd: %s: customer %d: prediction %v for history %+v (invalid history or parameters): %w", fn, i, p, s, ErrInvalid)
		}
		pred[i] = p
	}
	return pred, nil
}

// CalibrationHoldoutTable groups the customers of cal by calibration
// frequency 0, 1, …, maxFrequency−1 and maxFrequency or more, and gives
// for each group the actual mean purchases in the holdout (hold[i] is
// cal[i]'s holdout, as [Summarize] returns them) and the mean of m's
// predictions m.ConditionalPurchases(hold[i].Length, cal[i]). Groups
// without customers have NaN means and a Reason.
//
// It returns an error wrapping [ErrEmpty] for no customers, [ErrLength]
// for len(hold) ≠ len(cal), and [ErrInvalid] for a nil model, maxFrequency
// outside [0, MaxDiagnosticFrequency], customers whose identifiers differ
// between cal and hold, a negative holdout count or a holdout length
// outside [0, MaxTime], or a prediction that is not a finite number ≥ 0
// (an invalid history or parameters), naming the customer's index.
func CalibrationHoldoutTable(m ConditionalPredictor, cal []Summary, hold []Holdout, maxFrequency int) (CalibrationHoldout, error) {
	if maxFrequency < 0 || maxFrequency > MaxDiagnosticFrequency {
		return CalibrationHoldout{}, fmt.Errorf("btyd: CalibrationHoldoutTable: maxFrequency %d outside [0, %d]: %w", maxFrequency, MaxDiagnosticFrequency, ErrInvalid)
	}
	pred, err := holdoutPredictions("CalibrationHoldoutTable", m, cal, hold)
	if err != nil {
		return CalibrationHoldout{}, err
	}
	rows := make([]CalibrationHoldoutRow, maxFrequency+1)
	for i, s := range cal {
		k := min(s.Frequency, maxFrequency)
		rows[k].Customers++
		rows[k].Actual += float64(hold[i].Purchases)
		rows[k].Predicted += pred[i]
	}
	for k := range rows {
		r := &rows[k]
		r.Frequency = k
		r.OrMore = k == maxFrequency
		if r.Customers == 0 {
			r.Actual, r.Predicted = math.NaN(), math.NaN()
			r.Reason = "no customers with this calibration frequency"
			continue
		}
		r.Actual /= float64(r.Customers)
		r.Predicted /= float64(r.Customers)
	}
	return CalibrationHoldout{Rows: rows}, nil
}

// HoldoutErrors compares m's prediction m.ConditionalPurchases(
// hold[i].Length, cal[i]) of each customer's holdout purchases with the
// purchases made, hold[i].Purchases: RMSE, MAE and the scale-free relative
// MAE against a naive forecast (see [HoldoutAccuracy] for the
// definitions). Sums are taken with Neumaier's compensated summation.
//
// It returns the errors of [CalibrationHoldoutTable] (without its
// maxFrequency).
func HoldoutErrors(m ConditionalPredictor, cal []Summary, hold []Holdout) (HoldoutAccuracy, error) {
	pred, err := holdoutPredictions("HoldoutErrors", m, cal, hold)
	if err != nil {
		return HoldoutAccuracy{}, err
	}
	var sq, ab, nv ksum
	for i, s := range cal {
		y := float64(hold[i].Purchases)
		e := pred[i] - y
		sq.add(e * e)
		ab.add(math.Abs(e))
		naive := 0.0
		if s.T > 0 {
			naive = float64(s.Frequency) * (hold[i].Length / s.T)
		}
		nv.add(math.Abs(naive - y))
	}
	n := float64(len(cal))
	out := HoldoutAccuracy{
		Customers: len(cal),
		RMSE:      math.Sqrt(sq.sum() / n),
		MAE:       ab.sum() / n,
		NaiveMAE:  nv.sum() / n,
	}
	if out.NaiveMAE > 0 && !math.IsInf(out.NaiveMAE, 0) {
		out.RelMAE = out.MAE / out.NaiveMAE
	} else {
		out.RelMAE = math.NaN()
		out.Reason = "the naive forecast is exact or not finite: relative MAE undefined"
	}
	return out, nil
}

// ksum is Neumaier's compensated sum.
type ksum struct{ s, c float64 }

func (k *ksum) add(x float64) {
	t := k.s + x
	if math.Abs(k.s) >= math.Abs(x) {
		k.c += (k.s - t) + x
	} else {
		k.c += (x - t) + k.s
	}
	k.s = t
}

func (k *ksum) sum() float64 { return k.s + k.c }

// MarshalJSON encodes r with NaN as null.
func (r CalibrationHoldoutRow) MarshalJSON() ([]byte, error) {
	type plain CalibrationHoldoutRow
	return nanjson.Marshal(plain(r))
}

// UnmarshalJSON decodes r, null as NaN.
func (r *CalibrationHoldoutRow) UnmarshalJSON(b []byte) error {
	type plain CalibrationHoldoutRow
	return nanjson.Unmarshal(b, (*plain)(r))
}

// MarshalJSON encodes t with NaN as null.
func (t CalibrationHoldout) MarshalJSON() ([]byte, error) {
	type plain CalibrationHoldout
	return nanjson.Marshal(plain(t))
}

// UnmarshalJSON decodes t, null as NaN.
func (t *CalibrationHoldout) UnmarshalJSON(b []byte) error {
	type plain CalibrationHoldout
	return nanjson.Unmarshal(b, (*plain)(t))
}

// MarshalJSON encodes a with NaN as null.
func (a HoldoutAccuracy) MarshalJSON() ([]byte, error) {
	type plain HoldoutAccuracy
	return nanjson.Marshal(plain(a))
}

// UnmarshalJSON decodes a, null as NaN.
func (a *HoldoutAccuracy) UnmarshalJSON(b []byte) error {
	type plain HoldoutAccuracy
	return nanjson.Unmarshal(b, (*plain)(a))
}
