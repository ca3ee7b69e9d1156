package ep

import (
	"errors"
	"fmt"
)

// Sentinel errors. Errors returned for bad input wrap one of these (or
// [ErrLevel]) with a message that starts with "ep: " and names the
// argument and its value, so callers can branch with [errors.Is]. The
// sentinels' own texts carry no package prefix.
var (
	// ErrInvalid marks an input outside its domain: NaN or ±Inf, a
	// negative amount, a non-positive expectation in ratio form, a rate
	// outside [0, 1], a rating off its scale, a count that would overflow
	// int64, a nil receiver, or a number of decimal places beyond
	// [MaxPlaces].
	ErrInvalid = errors.New("invalid input")
	// ErrModel marks a Model whose cut points or confirmed level are not
	// valid (see [Model.Validate]).
	ErrModel = errors.New("invalid model")
	// ErrEmpty marks an empty input where at least one element is needed.
	ErrEmpty = errors.New("empty input")
)

// errorf returns an error whose message is "ep: " followed by the
// formatted text; format must not start with the prefix itself.
func errorf(format string, args ...any) error {
	return fmt.Errorf("ep: "+format, args...)
}
