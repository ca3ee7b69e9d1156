package enumtext

import (
	"errors"
	"strings"
	"testing"
)

// stage is a small table in the style of the library's enumerations: a
// zero value that means "not known", a label with a hyphen, aliases.
var stage = Labels{
	Type:        "Stage",
	Token:       []string{"unknown", "new_customer", "long_term"},
	English:     []string{"unknown", "new customer", "long-term customer"},
	Chinese:     []string{"未知", "新客户", "长期客户"},
	Alias:       map[string]int{"new": 1, "终身客户": 2},
	EmptyIsZero: true,
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"\t\n", ""},
		{"abc", "abc"},
		{"Long-Term Customer", "long_term_customer"},
		{"  LONG_TERM  ", "long_term"},
		{"a - b", "a___b"},
		{"a\tb", "a\tb"},             // only ' ' is a separator inside
		{"新客户", "新客户"},               // non-ASCII kept
		{"ÄÖ", "ÄÖ"},                 // only ASCII letters are folded
		{"P/E − 1", "p/e_−_1"},       // U+2212 is not '-'
		{"\u00a0x\u00a0", "x"},       // NBSP is white space to TrimSpace
		{"\xffAB\xfe", "\xffab\xfe"}, // invalid UTF-8 kept byte for byte
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParse(t *testing.T) {
	tab := MustNew(stage)
	strict := stage
	strict.EmptyIsZero = false
	noEmpty := MustNew(strict)
	for _, c := range []struct {
		in     string
		want   int
		wantOK bool
		strict bool // the result with EmptyIsZero false, if it differs
	}{
		{"unknown", 0, true, true},
		{"new_customer", 1, true, true},
		{"New Customer", 1, true, true},
		{" new-customer ", 1, true, true},
		{"NEW", 1, true, true},
		{"新客户", 1, true, true},
		{"long-term customer", 2, true, true},
		{"long_term", 2, true, true},
		{"终身客户", 2, true, true},
		{"未知", 0, true, true},
		{"", 0, true, false},
		{"  \t", 0, true, false},
		{"newcustomer", 0, false, false},
		{"new customers", 0, false, false},
		{"新 客户", 0, false, false},
		{"Stage(1)", 0, false, false},
		{"1", 0, false, false},
	} {
		v, ok := tab.Parse(c.in)
		if v != c.want || ok != c.wantOK {
			t.Errorf("Parse(%q) = %d, %v, want %d, %v", c.in, v, ok, c.want, c.wantOK)
		}
		v, ok = noEmpty.Parse(c.in)
		if ok != c.strict || ok && v != c.want || !ok && v != 0 {
			t.Errorf("Parse(%q) without EmptyIsZero = %d, %v, want ok %v", c.in, v, ok, c.strict)
		}
	}
}

func TestLookups(t *testing.T) {
	tab := MustNew(stage)
	for _, c := range []struct {
		v                       int
		token, english, chinese string
		valid                   bool
	}{
		{0, "unknown", "unknown", "未知", true},
		{1, "new_customer", "new customer", "新客户", true},
		{2, "long_term", "long-term customer", "长期客户", true},
		{3, "", "Stage(3)", "", false},
		{-1, "", "Stage(-1)", "", false},
		{-128, "", "Stage(-128)", "", false},
	} {
		tok, ok := tab.Token(c.v)
		if tok != c.token || ok != c.valid || tab.Valid(c.v) != c.valid {
			t.Errorf("Token(%d) = %q, %v; Valid = %v; want %q, %v", c.v, tok, ok, tab.Valid(c.v), c.token, c.valid)
		}
		if got := tab.English(c.v); got != c.english {
			t.Errorf("English(%d) = %q, want %q", c.v, got, c.english)
		}
		if got := tab.Chinese(c.v); got != c.chinese {
			t.Errorf("Chinese(%d) = %q, want %q", c.v, got, c.chinese)
		}
	}
	if tab.Len() != 3 || tab.Type() != "Stage" {
		t.Errorf("Len(), Type() = %d, %q, want 3, Stage", tab.Len(), tab.Type())
	}
}

// TestNilTable checks that a nil or zero Table is the empty enumeration.
func TestNilTable(t *testing.T) {
	for _, tab := range []*Table{nil, {}} {
		if tab.Len() != 0 || tab.Valid(0) || tab.Type() != "" {
			t.Errorf("%v: Len = %d, Valid(0) = %v, Type = %q", tab, tab.Len(), tab.Valid(0), tab.Type())
		}
		if tok, ok := tab.Token(0); tok != "" || ok {
			t.Errorf("Token(0) = %q, %v", tok, ok)
		}
		if got := tab.English(2); got != "(2)" {
			t.Errorf("English(2) = %q", got)
		}
		if got := tab.Chinese(0); got != "" {
			t.Errorf("Chinese(0) = %q", got)
		}
		for _, s := range []string{"", "x"} {
			if v, ok := tab.Parse(s); v != 0 || ok {
				t.Errorf("Parse(%q) = %d, %v", s, v, ok)
			}
		}
	}
}

func TestNewRejects(t *testing.T) {
	with := func(f func(l *Labels)) Labels {
		l := stage
		l.Token = append([]string(nil), stage.Token...)
		l.English = append([]string(nil), stage.English...)
		l.Chinese = append([]string(nil), stage.Chinese...)
		l.Alias = map[string]int{}
		for k, v := range stage.Alias {
			l.Alias[k] = v
		}
		f(&l)
		return l
	}
	for name, l := range map[string]Labels{
		"no values":             {Type: "T"},
		"short English":         with(func(l *Labels) { l.English = l.English[:2] }),
		"long Chinese":          with(func(l *Labels) { l.Chinese = append(l.Chinese, "x") }),
		"empty token":           with(func(l *Labels) { l.Token[1] = " " }),
		"empty Chinese":         with(func(l *Labels) { l.Chinese[2] = "" }),
		"empty alias":           with(func(l *Labels) { l.Alias[""] = 0 }),
		"alias out of range":    with(func(l *Labels) { l.Alias["x"] = 3 }),
		"negative alias":        with(func(l *Labels) { l.Alias["x"] = -1 }),
		"label of two values":   with(func(l *Labels) { l.English[2] = "New-Customer" }),
		"alias of another":      with(func(l *Labels) { l.Alias["long term"] = 1 }),
		"aliases collide":       with(func(l *Labels) { l.Alias["x y"] = 1; l.Alias["X-Y"] = 2 }),
		"Chinese of two values": with(func(l *Labels) { l.Chinese[0] = "新客户" }),
	} {
		tab, err := New(l)
		if err == nil || tab != nil || !errors.Is(err, errLabels) || !strings.HasPrefix(err.Error(), "enumtext: ") {
			t.Errorf("%s: New = %v, %v; want an error wrapping errLabels", name, tab, err)
		}
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: MustNew did not panic", name)
				}
			}()
			MustNew(l)
		}()
	}
	// A spelling shared by one value is fine.
	if _, err := New(with(func(l *Labels) { l.Alias["NEW CUSTOMER"] = 1; l.Alias["新客户"] = 1 })); err != nil {
		t.Errorf("New with repeated spellings of one value: %v", err)
	}
}

// TestNewCopies checks that a Table does not share the caller's slices.
func TestNewCopies(t *testing.T) {
	l := stage
	l.English = append([]string(nil), stage.English...)
	tab := MustNew(l)
	l.English[1] = "changed"
	if got := tab.English(1); got != "new customer" {
		t.Errorf("English(1) after the caller changed its slice = %q", got)
	}
}

// variants returns spellings of s that must parse as s does: ASCII case
// changed, separators swapped, white space added around it. Separators
// are swapped inside the trimmed text only; a space swapped in at either
// end would be trimmed, so that variant is left out there.
func variants(s string) []string {
	s = strings.TrimSpace(s)
	vs := []string{
		s,
		asciiUpper(s),
		" " + s + "\t",
		strings.NewReplacer(" ", "-", "_", "-").Replace(s),
		strings.NewReplacer(" ", "_", "-", "_").Replace(s),
	}
	if sp := strings.NewReplacer("-", " ", "_", " ").Replace(s); strings.TrimSpace(sp) == sp {
		vs = append(vs, sp)
	}
	return vs
}

// FuzzEnumText checks, for a table whose value 1 has the fuzzed labels,
// that the token, English and Chinese label of every value (and their
// case and separator variants) parse back to that value whenever New
// accepts the labels; that Parse of any text is a valid value or false;
// that Parse depends only on the normalised text; and that Normalize is
// idempotent.
func FuzzEnumText(f *testing.F) {
	for _, s := range [][4]string{
		{"new_customer", "new customer", "新客户", "new"},
		{"long_term", "Long-Term Customer", "长期客户", "LT"},
		{"", "", "", ""},
		{"unknown", "x", "y", "z"},
		{" a ", "A", "a", "-a-"},
		{"\xff", "\xfe", "\xc2\x85", "\u00a0"},
		{"a b", "a-b", "a_b", "A B"},
		{"P/E − 1", "ratio (P/E − 1)", "比值法", "P/E - 1"},
		{"1", "2", "3", "4"},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, token, english, chinese, alias string) {
		for _, s := range []string{token, english, chinese, alias} {
			n := Normalize(s)
			if Normalize(n) != n {
				t.Fatalf("Normalize not idempotent on %q: %q then %q", s, n, Normalize(n))
			}
		}
		l := Labels{
			Type:        "T",
			Token:       []string{"unknown", token, "other"},
			English:     []string{"unknown", english, "other value"},
			Chinese:     []string{"未知", chinese, "其他"},
			Alias:       map[string]int{alias: 1},
			EmptyIsZero: true,
		}
		tab, err := New(l)
		if err != nil {
			if !errors.Is(err, errLabels) {
				t.Fatalf("New: error %v does not wrap errLabels", err)
			}
			return
		}
		for v := range tab.Len() {
			tok, _ := tab.Token(v)
			for _, s := range []string{tok, tab.English(v), tab.Chinese(v)} {
				for _, w := range variants(s) {
					if got, ok := tab.Parse(w); !ok || got != v {
						t.Fatalf("Parse(%q) (from %q of value %d) = %d, %v", w, s, v, got, ok)
					}
				}
			}
		}
		if got, ok := tab.Parse(alias); !ok || got != 1 {
			t.Fatalf("Parse(alias %q) = %d, %v", alias, got, ok)
		}
		for _, s := range []string{token + "x", english + chinese, alias + alias, "", "\x00"} {
			v, ok := tab.Parse(s)
			if ok && !tab.Valid(v) || !ok && v != 0 {
				t.Fatalf("Parse(%q) = %d, %v", s, v, ok)
			}
			if w, wok := tab.Parse(Normalize(s)); w != v || wok != ok {
				t.Fatalf("Parse(%q) = %d, %v but Parse(Normalize) = %d, %v", s, v, ok, w, wok)
			}
		}
	})
}

// asciiUpper upper-cases the ASCII letters of s only.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return string(b)
}
