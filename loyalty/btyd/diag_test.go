package btyd_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/internal/nanjson"
	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// fhl2005 is the BG/NBD fit to the CDNOW calibration period that Fader,
// Hardie & Lee (2005) publish.
var fhl2005 = btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}

func cdnowSplit(t testing.TB) ([]btyd.Summary, []btyd.Holdout) {
	cal, hold, err := btyd.Summarize(cdnowTransactions(t), week, time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC),
		&btyd.SummaryOptions{HoldoutEnd: time.Date(1998, 6, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return cal, hold
}

// TestDiagnosticsCDNOW: the 39 + 39-week CDNOW analysis with the published
// parameters. Expected values from this independent SciPy computation of
// the summaries (calendar days / 7, calibration to 1997-09-30, holdout to
// 1998-06-30) and of FHL 2005 eq. (10) with hyp2f1; the actual means
// agree with FHL 2005 Figure 4.
//
//	import numpy as np, datetime as dt
//	from scipy.special import hyp2f1
//	r, al, a, b = 0.243, 4.414, 0.793, 2.426
//	d0 = dt.date(1970,1,1)
//	cal_end = (dt.date(1997,9,30)-d0).days; hold_end = (dt.date(1998,6,30)-d0).days
//	days = {}; order = []
//	for line in open('testdata/CDNOW_sample.txt'):
//	    f = line.split()
//	    if len(f) != 5: continue
//	    d = (dt.date(int(f[2][:4]), int(f[2][4:6]), int(f[2][6:])) - d0).days
//	    if f[0] not in days: days[f[0]] = set(); order.append(f[0])
//	    days[f[0]].add(d)
//	X, TX, T, Y = [], [], [], []
//	for c in order:
//	    ds = sorted(days[c]); first = ds[0]
//	    calds = [d for d in ds if d <= cal_end]
//	    X.append(len(calds)-1); TX.append((calds[-1]-first)/7); T.append((cal_end-first)/7)
//	    Y.append(sum(1 for d in ds if cal_end < d <= hold_end))
//	X, TX, T, Y = map(np.array, (X, TX, T, Y)); X = X.astype(float)
//	t = (hold_end-cal_end)/7
//	# FHL 2005 eq. (10)
//	A = (a+b+X-1)/(a-1) * (1 - ((al+T)/(al+t+T))**(r+X) * hyp2f1(r+X, b+X, a+b+X-1, t/(al+T+t)))
//	D = 1 + (X > 0) * a/(b+X-1) * ((al+T)/(al+TX))**(r+X)
//	P = A / D
//	for k in range(8):
//	    sel = (X == k) if k < 7 else (X >= 7)
//	    print(k, sel.sum(), repr(Y[sel].mean()), repr(P[sel].mean()))
//	e = P - Y
//	naive = np.where(T > 0, X*t/np.where(T > 0, T, 1), 0)
//	mae = np.abs(e).mean(); nmae = np.abs(naive-Y).mean()
//	print(len(X), repr(np.sqrt((e*e).mean())), repr(mae), repr(nmae), repr(mae/nmae))
//
// Output:
//
//	0 1411 0.23671155209071582 0.22545087915676937
//	1 439 0.6970387243735763 0.5231761316444269
//	2 214 1.3925233644859814 1.0441697201702331
//	3 100 1.56 1.520292679812214
//	4 62 2.532258064516129 2.1638747331547385
//	5 38 2.9473684210526314 2.6538316690901254
//	6 29 3.8620689655172415 3.503990654437716
//	7 64 6.359375 6.157071766779328
//	2357 1.6079776646829929 0.7856091479784891 1.0236691632673869 0.7674443816114881
func TestDiagnosticsCDNOW(t *testing.T) {
	cal, hold := cdnowSplit(t)
	got, err := btyd.CalibrationHoldoutTable(fhl2005, cal, hold, 7)
	if err != nil {
		t.Fatal(err)
	}
	want := btyd.CalibrationHoldout{Rows: []btyd.CalibrationHoldoutRow{
		{0, false, 1411, 0.23671155209071582, 0.22545087915676937, ""},
		{1, false, 439, 0.6970387243735763, 0.5231761316444269, ""},
		{2, false, 214, 1.3925233644859814, 1.0441697201702331, ""},
		{3, false, 100, 1.56, 1.520292679812214, ""},
		{4, false, 62, 2.532258064516129, 2.1638747331547385, ""},
		{5, false, 38, 2.9473684210526314, 2.6538316690901254, ""},
		{6, false, 29, 3.8620689655172415, 3.503990654437716, ""},
		{7, true, 64, 6.359375, 6.157071766779328, ""},
	}}
	// hyp2f1 and the quadrature agree to about 1e-10 relative.
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 0)); d != "" {
		t.Errorf("calibration-holdout table (-want +got):\n%s", d)
	}
	acc, err := btyd.HoldoutErrors(fhl2005, cal, hold)
	if err != nil {
		t.Fatal(err)
	}
	wantAcc := btyd.HoldoutAccuracy{Customers: 2357, RMSE: 1.6079776646829929, MAE: 0.7856091479784891,
		NaiveMAE: 1.0236691632673869, RelMAE: 0.7674443816114881}
	if d := cmp.Diff(wantAcc, acc, cmpopts.EquateApprox(1e-9, 0)); d != "" {
		t.Errorf("holdout errors (-want +got):\n%s", d)
	}
	// The Pareto/NBD satisfies the interface too.
	if _, err := btyd.HoldoutErrors(btyd.ParetoNBD{R: 0.553, Alpha: 10.58, S: 0.606, Beta: 11.67}, cal, hold); err != nil {
		t.Error(err)
	}
}

// TestDiagnosticsEmptyRow: a frequency nobody has gives NaN means with a
// Reason; a naive forecast that is exact gives NaN RelMAE with a Reason.
// By hand: customers (x=0, T=10, y=0) and (x=2, T=10, y=1), holdout 10;
// BG/NBD predictions p0, p2; naive forecasts 0 and 2·10/10 = 2.
func TestDiagnosticsByHand(t *testing.T) {
	cal := []btyd.Summary{{Frequency: 0, T: 10}, {Frequency: 2, Recency: 5, T: 10}}
	hold := []btyd.Holdout{{Purchases: 0, Length: 10}, {Purchases: 1, Length: 10}}
	p0, p2 := fhl2005.ConditionalPurchases(10, cal[0]), fhl2005.ConditionalPurchases(10, cal[1])
	tab, err := btyd.CalibrationHoldoutTable(fhl2005, cal, hold, 3)
	if err != nil {
		t.Fatal(err)
	}
	r := tab.Rows
	if len(r) != 4 || r[0].Predicted != p0 || r[2].Actual != 1 || r[2].Predicted != p2 || !math.IsNaN(r[1].Actual) || r[1].Reason == "" || !r[3].OrMore || r[3].Customers != 0 {
		t.Errorf("%+v", r)
	}
	acc, err := btyd.HoldoutErrors(fhl2005, cal, hold)
	if err != nil {
		t.Fatal(err)
	}
	mae := (math.Abs(p0) + math.Abs(p2-1)) / 2
	want := btyd.HoldoutAccuracy{Customers: 2, RMSE: math.Sqrt((p0*p0 + (p2-1)*(p2-1)) / 2), MAE: mae, NaiveMAE: 0.5, RelMAE: mae / 0.5}
	if d := cmp.Diff(want, acc, cmpopts.EquateApprox(1e-14, 0)); d != "" {
		t.Error(d)
	}
	hold[1].Purchases = 2
	acc, _ = btyd.HoldoutErrors(fhl2005, cal, hold)
	if !math.IsNaN(acc.RelMAE) || acc.Reason == "" || acc.NaiveMAE != 0 {
		t.Errorf("exact naive forecast: %+v", acc)
	}
}

func TestDiagnosticsErrors(t *testing.T) {
	cal := []btyd.Summary{{Customer: "a", Frequency: 1, Recency: 1, T: 2}}
	hold := []btyd.Holdout{{Customer: "a", Purchases: 1, Length: 1}}
	var nilFit *btyd.BGNBDFit
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"nil model", second(btyd.HoldoutErrors(nil, cal, hold)), btyd.ErrInvalid},
		{"nil pointer", second(btyd.HoldoutErrors(nilFit, cal, hold)), btyd.ErrInvalid},
		{"empty", second(btyd.HoldoutErrors(fhl2005, nil, nil)), btyd.ErrEmpty},
		{"length", second(btyd.CalibrationHoldoutTable(fhl2005, cal, nil, 3)), btyd.ErrLength},
		{"maxFrequency", second(btyd.CalibrationHoldoutTable(fhl2005, cal, hold, -1)), btyd.ErrInvalid},
		{"huge maxFrequency", second(btyd.CalibrationHoldoutTable(fhl2005, cal, hold, math.MaxInt)), btyd.ErrInvalid},
		{"customer", second(btyd.HoldoutErrors(fhl2005, cal, []btyd.Holdout{{Customer: "b", Length: 1}})), btyd.ErrInvalid},
		{"negative purchases", second(btyd.HoldoutErrors(fhl2005, cal, []btyd.Holdout{{Purchases: -1, Length: 1}})), btyd.ErrInvalid},
		{"NaN length", second(btyd.HoldoutErrors(fhl2005, cal, []btyd.Holdout{{Length: math.NaN()}})), btyd.ErrInvalid},
		{"bad history", second(btyd.HoldoutErrors(fhl2005, []btyd.Summary{{Frequency: 1, Recency: 3, T: 2}}, hold)), btyd.ErrInvalid},
		{"bad model", second(btyd.HoldoutErrors(btyd.BGNBD{}, cal, hold)), btyd.ErrInvalid},
	}
	for _, c := range cases {
		if c.err == nil || !errors.Is(c.err, c.want) || strings.Count(c.err.Error(), "btyd: ") != 1 || !strings.HasPrefix(c.err.Error(), "btyd: ") {
			t.Errorf("%s: %v, want %v", c.name, c.err, c.want)
		}
	}
}

func TestDiagnosticsJSON(t *testing.T) {
	nan := math.NaN()
	for _, v := range []any{
		&btyd.CalibrationHoldout{}, &btyd.CalibrationHoldout{Rows: []btyd.CalibrationHoldoutRow{}},
		&btyd.CalibrationHoldout{Rows: []btyd.CalibrationHoldoutRow{{Frequency: 0, Customers: 1, Actual: 1, Predicted: 0.5}}},
		&btyd.CalibrationHoldout{Rows: []btyd.CalibrationHoldoutRow{{0, false, 3, 0.25, 0.3, ""}, {1, true, 0, nan, nan, "none"}}},
		&btyd.CalibrationHoldoutRow{}, &btyd.CalibrationHoldoutRow{Actual: nan, Predicted: nan, Reason: "none"},
		&btyd.HoldoutAccuracy{}, &btyd.HoldoutAccuracy{Customers: 1, RelMAE: nan, Reason: "x"},
		&btyd.HoldoutAccuracy{Customers: 9, RMSE: 1.5, MAE: 0.7, NaiveMAE: 1, RelMAE: 0.7},
	} {
		b, err := nanjson.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var got any
		switch v.(type) {
		case *btyd.CalibrationHoldout:
			got = new(btyd.CalibrationHoldout)
		case *btyd.CalibrationHoldoutRow:
			got = new(btyd.CalibrationHoldoutRow)
		default:
			got = new(btyd.HoldoutAccuracy)
		}
		if err := nanjson.Unmarshal(b, got); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if d := cmp.Diff(v, got, cmpopts.EquateNaNs(), cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%s: %s", b, d)
		}
	}
}

// FuzzDiagnostics: any one-customer data give an error wrapping a
// sentinel or finite statistics.
func FuzzDiagnostics(f *testing.F) {
	f.Add(2, 30.4, 38.9, 1, 39.0, 7)
	f.Add(0, 0.0, 0.0, 0, 0.0, 0)
	f.Add(-1, math.NaN(), math.Inf(1), -1, math.Inf(-1), -1)
	f.Add(100_000_000, 1e8, 1e8, 1<<40, 1e8, 1000)
	f.Fuzz(func(t *testing.T, x int, tx, T float64, y int, L float64, k int) {
		cal := []btyd.Summary{{Frequency: x, Recency: tx, T: T}}
		hold := []btyd.Holdout{{Purchases: y, Length: L}}
		tab, err := btyd.CalibrationHoldoutTable(fhl2005, cal, hold, k)
		if err != nil {
			if !errors.Is(err, btyd.ErrInvalid) {
				t.Fatal(err)
			}
		} else if len(tab.Rows) != k+1 {
			t.Fatalf("%d rows", len(tab.Rows))
		}
		acc, err := btyd.HoldoutErrors(fhl2005, cal, hold)
		if err != nil {
			if !errors.Is(err, btyd.ErrInvalid) {
				t.Fatal(err)
			}
			return
		}
		for _, v := range []float64{acc.RMSE, acc.MAE, acc.NaiveMAE} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%+v", acc)
			}
		}
		if math.IsNaN(acc.RelMAE) != (acc.Reason != "") {
			t.Fatalf("%+v", acc)
		}
	})
}
