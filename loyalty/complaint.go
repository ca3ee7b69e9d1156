package loyalty

import (
	"fmt"
	"math"
	"time"
)

// KotlerResolvedLow and KotlerResolvedHigh bound the repurchase rate of
// complainers whose complaint is resolved, but not quickly: "54% to 70% of
// complaining customers will do business with the company again if their
// complaint is resolved" (the TARP studies as Kotler & Keller, Marketing
// Management, quote them). [KotlerRecovery] takes the midpoint; set
// Recovery.RepurchaseResolved to an end of the range to bound a result.
const (
	// KotlerResolvedLow is the low end of the range, 54%.
	KotlerResolvedLow = 0.54
	// KotlerResolvedHigh is the high end of the range, 70%.
	KotlerResolvedHigh = 0.70
)

// Recovery holds the rates of the service-recovery model: how many
// dissatisfied customers complain, and how many of each path buy again.
// All rates are fractions in [0, 1] (0.05 for 5%). It is a plain value,
// safe to copy and to share.
type Recovery struct {
	// Complain is the share of dissatisfied customers who complain.
	Complain float64 `json:"complain"`
	// RepurchaseQuick is the repurchase rate of complainers whose
	// complaint is resolved quickly.
	RepurchaseQuick float64 `json:"repurchase_quick"`
	// RepurchaseResolved is the repurchase rate of complainers whose
	// complaint is resolved, but not quickly.
	RepurchaseResolved float64 `json:"repurchase_resolved"`
	// RepurchaseUnresolved is the repurchase rate of complainers whose
	// complaint is not resolved.
	RepurchaseUnresolved float64 `json:"repurchase_unresolved"`
	// RepurchaseSilent is the repurchase rate of dissatisfied customers
	// who never complain.
	RepurchaseSilent float64 `json:"repurchase_silent"`
}

// KotlerRecovery returns the service-recovery rates of the TARP studies as
// Kotler & Keller, Marketing Management, quote them: 5% of dissatisfied
// customers complain ("95% of dissatisfied customers do not
// complain"); 95% of complainers buy again if the complaint is resolved
// quickly, 54–70% if it is resolved (the midpoint, 62%, is taken; see
// [KotlerResolvedLow] and [KotlerResolvedHigh]).
//
// The studies give no rate for customers who never complain or whose
// complaint is not resolved. Both default to 60%, the retention of a
// dissatisfied customer in [KotlerDefection] (40% of somewhat dissatisfied
// customers are lost): an illustrative assumption that an ignored
// complaint leaves the customer where silence would have. Replace them with a business's own
// figures.
func KotlerRecovery() Recovery {
	return Recovery{
		Complain:             0.05,
		RepurchaseQuick:      0.95,
		RepurchaseResolved:   (KotlerResolvedLow + KotlerResolvedHigh) / 2,
		RepurchaseUnresolved: 0.60,
		RepurchaseSilent:     0.60,
	}
}

// Validate reports whether every rate is in [0, 1]; the error wraps
// [ErrInvalid] and names the rate.
func (r Recovery) Validate() error {
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"complain", r.Complain}, {"repurchase quick", r.RepurchaseQuick},
		{"repurchase resolved", r.RepurchaseResolved}, {"repurchase unresolved", r.RepurchaseUnresolved},
		{"repurchase silent", r.RepurchaseSilent},
	} {
		if !(f.v >= 0 && f.v <= 1) {
			return fmt.Errorf("loyalty: recovery %s rate %v outside [0, 1]: %w", f.name, f.v, ErrInvalid)
		}
	}
	return nil
}

// Handling describes how a business handles complaints: the shares of
// complaints it resolves, and resolves quickly. Quick ≤ Resolved ≤ 1.
type Handling struct {
	// Resolved is the share of complaints resolved, quickly or not.
	Resolved float64 `json:"resolved"`
	// Quick is the share of complaints resolved quickly.
	Quick float64 `json:"quick"`
}

// RecoveryResult is the expected fate of a group of dissatisfied
// customers. Counts are expected numbers of customers, not rounded; all
// are finite.
type RecoveryResult struct {
	// Dissatisfied is the number of dissatisfied customers.
	Dissatisfied float64 `json:"dissatisfied"`
	// Silent never complain; Complained do.
	Silent     float64 `json:"silent"`
	Complained float64 `json:"complained"`
	// Quick, Resolved and Unresolved split the complainers: resolved
	// quickly, resolved but not quickly, not resolved.
	Quick      float64 `json:"quick"`
	Resolved   float64 `json:"resolved"`
	Unresolved float64 `json:"unresolved"`
	// Kept is the expected number who buy again, summed over the four
	// paths; Lost is Dissatisfied − Kept.
	Kept float64 `json:"kept"`
	Lost float64 `json:"lost"`
	// Saved is the customers kept by resolving complaints, compared with
	// resolving none: Quick·(r_quick − r_unres) + Resolved·(r_res − r_unres).
	// It is negative if resolution is worse than none.
	Saved float64 `json:"saved"`
}

// Apply follows dissatisfied customers down the four paths of service
// recovery and returns who is kept and who is lost:
//
//	complained = n · Complain,          silent = n − complained
//	quick      = complained · h.Quick
//	resolved   = complained · (h.Resolved − h.Quick)
//	unresolved = complained · (1 − h.Resolved)
//	kept       = silent·r_silent + quick·r_quick + resolved·r_res + unresolved·r_unres
//
// (for the complaint and repurchase rates see [KotlerRecovery]). It
// returns an error wrapping [ErrInvalid] if r is not valid, dissatisfied is
// negative or not finite, or h has a share outside [0, 1] or Quick >
// Resolved.
func (r Recovery) Apply(dissatisfied float64, h Handling) (RecoveryResult, error) {
	if err := r.Validate(); err != nil {
		return RecoveryResult{}, err
	}
	if !(dissatisfied >= 0) || math.IsInf(dissatisfied, 1) {
		return RecoveryResult{}, fmt.Errorf("loyalty: recovery of %v dissatisfied customers: must be finite and ≥ 0: %w", dissatisfied, ErrInvalid)
	}
	if !(h.Resolved >= 0 && h.Resolved <= 1) || !(h.Quick >= 0 && h.Quick <= h.Resolved) {
		return RecoveryResult{}, fmt.Errorf("loyalty: recovery handling shares resolved %v, quick %v: need 0 ≤ quick ≤ resolved ≤ 1: %w", h.Resolved, h.Quick, ErrInvalid)
	}
	c := dissatisfied * r.Complain
	rep := RecoveryResult{
		Dissatisfied: dissatisfied,
		Silent:       dissatisfied - c,
		Complained:   c,
		Quick:        c * h.Quick,
		Resolved:     c * (h.Resolved - h.Quick),
		Unresolved:   c * (1 - h.Resolved),
	}
	rep.Kept = rep.Silent*r.RepurchaseSilent + rep.Quick*r.RepurchaseQuick +
		rep.Resolved*r.RepurchaseResolved + rep.Unresolved*r.RepurchaseUnresolved
	rep.Lost = dissatisfied - rep.Kept
	rep.Saved = rep.Quick*(r.RepurchaseQuick-r.RepurchaseUnresolved) + rep.Resolved*(r.RepurchaseResolved-r.RepurchaseUnresolved)
	if math.IsInf(rep.Kept, 0) || math.IsInf(rep.Lost, 0) || math.IsInf(rep.Saved, 0) {
		return RecoveryResult{}, fmt.Errorf("loyalty: recovery of %v dissatisfied customers: a total is outside the range of float64: %w", dissatisfied, ErrInvalid)
	}
	return rep, nil
}

// Tier is a handling level of a complaint-escalation ladder: the front
// desk, a department, a manager. A complaint stays at a tier for at most
// Limit before it is escalated to the next, as help-desk systems commonly
// do. [Escalate] only reads the tiers it is given.
type Tier struct {
	// Name names the handling level in English.
	Name string `json:"name"`
	// Chinese names the handling level in Chinese (may be empty).
	Chinese string `json:"chinese,omitempty"`
	// Limit is the response time limit at this level (> 0).
	Limit time.Duration `json:"limit"`
}

// DefaultTiers returns an illustrative three-level escalation ladder:
// front desk (服务前台) 4 h, service department (服务部门) 24 h, service
// manager (服务经理) 48 h. Escalation by response-time limit (a complaint a
// level does not handle within its limit goes automatically to a higher
// level) is common help-desk practice with no published limits; these are
// placeholders to replace with a business's own.
func DefaultTiers() []Tier {
	return []Tier{
		{Name: "front desk", Chinese: "服务前台", Limit: 4 * time.Hour},
		{Name: "service department", Chinese: "服务部门", Limit: 24 * time.Hour},
		{Name: "service manager", Chinese: "服务经理", Limit: 48 * time.Hour},
	}
}

// Escalation is where a complaint ticket should be handled now.
type Escalation struct {
	// Tier is the index of the handling level in the ladder.
	Tier int `json:"tier"`
	// Name is that level's name; Chinese its Chinese name (may be empty).
	Name    string `json:"name"`
	Chinese string `json:"chinese,omitempty"`
	// Entered is the ticket age at which it reached this level.
	Entered time.Duration `json:"entered"`
	// Deadline is the ticket age at which this level's limit passes.
	Deadline time.Duration `json:"deadline"`
	// Remaining is Deadline − age: the time left at this level, negative
	// once the top level's limit has passed.
	Remaining time.Duration `json:"remaining"`
	// Overdue reports that the ticket is past the limit of the top level,
	// with nowhere left to escalate.
	Overdue bool `json:"overdue"`
}

// Escalate returns the handling level a complaint ticket of the given age
// should be at now, escalating automatically each time a level's response
// time limit passes (automatic escalation, common help-desk practice). With limits L₀, L₁, … and deadlines
// D_i = L₀ + … + L_i, the ticket is at the first level i with age ≤ D_i: a
// ticket exactly at a deadline has not yet passed it. Past the last
// deadline it stays at the top level, overdue. Deadlines that would
// overflow time.Duration saturate at its maximum.
//
// It is a pure function of durations. It returns an error wrapping
// [ErrEmpty] if tiers is empty, and one wrapping [ErrInvalid] if age is
// negative or a limit is not positive (naming the tier).
func Escalate(age time.Duration, tiers []Tier) (Escalation, error) {
	if len(tiers) == 0 {
		return Escalation{}, fmt.Errorf("loyalty: escalation needs at least one tier: %w", ErrEmpty)
	}
	if age < 0 {
		return Escalation{}, fmt.Errorf("loyalty: escalation ticket age %v < 0: %w", age, ErrInvalid)
	}
	for i, t := range tiers {
		if t.Limit <= 0 {
			return Escalation{}, fmt.Errorf("loyalty: escalation tier %d (%q): limit %v must be > 0: %w", i, t.Name, t.Limit, ErrInvalid)
		}
	}
	var entered time.Duration
	for i := 0; ; i++ {
		t := tiers[i]
		deadline := entered + t.Limit
		if deadline < entered { // overflow
			deadline = math.MaxInt64
		}
		if age <= deadline || i == len(tiers)-1 {
			return Escalation{
				Tier: i, Name: t.Name, Chinese: t.Chinese, Entered: entered, Deadline: deadline,
				Remaining: deadline - age, Overdue: age > deadline,
			}, nil
		}
		entered = deadline
	}
}
