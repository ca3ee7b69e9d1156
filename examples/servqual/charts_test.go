package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteCharts checks that -charts writes the three charts as SVG and PNG.
func TestWriteCharts(t *testing.T) {
	dir := t.TempDir()
	if err := writeCharts(dir, ""); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"servqual_gaps.svg", "servqual_gaps.png", "servqual_ipa.svg", "servqual_ipa.png", "servqual_zone.svg", "servqual_zone.png"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written (%v)", name, err)
		}
	}
}
