package pls

import (
	"errors"
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/internal/binstate"
)

// ErrFormat marks a binary state that cannot be decoded: a corrupted,
// truncated or over-long buffer, the state of another type, a layout
// version newer than this library reads, or statistics no sequence of
// rows could produce (a negative count, more complete rows than rows, a
// non-finite or out-of-range moment).
var ErrFormat = errors.New("malformed binary state")

const (
	accMagic   = "PLSA"
	accVersion = 1
)

func accIdentity(k int) uint64 {
	var h binstate.Hash
	h.String("pls.Accumulator")
	h.Int(k)
	return h.Sum()
}

// MarshalBinary returns the accumulator's state in a compact, versioned
// binary form, for sending a shard to another process or machine and
// merging it there; [Accumulator.UnmarshalBinary] restores it exactly (its
// Moments equal the original's bit for bit). Layout (version 1,
// little-endian, floats as IEEE-754 float64):
//
//	magic     "PLSA"
//	version   uint16   1
//	identity  uint64   FNV-1a hash of the number of indicators K
//	K         int64    indicators (0 for an accumulator given no row yet)
//	rows      int64    rows added
//	n         int64    complete rows
//	mean      K        means over complete rows
//	m2        K(K+1)/2 co-moments over complete rows, upper triangle by row
//	pairs     byte     0: no incomplete row with an answer; else
//	  pn      K(K+1)/2 int64 pair counts over incomplete rows (i ≤ j)
//	  pmean   K²       [i·K+j] mean of i over the rows answering i and j
//	  pm2     K²       [i·K+j] squared deviations of i over those rows
//	  pc      K(K−1)/2 co-moments of the pairs i < j
//	crc32     uint32   CRC-32C (Castagnoli) of all the bytes before it
//
// The size depends on K only: 8·(3 + K + K(K+1)/2) + 19 bytes without
// incomplete rows, 24K² more with them; for 22 indicators (SERVQUAL's
// items) 2,243 and 13,859 bytes. The accumulator
// does not know its model, so the identity is its number of indicators:
// decode only state of the same model's indicators, in the same order.
func (a *Accumulator) MarshalBinary() ([]byte, error) {
	if a == nil {
		return nil, errorf("MarshalBinary: nil accumulator: %w", ErrValue)
	}
	K := a.k
	size := 8 * (3 + K + K*(K+1)/2)
	if a.pn != nil {
		size += 24 * K * K
	}
	w := binstate.NewWriter(accMagic, accVersion, accIdentity(K), size+1)
	w.Int64(int64(K))
	w.Int64(a.rows)
	w.Int64(a.n)
	w.Floats(a.mean)
	for i := range K {
		w.Floats(a.m2[i*K+i : i*K+K])
	}
	if a.pn == nil {
		w.Byte(0)
		return w.Finish(), nil
	}
	w.Byte(1)
	for i := range K {
		for j := i; j < K; j++ {
			w.Int64(a.pn[i*K+j])
		}
	}
	w.Floats(a.pmean)
	w.Floats(a.pm2)
	for i := range K {
		w.Floats(a.pc[i*K+i+1 : i*K+K])
	}
	return w.Finish(), nil
}

// UnmarshalBinary replaces a's state by the one data encodes (see
// [Accumulator.MarshalBinary]). An a that has seen a row or was made by
// [NewAccumulator] for a model must have the encoded number of
// indicators (else an error wrapping [ErrLength]), unless the state is
// that of a zero Accumulator (K = 0, which empties a); a zero Accumulator
// takes the number from data. Data of another type, of a newer version,
// truncated, corrupted, with trailing bytes or with impossible statistics
// returns an error wrapping [ErrFormat]; a nil a one wrapping [ErrValue].
// On error a is unchanged.
func (a *Accumulator) UnmarshalBinary(data []byte) error {
	if a == nil {
		return errorf("UnmarshalBinary: nil accumulator: %w", ErrValue)
	}
	r, err := binstate.NewReader(data, accMagic, accVersion)
	if err != nil {
		return errorf("UnmarshalBinary: %v: %w", err, ErrFormat)
	}
	k := r.Int64()
	if r.Err() != nil || k < 0 || k > MaxIndicators {
		return errorf("UnmarshalBinary: %d indicators outside 0..%d or truncated: %w", k, MaxIndicators, ErrFormat)
	}
	K := int(k)
	if err := r.CheckIdentity(accIdentity(K)); err != nil {
		return errorf("UnmarshalBinary: %v: %w", err, ErrFormat)
	}
	if a.k != 0 && K != 0 && a.k != K {
		return errorf("UnmarshalBinary: state of %d indicators into an accumulator of %d: %w", K, a.k, ErrLength)
	}
	var t Accumulator
	if K > 0 {
		t.init(K)
	}
	t.rows, t.n = r.Int64(), r.Int64()
	fail := func(format string, args ...any) { r.Fail(fmt.Errorf(format, args...)) }
	if r.Err() == nil && (t.rows < 0 || t.n < 0 || t.n > t.rows || K == 0 && t.rows != 0) {
		fail("counts: %d rows, %d complete, %d indicators", t.rows, t.n, K)
	}
	r.Floats(t.mean)
	for i := range K {
		r.Floats(t.m2[i*K+i : i*K+K])
	}
	if r.Err() == nil {
		checkMoments(fail, "complete rows", t.n, t.mean, t.m2, K, func(i, j int) float64 { return t.m2[i*K+j] })
	}
	switch b := r.Byte(); {
	case r.Err() != nil:
	case b > 1:
		fail("pairs: presence byte %d, want 0 or 1", b)
	case b == 1:
		t.initPairs()
		some := false
		for i := range K {
			for j := i; j < K; j++ {
				c := r.Int64()
				if r.Err() == nil && (c < 0 || c > t.rows-t.n) {
					fail("pairs: count %d of indicators %d and %d outside 0..%d", c, i, j, t.rows-t.n)
				}
				t.pn[i*K+j] = c
				some = some || c > 0
			}
		}
		r.Floats(t.pmean)
		r.Floats(t.pm2)
		for i := range K {
			r.Floats(t.pc[i*K+i+1 : i*K+K])
		}
		if r.Err() == nil && !some {
			fail("pairs: marked present but empty")
		}
		if r.Err() == nil {
			t.checkPairs(fail)
		}
	}
	if err := r.Close(); err != nil {
		return errorf("UnmarshalBinary: %v: %w", err, ErrFormat)
	}
	if K == 0 && a.k != 0 {
		// An empty state of no indicators merges into any accumulator:
		// decoded into one that has them, it empties it.
		t.init(a.k)
	}
	*a = t
	return nil
}

// checkMoments checks means and co-moments over n rows with values of
// magnitude at most MaxValue: |mean| ≤ MaxValue, 0 ≤ C_ii ≤ n(2·MaxValue)²,
// C_ij² ≤ C_ii C_jj (Cauchy–Schwarz, with room for rounding), and all
// zero for n ≤ 1 (means too for n = 0).
func checkMoments(fail func(string, ...any), what string, n int64, mean, m2 []float64, K int, c func(i, j int) float64) {
	nf := float64(n)
	for i := range K {
		if m := mean[i]; !(math.Abs(m) <= MaxValue) || n == 0 && math.Float64bits(m) != 0 {
			fail("%s: mean %v of indicator %d over %d rows", what, m, i, n)
			return
		}
		for j := i; j < K; j++ {
			v := c(i, j)
			ok := math.Float64bits(v) == 0
			if n > 1 {
				if i == j {
					ok = v >= 0 && v <= nf*4*MaxValue*MaxValue
				} else {
					ok = v*v <= c(i, i)*c(j, j)*(1+1e-9)+1e-300
				}
			}
			if !ok {
				fail("%s: co-moment %v of indicators %d and %d over %d rows", what, v, i, j, n)
				return
			}
		}
	}
}

// checkPairs checks the statistics of the incomplete rows pair by pair.
func (t *Accumulator) checkPairs(fail func(string, ...any)) {
	K := t.k
	for i := range K {
		for j := i; j < K; j++ {
			ij, ji := i*K+j, j*K+i
			n := t.pn[ij]
			mean := []float64{t.pmean[ij], t.pmean[ji]}
			get := func(x, y int) float64 {
				switch {
				case x == 0 && y == 0:
					return t.pm2[ij]
				case x == 1 && y == 1:
					return t.pm2[ji]
				}
				if i == j {
					return t.pm2[ij]
				}
				return t.pc[ij]
			}
			kk := 2
			if i == j {
				kk = 1
			}
			checkMoments(fail, fmt.Sprintf("pairs %d and %d", i, j), n, mean, nil, kk, get)
		}
	}
}
