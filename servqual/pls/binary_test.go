package pls_test

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
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

func marshalAcc(t testing.TB, a *pls.Accumulator) []byte {
	t.Helper()
	b, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// accOf adds rows, blanking every seventh answer when missing is set.
func accOf(t testing.TB, rows [][]float64, missing bool) *pls.Accumulator {
	var a pls.Accumulator
	for r, row := range rows {
		row = append([]float64(nil), row...)
		for j := range row {
			if missing && (r*len(row)+j)%7 == 3 {
				row[j] = math.NaN()
			}
		}
		if err := a.Add(row); err != nil {
			t.Fatal(err)
		}
	}
	return &a
}

func sameMoments(t *testing.T, name string, want, got *pls.Accumulator) {
	t.Helper()
	if want.N() != got.N() || want.Complete() != got.Complete() {
		t.Errorf("%s: counts %d/%d, want %d/%d", name, got.N(), got.Complete(), want.N(), want.Complete())
	}
	for _, m := range []pls.Missing{pls.Listwise, pls.Pairwise} {
		m1, e1 := want.Moments(m)
		m2, e2 := got.Moments(m)
		if d := cmp.Diff(m1, m2, bitsEqual); d != "" || (e1 == nil) != (e2 == nil) {
			t.Errorf("%s: Moments(%v) mismatch (%v, %v):\n%s", name, m, e1, e2, d)
		}
	}
}

func TestAccumulatorBinaryRoundTrip(t *testing.T) {
	data := survey(400)
	states := map[string]*pls.Accumulator{
		"zero":            {},
		"one row":         accOf(t, data[:1], false),
		"typical":         accOf(t, data, false),
		"missing answers": accOf(t, data, true),
		"one incomplete":  accOf(t, data[:1], true),
		"all missing":     accOf(t, [][]float64{{math.NaN(), math.NaN()}}, false),
	}
	merged := accOf(t, data[:10], true)
	if err := merged.Merge(accOf(t, data[10:], false)); err != nil {
		t.Fatal(err)
	}
	states["after merges"] = merged
	for name, a := range states {
		b := marshalAcc(t, a)
		var got pls.Accumulator
		if err := got.UnmarshalBinary(b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameMoments(t, name, a, &got)
		if string(marshalAcc(t, &got)) != string(b) {
			t.Errorf("%s: re-encoding differs", name)
		}
	}
	// The documented sizes for 22 indicators.
	rows22 := make([][]float64, 30)
	for i := range rows22 {
		rows22[i] = make([]float64, 22)
		for j := range rows22[i] {
			rows22[i][j] = float64((i*j)%7 + 1)
		}
	}
	if n := len(marshalAcc(t, accOf(t, rows22, false))); n != 2243 {
		t.Errorf("22 indicators, complete: %d bytes, want 2243", n)
	}
	if n := len(marshalAcc(t, accOf(t, rows22, true))); n != 13859 {
		t.Errorf("22 indicators, incomplete rows: %d bytes, want 13859", n)
	}
	// Merging decoded shards equals merging the originals.
	x, y := accOf(t, data[:150], true), accOf(t, data[150:], true)
	var dx, dy pls.Accumulator
	if err := dx.UnmarshalBinary(marshalAcc(t, x)); err != nil {
		t.Fatal(err)
	}
	if err := dy.UnmarshalBinary(marshalAcc(t, y)); err != nil {
		t.Fatal(err)
	}
	_ = x.Merge(y)
	_ = dx.Merge(&dy)
	if string(marshalAcc(t, x)) != string(marshalAcc(t, &dx)) {
		t.Error("merged decoded shards differ from merged originals")
	}
}

func TestAccumulatorBinaryErrors(t *testing.T) {
	good := marshalAcc(t, accOf(t, survey(30), true))
	into := accOf(t, survey(5), false)
	before := marshalAcc(t, into)
	bad := func(name string, data []byte, sentinel error) {
		t.Helper()
		err := into.UnmarshalBinary(data)
		if !errors.Is(err, sentinel) {
			t.Fatalf("%s: error %v does not wrap %v", name, err, sentinel)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "pls: ") || strings.Count(msg, "pls: ") != 1 {
			t.Errorf("%s: error %q: want the prefix once", name, msg)
		}
		if string(marshalAcc(t, into)) != string(before) {
			t.Errorf("%s: failed decoding changed the accumulator", name)
		}
	}
	for n := 0; n < len(good); n += 1 + n/10 {
		bad("truncated", good[:n], pls.ErrFormat)
	}
	bad("trailing", append(append([]byte(nil), good...), 0), pls.ErrFormat)
	bad("truncated, re-signed", resignFrame(good[:len(good)-12]), pls.ErrFormat)
	for i := 0; i < len(good)*8; i += 31 {
		f := append([]byte(nil), good...)
		f[i/8] ^= 1 << (i % 8)
		bad("bit flip", f, pls.ErrFormat)
	}
	set := func(name string, off int, v uint64) {
		f := append([]byte(nil), good...)
		binary.LittleEndian.PutUint64(f[off:], v)
		bad(name, resignFrame(f), pls.ErrFormat)
	}
	// Body: K at 14, rows at 22, n at 30, means from 38.
	set("K changed", 14, 7)
	set("negative rows", 22, uint64(1<<64-1))
	set("more complete than rows", 30, 31)
	set("NaN mean", 38, math.Float64bits(math.NaN()))
	set("huge mean", 38, math.Float64bits(1e300))
	set("negative variance", 38+6*8, math.Float64bits(-1))
	set("co-moment beyond Cauchy–Schwarz", 38+7*8, math.Float64bits(1e10))
	future := append([]byte(nil), good...)
	binary.LittleEndian.PutUint16(future[4:], 2)
	bad("future version", resignFrame(future), pls.ErrFormat)
	// Another number of indicators.
	other := marshalAcc(t, accOf(t, [][]float64{{1, 2}, {2, 3}}, false))
	bad("two indicators into six", other, pls.ErrLength)
	if err := (*pls.Accumulator)(nil).UnmarshalBinary(good); !errors.Is(err, pls.ErrValue) {
		t.Errorf("nil receiver: %v", err)
	}
}

// FuzzAccumulatorUnmarshalBinary: no panic; an error wraps ErrFormat or
// ErrLength, starts with the prefix once and changes nothing; a success
// into a zero accumulator re-encodes to the input, and Moments either
// errs or is finite.
func FuzzAccumulatorUnmarshalBinary(f *testing.F) {
	data := survey(12)
	for _, a := range []*pls.Accumulator{{}, accOf(f, data[:1], false), accOf(f, data, false), accOf(f, data, true)} {
		b := marshalAcc(f, a)
		f.Add(b)
		f.Add(b[:len(b)/2])
		f.Add(resignFrame(b[:len(b)-8]))
		g := append([]byte(nil), b...)
		g[len(g)/2] ^= 16
		f.Add(resignFrame(g))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var a pls.Accumulator
		err := a.UnmarshalBinary(data)
		if err != nil {
			if !errors.Is(err, pls.ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "pls: ") || strings.Count(msg, "pls: ") != 1 {
				t.Fatalf("error %q: want the prefix once", msg)
			}
			if a.N() != 0 {
				t.Fatal("failed decoding changed the accumulator")
			}
			return
		}
		if string(marshalAcc(t, &a)) != string(data) {
			t.Fatal("decoded state re-encodes differently")
		}
		for _, m := range []pls.Missing{pls.Listwise, pls.Pairwise} {
			mo, err := a.Moments(m)
			if err != nil {
				continue
			}
			for _, v := range mo.Mean {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("Moments(%v): mean %v", m, v)
				}
			}
		}
	})
}
