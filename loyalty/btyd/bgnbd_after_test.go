package btyd_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// TestBGNBDProbAliveAfterProperties checks ProbAliveAfter at t = 0
// (exactly ProbAlive), its fall with t, and its NaN domain.
func TestBGNBDProbAliveAfterProperties(t *testing.T) {
	models := []btyd.BGNBD{{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}, {R: 2.5, Alpha: 0.5, A: 3.5, B: 0.3},
		{R: 1e-8, Alpha: 1e8, A: 1e-8, B: 1e8}, {R: 1e8, Alpha: 1e-8, A: 1e8, B: 1e-8}}
	hists := []btyd.Summary{{T: 0}, {T: 38.86}, {Frequency: 2, Recency: 30.43, T: 38.86}, {Frequency: 200, Recency: 9000, T: 1e4},
		{Frequency: 50, Recency: 5, T: 1e4}}
	for _, m := range models {
		for _, s := range hists {
			if got, want := m.ProbAliveAfter(0, s), m.ProbAlive(s); got != want {
				t.Errorf("%+v.ProbAliveAfter(0, %+v) = %v, ProbAlive = %v", m, s, got, want)
			}
			prev := m.ProbAlive(s)
			for _, tt := range []float64{1e-3, 1, 10, 52, 1e3, 1e5, 1e8} {
				v := m.ProbAliveAfter(tt, s)
				if !(v >= 0 && v <= prev*(1+1e-13)) {
					t.Errorf("%+v.ProbAliveAfter(%v, %+v) = %v, not in [0, %v] (the value at the previous t)", m, tt, s, v, prev)
				}
				prev = v
			}
		}
	}
	m := models[0]
	s := hists[2]
	for _, v := range []float64{m.ProbAliveAfter(-1, s), m.ProbAliveAfter(math.NaN(), s), m.ProbAliveAfter(math.Inf(1), s),
		m.ProbAliveAfter(2e8, s), m.ProbAliveAfter(1, btyd.Summary{Frequency: 1, T: 2}),
		m.ProbAliveAfter(1, btyd.Summary{Recency: 1, T: 2}), btyd.BGNBD{}.ProbAliveAfter(1, s),
		btyd.BGNBD{R: math.NaN(), Alpha: 1, A: 1, B: 1}.ProbAliveAfter(1, s)} {
		if !math.IsNaN(v) {
			t.Errorf("ProbAliveAfter outside the domain = %v, want NaN", v)
		}
	}
}

func FuzzBGNBDProbAliveAfter(f *testing.F) {
	hist := [][3]float64{{20, 30, 39}, {5, 1, 1}, {0, 0, 10}, {0, 0, 0}, {200, 9000, 1e4}, {50, 5, 1e4}, {2, 30.43, 38.86},
		{1e8, 1, 1e8}, {-1, 0, 1}, {1, 0, 1}}
	for i, s := range bgnbdSeeds {
		h := hist[i%len(hist)]
		f.Add(s[0], s[1], s[2], s[3], s[4], int(h[0]), h[1], h[2])
	}
	f.Fuzz(func(t *testing.T, r, alpha, a, b, tt float64, x int, tx, T float64) {
		m := btyd.BGNBD{R: r, Alpha: alpha, A: a, B: b}
		s := btyd.Summary{Frequency: x, Recency: tx, T: T}
		v := m.ProbAliveAfter(tt, s)
		if !inParam(r, alpha, a, b) || !validHist(x, tx, T) || !inTime(tt) {
			checkNaN(t, "ProbAliveAfter", v)
			return
		}
		checkNumber(t, "ProbAliveAfter", v, 0, m.ProbAlive(s))
	})
}

func BenchmarkBGNBDProbAliveAfter(b *testing.B) {
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	s := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86}
	for i := 0; i < b.N; i++ {
		m.ProbAliveAfter(52, s)
	}
}

// A one-time buyer, a regular and a lapsed customer of CDNOW (weeks; the
// BG/NBD fitted to its 39 calibration weeks by Fader, Hardie & Lee
// 2005): the probability that each is still buying now and a year on.
// A BG/NBD customer can drop out only right after a purchase, so the
// one-time buyer is alive now for sure, but not a year on.
func ExampleBGNBD_ProbAliveAfter() {
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	for _, c := range []struct {
		name string
		s    btyd.Summary
	}{
		{"one-time buyer", btyd.Summary{T: 38.86}},
		{"7 repeat purchases, last in week 35", btyd.Summary{Frequency: 7, Recency: 35, T: 38.86}},
		{"1 repeat purchase, in week 2", btyd.Summary{Frequency: 1, Recency: 1.71, T: 38.86}},
	} {
		fmt.Printf("%-36s P(alive) now %.3f, in 52 weeks %.3f\n", c.name+":", m.ProbAlive(c.s), m.ProbAliveAfter(52, c.s))
	}
	// Output:
	// one-time buyer:                      P(alive) now 1.000, in 52 weeks 0.944
	// 7 repeat purchases, last in week 35: P(alive) now 0.844, in 52 weeks 0.521
	// 1 repeat purchase, in week 2:        P(alive) now 0.212, in 52 weeks 0.170
}
