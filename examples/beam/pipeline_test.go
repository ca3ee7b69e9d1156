package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// testSample is smaller than the built-in one, to keep the tests fast.
var testSample = sampleSizes{Responses: 1200, Answers: 6000, Customers: 1500, Shards: 12}

// reportsEqual compares two JSON documents as trees, numbers within a
// relative 1e-12 (absolute 1e-12 near zero): merging partial
// accumulators in another order changes the last bits of sums.
var reportsEqual = cmpopts.EquateApprox(1e-12, 1e-12)

func decodeJSON(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("decode %q: %v", s, err)
	}
	return v
}

// keyedLines splits "key<TAB>value" lines into a map, failing on a
// repeated key.
func keyedLines(t *testing.T, lines []string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, l := range lines {
		k, v, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("line without a tab: %q", l)
		}
		if _, dup := m[k]; dup {
			t.Fatalf("key %q twice", k)
		}
		m[k] = v
	}
	return m
}

// inputLines reads every line of the files glob matches, in file order.
func inputLines(t *testing.T, glob string) []string {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("glob %q: %v (%d files)", glob, err, len(files))
	}
	var all []string
	for _, f := range files {
		lines, err := readLines(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, lines...)
	}
	return all
}

// The single-process references: the library used directly, one
// accumulator or tally per key, fed line by line.

func servqualReference(t *testing.T, in *servqual.Instrument, lines []string) map[string]string {
	t.Helper()
	acc := map[string]*servqual.Accumulator{}
	add := func(k string, r servqual.Response) {
		if acc[k] == nil {
			acc[k] = servqual.NewAccumulator(in)
		}
		if err := acc[k].Add(r); err != nil {
			t.Fatalf("reference %s: %v", k, err)
		}
	}
	for _, l := range lines {
		if skipLine(l, "branch") {
			continue
		}
		b, m, r, err := parseServqual(in, l)
		if err == nil {
			_, err = in.Score(r)
		}
		if err != nil {
			continue
		}
		add("all", r)
		add("branch="+b, r)
		add("month="+m, r)
	}
	out := map[string]string{}
	for k, a := range acc {
		b, err := json.Marshal(a.Report())
		if err != nil {
			t.Fatal(err)
		}
		out[k] = string(b)
	}
	return out
}

func feedbackReference(t *testing.T, lines []string) map[string]string {
	t.Helper()
	type tallies struct {
		nps  loyalty.NPSTally
		csat ep.Tally
	}
	acc := map[string]*tallies{}
	for _, l := range lines {
		if skipLine(l, "region") {
			continue
		}
		region, month, fb, err := parseFeedback(l)
		if err != nil {
			continue
		}
		for _, k := range []string{"all", "region=" + region, "month=" + month} {
			if acc[k] == nil {
				acc[k] = &tallies{}
			}
			if fb.NPS >= 0 {
				if err := acc[k].nps.Add(fb.NPS); err != nil {
					t.Fatal(err)
				}
			}
			if fb.CSAT != int(ep.Unknown) {
				if err := acc[k].csat.Add(ep.Level(fb.CSAT)); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	out := map[string]string{}
	for k, a := range acc {
		b, err := json.Marshal(newFeedbackResult(feedbackAcc{NPS: &a.nps, CSAT: &a.csat}))
		if err != nil {
			t.Fatal(err)
		}
		out[k] = string(b)
	}
	return out
}

func retentionReference(t *testing.T, fn scoreCustomerFn, lines []string) []string {
	t.Helper()
	var out []string
	for _, l := range lines {
		if skipLine(l, "customer") {
			continue
		}
		s, err := parseSummary(l)
		if err != nil {
			continue
		}
		c, err := scoreCustomer(fn.Purchase, fn.Spend, fn.Value, fn.Horizon, s)
		if err != nil {
			continue
		}
		out = append(out, c.line())
	}
	slices.Sort(out)
	return out
}

func testConfig(t *testing.T, dir string) config {
	t.Helper()
	sq, fb, cu, err := writeSample(dir, testSample)
	if err != nil {
		t.Fatal(err)
	}
	return config{
		Jobs: "servqual,feedback,retention", Servqual: sq, Feedback: fb, Customers: cu,
		Output: filepath.Join(dir, "out"), Instrument: servqual.SERVQUAL().Name(),
		Score: scoreCustomerFn{Purchase: cdnowBGNBD, Spend: cdnowGammaGamma, Value: defaultValue, Horizon: 52},
	}
}

// TestPipelineEqualsLibrary runs the three jobs over sharded sample
// files on the Go SDK's two in-process runners: prism, which lifts the
// combines and codes the partial accumulators between stages, and the
// older direct runner, which combines each key in one accumulator. A few
// bad lines are added. Every output is checked against the library's
// single-process result on the same lines: SERVQUAL reports within
// 1e-12, tallies and their reports exactly, customer scores exactly.
func TestPipelineEqualsLibrary(t *testing.T) {
	for _, runner := range []string{"prism", "direct"} {
		t.Run(runner, func(t *testing.T) { testPipelineEqualsLibrary(t, runner) })
	}
}

func testPipelineEqualsLibrary(t *testing.T, runner string) {
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	bad := map[string]string{
		"servqual":  "north,2026-01,9,9\n",
		"feedback":  "beijing,2026-01,11,3\nbeijing,2026-01,7,maybe\n",
		"customers": "c99999,3,40,30,12.00\n",
	}
	for name, text := range bad {
		if err := os.WriteFile(filepath.Join(dir, name+"-bad.csv"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	decodes.Store(0)
	if err := prepare(&cfg); err != nil {
		t.Fatal(err)
	}
	p, err := build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := execute(context.Background(), runner, p); err != nil {
		t.Fatal(err)
	}
	out := func(name string) []string {
		lines, err := readLines(filepath.Join(cfg.Output, name))
		if err != nil {
			t.Fatal(err)
		}
		return lines
	}
	if got := decodes.Load(); runner == "prism" && got == 0 {
		t.Errorf("no accumulator was decoded: the partial results did not go through the coder")
	}
	for job, want := range map[string]int{"servqual": 1, "feedback": 2, "retention": 1} {
		if got := len(out(job + "-rejected.txt")); got != want {
			t.Errorf("%s: %d rejected lines, want %d", job, got, want)
		}
	}

	t.Run("servqual", func(t *testing.T) {
		in := servqual.SERVQUAL()
		want := servqualReference(t, in, inputLines(t, cfg.Servqual))
		got := keyedLines(t, out("servqual.txt"))
		if len(want) != 1+len(sampleBranches)+len(sampleMonths) {
			t.Fatalf("reference has %d keys", len(want))
		}
		if !cmp.Equal(slices.Sorted(mapsKeys(got)), slices.Sorted(mapsKeys(want))) {
			t.Fatalf("keys: got %v, want %v", slices.Sorted(mapsKeys(got)), slices.Sorted(mapsKeys(want)))
		}
		for k := range want {
			if d := cmp.Diff(decodeJSON(t, want[k]), decodeJSON(t, got[k]), reportsEqual); d != "" {
				t.Errorf("%s: report differs from the library's (-want +got):\n%s", k, d)
			}
		}
	})
	t.Run("feedback", func(t *testing.T) {
		want := feedbackReference(t, inputLines(t, cfg.Feedback))
		got := keyedLines(t, out("feedback.txt"))
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("tallies differ from the library's (-want +got):\n%s", d)
		}
	})
	t.Run("retention", func(t *testing.T) {
		want := retentionReference(t, cfg.Score, inputLines(t, cfg.Customers))
		got := out("retention.txt")
		slices.Sort(got)
		if len(want) != testSample.Customers {
			t.Fatalf("reference scored %d customers, want %d", len(want), testSample.Customers)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("scores differ from the library's (-want +got):\n%s", d)
		}
	})
}

// TestPipelineMergesManyKeys tallies answers of 2,500 stores: more keys
// than the SDK's per-bundle combine cache holds (2,000), so partial
// tallies of one key are emitted more than once from a bundle and the
// runner must decode and merge them (MergeAccumulators). The result
// must still equal the single-process tallies exactly.
func TestPipelineMergesManyKeys(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("region,month,nps,csat\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "store%04d,2026-%02d,%d,%d\n", i%2500, 1+i%12, i%11, 1+i%5)
	}
	path := filepath.Join(dir, "stores.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := config{Jobs: "feedback", Feedback: path, Output: filepath.Join(dir, "out")}
	decodes.Store(0)
	merges.Store(0)
	p, err := build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := execute(context.Background(), "prism", p); err != nil {
		t.Fatal(err)
	}
	if merges.Load() == 0 {
		t.Errorf("no MergeAccumulators call: the test did not exercise merging")
	}
	t.Logf("%d partial tallies decoded, %d merges", decodes.Load(), merges.Load())
	lines, err := readLines(filepath.Join(cfg.Output, "feedback.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := feedbackReference(t, inputLines(t, path))
	if d := cmp.Diff(want, keyedLines(t, lines)); d != "" {
		t.Errorf("tallies differ from the library's (-want +got):\n%s", d)
	}
}
