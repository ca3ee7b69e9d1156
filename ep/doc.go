// Package ep models the expectation-performance (EP) comparison: how a
// customer's expectation and the performance they receive yield a level of
// satisfaction, where expectations come from and how they move, and the
// survey metrics built on satisfaction levels.
//
// # Start here
//
// The main entry points, in the order a user usually needs them:
//
//  1. [Model.Compare] compares one performance with one expectation and
//     returns an [Outcome] with its satisfaction [Level]. Start from a
//     built-in model, [EPModel] or [KotlerModel], and copy and change it.
//  2. [Tally] counts the levels of a survey; [Tally.Report] gives the
//     shares, the mean and the CSAT (customer satisfaction score, top-2-box
//     share) with its [Wilson] interval, as a [CSATReport].
//  3. [Blend] forms an expectation from its three sources, [Update] moves
//     it after an experience and [Replay] runs a customer's history.
//  4. [Offer] and [Choose]: customer delivered value and the offer a
//     value-maximising customer picks.
//  5. [Classify] and [KanoTally]: the Kano category of an attribute, with
//     Berger et al.'s satisfaction coefficients in a [KanoReport];
//     [EffortTally] does for the Customer Effort Score (CES) what Tally
//     does for CSAT.
//
// # The comparison
//
// Before buying, a customer forms an expectation E; afterwards they compare
// the perceived performance P with it (the EP model of
// expectation-disconfirmation theory, Oliver 1980; Kotler & Keller,
// Marketing Management: satisfaction is a function of the difference
// between perceived performance and expectation). The theory measures the
// difference subtractively, d = P − E, or as a ratio, d = P/E − 1, and
// treats small differences inside a tolerance (indifference) band as
// confirmation. A [Model] holds the form, the band and the delight and
// severe margins, and maps d to a [Level]:
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
// Expectations come from three sources (Kotler & Keller, Marketing
// Management): past buying experience, word of mouth (the advice of
// friends and associates) and the company's own information and promises;
// [Blend] weighs them. After each experience the expectation moves towards
// the performance, E' = E + λ(P − E) ([Update]); [Replay] shows how a run
// of delight raises tomorrow's bar.
//
// # Value, survey metrics and Kano
//
// [Offer] computes the customer delivered value of Kotler & Keller (total
// customer value − total customer cost) in decimal money, and [Choose]
// picks the offer a value-maximising customer buys. [Tally] reports survey
// answers on the five-level scale with the CSAT top-2-box share and its
// [Wilson] interval; [EffortTally] does the same for the Customer Effort
// Score. [Classify] and [KanoTally] place attributes in the Kano categories
// (Kano, Seraku, Takahashi & Tsuji 1984), which explain when exceeding an
// expectation delights (attractive) and when meeting it only avoids
// dissatisfaction (must-be).
//
// # Labels
//
// Every enumeration ([Level], [Form], [Answer], [Category]) has three text
// forms: MarshalText writes a stable lower-case token (very_dissatisfied,
// one_dimensional), String the English label (very dissatisfied,
// one-dimensional) and Chinese the Chinese label (极度不满意, 期望属性).
// UnmarshalText reads all three, with Latin letters in any case and ' ',
// '-' and '_' interchangeable, so JSON, flags and user input in either
// language decode to the same value.
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
//     wraps one of the sentinels [ErrInvalid], [ErrModel], [ErrEmpty],
//     [ErrFormat] or [ErrLevel] (test with errors.Is); a call that returns an error
//     changes nothing. Counts that would overflow int64 (Add, AddN, Merge
//     of every tally) are errors wrapping ErrInvalid.
//   - A number that is promised is finite. A statistic the data leave
//     undefined (the shares of an empty tally, the Kano coefficients with
//     no A, O, M or I answers) is NaN together with a non-empty Reason.
//     [Wilson], a function of numbers in the manner of package math,
//     returns NaN for arguments outside its domain, as its special cases
//     list; its interval always contains p̂ and reaches 0 or 1 exactly
//     when k = 0 or k = n.
//   - JSON: every result type ([CSATReport], [EffortReport], [KanoReport],
//     [Interval], [Outcome]) and the input types with floats ([Sources],
//     [Weights], [Model]) encode NaN and ±Inf as null and decode null as
//     NaN, so that a value round-trips to an equal value (±Inf comes back
//     as NaN). Enumerations encode as their tokens (see Labels). Money
//     ([Offer]) is decimal and encodes as quoted strings.
//   - Binary: the tallies ([Tally], [EffortTally], [KanoTally]) travel as
//     bytes (MarshalBinary, UnmarshalBinary: versioned and checksummed);
//     bad bytes are an error wrapping [ErrFormat] and change nothing.
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
//     read methods (Count, N, Report) do not mutate and may run
//     concurrently with each other, and the source of a Merge is only
//     read. Tally shards separately and merge them.
package ep
