package loyalty

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/ep"
)

// Defection holds the share of customers lost per period at each
// satisfaction level. Loss is indexed by [ep.Level]: Loss[ep.Delighted] is
// the loss rate of delighted customers; Loss[ep.Unknown] is unused and
// must be 0. Retention at a level is 1 − Loss[level].
//
// A Defection is a plain value, safe to copy and to share: copy
// [KotlerDefection] and change the rates to describe a business. Rates are
// fractions (0.1 for 10%).
type Defection struct {
	// Loss holds the per-period loss rate of each level, each in [0, 1].
	Loss [ep.NumLevels + 1]float64 `json:"loss"`
}

// KotlerDefection returns the loss rates by satisfaction level that Kotler
// & Keller, Marketing Management, quote: of customers who are very
// dissatisfied 80% are lost, somewhat dissatisfied 40%, neutral 20%,
// satisfied 10%, and highly satisfied (delighted) 1–2%, taken here as
// 1.5%. Loyalty rises steeply only at the top of the satisfaction scale.
// The figures are round, not estimates for any one business: replace them
// with a business's own.
func KotlerDefection() Defection {
	var d Defection
	d.Loss[ep.VeryDissatisfied] = 0.80
	d.Loss[ep.Dissatisfied] = 0.40
	d.Loss[ep.Neutral] = 0.20
	d.Loss[ep.Satisfied] = 0.10
	d.Loss[ep.Delighted] = 0.015
	return d
}

// Validate reports whether every loss rate is in [0, 1] (not NaN) and
// Loss[ep.Unknown] is 0; the error wraps [ErrInvalid] and names the level.
func (d Defection) Validate() error {
	if d.Loss[ep.Unknown] != 0 {
		return fmt.Errorf("loyalty: defection rate for the unknown level is %v, must be 0: %w", d.Loss[ep.Unknown], ErrInvalid)
	}
	for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
		if r := d.Loss[l]; !(r >= 0 && r <= 1) {
			return fmt.Errorf("loyalty: defection rate for %v is %v, outside [0, 1]: %w", l, r, ErrInvalid)
		}
	}
	return nil
}

// Retention returns 1 − Loss[l], the share of customers at level l kept for
// a period.
//
// Special cases are: Retention(l) = NaN if l is not a known level.
func (d Defection) Retention(l ep.Level) float64 {
	if !l.Valid() {
		return math.NaN()
	}
	return 1 - d.Loss[l]
}

// Losses is the expected defection of a group of customers.
type Losses struct {
	// N is the number of customers.
	N int64 `json:"n"`
	// Lost holds the expected customers lost at each level, indexed by
	// ep.Level: Count(l) × Loss[l]. Lost[ep.Unknown] is 0.
	Lost [ep.NumLevels + 1]float64 `json:"lost"`
	// TotalLost is the sum of Lost.
	TotalLost float64 `json:"total_lost"`
	// Kept is N − TotalLost.
	Kept float64 `json:"kept"`
	// Retention is the blended retention rate Kept / N (NaN when N = 0,
	// with a Reason).
	Retention float64 `json:"retention"`
	// Reason says why Retention is NaN (no customers); it is empty when
	// it is defined.
	Reason string `json:"reason,omitempty"`
}

// Lost returns the expected customers lost from a distribution of
// satisfaction levels and the blended retention rate:
//
//	lost(l)   = n(l) · Loss[l]
//	retention = 1 − Σ lost(l) / Σ n(l)
//
// It returns an error wrapping [ErrInvalid] if d is not valid or t is nil.
// An empty tally gives zero losses and a NaN retention with a Reason. All
// other numbers are finite: counts are at most 2⁶³ and rates at most 1.
func (d Defection) Lost(t *ep.Tally) (Losses, error) {
	if err := d.Validate(); err != nil {
		return Losses{}, err
	}
	if t == nil {
		return Losses{}, fmt.Errorf("loyalty: defection of a nil tally: %w", ErrInvalid)
	}
	return d.defectionOf(defectionCounts(t), t.N()), nil
}

// defectionCounts copies a tally's counts, indexed by level, as floats.
func defectionCounts(t *ep.Tally) [ep.NumLevels + 1]float64 {
	var c [ep.NumLevels + 1]float64
	for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
		c[l] = float64(t.Count(l))
	}
	return c
}

// defectionOf computes Losses from counts indexed by level, n in all; d is
// valid.
func (d Defection) defectionOf(c [ep.NumLevels + 1]float64, n int64) Losses {
	r := Losses{N: n}
	for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
		r.Lost[l] = c[l] * d.Loss[l]
		r.TotalLost += r.Lost[l]
	}
	r.Kept = float64(n) - r.TotalLost
	if n == 0 {
		r.Retention = math.NaN()
		r.Reason = "no customers: the retention rate is undefined"
		return r
	}
	r.Retention = r.Kept / float64(n)
	return r
}

// KotlerValueMultiple is the default value of a delighted (highly
// satisfied) customer in units of a merely satisfied one: 10, Xerox's
// finding as Kotler & Keller, Marketing Management, report it.
const KotlerValueMultiple = 10.0

// UpgradeOptions are the settings of [Defection.Upgrade]. A nil
// *UpgradeOptions means the defaults.
type UpgradeOptions struct {
	// Multiple is the value of a delighted customer in units of a
	// satisfied one; 0 means [KotlerValueMultiple]. It must be finite and
	// ≥ 0 (a value gain that overflows float64 is an error).
	Multiple float64 `json:"multiple"`
}

// Upgrade is the effect of moving a share of satisfied customers to
// delighted.
type Upgrade struct {
	// Moved is the number of customers moved: share × satisfied count.
	Moved float64 `json:"moved"`
	// Before and After are the expected losses without and with the move.
	Before Losses `json:"before"`
	After  Losses `json:"after"`
	// Saved is Before.TotalLost − After.TotalLost, customers kept by the
	// move.
	Saved float64 `json:"saved"`
	// Multiple is the value multiple used.
	Multiple float64 `json:"multiple"`
	// ValueGain is the change in the value of the retained satisfied and
	// delighted customers, in units of one satisfied customer's value:
	// Moved · (Multiple · (1 − Loss[delighted]) − (1 − Loss[satisfied])).
	ValueGain float64 `json:"value_gain"`
}

// Upgrade answers "what if we moved share of our satisfied customers to
// delighted?" It moves share × n(satisfied) customers (a fractional
// expected number) and recomputes the losses; a delighted customer is
// worth Multiple satisfied ones (Xerox's finding, as Kotler & Keller
// report it: a highly satisfied customer is worth far more than a merely
// satisfied one).
//
// It returns an error wrapping [ErrInvalid] if d is not valid, t is nil,
// share (a fraction) is outside [0, 1] or NaN, the multiple is negative or
// not finite, or the value gain is outside the range of float64 (a
// multiple near 1e308). t is not changed.
func (d Defection) Upgrade(t *ep.Tally, share float64, opts *UpgradeOptions) (Upgrade, error) {
	before, err := d.Lost(t)
	if err != nil {
		return Upgrade{}, err
	}
	if !(share >= 0 && share <= 1) {
		return Upgrade{}, fmt.Errorf("loyalty: upgrade share %v outside [0, 1]: %w", share, ErrInvalid)
	}
	m := KotlerValueMultiple
	if opts != nil && opts.Multiple != 0 {
		m = opts.Multiple
	}
	if !(m >= 0) || math.IsInf(m, 1) {
		return Upgrade{}, fmt.Errorf("loyalty: upgrade value multiple %v must be finite and ≥ 0: %w", m, ErrInvalid)
	}
	c := defectionCounts(t)
	moved := share * c[ep.Satisfied]
	c[ep.Satisfied] -= moved
	c[ep.Delighted] += moved
	after := d.defectionOf(c, t.N())
	u := Upgrade{
		Moved:     moved,
		Before:    before,
		After:     after,
		Saved:     before.TotalLost - after.TotalLost,
		Multiple:  m,
		ValueGain: moved * (m*d.Retention(ep.Delighted) - d.Retention(ep.Satisfied)),
	}
	if math.IsInf(u.ValueGain, 0) || math.IsNaN(u.ValueGain) {
		return Upgrade{}, fmt.Errorf("loyalty: Upgrade: value gain of moving %v customers at multiple %v is outside the range of float64: %w", moved, m, ErrInvalid)
	}
	return u, nil
}
