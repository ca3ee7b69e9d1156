package loyalty

import "errors"

// Sentinel errors. Every error the package returns for bad input wraps one
// of these, with a message that names the function, the argument and the
// offending value, so callers can branch with [errors.Is].
var (
	// ErrInvalid marks a parameter outside its domain: a rate outside
	// [0, 1], a negative count, NaN or ±Inf, a discount rate ≤ −1.
	ErrInvalid = errors.New("loyalty: invalid argument")
	// ErrLength marks slices whose lengths do not agree, or an empty slice
	// where at least one element is required.
	ErrLength = errors.New("loyalty: wrong length")
	// ErrNotConverged marks a model fit or an iteration that stopped
	// before meeting its convergence criterion.
	ErrNotConverged = errors.New("loyalty: did not converge")
)
