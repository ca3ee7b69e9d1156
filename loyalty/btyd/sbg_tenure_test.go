package btyd_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
)

// tenuresFromSurvivors turns one cohort's survivor counts into one Tenure
// per customer: survivors[t−1] − survivors[t] churned after t periods,
// survivors[n] still active after n.
func tenuresFromSurvivors(s []int64) []btyd.Tenure {
	var ts []btyd.Tenure
	for t := 1; t < len(s); t++ {
		for i := int64(0); i < s[t-1]-s[t]; i++ {
			ts = append(ts, btyd.Tenure{Periods: int64(t)})
		}
	}
	for i := int64(0); i < s[len(s)-1]; i++ {
		ts = append(ts, btyd.Tenure{Periods: int64(len(s) - 1), Active: true})
	}
	return ts
}

// The tenures of one cohort give FitSBG's fit: same log-likelihood and
// estimates (to the fits' own tolerance, a relative 1e-4 Newton step).
func TestFitSBGTenuresEqualsFitSBG(t *testing.T) {
	regular, highEnd := sbgCohorts(t)
	for _, s := range [][]int64{regular, highEnd, {1000, 500, 400, 350}} {
		want, err := btyd.FitSBG(s, nil)
		if err != nil {
			t.Fatal(err)
		}
		ts := tenuresFromSurvivors(s)
		got, err := btyd.FitSBGTenures(ts, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got.N != len(ts) || int64(got.N) != s[0] {
			t.Errorf("N = %d, want %d", got.N, s[0])
		}
		if math.Abs(got.LogLik-want.LogLik) > 1e-9*math.Abs(want.LogLik) ||
			math.Abs(got.Alpha-want.Alpha) > 1e-6*want.Alpha || math.Abs(got.Beta-want.Beta) > 1e-6*want.Beta {
			t.Errorf("%v: tenures α %.10g β %.10g LL %.13g; FitSBG %.10g %.10g %.13g",
				s, got.Alpha, got.Beta, got.LogLik, want.Alpha, want.Beta, want.LogLik)
		}
		for i := range want.StdErr {
			if math.Abs(got.StdErr[i]-want.StdErr[i]) > 1e-4*want.StdErr[i] {
				t.Errorf("%v: StdErr %v, FitSBG %v", s, got.StdErr, want.StdErr)
			}
		}
	}
}

// Tenures of very different lengths, customers acquired at different
// times: the fit against an independent SciPy fit and mpmath's
// log-likelihood. The script (Python 3, SciPy 1.10, mpmath):
//
//	data = [(1,False,369),(2,False,163),(3,False,86),(4,False,56),(5,False,37),
//	        (6,False,27),(7,False,21),(7,True,241),(0,True,4),(40,True,3),
//	        (1000,True,5),(20000,False,2),(5*10**9,True,1),(2**40,False,1)]
//	lnS = lambda t: mp.log(mp.beta(a, b+t)/mp.beta(a, b))          # mp.dps = 40
//	LL = Σ n·lnS(t) (active) + n·(lnS(t−1) + log(a/(a+b+t−1))) (churned)
//	scipy: Nelder-Mead (xatol = fatol = 1e-12) then BFGS (gtol 1e-10) on
//	the same LL with scipy.special.betaln, over log a, log b
//
// printed the fit a = 0.4946425912, b = 0.7986941619, LL =
// −1798.18215449 (mpmath at the estimate −1798.1821544933375).
func TestFitSBGTenuresReference(t *testing.T) {
	var ts []btyd.Tenure
	for _, r := range []struct {
		t      int64
		active bool
		n      int
	}{
		{1, false, 369}, {2, false, 163}, {3, false, 86}, {4, false, 56}, {5, false, 37},
		{6, false, 27}, {7, false, 21}, {7, true, 241}, {0, true, 4}, {40, true, 3},
		{1000, true, 5}, {20000, false, 2}, {5e9, true, 1}, {1 << 40, false, 1},
	} {
		for i := 0; i < r.n; i++ {
			ts = append(ts, btyd.Tenure{Periods: r.t, Active: r.active})
		}
	}
	fit, err := btyd.FitSBGTenures(ts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(fit.Alpha-0.4946425912) > 1e-5*0.4946425912 || math.Abs(fit.Beta-0.7986941619) > 1e-5*0.7986941619 ||
		math.Abs(fit.LogLik-(-1798.1821544933375)) > 1e-8 {
		t.Errorf("α %.10g β %.10g LL %.13g; want 0.4946425912 0.7986941619 −1798.1821544933375", fit.Alpha, fit.Beta, fit.LogLik)
	}
}

func TestFitSBGTenuresErrors(t *testing.T) {
	cases := []struct {
		name string
		ts   []btyd.Tenure
		opts *btyd.FitOptions
		want error
		says string
	}{
		{"nil", nil, nil, btyd.ErrEmpty, "no tenures"},
		{"negative", []btyd.Tenure{{Periods: 2}, {Periods: -1, Active: true}}, nil, btyd.ErrInvalid, "tenure 1"},
		{"churned at 0", []btyd.Tenure{{Periods: 2}, {Periods: 0}}, nil, btyd.ErrInvalid, "tenure 1"},
		{"no churn", []btyd.Tenure{{Periods: 5, Active: true}, {Periods: 2, Active: true}}, nil, btyd.ErrNotIdentified, "no customer churned"},
		{"one rate", []btyd.Tenure{{Periods: 1}, {Periods: 1, Active: true}, {Periods: 0, Active: true}}, nil, btyd.ErrNotIdentified, "one observed renewal rate"},
		{"bad penalty", []btyd.Tenure{{Periods: 1}, {Periods: 3, Active: true}}, &btyd.FitOptions{Penalty: math.NaN()}, btyd.ErrInvalid, "Penalty"},
	}
	for _, c := range cases {
		in := append([]btyd.Tenure(nil), c.ts...)
		_, err := btyd.FitSBGTenures(c.ts, c.opts)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.says) || strings.Count(err.Error(), "btyd: ") != 1 || !strings.HasPrefix(err.Error(), "btyd: ") {
			t.Errorf("%s: %v, want %v naming %q", c.name, err, c.want, c.says)
		}
		if !cmp.Equal(in, c.ts) {
			t.Errorf("%s: input changed", c.name)
		}
	}
	// With a penalty the single-rate data fit.
	if _, err := btyd.FitSBGTenures([]btyd.Tenure{{Periods: 1}, {Periods: 1, Active: true}}, &btyd.FitOptions{Penalty: 0.1}); err != nil {
		t.Errorf("penalised single rate: %v", err)
	}
}

func FuzzFitSBGTenures(f *testing.F) {
	f.Add(int64(1), false, int64(2), true, int64(7), true, uint8(3), 0.0)
	f.Add(int64(0), false, int64(2), true, int64(7), true, uint8(3), 0.0)
	f.Add(int64(-1), true, int64(2), true, int64(7), true, uint8(3), 0.0)
	f.Add(int64(1), false, int64(1), true, int64(0), true, uint8(0), 0.0)
	f.Add(int64(1), false, int64(1), true, int64(0), true, uint8(0), 0.1)
	f.Add(int64(math.MaxInt64), false, int64(1<<40), true, int64(1), false, uint8(9), 0.0)
	f.Add(int64(3), true, int64(3), true, int64(3), true, uint8(0), 0.0)
	f.Add(int64(2), false, int64(5), true, int64(100000), false, uint8(200), math.Inf(1))
	f.Add(int64(1<<53), true, int64(1<<53+2), true, int64(3), false, uint8(1), 0.0) // tenures 2 apart above 2⁵³: once a hang
	f.Fuzz(func(t *testing.T, p0 int64, a0 bool, p1 int64, a1 bool, p2 int64, a2 bool, reps uint8, penalty float64) {
		ts := []btyd.Tenure{{p0, a0}, {p1, a1}, {p2, a2}}
		for i := 0; i < int(reps); i++ {
			ts = append(ts, btyd.Tenure{Periods: int64(i%5 + 1), Active: i%3 == 0})
		}
		in := append([]btyd.Tenure(nil), ts...)
		fit, err := btyd.FitSBGTenures(ts, &btyd.FitOptions{Penalty: penalty})
		if !cmp.Equal(in, ts) {
			t.Fatal("input changed")
		}
		checkFit(t, []float64{fit.Alpha, fit.Beta}, fit.FitInfo, err)
	})
}
