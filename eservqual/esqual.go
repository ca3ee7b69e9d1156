package eservqual

import (
	"math"
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

var esqualOutcomes = []servqual.OutcomeRating{
	{Key: OutcomeValue, Name: "perceived value", Chinese: "感知价值", Scale: fivePoint},
	{Key: OutcomeLoyalty, Name: "loyalty intentions", Chinese: "忠诚意向", Scale: fivePoint},
}

type itemDef struct{ key, name, chinese string }

func spec(name, chinese string, dims []servqual.Dimension, items [][]itemDef) servqual.Spec {
	s := servqual.Spec{Name: name, Chinese: chinese, Scale: fivePoint, Dimensions: dims, Outcomes: esqualOutcomes}
	for d, its := range items {
		for _, it := range its {
			s.Items = append(s.Items, servqual.Item{Key: it.key, Dimension: dims[d].Key, Name: it.name, Chinese: it.chinese})
		}
	}
	return s
}

// Item names, English and Chinese, are the library's own short
// descriptions of what each item asks about, not the published wording.
var (
	esqual = sync.OnceValue(func() *servqual.Instrument {
		return mustInstrument(spec("E-S-QUAL", "E-S-QUAL 电子服务质量量表",
			[]servqual.Dimension{
				{Key: "efficiency", Name: "Efficiency", Chinese: "高效性"},
				{Key: "system_availability", Name: "System availability", Chinese: "可用性"},
				{Key: "fulfillment", Name: "Fulfillment", Chinese: "履责性"},
				{Key: "privacy", Name: "Privacy", Chinese: "隐私性"},
			},
			[][]itemDef{
				{
					{"EFF1", "finding things is easy", "容易找到所需内容"},
					{"EFF2", "every page is easy to reach", "各页面都容易进入"},
					{"EFF3", "a purchase is quick to complete", "能快速完成购买"},
					{"EFF4", "information is orderly", "信息组织有序"},
					{"EFF5", "pages load quickly", "页面加载迅速"},
					{"EFF6", "simple to use", "使用简单"},
					{"EFF7", "quick to get into", "能迅速进入网站"},
					{"EFF8", "tidy layout", "版面整洁"},
				},
				{
					{"SYS1", "always up", "网站随时可用"},
					{"SYS2", "starts and runs at once", "网站即刻启动运行"},
					{"SYS3", "does not crash", "网站不会崩溃"},
					{"SYS4", "pages do not freeze mid-order", "下单时页面不卡死"},
				},
				{
					{"FUL1", "delivers on the promised date", "按承诺日期送达"},
					{"FUL2", "ships within a reasonable time", "在合理时间内发货"},
					{"FUL3", "delivery is fast", "送货迅速"},
					{"FUL4", "sends the items ordered", "送来所订商品"},
					{"FUL5", "items shown are in stock", "所示商品有现货"},
					{"FUL6", "offers are described truthfully", "如实描述商品与优惠"},
					{"FUL7", "delivery promises are accurate", "送货承诺准确"},
				},
				{
					{"PRI1", "shopping history kept private", "购物记录保密"},
					{"PRI2", "personal data not passed on", "不向他人泄露个人信息"},
					{"PRI3", "payment details protected", "支付信息受保护"},
				},
			}))
	})
	erecsqual = sync.OnceValue(func() *servqual.Instrument {
		return mustInstrument(spec("E-RecS-QUAL", "E-RecS-QUAL 电子服务补救质量量表",
			[]servqual.Dimension{
				{Key: "responsiveness", Name: "Responsiveness", Chinese: "响应性"},
				{Key: "compensation", Name: "Compensation", Chinese: "补偿性"},
				{Key: "contact", Name: "Contact", Chinese: "联系性"},
			},
			[][]itemDef{
				{
					{"RES1", "easy ways to return items", "退货方式便捷"},
					{"RES2", "returns are handled well", "退货处理妥当"},
					{"RES3", "a guarantee that means something", "提供切实的保证"},
					{"RES4", "says what to do when an order fails", "交易未完成时告知处理办法"},
					{"RES5", "fixes problems promptly", "及时解决问题"},
				},
				{
					{"COM1", "makes up for problems it causes", "对其造成的问题给予补偿"},
					{"COM2", "makes up for late orders", "对延迟送达给予补偿"},
					{"COM3", "collects items to be returned", "上门取回退货"},
				},
				{
					{"CON1", "gives a telephone number", "提供联系电话"},
					{"CON2", "service staff available online", "有在线客服"},
					{"CON3", "a live person can be reached", "能联系到真人客服"},
				},
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
// value ([OutcomeValue], 感知价值) and loyalty intentions
// ([OutcomeLoyalty], 忠诚意向). Its Chinese name is "E-S-QUAL
// 电子服务质量量表"; every dimension, item and outcome carries a Key, an
// English Name and a Chinese label.
//
// E-S-QUAL is perception-only: score responses with Perception (and
// Outcomes) only, and read the Perception measure of the servqual report.
// The returned instrument is shared and immutable.
func ESQUAL() *servqual.Instrument { return esqual() }

// ERecSQUAL returns the E-RecS-QUAL recovery scale of Parasuraman,
// Zeithaml & Malhotra (2005), in Chinese "E-RecS-QUAL 电子服务补救质量量表":
// 11 items on the same scale — responsiveness (RES1–RES5, 响应性),
// compensation (COM1–COM3, 补偿性) and contact (CON1–CON3, 联系性) — for
// customers who had a non-routine encounter with the site (a problem or a
// question). Use it through a [RecoverySample], which keeps customers
// without such an encounter out of the sample.
func ERecSQUAL() *servqual.Instrument { return erecsqual() }

// DefaultDriverWeights returns illustrative importance weights of the four
// E-S-QUAL dimensions (efficiency, system availability, fulfillment,
// privacy), fractions summing to 1, for when no outcome data are
// available.
//
// They encode the ordering Parasuraman, Zeithaml & Malhotra (2005)
// report, not an estimate: efficiency and fulfillment matter most, then
// system availability, then privacy. The weights are the ranks 3, 2, 3, 1
// normalised to sum to 1, an illustrative choice of the library. Replace
// them with the ShapleyShare of servqual's key-driver analysis when data
// exist (see [DriverWeights]).
func DefaultDriverWeights() []float64 { return []float64{3.0 / 9, 2.0 / 9, 3.0 / 9, 1.0 / 9} }

// DriverWeights returns the importance of acc's dimensions for the
// outcome with the given key: the Shapley shares of servqual's key-driver
// analysis on the perception scores when it can be estimated (estimated =
// true), else a copy of fallback (estimated = false) — for E-S-QUAL pass
// [DefaultDriverWeights].
//
// The analysis counts as estimated only when [servqual.Accumulator.KeyDrivers]
// returns no error and no Reason, R² is finite and positive, and every
// share is finite; shares are then clamped at 0 (a share below zero can
// only be rounding noise) and renormalised to sum to 1. So an analysis
// that is undefined for the data (too few respondents, R² = 0,
// collinear drivers) never yields NaN weights: it yields the fallback.
//
// It returns an error wrapping [ErrInstrument] for a nil accumulator or
// one without an instrument, [ErrLength] if fallback does not have one
// weight per dimension, and [ErrInvalid] if a fallback weight is
// negative, NaN or ±Inf, if they sum to zero, or if the instrument has no
// outcome with that key.
func DriverWeights(acc *servqual.Accumulator, outcome string, fallback []float64) (weights []float64, estimated bool, err error) {
	if acc == nil {
		return nil, false, errorf("driver weights of a nil accumulator: %w", ErrInstrument)
	}
	in := acc.Instrument()
	if in == nil {
		return nil, false, errorf("driver weights: accumulator has no instrument (use servqual.NewAccumulator): %w", ErrInstrument)
	}
	p := in.NumDimensions()
	if len(fallback) != p {
		return nil, false, errorf("%d fallback weights for the %d dimensions of %s: %w", len(fallback), p, in.Name(), ErrLength)
	}
	var sum float64
	for d, w := range fallback {
		if !(w >= 0 && !math.IsInf(w, 1)) {
			return nil, false, errorf("fallback weight %d (%s) is %v, want finite and ≥ 0: %w", d, in.Dimension(d).Key, w, ErrInvalid)
		}
		sum += w
	}
	if sum == 0 {
		return nil, false, errorf("fallback weights sum to zero: %w", ErrInvalid)
	}
	for o := 0; o < in.NumOutcomes(); o++ {
		if in.Outcome(o).Key != outcome {
			continue
		}
		d, err := acc.KeyDrivers(servqual.Perception, outcome)
		if w, ok := estimatedShares(d, err, p); ok {
			return w, true, nil
		}
		return append([]float64(nil), fallback...), false, nil
	}
	return nil, false, errorf("instrument %s has no outcome %q: %w", in.Name(), outcome, ErrInvalid)
}

// estimatedShares returns the Shapley shares of d, clamped at 0 and
// renormalised, if d is a defined analysis of p drivers.
func estimatedShares(d servqual.Drivers, err error, p int) ([]float64, bool) {
	if err != nil || d.Reason != "" || len(d.ShapleyShare) != p ||
		!(d.RSquared > 0 && d.RSquared <= 1+1e-9) {
		return nil, false
	}
	w := make([]float64, p)
	var sum float64
	for i, v := range d.ShapleyShare {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, false
		}
		w[i] = max(0, v)
		sum += w[i]
	}
	if !(sum > 0) {
		return nil, false
	}
	for i := range w {
		w[i] /= sum
	}
	return w, true
}

// RecoverySample accumulates E-RecS-QUAL (or any recovery instrument's)
// responses. Only customers who had a non-routine encounter belong to the
// recovery sample; the others are counted, not treated as missing. Create
// one with [NewRecoverySample]; the zero value is an empty sample for
// [ERecSQUAL].
//
// A RecoverySample is not safe for concurrent use: Add, Merge and
// Accumulator may change it. Report does not, and may run concurrently
// with other Report calls; the source of a Merge is only read. Like the
// servqual accumulator it wraps, a sample changes nothing when a call
// returns an error.
type RecoverySample struct {
	acc           *servqual.Accumulator
	notApplicable int64
}

// NewRecoverySample returns an empty recovery sample for in (usually
// [ERecSQUAL]); a nil in means ERecSQUAL.
func NewRecoverySample(in *servqual.Instrument) *RecoverySample {
	if in == nil {
		in = ERecSQUAL()
	}
	return &RecoverySample{acc: servqual.NewAccumulator(in)}
}

// init gives a zero-value sample its ERecSQUAL accumulator.
func (s *RecoverySample) init() {
	if s.acc == nil {
		s.acc = servqual.NewAccumulator(ERecSQUAL())
	}
}

// Add adds one customer. A customer without a non-routine encounter
// (encounter = false) is counted as not applicable and r is ignored;
// otherwise r is added as by [servqual.Accumulator.Add]. Invalid data
// returns an error that wraps servqual's *InputError and its sentinel
// together with this package's (ErrInvalid, ErrLength, …), and adds
// nothing. A nil s, or a count that would overflow int64, is an error
// wrapping [ErrInvalid].
func (s *RecoverySample) Add(r servqual.Response, encounter bool) error {
	if s == nil {
		return errorf("add to a nil *RecoverySample: %w", ErrInvalid)
	}
	s.init()
	if !encounter {
		if s.notApplicable == math.MaxInt64 {
			return errorf("recovery sample: the count of customers without an encounter would overflow int64: %w", ErrInvalid)
		}
		s.notApplicable++
		return nil
	}
	if s.acc.N() == math.MaxInt64 {
		return errorf("recovery sample: the count of customers in the sample would overflow int64: %w", ErrInvalid)
	}
	if err := s.acc.Add(r); err != nil {
		return fromServqual(err, "recovery sample")
	}
	return nil
}

// Merge adds o's customers to s. A nil o adds nothing. It returns an
// error, and changes nothing, if o is s (wrapping [ErrInvalid]), if the
// samples are of different instruments (wrapping [ErrInstrument]) or if
// a count would overflow int64 (wrapping [ErrInvalid]). o is only read.
func (s *RecoverySample) Merge(o *RecoverySample) error {
	if o == nil {
		return nil
	}
	if s == nil {
		return errorf("merge into a nil *RecoverySample: %w", ErrInvalid)
	}
	if o == s {
		return errorf("cannot merge a recovery sample into itself: %w", ErrInvalid)
	}
	s.init()
	oacc := o.acc
	if oacc == nil {
		if o.notApplicable == 0 {
			return nil
		}
		if s.acc.Instrument() != ERecSQUAL() {
			return errorf("cannot merge a recovery sample of E-RecS-QUAL into one of %s: %w", s.acc.Instrument().Name(), ErrInstrument)
		}
	} else {
		if s.acc.Instrument() != oacc.Instrument() {
			return errorf("cannot merge a recovery sample of %s into one of %s: %w", oacc.Instrument().Name(), s.acc.Instrument().Name(), ErrInstrument)
		}
		if s.acc.N() > math.MaxInt64-oacc.N() {
			return errorf("merging %d customers into a sample of %d would overflow int64: %w", oacc.N(), s.acc.N(), ErrInvalid)
		}
	}
	if s.notApplicable > math.MaxInt64-o.notApplicable {
		return errorf("merging %d customers without an encounter into %d would overflow int64: %w", o.notApplicable, s.notApplicable, ErrInvalid)
	}
	if oacc != nil {
		if err := s.acc.Merge(oacc); err != nil {
			return fromServqual(err, "recovery sample")
		}
	}
	s.notApplicable += o.notApplicable
	return nil
}

// Accumulator returns the accumulator of the customers in the recovery
// sample, for reliability and driver analyses. Adding to it adds to the
// sample. For a nil s it returns nil.
func (s *RecoverySample) Accumulator() *servqual.Accumulator {
	if s == nil {
		return nil
	}
	s.init()
	return s.acc
}

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

// MarshalJSON encodes the report as one object: the fields of the servqual
// report (with NaN as null) and in_sample and not_applicable.
func (r RecoveryReport) MarshalJSON() ([]byte, error) {
	return marshalWithReport(r.Report, struct {
		InSample      int64 `json:"in_sample"`
		NotApplicable int64 `json:"not_applicable"`
	}{r.InSample, r.NotApplicable})
}

// UnmarshalJSON decodes a report encoded by MarshalJSON; null decodes as
// NaN.
func (r *RecoveryReport) UnmarshalJSON(b []byte) error {
	if r == nil {
		return errorf("UnmarshalJSON into a nil *RecoveryReport: %w", ErrInvalid)
	}
	var extra struct {
		InSample      int64 `json:"in_sample"`
		NotApplicable int64 `json:"not_applicable"`
	}
	var rep servqual.Report
	if err := unmarshalWithReport(b, &rep, &extra); err != nil {
		return err
	}
	*r = RecoveryReport{Report: rep, InSample: extra.InSample, NotApplicable: extra.NotApplicable}
	return nil
}

// Report returns the statistics of the recovery sample and how many
// customers were in and outside it. A nil or zero-value s reports an
// empty ERecSQUAL sample.
func (s *RecoverySample) Report() RecoveryReport {
	if s == nil {
		return RecoveryReport{Report: servqual.NewAccumulator(ERecSQUAL()).Report()}
	}
	acc := s.acc
	if acc == nil {
		acc = servqual.NewAccumulator(ERecSQUAL()) // not stored: Report does not mutate
	}
	return RecoveryReport{Report: acc.Report(), InSample: acc.N(), NotApplicable: s.notApplicable}
}
