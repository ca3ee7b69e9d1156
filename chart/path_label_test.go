package chart_test

import (
	"testing"

	"github.com/cxlab/satisfaction/chart"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// TestPathDiagramShortArrowLabel: the coefficient of a short arrow
// between neighbouring boxes (Satisfaction → Loyalty in the ECSI layout,
// 0.48) is written above the arrow, not on it, where it hid the shaft and
// touched the boxes. The arrow runs at the height of the boxes' centres,
// halfway between the baselines of a box's name (centre + 6 pt) and its
// R² (centre − 7 pt); the label's baseline must be above that line.
func TestPathDiagramShortArrowLabel(t *testing.T) {
	p, err := chart.PathDiagram(chart.PathSpec{Result: ecsiResult()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	p.Draw(draw.NewCanvas(rec, chart.DefaultWidth, chart.DefaultHeight))
	base := map[string]vg.Length{}
	for _, a := range rec.Actions {
		if s, ok := a.(*recorder.FillString); ok {
			base[s.String] = s.Point.Y
		}
	}
	name, nok := base["Loyalty"]
	r2, rok := base["R² = 0.43"]
	label, lok := base["0.48"]
	if !nok || !rok || !lok {
		t.Fatalf("texts not found: %v", base)
	}
	if arrow := (name+r2)/2 + vg.Points(0.5); !(label > arrow+vg.Points(1)) {
		t.Errorf("label 0.48 baseline at %v, arrow at %v: the label sits on the arrow", label, arrow)
	}
}
