package loyalty_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/loyalty"
	"github.com/shopspring/decimal"
)

var dec = decimal.RequireFromString

func TestCLVTable(t *testing.T) {
	// m = 100, r = 0.8, d = 0.1; amounts rounded half away from zero to
	// cents. By hand:
	//   start of period:      100·1.1/0.3 = 366.666… → 366.67
	//   end after survival:   100·0.8/0.3 = 266.666… → 266.67
	//   end, first certain:   100/0.3     = 333.333… → 333.33
	// with growth g = 5%: 1 + d − r(1+g) = 1.1 − 0.84 = 0.26:
	//   110/0.26 = 423.0769…, 80/0.26 = 307.6923…, 100/0.26 = 384.6153…
	// over three periods (q = 0.8/1.1):
	//   start: 100 + 72.7272… + 52.8925… = 225.6198…
	//   first certain: 100/1.1 + 80/1.21 + 64/1.331 = 205.1089…
	//   after survival: 0.8 × 205.1089… = 164.0871…
	tests := []struct {
		timing  loyalty.Timing
		growth  float64
		horizon int
		acq     string
		want    string
	}{
		{loyalty.StartOfPeriod, 0, 0, "0", "366.67"},
		{loyalty.EndAfterSurvival, 0, 0, "0", "266.67"},
		{loyalty.EndFirstCertain, 0, 0, "0", "333.33"},
		{loyalty.StartOfPeriod, 0.05, 0, "0", "423.08"},
		{loyalty.EndAfterSurvival, 0.05, 0, "0", "307.69"},
		{loyalty.EndFirstCertain, 0.05, 0, "0", "384.62"},
		{loyalty.StartOfPeriod, 0, 3, "0", "225.62"},
		{loyalty.EndFirstCertain, 0, 3, "0", "205.11"},
		{loyalty.EndAfterSurvival, 0, 3, "0", "164.09"},
		{loyalty.StartOfPeriod, 0, 0, "50", "316.67"},
	}
	for _, tt := range tests {
		got, err := loyalty.CLV(loyalty.CLVInput{Margin: dec("100"), Retention: 0.8, Discount: 0.1, Growth: tt.growth,
			Horizon: tt.horizon, Timing: tt.timing, AcquisitionCost: dec(tt.acq)})
		if err != nil || !got.Equal(dec(tt.want)) {
			t.Errorf("%v g=%v N=%d: %s, %v; want %s", tt.timing, tt.growth, tt.horizon, got, err, tt.want)
		}
	}
	// The finite sum converges to the closed form.
	for _, tm := range []loyalty.Timing{loyalty.StartOfPeriod, loyalty.EndAfterSurvival, loyalty.EndFirstCertain} {
		inf, _ := loyalty.CLV(loyalty.CLVInput{Margin: dec("100"), Retention: 0.8, Discount: 0.1, Timing: tm})
		fin, _ := loyalty.CLV(loyalty.CLVInput{Margin: dec("100"), Retention: 0.8, Discount: 0.1, Timing: tm, Horizon: 500})
		if !inf.Equal(fin) {
			t.Errorf("%v: 500 periods %s, closed form %s", tm, fin, inf)
		}
		// A constant retention curve gives the finite closed form.
		curve, err := loyalty.CLVCurve(dec("100"), []float64{0.8, 0.8, 0.8}, 0.1, tm, decimal.Zero)
		fin3, _ := loyalty.CLV(loyalty.CLVInput{Margin: dec("100"), Retention: 0.8, Discount: 0.1, Timing: tm, Horizon: 3})
		if err != nil || !curve.Equal(fin3) {
			t.Errorf("%v: curve %s, %v; closed form %s", tm, curve, err, fin3)
		}
	}
	// A rising curve by hand, end after survival: 100·0.5/1.1 +
	// 100·0.5·0.9/1.21 = 45.4545… + 37.1900… = 82.6446… → 82.64.
	if got, err := loyalty.CLVCurve(dec("100"), []float64{0.5, 0.9}, 0.1, loyalty.EndAfterSurvival, decimal.Zero); err != nil || !got.Equal(dec("82.64")) {
		t.Errorf("rising curve: %s, %v", got, err)
	}
}

func TestCLVProperties(t *testing.T) {
	value := func(m string, r, d float64) decimal.Decimal {
		v, err := loyalty.CLV(loyalty.CLVInput{Margin: dec(m), Retention: r, Discount: d, Timing: loyalty.EndFirstCertain})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	prev := value("100", 0, 0.1)
	for r := 0.05; r < 0.95; r += 0.05 {
		if v := value("100", r, 0.1); !v.GreaterThan(prev) {
			t.Errorf("CLV does not rise with retention at %v", r)
		} else {
			prev = v
		}
	}
	if !value("120", 0.7, 0.1).GreaterThan(value("100", 0.7, 0.1)) {
		t.Error("CLV does not rise with margin")
	}
	prev = value("100", 0.7, 0)
	for d := 0.02; d < 1; d += 0.02 {
		if v := value("100", 0.7, d); !v.LessThan(prev) {
			t.Errorf("CLV does not fall with discount at %v", d)
		} else {
			prev = v
		}
	}
}

func TestCLVErrors(t *testing.T) {
	base := loyalty.CLVInput{Margin: dec("100"), Retention: 0.8, Discount: 0.1, Timing: loyalty.StartOfPeriod}
	bad := []func(*loyalty.CLVInput){
		func(in *loyalty.CLVInput) { in.Retention = 1 },
		func(in *loyalty.CLVInput) { in.Retention = -0.1 },
		func(in *loyalty.CLVInput) { in.Retention = math.NaN() },
		func(in *loyalty.CLVInput) { in.Discount = -1 },
		func(in *loyalty.CLVInput) { in.Discount = math.Inf(1) },
		func(in *loyalty.CLVInput) { in.Growth = 0.5 }, // 1.1 ≤ 0.8·1.5
		func(in *loyalty.CLVInput) { in.Growth = -1 },
		func(in *loyalty.CLVInput) { in.Horizon = -1 },
		func(in *loyalty.CLVInput) { in.Timing = loyalty.TimingUnknown },
	}
	for i, f := range bad {
		in := base
		f(&in)
		if _, err := loyalty.CLV(in); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("case %d: %v", i, err)
		}
	}
	// Growth beyond the bound is fine over a finite horizon.
	in := base
	in.Growth, in.Horizon = 0.5, 2
	if _, err := loyalty.CLV(in); err != nil {
		t.Errorf("finite horizon with fast growth: %v", err)
	}
	if _, err := loyalty.CLVCurve(dec("1"), nil, 0.1, loyalty.StartOfPeriod, decimal.Zero); !errors.Is(err, loyalty.ErrEmpty) {
		t.Errorf("empty curve: %v", err)
	}
	if _, err := loyalty.CLVCurve(dec("1"), []float64{1.2}, 0.1, loyalty.StartOfPeriod, decimal.Zero); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("rate above 1: %v", err)
	}
	if l, err := loyalty.ExpectedLifetime(0.8); err != nil || math.Abs(l-5) > 1e-12 {
		t.Errorf("ExpectedLifetime(0.8) = %v, %v", l, err)
	}
	if _, err := loyalty.ExpectedLifetime(1); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("ExpectedLifetime(1): %v", err)
	}
	if c := loyalty.ContinuousRate(0.1); math.Abs(c-math.Log(1.1)) > 1e-15 || math.Abs(loyalty.PeriodRate(c)-0.1) > 1e-15 || !math.IsNaN(loyalty.ContinuousRate(-1)) {
		t.Errorf("rate conversion: %v", c)
	}
	for tm := loyalty.TimingUnknown; tm <= loyalty.EndFirstCertain; tm++ {
		b, err := tm.MarshalText()
		var back loyalty.Timing = 9
		if err != nil || back.UnmarshalText(b) != nil || back != tm {
			t.Errorf("Timing round trip %v", tm)
		}
	}
	var tm loyalty.Timing
	if tm.UnmarshalText([]byte("whenever")) == nil || loyalty.Timing(9).String() != "Timing(9)" {
		t.Error("bad timing accepted")
	}
	if _, err := loyalty.Timing(9).MarshalText(); err == nil {
		t.Error("Timing(9) marshalled")
	}
}

func TestMarkovChain(t *testing.T) {
	// Two states, customer and lost: the retention CLV is its special case.
	c, err := loyalty.NewMarkovChain([]string{"customer", "lost"}, [][]float64{{0.8, 0.2}, {0, 1}}, []decimal.Decimal{dec("100"), dec("0")})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range []int{0, 3} {
		v, err := c.Value(0.1, h)
		want, _ := loyalty.CLV(loyalty.CLVInput{Margin: dec("100"), Retention: 0.8, Discount: 0.1, Timing: loyalty.StartOfPeriod, Horizon: h})
		if err != nil || !v[0].Equal(want) || !v[1].IsZero() {
			t.Errorf("horizon %d: %v, %v; CLV %s", h, v, err, want)
		}
	}
	// Three recency classes; NumPy 1.24.2:
	// np.linalg.solve(np.eye(3) - P/1.2, R) = [118.46153846, 36.92307692, 0]
	// and Σ_{t<4} (P/1.2)^t R = [98.01215278, 22.21064815, 0].
	c, err = loyalty.NewMarkovChain([]string{"recent", "lapsing", "lost"},
		[][]float64{{0.6, 0.3, 0.1}, {0.3, 0.4, 0.3}, {0, 0, 1}}, []decimal.Decimal{dec("50"), dec("-5"), dec("0")})
	if err != nil {
		t.Fatal(err)
	}
	v, err := c.Value(0.2, 0)
	if err != nil || !v[0].Equal(dec("118.46")) || !v[1].Equal(dec("36.92")) {
		t.Errorf("infinite: %v, %v", v, err)
	}
	v, err = c.Value(0.2, 4)
	if err != nil || !v[0].Equal(dec("98.01")) || !v[1].Equal(dec("22.21")) || len(c.States()) != 3 {
		t.Errorf("four periods: %v, %v", v, err)
	}
	// Undiscounted and never leaving: the infinite value does not exist.
	loop, _ := loyalty.NewMarkovChain([]string{"a"}, [][]float64{{1}}, []decimal.Decimal{dec("1")})
	if _, err := loop.Value(0, 0); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("singular system: %v", err)
	}
	bad := []struct {
		states []string
		p      [][]float64
		r      []decimal.Decimal
	}{
		{nil, nil, nil},
		{[]string{"a", "b"}, [][]float64{{1, 0}}, []decimal.Decimal{dec("1"), dec("1")}},
		{[]string{"a", "b"}, [][]float64{{0.5, 0.4}, {0, 1}}, []decimal.Decimal{dec("1"), dec("1")}},
		{[]string{"a", "b"}, [][]float64{{1.5, -0.5}, {0, 1}}, []decimal.Decimal{dec("1"), dec("1")}},
		{[]string{"a", "b"}, [][]float64{{1, 0}, {0, 1, 0}}, []decimal.Decimal{dec("1"), dec("1")}},
		{[]string{"a", "b"}, [][]float64{{math.NaN(), 1}, {0, 1}}, []decimal.Decimal{dec("1"), dec("1")}},
	}
	for i, b := range bad {
		if _, err := loyalty.NewMarkovChain(b.states, b.p, b.r); err == nil {
			t.Errorf("bad chain %d accepted", i)
		}
	}
	if _, err := c.Value(-1, 0); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("d = −1: %v", err)
	}
	if _, err := c.Value(0.1, -2); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("negative horizon: %v", err)
	}
}

func TestRetentionLever(t *testing.T) {
	// A flat profit p per year, end of year, first year certain: V(δ) =
	// p/(d+δ). p = 40, d = 0.1: δ = 0.10 → 200.00, δ = 0.05 → 266.67;
	// change 266.67/200 − 1 = 0.33335.
	flat := []loyalty.YearProfit{{Base: dec("40")}}
	r, err := loyalty.RetentionLever(flat, 0.10, 0.05, 0.10, decimal.Zero)
	if err != nil || !r.Before.Equal(dec("200")) || !r.After.Equal(dec("266.67")) || math.Abs(r.Change-0.33335) > 1e-12 ||
		math.Abs(r.LifetimeBefore-10) > 1e-12 || math.Abs(r.LifetimeAfter-20) > 1e-12 {
		t.Errorf("flat profile: %+v, %v", r, err)
	}
	// The illustrative profile (rising with tenure), acquisition 50:
	// independently in Python (same formula, plain loops) 202.27 → 313.82,
	// +55.1%.
	r, err = loyalty.RetentionLever(loyalty.IllustrativeProfile(), 0.10, 0.05, 0.10, dec("50"))
	if err != nil || !r.Before.Equal(dec("202.27")) || !r.After.Equal(dec("313.82")) {
		t.Errorf("illustrative profile: %+v, %v", r, err)
	}
	if y := loyalty.IllustrativeProfile()[6]; !y.Total().Equal(dec("71")) {
		t.Errorf("year 7 total %s, want 25+22+10+9+5 = 71", y.Total())
	}
	for _, c := range []struct{ def, red, d float64 }{{0, 0, 0.1}, {0.1, 0.1, 0.1}, {0.1, -0.01, 0.1}, {0.1, 0.05, -1}, {1.5, 0.1, 0.1}} {
		if _, err := loyalty.RetentionLever(flat, c.def, c.red, c.d, decimal.Zero); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("%+v: %v", c, err)
		}
	}
	if _, err := loyalty.RetentionLever(nil, 0.1, 0.05, 0.1, decimal.Zero); !errors.Is(err, loyalty.ErrEmpty) {
		t.Errorf("empty profile: %v", err)
	}
	if _, err := loyalty.RetentionLever(flat, 0.1, 0.05, 0.1, dec("1000")); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("worthless customer: %v", err)
	}
}

func TestBaseEconomics(t *testing.T) {
	b := loyalty.KotlerBaseEconomics(10000, dec("250"))
	// By hand: 10% of 10,000 = 1,000 lost; replacing them costs 1,000 ×
	// 250 = 250,000; keeping them a fifth of that, 50,000.
	s, err := b.SteadyState()
	if err != nil || s.Lost != 1000 || !s.ByAcquisition.Equal(dec("250000")) || !s.ByRetention.Equal(dec("50000")) || !s.Saving.Equal(dec("200000")) {
		t.Errorf("steady state %+v, %v", s, err)
	}
	// Halving the loss rate saves 500 acquisitions: 125,000 a year.
	if be, err := b.BreakEven(0.05); err != nil || !be.Equal(dec("125000")) {
		t.Errorf("break-even %s, %v", be, err)
	}
	if _, err := b.BreakEven(0.2); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("loss rate up: %v", err)
	}
	for _, bad := range []loyalty.BaseEconomics{{Customers: -1}, {LossRate: 2}, {RetentionCostRatio: -1}, {AcquisitionCost: dec("-1")}} {
		if _, err := bad.SteadyState(); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}

func afterSalesSample() loyalty.AfterSales {
	return loyalty.AfterSales{
		Investment: dec("150000"),
		Labour:     dec("120000"), Materials: dec("30000"), Facilities: dec("25000"), Communication: dec("10000"), Management: dec("15000"),
		RetainedMargin: dec("180000"), RepeatPurchases: dec("60000"), AddOnPurchases: dec("25000"), Referrals: dec("20000"), AvoidedCosts: dec("15000"),
	}
}

func TestAfterSales(t *testing.T) {
	// By hand: cost 200,000, benefit 300,000, net 100,000, ratio 1.5, ROI
	// 0.5, payback 150,000/100,000 = 1.5 years.
	r, err := afterSalesSample().Evaluate()
	if err != nil || !r.Cost.Equal(dec("200000")) || !r.Benefit.Equal(dec("300000")) || !r.Net.Equal(dec("100000")) ||
		!r.Ratio.Equal(dec("1.5")) || !r.ROI.Equal(dec("0.5")) || !r.PaybackYears.Equal(dec("1.5")) {
		t.Errorf("Evaluate = %+v, %v", r, err)
	}
	// ±10%: each line swings by 20% of its value; retained margin 36,000
	// (net 82,000 to 118,000), labour 24,000 (a cost: 112,000 to 88,000),
	// …; facilities and add-ons tie at 5,000 and keep the lines' order.
	bars, err := afterSalesSample().Tornado(0.1)
	if err != nil {
		t.Fatal(err)
	}
	order := []string{"retained margin", "labour", "repeat purchases", "materials", "facilities", "add-on purchases", "referrals", "management", "avoided costs", "communication"}
	for i, b := range bars {
		if b.Input != order[i] {
			t.Errorf("bar %d = %s, want %s", i, b.Input, order[i])
		}
	}
	if b := bars[0]; !b.Lowered.Equal(dec("82000")) || !b.Raised.Equal(dec("118000")) || !b.Swing.Equal(dec("36000")) || b.Cost || b.Chinese != "留存客户利润" {
		t.Errorf("retained margin bar %+v", b)
	}
	// A cost line: raising labour lowers the net, and Range puts the ends
	// in order (the old Low/High printed "112000 … 88000", reversed).
	if b := bars[1]; !b.Lowered.Equal(dec("112000")) || !b.Raised.Equal(dec("88000")) || !b.Cost || b.Chinese != "人力成本" {
		t.Errorf("labour bar %+v", b)
	}
	for _, b := range bars {
		lo, hi := b.Range()
		if lo.GreaterThan(hi) || !hi.Sub(lo).Equal(b.Swing) {
			t.Errorf("%s: Range %s … %s, swing %s", b.Input, lo, hi, b.Swing)
		}
	}
	if lo, hi := bars[1].Range(); !lo.Equal(dec("88000")) || !hi.Equal(dec("112000")) {
		t.Errorf("labour Range %s … %s, want 88000 … 112000", lo, hi)
	}
	for _, c := range []float64{0, -0.1, 1.5, 10, math.NaN(), math.Inf(1)} {
		if _, err := afterSalesSample().Tornado(c); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Tornado(%v): %v", c, err)
		}
	}
	neg := afterSalesSample()
	neg.Referrals = dec("-1")
	if _, err := neg.Evaluate(); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("negative line: %v", err)
	}
	if _, err := (loyalty.AfterSales{RetainedMargin: dec("1")}).Evaluate(); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("no cost: %v", err)
	}
	loss := afterSalesSample()
	loss.RetainedMargin = dec("50000") // net −30,000: never pays back
	if r, err := loss.Evaluate(); err != nil || !r.PaybackYears.Equal(dec("-1")) {
		t.Errorf("loss-making: %+v, %v", r, err)
	}
}

func TestOptimalSpend(t *testing.T) {
	// Net benefit 0, 20, 30, 32, 30, 25: best at 30; marginal benefits 3,
	// 2, 1.2, 0.8, 0.5 fall below 1 after 30.
	pts := []loyalty.SpendPoint{{dec("50"), dec("75")}, {dec("0"), dec("0")}, {dec("10"), dec("30")}, {dec("20"), dec("50")}, {dec("30"), dec("62")}, {dec("40"), dec("70")}}
	best, steps, err := loyalty.OptimalSpend(pts)
	if err != nil || !best.Spend.Equal(dec("30")) {
		t.Fatalf("best %+v, %v", best, err)
	}
	for i, want := range []string{"3", "2", "1.2", "0.8", "0.5"} {
		if !steps[i].Marginal.Equal(dec(want)) {
			t.Errorf("step %d marginal %s, want %s", i, steps[i].Marginal, want)
		}
	}
	// benefit 20√s: net 20√s − s peaks where 10/√s = 1, at s = 100.
	best, err = loyalty.OptimalSpendFunc(func(s decimal.Decimal) decimal.Decimal {
		return decimal.NewFromFloat(20 * math.Sqrt(s.InexactFloat64()))
	}, dec("0"), dec("400"), 400)
	if err != nil || !best.Spend.Equal(dec("100")) || !best.Benefit.Equal(dec("200")) {
		t.Errorf("OptimalSpendFunc = %+v, %v", best, err)
	}
	if _, _, err := loyalty.OptimalSpend(pts[:1]); !errors.Is(err, loyalty.ErrLength) {
		t.Errorf("one point: %v", err)
	}
	if _, _, err := loyalty.OptimalSpend([]loyalty.SpendPoint{{dec("1"), dec("1")}, {dec("1"), dec("2")}}); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("repeated spend: %v", err)
	}
	if _, err := loyalty.OptimalSpendFunc(nil, dec("0"), dec("1"), 2); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("nil benefit: %v", err)
	}
	for _, b := range [][2]string{{"-1", "1"}, {"1", "1"}, {"2", "1"}, {"0", "1e1001"}} {
		if _, err := loyalty.OptimalSpendFunc(func(s decimal.Decimal) decimal.Decimal { return s }, dec(b[0]), dec(b[1]), 2); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("bounds %v: %v", b, err)
		}
	}
}

// FuzzCLV takes the margin as a float (converted to a decimal with care)
// and any horizon: the sum is in closed form, so math.MaxInt periods cost
// what 3 do.
func FuzzCLV(f *testing.F) {
	f.Add(100.0, 0.8, 0.1, 0.0, 0, uint8(1), 0.0)
	f.Add(100.0, 0.8, 10.0, 0.0, 0, uint8(1), 0.0) // a percentage typed as a rate
	f.Add(-5.0, 1.0, -1.0, -1.0, -1, uint8(0), 0.0)
	f.Add(4.6e16, 0.999999, 1e-9, 0.5, 100000, uint8(3), 1.0)
	f.Add(1.0, math.NaN(), math.Inf(1), math.Inf(-1), 0, uint8(2), math.NaN())
	f.Add(1e308, 0.9, 0.0, 1.0, math.MaxInt, uint8(1), -1e308)
	f.Add(100.0, 0.8, 0.1, 0.0, math.MaxInt, uint8(2), 0.0)
	f.Add(100.0, 0.5, 0.0, 1.0, 1<<40, uint8(3), 0.0)
	f.Add(1e-300, 0.0, 1.0, -0.999999, 7, uint8(1), 5e-324)
	f.Fuzz(func(t *testing.T, margin, r, d, g float64, horizon int, timing uint8, acq float64) {
		in := loyalty.CLVInput{Margin: money(margin), Retention: r, Discount: d, Growth: g, Horizon: horizon,
			Timing: loyalty.Timing(timing % 5), AcquisitionCost: money(acq)}
		v, err := loyalty.CLV(in)
		valid := r >= 0 && r < 1 && d >= 0 && d <= 1 && g > -1 && g <= 1 && horizon >= 0 &&
			in.Timing >= loyalty.StartOfPeriod && in.Timing <= loyalty.EndFirstCertain && (horizon > 0 || 1+d > r*(1+g))
		if err != nil {
			mustSentinel(t, "CLV", err)
			if !errors.Is(err, loyalty.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			if valid && !rangeErr(err) {
				t.Fatalf("valid input %+v: %v", in, err)
			}
			return
		}
		if !valid {
			t.Fatalf("invalid input %+v accepted: %s", in, v)
		}
		if margin >= 0 && !(acq > 0) && v.Sign() < 0 {
			t.Fatalf("negative value %s for a non-negative margin", v)
		}
		// A finite horizon is worth no more than the infinite one.
		if horizon > 0 && margin >= 0 {
			whole := in
			whole.Horizon = 0
			if w, err := loyalty.CLV(whole); err == nil && v.GreaterThan(w.Add(decimal.New(1, -2)).Add(w.Abs().Mul(decimal.New(1, -9)))) {
				t.Fatalf("%d periods %s above the infinite horizon %s", horizon, v, w)
			}
		}
		// Without growth, StartOfPeriod is the two-state Markov chain.
		if g == 0 && in.Timing == loyalty.StartOfPeriod && acq == 0 {
			c, err := loyalty.NewMarkovChain([]string{"c", "l"}, [][]float64{{r, 1 - r}, {0, 1}}, []decimal.Decimal{in.Margin, decimal.Zero})
			if err != nil {
				t.Fatal(err)
			}
			if mv, err := c.Value(d, horizon); err == nil && !near(mv[0], v, 0.011, 1e-9) {
				t.Fatalf("Markov %s, CLV %s", mv[0], v)
			}
		}
	})
}

func FuzzAfterSales(f *testing.F) {
	f.Add(int64(150000), int64(200000), int64(300000), 10.0)
	f.Add(int64(0), int64(0), int64(0), 0.0)
	f.Add(int64(-1), int64(5), int64(-5), 150.0)
	f.Fuzz(func(t *testing.T, inv, cost, benefit int64, pct float64) {
		a := loyalty.AfterSales{Investment: decimal.NewFromInt(inv), Labour: decimal.NewFromInt(cost), RetainedMargin: decimal.NewFromInt(benefit)}
		if r, err := a.Evaluate(); err == nil && !r.Net.Equal(r.Benefit.Sub(r.Cost)) {
			t.Fatalf("net %s ≠ %s − %s", r.Net, r.Benefit, r.Cost)
		}
		_, _ = a.Tornado(pct / 100)
		_, _, _ = loyalty.OptimalSpend([]loyalty.SpendPoint{{decimal.NewFromInt(inv), decimal.NewFromInt(benefit)}, {decimal.NewFromInt(cost), decimal.NewFromInt(benefit)}})
	})
}

func BenchmarkCLV(b *testing.B) {
	in := loyalty.CLVInput{Margin: dec("100"), Retention: 0.8, Discount: 0.1, Growth: 0.02, Timing: loyalty.EndAfterSurvival}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := loyalty.CLV(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCLVCurve(b *testing.B) {
	curve := make([]float64, 120)
	for i := range curve {
		curve[i] = 0.6 + 0.003*float64(i)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := loyalty.CLVCurve(dec("100"), curve, 0.01, loyalty.EndAfterSurvival, decimal.Zero); err != nil {
			b.Fatal(err)
		}
	}
}
