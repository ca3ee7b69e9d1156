package ep_test

import (
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/internal/enumtext/enumtexttest"
)

func TestEnumLabels(t *testing.T) {
	enumtexttest.Check(t, "ep: ", "Level", []enumtexttest.Row[ep.Level]{
		enumtexttest.R(ep.Unknown, "unknown", "unknown", "未知"),
		enumtexttest.R(ep.VeryDissatisfied, "very_dissatisfied", "very dissatisfied", "极度不满意", "极度不满", "非常不满意", "强烈不满意", "1"),
		enumtexttest.R(ep.Dissatisfied, "dissatisfied", "dissatisfied", "部分不满意", "somewhat dissatisfied", "不满意", "2"),
		enumtexttest.R(ep.Neutral, "neutral", "neutral", "无意见", "no opinion", "中立", "3"),
		enumtexttest.R(ep.Satisfied, "satisfied", "satisfied", "一般满意", "满意", "4"),
		enumtexttest.R(ep.Delighted, "delighted", "delighted", "高度满意", "highly satisfied", "very satisfied", "非常满意", "惊喜", "5"),
	}, ep.ErrLevel, true)
	enumtexttest.Check(t, "ep: ", "Form", []enumtexttest.Row[ep.Form]{
		enumtexttest.R(ep.Subtractive, "subtractive", "subtractive (P − E)", "差值法", "difference", "P − E", "P - E"),
		enumtexttest.R(ep.Ratio, "ratio", "ratio (P/E − 1)", "比值法", "P/E − 1", "P/E - 1"),
	}, ep.ErrModel, false)
	enumtexttest.Check(t, "ep: ", "Answer", []enumtexttest.Row[ep.Answer]{
		enumtexttest.R(ep.AnswerUnknown, "unknown", "unknown", "未知"),
		enumtexttest.R(ep.AnswerLike, "like", "like", "喜欢", "I like it", "我喜欢"),
		enumtexttest.R(ep.AnswerMustBe, "must_be", "must-be", "理应如此", "I expect it", "it must be", "理所当然"),
		enumtexttest.R(ep.AnswerNeutral, "neutral", "neutral", "无所谓", "I am neutral"),
		enumtexttest.R(ep.AnswerLiveWith, "live_with", "live with", "能忍受", "I can live with it", "可以忍受"),
		enumtexttest.R(ep.AnswerDislike, "dislike", "dislike", "不喜欢", "I dislike it", "我不喜欢"),
	}, ep.ErrInvalid, true)
	enumtexttest.Check(t, "ep: ", "Category", []enumtexttest.Row[ep.Category]{
		enumtexttest.R(ep.CategoryUnknown, "unknown", "unknown", "未知"),
		enumtexttest.R(ep.Attractive, "attractive", "attractive", "魅力属性", "A", "魅力型"),
		enumtexttest.R(ep.OneDimensional, "one_dimensional", "one-dimensional", "期望属性", "O", "一维属性", "期望型"),
		enumtexttest.R(ep.MustBe, "must_be", "must-be", "必备属性", "M", "基本属性", "必备型"),
		enumtexttest.R(ep.Indifferent, "indifferent", "indifferent", "无差异属性", "I"),
		enumtexttest.R(ep.Reverse, "reverse", "reverse", "反向属性", "R"),
		enumtexttest.R(ep.Questionable, "questionable", "questionable", "可疑结果", "Q"),
	}, ep.ErrInvalid, true)
}

// TestEnumOldTokens: the spellings MarshalText wrote before the tokens
// became snake_case still decode.
func TestEnumOldTokens(t *testing.T) {
	var l ep.Level
	if err := l.UnmarshalText([]byte("very dissatisfied")); err != nil || l != ep.VeryDissatisfied {
		t.Errorf("Level %v, %v", l, err)
	}
	var a ep.Answer
	if err := a.UnmarshalText([]byte("live-with")); err != nil || a != ep.AnswerLiveWith {
		t.Errorf("Answer %v, %v", a, err)
	}
	var c ep.Category
	if err := c.UnmarshalText([]byte("one-dimensional")); err != nil || c != ep.OneDimensional {
		t.Errorf("Category %v, %v", c, err)
	}
}
