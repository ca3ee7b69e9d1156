package binstate_test

import (
	"errors"
	"hash/fnv"
	"testing"

	"github.com/cxlab/satisfaction/internal/binstate"
)

func TestReader(t *testing.T) {
	w := binstate.NewWriter("TEST", 2, 7, 9)
	w.Byte(1)
	w.Int64(-5)
	good := w.Finish()
	if len(good) != binstate.Overhead+9 {
		t.Fatalf("frame %d bytes", len(good))
	}
	r, err := binstate.NewReader(good, "TEST", 2)
	if err != nil {
		t.Fatal(err)
	}
	if b, n := r.Byte(), r.Int64(); b != 1 || n != -5 || r.Close() != nil {
		t.Errorf("read %d %d %v", b, n, r.Close())
	}
	if err := r.CheckIdentity(8); !errors.Is(err, binstate.ErrIdentity) {
		t.Errorf("CheckIdentity(8) = %v", err)
	}
	if _, err := binstate.NewReader(good, "TEST", 1); !errors.Is(err, binstate.ErrVersion) {
		t.Errorf("newer version: %v", err)
	}
	if _, err := binstate.NewReader(good, "TSET", 2); err == nil {
		t.Error("wrong magic accepted")
	}
	for n := range len(good) {
		if _, err := binstate.NewReader(good[:n], "TEST", 2); err == nil {
			t.Errorf("truncation to %d accepted", n)
		}
	}
	r, _ = binstate.NewReader(good, "TEST", 2)
	r.Byte()
	if r.Close() == nil {
		t.Error("trailing bytes accepted")
	}
	r.Int64()
	r.Int64() // past the end
	if r.Err() == nil || r.Close() == nil {
		t.Error("read past the end accepted")
	}
	var h1, h2 binstate.Hash
	h1.String("ab")
	h1.String("c")
	h2.String("a")
	h2.String("bc")
	if h1.Sum() == h2.Sum() {
		t.Error("hash does not separate strings")
	}
}

// TestHashFNV checks Hash against hash/fnv on the bytes it documents.
func TestHashFNV(t *testing.T) {
	var h binstate.Hash
	h.String("ab")
	h.Int(-1)
	h.Bool(true)
	f := fnv.New64a()
	f.Write([]byte{2, 0, 0, 0, 0, 0, 0, 0, 'a', 'b', 255, 255, 255, 255, 255, 255, 255, 255, 1})
	if h.Sum() != f.Sum64() {
		t.Errorf("Sum = %x, want %x", h.Sum(), f.Sum64())
	}
	var empty binstate.Hash
	if empty.Sum() != fnv.New64a().Sum64() {
		t.Error("empty hash differs from FNV-1a's offset basis")
	}
}
