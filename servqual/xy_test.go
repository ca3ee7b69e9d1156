package servqual_test

import (
	"testing"

	"github.com/cxlab/satisfaction/servqual"
)

// TestIPAPointsXY checks the plotting adapter: performance on x,
// importance on y, in input order.
func TestIPAPointsXY(t *testing.T) {
	ps := servqual.IPAPoints{{Key: "a", Importance: 0.3, Performance: 5}, {Key: "b", Importance: 0.7, Performance: 4}}
	if ps.Len() != 2 {
		t.Fatalf("Len = %d, want 2", ps.Len())
	}
	if x, y := ps.XY(1); x != 4 || y != 0.7 {
		t.Errorf("XY(1) = (%v, %v), want (4, 0.7)", x, y)
	}
	if servqual.IPAPoints(nil).Len() != 0 {
		t.Error("nil IPAPoints has a length")
	}
}
