package loyalty_test

import (
	"fmt"
	"time"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
)

func ExampleTrustPolicy_Replay() {
	s, d, v := ep.Satisfied, ep.Dissatisfied, ep.VeryDissatisfied
	// Six good experiences build behavioural trust; one bad one is then
	// forgiven, but a very dissatisfying one is not.
	path, err := loyalty.DefaultTrust().Replay(loyalty.TrustState{}, []ep.Level{s, s, s, s, s, s, d, s, v})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, st := range path {
		fmt.Print(st.Stage, " ")
	}
	fmt.Println()
	// Output:
	// cognitive cognitive affective affective affective behavioural behavioural behavioural affective
}

func ExampleTrustPolicy_Observe() {
	p := loyalty.OliverTrust()
	st := loyalty.TrustState{Stage: loyalty.Conative}
	st, _ = p.Observe(st, ep.Dissatisfied) // conative loyalty survives one failure…
	fmt.Println(st.Stage, st.Failures)
	st, _ = p.Observe(st, ep.Dissatisfied) // …but not two in a row
	fmt.Println(st.Stage, st.Failures)
	// Output:
	// conative 1
	// affective 0
}

func ExampleTrustCrossTab_Report() {
	var tab loyalty.TrustCrossTab
	_ = tab.Add(loyalty.Behavioural, true) // trusts and keeps buying
	_ = tab.Add(loyalty.Affective, false)  // prefers us, buys elsewhere
	_ = tab.Add(loyalty.Cognitive, true)   // buys out of habit
	_ = tab.Add(loyalty.StageNone, false)
	r, _ := tab.Report(loyalty.DefaultAttitude)
	for c := loyalty.NoLoyalty; c <= loyalty.TrueLoyalty; c++ {
		fmt.Printf("%s: %d\n", c, r.Counts[c])
	}
	// Output:
	// no loyalty: 1
	// spurious loyalty: 1
	// latent loyalty: 1
	// true loyalty: 1
}

func ExampleLadder_Place() {
	year := 365 * 24 * time.Hour
	r, _ := loyalty.DefaultLadder().Place(loyalty.Facts{Purchases: 7, Tenure: 2 * year, Trust: loyalty.Behavioural, Referrals: 1})
	fmt.Println(r, r.Chinese())
	// Output: premium customer 优质客户
}

func ExampleDefection_Upgrade() {
	var t ep.Tally
	for l, n := range map[ep.Level]int64{ep.VeryDissatisfied: 10, ep.Dissatisfied: 20, ep.Neutral: 30, ep.Satisfied: 100, ep.Delighted: 40} {
		_ = t.AddN(l, n)
	}
	u, err := loyalty.KotlerDefection().Upgrade(&t, 0.5, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("lost %.2f → %.2f, retention %.2f%% → %.3f%%\n", u.Before.TotalLost, u.After.TotalLost, 100*u.Before.Retention, 100*u.After.Retention)
	fmt.Printf("moved %.0f, saved %.2f, value gain %.1f satisfied-customer units\n", u.Moved, u.Saved, u.ValueGain)
	// Output:
	// lost 32.60 → 28.35, retention 83.70% → 85.825%
	// moved 50, saved 4.25, value gain 447.5 satisfied-customer units
}

func ExampleNPSTally_Report() {
	var t loyalty.NPSTally
	for s, n := range []int64{2, 1, 3, 4, 5, 8, 7, 15, 25, 30, 20} {
		_ = t.AddN(s, n)
	}
	r := t.Report()
	fmt.Printf("n=%d NPS %+.1f ± %.1f, 95%% interval [%.1f, %.1f]\n", r.N, r.Score, 1.96*r.SE, r.Interval.Low, r.Interval.High)
	// Output: n=120 NPS +16.7 ± 14.3, 95% interval [2.4, 31.0]
}

func ExampleNPSDifference() {
	var before, after loyalty.NPSTally
	for s, n := range []int64{2, 1, 3, 4, 5, 8, 7, 15, 25, 30, 20} {
		_ = before.AddN(s, n)
	}
	for s, n := range []int64{1, 0, 1, 2, 2, 4, 5, 10, 20, 35, 40} {
		_ = after.AddN(s, n)
	}
	d := loyalty.NPSDifference(before.Report(), after.Report())
	fmt.Printf("change %+.1f points, 95%% interval [%.1f, %.1f]\n", d.Diff, d.Interval.Low, d.Interval.High)
	// Output: change +33.3 points, 95% interval [14.2, 52.4]
}

func ExampleRecovery_Apply() {
	r, _ := loyalty.KotlerRecovery().Apply(1000, loyalty.Handling{Resolved: 0.8, Quick: 0.5})
	fmt.Printf("%.0f complain, %.2f kept, %.2f saved by recovery\n", r.Complained, r.Kept, r.Saved)
	// Output: 50 complain, 609.05 kept, 9.05 saved by recovery
}

func ExampleEscalate() {
	for _, age := range []time.Duration{2 * time.Hour, 30 * time.Hour, 80 * time.Hour} {
		e, _ := loyalty.Escalate(age, loyalty.DefaultTiers())
		fmt.Printf("%v old: %s (overdue %v)\n", age, e.Name, e.Overdue)
	}
	// Output:
	// 2h0m0s old: front desk (overdue false)
	// 30h0m0s old: service manager (overdue false)
	// 80h0m0s old: service manager (overdue true)
}

func ExampleWordOfMouth_Reach() {
	var t ep.Tally
	_ = t.AddN(ep.Satisfied, 100)
	_ = t.AddN(ep.Dissatisfied, 30)
	r, _ := loyalty.DefaultWordOfMouth().Reach(&t)
	fmt.Printf("told good %.0f, bad %.0f, net %+.0f\n", r.Positive, r.Negative, r.Net)
	// Output: told good 1000, bad 600, net +400
}

func ExampleRung_UnmarshalText() {
	// The token, the English label and the Chinese label all decode.
	for _, text := range []string{"long_term", "long-term customer", "长期客户"} {
		var r loyalty.Rung
		if err := r.UnmarshalText([]byte(text)); err != nil {
			fmt.Println(err)
			continue
		}
		token, _ := r.MarshalText()
		fmt.Printf("%s → %s | %s | %s\n", text, token, r, r.Chinese())
	}
	// Output:
	// long_term → long_term | long-term customer | 长期客户
	// long-term customer → long_term | long-term customer | 长期客户
	// 长期客户 → long_term | long-term customer | 长期客户
}
