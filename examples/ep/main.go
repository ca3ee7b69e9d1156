// Command ep prints a short satisfaction report for a fictional hotel on
// built-in data, using package ep: each guest's expectation compared with
// the stay they got, the CSAT share with its confidence interval, how a
// regular guest's expectation drifts up through a run of delight, a Kano
// table of amenities, and the offer a value-maximising guest would choose.
package main

import (
	"fmt"
	"io"
	"math"
	"os"

	"github.com/cxlab/satisfaction/ep"
	"github.com/shopspring/decimal"
)

func main() {
	if err := report(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func report(w io.Writer) error {
	m := ep.EPModel()

	fmt.Fprintln(w, "Harbour View Hotel — guest satisfaction (ratings on a 1–7 scale)")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Model: %s form, tolerance ±%.1f, delight beyond +%.1f, severe beyond −%.1f, met expectation = %s\n\n",
		m.Form, m.Tolerance, m.Delight, m.Severe, m.Confirmed)

	guests := []struct {
		name    string
		sources ep.Sources
		perf    float64
	}{
		{"Ms Chen (returning)", ep.Sources{Experience: 6, WordOfMouth: 5.5, Promises: 6.5}, 6.8},
		{"Mr Okafor (first stay)", ep.Sources{Experience: math.NaN(), WordOfMouth: 5, Promises: 6}, 4.2},
		{"Mrs Lindqvist", ep.Sources{Experience: 5, WordOfMouth: math.NaN(), Promises: 6}, 5.4},
		{"Mr Rossi", ep.Sources{Experience: 4, WordOfMouth: 4, Promises: 5}, 6.5},
		{"Dr Singh", ep.Sources{Experience: 6.5, WordOfMouth: 6, Promises: 7}, 3.9},
		{"Ms Moreau", ep.Sources{Experience: math.NaN(), WordOfMouth: math.NaN(), Promises: 6}, 6.1},
	}
	weights := ep.Weights{Experience: 2, WordOfMouth: 1, Promises: 1}
	fmt.Fprintf(w, "%-24s %11s %11s %8s  %s\n", "guest", "expectation", "performance", "P − E", "level")
	var tally ep.Tally
	for _, g := range guests {
		e, err := ep.Blend(g.sources, weights)
		if err != nil {
			return err
		}
		o, err := m.Compare(e, g.perf)
		if err != nil {
			return err
		}
		if err := tally.Add(o.Level); err != nil {
			return err
		}
		fmt.Fprintf(w, "%-24s %11.2f %11.2f %+8.2f  %s (%s)\n", g.name, o.Expectation, o.Performance, o.Disconfirmation, o.Level, o.Level.Chinese())
	}

	// The month's survey: answers on the five-level scale, plus the six
	// guests above.
	month := map[ep.Level]int64{ep.VeryDissatisfied: 6, ep.Dissatisfied: 14, ep.Neutral: 31, ep.Satisfied: 88, ep.Delighted: 55}
	for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
		if err := tally.AddN(l, month[l]); err != nil {
			return err
		}
	}
	s := tally.Report()
	fmt.Fprintf(w, "\nThis month's survey: n = %d, mean level %.2f of 5\n", s.N, s.Mean)
	for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
		fmt.Fprintf(w, "  %-18s %4d  %5.1f%%\n", l, s.Counts[l-1], 100*s.Shares[l-1])
	}
	fmt.Fprintf(w, "CSAT (top-2-box) %.1f%%, 95%% Wilson interval %.1f%%–%.1f%%\n",
		100*s.CSAT, 100*s.CSATInterval.Low, 100*s.CSATInterval.High)

	fmt.Fprintln(w, "\nA regular guest's expectation after five excellent stays (λ = 0.4):")
	outcomes, next, err := ep.Replay(m, 5, 0.4, []float64{7, 7, 7, 7, 7})
	if err != nil {
		return err
	}
	for i, o := range outcomes {
		fmt.Fprintf(w, "  stay %d: expected %.2f, got %.0f → %s\n", i+1, o.Expectation, o.Performance, o.Level)
	}
	fmt.Fprintf(w, "  next stay is expected at %.2f: yesterday's delight is today's standard.\n", next)

	fmt.Fprintln(w, "\nKano classification of amenities (functional / dysfunctional answers):")
	amenities := []struct {
		name  string
		pairs [][2]ep.Answer
		reps  []int
	}{
		{"free Wi-Fi", [][2]ep.Answer{{ep.AnswerMustBe, ep.AnswerDislike}, {ep.AnswerLike, ep.AnswerDislike}, {ep.AnswerNeutral, ep.AnswerNeutral}}, []int{28, 9, 3}},
		{"rooftop pool", [][2]ep.Answer{{ep.AnswerLike, ep.AnswerNeutral}, {ep.AnswerLike, ep.AnswerDislike}, {ep.AnswerNeutral, ep.AnswerNeutral}}, []int{22, 6, 12}},
		{"quiet room", [][2]ep.Answer{{ep.AnswerLike, ep.AnswerDislike}, {ep.AnswerMustBe, ep.AnswerDislike}, {ep.AnswerLike, ep.AnswerLiveWith}}, []int{21, 12, 7}},
		{"welcome drink", [][2]ep.Answer{{ep.AnswerNeutral, ep.AnswerNeutral}, {ep.AnswerLike, ep.AnswerNeutral}, {ep.AnswerNeutral, ep.AnswerLike}}, []int{25, 13, 2}},
	}
	fmt.Fprintf(w, "  %-14s %4s %4s %4s %4s %4s  %-16s %5s %6s\n", "attribute", "A", "O", "M", "I", "R", "category", "CS+", "CS−")
	for _, a := range amenities {
		var k ep.KanoTally
		for i, p := range a.pairs {
			for range a.reps[i] {
				if _, err := k.Add(p[0], p[1]); err != nil {
					return err
				}
			}
		}
		r := k.Report()
		fmt.Fprintf(w, "  %-14s %4d %4d %4d %4d %4d  %-16s %5.2f %6.2f\n", a.name,
			r.Counts[ep.Attractive-1], r.Counts[ep.OneDimensional-1], r.Counts[ep.MustBe-1], r.Counts[ep.Indifferent-1], r.Counts[ep.Reverse-1],
			r.Dominant, r.Satisfaction, r.Dissatisfaction)
	}

	fmt.Fprintln(w, "\nCustomer delivered value of three weekend packages (in EUR):")
	d := decimal.RequireFromString
	offers := []ep.Offer{
		{Name: "City Saver", Product: d("380"), Service: d("40"), Personnel: d("30"), Image: d("20"), Monetary: d("290"), Time: d("60"), Energy: d("35"), Physical: d("15")},
		{Name: "Harbour Classic", Product: d("520"), Service: d("110"), Personnel: d("80"), Image: d("60"), Monetary: d("460"), Time: d("40"), Energy: d("20"), Physical: d("10")},
		{Name: "Grand Suite", Product: d("760"), Service: d("150"), Personnel: d("90"), Image: d("120"), Monetary: d("890"), Time: d("30"), Energy: d("15"), Physical: d("5")},
	}
	fmt.Fprintf(w, "  %-16s %8s %8s %10s %7s\n", "package", "value", "cost", "delivered", "ratio")
	for _, o := range offers {
		r, err := o.Ratio(2)
		if err != nil {
			return err
		}
		v, err := o.TotalValue()
		if err != nil {
			return err
		}
		c, err := o.TotalCost()
		if err != nil {
			return err
		}
		dv, err := o.Delivered()
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %-16s %8s %8s %10s %7s\n", o.Name, v.StringFixed(2), c.StringFixed(2), dv.StringFixed(2), r.StringFixed(2))
	}
	best, err := ep.Choose(offers)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "A value-maximising guest books %q.\n", offers[best].Name)
	return nil
}
