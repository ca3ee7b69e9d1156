package servqual_test

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
)

// bitsEqual compares floats bit for bit (all NaNs equal): a decoded
// accumulator must report exactly what the original did.
var bitsEqual = cmp.Comparer(func(x, y float64) bool {
	return math.Float64bits(x) == math.Float64bits(y) || x != x && y != y
})

func mustAdd(t testing.TB, a *servqual.Accumulator, rs ...servqual.Response) {
	t.Helper()
	for _, r := range rs {
		if err := a.Add(r); err != nil {
			t.Fatal(err)
		}
	}
}

func mustMarshal(t testing.TB, a *servqual.Accumulator) []byte {
	t.Helper()
	b, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sameState checks that a and b give the same report, reliabilities, key
// drivers and IPA, bit for bit.
func sameState(t *testing.T, name string, want, got *servqual.Accumulator) {
	t.Helper()
	if d := cmp.Diff(want.Report(), got.Report(), bitsEqual); d != "" {
		t.Errorf("%s: Report mismatch (-want +got):\n%s", name, d)
	}
	if want.N() != got.N() {
		t.Errorf("%s: N = %d, want %d", name, got.N(), want.N())
	}
	in := want.Instrument()
	for m := servqual.Measure(0); m < servqual.NumMeasures; m++ {
		r1, e1 := want.Reliability(m)
		r2, e2 := got.Reliability(m)
		if d := cmp.Diff(r1, r2, bitsEqual); d != "" || (e1 == nil) != (e2 == nil) {
			t.Errorf("%s: Reliability(%v) mismatch (%v, %v):\n%s", name, m, e1, e2, d)
		}
		for o := 0; o < in.NumOutcomes(); o++ {
			k1, e1 := want.KeyDrivers(m, in.Outcome(o).Key)
			k2, e2 := got.KeyDrivers(m, in.Outcome(o).Key)
			if d := cmp.Diff(k1, k2, bitsEqual); d != "" || (e1 == nil) != (e2 == nil) {
				t.Errorf("%s: KeyDrivers(%v) mismatch (%v, %v):\n%s", name, m, e1, e2, d)
			}
		}
	}
	i1, e1 := want.IPA(servqual.Perception, nil, nil)
	i2, e2 := got.IPA(servqual.Perception, nil, nil)
	if d := cmp.Diff(i1, i2, bitsEqual); d != "" || (e1 == nil) != (e2 == nil) {
		t.Errorf("%s: IPA mismatch (%v, %v):\n%s", name, e1, e2, d)
	}
}

// binaryStates returns accumulators in many states: empty, one response,
// typical, with missing answers, perception only, zones, after merges,
// and with outcome drivers.
func binaryStates(t *testing.T) map[string]*servqual.Accumulator {
	in := servqual.SERVQUAL()
	rs := randomResponses(600, 3)
	states := map[string]*servqual.Accumulator{"empty": servqual.NewAccumulator(in)}
	one := servqual.NewAccumulator(in)
	mustAdd(t, one, rs[0])
	states["one response"] = one
	typical := servqual.NewAccumulator(in)
	mustAdd(t, typical, rs...)
	states["typical, zones, missing answers"] = typical
	pe := servqual.NewAccumulator(in)
	for _, r := range rs[:200] {
		mustAdd(t, pe, servqual.Response{Perception: r.Perception, Expectation: r.Expectation, Importance: r.Importance})
	}
	states["perception and expectation"] = pe
	po := servqual.NewAccumulator(in)
	for _, r := range rs[:50] {
		mustAdd(t, po, servqual.Response{Perception: r.Perception})
	}
	states["perception only"] = po
	merged := servqual.NewAccumulator(in)
	for _, cut := range [][2]int{{0, 7}, {7, 300}, {300, 301}, {301, 600}} {
		s := servqual.NewAccumulator(in)
		mustAdd(t, s, rs[cut[0]:cut[1]]...)
		if err := merged.Merge(s); err != nil {
			t.Fatal(err)
		}
	}
	states["after merges"] = merged
	states["outcome drivers (ECSI-style)"] = ecsiAccumulator(t)
	return states
}

func TestAccumulatorBinaryRoundTrip(t *testing.T) {
	for name, a := range binaryStates(t) {
		b := mustMarshal(t, a)
		got, err := servqual.DecodeAccumulator(a.Instrument(), b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameState(t, name, a, got)
		if b2 := mustMarshal(t, got); string(b2) != string(b) {
			t.Errorf("%s: re-encoding differs", name)
		}
		// Decoding into a used accumulator replaces its state.
		if a.Instrument().NumItems() == 22 {
			used := servqual.NewAccumulator(a.Instrument())
			mustAdd(t, used, randomResponses(3, 9)[:1]...)
			if err := used.UnmarshalBinary(b); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			sameState(t, name+" into used", a, used)
		}
	}
}

// TestAccumulatorBinaryMergeShards checks that merging decoded shards
// equals merging the originals: the merged states encode to the same bytes.
func TestAccumulatorBinaryMergeShards(t *testing.T) {
	in := servqual.SERVQUAL()
	rs := randomResponses(1000, 5)
	cuts := []int{0, 1, 250, 251, 700, 1000}
	orig, dec := servqual.NewAccumulator(in), servqual.NewAccumulator(in)
	for s := 0; s+1 < len(cuts); s++ {
		sh := servqual.NewAccumulator(in)
		mustAdd(t, sh, rs[cuts[s]:cuts[s+1]]...)
		d, err := servqual.DecodeAccumulator(in, mustMarshal(t, sh))
		if err != nil {
			t.Fatal(err)
		}
		if err := orig.Merge(sh); err != nil {
			t.Fatal(err)
		}
		if err := dec.Merge(d); err != nil {
			t.Fatal(err)
		}
	}
	if string(mustMarshal(t, orig)) != string(mustMarshal(t, dec)) {
		t.Error("merged decoded shards differ from merged originals")
	}
	sameState(t, "merged shards", orig, dec)
}

// TestAccumulatorBinarySize pins the sizes the documentation states.
func TestAccumulatorBinarySize(t *testing.T) {
	in := servqual.SERVQUAL()
	rs := randomResponses(100, 2)
	pe := servqual.NewAccumulator(in)
	for _, r := range rs {
		mustAdd(t, pe, servqual.Response{Perception: r.Perception, Expectation: r.Expectation, Importance: r.Importance})
	}
	full := servqual.NewAccumulator(in)
	mustAdd(t, full, rs...)
	for _, c := range []struct {
		name string
		a    *servqual.Accumulator
		want int
	}{
		{"empty", servqual.NewAccumulator(in), 81},
		{"P and E with importance", pe, 5049},
		{"all five measures, zones, outcome", full, 8809},
	} {
		// 14-byte header, n, five presence bytes, importance flag,
		// outcome and weighted welfords, zone flag, 4-byte checksum;
		// per measure 22 item welfords, the 5 dimension blocks (4, 5, 4,
		// 4, 5 items), the 5-score block and one 6-variable driver
		// block: (66 + 3·15 + 2·21 + 21 + 28)·8 = 1616 bytes.
		if got := len(mustMarshal(t, c.a)); got != c.want {
			t.Errorf("%s: %d bytes, want %d", c.name, got, c.want)
		}
	}
}

// resign recomputes a frame's checksum after a test has changed it, so
// that the decoder's other checks are reached.
func resign(b []byte) []byte {
	b = append([]byte(nil), b...)
	end := len(b) - 4
	binary.LittleEndian.PutUint32(b[end:], crc32.Checksum(b[:end], crc32.MakeTable(crc32.Castagnoli)))
	return b
}

// checkBinaryErr checks the error convention: prefix once, sentinel.
func checkBinaryErr(t testing.TB, err error, sentinel error) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	if !errors.Is(err, sentinel) {
		t.Errorf("error %q does not wrap %q", err, sentinel)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "servqual: ") || strings.Count(msg, "servqual: ") != 1 {
		t.Errorf("error %q: want the prefix \"servqual: \" exactly once", msg)
	}
}

func TestAccumulatorBinaryErrors(t *testing.T) {
	in := servqual.SERVQUAL()
	a := servqual.NewAccumulator(in)
	mustAdd(t, a, randomResponses(40, 11)...)
	good := mustMarshal(t, a)

	var zero servqual.Accumulator
	_, err := zero.MarshalBinary()
	checkBinaryErr(t, err, servqual.ErrInstrument)
	_, err = (*servqual.Accumulator)(nil).MarshalBinary()
	checkBinaryErr(t, err, servqual.ErrInstrument)
	checkBinaryErr(t, zero.UnmarshalBinary(good), servqual.ErrInstrument)
	checkBinaryErr(t, (*servqual.Accumulator)(nil).UnmarshalBinary(good), servqual.ErrInstrument)
	_, err = servqual.DecodeAccumulator(nil, good)
	checkBinaryErr(t, err, servqual.ErrInstrument)

	// Another instrument: the 1988 SERVQUAL has the same shape but other
	// wording and reverse-keyed items; the ECSI-style one another shape.
	for _, other := range []*servqual.Instrument{servqual.SERVQUAL1988(), ecsiInstrument(t)} {
		_, err = servqual.DecodeAccumulator(other, good)
		checkBinaryErr(t, err, servqual.ErrInstrument)
	}

	target := servqual.NewAccumulator(in)
	mustAdd(t, target, randomResponses(5, 12)...)
	before := mustMarshal(t, target)
	bad := func(name string, data []byte, sentinel error) {
		t.Helper()
		err := target.UnmarshalBinary(data)
		if err == nil {
			t.Errorf("%s: no error", name)
			return
		}
		checkBinaryErr(t, err, sentinel)
		if string(mustMarshal(t, target)) != string(before) {
			t.Errorf("%s: failed decoding changed the accumulator", name)
		}
	}
	bad("nil", nil, servqual.ErrFormat)
	bad("empty", []byte{}, servqual.ErrFormat)
	for n := 0; n < len(good); n += 1 + n/8 {
		bad("truncated", good[:n], servqual.ErrFormat)
	}
	bad("truncated and re-signed", resign(good[:len(good)-8]), servqual.ErrFormat)
	bad("trailing byte", append(append([]byte(nil), good...), 0), servqual.ErrFormat)
	bad("trailing bytes re-signed", resign(append(append([]byte(nil), good[:len(good)-4]...), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), servqual.ErrFormat)
	for i := 0; i < len(good)*8; i += 37 {
		f := append([]byte(nil), good...)
		f[i/8] ^= 1 << (i % 8)
		bad("bit flip", f, servqual.ErrFormat)
	}
	magic := append([]byte(nil), good...)
	copy(magic, "NPST")
	bad("another type", resign(magic), servqual.ErrFormat)
	future := append([]byte(nil), good...)
	binary.LittleEndian.PutUint16(future[4:], 2)
	bad("future version", resign(future), servqual.ErrFormat)
	zeroVersion := append([]byte(nil), good...)
	binary.LittleEndian.PutUint16(zeroVersion[4:], 0)
	bad("version 0", resign(zeroVersion), servqual.ErrFormat)
	id := append([]byte(nil), good...)
	id[6] ^= 1
	bad("other identity", resign(id), servqual.ErrInstrument)

	// Impossible statistics, correctly framed. Body offsets: n at 14, the
	// gap measure's presence byte at 22, its first item welford at 23.
	const body = 14
	put := func(name string, off int, v uint64) {
		f := append([]byte(nil), good...)
		binary.LittleEndian.PutUint64(f[off:], v)
		bad(name, resign(f), servqual.ErrFormat)
	}
	put("negative n", body, uint64(1<<64-1))
	put("n above MaxResponses", body, 1<<53+1)
	put("n below the counts", body, 1)
	put("fractional count", body+9, math.Float64bits(0.5))
	put("count above n", body+9, math.Float64bits(41))
	put("NaN mean", body+17, math.Float64bits(math.NaN()))
	put("infinite mean", body+17, math.Float64bits(math.Inf(1)))
	put("negative M2", body+25, math.Float64bits(-1))
	put("NaN M2", body+25, math.Float64bits(math.NaN()))
	flag := append([]byte(nil), good...)
	flag[body+8] = 2
	bad("presence byte 2", resign(flag), servqual.ErrFormat)
	// An empty accumulator's gap measure marked present: all zeros.
	e := mustMarshal(t, servqual.NewAccumulator(in))
	if len(e) != 14+8+5+1+3*8*2+1+4 { // no measure, importance or zone

		t.Fatalf("empty encoding %d bytes", len(e))
	}
}

// FuzzAccumulatorUnmarshalBinary decodes arbitrary bytes into an
// accumulator of the fuzz instrument: no panic; an error wraps ErrFormat
// or ErrInstrument, starts with the prefix once and changes nothing; a
// success re-encodes to the same bytes (the form is canonical).
func FuzzAccumulatorUnmarshalBinary(f *testing.F) {
	in := fuzzInstrument(f)
	for _, seed := range [][]byte{
		nil,
		responseBytes(1, 0x1f, 3, 4, 2, 1, 5, 3, 2, 50, 7),
		responseBytes(9, 0x1f, 3, 4, 2, 1, 5, 3, 2, 50, 7),
		responseBytes(20, 0x03, 0, 4, 2, 230, 5, 3),
	} {
		a := servqual.NewAccumulator(in)
		for _, r := range decodeResponses(seed) {
			_ = a.Add(r)
		}
		b := mustMarshal(f, a)
		f.Add(b)
		f.Add(b[:len(b)/2])
		f.Add(resign(b[:len(b)-8]))
		flip := append([]byte(nil), b...)
		flip[len(b)/3] ^= 4
		f.Add(flip)
		f.Add(resign(flip))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a := servqual.NewAccumulator(in)
		for _, r := range decodeResponses([]byte{2, 3, 1, 2, 3, 4, 5, 1}) {
			_ = a.Add(r)
		}
		before := mustMarshal(t, a)
		err := a.UnmarshalBinary(data)
		if err != nil {
			if !errors.Is(err, servqual.ErrFormat) && !errors.Is(err, servqual.ErrInstrument) {
				t.Fatalf("error %q wraps neither ErrFormat nor ErrInstrument", err)
			}
			if msg := err.Error(); strings.Count(msg, "servqual: ") != 1 || !strings.HasPrefix(msg, "servqual: ") {
				t.Fatalf("error %q: want the prefix exactly once", msg)
			}
			if string(mustMarshal(t, a)) != string(before) {
				t.Fatal("failed decoding changed the accumulator")
			}
			return
		}
		if got := mustMarshal(t, a); string(got) != string(data) {
			t.Fatal("decoded state re-encodes differently")
		}
		_ = a.Report()
	})
}

func BenchmarkAccumulatorMarshalBinary(b *testing.B) {
	a := servqual.NewAccumulator(servqual.SERVQUAL())
	mustAdd(b, a, randomResponses(1000, 1)...)
	var size int
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		data, err := a.MarshalBinary()
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size), "bytes/op-encoded")
}

func BenchmarkAccumulatorUnmarshalBinary(b *testing.B) {
	in := servqual.SERVQUAL()
	a := servqual.NewAccumulator(in)
	mustAdd(b, a, randomResponses(1000, 1)...)
	data := mustMarshal(b, a)
	into := servqual.NewAccumulator(in)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if err := into.UnmarshalBinary(data); err != nil {
			b.Fatal(err)
		}
	}
}

// frame wraps body in a valid version-1 frame for in, so that fuzzing
// reaches the checks of the statistics behind the checksum.
func frame(in *servqual.Instrument, body []byte) []byte {
	b := append([]byte("SQAC"), 1, 0)
	b = binary.LittleEndian.AppendUint64(b, in.Identity())
	b = append(b, body...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, crc32.MakeTable(crc32.Castagnoli)))
}

// FuzzAccumulatorBinaryBody decodes arbitrary bodies in valid frames: no
// panic; an error wraps ErrFormat and changes nothing; a state that
// decodes re-encodes to the same bytes and reports only what the
// contract allows (finite numbers, NaN only with a reason).
func FuzzAccumulatorBinaryBody(f *testing.F) {
	in := fuzzInstrument(f)
	for _, seed := range [][]byte{
		nil,
		responseBytes(1, 0x1f, 3, 4, 2, 1, 5, 3, 2, 50, 7),
		responseBytes(2, 0x1b, 3, 4, 2, 1, 5, 3, 2, 50),
		responseBytes(9, 0x1f, 3, 4, 2, 1, 5, 3, 2, 50, 7),
		responseBytes(20, 0x03, 0, 4, 2, 230, 5, 3),
	} {
		a := servqual.NewAccumulator(in)
		for _, r := range decodeResponses(seed) {
			_ = a.Add(r)
		}
		b := mustMarshal(f, a)
		f.Add(b[14 : len(b)-4])
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		data := frame(in, body)
		a := servqual.NewAccumulator(in)
		if err := a.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, servqual.ErrFormat) {
				t.Fatalf("error %q does not wrap ErrFormat", err)
			}
			if a.N() != 0 {
				t.Fatal("failed decoding changed the accumulator")
			}
			return
		}
		if got := mustMarshal(t, a); string(got) != string(data) {
			t.Fatal("decoded state re-encodes differently")
		}
		checkReport(t, a.Report())
	})
}

// TestAccumulatorBinaryMutations writes plausible values (small whole
// counts, in-range means) over every position of a valid state: what the
// decoder accepts must still report only what the contract allows.
func TestAccumulatorBinaryMutations(t *testing.T) {
	in := fuzzInstrument(t)
	a := servqual.NewAccumulator(in)
	for _, r := range decodeResponses(responseBytes(9, 0x1f, 3, 4, 2, 1, 5, 3, 2, 50, 7)) {
		_ = a.Add(r)
	}
	good := mustMarshal(t, a)
	accepted := 0
	for off := 14; off+8 <= len(good)-4; off++ {
		vals := []float64{2, 0.5}
		if !testing.Short() && off%3 == 0 {
			vals = append(vals, 0, 1, 1e-300, 100)
		}
		for _, v := range vals {
			f := append([]byte(nil), good...)
			binary.LittleEndian.PutUint64(f[off:], math.Float64bits(v))
			got := servqual.NewAccumulator(in)
			if err := got.UnmarshalBinary(resign(f)); err != nil {
				if !errors.Is(err, servqual.ErrFormat) {
					t.Fatalf("offset %d value %v: %v", off, v, err)
				}
				continue
			}
			accepted++
			checkReport(t, got.Report())
		}
	}
	t.Logf("%d mutated states accepted", accepted)
}
