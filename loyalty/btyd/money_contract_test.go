package btyd_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// Summarize added 1e999999999 to 1.5 as exact decimals, building a
// billion-digit number (it ran for minutes); amounts are now bounded.
// The mean repeat spend is rounded half away from zero to 4 places.
func TestSummarizeAmounts(t *testing.T) {
	d0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	day := func(n int) time.Time { return d0.AddDate(0, 0, n) }
	for _, c := range []struct {
		amount decimal.Decimal
		word   string
	}{
		{decimal.New(1, 999999999), "about 1e999999999, want below 1e300"},
		{decimal.New(1, 300), "want below 1e300"},
		{decimal.New(1, -999999999), "more than 100 decimal places"},
		{decimal.New(-1, 0), "negative amount -1"},
	} {
		start := time.Now()
		txs := []btyd.Transaction{{"a", day(0), money("1")}, {"a", day(1), c.amount}, {"a", day(2), money("1.5")}}
		_, _, err := btyd.Summarize(txs, 24*time.Hour, day(5), nil)
		if !errors.Is(err, btyd.ErrInvalid) || !strings.Contains(err.Error(), c.word) || !strings.Contains(err.Error(), "transaction 1") ||
			strings.Count(err.Error(), "btyd: ") != 1 {
			t.Errorf("amount 1e%d: %v (want it to say %q)", c.amount.Exponent(), err, c.word)
		}
		if d := time.Since(start); d > 100*time.Millisecond {
			t.Errorf("amount 1e%d took %v", c.amount.Exponent(), d)
		}
	}
	// The largest and the smallest accepted amounts together: exact sums.
	txs := []btyd.Transaction{{"a", day(0), money("1")}, {"a", day(1), decimal.New(9, 298)}, {"a", day(2), decimal.New(1, -100)}}
	got, _, err := btyd.Summarize(txs, 24*time.Hour, day(5), nil)
	if err != nil || len(got) != 1 || !got[0].MeanSpend.Equal(decimal.New(45, 297)) {
		t.Errorf("bounds: %+v, %v", got, err)
	}
	// By hand: repeat purchases 1, 1 and 2 → 4/3 = 1.33333… → 1.3333;
	// 2/3 = 0.66666… → 0.6667 (half away from zero).
	txs = []btyd.Transaction{{"a", day(0), money("9")}, {"a", day(1), money("1")}, {"a", day(2), money("1")}, {"a", day(3), money("2")},
		{"b", day(0), money("9")}, {"b", day(1), money("0")}, {"b", day(2), money("0.5")}, {"b", day(3), money("1.5")}}
	got, _, err = btyd.Summarize(txs, 24*time.Hour, day(5), nil)
	if err != nil || len(got) != 2 || !got[0].MeanSpend.Equal(money("1.3333")) || !got[1].MeanSpend.Equal(money("0.6667")) {
		t.Errorf("rounding: %+v, %v", got, err)
	}
}
