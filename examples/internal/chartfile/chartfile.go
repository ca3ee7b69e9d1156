// Package chartfile is what the example programs share to write their
// charts: the chart options for an optional CJK font file, and a plot
// saved as SVG and PNG in a directory. The library's chart package itself
// writes only to an io.Writer.
package chartfile

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/cxlab/satisfaction/chart"
	"gonum.org/v1/plot"
)

// Options returns the chart options of an example: English labels when
// fontPath is empty, otherwise Chinese labels drawn in the TrueType or
// OpenType font read from fontPath.
func Options(fontPath string) (*chart.Options, error) {
	if fontPath == "" {
		return &chart.Options{}, nil
	}
	b, err := os.ReadFile(fontPath)
	if err != nil {
		return nil, err
	}
	return &chart.Options{Chinese: true, Font: b}, nil
}

// Save draws p at the chart package's default size and writes it to dir
// as name.svg and name.png. Both are drawn before either file is written.
func Save(dir, name string, p *plot.Plot) error {
	var svg, png bytes.Buffer
	if err := chart.WriteSVG(&svg, p, 0, 0); err != nil {
		return err
	}
	if err := chart.WritePNG(&png, p, 0, 0); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, name+".svg"), svg.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name+".png"), png.Bytes(), 0o644)
}
