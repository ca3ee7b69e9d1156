package btyd

import (
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// Transaction is one purchase from a caller's records.
type Transaction struct {
	// Customer identifies the buyer. Ids are compared byte by byte: "A1"
	// and "a1", or ids that differ in spaces or Unicode normalisation,
	// are different customers (normalise them first if they are not).
	Customer string `json:"customer"`
	// Time is when the purchase was made, read on the clock of its own
	// location (see [Summarize]).
	Time time.Time `json:"time"`
	// Amount is its value: not negative (record returns separately),
	// below 1e300 and written with at most 100 decimal places
	// (Exponent ≥ −100: trailing zeros count; see [Summarize]).
	Amount decimal.Decimal `json:"amount"`
}

// SummaryOptions configures [Summarize]; nil means the defaults.
type SummaryOptions struct {
	// Granularity merges purchases of one customer that fall in the same
	// interval of this length into one purchase, as the buy-till-you-die
	// literature does with same-day orders. The intervals are counted
	// from 0001-01-01 00:00 (a Monday) on the wall clock of each time's
	// location, as time.Time.Truncate counts them for a UTC time: 24
	// hours are calendar days, 7 × 24 hours weeks from Monday to Sunday.
	// Zero means 24 hours (calendar days); a negative value merges only
	// purchases at the same instant of the clock.
	Granularity time.Duration
	// HoldoutEnd, if not zero, ends a holdout period after the
	// calibration end: purchases after calibrationEnd up to and including
	// HoldoutEnd are counted in a Holdout per customer.
	HoldoutEnd time.Time
}

// Holdout is a customer's purchases in the holdout period, to compare with
// a model's conditional predictions.
type Holdout struct {
	// Customer identifies the customer.
	Customer string `json:"customer"`
	// Purchases is the number of purchases in the holdout period
	// (purchases in one interval of the granularity count once).
	Purchases int `json:"purchases"`
	// Length is the holdout period's length in the time unit: from the
	// start of the calibration end's interval to the start of the
	// holdout end's.
	Length float64 `json:"length"`
	// Spend is the total value of those purchases.
	Spend decimal.Decimal `json:"spend"`
}

// Bounds of a transaction amount: sums of amounts are exact decimals, and
// adding 1e999999999 to 1.5 would build a billion-digit number.
const (
	maxAmountDigits = 300 // integer digits: amounts below 1e300
	maxAmountPlaces = 100 // decimal places
)

// Summarize turns transactions into the per-customer summary the models
// take, measured in the given time unit — a required argument, because a
// model fitted in weeks predicts in weeks, and mixing up days, weeks and
// months is the commonest error with these models.
//
// The convention is that of the lifetimes package's
// calibration_and_holdout_data (Davidson-Pilon et al.), with the
// granularity in place of its pandas period frequency:
//
//   - Times are read on the wall clock of their own location
//     (time.Time.Location), as a calendar shows them: a purchase at
//     01:00 in Shanghai falls on that day in Shanghai, whatever the UTC
//     date. The calibration and holdout ends are read on their clocks
//     too, and every comparison and difference of times is one of clock
//     readings, not of instants: with a calibration end of 1 January
//     00:00 UTC, a purchase at 23:00 on 31 December in New York (04:00
//     UTC) is in the calibration period, as a log of local times without
//     zones would have it. The two 01:30s of a day when the clocks go
//     back are one clock time (they keep their order in txs), and a
//     calendar day is one day of the time unit whatever its length in
//     hours. Times in UTC (time.Parse without a zone, say) are read in
//     UTC.
//   - The calibration period holds the purchases at or before
//     calibrationEnd, time by time (before any merging); the holdout the
//     purchases after it, up to and including opts.HoldoutEnd. The split
//     comes first:
//     a purchase later on the calibration end's day (or in its week, at
//     a weekly granularity) is in the holdout. For data stamped with
//     dates only (midnight), a calibration end at midnight keeps its
//     day's purchases in the calibration period.
//   - Within each period, a customer's purchases in one interval of
//     opts.Granularity (calendar days by default) are merged into one
//     purchase whose amount is their sum; every time is then taken at the
//     start of its interval, the calibration and holdout ends included.
//     A calibration purchase and a holdout purchase in one interval are
//     two purchases.
//   - Only customers whose first purchase is in the calibration period
//     are summarised. For each, with times from the start of the first
//     purchase's interval, in exact units ((days)/7 for weeks):
//     Frequency x is the number of later calibration purchases; Recency
//     t_x the time of the last of them (0 without any); T the time to
//     the calibration end; MeanSpend the mean value of the repeat
//     purchases (the first is excluded, as in the Gamma-Gamma model),
//     rounded half away from zero to 4 decimal places, 0 without repeat
//     purchases.
//
// Customers appear in the order of their first transaction in txs (which
// need not be sorted; transactions at the same instant keep their order).
// With opts.HoldoutEnd set, the second result holds each summarised
// customer's holdout purchases ([Holdout]); otherwise it is nil. A
// customer whose first purchase falls in the calibration end's interval
// has T = 0; [FitBGNBD], [BGNBD.LogLikelihood] and [FitGammaGamma] accept
// every summary Summarize returns (such a customer contributes nothing).
// Times are differenced in seconds and nanoseconds, so spans longer than
// a time.Duration holds (about 292 years) are measured exactly too.
//
// The cost is linear: O(n) time for n transactions (a hash of each
// customer id, a map lookup per transaction within partitions of the
// ids small enough for the processor's caches, a counting sort by
// customer, then each customer's purchases sorted by time — linear when
// they arrive in time order) and about 50 bytes per transaction and 100
// per customer of working memory besides the results: 10 million
// transactions of a million customers take 3 to 5 seconds on one core
// and 900 MB of allocations. Amounts are summed as exact int64
// multiples of a power of ten when every amount and every customer's
// total allows, exact decimals otherwise; the results are the same.
//
// It returns an error wrapping [ErrEmpty] for no transactions, and
// [ErrInvalid] for a unit that is not positive, a zero calibrationEnd or a
// HoldoutEnd before it on the clock, a transaction without a customer or time, an
// amount that is negative, not below 1e300 or written with more than 100
// decimal places (naming the transaction's index), or more than 2³¹ − 1
// transactions.
func Summarize(txs []Transaction, unit time.Duration, calibrationEnd time.Time, opts *SummaryOptions) ([]Summary, []Holdout, error) {
	if len(txs) == 0 {
		return nil, nil, fmt.Errorf("btyd: Summarize: no transactions: %w", ErrEmpty)
	}
	if unit <= 0 {
		return nil, nil, fmt.Errorf("btyd: Summarize: time unit %v must be positive: %w", unit, ErrInvalid)
	}
	if calibrationEnd.IsZero() {
		return nil, nil, fmt.Errorf("btyd: Summarize: calibration end is not set: %w", ErrInvalid)
	}
	if int64(len(txs)) > math.MaxInt32 {
		return nil, nil, fmt.Errorf("btyd: Summarize: %d transactions, at most %d: %w", len(txs), math.MaxInt32, ErrInvalid)
	}
	gran := 24 * time.Hour
	var holdoutEnd time.Time
	if opts != nil {
		if opts.Granularity != 0 {
			gran = opts.Granularity
		}
		holdoutEnd = opts.HoldoutEnd
		// Compared on the clocks, as every time is (a holdout end before
		// the calibration end on its clock would give a negative Length).
		if !holdoutEnd.IsZero() && clockTime(holdoutEnd).before(clockTime(calibrationEnd)) {
			return nil, nil, fmt.Errorf("btyd: Summarize: holdout end %v before calibration end %v: %w", holdoutEnd, calibrationEnd, ErrInvalid)
		}
	}
	// Pass 1: validate; find the scale of the amounts.
	places, intDigits, fast := int32(0), 0, true
	for i := range txs {
		tx := &txs[i]
		nd := 1
		if tx.Amount.Sign() != 0 {
			nd = tx.Amount.NumDigits()
		}
		switch {
		case tx.Customer == "":
			return nil, nil, fmt.Errorf("btyd: Summarize: transaction %d has no customer: %w", i, ErrInvalid)
		case tx.Time.IsZero():
			return nil, nil, fmt.Errorf("btyd: Summarize: transaction %d has no time: %w", i, ErrInvalid)
		case tx.Amount.Sign() < 0:
			return nil, nil, fmt.Errorf("btyd: Summarize: transaction %d has negative amount %s: %w", i, shortAmount(tx.Amount), ErrInvalid)
		case tx.Amount.Sign() != 0 && nd+int(tx.Amount.Exponent()) > maxAmountDigits:
			return nil, nil, fmt.Errorf("btyd: Summarize: transaction %d has amount %s, want below 1e%d: %w", i, shortAmount(tx.Amount), maxAmountDigits, ErrInvalid)
		case tx.Amount.Exponent() < -maxAmountPlaces:
			return nil, nil, fmt.Errorf("btyd: Summarize: transaction %d has amount %s with more than %d decimal places: %w", i, shortAmount(tx.Amount), maxAmountPlaces, ErrInvalid)
		}
		if fast && tx.Amount.Sign() != 0 {
			// NumDigits may read a power of ten one digit short (it
			// takes a float64 logarithm): a margin of one digit.
			e := tx.Amount.Exponent()
			if nd > 17 || e < -17 {
				fast = false
			} else {
				places = max(places, -e)
				intDigits = max(intDigits, nd+int(e))
			}
		}
	}
	// Number the customers in order of appearance.
	cust, names, count := numberCustomers(txs)
	// Every amount times 10^places, and every sum of them, is an exact
	// int64 when the amounts have fewer than 10¹⁸ units of 10^−places
	// (sums are checked for overflow).
	fast = fast && intDigits+int(places) <= 17
	// Pass 2: a counting sort of the transactions by customer, each held
	// as its clock time and its amount (an int64 multiple of 10^−places,
	// or the transaction's index when an amount does not fit).
	nc := len(names)
	start := make([]int32, nc+1)
	for c, k := range count {
		start[c+1] = start[c] + k
	}
	next := count[:0:0]
	next = append(next, start[:nc]...)
	count = nil
	ents := make([]txEntry, len(txs))
	for i := range txs {
		tx := &txs[i]
		c := cust[i]
		e := txEntry{t: clockTime(tx.Time), amt: int64(i)}
		if fast {
			e.amt = scaledAmount(tx.Amount, places)
		}
		ents[next[c]] = e
		next[c]++
	}
	cust, next = nil, nil
	// Pass 3: each customer's purchases in time order, split, merged and
	// measured.
	cal := clockTime(calibrationEnd)
	calB := clockBucket(cal, gran)
	hold := !holdoutEnd.IsZero()
	var holdT clockInstant
	var holdLen float64
	if hold {
		holdT = clockTime(holdoutEnd)
		holdLen = clockSpan(calB, clockBucket(holdT, gran), unit)
	}
	amount := func(e txEntry) decimal.Decimal {
		if fast {
			return decimal.New(e.amt, -places)
		}
		return txs[e.amt].Amount
	}
	sums := make([]Summary, 0, nc)
	var holds []Holdout
	if hold {
		holds = make([]Holdout, 0, nc)
	}
	for c := 0; c < nc; c++ {
		es := ents[start[c]:start[c+1]]
		if !slices.IsSortedFunc(es, txEntry.cmp) {
			slices.SortStableFunc(es, txEntry.cmp)
		}
		if cal.before(es[0].t) {
			continue // first purchase after the calibration end
		}
		first := clockBucket(es[0].t, gran)
		s := Summary{Customer: names[c], T: clockSpan(first, calB, unit)}
		last := first
		// Calibration: entries up to the calibration end.
		k := 1
		var total int64
		overflow := !fast
		for ; k < len(es) && !cal.before(es[k].t); k++ {
			b := clockBucket(es[k].t, gran)
			if b == first {
				continue // merged with the first purchase: not a repeat
			}
			if b != last {
				s.Frequency++
				last = b
			}
			if !overflow {
				if total, overflow = addAmount(total, es[k].amt); overflow {
					total = 0
				}
			}
		}
		calEnd := k
		if s.Frequency > 0 {
			s.Recency = clockSpan(first, last, unit)
			s.MeanSpend = meanSpend(total, overflow, s.Frequency, places, func() decimal.Decimal {
				sum := decimal.Zero
				for _, e := range es[1:calEnd] {
					if clockBucket(e.t, gran) != first {
						sum = sum.Add(amount(e))
					}
				}
				return sum
			})
		}
		sums = append(sums, s)
		if !hold {
			continue
		}
		// Holdout: entries after the calibration end up to the holdout end.
		h := Holdout{Customer: names[c], Length: holdLen}
		var spend int64
		overflow = !fast
		var lastH clockInstant
		j := calEnd
		for ; j < len(es) && !holdT.before(es[j].t); j++ {
			b := clockBucket(es[j].t, gran)
			if h.Purchases == 0 || b != lastH {
				h.Purchases++
				lastH = b
			}
			if !overflow {
				if spend, overflow = addAmount(spend, es[j].amt); overflow {
					spend = 0
				}
			}
		}
		switch {
		case h.Purchases == 0:
			h.Spend = decimal.Zero
		case !overflow:
			h.Spend = decimal.New(spend, -places)
		default:
			h.Spend = decimal.Zero
			for _, e := range es[calEnd:j] {
				h.Spend = h.Spend.Add(amount(e))
			}
		}
		holds = append(holds, h)
	}
	return sums, holds, nil
}

// clockInstant is a time read on the wall clock of its location:
// seconds since 1970-01-01 00:00 of that clock and nanoseconds.
type clockInstant struct {
	sec  int64
	nsec int32
}

// clockTime reads t on the clock of its location.
func clockTime(t time.Time) clockInstant {
	_, off := t.Zone()
	return clockInstant{t.Unix() + int64(off), int32(t.Nanosecond())}
}

func (a clockInstant) before(b clockInstant) bool {
	return a.sec < b.sec || a.sec == b.sec && a.nsec < b.nsec
}

// txEntry is a transaction as Summarize sorts it: its clock time and its
// amount (an int64 multiple of 10^−places, or the transaction's index).
type txEntry struct {
	t   clockInstant
	amt int64
}

func (a txEntry) cmp(b txEntry) int {
	switch {
	case a.t.before(b.t):
		return -1
	case b.t.before(a.t):
		return 1
	}
	return 0
}

// unixToYearOne is the number of seconds from 0001-01-01 00:00 (a
// Monday, the origin of time.Time.Truncate) to 1970-01-01 00:00.
const unixToYearOne = 62135596800

// clockBucket returns the start of the interval of length gran that holds
// t, intervals counted from 0001-01-01 00:00 as time.Time.Truncate counts
// them; t itself for gran ≤ 0. The remainder is taken in 128-bit
// arithmetic, so that no time overflows.
func clockBucket(t clockInstant, gran time.Duration) clockInstant {
	if gran <= 0 {
		return t
	}
	g := uint64(gran)
	if gran%time.Second == 0 {
		gs := int64(gran / time.Second)
		r := floorMod(floorMod(t.sec, gs)+unixToYearOne%gs, gs)
		return clockInstant{t.sec - r, 0}
	}
	// r = ((sec + unixToYearOne)·10⁹ + nsec) mod g, from the residues.
	s := uint64(floorMod(floorMod(t.sec, int64(gran))+unixToYearOne%int64(gran), int64(gran)))
	hi, lo := bits.Mul64(s, uint64(time.Second)%g)
	r := bits.Rem64(hi, lo, g)
	r = (r + uint64(t.nsec)%g) % g
	sec, nsec := t.sec-int64(r/uint64(time.Second)), t.nsec-int32(r%uint64(time.Second))
	if nsec < 0 {
		sec, nsec = sec-1, nsec+int32(time.Second)
	}
	return clockInstant{sec, nsec}
}

// floorMod returns a mod m in [0, m) for m > 0.
func floorMod(a, m int64) int64 {
	r := a % m
	if r < 0 {
		r += m
	}
	return r
}

// clockSpan returns to − from in units of unit. Spans within ±292 years
// are exact integers of nanoseconds divided once; longer ones are
// computed from the seconds in float64.
func clockSpan(from, to clockInstant, unit time.Duration) float64 {
	const maxSec = math.MaxInt64/int64(time.Second) - 1
	ds := to.sec - from.sec
	if (ds >= 0) == (to.sec >= from.sec) && ds > -maxSec && ds < maxSec {
		d := ds*int64(time.Second) + int64(to.nsec-from.nsec)
		return float64(d) / float64(unit)
	}
	sec := float64(to.sec) - float64(from.sec)
	nsec := float64(to.nsec - from.nsec)
	return (sec*1e9 + nsec) / float64(unit)
}

// pow10Int holds 10⁰ … 10¹⁸.
var pow10Int = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// scaledAmount returns d·10^places as an int64, for an amount that
// Summarize's first pass found to fit.
func scaledAmount(d decimal.Decimal, places int32) int64 {
	if d.Sign() == 0 {
		return 0
	}
	return d.CoefficientInt64() * pow10Int[d.Exponent()+places]
}

// addAmount adds two non-negative int64 amounts, reporting overflow.
func addAmount(a, b int64) (int64, bool) {
	s := a + b
	return s, s < a
}

// meanSpend returns total·10^−places / x rounded half away from zero to 4
// places, from the int64 total when it is exact (!overflow) and small
// enough, and otherwise in decimal from slow(), the exact sum.
func meanSpend(total int64, overflow bool, x int, places int32, slow func() decimal.Decimal) decimal.Decimal {
	if !overflow {
		num, den, ok := total, int64(x), true
		if places <= 4 {
			num, ok = mulInt64(total, pow10Int[4-places])
		} else {
			den, ok = mulInt64(den, pow10Int[places-4])
		}
		if ok {
			q, r := num/den, num%den
			if r >= den-r {
				q++
			}
			return decimal.New(q, -4)
		}
		return decimal.New(total, -places).DivRound(decimal.NewFromInt(int64(x)), 4)
	}
	return slow().DivRound(decimal.NewFromInt(int64(x)), 4)
}

// mulInt64 multiplies two non-negative int64s, reporting whether the
// product fits.
func mulInt64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	return int64(lo), hi == 0 && lo <= math.MaxInt64
}

// numberCustomers numbers the customers of txs in order of their first
// transaction: cust[i] is transaction i's customer, names[c] customer c's
// id and count[c] the number of its transactions. A large log is first
// partitioned by a hash of the id (hash/maphash), so that each
// partition's map of ids stays small enough for the processor's caches;
// the numbering does not depend on the hash.
func numberCustomers(txs []Transaction) (cust []int32, names []string, count []int32) {
	n := len(txs)
	cust = make([]int32, n)
	pbits := 0
	for pbits < 8 && n>>(16+pbits) > 0 {
		pbits++
	}
	if pbits == 0 {
		index := map[string]int32{}
		prev, prevIdx := "", int32(-1)
		for i := range txs {
			id := txs[i].Customer
			c := prevIdx
			if prevIdx < 0 || id != prev {
				var ok bool
				if c, ok = index[id]; !ok {
					c = int32(len(names))
					index[id] = c
					names = append(names, id)
					count = append(count, 0)
				}
				prev, prevIdx = id, c
			}
			cust[i] = c
			count[c]++
		}
		return cust, names, count
	}
	// Partition the transactions by the top bits of the id's hash.
	seed := maphash.MakeSeed()
	parts := 1 << pbits
	part := make([]uint8, n)
	pstart := make([]int32, parts+1)
	for i := range txs {
		p := uint8(maphash.String(seed, txs[i].Customer) >> (64 - pbits))
		part[i] = p
		pstart[int(p)+1]++
	}
	for p := 0; p < parts; p++ {
		pstart[p+1] += pstart[p]
	}
	// The ids and indices in partition order: each partition then reads
	// its ids sequentially (reading them from txs would stride through
	// the whole log once per partition).
	perm := make([]int32, n)
	ids := make([]string, n)
	next := append([]int32(nil), pstart[:parts]...)
	for i, p := range part {
		perm[next[p]] = int32(i)
		ids[next[p]] = txs[i].Customer
		next[p]++
	}
	// Within each partition, in order of appearance: local numbers, and
	// a mark on each customer's first transaction.
	first := make([]bool, n)
	local := make([][]int32, parts) // local number → global, filled below
	for p := 0; p < parts; p++ {
		index := map[string]int32{}
		prev, prevIdx := "", int32(-1)
		for j, i := range perm[pstart[p]:pstart[p+1]] {
			id := ids[int(pstart[p])+j]
			c := prevIdx
			if prevIdx < 0 || id != prev {
				var ok bool
				if c, ok = index[id]; !ok {
					c = int32(len(index))
					index[id] = c
					first[i] = true
				}
				prev, prevIdx = id, c
			}
			cust[i] = c
		}
		local[p] = make([]int32, len(index))
	}
	perm, ids = nil, nil
	// Global numbers in order of the first transactions.
	for i, f := range first {
		if f {
			local[part[i]][cust[i]] = int32(len(names))
			names = append(names, txs[i].Customer)
		}
	}
	count = make([]int32, len(names))
	for i, p := range part {
		c := local[p][cust[i]]
		cust[i] = c
		count[c]++
	}
	return cust, names, count
}
