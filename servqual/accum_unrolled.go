// Unrolled co-moment updates, one function per size, all of the same form.

package servqual

// addUnrolled is block.add for the small sizes of real instruments
// (2 to 8 items per dimension, or dimension scores plus an outcome), with
// the deviations kept in registers: the same operations, in the same
// order, as the loop in block.add, so the results are identical. It
// reports false, doing nothing, for other sizes.
func (b *block) addUnrolled(x []float64, inv, f float64) bool {
	switch b.k {

	case 2:
		b.add2(x, inv, f)

	case 3:
		b.add3(x, inv, f)

	case 4:
		b.add4(x, inv, f)

	case 5:
		b.add5(x, inv, f)

	case 6:
		b.add6(x, inv, f)

	case 7:
		b.add7(x, inv, f)

	case 8:
		b.add8(x, inv, f)

	default:
		return false
	}
	return true
}

func (b *block) add2(x []float64, inv, f float64) {
	x = x[:2:2]
	m := b.mean[:2:2]
	c := b.c[:4:4]
	d0 := x[0] - m[0]
	d1 := x[1] - m[1]
	m[0] += d0 * inv
	m[1] += d1 * inv
	e0 := f * d0
	c[0] += e0 * d0
	c[1] += e0 * d1
	e1 := f * d1
	c[3] += e1 * d1
}

func (b *block) add3(x []float64, inv, f float64) {
	x = x[:3:3]
	m := b.mean[:3:3]
	c := b.c[:9:9]
	d0 := x[0] - m[0]
	d1 := x[1] - m[1]
	d2 := x[2] - m[2]
	m[0] += d0 * inv
	m[1] += d1 * inv
	m[2] += d2 * inv
	e0 := f * d0
	c[0] += e0 * d0
	c[1] += e0 * d1
	c[2] += e0 * d2
	e1 := f * d1
	c[4] += e1 * d1
	c[5] += e1 * d2
	e2 := f * d2
	c[8] += e2 * d2
}

func (b *block) add4(x []float64, inv, f float64) {
	x = x[:4:4]
	m := b.mean[:4:4]
	c := b.c[:16:16]
	d0 := x[0] - m[0]
	d1 := x[1] - m[1]
	d2 := x[2] - m[2]
	d3 := x[3] - m[3]
	m[0] += d0 * inv
	m[1] += d1 * inv
	m[2] += d2 * inv
	m[3] += d3 * inv
	e0 := f * d0
	c[0] += e0 * d0
	c[1] += e0 * d1
	c[2] += e0 * d2
	c[3] += e0 * d3
	e1 := f * d1
	c[5] += e1 * d1
	c[6] += e1 * d2
	c[7] += e1 * d3
	e2 := f * d2
	c[10] += e2 * d2
	c[11] += e2 * d3
	e3 := f * d3
	c[15] += e3 * d3
}

func (b *block) add5(x []float64, inv, f float64) {
	x = x[:5:5]
	m := b.mean[:5:5]
	c := b.c[:25:25]
	d0 := x[0] - m[0]
	d1 := x[1] - m[1]
	d2 := x[2] - m[2]
	d3 := x[3] - m[3]
	d4 := x[4] - m[4]
	m[0] += d0 * inv
	m[1] += d1 * inv
	m[2] += d2 * inv
	m[3] += d3 * inv
	m[4] += d4 * inv
	e0 := f * d0
	c[0] += e0 * d0
	c[1] += e0 * d1
	c[2] += e0 * d2
	c[3] += e0 * d3
	c[4] += e0 * d4
	e1 := f * d1
	c[6] += e1 * d1
	c[7] += e1 * d2
	c[8] += e1 * d3
	c[9] += e1 * d4
	e2 := f * d2
	c[12] += e2 * d2
	c[13] += e2 * d3
	c[14] += e2 * d4
	e3 := f * d3
	c[18] += e3 * d3
	c[19] += e3 * d4
	e4 := f * d4
	c[24] += e4 * d4
}

func (b *block) add6(x []float64, inv, f float64) {
	x = x[:6:6]
	m := b.mean[:6:6]
	c := b.c[:36:36]
	d0 := x[0] - m[0]
	d1 := x[1] - m[1]
	d2 := x[2] - m[2]
	d3 := x[3] - m[3]
	d4 := x[4] - m[4]
	d5 := x[5] - m[5]
	m[0] += d0 * inv
	m[1] += d1 * inv
	m[2] += d2 * inv
	m[3] += d3 * inv
	m[4] += d4 * inv
	m[5] += d5 * inv
	e0 := f * d0
	c[0] += e0 * d0
	c[1] += e0 * d1
	c[2] += e0 * d2
	c[3] += e0 * d3
	c[4] += e0 * d4
	c[5] += e0 * d5
	e1 := f * d1
	c[7] += e1 * d1
	c[8] += e1 * d2
	c[9] += e1 * d3
	c[10] += e1 * d4
	c[11] += e1 * d5
	e2 := f * d2
	c[14] += e2 * d2
	c[15] += e2 * d3
	c[16] += e2 * d4
	c[17] += e2 * d5
	e3 := f * d3
	c[21] += e3 * d3
	c[22] += e3 * d4
	c[23] += e3 * d5
	e4 := f * d4
	c[28] += e4 * d4
	c[29] += e4 * d5
	e5 := f * d5
	c[35] += e5 * d5
}

func (b *block) add7(x []float64, inv, f float64) {
	x = x[:7:7]
	m := b.mean[:7:7]
	c := b.c[:49:49]
	d0 := x[0] - m[0]
	d1 := x[1] - m[1]
	d2 := x[2] - m[2]
	d3 := x[3] - m[3]
	d4 := x[4] - m[4]
	d5 := x[5] - m[5]
	d6 := x[6] - m[6]
	m[0] += d0 * inv
	m[1] += d1 * inv
	m[2] += d2 * inv
	m[3] += d3 * inv
	m[4] += d4 * inv
	m[5] += d5 * inv
	m[6] += d6 * inv
	e0 := f * d0
	c[0] += e0 * d0
	c[1] += e0 * d1
	c[2] += e0 * d2
	c[3] += e0 * d3
	c[4] += e0 * d4
	c[5] += e0 * d5
	c[6] += e0 * d6
	e1 := f * d1
	c[8] += e1 * d1
	c[9] += e1 * d2
	c[10] += e1 * d3
	c[11] += e1 * d4
	c[12] += e1 * d5
	c[13] += e1 * d6
	e2 := f * d2
	c[16] += e2 * d2
	c[17] += e2 * d3
	c[18] += e2 * d4
	c[19] += e2 * d5
	c[20] += e2 * d6
	e3 := f * d3
	c[24] += e3 * d3
	c[25] += e3 * d4
	c[26] += e3 * d5
	c[27] += e3 * d6
	e4 := f * d4
	c[32] += e4 * d4
	c[33] += e4 * d5
	c[34] += e4 * d6
	e5 := f * d5
	c[40] += e5 * d5
	c[41] += e5 * d6
	e6 := f * d6
	c[48] += e6 * d6
}

func (b *block) add8(x []float64, inv, f float64) {
	x = x[:8:8]
	m := b.mean[:8:8]
	c := b.c[:64:64]
	d0 := x[0] - m[0]
	d1 := x[1] - m[1]
	d2 := x[2] - m[2]
	d3 := x[3] - m[3]
	d4 := x[4] - m[4]
	d5 := x[5] - m[5]
	d6 := x[6] - m[6]
	d7 := x[7] - m[7]
	m[0] += d0 * inv
	m[1] += d1 * inv
	m[2] += d2 * inv
	m[3] += d3 * inv
	m[4] += d4 * inv
	m[5] += d5 * inv
	m[6] += d6 * inv
	m[7] += d7 * inv
	e0 := f * d0
	c[0] += e0 * d0
	c[1] += e0 * d1
	c[2] += e0 * d2
	c[3] += e0 * d3
	c[4] += e0 * d4
	c[5] += e0 * d5
	c[6] += e0 * d6
	c[7] += e0 * d7
	e1 := f * d1
	c[9] += e1 * d1
	c[10] += e1 * d2
	c[11] += e1 * d3
	c[12] += e1 * d4
	c[13] += e1 * d5
	c[14] += e1 * d6
	c[15] += e1 * d7
	e2 := f * d2
	c[18] += e2 * d2
	c[19] += e2 * d3
	c[20] += e2 * d4
	c[21] += e2 * d5
	c[22] += e2 * d6
	c[23] += e2 * d7
	e3 := f * d3
	c[27] += e3 * d3
	c[28] += e3 * d4
	c[29] += e3 * d5
	c[30] += e3 * d6
	c[31] += e3 * d7
	e4 := f * d4
	c[36] += e4 * d4
	c[37] += e4 * d5
	c[38] += e4 * d6
	c[39] += e4 * d7
	e5 := f * d5
	c[45] += e5 * d5
	c[46] += e5 * d6
	c[47] += e5 * d7
	e6 := f * d6
	c[54] += e6 * d6
	c[55] += e6 * d7
	e7 := f * d7
	c[63] += e7 * d7
}
