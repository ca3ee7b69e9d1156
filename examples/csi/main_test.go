package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestReport reads the report as a manager would: no negative zero, no
// internal vocabulary, every abbreviation defined and every table headed.
func TestReport(t *testing.T) {
	if testing.Short() {
		t.Skip("the bootstrap takes a few seconds")
	}
	var b strings.Builder
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if regexp.MustCompile(`-0\.0+\b`).MatchString(out) {
		t.Error("report prints -0.00")
	}
	if regexp.MustCompile(`(?i)\bseed\b|the\s+documents|\b(true|false)\b|pairwise`).MatchString(out) {
		t.Error("report speaks of seeds or internal sources, pairwise moments, or prints a bare boolean")
	}
	for _, want := range []string{
		"European Customer Satisfaction Index (ECSI", "partial least squares path modelling (PLS)",
		"Importance–performance map for satisfaction (IPMA)", "rank: by importance",
		"code construct                        index  95% interval",
		"code driver                           effect  95% interval       clear?",
		"(clear: the 95% bootstrap interval excludes zero)", "(R² = 0.43)",
		"rho_C: composite", "rho_A: reliability of Dijkstra & Henseler", "AVE: average variance extracted",
		"F-L: Fornell–Larcker", "heterotrait–monotrait ratio (HTMT", "question importance  performance",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
