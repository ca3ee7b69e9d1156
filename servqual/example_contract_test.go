package servqual_test

import (
	"errors"
	"fmt"

	"github.com/cxlab/satisfaction/servqual"
)

// Key drivers need enough complete respondents; until there are, fall
// back on the importance points respondents stated.
func ExampleAccumulator_KeyDrivers_fallback() {
	in := servqual.SERVQUAL()
	acc := servqual.NewAccumulator(in)
	r := servqual.Response{Perception: fill(22, 5), Importance: []float64{10, 40, 20, 20, 10}, Outcomes: []float64{6}}
	if err := acc.Add(r); err != nil {
		fmt.Println(err)
		return
	}
	d, err := acc.KeyDrivers(servqual.Perception, "overall")
	switch {
	case errors.Is(err, servqual.ErrUndefined):
		fmt.Println("derived importance unavailable:", err)
		fmt.Println("stated importance:", acc.Report().Dimensions[1].Importance.Mean)
	case err != nil:
		fmt.Println(err)
	default:
		fmt.Println(d.ShapleyShare)
	}
	// Output:
	// derived importance unavailable: servqual: KeyDrivers of outcome overall on perception scores: need at least 7 complete respondents, have 1: undefined for these data
	// stated importance: 40
}
