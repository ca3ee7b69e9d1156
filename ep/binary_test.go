package ep_test

import (
	"encoding"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// binTally is what the three tallies share for these tests.
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

func marshal(t testing.TB, m encoding.BinaryMarshaler) []byte {
	t.Helper()
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func checkFormatErr(t testing.TB, err error) {
	t.Helper()
	if !errors.Is(err, ep.ErrFormat) {
		t.Fatalf("error %v does not wrap ErrFormat", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "ep: ") || strings.Count(msg, "ep: ") != 1 {
		t.Errorf("error %q: want the prefix \"ep: \" exactly once", msg)
	}
}

// tallies returns filled tallies of each type and fresh ones to decode
// into, in states: empty, one answer, typical, near math.MaxInt64.
func tallies(t *testing.T) (states []binTally, fresh func(int) binTally, reports func(binTally) any) {
	for _, n := range []int64{0, 1, 37, math.MaxInt64 / 5} {
		var a ep.Tally
		var e ep.EffortTally
		var k ep.KanoTally
		if n > 0 {
			if err := a.AddN(ep.Satisfied, n); err != nil {
				t.Fatal(err)
			}
			if n < 100 {
				for i := range n {
					_ = a.Add(ep.Level(1 + i%5))
					_ = e.Add(int(1 + i%7))
					_, _ = k.Add(ep.Answer(1+i%5), ep.Answer(1+(i/5)%5))
				}
			}
		}
		states = append(states, &a, &e, &k)
	}
	fresh = func(i int) binTally {
		switch i % 3 {
		case 0:
			return new(ep.Tally)
		case 1:
			return new(ep.EffortTally)
		}
		return new(ep.KanoTally)
	}
	reports = func(x binTally) any {
		switch v := x.(type) {
		case *ep.Tally:
			return v.Report()
		case *ep.EffortTally:
			return v.Report()
		case *ep.KanoTally:
			return v.Report()
		}
		return nil
	}
	return states, fresh, reports
}

func TestTallyBinaryRoundTrip(t *testing.T) {
	states, fresh, reports := tallies(t)
	sizes := []int{66, 82, 74}
	for i, s := range states {
		b := marshal(t, s.(encoding.BinaryMarshaler))
		if len(b) != sizes[i%3] {
			t.Errorf("state %d: %d bytes, want %d", i, len(b), sizes[i%3])
		}
		got := fresh(i)
		if err := got.UnmarshalBinary(b); err != nil {
			t.Fatalf("state %d: %v", i, err)
		}
		if d := cmp.Diff(reports(s), reports(got), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("state %d: report mismatch (-want +got):\n%s", i, d)
		}
		// Another tally type's state is refused.
		other := fresh(i + 1)
		before := marshal(t, other)
		checkFormatErr(t, other.UnmarshalBinary(b))
		if string(marshal(t, other)) != string(before) {
			t.Errorf("state %d: failed decoding changed the tally", i)
		}
	}
	// Merging decoded shards equals merging the originals.
	var x, y, whole ep.Tally
	_ = x.AddN(ep.Delighted, 3)
	_ = y.AddN(ep.Neutral, 4)
	var dx, dy ep.Tally
	if err := dx.UnmarshalBinary(marshal(t, &x)); err != nil {
		t.Fatal(err)
	}
	if err := dy.UnmarshalBinary(marshal(t, &y)); err != nil {
		t.Fatal(err)
	}
	_ = whole.Merge(&x)
	_ = whole.Merge(&y)
	_ = dx.Merge(&dy)
	if d := cmp.Diff(whole.Report(), dx.Report(), cmpopts.EquateNaNs()); d != "" {
		t.Errorf("merged decoded shards (-want +got):\n%s", d)
	}
	if b, err := (*ep.Tally)(nil).MarshalBinary(); err != nil || len(b) != 66 {
		t.Errorf("nil Tally: %d bytes, %v", len(b), err)
	}
	err := (*ep.Tally)(nil).UnmarshalBinary(marshal(t, &x))
	if !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("nil receiver: %v", err)
	}
}

func TestTallyBinaryErrors(t *testing.T) {
	var src ep.Tally
	_ = src.AddN(ep.Satisfied, 9)
	good := marshal(t, &src)
	var into ep.Tally
	_ = into.AddN(ep.Delighted, 2)
	before := marshal(t, &into)
	bad := func(name string, data []byte) {
		t.Helper()
		checkFormatErr(t, into.UnmarshalBinary(data))
		if string(marshal(t, &into)) != string(before) {
			t.Errorf("%s: failed decoding changed the tally", name)
		}
	}
	for n := range len(good) {
		bad("truncated", good[:n])
	}
	bad("truncated, re-signed", resign(good[:len(good)-8]))
	bad("trailing", append(append([]byte(nil), good...), 0))
	bad("trailing, re-signed", resign(append(append([]byte(nil), good[:len(good)-4]...), 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4)))
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
	set("negative count", 14+8+2*8, uint64(1<<64-1))
	set("overflowing total", 14+8, math.MaxInt64)
	set("wrong cell count", 14, 6)
	future := append([]byte(nil), good...)
	binary.LittleEndian.PutUint16(future[4:], 2)
	bad("future version", resign(future))
}

// FuzzTallyUnmarshalBinary decodes arbitrary bytes into each tally: no
// panic; an error wraps ErrFormat and changes nothing; a success
// re-encodes to the same bytes and reports a total that fits.
func FuzzTallyUnmarshalBinary(f *testing.F) {
	var tl ep.Tally
	_ = tl.AddN(ep.Neutral, 5)
	var e ep.EffortTally
	_ = e.Add(3)
	var k ep.KanoTally
	_, _ = k.Add(ep.AnswerLike, ep.AnswerDislike)
	for _, m := range []encoding.BinaryMarshaler{&tl, &e, &k, new(ep.Tally)} {
		b := marshal(f, m)
		f.Add(b)
		f.Add(b[:len(b)-1])
		f.Add(resign(b[:len(b)-8]))
		g := append([]byte(nil), b...)
		g[20] = 0xff
		f.Add(resign(g))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, x := range []binTally{new(ep.Tally), new(ep.EffortTally), new(ep.KanoTally)} {
			before := marshal(t, x)
			if err := x.UnmarshalBinary(data); err != nil {
				checkFormatErr(t, err)
				if string(marshal(t, x)) != string(before) {
					t.Fatal("failed decoding changed the tally")
				}
				continue
			}
			if string(marshal(t, x)) != string(data) {
				t.Fatal("decoded tally re-encodes differently")
			}
		}
	})
}
