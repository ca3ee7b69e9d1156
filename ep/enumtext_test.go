package ep_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/ep"
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
		if !errors.Is(err, sentinel) || got != 99 || !strings.HasPrefix(err.Error(), "ep: ") || strings.Count(err.Error(), "ep: ") != 1 {
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
	checkEnum(t, "Level", []enumRow[ep.Level]{
		{ep.Unknown, "unknown", "unknown", "未知", nil},
		{ep.VeryDissatisfied, "very_dissatisfied", "very dissatisfied", "极度不满意", []string{"极度不满", "非常不满意", "强烈不满意", "1"}},
		{ep.Dissatisfied, "dissatisfied", "dissatisfied", "部分不满意", []string{"somewhat dissatisfied", "不满意", "2"}},
		{ep.Neutral, "neutral", "neutral", "无意见", []string{"no opinion", "中立", "3"}},
		{ep.Satisfied, "satisfied", "satisfied", "一般满意", []string{"满意", "4"}},
		{ep.Delighted, "delighted", "delighted", "高度满意", []string{"highly satisfied", "very satisfied", "非常满意", "惊喜", "5"}},
	}, ep.ErrLevel, true)
	checkEnum(t, "Form", []enumRow[ep.Form]{
		{ep.Subtractive, "subtractive", "subtractive (P − E)", "差值法", []string{"difference", "P − E", "P - E"}},
		{ep.Ratio, "ratio", "ratio (P/E − 1)", "比值法", []string{"P/E − 1", "P/E - 1"}},
	}, ep.ErrModel, false)
	checkEnum(t, "Answer", []enumRow[ep.Answer]{
		{ep.AnswerUnknown, "unknown", "unknown", "未知", nil},
		{ep.AnswerLike, "like", "like", "喜欢", []string{"I like it", "我喜欢"}},
		{ep.AnswerMustBe, "must_be", "must-be", "理应如此", []string{"I expect it", "it must be", "理所当然"}},
		{ep.AnswerNeutral, "neutral", "neutral", "无所谓", []string{"I am neutral"}},
		{ep.AnswerLiveWith, "live_with", "live with", "能忍受", []string{"I can live with it", "可以忍受"}},
		{ep.AnswerDislike, "dislike", "dislike", "不喜欢", []string{"I dislike it", "我不喜欢"}},
	}, ep.ErrInvalid, true)
	checkEnum(t, "Category", []enumRow[ep.Category]{
		{ep.CategoryUnknown, "unknown", "unknown", "未知", nil},
		{ep.Attractive, "attractive", "attractive", "魅力属性", []string{"A", "魅力型"}},
		{ep.OneDimensional, "one_dimensional", "one-dimensional", "期望属性", []string{"O", "一维属性", "期望型"}},
		{ep.MustBe, "must_be", "must-be", "必备属性", []string{"M", "基本属性", "必备型"}},
		{ep.Indifferent, "indifferent", "indifferent", "无差异属性", []string{"I"}},
		{ep.Reverse, "reverse", "reverse", "反向属性", []string{"R"}},
		{ep.Questionable, "questionable", "questionable", "可疑结果", []string{"Q"}},
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
