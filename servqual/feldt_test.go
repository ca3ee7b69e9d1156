package servqual_test

import (
	"math"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestFeldt compares Feldt's interval with scipy 1.10:
//
//	from scipy.stats import f
//	d1 = n-1; d2 = (n-1)*(k-1); g = 1-level
//	1-(1-a)*f.ppf(1-g/2, d1, d2), 1-(1-a)*f.ppf(g/2, d1, d2)
func TestFeldt(t *testing.T) {
	tests := []struct {
		alpha  float64
		n      int64
		k      int
		level  float64
		lo, hi float64
	}{
		{0.8, 100, 5, 0.95, 0.7305582041793406, 0.8558867486659922},
		{0.75, 30, 2, 0.9, 0.5347971411309811, 0.8656500087898271},
		{0.6, 1000000, 27, 0.99, 0.5985134839767527, 0.6014832180282372},
		{-0.5, 10, 3, 0.95, -3.3936687396848964, 0.5947567909565185},
	}
	for _, tt := range tests {
		got := servqual.Feldt(tt.alpha, tt.n, tt.k, tt.level)
		if d := cmp.Diff(ep.Interval{Low: tt.lo, High: tt.hi}, got, cmpopts.EquateApprox(1e-9, 0)); d != "" {
			t.Errorf("Feldt(%v, %d, %d, %v) (-scipy +servqual):\n%s", tt.alpha, tt.n, tt.k, tt.level, d)
		}
	}
	for _, bad := range []struct {
		alpha float64
		n     int64
		k     int
		level float64
	}{{math.NaN(), 10, 3, 0.95}, {math.Inf(1), 10, 3, 0.95}, {1.5, 10, 3, 0.95}, {0.8, 1, 3, 0.95}, {0.8, 10, 1, 0.95},
		{0.8, 10, 3, 1}, {0.8, 10, 3, math.NaN()}, {0.8, -5, 3, 0.95}, {0.8, 10, -3, 0.95}} {
		if got := servqual.Feldt(bad.alpha, bad.n, bad.k, bad.level); !math.IsNaN(got.Low) || !math.IsNaN(got.High) {
			t.Errorf("Feldt(%v) = %v; want NaN", bad, got)
		}
	}
}

// TestReliabilityAlphaCI: a dimension's reliability carries Feldt's 95%
// interval for its alpha, N and K.
//
// Hand calculation: three respondents rate two items (1, 2), (2, 2),
// (3, 4). Item variances 1 and 4/3, covariance 1; total-score variance
// 1 + 4/3 + 2 = 13/3; alpha = 2·(1 − (7/3)/(13/3)) = 12/13. The interval
// from scipy 1.10 as in TestFeldt with n = 3, k = 2, level 0.95:
// 1-(1-12/13)*f.ppf(0.975, 2, 2), 1-(1-12/13)*f.ppf(0.025, 2, 2)
// = -1.9999999999999951, 0.9980276134122288 (F(0.975; 2, 2) = 39, so
// Low = 1 − 39/13 = −2 exactly).
func TestReliabilityAlphaCI(t *testing.T) {
	in, err := servqual.NewInstrument(servqual.Spec{
		Name: "two items", Scale: servqual.Scale{Min: 1, Max: 5},
		Dimensions: []servqual.Dimension{{Key: "d"}},
		Items:      []servqual.Item{{Key: "a", Dimension: "d"}, {Key: "b", Dimension: "d"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	acc := servqual.NewAccumulator(in)
	for _, p := range [][]float64{{1, 2}, {2, 2}, {3, 4}} {
		if err := acc.Add(servqual.Response{Perception: p}); err != nil {
			t.Fatal(err)
		}
	}
	rel, err := acc.Reliability(servqual.Perception)
	if err != nil {
		t.Fatal(err)
	}
	want := struct {
		N     int64
		K     int
		Alpha float64
		CI    ep.Interval
	}{3, 2, 12.0 / 13, ep.Interval{Low: -2, High: 0.9980276134122288}}
	got := want
	got.N, got.K, got.Alpha, got.CI = rel[0].N, rel[0].K, rel[0].Alpha, rel[0].AlphaCI
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 0)); d != "" {
		t.Errorf("reliability (-want +got):\n%s", d)
	}
	// One respondent: alpha and its interval undefined, with a reason.
	one := servqual.NewAccumulator(in)
	_ = one.Add(servqual.Response{Perception: []float64{1, 2}})
	rel, _ = one.Reliability(servqual.Perception)
	if !math.IsNaN(rel[0].AlphaCI.Low) || !math.IsNaN(rel[0].AlphaCI.High) || rel[0].Reason == "" {
		t.Errorf("one respondent: %+v", rel[0])
	}
}

// TestFeldtHugeN checks the normal approximation for n > 10¹⁰ against
// scipy.stats.f.ppf at n − 1 = 1e10 (k = 27, alpha = 0.8): F quantiles
// 1.0000282445504562 (0.975) and 0.9999717558443078 (0.025), which gonum
// matches at the boundary and the approximation to 1e-9 relative beyond.
func TestFeldtHugeN(t *testing.T) {
	a := servqual.Feldt(0.8, 1e10+1, 27, 0.95)
	b := servqual.Feldt(0.8, 1e10+2, 27, 0.95) // approximation side
	want := []float64{1 - 0.2*1.0000282445504562, 1 - 0.2*0.9999717558443078}
	for _, iv := range []ep.Interval{a, b} {
		got := []float64{iv.Low, iv.High}
		if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 0)); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
	}
	if iv := servqual.Feldt(0.5, math.MaxInt64, 1000, 0.99); !(iv.Low < 0.5 && iv.High > 0.5 && iv.High-iv.Low < 1e-8) {
		t.Errorf("Feldt at n = MaxInt64: %v", iv)
	}
}

// FuzzFeldt checks Feldt's interval: NaN bounds together, or ordered
// bounds at most 1 bracketing alpha.
func FuzzFeldt(f *testing.F) {
	f.Add(0.8, int64(100), 5, 0.95)
	f.Add(math.NaN(), int64(10), 2, 0.9)
	f.Add(-1e308, int64(math.MaxInt64), 1000, 0.5)
	f.Add(1.0, int64(2), 2, 1e-300)
	f.Add(math.Copysign(0, -1), int64(-1), -1, math.Inf(1))
	f.Fuzz(func(t *testing.T, alpha float64, n int64, k int, level float64) {
		iv := servqual.Feldt(alpha, n, k, level)
		if math.IsNaN(iv.Low) != math.IsNaN(iv.High) {
			t.Fatalf("Feldt = %v", iv)
		}
		if !math.IsNaN(iv.Low) && (iv.Low > iv.High+1e-12 || iv.High > 1+1e-12 || math.IsInf(iv.Low, 0)) {
			t.Fatalf("Feldt(%v, %d, %d, %v) = %v", alpha, n, k, level, iv)
		}
	})
}
