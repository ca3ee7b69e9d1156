package loyalty_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestWordOfMouthReach(t *testing.T) {
	tl := defectionTally(t, 10, 20, 30, 100, 40)
	got, err := loyalty.DefaultWordOfMouth().Reach(tl)
	if err != nil {
		t.Fatal(err)
	}
	// Hand calculation: positive (100 + 40)×10 = 1400; negative
	// (10 + 20)×20 = 600; net 800.
	want := loyalty.Reach{N: 200, Positive: 1400, Negative: 600, Net: 800}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 0)); d != "" {
		t.Errorf("Reach mismatch (-want +got):\n%s", d)
	}
	// Bad news travels twice as far: 10 satisfied → 100 positive, 10
	// dissatisfied → 200 negative, 5 neutral → nothing; net −100.
	got, _ = loyalty.DefaultWordOfMouth().Reach(defectionTally(t, 0, 10, 5, 10, 0))
	if got.Net != -100 {
		t.Errorf("Net = %v, want -100", got.Net)
	}
}

func TestWordOfMouthErrors(t *testing.T) {
	tl := defectionTally(t, 1, 1, 1, 1, 1)
	if _, err := loyalty.DefaultWordOfMouth().Reach(nil); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("Reach(nil) error %v", err)
	}
	for _, v := range []float64{-1, math.NaN(), math.Inf(1)} {
		w := loyalty.DefaultWordOfMouth()
		w.Negative[ep.Neutral] = v
		if _, err := w.Reach(tl); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Negative[neutral] = %v: error %v", v, err)
		}
	}
	w := loyalty.DefaultWordOfMouth()
	w.Positive[ep.Unknown] = 1
	if _, err := w.Reach(tl); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("Positive[unknown] = 1: error %v", err)
	}
}

func FuzzWordOfMouth(f *testing.F) {
	f.Add(int64(10), int64(20), int64(100), 10.0, 20.0)
	f.Add(int64(0), int64(0), int64(0), 0.0, 0.0)
	f.Add(int64(-1), int64(1), int64(1), math.NaN(), math.Inf(1))
	f.Add(int64(math.MaxInt64/4), int64(1), int64(1), 1e300, -1.0)
	f.Add(int64(1), int64(1000), int64(1), 1e308, 1e308)
	f.Add(int64(1), int64(1), int64(0), 1.7976931348623157e308, 1.7976931348623157e308)
	f.Fuzz(func(t *testing.T, vd, sat, del int64, pos, neg float64) {
		var tl ep.Tally
		if tl.AddN(ep.VeryDissatisfied, vd) != nil || tl.AddN(ep.Satisfied, sat) != nil || tl.AddN(ep.Delighted, del) != nil {
			return
		}
		w := loyalty.DefaultWordOfMouth()
		w.Positive[ep.Satisfied], w.Negative[ep.VeryDissatisfied] = pos, neg
		r, err := w.Reach(&tl)
		ok := pos >= 0 && neg >= 0 && !math.IsInf(pos, 1) && !math.IsInf(neg, 1)
		if err != nil && (!errors.Is(err, loyalty.ErrInvalid) || strings.Count(err.Error(), "loyalty: ") != 1) {
			t.Fatalf("Reach error %q", err)
		}
		// Totals beyond float64 are errors, not ±Inf.
		p := float64(tl.Count(ep.Satisfied))*pos + float64(tl.Count(ep.Delighted))*10
		n := float64(tl.Count(ep.VeryDissatisfied)) * neg
		if math.IsInf(p, 0) || math.IsInf(n, 0) || math.IsInf(p-n, 0) {
			ok = false
		}
		if (err == nil) != ok {
			t.Fatalf("Reach error %v with pos %v neg %v", err, pos, neg)
		}
		if err == nil && (r.Positive < 0 || r.Negative < 0 || r.N != tl.N() || math.IsInf(r.Net, 0)) {
			t.Fatalf("Reach = %+v", r)
		}
	})
}
