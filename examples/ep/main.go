// Command ep prints a short satisfaction report for a fictional hotel on
// built-in data, using package ep: each guest's expectation compared with
// the stay they got, the CSAT share with its confidence interval, how a
// regular guest's expectation drifts up through a run of delight, a Kano
// table of amenities, and the offer a value-maximising guest would choose.
//
// With -charts DIR it also writes each guest's stay against the band where
// the expectation counts as met to DIR as SVG and PNG (ep_guests); -font
// FILE draws it with Chinese labels in that CJK font (such as
// /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc from Debian's
// fonts-noto-cjk).
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/cxlab/satisfaction/ep"
	"github.com/shopspring/decimal"
)

func main() {
	charts := flag.String("charts", "", "also write the charts to this directory (SVG and PNG)")
	fontPath := flag.String("font", "", "with -charts: a CJK TrueType/OpenType font for Chinese chart labels")
	flag.Parse()
	if err := report(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *charts != "" {
		if err := writeCharts(*charts, *fontPath); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// guests are the hotel's guests: the sources of their expectations and
// the performance they rated after the stay (1–7 scale).
var guests = []struct {
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

// weights blend the sources: past stays count twice.
var weights = ep.Weights{Experience: 2, WordOfMouth: 1, Promises: 1}

// num formats x with prec decimals, printing a value that rounds to zero
// as 0 (never -0.00).
func num(x float64, prec int) string {
	s := fmt.Sprintf("%.*f", prec, x)
	if strings.Trim(s, "-0.") == "" {
		return fmt.Sprintf("%.*f", prec, 0.0)
	}
	return s
}

// signed is num with a + on positive non-zero values.
func signed(x float64, prec int) string {
	s := num(x, prec)
	if x > 0 && strings.Trim(s, "0.") != "" {
		return "+" + s
	}
	return s
}

// width is the display width of s: CJK characters take two columns.
func width(s string) int {
	w := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana) || r >= 0xFF01 && r <= 0xFF60 || r >= 0x3000 && r <= 0x303F {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// pad pads s on the right to w display columns.
func pad(s string, w int) string { return s + strings.Repeat(" ", max(0, w-width(s))) }

func report(w io.Writer) error {
	m := ep.EPModel()

	fmt.Fprintln(w, "Harbour View Hotel — guest satisfaction (ratings on a 1–7 scale)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Each guest's expectation E is compared with the performance P they rated after the")
	fmt.Fprintln(w, "stay (the expectation-performance model, Oliver 1980). With P − E in rating points:")
	fmt.Fprintf(w, "  within ±%s the expectation counts as met (%s); up to +%s the guest is %s,\n",
		num(m.Tolerance, 1), m.Confirmed, num(m.Delight, 1), m.Confirmed+1)
	fmt.Fprintf(w, "  beyond it %s; down to −%s %s, below that %s.\n",
		ep.Delighted, num(m.Severe, 1), ep.Dissatisfied, ep.VeryDissatisfied)
	fmt.Fprintln(w, "  These cut points are illustrative and can be changed.")
	fmt.Fprintln(w)

	fmt.Fprintf(w, "%-24s %11s %11s %7s  %-18s %s\n", "guest", "expectation", "performance", "P − E", "level", "中文")
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
		fmt.Fprintf(w, "%-24s %11s %11s %7s  %-18s %s\n", g.name, num(o.Expectation, 2), num(o.Performance, 2),
			signed(o.Disconfirmation, 2), o.Level, o.Level.Chinese())
	}
	fmt.Fprintln(w, "expectation: a guest's past stays (weight 2), what others told them (1) and the hotel's")
	fmt.Fprintln(w, "promises (1) — the three sources of expectations in Kotler & Keller, Marketing Management —")
	fmt.Fprintln(w, "averaged over the sources the guest has.")

	// The month's survey: answers on the five-level scale, plus the six
	// guests above.
	month := map[ep.Level]int64{ep.VeryDissatisfied: 6, ep.Dissatisfied: 14, ep.Neutral: 31, ep.Satisfied: 88, ep.Delighted: 55}
	for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
		if err := tally.AddN(l, month[l]); err != nil {
			return err
		}
	}
	s := tally.Report()
	fmt.Fprintf(w, "\nThis month's survey: %d answers (%d survey answers and the %d guests above)\n", s.N, s.N-int64(len(guests)), len(guests))
	fmt.Fprintf(w, "  %-18s %s %7s %7s\n", "level", pad("中文", 10), "answers", "share")
	for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
		fmt.Fprintf(w, "  %-18s %s %7d %6s%%\n", l, pad(l.Chinese(), 10), s.Counts[l-1], num(100*s.Shares[l-1], 1))
	}
	fmt.Fprintf(w, "Mean level %s on the 1–5 scale (1 = very dissatisfied, 5 = delighted).\n", num(s.Mean, 2))
	fmt.Fprintf(w, "CSAT (customer satisfaction score: the share answering satisfied or delighted) %s%%,\n", num(100*s.CSAT, 1))
	fmt.Fprintf(w, "  95%% confidence interval %s%%–%s%% (Wilson).\n", num(100*s.CSATInterval.Low, 1), num(100*s.CSATInterval.High, 1))

	const rate = 0.4
	fmt.Fprintf(w, "\nA regular guest's expectation over five excellent stays (after each stay the expectation\n")
	fmt.Fprintf(w, "moves %s%% of the way towards what the guest got):\n", num(100*rate, 0))
	outcomes, next, err := ep.Replay(m, 5, rate, []float64{7, 7, 7, 7, 7})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  %-5s %8s %5s  %s\n", "stay", "expected", "got", "level")
	for i, o := range outcomes {
		fmt.Fprintf(w, "  %-5d %8s %5s  %s (%s)\n", i+1, num(o.Expectation, 2), num(o.Performance, 0), o.Level, o.Level.Chinese())
	}
	fmt.Fprintf(w, "  The next stay is expected at %s: yesterday's delight is today's standard.\n", num(next, 2))

	fmt.Fprintln(w, "\nKano classification of amenities (40 guests each answered \"how do you feel if the")
	fmt.Fprintln(w, "room has it?\" and \"… if it does not?\"):")
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
	fmt.Fprintf(w, "  %-14s %4s %4s %4s %4s %4s  %-16s %s %5s %6s\n", "attribute", "A", "O", "M", "I", "R", "category", pad("中文", 10), "CS+", "CS−")
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
		fmt.Fprintf(w, "  %-14s %4d %4d %4d %4d %4d  %-16s %s %5s %6s\n", a.name,
			r.Counts[ep.Attractive-1], r.Counts[ep.OneDimensional-1], r.Counts[ep.MustBe-1], r.Counts[ep.Indifferent-1], r.Counts[ep.Reverse-1],
			r.Dominant, pad(r.Dominant.Chinese(), 10), num(r.Satisfaction, 2), num(r.Dissatisfaction, 2))
	}
	fmt.Fprintln(w, "  Columns A to R count the guests whose answers put the attribute in each category:")
	for _, c := range []struct {
		abbrev  string
		cat     ep.Category
		meaning string
	}{
		{"A", ep.Attractive, "delights when present, not missed when absent"},
		{"O", ep.OneDimensional, "satisfies in proportion to how well it is done"},
		{"M", ep.MustBe, "taken for granted: only missed when absent"},
		{"I", ep.Indifferent, "does not matter to the guest"},
		{"R", ep.Reverse, "wanted absent"},
	} {
		fmt.Fprintf(w, "    %s %s %s %s\n", c.abbrev, pad(c.cat.String(), 16), pad(c.cat.Chinese(), 10), c.meaning)
	}
	fmt.Fprintln(w, "  category: the most frequent one (Kano, Seraku, Takahashi & Tsuji 1984).")
	fmt.Fprintln(w, "  CS+: how much satisfaction the attribute can add, 0 to 1; CS−: how much dissatisfaction")
	fmt.Fprintln(w, "  its absence causes, −1 to 0 (Berger et al. 1993). Category and coefficients can tell")
	fmt.Fprintln(w, "  different stories: CS+ weighs every answer, so the rooftop pool (attractive) and the quiet")
	fmt.Fprintln(w, "  room (one-dimensional) add as much satisfaction, but only the quiet room is badly missed\n  when absent (CS− −0.82).")

	fmt.Fprintln(w, "\nCustomer delivered value of three weekend packages (in EUR):")
	d := decimal.RequireFromString
	offers := []ep.Offer{
		{Name: "City Saver", Product: d("380"), Service: d("40"), Personnel: d("30"), Image: d("20"), Monetary: d("290"), Time: d("60"), Energy: d("35"), Physical: d("15")},
		{Name: "Harbour Classic", Product: d("520"), Service: d("110"), Personnel: d("80"), Image: d("60"), Monetary: d("460"), Time: d("40"), Energy: d("20"), Physical: d("10")},
		{Name: "Grand Suite", Product: d("760"), Service: d("150"), Personnel: d("90"), Image: d("120"), Monetary: d("890"), Time: d("30"), Energy: d("15"), Physical: d("5")},
	}
	fmt.Fprintf(w, "  %-16s %11s %10s %10s %10s\n", "package", "total value", "total cost", "delivered", "value/cost")
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
		fmt.Fprintf(w, "  %-16s %11s %10s %10s %10s\n", o.Name, v.StringFixed(2), c.StringFixed(2), dv.StringFixed(2), r.StringFixed(2))
	}
	fmt.Fprintln(w, "  total value = product + service + personnel + image value; total cost = price + time")
	fmt.Fprintln(w, "  + energy + physical effort; delivered = total value − total cost (Kotler & Keller,")
	fmt.Fprintln(w, "  Marketing Management).")
	best, err := ep.Choose(offers)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "A value-maximising guest books %q, the package with the greatest delivered value.\n", offers[best].Name)
	byDelivered, byRatio := rankOffers(offers)
	fmt.Fprintf(w, "Ranked by delivered value: %s.\nRanked by value/cost:      %s.\n", strings.Join(byDelivered, ", "), strings.Join(byRatio, ", "))
	if strings.Join(byDelivered, ",") == strings.Join(byRatio, ",") {
		fmt.Fprintln(w, "The two rankings agree here. They can differ: value/cost ignores the size of the")
	} else {
		fmt.Fprintln(w, "The two rankings differ: value/cost ignores the size of the")
	}
	fmt.Fprintln(w, "purchase, while the guest is taken to buy the package that leaves the most value in euros.")
	return nil
}

// rankOffers returns the offers' names ordered by delivered value and by
// value/cost ratio, highest first (ties keep the listed order). The offers
// have been validated and have positive costs.
func rankOffers(offers []ep.Offer) (byDelivered, byRatio []string) {
	idx := make([]int, len(offers))
	for i := range idx {
		idx[i] = i
	}
	delivered := func(i int) decimal.Decimal { d, _ := offers[i].Delivered(); return d }
	ratio := func(i int) decimal.Decimal { r, _ := offers[i].Ratio(12); return r }
	order := func(key func(int) decimal.Decimal) []string {
		o := slices.Clone(idx)
		slices.SortStableFunc(o, func(a, b int) int { return key(b).Cmp(key(a)) })
		names := make([]string, len(o))
		for k, i := range o {
			names[k] = offers[i].Name
		}
		return names
	}
	return order(delivered), order(ratio)
}
