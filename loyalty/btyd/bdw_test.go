package btyd_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
)

// Survival and retention against mpmath at 50 digits (1200 for c = 50,
// where t^c overflows float64):
//
//	S = exp(loggamma(b+x) + loggamma(a+b) − loggamma(b) − loggamma(a+b+x)),  x = mpf(t)**c
//	r = S(t)/S(t−1)
//
// S to a relative 1e-13 (a few ulp of α·ln(β+t^c) in ln S), and r to a
// relative 1e-13 and, above 0.5, to within 2.3e-16 (one ulp below 1):
// subtracting two values of ln S, each with an absolute error of a few
// 1e-15, would not give that near r = 1.
func TestBdWSurvivalRetention(t *testing.T) {
	for _, c := range []struct {
		a, b, c float64
		t       int
		s, r    float64
	}{
		{0.4556139694, 0.779325477, 1.283451316, 1, 0.63106371674484071709, 0.63106371674484071709},
		{0.4556139694, 0.779325477, 1.283451316, 2, 0.46744533197772967256, 0.74072604647421489994},
		{0.4556139694, 0.779325477, 1.283451316, 7, 0.2407905970278384296, 0.91748219318302483556},
		{0.4556139694, 0.779325477, 1.283451316, 1000, 0.013479048767824837124, 0.99941516206183582341},
		{0.4556139694, 0.779325477, 1.283451316, 1000000000, 0.0000041794902394341531683, 0.99999999941524165127},
		{2.0, 3.0, 0.3, 1, 0.6, 0.6},
		{2.0, 3.0, 0.3, 2, 0.5421590205141508443, 0.9035983675235847405},
		{2.0, 3.0, 0.3, 50, 0.26612353363221837832, 0.99417283321017577007},
		{2.0, 3.0, 0.3, 1000000, 0.0027059072241167041072, 0.99999943150138679244},
		{2.0, 3.0, 0.3, 1000000000000000000, 0.00000000019018188316516581722, 0.9999999999999999994},
		{0.5, 1.5, 50.0, 2, 3.362831971333956562e-8, 4.4837759617786087494e-8},
		{0.5, 1.5, 50.0, 3, 1.3317530231372979365e-12, 0.000039602128042366111762},
		{0.5, 1.5, 50.0, 10000000000, 1.1283791670955125739e-250, 0.999999997500000003},
		{0.5, 1.5, 50.0, 1000000000000000000, 0, 0.999999999999999975},
		{0.001, 1000.0, 1.0, 1, 0.999999000000999999, 0.999999000000999999},
		{0.001, 1000.0, 1.0, 10, 0.99999004477151882299, 0.99999900892070473667},
		{0.001, 1000.0, 1.0, 1000000, 0.99311456015381606138, 0.99999999900099800399},
		{5.0, 0.2, 2.5, 1, 0.038461538461538463591, 0.038461538461538463591},
		{5.0, 0.2, 2.5, 2, 0.00025761866606926907363, 0.0066980853178009955569},
		{5.0, 0.2, 2.5, 3, 0.0000040480079988785647504, 0.015713178166174214469},
		{5.0, 0.2, 2.5, 1000, 2.244052639945581671e-37, 0.9875716248942699408},
	} {
		m := btyd.BdW{Alpha: c.a, Beta: c.b, C: c.c}
		if got := m.Survival(c.t); math.Abs(got-c.s) > 1e-13*c.s {
			t.Errorf("%+v: Survival(%d) = %.17g, want %.17g", m, c.t, got, c.s)
		}
		got := m.Retention(c.t)
		if math.Abs(got-c.r) > 1e-13*c.r || (c.r > 0.5 && math.Abs(got-c.r) > 2.3e-16) {
			t.Errorf("%+v: Retention(%d) = %.17g, want %.17g", m, c.t, got, c.r)
		}
	}
	// c = 1 is the sBG.
	s := btyd.SBG{Alpha: 0.704, Beta: 1.182}
	b := btyd.BdW{Alpha: 0.704, Beta: 1.182, C: 1}
	for _, tt := range []int{0, 1, 2, 7, 100, 5000, 1 << 40} {
		if g, w := b.Survival(tt), s.Survival(tt); math.Abs(g-w) > 1e-13*w {
			t.Errorf("Survival(%d) = %.17g, sBG %.17g", tt, g, w)
		}
		if tt > 0 {
			if g, w := b.Retention(tt), s.Retention(tt); math.Abs(g-w) > 2.3e-16 {
				t.Errorf("Retention(%d) = %.17g, sBG %.17g", tt, g, w)
			}
		}
	}
}

func TestBdWSpecialCases(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	ok := btyd.BdW{Alpha: 1, Beta: 1, C: 1}
	if ok.Survival(0) != 1 || !math.IsNaN(ok.Survival(-1)) || !math.IsNaN(ok.Retention(0)) {
		t.Error("special cases in t")
	}
	for _, m := range []btyd.BdW{{}, {Alpha: nan, Beta: 1, C: 1}, {Alpha: 1, Beta: inf, C: 1}, {Alpha: 1, Beta: 1, C: -1}, {Alpha: 1, Beta: 1, C: 0}, {Alpha: math.Copysign(0, -1), Beta: 1, C: 1}} {
		if !math.IsNaN(m.Survival(3)) || !math.IsNaN(m.Retention(3)) {
			t.Errorf("%+v: not NaN", m)
		}
		if _, err := m.Project(10, 3); !errors.Is(err, btyd.ErrInvalid) {
			t.Errorf("%+v: Project %v", m, err)
		}
	}
	for _, c := range []struct {
		cohort  float64
		periods int
	}{{-1, 3}, {nan, 3}, {inf, 3}, {10, -1}, {10, btyd.MaxProjectPeriods + 1}} {
		_, err := ok.Project(c.cohort, c.periods)
		if !errors.Is(err, btyd.ErrInvalid) || strings.Count(err.Error(), "btyd: ") != 1 {
			t.Errorf("Project(%v, %d): %v", c.cohort, c.periods, err)
		}
	}
	p, err := btyd.BdW{Alpha: 0.4556139694, Beta: 0.779325477, C: 1.283451316}.Project(1000, 2)
	if err != nil || math.Abs(p[1]-631.06371674484071709) > 1e-10 || math.Abs(p[2]-467.44533197772967256) > 1e-10 {
		t.Errorf("Project: %v %v", p, err)
	}
}

// FitBdW on the two cohorts of Fader & Hardie (2007) against an
// independent SciPy fit (the script of TestFitSBGCohortsFaderHardie2010
// with the likelihood
//
//	lnS(t) = betaln(a, b + t**c) − betaln(a, b)
//	ll = Σₜ lostₜ·log(exp(lnS(t−1)) − exp(lnS(t))) + alive[n]·lnS(n)
//
// minimised from (1,1,1), (0.7,1.2,1) and (0.5,2,0.8); mpmath at 30 digits
// confirms the log-likelihood at the estimates):
//
//	regular  BdW a=0.4556139694 b=0.779325477 c=1.283451316 ll=-1679.60283291 (mpmath -1679.6028329071783)
//	         sBG ll=-1680.26518846, LR=1.3247111
//	high end BdW a=0.2142533405 b=1.426574869 c=1.723564826 ll=-1605.31421321 (mpmath -1605.3142132141932)
//	         sBG ll=-1611.15814739, LR=11.687868
//
// Fader et al. (2018) fit the BdW to other data sets; published values
// for these two cohorts are not used here. Both fits say churn
// propensities rise with tenure (c > 1), which the LR test confirms for
// the high-end segment (p < 0.001) but not for the regular one (p ≈ 0.25).
func TestFitBdWFaderHardie2007(t *testing.T) {
	regular, highEnd := sbgCohorts(t)
	for _, tc := range []struct {
		name      string
		s         []int64
		a, b, c   float64
		ll, stat  float64
		rejectSBG bool
	}{
		{"regular", regular, 0.4556139694, 0.779325477, 1.283451316, -1679.6028329071783, 1.3247111, false},
		{"high end", highEnd, 0.2142533405, 1.426574869, 1.723564826, -1605.3142132141932, 11.687868, true},
	} {
		fit, err := btyd.FitBdW(tc.s, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if math.Abs(fit.Alpha-tc.a) > 1e-5*tc.a || math.Abs(fit.Beta-tc.b) > 1e-5*tc.b || math.Abs(fit.C-tc.c) > 1e-5*tc.c ||
			math.Abs(fit.LogLik-tc.ll) > 1e-7 {
			t.Errorf("%s: %+v LL %.13g; SciPy %v %v %v %v", tc.name, fit.BdW, fit.LogLik, tc.a, tc.b, tc.c, tc.ll)
		}
		if math.Abs(fit.Test.Statistic-tc.stat) > 1e-6 || fit.Test.DF != 1 || (fit.Test.PValue < 0.05) != tc.rejectSBG || fit.Test.Reason != "" {
			t.Errorf("%s: test %+v (%q), SciPy LR %v", tc.name, fit.Test, fit.Test.Reason, tc.stat)
		}
		if len(fit.StdErr) != 3 || !fit.SBG.Converged || fit.N != 1000 {
			t.Errorf("%s: %+v", tc.name, fit.FitInfo)
		}
	}
}

// Survivors drawn exactly from an sBG are fitted with c near 1 and a test
// that does not reject it; survivors from a BdW with c = 2 are not.
func TestFitBdWRecovers(t *testing.T) {
	gen := func(m btyd.BdW, n int) []int64 {
		p, _ := m.Project(1e6, n)
		s := make([]int64, len(p))
		for i, v := range p {
			s[i] = int64(math.Round(v))
		}
		return s
	}
	fit, err := btyd.FitBdW(gen(btyd.BdW{Alpha: 0.8, Beta: 2, C: 1}, 12), nil)
	if err != nil || math.Abs(fit.C-1) > 0.01 || fit.Test.PValue < 0.05 {
		t.Errorf("sBG data: %+v, test %+v, %v", fit.BdW, fit.Test, err)
	}
	fit, err = btyd.FitBdW(gen(btyd.BdW{Alpha: 0.8, Beta: 2, C: 2}, 12), nil)
	if err != nil || math.Abs(fit.C-2) > 0.01 || math.Abs(fit.Alpha-0.8) > 0.01 || fit.Test.PValue > 1e-6 {
		t.Errorf("c = 2: %+v, test %+v, %v", fit.BdW, fit.Test, err)
	}
}

// A cohort whose churn first rises: the BdW fits it (c > 1), while the
// sBG's likelihood is highest at α, β → ∞ (one churn probability for
// all), where it is the geometric model's. The test compares the BdW with
// that supremum. Independent values (mpmath dps 30 for the counts, then
// SciPy 1.10 as in TestFitBdWFaderHardie2007, mpmath at the estimate):
//
//	s = [round(1000·S(t)) for t in 0..8] at α = 0.8, β = 2, c = 2.5
//	  = 1000, 714, 332, 170, 100, 65, 46, 34, 26
//	BdW a=0.7980525796806103 b=1.9921948463427175 c=2.5021460143026153
//	    ll=-1585.8690247649547 (mpmath -1585.8690247649552)
//	geometric p = D/E = 0.39577407557903294, ll=-1651.9732048783085
//	LR = 132.20836022670755, p(χ²₁) = 1.347e-30
func TestFitBdWRisingChurn(t *testing.T) {
	fit, err := btyd.FitBdW([]int64{1000, 714, 332, 170, 100, 65, 46, 34, 26}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(fit.Alpha-0.7980525796806103) > 1e-5*0.798 || math.Abs(fit.Beta-1.9921948463427175) > 1e-5*1.992 ||
		math.Abs(fit.C-2.5021460143026153) > 1e-5*2.502 || math.Abs(fit.LogLik-(-1585.8690247649552)) > 1e-7 {
		t.Errorf("%+v LL %.13g", fit.BdW, fit.LogLik)
	}
	if fit.SBG.Converged || fit.SBG.Reason == "" || math.Abs(fit.SBG.LogLik-(-1651.9732048783085)) > 1e-7 {
		t.Errorf("sBG %+v, want not converged with the geometric supremum −1651.9732048783085", fit.SBG.FitInfo)
	}
	if fit.Test.Reason != "" || math.Abs(fit.Test.Statistic-132.20836022670755) > 1e-6 || fit.Test.PValue > 1e-29 {
		t.Errorf("test %+v (%q), SciPy LR 132.20836022670755", fit.Test, fit.Test.Reason)
	}
}

func TestFitBdWErrors(t *testing.T) {
	cases := []struct {
		name string
		s    []int64
		opts *btyd.FitOptions
		want error
		says string
	}{
		{"nil", nil, nil, btyd.ErrEmpty, "no survivor counts"},
		{"one", []int64{10}, nil, btyd.ErrLength, "need at least two"},
		{"zero cohort", []int64{0, 0}, nil, btyd.ErrInvalid, "survivors[0]"},
		{"rising", []int64{10, 5, 6}, nil, btyd.ErrInvalid, "survivors[2]"},
		{"negative", []int64{10, -5}, nil, btyd.ErrInvalid, "survivors[1]"},
		{"no churn", []int64{10, 10, 10, 10}, nil, btyd.ErrNotIdentified, "no customer churned"},
		{"two rates", []int64{10, 5, 3}, nil, btyd.ErrNotIdentified, "2 observed renewal rates"},
		{"start", []int64{10, 5, 3, 2}, &btyd.FitOptions{Start: []float64{1, 1}}, btyd.ErrLength, "starting values"},
		{"start value", []int64{10, 5, 3, 2}, &btyd.FitOptions{Start: []float64{1, 1, math.Inf(1)}}, btyd.ErrInvalid, "starting value of c"},
	}
	for _, c := range cases {
		in := append([]int64(nil), c.s...)
		fit, err := btyd.FitBdW(c.s, c.opts)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.says) || strings.Count(err.Error(), "btyd: ") != 1 || !strings.HasPrefix(err.Error(), "btyd: ") {
			t.Errorf("%s: %v, want %v naming %q", c.name, err, c.want, c.says)
		}
		if !cmp.Equal(in, c.s) {
			t.Errorf("%s: input changed", c.name)
		}
		if errors.Is(err, btyd.ErrNotIdentified) && (fit.Test.Reason == "" || !math.IsNaN(fit.Test.PValue)) {
			t.Errorf("%s: test %+v, reason %q", c.name, fit.Test, fit.Test.Reason)
		}
	}
}

func FuzzFitBdW(f *testing.F) {
	f.Add(int64(1000), int64(631), int64(468), int64(382), int64(326), uint8(3), 0.0)
	f.Add(int64(1000), int64(869), int64(743), int64(653), int64(593), uint8(0), 0.0)
	f.Add(int64(1000), int64(600), int64(360), int64(216), int64(130), uint8(0), 0.0)
	f.Add(int64(100), int64(100), int64(100), int64(100), int64(100), uint8(0), 0.0)
	f.Add(int64(1000), int64(600), int64(-1), int64(0), int64(0), uint8(0), 0.1)
	f.Add(int64(1000), int64(0), int64(0), int64(0), int64(0), uint8(0), 0.0)
	f.Add(int64(1<<62), int64(1<<61), int64(1), int64(0), int64(0), uint8(0), 0.0)
	f.Add(int64(10), int64(20), int64(5), int64(-1), int64(0), uint8(0), math.NaN())
	f.Add(int64(1000), int64(999), int64(998), int64(1), int64(0), uint8(30), 1.0)
	f.Fuzz(func(t *testing.T, s0, s1, s2, s3, s4 int64, extra uint8, penalty float64) {
		surv := []int64{s0}
		for _, s := range []int64{s1, s2, s3, s4} {
			if s < 0 {
				break
			}
			surv = append(surv, s)
		}
		for i := 0; i < int(extra%40); i++ {
			surv = append(surv, surv[len(surv)-1]*9/10)
		}
		in := append([]int64(nil), surv...)
		fit, err := btyd.FitBdW(surv, &btyd.FitOptions{Penalty: penalty})
		if !cmp.Equal(in, surv) {
			t.Fatal("input changed")
		}
		checkFit(t, []float64{fit.Alpha, fit.Beta, fit.C}, fit.FitInfo, err)
		if (fit.Test.Reason == "") == math.IsNaN(fit.Test.PValue) {
			t.Fatalf("test %+v, reason %q", fit.Test, fit.Test.Reason)
		}
		if err != nil {
			return
		}
		for tt := 0; tt <= len(surv)+2; tt++ {
			if s := fit.Survival(tt); !(s >= 0 && s <= 1) {
				t.Fatalf("%+v: Survival(%d) = %v", fit.BdW, tt, s)
			}
		}
	})
}

func FuzzBdW(f *testing.F) {
	f.Add(0.4556, 0.7793, 1.2835, int64(7))
	f.Add(0.5, 1.5, 50.0, int64(1e18))
	f.Add(1e-300, 1e300, 1e-300, int64(math.MaxInt64))
	f.Add(1e300, 1e-300, 1e300, int64(2))
	f.Add(math.NaN(), 1.0, 1.0, int64(1))
	f.Add(1.0, 1.0, math.Inf(1), int64(3))
	f.Add(2.0, 3.0, 0.3, int64(-1))
	f.Fuzz(func(t *testing.T, a, b, c float64, tt int64) {
		m := btyd.BdW{Alpha: a, Beta: b, C: c}
		valid := a > 0 && b > 0 && c > 0 && !math.IsInf(a, 1) && !math.IsInf(b, 1) && !math.IsInf(c, 1)
		s, r := m.Survival(int(tt)), m.Retention(int(tt))
		if !valid || tt < 0 {
			if !math.IsNaN(s) {
				t.Fatalf("Survival %v outside the domain", s)
			}
		} else if !(s >= 0 && s <= 1) {
			t.Fatalf("%+v: Survival(%d) = %v", m, tt, s)
		}
		if valid && tt >= 1 && !(r >= 0 && r <= 1) {
			t.Fatalf("%+v: Retention(%d) = %v", m, tt, r)
		}
		if p, err := m.Project(100, int(tt%100)); err == nil {
			for _, v := range p {
				if !(v >= 0 && v <= 100) {
					t.Fatalf("Project %v", p)
				}
			}
		} else {
			checkError(t, err)
		}
	})
}
