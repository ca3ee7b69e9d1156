package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

func init() {
	beam.RegisterType(typeOf[scoreCustomerFn]())
}

// The customer input is one repeat-purchase summary per CSV line:
//
//	customer,frequency,recency,T,mean_spend
//
// as btyd.Summary defines them (repeat purchases x, time of the last
// one t_x, age T, in the models' time unit, and the mean value of the
// repeat purchases). A header line starting with "customer" is skipped.

// Fader, Hardie & Lee's fits to the CDNOW sample (2,357 customers,
// weeks): BG/NBD from "Counting your customers the easy way" (Marketing
// Science 24(2), 2005), Gamma-Gamma from "RFM and CLV: using iso-value
// curves for customer base analysis" (Journal of Marketing Research
// 42(4), 2005). The pipeline takes any fitted parameters by flags.
var (
	cdnowBGNBD      = btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	cdnowGammaGamma = btyd.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}
)

// defaultValue is the default customer-value horizon, illustrative: 12
// monthly periods in a weekly model, 1% discount a month, 30% margin.
var defaultValue = btyd.ValueInput{Periods: 12, PeriodLength: 52.0 / 12, Discount: 0.01, Margin: 0.3}

// parseSummary parses one CSV line.
func parseSummary(line string) (btyd.Summary, error) {
	f := strings.Split(line, ",")
	if len(f) != 5 {
		return btyd.Summary{}, fmt.Errorf("%d fields, want 5", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	x, err := strconv.Atoi(f[1])
	if err != nil {
		return btyd.Summary{}, fmt.Errorf("frequency %q is not a whole number", f[1])
	}
	tx, err := strconv.ParseFloat(f[2], 64)
	if err != nil {
		return btyd.Summary{}, fmt.Errorf("recency %q is not a number", f[2])
	}
	t, err := strconv.ParseFloat(f[3], 64)
	if err != nil {
		return btyd.Summary{}, fmt.Errorf("age T %q is not a number", f[3])
	}
	m, err := decimal.NewFromString(f[4])
	if err != nil {
		return btyd.Summary{}, fmt.Errorf("mean_spend %q is not an amount", f[4])
	}
	return btyd.Summary{Customer: f[0], Frequency: x, Recency: tx, T: t, MeanSpend: m}, nil
}

// customerScore is the scoring of one customer.
type customerScore struct {
	Customer  string
	Purchases float64         // expected purchases in the next Horizon time units
	Alive     float64         // probability that the customer is still active
	Value     decimal.Decimal // discounted margin over the value horizon
}

// scoreCustomer scores s with the models (the single-process reference
// the pipeline is tested against calls the same function).
func scoreCustomer(p btyd.BGNBD, g btyd.GammaGamma, in btyd.ValueInput, horizon float64, s btyd.Summary) (customerScore, error) {
	v, err := btyd.CustomerValue(p, g, s, in)
	if err != nil {
		return customerScore{}, err
	}
	return customerScore{
		Customer:  s.Customer,
		Purchases: p.ConditionalPurchases(horizon, s),
		Alive:     p.ProbAlive(s),
		Value:     v,
	}, nil
}

// line writes the score as "customer,purchases,p_alive,value" with the
// shortest decimal that reads back to the same float64.
func (c customerScore) line() string {
	return c.Customer + "," + strconv.FormatFloat(c.Purchases, 'g', -1, 64) + "," +
		strconv.FormatFloat(c.Alive, 'g', -1, 64) + "," + c.Value.StringFixed(2)
}

// scoreCustomerFn scores each customer with fitted BG/NBD and
// Gamma-Gamma models, which travel inside the DoFn (its exported fields
// are serialized with the pipeline, so every worker holds them).
type scoreCustomerFn struct {
	Purchase btyd.BGNBD      `json:"purchase"`
	Spend    btyd.GammaGamma `json:"spend"`
	Value    btyd.ValueInput `json:"value"`
	// Horizon is the time, in the models' unit, over which purchases are
	// predicted.
	Horizon float64 `json:"horizon"`
}

func (f *scoreCustomerFn) ProcessElement(ctx context.Context, line string, out func(string), bad func(string)) {
	if skipLine(line, "customer") {
		return
	}
	s, err := parseSummary(line)
	var c customerScore
	if err == nil {
		c, err = scoreCustomer(f.Purchase, f.Spend, f.Value, f.Horizon, s)
	}
	if err != nil {
		beam.NewCounter("retention", "rejected").Inc(ctx, 1)
		bad(fmt.Sprintf("%v\t%s", err, line))
		return
	}
	out(c.line())
}

// retentionJob adds the per-customer scoring to the pipeline.
func retentionJob(s beam.Scope, fn *scoreCustomerFn, lines beam.PCollection) (scores, rejected beam.PCollection) {
	s = s.Scope("retention")
	return beam.ParDo2(s, fn, lines)
}
