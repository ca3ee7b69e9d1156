package btyd_test

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// sbgCohorts reads the two retention curves of Fader & Hardie (2007)
// (testdata/README.md).
func sbgCohorts(t testing.TB) (regular, highEnd []int64) {
	f, err := os.Open("testdata/sbg_fader_hardie_2007_survivors.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		a, _ := strconv.ParseInt(r[1], 10, 64)
		b, _ := strconv.ParseInt(r[2], 10, 64)
		regular, highEnd = append(regular, a), append(highEnd, b)
	}
	return regular, highEnd
}

func TestFitSBGFaderHardie(t *testing.T) {
	regular, highEnd := sbgCohorts(t)
	// Fader & Hardie (2007): regular α = 0.704, β = 1.182, LL = −1680.3;
	// high end α = 0.668, β = 3.806. An independent SciPy 1.10.1 fit
	// (Nelder–Mead on the same likelihood written with scipy.special.betaln,
	// xatol = fatol = 1e-12) gives α = 0.7040773194804, β =
	// 1.1820430956032837, LL = −1680.2651884632864 and α =
	// 0.6680884587425977, β = 3.8060957208381745, LL = −1611.1581473911547.
	tests := []struct {
		name              string
		survivors         []int64
		alpha, beta       float64 // published, 3 decimals
		sAlpha, sBeta, ll float64 // SciPy
	}{
		{"regular", regular, 0.704, 1.182, 0.7040773194804, 1.1820430956032837, -1680.2651884632864},
		{"high end", highEnd, 0.668, 3.806, 0.6680884587425977, 3.8060957208381745, -1611.1581473911547},
	}
	for _, tt := range tests {
		fit, err := btyd.FitSBG(tt.survivors, nil)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(fit.Alpha-tt.alpha) > 0.0005 || math.Abs(fit.Beta-tt.beta) > 0.0005 {
			t.Errorf("%s: α %.4f β %.4f, published %v %v", tt.name, fit.Alpha, fit.Beta, tt.alpha, tt.beta)
		}
		if math.Abs(fit.Alpha-tt.sAlpha) > 1e-5*tt.sAlpha || math.Abs(fit.Beta-tt.sBeta) > 1e-5*tt.sBeta || math.Abs(fit.LogLik-tt.ll) > 1e-7 {
			t.Errorf("%s: α %.10g β %.10g LL %.13g; SciPy %v %v %v", tt.name, fit.Alpha, fit.Beta, fit.LogLik, tt.sAlpha, tt.sBeta, tt.ll)
		}
		if !fit.Converged || math.IsNaN(fit.StdErr[0]) || math.IsNaN(fit.StdErr[1]) {
			t.Errorf("%s: %+v", tt.name, fit.FitInfo)
		}
	}
}

func TestSBGQuantities(t *testing.T) {
	m := btyd.SBG{Alpha: 0.704, Beta: 1.182}
	// By hand: S(2) = β/(α+β) · (β+1)/(α+β+1) = 1.182/1.886 · 2.182/2.886.
	if got, want := m.Survival(2), 1.182/1.886*2.182/2.886; math.Abs(got-want) > 1e-15 {
		t.Errorf("S(2) = %v, want %v", got, want)
	}
	// mpmath (30 digits): S(10) = B(α, β+10)/B(α, β) = 0.19121613035108654;
	// r(3) = (β+2)/(α+β+2) = 0.81883685023160062.
	if got := m.Survival(10); math.Abs(got-0.19121613035108654) > 1e-14 {
		t.Errorf("S(10) = %.17g", got)
	}
	if got := m.Retention(3); math.Abs(got-0.81883685023160062) > 1e-15 {
		t.Errorf("r(3) = %.17g", got)
	}
	// DEL and DERL at d = 10%: mpmath's hyp2f1 and its direct infinite sum
	// (mp.nsum of S(t)/(1+d)^t) agree: DEL = 3.6951474055745741, DERL(n=1)
	// = 2.9646621461320315, DERL(n=5) = 5.89442285984416.
	for _, c := range []struct {
		got, want float64
	}{
		{m.DiscountedLifetime(0.1), 3.6951474055745741},
		{m.ResidualLifetime(0.1, 1), 2.9646621461320315},
		{m.ResidualLifetime(0.1, 5), 5.89442285984416},
	} {
		if math.Abs(c.got-c.want) > 1e-12*c.want {
			t.Errorf("lifetime %.17g, want %.17g", c.got, c.want)
		}
	}
	// The finite discounted sum converges to DEL.
	var sum float64
	for k := 0; k < 2000; k++ {
		sum += m.Survival(k) * math.Pow(1.1, -float64(k))
	}
	if math.Abs(sum-m.DiscountedLifetime(0.1)) > 1e-9 {
		t.Errorf("Σ S(t)/1.1^t = %v, DEL = %v", sum, m.DiscountedLifetime(0.1))
	}
	proj, err := m.Project(1000, 3)
	if err != nil || len(proj) != 4 || proj[0] != 1000 || math.Abs(proj[2]-1000*m.Survival(2)) > 1e-9 {
		t.Errorf("Project = %v, %v", proj, err)
	}
	for r := 1; r < 20; r++ {
		if m.Retention(r+1) <= m.Retention(r) {
			t.Errorf("retention does not rise at %d", r)
		}
	}
	for _, v := range []float64{m.Survival(-1), m.Retention(0), m.DiscountedLifetime(0), m.ResidualLifetime(0.1, 0),
		btyd.SBG{Alpha: -1, Beta: 1}.Survival(2), btyd.SBG{Alpha: 1, Beta: math.Inf(1)}.Retention(1)} {
		if !math.IsNaN(v) {
			t.Errorf("invalid input gave %v", v)
		}
	}
	if _, err := m.Project(-1, 3); !errors.Is(err, btyd.ErrInvalid) {
		t.Errorf("Project(-1): %v", err)
	}
	if _, err := (btyd.SBG{}).Project(1, 3); !errors.Is(err, btyd.ErrInvalid) {
		t.Errorf("Project with zero parameters: %v", err)
	}
}

func TestFitSBGErrors(t *testing.T) {
	for _, bad := range [][]int64{nil, {1000}, {0, 0}, {1000, 1100}, {1000, 500, -1}, {-5, -6}} {
		if _, err := btyd.FitSBG(bad, nil); err == nil {
			t.Errorf("FitSBG(%v) accepted", bad)
		}
	}
	if _, err := btyd.FitSBG([]int64{10}, nil); !errors.Is(err, btyd.ErrLength) {
		t.Errorf("one count: %v", err)
	}
	if _, err := btyd.FitSBG([]int64{}, nil); !errors.Is(err, btyd.ErrEmpty) {
		t.Errorf("no counts: %v", err)
	}
	// Nobody churns: the likelihood rises without bound as α → 0; the fit
	// says the data cannot identify α, never a fake optimum.
	fit, err := btyd.FitSBG([]int64{100, 100, 100}, &btyd.FitOptions{MaxIterations: 50})
	if !errors.Is(err, btyd.ErrNotIdentified) || fit.Converged {
		t.Errorf("no churn: %+v, %v", fit, err)
	}
	// A fit stopped by its iteration limit is an error, not a result.
	regular, _ := sbgCohorts(t)
	if fit, err := btyd.FitSBG(regular, &btyd.FitOptions{MaxIterations: 1}); !errors.Is(err, btyd.ErrNotConverged) || fit.Converged || fit.Reason == "" {
		t.Errorf("one iteration: %+v, %v", fit, err)
	}
}
