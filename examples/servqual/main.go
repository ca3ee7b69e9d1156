// Command servqual prints a SERVQUAL report for a fictional appliance
// repair centre, on a built-in sample of 40 customers: the gap table per
// dimension and item with 95% confidence intervals and t tests, the
// weighted score, the improvement priorities, the reliability of each
// dimension, the key drivers of the overall rating, an
// importance-performance grid, and the zone of tolerance.
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
	acc, err := servqual.Accumulate(in, sample(in), 1)
	if err != nil {
		return err
	}
	rep := acc.Report()
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
		fmt.Fprintf(w, "  %-4s %-40s %3d %+6.2f [%+6.2f, %+6.2f]  %s\n", it.Key, it.Name, g.N, g.Mean, g.CI.Low, g.CI.High, verdict)
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

	if err := analyses(w, acc); err != nil {
		return err
	}

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

// analyses prints reliability, key drivers and the importance-performance
// grid.
func analyses(w io.Writer, acc *servqual.Accumulator) error {
	fmt.Fprintln(w, "\nReliability of the perception scales (Cronbach's alpha, complete respondents):")
	rels, err := acc.Reliability(servqual.Perception)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  %-15s %3s %6s %8s %7s  %s\n", "dimension", "n", "alpha", "std.alpha", "mean r", "weakest item (item-rest r, alpha if dropped)")
	for _, r := range rels {
		weakest := r.Items[0]
		for _, it := range r.Items[1:] {
			if it.ItemRest < weakest.ItemRest {
				weakest = it
			}
		}
		fmt.Fprintf(w, "  %-15s %3d %6.3f %8.3f %7.3f  %s (%.2f, %.3f)\n", r.Dimension, r.N, r.Alpha, r.StdAlpha, r.MeanR, weakest.Key, weakest.ItemRest, weakest.AlphaIfDropped)
	}

	d, err := acc.KeyDrivers(servqual.Perception, "overall")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nWhat drives the overall quality rating? (perceptions, n = %d, R² = %.2f)\n", d.N, d.RSquared)
	fmt.Fprintf(w, "  %-15s %7s %8s %8s %9s\n", "dimension", "beta", "Shapley", "Johnson", "share")
	for i, k := range d.Keys {
		fmt.Fprintf(w, "  %-15s %+7.3f %8.3f %8.3f %8.1f%%\n", k, d.Beta[i], d.Shapley[i], d.Johnson[i], 100*d.ShapleyShare[i])
	}

	// Derived importance (Shapley shares) against mean perception.
	pts, err := acc.IPA(servqual.Perception, d.ShapleyShare, nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nImportance-performance analysis (importance = Shapley share, performance = mean perception):")
	fmt.Fprintf(w, "  %-15s %10s %11s  %-22s %8s %4s\n", "dimension", "importance", "performance", "quadrant", "priority", "rank")
	for _, p := range pts {
		fmt.Fprintf(w, "  %-15s %9.1f%% %11.2f  %-22s %+8.2f %4d\n", p.Key, 100*p.Importance, p.Performance, p.Quadrant, p.Priority, p.Rank)
	}
	quadrantChart(w, pts)
	return nil
}

// quadrantChart draws the importance-performance grid as text: importance
// up, performance to the right, the cross-hair at the grand means.
func quadrantChart(w io.Writer, pts []servqual.IPAPoint) {
	const width, height = 44, 11
	var imp, perf []float64
	for _, p := range pts {
		imp = append(imp, p.Importance)
		perf = append(perf, p.Performance)
	}
	lo := func(x []float64) float64 {
		m := x[0]
		for _, v := range x {
			m = math.Min(m, v)
		}
		return m
	}
	hi := func(x []float64) float64 {
		m := x[0]
		for _, v := range x {
			m = math.Max(m, v)
		}
		return m
	}
	mean := func(x []float64) float64 {
		var s float64
		for _, v := range x {
			s += v
		}
		return s / float64(len(x))
	}
	iLo, iHi, pLo, pHi := lo(imp), hi(imp), lo(perf), hi(perf)
	col := func(v float64) int { return int(math.Round((v - pLo) / (pHi - pLo) * (width - 1))) }
	row := func(v float64) int { return height - 1 - int(math.Round((v-iLo)/(iHi-iLo)*(height-1))) }
	grid := make([][]rune, height)
	cx, cy := col(mean(perf)), row(mean(imp))
	for r := range grid {
		grid[r] = []rune(strings.Repeat(" ", width))
		grid[r][cx] = '│'
	}
	for c := range grid[cy] {
		grid[cy][c] = '─'
	}
	grid[cy][cx] = '┼'
	for _, p := range pts {
		r, c := row(p.Importance), col(p.Performance)
		label := []rune(p.Key[:3])
		for j, ch := range label {
			if c+j < width {
				grid[r][min(c+j, width-1)] = ch
			}
		}
		if c+len(label) > width {
			copy(grid[r][width-len(label):], label)
		}
	}
	fmt.Fprintln(w, "\n  importance")
	fmt.Fprintln(w, "      ▲  concentrate here            keep up the good work")
	for _, r := range grid {
		fmt.Fprintf(w, "      │ %s\n", string(r))
	}
	fmt.Fprintf(w, "      └%s▶ performance\n", strings.Repeat("─", width+1))
	fmt.Fprintln(w, "         low priority                possible overkill")
}
