package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cxlab/satisfaction/servqual"
)

// The built-in sample data is synthetic and illustrative: it is drawn
// from a fixed pseudo-random stream, so every run writes the same files.
// Each data set is written in shards (several files per glob) so that a
// runner reads it in several bundles.

// sampleSizes are the numbers of lines of the built-in sample.
type sampleSizes struct {
	Responses, Answers, Customers, Shards int
}

var defaultSample = sampleSizes{Responses: 2000, Answers: 20000, Customers: 5000, Shards: 8}

var (
	sampleBranches = []string{"north", "south", "east", "west"}
	sampleMonths   = []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"}
	sampleRegions  = []string{"beijing", "shanghai", "guangzhou", "chengdu", "wuhan"}
)

// writeSample writes the sample data under dir and returns the globs of
// the SERVQUAL responses, the NPS/CSAT answers and the customer summaries.
func writeSample(dir string, n sampleSizes) (servqualGlob, feedbackGlob, customersGlob string, err error) {
	rng := rand.New(rand.NewPCG(19, 91))
	in := servqual.SERVQUAL()
	sq := make([]string, n.Responses)
	for i := range sq {
		sq[i] = sampleResponse(rng, in, i)
	}
	fb := make([]string, n.Answers)
	for i := range fb {
		fb[i] = sampleAnswer(rng)
	}
	cu := make([]string, n.Customers)
	for i := range cu {
		cu[i] = sampleCustomer(rng, i)
	}
	header := "branch,month," + strings.Join(servqualHeader(in), ",")
	for _, d := range []struct {
		name, header string
		lines        []string
	}{
		{"servqual", header, sq},
		{"feedback", "region,month,nps,csat", fb},
		{"customers", "customer,frequency,recency,T,mean_spend", cu},
	} {
		if err := writeShards(dir, d.name, d.header, d.lines, n.Shards); err != nil {
			return "", "", "", err
		}
	}
	g := func(name string) string { return filepath.Join(dir, name+"-*.csv") }
	return g("servqual"), g("feedback"), g("customers"), nil
}

func servqualHeader(in *servqual.Instrument) []string {
	var h []string
	for _, m := range []string{"E", "P"} {
		for _, it := range in.Items() {
			h = append(h, m+"_"+it.Key)
		}
	}
	for _, d := range in.Dimensions() {
		h = append(h, "I_"+d.Key)
	}
	for _, o := range in.Outcomes() {
		h = append(h, "O_"+o.Key)
	}
	return h
}

func writeShards(dir, name, header string, lines []string, shards int) error {
	shards = max(1, shards)
	for k := range shards {
		var b strings.Builder
		b.WriteString(header + "\n")
		for i := k; i < len(lines); i += shards {
			b.WriteString(lines[i] + "\n")
		}
		path := filepath.Join(dir, fmt.Sprintf("%s-%02d-of-%02d.csv", name, k, shards))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func clampRating(x float64) string {
	return strconv.Itoa(int(math.Round(min(7, max(1, x)))))
}

// sampleResponse draws one SERVQUAL response: expectations around 6,
// perceptions around a branch- and dimension-specific level, about 2% of
// the answers missing, importance points on three of four responses.
func sampleResponse(rng *rand.Rand, in *servqual.Instrument, i int) string {
	b := i % len(sampleBranches)
	f := []string{sampleBranches[b], sampleMonths[rng.IntN(len(sampleMonths))]}
	ni := in.NumItems()
	mood := rng.NormFloat64() * 0.6
	cell := func(x float64) string {
		if rng.Float64() < 0.02 {
			return ""
		}
		return clampRating(x)
	}
	for range ni {
		f = append(f, cell(6+0.8*rng.NormFloat64()))
	}
	for it := range ni {
		d := in.DimensionOf(it)
		level := 4.6 + 0.25*float64(b) - 0.2*float64(d) + mood
		f = append(f, cell(level+0.9*rng.NormFloat64()))
	}
	nd := in.NumDimensions()
	if rng.IntN(4) > 0 {
		w := make([]int, nd)
		left := 100
		for d := range nd - 1 {
			w[d] = min(left, 10+rng.IntN(21))
			left -= w[d]
		}
		w[nd-1] = left
		for _, x := range w {
			f = append(f, strconv.Itoa(x))
		}
	} else {
		for range nd {
			f = append(f, "")
		}
	}
	f = append(f, clampRating(4.8+0.25*float64(b)+mood+0.8*rng.NormFloat64()))
	return strings.Join(f, ",")
}

// sampleAnswer draws one NPS/CSAT answer; about 5% of each question is
// not asked.
func sampleAnswer(rng *rand.Rand) string {
	r := rng.IntN(len(sampleRegions))
	m := sampleMonths[rng.IntN(len(sampleMonths))]
	nps, csat := "", ""
	if rng.Float64() >= 0.05 {
		nps = strconv.Itoa(int(min(10, max(0, math.Round(7+0.3*float64(r)+2*rng.NormFloat64())))))
	}
	if rng.Float64() >= 0.05 {
		csat = strconv.Itoa(int(min(5, max(1, math.Round(3.6+0.1*float64(r)+rng.NormFloat64())))))
	}
	return strings.Join([]string{sampleRegions[r], m, nps, csat}, ",")
}

// sampleCustomer draws one repeat-purchase summary over a 39-week
// calibration period (the length of the CDNOW calibration period).
func sampleCustomer(rng *rand.Rand, i int) string {
	T := 27 + 12*rng.Float64()
	x := 0
	if rng.Float64() < 0.6 {
		x = rng.IntN(15)
	}
	tx, spend := 0.0, "0"
	if x > 0 {
		tx = max(1, T*rng.Float64())
		spend = strconv.FormatFloat(math.Round(100*(10+60*rng.Float64()))/100, 'f', 2, 64)
	}
	return fmt.Sprintf("c%05d,%d,%s,%s,%s", i, x,
		strconv.FormatFloat(math.Round(tx*7)/7, 'f', 4, 64),
		strconv.FormatFloat(math.Round(T*7)/7, 'f', 4, 64), spend)
}
