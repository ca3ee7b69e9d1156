package btyd_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// A full model with two more parameters than a restricted one nested in
// it (the restricted model fixes those two) raises the log-likelihood
// from −1210.6 to −1204.2: the statistic 2 × 6.4 = 12.8 on 2 degrees of
// freedom has p = e^−6.4 ≈ 0.0017, so the restriction is rejected at any
// usual level. The log-likelihoods are those of the two fits'
// FitInfo.LogLik, on the same data.
func ExampleLikelihoodRatioTest() {
	test, err := btyd.LikelihoodRatioTest(-1210.6, -1204.2, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("statistic %.1f on %d df, p = %.4f\n", test.Statistic, test.DF, test.PValue)
	// Output:
	// statistic 12.8 on 2 df, p = 0.0017
}

// Comparing fits by information criteria: lower is better, and AIC and
// BIC can disagree when the models have different numbers of parameters
// (BIC charges ln N per parameter, AIC 2). The FitInfo values would come
// from two fits to the same 2,357 customers.
func ExampleCompareFits() {
	cmp, err := btyd.CompareFits(
		btyd.FitCandidate{Name: "four parameters", Info: btyd.FitInfo{LogLik: -9582.4, N: 2357, Converged: true}, Params: 4},
		btyd.FitCandidate{Name: "two parameters", Info: btyd.FitInfo{LogLik: -9590.0, N: 2357, Converged: true}, Params: 2},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range cmp.Models {
		fmt.Printf("%-15s AIC %.1f (rank %d)  BIC %.1f (rank %d)\n", s.Name, s.AIC, s.RankAIC, s.BIC, s.RankBIC)
	}
	fmt.Println("lowest AIC:", cmp.Models[cmp.BestAIC].Name)
	fmt.Println("lowest BIC:", cmp.Models[cmp.BestBIC].Name)
	// Output:
	// four parameters AIC 19172.8 (rank 1)  BIC 19195.9 (rank 2)
	// two parameters  AIC 19184.0 (rank 2)  BIC 19195.5 (rank 1)
	// lowest AIC: four parameters
	// lowest BIC: two parameters
}
