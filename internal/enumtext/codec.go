package enumtext

import "fmt"

// Codec is a [Table] with the errors of one package's MarshalText and
// UnmarshalText methods, in the form
//
//	<Pkg>: cannot marshal <Type>(<n>): <Err>
//	<Pkg>: UnmarshalText into a nil *<Type>: <Err>
//	<Pkg>: unknown <Noun> "<text>": <Err>
//
// Each message starts with the package prefix once and wraps the
// package's sentinel Err, so errors.Is(err, Err) holds. A Codec is an
// immutable value, safe to share.
type Codec struct {
	*Table
	// Pkg is the package name that starts every message, such as "ep".
	Pkg string
	// Noun is what a value is called in the message about unknown text,
	// such as "satisfaction level".
	Noun string
	// Err is the sentinel every error wraps.
	Err error
}

// Marshal returns the token of v, as MarshalText does, or an error when v
// is not a value of the enumeration.
func (c Codec) Marshal(v int) ([]byte, error) {
	tok, ok := c.Token(v)
	if !ok {
		return nil, fmt.Errorf("%s: cannot marshal %s(%d): %w", c.Pkg, c.Type(), v, c.Err)
	}
	return []byte(tok), nil
}

// Unmarshal parses text, as UnmarshalText does, and on success passes the
// value to set. isNil reports a nil receiver, which is an error before
// text is looked at. On error set is not called, so the receiver is left
// unchanged.
func (c Codec) Unmarshal(text []byte, isNil bool, set func(int)) error {
	if isNil {
		return fmt.Errorf("%s: UnmarshalText into a nil *%s: %w", c.Pkg, c.Type(), c.Err)
	}
	v, ok := c.Parse(string(text))
	if !ok {
		return fmt.Errorf("%s: unknown %s %q: %w", c.Pkg, c.Noun, string(text), c.Err)
	}
	set(v)
	return nil
}
