package main

// This file is the one place where the pipeline's accumulators become
// bytes. A runner codes a CombineFn's accumulator whenever it moves a
// partial result between bundles or workers (after the lifted, per-bundle
// combine and before MergeAccumulators), so the coder must carry the
// whole state exactly. Both coders use the library's binary forms
// (encoding.BinaryMarshaler), which are versioned, checksummed and carry
// the identity of their instrument or type: a corrupted buffer or state
// of another instrument fails the bundle instead of merging wrongly.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"sync/atomic"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/cxlab/satisfaction/servqual"
)

func init() {
	beam.RegisterCoder(reflect.TypeOf(servqualAcc{}), encodeServqualAcc, decodeServqualAcc)
	beam.RegisterCoder(reflect.TypeOf(feedbackAcc{}), encodeFeedbackAcc, decodeFeedbackAcc)
}

// errCodec marks an accumulator that cannot be coded or decoded.
var errCodec = errors.New("accumulator coding failed")

// instruments are the instruments a coded servqualAcc may name. A coded
// accumulator starts with its instrument's name so that any worker can
// rebuild an accumulator of that instrument before decoding the state;
// the state itself carries the instrument's identity
// (servqual.Instrument.Identity), which servqual checks.
var instruments = map[string]func() *servqual.Instrument{
	servqual.SERVQUAL().Name():     servqual.SERVQUAL,
	servqual.SERVQUAL1988().Name(): servqual.SERVQUAL1988,
}

// encodeServqualAcc writes the instrument's name (uvarint length, bytes)
// followed by the accumulator's binary form
// (servqual.Accumulator.MarshalBinary: 5,049 bytes for SERVQUAL fed
// perception, expectation and importance points, whatever the number of
// responses).
func encodeServqualAcc(a servqualAcc) ([]byte, error) {
	in := a.A.Instrument()
	if in == nil {
		return nil, fmt.Errorf("encode servqual accumulator: no instrument: %w", errCodec)
	}
	state, err := a.A.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("encode servqual accumulator: %w", err)
	}
	name := in.Name()
	b := binary.AppendUvarint(make([]byte, 0, len(name)+len(state)+2), uint64(len(name)))
	b = append(b, name...)
	return append(b, state...), nil
}

// decodeServqualAcc reverses encodeServqualAcc. A name it does not know,
// a truncated buffer or a state servqual rejects (corrupted, of another
// instrument, of a newer version) is an error, which fails the bundle.
func decodeServqualAcc(b []byte) (servqualAcc, error) {
	name, state, err := cutPrefixed(b)
	if err != nil {
		return servqualAcc{}, fmt.Errorf("decode servqual accumulator: instrument name: %w", err)
	}
	mk, ok := instruments[string(name)]
	if !ok {
		return servqualAcc{}, fmt.Errorf("decode servqual accumulator: unknown instrument %q: %w", name, errCodec)
	}
	a, err := servqual.DecodeAccumulator(mk(), state)
	if err != nil {
		return servqualAcc{}, fmt.Errorf("decode servqual accumulator: %w", err)
	}
	decodes.Add(1)
	return servqualAcc{A: a}, nil
}

// cutPrefixed splits b into a part prefixed by its uvarint length and
// the rest.
func cutPrefixed(b []byte) (part, rest []byte, err error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return nil, nil, fmt.Errorf("truncated: %w", errCodec)
	}
	return b[k : k+int(n)], b[k+int(n):], nil
}

// encodeFeedbackAcc writes the NPS tally's binary form prefixed by its
// uvarint length, then the CSAT tally's (loyalty.NPSTally and ep.Tally
// MarshalBinary).
func encodeFeedbackAcc(a feedbackAcc) ([]byte, error) {
	bn, err := a.NPS.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("encode NPS tally: %w", err)
	}
	bc, err := a.CSAT.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("encode CSAT tally: %w", err)
	}
	b := binary.AppendUvarint(make([]byte, 0, len(bn)+len(bc)+1), uint64(len(bn)))
	b = append(b, bn...)
	return append(b, bc...), nil
}

// decodeFeedbackAcc reverses encodeFeedbackAcc.
func decodeFeedbackAcc(b []byte) (feedbackAcc, error) {
	a := newFeedbackAcc()
	bn, bc, err := cutPrefixed(b)
	if err != nil {
		return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: NPS tally: %w", err)
	}
	if err := a.NPS.UnmarshalBinary(bn); err != nil {
		return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: %w", err)
	}
	if err := a.CSAT.UnmarshalBinary(bc); err != nil {
		return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: %w", err)
	}
	decodes.Add(1)
	return a, nil
}

// feedbackAcc is the accumulator of the feedback job: one NPS tally and
// one CSAT tally (pointers, so that AddInput and MergeAccumulators update
// them in place).
type feedbackAcc struct {
	NPS  *loyalty.NPSTally
	CSAT *ep.Tally
}

func newFeedbackAcc() feedbackAcc {
	return feedbackAcc{NPS: new(loyalty.NPSTally), CSAT: new(ep.Tally)}
}

// decodes and merges count, in this process, the accumulators decoded
// and the MergeAccumulators calls; the tests read them to check that
// partial results really travelled through the coder and were merged.
var decodes, merges atomic.Int64
