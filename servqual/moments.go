package servqual

// welford holds the count, mean and sum of squared deviations (M2) of one
// variable, updated one value at a time (Welford 1962) and merged exactly
// (Chan, Golub & LeVeque 1979).
type welford struct {
	n, mean, m2 float64
}

func (w *welford) add(x float64) {
	w.n++
	d := x - w.mean
	w.mean += d / w.n
	w.m2 += d * (x - w.mean)
}

func (w *welford) merge(o welford) {
	if o.n == 0 {
		return
	}
	if w.n == 0 {
		*w = o
		return
	}
	n := w.n + o.n
	d := o.mean - w.mean
	w.mean += d * o.n / n
	w.m2 += o.m2 + d*d*w.n*o.n/n
	w.n = n
}

// block holds the complete-case co-moments of k variables: the count, the
// mean vector and the co-moment matrix C, where C[i][j] = Σ (xᵢ − x̄ᵢ)(xⱼ −
// x̄ⱼ) and C/(n − 1) is the sample covariance matrix. Only the upper
// triangle (j ≥ i) of the row-major k×k matrix is maintained.
//
// One observation x updates it ([block.addc]) by the one-pass formulas
// (Welford 1962)
//
//	δ = x − x̄;  x̄ += δ/n;  C[i][j] += (n − 1)/n · δᵢ δⱼ
//
// and two blocks merge exactly by Chan et al.'s pairwise formula
//
//	C = C_A + C_B + δᵢ δⱼ n_A n_B / n,   δ = x̄_B − x̄_A.
//
// A block of integer ratings may also keep exact integer sums of the
// responses added since it was last read (x, see [exactSums]); n, mean
// and c then hold the state without them, and [block.flush] folds them
// in. Everything that reads a block flushes it first.
type block struct {
	k    int
	n    float64
	mean []float64
	c    []float64
	d    []float64  // scratch
	x    *exactSums // nil: every observation goes through addc
}

func newBlock(k int) block {
	buf := make([]float64, 2*k+k*k)
	return block{k: k, mean: buf[:k:k], d: buf[k : 2*k : 2*k], c: buf[2*k:]}
}

// invCache remembers 1/n and (n − 1)/n for the last count n asked for:
// the blocks one response updates mostly share their count, so one
// division serves them all.
type invCache struct{ n, inv, f float64 }

func (c *invCache) at(n float64) (inv, f float64) {
	if n != c.n {
		c.n, c.inv = n, 1/n
		c.f = (n - 1) * c.inv
	}
	return c.inv, c.f
}

// addc is add with the reciprocal of the count taken from c, calling
// the unrolled update of the common sizes directly.
func (b *block) addc(x []float64, c *invCache) {
	b.n++
	inv, f := c.at(b.n)
	switch b.k {
	case 4:
		b.add4(x, inv, f)
	case 5:
		b.add5(x, inv, f)
	case 6:
		b.add6(x, inv, f)
	default:
		b.update(x, inv, f)
	}
}

// update is the rest of add once the count is b.n, inv = 1/b.n and f =
// (b.n − 1)/b.n.
func (b *block) update(x []float64, inv, f float64) {
	if b.addUnrolled(x, inv, f) {
		return
	}
	k := b.k
	d := b.d[:k]
	mean := b.mean[:k]
	x = x[:k]
	for i, xi := range x {
		di := xi - mean[i]
		d[i] = di
		mean[i] += di * inv
	}
	c := b.c[:k*k]
	for i, di := range d {
		fi := f * di
		dd := d[i:]
		row := c[i*k+i:]
		row = row[:len(dd)]
		for j, dj := range dd {
			row[j] += fi * dj
		}
	}
}

func (b *block) merge(o *block) {
	if o.n == 0 {
		return
	}
	if b.n == 0 {
		b.n = o.n
		copy(b.mean, o.mean)
		copy(b.c, o.c)
		return
	}
	n := b.n + o.n
	f := b.n * o.n / n
	k := b.k
	for i := 0; i < k; i++ {
		b.d[i] = o.mean[i] - b.mean[i]
	}
	for i := 0; i < k; i++ {
		for j := i; j < k; j++ {
			b.c[i*k+j] += o.c[i*k+j] + b.d[i]*b.d[j]*f
		}
	}
	for i := 0; i < k; i++ {
		b.mean[i] += b.d[i] * o.n / n
	}
	b.n = n
}

// meanStat returns the mean and the sample variance of the unweighted mean
// of the k variables: x̄ = (1/k) Σ x̄ᵢ and var = (1/k²) Σᵢ Σⱼ cov(i, j).
// The double sum cancels when the variables vary but their mean does not,
// leaving rounding noise that depends on the order of additions and
// merges; a sum below zeroRel of the summed variances Σᵢ cov(i, i) is that
// noise and counts as zero.
func (b *block) meanStat() (mean, variance float64) {
	k := b.k
	var m, s, diag float64
	for i := 0; i < k; i++ {
		m += b.mean[i]
		s += b.c[i*k+i]
		diag += b.c[i*k+i]
		for j := i + 1; j < k; j++ {
			s += 2 * b.c[i*k+j]
		}
	}
	if s <= zeroRel*diag {
		s = 0
	}
	kf := float64(k)
	return m / kf, s / (kf * kf) / (b.n - 1)
}
