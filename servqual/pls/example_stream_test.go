package pls_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/servqual"
	"github.com/cxlab/satisfaction/servqual/pls"
)

// A model on a servqual instrument: each dimension is a construct, its
// items the indicators; Rows turns responses into data (reverse-keyed
// items flipped).
func ExampleFromInstrument() {
	in, err := servqual.NewInstrument(servqual.Spec{
		Name:       "café",
		Scale:      servqual.Scale{Min: 1, Max: 7},
		Dimensions: []servqual.Dimension{{Key: "QUAL", Name: "Quality"}, {Key: "SAT", Name: "Satisfaction"}},
		Items: []servqual.Item{
			{Key: "q1", Dimension: "QUAL", Name: "The coffee is good"},
			{Key: "q2", Dimension: "QUAL", Name: "The wait is too long", Reverse: true},
			{Key: "s1", Dimension: "SAT", Name: "I am satisfied"},
			{Key: "s2", Dimension: "SAT", Name: "It is what I hoped for"},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := pls.FromInstrument(in, []pls.Path{{From: "QUAL", To: "SAT"}}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	rows, err := pls.Rows(in, m, []servqual.Response{{Perception: []float64{6, 2, 6, 5}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Indicators(), rows[0])
	// Output:
	// [q1 q2 s1 s2] [6 6 6 5]
}

// An online bootstrap: respondents arrive one at a time (here in two
// shards), each enters 500 replicates with Poisson(1) weights, and the
// intervals come without storing the data.
func ExampleStreamBootstrap() {
	m, _ := pls.NewModel(pls.Spec{
		Constructs: []pls.Construct{
			{Name: "QUAL", Indicators: []string{"q1", "q2", "q3"}},
			{Name: "SAT", Indicators: []string{"s1", "s2", "s3"}},
		},
		Paths: []pls.Path{{From: "QUAL", To: "SAT"}},
	})
	a, _ := pls.NewStreamBootstrap(m.NumIndicators(), 500, 42)
	b, _ := pls.NewStreamBootstrap(m.NumIndicators(), 500, 42)
	for i, row := range survey(300) {
		shard := a
		if i >= 150 {
			shard = b
		}
		if err := shard.Add(uint64(i), row); err != nil {
			fmt.Println(err)
			return
		}
	}
	if err := a.Merge(b); err != nil {
		fmt.Println(err)
		return
	}
	bs, err := m.BootstrapStream(a, nil, &pls.Scale{Min: 1, Max: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, sat := bs.Paths[0], bs.Index[1]
	fmt.Printf("%s: %.3f, SE %.3f, [%.3f, %.3f]\n", p.Name, p.Estimate, p.SE, p.Lower, p.Upper)
	fmt.Printf("SAT index %.1f [%.1f, %.1f]\n", sat.Estimate, sat.Lower, sat.Upper)
	// Output:
	// QUAL -> SAT: 0.529, SE 0.040, [0.452, 0.608]
	// SAT index 68.3 [66.8, 69.7]
}
