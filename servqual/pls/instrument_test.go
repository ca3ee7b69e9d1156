package pls_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func testInstrument(t *testing.T) *servqual.Instrument {
	t.Helper()
	in, err := servqual.NewInstrument(servqual.Spec{
		Name:       "shop",
		Scale:      servqual.Scale{Min: 1, Max: 7},
		Dimensions: []servqual.Dimension{{Key: "QUAL", Name: "Quality"}, {Key: "SAT", Name: "Satisfaction"}},
		Items: []servqual.Item{
			{Key: "q1", Dimension: "QUAL"}, {Key: "s1", Dimension: "SAT"},
			{Key: "q2", Dimension: "QUAL", Reverse: true}, {Key: "s2", Dimension: "SAT"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestInstrument builds a model on a servqual instrument and turns
// responses into rows: items grouped by dimension, reverse-keyed q2
// flipped (8 − x), NaN kept.
func TestInstrument(t *testing.T) {
	in := testInstrument(t)
	m, err := pls.FromInstrument(in, []pls.Path{{From: "QUAL", To: "SAT"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"q1", "q2", "s1", "s2"}, m.Indicators()); d != "" {
		t.Errorf("indicators (-want +got):\n%s", d)
	}
	rows, err := pls.Rows(in, m, []servqual.Response{{Perception: []float64{5, 6, 2, math.NaN()}}})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([][]float64{{5, 6, 6, math.NaN()}}, rows, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("rows (-want +got):\n%s", d)
	}
	if s := pls.ScaleOf(in); s != (pls.Scale{Min: 1, Max: 7}) {
		t.Errorf("scale %v", s)
	}
	for name, tc := range map[string]struct {
		err error
		is  error
	}{
		"off scale": {func() error {
			_, err := pls.Rows(in, m, []servqual.Response{{Perception: []float64{9, 1, 1, 1}}})
			return err
		}(), pls.ErrValue},
		"length": {func() error { _, err := pls.Rows(in, m, []servqual.Response{{Perception: []float64{1}}}); return err }(), pls.ErrLength},
		"empty":  {func() error { _, err := pls.Rows(in, m, nil); return err }(), pls.ErrEmpty},
		"nil":    {func() error { _, err := pls.FromInstrument(nil, nil, nil); return err }(), pls.ErrModel},
		"unknown mode": {func() error {
			_, err := pls.FromInstrument(in, []pls.Path{{From: "QUAL", To: "SAT"}}, map[string]pls.Mode{"X": pls.ModeB})
			return err
		}(), pls.ErrUnknown},
		"bad path": {func() error { _, err := pls.FromInstrument(in, []pls.Path{{From: "QUAL", To: "LOY"}}, nil); return err }(), pls.ErrUnknown},
	} {
		if !errors.Is(tc.err, tc.is) {
			t.Errorf("%s: %v, want %v", name, tc.err, tc.is)
		}
		checkPrefix(t, tc.err)
	}
}
