package pls_test

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/cxlab/satisfaction/servqual/pls"
)

// The two-construct model of the hand-worked test: quality drives
// satisfaction, two items each, estimated from a correlation matrix.
func ExampleModel_FitCov() {
	m, err := pls.NewModel(pls.Spec{
		Constructs: []pls.Construct{
			{Name: "QUAL", Indicators: []string{"q1", "q2"}},
			{Name: "SAT", Indicators: []string{"s1", "s2"}},
		},
		Paths: []pls.Path{{From: "QUAL", To: "SAT"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	corr := [][]float64{
		{1, 0.6, 0.4, 0.4},
		{0.6, 1, 0.4, 0.4},
		{0.4, 0.4, 1, 0.5},
		{0.4, 0.4, 0.5, 1},
	}
	res, err := m.FitCov(corr, 100, &pls.Options{Consistent: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := res.Paths[0]
	fmt.Printf("%s -> %s: %.3f (PLSc %.3f), R² %.3f\n", p.From, p.To, p.Coefficient, res.Consistent.Paths[0].Coefficient, res.Constructs[1].R2)
	for _, c := range res.Constructs {
		fmt.Printf("%s: alpha %.3f [%.3f, %.3f], rho_C %.3f, rho_A %.3f, AVE %.3f\n", c.Name, c.Alpha, c.AlphaCI.Low, c.AlphaCI.High, c.RhoC, c.RhoA, c.AVE)
	}
	fmt.Printf("HTMT %.3f\n", res.Discriminant[0].HTMT)
	// Output:
	// QUAL -> SAT: 0.516 (PLSc 0.730), R² 0.267
	// QUAL: alpha 0.750 [0.628, 0.832], rho_C 0.889, rho_A 0.750, AVE 0.800
	// SAT: alpha 0.667 [0.505, 0.776], rho_C 0.857, rho_A 0.667, AVE 0.750
	// HTMT 0.730
}

// survey draws a small fictional survey: quality (3 items) drives
// satisfaction (3 items), 1..10 ratings.
func survey(n int) [][]float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	rate := func(x float64) float64 { return max(1, min(10, math.Round(7+1.5*x))) }
	var data [][]float64
	for range n {
		q := rng.NormFloat64()
		s := 0.6*q + 0.8*rng.NormFloat64()
		row := []float64{}
		for _, l := range []float64{0.8, 0.7, 0.9} {
			row = append(row, rate(l*q+math.Sqrt(1-l*l)*rng.NormFloat64()))
		}
		for _, l := range []float64{0.85, 0.8, 0.75} {
			row = append(row, rate(l*s+math.Sqrt(1-l*l)*rng.NormFloat64()))
		}
		data = append(data, row)
	}
	return data
}

// An accumulator collects the survey in shards (here two), merges them
// and fits the model; the 0–100 index and the IPMA need only the moments.
func ExampleAccumulator() {
	m, _ := pls.NewModel(pls.Spec{
		Constructs: []pls.Construct{
			{Name: "QUAL", Indicators: []string{"q1", "q2", "q3"}},
			{Name: "SAT", Indicators: []string{"s1", "s2", "s3"}},
		},
		Paths: []pls.Path{{From: "QUAL", To: "SAT"}},
	})
	data := survey(1000)
	a, b := pls.NewAccumulator(m), pls.NewAccumulator(m)
	for i, row := range data {
		shard := a
		if i%2 == 1 {
			shard = b
		}
		if err := shard.Add(row); err != nil {
			fmt.Println(err)
			return
		}
	}
	if err := a.Merge(b); err != nil {
		fmt.Println(err)
		return
	}
	res, err := m.FitAccumulator(a, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	scale := pls.Scale{Min: 1, Max: 10}
	sat, _ := res.Index("SAT", scale)
	fmt.Printf("n = %d, SAT index %.1f, QUAL -> SAT %.3f\n", a.N(), sat, res.Paths[0].Coefficient)
	ipma, _ := res.IPMA("SAT", scale)
	for _, p := range ipma.Indicators {
		fmt.Printf("%s: importance %.4f, performance %.1f, rank %d\n", p.Name, p.Importance, p.Performance, p.Rank)
	}
	// Output:
	// n = 1000, SAT index 66.8, QUAL -> SAT 0.530
	// q1: importance 0.1666, performance 67.0, rank 2
	// q2: importance 0.1467, performance 66.9, rank 3
	// q3: importance 0.1949, performance 66.6, rank 1
}

// A bootstrap of the same model with a fixed seed: the result is the same
// on any number of workers.
func ExampleModel_Bootstrap() {
	m, _ := pls.NewModel(pls.Spec{
		Constructs: []pls.Construct{
			{Name: "QUAL", Indicators: []string{"q1", "q2", "q3"}},
			{Name: "SAT", Indicators: []string{"s1", "s2", "s3"}},
		},
		Paths: []pls.Path{{From: "QUAL", To: "SAT"}},
	})
	bs, err := m.Bootstrap(survey(300), nil, &pls.BootstrapOptions{Resamples: 1000, Seed: 1, BCa: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := bs.Paths[0]
	fmt.Printf("%s: %.3f, SE %.3f, 95%% percentile [%.3f, %.3f], BCa [%.3f, %.3f]\n", p.Name, p.Estimate, p.SE, p.Lower, p.Upper, p.BCaLower, p.BCaUpper)
	// Output:
	// QUAL -> SAT: 0.529, SE 0.041, 95% percentile [0.449, 0.607], BCa [0.444, 0.599]
}

// The ECSI preset, filled with the caller's item names.
func ExampleECSI() {
	blocks := map[string][]string{}
	for _, c := range []string{pls.Image, pls.Expectations, pls.Quality, pls.Value, pls.Satisfaction, pls.Loyalty} {
		blocks[c] = []string{c + "1", c + "2", c + "3"}
	}
	m, err := pls.ECSI(blocks)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.NumConstructs(), "constructs,", m.NumIndicators(), "indicators")
	for _, p := range m.Paths() {
		fmt.Println(p)
	}
	// Output:
	// 6 constructs, 18 indicators
	// IMAG -> EXPE
	// EXPE -> QUAL
	// EXPE -> VAL
	// QUAL -> VAL
	// IMAG -> SAT
	// EXPE -> SAT
	// QUAL -> SAT
	// VAL -> SAT
	// IMAG -> LOY
	// SAT -> LOY
}
