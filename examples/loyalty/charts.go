package main

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// writeCharts writes the subscription cohort's sBG retention chart to dir
// as loyalty_retention.svg and .png, with Chinese labels in the font at
// fontPath when it is not empty.
func writeCharts(dir, fontPath string) error {
	opts := &chart.Options{}
	if fontPath != "" {
		b, err := os.ReadFile(fontPath)
		if err != nil {
			return err
		}
		opts = &chart.Options{Chinese: true, Font: b}
	}
	// The cohort of printCohort: fit on years 0–4, project to year 10 and
	// compare with the published years 0–7.
	observed := []int64{1000, 631, 468, 382, 326}
	fit, err := btyd.FitSBG(observed, nil)
	if err != nil {
		return err
	}
	proj, err := fit.Project(1000, 10)
	if err != nil {
		return err
	}
	actual := btyd.CountSeries{1000, 631, 468, 382, 326, 289, 262, 241}
	p, err := chart.Retention(chart.RetentionSpec{
		Projected:  btyd.PeriodSeries(proj),
		Actual:     actual,
		FitPeriods: len(observed),
	}, opts)
	if err != nil {
		return err
	}
	var svg, png bytes.Buffer
	if err := chart.WriteSVG(&svg, p, 0, 0); err != nil {
		return err
	}
	if err := chart.WritePNG(&png, p, 0, 0); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "loyalty_retention.svg"), svg.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "loyalty_retention.png"), png.Bytes(), 0o644)
}
