package loyalty

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"
)

// Figures for the economics of a customer base quoted by Kotler & Keller,
// Marketing Management: an average company loses about 10% of its
// customers a year, and winning a new customer costs five times as much
// as keeping one.
const (
	// KotlerLossRate is the share of its customers an average company loses
	// each year: 10% (Kotler & Keller).
	KotlerLossRate = 0.10
	// KotlerRetentionCostRatio is the cost of keeping a customer as a
	// fraction of the cost of winning a new one: winning one costs five
	// times as much (Kotler & Keller), so 1/5.
	KotlerRetentionCostRatio = 1.0 / 5
)

// BaseEconomics describes a customer base for comparing acquisition with
// retention. It is a plain value, safe to copy and to share.
type BaseEconomics struct {
	// Customers is the size of the base.
	Customers int64 `json:"customers"`
	// LossRate is the share lost per year, a fraction in [0, 1] (default
	// [KotlerLossRate]).
	LossRate float64 `json:"loss_rate"`
	// AcquisitionCost is the cost of winning one new customer.
	AcquisitionCost decimal.Decimal `json:"acquisition_cost"`
	// RetentionCostRatio is the cost of keeping one customer who would
	// have left, as a fraction of AcquisitionCost (default
	// [KotlerRetentionCostRatio]).
	RetentionCostRatio float64 `json:"retention_cost_ratio"`
}

// KotlerBaseEconomics returns a base of the given size and acquisition cost
// with Kotler & Keller's loss rate (10% a year, [KotlerLossRate]) and cost
// ratio (keeping a customer costs a fifth of winning one,
// [KotlerRetentionCostRatio]).
func KotlerBaseEconomics(customers int64, acquisitionCost decimal.Decimal) BaseEconomics {
	return BaseEconomics{Customers: customers, LossRate: KotlerLossRate, AcquisitionCost: acquisitionCost, RetentionCostRatio: KotlerRetentionCostRatio}
}

// SteadyState compares two ways of holding the base steady for a year.
type SteadyState struct {
	// Lost is the number of customers lost in a year, Customers·LossRate.
	Lost float64 `json:"lost"`
	// ByAcquisition is the spend to replace them: Lost·AcquisitionCost.
	ByAcquisition decimal.Decimal `json:"by_acquisition"`
	// ByRetention is the spend to keep them instead:
	// Lost·AcquisitionCost·RetentionCostRatio.
	ByRetention decimal.Decimal `json:"by_retention"`
	// Saving is ByAcquisition − ByRetention.
	Saving decimal.Decimal `json:"saving"`
}

func (b BaseEconomics) check() error {
	switch {
	case b.Customers < 0:
		return fmt.Errorf("loyalty: BaseEconomics.Customers %d is negative: %w", b.Customers, ErrInvalid)
	case !(b.LossRate >= 0 && b.LossRate <= 1):
		return fmt.Errorf("loyalty: BaseEconomics.LossRate %v outside [0, 1] (a fraction per year): %w", b.LossRate, ErrInvalid)
	case !(b.RetentionCostRatio >= 0) || math.IsInf(b.RetentionCostRatio, 1):
		return fmt.Errorf("loyalty: BaseEconomics.RetentionCostRatio %v must be finite and ≥ 0: %w", b.RetentionCostRatio, ErrInvalid)
	case checkAmount("BaseEconomics.AcquisitionCost", b.AcquisitionCost) != nil:
		return checkAmount("BaseEconomics.AcquisitionCost", b.AcquisitionCost)
	case b.AcquisitionCost.Sign() < 0:
		return fmt.Errorf("loyalty: BaseEconomics.AcquisitionCost %s is negative: %w", b.AcquisitionCost, ErrInvalid)
	}
	return nil
}

// SteadyState returns the yearly spend needed to hold the base steady by
// acquisition alone (replacing the customers lost) and by retention alone
// (keeping them), with money rounded half away from zero to cents. The
// arithmetic is exact decimal, so any base size is fine. Errors wrap
// [ErrInvalid] and name the field: Customers < 0, LossRate outside
// [0, 1] (rates are fractions) or NaN, RetentionCostRatio negative or not
// finite, AcquisitionCost < 0 or with an exponent beyond
// [MaxAmountExponent].
func (b BaseEconomics) SteadyState() (SteadyState, error) {
	if err := b.check(); err != nil {
		return SteadyState{}, err
	}
	lost := decimal.NewFromInt(b.Customers).Mul(decimal.NewFromFloat(b.LossRate))
	acq := lost.Mul(b.AcquisitionCost)
	ret := acq.Mul(decimal.NewFromFloat(b.RetentionCostRatio))
	return SteadyState{Lost: lost.InexactFloat64(), ByAcquisition: acq.Round(2), ByRetention: ret.Round(2), Saving: acq.Sub(ret).Round(2)}, nil
}

// BreakEven returns the most a retention programme that lowers the yearly
// loss rate to newLossRate may cost per year and still pay for itself in
// acquisition spend saved: Customers·(LossRate − newLossRate)·AcquisitionCost,
// rounded half away from zero to cents. Errors wrap [ErrInvalid], as for
// SteadyState, or for newLossRate outside [0, LossRate] or NaN.
func (b BaseEconomics) BreakEven(newLossRate float64) (decimal.Decimal, error) {
	if err := b.check(); err != nil {
		return decimal.Decimal{}, err
	}
	if !(newLossRate >= 0 && newLossRate <= b.LossRate) {
		return decimal.Decimal{}, fmt.Errorf("loyalty: BreakEven new loss rate %v outside [0, LossRate %v]: %w", newLossRate, b.LossRate, ErrInvalid)
	}
	saved := decimal.NewFromInt(b.Customers).Mul(decimal.NewFromFloat(b.LossRate).Sub(decimal.NewFromFloat(newLossRate)))
	return saved.Mul(b.AcquisitionCost).Round(2), nil
}
