package btyd

import (
	"math"
	"testing"
)

// TestMBGNBDGradient: the analytic gradient of the MBG/NBD likelihood
// agrees with central differences of the likelihood itself (step 1e-6
// relative, good to about 1e-8 of the gradient's scale), for frequencies
// summed term by term (x ≤ 64), just above, where the closed forms take
// over, and huge ones; and the two ways of computing the x-dependent
// terms agree where they meet.
func TestMBGNBDGradient(t *testing.T) {
	for _, x := range []int{0, 3, 63, 64, 65, 100, 5000} {
		d, err := mbgnbdPrepare([]Summary{{Frequency: x, Recency: 30, T: 39}, {Frequency: 1, Recency: 2, T: 39}, {T: 20}, {T: 0}})
		if x == 0 {
			d, err = mbgnbdPrepare([]Summary{{T: 39}, {Frequency: 1, Recency: 2, T: 39}, {T: 20}})
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range [][]float64{{0.525, 6.183, 0.891, 1.614}, {5, 2, 1, 5}, {0.3, 40, 30, 0.2}} {
			g := make([]float64, 4)
			ll := d.ll(p, g)
			for i := range p {
				h := 1e-6 * p[i]
				pp := append([]float64(nil), p...)
				pp[i] = p[i] + h
				up := d.ll(pp, nil)
				pp[i] = p[i] - h
				num := (up - d.ll(pp, nil)) / (2 * h)
				if scale := math.Max(1, math.Abs(ll)/p[i]); math.Abs(num-g[i]) > 1e-6*scale {
					t.Errorf("x = %d, p = %v: ∂LL/∂p[%d] = %.12g, central difference %.12g", x, p, i, g[i], num)
				}
			}
		}
	}
	// x = 65 by the closed forms against the same customer summed term by
	// term (a table that reaches 65: another customer at x = 64 keeps the
	// table below, so compare with a direct sum).
	p := []float64{0.525, 6.183, 0.891, 1.614}
	d, _ := mbgnbdPrepare([]Summary{{Frequency: 65, Recency: 30, T: 39}})
	got := d.ll(p, nil)
	r, al, a, b := p[0], p[1], p[2], p[3]
	var lr, lb float64
	for i := 0.0; i < 65; i++ {
		lr += math.Log(r + i)
	}
	for i := 0.0; i <= 65; i++ {
		lb += math.Log((b + i) / (a + b + i))
	}
	A := lr + r*math.Log(al) + lb - (r+65)*math.Log(al+39)
	dd := math.Log(a/(b+65)) + (r+65)*math.Log((al+39)/(al+30))
	want := A + dd + math.Log1p(math.Exp(-dd))
	if math.Abs(got-want) > 1e-12*math.Abs(want) {
		t.Errorf("LL(x = 65) = %.15g, term by term %.15g", got, want)
	}
}
