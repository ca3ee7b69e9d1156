package btyd_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
)

// within4SE reports whether got is within 4 standard errors of want
// (plus 1e-9 for shares near 0); a false alarm has probability about
// 6e-5 per comparison.
func within4SE(got, want, se float64) bool { return math.Abs(got-want) <= 4*se+1e-9 }

// TestSimulateMBGNBD: 40,000 customers of a common age T; the mean
// frequency matches E[X(T)] and the shares of 0..4 repeat purchases match
// P(X(T) = n) within 4 Monte-Carlo standard errors (checkSim,
// checkCounts), for the CDNOW estimates (lifetimes'
// ModifiedBetaGeoFitter: r 0.525, α 6.183, a 0.891, b 1.614) and a
// high-frequency case.
func TestSimulateMBGNBD(t *testing.T) {
	const n = 40_000
	for _, T := range []float64{1, 39, 78} {
		ages := make([]float64, n)
		for i := range ages {
			ages[i] = T
		}
		for _, m := range []btyd.MBGNBD{{R: 0.525, Alpha: 6.183, A: 0.891, B: 1.614}, {R: 5, Alpha: 2, A: 1.5, B: 30}} {
			data, err := btyd.SimulateMBGNBD(rand.New(rand.NewPCG(3, uint64(T))), m, ages)
			if err != nil {
				t.Fatal(err)
			}
			checkSim(t, data, T, m.ExpectedPurchases(T), "MBG/NBD")
			checkCounts(t, data, T, m.ProbPurchases, "MBG/NBD")
		}
	}
	// Age 0: nothing happens.
	data, err := btyd.SimulateMBGNBD(rand.New(rand.NewPCG(1, 1)), btyd.MBGNBD{R: 1, Alpha: 1, A: 1, B: 1}, []float64{0})
	if err != nil || data[0] != (btyd.Summary{}) {
		t.Errorf("age 0: %+v, %v", data, err)
	}
}

// TestSimulateGammaGamma: for 40,000 customers at each x, the mean of the
// simulated mean spends matches E[M] = p·v/(q−1) within 4 standard errors
// (sample SD/√N; q > 2, so the variance exists), and the shares below
// the population mean and below 20 match the beta-prime distribution of
// m̄·x/v (shapes px, q) within 4 binomial standard errors. Expected
// shares from SciPy 1.10.1:
//
//	from scipy.stats import betaprime
//	p, q, v = 6.25, 3.74, 15.44
//	for x in (1, 3, 10):
//	    print(x, betaprime.cdf(x*p/(q-1), p*x, q), betaprime.cdf(x*20/v, p*x, q))
//	# 1 0.6560360829306928 0.33039917261302004
//	# 3 0.653820150018491 0.2800358555483967
//	# 10 0.6534934642682795 0.25763491705107144
func TestSimulateGammaGamma(t *testing.T) {
	const n = 40_000
	g := btyd.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}
	mean := g.P * g.V / (g.Q - 1)
	for _, c := range []struct {
		x              int
		belowMean, b20 float64
	}{{1, 0.6560360829306928, 0.33039917261302004}, {3, 0.653820150018491, 0.2800358555483967}, {10, 0.6534934642682795, 0.25763491705107144}} {
		in := make([]btyd.Summary, n)
		for i := range in {
			in[i] = btyd.Summary{Customer: "c", Frequency: c.x, Recency: 5, T: 10}
		}
		keep := append([]btyd.Summary(nil), in...)
		out, err := btyd.SimulateGammaGamma(rand.New(rand.NewPCG(5, uint64(c.x))), g, in)
		if err != nil {
			t.Fatal(err)
		}
		if !cmp.Equal(in, keep) {
			t.Fatal("SimulateGammaGamma modified its input")
		}
		var s, ss float64
		below, b20 := 0, 0
		for i, o := range out {
			if o.Customer != "c" || o.Frequency != c.x || o.Recency != 5 || o.T != 10 || !o.MeanSpend.IsPositive() ||
				o.MeanSpend.Exponent() < -4 {
				t.Fatalf("customer %d: %+v", i, o)
			}
			v := o.MeanSpend.InexactFloat64()
			s += v
			ss += v * v
			if v <= mean {
				below++
			}
			if v <= 20 {
				b20++
			}
		}
		N := float64(n)
		avg := s / N
		se := math.Sqrt((ss/N - avg*avg) / (N - 1))
		if !within4SE(avg, mean, se) {
			t.Errorf("x = %d: mean spend %.4f ± %.4f, E[M] = %.4f", c.x, avg, se, mean)
		}
		for _, k := range []struct {
			got, want float64
		}{{float64(below) / N, c.belowMean}, {float64(b20) / N, c.b20}} {
			if !within4SE(k.got, k.want, math.Sqrt(k.want*(1-k.want)/N)) {
				t.Errorf("x = %d: share %.4f, beta-prime %.4f", c.x, k.got, k.want)
			}
		}
	}
	// x = 0 gets no spend; a huge x costs two draws.
	out, err := btyd.SimulateGammaGamma(rand.New(rand.NewPCG(1, 1)), g, []btyd.Summary{{T: 3, MeanSpend: decimal.NewFromInt(7)}, {Frequency: 1 << 50, Recency: 1, T: 2}})
	if err != nil || !out[0].MeanSpend.IsZero() || math.Abs(out[1].MeanSpend.InexactFloat64()/mean-1) > 1 {
		t.Errorf("x = 0 and x = 2⁵⁰: %+v, %v", out, err)
	}
}

// TestSimulateBGBB: 40,000 histories of n opportunities; the mean number
// of transactions matches E[X(n)] and the shares of x = 0..n transactions
// match P(X(n) = x) within 4 Monte-Carlo standard errors, for the
// donations estimates of Fader, Hardie & Shang (2010) (α 1.204, β 0.750,
// γ 0.657, δ 2.783) and a case with little dropout. Each history must be
// a valid BG/BB history.
func TestSimulateBGBB(t *testing.T) {
	const N = 40_000
	for _, m := range []btyd.BGBB{{Alpha: 1.204, Beta: 0.750, Gamma: 0.657, Delta: 2.783}, {Alpha: 2, Beta: 5, Gamma: 0.5, Delta: 20}} {
		for _, n := range []int{1, 6, 11} {
			periods := make([]int, N)
			for i := range periods {
				periods[i] = n
			}
			hs, err := btyd.SimulateBGBB(rand.New(rand.NewPCG(9, uint64(n))), m, periods)
			if err != nil {
				t.Fatal(err)
			}
			counts := make([]float64, n+1)
			var s, ss float64
			for i, h := range hs {
				if len(h) != n {
					t.Fatalf("history %d has %d opportunities", i, len(h))
				}
				x := 0
				for _, b := range h {
					if b {
						x++
					}
				}
				counts[x]++
				s += float64(x)
				ss += float64(x * x)
			}
			avg := s / N
			want, err := m.ExpectedPurchases(n)
			if se := math.Sqrt((ss/N - avg*avg) / (N - 1)); err != nil || !within4SE(avg, want, se) {
				t.Errorf("%+v n = %d: mean %.4f ± %.4f, E[X(n)] = %.4f, %v", m, n, avg, se, want, err)
			}
			for x, c := range counts {
				p, err := m.ProbPurchases(x, n)
				if got := c / N; err != nil || !within4SE(got, p, math.Sqrt(p*(1-p)/N)) {
					t.Errorf("%+v n = %d: share with x = %d %.4f, P(X(n) = x) = %.4f, %v", m, n, x, got, p, err)
				}
			}
			rows, err := btyd.CompressBGBB(hs)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m.LogLikelihood(rows); err != nil {
				t.Errorf("simulated histories rejected: %v", err)
			}
		}
	}
}

// TestSimulateSBG: the mean survivors of 400 cohorts of 1,000 match
// 1000·S(t) within 4 standard errors (sample SD over cohorts/√400) in
// each period, for the regular and high-end estimates of Fader & Hardie
// (2007) and a long-lived cohort; counts never rise.
func TestSimulateSBG(t *testing.T) {
	const reps, size, periods = 400, 1000, 12
	for k, m := range []btyd.SBG{{Alpha: 0.704, Beta: 1.182}, {Alpha: 0.668, Beta: 3.806}, {Alpha: 0.5, Beta: 20}} {
		rng := rand.New(rand.NewPCG(uint64(k), 2007))
		sum := make([]float64, periods+1)
		sq := make([]float64, periods+1)
		for r := 0; r < reps; r++ {
			surv, err := btyd.SimulateSBG(rng, m, size, periods)
			if err != nil {
				t.Fatal(err)
			}
			if len(surv) != periods+1 || surv[0] != size {
				t.Fatalf("%+v: survivors %v", m, surv)
			}
			for i, s := range surv {
				if i > 0 && s > surv[i-1] {
					t.Fatalf("%+v: survivors %v rise", m, surv)
				}
				sum[i] += float64(s)
				sq[i] += float64(s) * float64(s)
			}
		}
		for i := 1; i <= periods; i++ {
			avg := sum[i] / reps
			se := math.Sqrt((sq[i]/reps - avg*avg) / (reps - 1))
			if want := size * m.Survival(i); !within4SE(avg, want, se) {
				t.Errorf("%+v: mean survivors at %d %.2f ± %.2f, 1000·S(t) = %.2f", m, i, avg, se, want)
			}
		}
	}
	surv, err := btyd.SimulateSBG(rand.New(rand.NewPCG(1, 1)), btyd.SBG{Alpha: 1, Beta: 1}, 5, 0)
	if err != nil || !cmp.Equal(surv, []int64{5}) {
		t.Errorf("no periods: %v, %v", surv, err)
	}
}

func TestSimulateMoreReproducible(t *testing.T) {
	a, _ := btyd.SimulateBGBB(rand.New(rand.NewPCG(7, 7)), btyd.BGBB{Alpha: 1, Beta: 1, Gamma: 1, Delta: 1}, []int{3, 0, 6})
	b, _ := btyd.SimulateBGBB(rand.New(rand.NewPCG(7, 7)), btyd.BGBB{Alpha: 1, Beta: 1, Gamma: 1, Delta: 1}, []int{3, 0, 6})
	if !cmp.Equal(a, b, cmpopts.EquateEmpty()) || len(a[1]) != 0 {
		t.Errorf("%v vs %v", a, b)
	}
	x, _ := btyd.SimulateSBG(rand.New(rand.NewPCG(7, 7)), btyd.SBG{Alpha: 1, Beta: 2}, 100, 5)
	y, _ := btyd.SimulateSBG(rand.New(rand.NewPCG(7, 7)), btyd.SBG{Alpha: 1, Beta: 2}, 100, 5)
	if !cmp.Equal(x, y) {
		t.Errorf("%v vs %v", x, y)
	}
}

func TestSimulateMoreErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	mbg := btyd.MBGNBD{R: 1, Alpha: 1, A: 1, B: 1}
	gg := btyd.GammaGamma{P: 1, Q: 2, V: 1}
	bb := btyd.BGBB{Alpha: 1, Beta: 1, Gamma: 1, Delta: 1}
	sbg := btyd.SBG{Alpha: 1, Beta: 1}
	one := []btyd.Summary{{Frequency: 1, Recency: 1, T: 2}}
	cases := []struct {
		name string
		err  error
		want error
		text string
	}{
		{"MBG nil rng", second(btyd.SimulateMBGNBD(nil, mbg, []float64{1})), btyd.ErrInvalid, "rng"},
		{"MBG no ages", second(btyd.SimulateMBGNBD(rng, mbg, nil)), btyd.ErrEmpty, "ages"},
		{"MBG NaN age", second(btyd.SimulateMBGNBD(rng, mbg, []float64{1, math.NaN()})), btyd.ErrInvalid, "ages[1]"},
		{"MBG zero model", second(btyd.SimulateMBGNBD(rng, btyd.MBGNBD{}, []float64{1})), btyd.ErrInvalid, "parameter r = 0"},
		{"MBG b NaN", second(btyd.SimulateMBGNBD(rng, btyd.MBGNBD{R: 1, Alpha: 1, A: 1, B: math.NaN()}, []float64{1})), btyd.ErrInvalid, "parameter b = NaN"},
		{"MBG too many", second(btyd.SimulateMBGNBD(rng, btyd.MBGNBD{R: 1e8, Alpha: 1, A: 1e-8, B: 1e8}, []float64{1e8})), btyd.ErrInvalid, "more than"},
		{"GG nil rng", second(btyd.SimulateGammaGamma(nil, gg, one)), btyd.ErrInvalid, "rng"},
		{"GG no customers", second(btyd.SimulateGammaGamma(rng, gg, nil)), btyd.ErrEmpty, "no customers"},
		{"GG q NaN", second(btyd.SimulateGammaGamma(rng, btyd.GammaGamma{P: 1, Q: math.NaN(), V: 1}, one)), btyd.ErrInvalid, "q = NaN"},
		{"GG v 1e9", second(btyd.SimulateGammaGamma(rng, btyd.GammaGamma{P: 1, Q: 2, V: 1e9}, one)), btyd.ErrInvalid, "v = 1e+09"},
		{"GG negative x", second(btyd.SimulateGammaGamma(rng, gg, []btyd.Summary{{}, {Customer: "z", Frequency: -2}})), btyd.ErrInvalid, `customer 1 ("z")`},
		{"BGBB nil rng", second(btyd.SimulateBGBB(nil, bb, []int{1})), btyd.ErrInvalid, "rng"},
		{"BGBB none", second(btyd.SimulateBGBB(rng, bb, nil)), btyd.ErrEmpty, "no customers"},
		{"BGBB delta 0", second(btyd.SimulateBGBB(rng, btyd.BGBB{Alpha: 1, Beta: 1, Gamma: 1}, []int{1})), btyd.ErrInvalid, "delta = 0"},
		{"BGBB negative periods", second(btyd.SimulateBGBB(rng, bb, []int{1, -1})), btyd.ErrInvalid, "periods[1] = -1"},
		{"BGBB long", second(btyd.SimulateBGBB(rng, bb, []int{btyd.BGBBMaxPeriods + 1})), btyd.ErrInvalid, "periods[0]"},
		{"BGBB too many", second(btyd.SimulateBGBB(rng, bb, make200(btyd.BGBBMaxPeriods))), btyd.ErrInvalid, "more than"},
		{"sBG nil rng", second(btyd.SimulateSBG(nil, sbg, 10, 3)), btyd.ErrInvalid, "rng"},
		{"sBG alpha 0", second(btyd.SimulateSBG(rng, btyd.SBG{Beta: 1}, 10, 3)), btyd.ErrInvalid, "parameter alpha = 0"},
		{"sBG beta huge", second(btyd.SimulateSBG(rng, btyd.SBG{Alpha: 1, Beta: 1e300}, 10, 3)), btyd.ErrInvalid, "parameter beta = 1e+300"},
		{"sBG cohort 0", second(btyd.SimulateSBG(rng, sbg, 0, 3)), btyd.ErrInvalid, "cohort 0"},
		{"sBG huge cohort", second(btyd.SimulateSBG(rng, sbg, 1<<40, 3)), btyd.ErrInvalid, "cohort"},
		{"sBG periods", second(btyd.SimulateSBG(rng, sbg, 10, -1)), btyd.ErrInvalid, "periods -1"},
		{"sBG long", second(btyd.SimulateSBG(rng, sbg, 10, btyd.MaxProjectPeriods+1)), btyd.ErrInvalid, "periods"},
	}
	for _, c := range cases {
		if c.err == nil || !errors.Is(c.err, c.want) || strings.Count(c.err.Error(), "btyd: ") != 1 ||
			!strings.HasPrefix(c.err.Error(), "btyd: ") || !strings.Contains(c.err.Error(), c.text) {
			t.Errorf("%s: %v, want %v containing %q", c.name, c.err, c.want, c.text)
		}
	}
}

// make200 returns 200 customers of n opportunities each.
func make200(n int) []int {
	p := make([]int, 200)
	for i := range p {
		p[i] = n
	}
	return p
}

// scriptSource returns the scripted values first, then those of a PCG.
type scriptSource struct {
	script []uint64
	rest   rand.Source
}

func (s *scriptSource) Uint64() uint64 {
	if len(s.script) > 0 {
		v := s.script[0]
		s.script = s.script[1:]
		return v
	}
	return s.rest.Uint64()
}

// TestSimulateMBGNBDZeroGap: rand's ExpFloat64 returns exactly 0 when
// the low 32 bits of its draw are 0 (probability 2⁻³²). A first repeat
// purchase drawn at time 0 must still give a valid history (t_x > 0 when
// x > 0). The script makes, with r = α = a = b = 1: λ = 2/3 and p = 1/2
// (each gamma draw: NormFloat64 of 1<<52 is 0, Float64 of 1<<52 is 1/2,
// accepted), alive at time 0 (Float64 = 3/4 ≥ p), a gap of 0
// (ExpFloat64 of 1<<52) and dropout after it (Float64 = 0 < p).
func TestSimulateMBGNBDZeroGap(t *testing.T) {
	const h = 1 << 52
	src := &scriptSource{script: []uint64{h, h, h, h, h, h, 3 << 51, h, 0}, rest: rand.NewPCG(1, 1)}
	data, err := btyd.SimulateMBGNBD(rand.New(src), btyd.MBGNBD{R: 1, Alpha: 1, A: 1, B: 1}, []float64{1})
	if err != nil {
		t.Fatal(err)
	}
	if s := data[0]; s.Frequency != 1 || !(s.Recency > 0 && s.Recency <= s.T) {
		t.Errorf("history %+v: a repeat purchase needs t_x > 0", s)
	}
	if _, err := (btyd.MBGNBD{R: 1, Alpha: 1, A: 1, B: 1}).LogLikelihood(data); err != nil {
		t.Errorf("simulated history rejected: %v", err)
	}
}

// TestSimulateMBGNBDRecency checks the simulated recencies, which the
// frequency tests above do not see, through the law of total
// expectation: for customers of a common age T, the mean over customers
// of E[Y(t) | x, t_x, T] (which depends on t_x through P(alive)) equals
// E[X(T+t)] − E[X(T)], and the mean of P(alive) equals the probability
// that a new customer is alive at T, E[(1−p)·e^{−λpT}] = (b/(a+b))·
// E[(1 + pT/α)^{−r}], p ~ Beta(a, b+1), which is ProbAliveAfter(T, ·) of
// a customer whose first purchase ends the calibration period. Both
// within 4 standard errors (sample SD/√N) for 20,000 customers. (Recording
// the first purchase time as the recency instead of the last fails it.)
func TestSimulateMBGNBDRecency(t *testing.T) {
	const n, T, h = 20_000, 39.0, 39.0
	ages := make([]float64, n)
	for i := range ages {
		ages[i] = T
	}
	for k, m := range []btyd.MBGNBD{{R: 0.525, Alpha: 6.183, A: 0.891, B: 1.614}, {R: 5, Alpha: 2, A: 1.5, B: 30}} {
		data, err := btyd.SimulateMBGNBD(rand.New(rand.NewPCG(11, uint64(k))), m, ages)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			f    func(btyd.Summary) float64
			want float64
		}{
			{"E[Y(t) | x, t_x, T]", func(s btyd.Summary) float64 { return m.ConditionalPurchases(h, s) }, m.ExpectedPurchases(T+h) - m.ExpectedPurchases(T)},
			{"P(alive)", m.ProbAlive, m.ProbAliveAfter(T, btyd.Summary{})},
		} {
			var s, ss float64
			memo := map[btyd.Summary]float64{} // many customers share a history
			for _, d := range data {
				v, ok := memo[d]
				if !ok {
					v = c.f(d)
					memo[d] = v
				}
				s += v
				ss += v * v
			}
			avg := s / n
			se := math.Sqrt((ss/n - avg*avg) / (n - 1))
			if !within4SE(avg, c.want, se) {
				t.Errorf("%+v: mean %s %.5f ± %.5f, want %.5f", m, c.name, avg, se, c.want)
			}
		}
	}
}

// TestSimulateBGNBDZeroGap is TestSimulateMBGNBDZeroGap for the BG/NBD
// simulator, which draws no dropout at time 0: λ and p as there, then a
// gap of 0 (ExpFloat64 of 1<<52) and dropout after it (Float64 = 0 < p).
// Without the guard the history is x = 1, t_x = 0, which the likelihood
// rejects.
func TestSimulateBGNBDZeroGap(t *testing.T) {
	const h = 1 << 52
	m := btyd.BGNBD{R: 1, Alpha: 1, A: 1, B: 1}
	src := &scriptSource{script: []uint64{h, h, h, h, h, h, h, 0}, rest: rand.NewPCG(1, 1)}
	data, err := btyd.SimulateBGNBD(rand.New(src), m, []float64{1})
	if err != nil {
		t.Fatal(err)
	}
	if s := data[0]; s.Frequency != 1 || !(s.Recency > 0 && s.Recency <= s.T) {
		t.Errorf("history %+v: a repeat purchase needs t_x > 0", s)
	}
	if _, err := m.LogLikelihood(data); err != nil {
		t.Errorf("simulated history rejected: %v", err)
	}
}
