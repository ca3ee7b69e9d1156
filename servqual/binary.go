package servqual

import (
	"errors"
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/internal/binstate"
)

// ErrFormat marks a binary state that cannot be decoded: a corrupted,
// truncated or over-long buffer, another type's state, a layout version
// newer than this library reads, or statistics no sequence of responses
// could produce (a negative or fractional count, a count above the
// accumulator's, a non-finite or out-of-range moment).
var ErrFormat = errors.New("malformed binary state")

// binaryMagic and binaryVersion head the binary form of an Accumulator.
const (
	binaryMagic   = "SQAC"
	binaryVersion = 1
)

// Identity returns a 64-bit hash (FNV-1a) of what makes two instruments'
// statistics mergeable: the instrument's name, its scale, its dimension
// keys in order, each item's key, dimension and reverse flag in
// questionnaire order, and each outcome's key and scale. Labels (English
// names and Chinese) are not part of it. The binary form of an
// [Accumulator] carries it, so that state is only ever decoded into an
// accumulator of an identical instrument. A nil or zero instrument has
// identity 0.
func (in *Instrument) Identity() uint64 {
	if !in.valid() {
		return 0
	}
	var h binstate.Hash
	h.String("servqual.Instrument")
	h.String(in.name)
	h.Float64(in.scale.Min)
	h.Float64(in.scale.Max)
	h.Int(len(in.dims))
	for _, d := range in.dims {
		h.String(d.Key)
	}
	h.Int(len(in.items))
	for i, it := range in.items {
		h.String(it.Key)
		h.Int(in.itemDim[i])
		h.Bool(it.Reverse)
	}
	h.Int(len(in.outcomes))
	for _, o := range in.outcomes {
		h.String(o.Key)
		h.Float64(o.Scale.Min)
		h.Float64(o.Scale.Max)
	}
	return h.Sum()
}

// MarshalBinary returns the accumulator's state in a compact, versioned
// binary form, for sending shards to another process or machine (a Beam
// CombineFn's accumulator coder, say) and merging them there. Decoding it
// with [Accumulator.UnmarshalBinary] (or [DecodeAccumulator]) into an
// accumulator of the same instrument restores a state whose Report,
// Reliability, KeyDrivers and IPA equal the original's bit for bit, and
// which merges exactly as the original would.
//
// Layout (version 1), all integers and floats little-endian, floats as
// IEEE-754 float64 bits:
//
//	"SQAC"                 magic, 4 bytes
//	version   uint16       1
//	identity  uint64       [Instrument.Identity]
//	n         int64        responses added
//	5 × measure            in Measure order (Gap, Perception, Expectation,
//	                       Adequacy, Superiority):
//	  present byte         0: no answer of this measure (nothing follows)
//	  items  I × welford   answers outside complete dimensions, per item
//	  dims   D × block     per dimension, over its items
//	  scores block         over the D dimension scores
//	  drivers O × block    per outcome, over the D scores and the outcome
//	importance byte        0: no importance points; else D × welford
//	outcomes O × welford   per outcome rating
//	weighted welford       the importance-weighted gap score
//	zone byte              0: no zone answers; else I × 3 int64
//	                       (below, within, above the zone, per item)
//	crc32     uint32       CRC-32C (Castagnoli) of all the bytes before it
//
// where a welford is (count, mean, M2) as three float64 and a block over
// k variables is its count, the k means and the upper triangle of its
// co-moment matrix row by row (k(k+1)/2 float64); I, D and O are the
// instrument's numbers of items, dimensions and outcomes. A [SERVQUAL]
// accumulator (22 items, 5 dimensions, one outcome) takes 1,616 bytes per
// measure answered: fed perception and expectation (three measures: gap,
// perception, expectation) with importance points it encodes in 5,049
// bytes; with the zone of tolerance too (all five measures) in 8,809
// bytes; empty in 81 bytes. The size
// depends on the instrument and on which measures were answered, never
// on the number of responses.
//
// An accumulator without instrument returns an error wrapping
// [ErrInstrument].
func (a *Accumulator) MarshalBinary() ([]byte, error) {
	if !a.ready() {
		return nil, errNoInstrument("MarshalBinary")
	}
	return a.appendBinary(), nil
}

func (a *Accumulator) appendBinary() []byte {
	w := binstate.NewWriter(binaryMagic, binaryVersion, a.in.Identity(), a.binarySize())
	w.Int64(a.n)
	for m := range a.m {
		st := &a.m[m]
		if !st.present() {
			w.Byte(0)
			continue
		}
		w.Byte(1)
		for i := range st.item {
			writeWelford(w, st.item[i])
		}
		for d := range st.dim {
			writeBlock(w, &st.dim[d])
		}
		writeBlock(w, &st.dims)
		for o := range st.drivers {
			writeBlock(w, &st.drivers[o])
		}
	}
	if a.hasImportance() {
		w.Byte(1)
		for _, x := range a.importance {
			writeWelford(w, x)
		}
	} else {
		w.Byte(0)
	}
	for _, x := range a.outcome {
		writeWelford(w, x)
	}
	writeWelford(w, a.weighted)
	if a.hasZone() {
		w.Byte(1)
		for _, z := range a.zone {
			for _, c := range z {
				w.Int64(c)
			}
		}
	} else {
		w.Byte(0)
	}
	return w.Finish()
}

// binarySize is the size of the body a's encoding has.
func (a *Accumulator) binarySize() int {
	n := 8 + NumMeasures + 1 + 1 + 3*8*(len(a.outcome)+1)
	for m := range a.m {
		st := &a.m[m]
		if !st.present() {
			continue
		}
		n += 3 * 8 * len(st.item)
		for d := range st.dim {
			n += blockSize(st.dim[d].k)
		}
		n += blockSize(st.dims.k)
		for o := range st.drivers {
			n += blockSize(st.drivers[o].k)
		}
	}
	if a.hasImportance() {
		n += 3 * 8 * len(a.importance)
	}
	if a.hasZone() {
		n += 3 * 8 * len(a.zone)
	}
	return n
}

func blockSize(k int) int { return 8 * (1 + k + k*(k+1)/2) }

// present reports whether any statistic of the measure has a count.
func (st *measureState) present() bool {
	for i := range st.item {
		if st.item[i].n != 0 {
			return true
		}
	}
	for d := range st.dim {
		if st.dim[d].n != 0 {
			return true
		}
	}
	// dims and drivers count only respondents complete in every
	// dimension, who are counted by the dimension blocks too; they are
	// checked anyway so that no state is ever dropped.
	if st.dims.n != 0 {
		return true
	}
	for o := range st.drivers {
		if st.drivers[o].n != 0 {
			return true
		}
	}
	return false
}

func (a *Accumulator) hasImportance() bool {
	for _, x := range a.importance {
		if x.n != 0 {
			return true
		}
	}
	return false
}

func (a *Accumulator) hasZone() bool {
	for _, z := range a.zone {
		if z != [3]int64{} {
			return true
		}
	}
	return false
}

func writeWelford(w *binstate.Writer, x welford) {
	w.Float64(x.n)
	w.Float64(x.mean)
	w.Float64(x.m2)
}

func writeBlock(w *binstate.Writer, b *block) {
	w.Float64(b.n)
	w.Floats(b.mean)
	k := b.k
	for i := 0; i < k; i++ {
		w.Floats(b.c[i*k+i : i*k+k])
	}
}

// UnmarshalBinary replaces a's state by the one data encodes (see
// [Accumulator.MarshalBinary] for the layout). a must have an instrument
// — be made by [NewAccumulator] — with the same [Instrument.Identity] as
// the encoded one; [DecodeAccumulator] makes one for you. The decoder
// checks everything: data of another type, a wrong length, a checksum
// that does not match, a newer version, or statistics that no sequence
// of responses could produce return an error wrapping [ErrFormat]; a
// state of another instrument, or a receiver without one, an error
// wrapping [ErrInstrument]. On error a is unchanged.
func (a *Accumulator) UnmarshalBinary(data []byte) error {
	if !a.ready() {
		return errNoInstrument("UnmarshalBinary")
	}
	t := NewAccumulator(a.in)
	if err := t.decode(data); err != nil {
		return err
	}
	// Keep the receiver's scratch and cache; take the statistics.
	a.n, a.m, a.importance, a.outcome, a.weighted, a.zone = t.n, t.m, t.importance, t.outcome, t.weighted, t.zone
	return nil
}

// DecodeAccumulator returns a new accumulator of in holding the state data
// encodes; errors are as for [Accumulator.UnmarshalBinary].
func DecodeAccumulator(in *Instrument, data []byte) (*Accumulator, error) {
	a := NewAccumulator(in)
	if err := a.UnmarshalBinary(data); err != nil {
		return nil, err
	}
	return a, nil
}

func (a *Accumulator) decode(data []byte) error {
	r, err := binstate.NewReader(data, binaryMagic, binaryVersion)
	if err != nil {
		return errorf("UnmarshalBinary: %v: %w", err, ErrFormat)
	}
	if err := r.CheckIdentity(a.in.Identity()); err != nil {
		return errorf("UnmarshalBinary: state of another instrument than %q (%v): %w", a.in.name, err, ErrInstrument)
	}
	d := decoder{r: r, lim: a.in.bound()}
	a.n = r.Int64()
	if r.Err() == nil && (a.n < 0 || a.n > MaxResponses) {
		r.Fail(fmt.Errorf("response count %d outside 0..%d", a.n, int64(MaxResponses)))
	}
	d.n = float64(a.n)
	for m := range a.m {
		st := &a.m[m]
		if !d.flag(Measure(m).String()) {
			continue
		}
		for i := range st.item {
			st.item[i] = d.welford("item")
		}
		for k := range st.dim {
			d.block(&st.dim[k], "dimension")
		}
		d.block(&st.dims, "dimension scores")
		for o := range st.drivers {
			d.block(&st.drivers[o], "drivers")
		}
		if r.Err() == nil && !st.present() {
			d.fail("%v: marked present but empty", Measure(m))
		}
	}
	if d.flag("importance") {
		for k := range a.importance {
			a.importance[k] = d.welford("importance")
		}
		if r.Err() == nil && !a.hasImportance() {
			d.fail("importance: marked present but empty")
		}
	}
	for o := range a.outcome {
		a.outcome[o] = d.welford("outcome")
	}
	a.weighted = d.welford("weighted score")
	if d.flag("zone") {
		for i := range a.zone {
			var sum int64
			for z := range a.zone[i] {
				c := r.Int64()
				if r.Err() == nil && (c < 0 || c > a.n-sum) {
					r.Fail(fmt.Errorf("zone count %d of item %d outside 0..%d", c, i, a.n-sum))
				}
				sum += c
				a.zone[i][z] = c
			}
		}
		if r.Err() == nil && !a.hasZone() {
			d.fail("zone: marked present but empty")
		}
	}
	if err := r.Close(); err != nil {
		return errorf("UnmarshalBinary: %v: %w", err, ErrFormat)
	}
	return nil
}

// bound returns a magnitude no mean of a rating, gap, importance point or
// outcome can reach: twice the largest scale end or 100 points.
func (in *Instrument) bound() float64 {
	l := max(math.Abs(in.scale.Min), math.Abs(in.scale.Max), 100)
	for _, o := range in.outcomes {
		l = max(l, math.Abs(o.Scale.Min), math.Abs(o.Scale.Max))
	}
	return 2 * l
}

// decoder reads welfords and blocks, checking that each could come from
// at most n responses with values of magnitude below lim.
type decoder struct {
	r   *binstate.Reader
	n   float64
	lim float64
}

func (d *decoder) fail(format string, args ...any) {
	d.r.Fail(fmt.Errorf(format, args...))
}

func (d *decoder) flag(what string) bool {
	switch b := d.r.Byte(); b {
	case 0:
		return false
	case 1:
		return true
	default:
		d.fail("%s: presence byte %d, want 0 or 1", what, b)
		return false
	}
}

// count checks a count held as float64.
func (d *decoder) count(what string, c float64) bool {
	if !(c >= 0 && c <= d.n && c == math.Trunc(c)) {
		d.fail("%s: count %v outside 0..%v or not whole", what, c, d.n)
		return false
	}
	return true
}

func (d *decoder) mean(what string, c, m float64) {
	if c == 0 {
		if math.Float64bits(m) != 0 {
			d.fail("%s: mean %v without observations", what, m)
		}
		return
	}
	if !(math.Abs(m) <= d.lim) {
		d.fail("%s: mean %v outside ±%v", what, m, d.lim)
	}
}

// square checks a sum of squared deviations over c observations.
func (d *decoder) square(what string, c, s float64) {
	if c <= 1 {
		if math.Float64bits(s) != 0 {
			d.fail("%s: sum of squared deviations %v of %v observations", what, s, c)
		}
		return
	}
	if !(s >= 0 && s <= c*d.lim*d.lim) {
		d.fail("%s: sum of squared deviations %v outside 0..%v", what, s, c*d.lim*d.lim)
	}
}

func (d *decoder) welford(what string) welford {
	x := welford{n: d.r.Float64(), mean: d.r.Float64(), m2: d.r.Float64()}
	if d.r.Err() != nil || !d.count(what, x.n) {
		return welford{}
	}
	d.mean(what, x.n, x.mean)
	d.square(what, x.n, x.m2)
	return x
}

func (d *decoder) block(b *block, what string) {
	b.n = d.r.Float64()
	d.r.Floats(b.mean)
	k := b.k
	for i := 0; i < k; i++ {
		d.r.Floats(b.c[i*k+i : i*k+k])
	}
	if d.r.Err() != nil || !d.count(what, b.n) {
		return
	}
	for i := 0; i < k; i++ {
		d.mean(what, b.n, b.mean[i])
		d.square(what, b.n, b.c[i*k+i])
		for j := i + 1; j < k; j++ {
			// |C_ij| ≤ √(C_ii C_jj) (Cauchy–Schwarz), with room for
			// rounding.
			c := b.c[i*k+j]
			if b.n <= 1 && math.Float64bits(c) != 0 || !(c*c <= b.c[i*k+i]*b.c[j*k+j]*(1+1e-9)+1e-300) {
				d.fail("%s: co-moment %v of %v observations exceeds the variances' bound", what, c, b.n)
			}
		}
	}
}
