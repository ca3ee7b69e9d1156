package btyd_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// simGamma draws from Gamma(shape k, rate 1) by Marsaglia & Tsang (2000),
// "A simple method for generating gamma variables", with the boost
// U^{1/k} for k < 1.
func simGamma(rng *rand.Rand, k float64) float64 {
	if k < 1 {
		return simGamma(rng, k+1) * math.Pow(rng.Float64(), 1/k)
	}
	d := k - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := rng.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := rng.Float64()
		if math.Log(u) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v
		}
	}
}

func simBeta(rng *rand.Rand, a, b float64) float64 {
	x := simGamma(rng, a)
	return x / (x + simGamma(rng, b))
}

// simBGNBD simulates n customers of the BG/NBD model (FHL 2005, §2): a
// purchase rate λ ~ Gamma(r, rate α), a dropout probability p ~ Beta(a,
// b); from the first purchase at 0, purchases arrive as a Poisson
// process of rate λ, and after each repeat purchase the customer drops
// out with probability p. Each customer's age T is drawn uniformly from
// [tLo, tHi].
func simBGNBD(rng *rand.Rand, m btyd.BGNBD, n int, tLo, tHi float64) []btyd.Summary {
	out := make([]btyd.Summary, n)
	for i := range out {
		lambda := simGamma(rng, m.R) / m.Alpha
		p := simBeta(rng, m.A, m.B)
		T := tLo + (tHi-tLo)*rng.Float64()
		s := btyd.Summary{T: T}
		for t := 0.0; ; {
			t += rng.ExpFloat64() / lambda
			if t > T {
				break
			}
			s.Frequency++
			s.Recency = t
			if rng.Float64() < p {
				break
			}
		}
		out[i] = s
	}
	return out
}

// simSBG simulates a cohort of n customers of the sBG model (Fader &
// Hardie 2007): churn probability θ ~ Beta(α, β), and in each period an
// active customer leaves with probability θ. It returns the survivors at
// the start of periods 0 … periods.
func simSBG(rng *rand.Rand, m btyd.SBG, n, periods int) []int64 {
	surv := make([]int64, periods+1)
	for i := 0; i < n; i++ {
		theta := simBeta(rng, m.Alpha, m.Beta)
		surv[0]++
		for t := 1; t <= periods; t++ {
			if rng.Float64() < theta {
				break
			}
			surv[t]++
		}
	}
	return surv
}

// simGammaGamma gives each summary a mean spend from the Gamma-Gamma model
// (Fader, Hardie & Lee 2005, "RFM and CLV"): ν ~ Gamma(q, rate v) and each
// of the x transactions ~ Gamma(p, rate ν).
func simGammaGamma(rng *rand.Rand, g btyd.GammaGamma, data []btyd.Summary) {
	for i := range data {
		nu := simGamma(rng, g.Q) / g.V
		var sum float64
		for j := 0; j < data[i].Frequency; j++ {
			sum += simGamma(rng, g.P) / nu
		}
		if data[i].Frequency > 0 {
			data[i].MeanSpend = decimal.NewFromFloat(sum / float64(data[i].Frequency))
		}
	}
}

// within3SE reports whether every estimate is within three standard
// errors of the truth on the scale the fits work on, the log-parameters:
// |ln p̂ − ln p| ≤ 3·SE(ln p̂), with SE(ln p̂) = SE(p̂)/p̂ by the delta method.
// (On the parameters' own scale the sampling distributions of shape
// parameters are skewed and the Wald interval undercovers: the sBG "high
// end" scenario covers 37 of 40 there, 39 of 40 here.)
func within3SE(est, truth, se []float64) bool {
	for i := range est {
		if !(math.Abs(math.Log(est[i]/truth[i])) <= 3*se[i]/est[i]) {
			return false
		}
	}
	return true
}

func simReps(t *testing.T, full int) int {
	if testing.Short() {
		return full / 2
	}
	return full
}

// finiteBGNBDPredictions checks that no prediction of m for (a sample of)
// the data is NaN, infinite or negative.
func finiteBGNBDPredictions(m btyd.BGNBD, data []btyd.Summary) error {
	bad := func(v float64) bool { return !(v >= 0) || math.IsInf(v, 1) }
	for _, t := range []float64{1, 52, 520} {
		if v := m.ExpectedPurchases(t); bad(v) {
			return fmt.Errorf("E[X(%v)] = %v", t, v)
		}
	}
	for n := 0; n < 5; n++ {
		if v := m.ProbPurchases(n, 52); bad(v) {
			return fmt.Errorf("P(X(52) = %d) = %v", n, v)
		}
	}
	// Every 25th customer and the heaviest buyer keep the test fast.
	heaviest := 0
	for i, s := range data {
		if s.Frequency > data[heaviest].Frequency {
			heaviest = i
		}
	}
	for i, s := range data {
		if i%25 != 0 && i != heaviest {
			continue
		}
		if v := m.ProbAlive(s); bad(v) || v > 1 {
			return fmt.Errorf("customer %d %+v: P(alive) = %v", i, s, v)
		}
		if v := m.ConditionalPurchases(52, s); bad(v) {
			return fmt.Errorf("customer %d %+v: E[Y(52)] = %v", i, s, v)
		}
	}
	return nil
}

// TestRecoveryBGNBD fits data simulated from known parameters (fixed
// seeds) and checks that the estimates land within 3 standard errors of
// the truth (see within3SE) and that no prediction of a returned fit is
// NaN, infinite or negative. Measured (replications halved with -short):
//
//	CDNOW-like (1,000 customers, ~400 repeaters)  identified 20/20, within 3 SE 20/20
//	long-lived (500, b = 10)                      identified 19/20, within 3 SE 18/19
//	heavy buyers (300, r = 5, α = 2)              identified 20/20, within 3 SE 20/20
//	a = b = 0.5 (500, ~77 repeaters)              identified 15/40, within 3 SE 15/15
//
// In the last scenario the other 25 fits return ErrNotIdentified (before,
// 34 of 40 such fits reported convergence, 23 of them with NaN standard
// errors), and all 25 converge with Penalty 0.1.
func TestRecoveryBGNBD(t *testing.T) {
	scenarios := []struct {
		name          string
		m             btyd.BGNBD
		n             int
		tLo, tHi      float64
		minIdentified float64 // share of replications that must be identified
		minCover      float64 // share of identified fits within 3 SE
		reps          int
	}{
		{"CDNOW-like", btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}, 1000, 27, 39, 0.9, 0.8, 20},
		{"long-lived", btyd.BGNBD{R: 0.5, Alpha: 5, A: 0.5, B: 10}, 500, 52, 52, 0.75, 0.8, 20},
		{"heavy buyers", btyd.BGNBD{R: 5, Alpha: 2, A: 1, B: 5}, 300, 40, 52, 0.9, 0.8, 20},
		{"a = b = 0.5, few repeaters", btyd.BGNBD{R: 0.25, Alpha: 40, A: 0.5, B: 0.5}, 500, 39, 39, 0, 0.6, 40},
	}
	for k, sc := range scenarios {
		reps := simReps(t, sc.reps)
		rng := rand.New(rand.NewPCG(uint64(k)+1, 2005))
		identified, covered, penalisedOK, repeaters := 0, 0, 0, 0
		truth := []float64{sc.m.R, sc.m.Alpha, sc.m.A, sc.m.B}
		for rep := 0; rep < reps; rep++ {
			data := simBGNBD(rng, sc.m, sc.n, sc.tLo, sc.tHi)
			for _, s := range data {
				if s.Frequency > 0 {
					repeaters++
				}
			}
			fit, err := btyd.FitBGNBD(data, nil)
			switch {
			case err == nil:
				identified++
				if within3SE([]float64{fit.R, fit.Alpha, fit.A, fit.B}, truth, fit.StdErr) {
					covered++
				}
				if err := finiteBGNBDPredictions(fit.BGNBD, data); err != nil {
					t.Errorf("%s, replication %d, fit %+v: %v", sc.name, rep, fit.BGNBD, err)
				}
			case errors.Is(err, btyd.ErrNotIdentified):
				if fit.Converged || len(fit.Unidentified) == 0 || fit.Reason == "" {
					t.Errorf("%s, replication %d: %+v", sc.name, rep, fit.FitInfo)
				}
				// The remedy works, and its predictions are finite too.
				pfit, perr := btyd.FitBGNBD(data, &btyd.FitOptions{Penalty: 0.1})
				if perr != nil {
					t.Errorf("%s, replication %d, penalised: %v", sc.name, rep, perr)
					continue
				}
				penalisedOK++
				if err := finiteBGNBDPredictions(pfit.BGNBD, data); err != nil {
					t.Errorf("%s, replication %d, penalised fit %+v: %v", sc.name, rep, pfit.BGNBD, err)
				}
			default:
				t.Errorf("%s, replication %d: %v", sc.name, rep, err)
			}
		}
		t.Logf("%s: %d replications, %.0f repeaters on average; identified %d, within 3 SE %d of those; penalised fits of the rest %d",
			sc.name, reps, float64(repeaters)/float64(reps), identified, covered, penalisedOK)
		if float64(identified) < sc.minIdentified*float64(reps) {
			t.Errorf("%s: identified in %d of %d replications", sc.name, identified, reps)
		}
		if identified > 0 && float64(covered) < sc.minCover*float64(identified) {
			t.Errorf("%s: %d of %d identified fits within 3 SE", sc.name, covered, identified)
		}
	}
}

// TestRecoverySBG: cohorts simulated from the regular and high-end
// estimates of Fader & Hardie (2007) and a long-lived cohort. Measured
// with 40 replications (20 with -short): identified 40/40 in each, within
// 3 SE 40, 40 and 39 of 40.
func TestRecoverySBG(t *testing.T) {
	for k, sc := range []struct {
		name       string
		m          btyd.SBG
		n, periods int
	}{
		{"regular", btyd.SBG{Alpha: 0.704, Beta: 1.182}, 1000, 7},
		{"high end", btyd.SBG{Alpha: 0.668, Beta: 3.806}, 1000, 7},
		{"long-lived", btyd.SBG{Alpha: 0.5, Beta: 20}, 2000, 12},
	} {
		reps := simReps(t, 40)
		rng := rand.New(rand.NewPCG(uint64(k)+11, 2007))
		identified, covered := 0, 0
		for rep := 0; rep < reps; rep++ {
			surv := simSBG(rng, sc.m, sc.n, sc.periods)
			fit, err := btyd.FitSBG(surv, nil)
			if err != nil {
				if !errors.Is(err, btyd.ErrNotIdentified) {
					t.Errorf("%s, replication %d: %v", sc.name, rep, err)
				}
				continue
			}
			identified++
			if within3SE([]float64{fit.Alpha, fit.Beta}, []float64{sc.m.Alpha, sc.m.Beta}, fit.StdErr) {
				covered++
			}
			for _, v := range []float64{fit.Survival(20), fit.Retention(20), fit.DiscountedLifetime(0.1), fit.ResidualLifetime(0.1, 5)} {
				if !(v >= 0) || math.IsInf(v, 1) {
					t.Errorf("%s, replication %d, fit %+v: prediction %v", sc.name, rep, fit.SBG, v)
				}
			}
		}
		t.Logf("sBG %s: %d replications, identified %d, within 3 SE %d", sc.name, reps, identified, covered)
		if float64(covered) < 0.85*float64(reps) {
			t.Errorf("sBG %s: %d of %d within 3 SE (%d identified)", sc.name, covered, reps, identified)
		}
	}
}

// TestRecoveryGammaGamma: spend simulated from the CDNOW estimates
// (p = 6.25, q = 3.74, v = 15.44) for 500 repeat customers with 1–10
// purchases. Measured with 20 replications (10 with -short): identified
// 20/20, within 3 SE 19/20.
func TestRecoveryGammaGamma(t *testing.T) {
	g := btyd.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}
	reps := simReps(t, 20)
	rng := rand.New(rand.NewPCG(99, 2005))
	covered := 0
	for rep := 0; rep < reps; rep++ {
		data := make([]btyd.Summary, 500)
		for i := range data {
			x := 1 + rng.IntN(10)
			data[i] = btyd.Summary{Frequency: x, Recency: 1, T: 2}
		}
		simGammaGamma(rng, g, data)
		fit, err := btyd.FitGammaGamma(data, nil)
		if err != nil {
			t.Errorf("replication %d: %v", rep, err)
			continue
		}
		if within3SE([]float64{fit.P, fit.Q, fit.V}, []float64{g.P, g.Q, g.V}, fit.StdErr) {
			covered++
		}
		if v, err := fit.ConditionalSpend(data[0]); err != nil || !v.IsPositive() {
			t.Errorf("replication %d: spend %v, %v", rep, v, err)
		}
	}
	t.Logf("Gamma-Gamma: %d replications, within 3 SE %d", reps, covered)
	if float64(covered) < 0.85*float64(reps) {
		t.Errorf("Gamma-Gamma: %d of %d within 3 SE", covered, reps)
	}
}
