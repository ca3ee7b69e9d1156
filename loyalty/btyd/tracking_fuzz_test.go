package btyd_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// FuzzTracking: three customers with fuzzed days (seconds from the start,
// possibly negative), unit and periods. An error wraps a sentinel with the
// prefix once and leaves the transactions unchanged; a table has periods
// rows, cumulative columns that are running sums of the incremental ones,
// finite non-decreasing expectations, and as many actual repeat days as
// the transactions have distinct later days inside the window at most.
func FuzzTracking(f *testing.F) {
	f.Add(int64(0), int64(3*86400), int64(7*86400), int64(week), 2, 0.243)
	f.Add(int64(-1), int64(0), int64(0), int64(week), 1, 0.243)   // first purchase before start
	f.Add(int64(0), int64(0), int64(0), int64(0), 1, 0.243)       // unit 0
	f.Add(int64(0), int64(1), int64(2), int64(1), 100_000, 0.243) // nanosecond unit
	f.Add(int64(0), int64(86400), int64(1<<40), int64(math.MaxInt64), 78, 0.243)
	f.Add(int64(math.MaxInt64/2), int64(0), int64(5), int64(week), 78, 0.243)
	f.Add(int64(0), int64(86400), int64(86400*400), int64(24*time.Hour), 500, math.NaN())
	f.Add(int64(0), int64(86400), int64(2*86400), int64(week), 0, 1e308)
	f.Add(int64(0), int64(86400), int64(2*86400), int64(week), -5, math.Copysign(0, -1))
	f.Fuzz(func(t *testing.T, a, b, c, unit int64, periods int, r float64) {
		if periods > 2000 {
			periods %= 2000 // keep each run short; the limit itself is in TestTrackingErrors
		}
		start := time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC)
		at := func(s int64) time.Time { return start.Add(time.Duration(s) * time.Second) }
		txs := []btyd.Transaction{
			{Customer: "x", Time: at(a)},
			{Customer: "y", Time: at(b)},
			{Customer: "x", Time: at(c)},
			{Customer: "x", Time: at(b)},
			{Customer: "y", Time: at(c)},
		}
		orig := append([]btyd.Transaction(nil), txs...)
		m := btyd.BGNBD{R: r, Alpha: 4.414, A: 0.793, B: 2.426}
		got, err := btyd.Tracking(m, txs, time.Duration(unit), start, periods)
		for i := range txs {
			if !txs[i].Time.Equal(orig[i].Time) || txs[i].Customer != orig[i].Customer {
				t.Fatalf("transaction %d changed", i)
			}
		}
		if err != nil {
			if !(errors.Is(err, btyd.ErrInvalid) || errors.Is(err, btyd.ErrEmpty)) || strings.Count(err.Error(), "btyd: ") != 1 || !strings.HasPrefix(err.Error(), "btyd: ") {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		if len(got.Rows) != periods || got.Customers < 0 || got.Customers > 2 {
			t.Fatalf("%d rows for %d periods, %d customers", len(got.Rows), periods, got.Customers)
		}
		cumA, prev := 0, 0.0
		for i, row := range got.Rows {
			cumA += row.Actual
			if row.Period != i+1 || row.Actual < 0 || row.CumActual != cumA {
				t.Fatalf("row %d: %+v", i, row)
			}
			if math.IsNaN(row.CumExpected) || math.IsInf(row.CumExpected, 0) || row.Expected < 0 || math.IsNaN(row.Expected) ||
				row.CumExpected < prev*(1-1e-12) || math.Abs(row.CumExpected-prev-row.Expected) > 1e-9*max(1, row.CumExpected) {
				t.Fatalf("row %d: %+v after cum %v", i, row, prev)
			}
			prev = row.CumExpected
		}
		if cumA > 3 {
			t.Fatalf("%d repeat days from two customers with at most 3 later days", cumA)
		}
	})
}
