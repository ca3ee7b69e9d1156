package loyalty

import (
	"fmt"
	"math"
	"sort"

	"github.com/shopspring/decimal"
)

// AfterSales is the yearly cost and benefit of an after-sales service
// programme, by the lines the source documents name (seed 004), and its
// upfront investment. Every line must be non-negative.
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
	name    string
	benefit bool
	get     func(*AfterSales) *decimal.Decimal
}{
	{"labour", false, func(a *AfterSales) *decimal.Decimal { return &a.Labour }},
	{"materials", false, func(a *AfterSales) *decimal.Decimal { return &a.Materials }},
	{"facilities", false, func(a *AfterSales) *decimal.Decimal { return &a.Facilities }},
	{"communication", false, func(a *AfterSales) *decimal.Decimal { return &a.Communication }},
	{"management", false, func(a *AfterSales) *decimal.Decimal { return &a.Management }},
	{"retained margin", true, func(a *AfterSales) *decimal.Decimal { return &a.RetainedMargin }},
	{"repeat purchases", true, func(a *AfterSales) *decimal.Decimal { return &a.RepeatPurchases }},
	{"add-on purchases", true, func(a *AfterSales) *decimal.Decimal { return &a.AddOnPurchases }},
	{"referrals", true, func(a *AfterSales) *decimal.Decimal { return &a.Referrals }},
	{"avoided costs", true, func(a *AfterSales) *decimal.Decimal { return &a.AvoidedCosts }},
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
// return on investment and payback period (seed 004: cost-benefit ratio
// and ROI). Sums are exact decimal arithmetic. It returns an error
// wrapping [ErrInvalid] for a negative line or investment, or a zero
// yearly cost (ratios undefined).
func (a AfterSales) Evaluate() (CostBenefit, error) {
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
	// Input names the cost or benefit line.
	Input string `json:"input"`
	// Low is the yearly net benefit with the input lowered by the
	// percentage.
	Low decimal.Decimal `json:"low"`
	// High is the net benefit with the input raised.
	High decimal.Decimal `json:"high"`
	// Swing is |High − Low|.
	Swing decimal.Decimal `json:"swing"`
}

// Tornado varies each cost and benefit line by ±pct percent (one at a
// time, the others at their values) and returns the resulting yearly net
// benefits, largest swing first (ties in the order of the lines): the
// inputs whose estimates matter most come first (seed 004: sensitivity
// analysis). pct must be in (0, 100]; errors as for Evaluate, or wrapping
// [ErrInvalid] for pct.
func (a AfterSales) Tornado(pct float64) ([]TornadoBar, error) {
	if !(pct > 0 && pct <= 100) {
		return nil, fmt.Errorf("loyalty: tornado percentage %v outside (0, 100]: %w", pct, ErrInvalid)
	}
	if _, err := a.Evaluate(); err != nil {
		return nil, err
	}
	f := decimal.NewFromFloat(pct).Div(decimal.NewFromInt(100))
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
		out = append(out, TornadoBar{Input: l.name, Low: lo.Round(2), High: hi.Round(2), Swing: hi.Sub(lo).Abs().Round(2)})
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

// OptimalSpend performs the marginal analysis of seed 004 on a response
// curve given as points (in any order, distinct spends): it returns the
// steps' marginal benefits and the point where the net benefit (benefit −
// spend) is greatest — for a concave curve, the spend where the marginal
// benefit of one more unit falls to its marginal cost of one. Ties go to
// the smaller spend. Errors wrap [ErrLength] for fewer than two points and
// [ErrInvalid] for a negative spend or a repeated spend.
func OptimalSpend(points []SpendPoint) (SpendPoint, []MarginalStep, error) {
	if len(points) < 2 {
		return SpendPoint{}, nil, fmt.Errorf("loyalty: marginal analysis needs at least two points, have %d: %w", len(points), ErrLength)
	}
	ps := append([]SpendPoint(nil), points...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Spend.LessThan(ps[j].Spend) })
	for i, p := range ps {
		if p.Spend.Sign() < 0 {
			return SpendPoint{}, nil, fmt.Errorf("loyalty: marginal analysis: spend %s is negative: %w", p.Spend, ErrInvalid)
		}
		if i > 0 && p.Spend.Equal(ps[i-1].Spend) {
			return SpendPoint{}, nil, fmt.Errorf("loyalty: marginal analysis: spend %s appears twice: %w", p.Spend, ErrInvalid)
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

// OptimalSpendFunc samples a response curve benefit(spend) at n + 1 evenly
// spaced spends from lo to hi and returns the sampled spend with the
// greatest net benefit (benefit − spend), as [OptimalSpend] does for
// points. The grid's spacing bounds the answer's precision. It returns an
// error wrapping [ErrInvalid] for lo < 0, hi ≤ lo, n < 1, non-finite
// bounds, or a non-finite benefit.
func OptimalSpendFunc(benefit func(spend float64) float64, lo, hi float64, n int) (spend, net float64, err error) {
	if benefit == nil || !(lo >= 0) || !(hi > lo) || math.IsInf(hi, 1) || n < 1 {
		return math.NaN(), math.NaN(), fmt.Errorf("loyalty: OptimalSpendFunc over [%v, %v] with %d steps: %w", lo, hi, n, ErrInvalid)
	}
	spend, net = math.NaN(), math.Inf(-1)
	for i := 0; i <= n; i++ {
		s := lo + (hi-lo)*float64(i)/float64(n)
		b := benefit(s)
		if math.IsNaN(b) || math.IsInf(b, 0) {
			return math.NaN(), math.NaN(), fmt.Errorf("loyalty: OptimalSpendFunc: benefit(%v) = %v: %w", s, b, ErrInvalid)
		}
		if b-s > net {
			spend, net = s, b-s
		}
	}
	return spend, net, nil
}
