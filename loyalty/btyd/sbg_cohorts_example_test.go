package btyd_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// Five yearly cohorts of 10,000 customers (case 1 of Fader & Hardie
// 2010), the oldest observed for four renewals, the newest just
// acquired. The joint fit recovers the sBG that generated them, and the
// likelihood-ratio test finds no difference between the cohorts.
func ExampleFitSBGCohorts() {
	cohorts := [][]int64{
		{10000, 8000, 6480, 5307, 4391}, // acquired 2001
		{10000, 8000, 6480, 5307},       // 2002
		{10000, 8000, 6480},             // 2003
		{10000, 8000},                   // 2004
		{10000},                         // 2005
	}
	fit, err := btyd.FitSBGCohorts(cohorts, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("joint: alpha %.2f, beta %.2f, log-likelihood %.1f\n", fit.Joint.Alpha, fit.Joint.Beta, fit.Joint.LogLik)
	for i, f := range fit.Separate {
		if f.Converged {
			fmt.Printf("cohort %d alone: alpha %.2f, beta %.2f\n", i, f.Alpha, f.Beta)
		} else {
			fmt.Printf("cohort %d alone: %s\n", i, f.Reason)
		}
	}
	fmt.Printf("likelihood-ratio test: statistic %.4f on %d df, p-value %.3f\n", fit.Test.Statistic, fit.Test.DF, fit.Test.PValue)
	// Output:
	// joint: alpha 3.80, beta 15.19, log-likelihood -40255.8
	// cohort 0 alone: alpha 3.79, beta 15.16
	// cohort 1 alone: alpha 3.81, beta 15.25
	// cohort 2 alone: alpha 3.80, beta 15.20
	// cohort 3 alone: one observed renewal rate identifies only alpha/(alpha+beta), not the heterogeneity of churn
	// cohort 4 alone: a single count: no period observed
	// likelihood-ratio test: statistic 0.0003 on 5 df, p-value 1.000
}
