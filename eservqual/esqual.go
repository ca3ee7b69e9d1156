package eservqual

import (
	"fmt"
	"sync"

	"github.com/cxlab/satisfaction/servqual"
)

// fivePoint is the agreement scale of E-S-QUAL, E-RecS-QUAL and TRI 2.0:
// 1 = strongly disagree … 5 = strongly agree.
var fivePoint = servqual.Scale{Min: 1, Max: 5}

// Outcome keys of the E-S-QUAL and E-RecS-QUAL instruments.
const (
	// OutcomeValue is the perceived-value rating.
	OutcomeValue = "value"
	// OutcomeLoyalty is the loyalty-intentions rating.
	OutcomeLoyalty = "loyalty"
)

var esqualOutcomes = []servqual.Outcome{
	{Key: OutcomeValue, Name: "perceived value", Scale: fivePoint},
	{Key: OutcomeLoyalty, Name: "loyalty intentions", Scale: fivePoint},
}

type itemDef struct{ key, label string }

func spec(name string, dims []servqual.Dimension, items [][]itemDef) servqual.Spec {
	s := servqual.Spec{Name: name, Scale: fivePoint, Dimensions: dims, Outcomes: esqualOutcomes}
	for d, its := range items {
		for _, it := range its {
			s.Items = append(s.Items, servqual.Item{Key: it.key, Dimension: dims[d].Key, Label: it.label})
		}
	}
	return s
}

// Item labels are the library's own short descriptions of what each item
// asks about, not the published wording.
var (
	esqual = sync.OnceValue(func() *servqual.Instrument {
		return mustInstrument(spec("E-S-QUAL",
			[]servqual.Dimension{
				{Key: "efficiency", Name: "Efficiency", Chinese: "高效性"},
				{Key: "system_availability", Name: "System availability", Chinese: "可用性"},
				{Key: "fulfillment", Name: "Fulfillment", Chinese: "履责性"},
				{Key: "privacy", Name: "Privacy", Chinese: "隐私性"},
			},
			[][]itemDef{
				{{"EFF1", "finding things is easy"}, {"EFF2", "every page is easy to reach"}, {"EFF3", "a purchase is quick to complete"},
					{"EFF4", "information is orderly"}, {"EFF5", "pages load quickly"}, {"EFF6", "simple to use"},
					{"EFF7", "quick to get into"}, {"EFF8", "tidy layout"}},
				{{"SYS1", "always up"}, {"SYS2", "starts and runs at once"}, {"SYS3", "does not crash"}, {"SYS4", "pages do not freeze mid-order"}},
				{{"FUL1", "delivers on the promised date"}, {"FUL2", "ships within a reasonable time"}, {"FUL3", "delivery is fast"},
					{"FUL4", "sends the items ordered"}, {"FUL5", "items shown are in stock"}, {"FUL6", "offers are described truthfully"},
					{"FUL7", "delivery promises are accurate"}},
				{{"PRI1", "shopping history kept private"}, {"PRI2", "personal data not passed on"}, {"PRI3", "payment details protected"}},
			}))
	})
	erecsqual = sync.OnceValue(func() *servqual.Instrument {
		return mustInstrument(spec("E-RecS-QUAL",
			[]servqual.Dimension{
				{Key: "responsiveness", Name: "Responsiveness", Chinese: "响应性"},
				{Key: "compensation", Name: "Compensation", Chinese: "补偿性"},
				{Key: "contact", Name: "Contact", Chinese: "联系性"},
			},
			[][]itemDef{
				{{"RES1", "easy ways to return items"}, {"RES2", "returns are handled well"}, {"RES3", "a guarantee that means something"},
					{"RES4", "says what to do when an order fails"}, {"RES5", "fixes problems promptly"}},
				{{"COM1", "makes up for problems it causes"}, {"COM2", "makes up for late orders"}, {"COM3", "collects items to be returned"}},
				{{"CON1", "gives a telephone number"}, {"CON2", "service staff available online"}, {"CON3", "a live person can be reached"}},
			}))
	})
)

// mustInstrument builds the package's fixed, tested presets.
func mustInstrument(s servqual.Spec) *servqual.Instrument {
	in, err := servqual.NewInstrument(s)
	if err != nil {
		panic(err)
	}
	return in
}

// ESQUAL returns the E-S-QUAL instrument of Parasuraman, Zeithaml &
// Malhotra (2005) for the quality of online shopping sites: 22 items on a
// 5-point agreement scale in four dimensions, in the published order —
// efficiency (EFF1–EFF8, 高效性), system availability (SYS1–SYS4, 可用性),
// fulfillment (FUL1–FUL7, 履责性) and privacy (PRI1–PRI3, 隐私性) — with
// two outcome ratings the paper validates the scale against, perceived
// value ([OutcomeValue]) and loyalty intentions ([OutcomeLoyalty]).
//
// E-S-QUAL is perception-only: score responses with Perception (and
// Outcomes) only, and read the Perception measure of the servqual report.
// The returned instrument is shared and immutable.
func ESQUAL() *servqual.Instrument { return esqual() }

// ERecSQUAL returns the E-RecS-QUAL recovery scale of Parasuraman,
// Zeithaml & Malhotra (2005): 11 items on the same scale — responsiveness
// (RES1–RES5), compensation (COM1–COM3) and contact (CON1–CON3) — for
// customers who had a non-routine encounter with the site (a problem or a
// question). Use it through a [RecoverySample], which keeps customers
// without such an encounter out of the sample.
func ERecSQUAL() *servqual.Instrument { return erecsqual() }

// SeedDriverWeights returns default importance weights of the four
// E-S-QUAL dimensions (efficiency, system availability, fulfillment,
// privacy) for when no outcome data are available.
//
// They encode an ordering from the source documents (seed 003, after
// Parasuraman, Zeithaml & Malhotra 2005), not an estimate: efficiency and
// fulfillment matter most, then system availability, then privacy. The
// weights are the ranks 3, 2, 3, 1 normalised to sum to 1. Replace them
// with the ShapleyShare of servqual's key-driver analysis when data exist
// (see [DriverWeights]).
func SeedDriverWeights() []float64 { return []float64{3.0 / 9, 2.0 / 9, 3.0 / 9, 1.0 / 9} }

// DriverWeights returns the importance of acc's dimensions for the
// outcome with the given key: the Shapley shares of servqual's key-driver
// analysis on the perception scores when it can be estimated (estimated =
// true), else fallback (estimated = false) — for E-S-QUAL pass
// [SeedDriverWeights]. It returns an error if the outcome is unknown or
// fallback has the wrong length.
func DriverWeights(acc *servqual.Accumulator, outcome string, fallback []float64) (weights []float64, estimated bool, err error) {
	in := acc.Instrument()
	if in == nil {
		return nil, false, fmt.Errorf("eservqual: accumulator has no instrument")
	}
	if len(fallback) != in.NumDimensions() {
		return nil, false, fmt.Errorf("eservqual: %d fallback weights for %d dimensions", len(fallback), in.NumDimensions())
	}
	for o := 0; o < in.NumOutcomes(); o++ {
		if in.Outcome(o).Key != outcome {
			continue
		}
		d, err := acc.KeyDrivers(servqual.Perception, o)
		if err != nil {
			return append([]float64(nil), fallback...), false, nil
		}
		return d.ShapleyShare, true, nil
	}
	return nil, false, fmt.Errorf("eservqual: instrument %s has no outcome %q", in.Name(), outcome)
}

// RecoverySample accumulates E-RecS-QUAL (or any recovery instrument's)
// responses. Only customers who had a non-routine encounter belong to the
// recovery sample; the others are counted, not treated as missing. Create
// one with [NewRecoverySample]; it is not safe for concurrent use.
type RecoverySample struct {
	acc           *servqual.Accumulator
	notApplicable int64
}

// NewRecoverySample returns an empty recovery sample for in (usually
// [ERecSQUAL]).
func NewRecoverySample(in *servqual.Instrument) *RecoverySample {
	return &RecoverySample{acc: servqual.NewAccumulator(in)}
}

// Add adds one customer. A customer without a non-routine encounter
// (encounter = false) is counted as not applicable and r is ignored;
// otherwise r is added as by [servqual.Accumulator.Add], with its errors.
func (s *RecoverySample) Add(r servqual.Response, encounter bool) error {
	if !encounter {
		s.notApplicable++
		return nil
	}
	return s.acc.Add(r)
}

// Merge adds o's customers to s.
func (s *RecoverySample) Merge(o *RecoverySample) error {
	if err := s.acc.Merge(o.acc); err != nil {
		return err
	}
	s.notApplicable += o.notApplicable
	return nil
}

// Accumulator returns the accumulator of the customers in the recovery
// sample, for reliability and driver analyses.
func (s *RecoverySample) Accumulator() *servqual.Accumulator { return s.acc }

// RecoveryReport is the report of a recovery sample.
type RecoveryReport struct {
	// Report is the servqual report of the customers in the sample.
	servqual.Report
	// InSample is the number of customers who had a non-routine
	// encounter.
	InSample int64 `json:"in_sample"`
	// NotApplicable is the number who had none and are outside the
	// sample.
	NotApplicable int64 `json:"not_applicable"`
}

// Report returns the statistics of the recovery sample and how many
// customers were in and outside it.
func (s *RecoverySample) Report() RecoveryReport {
	return RecoveryReport{Report: s.acc.Report(), InSample: s.acc.N(), NotApplicable: s.notApplicable}
}
