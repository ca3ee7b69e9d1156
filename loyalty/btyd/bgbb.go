package btyd

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// BGBB is the beta-geometric/beta-Bernoulli model of Fader, Hardie & Shang
// (2010), "Customer-base analysis in a discrete-time noncontractual
// setting", Marketing Science 29(6), for customers who can transact at
// most once at each of a sequence of discrete opportunities (annual
// donations, yearly events). While alive, a customer transacts at each
// opportunity with probability p, p ~ Beta(Alpha, Beta) across customers;
// a customer alive at an opportunity dies just before the next with
// probability θ, θ ~ Beta(Gamma, Delta). A BGBB is a value type: immutable
// once built and safe to share between goroutines.
type BGBB struct {
	Alpha float64 `json:"alpha"`
	Beta  float64 `json:"beta"`
	Gamma float64 `json:"gamma"`
	Delta float64 `json:"delta"`
}

// BGBBHistory is one row of the compressed recency/frequency form the
// BG/BB takes: Count customers who, over Periods transaction
// opportunities after their first, transacted at Frequency of them (x),
// the last at opportunity Recency (t_x, 0 if x = 0).
type BGBBHistory struct {
	Frequency int `json:"frequency"`
	Recency   int `json:"recency"`
	Periods   int `json:"periods"`
	Count     int `json:"count"`
}

// BGBBMaxPeriods bounds the number of opportunities n of a history: the
// likelihood of a history sums n − t_x terms (FHS 2010, eq. 5).
const BGBBMaxPeriods = 100000

// BGBBFit is a fitted BG/BB model with its fit report; StdErr is in the
// order Alpha, Beta, Gamma, Delta.
type BGBBFit struct {
	BGBB
	FitInfo
}

// MarshalJSON encodes the model; NaN and ±Inf become null.
func (m BGBB) MarshalJSON() ([]byte, error) { type plain BGBB; return nanjson.Marshal(plain(m)) }

// UnmarshalJSON decodes the model; null becomes NaN.
func (m *BGBB) UnmarshalJSON(b []byte) error {
	type plain BGBB
	return nanjson.Unmarshal(b, (*plain)(m))
}

// MarshalJSON encodes f as one object holding the model's parameters and
// the fields of its FitInfo, NaN and ±Inf as null.
func (f BGBBFit) MarshalJSON() ([]byte, error) {
	type plain BGBBFit
	return nanjson.Marshal(plain(f))
}

// UnmarshalJSON decodes f, null as NaN.
func (f *BGBBFit) UnmarshalJSON(b []byte) error {
	type plain BGBBFit
	return nanjson.Unmarshal(b, (*plain)(f))
}

func (m BGBB) check() error {
	for _, par := range []struct {
		name string
		v    float64
	}{{"Alpha", m.Alpha}, {"Beta", m.Beta}, {"Gamma", m.Gamma}, {"Delta", m.Delta}} {
		if !(par.v >= MinParam && par.v <= MaxParam) {
			return fmt.Errorf("btyd: BG/BB parameter %s = %v outside [%g, %g]: %w", par.name, par.v, MinParam, MaxParam, ErrInvalid)
		}
	}
	return nil
}

// bgbbHistoryProblem describes what is wrong with (x, t_x, n), or "".
func bgbbHistoryProblem(x, tx, n int) string {
	switch {
	case n < 0 || n > BGBBMaxPeriods:
		return fmt.Sprintf("periods n = %d outside [0, %d]", n, BGBBMaxPeriods)
	case x < 0 || x > n:
		return fmt.Sprintf("frequency x = %d outside [0, n = %d]", x, n)
	case tx < 0 || tx > n:
		return fmt.Sprintf("recency t_x = %d outside [0, n = %d]", tx, n)
	case (x == 0) != (tx == 0):
		return fmt.Sprintf("frequency x = %d with recency t_x = %d (t_x is 0 exactly when x is 0)", x, tx)
	case x > tx:
		return fmt.Sprintf("frequency x = %d exceeds recency t_x = %d", x, tx)
	}
	return ""
}

func lnBeta(a, b float64) float64 {
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	return la + lb - lab
}

// lnLik returns ln L(α, β, γ, δ | x, t_x, n) (FHS 2010, eq. 5):
//
//	L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
//	  + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ)
//
// in log space (log-sum-exp), and ln of its first term (alive at n).
// If g is not nil, w·∂lnL/∂(α, β, γ, δ) is added to g.
func (m BGBB) lnLik(x, tx, n int, w float64, g []float64) (lnL, lnAlive float64) {
	a, b, c, d := m.Alpha, m.Beta, m.Gamma, m.Delta
	fx, ftx, fn := float64(x), float64(tx), float64(n)
	lnB0 := lnBeta(a, b) + lnBeta(c, d)
	lnAlive = lnBeta(a+fx, b+fn-fx) + lnBeta(c, d+fn) - lnB0
	k := n - tx
	// Running maximum and scaled sum for the log-sum-exp.
	mx := lnAlive
	for i, t := 0, lnBeta(a+fx, b+ftx-fx)+lnBeta(c+1, d+ftx)-lnB0; i < k; i++ {
		mx = math.Max(mx, t)
		fi := float64(i)
		t += math.Log((b+ftx-fx+fi)/(a+b+ftx+fi)) + math.Log((d+ftx+fi)/(c+d+1+ftx+fi))
	}
	var s float64
	var ga, gb, gc, gd float64
	wA := math.Exp(lnAlive - mx)
	s += wA
	if g != nil {
		ga += wA * (fitDigamma(a+fx) - fitDigamma(a+b+fn))
		gb += wA * (fitDigamma(b+fn-fx) - fitDigamma(a+b+fn))
		gc += wA * (fitDigamma(c) - fitDigamma(c+d+fn))
		gd += wA * (fitDigamma(d+fn) - fitDigamma(c+d+fn))
	}
	if k > 0 {
		t := lnBeta(a+fx, b+ftx-fx) + lnBeta(c+1, d+ftx) - lnB0
		var pa, pab, pb, pc1, pd, pcd1 float64
		if g != nil {
			pa = fitDigamma(a + fx)
			pb = fitDigamma(b + ftx - fx)
			pab = fitDigamma(a + b + ftx)
			pc1 = fitDigamma(c + 1)
			pd = fitDigamma(d + ftx)
			pcd1 = fitDigamma(c + d + 1 + ftx)
		}
		for i := 0; i < k; i++ {
			e := math.Exp(t - mx)
			s += e
			if g != nil {
				ga += e * (pa - pab)
				gb += e * (pb - pab)
				gc += e * (pc1 - pcd1)
				gd += e * (pd - pcd1)
			}
			fi := float64(i)
			u1, u2, u3, u4 := b+ftx-fx+fi, a+b+ftx+fi, d+ftx+fi, c+d+1+ftx+fi
			t += math.Log(u1/u2) + math.Log(u3/u4)
			if g != nil {
				pb += 1 / u1
				pab += 1 / u2
				pd += 1 / u3
				pcd1 += 1 / u4
			}
		}
	}
	lnL = mx + math.Log(s)
	if g != nil {
		// The softmax weights e/s, and the derivative of −ln B(α,β) − ln B(γ,δ).
		pab0 := fitDigamma(a + b)
		pcd0 := fitDigamma(c + d)
		g[0] += w * (ga/s - (fitDigamma(a) - pab0))
		g[1] += w * (gb/s - (fitDigamma(b) - pab0))
		g[2] += w * (gc/s - (fitDigamma(c) - pcd0))
		g[3] += w * (gd/s - (fitDigamma(d) - pcd0))
	}
	return lnL, lnAlive
}

// bgbbLL returns the log-likelihood of the histories and, if g is not
// nil, its gradient.
func bgbbLL(m BGBB, data []BGBBHistory, g []float64) float64 {
	if g != nil {
		g[0], g[1], g[2], g[3] = 0, 0, 0, 0
	}
	var ll float64
	for _, h := range data {
		if h.Count == 0 {
			continue
		}
		w := float64(h.Count)
		l, _ := m.lnLik(h.Frequency, h.Recency, h.Periods, w, g)
		ll += w * l
	}
	return ll
}

func checkBGBBData(data []BGBBHistory) (int, error) {
	if len(data) == 0 {
		return 0, fmt.Errorf("btyd: BG/BB: no histories: %w", ErrEmpty)
	}
	var n int
	for i, h := range data {
		if p := bgbbHistoryProblem(h.Frequency, h.Recency, h.Periods); p != "" {
			return 0, fmt.Errorf("btyd: BG/BB: history %d: %s: %w", i, p, ErrInvalid)
		}
		if h.Count < 0 || h.Count > math.MaxInt-n {
			return 0, fmt.Errorf("btyd: BG/BB: history %d: count %d negative or the total overflows: %w", i, h.Count, ErrInvalid)
		}
		n += h.Count
	}
	if n == 0 {
		return 0, fmt.Errorf("btyd: BG/BB: every history has count 0: %w", ErrEmpty)
	}
	return n, nil
}

// FitBGBB fits the BG/BB model to compressed histories by maximum
// likelihood (FHS 2010, eq. 5, summed over the histories with their
// counts as weights, each history's likelihood in log space; see
// [FitInfo] for the method, the standard errors and the convergence
// criteria). The cost is O(Σ (n − t_x)) over the distinct rows, whatever
// the counts.
//
// Data in which no customer transacted again carry no information on
// Gamma and Delta, and data in which every customer transacted at every
// opportunity none on the drop-out either; the criteria of [FitInfo]
// report such fits with [ErrNotIdentified].
//
// It returns an error wrapping [ErrEmpty] for no histories or a total
// count of 0; [ErrInvalid] (naming the history's index) for x, t_x or n
// outside 0 ≤ x ≤ t_x ≤ n ≤ [BGBBMaxPeriods], x = 0 without t_x = 0 (or
// the reverse), a negative count, or invalid options; [ErrNotConverged]
// and [ErrNotIdentified] as [FitInfo] says. On an error other than
// invalid input the fit holds the point where the search stopped, for
// diagnosis.
func FitBGBB(data []BGBBHistory, opts *FitOptions) (BGBBFit, error) {
	n, err := checkBGBBData(data)
	if err != nil {
		return BGBBFit{}, err
	}
	model := func(p []float64) BGBB { return BGBB{p[0], p[1], p[2], p[3]} }
	fp := fitProblem{
		name:  "BG/BB",
		names: []string{"alpha", "beta", "gamma", "delta"},
		ll:    func(p []float64) float64 { return bgbbLL(model(p), data, nil) },
		grad:  func(p, g []float64) { bgbbLL(model(p), data, g) },
		start: []float64{1, 1, 1, 1},
		n:     n,
		lo:    MinParam,
		hi:    MaxParam,
	}
	est, info, err := fitLogSpace(fp, opts)
	fit := BGBBFit{FitInfo: info}
	if est != nil {
		fit.BGBB = model(est)
	}
	return fit, err
}

// LogLikelihood returns the BG/BB log-likelihood of the histories under m
// (FHS 2010, eq. 5, weighted by the counts). Errors as FitBGBB's for the
// data, and [ErrInvalid] for parameters outside [[MinParam], [MaxParam]].
func (m BGBB) LogLikelihood(data []BGBBHistory) (float64, error) {
	if err := m.check(); err != nil {
		return math.NaN(), err
	}
	if _, err := checkBGBBData(data); err != nil {
		return math.NaN(), err
	}
	ll := bgbbLL(m, data, nil)
	if math.IsNaN(ll) || math.IsInf(ll, 0) {
		return math.NaN(), fmt.Errorf("btyd: BG/BB log-likelihood under %+v is %v, not finite in float64: %w", m, ll, ErrInvalid)
	}
	return ll, nil
}

func (m BGBB) checkHistory(what string, x, tx, n int) error {
	if err := m.check(); err != nil {
		return err
	}
	if p := bgbbHistoryProblem(x, tx, n); p != "" {
		return fmt.Errorf("btyd: BG/BB %s: %s: %w", what, p, ErrInvalid)
	}
	return nil
}

// ProbAlive returns the probability that a customer with history
// (x, t_x, n) is alive at opportunity n+1 (FHS 2010, eq. 11):
//
//	B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / L(α, β, γ, δ | x, t_x, n)
//
// It returns an error wrapping [ErrInvalid] for invalid parameters or a
// history outside 0 ≤ x ≤ t_x ≤ n ≤ [BGBBMaxPeriods] (t_x = 0 exactly
// when x = 0).
func (m BGBB) ProbAlive(x, tx, n int) (float64, error) {
	if err := m.checkHistory("ProbAlive", x, tx, n); err != nil {
		return math.NaN(), err
	}
	lnL, lnA := m.lnLik(x, tx, n, 0, nil)
	fn := float64(n)
	p := math.Exp(lnA - lnL + math.Log((m.Delta+fn)/(m.Gamma+m.Delta+fn)))
	return clamp01(p), nil
}

// bgbbSurvivalSum returns Σ_{k=1}^{m} E[(1−θ)^k | θ ~ Beta(γ, c)] =
// Σ_k B(γ, c+k)/B(γ, c), in the closed form (telescoping the gamma
// ratios, as in FHS 2010 eq. 7)
//
//	c/(γ−1) · [1 − e^L],   L = ln[Γ(c+1+m) Γ(c+γ) / (Γ(c+1) Γ(c+γ+m))],
//
// at a cost that does not depend on m. With f(z) = ln Γ(z+m) − ln Γ(z),
// L = f(c+1) − f(c+γ) = (1−γ)·M, M the mean of f′(z) = ψ(z+m) − ψ(z) over
// the interval between c+γ and c+1, and the sum is c·M·expm1(L)/L. Where
// the two values of f nearly cancel (|γ−1| ≤ 1 and c + min(γ, 1) ≥ 1,
// so that f′ is analytic well beyond the interval), M comes from 16-point
// Gauss–Legendre quadrature of f′ (error below 10⁻¹⁵ relative); elsewhere
// from the difference of f, or, for |γ−1| < 10⁻⁷, from f′(c+1) (relative
// error of order 10⁻⁷).
func bgbbSurvivalSum(gamma, c, m float64) float64 {
	if m == 0 {
		return 0
	}
	h := 1 - gamma
	var mean float64
	switch {
	case math.Abs(h) <= 1 && c+math.Min(gamma, 1) >= 1:
		mid, half := c+(1+gamma)/2, h/2
		for k, x := range glX {
			mean += glW[k] * (fitPsiDiff(mid-half*x, m) + fitPsiDiff(mid+half*x, m))
		}
		mean /= 2
	case math.Abs(h) < 1e-7:
		mean = fitPsiDiff(c+1, m)
	default:
		mean = (fitLnGammaRatio(c+1, m) - fitLnGammaRatio(c+gamma, m)) / h
	}
	l := h * mean
	if l == 0 {
		return c * mean
	}
	return c * mean * math.Expm1(l) / l
}

// glX and glW are the non-negative nodes and their weights of 16-point
// Gauss–Legendre quadrature on [−1, 1].
var (
	glX = [8]float64{0.09501250983763745, 0.2816035507792589, 0.45801677765722737, 0.6178762444026438, 0.755404408355003, 0.8656312023878318, 0.9445750230732326, 0.9894009349916499}
	glW = [8]float64{0.18945061045506859, 0.1826034150449236, 0.16915651939500262, 0.14959598881657676, 0.12462897125553403, 0.09515851168249259, 0.062253523938647706, 0.027152459411754037}
)

// ConditionalPurchases returns the expected number of transactions in
// the next nStar opportunities (n+1 … n+nStar) of a customer with history
// (x, t_x, n) (FHS 2010, eq. 13), computed as
//
//	P(alive at n | x, t_x, n) · (α+x)/(α+β+n) · Σ_{k=1}^{n*} B(γ, δ+n+k)/B(γ, δ+n)
//
// with the sum in closed form, so the cost does not grow with nStar.
// It returns an error wrapping [ErrInvalid] for invalid parameters, an
// invalid history (see ProbAlive) or a negative nStar.
func (m BGBB) ConditionalPurchases(x, tx, n, nStar int) (float64, error) {
	if err := m.checkHistory("ConditionalPurchases", x, tx, n); err != nil {
		return math.NaN(), err
	}
	if nStar < 0 {
		return math.NaN(), fmt.Errorf("btyd: BG/BB ConditionalPurchases: nStar = %d is negative: %w", nStar, ErrInvalid)
	}
	lnL, lnA := m.lnLik(x, tx, n, 0, nil)
	fn := float64(n)
	alive := clamp01(math.Exp(lnA - lnL))
	return alive * (m.Alpha + float64(x)) / (m.Alpha + m.Beta + fn) * bgbbSurvivalSum(m.Gamma, m.Delta+fn, float64(nStar)), nil
}

// ExpectedPurchases returns the expected number of transactions of a new
// customer in the first n opportunities after the first (FHS 2010,
// eq. 7):
//
//	α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ) Γ(1+δ+n) / (Γ(γ+δ+n) Γ(1+δ))]
//
// at a cost that does not grow with n. It returns an error wrapping
// [ErrInvalid] for invalid parameters or a negative n.
func (m BGBB) ExpectedPurchases(n int) (float64, error) {
	if err := m.check(); err != nil {
		return math.NaN(), err
	}
	if n < 0 {
		return math.NaN(), fmt.Errorf("btyd: BG/BB ExpectedPurchases: n = %d is negative: %w", n, ErrInvalid)
	}
	return m.Alpha / (m.Alpha + m.Beta) * bgbbSurvivalSum(m.Gamma, m.Delta, float64(n)), nil
}
