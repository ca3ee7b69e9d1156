package pls

import "github.com/cxlab/satisfaction/internal/nanjson"

func marshal(v any) ([]byte, error) { return nanjson.Marshal(v) }

func unmarshal(b []byte, v any) error { return nanjson.Unmarshal(b, v) }
