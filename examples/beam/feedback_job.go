package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
)

func init() {
	beam.RegisterType(typeOf[feedbackFn]())
	beam.RegisterType(typeOf[feedback]())
	beam.RegisterFunction(parseFeedbackFn)
}

// The feedback input is one answer per CSV line:
//
//	region,month,nps,csat
//
// nps is the likelihood-to-recommend answer, a whole number 0..10
// (Reichheld 2003); csat is the satisfaction level, 1..5 or its token or
// label as ep.Level reads them ("very_dissatisfied" … "delighted"). Either
// may be empty (not asked). A header line starting with "region" is
// skipped.

// feedback is one parsed answer; NPS is -1 and CSAT ep.Unknown when not
// answered.
type feedback struct {
	NPS  int
	CSAT int
}

// parseFeedback parses one CSV line.
func parseFeedback(line string) (region, month string, fb feedback, err error) {
	f := strings.Split(line, ",")
	if len(f) != 4 {
		return "", "", fb, fmt.Errorf("%d fields, want 4", len(f))
	}
	fb = feedback{NPS: -1, CSAT: int(ep.Unknown)}
	if s := strings.TrimSpace(f[2]); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 10 {
			return "", "", fb, fmt.Errorf("nps %q is not a whole number 0..10", s)
		}
		fb.NPS = n
	}
	if s := strings.TrimSpace(f[3]); s != "" {
		if n, err := strconv.Atoi(s); err == nil {
			if n < 1 || n > ep.NumLevels {
				return "", "", fb, fmt.Errorf("csat %q is not a level 1..%d", s, ep.NumLevels)
			}
			fb.CSAT = n
		} else {
			var l ep.Level
			if err := l.UnmarshalText([]byte(s)); err != nil || l == ep.Unknown {
				return "", "", fb, fmt.Errorf("csat %q is not a satisfaction level", s)
			}
			fb.CSAT = int(l)
		}
	}
	return strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), fb, nil
}

// parseFeedbackFn keys each valid answer "all", "region=<r>" and
// "month=<m>"; invalid lines go to the second output with the reason.
func parseFeedbackFn(ctx context.Context, line string, keyed func(string, feedback), bad func(string)) {
	if skipLine(line, "region") {
		return
	}
	region, month, fb, err := parseFeedback(line)
	if err != nil {
		beam.NewCounter("feedback", "rejected").Inc(ctx, 1)
		bad(fmt.Sprintf("%v\t%s", err, line))
		return
	}
	keyed("all", fb)
	keyed("region="+region, fb)
	keyed("month="+month, fb)
}

// feedbackFn tallies NPS answers (loyalty.NPSTally) and CSAT levels
// (ep.Tally) as a combine; the tallies merge exactly. Its output is a
// feedbackResult as JSON.
type feedbackFn struct{}

func (feedbackFn) CreateAccumulator() feedbackAcc { return newFeedbackAcc() }

func (feedbackFn) AddInput(a feedbackAcc, fb feedback) (feedbackAcc, error) {
	if fb.NPS >= 0 {
		if err := a.NPS.Add(fb.NPS); err != nil {
			return a, err
		}
	}
	if fb.CSAT != int(ep.Unknown) {
		if err := a.CSAT.Add(ep.Level(fb.CSAT)); err != nil {
			return a, err
		}
	}
	return a, nil
}

func (feedbackFn) MergeAccumulators(ctx context.Context, a, b feedbackAcc) (feedbackAcc, error) {
	beam.NewCounter("feedback", "merges").Inc(ctx, 1)
	merges.Add(1)
	if err := a.NPS.Merge(b.NPS); err != nil {
		return a, err
	}
	return a, a.CSAT.Merge(b.CSAT)
}

func (feedbackFn) ExtractOutput(a feedbackAcc) (string, error) {
	b, err := json.Marshal(newFeedbackResult(a))
	return string(b), err
}

// feedbackResult is the output of one key: the counts (NPS answers by
// score 0..10, CSAT answers by level from very dissatisfied to
// delighted) and the two reports.
type feedbackResult struct {
	NPSCounts  [11]int64           `json:"nps_counts"`
	CSATCounts [ep.NumLevels]int64 `json:"csat_counts"`
	NPS        loyalty.NPSReport   `json:"nps"`
	CSAT       ep.CSATReport       `json:"csat"`
}

func newFeedbackResult(a feedbackAcc) feedbackResult {
	var r feedbackResult
	for s := range r.NPSCounts {
		r.NPSCounts[s] = a.NPS.Count(s)
	}
	for i := range r.CSATCounts {
		r.CSATCounts[i] = a.CSAT.Count(ep.Level(i + 1))
	}
	r.NPS = a.NPS.Report()
	r.CSAT = a.CSAT.Report()
	return r
}

// feedbackJob adds the NPS / CSAT tallies per key to the pipeline: lines
// of answers in, lines "key<TAB>result JSON" out, and the rejected
// lines with their reasons.
func feedbackJob(s beam.Scope, lines beam.PCollection) (results, rejected beam.PCollection) {
	s = s.Scope("feedback")
	keyed, bad := beam.ParDo2(s, parseFeedbackFn, lines)
	return beam.ParDo(s, formatKeyed, beam.CombinePerKey(s, feedbackFn{}, keyed)), bad
}
