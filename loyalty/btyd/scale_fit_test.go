package btyd_test

import (
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// A fit on more than 50,000 distinct histories starts from the estimate
// on samples of them; the estimate is the maximum-likelihood estimate on
// all the data all the same: the fit from the default start (a Start
// switches the warm start off) agrees to a relative 10⁻⁶, with and
// without a penalty, and so do the log-likelihood and standard errors.
func TestFitWarmStartSameEstimate(t *testing.T) {
	if testing.Short() {
		t.Skip("fits 52,000 customers eight times")
	}
	rng := rand.New(rand.NewPCG(16, 4))
	ages := scaleAges(rng, 52_000)
	pdata, err := btyd.SimulateParetoNBD(rng, btyd.ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67}, ages)
	if err != nil {
		t.Fatal(err)
	}
	bdata, err := btyd.SimulateBGNBD(rng, btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}, ages)
	if err != nil {
		t.Fatal(err)
	}
	if n := distinctHistories(pdata); n <= 50_000 {
		t.Fatalf("%d distinct histories: the warm start is not tested", n)
	}
	approx := cmpopts.EquateApprox(1e-6, 0)
	for _, pen := range []float64{0, 0.5} {
		warm, err := btyd.FitParetoNBD(pdata, &btyd.FitOptions{Penalty: pen})
		if err != nil {
			t.Fatal(err)
		}
		cold, err := btyd.FitParetoNBD(pdata, &btyd.FitOptions{Penalty: pen, Start: []float64{1, 1, 1, 1}})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(cold.ParetoNBD, warm.ParetoNBD, approx); d != "" {
			t.Errorf("Pareto/NBD, penalty %g (-cold +warm):\n%s", pen, d)
		}
		if d := cmp.Diff(cold.StdErr, warm.StdErr, cmpopts.EquateApprox(1e-4, 0)); d != "" || !cmp.Equal(cold.LogLik, warm.LogLik, cmpopts.EquateApprox(1e-10, 0)) {
			t.Errorf("Pareto/NBD, penalty %g: LL %v vs %v, SE (-cold +warm):\n%s", pen, cold.LogLik, warm.LogLik, d)
		}
		t.Logf("Pareto/NBD penalty %g: evaluations cold %d, warm %d", pen, cold.Evaluations, warm.Evaluations)
		bw, err := btyd.FitBGNBD(bdata, &btyd.FitOptions{Penalty: pen})
		if err != nil {
			t.Fatal(err)
		}
		bc, err := btyd.FitBGNBD(bdata, &btyd.FitOptions{Penalty: pen, Start: []float64{1, 1, 1, 1}})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(bc.BGNBD, bw.BGNBD, approx); d != "" {
			t.Errorf("BG/NBD, penalty %g (-cold +warm):\n%s", pen, d)
		}
		t.Logf("BG/NBD penalty %g: evaluations cold %d, warm %d", pen, bc.Evaluations, bw.Evaluations)
	}
}
