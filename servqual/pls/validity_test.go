package pls_test

import (
	"math"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
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
		lo, hi := pls.Feldt(tt.alpha, tt.n, tt.k, tt.level)
		if d := cmp.Diff([]float64{tt.lo, tt.hi}, []float64{lo, hi}, cmpopts.EquateApprox(1e-9, 0)); d != "" {
			t.Errorf("Feldt(%v, %d, %d, %v) (-scipy +pls):\n%s", tt.alpha, tt.n, tt.k, tt.level, d)
		}
	}
	for _, bad := range []struct {
		alpha float64
		n     int64
		k     int
		level float64
	}{{math.NaN(), 10, 3, 0.95}, {math.Inf(1), 10, 3, 0.95}, {1.5, 10, 3, 0.95}, {0.8, 1, 3, 0.95}, {0.8, 10, 1, 0.95}, {0.8, 10, 3, 1}, {0.8, 10, 3, math.NaN()}} {
		if lo, hi := pls.Feldt(bad.alpha, bad.n, bad.k, bad.level); !math.IsNaN(lo) || !math.IsNaN(hi) {
			t.Errorf("Feldt(%v) = %v, %v; want NaN", bad, lo, hi)
		}
	}
}

// TestAlphaInterval checks the result carries Feldt's interval around
// the alpha of the hand-worked model (alpha_X = 0.75, two items, n = 30,
// 90%: the second row of TestFeldt).
func TestAlphaInterval(t *testing.T) {
	m := twoByTwo(t)
	cov := [][]float64{{1, 0.6, 0.4, 0.4}, {0.6, 1, 0.4, 0.4}, {0.4, 0.4, 1, 0.5}, {0.4, 0.4, 0.5, 1}}
	res, err := m.FitCov(cov, 30, &pls.Options{Level: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Constructs[0]
	if d := cmp.Diff([]float64{0.75, 0.5347971411309811, 0.8656500087898271}, []float64{c.Alpha, c.AlphaCI.Low, c.AlphaCI.High}, cmpopts.EquateApprox(1e-9, 0)); d != "" {
		t.Errorf("alpha and interval (-want +got):\n%s", d)
	}
}

// TestFeldtHugeN checks the normal approximation for n > 10¹⁰ against
// scipy.stats.f.ppf at n − 1 = 1e10 (k = 27, alpha = 0.8): F quantiles
// 1.0000282445504562 (0.975) and 0.9999717558443078 (0.025), which gonum
// matches at the boundary and the approximation to 1e-9 relative beyond.
func TestFeldtHugeN(t *testing.T) {
	lo, hi := pls.Feldt(0.8, 1e10+1, 27, 0.95)
	lo2, hi2 := pls.Feldt(0.8, 1e10+2, 27, 0.95) // approximation side
	want := []float64{1 - 0.2*1.0000282445504562, 1 - 0.2*0.9999717558443078}
	for _, got := range [][]float64{{lo, hi}, {lo2, hi2}} {
		if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 0)); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
	}
	if lo, hi := pls.Feldt(0.5, math.MaxInt64, 1000, 0.99); !(lo < 0.5 && hi > 0.5 && hi-lo < 1e-8) {
		t.Errorf("Feldt at n = MaxInt64: %v, %v", lo, hi)
	}
}

// TestSingleIndicator checks the undefined statistics of a one-item block
// are NaN with a reason, and the defined ones take their limiting values
// (loading 1, ρC = ρA = AVE = 1).
func TestSingleIndicator(t *testing.T) {
	m, err := pls.NewModel(pls.Spec{
		Constructs: []pls.Construct{{Name: "X", Indicators: []string{"x"}}, {Name: "Y", Indicators: []string{"y1", "y2"}}},
		Paths:      []pls.Path{{From: "X", To: "Y"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.FitCov([][]float64{{1, 0.3, 0.4}, {0.3, 1, 0.5}, {0.4, 0.5, 1}}, 50, &pls.Options{Consistent: true})
	if err != nil {
		t.Fatal(err)
	}
	x := res.Constructs[0]
	if !math.IsNaN(x.Alpha) || !math.IsNaN(x.AlphaCI.Low) || x.Reason == "" {
		t.Errorf("single-item alpha %v [%v, %v], reason %q", x.Alpha, x.AlphaCI.Low, x.AlphaCI.High, x.Reason)
	}
	if d := cmp.Diff([]float64{1, 1, 1, 1}, []float64{res.Indicators[0].Loading, x.RhoC, x.RhoA, x.AVE}, cmpopts.EquateApprox(0, 1e-15)); d != "" {
		t.Errorf("single-item loading, ρC, ρA, AVE (-want +got):\n%s", d)
	}
	if h := res.Discriminant[0]; !math.IsNaN(h.HTMT) || h.Reason == "" {
		t.Errorf("HTMT with a single-item block: %v, reason %q", h.HTMT, h.Reason)
	}
	// The path is the correlation of x with Y's score, and PLSc corrects
	// only Y (ρA of a single item is 1).
	if !res.Consistent.Admissible {
		t.Errorf("PLSc inadmissible: %s", res.Consistent.Reason)
	}
	want := res.Paths[0].Coefficient / math.Sqrt(res.Constructs[1].RhoA)
	if d := math.Abs(res.Consistent.Paths[0].Coefficient - want); d > 1e-14 {
		t.Errorf("PLSc path %v, want %v", res.Consistent.Paths[0].Coefficient, want)
	}
}
