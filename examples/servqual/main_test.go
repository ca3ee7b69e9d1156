package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestReport reads the report as a manager would: no negative zero, no
// internal vocabulary or keys, labelled columns, defined abbreviations,
// the two rankings explained and n = 15 beside n = 30 accounted for.
func TestReport(t *testing.T) {
	var b strings.Builder
	if err := report(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if regexp.MustCompile(`[-+]0\.0+\b|[-+]0 `).MatchString(out) {
		t.Error("report prints a signed zero")
	}
	if regexp.MustCompile(`(?i)\bseed\b|the\s+documents|\b(true|false)\b`).MatchString(out) {
		t.Error("report speaks of seeds or internal sources, or prints a bare boolean")
	}
	// Dimension keys (lower case) never stand in for names.
	if regexp.MustCompile(`(?m)^\s+(\d\. )?(tangibles|reliability|responsiveness|assurance|empathy)\b`).MatchString(out) {
		t.Error("report prints a dimension key where the name belongs")
	}
	if regexp.MustCompile(`(?m) +$`).MatchString(out) {
		t.Error("report has trailing spaces")
	}
	for _, want := range []string{
		"E expectation and P perception", "gap = P − E", "95% CI the confidence interval", "t, p the t test",
		"MSA (measure of service adequacy)", "MSS (measure of service superiority)",
		"only the 20 respondents who", "15 of them answered every item, hence n = 15",
		"alpha: Cronbach's alpha", "std. alpha:", "mean r:", "item-rest r", "beta: standardized regression weight",
		"share: the Shapley part", "Why the two rankings differ", "Responsiveness has gap rank 2",
		"Both rankings put Reliability first", "IPA rank", "gap rank",
		"T Tangibles, R Reliability, S Responsiveness, A Assurance, E Empathy",
		"dimension       中文", "what it asks about", "significant?", "Q9   error-free records",
		"satisfaction level (中文)", "象限",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
