package pls

import (
	"fmt"
	"math"
	"slices"
)

// Scale is the rating scale of the indicators, from Min to Max, used to
// put a construct on 0–100.
type Scale struct {
	// Min is the lowest rating.
	Min float64 `json:"min"`
	// Max is the highest rating.
	Max float64 `json:"max"`
}

func (s Scale) check() error {
	if math.IsNaN(s.Min) || math.IsNaN(s.Max) || math.IsInf(s.Min, 0) || math.IsInf(s.Max, 0) || !(s.Max > s.Min) ||
		math.IsInf(s.Max-s.Min, 0) {
		return fmt.Errorf("scale %v..%v: need finite Min < Max: %w", s.Min, s.Max, ErrValue)
	}
	return nil
}

// Index returns the 0–100 index of a construct (Fornell, Johnson,
// Anderson, Cha & Bryant 1996, p. 10, the ACSI formula):
//
//	index = (E[ξ] − min ξ) / (max ξ − min ξ) · 100,  ξ = Σₖ w̃ₖ·xₖ
//
// over the construct's indicators x on the scale, with the unstandardised
// weights w̃ₖ = wₖ/sₖ (outer weight over the indicator's SD); min ξ and
// max ξ put every indicator at the end of the scale that minimises or
// maximises ξ. With positive weights it is the mean of the indicators
// rescaled to 0–100, weighted by [IndicatorResult.Rescaled]. It needs the
// indicator means (a fit from raw data, an accumulator or Moments with
// Mean); without them, for an unknown construct or an invalid scale it
// returns an error wrapping [ErrValue] or [ErrUnknown].
func (r *Result) Index(construct string, scale Scale) (float64, error) {
	j, err := r.lookup(construct)
	if err != nil {
		return 0, errorf("index: %w", err)
	}
	if err := r.checkIndex(scale); err != nil {
		return 0, errorf("index: %w", err)
	}
	v := r.index(j, scale)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errorf("index: construct %q: its weights give no range on the scale: %w", construct, ErrSingular)
	}
	return v, nil
}

func (r *Result) lookup(construct string) (int, error) {
	if r == nil {
		return -1, fmt.Errorf("nil result: %w", ErrValue)
	}
	for j, c := range r.Constructs {
		if c.Name == construct {
			return j, nil
		}
	}
	return -1, fmt.Errorf("construct %q: %w", construct, ErrUnknown)
}

func (r *Result) checkIndex(scale Scale) error {
	if err := scale.check(); err != nil {
		return err
	}
	for _, x := range r.Indicators {
		if math.IsNaN(x.Mean) {
			return fmt.Errorf("indicator %q: mean unknown (fitted from a covariance matrix without means): %w", x.Name, ErrValue)
		}
	}
	return nil
}

// index computes the index of construct j.
func (r *Result) index(j int, s Scale) float64 {
	name := r.Constructs[j].Name
	var e, lo, hi float64
	for _, x := range r.Indicators {
		if x.Construct != name {
			continue
		}
		w := x.Weight / x.SD
		e += w * x.Mean
		if w >= 0 {
			lo += w * s.Min
			hi += w * s.Max
		} else {
			lo += w * s.Max
			hi += w * s.Min
		}
	}
	if !(hi > lo) {
		return math.NaN()
	}
	return (e - lo) / (hi - lo) * 100
}

// IPMAPoint is one point of an importance–performance map.
type IPMAPoint struct {
	// Name is the construct or indicator.
	Name string `json:"name"`
	// Construct is the construct of an indicator, or "" for a construct.
	Construct string `json:"construct,omitempty"`
	// Importance is the unstandardised total effect on the target of a
	// one-point rise (on the 0–100 scale) of the construct's performance;
	// for an indicator, its rescaled weight times its construct's
	// importance.
	Importance float64 `json:"importance"`
	// Performance is the construct's 0–100 index ([Result.Index]), or the
	// indicator's mean rescaled to 0–100.
	Performance float64 `json:"performance"`
	// Rank orders the constructs (and, separately, the indicators) by
	// importance, 1 = most important; importances within 1e-12 relative
	// of each other are ties broken by model order.
	Rank int `json:"rank"`
}

// MarshalJSON encodes NaN and ±Inf as null.
func (p IPMAPoint) MarshalJSON() ([]byte, error) { type plain IPMAPoint; return marshal(plain(p)) }

// UnmarshalJSON decodes null as NaN.
func (p *IPMAPoint) UnmarshalJSON(b []byte) error {
	type plain IPMAPoint
	return unmarshal(b, (*plain)(p))
}

// IPMA is the importance–performance map of a target construct (Ringle &
// Sarstedt 2016, Industrial Management & Data Systems 116(9)): the PLS
// form of importance–performance analysis.
type IPMA struct {
	// Target names the target construct.
	Target string `json:"target"`
	// TargetPerformance is the target's 0–100 index.
	TargetPerformance float64 `json:"target_performance"`
	// Constructs holds every construct with a route to the target, in
	// model order.
	Constructs []IPMAPoint `json:"constructs"`
	// Indicators holds the indicators of those constructs, in model order.
	Indicators []IPMAPoint `json:"indicators"`
}

// MarshalJSON encodes NaN and ±Inf as null.
func (p IPMA) MarshalJSON() ([]byte, error) { type plain IPMA; return marshal(plain(p)) }

// UnmarshalJSON decodes null as NaN.
func (p *IPMA) UnmarshalJSON(b []byte) error { type plain IPMA; return unmarshal(b, (*plain)(p)) }

// IPMA returns the importance–performance map of the target construct.
// Every indicator is rescaled to 0–100, (x − Min)/(Max − Min)·100; a
// construct's performance is its index ([Result.Index]); its importance is
// its unstandardised total effect on the target, the standardised total
// effect T times sd(target)/sd(construct) of the rescaled scores, which is
// T·|Σ wₖ/sₖ|ᵢ / |Σ wₖ/sₖ|ₜ because each score ξ = Σ w̃ₖ·x′ₖ has
// variance (100/(Max − Min))²/(Σ wₖ/sₖ)² (the standardised score has unit
// variance). Errors are those of [Result.Index]; a target no construct
// leads to wraps [ErrValue].
func (r *Result) IPMA(target string, scale Scale) (IPMA, error) {
	t, err := r.lookup(target)
	if err != nil {
		return IPMA{}, errorf("IPMA: %w", err)
	}
	if err := r.checkIndex(scale); err != nil {
		return IPMA{}, errorf("IPMA: %w", err)
	}
	J := len(r.Constructs)
	sum := make([]float64, J)
	pos := make(map[string]int, J)
	for j, c := range r.Constructs {
		pos[c.Name] = j
	}
	for _, x := range r.Indicators {
		sum[pos[x.Construct]] += x.Weight / x.SD
	}
	for j, v := range sum {
		if !(math.Abs(v) > 0) || math.IsInf(v, 0) || math.IsNaN(v) {
			return IPMA{}, errorf("IPMA: construct %q: its unstandardised weights sum to %v: %w", r.Constructs[j].Name, v, ErrSingular)
		}
	}
	out := IPMA{Target: target, TargetPerformance: r.index(t, scale)}
	imp := make([]float64, J)
	has := make([]bool, J)
	for _, e := range r.Effects {
		if e.To == target {
			i := pos[e.From]
			has[i] = true
			imp[i] = e.Total * math.Abs(sum[i]) / math.Abs(sum[t])
		}
	}
	for j, c := range r.Constructs {
		if has[j] {
			out.Constructs = append(out.Constructs, IPMAPoint{Name: c.Name, Importance: imp[j], Performance: r.index(j, scale)})
		}
	}
	if len(out.Constructs) == 0 {
		return IPMA{}, errorf("IPMA: construct %q: no construct leads to it: %w", target, ErrValue)
	}
	for _, x := range r.Indicators {
		j := pos[x.Construct]
		if has[j] {
			out.Indicators = append(out.Indicators, IPMAPoint{Name: x.Name, Construct: x.Construct,
				Importance: x.Rescaled * imp[j], Performance: (x.Mean - scale.Min) / (scale.Max - scale.Min) * 100})
		}
	}
	rank(out.Constructs)
	rank(out.Indicators)
	return out, nil
}

// rank sets Rank by descending importance, ties (within 1e-12 relative)
// kept in input order.
func rank(p []IPMAPoint) {
	idx := make([]int, len(p))
	for i := range idx {
		idx[i] = i
	}
	scale := 0.0
	for _, x := range p {
		scale = max(scale, math.Abs(x.Importance))
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		d := p[b].Importance - p[a].Importance
		if math.Abs(d) <= 1e-12*scale {
			return 0
		}
		if d > 0 {
			return 1
		}
		return -1
	})
	for r, i := range idx {
		p[i].Rank = r + 1
	}
}
