package servqual

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// ErrCollinear is returned (wrapped) when the drivers of a key-driver
// analysis are perfectly or nearly perfectly collinear, so that their
// effects cannot be separated.
var ErrCollinear = errors.New("drivers are collinear")

// MaxDrivers is the largest number of drivers for which the Shapley (LMG)
// decomposition is computed; it evaluates all 2ᵖ subsets of p drivers.
const MaxDrivers = 15

// collinearCond is the condition number of the driver correlation matrix
// above which drivers are treated as collinear.
const collinearCond = 1e10

// MinRSquared is the smallest R² for which a key-driver analysis reports
// shares: below it the drivers explain nothing measurable, Shapley/R² and
// Johnson/R² are ratios of rounding noise, and [Accumulator.KeyDrivers]
// returns an error wrapping [ErrUndefined] instead.
const MinRSquared = 1e-10

// Drivers is a key-driver analysis: the regression of an outcome rating on
// the dimension scores, over the respondents who answered every item and
// the outcome, computed from the accumulated co-moments.
//
// With R the correlation matrix of the p drivers and r their correlations
// with the outcome:
//
//   - Beta = R⁻¹r are the standardized regression coefficients and
//     R² = rᵀR⁻¹r.
//   - Shapley is the LMG decomposition of R² (Lindeman, Merenda & Gold
//     1980; Grömping 2006): each driver's increase in R² when it is added,
//     averaged over all p! orders of entry, computed exactly from the 2ᵖ
//     subset R² values with weights |S|!(p − |S| − 1)!/p!.
//   - Johnson is Johnson's (2000) relative weights: with R = VΛVᵀ and
//     Λ = R^{1/2} = VΛ^{1/2}Vᵀ, the outcome is regressed on the orthogonal
//     counterparts Z = XΛ⁻¹ (β* = Λ⁻¹r) and ε_j = Σₖ Λ²ⱼₖ β*ₖ².
//
// Both Shapley and Johnson sum to R²; ShapleyShare and JohnsonShare are
// the same weights as fractions of R² (they sum to 1). In a Drivers
// returned without error every number is finite. In a [Report], an
// analysis the data do not determine keeps the error's text in Reason,
// with RSquared NaN and the slices nil.
type Drivers struct {
	// Outcome is the outcome's key.
	Outcome string `json:"outcome"`
	// Measure is the measure of the dimension scores used as drivers.
	Measure Measure `json:"measure"`
	// N is the number of complete respondents.
	N int64 `json:"n"`
	// Keys names the drivers (the dimensions) in order.
	Keys []string `json:"keys"`
	// RSquared is the coefficient of determination of the regression
	// (NaN when Reason is set).
	RSquared float64 `json:"r_squared"`
	// Beta holds the standardized regression coefficients.
	Beta []float64 `json:"beta"`
	// Shapley holds the LMG shares of R².
	Shapley []float64 `json:"shapley"`
	// ShapleyShare holds Shapley / R².
	ShapleyShare []float64 `json:"shapley_share"`
	// Johnson holds Johnson's relative weights.
	Johnson []float64 `json:"johnson"`
	// JohnsonShare holds Johnson / R².
	JohnsonShare []float64 `json:"johnson_share"`
	// Reason says why the analysis is undefined; it is set only in a
	// Report, where the error of [Accumulator.KeyDrivers] is kept.
	Reason string `json:"reason,omitempty"`
}

// KeyDrivers regresses the outcome with the given key (an
// [OutcomeRating] of the instrument, such as "overall") on the dimension
// scores of measure m (Perception for a SERVPERF driver analysis, Gap for
// gap scores), over the respondents who answered every item and the
// outcome. Errors name the measure and outcome and wrap: [ErrInstrument]
// for an accumulator without instrument; [ErrArgument] if m is not a
// measure or the instrument has no outcome with that key;
// [ErrLimit] for more than [MaxDrivers] dimensions; [ErrUndefined] if
// fewer than p + 2 respondents (p dimensions) are complete, if a driver
// or the outcome has zero variance, or if R² is below [MinRSquared] (the
// shares of R² are then undefined); [ErrCollinear] if the drivers are
// collinear. A caller that needs weights in any case, such as
// importance for [IPA], falls back on stated importance when it gets an
// error.
func (a *Accumulator) KeyDrivers(m Measure, outcome string) (Drivers, error) {
	if !a.ready() {
		return Drivers{}, errNoInstrument("KeyDrivers")
	}
	if m < 0 || m >= NumMeasures {
		return Drivers{}, errorf("KeyDrivers: measure %v: not a measure: %w", m, ErrArgument)
	}
	o := a.in.OutcomeIndex(outcome)
	if o < 0 {
		return Drivers{}, errorf("KeyDrivers: outcome %q: instrument %s has no such outcome: %w", outcome, a.in.name, ErrArgument)
	}
	return a.keyDrivers(m, o)
}

// keyDrivers is KeyDrivers for a valid measure and outcome index.
func (a *Accumulator) keyDrivers(m Measure, o int) (Drivers, error) {
	b := &a.m[m].drivers[o]
	p := len(a.in.dims)
	keys := make([]string, p)
	for d, dim := range a.in.dims {
		keys[d] = dim.Key
	}
	return driversFrom(b, keys, a.in.outcomes[o].Key, m)
}

// driversFrom computes the analysis from a block whose last variable is
// the outcome.
func driversFrom(b *block, keys []string, outcome string, m Measure) (Drivers, error) {
	p := len(keys)
	dr := Drivers{Outcome: outcome, Measure: m, N: int64(b.n), Keys: keys, RSquared: math.NaN()}
	fail := func(format string, args ...any) (Drivers, error) {
		return dr, errorf("KeyDrivers of outcome %s on %v scores: %w", outcome, m, fmt.Errorf(format, args...))
	}
	if p > MaxDrivers {
		return fail("%d drivers, at most %d supported: %w", p, MaxDrivers, ErrLimit)
	}
	if b.n < float64(p+2) {
		return fail("need at least %d complete respondents, have %d: %w", p+2, dr.N, ErrUndefined)
	}
	k := p + 1
	co := func(i, j int) float64 {
		if i > j {
			i, j = j, i
		}
		return b.c[i*k+j]
	}
	sd := make([]float64, k)
	for i := 0; i < k; i++ {
		sd[i] = math.Sqrt(co(i, i))
		if !(sd[i] > 0) || math.IsInf(sd[i], 0) {
			name := outcome
			if i < p {
				name = keys[i]
			}
			return fail("%s has zero variance: %w", name, ErrUndefined)
		}
	}
	// Each root taken apart, so that tiny variances cannot underflow.
	corr := func(i, j int) float64 { return co(i, j) / sd[i] / sd[j] }
	rxx := mat.NewSymDense(p, nil)
	rxy := make([]float64, p)
	for i := 0; i < p; i++ {
		rxy[i] = corr(i, p)
		for j := i; j < p; j++ {
			rxx.SetSym(i, j, corr(i, j))
		}
	}
	var chol mat.Cholesky
	if ok := chol.Factorize(rxx); !ok || !(chol.Cond() <= collinearCond) {
		return fail("the correlation matrix of %v is singular or nearly so: %w", keys, ErrCollinear)
	}
	beta := mat.NewVecDense(p, nil)
	if err := chol.SolveVecTo(beta, mat.NewVecDense(p, rxy)); err != nil {
		return fail("%v: %w", err, ErrCollinear)
	}
	r2 := mat.Dot(beta, mat.NewVecDense(p, rxy))
	if !(r2 >= MinRSquared) {
		// The value itself is rounding noise, so it is not in the message.
		return fail("R² is below %g: the drivers explain none of the outcome, so their shares of R² are undefined: %w", MinRSquared, ErrUndefined)
	}
	shap := shapley(rxx, rxy)
	john, err := johnson(rxx, rxy)
	if err != nil {
		return fail("%w", err)
	}
	out := Drivers{Outcome: outcome, Measure: m, N: dr.N, Keys: keys, RSquared: r2, Beta: beta.RawVector().Data,
		Shapley: shap, Johnson: john, ShapleyShare: make([]float64, p), JohnsonShare: make([]float64, p)}
	for i := range keys {
		out.ShapleyShare[i] = shap[i] / r2
		out.JohnsonShare[i] = john[i] / r2
	}
	for _, v := range [][]float64{{r2}, out.Beta, out.Shapley, out.Johnson, out.ShapleyShare, out.JohnsonShare} {
		for _, x := range v {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fail("not finite in floating point: %w", ErrCollinear)
			}
		}
	}
	return out, nil
}

// shapley returns the LMG decomposition of R² from the subset R² values.
// Every subset of a positive-definite correlation matrix is positive
// definite, so each subset regression is solvable.
func shapley(rxx *mat.SymDense, rxy []float64) []float64 {
	p := len(rxy)
	n := 1 << p
	r2 := make([]float64, n)
	idx := make([]int, 0, p)
	for s := 1; s < n; s++ {
		idx = idx[:0]
		for j := 0; j < p; j++ {
			if s&(1<<j) != 0 {
				idx = append(idx, j)
			}
		}
		q := len(idx)
		sub := mat.NewSymDense(q, nil)
		rs := mat.NewVecDense(q, nil)
		for a, i := range idx {
			rs.SetVec(a, rxy[i])
			for b := a; b < q; b++ {
				sub.SetSym(a, b, rxx.At(i, idx[b]))
			}
		}
		var c mat.Cholesky
		c.Factorize(sub)
		var x mat.VecDense
		if err := c.SolveVecTo(&x, rs); err != nil {
			r2[s] = math.NaN()
			continue
		}
		r2[s] = mat.Dot(&x, rs)
	}
	// weight[q] = q!(p−q−1)!/p! for a subset of size q not containing j.
	weight := make([]float64, p)
	for q := 0; q < p; q++ {
		lw, _ := math.Lgamma(float64(q + 1))
		lw2, _ := math.Lgamma(float64(p - q))
		lp, _ := math.Lgamma(float64(p + 1))
		weight[q] = math.Exp(lw + lw2 - lp)
	}
	out := make([]float64, p)
	for s := 0; s < n; s++ {
		q := popcount(s)
		for j := 0; j < p; j++ {
			if s&(1<<j) == 0 {
				out[j] += weight[q] * (r2[s|1<<j] - r2[s])
			}
		}
	}
	return out
}

func popcount(x int) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// johnson returns Johnson's relative weights.
func johnson(rxx *mat.SymDense, rxy []float64) ([]float64, error) {
	p := len(rxy)
	var eig mat.EigenSym
	if ok := eig.Factorize(rxx, true); !ok {
		return nil, fmt.Errorf("eigendecomposition failed: %w", ErrCollinear)
	}
	vals := eig.Values(nil)
	var v mat.Dense
	eig.VectorsTo(&v)
	// Λ = V diag(√λ) Vᵀ, the symmetric square root of R.
	sq := mat.NewDense(p, p, nil)
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			var s float64
			for k := 0; k < p; k++ {
				s += v.At(i, k) * math.Sqrt(math.Max(vals[k], 0)) * v.At(j, k)
			}
			sq.Set(i, j, s)
		}
	}
	var bstar mat.VecDense
	if err := bstar.SolveVec(sq, mat.NewVecDense(p, rxy)); err != nil {
		return nil, fmt.Errorf("%v: %w", err, ErrCollinear)
	}
	out := make([]float64, p)
	for j := 0; j < p; j++ {
		for k := 0; k < p; k++ {
			l := sq.At(j, k)
			out[j] += l * l * bstar.AtVec(k) * bstar.AtVec(k)
		}
	}
	return out, nil
}
