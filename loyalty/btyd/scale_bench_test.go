package btyd_test

import (
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// scaleAges returns n ages in weeks for a cohort whose first purchases
// fall uniformly in continuous time over the first 12 of 39 weeks, so
// that nearly every simulated history (x, t_x, T) is distinct.
func scaleAges(rng *rand.Rand, n int) []float64 {
	ages := make([]float64, n)
	for i := range ages {
		ages[i] = 39 - 12*rng.Float64()
	}
	return ages
}

// distinctHistories counts the distinct (x, t_x, T) of data.
func distinctHistories(data []btyd.Summary) int {
	type key struct {
		x     int
		tx, t float64
	}
	seen := make(map[key]struct{}, len(data))
	for _, s := range data {
		seen[key{s.Frequency, s.Recency, s.T}] = struct{}{}
	}
	return len(seen)
}

// BenchmarkFitBGNBD1M fits BG/NBD to 1,000,000 customers simulated in
// continuous time from the CDNOW estimates (simulation outside the timer).
func BenchmarkFitBGNBD1M(b *testing.B) { benchFitBGNBD(b, 1_000_000) }

// BenchmarkFitBGNBD100k is the tenth of it, to show how the cost grows.
func BenchmarkFitBGNBD100k(b *testing.B) { benchFitBGNBD(b, 100_000) }

func benchFitBGNBD(b *testing.B, n int) {
	rng := rand.New(rand.NewPCG(16, 1))
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	data, err := btyd.SimulateBGNBD(rng, m, scaleAges(rng, n))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var fit btyd.BGNBDFit
	for i := 0; i < b.N; i++ {
		if fit, err = btyd.FitBGNBD(data, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(distinctHistories(data)), "histories")
	b.ReportMetric(float64(fit.Evaluations), "evals")
	b.Logf("estimate %+v", fit.BGNBD)
}

// BenchmarkFitParetoNBD1M fits the Pareto/NBD to 1,000,000 customers
// simulated in continuous time from the CDNOW estimates.
func BenchmarkFitParetoNBD1M(b *testing.B) { benchFitParetoNBD(b, 1_000_000) }

// BenchmarkFitParetoNBD100k is the tenth of it, to show how the cost
// grows.
func BenchmarkFitParetoNBD100k(b *testing.B) { benchFitParetoNBD(b, 100_000) }

func benchFitParetoNBD(b *testing.B, n int) {
	rng := rand.New(rand.NewPCG(16, 2))
	m := btyd.ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67}
	data, err := btyd.SimulateParetoNBD(rng, m, scaleAges(rng, n))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var fit btyd.ParetoNBDFit
	for i := 0; i < b.N; i++ {
		if fit, err = btyd.FitParetoNBD(data, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(distinctHistories(data)), "histories")
	b.ReportMetric(float64(fit.Evaluations), "evals")
	b.Logf("estimate %+v", fit.ParetoNBD)
}
