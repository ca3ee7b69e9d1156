package servqual_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/servqual"
)

// Two shards scored apart (on two machines, say) travel as bytes and are
// merged where the report is made.
func ExampleAccumulator_MarshalBinary() {
	in := servqual.SERVQUAL()
	var wire [][]byte
	for shard := 0; shard < 2; shard++ {
		a := servqual.NewAccumulator(in)
		for k := 0; k < 3; k++ {
			e, p := make([]float64, 22), make([]float64, 22)
			for i := range e {
				e[i], p[i] = 6, float64(3+shard+k)
			}
			if err := a.Add(servqual.Response{Expectation: e, Perception: p}); err != nil {
				fmt.Println(err)
				return
			}
		}
		b, err := a.MarshalBinary()
		if err != nil {
			fmt.Println(err)
			return
		}
		wire = append(wire, b)
	}
	total := servqual.NewAccumulator(in)
	for _, b := range wire {
		shard, err := servqual.DecodeAccumulator(in, b)
		if err != nil {
			fmt.Println(err)
			return
		}
		if err := total.Merge(shard); err != nil {
			fmt.Println(err)
			return
		}
	}
	rep := total.Report()
	fmt.Printf("%d bytes per shard; %d responses, SERVQUAL gap %+.2f\n", len(wire[0]), rep.Responses, rep.Overall.Gap.Mean)

	// State of another instrument is refused.
	_, err := servqual.DecodeAccumulator(servqual.SERVQUAL1988(), wire[0])
	fmt.Println(err != nil)
	// Output:
	// 4929 bytes per shard; 6 responses, SERVQUAL gap -1.50
	// true
}
