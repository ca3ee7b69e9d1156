// Command servqual prints a SERVQUAL report for a fictional appliance
// repair centre, on a built-in sample of 40 customers: the gap table per
// dimension and item with 95% confidence intervals and t tests, the
// weighted score, the improvement priorities, the reliability of each
// dimension, the key drivers of the overall rating, an
// importance-performance grid (and why it ranks differently from the
// gaps), and the zone of tolerance. Labels are in English and Chinese.
//
// With -charts DIR it also writes the gap chart, the
// importance-performance grid and the zone of tolerance to DIR as SVG and
// PNG (servqual_gaps, servqual_ipa, servqual_zone); -font FILE draws them with Chinese labels in that CJK
// font (such as /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
// from Debian's fonts-noto-cjk).
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/servqual"
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
	fmt.Fprintf(w, "FixRight Appliance Repair — %s survey of %d customers (%s)\n\n", rep.Instrument, rep.Responses, in.Chinese())
	fmt.Fprintln(w, "How to read this report:")
	fmt.Fprintln(w, "  E expectation and P perception are mean ratings on the 1–7 scale; gap = P − E, negative")
	fmt.Fprintln(w, "  where the service falls short of what customers expect. n is the number of respondents")
	fmt.Fprintln(w, "  behind a figure; 95% CI the confidence interval of the mean; t, p the t test of the gap")
	fmt.Fprintln(w, "  against zero: p < 0.05 means a gap this large is unlikely to be chance.")

	fmt.Fprintln(w, "\nDimension gaps (P − E), respondents who answered the whole dimension:")
	fmt.Fprintf(w, "  %s %s %3s %5s %5s %6s  %-16s %6s %7s\n", pad("dimension", 15), pad("中文", 7), "n", "E", "P", "gap", "95% CI", "t", "p")
	for _, d := range rep.Dimensions {
		g := d.Gap
		fmt.Fprintf(w, "  %s %s %3d %5s %5s %6s  %-16s %6s %7s\n", pad(d.Name, 15), pad(d.Chinese, 7), g.N,
			num(d.Expectation.Mean, 2), num(d.Perception.Mean, 2), signed(g.Mean, 2), ci(g.CI, 2), num(g.T, 2), pval(g.P))
	}
	o := rep.Overall.Gap
	fmt.Fprintln(w, "\nOverall scores (n: respondents who answered every item):")
	fmt.Fprintf(w, "  %-50s %5s, 95%% CI %s, n = %d\n", "SERVQUAL score (mean of the dimension gaps):", signed(o.Mean, 2), ci(o.CI, 2), o.N)
	if wt := rep.Weighted; wt != nil {
		stated := int64(0)
		if imp := rep.Dimensions[0].Importance; imp != nil {
			stated = imp.N
		}
		fmt.Fprintf(w, "  %-50s %5s, 95%% CI %s, n = %d\n", "weighted by importance points:", signed(wt.Mean, 2), ci(wt.CI, 2), wt.N)
		fmt.Fprintf(w, "    (each dimension's gap weighed by the points it received; only the %d respondents who\n", stated)
		fmt.Fprintf(w, "    shared out 100 importance points count, and %d of them answered every item, hence n = %d)\n", wt.N, wt.N)
	}
	p := rep.Overall.Perception
	fmt.Fprintf(w, "  %-50s %5s, 95%% CI %s, n = %d\n", "SERVPERF score (mean perception, Cronin & Taylor):", num(p.Mean, 2), ciu(p.CI, 2), p.N)

	fmt.Fprintln(w, "\nItem gaps (significant: p < 0.05):")
	fmt.Fprintf(w, "  %-4s %-38s %s %3s %6s  %-16s %s\n", "item", "what it asks about", pad("中文", 22), "n", "gap", "95% CI", "significant?")
	for _, it := range rep.Items {
		g := it.Gap
		verdict := ""
		if g.P < 0.05 {
			verdict = "yes"
		}
		line := fmt.Sprintf("  %-4s %-38s %s %3d %6s  %-16s %s", it.Key, it.Name, pad(it.Chinese, 22), g.N, signed(g.Mean, 2), ci(g.CI, 2), verdict)
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}

	fmt.Fprintln(w, "\nImprovement priorities by gap (largest shortfall first):")
	for _, pr := range rep.DimensionPriorities {
		bar := strings.Repeat("█", max(0, int(math.Round(-pr.Mean*10))))
		fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("  %d. %s %6s %s", pr.Rank, pad(rep.Dimension(pr.Key).Name, 15), signed(pr.Mean, 2), bar), " "))
	}
	fmt.Fprintln(w, "  Worst items:")
	for _, pr := range rep.ItemPriorities[:5] {
		fmt.Fprintf(w, "    %-4s %-38s %s\n", pr.Key, rep.Item(pr.Key).Name, signed(pr.Mean, 2))
	}

	if err := analyses(w, acc, rep); err != nil {
		return err
	}
	return zone(w, in)
}

// zone prints the zone of tolerance for a follow-up wave in the
// three-column format, on the reliability items only.
func zone(w io.Writer, in *servqual.Instrument) error {
	fmt.Fprintln(w, "\nZone of tolerance, one customer in the follow-up wave (reliability items):")
	fmt.Fprintln(w, "  The customer rates each item three times: the adequate (minimum acceptable) level, the")
	fmt.Fprintln(w, "  desired level and the perceived service. MSA (measure of service adequacy) = perceived −")
	fmt.Fprintln(w, "  adequate; MSS (measure of service superiority) = perceived − desired (Parasuraman, Zeithaml")
	fmt.Fprintln(w, "  & Berry 1994). Below the adequate level the customer is dissatisfied; between the two the")
	fmt.Fprintln(w, "  service is accepted (the zone of tolerance); above the desired level, delighted.")
	adequate, desired, perceived := zoneAnswers(in)
	s, err := in.Score(servqual.Response{Adequate: adequate, Desired: desired, Perception: perceived})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  %-4s %-38s %8s %7s %9s %4s %4s  %-30s %s\n", "item", "what it asks about", "adequate", "desired", "perceived", "MSA", "MSS", "position", "satisfaction level (中文)")
	for _, i := range in.ItemsOf(1) {
		it := s.Items[i]
		fmt.Fprintf(w, "  %-4s %-38s %8s %7s %9s %4s %4s  %-30s %s\n", it.Key, in.Item(i).Name, num(adequate[i], 0), num(desired[i], 0),
			num(perceived[i], 0), signed(it.Adequacy, 0), signed(it.Superiority, 0), it.Zone, it.Zone.Level().String()+" ("+it.Zone.Level().Chinese()+")")
	}
	return nil
}

// zoneAnswers returns the follow-up customer's adequate, desired and
// perceived levels per item: the reliability items rated, the others
// missing (NaN).
func zoneAnswers(in *servqual.Instrument) (adequate, desired, perceived []float64) {
	n := in.NumItems()
	adequate, desired, perceived = make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range perceived {
		adequate[i], desired[i], perceived[i] = math.NaN(), math.NaN(), math.NaN()
	}
	for j, i := range in.ItemsOf(1) {
		adequate[i], desired[i] = 4, 6
		perceived[i] = []float64{3, 5, 6, 7, 4}[j]
	}
	return adequate, desired, perceived
}

// analyses prints reliability, key drivers and the importance-performance
// grid.
func analyses(w io.Writer, acc *servqual.Accumulator, rep servqual.Report) error {
	fmt.Fprintln(w, "\nCan the dimension scores be trusted? Reliability of the perception ratings:")
	fmt.Fprintln(w, "  alpha: Cronbach's alpha, the internal consistency of a dimension's items (0.7 is the usual")
	fmt.Fprintln(w, "  rule of thumb, Nunnally 1978), with its 95% interval (Feldt, Woodruff & Salih 1987);")
	fmt.Fprintln(w, "  std. alpha: alpha of the standardized items; mean r: mean correlation between the items;")
	fmt.Fprintln(w, "  weakest item: the one least correlated with the rest of its dimension (item-rest r), and")
	fmt.Fprintln(w, "  the alpha of the dimension without it. n: respondents who answered every item of the dimension.")
	fmt.Fprintf(w, "  %s %3s %6s  %-14s %10s %6s  %s\n", pad("dimension", 15), "n", "alpha", "95% CI", "std. alpha", "mean r", "weakest item (item-rest r, alpha without it)")
	for _, d := range rep.Dimensions {
		r := rep.ReliabilityOf(d.Key, servqual.Perception)
		if r == nil {
			continue
		}
		weakest := r.Items[0]
		for _, it := range r.Items[1:] {
			if it.ItemRest < weakest.ItemRest {
				weakest = it
			}
		}
		fmt.Fprintf(w, "  %s %3d %6s  %-14s %10s %6s  %s (%s, %s)\n", pad(d.Name, 15), r.N, num(r.Alpha, 2), ciu(r.AlphaCI, 2),
			num(r.StdAlpha, 2), num(r.MeanR, 2), weakest.Key, num(weakest.ItemRest, 2), num(weakest.AlphaIfDropped, 2))
	}

	d, err := acc.KeyDrivers(servqual.Perception, "overall")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nWhat drives the overall quality rating? (perceptions; n = %d respondents who answered every item\n", d.N)
	fmt.Fprintf(w, "and the overall rating; the dimensions together explain R² = %s of its variance)\n", num(d.RSquared, 2))
	fmt.Fprintln(w, "  beta: standardized regression weight; Shapley, Johnson: the dimension's part of R² by two")
	fmt.Fprintln(w, "  methods (Shapley value decomposition; Johnson's relative weights); share: the Shapley part")
	fmt.Fprintln(w, "  as a percentage of R². A negative beta beside a sizeable share means the dimension overlaps")
	fmt.Fprintln(w, "  with the others, so the regression splits their common effect oddly: read the share.")
	fmt.Fprintf(w, "  %s %7s %8s %8s %7s\n", pad("dimension", 15), "beta", "Shapley", "Johnson", "share")
	for i, k := range d.Keys {
		fmt.Fprintf(w, "  %s %7s %8s %8s %6s%%\n", pad(rep.Dimension(k).Name, 15), signed(d.Beta[i], 3), num(d.Shapley[i], 3), num(d.Johnson[i], 3), num(100*d.ShapleyShare[i], 1))
	}

	// Derived importance (Shapley shares) against mean perception.
	pts, err := acc.IPA(servqual.Perception, d.ShapleyShare, nil)
	if err != nil {
		return err
	}
	gapRank := map[string]int{}
	for _, pr := range rep.DimensionPriorities {
		gapRank[pr.Key] = pr.Rank
	}
	var impMean, perfMean float64
	for _, p := range pts {
		impMean += p.Importance / float64(len(pts))
		perfMean += p.Performance / float64(len(pts))
	}
	fmt.Fprintln(w, "\nImportance-performance analysis (Martilla & James 1977):")
	fmt.Fprintln(w, "  importance: the dimension's share of R² above; performance: its mean perception (1–7).")
	fmt.Fprintf(w, "  The grid splits at the averages (importance %s%%, performance %s). IPA rank orders the\n", num(100*impMean, 1), num(perfMean, 2))
	fmt.Fprintln(w, "  dimensions by their distance above the importance = performance diagonal (standardized")
	fmt.Fprintln(w, "  units, higher is more urgent); gap rank repeats the ranking by gap above.")
	fmt.Fprintf(w, "  %s %10s %11s  %-22s %s %8s %8s %8s\n", pad("dimension", 15), "importance", "performance", "quadrant", pad("象限", 10), "distance", "IPA rank", "gap rank")
	for _, p := range pts {
		fmt.Fprintf(w, "  %s %9s%% %11s  %-22s %s %8s %8d %8d\n", pad(rep.Dimension(p.Key).Name, 15), num(100*p.Importance, 1), num(p.Performance, 2),
			p.Quadrant, pad(p.Quadrant.Chinese(), 10), signed(p.Priority, 2), p.Rank, gapRank[p.Key])
	}
	explainRankings(w, rep, pts, impMean)
	quadrantChart(w, rep, pts)
	return nil
}

// explainRankings says why the ranking by gap and the IPA ranking differ,
// from the figures of this report.
func explainRankings(w io.Writer, rep servqual.Report, pts []servqual.IPAPoint, impMean float64) {
	byKey := map[string]servqual.IPAPoint{}
	for _, p := range pts {
		byKey[p.Key] = p
	}
	fmt.Fprintln(w, "\n  Why the two rankings differ: the priorities by gap rank the shortfall P − E alone; the grid")
	fmt.Fprintln(w, "  also asks how much each dimension moves the overall rating.")
	for _, pr := range rep.DimensionPriorities {
		p := byKey[pr.Key]
		if p.Rank == pr.Rank {
			continue
		}
		name := rep.Dimension(pr.Key).Name
		if p.Importance < impMean {
			fmt.Fprintf(w, "  %s has gap rank %d but little influence on the overall rating (%s%% of R²),\n", name, pr.Rank, num(100*p.Importance, 1))
			fmt.Fprintf(w, "  so the grid puts it low on importance (IPA rank %d).\n", p.Rank)
		} else {
			fmt.Fprintf(w, "  %s has gap rank %d but a large influence on the overall rating (%s%% of R²),\n", name, pr.Rank, num(100*p.Importance, 1))
			fmt.Fprintf(w, "  so the grid ranks it %d.\n", p.Rank)
		}
		break
	}
	for _, p := range pts {
		if math.Abs(p.Importance-impMean) < 0.01 && p.Quadrant != servqual.ConcentrateHere {
			fmt.Fprintf(w, "  A point near a split can sit in one quadrant yet rank high: %s (%s%% against an\n", rep.Dimension(p.Key).Name, num(100*p.Importance, 1))
			fmt.Fprintf(w, "  average of %s%%) is \"%s\" but IPA rank %d, because it lies above the diagonal.\n", num(100*impMean, 1), p.Quadrant, p.Rank)
		}
	}
	if len(rep.DimensionPriorities) > 0 {
		first := rep.DimensionPriorities[0].Key
		if byKey[first].Rank == 1 {
			fmt.Fprintf(w, "  Both rankings put %s first.\n", rep.Dimension(first).Name)
		}
	}
}

// quadrantChart draws the importance-performance grid as text: importance
// up, performance to the right, the cross-hair at the grand means.
func quadrantChart(w io.Writer, rep servqual.Report, pts []servqual.IPAPoint) {
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
		label := []rune(letter(p.Key))
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
		fmt.Fprintln(w, strings.TrimRight("      │ "+string(r), " "))
	}
	fmt.Fprintf(w, "      └%s▶ performance\n", strings.Repeat("─", width+1))
	fmt.Fprintln(w, "         low priority                possible overkill")
	fmt.Fprint(w, "  ")
	for i, p := range pts {
		if i > 0 {
			fmt.Fprint(w, ", ")
		}
		fmt.Fprintf(w, "%s %s", letter(p.Key), rep.Dimension(p.Key).Name)
	}
	fmt.Fprintln(w, "; the lines cross at the averages.")
}

// letter is the one-letter mark of a SERVQUAL dimension in the chart.
func letter(key string) string {
	switch key {
	case "responsiveness":
		return "S"
	case "":
		return "?"
	}
	return strings.ToUpper(key[:1])
}

// num formats x with prec decimals, never as "-0.00": a value that
// rounds to zero prints unsigned. NaN prints as "–".
func num(x float64, prec int) string {
	if math.IsNaN(x) {
		return "–"
	}
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if v, _ := strconv.ParseFloat(s, 64); v == 0 {
		return strconv.FormatFloat(0, 'f', prec, 64)
	}
	return s
}

// signed is num with a "+" on positive values that do not round to zero.
func signed(x float64, prec int) string {
	s := num(x, prec)
	if x > 0 && strings.Trim(s, "0.") != "" {
		return "+" + s
	}
	return s
}

// ci formats an interval as "[lo, hi]".
func ci(iv ep.Interval, prec int) string {
	return "[" + signed(iv.Low, prec) + ", " + signed(iv.High, prec) + "]"
}

// ciu formats an interval of a quantity that is positive by nature, with
// no "+" signs.
func ciu(iv ep.Interval, prec int) string {
	return "[" + num(iv.Low, prec) + ", " + num(iv.High, prec) + "]"
}

// pval formats a p value, "<0.0001" below that.
func pval(p float64) string {
	if p < 0.0001 {
		return "<0.0001"
	}
	return num(p, 4)
}

// pad pads s with spaces to w display columns; CJK characters take two.
func pad(s string, w int) string {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 && r <= 0xFFEF {
			n += 2
		} else {
			n++
		}
	}
	if n >= w {
		return s
	}
	return s + strings.Repeat(" ", w-n)
}
