package nanjson_test

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// Stat is a result type whose mean is undefined (NaN) when it has no
// observations.
type Stat struct {
	N    int64   `json:"n"`
	Mean float64 `json:"mean"`
}

// MarshalJSON encodes NaN as null.
func (s Stat) MarshalJSON() ([]byte, error) { type plain Stat; return nanjson.Marshal(plain(s)) }

// UnmarshalJSON decodes null as NaN.
func (s *Stat) UnmarshalJSON(b []byte) error {
	type plain Stat
	return nanjson.Unmarshal(b, (*plain)(s))
}

func Example() {
	b, _ := nanjson.Marshal([]Stat{{N: 0, Mean: math.NaN()}, {N: 2, Mean: 3.5}})
	fmt.Println(string(b))
	var back []Stat
	_ = nanjson.Unmarshal(b, &back)
	fmt.Println(back[0].N, math.IsNaN(back[0].Mean), back[1].Mean)
	// Output:
	// [{"n":0,"mean":null},{"n":2,"mean":3.5}]
	// 0 true 3.5
}
