package btyd_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// checkSimErr fails unless err is one of the simulators' documented
// errors, with the prefix once.
func checkSimErr(t *testing.T, err error) {
	t.Helper()
	checkError(t, err)
	if !errors.Is(err, btyd.ErrInvalid) && !errors.Is(err, btyd.ErrEmpty) {
		t.Fatalf("unexpected sentinel: %v", err)
	}
}

// FuzzSimulateMBGNBD: any parameters and ages give an error or valid
// histories of the given ages, without panic or hang.
func FuzzSimulateMBGNBD(f *testing.F) {
	f.Add(0.525, 6.183, 0.891, 1.614, 39.0, uint64(1))
	f.Add(1e-8, 1e8, 1e-8, 1e8, 1e8, uint64(2))
	f.Add(1e8, 1e-8, 1e8, 1e-8, 1e-8, uint64(3))
	f.Add(1e8, 1.0, 1e-8, 1e8, 1e8, uint64(3))
	f.Add(math.NaN(), 1.0, 1.0, 1.0, 1.0, uint64(4))
	f.Add(1.0, 1.0, 1.0, 1.0, math.Inf(1), uint64(5))
	f.Add(1.0, 1.0, 1.0, 1.0, math.Copysign(0, -1), uint64(6))
	f.Fuzz(func(t *testing.T, r, al, a, b, T float64, seed uint64) {
		ages := []float64{T, T / 2, 0}
		data, err := btyd.SimulateMBGNBD(rand.New(rand.NewPCG(seed, 0)), btyd.MBGNBD{R: r, Alpha: al, A: a, B: b}, ages)
		if err != nil {
			checkSimErr(t, err)
			return
		}
		for i, d := range data {
			if d.Frequency < 0 || !(d.Recency >= 0 && d.Recency <= d.T) || d.T != ages[i] || (d.Frequency == 0) != (d.Recency == 0) {
				t.Fatalf("%d: %+v", i, d)
			}
		}
	})
}

// FuzzSimulateGammaGamma: any parameters and frequencies give an error
// or a copy with a non-negative 4-decimal MeanSpend (zero exactly for
// x = 0), leaving the input unchanged.
func FuzzSimulateGammaGamma(f *testing.F) {
	f.Add(6.25, 3.74, 15.44, 3, 0, uint64(1))
	f.Add(1e-8, 1e-8, 1e-8, 1, 1<<50, uint64(2))
	f.Add(1e8, 1e8, 1e8, 1<<40, 1, uint64(3))
	f.Add(1e-8, 1e-8, 1e8, 5, 5, uint64(4))
	f.Add(math.NaN(), 1.0, 1.0, 1, 1, uint64(5))
	f.Add(1.0, math.Inf(1), 1.0, 1, 1, uint64(6))
	f.Add(1.0, 1.0, 1.0, -1, 1, uint64(7))
	f.Fuzz(func(t *testing.T, p, q, v float64, x1, x2 int, seed uint64) {
		in := []btyd.Summary{{Frequency: x1, Recency: 1, T: 2}, {Frequency: x2}, {}}
		keep := append([]btyd.Summary(nil), in...)
		out, err := btyd.SimulateGammaGamma(rand.New(rand.NewPCG(seed, 0)), btyd.GammaGamma{P: p, Q: q, V: v}, in)
		if !cmp.Equal(in, keep, cmpopts.EquateNaNs()) {
			t.Fatal("input modified")
		}
		if err != nil {
			checkSimErr(t, err)
			return
		}
		for i, o := range out {
			if o.Frequency != in[i].Frequency || o.MeanSpend.Sign() < 0 || o.MeanSpend.Exponent() < -4 ||
				(o.Frequency == 0 && !o.MeanSpend.IsZero()) {
				t.Fatalf("%d: %+v", i, o)
			}
		}
	})
}

// FuzzSimulateBGBB: any parameters and lengths give an error or histories
// of the given lengths that CompressBGBB and the likelihood accept.
func FuzzSimulateBGBB(f *testing.F) {
	f.Add(1.204, 0.750, 0.657, 2.783, 6, 0, uint64(1))
	f.Add(1e-8, 1e8, 1e-8, 1e8, 1000, 1, uint64(2))
	f.Add(1e8, 1e-8, 1e8, 1e-8, 3, 3, uint64(3))
	f.Add(math.NaN(), 1.0, 1.0, 1.0, 1, 1, uint64(4))
	f.Add(1.0, 1.0, 1.0, 1.0, -1, 1, uint64(5))
	f.Add(1.0, 1.0, 1.0, 1.0, btyd.BGBBMaxPeriods, btyd.BGBBMaxPeriods+1, uint64(6))
	f.Fuzz(func(t *testing.T, a, b, g, d float64, n1, n2 int, seed uint64) {
		m := btyd.BGBB{Alpha: a, Beta: b, Gamma: g, Delta: d}
		periods := []int{n1, n2, 0}
		hs, err := btyd.SimulateBGBB(rand.New(rand.NewPCG(seed, 0)), m, periods)
		if err != nil {
			checkSimErr(t, err)
			return
		}
		for i, h := range hs {
			if len(h) != periods[i] {
				t.Fatalf("%d: %d opportunities, want %d", i, len(h), periods[i])
			}
		}
		rows, err := btyd.CompressBGBB(hs)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.LogLikelihood(rows); err != nil && !errors.Is(err, btyd.ErrInvalid) {
			t.Fatal(err)
		}
	})
}

// FuzzSimulateSBG: any parameters, cohort and horizon give an error or
// periods+1 counts that start at the cohort and never rise.
func FuzzSimulateSBG(f *testing.F) {
	f.Add(0.704, 1.182, int64(1000), 7, uint64(1))
	f.Add(1e-8, 1e8, int64(1), 1<<20, uint64(2))
	f.Add(1e8, 1e-8, int64(100), 5, uint64(3))
	f.Add(1e-8, 1e-8, int64(50), 50, uint64(3))
	f.Add(math.NaN(), 1.0, int64(1), 1, uint64(4))
	f.Add(1.0, 1.0, int64(0), 1, uint64(5))
	f.Add(1.0, 1.0, int64(-5), -1, uint64(6))
	f.Fuzz(func(t *testing.T, a, b float64, cohort int64, periods int, seed uint64) {
		if cohort > 100_000 {
			cohort %= 100_000 // keep each run short; the limit itself is tested
		}
		surv, err := btyd.SimulateSBG(rand.New(rand.NewPCG(seed, 0)), btyd.SBG{Alpha: a, Beta: b}, cohort, periods)
		if err != nil {
			checkSimErr(t, err)
			return
		}
		if len(surv) != periods+1 || surv[0] != cohort {
			t.Fatalf("survivors %v", surv[:min(len(surv), 5)])
		}
		for i := 1; i < len(surv); i++ {
			if surv[i] < 0 || surv[i] > surv[i-1] {
				t.Fatalf("survivors rise at %d", i)
			}
		}
	})
}
