package pls

import (
	"fmt"
	"math"
)

// Accumulator collects the co-moments of a model's indicators one
// respondent at a time, in constant memory (O(K²) for K indicators), so a
// model can be fitted on millions of respondents, or on shards merged
// exactly. Complete respondents update the means and the co-moment matrix
// by Welford's algorithm (Welford 1962); respondents with a missing answer
// (NaN) update pairwise co-moments of the indicators they answered, kept
// apart, so that both [Listwise] and [Pairwise] moments can be asked for at
// the end. [Accumulator.Merge] combines two accumulators by the pairwise
// update formulas of Chan, Golub & LeVeque (1979), exactly (up to
// rounding) as if one had seen all the respondents.
//
// The zero value is ready to use: the first row sets the number of
// indicators. An Accumulator is not safe for concurrent use; its read
// methods (N, Moments) do not mutate it and may run concurrently with each
// other; the source of a Merge is only read.
type Accumulator struct {
	k     int
	rows  int64     // every row added
	n     int64     // complete rows
	mean  []float64 // K, complete rows
	m2    []float64 // K×K co-moments, complete rows (upper triangle kept)
	d     []float64 // scratch
	obs   []int     // scratch
	pn    []int64   // K×K pair counts, incomplete rows (i ≤ j)
	pmean []float64 // K×K: [i*K+j] mean of i over rows with i and j
	pm2   []float64 // K×K: [i*K+j] squared deviations of i over those rows
	pc    []float64 // K×K: [i*K+j] (i < j) co-moment of i and j
}

// NewAccumulator returns an empty accumulator for the model's indicators
// (rows of m.NumIndicators() values in [Model.Indicators] order).
func NewAccumulator(m *Model) *Accumulator {
	a := &Accumulator{}
	if m != nil && len(m.ind) > 0 {
		a.init(len(m.ind))
	}
	return a
}

func (a *Accumulator) init(k int) {
	a.k = k
	a.mean = make([]float64, k)
	a.m2 = make([]float64, k*k)
	a.d = make([]float64, k)
	a.obs = make([]int, 0, k)
}

func (a *Accumulator) initPairs() {
	k := a.k
	a.pn = make([]int64, k*k)
	a.pmean = make([]float64, k*k)
	a.pm2 = make([]float64, k*k)
	a.pc = make([]float64, k*k)
}

// N returns the number of rows added (complete or not).
func (a *Accumulator) N() int64 {
	if a == nil {
		return 0
	}
	return a.rows
}

// Complete returns the number of rows without a missing answer.
func (a *Accumulator) Complete() int64 {
	if a == nil {
		return 0
	}
	return a.n
}

// Add adds one respondent's answers: one value per indicator, NaN for a
// missing answer. A row of the wrong length, or with ±Inf or a magnitude
// above [MaxValue], is an error wrapping [ErrLength] or [ErrValue] and
// changes nothing; so is a nil accumulator ([ErrValue]).
func (a *Accumulator) Add(row []float64) error {
	if a == nil {
		return errorf("accumulator: nil: %w", ErrValue)
	}
	if err := a.check(row); err != nil {
		return errorf("%w", err)
	}
	if a.k == 0 {
		a.init(len(row))
	}
	a.add(row)
	return nil
}

func (a *Accumulator) check(row []float64) error {
	switch {
	case a.k == 0 && len(row) == 0:
		return fmt.Errorf("row: no values: %w", ErrEmpty)
	case a.k == 0 && len(row) > MaxIndicators:
		return fmt.Errorf("row: %d values, more than MaxIndicators = %d: %w: %w", len(row), MaxIndicators, ErrLength, ErrLimit)
	case a.k != 0 && len(row) != a.k:
		return fmt.Errorf("row: %d values, accumulator has %d indicators: %w", len(row), a.k, ErrLength)
	}
	for k, x := range row {
		if math.IsInf(x, 0) || math.Abs(x) > MaxValue {
			return fmt.Errorf("row: indicator %d: value %v: %w", k, x, ErrValue)
		}
	}
	return nil
}

// add adds a checked row.
func (a *Accumulator) add(row []float64) {
	if a.k == 0 {
		a.init(len(row))
	}
	K := a.k
	a.rows++
	a.obs = a.obs[:0]
	for k, x := range row {
		if !math.IsNaN(x) {
			a.obs = append(a.obs, k)
		}
	}
	if len(a.obs) == K {
		a.n++
		n := float64(a.n)
		f := (n - 1) / n
		for k, x := range row {
			d := x - a.mean[k]
			a.d[k] = d
			a.mean[k] += d / n
		}
		for i := range K {
			di := f * a.d[i]
			if di == 0 {
				continue
			}
			m2 := a.m2[i*K : i*K+K]
			for j := i; j < K; j++ {
				m2[j] += di * a.d[j]
			}
		}
		return
	}
	if len(a.obs) == 0 {
		return
	}
	if a.pn == nil {
		a.initPairs()
	}
	for x, i := range a.obs {
		xi := row[i]
		for _, j := range a.obs[x:] {
			ij := i*K + j
			a.pn[ij]++
			n := float64(a.pn[ij])
			di := xi - a.pmean[ij]
			a.pmean[ij] += di / n
			ei := xi - a.pmean[ij]
			a.pm2[ij] += di * ei
			if i == j {
				continue
			}
			ji := j*K + i
			xj := row[j]
			dj := xj - a.pmean[ji]
			a.pmean[ji] += dj / n
			ej := xj - a.pmean[ji]
			a.pm2[ji] += dj * ej
			a.pc[ij] += di * ej
		}
	}
}

// Merge adds the respondents of o to a, exactly (Chan, Golub & LeVeque
// 1979). o is only read. Accumulators of different numbers of indicators
// are an error wrapping [ErrLength] and change nothing; a nil o adds
// nothing.
func (a *Accumulator) Merge(o *Accumulator) error {
	if a == nil {
		return errorf("accumulator: nil: %w", ErrValue)
	}
	if o == nil || o.rows == 0 {
		return nil
	}
	if a.k != 0 && a.k != o.k {
		return errorf("merge: accumulators of %d and %d indicators: %w", a.k, o.k, ErrLength)
	}
	if a.k == 0 {
		a.init(o.k)
	}
	K := a.k
	a.rows += o.rows
	if o.n > 0 {
		na, nb := float64(a.n), float64(o.n)
		n := na + nb
		for i := range K {
			a.d[i] = o.mean[i] - a.mean[i]
		}
		f := na * nb / n
		for i := range K {
			for j := i; j < K; j++ {
				a.m2[i*K+j] += o.m2[i*K+j] + f*a.d[i]*a.d[j]
			}
		}
		for i := range K {
			a.mean[i] += a.d[i] * nb / n
		}
		a.n += o.n
	}
	if o.pn != nil {
		if a.pn == nil {
			a.initPairs()
		}
		for i := range K {
			for j := i; j < K; j++ {
				ij, ji := i*K+j, j*K+i
				nb := o.pn[ij]
				if nb == 0 {
					continue
				}
				na := a.pn[ij]
				n := float64(na + nb)
				f := float64(na) * float64(nb) / n
				di := o.pmean[ij] - a.pmean[ij]
				a.pm2[ij] += o.pm2[ij] + f*di*di
				a.pmean[ij] += di * float64(nb) / n
				if i != j {
					dj := o.pmean[ji] - a.pmean[ji]
					a.pm2[ji] += o.pm2[ji] + f*dj*dj
					a.pmean[ji] += dj * float64(nb) / n
					a.pc[ij] += o.pc[ij] + f*di*dj
				}
				a.pn[ij] = na + nb
			}
		}
	}
	return nil
}

// Moments returns the sample moments of the accumulated rows under the
// missing rule (see [Missing]). Fewer than two usable respondents (for a
// pair, under Pairwise) is an error wrapping [ErrSingular]; an empty
// accumulator wraps [ErrEmpty].
func (a *Accumulator) Moments(missing Missing) (Moments, error) {
	if a == nil || a.rows == 0 {
		return Moments{}, errorf("accumulator: no respondents: %w", ErrEmpty)
	}
	if missing != Listwise && missing != Pairwise {
		return Moments{}, errorf("missing %d: %w", int8(missing), ErrValue)
	}
	mo, err := a.moments(missing)
	if err != nil {
		return Moments{}, errorf("%w", err)
	}
	return mo, nil
}

// moments computes the moments; errors carry no prefix.
func (a *Accumulator) moments(missing Missing) (Moments, error) {
	K := a.k
	if a.rows == 0 || K == 0 {
		return Moments{}, fmt.Errorf("accumulator: no respondents: %w", ErrEmpty)
	}
	cov := make([][]float64, K)
	for i := range cov {
		cov[i] = make([]float64, K)
	}
	if missing == Listwise || a.pn == nil {
		if a.n < 2 {
			return Moments{}, fmt.Errorf("accumulator: %d complete respondents, need at least 2: %w", a.n, ErrSingular)
		}
		d := float64(a.n - 1)
		for i := range K {
			for j := i; j < K; j++ {
				v := a.m2[i*K+j] / d
				cov[i][j], cov[j][i] = v, v
			}
		}
		return Moments{N: a.n, Mean: append([]float64(nil), a.mean...), Cov: cov}, nil
	}
	// Pairwise: combine the complete rows' statistics of each pair with the
	// incomplete rows' by Chan's update.
	type pair struct{ n, mi, mj, si, sj, c float64 }
	get := func(i, j int) pair {
		na := float64(a.n)
		lo, hi := min(i, j), max(i, j)
		p := pair{n: na, mi: a.mean[i], mj: a.mean[j], si: a.m2[i*K+i], sj: a.m2[j*K+j], c: a.m2[lo*K+hi]}
		nb := float64(a.pn[lo*K+hi])
		if nb == 0 {
			return p
		}
		bmi, bmj := a.pmean[i*K+j], a.pmean[j*K+i]
		bsi, bsj := a.pm2[i*K+j], a.pm2[j*K+i]
		bc := a.pc[lo*K+hi]
		if i == j {
			bmj, bsj, bc = bmi, bsi, bsi
		}
		n := na + nb
		f := na * nb / n
		di, dj := bmi-p.mi, bmj-p.mj
		return pair{n: n, mi: p.mi + di*nb/n, mj: p.mj + dj*nb/n,
			si: p.si + bsi + f*di*di, sj: p.sj + bsj + f*dj*dj, c: p.c + bc + f*di*dj}
	}
	mean := make([]float64, K)
	sd := make([]float64, K)
	nmin := int64(math.MaxInt64)
	for i := range K {
		p := get(i, i)
		if p.n < 2 {
			return Moments{}, fmt.Errorf("accumulator: indicator %d answered by %v respondents, need at least 2: %w", i, p.n, ErrSingular)
		}
		mean[i] = p.mi
		sd[i] = math.Sqrt(p.si / (p.n - 1))
	}
	for i := range K {
		cov[i][i] = sd[i] * sd[i]
		for j := i + 1; j < K; j++ {
			p := get(i, j)
			if p.n < 2 {
				return Moments{}, fmt.Errorf("accumulator: indicators %d and %d both answered by %v respondents, need at least 2: %w", i, j, p.n, ErrSingular)
			}
			nmin = min(nmin, int64(p.n))
			if !(p.si > 0 && p.sj > 0) {
				return Moments{}, fmt.Errorf("accumulator: indicators %d and %d: one does not vary among the respondents who answered both: %w", i, j, ErrSingular)
			}
			r := p.c / math.Sqrt(p.si*p.sj)
			v := r * sd[i] * sd[j]
			cov[i][j], cov[j][i] = v, v
		}
	}
	if K == 1 {
		nmin = int64(get(0, 0).n)
	}
	return Moments{N: nmin, Mean: mean, Cov: cov}, nil
}
