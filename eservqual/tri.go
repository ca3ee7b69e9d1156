package eservqual

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"sync"

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

// triSpec returns the TRI 2.0 structure with the given wordings.
func triSpec(wordings map[string]string) servqual.Spec {
	s := servqual.Spec{Name: "TRI 2.0", Scale: fivePoint, Dimensions: triDims}
	for d, p := range triPrefixes {
		for j := 1; j <= 4; j++ {
			key := p + strconv.Itoa(j)
			label := wordings[key]
			if label == "" {
				label = triDims[d].Name + " item " + strconv.Itoa(j)
			}
			s.Items = append(s.Items, servqual.Item{Key: key, Dimension: triDims[d].Key, Label: label})
		}
	}
	return s
}

var tri = sync.OnceValue(func() *servqual.Instrument { return mustInstrument(triSpec(nil)) })

// TRI returns the structure of the Technology Readiness Index 2.0
// (Parasuraman & Colby 2015): 16 items on a 5-point agreement scale, four
// per dimension — optimism (OPT1–OPT4) and innovativeness (INN1–INN4), the
// motivators, and discomfort (DIS1–DIS4) and insecurity (INS1–INS4), the
// inhibitors. Items are not reverse-keyed: the inhibitors are reversed at
// the dimension level in the index (see [ScoreTRI]).
//
// The item wordings are the copyright of their owners and are not
// shipped: labels read "Optimism item 1" and so on. A licensed user
// supplies the wordings with [TRIWithWordings].
func TRI() *servqual.Instrument { return tri() }

// TRIWithWordings returns the TRI 2.0 structure with the caller's item
// wordings, keyed by item key ("OPT1" … "INS4"). An unknown key is an
// error; an item without a wording keeps its placeholder label.
func TRIWithWordings(wordings map[string]string) (*servqual.Instrument, error) {
	for k := range wordings {
		if TRI().ItemIndex(k) < 0 {
			return nil, fmt.Errorf("eservqual: TRI 2.0 has no item %q", k)
		}
	}
	return servqual.NewInstrument(triSpec(wordings))
}

// TRIMinAnswered is the default minimum number of answered items (of four)
// a TRI dimension needs for its mean to be defined.
const TRIMinAnswered = 3

// TRIOptions sets how TRI scores treat missing answers; nil means the
// defaults.
type TRIOptions struct {
	// MinAnswered is the minimum number of answered items per dimension
	// (1–4; 0 means TRIMinAnswered).
	MinAnswered int
}

// Profile is a respondent's (or a segment's) four TRI dimension means, in
// the order Optimism, Innovativeness, Discomfort, Insecurity.
type Profile [4]float64

// TRIScore is one respondent's technology readiness.
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

// MarshalJSON encodes the score with NaN as null.
func (s TRIScore) MarshalJSON() ([]byte, error) {
	type plain TRIScore
	nums := [5]*float64{}
	for i, v := range s.Profile {
		nums[i] = nullable(v)
	}
	nums[4] = nullable(s.Index)
	return json.Marshal(struct {
		plain
		Optimism       *float64 `json:"optimism"`
		Innovativeness *float64 `json:"innovativeness"`
		Discomfort     *float64 `json:"discomfort"`
		Insecurity     *float64 `json:"insecurity"`
		Index          *float64 `json:"index"`
	}{plain(s), nums[0], nums[1], nums[2], nums[3], nums[4]})
}

func nullable(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// ScoreTRI scores one respondent's 16 TRI 2.0 ratings (in the order of
// [TRI], NaN for unanswered items): the four dimension means, each over
// the answered items when at least opts.MinAnswered were answered, and the
// overall index
//
//	TRI = (OPT + INN + (min + max − DIS) + (min + max − INS)) / 4
//
// (Parasuraman & Colby 2015), where the inhibitors are reversed on the
// instrument's scale. Ratings of the wrong length, off the 1–5 scale or
// ±Inf are errors (servqual's *InputError).
func ScoreTRI(ratings []float64, opts *TRIOptions) (TRIScore, error) {
	in := TRI()
	need := TRIMinAnswered
	if opts != nil && opts.MinAnswered != 0 {
		if opts.MinAnswered < 1 || opts.MinAnswered > 4 {
			return TRIScore{}, fmt.Errorf("eservqual: TRI minimum answered items %d outside 1..4", opts.MinAnswered)
		}
		need = opts.MinAnswered
	}
	means, answered, err := in.DimensionMeans(ratings, need)
	if err != nil {
		return TRIScore{}, err
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
// (OPT + INN + (min + max − DIS) + (min + max − INS)) / 4.
func (p Profile) Index(s servqual.Scale) float64 {
	return (p[Optimism] + p[Innovativeness] + s.Reverse(p[Discomfort]) + s.Reverse(p[Insecurity])) / 4
}
