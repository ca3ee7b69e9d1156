package loyalty

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// JSON: the package's result types, and the inputs that hold floats or money,
// encode NaN and ±Inf as null and decode null back to NaN, so a statistic
// the data leave undefined (an empty tally's score) survives a round trip.
// Money (decimal.Decimal) encodes as a quoted string, decimal's default.
// Each pair below follows the same pattern: the conversion to a type
// without methods stops the recursion. Errors wrap [ErrInvalid] (and the
// decoder's own error, such as a *json.SyntaxError) and start "loyalty: ".

// jsonError gives an error of the JSON methods the package's form.
func jsonError(op, typ string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, ErrInvalid) {
		// From one of the package's own methods, perhaps wrapped by the
		// decoder: keep the chain, show the message from its prefix on.
		msg := err.Error()
		if i := strings.Index(msg, "loyalty: "); i >= 0 {
			return &jsonErr{msg: msg[i:], err: err}
		}
	}
	return fmt.Errorf("loyalty: %s %s: %w: %w", op, typ, err, ErrInvalid)
}

// jsonErr is an error with a shorter message than the error it wraps.
type jsonErr struct {
	msg string
	err error
}

func (e *jsonErr) Error() string { return e.msg }
func (e *jsonErr) Unwrap() error { return e.err }

// MarshalJSON encodes the CLVInput as a JSON object, NaN and ±Inf as null.
func (v CLVInput) MarshalJSON() ([]byte, error) {
	type plain CLVInput
	if err := checkAmounts("CLVInput", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "CLVInput", err)
}

// UnmarshalJSON decodes a CLVInput, null into a float as NaN. On error
// v is unchanged.
func (v *CLVInput) UnmarshalJSON(b []byte) error {
	type plain CLVInput
	if v == nil {
		return fmt.Errorf("loyalty: decoding CLVInput into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "CLVInput", err)
	}
	if err := checkAmounts("CLVInput", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = CLVInput(tmp)
	return nil
}

// MarshalJSON encodes the LeverResult as a JSON object, NaN and ±Inf as null.
func (v LeverResult) MarshalJSON() ([]byte, error) {
	type plain LeverResult
	if err := checkAmounts("LeverResult", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "LeverResult", err)
}

// UnmarshalJSON decodes a LeverResult, null into a float as NaN. On error
// v is unchanged.
func (v *LeverResult) UnmarshalJSON(b []byte) error {
	type plain LeverResult
	if v == nil {
		return fmt.Errorf("loyalty: decoding LeverResult into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "LeverResult", err)
	}
	if err := checkAmounts("LeverResult", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = LeverResult(tmp)
	return nil
}

// MarshalJSON encodes the BaseEconomics as a JSON object, NaN and ±Inf as null.
func (v BaseEconomics) MarshalJSON() ([]byte, error) {
	type plain BaseEconomics
	if err := checkAmounts("BaseEconomics", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "BaseEconomics", err)
}

// UnmarshalJSON decodes a BaseEconomics, null into a float as NaN. On error
// v is unchanged.
func (v *BaseEconomics) UnmarshalJSON(b []byte) error {
	type plain BaseEconomics
	if v == nil {
		return fmt.Errorf("loyalty: decoding BaseEconomics into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "BaseEconomics", err)
	}
	if err := checkAmounts("BaseEconomics", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = BaseEconomics(tmp)
	return nil
}

// MarshalJSON encodes the SteadyState as a JSON object, NaN and ±Inf as null.
func (v SteadyState) MarshalJSON() ([]byte, error) {
	type plain SteadyState
	if err := checkAmounts("SteadyState", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "SteadyState", err)
}

// UnmarshalJSON decodes a SteadyState, null into a float as NaN. On error
// v is unchanged.
func (v *SteadyState) UnmarshalJSON(b []byte) error {
	type plain SteadyState
	if v == nil {
		return fmt.Errorf("loyalty: decoding SteadyState into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "SteadyState", err)
	}
	if err := checkAmounts("SteadyState", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = SteadyState(tmp)
	return nil
}

// MarshalJSON encodes the CostBenefit as a JSON object, NaN and ±Inf as null.
func (v CostBenefit) MarshalJSON() ([]byte, error) {
	type plain CostBenefit
	if err := checkAmounts("CostBenefit", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "CostBenefit", err)
}

// UnmarshalJSON decodes a CostBenefit, null into a float as NaN. On error
// v is unchanged.
func (v *CostBenefit) UnmarshalJSON(b []byte) error {
	type plain CostBenefit
	if v == nil {
		return fmt.Errorf("loyalty: decoding CostBenefit into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "CostBenefit", err)
	}
	if err := checkAmounts("CostBenefit", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = CostBenefit(tmp)
	return nil
}

// MarshalJSON encodes the TornadoBar as a JSON object, NaN and ±Inf as null.
func (v TornadoBar) MarshalJSON() ([]byte, error) {
	type plain TornadoBar
	if err := checkAmounts("TornadoBar", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "TornadoBar", err)
}

// UnmarshalJSON decodes a TornadoBar, null into a float as NaN. On error
// v is unchanged.
func (v *TornadoBar) UnmarshalJSON(b []byte) error {
	type plain TornadoBar
	if v == nil {
		return fmt.Errorf("loyalty: decoding TornadoBar into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "TornadoBar", err)
	}
	if err := checkAmounts("TornadoBar", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = TornadoBar(tmp)
	return nil
}

// MarshalJSON encodes the SpendPoint as a JSON object, NaN and ±Inf as null.
func (v SpendPoint) MarshalJSON() ([]byte, error) {
	type plain SpendPoint
	if err := checkAmounts("SpendPoint", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "SpendPoint", err)
}

// UnmarshalJSON decodes a SpendPoint, null into a float as NaN. On error
// v is unchanged.
func (v *SpendPoint) UnmarshalJSON(b []byte) error {
	type plain SpendPoint
	if v == nil {
		return fmt.Errorf("loyalty: decoding SpendPoint into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "SpendPoint", err)
	}
	if err := checkAmounts("SpendPoint", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = SpendPoint(tmp)
	return nil
}

// MarshalJSON encodes the MarginalStep as a JSON object, NaN and ±Inf as null.
func (v MarginalStep) MarshalJSON() ([]byte, error) {
	type plain MarginalStep
	if err := checkAmounts("MarginalStep", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "MarginalStep", err)
}

// UnmarshalJSON decodes a MarginalStep, null into a float as NaN. On error
// v is unchanged.
func (v *MarginalStep) UnmarshalJSON(b []byte) error {
	type plain MarginalStep
	if v == nil {
		return fmt.Errorf("loyalty: decoding MarginalStep into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "MarginalStep", err)
	}
	if err := checkAmounts("MarginalStep", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = MarginalStep(tmp)
	return nil
}

// MarshalJSON encodes the NPSReport as a JSON object, NaN and ±Inf as null.
func (v NPSReport) MarshalJSON() ([]byte, error) {
	type plain NPSReport
	if err := checkAmounts("NPSReport", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "NPSReport", err)
}

// UnmarshalJSON decodes a NPSReport, null into a float as NaN. On error
// v is unchanged.
func (v *NPSReport) UnmarshalJSON(b []byte) error {
	type plain NPSReport
	if v == nil {
		return fmt.Errorf("loyalty: decoding NPSReport into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "NPSReport", err)
	}
	if err := checkAmounts("NPSReport", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = NPSReport(tmp)
	return nil
}

// MarshalJSON encodes the NPSDiff as a JSON object, NaN and ±Inf as null.
func (v NPSDiff) MarshalJSON() ([]byte, error) {
	type plain NPSDiff
	if err := checkAmounts("NPSDiff", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "NPSDiff", err)
}

// UnmarshalJSON decodes a NPSDiff, null into a float as NaN. On error
// v is unchanged.
func (v *NPSDiff) UnmarshalJSON(b []byte) error {
	type plain NPSDiff
	if v == nil {
		return fmt.Errorf("loyalty: decoding NPSDiff into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "NPSDiff", err)
	}
	if err := checkAmounts("NPSDiff", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = NPSDiff(tmp)
	return nil
}

// MarshalJSON encodes the Recovery as a JSON object, NaN and ±Inf as null.
func (v Recovery) MarshalJSON() ([]byte, error) {
	type plain Recovery
	if err := checkAmounts("Recovery", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "Recovery", err)
}

// UnmarshalJSON decodes a Recovery, null into a float as NaN. On error
// v is unchanged.
func (v *Recovery) UnmarshalJSON(b []byte) error {
	type plain Recovery
	if v == nil {
		return fmt.Errorf("loyalty: decoding Recovery into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "Recovery", err)
	}
	if err := checkAmounts("Recovery", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = Recovery(tmp)
	return nil
}

// MarshalJSON encodes the Handling as a JSON object, NaN and ±Inf as null.
func (v Handling) MarshalJSON() ([]byte, error) {
	type plain Handling
	if err := checkAmounts("Handling", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "Handling", err)
}

// UnmarshalJSON decodes a Handling, null into a float as NaN. On error
// v is unchanged.
func (v *Handling) UnmarshalJSON(b []byte) error {
	type plain Handling
	if v == nil {
		return fmt.Errorf("loyalty: decoding Handling into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "Handling", err)
	}
	if err := checkAmounts("Handling", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = Handling(tmp)
	return nil
}

// MarshalJSON encodes the RecoveryResult as a JSON object, NaN and ±Inf as null.
func (v RecoveryResult) MarshalJSON() ([]byte, error) {
	type plain RecoveryResult
	if err := checkAmounts("RecoveryResult", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "RecoveryResult", err)
}

// UnmarshalJSON decodes a RecoveryResult, null into a float as NaN. On error
// v is unchanged.
func (v *RecoveryResult) UnmarshalJSON(b []byte) error {
	type plain RecoveryResult
	if v == nil {
		return fmt.Errorf("loyalty: decoding RecoveryResult into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "RecoveryResult", err)
	}
	if err := checkAmounts("RecoveryResult", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = RecoveryResult(tmp)
	return nil
}

// MarshalJSON encodes the Escalation as a JSON object, NaN and ±Inf as null.
func (v Escalation) MarshalJSON() ([]byte, error) {
	type plain Escalation
	if err := checkAmounts("Escalation", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "Escalation", err)
}

// UnmarshalJSON decodes a Escalation, null into a float as NaN. On error
// v is unchanged.
func (v *Escalation) UnmarshalJSON(b []byte) error {
	type plain Escalation
	if v == nil {
		return fmt.Errorf("loyalty: decoding Escalation into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "Escalation", err)
	}
	if err := checkAmounts("Escalation", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = Escalation(tmp)
	return nil
}

// MarshalJSON encodes the Defection as a JSON object, NaN and ±Inf as null.
func (v Defection) MarshalJSON() ([]byte, error) {
	type plain Defection
	if err := checkAmounts("Defection", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "Defection", err)
}

// UnmarshalJSON decodes a Defection, null into a float as NaN. On error
// v is unchanged.
func (v *Defection) UnmarshalJSON(b []byte) error {
	type plain Defection
	if v == nil {
		return fmt.Errorf("loyalty: decoding Defection into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "Defection", err)
	}
	if err := checkAmounts("Defection", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = Defection(tmp)
	return nil
}

// MarshalJSON encodes the Losses as a JSON object, NaN and ±Inf as null.
func (v Losses) MarshalJSON() ([]byte, error) {
	type plain Losses
	if err := checkAmounts("Losses", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "Losses", err)
}

// UnmarshalJSON decodes a Losses, null into a float as NaN. On error
// v is unchanged.
func (v *Losses) UnmarshalJSON(b []byte) error {
	type plain Losses
	if v == nil {
		return fmt.Errorf("loyalty: decoding Losses into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "Losses", err)
	}
	if err := checkAmounts("Losses", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = Losses(tmp)
	return nil
}

// MarshalJSON encodes the UpgradeOptions as a JSON object, NaN and ±Inf as null.
func (v UpgradeOptions) MarshalJSON() ([]byte, error) {
	type plain UpgradeOptions
	if err := checkAmounts("UpgradeOptions", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "UpgradeOptions", err)
}

// UnmarshalJSON decodes a UpgradeOptions, null into a float as NaN. On error
// v is unchanged.
func (v *UpgradeOptions) UnmarshalJSON(b []byte) error {
	type plain UpgradeOptions
	if v == nil {
		return fmt.Errorf("loyalty: decoding UpgradeOptions into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "UpgradeOptions", err)
	}
	if err := checkAmounts("UpgradeOptions", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = UpgradeOptions(tmp)
	return nil
}

// MarshalJSON encodes the Upgrade as a JSON object, NaN and ±Inf as null.
func (v Upgrade) MarshalJSON() ([]byte, error) {
	type plain Upgrade
	if err := checkAmounts("Upgrade", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "Upgrade", err)
}

// UnmarshalJSON decodes a Upgrade, null into a float as NaN. On error
// v is unchanged.
func (v *Upgrade) UnmarshalJSON(b []byte) error {
	type plain Upgrade
	if v == nil {
		return fmt.Errorf("loyalty: decoding Upgrade into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "Upgrade", err)
	}
	if err := checkAmounts("Upgrade", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = Upgrade(tmp)
	return nil
}

// MarshalJSON encodes the WordOfMouth as a JSON object, NaN and ±Inf as null.
func (v WordOfMouth) MarshalJSON() ([]byte, error) {
	type plain WordOfMouth
	if err := checkAmounts("WordOfMouth", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "WordOfMouth", err)
}

// UnmarshalJSON decodes a WordOfMouth, null into a float as NaN. On error
// v is unchanged.
func (v *WordOfMouth) UnmarshalJSON(b []byte) error {
	type plain WordOfMouth
	if v == nil {
		return fmt.Errorf("loyalty: decoding WordOfMouth into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "WordOfMouth", err)
	}
	if err := checkAmounts("WordOfMouth", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = WordOfMouth(tmp)
	return nil
}

// MarshalJSON encodes the Reach as a JSON object, NaN and ±Inf as null.
func (v Reach) MarshalJSON() ([]byte, error) {
	type plain Reach
	if err := checkAmounts("Reach", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "Reach", err)
}

// UnmarshalJSON decodes a Reach, null into a float as NaN. On error
// v is unchanged.
func (v *Reach) UnmarshalJSON(b []byte) error {
	type plain Reach
	if v == nil {
		return fmt.Errorf("loyalty: decoding Reach into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "Reach", err)
	}
	if err := checkAmounts("Reach", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = Reach(tmp)
	return nil
}

// MarshalJSON encodes the TrustState as a JSON object, NaN and ±Inf as null.
func (v TrustState) MarshalJSON() ([]byte, error) {
	type plain TrustState
	if err := checkAmounts("TrustState", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "TrustState", err)
}

// UnmarshalJSON decodes a TrustState, null into a float as NaN. On error
// v is unchanged.
func (v *TrustState) UnmarshalJSON(b []byte) error {
	type plain TrustState
	if v == nil {
		return fmt.Errorf("loyalty: decoding TrustState into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "TrustState", err)
	}
	if err := checkAmounts("TrustState", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = TrustState(tmp)
	return nil
}

// MarshalJSON encodes the CrossTabReport as a JSON object, NaN and ±Inf as null.
func (v CrossTabReport) MarshalJSON() ([]byte, error) {
	type plain CrossTabReport
	if err := checkAmounts("CrossTabReport", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "CrossTabReport", err)
}

// UnmarshalJSON decodes a CrossTabReport, null into a float as NaN. On error
// v is unchanged.
func (v *CrossTabReport) UnmarshalJSON(b []byte) error {
	type plain CrossTabReport
	if v == nil {
		return fmt.Errorf("loyalty: decoding CrossTabReport into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "CrossTabReport", err)
	}
	if err := checkAmounts("CrossTabReport", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = CrossTabReport(tmp)
	return nil
}

// MarshalJSON encodes the AfterSales as a JSON object, its amounts as quoted
// decimals. Amounts whose exponent exceeds [MaxAmountExponent] are errors.
func (v AfterSales) MarshalJSON() ([]byte, error) {
	type plain AfterSales
	if err := checkAmounts("AfterSales", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "AfterSales", err)
}

// UnmarshalJSON decodes a AfterSales. On error v is unchanged.
func (v *AfterSales) UnmarshalJSON(b []byte) error {
	type plain AfterSales
	if v == nil {
		return fmt.Errorf("loyalty: decoding AfterSales into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "AfterSales", err)
	}
	if err := checkAmounts("AfterSales", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = AfterSales(tmp)
	return nil
}

// MarshalJSON encodes the YearProfit as a JSON object, its amounts as quoted
// decimals. Amounts whose exponent exceeds [MaxAmountExponent] are errors.
func (v YearProfit) MarshalJSON() ([]byte, error) {
	type plain YearProfit
	if err := checkAmounts("YearProfit", reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	b, err := nanjson.Marshal(plain(v))
	return b, jsonError("encoding", "YearProfit", err)
}

// UnmarshalJSON decodes a YearProfit. On error v is unchanged.
func (v *YearProfit) UnmarshalJSON(b []byte) error {
	type plain YearProfit
	if v == nil {
		return fmt.Errorf("loyalty: decoding YearProfit into a nil pointer: %w", ErrInvalid)
	}
	tmp := plain(*v)
	if err := nanjson.Unmarshal(b, &tmp); err != nil {
		return jsonError("decoding", "YearProfit", err)
	}
	if err := checkAmounts("YearProfit", reflect.ValueOf(tmp)); err != nil {
		return err
	}
	*v = YearProfit(tmp)
	return nil
}
