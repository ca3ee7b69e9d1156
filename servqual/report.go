package servqual

import (
	"math"
	"sort"

	"github.com/cxlab/satisfaction/ep"
	"gonum.org/v1/gonum/stat/distuv"
)

// Stat summarises a sample of one quantity.
//
// With n values of mean x̄ and sample standard deviation s (divisor
// n − 1): SE = s/√n, the 95% confidence interval is x̄ ± t₀.₉₇₅,ₙ₋₁·SE with
// the Student-t quantile, and for gap measures T = x̄/SE is the one-sample
// t statistic against zero with its two-sided p value
// P = 2·(1 − F_{n−1}(|T|)).
//
// A Stat's NaN fields are determined by N, SD and the measure, which are
// their reason: SD, SE and CI are NaN when N = 1; T and P are NaN for
// measures that are not differences (perception, expectation, importance,
// outcomes); when SD = 0 the t statistic is undefined, so T is NaN, and P
// is 0 if x̄ ≠ 0 (every respondent gave the same non-zero gap) and NaN if
// x̄ = 0. Every other field is finite. The variance of a dimension or
// overall score is computed from the items' co-moments; when it is below
// 1e-12 of the sum of the item variances it is rounding noise and counts
// as zero. NaN encodes as null in JSON and
// null decodes as NaN.
type Stat struct {
	// N is the number of values.
	N int64 `json:"n"`
	// Mean is the sample mean.
	Mean float64 `json:"mean"`
	// SD is the sample standard deviation.
	SD float64 `json:"sd"`
	// SE is the standard error of the mean.
	SE float64 `json:"se"`
	// CI is the 95% Student-t confidence interval of the mean.
	CI ep.Interval `json:"ci"`
	// T is the one-sample t statistic against zero (gap measures only).
	T float64 `json:"t"`
	// P is the two-sided p value of T.
	P float64 `json:"p"`
}

// newStat builds a Stat from a count, mean and sample variance.
func newStat(n, mean, variance float64, test bool) *Stat {
	if n < 1 {
		return nil
	}
	nan := math.NaN()
	s := &Stat{N: int64(n), Mean: mean, SD: nan, SE: nan, CI: ep.Interval{Low: nan, High: nan}, T: nan, P: nan}
	if n < 2 {
		return s
	}
	s.SD = math.Sqrt(math.Max(variance, 0))
	s.SE = s.SD / math.Sqrt(n)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}
	q := tQuantile975(n - 1)
	s.CI = ep.Interval{Low: mean - q*s.SE, High: mean + q*s.SE}
	if test {
		switch {
		case s.SE > 0:
			s.T = mean / s.SE
			s.P = 2 * t.Survival(math.Abs(s.T))
		case mean != 0:
			s.P = 0
		}
	}
	return s
}

func welfordStat(w welford, test bool) *Stat { return newStat(w.n, w.mean, w.m2/(w.n-1), test) }

func blockStat(b *block, test bool) *Stat {
	if b.n < 1 {
		return nil
	}
	m, v := b.meanStat()
	return newStat(b.n, m, v, test)
}

// Measures holds a statistic per measure; a measure absent from the data
// is nil (omitted from JSON).
type Measures struct {
	// Gap is P − E.
	Gap *Stat `json:"gap,omitempty"`
	// Perception is P.
	Perception *Stat `json:"perception,omitempty"`
	// Expectation is E.
	Expectation *Stat `json:"expectation,omitempty"`
	// Adequacy is MSA = P − adequate.
	Adequacy *Stat `json:"adequacy,omitempty"`
	// Superiority is MSS = P − desired.
	Superiority *Stat `json:"superiority,omitempty"`
}

// Get returns the statistic of measure m, or nil (also for a measure out
// of range or a nil *Measures).
func (ms *Measures) Get(m Measure) *Stat {
	if ms == nil {
		return nil
	}
	switch m {
	case Gap:
		return ms.Gap
	case Perception:
		return ms.Perception
	case Expectation:
		return ms.Expectation
	case Adequacy:
		return ms.Adequacy
	case Superiority:
		return ms.Superiority
	}
	return nil
}

func (ms *Measures) set(m Measure, s *Stat) {
	switch m {
	case Gap:
		ms.Gap = s
	case Perception:
		ms.Perception = s
	case Expectation:
		ms.Expectation = s
	case Adequacy:
		ms.Adequacy = s
	case Superiority:
		ms.Superiority = s
	}
}

// ZoneCounts counts an item's perceptions below, inside and above the zone
// of tolerance.
type ZoneCounts struct {
	// Below counts perceptions under the adequate level.
	Below int64 `json:"below"`
	// Inside counts perceptions from the adequate to the desired level.
	Inside int64 `json:"inside"`
	// Above counts perceptions over the desired level.
	Above int64 `json:"above"`
}

// ItemReport is the statistics of one item.
type ItemReport struct {
	// Key is the item's key.
	Key string `json:"key"`
	// Dimension is the key of the item's dimension.
	Dimension string `json:"dimension"`
	// Name is the item's English label, a short description of what it
	// asks.
	Name string `json:"name"`
	// Chinese is the item's Chinese label.
	Chinese string `json:"chinese,omitempty"`
	// Measures holds the item's statistics per measure, over the
	// respondents who answered it.
	Measures
	// Zone counts zone-of-tolerance positions (nil if none were known).
	Zone *ZoneCounts `json:"zone,omitempty"`
}

// DimensionReport is the statistics of one dimension's score (the mean of
// its items) over the respondents who answered all its items.
type DimensionReport struct {
	// Key is the dimension's key.
	Key string `json:"key"`
	// Name is its English name.
	Name string `json:"name"`
	// Chinese is its Chinese name.
	Chinese string `json:"chinese,omitempty"`
	// Measures holds the dimension score's statistics per measure.
	Measures
	// Importance is the statistics of the importance points given to the
	// dimension (nil if none were given).
	Importance *Stat `json:"importance,omitempty"`
}

// OutcomeReport is the statistics of one outcome rating.
type OutcomeReport struct {
	// Key is the outcome's key.
	Key string `json:"key"`
	// Name is its English label.
	Name string `json:"name"`
	// Chinese is its Chinese label.
	Chinese string `json:"chinese,omitempty"`
	// Stat is its statistics (nil if never answered).
	Stat *Stat `json:"stat,omitempty"`
}

// Priority is an item or dimension ranked for improvement.
type Priority struct {
	// Rank is 1 for the most urgent.
	Rank int `json:"rank"`
	// Key is the item's or dimension's key.
	Key string `json:"key"`
	// Mean is the mean of the ranking measure.
	Mean float64 `json:"mean"`
	// CI is its 95% confidence interval (NaN bounds when one respondent
	// answered, as in [Stat]).
	CI ep.Interval `json:"ci"`
}

// Report is the sample statistics of an accumulator.
type Report struct {
	// Instrument is the instrument's name.
	Instrument string `json:"instrument"`
	// InstrumentChinese is the instrument's Chinese name ("" if it has
	// none).
	InstrumentChinese string `json:"instrument_chinese,omitempty"`
	// Responses is the number of responses added.
	Responses int64 `json:"responses"`
	// Items holds the item statistics in questionnaire order.
	Items []ItemReport `json:"items"`
	// Dimensions holds the dimension statistics in reporting order.
	Dimensions []DimensionReport `json:"dimensions"`
	// Overall holds the statistics of the overall score per measure: the
	// mean of the dimension scores (for Gap the unweighted SERVQUAL score,
	// for Perception the SERVPERF score), over respondents who answered
	// every item.
	Overall Measures `json:"overall"`
	// Weighted is the statistics of the importance-weighted SERVQUAL score
	// (nil without importance points and gaps).
	Weighted *Stat `json:"weighted,omitempty"`
	// Outcomes holds the outcome ratings' statistics.
	Outcomes []OutcomeReport `json:"outcomes,omitempty"`
	// PriorityMeasure is the measure the priorities are ranked by: Gap if
	// present, else Superiority, else Adequacy, else Perception.
	PriorityMeasure Measure `json:"priority_measure"`
	// ItemPriorities ranks the items by PriorityMeasure, lowest mean
	// (largest shortfall) first. Means within TieTolerance·(Max − Min) of
	// the scale of each other are ties, ranked in questionnaire order, so
	// that rounding noise (a merge of shards, the order of additions)
	// never reorders items that are equal in exact arithmetic. Items
	// nobody answered under PriorityMeasure are left out, so the slice
	// may be shorter than Items, and empty for an empty accumulator.
	ItemPriorities []Priority `json:"item_priorities"`
	// DimensionPriorities ranks the dimensions the same way (ties in
	// reporting order); dimensions without a complete respondent are
	// left out.
	DimensionPriorities []Priority `json:"dimension_priorities"`
	// Reliability holds Cronbach's alpha and its item statistics for every
	// dimension under every measure present (see [Accumulator.Reliability]).
	Reliability []Reliability `json:"reliability,omitempty"`
	// Drivers holds the key-driver analysis of every outcome on the
	// perception scores and, when gaps are present, on the gap scores (see
	// [Accumulator.KeyDrivers]); an analysis that is undefined carries its
	// Reason.
	Drivers []Drivers `json:"drivers,omitempty"`
}

// Report returns the statistics of everything added so far. It does not
// change the accumulator's statistics (it folds pending exact sums into
// them; see [Accumulator]), so adding may continue afterwards, and it may
// be called concurrently with the other read-only methods. An accumulator
// without instrument gives the zero Report; an empty one gives a report
// with Responses = 0, nil statistics and no priorities.
func (a *Accumulator) Report() Report {
	if !a.ready() {
		return Report{}
	}
	in := a.in
	r := Report{
		Instrument:        in.name,
		InstrumentChinese: in.chinese,
		Responses:         a.n,
		Items:             make([]ItemReport, len(in.items)),
		Dimensions:        make([]DimensionReport, len(in.dims)),
	}
	if len(in.outcomes) > 0 { // nil otherwise, as JSON (omitempty) gives back
		r.Outcomes = make([]OutcomeReport, len(in.outcomes))
	}
	for i, it := range in.items {
		ir := ItemReport{Key: it.Key, Dimension: it.Dimension, Name: it.Name, Chinese: it.Chinese}
		for m := range a.m {
			ir.set(Measure(m), welfordStat(a.itemWelford(Measure(m), i), Measure(m).isGap()))
		}
		if z := a.zone[i]; z != [3]int64{} {
			ir.Zone = &ZoneCounts{Below: z[0], Inside: z[1], Above: z[2]}
		}
		r.Items[i] = ir
	}
	for d, dim := range in.dims {
		dr := DimensionReport{Key: dim.Key, Name: dim.Name, Chinese: dim.Chinese}
		for m := range a.m {
			dr.set(Measure(m), blockStat(&a.m[m].dim[d], Measure(m).isGap()))
		}
		dr.Importance = welfordStat(a.importance[d], false)
		r.Dimensions[d] = dr
	}
	for m := range a.m {
		r.Overall.set(Measure(m), blockStat(&a.m[m].dims, Measure(m).isGap()))
	}
	r.Weighted = welfordStat(a.weighted, true)
	for o, oc := range in.outcomes {
		r.Outcomes[o] = OutcomeReport{Key: oc.Key, Name: oc.Name, Chinese: oc.Chinese, Stat: welfordStat(a.outcome[o], false)}
	}
	r.PriorityMeasure = Perception
	for _, m := range []Measure{Gap, Superiority, Adequacy} {
		if a.hasMeasure(m) {
			r.PriorityMeasure = m
			break
		}
	}
	r.ItemPriorities = make([]Priority, 0, len(r.Items))
	for _, it := range r.Items {
		if s := it.Get(r.PriorityMeasure); s != nil {
			r.ItemPriorities = append(r.ItemPriorities, Priority{Key: it.Key, Mean: s.Mean, CI: s.CI})
		}
	}
	r.DimensionPriorities = make([]Priority, 0, len(r.Dimensions))
	for _, dm := range r.Dimensions {
		if s := dm.Get(r.PriorityMeasure); s != nil {
			r.DimensionPriorities = append(r.DimensionPriorities, Priority{Key: dm.Key, Mean: s.Mean, CI: s.CI})
		}
	}
	tol := TieTolerance * (in.scale.Max - in.scale.Min)
	rank(r.ItemPriorities, tol)
	rank(r.DimensionPriorities, tol)
	for m := Gap; m < NumMeasures; m++ {
		if !a.hasMeasure(m) {
			continue
		}
		for d := range in.dims {
			r.Reliability = append(r.Reliability, a.reliability(m, d))
		}
	}
	for o := range in.outcomes {
		for _, m := range []Measure{Perception, Gap} {
			if !a.hasMeasure(m) {
				continue
			}
			dr, err := a.keyDrivers(m, o)
			if err != nil {
				dr.Reason = err.Error()
			}
			r.Drivers = append(r.Drivers, dr)
		}
	}
	return r
}

// hasMeasure reports whether any answer of measure m was added.
func (a *Accumulator) hasMeasure(m Measure) bool {
	for i := range a.in.items {
		if a.itemWelford(m, i).n > 0 {
			return true
		}
	}
	return false
}

// TieTolerance is the relative tolerance within which rankings treat two
// values as tied: priority means within TieTolerance·(Max − Min) of the
// instrument's scale, IPA priorities within TieTolerance·max|priority|.
// Tied values keep their questionnaire (input) order.
const TieTolerance = 1e-12

// rank sorts by mean ascending, ties within tol in their current
// (questionnaire) order, and numbers the ranks.
func rank(ps []Priority, tol float64) {
	means := make([]float64, len(ps))
	for i, p := range ps {
		means[i] = p.Mean
	}
	order := tieOrder(means, tol)
	out := make([]Priority, len(ps))
	for r, i := range order {
		out[r] = ps[i]
		out[r].Rank = r + 1
	}
	copy(ps, out)
}

// tieOrder returns the indexes of x in ascending order of x, where values
// within tol of the smallest value of their run count as ties and keep
// their index order. Runs are formed left to right over the sorted
// values, so the result is a consistent total order; noise far smaller
// than tol cannot move a value from one run to another unless it lies
// within noise of a run boundary.
func tieOrder(x []float64, tol float64) []int {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	run := make([]int, len(x))
	r, start := 0, math.NaN()
	for k, i := range idx {
		if k == 0 || !(x[i]-start <= tol) {
			r, start = k, x[i]
		}
		run[i] = r
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ia, ib := idx[a], idx[b]
		if run[ia] != run[ib] {
			return run[ia] < run[ib]
		}
		return ia < ib
	})
	return idx
}
