package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteCharts checks that -charts writes both charts as SVG and PNG.
func TestWriteCharts(t *testing.T) {
	dir := t.TempDir()
	if err := writeCharts(dir, ""); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"csi_path.svg", "csi_path.png", "csi_ipma.svg", "csi_ipma.png"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written (%v)", name, err)
		}
	}
}
