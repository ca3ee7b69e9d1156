package servqual

import (
	"strings"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// JSON: every exported type that holds a float64 encodes NaN and ±Inf as
// null and decodes null as NaN, so that a statistic the data leave
// undefined survives a round trip (a missing answer in a Response, the SD
// of one value in a Stat). The types below get the methods; the report
// types that only contain them — Report, ItemReport, DimensionReport,
// OutcomeReport and Measures — deliberately have none, so that they
// encode with encoding/json as they are and stay safe to embed in other
// structs (a promoted MarshalJSON would replace the embedding struct's
// own encoding).
//
// Errors of the methods start with "servqual: " and wrap [ErrArgument]
// (the document is the argument), except that an error of a nested value's
// own method, already in that form, is returned as it is.

// jsonError gives an encoding or decoding error of a value of type typ
// the package's form.
func jsonError(op, typ string, err error) error {
	if err == nil || strings.HasPrefix(err.Error(), "servqual: ") {
		return err
	}
	return errorf("%s %s: %v: %w", op, typ, err, ErrArgument)
}

// MarshalJSON encodes the Scale with NaN and ±Inf as null.
func (s Scale) MarshalJSON() ([]byte, error) {
	type plain Scale
	b, err := nanjson.Marshal(plain(s))
	return b, jsonError("encoding", "Scale", err)
}

// UnmarshalJSON decodes a Scale, null as NaN.
func (s *Scale) UnmarshalJSON(b []byte) error {
	type plain Scale
	return jsonError("decoding", "Scale", nanjson.Unmarshal(b, (*plain)(s)))
}

// MarshalJSON encodes the Stat with NaN and ±Inf as null.
func (s Stat) MarshalJSON() ([]byte, error) {
	type plain Stat
	b, err := nanjson.Marshal(plain(s))
	return b, jsonError("encoding", "Stat", err)
}

// UnmarshalJSON decodes a Stat, null as NaN.
func (s *Stat) UnmarshalJSON(b []byte) error {
	type plain Stat
	return jsonError("decoding", "Stat", nanjson.Unmarshal(b, (*plain)(s)))
}

// MarshalJSON encodes the Priority with NaN and ±Inf as null.
func (p Priority) MarshalJSON() ([]byte, error) {
	type plain Priority
	b, err := nanjson.Marshal(plain(p))
	return b, jsonError("encoding", "Priority", err)
}

// UnmarshalJSON decodes a Priority, null as NaN.
func (p *Priority) UnmarshalJSON(b []byte) error {
	type plain Priority
	return jsonError("decoding", "Priority", nanjson.Unmarshal(b, (*plain)(p)))
}

// MarshalJSON encodes the Reliability with NaN and ±Inf as null.
func (r Reliability) MarshalJSON() ([]byte, error) {
	type plain Reliability
	b, err := nanjson.Marshal(plain(r))
	return b, jsonError("encoding", "Reliability", err)
}

// UnmarshalJSON decodes a Reliability, null as NaN.
func (r *Reliability) UnmarshalJSON(b []byte) error {
	type plain Reliability
	return jsonError("decoding", "Reliability", nanjson.Unmarshal(b, (*plain)(r)))
}

// MarshalJSON encodes the ItemReliability with NaN and ±Inf as null.
func (x ItemReliability) MarshalJSON() ([]byte, error) {
	type plain ItemReliability
	b, err := nanjson.Marshal(plain(x))
	return b, jsonError("encoding", "ItemReliability", err)
}

// UnmarshalJSON decodes an ItemReliability, null as NaN.
func (x *ItemReliability) UnmarshalJSON(b []byte) error {
	type plain ItemReliability
	return jsonError("decoding", "ItemReliability", nanjson.Unmarshal(b, (*plain)(x)))
}

// MarshalJSON encodes the Drivers with NaN and ±Inf as null.
func (d Drivers) MarshalJSON() ([]byte, error) {
	type plain Drivers
	b, err := nanjson.Marshal(plain(d))
	return b, jsonError("encoding", "Drivers", err)
}

// UnmarshalJSON decodes a Drivers, null as NaN.
func (d *Drivers) UnmarshalJSON(b []byte) error {
	type plain Drivers
	return jsonError("decoding", "Drivers", nanjson.Unmarshal(b, (*plain)(d)))
}

// MarshalJSON encodes the Difference with NaN and ±Inf as null.
func (d Difference) MarshalJSON() ([]byte, error) {
	type plain Difference
	b, err := nanjson.Marshal(plain(d))
	return b, jsonError("encoding", "Difference", err)
}

// UnmarshalJSON decodes a Difference, null as NaN.
func (d *Difference) UnmarshalJSON(b []byte) error {
	type plain Difference
	return jsonError("decoding", "Difference", nanjson.Unmarshal(b, (*plain)(d)))
}

// MarshalJSON encodes the ItemScore with NaN and ±Inf as null.
func (x ItemScore) MarshalJSON() ([]byte, error) {
	type plain ItemScore
	b, err := nanjson.Marshal(plain(x))
	return b, jsonError("encoding", "ItemScore", err)
}

// UnmarshalJSON decodes an ItemScore, null as NaN.
func (x *ItemScore) UnmarshalJSON(b []byte) error {
	type plain ItemScore
	return jsonError("decoding", "ItemScore", nanjson.Unmarshal(b, (*plain)(x)))
}

// MarshalJSON encodes the DimensionScore with NaN and ±Inf as null.
func (d DimensionScore) MarshalJSON() ([]byte, error) {
	type plain DimensionScore
	b, err := nanjson.Marshal(plain(d))
	return b, jsonError("encoding", "DimensionScore", err)
}

// UnmarshalJSON decodes a DimensionScore, null as NaN.
func (d *DimensionScore) UnmarshalJSON(b []byte) error {
	type plain DimensionScore
	return jsonError("decoding", "DimensionScore", nanjson.Unmarshal(b, (*plain)(d)))
}

// MarshalJSON encodes the Score with NaN and ±Inf as null.
func (s Score) MarshalJSON() ([]byte, error) {
	type plain Score
	b, err := nanjson.Marshal(plain(s))
	return b, jsonError("encoding", "Score", err)
}

// UnmarshalJSON decodes a Score, null as NaN.
func (s *Score) UnmarshalJSON(b []byte) error {
	type plain Score
	return jsonError("decoding", "Score", nanjson.Unmarshal(b, (*plain)(s)))
}

// MarshalJSON encodes the Crosshair with NaN and ±Inf as null.
func (c Crosshair) MarshalJSON() ([]byte, error) {
	type plain Crosshair
	b, err := nanjson.Marshal(plain(c))
	return b, jsonError("encoding", "Crosshair", err)
}

// UnmarshalJSON decodes a Crosshair, null as NaN.
func (c *Crosshair) UnmarshalJSON(b []byte) error {
	type plain Crosshair
	return jsonError("decoding", "Crosshair", nanjson.Unmarshal(b, (*plain)(c)))
}

// MarshalJSON encodes the IPAOptions with NaN and ±Inf as null.
func (x IPAOptions) MarshalJSON() ([]byte, error) {
	type plain IPAOptions
	b, err := nanjson.Marshal(plain(x))
	return b, jsonError("encoding", "IPAOptions", err)
}

// UnmarshalJSON decodes an IPAOptions, null as NaN.
func (x *IPAOptions) UnmarshalJSON(b []byte) error {
	type plain IPAOptions
	return jsonError("decoding", "IPAOptions", nanjson.Unmarshal(b, (*plain)(x)))
}

// MarshalJSON encodes the IPAPoint with NaN and ±Inf as null.
func (x IPAPoint) MarshalJSON() ([]byte, error) {
	type plain IPAPoint
	b, err := nanjson.Marshal(plain(x))
	return b, jsonError("encoding", "IPAPoint", err)
}

// UnmarshalJSON decodes an IPAPoint, null as NaN.
func (x *IPAPoint) UnmarshalJSON(b []byte) error {
	type plain IPAPoint
	return jsonError("decoding", "IPAPoint", nanjson.Unmarshal(b, (*plain)(x)))
}

// MarshalJSON encodes the Response with NaN and ±Inf as null.
func (r Response) MarshalJSON() ([]byte, error) {
	type plain Response
	b, err := nanjson.Marshal(plain(r))
	return b, jsonError("encoding", "Response", err)
}

// UnmarshalJSON decodes a Response, null as NaN.
func (r *Response) UnmarshalJSON(b []byte) error {
	type plain Response
	return jsonError("decoding", "Response", nanjson.Unmarshal(b, (*plain)(r)))
}
