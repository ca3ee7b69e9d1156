// Package btyd holds the probabilistic customer-base models, the field's
// "buy till you die" models: how long customers stay and how much they buy.
//
// For contractual settings the shifted-beta-geometric model ([FitSBG];
// Fader & Hardie 2007) fits a cohort's survivor counts and projects its
// retention, which rises with tenure as the customers most prone to leave
// go first. For non-contractual buying, BG/NBD ([FitBGNBD]; Fader, Hardie
// & Lee 2005) predicts each customer's future purchases and probability
// of being alive from (frequency, recency, age), and Gamma-Gamma
// ([FitGammaGamma]) their spend per order; [CustomerValue] combines them
// into a discounted value in decimal money. [Summarize] turns a
// transaction log into the models' input in an explicit time unit. Fits
// are maximum likelihood in log space with analytic gradients and report
// their log-likelihood, convergence and standard errors ([FitInfo]).
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
//     slices, zero values, NaN, ±Inf, ±1e308, −0, negative and huge
//     counts. The work of a likelihood grows with the number of distinct
//     customer histories (or survivor counts), never with the size of a
//     count: a frequency of 2⁴⁵ costs what a frequency of 65 does.
//     Predictions bound the horizons and counts they accept by documented
//     limits ([MaxTime], [MaxFrequency], [MaxProjectPeriods]).
//   - Functions that take data ([FitSBG], [FitBGNBD], [FitGammaGamma],
//     [BGNBD.LogLikelihood], [Summarize], [CustomerValue], [SBG.Project])
//     return, for invalid input, an error whose message starts "btyd: "
//     once, names the argument, option, customer index (and its id) or
//     transaction index, and wraps one of [ErrInvalid], [ErrEmpty] (an
//     empty input where one element is needed), [ErrLength],
//     [ErrNotConverged] or [ErrNotIdentified], for [errors.Is]. They never
//     modify their arguments.
//   - The models' prediction methods are pure functions of numbers, like
//     the math package: inside their documented domain they return
//     finite, non-negative values; outside it, NaN — never a wrong
//     finite number. Every number a data function promises is finite;
//     the one statistic a fit may leave undefined, a standard error, is
//     NaN only on a fit that returned an error, whose FitInfo.Reason says
//     why.
//   - Every result type (the models, the fits, [FitInfo], [Summary],
//     [Holdout], [Transaction]) encodes NaN and ±Inf as JSON null and
//     decodes null back to NaN, so a round trip returns an equal value.
//     Decimal money encodes as a quoted string.
//   - Rates are fractions per period everywhere: a discount rate of 10%
//     is 0.1, a margin of 30% is 0.3; a rate outside its plausible range
//     is an error (data functions) or NaN (predictions).
//   - Concurrency: the package has no mutable state. Models, fits,
//     summaries and options are plain values; every function and method
//     only reads its arguments, so any of them may be called concurrently
//     on shared values, as long as no goroutine writes to a value (or a
//     slice it holds, such as FitInfo.StdErr) meanwhile.
package btyd
