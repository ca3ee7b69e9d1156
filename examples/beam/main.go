// Command beam runs three of the library's analyses as Apache Beam
// pipelines, the way a survey platform or a retailer would once the data
// outgrow one machine:
//
//   - SERVQUAL scoring (Parasuraman, Berry & Zeithaml 1991) as a
//     CombineFn over servqual.Accumulator, globally and per branch and
//     month, the partial accumulators travelling in their binary form;
//   - NPS (Reichheld 2003) and CSAT tallies per region and month, the
//     same way over loyalty.NPSTally and ep.Tally;
//   - per-customer scoring with fitted BG/NBD and Gamma-Gamma models
//     (Fader, Hardie & Lee 2005) as a ParDo: expected purchases,
//     probability of being alive, and customer value.
//
// With no input flags it writes built-in synthetic sample data to a
// temporary directory and runs on the Go SDK's local runner (prism, in
// process). See README.md for the flags and for running the same binary
// on Dataflow, Flink or Spark.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx" // registers the runners and file systems
	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/cxlab/satisfaction/servqual"
)

func typeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

// config is what the flags set.
type config struct {
	Jobs       string // comma-separated: servqual, feedback, retention
	Servqual   string // glob of SERVQUAL response files
	Feedback   string // glob of NPS/CSAT answer files
	Customers  string // glob of customer summary files
	Output     string // output directory (local path or a URL textio writes to)
	Instrument string // SERVQUAL instrument name
	Score      scoreCustomerFn
}

var (
	flagJobs       = flag.String("jobs", "servqual,feedback,retention", "jobs to run, comma-separated: servqual, feedback, retention")
	flagServqual   = flag.String("servqual_input", "", "SERVQUAL responses, a file glob of CSV lines branch,month,E1..E22,P1..P22,I1..I5,O1 (default: built-in sample)")
	flagFeedback   = flag.String("feedback_input", "", "NPS/CSAT answers, a file glob of CSV lines region,month,nps,csat (default: built-in sample)")
	flagCustomers  = flag.String("customers_input", "", "customer summaries, a file glob of CSV lines customer,frequency,recency,T,mean_spend (default: built-in sample)")
	flagOutput     = flag.String("output", "", "output directory (default: a new temporary directory)")
	flagInstrument = flag.String("instrument", servqual.SERVQUAL().Name(), "SERVQUAL instrument: "+strings.Join(slices.Sorted(mapsKeys(instruments)), " or "))
	flagR          = flag.Float64("bgnbd_r", cdnowBGNBD.R, "BG/NBD r (default: Fader, Hardie & Lee 2005, CDNOW, weeks)")
	flagAlpha      = flag.Float64("bgnbd_alpha", cdnowBGNBD.Alpha, "BG/NBD alpha")
	flagA          = flag.Float64("bgnbd_a", cdnowBGNBD.A, "BG/NBD a")
	flagB          = flag.Float64("bgnbd_b", cdnowBGNBD.B, "BG/NBD b")
	flagP          = flag.Float64("gg_p", cdnowGammaGamma.P, "Gamma-Gamma p (default: Fader, Hardie & Lee 2005, CDNOW)")
	flagQ          = flag.Float64("gg_q", cdnowGammaGamma.Q, "Gamma-Gamma q")
	flagV          = flag.Float64("gg_v", cdnowGammaGamma.V, "Gamma-Gamma v (money units)")
	flagHorizon    = flag.Float64("horizon", 52, "purchase-prediction horizon, in the models' time unit")
	flagPeriods    = flag.Int("value_periods", defaultValue.Periods, "customer value: number of periods")
	flagPeriodLen  = flag.Float64("value_period_length", defaultValue.PeriodLength, "customer value: period length in the models' time unit")
	flagDiscount   = flag.Float64("value_discount", defaultValue.Discount, "customer value: discount rate per period, a fraction")
	flagMargin     = flag.Float64("value_margin", defaultValue.Margin, "customer value: margin on spend, a fraction")
)

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func main() {
	flag.Parse()
	beam.Init()
	cfg := config{
		Jobs: *flagJobs, Servqual: *flagServqual, Feedback: *flagFeedback, Customers: *flagCustomers,
		Output: *flagOutput, Instrument: *flagInstrument,
		Score: scoreCustomerFn{
			Purchase: btyd.BGNBD{R: *flagR, Alpha: *flagAlpha, A: *flagA, B: *flagB},
			Spend:    btyd.GammaGamma{P: *flagP, Q: *flagQ, V: *flagV},
			Value:    btyd.ValueInput{Periods: *flagPeriods, PeriodLength: *flagPeriodLen, Discount: *flagDiscount, Margin: *flagMargin},
			Horizon:  *flagHorizon,
		},
	}
	if err := run(context.Background(), cfg, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run fills in the defaults, builds and runs the pipeline, and prints a
// summary of the outputs it can read back (local ones).
func run(ctx context.Context, cfg config, w *os.File) error {
	if err := prepare(&cfg); err != nil {
		return err
	}
	p, err := build(cfg)
	if err != nil {
		return err
	}
	start := time.Now()
	counters, err := execute(ctx, runnerName(), p)
	if err != nil {
		return err
	}
	took := time.Since(start)
	return summarize(w, cfg, took, counters)
}

// execute runs p on the named runner and returns the pipeline's
// counters by "namespace.name" (empty where the runner reports no
// metrics).
func execute(ctx context.Context, runner string, p *beam.Pipeline) (map[string]int64, error) {
	res, err := beam.Run(ctx, runner, p)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	counters := map[string]int64{}
	if res != nil {
		for _, c := range res.Metrics().AllMetrics().Counters() {
			counters[c.Namespace()+"."+c.Name()] += c.Result()
		}
	}
	return counters, nil
}

// prepare checks the configuration and writes the sample data where no
// input is given.
func prepare(cfg *config) error {
	if _, ok := instruments[cfg.Instrument]; !ok {
		return fmt.Errorf("-instrument %q: not one of %v", cfg.Instrument, slices.Sorted(mapsKeys(instruments)))
	}
	if err := cfg.Score.Value.Validate(); err != nil {
		return err
	}
	if cfg.Servqual == "" || cfg.Feedback == "" || cfg.Customers == "" {
		dir, err := os.MkdirTemp("", "satisfaction-beam-sample-")
		if err != nil {
			return err
		}
		sq, fb, cu, err := writeSample(dir, defaultSample)
		if err != nil {
			return err
		}
		cfg.Servqual = cmpOr(cfg.Servqual, sq)
		cfg.Feedback = cmpOr(cfg.Feedback, fb)
		cfg.Customers = cmpOr(cfg.Customers, cu)
	}
	if cfg.Output == "" {
		dir, err := os.MkdirTemp("", "satisfaction-beam-out-")
		if err != nil {
			return err
		}
		cfg.Output = dir
	}
	return nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// outputPath joins an output directory (a local path or a URL such as
// gs://bucket/dir) and a file name.
func outputPath(dir, name string) string {
	if strings.Contains(dir, "://") {
		return strings.TrimSuffix(dir, "/") + "/" + name
	}
	return filepath.Join(dir, name)
}

// build constructs the pipeline of the selected jobs.
func build(cfg config) (*beam.Pipeline, error) {
	p, s := beam.NewPipelineWithRoot()
	for _, job := range strings.Split(cfg.Jobs, ",") {
		var out, bad beam.PCollection
		switch job = strings.TrimSpace(job); job {
		case "servqual":
			out, bad = servqualJob(s, cfg.Instrument, readInput(s, cfg.Servqual))
		case "feedback":
			out, bad = feedbackJob(s, readInput(s, cfg.Feedback))
		case "retention":
			fn := cfg.Score
			out, bad = retentionJob(s, &fn, readInput(s, cfg.Customers))
		default:
			return nil, fmt.Errorf("-jobs: unknown job %q (want servqual, feedback or retention)", job)
		}
		textio.Write(s, outputPath(cfg.Output, job+".txt"), out)
		textio.Write(s, outputPath(cfg.Output, job+"-rejected.txt"), bad)
	}
	return p, nil
}

// readInput reads the lines of the files glob matches (a local path or
// any file system textio knows, such as gs://); the runner splits the
// reading into bundles as it sees fit.
func readInput(s beam.Scope, glob string) beam.PCollection {
	return textio.Read(s, glob)
}

// summarize prints where the outputs are, their line counts and the
// global lines, for local outputs.
func summarize(w *os.File, cfg config, took time.Duration, counters map[string]int64) error {
	fmt.Fprintf(w, "inputs:\n  servqual  %s\n  feedback  %s\n  customers %s\n", cfg.Servqual, cfg.Feedback, cfg.Customers)
	if n := countLocalLines(cfg); n > 0 {
		fmt.Fprintf(w, "runner %s: %d input lines in %.2f s wall time including start-up, %.0f lines/s\n", runnerName(), n, took.Seconds(), float64(n)/took.Seconds())
		fmt.Fprintf(w, "(a correctness demonstration on one machine, not a performance figure)\n")
	} else {
		fmt.Fprintf(w, "runner %s: %.2f s wall time including start-up\n", runnerName(), took.Seconds())
	}
	if len(counters) > 0 {
		fmt.Fprintf(w, "counters:")
		for _, k := range slices.Sorted(mapsKeys(counters)) {
			fmt.Fprintf(w, " %s=%d", k, counters[k])
		}
		fmt.Fprintln(w)
	}
	if n := decodes.Load(); n > 0 {
		fmt.Fprintf(w, "in this process: %d partial accumulators decoded, %d merges\n", n, merges.Load())
	}
	fmt.Fprintf(w, "outputs in %s\n", cfg.Output)
	if strings.Contains(cfg.Output, "://") {
		return nil
	}
	for _, job := range strings.Split(cfg.Jobs, ",") {
		job = strings.TrimSpace(job)
		lines, err := readLines(filepath.Join(cfg.Output, job+".txt"))
		if err != nil {
			return err
		}
		bad, err := readLines(filepath.Join(cfg.Output, job+"-rejected.txt"))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s.txt: %d lines (%d rejected input lines)\n", job, len(lines), len(bad))
		slices.Sort(lines)
		for _, l := range lines {
			k, v, _ := strings.Cut(l, "\t")
			switch job {
			case "servqual":
				var r servqual.Report
				if json.Unmarshal([]byte(v), &r) == nil && r.Overall.Gap != nil {
					g := r.Overall.Gap
					fmt.Fprintf(w, "    %-16s %5d responses  SERVQUAL gap P−E %+.2f (95%% CI %+.2f to %+.2f)\n",
						k, r.Responses, g.Mean, g.CI.Low, g.CI.High)
				}
			case "feedback":
				var r feedbackResult
				if json.Unmarshal([]byte(v), &r) == nil {
					fmt.Fprintf(w, "    %-16s NPS %+6.1f points (n=%5d)  CSAT %5.1f%% satisfied or delighted (n=%5d)\n",
						k, r.NPS.Score, r.NPS.N, 100*r.CSAT.CSAT, r.CSAT.N)
				}
			}
		}
		if job == "retention" && len(lines) > 0 {
			fmt.Fprintf(w, "    columns: customer, expected purchases in the next %g time units, P(alive), value over %d periods\n", cfg.Score.Horizon, cfg.Score.Value.Periods)
			for _, i := range []int{0, len(lines) / 2, len(lines) - 1} {
				fmt.Fprintf(w, "    %s\n", lines[i])
			}
		}
	}
	return nil
}

// countLocalLines counts the data lines (no headers, comments or blank
// lines) of the local input files of the selected jobs (0 if any input
// is remote or unreadable).
func countLocalLines(cfg config) int {
	n := 0
	for _, job := range strings.Split(cfg.Jobs, ",") {
		job = strings.TrimSpace(job)
		glob := map[string]string{"servqual": cfg.Servqual, "feedback": cfg.Feedback, "retention": cfg.Customers}[job]
		header := map[string]string{"servqual": "branch", "feedback": "region", "retention": "customer"}[job]
		if strings.Contains(glob, "://") {
			return 0
		}
		files, err := filepath.Glob(glob)
		if err != nil {
			return 0
		}
		for _, f := range files {
			lines, err := readLines(f)
			if err != nil {
				return 0
			}
			for _, l := range lines {
				if !skipLine(l, header) {
					n++
				}
			}
		}
	}
	return n
}

// readLines reads a text output (missing file: no lines).
func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines, sc.Err()
}

// runnerName returns the runner the -runner flag names, by default
// prism: the Go SDK's local runner, which runs the pipeline in this
// process the way a portable runner would (fused stages, lifted
// combines, coded partial accumulators).
func runnerName() string {
	if f := flag.Lookup("runner"); f != nil && f.Value.String() != "" {
		return f.Value.String()
	}
	return "prism"
}
