package pls_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestStreamBootstrap checks the online bootstrap: shards merged in any
// split give the stream of the whole (the weights follow the respondent
// id), and its standard errors agree with the ordinary bootstrap's within
// Monte Carlo error.
func TestStreamBootstrap(t *testing.T) {
	_, data := readCSV(t, "testdata/ecsi.csv")
	m, _ := pls.NewModel(ecsiSpec())
	const B, seed = 400, 17
	whole, err := pls.NewStreamBootstrap(m.NumIndicators(), B, seed)
	if err != nil {
		t.Fatal(err)
	}
	var shards [3]*pls.StreamBootstrap
	for s := range shards {
		shards[s], _ = pls.NewStreamBootstrap(m.NumIndicators(), B, seed)
	}
	for i, row := range data {
		if err := whole.Add(uint64(i), row); err != nil {
			t.Fatal(err)
		}
		// Shards take respondents in another order.
		j := len(data) - 1 - i
		if err := shards[j%3].Add(uint64(j), data[j]); err != nil {
			t.Fatal(err)
		}
	}
	if err := shards[0].Merge(shards[1]); err != nil {
		t.Fatal(err)
	}
	if err := shards[0].Merge(shards[2]); err != nil {
		t.Fatal(err)
	}
	scale := &pls.Scale{Min: 1, Max: 10}
	a, err := m.BootstrapStream(whole, nil, scale)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.BootstrapStream(shards[0], nil, scale)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(a, b, cmpopts.EquateApprox(1e-9, 1e-9), cmpopts.EquateNaNs()); d != "" {
		t.Errorf("sharded stream differs from the whole (-whole +shards):\n%s", d)
	}
	full, _ := m.Fit(data, nil)
	ordinary, err := m.Bootstrap(data, nil, &pls.BootstrapOptions{Resamples: 2000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	for x, iv := range a.Paths {
		if d := math.Abs(iv.Estimate - full.Paths[x].Coefficient); d > 1e-12 {
			t.Errorf("%s: stream estimate %v, Fit %v", iv.Name, iv.Estimate, full.Paths[x].Coefficient)
		}
		// SE of an SE from B = 400 replicates is about SE/√800 = 3.5%.
		if r := iv.SE / ordinary.Paths[x].SE; r < 0.85 || r > 1.15 {
			t.Errorf("%s: stream SE %.4f, ordinary bootstrap SE %.4f", iv.Name, iv.SE, ordinary.Paths[x].SE)
		}
		if !math.IsNaN(iv.BCaLower) || iv.Reason == "" {
			t.Errorf("%s: BCa %v without data, reason %q", iv.Name, iv.BCaLower, iv.Reason)
		}
	}
	if a.Failed != 0 || a.N != len(data) {
		t.Errorf("failed %d, n %d", a.Failed, a.N)
	}
}

// TestStreamBootstrapErrors checks rejected input changes nothing.
func TestStreamBootstrapErrors(t *testing.T) {
	for _, tc := range []struct{ k, b int }{{0, 10}, {3, 0}, {3, pls.MaxResamples + 1}, {pls.MaxIndicators + 1, 1}, {1000, 100}} {
		_, err := pls.NewStreamBootstrap(tc.k, tc.b, 1)
		if !errors.Is(err, pls.ErrValue) && !errors.Is(err, pls.ErrLimit) {
			t.Errorf("NewStreamBootstrap(%d, %d): %v", tc.k, tc.b, err)
		}
		checkPrefix(t, err)
	}
	sb, _ := pls.NewStreamBootstrap(2, 5, 1)
	_ = sb.Add(0, []float64{1, 2})
	for _, row := range [][]float64{{1}, {math.Inf(1), 1}, nil} {
		err := sb.Add(1, row)
		if !errors.Is(err, pls.ErrLength) && !errors.Is(err, pls.ErrValue) && !errors.Is(err, pls.ErrEmpty) {
			t.Errorf("Add(%v): %v", row, err)
		}
		checkPrefix(t, err)
	}
	if sb.N() != 1 {
		t.Errorf("N = %d after rejected rows", sb.N())
	}
	other, _ := pls.NewStreamBootstrap(2, 5, 2)
	_ = other.Add(5, []float64{1, 2})
	for _, o := range []*pls.StreamBootstrap{other, sb} {
		err := sb.Merge(o)
		if !errors.Is(err, pls.ErrValue) {
			t.Errorf("Merge: %v", err)
		}
		checkPrefix(t, err)
	}
	var zero pls.StreamBootstrap
	if err := zero.Add(0, []float64{1}); !errors.Is(err, pls.ErrValue) {
		t.Errorf("zero Add: %v", err)
	}
	m := twoByTwo(t)
	if _, err := m.BootstrapStream(sb, nil, nil); !errors.Is(err, pls.ErrLength) {
		t.Errorf("BootstrapStream of 2 indicators for a 4-indicator model: %v", err)
	}
}
