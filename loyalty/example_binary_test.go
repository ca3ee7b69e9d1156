package loyalty_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/loyalty"
)

// NPS tallies of two regions travel as 114 bytes each and are merged
// where the report is made.
func ExampleNPSTally_MarshalBinary() {
	var east, west loyalty.NPSTally
	_ = east.AddN(10, 50)
	_ = east.AddN(6, 20)
	_ = west.AddN(9, 30)
	_ = west.AddN(3, 30)

	var total loyalty.NPSTally
	for _, region := range []*loyalty.NPSTally{&east, &west} {
		wire, err := region.MarshalBinary()
		if err != nil {
			fmt.Println(err)
			return
		}
		var received loyalty.NPSTally
		if err := received.UnmarshalBinary(wire); err != nil {
			fmt.Println(err)
			return
		}
		if err := total.Merge(&received); err != nil {
			fmt.Println(err)
			return
		}
	}
	r := total.Report()
	fmt.Printf("n=%d NPS %+.1f\n", r.N, r.Score)
	// Output: n=130 NPS +23.1
}
