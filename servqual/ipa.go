package servqual

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/internal/enumtext"
)

// Quadrant is a cell of the importance-performance grid (Martilla & James
// 1977). The zero value, QuadrantUnknown, is no quadrant.
type Quadrant int8

// The four quadrants.
const (
	// QuadrantUnknown is the zero Quadrant.
	QuadrantUnknown Quadrant = iota
	// ConcentrateHere is high importance, low performance.
	ConcentrateHere
	// KeepUpTheGoodWork is high importance, high performance.
	KeepUpTheGoodWork
	// LowPriority is low importance, low performance.
	LowPriority
	// PossibleOverkill is low importance, high performance.
	PossibleOverkill
)

// quadrantLabels are the quadrants' text forms; the Chinese terms are
// those of the Chinese IPA literature.
var quadrantLabels = newLabels("quadrant", enumtext.Labels{
	Type:        "Quadrant",
	Token:       []string{"unknown", "concentrate_here", "keep_up_the_good_work", "low_priority", "possible_overkill"},
	English:     []string{"unknown", "concentrate here", "keep up the good work", "low priority", "possible overkill"},
	Chinese:     []string{"未知", "重点改进区", "继续保持区", "低优先区", "过度投入区"},
	Alias:       map[string]int{"优先改进区": 1, "优势区": 2, "次要改进区": 3, "供给过度区": 4},
	EmptyIsZero: true,
})

// String returns the quadrant's English label, such as "concentrate here"
// ("Quadrant(n)" for a value out of range).
func (q Quadrant) String() string { return quadrantLabels.English(int(q)) }

// Chinese returns the quadrant's Chinese label, such as "重点改进区" for
// ConcentrateHere ("" for a value out of range).
func (q Quadrant) Chinese() string { return quadrantLabels.Chinese(int(q)) }

// MarshalText encodes the quadrant as its stable token, such as
// "concentrate_here". A value out of range is an error wrapping
// [ErrArgument].
func (q Quadrant) MarshalText() ([]byte, error) { return quadrantLabels.Marshal(int(q)) }

// UnmarshalText decodes a quadrant from its token, English label or
// Chinese label (ASCII case-insensitive, with ' ', '-' and '_'
// interchangeable, so the spaced form "low priority" of earlier versions
// still reads); "" decodes as QuadrantUnknown. Other text returns an error
// wrapping [ErrArgument] that quotes it, and q is unchanged.
func (q *Quadrant) UnmarshalText(text []byte) error {
	return quadrantLabels.Unmarshal(text, q == nil, func(v int) { *q = Quadrant(v) })
}

// Crosshair is where the importance-performance grid is divided.
type Crosshair struct {
	// Importance divides low from high importance.
	Importance float64 `json:"importance"`
	// Performance divides low from high performance.
	Performance float64 `json:"performance"`
}

// IPAOptions sets the cross-hair of an importance-performance analysis;
// nil means the grand means of the points.
type IPAOptions struct {
	// Crosshair, if not nil, replaces the grand means.
	Crosshair *Crosshair
}

// IPAPoint is one attribute placed on the importance-performance grid.
type IPAPoint struct {
	// Key names the attribute.
	Key string `json:"key"`
	// Importance is its importance.
	Importance float64 `json:"importance"`
	// Performance is its performance.
	Performance float64 `json:"performance"`
	// Quadrant is its cell: importance ≥ the cross-hair counts as high,
	// and so does performance ≥ the cross-hair.
	Quadrant Quadrant `json:"quadrant"`
	// Priority is the iso-priority score: the signed distance from the
	// diagonal through the cross-hair, (zᵢ − zₚ)/√2, with importance and
	// performance standardized over the points (z = (x − cross-hair)/SD),
	// so that both axes count alike. Higher means more urgent.
	Priority float64 `json:"priority"`
	// Rank orders the points by Priority, 1 most urgent. Quadrant and Rank
	// answer different questions and can disagree near the cross-hair: a
	// point just below the importance split is "low priority", yet if it
	// performs below average it lies above the diagonal and may rank high.
	Rank int `json:"rank"`
}

// IPA places attributes on the importance-performance grid (Martilla &
// James 1977) and ranks them by the iso-priority (diagonal) rule: the
// further an attribute lies above the line where importance equals
// performance, the more urgent its improvement (Bacon 2003; Abalo,
// Varela & Manzano 2007). Points are returned in input order; priorities
// within [TieTolerance]·max|priority| of each other are ties, ranked in
// input order.
//
// Importance may be stated (mean importance points) or derived (key-driver
// weights); performance may be mean perceptions or mean gaps. Any finite
// values are accepted, up to ±MaxFloat64: the standardization is scale
// free, so each axis is computed after dividing it (and its cross-hair)
// by its largest magnitude, and no intermediate overflows. Errors wrap
// [ErrEmpty] for no keys, [ErrLength] for slices of different lengths
// (an *InputError), [ErrOutOfScale] for NaN or ±Inf (an *InputError
// naming the attribute and the axis), [ErrArgument] for a cross-hair
// that is not finite, and [ErrUndefined] when an axis has no spread
// across the attributes or the spread is so small against the distance
// to the cross-hair that a priority is not finite in float64.
func IPA(keys []string, importance, performance []float64, opts *IPAOptions) ([]IPAPoint, error) {
	n := len(keys)
	if n == 0 {
		return nil, errorf("IPA: no attributes (keys is empty): %w", ErrEmpty)
	}
	if len(importance) != n || len(performance) != n {
		return nil, &InputError{Respondent: -1, Field: "IPA", Value: math.NaN(), Err: ErrLength,
			Detail: fmt.Sprintf("%d keys, %d importances, %d performances", n, len(importance), len(performance))}
	}
	for i := range keys {
		for _, fv := range [...]struct {
			f string
			v float64
		}{{"importance", importance[i]}, {"performance", performance[i]}} {
			f, v := fv.f, fv.v
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, &InputError{Respondent: -1, Item: keys[i], Field: "IPA " + f, Value: v, Err: ErrOutOfScale,
					Detail: f + " " + fmtFloat(v) + " must be finite"}
			}
		}
	}
	var cross *Crosshair
	if opts != nil && opts.Crosshair != nil {
		c := *opts.Crosshair
		if math.IsNaN(c.Importance) || math.IsInf(c.Importance, 0) || math.IsNaN(c.Performance) || math.IsInf(c.Performance, 0) {
			return nil, errorf("IPA: cross-hair (importance %v, performance %v) must be finite: %w", c.Importance, c.Performance, ErrArgument)
		}
		cross = &c
	}
	zi, ci, err := standardize("importance", importance, cross, func(c *Crosshair) float64 { return c.Importance })
	if err != nil {
		return nil, err
	}
	zp, cp, err := standardize("performance", performance, cross, func(c *Crosshair) float64 { return c.Performance })
	if err != nil {
		return nil, err
	}
	pts := make([]IPAPoint, n)
	neg := make([]float64, n)
	var maxAbs float64
	for i, k := range keys {
		hiI, hiP := importance[i] >= ci, performance[i] >= cp
		q := LowPriority
		switch {
		case hiI && !hiP:
			q = ConcentrateHere
		case hiI && hiP:
			q = KeepUpTheGoodWork
		case !hiI && hiP:
			q = PossibleOverkill
		}
		pr := zi[i]/math.Sqrt2 - zp[i]/math.Sqrt2
		if math.IsInf(pr, 0) || math.IsNaN(pr) {
			return nil, errorf("IPA: attribute %s: priority not finite (the spread of the attributes is too small for their distance to the cross-hair): %w", k, ErrUndefined)
		}
		pts[i] = IPAPoint{Key: k, Importance: importance[i], Performance: performance[i], Quadrant: q, Priority: pr}
		neg[i] = -pr
		maxAbs = math.Max(maxAbs, math.Abs(pr))
	}
	for r, i := range tieOrder(neg, TieTolerance*maxAbs) {
		pts[i].Rank = r + 1
	}
	return pts, nil
}

// standardize returns z = (x − c)/SD for one axis and the centre c, the
// cross-hair (the mean when cross is nil); SD is the population standard
// deviation. It computes on x/M and c/M with M the largest magnitude among
// them, which leaves z unchanged and keeps every intermediate finite.
func standardize(axis string, x []float64, cross *Crosshair, get func(*Crosshair) float64) (z []float64, centre float64, err error) {
	var scale float64
	for _, v := range x {
		scale = math.Max(scale, math.Abs(v))
	}
	if cross != nil {
		scale = math.Max(scale, math.Abs(get(cross)))
	}
	if scale == 0 {
		scale = 1
	}
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = v / scale
	}
	mean, sd := meanSD(y)
	if !(sd > 0) {
		return nil, 0, errorf("IPA: %s does not vary across the attributes: %w", axis, ErrUndefined)
	}
	c, centre := mean, mean*scale
	if cross != nil {
		centre = get(cross)
		c = centre / scale
	}
	z = make([]float64, len(x))
	for i, v := range y {
		z[i] = (v - c) / sd
	}
	return z, centre, nil
}

// meanSD returns the mean and the population standard deviation of x.
func meanSD(x []float64) (mean, sd float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		sd += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(sd / float64(len(x)))
}

// IPA runs an importance-performance analysis of the dimensions.
// Performance is the mean dimension score of measure perf (Perception or
// Gap). Importance is taken from importance if it is not nil (one value
// per dimension, e.g. the ShapleyShare of [Accumulator.KeyDrivers]), else
// from the mean importance points the respondents stated. Errors are
// those of [IPA], and wrap [ErrInstrument] for an accumulator without
// instrument, [ErrArgument] for perf out of range, [ErrLength] for
// importance of the wrong length and [ErrEmpty] for a dimension without
// complete scores or stated importance.
func (a *Accumulator) IPA(perf Measure, importance []float64, opts *IPAOptions) ([]IPAPoint, error) {
	if !a.ready() {
		return nil, errNoInstrument("IPA")
	}
	if perf < 0 || perf >= NumMeasures {
		return nil, errorf("IPA: measure %v: not a measure: %w", perf, ErrArgument)
	}
	nd := len(a.in.dims)
	if importance != nil && len(importance) != nd {
		return nil, &InputError{Respondent: -1, Field: "IPA importance", Value: math.NaN(), Err: ErrLength,
			Detail: fmt.Sprintf("%d importances for %d dimensions", len(importance), nd)}
	}
	keys := make([]string, nd)
	p := make([]float64, nd)
	stated := importance == nil
	if stated {
		importance = make([]float64, nd)
	}
	for d, dim := range a.in.dims {
		keys[d] = dim.Key
		b := &a.m[perf].dim[d]
		if b.n == 0 {
			return nil, errorf("IPA: no complete %v scores for dimension %s: %w", perf, dim.Key, ErrEmpty)
		}
		p[d], _ = b.meanStat()
		if stated {
			if a.importance[d].n == 0 {
				return nil, errorf("IPA: no importance points were stated for dimension %s: %w", dim.Key, ErrEmpty)
			}
			importance[d] = a.importance[d].mean
		}
	}
	return IPA(keys, importance, p, opts)
}
