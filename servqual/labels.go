package servqual

import "strings"

// enumLabels holds the three text forms of an enumeration, indexed by the
// value: the stable token MarshalText writes, the English label String
// returns and the Chinese label Chinese returns, plus extra spellings
// UnmarshalText accepts.
type enumLabels struct {
	token, english, chinese []string
	alias                   map[string]int
}

// normLabel folds a label for matching: surrounding space trimmed, ASCII
// letters lower-cased, and ' ', '-' and '_' made interchangeable.
func normLabel(s string) string {
	s = strings.TrimSpace(s)
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'A' && c <= 'Z':
			b[i] = c + 'a' - 'A'
		case c == ' ' || c == '-':
			b[i] = '_'
		}
	}
	return string(b)
}

// parse returns the value whose token, English label, Chinese label or
// alias matches text (see normLabel), and whether one did.
func (l *enumLabels) parse(text string) (int, bool) {
	t := normLabel(text)
	for _, forms := range [][]string{l.token, l.english, l.chinese} {
		for i, f := range forms {
			if f != "" && normLabel(f) == t {
				return i, true
			}
		}
	}
	for a, i := range l.alias {
		if normLabel(a) == t {
			return i, true
		}
	}
	return 0, false
}

// label returns forms[i], or "" out of range.
func label(forms []string, i int) string {
	if i >= 0 && i < len(forms) {
		return forms[i]
	}
	return ""
}
