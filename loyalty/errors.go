package loyalty

import "errors"

// Sentinel errors. Every error the package returns wraps one of these, with
// a message that starts "loyalty: " once and names the function, the
// argument, field or index and the offending value, so callers can branch
// with [errors.Is]. The sentinels' own texts carry no package prefix.
var (
	// ErrInvalid marks a parameter outside its domain: a rate outside its
	// range (rates are fractions, such as 0.1 for 10%), a negative count,
	// NaN or ±Inf, a count above a documented limit, a counter that would
	// overflow int64, a result too large to represent.
	ErrInvalid = errors.New("invalid argument")
	// ErrEmpty marks an empty input where at least one element is needed:
	// a chain with no states, an empty profit profile or retention curve,
	// no escalation tiers, a trust policy with no steps.
	ErrEmpty = errors.New("empty input")
	// ErrLength marks slices whose lengths do not agree, or fewer elements
	// than a computation needs (beyond the first).
	ErrLength = errors.New("wrong length")
	// ErrNotConverged marks an iteration that stopped before meeting its
	// convergence criterion. No function of this package returns it at
	// present; it is kept for callers that test for it.
	ErrNotConverged = errors.New("did not converge")
)
