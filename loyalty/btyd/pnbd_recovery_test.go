package btyd_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// TestFitParetoNBDRecovery fits 20,000 customers drawn from the CDNOW
// estimates (simParetoNBD, daily resolution, fixed seed): every
// estimate must lie within 4 of its standard errors of the truth.
func TestFitParetoNBDRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("fits 20,000 customers")
	}
	truth := btyd.ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67}
	data := simParetoNBD(rand.New(rand.NewPCG(7, 11)), truth, 20_000)
	fit, err := btyd.FitParetoNBD(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{truth.R, truth.Alpha, truth.S, truth.Beta}
	got := []float64{fit.R, fit.Alpha, fit.S, fit.Beta}
	for i, name := range []string{"r", "alpha", "s", "beta"} {
		if z := (got[i] - want[i]) / fit.StdErr[i]; math.Abs(z) > 4 {
			t.Errorf("%s = %.4f ± %.4f, truth %.4f (z = %.1f)", name, got[i], fit.StdErr[i], want[i], z)
		}
	}
}
