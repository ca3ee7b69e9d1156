package btyd_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// FuzzLikelihoodRatioTest: an error wrapping ErrInvalid with the prefix
// once, or a finite statistic ≥ 0 and a p-value in [0, 1] that falls as the
// statistic grows.
func FuzzLikelihoodRatioTest(f *testing.F) {
	f.Add(-100.0, -97.0, 2)
	f.Add(-9582.4, -9582.401, 4) // rounding: statistic 0
	f.Add(-9582.4, -9583.4, 1)   // clearly negative: error
	f.Add(math.NaN(), -1.0, 1)
	f.Add(-1.0, math.Inf(1), 1)
	f.Add(-1e308, 1e308, 1)
	f.Add(math.Copysign(0, -1), 0.0, 1)
	f.Add(-2.0, -1.0, 0)
	f.Add(-2.0, -1.0, math.MaxInt)
	f.Add(-1e6, 0.0, 1<<40)
	f.Fuzz(func(t *testing.T, restricted, full float64, df int) {
		got, err := btyd.LikelihoodRatioTest(restricted, full, df)
		if err != nil {
			if !errors.Is(err, btyd.ErrInvalid) || strings.Count(err.Error(), "btyd: ") != 1 || !strings.HasPrefix(err.Error(), "btyd: ") {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		if math.IsNaN(got.Statistic) || math.IsInf(got.Statistic, 0) || got.Statistic < 0 || got.DF != df {
			t.Fatalf("LikelihoodRatioTest(%v, %v, %d) = %+v", restricted, full, df, got)
		}
		if !(got.PValue >= 0 && got.PValue <= 1) {
			t.Fatalf("LikelihoodRatioTest(%v, %v, %d): p-value %v", restricted, full, df, got.PValue)
		}
		if more, err := btyd.LikelihoodRatioTest(restricted-1, full, df); err == nil && more.PValue > got.PValue {
			t.Fatalf("p-value rose from %v to %v with a larger statistic", got.PValue, more.PValue)
		}
	})
}

// FuzzCompareFits: an error wrapping a sentinel, or ranks that are a
// permutation of 1..n with the best at rank 1, finite criteria and
// differences ≥ 0 that match the ranks' order.
func FuzzCompareFits(f *testing.F) {
	f.Add(-9582.4, 4, -9590.0, 2, 2357, true)
	f.Add(-50.0, 2, -50.0, 2, 100, true)
	f.Add(math.NaN(), 1, -1.0, 1, 5, true)
	f.Add(-1e308, 1, -1.0, 1, 5, true)
	f.Add(1e308, math.MaxInt, -1.0, -1, 0, false)
	f.Add(math.Copysign(0, -1), 0, 0.0, 0, 1, true)
	f.Fuzz(func(t *testing.T, ll1 float64, k1 int, ll2 float64, k2 int, n int, conv bool) {
		in := []btyd.FitCandidate{
			{Name: "one", Info: btyd.FitInfo{LogLik: ll1, N: n, Converged: true}, Params: k1},
			{Name: "two", Info: btyd.FitInfo{LogLik: ll2, N: n, Converged: conv}, Params: k2},
			{Name: "three", Info: btyd.FitInfo{LogLik: ll1, N: n, Converged: true}, Params: k1},
		}
		got, err := btyd.CompareFits(in...)
		if err != nil {
			if !(errors.Is(err, btyd.ErrInvalid) || errors.Is(err, btyd.ErrEmpty)) || strings.Count(err.Error(), "btyd: ") != 1 {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		seenA, seenB := map[int]bool{}, map[int]bool{}
		for i, m := range got.Models {
			for _, v := range []float64{m.AIC, m.BIC, m.DeltaAIC, m.DeltaBIC} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("model %d: %+v", i, m)
				}
			}
			if m.DeltaAIC < 0 || m.DeltaBIC < 0 || m.RankAIC < 1 || m.RankAIC > 3 || m.RankBIC < 1 || m.RankBIC > 3 {
				t.Fatalf("model %d: %+v", i, m)
			}
			seenA[m.RankAIC], seenB[m.RankBIC] = true, true
		}
		if len(seenA) != 3 || len(seenB) != 3 || got.Models[got.BestAIC].RankAIC != 1 || got.Models[got.BestBIC].RankBIC != 1 {
			t.Fatalf("ranks not a permutation: %+v", got)
		}
		// Models one and three are identical: one ranks just above three.
		if got.Models[0].RankAIC > got.Models[2].RankAIC || got.Models[0].RankBIC > got.Models[2].RankBIC {
			t.Fatalf("tie not in input order: %+v", got)
		}
	})
}
