package btyd_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/internal/nanjson"
	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestPeriodCountHistogramCDNOW: the CDNOW calibration weeks with the
// published BG/NBD parameters. Expected values from this independent SciPy
// computation of FHL 2005 eq. (8) (the published form, with 1 − Σ NB(j)),
// each customer at its own age; they agree with FHL 2005 §4.
//
//	import numpy as np, datetime as dt
//	from scipy.special import betaln, gammaln
//	r, al, a, b = 0.243, 4.414, 0.793, 2.426
//	d0 = dt.date(1970,1,1); cal_end = (dt.date(1997,9,30)-d0).days
//	days = {}
//	for line in open('testdata/CDNOW_sample.txt'):
//	    f = line.split()
//	    if len(f) != 5: continue
//	    d = (dt.date(int(f[2][:4]), int(f[2][4:6]), int(f[2][6:])) - d0).days
//	    days.setdefault(f[0], set()).add(d)
//	X, T = [], []
//	for ds in days.values():
//	    first = min(ds); X.append(sum(1 for d in ds if d <= cal_end) - 1); T.append((cal_end-first)/7)
//	X, T = np.array(X), np.array(T)
//	def nb(j, t):  # FHL 2005 eq. (8) pieces
//	    return np.exp(gammaln(r+j) - gammaln(r) - gammaln(j+1) + r*np.log(al/(al+t)) + j*np.log(t/(al+t)))
//	def p(x, t):
//	    v = np.exp(betaln(a, b+x) - betaln(a, b)) * nb(x, t)
//	    if x > 0:
//	        v += np.exp(betaln(a+1, b+x-1) - betaln(a, b)) * (1 - sum(nb(j, t) for j in range(x)))
//	    return v
//	k = 7; tot = 0
//	for x in range(k):
//	    e = p(x, T).sum(); tot += e
//	    print(x, (X == x).sum(), repr(e))
//	print(str(k)+'+', (X >= k).sum(), repr(len(X) - tot))
//
// Output:
//
//	0 1411 1406.4997927021536
//	1 439 460.8075764357553
//	2 214 192.7094341941351
//	3 100 101.3067293724299
//	4 62 59.93608482718989
//	5 38 38.178569640659994
//	6 29 25.589687429608496
//	7+ 64 71.97212539806742
func TestPeriodCountHistogramCDNOW(t *testing.T) {
	cal, _ := cdnowSplit(t)
	got, err := btyd.PeriodCountHistogram(fhl2005, cal, 7)
	if err != nil {
		t.Fatal(err)
	}
	want := btyd.CountHistogram{Rows: []btyd.CountHistogramRow{
		{Frequency: 0, Actual: 1411, Expected: 1406.4997927021536},
		{Frequency: 1, Actual: 439, Expected: 460.8075764357553},
		{Frequency: 2, Actual: 214, Expected: 192.7094341941351},
		{Frequency: 3, Actual: 100, Expected: 101.3067293724299},
		{Frequency: 4, Actual: 62, Expected: 59.93608482718989},
		{Frequency: 5, Actual: 38, Expected: 38.178569640659994},
		{Frequency: 6, Actual: 29, Expected: 25.589687429608496},
		{Frequency: 7, OrMore: true, Actual: 64, Expected: 71.97212539806742},
	}}
	// The published form loses a few digits to 1 − Σ; 1e-9 relative.
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 0)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	// k = 0: one open row with every customer, actual and expected.
	one, err := btyd.PeriodCountHistogram(btyd.ParetoNBD{R: 0.553, Alpha: 10.58, S: 0.606, Beta: 11.67}, cal, 0)
	if err != nil || len(one.Rows) != 1 || one.Rows[0].Actual != 2357 || math.Abs(one.Rows[0].Expected-2357) > 1e-9 {
		t.Errorf("%+v, %v", one, err)
	}
}

func TestPeriodCountHistogramErrors(t *testing.T) {
	cal := []btyd.Summary{{Frequency: 1, Recency: 1, T: 2}}
	var nilFit *btyd.ParetoNBDFit
	for _, c := range []struct {
		name      string
		err, want error
	}{
		{"nil", second(btyd.PeriodCountHistogram(nil, cal, 3)), btyd.ErrInvalid},
		{"nil pointer", second(btyd.PeriodCountHistogram(nilFit, cal, 3)), btyd.ErrInvalid},
		{"empty", second(btyd.PeriodCountHistogram(fhl2005, nil, 3)), btyd.ErrEmpty},
		{"k", second(btyd.PeriodCountHistogram(fhl2005, cal, btyd.MaxDiagnosticFrequency+1)), btyd.ErrInvalid},
		{"T", second(btyd.PeriodCountHistogram(fhl2005, []btyd.Summary{{T: math.Inf(1)}}, 3)), btyd.ErrInvalid},
		{"x", second(btyd.PeriodCountHistogram(fhl2005, []btyd.Summary{{Frequency: -1, T: 1}}, 3)), btyd.ErrInvalid},
		{"model", second(btyd.PeriodCountHistogram(btyd.BGNBD{R: math.NaN()}, cal, 3)), btyd.ErrInvalid},
	} {
		if c.err == nil || !errors.Is(c.err, c.want) || strings.Count(c.err.Error(), "btyd: ") != 1 || !strings.HasPrefix(c.err.Error(), "btyd: ") {
			t.Errorf("%s: %v, want %v", c.name, c.err, c.want)
		}
	}
}

func TestCountHistogramJSON(t *testing.T) {
	for _, v := range []btyd.CountHistogram{{}, {Rows: []btyd.CountHistogramRow{}},
		{Rows: []btyd.CountHistogramRow{{Frequency: 0, OrMore: true, Actual: 1, Expected: 0.75}}},
		{Rows: []btyd.CountHistogramRow{{0, false, 3, 2.5}, {1, true, 1, 1.5}}}} {
		b, err := nanjson.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var got btyd.CountHistogram
		if err := nanjson.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(v, got, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%s: %s", b, d)
		}
	}
}

// FuzzPeriodCountHistogram: any customer and k give an error wrapping a
// sentinel or rows whose counts and expectations add up to the customers.
func FuzzPeriodCountHistogram(f *testing.F) {
	f.Add(2, 38.9, 7)
	f.Add(0, 0.0, 0)
	f.Add(-1, math.NaN(), -1)
	f.Add(100_000_000, 1e8, 1000)
	f.Fuzz(func(t *testing.T, x int, T float64, k int) {
		h, err := btyd.PeriodCountHistogram(fhl2005, []btyd.Summary{{Frequency: x, T: T}}, k)
		if err != nil {
			if !errors.Is(err, btyd.ErrInvalid) {
				t.Fatal(err)
			}
			return
		}
		var n int
		var e float64
		for _, r := range h.Rows {
			n += r.Actual
			e += r.Expected
		}
		if n != 1 || math.Abs(e-1) > 1e-9 {
			t.Fatalf("%+v", h)
		}
	})
}
