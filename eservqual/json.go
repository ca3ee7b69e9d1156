package eservqual

import (
	"bytes"

	"github.com/cxlab/satisfaction/internal/nanjson"
	"github.com/cxlab/satisfaction/servqual"
)

// marshalWithReport encodes the fields of extra followed by those of rep
// as one JSON object, with NaN and ±Inf as null. A report type that embeds
// servqual.Report uses it: the embedded report's own MarshalJSON, if it
// has one, would otherwise be promoted and drop the outer fields.
func marshalWithReport(rep servqual.Report, extra any) ([]byte, error) {
	rb, err := nanjson.Marshal(rep)
	if err != nil {
		return nil, errorf("encoding report: %w", err)
	}
	eb, err := nanjson.Marshal(extra)
	if err != nil {
		return nil, errorf("encoding report: %w", err)
	}
	rb, eb = bytes.TrimSpace(rb), bytes.TrimSpace(eb)
	if !isObject(rb) || !isObject(eb) {
		return nil, errorf("encoding report: not a JSON object: %w", ErrInvalid)
	}
	if bytes.Equal(rb, []byte("{}")) {
		return eb, nil
	}
	out := make([]byte, 0, len(eb)+len(rb))
	out = append(out, eb[:len(eb)-1]...)
	if len(eb) > 2 {
		out = append(out, ',')
	}
	return append(out, rb[1:]...), nil
}

func isObject(b []byte) bool { return len(b) >= 2 && b[0] == '{' && b[len(b)-1] == '}' }

// unmarshalWithReport decodes one JSON object into rep and extra (each
// ignores the other's keys); null decodes as NaN.
func unmarshalWithReport(b []byte, rep *servqual.Report, extra any) error {
	if err := nanjson.Unmarshal(b, rep); err != nil {
		return errorf("decoding report: %w", err)
	}
	if err := nanjson.Unmarshal(b, extra); err != nil {
		return errorf("decoding report: %w", err)
	}
	return nil
}
