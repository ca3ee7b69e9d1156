package btyd

import (
	"math"
	"testing"
)

// Reference values from mpmath 1.2.1 at 40 digits: mp.hyp2f1(a, b, c, z).
func TestHyp2f1HardCorners(t *testing.T) {
	tests := []struct{ a, b, c, z, want float64 }{
		{0.5, 0.5, 1.5, 0.999, 1.5399384391655189},     // z near 1
		{30, 30, 31, 0.95, 5.5439559760715373e+37},     // large parameters: terms grow before they fall
		{1.2, 3.4, 2.1, 0.99, 51220.804480904257},      // c − a − b = −2.5 < 0: diverges as z → 1
		{1, 1, 2, 0.9999, 9.2112614981261054},          // c − a − b = 0: no 1 − z transformation
		{-0.5, 2.5, 0.3, 0.97, -241.79993356597153},    // negative a
		{2.2, -0.7, 40.5, 0.9999, 0.96151913845964497}, // the BG/NBD's transformed form: large c
		{0.3, 0.2, -0.4, 0.5, 0.82445721914247689},     // negative, non-integer c
	}
	for _, tt := range tests {
		got := hyp2f1(tt.a, tt.b, tt.c, tt.z)
		if math.Abs(got-tt.want) > 1e-12*math.Abs(tt.want) {
			t.Errorf("hyp2f1(%v, %v, %v, %v) = %.17g, want %.17g", tt.a, tt.b, tt.c, tt.z, got, tt.want)
		}
	}
	for _, bad := range [][4]float64{{1, 1, 2, 1}, {1, 1, 2, -0.1}, {1, 1, -2, 0.5}, {math.NaN(), 1, 2, 0.5}, {1, 1, 0, 0.3}} {
		if got := hyp2f1(bad[0], bad[1], bad[2], bad[3]); !math.IsNaN(got) {
			t.Errorf("hyp2f1%v = %v, want NaN", bad, got)
		}
	}
	if hyp2f1(3, 4, 5, 0) != 1 || hyp2f1(0, 4, 5, 0.7) != 1 {
		t.Error("trivial cases")
	}
}
