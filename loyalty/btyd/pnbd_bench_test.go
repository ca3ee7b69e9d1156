package btyd_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// BenchmarkFitParetoNBDCDNOW fits the Pareto/NBD to the 2,357 CDNOW
// customers (the rounded summary, as the peer benchmark
// /work/shared/bench/scipy_pnbd.py reads it).
func BenchmarkFitParetoNBDCDNOW(b *testing.B) {
	data := cdnow(b)
	b.ReportAllocs()
	b.ResetTimer()
	var fit btyd.ParetoNBDFit
	for i := 0; i < b.N; i++ {
		var err error
		fit, err = btyd.FitParetoNBD(data, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fit.Evaluations), "evals")
}

// simParetoNBD draws n customers from the Pareto/NBD m observed in whole
// days, as Summarize reports them in weeks: first purchases on days
// 0..83, calibration to day 273, repeat purchases on distinct later days.
func simParetoNBD(rng *rand.Rand, m btyd.ParetoNBD, n int) []btyd.Summary {
	out := make([]btyd.Summary, n)
	for i := range out {
		lambda := simGamma(rng, m.R) / m.Alpha // per week
		mu := simGamma(rng, m.S) / m.Beta
		first := rng.IntN(84)
		T := float64(273-first) / 7
		death := rng.ExpFloat64() / mu
		end := math.Min(death, T)
		x, last := 0, 0
		for t := rng.ExpFloat64() / lambda; t <= end; t += rng.ExpFloat64() / lambda {
			if d := int(math.Ceil(t * 7)); d > last && float64(d) <= T*7 {
				x, last = x+1, d
			}
		}
		out[i] = btyd.Summary{Frequency: x, Recency: float64(last) / 7, T: T}
	}
	return out
}

// BenchmarkFitParetoNBDSimulated fits 100,000 customers simulated from
// the CDNOW estimates in daily resolution; the cost grows with the
// number of distinct (x, t_x, T), reported as "histories".
func BenchmarkFitParetoNBDSimulated(b *testing.B) {
	m := btyd.ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67}
	data := simParetoNBD(rand.New(rand.NewPCG(1, 2)), m, 100_000)
	type key struct {
		x     int
		tx, t float64
	}
	distinct := map[key]bool{}
	for _, s := range data {
		distinct[key{s.Frequency, s.Recency, s.T}] = true
	}
	b.ReportAllocs()
	b.ResetTimer()
	var fit btyd.ParetoNBDFit
	for i := 0; i < b.N; i++ {
		var err error
		if fit, err = btyd.FitParetoNBD(data, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(distinct)), "histories")
	b.ReportMetric(float64(fit.Evaluations), "evals")
	b.Logf("estimate %+v", fit.ParetoNBD)
}
