package btyd

import (
	"fmt"
	"sort"
)

// CompressBGBB turns customers' transaction histories over discrete
// opportunities into the compressed form [FitBGBB] takes: histories[i][j]
// reports whether customer i transacted at opportunity j+1 after the
// first transaction (which is not part of the history). Each customer
// gives x, the number of true values, t_x, the (1-based) position of the
// last, 0 if none, and n, the history's length; customers sharing
// (x, t_x, n) are counted in one row. Rows are sorted by n, then x, then
// t_x. Histories may differ in length (cohorts of different ages); a
// history of length 0 gives the row (0, 0, 0).
//
// It returns an error wrapping [ErrEmpty] for no customers and
// [ErrInvalid], naming the customer's index, for a history longer than
// [BGBBMaxPeriods]. The input is only read.
func CompressBGBB(histories [][]bool) ([]BGBBHistory, error) {
	if len(histories) == 0 {
		return nil, fmt.Errorf("btyd: CompressBGBB: no histories: %w", ErrEmpty)
	}
	type key struct{ x, tx, n int }
	counts := map[key]int{}
	for i, h := range histories {
		if len(h) > BGBBMaxPeriods {
			return nil, fmt.Errorf("btyd: CompressBGBB: customer %d: history of %d opportunities, more than %d: %w", i, len(h), BGBBMaxPeriods, ErrInvalid)
		}
		k := key{n: len(h)}
		for j, b := range h {
			if b {
				k.x++
				k.tx = j + 1
			}
		}
		counts[k]++
	}
	out := make([]BGBBHistory, 0, len(counts))
	for k, c := range counts {
		out = append(out, BGBBHistory{Frequency: k.x, Recency: k.tx, Periods: k.n, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Periods != b.Periods {
			return a.Periods < b.Periods
		}
		if a.Frequency != b.Frequency {
			return a.Frequency < b.Frequency
		}
		return a.Recency < b.Recency
	})
	return out, nil
}
