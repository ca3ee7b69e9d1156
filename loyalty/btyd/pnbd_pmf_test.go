package btyd_test

import (
	"math"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// pnbdPMFRef holds P(X(t) = n) from the published closed form of Fader &
// Hardie (2006), "Deriving an expression for P(X(t) = x) under the
// Pareto/NBD model", summed in mpmath 1.3 at 60 digits (where its
// cancelling bracket is harmless); the probabilities sum to 1 over n:
//
//	def pmf(r, al, s, be, x, t):
//	    first = exp(loggamma(r+x) - loggamma(r) - loggamma(x+1)) * (al/(al+t))**r * (t/(al+t))**x * (be/(be+t))**s
//	    k, m = (s+1, al) if al >= be else (r+x, be)
//	    B1 = hyp2f1(r+s, k, r+s+x+1, abs(al-be)/m) / m**(r+s)
//	    S = sum(exp(loggamma(r+s+i) - loggamma(r+s) - loggamma(i+1)) * t**i
//	            * hyp2f1(r+s+i, k, r+s+x+1, abs(al-be)/(m+t)) / (m+t)**(r+s+i) for i in range(x+1))
//	    return first + al**r * be**s * beta(r+x, s+1) / beta(r, s) * (B1 - S)
var pnbdPMFRef = []struct {
	r, alpha, s, beta float64
	n                 int
	t, want           float64
}{
	{0.5533, 10.5776, 0.6062, 11.6679, 0, 39, 0.59351735205315415},
	{0.5533, 10.5776, 0.6062, 11.6679, 1, 39, 0.1655879011952603},
	{0.5533, 10.5776, 0.6062, 11.6679, 3, 39, 0.04905453837686819},
	{0.5533, 10.5776, 0.6062, 11.6679, 10, 39, 0.0041957870377397542},
	{0.5533, 10.5776, 0.6062, 11.6679, 50, 39, 1.212081123487173e-7},
	{0.5533, 10.5776, 0.6062, 11.6679, 2, 1, 0.0029519830081544809},
	{0.5533, 10.5776, 0.6062, 11.6679, 0, 1000, 0.51222312045608853},
	{0.5533, 10.5776, 0.6062, 11.6679, 5, 1000, 0.021975082227911645},
	{0.25, 4, 3, 100, 0, 39, 0.65489572087507154},
	{0.25, 4, 3, 100, 1, 39, 0.12048338240111217},
	{0.25, 4, 3, 100, 3, 39, 0.037737300790831034},
	{0.25, 4, 3, 100, 10, 39, 0.0059140103802044472},
	{0.25, 4, 3, 100, 50, 39, 2.6506886743103874e-5},
	{0.25, 4, 3, 100, 2, 1, 0.0058018993351298904},
	{0.25, 4, 3, 100, 0, 1000, 0.62187961578059161},
	{0.25, 4, 3, 100, 5, 1000, 0.01944345666849728},
	{1.9, 98, 0.1, 0.5, 0, 39, 0.65617043937764863},
	{1.9, 98, 0.1, 0.5, 1, 39, 0.21637870606330451},
	{1.9, 98, 0.1, 0.5, 3, 39, 0.029707348481415478},
	{1.9, 98, 0.1, 0.5, 10, 39, 1.0861366550231772e-5},
	{1.9, 98, 0.1, 0.5, 50, 39, 6.3910155770396533e-27},
	{1.9, 98, 0.1, 0.5, 2, 1, 0.00025406043306873799},
	{1.9, 98, 0.1, 0.5, 0, 1000, 0.35316901195021699},
	{1.9, 98, 0.1, 0.5, 5, 1000, 0.024959545080392551},
	{0.5, 2, 1, 3, 0, 39, 0.61656867292356705},
	{0.5, 2, 1, 3, 1, 39, 0.14182964409958029},
	{0.5, 2, 1, 3, 3, 39, 0.038747948419807584},
	{0.5, 2, 1, 3, 10, 39, 0.0058576214802346435},
	{0.5, 2, 1, 3, 50, 39, 0.00014688231971497029},
	{0.5, 2, 1, 3, 2, 1, 0.028692623343602903},
	{0.5, 2, 1, 3, 0, 1000, 0.61130381495130842},
	{0.5, 2, 1, 3, 5, 1000, 0.017539655327614059},
}

func TestParetoNBDProbPurchases(t *testing.T) {
	approx := cmpopts.EquateApprox(1e-10, 0)
	for _, c := range pnbdPMFRef {
		m := btyd.ParetoNBD{R: c.r, Alpha: c.alpha, S: c.s, Beta: c.beta}
		if got := m.ProbPurchases(c.n, c.t); !cmp.Equal(got, c.want, approx) {
			t.Errorf("%+v.ProbPurchases(%d, %v) = %.17g, want %.17g", m, c.n, c.t, got, c.want)
		}
	}
	// The probabilities sum to 1, and their mean is E[X(t)].
	m := btyd.ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67}
	var sum, mean float64
	for n := 0; n < 2000; n++ {
		p := m.ProbPurchases(n, 39)
		sum += p
		mean += float64(n) * p
	}
	if math.Abs(sum-1) > 1e-10 || math.Abs(mean-m.ExpectedPurchases(39)) > 1e-9 {
		t.Errorf("Σ P(X(39)=n) = %.15g, Σ n P = %.15g, E[X(39)] = %.15g", sum, mean, m.ExpectedPurchases(39))
	}
	if p, q := m.ProbPurchases(0, 0), m.ProbPurchases(3, 0); p != 1 || q != 0 {
		t.Errorf("ProbPurchases(·, 0) = %v, %v", p, q)
	}
	for _, v := range []float64{m.ProbPurchases(-1, 1), m.ProbPurchases(1, -1), m.ProbPurchases(btyd.MaxFrequency+1, 1), btyd.ParetoNBD{}.ProbPurchases(0, 1)} {
		if !math.IsNaN(v) {
			t.Errorf("outside the domain: %v, want NaN", v)
		}
	}
}

func FuzzParetoNBDProbPurchases(f *testing.F) {
	for i, s := range pnbdSeeds {
		f.Add(s[0], s[1], s[2], s[3], []int{0, 1, 10, 1000, btyd.MaxFrequency, -1}[i%6], s[4])
	}
	f.Fuzz(func(t *testing.T, r, alpha, s, beta float64, n int, tt float64) {
		m := btyd.ParetoNBD{R: r, Alpha: alpha, S: s, Beta: beta}
		p := m.ProbPurchases(n, tt)
		if !inParam(r, alpha, s, beta) || !inTime(tt) || n < 0 || n > btyd.MaxFrequency {
			checkNaN(t, "ProbPurchases", p)
			return
		}
		checkNumber(t, "ProbPurchases", p, 0, 1)
	})
}
