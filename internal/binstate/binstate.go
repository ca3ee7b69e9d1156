// Package binstate frames the binary form of the library's mergeable
// states (accumulators and tallies) so that every package writes and checks
// it the same way.
//
// A frame is
//
//	magic    4 bytes   names the type (e.g. "SQAC" for a servqual accumulator)
//	version  uint16    the layout of the body; a reader rejects a newer one
//	identity uint64    a hash of what the state is about (an instrument's
//	                   keys, scale and layout; 0 for a type without one)
//	body     …         the state: little-endian int64 and IEEE-754 float64
//	                   values and single bytes, in an order each type
//	                   documents
//	crc      uint32    CRC-32C (Castagnoli) of everything before it
//
// All integers are little-endian. The checksum makes a flipped bit or a
// torn buffer an error rather than a silently different state; the
// reader's length checks make a truncated or over-long buffer an error.
// Errors returned here carry no package prefix: the calling package wraps
// them in its own.
package binstate

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
)

// HeaderSize is the size of magic, version and identity; TrailerSize that
// of the checksum. Overhead is their sum, the size of an empty body frame.
const (
	HeaderSize  = 4 + 2 + 8
	TrailerSize = 4
	Overhead    = HeaderSize + TrailerSize
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrVersion marks a frame written by a newer layout than the reader knows;
// ErrIdentity one whose identity differs from the reader's. Other failures
// are plain errors.
var (
	ErrVersion  = errors.New("newer version")
	ErrIdentity = errors.New("identity mismatch")
)

// Writer appends a frame to a byte slice.
type Writer struct {
	b []byte
}

// NewWriter starts a frame with room for body more bytes.
func NewWriter(magic string, version uint16, id uint64, body int) *Writer {
	b := make([]byte, 0, HeaderSize+body+TrailerSize)
	b = append(b, magic[:4]...)
	b = binary.LittleEndian.AppendUint16(b, version)
	b = binary.LittleEndian.AppendUint64(b, id)
	return &Writer{b: b}
}

// Byte appends one byte.
func (w *Writer) Byte(v byte) { w.b = append(w.b, v) }

// Int64 appends v.
func (w *Writer) Int64(v int64) { w.b = binary.LittleEndian.AppendUint64(w.b, uint64(v)) }

// Float64 appends the IEEE-754 bits of v (so −0 and NaN payloads survive).
func (w *Writer) Float64(v float64) {
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v))
}

// Floats appends each element of v.
func (w *Writer) Floats(v []float64) {
	for _, x := range v {
		w.Float64(x)
	}
}

// Bytes appends an int64 length and then p.
func (w *Writer) Bytes(p []byte) {
	w.Int64(int64(len(p)))
	w.b = append(w.b, p...)
}

// Finish appends the checksum and returns the frame.
func (w *Writer) Finish() []byte {
	return binary.LittleEndian.AppendUint32(w.b, crc32.Checksum(w.b, castagnoli))
}

// Reader reads a frame's body. A read past the end sets a sticky error and
// returns zero; check [Reader.Close] (or [Reader.Err]) once at the end.
type Reader struct {
	b   []byte
	off int
	err error
	// Version is the frame's layout version.
	Version uint16
	// Identity is the frame's identity.
	Identity uint64
}

// NewReader checks data's magic, checksum and version (at most version) and
// returns a reader positioned at the body.
func NewReader(data []byte, magic string, version uint16) (*Reader, error) {
	if len(data) < Overhead {
		return nil, fmt.Errorf("%d bytes, shorter than the %d-byte frame", len(data), Overhead)
	}
	if string(data[:4]) != magic {
		return nil, fmt.Errorf("magic %q, want %q", data[:4], magic)
	}
	end := len(data) - TrailerSize
	if got, want := binary.LittleEndian.Uint32(data[end:]), crc32.Checksum(data[:end], castagnoli); got != want {
		return nil, fmt.Errorf("checksum %08x, want %08x (corrupted or truncated)", got, want)
	}
	r := &Reader{
		b:        data[:end],
		off:      HeaderSize,
		Version:  binary.LittleEndian.Uint16(data[4:]),
		Identity: binary.LittleEndian.Uint64(data[6:]),
	}
	if r.Version == 0 || r.Version > version {
		return nil, fmt.Errorf("version %d, this library reads 1..%d: %w", r.Version, version, ErrVersion)
	}
	return r, nil
}

// CheckIdentity returns an error wrapping [ErrIdentity] unless the frame's
// identity is id.
func (r *Reader) CheckIdentity(id uint64) error {
	if r.Identity != id {
		return fmt.Errorf("identity %016x, want %016x: %w", r.Identity, id, ErrIdentity)
	}
	return nil
}

// Remaining returns the number of unread body bytes.
func (r *Reader) Remaining() int { return len(r.b) - r.off }

func (r *Reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if len(r.b)-r.off < n {
		r.err = fmt.Errorf("body truncated at byte %d", r.off)
		return nil
	}
	p := r.b[r.off : r.off+n]
	r.off += n
	return p
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if p := r.take(1); p != nil {
		return p[0]
	}
	return 0
}

// Int64 reads an int64.
func (r *Reader) Int64() int64 {
	if p := r.take(8); p != nil {
		return int64(binary.LittleEndian.Uint64(p))
	}
	return 0
}

// Float64 reads a float64.
func (r *Reader) Float64() float64 {
	if p := r.take(8); p != nil {
		return math.Float64frombits(binary.LittleEndian.Uint64(p))
	}
	return 0
}

// Bytes reads a length written by [Writer.Bytes] and returns that many
// bytes (a sub-slice of the frame, not a copy).
func (r *Reader) Bytes() []byte {
	n := r.Int64()
	if r.err != nil {
		return nil
	}
	if n < 0 || n > int64(r.Remaining()) {
		r.err = fmt.Errorf("length %d at byte %d exceeds the %d bytes left", n, r.off-8, r.Remaining())
		return nil
	}
	return r.take(int(n))
}

// Floats fills v.
func (r *Reader) Floats(v []float64) {
	for i := range v {
		v[i] = r.Float64()
	}
}

// Fail records err as the reader's error unless one is already recorded.
func (r *Reader) Fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// Err returns the first error recorded.
func (r *Reader) Err() error { return r.err }

// Close returns the first error recorded, or an error if body bytes remain
// unread.
func (r *Reader) Close() error {
	if r.err != nil {
		return r.err
	}
	if n := r.Remaining(); n != 0 {
		return fmt.Errorf("%d trailing bytes after the state", n)
	}
	return nil
}

// Hash accumulates an identity: FNV-1a (64-bit) over length-prefixed
// strings and fixed-width little-endian numbers, so that no two different
// sequences of calls hash the same bytes. Its zero value is ready to use.
type Hash struct {
	h       uint64
	started bool
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func (h *Hash) byte(b byte) {
	if !h.started {
		h.h, h.started = fnvOffset, true
	}
	h.h ^= uint64(b)
	h.h *= fnvPrime
}

func (h *Hash) u64(v uint64) {
	for i := 0; i < 8; i++ {
		h.byte(byte(v >> (8 * i)))
	}
}

// String adds s.
func (h *Hash) String(s string) {
	h.u64(uint64(len(s)))
	for i := 0; i < len(s); i++ {
		h.byte(s[i])
	}
}

// Int adds v.
func (h *Hash) Int(v int) { h.u64(uint64(int64(v))) }

// Float64 adds the bits of v.
func (h *Hash) Float64(v float64) { h.u64(math.Float64bits(v)) }

// Bool adds v.
func (h *Hash) Bool(v bool) {
	if v {
		h.byte(1)
	} else {
		h.byte(0)
	}
}

// Sum returns the identity.
func (h *Hash) Sum() uint64 {
	if !h.started {
		return fnvOffset
	}
	return h.h
}
