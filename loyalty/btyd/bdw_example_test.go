package btyd_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// The high-end segment of Fader & Hardie (2007): customers still active
// out of 1,000 at the start of years 0–7. The beta-discrete-Weibull fit
// finds each customer's churn propensity rising with tenure (c > 1),
// and the likelihood-ratio test prefers it to the sBG (c = 1). Its
// retention rate (the share of last year's customers who renew) dips in
// year 2 before it rises, which the sBG cannot show.
func ExampleFitBdW() {
	highEnd := []int64{1000, 869, 743, 653, 593, 551, 517, 491}
	fit, err := btyd.FitBdW(highEnd, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("BdW: alpha %.3f, beta %.3f, c %.3f, log-likelihood %.1f\n", fit.Alpha, fit.Beta, fit.C, fit.LogLik)
	fmt.Printf("sBG: alpha %.3f, beta %.3f, log-likelihood %.1f\n", fit.SBG.Alpha, fit.SBG.Beta, fit.SBG.LogLik)
	fmt.Printf("test of c = 1: statistic %.2f on %d df, p-value %.4f\n", fit.Test.Statistic, fit.Test.DF, fit.Test.PValue)
	fmt.Println("year  retention rate, BdW  retention rate, sBG")
	for _, t := range []int{1, 2, 5, 10, 20} {
		fmt.Printf("%4d  %19.1f%%  %19.1f%%\n", t, 100*fit.Retention(t), 100*fit.SBG.Retention(t))
	}
	// Output:
	// BdW: alpha 0.214, beta 1.427, c 1.724, log-likelihood -1605.3
	// sBG: alpha 0.668, beta 3.806, log-likelihood -1611.2
	// test of c = 1: statistic 11.69 on 1 df, p-value 0.0006
	// year  retention rate, BdW  retention rate, sBG
	//    1                 86.9%                 85.1%
	//    2                 85.2%                 87.8%
	//    5                 92.6%                 92.1%
	//   10                 96.3%                 95.0%
	//   20                 98.1%                 97.2%
}
