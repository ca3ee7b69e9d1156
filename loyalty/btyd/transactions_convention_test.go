package btyd_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// refSummarize is an independent, literal reading of Summarize's
// documented convention, with maps, time.Date and time.Time.Truncate:
// times on their own wall clocks; calibration = at or before the end,
// holdout = after it up to the holdout end; merging by interval within
// each period; times from the starts of the intervals.
func refSummarize(txs []btyd.Transaction, unit time.Duration, calEnd time.Time, gran time.Duration, holdEnd time.Time) ([]btyd.Summary, []btyd.Holdout) {
	clock := func(t time.Time) time.Time {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	}
	if gran == 0 {
		gran = 24 * time.Hour
	}
	bucket := func(t time.Time) time.Time {
		if gran < 0 {
			return t
		}
		return t.Truncate(gran)
	}
	span := func(a, b time.Time) float64 {
		if d := b.Sub(a); d > math.MinInt64 && d < math.MaxInt64 {
			return float64(d) / float64(unit)
		}
		return ((float64(b.Unix())-float64(a.Unix()))*1e9 + float64(b.Nanosecond()-a.Nanosecond())) / float64(unit)
	}
	type p struct {
		at  time.Time
		amt decimal.Decimal
	}
	var order []string
	by := map[string][]p{}
	for _, tx := range txs {
		if _, ok := by[tx.Customer]; !ok {
			order = append(order, tx.Customer)
		}
		by[tx.Customer] = append(by[tx.Customer], p{clock(tx.Time), tx.Amount})
	}
	ce, he := clock(calEnd), clock(holdEnd)
	var sums []btyd.Summary
	var holds []btyd.Holdout
	for _, c := range order {
		ps := by[c]
		slices.SortStableFunc(ps, func(a, b p) int { return a.at.Compare(b.at) })
		var cal, hold []p
		for _, q := range ps {
			switch {
			case !q.at.After(ce):
				cal = append(cal, q)
			case !holdEnd.IsZero() && !q.at.After(he):
				hold = append(hold, q)
			}
		}
		if len(cal) == 0 {
			continue
		}
		merge := func(ps []p) (bs []time.Time, amts []decimal.Decimal) {
			for _, q := range ps {
				b := bucket(q.at)
				if n := len(bs); n > 0 && bs[n-1].Equal(b) {
					amts[n-1] = amts[n-1].Add(q.amt)
					continue
				}
				bs, amts = append(bs, b), append(amts, q.amt)
			}
			return bs, amts
		}
		bs, amts := merge(cal)
		s := btyd.Summary{Customer: c, Frequency: len(bs) - 1, Recency: span(bs[0], bs[len(bs)-1]), T: span(bs[0], bucket(ce))}
		if s.Frequency > 0 {
			total := decimal.Zero
			for _, a := range amts[1:] {
				total = total.Add(a)
			}
			s.MeanSpend = total.DivRound(decimal.NewFromInt(int64(s.Frequency)), 4)
		}
		sums = append(sums, s)
		if holdEnd.IsZero() {
			continue
		}
		hb, ha := merge(hold)
		h := btyd.Holdout{Customer: c, Purchases: len(hb), Length: span(bucket(ce), bucket(he)), Spend: decimal.Zero}
		for _, a := range ha {
			h.Spend = h.Spend.Add(a)
		}
		holds = append(holds, h)
	}
	return sums, holds
}

func sameSummaries(t *testing.T, what string, got, want []btyd.Summary, gotH, wantH []btyd.Holdout) {
	t.Helper()
	if len(got) != len(want) || len(gotH) != len(wantH) {
		t.Fatalf("%s: %d summaries and %d holdouts, want %d and %d\ngot  %+v\nwant %+v", what, len(got), len(gotH), len(want), len(wantH), got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Customer != w.Customer || g.Frequency != w.Frequency || g.Recency != w.Recency || g.T != w.T || !g.MeanSpend.Equal(w.MeanSpend) {
			t.Fatalf("%s: summary %d = %+v, want %+v", what, i, g, w)
		}
	}
	for i := range wantH {
		g, w := gotH[i], wantH[i]
		if g.Customer != w.Customer || g.Purchases != w.Purchases || g.Length != w.Length || !g.Spend.Equal(w.Spend) {
			t.Fatalf("%s: holdout %d = %+v, want %+v", what, i, g, w)
		}
	}
}

// The calibration/holdout split is by instant, before any merging, as in
// lifetimes' calibration_and_holdout_data: a purchase later on the
// calibration end's day, or in its week, is a holdout purchase. Summarize
// used to merge it into the calibration end's interval and count it in
// the calibration period.
func TestSummarizeCalibrationEndDay(t *testing.T) {
	d := decimal.RequireFromString
	at := func(day, hour int) time.Time { return time.Date(2026, 1, day, hour, 0, 0, 0, time.UTC) }
	end := at(20, 0) // the calibration end: midnight starting 20 January
	txs := []btyd.Transaction{
		{"a", at(6, 0), d("10")},
		{"a", at(20, 0), d("20")},  // on the end instant: calibration
		{"a", at(20, 15), d("40")}, // later that day: holdout
		{"a", at(21, 9), d("80")},  // the day after: holdout
		{"b", at(20, 15), d("5")},  // first purchase after the end: not summarised
	}
	sums, hold, err := btyd.Summarize(txs, 24*time.Hour, end, &btyd.SummaryOptions{HoldoutEnd: at(27, 0)})
	if err != nil {
		t.Fatal(err)
	}
	// By hand, in days: a's first purchase on day 6, a repeat purchase on
	// day 20 (x = 1, t_x = 14, T = 14, mean 20); holdout: 20 January
	// 15:00 and 21 January, two days, 120 in all, over 7 days.
	want := []btyd.Summary{{Customer: "a", Frequency: 1, Recency: 14, T: 14, MeanSpend: d("20")}}
	wantH := []btyd.Holdout{{Customer: "a", Purchases: 2, Length: 7, Spend: d("120")}}
	sameSummaries(t, "daily", sums, want, hold, wantH)

	// At a weekly granularity (weeks run Monday to Sunday: 5 January 2026
	// is a Monday), the end on Wednesday 14 January: the purchase on
	// Friday 16 January is in the holdout although it shares the end's
	// week, and counts there once with Saturday's.
	if at(5, 0).Weekday() != time.Monday || at(14, 0).Weekday() != time.Wednesday {
		t.Fatal("calendar")
	}
	txs = []btyd.Transaction{
		{"w", at(5, 10), d("1")},  // Monday, week 1
		{"w", at(13, 10), d("2")}, // Tuesday, week 2: a repeat purchase
		{"w", at(16, 10), d("4")}, // Friday, week 2, after the end: holdout
		{"w", at(17, 10), d("8")}, // Saturday, week 2: merged with Friday
	}
	week := 7 * 24 * time.Hour
	sums, hold, err = btyd.Summarize(txs, week, at(14, 0), &btyd.SummaryOptions{Granularity: week, HoldoutEnd: at(26, 0)})
	if err != nil {
		t.Fatal(err)
	}
	// T: from the week of 5 January to the week of 14 January (12
	// January) = 1 week; holdout length: 12 → 26 January = 2 weeks.
	want = []btyd.Summary{{Customer: "w", Frequency: 1, Recency: 1, T: 1, MeanSpend: d("2")}}
	wantH = []btyd.Holdout{{Customer: "w", Purchases: 1, Length: 2, Spend: d("12")}}
	sameSummaries(t, "weekly", sums, want, hold, wantH)
}

// Seven-day intervals run from Monday to Sunday (time.Truncate counts
// from 0001-01-01, a Monday); the doc used to say they counted from the
// Unix epoch, a Thursday.
func TestSummarizeWeekBoundaries(t *testing.T) {
	d := decimal.RequireFromString
	at := func(day int) time.Time { return time.Date(2026, 1, day, 12, 0, 0, 0, time.UTC) }
	if at(4).Weekday() != time.Sunday || at(5).Weekday() != time.Monday || at(11).Weekday() != time.Sunday {
		t.Fatal("calendar")
	}
	week := 7 * 24 * time.Hour
	txs := []btyd.Transaction{
		{"sun-mon", at(4), d("1")}, {"sun-mon", at(5), d("2")}, // Sunday, then Monday: two weeks
		{"mon-sun", at(5), d("1")}, {"mon-sun", at(11), d("2")}, // Monday and Sunday of one week
		{"wed-thu", at(7), d("1")}, {"wed-thu", at(8), d("2")}, // one Monday week (two Unix-epoch weeks)
	}
	sums, _, err := btyd.Summarize(txs, week, at(25), &btyd.SummaryOptions{Granularity: week})
	if err != nil {
		t.Fatal(err)
	}
	// By hand: the weeks start on Mondays 29 December, 5, 12, 19 January;
	// the end (Sunday 25 January) is in the week of 19 January.
	want := []btyd.Summary{
		{Customer: "sun-mon", Frequency: 1, Recency: 1, T: 3, MeanSpend: d("2")},
		{Customer: "mon-sun", Frequency: 0, Recency: 0, T: 2},
		{Customer: "wed-thu", Frequency: 0, Recency: 0, T: 2},
	}
	sameSummaries(t, "weeks", sums, want, nil, nil)
}

// Times are read on their own clocks: two purchases on one Shanghai day
// (01:00 and 23:00, UTC+8) are one purchase, though they fall on two UTC
// days; Summarize used to merge by UTC day.
func TestSummarizeLocalDays(t *testing.T) {
	d := decimal.RequireFromString
	cst := time.FixedZone("CST", 8*3600)
	txs := []btyd.Transaction{
		{"c", time.Date(2026, 3, 2, 1, 0, 0, 0, cst), d("10")},
		{"c", time.Date(2026, 3, 2, 23, 0, 0, 0, cst), d("5")},
		{"c", time.Date(2026, 3, 5, 0, 30, 0, 0, cst), d("7")},
	}
	// The end, 9 March, in UTC: read on its own clock as the same date.
	sums, _, err := btyd.Summarize(txs, 24*time.Hour, time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	// By hand: days 2 (two orders, merged) and 5 March; T = 2 → 9 March.
	want := []btyd.Summary{{Customer: "c", Frequency: 1, Recency: 3, T: 7, MeanSpend: d("7")}}
	sameSummaries(t, "Shanghai", sums, want, nil, nil)
}

// Summarize against the literal reference on random logs: several
// locations, granularities, unsorted input, ties, and amounts that take
// the int64 path, its overflow fallback and the exact-decimal path.
func TestSummarizeMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 16))
	zones := []*time.Location{time.UTC, time.FixedZone("CST", 8*3600), time.FixedZone("EST", -5*3600), time.FixedZone("NPT", 5*3600+45*60)}
	grans := []time.Duration{0, -1, 7 * 24 * time.Hour, time.Hour, 90 * time.Minute, 1500 * time.Millisecond}
	amounts := []func() decimal.Decimal{
		func() decimal.Decimal { return decimal.New(rng.Int64N(100000), -2) },
		func() decimal.Decimal { return decimal.New(rng.Int64N(1000), int32(rng.IntN(5))-4) },
		func() decimal.Decimal { return decimal.New(rng.Int64N(1<<62), -2) },                   // int64 sums overflow
		func() decimal.Decimal { return decimal.RequireFromString("123456789012345678901.5") }, // beyond int64
		func() decimal.Decimal { return decimal.New(rng.Int64N(10), -30) },                     // 30 places
		func() decimal.Decimal { return decimal.Decimal{} },
	}
	t0 := time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.IntN(40)
		amt := amounts[trial%len(amounts)]
		var txs []btyd.Transaction
		for i := 0; i < n; i++ {
			at := t0.Add(time.Duration(rng.Int64N(int64(60 * 24 * time.Hour))))
			if rng.IntN(3) == 0 {
				at = at.Truncate(24 * time.Hour) // midnights: ties with the ends
			}
			txs = append(txs, btyd.Transaction{Customer: string(rune('a' + rng.IntN(6))), Time: at.In(zones[rng.IntN(len(zones))]), Amount: amt()})
		}
		if rng.IntN(4) == 0 && n > 1 {
			txs[n-1].Time = txs[0].Time // a tie
		}
		calEnd := t0.Add(time.Duration(rng.IntN(40)) * 24 * time.Hour).In(zones[rng.IntN(len(zones))])
		var holdEnd time.Time
		if rng.IntN(3) > 0 {
			holdEnd = calEnd.Add(time.Duration(rng.Int64N(int64(30 * 24 * time.Hour))))
		}
		gran := grans[rng.IntN(len(grans))]
		unit := []time.Duration{24 * time.Hour, 7 * 24 * time.Hour, time.Hour}[rng.IntN(3)]
		got, gotH, err := btyd.Summarize(txs, unit, calEnd, &btyd.SummaryOptions{Granularity: gran, HoldoutEnd: holdEnd})
		if err != nil {
			t.Fatal(err)
		}
		want, wantH := refSummarize(txs, unit, calEnd, gran, holdEnd)
		sameSummaries(t, "random", got, want, gotH, wantH)
	}
}

// FuzzSummarizeReference compares Summarize with the literal reference on
// three transactions over three thousand years.
func FuzzSummarizeReference(f *testing.F) {
	day := int64(86400)
	f.Add("a", int64(0), int64(500), int32(-2), "a", day, int64(3), int32(-2), "b", int64(5), int64(1), int32(0), 3*day, 5*day, int64(0), int64(0))
	f.Add("a", 3*day, int64(1), int32(0), "a", 3*day+3600, int64(1), int32(0), "a", 4*day, int64(1), int32(0), 3*day, 9*day, int64(0), int64(8))
	f.Add("m", 4*day, int64(1), int32(-20), "m", 10*day, int64(7), int32(18), "m", 11*day, int64(1), int32(-1), 10*day, 19*day, 7*day, int64(-5))
	// A holdout end after the calibration end as an instant but before
	// it on its clock (19:00 at UTC−5 is 00:00 UTC the next day) gave a
	// negative holdout length.
	f.Add("a", int64(0), int64(1), int32(0), "a", day, int64(1), int32(0), "b", 2*day, int64(1), int32(0), 3*day, 3*day+3600, int64(0), int64(-5*3600))
	f.Add("x", int64(-30000000000), int64(1), int32(0), "x", int64(30000000000), int64(2), int32(0), "y", int64(0), int64(0), int32(0), int64(30000000000), int64(30000000001), int64(-1), int64(3))
	f.Fuzz(func(t *testing.T, c1 string, t1, a1 int64, e1 int32, c2 string, t2, a2 int64, e2 int32, c3 string, t3, a3 int64, e3 int32, end, hold, gran int64, zone int64) {
		const lim = 1 << 36 // ±2000 years around 1970
		for _, v := range []int64{t1, t2, t3, end, hold} {
			if v < -lim || v > lim {
				return
			}
		}
		if c1 == "" || c2 == "" || c3 == "" || e1 < -60 || e2 < -60 || e3 < -60 || e1 > 60 || e2 > 60 || e3 > 60 || a1 < 0 || a2 < 0 || a3 < 0 {
			return
		}
		loc := time.FixedZone("z", int(zone%(15*3600)))
		txs := []btyd.Transaction{
			{Customer: c1, Time: time.Unix(t1, 0).In(loc), Amount: decimal.New(a1, e1)},
			{Customer: c2, Time: time.Unix(t2, 7).UTC(), Amount: decimal.New(a2, e2)},
			{Customer: c3, Time: time.Unix(t3, 0).In(loc), Amount: decimal.New(a3, e3)},
		}
		calEnd := time.Unix(end, 0).UTC()
		var holdEnd time.Time
		if hold > end {
			holdEnd = time.Unix(hold, 0).In(loc)
		}
		g := time.Duration(gran) * time.Second
		sums, holds, err := btyd.Summarize(txs, 24*time.Hour, calEnd, &btyd.SummaryOptions{Granularity: g, HoldoutEnd: holdEnd})
		if err != nil {
			if !errors.Is(err, btyd.ErrInvalid) {
				t.Fatal(err)
			}
			return // amounts beyond the documented bounds
		}
		for _, h := range holds {
			if !(h.Length >= 0) || math.IsInf(h.Length, 0) {
				t.Fatalf("holdout %+v: length not a finite non-negative number", h)
			}
		}
		want, wantH := refSummarize(txs, 24*time.Hour, calEnd, g, holdEnd)
		sameSummaries(t, "fuzz", sums, want, holds, wantH)
	})
}

// A log large enough to be partitioned by customer hash (more than 65,536
// transactions) against the reference: the numbering in order of
// appearance and every summary are as on a small log.
func TestSummarizeLargeMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 7))
	cst := time.FixedZone("CST", 8*3600)
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	txs := make([]btyd.Transaction, 140_000)
	for i := range txs {
		at := t0.Add(time.Duration(rng.Int64N(int64(400 * 24 * time.Hour))))
		if i%3 == 0 {
			at = at.In(cst)
		}
		txs[i] = btyd.Transaction{Customer: fmt.Sprintf("c%d", rng.IntN(9000)), Time: at, Amount: decimal.New(rng.Int64N(100000), -2)}
	}
	calEnd, holdEnd := t0.AddDate(0, 0, 200), t0.AddDate(0, 0, 300)
	got, gotH, err := btyd.Summarize(txs, 7*24*time.Hour, calEnd, &btyd.SummaryOptions{HoldoutEnd: holdEnd})
	if err != nil {
		t.Fatal(err)
	}
	want, wantH := refSummarize(txs, 7*24*time.Hour, calEnd, 0, holdEnd)
	sameSummaries(t, "large", got, want, gotH, wantH)
}
