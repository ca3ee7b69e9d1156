package btyd_test

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
)

// Every result type round-trips through JSON (encoding/json, which calls
// the types' methods) in the zero value, empty, one-observation and
// typical states; NaN encodes as null and comes back as NaN.
func TestJSONRoundTrip(t *testing.T) {
	nan := math.NaN()
	cdnowFit, err := btyd.FitBGNBD(cdnow(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	oneFit, oneErr := btyd.FitBGNBD([]btyd.Summary{{Frequency: 1, Recency: 1, T: 5}}, nil) // not identified: NaN StdErr
	if oneErr == nil {
		t.Fatal("one customer identified a BG/NBD fit")
	}
	regular, _ := sbgCohorts(t)
	sbgFit, err := btyd.FitSBG(regular, nil)
	if err != nil {
		t.Fatal(err)
	}
	sbgOne, _ := btyd.FitSBG([]int64{10, 6}, nil) // one transition: not identified
	ggFit, err := btyd.FitGammaGamma(cdnow(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	ggNone, _ := btyd.FitGammaGamma([]btyd.Summary{{T: 1}}, nil)
	at := time.Date(1997, 1, 1, 9, 30, 0, 0, time.UTC)
	cases := []struct {
		name string
		v    any // a pointer to the value
	}{
		{"Summary zero", &btyd.Summary{}},
		{"Summary NaN", &btyd.Summary{Frequency: 1, Recency: nan, T: nan}},
		{"Summary typical", &btyd.Summary{Customer: "00004", Frequency: 2, Recency: 30.43, T: 38.86, MeanSpend: money("22.345")}},
		{"Summary huge spend", &btyd.Summary{Frequency: 1, Recency: 1, T: 1, MeanSpend: money("1e400")}},
		{"ValueInput zero", &btyd.ValueInput{}},
		{"ValueInput NaN", &btyd.ValueInput{Periods: 1, PeriodLength: nan, Discount: nan, Margin: nan}},
		{"ValueInput typical", &btyd.ValueInput{Periods: 12, PeriodLength: 52.0 / 12, Discount: 0.01, Margin: 0.3}},
		{"Holdout zero", &btyd.Holdout{}},
		{"Holdout NaN", &btyd.Holdout{Customer: "a", Length: nan}},
		{"Holdout typical", &btyd.Holdout{Customer: "00004", Purchases: 1, Length: 39, Spend: decimal.RequireFromString("26.48")}},
		{"Transaction zero", &btyd.Transaction{}},
		{"Transaction typical", &btyd.Transaction{Customer: "00004", Time: at, Amount: decimal.RequireFromString("29.33")}},
		{"FitInfo zero", &btyd.FitInfo{}},
		{"FitInfo empty", &btyd.FitInfo{StdErr: []float64{}, Unidentified: []string{}}},
		{"FitInfo NaN", &btyd.FitInfo{LogLik: nan, StdErr: []float64{nan, 1, nan}, Unidentified: []string{"a"}, Reason: "why"}},
		{"FitInfo typical", &cdnowFit.FitInfo},
		{"SBGFit zero", &btyd.SBGFit{}},
		{"SBGFit not identified", &sbgOne},
		{"SBGFit typical", &sbgFit},
		{"BGNBDFit zero", &btyd.BGNBDFit{}},
		{"BGNBDFit one customer", &oneFit},
		{"BGNBDFit typical", &cdnowFit},
		{"GammaGammaFit zero", &btyd.GammaGammaFit{}},
		{"GammaGammaFit no repeat buyer", &ggNone},
		{"GammaGammaFit typical", &ggFit},
		{"SBG zero", &btyd.SBG{}},
		{"SBG NaN", &btyd.SBG{Alpha: nan, Beta: 1}},
		{"SBG typical", &sbgFit.SBG},
		{"BGNBD zero", &btyd.BGNBD{}},
		{"BGNBD NaN", &btyd.BGNBD{R: nan, Alpha: nan, A: nan, B: nan}},
		{"BGNBD typical", &cdnowFit.BGNBD},
		{"GammaGamma zero", &btyd.GammaGamma{}},
		{"GammaGamma NaN", &btyd.GammaGamma{P: nan, Q: 1, V: nan}},
		{"GammaGamma typical", &ggFit.GammaGamma},
	}
	opts := cmp.Options{
		cmpopts.EquateNaNs(),
		cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
	}
	for _, c := range cases {
		b, err := json.Marshal(c.v)
		if err != nil {
			t.Errorf("%s: Marshal: %v", c.name, err)
			continue
		}
		back := reflect.New(reflect.TypeOf(c.v).Elem())
		if err := json.Unmarshal(b, back.Interface()); err != nil {
			t.Errorf("%s: Unmarshal(%s): %v", c.name, b, err)
			continue
		}
		if d := cmp.Diff(reflect.ValueOf(c.v).Elem().Interface(), back.Elem().Interface(), opts); d != "" {
			t.Errorf("%s: round trip through %s (-want +got):\n%s", c.name, b, d)
		}
	}
	// The fits flatten into one object, with the standard errors (which
	// were dropped before) and NaN as null.
	b, _ := json.Marshal(oneFit)
	for _, want := range []string{`"r":`, `"log_lik":`, `"std_err":[null,null,null,null]`, `"unidentified":[`, `"reason":"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("BGNBDFit JSON %s lacks %s", b, want)
		}
	}
	// Money is a quoted decimal string.
	b, _ = json.Marshal(btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86, MeanSpend: money("22.345")})
	if !strings.Contains(string(b), `"mean_spend":"22.345"`) {
		t.Errorf("Summary JSON %s lacks the quoted mean spend", b)
	}
	b, _ = json.Marshal(cdnowFit)
	if !strings.Contains(string(b), `"std_err":[0.01`) {
		t.Errorf("BGNBDFit JSON %s lacks the standard errors", b)
	}
}
