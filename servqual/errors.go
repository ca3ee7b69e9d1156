package servqual

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Errors about survey data are *InputError values that
// wrap one of these; errors about an instrument definition wrap
// ErrInstrument. Test for them with [errors.Is].
var (
	// ErrOutOfScale marks a rating outside the instrument's scale, or ±Inf.
	ErrOutOfScale = errors.New("rating outside scale")
	// ErrLength marks a slice whose length does not match the instrument.
	ErrLength = errors.New("wrong length")
	// ErrZone marks an adequate level above the desired level.
	ErrZone = errors.New("adequate level above desired level")
	// ErrImportance marks importance points that are negative, not finite,
	// or do not sum to 100.
	ErrImportance = errors.New("invalid importance points")
	// ErrInstrument marks an invalid instrument definition, or data scored
	// with a different instrument than the accumulator's.
	ErrInstrument = errors.New("servqual: invalid instrument")
	// ErrEmpty marks an empty input where at least one response is needed.
	ErrEmpty = errors.New("servqual: no responses")
)

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
	// "adequate", "desired", "importance" or "outcome".
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
func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString("servqual: ")
	if e.Respondent >= 0 {
		fmt.Fprintf(&b, "respondent %d, ", e.Respondent)
	}
	if e.Item != "" {
		fmt.Fprintf(&b, "item %s, ", e.Item)
	}
	b.WriteString(e.Field)
	b.WriteString(": ")
	if e.Detail != "" {
		b.WriteString(e.Detail)
	} else {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *InputError) Unwrap() error { return e.Err }
