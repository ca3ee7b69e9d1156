package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
)

// behaviourCustomer is one customer of the bike shop: the satisfaction
// level of each visit, in order, and what the shop knows about them.
type behaviourCustomer struct {
	name      string
	visits    []ep.Level
	tenure    time.Duration
	referrals int
}

// printBehaviour tells how a few customers of a bike shop came to trust it
// (or not), where they stand on the relationship ladder, what the whole
// customer base says in the Net Promoter survey, and what complaint
// handling and word of mouth do for the shop.
func printBehaviour(w io.Writer) {
	if err := behaviourReport(w); err != nil {
		fmt.Fprintln(w, "error:", err)
	}
}

func behaviourReport(w io.Writer) error {
	const (
		vd = ep.VeryDissatisfied
		d  = ep.Dissatisfied
		n  = ep.Neutral
		s  = ep.Satisfied
		dl = ep.Delighted
	)
	month := 30 * 24 * time.Hour
	customers := []behaviourCustomer{
		{"Ana", []ep.Level{s, s, d, s, s, s, s, s, dl}, 14 * month, 3},
		{"Ben", []ep.Level{s, n, s, d}, 5 * month, 0},
		{"Chen", []ep.Level{dl, dl, s, dl, s, s, d, d, s}, 26 * month, 1},
		{"Dana", []ep.Level{vd}, 0, 0},
	}
	policy, ladder := loyalty.DefaultTrust(), loyalty.DefaultLadder()

	fmt.Fprintln(w, "Spoke & Chain Cycles — how satisfaction turns into trust and loyalty")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Visits: 1 very dissatisfied, 2 dissatisfied, 3 neutral, 4 satisfied, 5 delighted.")
	fmt.Fprintln(w, "Trust (DefaultTrust, illustrative counts): 1, 2, 3 satisfying visits climb none → cognitive →")
	fmt.Fprintln(w, "affective → behavioural (认知信任 → 情感信任 → 行为信任); a bad visit undoes trust below behavioural;")
	fmt.Fprintln(w, "behavioural trust falls only after 3 bad visits in a row or one very dissatisfying visit.")
	fmt.Fprintln(w, "Trust path after each visit: - none, C cognitive, A affective, B behavioural.")
	fmt.Fprintln(w, "Ladder: the relationship ladder (after Christopher, Payne & Ballantyne 1991) with DefaultLadder's")
	fmt.Fprintln(w, "illustrative thresholds. Loyalty: Dick & Basu's (1994) matrix of attitude (high from affective")
	fmt.Fprintln(w, "trust up) and repeat buying (high at 3 or more visits a year).")
	fmt.Fprintln(w)
	var tab loyalty.TrustCrossTab
	for _, c := range customers {
		path, err := policy.Replay(loyalty.TrustState{}, c.visits)
		if err != nil {
			return err
		}
		var visits, stages []string
		for i, st := range path {
			visits = append(visits, fmt.Sprint(int(c.visits[i])))
			stages = append(stages, behaviourAbbrev(st.Stage))
		}
		final := path[len(path)-1]
		rung, err := ladder.Place(loyalty.Facts{Purchases: len(c.visits), Tenure: c.tenure, Trust: final.Stage, Referrals: c.referrals})
		if err != nil {
			return err
		}
		// A customer who came back at least three times in a year counts
		// as a regular (high repeat patronage).
		regular := len(c.visits) >= 3 && c.tenure > 0 && float64(len(c.visits))/(float64(c.tenure)/float64(12*month)) >= 3
		if err := tab.Add(final.Stage, regular); err != nil {
			return err
		}
		fmt.Fprintf(w, "%-5s visits %s\n", c.name, strings.Join(visits, " "))
		fmt.Fprintf(w, "      trust  %s  → %s (%s)\n", strings.Join(stages, " "), final.Stage, final.Stage.Chinese())
		cond := loyalty.DickBasu(final.Stage >= loyalty.DefaultAttitude, regular)
		fmt.Fprintf(w, "      ladder %s (%s) — purchases %d, tenure %d months, referrals %d\n",
			rung, rung.Chinese(), len(c.visits), c.tenure/month, c.referrals)
		fmt.Fprintf(w, "      loyalty %s (%s)\n", cond, cond.Chinese())
	}
	ct, err := tab.Report(loyalty.DefaultAttitude)
	if err != nil {
		return err
	}
	fmt.Fprint(w, "Loyalty conditions (Dick & Basu 1994):")
	for i, c := range []loyalty.Condition{loyalty.TrueLoyalty, loyalty.LatentLoyalty, loyalty.SpuriousLoyalty, loyalty.NoLoyalty} {
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(w, "%s %s %d", sep, c, ct.Counts[c])
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)

	// The whole customer base: last spring's and this spring's NPS survey.
	var before, after loyalty.NPSTally
	for score, k := range []int64{2, 1, 3, 4, 5, 8, 7, 15, 25, 30, 20} {
		if err := before.AddN(score, k); err != nil {
			return err
		}
	}
	for score, k := range []int64{1, 0, 1, 2, 2, 4, 5, 10, 20, 35, 40} {
		if err := after.AddN(score, k); err != nil {
			return err
		}
	}
	rb, ra := before.Report(), after.Report()
	diff := loyalty.NPSDifference(rb, ra)
	fmt.Fprintln(w, "Net Promoter Score (NPS, Reichheld 2003) in points (−100 to 100): % promoters (answers 9–10)")
	fmt.Fprintln(w, "minus % detractors (0–6) to \"how likely are you to recommend us?\", with 95% confidence intervals")
	fmt.Fprintf(w, "  %-10s %5s %7s  %s\n", "survey", "n", "NPS", "95% interval")
	fmt.Fprintf(w, "  %-10s %5d %7s  [%s, %s]\n", "last year", rb.N, signed(rb.Score, 1), num(rb.Interval.Low, 1), num(rb.Interval.High, 1))
	fmt.Fprintf(w, "  %-10s %5d %7s  [%s, %s]\n", "this year", ra.N, signed(ra.Score, 1), num(ra.Interval.Low, 1), num(ra.Interval.High, 1))
	fmt.Fprintf(w, "  %-10s %5s %7s  [%s, %s]", "change", "", signed(diff.Diff, 1), num(diff.Interval.Low, 1), num(diff.Interval.High, 1))
	switch {
	case diff.Interval.Low > 0:
		fmt.Fprint(w, "  — the interval excludes 0: a real improvement at the 5% level")
	case diff.Interval.High < 0:
		fmt.Fprint(w, "  — the interval excludes 0: a real decline at the 5% level")
	default:
		fmt.Fprint(w, "  — the interval includes 0: no clear change")
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)

	// The satisfaction survey of the 2,000 customers on file.
	var base ep.Tally
	for l, k := range map[ep.Level]int64{vd: 100, d: 200, n: 300, s: 1000, dl: 400} {
		if err := base.AddN(l, k); err != nil {
			return err
		}
	}
	def := loyalty.KotlerDefection()
	lost, err := def.Lost(&base)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Defection at Kotler & Keller's loss rates by satisfaction level (very dissatisfied 80%, dissatisfied 40%,")
	fmt.Fprintf(w, "neutral 20%%, satisfied 10%%, delighted 1.5%%): %.0f of %d customers expected to leave, retention %.1f%%\n",
		lost.TotalLost, lost.N, 100*lost.Retention)
	up, err := def.Upgrade(&base, 0.2, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  delighting 20%% of the satisfied (%.0f customers) keeps %.1f more and adds value worth %.0f satisfied\n",
		up.Moved, up.Saved, up.ValueGain)
	fmt.Fprintln(w, "  customers (a delighted customer is worth 10 satisfied ones: Xerox, as Kotler & Keller report)")
	wom, err := loyalty.DefaultWordOfMouth().Reach(&base)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Word of mouth (commonly quoted: a satisfied customer tells ~10 people, a dissatisfied one ~20;")
	fmt.Fprintf(w, "illustrative): %.0f people hear good things, %.0f bad, net %s\n\n", wom.Positive, wom.Negative, signed(wom.Net, 0))

	// Complaints: the dissatisfied customers, and what recovery saves.
	unhappy := float64(base.Count(vd) + base.Count(d))
	handling := loyalty.Handling{Resolved: 0.8, Quick: 0.5}
	rec := loyalty.KotlerRecovery()
	fmt.Fprintf(w, "Complaints from %.0f dissatisfied customers (80%% of complaints resolved, 50%% quickly; repurchase\n", unhappy)
	fmt.Fprintln(w, "rates of KotlerRecovery: 95% if resolved quickly, 62% if resolved later (midpoint of 54–70%),")
	fmt.Fprintln(w, "60% if not resolved or never voiced (an illustrative assumption))")
	for _, share := range []float64{rec.Complain, 0.20} {
		r := rec
		r.Complain = share
		rep, err := r.Apply(unhappy, handling)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  if %2.0f%% complain: %4.1f complaints, %5.1f customers kept, %4.1f of them saved by recovery\n",
			100*share, rep.Complained, rep.Kept, rep.Saved)
	}
	fmt.Fprintln(w, "  (95% of dissatisfied customers never complain — the TARP studies as Kotler & Keller quote them;")
	fmt.Fprintln(w, "  making complaining easy lets recovery reach them)")
	tiers := loyalty.DefaultTiers()
	fmt.Fprintln(w, "Escalation of an open complaint: a level that does not close it within its response-time limit")
	fmt.Fprint(w, "passes it up (common help-desk practice; illustrative limits:")
	for i, t := range tiers {
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(w, "%s %s %.0fh", sep, t.Name, t.Limit.Hours())
	}
	fmt.Fprintln(w, ")")
	fmt.Fprintf(w, "  %-9s %s\n", "open for", "handled by")
	for _, age := range []time.Duration{2 * time.Hour, 30 * time.Hour, 80 * time.Hour} {
		e, err := loyalty.Escalate(age, tiers)
		if err != nil {
			return err
		}
		late := ""
		if e.Overdue {
			late = ", overdue"
		}
		fmt.Fprintf(w, "  %-9s %s (%s)%s\n", fmt.Sprintf("%.0fh", age.Hours()), e.Name, e.Chinese, late)
	}
	fmt.Fprintln(w)
	return nil
}

// behaviourAbbrev is a one-letter label for a trust stage.
func behaviourAbbrev(s loyalty.Stage) string {
	switch s {
	case loyalty.Cognitive:
		return "C"
	case loyalty.Affective:
		return "A"
	case loyalty.Conative:
		return "N"
	case loyalty.Behavioural:
		return "B"
	default:
		return "-"
	}
}
