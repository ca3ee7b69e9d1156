package btyd_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// TestMBGNBDDiscountedResidualPurchasesProperties checks that DERT falls
// as the discount rate rises, stays below the undiscounted purchases of a
// customer who never drops out, and is NaN outside its domain.
func TestMBGNBDDiscountedResidualPurchasesProperties(t *testing.T) {
	models := []btyd.MBGNBD{{R: 0.525, Alpha: 6.183, A: 0.891, B: 1.614}, {R: 2.5, Alpha: 0.5, A: 3.5, B: 0.3},
		{R: 1e-8, Alpha: 1e8, A: 1e-8, B: 1e8}, {R: 1e8, Alpha: 1e-8, A: 1e8, B: 1e-8}}
	for _, m := range models {
		for _, s := range dertHistories {
			checkDERTFalls(t, fmt.Sprintf("%+v", m), m.DiscountedResidualPurchases, m.ProbAlive(s), m.R, m.Alpha, s)
		}
	}
	m := models[0]
	s := dertHistories[2]
	for _, v := range []float64{m.DiscountedResidualPurchases(0, s), m.DiscountedResidualPurchases(-0.1, s),
		m.DiscountedResidualPurchases(1.5, s), m.DiscountedResidualPurchases(math.NaN(), s),
		m.DiscountedResidualPurchases(0.1, btyd.Summary{Frequency: 1, T: 2}), btyd.MBGNBD{}.DiscountedResidualPurchases(0.1, s)} {
		if !math.IsNaN(v) {
			t.Errorf("DiscountedResidualPurchases outside the domain = %v, want NaN", v)
		}
	}
}

func FuzzMBGNBDDiscountedResidualPurchases(f *testing.F) {
	for i, s := range mbgnbdSeeds {
		h := mbgnbdHistories[i%len(mbgnbdHistories)]
		f.Add(s[0], s[1], s[2], s[3], []float64{0.0019, 0.1, 1, 1e-9, 0, 2}[i%6], int(h[0]), h[1], h[2])
	}
	f.Fuzz(func(t *testing.T, r, alpha, a, b, d float64, x int, tx, T float64) {
		m := btyd.MBGNBD{R: r, Alpha: alpha, A: a, B: b}
		s := btyd.Summary{Frequency: x, Recency: tx, T: T}
		v := m.DiscountedResidualPurchases(d, s)
		if !inParam(r, alpha, a, b) || !validHist(x, tx, T) || !(d >= btyd.MinDiscount && d <= btyd.MaxDiscount) {
			checkNaN(t, "DiscountedResidualPurchases", v)
			return
		}
		checkNumber(t, "DiscountedResidualPurchases", v, 0, m.ProbAlive(s)*(r+float64(x))/(alpha+T)/math.Log1p(d))
	})
}

func BenchmarkMBGNBDDiscountedResidualPurchases(b *testing.B) {
	m := btyd.MBGNBD{R: 0.525, Alpha: 6.183, A: 0.891, B: 1.614}
	s := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86}
	for i := 0; i < b.N; i++ {
		m.DiscountedResidualPurchases(0.0019, s)
	}
}

// The discounted expected residual purchases (DERT) of three CDNOW
// customers under the MBG/NBD fitted to its 39 calibration weeks (weeks;
// a discount rate of 10% a year, compounded weekly): what each customer's
// future purchases are worth today, in purchases. Multiplied by a margin
// per purchase it is the customer's residual value.
func ExampleMBGNBD_DiscountedResidualPurchases() {
	m := btyd.MBGNBD{R: 0.525, Alpha: 6.183, A: 0.891, B: 1.614}
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
	// one-time buyer:                      P(alive) 0.390, DERT 0.91 purchases
	// 7 repeat purchases, last in week 35: P(alive) 0.831, DERT 17.82 purchases
	// 1 repeat purchase, in week 2:        P(alive) 0.171, DERT 0.96 purchases
}
