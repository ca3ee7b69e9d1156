package ep

import (
	"errors"
	"strconv"

	"github.com/cxlab/satisfaction/internal/binstate"
)

// ErrFormat marks a binary state that cannot be decoded: a corrupted,
// truncated or over-long buffer, the state of another type, a layout
// version newer than this library reads, or counts no tally could hold (a
// negative count, a total above math.MaxInt64).
var ErrFormat = errors.New("malformed binary state")

// Identities of the tallies' binary form, shared by [Tally], [EffortTally] and
// [KanoTally] (version 1; integers little-endian):
//
//	magic     4 bytes   "EPTL" (Tally), "EPEF" (EffortTally), "EPKN" (KanoTally)
//	version   uint16    1
//	identity  uint64    FNV-1a hash of the type and its cells' tokens
//	k         int64     number of cells: 5, 7 or 6
//	counts    k × int64 in cell order (levels VeryDissatisfied … Delighted;
//	                    ease 1 … 7; categories Attractive … Questionable)
//	crc32     uint32    CRC-32C (Castagnoli) of all the bytes before it
//
// so a Tally encodes in 66 bytes, an EffortTally in 82 and a KanoTally in
// 74, whatever their counts.
var (
	tallyID  = binstate.CountsIdentity("ep.Tally", tokens(NumLevels, func(i int) ([]byte, error) { return Level(i + 1).MarshalText() })...)
	effortID = binstate.CountsIdentity("ep.EffortTally", tokens(EffortScale, func(i int) ([]byte, error) { return []byte(strconv.Itoa(i + 1)), nil })...)
	kanoID   = binstate.CountsIdentity("ep.KanoTally", tokens(NumCategories, func(i int) ([]byte, error) { return Category(i + 1).MarshalText() })...)
)

func tokens(n int, f func(int) ([]byte, error)) []string {
	s := make([]string, n)
	for i := range s {
		b, _ := f(i)
		s[i] = string(b)
	}
	return s
}

func unmarshalCounts(name, magic string, id uint64, data []byte, dst []int64) error {
	if err := binstate.ReadCounts(data, magic, id, dst); err != nil {
		return errorf("%s.UnmarshalBinary: %v: %w", name, err, ErrFormat)
	}
	return nil
}

// MarshalBinary returns the tally's counts in the binary form that
// [Tally.UnmarshalBinary] reads and documents, for sending a shard to
// another process or machine and merging it there. A nil *Tally encodes
// as an empty one.
func (t *Tally) MarshalBinary() ([]byte, error) {
	var c [NumLevels]int64
	if t != nil {
		c = t.counts
	}
	return binstate.AppendCounts("EPTL", tallyID, c[:]), nil
}

// UnmarshalBinary replaces t's counts by those data encodes. The form
// (66 bytes) is magic "EPTL", version 1 (uint16), an identity (uint64),
// the number of cells 5 and the five counts from VeryDissatisfied to
// Delighted (int64), and a CRC-32C checksum (uint32), all little-endian.
// Data of another type, of a newer version, truncated, corrupted, with
// trailing bytes or with a negative count or a total above math.MaxInt64
// returns an error wrapping [ErrFormat], a nil t one wrapping
// [ErrInvalid]; on error t is unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error {
	if t == nil {
		return errorf("Tally.UnmarshalBinary into a nil *Tally: %w", ErrInvalid)
	}
	return unmarshalCounts("Tally", "EPTL", tallyID, data, t.counts[:])
}

// MarshalBinary returns the tally's counts in binary form (see
// [EffortTally.UnmarshalBinary]). A nil *EffortTally encodes as an empty
// one.
func (t *EffortTally) MarshalBinary() ([]byte, error) {
	var c [EffortScale]int64
	if t != nil {
		c = t.counts
	}
	return binstate.AppendCounts("EPEF", effortID, c[:]), nil
}

// UnmarshalBinary replaces t's counts by those data encodes. The form
// (82 bytes) is magic "EPEF", version 1 (uint16), an identity (uint64),
// the number of cells 7 and the counts of ease 1 to 7 (int64), and a
// CRC-32C checksum (uint32), all little-endian. Errors are as for
// [Tally.UnmarshalBinary]; on error t is unchanged.
func (t *EffortTally) UnmarshalBinary(data []byte) error {
	if t == nil {
		return errorf("EffortTally.UnmarshalBinary into a nil *EffortTally: %w", ErrInvalid)
	}
	return unmarshalCounts("EffortTally", "EPEF", effortID, data, t.counts[:])
}

// MarshalBinary returns the tally's counts in binary form (see
// [KanoTally.UnmarshalBinary]). A nil *KanoTally encodes as an empty one.
func (t *KanoTally) MarshalBinary() ([]byte, error) {
	var c [NumCategories]int64
	if t != nil {
		c = t.counts
	}
	return binstate.AppendCounts("EPKN", kanoID, c[:]), nil
}

// UnmarshalBinary replaces t's counts by those data encodes. The form
// (74 bytes) is magic "EPKN", version 1 (uint16), an identity (uint64),
// the number of cells 6 and the counts of the categories Attractive to
// Questionable in Category order (int64), and a CRC-32C checksum
// (uint32), all little-endian. Errors are as for [Tally.UnmarshalBinary];
// on error t is unchanged.
func (t *KanoTally) UnmarshalBinary(data []byte) error {
	if t == nil {
		return errorf("KanoTally.UnmarshalBinary into a nil *KanoTally: %w", ErrInvalid)
	}
	return unmarshalCounts("KanoTally", "EPKN", kanoID, data, t.counts[:])
}
