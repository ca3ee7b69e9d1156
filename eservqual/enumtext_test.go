package eservqual_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/eservqual"
)

// enumRow is one value of an enumeration with its three text forms and
// further spellings that must decode to it.
type enumRow[T any] struct {
	v                       T
	token, english, chinese string
	aliases                 []string
}

type enumValue interface {
	~int8
	String() string
	Chinese() string
	MarshalText() ([]byte, error)
}

type enumPtr[T any] interface {
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

// checkEnum checks every value of an enumeration: MarshalText is the token,
// String the English label, Chinese the Chinese label; UnmarshalText reads
// the token, the English label (in any case, with any separator), the
// Chinese label and the aliases back to the value; JSON writes the token
// and reads every form; an unknown text is an error wrapping sentinel and
// changes nothing; out-of-range values marshal to an error.
func checkEnum[T enumValue, P enumPtr[T]](t *testing.T, name string, rows []enumRow[T], sentinel error, emptyOK bool) {
	t.Helper()
	for _, r := range rows {
		if b, err := r.v.MarshalText(); err != nil || string(b) != r.token {
			t.Errorf("%s %d: MarshalText = %q, %v; want %q", name, r.v, b, err, r.token)
		}
		if got := r.v.String(); got != r.english {
			t.Errorf("%s %d: String = %q, want %q", name, r.v, got, r.english)
		}
		if got := r.v.Chinese(); got != r.chinese {
			t.Errorf("%s %d: Chinese = %q, want %q", name, r.v, got, r.chinese)
		}
		texts := append(append(variants(r.token), variants(r.english)...), r.chinese)
		for _, a := range r.aliases {
			texts = append(texts, variants(a)...)
		}
		for _, text := range texts {
			got := T(99)
			if err := P(&got).UnmarshalText([]byte(text)); err != nil || got != r.v {
				t.Errorf("%s: UnmarshalText(%q) = %d, %v; want %d", name, text, got, err, r.v)
			}
		}
		var doc struct {
			V T `json:"v"`
		}
		doc.V = r.v
		b, err := json.Marshal(doc)
		if want := `{"v":"` + r.token + `"}`; err != nil || string(b) != want {
			t.Errorf("%s: json.Marshal = %s, %v; want %s", name, b, err, want)
		}
		for _, text := range []string{r.token, r.english, r.chinese} {
			doc.V = 99
			in, _ := json.Marshal(map[string]string{"v": text})
			if err := json.Unmarshal(in, &doc); err != nil || doc.V != r.v {
				t.Errorf("%s: json.Unmarshal(%s) = %d, %v", name, in, doc.V, err)
			}
		}
	}
	for _, bad := range []string{"nonsense", "Level(1)", "\xff", "未 知", "?"} {
		got := T(99)
		err := P(&got).UnmarshalText([]byte(bad))
		if !errors.Is(err, sentinel) || got != 99 || !strings.HasPrefix(err.Error(), "eservqual: ") || strings.Count(err.Error(), "eservqual: ") != 1 {
			t.Errorf("%s: UnmarshalText(%q) = %d, %v; want an error wrapping %v, value unchanged", name, bad, got, err, sentinel)
		}
	}
	got := T(99)
	err := P(&got).UnmarshalText(nil)
	if emptyOK && (err != nil || got != 0) || !emptyOK && (!errors.Is(err, sentinel) || got != 99) {
		t.Errorf("%s: UnmarshalText(\"\") = %d, %v (empty allowed: %v)", name, got, err, emptyOK)
	}
	var nilp P
	if err := nilp.UnmarshalText([]byte(rows[0].token)); !errors.Is(err, sentinel) {
		t.Errorf("%s: UnmarshalText into nil = %v", name, err)
	}
	if _, err := T(99).MarshalText(); !errors.Is(err, sentinel) {
		t.Errorf("%s: MarshalText of 99 = %v", name, err)
	}
	if T(99).Chinese() != "" || !strings.HasSuffix(T(99).String(), "(99)") {
		t.Errorf("%s 99: String %q, Chinese %q", name, T(99).String(), T(99).Chinese())
	}
}

func TestEnumLabels(t *testing.T) {
	checkEnum(t, "Segment", []enumRow[eservqual.Segment]{
		{eservqual.SegmentUnknown, "unknown", "unknown", "未知", nil},
		{eservqual.Explorer, "explorer", "explorer", "冒险型", []string{"explorers", "探索者"}},
		{eservqual.Pioneer, "pioneer", "pioneer", "前卫型", []string{"pioneers", "先驱者"}},
		{eservqual.Skeptic, "skeptic", "skeptic", "怀疑型", []string{"skeptics", "sceptic", "sceptics", "怀疑者"}},
		{eservqual.Paranoid, "paranoid", "paranoid", "偏执型", []string{"paranoids", "hesitator", "hesitators", "犹豫型"}},
		{eservqual.Laggard, "laggard", "laggard", "滞后型", []string{"laggards", "avoider", "avoiders", "回避型", "落后者"}},
	}, eservqual.ErrInvalid, true)
	checkEnum(t, "ApproachKind", []enumRow[eservqual.ApproachKind]{
		{eservqual.ApproachUnknown, "unknown", "unknown", "未知", nil},
		{eservqual.HighTech, "high_tech", "high-tech", "高科技", nil},
		{eservqual.Blended, "blended", "blended", "科技与人工结合", nil},
		{eservqual.HighTouch, "high_touch", "high-touch", "高接触", nil},
	}, eservqual.ErrInvalid, true)
}

// TestEnumOldTokens: the spellings MarshalText wrote before the tokens
// became snake_case still decode.
func TestEnumOldTokens(t *testing.T) {
	for text, want := range map[string]eservqual.ApproachKind{"high-tech": eservqual.HighTech, "high-touch": eservqual.HighTouch} {
		var k eservqual.ApproachKind
		if err := k.UnmarshalText([]byte(text)); err != nil || k != want {
			t.Errorf("ApproachKind %q: %v, %v", text, k, err)
		}
	}
}
