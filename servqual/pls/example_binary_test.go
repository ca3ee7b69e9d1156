package pls_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/servqual/pls"
)

// Shards of respondents accumulated on two machines travel as bytes and
// merge into the moments a model is fitted on.
func ExampleAccumulator_MarshalBinary() {
	var east, west pls.Accumulator
	for i, row := range survey(200) {
		shard := &east
		if i%2 == 1 {
			shard = &west
		}
		if err := shard.Add(row); err != nil {
			fmt.Println(err)
			return
		}
	}
	wire, err := west.MarshalBinary()
	if err != nil {
		fmt.Println(err)
		return
	}
	var received pls.Accumulator
	if err := received.UnmarshalBinary(wire); err != nil {
		fmt.Println(err)
		return
	}
	if err := east.Merge(&received); err != nil {
		fmt.Println(err)
		return
	}
	m, err := east.Moments(pls.Listwise)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d bytes; n=%d, %d indicators\n", len(wire), m.N, len(m.Mean))
	// Output: 259 bytes; n=200, 6 indicators
}
