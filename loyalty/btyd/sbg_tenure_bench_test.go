package btyd_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// benchTenures draws n customers' tenures, each customer churning every
// period with a probability θ = 0.05 + 0.6·U₁U₂ of their own (so the
// cohort's retention rises with tenure), acquired uniformly over the last
// 60 periods.
func benchTenures(n int) []btyd.Tenure {
	rng := rand.New(rand.NewPCG(1, 2))
	ts := make([]btyd.Tenure, n)
	for i := range ts {
		theta := 0.05 + 0.6*rng.Float64()*rng.Float64()
		age := int64(rng.IntN(60))
		var tt int64 = 1
		for tt <= age && rng.Float64() > theta {
			tt++
		}
		if tt > age {
			ts[i] = btyd.Tenure{Periods: age, Active: true}
		} else {
			ts[i] = btyd.Tenure{Periods: tt}
		}
	}
	return ts
}

// The fit of a million tenures: compressing them to the distinct
// (periods, active) pairs is the cost that grows with customers; the
// likelihood's work depends on the distinct tenures only (here at most
// 120).
func BenchmarkFitSBGTenures(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		ts := benchTenures(n)
		b.Run(fmt.Sprintf("customers=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := btyd.FitSBGTenures(ts, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
