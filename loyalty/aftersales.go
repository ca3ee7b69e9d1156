package loyalty

import (
	"fmt"
	"reflect"
	"sort"

	"github.com/shopspring/decimal"
)

// AfterSales is the yearly cost and benefit of an after-sales service
// programme, in the cost lines (labour, materials, facilities,
// communication, management) and benefit lines of a textbook cost-benefit
// analysis, and its upfront investment. Every line must be non-negative. It is a plain
// value, safe to copy and to share.
type AfterSales struct {
	// Investment is the one-off cost of setting the programme up.
	Investment decimal.Decimal `json:"investment"`

	// Labour is the yearly cost of service staff.
	Labour decimal.Decimal `json:"labour"`
	// Materials is the yearly cost of parts and materials.
	Materials decimal.Decimal `json:"materials"`
	// Facilities is the yearly cost of premises and equipment.
	Facilities decimal.Decimal `json:"facilities"`
	// Communication is the yearly cost of telephone, post and messaging.
	Communication decimal.Decimal `json:"communication"`
	// Management is the yearly cost of managing the programme.
	Management decimal.Decimal `json:"management"`

	// RetainedMargin is the yearly margin of customers kept by the service.
	RetainedMargin decimal.Decimal `json:"retained_margin"`
	// RepeatPurchases is the yearly margin of extra repeat purchases.
	RepeatPurchases decimal.Decimal `json:"repeat_purchases"`
	// AddOnPurchases is the yearly margin of add-on and upgrade sales.
	AddOnPurchases decimal.Decimal `json:"add_on_purchases"`
	// Referrals is the yearly margin of customers won by recommendation.
	Referrals decimal.Decimal `json:"referrals"`
	// AvoidedCosts is the yearly cost avoided (complaints, returns, lost
	// reputation).
	AvoidedCosts decimal.Decimal `json:"avoided_costs"`
}

// afterSalesLines lists the lines in order, with accessors, for
// validation and sensitivity analysis.
var afterSalesLines = []struct {
	name, chinese string
	benefit       bool
	get           func(*AfterSales) *decimal.Decimal
}{
	{"labour", "人力成本", false, func(a *AfterSales) *decimal.Decimal { return &a.Labour }},
	{"materials", "物料成本", false, func(a *AfterSales) *decimal.Decimal { return &a.Materials }},
	{"facilities", "设施成本", false, func(a *AfterSales) *decimal.Decimal { return &a.Facilities }},
	{"communication", "沟通成本", false, func(a *AfterSales) *decimal.Decimal { return &a.Communication }},
	{"management", "管理成本", false, func(a *AfterSales) *decimal.Decimal { return &a.Management }},
	{"retained margin", "留存客户利润", true, func(a *AfterSales) *decimal.Decimal { return &a.RetainedMargin }},
	{"repeat purchases", "重复购买", true, func(a *AfterSales) *decimal.Decimal { return &a.RepeatPurchases }},
	{"add-on purchases", "追加购买", true, func(a *AfterSales) *decimal.Decimal { return &a.AddOnPurchases }},
	{"referrals", "推荐带来的客户", true, func(a *AfterSales) *decimal.Decimal { return &a.Referrals }},
	{"avoided costs", "避免的成本", true, func(a *AfterSales) *decimal.Decimal { return &a.AvoidedCosts }},
}

// CostBenefit is the evaluation of an after-sales programme.
type CostBenefit struct {
	// Cost is the yearly cost, the sum of the cost lines.
	Cost decimal.Decimal `json:"cost"`
	// Benefit is the yearly benefit, the sum of the benefit lines.
	Benefit decimal.Decimal `json:"benefit"`
	// Net is Benefit − Cost per year.
	Net decimal.Decimal `json:"net"`
	// Ratio is Benefit/Cost, rounded half away from zero to 4 places.
	Ratio decimal.Decimal `json:"ratio"`
	// ROI is (Benefit − Cost)/Cost, rounded the same way.
	ROI decimal.Decimal `json:"roi"`
	// PaybackYears is Investment/Net in years (2 places), or −1 when the
	// programme never pays back (Net ≤ 0 with a positive investment).
	PaybackYears decimal.Decimal `json:"payback_years"`
}

// Evaluate returns the programme's yearly net benefit, benefit-cost ratio,
// return on investment and payback period (textbook cost-benefit
// analysis: benefit-cost ratio and return on investment). Sums are exact decimal arithmetic, so no amount overflows. It
// returns an error wrapping [ErrInvalid], naming the line, for a negative
// line or investment, an amount whose exponent exceeds
// [MaxAmountExponent], or a zero yearly cost (ratios undefined).
func (a AfterSales) Evaluate() (CostBenefit, error) {
	if err := checkAmounts("AfterSales", reflect.ValueOf(a)); err != nil {
		return CostBenefit{}, err
	}
	if a.Investment.Sign() < 0 {
		return CostBenefit{}, fmt.Errorf("loyalty: after-sales investment %s is negative: %w", a.Investment, ErrInvalid)
	}
	var r CostBenefit
	for _, l := range afterSalesLines {
		v := *l.get(&a)
		if v.Sign() < 0 {
			return CostBenefit{}, fmt.Errorf("loyalty: after-sales %s %s is negative: %w", l.name, v, ErrInvalid)
		}
		if l.benefit {
			r.Benefit = r.Benefit.Add(v)
		} else {
			r.Cost = r.Cost.Add(v)
		}
	}
	if r.Cost.IsZero() {
		return CostBenefit{}, fmt.Errorf("loyalty: after-sales programme has no yearly cost: ratios undefined: %w", ErrInvalid)
	}
	r.Net = r.Benefit.Sub(r.Cost)
	r.Ratio = r.Benefit.DivRound(r.Cost, 4)
	r.ROI = r.Net.DivRound(r.Cost, 4)
	switch {
	case a.Investment.IsZero():
		r.PaybackYears = decimal.Zero
	case r.Net.Sign() <= 0:
		r.PaybackYears = decimal.NewFromInt(-1)
	default:
		r.PaybackYears = a.Investment.DivRound(r.Net, 2)
	}
	return r, nil
}

// TornadoBar is one input's effect on the net benefit in a sensitivity
// analysis.
type TornadoBar struct {
	// Input names the cost or benefit line in English ("labour",
	// "retained margin"); Chinese names it in Chinese (人力成本, 留存客户利润).
	Input   string `json:"input"`
	Chinese string `json:"chinese"`
	// Cost reports that the line is a cost: raising it lowers the net.
	Cost bool `json:"cost"`
	// Lowered is the yearly net benefit with the input lowered by the
	// change.
	Lowered decimal.Decimal `json:"lowered"`
	// Raised is the yearly net benefit with the input raised by the
	// change. For a cost line Raised < Lowered.
	Raised decimal.Decimal `json:"raised"`
	// Swing is |Raised − Lowered|.
	Swing decimal.Decimal `json:"swing"`
}

// Range returns the bar's net benefits in order, lo ≤ hi, whichever
// direction of the input gives them: the extent to draw.
func (b TornadoBar) Range() (lo, hi decimal.Decimal) {
	if b.Raised.LessThan(b.Lowered) {
		return b.Raised, b.Lowered
	}
	return b.Lowered, b.Raised
}

// Tornado varies each cost and benefit line by ±change (a fraction: 0.1
// for ±10%; one line at a time, the others at their values) and returns
// the resulting yearly net benefits, largest swing first: the inputs whose
// estimates matter most come first (one-at-a-time sensitivity analysis,
// textbook managerial economics). Swings are
// exact decimals (rounded to cents), so equal swings are exact ties; ties
// keep the order of the lines: labour, materials, facilities,
// communication, management, retained margin, repeat purchases, add-on
// purchases, referrals, avoided costs. change must be in (0, 1]; errors
// as for Evaluate, or wrapping [ErrInvalid] for change.
func (a AfterSales) Tornado(change float64) ([]TornadoBar, error) {
	if !(change > 0 && change <= 1) {
		return nil, fmt.Errorf("loyalty: Tornado change %v outside (0, 1] (a fraction, 0.1 for ±10%%): %w", change, ErrInvalid)
	}
	if _, err := a.Evaluate(); err != nil {
		return nil, err
	}
	f := decimal.NewFromFloat(change)
	out := make([]TornadoBar, 0, len(afterSalesLines))
	for _, l := range afterSalesLines {
		net := func(scale decimal.Decimal) decimal.Decimal {
			b := a
			p := l.get(&b)
			*p = p.Mul(scale)
			var n decimal.Decimal
			for _, m := range afterSalesLines {
				v := *m.get(&b)
				if m.benefit {
					n = n.Add(v)
				} else {
					n = n.Sub(v)
				}
			}
			return n
		}
		lo, hi := net(decimal.NewFromInt(1).Sub(f)), net(decimal.NewFromInt(1).Add(f))
		out = append(out, TornadoBar{Input: l.name, Chinese: l.chinese, Cost: !l.benefit,
			Lowered: lo.Round(2), Raised: hi.Round(2), Swing: hi.Sub(lo).Abs().Round(2)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Swing.GreaterThan(out[j].Swing) })
	return out, nil
}

// SpendPoint is one point of a response curve: yearly service spend and
// the benefit it brings.
type SpendPoint struct {
	// Spend is the yearly spend.
	Spend decimal.Decimal `json:"spend"`
	// Benefit is the yearly benefit at that spend.
	Benefit decimal.Decimal `json:"benefit"`
}

// MarginalStep is the marginal benefit between two points of a response
// curve: ΔBenefit/ΔSpend, rounded half away from zero to 4 places.
type MarginalStep struct {
	// From and To are the spends at the ends of the step.
	From decimal.Decimal `json:"from"`
	// To is the spend at the end of the step.
	To decimal.Decimal `json:"to"`
	// Marginal is the benefit of one more unit of spend on this step.
	Marginal decimal.Decimal `json:"marginal"`
}

// OptimalSpend performs a marginal analysis (textbook managerial
// economics: spend while one more unit of service returns more than it
// costs) on a response curve given as points (in any order, distinct spends): it returns the
// steps' marginal benefits and the point where the net benefit (benefit −
// spend) is greatest — for a concave curve, the spend where the marginal
// benefit of one more unit falls to its marginal cost of one. Ties go to
// the smaller spend (decimal arithmetic is exact, so a tie is exact).
// Errors wrap [ErrEmpty] for no points, [ErrLength] for one point and
// [ErrInvalid] for a negative spend or a repeated spend (naming the
// point's index).
func OptimalSpend(points []SpendPoint) (SpendPoint, []MarginalStep, error) {
	if len(points) == 0 {
		return SpendPoint{}, nil, fmt.Errorf("loyalty: OptimalSpend needs at least two points, have none: %w", ErrEmpty)
	}
	if len(points) < 2 {
		return SpendPoint{}, nil, fmt.Errorf("loyalty: OptimalSpend needs at least two points, have %d: %w", len(points), ErrLength)
	}
	for i, p := range points {
		if err := checkAmounts(fmt.Sprintf("OptimalSpend point %d", i), reflect.ValueOf(p)); err != nil {
			return SpendPoint{}, nil, err
		}
		if p.Spend.Sign() < 0 {
			return SpendPoint{}, nil, fmt.Errorf("loyalty: OptimalSpend point %d: spend %s is negative: %w", i, p.Spend, ErrInvalid)
		}
	}
	ps := append([]SpendPoint(nil), points...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Spend.LessThan(ps[j].Spend) })
	for i, p := range ps {
		if i > 0 && p.Spend.Equal(ps[i-1].Spend) {
			return SpendPoint{}, nil, fmt.Errorf("loyalty: OptimalSpend: spend %s appears twice: %w", p.Spend, ErrInvalid)
		}
	}
	steps := make([]MarginalStep, len(ps)-1)
	best := 0
	for i := range ps {
		if i > 0 {
			steps[i-1] = MarginalStep{From: ps[i-1].Spend, To: ps[i].Spend,
				Marginal: ps[i].Benefit.Sub(ps[i-1].Benefit).DivRound(ps[i].Spend.Sub(ps[i-1].Spend), 4)}
		}
		if ps[i].Benefit.Sub(ps[i].Spend).GreaterThan(ps[best].Benefit.Sub(ps[best].Spend)) {
			best = i
		}
	}
	return ps[best], steps, nil
}

// tieTolerance is the relative difference below which two nets tie.
var tieTolerance = decimal.New(1, -12)

// MaxSpendSteps is the largest grid [OptimalSpendFunc] accepts: the
// number of steps n, so at most MaxSpendSteps + 1 calls of the benefit
// function.
const MaxSpendSteps = 1 << 20

// OptimalSpendFunc samples a response curve benefit(spend) at n + 1 evenly
// spaced spends from lo to hi, sᵢ = lo + (hi − lo)·i/n rounded half away
// from zero to cents between the ends lo and hi themselves, and returns the sampled point with the greatest net
// benefit (benefit − spend), as [OptimalSpend] does for given points: a
// marginal analysis on a curve. The grid's spacing bounds the answer's
// precision; its step must be at least a cent, so hi − lo ≥ n·0.01. Nets
// within 1e-12 of each other, relative to the larger in magnitude, are
// ties, and ties go to the smaller spend, so rounding noise in benefit
// does not decide the answer. benefit is called from one goroutine, in order of
// increasing spend.
//
// It returns an error wrapping [ErrInvalid], naming the argument, for a
// nil benefit, lo < 0, hi ≤ lo, an amount whose exponent lies beyond
// ±[MaxAmountExponent] (lo, hi or a benefit), n < 1 or n >
// [MaxSpendSteps], or a grid step below a cent.
func OptimalSpendFunc(benefit func(spend decimal.Decimal) decimal.Decimal, lo, hi decimal.Decimal, n int) (SpendPoint, error) {
	switch {
	case benefit == nil:
		return SpendPoint{}, fmt.Errorf("loyalty: OptimalSpendFunc: benefit function is nil: %w", ErrInvalid)
	case n < 1 || n > MaxSpendSteps:
		return SpendPoint{}, fmt.Errorf("loyalty: OptimalSpendFunc: steps n = %d outside 1..%d: %w", n, MaxSpendSteps, ErrInvalid)
	}
	if err := checkAmount("OptimalSpendFunc lo", lo); err != nil {
		return SpendPoint{}, err
	}
	if err := checkAmount("OptimalSpendFunc hi", hi); err != nil {
		return SpendPoint{}, err
	}
	switch {
	case lo.Sign() < 0:
		return SpendPoint{}, fmt.Errorf("loyalty: OptimalSpendFunc: lo %s must be ≥ 0: %w", lo, ErrInvalid)
	case !hi.GreaterThan(lo):
		return SpendPoint{}, fmt.Errorf("loyalty: OptimalSpendFunc: hi %s must be > lo %s: %w", hi, lo, ErrInvalid)
	}
	width := hi.Sub(lo)
	if width.LessThan(decimal.New(int64(n), -2)) {
		return SpendPoint{}, fmt.Errorf("loyalty: OptimalSpendFunc: hi − lo = %s is less than n = %d cents, so the grid step would be below a cent: %w", width, n, ErrInvalid)
	}
	var best SpendPoint
	var bestNet decimal.Decimal
	nn := decimal.NewFromInt(int64(n))
	for i := 0; i <= n; i++ {
		s := lo
		switch {
		case i == n:
			s = hi
		case i > 0:
			s = lo.Add(width.Mul(decimal.NewFromInt(int64(i))).DivRound(nn, 2)).Round(2)
		}
		b := benefit(s)
		if err := checkAmount(fmt.Sprintf("OptimalSpendFunc benefit at spend %s", s), b); err != nil {
			return SpendPoint{}, err
		}
		net := b.Sub(s)
		if i == 0 || net.Sub(bestNet).GreaterThan(tieTolerance.Mul(decimal.Max(net.Abs(), bestNet.Abs()))) {
			best, bestNet = SpendPoint{Spend: s, Benefit: b}, net
		}
	}
	return best, nil
}
