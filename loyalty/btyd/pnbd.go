package btyd

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// ParetoNBD holds the parameters of the Pareto/NBD model of
// non-contractual purchasing (Schmittlein, Morrison & Colombo 1987,
// "Counting your customers: who are they and what will they do next?",
// Management Science 33(1)): while alive a customer buys as a Poisson
// process with rate λ ~ Gamma(R, Alpha) and dies after an exponential
// lifetime with rate μ ~ Gamma(S, Beta), λ and μ independent. Time is in
// the unit of the data it was fitted to.
//
// ParetoNBD is a plain value: its methods do not modify it and may be
// called concurrently. The prediction methods are pure functions in the
// manner of package math: they return NaN for arguments outside their
// domain and a finite value ≥ 0 otherwise. The domain is the BG/NBD's:
// r, α, s, β in [MinParam, MaxParam], times in [0, MaxTime], x ≤
// MaxFrequency and a valid history (0 ≤ t_x ≤ T, t_x > 0 exactly when
// x > 0; T = 0 is allowed), and for [ParetoNBD.DiscountedResidualPurchases]
// a discount rate in [MinDiscount, MaxDiscount].
type ParetoNBD struct {
	// R is the shape of the purchase-rate distribution.
	R float64 `json:"r"`
	// Alpha is its scale (rate) parameter, in time units.
	Alpha float64 `json:"alpha"`
	// S is the shape of the dropout-rate distribution.
	S float64 `json:"s"`
	// Beta is its scale (rate) parameter, in time units.
	Beta float64 `json:"beta"`
}

// ParetoNBDFit is a fitted Pareto/NBD model with its fit report; StdErr
// is in the order R, Alpha, S, Beta.
type ParetoNBDFit struct {
	ParetoNBD
	FitInfo
}

func (m ParetoNBD) inDomain() bool {
	for _, v := range []float64{m.R, m.Alpha, m.S, m.Beta} {
		if !(v >= MinParam && v <= MaxParam) {
			return false
		}
	}
	return true
}

func (m ParetoNBD) check() error {
	for _, v := range []float64{m.R, m.Alpha, m.S, m.Beta} {
		if !(v > 0) || math.IsInf(v, 1) {
			return fmt.Errorf("btyd: Pareto/NBD parameters %+v must be finite and > 0: %w", m, ErrInvalid)
		}
	}
	return nil
}

// pnbdSeriesMaxZ and pnbdSeriesMaxKZ choose the hypergeometric series
// over quadrature: the series converges like zʲ and its terms grow until
// j ≈ kz/(1−z).
const (
	pnbdSeriesMaxZ  = 0.85
	pnbdSeriesMaxKZ = 30
	pnbdSeriesMaxJ  = 1000
	pnbdQuadTol     = 1e-12
	pnbdQuadPanels  = 400
)

// pnbdLnTail returns ln I(u), I(u) = ∫_u^∞ (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ,
// and its gradient in (r, α, s, β) into g (if not nil), by the series
//
//	I(u) = (m+u)^{−c} Σⱼ (k)ⱼ/j! · zʲ/(c+j),   z = (m−n)/(m+u)
//
// with c = r+s+x, m = max(α, β), n = min(α, β), k = s+1 if α ≥ β and
// r+x otherwise (the expansion of the integrand in powers of (m−n)/(m+τ);
// it is (m+u)^{−c}/c · ₂F₁(c, k; c+1; z), the form of Fader, Hardie & Lee
// 2005 note, eqs. 19–20). Every term is positive. ok is false when the
// series would converge slowly (z > 0.85 or kz > 30, pnbdSeriesMaxZ and
// pnbdSeriesMaxKZ); the caller then
// integrates.
func pnbdLnTail(r, al, s, be, x, u float64, g *[4]float64) (float64, bool) {
	m, n, k := al, be, s+1
	if al < be {
		m, n, k = be, al, r+x
	}
	c := r + s + x
	mu := m + u
	z := (m - n) / mu
	if z > pnbdSeriesMaxZ || k*z > pnbdSeriesMaxKZ {
		return 0, false
	}
	// p = (k)_j zʲ/j!; q = (k)_j z^{j−1}/(j−1)!; h = Σ_{i<j} 1/(k+i).
	p, q, h := 1.0, k, 0.0
	var f, fc, fk, fz float64
	for j := 0; j <= pnbdSeriesMaxJ; j++ {
		fj := float64(j)
		cj := c + fj
		t := p / cj
		f += t
		if g != nil {
			fc -= t / cj
			fk += t * h
			if j > 0 {
				fz += q / cj
				q *= (k + fj) / fj * z
			}
			h += 1 / (k + fj)
		}
		next := p * (k + fj) / (fj + 1) * z
		// Stop once the terms decrease and the next ones (of the
		// derivative series too) are negligible.
		if next/(cj+1) <= 1e-17*f && (k+fj)*z <= fj+1 && (g == nil || q/(cj+1) <= 1e-17*fz) {
			break
		}
		if j == pnbdSeriesMaxJ {
			return 0, false
		}
		p = next
	}
	lmu := math.Log(mu)
	li := -c*lmu + math.Log(f)
	if g != nil {
		dc := -lmu + fc/f
		dk := fk / f
		dm := -c/mu + fz/f*(n+u)/(mu*mu)
		dn := -fz / f / mu
		g[0], g[2] = dc, dc
		if al >= be {
			g[1], g[3] = dm, dn
			g[2] += dk
		} else {
			g[3], g[1] = dm, dn
			g[0] += dk
		}
	}
	return li, true
}

// pnbdLnMid returns ln D, D = ∫_{lo}^{hi} (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ
// for 0 ≤ lo < hi, and its gradient in (r, α, s, β) into g (if not nil).
// It takes the difference ln I(lo) + ln(1 − I(hi)/I(lo)) of the series
// of pnbdLnTail where both converge fast (the difference loses relative
// precision only when hi − lo is small, where D's share of the
// likelihood is as small), and otherwise integrates by adaptive
// Gauss–Kronrod (7/15) quadrature (Piessens et al. 1983) in w = ln(n+τ),
// n = min(α, β), in which the integrand is log-concave, to a relative
// 10⁻¹², differentiating under the integral sign.
func pnbdLnMid(r, al, s, be, x, lo, hi float64, g *[4]float64) float64 {
	var g1, g2 [4]float64
	var p1, p2 *[4]float64
	if g != nil {
		p1, p2 = &g1, &g2
	}
	if l1, ok := pnbdLnTail(r, al, s, be, x, lo, p1); ok {
		if l2, ok := pnbdLnTail(r, al, s, be, x, hi, p2); ok && l2 < l1 {
			d := l2 - l1
			ld := l1 + math.Log(-math.Expm1(d))
			if g != nil {
				rho := math.Exp(d)
				for i := range g {
					g[i] = (g1[i] - rho*g2[i]) / (1 - rho)
				}
			}
			return ld
		}
	}
	return pnbdQuad(r, al, s, be, x, lo, hi, g)
}

// pnbdQuad integrates D of pnbdLnMid by quadrature; see there. In
// w = ln(n+τ) the log-integrand F(w) = w − (r+x) ln(α+τ) − (s+1) ln(β+τ)
// is concave with slope at most 1, falling to about −(r+s+x): the panels
// are of width ≤ 4 below its maximum and grow geometrically (by 4) from
// 1/(c+1) above it, then adaptively bisected, and the integral stops where F has fallen by 50 (concavity
// bounds what lies beyond by e⁻⁵⁰ of the peak), so that a steep
// integrand (a large count x) costs O(log c) panels.
func pnbdQuad(r, al, s, be, x, lo, hi float64, g *[4]float64) float64 {
	n := math.Min(al, be)
	rx, s1 := r+x, s+1
	c := rx + s
	w0, w1 := math.Log(n+lo), math.Log(n+hi)
	if math.IsInf(w0, 0) || math.IsInf(w1, 0) || !(w1 > w0) {
		return math.NaN()
	}
	lf := func(w float64) (lf, la, lb float64) {
		e := math.Exp(w)
		la = math.Log(al - n + e)
		lb = math.Log(be - n + e)
		return w - rx*la - s1*lb, la, lb
	}
	slope := func(w float64) float64 {
		e := math.Exp(w)
		return 1 - rx*e/(al-n+e) - s1*e/(be-n+e)
	}
	// The maximum of F on [w0, w1].
	wm := w0
	switch {
	case slope(w0) <= 0:
	case slope(w1) >= 0:
		wm = w1
	default:
		a, b := w0, w1
		for i := 0; i < 60 && b-a > 1e-3; i++ {
			if m := (a + b) / 2; slope(m) > 0 {
				a = m
			} else {
				b = m
			}
		}
		wm = (a + b) / 2
	}
	scale, la, lb := lf(wm)
	// The log-integrand carries rounding of about an ulp of its larger
	// terms: no quadrature can resolve the integral more finely.
	tol := math.Max(pnbdQuadTol, 1e-15*(math.Abs(wm)+rx*math.Abs(la)+s1*math.Abs(lb)))
	brk := []float64{w0}
	if wm > w0 {
		k := math.Min(math.Ceil((wm-w0)/4), pnbdQuadPanels/4)
		for i := 1.0; i < k; i++ {
			brk = append(brk, w0+(wm-w0)*i/k)
		}
		brk = append(brk, wm)
	}
	for d, i := 1/(c+1), 0; ; d, i = d*4, i+1 {
		b := wm + d
		if b >= w1 || i == 100 {
			brk = append(brk, w1)
			break
		}
		brk = append(brk, b)
		if l, _, _ := lf(b); l < scale-50 {
			break
		}
	}
	type pan struct {
		a, b, err float64
		v         [5]float64
	}
	rule := func(p *pan) {
		m, hw := (p.a+p.b)/2, (p.b-p.a)/2
		var kv [5]float64
		var gsum float64
		add := func(w, wk, gw float64) {
			e := math.Exp(w)
			ea, eb := al-n+e, be-n+e
			la, lb := math.Log(ea), math.Log(eb)
			f := math.Exp(w - rx*la - s1*lb - scale)
			kv[0] += wk * f
			gsum += gw * f
			if g != nil {
				kv[1] += wk * f * la
				kv[2] += wk * f / ea
				kv[3] += wk * f * lb
				kv[4] += wk * f / eb
			}
		}
		for i := 0; i < 7; i++ {
			gw := 0.0
			if i%2 == 1 {
				gw = wg[i/2]
			}
			add(m-hw*xgk[i], wgk[i], gw)
			add(m+hw*xgk[i], wgk[i], gw)
		}
		add(m, wgk[7], wg[3])
		for i := range kv {
			p.v[i] = kv[i] * hw
		}
		p.err = math.Abs(kv[0]-gsum) * hw
	}
	pans := make([]pan, 0, len(brk)+16)
	for i := 0; i+1 < len(brk); i++ {
		if brk[i+1] > brk[i] {
			p := pan{a: brk[i], b: brk[i+1]}
			rule(&p)
			pans = append(pans, p)
		}
	}
	var tot [5]float64
	for {
		tot = [5]float64{}
		var err float64
		worst := 0
		for i := range pans {
			for j := range tot {
				tot[j] += pans[i].v[j]
			}
			err += pans[i].err
			if pans[i].err > pans[worst].err {
				worst = i
			}
		}
		if err <= tol*tot[0] || len(pans) >= pnbdQuadPanels {
			break
		}
		p := pans[worst]
		mid := (p.a + p.b) / 2
		l, rr := pan{a: p.a, b: mid}, pan{a: mid, b: p.b}
		rule(&l)
		rule(&rr)
		pans[worst] = l
		pans = append(pans, rr)
	}
	if g != nil {
		g[0] = -tot[1] / tot[0]
		g[1] = -rx * tot[2] / tot[0]
		g[2] = -tot[3] / tot[0]
		g[3] = -s1 * tot[4] / tot[0]
	}
	return scale + math.Log(tot[0])
}

// pnbdTerms returns, for a customer with history (x, t_x, T), the log of
// the two terms of the likelihood bracket of Fader, Hardie & Lee (2005
// note, eq. 18) without the common factor Γ(r+x) α^r β^s/Γ(r):
//
//	a₁ = −(r+x) ln(α+T) − s ln(β+T)        (alive at T)
//	a₂ = ln s + ln ∫_{t_x}^{T} (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ   (died in (t_x, T])
//
// (a₂ = −Inf when t_x = T) and, if g1, g2 are not nil, their gradients.
// The second term is s/(r+s+x)·A₀ of the note, written as the integral
// over the time of death it comes from.
func pnbdTerms(r, al, s, be, x, tx, T float64, g1, g2 *[4]float64) (a1, a2 float64) {
	lT, lbT := math.Log(al+T), math.Log(be+T)
	a1 = -(r+x)*lT - s*lbT
	if g1 != nil {
		*g1 = [4]float64{-lT, -(r + x) / (al + T), -lbT, -s / (be + T)}
	}
	if !(T > tx) {
		if g2 != nil {
			*g2 = [4]float64{}
		}
		return a1, math.Inf(-1)
	}
	a2 = math.Log(s) + pnbdLnMid(r, al, s, be, x, tx, T, g2)
	if g2 != nil {
		g2[2] += 1 / s
	}
	return a1, a2
}

// pnbdData groups customers by (x, t_x, T).
type pnbdData struct {
	x     []int
	tx, t []float64
	w     []float64
	n     int
	rep   bool // some customer made a repeat purchase
	// Set on first use by llFast and upper (scale_pnbd.go).
	scratch          *pnbdScratch
	lnT, lnTx, lnGap []float64
}

func pnbdPrepare(data []Summary) (*pnbdData, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("btyd: Pareto/NBD: no customers: %w", ErrEmpty)
	}
	keys := make([]historyKey, 0, len(data))
	d := &pnbdData{}
	for i, s := range data {
		if err := checkFitSummary(i, s); err != nil {
			return nil, err
		}
		if s.T == 0 {
			continue
		}
		d.n++
		d.rep = d.rep || s.Frequency > 0
		keys = append(keys, historyKey{s.Frequency, s.Recency, s.T})
	}
	groupHistories(keys, func(k historyKey, w float64) {
		d.x = append(d.x, k.x)
		d.tx = append(d.tx, k.tx)
		d.t = append(d.t, k.t)
		d.w = append(d.w, w)
	})
	return d, nil
}

// ll returns the Pareto/NBD log-likelihood (Fader, Hardie & Lee 2005
// note, eq. 18),
//
//	LL = Σ ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln(e^{a₁} + e^{a₂})
//
// with a₁, a₂ of pnbdTerms, and, if g is not nil, its gradient in
// (r, α, s, β). Customers sharing a history are counted once; the
// log-gamma ratio and its digamma difference come from fitLnGammaRatio
// and fitPsiDiff, whose cost does not grow with x.
func (d *pnbdData) ll(p, g []float64) float64 {
	return d.llFast(p, g)
}

// llRef is ll by pnbdTerms for every customer, the reference llFast is
// tested against.
func (d *pnbdData) llRef(p, g []float64) float64 {
	r, al, s, be := p[0], p[1], p[2], p[3]
	for _, v := range p[:4] {
		// The optimiser's exp(θ) may underflow to 0 or overflow.
		if !(v > 0) || math.IsInf(v, 1) {
			for i := range g {
				g[i] = math.NaN()
			}
			return math.NaN()
		}
	}
	lal, lbe := math.Log(al), math.Log(be)
	var ll float64
	var gs [4]float64
	var g1, g2 [4]float64
	var p1, p2 *[4]float64
	if g != nil {
		p1, p2 = &g1, &g2
	}
	lastX := -1
	var lr, ir float64
	for k, x := range d.x {
		w := d.w[k]
		fx := float64(x)
		if x != lastX {
			lr = fitLnGammaRatio(r, fx)
			if g != nil {
				ir = fitPsiDiff(r, fx)
			}
			lastX = x
		}
		a1, a2 := pnbdTerms(r, al, s, be, fx, d.tx[k], d.t[k], p1, p2)
		// ln(e^{a1} + e^{a2}) and the weight σ of the second term.
		lse, sig := lseSig(a1, a2)
		ll += w * (lr + r*lal + s*lbe + lse)
		if g == nil {
			continue
		}
		gs[0] += w * (ir + lal + (1-sig)*g1[0] + sig*g2[0])
		gs[1] += w * (r/al + (1-sig)*g1[1] + sig*g2[1])
		gs[2] += w * (lbe + (1-sig)*g1[2] + sig*g2[2])
		gs[3] += w * (s/be + (1-sig)*g1[3] + sig*g2[3])
	}
	if g != nil {
		copy(g, gs[:])
	}
	return ll
}

// FitParetoNBD fits the Pareto/NBD model to customers' (frequency,
// recency, T) by maximum likelihood (see [FitInfo] for the method and
// the convergence criteria), with the likelihood of Fader, Hardie & Lee
// (2005 note, eq. 18) computed in log space on both branches α ≥ β and
// α < β (see [ParetoNBD.LogLikelihood]) and its analytic gradient.
// Customers sharing the same history are counted once with a weight; a
// customer with T = 0 contributes nothing and is accepted. The default
// start is r = α = s = β = 1.
//
// Cost: grouping n customers is O(n log n) (a sort); each evaluation of
// the likelihood and its gradient is O(h) in the h distinct histories:
// where α and β are of similar size, as in fitted data, each history
// costs two short polynomial sums and two logarithms (about 100 ns),
// with coefficients computed once per distinct frequency; elsewhere the
// series or the quadrature of [ParetoNBD.LogLikelihood] (microseconds).
// A fit takes some 30 evaluations; above 50,000 distinct histories all
// but about 15 of them run on samples (see [FitInfo]), so that a million
// customers simulated in continuous time took 5.2 seconds on one core of
// a 2-core Xeon, and the 2,357 CDNOW customers 32–35 ms.
//
// Without a penalty, data in which no customer made a repeat purchase
// carry no information on the dropout process; FitParetoNBD then returns
// an error wrapping [ErrNotIdentified] without fitting. Other data may
// still leave a parameter unidentified — most often s and β running to ∞
// together when the data show no sign of dropout — which the criteria of
// [FitInfo] report.
//
// It returns an error wrapping [ErrEmpty] for no customers; [ErrInvalid]
// (naming the customer's index) for an invalid history or invalid
// options; [ErrNotConverged] if the optimiser failed or stopped at its
// iteration limit; and [ErrNotIdentified] as above. On an error other
// than invalid input the fit holds the point where the search stopped,
// for diagnosis.
func FitParetoNBD(data []Summary, opts *FitOptions) (ParetoNBDFit, error) {
	d, err := pnbdPrepare(data)
	if err != nil {
		return ParetoNBDFit{}, err
	}
	fp := fitProblem{
		name:  "Pareto/NBD",
		names: []string{"r", "alpha", "s", "beta"},
		ll:    func(p []float64) float64 { return d.ll(p, nil) },
		grad:  func(p, g []float64) { d.ll(p, g) },
		start: []float64{1, 1, 1, 1},
		n:     d.n,
		lo:    MinParam,
		hi:    MaxParam,
	}
	if info, stop, err := withoutRepeatBuyer(fp, opts, d.rep, d.n, "s and beta"); stop {
		return ParetoNBDFit{FitInfo: info}, err
	}
	fp = withSamples(fp, d, len(d.x))
	est, info, err := fitLogSpace(fp, opts)
	fit := ParetoNBDFit{FitInfo: info}
	if est != nil {
		fit.ParetoNBD = ParetoNBD{R: est[0], Alpha: est[1], S: est[2], Beta: est[3]}
	}
	return fit, err
}

// LogLikelihood returns the Pareto/NBD log-likelihood of the data under
// m (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Lee 2005 note,
// eq. 18):
//
//	L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^{−(r+x)} (β+T)^{−s}
//	    + s ∫_{t_x}^{T} (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ ]
//
// where the integral, s/(r+s+x)·A₀ in the note, is the difference of two
// ₂F₁(r+s+x, ·; r+s+x+1; ·) terms on the branch α ≥ β or α < β that keeps
// their argument in [0, 1). Where that argument is small (at most ½, or
// less where a frequency's series needs it; α and β of similar size, as
// in fitted data), the bracket is computed as
// (r+x)·J(T) + s·I(t_x), two positive series of the same kind with
// I(u) = ∫_u^∞ (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ and J(u) =
// ∫_u^∞ (α+τ)^{−(r+x+1)} (β+τ)^{−s} dτ (integration by parts), by
// Horner's rule with coefficients shared by the customers of one
// frequency; elsewhere the difference of the two ₂F₁ terms is summed as
// the positive hypergeometric series where its argument z is at most
// 0.85 and k·z at most 30 (k = s+1 for α ≥ β, r+x otherwise), and
// otherwise integrated by adaptive Gauss–Kronrod quadrature; the
// bracket is combined in log space.
// The data accepted and the cost are FitParetoNBD's. It returns an error
// wrapping [ErrInvalid] for invalid parameters or data (naming the
// customer) or a log-likelihood that is not finite in float64, and
// [ErrEmpty] for no customers.
func (m ParetoNBD) LogLikelihood(data []Summary) (float64, error) {
	if err := m.check(); err != nil {
		return math.NaN(), err
	}
	d, err := pnbdPrepare(data)
	if err != nil {
		return math.NaN(), err
	}
	ll := d.ll([]float64{m.R, m.Alpha, m.S, m.Beta}, nil)
	if math.IsNaN(ll) || math.IsInf(ll, 0) {
		return math.NaN(), fmt.Errorf("btyd: Pareto/NBD log-likelihood under %+v is %v, not finite in float64: %w", m, ll, ErrInvalid)
	}
	return ll, nil
}

// MarshalJSON encodes m with NaN as null.
func (m ParetoNBD) MarshalJSON() ([]byte, error) {
	type plain ParetoNBD
	return nanjson.Marshal(plain(m))
}

// UnmarshalJSON decodes m, null as NaN.
func (m *ParetoNBD) UnmarshalJSON(b []byte) error {
	type plain ParetoNBD
	return nanjson.Unmarshal(b, (*plain)(m))
}

// MarshalJSON encodes f as one object holding the model's parameters and
// the fields of its FitInfo, NaN as null.
func (f ParetoNBDFit) MarshalJSON() ([]byte, error) {
	type plain ParetoNBDFit
	return nanjson.Marshal(plain(f))
}

// UnmarshalJSON decodes f, null as NaN.
func (f *ParetoNBDFit) UnmarshalJSON(b []byte) error {
	type plain ParetoNBDFit
	return nanjson.Unmarshal(b, (*plain)(f))
}
