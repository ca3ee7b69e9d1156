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

// BenchmarkLogLikelihoodCDNOW evaluates the BG/NBD log-likelihood of the
// 2,357 CDNOW customers plus one with 2^45 repeat purchases (whose cost is
// that of any other customer).
func BenchmarkLogLikelihoodCDNOW(b *testing.B) {
	data := append(cdnow(b), btyd.Summary{Frequency: 1 << 45, Recency: 30, T: 39})
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := m.LogLikelihood(data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data))*float64(b.N)/b.Elapsed().Seconds(), "customers/s")
}

// BenchmarkFitSBG fits the regular cohort of Fader & Hardie (2007).
func BenchmarkFitSBG(b *testing.B) {
	regular, _ := sbgCohorts(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := btyd.FitSBG(regular, nil); err != nil {
			b.Fatal(err)
		}
	}
}
