package pls_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/stat/distuv"
)

// TestBootstrapDeterministic checks the result depends on the seed only.
func TestBootstrapDeterministic(t *testing.T) {
	_, data := readCSV(t, "testdata/mixed.csv")
	m, _ := pls.NewModel(mixedSpec())
	var got []*pls.Bootstrap
	for _, w := range []int{1, 2, 7} {
		bs, err := m.Bootstrap(data, &pls.Options{Consistent: true}, &pls.BootstrapOptions{Resamples: 200, Seed: 42, Workers: w, BCa: true})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, bs)
	}
	for _, bs := range got[1:] {
		if d := cmp.Diff(got[0], bs, cmpopts.EquateNaNs()); d != "" {
			t.Errorf("results differ with the number of workers:\n%s", d)
		}
	}
	other, _ := m.Bootstrap(data, nil, &pls.BootstrapOptions{Resamples: 200, Seed: 43})
	if other.Paths[0].SE == got[0].Paths[0].SE {
		t.Errorf("seeds 42 and 43 gave the same SE")
	}
}

// TestBootstrapByHand re-does a small bootstrap from its definition: the
// resamples drawn as documented (PCG(seed, b), n draws of IntN(n)), each
// fitted by Fit; mean, SE (n − 1), type-7 percentiles, and the BCa bounds
// from the jackknife of Fit on the data without each respondent.
func TestBootstrapByHand(t *testing.T) {
	_, all := readCSV(t, "testdata/mixed.csv")
	data := all[:40]
	m, _ := pls.NewModel(mixedSpec())
	const B, seed, level = 25, 9, 0.9
	bs, err := m.Bootstrap(data, &pls.Options{Level: level}, &pls.BootstrapOptions{Resamples: B, Seed: seed, BCa: true, Scale: &pls.Scale{Min: 0, Max: 9}})
	if err != nil {
		t.Fatal(err)
	}
	path := func(r *pls.Result) float64 { return r.Paths[2].Coefficient } // A -> B
	index := func(r *pls.Result) float64 { v, _ := r.Index("B", pls.Scale{Min: 0, Max: 9}); return v }
	full, _ := m.Fit(data, nil)
	var reps, idx []float64
	for b := range B {
		rng := rand.New(rand.NewPCG(seed, uint64(b)))
		re := make([][]float64, len(data))
		for i := range re {
			re[i] = data[rng.IntN(len(data))]
		}
		r, err := m.Fit(re, nil)
		if err != nil {
			t.Fatal(err)
		}
		reps = append(reps, path(r))
		idx = append(idx, index(r))
	}
	// The index intervals: estimate and mean against the refits.
	im := 0.0
	for _, v := range idx {
		im += v / B
	}
	if d := cmp.Diff([]float64{index(full), im}, []float64{bs.Index[2].Estimate, bs.Index[2].Mean}, cmpopts.EquateApprox(1e-10, 1e-10)); d != "" {
		t.Errorf("bootstrap of the index of B (-refits +Bootstrap):\n%s", d)
	}
	var jack []float64
	for i := range data {
		r, err := m.Fit(slices.Concat(data[:i], data[i+1:]), nil)
		if err != nil {
			t.Fatal(err)
		}
		jack = append(jack, path(r))
	}
	slices.Sort(reps)
	mean, ss := 0.0, 0.0
	for _, v := range reps {
		mean += v / B
	}
	for _, v := range reps {
		ss += (v - mean) * (v - mean)
	}
	q := func(p float64) float64 { // type 7
		h := (B - 1) * p
		lo := math.Floor(h)
		return reps[int(lo)] + (h-lo)*(reps[int(lo)+1]-reps[int(lo)])
	}
	below := 0.0
	for _, v := range reps {
		if v < path(full) {
			below++
		}
	}
	z0 := distuv.UnitNormal.Quantile(below / B)
	jm := 0.0
	for _, v := range jack {
		jm += v / float64(len(jack))
	}
	num, den := 0.0, 0.0
	for _, v := range jack {
		num += math.Pow(jm-v, 3)
		den += math.Pow(jm-v, 2)
	}
	a := num / (6 * math.Pow(den, 1.5))
	bcaq := func(p float64) float64 {
		z := distuv.UnitNormal.Quantile(p)
		return q(distuv.UnitNormal.CDF(z0 + (z0+z)/(1-a*(z0+z))))
	}
	want := pls.Interval{Name: "A -> B", Estimate: path(full), Mean: mean, SE: math.Sqrt(ss / (B - 1)),
		Lower: q(0.05), Upper: q(0.95), BCaLower: bcaq(0.05), BCaUpper: bcaq(0.95)}
	if d := cmp.Diff(want, bs.Paths[2], cmpopts.EquateApprox(1e-10, 1e-10)); d != "" {
		t.Errorf("bootstrap of A -> B (-by hand +Bootstrap):\n%s", d)
	}
}

// trueECSI simulates the ECSI model of the benchmark with exactly
// standardised latent variables (residual variances 1 − βᵀΣβ from the
// implied correlations) and continuous reflective items with loadings
// 0.6..0.9, so the population standardised paths are the β below.
func trueECSI(n int, seed uint64) (data [][]float64, truth map[string]float64) {
	pred := [][]int{nil, {0}, {1}, {1, 2}, {0, 1, 2, 3}, {0, 4}}
	beta := [][]float64{nil, {0.5}, {0.8}, {0.2, 0.6}, {0.2, 0.1, 0.2, 0.4}, {0.3, 0.5}}
	names := []string{"IMAG", "EXPE", "QUAL", "VAL", "SAT", "LOY"}
	var sig [6][6]float64
	resid := make([]float64, 6)
	for j := range 6 {
		sig[j][j] = 1
		for i := range j {
			for x, p := range pred[j] {
				sig[j][i] += beta[j][x] * sig[p][i]
			}
			sig[i][j] = sig[j][i]
		}
		explained := 0.0
		for x, p := range pred[j] {
			for y, q := range pred[j] {
				explained += beta[j][x] * beta[j][y] * sig[p][q]
			}
		}
		resid[j] = math.Sqrt(1 - explained)
	}
	truth = map[string]float64{}
	for j := range 6 {
		for x, p := range pred[j] {
			truth[names[p]+" -> "+names[j]] = beta[j][x]
		}
	}
	rng := rand.New(rand.NewPCG(seed, 3))
	sizes := []int{5, 5, 5, 4, 4, 4}
	var lam []float64
	var block []int
	for j, s := range sizes {
		for range s {
			lam = append(lam, 0.6+0.3*rng.Float64())
			block = append(block, j)
		}
	}
	for range n {
		var e [6]float64
		for j := range 6 {
			for x, p := range pred[j] {
				e[j] += beta[j][x] * e[p]
			}
			e[j] += resid[j] * rng.NormFloat64()
		}
		row := make([]float64, len(lam))
		for k, l := range lam {
			row[k] = l*e[block[k]] + math.Sqrt(1-l*l)*rng.NormFloat64()
		}
		data = append(data, row)
	}
	return data, truth
}

// TestConsistentRecovers checks PLSc recovers the true paths of a
// simulated reflective model within its 95% percentile intervals, while
// PLS attenuates them (its mean absolute error is larger).
func TestConsistentRecovers(t *testing.T) {
	data, truth := trueECSI(1000, 11)
	m, _ := pls.NewModel(ecsiSpec())
	bs, err := m.Bootstrap(data, &pls.Options{Consistent: true}, &pls.BootstrapOptions{Resamples: 500, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	errPLS, errPLSc := 0.0, 0.0
	for x, iv := range bs.ConsistentPaths {
		tr := truth[iv.Name]
		if !(iv.Lower <= tr && tr <= iv.Upper) {
			t.Errorf("PLSc %s: true %v outside [%.4f, %.4f] (estimate %.4f)", iv.Name, tr, iv.Lower, iv.Upper, iv.Estimate)
		}
		errPLSc += math.Abs(iv.Estimate - tr)
		errPLS += math.Abs(bs.Paths[x].Estimate - tr)
	}
	if !(errPLSc < errPLS) {
		t.Errorf("mean absolute error: PLSc %.4f, PLS %.4f; want PLSc smaller", errPLSc/10, errPLS/10)
	}
	t.Logf("mean absolute error of the paths: PLS %.4f, PLSc %.4f", errPLS/10, errPLSc/10)
}

// TestConsistentIsConsistent checks PLSc converges to the true paths as n
// grows (all within 0.02 at n = 50,000, where PLS stays attenuated: its
// IMAG -> EXPE and VAL -> SAT are 0.446 and 0.299 for true 0.5 and 0.4).
func TestConsistentIsConsistent(t *testing.T) {
	data, truth := trueECSI(50000, 11)
	m, _ := pls.NewModel(ecsiSpec())
	r, err := m.Fit(data, &pls.Options{Consistent: true})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Consistent.Admissible {
		t.Errorf("inadmissible: %s", r.Consistent.Reason)
	}
	worstPLS := 0.0
	for x, p := range r.Consistent.Paths {
		tr := truth[p.From+" -> "+p.To]
		if d := math.Abs(p.Coefficient - tr); d > 0.02 {
			t.Errorf("PLSc %s -> %s = %.4f, true %v", p.From, p.To, p.Coefficient, tr)
		}
		worstPLS = max(worstPLS, math.Abs(r.Paths[x].Coefficient-tr))
	}
	if worstPLS < 0.05 {
		t.Errorf("PLS paths within %.3f of the truth: the attenuation the test relies on is missing", worstPLS)
	}
}
