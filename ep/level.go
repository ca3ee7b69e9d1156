package ep

import (
	"errors"
	"math"

	"github.com/cxlab/satisfaction/internal/enumtext"
)

// Level is a satisfaction level on the five-point satisfaction scale of
// Kotler & Keller, Marketing Management (highly satisfied, satisfied, no
// opinion, somewhat dissatisfied, very dissatisfied). String gives the
// English label, Chinese the label of the standard Chinese scale, and
// MarshalText a stable token; UnmarshalText reads all three.
//
// The levels are valued 1 to 5 in order of increasing satisfaction, so that
// an answer on a 5-point rating scale converts directly with [LevelOf].
// The zero value, [Unknown], means that the level is not known; functions
// that require a level reject it with [ErrLevel].
type Level int8

// The satisfaction levels, from worst to best.
const (
	// Unknown is the zero Level: no level is known.
	Unknown Level = iota
	// VeryDissatisfied is the lowest level (极度不满意): performance falls far
	// short of the expectation.
	VeryDissatisfied
	// Dissatisfied is a somewhat dissatisfied customer (部分不满意):
	// performance falls short of the expectation.
	Dissatisfied
	// Neutral is a customer with no opinion (无意见); in the EP model it is
	// the acceptance of a performance that matches the expectation.
	Neutral
	// Satisfied is a satisfied customer (一般满意): performance meets or
	// exceeds the expectation.
	Satisfied
	// Delighted is a highly satisfied customer (高度满意): performance
	// greatly exceeds the expectation (惊喜, surprise).
	Delighted
)

// NumLevels is the number of known levels, VeryDissatisfied through
// Delighted.
const NumLevels = 5

// ErrLevel is returned (wrapped) when a value is not a known Level.
var ErrLevel = errors.New("invalid satisfaction level")

// levelText holds the text forms of the levels: the token, the English
// label and the label on the standard Chinese five-point satisfaction
// scale, and the further spellings UnmarshalText accepts.
var levelText = enumtext.Codec{
	Pkg:  "ep",
	Noun: "satisfaction level",
	Err:  ErrLevel,
	Table: enumtext.MustNew(enumtext.Labels{
		Type:    "Level",
		Token:   []string{"unknown", "very_dissatisfied", "dissatisfied", "neutral", "satisfied", "delighted"},
		English: []string{"unknown", "very dissatisfied", "dissatisfied", "neutral", "satisfied", "delighted"},
		Chinese: []string{"未知", "极度不满意", "部分不满意", "无意见", "一般满意", "高度满意"},
		Alias: map[string]int{
			"极度不满": 1, "非常不满意": 1, "强烈不满意": 1, "1": 1,
			"somewhat dissatisfied": 2, "不满意": 2, "2": 2,
			"no opinion": 3, "中立": 3, "3": 3,
			"满意": 4, "4": 4,
			"highly satisfied": 5, "very satisfied": 5, "非常满意": 5, "惊喜": 5, "5": 5,
		},
		EmptyIsZero: true,
	}),
}

// Valid reports whether l is one of the five known levels.
func (l Level) Valid() bool { return l >= VeryDissatisfied && l <= Delighted }

// String returns the English label of the level, such as "very
// dissatisfied", or "Level(n)" for a value outside the scale.
func (l Level) String() string { return levelText.English(int(l)) }

// Chinese returns the level's label on the standard Chinese five-point
// satisfaction scale (高度满意, 一般满意, 无意见, 部分不满意, 极度不满意),
// such as "高度满意" for Delighted; "未知" for Unknown and "" for a value
// outside the scale.
func (l Level) Chinese() string { return levelText.Chinese(int(l)) }

// MarshalText encodes the level as its stable token: "unknown",
// "very_dissatisfied", "dissatisfied", "neutral", "satisfied" or
// "delighted". A value outside the scale is an error wrapping [ErrLevel].
func (l Level) MarshalText() ([]byte, error) { return levelText.Marshal(int(l)) }

// UnmarshalText decodes a level from its token ("very_dissatisfied"), its
// English label ("very dissatisfied") or its Chinese label ("极度不满意"),
// from a common synonym ("highly satisfied", "very satisfied", "no
// opinion", "somewhat dissatisfied", 非常满意, 惊喜, 满意, 中立, 不满意,
// 极度不满, 非常不满意, 强烈不满意) or from its rating "1" to "5". Space is
// trimmed, Latin letters match in any case, and ' ', '-' and '_' are
// interchangeable. The empty string decodes as Unknown. Anything else is an
// error wrapping [ErrLevel], and l is left unchanged.
func (l *Level) UnmarshalText(text []byte) error {
	return levelText.Unmarshal(text, l == nil, func(v int) { *l = Level(v) })
}

// LevelOf converts an answer on the 5-point satisfaction scale (1 = very
// dissatisfied … 5 = delighted) to its Level. A rating that is not a whole
// number from 1 to 5 (including NaN and ±Inf) is an error wrapping
// [ErrLevel].
func LevelOf(rating float64) (Level, error) {
	if math.IsNaN(rating) || rating < 1 || rating > 5 || rating != math.Trunc(rating) {
		return Unknown, errorf("rating %v is not a whole number on the 1..5 scale: %w", rating, ErrLevel)
	}
	return Level(rating), nil
}
