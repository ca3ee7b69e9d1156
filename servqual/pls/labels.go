package pls

import "github.com/cxlab/satisfaction/internal/enumtext"

// The text forms of the enumerations; the Chinese terms are those of the
// Chinese PLS-SEM literature.
var (
	modeLabels = enumtext.MustNew(enumtext.Labels{
		Type:    "Mode",
		Token:   []string{"a", "b"},
		English: []string{"Mode A (reflective)", "Mode B (formative)"},
		Chinese: []string{"模式A（反映型）", "模式B（形成型）"},
		Alias:   map[string]int{"reflective": 0, "反映型": 0, "mode a": 0, "formative": 1, "形成型": 1, "mode b": 1},
	})
	schemeLabels = enumtext.MustNew(enumtext.Labels{
		Type:    "Scheme",
		Token:   []string{"path", "centroid", "factorial"},
		English: []string{"path weighting", "centroid weighting", "factorial weighting"},
		Chinese: []string{"路径加权", "重心加权", "因子加权"},
	})
	missingLabels = enumtext.MustNew(enumtext.Labels{
		Type:    "Missing",
		Token:   []string{"listwise", "pairwise"},
		English: []string{"listwise deletion", "pairwise deletion"},
		Chinese: []string{"成列删除", "成对删除"},
	})
)
