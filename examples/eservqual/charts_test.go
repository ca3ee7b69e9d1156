package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteCharts checks that -charts writes the grid as SVG and PNG.
func TestWriteCharts(t *testing.T) {
	dir := t.TempDir()
	if err := writeCharts(dir, ""); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"eservqual_ipa.svg", "eservqual_ipa.png"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written (%v)", name, err)
		}
	}
}
