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
package btyd
