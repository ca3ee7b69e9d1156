package btyd

import "errors"

// Sentinel errors. Every error the package returns wraps one of these, with
// a message that starts "btyd: " once and names the function, the argument
// (or the customer's index) and the offending value, so callers can branch
// with [errors.Is].
var (
	// ErrInvalid marks a parameter or a data value outside its domain: a
	// negative count, NaN or ±Inf, a recency after the customer's age.
	ErrInvalid = errors.New("invalid argument")
	// ErrEmpty marks an empty input where at least one element is needed.
	ErrEmpty = errors.New("empty input")
	// ErrLength marks slices whose lengths do not agree.
	ErrLength = errors.New("wrong length")
	// ErrNotConverged marks a model fit that stopped before meeting its
	// convergence criterion.
	ErrNotConverged = errors.New("did not converge")
	// ErrNotIdentified marks a fit whose data cannot determine a
	// parameter: the estimate runs to a boundary, the Hessian is singular
	// or not positive definite, or the data carry no information about it.
	ErrNotIdentified = errors.New("parameter not identified")
)
