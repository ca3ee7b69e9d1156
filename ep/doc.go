// Package ep models the expectation-performance (EP) comparison: how a
// customer's expectation and the performance they receive yield a level of
// satisfaction, where expectations come from and how they move, and the
// survey metrics built on satisfaction levels.
//
// # The comparison
//
// Before buying, a customer forms an expectation E; afterwards they compare
// the perceived performance P with it (the expectation-performance or "EP"
// model; Kotler, Marketing Management: satisfaction is a function of the
// difference between perceived performance and expectation).
// Expectation-disconfirmation theory (Oliver 1980) measures the difference
// subtractively, d = P − E, or as a ratio, d = P/E − 1, and treats small
// differences inside a tolerance (indifference) band as confirmation. A
// [Model] holds the form, the band and the delight and severe margins, and
// maps d to a [Level]:
//
//	d < −σ → very dissatisfied     −σ ≤ d < −t → dissatisfied
//	|d| ≤ t → confirmed            t < d ≤ δ → one level above confirmed
//	δ < d → delighted (惊喜, performance far above expectation)
//
// Whether a confirmed expectation means acceptance (neutral, [EPModel]) or
// satisfaction ([KotlerModel]) is part of the model.
//
// # Expectations
//
// Expectations come from three sources (Zeithaml, Berry & Parasuraman 1993;
// Kotler, Marketing Management): past experience, word of mouth and the
// company's promises; [Blend] weighs them. After each
// experience the expectation moves towards the performance,
// E' = E + λ(P − E) ([Update]); [Replay] shows how a run of delight raises
// tomorrow's bar.
//
// # Value, survey metrics and Kano
//
// [Offer] computes Kotler's customer delivered value (total customer value
// − total customer cost) in decimal money, and [Choose] picks the offer a
// value-maximising customer buys. [Tally] summarises survey answers on the
// five-level scale with the CSAT top-2-box share and its [Wilson] interval;
// [EffortTally] does the same for the Customer Effort Score. [Classify] and
// [KanoTally] place attributes in the Kano categories, which explain when
// exceeding an expectation delights (attractive) and when meeting it only
// avoids dissatisfaction (must-be).
//
// # Contract
//
// Every exported function and method keeps these promises, and tests and
// fuzz targets hold it to them:
//
//   - No panic and no hang on any input: nil and zero-value receivers and
//     arguments, NaN, ±Inf, ±1e308, −0, negative and huge counts, empty
//     slices. A nil *Tally, *EffortTally or *KanoTally reads as empty and
//     rejects writes. Work that a caller's number would decide is
//     bounded: [Offer.Ratio] accepts at most [MaxPlaces] decimal places
//     and every amount of an [Offer] must have a decimal exponent within
//     ±[MaxExponent].
//   - Invalid input returns an error whose message starts with "ep: "
//     exactly once, names the argument, index or field and its value, and
//     wraps one of the sentinels [ErrInvalid], [ErrModel], [ErrEmpty] or
//     [ErrLevel] (test with errors.Is); a call that returns an error
//     changes nothing. Counts that would overflow int64 (Add, AddN, Merge
//     of every tally) are errors wrapping ErrInvalid.
//   - A number that is promised is finite. A statistic the data leave
//     undefined (the shares of an empty tally, the Kano coefficients with
//     no A, O, M or I answers) is NaN together with a non-empty Reason.
//     [Wilson], a function of numbers in the manner of package math,
//     returns NaN for arguments outside its domain, as its special cases
//     list; its interval always contains p̂ and reaches 0 or 1 exactly
//     when k = 0 or k = n.
//   - JSON: every result type ([Summary], [EffortReport], [KanoReport],
//     [Interval], [Outcome]) and the input types with floats ([Sources],
//     [Weights], [Model]) encode NaN and ±Inf as null and decode null as
//     NaN, so that a value round-trips to an equal value (±Inf comes back
//     as NaN). Enumerations encode as their names. Money ([Offer]) is
//     decimal and encodes as quoted strings.
//   - Rates and shares are fractions (0.25, not 25): the learning rate of
//     [Update], the confidence level of [Wilson], CSAT and the Kano
//     coefficients.
//   - Ties are broken by documented rules: [Choose] compares money
//     exactly, then by value/cost ratio, then by position;
//     [KanoTally.Report] prefers must-be, one-dimensional, attractive,
//     indifferent, reverse, questionable.
//   - Concurrency: [Model], [Offer], [Sources], [Weights] and every
//     result are values, safe to share. The tallies ([Tally],
//     [EffortTally], [KanoTally]) are not safe for concurrent use; their
//     read methods (Count, N, Summary, Result) do not mutate and may run
//     concurrently with each other, and the source of a Merge is only
//     read. Tally shards separately and merge them.
package ep
