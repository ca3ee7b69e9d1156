package btyd

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"

	"github.com/shopspring/decimal"
)

// GammaGamma holds the parameters of the Gamma-Gamma model of spend per
// transaction (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value
// curves for customer base analysis"; Colombo & Jiang 1999): a customer's
// transaction values are Gamma(P, ν) around a mean that varies across
// customers, ν ~ Gamma(Q, V). Spend is assumed independent of purchase
// frequency.
//
// GammaGamma is a plain value: its methods do not modify it and may be
// called concurrently. Its two predictions are money, so unlike the
// BG/NBD's pure prediction methods they return decimal amounts rounded
// to cents and an error wrapping [ErrInvalid] where the amount is
// undefined (q ≤ 1: the mean of ν does not exist) or not representable.
type GammaGamma struct {
	// P is the shape of a customer's transaction-value distribution.
	P float64 `json:"p"`
	// Q is the shape of the distribution of ν across customers.
	Q float64 `json:"q"`
	// V is its scale, in money units.
	V float64 `json:"v"`
}

// problem describes what keeps g from predicting spend (without a
// package prefix), or returns "".
func (g GammaGamma) problem() string {
	for _, p := range []struct {
		name string
		v    float64
	}{{"p", g.P}, {"q", g.Q}, {"v", g.V}} {
		if !(p.v > 0) || math.IsInf(p.v, 1) {
			return fmt.Sprintf("Gamma-Gamma parameter %s = %v must be finite and > 0", p.name, p.v)
		}
	}
	if !(g.Q > 1) {
		return fmt.Sprintf("Gamma-Gamma parameter q = %v must exceed 1 for the mean spend to exist", g.Q)
	}
	return ""
}

// expectedSpend returns p·v/(q − 1) for valid g, as v/((q − 1)/p) so
// that no intermediate product overflows.
func (g GammaGamma) expectedSpend() float64 { return g.V / ((g.Q - 1) / g.P) }

// conditionalSpend returns E[M | x, m̄] as a float64, or a problem
// (without a package prefix).
func (g GammaGamma) conditionalSpend(s Summary) (float64, string) {
	if p := g.problem(); p != "" {
		return 0, p
	}
	switch {
	case s.Frequency < 0:
		return 0, fmt.Sprintf("frequency %d is negative", s.Frequency)
	case s.Frequency == 0:
		return g.expectedSpend(), ""
	case s.MeanSpend.Sign() <= 0:
		return 0, fmt.Sprintf("mean spend %s of a repeat customer must be > 0", s.MeanSpend)
	}
	m := moneyFloat(s.MeanSpend)
	if math.IsInf(m, 0) {
		return 0, fmt.Sprintf("mean spend %s exceeds the float64 range of the model", shortAmount(s.MeanSpend))
	}
	x := float64(s.Frequency)
	d := x + (g.Q-1)/g.P
	return g.V/d + x/d*m, ""
}

// shortAmount formats d for an error message, in scientific notation
// when it is long.
func shortAmount(d decimal.Decimal) string {
	if d.NumDigits() <= 20 && d.Exponent() >= -20 && d.Exponent() <= 20 {
		return d.String()
	}
	return fmt.Sprintf("about 1e%d", d.NumDigits()+int(d.Exponent())-1)
}

// spendAmount converts a float64 spend to money, or returns a problem.
func spendAmount(v float64) (decimal.Decimal, string) {
	d, ok := moneyCents(v)
	if !ok {
		return decimal.Decimal{}, fmt.Sprintf("spend %v is not a finite float64", v)
	}
	return d, ""
}

// ExpectedSpend returns the expected spend per transaction of a new
// customer, E[M] = p·v/(q − 1) (Fader, Hardie & Lee 2005, "RFM and CLV"),
// in the money unit of V: the population mean of the customers' mean
// spends. It is computed in float64 as v/((q − 1)/p), so that no
// intermediate product overflows, and rounded half away from zero to
// cents.
//
// It returns an error wrapping [ErrInvalid] for p, q or v not finite and
// > 0, for q ≤ 1 (the mean does not exist), and for a mean beyond
// math.MaxFloat64.
func (g GammaGamma) ExpectedSpend() (decimal.Decimal, error) {
	if p := g.problem(); p != "" {
		return decimal.Decimal{}, fmt.Errorf("btyd: ExpectedSpend: %s: %w", p, ErrInvalid)
	}
	d, p := spendAmount(g.expectedSpend())
	if p != "" {
		return decimal.Decimal{}, fmt.Errorf("btyd: ExpectedSpend: %s: %w", p, ErrInvalid)
	}
	return d, nil
}

// ConditionalSpend returns the expected spend per transaction of a
// customer with x repeat purchases of mean value m̄ (Fader, Hardie & Lee
// 2005, "RFM and CLV", eq. 5):
//
//	E[M | x, m̄] = p(v + x m̄)/(px + q − 1)
//	            = (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · m̄
//
// a weighted mean of the population mean and the customer's own mean that
// trusts the customer's mean more the more purchases it rests on. It is
// computed in float64 as v/D + (x/D)·m̄ with D = x + (q−1)/p, so that no
// intermediate product overflows, and rounded half away from zero to
// cents (the float64 value goes through decimal.NewFromFloat, the
// shortest decimal that reads back as it, before rounding). For x = 0 it
// is [GammaGamma.ExpectedSpend]. Only s.Frequency and s.MeanSpend are
// read.
//
// It returns an error wrapping [ErrInvalid] for parameters that
// [GammaGamma.ExpectedSpend] rejects (q ≤ 1 among them), a negative
// frequency, a repeat customer (x > 0) whose mean spend is not > 0 or
// beyond the float64 range, and a value beyond math.MaxFloat64.
func (g GammaGamma) ConditionalSpend(s Summary) (decimal.Decimal, error) {
	v, p := g.conditionalSpend(s)
	if p == "" {
		var d decimal.Decimal
		if d, p = spendAmount(v); p == "" {
			return d, nil
		}
	}
	return decimal.Decimal{}, fmt.Errorf("btyd: ConditionalSpend: %s: %w", p, ErrInvalid)
}

// PurchaseModel predicts a customer's purchases; [BGNBD], [ParetoNBD],
// [MBGNBD] and their fits satisfy it, so a fit is passed to
// [CustomerValue] as it is.
type PurchaseModel interface {
	// ConditionalPurchases returns the expected number of purchases in
	// the next t time units of a customer with history s, NaN where it
	// is undefined (see [BGNBD.ConditionalPurchases]).
	ConditionalPurchases(t float64, s Summary) float64
}

// SpendModel predicts a customer's spend per purchase; [GammaGamma] and
// [GammaGammaFit] satisfy it, so a fit is passed to [CustomerValue] as it
// is.
type SpendModel interface {
	// ConditionalSpend returns the expected spend per purchase of a
	// customer with history s, or an error (see
	// [GammaGamma.ConditionalSpend]).
	ConditionalSpend(s Summary) (decimal.Decimal, error)
}

// MaxValuePeriods bounds the horizon of [CustomerValue], in periods.
const MaxValuePeriods = 10_000

// ValueInput is the horizon, discounting and margin of [CustomerValue].
// Every field is required; [ValueInput.Validate] checks them.
type ValueInput struct {
	// Periods is the number of periods in the horizon, in
	// [1, MaxValuePeriods].
	Periods int `json:"periods"`
	// PeriodLength is a period's length in the models' time unit (> 0):
	// with models fitted in weeks, 52.0/12 for months. The horizon
	// Periods·PeriodLength must not exceed MaxTime.
	PeriodLength float64 `json:"period_length"`
	// Discount is the discount rate per period, a fraction in
	// [0, MaxDiscount] (0.01 for 1% a period; 0 for no discounting).
	Discount float64 `json:"discount"`
	// Margin is the profit margin on spend, a fraction in [0, 1] (0.3
	// for 30%).
	Margin float64 `json:"margin"`
}

// problem describes what is wrong with in (without a package prefix), or
// returns "".
func (in ValueInput) problem() string {
	switch {
	case in.Periods < 1 || in.Periods > MaxValuePeriods:
		return fmt.Sprintf("periods %d outside [1, %d]", in.Periods, MaxValuePeriods)
	case !(in.PeriodLength > 0) || math.IsInf(in.PeriodLength, 1):
		return fmt.Sprintf("period length %v must be finite and > 0", in.PeriodLength)
	case float64(in.Periods)*in.PeriodLength > MaxTime:
		return fmt.Sprintf("horizon of %d periods of length %v exceeds %g time units", in.Periods, in.PeriodLength, float64(MaxTime))
	case !(in.Discount >= 0 && in.Discount <= MaxDiscount):
		return fmt.Sprintf("discount rate %v outside [0, %g] (a fraction per period)", in.Discount, float64(MaxDiscount))
	case !(in.Margin >= 0 && in.Margin <= 1):
		return fmt.Sprintf("margin %v outside [0, 1] (a fraction of spend)", in.Margin)
	}
	return ""
}

// Validate returns nil if in is a valid input of [CustomerValue], and
// otherwise an error wrapping [ErrInvalid] that names the field: Periods
// outside [1, MaxValuePeriods], PeriodLength not finite and > 0 or a
// horizon beyond MaxTime, Discount outside [0, MaxDiscount] (a percent
// typed for a fraction, 10 for 10%, is caught here), Margin outside
// [0, 1].
func (in ValueInput) Validate() error {
	if p := in.problem(); p != "" {
		return fmt.Errorf("btyd: ValueInput: %s: %w", p, ErrInvalid)
	}
	return nil
}

// isNil reports whether v is nil or a nil pointer (or other nil-able
// value) in an interface, whose value methods would panic.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Interface, reflect.Chan:
		return rv.IsNil()
	}
	return false
}

// bgnbdOf returns the BG/NBD inside p when p is one of the package's
// types (after the nil check).
func bgnbdOf(p PurchaseModel) (BGNBD, bool) {
	switch m := p.(type) {
	case BGNBD:
		return m, true
	case *BGNBD:
		return *m, true
	case BGNBDFit:
		return m.BGNBD, true
	case *BGNBDFit:
		return m.BGNBD, true
	}
	return BGNBD{}, false
}

// gammaGammaOf returns the Gamma-Gamma inside g when g is one of the
// package's types (after the nil check).
func gammaGammaOf(g SpendModel) (GammaGamma, bool) {
	switch m := g.(type) {
	case GammaGamma:
		return m, true
	case *GammaGamma:
		return *m, true
	case GammaGammaFit:
		return m.GammaGamma, true
	case *GammaGammaFit:
		return m.GammaGamma, true
	}
	return GammaGamma{}, false
}

// valueError is an error of CustomerValue that wraps the error of a
// caller's SpendModel together with ErrInvalid.
type valueError struct {
	msg  string
	errs []error
}

func (e *valueError) Error() string   { return e.msg }
func (e *valueError) Unwrap() []error { return e.errs }

// CustomerValue returns a customer's discounted expected profit over the
// horizon, from a purchase model's expected purchases and a spend model's
// expected spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV"):
//
//	CLV = margin · E[M | x, m̄] · Σₖ₌₁ᴷ (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1+d)ᵏ
//
// where E[Y(t)] is p's ConditionalPurchases, E[M | x, m̄] g's
// ConditionalSpend (in cents), Δ the period length and d the discount
// rate: the purchases of period k are discounted at its end, like the
// end-of-period convention of the simple CLV formulas. Pass fits as they
// are: CustomerValue(bgnbdFit, ggFit, s, in). The work is proportional to
// the number of periods (at most MaxValuePeriods). The result is money,
// rounded half away from zero to cents (the float64 value goes through
// decimal.NewFromFloat before rounding, so it is exact to the cent of the
// float computation, which carries about 15 significant digits).
//
// It returns an error wrapping [ErrInvalid] that names the argument for a
// nil model; BG/NBD parameters outside [MinParam, MaxParam] or
// Gamma-Gamma parameters not finite and > 0 or with q ≤ 1 (when p and g
// are the package's models or fits); an input that
// [ValueInput.Validate] rejects; an invalid history, or one with T beyond
// MaxTime or a frequency beyond MaxFrequency; a spend the spend model
// cannot give (its error is wrapped too); a purchase prediction that is
// not finite and ≥ 0; or a value too large for float64.
func CustomerValue(p PurchaseModel, g SpendModel, s Summary, in ValueInput) (decimal.Decimal, error) {
	fail := func(format string, args ...any) (decimal.Decimal, error) {
		return decimal.Decimal{}, fmt.Errorf("btyd: CustomerValue: "+format+": %w", append(args, ErrInvalid)...)
	}
	switch {
	case isNil(p):
		return fail("purchase model is nil")
	case isNil(g):
		return fail("spend model is nil")
	}
	if m, ok := bgnbdOf(p); ok {
		for _, par := range []struct {
			name string
			v    float64
		}{{"r", m.R}, {"alpha", m.Alpha}, {"a", m.A}, {"b", m.B}} {
			if !(par.v >= MinParam && par.v <= MaxParam) {
				return fail("BG/NBD parameter %s = %v outside [%g, %g]", par.name, par.v, MinParam, MaxParam)
			}
		}
	}
	if gg, ok := gammaGammaOf(g); ok {
		if pr := gg.problem(); pr != "" {
			return fail("%s", pr)
		}
	}
	if pr := in.problem(); pr != "" {
		return fail("input: %s", pr)
	}
	if pr := summaryProblem(s, true); pr != "" {
		return fail("summary: %s", pr)
	}
	if s.T > MaxTime || s.Frequency > MaxFrequency {
		return fail("summary: age T = %v or frequency %d beyond %g, %d", s.T, s.Frequency, float64(MaxTime), MaxFrequency)
	}
	spend, err := g.ConditionalSpend(s)
	if err != nil {
		msg := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "btyd: "), "ConditionalSpend: ")
		errs := []error{err}
		if !errors.Is(err, ErrInvalid) {
			errs = append(errs, ErrInvalid)
		}
		return decimal.Decimal{}, &valueError{msg: "btyd: CustomerValue: spend model: " + msg, errs: errs}
	}
	spendF := moneyFloat(spend)
	if math.IsInf(spendF, 0) || spendF < 0 {
		return fail("spend model returned %s per purchase, want finite and ≥ 0", shortAmount(spend))
	}
	var sum, prev float64
	disc := 1.0
	for k := 1; k <= in.Periods; k++ {
		t := float64(k) * in.PeriodLength
		cur := p.ConditionalPurchases(t, s)
		if !(cur >= 0) || math.IsInf(cur, 1) {
			return fail("purchase model returned %v purchases for the next %v time units, want finite and ≥ 0", cur, t)
		}
		disc /= 1 + in.Discount
		sum += (cur - prev) * disc
		prev = cur
	}
	v := in.Margin * spendF * sum
	d, ok := moneyCents(v)
	if !ok {
		return fail("value %v is not a finite float64", v)
	}
	return d, nil
}
