package btyd_test

import (
	"strconv"
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

// BenchmarkTrackingMillion tracks 1,000,000 customers (3,000,000
// transactions; first purchases on 90 distinct days, two repeat days
// each) over 78 weeks with the BG/NBD: the grouping is linear in the
// transactions, the model work 78 × 90 evaluations whatever the number of
// customers.
func BenchmarkTrackingMillion(b *testing.B) {
	start := time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC)
	txs := make([]btyd.Transaction, 0, 3_000_000)
	for i := range 1_000_000 {
		id := strconv.Itoa(i)
		first := start.AddDate(0, 0, i%90)
		txs = append(txs,
			btyd.Transaction{Customer: id, Time: first},
			btyd.Transaction{Customer: id, Time: first.AddDate(0, 0, 1+i%200)},
			btyd.Transaction{Customer: id, Time: first.AddDate(0, 0, 3+i%400)})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := btyd.Tracking(fhl2005, txs, week, start, 78); err != nil {
			b.Fatal(err)
		}
	}
}
