package btyd_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// linear is a test model whose expected purchases grow at a constant rate:
// E[X(t)] = rate·t, NaN outside t ≥ 0.
type linear struct{ rate float64 }

func (m linear) ExpectedPurchases(t float64) float64 {
	if !(t >= 0) {
		return math.NaN()
	}
	return m.rate * t
}

func day(n int, hour int) time.Time { return time.Date(2020, 1, 1+n, hour, 0, 0, 0, time.UTC) }

// By hand, weeks from 2020-01-01 and E[X(t)] = 0.5·t:
//
//	A: first day 0; repeats day 3 (twice, 09:00 and 17:00: one purchase), day 10
//	B: first day 7 (s = 1 week); repeat day 8
//	C: first day 14 (s = 2 weeks, the end of the tracked window): not in the cohort
//	week 1 (days 0–6):  actual 1 (A day 3); cum expected 0.5·1 = 0.5 (B has s = 1, not < 1)
//	week 2 (days 7–13): actual 2 (A day 10, B day 8); cum expected 0.5·2 + 0.5·(2−1) = 1.5
func TestTrackingByHand(t *testing.T) {
	txs := []btyd.Transaction{
		{Customer: "A", Time: day(0, 12)},
		{Customer: "B", Time: day(8, 1)},
		{Customer: "A", Time: day(3, 17)},
		{Customer: "A", Time: day(3, 9)},
		{Customer: "C", Time: day(14, 0)},
		{Customer: "B", Time: day(7, 23)},
		{Customer: "A", Time: day(10, 0)},
		{Customer: "C", Time: day(15, 0)},
	}
	got, err := btyd.Tracking(linear{0.5}, txs, week, day(0, 8), 2)
	if err != nil {
		t.Fatal(err)
	}
	want := btyd.TrackingTable{
		Customers: 2,
		Rows: []btyd.TrackingRow{
			{Period: 1, Actual: 1, Expected: 0.5, CumActual: 1, CumExpected: 0.5},
			{Period: 2, Actual: 2, Expected: 1, CumActual: 3, CumExpected: 1.5},
		},
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("Tracking mismatch (-want +got):\n%s", d)
	}
	// D first buys inside the last period (day 10, s = 10/7 weeks), again
	// on days 12 and 13 (23:30) and after the window (day 14): D joins
	// the cohort, its two repeats count in week 2, and it adds
	// 0.5·(2 − 10/7) = 2/7 to week 2's cumulative expectation.
	withD := append(append([]btyd.Transaction(nil), txs...),
		btyd.Transaction{Customer: "D", Time: day(13, 23).Add(30 * time.Minute)},
		btyd.Transaction{Customer: "D", Time: day(10, 5)},
		btyd.Transaction{Customer: "D", Time: day(14, 0)},
		btyd.Transaction{Customer: "D", Time: day(12, 1)},
	)
	got, err = btyd.Tracking(linear{0.5}, withD, week, day(0, 8), 2)
	if err != nil {
		t.Fatal(err)
	}
	want = btyd.TrackingTable{
		Customers: 3,
		Rows: []btyd.TrackingRow{
			{Period: 1, Actual: 1, Expected: 0.5, CumActual: 1, CumExpected: 0.5},
			{Period: 2, Actual: 4, Expected: 1 + 2.0/7, CumActual: 5, CumExpected: 1.5 + 2.0/7},
		},
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("Tracking with a first purchase in the last period mismatch (-want +got):\n%s", d)
	}
	// A day-long unit: s_B = 7 days; days 0..8.
	got, err = btyd.Tracking(linear{1}, txs[:7], 24*time.Hour, day(0, 0), 9)
	if err != nil {
		t.Fatal(err)
	}
	// Cum expected at the end of day p: A contributes p, B p − 7 for p > 7.
	wantCum := []float64{1, 2, 3, 4, 5, 6, 7, 9, 11}
	wantAct := []int{0, 0, 0, 1, 0, 0, 0, 0, 1} // A day 3 in period 4, B day 8 in period 9
	for i, r := range got.Rows {
		if r.CumExpected != wantCum[i] || r.Actual != wantAct[i] {
			t.Errorf("day-unit period %d: %+v, want cum expected %v, actual %d", r.Period, r, wantCum[i], wantAct[i])
		}
	}
	// Series adapters.
	for _, c := range []struct {
		name string
		s    btyd.TrackingSeries
		y    []float64
	}{
		{"actual", got.ActualSeries(), []float64{0, 0, 0, 1, 0, 0, 0, 0, 1}},
		{"cum actual", got.CumActualSeries(), []float64{0, 0, 0, 1, 1, 1, 1, 1, 2}},
		{"expected", got.ExpectedSeries(), []float64{1, 1, 1, 1, 1, 1, 1, 2, 2}},
		{"cum expected", got.CumExpectedSeries(), wantCum},
	} {
		if c.s.Len() != 9 {
			t.Fatalf("%s: Len %d", c.name, c.s.Len())
		}
		for i := range c.y {
			if x, y := c.s.XY(i); x != float64(i+1) || y != c.y[i] {
				t.Errorf("%s: XY(%d) = (%v, %v), want (%d, %v)", c.name, i, x, y, i+1, c.y[i])
			}
		}
	}
}

// TestTrackingCDNOW: the BG/NBD at the parameters Fader, Hardie & Lee
// (2005) publish, tracked over the 78 weeks of the CDNOW log from
// 1997-01-01. Expected values from this independent computation (numpy
// 1.24, scipy 1.10), FHL 2005 eq. (7) for E[X(t)]:
//
//	import datetime as dt
//	from scipy.special import hyp2f1
//	r, al, a, b = 0.243, 4.414, 0.793, 2.426
//	def EX(t):  # FHL 2005 eq. (7)
//	    return (a+b-1)/(a-1) * (1 - (al/(al+t))**r * hyp2f1(r, b, a+b-1, t/(al+t)))
//	o = dt.date(1997,1,1)
//	days = {}
//	for line in open('testdata/CDNOW_sample.txt'):
//	    f = line.split()
//	    if len(f) != 5: continue
//	    d = (dt.date(int(f[2][:4]), int(f[2][4:6]), int(f[2][6:])) - o).days
//	    days.setdefault(f[0], set()).add(d)
//	P = 78
//	act = [0]*P; firsts = []
//	for c, ds in days.items():
//	    ds = sorted(ds); firsts.append(ds[0]/7)
//	    for d in ds[1:]:
//	        if d//7 < P: act[d//7] += 1
//	cum = [sum(EX(p - s) for s in firsts if s < p) for p in range(1, P+1)]
//	ca = 0
//	for p in range(P):
//	    ca += act[p]
//	    if p+1 in (1, 2, 13, 26, 39, 52, 65, 78):
//	        print(p+1, act[p], repr(cum[p] - (cum[p-1] if p else 0)), ca, repr(cum[p]))
//
// printed (2,357 customers):
//
//	1 0 4.412418089743058 0 4.412418089743058
//	2 19 12.856120984553352 19 17.26853907429641
//	13 95 96.78182908030897 828 723.6338006523049
//	26 74 66.84029184522387 1746 1738.9160751473437
//	39 62 53.38678530113111 2457 2505.1430138667624
//	52 30 45.25538069201821 3183 3138.5584189230717
//	65 58 39.67211001784153 3844 3685.8047090362543
//	78 28 35.54452976611992 4339 4171.433582303185
//
// The cumulative actual at week 39, 2,457, is the sum of the calibration
// frequencies Summarize gives.
func TestTrackingCDNOW(t *testing.T) {
	got, err := btyd.Tracking(fhl2005, cdnowTransactions(t), week, time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC), 78)
	if err != nil {
		t.Fatal(err)
	}
	if got.Customers != 2357 || len(got.Rows) != 78 {
		t.Fatalf("%d customers, %d rows", got.Customers, len(got.Rows))
	}
	want := []btyd.TrackingRow{
		{1, 0, 4.412418089743058, 0, 4.412418089743058},
		{2, 19, 12.856120984553352, 19, 17.26853907429641},
		{13, 95, 96.78182908030897, 828, 723.6338006523049},
		{26, 74, 66.84029184522387, 1746, 1738.9160751473437},
		{39, 62, 53.38678530113111, 2457, 2505.1430138667624},
		{52, 30, 45.25538069201821, 3183, 3138.5584189230717},
		{65, 58, 39.67211001784153, 3844, 3685.8047090362543},
		{78, 28, 35.54452976611992, 4339, 4171.433582303185},
	}
	for _, w := range want {
		// Relative 1e-9: the Go and SciPy hypergeometric functions differ
		// in the last digits; a difference of incremental values loses a
		// few more.
		if d := cmp.Diff(w, got.Rows[w.Period-1], cmpopts.EquateApprox(1e-9, 0)); d != "" {
			t.Errorf("week %d mismatch (-want +got):\n%s", w.Period, d)
		}
	}
	cal, _ := cdnowSplit(t)
	sum := 0
	for _, s := range cal {
		sum += s.Frequency
	}
	if got.Rows[38].CumActual != sum {
		t.Errorf("cumulative actual at week 39 %d, Summarize's calibration frequencies sum to %d", got.Rows[38].CumActual, sum)
	}
}

func TestTrackingErrors(t *testing.T) {
	ok := []btyd.Transaction{{Customer: "A", Time: day(1, 0)}, {Customer: "A", Time: day(2, 0)}}
	var nilModel *btyd.BGNBD
	tests := []struct {
		name    string
		m       btyd.ExpectedPredictor
		txs     []btyd.Transaction
		unit    time.Duration
		start   time.Time
		periods int
		err     error
		word    string
	}{
		{"no transactions", fhl2005, nil, week, day(0, 0), 1, btyd.ErrEmpty, "no transactions"},
		{"nil model", nil, ok, week, day(0, 0), 1, btyd.ErrInvalid, "model is nil"},
		{"nil pointer model", nilModel, ok, week, day(0, 0), 1, btyd.ErrInvalid, "nil pointer"},
		{"unit 0", fhl2005, ok, 0, day(0, 0), 1, btyd.ErrInvalid, "time unit"},
		{"zero start", fhl2005, ok, week, time.Time{}, 1, btyd.ErrInvalid, "start"},
		{"periods 0", fhl2005, ok, week, day(0, 0), 0, btyd.ErrInvalid, "periods 0"},
		{"periods huge", fhl2005, ok, week, day(0, 0), btyd.MaxTrackingPeriods + 1, btyd.ErrInvalid, "periods"},
		{"no customer", fhl2005, []btyd.Transaction{ok[0], {Time: day(1, 0)}}, week, day(0, 0), 1, btyd.ErrInvalid, "transaction 1 has no customer"},
		{"no time", fhl2005, []btyd.Transaction{ok[0], {Customer: "B"}}, week, day(0, 0), 1, btyd.ErrInvalid, "transaction 1 has no time"},
		{"before start", fhl2005, []btyd.Transaction{ok[0], {Customer: "B", Time: day(3, 0)}, {Customer: "B", Time: day(-1, 23)}}, week, day(0, 0), 1, btyd.ErrInvalid, `customer "B" (transaction 2): first purchase on 2019-12-31`},
		{"model outside domain", btyd.BGNBD{R: -1, Alpha: 1, A: 1, B: 1}, ok, week, day(0, 0), 1, btyd.ErrInvalid, "outside its domain"},
		{"too much work", linear{1}, manyFirstDays(2000), 24 * time.Hour, day(0, 0), 2000, btyd.ErrInvalid, "model evaluations"},
	}
	for _, tt := range tests {
		got, err := btyd.Tracking(tt.m, tt.txs, tt.unit, tt.start, tt.periods)
		if !errors.Is(err, tt.err) || strings.Count(err.Error(), "btyd: ") != 1 || !strings.HasPrefix(err.Error(), "btyd: ") || !strings.Contains(err.Error(), tt.word) {
			t.Errorf("%s: err %v, want %v naming %q", tt.name, err, tt.err, tt.word)
		}
		if got.Rows != nil {
			t.Errorf("%s: result with an error", tt.name)
		}
	}
}

// manyFirstDays returns n customers with first purchases on n distinct days.
func manyFirstDays(n int) []btyd.Transaction {
	txs := make([]btyd.Transaction, n)
	for i := range txs {
		txs[i] = btyd.Transaction{Customer: string(rune('a'+i%26)) + string(rune('A'+i/26%26)) + string(rune('0'+i/676)), Time: day(i, 0)}
	}
	return txs
}

func TestTrackingJSONRoundTrip(t *testing.T) {
	tab, err := btyd.Tracking(fhl2005, []btyd.Transaction{{Customer: "A", Time: day(0, 0)}, {Customer: "A", Time: day(9, 0)}}, week, day(0, 0), 2)
	if err != nil {
		t.Fatal(err)
	}
	cases := []any{
		&btyd.TrackingRow{},
		&btyd.TrackingRow{Period: 1, Expected: math.NaN(), CumExpected: math.NaN()},
		&btyd.TrackingTable{},
		&btyd.TrackingTable{Rows: []btyd.TrackingRow{}},
		&btyd.TrackingTable{Customers: 1, Rows: []btyd.TrackingRow{{Period: 1, Actual: 2, Expected: 0.5, CumActual: 2, CumExpected: 0.5}}},
		&tab,
	}
	for _, v := range cases {
		b, err := json.Marshal(v)
		if err != nil {
			t.Errorf("%T: %v", v, err)
			continue
		}
		var back any
		switch v.(type) {
		case *btyd.TrackingRow:
			back = new(btyd.TrackingRow)
		default:
			back = new(btyd.TrackingTable)
		}
		if err := json.Unmarshal(b, back); err != nil {
			t.Errorf("%T: %s: %v", v, b, err)
			continue
		}
		if d := cmp.Diff(v, back, cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%T round trip via %s (-want +got):\n%s", v, b, d)
		}
	}
}
