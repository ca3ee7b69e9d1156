package btyd_test

import (
	"math"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// pnbdSeeds are Pareto/NBD parameter sets r, α, s, β and a horizon t: the
// CDNOW estimate, both branches, s = 1, and the corners of the domain.
var pnbdSeeds = [][5]float64{
	{0.5533, 10.5776, 0.6062, 11.6679, 39}, {0.25, 4, 3, 100, 400}, {1.9, 98, 0.1, 0.5, 1000}, {0.5, 2, 1, 3, 10},
	{2, 0.01, 50, 0.02, 1e4}, {1e-8, 1e8, 1e-8, 1e8, 1e8}, {1e8, 1e-8, 1e8, 1e-8, 1e8}, {1e-8, 1e-8, 1e8, 1e8, 1e8},
	{1e8, 1e8, 1e-8, 1e-8, 1e8}, {1, 1, 1, 1, 0}, {0, 1, 1, 1, 1}, {math.NaN(), 1, 1, 1, 1}, {1, 1, 1, 1, math.Inf(1)},
	{1, 1, 1, 1, -1}, {1, 1, 1, 1e300, 1},
}

var pnbdHistories = [][3]float64{
	{0, 0, 38.86}, {2, 30.43, 38.86}, {1000, 500, 1000}, {5, 1, 1}, {0, 0, 0}, {1e8, 1, 1e8}, {1, 1e-300, 1e8},
	{100000, 99999, 1e5}, {-1, 0, 1}, {1, 0, 1}, {1, 2, 1},
}

func FuzzParetoNBDPredictions(f *testing.F) {
	for i, s := range pnbdSeeds {
		for j, h := range pnbdHistories {
			if (i+j)%3 == 0 {
				f.Add(s[0], s[1], s[2], s[3], s[4], int(h[0]), h[1], h[2])
			}
		}
	}
	f.Fuzz(func(t *testing.T, r, alpha, s, beta, tt float64, x int, tx, T float64) {
		m := btyd.ParetoNBD{R: r, Alpha: alpha, S: s, Beta: beta}
		h := btyd.Summary{Frequency: x, Recency: tx, T: T}
		ex := m.ExpectedPurchases(tt)
		alive := m.ProbAlive(h)
		after := m.ProbAliveAfter(tt, h)
		cond := m.ConditionalPurchases(tt, h)
		if !inParam(r, alpha, s, beta) || !inTime(tt) {
			checkNaN(t, "ExpectedPurchases", ex)
			checkNaN(t, "ProbAliveAfter", after)
			checkNaN(t, "ConditionalPurchases", cond)
		} else {
			// E[X(t)] ≤ E[λ]·t = r·t/α.
			checkNumber(t, "ExpectedPurchases", ex, 0, r*tt/alpha)
		}
		if !inParam(r, alpha, s, beta) || !validHist(x, tx, T) {
			checkNaN(t, "ProbAlive", alive)
			checkNaN(t, "ProbAliveAfter", after)
			checkNaN(t, "ConditionalPurchases", cond)
			return
		}
		checkNumber(t, "ProbAlive", alive, 0, 1)
		if !inTime(tt) {
			return
		}
		checkNumber(t, "ProbAliveAfter", after, 0, alive)
		// Alive, a customer buys at rate E[λ | x, T] = (r+x)/(α+T).
		checkNumber(t, "ConditionalPurchases", cond, 0, math.Max(alive*(r+float64(x))/(alpha+T)*tt, math.SmallestNonzeroFloat64))
	})
}

func FuzzParetoNBDLogLikelihood(f *testing.F) {
	for i, s := range pnbdSeeds {
		h := pnbdHistories[i%len(pnbdHistories)]
		f.Add(s[0], s[1], s[2], s[3], int(h[0]), h[1], h[2])
	}
	f.Add(0.55, 10.58, 0.61, 11.67, 1<<45, 30.43, 38.86)
	f.Fuzz(func(t *testing.T, r, alpha, s, beta float64, x int, tx, T float64) {
		m := btyd.ParetoNBD{R: r, Alpha: alpha, S: s, Beta: beta}
		data := []btyd.Summary{{Frequency: x, Recency: tx, T: T}, {Frequency: 2, Recency: 30, T: 39}, {T: 39}}
		ll, err := m.LogLikelihood(data)
		if err != nil {
			checkError(t, err)
			if !math.IsNaN(ll) {
				t.Fatalf("error %v with LL %v", err, ll)
			}
			return
		}
		// The likelihood is a density in the purchase times, so ln L may
		// have either sign; it must be finite.
		if math.IsNaN(ll) || math.IsInf(ll, 0) {
			t.Fatalf("LL = %v", ll)
		}
	})
}

func FuzzFitParetoNBD(f *testing.F) {
	f.Add(uint8(70), 0, 0.0, 12.0, uint8(20), 1, 3.0, 12.0, uint8(10), 1, 10.0, 12.0, 0.0, uint8(255))
	f.Add(uint8(70), 0, 0.0, 12.0, uint8(20), 1, 3.0, 12.0, uint8(10), 1, 10.0, 12.0, 0.1, uint8(255))
	f.Add(uint8(50), 0, 0.0, 10.0, uint8(1), 0, 0.0, 3.0, uint8(1), 0, 0.0, 0.0, 0.0, uint8(255))
	f.Add(uint8(1), 1<<45, 30.0, 39.0, uint8(3), 2, 10.0, 39.0, uint8(2), 0, 0.0, 39.0, 0.0, uint8(30))
	f.Add(uint8(5), 2, 30.43, 38.86, uint8(5), 0, 0.0, 38.86, uint8(1), 0, 0.0, 0.0, 0.0, uint8(100))
	f.Add(uint8(1), -1, 0.0, 1.0, uint8(1), 5, 5.0, 5.0, uint8(1), 0, 0.0, 1.0, 0.0, uint8(10))
	f.Add(uint8(1), 1000, 1e-300, 1e300, uint8(1), 1, math.NaN(), math.Inf(1), uint8(1), 0, 0.0, 1.0, 0.0, uint8(10))
	f.Add(uint8(0), 0, 0.0, 0.0, uint8(0), 0, 0.0, 0.0, uint8(0), 0, 0.0, 0.0, 0.0, uint8(10))
	f.Add(uint8(1), 1, 1e-300, 1e308, uint8(2), 1, 1e308, 1e308, uint8(1), 0, 0.0, 1.0, 1e300, uint8(10))
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
		fit, err := btyd.FitParetoNBD(data, &btyd.FitOptions{Penalty: penalty, MaxIterations: int(iters%100) + 1})
		if !cmp.Equal(in, data, cmpopts.EquateNaNs()) {
			t.Fatal("FitParetoNBD changed its input")
		}
		checkFit(t, []float64{fit.R, fit.Alpha, fit.S, fit.Beta}, fit.FitInfo, err)
		if err != nil {
			return
		}
		m := fit.ParetoNBD
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
