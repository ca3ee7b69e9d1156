package binstate

import (
	"fmt"
	"math"
)

// CountsVersion is the layout version of [AppendCounts].
const CountsVersion = 1

// CountsIdentity returns the identity of a tally named name whose cells
// are labelled by cells (in storage order): a state decodes only into a
// tally with the same name and cells.
func CountsIdentity(name string, cells ...string) uint64 {
	var h Hash
	h.String(name)
	h.Int(len(cells))
	for _, c := range cells {
		h.String(c)
	}
	return h.Sum()
}

// AppendCounts returns the frame of a tally: its cell count as int64, then
// each count as int64.
func AppendCounts(magic string, id uint64, counts []int64) []byte {
	w := NewWriter(magic, CountsVersion, id, 8*(1+len(counts)))
	w.Int64(int64(len(counts)))
	for _, c := range counts {
		w.Int64(c)
	}
	return w.Finish()
}

// ReadCounts decodes a frame written by [AppendCounts] into dst, which it
// changes only on success. It checks the frame, the identity (an error
// wrapping [ErrIdentity]), the number of cells, that every count is
// non-negative and that their sum fits in an int64.
func ReadCounts(data []byte, magic string, id uint64, dst []int64) error {
	r, err := NewReader(data, magic, CountsVersion)
	if err != nil {
		return err
	}
	if err := r.CheckIdentity(id); err != nil {
		return err
	}
	if k := r.Int64(); r.Err() == nil && k != int64(len(dst)) {
		return fmt.Errorf("%d cells, want %d", k, len(dst))
	}
	tmp := make([]int64, len(dst))
	var sum int64
	for i := range tmp {
		c := r.Int64()
		if r.Err() != nil {
			break
		}
		if c < 0 || c > math.MaxInt64-sum {
			return fmt.Errorf("count %d of cell %d negative or overflowing the total", c, i)
		}
		sum += c
		tmp[i] = c
	}
	if err := r.Close(); err != nil {
		return err
	}
	copy(dst, tmp)
	return nil
}
