package btyd_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// A synthetic customer base for what-if work and for testing a pipeline:
// 20,000 customers acquired evenly over 39 weeks, whose purchases follow
// the MBG/NBD with the CDNOW estimates (lifetimes' ModifiedBetaGeoFitter)
// and whose spend follows the Gamma-Gamma CDNOW estimates of Fader,
// Hardie & Lee (2005, "RFM and CLV"). Fitting the two models back to the
// sample recovers the parameters it was drawn from within a few of their
// standard errors (SE).
func ExampleSimulateMBGNBD() {
	rng := rand.New(rand.NewPCG(2007, 39))
	ages := make([]float64, 20_000)
	for i := range ages {
		ages[i] = 39 * float64(i+1) / float64(len(ages))
	}
	truth := btyd.MBGNBD{R: 0.525, Alpha: 6.183, A: 0.891, B: 1.614}
	data, err := btyd.SimulateMBGNBD(rng, truth, ages)
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err = btyd.SimulateGammaGamma(rng, btyd.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}, data)
	if err != nil {
		fmt.Println(err)
		return
	}
	repeat, first := 0, -1
	for i, s := range data {
		if s.Frequency > 0 {
			repeat++
			if first < 0 && s.Frequency >= 2 {
				first = i
			}
		}
	}
	s := data[first]
	fmt.Printf("%d customers, %d with repeat purchases; the first with two or more: age %.1f weeks, %d repeat purchases, the last in week %.1f, mean spend $%s\n",
		len(data), repeat, s.T, s.Frequency, s.Recency, s.MeanSpend.StringFixed(2))
	mbg, err := btyd.FitMBGNBD(data, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("MBG/NBD refitted: r %.3f (SE %.3f), alpha %.2f (%.2f), a %.2f (%.2f), b %.2f (%.2f)\n",
		mbg.R, mbg.StdErr[0], mbg.Alpha, mbg.StdErr[1], mbg.A, mbg.StdErr[2], mbg.B, mbg.StdErr[3])
	gg, err := btyd.FitGammaGamma(data, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Gamma-Gamma refitted: p %.2f (SE %.2f), q %.2f (%.2f), v %.1f (%.1f)\n",
		gg.P, gg.StdErr[0], gg.Q, gg.StdErr[1], gg.V, gg.StdErr[2])
	// Output:
	// 20000 customers, 6163 with repeat purchases; the first with two or more: age 1.3 weeks, 2 repeat purchases, the last in week 0.4, mean spend $13.69
	// MBG/NBD refitted: r 0.537 (SE 0.039), alpha 6.19 (0.29), a 0.94 (0.08), b 1.64 (0.27)
	// Gamma-Gamma refitted: p 5.81 (SE 0.38), q 3.81 (0.12), v 17.1 (1.7)
}
