package btyd_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// ExampleFitBGBB fits the BG/BB to the donations cohort of Fader, Hardie
// & Shang (2010): 11,104 first-time donors of 1995, with x repeat
// donations in the six years 1996–2001, t_x the year of the last. It
// then predicts for a donor who gave in 3 of the 6 years, last in year 4.
func ExampleFitBGBB() {
	data := []btyd.BGBBHistory{
		{Frequency: 0, Recency: 0, Periods: 6, Count: 3464},
		{Frequency: 1, Recency: 1, Periods: 6, Count: 1091},
		{Frequency: 1, Recency: 2, Periods: 6, Count: 277},
		{Frequency: 1, Recency: 3, Periods: 6, Count: 129},
		{Frequency: 1, Recency: 4, Periods: 6, Count: 78},
		{Frequency: 1, Recency: 5, Periods: 6, Count: 119},
		{Frequency: 1, Recency: 6, Periods: 6, Count: 129},
		{Frequency: 2, Recency: 2, Periods: 6, Count: 613},
		{Frequency: 2, Recency: 3, Periods: 6, Count: 255},
		{Frequency: 2, Recency: 4, Periods: 6, Count: 155},
		{Frequency: 2, Recency: 5, Periods: 6, Count: 173},
		{Frequency: 2, Recency: 6, Periods: 6, Count: 234},
		{Frequency: 3, Recency: 3, Periods: 6, Count: 322},
		{Frequency: 3, Recency: 4, Periods: 6, Count: 181},
		{Frequency: 3, Recency: 5, Periods: 6, Count: 225},
		{Frequency: 3, Recency: 6, Periods: 6, Count: 357},
		{Frequency: 4, Recency: 4, Periods: 6, Count: 240},
		{Frequency: 4, Recency: 5, Periods: 6, Count: 284},
		{Frequency: 4, Recency: 6, Periods: 6, Count: 512},
		{Frequency: 5, Recency: 5, Periods: 6, Count: 335},
		{Frequency: 5, Recency: 6, Periods: 6, Count: 728},
		{Frequency: 6, Recency: 6, Periods: 6, Count: 1203}}
	fit, err := btyd.FitBGBB(data, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("alpha %.3f beta %.3f gamma %.3f delta %.3f\n", fit.Alpha, fit.Beta, fit.Gamma, fit.Delta)
	alive, _ := fit.ProbAlive(3, 4, 6)
	next5, _ := fit.ConditionalPurchases(3, 4, 6, 5)
	newDonor, _ := fit.ExpectedPurchases(6)
	fmt.Printf("P(alive in year 7) %.3f\n", alive)
	fmt.Printf("expected donations in years 7-11: %.2f\n", next5)
	fmt.Printf("expected repeat donations of a new donor in 6 years: %.2f\n", newDonor)
	// Output:
	// alpha 1.204 beta 0.750 gamma 0.657 delta 2.783
	// P(alive in year 7) 0.440
	// expected donations in years 7-11: 1.03
	// expected repeat donations of a new donor in 6 years: 2.22
}
