package pls_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// withGaps returns a copy of data with about frac of the answers missing,
// chosen by a fixed seed.
func withGaps(data [][]float64, frac float64, seed uint64) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 1))
	out := make([][]float64, len(data))
	for i, row := range data {
		out[i] = append([]float64(nil), row...)
		for k := range row {
			if rng.Float64() < frac {
				out[i][k] = math.NaN()
			}
		}
	}
	return out
}

// naiveMoments computes listwise or pairwise moments by the definition,
// two passes per pair, as R's cov(use = "complete.obs") and
// cor(use = "pairwise.complete.obs") do.
func naiveMoments(data [][]float64, missing pls.Missing) pls.Moments {
	K := len(data[0])
	ok := func(row []float64, ks ...int) bool {
		for _, k := range ks {
			if math.IsNaN(row[k]) {
				return false
			}
		}
		if missing == pls.Listwise {
			for _, x := range row {
				if math.IsNaN(x) {
					return false
				}
			}
		}
		return true
	}
	stats := func(i, j int) (n, mi, mj, sii, sjj, sij float64) {
		for _, row := range data {
			if ok(row, i, j) {
				n++
				mi += row[i]
				mj += row[j]
			}
		}
		mi /= n
		mj /= n
		for _, row := range data {
			if ok(row, i, j) {
				sii += (row[i] - mi) * (row[i] - mi)
				sjj += (row[j] - mj) * (row[j] - mj)
				sij += (row[i] - mi) * (row[j] - mj)
			}
		}
		return
	}
	mo := pls.Moments{N: math.MaxInt64, Mean: make([]float64, K), Cov: make([][]float64, K)}
	sd := make([]float64, K)
	for i := range K {
		n, mi, _, sii, _, _ := stats(i, i)
		mo.Mean[i], sd[i] = mi, math.Sqrt(sii/(n-1))
		mo.Cov[i] = make([]float64, K)
		if missing == pls.Listwise {
			mo.N = int64(n)
		}
	}
	for i := range K {
		for j := range K {
			n, _, _, sii, sjj, sij := stats(i, j)
			if missing == pls.Pairwise && i != j {
				mo.N = min(mo.N, int64(n))
			}
			mo.Cov[i][j] = sij / math.Sqrt(sii*sjj) * sd[i] * sd[j]
		}
	}
	return mo
}

// TestAccumulatorMoments checks the streaming moments against the
// two-pass definition, and that merging shards gives the whole.
func TestAccumulatorMoments(t *testing.T) {
	_, full := readCSV(t, "testdata/mixed.csv")
	data := withGaps(full, 0.05, 3)
	opt := []cmp.Option{cmpopts.EquateApprox(1e-12, 1e-12)}
	for _, missing := range []pls.Missing{pls.Listwise, pls.Pairwise} {
		var whole pls.Accumulator
		shards := []*pls.Accumulator{{}, {}, {}}
		for i, row := range data {
			if err := whole.Add(row); err != nil {
				t.Fatal(err)
			}
			if err := shards[i%3].Add(row); err != nil {
				t.Fatal(err)
			}
		}
		var merged pls.Accumulator
		for _, s := range shards {
			if err := merged.Merge(s); err != nil {
				t.Fatal(err)
			}
		}
		want := naiveMoments(data, missing)
		for name, a := range map[string]*pls.Accumulator{"whole": &whole, "merged": &merged} {
			got, err := a.Moments(missing)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got, opt...); d != "" {
				t.Errorf("%v %s moments (-two-pass +accumulator):\n%s", missing, name, d)
			}
		}
		if whole.N() != int64(len(data)) || merged.N() != whole.N() || merged.Complete() != whole.Complete() {
			t.Errorf("counts: whole %d/%d, merged %d/%d", whole.N(), whole.Complete(), merged.N(), merged.Complete())
		}
		// The fits agree too.
		m, _ := pls.NewModel(mixedSpec())
		r1, err := m.FitAccumulator(&merged, &pls.Options{Missing: missing})
		if err != nil {
			t.Fatal(err)
		}
		r2, err := m.FitMoments(want, &pls.Options{Missing: missing})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(r2.Paths, r1.Paths, opt...); d != "" {
			t.Errorf("%v: paths differ:\n%s", missing, d)
		}
		r3, err := m.Fit(data, &pls.Options{Missing: missing})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(r2.Paths, r3.Paths, opt...); d != "" {
			t.Errorf("%v: paths from raw data differ:\n%s", missing, d)
		}
		if missing == pls.Pairwise && r3.N >= int64(len(data)) {
			t.Errorf("pairwise N = %d, want the smallest pair count", r3.N)
		}
	}
}

// TestAccumulatorErrors checks bad rows change nothing.
func TestAccumulatorErrors(t *testing.T) {
	var a pls.Accumulator
	if err := a.Add([]float64{1, 2, 3}); err != nil {
		t.Fatal(err)
	}
	before, _ := a.Moments(pls.Listwise)
	for _, row := range [][]float64{{1, 2}, {1, math.Inf(-1), 2}, {1e300, 1, 1}, nil} {
		err := a.Add(row)
		if !errors.Is(err, pls.ErrLength) && !errors.Is(err, pls.ErrValue) {
			t.Errorf("Add(%v) = %v", row, err)
		}
		checkPrefix(t, err)
	}
	var b pls.Accumulator
	_ = b.Add([]float64{1, 2})
	err := a.Merge(&b)
	if !errors.Is(err, pls.ErrLength) {
		t.Errorf("merge of different sizes: %v", err)
	}
	checkPrefix(t, err)
	if a.N() != 1 {
		t.Errorf("N = %d after rejected rows, want 1", a.N())
	}
	if _, err := a.Moments(pls.Listwise); !errors.Is(err, pls.ErrSingular) {
		t.Errorf("one respondent: %v (before: %v)", err, before)
	}
	var empty pls.Accumulator
	if _, err := empty.Moments(pls.Listwise); !errors.Is(err, pls.ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	var nilAcc *pls.Accumulator
	if err := nilAcc.Add([]float64{1}); !errors.Is(err, pls.ErrValue) {
		t.Errorf("nil Add: %v", err)
	}
}
