package loyalty_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestRecoveryApply(t *testing.T) {
	got, err := loyalty.KotlerRecovery().Apply(1000, loyalty.Handling{Resolved: 0.8, Quick: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	// Hand calculation with KotlerRecovery's rates (complain 5%; repurchase quick
	// 95%, resolved 62%, unresolved 60%, silent 60%):
	// complained 1000×0.05 = 50, silent 950; quick 50×0.5 = 25, resolved
	// 50×(0.8−0.5) = 15, unresolved 50×0.2 = 10;
	// kept 950×0.6 + 25×0.95 + 15×0.62 + 10×0.6 = 570 + 23.75 + 9.3 + 6 = 609.05;
	// saved 25×(0.95−0.6) + 15×(0.62−0.6) = 8.75 + 0.3 = 9.05.
	want := loyalty.RecoveryResult{Dissatisfied: 1000, Silent: 950, Complained: 50, Quick: 25, Resolved: 15,
		Unresolved: 10, Kept: 609.05, Lost: 390.95, Saved: 9.05}
	opt := cmpopts.EquateApprox(1e-12, 1e-9)
	if d := cmp.Diff(want, got, opt); d != "" {
		t.Errorf("Apply mismatch (-want +got):\n%s", d)
	}
	// The ends of the 54–70% range (KotlerResolvedLow, KotlerResolvedHigh): saved 8.75 + 15×(−0.06) = 7.85
	// and 8.75 + 15×0.10 = 10.25.
	for _, c := range []struct{ rate, saved float64 }{{loyalty.KotlerResolvedLow, 7.85}, {loyalty.KotlerResolvedHigh, 10.25}} {
		r := loyalty.KotlerRecovery()
		r.RepurchaseResolved = c.rate
		got, err := r.Apply(1000, loyalty.Handling{Resolved: 0.8, Quick: 0.5})
		if err != nil || math.Abs(got.Saved-c.saved) > 1e-9 {
			t.Errorf("resolved rate %v: saved %v, %v; want %v", c.rate, got.Saved, err, c.saved)
		}
	}
	// Boundaries: nothing resolved saves nothing; everything resolved quickly.
	got, _ = loyalty.KotlerRecovery().Apply(200, loyalty.Handling{})
	if got.Saved != 0 || got.Unresolved != 10 {
		t.Errorf("no resolution: %+v", got)
	}
	// 200 dissatisfied, all 10 complaints resolved quickly: saved 10×0.35 = 3.5,
	// kept 190×0.6 + 10×0.95 = 123.5.
	got, _ = loyalty.KotlerRecovery().Apply(200, loyalty.Handling{Resolved: 1, Quick: 1})
	if math.Abs(got.Saved-3.5) > 1e-9 || math.Abs(got.Kept-123.5) > 1e-9 {
		t.Errorf("all quick: %+v", got)
	}
}

func TestRecoveryErrors(t *testing.T) {
	r := loyalty.KotlerRecovery()
	for _, n := range []float64{-1, math.NaN(), math.Inf(1)} {
		if _, err := r.Apply(n, loyalty.Handling{}); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Apply(%v) error %v", n, err)
		}
	}
	for _, h := range []loyalty.Handling{{Resolved: 1.1}, {Resolved: -0.1}, {Resolved: 0.5, Quick: 0.6}, {Resolved: math.NaN()}, {Resolved: 0.5, Quick: -0.1}} {
		if _, err := r.Apply(10, h); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Apply(%+v) error %v", h, err)
		}
	}
	for i := 0; i < 5; i++ {
		bad := loyalty.KotlerRecovery()
		p := []*float64{&bad.Complain, &bad.RepurchaseQuick, &bad.RepurchaseResolved, &bad.RepurchaseUnresolved, &bad.RepurchaseSilent}[i]
		*p = 1.5
		if _, err := bad.Apply(10, loyalty.Handling{}); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("rate %d = 1.5: error %v", i, err)
		}
	}
}

func TestEscalate(t *testing.T) {
	tiers := loyalty.DefaultTiers() // 4 h, 24 h, 48 h: deadlines 4 h, 28 h, 76 h
	h := time.Hour
	tests := []struct {
		age  time.Duration
		want loyalty.Escalation
	}{
		{0, loyalty.Escalation{Tier: 0, Name: "front desk", Chinese: "服务前台", Entered: 0, Deadline: 4 * h, Remaining: 4 * h}},
		{4 * h, loyalty.Escalation{Tier: 0, Name: "front desk", Chinese: "服务前台", Entered: 0, Deadline: 4 * h, Remaining: 0}},
		{4*h + 1, loyalty.Escalation{Tier: 1, Name: "service department", Chinese: "服务部门", Entered: 4 * h, Deadline: 28 * h, Remaining: 24*h - 1}},
		{28 * h, loyalty.Escalation{Tier: 1, Name: "service department", Chinese: "服务部门", Entered: 4 * h, Deadline: 28 * h, Remaining: 0}},
		{28*h + 1, loyalty.Escalation{Tier: 2, Name: "service manager", Chinese: "服务经理", Entered: 28 * h, Deadline: 76 * h, Remaining: 48*h - 1}},
		{76 * h, loyalty.Escalation{Tier: 2, Name: "service manager", Chinese: "服务经理", Entered: 28 * h, Deadline: 76 * h, Remaining: 0}},
		{100 * h, loyalty.Escalation{Tier: 2, Name: "service manager", Chinese: "服务经理", Entered: 28 * h, Deadline: 76 * h, Remaining: -24 * h, Overdue: true}},
	}
	for _, tc := range tests {
		got, err := loyalty.Escalate(tc.age, tiers)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("Escalate(%v) mismatch (-want +got):\n%s", tc.age, d)
		}
	}
	// Deadlines saturate instead of overflowing.
	big := []loyalty.Tier{{Name: "a", Limit: math.MaxInt64 - 1}, {Name: "b", Limit: 10}}
	got, err := loyalty.Escalate(math.MaxInt64, big)
	if err != nil || got.Tier != 1 || got.Deadline != math.MaxInt64 || got.Overdue {
		t.Errorf("saturating Escalate = %+v, %v", got, err)
	}
	if _, err := loyalty.Escalate(0, nil); !errors.Is(err, loyalty.ErrEmpty) {
		t.Errorf("no tiers: error %v", err)
	}
	if _, err := loyalty.Escalate(-1, tiers); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("negative age: error %v", err)
	}
	for _, lim := range []time.Duration{0, -h} {
		if _, err := loyalty.Escalate(h, []loyalty.Tier{{Name: "x", Limit: h}, {Name: "y", Limit: lim}}); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("limit %v: error %v", lim, err)
		}
	}
}

func FuzzRecovery(f *testing.F) {
	f.Add(1000.0, 0.8, 0.5, 0.05)
	f.Add(0.0, 0.0, 0.0, 0.0)
	f.Add(math.NaN(), math.Inf(1), -1.0, 2.0)
	f.Add(1e300, 1.0, 1.0, 1.0)
	f.Add(math.MaxFloat64, 0.5, 0.25, 0.5)
	f.Add(-5.0, 0.5, 0.6, 0.05)
	f.Fuzz(func(t *testing.T, n, resolved, quick, complain float64) {
		r := loyalty.KotlerRecovery()
		r.Complain = complain
		got, err := r.Apply(n, loyalty.Handling{Resolved: resolved, Quick: quick})
		ok := n >= 0 && !math.IsInf(n, 1) && resolved >= 0 && resolved <= 1 && quick >= 0 && quick <= resolved && complain >= 0 && complain <= 1
		if err != nil && (!errors.Is(err, loyalty.ErrInvalid) || strings.Count(err.Error(), "loyalty: ") != 1) {
			t.Fatalf("Apply error %q", err)
		}
		if ok && err != nil && strings.Contains(err.Error(), "outside the range of float64") {
			return // n near MaxFloat64: a sum rounds past it
		}
		if (err == nil) != ok {
			t.Fatalf("Apply(%v, %v, %v, %v) error %v", n, resolved, quick, complain, err)
		}
		if err != nil {
			return
		}
		// Scaled by n, so that the checks' own sums cannot overflow.
		k := math.Max(1, n)
		tol := 1e-9 * (1 + n) / k
		if got.Kept/k < -tol || got.Kept/k > n/k+tol || math.Abs(got.Kept/k+got.Lost/k-n/k) > tol ||
			math.Abs(got.Silent/k+got.Quick/k+got.Resolved/k+got.Unresolved/k-n/k) > tol {
			t.Fatalf("Apply = %+v", got)
		}
	})
}

func FuzzEscalate(f *testing.F) {
	f.Add(int64(0), int64(time.Hour), int64(2*time.Hour))
	f.Add(int64(-1), int64(0), int64(-1))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MaxInt64))
	f.Add(int64(3*time.Hour), int64(time.Hour), int64(time.Hour))
	f.Fuzz(func(t *testing.T, age, l1, l2 int64) {
		tiers := []loyalty.Tier{{Name: "a", Limit: time.Duration(l1)}, {Name: "b", Limit: time.Duration(l2)}}
		got, err := loyalty.Escalate(time.Duration(age), tiers)
		if (err == nil) != (age >= 0 && l1 > 0 && l2 > 0) {
			t.Fatalf("Escalate(%d, %d, %d) error %v", age, l1, l2, err)
		}
		if err != nil {
			return
		}
		a := time.Duration(age)
		if got.Tier < 0 || got.Tier > 1 || got.Deadline < got.Entered || got.Overdue != (a > got.Deadline) ||
			(got.Tier > 0 && a <= got.Entered) || (!got.Overdue && got.Remaining < 0) {
			t.Fatalf("Escalate(%d, %d, %d) = %+v", age, l1, l2, got)
		}
		// An older ticket is never at a lower level.
		if a < math.MaxInt64 {
			if later, _ := loyalty.Escalate(a+1, tiers); later.Tier < got.Tier {
				t.Fatalf("age %d tier %d, age+1 tier %d", age, got.Tier, later.Tier)
			}
		}
	})
}
