// Package pls estimates partial least squares path models (PLS-PM; Wold
// 1982; Lohmöller 1989; Tenenhaus, Esposito Vinzi, Chatelin & Lauro 2005)
// on the blocks of a survey instrument, with the customer satisfaction
// index models as presets: the American Customer Satisfaction Index
// (Fornell, Johnson, Anderson, Cha & Bryant 1996) and the European one
// (ECSI; Eklöf & Westlund 2002).
//
// # The model
//
// A path model has constructs (latent variables such as perceived quality
// or satisfaction), each measured by a block of indicators (survey items),
// and directed paths between constructs. Build one with [NewModel], from a
// servqual instrument with [FromInstrument] (a construct per dimension), or
// with [ACSI] and [ECSI]. Each construct's score is a weighted sum of its
// standardised indicators, Yⱼ = Σ wₖ·zₖ, with unit variance; Mode A
// (reflective) weights are covariances of the indicators with the inner
// proxy, Mode B (formative) weights regression coefficients. The weights
// come from Lohmöller's iterative algorithm ([Model.FitMoments] states it
// step by step) with a centroid, factorial or path inner weighting scheme;
// the paths are then the OLS coefficients of each endogenous score on its
// predecessors: β = C_pp⁻¹·C_pj, R² = βᵀ·C_pj for the construct
// correlation matrix C.
//
// # Conventions
//
// Where the usual implementations (SmartPLS, seminr, cSEM, plspm) differ,
// the package follows the most common choice and says so:
//
//   - indicators are standardised with the sample SD (divisor n − 1), and
//     the scores have unit variance with the same divisor;
//   - outer weights start at 1 (scaled to a unit-variance score);
//   - the iteration stops when the largest absolute change of an outer
//     weight is below the tolerance (default 1e-7) and keeps the new
//     weights; it runs at most 300 iterations by default
//     ([ErrNotConverged] beyond);
//   - sign fixing: after convergence a block whose loadings sum to a
//     negative number has its weights negated (Tenenhaus et al. 2005), so
//     a score correlates positively with most of its indicators;
//   - Cronbach's alpha, ρC, ρA, AVE and HTMT are computed on the
//     indicators' correlation matrix (standardised indicators);
//   - PLSc corrects reflective constructs by ρA; formative constructs and
//     single indicators have reliability 1.
//
// The whole estimation needs only the indicators' covariance matrix, so a
// model can be fitted from raw data ([Model.Fit]), from a covariance matrix
// ([Model.FitCov]), from [Moments], or from an [Accumulator] that collects
// co-moments one respondent at a time and merges shards exactly (Welford
// 1962; Chan, Golub & LeVeque 1979). Missing answers are NaN and handled by
// the [Missing] rule: Listwise (complete respondents only, the default) or
// Pairwise (each correlation from the respondents who answered both
// indicators).
//
// # Measurement validity
//
// Each [ConstructResult] carries Cronbach's (1951) alpha with Feldt's
// interval (Feldt, Woodruff & Salih 1987; see [servqual.Feldt]), composite
// reliability ρC (Jöreskog 1971), ρA (Dijkstra & Henseler 2015), AVE and
// the Fornell–Larcker (1981) criterion; [PairResult] holds the HTMT ratio
// (Henseler, Ringle & Sarstedt 2015). Options.Consistent adds consistent
// PLS ([Consistent]; Dijkstra & Henseler 2015). [Model.Bootstrap] gives
// percentile and BCa intervals (Efron 1987) of weights, loadings, paths,
// total effects, R², PLSc paths and indexes, on all cores, deterministic
// for a seed. [StreamBootstrap] is the online form: every respondent
// enters B replicate accumulators with Poisson(1) weights as it arrives,
// shards merge exactly, and [Model.BootstrapStream] reads the percentile
// intervals from it without the data.
//
// # Indexes and IPMA
//
// [Result.Index] is the ACSI 0–100 index of a construct (Fornell et al.
// 1996): (E[ξ] − min ξ)/(max ξ − min ξ)·100 for ξ = Σ (wₖ/sₖ)·xₖ, the
// unstandardised weights applied to the raw ratings. [Result.IPMA] is the
// importance–performance map (Ringle & Sarstedt 2016): performance is the
// index, importance the unstandardised total effect on the target.
//
// # Contract
//
//   - No function panics or hangs on any input: nil and zero receivers,
//     NaN, ±Inf, huge values, empty or mismatched slices. Work is bounded
//     by [MaxIndicators], [MaxConstructs], [MaxIterations], [MaxResamples],
//     [MaxBootstrapValues], [MaxJackknife], [MaxJackknifePairwise] and
//     [MaxWorkers]; beyond a limit the error wraps [ErrLimit].
//   - Invalid input returns an error that starts with "pls: ", names the
//     construct, indicator, path, respondent or option concerned, and wraps
//     one of [ErrModel] (with [ErrCycle], [ErrEmptyBlock], [ErrNoPath],
//     [ErrUnknown] for the specific model errors), [ErrEmpty], [ErrLength],
//     [ErrValue], [ErrSingular], [ErrNotConverged], [ErrLimit] or
//     [ErrFormat]. A
//     rejected input changes nothing (an [Accumulator] is unchanged by a
//     bad row or a failed Merge).
//   - Every number a result promises is finite. Statistics the data leave
//     undefined are NaN with a Reason: the R² of an exogenous construct,
//     alpha of a single indicator, HTMT of a single-indicator block, BCa
//     bounds when not asked for or undefined; an indicator's Mean is NaN
//     when fitted from a covariance matrix without means; construct scores
//     are NaN for respondents who missed an indicator of the block.
//   - Every result type encodes to JSON with NaN and ±Inf as null and
//     decodes null back to NaN, so a round trip gives an equal value.
//   - Binary: an [Accumulator] travels as bytes (MarshalBinary,
//     UnmarshalBinary: versioned and checksummed); bad bytes are an error
//     wrapping [ErrFormat] (or [ErrLength] for another number of
//     indicators) and change nothing.
//   - Levels and rates are fractions (0.95, not 95).
//   - [Model], [Result], [Bootstrap] and [IPMA] values are immutable once
//     returned and safe for concurrent use. An [Accumulator] or a
//     [StreamBootstrap] is not safe for concurrent use; their read methods
//     (N, Complete, Moments, and Model.FitAccumulator or
//     Model.BootstrapStream reading them) do not mutate them and may run
//     concurrently with each other, and the source of a Merge is only
//     read. [Model.Bootstrap] runs on Workers
//     goroutines and its result depends only on its inputs and seed.
package pls
