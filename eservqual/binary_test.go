package eservqual_test

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/eservqual"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
)

// bitsEqual compares floats bit for bit (all NaNs equal).
var bitsEqual = cmp.Comparer(func(x, y float64) bool {
	return math.Float64bits(x) == math.Float64bits(y) || x != x && y != y
})

func resignFrame(b []byte) []byte {
	b = append([]byte(nil), b...)
	end := len(b) - 4
	binary.LittleEndian.PutUint32(b[end:], crc32.Checksum(b[:end], crc32.MakeTable(crc32.Castagnoli)))
	return b
}

func marshalSample(t testing.TB, s *eservqual.RecoverySample) []byte {
	t.Helper()
	b, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// recoverySample adds n customers, every third without an encounter and
// some answers missing.
func recoverySample(t testing.TB, n int) *eservqual.RecoverySample {
	s := eservqual.NewRecoverySample(nil)
	for i := 0; i < n; i++ {
		p := make([]float64, 11)
		for j := range p {
			p[j] = float64(1 + (i*7+j*3)%5)
			if (i+j)%13 == 0 {
				p[j] = math.NaN()
			}
		}
		if err := s.Add(servqual.Response{Perception: p}, i%3 != 2); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestRecoverySampleBinaryRoundTrip(t *testing.T) {
	var zero eservqual.RecoverySample
	for _, n := range []int{0, 1, 2, 3, 50, 301} {
		s := recoverySample(t, n)
		b := marshalSample(t, s)
		var got eservqual.RecoverySample // zero value: E-RecS-QUAL
		if err := got.UnmarshalBinary(b); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if d := cmp.Diff(s.Report(), got.Report(), bitsEqual); d != "" {
			t.Errorf("n=%d: report mismatch (-want +got):\n%s", n, d)
		}
		if string(marshalSample(t, &got)) != string(b) {
			t.Errorf("n=%d: re-encoding differs", n)
		}
		if n == 50 && len(b) != 1051 {
			t.Errorf("n=%d: %d bytes, want 1051", n, len(b))
		}
	}
	if string(marshalSample(t, &zero)) != string(marshalSample(t, eservqual.NewRecoverySample(nil))) {
		t.Error("the zero sample does not encode as an empty E-RecS-QUAL sample")
	}
	// Merging decoded shards equals merging the originals.
	a, b := recoverySample(t, 40), recoverySample(t, 77)
	da, db := eservqual.NewRecoverySample(nil), eservqual.NewRecoverySample(nil)
	if err := da.UnmarshalBinary(marshalSample(t, a)); err != nil {
		t.Fatal(err)
	}
	if err := db.UnmarshalBinary(marshalSample(t, b)); err != nil {
		t.Fatal(err)
	}
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	if err := da.Merge(db); err != nil {
		t.Fatal(err)
	}
	if string(marshalSample(t, a)) != string(marshalSample(t, da)) {
		t.Error("merged decoded shards differ from merged originals")
	}
}

func TestRecoverySampleBinaryErrors(t *testing.T) {
	good := marshalSample(t, recoverySample(t, 20))
	into := recoverySample(t, 4)
	before := marshalSample(t, into)
	bad := func(name string, data []byte, sentinel error) {
		t.Helper()
		err := into.UnmarshalBinary(data)
		if !errors.Is(err, sentinel) {
			t.Fatalf("%s: error %v does not wrap %v", name, err, sentinel)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "eservqual: ") || strings.Count(msg, "servqual: ") != 1 {
			t.Errorf("%s: error %q: want one package prefix", name, msg)
		}
		if string(marshalSample(t, into)) != string(before) {
			t.Errorf("%s: failed decoding changed the sample", name)
		}
	}
	for n := 0; n < len(good); n += 1 + n/10 {
		bad("truncated", good[:n], eservqual.ErrFormat)
	}
	bad("trailing", append(append([]byte(nil), good...), 0), eservqual.ErrFormat)
	for i := 0; i < len(good)*8; i += 29 {
		f := append([]byte(nil), good...)
		f[i/8] ^= 1 << (i % 8)
		bad("bit flip", f, eservqual.ErrFormat)
	}
	set := func(name string, off int, v uint64) {
		f := append([]byte(nil), good...)
		binary.LittleEndian.PutUint64(f[off:], v)
		bad(name, resignFrame(f), eservqual.ErrFormat)
	}
	set("negative not applicable", 14, uint64(1<<64-1))
	set("inner length too long", 22, 1<<40)
	set("inner length short", 22, 10)
	inner := append([]byte(nil), good...)
	inner[30+20] ^= 1 // inside the accumulator's frame: its checksum fails
	bad("corrupted accumulator", resignFrame(inner), servqual.ErrFormat)
	future := append([]byte(nil), good...)
	binary.LittleEndian.PutUint16(future[4:], 2)
	bad("future version", resignFrame(future), eservqual.ErrFormat)
	// A sample of E-S-QUAL refuses E-RecS-QUAL state.
	other := eservqual.NewRecoverySample(eservqual.ESQUAL())
	if err := other.UnmarshalBinary(good); !errors.Is(err, eservqual.ErrInstrument) {
		t.Errorf("another instrument: %v", err)
	}
	if err := (*eservqual.RecoverySample)(nil).UnmarshalBinary(good); !errors.Is(err, eservqual.ErrInvalid) {
		t.Errorf("nil receiver: %v", err)
	}
}

// FuzzRecoverySampleUnmarshalBinary: no panic; an error wraps ErrFormat or
// ErrInstrument and changes nothing; a success re-encodes to the input.
func FuzzRecoverySampleUnmarshalBinary(f *testing.F) {
	for _, n := range []int{0, 1, 9} {
		b := marshalSample(f, recoverySample(f, n))
		f.Add(b)
		f.Add(b[:len(b)/2])
		f.Add(resignFrame(b[:len(b)-8]))
		g := append([]byte(nil), b...)
		g[len(g)/2] ^= 8
		f.Add(resignFrame(g))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := recoverySample(t, 2)
		before := marshalSample(t, s)
		if err := s.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, eservqual.ErrFormat) && !errors.Is(err, eservqual.ErrInstrument) {
				t.Fatalf("error %v wraps neither ErrFormat nor ErrInstrument", err)
			}
			if !strings.HasPrefix(err.Error(), "eservqual: ") {
				t.Fatalf("error %q without prefix", err)
			}
			if string(marshalSample(t, s)) != string(before) {
				t.Fatal("failed decoding changed the sample")
			}
			return
		}
		if string(marshalSample(t, s)) != string(data) {
			t.Fatal("decoded sample re-encodes differently")
		}
	})
}
