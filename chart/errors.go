package chart

import "errors"

// Sentinel errors; every error the package returns wraps one of them.
var (
	// ErrEmpty reports input with nothing to draw.
	ErrEmpty = errors.New("nothing to draw")
	// ErrInvalid reports an invalid argument: a value that is not finite,
	// a Chinese chart without a usable font, or a bad size.
	ErrInvalid = errors.New("invalid input")
)
