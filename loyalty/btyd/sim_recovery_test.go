package btyd_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// simGamma draws from Gamma(shape k, rate 1) by Marsaglia & Tsang (2000),
// "A simple method for generating gamma variables", with the boost
// U^{1/k} for k < 1. The recovery tests use the package's simulators;
// this draw serves the Pareto/NBD benchmark's daily-resolution simulator
// (simParetoNBD), which needs purchase days rather than summaries.
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

// simBGNBD draws n customers of the BG/NBD model with SimulateBGNBD,
// their ages uniform on [tLo, tHi] (drawn from rng first).
func simBGNBD(t *testing.T, rng *rand.Rand, m btyd.BGNBD, n int, tLo, tHi float64) []btyd.Summary {
	t.Helper()
	data, err := btyd.SimulateBGNBD(rng, m, uniformAges(rng, n, tLo, tHi))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// uniformAges returns n ages drawn uniformly from [tLo, tHi].
func uniformAges(rng *rand.Rand, n int, tLo, tHi float64) []float64 {
	ages := make([]float64, n)
	for i := range ages {
		ages[i] = tLo + (tHi-tLo)*rng.Float64()
	}
	return ages
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

// waldTally counts, per parameter, the fits whose 95% Wald interval
// p̂ ± 1.96·SE(p̂) covers the true value, and those whose interval on the
// log scale, ln p̂ ± 1.96·SE(p̂)/p̂ (the scale the fits work on), does.
type waldTally struct {
	names         []string
	fits          int
	cover, logCov []int
}

func newWaldTally(names ...string) *waldTally {
	return &waldTally{names: names, cover: make([]int, len(names)), logCov: make([]int, len(names))}
}

func (w *waldTally) add(est, truth, se []float64) {
	w.fits++
	for i := range est {
		if math.Abs(est[i]-truth[i]) <= 1.96*se[i] {
			w.cover[i]++
		}
		if math.Abs(math.Log(est[i]/truth[i])) <= 1.96*se[i]/est[i] {
			w.logCov[i]++
		}
	}
}

// String lists the coverage: "r 19/20 (log 20/20), …".
func (w *waldTally) String() string {
	parts := make([]string, len(w.names))
	for i, n := range w.names {
		parts[i] = fmt.Sprintf("%s %d/%d (log %d/%d)", n, w.cover[i], w.fits, w.logCov[i], w.fits)
	}
	return "95% Wald coverage " + strings.Join(parts, ", ")
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
// NaN, infinite or negative. The data come from SimulateBGNBD. Measured
// (replications halved with -short; the test log adds the 95% Wald
// coverage of each parameter):
//
//	CDNOW-like (1,000 customers, ~400 repeaters)  identified 20/20, within 3 SE 18/20
//	long-lived (500, b = 10)                      identified 18/20, within 3 SE 18/18
//	heavy buyers (300, r = 5, α = 2)              identified 20/20, within 3 SE 20/20
//	a = b = 0.5 (500, ~79 repeaters)              identified 13/40, within 3 SE 13/13
//
// In the last scenario the other 27 fits return ErrNotIdentified (an
// earlier version of the fit reported convergence for 34 of 40 such
// fits, 23 of them with NaN standard errors), and all 27 converge with
// Penalty 0.1.
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
		wald := newWaldTally("r", "alpha", "a", "b")
		for rep := 0; rep < reps; rep++ {
			data := simBGNBD(t, rng, sc.m, sc.n, sc.tLo, sc.tHi)
			for _, s := range data {
				if s.Frequency > 0 {
					repeaters++
				}
			}
			fit, err := btyd.FitBGNBD(data, nil)
			switch {
			case err == nil:
				identified++
				wald.add([]float64{fit.R, fit.Alpha, fit.A, fit.B}, truth, fit.StdErr)
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
		t.Logf("%s: %d replications, %.0f repeaters on average; identified %d, within 3 SE %d of those; penalised fits of the rest %d; %v",
			sc.name, reps, float64(repeaters)/float64(reps), identified, covered, penalisedOK, wald)
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
// 3 SE 40 of 40 in each (cohorts drawn by SimulateSBG).
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
		wald := newWaldTally("alpha", "beta")
		for rep := 0; rep < reps; rep++ {
			surv, err := btyd.SimulateSBG(rng, sc.m, int64(sc.n), sc.periods)
			if err != nil {
				t.Fatal(err)
			}
			fit, err := btyd.FitSBG(surv, nil)
			if err != nil {
				if !errors.Is(err, btyd.ErrNotIdentified) {
					t.Errorf("%s, replication %d: %v", sc.name, rep, err)
				}
				continue
			}
			identified++
			wald.add([]float64{fit.Alpha, fit.Beta}, []float64{sc.m.Alpha, sc.m.Beta}, fit.StdErr)
			if within3SE([]float64{fit.Alpha, fit.Beta}, []float64{sc.m.Alpha, sc.m.Beta}, fit.StdErr) {
				covered++
			}
			for _, v := range []float64{fit.Survival(20), fit.Retention(20), fit.DiscountedLifetime(0.1), fit.ResidualLifetime(0.1, 5)} {
				if !(v >= 0) || math.IsInf(v, 1) {
					t.Errorf("%s, replication %d, fit %+v: prediction %v", sc.name, rep, fit.SBG, v)
				}
			}
		}
		t.Logf("sBG %s: %d replications, identified %d, within 3 SE %d; %v", sc.name, reps, identified, covered, wald)
		if float64(covered) < 0.85*float64(reps) {
			t.Errorf("sBG %s: %d of %d within 3 SE (%d identified)", sc.name, covered, reps, identified)
		}
	}
}

// TestRecoveryGammaGamma: spend simulated from the CDNOW estimates
// (p = 6.25, q = 3.74, v = 15.44) for 500 repeat customers with 1–10
// purchases, drawn by SimulateGammaGamma. Measured with 20 replications
// (10 with -short): identified 20/20, within 3 SE 20/20.
func TestRecoveryGammaGamma(t *testing.T) {
	g := btyd.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}
	reps := simReps(t, 20)
	rng := rand.New(rand.NewPCG(99, 2005))
	covered := 0
	wald := newWaldTally("p", "q", "v")
	for rep := 0; rep < reps; rep++ {
		data := make([]btyd.Summary, 500)
		for i := range data {
			x := 1 + rng.IntN(10)
			data[i] = btyd.Summary{Frequency: x, Recency: 1, T: 2}
		}
		data, err := btyd.SimulateGammaGamma(rng, g, data)
		if err != nil {
			t.Fatal(err)
		}
		fit, err := btyd.FitGammaGamma(data, nil)
		if err != nil {
			t.Errorf("replication %d: %v", rep, err)
			continue
		}
		wald.add([]float64{fit.P, fit.Q, fit.V}, []float64{g.P, g.Q, g.V}, fit.StdErr)
		if within3SE([]float64{fit.P, fit.Q, fit.V}, []float64{g.P, g.Q, g.V}, fit.StdErr) {
			covered++
		}
		if v, err := fit.ConditionalSpend(data[0]); err != nil || !v.IsPositive() {
			t.Errorf("replication %d: spend %v, %v", rep, v, err)
		}
	}
	t.Logf("Gamma-Gamma: %d replications, within 3 SE %d; %v", reps, covered, wald)
	if float64(covered) < 0.85*float64(reps) {
		t.Errorf("Gamma-Gamma: %d of %d within 3 SE", covered, reps)
	}
}

// TestRecoveryMBGNBD fits MBG/NBD data drawn by SimulateMBGNBD (fixed
// seeds, ages uniform on the range given) and checks that the fits are
// identified, within 3 standard errors of the truth on the log scale
// (within3SE) in a share of the replications, and give finite
// predictions. Measured with 40 replications (20 with -short):
//
//	CDNOW-like (2,000 customers, ~700 repeaters)  identified 40/40, within 3 SE 33/40 (15/20)
//	heavy buyers (300, r = 5, α = 2)              identified 40/40, within 3 SE 40/40
//
// With the CDNOW estimates the sampling distributions of r and b are
// still skewed at 2,000 customers: over 150 replications the 95% Wald
// interval on the log scale missed r in 13% and b in 9% of them; at
// 10,000 customers in 5% and 3%, and the mean standardised error of
// every parameter over 30 replications of 20,000 customers was within
// 0.3 of 0 (no bias between the simulator and the likelihood).
func TestRecoveryMBGNBD(t *testing.T) {
	scenarios := []struct {
		name     string
		m        btyd.MBGNBD
		n        int
		tLo, tHi float64
		reps     int
		minCover float64 // share of identified fits within 3 SE
	}{
		// lifetimes' ModifiedBetaGeoFitter on CDNOW.
		{"CDNOW-like", btyd.MBGNBD{R: 0.525, Alpha: 6.183, A: 0.891, B: 1.614}, 2000, 27, 39, 40, 0.7},
		{"heavy buyers", btyd.MBGNBD{R: 5, Alpha: 2, A: 1, B: 5}, 300, 40, 52, 40, 0.85},
	}
	for k, sc := range scenarios {
		reps := simReps(t, sc.reps)
		rng := rand.New(rand.NewPCG(uint64(k)+21, 2007))
		identified, covered := 0, 0
		truth := []float64{sc.m.R, sc.m.Alpha, sc.m.A, sc.m.B}
		wald := newWaldTally("r", "alpha", "a", "b")
		for rep := 0; rep < reps; rep++ {
			data, err := btyd.SimulateMBGNBD(rng, sc.m, uniformAges(rng, sc.n, sc.tLo, sc.tHi))
			if err != nil {
				t.Fatal(err)
			}
			fit, err := btyd.FitMBGNBD(data, nil)
			if err != nil {
				if !errors.Is(err, btyd.ErrNotIdentified) {
					t.Errorf("%s, replication %d: %v", sc.name, rep, err)
				}
				continue
			}
			identified++
			est := []float64{fit.R, fit.Alpha, fit.A, fit.B}
			wald.add(est, truth, fit.StdErr)
			if within3SE(est, truth, fit.StdErr) {
				covered++
			}
			for _, v := range []float64{fit.ExpectedPurchases(52), fit.ProbAlive(data[0]), fit.ConditionalPurchases(52, data[0]), fit.ProbPurchases(2, 52)} {
				if !finitePositive(v) {
					t.Errorf("%s, replication %d, fit %+v: prediction %v", sc.name, rep, fit.MBGNBD, v)
				}
			}
		}
		t.Logf("MBG/NBD %s: %d replications, identified %d, within 3 SE %d; %v", sc.name, reps, identified, covered, wald)
		if float64(identified) < 0.9*float64(reps) || float64(covered) < sc.minCover*float64(identified) {
			t.Errorf("MBG/NBD %s: identified %d of %d, within 3 SE %d", sc.name, identified, reps, covered)
		}
	}
}

// TestRecoveryBGBB fits BG/BB histories drawn by SimulateBGBB (fixed
// seeds) from the donations estimates of Fader, Hardie & Shang (2010)
// and from a long-lived cohort, compressed by CompressBGBB. A fit is
// either identified, and then within 3 standard errors of the truth on
// the log scale (within3SE) in at least 85% of the replications, or
// returns ErrNotIdentified with a Reason, and then converges with
// Penalty 0.1: with little dropout over ten opportunities the data often
// cannot tell γ and δ from a larger pair with the same mean. Measured with
// 40 replications (20 with -short): donations (2,000 customers, 6
// opportunities) identified 40/40, within 3 SE 39/40; long-lived (2,000,
// 10) identified 29/40, within 3 SE 28/29, the other 11 converge with
// the penalty.
func TestRecoveryBGBB(t *testing.T) {
	for k, sc := range []struct {
		name          string
		m             btyd.BGBB
		n, periods    int
		minIdentified float64
	}{
		{"donations", btyd.BGBB{Alpha: 1.204, Beta: 0.750, Gamma: 0.657, Delta: 2.783}, 2000, 6, 0.95},
		{"long-lived", btyd.BGBB{Alpha: 2, Beta: 5, Gamma: 0.5, Delta: 20}, 2000, 10, 0.5},
	} {
		reps := simReps(t, 40)
		rng := rand.New(rand.NewPCG(uint64(k)+31, 2010))
		periods := make([]int, sc.n)
		for i := range periods {
			periods[i] = sc.periods
		}
		truth := []float64{sc.m.Alpha, sc.m.Beta, sc.m.Gamma, sc.m.Delta}
		identified, covered, penalisedOK := 0, 0, 0
		wald := newWaldTally("alpha", "beta", "gamma", "delta")
		for rep := 0; rep < reps; rep++ {
			hs, err := btyd.SimulateBGBB(rng, sc.m, periods)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := btyd.CompressBGBB(hs)
			if err != nil {
				t.Fatal(err)
			}
			fit, err := btyd.FitBGBB(rows, nil)
			switch {
			case err == nil:
				identified++
				est := []float64{fit.Alpha, fit.Beta, fit.Gamma, fit.Delta}
				wald.add(est, truth, fit.StdErr)
				if within3SE(est, truth, fit.StdErr) {
					covered++
				}
			case errors.Is(err, btyd.ErrNotIdentified):
				if fit.Converged || fit.Reason == "" {
					t.Errorf("%s, replication %d: %+v", sc.name, rep, fit.FitInfo)
				}
				if _, err := btyd.FitBGBB(rows, &btyd.FitOptions{Penalty: 0.1}); err != nil {
					t.Errorf("%s, replication %d, penalised: %v", sc.name, rep, err)
				} else {
					penalisedOK++
				}
			default:
				t.Errorf("%s, replication %d: %v", sc.name, rep, err)
			}
		}
		t.Logf("BG/BB %s: %d replications, identified %d, within 3 SE %d of those; penalised fits of the rest %d; %v",
			sc.name, reps, identified, covered, penalisedOK, wald)
		if float64(identified) < sc.minIdentified*float64(reps) || float64(covered) < 0.85*float64(identified) {
			t.Errorf("BG/BB %s: identified %d of %d, within 3 SE %d", sc.name, identified, reps, covered)
		}
	}
}
