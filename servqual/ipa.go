package servqual

import (
	"fmt"
	"math"
	"sort"
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

var quadrantNames = [...]string{"unknown", "concentrate here", "keep up the good work", "low priority", "possible overkill"}

// String returns the quadrant's name, such as "concentrate here".
func (q Quadrant) String() string {
	if q >= QuadrantUnknown && q <= PossibleOverkill {
		return quadrantNames[q]
	}
	return fmt.Sprintf("Quadrant(%d)", int(q))
}

// MarshalText encodes the quadrant as its name.
func (q Quadrant) MarshalText() ([]byte, error) {
	if q < QuadrantUnknown || q > PossibleOverkill {
		return nil, fmt.Errorf("servqual: cannot marshal Quadrant(%d)", int(q))
	}
	return []byte(quadrantNames[q]), nil
}

// UnmarshalText decodes a quadrant from its name. On error q is unchanged.
func (q *Quadrant) UnmarshalText(text []byte) error {
	for i, name := range quadrantNames {
		if string(text) == name {
			*q = Quadrant(i)
			return nil
		}
	}
	return fmt.Errorf("servqual: unknown quadrant %q", string(text))
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
	// Rank orders the points by Priority, 1 most urgent.
	Rank int `json:"rank"`
}

// IPA places attributes on the importance-performance grid (Martilla &
// James 1977) and ranks them by the iso-priority (diagonal) rule: the
// further an attribute lies above the line where importance equals
// performance, the more urgent its improvement (Bacon 2003; Abalo,
// Varela & Manzano 2007). Points are returned in input order.
//
// Importance may be stated (mean importance points) or derived (key-driver
// weights); performance may be mean perceptions or mean gaps. It returns
// an error for slices of different or zero length, for NaN or ±Inf, or
// when either axis has zero spread (the standardization is undefined).
func IPA(keys []string, importance, performance []float64, opts *IPAOptions) ([]IPAPoint, error) {
	n := len(keys)
	if n == 0 || len(importance) != n || len(performance) != n {
		return nil, &InputError{Respondent: -1, Field: "ipa", Value: math.NaN(), Err: ErrLength,
			Detail: fmt.Sprintf("%d keys, %d importances, %d performances", n, len(importance), len(performance))}
	}
	for i := range keys {
		for _, v := range []float64{importance[i], performance[i]} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, &InputError{Respondent: -1, Item: keys[i], Field: "ipa", Value: v, Err: ErrOutOfScale,
					Detail: "importance and performance must be finite"}
			}
		}
	}
	// A handful of points: plain two-pass means and SDs.
	mi, sdI := meanSD(importance)
	mp, sdP := meanSD(performance)
	cross := Crosshair{Importance: mi, Performance: mp}
	if opts != nil && opts.Crosshair != nil {
		cross = *opts.Crosshair
		if math.IsNaN(cross.Importance) || math.IsInf(cross.Importance, 0) || math.IsNaN(cross.Performance) || math.IsInf(cross.Performance, 0) {
			return nil, fmt.Errorf("servqual: IPA cross-hair %+v must be finite", cross)
		}
	}
	if !(sdI > 0) || !(sdP > 0) {
		return nil, fmt.Errorf("servqual: IPA needs importance and performance that vary across attributes")
	}
	pts := make([]IPAPoint, n)
	for i, k := range keys {
		hiI, hiP := importance[i] >= cross.Importance, performance[i] >= cross.Performance
		q := LowPriority
		switch {
		case hiI && !hiP:
			q = ConcentrateHere
		case hiI && hiP:
			q = KeepUpTheGoodWork
		case !hiI && hiP:
			q = PossibleOverkill
		}
		zi := (importance[i] - cross.Importance) / sdI
		zp := (performance[i] - cross.Performance) / sdP
		pts[i] = IPAPoint{Key: k, Importance: importance[i], Performance: performance[i], Quadrant: q, Priority: (zi - zp) / math.Sqrt2}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return pts[order[a]].Priority > pts[order[b]].Priority })
	for r, i := range order {
		pts[i].Rank = r + 1
	}
	return pts, nil
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
// from the mean importance points the respondents stated.
func (a *Accumulator) IPA(perf Measure, importance []float64, opts *IPAOptions) ([]IPAPoint, error) {
	if a.in == nil {
		return nil, fmt.Errorf("%w: accumulator has no instrument", ErrInstrument)
	}
	if perf < 0 || perf >= NumMeasures {
		return nil, fmt.Errorf("servqual: IPA of unknown measure %v", perf)
	}
	nd := len(a.in.dims)
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
			return nil, fmt.Errorf("servqual: IPA: no complete %v scores for dimension %s", perf, dim.Key)
		}
		p[d], _ = b.meanStat()
		if stated {
			if a.importance[d].n == 0 {
				return nil, fmt.Errorf("servqual: IPA: no importance points were stated for dimension %s", dim.Key)
			}
			importance[d] = a.importance[d].mean
		}
	}
	return IPA(keys, importance, p, opts)
}
