package pls

import "github.com/cxlab/satisfaction/internal/nanjson"

func marshal(v any) ([]byte, error) { return nanjson.Marshal(v) }

func unmarshal(b []byte, v any) error { return nanjson.Unmarshal(b, v) }

// MarshalJSON encodes NaN and ±Inf as null.
func (s Scale) MarshalJSON() ([]byte, error) { type plain Scale; return marshal(plain(s)) }

// UnmarshalJSON decodes null as NaN.
func (s *Scale) UnmarshalJSON(b []byte) error { type plain Scale; return unmarshal(b, (*plain)(s)) }

// MarshalJSON encodes NaN and ±Inf as null.
func (o Options) MarshalJSON() ([]byte, error) { type plain Options; return marshal(plain(o)) }

// UnmarshalJSON decodes null as NaN.
func (o *Options) UnmarshalJSON(b []byte) error { type plain Options; return unmarshal(b, (*plain)(o)) }
