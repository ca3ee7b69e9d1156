package servqual

import (
	"math"
	"strconv"
)

// ImportanceTolerance is how far a respondent's importance points may sum
// from 100 and still be accepted (to allow for rounding by survey tools).
const ImportanceTolerance = 0.5

// Response is one respondent's answers to an instrument. Each per-item
// slice is either nil (the field was not asked) or has one entry per item
// in the instrument's order; a missing answer is NaN (null in JSON).
// Ratings are given as asked: reverse-keyed items are flipped by the
// library. In JSON a nil and an empty slice are both left out, and so
// both decode as nil (the field was not asked).
//
// Which fields are present decides what is scored: Expectation and
// Perception give gap scores (SERVQUAL); Perception alone gives SERVPERF;
// Adequate, Desired and Perception give the three-column format with the
// zone of tolerance (MSA, MSS).
type Response struct {
	// Expectation holds the expected level per item.
	Expectation []float64 `json:"expectation,omitempty"`
	// Perception holds the perceived performance per item.
	Perception []float64 `json:"perception,omitempty"`
	// Adequate holds the minimum adequate level per item.
	Adequate []float64 `json:"adequate,omitempty"`
	// Desired holds the desired level per item.
	Desired []float64 `json:"desired,omitempty"`
	// Importance holds the points (out of 100) the respondent gives each
	// dimension, in the instrument's dimension order. They must be finite,
	// non-negative and sum to 100 ± ImportanceTolerance.
	Importance []float64 `json:"importance,omitempty"`
	// Outcomes holds the outcome ratings in the instrument's outcome order
	// (NaN when not answered).
	Outcomes []float64 `json:"outcomes,omitempty"`
}

// prepared is one validated response turned into scored values. The
// accumulator keeps one and reuses it, so adding a response allocates
// nothing.
type prepared struct {
	has        [NumMeasures]bool
	x          [NumMeasures][]float64 // per item, reversed where keyed so; NaN = missing
	v          [NumMeasures][]float64 // what the accumulator reads: x, or on the fast path the response's own slices
	dim        [NumMeasures][]float64 // per dimension mean; NaN unless every item answered
	zone       []Zone                 // valid when hasZone
	hasZone    bool
	importance []float64 // nil when absent
	outcomes   []float64 // nil when absent
}

func newPrepared(in *Instrument) *prepared {
	p := &prepared{zone: make([]Zone, len(in.items))}
	for m := range p.x {
		p.x[m] = make([]float64, len(in.items))
		p.dim[m] = make([]float64, len(in.dims))
	}
	return p
}

// prepare validates r completely and then fills p; on error p's contents
// are unspecified but nothing else has changed.
func (in *Instrument) prepare(r *Response, p *prepared) error {
	if err := in.validate(r); err != nil {
		return err
	}
	e, per, ad, de := r.Expectation, r.Perception, r.Adequate, r.Desired
	p.has = [NumMeasures]bool{
		Gap:         e != nil && per != nil,
		Perception:  per != nil,
		Expectation: e != nil,
		Adequacy:    ad != nil && per != nil,
		Superiority: de != nil && per != nil,
	}
	xp, xe := p.x[Perception], p.x[Expectation]
	in.scored(xp, per)
	in.scored(xe, e)
	if p.has[Gap] {
		xg := p.x[Gap][:len(xp)]
		for i := range xg {
			xg[i] = xp[i] - xe[i]
		}
	}
	xa, xs := p.x[Adequacy], p.x[Superiority]
	in.scored(xa, ad) // the levels first; turned into MSA and MSS below
	in.scored(xs, de)
	p.hasZone = p.has[Adequacy] && p.has[Superiority]
	if p.hasZone {
		for i := range p.zone {
			p.zone[i] = zoneOf(xp[i], xa[i], xs[i])
		}
	}
	if p.has[Adequacy] {
		for i := range xa {
			xa[i] = xp[i] - xa[i]
		}
	}
	if p.has[Superiority] {
		for i := range xs {
			xs[i] = xp[i] - xs[i]
		}
	}
	for m := range p.dim {
		if !p.has[m] {
			continue
		}
		x := p.x[m]
		for d, items := range in.dimItems {
			var sum float64
			if lo := in.dimStart[d]; lo >= 0 {
				for _, v := range x[lo : lo+len(items)] {
					sum += v
				}
			} else {
				for _, i := range items {
					sum += x[i]
				}
			}
			// NaN propagates: a dimension score needs every item.
			p.dim[m][d] = sum / float64(len(items))
		}
	}
	p.v = p.x
	p.importance = r.Importance
	p.outcomes = r.Outcomes
	return nil
}

// validate checks lengths, scales, zone order, importance and outcomes.
func (in *Instrument) validate(r *Response) error {
	n := len(in.items)
	fields := [...]struct {
		name string
		v    []float64
	}{{"expectation", r.Expectation}, {"perception", r.Perception}, {"adequate", r.Adequate}, {"desired", r.Desired}}
	for _, f := range fields {
		if f.v == nil {
			continue
		}
		if len(f.v) != n {
			return lengthError(f.name, len(f.v), n)
		}
		lo, hi := in.scale.Min, in.scale.Max
		for i, x := range f.v {
			if x >= lo && x <= hi || x != x { // on the scale, or missing
				continue
			}
			return &InputError{Respondent: -1, Item: in.items[i].Key, Field: f.name, Value: x, Err: ErrOutOfScale,
				Detail: "rating " + fmtFloat(x) + " outside scale " + fmtFloat(lo) + ".." + fmtFloat(hi)}
		}
	}
	if r.Adequate != nil && r.Desired != nil {
		for i := range in.items {
			a, d := r.Adequate[i], r.Desired[i]
			if in.items[i].Reverse {
				a, d = d, a // flipping both reverses their order
			}
			if a > d {
				return &InputError{Respondent: -1, Item: in.items[i].Key, Field: "adequate", Value: r.Adequate[i], Err: ErrZone,
					Detail: "adequate level " + fmtFloat(r.Adequate[i]) + " is above desired level " + fmtFloat(r.Desired[i])}
			}
		}
	}
	if r.Importance != nil {
		if len(r.Importance) != len(in.dims) {
			return lengthError("importance", len(r.Importance), len(in.dims))
		}
		var sum float64
		for d, w := range r.Importance {
			if !(w >= 0) || math.IsInf(w, 1) {
				return &InputError{Respondent: -1, Item: in.dims[d].Key, Field: "importance", Value: w, Err: ErrImportance,
					Detail: "importance " + fmtFloat(w) + " must be finite and ≥ 0"}
			}
			sum += w
		}
		if math.Abs(sum-100) > ImportanceTolerance {
			return &InputError{Respondent: -1, Field: "importance", Value: sum, Err: ErrImportance,
				Detail: "importance points sum to " + fmtFloat(sum) + ", want 100"}
		}
	}
	if r.Outcomes != nil {
		if len(r.Outcomes) != len(in.outcomes) {
			return lengthError("outcome", len(r.Outcomes), len(in.outcomes))
		}
		for o, x := range r.Outcomes {
			if sc := in.outcomes[o].Scale; !math.IsNaN(x) && !sc.Contains(x) {
				return &InputError{Respondent: -1, Item: in.outcomes[o].Key, Field: "outcome", Value: x, Err: ErrOutOfScale,
					Detail: "rating " + fmtFloat(x) + " outside scale " + fmtFloat(sc.Min) + ".." + fmtFloat(sc.Max)}
			}
		}
	}
	return nil
}

func lengthError(field string, got, want int) error {
	return &InputError{Respondent: -1, Field: field, Value: math.NaN(), Err: ErrLength,
		Detail: strconv.Itoa(got) + " values, want " + strconv.Itoa(want)}
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// scored copies the ratings src into dst, flipping reverse-keyed items
// (min + max − x). A nil src leaves dst as it is.
func (in *Instrument) scored(dst, src []float64) {
	if src == nil {
		return
	}
	copy(dst, src)
	for _, i := range in.reversed {
		dst[i] = in.scale.Reverse(dst[i])
	}
}

// DimensionMeans returns, for one respondent's ratings of the items (in
// questionnaire order, NaN for unanswered, reverse-keyed items flipped
// first), the mean of each dimension's answered items and how many were
// answered. A dimension with fewer than minAnswered answered items has a
// NaN mean; minAnswered ≤ 0 or above the dimension's size means every
// item is required, as in [Instrument.Score].
//
// Instruments whose scoring rules allow a few missing items per dimension
// (such as the Technology Readiness Index) use this instead of Score.
// Errors are those of [Accumulator.Add] for a Response with these ratings
// as its perceptions.
func (in *Instrument) DimensionMeans(ratings []float64, minAnswered int) (means []float64, answered []int, err error) {
	if !in.valid() {
		return nil, nil, errNoInstrument("DimensionMeans")
	}
	if ratings == nil {
		ratings = []float64{}
	}
	if err := in.validate(&Response{Perception: ratings}); err != nil {
		return nil, nil, err
	}
	means = make([]float64, len(in.dims))
	answered = make([]int, len(in.dims))
	for d, items := range in.dimItems {
		var sum float64
		for _, i := range items {
			x := ratings[i]
			if x != x {
				continue
			}
			if in.items[i].Reverse {
				x = in.scale.Reverse(x)
			}
			sum += x
			answered[d]++
		}
		need := minAnswered
		if need <= 0 || need > len(items) {
			need = len(items)
		}
		if answered[d] < need {
			means[d] = math.NaN()
		} else {
			means[d] = sum / float64(answered[d])
		}
	}
	return means, answered, nil
}
