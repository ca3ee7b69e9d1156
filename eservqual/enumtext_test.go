package eservqual_test

import (
	"testing"

	"github.com/cxlab/satisfaction/eservqual"
	"github.com/cxlab/satisfaction/internal/enumtext/enumtexttest"
)

func TestEnumLabels(t *testing.T) {
	enumtexttest.Check(t, "eservqual: ", "Segment", []enumtexttest.Row[eservqual.Segment]{
		enumtexttest.R(eservqual.SegmentUnknown, "unknown", "unknown", "未知"),
		enumtexttest.R(eservqual.Explorer, "explorer", "explorer", "冒险型", "explorers", "探索者"),
		enumtexttest.R(eservqual.Pioneer, "pioneer", "pioneer", "前卫型", "pioneers", "先驱者"),
		enumtexttest.R(eservqual.Skeptic, "skeptic", "skeptic", "怀疑型", "skeptics", "sceptic", "sceptics", "怀疑者"),
		enumtexttest.R(eservqual.Paranoid, "paranoid", "paranoid", "偏执型", "paranoids", "hesitator", "hesitators", "犹豫型"),
		enumtexttest.R(eservqual.Laggard, "laggard", "laggard", "滞后型", "laggards", "avoider", "avoiders", "回避型", "落后者"),
	}, eservqual.ErrInvalid, true)
	enumtexttest.Check(t, "eservqual: ", "ApproachKind", []enumtexttest.Row[eservqual.ApproachKind]{
		enumtexttest.R(eservqual.ApproachUnknown, "unknown", "unknown", "未知"),
		enumtexttest.R(eservqual.HighTech, "high_tech", "high-tech", "高科技"),
		enumtexttest.R(eservqual.Blended, "blended", "blended", "科技与人工结合"),
		enumtexttest.R(eservqual.HighTouch, "high_touch", "high-touch", "高接触"),
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
