package btyd

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
)

// FitOptions controls a maximum-likelihood fit; nil means the defaults.
type FitOptions struct {
	// Start holds starting values of the parameters, in the model's
	// parameter order (nil: the model's default start, all ones).
	Start []float64
	// MaxIterations bounds the optimiser's iterations (0: 1000; negative
	// is an error).
	MaxIterations int
	// Penalty is λ ≥ 0 of an L2 penalty on the log-parameters: the fit
	// maximises
	//
	//	LL(p) − λ Σᵢ (ln pᵢ)²
	//
	// over the model's parameters p, where LL is the total (not the
	// per-customer) log-likelihood. It is the maximum a posteriori
	// estimate under independent Normal(0, 1/(2λ)) priors on ln pᵢ, and
	// pulls every parameter towards 1 in the units of the data (so a
	// scale parameter's pull depends on the time or money unit). It is
	// what lifetimes offers as penalizer_coef for exactly the fits that
	// run to a boundary; lifetimes, however (BetaGeoFitter's
	// _negative_log_likelihood), adds penalizer_coef · Σ pᵢ², on the
	// parameters themselves in an internally rescaled time unit, to the
	// mean negative log-likelihood per customer, so its coefficient is
	// not interchangeable with λ here. Moving one parameter by a factor of
	// 10 from 1 costs λ·(ln 10)² ≈ 5.3λ log-likelihood units: λ between
	// 0.01 and 1 is a gentle pull on a few hundred customers, and its
	// effect fades as data accumulate. Zero (the default) is plain
	// maximum likelihood. A penalty identifies a fit once its curvature
	// dominates the flat directions of the likelihood (λ = 0.1 does in the
	// examples; 0.01 may not); the criteria of [FitInfo] apply to the
	// penalised objective, and the standard errors are then its own.
	Penalty float64
}

// FitInfo reports how a maximum-likelihood fit went.
//
// Fits maximise the log-likelihood, less the optional penalty of
// [FitOptions], over θ = ln p, the logarithms of the (positive)
// parameters, with BFGS and analytic gradients
// (gonum.org/v1/gonum/optimize), then polish the estimate with Newton
// steps. The observed information H is the Hessian of the negative
// (penalised) log-likelihood in θ, by central differences (step 10⁻⁴)
// of the analytic gradient. Standard errors of the parameters follow by
// the delta method: SE(pᵢ) = pᵢ·√[(H⁻¹)ᵢᵢ].
//
// A fit is Converged, and returned with a nil error, only when all of
// these hold; otherwise the error says which failed:
//
//   - the optimiser stopped at its gradient or function criterion, not
//     at the iteration limit ([ErrNotConverged]);
//   - the data carry information about every parameter (model-specific
//     checks made before the fit, listed in each Fit function's doc;
//     [ErrNotIdentified]);
//   - H is positive definite, with its smallest eigenvalue above 10⁻¹²
//     of its largest ([ErrNotIdentified]: the likelihood is flat or
//     curves upwards along the eigenvector of the smallest eigenvalue);
//   - moving θ from the estimate by ln 10⁶ ≈ 13.8 in either direction
//     along any coordinate axis (one parameter multiplied or divided by
//     10⁶) or any unit eigenvector of H lowers the penalised
//     log-likelihood by at least χ²₁(0.95)/2 ≈ 1.92 ([ErrNotIdentified]
//     otherwise: the 95% likelihood-ratio region reaches towards the
//     boundary of the parameter space, so the data cannot tell the
//     estimate from a parameter of 0 or ∞ — a fit that runs to a
//     boundary, or the constant-churn cohort of the sBG, whose
//     heterogeneity the data cannot distinguish from none);
//   - a further Newton step would move no parameter by more than a
//     relative 10⁻⁴ ([ErrNotConverged]);
//   - every standard error is finite and positive, and the estimate lies
//     in the range the model's predictions accept ([MinParam],
//     [MaxParam] for BG/NBD; [SBGMinShape], [SBGMaxShape] for the sBG;
//     [ErrNotIdentified] otherwise).
//
// Work at scale. The identification probes first compare a rigorous
// upper bound of the log-likelihood, cheaper than the likelihood itself,
// with the maximum, and evaluate the likelihood only where the bound
// cannot show the drop. A fit of more than 50,000 distinct histories
// without a caller's start first fits systematic samples of 10,000 (and
// 100,000, …) histories, weighted to the total, and runs BFGS on all the
// data from the sample's estimate in the coordinates that the sample's
// Hessian whitens; the criteria above then apply on all the data, so the
// estimate is the one a cold start finds, to the stopping rule's
// relative 10⁻⁶. Iterations and Evaluations count the work on all the
// data only.
//
// On an error the fit's parameters hold the point where the search
// stopped, for diagnosis only: they are not an estimate to predict with.
// Unidentified then names the parameters concerned and Reason says why.
// [FitOptions].Penalty is the usual remedy for ErrNotIdentified.
type FitInfo struct {
	// LogLik is the log-likelihood at the estimate (without the penalty).
	LogLik float64 `json:"log_lik"`
	// Penalty is the λ of [FitOptions] the fit used.
	Penalty float64 `json:"penalty"`
	// N is the number of customers whose data entered the likelihood
	// (for the sBG, the cohort size).
	N int `json:"n"`
	// Iterations is the number of optimiser iterations.
	Iterations int `json:"iterations"`
	// Evaluations is the number of likelihood evaluations.
	Evaluations int `json:"evaluations"`
	// Converged reports a successful fit: true exactly when the fit
	// returned a nil error (see the criteria above).
	Converged bool `json:"converged"`
	// StdErr holds the standard errors in parameter order; finite and
	// positive when Converged, NaN where undefined otherwise (nil when the
	// fit stopped before the optimiser ran).
	StdErr []float64 `json:"std_err"`
	// Unidentified names the parameters the data cannot determine
	// (model parameter names such as "a", "b"), or nil.
	Unidentified []string `json:"unidentified"`
	// Reason says why the fit is not converged or not identified; empty
	// for a converged fit.
	Reason string `json:"reason"`
}

// fitProblem is a log-likelihood in positive parameters p with its
// gradient; fitLogSpace maximises it over θ = ln p.
type fitProblem struct {
	name  string   // the model, for messages: "sBG"
	names []string // parameter names, in order
	ll    func(p []float64) float64
	grad  func(p, g []float64) // ∂LL/∂p
	start []float64
	n     int // customers in the likelihood, for FitInfo.N
	// lo, hi bound the estimates the model's predictions accept (0, 0:
	// any positive value).
	lo, hi float64
	// upper, if not nil, returns an upper bound of ll(p) that is cheaper
	// to compute (NaN or +Inf when it has none), refined until it is at
	// most target where it can be: the identification probe evaluates ll
	// only where the bound cannot already show that the log-likelihood
	// has dropped by more than fitFlatLL.
	upper func(p []float64, target float64) float64
	// histories is the number of distinct histories in the likelihood,
	// and sample, if not nil, returns the problem on every k-th of them,
	// weighted to the same total: fitLogSpace then starts from the
	// estimate on samples (see scaleWarmHistories).
	histories int
	sample    func(k int) fitProblem
}

// fitFlatFactor is how far (ln 10⁶) the identification probe moves the
// log-parameters, and fitFlatLL the log-likelihood drop, χ²₁(0.95)/2,
// below which the data cannot tell the moved point from the estimate.
const (
	fitFlatFactor = 13.815510557964274 // ln 10⁶
	fitFlatLL     = 1.9207294103470103 // χ²₁(0.95)/2 = 3.841458820694124/2
	fitStepTol    = 1e-4
	fitHessStep   = 1e-4
)

// fitOptions validates opts against the problem.
func fitOptions(fp fitProblem, opts *FitOptions) (start []float64, maxIter int, lambda float64, err error) {
	start, maxIter = fp.start, 1000
	if opts == nil {
		return start, maxIter, 0, nil
	}
	if opts.Start != nil {
		if len(opts.Start) != len(fp.names) {
			return nil, 0, 0, fmt.Errorf("btyd: %s fit: %d starting values, want %d (%s): %w",
				fp.name, len(opts.Start), len(fp.names), strings.Join(fp.names, ", "), ErrLength)
		}
		for i, v := range opts.Start {
			if !(v > 0) || math.IsInf(v, 1) {
				return nil, 0, 0, fmt.Errorf("btyd: %s fit: starting value of %s is %v, want finite and > 0: %w", fp.name, fp.names[i], v, ErrInvalid)
			}
		}
		start = opts.Start
	}
	switch {
	case opts.MaxIterations < 0:
		return nil, 0, 0, fmt.Errorf("btyd: %s fit: MaxIterations %d is negative: %w", fp.name, opts.MaxIterations, ErrInvalid)
	case opts.MaxIterations > 0:
		maxIter = opts.MaxIterations
	}
	if !(opts.Penalty >= 0) || math.IsInf(opts.Penalty, 1) {
		return nil, 0, 0, fmt.Errorf("btyd: %s fit: Penalty %v, want finite and ≥ 0: %w", fp.name, opts.Penalty, ErrInvalid)
	}
	return start, maxIter, opts.Penalty, nil
}

// notIdentified returns the error and FitInfo of a fit that the data
// cannot identify before any optimisation (the model's own checks).
func notIdentified(fp fitProblem, lambda float64, params []string, reason string) (FitInfo, error) {
	info := FitInfo{Penalty: lambda, N: fp.n, Unidentified: params, Reason: reason}
	return info, fmt.Errorf("btyd: %s fit: %s not identified: %s: %w", fp.name, strings.Join(params, ", "), reason, ErrNotIdentified)
}

// withoutRepeatBuyer handles the fits of the purchase models (BG/NBD,
// MBG/NBD, Pareto/NBD) on data in which no customer made a repeat
// purchase: without a penalty they are not identified, and stop is true
// with the FitInfo and the error to return (an invalid option's error
// first). n is the number of customers with T > 0, and others names the
// parameters besides r that the data say nothing about.
func withoutRepeatBuyer(fp fitProblem, opts *FitOptions, repeat bool, n int, others string) (info FitInfo, stop bool, err error) {
	if repeat || (opts != nil && opts.Penalty != 0) {
		return FitInfo{}, false, nil
	}
	reason := "no customer made a repeat purchase: the likelihood rises as r → 0 and carries no information on " + others
	if n == 0 {
		reason = "every customer has T = 0: the data carry no information"
	}
	if _, _, _, err := fitOptions(fp, opts); err != nil {
		return FitInfo{}, true, err
	}
	info, err = notIdentified(fp, 0, fp.names, reason)
	return info, true, err
}

// fitLogSpace maximises fp's log-likelihood, less λ Σ θᵢ², over θ = ln p
// and applies the convergence criteria of [FitInfo]. It returns the
// estimate (the last point on an error, or nil if the optimiser did not
// run), the report and an error.
func fitLogSpace(fp fitProblem, opts *FitOptions) ([]float64, FitInfo, error) {
	est, info, _, err := fitLogSpaceH(fp, opts)
	return est, info, err
}

// fitLogSpaceH is fitLogSpace, also returning the Hessian of the
// penalised negative log-likelihood in θ at a successful estimate (nil
// otherwise). With many distinct histories (fp.sample set, no start
// given), it first fits samples of them (scaleWarmStart) and runs BFGS in
// the coordinates y = Lᵀ(θ − θ₀), where θ₀ is the sample's estimate and
// L L^T the sample's Hessian: there the Hessian is near the identity and
// the search takes a few steps.
func fitLogSpaceH(fp fitProblem, opts *FitOptions) ([]float64, FitInfo, *mat.SymDense, error) {
	if _, _, _, err := fitOptions(fp, opts); err != nil {
		return nil, FitInfo{}, nil, err
	}
	if start, warm := scaleWarmStart(fp, opts); warm != nil {
		o := FitOptions{Start: start}
		if opts != nil {
			o.MaxIterations, o.Penalty = opts.MaxIterations, opts.Penalty
		}
		return fitLogSpaceFrom(fp, &o, warm)
	}
	return fitLogSpaceFrom(fp, opts, nil)
}

// fitLogSpaceFrom is fitLogSpaceH from the options' start, with BFGS in
// the coordinates of warm, the Cholesky factor of an approximate Hessian
// at the start, if not nil.
func fitLogSpaceFrom(fp fitProblem, opts *FitOptions, warm *mat.Cholesky) ([]float64, FitInfo, *mat.SymDense, error) {
	start, maxIter, lambda, err := fitOptions(fp, opts)
	if err != nil {
		return nil, FitInfo{}, nil, err
	}
	n := len(fp.names)
	info := FitInfo{Penalty: lambda, N: fp.n}
	p := make([]float64, n)
	gp := make([]float64, n)
	// f is the penalised negative log-likelihood in θ; +Inf where the
	// likelihood is not finite, so the line search backs off.
	f := func(th []float64) float64 {
		info.Evaluations++
		var pen float64
		for i, t := range th {
			p[i] = math.Exp(t)
			pen += t * t
		}
		v := fp.ll(p)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return math.Inf(1)
		}
		return -v + lambda*pen
	}
	grad := func(g, th []float64) {
		for i, t := range th {
			p[i] = math.Exp(t)
		}
		fp.grad(p, gp)
		for i := range g {
			g[i] = -gp[i]*p[i] + 2*lambda*th[i] // chain rule: ∂/∂θ = p ∂/∂p
		}
	}
	theta := make([]float64, n)
	for i, v := range start {
		theta[i] = math.Log(v)
	}
	f0 := f(theta)
	if math.IsInf(f0, 1) {
		info.Reason = fmt.Sprintf("log-likelihood not finite at the starting values %v", start)
		return nil, info, nil, fmt.Errorf("btyd: %s fit: %s: %w", fp.name, info.Reason, ErrNotConverged)
	}
	settings := &optimize.Settings{
		GradientThreshold: 1e-8 * math.Max(1, math.Abs(f0)),
		MajorIterations:   maxIter,
		Converger:         &optimize.FunctionConverge{Absolute: 1e-12, Relative: 1e-14, Iterations: 50},
	}
	problem, x0 := optimize.Problem{Func: f, Grad: grad}, theta
	var toTheta func(y []float64) []float64
	if warm != nil {
		// θ = θ₀ + L^{−T} y and ∂f/∂y = L^{−1} ∂f/∂θ.
		var l mat.TriDense
		warm.LTo(&l)
		theta0 := append([]float64(nil), theta...)
		toTheta = func(y []float64) []float64 {
			var v mat.VecDense
			if err := v.SolveVec(l.T(), mat.NewVecDense(n, append([]float64(nil), y...))); err != nil {
				return nanSlice(n)
			}
			th := make([]float64, n)
			for i := range th {
				th[i] = theta0[i] + v.AtVec(i)
			}
			return th
		}
		gth := make([]float64, n)
		problem = optimize.Problem{
			Func: func(y []float64) float64 { return f(toTheta(y)) },
			Grad: func(gy, y []float64) {
				grad(gth, toTheta(y))
				var v mat.VecDense
				if err := v.SolveVec(&l, mat.NewVecDense(n, gth)); err != nil {
					for i := range gy {
						gy[i] = math.NaN()
					}
					return
				}
				for i := range gy {
					gy[i] = v.AtVec(i)
				}
			},
		}
		x0 = make([]float64, n)
		// In y the gradient's norm is √(2·the log-likelihood still to
		// gain) near the maximum.
		settings.GradientThreshold = 1e-4
	}
	res, oerr := optimize.Minimize(problem, x0, settings, &optimize.BFGS{})
	if res != nil && toTheta != nil {
		res.X = toTheta(res.X)
	}
	if res == nil {
		info.Reason = fmt.Sprintf("optimiser failed: %v", oerr)
		return nil, info, nil, fmt.Errorf("btyd: %s fit: %s: %w", fp.name, info.Reason, ErrNotConverged)
	}
	info.Iterations = res.Stats.MajorIterations
	theta = res.X
	var h *mat.SymDense
	fail := func(sentinel error, params []string, reason string) ([]float64, FitInfo, *mat.SymDense, error) {
		est := expAll(theta)
		info.LogLik = fp.ll(est)
		info.Unidentified = params
		info.Reason = reason
		if info.StdErr == nil {
			info.StdErr = nanSlice(n)
		}
		what := ""
		if params != nil {
			what = strings.Join(params, ", ") + " not identified: "
		}
		return est, info, nil, fmt.Errorf("btyd: %s fit: %s%s: %w", fp.name, what, reason, sentinel)
	}
	if res.Status == optimize.IterationLimit {
		return fail(ErrNotConverged, nil, fmt.Sprintf("stopped at the iteration limit (%d)", maxIter))
	}
	for i, t := range theta {
		if math.IsNaN(t) || math.IsInf(t, 0) || math.Abs(t) > 700 {
			return fail(ErrNotIdentified, []string{fp.names[i]}, fmt.Sprintf("the estimate of %s runs to %s", fp.names[i], zeroOrInf(t)))
		}
	}
	// Newton polish: BFGS stops on a gradient tolerance; a few Newton
	// steps on the exact-gradient Hessian settle the estimate to the
	// precision the standard errors need and expose a search that is
	// still moving.
	g := make([]float64, n)
	var step []float64
	h = fitHessian(grad, theta)
	grad(g, theta)
	for it := 0; it < 20; it++ {
		step = newtonStep(h, g)
		if step == nil || maxAbs(step) <= fitStepTol*1e-2 {
			break
		}
		f1 := f(theta)
		moved := false
		for k, s := 0, 1.0; k < 30; k, s = k+1, s/2 {
			trial := make([]float64, n)
			for i := range trial {
				trial[i] = theta[i] + s*step[i]
			}
			if f(trial) <= f1 {
				theta, moved = trial, true
				break
			}
		}
		if !moved {
			break
		}
		h = fitHessian(grad, theta)
		grad(g, theta)
	}
	// The likelihood must curve downwards in every direction.
	var eig mat.EigenSym
	if !finiteSym(h) || !eig.Factorize(h, true) {
		return fail(ErrNotConverged, nil, "the log-likelihood's Hessian is not finite at the point where the search stopped")
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	if lmax := vals[n-1]; !(vals[0] > 1e-12*lmax) {
		v := mat.Col(nil, 0, &vecs)
		// Report the direction towards the boundary the estimate is
		// nearest (an eigenvector's sign is arbitrary).
		s := 1.0
		if floats.Dot(v, theta) < 0 {
			s = -1
		}
		kind := "not positive definite"
		if vals[0] >= 0 {
			kind = "singular"
		}
		return fail(ErrNotIdentified, dominant(fp.names, v),
			fmt.Sprintf("the Hessian of the log-likelihood is %s at the estimate (smallest eigenvalue %.3g, largest %.3g): the likelihood does not curve downwards along %s",
				kind, vals[0], lmax, direction(fp.names, v, s)))
	}
	// The 95% likelihood-ratio region must not reach a boundary: probe
	// along each eigenvector (flattest first) and each axis.
	fHat := f(theta)
	// dropShown reports whether fp.upper proves that the penalised
	// log-likelihood at th lies more than fitFlatLL below its maximum
	// (with a margin for the rounding of both sums).
	dropShown := func(th []float64) bool {
		if fp.upper == nil {
			return false
		}
		var pen float64
		q := make([]float64, n)
		for i, t := range th {
			q[i] = math.Exp(t)
			pen += t * t
		}
		// f(th) ≥ −upper + λ·pen must exceed fHat by the drop.
		need := 2*fitFlatLL + 1e-9*math.Abs(fHat)
		lower := -fp.upper(q, lambda*pen-fHat-need) + lambda*pen
		return lower-fHat >= need
	}
	probe := func(v []float64) (float64, bool) {
		for _, s := range []float64{1, -1} {
			trial := make([]float64, n)
			for i := range trial {
				trial[i] = theta[i] + s*fitFlatFactor*v[i]
			}
			if dropShown(trial) {
				continue
			}
			if d := f(trial); d-fHat < fitFlatLL {
				return s, true
			}
		}
		return 0, false
	}
	dirs := make([][]float64, 0, 2*n)
	for k := 0; k < n; k++ {
		dirs = append(dirs, mat.Col(nil, k, &vecs))
	}
	for i := 0; i < n; i++ {
		e := make([]float64, n)
		e[i] = 1
		dirs = append(dirs, e)
	}
	for _, v := range dirs {
		if s, flat := probe(v); flat {
			return fail(ErrNotIdentified, dominant(fp.names, v),
				fmt.Sprintf("the log-likelihood stays within %.2f of its maximum as %s by a factor of up to 10⁶: the data cannot tell the estimate from the boundary",
					fitFlatLL, direction(fp.names, v, s)))
		}
	}
	var chol mat.Cholesky
	if !chol.Factorize(h) {
		return fail(ErrNotIdentified, fp.names, "the Hessian of the log-likelihood is not positive definite at the estimate")
	}
	var inv mat.SymDense
	if err := chol.InverseTo(&inv); err != nil {
		return fail(ErrNotIdentified, fp.names, "the Hessian of the log-likelihood cannot be inverted at the estimate")
	}
	est := expAll(theta)
	info.StdErr = make([]float64, n)
	for i := range info.StdErr {
		info.StdErr[i] = est[i] * math.Sqrt(inv.At(i, i))
	}
	if step = newtonStep(h, g); step == nil || maxAbs(step) > fitStepTol {
		return fail(ErrNotConverged, nil, fmt.Sprintf("a Newton step from the estimate would still move a parameter by a relative %.3g", maxAbs(step)))
	}
	for i, se := range info.StdErr {
		if !(se > 0) || math.IsInf(se, 1) {
			return fail(ErrNotIdentified, []string{fp.names[i]}, fmt.Sprintf("the standard error of %s is %v", fp.names[i], se))
		}
	}
	info.LogLik = fp.ll(est)
	if math.IsNaN(info.LogLik) || math.IsInf(info.LogLik, 0) {
		return fail(ErrNotConverged, nil, "log-likelihood not finite at the estimate")
	}
	if fp.hi > 0 {
		for i, v := range est {
			if v < fp.lo || v > fp.hi {
				return fail(ErrNotIdentified, []string{fp.names[i]}, fmt.Sprintf(
					"the estimate %s = %.4g lies outside [%g, %g], the range the model's predictions accept (for a scale parameter, measure the data in another unit)",
					fp.names[i], v, fp.lo, fp.hi))
			}
		}
	}
	info.Converged = true
	return est, info, h, nil
}

// fitHessian returns the symmetrised central-difference Jacobian of grad
// at th.
func fitHessian(grad func(g, th []float64), th []float64) *mat.SymDense {
	n := len(th)
	full := make([]float64, n*n)
	gp, gm := make([]float64, n), make([]float64, n)
	tt := make([]float64, n)
	for j := 0; j < n; j++ {
		copy(tt, th)
		tt[j] = th[j] + fitHessStep
		grad(gp, tt)
		tt[j] = th[j] - fitHessStep
		grad(gm, tt)
		for i := 0; i < n; i++ {
			full[i*n+j] = (gp[i] - gm[i]) / (2 * fitHessStep)
		}
	}
	h := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			h.SetSym(i, j, (full[i*n+j]+full[j*n+i])/2)
		}
	}
	return h
}

// newtonStep returns −H⁻¹g, or nil if H is not positive definite.
func newtonStep(h *mat.SymDense, g []float64) []float64 {
	if !finiteSym(h) {
		return nil
	}
	var chol mat.Cholesky
	if !chol.Factorize(h) {
		return nil
	}
	var x mat.VecDense
	if err := chol.SolveVecTo(&x, mat.NewVecDense(len(g), append([]float64(nil), g...))); err != nil {
		return nil
	}
	out := make([]float64, len(g))
	for i := range out {
		out[i] = -x.AtVec(i)
	}
	return out
}

func finiteSym(h *mat.SymDense) bool {
	n := h.SymmetricDim()
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			if v := h.At(i, j); math.IsNaN(v) || math.IsInf(v, 0) {
				return false
			}
		}
	}
	return true
}

func maxAbs(v []float64) float64 {
	var m float64
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

// dominant names the parameters that carry a direction v (components of
// at least 0.3 of a unit vector; at least the largest).
func dominant(names []string, v []float64) []string {
	big := maxAbs(v)
	var out []string
	for i, x := range v {
		if math.Abs(x) >= 0.3 || math.Abs(x) == big {
			out = append(out, names[i])
		}
	}
	return out
}

// direction describes moving along s·v: "a → ∞, b → 0".
func direction(names []string, v []float64, s float64) string {
	var parts []string
	big := maxAbs(v)
	for i, x := range v {
		if math.Abs(x) >= 0.3 || math.Abs(x) == big {
			to := "∞"
			if s*x < 0 {
				to = "0"
			}
			parts = append(parts, names[i]+" → "+to)
		}
	}
	return strings.Join(parts, ", ")
}

func zeroOrInf(t float64) string {
	if t < 0 {
		return "0"
	}
	return "∞"
}

func expAll(th []float64) []float64 {
	p := make([]float64, len(th))
	for i, t := range th {
		p[i] = math.Exp(t)
	}
	return p
}

func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}
