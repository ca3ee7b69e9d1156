// Package btyd holds the probabilistic customer-base models, the field's
// "buy till you die" models: how long customers stay and how much they buy.
//
// For non-contractual buying — customers who may stop at any time
// without telling you — BG/NBD (Fader, Hardie & Lee 2005, "Counting your
// customers the easy way", Marketing Science 24(2)) predicts each
// customer's future purchases and probability of being alive from
// (frequency, recency, age), and Gamma-Gamma (Fader, Hardie & Lee 2005,
// "RFM and CLV: using iso-value curves for customer base analysis",
// Journal of Marketing Research 42(4); Colombo & Jiang 1999) their spend
// per order. Beside it are the Pareto/NBD (Schmittlein, Morrison &
// Colombo 1987), the benchmark model of the field, and the MBG/NBD
// (Batislam, Denizel & Filiztekin 2007), in which a customer may drop out
// right after the first purchase; for discrete-time data (donations,
// annual events) the BG/BB (Fader, Hardie & Shang 2010). For contractual
// settings the shifted-beta-geometric model (sBG; Fader & Hardie 2007,
// "How to project customer retention", Journal of Interactive Marketing
// 21(1)) fits a cohort's survivor counts and projects its retention,
// which rises with tenure as the customers most prone to leave go first;
// the beta-discrete-Weibull model (Fader, Hardie, Liu, Davin & Steenburgh
// 2018) lets each customer's churn rise or fall with tenure too. Fits are
// maximum likelihood in log space with analytic gradients and report
// their log-likelihood, convergence and standard errors ([FitInfo]).
//
// # Start here
//
// From a transaction log to each customer's value, in the order you need
// the pieces:
//
//  1. [Summarize] turns transactions (customer, time, decimal amount) into
//     one [Summary] per customer — repeat purchases x, recency t_x, age T
//     and mean repeat spend — in a time unit you choose (weeks are usual),
//     up to a calibration end; with [SummaryOptions].HoldoutEnd it also
//     counts each customer's later purchases ([Holdout]) to test the
//     models on. The calibration period holds the purchases at or before
//     the calibration end and the holdout those after it, split time by
//     time on the transactions' clocks, before any merging (the
//     convention of lifetimes' calibration_and_holdout_data; a holdout
//     end before the calibration end on its clock is an error); days are
//     calendar days on those clocks, and a 7-day granularity gives weeks
//     from Monday to Sunday.
//  2. [FitBGNBD] fits the purchase and drop-out model to the summaries
//     and [FitGammaGamma] the spend model; both return the model with its
//     [FitInfo] ([BGNBDFit], [GammaGammaFit]). [FitParetoNBD] fits the
//     Pareto/NBD instead, with the same prediction methods on [ParetoNBD].
//     [FitMBGNBD] fits the MBG/NBD, the BG/NBD in which a customer may
//     also drop out right after the first purchase, so one-time buyers
//     need not be alive. [ParetoNBD] and [MBGNBD] have the BG/NBD's
//     prediction methods, ProbAliveAfter and DiscountedResidualPurchases
//     included.
//     [FitBGBB] fits the BG/BB to discrete-time histories ([BGBBHistory];
//     [CompressBGBB] builds them from 0/1 histories).
//  3. Predictions, on the fit: [BGNBD.ProbAlive] (the probability that a
//     customer still buys), [BGNBD.ProbAliveAfter] (that they are still
//     buying t time units from now), [BGNBD.DiscountedResidualPurchases]
//     (DERT: the present value of the customer's future purchases at a
//     discount rate per time unit; times a margin per purchase, their
//     residual value), [BGNBD.ConditionalPurchases] (expected
//     purchases in the next t time units; compare with a [Holdout]),
//     [BGNBD.ExpectedPurchases] and [BGNBD.ProbPurchases] for a new
//     customer, [GammaGamma.ConditionalSpend] (expected dollars per order)
//     and [GammaGamma.ExpectedSpend].
//  4. [CustomerValue] combines a purchase model and a spend model — pass
//     the two fits as they are — into a discounted profit over a horizon
//     given by a [ValueInput], in decimal money.
//  5. [CalibrationHoldoutTable], [HoldoutErrors], [PeriodCountHistogram]
//     and [Tracking] check a purchase model on the holdout, on the
//     calibration counts and on the cohort's repeat transactions period by
//     period (with staggered first purchases); [CompareFits] ranks fits by
//     AIC and BIC and [LikelihoodRatioTest] tests a nested pair.
//     [SimulateBGNBD], [SimulateParetoNBD], [SimulateMBGNBD],
//     [SimulateGammaGamma], [SimulateBGBB] and [SimulateSBG] draw
//     customers, spend, discrete-time histories and cohorts from given
//     parameters, for recovery checks and what-if work.
//
// For subscriptions, [FitSBG] fits survivor counts (customers still active
// at the start of each period); its [SBG] gives [SBG.Survival],
// [SBG.Retention], [SBG.Project] and the discounted expected lifetimes
// [SBG.DiscountedLifetime] and [SBG.ResidualLifetime]. For several
// cohorts, [FitSBGCohorts] fits them jointly and separately and tests
// whether they share one α, β ([SBGCohortsFit]); [FitSBGTenures] fits
// individual contract data, one [Tenure] per customer, churned or still
// active; [FitBdW] fits the beta-discrete-Weibull model, whose [BdW] lets
// each customer's churn probability rise or fall with tenure, and tests
// it against the sBG.
//
// # Fits and convergence
//
// A fit either succeeds — nil error, FitInfo.Converged true, finite
// positive standard errors, an estimate inside the range the model's
// predictions accept — or returns an error that says why, with
// FitInfo.Reason and, where the data cannot determine a parameter,
// FitInfo.Unidentified naming it. There is no third state: a fit never
// reports convergence with NaN standard errors. The criteria (see
// [FitInfo]) are the optimiser's own stopping rule, a positive definite
// Hessian of the log-likelihood in the log-parameters, a 95%
// likelihood-ratio region that does not reach a boundary of the
// parameter space (a parameter that can be multiplied or divided by 10⁶
// with the log-likelihood within 1.92 of its maximum is not identified),
// and a Newton step below a relative 10⁻⁴. Data that carry no information
// about a parameter are recognised before fitting: no churn or a single
// observed renewal rate for the sBG, no repeat buyer for BG/NBD and
// Gamma-Gamma. Such fits return an error wrapping [ErrNotIdentified]; the
// remedy is an optional L2 penalty on the log-parameters
// ([FitOptions].Penalty, the counterpart of lifetimes' penalizer_coef).
//
// # Contract
//
//   - No input makes a function or method panic or hang: nil and empty
//     slices, zero values, nil models, NaN, ±Inf, ±1e308, −0, negative and
//     huge counts, amounts such as 1e999999999. The work of a likelihood
//     grows with the number of distinct customer histories (or survivor
//     counts), never with the size of a count: a frequency of 2⁴⁵ costs
//     what a frequency of 65 does. Horizons and counts are bounded by the
//     documented limits below. [Summarize] is linear in the transactions
//     (10 million of a million customers took 3.8 s on one core of a
//     2-core Xeon and allocated 900 MB) and accepts at most 2³¹ − 1 of
//     them; a fit is linear in its distinct histories, and fits of more
//     than 50,000 distinct histories start from samples of them
//     ([FitInfo]): a million distinct customers took 1.5 s (BG/NBD) and
//     5.2 s (Pareto/NBD, with α and β of similar size, as in fitted data
//     so far; where β ≫ α each history costs some 4 µs instead of
//     0.1 µs) on the same core.
//   - Functions that take data or return money ([Summarize], [FitSBG],
//     [FitBGNBD], [FitGammaGamma], [BGNBD.LogLikelihood], [FitParetoNBD],
//     [ParetoNBD.LogLikelihood], [FitMBGNBD], [MBGNBD.LogLikelihood],
//     [FitBGBB], [CompressBGBB], every [BGBB] method (parameters in
//     [[MinParam], [MaxParam]], at most [BGBBMaxPeriods] opportunities),
//     [FitSBGCohorts], [FitSBGTenures], [FitBdW], [BdW.Project],
//     [SimulateBGNBD], [SimulateParetoNBD], [SimulateMBGNBD],
//     [SimulateGammaGamma], [SimulateBGBB], [SimulateSBG],
//     [CalibrationHoldoutTable], [HoldoutErrors], [PeriodCountHistogram],
//     [Tracking], [CompareFits], [LikelihoodRatioTest], [SBG.Project],
//     [GammaGamma.ExpectedSpend], [GammaGamma.ConditionalSpend],
//     [ValueInput.Validate], [CustomerValue]) return, for invalid input, an
//     error whose message starts "btyd: " once, names the argument, field,
//     option, customer index (and its id) or transaction index, and wraps
//     one of [ErrInvalid], [ErrEmpty] (an empty input where one element is
//     needed), [ErrLength], [ErrNotConverged] or [ErrNotIdentified], for
//     [errors.Is]. They never modify their arguments.
//   - The models' other prediction methods are pure functions of numbers,
//     like the math package: inside their domain they return finite,
//     non-negative values; outside it, NaN — never a wrong finite number
//     and never an error. Each method lists its domain under "Special
//     cases"; in short:
//     BG/NBD ([BGNBD.ExpectedPurchases], [BGNBD.ConditionalPurchases],
//     [BGNBD.ProbAlive], [BGNBD.ProbAliveAfter], [BGNBD.ProbPurchases],
//     [BGNBD.DiscountedResidualPurchases]): r, α, a, b in
//     [[MinParam], [MaxParam]]; horizons t and ages T in [0, [MaxTime]];
//     counts x and n in [0, [MaxFrequency]]; a valid history
//     (0 ≤ t_x ≤ T, t_x > 0 exactly when x > 0). The [ParetoNBD] methods
//     have the same domain, with s, β for a, b, and so have the [MBGNBD]
//     methods. DiscountedResidualPurchases of all three models also needs
//     a discount rate d in [[MinDiscount], [MaxDiscount]] per time unit (a
//     fraction, continuously compounded at ln(1+d)).
//     sBG: [SBG.Survival] and [SBG.Retention] need α, β finite and > 0
//     and t ≥ 0 (t ≥ 1 for Retention); [SBG.DiscountedLifetime] and
//     [SBG.ResidualLifetime] need α, β in [[SBGMinShape], [SBGMaxShape]]
//     and a discount rate in [[MinDiscount], [MaxDiscount]] (n ≥ 1).
//     BdW: [BdW.Survival] and [BdW.Retention] need α, β, c finite and > 0
//     and t ≥ 0 (t ≥ 1 for Retention).
//     The data functions bound their work instead by errors: [SBG.Project]
//     and [BdW.Project] at [MaxProjectPeriods] periods, [CustomerValue] at
//     [MaxValuePeriods] periods and a horizon of [MaxTime], [FitBGBB] at
//     [BGBBMaxPeriods] opportunities, the simulators at
//     [MaxSimulatedPurchases] purchases ([SimulateBGBB]: opportunities in
//     all; [SimulateSBG]: customers per cohort, and [MaxProjectPeriods]
//     periods), the diagnostics at [MaxDiagnosticFrequency], [Tracking] at
//     [MaxTrackingPeriods] periods and [MaxTrackingEvaluations] model
//     evaluations, and [CompareFits] at [MaxCompareModels] models.
//   - Every number a data function promises is finite. A fit may leave one
//     statistic undefined, a standard error, and only on a fit that
//     returned an error, whose FitInfo.Reason says why. A likelihood-ratio
//     test inside a result ([SBGCohortsFit].Test, [BdWFit].Test) is NaN,
//     with [LRTest].Reason saying why and a nil error, when a nested fit
//     failed, the fits are penalised or the test has no degree of freedom.
//   - Money is [decimal.Decimal]: transaction amounts, [Summary].MeanSpend
//     (rounded half away from zero to 4 decimal places by [Summarize]),
//     holdout spend, the spend predictions and [CustomerValue] (rounded
//     half away from zero to cents). The models compute in float64 (about
//     15 significant digits): each decimal is converted to the nearest
//     float64 once, and a result goes through decimal.NewFromFloat before
//     it is rounded. The package never changes decimal's package-level
//     settings.
//   - Every exported type (the models, the fits, [FitInfo], [Summary],
//     [Holdout], [Transaction], [ValueInput], [Tenure], the diagnostics
//     tables, [LRTest], [ModelComparison]) encodes NaN and ±Inf as JSON
//     null and decodes null back to NaN, so a round trip returns an equal
//     value. Decimal money encodes as a quoted string.
//   - Rates are fractions per period everywhere: a discount rate of 10%
//     is 0.1, a margin of 30% is 0.3; a rate outside its plausible range
//     is an error (data functions) or NaN (predictions).
//   - Concurrency: the package has no mutable state. Models, fits,
//     summaries and inputs are plain values; every function and method
//     only reads its arguments, so any of them may be called concurrently
//     on shared values, as long as no goroutine writes to a value (or a
//     slice it holds, such as FitInfo.StdErr) meanwhile. [CustomerValue]
//     calls the models it is given; a caller's own PurchaseModel or
//     SpendModel must be safe to call the same way.
package btyd
