// Command eservqual prints an e-service quality report for a fictional
// online shop on a built-in sample of 400 customers generated in the
// program: the E-S-QUAL table, the recovery subsample (E-RecS-QUAL), what
// drives perceived value and loyalty, the customers' technology-readiness
// segments with the recommended service approach, and E-S-QUAL by segment.
//
// With -charts DIR it also writes the importance-performance grid of the
// E-S-QUAL dimensions (importance: their share of the explained variance
// of perceived value) to DIR as SVG and PNG (eservqual_ipa); -font FILE
// draws it with Chinese labels in that CJK font (such as
// /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc from Debian's
// fonts-noto-cjk).
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"unicode"

	"github.com/cxlab/satisfaction/eservqual"
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

type customer struct {
	esqual     servqual.Response
	recovery   servqual.Response
	hadProblem bool
	tri        []float64
}

// sample draws the shop's customers deterministically. Each belongs to a
// readiness segment (drawn with the TRI 2.0 reference shares), answers the
// 16 TRI items around that segment's profile, and rates the site: less
// ready customers find it harder to use and worry more about privacy.
// Perceived value and loyalty follow efficiency and fulfillment.
func sample(n int) []customer {
	rng := rand.New(rand.NewPCG(42, 2026))
	shares := []float64{0.21, 0.20, 0.32, 0.13, 0.14}
	profiles := eservqual.Profiles()
	// Shift of the four E-S-QUAL dimensions per segment.
	shift := [5][4]float64{
		{0.4, 0.2, 0, 0.1}, {0.2, 0, 0, -0.2}, {0, 0, 0, 0}, {-0.4, -0.1, 0, -0.8}, {-0.8, -0.3, 0, -0.3},
	}
	base := [4]float64{3.9, 4.1, 3.5, 4.0}
	rate := func(mu, sd float64) float64 { return math.Max(1, math.Min(5, math.Round(mu+sd*rng.NormFloat64()))) }
	esq, rec := eservqual.ESQUAL(), eservqual.ERecSQUAL()
	out := make([]customer, n)
	for c := range out {
		u, seg := rng.Float64(), 0
		for seg < 4 && u > shares[seg] {
			u -= shares[seg]
			seg++
		}
		var cu customer
		cu.tri = make([]float64, 16)
		for i := range cu.tri {
			cu.tri[i] = rate(profiles[seg][i/4], 0.7)
			if rng.IntN(40) == 0 {
				cu.tri[i] = math.NaN()
			}
		}
		var dim [4]float64
		for d := range dim {
			dim[d] = base[d] + shift[seg][d] + 0.5*rng.NormFloat64()
		}
		p := make([]float64, esq.NumItems())
		for i := range p {
			p[i] = rate(dim[esq.DimensionOf(i)], 0.6)
		}
		value := rate(0.45*dim[0]+0.4*dim[2]+0.1*dim[1]+0.05*dim[3], 0.4)
		loyalty := rate(0.35*dim[0]+0.45*dim[2]+0.1*dim[1]+0.1*dim[3], 0.5)
		cu.esqual = servqual.Response{Perception: p, Outcomes: []float64{value, loyalty}}
		if rng.IntN(10) < 3 { // 30% had a problem or a question
			cu.hadProblem = true
			rp := make([]float64, rec.NumItems())
			for i := range rp {
				rp[i] = rate(3.4+0.3*float64(rec.DimensionOf(i)), 0.9)
			}
			cu.recovery = servqual.Response{Perception: rp, Outcomes: []float64{value, loyalty}}
		}
		out[c] = cu
	}
	return out
}

// num formats x with prec decimals, printing a value that rounds to zero
// as 0 (never -0.00).
func num(x float64, prec int) string {
	s := fmt.Sprintf("%.*f", prec, x)
	if strings.Trim(s, "-0.") == "" {
		return fmt.Sprintf("%.*f", prec, 0.0)
	}
	return s
}

// pct formats a fraction as a percentage with prec decimals.
func pct(x float64, prec int) string { return num(100*x, prec) + "%" }

// width is the display width of s: CJK characters take two columns.
func width(s string) int {
	w := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// pad pads s on the right to w display columns; lpad on the left.
func pad(s string, w int) string  { return s + strings.Repeat(" ", max(0, w-width(s))) }
func lpad(s string, w int) string { return strings.Repeat(" ", max(0, w-width(s))) + s }

// wrap breaks text into lines of at most width display columns, each
// starting with indent (continuation lines indented two more), and ends
// it with a newline.
func wrap(text, indent string, limit int) string {
	var b strings.Builder
	line := indent
	for i, word := range strings.Fields(text) {
		if i > 0 && width(line)+1+width(word) > limit {
			b.WriteString(line + "\n")
			line = indent + "  " + word
			continue
		}
		if i > 0 {
			line += " "
		}
		line += word
	}
	b.WriteString(line + "\n")
	return b.String()
}

// name returns the English name of the dimension with the given key.
func name(rep servqual.Report, key string) string {
	if d := rep.Dimension(key); d != nil {
		return d.Name
	}
	return key
}

func report(w io.Writer) error {
	customers := sample(400)
	esq := eservqual.ESQUAL()
	acc := servqual.NewAccumulator(esq)
	recovery := eservqual.NewRecoverySample(eservqual.ERecSQUAL())
	for _, c := range customers {
		if err := acc.Add(c.esqual); err != nil {
			return err
		}
		if err := recovery.Add(c.recovery, c.hadProblem); err != nil {
			return err
		}
	}
	rep := acc.Report()
	fmt.Fprintf(w, "ShopNow online store — e-service quality, %d customers\n", rep.Responses)
	fmt.Fprintln(w, "E-S-QUAL (Parasuraman, Zeithaml & Malhotra 2005): agreement with 22 statements about the")
	fmt.Fprintln(w, "site on a 1–5 scale (1 = strongly disagree, 5 = strongly agree), in four dimensions.")
	fmt.Fprintln(w)
	printTable(w, rep)
	fmt.Fprintln(w, "  n: customers; mean: mean rating 1–5; SD: standard deviation; 95% CI: confidence")
	fmt.Fprintln(w, "  interval of the mean; overall: mean of the four dimension scores.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "  Cronbach's alpha (how consistently each dimension's items measure one thing; 0.7 is the")
	fmt.Fprint(w, "  usual rule of thumb):")
	var weak, alphas []string
	for _, d := range rep.Dimensions {
		r := rep.ReliabilityOf(d.Key, servqual.Perception)
		if r == nil {
			continue
		}
		alphas = append(alphas, d.Name+" "+num(r.Alpha, 2))
		if r.Alpha < 0.7 {
			weak = append(weak, fmt.Sprintf("%s has only %d items", d.Name, r.K))
		}
	}
	fmt.Fprintln(w, " "+strings.Join(alphas, ", "))
	if len(weak) > 0 {
		fmt.Fprintf(w, "  Below 0.7: %s; alpha tends to be lower for short scales.\n", strings.Join(weak, ", "))
	}

	rr := recovery.Report()
	fmt.Fprintf(w, "\nE-RecS-QUAL (the same authors' recovery scale) — only customers who had a problem or a\n")
	fmt.Fprintf(w, "question answer it: %d did; %d had none and are outside this sample.\n\n", rr.InSample, rr.NotApplicable)
	printTable(w, rr.Report)

	fmt.Fprintln(w, "\nWhat drives perceived value and loyalty intentions?")
	fmt.Fprintf(w, "  %-20s %s %8s %8s %8s\n", "dimension", pad("中文", 8), "value", "loyalty", "default")
	fallback := eservqual.DefaultDriverWeights()
	wv, estV, err := eservqual.DriverWeights(acc, eservqual.OutcomeValue, fallback)
	if err != nil {
		return err
	}
	wl, estL, err := eservqual.DriverWeights(acc, eservqual.OutcomeLoyalty, fallback)
	if err != nil {
		return err
	}
	topDriver := 0
	for d := range wv {
		dim := esq.Dimension(d)
		fmt.Fprintf(w, "  %-20s %s %8s %8s %8s\n", dim.Name, pad(dim.Chinese, 8), pct(wv[d], 1), pct(wl[d], 1), pct(fallback[d], 1))
		if wv[d] > wv[topDriver] {
			topDriver = d
		}
	}
	status := func(est bool) string {
		if est {
			return "estimated from this sample"
		}
		return "too little data, default used"
	}
	fmt.Fprintln(w, "  value, loyalty: each dimension's part of the variance of perceived value and of loyalty")
	fmt.Fprintln(w, "  intentions that the four dimensions explain together (Shapley shares of R²).")
	fmt.Fprintf(w, "  value: %s; loyalty: %s.\n", status(estV), status(estL))
	fmt.Fprintln(w, "  default: the ordering of Parasuraman, Zeithaml & Malhotra (2005) as illustrative")
	fmt.Fprintln(w, "  weights, used when the data cannot support an estimate.")
	if len(rep.DimensionPriorities) > 0 {
		low := rep.DimensionPriorities[0].Key
		top := esq.Dimension(topDriver).Key
		fmt.Fprintln(w, "  The improvement priorities above rank the dimensions by how low they score; this table")
		fmt.Fprint(w, "  ranks them by how much they move value. ")
		if low == top {
			fmt.Fprintf(w, "Both put %s first.\n", name(rep, low))
		} else {
			fmt.Fprintf(w, "%s scores lowest, %s moves value\n", name(rep, low), name(rep, top))
			fmt.Fprintln(w, "  most: a dimension that is both low and influential is the best place to invest.")
		}
	}

	var profiles []eservqual.Profile
	var idx []int
	for i, c := range customers {
		s, err := eservqual.ScoreTRI(c.tri, nil)
		if err != nil {
			return err
		}
		if math.IsNaN(s.Index) {
			continue // too many skipped items
		}
		profiles = append(profiles, s.Profile)
		idx = append(idx, i)
	}
	seg, err := eservqual.Segmentation(profiles, nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nTechnology readiness (TRI 2.0, Parasuraman & Colby 2015), 16 statements on a 1–5 scale:")
	fmt.Fprintf(w, "%d customers scored, %d left out for skipping too many items; segments found by k-means\n",
		len(profiles), len(customers)-len(profiles))
	fmt.Fprintf(w, "clustering (%d iterations).\n", seg.Iterations)
	fmt.Fprintf(w, "  %-9s %s %4s %6s  %4s %4s %4s %4s  %-10s %7s %7s\n", "segment", pad("中文", 6), "n", "share",
		"OPT", "INN", "DIS", "INS", "approach", "TRI 1.0", "TRI 2.0")
	refs := eservqual.ReferenceShares()
	for _, c := range seg.Clusters {
		ref := map[string]string{"TRI 1.0": "–", "TRI 2.0": "–"}
		for _, r := range refs {
			if r.Segment != c.Segment {
				continue
			}
			if r.Low == r.High {
				ref[r.Instrument] = pct(r.Low, 0)
			} else {
				ref[r.Instrument] = num(100*r.Low, 0) + "–" + pct(r.High, 0)
			}
		}
		fmt.Fprintf(w, "  %-9s %s %4d %6s  %4s %4s %4s %4s  %-10s %7s %7s\n", c.Segment, pad(c.Segment.Chinese(), 6), c.Size, pct(c.Share, 1),
			num(c.Centroid[0], 2), num(c.Centroid[1], 2), num(c.Centroid[2], 2), num(c.Centroid[3], 2),
			c.Segment.Approach().Kind, ref["TRI 1.0"], lpad(ref["TRI 2.0"], 7))
	}
	fmt.Fprintln(w, "  share: of the customers scored. OPT optimism, INN innovativeness (the motivators), DIS")
	fmt.Fprintln(w, "  discomfort, INS insecurity (the inhibitors): mean ratings 1–5 at the segment's centre.")
	fmt.Fprintln(w, "  TRI 1.0, TRI 2.0: published shares of the population — TRI 1.0, Parasuraman & Colby (2001);")
	fmt.Fprintln(w, "  TRI 2.0 national survey, Parasuraman & Colby (2015), which calls paranoids \"hesitators\"")
	fmt.Fprintln(w, "  and laggards \"avoiders\"; – where none is published. (This fictional sample was drawn")
	fmt.Fprintln(w, "  with the TRI 2.0 shares.)")
	fmt.Fprintln(w, "  Recommended approach (after Parasuraman & Colby 2001):")
	for _, c := range seg.Clusters {
		a := c.Segment.Approach()
		fmt.Fprint(w, wrap(fmt.Sprintf("%-9s %s (%s): %s", c.Segment, a.Kind, a.Kind.Chinese(), a.Rationale), "    ", 92))
	}

	segments := make([]eservqual.Segment, len(customers))
	for j, i := range idx {
		segments[i] = seg.Labels[j]
	}
	responses := make([]servqual.Response, len(customers))
	for i, c := range customers {
		responses[i] = c.esqual
	}
	bySeg, err := eservqual.BySegment(esq, responses, segments)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nE-S-QUAL by segment: mean rating 1–5 per dimension — who finds the site hard to use?")
	fmt.Fprintf(w, "  %-9s %4s", "segment", "n")
	for d := 0; d < esq.NumDimensions(); d++ {
		fmt.Fprintf(w, " %20s", esq.Dimension(d).Name)
	}
	fmt.Fprintf(w, "\n  %-9s %4s", "", "")
	for d := 0; d < esq.NumDimensions(); d++ {
		fmt.Fprintf(w, " %s", lpad(esq.Dimension(d).Chinese, 20))
	}
	fmt.Fprintln(w)
	lowest := make([]eservqual.Segment, esq.NumDimensions())
	lowMean := make([]float64, esq.NumDimensions())
	for d := range lowMean {
		lowMean[d] = math.Inf(1)
	}
	for _, s := range bySeg {
		fmt.Fprintf(w, "  %-9s %4d", s.Segment, s.Responses)
		for d, dr := range s.Dimensions {
			if dr.Perception == nil {
				fmt.Fprintf(w, " %20s", "–")
				continue
			}
			fmt.Fprintf(w, " %20s", num(dr.Perception.Mean, 2))
			if dr.Perception.Mean < lowMean[d] {
				lowMean[d], lowest[d] = dr.Perception.Mean, s.Segment
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "  %-14s", "lowest")
	for _, s := range lowest {
		fmt.Fprintf(w, " %20s", s)
	}
	fmt.Fprintln(w)
	return nil
}

func printTable(w io.Writer, rep servqual.Report) {
	fmt.Fprintf(w, "  %-20s %s %4s %6s %6s %16s\n", "dimension", pad("中文", 8), "n", "mean", "SD", "95% CI")
	for _, d := range rep.Dimensions {
		p := d.Perception
		fmt.Fprintf(w, "  %-20s %s %4d %6s %6s %16s\n", d.Name, pad(d.Chinese, 8), p.N, num(p.Mean, 2), num(p.SD, 2),
			"["+num(p.CI.Low, 2)+", "+num(p.CI.High, 2)+"]")
	}
	o := rep.Overall.Perception
	fmt.Fprintf(w, "  %-20s %s %4d %6s %6s %16s\n", "overall", pad("总体", 8), o.N, num(o.Mean, 2), num(o.SD, 2),
		"["+num(o.CI.Low, 2)+", "+num(o.CI.High, 2)+"]")
	names := make([]string, len(rep.DimensionPriorities))
	for i, pr := range rep.DimensionPriorities {
		names[i] = fmt.Sprintf("%d. %s", pr.Rank, name(rep, pr.Key))
	}
	fmt.Fprintln(w, "  improvement priorities (lowest mean first):")
	fmt.Fprint(w, wrap(strings.Join(names, ", "), "    ", 92))
}
