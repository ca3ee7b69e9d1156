// Package ep models the expectation-performance (EP) comparison: how a
// customer's expectation and the performance they receive yield a level of
// satisfaction, where expectations come from and how they move, and the
// survey metrics built on satisfaction levels.
//
// # The comparison
//
// Before buying, a customer forms an expectation E; afterwards they compare
// the perceived performance P with it (the "EP model" of the source
// documents; Kotler: satisfaction is a function of the difference between
// perceived performance and expectation). Expectation-disconfirmation
// theory (Oliver 1980) measures the difference subtractively, d = P − E, or
// as a ratio, d = P/E − 1, and treats small differences inside a tolerance
// (indifference) band as confirmation. A [Model] holds the form, the band
// and the delight and severe margins, and maps d to a [Level]:
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
// Expectations come from three sources (seed 000): past experience, word of
// mouth and the company's promises; [Blend] weighs them. After each
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
package ep
