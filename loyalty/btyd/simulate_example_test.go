package btyd_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// What if the customers dropped out half as readily? Simulate 20,000
// customers observed for 52 weeks under the CDNOW BG/NBD estimates of
// Fader, Hardie & Lee (2005), then with the dropout probability's mean
// a/(a+b) halved by doubling b, and compare the simulated mean repeat
// purchases with the model's expectation E[X(52)].
func ExampleSimulateBGNBD() {
	ages := make([]float64, 20_000)
	for i := range ages {
		ages[i] = 52
	}
	base := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	loyal := base
	loyal.B *= 2
	for _, c := range []struct {
		name string
		m    btyd.BGNBD
	}{{"as fitted", base}, {"dropout halved", loyal}} {
		data, err := btyd.SimulateBGNBD(rand.New(rand.NewPCG(1, 2)), c.m, ages)
		if err != nil {
			fmt.Println(err)
			return
		}
		sum := 0
		for _, s := range data {
			sum += s.Frequency
		}
		fmt.Printf("%-14s simulated mean %.2f, expected %.2f repeat purchases in 52 weeks\n",
			c.name, float64(sum)/float64(len(data)), c.m.ExpectedPurchases(52))
	}
	// Output:
	// as fitted      simulated mean 1.44, expected 1.45 repeat purchases in 52 weeks
	// dropout halved simulated mean 1.78, expected 1.77 repeat purchases in 52 weeks
}
