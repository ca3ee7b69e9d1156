package loyalty_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
)

// sentinels are the package's exported sentinel errors.
var sentinels = []error{loyalty.ErrInvalid, loyalty.ErrEmpty, loyalty.ErrLength, loyalty.ErrNotConverged}

// checkErr fails unless err is a package error: it starts "loyalty: ",
// carries that prefix once, and wraps want.
func checkErr(t testing.TB, what string, err, want error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error, want one wrapping %v", what, want)
		return
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "loyalty: ") || strings.Count(msg, "loyalty: ") != 1 {
		t.Errorf("%s: %q must start with the prefix \"loyalty: \" exactly once", what, msg)
	}
	if !errors.Is(err, want) {
		t.Errorf("%s: %q does not wrap %q", what, msg, want)
	}
}

// wrapsSentinel reports whether err wraps one of the package's sentinels
// and carries the prefix once.
func wrapsSentinel(err error) bool {
	msg := err.Error()
	if !strings.HasPrefix(msg, "loyalty: ") || strings.Count(msg, "loyalty: ") != 1 {
		return false
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

func TestSentinelTexts(t *testing.T) {
	for _, s := range sentinels {
		if strings.Contains(s.Error(), "loyalty") || s.Error() == "" {
			t.Errorf("sentinel %q must carry no package prefix", s)
		}
	}
}

func twoState(t testing.TB, r float64, margin string) *loyalty.MarkovChain {
	t.Helper()
	c, err := loyalty.NewMarkovChain([]string{"customer", "lost"}, [][]float64{{r, 1 - r}, {0, 1}}, []decimal.Decimal{dec(margin), decimal.Zero})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestErrorPrefixOnce checks a representative error of each function: the
// prefix once, and the sentinel it documents.
func TestErrorPrefixOnce(t *testing.T) {
	var zero loyalty.MarkovChain
	var nilChain *loyalty.MarkovChain
	var nilNPS *loyalty.NPSTally
	var nilTab *loyalty.TrustCrossTab
	var tl ep.Tally
	_, errZero := zero.Value(0.1, 0)
	_, errNilChain := nilChain.Value(0.1, 3)
	_, errChain := loyalty.NewMarkovChain(nil, nil, nil)
	_, errChainLen := loyalty.NewMarkovChain([]string{"a"}, nil, nil)
	_, errCLV := loyalty.CLV(loyalty.CLVInput{Margin: dec("100"), Retention: 0.8, Discount: 10, Timing: loyalty.StartOfPeriod})
	_, errCurve := loyalty.CLVCurve(dec("1"), nil, 0.1, loyalty.StartOfPeriod, decimal.Zero)
	_, errLife := loyalty.ExpectedLifetime(1)
	_, errLever := loyalty.RetentionLever(nil, 0.1, 0.05, 0.1, decimal.Zero)
	_, errSteady := loyalty.BaseEconomics{LossRate: 2}.SteadyState()
	_, errBreak := loyalty.KotlerBaseEconomics(10, dec("1")).BreakEven(0.5)
	_, errEval := loyalty.AfterSales{}.Evaluate()
	_, errTornado := afterSalesSample().Tornado(10)
	_, _, errSpend := loyalty.OptimalSpend(nil)
	_, _, errSpend1 := loyalty.OptimalSpend([]loyalty.SpendPoint{{}})
	_, errSpendFunc := loyalty.OptimalSpendFunc(func(s decimal.Decimal) decimal.Decimal { return s }, dec("0"), dec("1"), math.MaxInt)
	_, errRecovery := loyalty.KotlerRecovery().Apply(-1, loyalty.Handling{})
	_, errEscalate := loyalty.Escalate(0, nil)
	_, errLost := loyalty.KotlerDefection().Lost(nil)
	_, errUpgrade := loyalty.KotlerDefection().Upgrade(&tl, 2, nil)
	_, errReach := loyalty.DefaultWordOfMouth().Reach(nil)
	_, errObserve := loyalty.DefaultTrust().Observe(loyalty.TrustState{Stage: 9}, ep.Satisfied)
	_, errReplay := loyalty.DefaultTrust().Replay(loyalty.TrustState{}, []ep.Level{ep.Satisfied, 42})
	_, errPlace := loyalty.DefaultLadder().Place(loyalty.Facts{Purchases: -1})
	_, errStep := loyalty.DefaultLadder().Step(9, loyalty.Facts{})
	_, errReport := nilTab.Report(loyalty.StageNone)
	var st loyalty.Stage
	var rung loyalty.Rung
	var cond loyalty.Condition
	var tm loyalty.Timing
	_, errMarshal := loyalty.Stage(9).MarshalText()
	var rep loyalty.NPSReport
	cases := []struct {
		what string
		err  error
		want error
	}{
		{"zero MarkovChain.Value", errZero, loyalty.ErrEmpty},
		{"nil MarkovChain.Value", errNilChain, loyalty.ErrEmpty},
		{"NewMarkovChain(nil)", errChain, loyalty.ErrEmpty},
		{"NewMarkovChain lengths", errChainLen, loyalty.ErrLength},
		{"CLV discount 10", errCLV, loyalty.ErrInvalid},
		{"CLVCurve(nil)", errCurve, loyalty.ErrEmpty},
		{"ExpectedLifetime(1)", errLife, loyalty.ErrInvalid},
		{"RetentionLever(nil)", errLever, loyalty.ErrEmpty},
		{"SteadyState", errSteady, loyalty.ErrInvalid},
		{"BreakEven", errBreak, loyalty.ErrInvalid},
		{"Evaluate", errEval, loyalty.ErrInvalid},
		{"Tornado(10)", errTornado, loyalty.ErrInvalid},
		{"OptimalSpend(nil)", errSpend, loyalty.ErrEmpty},
		{"OptimalSpend(one point)", errSpend1, loyalty.ErrLength},
		{"OptimalSpendFunc(MaxInt)", errSpendFunc, loyalty.ErrInvalid},
		{"Recovery.Apply", errRecovery, loyalty.ErrInvalid},
		{"Escalate(nil)", errEscalate, loyalty.ErrEmpty},
		{"Defection.Lost(nil)", errLost, loyalty.ErrInvalid},
		{"Defection.Upgrade", errUpgrade, loyalty.ErrInvalid},
		{"WordOfMouth.Reach(nil)", errReach, loyalty.ErrInvalid},
		{"TrustPolicy.Observe", errObserve, loyalty.ErrInvalid},
		{"TrustPolicy.Replay", errReplay, loyalty.ErrInvalid},
		{"empty TrustPolicy", loyalty.TrustPolicy{}.Validate(), loyalty.ErrEmpty},
		{"Ladder.Place", errPlace, loyalty.ErrInvalid},
		{"Ladder.Step", errStep, loyalty.ErrInvalid},
		{"nil TrustCrossTab.Report", errReport, loyalty.ErrInvalid},
		{"nil TrustCrossTab.Add", nilTab.Add(loyalty.Cognitive, true), loyalty.ErrInvalid},
		{"nil TrustCrossTab.Merge", nilTab.Merge(&loyalty.TrustCrossTab{}), loyalty.ErrInvalid},
		{"nil NPSTally.Add", nilNPS.Add(5), loyalty.ErrInvalid},
		{"nil NPSTally.Merge", nilNPS.Merge(&loyalty.NPSTally{}), loyalty.ErrInvalid},
		{"Stage.UnmarshalText", st.UnmarshalText([]byte("x")), loyalty.ErrInvalid},
		{"Rung.UnmarshalText", rung.UnmarshalText([]byte("x")), loyalty.ErrInvalid},
		{"Condition.UnmarshalText", cond.UnmarshalText([]byte("x")), loyalty.ErrInvalid},
		{"Timing.UnmarshalText", tm.UnmarshalText([]byte("x")), loyalty.ErrInvalid},
		{"Stage.MarshalText", errMarshal, loyalty.ErrInvalid},
		{"NPSReport.UnmarshalJSON syntax", rep.UnmarshalJSON([]byte(`{"n":`)), loyalty.ErrInvalid},
		{"TrustState.UnmarshalJSON stage", new(loyalty.TrustState).UnmarshalJSON([]byte(`{"stage":"x"}`)), loyalty.ErrInvalid},
	}
	for _, c := range cases {
		checkErr(t, c.what, c.err, c.want)
	}
	// Errors name the argument.
	if !strings.Contains(errCLV.Error(), "discount") || !strings.Contains(errSpendFunc.Error(), "steps") {
		t.Errorf("errors do not name the argument: %q, %q", errCLV, errSpendFunc)
	}
}

// TestMarkovChainEdges holds the Markov cases of the contract.
func TestMarkovChainEdges(t *testing.T) {
	// A zero or nil chain is an error, not a panic.
	var zero loyalty.MarkovChain
	for _, h := range []int{0, 1, 1000} {
		if v, err := zero.Value(0.1, h); !errors.Is(err, loyalty.ErrEmpty) || v != nil {
			t.Errorf("zero chain Value(0.1, %d) = %v, %v", h, v, err)
		}
	}
	if s := (*loyalty.MarkovChain)(nil).States(); s != nil {
		t.Errorf("nil chain States() = %v", s)
	}

	// Undiscounted, with the lost state absorbing with reward 0: by hand,
	// V = 100 + 0.8·V, so V = 100/0.2 = 500.
	c := twoState(t, 0.8, "100")
	v, err := c.Value(0, 0)
	if err != nil || !v[0].Equal(dec("500")) || !v[1].IsZero() {
		t.Errorf("undiscounted two-state value = %v, %v; want [500 0]", v, err)
	}
	// The same system on three recency classes (by hand: with
	// Q = [[.6 .3] [.3 .4]], (I − Q)⁻¹ = [[.6 .3] [.3 .4]]/0.15, so
	// V = (0.6·50 − 0.3·5, 0.3·50 − 0.4·5)/0.15 = (190, 86.67)).
	c3, err := loyalty.NewMarkovChain([]string{"recent", "lapsing", "lost"},
		[][]float64{{0.6, 0.3, 0.1}, {0.3, 0.4, 0.3}, {0, 0, 1}}, []decimal.Decimal{dec("50"), dec("-5"), dec("0")})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := c3.Value(0, 0); err != nil || !v[0].Equal(dec("190")) || !v[1].Equal(dec("86.67")) || !v[2].IsZero() {
		t.Errorf("undiscounted recency value = %v, %v; want [190 86.67 0]", v, err)
	}
	// A state that never stops earning has no undiscounted value; nor has
	// a rewarding class that is never left.
	for _, ch := range []struct {
		p [][]float64
		r []decimal.Decimal
	}{
		{[][]float64{{0.5, 0.5}, {0.5, 0.5}}, []decimal.Decimal{dec("1"), dec("0")}},
		{[][]float64{{0.8, 0.2}, {0, 1}}, []decimal.Decimal{dec("0"), dec("1")}},
	} {
		c, err := loyalty.NewMarkovChain([]string{"a", "b"}, ch.p, ch.r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Value(0, 0); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("chain %v with rewards %v: infinite value accepted: %v", ch.p, ch.r, err)
		}
		if v, err := c.Value(0.1, 0); err != nil || v[0].Sign() <= 0 {
			t.Errorf("chain %v discounted: %v, %v", ch.p, v, err)
		}
	}

	// Long horizons take no longer than short ones. V_T for the leaky
	// two-state chain P = [[.99 .01] [0 1]], R = {1000, 0}, d = 0 is
	// 1000·(1 − 0.99ᵀ)/0.01; exact rationals in Python:
	//   from fractions import Fraction as F
	//   for T in (128, 129, 200, 1000):
	//       print(T, round(float(F(100000)*(1-F(99,100)**T)), 2))
	// give 72374.83, 72651.08, 86602.03, 99995.68.
	slow := twoState(t, 0.99, "1000")
	for _, c := range []struct {
		h    int
		want string
	}{{128, "72374.83"}, {129, "72651.08"}, {200, "86602.03"}, {1000, "99995.68"}, {math.MaxInt, "100000"}} {
		if v, err := slow.Value(0, c.h); err != nil || !v[0].Equal(dec(c.want)) {
			t.Errorf("leaky chain, horizon %d: %v, %v; want %s", c.h, v, err, c.want)
		}
	}
	start := time.Now()
	v, err = c.Value(0.1, 1e8)
	if elapsed := time.Since(start); err != nil || !v[0].Equal(dec("366.67")) || elapsed > time.Second {
		t.Errorf("Value(0.1, 1e8) = %v, %v in %v; want 366.67 = 100·1.1/0.3 at once", v, err, elapsed)
	}
	// A customer who never leaves, undiscounted: the value is the horizon.
	loop, _ := loyalty.NewMarkovChain([]string{"a"}, [][]float64{{1}}, []decimal.Decimal{dec("1")})
	if v, err := loop.Value(0, 1e18); err != nil || !v[0].Equal(dec("1e18")) {
		t.Errorf("never leaving, 1e18 periods: %v, %v", v, err)
	}
	// Discount rates are fractions in [0, 1].
	for _, d := range []float64{-0.1, 1.5, 10, math.NaN(), math.Inf(1)} {
		if _, err := c.Value(d, 5); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Value(%v, 5): %v", d, err)
		}
	}
	// Rewards beyond float64 are rejected when the chain is made.
	if _, err := loyalty.NewMarkovChain([]string{"a"}, [][]float64{{1}}, []decimal.Decimal{dec("1e400")}); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("reward 1e400: %v", err)
	}
	// A value beyond float64 is an error, not ±Inf.
	huge, _ := loyalty.NewMarkovChain([]string{"a"}, [][]float64{{1}}, []decimal.Decimal{dec("1e300")})
	if _, err := huge.Value(0, math.MaxInt); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("value 9e318: %v", err)
	}
}

func TestRatesAreFractions(t *testing.T) {
	// A percentage typed by mistake is an error, not 107.84.
	in := loyalty.CLVInput{Margin: dec("100"), Retention: 0.8, Discount: 10, Timing: loyalty.StartOfPeriod}
	if v, err := loyalty.CLV(in); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("CLV{Discount: 10} = %s, %v", v, err)
	}
	for _, c := range []struct{ r, d, g float64 }{{80, 0.1, 0}, {0.8, 1.01, 0}, {0.8, -0.01, 0}, {0.5, 0.1, 2}} {
		in := loyalty.CLVInput{Margin: dec("100"), Retention: c.r, Discount: c.d, Growth: c.g, Horizon: 3, Timing: loyalty.StartOfPeriod}
		if _, err := loyalty.CLV(in); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("CLV r=%v d=%v g=%v: %v", c.r, c.d, c.g, err)
		}
	}
	if _, err := loyalty.CLVCurve(dec("1"), []float64{0.5}, 10, loyalty.StartOfPeriod, decimal.Zero); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("CLVCurve discount 10: %v", err)
	}
	if _, err := loyalty.RetentionLever([]loyalty.YearProfit{{Base: dec("1")}}, 0.1, 0.05, 10, decimal.Zero); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("RetentionLever discount 10: %v", err)
	}
	// The boundaries are accepted: d = 0 and d = 1. By hand, start of
	// period, infinite horizon: 100·1/(1−0.5) = 200; 100·2/(2−0.5) = 133.33.
	for _, c := range []struct {
		d    float64
		want string
	}{{0, "200"}, {1, "133.33"}} {
		in := loyalty.CLVInput{Margin: dec("100"), Retention: 0.5, Discount: c.d, Timing: loyalty.StartOfPeriod}
		if v, err := loyalty.CLV(in); err != nil || !v.Equal(dec(c.want)) {
			t.Errorf("CLV d=%v = %s, %v; want %s", c.d, v, err, c.want)
		}
	}
	// Any horizon costs the same: q = 0.8/1.1 < 1, so the sum has
	// converged long before math.MaxInt periods.
	in = loyalty.CLVInput{Margin: dec("100"), Retention: 0.8, Discount: 0.1, Timing: loyalty.StartOfPeriod, Horizon: math.MaxInt}
	if v, err := loyalty.CLV(in); err != nil || !v.Equal(dec("366.67")) {
		t.Errorf("CLV over MaxInt periods = %s, %v", v, err)
	}
	// Fast growth over a long horizon overflows: an error.
	in = loyalty.CLVInput{Margin: dec("100"), Retention: 0.9, Growth: 1, Timing: loyalty.StartOfPeriod, Horizon: math.MaxInt}
	if _, err := loyalty.CLV(in); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("CLV growing without bound: %v", err)
	}
}

func TestHugeAmounts(t *testing.T) {
	// A profit near 1e308 used to panic in decimal.NewFromFloat(+Inf).
	// A flat profit p, first year certain: V(δ) = p/(d+δ) (see
	// TestRetentionLever), so with d = δ = 0.1, V = 5p; after, 1/0.15 p.
	p := dec("1.7e308")
	r, err := loyalty.RetentionLever([]loyalty.YearProfit{{Base: p, Revenue: p}}, 0.1, 0.05, 0.1, decimal.Zero)
	if err != nil {
		t.Fatalf("RetentionLever near 1e308: %v", err)
	}
	want := p.Mul(dec("2")).Mul(dec("5"))
	if rel := r.Before.Sub(want).Abs().Div(want).InexactFloat64(); rel > 1e-12 {
		t.Errorf("Before = %s, want %s (relative error %g)", r.Before, want, rel)
	}
	if math.Abs(r.Change-(0.2/0.15-1)) > 1e-12 {
		t.Errorf("Change = %v, want %v", r.Change, 0.2/0.15-1)
	}
	// A relative change beyond float64 is an error.
	if _, err := loyalty.RetentionLever([]loyalty.YearProfit{{Base: dec("1e400")}}, 0.1, 0.05, 0.1, dec("1e400").Sub(dec("0.01"))); err != nil && !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("huge change: %v", err)
	}
	if _, err := loyalty.RetentionLever([]loyalty.YearProfit{{Base: dec("1")}}, 5e-324, 0, 0, decimal.Zero); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("defection 5e-324: %v", err)
	}

	// Word of mouth and upgrades with figures near 1e308: errors, not ±Inf.
	var tl ep.Tally
	if err := tl.AddN(ep.Satisfied, 1000); err != nil {
		t.Fatal(err)
	}
	if err := tl.AddN(ep.Dissatisfied, 10); err != nil {
		t.Fatal(err)
	}
	w := loyalty.DefaultWordOfMouth()
	w.Positive[ep.Satisfied] = 1e308
	if r, err := w.Reach(&tl); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("Reach with 1e308 = %+v, %v", r, err)
	}
	w = loyalty.DefaultWordOfMouth()
	w.Positive[ep.Satisfied], w.Negative[ep.Dissatisfied] = 1.5e305, 1.7e307
	r2, err := w.Reach(&tl)
	if err != nil || math.Abs(r2.Positive-1.5e308) > 1e-12*1.5e308 || math.Abs(r2.Net+2e307) > 1e-12*2e307 {
		t.Errorf("Reach near the top of float64 = %+v, %v", r2, err)
	}
	if u, err := loyalty.KotlerDefection().Upgrade(&tl, 1, &loyalty.UpgradeOptions{Multiple: 1e308}); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("Upgrade with multiple 1e308 = %+v, %v", u, err)
	}
	// 1000 satisfied moved at multiple 10: 1000·(10·0.985 − 0.9) = 8950.
	if u, err := loyalty.KotlerDefection().Upgrade(&tl, 1, nil); err != nil || math.Abs(u.ValueGain-8950) > 1e-9 {
		t.Errorf("Upgrade = %+v, %v", u, err)
	}
}

func TestAmountExponents(t *testing.T) {
	huge, tiny := dec("1e999999999"), dec("1e-999999999")
	start := time.Now()
	for _, a := range []decimal.Decimal{huge, tiny} {
		_, err := loyalty.CLV(loyalty.CLVInput{Margin: a, Retention: 0.5, Discount: 0.1, Timing: loyalty.StartOfPeriod})
		checkErr(t, "CLV margin", err, loyalty.ErrInvalid)
		_, err = loyalty.CLVCurve(dec("1"), []float64{0.5}, 0.1, loyalty.StartOfPeriod, a)
		checkErr(t, "CLVCurve acquisition", err, loyalty.ErrInvalid)
		_, err = loyalty.NewMarkovChain([]string{"a"}, [][]float64{{1}}, []decimal.Decimal{a})
		checkErr(t, "Markov reward", err, loyalty.ErrInvalid)
		_, err = loyalty.RetentionLever([]loyalty.YearProfit{{Base: dec("10"), Referrals: a}}, 0.1, 0.05, 0.1, decimal.Zero)
		checkErr(t, "RetentionLever profile", err, loyalty.ErrInvalid)
		_, err = loyalty.KotlerBaseEconomics(10, a).SteadyState()
		checkErr(t, "SteadyState", err, loyalty.ErrInvalid)
		as := afterSalesSample()
		as.Materials = a
		_, err = as.Evaluate()
		checkErr(t, "Evaluate", err, loyalty.ErrInvalid)
		_, err = as.Tornado(0.1)
		checkErr(t, "Tornado", err, loyalty.ErrInvalid)
		_, _, err = loyalty.OptimalSpend([]loyalty.SpendPoint{{dec("1"), a}, {dec("2"), dec("3")}})
		checkErr(t, "OptimalSpend", err, loyalty.ErrInvalid)
		_, err = json.Marshal(loyalty.SpendPoint{Spend: a})
		if err == nil {
			t.Error("Marshal of a SpendPoint with exponent ±999999999 succeeded")
		}
	}
	var p loyalty.SpendPoint
	checkErr(t, "SpendPoint.UnmarshalJSON", p.UnmarshalJSON([]byte(`{"spend":"1e999999999"}`)), loyalty.ErrInvalid)
	if !p.Spend.IsZero() {
		t.Errorf("failed decode changed the point: %v", p.Spend.Exponent())
	}
	if el := time.Since(start); el > time.Second {
		t.Errorf("rejecting huge exponents took %v", el)
	}
	// The bound itself is fine: 1e1000 and 1e-1000.
	if v, err := loyalty.CLV(loyalty.CLVInput{Margin: dec("1e1000"), Retention: 0, Discount: 0, Timing: loyalty.StartOfPeriod}); err != nil || !v.Equal(dec("1e1000")) {
		t.Errorf("CLV of 1e1000 = %v", err)
	}
}

func TestOptimalSpendFuncLimit(t *testing.T) {
	calls := 0
	// benefit 20√s.
	f := func(s decimal.Decimal) decimal.Decimal {
		calls++
		return money(20 * math.Sqrt(s.InexactFloat64()))
	}
	start := time.Now()
	for _, n := range []int{math.MaxInt, loyalty.MaxSpendSteps + 1, 0, -1, math.MinInt} {
		if _, err := loyalty.OptimalSpendFunc(f, dec("0"), dec("1e9"), n); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("OptimalSpendFunc n = %d: %v", n, err)
		}
	}
	// A step below a cent: 0 to 1 in 101 steps.
	if _, err := loyalty.OptimalSpendFunc(f, dec("0"), dec("1"), 101); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("OptimalSpendFunc step below a cent: %v", err)
	}
	if calls != 0 || time.Since(start) > time.Second {
		t.Errorf("rejected grids called benefit %d times", calls)
	}
	// The limit itself is accepted; 20√s − s peaks at s = 100, net 100.
	// The grid 0 … 2²⁰·0.01 has a step of exactly a cent, so s = 100.00
	// is on it.
	best, err := loyalty.OptimalSpendFunc(f, dec("0"), decimal.New(loyalty.MaxSpendSteps, -2), loyalty.MaxSpendSteps)
	if err != nil || !best.Spend.Equal(dec("100")) || !best.Benefit.Equal(dec("200")) || calls != loyalty.MaxSpendSteps+1 {
		t.Errorf("OptimalSpendFunc at the limit = %+v, %v after %d calls", best, err, calls)
	}
	// A flat net: every point ties, and ties go to the smallest spend,
	// also when rounding noise makes later points look a hair better.
	noisy := func(s decimal.Decimal) decimal.Decimal { return s.Add(dec("5")).Add(s.Mul(dec("1e-15"))) }
	if best, err := loyalty.OptimalSpendFunc(noisy, dec("1"), dec("3"), 8); err != nil || !best.Spend.Equal(dec("1")) {
		t.Errorf("flat net = %+v, %v; want the smallest spend, 1", best, err)
	}
	// A benefit beyond the amount bound is an error.
	if _, err := loyalty.OptimalSpendFunc(func(decimal.Decimal) decimal.Decimal { return dec("1e999999999") }, dec("0"), dec("1"), 2); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("benefit 1e999999999: %v", err)
	}
}

func TestCountersDoNotWrap(t *testing.T) {
	// NPSTally.Merge checks the total as AddN does, and changes nothing
	// on error.
	var a, b loyalty.NPSTally
	if err := a.AddN(10, math.MaxInt64); err != nil {
		t.Fatal(err)
	}
	if err := b.Add(0); err != nil {
		t.Fatal(err)
	}
	before := a
	if err := a.Merge(&b); !errors.Is(err, loyalty.ErrInvalid) || a != before {
		t.Errorf("overflowing NPS merge: %v, N %d", err, a.N())
	}
	if r := a.Report(); r.Score != 100 || r.N != math.MaxInt64 {
		t.Errorf("report after a refused merge: %+v", r)
	}
	if err := a.Add(3); !errors.Is(err, loyalty.ErrInvalid) || a != before {
		t.Errorf("Add to a full tally: %v", err)
	}
	if err := a.Merge(nil); err != nil || a != before {
		t.Errorf("Merge(nil) = %v", err)
	}
	// Merging a tally into itself doubles it.
	var self loyalty.NPSTally
	_ = self.AddN(9, 3)
	if err := self.Merge(&self); err != nil || self.Count(9) != 6 {
		t.Errorf("self merge: %v, %d", err, self.Count(9))
	}

	// TrustCrossTab: build N = 2⁶³ − 1 by merging powers of two.
	var pow, all loyalty.TrustCrossTab
	if err := pow.Add(loyalty.Behavioural, true); err != nil {
		t.Fatal(err)
	}
	for k := 0; k < 63; k++ {
		if err := all.Merge(&pow); err != nil {
			t.Fatalf("merge %d: %v", k, err)
		}
		if k < 62 {
			if err := pow.Merge(&pow); err != nil {
				t.Fatalf("doubling %d: %v", k, err)
			}
		}
	}
	if all.N() != math.MaxInt64 {
		t.Fatalf("N = %d", all.N())
	}
	full := all
	if err := all.Add(loyalty.Cognitive, false); !errors.Is(err, loyalty.ErrInvalid) || all != full {
		t.Errorf("Add to a full cross-tab: %v", err)
	}
	var one loyalty.TrustCrossTab
	_ = one.Add(loyalty.StageNone, false)
	if err := all.Merge(&one); !errors.Is(err, loyalty.ErrInvalid) || all != full {
		t.Errorf("overflowing cross-tab merge: %v", err)
	}
	if r, err := all.Report(loyalty.DefaultAttitude); err != nil || r.N != math.MaxInt64 || r.Counts[loyalty.TrueLoyalty] != math.MaxInt64 || r.Shares[loyalty.TrueLoyalty] != 1 {
		t.Errorf("full report %+v, %v", r, err)
	}
}

func TestNilAndZeroReceivers(t *testing.T) {
	var n *loyalty.NPSTally
	if n.N() != 0 || n.Count(5) != 0 || !math.IsNaN(n.Report().Score) || n.Report().Reason == "" {
		t.Errorf("nil NPSTally reads: %d, %+v", n.N(), n.Report())
	}
	var tab *loyalty.TrustCrossTab
	if r, err := tab.Report(loyalty.DefaultAttitude); err != nil || r.N != 0 || !math.IsNaN(r.Shares[loyalty.TrueLoyalty]) || r.Reason == "" {
		t.Errorf("nil TrustCrossTab.Report = %+v, %v", r, err)
	}
	if tab.N() != 0 {
		t.Error("nil TrustCrossTab.N")
	}
	var l ep.Tally
	lo, err := loyalty.Defection{}.Lost(&l)
	if err != nil || !math.IsNaN(lo.Retention) || lo.Reason == "" || lo.Kept != 0 {
		t.Errorf("zero Defection on an empty tally: %+v, %v", lo, err)
	}
	d := loyalty.NPSDifference(loyalty.NPSReport{}, (&loyalty.NPSTally{}).Report())
	if !math.IsNaN(d.Diff) || d.Reason == "" {
		t.Errorf("NPSDifference with an empty report = %+v", d)
	}
	if s, err := (loyalty.BaseEconomics{}).SteadyState(); err != nil || s.Lost != 0 || !s.Saving.IsZero() {
		t.Errorf("zero BaseEconomics: %+v, %v", s, err)
	}
	if _, err := (loyalty.AfterSales{}).Tornado(0.1); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("zero AfterSales.Tornado: %v", err)
	}
	if _, err := (loyalty.Ladder{}).Place(loyalty.Facts{}); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("zero Ladder: %v", err)
	}
	if _, err := (loyalty.TrustPolicy{}).Replay(loyalty.TrustState{}, nil); !errors.Is(err, loyalty.ErrEmpty) {
		t.Errorf("zero TrustPolicy: %v", err)
	}
	if _, err := (loyalty.Recovery{}).Apply(10, loyalty.Handling{}); err != nil {
		t.Errorf("zero Recovery: %v", err)
	}
	if _, err := (loyalty.WordOfMouth{}).Reach(&l); err != nil {
		t.Errorf("zero WordOfMouth: %v", err)
	}
	if _, err := loyalty.CLV(loyalty.CLVInput{}); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("zero CLVInput: %v", err)
	}
}

// decimalEqual compares decimals by value.
var decimalEqual = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

// jsonCases returns values of every type with JSON methods, in the zero,
// empty, one-observation and typical states.
func jsonCases(t testing.TB) map[string][]any {
	var empty, one, typical loyalty.NPSTally
	_ = one.Add(9)
	for s, n := range npsCountsA {
		_ = typical.AddN(s, n)
	}
	var tabEmpty, tabOne, tabTypical loyalty.TrustCrossTab
	_ = tabOne.Add(loyalty.Affective, true)
	for i := 0; i < 20; i++ {
		_ = tabTypical.Add(loyalty.Stage(i%5), i%3 == 0)
	}
	report := func(tab *loyalty.TrustCrossTab) loyalty.CrossTabReport {
		r, err := tab.Report(loyalty.DefaultAttitude)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	var tlEmpty, tlOne, tlTypical ep.Tally
	_ = tlOne.Add(ep.Satisfied)
	for l, n := range []int64{5, 10, 20, 40, 25} {
		_ = tlTypical.AddN(ep.Level(l+1), n)
	}
	def := loyalty.KotlerDefection()
	lost := func(tl *ep.Tally) loyalty.Losses {
		r, err := def.Lost(tl)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	upgrade := func(tl *ep.Tally) loyalty.Upgrade {
		r, err := def.Upgrade(tl, 0.5, nil)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	reach := func(tl *ep.Tally) loyalty.Reach {
		r, err := loyalty.DefaultWordOfMouth().Reach(tl)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	lever, err := loyalty.RetentionLever(loyalty.IllustrativeProfile(), 0.1, 0.05, 0.1, dec("50"))
	if err != nil {
		t.Fatal(err)
	}
	steady, err := loyalty.KotlerBaseEconomics(10000, dec("250")).SteadyState()
	if err != nil {
		t.Fatal(err)
	}
	cb, err := afterSalesSample().Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	bars, err := afterSalesSample().Tornado(0.1)
	if err != nil {
		t.Fatal(err)
	}
	_, steps, err := loyalty.OptimalSpend([]loyalty.SpendPoint{{dec("0"), dec("0")}, {dec("10"), dec("30")}})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := loyalty.KotlerRecovery().Apply(1000, loyalty.Handling{Resolved: 0.8, Quick: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	esc, err := loyalty.Escalate(30*time.Hour, loyalty.DefaultTiers())
	if err != nil {
		t.Fatal(err)
	}
	nan := math.NaN()
	return map[string][]any{
		"CLVInput": {loyalty.CLVInput{}, loyalty.CLVInput{Margin: dec("100"), Retention: 0.8, Discount: 0.1, Growth: 0.02, Horizon: 5, Timing: loyalty.EndAfterSurvival, AcquisitionCost: dec("12.5")},
			loyalty.CLVInput{Retention: nan, Discount: nan, Growth: nan}},
		"LeverResult":    {loyalty.LeverResult{}, lever},
		"BaseEconomics":  {loyalty.BaseEconomics{}, loyalty.KotlerBaseEconomics(10000, dec("250")), loyalty.BaseEconomics{LossRate: nan}},
		"SteadyState":    {loyalty.SteadyState{}, steady},
		"CostBenefit":    {loyalty.CostBenefit{}, cb},
		"TornadoBar":     {loyalty.TornadoBar{}, bars[0]},
		"SpendPoint":     {loyalty.SpendPoint{}, loyalty.SpendPoint{Spend: dec("30"), Benefit: dec("62")}},
		"MarginalStep":   {loyalty.MarginalStep{}, steps[0]},
		"NPSReport":      {loyalty.NPSReport{}, empty.Report(), one.Report(), typical.Report()},
		"NPSDiff":        {loyalty.NPSDiff{}, loyalty.NPSDifference(empty.Report(), one.Report()), loyalty.NPSDifference(one.Report(), typical.Report())},
		"Recovery":       {loyalty.Recovery{}, loyalty.KotlerRecovery(), loyalty.Recovery{Complain: nan}},
		"Handling":       {loyalty.Handling{}, loyalty.Handling{Resolved: 0.8, Quick: 0.5}},
		"RecoveryResult": {loyalty.RecoveryResult{}, rec},
		"Escalation":     {loyalty.Escalation{}, esc},
		"Defection":      {loyalty.Defection{}, def},
		"Losses":         {loyalty.Losses{}, lost(&tlEmpty), lost(&tlOne), lost(&tlTypical)},
		"UpgradeOptions": {loyalty.UpgradeOptions{}, loyalty.UpgradeOptions{Multiple: 7.5}, loyalty.UpgradeOptions{Multiple: nan}},
		"Upgrade":        {loyalty.Upgrade{}, upgrade(&tlEmpty), upgrade(&tlOne), upgrade(&tlTypical)},
		"WordOfMouth":    {loyalty.WordOfMouth{}, loyalty.DefaultWordOfMouth()},
		"Reach":          {loyalty.Reach{}, reach(&tlEmpty), reach(&tlOne), reach(&tlTypical)},
		"TrustState":     {loyalty.TrustState{}, loyalty.TrustState{Stage: loyalty.Affective, Progress: 2, Failures: 0}},
		"CrossTabReport": {loyalty.CrossTabReport{}, report(&tabEmpty), report(&tabOne), report(&tabTypical)},
		"AfterSales":     {loyalty.AfterSales{}, afterSalesSample()},
		"YearProfit":     {loyalty.YearProfit{}, loyalty.IllustrativeProfile()[6]},
	}
}

// roundTrip marshals v with encoding/json and decodes it into a new value
// of the same type.
func roundTrip(t testing.TB, v any) (any, []byte) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%T: Marshal: %v", v, err)
	}
	var back any
	switch v.(type) {
	case loyalty.CLVInput:
		var x loyalty.CLVInput
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.LeverResult:
		var x loyalty.LeverResult
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.BaseEconomics:
		var x loyalty.BaseEconomics
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.SteadyState:
		var x loyalty.SteadyState
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.CostBenefit:
		var x loyalty.CostBenefit
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.TornadoBar:
		var x loyalty.TornadoBar
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.SpendPoint:
		var x loyalty.SpendPoint
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.MarginalStep:
		var x loyalty.MarginalStep
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.NPSReport:
		var x loyalty.NPSReport
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.NPSDiff:
		var x loyalty.NPSDiff
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.Recovery:
		var x loyalty.Recovery
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.Handling:
		var x loyalty.Handling
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.RecoveryResult:
		var x loyalty.RecoveryResult
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.Escalation:
		var x loyalty.Escalation
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.Defection:
		var x loyalty.Defection
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.Losses:
		var x loyalty.Losses
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.UpgradeOptions:
		var x loyalty.UpgradeOptions
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.Upgrade:
		var x loyalty.Upgrade
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.WordOfMouth:
		var x loyalty.WordOfMouth
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.Reach:
		var x loyalty.Reach
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.TrustState:
		var x loyalty.TrustState
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.CrossTabReport:
		var x loyalty.CrossTabReport
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.AfterSales:
		var x loyalty.AfterSales
		err = json.Unmarshal(b, &x)
		back = x
	case loyalty.YearProfit:
		var x loyalty.YearProfit
		err = json.Unmarshal(b, &x)
		back = x
	default:
		t.Fatalf("no round trip for %T", v)
	}
	if err != nil {
		t.Fatalf("%T: Unmarshal(%s): %v", v, b, err)
	}
	return back, b
}

func TestJSONRoundTrip(t *testing.T) {
	for name, vs := range jsonCases(t) {
		for i, v := range vs {
			back, b := roundTrip(t, v)
			if d := cmp.Diff(v, back, cmpopts.EquateNaNs(), decimalEqual); d != "" {
				t.Errorf("%s case %d: %s does not round-trip (-want +got):\n%s", name, i, b, d)
			}
		}
	}
	// ±Inf encodes as null too, and so decodes as NaN.
	b, err := json.Marshal(loyalty.CLVInput{Discount: math.Inf(1), Growth: math.Inf(-1)})
	if err != nil || !strings.Contains(string(b), `"discount":null,"growth":null`) {
		t.Errorf("±Inf JSON %s, %v", b, err)
	}
	// The reports of empty accumulators carry NaN as null.
	var n loyalty.NPSTally
	b, err = json.Marshal(n.Report())
	if err != nil || !strings.Contains(string(b), `"score":null`) || !strings.Contains(string(b), `"reason":"no answers`) {
		t.Errorf("empty NPS report JSON %s, %v", b, err)
	}
	var tl ep.Tally
	lo, _ := loyalty.KotlerDefection().Lost(&tl)
	if b, err := json.Marshal(lo); err != nil || !strings.Contains(string(b), `"retention":null`) {
		t.Errorf("empty Losses JSON %s, %v", b, err)
	}
	var tab loyalty.TrustCrossTab
	r, _ := tab.Report(loyalty.DefaultAttitude)
	if b, err := json.Marshal(r); err != nil || !strings.Contains(string(b), `"shares":[0,null,null,null,null]`) {
		t.Errorf("empty cross-tab JSON %s, %v", b, err)
	}
	// Decoding into a value fills what the document has; a failed decode
	// changes nothing.
	rep := typicalNPSReport()
	before := rep
	if err := json.Unmarshal([]byte(`{"n":5,"score":"high"}`), &rep); err == nil || !cmp.Equal(rep, before) {
		t.Errorf("failed decode changed the report: %+v, %v", rep, err)
	}
	var nilRep *loyalty.NPSReport
	checkErr(t, "UnmarshalJSON into nil", nilRep.UnmarshalJSON([]byte(`{}`)), loyalty.ErrInvalid)
}

func typicalNPSReport() loyalty.NPSReport {
	var tl loyalty.NPSTally
	for s, n := range npsCountsA {
		_ = tl.AddN(s, n)
	}
	return tl.Report()
}

// TestConcurrentReads backs the documented concurrency: read methods of
// the accumulators may run together, a Merge source is only read, and a
// MarkovChain is safe to share. Run with -race.
func TestConcurrentReads(t *testing.T) {
	var src loyalty.NPSTally
	for s, n := range npsCountsA {
		_ = src.AddN(s, n)
	}
	var tab loyalty.TrustCrossTab
	for i := 0; i < 50; i++ {
		_ = tab.Add(loyalty.Stage(i%5), i%2 == 0)
	}
	c := twoState(t, 0.8, "100")
	want := src.Report()
	dsts := make([]loyalty.NPSTally, 8)
	tabs := make([]loyalty.TrustCrossTab, 8)
	done := make(chan error, 8)
	for i := range dsts {
		go func(i int) {
			var err error
			if err = dsts[i].Merge(&src); err == nil {
				err = tabs[i].Merge(&tab)
			}
			if err == nil && !cmp.Equal(src.Report(), want, cmpopts.EquateNaNs()) {
				err = errors.New("report changed")
			}
			if err == nil {
				_, err = tab.Report(loyalty.DefaultAttitude)
			}
			if err == nil {
				_, err = c.Value(0.1, 1000+i)
			}
			_ = src.N() + src.Count(9) + tab.N()
			done <- err
		}(i)
	}
	for range dsts {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	for i := range dsts {
		if dsts[i] != src || tabs[i] != tab {
			t.Errorf("merge %d differs from its source", i)
		}
	}
}
