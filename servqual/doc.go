// Package servqual is a survey-instrument engine for service quality and
// the SERVQUAL instrument of Parasuraman, Zeithaml & Berry.
//
// # Start here
//
// The main path, in the order a user needs it:
//
//  1. [Analyze](SERVQUAL(), responses) scores a slice of [Response]
//     values and returns a [Report]: per item, dimension and overall the
//     mean gap P − E with its 95% interval and t test, the improvement
//     priorities, Cronbach's alpha per dimension with Feldt's interval,
//     and the key drivers of the overall rating. Read it by key:
//     rep.Dimension("reliability"), rep.Item("Q9"),
//     rep.ReliabilityOf("empathy", Perception),
//     rep.DriversOf("overall", Perception).
//  2. An [Accumulator] does the same one response at a time, in constant
//     memory, and merges exactly across shards or days ([NewAccumulator],
//     [Accumulator.Add], [Accumulator.Merge], [Accumulator.Report];
//     [Accumulate] uses all cores).
//  3. [Accumulator.Reliability] gives Cronbach's (1951) alpha of each
//     dimension with Feldt's interval ([Feldt]) and item-rest
//     correlations: can the dimension scores be trusted?
//  4. [Accumulator.KeyDrivers] regresses an outcome rating (such as
//     "overall") on the dimension scores and splits R² between them
//     (Shapley value; Johnson's relative weights): which dimensions move
//     the overall judgement?
//  5. [Accumulator.IPA] (or [IPA] on any numbers) places the dimensions
//     on the importance-performance grid (Martilla & James 1977):
//     concentrate here, keep up the good work, low priority, possible
//     overkill.
//  6. [Compare] tests two reports (two waves, two branches) dimension by
//     dimension: did the change help?
//
// # Labels
//
// Instruments, dimensions, items and outcome ratings carry a Key (a
// stable token), a Name (English) and a Chinese label; reports copy them.
// The enumerations [Measure], [Zone] and [Quadrant] write a stable token
// with MarshalText (low_priority), an English label with String (low
// priority) and a Chinese one with Chinese (低优先区); UnmarshalText reads
// all three.
//
// # Instruments
//
// An [Instrument] is a set of dimensions made of items rated on one scale,
// with optional outcome ratings (overall quality, value, loyalty) for
// key-driver analysis. [SERVQUAL] is the 22-item, five-dimension (RATER)
// instrument of 1991; [SERVQUAL1988] the original with nine
// reverse-keyed items; [NewInstrument] defines any other questionnaire,
// which the rest of the package then scores the same way.
//
// # Scores
//
// Service quality is the gap between what customers perceive and what
// they expect, per item:
//
//	gap = P − E                          (SERVQUAL; Parasuraman, Zeithaml & Berry 1988)
//	SERVPERF = P                          (Cronin & Taylor 1992)
//	MSA = P − adequate, MSS = P − desired (zone of tolerance; Parasuraman, Zeithaml & Berry 1994)
//
// MSA is the measure of service adequacy and MSS the measure of service
// superiority: below the adequate level a customer is dissatisfied,
// above the desired level delighted.
//
// A dimension's score is the mean of its items; the unweighted SERVQUAL
// score is the mean of the dimension scores and the weighted score weighs
// them by the respondent's importance points (out of 100). Reverse-keyed
// items are flipped, min + max − x, before any score. Missing answers are
// NaN: an item's statistics use the respondents who answered it, a
// dimension's those who answered all its items, and every statistic
// reports its n.
//
// # Many responses
//
// An [Accumulator] keeps, in one pass and constant memory, the counts,
// means and co-moments (Welford 1962; Chan, Golub & LeVeque 1979) of
// every item, of the items within each dimension, and of the dimension
// scores with each other and with each outcome; accumulators merge
// exactly, so [Accumulate] scores a large slice on all cores. Whole-number
// ratings are summed exactly in integers (on a scale with whole-number
// ends at most 31 points apart and within ±2⁴⁸, with no reverse-keyed
// items and at most eight dimensions of at most eight contiguous items;
// other instruments take Welford's update), several co-moments per
// machine multiplication, and folded into the co-moments when the statistics are
// read, so a report read after a pass of whole-number ratings holds the
// exact statistics, correctly rounded (see [Accumulator]). The
// [Report] gives, per item, dimension and overall, n, mean, SD, SE, a 95%
// Student-t confidence interval (an ep.Interval, the module's one
// interval type) and, for gaps, a one-sample t test against zero ("is
// this gap real?"), and ranks items and dimensions by their shortfall as
// improvement priorities.
//
// # Contract
//
// Every exported function and method keeps these promises, and the tests
// and fuzz targets check them:
//
//   - No panic and no hang on any input: nil and zero-value receivers and
//     arguments (a nil *Instrument, the zero Accumulator, a nil Merge
//     source), NaN, ±Inf, ±1e308 and −0, empty and mismatched slices,
//     out-of-range indexes. Lookups such as [Instrument.Item] return the
//     zero value for an index out of range, and the lookups by key on a
//     [Report] ([Report.Dimension], [Report.ReliabilityOf], …) return nil
//     for a key it does not have. Work is bounded by the size
//     of the input; sizes that would make it quadratic or exponential are
//     capped by documented limits ([MaxItems], [MaxDimensions],
//     [MaxOutcomes], [MaxDrivers], [MaxResponses], [MaxScale]) that return
//     an error.
//   - Invalid input returns an error that starts with "servqual: " once,
//     names the argument, respondent, item, dimension or field, and wraps
//     one of the sentinels [ErrOutOfScale], [ErrLength], [ErrZone],
//     [ErrImportance], [ErrInstrument], [ErrEmpty], [ErrArgument],
//     [ErrUndefined], [ErrLimit], [ErrCollinear] or [ErrFormat] (test with
//     [errors.Is]); errors about survey data are *[InputError] values
//     (use [errors.As]). Invalid input changes nothing: a rejected
//     response leaves the accumulator as it was. Empty input where one
//     response is needed is [ErrEmpty].
//   - Promised numbers are finite. A statistic the data leave undefined
//     is NaN with its reason: a Reason field in [Reliability],
//     [ItemReliability], [Drivers] (in a Report) and [Difference], and in
//     a [Stat] its N and SD, as its documentation states. Analyses whose
//     result would be undefined, such as key drivers with R² = 0, return
//     an error wrapping [ErrUndefined] instead of NaN. In a [Score], as in
//     a [Response], NaN means an answer that was not asked or not given.
//   - JSON: every exported type holding numbers encodes NaN and ±Inf as
//     null and decodes null as NaN, so results round-trip, and a Response
//     may say "missing" (NaN) in JSON.
//   - Binary: an [Accumulator]'s state travels as bytes
//     ([Accumulator.MarshalBinary], [DecodeAccumulator]): versioned,
//     checksummed and tied to its instrument's [Instrument.Identity]; a
//     decoded accumulator reports bit for bit what the original did, and
//     bad bytes are an error wrapping [ErrFormat] or [ErrInstrument].
//   - Rankings are deterministic: ties within [TieTolerance] (relative)
//     keep questionnaire order, so rounding noise — the order of
//     additions, a merge of shards — never reorders equal values.
//   - There are no rates in this package; ratings are on the instrument's
//     scale and importance points are out of 100.
//   - Concurrency: an [Instrument] is immutable and safe to share between
//     goroutines; reports and results are plain values that share no
//     memory with the accumulator or instrument that made them. An
//     [Accumulator] is not safe for concurrent use by writers: Add and
//     Merge must not run concurrently with anything else on the same
//     accumulator, while its read-only methods (N, Instrument, Report,
//     Reliability, KeyDrivers, IPA, MarshalBinary) may run concurrently
//     with each other (the first read after an Add folds the exact sums
//     in, under a lock); the argument of Merge is only read. [Accumulate] shards the work
//     itself and only reads the responses.
package servqual
