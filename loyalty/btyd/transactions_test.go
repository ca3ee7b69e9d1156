package btyd_test

import (
	"bufio"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// cdnowTransactions reads the CDNOW transaction log (testdata/README.md).
func cdnowTransactions(t testing.TB) []btyd.Transaction {
	f, err := os.Open("testdata/CDNOW_sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var txs []btyd.Transaction
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 5 {
			continue
		}
		at, err := time.Parse("20060102", fs[2])
		if err != nil {
			t.Fatal(err)
		}
		txs = append(txs, btyd.Transaction{Customer: fs[0], Time: at, Amount: decimal.RequireFromString(fs[4])})
	}
	return txs
}

const week = 7 * 24 * time.Hour

func TestSummarizeReproducesCDNOW(t *testing.T) {
	calEnd := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	got, hold, err := btyd.Summarize(cdnowTransactions(t), week, calEnd, &btyd.SummaryOptions{HoldoutEnd: time.Date(1998, 6, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	// The published calibration summary (lifetimes; two decimals): same
	// customers in the same order, x equal, t_x, T and zbar within the
	// rounding.
	want := cdnow(t)
	if len(got) != len(want) || len(hold) != len(got) {
		t.Fatalf("%d summaries, %d holdouts, want %d", len(got), len(hold), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Frequency != w.Frequency || math.Abs(g.Recency-w.Recency) > 0.005 || math.Abs(g.T-w.T) > 0.005 || g.MeanSpend.Sub(w.MeanSpend).Abs().GreaterThan(money("0.005")) {
			t.Fatalf("customer %d (%s): got %+v, want %+v", i, g.Customer, g, w)
		}
	}
	// By hand, customer 00004: purchases 1997-01-01 (29.33), 01-18 (29.73),
	// 08-02 (14.96), then 12-12 (26.48) in the holdout: x = 2, t_x = 213
	// days = 30.43 weeks, T = 272 days, mean repeat spend (29.73 +
	// 14.96)/2 = 22.345; holdout 1 purchase of 26.48 over 273 days.
	c := got[0]
	if c.Customer != "00004" || c.Frequency != 2 || math.Abs(c.Recency-213.0/7) > 1e-12 || math.Abs(c.T-272.0/7) > 1e-12 || !c.MeanSpend.Equal(money("22.345")) {
		t.Errorf("customer 00004: %+v", c)
	}
	if h := hold[0]; h.Purchases != 1 || !h.Spend.Equal(decimal.RequireFromString("26.48")) || math.Abs(h.Length-273.0/7) > 1e-12 {
		t.Errorf("holdout 00004: %+v", h)
	}
}

func TestSummarizeByHand(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 9, 0, 0, 0, time.UTC) }
	d := decimal.RequireFromString
	txs := []btyd.Transaction{
		{"b", day(3), d("10")},
		{"a", day(1), d("5")},
		{"a", day(1).Add(3 * time.Hour), d("7")}, // same day: merged with the first
		{"a", day(8), d("20")},
		{"a", day(15), d("40")},
		{"a", day(25), d("9")}, // after the calibration end
		{"c", day(22), d("1")}, // first purchase after the end: left out
	}
	end := day(20)
	got, hold, err := btyd.Summarize(txs, week, end, nil)
	if err != nil || hold != nil {
		t.Fatal(err)
	}
	// b: one purchase; T = 17 days. a: repeat purchases on days 8 and 15 →
	// x = 2, t_x = 14 days = 2 weeks, T = 19 days, mean (20+40)/2 = 30.
	want := []btyd.Summary{
		{Customer: "b", Frequency: 0, Recency: 0, T: 17.0 / 7},
		{Customer: "a", Frequency: 2, Recency: 2, T: 19.0 / 7, MeanSpend: money("30")},
	}
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i].Customer != want[i].Customer || got[i].Frequency != want[i].Frequency ||
			math.Abs(got[i].Recency-want[i].Recency) > 1e-12 || math.Abs(got[i].T-want[i].T) > 1e-12 || !got[i].MeanSpend.Equal(want[i].MeanSpend) {
			t.Errorf("summary %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	// Without merging, a's same-day purchase counts: x = 3, and in days T
	// is 19 (09:00 on day 1 to 09:00 on day 20).
	got, _, err = btyd.Summarize(txs, 24*time.Hour, end, &btyd.SummaryOptions{Granularity: -1})
	if err != nil || got[1].Frequency != 3 || got[1].T != 19 {
		t.Errorf("no merging: %+v, %v", got, err)
	}
	bad := []struct {
		name string
		txs  []btyd.Transaction
		unit time.Duration
		end  time.Time
		opts *btyd.SummaryOptions
		want error
	}{
		{"empty", nil, week, end, nil, btyd.ErrEmpty},
		{"zero unit", txs, 0, end, nil, btyd.ErrInvalid},
		{"no end", txs, week, time.Time{}, nil, btyd.ErrInvalid},
		{"holdout before end", txs, week, end, &btyd.SummaryOptions{HoldoutEnd: day(2)}, btyd.ErrInvalid},
		{"no customer", []btyd.Transaction{{"", day(1), d("1")}}, week, end, nil, btyd.ErrInvalid},
		{"no time", []btyd.Transaction{{"a", time.Time{}, d("1")}}, week, end, nil, btyd.ErrInvalid},
		{"refund", []btyd.Transaction{{"a", day(1), d("-1")}}, week, end, nil, btyd.ErrInvalid},
	}
	for _, b := range bad {
		if _, _, err := btyd.Summarize(b.txs, b.unit, b.end, b.opts); !errors.Is(err, b.want) {
			t.Errorf("%s: %v", b.name, err)
		}
	}
}
