package btyd

import (
	"math"
	"testing"
)

// The compressed-tenure log-likelihood against mpmath (dps = 40) on the
// data of TestFitSBGTenuresReference:
//
//	LL(0.7, 1.2)  = −1809.2719230578054649
//	LL(3.8, 15.2) = −2139.0329995865284192
//
// and its gradient against central differences.
func TestSBGTenureLL(t *testing.T) {
	m := map[int64][2]float64{1: {369, 0}, 2: {163, 0}, 3: {86, 0}, 4: {56, 0}, 5: {37, 0}, 6: {27, 0}, 7: {21, 241},
		0: {0, 4}, 40: {0, 3}, 1000: {0, 5}, 20000: {2, 0}, 5e9: {0, 1}, 1 << 40: {1, 0}}
	var c tenureCounts
	c.fromMap(m, 1016)
	for _, r := range []struct{ a, b, want float64 }{
		{0.7, 1.2, -1809.2719230578054649},
		{3.8, 15.2, -2139.0329995865284192},
	} {
		g := make([]float64, 2)
		got := sbgTenureLL(&c, r.a, r.b, g)
		if math.Abs(got-r.want) > 1e-12*math.Abs(r.want) {
			t.Errorf("LL(%v, %v) = %.17g, want %.17g", r.a, r.b, got, r.want)
		}
		const h = 1e-6
		da := (sbgTenureLL(&c, r.a+h, r.b, nil) - sbgTenureLL(&c, r.a-h, r.b, nil)) / (2 * h)
		db := (sbgTenureLL(&c, r.a, r.b+h, nil) - sbgTenureLL(&c, r.a, r.b-h, nil)) / (2 * h)
		if math.Abs(g[0]-da) > 1e-5*math.Max(1, math.Abs(da)) || math.Abs(g[1]-db) > 1e-5*math.Max(1, math.Abs(db)) {
			t.Errorf("gradient at (%v, %v) = %v, differences %v %v", r.a, r.b, g, da, db)
		}
	}
}

// Tenures two periods apart above 2⁵³, where pos+1 rounds back to pos:
// the likelihood once stepped there for ever. mpmath (dps = 50) on
// {churned after 1, churned after 3, active after 2⁵³, active after
// 2⁵³+2}, with lnS as in TestFitSBGTenuresReference, gives
// LL(0.7, 1.2) = −54.790707202579535839.
func TestSBGTenureLLHugeCloseTenures(t *testing.T) {
	m := map[int64][2]float64{1: {1, 0}, 3: {1, 0}, 1 << 53: {0, 1}, 1<<53 + 2: {0, 1}}
	var c tenureCounts
	c.fromMap(m, 4)
	if got, want := sbgTenureLL(&c, 0.7, 1.2, nil), -54.790707202579535839; math.Abs(got-want) > 1e-12*math.Abs(want) {
		t.Errorf("LL(0.7, 1.2) = %.17g, want %.17g", got, want)
	}
}
