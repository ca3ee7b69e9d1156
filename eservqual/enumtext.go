package eservqual

import "strings"

// enumText holds the three text forms of an enumeration whose values are
// 0, 1, …: the stable token written by MarshalText, the English label
// returned by String and the Chinese label returned by Chinese, plus the
// further spellings UnmarshalText accepts.
type enumText struct {
	token, english, chinese []string
	// emptyOK says whether the empty text decodes as the zero value (only
	// where the zero value means "not known").
	emptyOK bool
	// lookup maps every accepted spelling, normalised by normEnum, to its
	// value.
	lookup map[string]int
}

// newEnumText builds the lookup table of an enumeration from its labels
// and aliases (alias → value).
func newEnumText(token, english, chinese []string, emptyOK bool, alias map[string]int) *enumText {
	e := &enumText{token: token, english: english, chinese: chinese, emptyOK: emptyOK, lookup: map[string]int{}}
	for a, v := range alias {
		e.lookup[normEnum(a)] = v
	}
	// Labels take precedence over aliases.
	for i := range token {
		e.lookup[normEnum(chinese[i])] = i
		e.lookup[normEnum(english[i])] = i
		e.lookup[normEnum(token[i])] = i
	}
	return e
}

// parse returns the value whose token, English label, Chinese label or
// alias matches text after normalisation, and whether one does.
func (e *enumText) parse(text []byte) (int, bool) {
	s := normEnum(string(text))
	if s == "" {
		return 0, e.emptyOK
	}
	v, ok := e.lookup[s]
	return v, ok
}

// normEnum trims space, lower-cases ASCII letters (only ASCII, so that no
// other script's case folding can make two labels collide) and treats
// ' ', '-' and '_' alike.
func normEnum(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == ' ' || r == '-':
			r = '_'
		}
		b.WriteRune(r)
	}
	return b.String()
}
