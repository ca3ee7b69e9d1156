package servqual_test

import (
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
)

// benchResponses generates n SERVQUAL responses with expectations and
// perceptions on 1..7 from a fixed seed.
func benchResponses(n int) []servqual.Response {
	rng := rand.New(rand.NewPCG(1, 2))
	rs := make([]servqual.Response, n)
	vals := make([]float64, 2*22*n)
	for i := range rs {
		e, p := vals[44*i:44*i+22:44*i+22], vals[44*i+22:44*i+44:44*i+44]
		for j := range e {
			e[j] = float64(4 + rng.IntN(4))
			p[j] = float64(1 + rng.IntN(7))
		}
		rs[i] = servqual.Response{Expectation: e, Perception: p}
	}
	return rs
}

var sinkReport servqual.Report

func BenchmarkAdd(b *testing.B) {
	rs := benchResponses(1024)
	a := servqual.NewAccumulator(servqual.SERVQUAL())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := a.Add(rs[i&1023]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAccumulate1M adds 1,000,000 SERVQUAL responses (expectations and
// perceptions) to one accumulator on one goroutine and builds the report.
func BenchmarkAccumulate1M(b *testing.B) {
	const n = 1_000_000
	rs := benchResponses(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := servqual.NewAccumulator(servqual.SERVQUAL())
		for _, r := range rs {
			if err := a.Add(r); err != nil {
				b.Fatal(err)
			}
		}
		sinkReport = a.Report()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "responses/s")
}

// BenchmarkAccumulateParallel1M scores the same million responses with
// Accumulate on every core (shards merged).
func BenchmarkAccumulateParallel1M(b *testing.B) {
	const n = 1_000_000
	rs := benchResponses(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a, err := servqual.Accumulate(servqual.SERVQUAL(), rs, 0)
		if err != nil {
			b.Fatal(err)
		}
		sinkReport = a.Report()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "responses/s")
}
