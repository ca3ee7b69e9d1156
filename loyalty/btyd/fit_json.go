package btyd

import "github.com/cxlab/satisfaction/internal/nanjson"

// JSON: every result type of the package encodes NaN and ±Inf as null and
// decodes null back into a float as NaN (through internal/nanjson), so a
// fit's undefined standard errors survive a round trip. Decimal amounts
// encode as quoted strings (shopspring/decimal's default), times as
// RFC 3339.

// MarshalJSON encodes s with NaN as null.
func (s Summary) MarshalJSON() ([]byte, error) { type plain Summary; return nanjson.Marshal(plain(s)) }

// UnmarshalJSON decodes s, null as NaN.
func (s *Summary) UnmarshalJSON(b []byte) error {
	type plain Summary
	return nanjson.Unmarshal(b, (*plain)(s))
}

// MarshalJSON encodes h with NaN as null.
func (h Holdout) MarshalJSON() ([]byte, error) { type plain Holdout; return nanjson.Marshal(plain(h)) }

// UnmarshalJSON decodes h, null as NaN.
func (h *Holdout) UnmarshalJSON(b []byte) error {
	type plain Holdout
	return nanjson.Unmarshal(b, (*plain)(h))
}

// MarshalJSON encodes t (its amount as a quoted decimal string).
func (t Transaction) MarshalJSON() ([]byte, error) {
	type plain Transaction
	return nanjson.Marshal(plain(t))
}

// UnmarshalJSON decodes t.
func (t *Transaction) UnmarshalJSON(b []byte) error {
	type plain Transaction
	return nanjson.Unmarshal(b, (*plain)(t))
}

// MarshalJSON encodes f with NaN (an undefined standard error) as null.
func (f FitInfo) MarshalJSON() ([]byte, error) { type plain FitInfo; return nanjson.Marshal(plain(f)) }

// UnmarshalJSON decodes f, null as NaN.
func (f *FitInfo) UnmarshalJSON(b []byte) error {
	type plain FitInfo
	return nanjson.Unmarshal(b, (*plain)(f))
}

// MarshalJSON encodes f as one object holding the model's parameters and
// the fields of its FitInfo, NaN as null.
func (f SBGFit) MarshalJSON() ([]byte, error) { type plain SBGFit; return nanjson.Marshal(plain(f)) }

// UnmarshalJSON decodes f, null as NaN.
func (f *SBGFit) UnmarshalJSON(b []byte) error {
	type plain SBGFit
	return nanjson.Unmarshal(b, (*plain)(f))
}

// MarshalJSON encodes f as one object holding the model's parameters and
// the fields of its FitInfo, NaN as null.
func (f BGNBDFit) MarshalJSON() ([]byte, error) {
	type plain BGNBDFit
	return nanjson.Marshal(plain(f))
}

// UnmarshalJSON decodes f, null as NaN.
func (f *BGNBDFit) UnmarshalJSON(b []byte) error {
	type plain BGNBDFit
	return nanjson.Unmarshal(b, (*plain)(f))
}

// MarshalJSON encodes f as one object holding the model's parameters and
// the fields of its FitInfo, NaN as null.
func (f GammaGammaFit) MarshalJSON() ([]byte, error) {
	type plain GammaGammaFit
	return nanjson.Marshal(plain(f))
}

// UnmarshalJSON decodes f, null as NaN.
func (f *GammaGammaFit) UnmarshalJSON(b []byte) error {
	type plain GammaGammaFit
	return nanjson.Unmarshal(b, (*plain)(f))
}

// MarshalJSON encodes m with NaN as null.
func (m SBG) MarshalJSON() ([]byte, error) { type plain SBG; return nanjson.Marshal(plain(m)) }

// UnmarshalJSON decodes m, null as NaN.
func (m *SBG) UnmarshalJSON(b []byte) error { type plain SBG; return nanjson.Unmarshal(b, (*plain)(m)) }

// MarshalJSON encodes m with NaN as null.
func (m BGNBD) MarshalJSON() ([]byte, error) { type plain BGNBD; return nanjson.Marshal(plain(m)) }

// UnmarshalJSON decodes m, null as NaN.
func (m *BGNBD) UnmarshalJSON(b []byte) error {
	type plain BGNBD
	return nanjson.Unmarshal(b, (*plain)(m))
}

// MarshalJSON encodes g with NaN as null.
func (g GammaGamma) MarshalJSON() ([]byte, error) {
	type plain GammaGamma
	return nanjson.Marshal(plain(g))
}

// UnmarshalJSON decodes g, null as NaN.
func (g *GammaGamma) UnmarshalJSON(b []byte) error {
	type plain GammaGamma
	return nanjson.Unmarshal(b, (*plain)(g))
}

// MarshalJSON encodes in with NaN and ±Inf as null.
func (in ValueInput) MarshalJSON() ([]byte, error) {
	type plain ValueInput
	return nanjson.Marshal(plain(in))
}

// UnmarshalJSON decodes in, null as NaN.
func (in *ValueInput) UnmarshalJSON(b []byte) error {
	type plain ValueInput
	return nanjson.Unmarshal(b, (*plain)(in))
}
