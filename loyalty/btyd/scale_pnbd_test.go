package btyd

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPNBDFastMatchesRef compares the log-likelihood and gradient by the
// per-frequency series (llFast) with the customer-by-customer route
// (llRef, checked against mpmath and quadrature elsewhere) on random
// histories and parameters on both branches, near and far from α = β.
func TestPNBDFastMatchesRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 3))
	d := &pnbdData{}
	for i := 0; i < 400; i++ {
		T := 0.5 + 60*rng.Float64()
		x, tx := 0, 0.0
		if rng.IntN(3) > 0 {
			x = 1 + rng.IntN(40)
			if rng.IntN(10) == 0 {
				x = 1 + rng.IntN(5000)
			}
			tx = T * rng.Float64()
			if rng.IntN(8) == 0 {
				tx = T
			}
		}
		d.x, d.tx, d.t, d.w = append(d.x, x), append(d.tx, tx), append(d.t, T), append(d.w, float64(1+rng.IntN(3)))
	}
	// Sort by x as pnbdPrepare does.
	idx := make([]int, len(d.x))
	for i := range idx {
		idx[i] = i
	}
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && d.x[idx[j]] < d.x[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	s := &pnbdData{}
	for _, i := range idx {
		s.x, s.tx, s.t, s.w = append(s.x, d.x[i]), append(s.tx, d.tx[i]), append(s.t, d.t[i]), append(s.w, d.w[i])
	}
	points := [][]float64{
		{0.55, 10.58, 0.61, 11.67}, {0.55, 11.67, 0.61, 10.58}, {1, 1, 1, 1},
		{0.5, 50, 2, 0.5}, {0.5, 0.5, 2, 50}, {3, 0.01, 0.1, 100}, {1e-3, 3, 1e3, 3.1},
		{40, 7, 0.02, 6.5}, {0.2, 5, 5, 5.0000001},
	}
	for i := 0; i < 20; i++ {
		points = append(points, []float64{math.Exp(3 * rng.NormFloat64()), math.Exp(3 * rng.NormFloat64()), math.Exp(3 * rng.NormFloat64()), math.Exp(3 * rng.NormFloat64())})
	}
	for _, p := range points {
		gf, gr := make([]float64, 4), make([]float64, 4)
		lf, lr := s.llFast(p, gf), s.llRef(p, gr)
		if math.Abs(lf-lr) > 1e-12*math.Abs(lr) {
			t.Errorf("p = %v: LL fast %.17g, reference %.17g", p, lf, lr)
		}
		if v := s.llFast(p, nil); v != lf {
			t.Errorf("p = %v: LL without gradient %.17g, with %.17g", p, v, lf)
		}
		scale := 0.0
		for i := range gr {
			scale = math.Max(scale, math.Abs(gr[i]*p[i]))
		}
		for i := range gr {
			if math.Abs(gf[i]-gr[i])*p[i] > 1e-9*scale {
				t.Errorf("p = %v: ∂LL/∂p%d fast %.15g, reference %.15g", p, i, gf[i], gr[i])
			}
		}
		// The probe's bound is an upper bound.
		if u := s.upper(p, math.Inf(1)); !(u >= lr) {
			t.Errorf("p = %v: cheap bound %.17g below LL %.17g", p, u, lr)
		}
		u := s.upper(p, math.Inf(-1))
		if !(u >= lr) {
			t.Errorf("p = %v: tight bound %.17g below LL %.17g", p, u, lr)
		}
		t.Logf("p = %v: LL %.6g, tight bound %.6g", p, lr, u)
	}
}

// TestBGNBDUpperBound checks the identification probe's bound of the
// BG/NBD log-likelihood against the log-likelihood at random points.
func TestBGNBDUpperBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 5))
	var data []Summary
	for i := 0; i < 300; i++ {
		T := 0.5 + 60*rng.Float64()
		s := Summary{T: T}
		if rng.IntN(3) > 0 {
			s.Frequency = 1 + rng.IntN(80)
			s.Recency = T * rng.Float64()
		}
		data = append(data, s)
	}
	d, err := bgnbdPrepare(data)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		p := []float64{math.Exp(4 * rng.NormFloat64()), math.Exp(4 * rng.NormFloat64()), math.Exp(4 * rng.NormFloat64()), math.Exp(4 * rng.NormFloat64())}
		ll := d.ll(p, nil)
		if u := d.upper(p, 0); !(u >= ll) && !math.IsNaN(ll) {
			t.Errorf("p = %v: bound %.17g below LL %.17g", p, u, ll)
		}
	}
}

// FuzzParetoNBDSeries compares, for one history, the per-frequency series
// of llFast with the customer-by-customer route of llRef: equal
// log-likelihoods (relative 10⁻¹⁰) and gradients wherever both are
// finite, and the probe's bounds above them.
func FuzzParetoNBDSeries(f *testing.F) {
	f.Add(0.55, 10.58, 0.61, 11.67, uint32(2), 30.43, 38.86)
	f.Add(0.55, 11.67, 0.61, 10.58, uint32(0), 0.0, 38.86)
	f.Add(1.0, 1.0, 1.0, 1.0, uint32(1), 10.0, 10.0)
	f.Add(3.0, 0.01, 0.1, 100.0, uint32(500), 1.0, 3.0)
	f.Add(1e-8, 1e8, 1e8, 1e-8, uint32(1), 1e-8, 1e8)
	f.Fuzz(func(t *testing.T, r, al, s, be float64, x uint32, tx, T float64) {
		for _, v := range []float64{r, al, s, be} {
			if !(v >= MinParam && v <= MaxParam) {
				return
			}
		}
		if !(T > 0 && T <= MaxTime && tx >= 0 && tx <= T) || (x > 0) != (tx > 0) || x > 1e6 {
			return
		}
		d := &pnbdData{x: []int{int(x)}, tx: []float64{tx}, t: []float64{T}, w: []float64{1}}
		p := []float64{r, al, s, be}
		gf, gr := make([]float64, 4), make([]float64, 4)
		lf, lr := d.llFast(p, gf), d.llRef(p, gr)
		if math.IsNaN(lr) || math.IsInf(lr, 0) {
			return
		}
		// The log-likelihood's terms cancel: they round at about 10⁻¹⁶
		// of their magnitude.
		fx := float64(x)
		mag := (r+fx)*(math.Abs(math.Log(al))+math.Abs(math.Log(al+T))) + s*(math.Abs(math.Log(be))+math.Abs(math.Log(be+T))) +
			math.Abs(math.Log(s)) + math.Abs(math.Log(r+fx)) + math.Abs(lr)
		if math.Abs(lf-lr) > 1e-10*math.Max(1, math.Abs(lr))+1e-13*mag {
			t.Fatalf("p = %v, history (%d, %v, %v): LL fast %.17g, reference %.17g", p, x, tx, T, lf, lr)
		}
		scale := 1.0
		for i := range gr {
			scale = math.Max(scale, math.Abs(gr[i]*p[i]))
		}
		for i := range gr {
			if !(math.Abs(gf[i]-gr[i])*p[i] <= 1e-7*scale) && !math.IsNaN(gr[i]) {
				t.Fatalf("p = %v, history (%d, %v, %v): ∂LL/∂p%d fast %.15g, reference %.15g", p, x, tx, T, i, gf[i], gr[i])
			}
		}
		for _, target := range []float64{math.Inf(1), math.Inf(-1)} {
			if u := d.upper(p, target); !(u >= lr-1e-13*mag) && !math.IsNaN(u) {
				t.Fatalf("p = %v, history (%d, %v, %v): bound %.17g below LL %.17g", p, x, tx, T, u, lr)
			}
		}
	})
}
