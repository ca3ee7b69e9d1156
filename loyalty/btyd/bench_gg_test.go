package btyd_test

import (
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// BenchmarkFitGammaGammaCDNOW fits Gamma-Gamma to the CDNOW customers
// (the 946 repeat buyers carry the spend information).
func BenchmarkFitGammaGammaCDNOW(b *testing.B) {
	data := cdnow(b)
	b.ReportAllocs()
	b.ResetTimer()
	var fit btyd.GammaGammaFit
	for i := 0; i < b.N; i++ {
		var err error
		fit, err = btyd.FitGammaGamma(data, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fit.Evaluations), "evals")
}
