// Package enumtext holds the text forms of the library's enumerations: for
// each value 0, 1, …, n−1 a stable token (what MarshalText writes), an
// English label (what String returns) and a Chinese label (what Chinese
// returns), plus aliases that UnmarshalText also accepts (earlier tokens,
// common synonyms, the wording of a questionnaire).
//
// Text is matched after [Normalize]: surrounding white space is trimmed,
// ASCII letters are lower-cased and ' ', '-' and '_' are treated alike, so
// "Long-Term", "long term" and "long_term" are one spelling. Only ASCII
// letters are folded, so that no other script's case rules can make two
// labels collide.
//
// A [Table] is built once, by [New] or [MustNew], from a [Labels] value and
// checked then: every value has all three labels, no spelling names two
// values, every alias names a value. A Table is immutable afterwards and
// safe to share between goroutines.
//
// The package formats no errors of its own for the enumerations' users:
// the packages that own the enumerations wrap the (value, ok) results of
// [Table.Parse] and [Table.Token] in their own messages and sentinels.
package enumtext

import (
	"errors"
	"fmt"
	"strings"
)

// Labels lists the text forms of an enumeration, indexed by its integer
// value.
type Labels struct {
	// Type is the Go type name of the enumeration, such as "Level"; String
	// of a value outside the enumeration returns "Type(n)".
	Type string
	// Token, English and Chinese hold, for each value, the stable token,
	// the English label and the Chinese label; the three slices have the
	// same length, at least 1.
	Token, English, Chinese []string
	// Alias maps further accepted spellings to values.
	Alias map[string]int
	// EmptyIsZero says whether the empty text (after trimming) decodes as
	// the zero value; set it only where the zero value means "not known".
	// Otherwise the empty text is no value.
	EmptyIsZero bool
}

// Table is the checked, immutable form of [Labels] with the lookup of
// every accepted spelling. Its zero value and a nil *Table are the empty
// enumeration: no value is valid and no text parses.
type Table struct {
	typ                     string
	token, english, chinese []string
	emptyIsZero             bool
	lookup                  map[string]int // Normalize(spelling) → value
}

// errLabels marks an inconsistent [Labels] value.
var errLabels = errors.New("inconsistent enumeration labels")

// New checks l and returns its table. It is an error, wrapping an
// unexported sentinel and naming the label concerned, if the three label
// slices are empty or differ in length, a label or alias is empty after
// [Normalize], an alias names no value, or two values share a spelling
// after Normalize (a label of one value, or an alias, equal to a label or
// alias of another). Spellings shared by one value are fine.
func New(l Labels) (*Table, error) {
	n := len(l.Token)
	if n == 0 || len(l.English) != n || len(l.Chinese) != n {
		return nil, fmt.Errorf("enumtext: %s: %d tokens, %d English and %d Chinese labels: %w",
			l.Type, n, len(l.English), len(l.Chinese), errLabels)
	}
	t := &Table{
		typ:         l.Type,
		token:       append([]string(nil), l.Token...),
		english:     append([]string(nil), l.English...),
		chinese:     append([]string(nil), l.Chinese...),
		emptyIsZero: l.EmptyIsZero,
		lookup:      make(map[string]int, 3*n+len(l.Alias)),
	}
	add := func(kind, s string, v int) error {
		k := Normalize(s)
		if k == "" {
			return fmt.Errorf("enumtext: %s: empty %s of value %d: %w", l.Type, kind, v, errLabels)
		}
		if w, ok := t.lookup[k]; ok && w != v {
			return fmt.Errorf("enumtext: %s: %s %q of value %d is also a spelling of value %d: %w",
				l.Type, kind, s, v, w, errLabels)
		}
		t.lookup[k] = v
		return nil
	}
	for v := range n {
		for _, f := range [...]struct{ kind, s string }{
			{"token", l.Token[v]}, {"English label", l.English[v]}, {"Chinese label", l.Chinese[v]},
		} {
			if err := add(f.kind, f.s, v); err != nil {
				return nil, err
			}
		}
	}
	for a, v := range l.Alias {
		if v < 0 || v >= n {
			return nil, fmt.Errorf("enumtext: %s: alias %q names value %d outside 0..%d: %w", l.Type, a, v, n-1, errLabels)
		}
		if err := add("alias", a, v); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// MustNew is like [New] but panics if l is inconsistent. It is meant for
// the package-level tables built from constant labels, where an
// inconsistency is a programming error that every test run reveals.
func MustNew(l Labels) *Table {
	t, err := New(l)
	if err != nil {
		panic(err)
	}
	return t
}

// Len returns the number of values, 0 for a nil t.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.token)
}

// Type returns the Go type name given in the [Labels], "" for a nil t.
func (t *Table) Type() string {
	if t == nil {
		return ""
	}
	return t.typ
}

// Valid reports whether v is a value of the enumeration: 0 ≤ v < Len.
func (t *Table) Valid(v int) bool { return v >= 0 && v < t.Len() }

// Token returns the stable token of v and true, or "" and false when v is
// not a value of the enumeration.
func (t *Table) Token(v int) (string, bool) {
	if !t.Valid(v) {
		return "", false
	}
	return t.token[v], true
}

// Tokens returns the tokens of the values in order (a copy); nil for a
// nil t.
func (t *Table) Tokens() []string {
	if t == nil {
		return nil
	}
	return append([]string(nil), t.token...)
}

// English returns the English label of v or, when v is not a value of the
// enumeration, "Type(v)" (with the Type of the [Labels]), as fmt prints an
// unnamed value.
func (t *Table) English(v int) string {
	if !t.Valid(v) {
		return fmt.Sprintf("%s(%d)", t.Type(), v)
	}
	return t.english[v]
}

// Chinese returns the Chinese label of v, or "" when v is not a value of
// the enumeration.
func (t *Table) Chinese(v int) string {
	if !t.Valid(v) {
		return ""
	}
	return t.chinese[v]
}

// Parse returns the value whose token, English label, Chinese label or
// alias equals text after [Normalize], and true; or 0 and false when none
// does. Text that is empty after trimming yields 0 and whether the
// [Labels] set EmptyIsZero.
func (t *Table) Parse(text string) (int, bool) {
	k := Normalize(text)
	if k == "" {
		return 0, t != nil && t.emptyIsZero
	}
	if t == nil {
		return 0, false
	}
	v, ok := t.lookup[k]
	return v, ok
}

// Normalize returns s with surrounding white space (as [strings.TrimSpace]
// defines it) removed, the ASCII letters 'A' to 'Z' lower-cased, and every
// ' ' and '-' replaced by '_'. Other bytes, including invalid UTF-8, are
// kept as they are. Normalize is idempotent.
func Normalize(s string) string {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' || r == ' ' || r == '-' })
	if i < 0 {
		return s
	}
	b := []byte(s)
	for j := i; j < len(b); j++ {
		switch c := b[j]; {
		case c >= 'A' && c <= 'Z':
			b[j] = c + ('a' - 'A')
		case c == ' ' || c == '-':
			b[j] = '_'
		}
	}
	return string(b)
}
