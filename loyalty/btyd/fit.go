package btyd

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
)

// FitOptions controls a maximum-likelihood fit; nil means the defaults.
type FitOptions struct {
	// Start holds starting values of the parameters, in the model's
	// parameter order (nil: the model's default start).
	Start []float64
	// MaxIterations bounds the optimiser's iterations (0: 1000).
	MaxIterations int
}

// FitInfo reports how a maximum-likelihood fit went.
//
// Fits maximise the log-likelihood over the logarithms of the (positive)
// parameters with BFGS and analytic gradients (gonum.org/v1/gonum/optimize).
// Standard errors are the square roots of the diagonal of the inverse of
// the observed information, the Hessian of −LL at the estimate, obtained
// by central differences of the analytic gradient; they are NaN where the
// Hessian is not positive definite.
type FitInfo struct {
	// LogLik is the maximised log-likelihood.
	LogLik float64 `json:"log_lik"`
	// Iterations is the number of optimiser iterations.
	Iterations int `json:"iterations"`
	// Evaluations is the number of likelihood evaluations.
	Evaluations int `json:"evaluations"`
	// Converged reports whether the gradient (in log parameters) vanished
	// before the iteration limit: below 1e-8·|LL|, or below 1e-6·|LL| where
	// floating-point rounding stopped the line search first. A fit whose
	// estimates leave [1e-8, 1e8] — a parameter the data cannot identify,
	// running off to a boundary — is not converged.
	Converged bool `json:"converged"`
	// StdErr holds the standard errors in parameter order.
	StdErr []float64 `json:"-"`
}

// fitProblem is a log-likelihood in positive parameters p with its
// gradient; fitLogSpace maximises it over θ = ln p.
type fitProblem struct {
	n     int
	ll    func(p []float64) float64
	grad  func(p, g []float64) // ∂LL/∂p
	start []float64
}

var errFitNaN = errors.New("non-finite log-likelihood")

func fitLogSpace(name string, fp fitProblem, opts *FitOptions) ([]float64, FitInfo, error) {
	start := fp.start
	maxIter := 1000
	if opts != nil {
		if opts.Start != nil {
			if len(opts.Start) != fp.n {
				return nil, FitInfo{}, fmt.Errorf("btyd: %s: %d starting values, want %d: %w", name, len(opts.Start), fp.n, ErrLength)
			}
			start = opts.Start
		}
		if opts.MaxIterations > 0 {
			maxIter = opts.MaxIterations
		}
	}
	theta := make([]float64, fp.n)
	for i, v := range start {
		if !(v > 0) || math.IsInf(v, 1) {
			return nil, FitInfo{}, fmt.Errorf("btyd: %s: starting value %d is %v, want > 0: %w", name, i, v, ErrInvalid)
		}
		theta[i] = math.Log(v)
	}
	p := make([]float64, fp.n)
	gp := make([]float64, fp.n)
	toP := func(th []float64) {
		for i, t := range th {
			p[i] = math.Exp(t)
		}
	}
	evals := 0
	prob := optimize.Problem{
		Func: func(th []float64) float64 {
			evals++
			toP(th)
			v := fp.ll(p)
			if math.IsNaN(v) {
				return math.Inf(1)
			}
			return -v
		},
		Grad: func(g, th []float64) {
			toP(th)
			fp.grad(p, gp)
			for i := range g {
				g[i] = -gp[i] * p[i] // chain rule: ∂/∂θ = p ∂/∂p
			}
		},
	}
	ll0 := fp.ll(expAll(theta))
	if math.IsNaN(ll0) || math.IsInf(ll0, 0) {
		return nil, FitInfo{}, fmt.Errorf("btyd: %s: %w at the starting values", name, errFitNaN)
	}
	settings := &optimize.Settings{
		GradientThreshold: 1e-8 * math.Max(1, math.Abs(ll0)),
		MajorIterations:   maxIter,
		Converger:         &optimize.FunctionConverge{Absolute: 1e-12, Relative: 1e-14, Iterations: 50},
	}
	res, err := optimize.Minimize(prob, theta, settings, &optimize.BFGS{})
	info := FitInfo{Evaluations: evals}
	if res == nil {
		return nil, info, fmt.Errorf("btyd: %s: optimiser failed: %v: %w", name, err, ErrNotConverged)
	}
	est := expAll(res.X)
	info.LogLik = fp.ll(est)
	info.Iterations = res.Stats.MajorIterations
	// BFGS is asked for a gradient of 1e-8·|LL|; when rounding stops its
	// line search short of that, the fit still counts as converged if the
	// gradient is below 1e-6·|LL| (in log parameters).
	gth := make([]float64, fp.n)
	prob.Grad(gth, res.X)
	var gmax float64
	for _, v := range gth {
		gmax = math.Max(gmax, math.Abs(v))
	}
	switch {
	case err == nil && (res.Status == optimize.GradientThreshold || res.Status == optimize.FunctionConvergence):
		info.Converged = true
	case res.Status != optimize.IterationLimit && gmax <= 1e-6*math.Max(1, math.Abs(ll0)):
		info.Converged = true
	}
	// A parameter running off towards 0 or ∞ flattens the likelihood
	// without reaching an optimum: the data cannot identify it.
	for _, v := range est {
		if v < 1e-8 || v > 1e8 {
			info.Converged = false
		}
	}
	info.StdErr = fitStdErr(fp, est)
	if math.IsNaN(info.LogLik) || math.IsInf(info.LogLik, 0) {
		return nil, info, fmt.Errorf("btyd: %s: %w at the estimate", name, errFitNaN)
	}
	return est, info, nil
}

func expAll(th []float64) []float64 {
	p := make([]float64, len(th))
	for i, t := range th {
		p[i] = math.Exp(t)
	}
	return p
}

// fitStdErr returns √diag((−H)⁻¹) with H the Hessian of LL in the
// original parameters, by central differences of the gradient.
func fitStdErr(fp fitProblem, est []float64) []float64 {
	n := fp.n
	se := make([]float64, n)
	for i := range se {
		se[i] = math.NaN()
	}
	full := make([]float64, n*n) // full[i*n+j] = −∂²LL/∂pᵢ∂pⱼ from ∂LL/∂pᵢ
	gp, gm := make([]float64, n), make([]float64, n)
	pp := make([]float64, n)
	for j := 0; j < n; j++ {
		step := 1e-5 * est[j]
		copy(pp, est)
		pp[j] = est[j] + step
		fp.grad(pp, gp)
		pp[j] = est[j] - step
		fp.grad(pp, gm)
		for i := 0; i < n; i++ {
			full[i*n+j] = -(gp[i] - gm[i]) / (2 * step)
		}
	}
	h := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			h.SetSym(i, j, (full[i*n+j]+full[j*n+i])/2)
		}
	}
	var chol mat.Cholesky
	if !chol.Factorize(h) {
		return se
	}
	var inv mat.SymDense
	if err := chol.InverseTo(&inv); err != nil {
		return se
	}
	for i := range se {
		if v := inv.At(i, i); v > 0 {
			se[i] = math.Sqrt(v)
		}
	}
	return se
}
