package servqual

import "math"

// fastInstrument reports whether in qualifies for the validation fast
// path of [Accumulator.Add]: no reverse-keyed items (so a rating is used
// as given and the caller's slice can be read in place) and every
// dimension's items contiguous in questionnaire order.
func fastInstrument(in *Instrument) bool {
	if len(in.reversed) != 0 {
		return false
	}
	for _, lo := range in.dimStart {
		if lo < 0 {
			return false
		}
	}
	return true
}

// prepareFast is the common case of [Instrument.prepare] for an
// accumulator whose instrument passes fastInstrument: expectations and/or
// perceptions, optionally with adequate and desired levels (the
// three-column format; both levels and the perceptions together),
// optional importance and outcomes.
// It makes one pass over each slice, checking the scale and summing the
// dimension scores together, and reports whether r was valid and is now
// in a.p, with p.v reading the caller's slices in place (they are only
// read). It builds no error: for anything else, or anything invalid, it
// returns false and the caller runs the full prepare, which builds the
// same error as ever. The scores it computes are bit for bit those of
// prepare (the same additions in the same order).
func (a *Accumulator) prepareFast(r *Response) bool {
	in, p := a.in, a.p
	n := len(in.items)
	e, per, ad, de := r.Expectation, r.Perception, r.Adequate, r.Desired
	zone := ad != nil || de != nil
	if zone && (ad == nil || de == nil || per == nil || len(ad) != n || len(de) != n) {
		return false // only the three-column format takes the fast path
	}
	if e != nil && len(e) != n || per != nil && len(per) != n {
		return false
	}
	lo, hi := in.scale.Min, in.scale.Max
	switch {
	case e != nil && per != nil:
		if !gapSums(in, p, e, per, lo, hi) {
			return false
		}
	case e != nil:
		if !dimSums(in, e, p.dim[Expectation], lo, hi) {
			return false
		}
	case per != nil:
		if !dimSums(in, per, p.dim[Perception], lo, hi) {
			return false
		}
	}
	if zone && !zoneSums(in, p, per, ad, de, lo, hi) {
		return false
	}
	if !extrasValid(in, r) {
		return false
	}
	p.has = [NumMeasures]bool{Gap: e != nil && per != nil, Perception: per != nil, Expectation: e != nil, Adequacy: zone, Superiority: zone}
	p.hasZone = zone
	p.v = [NumMeasures][]float64{Perception: per, Expectation: e}
	if zone {
		p.v[Adequacy], p.v[Superiority] = p.x[Adequacy], p.x[Superiority]
	}
	if p.has[Gap] {
		p.v[Gap] = p.x[Gap]
	}
	p.importance = r.Importance
	p.outcomes = r.Outcomes
	return true
}

// extrasValid reports whether r's importance points and outcome ratings
// are valid or absent (the fast path's check; an error comes from the
// full one).
func extrasValid(in *Instrument, r *Response) bool {
	if w := r.Importance; w != nil {
		if len(w) != len(in.dims) {
			return false
		}
		var sum float64
		for _, x := range w {
			if !(x >= 0) || x > math.MaxFloat64 {
				return false
			}
			sum += x
		}
		if math.Abs(sum-100) > ImportanceTolerance {
			return false
		}
	}
	if o := r.Outcomes; o != nil {
		if len(o) != len(in.outcomes) {
			return false
		}
		for k, x := range o {
			if sc := in.outcomes[k].Scale; x < sc.Min || x > sc.Max {
				return false
			}
		}
	}
	return true
}

// dimSums checks that every rating of x is on the scale lo..hi or missing
// (NaN) and stores each dimension's mean rating in dim (NaN when one of
// its items is missing), in one pass; it returns false at the first
// rating off the scale.
func dimSums(in *Instrument, x, dim []float64, lo, hi float64) bool {
	for d, start := range in.dimStart {
		k := len(in.dimItems[d])
		var sum float64
		for _, v := range x[start : start+k] {
			if v < lo || v > hi { // NaN (missing) passes
				return false
			}
			sum += v
		}
		dim[d] = sum / float64(k)
	}
	return true
}

// gapSums is dimSums for expectations e and perceptions per together,
// also storing the gaps per − e in p.x[Gap] and the dimension means of
// all three in p.dim, in one pass over both slices.
func gapSums(in *Instrument, p *prepared, e, per []float64, lo, hi float64) bool {
	n := len(in.items)
	e, per = e[:n], per[:n]
	g := p.x[Gap][:n]
	de, dp, dg := p.dim[Expectation], p.dim[Perception], p.dim[Gap]
	for d, start := range in.dimStart {
		k := len(in.dimItems[d])
		var se, sp, sg float64
		for i := start; i < start+k; i++ {
			ve, vp := e[i], per[i]
			if ve < lo || ve > hi || vp < lo || vp > hi { // NaN (missing) passes
				return false
			}
			vg := vp - ve
			g[i] = vg
			se += ve
			sp += vp
			sg += vg
		}
		kf := float64(k)
		de[d], dp[d], dg[d] = se/kf, sp/kf, sg/kf
	}
	return true
}

// zoneSums checks the adequate and desired levels ad and de (on the
// scale lo..hi or missing, adequate ≤ desired) and stores, in one pass,
// the zone of each perception per (already checked), MSA = per − ad and
// MSS = per − de in p.x and their dimension means in p.dim.
func zoneSums(in *Instrument, p *prepared, per, ad, de []float64, lo, hi float64) bool {
	n := len(in.items)
	per, ad, de = per[:n], ad[:n], de[:n]
	xa, xs, zone := p.x[Adequacy][:n], p.x[Superiority][:n], p.zone[:n]
	da, ds := p.dim[Adequacy], p.dim[Superiority]
	for d, start := range in.dimStart {
		k := len(in.dimItems[d])
		var sa, ss float64
		for i := start; i < start+k; i++ {
			va, vd, vp := ad[i], de[i], per[i]
			if va < lo || va > hi || vd < lo || vd > hi || va > vd { // NaN passes
				return false
			}
			zone[i] = zoneOf(vp, va, vd)
			ma, ms := vp-va, vp-vd
			xa[i], xs[i] = ma, ms
			sa += ma
			ss += ms
		}
		kf := float64(k)
		da[d], ds[d] = sa/kf, ss/kf
	}
	return true
}
