// Package eservqual measures the quality of online services and the
// technology readiness of their customers, as instrument definitions and
// analyses on package servqual's engine.
//
// # Start here
//
// The main entry points, in the order a user usually needs them:
//
//  1. [ESQUAL] is the E-S-QUAL instrument; score its responses with
//     [servqual.Analyze](eservqual.ESQUAL(), responses), or a
//     [servqual.Accumulator] for streams and shards, and read the
//     Perception measure of the report.
//  2. [DriverWeights] says which dimensions drive perceived value and
//     loyalty intentions in your data, falling back to
//     [DefaultDriverWeights] when the data cannot support an estimate.
//  3. [RecoverySample] collects E-RecS-QUAL ([ERecSQUAL]) answers from the
//     customers who had a problem or a question, and counts the others.
//  4. [ScoreTRI] scores a customer's technology readiness on [TRI] 2.0.
//  5. [Segmentation] groups customers into the five readiness segments,
//     with a recommended service approach for each ([Segment.Approach])
//     and published shares to compare with ([ReferenceShares]).
//  6. [BySegment] scores E-S-QUAL separately for each segment.
//
// # E-S-QUAL and E-RecS-QUAL
//
// Parasuraman, Zeithaml & Malhotra (2005) adapted SERVQUAL to online
// shopping: [ESQUAL] rates efficiency, system availability, fulfillment and
// privacy on 22 perception-only items; [ERecSQUAL] rates responsiveness,
// compensation and contact for customers who had a problem or a question,
// collected in a [RecoverySample] that keeps the others out of the sample.
// Efficiency and fulfillment matter most for perceived quality, value and
// loyalty, then system availability, then privacy (Parasuraman, Zeithaml &
// Malhotra 2005): [DefaultDriverWeights] encodes that ordering as
// illustrative weights, and [DriverWeights] replaces them with key-driver
// estimates when the data allow.
//
// # Technology readiness
//
// The Technology Readiness Index 2.0 (Parasuraman & Colby 2015) has four
// dimensions: the motivators optimism and innovativeness and the
// inhibitors discomfort and insecurity ([TRI], [ScoreTRI]):
//
//	TRI = (OPT + INN + (6 − DIS) + (6 − INS)) / 4   on the 1–5 scale.
//
// Customers fall into five segments — explorers, pioneers, skeptics,
// paranoids and laggards — for which a company chooses a high-tech or a
// high-touch approach ([Segment.Approach]). [Segmentation] approximates
// the published cluster and latent-class segmentations with k-means
// started from a documented profile set, and [BySegment] shows the
// E-S-QUAL scores of each segment.
//
// # Labels
//
// The enumerations [Segment] and [ApproachKind] have three text forms:
// MarshalText writes a stable lower-case token (explorer, high_tech),
// String the English label (explorer, high-tech) and Chinese the Chinese
// label (冒险型, 高科技); UnmarshalText reads all three, Latin letters in
// any case, with ' ', '-' and '_' interchangeable. The built-in
// instruments and their dimensions, items and outcome ratings carry a Key,
// an English Name and a Chinese label (E-S-QUAL 电子服务质量量表,
// 高效性, 容易找到所需内容, 感知价值, …), and servqual reports copy
// them.
//
// # Contract
//
// Every exported function and method keeps these promises, and tests and
// fuzz targets hold it to them:
//
//   - No panic and no hang on any input: nil and zero-value receivers and
//     arguments (a nil instrument or accumulator is an error; the zero
//     [RecoverySample] is an empty E-RecS-QUAL sample), NaN, ±Inf,
//     ±1e308, −0, empty and mismatched slices. Work a caller's number
//     would decide is bounded: [Segmentation] accepts at most
//     [MaxKMeansIterations] iterations and [MaxRestarts] restarts, and
//     profile values of magnitude at most [MaxProfileMagnitude].
//   - Invalid input returns an error whose message starts with
//     "eservqual: " exactly once, names the argument, respondent, item or
//     field, and wraps one of the sentinels [ErrInvalid], [ErrEmpty],
//     [ErrLength], [ErrInstrument] or [ErrFormat] (test with errors.Is). Where the
//     cause is an error of package servqual, such as a *servqual.InputError
//     for a rating off the scale, it is wrapped as well: errors.Is also
//     reports servqual's sentinel ([servqual.ErrOutOfScale], …) and
//     errors.As finds the *servqual.InputError, whose Respondent is the
//     index in the caller's slice. A call that returns an error changes
//     nothing.
//   - A number that is promised is finite. An undefined statistic is NaN
//     with a Reason: a TRI index with too few answers ([TRIScore.Reason]),
//     the statistics of servqual reports. [DriverWeights] never returns NaN
//     weights: when the key-driver analysis is undefined (R² = 0, too few
//     respondents, collinear drivers) it returns the fallback, marked not
//     estimated. [Nearest] returns SegmentUnknown, meaning no segment,
//     when a profile is not finite.
//   - JSON: every result type ([TRIScore], [Profile], [Cluster],
//     [SegmentResult], [SegmentReport], [RecoveryReport],
//     [ReferenceShare]) encodes NaN and ±Inf as null and decodes null as
//     NaN, so a value round-trips to an equal value. Enumerations encode
//     as their tokens (see Labels).
//   - Binary: a [RecoverySample] travels as bytes (MarshalBinary,
//     UnmarshalBinary: versioned, checksummed, tied to its instrument);
//     bad bytes are an error wrapping [ErrFormat] or [ErrInstrument] and
//     change nothing.
//   - Shares and weights are fractions (0.2, not 20%).
//   - Ties are broken by documented rules, with distances within a
//     relative 1e-12 of each other counting as equal so that rounding
//     noise cannot decide: [Nearest] and the k-means assignment prefer
//     the earlier segment or cluster, the labelling of clusters the first
//     assignment in lexicographic order, the restarts the earlier start.
//   - Concurrency: the instruments ([ESQUAL], [ERecSQUAL], [TRI] and
//     those of [TRIWithWordings]) and every result are immutable values,
//     safe to share. A [RecoverySample] is not safe for concurrent use;
//     its Report does not mutate and may run concurrently with other
//     Report calls, and the source of a Merge is only read. The *rand.Rand
//     in [SegmentOptions] is mutated by [Segmentation], so options holding
//     one must not be shared by concurrent calls; options without one are
//     only read.
package eservqual
