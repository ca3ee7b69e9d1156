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
// wrapping [ErrInstrument]. On error a is unchanged. Decoding reuses a's
// memory: it checks the whole of data first, then writes, and allocates
// only a few hundred bytes of scratch.
func (a *Accumulator) UnmarshalBinary(data []byte) error {
	if !a.ready() {
		return errNoInstrument("UnmarshalBinary")
	}
	// A first pass checks everything and writes nothing; only then does
	// the second pass, over the same bytes, write into a.
	if err := a.decode(data, false); err != nil {
		return err
	}
	return a.decode(data, true)
}

// DecodeAccumulator returns a new accumulator of in holding the state data
// encodes; errors are as for [Accumulator.UnmarshalBinary]. It merges with
// the other accumulators of in: [Accumulator.Merge] compares instruments
// by pointer, so decode every shard with the same *Instrument (the
// built-in ones, such as [SERVQUAL], return one value per process).
func DecodeAccumulator(in *Instrument, data []byte) (*Accumulator, error) {
	a := NewAccumulator(in)
	if err := a.UnmarshalBinary(data); err != nil {
		return nil, err
	}
	return a, nil
}

// decode reads data, checking it; it changes a only if write is set.
func (a *Accumulator) decode(data []byte, write bool) error {
	r, err := binstate.NewReader(data, binaryMagic, binaryVersion)
	if err != nil {
		return errorf("UnmarshalBinary: %v: %w", err, ErrFormat)
	}
	if err := r.CheckIdentity(a.in.Identity()); err != nil {
		return errorf("UnmarshalBinary: state of another instrument than %q (%v): %w", a.in.name, err, ErrInstrument)
	}
	d := decoder{r: r, lim: a.in.bound(), write: write}
	n := r.Int64()
	if r.Err() == nil && (n < 0 || n > MaxResponses) {
		r.Fail(fmt.Errorf("response count %d outside 0..%d", n, int64(MaxResponses)))
	}
	d.n = float64(n)
	if write {
		a.n = n
	}
	for m := range a.m {
		st := &a.m[m]
		if !d.flag(Measure(m).String()) {
			if write {
				st.reset()
			}
			continue
		}
		for i := range st.item {
			d.welford(&st.item[i], "item")
		}
		for k := range st.dim {
			d.block(&st.dim[k], "dimension")
		}
		d.block(&st.dims, "dimension scores")
		for o := range st.drivers {
			d.block(&st.drivers[o], "drivers")
		}
		d.nonEmpty(Measure(m).String())
	}
	if d.flag("importance") {
		for k := range a.importance {
			d.welford(&a.importance[k], "importance")
		}
		d.nonEmpty("importance")
	} else if write {
		clear(a.importance)
	}
	for o := range a.outcome {
		d.welford(&a.outcome[o], "outcome")
	}
	d.welford(&a.weighted, "weighted score")
	if d.flag("zone") {
		for i := range a.zone {
			var sum int64
			for z := range a.zone[i] {
				c := r.Int64()
				if r.Err() == nil && (c < 0 || c > n-sum) {
					r.Fail(fmt.Errorf("zone count %d of item %d outside 0..%d", c, i, n-sum))
				}
				sum += c
				d.nonzero = d.nonzero || c != 0
				if write {
					a.zone[i][z] = c
				}
			}
		}
		d.nonEmpty("zone")
	} else if write {
		clear(a.zone)
	}
	if err := r.Close(); err != nil {
		return errorf("UnmarshalBinary: %v: %w", err, ErrFormat)
	}
	return nil
}

// reset empties the measure's statistics.
func (st *measureState) reset() {
	clear(st.item)
	for k := range st.dim {
		st.dim[k].reset()
	}
	st.dims.reset()
	for o := range st.drivers {
		st.drivers[o].reset()
	}
}

func (b *block) reset() {
	b.n = 0
	clear(b.mean)
	clear(b.c)
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
// at most n responses with values of magnitude below lim. Unless write is
// set, it reads blocks into scratch and leaves its targets alone.
type decoder struct {
	r       *binstate.Reader
	n       float64
	lim     float64
	write   bool
	nonzero bool // a count read since the last nonEmpty was not zero
	scratch block
}

func (d *decoder) fail(format string, args ...any) {
	d.r.Fail(fmt.Errorf(format, args...))
}

func (d *decoder) flag(what string) bool {
	d.nonzero = false
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

// nonEmpty fails unless a count of the section just read was not zero:
// an empty section is written as absent, so the form is canonical.
func (d *decoder) nonEmpty(what string) {
	if d.r.Err() == nil && !d.nonzero {
		d.fail("%s: marked present but empty", what)
	}
}

// count checks a count held as float64.
func (d *decoder) count(what string, c float64) bool {
	if !(c >= 0 && c <= d.n && c == math.Trunc(c)) {
		d.fail("%s: count %v outside 0..%v or not whole", what, c, d.n)
		return false
	}
	d.nonzero = d.nonzero || c != 0
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

func (d *decoder) welford(dst *welford, what string) {
	x := welford{n: d.r.Float64(), mean: d.r.Float64(), m2: d.r.Float64()}
	if d.r.Err() != nil || !d.count(what, x.n) {
		return
	}
	d.mean(what, x.n, x.mean)
	d.square(what, x.n, x.m2)
	if d.write {
		*dst = x
	}
}

// block reads a block of dst's size into dst, or into scratch unless
// d.write.
func (d *decoder) block(dst *block, what string) {
	b := dst
	if !d.write {
		k := dst.k
		if len(d.scratch.c) < k*k {
			d.scratch = newBlock(k + k/2)
		}
		b = &block{k: k, mean: d.scratch.mean[:k], c: d.scratch.c[:k*k]}
		clear(b.c)
	}
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
