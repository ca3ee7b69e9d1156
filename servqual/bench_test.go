package servqual_test

import (
	"math"
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

// benchPool is the number of distinct responses the variant benchmarks
// cycle through (a million distinct three-column responses would hold
// over half a gigabyte).
const benchPool = 1 << 16

// benchMissing generates SERVQUAL responses as benchResponses does, with
// each answer missing (NaN) with probability 1/10.
func benchMissing(n int) []servqual.Response {
	rng := rand.New(rand.NewPCG(3, 4))
	rs := benchResponses(n)
	for _, r := range rs {
		for _, v := range [][]float64{r.Expectation, r.Perception} {
			for j := range v {
				if rng.IntN(10) == 0 {
					v[j] = math.NaN()
				}
			}
		}
	}
	return rs
}

// benchZones generates three-column SERVQUAL responses — adequate and
// desired levels and perceptions on 1..7, adequate ≤ desired — with
// importance points that sum to 100.
func benchZones(n int) []servqual.Response {
	rng := rand.New(rand.NewPCG(5, 6))
	rs := make([]servqual.Response, n)
	for i := range rs {
		a, d, p := make([]float64, 22), make([]float64, 22), make([]float64, 22)
		for j := range a {
			a[j] = float64(1 + rng.IntN(5))
			d[j] = a[j] + float64(rng.IntN(3))
			p[j] = float64(1 + rng.IntN(7))
		}
		w := float64(rng.IntN(41))
		rs[i] = servqual.Response{Adequate: a, Desired: d, Perception: p, Importance: []float64{w, 20, 20, 20, 40 - w}}
	}
	return rs
}

// benchCycle adds 1,000,000 responses, cycling through rs, to one
// accumulator on one goroutine and builds the report.
func benchCycle(b *testing.B, rs []servqual.Response) {
	const n = 1_000_000
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := servqual.NewAccumulator(servqual.SERVQUAL())
		for j := 0; j < n; j++ {
			if err := a.Add(rs[j&(len(rs)-1)]); err != nil {
				b.Fatal(err)
			}
		}
		sinkReport = a.Report()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "responses/s")
}

// BenchmarkAccumulate1MMissing is BenchmarkAccumulate1M with one answer
// in ten missing, so most dimensions of most responses are incomplete.
func BenchmarkAccumulate1MMissing(b *testing.B) { benchCycle(b, benchMissing(benchPool)) }

// BenchmarkAccumulate1MZones is BenchmarkAccumulate1M for three-column
// responses (zone of tolerance, MSA, MSS) with importance points.
func BenchmarkAccumulate1MZones(b *testing.B) { benchCycle(b, benchZones(benchPool)) }

// BenchmarkReport builds the report of an accumulator that holds a
// million responses of each kind (complete, with missing answers, three
// column with importance); its cost does not depend on that number.
func BenchmarkReport(b *testing.B) {
	a := servqual.NewAccumulator(servqual.SERVQUAL())
	for _, rs := range [][]servqual.Response{benchResponses(benchPool), benchMissing(benchPool), benchZones(benchPool)} {
		for j := 0; j < 1_000_000; j++ {
			if err := a.Add(rs[j&(len(rs)-1)]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkReport = a.Report()
	}
}

// benchFractional generates SERVQUAL responses as benchResponses does,
// with half-point ratings (1.5 … 6.5), which the integer path does not
// take: it measures the general path (Welford's updates).
func benchFractional(n int) []servqual.Response {
	rs := benchResponses(n)
	for _, r := range rs {
		for _, v := range [][]float64{r.Expectation, r.Perception} {
			for j := range v {
				v[j] = min(v[j], 6) + 0.5
			}
		}
	}
	return rs
}

// BenchmarkAccumulate1MFractional is BenchmarkAccumulate1M with
// half-point ratings, scored by the general path.
func BenchmarkAccumulate1MFractional(b *testing.B) { benchCycle(b, benchFractional(benchPool)) }
