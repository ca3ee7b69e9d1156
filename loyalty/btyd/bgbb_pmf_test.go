package btyd_test

import (
	"errors"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestBGBBProbPurchases checks FHS 2010 eq. 8 at the published
// donations estimates against mpmath (40 digits; L, B as in the script
// in bgbb_test.go):
//
//	def pmf(x, n):  # FHS 2010 eq. 8
//	    s = mp.binomial(n, x)*B(a+x, b+n-x)/B(a, b)*B(g, d+n)/B(g, d)
//	    for i in range(x, n):
//	        s += mp.binomial(i, x)*B(a+x, b+i-x)/B(a, b)*B(g+1, d+i)/B(g, d)
//	    return s
//
// and checks that the probabilities sum to 1 and their mean is
// ExpectedPurchases(n).
func TestBGBBProbPurchases(t *testing.T) {
	m := btyd.BGBB{Alpha: 1.204, Beta: 0.750, Gamma: 0.657, Delta: 2.783}
	want := []float64{0.31121774326384935, 0.17010997840651466, 0.12148051376687113, 0.10026311502480369,
		0.091659853424921835, 0.092481147905292494, 0.11278764820774684}
	approx := cmpopts.EquateApprox(1e-12, 0)
	var sum, mean float64
	for x, w := range want {
		got, err := m.ProbPurchases(x, 6)
		if err != nil || !cmp.Equal(got, w, approx) {
			t.Errorf("ProbPurchases(%d, 6) = %v, %v; want %v", x, got, err, w)
		}
		sum += got
		mean += float64(x) * got
	}
	e, _ := m.ExpectedPurchases(6)
	if !cmp.Equal(sum, 1.0, approx) || !cmp.Equal(mean, e, approx) {
		t.Errorf("sum %v, mean %v; want 1, %v", sum, mean, e)
	}
	if got, err := m.ProbPurchases(3, 20); err != nil || !cmp.Equal(got, 0.064176913682357123, approx) {
		t.Errorf("ProbPurchases(3, 20) = %v, %v", got, err)
	}
	for _, c := range [][2]int{{-1, 3}, {4, 3}, {0, -1}, {0, btyd.BGBBMaxPeriods + 1}} {
		if _, err := m.ProbPurchases(c[0], c[1]); !errors.Is(err, btyd.ErrInvalid) {
			t.Errorf("ProbPurchases(%d, %d): error %v", c[0], c[1], err)
		}
	}
}
