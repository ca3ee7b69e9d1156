package pls_test

import (
	"math"
	"reflect"
	"testing"

	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestJSONRoundTrip encodes every exported result type in its zero,
// empty, one-element and typical states, and decodes it back to an equal
// value (NaN ↔ null).
func TestJSONRoundTrip(t *testing.T) {
	m := twoByTwo(t)
	typical, err := m.FitMoments(handMoments(), &pls.Options{Consistent: true})
	if err != nil {
		t.Fatal(err)
	}
	_, all := readCSV(t, "testdata/mixed.csv")
	mixed, _ := pls.NewModel(mixedSpec())
	fitted, err := mixed.Fit(all[:30], &pls.Options{Consistent: true})
	if err != nil {
		t.Fatal(err)
	}
	bs, err := mixed.Bootstrap(all[:30], nil, &pls.BootstrapOptions{Resamples: 20, Seed: 1, Scale: &pls.Scale{Min: 0, Max: 9}})
	if err != nil {
		t.Fatal(err)
	}
	ipma, err := typical.IPMA("Y", pls.Scale{Min: 1, Max: 10})
	if err != nil {
		t.Fatal(err)
	}
	nan := math.NaN()
	values := []any{
		pls.Result{}, *typical, *fitted, pls.Result{Constructs: []pls.ConstructResult{}},
		pls.ConstructResult{}, typical.Constructs[0], pls.ConstructResult{R2: nan, AdjR2: math.Inf(1), Alpha: math.Inf(-1)},
		pls.IndicatorResult{}, typical.Indicators[0], pls.IndicatorResult{Mean: nan, CrossLoadings: []float64{nan}},
		pls.PathResult{}, typical.Paths[0], pls.Effect{}, typical.Effects[0],
		pls.PairResult{}, typical.Discriminant[0], pls.PairResult{HTMT: nan, Reason: "x"},
		pls.Consistent{}, *typical.Consistent,
		pls.Moments{}, pls.Moments{N: 1, Mean: []float64{nan}, Cov: [][]float64{{nan}}}, handMoments(),
		pls.Bootstrap{}, *bs, pls.Interval{}, bs.Paths[0], pls.Interval{BCaLower: nan},
		pls.IPMA{}, ipma, pls.IPMAPoint{}, ipma.Constructs[0], pls.IPMAPoint{Performance: nan},
		pls.Scale{}, pls.Scale{Min: 1, Max: 7}, pls.Scale{Min: nan}, pls.Spec{}, mixed.Spec(), pls.Construct{}, pls.Path{From: "a", To: "b"},
		pls.Options{Tolerance: nan}, pls.Options{Scheme: pls.SchemeFactorial, Missing: pls.Pairwise, Consistent: true, Level: 0.9},
		pls.BootstrapOptions{Seed: 3, BCa: true},
	}
	for i, v := range values {
		b, err := jsonMarshal(v)
		if err != nil {
			t.Fatalf("%d %T: marshal: %v", i, v, err)
		}
		p := reflect.New(reflect.TypeOf(v))
		if err := jsonUnmarshal(b, p.Interface()); err != nil {
			t.Fatalf("%d %T: unmarshal %s: %v", i, v, b, err)
		}
		got := p.Elem().Interface()
		// Infinities come back as NaN (both encode as null).
		want := infToNaN(v)
		if d := cmp.Diff(want, got, cmpopts.EquateNaNs(), cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%d %T: round trip (-want +got):\n%s\n%s", i, v, d, b)
		}
	}
}

// infToNaN returns a copy of v with ±Inf floats replaced by NaN.
func infToNaN(v any) any {
	var walk func(x reflect.Value) reflect.Value
	walk = func(x reflect.Value) reflect.Value {
		switch x.Kind() {
		case reflect.Float64:
			if math.IsInf(x.Float(), 0) {
				return reflect.ValueOf(math.NaN())
			}
		case reflect.Struct:
			c := reflect.New(x.Type()).Elem()
			c.Set(x)
			for i := range x.NumField() {
				if c.Field(i).CanSet() {
					c.Field(i).Set(walk(x.Field(i)))
				}
			}
			return c
		case reflect.Slice:
			if x.IsNil() {
				return x
			}
			c := reflect.MakeSlice(x.Type(), x.Len(), x.Len())
			for i := range x.Len() {
				c.Index(i).Set(walk(x.Index(i)))
			}
			return c
		case reflect.Pointer:
			if x.IsNil() {
				return x
			}
			c := reflect.New(x.Type().Elem())
			c.Elem().Set(walk(x.Elem()))
			return c
		}
		return x
	}
	return walk(reflect.ValueOf(v)).Interface()
}
