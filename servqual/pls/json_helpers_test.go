package pls_test

import "encoding/json"

// The result types implement json.Marshaler through internal/nanjson, so
// encoding/json exercises the path a service would use.
func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
