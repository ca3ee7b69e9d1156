package ep

import "errors"

// Sentinel errors. Errors returned for bad input wrap one of these (or
// [ErrLevel]) with a message naming the argument and its value, so callers
// can branch with [errors.Is].
var (
	// ErrInvalid marks an input outside its domain: NaN or ±Inf, a
	// negative amount, a non-positive expectation in ratio form, a rate
	// outside [0, 1], a rating off its scale.
	ErrInvalid = errors.New("ep: invalid input")
	// ErrModel marks a Model whose cut points or confirmed level are not
	// valid (see [Model.Validate]).
	ErrModel = errors.New("ep: invalid model")
	// ErrEmpty marks an empty input where at least one element is needed.
	ErrEmpty = errors.New("ep: empty input")
)
