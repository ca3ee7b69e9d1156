package btyd

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/shopspring/decimal"
)

// SimulateMBGNBD draws one customer summary per entry of ages from the
// MBG/NBD model m (Batislam, Denizel & Filiztekin 2007, "Empirical
// validation and comparison of models for customer base analysis",
// International Journal of Research in Marketing 24(3)). The generative
// process, for each customer independently:
//
//  1. a purchase rate λ ~ Gamma(shape r, rate α) and a dropout
//     probability p ~ Beta(a, b);
//  2. right after the first purchase, at time 0, the customer drops out,
//     for good, with probability p;
//  3. while alive, purchases arrive as a Poisson process of rate λ, and
//     right after each repeat purchase the customer drops out with
//     probability p;
//  4. the customer is observed up to T = ages[i]: Frequency is the number
//     of repeat purchases in (0, T], Recency the time of the last (0
//     without any), T the age.
//
// Draws come from rng only, so a seeded generator reproduces the sample;
// a *rand.Rand is not safe for concurrent use, so concurrent calls need
// generators of their own. The Frequency of customers of age T follows
// [MBGNBD.ProbPurchases](·, T), with mean [MBGNBD.ExpectedPurchases](T).
//
// It returns an error wrapping [ErrInvalid] for a nil rng, a parameter
// outside [MinParam, MaxParam] or NaN, an age outside [0, MaxTime] or
// NaN, or a sample that would hold more than [MaxSimulatedPurchases]
// repeat purchases in all; [ErrEmpty] for no ages.
func SimulateMBGNBD(rng *rand.Rand, m MBGNBD, ages []float64) ([]Summary, error) {
	for _, p := range []struct {
		name string
		v    float64
	}{{"r", m.R}, {"alpha", m.Alpha}, {"a", m.A}, {"b", m.B}} {
		if !(p.v >= MinParam && p.v <= MaxParam) {
			return nil, fmt.Errorf("btyd: SimulateMBGNBD: MBG/NBD parameter %s = %v outside [%g, %g]: %w", p.name, p.v, MinParam, MaxParam, ErrInvalid)
		}
	}
	if err := checkSimArgs("SimulateMBGNBD", rng, ages); err != nil {
		return nil, err
	}
	out := make([]Summary, len(ages))
	total := 0
	for i, T := range ages {
		lambda := simGamma(rng, m.R) / m.Alpha
		p := simBeta(rng, m.A, m.B)
		alive := rng.Float64() >= p // dropout right after the first purchase
		s, ok := drawBetaGeo(rng, lambda, p, T, alive, &total)
		if !ok {
			return nil, fmt.Errorf("btyd: SimulateMBGNBD: more than %d purchases (customer %d): %w", MaxSimulatedPurchases, i, ErrInvalid)
		}
		out[i] = s
	}
	return out, nil
}

// SimulateGammaGamma returns a copy of data in which each customer's
// MeanSpend is drawn from the Gamma-Gamma spend model g (Fader, Hardie &
// Lee 2005, "RFM and CLV: using iso-value curves for customer base
// analysis", Journal of Marketing Research 42(4); Colombo & Jiang 1999)
// for the customer's Frequency x: ν ~ Gamma(shape q, rate v) per
// customer, each of the x repeat transactions is worth
// Gamma(shape p, rate ν), and MeanSpend is their mean. The sum of the x
// values is Gamma(shape px, rate ν), so each customer costs two gamma
// draws whatever x is. MeanSpend is money: the float64 draw goes through
// decimal.NewFromFloat and is rounded half away from zero to 4 decimal
// places, as [Summarize] rounds it; it is zero for x = 0 (and may round
// to zero for a spend scale v far below one cent). Only Frequency is
// read; the other fields are copied, and data itself is not modified.
// Pair it with [SimulateMBGNBD], [SimulateBGNBD] or [SimulateParetoNBD]
// to simulate a transaction summary with spend for [FitGammaGamma] and
// [CustomerValue].
//
// Draws come from rng only, as for [SimulateBGNBD]. For customers with x
// repeat purchases, MeanSpend·x/v is beta-prime distributed with shapes
// px and q, with mean p·v/(q − 1) (q > 1), [GammaGamma.ExpectedSpend].
//
// It returns an error wrapping [ErrInvalid] for a nil rng, p, q or v
// outside [MinParam, MaxParam] or NaN, a negative frequency (naming the
// customer), or a draw beyond the float64 range (possible when q is so
// small that ν underflows to 0); [ErrEmpty] for no customers.
func SimulateGammaGamma(rng *rand.Rand, g GammaGamma, data []Summary) ([]Summary, error) {
	if rng == nil {
		return nil, fmt.Errorf("btyd: SimulateGammaGamma: rng is nil: %w", ErrInvalid)
	}
	for _, p := range []struct {
		name string
		v    float64
	}{{"p", g.P}, {"q", g.Q}, {"v", g.V}} {
		if !(p.v >= MinParam && p.v <= MaxParam) {
			return nil, fmt.Errorf("btyd: SimulateGammaGamma: Gamma-Gamma parameter %s = %v outside [%g, %g]: %w", p.name, p.v, MinParam, MaxParam, ErrInvalid)
		}
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("btyd: SimulateGammaGamma: no customers: %w", ErrEmpty)
	}
	for i, s := range data {
		if s.Frequency < 0 {
			return nil, fmt.Errorf("btyd: SimulateGammaGamma: %s: frequency %d is negative: %w", customerName(i, s), s.Frequency, ErrInvalid)
		}
	}
	out := make([]Summary, len(data))
	for i, s := range data {
		s.MeanSpend = decimal.Zero
		if s.Frequency > 0 {
			x := float64(s.Frequency)
			nu := simGamma(rng, g.Q) / g.V
			sum := simGamma(rng, g.P*x)
			// sum/ν is the total of the x values; divide in an order that
			// neither overflows nor underflows needlessly.
			m := sum / x / nu
			if math.IsNaN(m) || math.IsInf(m, 0) {
				return nil, fmt.Errorf("btyd: SimulateGammaGamma: %s: the drawn mean spend is beyond the float64 range (ν = %v): %w", customerName(i, s), nu, ErrInvalid)
			}
			s.MeanSpend = decimal.NewFromFloat(m).Round(4)
		}
		out[i] = s
	}
	return out, nil
}

// SimulateBGBB draws one customer's transaction history per entry of
// periods from the BG/BB model m (Fader, Hardie & Shang 2010,
// "Customer-base analysis in a discrete-time noncontractual setting",
// Marketing Science 29(6), §2): history i has periods[i] transaction
// opportunities after the first transaction, and element j reports
// whether the customer transacted at opportunity j+1 — the form
// [CompressBGBB] takes. The generative process, for each customer
// independently:
//
//  1. a transaction probability p ~ Beta(α, β) and a dropout probability
//     θ ~ Beta(γ, δ);
//  2. the customer is alive at the first transaction; at the start of
//     each later opportunity a living customer dies, for good, with
//     probability θ;
//  3. at each opportunity at which the customer is alive, a transaction
//     occurs with probability p.
//
// Draws come from rng only, as for [SimulateBGNBD]. The number of
// transactions of customers with n opportunities follows
// [BGBB.ProbPurchases](·, n), with mean [BGBB.ExpectedPurchases](n).
//
// It returns an error wrapping [ErrInvalid] for a nil rng, a parameter
// outside [MinParam, MaxParam] or NaN, a number of opportunities outside
// [0, BGBBMaxPeriods] (naming the customer), or more than
// [MaxSimulatedPurchases] opportunities in all (the work and the memory
// of a call are proportional to their sum); [ErrEmpty] for no customers.
func SimulateBGBB(rng *rand.Rand, m BGBB, periods []int) ([][]bool, error) {
	for _, p := range []struct {
		name string
		v    float64
	}{{"alpha", m.Alpha}, {"beta", m.Beta}, {"gamma", m.Gamma}, {"delta", m.Delta}} {
		if !(p.v >= MinParam && p.v <= MaxParam) {
			return nil, fmt.Errorf("btyd: SimulateBGBB: BG/BB parameter %s = %v outside [%g, %g]: %w", p.name, p.v, MinParam, MaxParam, ErrInvalid)
		}
	}
	if rng == nil {
		return nil, fmt.Errorf("btyd: SimulateBGBB: rng is nil: %w", ErrInvalid)
	}
	if len(periods) == 0 {
		return nil, fmt.Errorf("btyd: SimulateBGBB: no customers: %w", ErrEmpty)
	}
	total := 0
	for i, n := range periods {
		if n < 0 || n > BGBBMaxPeriods {
			return nil, fmt.Errorf("btyd: SimulateBGBB: customer %d: periods[%d] = %d outside [0, %d]: %w", i, i, n, BGBBMaxPeriods, ErrInvalid)
		}
		if total += n; total > MaxSimulatedPurchases {
			return nil, fmt.Errorf("btyd: SimulateBGBB: more than %d opportunities in all (customer %d): %w", MaxSimulatedPurchases, i, ErrInvalid)
		}
	}
	out := make([][]bool, len(periods))
	for i, n := range periods {
		h := make([]bool, n)
		p := simBeta(rng, m.Alpha, m.Beta)
		theta := simBeta(rng, m.Gamma, m.Delta)
		for j := range h {
			if rng.Float64() < theta {
				break // died at the start of opportunity j+1
			}
			h[j] = rng.Float64() < p
		}
		out[i] = h
	}
	return out, nil
}

// SimulateSBG draws a cohort of the given size from the sBG model m
// (Fader & Hardie 2007, "How to project customer retention", Journal of
// Interactive Marketing 21(1)) and returns its survivor counts, the form
// [FitSBG] takes: element t is the number of customers still active at
// the start of period t, t = 0 … periods, and element 0 is the cohort
// size. Each customer draws a churn probability θ ~ Beta(α, β) and then
// leaves at the end of each period with probability θ, so the number of
// periods survived is geometric, P(active at the start of t | θ) =
// (1 − θ)^t; it is drawn in O(1) by inversion, so the work is
// proportional to cohort + periods.
//
// Draws come from rng only, as for [SimulateBGNBD]. The expected
// survivors at the start of period t are cohort·[SBG.Survival](t).
//
// It returns an error wrapping [ErrInvalid] for a nil rng, α or β
// outside [SBGMinShape, SBGMaxShape] or NaN, a cohort outside
// [1, MaxSimulatedPurchases] or periods outside [0, MaxProjectPeriods].
func SimulateSBG(rng *rand.Rand, m SBG, cohort int64, periods int) ([]int64, error) {
	for _, p := range []struct {
		name string
		v    float64
	}{{"alpha", m.Alpha}, {"beta", m.Beta}} {
		if !(p.v >= SBGMinShape && p.v <= SBGMaxShape) {
			return nil, fmt.Errorf("btyd: SimulateSBG: sBG parameter %s = %v outside [%g, %g]: %w", p.name, p.v, SBGMinShape, SBGMaxShape, ErrInvalid)
		}
	}
	switch {
	case rng == nil:
		return nil, fmt.Errorf("btyd: SimulateSBG: rng is nil: %w", ErrInvalid)
	case cohort < 1 || cohort > MaxSimulatedPurchases:
		return nil, fmt.Errorf("btyd: SimulateSBG: cohort %d outside [1, %d]: %w", cohort, MaxSimulatedPurchases, ErrInvalid)
	case periods < 0 || periods > MaxProjectPeriods:
		return nil, fmt.Errorf("btyd: SimulateSBG: periods %d outside [0, %d]: %w", periods, MaxProjectPeriods, ErrInvalid)
	}
	// ended[k]: customers who survived exactly k periods (k < periods),
	// ended[periods]: those still active at the start of the last.
	ended := make([]int64, periods+1)
	for i := int64(0); i < cohort; i++ {
		theta := simBeta(rng, m.Alpha, m.Beta)
		k := periods
		if l1 := math.Log1p(-theta); l1 < 0 {
			// L = ⌊ln U / ln(1 − θ)⌋, U uniform on (0, 1]:
			// P(L ≥ t) = P(U ≤ (1 − θ)^t) = (1 − θ)^t.
			if l := math.Floor(math.Log(1-rng.Float64()) / l1); l < float64(periods) {
				k = int(l)
			}
		}
		ended[k]++
	}
	out := make([]int64, periods+1)
	var run int64
	for t := periods; t >= 0; t-- {
		run += ended[t]
		out[t] = run
	}
	return out, nil
}
