package pls_test

import (
	"math"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
)

// simulateECSI draws n respondents of the ECSI model: latent constructs
// with the true paths of testdata/reference.py, 27 items with loadings
// 0.6..0.9 on a 1..10 scale.
func simulateECSI(n int, seed uint64) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 2))
	sizes := []int{5, 5, 5, 4, 4, 4}
	var lam []float64
	var block []int
	for j, s := range sizes {
		for range s {
			lam = append(lam, 0.6+0.3*rng.Float64())
			block = append(block, j)
		}
	}
	out := make([][]float64, n)
	for i := range out {
		var e [6]float64
		e[0] = rng.NormFloat64()
		e[1] = 0.5*e[0] + math.Sqrt(0.75)*rng.NormFloat64()
		e[2] = 0.8*e[1] + 0.6*rng.NormFloat64()
		e[3] = 0.2*e[1] + 0.6*e[2] + 0.7*rng.NormFloat64()
		e[4] = 0.2*e[0] + 0.1*e[1] + 0.2*e[2] + 0.4*e[3] + 0.6*rng.NormFloat64()
		e[5] = 0.3*e[0] + 0.5*e[4] + 0.7*rng.NormFloat64()
		row := make([]float64, len(lam))
		for k, l := range lam {
			x := l*e[block[k]] + math.Sqrt(1-l*l)*rng.NormFloat64()
			row[k] = max(1, min(10, math.Round(6+1.8*x)))
		}
		out[i] = row
	}
	return out
}

var (
	millionOnce sync.Once
	million     *pls.Accumulator
)

func millionAccumulator(b *testing.B) *pls.Accumulator {
	millionOnce.Do(func() {
		million = &pls.Accumulator{}
		for s := range 10 {
			for _, row := range simulateECSI(100000, uint64(s)) {
				if err := million.Add(row); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	return million
}

// BenchmarkFitAccumulator fits the ECSI model from an accumulator of
// 1,000,000 respondents (the time after accumulation).
func BenchmarkFitAccumulator(b *testing.B) {
	m, err := pls.NewModel(ecsiSpec())
	if err != nil {
		b.Fatal(err)
	}
	a := millionAccumulator(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := m.FitAccumulator(a, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(a.N()), "respondents")
}

// BenchmarkAdd measures accumulation of complete 27-item rows.
func BenchmarkAdd(b *testing.B) {
	data := simulateECSI(10000, 1)
	var a pls.Accumulator
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if err := a.Add(data[i%len(data)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "respondents/s")
}

// benchmarkBootstrap runs 5,000 resamples of the ECSI model on
// testdata/ecsi.csv (27 indicators, n = 250: the data of
// /work/shared/bench/numpy_plspm.py 250, same generator and seed).
func benchmarkBootstrap(b *testing.B, workers int) {
	_, data := readCSV(b, "testdata/ecsi.csv")
	m, err := pls.NewModel(ecsiSpec())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := m.Bootstrap(data, nil, &pls.BootstrapOptions{Resamples: 5000, Seed: 7, Workers: workers}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(5000*float64(b.N)/b.Elapsed().Seconds(), "resamples/s")
}

// BenchmarkBootstrapECSI1 runs the bootstrap on one core.
func BenchmarkBootstrapECSI1(b *testing.B) { benchmarkBootstrap(b, 1) }

// BenchmarkBootstrapECSIAll runs it on all cores.
func BenchmarkBootstrapECSIAll(b *testing.B) { benchmarkBootstrap(b, 0) }

// BenchmarkStreamBootstrapAdd adds 27-item respondents to an online
// bootstrap of 200 replicates.
func BenchmarkStreamBootstrapAdd(b *testing.B) {
	data := simulateECSI(1000, 1)
	sb, err := pls.NewStreamBootstrap(27, 200, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if err := sb.Add(uint64(i), data[i%len(data)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "respondents/s")
}
