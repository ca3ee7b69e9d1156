package loyalty

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"
	"gonum.org/v1/gonum/mat"
)

// MarkovChain models a customer relationship as a Markov chain (Pfeifer &
// Carraway 2000): a customer is in one of a few states (recency classes,
// trust stages, "lost"), moves between them each period with the
// probabilities of a transition matrix, and yields a reward (margin, or a
// negative cost such as a mailing) in each state. Create one with
// [NewMarkovChain]; it is immutable.
type MarkovChain struct {
	states []string
	p      [][]float64
	reward []decimal.Decimal
}

// markovRowTolerance is how far a transition row may sum from 1.
const markovRowTolerance = 1e-9

// NewMarkovChain validates and returns a chain: p must be square with one
// row per state, every entry in [0, 1] and every row summing to 1 (within
// 1e-9); reward has one value per state. Errors wrap [ErrLength] or
// [ErrInvalid] and name the row.
func NewMarkovChain(states []string, p [][]float64, reward []decimal.Decimal) (*MarkovChain, error) {
	n := len(states)
	if n == 0 || len(p) != n || len(reward) != n {
		return nil, fmt.Errorf("loyalty: Markov chain with %d states, %d rows, %d rewards: %w", n, len(p), len(reward), ErrLength)
	}
	c := &MarkovChain{states: append([]string(nil), states...), p: make([][]float64, n), reward: append([]decimal.Decimal(nil), reward...)}
	for i, row := range p {
		if len(row) != n {
			return nil, fmt.Errorf("loyalty: Markov chain row %d (%s) has %d entries, want %d: %w", i, states[i], len(row), n, ErrLength)
		}
		var sum float64
		for j, v := range row {
			if !(v >= 0 && v <= 1) {
				return nil, fmt.Errorf("loyalty: Markov chain P[%d][%d] = %v outside [0, 1]: %w", i, j, v, ErrInvalid)
			}
			sum += v
		}
		if math.Abs(sum-1) > markovRowTolerance {
			return nil, fmt.Errorf("loyalty: Markov chain row %d (%s) sums to %v, not 1: %w", i, states[i], sum, ErrInvalid)
		}
		c.p[i] = append([]float64(nil), row...)
	}
	return c, nil
}

// States returns the chain's state names.
func (c *MarkovChain) States() []string { return append([]string(nil), c.states...) }

// Value returns the expected discounted value of a customer starting in
// each state, with the reward of the current period received now and
// later rewards discounted at d per period (Pfeifer & Carraway 2000):
//
//	finite horizon T:   V = Σₜ₌₀^{T−1} (P/(1+d))ᵗ R
//	infinite (T = 0):   V = (I − P/(1+d))⁻¹ R
//
// The infinite case is solved by LU decomposition (gonum/mat); it needs
// d > 0 unless the chain leaves the rewarding states with certainty. The
// rewards are converted to float64 for the matrix algebra (about 15
// significant digits) and the values rounded half away from zero to
// cents. Errors wrap [ErrInvalid] for d ≤ −1, NaN, a negative horizon or a
// singular system.
//
// The simple retention CLV is its two-state special case: states
// {customer, lost}, P = [[r, 1−r], [0, 1]], rewards {m, 0} give
// V(customer) = m(1+d)/(1+d−r), the StartOfPeriod convention of [CLV].
func (c *MarkovChain) Value(d float64, horizon int) ([]decimal.Decimal, error) {
	if !(d > -1) || math.IsInf(d, 1) {
		return nil, fmt.Errorf("loyalty: Markov value discount rate %v must be finite and > −1: %w", d, ErrInvalid)
	}
	if horizon < 0 {
		return nil, fmt.Errorf("loyalty: Markov value horizon %d is negative: %w", horizon, ErrInvalid)
	}
	n := len(c.states)
	r := make([]float64, n)
	for i, v := range c.reward {
		r[i] = v.InexactFloat64()
	}
	var v []float64
	if horizon > 0 {
		v = make([]float64, n)
		term := append([]float64(nil), r...) // (P/(1+d))ᵗ R
		next := make([]float64, n)
		for t := 0; t < horizon; t++ {
			for i := range v {
				v[i] += term[i]
			}
			for i := range next {
				var s float64
				for j, pij := range c.p[i] {
					s += pij * term[j]
				}
				next[i] = s / (1 + d)
			}
			term, next = next, term
		}
	} else {
		a := mat.NewDense(n, n, nil)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				e := -c.p[i][j] / (1 + d)
				if i == j {
					e++
				}
				a.Set(i, j, e)
			}
		}
		var lu mat.LU
		lu.Factorize(a)
		if lu.Det() == 0 || lu.Cond() > 1e14 {
			return nil, fmt.Errorf("loyalty: Markov value: I − P/(1+d) is singular (d = %v): the infinite-horizon value does not exist: %w", d, ErrInvalid)
		}
		var x mat.VecDense
		if err := lu.SolveVecTo(&x, false, mat.NewVecDense(n, r)); err != nil {
			return nil, fmt.Errorf("loyalty: Markov value: %v: %w", err, ErrInvalid)
		}
		v = x.RawVector().Data
	}
	out := make([]decimal.Decimal, n)
	for i, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("loyalty: Markov value of state %s is not finite: %w", c.states[i], ErrInvalid)
		}
		out[i] = decimal.NewFromFloat(x).Round(2)
	}
	return out, nil
}
