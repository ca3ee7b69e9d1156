package btyd

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/shopspring/decimal"
)

// Transaction is one purchase from a caller's records.
type Transaction struct {
	// Customer identifies the buyer.
	Customer string `json:"customer"`
	// Time is when the purchase was made.
	Time time.Time `json:"time"`
	// Amount is its value: not negative (record returns separately),
	// below 1e300 and with at most 100 decimal places (see [Summarize]).
	Amount decimal.Decimal `json:"amount"`
}

// SummaryOptions configures [Summarize]; nil means the defaults.
type SummaryOptions struct {
	// Granularity merges purchases of one customer that fall in the same
	// interval of this length (counted from the Unix epoch in UTC) into one
	// purchase, as the buy-till-you-die literature does with same-day
	// orders; all times, the calibration and holdout ends included, are
	// then measured from the starts of their intervals. Zero means 24
	// hours (calendar days in UTC); a negative value keeps every distinct
	// timestamp as it is.
	Granularity time.Duration
	// HoldoutEnd, if not zero, ends a holdout period after the calibration
	// end; purchases in (calibration end, HoldoutEnd] are counted in a
	// Holdout per customer.
	HoldoutEnd time.Time
}

// Holdout is a customer's purchases in the holdout period, to compare with
// a model's conditional predictions.
type Holdout struct {
	// Customer identifies the customer.
	Customer string `json:"customer"`
	// Purchases is the number of purchases in the holdout period.
	Purchases int `json:"purchases"`
	// Length is the holdout period's length in the time unit.
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
// months is the commonest error with these models. For each customer whose
// first purchase is on or before calibrationEnd:
//
//   - Frequency is the number of purchases after the first, up to
//     calibrationEnd (purchases merged by opts.Granularity);
//   - Recency is the time from the first to the last of them, in units;
//   - T is the time from the first purchase to calibrationEnd, in units;
//   - MeanSpend is the mean value of the repeat purchases (the first is
//     excluded, as in the Gamma-Gamma model), rounded half away from zero
//     to 4 decimal places; 0 without repeat purchases.
//
// Customers appear in the order of their first transaction in txs. With
// opts.HoldoutEnd set, the second result holds each summarised customer's
// purchases after calibrationEnd up to HoldoutEnd; otherwise it is nil.
// A customer whose first purchase falls in the calibration end's interval
// has T = 0; [FitBGNBD], [BGNBD.LogLikelihood] and [FitGammaGamma] accept
// every summary Summarize returns (such a customer contributes nothing).
// Times are differenced in seconds and nanoseconds, so spans longer than
// a time.Duration holds (about 292 years) are measured exactly too.
//
// It returns an error wrapping [ErrEmpty] for no transactions, and
// [ErrInvalid] for a unit that is not positive, a zero calibrationEnd or a
// HoldoutEnd before it, a transaction without a customer or time, or an
// amount that is negative, not below 1e300 or has more than 100 decimal
// places (naming the transaction's index).
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
	gran := 24 * time.Hour
	var holdoutEnd time.Time
	if opts != nil {
		if opts.Granularity != 0 {
			gran = opts.Granularity
		}
		holdoutEnd = opts.HoldoutEnd
		if !holdoutEnd.IsZero() && holdoutEnd.Before(calibrationEnd) {
			return nil, nil, fmt.Errorf("btyd: Summarize: holdout end %v before calibration end %v: %w", holdoutEnd, calibrationEnd, ErrInvalid)
		}
	}
	bucket := func(t time.Time) time.Time {
		if gran < 0 {
			return t
		}
		return t.UTC().Truncate(gran)
	}
	// Per customer: purchase buckets with their summed amounts.
	type purchase struct {
		at     time.Time
		amount decimal.Decimal
	}
	order := []string{}
	hist := map[string][]purchase{}
	for i, tx := range txs {
		switch {
		case tx.Customer == "":
			return nil, nil, fmt.Errorf("btyd: Summarize: transaction %d has no customer: %w", i, ErrInvalid)
		case tx.Time.IsZero():
			return nil, nil, fmt.Errorf("btyd: Summarize: transaction %d has no time: %w", i, ErrInvalid)
		case tx.Amount.Sign() < 0:
			return nil, nil, fmt.Errorf("btyd: Summarize: transaction %d has negative amount %s: %w", i, shortAmount(tx.Amount), ErrInvalid)
		case !tx.Amount.IsZero() && tx.Amount.NumDigits()+int(tx.Amount.Exponent()) > maxAmountDigits:
			return nil, nil, fmt.Errorf("btyd: Summarize: transaction %d has amount %s, want below 1e%d: %w", i, shortAmount(tx.Amount), maxAmountDigits, ErrInvalid)
		case tx.Amount.Exponent() < -maxAmountPlaces:
			return nil, nil, fmt.Errorf("btyd: Summarize: transaction %d has amount %s with more than %d decimal places: %w", i, shortAmount(tx.Amount), maxAmountPlaces, ErrInvalid)
		}
		if _, seen := hist[tx.Customer]; !seen {
			order = append(order, tx.Customer)
		}
		hist[tx.Customer] = append(hist[tx.Customer], purchase{bucket(tx.Time), tx.Amount})
	}
	units := func(from, to time.Time) float64 { return spanUnits(from, to, unit) }
	calEnd := bucket(calibrationEnd)
	var sums []Summary
	var holds []Holdout
	for _, c := range order {
		ps := hist[c]
		// Sort by time, then merge purchases in the same bucket.
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].at.Before(ps[j].at) })
		merged := ps[:0:0]
		for _, p := range ps {
			if n := len(merged); n > 0 && merged[n-1].at.Equal(p.at) {
				merged[n-1].amount = merged[n-1].amount.Add(p.amount)
				continue
			}
			merged = append(merged, p)
		}
		first := merged[0].at
		if first.After(calEnd) {
			continue
		}
		s := Summary{Customer: c, T: units(first, calEnd)}
		total := decimal.Zero
		h := Holdout{Customer: c, Spend: decimal.Zero}
		for _, p := range merged[1:] {
			switch {
			case !p.at.After(calEnd):
				s.Frequency++
				s.Recency = units(first, p.at)
				total = total.Add(p.amount)
			case !holdoutEnd.IsZero() && !p.at.After(bucket(holdoutEnd)):
				h.Purchases++
				h.Spend = h.Spend.Add(p.amount)
			}
		}
		if s.Frequency > 0 {
			s.MeanSpend = total.DivRound(decimal.NewFromInt(int64(s.Frequency)), 4)
		}
		sums = append(sums, s)
		if !holdoutEnd.IsZero() {
			h.Length = units(calEnd, bucket(holdoutEnd))
			holds = append(holds, h)
		}
	}
	return sums, holds, nil
}

// spanUnits returns to − from in units of unit, from the seconds and
// nanoseconds of the two times, so that spans beyond time.Duration's
// ±292 years, which Time.Sub saturates, are measured exactly.
func spanUnits(from, to time.Time, unit time.Duration) float64 {
	if d := to.Sub(from); d > math.MinInt64 && d < math.MaxInt64 {
		return float64(d) / float64(unit)
	}
	sec := float64(to.Unix()) - float64(from.Unix())
	nsec := float64(to.Nanosecond() - from.Nanosecond())
	return (sec*1e9 + nsec) / float64(unit)
}
