package servqual

import "encoding/json"

// marshalWith encodes v as a JSON object and then sets the given fields,
// which v hides (json:"-") because they may be NaN; nil encodes as null.
func marshalWith(v any, fields map[string]*float64) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return nil, err
	}
	for k, f := range fields {
		raw, err := json.Marshal(f)
		if err != nil {
			return nil, err
		}
		obj[k] = raw
	}
	return json.Marshal(obj)
}
