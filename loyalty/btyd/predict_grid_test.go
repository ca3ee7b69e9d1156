package btyd_test

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// TestPredictionGrid compares every prediction with mpmath 1.2.1 at 693
// points of the grid r, α ∈ [0.01, 100], a, b ∈ [0.001, 1000]
// (log-uniform), x ≤ 1000, T ≤ 1000, t ≤ 10⁴, d ∈ [1e-6, 1], sBG shapes as
// a, b. The references in testdata/predict_grid.txt are the closed forms
// at 90 digits (ex_closed, palive, pp_inc of predict_bgnbd_test.go,
// del_hyp of predict_sbg_test.go), which share no code with the
// quadrature here; seven points where mp.hyp2f1 gave up are missing.
// The first 395 points are log-uniform; the other 298 put each parameter
// at the low end, the high end or in between (probability 0.3, 0.3, 0.4:
// pick(lo, hi) in place of lu, x ∈ {0, 1, 1000}, t_x ∈ {T, uniform,
// T/1000}, n ∈ {0, 1, 2, 1000} for P(X(t) = n), n ∈ {0, 1, 1000, 10⁶} for
// the lifetimes, seed 1414, 300 draws). The first script, after those
// definitions:
//
//	import random, sys
//	random.seed(14)
//	lu = lambda lo, hi: float('%.6g' % (lo * (hi/lo)**random.random()))
//	for i in range(400):
//	    r, al, a, b = lu(.01,100), lu(.01,100), lu(.001,1000), lu(.001,1000)
//	    t = lu(.01, 10000)
//	    kind = i % 4
//	    try:
//	        if kind == 0:
//	            v = ex_closed(r, al, a, b, t); print("E", r, al, a, b, t, mp.nstr(v, 17))
//	        elif kind == 1:
//	            x = random.choice([0, 1, 2, 5, 10, 30, 100, 1000]); T = lu(.01, 1000)
//	            tx = 0 if x == 0 else float('%.6g' % (T*random.random())) or T
//	            v = palive(r, al, a, b, x, tx, T) * ex_closed(mpf(r)+x, mpf(al)+mpf(T), a, mpf(b)+x, t)
//	            print("C", r, al, a, b, x, tx, T, t, mp.nstr(v, 17))
//	        elif kind == 2:
//	            n = random.choice([0, 1, 2, 3, 5, 10, 20, 50, 100, 1000])
//	            v = pp_inc(r, al, a, b, n, t); print("P", r, al, a, b, n, t, mp.nstr(v, 17))
//	        else:
//	            d = lu(1e-6, 1); n = random.choice([0, 1, 2, 10, 100, 1000, 10**6])
//	            if n == 0:
//	                v = del_hyp(a, b, d)
//	            else:
//	                bb = mpf(b) + n - 1; v = bb/(mpf(a)+bb) * del_hyp(a, bb+1, d)
//	            print("S", a, b, d, n, mp.nstr(v, 17))
//	    except Exception as e:
//	        print("#", i, e, file=sys.stderr)
func TestPredictionGrid(t *testing.T) {
	f, err := os.Open("testdata/predict_grid.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var e errTracker
	kinds := map[string]*errTracker{"E": {}, "C": {}, "P": {}, "S": {}}
	lines := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[0] == "#" {
			continue
		}
		v := make([]float64, len(fields)-1)
		for i, s := range fields[1:] {
			if v[i], err = strconv.ParseFloat(s, 64); err != nil && !strings.Contains(s, "e-") {
				t.Fatalf("%q: %v", sc.Text(), err)
			}
		}
		want := v[len(v)-1]
		lines++
		k := kinds[fields[0]]
		if k == nil {
			t.Fatalf("unknown line %q", sc.Text())
		}
		check := func(name string, got float64) {
			t.Helper()
			e.check(t, name, got, want, 1e-12)
			k.check(t, name, got, want, 1e-12)
		}
		switch fields[0] {
		case "E":
			m := btyd.BGNBD{R: v[0], Alpha: v[1], A: v[2], B: v[3]}
			check(fmtCase("ExpectedPurchases", m, v[4]), m.ExpectedPurchases(v[4]))
		case "C":
			m := btyd.BGNBD{R: v[0], Alpha: v[1], A: v[2], B: v[3]}
			s := btyd.Summary{Frequency: int(v[4]), Recency: v[5], T: v[6]}
			check(fmtCase("ConditionalPurchases", m, v[7], s), m.ConditionalPurchases(v[7], s))
		case "P":
			m := btyd.BGNBD{R: v[0], Alpha: v[1], A: v[2], B: v[3]}
			check(fmtCase("ProbPurchases", m, int(v[4]), v[5]), m.ProbPurchases(int(v[4]), v[5]))
		case "S":
			m := btyd.SBG{Alpha: v[0], Beta: v[1]}
			got := m.DiscountedLifetime(v[2])
			if n := int(v[3]); n > 0 {
				got = m.ResidualLifetime(v[2], n)
			}
			check(fmtCase("Lifetime", m, v[2], int(v[3])), got)
		default:
			t.Fatalf("unknown line %q", sc.Text())
		}
	}
	if lines < 690 {
		t.Fatalf("%d reference lines", lines)
	}
	for _, k := range []string{"E", "C", "P", "S"} {
		t.Logf("%s: worst relative error %.3g at %s", k, kinds[k].worst, kinds[k].where)
	}
	t.Logf("%d points; worst relative error %.3g at %s", lines, e.worst, e.where)
}
