package btyd_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// BenchmarkFitMBGNBDCDNOW fits the MBG/NBD to the 2,357 CDNOW customers
// (the rounded summary, as lifetimes reads it).
func BenchmarkFitMBGNBDCDNOW(b *testing.B) {
	data := cdnow(b)
	b.ReportAllocs()
	b.ResetTimer()
	var fit btyd.MBGNBDFit
	for i := 0; i < b.N; i++ {
		var err error
		if fit, err = btyd.FitMBGNBD(data, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fit.Evaluations), "evals")
}

// BenchmarkFitMBGNBDSimulated fits 1,000,000 customers drawn by
// SimulateMBGNBD from the CDNOW estimates and observed in whole days, as
// Summarize reports them in weeks: first purchases on days 0..83,
// calibration to day 273, purchase times rounded up to the day. The
// cost grows with the number of distinct (x, t_x, T), reported as
// "histories".
func BenchmarkFitMBGNBDSimulated(b *testing.B) {
	m := btyd.MBGNBD{R: 0.525, Alpha: 6.183, A: 0.891, B: 1.614}
	rng := rand.New(rand.NewPCG(1, 2))
	ages := make([]float64, 1_000_000)
	for i := range ages {
		ages[i] = float64(273-rng.IntN(84)) / 7
	}
	data, err := btyd.SimulateMBGNBD(rng, m, ages)
	if err != nil {
		b.Fatal(err)
	}
	type key struct {
		x     int
		tx, t float64
	}
	distinct := map[key]bool{}
	for i := range data {
		if s := &data[i]; s.Frequency > 0 {
			s.Recency = math.Min(math.Ceil(s.Recency*7), s.T*7) / 7
		}
		distinct[key{data[i].Frequency, data[i].Recency, data[i].T}] = true
	}
	b.ReportAllocs()
	b.ResetTimer()
	var fit btyd.MBGNBDFit
	for i := 0; i < b.N; i++ {
		if fit, err = btyd.FitMBGNBD(data, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(distinct)), "histories")
	b.ReportMetric(float64(fit.Evaluations), "evals")
	b.Logf("estimate %+v", fit.MBGNBD)
}
