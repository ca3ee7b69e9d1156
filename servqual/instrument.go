package servqual

import (
	"fmt"
	"math"
	"unicode/utf8"
)

// Scale is the rating scale of an instrument's items, from Min to Max
// inclusive (for SERVQUAL 1 = strongly disagree … 7 = strongly agree).
type Scale struct {
	// Min is the lowest rating.
	Min float64 `json:"min"`
	// Max is the highest rating.
	Max float64 `json:"max"`
}

// Contains reports whether x lies on the scale, Min ≤ x ≤ Max (false
// for NaN).
func (s Scale) Contains(x float64) bool { return x >= s.Min && x <= s.Max }

// Reverse returns the reverse-keyed value of x, Min + Max − x. For a
// scale accepted by [NewInstrument] and x on it the result is on the
// scale too; NaN gives NaN.
func (s Scale) Reverse(x float64) float64 { return s.Min + s.Max - x }

// Dimension is a group of items that measure one facet of quality.
type Dimension struct {
	// Key identifies the dimension, such as "reliability".
	Key string `json:"key"`
	// Name is the English name.
	Name string `json:"name"`
	// Chinese is the Chinese name, such as "可靠性".
	Chinese string `json:"chinese,omitempty"`
}

// Item is one question of an instrument.
type Item struct {
	// Key identifies the item, such as "Q5".
	Key string `json:"key"`
	// Dimension is the Key of the dimension the item belongs to.
	Dimension string `json:"dimension"`
	// Name is the item's English label, a short description of what it
	// asks.
	Name string `json:"name"`
	// Chinese is the item's Chinese label, such as "记录准确无误".
	Chinese string `json:"chinese,omitempty"`
	// Reverse marks a negatively worded item: its ratings are flipped
	// (min + max − x) before any score or statistic.
	Reverse bool `json:"reverse,omitempty"`
}

// OutcomeRating is an overall rating a response may carry besides the items,
// such as overall service quality, perceived value or loyalty intentions;
// it is the dependent variable of key-driver analysis.
type OutcomeRating struct {
	// Key identifies the outcome, such as "overall".
	Key string `json:"key"`
	// Name is its English label, such as "overall service quality".
	Name string `json:"name"`
	// Chinese is its Chinese label, such as "总体服务质量".
	Chinese string `json:"chinese,omitempty"`
	// Scale is the outcome's rating scale.
	Scale Scale `json:"scale"`
}

// Spec defines an instrument for [NewInstrument].
type Spec struct {
	// Name names the instrument in English.
	Name string
	// Chinese names it in Chinese (optional).
	Chinese string
	// Scale is the rating scale of every item.
	Scale Scale
	// Dimensions lists the dimensions in reporting order.
	Dimensions []Dimension
	// Items lists the items in questionnaire order; each names its
	// dimension by key.
	Items []Item
	// Outcomes lists optional overall ratings.
	Outcomes []OutcomeRating
}

// Instrument is a validated survey instrument: dimensions made of items
// rated on a common scale, with optional outcome ratings. It is immutable
// and safe for concurrent use; create one with [NewInstrument] or use a
// preset such as [SERVQUAL]. The zero Instrument (and a nil *Instrument)
// has no items: its lookups return zero values and everything that scores
// data with it returns an error wrapping [ErrInstrument].
type Instrument struct {
	name     string
	chinese  string
	scale    Scale
	dims     []Dimension
	items    []Item
	outcomes []OutcomeRating
	itemDim  []int   // dimension index of each item
	dimItems [][]int // item indexes of each dimension, in item order
	dimStart []int   // first item of each dimension if its items are contiguous, else −1
	itemPos  []int   // position of each item within its dimension
	reversed []int   // indexes of reverse-keyed items
	index    map[string]int
}

// Limits on an instrument's size and scale, checked by [NewInstrument].
// The memory of an [Accumulator] grows with the square of a dimension's
// number of items, and its statistics are sums of squared ratings over up
// to [MaxResponses] respondents; the limits keep both bounded and every
// derived quantity (gaps, co-moments, alpha) finite.
const (
	// MaxItems is the largest number of items an instrument may have.
	MaxItems = 1000
	// MaxDimensions is the largest number of dimensions.
	MaxDimensions = 100
	// MaxOutcomes is the largest number of outcome ratings.
	MaxOutcomes = 32
	// MaxScale bounds the magnitude of a scale's ends: |Min|, |Max| ≤
	// MaxScale, and Max − Min ≥ 1/MaxScale.
	MaxScale = 1e100
)

// NewInstrument validates spec and returns the instrument. Every scale
// (the items' and each outcome's) must be finite with Min < Max, |Min| and
// |Max| at most [MaxScale] and Max − Min at least 1/MaxScale, so that a
// gap or a sum of squared deviations cannot overflow; keys must be
// non-empty and unique among the dimensions, among the items and among
// the outcomes; every name, key and label must be valid UTF-8 (so that
// reports round-trip through JSON); every item must name a known
// dimension; every dimension
// must have at least one item; there may be at most [MaxItems] items,
// [MaxDimensions] dimensions and [MaxOutcomes] outcomes. Errors wrap
// [ErrInstrument] (and [ErrLimit] for a size limit) and name the
// instrument and the offending dimension, item or outcome.
func NewInstrument(spec Spec) (*Instrument, error) {
	bad := func(format string, args ...any) error {
		return errorf("instrument %q: %s: %w", spec.Name, fmt.Sprintf(format, args...), ErrInstrument)
	}
	if err := checkScale(spec.Scale); err != nil {
		return nil, bad("%v", err)
	}
	if err := checkUTF8(spec); err != nil {
		return nil, bad("%v", err)
	}
	if len(spec.Dimensions) == 0 || len(spec.Items) == 0 {
		return nil, bad("needs at least one dimension and one item, has %d and %d", len(spec.Dimensions), len(spec.Items))
	}
	if len(spec.Items) > MaxItems || len(spec.Dimensions) > MaxDimensions || len(spec.Outcomes) > MaxOutcomes {
		return nil, errorf("instrument %q: %d items, %d dimensions, %d outcomes, at most %d, %d, %d: %w: %w",
			spec.Name, len(spec.Items), len(spec.Dimensions), len(spec.Outcomes), MaxItems, MaxDimensions, MaxOutcomes, ErrInstrument, ErrLimit)
	}
	in := &Instrument{
		name:     spec.Name,
		chinese:  spec.Chinese,
		scale:    spec.Scale,
		dims:     append([]Dimension(nil), spec.Dimensions...),
		items:    append([]Item(nil), spec.Items...),
		outcomes: append([]OutcomeRating(nil), spec.Outcomes...),
		itemDim:  make([]int, len(spec.Items)),
		dimItems: make([][]int, len(spec.Dimensions)),
		index:    make(map[string]int, len(spec.Items)),
	}
	dimIndex := make(map[string]int, len(spec.Dimensions))
	for d, dim := range in.dims {
		if dim.Key == "" {
			return nil, bad("dimension %d has no key", d)
		}
		if _, dup := dimIndex[dim.Key]; dup {
			return nil, bad("duplicate dimension key %q", dim.Key)
		}
		dimIndex[dim.Key] = d
	}
	for i, it := range in.items {
		if it.Key == "" {
			return nil, bad("item %d has no key", i)
		}
		if _, dup := in.index[it.Key]; dup {
			return nil, bad("duplicate item key %q", it.Key)
		}
		d, ok := dimIndex[it.Dimension]
		if !ok {
			return nil, bad("item %q names unknown dimension %q", it.Key, it.Dimension)
		}
		in.index[it.Key] = i
		in.itemDim[i] = d
		in.dimItems[d] = append(in.dimItems[d], i)
	}
	in.dimStart = make([]int, len(in.dims))
	in.itemPos = make([]int, len(in.items))
	for d, items := range in.dimItems {
		if len(items) == 0 {
			return nil, bad("dimension %q has no items", in.dims[d].Key)
		}
		in.dimStart[d] = items[0]
		for j, i := range items {
			in.itemPos[i] = j
			if i != items[0]+j {
				in.dimStart[d] = -1
			}
		}
	}
	for i, it := range in.items {
		if it.Reverse {
			in.reversed = append(in.reversed, i)
		}
	}
	seen := make(map[string]bool, len(in.outcomes))
	for o, oc := range in.outcomes {
		if oc.Key == "" {
			return nil, bad("outcome %d has no key", o)
		}
		if seen[oc.Key] {
			return nil, bad("duplicate outcome key %q", oc.Key)
		}
		seen[oc.Key] = true
		if err := checkScale(oc.Scale); err != nil {
			return nil, bad("outcome %q: %v", oc.Key, err)
		}
	}
	return in, nil
}

// checkUTF8 returns an error naming the first text of spec that is not
// valid UTF-8 (JSON would replace its bytes, so reports would not
// round-trip).
func checkUTF8(spec Spec) error {
	texts := []string{spec.Name, spec.Chinese}
	for _, d := range spec.Dimensions {
		texts = append(texts, d.Key, d.Name, d.Chinese)
	}
	for _, it := range spec.Items {
		texts = append(texts, it.Key, it.Dimension, it.Name, it.Chinese)
	}
	for _, o := range spec.Outcomes {
		texts = append(texts, o.Key, o.Name, o.Chinese)
	}
	for _, t := range texts {
		if !utf8.ValidString(t) {
			return fmt.Errorf("text %q is not valid UTF-8", t)
		}
	}
	return nil
}

// checkScale returns why s is not a valid scale, or nil.
func checkScale(s Scale) error {
	if !(math.Abs(s.Min) <= MaxScale && math.Abs(s.Max) <= MaxScale && s.Max-s.Min >= 1/MaxScale) {
		return fmt.Errorf("scale %v..%v must be finite with min < max, |min| and |max| at most %g and max − min at least %g",
			s.Min, s.Max, float64(MaxScale), 1/float64(MaxScale))
	}
	return nil
}

// valid reports whether in is an instrument made by NewInstrument.
func (in *Instrument) valid() bool { return in != nil && len(in.items) > 0 }

// Name returns the instrument's name ("" for a nil instrument).
func (in *Instrument) Name() string {
	if in == nil {
		return ""
	}
	return in.name
}

// Chinese returns the instrument's Chinese name ("" for a nil instrument
// or when the spec gave none).
func (in *Instrument) Chinese() string {
	if in == nil {
		return ""
	}
	return in.chinese
}

// Scale returns the items' rating scale (the zero Scale for a nil
// instrument).
func (in *Instrument) Scale() Scale {
	if in == nil {
		return Scale{}
	}
	return in.scale
}

// NumItems returns the number of items.
func (in *Instrument) NumItems() int {
	if in == nil {
		return 0
	}
	return len(in.items)
}

// NumDimensions returns the number of dimensions.
func (in *Instrument) NumDimensions() int {
	if in == nil {
		return 0
	}
	return len(in.dims)
}

// NumOutcomes returns the number of outcome ratings.
func (in *Instrument) NumOutcomes() int {
	if in == nil {
		return 0
	}
	return len(in.outcomes)
}

// Item returns item i (in questionnaire order), or the zero Item (whose
// Key is "") if i is not in 0..NumItems()−1.
func (in *Instrument) Item(i int) Item {
	if i < 0 || i >= in.NumItems() {
		return Item{}
	}
	return in.items[i]
}

// Dimension returns dimension d (in reporting order), or the zero
// Dimension (whose Key is "") if d is not in 0..NumDimensions()−1.
func (in *Instrument) Dimension(d int) Dimension {
	if d < 0 || d >= in.NumDimensions() {
		return Dimension{}
	}
	return in.dims[d]
}

// Outcome returns outcome o, or the zero OutcomeRating (whose Key is "") if o is
// not in 0..NumOutcomes()−1.
func (in *Instrument) Outcome(o int) OutcomeRating {
	if o < 0 || o >= in.NumOutcomes() {
		return OutcomeRating{}
	}
	return in.outcomes[o]
}

// Items returns a copy of the items.
func (in *Instrument) Items() []Item {
	if in == nil {
		return nil
	}
	return append([]Item(nil), in.items...)
}

// Dimensions returns a copy of the dimensions.
func (in *Instrument) Dimensions() []Dimension {
	if in == nil {
		return nil
	}
	return append([]Dimension(nil), in.dims...)
}

// Outcomes returns a copy of the outcomes.
func (in *Instrument) Outcomes() []OutcomeRating {
	if in == nil {
		return nil
	}
	return append([]OutcomeRating(nil), in.outcomes...)
}

// DimensionOf returns the index of item i's dimension, or −1 if i is not
// in 0..NumItems()−1.
func (in *Instrument) DimensionOf(i int) int {
	if i < 0 || i >= in.NumItems() {
		return -1
	}
	return in.itemDim[i]
}

// ItemsOf returns the indexes of dimension d's items, in questionnaire
// order, or nil if d is not in 0..NumDimensions()−1.
func (in *Instrument) ItemsOf(d int) []int {
	if d < 0 || d >= in.NumDimensions() {
		return nil
	}
	return append([]int(nil), in.dimItems[d]...)
}

// OutcomeIndex returns the index of the outcome with the given key, or −1.
func (in *Instrument) OutcomeIndex(key string) int {
	if in == nil {
		return -1
	}
	for o, out := range in.outcomes {
		if out.Key == key {
			return o
		}
	}
	return -1
}

// DimensionIndex returns the index of the dimension with the given key, or
// −1.
func (in *Instrument) DimensionIndex(key string) int {
	if in == nil {
		return -1
	}
	for d, dim := range in.dims {
		if dim.Key == key {
			return d
		}
	}
	return -1
}

// ItemIndex returns the index of the item with the given key, or −1.
func (in *Instrument) ItemIndex(key string) int {
	if in == nil {
		return -1
	}
	if i, ok := in.index[key]; ok {
		return i
	}
	return -1
}
