package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestReport reads the report as a manager would: no negative zero, no
// internal vocabulary, every abbreviation defined, Chinese under a header.
func TestReport(t *testing.T) {
	var b strings.Builder
	if err := report(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if regexp.MustCompile(`-0\.0+\b`).MatchString(out) {
		t.Error("report prints -0.00")
	}
	if regexp.MustCompile(`(?i)\bseeds?\b|\bdocuments\b`).MatchString(out) {
		t.Error("report speaks of design material instead of published sources")
	}
	for _, want := range []string{
		"CSAT (customer satisfaction score",
		"A attractive", "O one-dimensional", "M must-be", "I indifferent", "R reverse",
		"CS+: how much satisfaction", "CS−: how much dissatisfaction",
		"value/cost", "delivered = total value − total cost",
		"level              中文", "category         中文",
		"Ranked by delivered value:", "Ranked by value/cost:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
