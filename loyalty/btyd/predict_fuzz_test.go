package btyd_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// The fuzz targets take the raw numbers, so they reach invalid input as
// well as the whole grid; inside the documented domain every prediction
// must be finite, ≥ 0 and within its bounds, outside it NaN.

func inParam(vs ...float64) bool {
	for _, v := range vs {
		if !(v >= btyd.MinParam && v <= btyd.MaxParam) {
			return false
		}
	}
	return true
}

func inTime(t float64) bool { return t >= 0 && t <= btyd.MaxTime }

func validHist(x int, tx, T float64) bool {
	return x >= 0 && x <= btyd.MaxFrequency && inTime(T) && tx >= 0 && tx <= T && (x > 0) == (tx > 0)
}

func checkNumber(t *testing.T, name string, v, lo, hi float64) {
	t.Helper()
	if math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi*(1+1e-12) {
		t.Fatalf("%s = %v, want finite in [%v, %v]", name, v, lo, hi)
	}
}

func checkNaN(t *testing.T, name string, v float64) {
	t.Helper()
	if !math.IsNaN(v) {
		t.Fatalf("%s = %v outside the domain, want NaN", name, v)
	}
}

// bgnbdSeeds are the BG/NBD cases of the accuracy report and the grid
// corners: r, α, a, b, t.
var bgnbdSeeds = [][5]float64{
	{0.2426, 4.4137, 0.7929, 2.4259, 39}, {0.25, 4, 3, 100, 400}, {1.9, 98, 0.1, 200, 1000}, {0.25, 4, 0.5, 200, 400},
	{1.9, 98, 0.1, 2200, 1000}, {1.9, 98, 0.0007, 2200, 1000}, {0.4, 28, 300, 390, 500}, {0.5, 20, 0.5, 0.5, 1},
	{2, 1, 2, 3, 1e8}, {0.2426, 4.4137, 1.9e5, 5e-6, 52}, {0.5, 3, 1, 2, 10},
	{0.01, 0.01, 0.001, 0.001, 1e4}, {100, 0.01, 0.001, 1000, 1e4}, {0.01, 100, 1000, 0.001, 1}, {100, 100, 1000, 1000, 1e4},
	{0, 1, 1, 1, 1}, {math.NaN(), 1, 1, 1, 1}, {1, 1, 1, 1, math.Inf(1)}, {1e-8, 1e8, 1e-8, 1e8, 1e8}, {1e8, 1e-8, 1e8, 1e-8, 1e8},
}

func FuzzExpectedPurchases(f *testing.F) {
	for _, s := range bgnbdSeeds {
		f.Add(s[0], s[1], s[2], s[3], s[4])
	}
	f.Fuzz(func(t *testing.T, r, alpha, a, b, tt float64) {
		m := btyd.BGNBD{R: r, Alpha: alpha, A: a, B: b}
		v := m.ExpectedPurchases(tt)
		if !inParam(r, alpha, a, b) || !inTime(tt) {
			checkNaN(t, "ExpectedPurchases", v)
			return
		}
		// E[X(t)] ≤ E[λ]·t = r·t/α: a customer cannot buy after dying.
		checkNumber(t, "ExpectedPurchases", v, 0, r*tt/alpha)
	})
}

func FuzzConditionalPurchases(f *testing.F) {
	hist := [][3]float64{{20, 30, 39}, {5, 1, 1}, {0, 0, 10}, {0, 0, 0}, {1000, 500, 1000}, {1, 1, 1}, {2, 30.43, 38.86}, {-1, 0, 1}, {1, 0, 1}}
	for i, s := range bgnbdSeeds {
		h := hist[i%len(hist)]
		f.Add(s[0], s[1], s[2], s[3], s[4], int(h[0]), h[1], h[2])
	}
	f.Add(0.25, 4.0, 3.0, 100.0, 400.0, 20, 30.0, 39.0)
	f.Add(0.25, 4.0, 0.5, 200.0, 400.0, 20, 30.0, 39.0)
	f.Add(1.9, 98.0, 0.1, 200.0, 1000.0, 5, 1.0, 1.0)
	f.Add(0.5, 20.0, 0.5, 0.5, 5.0, 0, 0.0, 10.0)
	f.Fuzz(func(t *testing.T, r, alpha, a, b, tt float64, x int, tx, T float64) {
		m := btyd.BGNBD{R: r, Alpha: alpha, A: a, B: b}
		s := btyd.Summary{Frequency: x, Recency: tx, T: T}
		v := m.ConditionalPurchases(tt, s)
		pa := m.ProbAlive(s)
		if !inParam(r, alpha, a, b) || !inTime(tt) || !validHist(x, tx, T) {
			checkNaN(t, "ConditionalPurchases", v)
			return
		}
		checkNumber(t, "ProbAlive", pa, 0, 1)
		checkNumber(t, "ConditionalPurchases", v, 0, (r+float64(x))*tt/(alpha+T))
	})
}

func FuzzProbAlive(f *testing.F) {
	f.Add(0.2426, 4.4137, 0.7929, 2.4259, 2, 30.43, 38.86)
	f.Add(0.2426, 4.4137, 0.7929, 2.4259, 200, 1.0, 78.0)
	f.Add(1e8, 1e-8, 1e-8, 1e-8, 100_000_000, 1e-300, 1e8)
	f.Add(1.0, 1.0, 1.0, 1.0, 0, 0.0, 0.0)
	f.Add(1.0, 1.0, 1.0, 1.0, 1, math.NaN(), 1.0)
	f.Fuzz(func(t *testing.T, r, alpha, a, b float64, x int, tx, T float64) {
		v := btyd.BGNBD{R: r, Alpha: alpha, A: a, B: b}.ProbAlive(btyd.Summary{Frequency: x, Recency: tx, T: T})
		if !inParam(r, alpha, a, b) || !validHist(x, tx, T) {
			checkNaN(t, "ProbAlive", v)
			return
		}
		checkNumber(t, "ProbAlive", v, 0, 1)
	})
}

func FuzzProbPurchases(f *testing.F) {
	for i, s := range bgnbdSeeds {
		f.Add(s[0], s[1], s[2], s[3], []int{0, 1, 20, 1000}[i%4], s[4])
	}
	f.Add(0.2426, 4.4137, 0.7929, 2.4259, 20, 1.0)
	f.Add(0.2426, 4.4137, 0.7929, 1000.0, 20, 1.0)
	f.Add(0.2426, 4.4137, 0.7929, 2.4259, 50_000_000, 39.0)
	f.Add(0.2426, 4.4137, 0.7929, 2.4259, 50_000_000, 1e8)
	f.Add(2.0, 1.0, 2.0, 3.0, 50_000_000, 1e8)
	f.Add(100.0, 4.4137, 1.0, 1.0, 50_000_000, 1e8)
	f.Fuzz(func(t *testing.T, r, alpha, a, b float64, n int, tt float64) {
		v := btyd.BGNBD{R: r, Alpha: alpha, A: a, B: b}.ProbPurchases(n, tt)
		if !inParam(r, alpha, a, b) || !inTime(tt) || n < 0 || n > btyd.MaxFrequency {
			checkNaN(t, "ProbPurchases", v)
			return
		}
		checkNumber(t, "ProbPurchases", v, 0, 1)
	})
}

func FuzzSurvival(f *testing.F) {
	f.Add(0.704, 1.182, 10, 1000.0, 10)
	f.Add(0.704, 1.182, 100_000_000, 1.0, 3)
	f.Add(1.0, 2.0, math.MaxInt, 1.0, math.MaxInt)
	f.Add(1000.0, 1000.0, 1000, 1e308, 1000)
	f.Add(1e-300, 1e300, -1, math.NaN(), -1)
	f.Add(420.0, 630.0, 5, 1000.0, btyd.MaxProjectPeriods)
	f.Fuzz(func(t *testing.T, alpha, beta float64, tt int, cohort float64, periods int) {
		m := btyd.SBG{Alpha: alpha, Beta: beta}
		valid := alpha > 0 && beta > 0 && !math.IsInf(alpha, 1) && !math.IsInf(beta, 1)
		s, r := m.Survival(tt), m.Retention(tt)
		if !valid || tt < 0 {
			checkNaN(t, "Survival", s)
		} else {
			checkNumber(t, "Survival", s, 0, 1)
		}
		if !valid || tt < 1 {
			checkNaN(t, "Retention", r)
		} else {
			checkNumber(t, "Retention", r, 0, 1)
		}
		if periods > 4096 && periods <= btyd.MaxProjectPeriods {
			periods = 4096 // keep each run short; the limit itself is seeded above
		}
		proj, err := m.Project(cohort, periods)
		if !valid || !(cohort >= 0) || math.IsInf(cohort, 1) || periods < 0 || periods > btyd.MaxProjectPeriods {
			if !errors.Is(err, btyd.ErrInvalid) || !strings.HasPrefix(err.Error(), "btyd: ") {
				t.Fatalf("Project(%v, %d) = %v", cohort, periods, err)
			}
			return
		}
		if err != nil || len(proj) != periods+1 {
			t.Fatalf("Project(%v, %d): %d, %v", cohort, periods, len(proj), err)
		}
		for i, v := range proj {
			checkNumber(t, "Project", v, 0, cohort)
			if i > 0 && v > proj[i-1] {
				t.Fatalf("Project rises at %d: %v > %v", i, v, proj[i-1])
			}
		}
	})
}

// sbgSeeds are the sBG lifetime cases of the reports and the corners: α,
// β, d, n.
var sbgSeeds = []struct {
	alpha, beta, d float64
	n              int
}{
	{0.704, 1.182, 0.1, 300}, {2.5, 300, 0.1, 1}, {0.3, 300, 0.1, 1}, {1, 2, 1e-6, 1}, {420, 630, 0.1, 1}, {3e-5, 9384, 0.1, 5},
	{0.001, 0.001, 1e-6, 1000}, {0.001, 1000, 1, 1}, {1000, 0.001, 1e-6, 1}, {1000, 1000, 1, 1_000_000},
	{1e-8, 1e8, 1e-9, math.MaxInt}, {1e8, 1e-8, 1, math.MaxInt}, {1, 1, 0, 0}, {1, 1, math.NaN(), -1}, {1, 1, 10, 1},
}

func lifetimeDomain(alpha, beta, d float64) bool {
	return alpha >= btyd.SBGMinShape && alpha <= btyd.SBGMaxShape && beta >= btyd.SBGMinShape && beta <= btyd.SBGMaxShape &&
		d >= btyd.MinDiscount && d <= btyd.MaxDiscount
}

func FuzzDiscountedLifetime(f *testing.F) {
	for _, s := range sbgSeeds {
		f.Add(s.alpha, s.beta, s.d)
	}
	f.Fuzz(func(t *testing.T, alpha, beta, d float64) {
		v := btyd.SBG{Alpha: alpha, Beta: beta}.DiscountedLifetime(d)
		if !lifetimeDomain(alpha, beta, d) {
			checkNaN(t, "DiscountedLifetime", v)
			return
		}
		// Between one period (churn at once) and Σ (1+d)^{−t} = (1+d)/d.
		checkNumber(t, "DiscountedLifetime", v, 1, (1+d)/d)
	})
}

func FuzzResidualLifetime(f *testing.F) {
	for _, s := range sbgSeeds {
		f.Add(s.alpha, s.beta, s.d, s.n)
	}
	f.Fuzz(func(t *testing.T, alpha, beta, d float64, n int) {
		v := btyd.SBG{Alpha: alpha, Beta: beta}.ResidualLifetime(d, n)
		if !lifetimeDomain(alpha, beta, d) || n < 1 {
			checkNaN(t, "ResidualLifetime", v)
			return
		}
		checkNumber(t, "ResidualLifetime", v, 0, (1+d)/d)
	})
}

// FuzzConditionalSpend checks ExpectedSpend and ConditionalSpend: an
// error (prefixed once, wrapping ErrInvalid) exactly outside the domain,
// else cents between the population mean and the customer's mean.
func FuzzConditionalSpend(f *testing.F) {
	f.Add(6.25, 3.74, 15.44, 2, 22.35)
	f.Add(2.0, 3.0, 1e308, 1<<40, 1e308)
	f.Add(1.0, 1.0, 1.0, 1, 1.0)
	f.Add(1.0, 2.0, 1.0, 1, math.Inf(1))
	f.Add(1.0, 2.0, 1.0, 1, math.NaN())
	f.Add(1.0, 2.0, 1.0, 1, 0.0)
	f.Add(1e300, 2.0, 1e300, 0, 0.0) // E[M] = 1e600: not representable
	f.Add(1e-300, 1+1e-16, 1e300, math.MaxInt, 1e-300)
	f.Fuzz(func(t *testing.T, p, q, v float64, x int, mbar float64) {
		g := btyd.GammaGamma{P: p, Q: q, V: v}
		ms := floatMoney(mbar)
		mean, errMean := g.ExpectedSpend()
		cs, errCS := g.ConditionalSpend(btyd.Summary{Frequency: x, Recency: 1, T: 1, MeanSpend: ms})
		for _, err := range []error{errMean, errCS} {
			if err != nil && (!errors.Is(err, btyd.ErrInvalid) || !strings.HasPrefix(err.Error(), "btyd: ") || strings.Count(err.Error(), "btyd:") != 1) {
				t.Fatalf("error %v", err)
			}
		}
		valid := p > 0 && q > 1 && v > 0 && !math.IsInf(p, 1) && !math.IsInf(q, 1) && !math.IsInf(v, 1)
		if !valid {
			if errMean == nil || errCS == nil {
				t.Fatalf("%+v accepted: %v, %v", g, mean, cs)
			}
			return
		}
		if errMean != nil {
			// Documented: only when p·v/(q−1) exceeds the float64 range.
			if v/(q-1) < math.MaxFloat64/p/2 {
				t.Fatalf("ExpectedSpend: %v for %+v", errMean, g)
			}
			return
		}
		meanF := mean.InexactFloat64()
		checkNumber(t, "ExpectedSpend", meanF, 0, math.MaxFloat64)
		if x < 0 || (x > 0 && (!(mbar > 0) || math.IsInf(mbar, 1))) {
			if errCS == nil {
				t.Fatalf("ConditionalSpend accepted x = %d, m̄ = %v: %v", x, mbar, cs)
			}
			return
		}
		if errCS != nil {
			t.Fatalf("ConditionalSpend: %v", errCS)
		}
		lo, hi := mean, mean
		if x > 0 {
			m := ms.Round(2) // the bounds in cents, as the result
			lo, hi = decimal.Min(mean, m), decimal.Max(mean, m)
		}
		// A weighted mean of the two means, each side within a cent and
		// the float rounding.
		slack := decimal.NewFromFloat(0.01 + 1e-12*hi.InexactFloat64())
		if cs.LessThan(lo.Sub(slack)) || cs.GreaterThan(hi.Add(slack)) {
			t.Fatalf("ConditionalSpend = %v outside [%v, %v]", cs, lo, hi)
		}
	})
}

func FuzzCustomerValue(f *testing.F) {
	f.Add(0.2426, 4.4137, 0.7929, 2.4259, 6.25, 3.74, 15.44, 2, 30.43, 38.86, 22.35, 52, 4.345, 0.01, 0.3)
	f.Add(0.2426, 4.4137, 0.7929, 2.4259, 6.25, 3.74, 15.44, 2, 30.43, 38.86, 22.35, 12, 1.0, 0.0, 30.0)
	f.Add(0.2426, 4.4137, 0.7929, 2.4259, 6.25, 3.74, 15.44, 2, 30.43, 38.86, 22.35, 12, 1.0, 10.0, 0.3)
	f.Add(0.25, 4.0, 0.5, 200.0, 1.0, 1.5, 1e308, 20, 30.0, 39.0, 1e308, 100, 1.0, 0.0, 1.0)
	f.Add(1.9, 98.0, 0.1, 2200.0, 6.25, 3.74, 15.44, 0, 0.0, 0.0, 0.0, 1, 1e8, 1.0, 1.0)
	f.Add(0.5, 20.0, 0.5, 0.5, 6.25, 3.74, 15.44, 0, 0.0, 10.0, 0.0, math.MaxInt, 1.0, 0.1, 0.3)
	f.Add(math.NaN(), 1.0, 1.0, 1.0, 1.0, 2.0, 1.0, 1, 1.0, 1.0, 1.0, 1, 1.0, 0.1, 0.3)
	f.Add(0.2426, 4.4137, 0.7929, 2.4259, 6.25, 3.74, 15.44, 2, 30.43, 38.86, math.Inf(1), 12, 1.0, 0.01, 0.3)
	f.Fuzz(func(t *testing.T, r, alpha, a, b, p, q, v float64, x int, tx, T, mbar float64, periods int, length, disc, margin float64) {
		if periods > 200 && periods <= btyd.MaxValuePeriods {
			periods = 200 // each period is a quadrature; keep runs short
		}
		m := btyd.BGNBD{R: r, Alpha: alpha, A: a, B: b}
		g := btyd.GammaGamma{P: p, Q: q, V: v}
		s := btyd.Summary{Frequency: x, Recency: tx, T: T, MeanSpend: floatMoney(mbar)}
		in := btyd.ValueInput{Periods: periods, PeriodLength: length, Discount: disc, Margin: margin}
		val, err := btyd.CustomerValue(m, g, s, in)
		// The fits, passed by pointer, give the same result.
		val2, err2 := btyd.CustomerValue(&btyd.BGNBDFit{BGNBD: m}, &btyd.GammaGammaFit{GammaGamma: g}, s, in)
		if (err == nil) != (err2 == nil) || err == nil && !val.Equal(val2) {
			t.Fatalf("model %v, %v; fit %v, %v", val, err, val2, err2)
		}
		if err != nil {
			if !errors.Is(err, btyd.ErrInvalid) || !strings.HasPrefix(err.Error(), "btyd: CustomerValue: ") || strings.Count(err.Error(), "btyd:") != 1 {
				t.Fatalf("error %v", err)
			}
			return
		}
		if val.IsNegative() {
			t.Fatalf("value %v", val)
		}
		if !inParam(r, alpha, a, b) || !validHist(x, tx, T) || !(margin >= 0 && margin <= 1) || !(disc >= 0 && disc <= btyd.MaxDiscount) || in.Validate() != nil {
			t.Fatalf("accepted invalid input: %v", val)
		}
	})
}

// logMap maps u ∈ [0, 65535] log-uniformly onto [lo, hi].
func logMap(u uint16, lo, hi float64) float64 {
	return math.Min(hi, math.Max(lo, lo*math.Pow(hi/lo, float64(u)/65535)))
}

// FuzzPredictionGrid explores the documented domain densely: every
// argument is mapped log-uniformly onto its whole range (parameters
// [MinParam, MaxParam], times up to MaxTime), a superset of the grid
// r, α ∈ [0.01, 100], a, b ∈ [0.001, 1000], x ≤ 1000, T ≤ 1000,
// t ≤ 10⁴, d ∈ [1e-6, 1]. Besides finiteness and bounds it checks that
// E[X(t)] and E[Y(t) | ·] rise with t, that a customer of age 0 is a new
// customer, that DEL falls with d, and that the probabilities of n
// purchases sum to at most 1.
func FuzzPredictionGrid(f *testing.F) {
	f.Add(uint16(0), uint16(0), uint16(0), uint16(0), uint16(0), uint16(0), uint16(0), uint16(0), uint16(0))
	f.Add(uint16(65535), uint16(65535), uint16(65535), uint16(65535), uint16(65535), uint16(65535), uint16(65535), uint16(65535), uint16(65535))
	f.Add(uint16(0), uint16(65535), uint16(0), uint16(65535), uint16(65535), uint16(0), uint16(65535), uint16(0), uint16(65535))
	f.Add(uint16(30000), uint16(35000), uint16(30000), uint16(40000), uint16(50000), uint16(1000), uint16(40000), uint16(100), uint16(20000))
	f.Fuzz(func(t *testing.T, ur, ual, ua, ub, ut, ux, uT, utx, ud uint16) {
		m := btyd.BGNBD{R: logMap(ur, btyd.MinParam, btyd.MaxParam), Alpha: logMap(ual, btyd.MinParam, btyd.MaxParam),
			A: logMap(ua, btyd.MinParam, btyd.MaxParam), B: logMap(ub, btyd.MinParam, btyd.MaxParam)}
		tt := logMap(ut, 1e-6, btyd.MaxTime)
		x := int(logMap(ux, 1, 1e6)) - 1
		T := logMap(uT, 1e-6, btyd.MaxTime)
		tx := 0.0
		if x > 0 {
			tx = T * (float64(utx) + 1) / 65536
		}
		s := btyd.Summary{Frequency: x, Recency: tx, T: T}
		t2 := math.Min(2*tt, btyd.MaxTime)
		e1, e2 := m.ExpectedPurchases(tt), m.ExpectedPurchases(t2)
		checkNumber(t, "ExpectedPurchases", e1, 0, m.R*tt/m.Alpha)
		checkNumber(t, "ExpectedPurchases(2t)", e2, e1*(1-1e-11), 2*m.R*tt/m.Alpha)
		if e0 := m.ConditionalPurchases(tt, btyd.Summary{}); math.Abs(e0-e1) > 1e-15*e1 {
			t.Fatalf("age 0: %v, new customer %v", e0, e1)
		}
		c1, c2 := m.ConditionalPurchases(tt, s), m.ConditionalPurchases(t2, s)
		checkNumber(t, "ConditionalPurchases", c1, 0, (m.R+float64(x))*tt/(m.Alpha+T))
		checkNumber(t, "ConditionalPurchases(2t)", c2, c1*(1-1e-11), 2*(m.R+float64(x))*tt/(m.Alpha+T))
		checkNumber(t, "ProbAlive", m.ProbAlive(s), 0, 1)
		var sum float64
		for _, n := range []int{0, 1, 2, x + 3, 10*x + 4} {
			p := m.ProbPurchases(n, tt)
			checkNumber(t, "ProbPurchases", p, 0, 1)
			sum += p
		}
		if sum > 1+1e-9 {
			t.Fatalf("ProbPurchases sum to %v", sum)
		}
		sbg := btyd.SBG{Alpha: logMap(ua, btyd.SBGMinShape, btyd.SBGMaxShape), Beta: logMap(ub, btyd.SBGMinShape, btyd.SBGMaxShape)}
		d := logMap(ud, btyd.MinDiscount, btyd.MaxDiscount)
		l1, l2 := sbg.DiscountedLifetime(d), sbg.DiscountedLifetime(math.Min(2*d, btyd.MaxDiscount))
		checkNumber(t, "DiscountedLifetime", l1, 1, (1+d)/d)
		checkNumber(t, "DiscountedLifetime(2d)", l2, 1, l1)
		checkNumber(t, "ResidualLifetime", sbg.ResidualLifetime(d, x+1), 0, (1+d)/d)
		checkNumber(t, "Survival", sbg.Survival(x), 0, 1)
	})
}
