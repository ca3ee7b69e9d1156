package loyalty_test

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
)

// money turns a fuzzed float into a decimal amount with care: NaN and
// ±Inf have no decimal, so they become 0.
func money(x float64) decimal.Decimal {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return decimal.Zero
	}
	return decimal.NewFromFloat(x)
}

// rangeErr reports whether err is the error for a result outside the
// range of float64, which valid but extreme input may give.
func rangeErr(err error) bool {
	return err != nil && errors.Is(err, loyalty.ErrInvalid) && strings.Contains(err.Error(), "outside the range of float64")
}

// mustSentinel fails unless err wraps a sentinel with the prefix once.
func mustSentinel(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil && !wrapsSentinel(err) {
		t.Fatalf("%s: error %q does not carry the prefix once or wrap a sentinel", what, err)
	}
}

// near reports whether decimals a and b agree within abs + rel·max(|a|,|b|).
func near(a, b decimal.Decimal, abs, rel float64) bool {
	m := decimal.Max(a.Abs(), b.Abs())
	tol := decimal.NewFromFloat(abs).Add(m.Mul(decimal.NewFromFloat(rel)))
	return a.Sub(b).Abs().LessThanOrEqual(tol)
}

func FuzzCLVCurve(f *testing.F) {
	f.Add(100.0, 0.8, 0.8, 0.1, uint8(1), uint16(3), 0.0)
	f.Add(100.0, 0.5, 0.9, 0.1, uint8(2), uint16(2), 10.0)
	f.Add(1e308, 1.0, 1.0, 0.0, uint8(3), uint16(1000), -1e308)
	f.Add(-5.0, math.NaN(), 0.5, 10.0, uint8(1), uint16(0), 0.0)
	f.Add(1.0, 0.5, 1.5, -0.5, uint8(0), uint16(4), math.Inf(1))
	f.Fuzz(func(t *testing.T, margin, r1, r2, d float64, timing uint8, n uint16, acq float64) {
		curve := make([]float64, n)
		for i := range curve {
			curve[i] = r1
			if i%2 == 1 {
				curve[i] = r2
			}
		}
		tm := loyalty.Timing(timing % 5)
		v, err := loyalty.CLVCurve(money(margin), curve, d, tm, money(acq))
		valid := n > 0 && d >= 0 && d <= 1 && tm >= loyalty.StartOfPeriod && tm <= loyalty.EndFirstCertain &&
			r1 >= 0 && r1 <= 1 && (n < 2 || (r2 >= 0 && r2 <= 1))
		mustSentinel(t, "CLVCurve", err)
		if (err == nil) != valid && !rangeErr(err) {
			t.Fatalf("CLVCurve(%v, %v×%d, d=%v, %v) error %v, valid %v", margin, r1, n, d, tm, err, valid)
		}
		if err != nil {
			return
		}
		if margin >= 0 && acq == 0 && v.Sign() < 0 {
			t.Fatalf("negative value %s for a non-negative margin", v)
		}
		// A constant curve is the finite closed form of CLV.
		if n > 0 && (n == 1 || r1 == r2) && r1 < 1 {
			c, err := loyalty.CLV(loyalty.CLVInput{Margin: money(margin), Retention: r1, Discount: d, Horizon: int(n), Timing: tm, AcquisitionCost: money(acq)})
			if err == nil && !near(c, v, 0.011, 1e-9) {
				t.Fatalf("constant curve %s, CLV %s", v, c)
			}
		}
	})
}

func FuzzMarkovChain(f *testing.F) {
	f.Add(0.8, 0.2, 0.0, 0.0, 100.0, 0.0, 0.0, 0.0, 0)         // the undiscounted two-state example: 500
	f.Add(0.8, 0.2, 0.0, 0.0, 100.0, 0.0, 0.0, 0.1, 100000000) // 1e8 periods
	f.Add(0.6, 0.3, 0.3, 0.4, 50.0, -5.0, 0.0, 0.2, 4)
	f.Add(1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0) // never leaving: no value
	f.Add(1.0, 0.0, 0.0, 1.0, 1e300, 1.0, 1.0, 0.0, math.MaxInt)
	f.Add(0.5, 0.5, 0.5, 0.5, math.NaN(), math.Inf(1), -1e308, 1e-300, -1)
	f.Add(0.99, 0.01, 0.0, 0.0, 1000.0, 0.0, 0.0, 0.0, 129)
	f.Fuzz(func(t *testing.T, a1, b1, a2, b2, r1, r2, r3, d float64, horizon int) {
		p := [][]float64{{a1, b1, 1 - a1 - b1}, {a2, b2, 1 - a2 - b2}, {0, 0, 1}}
		c, err := loyalty.NewMarkovChain([]string{"a", "b", "lost"}, p, []decimal.Decimal{money(r1), money(r2), money(r3)})
		mustSentinel(t, "NewMarkovChain", err)
		if err != nil {
			return
		}
		v, err := c.Value(d, horizon)
		mustSentinel(t, "Value", err)
		if err == nil && len(v) != 3 {
			t.Fatalf("Value has %d entries", len(v))
		}
		if (d < 0 || d > 1 || math.IsNaN(d) || horizon < 0) != (err != nil && !rangeErr(err) && !strings.Contains(err.Error(), "infinite-horizon")) {
			t.Fatalf("Value(%v, %d) error %v", d, horizon, err)
		}
		// Discounted, a horizon of MaxInt periods is the infinite sum.
		if d >= 0.05 && d <= 1 && r3 == 0 {
			inf, err1 := c.Value(d, 0)
			long, err2 := c.Value(d, math.MaxInt)
			if err1 == nil && err2 == nil {
				for i := range inf {
					if !near(inf[i], long[i], 0.021, 1e-9) {
						t.Fatalf("state %d: infinite %s, MaxInt periods %s", i, inf[i], long[i])
					}
				}
			}
		}
	})
}

func FuzzRetentionLever(f *testing.F) {
	f.Add(40.0, 0.0, 0.0, 0.1, 0.05, 0.1, 0.0)
	f.Add(25.0, 10.0, 22.0, 0.1, 0.05, 0.1, 50.0)
	f.Add(1.7e308, 1.7e308, 1.7e308, 0.1, 0.05, 0.1, 0.0) // totals beyond float64
	f.Add(1.0, 1.0, 1.0, 5e-324, 0.0, 0.0, 0.0)
	f.Add(1.0, -1.0, math.NaN(), 1.0, 0.999, 1.0, -1e308)
	f.Add(1.0, 1.0, 1.0, 0.1, 0.05, 10.0, 0.0)
	f.Fuzz(func(t *testing.T, y1, y2, y3, def, red, disc, acq float64) {
		profile := []loyalty.YearProfit{{Base: money(y1)}, {Base: money(y1), Revenue: money(y2)}, {Base: money(y1), Revenue: money(y2), Referrals: money(y3)}}
		r, err := loyalty.RetentionLever(profile, def, red, disc, money(acq))
		mustSentinel(t, "RetentionLever", err)
		if err != nil {
			if def > 0 && def <= 1 && red >= 0 && red < def && disc >= 0 && disc <= 1 && !errors.Is(err, loyalty.ErrInvalid) {
				t.Fatalf("valid rates, error %v", err)
			}
			return
		}
		for _, x := range []float64{r.Change, r.LifetimeBefore, r.LifetimeAfter} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("non-finite result %+v", r)
			}
		}
		// With no negative profit, less defection never lowers the value.
		if y1 >= 0 && y2 >= 0 && y3 >= 0 && r.After.LessThan(r.Before) {
			t.Fatalf("lower defection lowered the value: %+v", r)
		}
	})
}

func FuzzExpectedLifetime(f *testing.F) {
	for _, r := range []float64{0, 0.5, 0.8, 1 - 1e-16, 1, math.Copysign(0, -1), -1e-300, math.NaN(), math.Inf(1), math.Inf(-1), 1e308, -1e308} {
		f.Add(r)
	}
	f.Fuzz(func(t *testing.T, r float64) {
		l, err := loyalty.ExpectedLifetime(r)
		mustSentinel(t, "ExpectedLifetime", err)
		if (err == nil) != (r >= 0 && r < 1) {
			t.Fatalf("ExpectedLifetime(%v) = %v, %v", r, l, err)
		}
		if err == nil && !(l >= 1 && !math.IsInf(l, 0)) {
			t.Fatalf("ExpectedLifetime(%v) = %v", r, l)
		}
		if err != nil && !math.IsNaN(l) {
			t.Fatalf("ExpectedLifetime(%v) = %v with an error", r, l)
		}
	})
}

// FuzzRates checks ContinuousRate and PeriodRate against their documented
// special cases and each other.
func FuzzRates(f *testing.F) {
	for _, x := range []float64{0, math.Copysign(0, -1), 0.1, -0.5, -1, -1 + 1e-9, -2, 1, 10, 709.78, 710, 1e308, -1e308, math.NaN(), math.Inf(1), math.Inf(-1), 5e-324} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		c := loyalty.ContinuousRate(x)
		switch {
		case math.IsNaN(x) || x <= -1:
			if !math.IsNaN(c) {
				t.Fatalf("ContinuousRate(%v) = %v, want NaN", x, c)
			}
		case math.IsInf(x, 1):
			if !math.IsInf(c, 1) {
				t.Fatalf("ContinuousRate(+Inf) = %v", c)
			}
		default:
			if math.IsNaN(c) || math.IsInf(c, 0) {
				t.Fatalf("ContinuousRate(%v) = %v", x, c)
			}
			if back := loyalty.PeriodRate(c); math.Abs(back-x) > 1e-12*math.Max(1, math.Abs(x)) {
				t.Fatalf("PeriodRate(ContinuousRate(%v)) = %v", x, back)
			}
		}
		p := loyalty.PeriodRate(x)
		switch {
		case math.IsNaN(x):
			if !math.IsNaN(p) {
				t.Fatalf("PeriodRate(NaN) = %v", p)
			}
		case x > math.Log(math.MaxFloat64):
			if !math.IsInf(p, 1) {
				t.Fatalf("PeriodRate(%v) = %v, want +Inf", x, p)
			}
		default:
			if !(p >= -1) || math.IsInf(p, 0) || (x == 0 && math.Signbit(p) != math.Signbit(x)) {
				t.Fatalf("PeriodRate(%v) = %v", x, p)
			}
		}
	})
}

func FuzzSteadyState(f *testing.F) {
	f.Add(int64(10000), 0.1, 0.2, int64(25000), 0.05)
	f.Add(int64(0), 0.0, 0.0, int64(0), 0.0)
	f.Add(int64(math.MaxInt64), 1.0, 1e308, int64(math.MaxInt64), 0.5)
	f.Add(int64(-1), math.NaN(), -1.0, int64(-1), math.Inf(1))
	f.Add(int64(5), 0.1, math.Inf(1), int64(1), math.Copysign(0, -1))
	f.Fuzz(func(t *testing.T, customers int64, loss, ratio float64, acqCents int64, newLoss float64) {
		b := loyalty.KotlerBaseEconomics(customers, decimal.New(acqCents, -2))
		if b.LossRate != loyalty.KotlerLossRate || b.RetentionCostRatio != loyalty.KotlerRetentionCostRatio || b.Customers != customers {
			t.Fatalf("KotlerBaseEconomics(%d, …) = %+v", customers, b)
		}
		b.LossRate, b.RetentionCostRatio = loss, ratio
		valid := customers >= 0 && loss >= 0 && loss <= 1 && ratio >= 0 && !math.IsInf(ratio, 1) && acqCents >= 0
		s, err := b.SteadyState()
		mustSentinel(t, "SteadyState", err)
		if (err == nil) != valid {
			t.Fatalf("SteadyState(%+v) error %v", b, err)
		}
		if err == nil {
			if math.IsNaN(s.Lost) || math.IsInf(s.Lost, 0) || s.Lost < 0 || s.Lost > float64(customers)*(1+1e-15) {
				t.Fatalf("Lost = %v of %d", s.Lost, customers)
			}
			if !near(s.Saving, s.ByAcquisition.Sub(s.ByRetention), 0.011, 0) {
				t.Fatalf("Saving %s ≠ %s − %s", s.Saving, s.ByAcquisition, s.ByRetention)
			}
		}
		be, err := b.BreakEven(newLoss)
		mustSentinel(t, "BreakEven", err)
		if (err == nil) != (valid && newLoss >= 0 && newLoss <= loss) {
			t.Fatalf("BreakEven(%v) error %v", newLoss, err)
		}
		if err == nil && (be.Sign() < 0 || be.GreaterThan(s.ByAcquisition.Add(decimal.New(1, -2)))) {
			t.Fatalf("BreakEven(%v) = %s, replacing all costs %s", newLoss, be, s.ByAcquisition)
		}
	})
}

func FuzzDickBasu(f *testing.F) {
	f.Add(false, false)
	f.Add(true, false)
	f.Add(false, true)
	f.Add(true, true)
	f.Fuzz(func(t *testing.T, attitude, patronage bool) {
		c := loyalty.DickBasu(attitude, patronage)
		want := map[[2]bool]loyalty.Condition{
			{true, true}: loyalty.TrueLoyalty, {true, false}: loyalty.LatentLoyalty,
			{false, true}: loyalty.SpuriousLoyalty, {false, false}: loyalty.NoLoyalty,
		}[[2]bool{attitude, patronage}]
		if c != want {
			t.Fatalf("DickBasu(%v, %v) = %v, want %v", attitude, patronage, c, want)
		}
		b, err := c.MarshalText()
		var back loyalty.Condition
		if err != nil || back.UnmarshalText(b) != nil || back != c {
			t.Fatalf("%v does not round-trip: %s, %v", c, b, err)
		}
	})
}

func FuzzOptimalSpendFunc(f *testing.F) {
	f.Add("0", "400", 400, 20.0, 0.0)
	f.Add("0", "1", math.MaxInt, 1.0, 1.0) // used never to end
	f.Add("0", "100000", loyalty.MaxSpendSteps+1, 1.0, 1.0)
	f.Add("1", "3", 8, 0.0, 1.0)
	f.Add("0", "1e308", 2, -1e308, 0.0)
	f.Add("-1", "NaN", 0, math.Inf(1), math.NaN())
	f.Add("5", "5", 1, 1.0, 1.0)
	f.Add("0", "0.05", 10, 1.0, 1.0) // a step below a cent
	f.Add("0", "1e999999999", 2, 1.0, 1.0)
	f.Add("1e-1000", "1e1000", 3, 1.0, 0.0)
	f.Fuzz(func(t *testing.T, loS, hiS string, n int, a, b float64) {
		lo, err1 := decimal.NewFromString(loS)
		hi, err2 := decimal.NewFromString(hiS)
		if err1 != nil || err2 != nil {
			return
		}
		// benefit = a√s + b·s: concave for a > 0, linear otherwise.
		benefit := func(s decimal.Decimal) decimal.Decimal {
			return money(a*math.Sqrt(s.InexactFloat64()) + b*s.InexactFloat64())
		}
		if n > 1<<12 && n <= loyalty.MaxSpendSteps {
			n = 1 << 12 // a valid grid as large as the limit only costs time
		}
		inRange := func(d decimal.Decimal) bool {
			e := d.Exponent()
			return e <= loyalty.MaxAmountExponent && e >= -loyalty.MaxAmountExponent
		}
		valid := inRange(lo) && inRange(hi) && lo.Sign() >= 0 && hi.GreaterThan(lo) && n >= 1 && n <= loyalty.MaxSpendSteps &&
			!hi.Sub(lo).LessThan(decimal.New(int64(n), -2))
		best, err := loyalty.OptimalSpendFunc(benefit, lo, hi, n)
		mustSentinel(t, "OptimalSpendFunc", err)
		if err != nil {
			if valid && !strings.Contains(err.Error(), "benefit") {
				t.Fatalf("valid grid [%s, %s]×%d: %v", lo, hi, n, err)
			}
			if !best.Spend.IsZero() || !best.Benefit.IsZero() {
				t.Fatalf("error with a point %+v", best)
			}
			return
		}
		if !valid {
			t.Fatalf("invalid grid [%s, %s]×%d accepted", lo, hi, n)
		}
		if best.Spend.LessThan(lo) || best.Spend.GreaterThan(hi) {
			t.Fatalf("spend %s outside [%s, %s]", best.Spend, lo, hi)
		}
		net := best.Benefit.Sub(best.Spend)
		for _, x := range []decimal.Decimal{lo, hi} {
			if v := benefit(x).Sub(x); v.Sub(net).GreaterThan(decimal.Max(v.Abs(), net.Abs()).Mul(decimal.New(1, -12))) {
				t.Fatalf("net at %s is %s, above the optimum %s at %s", x, v, net, best.Spend)
			}
		}
	})
}

// jsonTargets returns a fresh pointer to a copy of each value, for
// decoding into.
func jsonTargets(typical []any) []any {
	var out []any
	for _, v := range typical {
		p := reflect.New(reflect.TypeOf(v))
		p.Elem().Set(reflect.ValueOf(v))
		out = append(out, p.Interface())
	}
	return out
}

// FuzzUnmarshalJSON feeds every UnmarshalJSON the same document: it must
// fail leaving the value unchanged, with a package error, or succeed and
// then round-trip.
func FuzzUnmarshalJSON(f *testing.F) {
	for _, s := range []string{
		`{}`, `null`, `[]`, `{"n":5,"score":null}`, `{"score":"high"}`, `{"n":1e400}`, `{"n":-1}`,
		`{"margin":"1e999999999"}`, `{"margin":"12.5","retention":null,"timing":"end-after-survival"}`,
		`{"stage":"affective","progress":2}`, `{"stage":"x"}`, `{"loss":[0,0.8,0.4,0.2,0.1,0.015]}`,
		`{"loss":[null,null,null,null,null,null,null]}`, `{"shares":[0,null,1,2,3]}`, `{"timing":7}`,
		`{"interval":{"low":null,"high":1}}`, `{"before":{"retention":null}}`, `{"spend":"abc"}`, `{`, `"x"`,
	} {
		f.Add([]byte(s))
	}
	opts := []cmp.Option{cmpopts.EquateNaNs(), decimalEqual}
	var typical []any // a typical value of every type with JSON methods
	for _, vs := range jsonCases(f) {
		typical = append(typical, vs[len(vs)-1])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range jsonTargets(typical) {
			before := reflect.ValueOf(p).Elem().Interface()
			u := p.(json.Unmarshaler)
			if err := u.UnmarshalJSON(data); err != nil {
				mustSentinel(t, "UnmarshalJSON", err)
				if !errors.Is(err, loyalty.ErrInvalid) {
					t.Fatalf("%T: %v does not wrap ErrInvalid", p, err)
				}
				if after := reflect.ValueOf(p).Elem().Interface(); !cmp.Equal(before, after, opts...) {
					t.Fatalf("%T changed on error %v:\n%s", p, err, cmp.Diff(before, after, opts...))
				}
				continue
			}
			got := reflect.ValueOf(p).Elem().Interface()
			b, err := json.Marshal(got)
			if err != nil {
				// A decoded value that cannot be encoded again is only
				// acceptable for an enumeration out of range.
				if errors.Is(err, loyalty.ErrInvalid) {
					continue
				}
				t.Fatalf("%T: decoded %s but cannot encode it: %v", p, data, err)
			}
			q := reflect.New(reflect.TypeOf(got))
			if err := json.Unmarshal(b, q.Interface()); err != nil {
				t.Fatalf("%T: %s does not decode: %v", p, b, err)
			}
			if !cmp.Equal(got, q.Elem().Interface(), opts...) {
				t.Fatalf("%T: %s does not round-trip:\n%s", p, b, cmp.Diff(got, q.Elem().Interface(), opts...))
			}
		}
	})
}

// FuzzNPSMerge checks that merging two tallies equals counting the whole,
// and that a merge that would overflow int64 is refused, changing nothing.
func FuzzNPSMerge(f *testing.F) {
	f.Add(uint8(9), int64(5), uint8(3), int64(7))
	f.Add(uint8(10), int64(math.MaxInt64), uint8(0), int64(1)) // used to wrap
	f.Add(uint8(10), int64(math.MaxInt64/2+1), uint8(10), int64(math.MaxInt64/2+1))
	f.Add(uint8(11), int64(-1), uint8(255), int64(0))
	f.Fuzz(func(t *testing.T, sa uint8, na int64, sb uint8, nb int64) {
		var a, b loyalty.NPSTally
		errA, errB := a.AddN(int(sa), na), b.AddN(int(sb), nb)
		mustSentinel(t, "AddN", errA)
		mustSentinel(t, "AddN", errB)
		if (errA == nil) != (sa <= 10 && na >= 0) || (errB == nil) != (sb <= 10 && nb >= 0) {
			t.Fatalf("AddN errors %v, %v", errA, errB)
		}
		for _, s := range []int{int(sa), int(sb), -int(sa), int(sa) << 40} {
			if c := a.Count(s); c < 0 || (s < 0 || s > 10) && c != 0 {
				t.Fatalf("Count(%d) = %d", s, c)
			}
		}
		before := a
		err := a.Merge(&b)
		mustSentinel(t, "Merge", err)
		if (err != nil) != (before.N() > math.MaxInt64-b.N()) {
			t.Fatalf("Merge of %d into %d: %v", b.N(), before.N(), err)
		}
		if err != nil {
			if a != before {
				t.Fatal("a refused merge changed the tally")
			}
			return
		}
		var whole loyalty.NPSTally
		for s := 0; s <= 10; s++ {
			if err := whole.AddN(s, before.Count(s)+b.Count(s)); err != nil {
				t.Fatal(err)
			}
		}
		if a != whole {
			t.Fatal("merge of halves differs from the whole")
		}
		r := a.Report()
		if r.N > 0 && (math.IsNaN(r.Score) || math.IsNaN(r.SE) || r.Reason != "") || r.N == 0 && r.Reason == "" {
			t.Fatalf("report %+v", r)
		}
	})
}

// FuzzTrustCrossTabMerge checks that merging the counts of two halves of
// the customers equals counting them all.
func FuzzTrustCrossTabMerge(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 4)
	f.Add([]byte{}, 0)
	f.Add([]byte{255, 9, 8}, 1)
	f.Fuzz(func(t *testing.T, data []byte, cut int) {
		if cut < 0 || cut > len(data) {
			cut = len(data) / 2
		}
		var a, b, whole loyalty.TrustCrossTab
		for i, x := range data {
			s, high := loyalty.Stage(int8(x)>>1), x&1 == 1
			tab := &a
			if i >= cut {
				tab = &b
			}
			err := tab.Add(s, high)
			mustSentinel(t, "Add", err)
			if err2 := whole.Add(s, high); (err == nil) != (err2 == nil) {
				t.Fatalf("Add(%v) errors %v, %v", s, err, err2)
			}
		}
		if err := a.Merge(&b); err != nil {
			t.Fatal(err)
		}
		if a != whole {
			t.Fatal("merge of halves differs from the whole")
		}
		ra, err1 := a.Report(loyalty.DefaultAttitude)
		rw, err2 := whole.Report(loyalty.DefaultAttitude)
		if err1 != nil || err2 != nil || !cmp.Equal(ra, rw, cmpopts.EquateNaNs()) {
			t.Fatalf("reports %+v, %+v", ra, rw)
		}
	})
}
