// Package servqual is a survey-instrument engine for service quality and
// the SERVQUAL instrument of Parasuraman, Zeithaml & Berry.
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
//	gap = P − E                          (SERVQUAL; PZB 1988)
//	SERVPERF = P                          (Cronin & Taylor 1992)
//	MSA = P − adequate, MSS = P − desired (zone of tolerance; PZB 1994)
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
// exactly, so [Accumulate] scores a large slice on all cores. The
// [Report] gives, per item, dimension and overall, n, mean, SD, SE, a 95%
// Student-t confidence interval and, for gaps, a one-sample t test
// against zero ("is this gap real?"), and ranks items and dimensions by
// their shortfall as improvement priorities.
package servqual
