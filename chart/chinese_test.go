package chart_test

import (
	"testing"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/servqual"
)

// TestChineseLabels checks that Options.Chinese switches the text to
// Chinese and Options.Font is loaded. Liberation Sans has no CJK glyphs,
// so the PNG shows boxes; the SVG carries the text, which is what is
// checked (no CJK font is needed to run the tests).
func TestChineseLabels(t *testing.T) {
	opts := &chart.Options{Chinese: true, Font: liberationsansregular.TTF}
	p, err := chart.Gaps(chart.GapsSpec{Report: gapReport(), Measure: servqual.Gap, Scale: servqual.Scale{Min: 1, Max: 7}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	_, texts := render(t, p)
	hasText(t, texts, "SERVQUAL：各维度平均差距 P − E及95%置信区间（n = 40）", "有形性", "可靠性", "Responsiveness")

	scale := servqual.Scale{Min: 1, Max: 7}
	p, err = chart.IPAGrid(chart.IPASpec{Points: ipaPoints(), PerformanceScale: &scale}, opts)
	if err != nil {
		t.Fatal(err)
	}
	_, texts = render(t, p)
	hasText(t, texts, "重要性—表现分析图（以均值分区）", "重点改进区", "继续保持区", "低优先区", "过度投入区", "表现", "重要性")
}
