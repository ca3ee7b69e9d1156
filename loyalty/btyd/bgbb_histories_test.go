package btyd_test

import (
	"errors"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
)

func TestCompressBGBB(t *testing.T) {
	T, F := true, false
	got, err := btyd.CompressBGBB([][]bool{
		{F, F, F},    // (0, 0, 3)
		{T, F, T},    // (2, 3, 3)
		{F, T, F},    // (1, 2, 3)
		{F, F, F},    // (0, 0, 3)
		{},           // (0, 0, 0)
		{F, T, F, F}, // (1, 2, 4)
		{T, F, T},    // (2, 3, 3)
	})
	want := []btyd.BGBBHistory{
		{Periods: 0, Count: 1},
		{Periods: 3, Count: 2},
		{Frequency: 1, Recency: 2, Periods: 3, Count: 1},
		{Frequency: 2, Recency: 3, Periods: 3, Count: 2},
		{Frequency: 1, Recency: 2, Periods: 4, Count: 1},
	}
	if err != nil || !cmp.Equal(got, want) {
		t.Errorf("CompressBGBB = %v, %v; want %v", got, err, want)
	}
	if _, err := btyd.CompressBGBB(nil); !errors.Is(err, btyd.ErrEmpty) {
		t.Errorf("CompressBGBB(nil): %v", err)
	}
	if _, err := btyd.CompressBGBB([][]bool{{}, make([]bool, btyd.BGBBMaxPeriods+1)}); !errors.Is(err, btyd.ErrInvalid) {
		t.Errorf("CompressBGBB(too long): %v", err)
	}
}

// FuzzCompressBGBB checks that the compressed rows are valid for FitBGBB
// and count every customer once.
func FuzzCompressBGBB(f *testing.F) {
	f.Add([]byte{0, 1, 0, 1, 1, 0, 0, 0}, uint8(3))
	f.Add([]byte{}, uint8(0))
	f.Add([]byte{1}, uint8(1))
	f.Fuzz(func(t *testing.T, bits []byte, width uint8) {
		w := int(width%10) + 1
		var hs [][]bool
		for len(bits) > 0 {
			k := min(w, len(bits))
			h := make([]bool, k)
			for j := range h {
				h[j] = bits[j]&1 == 1
			}
			hs = append(hs, h)
			bits = bits[k:]
		}
		rows, err := btyd.CompressBGBB(hs)
		if len(hs) == 0 {
			if !errors.Is(err, btyd.ErrEmpty) {
				t.Fatalf("empty: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		var total int
		for _, r := range rows {
			total += r.Count
		}
		if total != len(hs) {
			t.Errorf("%d customers counted, want %d", total, len(hs))
		}
		m := btyd.BGBB{Alpha: 1, Beta: 1, Gamma: 1, Delta: 1}
		if _, err := m.LogLikelihood(rows); err != nil {
			t.Errorf("LogLikelihood of the compressed rows: %v", err)
		}
	})
}
