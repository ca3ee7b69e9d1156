package pls_test

import (
	"math"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestAlphaInterval checks the result carries Feldt's interval around
// the alpha of the hand-worked model (alpha_X = 0.75, two items, n = 30,
// 90%: the second row of servqual's TestFeldt).
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
