package btyd_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
)

var sentinels = []error{btyd.ErrInvalid, btyd.ErrEmpty, btyd.ErrLength, btyd.ErrNotConverged, btyd.ErrNotIdentified}

// checkError fails unless err carries the "btyd: " prefix once and wraps
// one of the package's sentinels.
func checkError(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	if !strings.HasPrefix(msg, "btyd: ") || strings.Count(msg, "btyd: ") != 1 {
		t.Fatalf("error without the prefix exactly once: %q", msg)
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return
		}
	}
	t.Fatalf("error wraps no sentinel: %q", msg)
}

// checkFit asserts the convergence contract of FitInfo: a nil error
// exactly when Converged, and then finite positive parameters and
// standard errors; otherwise a Reason (unless the input was invalid).
func checkFit(t *testing.T, params []float64, info btyd.FitInfo, err error) {
	t.Helper()
	if err != nil {
		checkError(t, err)
		if info.Converged {
			t.Fatalf("error %v with Converged = true", err)
		}
		if (errors.Is(err, btyd.ErrNotIdentified) || errors.Is(err, btyd.ErrNotConverged)) && info.Reason == "" {
			t.Fatalf("error %v without a Reason", err)
		}
		return
	}
	if !info.Converged || info.Reason != "" || len(info.StdErr) != len(params) {
		t.Fatalf("nil error with %+v", info)
	}
	for i, p := range params {
		if !(p > 0) || math.IsInf(p, 1) || !(info.StdErr[i] > 0) || math.IsInf(info.StdErr[i], 1) {
			t.Fatalf("parameters %v, standard errors %v", params, info.StdErr)
		}
	}
	if math.IsNaN(info.LogLik) || math.IsInf(info.LogLik, 0) {
		t.Fatalf("LogLik %v", info.LogLik)
	}
}

func finitePositive(v float64) bool { return v >= 0 && !math.IsInf(v, 1) }

func FuzzFitSBG(f *testing.F) {
	// The cases: constant churn, no churn, one transition; the
	// published regular cohort; edge counts.
	f.Add(int64(1000), int64(600), int64(360), int64(216), int64(130), uint8(0), 0.0, uint8(255))
	f.Add(int64(1000), int64(600), int64(360), int64(216), int64(129), uint8(0), 0.0, uint8(255))
	f.Add(int64(100), int64(100), int64(100), int64(100), int64(100), uint8(0), 0.0, uint8(255))
	f.Add(int64(1000), int64(600), int64(-1), int64(0), int64(0), uint8(0), 0.0, uint8(255))
	f.Add(int64(1000), int64(600), int64(-1), int64(0), int64(0), uint8(0), 0.1, uint8(255))
	f.Add(int64(1000), int64(631), int64(468), int64(382), int64(326), uint8(3), 0.0, uint8(255))
	f.Add(int64(1000), int64(0), int64(0), int64(0), int64(0), uint8(0), 0.0, uint8(255))
	f.Add(int64(1), int64(1), int64(0), int64(0), int64(0), uint8(0), 0.0, uint8(10))
	f.Add(int64(0), int64(0), int64(0), int64(0), int64(0), uint8(0), 0.0, uint8(10))
	f.Add(int64(10), int64(20), int64(5), int64(-1), int64(0), uint8(0), 0.0, uint8(10))
	f.Add(int64(1<<62), int64(1<<61), int64(1), int64(0), int64(0), uint8(0), 0.0, uint8(10))
	f.Add(int64(1000), int64(600), int64(360), int64(216), int64(130), uint8(0), math.NaN(), uint8(10))
	f.Add(int64(1000), int64(600), int64(360), int64(216), int64(130), uint8(0), -1.0, uint8(10))
	f.Fuzz(func(t *testing.T, s0, s1, s2, s3, s4 int64, extra uint8, penalty float64, iters uint8) {
		// A negative count ends the slice, so lengths 1–5 are reachable;
		// extra repeats the last count (a cohort that stops churning).
		surv := []int64{s0}
		for _, s := range []int64{s1, s2, s3, s4} {
			if s < 0 {
				break
			}
			surv = append(surv, s)
		}
		for i := 0; i < int(extra%40); i++ {
			surv = append(surv, surv[len(surv)-1])
		}
		in := append([]int64(nil), surv...)
		fit, err := btyd.FitSBG(surv, &btyd.FitOptions{Penalty: penalty, MaxIterations: int(iters) + 1})
		if !cmp.Equal(in, surv) {
			t.Fatalf("FitSBG changed its input %v to %v", in, surv)
		}
		checkFit(t, []float64{fit.Alpha, fit.Beta}, fit.FitInfo, err)
		if err != nil {
			return
		}
		if r := fit.Retention(2); !(r > 0 && r <= 1) {
			t.Fatalf("retention %v", r)
		}
		for _, v := range []float64{fit.Survival(len(surv)), fit.DiscountedLifetime(0.1), fit.ResidualLifetime(0.1, len(surv))} {
			if !finitePositive(v) {
				t.Fatalf("fit %+v: prediction %v", fit.SBG, v)
			}
		}
	})
}

func FuzzFitBGNBD(f *testing.F) {
	// (copies, x, t_x, T) for three kinds of customer, a penalty and the
	// iteration limit. The cases: 70 non-repeaters, 20 with one
	// purchase at week 3 and 10 at week 10 (T = 12); only non-repeaters;
	// a frequency of 2^45; a customer with T = 0.
	f.Add(uint8(70), 0, 0.0, 12.0, uint8(20), 1, 3.0, 12.0, uint8(10), 1, 10.0, 12.0, 0.0, uint8(255))
	f.Add(uint8(70), 0, 0.0, 12.0, uint8(20), 1, 3.0, 12.0, uint8(10), 1, 10.0, 12.0, 0.1, uint8(255))
	f.Add(uint8(50), 0, 0.0, 10.0, uint8(1), 0, 0.0, 3.0, uint8(1), 0, 0.0, 0.0, 0.0, uint8(255))
	f.Add(uint8(1), 1<<45, 30.0, 39.0, uint8(3), 2, 10.0, 39.0, uint8(2), 0, 0.0, 39.0, 0.0, uint8(30))
	f.Add(uint8(1), 2000000, 30.0, 39.0, uint8(3), 2, 10.0, 39.0, uint8(2), 0, 0.0, 39.0, 0.0, uint8(30))
	f.Add(uint8(5), 2, 30.43, 38.86, uint8(5), 0, 0.0, 38.86, uint8(1), 0, 0.0, 0.0, 0.0, uint8(100))
	f.Add(uint8(1), -1, 0.0, 1.0, uint8(1), 5, 5.0, 5.0, uint8(1), 0, 0.0, 1.0, 0.0, uint8(10))
	f.Add(uint8(1), 3, 0.0, 1.0, uint8(1), 1, 2.0, 1.0, uint8(1), 0, 0.0, 1.0, 0.0, uint8(10))
	f.Add(uint8(1), 1000, 1e-300, 1e300, uint8(1), 1, math.NaN(), math.Inf(1), uint8(1), 0, 0.0, 1.0, 0.0, uint8(10))
	f.Add(uint8(0), 0, 0.0, 0.0, uint8(0), 0, 0.0, 0.0, uint8(0), 0, 0.0, 0.0, 0.0, uint8(10))
	f.Add(uint8(1), 1, 1e-300, 1e308, uint8(2), 1, 1e308, 1e308, uint8(1), 0, 0.0, 1.0, 1e300, uint8(10))
	f.Fuzz(func(t *testing.T, n1 uint8, x1 int, tx1, T1 float64, n2 uint8, x2 int, tx2, T2 float64, n3 uint8, x3 int, tx3, T3, penalty float64, iters uint8) {
		var data []btyd.Summary
		for _, c := range []struct {
			n     uint8
			x     int
			tx, T float64
		}{{n1, x1, tx1, T1}, {n2, x2, tx2, T2}, {n3, x3, tx3, T3}} {
			for i := 0; i < int(c.n%100); i++ {
				data = append(data, btyd.Summary{Frequency: c.x, Recency: c.tx, T: c.T})
			}
		}
		in := append([]btyd.Summary(nil), data...)
		fit, err := btyd.FitBGNBD(data, &btyd.FitOptions{Penalty: penalty, MaxIterations: int(iters%100) + 1})
		if !cmp.Equal(in, data, cmpopts.EquateNaNs()) {
			t.Fatal("FitBGNBD changed its input")
		}
		checkFit(t, []float64{fit.R, fit.Alpha, fit.A, fit.B}, fit.FitInfo, err)
		if err != nil {
			return
		}
		m := fit.BGNBD
		for _, s := range data[:1] {
			if s.T > btyd.MaxTime || s.Frequency > btyd.MaxFrequency {
				continue // outside the predictions' documented domain: NaN
			}
			if p := m.ProbAlive(s); !(p >= 0 && p <= 1) {
				t.Fatalf("fit %+v: P(alive) = %v", m, p)
			}
			if v := m.ConditionalPurchases(10, s); !finitePositive(v) {
				t.Fatalf("fit %+v: E[Y(10)] = %v", m, v)
			}
		}
		if v := m.ExpectedPurchases(52); !finitePositive(v) {
			t.Fatalf("fit %+v: E[X(52)] = %v", m, v)
		}
	})
}

func FuzzLogLikelihood(f *testing.F) {
	f.Add(0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 0, 0.0, 38.86)
	f.Add(0.243, 4.414, 0.793, 2.426, 1<<45, 30.43, 38.86, 0, 0.0, 0.0) // makeslice panic before; T = 0
	f.Add(0.243, 4.414, 0.793, 2.426, 2000000, 30.43, 38.86, 65, 30.0, 39.0)
	f.Add(0.0, 1.0, 1.0, 1.0, 1, 1.0, 2.0, 0, 0.0, 1.0)
	f.Add(1e308, 1e-308, 1e308, 1e-308, 1, 1.0, 2.0, 0, 0.0, 1.0)
	f.Add(0.5, 1.0, 1.0, 1.0, math.MaxInt, 1e308, 1e308, -1, 0.0, 1.0)
	f.Add(math.NaN(), 1.0, 1.0, 1.0, 1, math.Inf(1), math.NaN(), 0, math.Copysign(0, -1), 1.0)
	f.Fuzz(func(t *testing.T, r, alpha, a, b float64, x1 int, tx1, T1 float64, x2 int, tx2, T2 float64) {
		m := btyd.BGNBD{R: r, Alpha: alpha, A: a, B: b}
		d1 := []btyd.Summary{{Frequency: x1, Recency: tx1, T: T1}}
		d2 := []btyd.Summary{{Frequency: x2, Recency: tx2, T: T2}}
		both := append(append([]btyd.Summary(nil), d1...), d2...)
		ll, err := m.LogLikelihood(both)
		if err != nil {
			checkError(t, err)
			if !math.IsNaN(ll) {
				t.Fatalf("error %v with LL %v", err, ll)
			}
			return
		}
		if math.IsNaN(ll) || math.IsInf(ll, 0) {
			t.Fatalf("LL %v without an error", ll)
		}
		// The log-likelihood is a sum over customers; a customer with
		// T = 0 contributes nothing.
		l1, err1 := m.LogLikelihood(d1)
		l2, err2 := m.LogLikelihood(d2)
		if err1 != nil || err2 != nil {
			return // a part may overflow alone only if the sum did not; rare, not a contract
		}
		if math.Abs(l1+l2-ll) > 1e-9*math.Max(1, math.Abs(l1)+math.Abs(l2)) {
			t.Fatalf("LL(both) %v ≠ LL(1) %v + LL(2) %v", ll, l1, l2)
		}
		if T2 == 0 && l2 != 0 {
			t.Fatalf("a customer with T = 0 contributes %v", l2)
		}
	})
}

// floatMoney maps a fuzzed float64 onto a decimal amount: finite values
// as they are, +Inf and −Inf onto ±1e400 (beyond float64), NaN onto −1.
func floatMoney(f float64) decimal.Decimal {
	switch {
	case math.IsNaN(f):
		return decimal.New(-1, 0)
	case math.IsInf(f, 0):
		return decimal.New(int64(math.Copysign(1, f)), 400)
	}
	return decimal.NewFromFloat(f)
}

func FuzzFitGammaGamma(f *testing.F) {
	f.Add(2, 22.35, 1, 11.77, 5, 40.0, 0.0)
	f.Add(1, 1e-300, 1, 1e300, 0, 0.0, 0.0)
	f.Add(-1, math.NaN(), 3, math.Inf(1), 1, -5.0, 0.0)
	f.Add(0, 0.0, 0, 0.0, 0, 0.0, 0.0) // no repeat buyer: not identified
	f.Add(0, 0.0, 0, 0.0, 0, 0.0, 0.5)
	f.Add(3, 0.0, 2, 10.0, 1<<45, 1e308, 0.0) // a free order; a huge count
	f.Add(4, 10.0, 4, 10.0, 4, 10.0, 0.0)     // identical customers
	f.Fuzz(func(t *testing.T, x1 int, m1 float64, x2 int, m2 float64, x3 int, m3 float64, penalty float64) {
		data := []btyd.Summary{{Frequency: x1, MeanSpend: floatMoney(m1)}, {Frequency: x2, MeanSpend: floatMoney(m2)}, {Frequency: x3, MeanSpend: floatMoney(m3)}}
		fit, err := btyd.FitGammaGamma(data, &btyd.FitOptions{MaxIterations: 50, Penalty: penalty})
		checkFit(t, []float64{fit.P, fit.Q, fit.V}, fit.FitInfo, err)
		if err != nil {
			return
		}
		if fit.Q > 1 {
			v, err := fit.ConditionalSpend(data[0])
			if err != nil {
				checkError(t, err)
			}
			if data[0].MeanSpend.IsPositive() && m1 > 0 && m1 < 1e300 && (err != nil || v.IsNegative()) {
				t.Fatalf("fit %+v: spend %v, %v", fit.GammaGamma, v, err)
			}
		}
	})
}

func FuzzSummarize(f *testing.F) {
	day := int64(86400)
	// (customer, time in s, amount as digits·10^exp) for two
	// transactions, the calibration end, the unit in s, the granularity.
	f.Add("a", int64(0), int64(500), int32(-2), "b", day, int64(3), int32(-2), 3*day, 7*day, int64(0))
	f.Add("", int64(-1), int64(0), int32(0), "", int64(0), int64(0), int32(0), int64(0), int64(0), int64(0))
	f.Add("x", int64(1<<40), int64(1), int32(0), "x", int64(1<<40), int64(1), int32(0), int64(1<<41), int64(1), int64(-1))
	// A first purchase on the calibration end (T = 0); an amount of 1e400;
	// spans of 400 and 10⁴ years.
	f.Add("a", 10*day, int64(5), int32(0), "b", 3*day, int64(7), int32(0), 10*day, day, int64(0))
	f.Add("w", int64(0), int64(1), int32(0), "w", day, int64(1), int32(400), 3*day, day, int64(0))
	f.Add("old", int64(-8520336000), int64(1), int32(0), "old", int64(946684800), int64(2), int32(0), int64(4102444800), day, int64(0))
	f.Add("old", int64(-300000000000), int64(1), int32(0), "old", int64(0), int64(2), int32(0), int64(10000000000), int64(1), int64(-1))
	f.Add("a", int64(0), int64(1), int32(-400), "a", day, int64(1), int32(-400), 3*day, day, int64(0))
	// 1e999999999 beside 1.5 built a billion-digit sum.
	f.Add("a", int64(0), int64(1), int32(999999999), "a", day, int64(15), int32(-1), 3*day, day, int64(0))
	f.Add("a", int64(0), int64(1), int32(-999999999), "a", day, int64(15), int32(-1), 3*day, day, int64(0))
	f.Fuzz(func(t *testing.T, c1 string, t1, a1 int64, e1 int32, c2 string, t2, a2 int64, e2 int32, end, unit, gran int64) {
		txs := []btyd.Transaction{
			{Customer: c1, Time: time.Unix(t1, 0), Amount: decimal.New(a1, e1)},
			{Customer: c2, Time: time.Unix(t2, 0), Amount: decimal.New(a2, e2)},
		}
		sums, hold, err := btyd.Summarize(txs, time.Duration(unit)*time.Second, time.Unix(end, 0), &btyd.SummaryOptions{Granularity: time.Duration(gran)})
		if err != nil {
			checkError(t, err)
			return
		}
		if hold != nil {
			t.Fatalf("holdouts %v without a holdout end", hold)
		}
		for _, s := range sums {
			if s.Frequency < 0 || !(s.Recency >= 0) || s.Recency > s.T || !(s.T >= 0) || math.IsInf(s.T, 1) ||
				s.MeanSpend.IsNegative() || s.Frequency == 0 && !s.MeanSpend.IsZero() {
				t.Fatalf("summary %+v", s)
			}
		}
		// Anything Summarize returns, the fits accept.
		if len(sums) > 0 {
			if _, err := (btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}).LogLikelihood(sums); errors.Is(err, btyd.ErrInvalid) && !strings.Contains(err.Error(), "not finite") {
				t.Fatalf("LogLikelihood rejects %+v: %v", sums, err)
			}
			if _, err := btyd.FitGammaGamma(sums, &btyd.FitOptions{MaxIterations: 5}); errors.Is(err, btyd.ErrInvalid) {
				t.Fatalf("FitGammaGamma rejects %+v: %v", sums, err)
			}
		}
	})
}

// FuzzUnmarshalJSON decodes arbitrary bytes into every result type: no
// panic, and whatever decodes re-encodes and decodes to an equal value.
func FuzzUnmarshalJSON(f *testing.F) {
	f.Add([]byte(`{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"log_lik":-9582.4,"std_err":[null,1e308,-0,1],"unidentified":["a"],"reason":"x"}`))
	f.Add([]byte(`{"customer":"00004","frequency":2,"recency":null,"t":38.86,"mean_spend":22.345}`))
	f.Add([]byte(`{"customer":"a","time":"1997-01-01T00:00:00Z","amount":"1e400"}`))
	f.Add([]byte(`{"frequency":1e400}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, v := range []any{new(btyd.Summary), new(btyd.Holdout), new(btyd.Transaction), new(btyd.FitInfo), new(btyd.SBGFit),
			new(btyd.BGNBDFit), new(btyd.GammaGammaFit), new(btyd.SBG), new(btyd.BGNBD), new(btyd.GammaGamma)} {
			if err := json.Unmarshal(b, v); err != nil {
				continue
			}
			out, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("%T %+v decoded from %s does not encode: %v", v, v, b, err)
			}
			back := newLike(v)
			if err := json.Unmarshal(out, back); err != nil {
				t.Fatalf("%T: %s does not decode: %v", v, out, err)
			}
			if d := cmp.Diff(v, back, cmpopts.EquateNaNs(), cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
				cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); d != "" {
				t.Fatalf("%T round trip of %s (-first +second):\n%s", v, b, d)
			}
		}
	})
}

func newLike(v any) any {
	switch v.(type) {
	case *btyd.Summary:
		return new(btyd.Summary)
	case *btyd.Holdout:
		return new(btyd.Holdout)
	case *btyd.Transaction:
		return new(btyd.Transaction)
	case *btyd.FitInfo:
		return new(btyd.FitInfo)
	case *btyd.SBGFit:
		return new(btyd.SBGFit)
	case *btyd.BGNBDFit:
		return new(btyd.BGNBDFit)
	case *btyd.GammaGammaFit:
		return new(btyd.GammaGammaFit)
	case *btyd.SBG:
		return new(btyd.SBG)
	case *btyd.BGNBD:
		return new(btyd.BGNBD)
	default:
		return new(btyd.GammaGamma)
	}
}
