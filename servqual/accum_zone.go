// The integer path of Add for the three-column format (zone of tolerance).

package servqual

import "math"

// ints3 is ints for the perceptions p and the adequate and desired levels
// a and d of the three-column format together. It also checks that no
// adequate level is above its desired level (else it reports false, and
// the general path returns the error) and stores each item's zone in z.
//
//go:noinline
func ints3(p, a, d []float64, wp, wa, wd []uint64, z []Zone, dim []int, lo float64, umax uint64) (mp, ma, md uint64, ok bool) {
	const two52 = 0x1p52
	c := two52 - lo
	a, d, wp, wa, wd, z, dim = a[:len(p)], d[:len(p)], wp[:len(p)], wa[:len(p)], wd[:len(p)], z[:len(p)], dim[:len(p)]
	var bad uint64
	for i, f := range p {
		g, h := a[i], d[i]
		t, u, v := f+c, g+c, h+c
		x := math.Float64bits(t) - math.Float64bits(two52)
		y := math.Float64bits(u) - math.Float64bits(two52)
		w := math.Float64bits(v) - math.Float64bits(two52)
		if x > umax || y > umax || w > umax || t-c != f || u-c != g || v-c != h {
			bit := uint64(1) << (uint(dim[i]) & 63)
			if x > umax || t-c != f {
				if f == f {
					return 0, 0, 0, false
				}
				mp |= bit
				x = 0
			}
			if y > umax || u-c != g {
				if g == g {
					return 0, 0, 0, false
				}
				ma |= bit
				y = 0
			}
			if w > umax || v-c != h {
				if h == h {
					return 0, 0, 0, false
				}
				md |= bit
				w = 0
			}
			z[i] = zoneOf(f, g, h)
			if g > h {
				return 0, 0, 0, false
			}
		} else {
			// Branch-free (a perception's zone is not predictable):
			// x, y, w < 2⁶³, so a difference's top bit is its sign.
			bad |= (w - y) >> 63 // adequate above desired
			z[i] = InZone + Zone((w-x)>>63) - Zone((x-y)>>63)
		}
		wp[i], wa[i], wd[i] = x, y, w
	}
	if bad != 0 {
		return 0, 0, 0, false
	}
	return mp, ma, md, true
}

// addIntZones is addInt for the three-column format: perceptions and
// adequate and desired levels, every one a whole number on the scale or
// missing, no expectations, valid or absent importance points and
// outcomes. The measures are the perception and the differences MSA =
// P − adequate and MSS = P − desired, which go to the exact sums as u =
// MSA + r and MSS + r; the zones are counted as the general path counts
// them.
func (a *Accumulator) addIntZones(r *Response) bool {
	in, ix := a.in, a.ix
	n := len(in.items)
	per, ad, de := r.Perception, r.Adequate, r.Desired
	if r.Expectation != nil || len(per) != n || len(ad) != n || len(de) != n || !extrasValid(in, r) {
		return false
	}
	mp, ma, md, ok := ints3(per, ad, de, ix.up, ix.ua, ix.ud, ix.zone, ix.dim, ix.lo, ix.umax)
	if !ok {
		return false
	}
	a.n++
	msa, mss := mp|ma, mp|md
	tp, ta, ts := &ix.t[Perception], &ix.t[Adequacy], &ix.t[Superiority]
	sp, sa, ss := &a.m[Perception], &a.m[Adequacy], &a.m[Superiority]
	nd := len(in.dims)
	for d := 0; d < nd; d++ {
		bit := uint64(1) << uint(d)
		s := in.dimStart[d]
		p0, p1 := ix.pack(d, (*[8]uint64)(ix.up[s:]))
		a0, a1 := ix.pack(d, (*[8]uint64)(ix.ua[s:]))
		d0, d1 := ix.pack(d, (*[8]uint64)(ix.ud[s:]))
		// MSA + r and MSS + r, lane by lane (no lane borrows: each is
		// in 0..2r).
		x0, x1 := p0+ix.rr[2*d]-a0, p1+ix.rr[2*d+1]-a1
		y0, y1 := p0+ix.rr[2*d]-d0, p1+ix.rr[2*d+1]-d1
		if (mp|msa|mss)&bit == 0 && ix.k[d] <= 4 {
			if ix.k[d] < 0 {
				rows5x3(&sp.dim[d], &sa.dim[d], &ss.dim[d], p0, x0, y0)
			} else {
				rows4x3(&sp.dim[d], &sa.dim[d], &ss.dim[d], p0, x0, y0)
			}
			x := sp.dim[d].x
			tp[d&7], ta[d&7], ts[d&7] = x.sum(p0, p1), x.sum(x0, x1), x.sum(y0, y1)
			continue
		}
		if mp&bit == 0 {
			sp.dim[d].rowsAny(p0, p1)
			tp[d&7] = sp.dim[d].x.sum(p0, p1)
		} else {
			a.answered(Perception, d, per, nil, ix.up, nil)
		}
		if msa&bit == 0 {
			sa.dim[d].rowsAny(x0, x1)
			ta[d&7] = sa.dim[d].x.sum(x0, x1)
		} else {
			a.answered(Adequacy, d, per, ad, ix.up, ix.ua)
		}
		if mss&bit == 0 {
			ss.dim[d].rowsAny(y0, y1)
			ts[d&7] = ss.dim[d].x.sum(y0, y1)
		} else {
			a.answered(Superiority, d, per, de, ix.up, ix.ud)
		}
	}
	if mp == 0 {
		sp.dims.addScores(tp, nd)
	}
	if msa == 0 {
		sa.dims.addScores(ta, nd)
	}
	if mss == 0 {
		ss.dims.addScores(ts, nd)
	}
	for i, z := range ix.zone[:n] {
		if z != ZoneUnknown {
			a.zone[i][z-BelowZone]++
		}
	}
	if !a.lazy.dirty.Load() {
		a.lazy.dirty.Store(true)
	}
	if r.Outcomes == nil && r.Importance == nil {
		return true
	}
	a.extrasInt(r, [NumMeasures]bool{Perception: mp == 0, Adequacy: msa == 0, Superiority: mss == 0})
	return true
}
