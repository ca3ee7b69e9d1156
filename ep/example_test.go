package ep_test

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/ep"
	"github.com/shopspring/decimal"
)

func ExampleModel_Compare() {
	m := ep.EPModel() // meeting the expectation is accepted (neutral)
	for _, p := range []float64{2, 3.75, 4, 5, 6} {
		o, err := m.Compare(4, p)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("E=4 P=%.2f d=%+.2f %s (%s)\n", p, o.Disconfirmation, o.Level, o.Level.Chinese())
	}
	// Output:
	// E=4 P=2.00 d=-2.00 very dissatisfied (极度不满意)
	// E=4 P=3.75 d=-0.25 neutral (无意见)
	// E=4 P=4.00 d=+0.00 neutral (无意见)
	// E=4 P=5.00 d=+1.00 satisfied (一般满意)
	// E=4 P=6.00 d=+2.00 delighted (高度满意)
}

func ExampleKotlerModel() {
	m := ep.KotlerModel() // meeting the expectation satisfies
	o, _ := m.Compare(4, 4)
	fmt.Println(o.Level)
	m.Form, m.Tolerance, m.Delight, m.Severe = ep.Ratio, 0.05, 0.05, 0.25 // ±5% band, relative
	o, _ = m.Compare(200, 180)
	fmt.Printf("%.0f%% short: %s\n", -100*o.Disconfirmation, o.Level)
	// Output:
	// satisfied
	// 10% short: dissatisfied
}

func ExampleBlend() {
	// No word of mouth yet (NaN): the other two sources are renormalised.
	e, err := ep.Blend(ep.Sources{Experience: 5, WordOfMouth: math.NaN(), Promises: 6.5},
		ep.Weights{Experience: 2, WordOfMouth: 1, Promises: 1})
	fmt.Printf("%.2f %v\n", e, err)
	// Output: 5.50 <nil>
}

func ExampleReplay() {
	// The same performance, 6, four times: delight raises tomorrow's bar.
	outcomes, next, _ := ep.Replay(ep.EPModel(), 4, 0.5, []float64{6, 6, 6, 6})
	for _, o := range outcomes {
		fmt.Printf("E=%.3f P=%.0f %s\n", o.Expectation, o.Performance, o.Level)
	}
	fmt.Printf("next expectation %.3f\n", next)
	// Output:
	// E=4.000 P=6 delighted
	// E=5.000 P=6 satisfied
	// E=5.500 P=6 neutral
	// E=5.750 P=6 neutral
	// next expectation 5.875
}

func ExampleChoose() {
	d := decimal.RequireFromString
	offers := []ep.Offer{
		{Name: "budget", Product: d("400"), Service: d("20"), Monetary: d("300"), Time: d("60"), Energy: d("20")},
		{Name: "premium", Product: d("650"), Service: d("120"), Personnel: d("60"), Image: d("40"), Monetary: d("700"), Time: d("20")},
	}
	for _, o := range offers {
		v, _ := o.TotalValue() // the offers are valid: no error
		c, _ := o.TotalCost()
		dv, _ := o.Delivered()
		fmt.Printf("%-8s value %s cost %s delivered %s\n", o.Name, v, c, dv)
	}
	best, _ := ep.Choose(offers)
	fmt.Println("chosen:", offers[best].Name)
	// Output:
	// budget   value 420 cost 380 delivered 40
	// premium  value 870 cost 720 delivered 150
	// chosen: premium
}

func ExampleTally() {
	var t ep.Tally
	for _, l := range []ep.Level{ep.Delighted, ep.Satisfied, ep.Satisfied, ep.Neutral, ep.Satisfied,
		ep.Dissatisfied, ep.Delighted, ep.Satisfied, ep.VeryDissatisfied, ep.Satisfied} {
		_ = t.Add(l)
	}
	s := t.Report()
	fmt.Printf("n=%d CSAT=%.0f%% (95%% CI %.1f%%–%.1f%%) mean=%.1f\n",
		s.N, 100*s.CSAT, 100*s.CSATInterval.Low, 100*s.CSATInterval.High, s.Mean)
	// Output: n=10 CSAT=70% (95% CI 39.7%–89.2%) mean=3.6
}

func ExampleEffortTally() {
	var t ep.EffortTally
	for _, r := range []int{7, 6, 6, 5, 3, 7, 2, 6} {
		_ = t.Add(r)
	}
	s := t.Report()
	fmt.Printf("CES mean %.2f, easy %.1f%%\n", s.Mean, 100*s.Easy)
	// Output: CES mean 5.25, easy 75.0%
}

func ExampleKanoTally() {
	var t ep.KanoTally
	pairs := [][2]ep.Answer{
		{ep.AnswerLike, ep.AnswerNeutral}, {ep.AnswerLike, ep.AnswerLiveWith},
		{ep.AnswerLike, ep.AnswerDislike}, {ep.AnswerNeutral, ep.AnswerNeutral},
	}
	for _, p := range pairs {
		_, _ = t.Add(p[0], p[1])
	}
	r := t.Report()
	fmt.Printf("%s CS+=%.2f CS-=%.2f\n", r.Dominant, r.Satisfaction, r.Dissatisfaction)
	// Output: attractive CS+=0.75 CS-=-0.25
}

func ExampleLevel() {
	l := ep.VeryDissatisfied
	token, _ := l.MarshalText()
	fmt.Printf("token %s, English %q, Chinese %s\n", token, l, l.Chinese())
	for _, text := range []string{"very_dissatisfied", "Very Dissatisfied", "极度不满意"} {
		var back ep.Level
		err := back.UnmarshalText([]byte(text))
		fmt.Println(text, "→", back, err)
	}
	// Output:
	// token very_dissatisfied, English "very dissatisfied", Chinese 极度不满意
	// very_dissatisfied → very dissatisfied <nil>
	// Very Dissatisfied → very dissatisfied <nil>
	// 极度不满意 → very dissatisfied <nil>
}
