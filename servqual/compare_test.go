package servqual_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestCompareWelch(t *testing.T) {
	in, err := servqual.NewInstrument(servqual.Spec{
		Name: "checkout", Scale: servqual.Scale{Min: 1, Max: 7},
		Dimensions: []servqual.Dimension{{Key: "ease"}}, Items: []servqual.Item{{Key: "e1", Dimension: "ease"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	report := func(xs []float64) servqual.Report {
		a := servqual.NewAccumulator(in)
		for _, x := range xs {
			if err := a.Add(servqual.Response{Perception: []float64{x}}); err != nil {
				t.Fatal(err)
			}
		}
		return a.Report()
	}
	before := report([]float64{5, 6, 7, 5, 6, 4, 6, 7})
	after := report([]float64{6, 7, 7, 6, 7, 6, 7, 7, 6, 7, 6})
	diffs, err := servqual.Compare(before, after, servqual.Perception)
	if err != nil {
		t.Fatal(err)
	}
	// SciPy 1.10.1: stats.ttest_ind(after, before, equal_var=False) →
	// t = 1.9966266297562483, p = 0.07498514729771294; Welch df
	// 9.601300193326786; CI from stats.t.ppf(0.975, df):
	// [-0.09725632191307587, 1.6881654128221677].
	want := struct{ Diff, T, P, DF, Lo, Hi float64 }{6.545454545454546 - 5.75, 1.9966266297562483, 0.07498514729771294, 9.601300193326786, -0.09725632191307587, 1.6881654128221677}
	for _, d := range diffs {
		got := struct{ Diff, T, P, DF, Lo, Hi float64 }{d.Diff, d.T, d.P, d.DF, d.CI.Low, d.CI.High}
		if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 1e-12)); diff != "" {
			t.Errorf("%s mismatch (-SciPy +got):\n%s", d.Key, diff)
		}
	}
	if len(diffs) != 2 || diffs[1].Key != "overall" {
		t.Errorf("keys %v", diffs)
	}
	if _, err := json.Marshal(diffs); err != nil {
		t.Error(err)
	}
	if _, err := servqual.Compare(before, after, servqual.Gap); err == nil {
		t.Error("absent measure compared")
	}
	other := servqual.NewAccumulator(servqual.SERVQUAL()).Report()
	if _, err := servqual.Compare(before, other, servqual.Perception); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("different instruments: %v", err)
	}
	one, err := servqual.Welch("x", servqual.Stat{N: 1, Mean: 3}, servqual.Stat{N: 5, Mean: 4, SD: 1})
	if err != nil || one.Diff != 1 || !math.IsNaN(one.P) || !math.IsNaN(one.CI.Low) || one.Reason == "" {
		t.Errorf("n=1 comparison %+v", one)
	}
	if _, err := json.Marshal(one); err != nil {
		t.Error(err)
	}
}

func FuzzWelch(f *testing.F) {
	f.Add(int64(8), 5.75, 1.0, int64(11), 6.5, 0.5)
	f.Add(int64(1), 0.0, 0.0, int64(1), 0.0, 0.0)
	f.Add(int64(2), math.NaN(), math.Inf(1), int64(-3), 1e308, 1e-308)
	f.Add(int64(2), -1e308, 1e308, int64(2), 1e308, 1e308)
	f.Add(int64(math.MaxInt64), 1.0, 1e-300, int64(2), 1.0, 0.0)
	f.Add(int64(3), 1.0, 0.0, int64(3), 2.0, 0.0)
	f.Fuzz(func(t *testing.T, na int64, ma, sa float64, nb int64, mb, sb float64) {
		d, err := servqual.Welch("k", servqual.Stat{N: na, Mean: ma, SD: sa}, servqual.Stat{N: nb, Mean: mb, SD: sb})
		if err != nil {
			checkErr(t, err)
			return
		}
		if !math.IsNaN(d.P) && (d.P < 0 || d.P > 1) {
			t.Fatalf("p = %v", d.P)
		}
		checkDefined(t, d.Reason, d.Diff)
		if d.Reason == "" {
			checkDefined(t, "", d.SE, d.DF, d.CI.Low, d.CI.High, d.T, d.P)
		}
		if _, err := json.Marshal(d); err != nil {
			t.Fatal(err)
		}
	})
}
