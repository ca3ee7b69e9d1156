package btyd

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"time"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// ExpectedPredictor is a purchase model that gives a new customer's
// expected number of repeat purchases in (0, t], as
// [BGNBD.ExpectedPurchases], [ParetoNBD.ExpectedPurchases] and
// [MBGNBD.ExpectedPurchases] do; the three models and their fits
// ([BGNBDFit], [ParetoNBDFit], [MBGNBDFit]) satisfy it.
type ExpectedPredictor interface {
	ExpectedPurchases(t float64) float64
}

// Limits of [Tracking]: the number of periods, and the number of model
// evaluations, which is at most periods × the number of distinct
// first-purchase days in the tracked window (a BG/NBD expectation takes
// about 50 µs, so the limit is about a minute of work; the 78 weeks of
// the 2,357 CDNOW customers, who first bought on 84 days, take 0.4 s).
const (
	MaxTrackingPeriods     = 100_000
	MaxTrackingEvaluations = 1_000_000
)

// TrackingRow is one period of a [TrackingTable].
type TrackingRow struct {
	// Period is the period's number, 1 for the first; it ends Period
	// time units after the start.
	Period int `json:"period"`
	// Actual is the cohort's repeat transactions in the period.
	Actual int `json:"actual"`
	// Expected is the model's expected repeat transactions in the period,
	// CumExpected minus the previous row's (0 when rounding makes that
	// negative).
	Expected float64 `json:"expected"`
	// CumActual is the cohort's repeat transactions from the start to the
	// period's end.
	CumActual int `json:"cum_actual"`
	// CumExpected is the model's expected repeat transactions from the
	// start to the period's end, Σ_i E[X(t − s_i)].
	CumExpected float64 `json:"cum_expected"`
}

// TrackingTable is the tracking of a cohort's repeat transactions period
// by period, actual against a model's expectation, as in the weekly and
// cumulative tracking plots of Fader, Hardie & Lee (2005), "Counting your
// customers the easy way", Marketing Science 24(2), §4.
type TrackingTable struct {
	// Customers is the number of customers in the cohort: those whose
	// first purchase falls in the tracked periods.
	Customers int `json:"customers"`
	// Rows holds periods 1, 2, … in order.
	Rows []TrackingRow `json:"rows"`
}

// Tracking follows the repeat transactions of a cohort of customers
// period by period and sets beside them what the model m expects, with
// the customers' first purchases staggered over time (Fader, Hardie & Lee
// 2005, §4). The model must be fitted in the same time unit as unit:
// E[X(t)] is read with t in units.
//
// Period p (1, 2, …, periods) covers the times [start + (p−1)·unit,
// start + p·unit). Purchases are merged as [Summarize] merges them by
// default: a customer's purchases on one calendar day (UTC) are one
// purchase, and every time, start included, is taken at the start of its
// day. A customer's first purchase day s_i enters the cohort; each later
// distinct day is a repeat transaction, counted in the period it falls in
// (Actual). A customer's expected repeat transactions by time t (in units
// from the start) are E[X(t − s_i)] for s_i < t, with s_i in units, so
// the cohort's are
//
//	CumExpected(p) = Σ_{i: s_i < p} E[X(p − s_i)],
//
// and Expected(p) = CumExpected(p) − CumExpected(p−1). Customers sharing
// a first-purchase day are summed as one group, so the work is one call
// of m.ExpectedPurchases per period and distinct first-purchase day, at
// most [MaxTrackingEvaluations]. Grouping the transactions by customer
// takes two passes over them, a sort of each customer's own days, a map
// of customer ids and 16 bytes per transaction. Transaction amounts are
// not read.
//
// Customers whose first purchase is at or after the end of the last
// period are not in the cohort; their transactions are ignored, as are
// all transactions after that end. A first purchase before start is an
// error: the cohort must be the caller's choice, not an accident of the
// start date.
//
// It returns an error wrapping [ErrEmpty] for no transactions, and
// [ErrInvalid] for a nil model, a unit that is not positive, a zero
// start, periods outside [1, MaxTrackingPeriods], a transaction without a
// customer or time, a customer whose first purchase precedes start
// (naming the transaction's index), more than MaxTrackingEvaluations
// evaluations, or an expectation that is not a finite number ≥ 0 (a model
// outside its domain; the spans t − s_i are at most periods, well inside
// [MaxTime]).
func Tracking(m ExpectedPredictor, txs []Transaction, unit time.Duration, start time.Time, periods int) (TrackingTable, error) {
	const fn = "Tracking"
	switch {
	case m == nil:
		return TrackingTable{}, fmt.Errorf("btyd: %s: model is nil: %w", fn, ErrInvalid)
	case reflect.ValueOf(m).Kind() == reflect.Pointer && reflect.ValueOf(m).IsNil():
		return TrackingTable{}, fmt.Errorf("btyd: %s: model is a nil pointer: %w", fn, ErrInvalid)
	case len(txs) == 0:
		return TrackingTable{}, fmt.Errorf("btyd: %s: no transactions: %w", fn, ErrEmpty)
	case unit <= 0:
		return TrackingTable{}, fmt.Errorf("btyd: %s: time unit %v must be positive: %w", fn, unit, ErrInvalid)
	case start.IsZero():
		return TrackingTable{}, fmt.Errorf("btyd: %s: start is not set: %w", fn, ErrInvalid)
	case periods < 1 || periods > MaxTrackingPeriods:
		return TrackingTable{}, fmt.Errorf("btyd: %s: periods %d outside [1, %d]: %w", fn, periods, MaxTrackingPeriods, ErrInvalid)
	}
	origin := dayNumber(start)
	// Number the customers in order of appearance, then gather each
	// one's purchase days into one flat slice (a counting sort by
	// customer): one map lookup per transaction, no per-customer slices.
	ids := make(map[string]int)
	var firstTx, count []int
	custOf := make([]int, len(txs))
	for i, tx := range txs {
		switch {
		case tx.Customer == "":
			return TrackingTable{}, fmt.Errorf("btyd: %s: transaction %d has no customer: %w", fn, i, ErrInvalid)
		case tx.Time.IsZero():
			return TrackingTable{}, fmt.Errorf("btyd: %s: transaction %d has no time: %w", fn, i, ErrInvalid)
		}
		c, ok := ids[tx.Customer]
		if !ok {
			c = len(firstTx)
			ids[tx.Customer] = c
			firstTx = append(firstTx, i)
			count = append(count, 0)
		}
		custOf[i] = c
		count[c]++
	}
	off := make([]int, len(count)+1)
	for c, n := range count {
		off[c+1] = off[c] + n
	}
	pos := count // reused as each customer's fill position
	copy(pos, off[:len(count)])
	allDays := make([]int64, len(txs))
	for i, tx := range txs {
		c := custOf[i]
		allDays[pos[c]] = dayNumber(tx.Time)
		pos[c]++
	}
	actual := make([]int, periods)
	cohorts := map[int64]int{} // first-purchase day → customers
	customers := 0
	for c := range firstTx {
		days := allDays[off[c]:off[c+1]]
		slices.Sort(days)
		days = slices.Compact(days)
		if days[0] < origin {
			i := firstTx[c]
			for j := i; j < len(txs); j++ { // the transaction that made the first day
				if custOf[j] == c && dayNumber(txs[j].Time) == days[0] {
					i = j
					break
				}
			}
			return TrackingTable{}, fmt.Errorf("btyd: %s: customer %q (transaction %d): first purchase on %s, before start %s: %w",
				fn, txs[i].Customer, i, dayString(days[0]), dayString(origin), ErrInvalid)
		}
		if dayPeriod(days[0]-origin, unit) >= int64(periods) {
			continue
		}
		customers++
		cohorts[days[0]]++
		for _, d := range days[1:] {
			p := dayPeriod(d-origin, unit)
			if p >= int64(periods) {
				break // days are sorted: the rest are later still
			}
			actual[p]++
		}
	}
	// The cohorts in order of their first day; their work.
	firsts := make([]int64, 0, len(cohorts))
	work := 0
	for d := range cohorts {
		firsts = append(firsts, d)
		work += periods - int(dayPeriod(d-origin, unit))
	}
	if work > MaxTrackingEvaluations {
		return TrackingTable{}, fmt.Errorf("btyd: %s: %d periods for %d distinct first-purchase days need %d model evaluations, at most %d: %w",
			fn, periods, len(firsts), work, MaxTrackingEvaluations, ErrInvalid)
	}
	slices.Sort(firsts)
	cum := make([]ksum, periods)
	for _, d := range firsts {
		s := daySpan(d-origin, unit)
		n := float64(cohorts[d])
		for p := int(dayPeriod(d-origin, unit)); p < periods; p++ {
			t := float64(p+1) - s // the period ends p+1 units after the start
			if t <= 0 {
				continue // s < p+1 exactly; only rounding can reach it, where E[X(0)] = 0
			}
			e := m.ExpectedPurchases(t)
			if math.IsNaN(e) || math.IsInf(e, 0) || e < 0 {
				return TrackingTable{}, fmt.Errorf("btyd: %s: E[X(%v)] = %v for the customers first buying on %s (model outside its domain): %w",
					fn, t, e, dayString(d), ErrInvalid)
			}
			cum[p].add(n * e)
		}
	}
	rows := make([]TrackingRow, periods)
	cumAct, prev := 0, 0.0
	for p := range rows {
		ce := cum[p].sum()
		cumAct += actual[p]
		rows[p] = TrackingRow{
			Period:      p + 1,
			Actual:      actual[p],
			Expected:    max(ce-prev, 0),
			CumActual:   cumAct,
			CumExpected: ce,
		}
		if math.IsInf(ce, 0) {
			return TrackingTable{}, fmt.Errorf("btyd: %s: expected transactions overflow at period %d: %w", fn, p+1, ErrInvalid)
		}
		prev = ce
	}
	return TrackingTable{Customers: customers, Rows: rows}, nil
}

const (
	secondsPerDay = 86400
	nanosPerDay   = secondsPerDay * int64(time.Second)
)

// dayNumber returns the calendar day (UTC) of t, counted from 1970-01-01.
func dayNumber(t time.Time) int64 {
	s := t.Unix()
	d := s / secondsPerDay
	if s%secondsPerDay < 0 {
		d--
	}
	return d
}

// dayString formats a day number as yyyy-mm-dd.
func dayString(d int64) string {
	return time.Unix(d*secondsPerDay, 0).UTC().Format("2006-01-02")
}

// dayPeriod returns the 0-based period of unit in which the start of day
// days (≥ 0) after the origin falls: ⌊days·24h / unit⌋, exactly in
// integers where the span fits an int64 of nanoseconds.
func dayPeriod(days int64, unit time.Duration) int64 {
	if days <= math.MaxInt64/nanosPerDay {
		return days * nanosPerDay / int64(unit)
	}
	return int64(min(math.Floor(daySpan(days, unit)), math.MaxInt64/2))
}

// daySpan returns days·24h in units.
func daySpan(days int64, unit time.Duration) float64 {
	return float64(days) * float64(nanosPerDay) / float64(unit)
}

// trackingColumn selects a column of a TrackingTable.
type trackingColumn int

const (
	colActual trackingColumn = iota
	colExpected
	colCumActual
	colCumExpected
)

// TrackingSeries is one column of a [TrackingTable] in the shape plotting
// libraries accept for line data (gonum.org/v1/plot's plotter.XYer): x is
// the period's number (its end, in time units from the start), y the
// column's value. Get one from [TrackingTable.ActualSeries] and its
// siblings; it shares the table's rows.
type TrackingSeries struct {
	rows []TrackingRow
	col  trackingColumn
}

// Len returns the number of periods.
func (s TrackingSeries) Len() int { return len(s.rows) }

// XY returns period i+1 (x) and the column's value in it (y). i must be
// in [0, Len()), as for a slice index.
func (s TrackingSeries) XY(i int) (x, y float64) {
	r := s.rows[i]
	switch s.col {
	case colActual:
		y = float64(r.Actual)
	case colExpected:
		y = r.Expected
	case colCumActual:
		y = float64(r.CumActual)
	default:
		y = r.CumExpected
	}
	return float64(r.Period), y
}

// ActualSeries returns the repeat transactions per period.
func (t TrackingTable) ActualSeries() TrackingSeries { return TrackingSeries{t.Rows, colActual} }

// ExpectedSeries returns the model's expected repeat transactions per
// period.
func (t TrackingTable) ExpectedSeries() TrackingSeries { return TrackingSeries{t.Rows, colExpected} }

// CumActualSeries returns the cumulative repeat transactions.
func (t TrackingTable) CumActualSeries() TrackingSeries { return TrackingSeries{t.Rows, colCumActual} }

// CumExpectedSeries returns the model's expected cumulative repeat
// transactions.
func (t TrackingTable) CumExpectedSeries() TrackingSeries {
	return TrackingSeries{t.Rows, colCumExpected}
}

// MarshalJSON encodes r with NaN as null.
func (r TrackingRow) MarshalJSON() ([]byte, error) {
	type plain TrackingRow
	return nanjson.Marshal(plain(r))
}

// UnmarshalJSON decodes r, null as NaN.
func (r *TrackingRow) UnmarshalJSON(b []byte) error {
	type plain TrackingRow
	return nanjson.Unmarshal(b, (*plain)(r))
}

// MarshalJSON encodes t with NaN as null.
func (t TrackingTable) MarshalJSON() ([]byte, error) {
	type plain TrackingTable
	return nanjson.Marshal(plain(t))
}

// UnmarshalJSON decodes t, null as NaN.
func (t *TrackingTable) UnmarshalJSON(b []byte) error {
	type plain TrackingTable
	return nanjson.Unmarshal(b, (*plain)(t))
}
