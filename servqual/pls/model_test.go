package pls_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// twoByTwo is the hand-worked model: X → Y, two reflective items each.
func twoByTwo(t *testing.T) *pls.Model {
	t.Helper()
	m, err := pls.NewModel(pls.Spec{
		Constructs: []pls.Construct{{Name: "X", Indicators: []string{"x1", "x2"}}, {Name: "Y", Indicators: []string{"y1", "y2"}}},
		Paths:      []pls.Path{{From: "X", To: "Y"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestHandWorked checks a two-construct, two-item model against a hand
// calculation. Items correlate 0.6 within X, 0.5 within Y and 0.4 across.
// By symmetry the weights within a block are equal at every iteration, so
// the algorithm stops after the first update:
//
//	w_x = 1/√(2 + 2·0.6) = 1/√3.2,  w_y = 1/√(2 + 2·0.5) = 1/√3
//	r(X, Y) = 4·0.4·w_x·w_y = 1.6/√9.6 = 0.516397779494322  (path, and R² = its square)
//	loading x = (1 + 0.6)·w_x = √0.8,  loading y = 1.5·w_y = √0.75
//	cross-loading x on Y = 2·0.4·w_y = 0.8/√3
//	alpha_X = 2·(1 − 2/3.2) = 0.75,  alpha_Y = 2·(1 − 2/3) = 2/3
//	ρC_X = 4·0.8/(4·0.8 + 2·0.2) = 8/9,  ρC_Y = 3/(3 + 0.5) = 6/7
//	AVE_X = 0.8, AVE_Y = 0.75
//	ρA_X = (2/3.2)²·(2·0.6/3.2) / ((2/3.2)² − 2/3.2²) = 0.75 (= alpha for two items), ρA_Y = 2/3
//	HTMT = 0.4/√(0.6·0.5) = 0.730296743340221
//	PLSc path = 0.516397779494322/√(0.75·2/3) = 0.730296743340221
//	adjusted R² (n = 100) = 1 − (1 − 0.26666…)·99/98
func TestHandWorked(t *testing.T) {
	m := twoByTwo(t)
	cov := [][]float64{
		{1, 0.6, 0.4, 0.4},
		{0.6, 1, 0.4, 0.4},
		{0.4, 0.4, 1, 0.5},
		{0.4, 0.4, 0.5, 1},
	}
	res, err := m.FitCov(cov, 100, &pls.Options{Consistent: true})
	if err != nil {
		t.Fatal(err)
	}
	path := 1.6 / math.Sqrt(9.6)
	type summary struct {
		Weights, Loadings, Cross []float64
		Path, R2, AdjR2          float64
		Alpha, RhoC, RhoA, AVE   []float64
		HTMT, PLSc               float64
		FornellLarcker           []bool
	}
	want := summary{
		Weights:  []float64{1 / math.Sqrt(3.2), 1 / math.Sqrt(3.2), 1 / math.Sqrt(3), 1 / math.Sqrt(3)},
		Loadings: []float64{math.Sqrt(0.8), math.Sqrt(0.8), math.Sqrt(0.75), math.Sqrt(0.75)},
		Cross:    []float64{0.8 / math.Sqrt(3), 0.8 / math.Sqrt(3), 0.8 / math.Sqrt(3.2), 0.8 / math.Sqrt(3.2)},
		Path:     path, R2: path * path, AdjR2: 1 - (1-path*path)*99/98,
		Alpha: []float64{0.75, 2.0 / 3}, RhoC: []float64{8.0 / 9, 6.0 / 7}, RhoA: []float64{0.75, 2.0 / 3}, AVE: []float64{0.8, 0.75},
		HTMT: 0.4 / math.Sqrt(0.3), PLSc: 0.4 / math.Sqrt(0.3),
		FornellLarcker: []bool{true, true},
	}
	got := summary{Path: res.Paths[0].Coefficient, R2: res.Constructs[1].R2, AdjR2: res.Constructs[1].AdjR2,
		HTMT: res.Discriminant[0].HTMT, PLSc: res.Consistent.Paths[0].Coefficient}
	for j, x := range res.Indicators {
		got.Weights = append(got.Weights, x.Weight)
		got.Loadings = append(got.Loadings, x.Loading)
		got.Cross = append(got.Cross, x.CrossLoadings[1-j/2])
	}
	for _, c := range res.Constructs {
		got.Alpha = append(got.Alpha, c.Alpha)
		got.RhoC = append(got.RhoC, c.RhoC)
		got.RhoA = append(got.RhoA, c.RhoA)
		got.AVE = append(got.AVE, c.AVE)
		got.FornellLarcker = append(got.FornellLarcker, c.FornellLarcker)
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-14)); d != "" {
		t.Errorf("hand-worked case (-hand +pls):\n%s", d)
	}
	if !math.IsNaN(res.Constructs[0].R2) || res.Constructs[0].Reason == "" {
		t.Errorf("exogenous R² = %v, reason %q; want NaN with a reason", res.Constructs[0].R2, res.Constructs[0].Reason)
	}
	if e := res.Effects; len(e) != 1 || e[0].Total != e[0].Direct || e[0].Indirect != 0 {
		t.Errorf("effects = %+v, want one direct effect", e)
	}
}

// TestModelErrors checks every invalid specification is an error that
// names the offending construct or path and wraps the right sentinels.
func TestModelErrors(t *testing.T) {
	c := func(name string, items ...string) pls.Construct { return pls.Construct{Name: name, Indicators: items} }
	p := func(f, t string) pls.Path { return pls.Path{From: f, To: t} }
	tests := []struct {
		name  string
		spec  pls.Spec
		is    []error
		names string
	}{
		{"cycle", pls.Spec{Constructs: []pls.Construct{c("A", "a"), c("B", "b"), c("C", "c")},
			Paths: []pls.Path{p("A", "B"), p("B", "C"), p("C", "A")}}, []error{pls.ErrCycle, pls.ErrModel}, `"A"`},
		{"two-cycle", pls.Spec{Constructs: []pls.Construct{c("A", "a"), c("B", "b"), c("C", "c")},
			Paths: []pls.Path{p("A", "C"), p("B", "C"), p("C", "B")}}, []error{pls.ErrCycle}, `"B" "C"`},
		{"self loop", pls.Spec{Constructs: []pls.Construct{c("A", "a"), c("B", "b")},
			Paths: []pls.Path{p("A", "B"), p("B", "B")}}, []error{pls.ErrCycle, pls.ErrModel}, "B -> B"},
		{"empty block", pls.Spec{Constructs: []pls.Construct{c("A", "a"), c("B")},
			Paths: []pls.Path{p("A", "B")}}, []error{pls.ErrEmptyBlock, pls.ErrModel}, `"B"`},
		{"no path", pls.Spec{Constructs: []pls.Construct{c("A", "a"), c("B", "b"), c("Lonely", "l")},
			Paths: []pls.Path{p("A", "B")}}, []error{pls.ErrNoPath, pls.ErrModel}, `"Lonely"`},
		{"unknown from", pls.Spec{Constructs: []pls.Construct{c("A", "a"), c("B", "b")},
			Paths: []pls.Path{p("Z", "B")}}, []error{pls.ErrUnknown, pls.ErrModel}, `"Z"`},
		{"unknown to", pls.Spec{Constructs: []pls.Construct{c("A", "a"), c("B", "b")},
			Paths: []pls.Path{p("A", "Q")}}, []error{pls.ErrUnknown, pls.ErrModel}, `"Q"`},
		{"duplicate construct", pls.Spec{Constructs: []pls.Construct{c("A", "a"), c("A", "b")},
			Paths: []pls.Path{p("A", "A")}}, []error{pls.ErrModel}, `"A"`},
		{"shared indicator", pls.Spec{Constructs: []pls.Construct{c("A", "a"), c("B", "a")},
			Paths: []pls.Path{p("A", "B")}}, []error{pls.ErrModel}, `"a"`},
		{"repeated path", pls.Spec{Constructs: []pls.Construct{c("A", "a"), c("B", "b")},
			Paths: []pls.Path{p("A", "B"), p("A", "B")}}, []error{pls.ErrModel}, "A -> B"},
		{"one construct", pls.Spec{Constructs: []pls.Construct{c("A", "a")}}, []error{pls.ErrModel}, "1 construct"},
		{"empty", pls.Spec{}, []error{pls.ErrModel}, "0 construct"},
		{"empty name", pls.Spec{Constructs: []pls.Construct{c("", "a"), c("B", "b")}}, []error{pls.ErrModel}, "construct 0"},
		{"bad mode", pls.Spec{Constructs: []pls.Construct{{Name: "A", Indicators: []string{"a"}, Mode: 7}, c("B", "b")}}, []error{pls.ErrModel}, `"A"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := pls.NewModel(tt.spec)
			if err == nil {
				t.Fatalf("NewModel = %v, nil; want an error", m)
			}
			for _, s := range tt.is {
				if !errors.Is(err, s) {
					t.Errorf("error %q does not wrap %q", err, s)
				}
			}
			if !strings.Contains(err.Error(), tt.names) {
				t.Errorf("error %q does not name %s", err, tt.names)
			}
			checkPrefix(t, err)
		})
	}
}

// checkPrefix checks an error starts with "pls: " exactly once and wraps
// a sentinel of the package.
func checkPrefix(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	s := err.Error()
	if !strings.HasPrefix(s, "pls: ") || strings.Count(s, "pls: ") != 1 {
		t.Errorf("error %q: want the prefix \"pls: \" exactly once", s)
	}
	for _, e := range sentinels {
		if errors.Is(err, e) {
			return
		}
	}
	t.Errorf("error %q wraps no sentinel", s)
}

var sentinels = []error{pls.ErrModel, pls.ErrCycle, pls.ErrEmptyBlock, pls.ErrNoPath, pls.ErrUnknown, pls.ErrEmpty,
	pls.ErrLength, pls.ErrValue, pls.ErrSingular, pls.ErrNotConverged, pls.ErrLimit}

// TestFitErrors checks a representative set of estimation errors.
func TestFitErrors(t *testing.T) {
	m := twoByTwo(t)
	good := [][]float64{{1, 0.6, 0.4, 0.4}, {0.6, 1, 0.4, 0.4}, {0.4, 0.4, 1, 0.5}, {0.4, 0.4, 0.5, 1}}
	clone := func(f func(c [][]float64)) [][]float64 {
		c := make([][]float64, len(good))
		for i := range good {
			c[i] = append([]float64(nil), good[i]...)
		}
		f(c)
		return c
	}
	var nilModel *pls.Model
	tests := []struct {
		name string
		err  error
		is   error
	}{
		{"nil model", func() error { _, err := nilModel.FitCov(good, 10, nil); return err }(), pls.ErrModel},
		{"n=1", func() error { _, err := m.FitCov(good, 1, nil); return err }(), pls.ErrSingular},
		{"rows", func() error { _, err := m.FitCov(good[:3], 10, nil); return err }(), pls.ErrLength},
		{"nan", func() error {
			_, err := m.FitCov(clone(func(c [][]float64) { c[0][1], c[1][0] = math.NaN(), math.NaN() }), 10, nil)
			return err
		}(), pls.ErrValue},
		{"zero variance", func() error { _, err := m.FitCov(clone(func(c [][]float64) { c[2][2] = 0 }), 10, nil); return err }(), pls.ErrSingular},
		{"asymmetric", func() error { _, err := m.FitCov(clone(func(c [][]float64) { c[0][3] = 0.1 }), 10, nil); return err }(), pls.ErrValue},
		{"corr > 1", func() error {
			_, err := m.FitCov(clone(func(c [][]float64) { c[0][3], c[3][0] = 2, 2 }), 10, nil)
			return err
		}(), pls.ErrValue},
		{"tolerance", func() error { _, err := m.FitCov(good, 10, &pls.Options{Tolerance: -1}); return err }(), pls.ErrValue},
		{"max iter", func() error { _, err := m.FitCov(good, 10, &pls.Options{MaxIter: 1e9}); return err }(), pls.ErrLimit},
		{"level", func() error { _, err := m.FitCov(good, 10, &pls.Options{Level: 95}); return err }(), pls.ErrValue},
		{"empty data", func() error { _, err := m.Fit(nil, nil); return err }(), pls.ErrEmpty},
		{"short row", func() error { _, err := m.Fit([][]float64{{1, 2, 3}}, nil); return err }(), pls.ErrLength},
		{"inf", func() error { _, err := m.Fit([][]float64{{1, 2, 3, math.Inf(1)}}, nil); return err }(), pls.ErrValue},
		{"one complete", func() error { _, err := m.Fit([][]float64{{1, 2, 3, 4}, {1, math.NaN(), 3, 4}}, nil); return err }(), pls.ErrSingular},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !errors.Is(tt.err, tt.is) {
				t.Fatalf("error %v, want one wrapping %q", tt.err, tt.is)
			}
			checkPrefix(t, tt.err)
		})
	}
}
