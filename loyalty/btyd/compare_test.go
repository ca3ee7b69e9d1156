package btyd_test

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Expected values by hand: the chi-square survival function with 2 degrees
// of freedom is exp(−x/2), so a statistic of 6 has p = e⁻³; 3.841458820694124
// is the 95% quantile of χ²₁. scipy 1.10 agrees:
//
//	from scipy.stats import chi2
//	chi2.sf(6, 2)                  # 0.04978706836786395
//	chi2.sf(3.841458820694124, 1)  # 0.04999999999999989
//	chi2.sf(10, 3)                 # 0.01856613546304325
func TestLikelihoodRatioTest(t *testing.T) {
	tests := []struct {
		name             string
		restricted, full float64
		df               int
		want             btyd.LRTest
	}{
		{"df 2", -100, -97, 2, btyd.LRTest{Statistic: 6, DF: 2, PValue: math.Exp(-3)}},
		{"95% point", -50, -50 + 3.841458820694124/2, 1, btyd.LRTest{Statistic: 3.841458820694124, DF: 1, PValue: 0.05}},
		{"df 3", -9582.5, -9577.5, 3, btyd.LRTest{Statistic: 10, DF: 3, PValue: 0.01856613546304325}},
		{"equal", -9582.4, -9582.4, 1, btyd.LRTest{Statistic: 0, DF: 1, PValue: 1}},
		// 1e-3 below at |ℓ| ≈ 9582: within 1e-6·9582 ≈ 0.0096, rounding.
		{"tiny negative", -9582.4, -9582.401, 4, btyd.LRTest{Statistic: 0, DF: 4, PValue: 1}},
		{"positive log-likelihoods", 10, 12, 2, btyd.LRTest{Statistic: 4, DF: 2, PValue: math.Exp(-2)}},
		{"huge", -1e308, 1e308, 1, btyd.LRTest{Statistic: math.MaxFloat64, DF: 1, PValue: 0}},
	}
	for _, tt := range tests {
		got, err := btyd.LikelihoodRatioTest(tt.restricted, tt.full, tt.df)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if d := cmp.Diff(tt.want, got, cmpopts.EquateApprox(1e-12, 1e-15)); d != "" {
			t.Errorf("%s: LikelihoodRatioTest(%v, %v, %d) mismatch (-want +got):\n%s", tt.name, tt.restricted, tt.full, tt.df, d)
		}
	}
}

func TestLikelihoodRatioTestErrors(t *testing.T) {
	tests := []struct {
		name             string
		restricted, full float64
		df               int
		word             string
	}{
		{"clearly negative", -9582.4, -9583.4, 1, "below restricted"},
		{"NaN restricted", math.NaN(), -1, 1, "restricted"},
		{"Inf full", -1, math.Inf(1), 1, "full"},
		{"-Inf restricted", math.Inf(-1), -1, 1, "restricted"},
		{"df 0", -2, -1, 0, "df 0"},
		{"df negative", -2, -1, -3, "df -3"},
	}
	for _, tt := range tests {
		got, err := btyd.LikelihoodRatioTest(tt.restricted, tt.full, tt.df)
		if !errors.Is(err, btyd.ErrInvalid) || strings.Count(err.Error(), "btyd: ") != 1 || !strings.HasPrefix(err.Error(), "btyd: ") || !strings.Contains(err.Error(), tt.word) {
			t.Errorf("%s: err %v, want ErrInvalid naming %q", tt.name, err, tt.word)
		}
		if got != (btyd.LRTest{}) {
			t.Errorf("%s: result %+v with an error", tt.name, got)
		}
	}
}

// Hand values: ln 2357 = 7.7651449029361315.
//
//	A: k = 4, ℓ = −9582.4: AIC = 8 + 19164.8 = 19172.8;
//	   BIC = 4·7.7651449029361315 + 19164.8 = 19195.860579611744
//	B: k = 2, ℓ = −9590:   AIC = 4 + 19180 = 19184;
//	   BIC = 2·7.7651449029361315 + 19180 = 19195.530289805873
//
// AIC prefers A (by 11.2), BIC prefers B (by 0.330289805871).
func TestCompareFits(t *testing.T) {
	info := func(ll float64) btyd.FitInfo { return btyd.FitInfo{LogLik: ll, N: 2357, Converged: true} }
	got, err := btyd.CompareFits(
		btyd.FitCandidate{Name: "A", Info: info(-9582.4), Params: 4},
		btyd.FitCandidate{Name: "B", Info: info(-9590), Params: 2},
	)
	if err != nil {
		t.Fatal(err)
	}
	want := btyd.ModelComparison{
		Models: []btyd.ModelScore{
			{Name: "A", LogLik: -9582.4, Params: 4, N: 2357, AIC: 19172.8, BIC: 19195.860579611744,
				DeltaAIC: 0, DeltaBIC: 19195.860579611744 - 19195.530289805873, RankAIC: 1, RankBIC: 2},
			{Name: "B", LogLik: -9590, Params: 2, N: 2357, AIC: 19184, BIC: 19195.530289805873,
				DeltaAIC: 11.2, DeltaBIC: 0, RankAIC: 2, RankBIC: 1},
		},
		BestAIC: 0,
		BestBIC: 1,
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 1e-9)); d != "" {
		t.Errorf("CompareFits mismatch (-want +got):\n%s", d)
	}
}

// Ties within 1e-12 relative keep the order given; a tie in AIC between
// models of equal k is one in BIC too.
func TestCompareFitsTies(t *testing.T) {
	info := func(ll float64) btyd.FitInfo { return btyd.FitInfo{LogLik: ll, N: 100, Converged: true} }
	got, err := btyd.CompareFits(
		btyd.FitCandidate{Name: "worse", Info: info(-60), Params: 2},
		btyd.FitCandidate{Name: "first", Info: info(-50), Params: 2},
		btyd.FitCandidate{Name: "second", Info: info(-50 * (1 + 1e-14)), Params: 2}, // rounding noise
		btyd.FitCandidate{Name: "third", Info: info(-50), Params: 2},
	)
	if err != nil {
		t.Fatal(err)
	}
	var ranks []int
	for _, m := range got.Models {
		ranks = append(ranks, m.RankAIC, m.RankBIC)
	}
	if d := cmp.Diff([]int{4, 4, 1, 1, 2, 2, 3, 3}, ranks); d != "" {
		t.Errorf("ranks (AIC, BIC per model) mismatch (-want +got):\n%s", d)
	}
	if got.BestAIC != 1 || got.BestBIC != 1 {
		t.Errorf("best %d, %d, want 1, 1", got.BestAIC, got.BestBIC)
	}
	if got.Models[2].DeltaAIC < 0 || got.Models[2].DeltaAIC > 1e-9 {
		t.Errorf("tied DeltaAIC %v", got.Models[2].DeltaAIC)
	}
}

func TestCompareFitsErrors(t *testing.T) {
	ok := btyd.FitCandidate{Name: "ok", Info: btyd.FitInfo{LogLik: -10, N: 5, Converged: true}, Params: 1}
	mod := func(f func(*btyd.FitCandidate)) btyd.FitCandidate { c := ok; c.Name = "bad"; f(&c); return c }
	tests := []struct {
		name   string
		models []btyd.FitCandidate
		err    error
		word   string
	}{
		{"none", nil, btyd.ErrEmpty, "no models"},
		{"not converged", []btyd.FitCandidate{ok, mod(func(c *btyd.FitCandidate) { c.Info.Converged = false })}, btyd.ErrInvalid, `model 1 ("bad")`},
		{"NaN", []btyd.FitCandidate{mod(func(c *btyd.FitCandidate) { c.Info.LogLik = math.NaN() })}, btyd.ErrInvalid, "not finite"},
		{"Inf", []btyd.FitCandidate{mod(func(c *btyd.FitCandidate) { c.Info.LogLik = math.Inf(-1) })}, btyd.ErrInvalid, "not finite"},
		{"params", []btyd.FitCandidate{mod(func(c *btyd.FitCandidate) { c.Params = -1 })}, btyd.ErrInvalid, "params -1"},
		{"params not the fit's", []btyd.FitCandidate{ok, mod(func(c *btyd.FitCandidate) { c.Info.StdErr = []float64{0.1, 0.2} })}, btyd.ErrInvalid, `model 1 ("bad"): params 1, but the fit has 2 standard errors`},
		{"N 0", []btyd.FitCandidate{mod(func(c *btyd.FitCandidate) { c.Info.N = 0 })}, btyd.ErrInvalid, "N 0"},
		{"different N", []btyd.FitCandidate{ok, mod(func(c *btyd.FitCandidate) { c.Info.N = 6 })}, btyd.ErrInvalid, "6 customers"},
		{"overflow", []btyd.FitCandidate{mod(func(c *btyd.FitCandidate) { c.Info.LogLik = -1e308 })}, btyd.ErrInvalid, "too large"},
		{"too many", make([]btyd.FitCandidate, btyd.MaxCompareModels+1), btyd.ErrInvalid, "at most"},
	}
	for _, tt := range tests {
		got, err := btyd.CompareFits(tt.models...)
		if !errors.Is(err, tt.err) || strings.Count(err.Error(), "btyd: ") != 1 || !strings.HasPrefix(err.Error(), "btyd: ") || !strings.Contains(err.Error(), tt.word) {
			t.Errorf("%s: err %v, want %v naming %q", tt.name, err, tt.err, tt.word)
		}
		if got.Models != nil {
			t.Errorf("%s: result with an error", tt.name)
		}
	}
}

func TestCompareJSONRoundTrip(t *testing.T) {
	nan := math.NaN()
	cases := []any{
		&btyd.LRTest{},
		&btyd.LRTest{Statistic: 6, DF: 2, PValue: math.Exp(-3)},
		&btyd.LRTest{Statistic: nan, DF: 2, PValue: nan, Reason: "the joint fit failed"},
		&btyd.FitCandidate{},
		&btyd.FitCandidate{Name: "BG/NBD", Info: btyd.FitInfo{LogLik: nan, StdErr: []float64{nan, 1}}, Params: 4},
		&btyd.ModelScore{},
		&btyd.ModelScore{Name: "x", LogLik: nan, AIC: math.Inf(1)},
		&btyd.ModelComparison{},
		&btyd.ModelComparison{Models: []btyd.ModelScore{}},
		&btyd.ModelComparison{Models: []btyd.ModelScore{{Name: "one", LogLik: -1, Params: 1, N: 1, AIC: 4, BIC: 2, RankAIC: 1, RankBIC: 1}}},
	}
	for _, v := range cases {
		b, err := json.Marshal(v)
		if err != nil {
			t.Errorf("%T: %v", v, err)
			continue
		}
		back := reflect.New(reflect.TypeOf(v).Elem()).Interface()
		if err := json.Unmarshal(b, back); err != nil {
			t.Errorf("%T: %s: %v", v, b, err)
			continue
		}
		want := v
		if _, ok := v.(*btyd.ModelScore); ok && math.IsInf(v.(*btyd.ModelScore).AIC, 0) {
			w := *v.(*btyd.ModelScore)
			w.AIC = nan // ±Inf encodes as null, which decodes as NaN
			want = &w
		}
		if d := cmp.Diff(want, back, cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%T round trip via %s (-want +got):\n%s", v, b, d)
		}
	}
}
