package eservqual

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/cxlab/satisfaction/internal/nanjson"
	"github.com/cxlab/satisfaction/servqual"
)

// The TRI 2.0 dimensions, in instrument order.
const (
	// Optimism is a motivator: a positive view of technology.
	Optimism = iota
	// Innovativeness is a motivator: being a technology pioneer.
	Innovativeness
	// Discomfort is an inhibitor: feeling overwhelmed by technology.
	Discomfort
	// Insecurity is an inhibitor: distrust of technology.
	Insecurity
)

var triDims = []servqual.Dimension{
	{Key: "optimism", Name: "Optimism", Chinese: "乐观性"},
	{Key: "innovativeness", Name: "Innovativeness", Chinese: "创新性"},
	{Key: "discomfort", Name: "Discomfort", Chinese: "不适感"},
	{Key: "insecurity", Name: "Insecurity", Chinese: "不安全感"},
}

var triPrefixes = [4]string{"OPT", "INN", "DIS", "INS"}

// triSpec returns the TRI 2.0 structure with the given wordings in English
// and Chinese; an item without a wording gets a placeholder ("Optimism
// item 1", "乐观性 第1题").
func triSpec(english, chinese map[string]string) servqual.Spec {
	s := servqual.Spec{Name: "TRI 2.0", Chinese: "技术准备指数 TRI 2.0", Scale: fivePoint, Dimensions: triDims}
	for d, p := range triPrefixes {
		for j := 1; j <= 4; j++ {
			key := p + strconv.Itoa(j)
			name, zh := english[key], chinese[key]
			if name == "" {
				name = triDims[d].Name + " item " + strconv.Itoa(j)
			}
			if zh == "" {
				zh = triDims[d].Chinese + " 第" + strconv.Itoa(j) + "题"
			}
			s.Items = append(s.Items, servqual.Item{Key: key, Dimension: triDims[d].Key, Name: name, Chinese: zh})
		}
	}
	return s
}

var tri = sync.OnceValue(func() *servqual.Instrument { return mustInstrument(triSpec(nil, nil)) })

// TRI returns the structure of the Technology Readiness Index 2.0
// (Parasuraman & Colby 2015): 16 items on a 5-point agreement scale, four
// per dimension — optimism (OPT1–OPT4) and innovativeness (INN1–INN4), the
// motivators, and discomfort (DIS1–DIS4) and insecurity (INS1–INS4), the
// inhibitors. Items are not reverse-keyed: the inhibitors are reversed at
// the dimension level in the index (see [ScoreTRI]).
//
// Its Chinese name is "技术准备指数 TRI 2.0", and the dimensions are
// 乐观性, 创新性, 不适感 and 不安全感. The item wordings are the copyright of
// their owners and are not shipped: item names read "Optimism item 1" and
// so on, in Chinese "乐观性 第1题". A licensed user supplies the wordings
// with [TRIWithWordings].
func TRI() *servqual.Instrument { return tri() }

// TRIWithWordings returns the TRI 2.0 structure with the caller's item
// wordings in English (the items' Name) and Chinese (their Chinese label),
// each keyed by item key ("OPT1" … "INS4"); either map may be nil. An
// unknown key is an error wrapping [ErrInvalid] (the first unknown key in
// sorted order is named, English first); an item without a wording in a
// language keeps its placeholder in that language. The returned
// instrument is a new immutable value, safe to share.
func TRIWithWordings(english, chinese map[string]string) (*servqual.Instrument, error) {
	for _, m := range []map[string]string{english, chinese} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if TRI().ItemIndex(k) < 0 {
				return nil, errorf("TRI 2.0 has no item %q: %w", k, ErrInvalid)
			}
		}
	}
	in, err := servqual.NewInstrument(triSpec(english, chinese))
	if err != nil {
		return nil, fromServqual(err, "TRI 2.0 wordings")
	}
	return in, nil
}

// TRIMinAnswered is the default minimum number of answered items (of four)
// a TRI dimension needs for its mean to be defined.
const TRIMinAnswered = 3

// TRIOptions sets how TRI scores treat missing answers; nil means the
// defaults. Options are only read and may be shared.
type TRIOptions struct {
	// MinAnswered is the minimum number of answered items per dimension
	// (1–4; 0 means TRIMinAnswered).
	MinAnswered int
}

// Profile is a respondent's (or a segment's) four TRI dimension means, in
// the order Optimism, Innovativeness, Discomfort, Insecurity.
type Profile [4]float64

// MarshalJSON encodes the profile as an array of four numbers, NaN and
// ±Inf as null.
func (p Profile) MarshalJSON() ([]byte, error) {
	type plain Profile
	return nanjson.Marshal(plain(p))
}

// UnmarshalJSON decodes an array of four numbers; null decodes as NaN.
func (p *Profile) UnmarshalJSON(b []byte) error {
	if p == nil {
		return errorf("UnmarshalJSON into a nil *Profile: %w", ErrInvalid)
	}
	type plain Profile
	if err := nanjson.Unmarshal(b, (*plain)(p)); err != nil {
		return errorf("decoding profile: %w", err)
	}
	return nil
}

// TRIScore is one respondent's technology readiness. It encodes in JSON
// as the object {"answered", "reason", "optimism", "innovativeness",
// "discomfort", "insecurity", "index"}, with a NaN mean or index as null.
type TRIScore struct {
	// Profile holds the four dimension means (NaN when a dimension has too
	// few answers).
	Profile Profile `json:"-"`
	// Answered holds the number of answered items per dimension.
	Answered [4]int `json:"answered"`
	// Index is the overall TRI: mean(OPT, INN, r(DIS), r(INS)) with
	// r(x) = min + max − x on the instrument's scale (6 − x on 1–5); NaN
	// when any dimension is undefined.
	Index float64 `json:"-"`
	// Reason says why Index is NaN ("" when defined).
	Reason string `json:"reason,omitempty"`
}

// triScoreJSON is the JSON shape of a TRIScore.
type triScoreJSON struct {
	Answered       [4]int  `json:"answered"`
	Reason         string  `json:"reason,omitempty"`
	Optimism       float64 `json:"optimism"`
	Innovativeness float64 `json:"innovativeness"`
	Discomfort     float64 `json:"discomfort"`
	Insecurity     float64 `json:"insecurity"`
	Index          float64 `json:"index"`
}

// MarshalJSON encodes the score with NaN as null.
func (s TRIScore) MarshalJSON() ([]byte, error) {
	return nanjson.Marshal(triScoreJSON{s.Answered, s.Reason,
		s.Profile[Optimism], s.Profile[Innovativeness], s.Profile[Discomfort], s.Profile[Insecurity], s.Index})
}

// UnmarshalJSON decodes a score encoded by MarshalJSON; null decodes as
// NaN. A missing number decodes as NaN too.
func (s *TRIScore) UnmarshalJSON(b []byte) error {
	if s == nil {
		return errorf("UnmarshalJSON into a nil *TRIScore: %w", ErrInvalid)
	}
	nan := math.NaN()
	j := triScoreJSON{Optimism: nan, Innovativeness: nan, Discomfort: nan, Insecurity: nan, Index: nan}
	if err := nanjson.Unmarshal(b, &j); err != nil {
		return errorf("decoding TRI score: %w", err)
	}
	*s = TRIScore{Profile: Profile{j.Optimism, j.Innovativeness, j.Discomfort, j.Insecurity},
		Answered: j.Answered, Index: j.Index, Reason: j.Reason}
	return nil
}

// ScoreTRI scores one respondent's 16 TRI 2.0 ratings (in the order of
// [TRI], NaN for unanswered items): the four dimension means, each over
// the answered items when at least opts.MinAnswered were answered, and the
// overall index
//
//	TRI = (OPT + INN + (min + max − DIS) + (min + max − INS)) / 4
//
// (Parasuraman & Colby 2015), where the inhibitors are reversed on the
// instrument's scale. An undefined mean or index is NaN with a Reason.
//
// Errors: opts.MinAnswered outside 0..4 wraps [ErrInvalid]; ratings of the
// wrong length wrap [ErrLength], ratings off the 1–5 scale or ±Inf wrap
// [ErrInvalid] — both also wrap servqual's *InputError and its sentinel
// ([servqual.ErrLength], [servqual.ErrOutOfScale]).
func ScoreTRI(ratings []float64, opts *TRIOptions) (TRIScore, error) {
	in := TRI()
	need := TRIMinAnswered
	if opts != nil && opts.MinAnswered != 0 {
		if opts.MinAnswered < 1 || opts.MinAnswered > 4 {
			return TRIScore{}, errorf("TRI minimum answered items %d outside 1..4: %w", opts.MinAnswered, ErrInvalid)
		}
		need = opts.MinAnswered
	}
	means, answered, err := in.DimensionMeans(ratings, need)
	if err != nil {
		return TRIScore{}, fromServqual(err, "TRI score")
	}
	var s TRIScore
	copy(s.Profile[:], means)
	copy(s.Answered[:], answered)
	s.Index = s.Profile.Index(in.Scale())
	for d, m := range means {
		if math.IsNaN(m) {
			s.Reason = fmt.Sprintf("%s has %d answered items, fewer than %d", triDims[d].Key, answered[d], need)
			break
		}
	}
	return s, nil
}

// Index returns the overall TRI of the profile on the given scale:
// (OPT + INN + (min + max − DIS) + (min + max − INS)) / 4, computed as
// (OPT + INN − DIS − INS)/4 + (min + max)/2 with each term divided before
// it is added, so that it does not overflow for profiles and scales of
// any magnitude up to about half the largest float64.
//
// Index is a function of numbers in the manner of package math. Special
// cases are:
//
//	Index = NaN if a dimension or a scale bound is NaN
//	Index = ±Inf or NaN if a dimension or a scale bound is ±Inf
func (p Profile) Index(s servqual.Scale) float64 {
	return p[Optimism]/4 + p[Innovativeness]/4 - p[Discomfort]/4 - p[Insecurity]/4 + s.Min/2 + s.Max/2
}
