package btyd_test

import (
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// BenchmarkFitParetoNBDCDNOW fits the Pareto/NBD to the 2,357 CDNOW
// customers (the rounded summary, as the peer benchmark
// /work/shared/bench/scipy_pnbd.py reads it).
func BenchmarkFitParetoNBDCDNOW(b *testing.B) {
	data := cdnow(b)
	b.ReportAllocs()
	b.ResetTimer()
	var fit btyd.ParetoNBDFit
	for i := 0; i < b.N; i++ {
		var err error
		fit, err = btyd.FitParetoNBD(data, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fit.Evaluations), "evals")
}
