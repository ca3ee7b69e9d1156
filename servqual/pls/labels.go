package pls

import (
	"fmt"

	"github.com/cxlab/satisfaction/internal/enumtext"
)

// labelWords words the MarshalText and UnmarshalText errors of the
// package's enumerations, which wrap [ErrValue]: "mode 7", "mode: nil
// *Mode", "mode \"c\"".
var labelWords = &enumtext.Words{
	BadValue:    func(c enumtext.Codec, v int) string { return fmt.Sprintf("%s %d", c.Noun, v) },
	NilReceiver: func(c enumtext.Codec) string { return c.Noun + ": nil *" + c.Type() },
	UnknownText: func(c enumtext.Codec, text string) string { return fmt.Sprintf("%s %q", c.Noun, text) },
}

// newLabels returns the codec of an enumeration of this package whose
// values are called noun in messages.
func newLabels(noun string, l enumtext.Labels) enumtext.Codec {
	return enumtext.Codec{Table: enumtext.MustNew(l), Pkg: "pls", Noun: noun, Err: ErrValue, Words: labelWords}
}

// The text forms of the enumerations; the Chinese terms are those of the
// Chinese PLS-SEM literature.
var (
	modeLabels = newLabels("mode", enumtext.Labels{
		Type:    "Mode",
		Token:   []string{"a", "b"},
		English: []string{"Mode A (reflective)", "Mode B (formative)"},
		Chinese: []string{"模式A（反映型）", "模式B（形成型）"},
		Alias:   map[string]int{"reflective": 0, "反映型": 0, "mode a": 0, "formative": 1, "形成型": 1, "mode b": 1},
	})
	schemeLabels = newLabels("scheme", enumtext.Labels{
		Type:    "Scheme",
		Token:   []string{"path", "centroid", "factorial"},
		English: []string{"path weighting", "centroid weighting", "factorial weighting"},
		Chinese: []string{"路径加权", "重心加权", "因子加权"},
	})
	missingLabels = newLabels("missing", enumtext.Labels{
		Type:    "Missing",
		Token:   []string{"listwise", "pairwise"},
		English: []string{"listwise deletion", "pairwise deletion"},
		Chinese: []string{"成列删除", "成对删除"},
	})
)
