package loyalty_test

import (
	"encoding"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty"
)

// labelled is an enumeration value with the module's text forms.
type labelled interface {
	encoding.TextMarshaler
	fmt.Stringer
	Chinese() string
}

// labelCase is one enumeration value and its three text forms, as the
// module's convention fixes them: MarshalText the token, String the
// English label, Chinese the Chinese label.
type labelCase struct {
	v                  labelled
	token, english, zh string
	decode             func(string) (labelled, error)
	aliases            []string
}

func decStage(s string) (labelled, error) {
	v := loyalty.Stage(-7)
	err := v.UnmarshalText([]byte(s))
	return v, err
}

func decRung(s string) (labelled, error) {
	v := loyalty.Rung(-7)
	err := v.UnmarshalText([]byte(s))
	return v, err
}

func decCondition(s string) (labelled, error) {
	v := loyalty.Condition(-7)
	err := v.UnmarshalText([]byte(s))
	return v, err
}

func decTiming(s string) (labelled, error) {
	v := loyalty.Timing(-7)
	err := v.UnmarshalText([]byte(s))
	return v, err
}

// labelCases lists every value of the package's four enumerations. The
// Chinese terms are those of the Chinese marketing literature (认知信任,
// 情感信任, 行为信任 for the trust stages; 潜在客户 … 拥护者 for the ladder).
var labelCases = []labelCase{
	{loyalty.StageNone, "none", "no trust", "无信任", decStage, []string{""}},
	{loyalty.Cognitive, "cognitive", "cognitive", "认知信任", decStage, []string{"COGNITIVE", "认知忠诚"}},
	{loyalty.Affective, "affective", "affective", "情感信任", decStage, []string{"情感忠诚"}},
	{loyalty.Conative, "conative", "conative", "意向忠诚", decStage, []string{"意动忠诚"}},
	{loyalty.Behavioural, "behavioural", "behavioural", "行为信任", decStage, []string{"behavioral", "Action", "行为忠诚", "行动忠诚"}},

	{loyalty.Prospect, "prospect", "prospect", "潜在客户", decRung, nil},
	{loyalty.NewCustomer, "new_customer", "new customer", "新客户", decRung, []string{"new", "New-Customer"}},
	{loyalty.Repeat, "repeat", "repeat customer", "回头客", decRung, []string{"重复购买客户"}},
	{loyalty.LongTerm, "long_term", "long-term customer", "长期客户", decRung, []string{"long-term", "Long Term", "LONG_TERM"}},
	{loyalty.Premium, "premium", "premium customer", "优质客户", decRung, nil},
	{loyalty.Advocate, "advocate", "advocate", "拥护者", decRung, []string{"终身客户", "忠实支持者", " advocate "}},

	{loyalty.ConditionUnknown, "unknown", "unknown", "未知", decCondition, []string{""}},
	{loyalty.NoLoyalty, "no_loyalty", "no loyalty", "无忠诚", decCondition, []string{"none", "no-loyalty"}},
	{loyalty.SpuriousLoyalty, "spurious_loyalty", "spurious loyalty", "虚假忠诚", decCondition, []string{"spurious"}},
	{loyalty.LatentLoyalty, "latent_loyalty", "latent loyalty", "潜在忠诚", decCondition, []string{"latent"}},
	{loyalty.TrueLoyalty, "true_loyalty", "true loyalty", "真正忠诚", decCondition, []string{"true", "True-Loyalty", "真忠诚"}},

	{loyalty.TimingUnknown, "unknown", "unknown", "未知", decTiming, []string{""}},
	{loyalty.StartOfPeriod, "start_of_period", "start of period", "期初计入", decTiming, []string{"start-of-period", "Start-Of-Period"}},
	{loyalty.EndAfterSurvival, "end_after_survival", "end of period, after survival", "期末计入（存活后）", decTiming, []string{"end-after-survival"}},
	{loyalty.EndFirstCertain, "end_first_certain", "end of period, first certain", "期末计入（首期确定）", decTiming, []string{"end-first-certain"}},
}

func TestEnumLabels(t *testing.T) {
	for _, c := range labelCases {
		b, err := c.v.MarshalText()
		if err != nil || string(b) != c.token || c.v.String() != c.english || c.v.Chinese() != c.zh {
			t.Errorf("%T %v: MarshalText %q (%v), String %q, Chinese %q; want %q, %q, %q",
				c.v, c.v, b, err, c.v.String(), c.v.Chinese(), c.token, c.english, c.zh)
		}
		for _, form := range append([]string{c.token, c.english, c.zh, strings.ToUpper(c.english), "  " + c.zh + " "}, c.aliases...) {
			got, err := c.decode(form)
			if err != nil || got != c.v {
				t.Errorf("%T.UnmarshalText(%q) = %v, %v; want %v", c.v, form, got, err, c.v)
			}
		}
	}
	// Unknown text, and "" where the zero value is not "not known", are
	// errors that leave the value unchanged.
	for _, bad := range []struct {
		name   string
		decode func(string) (labelled, error)
		text   string
	}{
		{"Stage", decStage, "loyal"}, {"Stage", decStage, "Stage(9)"}, {"Rung", decRung, ""}, {"Rung", decRung, "vip"},
		{"Condition", decCondition, "loyal"}, {"Timing", decTiming, "whenever"}, {"Timing", decTiming, "start of period please"},
	} {
		got, err := bad.decode(bad.text)
		if !errors.Is(err, loyalty.ErrInvalid) || !strings.HasPrefix(err.Error(), "loyalty: "+bad.name) || fmt.Sprint(got) != bad.name+"(-7)" {
			t.Errorf("%s.UnmarshalText(%q) = %v, %v; want unchanged and an ErrInvalid naming the type", bad.name, bad.text, got, err)
		}
	}
	// A nil receiver is an error, not a panic.
	var ns *loyalty.Stage
	var nr *loyalty.Rung
	var nc *loyalty.Condition
	var nt *loyalty.Timing
	for _, err := range []error{ns.UnmarshalText([]byte("none")), nr.UnmarshalText([]byte("new")), nc.UnmarshalText([]byte("true")), nt.UnmarshalText([]byte("unknown"))} {
		if !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("nil receiver: %v", err)
		}
	}
	// Values outside the enumerations.
	for _, v := range []labelled{loyalty.Stage(5), loyalty.Rung(6), loyalty.Condition(5), loyalty.Timing(4), loyalty.Stage(-1)} {
		if _, err := v.MarshalText(); !errors.Is(err, loyalty.ErrInvalid) || v.Chinese() != "" || !strings.Contains(v.String(), "(") {
			t.Errorf("%T(%v): MarshalText error %v, Chinese %q", v, v, err, v.Chinese())
		}
	}
}

// TestEnumLabelsDistinct checks that no text form of one value of an
// enumeration decodes as another value of it.
func TestEnumLabelsDistinct(t *testing.T) {
	for _, a := range labelCases {
		for _, b := range labelCases {
			if a.v == b.v || fmt.Sprintf("%T", a.v) != fmt.Sprintf("%T", b.v) {
				continue
			}
			for _, form := range append([]string{b.token, b.english, b.zh}, b.aliases...) {
				if got, err := a.decode(form); err == nil && got == a.v {
					t.Errorf("%T: %q of %v decodes as %v", a.v, form, b.v, a.v)
				}
			}
		}
	}
}
