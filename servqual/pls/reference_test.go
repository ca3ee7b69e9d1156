package pls_test

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// referenceCase holds the estimates of testdata/reference.py, an
// independent numpy implementation that works on the data matrix (scores,
// OLS by least squares on the scores, inverse of I − B) rather than on the
// covariance matrix as the package does.
type referenceCase struct {
	name, scheme                 string
	iters                        int
	weights, loadings, cross     []float64
	paths, vif, total, r2, adjr2 []float64
	alpha, rhoc, rhoa, ave, htmt []float64
	plscPaths, plscR2            []float64
}

// readCSV reads a data set written by testdata/reference.py.
func readCSV(t testing.TB, path string) (names []string, data [][]float64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		x := make([]float64, len(row))
		for i, s := range row {
			if x[i], err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatal(err)
			}
		}
		data = append(data, x)
	}
	return rows[0], data
}

func blocks(lv []string, sizes []int) []pls.Construct {
	var cs []pls.Construct
	for j, name := range lv {
		c := pls.Construct{Name: name}
		for i := range sizes[j] {
			c.Indicators = append(c.Indicators, fmt.Sprintf("%s%d", name, i+1))
		}
		cs = append(cs, c)
	}
	return cs
}

// ecsiSpec is the model of testdata/ecsi.csv (the ECSI structure).
func ecsiSpec() pls.Spec {
	return pls.Spec{
		Constructs: blocks([]string{"IMAG", "EXPE", "QUAL", "VAL", "SAT", "LOY"}, []int{5, 5, 5, 4, 4, 4}),
		Paths: []pls.Path{{From: "IMAG", To: "EXPE"}, {From: "EXPE", To: "QUAL"}, {From: "EXPE", To: "VAL"},
			{From: "QUAL", To: "VAL"}, {From: "IMAG", To: "SAT"}, {From: "EXPE", To: "SAT"}, {From: "QUAL", To: "SAT"},
			{From: "VAL", To: "SAT"}, {From: "IMAG", To: "LOY"}, {From: "SAT", To: "LOY"}},
	}
}

// mixedSpec is the model of testdata/mixed.csv: a formative F.
func mixedSpec() pls.Spec {
	cs := blocks([]string{"F", "A", "B", "C"}, []int{3, 3, 4, 2})
	cs[0].Mode = pls.ModeB
	return pls.Spec{Constructs: cs, Paths: []pls.Path{{From: "F", To: "A"}, {From: "F", To: "B"},
		{From: "A", To: "B"}, {From: "A", To: "C"}, {From: "B", To: "C"}}}
}

// TestReference compares every estimate with the numpy reference to 1e-10
// (absolute and relative): weights, loadings, cross-loadings, paths, VIFs,
// total effects, R², adjusted R², alpha, ρC, ρA, AVE, HTMT and the PLSc
// paths and R², on two data sets and three schemes, fitted both from raw
// data and from an accumulator.
func TestReference(t *testing.T) {
	specs := map[string]pls.Spec{"ecsi": ecsiSpec(), "mixed": mixedSpec()}
	for _, rc := range referenceCases {
		t.Run(rc.name+"/"+rc.scheme, func(t *testing.T) {
			_, data := readCSV(t, "testdata/"+rc.name+".csv")
			m, err := pls.NewModel(specs[rc.name])
			if err != nil {
				t.Fatal(err)
			}
			var scheme pls.Scheme
			if err := scheme.UnmarshalText([]byte(rc.scheme)); err != nil {
				t.Fatal(err)
			}
			opts := &pls.Options{Scheme: scheme, Consistent: true}
			res, err := m.Fit(data, opts)
			if err != nil {
				t.Fatal(err)
			}
			acc := pls.NewAccumulator(m)
			for _, row := range data {
				if err := acc.Add(row); err != nil {
					t.Fatal(err)
				}
			}
			res2, err := m.FitAccumulator(acc, opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range []*pls.Result{res, res2} {
				checkReference(t, m, rc, r)
			}
		})
	}
}

func checkReference(t *testing.T, m *pls.Model, rc referenceCase, res *pls.Result) {
	t.Helper()
	J := m.NumConstructs()
	var got referenceCase
	got.name, got.scheme, got.iters = rc.name, rc.scheme, res.Iterations
	for _, x := range res.Indicators {
		got.weights = append(got.weights, x.Weight)
		got.loadings = append(got.loadings, x.Loading)
		got.cross = append(got.cross, x.CrossLoadings...)
	}
	for _, p := range res.Paths {
		got.paths = append(got.paths, p.Coefficient)
		got.vif = append(got.vif, p.VIF)
	}
	got.total = make([]float64, J*J)
	for _, e := range res.Effects {
		got.total[m.ConstructIndex(e.To)*J+m.ConstructIndex(e.From)] = e.Total
	}
	for _, c := range res.Constructs {
		got.r2 = append(got.r2, c.R2)
		got.adjr2 = append(got.adjr2, c.AdjR2)
		got.alpha = append(got.alpha, c.Alpha)
		got.rhoc = append(got.rhoc, c.RhoC)
		got.rhoa = append(got.rhoa, c.RhoA)
		got.ave = append(got.ave, c.AVE)
	}
	for _, p := range res.Discriminant {
		got.htmt = append(got.htmt, p.HTMT)
	}
	for _, p := range res.Consistent.Paths {
		got.plscPaths = append(got.plscPaths, p.Coefficient)
	}
	got.plscR2 = res.Consistent.R2
	opt := []cmp.Option{cmp.AllowUnexported(referenceCase{}), cmpopts.EquateApprox(1e-10, 1e-10), cmpopts.EquateNaNs()}
	if d := cmp.Diff(rc, got, opt...); d != "" {
		t.Errorf("estimates differ from numpy (-numpy +pls):\n%s", d)
	}
	// The largest absolute difference, for the record.
	worst := 0.0
	for _, pair := range [][2][]float64{{rc.weights, got.weights}, {rc.loadings, got.loadings}, {rc.paths, got.paths},
		{rc.r2, got.r2}, {rc.rhoc, got.rhoc}, {rc.rhoa, got.rhoa}, {rc.ave, got.ave}, {rc.htmt, got.htmt}, {rc.plscPaths, got.plscPaths}} {
		for i := range pair[0] {
			if d := math.Abs(pair[0][i] - pair[1][i]); d > worst {
				worst = d
			}
		}
	}
	t.Logf("largest absolute difference from numpy: %.3g", worst)
}

// nan is NaN in the generated reference values.
var nan = math.NaN()
