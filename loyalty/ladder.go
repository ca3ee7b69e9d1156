package loyalty

import (
	"fmt"
	"time"

	"github.com/cxlab/satisfaction/internal/enumtext"
)

// Rung is a step of the customer relationship ladder, a variant common in
// the CRM literature of the loyalty ladder of Christopher, Payne &
// Ballantyne (1991), Relationship Marketing (prospect → customer → client
// → supporter → advocate → partner): a
// potential customer becomes a new customer, then a repeat customer, a
// long-term customer, a premium (quality) customer, and finally a lifelong
// customer and advocate who recommends the company to friends. The zero
// value, [Prospect], is a potential customer who has not bought yet.
// Each rung has a token, an English and a Chinese label (see
// [Rung.Chinese]).
type Rung int8

// The rungs of the ladder, from the bottom.
const (
	// Prospect is a potential customer (潜在客户); the zero Rung.
	Prospect Rung = iota
	// NewCustomer has bought at least once (新客户).
	NewCustomer
	// Repeat buys again (回头客).
	Repeat
	// LongTerm has kept buying over a long tenure (长期客户).
	LongTerm
	// Premium is a long-term customer whose trust has become behavioural:
	// a quality customer (优质客户).
	Premium
	// Advocate is a premium customer who recommends the company to others,
	// a lifelong supporter (终身客户, 拥护者).
	Advocate
)

// NumRungs is the number of rungs, Prospect through Advocate.
const NumRungs = 6

var rungLabels = newLabels(enumtext.Labels{
	Type:    "Rung",
	Token:   []string{"prospect", "new_customer", "repeat", "long_term", "premium", "advocate"},
	English: []string{"prospect", "new customer", "repeat customer", "long-term customer", "premium customer", "advocate"},
	Chinese: []string{"潜在客户", "新客户", "回头客", "长期客户", "优质客户", "拥护者"},
	Alias:   map[string]int{"new": 1, "重复购买客户": 2, "终身客户": 5, "忠实支持者": 5},
})

// String returns the rung's English label, such as "long-term customer",
// or "Rung(n)" for a value outside the enumeration.
func (r Rung) String() string { return rungLabels.English(int(r)) }

// Chinese returns the rung's Chinese label, such as "回头客" for Repeat, or
// "" for a value outside the enumeration.
func (r Rung) Chinese() string { return rungLabels.Chinese(int(r)) }

// MarshalText encodes the rung as its stable token: "prospect",
// "new_customer", "repeat", "long_term", "premium" or "advocate". A value
// outside the enumeration is an error wrapping [ErrInvalid].
func (r Rung) MarshalText() ([]byte, error) { return rungLabels.Marshal(int(r)) }

// UnmarshalText decodes a rung from its token, English label or Chinese
// label (Latin letters in any case; space, hyphen and underscore alike:
// "Long Term" is LongTerm), or the aliases "new", 重复购买客户, 终身客户 and
// 忠实支持者. Prospect is a rung, not "not known", so "" is an error. On
// error r is left unchanged and the error wraps [ErrInvalid].
func (r *Rung) UnmarshalText(text []byte) error {
	return rungLabels.Unmarshal(text, r == nil, func(i int) { *r = Rung(i) })
}

// Facts are what the caller knows about a customer, the inputs of the
// ladder rule.
type Facts struct {
	// Purchases is the number of purchases made so far.
	Purchases int `json:"purchases"`
	// Tenure is the time since the first purchase.
	Tenure time.Duration `json:"tenure"`
	// Trust is the customer's trust stage (see [TrustPolicy]).
	Trust Stage `json:"trust"`
	// Referrals is the number of new customers the customer has referred.
	Referrals int `json:"referrals"`
}

// Ladder is the rule that places a customer on the relationship ladder.
// Each rung needs the one below it and one more fact:
//
//	NewCustomer  Purchases ≥ 1
//	Repeat       Purchases ≥ RepeatPurchases
//	LongTerm     Tenure ≥ LongTermTenure
//	Premium      Trust ≥ PremiumTrust
//	Advocate     Referrals ≥ AdvocateReferrals
//
// and the customer stands on the highest rung whose conditions all hold.
// As facts change the customer moves up, or down: a premium customer whose
// trust falls back from behavioural drops to long-term. See
// [Ladder.Place] and, for one rung at a time, [Ladder.Step]. A Ladder is a
// plain value whose methods only read it: safe to copy and to share
// between goroutines.
type Ladder struct {
	// RepeatPurchases is the number of purchases that make a repeat
	// customer (≥ 2).
	RepeatPurchases int `json:"repeat_purchases"`
	// LongTermTenure is the tenure that makes a long-term customer (> 0).
	LongTermTenure time.Duration `json:"long_term_tenure"`
	// PremiumTrust is the trust stage that makes a premium customer
	// (above StageNone).
	PremiumTrust Stage `json:"premium_trust"`
	// AdvocateReferrals is the number of referrals that make an advocate
	// (≥ 1).
	AdvocateReferrals int `json:"advocate_referrals"`
}

// DefaultLadder returns the relationship ladder (see [Rung]) with
// illustrative thresholds — published ladders name the rungs, not
// thresholds: a repeat customer has bought twice, a long-term customer has
// a tenure of a year (365 days), a premium customer has behavioural trust
// (the offer has become indispensable), and an advocate has referred two
// customers (one who recommends the company to friends and family).
func DefaultLadder() Ladder {
	return Ladder{RepeatPurchases: 2, LongTermTenure: 365 * 24 * time.Hour, PremiumTrust: Behavioural, AdvocateReferrals: 2}
}

// Validate reports whether the thresholds are in range (see the field
// docs); the error wraps [ErrInvalid].
func (lad Ladder) Validate() error {
	switch {
	case lad.RepeatPurchases < 2:
		return fmt.Errorf("loyalty: ladder repeat purchases %d must be ≥ 2: %w", lad.RepeatPurchases, ErrInvalid)
	case lad.LongTermTenure <= 0:
		return fmt.Errorf("loyalty: ladder long-term tenure %v must be > 0: %w", lad.LongTermTenure, ErrInvalid)
	case lad.PremiumTrust <= StageNone || lad.PremiumTrust > Behavioural:
		return fmt.Errorf("loyalty: ladder premium trust %v must be cognitive to behavioural: %w", lad.PremiumTrust, ErrInvalid)
	case lad.AdvocateReferrals < 1:
		return fmt.Errorf("loyalty: ladder advocate referrals %d must be ≥ 1: %w", lad.AdvocateReferrals, ErrInvalid)
	}
	return nil
}

// ladderFacts validates a customer's facts.
func ladderFacts(f Facts) error {
	switch {
	case f.Purchases < 0:
		return fmt.Errorf("loyalty: ladder facts: purchases %d < 0: %w", f.Purchases, ErrInvalid)
	case f.Tenure < 0:
		return fmt.Errorf("loyalty: ladder facts: tenure %v < 0: %w", f.Tenure, ErrInvalid)
	case f.Trust < StageNone || f.Trust > Behavioural:
		return fmt.Errorf("loyalty: ladder facts: unknown trust stage %v: %w", f.Trust, ErrInvalid)
	case f.Referrals < 0:
		return fmt.Errorf("loyalty: ladder facts: referrals %d < 0: %w", f.Referrals, ErrInvalid)
	}
	return nil
}

// Place returns the rung a customer with facts f stands on (see [Ladder]).
// It returns an error wrapping [ErrInvalid] if d is not valid or a fact is
// negative or an unknown stage.
func (lad Ladder) Place(f Facts) (Rung, error) {
	if err := lad.Validate(); err != nil {
		return Prospect, err
	}
	if err := ladderFacts(f); err != nil {
		return Prospect, err
	}
	held := [...]bool{
		NewCustomer: f.Purchases >= 1,
		Repeat:      f.Purchases >= lad.RepeatPurchases,
		LongTerm:    f.Tenure >= lad.LongTermTenure,
		Premium:     f.Trust >= lad.PremiumTrust,
		Advocate:    f.Referrals >= lad.AdvocateReferrals,
	}
	r := Prospect
	for r < Advocate && held[r+1] {
		r++
	}
	return r, nil
}

// Step moves a customer on rung current at a periodic review: up by at
// most one rung toward [Ladder.Place]'s rung, or straight down to it when
// the facts no longer hold the customer where they are. Climbing one rung
// per review means a customer is seen at every rung on the way up. It
// returns an error wrapping [ErrInvalid] if current is not a rung or Place
// fails.
func (lad Ladder) Step(current Rung, f Facts) (Rung, error) {
	if current < Prospect || current > Advocate {
		return current, fmt.Errorf("loyalty: ladder rung %v is not a known rung: %w", current, ErrInvalid)
	}
	target, err := lad.Place(f)
	if err != nil {
		return current, err
	}
	if target > current {
		return current + 1, nil
	}
	return target, nil
}
