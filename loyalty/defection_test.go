package loyalty_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// defectionTally builds a tally from counts for VeryDissatisfied..Delighted.
func defectionTally(t testing.TB, counts ...int64) *ep.Tally {
	t.Helper()
	var tl ep.Tally
	for i, n := range counts {
		if err := tl.AddN(ep.Level(i+1), n); err != nil {
			t.Fatal(err)
		}
	}
	return &tl
}

func TestKotlerDefection(t *testing.T) {
	d := loyalty.KotlerDefection()
	want := map[ep.Level]float64{ep.VeryDissatisfied: 0.2, ep.Dissatisfied: 0.6, ep.Neutral: 0.8, ep.Satisfied: 0.9, ep.Delighted: 0.985}
	for l, r := range want {
		if got := d.Retention(l); math.Abs(got-r) > 1e-12 {
			t.Errorf("Retention(%v) = %v, want %v (KotlerDefection doc)", l, got, r)
		}
	}
	if !math.IsNaN(d.Retention(ep.Unknown)) || !math.IsNaN(d.Retention(9)) {
		t.Error("Retention of an unknown level is not NaN")
	}
}

func TestDefectionLost(t *testing.T) {
	tl := defectionTally(t, 10, 20, 30, 100, 40)
	got, err := loyalty.KotlerDefection().Lost(tl)
	if err != nil {
		t.Fatal(err)
	}
	// Hand calculation: 10×0.8 = 8, 20×0.4 = 8, 30×0.2 = 6, 100×0.1 = 10,
	// 40×0.015 = 0.6; total 32.6 of 200, kept 167.4, retention 0.837.
	want := loyalty.Losses{N: 200, Lost: [6]float64{0, 8, 8, 6, 10, 0.6}, TotalLost: 32.6, Kept: 167.4, Retention: 0.837}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 1e-12)); d != "" {
		t.Errorf("Lost mismatch (-want +got):\n%s", d)
	}
	empty, err := loyalty.KotlerDefection().Lost(&ep.Tally{})
	if err != nil || empty.TotalLost != 0 || !math.IsNaN(empty.Retention) {
		t.Errorf("Lost(empty) = %+v, %v", empty, err)
	}
}

func TestDefectionUpgrade(t *testing.T) {
	tl := defectionTally(t, 10, 20, 30, 100, 40)
	before := *tl
	got, err := loyalty.KotlerDefection().Upgrade(tl, 0.5, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Hand calculation: move 0.5×100 = 50 satisfied to delighted: satisfied
	// 50 lose 5, delighted 90 lose 1.35; total 8+8+6+5+1.35 = 28.35, saved
	// 32.6 − 28.35 = 4.25; retention 171.65/200 = 0.85825; value gain
	// 50 × (10×0.985 − 0.9) = 447.5 satisfied-customer units.
	want := loyalty.Upgrade{
		Moved:     50,
		Before:    loyalty.Losses{N: 200, Lost: [6]float64{0, 8, 8, 6, 10, 0.6}, TotalLost: 32.6, Kept: 167.4, Retention: 0.837},
		After:     loyalty.Losses{N: 200, Lost: [6]float64{0, 8, 8, 6, 5, 1.35}, TotalLost: 28.35, Kept: 171.65, Retention: 0.85825},
		Saved:     4.25,
		Multiple:  10,
		ValueGain: 447.5,
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 1e-12)); d != "" {
		t.Errorf("Upgrade mismatch (-want +got):\n%s", d)
	}
	if *tl != before {
		t.Error("Upgrade changed the tally")
	}
	// Multiple 2: 50 × (2×0.985 − 0.9) = 53.5.
	got, err = loyalty.KotlerDefection().Upgrade(tl, 0.5, &loyalty.UpgradeOptions{Multiple: 2})
	if err != nil || math.Abs(got.ValueGain-53.5) > 1e-9 {
		t.Errorf("Upgrade multiple 2: gain %v, %v; want 53.5", got.ValueGain, err)
	}
}

func TestDefectionErrors(t *testing.T) {
	tl := defectionTally(t, 1, 1, 1, 1, 1)
	for _, bad := range []struct {
		l ep.Level
		v float64
	}{{ep.Unknown, 0.1}, {ep.Delighted, -0.01}, {ep.Neutral, 1.5}, {ep.Satisfied, math.NaN()}, {ep.Dissatisfied, math.Inf(1)}} {
		d := loyalty.KotlerDefection()
		d.Loss[bad.l] = bad.v
		if _, err := d.Lost(tl); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Loss[%v] = %v: error %v, want ErrInvalid", bad.l, bad.v, err)
		}
	}
	d := loyalty.KotlerDefection()
	if _, err := d.Lost(nil); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("Lost(nil) error %v", err)
	}
	for _, s := range []float64{-0.1, 1.1, math.NaN(), math.Inf(1)} {
		if _, err := d.Upgrade(tl, s, nil); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Upgrade share %v error %v", s, err)
		}
	}
	for _, m := range []float64{-1, math.NaN(), math.Inf(1)} {
		if _, err := d.Upgrade(tl, 0.5, &loyalty.UpgradeOptions{Multiple: m}); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Upgrade multiple %v error %v", m, err)
		}
	}
	// Boundaries are allowed: rates 0 and 1, share 0 and 1.
	d.Loss[ep.VeryDissatisfied], d.Loss[ep.Delighted] = 1, 0
	for _, s := range []float64{0, 1} {
		if _, err := d.Upgrade(tl, s, nil); err != nil {
			t.Errorf("Upgrade share %v: %v", s, err)
		}
	}
}

// defectionMonotone draws loss rates that do not rise with satisfaction.
func defectionMonotone(r *rand.Rand) loyalty.Defection {
	var d loyalty.Defection
	prev := 1.0
	for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
		d.Loss[l] = prev * r.Float64()
		prev = d.Loss[l]
	}
	return d
}

func TestMoreDelightedNeverLowersRetention(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 10))
	for c := 0; c < 500; c++ {
		d := defectionMonotone(r)
		if c == 0 {
			d = loyalty.KotlerDefection()
		}
		counts := make([]int64, 5)
		for i := range counts {
			counts[i] = r.Int64N(1000)
		}
		counts[3]++ // at least one satisfied customer
		tl := defectionTally(t, counts...)
		base, err := d.Lost(tl)
		if err != nil {
			t.Fatal(err)
		}
		// Adding delighted customers never lowers the blended retention.
		more := defectionTally(t, counts[0], counts[1], counts[2], counts[3], counts[4]+1+r.Int64N(100))
		if m, _ := d.Lost(more); m.Retention < base.Retention-1e-12 {
			t.Fatalf("rates %v counts %v: retention %v fell to %v with more delighted", d.Loss, counts, base.Retention, m.Retention)
		}
		// Moving more satisfied customers to delighted never lowers it either.
		prev := base.Retention
		for _, s := range []float64{0, 0.1, 0.25, 0.5, 0.9, 1} {
			u, err := d.Upgrade(tl, s, nil)
			if err != nil {
				t.Fatal(err)
			}
			if u.After.Retention < prev-1e-12 || u.Saved < -1e-9 {
				t.Fatalf("rates %v counts %v share %v: retention %v < %v", d.Loss, counts, s, u.After.Retention, prev)
			}
			prev = u.After.Retention
		}
	}
}

func FuzzDefection(f *testing.F) {
	f.Add(int64(10), int64(20), int64(30), int64(100), int64(40), 0.8, 0.4, 0.2, 0.1, 0.015, 0.5, 10.0)
	f.Add(int64(0), int64(0), int64(0), int64(0), int64(0), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
	f.Add(int64(-1), int64(1), int64(1), int64(1), int64(1), math.NaN(), 0.4, 0.2, 0.1, 0.015, math.NaN(), math.Inf(1))
	f.Add(int64(math.MaxInt64/8), int64(math.MaxInt64/8), int64(1), int64(1), int64(1), 1.0, 1.0, -0.5, 2.0, math.Inf(-1), 1.0, -1.0)
	f.Add(int64(1), int64(2), int64(3), int64(4), int64(5), 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1e300)
	f.Add(int64(1), int64(2), int64(3), int64(1<<40), int64(5), 0.8, 0.4, 0.2, 0.1, 0.0, 1.0, 1e308)
	f.Add(int64(1), int64(2), int64(3), int64(4), int64(5), 0.8, 0.4, 0.2, 0.1, 0.0, 1.0, 1.7976931348623157e308)
	f.Fuzz(func(t *testing.T, n1, n2, n3, n4, n5 int64, r1, r2, r3, r4, r5, share, multiple float64) {
		var tl ep.Tally
		for i, n := range []int64{n1, n2, n3, n4, n5} {
			if n < 0 {
				n = -n
			}
			if n < 0 || tl.AddN(ep.Level(i+1), n) != nil {
				return
			}
		}
		var d loyalty.Defection
		valid := true
		for i, r := range []float64{r1, r2, r3, r4, r5} {
			d.Loss[i+1] = r
			valid = valid && r >= 0 && r <= 1
		}
		for _, l := range []ep.Level{ep.Level(n1), ep.Level(n2 % 7), ep.Level(-n3)} {
			x := d.Retention(l)
			if !l.Valid() && !math.IsNaN(x) || l.Valid() && !cmp.Equal(x, 1-d.Loss[l], cmpopts.EquateNaNs()) {
				t.Fatalf("Retention(%v) = %v", l, x)
			}
		}
		lo, err := d.Lost(&tl)
		if (err == nil) != valid {
			t.Fatalf("Lost error %v, valid %v", err, valid)
		}
		if err != nil {
			return
		}
		if lo.TotalLost < 0 || math.IsNaN(lo.TotalLost) || lo.TotalLost > float64(tl.N())*(1+1e-12) {
			t.Fatalf("TotalLost %v of %d", lo.TotalLost, tl.N())
		}
		if tl.N() > 0 && !(lo.Retention >= -1e-12 && lo.Retention <= 1+1e-12) {
			t.Fatalf("Retention %v", lo.Retention)
		}
		u, err := d.Upgrade(&tl, share, &loyalty.UpgradeOptions{Multiple: multiple})
		okShare := share >= 0 && share <= 1
		okMult := multiple == 0 || (multiple > 0 && !math.IsInf(multiple, 1))
		if err != nil && !errors.Is(err, loyalty.ErrInvalid) {
			t.Fatalf("Upgrade error %v", err)
		}
		m := multiple
		if m == 0 {
			m = loyalty.KotlerValueMultiple
		}
		// A value gain beyond float64 is an error, not ±Inf.
		moved := share * float64(tl.Count(ep.Satisfied))
		overflow := math.IsInf(moved*(m*d.Retention(ep.Delighted)-d.Retention(ep.Satisfied)), 0)
		if (err == nil) != (okShare && okMult && !overflow) {
			t.Fatalf("Upgrade(%v, %v) error %v", share, multiple, err)
		}
		if err == nil && (u.Moved < 0 || u.Moved > float64(tl.Count(ep.Satisfied)) || math.IsNaN(u.After.TotalLost) ||
			math.IsNaN(u.ValueGain) || math.IsInf(u.ValueGain, 0)) {
			t.Fatalf("Upgrade = %+v", u)
		}
	})
}
