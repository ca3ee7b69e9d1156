package ep

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Level is a satisfaction level on the five-point survey scale of Kotler's
// satisfaction survey (Kotler, Marketing Management: highly satisfied,
// satisfied, no opinion, somewhat dissatisfied, very dissatisfied).
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

var levelNames = [...]string{
	Unknown:          "unknown",
	VeryDissatisfied: "very dissatisfied",
	Dissatisfied:     "dissatisfied",
	Neutral:          "neutral",
	Satisfied:        "satisfied",
	Delighted:        "delighted",
}

var levelChinese = [...]string{
	Unknown:          "未知",
	VeryDissatisfied: "极度不满意",
	Dissatisfied:     "部分不满意",
	Neutral:          "无意见",
	Satisfied:        "一般满意",
	Delighted:        "高度满意",
}

// levelAliases maps further spellings accepted by UnmarshalText, after
// lower-casing and trimming, to their level.
var levelAliases = map[string]Level{
	"very_dissatisfied":     VeryDissatisfied,
	"very-dissatisfied":     VeryDissatisfied,
	"somewhat dissatisfied": Dissatisfied,
	"no opinion":            Neutral,
	"highly satisfied":      Delighted,
	"very satisfied":        Delighted,
	"极度不满":                  VeryDissatisfied,
	"非常不满意":                 VeryDissatisfied,
	"强烈不满意":                 VeryDissatisfied,
	"不满意":                   Dissatisfied,
	"中立":                    Neutral,
	"满意":                    Satisfied,
	"非常满意":                  Delighted,
	"惊喜":                    Delighted,
}

// Valid reports whether l is one of the five known levels.
func (l Level) Valid() bool { return l >= VeryDissatisfied && l <= Delighted }

// String returns the English name of the level, such as "very dissatisfied",
// or "Level(n)" for a value outside the scale.
func (l Level) String() string {
	if l >= Unknown && l <= Delighted {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// Chinese returns the label of the level on the Chinese survey scale, such as
// "高度满意" for Delighted, or "" for a value outside the scale.
func (l Level) Chinese() string {
	if l >= Unknown && l <= Delighted {
		return levelChinese[l]
	}
	return ""
}

// MarshalText encodes the level as its English name. Unknown encodes as
// "unknown"; a value outside the scale is an error wrapping [ErrLevel].
func (l Level) MarshalText() ([]byte, error) {
	if l < Unknown || l > Delighted {
		return nil, errorf("cannot marshal Level(%d): %w", int(l), ErrLevel)
	}
	return []byte(levelNames[l]), nil
}

// UnmarshalText decodes a level from its English name (case-insensitive,
// "very dissatisfied" or "very_dissatisfied"), from a common synonym
// ("highly satisfied", "no opinion", "somewhat dissatisfied"), from its
// Chinese label (高度满意, 一般满意, 无意见, 部分不满意, 极度不满意 and the
// short forms 满意, 不满意), or from its rating "1" to "5". "unknown" and
// the empty string decode as Unknown. Anything else is an error wrapping
// [ErrLevel], and l is left unchanged.
func (l *Level) UnmarshalText(text []byte) error {
	if l == nil {
		return errorf("UnmarshalText into a nil *Level: %w", ErrLevel)
	}
	s := strings.ToLower(strings.TrimSpace(string(text)))
	if s == "" {
		*l = Unknown
		return nil
	}
	for i, name := range levelNames {
		if s == name || s == levelChinese[i] {
			*l = Level(i)
			return nil
		}
	}
	if v, ok := levelAliases[s]; ok {
		*l = v
		return nil
	}
	if len(s) == 1 && s[0] >= '1' && s[0] <= '5' {
		*l = Level(s[0] - '0')
		return nil
	}
	return errorf("unknown satisfaction level %q: %w", string(text), ErrLevel)
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
