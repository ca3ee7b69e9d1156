// Package loyalty models what customer satisfaction turns into over time:
// trust and loyalty, defection, complaints and word of mouth, the money
// value of customers and of keeping them. The probabilistic models
// that project retention and purchases are in the sub-package btyd.
//
// # Behaviour
//
// Satisfaction is a one-off judgement; trust is built by repeated
// satisfaction (seed 000). A [TrustPolicy] moves a customer through trust
// stages (none → cognitive → affective → behavioural, or Oliver's 1999
// cognitive → affective → conative → action) one satisfaction level
// ([ep.Level]) at a time. Below behavioural a failure undoes trust;
// behavioural trust falls only after a run of failures or one very
// dissatisfied experience. [TrustCrossTab] reads stages against repeat
// buying as Dick & Basu's (1994) matrix: true, latent, spurious or no
// loyalty. [Ladder] places a customer on the relationship ladder (seed
// 002: prospect, new, repeat, long-term, premium, advocate) from facts the
// caller supplies. [Defection] gives the loss rate at each satisfaction
// level (seed 001: 80/40/20/10/1.5%), the customers expected to be lost
// from an [ep.Tally], the blended retention, and what moving satisfied
// customers to delighted is worth (Xerox, 10×). [NPSTally] gives the Net
// Promoter Score with its variance (p₊+p₋) − (p₊−p₋)², standard error and
// 95% interval. [Recovery] follows dissatisfied customers through
// complaint and service recovery (seed 001). [Escalate] finds the handling
// level a complaint ticket should be at (seed 003). [WordOfMouth] counts
// the people told good and bad things (seed 004).
//
// # Money
//
// [CLV] values a customer with margin m, retention r and discount rate d
// under an explicit [Timing] convention — m(1+d)/(1+d−r) when margins
// arrive at the start of each period, m·r/(1+d−r) at the end of each
// period survived (Gupta & Lehmann's margin multiple), m/(1+d−r) with the
// first period certain — with growth, finite horizons, retention curves
// ([CLVCurve]) and acquisition cost. [MarkovChain] values customers who
// move between states (Pfeifer & Carraway 2000). [RetentionLever] shows
// how lower defection raises a customer's value when profit grows with
// tenure (Reichheld & Sasser 1990), [BaseEconomics] compares acquisition
// with retention (seed 001: a new customer costs 5× keeping one, 10% lost
// a year), and [AfterSales] weighs an after-sales programme's costs and
// benefits with marginal and sensitivity analysis (seed 004). Money is
// [decimal.Decimal], rounded half away from zero to cents.
//
// # Retention models
//
// The probabilistic customer-base models (shifted-beta-geometric, BG/NBD,
// Gamma-Gamma) and Summarize, which turns a transaction log into
// their input, are in the sub-package
// [github.com/cxlab/satisfaction/loyalty/btyd].
package loyalty
