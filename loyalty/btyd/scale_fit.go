package btyd

import (
	"cmp"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// Fits on many distinct histories start from the estimate on a
// systematic sample of them: the optimiser's first iterations, far from
// the maximum, are the expensive ones, and the estimate on a sample of
// 10,000 histories is close enough to the full one that a few iterations
// on all the data finish the fit. The full fit applies every criterion of
// FitInfo, so the result is the maximum-likelihood estimate on all the
// data as without the warm start (the same to the precision of the
// stopping rule, a relative 10⁻⁶).
const (
	// scaleWarmHistories is the number of distinct histories above
	// which a fit starts from a sample's estimate.
	scaleWarmHistories = 50_000
	// scaleWarmSample is the size of the first sample; further samples,
	// each started from the previous estimate, are 10 times larger while
	// they hold at most a fifth of the histories.
	scaleWarmSample = 10_000
)

// scaleWarmStart returns a start for fp and the Cholesky factor of the
// Hessian of the penalised negative log-likelihood in θ there, from fits
// of successively larger samples of the histories (each started from the
// previous one's estimate and Hessian), or nil, nil when the data are
// small, the caller gave a start, or a sample's fit fails.
func scaleWarmStart(fp fitProblem, opts *FitOptions) ([]float64, *mat.Cholesky) {
	if fp.sample == nil || fp.histories <= scaleWarmHistories || opts != nil && opts.Start != nil {
		return nil, nil
	}
	var o FitOptions
	if opts != nil {
		o.MaxIterations, o.Penalty = opts.MaxIterations, opts.Penalty
	}
	var start []float64
	var warm *mat.Cholesky
	for size := scaleWarmSample; size <= fp.histories/5; size *= 10 {
		sp := fp.sample(fp.histories / size)
		est, _, h, err := fitLogSpaceFrom(sp, &o, warm)
		if err != nil || h == nil {
			break
		}
		var chol mat.Cholesky
		if !chol.Factorize(h) {
			break
		}
		o.Start, start, warm = est, est, &chol
	}
	if warm == nil {
		return nil, nil
	}
	return start, warm
}

// sampleEvery returns the indices of every k-th of n histories and the
// factor that scales the sample's weights to the total weight.
func sampleEvery(w []float64, k int) (idx []int, factor float64) {
	var all, part float64
	for i, v := range w {
		all += v
		if i%k == 0 {
			idx = append(idx, i)
			part += v
		}
	}
	if part == 0 {
		return idx, 1
	}
	return idx, all / part
}

// sample returns every k-th history of d, weighted to d's total.
func (d *pnbdData) sample(k int) *pnbdData {
	idx, f := sampleEvery(d.w, k)
	s := &pnbdData{n: d.n}
	for _, i := range idx {
		s.x = append(s.x, d.x[i])
		s.tx = append(s.tx, d.tx[i])
		s.t = append(s.t, d.t[i])
		s.w = append(s.w, d.w[i]*f)
		s.rep = s.rep || d.x[i] > 0
	}
	return s
}

// sample returns every k-th history of d (repeat buyers and the others
// separately), weighted to d's totals.
func (d *bgnbdData) sample(k int) *bgnbdData {
	s := &bgnbdData{n: d.n}
	idx, f := sampleEvery(d.w, k)
	for _, i := range idx {
		s.x = append(s.x, d.x[i])
		s.tx = append(s.tx, d.tx[i])
		s.t = append(s.t, d.t[i])
		s.w = append(s.w, d.w[i]*f)
		if d.x[i] <= bgnbdSmallX {
			s.small = max(s.small, d.x[i])
		}
	}
	idx, f = sampleEvery(d.zeroW, k)
	for _, i := range idx {
		s.zeroT = append(s.zeroT, d.zeroT[i])
		s.zeroW = append(s.zeroW, d.zeroW[i]*f)
	}
	s.tab = make([]float64, 5*(s.small+1))
	return s
}

// historyKey is a customer history (x, t_x, T) for grouping.
type historyKey struct {
	x     int
	tx, t float64
}

// groupHistories sorts keys by (x, t_x, T) and calls emit once per
// distinct history with the number of customers sharing it: a sort of
// the keys rather than a map, whose cost at a million distinct histories
// is several times a sort's.
func groupHistories(keys []historyKey, emit func(k historyKey, w float64)) {
	slices.SortFunc(keys, func(a, b historyKey) int {
		if c := cmp.Compare(a.x, b.x); c != 0 {
			return c
		}
		if c := cmp.Compare(a.tx, b.tx); c != 0 {
			return c
		}
		return cmp.Compare(a.t, b.t)
	})
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		emit(keys[i], float64(j-i))
		i = j
	}
}

// sampledData is a likelihood's data that bounds its log-likelihood
// cheaply and can be cut to a systematic sample of its histories (the
// BG/NBD's and the Pareto/NBD's).
type sampledData[D any] interface {
	ll(p, g []float64) float64
	upper(p []float64, target float64) float64
	sample(k int) D
}

// withSamples returns fp with the bound of d and its sampled problems for
// the warm start of fits on more than scaleWarmHistories of its h distinct
// histories: each sample is fp on d.sample(k), with its own bound.
func withSamples[D sampledData[D]](fp fitProblem, d D, h int) fitProblem {
	fp.upper = d.upper
	fp.histories = h
	fp.sample = func(k int) fitProblem {
		sd := d.sample(k)
		sp := fp
		sp.ll = func(p []float64) float64 { return sd.ll(p, nil) }
		sp.grad = func(p, g []float64) { sd.ll(p, g) }
		sp.upper = sd.upper
		sp.sample = nil
		return sp
	}
	return fp
}
