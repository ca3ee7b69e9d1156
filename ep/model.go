package ep

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/internal/enumtext"
	"github.com/cxlab/satisfaction/internal/nanjson"
)

// Form is the way a Model measures disconfirmation, the distance between
// performance P and expectation E (Oliver 1980).
//
// The zero value is Subtractive.
type Form int8

const (
	// Subtractive measures disconfirmation as P − E, in the units of the
	// rating scale.
	Subtractive Form = iota
	// Ratio measures disconfirmation as P/E − 1, a relative shortfall or
	// excess; it needs E > 0 and P ≥ 0.
	Ratio
)

// formText holds the text forms of the disconfirmation forms (the Chinese
// terms of the difference and ratio methods of measuring
// disconfirmation).
var formText = enumtext.Codec{
	Pkg:  "ep",
	Noun: "disconfirmation form",
	Err:  ErrModel,
	Table: enumtext.MustNew(enumtext.Labels{
		Type:    "Form",
		Token:   []string{"subtractive", "ratio"},
		English: []string{"subtractive (P − E)", "ratio (P/E − 1)"},
		Chinese: []string{"差值法", "比值法"},
		Alias:   map[string]int{"difference": 0, "P − E": 0, "P - E": 0, "P/E − 1": 1, "P/E - 1": 1},
	}),
}

// String returns the English label of the form, "subtractive (P − E)" or
// "ratio (P/E − 1)", or "Form(n)" for other values.
func (f Form) String() string { return formText.English(int(f)) }

// Chinese returns the Chinese label of the form, "差值法" (difference
// method) or "比值法" (ratio method), or "" for other values.
func (f Form) Chinese() string { return formText.Chinese(int(f)) }

// MarshalText encodes the form as its stable token, "subtractive" or
// "ratio". Any other value is an error wrapping [ErrModel].
func (f Form) MarshalText() ([]byte, error) { return formText.Marshal(int(f)) }

// UnmarshalText decodes a form from its token ("subtractive", "ratio"),
// its English label ("subtractive (P − E)") or its Chinese label
// ("差值法", "比值法"); "difference", "P − E" and "P/E − 1" are accepted
// too. Space is trimmed, Latin letters match in any case, and ' ', '-' and
// '_' are interchangeable. The empty string is not a form. On error, which
// wraps [ErrModel], f is left unchanged.
func (f *Form) UnmarshalText(text []byte) error {
	return formText.Unmarshal(text, f == nil, func(v int) { *f = Form(v) })
}

// Model turns an expectation and a performance into a satisfaction level:
// the expectation-performance (EP) comparison.
//
// The disconfirmation d is P − E (Subtractive) or P/E − 1 (Ratio), so that
// in both forms d = 0 means the performance met the expectation exactly.
// With tolerance t, delight margin δ and severe margin σ
// (0 ≤ t ≤ δ, 0 ≤ t ≤ σ) the level is
//
//	d < −σ        VeryDissatisfied
//	−σ ≤ d < −t   Dissatisfied
//	−t ≤ d ≤ t    Confirmed (the tolerance or indifference band)
//	t < d ≤ δ     the level one above Confirmed
//	δ < d         Delighted
//
// A disconfirmation exactly on a cut point belongs to the level nearer to
// confirmation. The level is therefore non-decreasing in performance for a
// fixed expectation. When σ = t there is no Dissatisfied band, and when
// δ = t every positive disconfirmation beyond the band delights.
//
// Confirmed must be Neutral or Satisfied: the EP model (Oliver 1980) takes
// a performance that matches the expectation as accepted (Neutral, see
// [EPModel]); Kotler & Keller take it as satisfying (Satisfied, see
// [KotlerModel]). The zero Model is
// not valid (its Confirmed is Unknown).
type Model struct {
	// Form selects P − E or P/E − 1.
	Form Form `json:"form"`
	// Tolerance is the half-width t of the confirmation band around d = 0,
	// in units of d.
	Tolerance float64 `json:"tolerance"`
	// Delight is the margin δ above which the customer is delighted.
	Delight float64 `json:"delight"`
	// Severe is the margin σ below −σ of which the customer is very
	// dissatisfied.
	Severe float64 `json:"severe"`
	// Confirmed is the level of a performance inside the tolerance band.
	Confirmed Level `json:"confirmed"`
}

// EPModel returns the expectation-performance (EP) model, after
// expectation-disconfirmation theory (Oliver 1980): a performance below the
// expectation dissatisfies, one that matches it is accepted (Neutral), one
// that exceeds it satisfies, and one that greatly exceeds it delights (惊喜).
//
// Its cut points are in rating points, chosen for 5- to 7-point scales:
// subtractive form, tolerance 0.5, delight margin 1.5, severe margin 1.5.
// They are illustrative defaults, not published figures; copy the
// value and change them for another scale.
func EPModel() Model {
	return Model{Form: Subtractive, Tolerance: 0.5, Delight: 1.5, Severe: 1.5, Confirmed: Neutral}
}

// KotlerModel returns the reading of the comparison in Kotler & Keller,
// Marketing Management ("satisfaction is a function of the difference
// between perceived performance and expectations"): below the expectation
// the customer is dissatisfied, matching it the customer is satisfied,
// exceeding it the customer is highly satisfied or delighted.
//
// Its cut points are in rating points: subtractive form, tolerance 0.5,
// delight margin 0.5 (every excess beyond the band delights), severe
// margin 1.5. They are illustrative defaults, not published figures.
func KotlerModel() Model {
	return Model{Form: Subtractive, Tolerance: 0.5, Delight: 0.5, Severe: 1.5, Confirmed: Satisfied}
}

// Validate reports whether m is usable: a known Form, finite non-negative
// margins with Tolerance ≤ Delight and Tolerance ≤ Severe, and Confirmed
// Neutral or Satisfied. The error wraps [ErrModel].
func (m Model) Validate() error {
	if err := m.validate(); err != nil {
		return errorf("%w", err)
	}
	return nil
}

// validate is Validate without the package prefix.
func (m Model) validate() error {
	switch {
	case m.Form != Subtractive && m.Form != Ratio:
		return fmt.Errorf("model form %v is not subtractive or ratio: %w", m.Form, ErrModel)
	case !finiteNonNeg(m.Tolerance):
		return fmt.Errorf("model tolerance %v must be finite and ≥ 0: %w", m.Tolerance, ErrModel)
	case !finiteNonNeg(m.Delight) || m.Delight < m.Tolerance:
		return fmt.Errorf("model delight margin %v must be finite and ≥ tolerance %v: %w", m.Delight, m.Tolerance, ErrModel)
	case !finiteNonNeg(m.Severe) || m.Severe < m.Tolerance:
		return fmt.Errorf("model severe margin %v must be finite and ≥ tolerance %v: %w", m.Severe, m.Tolerance, ErrModel)
	case m.Confirmed != Neutral && m.Confirmed != Satisfied:
		return fmt.Errorf("model confirmed level %v must be neutral or satisfied: %w", m.Confirmed, ErrModel)
	}
	return nil
}

// MarshalJSON encodes the model with NaN and ±Inf margins as null (such a
// model is not valid, but it survives the round trip).
func (m Model) MarshalJSON() ([]byte, error) {
	type plain Model
	return nanjson.Marshal(plain(m))
}

// UnmarshalJSON decodes a model; null decodes as NaN. It does not
// validate: call [Model.Validate].
func (m *Model) UnmarshalJSON(b []byte) error {
	if m == nil {
		return errorf("UnmarshalJSON into a nil *Model: %w", ErrModel)
	}
	type plain Model
	return nanjson.Unmarshal(b, (*plain)(m))
}

func finiteNonNeg(x float64) bool { return x >= 0 && !math.IsInf(x, 1) }

// Outcome is the result of one expectation-performance comparison.
type Outcome struct {
	// Expectation is the expectation E the performance was compared with.
	Expectation float64 `json:"expectation"`
	// Performance is the perceived performance P.
	Performance float64 `json:"performance"`
	// Disconfirmation is P − E or P/E − 1, according to the model's Form.
	Disconfirmation float64 `json:"disconfirmation"`
	// Level is the satisfaction level the disconfirmation yields.
	Level Level `json:"level"`
}

// Compare compares a performance with an expectation and returns the
// outcome (see [Model] for the rule). It returns an error wrapping
// [ErrModel] if m is not valid, and one wrapping [ErrInvalid] if either
// value is NaN or ±Inf, or, in Ratio form, if the expectation is not
// positive or the performance is negative.
func (m Model) Compare(expectation, performance float64) (Outcome, error) {
	if err := m.validate(); err != nil {
		return Outcome{}, errorf("%w", err)
	}
	o, err := m.compare(expectation, performance)
	if err != nil {
		return Outcome{}, errorf("%w", err)
	}
	return o, nil
}

// compare is Compare for a valid m, with errors without the package
// prefix.
func (m Model) compare(expectation, performance float64) (Outcome, error) {
	if !finite(expectation) || !finite(performance) {
		return Outcome{}, fmt.Errorf("expectation %v and performance %v must be finite: %w", expectation, performance, ErrInvalid)
	}
	var d float64
	if m.Form == Ratio {
		if expectation <= 0 || performance < 0 {
			return Outcome{}, fmt.Errorf("ratio form needs expectation > 0 and performance ≥ 0, got %v and %v: %w", expectation, performance, ErrInvalid)
		}
		d = performance/expectation - 1
	} else {
		d = performance - expectation
	}
	if math.IsInf(d, 0) {
		return Outcome{}, fmt.Errorf("disconfirmation of expectation %v and performance %v overflows: %w", expectation, performance, ErrInvalid)
	}
	return Outcome{Expectation: expectation, Performance: performance, Disconfirmation: d, Level: m.level(d)}, nil
}

// MarshalJSON encodes the outcome with NaN and ±Inf as null.
func (o Outcome) MarshalJSON() ([]byte, error) {
	type plain Outcome
	return nanjson.Marshal(plain(o))
}

// UnmarshalJSON decodes an outcome; null decodes as NaN.
func (o *Outcome) UnmarshalJSON(b []byte) error {
	if o == nil {
		return errorf("UnmarshalJSON into a nil *Outcome: %w", ErrInvalid)
	}
	type plain Outcome
	return nanjson.Unmarshal(b, (*plain)(o))
}

// level maps a disconfirmation to a level; m must be valid.
func (m Model) level(d float64) Level {
	switch {
	case d < -m.Severe:
		return VeryDissatisfied
	case d < -m.Tolerance:
		return Dissatisfied
	case d <= m.Tolerance:
		return m.Confirmed
	case d <= m.Delight:
		return m.Confirmed + 1
	default:
		return Delighted
	}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
