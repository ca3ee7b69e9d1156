// Command csi estimates the European Customer Satisfaction Index model on a
// built-in survey of a fictional mobile operator, Nordlicht Mobile, and
// prints what a manager reads: the satisfaction index, what drives it, the
// importance–performance map and whether the measures can be trusted.
//
//	go run ./examples/csi
package main

import (
	"fmt"
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
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	names, data := survey()
	blocks := map[string][]string{}
	k := 0
	for _, c := range constructs {
		blocks[c.key] = names[k : k+c.items]
		k += c.items
	}
	model, err := pls.ECSI(blocks)
	if err != nil {
		return err
	}
	scale := pls.Scale{Min: 1, Max: 10}
	opts := &pls.Options{Consistent: true}
	res, err := model.Fit(data, opts)
	if err != nil {
		return err
	}
	label := map[string]string{}
	for _, c := range constructs {
		label[c.key] = c.label
	}

	fmt.Println("Nordlicht Mobile — customer satisfaction study (ECSI model, PLS path modelling)")
	fmt.Printf("%d respondents, %d with every question answered (used below); ratings 1–10\n\n", len(data), res.N)

	sat, err := res.Index(pls.Satisfaction, scale)
	if err != nil {
		return err
	}
	bs, err := model.Bootstrap(data, opts, &pls.BootstrapOptions{Resamples: 1000, Seed: 1, Scale: &scale})
	if err != nil {
		return err
	}
	satCI := bs.Index[model.ConstructIndex(pls.Satisfaction)]
	fmt.Printf("Customer satisfaction index: %.1f out of 100 (95%% bootstrap interval %.1f–%.1f)\n", sat, satCI.Lower, satCI.Upper)
	pair, err := model.Fit(data, &pls.Options{Missing: pls.Pairwise})
	if err != nil {
		return err
	}
	if s2, err := pair.Index(pls.Satisfaction, scale); err == nil {
		fmt.Printf("(keeping every answer given, pairwise: %.1f)\n", s2)
	}
	fmt.Println("\nIndex of every construct (0–100, with 95% bootstrap interval):")
	for _, c := range constructs {
		v, err := res.Index(c.key, scale)
		if err != nil {
			return err
		}
		iv := bs.Index[model.ConstructIndex(c.key)]
		fmt.Printf("  %-4s %-32s %5.1f  [%4.1f, %4.1f]\n", c.key, label[c.key], v, iv.Lower, iv.Upper)
	}

	fmt.Println("\nWhat drives satisfaction (total effect on SAT, standardised; 95% bootstrap interval):")
	for _, iv := range bs.TotalEffects {
		if !strings.HasSuffix(iv.Name, "-> "+pls.Satisfaction) {
			continue
		}
		sig := ""
		if iv.Lower > 0 || iv.Upper < 0 {
			sig = "  *"
		}
		fmt.Printf("  %-14s %6.3f  [%6.3f, %6.3f]%s\n", iv.Name, iv.Estimate, iv.Lower, iv.Upper, sig)
	}
	fmt.Println("  (* the interval excludes zero)")
	for _, c := range res.Constructs {
		if c.Name == pls.Satisfaction || c.Name == pls.Loyalty {
			fmt.Printf("  R² of %s: %.2f\n", c.Name, c.R2)
		}
	}

	ipma, err := res.IPMA(pls.Satisfaction, scale)
	if err != nil {
		return err
	}
	fmt.Println("\nImportance–performance map for satisfaction:")
	fmt.Println("  construct                              importance  performance  rank")
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
		fmt.Printf("  %-4s %-32s  %8.3f   %8.1f   %3d%s\n", p.Name, label[p.Name], p.Importance, p.Performance, p.Rank, note)
	}
	fmt.Println("  (importance: index points of satisfaction gained per point of the driver's index)")

	fmt.Println("\nCan the measures be trusted? (alpha with Feldt 95% interval, ρC, ρA, AVE; Fornell–Larcker)")
	fmt.Println("  construct  alpha [95% CI]         rho_C  rho_A   AVE   F-L")
	for _, c := range res.Constructs {
		fl := "ok"
		if !c.FornellLarcker {
			fl = "FAIL"
		}
		fmt.Printf("  %-9s  %.2f [%.2f, %.2f]     %.2f   %.2f   %.2f   %s\n", c.Name, c.Alpha, c.AlphaCI.Low, c.AlphaCI.High, c.RhoC, c.RhoA, c.AVE, fl)
	}
	worst := pls.PairResult{}
	for _, p := range res.Discriminant {
		if p.HTMT > worst.HTMT {
			worst = p
		}
	}
	fmt.Printf("  highest HTMT: %s–%s %.2f (below 0.85: the constructs are distinct)\n", worst.A, worst.B, worst.HTMT)

	// The reading, from the numbers above.
	top := ipma.Constructs[0]
	for _, p := range ipma.Constructs {
		if p.Rank == 1 {
			top = p
		}
	}
	fmt.Println("\nReading:")
	fmt.Printf("  Satisfaction stands at %.0f/100. The strongest lever is %s (%s):\n", sat, top.Name, label[top.Name])
	fmt.Printf("  one more point on its index adds about %.2f points to satisfaction.\n", top.Importance)
	if len(priority) > 0 {
		var ps []string
		for _, p := range priority {
			ps = append(ps, fmt.Sprintf("%s (%s)", p, label[p]))
		}
		fmt.Printf("  Above-average importance but below-average performance: %s — the place to act.\n", strings.Join(ps, ", "))
		for _, p := range ipma.Indicators {
			if p.Construct == priority[0] {
				fmt.Printf("    item %-5s importance %.3f, performance %.1f\n", p.Name, p.Importance, p.Performance)
			}
		}
	}
	ok := true
	for _, c := range res.Constructs {
		ok = ok && c.RhoC > 0.7 && c.AVE > 0.5 && c.FornellLarcker
	}
	if ok && worst.HTMT < 0.85 {
		fmt.Println("  All scales are reliable (ρC > 0.7, AVE > 0.5) and distinct, so the paths can be read as above.")
	} else {
		fmt.Println("  Some scales fall short of the usual thresholds: read their paths with care.")
	}
	return nil
}
