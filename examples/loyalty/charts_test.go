package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteCharts checks that -charts writes every chart as SVG and PNG.
func TestWriteCharts(t *testing.T) {
	dir := t.TempDir()
	if err := writeCharts(dir, ""); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"loyalty_retention", "loyalty_calibration", "loyalty_tracking",
		"loyalty_tracking_cumulative", "loyalty_alive", "loyalty_tornado"} {
		for _, ext := range []string{".svg", ".png"} {
			if fi, err := os.Stat(filepath.Join(dir, name+ext)); err != nil || fi.Size() == 0 {
				t.Errorf("%s%s not written (%v)", name, ext, err)
			}
		}
	}
}
