package servqual_test

import (
	"testing"

	"github.com/cxlab/satisfaction/servqual"
)

// TestReportLookups: each lookup finds the entry a filter loop over the
// report's slice finds, as a pointer into the report, and nil otherwise.
func TestReportLookups(t *testing.T) {
	rep, err := servqual.Analyze(servqual.SERVQUAL(), randomResponses(60, 3))
	if err != nil {
		t.Fatal(err)
	}
	for i := range rep.Reliability {
		x := &rep.Reliability[i]
		if got := rep.ReliabilityOf(x.Dimension, x.Measure); got != x {
			t.Errorf("ReliabilityOf(%s, %v) = %p, want %p", x.Dimension, x.Measure, got, x)
		}
	}
	if len(rep.Reliability) == 0 || len(rep.Drivers) == 0 {
		t.Fatalf("report without reliability or drivers: %d, %d", len(rep.Reliability), len(rep.Drivers))
	}
	for i := range rep.Drivers {
		x := &rep.Drivers[i]
		if got := rep.DriversOf(x.Outcome, x.Measure); got != x {
			t.Errorf("DriversOf(%s, %v) = %p, want %p", x.Outcome, x.Measure, got, x)
		}
	}
	if d := rep.Dimension("empathy"); d != &rep.Dimensions[4] || d.Chinese != "移情性" {
		t.Errorf("Dimension(empathy) = %+v", d)
	}
	if it := rep.Item("Q22"); it != &rep.Items[21] {
		t.Errorf("Item(Q22) = %+v", it)
	}
	if o := rep.Outcome("overall"); o != &rep.Outcomes[0] {
		t.Errorf("Outcome(overall) = %+v", o)
	}
	// Absent: a measure not in the data, unknown keys, the zero Report.
	var zero servqual.Report
	for name, got := range map[string]bool{
		"ReliabilityOf Measure(9)": rep.ReliabilityOf("empathy", servqual.Measure(9)) == nil,
		"ReliabilityOf unknown":    rep.ReliabilityOf("Empathy", servqual.Perception) == nil,
		"DriversOf expectation":    rep.DriversOf("overall", servqual.Expectation) == nil,
		"DriversOf unknown":        rep.DriversOf("value", servqual.Perception) == nil,
		"Dimension unknown":        rep.Dimension("") == nil,
		"Item unknown":             rep.Item("Q23") == nil,
		"Outcome unknown":          rep.Outcome("loyalty") == nil,
		"zero Report lookups nil":  zero.Item("Q1") == nil && zero.Dimension("empathy") == nil && zero.Outcome("overall") == nil && zero.ReliabilityOf("empathy", servqual.Gap) == nil && zero.DriversOf("overall", servqual.Gap) == nil,
	} {
		if !got {
			t.Errorf("%s: not nil", name)
		}
	}
}
