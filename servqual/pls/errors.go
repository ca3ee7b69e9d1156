package pls

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error the package returns starts with "pls: ",
// names the construct, indicator, path, respondent or argument concerned,
// and wraps one of these; test for them with [errors.Is]. The specific
// model errors (ErrCycle, ErrEmptyBlock, ErrNoPath, ErrUnknown) also wrap
// ErrModel, so errors.Is(err, ErrModel) catches every invalid model.
var (
	// ErrModel marks an invalid model specification.
	ErrModel = errors.New("invalid model")
	// ErrCycle marks a structural model whose paths form a cycle.
	ErrCycle = errors.New("paths form a cycle")
	// ErrEmptyBlock marks a construct without indicators.
	ErrEmptyBlock = errors.New("construct has no indicators")
	// ErrNoPath marks a construct that no path enters or leaves.
	ErrNoPath = errors.New("construct has no path")
	// ErrUnknown marks a path, preset or lookup naming a construct or
	// indicator the model does not have.
	ErrUnknown = errors.New("unknown name")
	// ErrEmpty marks an empty input where at least one element (respondent,
	// construct, resample) is needed.
	ErrEmpty = errors.New("empty input")
	// ErrLength marks a slice or matrix whose size does not match the
	// model or another argument.
	ErrLength = errors.New("wrong length")
	// ErrValue marks a number that must be finite (or in a range) but is
	// not: ±Inf in data, NaN in a covariance matrix, a negative variance,
	// an option out of its range.
	ErrValue = errors.New("invalid value")
	// ErrSingular marks data that do not determine the estimates: too few
	// respondents, an indicator without variance, collinear predictors or
	// formative indicators, a covariance matrix that is not positive
	// definite where it must be.
	ErrSingular = errors.New("singular or insufficient data")
	// ErrNotConverged marks an outer-weight iteration that did not meet
	// the tolerance within the iteration limit.
	ErrNotConverged = errors.New("iteration did not converge")
	// ErrLimit marks an input beyond a documented limit such as
	// [MaxIndicators], [MaxConstructs], [MaxIterations] or [MaxResamples].
	ErrLimit = errors.New("limit exceeded")
)

// errorf returns an error whose message is "pls: " followed by the
// formatted text; the format wraps a sentinel with %w. Errors built inside
// the package without the prefix (by fmt.Errorf) are wrapped by errorf at
// the API boundary, so the prefix appears exactly once.
func errorf(format string, args ...any) error {
	return fmt.Errorf("pls: "+format, args...)
}
