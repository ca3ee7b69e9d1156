package pls

import "math"

// The estimation works on small dense matrices (a block of indicators, the
// predecessors of a construct) inside loops that run thousands of times per
// bootstrap, so it uses these allocation-free kernels on row-major slices
// rather than a general matrix package.

// cholesky factors the p×p symmetric matrix a (row-major, lower triangle
// read) in place into L with a = L·Lᵀ. It reports false when a pivot is not
// positive beyond rounding: a pivot below 1e-12 times its diagonal entry,
// which for a correlation matrix means an R² above 1 − 1e-12.
func cholesky(a []float64, p int) bool {
	for j := range p {
		d := a[j*p+j]
		orig := d
		for k := range j {
			d -= a[j*p+k] * a[j*p+k]
		}
		if !(d > 1e-12*math.Abs(orig)) || math.IsInf(d, 0) {
			return false
		}
		d = math.Sqrt(d)
		a[j*p+j] = d
		for i := j + 1; i < p; i++ {
			s := a[i*p+j]
			for k := range j {
				s -= a[i*p+k] * a[j*p+k]
			}
			a[i*p+j] = s / d
		}
	}
	return true
}

// cholSolve solves (L·Lᵀ) x = b in place in b, with L from cholesky.
func cholSolve(l []float64, p int, b []float64) {
	for i := range p {
		s := b[i]
		for k := range i {
			s -= l[i*p+k] * b[k]
		}
		b[i] = s / l[i*p+i]
	}
	for i := p - 1; i >= 0; i-- {
		s := b[i]
		for k := i + 1; k < p; k++ {
			s -= l[k*p+i] * b[k]
		}
		b[i] = s / l[i*p+i]
	}
}

// cholInverseDiag returns the diagonal of (L·Lᵀ)⁻¹ into d, using col as
// scratch of length p.
func cholInverseDiag(l []float64, p int, d, col []float64) {
	for i := range p {
		clear(col[:p])
		col[i] = 1
		cholSolve(l, p, col[:p])
		d[i] = col[i]
	}
}
