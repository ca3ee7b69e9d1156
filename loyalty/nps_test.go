package loyalty_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func npsTally(t testing.TB, counts [11]int64) *loyalty.NPSTally {
	t.Helper()
	var tl loyalty.NPSTally
	for s, n := range counts {
		if err := tl.AddN(s, n); err != nil {
			t.Fatal(err)
		}
	}
	return &tl
}

// Independent values from numpy 1.24.2 / scipy 1.10.1, by expanding the
// counts into 120 answers scored +1/0/−1 and taking the mean, np.var
// (ddof=0), se = sqrt(var/n) and scipy.stats.norm.ppf(0.975):
//
//	/usr/bin/python3 nps_check.py
//	  def nps(counts):
//	      scores = np.repeat(np.arange(11), counts)
//	      x = np.where(scores >= 9, 1.0, np.where(scores <= 6, -1.0, 0.0))
//	      n = len(x); m = x.mean(); v = x.var(ddof=0); se = np.sqrt(v / n)
//	      return n, 100*m, v, 100*se
//	  z = stats.norm.ppf(0.975)  # then nps ± z·se; diff b−a ± z·hypot(se_a, se_b)
//
// printed
//
//	n=120 nps=16.6666666666667 var=0.638888888888889 se=7.29662529809094 lo=2.36554387372458 hi=30.9677894596088
//	n=120 nps=50 var=0.5 se=6.45497224367903 lo=37.3484868811834 hi=62.6515131188166
//	diff=33.3333333333333 se=9.74204328708344 lo=14.2392793548196 hi=52.4273873118471
var (
	npsCountsA = [11]int64{2, 1, 3, 4, 5, 8, 7, 15, 25, 30, 20}
	npsCountsB = [11]int64{1, 0, 1, 2, 2, 4, 5, 10, 20, 35, 40}
)

func TestNPSReportIndependent(t *testing.T) {
	opt := cmpopts.EquateApprox(1e-12, 1e-12)
	a := npsTally(t, npsCountsA).Report()
	// Hand check: detractors 2+1+3+4+5+8+7 = 30, passives 40, promoters 50;
	// NPS = 100 (50 − 30)/120 = 16.667; v = 80/120 − (20/120)² = 0.63889.
	wantA := loyalty.NPSReport{N: 120, Promoters: 50, Passives: 40, Detractors: 30,
		Score: 16.6666666666667, Variance: 0.638888888888889, SE: 7.29662529809094,
		Interval: ep.Interval{Low: 2.36554387372458, High: 30.9677894596088}}
	if d := cmp.Diff(wantA, a, opt); d != "" {
		t.Errorf("Report A mismatch (-want +got):\n%s", d)
	}
	b := npsTally(t, npsCountsB).Report()
	wantB := loyalty.NPSReport{N: 120, Promoters: 75, Passives: 30, Detractors: 15,
		Score: 50, Variance: 0.5, SE: 6.45497224367903,
		Interval: ep.Interval{Low: 37.3484868811834, High: 62.6515131188166}}
	if d := cmp.Diff(wantB, b, opt); d != "" {
		t.Errorf("Report B mismatch (-want +got):\n%s", d)
	}
	wantD := loyalty.NPSDiff{Diff: 33.3333333333333, SE: 9.74204328708344,
		Interval: ep.Interval{Low: 14.2392793548196, High: 52.4273873118471}}
	if d := cmp.Diff(wantD, loyalty.NPSDifference(a, b), opt); d != "" {
		t.Errorf("NPSDifference mismatch (-want +got):\n%s", d)
	}
}

func TestNPSEdges(t *testing.T) {
	var empty loyalty.NPSTally
	r := empty.Report()
	if r.N != 0 || !math.IsNaN(r.Score) || !math.IsNaN(r.SE) || !math.IsNaN(r.Interval.Low) {
		t.Errorf("empty Report = %+v, want NaN score", r)
	}
	if d := loyalty.NPSDifference(r, r); !math.IsNaN(d.Diff) || !math.IsNaN(d.Interval.High) {
		t.Errorf("NPSDifference(empty) = %+v", d)
	}
	// All promoters: NPS 100, v = 1 − 1 = 0, interval [100, 100].
	all := npsTally(t, [11]int64{9: 3, 10: 7}).Report()
	if all.Score != 100 || all.Variance != 0 || all.SE != 0 || all.Interval != (ep.Interval{Low: 100, High: 100}) {
		t.Errorf("all promoters = %+v", all)
	}
	// Boundaries of the groups: 6 detracts, 7 and 8 are passive, 9 promotes.
	// One each of 6, 7, 8, 9: NPS = 100 (1 − 1)/4 = 0, v = 2/4 − 0 = 0.5,
	// SE = 100 √(0.5/4) = 35.355; interval ±69.30 inside [−100, 100].
	edge := npsTally(t, [11]int64{6: 1, 7: 1, 8: 1, 9: 1}).Report()
	if edge.Detractors != 1 || edge.Passives != 2 || edge.Promoters != 1 || edge.Score != 0 ||
		math.Abs(edge.SE-100*math.Sqrt(0.125)) > 1e-12 {
		t.Errorf("edge = %+v", edge)
	}
	// A tiny sample clips at −100: one 0 and one 10 and two 3s: NPS = 100(1−3)/4 = −50,
	// v = 1 − 0.25 = 0.75, SE = 43.30, low = −50 − 84.87 → clipped to −100.
	small := npsTally(t, [11]int64{0: 1, 3: 2, 10: 1}).Report()
	if small.Score != -50 || small.Interval.Low != -100 || small.Interval.High >= 100 {
		t.Errorf("small = %+v", small)
	}
	var tl loyalty.NPSTally
	for _, s := range []int{-1, 11} {
		if err := tl.Add(s); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Add(%d) error %v", s, err)
		}
	}
	if err := tl.AddN(5, -1); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("AddN(5, -1) error %v", err)
	}
	_ = tl.AddN(5, math.MaxInt64)
	if err := tl.Add(5); !errors.Is(err, loyalty.ErrInvalid) || tl.N() != math.MaxInt64 {
		t.Errorf("overflowing Add error %v, N %d", err, tl.N())
	}
	if tl.Count(5) != math.MaxInt64 || tl.Count(11) != 0 || tl.Count(-1) != 0 {
		t.Error("Count wrong")
	}
}

func TestNPSMerge(t *testing.T) {
	a, b := npsTally(t, npsCountsA), npsTally(t, npsCountsB)
	var whole loyalty.NPSTally
	for s := 0; s <= 10; s++ {
		_ = whole.AddN(s, npsCountsA[s]+npsCountsB[s])
	}
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(whole.Report(), a.Report()); d != "" {
		t.Errorf("merged report differs from the whole (-whole +merged):\n%s", d)
	}
}

func FuzzNPS(f *testing.F) {
	f.Add([]byte{0, 6, 7, 8, 9, 10}, []byte{10, 10})
	f.Add([]byte{}, []byte{})
	f.Add([]byte{255, 11, 200}, []byte{5})
	f.Add([]byte{10, 10, 10, 10}, []byte{0, 0, 0})
	f.Fuzz(func(t *testing.T, xa, xb []byte) {
		var a, b, whole loyalty.NPSTally
		add := func(tl *loyalty.NPSTally, xs []byte) {
			for _, x := range xs {
				s := int(int8(x))
				err := tl.Add(s)
				if (err == nil) != (s >= 0 && s <= 10) {
					t.Fatalf("Add(%d) error %v", s, err)
				}
				_ = whole.Add(s)
			}
		}
		add(&a, xa)
		add(&b, xb)
		// AddN of k answers equals k Adds.
		var viaN, viaAdd loyalty.NPSTally
		for i, x := range xa {
			s, k := int(x%11), int64(i%4)
			if err := viaN.AddN(s, k); err != nil {
				t.Fatalf("AddN(%d, %d): %v", s, k, err)
			}
			for j := int64(0); j < k; j++ {
				_ = viaAdd.Add(s)
			}
		}
		if viaN != viaAdd {
			t.Fatal("AddN differs from repeated Add")
		}
		if err := viaN.AddN(5, -1); err == nil {
			t.Fatal("AddN accepted a negative count")
		}
		ra, rb := a.Report(), b.Report()
		for _, r := range []loyalty.NPSReport{ra, rb} {
			if r.N != r.Promoters+r.Passives+r.Detractors {
				t.Fatalf("groups do not add up: %+v", r)
			}
			if r.N > 0 && !(r.Score >= -100 && r.Score <= 100 && r.Variance >= 0 && r.Variance <= 1 &&
				r.Interval.Low <= r.Score+1e-9 && r.Interval.High >= r.Score-1e-9 &&
				r.Interval.Low >= -100 && r.Interval.High <= 100) {
				t.Fatalf("report out of range: %+v", r)
			}
		}
		d := loyalty.NPSDifference(ra, rb)
		if ra.N > 0 && rb.N > 0 && !(d.SE >= 0 && d.Interval.Low <= d.Diff+1e-9 && d.Interval.High >= d.Diff-1e-9) {
			t.Fatalf("difference %+v", d)
		}
		if err := a.Merge(&b); err != nil {
			t.Fatal(err)
		}
		if !cmp.Equal(a.Report(), whole.Report(), cmpopts.EquateNaNs()) {
			t.Fatalf("merge of halves %+v != whole %+v", a.Report(), whole.Report())
		}
	})
}

func FuzzNPSDifference(f *testing.F) {
	f.Add(16.7, 7.3, 50.0, 6.45)
	f.Add(math.NaN(), math.NaN(), 0.0, 0.0)
	f.Add(math.Inf(1), 1.0, -100.0, math.Inf(1))
	f.Add(-100.0, 0.0, 100.0, 0.0)
	f.Add(1e300, 1.0, 0.0, -1.0)
	f.Add(0.0, 1e308, 0.0, 1e308)
	f.Add(0.0, 1.5e308, 9.0, 1e308)
	f.Add(100.0, 100.0, -100.0, 100.0)
	f.Fuzz(func(t *testing.T, sa, ea, sb, eb float64) {
		d := loyalty.NPSDifference(loyalty.NPSReport{Score: sa, SE: ea}, loyalty.NPSReport{Score: sb, SE: eb})
		ok := sa >= -100 && sa <= 100 && sb >= -100 && sb <= 100 && ea >= 0 && eb >= 0 && ea <= 100 && eb <= 100
		if math.IsNaN(d.Diff) == ok || math.IsNaN(d.SE) == ok || math.IsInf(d.SE, 0) {
			t.Fatalf("NPSDifference(%v±%v, %v±%v) = %+v", sa, ea, sb, eb, d)
		}
		if !math.IsNaN(d.Diff) && !(d.Interval.Low <= d.Interval.High && d.Interval.Low >= -200 && d.Interval.High <= 200) {
			t.Fatalf("interval %+v", d)
		}
	})
}

func BenchmarkNPSAdd(b *testing.B) {
	scores := make([]int, 1<<16)
	for i := range scores {
		scores[i] = (i*7 + i/13) % 11
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var t loyalty.NPSTally
		for _, s := range scores {
			if err := t.Add(s); err != nil {
				b.Fatal(err)
			}
		}
		_ = t.Report()
	}
	b.ReportMetric(float64(b.N)*float64(len(scores))/b.Elapsed().Seconds(), "answers/s")
}
