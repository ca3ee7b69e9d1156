// Package loyalty models what customer satisfaction turns into over time:
// defection, recommendation, the money value of customers and of keeping
// them, trust and loyalty, complaints and word of mouth. It reads the
// satisfaction levels of package ep ([ep.Level], [ep.Tally]). The
// probabilistic models that project retention and purchases from a
// transaction log are in the sub-package btyd.
//
// # Start here
//
// The main entry points, in the order a user usually needs them:
//
//  1. Defection. Count a satisfaction survey in an [ep.Tally] and pass it
//     to [Defection.Lost]: the customers expected to be lost at each
//     level and the blended retention. [KotlerDefection] holds the loss
//     rates by level that Kotler & Keller, Marketing Management, quote
//     (very dissatisfied 80%, dissatisfied 40%, neutral 20%, satisfied
//     10%, highly satisfied 1–2%, taken as 1.5%); copy it and change the
//     rates to describe a business. [Defection.Upgrade] values moving
//     satisfied customers to delighted (a delighted customer is worth
//     [KotlerValueMultiple] = 10 satisfied ones: Xerox, as Kotler &
//     Keller report).
//  2. Recommendation. [NPSTally] counts 0–10 answers and reports the Net
//     Promoter Score (Reichheld 2003) in points with its standard error
//     and 95% interval; [NPSDifference] compares two surveys.
//  3. Customer value. [CLV] values a customer with margin m, retention r
//     and discount rate d under an explicit [Timing] convention —
//     m(1+d)/(1+d−r) when margins arrive at the start of each period,
//     m·r/(1+d−r) at the end of each period survived (Gupta & Lehmann's
//     margin multiple), m/(1+d−r) with the first period certain — with
//     growth, finite horizons and acquisition cost; [CLVCurve] takes a
//     retention curve, and [MarkovChain] values customers who move
//     between states (Pfeifer & Carraway 2000).
//  4. Trust, ladder and loyalty. Satisfaction is a one-off judgement;
//     trust is built by repeated satisfaction. A [TrustPolicy] moves a
//     customer through trust stages one satisfaction level at a time:
//     none → cognitive → affective → behavioural, the three stages of
//     trust commonly described in the CRM literature ([DefaultTrust],
//     illustrative counts), or Oliver's (1999) cognitive → affective →
//     conative → action ([OliverTrust]). Below behavioural a failure
//     undoes trust; behavioural trust falls only after a run of failures
//     or one very dissatisfied experience. [TrustCrossTab] reads stages
//     against repeat buying as Dick & Basu's (1994) matrix: true, latent,
//     spurious or no loyalty. [Ladder] places a customer on the
//     relationship ladder (a variant of the loyalty ladder of
//     Christopher, Payne & Ballantyne 1991: prospect, new, repeat,
//     long-term, premium, advocate) from facts the caller supplies.
//  5. Complaints and word of mouth. [Recovery] follows dissatisfied
//     customers through complaint and service recovery ([KotlerRecovery]:
//     the TARP complaint studies as Kotler & Keller quote them — 95% of
//     dissatisfied customers never complain; 54–70% of complainers buy
//     again if the complaint is resolved, 95% if it is resolved quickly).
//     [Escalate] finds the handling level a complaint ticket should be at
//     (escalation by response-time limit, common help-desk practice;
//     [DefaultTiers]). [WordOfMouth] counts the people told good and bad
//     things ([DefaultWordOfMouth]: commonly quoted figures without a
//     primary source; illustrative).
//  6. Retention economics. [RetentionLever] shows how lower defection
//     raises a customer's value when profit grows with tenure (Reichheld
//     & Sasser 1990, "Zero defections", Harvard Business Review 68(5):
//     5% less defection raised profit by 25–85% in the industries they
//     studied). [BaseEconomics] compares acquisition with retention
//     ([KotlerBaseEconomics]: Kotler & Keller — winning a new customer
//     costs 5× keeping one, and an average company loses 10% of its
//     customers a year). [AfterSales] weighs an after-sales programme's
//     costs and benefits with cost-benefit, marginal ([OptimalSpend],
//     [OptimalSpendFunc]) and sensitivity ([AfterSales.Tornado]) analysis
//     (textbook managerial economics).
//
// From transactions instead of surveys: summarise a transaction log and
// fit BG/NBD and Gamma-Gamma models with the sub-package
// [github.com/cxlab/satisfaction/loyalty/btyd].
//
// Built-in defaults are named for their source: a name that starts with
// Kotler holds figures Kotler & Keller, Marketing Management, quote;
// Oliver, Oliver (1999); a name that starts with Default holds
// illustrative values. Money is [decimal.Decimal], rounded half away from
// zero to cents; rates are float64 fractions.
//
// Every enumeration ([Stage], [Rung], [Condition], [Timing]) writes a
// stable token with MarshalText ("long_term"), prints an English label
// with String ("long-term customer") and a Chinese one with Chinese
// ("长期客户"); UnmarshalText accepts all three.
//
// # Contract
//
// Every exported function and method keeps these promises, and the tests
// and fuzz targets of the package check them:
//
//   - No panic and no hang on any input: nil and zero-value receivers and
//     arguments (a zero [MarkovChain], a nil [*NPSTally]), NaN, ±Inf,
//     ±1e308 and −0, negative and huge counts, empty and mismatched
//     slices. Work bounded by a caller's number takes the same time for
//     any value by a closed form ([CLV]'s horizon, [MarkovChain.Value]'s
//     horizon by binary powering) or is capped by a documented limit
//     that returns an error ([OptimalSpendFunc]'s grid, [MaxSpendSteps]).
//     Work linear in the length of a caller's slice is not capped. Money
//     amounts whose decimal exponent lies beyond ±[MaxAmountExponent]
//     (1e999999999) are errors, since decimal arithmetic on them takes
//     time in proportion to the exponent.
//   - Invalid input returns an error that starts "loyalty: " once, names
//     the argument, field or index and the offending value, wraps one of
//     the sentinels [ErrInvalid], [ErrEmpty], [ErrLength], [ErrFormat]
//     (or [ErrNotConverged]) for [errors.Is], and changes nothing: an
//     accumulator that rejects an answer or a merge is left as it was, a
//     failed UnmarshalText or UnmarshalJSON leaves its receiver as it was.
//     Empty input where at least one element is needed is [ErrEmpty].
//   - Rates are fractions: 0.1 means 10%. Retention, defection, loss,
//     complaint and repurchase rates lie in [0, 1]; discount rates per
//     period lie in [0, 1] (a discount of 10, a percentage typed by
//     mistake, is an error, not a number); growth rates in (−1, 1];
//     [AfterSales.Tornado]'s change in (0, 1].
//   - Promised numbers are finite. A result that would overflow float64
//     is an error. Where a report has a statistic the data leave
//     undefined (the score of an empty [NPSTally], the retention of an
//     empty tally, the shares of an empty [TrustCrossTab]) it is NaN and
//     the report's Reason says why. The small conversion functions
//     [ContinuousRate] and [PeriodRate] follow package math instead and
//     list their special cases.
//   - JSON: every result type, and every input type holding floats or
//     money, encodes NaN and ±Inf as null and decodes null back to NaN, so a
//     value survives a round trip unchanged. Money ([decimal.Decimal])
//     encodes as a quoted string. Enumerations encode as their tokens.
//   - Binary: [NPSTally] and [TrustCrossTab] travel as bytes
//     (MarshalBinary, UnmarshalBinary: versioned and checksummed); bad
//     bytes are an error wrapping [ErrFormat] and change nothing.
//   - Rankings are deterministic: [AfterSales.Tornado] sorts by exact
//     decimal swings with ties in the order of the lines,
//     [OptimalSpend] gives ties to the smaller spend, and
//     [OptimalSpendFunc] treats nets within 1e-12 (relative) as ties and
//     gives them to the smaller spend.
//   - Concurrency: policies, rules and parameters ([TrustPolicy],
//     [Ladder], [Defection], [Recovery], [WordOfMouth], [BaseEconomics],
//     [AfterSales], [CLVInput]) and reports are plain values whose
//     methods only read them, and a [MarkovChain] is immutable: all are
//     safe to share between goroutines (as long as no one changes a
//     shared policy's Steps). The accumulators [NPSTally] and
//     [TrustCrossTab] are not safe for concurrent use while they are
//     being changed (Add, AddN, Merge into them); their read methods
//     (Count, N, Report) do not change them and may run concurrently with
//     each other, and the source of a Merge is only read. [TrustState] is
//     a value: Observe and Replay return new states. Counters are int64
//     and never wrap: an Add or Merge that would overflow is an error.
//
// # Retention models
//
// The probabilistic customer-base models (shifted-beta-geometric, BG/NBD,
// Gamma-Gamma) and Summarize, which turns a transaction log into
// their input, are in the sub-package
// [github.com/cxlab/satisfaction/loyalty/btyd].
package loyalty
