package servqual

import (
	"fmt"
	"math"
)

// Scale is the rating scale of an instrument's items, from Min to Max
// inclusive (for SERVQUAL 1 = strongly disagree … 7 = strongly agree).
type Scale struct {
	// Min is the lowest rating.
	Min float64 `json:"min"`
	// Max is the highest rating.
	Max float64 `json:"max"`
}

// Contains reports whether x lies on the scale.
func (s Scale) Contains(x float64) bool { return x >= s.Min && x <= s.Max }

// Reverse returns the reverse-keyed value of x, Min + Max − x.
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
	// Label is a short description of what the item asks.
	Label string `json:"label"`
	// Reverse marks a negatively worded item: its ratings are flipped
	// (min + max − x) before any score or statistic.
	Reverse bool `json:"reverse,omitempty"`
}

// Outcome is an overall rating a response may carry besides the items,
// such as overall service quality, perceived value or loyalty intentions;
// it is the dependent variable of key-driver analysis.
type Outcome struct {
	// Key identifies the outcome, such as "overall".
	Key string `json:"key"`
	// Name describes it.
	Name string `json:"name"`
	// Scale is the outcome's rating scale.
	Scale Scale `json:"scale"`
}

// Spec defines an instrument for [NewInstrument].
type Spec struct {
	// Name names the instrument.
	Name string
	// Scale is the rating scale of every item.
	Scale Scale
	// Dimensions lists the dimensions in reporting order.
	Dimensions []Dimension
	// Items lists the items in questionnaire order; each names its
	// dimension by key.
	Items []Item
	// Outcomes lists optional overall ratings.
	Outcomes []Outcome
}

// Instrument is a validated survey instrument: dimensions made of items
// rated on a common scale, with optional outcome ratings. It is immutable
// and safe for concurrent use; create one with [NewInstrument] or use a
// preset such as [SERVQUAL].
type Instrument struct {
	name     string
	scale    Scale
	dims     []Dimension
	items    []Item
	outcomes []Outcome
	itemDim  []int   // dimension index of each item
	dimItems [][]int // item indexes of each dimension, in item order
	dimStart []int   // first item of each dimension if its items are contiguous, else −1
	itemPos  []int   // position of each item within its dimension
	reversed []int   // indexes of reverse-keyed items
	index    map[string]int
}

// NewInstrument validates spec and returns the instrument. The scale must
// be finite with Min < Max; keys must be non-empty and unique among the
// dimensions, among the items and among the outcomes; every item must name
// a known dimension; every dimension must have at least one item; outcome
// scales must be valid too. Errors wrap [ErrInstrument].
func NewInstrument(spec Spec) (*Instrument, error) {
	if err := checkScale(spec.Scale); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrInstrument, spec.Name, err)
	}
	if len(spec.Dimensions) == 0 || len(spec.Items) == 0 {
		return nil, fmt.Errorf("%w: %s: needs at least one dimension and one item", ErrInstrument, spec.Name)
	}
	in := &Instrument{
		name:     spec.Name,
		scale:    spec.Scale,
		dims:     append([]Dimension(nil), spec.Dimensions...),
		items:    append([]Item(nil), spec.Items...),
		outcomes: append([]Outcome(nil), spec.Outcomes...),
		itemDim:  make([]int, len(spec.Items)),
		dimItems: make([][]int, len(spec.Dimensions)),
		index:    make(map[string]int, len(spec.Items)),
	}
	dimIndex := make(map[string]int, len(spec.Dimensions))
	for d, dim := range in.dims {
		if dim.Key == "" {
			return nil, fmt.Errorf("%w: %s: dimension %d has no key", ErrInstrument, spec.Name, d)
		}
		if _, dup := dimIndex[dim.Key]; dup {
			return nil, fmt.Errorf("%w: %s: duplicate dimension key %q", ErrInstrument, spec.Name, dim.Key)
		}
		dimIndex[dim.Key] = d
	}
	for i, it := range in.items {
		if it.Key == "" {
			return nil, fmt.Errorf("%w: %s: item %d has no key", ErrInstrument, spec.Name, i)
		}
		if _, dup := in.index[it.Key]; dup {
			return nil, fmt.Errorf("%w: %s: duplicate item key %q", ErrInstrument, spec.Name, it.Key)
		}
		d, ok := dimIndex[it.Dimension]
		if !ok {
			return nil, fmt.Errorf("%w: %s: item %q names unknown dimension %q", ErrInstrument, spec.Name, it.Key, it.Dimension)
		}
		in.index[it.Key] = i
		in.itemDim[i] = d
		in.dimItems[d] = append(in.dimItems[d], i)
	}
	in.dimStart = make([]int, len(in.dims))
	in.itemPos = make([]int, len(in.items))
	for d, items := range in.dimItems {
		if len(items) == 0 {
			return nil, fmt.Errorf("%w: %s: dimension %q has no items", ErrInstrument, spec.Name, in.dims[d].Key)
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
	for _, o := range in.outcomes {
		if o.Key == "" || seen[o.Key] {
			return nil, fmt.Errorf("%w: %s: outcome key %q empty or duplicate", ErrInstrument, spec.Name, o.Key)
		}
		seen[o.Key] = true
		if err := checkScale(o.Scale); err != nil {
			return nil, fmt.Errorf("%w: %s: outcome %q: %v", ErrInstrument, spec.Name, o.Key, err)
		}
	}
	return in, nil
}

func checkScale(s Scale) error {
	if math.IsNaN(s.Min) || math.IsNaN(s.Max) || math.IsInf(s.Min, 0) || math.IsInf(s.Max, 0) || !(s.Min < s.Max) {
		return fmt.Errorf("scale %v..%v must be finite with min < max", s.Min, s.Max)
	}
	return nil
}

// Name returns the instrument's name.
func (in *Instrument) Name() string { return in.name }

// Scale returns the items' rating scale.
func (in *Instrument) Scale() Scale { return in.scale }

// NumItems returns the number of items.
func (in *Instrument) NumItems() int { return len(in.items) }

// NumDimensions returns the number of dimensions.
func (in *Instrument) NumDimensions() int { return len(in.dims) }

// NumOutcomes returns the number of outcome ratings.
func (in *Instrument) NumOutcomes() int { return len(in.outcomes) }

// Item returns item i (in questionnaire order).
func (in *Instrument) Item(i int) Item { return in.items[i] }

// Dimension returns dimension d (in reporting order).
func (in *Instrument) Dimension(d int) Dimension { return in.dims[d] }

// Outcome returns outcome o.
func (in *Instrument) Outcome(o int) Outcome { return in.outcomes[o] }

// Items returns a copy of the items.
func (in *Instrument) Items() []Item { return append([]Item(nil), in.items...) }

// Dimensions returns a copy of the dimensions.
func (in *Instrument) Dimensions() []Dimension { return append([]Dimension(nil), in.dims...) }

// Outcomes returns a copy of the outcomes.
func (in *Instrument) Outcomes() []Outcome { return append([]Outcome(nil), in.outcomes...) }

// DimensionOf returns the index of item i's dimension.
func (in *Instrument) DimensionOf(i int) int { return in.itemDim[i] }

// ItemsOf returns the indexes of dimension d's items, in questionnaire
// order.
func (in *Instrument) ItemsOf(d int) []int { return append([]int(nil), in.dimItems[d]...) }

// ItemIndex returns the index of the item with the given key, or −1.
func (in *Instrument) ItemIndex(key string) int {
	if i, ok := in.index[key]; ok {
		return i
	}
	return -1
}
