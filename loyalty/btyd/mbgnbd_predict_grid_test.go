package btyd_test

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// TestMBGNBDPredictionGrid compares every MBG/NBD prediction with mpmath
// 1.2.1 at 400 points of the grid of the BG/NBD's (TestPredictionGrid):
// r, α ∈ [0.01, 100], a, b ∈ [0.001, 1000], x ≤ 1000, T ≤ 1000,
// t ≤ 10⁴; the first 200 points log-uniform, the other 200 with each
// parameter at the low end, the high end or in between (probability 0.3,
// 0.3, 0.4), x ∈ {0, 1, 1000}. The references in
// testdata/mbgnbd_predict_grid.txt are the hypergeometric closed forms
// (E[X(t)] and the bracket of E[Y(t) | x, t_x, T] with mp.hyp2f1), the
// logistic P(alive) and the three-term P(X(t) = n) with mp.betainc, at
// 90 and at 130 digits, kept where the two agree to 1e-20 (all 400
// points); they share no code with the quadrature of the package. The
// script (/usr/bin/python3, 11 s):
//
//	import random, sys, signal
//	import mpmath as mp
//	from mpmath import mpf
//	def ex(r, al, a, b, t):
//	    # E[X(t)] = b/(a-1) [1 - (al/(al+t))^r 2F1(r, b+1; a+b; t/(al+t))]
//	    r, al, a, b, t = map(mpf, (r, al, a, b, t))
//	    return b/(a-1)*(1 - (al/(al+t))**r * mp.hyp2f1(r, b+1, a+b, t/(al+t)))
//	def alive(r, al, a, b, x, tx, T):
//	    r, al, a, b, x, tx, T = map(mpf, (r, al, a, b, x, tx, T))
//	    return 1/(1 + a/(b+x)*((al+T)/(al+tx))**(r+x))
//	def cond(r, al, a, b, x, tx, T, t):
//	    P = alive(r, al, a, b, x, tx, T)
//	    r, al, a, b, x, tx, T, t = map(mpf, (r, al, a, b, x, tx, T, t))
//	    return P*(a+b+x)/(a-1)*(1 - ((al+T)/(al+T+t))**(r+x)*mp.hyp2f1(r+x, b+x+1, a+b+x, t/(al+T+t)))
//	def pmf(r, al, a, b, n, t):
//	    r, al, a, b, n, t = map(mpf, (r, al, a, b, n, t))
//	    z = t/(al+t)
//	    p = mp.exp(mp.loggamma(r+n) - mp.loggamma(r) - mp.loggamma(n+1) + r*mp.log(al/(al+t)) + n*mp.log(z)
//	               + mp.log(mp.beta(a, b+n+1)) - mp.log(mp.beta(a, b)))
//	    if n == 0:
//	        return p + a/(a+b)
//	    return p + mp.beta(a+1, b+n)/mp.beta(a, b)*mp.betainc(n, r, 0, z, regularized=True)
//	class TO(Exception): pass
//	def handler(s, f): raise TO()
//	signal.signal(signal.SIGALRM, handler)
//	random.seed(2007)
//	lu = lambda lo, hi: float('%.6g' % (lo * (hi/lo)**random.random()))
//	def pick(lo, hi):
//	    u = random.random()
//	    return lo if u < 0.3 else hi if u < 0.6 else lu(lo, hi)
//	rows = []
//	for i in range(400):
//	    f = lu if i < 200 else pick
//	    r, al, a, b = f(.01,100), f(.01,100), f(.001,1000), f(.001,1000)
//	    t = f(.01, 10000)
//	    kind = i % 4
//	    if kind == 0:
//	        args = ("E", r, al, a, b, t); fn = lambda: ex(r, al, a, b, t)
//	    elif kind in (1, 2):
//	        x = random.choice([0, 1, 2, 5, 10, 30, 100, 1000] if i < 200 else [0, 1, 1000]); T = f(.01, 1000)
//	        tx = 0 if x == 0 else float('%.6g' % (T*random.random())) or T
//	        if kind == 1:
//	            args = ("A", r, al, a, b, x, tx, T); fn = lambda: alive(r, al, a, b, x, tx, T)
//	        else:
//	            args = ("C", r, al, a, b, x, tx, T, t); fn = lambda: cond(r, al, a, b, x, tx, T, t)
//	    else:
//	        n = random.choice([0, 1, 2, 3, 5, 10, 20, 50, 100, 1000] if i < 200 else [0, 1, 2, 1000])
//	        args = ("P", r, al, a, b, n, t); fn = lambda: pmf(r, al, a, b, n, t)
//	    vals = []
//	    try:
//	        for dps in (90, 130):
//	            mp.mp.dps = dps
//	            signal.alarm(20)
//	            vals.append(fn())
//	            signal.alarm(0)
//	    except Exception as e:
//	        signal.alarm(0)
//	        print("#", i, type(e).__name__, file=sys.stderr); continue
//	    if vals[0] == 0 or abs(vals[0]-vals[1]) > mpf(10)**-20*abs(vals[1]) or vals[1] <= 0:
//	        print("# unstable", i, args, mp.nstr(vals[0], 5), mp.nstr(vals[1], 5), file=sys.stderr); continue
//	    print(" ".join(str(v) for v in args), mp.nstr(vals[1], 17))
func TestMBGNBDPredictionGrid(t *testing.T) {
	f, err := os.Open("testdata/mbgnbd_predict_grid.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const tol = 1e-12
	worst := map[string]float64{}
	where := map[string]string{}
	lines := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[0] == "#" {
			continue
		}
		v := make([]float64, len(fields)-1)
		for i, s := range fields[1:] {
			// Values below the float64 range parse as 0 with an error.
			if v[i], err = strconv.ParseFloat(s, 64); err != nil && !strings.Contains(s, "e-") {
				t.Fatalf("%q: %v", sc.Text(), err)
			}
		}
		lines++
		want := v[len(v)-1]
		m := btyd.MBGNBD{R: v[0], Alpha: v[1], A: v[2], B: v[3]}
		var got float64
		var name string
		switch fields[0] {
		case "E":
			got, name = m.ExpectedPurchases(v[4]), fmt.Sprintf("%+v.ExpectedPurchases(%v)", m, v[4])
		case "A":
			s := btyd.Summary{Frequency: int(v[4]), Recency: v[5], T: v[6]}
			got, name = m.ProbAlive(s), fmt.Sprintf("%+v.ProbAlive(%+v)", m, s)
		case "C":
			s := btyd.Summary{Frequency: int(v[4]), Recency: v[5], T: v[6]}
			got, name = m.ConditionalPurchases(v[7], s), fmt.Sprintf("%+v.ConditionalPurchases(%v, %+v)", m, v[7], s)
		case "P":
			got, name = m.ProbPurchases(int(v[4]), v[5]), fmt.Sprintf("%+v.ProbPurchases(%d, %v)", m, int(v[4]), v[5])
		default:
			t.Fatalf("unknown line %q", sc.Text())
		}
		if !(got >= 0) || math.IsInf(got, 0) {
			t.Errorf("%s = %v, want %.17g", name, got, want)
			continue
		}
		if want < 1e-300 {
			if got > 1e-300 {
				t.Errorf("%s = %.17g, want %.17g", name, got, want)
			}
			continue
		}
		e := math.Abs(got-want) / want
		if e > tol {
			t.Errorf("%s = %.17g, want %.17g (relative error %.2g)", name, got, want, e)
		}
		if e > worst[fields[0]] {
			worst[fields[0]], where[fields[0]] = e, name
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines != 400 {
		t.Fatalf("%d reference lines, want 400", lines)
	}
	for _, k := range []string{"E", "A", "C", "P"} {
		t.Logf("%s: worst relative error %.3g at %s", k, worst[k], where[k])
	}
}
