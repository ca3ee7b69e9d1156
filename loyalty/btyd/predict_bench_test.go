package btyd_test

import (
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// The predictions' cost at the CDNOW estimates and at a hard corner.
func BenchmarkPredictions(b *testing.B) {
	cdnow := btyd.BGNBD{R: 0.2426, Alpha: 4.4137, A: 0.7929, B: 2.4259}
	hard := btyd.BGNBD{R: 100, Alpha: 0.01, A: 0.001, B: 1000}
	s := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86}
	sbg := btyd.SBG{Alpha: 0.704, Beta: 1.182}
	cases := []struct {
		name string
		f    func() float64
	}{
		{"ExpectedPurchases/cdnow", func() float64 { return cdnow.ExpectedPurchases(39) }},
		{"ExpectedPurchases/hard", func() float64 { return hard.ExpectedPurchases(1e4) }},
		{"ConditionalPurchases/cdnow", func() float64 { return cdnow.ConditionalPurchases(39, s) }},
		{"ProbPurchases/cdnow", func() float64 { return cdnow.ProbPurchases(20, 39) }},
		{"ProbPurchases/n=5e7", func() float64 { return cdnow.ProbPurchases(50_000_000, 1e8) }},
		{"Survival/1e8", func() float64 { return sbg.Survival(100_000_000) }},
		{"DiscountedLifetime/d=1e-6", func() float64 { return sbg.DiscountedLifetime(1e-6) }},
		{"ResidualLifetime/n=300", func() float64 { return sbg.ResidualLifetime(0.1, 300) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c.f()
			}
		})
	}
}
