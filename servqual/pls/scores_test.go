package pls_test

import (
	"math"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestScores checks the construct scores of a raw-data fit: mean 0, SD 1
// (divisor n − 1), their correlations equal Result.Correlations, and a
// respondent who missed an item has NaN for that construct only.
func TestScores(t *testing.T) {
	_, data := readCSV(t, "testdata/mixed.csv")
	m, _ := pls.NewModel(mixedSpec())
	res, err := m.Fit(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	J, n := m.NumConstructs(), float64(len(data))
	mean := make([]float64, J)
	for _, s := range res.Scores {
		for j, v := range s {
			mean[j] += v / n
		}
	}
	cov := make([][]float64, J)
	for i := range cov {
		cov[i] = make([]float64, J)
		for j := range cov[i] {
			for _, s := range res.Scores {
				cov[i][j] += (s[i] - mean[i]) * (s[j] - mean[j]) / (n - 1)
			}
		}
	}
	opt := cmpopts.EquateApprox(0, 1e-12)
	if d := cmp.Diff(make([]float64, J), mean, opt); d != "" {
		t.Errorf("score means:\n%s", d)
	}
	if d := cmp.Diff(res.Correlations, cov, opt); d != "" {
		t.Errorf("score covariances vs Correlations:\n%s", d)
	}
	gap := withGaps(data[:5], 0, 1)
	gap[0][4] = math.NaN() // an item of A
	res2, err := m.Fit(append(gap, data[5:]...), nil)
	if err != nil {
		t.Fatal(err)
	}
	s := res2.Scores[0]
	if !math.IsNaN(s[1]) || math.IsNaN(s[0]) || math.IsNaN(s[2]) {
		t.Errorf("scores of a respondent who missed an A item: %v", s)
	}
}

// TestBootstrapPairwise checks the pairwise bootstrap is deterministic
// across workers and its full-sample estimates equal a pairwise Fit.
func TestBootstrapPairwise(t *testing.T) {
	_, data := readCSV(t, "testdata/mixed.csv")
	gappy := withGaps(data[:120], 0.05, 9)
	m, _ := pls.NewModel(mixedSpec())
	opts := &pls.Options{Missing: pls.Pairwise}
	b1, err := m.Bootstrap(gappy, opts, &pls.BootstrapOptions{Resamples: 50, Seed: 4, Workers: 1, BCa: true})
	if err != nil {
		t.Fatal(err)
	}
	b2, err := m.Bootstrap(gappy, opts, &pls.BootstrapOptions{Resamples: 50, Seed: 4, Workers: 3, BCa: true})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(b1, b2, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("pairwise bootstrap depends on workers:\n%s", d)
	}
	fit, err := m.Fit(gappy, opts)
	if err != nil {
		t.Fatal(err)
	}
	for x, iv := range b1.Paths {
		if d := math.Abs(iv.Estimate - fit.Paths[x].Coefficient); d > 1e-12 {
			t.Errorf("%s: bootstrap estimate %v, Fit %v", iv.Name, iv.Estimate, fit.Paths[x].Coefficient)
		}
	}
	if b1.N != len(gappy) {
		t.Errorf("pairwise bootstrap resampled %d of %d respondents", b1.N, len(gappy))
	}
}
