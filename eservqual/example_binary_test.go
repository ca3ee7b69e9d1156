package eservqual_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/eservqual"
	"github.com/cxlab/satisfaction/servqual"
)

// A recovery sample collected elsewhere arrives as bytes and is merged.
func ExampleRecoverySample_MarshalBinary() {
	remote := eservqual.NewRecoverySample(nil)
	p := make([]float64, 11)
	for i := range p {
		p[i] = 3
	}
	_ = remote.Add(servqual.Response{Perception: p}, true)
	_ = remote.Add(servqual.Response{}, false)
	wire, err := remote.MarshalBinary()
	if err != nil {
		fmt.Println(err)
		return
	}

	var received, local eservqual.RecoverySample
	if err := received.UnmarshalBinary(wire); err != nil {
		fmt.Println(err)
		return
	}
	_ = local.Add(servqual.Response{Perception: p}, true)
	if err := local.Merge(&received); err != nil {
		fmt.Println(err)
		return
	}
	r := local.Report()
	fmt.Printf("%d bytes; in sample %d, not applicable %d\n", len(wire), r.InSample, r.NotApplicable)
	// Output: 1051 bytes; in sample 2, not applicable 1
}
