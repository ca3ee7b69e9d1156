package binstate_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/internal/binstate"
)

func Example() {
	w := binstate.NewWriter("DEMO", 1, 42, 16)
	w.Int64(3)
	w.Float64(2.5)
	frame := w.Finish()

	r, err := binstate.NewReader(frame, "DEMO", 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(frame), r.Identity, r.Int64(), r.Float64(), r.Close())

	frame[20] ^= 1 // a flipped bit
	_, err = binstate.NewReader(frame, "DEMO", 1)
	fmt.Println(err != nil)
	// Output:
	// 34 42 3 2.5 <nil>
	// true
}
