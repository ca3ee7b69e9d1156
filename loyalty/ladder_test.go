package loyalty_test

import (
	"encoding"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty"
)

const ladderYear = 365 * 24 * time.Hour

func TestLadderPlace(t *testing.T) {
	lad := loyalty.DefaultLadder()
	beh, aff := loyalty.Behavioural, loyalty.Affective
	tests := []struct {
		f    loyalty.Facts
		want loyalty.Rung
	}{
		{loyalty.Facts{}, loyalty.Prospect},
		{loyalty.Facts{Tenure: 2 * ladderYear, Trust: beh, Referrals: 5}, loyalty.Prospect}, // never bought
		{loyalty.Facts{Purchases: 1}, loyalty.NewCustomer},
		{loyalty.Facts{Purchases: 1, Tenure: 2 * ladderYear, Trust: beh, Referrals: 5}, loyalty.NewCustomer}, // needs 2 purchases
		{loyalty.Facts{Purchases: 2}, loyalty.Repeat},
		{loyalty.Facts{Purchases: 2, Tenure: ladderYear - time.Nanosecond, Trust: beh}, loyalty.Repeat}, // a year minus 1 ns
		{loyalty.Facts{Purchases: 2, Tenure: ladderYear}, loyalty.LongTerm},                             // exactly a year
		{loyalty.Facts{Purchases: 9, Tenure: ladderYear, Trust: aff, Referrals: 3}, loyalty.LongTerm},   // trust not behavioural
		{loyalty.Facts{Purchases: 9, Tenure: ladderYear, Trust: beh, Referrals: 1}, loyalty.Premium},    // one referral short
		{loyalty.Facts{Purchases: 9, Tenure: ladderYear, Trust: beh, Referrals: 2}, loyalty.Advocate},
	}
	for _, tc := range tests {
		got, err := lad.Place(tc.f)
		if err != nil || got != tc.want {
			t.Errorf("Place(%+v) = %v, %v; want %v", tc.f, got, err, tc.want)
		}
	}
	// A caller's own rule: premium from affective trust.
	lad.PremiumTrust = aff
	if got, _ := lad.Place(loyalty.Facts{Purchases: 9, Tenure: ladderYear, Trust: aff}); got != loyalty.Premium {
		t.Errorf("Place with PremiumTrust affective = %v, want premium", got)
	}
}

func TestLadderStep(t *testing.T) {
	lad := loyalty.DefaultLadder()
	top := loyalty.Facts{Purchases: 9, Tenure: ladderYear, Trust: loyalty.Behavioural, Referrals: 2}
	// Climbing from prospect to advocate takes five reviews, one rung each.
	r := loyalty.Prospect
	for want := loyalty.NewCustomer; want <= loyalty.Advocate; want++ {
		var err error
		if r, err = lad.Step(r, top); err != nil || r != want {
			t.Fatalf("Step = %v, %v; want %v", r, err, want)
		}
	}
	if r, _ = lad.Step(r, top); r != loyalty.Advocate {
		t.Errorf("Step at the top = %v", r)
	}
	// Trust falls back to affective: straight down to long-term.
	fallen := top
	fallen.Trust = loyalty.Affective
	if r, _ = lad.Step(loyalty.Advocate, fallen); r != loyalty.LongTerm {
		t.Errorf("Step after lost trust = %v, want long-term", r)
	}
	if got, err := lad.Step(loyalty.Rung(6), top); !errors.Is(err, loyalty.ErrInvalid) || got != 6 {
		t.Errorf("Step(6) = %v, %v", got, err)
	}
}

func TestLadderErrors(t *testing.T) {
	bad := []loyalty.Ladder{
		{RepeatPurchases: 1, LongTermTenure: 1, PremiumTrust: loyalty.Behavioural, AdvocateReferrals: 1},
		{RepeatPurchases: 2, LongTermTenure: 0, PremiumTrust: loyalty.Behavioural, AdvocateReferrals: 1},
		{RepeatPurchases: 2, LongTermTenure: 1, PremiumTrust: loyalty.StageNone, AdvocateReferrals: 1},
		{RepeatPurchases: 2, LongTermTenure: 1, PremiumTrust: 5, AdvocateReferrals: 1},
		{RepeatPurchases: 2, LongTermTenure: 1, PremiumTrust: loyalty.Behavioural, AdvocateReferrals: 0},
		{},
	}
	for _, lad := range bad {
		if _, err := lad.Place(loyalty.Facts{}); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Place with %+v: error %v", lad, err)
		}
	}
	for _, f := range []loyalty.Facts{{Purchases: -1}, {Tenure: -1}, {Trust: -1}, {Trust: 5}, {Referrals: -1}} {
		if _, err := loyalty.DefaultLadder().Place(f); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Place(%+v) error %v", f, err)
		}
	}
}

func TestRungText(t *testing.T) {
	for r := loyalty.Prospect; r <= loyalty.Advocate; r++ {
		b, err := r.MarshalText()
		var back loyalty.Rung = -1
		if err != nil || back.UnmarshalText(b) != nil || back != r {
			t.Errorf("round trip %v → %q → %v", r, b, back)
		}
	}
	var r loyalty.Rung
	if err := r.UnmarshalText([]byte("Long Term")); err != nil || r != loyalty.LongTerm {
		t.Errorf("UnmarshalText(Long Term) = %v, %v", r, err)
	}
	if err := r.UnmarshalText([]byte("vip")); !errors.Is(err, loyalty.ErrInvalid) || r != loyalty.LongTerm {
		t.Errorf("UnmarshalText(vip) = %v, %v", r, err)
	}
	if _, err := loyalty.Rung(7).MarshalText(); !errors.Is(err, loyalty.ErrInvalid) || loyalty.Rung(7).String() != "Rung(7)" {
		t.Errorf("Rung(7) marshalled")
	}
}

func FuzzLadder(f *testing.F) {
	f.Add(0, int64(0), int8(0), 0, int8(0))
	f.Add(9, int64(ladderYear), int8(4), 2, int8(2))
	f.Add(-1, int64(-1), int8(-1), -1, int8(9))
	f.Add(math.MaxInt, int64(math.MaxInt64), int8(4), math.MaxInt, int8(5))
	f.Fuzz(func(t *testing.T, purchases int, tenure int64, trust int8, referrals int, current int8) {
		lad := loyalty.DefaultLadder()
		fa := loyalty.Facts{Purchases: purchases, Tenure: time.Duration(tenure), Trust: loyalty.Stage(trust), Referrals: referrals}
		valid := purchases >= 0 && tenure >= 0 && trust >= 0 && trust <= 4 && referrals >= 0
		r, err := lad.Place(fa)
		if (err == nil) != valid {
			t.Fatalf("Place(%+v) error %v", fa, err)
		}
		if err != nil {
			return
		}
		if r < loyalty.Prospect || r > loyalty.Advocate || (purchases == 0) != (r == loyalty.Prospect) {
			t.Fatalf("Place(%+v) = %v", fa, r)
		}
		// More of any fact never lowers the rung.
		more := fa
		if more.Purchases < math.MaxInt {
			more.Purchases++
		}
		if r2, _ := lad.Place(more); r2 < r {
			t.Fatalf("one more purchase lowered %v to %v", r, r2)
		}
		s, err := lad.Step(loyalty.Rung(current), fa)
		if (err == nil) != (current >= 0 && current <= 5) {
			t.Fatalf("Step(%d) error %v", current, err)
		}
		if err == nil && (s > loyalty.Rung(current)+1 || (s > r)) {
			t.Fatalf("Step(%v) = %v with target %v", current, s, r)
		}
	})
}

// FuzzEnumText checks that UnmarshalText of Stage, Rung, Condition and
// Timing either fails leaving the value unchanged, with a package error
// wrapping ErrInvalid, or yields a value whose token, English label and
// Chinese label all decode back to it.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"", "none", "Action", "behavioral", "long term", "LONG_TERM", "true-loyalty", "latent loyalty", "\xff", "advocate ",
		"unknown", "start-of-period", "end-after-survival", "end-first-certain", "Start-Of-Period", "Timing(9)",
		"情感信任", "回头客", "终身客户", "真正忠诚", "期末计入（存活后）", "new", "New Customer", "no trust", " 潜在忠诚 ", "意向忠诚", "Rung(7)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check := func(typ string, v interface {
			encoding.TextMarshaler
			fmt.Stringer
			Chinese() string
		}, dec func([]byte) error, get func() int, err error) {
			t.Helper()
			if err != nil {
				if get() != -7 || !errors.Is(err, loyalty.ErrInvalid) || strings.Count(err.Error(), "loyalty: ") != 1 || !strings.HasPrefix(err.Error(), "loyalty: ") {
					t.Fatalf("%s.UnmarshalText(%q): changed to %d or bad error %q", typ, s, get(), err)
				}
				return
			}
			want := get()
			b, err := v.MarshalText()
			if err != nil {
				t.Fatalf("%s %d decoded from %q does not marshal: %v", typ, want, s, err)
			}
			for _, form := range []string{string(b), v.String(), v.Chinese()} {
				if err := dec([]byte(form)); err != nil || get() != want {
					t.Fatalf("%s %d (from %q): form %q decodes to %d, %v", typ, want, s, form, get(), err)
				}
			}
		}
		st := loyalty.Stage(-7)
		err := st.UnmarshalText([]byte(s))
		check("Stage", st, st.UnmarshalText, func() int { return int(st) }, err)
		r := loyalty.Rung(-7)
		err = r.UnmarshalText([]byte(s))
		check("Rung", r, r.UnmarshalText, func() int { return int(r) }, err)
		c := loyalty.Condition(-7)
		err = c.UnmarshalText([]byte(s))
		check("Condition", c, c.UnmarshalText, func() int { return int(c) }, err)
		tm := loyalty.Timing(-7)
		err = tm.UnmarshalText([]byte(s))
		check("Timing", tm, tm.UnmarshalText, func() int { return int(tm) }, err)
	})
}
