package enumtext

import "fmt"

// Codec is a [Table] with the errors of one package's MarshalText and
// UnmarshalText methods. Every error it returns reads
//
//	<Pkg>: <text>: <Err>
//
// so it starts with the package prefix once and wraps the package's
// sentinel Err (errors.Is(err, Err) holds). The text is worded by Words,
// or by default
//
//	cannot marshal <Type>(<n>)          MarshalText of a value outside the enumeration
//	UnmarshalText into a nil *<Type>    UnmarshalText on a nil receiver
//	unknown <Noun> "<text>"             UnmarshalText of text that names no value
//
// A Codec is an immutable value, safe to share.
type Codec struct {
	*Table
	// Pkg is the package name that starts every message, such as "ep".
	Pkg string
	// Noun is what a value is called in messages, such as "satisfaction
	// level".
	Noun string
	// Err is the sentinel every error wraps.
	Err error
	// Words, if not nil, words the errors instead of the default.
	Words *Words
}

// Words words the errors of a [Codec]: each function returns the text
// between "<Pkg>: " and ": <Err>". A nil function keeps the default text.
type Words struct {
	// BadValue is the text for MarshalText of v, not a value of c.
	BadValue func(c Codec, v int) string
	// NilReceiver is the text for UnmarshalText on a nil receiver.
	NilReceiver func(c Codec) string
	// UnknownText is the text for UnmarshalText of text that names no
	// value of c.
	UnknownText func(c Codec, text string) string
}

// Marshal returns the token of v, as MarshalText does, or an error when v
// is not a value of the enumeration.
func (c Codec) Marshal(v int) ([]byte, error) {
	tok, ok := c.Token(v)
	if !ok {
		msg := fmt.Sprintf("cannot marshal %s(%d)", c.Type(), v)
		if c.Words != nil && c.Words.BadValue != nil {
			msg = c.Words.BadValue(c, v)
		}
		return nil, c.wrap(msg)
	}
	return []byte(tok), nil
}

// Unmarshal parses text, as UnmarshalText does, and on success passes the
// value to set. isNil reports a nil receiver, which is an error before
// text is looked at. On error set is not called, so the receiver is left
// unchanged.
func (c Codec) Unmarshal(text []byte, isNil bool, set func(int)) error {
	if isNil {
		msg := fmt.Sprintf("UnmarshalText into a nil *%s", c.Type())
		if c.Words != nil && c.Words.NilReceiver != nil {
			msg = c.Words.NilReceiver(c)
		}
		return c.wrap(msg)
	}
	v, ok := c.Parse(string(text))
	if !ok {
		msg := fmt.Sprintf("unknown %s %q", c.Noun, string(text))
		if c.Words != nil && c.Words.UnknownText != nil {
			msg = c.Words.UnknownText(c, string(text))
		}
		return c.wrap(msg)
	}
	set(v)
	return nil
}

// wrap returns "<Pkg>: msg: <Err>", wrapping Err.
func (c Codec) wrap(msg string) error {
	return fmt.Errorf("%s: %s: %w", c.Pkg, msg, c.Err)
}
