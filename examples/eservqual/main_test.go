package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestReport reads the report as a manager would: no negative zero, no
// internal vocabulary, labelled columns, defined abbreviations, and the
// published segment shares in columns that say which TRI version each is.
func TestReport(t *testing.T) {
	var b strings.Builder
	if err := report(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if regexp.MustCompile(`-0\.0+\b`).MatchString(out) {
		t.Error("report prints -0.00")
	}
	if regexp.MustCompile(`(?i)\bseeds?\b|\bdocuments\b|\b(true|false)\b`).MatchString(out) {
		t.Error("report speaks of design material instead of published sources, or prints a bare boolean")
	}
	if strings.Contains(out, "system_availability") || strings.Contains(out, "reference shares") {
		t.Error("report prints a key or the unexplained reference-shares column")
	}
	for _, want := range []string{
		"SD: standard deviation", "95% CI: confidence",
		"OPT optimism, INN innovativeness", "DIS\n  discomfort, INS insecurity",
		"TRI 1.0 TRI 2.0", "15–20%", "Parasuraman & Colby (2001)", "Parasuraman & Colby (2015)",
		"default: the ordering of Parasuraman, Zeithaml & Malhotra (2005)",
		"improvement priorities (lowest mean first)", "0.7 is the",
		"dimension            中文", "segment   中文",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
