package btyd_test

import (
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// BenchmarkFitBGNBDCDNOW fits BG/NBD to the 2,357 CDNOW customers.
func BenchmarkFitBGNBDCDNOW(b *testing.B) {
	data := cdnow(b)
	b.ReportAllocs()
	b.ResetTimer()
	var fit btyd.BGNBDFit
	for i := 0; i < b.N; i++ {
		var err error
		fit, err = btyd.FitBGNBD(data, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fit.Evaluations), "evals")
}
