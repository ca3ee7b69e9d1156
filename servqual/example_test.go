package servqual_test

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/servqual"
)

func ExampleInstrument_Score() {
	in := servqual.SERVQUAL()
	e, p := make([]float64, 22), make([]float64, 22)
	for i := range e {
		e[i], p[i] = 6, 5
	}
	p[4], p[7] = 3, 4 // two broken promises (reliability)
	s, err := in.Score(servqual.Response{Expectation: e, Perception: p, Importance: []float64{10, 35, 20, 20, 15}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range s.Dimensions {
		fmt.Printf("%-15s %+.2f\n", d.Key, d.Gap)
	}
	fmt.Printf("SERVQUAL %+.2f, weighted %+.2f, SERVPERF %.2f\n", s.Gap, s.Weighted, s.Perception)
	// Output:
	// tangibles       -1.00
	// reliability     -1.60
	// responsiveness  -1.00
	// assurance       -1.00
	// empathy         -1.00
	// SERVQUAL -1.12, weighted -1.21, SERVPERF 4.88
}

func ExampleAccumulator() {
	in := servqual.SERVQUAL()
	a := servqual.NewAccumulator(in)
	shortfall := []float64{-0.5, 2, 1, 0.5, 1.5} // per dimension, below E = 6
	for _, offset := range []float64{-0.75, -0.25, 0.25, 0.75} {
		e, p := make([]float64, 22), make([]float64, 22)
		for i := range e {
			e[i] = 6
			p[i] = 6 - shortfall[in.DimensionOf(i)] + offset
			if p[i] > 7 {
				p[i] = math.NaN() // off the top of the scale: left unanswered
			}
		}
		if err := a.Add(servqual.Response{Expectation: e, Perception: p}); err != nil {
			fmt.Println(err)
			return
		}
	}
	rep := a.Report()
	for _, d := range rep.DimensionPriorities[:2] {
		fmt.Printf("%d. %s gap %+.2f (95%% CI %+.2f to %+.2f)\n", d.Rank, d.Key, d.Mean, d.CI.Low, d.CI.High)
	}
	q5 := rep.Items[4].Gap
	fmt.Printf("Q5: n=%d mean %+.2f t=%.2f p=%.4f\n", q5.N, q5.Mean, q5.T, q5.P)
	fmt.Printf("tangibles answered in full by %d of %d\n", rep.Dimensions[0].Gap.N, rep.Responses)
	// Output:
	// 1. reliability gap -2.00 (95% CI -3.03 to -0.97)
	// 2. empathy gap -1.50 (95% CI -2.53 to -0.47)
	// Q5: n=4 mean -2.00 t=-6.20 p=0.0085
	// tangibles answered in full by 3 of 4
}

func ExampleNewInstrument() {
	in, err := servqual.NewInstrument(servqual.Spec{
		Name:  "repair centre check",
		Scale: servqual.Scale{Min: 1, Max: 5},
		Dimensions: []servqual.Dimension{
			{Key: "speed", Name: "Speed"},
			{Key: "quality", Name: "Quality of repair"},
		},
		Items: []servqual.Item{
			{Key: "S1", Dimension: "speed", Name: "repaired on the promised day"},
			{Key: "S2", Dimension: "speed", Name: "waited long at the counter", Reverse: true},
			{Key: "Q1", Dimension: "quality", Name: "fault fixed first time"},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// SERVPERF: perceptions only. S2 is reverse-keyed: 2 scores as 4.
	s, _ := in.Score(servqual.Response{Perception: []float64{5, 2, 4}})
	fmt.Println(s.Dimensions[0].Perception, s.Dimensions[1].Perception, s.Perception)
	// Output: 4.5 4 4.25
}

func ExampleAccumulate() {
	in := servqual.SERVQUAL()
	responses := make([]servqual.Response, 700)
	for r := range responses {
		p := make([]float64, 22)
		for i := range p {
			p[i] = float64(1 + (r+i)%7) // every item cycles through 1..7: mean 4
		}
		responses[r] = servqual.Response{Perception: p}
	}
	// Shards on every core, merged exactly.
	a, err := servqual.Accumulate(in, responses, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := a.Report()
	fmt.Printf("n=%d SERVPERF %.2f\n", rep.Overall.Perception.N, rep.Overall.Perception.Mean)
	// Output: n=700 SERVPERF 4.00
}

func ExampleAccumulator_Reliability() {
	in, _ := servqual.NewInstrument(servqual.Spec{
		Name: "two items", Scale: servqual.Scale{Min: 1, Max: 5},
		Dimensions: []servqual.Dimension{{Key: "speed"}},
		Items:      []servqual.Item{{Key: "a", Dimension: "speed"}, {Key: "b", Dimension: "speed"}},
	})
	a := servqual.NewAccumulator(in)
	for _, p := range [][]float64{{1, 1}, {2, 3}, {3, 2}} {
		_ = a.Add(servqual.Response{Perception: p})
	}
	rels, _ := a.Reliability(servqual.Perception)
	r := rels[0]
	// var a = var b = 1, cov = 0.5: alpha = 2·(1 − 2/3) = 2/3.
	fmt.Printf("%s: alpha %.3f, standardized %.3f, mean r %.2f, n %d\n", r.Dimension, r.Alpha, r.StdAlpha, r.MeanR, r.N)
	// Output: speed: alpha 0.667, standardized 0.667, mean r 0.50, n 3
}

func ExampleIPA() {
	pts, _ := servqual.IPA(
		[]string{"delivery", "price", "returns", "packaging"},
		[]float64{30, 30, 20, 20}, // importance points
		[]float64{4, 6, 4, 6},     // mean perception
		nil)                       // cross-hair at the grand means
	for _, p := range pts {
		fmt.Printf("%-9s %-22s priority %+.2f rank %d\n", p.Key, p.Quadrant, p.Priority, p.Rank)
	}
	// Output:
	// delivery  concentrate here       priority +1.41 rank 1
	// price     keep up the good work  priority +0.00 rank 2
	// returns   low priority           priority +0.00 rank 3
	// packaging possible overkill      priority -1.41 rank 4
}

func ExampleAccumulator_KeyDrivers() {
	in, _ := servqual.NewInstrument(servqual.Spec{
		Name: "drivers", Scale: servqual.Scale{Min: 1, Max: 7},
		Dimensions: []servqual.Dimension{{Key: "speed"}, {Key: "care"}},
		Items:      []servqual.Item{{Key: "s", Dimension: "speed"}, {Key: "c", Dimension: "care"}},
		Outcomes:   []servqual.OutcomeRating{{Key: "overall", Scale: servqual.Scale{Min: 1, Max: 7}}},
	})
	a := servqual.NewAccumulator(in)
	// Uncorrelated drivers and overall = speed + care: each explains half.
	for _, r := range [][3]float64{{1, 1, 2}, {2, 1, 3}, {1, 2, 3}, {2, 2, 4}} {
		_ = a.Add(servqual.Response{Perception: r[:2], Outcomes: r[2:]})
	}
	d, err := a.KeyDrivers(servqual.Perception, "overall")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("R² %.2f\n", d.RSquared)
	for i, k := range d.Keys {
		fmt.Printf("%-5s beta %.3f Shapley %.2f Johnson %.2f (%.0f%%)\n", k, d.Beta[i], d.Shapley[i], d.Johnson[i], 100*d.ShapleyShare[i])
	}
	// Output:
	// R² 1.00
	// speed beta 0.707 Shapley 0.50 Johnson 0.50 (50%)
	// care  beta 0.707 Shapley 0.50 Johnson 0.50 (50%)
}
