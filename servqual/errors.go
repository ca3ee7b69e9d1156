package servqual

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error the package returns wraps one of these and
// starts with "servqual: "; test for them with [errors.Is]. Errors about
// survey data are *InputError values; errors about an instrument
// definition wrap ErrInstrument. The sentinels' own texts carry no prefix.
var (
	// ErrOutOfScale marks a rating outside the instrument's scale, or ±Inf,
	// and a number that must be finite but is not.
	ErrOutOfScale = errors.New("rating outside scale")
	// ErrLength marks a slice whose length does not match the instrument
	// or another slice.
	ErrLength = errors.New("wrong length")
	// ErrZone marks an adequate level above the desired level.
	ErrZone = errors.New("adequate level above desired level")
	// ErrImportance marks importance points that are negative, not finite,
	// or do not sum to 100.
	ErrImportance = errors.New("invalid importance points")
	// ErrInstrument marks an invalid instrument definition, a missing
	// instrument, or data of a different instrument than the
	// accumulator's or report's.
	ErrInstrument = errors.New("invalid instrument")
	// ErrEmpty marks an empty input where at least one response (or
	// point) is needed.
	ErrEmpty = errors.New("no responses")
	// ErrArgument marks an argument out of its range: a measure that does
	// not exist, an outcome key the instrument does not have, a nil accumulator, a name no
	// enumeration value has, a malformed statistic.
	ErrArgument = errors.New("invalid argument")
	// ErrUndefined marks an analysis the data do not determine: too few
	// complete respondents, a variable without variance, an R² of zero,
	// attributes that do not vary.
	ErrUndefined = errors.New("undefined for these data")
	// ErrLimit marks an input beyond a documented limit, such as
	// [MaxDrivers], [MaxResponses] or [MaxItems].
	ErrLimit = errors.New("limit exceeded")
)

// errorf returns an error whose message is "servqual: " followed by the
// formatted text; the format should wrap a sentinel with %w.
func errorf(format string, args ...any) error {
	return fmt.Errorf("servqual: "+format, args...)
}

// InputError reports invalid survey data: which respondent, item (or
// dimension or outcome) and field were wrong, the offending value, and the
// kind of failure in Err.
type InputError struct {
	// Respondent is the index of the response in the caller's slice, or −1
	// when a single response was scored or added.
	Respondent int
	// Item is the key of the item, dimension or outcome concerned, or "".
	Item string
	// Field is the field of the Response: "expectation", "perception",
	// "adequate", "desired", "importance" or "outcome"; or the argument
	// of a function, such as "importance" of [IPA].
	Field string
	// Value is the offending value (NaN when not applicable).
	Value float64
	// Err is the sentinel describing the failure, such as [ErrOutOfScale].
	Err error
	// Detail gives further context, such as the scale or expected length.
	Detail string
}

// Error returns a message such as
// "servqual: respondent 17, item Q5, perception: rating 9 outside scale 1..7".
// The message starts with "servqual: " once; it names the respondent when
// Respondent ≥ 0, the item and the field when set, and then Detail, or
// Err's text when Detail is empty, or "invalid input" when both are.
func (e *InputError) Error() string {
	if e == nil {
		return "servqual: <nil InputError>"
	}
	var b strings.Builder
	b.WriteString("servqual: ")
	if e.Respondent >= 0 {
		fmt.Fprintf(&b, "respondent %d, ", e.Respondent)
	}
	if e.Item != "" {
		fmt.Fprintf(&b, "item %s, ", e.Item)
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	switch {
	case e.Detail != "":
		b.WriteString(e.Detail)
	case e.Err != nil:
		b.WriteString(e.Err.Error())
	default:
		b.WriteString("invalid input")
	}
	return b.String()
}

// Unwrap returns the sentinel error (nil if Err is nil).
func (e *InputError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}
