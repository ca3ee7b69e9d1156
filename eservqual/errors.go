package eservqual

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cxlab/satisfaction/servqual"
)

// Sentinel errors. Every error the package returns starts with
// "eservqual: ", names the argument, respondent, item or field concerned,
// and wraps one of these, so callers can branch with [errors.Is]. An error
// that comes from package servqual (a *servqual.InputError about a
// response, say) is wrapped too: errors.Is reports both the eservqual
// sentinel and servqual's ([servqual.ErrOutOfScale], …), and errors.As
// finds the *servqual.InputError. The sentinels' own texts carry no
// package prefix.
var (
	// ErrInvalid marks an input outside its domain: NaN or ±Inf, a value
	// beyond a documented limit, an unknown name, key or segment, an
	// option out of range, or a rating off its scale.
	ErrInvalid = errors.New("invalid input")
	// ErrEmpty marks an empty input where at least one element is needed.
	ErrEmpty = errors.New("empty input")
	// ErrLength marks slices whose lengths do not match each other or the
	// instrument.
	ErrLength = errors.New("wrong length")
	// ErrInstrument marks a missing (nil) instrument or accumulator, or
	// data of different instruments.
	ErrInstrument = errors.New("invalid instrument")
)

// errorf returns an error whose message is "eservqual: " followed by the
// formatted text.
func errorf(format string, args ...any) error {
	return fmt.Errorf("eservqual: "+format, args...)
}

// wrapError is an error of this package that wraps an error of package
// servqual together with the matching sentinel of this package.
type wrapError struct {
	msg  string
	errs []error
}

func (e *wrapError) Error() string   { return e.msg }
func (e *wrapError) Unwrap() []error { return e.errs }

// fromServqual returns err, an error of package servqual, as an error of
// this package: "eservqual: ", then context and ": " if context is not
// empty, then err's message without its "servqual: " prefix. It wraps err
// and the eservqual sentinel matching servqual's.
func fromServqual(err error, context string) error {
	msg := strings.TrimPrefix(err.Error(), "servqual: ")
	if context != "" {
		msg = context + ": " + msg
	}
	var s error
	switch {
	case errors.Is(err, servqual.ErrLength):
		s = ErrLength
	case errors.Is(err, servqual.ErrEmpty):
		s = ErrEmpty
	case errors.Is(err, servqual.ErrInstrument):
		s = ErrInstrument
	default:
		s = ErrInvalid
	}
	return &wrapError{msg: "eservqual: " + msg, errs: []error{s, err}}
}

// withRespondent returns err (from package servqual) as an error of this
// package that names respondent i: a *servqual.InputError is copied with
// its Respondent set to i, any other error is prefixed with
// "respondent i".
func withRespondent(err error, i int) error {
	var ie *servqual.InputError
	if errors.As(err, &ie) && ie != nil {
		c := *ie
		c.Respondent = i
		return fromServqual(&c, "")
	}
	return fromServqual(err, fmt.Sprintf("respondent %d", i))
}
