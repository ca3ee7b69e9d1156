package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/examples/internal/chartfile"
	"github.com/cxlab/satisfaction/servqual"
)

// writeCharts writes the guests' chart to dir as SVG and PNG, with Chinese
// labels in the font at fontPath when it is not empty.
func writeCharts(dir, fontPath string) error {
	opts, err := chartfile.Options(fontPath)
	if err != nil {
		return err
	}
	m := ep.EPModel()
	scale := servqual.Scale{Min: 1, Max: 7}
	nan := math.NaN()
	var rows []chart.ZoneRow
	for _, g := range guests {
		e, err := ep.Blend(g.sources, weights)
		if err != nil {
			return err
		}
		// The band where P − E is within the tolerance: the expectation
		// is met and the guest neutral.
		lo, hi := math.Max(scale.Min, e-m.Tolerance), math.Min(scale.Max, e+m.Tolerance)
		name, _, _ := strings.Cut(g.name, " (")
		rows = append(rows, chart.ZoneRow{Name: name, Adequate: lo, Desired: hi, Perceived: g.perf, CI: ep.Interval{Low: nan, High: nan}})
	}
	spec := chart.ZoneSpec{
		Title: "Harbour View Hotel: each guest's stay against their expectation",
		Rows:  rows, Scale: scale,
		ValueLabel: "rating, scale 1–7",
		Note: fmt.Sprintf("band: expectation E ± %s, where it counts as met; dot: the stay's performance P;\n"+
			"vermilion below (dissatisfied), blue inside (%s), green above (satisfied or delighted)", num(m.Tolerance, 1), m.Confirmed),
	}
	if opts.Chinese {
		spec.Title = "海景酒店：每位客人的入住体验与其期望"
		spec.ValueLabel = "评分，量表 1–7"
		spec.Note = fmt.Sprintf("色带：期望 E ± %s（视为期望得到满足）；圆点：本次入住表现 P；\n橙红：低于色带（不满意），蓝：色带内（%s），绿：高于色带（满意或惊喜）",
			num(m.Tolerance, 1), m.Confirmed.Chinese())
	}
	p, err := chart.Zone(spec, opts)
	if err != nil {
		return err
	}
	return chartfile.Save(dir, "ep_guests", p)
}
