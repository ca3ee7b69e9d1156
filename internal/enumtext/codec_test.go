package enumtext

import (
	"errors"
	"testing"
)

func TestCodec(t *testing.T) {
	errStage := errors.New("invalid stage")
	c := Codec{Table: MustNew(stage), Pkg: "crm", Noun: "customer stage", Err: errStage}
	for _, r := range []struct {
		v    int
		want string
		err  string
	}{
		{0, "unknown", ""},
		{2, "long_term", ""},
		{3, "", "crm: cannot marshal Stage(3): invalid stage"},
		{-1, "", "crm: cannot marshal Stage(-1): invalid stage"},
	} {
		b, err := c.Marshal(r.v)
		if r.err == "" && (err != nil || string(b) != r.want) || r.err != "" && (err == nil || err.Error() != r.err || !errors.Is(err, errStage) || b != nil) {
			t.Errorf("Marshal(%d) = %q, %v; want %q, %q", r.v, b, err, r.want, r.err)
		}
	}
	for _, r := range []struct {
		text  string
		isNil bool
		want  int
		err   string
	}{
		{"Long Term", false, 2, ""},
		{"", false, 0, ""},
		{"x", false, -1, `crm: unknown customer stage "x": invalid stage`},
		{"new", true, -1, "crm: UnmarshalText into a nil *Stage: invalid stage"},
	} {
		got := -1
		err := c.Unmarshal([]byte(r.text), r.isNil, func(v int) { got = v })
		if r.err == "" && (err != nil || got != r.want) || r.err != "" && (err == nil || err.Error() != r.err || !errors.Is(err, errStage) || got != -1) {
			t.Errorf("Unmarshal(%q, %v) set %d, %v; want %d, %q", r.text, r.isNil, got, err, r.want, r.err)
		}
	}
}

func TestCodecWords(t *testing.T) {
	errStage := errors.New("invalid stage")
	w := &Words{
		BadValue:    func(c Codec, v int) string { return c.Noun + " " + c.English(v) },
		UnknownText: func(c Codec, text string) string { return c.Type() + " " + text + " " + c.Tokens()[2] },
	}
	c := Codec{Table: MustNew(stage), Pkg: "crm", Noun: "stage", Err: errStage, Words: w}
	if _, err := c.Marshal(7); err == nil || err.Error() != "crm: stage Stage(7): invalid stage" || !errors.Is(err, errStage) {
		t.Errorf("Marshal(7) error %v", err)
	}
	err := c.Unmarshal([]byte("x"), false, func(int) { t.Error("set called") })
	if err == nil || err.Error() != "crm: Stage x long_term: invalid stage" || !errors.Is(err, errStage) {
		t.Errorf("Unmarshal(x) error %v", err)
	}
	// A nil function keeps the default text.
	err = c.Unmarshal(nil, true, func(int) { t.Error("set called") })
	if err == nil || err.Error() != "crm: UnmarshalText into a nil *Stage: invalid stage" {
		t.Errorf("Unmarshal into nil: error %v", err)
	}
	// Tokens is a copy.
	c.Tokens()[0] = "changed"
	if tok, _ := c.Token(0); tok != "unknown" {
		t.Errorf("Token(0) after changing Tokens() = %q", tok)
	}
	if (*Table)(nil).Tokens() != nil {
		t.Error("Tokens of a nil Table is not nil")
	}
}
