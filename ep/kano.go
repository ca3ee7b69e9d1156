package ep

import (
	"math"

	"github.com/cxlab/satisfaction/internal/enumtext"
	"github.com/cxlab/satisfaction/internal/nanjson"
)

// Answer is an answer to one of the paired Kano questions: "how do you feel
// if the product has this attribute?" (functional) and "… if it does not?"
// (dysfunctional). The zero value, AnswerUnknown, is no answer.
type Answer int8

// The five Kano answers, from most to least pleased.
const (
	// AnswerUnknown is the zero Answer: no answer.
	AnswerUnknown Answer = iota
	// AnswerLike is "I like it that way".
	AnswerLike
	// AnswerMustBe is "it must be that way" (I expect it).
	AnswerMustBe
	// AnswerNeutral is "I am neutral".
	AnswerNeutral
	// AnswerLiveWith is "I can live with it that way".
	AnswerLiveWith
	// AnswerDislike is "I dislike it that way".
	AnswerDislike
)

// answerText holds the text forms of the Kano answers; the Chinese labels
// are the answer options of Chinese Kano questionnaires.
var answerText = enumtext.Codec{
	Pkg:  "ep",
	Noun: "Kano answer",
	Err:  ErrInvalid,
	Table: enumtext.MustNew(enumtext.Labels{
		Type:    "Answer",
		Token:   []string{"unknown", "like", "must_be", "neutral", "live_with", "dislike"},
		English: []string{"unknown", "like", "must-be", "neutral", "live with", "dislike"},
		Chinese: []string{"未知", "喜欢", "理应如此", "无所谓", "能忍受", "不喜欢"},
		Alias: map[string]int{
			"I like it": 1, "我喜欢": 1,
			"I expect it": 2, "it must be": 2, "理所当然": 2,
			"I am neutral":       3,
			"I can live with it": 4, "可以忍受": 4,
			"I dislike it": 5, "我不喜欢": 5,
		},
		EmptyIsZero: true,
	}),
}

// String returns the answer's English label, such as "must-be" or "live
// with", or "Answer(n)" outside the enumeration.
func (a Answer) String() string { return answerText.English(int(a)) }

// Chinese returns the answer's Chinese label (喜欢, 理应如此, 无所谓,
// 能忍受, 不喜欢; 未知 for AnswerUnknown), or "" outside the enumeration.
func (a Answer) Chinese() string { return answerText.Chinese(int(a)) }

// MarshalText encodes the answer as its stable token: "unknown", "like",
// "must_be", "neutral", "live_with" or "dislike". A value outside the
// enumeration is an error wrapping [ErrInvalid].
func (a Answer) MarshalText() ([]byte, error) { return answerText.Marshal(int(a)) }

// UnmarshalText decodes an answer from its token ("must_be"), its English
// label ("must-be"), its Chinese label ("理应如此") or the questionnaire
// wording ("I like it", "I expect it", "I am neutral", "I can live with
// it", "I dislike it"; 我喜欢, 理所当然, 可以忍受, 我不喜欢). Space is
// trimmed, Latin letters match in any case, and ' ', '-' and '_' are
// interchangeable. The empty string decodes as AnswerUnknown. On error,
// which wraps [ErrInvalid], a is left unchanged.
func (a *Answer) UnmarshalText(text []byte) error {
	return answerText.Unmarshal(text, a == nil, func(v int) { *a = Answer(v) })
}

// Category is a Kano quality category of a product or service attribute
// (Kano, Seraku, Takahashi & Tsuji 1984). The zero value, CategoryUnknown,
// is no category.
type Category int8

// The Kano categories.
const (
	// CategoryUnknown is the zero Category.
	CategoryUnknown Category = iota
	// Attractive attributes delight when present and are not missed when
	// absent: exceeding the expectation here delights.
	Attractive
	// OneDimensional attributes satisfy in proportion to their
	// performance.
	OneDimensional
	// MustBe attributes are taken for granted: meeting the expectation
	// only avoids dissatisfaction.
	MustBe
	// Indifferent attributes do not matter to the customer.
	Indifferent
	// Reverse attributes are wanted absent.
	Reverse
	// Questionable marks contradictory answer pairs.
	Questionable
)

// NumCategories is the number of known categories, Attractive through
// Questionable.
const NumCategories = 6

// categoryText holds the text forms of the Kano categories; the Chinese
// labels are the standard terms of the Chinese Kano literature.
var categoryText = enumtext.Codec{
	Pkg:  "ep",
	Noun: "Kano category",
	Err:  ErrInvalid,
	Table: enumtext.MustNew(enumtext.Labels{
		Type:    "Category",
		Token:   []string{"unknown", "attractive", "one_dimensional", "must_be", "indifferent", "reverse", "questionable"},
		English: []string{"unknown", "attractive", "one-dimensional", "must-be", "indifferent", "reverse", "questionable"},
		Chinese: []string{"未知", "魅力属性", "期望属性", "必备属性", "无差异属性", "反向属性", "可疑结果"},
		Alias: map[string]int{
			"A": 1, "魅力型": 1,
			"O": 2, "一维属性": 2, "期望型": 2,
			"M": 3, "基本属性": 3, "必备型": 3,
			"I": 4,
			"R": 5,
			"Q": 6,
		},
		EmptyIsZero: true,
	}),
}

// String returns the category's English label, such as
// "one-dimensional", or "Category(n)" outside the enumeration.
func (c Category) String() string { return categoryText.English(int(c)) }

// Chinese returns the category's Chinese label (魅力属性, 期望属性, 必备属性,
// 无差异属性, 反向属性, 可疑结果; 未知 for CategoryUnknown), or "" outside
// the enumeration.
func (c Category) Chinese() string { return categoryText.Chinese(int(c)) }

// MarshalText encodes the category as its stable token: "unknown",
// "attractive", "one_dimensional", "must_be", "indifferent", "reverse" or
// "questionable". A value outside the enumeration is an error wrapping
// [ErrInvalid].
func (c Category) MarshalText() ([]byte, error) { return categoryText.Marshal(int(c)) }

// UnmarshalText decodes a category from its token ("one_dimensional"), its
// English label ("one-dimensional"), its Chinese label ("期望属性"), its
// one-letter abbreviation (A, O, M, I, R, Q) or a common Chinese variant
// (魅力型, 一维属性, 期望型, 基本属性, 必备型). Space is trimmed, Latin
// letters match in any case, and ' ', '-' and '_' are interchangeable. The
// empty string decodes as CategoryUnknown. On error, which wraps
// [ErrInvalid], c is left unchanged.
func (c *Category) UnmarshalText(text []byte) error {
	return categoryText.Unmarshal(text, c == nil, func(v int) { *c = Category(v) })
}

// kanoTable is the standard Kano evaluation table (Berger et al. 1993):
// rows are the functional answer, columns the dysfunctional answer, both
// in the order like, must-be, neutral, live-with, dislike.
var kanoTable = [5][5]Category{
	{Questionable, Attractive, Attractive, Attractive, OneDimensional},
	{Reverse, Indifferent, Indifferent, Indifferent, MustBe},
	{Reverse, Indifferent, Indifferent, Indifferent, MustBe},
	{Reverse, Indifferent, Indifferent, Indifferent, MustBe},
	{Reverse, Reverse, Reverse, Reverse, Questionable},
}

// Classify returns the Kano category of a functional/dysfunctional answer
// pair by the standard evaluation table (Berger et al. 1993):
//
//	functional \ dysfunctional   like  must-be  neutral  live-with  dislike
//	like                          Q      A        A        A          O
//	must-be                       R      I        I        I          M
//	neutral                       R      I        I        I          M
//	live-with                     R      I        I        I          M
//	dislike                       R      R        R        R          Q
//
// (A attractive, O one-dimensional, M must-be, I indifferent, R reverse,
// Q questionable). It returns an error wrapping [ErrInvalid] if either
// answer is not one of the five.
func Classify(functional, dysfunctional Answer) (Category, error) {
	if functional < AnswerLike || functional > AnswerDislike || dysfunctional < AnswerLike || dysfunctional > AnswerDislike {
		return CategoryUnknown, errorf("Kano answers %v/%v: %w", functional, dysfunctional, ErrInvalid)
	}
	return kanoTable[functional-1][dysfunctional-1], nil
}

// KanoTally counts the Kano categories of one attribute over respondents.
// Its zero value is ready to use; the total count never exceeds
// math.MaxInt64.
//
// A KanoTally is not safe for concurrent use: Add and Merge mutate it.
// Report does not, and may run concurrently with other Report calls; the
// source of a Merge is only read. A nil *KanoTally reads as empty.
type KanoTally struct {
	counts [NumCategories]int64
}

func (t *KanoTally) n() int64 {
	if t == nil {
		return 0
	}
	var n int64
	for _, c := range t.counts {
		n += c
	}
	return n
}

// Add classifies one respondent's answer pair, counts it and returns its
// category. An invalid pair (see [Classify]), a count that would overflow
// int64 or a nil t returns an error wrapping [ErrInvalid] and counts
// nothing.
func (t *KanoTally) Add(functional, dysfunctional Answer) (Category, error) {
	if t == nil {
		return CategoryUnknown, errorf("cannot tally into a nil *KanoTally: %w", ErrInvalid)
	}
	c, err := Classify(functional, dysfunctional)
	if err != nil {
		return c, err
	}
	if t.n() == math.MaxInt64 {
		return CategoryUnknown, errorf("Kano answers %v/%v: the count %d would overflow int64: %w", functional, dysfunctional, t.n(), ErrInvalid)
	}
	t.counts[c-1]++
	return c, nil
}

// Merge adds the counts of o to t. A nil o adds nothing; o may be t. It
// returns an error wrapping [ErrInvalid], and changes nothing, if the
// total count would overflow int64 or t is nil. o is only read.
func (t *KanoTally) Merge(o *KanoTally) error {
	if o == nil {
		return nil
	}
	if t == nil {
		return errorf("cannot merge into a nil *KanoTally: %w", ErrInvalid)
	}
	if on := o.n(); t.n() > math.MaxInt64-on {
		return errorf("merging %d Kano answers into %d would overflow int64: %w", on, t.n(), ErrInvalid)
	}
	for i := range t.counts {
		t.counts[i] += o.counts[i]
	}
	return nil
}

// ReasonNoAOMI is the Reason of a Kano result whose coefficients are
// undefined because no answer was attractive, one-dimensional, must-be or
// indifferent.
const ReasonNoAOMI = "no attractive, one-dimensional, must-be or indifferent answers"

// KanoReport is the report of a [KanoTally]: the Kano answers for one
// attribute.
type KanoReport struct {
	// N is the number of answer pairs counted.
	N int64 `json:"n"`
	// Counts holds the number of pairs per category, Attractive first.
	Counts [NumCategories]int64 `json:"counts"`
	// Dominant is the most frequent category (see [KanoTally.Report] for
	// ties); CategoryUnknown when N = 0.
	Dominant Category `json:"dominant"`
	// Satisfaction is Berger et al.'s better coefficient
	// CS+ = (A + O) / (A + O + M + I), from 0 to 1 (NaN when
	// A + O + M + I = 0).
	Satisfaction float64 `json:"satisfaction"`
	// Dissatisfaction is Berger et al.'s worse coefficient
	// CS− = −(O + M) / (A + O + M + I), from −1 to 0 (NaN when
	// A + O + M + I = 0).
	Dissatisfaction float64 `json:"dissatisfaction"`
	// Reason says why the coefficients are NaN: [ReasonNoAnswers] when
	// N = 0, else [ReasonNoAOMI]; "" when they are defined.
	Reason string `json:"reason,omitempty"`
}

// MarshalJSON encodes the report with NaN coefficients as null.
func (r KanoReport) MarshalJSON() ([]byte, error) {
	type plain KanoReport
	return nanjson.Marshal(plain(r))
}

// UnmarshalJSON decodes a report; null decodes as NaN.
func (r *KanoReport) UnmarshalJSON(b []byte) error {
	if r == nil {
		return errorf("UnmarshalJSON into a nil *KanoReport: %w", ErrInvalid)
	}
	type plain KanoReport
	return nanjson.Unmarshal(b, (*plain)(r))
}

// Report returns the counts, the dominant category and Berger et al.'s
// (1993) customer-satisfaction coefficients
//
//	CS+ = (A + O) / (A + O + M + I)
//	CS− = −(O + M) / (A + O + M + I)
//
// which are NaN, with a Reason, when A + O + M + I = 0. When categories
// tie for the most answers (counts are integers, so ties are exact), the
// dominant one is chosen in the order must-be, one-dimensional,
// attractive, indifferent, reverse, questionable — the rule
// "M > O > A > I" of Berger et al.: when in doubt, treat the attribute as
// the one whose neglect costs most.
func (t *KanoTally) Report() KanoReport {
	var counts [NumCategories]int64
	if t != nil {
		counts = t.counts
	}
	r := KanoReport{Counts: counts, N: t.n()}
	if r.N > 0 {
		best := int64(-1)
		for _, c := range [...]Category{MustBe, OneDimensional, Attractive, Indifferent, Reverse, Questionable} {
			if n := counts[c-1]; n > best {
				best, r.Dominant = n, c
			}
		}
	}
	a, o, m, i := counts[Attractive-1], counts[OneDimensional-1], counts[MustBe-1], counts[Indifferent-1]
	// The four counts sum to at most N ≤ math.MaxInt64: no overflow.
	den := float64(a + o + m + i)
	switch {
	case r.N == 0:
		r.Satisfaction, r.Dissatisfaction, r.Reason = math.NaN(), math.NaN(), ReasonNoAnswers
	case den == 0:
		r.Satisfaction, r.Dissatisfaction, r.Reason = math.NaN(), math.NaN(), ReasonNoAOMI
	default:
		r.Satisfaction = float64(a+o) / den
		r.Dissatisfaction = float64(-(o + m)) / den // +0, not −0, when O+M = 0
	}
	return r
}
