package loyalty_test

import (
	"testing"

	"github.com/cxlab/satisfaction/loyalty"
)

// BenchmarkFitBGNBDCDNOW fits BG/NBD to the 2,357 CDNOW customers.
func BenchmarkFitBGNBDCDNOW(b *testing.B) {
	data := cdnow(b)
	b.ReportAllocs()
	b.ResetTimer()
	var fit loyalty.BGNBDFit
	for i := 0; i < b.N; i++ {
		var err error
		fit, err = loyalty.FitBGNBD(data, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fit.Evaluations), "evals")
}
