// Exact integer sums for the co-moments of integer ratings.

package servqual

import (
	"math"
	"math/bits"
)

// exactSums keeps, for a block whose variables are integer ratings, the
// exact sums of the responses added since its statistics were last read:
//
//	N,  Sᵢ = Σ uᵢ,  Sᵢⱼ = Σ uᵢ uⱼ   (j ≥ i),   xᵢ = off + uᵢ/qᵢ,
//
// where u is a non-negative integer (the rating minus the scale's lower
// end, a gap plus the scale's range, or the sum of a dimension's such
// values, which qᵢ, the dimension's number of items, turns into its mean).
// Integer sums need no division and lose nothing, so adding a response is
// a few integer multiply-adds; reading folds them into the block's
// floating-point state with Chan, Golub & LeVeque's (1979) pairwise
// formula, the sums' own co-moments being computed exactly as
//
//	Cᵢⱼ = (N Sᵢⱼ − Sᵢ Sⱼ) / (N qᵢ qⱼ)   (a 128-bit integer numerator).
//
// Between spills the sums live in lanes of 64-bit words, several values
// per word (16 or 32 bits each, or five of 12 bits), so that one integer
// multiplication updates several co-moments: row i of the products adds
// uᵢ × (the word holding uⱼ, uⱼ₊₁, …). A lane cannot overflow because the
// lanes are spilled into the 64-bit totals every cap responses, cap ·
// max(u)² being below the lane's capacity; the totals are folded into
// the block before they could overflow (limit). The integer path of Add
// ([Accumulator.addInt]) fills the lanes.
type exactSums struct {
	k      int
	off    float64   // common offset: x = off + u/q
	offInt int64     // off as an integer
	q      []float64 // per variable divisor (1 for items, k for a dimension score)
	qi     []uint64
	umax   uint64   // largest value of any u
	width  uint     // bits per lane: 16 or 32, or 12 for five variables in one word (see use12)
	lshift uint     // log2 of the lanes per word (16 and 32 bits)
	nw     int      // words per packed vector
	cap    int      // responses the lanes hold
	nb     int      // responses in the lanes
	w      []uint64 // the packed vector of the response being added (addAny)
	ls     []uint64 // lane sums, nw words
	lp     []uint64 // lane products, row i in lp[i*nw:(i+1)*nw]
	cnt    uint64   // responses in the totals
	limit  uint64   // largest cnt for which the totals cannot overflow
	s      []uint64 // totals Sᵢ
	s2     []uint64 // totals Sᵢⱼ, row-major upper triangle
	tmp    block    // the totals as a block, for the fold
}

// exactScale reports the integer offset and range of the instrument's
// scale for the exact sums, or ok = false when its ends are not integers
// of magnitude at most 2⁴⁸ (so that a dimension's sum of up to eight
// ratings is exact in float64, as the general path computes it) or its
// range is too wide for the lanes to pay off (the integer path then
// takes only ranges up to 31: see newIntPath).
func exactScale(in *Instrument) (lo, r int64, ok bool) {
	a, b := in.scale.Min, in.scale.Max
	if a != math.Trunc(a) || b != math.Trunc(b) || math.Abs(a) > 1<<48 || math.Abs(b) > 1<<48 || b-a > 1<<12 {
		return 0, 0, false
	}
	return int64(a), int64(b - a), true
}

// newExactSums returns the exact sums of k variables with offset off,
// divisors q and values u in 0..umax, or nil if their products would not
// leave room in a 32-bit lane for at least 16 responses.
func newExactSums(off int64, q []int, umax uint64) *exactSums {
	k := len(q)
	if k == 0 || umax == 0 {
		return nil
	}
	sq := umax * umax
	x := &exactSums{k: k, off: float64(off), offInt: off, umax: umax}
	switch {
	case (1<<16-1)/sq >= 16:
		x.width, x.lshift, x.cap = 16, 2, int(min((1<<16-1)/sq, 1<<12))
	case (1<<32-1)/sq >= 16:
		x.width, x.lshift, x.cap = 32, 1, int(min((1<<32-1)/sq, 1<<12))
	default:
		return nil
	}
	lanes := 1 << x.lshift
	x.nw = (k + lanes - 1) / lanes
	rows := k
	if x.width == 16 && k <= 8 {
		rows = 4 * x.nw // room for the fixed-size kernel of [block.rows16]
	}
	x.q = make([]float64, k)
	x.qi = make([]uint64, k)
	for i, v := range q {
		x.q[i], x.qi[i] = float64(v), uint64(v)
	}
	x.w = make([]uint64, x.nw)
	x.ls = make([]uint64, x.nw)
	x.lp = make([]uint64, rows*x.nw)
	x.s = make([]uint64, k)
	x.s2 = make([]uint64, k*k)
	x.limit = (1 << 63) / sq
	x.tmp = newBlock(k)
	return x
}

// use12 switches the exact sums of five variables to five 12-bit lanes
// in one word (five multiplications per response instead of nine) if
// the lanes then hold at least eight responses, and reports whether it
// did.
func (x *exactSums) use12() bool {
	if !x.can12() {
		return false
	}
	sq := x.umax * x.umax
	x.width, x.nw, x.cap = 12, 1, int((1<<12-1)/sq)
	x.ls, x.lp, x.w = x.ls[:1], make([]uint64, 5), x.w[:1]
	return true
}

// can12 reports whether use12 would switch x to 12-bit lanes.
func (x *exactSums) can12() bool { return x.k == 5 && (1<<12-1)/(x.umax*x.umax) >= 8 }

// addInts adds one vector u of k values in 0..umax to b's exact sums.
func (b *block) addInts(u []uint64) {
	x := b.x
	if x.width == 12 {
		b.rows5(u[0] | u[1]<<12 | u[2]<<24 | u[3]<<36 | u[4]<<48)
		return
	}
	switch {
	case x.nw == 1 && x.lshift == 2:
		x.add16x1(u)
	case x.nw == 2 && x.lshift == 2:
		x.add16x2(u)
	default:
		x.addAny(u)
	}
	x.nb++
	if x.nb >= x.cap {
		b.spillLanes()
	}
}

// spillLanes moves full lanes into the totals.
func (b *block) spillLanes() {
	x := b.x
	if x.cnt+uint64(x.nb) > x.limit {
		b.foldTotals()
	}
	x.spill()
}

// rows16 is addInts for a block of at most eight variables in 16-bit
// lanes (x.width == 16, k ≤ 8), given the values packed into w0 (u₀…u₃)
// and w1 (u₄…u₇, zero beyond k).
func (b *block) rows16(w0, w1 uint64) {
	if b.x.nw == 1 {
		b.rows4(w0)
	} else {
		b.rows8(w0, w1)
	}
}

// rows4 is rows16 for at most four variables (one word).
func (b *block) rows4(w uint64) {
	const m = 1<<16 - 1
	x := b.x
	lp := x.lp[:4:4]
	lp[0] += w & m * w
	lp[1] += w >> 16 & m * w
	lp[2] += w >> 32 & m * w
	lp[3] += w >> 48 * w
	x.ls[0] += w
	x.nb++
	if x.nb >= x.cap {
		b.spillLanes()
	}
}

// rows5 is addInts for five variables in 12-bit lanes (see use12),
// packed into w.
func (b *block) rows5(w uint64) {
	const m = 1<<12 - 1
	x := b.x
	lp := x.lp[:5:5]
	lp[0] += w & m * w
	lp[1] += w >> 12 & m * w
	lp[2] += w >> 24 & m * w
	lp[3] += w >> 36 & m * w
	lp[4] += w >> 48 & m * w
	x.ls[0] += w
	x.nb++
	if x.nb >= x.cap {
		b.spillLanes()
	}
}

// rows4x3 is rows4 for three blocks at once (a dimension's expectations,
// perceptions and gaps), saving two calls.
func rows4x3(be, bp, bg *block, e, p, g uint64) {
	const m = 1<<16 - 1
	xe, xp, xg := be.x, bp.x, bg.x
	le, lp, lg := xe.lp[:4:4], xp.lp[:4:4], xg.lp[:4:4]
	le[0] += e & m * e
	lp[0] += p & m * p
	lg[0] += g & m * g
	le[1] += e >> 16 & m * e
	lp[1] += p >> 16 & m * p
	lg[1] += g >> 16 & m * g
	le[2] += e >> 32 & m * e
	lp[2] += p >> 32 & m * p
	lg[2] += g >> 32 & m * g
	le[3] += e >> 48 * e
	lp[3] += p >> 48 * p
	lg[3] += g >> 48 * g
	xe.ls[0] += e
	xp.ls[0] += p
	xg.ls[0] += g
	xe.nb++
	xp.nb++
	xg.nb++
	if xg.nb >= xg.cap || xe.nb >= xe.cap || xp.nb >= xp.cap {
		spill3(be, bp, bg)
	}
}

// rows5x3 is rows5 for three blocks at once, as rows4x3.
func rows5x3(be, bp, bg *block, e, p, g uint64) {
	const m = 1<<12 - 1
	xe, xp, xg := be.x, bp.x, bg.x
	le, lp, lg := xe.lp[:5:5], xp.lp[:5:5], xg.lp[:5:5]
	le[0] += e & m * e
	lp[0] += p & m * p
	lg[0] += g & m * g
	le[1] += e >> 12 & m * e
	lp[1] += p >> 12 & m * p
	lg[1] += g >> 12 & m * g
	le[2] += e >> 24 & m * e
	lp[2] += p >> 24 & m * p
	lg[2] += g >> 24 & m * g
	le[3] += e >> 36 & m * e
	lp[3] += p >> 36 & m * p
	lg[3] += g >> 36 & m * g
	le[4] += e >> 48 & m * e
	lp[4] += p >> 48 & m * p
	lg[4] += g >> 48 & m * g
	xe.ls[0] += e
	xp.ls[0] += p
	xg.ls[0] += g
	xe.nb++
	xp.nb++
	xg.nb++
	if xg.nb >= xg.cap || xe.nb >= xe.cap || xp.nb >= xp.cap {
		spill3(be, bp, bg)
	}
}

// spill3 spills the full lanes of three blocks.
func spill3(bs ...*block) {
	for _, b := range bs {
		if b.x.nb >= b.x.cap {
			b.spillLanes()
		}
	}
}

// rows8 is rows16 for five to eight variables (two words).
func (b *block) rows8(w0, w1 uint64) {
	const m = 1<<16 - 1
	x := b.x
	lp := x.lp[:16:16]
	u := w0 & m
	lp[0] += u * w0
	lp[1] += u * w1
	u = w0 >> 16 & m
	lp[2] += u * w0
	lp[3] += u * w1
	u = w0 >> 32 & m
	lp[4] += u * w0
	lp[5] += u * w1
	u = w0 >> 48
	lp[6] += u * w0
	lp[7] += u * w1
	lp[9] += w1 & m * w1
	if x.k > 5 {
		lp[11] += w1 >> 16 & m * w1
		lp[13] += w1 >> 32 & m * w1
		lp[15] += w1 >> 48 * w1
	}
	ls := x.ls[:2:2]
	ls[0] += w0
	ls[1] += w1
	x.nb++
	if x.nb >= x.cap {
		b.spillLanes()
	}
}

// kernel16 reports whether x can use rows16.
func (x *exactSums) kernel16() bool { return x != nil && x.width == 16 && x.k <= 8 }

// add16x1 is add for up to four 16-bit lanes in one word.
func (x *exactSums) add16x1(u []uint64) {
	var w uint64
	for j, v := range u {
		w |= v << (16 * uint(j&3))
	}
	x.ls[0] += w
	lp := x.lp[:len(u)]
	for i, v := range u {
		lp[i] += v * w
	}
}

// add16x2 is add for five to eight 16-bit lanes in two words.
func (x *exactSums) add16x2(u []uint64) {
	if len(u) < 5 || len(u) > 8 {
		x.addAny(u)
		return
	}
	w0 := u[0] | u[1]<<16 | u[2]<<32 | u[3]<<48
	var w1 uint64
	for j, v := range u[4:] {
		w1 |= v << (16 * uint(j&3))
	}
	x.ls[0] += w0
	x.ls[1] += w1
	lp := x.lp[:2*len(u)]
	lp[0] += u[0] * w0
	lp[1] += u[0] * w1
	lp[2] += u[1] * w0
	lp[3] += u[1] * w1
	lp[4] += u[2] * w0
	lp[5] += u[2] * w1
	lp[6] += u[3] * w0
	lp[7] += u[3] * w1
	for i := 4; i < len(u); i++ {
		lp[2*i+1] += u[i] * w1
	}
}

// addAny is add for any number of words and lane width.
func (x *exactSums) addAny(u []uint64) {
	w := x.w[:x.nw]
	clear(w)
	lanes := 1<<x.lshift - 1
	for j, v := range u {
		w[j>>x.lshift] |= v << (x.width * uint(j&lanes))
	}
	for a, v := range w {
		x.ls[a] += v
	}
	nw := x.nw
	for i, v := range u {
		row := x.lp[i*nw : i*nw+nw]
		for a := i >> x.lshift; a < nw; a++ {
			row[a] += v * w[a]
		}
	}
}

// spill moves the lanes into the 64-bit totals (the caller makes sure
// they cannot overflow).
func (x *exactSums) spill() {
	if x.nb == 0 {
		return
	}
	k, nw := x.k, x.nw
	width := x.width
	mask := uint64(1)<<width - 1
	full := 64 / width * width // bits of a word in use: 64, or 60 for 12-bit lanes
	ls := x.ls[:nw]
	for i := 0; i < k; i++ {
		// Lane i of the sums, then lanes i… of row i, walking the
		// words lane by lane.
		a, sh := i/(64/int(width)), uint(i%(64/int(width)))*width
		x.s[i] += ls[a] >> sh & mask
		row := x.lp[i*nw : i*nw+nw]
		s2 := x.s2[i*k : i*k+k]
		for j := i; j < k; j++ {
			s2[j] += row[a] >> sh & mask
			if sh += width; sh >= full {
				a, sh = a+1, 0
			}
		}
	}
	x.cnt += uint64(x.nb)
	x.nb = 0
	clear(x.ls)
	clear(x.lp)
}

// pending reports whether x holds responses not yet in its block.
func (x *exactSums) pending() bool { return x != nil && (x.nb != 0 || x.cnt != 0) }

// flush folds the exact sums into b's floating-point state and empties
// them.
func (b *block) flush() {
	x := b.x
	if !x.pending() {
		return
	}
	if x.cnt+uint64(x.nb) > x.limit {
		b.foldTotals()
	}
	x.spill()
	b.foldTotals()
}

// foldTotals merges the totals into b (Chan, Golub & LeVeque's pairwise
// update) and empties them.
func (b *block) foldTotals() {
	x := b.x
	if x.cnt == 0 {
		return
	}
	t := &x.tmp
	k := x.k
	n := float64(x.cnt)
	t.n = n
	for i := 0; i < k; i++ {
		t.mean[i] = x.mean(i)
		for j := i; j < k; j++ {
			t.c[i*k+j] = comoment(x.cnt, x.s2[i*k+j], x.s[i], x.s[j]) / n / (x.q[i] * x.q[j])
		}
	}
	b.merge(t)
	x.cnt = 0
	clear(x.s)
	clear(x.s2)
}

// mean returns the mean of variable i over the totals, off + Sᵢ/(N qᵢ).
func (x *exactSums) mean(i int) float64 {
	return exactMean(x.offInt, x.s[i], x.cnt*x.qi[i]) // ≤ 2⁵³ · MaxItems: no overflow
}

// exactMean returns off + s/d: with one rounding when the numerator
// s + off·d fits in 53 bits (small offsets and counts), else within two
// units in the last place. The second way splits s/d into its integer
// quotient and remainder and adds the fraction with the sign of the
// whole part, so that a mean near zero with a negative offset (a gap's
// −r) does not lose its digits to cancellation, whatever the count.
func exactMean(off int64, s, d uint64) float64 {
	if off > -1<<20 && off < 1<<20 && d < 1<<40 && s < 1<<62 {
		num := int64(s) + off*int64(d) // |off·d| < 2⁶⁰
		return float64(num) / float64(d)
	}
	if d == 0 {
		return math.NaN()
	}
	q, rem := s/d, s%d
	if q > 1<<53 || off > 1<<53 || off < -1<<53 {
		return float64(off) + float64(s)/float64(d) // not reached: s/d is a mean of ratings
	}
	w := off + int64(q) // exact: both below 2⁵³ in magnitude
	if w < 0 && rem != 0 {
		// w + rem/d = (w + 1) − (d − rem)/d, both terms ≤ 0.
		return float64(w+1) - float64(d-rem)/float64(d)
	}
	return float64(w) + float64(rem)/float64(d)
}

// comoment returns N Sᵢⱼ − Sᵢ Sⱼ, computed exactly in 128 bits and
// rounded once to float64: N times the co-moment of the sums' variables.
func comoment(n, sij, si, sj uint64) float64 {
	hi1, lo1 := bits.Mul64(n, sij)
	hi2, lo2 := bits.Mul64(si, sj)
	neg := hi1 < hi2 || hi1 == hi2 && lo1 < lo2
	if neg {
		hi1, lo1, hi2, lo2 = hi2, lo2, hi1, lo1
	}
	lo, borrow := bits.Sub64(lo1, lo2, 0)
	hi, _ := bits.Sub64(hi1, hi2, borrow)
	num := float64(lo)
	if hi != 0 {
		// The top 64 bits, the bits below them kept as a sticky bit
		// (bit 0, ten places below the rounding position), so that the
		// one conversion rounds the 128-bit value to nearest even;
		// float64(hi)·2⁶⁴ + float64(lo) would round twice.
		s := uint(bits.LeadingZeros64(hi))
		top := hi<<s | lo>>(64-s) // lo>>64 is 0
		if lo<<s != 0 {
			top |= 1
		}
		num = math.Ldexp(float64(top), 64-int(s))
	}
	if neg {
		return -num
	}
	return num
}
