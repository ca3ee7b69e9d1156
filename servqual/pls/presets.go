package pls

import (
	"maps"
	"slices"
)

// Construct names of the ACSI and ECSI presets.
const (
	// Image is corporate image (ECSI).
	Image = "IMAG"
	// Expectations is customer expectations.
	Expectations = "EXPE"
	// Quality is perceived quality.
	Quality = "QUAL"
	// Value is perceived value (quality relative to price).
	Value = "VAL"
	// Satisfaction is customer satisfaction, the index construct.
	Satisfaction = "SAT"
	// Complaints is customer complaints (ACSI).
	Complaints = "COMP"
	// Loyalty is customer loyalty.
	Loyalty = "LOY"
)

// ACSIPaths returns the structural model of the American Customer
// Satisfaction Index (Fornell, Johnson, Anderson, Cha & Bryant 1996,
// J. Marketing 60(4), Figure 1): expectations drive perceived quality,
// value and satisfaction; quality drives value and satisfaction; value
// drives satisfaction; satisfaction drives complaints and loyalty;
// complaints drive loyalty.
func ACSIPaths() []Path {
	return []Path{
		{Expectations, Quality}, {Expectations, Value}, {Quality, Value},
		{Expectations, Satisfaction}, {Quality, Satisfaction}, {Value, Satisfaction},
		{Satisfaction, Complaints}, {Satisfaction, Loyalty}, {Complaints, Loyalty},
	}
}

// ECSIPaths returns the structural model of the European Customer
// Satisfaction Index in the form estimated by Tenenhaus et al. (2005, §4)
// on the ECSI mobile-phone data (and by plspm and the ECSI literature after
// Eklöf & Westlund 2002): image drives expectations, satisfaction and
// loyalty; expectations drive quality, value and satisfaction; quality
// drives value and satisfaction; value drives satisfaction; satisfaction
// drives loyalty. (Eklöf & Westlund's complaints construct is left out, as
// in Tenenhaus et al.; add it with [Model.Spec] and [NewModel] if measured.)
func ECSIPaths() []Path {
	return []Path{
		{Image, Expectations}, {Expectations, Quality}, {Expectations, Value}, {Quality, Value},
		{Image, Satisfaction}, {Expectations, Satisfaction}, {Quality, Satisfaction}, {Value, Satisfaction},
		{Image, Loyalty}, {Satisfaction, Loyalty},
	}
}

// ACSI returns the ACSI model (constructs EXPE, QUAL, VAL, SAT, COMP, LOY
// linked by [ACSIPaths], all reflective) filled with the caller's
// indicators: blocks maps each construct name to its indicator names. A
// name not in the preset wraps [ErrUnknown]; a missing or empty block
// wraps [ErrEmptyBlock]; other errors are those of [NewModel].
func ACSI(blocks map[string][]string) (*Model, error) {
	return preset("ACSI", []string{Expectations, Quality, Value, Satisfaction, Complaints, Loyalty}, ACSIPaths(), blocks)
}

// ECSI returns the ECSI model (constructs IMAG, EXPE, QUAL, VAL, SAT, LOY
// linked by [ECSIPaths], all reflective) filled with the caller's
// indicators; see [ACSI] for the errors.
func ECSI(blocks map[string][]string) (*Model, error) {
	return preset("ECSI", []string{Image, Expectations, Quality, Value, Satisfaction, Loyalty}, ECSIPaths(), blocks)
}

func preset(name string, cons []string, paths []Path, blocks map[string][]string) (*Model, error) {
	for _, k := range slices.Sorted(maps.Keys(blocks)) {
		if !slices.Contains(cons, k) {
			return nil, errorf("%s preset: construct %q: %w (want one of %v): %w", name, k, ErrUnknown, cons, ErrModel)
		}
	}
	spec := Spec{Paths: paths}
	for _, c := range cons {
		if len(blocks[c]) == 0 {
			return nil, errorf("%s preset: construct %q: %w: %w", name, c, ErrEmptyBlock, ErrModel)
		}
		spec.Constructs = append(spec.Constructs, Construct{Name: c, Indicators: slices.Clone(blocks[c])})
	}
	return NewModel(spec)
}
