package loyalty

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/cxlab/satisfaction/internal/binstate"
)

// ErrFormat marks a binary state that cannot be decoded: a corrupted,
// truncated or over-long buffer, the state of another type, a layout
// version newer than this library reads, or counts no tally could hold (a
// negative count, a total above math.MaxInt64).
var ErrFormat = errors.New("malformed binary state")

var (
	npsID      = binstate.CountsIdentity("loyalty.NPSTally", npsCells()...)
	crossTabID = binstate.CountsIdentity("loyalty.TrustCrossTab", crossTabCells()...)
)

func npsCells() []string {
	s := make([]string, 11)
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}

func crossTabCells() []string {
	var s []string
	for st := StageNone; st <= Behavioural; st++ {
		tok, _ := st.MarshalText()
		s = append(s, string(tok)+"/low", string(tok)+"/high")
	}
	return s
}

// MarshalBinary returns the tally's counts in the binary form that
// [NPSTally.UnmarshalBinary] reads and documents, for sending a shard to
// another process or machine and merging it there. A nil *NPSTally
// encodes as an empty one.
func (t *NPSTally) MarshalBinary() ([]byte, error) {
	var c [11]int64
	if t != nil {
		c = t.counts
	}
	return binstate.AppendCounts("LYNP", npsID, c[:]), nil
}

// UnmarshalBinary replaces t's counts by those data encodes. The form
// (114 bytes, version 1, all little-endian) is
//
//	magic     "LYNP"
//	version   uint16     1
//	identity  uint64     FNV-1a hash of the type and its cells
//	k         int64      11, the number of cells
//	counts    11 × int64 the counts of scores 0 to 10
//	crc32     uint32     CRC-32C (Castagnoli) of all the bytes before it
//
// Data of another type, of a newer version, truncated, corrupted, with
// trailing bytes or with a negative count or a total above math.MaxInt64
// returns an error wrapping [ErrFormat], a nil t one wrapping
// [ErrInvalid]; on error t is unchanged.
func (t *NPSTally) UnmarshalBinary(data []byte) error {
	if t == nil {
		return fmt.Errorf("loyalty: NPSTally.UnmarshalBinary into a nil tally: %w", ErrInvalid)
	}
	if err := binstate.ReadCounts(data, "LYNP", npsID, t.counts[:]); err != nil {
		return fmt.Errorf("loyalty: NPSTally.UnmarshalBinary: %v: %w", err, ErrFormat)
	}
	return nil
}

// MarshalBinary returns the cross-tab's counts in the binary form that
// [TrustCrossTab.UnmarshalBinary] reads and documents. A nil
// *TrustCrossTab encodes as an empty one.
func (t *TrustCrossTab) MarshalBinary() ([]byte, error) {
	var c [2 * (NumStages + 1)]int64
	if t != nil {
		for s, row := range t.counts {
			c[2*s], c[2*s+1] = row[0], row[1]
		}
	}
	return binstate.AppendCounts("LYTX", crossTabID, c[:]), nil
}

// UnmarshalBinary replaces t's counts by those data encodes. The form
// (106 bytes, version 1, all little-endian) is
//
//	magic     "LYTX"
//	version   uint16     1
//	identity  uint64     FNV-1a hash of the type and its cells
//	k         int64      10, the number of cells
//	counts    10 × int64 per stage from StageNone to Behavioural, the
//	                     customers of low then of high patronage
//	crc32     uint32     CRC-32C (Castagnoli) of all the bytes before it
//
// Errors are as for [NPSTally.UnmarshalBinary]; on error t is unchanged.
func (t *TrustCrossTab) UnmarshalBinary(data []byte) error {
	if t == nil {
		return fmt.Errorf("loyalty: TrustCrossTab.UnmarshalBinary into a nil cross-tab: %w", ErrInvalid)
	}
	var c [2 * (NumStages + 1)]int64
	if err := binstate.ReadCounts(data, "LYTX", crossTabID, c[:]); err != nil {
		return fmt.Errorf("loyalty: TrustCrossTab.UnmarshalBinary: %v: %w", err, ErrFormat)
	}
	for s := range t.counts {
		t.counts[s] = [2]int64{c[2*s], c[2*s+1]}
	}
	return nil
}
