package btyd_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestBGBBDERT checks DERT at the published donations estimates against
// FHS 2010 eq. 14 in mpmath (40 digits; L, B as in the script in
// bgbb_test.go):
//
//	def dert(dd, x, tx, n):  # FHS 2010 eq. 14
//	    dd = mp.mpf(dd)
//	    return B(a+x+1, b+n-x)/B(a, b)*B(g, d+n+1)/((1+dd)*B(g, d))*mp.hyp2f1(1, d+n+1, g+d+n+1, 1/(1+dd))/L(x, tx, n)
func TestBGBBDERT(t *testing.T) {
	m := btyd.BGBB{Alpha: 1.204, Beta: 0.750, Gamma: 0.657, Delta: 2.783}
	for _, c := range []struct {
		d        float64
		x, tx, n int
		want     float64
	}{
		{0.1, 0, 0, 6, 0.1146469961817641},
		{0.1, 3, 4, 6, 1.6286607730608238},
		{0.1, 6, 6, 6, 5.908678319555381},
		{0.001, 6, 6, 6, 81.194895851569404},
		{1, 2, 2, 6, 0.025258524985895716},
	} {
		got, err := m.DiscountedResidualPurchases(c.d, c.x, c.tx, c.n)
		if err != nil || !cmp.Equal(got, c.want, cmpopts.EquateApprox(1e-12, 0)) {
			t.Errorf("DERT(%v, %d, %d, %d) = %v, %v; want %v", c.d, c.x, c.tx, c.n, got, err, c.want)
		}
	}
	for _, d := range []float64{0, 1e-4, 1.5, math.NaN(), math.Inf(1)} {
		if _, err := m.DiscountedResidualPurchases(d, 1, 1, 6); !errors.Is(err, btyd.ErrInvalid) {
			t.Errorf("DERT(d = %v): error %v", d, err)
		}
	}
	if _, err := m.DiscountedResidualPurchases(0.1, 2, 1, 6); !errors.Is(err, btyd.ErrInvalid) {
		t.Errorf("DERT(x > t_x): error %v", err)
	}
}
