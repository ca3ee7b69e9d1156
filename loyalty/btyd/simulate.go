package btyd

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// MaxSimulatedPurchases bounds the total number of repeat purchases one call
// of [SimulateBGNBD], [SimulateParetoNBD] or [SimulateMBGNBD] draws (for
// [SimulateBGBB], the opportunities of all histories; for [SimulateSBG],
// the customers of the cohort), so that the work a caller's parameters and
// ages imply stays bounded; a call that would draw more returns an error
// wrapping [ErrInvalid].
const MaxSimulatedPurchases = 10_000_000

// simGamma draws from Gamma(shape k, rate 1) by Marsaglia & Tsang (2000),
// "A simple method for generating gamma variables", ACM Transactions on
// Mathematical Software 26(3), with their boost U^{1/k}·Gamma(k+1) for
// k < 1. The loop accepts with probability above 0.95 for every k ≥ 1.
func simGamma(rng *rand.Rand, k float64) float64 {
	boost := 1.0
	if k < 1 {
		boost = math.Pow(rng.Float64(), 1/k)
		k++
	}
	d := k - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := rng.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		if math.Log(rng.Float64()) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v * boost
		}
	}
}

// simBeta draws from Beta(a, b) as G_a/(G_a+G_b) with independent gamma
// variables; 0/0 (both underflow) is taken as a/(a+b), the mean.
func simBeta(rng *rand.Rand, a, b float64) float64 {
	x, y := simGamma(rng, a), simGamma(rng, b)
	if x+y == 0 {
		return a / (a + b)
	}
	return x / (x + y)
}

// checkSimArgs validates the generator and the customers' ages.
func checkSimArgs(fn string, rng *rand.Rand, ages []float64) error {
	if rng == nil {
		return fmt.Errorf("btyd: %s: rng is nil: %w", fn, ErrInvalid)
	}
	if len(ages) == 0 {
		return fmt.Errorf("btyd: %s: no ages: %w", fn, ErrEmpty)
	}
	for i, T := range ages {
		if !validTime(T) {
			return fmt.Errorf("btyd: %s: ages[%d] = %v outside [0, %g]: %w", fn, i, T, float64(MaxTime), ErrInvalid)
		}
	}
	return nil
}

// SimulateBGNBD draws one customer summary per entry of ages from the
// BG/NBD model m (Fader, Hardie & Lee 2005, "Counting your customers the
// easy way", Marketing Science 24(2), §2). The generative process, for
// each customer independently:
//
//  1. a purchase rate λ ~ Gamma(shape r, rate α) and a dropout
//     probability p ~ Beta(a, b);
//  2. from the first purchase at time 0, purchases arrive as a Poisson
//     process of rate λ;
//  3. right after each repeat purchase the customer drops out, for good,
//     with probability p;
//  4. the customer is observed up to T = ages[i]: Frequency is the number
//     of repeat purchases in (0, T], Recency the time of the last (0
//     without any), T the age.
//
// Draws come from rng only, so a seeded generator reproduces the sample;
// a *rand.Rand is not safe for concurrent use, so concurrent calls need
// generators of their own. The Frequency of customers of age T follows
// [BGNBD.ProbPurchases](·, T), with mean [BGNBD.ExpectedPurchases](T).
//
// It returns an error wrapping [ErrInvalid] for a nil rng, a parameter
// outside [MinParam, MaxParam] or NaN, an age outside [0, MaxTime] or
// NaN, or a sample that would hold more than [MaxSimulatedPurchases]
// repeat purchases in all; [ErrEmpty] for no ages.
func SimulateBGNBD(rng *rand.Rand, m BGNBD, ages []float64) ([]Summary, error) {
	if !m.inDomain() {
		return nil, fmt.Errorf("btyd: SimulateBGNBD: parameters %+v outside [%g, %g]: %w", m, MinParam, MaxParam, ErrInvalid)
	}
	if err := checkSimArgs("SimulateBGNBD", rng, ages); err != nil {
		return nil, err
	}
	out := make([]Summary, len(ages))
	total := 0
	for i, T := range ages {
		lambda := simGamma(rng, m.R) / m.Alpha
		p := simBeta(rng, m.A, m.B)
		s, ok := drawBetaGeo(rng, lambda, p, T, true, &total)
		if !ok {
			return nil, fmt.Errorf("btyd: SimulateBGNBD: more than %d purchases (customer %d): %w", MaxSimulatedPurchases, i, ErrInvalid)
		}
		out[i] = s
	}
	return out, nil
}

// SimulateParetoNBD draws one customer summary per entry of ages from the
// Pareto/NBD model m (Schmittlein, Morrison & Colombo 1987, "Counting your
// customers: who are they and what will they do next?", Management
// Science 33(1)). The generative process, for each customer
// independently:
//
//  1. a purchase rate λ ~ Gamma(shape r, rate α) and a dropout rate
//     μ ~ Gamma(shape s, rate β);
//  2. an unobserved lifetime τ ~ Exponential(μ) from the first purchase
//     at time 0;
//  3. while alive, purchases arrive as a Poisson process of rate λ;
//  4. the customer is observed up to T = ages[i]: Frequency is the number
//     of repeat purchases in (0, min(τ, T)], Recency the time of the last
//     (0 without any), T the age.
//
// Draws come from rng only, as for [SimulateBGNBD]. The Frequency of
// customers of age T follows [ParetoNBD.ProbPurchases](·, T), with mean
// [ParetoNBD.ExpectedPurchases](T).
//
// Errors are as for [SimulateBGNBD].
func SimulateParetoNBD(rng *rand.Rand, m ParetoNBD, ages []float64) ([]Summary, error) {
	if !m.inDomain() {
		return nil, fmt.Errorf("btyd: SimulateParetoNBD: parameters %+v outside [%g, %g]: %w", m, MinParam, MaxParam, ErrInvalid)
	}
	if err := checkSimArgs("SimulateParetoNBD", rng, ages); err != nil {
		return nil, err
	}
	out := make([]Summary, len(ages))
	total := 0
	for i, T := range ages {
		lambda := simGamma(rng, m.R) / m.Alpha
		mu := simGamma(rng, m.S) / m.Beta
		end := T
		if mu > 0 {
			end = math.Min(T, rng.ExpFloat64()/mu)
		}
		s := Summary{T: T}
		for t := 0.0; lambda > 0; {
			t += rng.ExpFloat64() / lambda
			if t == 0 {
				// ExpFloat64 returns exactly 0 with probability 2⁻³²; a
				// repeat purchase at time 0 would be a history with x > 0
				// and t_x = 0, which no model accepts. The smallest
				// positive time stands for it.
				t = math.SmallestNonzeroFloat64
			}
			if !(t <= end) {
				break
			}
			if total++; total > MaxSimulatedPurchases {
				return nil, fmt.Errorf("btyd: SimulateParetoNBD: more than %d purchases (customer %d): %w", MaxSimulatedPurchases, i, ErrInvalid)
			}
			s.Frequency++
			s.Recency = t
		}
		out[i] = s
	}
	return out, nil
}

// drawBetaGeo draws one customer of age T of the BG/NBD family: purchases
// at rate lambda while alive, dropout with probability p right after each
// repeat purchase, starting alive or not (the MBG/NBD's dropout at the
// first purchase is drawn by the caller). It adds the purchases to *total
// and returns false when that passes MaxSimulatedPurchases.
func drawBetaGeo(rng *rand.Rand, lambda, p, T float64, alive bool, total *int) (Summary, bool) {
	s := Summary{T: T}
	for t := 0.0; alive && lambda > 0; {
		t += rng.ExpFloat64() / lambda
		if t == 0 {
			// ExpFloat64 returns exactly 0 with probability 2⁻³²; a
			// repeat purchase at time 0 would be a history with x > 0
			// and t_x = 0, which no model accepts. The smallest
			// positive time stands for it.
			t = math.SmallestNonzeroFloat64
		}
		if !(t <= T) {
			break
		}
		if *total++; *total > MaxSimulatedPurchases {
			return s, false
		}
		s.Frequency++
		s.Recency = t
		if rng.Float64() < p {
			break
		}
	}
	return s, true
}
