package main

import (
	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/eservqual"
	"github.com/cxlab/satisfaction/examples/internal/chartfile"
	"github.com/cxlab/satisfaction/servqual"
)

// writeCharts writes the importance-performance grid of the E-S-QUAL
// dimensions to dir as SVG and PNG, with Chinese labels in the font at
// fontPath when it is not empty.
func writeCharts(dir, fontPath string) error {
	opts, err := chartfile.Options(fontPath)
	if err != nil {
		return err
	}
	esq := eservqual.ESQUAL()
	acc := servqual.NewAccumulator(esq)
	for _, c := range sample(400) {
		if err := acc.Add(c.esqual); err != nil {
			return err
		}
	}
	rep := acc.Report()
	// Importance as in the report: each dimension's share of the variance
	// of perceived value the four explain together, in percent.
	wv, _, err := eservqual.DriverWeights(acc, eservqual.OutcomeValue, eservqual.DefaultDriverWeights())
	if err != nil {
		return err
	}
	var pts servqual.IPAPoints
	names := map[string]string{}
	for d, dr := range rep.Dimensions {
		if dr.Perception == nil {
			continue
		}
		pts = append(pts, servqual.IPAPoint{Key: dr.Key, Importance: 100 * wv[d], Performance: dr.Perception.Mean})
		names[dr.Key] = dr.Name
		if opts.Chinese && dr.Chinese != "" {
			names[dr.Key] = dr.Chinese
		}
	}
	scale := esq.Scale()
	spec := chart.IPASpec{
		Title:            "ShopNow E-S-QUAL: what moves perceived value, and how the site scores",
		Points:           pts,
		Names:            names,
		ImportanceLabel:  "importance: share of R² of perceived value, %",
		PerformanceLabel: "performance: mean agreement, scale 1–5",
		PerformanceScale: &scale,
	}
	if opts.Chinese {
		spec.Title = "ShopNow E-S-QUAL：影响感知价值的因素与网站表现"
		spec.ImportanceLabel = "重要性：占感知价值 R² 的份额，%"
		spec.PerformanceLabel = "表现：平均认同程度，量表 1–5"
	}
	p, err := chart.IPAGrid(spec, opts)
	if err != nil {
		return err
	}
	return chartfile.Save(dir, "eservqual_ipa", p)
}
