package pls_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// handMoments are the hand-worked correlations with SDs 2, 1 (block X),
// 1.5, 1.5 (block Y) and means 7, 8, 6, 9 on a 1..10 scale.
func handMoments() pls.Moments {
	r := [][]float64{{1, 0.6, 0.4, 0.4}, {0.6, 1, 0.4, 0.4}, {0.4, 0.4, 1, 0.5}, {0.4, 0.4, 0.5, 1}}
	sd := []float64{2, 1, 1.5, 1.5}
	cov := make([][]float64, 4)
	for i := range cov {
		cov[i] = make([]float64, 4)
		for j := range cov[i] {
			cov[i][j] = r[i][j] * sd[i] * sd[j]
		}
	}
	return pls.Moments{N: 100, Mean: []float64{7, 8, 6, 9}, Cov: cov}
}

// TestIndexAndIPMA checks the ACSI index and the IPMA by hand. Block X has
// equal standardised weights w = 1/√3.2, so the unstandardised weights are
// w/2 and w/1, rescaled to 1/3 and 2/3:
//
//	index X = (1/3·(7 − 1) + 2/3·(8 − 1))/9·100 = (20/3)/9·100 = 74.074…
//	index Y = (½·5 + ½·8)/9·100 = 72.2…
//
// Importance of X for Y = path·|Σ w/s|_X / |Σ w/s|_Y
// = (1.6/√9.6)·(1.5/√3.2)/((2/1.5)/√3).
func TestIndexAndIPMA(t *testing.T) {
	m := twoByTwo(t)
	res, err := m.FitMoments(handMoments(), nil)
	if err != nil {
		t.Fatal(err)
	}
	sc := pls.Scale{Min: 1, Max: 10}
	ix, err := res.Index("X", sc)
	if err != nil {
		t.Fatal(err)
	}
	iy, _ := res.Index("Y", sc)
	ipma, err := res.IPMA("Y", sc)
	if err != nil {
		t.Fatal(err)
	}
	imp := 1.6 / math.Sqrt(9.6) * (1.5 / math.Sqrt(3.2)) / ((2 / 1.5) / math.Sqrt(3))
	want := pls.IPMA{Target: "Y", TargetPerformance: 650.0 / 9,
		Constructs: []pls.IPMAPoint{{Name: "X", Importance: imp, Performance: 2000.0 / 27, Rank: 1}},
		Indicators: []pls.IPMAPoint{
			{Name: "x1", Construct: "X", Importance: imp / 3, Performance: 600.0 / 9, Rank: 2},
			{Name: "x2", Construct: "X", Importance: 2 * imp / 3, Performance: 700.0 / 9, Rank: 1}}}
	opt := cmpopts.EquateApprox(0, 1e-12)
	if d := cmp.Diff([]float64{2000.0 / 27, 650.0 / 9}, []float64{ix, iy}, opt); d != "" {
		t.Errorf("index (-hand +got):\n%s", d)
	}
	if d := cmp.Diff(want, ipma, opt); d != "" {
		t.Errorf("IPMA (-hand +got):\n%s", d)
	}
	// Errors.
	if _, err := res.Index("Z", sc); !errors.Is(err, pls.ErrUnknown) {
		t.Errorf("unknown construct: %v", err)
	}
	if _, err := res.IPMA("X", sc); !errors.Is(err, pls.ErrValue) {
		t.Errorf("exogenous target: %v", err)
	}
	for _, bad := range []pls.Scale{{1, 1}, {math.NaN(), 2}, {1, math.Inf(1)}, {-math.MaxFloat64, math.MaxFloat64}} {
		_, err := res.Index("X", bad)
		if !errors.Is(err, pls.ErrValue) {
			t.Errorf("scale %v: %v", bad, err)
		}
		checkPrefix(t, err)
	}
	mo := handMoments()
	mo.Mean = nil
	noMeans, _ := m.FitMoments(mo, nil)
	if _, err := noMeans.Index("X", sc); !errors.Is(err, pls.ErrValue) {
		t.Errorf("index without means: %v", err)
	}
}

// TestPresets checks the ACSI and ECSI structures and their errors.
func TestPresets(t *testing.T) {
	two := func(c string) []string { return []string{c + "1", c + "2"} }
	acsi := map[string][]string{}
	for _, c := range []string{pls.Expectations, pls.Quality, pls.Value, pls.Satisfaction, pls.Complaints, pls.Loyalty} {
		acsi[c] = two(c)
	}
	m, err := pls.ACSI(acsi)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(m.Paths()); got != 9 {
		t.Errorf("ACSI has %d paths, want 9 (Fornell et al. 1996, Figure 1)", got)
	}
	ecsi := map[string][]string{}
	for _, c := range []string{pls.Image, pls.Expectations, pls.Quality, pls.Value, pls.Satisfaction, pls.Loyalty} {
		ecsi[c] = two(c)
	}
	if m, err = pls.ECSI(ecsi); err != nil || len(m.Paths()) != 10 {
		t.Fatalf("ECSI: %v, %v", m, err)
	}
	ecsi["Price"] = []string{"p"}
	if _, err := pls.ECSI(ecsi); !errors.Is(err, pls.ErrUnknown) {
		t.Errorf("extra construct: %v", err)
	}
	delete(ecsi, "Price")
	delete(ecsi, pls.Loyalty)
	_, err = pls.ECSI(ecsi)
	if !errors.Is(err, pls.ErrEmptyBlock) {
		t.Errorf("missing construct: %v", err)
	}
	checkPrefix(t, err)
}
