package btyd_test

import (
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The warm start gives the cold start's estimate at about 60,000
// distinct histories for parameters unlike CDNOW's: a Pareto/NBD with
// α well below β (the other branch of its likelihood) and frequent
// buyers, and a BG/NBD with a large r and a high dropout probability.
// The cold fit starts from (1, 1, 1, 1), which switches the warm start
// off.
func TestFitWarmStartSameEstimateOtherParameters(t *testing.T) {
	if testing.Short() {
		t.Skip("fits 61,000 customers four times")
	}
	rng := rand.New(rand.NewPCG(60, 7))
	ages := scaleAges(rng, 61_000)
	pdata, err := btyd.SimulateParetoNBD(rng, btyd.ParetoNBD{R: 1.8, Alpha: 3.2, S: 0.35, Beta: 25}, ages)
	if err != nil {
		t.Fatal(err)
	}
	bdata, err := btyd.SimulateBGNBD(rng, btyd.BGNBD{R: 2.5, Alpha: 9, A: 1.7, B: 3.1}, ages)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range [][]btyd.Summary{pdata, bdata} {
		if n := distinctHistories(d); n <= 50_000 {
			t.Fatalf("%d distinct histories: the warm start is not tested", n)
		}
	}
	approx := cmpopts.EquateApprox(1e-6, 0)
	warm, err := btyd.FitParetoNBD(pdata, nil)
	if err != nil {
		t.Fatal(err)
	}
	cold, err := btyd.FitParetoNBD(pdata, &btyd.FitOptions{Start: []float64{1, 1, 1, 1}})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(cold.ParetoNBD, warm.ParetoNBD, approx); d != "" || !warm.Converged || !cold.Converged {
		t.Errorf("Pareto/NBD (-cold +warm), converged %v %v:\n%s", cold.Converged, warm.Converged, d)
	}
	if !cmp.Equal(cold.LogLik, warm.LogLik, cmpopts.EquateApprox(1e-10, 0)) {
		t.Errorf("Pareto/NBD LL cold %v, warm %v", cold.LogLik, warm.LogLik)
	}
	t.Logf("Pareto/NBD %+v LL %v; evaluations cold %d, warm %d", warm.ParetoNBD, warm.LogLik, cold.Evaluations, warm.Evaluations)
	bw, err := btyd.FitBGNBD(bdata, nil)
	if err != nil {
		t.Fatal(err)
	}
	bc, err := btyd.FitBGNBD(bdata, &btyd.FitOptions{Start: []float64{1, 1, 1, 1}})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(bc.BGNBD, bw.BGNBD, approx); d != "" || !bw.Converged || !bc.Converged {
		t.Errorf("BG/NBD (-cold +warm), converged %v %v:\n%s", bc.Converged, bw.Converged, d)
	}
	if !cmp.Equal(bc.LogLik, bw.LogLik, cmpopts.EquateApprox(1e-10, 0)) {
		t.Errorf("BG/NBD LL cold %v, warm %v", bc.LogLik, bw.LogLik)
	}
	t.Logf("BG/NBD %+v LL %v; evaluations cold %d, warm %d", bw.BGNBD, bw.LogLik, bc.Evaluations, bw.Evaluations)
}
