package servqual

import (
	"math"
	"testing"
)

// Student-t quantiles and two-sided p values computed independently with
// SciPy 1.10.1:
//
//	/usr/bin/python3 -c "from scipy import stats; print(repr(stats.t.ppf(0.975, df)))"
//	/usr/bin/python3 -c "from scipy import stats; print(repr(2*stats.t.sf(abs(t), df)))"
func TestStudentT(t *testing.T) {
	quantiles := []struct {
		df float64
		q  float64
	}{
		{1, 12.706204736432095},
		{2, 4.302652729911275},
		{4, 2.7764451051977987},
		{9, 2.2621571627409915},
		{29, 2.045229642132703},
		{99, 1.9842169515086827},
		{999999, 1.959966356816479},
	}
	for _, tt := range quantiles {
		// n = df + 1 values with SE = 1: the CI half-width is the quantile.
		n := tt.df + 1
		s := newStat(n, 0, n, false) // variance n → SD √n → SE 1
		half := (s.CI.High - s.CI.Low) / 2
		if math.Abs(half-tt.q) > 1e-9*tt.q {
			t.Errorf("t quantile df=%v: got %.17g, want %.17g", tt.df, half, tt.q)
		}
	}
	pvalues := []struct {
		t, df, p float64
	}{
		{1.0, 1, 0.49999999999999956},
		{2.5, 4, 0.06676654481198813},
		{-3.2, 9, 0.010831302589901327},
		{0.3, 29, 0.7663170933289678},
		{6.0, 99, 3.245916112345553e-08},
		{12.0, 999999, 3.571685143533447e-33},
	}
	for _, tt := range pvalues {
		n := tt.df + 1
		s := newStat(n, tt.t, n, true) // SE 1, mean t → T = t
		if math.Abs(s.T-tt.t) > 1e-12 || math.Abs(s.P-tt.p) > 1e-9*tt.p {
			t.Errorf("t=%v df=%v: got T=%.17g P=%.17g, want P=%.17g", tt.t, tt.df, s.T, s.P, tt.p)
		}
	}
	if s := newStat(1, 3, math.NaN(), true); s.N != 1 || s.Mean != 3 || !math.IsNaN(s.SD) || !math.IsNaN(s.P) {
		t.Errorf("n=1: %+v", s)
	}
	// T = x̄/0 is undefined (and ±Inf cannot survive JSON); P is its
	// limit, 0.
	if s := newStat(5, 2, 0, true); !math.IsNaN(s.T) || s.P != 0 {
		t.Errorf("zero variance, mean 2: %+v", s)
	}
	if s := newStat(5, 0, 0, true); !math.IsNaN(s.T) || !math.IsNaN(s.P) {
		t.Errorf("zero variance, mean 0: %+v", s)
	}
	if newStat(0, 0, 0, true) != nil {
		t.Error("n=0 gave a Stat")
	}
}
