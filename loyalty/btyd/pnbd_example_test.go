package btyd_test

import (
	"errors"
	"fmt"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

func ExampleFitParetoNBD() {
	// The first 40 CDNOW customers: (repeat purchases, week of the last,
	// age in weeks) over a 39-week calibration period.
	rows := [][3]float64{
		{2, 30.43, 38.86}, {1, 1.71, 38.86}, {0, 0, 38.86}, {0, 0, 38.86}, {0, 0, 38.86}, {7, 29.43, 38.86},
		{1, 5, 38.86}, {0, 0, 38.86}, {2, 35.71, 38.86}, {0, 0, 38.86}, {5, 24.43, 38.86}, {0, 0, 38.86},
		{0, 0, 38.86}, {0, 0, 38.86}, {0, 0, 38.86}, {0, 0, 38.86}, {10, 34.14, 38.86}, {1, 4.86, 38.86},
		{3, 28.29, 38.71}, {0, 0, 38.71}, {2, 14.57, 38.71}, {0, 0, 38.71}, {0, 0, 38.71}, {0, 0, 38.71},
		{0, 0, 38.71}, {1, 1.57, 38.71}, {0, 0, 38.71}, {1, 29.43, 38.71}, {0, 0, 38.71}, {1, 5.86, 38.71},
		{0, 0, 38.71}, {0, 0, 38.71}, {0, 0, 38.71}, {0, 0, 38.71}, {1, 27.14, 38.71}, {0, 0, 38.71},
		{0, 0, 38.71}, {1, 2.14, 38.71}, {0, 0, 38.71}, {0, 0, 38.71},
	}
	data := make([]btyd.Summary, len(rows))
	for i, r := range rows {
		data[i] = btyd.Summary{Frequency: int(r[0]), Recency: r[1], T: r[2]}
	}
	fit, err := btyd.FitParetoNBD(data, nil)
	if errors.Is(err, btyd.ErrNotIdentified) {
		fmt.Printf("maximum likelihood: %v not identified\n", fit.Unidentified)
		// An L2 penalty on the log-parameters keeps them finite.
		fit, err = btyd.FitParetoNBD(data, &btyd.FitOptions{Penalty: 0.1})
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("r %.3f alpha %.2f s %.3f beta %.2f LL %.2f converged %v\n", fit.R, fit.Alpha, fit.S, fit.Beta, fit.LogLik, fit.Converged)
	for _, i := range []int{0, 1, 2, 16} {
		s := data[i]
		fmt.Printf("x=%2d t_x=%5.2f: P(alive) %.3f, in a year %.3f, next 52 weeks %.3f purchases\n",
			s.Frequency, s.Recency, fit.ProbAlive(s), fit.ProbAliveAfter(52, s), fit.ConditionalPurchases(52, s))
	}
	// Output:
	// r 0.839 alpha 16.26 s 0.451 beta 3.24 LL -158.97 converged true
	// x= 2 t_x=30.43: P(alive) 0.880, in a year 0.612, next 52 weeks 1.930 purchases
	// x= 1 t_x= 1.71: P(alive) 0.121, in a year 0.084, next 52 weeks 0.172 purchases
	// x= 0 t_x= 0.00: P(alive) 0.179, in a year 0.124, next 52 weeks 0.116 purchases
	// x=10 t_x=34.14: P(alive) 0.914, in a year 0.636, next 52 weeks 7.655 purchases
}

func ExampleParetoNBD() {
	// The Pareto/NBD fitted to all 2,357 CDNOW customers in weeks (Fader,
	// Hardie & Lee 2005).
	m := btyd.ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67}
	fmt.Printf("a new customer buys %.2f times in 52 weeks\n", m.ExpectedPurchases(52))
	c := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86}
	fmt.Printf("customer with 2 repeat purchases, the last in week 30.43 of 38.86:\n")
	fmt.Printf("  P(alive) now %.3f, 52 weeks later %.3f\n", m.ProbAlive(c), m.ProbAliveAfter(52, c))
	fmt.Printf("  expected purchases in the next 39 weeks %.3f\n", m.ConditionalPurchases(39, c))
	// Output:
	// a new customer buys 1.46 times in 52 weeks
	// customer with 2 repeat purchases, the last in week 30.43 of 38.86:
	//   P(alive) now 0.868, 52 weeks later 0.564
	//   expected purchases in the next 39 weeks 1.450
}
