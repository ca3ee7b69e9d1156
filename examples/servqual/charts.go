package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/examples/internal/chartfile"
	"github.com/cxlab/satisfaction/servqual"
	"gonum.org/v1/plot"
)

// writeCharts writes the gap chart and the importance-performance grid of
// the sample survey and the follow-up customer's zone of tolerance to dir as SVG and PNG, with Chinese labels in the
// font at fontPath when it is not empty.
func writeCharts(dir, fontPath string) error {
	opts, err := chartfile.Options(fontPath)
	if err != nil {
		return err
	}
	in := servqual.SERVQUAL()
	acc, err := servqual.Accumulate(in, sample(in), 1)
	if err != nil {
		return err
	}
	rep := acc.Report()
	gaps, err := chart.Gaps(chart.GapsSpec{Report: rep, Measure: servqual.Gap, Scale: in.Scale()}, opts)
	if err != nil {
		return err
	}
	d, err := acc.KeyDrivers(servqual.Perception, "overall")
	if err != nil {
		return err
	}
	pts, err := acc.IPA(servqual.Perception, d.ShapleyShare, nil)
	if err != nil {
		return err
	}
	// Importance as a percentage of R², as in the text report.
	pct := make(servqual.IPAPoints, len(pts))
	names := map[string]string{}
	for i, p := range pts {
		p.Importance *= 100
		pct[i] = p
		names[p.Key] = rep.Dimension(p.Key).Name
		if opts.Chinese {
			names[p.Key] = rep.Dimension(p.Key).Chinese
		}
	}
	scale := in.Scale()
	spec := chart.IPASpec{
		Title:            "SERVQUAL: importance-performance grid, split at the means",
		Points:           pct,
		Names:            names,
		ImportanceLabel:  "importance: share of R² of the overall rating, %",
		PerformanceLabel: fmt.Sprintf("performance: mean perception, scale %v–%v", scale.Min, scale.Max),
		PerformanceScale: &scale,
	}
	if opts.Chinese {
		spec.Title = "SERVQUAL 重要性—表现分析图（以均值分区）"
		spec.ImportanceLabel = "重要性：占总体评分 R² 的份额，%"
		spec.PerformanceLabel = fmt.Sprintf("表现：平均感知得分，量表 %v–%v", scale.Min, scale.Max)
	}
	grid, err := chart.IPAGrid(spec, opts)
	if err != nil {
		return err
	}
	zone, err := zoneChart(in, opts)
	if err != nil {
		return err
	}
	for name, p := range map[string]*plot.Plot{"servqual_gaps": gaps, "servqual_ipa": grid, "servqual_zone": zone} {
		if err := chartfile.Save(dir, name, p); err != nil {
			return err
		}
	}
	return nil
}

// zoneChart draws the follow-up customer's zone of tolerance on the
// reliability items, as in the text report.
func zoneChart(in *servqual.Instrument, opts *chart.Options) (*plot.Plot, error) {
	adequate, desired, perceived := zoneAnswers(in)
	var rows []chart.ZoneRow
	nan := math.NaN()
	for _, i := range in.ItemsOf(1) {
		it := in.Item(i)
		name := it.Key + "\n" + wrapWords(it.Name, 18)
		if opts.Chinese && it.Chinese != "" {
			name = it.Key + "\n" + wrapRunes(it.Chinese, 6)
		}
		rows = append(rows, chart.ZoneRow{Name: name, Adequate: adequate[i], Desired: desired[i], Perceived: perceived[i],
			CI: ep.Interval{Low: nan, High: nan}})
	}
	spec := chart.ZoneSpec{
		Title: "Zone of tolerance: one customer of the follow-up wave, reliability items",
		Rows:  rows, Scale: in.Scale(),
	}
	if opts.Chinese {
		spec.Title = "容忍区间：追踪调查中一位顾客的可靠性各题"
	}
	return chart.Zone(spec, opts)
}

// wrapWords breaks s into lines of at most about width characters.
func wrapWords(s string, width int) string {
	var b strings.Builder
	line := 0
	for i, w := range strings.Fields(s) {
		if i > 0 && line+1+len(w) > width {
			b.WriteByte('\n')
			line = 0
		} else if i > 0 {
			b.WriteByte(' ')
			line++
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}

// wrapRunes breaks s (Chinese, without spaces) into lines of at most
// width characters.
func wrapRunes(s string, width int) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 && i%width == 0 {
			b.WriteByte('\n')
		}
		b.WriteRune(r)
	}
	return b.String()
}
