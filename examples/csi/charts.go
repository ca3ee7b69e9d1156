package main

import (
	"fmt"

	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/examples/internal/chartfile"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/cxlab/satisfaction/servqual/pls"
	"gonum.org/v1/plot"
)

// writeCharts writes the path diagram and the importance–performance map
// to dir as SVG and PNG, with Chinese labels in the font at fontPath when
// it is not empty.
func writeCharts(dir, fontPath string) error {
	opts, err := chartfile.Options(fontPath)
	if err != nil {
		return err
	}
	_, _, res, err := fit(&pls.Options{Consistent: true})
	if err != nil {
		return err
	}
	path, err := chart.PathDiagram(chart.PathSpec{
		Title:  fmt.Sprintf("Nordlicht Mobile: ECSI path model, standardised coefficients and R² (n = %d)", res.N),
		Result: res,
	}, opts)
	if err != nil {
		return err
	}
	if opts.Chinese {
		path.Title.Text = fmt.Sprintf("Nordlicht Mobile：ECSI 路径模型，标准化路径系数与 R²（n = %d）", res.N)
	}

	ipma, err := res.IPMA(pls.Satisfaction, scale)
	if err != nil {
		return err
	}
	pts := make(servqual.IPAPoints, len(ipma.Constructs))
	names := map[string]string{}
	for i, p := range ipma.Constructs {
		pts[i] = servqual.IPAPoint{Key: p.Name, Importance: p.Importance, Performance: p.Performance}
		names[p.Name] = p.Name + " " + label(p.Name, opts.Chinese)
	}
	spec := chart.IPASpec{
		Title:            "Nordlicht Mobile: importance–performance map for satisfaction, split at the means",
		Points:           pts,
		Names:            names,
		ImportanceLabel:  "importance: satisfaction points per driver point",
		PerformanceLabel: "performance: the driver's index, 0–100",
	}
	if opts.Chinese {
		spec.Title = "Nordlicht Mobile：顾客满意度的重要性—表现分析图（以均值分区）"
		spec.ImportanceLabel = "重要性：驱动因素每升 1 分满意度的升幅"
		spec.PerformanceLabel = "表现：驱动因素指数，0–100"
	}
	grid, err := chart.IPAGrid(spec, opts)
	if err != nil {
		return err
	}
	for name, p := range map[string]*plot.Plot{"csi_path": path, "csi_ipma": grid} {
		if err := chartfile.Save(dir, name, p); err != nil {
			return err
		}
	}
	return nil
}

// label is a construct's short English or Chinese name.
func label(code string, zh bool) string {
	en, cn := map[string]string{
		pls.Image: "image", pls.Expectations: "expectations", pls.Quality: "quality", pls.Value: "value",
	}, map[string]string{
		pls.Image: "企业形象", pls.Expectations: "顾客期望", pls.Quality: "感知质量", pls.Value: "感知价值",
	}
	if zh {
		return cn[code]
	}
	return en[code]
}
