package ep_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestBlend(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		s    ep.Sources
		w    ep.Weights
		want float64
	}{
		{"equal weights", ep.Sources{6, 4, 7}, ep.EqualWeights(), 17.0 / 3},           // (6+4+7)/3
		{"weighted", ep.Sources{6, 4, 7}, ep.Weights{2, 1, 1}, 23.0 / 4},              // (12+4+7)/4
		{"missing promise", ep.Sources{6, 4, nan}, ep.Weights{2, 1, 1}, 16.0 / 3},     // (12+4)/3
		{"only promise", ep.Sources{nan, nan, 5}, ep.Weights{2, 1, 1}, 5},             // 5/1
		{"zero weight skips", ep.Sources{6, 4, 1e6}, ep.Weights{1, 1, 0}, 5},          // (6+4)/2
		{"missing with zero weight", ep.Sources{6, nan, 2}, ep.Weights{0, 3, 1}, 2.0}, // 2·1/1
		// (M·M + M·M + 5·1)/(M + M + 1) = M to double precision: the
		// products overflow, the weighted mean does not.
		{"huge weights and sources", ep.Sources{math.MaxFloat64, math.MaxFloat64, 5}, ep.Weights{math.MaxFloat64, math.MaxFloat64, 1}, math.MaxFloat64},
		// (1e308·1 + (−1e308)·1 + 3·2)/4 = 1.5.
		{"opposite huge sources", ep.Sources{1e308, -1e308, 3}, ep.Weights{1, 1, 2}, 1.5},
	}
	for _, tt := range tests {
		got, err := ep.Blend(tt.s, tt.w)
		if err != nil || math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: Blend = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
	bad := []struct {
		s ep.Sources
		w ep.Weights
	}{
		{ep.Sources{nan, nan, nan}, ep.EqualWeights()},
		{ep.Sources{5, nan, nan}, ep.Weights{0, 1, 1}},
		{ep.Sources{5, 5, 5}, ep.Weights{-1, 1, 1}},
		{ep.Sources{5, 5, 5}, ep.Weights{nan, 1, 1}},
		{ep.Sources{5, 5, 5}, ep.Weights{math.Inf(1), 1, 1}},
		{ep.Sources{math.Inf(-1), 5, 5}, ep.EqualWeights()},
	}
	for _, b := range bad {
		if got, err := ep.Blend(b.s, b.w); !errors.Is(err, ep.ErrInvalid) || !math.IsNaN(got) {
			t.Errorf("Blend(%+v, %+v) = %v, %v; want NaN, ErrInvalid", b.s, b.w, got, err)
		}
	}
}

func TestUpdate(t *testing.T) {
	tests := []struct{ e, p, rate, want float64 }{
		{4, 6, 0.25, 4.5}, // 4 + 0.25·(6−4)
		{4, 6, 0, 4},
		{4, 6, 1, 6},
		{6, 2, 0.5, 4}, // 6 + 0.5·(2−6)
	}
	for _, tt := range tests {
		if got, err := ep.Update(tt.e, tt.p, tt.rate); err != nil || got != tt.want {
			t.Errorf("Update(%v, %v, %v) = %v, %v; want %v", tt.e, tt.p, tt.rate, got, err, tt.want)
		}
	}
	for _, rate := range []float64{-0.1, 1.1, math.NaN()} {
		if _, err := ep.Update(4, 6, rate); !errors.Is(err, ep.ErrInvalid) {
			t.Errorf("Update rate %v: err = %v", rate, err)
		}
	}
	if _, err := ep.Update(math.Inf(1), 6, 0.5); !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("Update(+Inf): err = %v", err)
	}
}

func TestReplayDelightRaisesTheBar(t *testing.T) {
	// EP preset (t = 0.5, δ = 1.5), E₀ = 4, λ = 0.5, the same performance 6
	// four times. By hand: E = 4 → 5 → 5.5 → 5.75 → 5.875 and d = 2, 1,
	// 0.5, 0.25: delighted, satisfied, neutral, neutral.
	got, final, err := ep.Replay(ep.EPModel(), 4, 0.5, []float64{6, 6, 6, 6})
	if err != nil {
		t.Fatal(err)
	}
	want := []ep.Outcome{
		{Expectation: 4, Performance: 6, Disconfirmation: 2, Level: ep.Delighted},
		{Expectation: 5, Performance: 6, Disconfirmation: 1, Level: ep.Satisfied},
		{Expectation: 5.5, Performance: 6, Disconfirmation: 0.5, Level: ep.Neutral},
		{Expectation: 5.75, Performance: 6, Disconfirmation: 0.25, Level: ep.Neutral},
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("Replay mismatch (-want +got):\n%s", d)
	}
	if final != 5.875 {
		t.Errorf("final expectation = %v, want 5.875", final)
	}
	if got, final, err := ep.Replay(ep.EPModel(), 4, 0.5, nil); err != nil || len(got) != 0 || final != 4 {
		t.Errorf("Replay(no performances) = %v, %v, %v", got, final, err)
	}
}

func TestReplayErrors(t *testing.T) {
	ratio := ep.Model{Form: ep.Ratio, Tolerance: 0.1, Delight: 0.2, Severe: 0.2, Confirmed: ep.Neutral}
	tests := []struct {
		name    string
		m       ep.Model
		initial float64
		rate    float64
		perf    []float64
		want    error
	}{
		{"bad model", ep.Model{}, 4, 0.5, []float64{1}, ep.ErrModel},
		{"NaN start", ep.EPModel(), math.NaN(), 0.5, []float64{1}, ep.ErrInvalid},
		{"bad rate", ep.EPModel(), 4, 2, []float64{1}, ep.ErrInvalid},
		{"NaN performance", ep.EPModel(), 4, 0.5, []float64{1, math.NaN()}, ep.ErrInvalid},
		// Ratio form: λ = 1 moves E to 0 after a zero performance, and the
		// next comparison has no valid ratio.
		{"ratio expectation reaches zero", ratio, 4, 1, []float64{0, 3}, ep.ErrInvalid},
	}
	for _, tt := range tests {
		got, final, err := ep.Replay(tt.m, tt.initial, tt.rate, tt.perf)
		if !errors.Is(err, tt.want) || got != nil || !math.IsNaN(final) {
			t.Errorf("%s: Replay = %v, %v, %v; want nil, NaN, %v", tt.name, got, final, err, tt.want)
		}
	}
}

func FuzzBlend(f *testing.F) {
	nan := math.NaN()
	f.Add(6.0, 4.0, 7.0, 1.0, 1.0, 1.0)
	f.Add(nan, nan, nan, 1.0, 1.0, 1.0)
	f.Add(nan, 4.0, math.Inf(1), 0.0, 1.0, -1.0)
	f.Add(1e308, 1e308, 1e308, 1e308, 1e308, 1e308)
	f.Fuzz(func(t *testing.T, a, b, c, wa, wb, wc float64) {
		got, err := ep.Blend(ep.Sources{a, b, c}, ep.Weights{wa, wb, wc})
		if err != nil {
			if !errors.Is(err, ep.ErrInvalid) || !math.IsNaN(got) {
				t.Fatalf("Blend error %v with value %v", err, got)
			}
			return
		}
		// A weighted mean lies between the smallest and largest source used.
		lo, hi := math.Inf(1), math.Inf(-1)
		for i, s := range []float64{a, b, c} {
			if w := []float64{wa, wb, wc}[i]; !math.IsNaN(s) && w > 0 {
				lo, hi = math.Min(lo, s), math.Max(hi, s)
			}
		}
		tol := 1e-9 * math.Max(math.Abs(lo), math.Abs(hi))
		if math.IsNaN(got) || got < lo-tol || got > hi+tol {
			t.Fatalf("Blend = %v outside [%v, %v]", got, lo, hi)
		}
	})
}

func FuzzReplay(f *testing.F) {
	f.Add(4.0, 0.5, 6.0, 6.0, 2.0, false)
	f.Add(4.0, 1.0, 0.0, 3.0, 1.0, true)
	f.Add(math.NaN(), 0.5, 6.0, 6.0, 2.0, false)
	f.Add(4.0, -1.0, math.Inf(1), 6.0, 2.0, true)
	f.Fuzz(func(t *testing.T, initial, rate, p1, p2, p3 float64, ratio bool) {
		m := ep.EPModel()
		if ratio {
			m = ep.Model{Form: ep.Ratio, Tolerance: 0.1, Delight: 0.3, Severe: 0.3, Confirmed: ep.Neutral}
		}
		perf := []float64{p1, p2, p3}
		got, final, err := ep.Replay(m, initial, rate, perf)
		if err != nil {
			if got != nil || !math.IsNaN(final) {
				t.Fatalf("Replay error %v returned outcomes %v", err, got)
			}
			return
		}
		if len(got) != len(perf) {
			t.Fatalf("Replay returned %d outcomes for %d performances", len(got), len(perf))
		}
		for i, o := range got {
			if o.Performance != perf[i] || !o.Level.Valid() {
				t.Fatalf("outcome %d = %+v", i, o)
			}
		}
	})
}
