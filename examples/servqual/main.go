// Command servqual prints a SERVQUAL report for a fictional appliance
// repair centre, on a built-in sample of 40 customers: the gap table per
// dimension and item with 95% confidence intervals and t tests, the
// weighted score, the zone of tolerance, and the improvement priorities.
package main

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/cxlab/satisfaction/servqual"
)

func main() {
	if err := report(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// sample generates the repair centre's survey deterministically: customers
// expect a lot of reliability and get less of it; the premises look fine.
func sample(in *servqual.Instrument) []servqual.Response {
	rng := rand.New(rand.NewPCG(2026, 11))
	// Mean expectation and perception per dimension (tangibles, reliability,
	// responsiveness, assurance, empathy) on the 1–7 scale.
	expect := []float64{5.2, 6.6, 6.1, 6.0, 5.5}
	perceive := []float64{5.6, 4.9, 5.0, 5.8, 5.3}
	rate := func(mu float64) float64 {
		x := math.Round(mu + 0.9*rng.NormFloat64())
		return math.Max(1, math.Min(7, x))
	}
	rs := make([]servqual.Response, 40)
	for r := range rs {
		n := in.NumItems()
		resp := servqual.Response{Expectation: make([]float64, n), Perception: make([]float64, n)}
		mood := 0.6 * rng.NormFloat64() // some customers rate everything higher
		for i := 0; i < n; i++ {
			d := in.DimensionOf(i)
			resp.Expectation[i] = rate(expect[d])
			resp.Perception[i] = rate(perceive[d] + mood)
			if rng.IntN(60) == 0 {
				resp.Perception[i] = math.NaN() // skipped
			}
		}
		if r%2 == 0 { // half the sample also allocated 100 importance points
			resp.Importance = []float64{10, 35, 20, 20, 15}
			if r%4 == 0 {
				resp.Importance = []float64{5, 40, 25, 15, 15}
			}
		}
		resp.Outcomes = []float64{rate(4.5 + mood)}
		rs[r] = resp
	}
	return rs
}

func report(w io.Writer) error {
	in := servqual.SERVQUAL()
	rep, err := servqual.Analyze(in, sample(in))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "FixRight Appliance Repair — %s survey, %d customers (7-point scale)\n\n", rep.Instrument, rep.Responses)

	fmt.Fprintln(w, "Dimension gaps (P − E), respondents who answered the whole dimension:")
	fmt.Fprintf(w, "  %-15s %3s %6s %6s %6s %17s %7s %8s\n", "dimension", "n", "E", "P", "gap", "95% CI", "t", "p")
	for _, d := range rep.Dimensions {
		g := d.Gap
		fmt.Fprintf(w, "  %-15s %3d %6.2f %6.2f %+6.2f [%+6.2f, %+6.2f] %7.2f %8.4f  %s\n",
			d.Name, g.N, d.Expectation.Mean, d.Perception.Mean, g.Mean, g.CI.Low, g.CI.High, g.T, g.P, d.Chinese)
	}
	o := rep.Overall.Gap
	fmt.Fprintf(w, "\n  SERVQUAL score (mean of dimension gaps): %+.2f, 95%% CI [%+.2f, %+.2f], n = %d\n", o.Mean, o.CI.Low, o.CI.High, o.N)
	if wt := rep.Weighted; wt != nil {
		fmt.Fprintf(w, "  weighted by importance points:           %+.2f, 95%% CI [%+.2f, %+.2f], n = %d\n", wt.Mean, wt.CI.Low, wt.CI.High, wt.N)
	}
	p := rep.Overall.Perception
	fmt.Fprintf(w, "  SERVPERF (mean perception):               %.2f, 95%% CI [%.2f, %.2f]\n", p.Mean, p.CI.Low, p.CI.High)

	fmt.Fprintln(w, "\nItem gaps:")
	fmt.Fprintf(w, "  %-4s %-40s %3s %6s %17s  %s\n", "item", "what it asks about", "n", "gap", "95% CI", "real?")
	for _, it := range rep.Items {
		g := it.Gap
		verdict := ""
		if g.P < 0.05 {
			verdict = "yes (p < 0.05)"
		}
		fmt.Fprintf(w, "  %-4s %-40s %3d %+6.2f [%+6.2f, %+6.2f]  %s\n", it.Key, it.Label, g.N, g.Mean, g.CI.Low, g.CI.High, verdict)
	}

	fmt.Fprintln(w, "\nImprovement priorities (largest shortfall first):")
	for _, pr := range rep.DimensionPriorities {
		bar := strings.Repeat("█", max(0, int(math.Round(-pr.Mean*10))))
		fmt.Fprintf(w, "  %d. %-15s %+.2f %s\n", pr.Rank, pr.Key, pr.Mean, bar)
	}
	fmt.Fprint(w, "  Items:")
	for _, pr := range rep.ItemPriorities[:5] {
		fmt.Fprintf(w, " %s (%+.2f)", pr.Key, pr.Mean)
	}
	fmt.Fprintln(w)

	// The zone of tolerance, for a follow-up wave in the three-column
	// format on the reliability items only.
	fmt.Fprintln(w, "\nZone of tolerance, one customer in the follow-up wave (reliability items):")
	n := in.NumItems()
	adequate, desired, perceived := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range perceived {
		adequate[i], desired[i], perceived[i] = math.NaN(), math.NaN(), math.NaN()
	}
	for j, i := range in.ItemsOf(1) {
		adequate[i], desired[i] = 4, 6
		perceived[i] = []float64{3, 5, 6, 7, 4}[j]
	}
	s, err := in.Score(servqual.Response{Adequate: adequate, Desired: desired, Perception: perceived})
	if err != nil {
		return err
	}
	for _, i := range in.ItemsOf(1) {
		it := s.Items[i]
		fmt.Fprintf(w, "  %-4s adequate 4, desired 6, perceived %.0f: MSA %+.0f, MSS %+.0f → %s the zone (%s)\n",
			it.Key, perceived[i], it.Adequacy, it.Superiority, it.Zone, it.Zone.Level())
	}
	return nil
}
