package loyalty

import (
	"fmt"
	"strings"
)

// enumLabels lists the text forms of an enumeration, indexed by the
// enumeration's integer value: the stable token MarshalText writes, the
// English label String returns and the Chinese label Chinese returns, plus
// aliases UnmarshalText also accepts (earlier tokens, common synonyms).
type enumLabels struct {
	typ              string // the Go type name, for errors
	token, en, zh    []string
	alias            map[string]int
	emptyIsZeroValue bool // "" decodes as the zero value ("not known")
}

// normLabel normalises a label for matching: surrounding space trimmed,
// ASCII letters lower-cased, and ' ', '-' and '_' made the same.
func normLabel(s string) string {
	b := []byte(strings.TrimSpace(s))
	for i, c := range b {
		switch {
		case 'A' <= c && c <= 'Z':
			b[i] = c + ('a' - 'A')
		case c == ' ' || c == '-':
			b[i] = '_'
		}
	}
	return string(b)
}

// parse returns the value whose token, English label, Chinese label or
// alias matches text after normalisation.
func (l *enumLabels) parse(text string) (int, bool) {
	v := normLabel(text)
	if v == "" {
		return 0, l.emptyIsZeroValue
	}
	for _, names := range [][]string{l.token, l.en, l.zh} {
		for i, n := range names {
			if normLabel(n) == v {
				return i, true
			}
		}
	}
	for a, i := range l.alias {
		if normLabel(a) == v {
			return i, true
		}
	}
	return 0, false
}

// valid reports whether i is a value of the enumeration.
func (l *enumLabels) valid(i int) bool { return i >= 0 && i < len(l.token) }

// english returns the English label of value i, or "Type(i)".
func (l *enumLabels) english(i int) string {
	if l.valid(i) {
		return l.en[i]
	}
	return fmt.Sprintf("%s(%d)", l.typ, i)
}

// chinese returns the Chinese label of value i, or "".
func (l *enumLabels) chinese(i int) string {
	if l.valid(i) {
		return l.zh[i]
	}
	return ""
}

// marshal returns the token of value i, or an error wrapping ErrInvalid.
func (l *enumLabels) marshal(i int) ([]byte, error) {
	if !l.valid(i) {
		return nil, fmt.Errorf("loyalty: cannot marshal %s(%d): not a value of the enumeration: %w", l.typ, i, ErrInvalid)
	}
	return []byte(l.token[i]), nil
}

// unmarshal decodes text, calling set only on success; nilRecv reports a
// nil receiver.
func (l *enumLabels) unmarshal(text []byte, nilRecv bool, set func(int)) error {
	if nilRecv {
		return fmt.Errorf("loyalty: %s.UnmarshalText into a nil pointer: %w", l.typ, ErrInvalid)
	}
	i, ok := l.parse(string(text))
	if !ok {
		return fmt.Errorf("loyalty: %s.UnmarshalText: unknown text %q (want a token such as %q, or an English or Chinese label): %w",
			l.typ, string(text), l.token[len(l.token)-1], ErrInvalid)
	}
	set(i)
	return nil
}
