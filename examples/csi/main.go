// Command csi estimates the European Customer Satisfaction Index model on a
// built-in survey of a fictional mobile operator, Nordlicht Mobile, and
// prints what a manager reads: the satisfaction index, what drives it, the
// importance–performance map and whether the measures can be trusted.
//
//	go run ./examples/csi
//
// With -charts DIR it also writes the path diagram of the fitted model and
// the importance–performance map for satisfaction to DIR as SVG and PNG
// (csi_path, csi_ipma); -font FILE draws them with Chinese labels in that
// CJK font (such as /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
// from Debian's fonts-noto-cjk).
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/cxlab/satisfaction/servqual/pls"
)

// constructs of the survey: ECSI name, what customers were asked about,
// number of items, and the average rating the fictional survey is built
// around (10-point scale).
var constructs = []struct {
	key, label string
	items      int
	level      float64
}{
	{pls.Image, "image of the company", 5, 7.3},
	{pls.Expectations, "expectations before joining", 5, 7.0},
	{pls.Quality, "network and service quality", 5, 7.5},
	{pls.Value, "value for money", 4, 5.9},
	{pls.Satisfaction, "overall satisfaction", 4, 6.9},
	{pls.Loyalty, "intention to stay and recommend", 4, 6.6},
}

// survey draws the built-in data: 400 respondents from a latent ECSI
// model (fixed seed), 1..10 ratings, about 0.4% of answers skipped.
func survey() (names []string, data [][]float64) {
	rng := rand.New(rand.NewPCG(2026, 11))
	for _, c := range constructs {
		for i := range c.items {
			names = append(names, fmt.Sprintf("%s%d", c.key, i+1))
		}
	}
	for range 400 {
		var e [6]float64
		e[0] = rng.NormFloat64()
		e[1] = 0.5*e[0] + 0.87*rng.NormFloat64()
		e[2] = 0.6*e[1] + 0.8*rng.NormFloat64()
		e[3] = 0.15*e[1] + 0.55*e[2] + 0.8*rng.NormFloat64()
		e[4] = 0.1*e[0] + 0.05*e[1] + 0.15*e[2] + 0.6*e[3] + 0.6*rng.NormFloat64()
		e[5] = 0.25*e[0] + 0.55*e[4] + 0.7*rng.NormFloat64()
		var row []float64
		for j, c := range constructs {
			for range c.items {
				l := 0.7 + 0.2*rng.Float64()
				x := c.level + 1.7*(l*e[j]+math.Sqrt(1-l*l)*rng.NormFloat64())
				x = max(1, min(10, math.Round(x)))
				if rng.Float64() < 0.004 {
					x = math.NaN()
				}
				row = append(row, x)
			}
		}
		data = append(data, row)
	}
	return names, data
}

func main() {
	charts := flag.String("charts", "", "also write the charts to this directory (SVG and PNG)")
	fontPath := flag.String("font", "", "with -charts: a CJK TrueType/OpenType font for Chinese chart labels")
	flag.Parse()
	if err := run(os.Stdout); err != nil {
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

// scale is the survey's rating scale.
var scale = pls.Scale{Min: 1, Max: 10}

// fit estimates the ECSI model on the built-in survey with opts.
func fit(opts *pls.Options) (*pls.Model, [][]float64, *pls.Result, error) {
	names, data := survey()
	blocks := map[string][]string{}
	k := 0
	for _, c := range constructs {
		blocks[c.key] = names[k : k+c.items]
		k += c.items
	}
	model, err := pls.ECSI(blocks)
	if err != nil {
		return nil, nil, nil, err
	}
	res, err := model.Fit(data, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	return model, data, res, nil
}

func run(w io.Writer) error {
	opts := &pls.Options{Consistent: true}
	model, data, res, err := fit(opts)
	if err != nil {
		return err
	}
	label := map[string]string{}
	for _, c := range constructs {
		label[c.key] = c.label
	}

	fmt.Fprintln(w, "Nordlicht Mobile — customer satisfaction study")
	fmt.Fprintln(w, "Model: the European Customer Satisfaction Index (ECSI; 欧洲顾客满意度指数), estimated by")
	fmt.Fprintln(w, "partial least squares path modelling (PLS). Each construct below (image, expectations, quality,")
	fmt.Fprintln(w, "value, satisfaction, loyalty) is measured by 4–5 survey questions rated 1–10.")
	fmt.Fprintf(w, "%d respondents, %d with every question answered (used below).\n\n", len(data), res.N)

	sat, err := res.Index(pls.Satisfaction, scale)
	if err != nil {
		return err
	}
	bs, err := model.Bootstrap(data, opts, &pls.BootstrapOptions{Resamples: 1000, Seed: 1, Scale: &scale})
	if err != nil {
		return err
	}
	satCI := bs.Index[model.ConstructIndex(pls.Satisfaction)]
	fmt.Fprintf(w, "Customer satisfaction index: %.1f out of 100 (95%% bootstrap interval %.1f–%.1f)\n", sat, satCI.Lower, satCI.Upper)
	pair, err := model.Fit(data, &pls.Options{Missing: pls.Pairwise})
	if err != nil {
		return err
	}
	if s2, err := pair.Index(pls.Satisfaction, scale); err == nil {
		fmt.Fprintf(w, "(%.1f if the %d respondents who skipped a question are kept, using every answer they gave)\n", s2, int64(len(data))-res.N)
	}
	fmt.Fprintln(w, "\nIndex of every construct (mean rating rescaled to 0–100, with 95% bootstrap interval):")
	fmt.Fprintf(w, "  %-4s %-32s %5s  %s\n", "code", "construct", "index", "95% interval")
	for _, c := range constructs {
		v, err := res.Index(c.key, scale)
		if err != nil {
			return err
		}
		iv := bs.Index[model.ConstructIndex(c.key)]
		fmt.Fprintf(w, "  %-4s %-32s %5.1f  [%4.1f, %4.1f]\n", c.key, label[c.key], v, iv.Lower, iv.Upper)
	}

	fmt.Fprintln(w, "\nWhat drives satisfaction? Total effect of each construct on satisfaction (SAT), direct and")
	fmt.Fprintln(w, "through the other constructs, in standard deviations of SAT per standard deviation of the driver:")
	fmt.Fprintf(w, "  %-4s %-32s %6s  %-18s %s\n", "code", "driver", "effect", "95% interval", "clear?")
	for _, iv := range bs.TotalEffects {
		if !strings.HasSuffix(iv.Name, "-> "+pls.Satisfaction) {
			continue
		}
		sig := "no"
		if iv.Lower > 0 || iv.Upper < 0 {
			sig = "yes"
		}
		from := strings.TrimSpace(strings.TrimSuffix(iv.Name, "-> "+pls.Satisfaction))
		fmt.Fprintf(w, "  %-4s %-32s %6.3f  [%6.3f, %6.3f]  %s\n", from, label[from], iv.Estimate, iv.Lower, iv.Upper, sig)
	}
	fmt.Fprintln(w, "  (clear: the 95% bootstrap interval excludes zero)")
	for _, c := range res.Constructs {
		if c.Name == pls.Satisfaction || c.Name == pls.Loyalty {
			fmt.Fprintf(w, "  The model explains %.0f%% of the differences in %s between customers (R² = %.2f).\n", 100*c.R2, label[c.Name], c.R2)
		}
	}

	ipma, err := res.IPMA(pls.Satisfaction, scale)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nImportance–performance map for satisfaction (IPMA):")
	fmt.Fprintln(w, "  importance: index points of satisfaction gained per point gained on the driver's index (the")
	fmt.Fprintln(w, "  total effect above in index points rather than standard deviations, so the figures differ a")
	fmt.Fprintln(w, "  little); performance: the driver's index; rank: by importance, 1 = most important.")
	fmt.Fprintf(w, "  %-4s %-32s  %10s  %11s  %4s\n", "code", "driver", "importance", "performance", "rank")
	var meanImp, meanPerf float64
	for _, p := range ipma.Constructs {
		meanImp += p.Importance / float64(len(ipma.Constructs))
		meanPerf += p.Performance / float64(len(ipma.Constructs))
	}
	var priority []string
	for _, p := range ipma.Constructs {
		note := ""
		if p.Importance > meanImp && p.Performance < meanPerf {
			note = "  <- improve first"
			priority = append(priority, p.Name)
		}
		fmt.Fprintf(w, "  %-4s %-32s  %10.3f  %11.1f  %4d%s\n", p.Name, label[p.Name], p.Importance, p.Performance, p.Rank, note)
	}
	fmt.Fprintln(w, "  (improve first: above-average importance, below-average performance)")

	fmt.Fprintln(w, "\nCan the measures be trusted?")
	fmt.Fprintln(w, "  alpha: Cronbach's alpha with its 95% interval (Feldt, Woodruff & Salih 1987); rho_C: composite")
	fmt.Fprintln(w, "  reliability (Jöreskog 1971); rho_A: reliability of Dijkstra & Henseler (2015) — for all three,")
	fmt.Fprintln(w, "  0.7 or more is the usual threshold. AVE: average variance extracted, the share of its questions'")
	fmt.Fprintln(w, "  variance the construct explains (0.5 or more). F-L: Fornell–Larcker criterion (1981), ok when the")
	fmt.Fprintln(w, "  construct shares more variance with its own questions than with any other construct.")
	fmt.Fprintf(w, "  %-4s %-32s %-18s %5s  %5s  %5s  %s\n", "code", "construct", "alpha [95% CI]", "rho_C", "rho_A", "AVE", "F-L")
	for _, c := range res.Constructs {
		fl := "ok"
		if !c.FornellLarcker {
			fl = "FAIL"
		}
		fmt.Fprintf(w, "  %-4s %-32s %.2f [%.2f, %.2f]  %5.2f  %5.2f  %5.2f  %s\n", c.Name, label[c.Name], c.Alpha, c.AlphaCI.Low, c.AlphaCI.High, c.RhoC, c.RhoA, c.AVE, fl)
	}
	worst := pls.PairResult{}
	for _, p := range res.Discriminant {
		if p.HTMT > worst.HTMT {
			worst = p
		}
	}
	fmt.Fprintf(w, "  Highest heterotrait–monotrait ratio (HTMT; Henseler, Ringle & Sarstedt 2015): %s–%s %.2f\n", worst.A, worst.B, worst.HTMT)
	fmt.Fprintln(w, "  (below 0.85: the two constructs measure different things)")

	// The reading, from the numbers above.
	top := ipma.Constructs[0]
	for _, p := range ipma.Constructs {
		if p.Rank == 1 {
			top = p
		}
	}
	fmt.Fprintln(w, "\nReading:")
	fmt.Fprintf(w, "  Satisfaction stands at %.0f/100. The strongest lever is %s (%s):\n", sat, top.Name, label[top.Name])
	fmt.Fprintf(w, "  one more point on its index adds about %.2f points to satisfaction.\n", top.Importance)
	if len(priority) > 0 {
		var ps []string
		for _, p := range priority {
			ps = append(ps, fmt.Sprintf("%s (%s)", p, label[p]))
		}
		fmt.Fprintf(w, "  Above-average importance but below-average performance: %s — the place to act.\n", strings.Join(ps, ", "))
		fmt.Fprintf(w, "  Its questions (importance: satisfaction points per point on the question's 0–100 mean):\n")
		fmt.Fprintf(w, "    %-8s %10s  %11s\n", "question", "importance", "performance")
		for _, p := range ipma.Indicators {
			if p.Construct == priority[0] {
				fmt.Fprintf(w, "    %-8s %10.3f  %11.1f\n", p.Name, p.Importance, p.Performance)
			}
		}
	}
	ok := true
	for _, c := range res.Constructs {
		ok = ok && c.RhoC > 0.7 && c.AVE > 0.5 && c.FornellLarcker
	}
	if ok && worst.HTMT < 0.85 {
		fmt.Fprintln(w, "  All scales are reliable (rho_C > 0.7, AVE > 0.5) and distinct, so the effects can be read as above.")
	} else {
		fmt.Fprintln(w, "  Some scales fall short of the usual thresholds: read their paths with care.")
	}
	return nil
}
