package loyalty

import (
	"fmt"

	"github.com/cxlab/satisfaction/internal/enumtext"
)

// enumLabels is the text table of an enumeration (token, English and
// Chinese label and aliases; see internal/enumtext) with this package's
// MarshalText and UnmarshalText errors.
type enumLabels struct{ *enumtext.Table }

// marshal returns the token of value i, or an error wrapping ErrInvalid.
func (l enumLabels) marshal(i int) ([]byte, error) {
	tok, ok := l.Token(i)
	if !ok {
		return nil, fmt.Errorf("loyalty: cannot marshal %s(%d): not a value of the enumeration: %w", l.Type(), i, ErrInvalid)
	}
	return []byte(tok), nil
}

// unmarshal decodes text, calling set only on success; nilRecv reports a
// nil receiver.
func (l enumLabels) unmarshal(text []byte, nilRecv bool, set func(int)) error {
	if nilRecv {
		return fmt.Errorf("loyalty: %s.UnmarshalText into a nil pointer: %w", l.Type(), ErrInvalid)
	}
	i, ok := l.Parse(string(text))
	if !ok {
		last, _ := l.Token(l.Len() - 1)
		return fmt.Errorf("loyalty: %s.UnmarshalText: unknown text %q (want a token such as %q, or an English or Chinese label): %w",
			l.Type(), string(text), last, ErrInvalid)
	}
	set(i)
	return nil
}
