package btyd_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// Subscribers acquired at different times: some left after a few
// months, the others are still active after the months they have been
// with the company so far. The fit needs only each customer's tenure.
func ExampleFitSBGTenures() {
	var ts []btyd.Tenure
	add := func(n int, periods int64, active bool) {
		for range n {
			ts = append(ts, btyd.Tenure{Periods: periods, Active: active})
		}
	}
	add(120, 1, false) // left after their first month
	add(60, 2, false)
	add(35, 3, false)
	add(20, 4, false)
	add(14, 5, false)
	add(150, 5, true) // still active after 5 months
	add(80, 3, true)  // joined later: active after 3 months
	add(90, 1, true)
	fit, err := btyd.FitSBGTenures(ts, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d customers: alpha %.3f, beta %.3f\n", fit.N, fit.Alpha, fit.Beta)
	for _, t := range []int{1, 6, 12} {
		fmt.Printf("month %2d: retention %.1f%%, still active %.1f%%\n", t, 100*fit.Retention(t), 100*fit.Survival(t))
	}
	// Output:
	// 569 customers: alpha 0.609, beta 2.252
	// month  1: retention 78.7%, still active 78.7%
	// month  6: retention 92.2%, still active 43.7%
	// month 12: retention 95.6%, still active 31.1%
}
