// Package enumtexttest checks, in tests, that an enumeration follows the
// module's text-form rule: MarshalText writes the token, String the English
// label, Chinese the Chinese label, and UnmarshalText reads all three.
package enumtexttest

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// Row is one value of an enumeration with its three text forms and
// further spellings that must decode to it.
type Row[T any] struct {
	V                       T
	Token, English, Chinese string
	Aliases                 []string
}

// R builds a Row: the value, its token, English and Chinese labels, and
// further spellings that must decode to it.
func R[T any](v T, token, english, chinese string, aliases ...string) Row[T] {
	return Row[T]{V: v, Token: token, English: english, Chinese: chinese, Aliases: aliases}
}

// Value is the method set every enumeration of the module has.
type Value interface {
	~int8
	String() string
	Chinese() string
	MarshalText() ([]byte, error)
}

// Ptr is a pointer to an enumeration value.
type Ptr[T any] interface {
	*T
	UnmarshalText([]byte) error
}

// variants returns the spellings of a Latin label a user may type: upper
// case, and with ' ', '-' and '_' swapped for each other.
func variants(s string) []string {
	out := []string{s, strings.ToUpper(s), " " + s + "\t"}
	for _, sep := range []string{" ", "-", "_"} {
		out = append(out, strings.NewReplacer(" ", sep, "-", sep, "_", sep).Replace(s))
	}
	return out
}

// Check checks every value of an enumeration: MarshalText is the token,
// String the English label, Chinese the Chinese label; UnmarshalText reads
// the token, the English label (in any case, with any separator), the
// Chinese label and the aliases back to the value; JSON writes the token
// and reads every form; an unknown text is an error wrapping sentinel and
// changes nothing and starts with prefix (such as "ep: ") exactly once;
// out-of-range values marshal to an error.
func Check[T Value, P Ptr[T]](t *testing.T, prefix, name string, rows []Row[T], sentinel error, emptyOK bool) {
	t.Helper()
	for _, r := range rows {
		if b, err := r.V.MarshalText(); err != nil || string(b) != r.Token {
			t.Errorf("%s %d: MarshalText = %q, %v; want %q", name, r.V, b, err, r.Token)
		}
		if got := r.V.String(); got != r.English {
			t.Errorf("%s %d: String = %q, want %q", name, r.V, got, r.English)
		}
		if got := r.V.Chinese(); got != r.Chinese {
			t.Errorf("%s %d: Chinese = %q, want %q", name, r.V, got, r.Chinese)
		}
		texts := append(append(variants(r.Token), variants(r.English)...), r.Chinese)
		for _, a := range r.Aliases {
			texts = append(texts, variants(a)...)
		}
		for _, text := range texts {
			got := T(99)
			if err := P(&got).UnmarshalText([]byte(text)); err != nil || got != r.V {
				t.Errorf("%s: UnmarshalText(%q) = %d, %v; want %d", name, text, got, err, r.V)
			}
		}
		var doc struct {
			V T `json:"v"`
		}
		doc.V = r.V
		b, err := json.Marshal(doc)
		if want := `{"v":"` + r.Token + `"}`; err != nil || string(b) != want {
			t.Errorf("%s: json.Marshal = %s, %v; want %s", name, b, err, want)
		}
		for _, text := range []string{r.Token, r.English, r.Chinese} {
			doc.V = 99
			in, _ := json.Marshal(map[string]string{"v": text})
			if err := json.Unmarshal(in, &doc); err != nil || doc.V != r.V {
				t.Errorf("%s: json.Unmarshal(%s) = %d, %v", name, in, doc.V, err)
			}
		}
	}
	for _, bad := range []string{"nonsense", "Level(1)", "\xff", "未 知", "?"} {
		got := T(99)
		err := P(&got).UnmarshalText([]byte(bad))
		if !errors.Is(err, sentinel) || got != 99 || !strings.HasPrefix(err.Error(), prefix) || strings.Count(err.Error(), prefix) != 1 {
			t.Errorf("%s: UnmarshalText(%q) = %d, %v; want an error wrapping %v, value unchanged", name, bad, got, err, sentinel)
		}
	}
	got := T(99)
	err := P(&got).UnmarshalText(nil)
	if emptyOK && (err != nil || got != 0) || !emptyOK && (!errors.Is(err, sentinel) || got != 99) {
		t.Errorf("%s: UnmarshalText(\"\") = %d, %v (empty allowed: %v)", name, got, err, emptyOK)
	}
	var nilp P
	if err := nilp.UnmarshalText([]byte(rows[0].Token)); !errors.Is(err, sentinel) {
		t.Errorf("%s: UnmarshalText into nil = %v", name, err)
	}
	if _, err := T(99).MarshalText(); !errors.Is(err, sentinel) {
		t.Errorf("%s: MarshalText of 99 = %v", name, err)
	}
	if T(99).Chinese() != "" || !strings.HasSuffix(T(99).String(), "(99)") {
		t.Errorf("%s 99: String %q, Chinese %q", name, T(99).String(), T(99).Chinese())
	}
}
