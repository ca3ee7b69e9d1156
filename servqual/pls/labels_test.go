package pls_test

import (
	"errors"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
)

// TestEnumLabels: every value has a token, English and Chinese label, and
// each reads back as the value (also the upper-case tokens "A" and "B" of
// earlier versions).
func TestEnumLabels(t *testing.T) {
	type enum interface {
		MarshalText() ([]byte, error)
		String() string
		Chinese() string
	}
	pMode := func(s string) (enum, error) { var m pls.Mode = 9; err := m.UnmarshalText([]byte(s)); return m, err }
	pScheme := func(s string) (enum, error) { var m pls.Scheme = 9; err := m.UnmarshalText([]byte(s)); return m, err }
	pMissing := func(s string) (enum, error) { var m pls.Missing = 9; err := m.UnmarshalText([]byte(s)); return m, err }
	for _, r := range []struct {
		v                       enum
		token, english, chinese string
		parse                   func(string) (enum, error)
		extra                   []string
	}{
		{pls.ModeA, "a", "Mode A (reflective)", "模式A（反映型）", pMode, []string{"A", "reflective", "反映型"}},
		{pls.ModeB, "b", "Mode B (formative)", "模式B（形成型）", pMode, []string{"B", "Formative", "形成型"}},
		{pls.SchemePath, "path", "path weighting", "路径加权", pScheme, nil},
		{pls.SchemeCentroid, "centroid", "centroid weighting", "重心加权", pScheme, []string{"Centroid"}},
		{pls.SchemeFactorial, "factorial", "factorial weighting", "因子加权", pScheme, []string{"factorial-weighting"}},
		{pls.Listwise, "listwise", "listwise deletion", "成列删除", pMissing, nil},
		{pls.Pairwise, "pairwise", "pairwise deletion", "成对删除", pMissing, []string{"PAIRWISE_DELETION"}},
	} {
		b, err := r.v.MarshalText()
		if err != nil || string(b) != r.token || r.v.String() != r.english || r.v.Chinese() != r.chinese {
			t.Errorf("%T %d: %q %v, %q, %q", r.v, r.v, b, err, r.v.String(), r.v.Chinese())
		}
		for _, s := range append([]string{r.token, r.english, r.chinese}, r.extra...) {
			if got, err := r.parse(s); err != nil || got != r.v {
				t.Errorf("%T: UnmarshalText(%q) = %v, %v; want %v", r.v, s, got, err, r.v)
			}
		}
		for _, s := range []string{"", "c", "path!", "模式C"} {
			if got, err := r.parse(s); !errors.Is(err, pls.ErrValue) || got.String() == r.english {
				t.Errorf("%T: UnmarshalText(%q) = %v, %v", r.v, s, got, err)
			}
		}
	}
	for _, v := range []enum{pls.Mode(2), pls.Scheme(-1), pls.Missing(3)} {
		if _, err := v.MarshalText(); !errors.Is(err, pls.ErrValue) || v.Chinese() != "" {
			t.Errorf("%v: %v, %q", v, err, v.Chinese())
		}
	}
}
