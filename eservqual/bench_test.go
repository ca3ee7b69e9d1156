package eservqual_test

import (
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/eservqual"
)

// BenchmarkSegmentation1M segments 1,000,000 respondents drawn around the
// five profiles (k-means on four dimensions).
func BenchmarkSegmentation1M(b *testing.B) {
	const n = 1_000_000
	rng := rand.New(rand.NewPCG(9, 9))
	pr := eservqual.Profiles()
	data := make([]eservqual.Profile, n)
	for i := range data {
		p := pr[rng.IntN(5)]
		for d := range p {
			p[d] += 0.5 * rng.NormFloat64()
		}
		data[i] = p
	}
	b.ReportAllocs()
	b.ResetTimer()
	var iters int
	for i := 0; i < b.N; i++ {
		res, err := eservqual.Segmentation(data, nil)
		if err != nil {
			b.Fatal(err)
		}
		iters = res.Iterations
	}
	b.ReportMetric(float64(iters), "iterations")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "respondents/s")
}
