package btyd_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// A frequency of 2^45 made LogLikelihood allocate a table of 2^45 rows
// (makeslice panic); 2e6 took 12 s. The likelihood's cost no longer
// depends on a count. Reference values by mpmath at 50 digits from FHL
// (2005) eq. 6 for r = 0.243, α = 4.414, a = 0.793, b = 2.426:
//
//	A1 = loggamma(r+x) − loggamma(r) + r log α
//	A2 = loggamma(a+b) + loggamma(b+x) − loggamma(b) − loggamma(a+b+x)
//	A3 = −(r+x) log(α+T);  A4 = log a − log(b+x−1) − (r+x) log(α+t_x)
//	LL = A1 + A2 + log(e^A3 + e^A4)
func TestLogLikelihoodHugeFrequency(t *testing.T) {
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	for _, c := range []struct {
		x     int
		tx, T float64
		want  float64
	}{
		{1 << 45, 30.43, 38.86, 937337785205144.552576784},
		{2000000, 30.43, 38.86, 19915523.35972644108277272},
		{65, 30, 39, -32.73174434701707782498449},
		{100, 70, 78, -80.56290667075511518535477},
	} {
		start := time.Now()
		got, err := m.LogLikelihood([]btyd.Summary{{Frequency: c.x, Recency: c.tx, T: c.T}})
		if err != nil || math.Abs(got-c.want) > 1e-12*math.Abs(c.want) {
			t.Errorf("x = %d: LL = %.17g, %v; want %.17g", c.x, got, err, c.want)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("x = %d: LogLikelihood took %v", c.x, d)
		}
	}
	// FitBGNBD with such a customer among ordinary ones ends quickly, with
	// a fit or an error that wraps a sentinel.
	data := []btyd.Summary{{Frequency: 1 << 45, Recency: 30, T: 39}, {Frequency: 2, Recency: 10, T: 39}, {T: 39}, {Frequency: 1, Recency: 3, T: 20}}
	start := time.Now()
	_, err := btyd.FitBGNBD(data, nil)
	if err != nil && !errors.Is(err, btyd.ErrNotIdentified) && !errors.Is(err, btyd.ErrNotConverged) {
		t.Errorf("FitBGNBD: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("FitBGNBD took %v", d)
	}
}

// The likelihood's closed forms for x > 64 continue the term-by-term sums
// below: the log-likelihood is smooth across the switch.
func TestLogLikelihoodSmallLargeX(t *testing.T) {
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	// mpmath, as in TestLogLikelihoodHugeFrequency, for x = 64 and 65 at
	// t_x = 30, T = 39.
	for _, c := range []struct {
		x    int
		want float64
	}{{64, -33.32891213374154692016469}, {65, -32.73174434701707782498449}} {
		got, err := m.LogLikelihood([]btyd.Summary{{Frequency: c.x, Recency: 30, T: 39}})
		if err != nil || math.Abs(got-c.want) > 1e-12*math.Abs(c.want) {
			t.Errorf("x = %d: LL = %.17g, %v; want %.17g", c.x, got, err, c.want)
		}
	}
}

// A customer whose first purchase is on the calibration end gets T = 0
// from Summarize; the fits used to reject the whole data set.
func TestSummarizeOutputFits(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 10, 0, 0, 0, time.UTC) }
	d := decimal.RequireFromString
	txs := []btyd.Transaction{
		{Customer: "a", Time: day(1), Amount: d("10")},
		{Customer: "a", Time: day(8), Amount: d("12")},
		{Customer: "b", Time: day(2), Amount: d("5")},
		{Customer: "c", Time: day(3), Amount: d("7")},
		{Customer: "c", Time: day(5), Amount: d("0")}, // a free order: mean repeat spend 0
		{Customer: "e", Time: day(4), Amount: d("9")},
		{Customer: "e", Time: day(9), Amount: d("11")},
		{Customer: "late", Time: day(20), Amount: d("30")}, // first purchase on the calibration end
	}
	sums, _, err := btyd.Summarize(txs, 24*time.Hour, day(20), nil)
	if err != nil {
		t.Fatal(err)
	}
	if last := sums[len(sums)-1]; last.Customer != "late" || last.T != 0 || last.Frequency != 0 {
		t.Fatalf("late customer: %+v", last)
	}
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	all, err := m.LogLikelihood(sums)
	if err != nil {
		t.Fatalf("LogLikelihood rejects Summarize's output: %v", err)
	}
	// T = 0 contributes nothing: the same value without the customer.
	if rest, err := m.LogLikelihood(sums[:len(sums)-1]); err != nil || rest != all {
		t.Errorf("LL with the T = 0 customer %v, without %v (%v)", all, rest, err)
	}
	for _, f := range []struct {
		name string
		err  error
	}{
		{"FitBGNBD", func() error { _, err := btyd.FitBGNBD(sums, nil); return err }()},
		{"FitGammaGamma", func() error { _, err := btyd.FitGammaGamma(sums, nil); return err }()},
	} {
		// Four customers need not identify the model; what matters is that
		// no customer is rejected as invalid.
		if errors.Is(f.err, btyd.ErrInvalid) {
			t.Errorf("%s rejects Summarize's output: %v", f.name, f.err)
		}
	}
	if fit, err := btyd.FitBGNBD(sums, &btyd.FitOptions{Penalty: 1}); err != nil || fit.N != 4 {
		t.Errorf("penalised fit: N = %d, %v", fit.N, err)
	}
}

func TestSummarizeEdges(t *testing.T) {
	d := decimal.RequireFromString
	t0 := time.Date(1700, 1, 1, 0, 0, 0, 0, time.UTC)
	// Spans beyond 292 years: Time.Sub saturates at about 292.3 years. By
	// hand, 400 Gregorian years hold 97 leap days: 400·365 + 97 = 146097
	// days (1700→2100 and 2100→2500); 1700→2000 is 300·365 + 72 = 109572
	// days (leap years 1704…1996 less 1800 and 1900). Python's datetime
	// agrees: (date(2000,1,1) − date(1700,1,1)).days = 109572.
	txs := []btyd.Transaction{
		{Customer: "old", Time: t0, Amount: d("1")},
		{Customer: "old", Time: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), Amount: d("2")},
	}
	sums, hold, err := btyd.Summarize(txs, 24*time.Hour, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC),
		&btyd.SummaryOptions{HoldoutEnd: time.Date(2500, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || sums[0].T != 146097 || sums[0].Recency != 109572 || hold[0].Length != 146097 {
		t.Errorf("400-year span: %+v %+v, %v", sums, hold, err)
	}
	// An amount beyond float64 (the models' range): an error naming the
	// transaction.
	huge := decimal.New(1, 400)
	txs = []btyd.Transaction{
		{Customer: "ok", Time: t0, Amount: d("1")},
		{Customer: "whale", Time: t0, Amount: d("1")},
		{Customer: "whale", Time: t0.AddDate(0, 0, 3), Amount: huge},
	}
	_, _, err = btyd.Summarize(txs, 24*time.Hour, t0.AddDate(0, 0, 10), nil)
	if !errors.Is(err, btyd.ErrInvalid) || !strings.Contains(err.Error(), "transaction 2") || !strings.Contains(err.Error(), "1e400") {
		t.Errorf("amount 1e400: %v", err)
	}
	// Empty input is ErrEmpty everywhere.
	if _, _, err := btyd.Summarize(nil, time.Hour, t0, nil); !errors.Is(err, btyd.ErrEmpty) {
		t.Errorf("Summarize(nil): %v", err)
	}
	if _, err := btyd.FitBGNBD([]btyd.Summary{}, nil); !errors.Is(err, btyd.ErrEmpty) {
		t.Errorf("FitBGNBD(empty): %v", err)
	}
	if _, err := btyd.FitGammaGamma(nil, nil); !errors.Is(err, btyd.ErrEmpty) {
		t.Errorf("FitGammaGamma(nil): %v", err)
	}
	if _, err := btyd.FitSBG(nil, nil); !errors.Is(err, btyd.ErrEmpty) {
		t.Errorf("FitSBG(nil): %v", err)
	}
	if _, err := (btyd.BGNBD{R: 1, Alpha: 1, A: 1, B: 1}).LogLikelihood(nil); !errors.Is(err, btyd.ErrEmpty) {
		t.Errorf("LogLikelihood(nil): %v", err)
	}
}

// Every error starts with "btyd: " exactly once and wraps a sentinel; the
// ones about a customer name its index.
func TestErrorMessages(t *testing.T) {
	m := btyd.BGNBD{R: 1, Alpha: 1, A: 1, B: 1}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	seven := []btyd.Summary{{Frequency: 1, Recency: 1, T: 5}, {Frequency: 1, Recency: 6, T: 5}}
	cases := []struct {
		name     string
		err      error
		sentinel error
		mention  string
	}{
		{"FitSBG empty", second(btyd.FitSBG(nil, nil)), btyd.ErrEmpty, "survivor"},
		{"FitSBG one count", second(btyd.FitSBG([]int64{5}, nil)), btyd.ErrLength, "two"},
		{"FitSBG rising", second(btyd.FitSBG([]int64{5, 6}, nil)), btyd.ErrInvalid, "survivors[1]"},
		{"FitSBG no churn", second(btyd.FitSBG([]int64{5, 5, 5}, nil)), btyd.ErrNotIdentified, "alpha"},
		{"FitSBG penalty", second(btyd.FitSBG([]int64{5, 4, 3}, &btyd.FitOptions{Penalty: -1})), btyd.ErrInvalid, "Penalty"},
		{"FitSBG start", second(btyd.FitSBG([]int64{5, 4, 3}, &btyd.FitOptions{Start: []float64{1, math.NaN()}})), btyd.ErrInvalid, "beta"},
		{"FitSBG start length", second(btyd.FitSBG([]int64{5, 4, 3}, &btyd.FitOptions{Start: []float64{1}})), btyd.ErrLength, "starting values"},
		{"FitSBG iterations", second(btyd.FitSBG([]int64{5, 4, 3}, &btyd.FitOptions{MaxIterations: -1})), btyd.ErrInvalid, "MaxIterations"},
		{"FitBGNBD customer", second(btyd.FitBGNBD(seven, nil)), btyd.ErrInvalid, "customer 1"},
		{"FitBGNBD named customer", second(btyd.FitBGNBD([]btyd.Summary{{Customer: "x7", Frequency: -1, T: 1}}, nil)), btyd.ErrInvalid, `"x7"`},
		{"FitBGNBD no repeat", second(btyd.FitBGNBD([]btyd.Summary{{T: 3}}, nil)), btyd.ErrNotIdentified, "repeat"},
		{"FitBGNBD iterations", second(btyd.FitBGNBD([]btyd.Summary{{Frequency: 2, Recency: 3, T: 5}, {T: 4}}, &btyd.FitOptions{MaxIterations: 1})), btyd.ErrNotConverged, "iteration"},
		{"LogLikelihood params", second(btyd.BGNBD{}.LogLikelihood(seven)), btyd.ErrInvalid, "BG/NBD"},
		{"LogLikelihood data", second(m.LogLikelihood(seven)), btyd.ErrInvalid, "customer 1"},
		{"FitGammaGamma spend", second(btyd.FitGammaGamma([]btyd.Summary{{Frequency: 1, Recency: 1, T: 2, MeanSpend: money("1e400")}}, nil)), btyd.ErrInvalid, "customer 0"},
		{"FitGammaGamma negative spend", second(btyd.FitGammaGamma([]btyd.Summary{{Frequency: 1, Recency: 1, T: 2, MeanSpend: money("-5")}}, nil)), btyd.ErrInvalid, "mean spend -5"},
		{"ExpectedSpend q", second(btyd.GammaGamma{P: 1, Q: 1, V: 1}.ExpectedSpend()), btyd.ErrInvalid, "q = 1"},
		{"ConditionalSpend spend", second(btyd.GammaGamma{P: 1, Q: 2, V: 1}.ConditionalSpend(btyd.Summary{Frequency: 1})), btyd.ErrInvalid, "mean spend 0"},
		{"ValueInput margin", btyd.ValueInput{Periods: 1, PeriodLength: 1, Margin: 30}.Validate(), btyd.ErrInvalid, "margin 30"},
		{"CustomerValue nil", second(btyd.CustomerValue(nil, btyd.GammaGamma{P: 1, Q: 2, V: 1}, btyd.Summary{}, btyd.ValueInput{Periods: 1, PeriodLength: 1})), btyd.ErrInvalid, "purchase model is nil"},
		{"FitGammaGamma none", second(btyd.FitGammaGamma([]btyd.Summary{{T: 2}}, nil)), btyd.ErrNotIdentified, "repeat"},
		{"Summarize empty", third(btyd.Summarize(nil, time.Hour, t0, nil)), btyd.ErrEmpty, "no transactions"},
		{"Summarize unit", third(btyd.Summarize([]btyd.Transaction{{Customer: "a", Time: t0}}, 0, t0, nil)), btyd.ErrInvalid, "unit"},
		{"Summarize tx", third(btyd.Summarize([]btyd.Transaction{{Customer: "a", Time: t0}, {Time: t0}}, time.Hour, t0, nil)), btyd.ErrInvalid, "transaction 1"},
	}
	for _, c := range cases {
		if c.err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		msg := c.err.Error()
		if !strings.HasPrefix(msg, "btyd: ") || strings.Count(msg, "btyd:") != 1 {
			t.Errorf("%s: prefix not exactly once: %q", c.name, msg)
		}
		if !errors.Is(c.err, c.sentinel) {
			t.Errorf("%s: %q does not wrap %v", c.name, msg, c.sentinel)
		}
		if !strings.Contains(msg, c.mention) {
			t.Errorf("%s: %q does not mention %q", c.name, msg, c.mention)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func third[T, U any](_ T, _ U, err error) error { return err }

// Fits and likelihoods only read their arguments: concurrent calls on the
// same data agree (run with -race).
func TestConcurrentFits(t *testing.T) {
	data := cdnow(t)[:300]
	want, err := btyd.FitBGNBD(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := want.BGNBD
	done := make(chan btyd.BGNBDFit)
	for i := 0; i < 3; i++ {
		go func() {
			fit, _ := btyd.FitBGNBD(data, nil)
			_, _ = m.LogLikelihood(data)
			done <- fit
		}()
	}
	for i := 0; i < 3; i++ {
		if got := <-done; got.BGNBD != want.BGNBD || got.LogLik != want.LogLik {
			t.Errorf("concurrent fit %+v, want %+v", got.BGNBD, want.BGNBD)
		}
	}
}
