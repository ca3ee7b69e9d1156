package btyd_test

import (
	"math"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// mbgnbdSeeds are MBG/NBD parameter sets r, α, a, b and a horizon t: the
// CDNOW estimate, the prediction grid's models, a = 1, and the corners
// of the domain and beyond.
var mbgnbdSeeds = [][5]float64{
	{0.525, 6.183, 0.891, 1.614, 39}, {0.25, 40, 1, 0.5, 1e4}, {0.1, 100, 50, 0.2, 1}, {5, 0.5, 0.3, 30, 1e4},
	{1e-8, 1e8, 1e-8, 1e8, 1e8}, {1e8, 1e-8, 1e8, 1e-8, 1e8}, {1e-8, 1e-8, 1e8, 1e8, 1e8}, {1e8, 1e8, 1e-8, 1e-8, 1e-300},
	{1, 1, 1, 1, 0}, {0, 1, 1, 1, 1}, {math.NaN(), 1, 1, 1, 1}, {1, 1, 1, 1, math.Inf(1)}, {1, 1, 1, 1, -1},
	{1, 1, 1, 1e300, 1}, {1, math.Copysign(0, -1), 1, 1, 1},
}

// mbgnbdHistories are (x, t_x, T): one-time buyers of age 0 and 39, tiny
// P(alive) (x = 200, t_x = 1000, T = 10⁴), huge counts and invalid ones.
var mbgnbdHistories = [][3]float64{
	{0, 0, 0}, {0, 0, 38.86}, {2, 30.43, 38.86}, {200, 1000, 1e4}, {200, 9999, 1e4}, {1e8, 1, 1e8}, {1, 1e-300, 1e8},
	{-1, 0, 1}, {1, 0, 1}, {0, 1, 1}, {1, 2, 1}, {1, 1, math.NaN()},
}

func FuzzMBGNBDPredictions(f *testing.F) {
	for i, s := range mbgnbdSeeds {
		for j, h := range mbgnbdHistories {
			if (i+j)%3 == 0 {
				f.Add(s[0], s[1], s[2], s[3], s[4], int(h[0]), h[1], h[2], int(h[0]))
			}
		}
	}
	f.Fuzz(func(t *testing.T, r, alpha, a, b, tt float64, x int, tx, T float64, n int) {
		m := btyd.MBGNBD{R: r, Alpha: alpha, A: a, B: b}
		h := btyd.Summary{Frequency: x, Recency: tx, T: T}
		ex := m.ExpectedPurchases(tt)
		alive := m.ProbAlive(h)
		cond := m.ConditionalPurchases(tt, h)
		after := m.ProbAliveAfter(tt, h)
		pn := m.ProbPurchases(n, tt)
		ok := inParam(r, alpha, a, b)
		if !ok || !inTime(tt) {
			checkNaN(t, "ExpectedPurchases", ex)
			checkNaN(t, "ConditionalPurchases", cond)
			checkNaN(t, "ProbAliveAfter", after)
			checkNaN(t, "ProbPurchases", pn)
		} else {
			// E[X(t)] ≤ E[λ]·t = r·t/α.
			checkNumber(t, "ExpectedPurchases", ex, 0, r*tt/alpha)
			if n < 0 || n > btyd.MaxFrequency {
				checkNaN(t, "ProbPurchases", pn)
			} else {
				checkNumber(t, "ProbPurchases", pn, 0, 1)
			}
		}
		if !ok || !validHist(x, tx, T) {
			checkNaN(t, "ProbAlive", alive)
			checkNaN(t, "ConditionalPurchases", cond)
			checkNaN(t, "ProbAliveAfter", after)
			return
		}
		// P(alive) ≤ 1 and, for x = 0, ≤ b/(a+b): a one-time buyer may
		// have dropped out at once.
		hi := 1.0
		if x == 0 {
			hi = b / (a + b)
		}
		checkNumber(t, "ProbAlive", alive, 0, hi)
		if !inTime(tt) {
			return
		}
		checkNumber(t, "ProbAliveAfter", after, 0, alive)
		// Alive, a customer buys at rate E[λ | x, T] = (r+x)/(α+T).
		checkNumber(t, "ConditionalPurchases", cond, 0, math.Max(alive*(r+float64(x))/(alpha+T)*tt, math.SmallestNonzeroFloat64))
	})
}

func FuzzMBGNBDLogLikelihood(f *testing.F) {
	for i, s := range mbgnbdSeeds {
		h := mbgnbdHistories[i%len(mbgnbdHistories)]
		f.Add(s[0], s[1], s[2], s[3], int(h[0]), h[1], h[2])
	}
	f.Add(0.525, 6.183, 0.891, 1.614, 1<<45, 30.43, 38.86)
	f.Add(1.0, 1e308, 1.0, 1.0, 2, 1.0, 1e308)
	f.Fuzz(func(t *testing.T, r, alpha, a, b float64, x int, tx, T float64) {
		m := btyd.MBGNBD{R: r, Alpha: alpha, A: a, B: b}
		data := []btyd.Summary{{Frequency: x, Recency: tx, T: T}, {Frequency: 2, Recency: 30, T: 39}, {T: 39}}
		in := append([]btyd.Summary(nil), data...)
		ll, err := m.LogLikelihood(data)
		if !cmp.Equal(in, data, cmpopts.EquateNaNs()) {
			t.Fatal("LogLikelihood changed its input")
		}
		if err != nil {
			checkError(t, err)
			if !math.IsNaN(ll) {
				t.Fatalf("error %v with LL %v", err, ll)
			}
			return
		}
		if math.IsNaN(ll) || math.IsInf(ll, 0) {
			t.Fatalf("LL = %v", ll)
		}
	})
}

func FuzzFitMBGNBD(f *testing.F) {
	f.Add(uint8(70), 0, 0.0, 12.0, uint8(20), 1, 3.0, 12.0, uint8(10), 1, 10.0, 12.0, 0.0, uint8(255))
	f.Add(uint8(70), 0, 0.0, 12.0, uint8(20), 1, 3.0, 12.0, uint8(10), 1, 10.0, 12.0, 0.1, uint8(255))
	f.Add(uint8(50), 0, 0.0, 10.0, uint8(1), 0, 0.0, 3.0, uint8(1), 0, 0.0, 0.0, 0.0, uint8(255))
	f.Add(uint8(50), 0, 0.0, 10.0, uint8(1), 0, 0.0, 3.0, uint8(1), 0, 0.0, 0.0, 0.5, uint8(255))
	f.Add(uint8(1), 1<<45, 30.0, 39.0, uint8(3), 2, 10.0, 39.0, uint8(2), 0, 0.0, 39.0, 0.0, uint8(30))
	f.Add(uint8(5), 2, 30.43, 38.86, uint8(5), 0, 0.0, 38.86, uint8(1), 0, 0.0, 0.0, 0.0, uint8(100))
	f.Add(uint8(1), -1, 0.0, 1.0, uint8(1), 5, 5.0, 5.0, uint8(1), 0, 0.0, 1.0, 0.0, uint8(10))
	f.Add(uint8(1), 1000, 1e-300, 1e300, uint8(1), 1, math.NaN(), math.Inf(1), uint8(1), 0, 0.0, 1.0, 0.0, uint8(10))
	f.Add(uint8(0), 0, 0.0, 0.0, uint8(0), 0, 0.0, 0.0, uint8(0), 0, 0.0, 0.0, 0.0, uint8(10))
	f.Add(uint8(1), 1, 1e-300, 1e308, uint8(2), 1, 1e308, 1e308, uint8(1), 0, 0.0, 1.0, 1e300, uint8(10))
	f.Add(uint8(3), 200, 1000.0, 1e4, uint8(40), 0, 0.0, 1e4, uint8(9), 3, 20.0, 1e4, 0.0, uint8(255))
	f.Fuzz(func(t *testing.T, n1 uint8, x1 int, tx1, T1 float64, n2 uint8, x2 int, tx2, T2 float64, n3 uint8, x3 int, tx3, T3, penalty float64, iters uint8) {
		var data []btyd.Summary
		for _, c := range []struct {
			n     uint8
			x     int
			tx, T float64
		}{{n1, x1, tx1, T1}, {n2, x2, tx2, T2}, {n3, x3, tx3, T3}} {
			for i := 0; i < int(c.n%100); i++ {
				data = append(data, btyd.Summary{Frequency: c.x, Recency: c.tx, T: c.T})
			}
		}
		in := append([]btyd.Summary(nil), data...)
		fit, err := btyd.FitMBGNBD(data, &btyd.FitOptions{Penalty: penalty, MaxIterations: int(iters%100) + 1})
		if !cmp.Equal(in, data, cmpopts.EquateNaNs()) {
			t.Fatal("FitMBGNBD changed its input")
		}
		checkFit(t, []float64{fit.R, fit.Alpha, fit.A, fit.B}, fit.FitInfo, err)
		if err != nil {
			return
		}
		m := fit.MBGNBD
		for _, s := range data[:1] {
			if s.T > btyd.MaxTime || s.Frequency > btyd.MaxFrequency {
				continue
			}
			if p := m.ProbAlive(s); !(p >= 0 && p <= 1) {
				t.Fatalf("fit %+v: P(alive) = %v", m, p)
			}
			if v := m.ConditionalPurchases(10, s); !finitePositive(v) {
				t.Fatalf("fit %+v: E[Y(10)] = %v", m, v)
			}
		}
		if v := m.ExpectedPurchases(52); !finitePositive(v) {
			t.Fatalf("fit %+v: E[X(52)] = %v", m, v)
		}
	})
}
