package btyd_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// meanSE returns the sample mean of the frequencies and its standard error.
func meanSE(data []btyd.Summary) (mean, se float64) {
	n := float64(len(data))
	var s, ss float64
	for _, d := range data {
		s += float64(d.Frequency)
	}
	mean = s / n
	for _, d := range data {
		ss += (float64(d.Frequency) - mean) * (float64(d.Frequency) - mean)
	}
	return mean, math.Sqrt(ss / (n - 1) / n)
}

// TestSimulateMeans: the sample mean frequency of 40,000 simulated
// customers of a common age T matches the model's own E[X(T)] within 4
// Monte-Carlo standard errors (sample standard deviation/√n; a false
// alarm has probability about 6e-5 per case), and recency never exceeds
// T. Parameters: the CDNOW estimates of Fader, Hardie & Lee (2005) for
// BG/NBD (r 0.243, α 4.414, a 0.793, b 2.426) and for Pareto/NBD (r
// 0.553, α 10.58, s 0.606, β 11.67), and a high-frequency case of each.
func TestSimulateMeans(t *testing.T) {
	const n = 40_000
	for _, T := range []float64{1, 39, 78} {
		ages := make([]float64, n)
		for i := range ages {
			ages[i] = T
		}
		for _, m := range []btyd.BGNBD{{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}, {R: 5, Alpha: 2, A: 1.5, B: 30}} {
			data, err := btyd.SimulateBGNBD(rand.New(rand.NewPCG(1, uint64(T))), m, ages)
			if err != nil {
				t.Fatal(err)
			}
			checkSim(t, data, T, m.ExpectedPurchases(T), "BG/NBD")
			checkCounts(t, data, T, m.ProbPurchases, "BG/NBD")
		}
		for _, m := range []btyd.ParetoNBD{{R: 0.553, Alpha: 10.58, S: 0.606, Beta: 11.67}, {R: 5, Alpha: 2, S: 1.5, Beta: 30}} {
			data, err := btyd.SimulateParetoNBD(rand.New(rand.NewPCG(2, uint64(T))), m, ages)
			if err != nil {
				t.Fatal(err)
			}
			checkSim(t, data, T, m.ExpectedPurchases(T), "Pareto/NBD")
			checkCounts(t, data, T, m.ProbPurchases, "Pareto/NBD")
		}
	}
}

func checkSim(t *testing.T, data []btyd.Summary, T, want float64, name string) {
	t.Helper()
	for i, d := range data {
		if d.T != T || d.Recency < 0 || d.Recency > T || (d.Frequency == 0) != (d.Recency == 0) {
			t.Fatalf("%s T=%g: customer %d: %+v", name, T, i, d)
		}
	}
	mean, se := meanSE(data)
	if math.Abs(mean-want) > 4*se {
		t.Errorf("%s T=%g: mean frequency %.4f ± %.4f, E[X(T)] = %.4f", name, T, mean, se, want)
	}
}

// checkCounts compares the share of customers with n = 0..4 repeat
// purchases with P(X(T) = n), within 4 binomial standard errors
// √(p(1−p)/N) (plus 1e-9 for p ≈ 0).
func checkCounts(t *testing.T, data []btyd.Summary, T float64, prob func(int, float64) float64, name string) {
	t.Helper()
	N := float64(len(data))
	for n := 0; n < 5; n++ {
		c := 0
		for _, d := range data {
			if d.Frequency == n {
				c++
			}
		}
		p := prob(n, T)
		if got := float64(c) / N; math.Abs(got-p) > 4*math.Sqrt(p*(1-p)/N)+1e-9 {
			t.Errorf("%s T=%g: share with %d purchases %.4f, P(X(T)=%d) = %.4f", name, T, n, got, n, p)
		}
	}
}

func TestSimulateReproducible(t *testing.T) {
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	ages := []float64{10, 20, 30, 0}
	a, _ := btyd.SimulateBGNBD(rand.New(rand.NewPCG(7, 7)), m, ages)
	b, _ := btyd.SimulateBGNBD(rand.New(rand.NewPCG(7, 7)), m, ages)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("customer %d: %+v vs %+v", i, a[i], b[i])
		}
	}
	if a[3].Frequency != 0 || a[3].Recency != 0 {
		t.Errorf("age 0: %+v", a[3])
	}
}

func TestSimulateErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	good := btyd.BGNBD{R: 1, Alpha: 1, A: 1, B: 1}
	gp := btyd.ParetoNBD{R: 1, Alpha: 1, S: 1, Beta: 1}
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"nil rng", second(btyd.SimulateBGNBD(nil, good, []float64{1})), btyd.ErrInvalid},
		{"no ages", second(btyd.SimulateBGNBD(rng, good, nil)), btyd.ErrEmpty},
		{"NaN age", second(btyd.SimulateBGNBD(rng, good, []float64{1, math.NaN()})), btyd.ErrInvalid},
		{"negative age", second(btyd.SimulateParetoNBD(rng, gp, []float64{-1})), btyd.ErrInvalid},
		{"Inf age", second(btyd.SimulateParetoNBD(rng, gp, []float64{math.Inf(1)})), btyd.ErrInvalid},
		{"zero r", second(btyd.SimulateBGNBD(rng, btyd.BGNBD{Alpha: 1, A: 1, B: 1}, []float64{1})), btyd.ErrInvalid},
		{"NaN beta", second(btyd.SimulateParetoNBD(rng, btyd.ParetoNBD{R: 1, Alpha: 1, S: 1, Beta: math.NaN()}, []float64{1})), btyd.ErrInvalid},
		// λ ≈ 1e8 per unit over 1e8 units: bounded by MaxSimulatedPurchases.
		{"too many", second(btyd.SimulateBGNBD(rng, btyd.BGNBD{R: 1e8, Alpha: 1, A: 1e-8, B: 1e8}, []float64{1e8})), btyd.ErrInvalid},
		{"too many P", second(btyd.SimulateParetoNBD(rng, btyd.ParetoNBD{R: 1e8, Alpha: 1, S: 1e-8, Beta: 1e8}, []float64{1e8})), btyd.ErrInvalid},
	}
	for _, c := range cases {
		if !errors.Is(c.err, c.want) || strings.Count(c.err.Error(), "btyd: ") != 1 || !strings.HasPrefix(c.err.Error(), "btyd: ") {
			t.Errorf("%s: %v, want %v", c.name, c.err, c.want)
		}
	}
}

// FuzzSimulate: any parameters and ages give an error wrapping a sentinel
// or summaries that are valid histories, without panic or hang.
func FuzzSimulate(f *testing.F) {
	f.Add(0.243, 4.414, 0.793, 2.426, 39.0, uint64(1))
	f.Add(1e-8, 1e8, 1e-8, 1e8, 1e8, uint64(2))
	f.Add(1e8, 1e-8, 1e8, 1e-8, 1e-8, uint64(3))
	f.Add(math.NaN(), 1.0, 1.0, 1.0, 1.0, uint64(4))
	f.Add(1.0, 1.0, 1.0, 1.0, math.Inf(1), uint64(5))
	f.Add(1.0, 1.0, 1.0, 1.0, math.Copysign(0, -1), uint64(6))
	f.Fuzz(func(t *testing.T, r, al, a, b, T float64, seed uint64) {
		ages := []float64{T, T / 2}
		for k := 0; k < 2; k++ {
			var data []btyd.Summary
			var err error
			if k == 0 {
				data, err = btyd.SimulateBGNBD(rand.New(rand.NewPCG(seed, 0)), btyd.BGNBD{R: r, Alpha: al, A: a, B: b}, ages)
			} else {
				data, err = btyd.SimulateParetoNBD(rand.New(rand.NewPCG(seed, 0)), btyd.ParetoNBD{R: r, Alpha: al, S: a, Beta: b}, ages)
			}
			if err != nil {
				if !errors.Is(err, btyd.ErrInvalid) {
					t.Fatal(err)
				}
				continue
			}
			for i, d := range data {
				if d.Frequency < 0 || !(d.Recency >= 0 && d.Recency <= d.T) || d.T != ages[i] {
					t.Fatalf("%d: %+v", i, d)
				}
			}
		}
	})
}
