package pls

import (
	"fmt"
	"slices"
)

// Mode is how a construct's outer weights are estimated (Wold 1982;
// Lohmöller 1989).
type Mode int8

const (
	// ModeA (reflective, the zero value) sets each indicator's weight to
	// its covariance with the construct's inner proxy: the indicators are
	// effects of the construct, as in a satisfaction block of the ACSI.
	ModeA Mode = iota
	// ModeB (formative) sets the weights to the coefficients of the
	// multiple regression of the inner proxy on the indicators: the
	// indicators make up the construct.
	ModeB
)

// String returns the mode's English label, "Mode A (reflective)" or "Mode
// B (formative)" ("Mode(n)" for a value out of range).
func (m Mode) String() string { return modeLabels.English(int(m)) }

// Chinese returns the mode's Chinese label, "模式A（反映型）" or
// "模式B（形成型）" ("" for a value out of range).
func (m Mode) Chinese() string { return modeLabels.Chinese(int(m)) }

// MarshalText encodes the mode as its stable token, "a" or "b"; a value
// out of range is an error wrapping [ErrValue].
func (m Mode) MarshalText() ([]byte, error) { return modeLabels.Marshal(int(m)) }

// UnmarshalText decodes a mode from its token, English label or Chinese
// label, ASCII case-insensitive with ' ', '-' and '_' interchangeable
// (so "A" and "B" of earlier versions still read), or from "reflective",
// "formative", "反映型" or "形成型"; any other text is an error wrapping
// [ErrValue] and leaves m unchanged.
func (m *Mode) UnmarshalText(text []byte) error {
	return modeLabels.Unmarshal(text, m == nil, func(v int) { *m = Mode(v) })
}

// Scheme is the inner weighting scheme of the iterative algorithm
// (Lohmöller 1989, ch. 2; Tenenhaus et al. 2005, §2.2).
type Scheme int8

const (
	// SchemePath (the zero value, and the default of SmartPLS, seminr and
	// cSEM) weights a construct's predecessors by the coefficients of its
	// regression on them and its successors by their correlations with it.
	SchemePath Scheme = iota
	// SchemeCentroid weights every adjacent construct by the sign of its
	// correlation (Wold 1982).
	SchemeCentroid
	// SchemeFactorial weights every adjacent construct by its correlation
	// (Lohmöller 1989).
	SchemeFactorial
)

// String returns the scheme's English label, such as "path weighting"
// ("Scheme(n)" for a value out of range).
func (s Scheme) String() string { return schemeLabels.English(int(s)) }

// Chinese returns the scheme's Chinese label, such as "路径加权" ("" for a
// value out of range).
func (s Scheme) Chinese() string { return schemeLabels.Chinese(int(s)) }

// MarshalText encodes the scheme as its stable token, "path", "centroid"
// or "factorial"; a value out of range is an error wrapping [ErrValue].
func (s Scheme) MarshalText() ([]byte, error) { return schemeLabels.Marshal(int(s)) }

// UnmarshalText decodes a scheme from its token, English label or Chinese
// label (ASCII case-insensitive, ' ', '-' and '_' interchangeable); any
// other text is an error wrapping [ErrValue] and leaves s unchanged.
func (s *Scheme) UnmarshalText(text []byte) error {
	return schemeLabels.Unmarshal(text, s == nil, func(v int) { *s = Scheme(v) })
}

// Construct is a latent variable of a path model and its block of
// indicators (the items that measure it).
type Construct struct {
	// Name identifies the construct, such as "SAT".
	Name string `json:"name"`
	// Indicators lists the names of the construct's indicators (items);
	// every indicator belongs to exactly one construct.
	Indicators []string `json:"indicators"`
	// Mode is the outer model: ModeA (reflective, the zero value) or
	// ModeB (formative).
	Mode Mode `json:"mode"`
}

// Path is a directed link of the structural (inner) model: From is a
// predictor of To.
type Path struct {
	// From names the predecessor construct.
	From string `json:"from"`
	// To names the successor construct.
	To string `json:"to"`
}

// String returns "From -> To".
func (p Path) String() string { return p.From + " -> " + p.To }

// Spec defines a path model for [NewModel].
type Spec struct {
	// Constructs lists the constructs in reporting order.
	Constructs []Construct `json:"constructs"`
	// Paths lists the structural links.
	Paths []Path `json:"paths"`
}

// Limits on a model's size, checked by [NewModel]: the estimation works on
// the indicators' K×K correlation matrix, so memory and time per iteration
// grow with K².
const (
	// MaxIndicators is the largest number of indicators of a model.
	MaxIndicators = 1000
	// MaxConstructs is the largest number of constructs of a model.
	MaxConstructs = 100
)

// Model is a validated path model: constructs with disjoint, non-empty
// blocks of indicators, linked by acyclic paths, every construct on at
// least one path. Its indicators are numbered in construct order (the
// order of [Model.Indicators]); data and covariance matrices given to its
// methods use that order. A Model is immutable and safe for concurrent
// use; the zero Model and a nil *Model have no constructs and every method
// that estimates returns an error wrapping [ErrModel].
type Model struct {
	cons   []Construct
	paths  []Path
	ind    []string // indicator names in construct order
	block  []int    // construct of each indicator
	start  []int    // first indicator of each construct; start[J] = K
	pred   [][]int  // predecessors of each construct, ascending
	succ   [][]int  // successors of each construct, ascending
	order  []int    // constructs in a topological order
	cindex map[string]int
	iindex map[string]int
}

// NewModel validates spec and returns the model. It returns an error
// wrapping [ErrModel] and naming the construct, indicator or path when: a
// construct name is empty or repeated; a construct has no indicators
// ([ErrEmptyBlock]); an indicator name is empty or appears twice (in one
// block or two); a path names an unknown construct ([ErrUnknown]), links a
// construct to itself or is repeated; the paths form a cycle ([ErrCycle],
// naming the constructs on it); a construct is on no path ([ErrNoPath]);
// there are fewer than two constructs. More than [MaxConstructs]
// constructs or [MaxIndicators] indicators wrap [ErrLimit] too.
func NewModel(spec Spec) (*Model, error) {
	J := len(spec.Constructs)
	if J < 2 {
		return nil, errorf("model has %d constructs, need at least 2: %w", J, ErrModel)
	}
	if J > MaxConstructs {
		return nil, errorf("model has %d constructs, more than MaxConstructs = %d: %w: %w", J, MaxConstructs, ErrModel, ErrLimit)
	}
	m := &Model{
		cons:   make([]Construct, J),
		cindex: make(map[string]int, J),
		iindex: make(map[string]int),
		start:  make([]int, J+1),
		pred:   make([][]int, J),
		succ:   make([][]int, J),
	}
	for j, c := range spec.Constructs {
		if c.Name == "" {
			return nil, errorf("construct %d: empty name: %w", j, ErrModel)
		}
		if _, dup := m.cindex[c.Name]; dup {
			return nil, errorf("construct %q: name repeated: %w", c.Name, ErrModel)
		}
		if c.Mode != ModeA && c.Mode != ModeB {
			return nil, errorf("construct %q: mode %d: %w", c.Name, int8(c.Mode), ErrModel)
		}
		if len(c.Indicators) == 0 {
			return nil, errorf("construct %q: %w: %w", c.Name, ErrEmptyBlock, ErrModel)
		}
		m.cindex[c.Name] = j
		m.start[j] = len(m.ind)
		for _, name := range c.Indicators {
			if name == "" {
				return nil, errorf("construct %q: empty indicator name: %w", c.Name, ErrModel)
			}
			if prev, dup := m.iindex[name]; dup {
				return nil, errorf("construct %q: indicator %q already in construct %q: %w", c.Name, name, spec.Constructs[m.block[prev]].Name, ErrModel)
			}
			if len(m.ind) == MaxIndicators {
				return nil, errorf("more than MaxIndicators = %d indicators: %w: %w", MaxIndicators, ErrModel, ErrLimit)
			}
			m.iindex[name] = len(m.ind)
			m.ind = append(m.ind, name)
			m.block = append(m.block, j)
		}
		m.cons[j] = Construct{Name: c.Name, Indicators: slices.Clone(c.Indicators), Mode: c.Mode}
	}
	m.start[J] = len(m.ind)
	adj := make([]bool, J*J) // adj[to*J+from]
	for i, p := range spec.Paths {
		f, okf := m.cindex[p.From]
		t, okt := m.cindex[p.To]
		switch {
		case !okf:
			return nil, errorf("path %d (%s): construct %q: %w: %w", i, p, p.From, ErrUnknown, ErrModel)
		case !okt:
			return nil, errorf("path %d (%s): construct %q: %w: %w", i, p, p.To, ErrUnknown, ErrModel)
		case f == t:
			return nil, errorf("path %d (%s): links %q to itself: %w: %w", i, p, p.From, ErrCycle, ErrModel)
		case adj[t*J+f]:
			return nil, errorf("path %d (%s): repeated: %w", i, p, ErrModel)
		}
		adj[t*J+f] = true
		m.paths = append(m.paths, p)
	}
	for t := range J {
		for f := range J {
			if adj[t*J+f] {
				m.pred[t] = append(m.pred[t], f)
				m.succ[f] = append(m.succ[f], t)
			}
		}
	}
	for j := range J {
		if len(m.pred[j]) == 0 && len(m.succ[j]) == 0 {
			return nil, errorf("construct %q: %w: %w", m.cons[j].Name, ErrNoPath, ErrModel)
		}
	}
	// Kahn's algorithm, taking the lowest-numbered ready construct first so
	// the order is deterministic.
	indeg := make([]int, J)
	for j := range J {
		indeg[j] = len(m.pred[j])
	}
	done := make([]bool, J)
	for len(m.order) < J {
		next := -1
		for j := range J {
			if !done[j] && indeg[j] == 0 {
				next = j
				break
			}
		}
		if next < 0 {
			var on []string
			for j := range J {
				if !done[j] {
					on = append(on, fmt.Sprintf("%q", m.cons[j].Name))
				}
			}
			return nil, errorf("paths among constructs %v form a cycle: %w: %w", on, ErrCycle, ErrModel)
		}
		done[next] = true
		m.order = append(m.order, next)
		for _, s := range m.succ[next] {
			indeg[s]--
		}
	}
	return m, nil
}

func (m *Model) valid() bool { return m != nil && len(m.cons) >= 2 }

func errNoModel() error { return errorf("nil or zero model: %w", ErrModel) }

// NumConstructs returns the number of constructs J (0 for a nil or zero
// model).
func (m *Model) NumConstructs() int {
	if m == nil {
		return 0
	}
	return len(m.cons)
}

// NumIndicators returns the number of indicators K (0 for a nil or zero
// model).
func (m *Model) NumIndicators() int {
	if m == nil {
		return 0
	}
	return len(m.ind)
}

// Constructs returns a copy of the constructs in reporting order.
func (m *Model) Constructs() []Construct {
	if m == nil {
		return nil
	}
	out := make([]Construct, len(m.cons))
	for j, c := range m.cons {
		out[j] = Construct{Name: c.Name, Indicators: slices.Clone(c.Indicators), Mode: c.Mode}
	}
	return out
}

// Paths returns a copy of the structural paths in specification order.
func (m *Model) Paths() []Path {
	if m == nil {
		return nil
	}
	return slices.Clone(m.paths)
}

// Indicators returns the indicator names in the model's order (construct
// by construct, each block in its specification order): the column order
// of data and covariance matrices given to the model.
func (m *Model) Indicators() []string {
	if m == nil {
		return nil
	}
	return slices.Clone(m.ind)
}

// ConstructIndex returns the index of the named construct, or −1.
func (m *Model) ConstructIndex(name string) int {
	if m == nil {
		return -1
	}
	if j, ok := m.cindex[name]; ok {
		return j
	}
	return -1
}

// IndicatorIndex returns the column of the named indicator, or −1.
func (m *Model) IndicatorIndex(name string) int {
	if m == nil {
		return -1
	}
	if k, ok := m.iindex[name]; ok {
		return k
	}
	return -1
}

// Spec returns a copy of the specification the model was built from.
func (m *Model) Spec() Spec {
	return Spec{Constructs: m.Constructs(), Paths: m.Paths()}
}
