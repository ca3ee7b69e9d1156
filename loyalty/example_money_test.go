package loyalty_test

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/loyalty"
	"github.com/shopspring/decimal"
)

func ExampleCLV() {
	for _, tm := range []loyalty.Timing{loyalty.StartOfPeriod, loyalty.EndAfterSurvival, loyalty.EndFirstCertain} {
		v, _ := loyalty.CLV(loyalty.CLVInput{
			Margin: decimal.NewFromInt(100), Retention: 0.8, Discount: 0.1, Timing: tm,
		})
		fmt.Printf("%-30s %s\n", tm, v.StringFixed(2))
	}
	// Output:
	// start of period                366.67
	// end of period, after survival  266.67
	// end of period, first certain   333.33
}

func ExampleMarkovChain_Value() {
	// The simple retention model as a two-state chain.
	c, _ := loyalty.NewMarkovChain(
		[]string{"customer", "lost"},
		[][]float64{{0.8, 0.2}, {0, 1}},
		[]decimal.Decimal{decimal.NewFromInt(100), decimal.Zero},
	)
	v, _ := c.Value(0.1, 0) // infinite horizon
	fmt.Println(v[0].StringFixed(2), v[1].StringFixed(2))
	// Output: 366.67 0.00
}

func ExampleRetentionLever() {
	// A flat 40 a year: V = 40/(d + δ); defection 10% → 5% at d = 10%.
	r, _ := loyalty.RetentionLever([]loyalty.YearProfit{{Base: decimal.NewFromInt(40)}}, 0.10, 0.05, 0.10, decimal.Zero)
	fmt.Printf("%s → %s (%+.1f%%)\n", r.Before.StringFixed(2), r.After.StringFixed(2), 100*r.Change)
	// Output: 200.00 → 266.67 (+33.3%)
}

func ExampleBaseEconomics_SteadyState() {
	b := loyalty.KotlerBaseEconomics(10000, decimal.NewFromInt(250)) // 10% lost a year; keeping costs 1/5
	s, _ := b.SteadyState()
	fmt.Printf("lost %.0f: acquisition %s, retention %s\n", s.Lost, s.ByAcquisition.StringFixed(0), s.ByRetention.StringFixed(0))
	// Output: lost 1000: acquisition 250000, retention 50000
}

func ExampleAfterSales_Tornado() {
	d := decimal.RequireFromString
	a := loyalty.AfterSales{
		Investment: d("150000"),
		Labour:     d("120000"), Materials: d("30000"), Facilities: d("25000"), Communication: d("10000"), Management: d("15000"),
		RetainedMargin: d("180000"), RepeatPurchases: d("60000"), AddOnPurchases: d("25000"), Referrals: d("20000"), AvoidedCosts: d("15000"),
	}
	r, _ := a.Evaluate()
	fmt.Printf("net %s, ratio %s, ROI %s, payback %s years\n", r.Net, r.Ratio, r.ROI, r.PaybackYears)
	bars, _ := a.Tornado(0.10) // ±10%
	for _, b := range bars[:3] {
		lo, hi := b.Range()
		fmt.Printf("%-16s %s … %s\n", b.Input, lo, hi)
	}
	// Output:
	// net 100000, ratio 1.5, ROI 0.5, payback 1.5 years
	// retained margin  82000 … 118000
	// labour           88000 … 112000
	// repeat purchases 94000 … 106000
}

func ExampleOptimalSpendFunc() {
	// A response curve with diminishing returns: benefit 20√spend. The net
	// benefit 20√s − s peaks where the marginal benefit 10/√s falls to 1,
	// at a spend of 100.
	benefit := func(s decimal.Decimal) decimal.Decimal {
		return decimal.NewFromFloat(20 * math.Sqrt(s.InexactFloat64()))
	}
	best, err := loyalty.OptimalSpendFunc(benefit, decimal.Zero, decimal.NewFromInt(400), 400)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("spend %s, benefit %s, net %s\n", best.Spend, best.Benefit, best.Benefit.Sub(best.Spend))
	// Output: spend 100, benefit 200, net 100
}
