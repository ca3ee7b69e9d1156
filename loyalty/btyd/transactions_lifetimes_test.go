package btyd_test

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // America/New_York and Asia/Shanghai on any machine

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// Summarize against a hand-written Python reading of lifetimes'
// calibration_and_holdout_data (no pandas: naive wall-clock datetimes,
// period 'D' = calendar day, 'W' = W-SUN, Monday to Sunday), on one log
// with three time zones, the day New York's clocks go back (25 hours),
// a calibration end inside a customer's first day, ids differing only in
// case, amounts with 6 and 30 decimal places and a unit (7 hours) that
// does not divide a day. The script's essential lines:
//
//	def wall(y,mo,d,h,mi,tz): return datetime(y,mo,d,h,mi,tzinfo=ZoneInfo(tz)).replace(tzinfo=None)
//	def period(dt, freq):
//	    d = dt.date()
//	    if freq == 'D': return d.toordinal()
//	    if freq == 'W': return (d.toordinal() - 1) // 7   # ordinal 1 = 0001-01-01, a Monday
//	def cal_hold(txs, cal_end, obs_end, freq, mult):
//	    for c in customers in order of appearance:
//	        cal=[(t,a) for cc,t,a in txs if cc==c and t<=cal_end]
//	        hold=[(t,a) for cc,t,a in txs if cc==c and cal_end<t<=obs_end]
//	        if not cal: continue
//	        per = {period: sum of amounts} of cal; ps=sorted(per); first=ps[0]; x=len(ps)-1
//	        rec=(ps[-1]-first)/mult; T=(period(cal_end,freq)-first)/mult
//	        mon=(sum(per[p] for p in ps[1:])/x).quantize(Decimal('0.0001'),ROUND_HALF_UP) if x else 0
//	        fh=len({period(t,freq) for t,_ in hold}); dur=(period(obs_end,freq)-period(cal_end,freq))/mult
//
// It printed (customer, x, t_x, T, mean spend, holdout purchases, holdout
// length, holdout spend; in days/(7/24) Python rounds twice, so the
// test states the exact ratios 288/7, 240/7 and 360/7 of clock hours):
//
//	day/day    A 2 7.0 12.0 5.0000 1 15.0 9 | a 0 0 10.0 0 1 15.0 1E-30 | B 0 0 0 0 2 15.0 17
//	week/week  A 1 1.0 2.0 10.0000 1 2.0 9  | a 0 0 1.0 0 1 2.0 1E-30   | B 0 0 0 0 1 2.0 17
//	day/week   A 2 1.0 1.7142857142857142 5.0000 1 2.142857142857143 9 | a 0 0 1.4285714285714286 … | B … 2 2.142857142857143 17
//	day/7h     A 2 24.0 41.14285714285714 5.0000 1 51.42857142857142 9 | a 0 0 34.285714285714285 … | B … 2 51.42857142857142 17
func TestSummarizeMatchesLifetimesReading(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	at := func(mo time.Month, d, h, mi int, loc *time.Location) time.Time {
		return time.Date(2024, mo, d, h, mi, 0, 0, loc)
	}
	dec := decimal.RequireFromString
	txs := []btyd.Transaction{
		{"A", at(11, 3, 0, 30, ny), dec("1.5")},
		{"A", at(11, 3, 23, 30, ny), dec("2.25")}, // 25-hour day: one calendar day
		{"A", at(11, 4, 9, 0, sh), dec("0.000001")},
		{"a", at(11, 5, 10, 0, time.UTC), dec("123456789.123456")},
		{"A", at(11, 10, 12, 0, time.UTC), dec("10")},
		{"B", at(11, 15, 8, 0, time.UTC), dec("7")},
		{"B", at(11, 15, 15, 0, time.UTC), dec("8")}, // after the end, on the end's day
		{"B", at(11, 16, 1, 0, sh), dec("9")},        // 17:00 UTC on the 15th, the 16th on its clock
		{"A", at(11, 17, 3, 0, ny), dec("4")},
		{"A", at(11, 17, 23, 0, ny), dec("5")},
		{"a", at(11, 18, 0, 0, sh), dec("1e-30")},
		{"C", at(11, 16, 0, 0, time.UTC), dec("3")}, // first purchase after the end
	}
	before := append([]btyd.Transaction(nil), txs...)
	calEnd := at(11, 15, 12, 0, time.UTC)
	holdEnd := at(11, 30, 0, 0, ny)
	day, week := 24*time.Hour, 7*24*time.Hour
	s := func(c string, x int, tx, T float64, m string) btyd.Summary {
		return btyd.Summary{Customer: c, Frequency: x, Recency: tx, T: T, MeanSpend: dec(m)}
	}
	h := func(c string, n int, l float64, sp string) btyd.Holdout {
		return btyd.Holdout{Customer: c, Purchases: n, Length: l, Spend: dec(sp)}
	}
	for _, c := range []struct {
		name       string
		gran, unit time.Duration
		sums       []btyd.Summary
		holds      []btyd.Holdout
	}{
		{"day/day", day, day,
			[]btyd.Summary{s("A", 2, 7, 12, "5"), s("a", 0, 0, 10, "0"), s("B", 0, 0, 0, "0")},
			[]btyd.Holdout{h("A", 1, 15, "9"), h("a", 1, 15, "1e-30"), h("B", 2, 15, "17")}},
		{"week/week", week, week,
			[]btyd.Summary{s("A", 1, 1, 2, "10"), s("a", 0, 0, 1, "0"), s("B", 0, 0, 0, "0")},
			[]btyd.Holdout{h("A", 1, 2, "9"), h("a", 1, 2, "1e-30"), h("B", 1, 2, "17")}},
		{"day/week", day, week,
			[]btyd.Summary{s("A", 2, 1, 1.7142857142857142, "5"), s("a", 0, 0, 1.4285714285714286, "0"), s("B", 0, 0, 0, "0")},
			[]btyd.Holdout{h("A", 1, 2.142857142857143, "9"), h("a", 1, 2.142857142857143, "1e-30"), h("B", 2, 2.142857142857143, "17")}},
		{"day/7h", day, 7 * time.Hour,
			[]btyd.Summary{s("A", 2, 24, 288.0/7, "5"), s("a", 0, 0, 240.0/7, "0"), s("B", 0, 0, 0, "0")},
			[]btyd.Holdout{h("A", 1, 360.0/7, "9"), h("a", 1, 360.0/7, "1e-30"), h("B", 2, 360.0/7, "17")}},
	} {
		sums, holds, err := btyd.Summarize(txs, c.unit, calEnd, &btyd.SummaryOptions{Granularity: c.gran, HoldoutEnd: holdEnd})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		sameSummaries(t, c.name, sums, c.sums, holds, c.holds)
	}
	for i := range txs {
		if txs[i] != before[i] && !(txs[i].Customer == before[i].Customer && txs[i].Time.Equal(before[i].Time) && txs[i].Amount.Equal(before[i].Amount)) {
			t.Fatalf("transaction %d changed", i)
		}
	}
}

// The holdout end is compared with the calibration end on the clocks, as
// every time is: 19:00 on 31 December at UTC−5 (00:00 UTC on 1 January)
// is before a calibration end of 1 January 00:00 UTC, an error (it gave
// a holdout of length −1 day); 05:00 on 1 January in Shanghai (21:00 UTC
// the day before) is after it, a holdout of 0 days.
func TestSummarizeHoldoutEndOnTheClock(t *testing.T) {
	calEnd := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	txs := []btyd.Transaction{{Customer: "a", Time: time.Date(2023, 12, 1, 9, 0, 0, 0, time.UTC), Amount: decimal.New(1, 0)}}
	_, _, err := btyd.Summarize(txs, 24*time.Hour, calEnd, &btyd.SummaryOptions{HoldoutEnd: time.Date(2023, 12, 31, 19, 0, 0, 0, time.FixedZone("EST", -5*3600))})
	if !errors.Is(err, btyd.ErrInvalid) {
		t.Errorf("holdout end before the calibration end on its clock: error %v, want ErrInvalid", err)
	}
	_, holds, err := btyd.Summarize(txs, 24*time.Hour, calEnd, &btyd.SummaryOptions{HoldoutEnd: time.Date(2024, 1, 1, 5, 0, 0, 0, time.FixedZone("CST", 8*3600))})
	if err != nil || len(holds) != 1 || holds[0].Length != 0 || holds[0].Purchases != 0 {
		t.Errorf("holdout end after the calibration end on its clock: %+v, %v; want one empty holdout of length 0", holds, err)
	}
}
