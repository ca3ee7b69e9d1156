package btyd_test

import (
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// BenchmarkTrackingCDNOW tracks the 2,357 CDNOW customers (6,919
// transactions, 84 distinct first-purchase days) over 78 weeks with the
// BG/NBD.
func BenchmarkTrackingCDNOW(b *testing.B) {
	txs := cdnowTransactions(b)
	start := time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for range b.N {
		if _, err := btyd.Tracking(fhl2005, txs, week, start, 78); err != nil {
			b.Fatal(err)
		}
	}
}
