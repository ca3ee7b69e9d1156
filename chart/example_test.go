package chart_test

import (
	"bytes"
	"fmt"

	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// Draw a cohort's sBG projection against its actual survivors and render
// it as SVG; a program would write buf to a file or an HTTP response.
func ExampleRetention() {
	survivors := []int64{1000, 631, 468, 382, 326}
	fit, err := btyd.FitSBG(survivors, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	proj, err := fit.Project(1000, 10)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := chart.Retention(chart.RetentionSpec{
		Projected:  btyd.PeriodSeries(proj),
		Actual:     btyd.CountSeries(survivors),
		FitPeriods: len(survivors),
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := chart.WriteSVG(&buf, p, 0, 0); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title.Text)
	fmt.Println("SVG written:", buf.Len() > 0)
	// Output:
	// Cohort retention: sBG projection against actual survivors
	// SVG written: true
}
