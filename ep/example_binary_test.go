package ep_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/ep"
)

// A tally counted on one machine travels as 66 bytes and is merged on
// another.
func ExampleTally_MarshalBinary() {
	var north, south ep.Tally
	_ = north.AddN(ep.Satisfied, 40)
	_ = north.AddN(ep.Dissatisfied, 10)
	_ = south.AddN(ep.Delighted, 30)
	_ = south.AddN(ep.Neutral, 20)

	wire, err := south.MarshalBinary()
	if err != nil {
		fmt.Println(err)
		return
	}
	var received ep.Tally
	if err := received.UnmarshalBinary(wire); err != nil {
		fmt.Println(err)
		return
	}
	if err := north.Merge(&received); err != nil {
		fmt.Println(err)
		return
	}
	s := north.Report()
	fmt.Printf("%d bytes; n=%d CSAT=%.0f%%\n", len(wire), s.N, 100*s.CSAT)

	wire[20] ^= 1 // corrupted on the way
	fmt.Println(received.UnmarshalBinary(wire) != nil)
	// Output:
	// 66 bytes; n=100 CSAT=70%
	// true
}
