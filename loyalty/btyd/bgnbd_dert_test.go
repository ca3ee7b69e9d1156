package btyd_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// dertHistories are the histories of the DERT property tests: new
// customers, CDNOW-like ones, x = 200 at T = 10⁴ and a tiny P(alive).
var dertHistories = []btyd.Summary{{T: 0}, {T: 38.86}, {Frequency: 2, Recency: 30.43, T: 38.86},
	{Frequency: 200, Recency: 9000, T: 1e4}, {Frequency: 50, Recency: 5, T: 1e4}, {Frequency: 1e8, Recency: 1, T: 1e8}}

// checkDERTFalls checks that dert(d, s) does not rise as d rises over
// [MinDiscount, MaxDiscount] (up to a relative 1e-13 of rounding: where
// λ is 10¹⁶ times δ the discount changes DERT by less than rounding) and
// stays below alive·(r+x)/((α+T)·ln(1+d)), the discounted
// purchases of a customer who never drops out.
func checkDERTFalls(t *testing.T, name string, dert func(float64, btyd.Summary) float64, alive, r, alpha float64, s btyd.Summary) {
	t.Helper()
	prev := math.Inf(1)
	for _, d := range []float64{btyd.MinDiscount, 1e-6, 1e-3, 0.0019, 0.01, 0.1, 0.5, btyd.MaxDiscount} {
		v := dert(d, s)
		bound := alive * (r + float64(s.Frequency)) / (alpha + s.T) / math.Log1p(d)
		if !(v >= 0 && v <= bound*(1+1e-12)) {
			t.Errorf("%s.DiscountedResidualPurchases(%v, %+v) = %v, want in [0, %v]", name, d, s, v, bound)
		}
		if !(v <= prev*(1+1e-13)) {
			t.Errorf("%s.DiscountedResidualPurchases(%v, %+v) = %v, not below %v at the previous d", name, d, s, v, prev)
		}
		prev = v
	}
}

// TestBGNBDDiscountedResidualPurchasesProperties checks that DERT falls
// as the discount rate rises, stays below the undiscounted purchases of a
// customer who never drops out, and is NaN outside its domain.
func TestBGNBDDiscountedResidualPurchasesProperties(t *testing.T) {
	models := []btyd.BGNBD{{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}, {R: 2.5, Alpha: 0.5, A: 3.5, B: 0.3},
		{R: 1e-8, Alpha: 1e8, A: 1e-8, B: 1e8}, {R: 1e8, Alpha: 1e-8, A: 1e8, B: 1e-8}, {R: 1, Alpha: 1, A: 1, B: 1}}
	for _, m := range models {
		for _, s := range dertHistories {
			checkDERTFalls(t, fmt.Sprintf("%+v", m), m.DiscountedResidualPurchases, m.ProbAlive(s), m.R, m.Alpha, s)
		}
	}
	// Strictly falling at the CDNOW estimates.
	m := models[0]
	for _, s := range dertHistories[:5] {
		prev := math.Inf(1)
		for _, d := range []float64{btyd.MinDiscount, 1e-6, 1e-3, 0.0019, 0.01, 0.1, 0.5, btyd.MaxDiscount} {
			v := m.DiscountedResidualPurchases(d, s)
			if !(v < prev) {
				t.Errorf("%+v.DiscountedResidualPurchases(%v, %+v) = %v, not below %v", m, d, s, v, prev)
			}
			prev = v
		}
	}
	s := dertHistories[2]
	for _, v := range []float64{m.DiscountedResidualPurchases(0, s), m.DiscountedResidualPurchases(-0.1, s),
		m.DiscountedResidualPurchases(1.5, s), m.DiscountedResidualPurchases(math.NaN(), s),
		m.DiscountedResidualPurchases(math.Inf(1), s), m.DiscountedResidualPurchases(0.1, btyd.Summary{Frequency: 1, T: 2}),
		btyd.BGNBD{}.DiscountedResidualPurchases(0.1, s)} {
		if !math.IsNaN(v) {
			t.Errorf("DiscountedResidualPurchases outside the domain = %v, want NaN", v)
		}
	}
}

func FuzzBGNBDDiscountedResidualPurchases(f *testing.F) {
	hist := [][3]float64{{20, 30, 39}, {5, 1, 1}, {0, 0, 10}, {0, 0, 0}, {200, 9000, 1e4}, {50, 5, 1e4}, {2, 30.43, 38.86},
		{1e8, 1, 1e8}, {-1, 0, 1}, {1, 0, 1}}
	for i, s := range bgnbdSeeds {
		h := hist[i%len(hist)]
		f.Add(s[0], s[1], s[2], s[3], []float64{0.0019, 0.1, 1, 1e-9, 0, 2}[i%6], int(h[0]), h[1], h[2])
	}
	f.Fuzz(func(t *testing.T, r, alpha, a, b, d float64, x int, tx, T float64) {
		m := btyd.BGNBD{R: r, Alpha: alpha, A: a, B: b}
		s := btyd.Summary{Frequency: x, Recency: tx, T: T}
		v := m.DiscountedResidualPurchases(d, s)
		if !inParam(r, alpha, a, b) || !validHist(x, tx, T) || !(d >= btyd.MinDiscount && d <= btyd.MaxDiscount) {
			checkNaN(t, "DiscountedResidualPurchases", v)
			return
		}
		checkNumber(t, "DiscountedResidualPurchases", v, 0, m.ProbAlive(s)*(r+float64(x))/(alpha+T)/math.Log1p(d))
	})
}

func BenchmarkBGNBDDiscountedResidualPurchases(b *testing.B) {
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	for _, c := range []struct {
		name string
		s    btyd.Summary
		d    float64
	}{
		{"cdnow", btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86}, 0.0019},
		{"x200", btyd.Summary{Frequency: 200, Recency: 9000, T: 1e4}, 0.0019},
		{"dmin", btyd.Summary{T: 38.86}, btyd.MinDiscount},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				m.DiscountedResidualPurchases(c.d, c.s)
			}
		})
	}
}

// The discounted expected residual purchases (DERT) of three CDNOW
// customers under the BG/NBD fitted to its 39 calibration weeks by Fader,
// Hardie & Lee (2005) (weeks; a discount rate of 10% a year, compounded
// weekly): what each customer's future purchases are worth today, in
// purchases. Multiplied by a margin per purchase it is the customer's
// residual value.
func ExampleBGNBD_DiscountedResidualPurchases() {
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	d := math.Pow(1.10, 1.0/52) - 1 // 10% a year, per week
	for _, c := range []struct {
		name string
		s    btyd.Summary
	}{
		{"one-time buyer", btyd.Summary{T: 38.86}},
		{"7 repeat purchases, last in week 35", btyd.Summary{Frequency: 7, Recency: 35, T: 38.86}},
		{"1 repeat purchase, in week 2", btyd.Summary{Frequency: 1, Recency: 1.71, T: 38.86}},
	} {
		fmt.Printf("%-36s P(alive) %.3f, DERT %.2f purchases\n", c.name+":", m.ProbAlive(c.s), m.DiscountedResidualPurchases(d, c.s))
	}
	// Output:
	// one-time buyer:                      P(alive) 1.000, DERT 1.30 purchases
	// 7 repeat purchases, last in week 35: P(alive) 0.844, DERT 20.26 purchases
	// 1 repeat purchase, in week 2:        P(alive) 0.212, DERT 1.14 purchases
}
