package btyd_test

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The result types of the multi-cohort, tenure and BdW fits round-trip
// through JSON in the zero, empty, one-observation and typical states,
// NaN as null.
func TestContractModelsJSONRoundTrip(t *testing.T) {
	nan := math.NaN()
	regular, highEnd := sbgCohorts(t)
	cohorts, err := btyd.FitSBGCohorts([][]int64{regular, highEnd, {100, 60}, {50}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	oneCohort, _ := btyd.FitSBGCohorts([][]int64{regular}, nil) // test undefined: NaN
	single, _ := btyd.FitSBGCohorts([][]int64{{10, 6}}, nil)    // joint not identified
	bdw, err := btyd.FitBdW(highEnd, nil)
	if err != nil {
		t.Fatal(err)
	}
	bdwNone, _ := btyd.FitBdW([]int64{10, 6, 3}, nil) // not identified
	cases := []struct {
		name string
		v    any
	}{
		{"SBGCohortsFit zero", &btyd.SBGCohortsFit{}},
		{"SBGCohortsFit empty", &btyd.SBGCohortsFit{Separate: []btyd.SBGFit{}, SeparateLogLik: nan, Test: btyd.LRTest{Statistic: nan, PValue: nan, Reason: "r"}}},
		{"SBGCohortsFit one cohort", &oneCohort},
		{"SBGCohortsFit one transition", &single},
		{"SBGCohortsFit typical", &cohorts},
		{"BdWFit zero", &btyd.BdWFit{}},
		{"BdWFit not identified", &bdwNone},
		{"BdWFit typical", &bdw},
		{"BdW zero", &btyd.BdW{}},
		{"BdW NaN", &btyd.BdW{Alpha: nan, Beta: 1, C: nan}},
		{"BdW typical", &bdw.BdW},
		{"Tenure zero", &btyd.Tenure{}},
		{"Tenure typical", &btyd.Tenure{Periods: 1 << 40, Active: true}},
	}
	for _, c := range cases {
		b, err := json.Marshal(c.v)
		if err != nil {
			t.Errorf("%s: marshal: %v", c.name, err)
			continue
		}
		if strings.Contains(string(b), "NaN") {
			t.Errorf("%s: NaN in %s", c.name, b)
		}
		back := reflect.New(reflect.TypeOf(c.v).Elem()).Interface()
		if err := json.Unmarshal(b, back); err != nil {
			t.Errorf("%s: unmarshal %s: %v", c.name, b, err)
			continue
		}
		if d := cmp.Diff(c.v, back, cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: round trip (-want +got):\n%s\n%s", c.name, d, b)
		}
	}
	// The embedded model and FitInfo both appear at the top level.
	b, _ := json.Marshal(bdw)
	for _, key := range []string{`"alpha":`, `"c":`, `"log_lik":`, `"sbg":{`, `"test":{`, `"reason":""`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("BdWFit JSON lacks %s: %s", key, b)
		}
	}
}
