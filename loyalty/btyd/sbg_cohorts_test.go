package btyd_test

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
)

// sbgCases2010 reads the two multi-cohort cases of Fader & Hardie (2010)
// (testdata/README.md): case → cohorts in year order, each its survivor
// counts from its year of acquisition on.
func sbgCases2010(t testing.TB) map[int][][]int64 {
	f, err := os.Open("testdata/sbg_fader_hardie_2010_cohorts.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[int][][]int64{}
	last := map[int]string{}
	for _, r := range rows[1:] {
		c, _ := strconv.Atoi(r[0])
		alive, _ := strconv.ParseInt(r[3], 10, 64)
		if r[1] != last[c] {
			out[c] = append(out[c], nil)
			last[c] = r[1]
		}
		k := len(out[c]) - 1
		out[c][k] = append(out[c][k], alive)
	}
	return out
}

// The two cases of Fader & Hardie (2010) are cohorts of 10,000 that
// follow, to the unit, an sBG with α = 3.8, β = 15.2 (case 1) and
// α = 1/15, β = 4/15 (case 2): both keep 80% in the first year, and
// case 2's retention then rises much faster. The joint fit recovers them
// (to the rounding of the counts) and the test finds no difference
// between the cohorts. Independent values: SciPy 1.10 (Nelder–Mead with
// xatol = fatol = 1e-12, then BFGS with gtol 1e-10, over log α, log β)
// on the pooled likelihood written with scipy.special.betaln,
//
//	ll = Σₜ lostₜ·log(exp(betaln(a+1, b+t−1) − betaln(a, b))) + censₜ·(betaln(a, b+t) − betaln(a, b))
//
// each cohort fitted alone the same way (a cohort with one renewal rate
// by its binomial maximum), and scipy.stats.chi2.sf for the p-value:
//
//	case 1: joint a=3.79812809 b=15.19191703 ll=-40255.8372807
//	        cohort 2001 a=3.790682265 b=15.16081974 ll=-14399.582039
//	        cohort 2003 a=3.799993042 b=15.19997136 ll=-8893.80795268
//	        cohort 2004 binomial sup ll=-5004.02423538
//	        separate ll=-40255.8371519 LR=0.000257642052, p(χ²₅)=0.99999999994
//	case 2: joint a=0.06667015977 b=0.2666814042 ll=-27476.6598006
//	        separate ll=-27476.6597491 LR=0.0001031156571, p=0.99999999999
func TestFitSBGCohortsFaderHardie2010(t *testing.T) {
	cases := sbgCases2010(t)
	for _, tc := range []struct {
		c                        int
		alpha, beta              float64 // the generating values
		sA, sB, sLL, sepLL, stat float64 // SciPy
	}{
		{1, 3.8, 15.2, 3.79812809, 15.19191703, -40255.8372807, -40255.8371519, 0.000257642052},
		{2, 1.0 / 15, 4.0 / 15, 0.06667015977, 0.2666814042, -27476.6598006, -27476.6597491, 0.0001031156571},
	} {
		cohorts := cases[tc.c]
		if len(cohorts) != 5 {
			t.Fatalf("case %d: %d cohorts", tc.c, len(cohorts))
		}
		fit, err := btyd.FitSBGCohorts(cohorts, nil)
		if err != nil {
			t.Fatalf("case %d: %v", tc.c, err)
		}
		j := fit.Joint
		if math.Abs(j.Alpha-tc.alpha) > 0.002*tc.alpha || math.Abs(j.Beta-tc.beta) > 0.002*tc.beta {
			t.Errorf("case %d: joint α %.6g β %.6g, generated with %.6g %.6g", tc.c, j.Alpha, j.Beta, tc.alpha, tc.beta)
		}
		if math.Abs(j.Alpha-tc.sA) > 1e-5*tc.sA || math.Abs(j.Beta-tc.sB) > 1e-5*tc.sB || math.Abs(j.LogLik-tc.sLL) > 1e-6 {
			t.Errorf("case %d: joint α %.10g β %.10g LL %.13g; SciPy %v %v %v", tc.c, j.Alpha, j.Beta, j.LogLik, tc.sA, tc.sB, tc.sLL)
		}
		if j.N != 50000 || len(fit.Separate) != 5 {
			t.Errorf("case %d: N %d, %d separate fits", tc.c, j.N, len(fit.Separate))
		}
		if math.Abs(fit.SeparateLogLik-tc.sepLL) > 1e-6 || math.Abs(fit.Test.Statistic-tc.stat) > 1e-6 ||
			fit.Test.DF != 5 || !(fit.Test.PValue > 0.9999999) || fit.Test.Reason != "" {
			t.Errorf("case %d: separate LL %.13g, test %+v, reason %q; SciPy %v, LR %v on 5 df", tc.c, fit.SeparateLogLik, fit.Test, fit.Test.Reason, tc.sepLL, tc.stat)
		}
		// The three cohorts with two or more renewal rates converge alone;
		// the one with a single rate reports why, with its binomial
		// maximum; the newest has no period.
		for i, f := range fit.Separate {
			if f.Converged != (i < 3) || (i >= 3) != (f.Reason != "") {
				t.Errorf("case %d cohort %d: converged %v, reason %q", tc.c, i, f.Converged, f.Reason)
			}
		}
		if got := fit.Separate[3].LogLik; math.Abs(got-(-5004.02423538)) > 1e-7 {
			t.Errorf("case %d cohort 3: sup LL %.12g, want −5004.02423538", tc.c, got)
		}
		if fit.Separate[4].LogLik != 0 || fit.Separate[4].N != 10000 {
			t.Errorf("case %d cohort 4: %+v", tc.c, fit.Separate[4].FitInfo)
		}
	}
	f1, _ := btyd.FitSBGCohorts(cases[1], nil)
	for i, want := range []struct{ a, b, ll float64 }{{3.790682265, 15.16081974, -14399.582039}, {}, {3.799993042, 15.19997136, -8893.80795268}} {
		if want.a == 0 {
			continue
		}
		g := f1.Separate[i]
		if math.Abs(g.Alpha-want.a) > 1e-5*want.a || math.Abs(g.Beta-want.b) > 1e-5*want.b || math.Abs(g.LogLik-want.ll) > 1e-6 {
			t.Errorf("case 1 cohort %d: α %.10g β %.10g LL %.12g, SciPy %v", i, g.Alpha, g.Beta, g.LogLik, want)
		}
	}
}

// Cohorts with different retention dynamics — the oldest cohort of each
// 2010 case — are told apart. SciPy as above: joint a=0.3844809523
// b=1.568848225 ll=-24083.50680677, separate ll=-22702.39969417,
// LR=2762.214225, p(χ²₂) = 0.0.
func TestFitSBGCohortsDiffer(t *testing.T) {
	cases := sbgCases2010(t)
	fit, err := btyd.FitSBGCohorts([][]int64{cases[1][0], cases[2][0]}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(fit.Joint.Alpha-0.3844809523) > 1e-5*0.3844809523 || math.Abs(fit.Joint.Beta-1.568848225) > 1e-5*1.568848225 ||
		math.Abs(fit.Joint.LogLik-(-24083.50680677)) > 1e-6 {
		t.Errorf("joint %+v, SciPy 0.3844809523 1.568848225 −24083.50680677", fit.Joint)
	}
	if math.Abs(fit.Test.Statistic-2762.214225) > 1e-5 || fit.Test.DF != 2 || fit.Test.PValue > 1e-300 {
		t.Errorf("test %+v, SciPy LR 2762.214225 on 2 df, p 0", fit.Test)
	}
}

// One cohort: the joint fit is FitSBG's, and the test has no degree of
// freedom. A penalised fit has no likelihood-ratio test.
func TestFitSBGCohortsUndefinedTest(t *testing.T) {
	regular, _ := sbgCohorts(t)
	fit, err := btyd.FitSBGCohorts([][]int64{regular}, nil)
	want, _ := btyd.FitSBG(regular, nil)
	if err != nil || math.Abs(fit.Joint.LogLik-want.LogLik) > 1e-9 || math.Abs(fit.Joint.Alpha-want.Alpha) > 1e-6 {
		t.Errorf("one cohort: %v, joint %+v, FitSBG %+v", err, fit.Joint, want)
	}
	if !math.IsNaN(fit.Test.Statistic) || !math.IsNaN(fit.Test.PValue) || fit.Test.DF != 0 || !strings.Contains(fit.Test.Reason, "no degree of freedom") {
		t.Errorf("one cohort: test %+v, reason %q", fit.Test, fit.Test.Reason)
	}
	fit, err = btyd.FitSBGCohorts([][]int64{regular, {100, 60}}, &btyd.FitOptions{Penalty: 0.1})
	if err != nil || !math.IsNaN(fit.Test.Statistic) || !strings.Contains(fit.Test.Reason, "penalised") || !fit.Separate[1].Converged {
		t.Errorf("penalised: %v, test %+v, reason %q", err, fit.Test, fit.Test.Reason)
	}
}

// A cohort whose churn does not fall with tenure cannot be fitted alone:
// the sBG's likelihood is highest at α, β → ∞, one churn probability for
// everybody, so its supremum is the geometric model's maximum and the
// test is still defined. SciPy 1.10 as in TestFitSBGCohortsFaderHardie2010,
// with the geometric maximum D ln p + (E−D) ln(1−p), p = D/E, D lost, E
// periods at risk:
//
//	constant churn {1000, 500, 250, 125, 62}: geometric −1299.650696883218
//	  (mpmath at α = k·p, β = k·(1−p): k = 1e5 −1299.6507197, 1e7
//	  −1299.6506971, 1e9 −1299.6506969: the supremum, approached from below)
//	  joint with the regular cohort −3123.2034147676795, regular alone
//	  −1680.2651884632862, LR 286.5750588423507 on 2 df
//	rising churn {1000, 900, 700, 400}: geometric −1404.5307702110385,
//	  joint −3174.9075871915784, LR 180.2232570345077 on 2 df
func TestFitSBGCohortsChurnNotFalling(t *testing.T) {
	regular, _ := sbgCohorts(t)
	for _, c := range []struct {
		s       []int64
		sup, lr float64
	}{
		{[]int64{1000, 500, 250, 125, 62}, -1299.650696883218, 286.5750588423507},
		{[]int64{1000, 900, 700, 400}, -1404.5307702110385, 180.2232570345077},
	} {
		fit, err := btyd.FitSBGCohorts([][]int64{regular, c.s}, nil)
		if err != nil {
			t.Fatal(err)
		}
		sep := fit.Separate[1]
		if sep.Converged || sep.Reason == "" || math.Abs(sep.LogLik-c.sup) > 1e-6 {
			t.Errorf("%v alone: %+v, want not converged with LogLik %v", c.s, sep.FitInfo, c.sup)
		}
		if fit.Test.Reason != "" || fit.Test.DF != 2 || math.Abs(fit.Test.Statistic-c.lr) > 1e-5 {
			t.Errorf("%v: test %+v (%q), SciPy LR %v on 2 df", c.s, fit.Test, fit.Test.Reason, c.lr)
		}
	}
}

func TestFitSBGCohortsErrors(t *testing.T) {
	cases := []struct {
		name    string
		cohorts [][]int64
		opts    *btyd.FitOptions
		want    error
		says    string
	}{
		{"nil", nil, nil, btyd.ErrEmpty, "no cohorts"},
		{"empty cohort", [][]int64{{10, 5, 2}, {}}, nil, btyd.ErrEmpty, "cohort 1"},
		{"zero size", [][]int64{{10, 5, 2}, {0}}, nil, btyd.ErrInvalid, "cohort 1"},
		{"rising", [][]int64{{10, 5, 2}, {10, 5, 6}}, nil, btyd.ErrInvalid, "cohort 1: survivors[2]"},
		{"negative", [][]int64{{10, 5, -2}}, nil, btyd.ErrInvalid, "cohort 0: survivors[2]"},
		{"options", [][]int64{{10, 5, 2}}, &btyd.FitOptions{MaxIterations: -1}, btyd.ErrInvalid, "MaxIterations"},
		{"no churn", [][]int64{{10, 10, 10}, {5, 5}}, nil, btyd.ErrNotIdentified, "no customer churned"},
		{"one rate", [][]int64{{10, 5}, {8, 2}, {3}}, nil, btyd.ErrNotIdentified, "one observed renewal rate"},
	}
	for _, c := range cases {
		in := cloneCohorts(c.cohorts)
		_, err := btyd.FitSBGCohorts(c.cohorts, c.opts)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.says) || strings.Count(err.Error(), "btyd: ") != 1 || !strings.HasPrefix(err.Error(), "btyd: ") {
			t.Errorf("%s: %v, want %v naming %q", c.name, err, c.want, c.says)
		}
		if !cmp.Equal(in, c.cohorts) {
			t.Errorf("%s: input changed", c.name)
		}
	}
}

func cloneCohorts(c [][]int64) [][]int64 {
	if c == nil {
		return nil
	}
	out := make([][]int64, len(c))
	for i, s := range c {
		out[i] = make([]int64, len(s))
		copy(out[i], s)
	}
	return out
}

func FuzzFitSBGCohorts(f *testing.F) {
	f.Add(int64(10000), int64(8000), int64(6480), int64(5307), int64(10000), int64(8000), int64(7600), uint8(2), 0.0)
	f.Add(int64(10000), int64(8000), int64(-1), int64(0), int64(10000), int64(-1), int64(0), uint8(0), 0.0)
	f.Add(int64(1000), int64(600), int64(360), int64(216), int64(1000), int64(600), int64(360), uint8(3), 0.0)
	f.Add(int64(100), int64(100), int64(100), int64(100), int64(5), int64(5), int64(5), uint8(0), 0.0)
	f.Add(int64(0), int64(0), int64(0), int64(0), int64(1), int64(0), int64(0), uint8(0), 0.0)
	f.Add(int64(1<<62), int64(1<<61), int64(1), int64(0), int64(1<<62), int64(3), int64(2), uint8(1), 0.0)
	f.Add(int64(10), int64(20), int64(5), int64(0), int64(10), int64(5), int64(2), uint8(1), math.NaN())
	f.Add(int64(1000), int64(631), int64(468), int64(382), int64(1000), int64(869), int64(743), uint8(1), 0.5)
	f.Fuzz(func(t *testing.T, a0, a1, a2, a3, b0, b1, b2 int64, extra uint8, penalty float64) {
		// A negative count ends a cohort; extra adds copies of the first.
		cut := func(xs ...int64) []int64 {
			s := []int64{xs[0]}
			for _, x := range xs[1:] {
				if x < 0 {
					break
				}
				s = append(s, x)
			}
			return s
		}
		cohorts := [][]int64{cut(a0, a1, a2, a3), cut(b0, b1, b2)}
		for i := 0; i < int(extra%8); i++ {
			cohorts = append(cohorts, cohorts[0][:1+i%len(cohorts[0])])
		}
		in := cloneCohorts(cohorts)
		fit, err := btyd.FitSBGCohorts(cohorts, &btyd.FitOptions{Penalty: penalty})
		if !cmp.Equal(in, cohorts) {
			t.Fatal("input changed")
		}
		checkFit(t, []float64{fit.Joint.Alpha, fit.Joint.Beta}, fit.Joint.FitInfo, err)
		if err != nil {
			return
		}
		if len(fit.Separate) != len(cohorts) {
			t.Fatalf("%d separate fits for %d cohorts", len(fit.Separate), len(cohorts))
		}
		if (fit.Test.Reason == "") != !math.IsNaN(fit.Test.Statistic) || math.IsNaN(fit.Test.Statistic) != math.IsNaN(fit.Test.PValue) {
			t.Fatalf("test %+v with reason %q", fit.Test, fit.Test.Reason)
		}
		if fit.Test.Reason == "" && !(fit.Test.Statistic >= 0 && fit.Test.PValue >= 0 && fit.Test.PValue <= 1 && fit.Test.DF >= 1 && !math.IsInf(fit.Test.Statistic, 0)) {
			t.Fatalf("test %+v", fit.Test)
		}
	})
}
