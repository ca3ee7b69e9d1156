// The integer path of Add: whole-number ratings into exact integer sums.

package servqual

import "math"

// intPath holds what [Accumulator.addInt] needs: the scale as integers,
// each dimension's lane layout (four 16-bit lanes in one or two words, or
// five 12-bit lanes in one) and scratch for one response.
type intPath struct {
	lo        float64 // the scale's lower end
	loI       int64
	r         int64                   // the scale's range, max − min
	umax      uint64                  // = r
	k         []int                   // per dimension, its number of items; −5 for five in 12-bit lanes
	dim       []int                   // per item, its dimension
	mask      [][2]uint64             // per dimension, the lanes of its items in two words of four
	ue        []uint64                // per item, expectation − lo; eight zeros after the last
	up        []uint64                // per item, perception − lo, likewise
	ua        []uint64                // per item, adequate level − lo, likewise
	ud        []uint64                // per item, desired level − lo, likewise
	zone      []Zone                  // per item, the perception's zone
	items     [NumMeasures][]itemSums // per measure and item, see answered
	itemLimit uint64                  // the count at which an item's sums are folded, before Σu² could overflow
	rr        []uint64                // per dimension, r in each item's lane of its two words (0 beyond its items)
	t         [NumMeasures][8]uint64  // per dimension Σ u (dimension scores)
	dimF      [NumMeasures][]float64  // dimension scores, when outcomes or importance need them
}

// newIntPath returns the integer path of a, whose instrument's scale is
// lo..lo+r with integer ends, or nil unless every dimension has at most
// eight items, there are at most eight dimensions and the blocks of
// every measure keep exact sums, the items' in 16-bit lanes.
func newIntPath(a *Accumulator, lo, r int64) *intPath {
	nd := len(a.in.dims)
	if nd > 8 {
		return nil
	}
	for m := range a.m {
		st := &a.m[m]
		if st.dims.x == nil {
			return nil
		}
		for d := range st.dim {
			if !st.dim[d].x.kernel16() {
				return nil
			}
		}
	}
	// Five-item dimensions use five 12-bit lanes in one word when every
	// measure's lanes can (the differences', the widest, decide).
	five := make([]bool, nd)
	for d := range five {
		five[d] = true
		for m := range a.m {
			five[d] = five[d] && a.m[m].dim[d].x.can12()
		}
		for m := range a.m {
			if five[d] {
				a.m[m].dim[d].x.use12()
			}
		}
	}
	ix := &intPath{lo: float64(lo), loI: lo, r: r, umax: uint64(r), k: make([]int, nd), dim: a.in.itemDim, mask: make([][2]uint64, nd),
		ue: make([]uint64, len(a.in.items)+8), up: make([]uint64, len(a.in.items)+8), rr: make([]uint64, 2*nd),
		ua: make([]uint64, len(a.in.items)+8), ud: make([]uint64, len(a.in.items)+8), zone: make([]Zone, len(a.in.items))}
	for d, items := range a.in.dimItems {
		ix.k[d] = len(items)
		if five[d] {
			ix.k[d] = -5
			for j := range items {
				ix.rr[2*d] |= uint64(r) << (12 * j)
			}
			continue
		}
		for j := range items {
			ix.mask[d][j/4] |= 0xffff << (16 * (j % 4))
			ix.rr[2*d+j/4] |= uint64(r) << (16 * (j % 4))
		}
	}
	for m := range ix.dimF {
		ix.dimF[m] = make([]float64, nd)
		ix.items[m] = make([]itemSums, len(a.in.items))
	}
	ix.itemLimit = (1 << 63) / (4 * uint64(r) * uint64(r))
	return ix
}

// ints converts the ratings v to u = v − lo into w. It reports whether
// every rating is a whole number on the scale lo..lo+umax or missing
// (NaN), and which dimensions (bit dim[i]) have a missing rating, whose
// u is 0.
//
// A whole number y = v − lo below 2⁵² is what v + (2⁵² − lo) holds in its
// low bits, exactly, and only then does subtracting 2⁵² − lo again give v
// back; so no conversion instruction is needed. It is not inlined: on
// its own its loop keeps everything in registers.
//
//go:noinline
func ints(v []float64, w []uint64, dim []int, lo float64, umax uint64) (missing uint64, ok bool) {
	const two52 = 0x1p52
	c := two52 - lo // exact: lo is a whole number of magnitude at most 2⁴⁸
	w = w[:len(v)]
	for i, f := range v {
		t := f + c
		x := math.Float64bits(t) - math.Float64bits(two52)
		if x > umax || t-c != f {
			if f == f {
				return 0, false
			}
			missing |= 1 << (uint(dim[i]) & 63)
			x = 0
		}
		w[i] = x
	}
	return missing, true
}

// ints2 is ints for expectations e and perceptions p together. Its loop
// handles whole numbers only: it returns the index of the first item with
// another value (len(e) if there is none), from which ints2Rest takes
// over.
//
//go:noinline
func ints2(e, p []float64, we, wp []uint64, lo float64, umax uint64) int {
	const two52 = 0x1p52
	c := two52 - lo
	p, we, wp = p[:len(e)], we[:len(e)], wp[:len(e)]
	for i, f := range e {
		g := p[i]
		t, u := f+c, g+c
		x := math.Float64bits(t) - math.Float64bits(two52)
		y := math.Float64bits(u) - math.Float64bits(two52)
		if x > umax || y > umax || t-c != f || u-c != g {
			return i
		}
		we[i] = x
		wp[i] = y
	}
	return len(e)
}

// ints2Rest is ints2 from item i on, for responses with missing answers.
//
//go:noinline
func ints2Rest(e, p []float64, we, wp []uint64, dim []int, lo float64, umax uint64, i int) (me, mp uint64, ok bool) {
	const two52 = 0x1p52
	c := two52 - lo
	p, we, wp, dim = p[:len(e)], we[:len(e)], wp[:len(e)], dim[:len(e)]
	for ; i < len(e); i++ {
		f, g := e[i], p[i]
		t, u := f+c, g+c
		x := math.Float64bits(t) - math.Float64bits(two52)
		y := math.Float64bits(u) - math.Float64bits(two52)
		if x > umax || t-c != f {
			if f == f {
				return 0, 0, false
			}
			me |= 1 << (uint(dim[i]) & 63)
			x = 0
		}
		if y > umax || u-c != g {
			if g == g {
				return 0, 0, false
			}
			mp |= 1 << (uint(dim[i]) & 63)
			y = 0
		}
		we[i] = x
		wp[i] = y
	}
	return me, mp, true
}

// pack4 packs u₀…u₃ into the four 16-bit lanes of a word and keeps the
// lanes of mask.
func pack4(u *[8]uint64, mask uint64) uint64 {
	return (u[0] | u[1]<<16 | u[2]<<32 | u[3]<<48) & mask
}

// pack8 packs u₀…u₇ into two words and keeps the lanes of mask.
func pack8(u *[8]uint64, mask [2]uint64) (w0, w1 uint64) {
	return (u[0] | u[1]<<16 | u[2]<<32 | u[3]<<48) & mask[0], (u[4] | u[5]<<16 | u[6]<<32 | u[7]<<48) & mask[1]
}

// pack16 packs eight values below 2¹⁶ into two words.
func pack16(u *[8]uint64) (w0, w1 uint64) {
	return u[0] | u[1]<<16 | u[2]<<32 | u[3]<<48, u[4] | u[5]<<16 | u[6]<<32 | u[7]<<48
}

// lanes12 returns the sum of the five 12-bit lanes of w, which must be
// below 2¹².
func lanes12(w uint64) uint64 { return w * 0x0001_0010_0100_1001 >> 48 & (1<<12 - 1) }

// lanes16 returns the sum of the four 16-bit lanes of w, which must be
// below 2¹⁶.
func lanes16(w uint64) uint64 { return w * 0x0001_0001_0001_0001 >> 48 }

// addInt is Add for the commonest response to an instrument whose scale
// has whole-number ends, no reverse-keyed items and contiguous
// dimensions of at most eight items: expectations and/or perceptions,
// every one a whole number on the scale or missing (NaN), with valid
// or absent importance points and outcome ratings (the three-column
// format goes to [Accumulator.addIntZones]). It adds the item and
// dimension statistics to the blocks' exact sums (see [exactSums]) and
// reports true; for any other response it changes nothing and reports
// false, and Add takes the general path.
//
// The dimension scores that the importance-weighted score and the key
// drivers need are computed from the integer sums; they equal the
// general path's bit for bit (a sum of whole numbers below 2⁵³ is exact).
func (a *Accumulator) addInt(r *Response) bool {
	in, ix := a.in, a.ix
	n := len(in.items)
	e, per := r.Expectation, r.Perception
	if r.Adequate != nil || r.Desired != nil {
		return a.addIntZones(r)
	}
	if e == nil && per == nil || e != nil && len(e) != n || per != nil && len(per) != n {
		return false
	}
	hasE, hasP := e != nil, per != nil
	var me, mp uint64 // dimensions with a missing expectation, perception
	ok := false
	switch {
	case hasE && hasP:
		ok = true
		if i := ints2(e, per, ix.ue, ix.up, ix.lo, ix.umax); i < len(e) {
			me, mp, ok = ints2Rest(e, per, ix.ue, ix.up, ix.dim, ix.lo, ix.umax, i)
		}
	case hasE:
		me, ok = ints(e, ix.ue, ix.dim, ix.lo, ix.umax)
	default:
		mp, ok = ints(per, ix.up, ix.dim, ix.lo, ix.umax)
	}
	if !ok || !extrasValid(in, r) { // ratings first: most that fail, fail there
		return false
	}
	a.n++
	gap := hasE && hasP
	mg := me | mp
	te, tp, tg := &ix.t[Expectation], &ix.t[Perception], &ix.t[Gap]
	se, sp, sg := &a.m[Expectation], &a.m[Perception], &a.m[Gap]
	nd := len(in.dims)
	ue, up, rr := ix.ue, ix.up, ix.rr[:2*nd]
	start, mask := in.dimStart[:nd], ix.mask[:nd]
	sed, spd, sgd := se.dim, sp.dim, sg.dim
	if nd > 8 || len(sed) < nd || len(spd) < nd || len(sgd) < nd || len(ue) < n+8 || len(up) < n+8 {
		return true // cannot happen (newIntPath)
	}
	if me|mp == 0 {
		for d := 0; d < nd; d++ {
			s := start[d]
			if s < 0 || s > n {
				break // cannot happen (contiguous dimensions)
			}
			u := (*[8]uint64)(ue[s:])
			v := (*[8]uint64)(up[s:])
			if ix.k[d] < 0 {
				e0 := u[0] | u[1]<<12 | u[2]<<24 | u[3]<<36 | u[4]<<48
				p0 := v[0] | v[1]<<12 | v[2]<<24 | v[3]<<36 | v[4]<<48
				if gap {
					g0 := p0 + rr[2*d] - e0 // no lane borrows: each is in 0..2r
					rows5x3(&sed[d], &spd[d], &sgd[d], e0, p0, g0)
					te[d&7], tp[d&7], tg[d&7] = lanes12(e0), lanes12(p0), lanes12(g0)
					continue
				}
				if hasE {
					sed[d].rows5(e0)
					te[d&7] = lanes12(e0)
				}
				if hasP {
					spd[d].rows5(p0)
					tp[d&7] = lanes12(p0)
				}
				if gap {
					g0 := p0 + rr[2*d] - e0 // no lane borrows: each is in 0..2r
					sgd[d].rows5(g0)
					tg[d&7] = lanes12(g0)
				}
				continue
			}
			if ix.k[d] <= 4 {
				e0 := pack4(u, mask[d][0])
				p0 := pack4(v, mask[d][0])
				if gap {
					g0 := p0 + rr[2*d] - e0 // no lane borrows: each is in 0..2r
					rows4x3(&sed[d], &spd[d], &sgd[d], e0, p0, g0)
					te[d&7], tp[d&7], tg[d&7] = lanes16(e0), lanes16(p0), lanes16(g0)
					continue
				}
				if hasE {
					sed[d].rows4(e0)
					te[d&7] = lanes16(e0)
				}
				if hasP {
					spd[d].rows4(p0)
					tp[d&7] = lanes16(p0)
				}
				if gap {
					g0 := p0 + rr[2*d] - e0 // no lane borrows: each is in 0..2r
					sgd[d].rows4(g0)
					tg[d&7] = lanes16(g0)
				}
				continue
			}
			e0, e1 := pack8(u, mask[d])
			p0, p1 := pack8(v, mask[d])
			if hasE {
				sed[d].rows8(e0, e1)
				te[d&7] = lanes16(e0) + lanes16(e1)
			}
			if hasP {
				spd[d].rows8(p0, p1)
				tp[d&7] = lanes16(p0) + lanes16(p1)
			}
			if gap {
				// The gaps u = p − e + r, lane by lane (no lane
				// borrows: each result is in 0..2r).
				g0, g1 := p0+rr[2*d]-e0, p1+rr[2*d+1]-e1
				sgd[d].rows8(g0, g1)
				tg[d&7] = lanes16(g0) + lanes16(g1)
			}
		}
	} else {
		a.addIntMissing(e, per, me, mp)
	}
	if hasE && me == 0 {
		se.dims.addScores(te, nd)
	}
	if hasP && mp == 0 {
		sp.dims.addScores(tp, nd)
	}
	if gap && mg == 0 {
		sg.dims.addScores(tg, nd)
	}
	if !a.lazy.dirty.Load() {
		a.lazy.dirty.Store(true)
	}
	if r.Outcomes == nil && r.Importance == nil {
		return true
	}
	a.extrasInt(r, [NumMeasures]bool{Gap: gap && mg == 0, Perception: hasP && mp == 0, Expectation: hasE && me == 0})
	return true
}

// addIntMissing is the loop over the dimensions of addInt for a
// response with missing answers: me and mp flag the dimensions with a
// missing expectation and perception, whose answered items go to the
// per-item statistics (see [Accumulator.answered]).
func (a *Accumulator) addIntMissing(e, per []float64, me, mp uint64) {
	ix := a.ix
	hasE, hasP := e != nil, per != nil
	gap := hasE && hasP
	mg := me | mp
	te, tp, tg := &ix.t[Expectation], &ix.t[Perception], &ix.t[Gap]
	se, sp, sg := &a.m[Expectation], &a.m[Perception], &a.m[Gap]
	nd := len(a.in.dims)
	rr := ix.rr[:2*nd]
	for d := 0; d < nd; d++ {
		bit := uint64(1) << uint(d)
		s := a.in.dimStart[d]
		var e0, e1, p0, p1 uint64
		if me&mp&bit == 0 { // some measure of d may be complete
			e0, e1 = ix.pack(d, (*[8]uint64)(ix.ue[s:]))
			p0, p1 = ix.pack(d, (*[8]uint64)(ix.up[s:]))
		}
		if hasE {
			if me&bit == 0 {
				se.dim[d].rowsAny(e0, e1)
				te[d&7] = se.dim[d].x.sum(e0, e1)
			} else {
				a.answered(Expectation, d, e, nil, ix.ue, nil)
			}
		}
		if hasP {
			if mp&bit == 0 {
				sp.dim[d].rowsAny(p0, p1)
				tp[d&7] = sp.dim[d].x.sum(p0, p1)
			} else {
				a.answered(Perception, d, per, nil, ix.up, nil)
			}
		}
		if gap {
			if mg&bit == 0 {
				// The gaps u = p − e + r, lane by lane (no lane
				// borrows: each result is in 0..2r).
				g0, g1 := p0+rr[2*d]-e0, p1+rr[2*d+1]-e1
				sg.dim[d].rowsAny(g0, g1)
				tg[d&7] = sg.dim[d].x.sum(g0, g1)
			} else {
				a.answered(Gap, d, per, e, ix.up, ix.ue)
			}
		}
	}
}

// pack packs dimension d's values u into its lanes.
func (ix *intPath) pack(d int, u *[8]uint64) (w0, w1 uint64) {
	if ix.k[d] < 0 {
		return u[0] | u[1]<<12 | u[2]<<24 | u[3]<<36 | u[4]<<48, 0
	}
	return pack8(u, ix.mask[d])
}

// rowsAny is rows5 or rows16, as the lanes of b are.
func (b *block) rowsAny(w0, w1 uint64) {
	if b.x.width == 12 {
		b.rows5(w0)
		return
	}
	b.rows16(w0, w1)
}

// sum returns the sum of the lanes of w0 and w1.
func (x *exactSums) sum(w0, w1 uint64) uint64 {
	if x.width == 12 {
		return lanes12(w0)
	}
	return lanes16(w0) + lanes16(w1)
}

// addScores adds the nd dimension scores (as sums of their items' u) to
// the block of dimension scores b.
func (b *block) addScores(t *[8]uint64, nd int) {
	if b.x.kernel16() {
		b.rows16(pack16(t))
		return
	}
	b.addInts(t[:nd])
}

// answered adds the answered items of dimension d, one of whose answers
// is missing, to the per-item statistics of measure m, as the general
// path of Add does, but through exact integer sums (itemSums): the
// values u of items whose rating x is answered or, if y is not nil, the
// differences u + r − w of items whose x and y are both answered.
func (a *Accumulator) answered(m Measure, d int, x, y []float64, u, w []uint64) {
	ix := a.ix
	s := a.in.dimStart[d]
	e := s + len(a.in.dimItems[d])
	sums := ix.items[m][s:e]
	x, u = x[s:e], u[s:e]
	r := uint64(ix.r)
	if y != nil {
		y, w = y[s:e], w[s:e]
	}
	// Branch-free: whether an answer is missing is not predictable.
	for j := range sums {
		v, inc := u[j], uint64(0)
		if x[j] == x[j] {
			inc = 1
		}
		if y != nil {
			v += r - w[j] // garbage when one is missing; then inc is 0
			if y[j] != y[j] {
				inc = 0
			}
		}
		v *= inc
		t := &sums[j]
		t.n += inc
		t.s += v
		t.s2 += v * v
		if t.n >= ix.itemLimit {
			ix.foldItem(&a.m[m], m, s+j)
		}
	}
}

// itemSums are the exact sums n, Σu, Σu² of one item's answers under one
// measure, from respondents who did not answer its whole dimension, not
// yet folded into the item's Welford state.
type itemSums struct{ n, s, s2 uint64 }

// foldItem merges item i's exact sums under measure m into st's Welford
// state (Chan, Golub & LeVeque's pairwise update) and empties them.
func (ix *intPath) foldItem(st *measureState, m Measure, i int) {
	t := &ix.items[m][i]
	if t.n == 0 {
		return
	}
	off := ix.loI
	if m.isGap() {
		off = -ix.r
	}
	n := float64(t.n)
	st.item[i].merge(welford{n: n, mean: exactMean(off, t.s, t.n), m2: comoment(t.n, t.s2, t.s, t.s) / n})
	*t = itemSums{}
}

// extrasInt adds r's outcome ratings and importance points and the
// statistics built on the dimension scores (key drivers, weighted score)
// for addInt; complete says which measures have every dimension score.
func (a *Accumulator) extrasInt(r *Response, complete [NumMeasures]bool) {
	has := complete
	in, ix := a.in, a.ix
	for m := range has {
		if !has[m] {
			continue
		}
		off := ix.loI
		if Measure(m).isGap() {
			off = -ix.r
		}
		for d := range ix.dimF[m] {
			k := int64(len(in.dimItems[d]))
			ix.dimF[m][d] = float64(int64(ix.t[m][d&7])+k*off) / float64(k)
		}
	}
	nd := len(in.dims)
	for o, y := range r.Outcomes {
		if y != y {
			continue
		}
		a.outcome[o].add(y)
		for m := range has {
			if !has[m] {
				continue
			}
			buf := a.buf[:nd+1]
			copy(buf, ix.dimF[m])
			buf[nd] = y
			a.m[m].drivers[o].addc(buf, &a.ic)
		}
	}
	if w := r.Importance; w != nil {
		var sw, sg float64
		dg := ix.dimF[Gap]
		for d, v := range w {
			a.importance[d].add(v)
			sw += v
			sg += v * dg[d]
		}
		if has[Gap] && sw > 0 && sg == sg {
			a.weighted.add(sg / sw)
		}
	}
}
