package btyd_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// scaleLog returns a deterministic log of n transactions by customers
// customers in time order (as a shop's records arrive): customers'
// first purchases spread over a year, about two orders in three on the
// first day's date, amounts in cents.
func scaleLog(n, customers int) []btyd.Transaction {
	rng := rand.New(rand.NewPCG(16, 9))
	ids := make([]string, customers)
	for i := range ids {
		ids[i] = fmt.Sprintf("C%07d", i)
	}
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	txs := make([]btyd.Transaction, n)
	step := int64(2*365*24*time.Hour) / int64(n)
	for i := range txs {
		at := t0.Add(time.Duration(int64(i)*step + rng.Int64N(step)))
		txs[i] = btyd.Transaction{Customer: ids[rng.IntN(customers)], Time: at, Amount: decimal.New(100+rng.Int64N(20000), -2)}
	}
	return txs
}

// BenchmarkSummarize10M summarises 10,000,000 transactions of 1,000,000
// customers with a calibration end after a year and a holdout year
// (generation outside the timer).
func BenchmarkSummarize10M(b *testing.B) {
	benchSummarize(b, 10_000_000, 1_000_000)
}

// BenchmarkSummarize1M is the tenth of it, to show how the cost grows.
func BenchmarkSummarize1M(b *testing.B) {
	benchSummarize(b, 1_000_000, 100_000)
}

func benchSummarize(b *testing.B, n, customers int) {
	txs := scaleLog(n, customers)
	calEnd := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	opts := &btyd.SummaryOptions{HoldoutEnd: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sums, _, err := btyd.Summarize(txs, 7*24*time.Hour, calEnd, opts)
		if err != nil || len(sums) == 0 {
			b.Fatal(err)
		}
	}
}
