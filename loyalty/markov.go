package loyalty

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
	"gonum.org/v1/gonum/mat"
)

// MarkovChain models a customer relationship as a Markov chain (Pfeifer &
// Carraway 2000): a customer is in one of a few states (recency classes,
// trust stages, "lost"), moves between them each period with the
// probabilities of a transition matrix, and yields a reward (margin, or a
// negative cost such as a mailing) in each state. Create one with
// [NewMarkovChain]; it is immutable and safe for concurrent use. The zero
// value has no states: its methods return an error wrapping [ErrEmpty]
// (or, for States, nothing).
type MarkovChain struct {
	states []string
	p      [][]float64
	reward []decimal.Decimal
	r      []float64 // reward as float64, for the matrix algebra
}

// markovRowTolerance is how far a transition row may sum from 1.
const markovRowTolerance = 1e-9

// markovMaxCond is the largest condition number of I − P/(1+d), on the
// states whose value is not zero by construction, that Value accepts for
// an infinite horizon: beyond it the solution could be wrong by more than
// about 1e-4 of its size.
const markovMaxCond = 1e12

// NewMarkovChain validates and returns a chain: p must be square with one
// row per state, every entry in [0, 1] and every row summing to 1 (within
// 1e-9; rows are rescaled to sum to 1); reward has one value per state,
// each within the range of float64 (|reward| < 1.8e308). Errors wrap
// [ErrEmpty] for no states, [ErrLength] for mismatched lengths and
// [ErrInvalid] otherwise, and name the row or entry.
func NewMarkovChain(states []string, p [][]float64, reward []decimal.Decimal) (*MarkovChain, error) {
	n := len(states)
	if n == 0 {
		return nil, fmt.Errorf("loyalty: Markov chain has no states: %w", ErrEmpty)
	}
	if len(p) != n || len(reward) != n {
		return nil, fmt.Errorf("loyalty: Markov chain with %d states, %d rows, %d rewards: %w", n, len(p), len(reward), ErrLength)
	}
	c := &MarkovChain{states: append([]string(nil), states...), p: make([][]float64, n),
		reward: append([]decimal.Decimal(nil), reward...), r: make([]float64, n)}
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
		c.p[i] = make([]float64, n)
		for j, v := range row {
			c.p[i][j] = v / sum
		}
	}
	for i, v := range reward {
		if err := checkAmount(fmt.Sprintf("Markov chain reward of state %d (%s)", i, states[i]), v); err != nil {
			return nil, err
		}
		f := v.InexactFloat64()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, fmt.Errorf("loyalty: Markov chain reward of state %d (%s) = %s is outside the range of float64: %w", i, states[i], v, ErrInvalid)
		}
		c.r[i] = f
	}
	return c, nil
}

// States returns the chain's state names (nothing for a nil or zero chain).
func (c *MarkovChain) States() []string {
	if c == nil {
		return nil
	}
	return append([]string(nil), c.states...)
}

// Value returns the expected discounted value of a customer starting in
// each state, with the reward of the current period received now and
// later rewards discounted at d per period (Pfeifer & Carraway 2000). With
// M = P/(1+d) and the rewards R,
//
//	finite horizon T:   V = Σₜ₌₀^{T−1} Mᵗ R
//	infinite (T = 0):   V = Σₜ₌₀^∞   Mᵗ R = (I − M)⁻¹ R
//
// The discount rate d is a fraction per period in [0, 1] (0.1 for 10%).
//
// A finite horizon is summed by binary powering, S(2k) = S(k) + Mᵏ S(k)
// and S(k+1) = R + M S(k), so the work is O(n³ log T) for n states
// whatever T (short horizons, T ≤ 64n, are summed term by term).
//
// The infinite sum is solved on the states from which a state with a
// non-zero reward can be reached; the value of every other state is 0.
// So a chain whose "lost" state is absorbing with reward 0 has a value
// even undiscounted (d = 0), as long as the rewarding states are left
// with certainty in the end: the two-state example P = [[.8, .2], [0, 1]],
// R = {100, 0}, d = 0 gives V = {500, 0}. The remaining system
// (I − P_SS/(1+d)) V_S = R_S is solved by LU decomposition (gonum/mat).
//
// The rewards are converted to float64 for the matrix algebra (about 15
// significant digits) and the values rounded half away from zero to
// cents. Errors wrap [ErrEmpty] for a nil or zero chain and [ErrInvalid]
// for d outside [0, 1] or NaN, a negative horizon, an infinite-horizon
// value that does not exist (d = 0 and a rewarding state is never left)
// or cannot be computed reliably (condition number above 1e12), or a
// value outside the range of float64.
//
// The simple retention CLV is its two-state special case: states
// {customer, lost}, P = [[r, 1−r], [0, 1]], rewards {m, 0} give
// V(customer) = m(1+d)/(1+d−r), the StartOfPeriod convention of [CLV].
func (c *MarkovChain) Value(d float64, horizon int) ([]decimal.Decimal, error) {
	if c == nil || len(c.states) == 0 {
		return nil, fmt.Errorf("loyalty: Markov value of a chain with no states (use NewMarkovChain): %w", ErrEmpty)
	}
	if !(d >= 0 && d <= 1) {
		return nil, fmt.Errorf("loyalty: Markov value discount rate %v outside [0, 1] (a fraction per period): %w", d, ErrInvalid)
	}
	if horizon < 0 {
		return nil, fmt.Errorf("loyalty: Markov value horizon %d is negative: %w", horizon, ErrInvalid)
	}
	var v []float64
	var err error
	if horizon > 0 {
		v = c.finiteValue(d, horizon)
	} else if v, err = c.infiniteValue(d); err != nil {
		return nil, err
	}
	out := make([]decimal.Decimal, len(v))
	for i, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("loyalty: Markov value of state %d (%s) is outside the range of float64: %w", i, c.states[i], ErrInvalid)
		}
		out[i] = decimal.NewFromFloat(x).Round(2)
	}
	return out, nil
}

// finiteValue returns Σₜ₌₀^{T−1} (P/(1+d))ᵗ R.
func (c *MarkovChain) finiteValue(d float64, horizon int) []float64 {
	n := len(c.states)
	m := mat.NewDense(n, n, nil)
	for i, row := range c.p {
		for j, v := range row {
			m.Set(i, j, v/(1+d))
		}
	}
	r := mat.NewVecDense(n, append([]float64(nil), c.r...))
	s := mat.NewVecDense(n, nil) // S(k) = Σ_{t<k} Mᵗ R
	var tmp mat.VecDense
	if horizon <= 64*n {
		for t := 0; t < horizon; t++ { // S(k+1) = R + M S(k)
			tmp.MulVec(m, s)
			s.AddVec(r, &tmp)
		}
		return s.RawVector().Data
	}
	a := mat.NewDense(n, n, nil) // Mᵏ
	for i := 0; i < n; i++ {
		a.Set(i, i, 1)
	}
	var tmpM mat.Dense
	for b := bits.Len(uint(horizon)) - 1; b >= 0; b-- {
		// k → 2k
		tmp.MulVec(a, s)
		s.AddVec(s, &tmp)
		tmpM.Mul(a, a)
		a.Copy(&tmpM)
		if horizon>>uint(b)&1 == 1 { // k → k+1
			tmp.MulVec(m, s)
			s.AddVec(r, &tmp)
			tmpM.Mul(m, a)
			a.Copy(&tmpM)
		}
	}
	return s.RawVector().Data
}

// infiniteValue returns Σₜ (P/(1+d))ᵗ R, or an error if it does not exist
// or cannot be computed reliably.
func (c *MarkovChain) infiniteValue(d float64) ([]float64, error) {
	n := len(c.states)
	// live[i]: a state with a non-zero reward can be reached from i.
	live := make([]bool, n)
	queue := make([]int, 0, n)
	for i, x := range c.r {
		if x != 0 {
			live[i] = true
			queue = append(queue, i)
		}
	}
	for len(queue) > 0 {
		j := queue[0]
		queue = queue[1:]
		for i := range c.p {
			if !live[i] && c.p[i][j] > 0 {
				live[i] = true
				queue = append(queue, i)
			}
		}
	}
	var idx []int
	for i, l := range live {
		if l {
			idx = append(idx, i)
		}
	}
	v := make([]float64, n)
	if len(idx) == 0 {
		return v, nil
	}
	if d == 0 {
		// Undiscounted, the sum exists only if every live state leaves the
		// live states with certainty in the end: each must reach one with
		// a transition out of them.
		leaks := make([]bool, n)
		queue = queue[:0]
		for _, i := range idx {
			for j, pij := range c.p[i] {
				if pij > 0 && !live[j] {
					leaks[i] = true
					queue = append(queue, i)
					break
				}
			}
		}
		for len(queue) > 0 {
			j := queue[0]
			queue = queue[1:]
			for _, i := range idx {
				if !leaks[i] && c.p[i][j] > 0 {
					leaks[i] = true
					queue = append(queue, i)
				}
			}
		}
		for _, i := range idx {
			if !leaks[i] {
				return nil, fmt.Errorf("loyalty: Markov value: undiscounted (d = 0), state %d (%s) keeps earning rewards forever: the infinite-horizon value does not exist: %w", i, c.states[i], ErrInvalid)
			}
		}
	}
	k := len(idx)
	// ((1+d)I − P_SS) V_S = (1+d) R_S, with the diagonal as (1 − pᵢᵢ) + d
	// so that a small d is not lost in 1 + d.
	a := mat.NewDense(k, k, nil)
	b := mat.NewVecDense(k, nil)
	for ii, i := range idx {
		for jj, j := range idx {
			if i == j {
				a.Set(ii, jj, (1-c.p[i][j])+d)
			} else {
				a.Set(ii, jj, -c.p[i][j])
			}
		}
		b.SetVec(ii, c.r[i]*(1+d))
	}
	var lu mat.LU
	lu.Factorize(a)
	if cond := lu.Cond(); !(cond <= markovMaxCond) {
		return nil, fmt.Errorf("loyalty: Markov value: I − P/(1+d) has condition number %.3g at d = %v, above %g: the infinite-horizon value does not exist or cannot be computed reliably: %w", cond, d, markovMaxCond, ErrInvalid)
	}
	var x mat.VecDense
	if err := lu.SolveVecTo(&x, false, b); err != nil {
		return nil, fmt.Errorf("loyalty: Markov value: %v: %w", err, ErrInvalid)
	}
	for ii, i := range idx {
		v[i] = x.AtVec(ii)
	}
	return v, nil
}
