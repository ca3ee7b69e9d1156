package pls

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
	b := []byte(strings.TrimSpace(s))
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
	if t == "" {
		return 0, false
	}
	for _, forms := range [][]string{l.token, l.english, l.chinese} {
		for i, f := range forms {
			if normLabel(f) == t {
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

// text returns forms[i], or "" out of range.
func (l *enumLabels) text(forms []string, i int) string {
	if i >= 0 && i < len(forms) {
		return forms[i]
	}
	return ""
}

// The text forms of the enumerations; the Chinese terms are those of the
// Chinese PLS-SEM literature.
var (
	modeLabels = enumLabels{
		token:   []string{"a", "b"},
		english: []string{"Mode A (reflective)", "Mode B (formative)"},
		chinese: []string{"模式A（反映型）", "模式B（形成型）"},
		alias:   map[string]int{"reflective": 0, "反映型": 0, "mode a": 0, "formative": 1, "形成型": 1, "mode b": 1},
	}
	schemeLabels = enumLabels{
		token:   []string{"path", "centroid", "factorial"},
		english: []string{"path weighting", "centroid weighting", "factorial weighting"},
		chinese: []string{"路径加权", "重心加权", "因子加权"},
	}
	missingLabels = enumLabels{
		token:   []string{"listwise", "pairwise"},
		english: []string{"listwise deletion", "pairwise deletion"},
		chinese: []string{"成列删除", "成对删除"},
	}
)
