package btyd_test

import (
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// TestSeriesXY checks the plotting adapters: the period on x, the value
// on y.
func TestSeriesXY(t *testing.T) {
	p := btyd.PeriodSeries{1000, 631.5}
	if x, y := p.XY(1); p.Len() != 2 || x != 1 || y != 631.5 {
		t.Errorf("PeriodSeries: Len %d, XY(1) = (%v, %v), want 2, (1, 631.5)", p.Len(), x, y)
	}
	c := btyd.CountSeries{1000, 631, 468}
	if x, y := c.XY(2); c.Len() != 3 || x != 2 || y != 468 {
		t.Errorf("CountSeries: Len %d, XY(2) = (%v, %v), want 3, (2, 468)", c.Len(), x, y)
	}
	if btyd.PeriodSeries(nil).Len() != 0 || btyd.CountSeries(nil).Len() != 0 {
		t.Error("nil series has a length")
	}
}
