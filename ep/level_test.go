package ep_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/ep"
)

func TestLevelText(t *testing.T) {
	tests := []struct {
		l       ep.Level
		token   string
		name    string
		chinese string
	}{
		{ep.Unknown, "unknown", "unknown", "未知"},
		{ep.VeryDissatisfied, "very_dissatisfied", "very dissatisfied", "极度不满意"},
		{ep.Dissatisfied, "dissatisfied", "dissatisfied", "部分不满意"},
		{ep.Neutral, "neutral", "neutral", "无意见"},
		{ep.Satisfied, "satisfied", "satisfied", "一般满意"},
		{ep.Delighted, "delighted", "delighted", "高度满意"},
	}
	for _, tt := range tests {
		if got := tt.l.String(); got != tt.name {
			t.Errorf("%d.String() = %q, want %q", int(tt.l), got, tt.name)
		}
		if got := tt.l.Chinese(); got != tt.chinese {
			t.Errorf("%v.Chinese() = %q, want %q", tt.l, got, tt.chinese)
		}
		b, err := tt.l.MarshalText()
		if err != nil || string(b) != tt.token {
			t.Errorf("%v.MarshalText() = %q, %v", tt.l, b, err)
		}
		for _, text := range []string{tt.token, tt.name, tt.chinese} {
			got := ep.Level(99)
			if err := got.UnmarshalText([]byte(text)); err != nil || got != tt.l {
				t.Errorf("UnmarshalText(%q) = %v, %v; want %v", text, got, err, tt.l)
			}
		}
	}
	if got := ep.Level(9).String(); got != "Level(9)" {
		t.Errorf("Level(9).String() = %q", got)
	}
	if _, err := ep.Level(-1).MarshalText(); !errors.Is(err, ep.ErrLevel) {
		t.Errorf("Level(-1).MarshalText() error = %v, want ErrLevel", err)
	}
}

func TestLevelUnmarshalAliases(t *testing.T) {
	tests := map[string]ep.Level{
		"  Very Dissatisfied ":  ep.VeryDissatisfied,
		"very_dissatisfied":     ep.VeryDissatisfied,
		"somewhat dissatisfied": ep.Dissatisfied,
		"no opinion":            ep.Neutral,
		"Highly Satisfied":      ep.Delighted,
		"满意":                    ep.Satisfied,
		"不满意":                   ep.Dissatisfied,
		"3":                     ep.Neutral,
		"5":                     ep.Delighted,
		"":                      ep.Unknown,
	}
	for text, want := range tests {
		var got ep.Level
		if err := got.UnmarshalText([]byte(text)); err != nil || got != want {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", text, got, err, want)
		}
	}
	for _, bad := range []string{"6", "0", "great", "满"} {
		got := ep.Satisfied
		err := got.UnmarshalText([]byte(bad))
		if !errors.Is(err, ep.ErrLevel) || got != ep.Satisfied {
			t.Errorf("UnmarshalText(%q) = %v, %v; want ErrLevel and no change", bad, got, err)
		}
	}
}

func TestLevelJSON(t *testing.T) {
	in := struct {
		L ep.Level `json:"l"`
	}{ep.Delighted}
	b, err := json.Marshal(in)
	if err != nil || string(b) != `{"l":"delighted"}` {
		t.Fatalf("json.Marshal = %s, %v", b, err)
	}
	in.L = ep.Unknown
	if err := json.Unmarshal([]byte(`{"l":"高度满意"}`), &in); err != nil || in.L != ep.Delighted {
		t.Errorf("json.Unmarshal = %v, %v", in.L, err)
	}
}

func TestLevelOf(t *testing.T) {
	for r := 1; r <= 5; r++ {
		l, err := ep.LevelOf(float64(r))
		if err != nil || int(l) != r || !l.Valid() {
			t.Errorf("LevelOf(%d) = %v, %v", r, l, err)
		}
	}
	for _, bad := range []float64{0, 6, 2.5, -1, math.NaN(), math.Inf(1), math.Inf(-1)} {
		if l, err := ep.LevelOf(bad); !errors.Is(err, ep.ErrLevel) || l != ep.Unknown {
			t.Errorf("LevelOf(%v) = %v, %v; want Unknown, ErrLevel", bad, l, err)
		}
	}
	if ep.Unknown.Valid() || ep.Level(6).Valid() {
		t.Error("Unknown or Level(6) reported valid")
	}
}

func FuzzLevelUnmarshalText(f *testing.F) {
	for _, s := range []string{"", "delighted", "高度满意", "5", "0", "\xff", "very dissatisfied", "Level(9)", "VERY-DISSATISFIED", "极度不满", "非常满意", "no_opinion"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := ep.Level(42)
		err := l.UnmarshalText([]byte(s))
		if err != nil {
			if !errors.Is(err, ep.ErrLevel) || l != 42 {
				t.Fatalf("UnmarshalText(%q) error %v changed level to %v", s, err, l)
			}
			return
		}
		if l != ep.Unknown && !l.Valid() {
			t.Fatalf("UnmarshalText(%q) gave out-of-range %d", s, int(l))
		}
		// Round trip through the token and both labels.
		b, err := l.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range []string{string(b), l.String(), l.Chinese()} {
			var back ep.Level
			if err := back.UnmarshalText([]byte(text)); err != nil || back != l {
				t.Fatalf("round trip of %v through %q gave %v, %v", l, text, back, err)
			}
		}
	})
}

func FuzzLevelOf(f *testing.F) {
	for _, x := range []float64{1, 5, 0, 6, 2.5, math.NaN(), math.Inf(1), math.Copysign(0, -1), 1e300} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		l, err := ep.LevelOf(x)
		if err != nil {
			if l != ep.Unknown {
				t.Fatalf("LevelOf(%v) error with level %v", x, l)
			}
			return
		}
		if !l.Valid() || float64(l) != x {
			t.Fatalf("LevelOf(%v) = %v", x, l)
		}
	})
}
