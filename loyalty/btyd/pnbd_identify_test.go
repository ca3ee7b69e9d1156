package btyd_test

import (
	"errors"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// TestFitParetoNBDNoDropout: customers who all bought right up to the end
// of the calibration period (t_x = T) show no sign of dropout, so the
// likelihood keeps rising as the dropout rates vanish (s → 0 or β → ∞)
// and the fit must say that s, β are not identified rather than report an
// estimate; a penalty identifies it.
func TestFitParetoNBDNoDropout(t *testing.T) {
	var data []btyd.Summary
	for i := 0; i < 60; i++ {
		x := 1 + i%7
		data = append(data, btyd.Summary{Frequency: x, Recency: 39, T: 39}, btyd.Summary{T: 39})
	}
	fit, err := btyd.FitParetoNBD(data, nil)
	if !errors.Is(err, btyd.ErrNotIdentified) || fit.Converged || fit.Reason == "" || len(fit.Unidentified) == 0 {
		t.Fatalf("fit %+v, err %v; want ErrNotIdentified with a reason", fit, err)
	}
	t.Logf("%v", err)
	pen, err := btyd.FitParetoNBD(data, &btyd.FitOptions{Penalty: 0.1})
	if err != nil || !pen.Converged {
		t.Fatalf("penalised fit: %+v, %v", pen, err)
	}
}
