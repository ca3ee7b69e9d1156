package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/cxlab/satisfaction/servqual"
)

func init() {
	beam.RegisterType(typeOf[servqualFn]())
	beam.RegisterType(typeOf[parseServqualFn]())
	beam.RegisterType(typeOf[servqual.Response]())
	beam.RegisterFunction(formatKeyed)
	beam.RegisterFunction(globalLine)
}

// The SERVQUAL input is one response per CSV line:
//
//	branch,month,E1..E22,P1..P22,I1..I5,O1
//
// for the 22-item SERVQUAL instrument of Parasuraman, Berry & Zeithaml
// (1991): the expectation and the perception of each item on the 1..7
// scale, the importance points of the five dimensions (summing to 100)
// and the overall service quality rating (1..7). An empty cell is a
// missing answer. Lines starting with '#' and a header line starting
// with "branch" are skipped.

// servqualColumns returns the number of CSV fields of a response to in.
func servqualColumns(in *servqual.Instrument) int {
	return 2 + 2*in.NumItems() + in.NumDimensions() + in.NumOutcomes()
}

// parseServqual parses one CSV line into its branch, month and response.
func parseServqual(in *servqual.Instrument, line string) (branch, month string, r servqual.Response, err error) {
	f := strings.Split(line, ",")
	if want := servqualColumns(in); len(f) != want {
		return "", "", r, fmt.Errorf("%d fields, want %d", len(f), want)
	}
	num := func(i int) (float64, error) {
		s := strings.TrimSpace(f[i])
		if s == "" {
			return math.NaN(), nil
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, fmt.Errorf("field %d: %q is not a finite number", i+1, s)
		}
		return x, nil
	}
	nums := func(from, n int) ([]float64, error) {
		v := make([]float64, n)
		for i := range v {
			x, err := num(from + i)
			if err != nil {
				return nil, err
			}
			v[i] = x
		}
		return v, nil
	}
	ni, nd, no := in.NumItems(), in.NumDimensions(), in.NumOutcomes()
	if r.Expectation, err = nums(2, ni); err != nil {
		return
	}
	if r.Perception, err = nums(2+ni, ni); err != nil {
		return
	}
	if r.Importance, err = nums(2+2*ni, nd); err != nil {
		return
	}
	if allNaN(r.Importance) {
		r.Importance = nil
	}
	if r.Outcomes, err = nums(2+2*ni+nd, no); err != nil {
		return
	}
	return strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), r, nil
}

func allNaN(v []float64) bool {
	for _, x := range v {
		if !math.IsNaN(x) {
			return false
		}
	}
	return true
}

// skipLine reports whether a CSV line is blank, a comment or the header
// (its first field is header).
func skipLine(line, header string) bool {
	t := strings.TrimSpace(line)
	return t == "" || t[0] == '#' || strings.HasPrefix(strings.ToLower(t), header+",")
}

// parseServqualFn parses and validates the response lines. Valid
// responses go to the first output three times: unkeyed to the global
// combine and keyed "branch=<b>" and "month=<m>" to the per-key one;
// invalid lines go to the second output with the reason, and are
// counted in the metric "servqual_rejected".
type parseServqualFn struct {
	// Instrument is the instrument's name (a key of instruments).
	Instrument string `json:"instrument"`

	in *servqual.Instrument
}

func (f *parseServqualFn) Setup() error {
	mk, ok := instruments[f.Instrument]
	if !ok {
		return fmt.Errorf("unknown instrument %q", f.Instrument)
	}
	f.in = mk()
	return nil
}

func (f *parseServqualFn) ProcessElement(ctx context.Context, line string, all func(servqual.Response), keyed func(string, servqual.Response), bad func(string)) {
	if skipLine(line, "branch") {
		return
	}
	branch, month, r, err := parseServqual(f.in, line)
	if err == nil {
		_, err = f.in.Score(r) // validates against the instrument
	}
	if err != nil {
		beam.NewCounter("servqual", "rejected").Inc(ctx, 1)
		log.Debugf(ctx, "servqual: rejected line: %v", err)
		bad(fmt.Sprintf("%v\t%s", err, line))
		return
	}
	all(r)
	keyed("branch="+branch, r)
	keyed("month="+month, r)
}

// servqualAcc is the CombineFn's accumulator. Its coder (codec.go) is
// the accumulator's binary form.
type servqualAcc struct {
	A *servqual.Accumulator
}

// servqualFn scores SERVQUAL responses as a combine: one
// servqual.Accumulator per bundle and key, merged exactly
// (servqual.Accumulator.Merge) wherever the runner brings partial
// results together, and reported once at the end. Its output is the
// servqual.Report as JSON (NaN as null).
type servqualFn struct {
	// Instrument is the instrument's name (a key of instruments).
	Instrument string `json:"instrument"`

	in *servqual.Instrument
}

func (f *servqualFn) Setup() error {
	mk, ok := instruments[f.Instrument]
	if !ok {
		return fmt.Errorf("unknown instrument %q", f.Instrument)
	}
	f.in = mk()
	return nil
}

func (f *servqualFn) CreateAccumulator() servqualAcc {
	return servqualAcc{A: servqual.NewAccumulator(f.in)}
}

func (f *servqualFn) AddInput(a servqualAcc, r servqual.Response) (servqualAcc, error) {
	return a, a.A.Add(r)
}

func (f *servqualFn) MergeAccumulators(ctx context.Context, a, b servqualAcc) (servqualAcc, error) {
	beam.NewCounter("servqual", "merges").Inc(ctx, 1)
	merges.Add(1)
	return a, a.A.Merge(b.A)
}

func (f *servqualFn) ExtractOutput(a servqualAcc) (string, error) {
	b, err := json.Marshal(a.A.Report())
	return string(b), err
}

// formatKeyed writes a keyed result as "key<TAB>value".
func formatKeyed(k, v string) string { return k + "\t" + v }

// globalLine writes the global result as "all<TAB>value".
func globalLine(v string) string { return "all\t" + v }

// servqualJob adds the SERVQUAL scoring to the pipeline: lines of
// responses in, lines "key<TAB>report JSON" out (key "all", "branch=…"
// or "month=…"), and the rejected lines with their reasons.
func servqualJob(s beam.Scope, instrument string, lines beam.PCollection) (reports, rejected beam.PCollection) {
	s = s.Scope("servqual")
	all, keyed, bad := beam.ParDo3(s, &parseServqualFn{Instrument: instrument}, lines)
	global := beam.ParDo(s, globalLine, beam.Combine(s, &servqualFn{Instrument: instrument}, all))
	perKey := beam.ParDo(s, formatKeyed, beam.CombinePerKey(s, &servqualFn{Instrument: instrument}, keyed))
	return beam.Flatten(s, global, perKey), bad
}
