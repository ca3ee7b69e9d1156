package main

// This file is the one place where the pipeline's accumulators become
// bytes. A runner codes a CombineFn's accumulator whenever it moves a
// partial result between bundles or workers (after the lifted, per-bundle
// combine and before MergeAccumulators), so the coder must carry the
// whole state exactly.

import (
	"encoding"
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
// followed by the accumulator's binary form (servqual's
// Accumulator.MarshalBinary: versioned, checksummed, about 5 kB for
// SERVQUAL with perception, expectation and importance).
func encodeServqualAcc(a servqualAcc) ([]byte, error) {
	in := a.A.Instrument()
	if in == nil {
		return nil, fmt.Errorf("encode servqual accumulator: no instrument: %w", errCodec)
	}
	m, ok := any(a.A).(encoding.BinaryMarshaler)
	if !ok {
		return nil, fmt.Errorf("encode servqual accumulator: servqual.Accumulator has no binary form: %w", errCodec)
	}
	state, err := m.MarshalBinary()
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
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return servqualAcc{}, fmt.Errorf("decode servqual accumulator: truncated instrument name: %w", errCodec)
	}
	name := string(b[k : k+int(n)])
	mk, ok := instruments[name]
	if !ok {
		return servqualAcc{}, fmt.Errorf("decode servqual accumulator: unknown instrument %q: %w", name, errCodec)
	}
	a := servqual.NewAccumulator(mk())
	u, ok := any(a).(encoding.BinaryUnmarshaler)
	if !ok {
		return servqualAcc{}, fmt.Errorf("decode servqual accumulator: servqual.Accumulator has no binary form: %w", errCodec)
	}
	if err := u.UnmarshalBinary(b[k+int(n):]); err != nil {
		return servqualAcc{}, fmt.Errorf("decode servqual accumulator: %w", err)
	}
	countDecode()
	return servqualAcc{A: a}, nil
}

// encodeFeedbackAcc writes the two tallies. Where a tally has a binary
// form (encoding.BinaryMarshaler) it is used, each part prefixed by its
// uvarint length; otherwise the tally is written as its counts (11 NPS
// scores, then the 5 CSAT levels, each a varint), which is its whole
// state, so the round trip is exact either way. The first byte says
// which layout follows.
func encodeFeedbackAcc(a feedbackAcc) ([]byte, error) {
	mn, ok1 := any(a.NPS).(encoding.BinaryMarshaler)
	mc, ok2 := any(a.CSAT).(encoding.BinaryMarshaler)
	if ok1 && ok2 {
		bn, err := mn.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("encode NPS tally: %w", err)
		}
		bc, err := mc.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("encode CSAT tally: %w", err)
		}
		b := []byte{layoutBinary}
		b = binary.AppendUvarint(b, uint64(len(bn)))
		b = append(b, bn...)
		b = binary.AppendUvarint(b, uint64(len(bc)))
		return append(b, bc...), nil
	}
	b := []byte{layoutCounts}
	for s := 0; s <= 10; s++ {
		b = binary.AppendVarint(b, a.NPS.Count(s))
	}
	for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
		b = binary.AppendVarint(b, a.CSAT.Count(l))
	}
	return b, nil
}

const (
	layoutCounts byte = 1 // the tallies' counts as varints
	layoutBinary byte = 2 // the tallies' own binary forms
)

// decodeFeedbackAcc reverses encodeFeedbackAcc.
func decodeFeedbackAcc(b []byte) (feedbackAcc, error) {
	a := newFeedbackAcc()
	if len(b) == 0 {
		return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: empty buffer: %w", errCodec)
	}
	layout, b := b[0], b[1:]
	switch layout {
	case layoutBinary:
		un, ok1 := any(a.NPS).(encoding.BinaryUnmarshaler)
		uc, ok2 := any(a.CSAT).(encoding.BinaryUnmarshaler)
		if !ok1 || !ok2 {
			return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: the tallies have no binary form: %w", errCodec)
		}
		for _, u := range []encoding.BinaryUnmarshaler{un, uc} {
			n, k := binary.Uvarint(b)
			if k <= 0 || n > uint64(len(b)-k) {
				return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: truncated: %w", errCodec)
			}
			if err := u.UnmarshalBinary(b[k : k+int(n)]); err != nil {
				return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: %w", err)
			}
			b = b[k+int(n):]
		}
	case layoutCounts:
		for s := 0; s <= 10; s++ {
			n, k := binary.Varint(b)
			if k <= 0 {
				return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: truncated NPS counts: %w", errCodec)
			}
			if err := a.NPS.AddN(s, n); err != nil {
				return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: %w", err)
			}
			b = b[k:]
		}
		for l := ep.VeryDissatisfied; l <= ep.Delighted; l++ {
			n, k := binary.Varint(b)
			if k <= 0 {
				return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: truncated CSAT counts: %w", errCodec)
			}
			if err := a.CSAT.AddN(l, n); err != nil {
				return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: %w", err)
			}
			b = b[k:]
		}
	default:
		return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: unknown layout %d: %w", layout, errCodec)
	}
	if len(b) != 0 {
		return feedbackAcc{}, fmt.Errorf("decode feedback accumulator: %d trailing bytes: %w", len(b), errCodec)
	}
	countDecode()
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

// decodes counts the accumulators decoded in this process; the tests
// read it to check that partial results really travelled through the
// coder.
var decodes atomic.Int64

func countDecode() { decodes.Add(1) }

// merges counts the MergeAccumulators calls in this process, for the
// same purpose.
var merges atomic.Int64
