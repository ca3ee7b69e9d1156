package loyalty_test

import (
	"encoding"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

type binTally interface {
	encoding.BinaryMarshaler
	encoding.BinaryUnmarshaler
}

// resign recomputes a frame's CRC-32C after a test has changed it.
func resign(b []byte) []byte {
	b = append([]byte(nil), b...)
	end := len(b) - 4
	binary.LittleEndian.PutUint32(b[end:], crc32.Checksum(b[:end], crc32.MakeTable(crc32.Castagnoli)))
	return b
}

func marshalBin(t testing.TB, m encoding.BinaryMarshaler) []byte {
	t.Helper()
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func checkFormatErr(t testing.TB, err error) {
	t.Helper()
	if !errors.Is(err, loyalty.ErrFormat) {
		t.Fatalf("error %v does not wrap ErrFormat", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "loyalty: ") || strings.Count(msg, "loyalty: ") != 1 {
		t.Errorf("error %q: want the prefix \"loyalty: \" exactly once", msg)
	}
}

func TestTallyBinaryRoundTrip(t *testing.T) {
	for _, n := range []int64{0, 1, 41, math.MaxInt64 / 11} {
		var nps loyalty.NPSTally
		var x loyalty.TrustCrossTab
		for s := 0; s <= 10 && n > 0; s++ {
			if err := nps.AddN(s, n/11+int64(s%2)); err != nil {
				t.Fatal(err)
			}
		}
		for i := int64(0); i < min(n, 50); i++ {
			if err := x.Add(loyalty.Stage(i%(loyalty.NumStages+1)), i%3 == 0); err != nil {
				t.Fatal(err)
			}
		}
		b := marshalBin(t, &nps)
		var gotN loyalty.NPSTally
		if err := gotN.UnmarshalBinary(b); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(nps.Report(), gotN.Report(), cmpopts.EquateNaNs()); d != "" || len(b) != 114 {
			t.Errorf("n=%d: NPS, %d bytes (-want +got):\n%s", n, len(b), d)
		}
		bx := marshalBin(t, &x)
		var gotX loyalty.TrustCrossTab
		if err := gotX.UnmarshalBinary(bx); err != nil {
			t.Fatal(err)
		}
		r1, e1 := x.Report(loyalty.DefaultAttitude)
		r2, e2 := gotX.Report(loyalty.DefaultAttitude)
		if d := cmp.Diff(r1, r2, cmpopts.EquateNaNs()); d != "" || len(bx) != 106 || (e1 == nil) != (e2 == nil) {
			t.Errorf("n=%d: cross-tab, %d bytes (-want +got):\n%s", n, len(bx), d)
		}
		// Each refuses the other's state, and stays as it was.
		checkFormatErr(t, gotN.UnmarshalBinary(bx))
		checkFormatErr(t, gotX.UnmarshalBinary(b))
		if string(marshalBin(t, &gotN)) != string(b) || string(marshalBin(t, &gotX)) != string(bx) {
			t.Errorf("n=%d: failed decoding changed a tally", n)
		}
		// Merging decoded shards equals merging the originals.
		whole, merged := nps, gotN
		_ = whole.Merge(&nps)
		_ = merged.Merge(&gotN)
		if string(marshalBin(t, &whole)) != string(marshalBin(t, &merged)) && n < math.MaxInt64/22 {
			t.Errorf("n=%d: merged decoded shards differ", n)
		}
	}
	if err := (*loyalty.NPSTally)(nil).UnmarshalBinary(nil); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("nil receiver: %v", err)
	}
	if b, err := (*loyalty.TrustCrossTab)(nil).MarshalBinary(); err != nil || len(b) != 106 {
		t.Errorf("nil cross-tab: %d bytes, %v", len(b), err)
	}
}

func TestTallyBinaryErrors(t *testing.T) {
	var src loyalty.NPSTally
	_ = src.AddN(9, 12)
	good := marshalBin(t, &src)
	var into loyalty.NPSTally
	_ = into.AddN(3, 2)
	before := marshalBin(t, &into)
	bad := func(name string, data []byte) {
		t.Helper()
		checkFormatErr(t, into.UnmarshalBinary(data))
		if string(marshalBin(t, &into)) != string(before) {
			t.Errorf("%s: failed decoding changed the tally", name)
		}
	}
	for n := range len(good) {
		bad("truncated", good[:n])
	}
	bad("truncated, re-signed", resign(good[:len(good)-8]))
	bad("trailing", append(append([]byte(nil), good...), 0))
	for i := 0; i < len(good)*8; i++ {
		f := append([]byte(nil), good...)
		f[i/8] ^= 1 << (i % 8)
		bad("bit flip", f)
	}
	set := func(name string, off int, v uint64) {
		f := append([]byte(nil), good...)
		binary.LittleEndian.PutUint64(f[off:], v)
		bad(name, resign(f))
	}
	set("negative count", 14+8, uint64(1<<64-1))
	set("overflowing total", 14+8, math.MaxInt64)
	set("wrong cell count", 14, 10)
	future := append([]byte(nil), good...)
	binary.LittleEndian.PutUint16(future[4:], 2)
	bad("future version", resign(future))
}

// FuzzTallyUnmarshalBinary decodes arbitrary bytes into both tallies: no
// panic; an error wraps ErrFormat and changes nothing; a success
// re-encodes to the same bytes.
func FuzzTallyUnmarshalBinary(f *testing.F) {
	var nps loyalty.NPSTally
	_ = nps.AddN(10, 3)
	var x loyalty.TrustCrossTab
	_ = x.Add(loyalty.Affective, true)
	for _, m := range []encoding.BinaryMarshaler{&nps, &x, new(loyalty.NPSTally)} {
		b := marshalBin(f, m)
		f.Add(b)
		f.Add(b[:len(b)-1])
		f.Add(resign(b[:len(b)-8]))
		g := append([]byte(nil), b...)
		g[30] = 0xff
		f.Add(resign(g))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, x := range []binTally{new(loyalty.NPSTally), new(loyalty.TrustCrossTab)} {
			before := marshalBin(t, x)
			if err := x.UnmarshalBinary(data); err != nil {
				checkFormatErr(t, err)
				if string(marshalBin(t, x)) != string(before) {
					t.Fatal("failed decoding changed the tally")
				}
				continue
			}
			if string(marshalBin(t, x)) != string(data) {
				t.Fatal("decoded tally re-encodes differently")
			}
		}
	})
}
