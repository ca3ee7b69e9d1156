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
	fmt.Fprintln(w, "Trust (seed policy): 1, 2, 3 satisfying visits climb none → cognitive → affective →")
	fmt.Fprintln(w, "behavioural; a bad visit undoes trust below behavioural; behavioural trust falls only")
	fmt.Fprintln(w, "after 3 bad visits in a row or one very dissatisfying visit.")
	fmt.Fprintln(w, "Trust path after each visit: - none, C cognitive, A affective, B behavioural.")
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
		fmt.Fprintf(w, "      trust  %s  → %s\n", strings.Join(stages, " "), final.Stage)
		fmt.Fprintf(w, "      ladder %s — purchases %d, tenure %d months, referrals %d; Dick & Basu: %s\n",
			rung, len(c.visits), c.tenure/month, c.referrals, loyalty.DickBasu(final.Stage >= loyalty.DefaultAttitude, regular))
	}
	ct, err := tab.Report(loyalty.DefaultAttitude)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Dick & Basu: true %d, latent %d, spurious %d, none %d\n\n",
		ct.Counts[loyalty.TrueLoyalty], ct.Counts[loyalty.LatentLoyalty], ct.Counts[loyalty.SpuriousLoyalty], ct.Counts[loyalty.NoLoyalty])

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
	fmt.Fprintln(w, "Net Promoter Score (promoters 9–10 minus detractors 0–6), 95% intervals")
	fmt.Fprintf(w, "  last year  n=%d  %+6.1f  [%6.1f, %6.1f]\n", rb.N, rb.Score, rb.Interval.Low, rb.Interval.High)
	fmt.Fprintf(w, "  this year  n=%d  %+6.1f  [%6.1f, %6.1f]\n", ra.N, ra.Score, ra.Interval.Low, ra.Interval.High)
	fmt.Fprintf(w, "  change            %+6.1f  [%6.1f, %6.1f]", diff.Diff, diff.Interval.Low, diff.Interval.High)
	if diff.Interval.Low > 0 {
		fmt.Fprint(w, "  — a real improvement")
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
	fmt.Fprintf(w, "Defection (seed rates 80/40/20/10/1.5%%): %.0f of %d customers expected to leave, retention %.1f%%\n",
		lost.TotalLost, lost.N, 100*lost.Retention)
	up, err := def.Upgrade(&base, 0.2, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  delighting 20%% of the satisfied (%.0f customers) keeps %.1f more and adds value worth %.0f satisfied customers (10× each)\n",
		up.Moved, up.Saved, up.ValueGain)
	wom, err := loyalty.DefaultWordOfMouth().Reach(&base)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Word of mouth: %.0f people hear good things, %.0f bad, net %+.0f\n\n", wom.Positive, wom.Negative, wom.Net)

	// Complaints: the dissatisfied customers, and what recovery saves.
	unhappy := float64(base.Count(vd) + base.Count(d))
	handling := loyalty.Handling{Resolved: 0.8, Quick: 0.5}
	rec := loyalty.KotlerRecovery()
	fmt.Fprintf(w, "Complaints from %.0f dissatisfied customers (80%% of complaints resolved, 50%% quickly)\n", unhappy)
	for _, share := range []float64{rec.Complain, 0.20} {
		r := rec
		r.Complain = share
		rep, err := r.Apply(unhappy, handling)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %2.0f%% complain: %4.1f complaints, %5.1f customers kept, %4.1f of them saved by recovery\n",
			100*share, rep.Complained, rep.Kept, rep.Saved)
	}
	fmt.Fprintln(w, "  (TARP: 95% never complain; making complaining easy lets recovery reach them)")
	tiers := loyalty.DefaultTiers()
	fmt.Fprintln(w, "Escalation of an open complaint (limits: front desk 4h, department 24h, manager 48h):")
	for _, age := range []time.Duration{2 * time.Hour, 30 * time.Hour, 80 * time.Hour} {
		e, err := loyalty.Escalate(age, tiers)
		if err != nil {
			return err
		}
		late := ""
		if e.Overdue {
			late = ", overdue"
		}
		fmt.Fprintf(w, "  open %2.0fh → %s%s\n", age.Hours(), e.Name, late)
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
