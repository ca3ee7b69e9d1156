package eservqual

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cxlab/satisfaction/internal/binstate"
	"github.com/cxlab/satisfaction/servqual"
)

// ErrFormat marks a binary state that cannot be decoded: a corrupted,
// truncated or over-long buffer, the state of another type, a layout
// version newer than this library reads, or counts and statistics no
// sample could hold. Errors about the accumulator inside a
// [RecoverySample] wrap [servqual.ErrFormat] too.
var ErrFormat = errors.New("malformed binary state")

const (
	recoveryMagic   = "ESRS"
	recoveryVersion = 1
)

// MarshalBinary returns the sample's state in a compact, versioned binary
// form, for sending a shard to another process or machine and merging it
// there. Layout (version 1, little-endian):
//
//	magic          "ESRS"
//	version        uint16  1
//	identity       uint64  the instrument's [servqual.Instrument.Identity]
//	not applicable int64   customers without a non-routine encounter
//	length         int64   the size of what follows
//	accumulator    …       the sample's [servqual.Accumulator.MarshalBinary]
//	crc32          uint32  CRC-32C (Castagnoli) of all the bytes before it
//
// An E-RecS-QUAL sample of perceptions (the instrument's only measure)
// takes 1,051 bytes, whatever its number of customers. A nil or zero-value sample encodes as an empty E-RecS-QUAL
// sample.
func (s *RecoverySample) MarshalBinary() ([]byte, error) {
	acc := servqual.NewAccumulator(ERecSQUAL())
	var na int64
	if s != nil {
		if s.acc != nil {
			acc = s.acc
		}
		na = s.notApplicable
	}
	inner, err := acc.MarshalBinary()
	if err != nil {
		return nil, fromServqual(err, "RecoverySample.MarshalBinary")
	}
	w := binstate.NewWriter(recoveryMagic, recoveryVersion, acc.Instrument().Identity(), 16+len(inner))
	w.Int64(na)
	w.Bytes(inner)
	return w.Finish(), nil
}

// UnmarshalBinary replaces s's state by the one data encodes (see
// [RecoverySample.MarshalBinary]). s must be of the same instrument as
// the encoded sample: a zero-value s is an E-RecS-QUAL sample, another
// instrument's takes [NewRecoverySample]. Data of another type, of a
// newer version, truncated, corrupted, with trailing bytes or with
// impossible counts returns an error wrapping [ErrFormat]; a sample of
// another instrument an error wrapping [ErrInstrument]; a nil s an error
// wrapping [ErrInvalid]. On error s is unchanged.
func (s *RecoverySample) UnmarshalBinary(data []byte) error {
	if s == nil {
		return errorf("RecoverySample.UnmarshalBinary into a nil *RecoverySample: %w", ErrInvalid)
	}
	in := ERecSQUAL()
	if s.acc != nil {
		in = s.acc.Instrument()
	}
	const ctx = "RecoverySample.UnmarshalBinary"
	r, err := binstate.NewReader(data, recoveryMagic, recoveryVersion)
	if err != nil {
		return errorf("%s: %v: %w", ctx, err, ErrFormat)
	}
	if err := r.CheckIdentity(in.Identity()); err != nil {
		return errorf("%s: sample of another instrument than %q (%v): %w", ctx, in.Name(), err, ErrInstrument)
	}
	na := r.Int64()
	if r.Err() == nil && na < 0 {
		r.Fail(fmt.Errorf("negative count %d of customers without an encounter", na))
	}
	inner := r.Bytes()
	if err := r.Close(); err != nil {
		return errorf("%s: %v: %w", ctx, err, ErrFormat)
	}
	acc := s.acc
	if acc == nil {
		acc = servqual.NewAccumulator(in)
	}
	// acc changes only if the whole state decodes.
	if err := acc.UnmarshalBinary(inner); err != nil {
		if errors.Is(err, servqual.ErrFormat) || errors.Is(err, servqual.ErrInstrument) {
			// The frame's identity matched, so the inner state is
			// inconsistent with it: malformed either way.
			msg := "eservqual: " + ctx + ": accumulator: " + strings.TrimPrefix(err.Error(), "servqual: ")
			return &wrapError{msg: msg, errs: []error{ErrFormat, err}}
		}
		return fromServqual(err, ctx)
	}
	s.acc, s.notApplicable = acc, na
	return nil
}
