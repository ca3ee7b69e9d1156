package nanjson_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

type color int

func (c color) MarshalText() ([]byte, error) {
	switch c {
	case 0:
		return []byte("none"), nil
	case 1:
		return []byte("red"), nil
	case 2:
		return []byte("blue"), nil
	}
	return nil, errors.New("bad color")
}

func (c *color) UnmarshalText(b []byte) error {
	switch string(b) {
	case "none":
		*c = 0
	case "red":
		*c = 1
	case "blue":
		*c = 2
	default:
		return errors.New("bad color")
	}
	return nil
}

type Inner struct {
	X  float64   `json:"x"`
	Xs []float64 `json:"xs"`
}

// stat opts in the way the library's result types do.
type stat struct {
	Mean float64 `json:"mean"`
	N    int64   `json:"n"`
}

func (s stat) MarshalJSON() ([]byte, error) { type plain stat; return nanjson.Marshal(plain(s)) }
func (s *stat) UnmarshalJSON(b []byte) error {
	type plain stat
	return nanjson.Unmarshal(b, (*plain)(s))
}

type Outer struct {
	Inner
	Name     string             `json:"name"`
	Skip     float64            `json:"-"`
	Omit     float64            `json:"omit,omitempty"`
	Untagged float32            //
	Ptr      *float64           `json:"ptr"`
	Arr      [2]float64         `json:"arr"`
	Map      map[string]float64 `json:"map"`
	ByColor  map[color]int      `json:"by_color"`
	Color    color              `json:"color"`
	Stats    []stat             `json:"stats"`
	Money    decimal.Decimal    `json:"money"`
	When     time.Time          `json:"when"`
	Any      any                `json:"any"`
	Bytes    []byte             `json:"bytes"`
	unexp    int                // never encoded
}

func finiteValue() Outer {
	one := 1.5
	return Outer{
		Inner:    Inner{X: 0.1, Xs: []float64{1, -2e-300, 3e300}},
		Name:     "a <b> & \"c\"",
		Skip:     9,
		Untagged: 2.5,
		Ptr:      &one,
		Arr:      [2]float64{1, 2},
		Map:      map[string]float64{"b": 2, "a": 1},
		ByColor:  map[color]int{1: 3, 2: 4},
		Color:    2,
		Stats:    []stat{{Mean: 1, N: 2}},
		Money:    decimal.RequireFromString("12.34"),
		When:     time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC),
		Any:      map[string]any{"k": []any{1.0, "s", true, nil}},
		Bytes:    []byte("hi"),
		unexp:    1,
	}
}

var cmpOpts = []cmp.Option{
	cmpopts.EquateNaNs(),
	cmpopts.IgnoreUnexported(Outer{}),
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
}

// With finite values the encoding is encoding/json's to the byte, and
// decoding gives what encoding/json gives.
func TestMatchesEncodingJSON(t *testing.T) {
	v := finiteValue()
	want, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	got, err := nanjson.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("Marshal:\n got %s\nwant %s", got, want)
	}
	var a, b Outer
	if err := json.Unmarshal(want, &a); err != nil {
		t.Fatal(err)
	}
	if err := nanjson.Unmarshal(want, &b); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(a, b, cmpOpts...); d != "" {
		t.Errorf("Unmarshal mismatch (-encoding/json +nanjson):\n%s", d)
	}
}

func TestNaNRoundTrip(t *testing.T) {
	v := finiteValue()
	v.Skip = 0
	v.X = math.NaN()
	v.Xs = []float64{math.Inf(1), math.NaN(), 3}
	v.Untagged = float32(math.NaN())
	nan := math.NaN()
	v.Ptr = &nan
	v.Arr = [2]float64{math.Inf(-1), 1}
	v.Map = map[string]float64{"n": math.NaN()}
	v.Stats = []stat{{Mean: math.NaN(), N: 0}}
	b, err := nanjson.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"x":null`, `"xs":[null,null,3]`, `"Untagged":null`, `"ptr":null`,
		`"arr":[null,1]`, `"map":{"n":null}`, `"stats":[{"mean":null,"n":0}]`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("Marshal = %s, want it to contain %s", b, want)
		}
	}
	var back Outer
	if err := nanjson.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	// A null pointer decodes as nil, not as a pointer to NaN: that is
	// encoding/json's rule for pointers, kept here.
	v.Ptr = nil
	v.Arr[0] = math.NaN()
	v.Xs[0] = math.NaN()
	if d := cmp.Diff(v, back, cmpOpts...); d != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", d)
	}
	// The opted-in type on its own.
	s := stat{Mean: math.NaN(), N: 3}
	sb, err := json.Marshal(s)
	if err != nil || string(sb) != `{"mean":null,"n":3}` {
		t.Fatalf("json.Marshal(stat) = %s, %v", sb, err)
	}
	var s2 stat
	if err := json.Unmarshal(sb, &s2); err != nil || !math.IsNaN(s2.Mean) || s2.N != 3 {
		t.Errorf("json.Unmarshal(stat) = %+v, %v", s2, err)
	}
}

func TestUnmarshalErrors(t *testing.T) {
	cases := []struct {
		doc  string
		into any
	}{
		{`{"x": "a"}`, &Inner{}},
		{`{"xs": {}}`, &Inner{}},
		{`{"x": 1e400}`, &Inner{}},
		{`{"n": 1.5}`, &stat{}},
		{`{"n": 99999999999999999999}`, &stat{}},
		{`{"color": "green"}`, &Outer{}},
		{`{"color": 3}`, &Outer{}},
		{`{"by_color": {"green": 1}}`, &Outer{}},
		{`{"x": 1} trailing`, &Inner{}},
		{`{`, &Inner{}},
		{``, &Inner{}},
		{strings.Repeat("[", 20000) + strings.Repeat("]", 20000), new(any)},
	}
	for _, c := range cases {
		if err := nanjson.Unmarshal([]byte(c.doc), c.into); err == nil {
			t.Errorf("Unmarshal(%.40q) = nil error, want one", c.doc)
		}
	}
	if err := nanjson.Unmarshal([]byte(`{}`), nil); err == nil {
		t.Error("Unmarshal into nil = nil error")
	}
	var notPtr Inner
	if err := nanjson.Unmarshal([]byte(`{}`), notPtr); err == nil {
		t.Error("Unmarshal into a non-pointer = nil error")
	}
}

func TestMarshalErrors(t *testing.T) {
	if _, err := nanjson.Marshal(struct{ C chan int }{}); err == nil {
		t.Error("Marshal(chan) = nil error")
	}
	if _, err := nanjson.Marshal(struct{ C color }{C: 7}); err == nil {
		t.Error("Marshal(bad TextMarshaler) = nil error")
	}
	type node struct {
		Next *node `json:"next"`
	}
	n := &node{}
	n.Next = n
	if _, err := nanjson.Marshal(n); err == nil {
		t.Error("Marshal(cycle) = nil error")
	}
	if b, err := nanjson.Marshal(nil); err != nil || string(b) != "null" {
		t.Errorf("Marshal(nil) = %s, %v", b, err)
	}
}

// Embedded structs follow encoding/json's dominance rules.
func TestEmbedding(t *testing.T) {
	type A struct {
		Name string `json:"name"`
		X    int
	}
	type B struct {
		Name string
		X    int
	}
	type C struct {
		A
		*B
		Y int `json:"y"`
	}
	v := C{A: A{Name: "a", X: 1}, B: &B{Name: "b", X: 2}, Y: 3}
	want, _ := json.Marshal(v)
	got, err := nanjson.Marshal(v)
	if err != nil || string(got) != string(want) {
		t.Errorf("Marshal = %s, %v; want %s", got, err, want)
	}
	var back C
	if err := nanjson.Unmarshal(want, &back); err != nil {
		t.Fatal(err)
	}
	if back.A.Name != "a" || back.Y != 3 {
		t.Errorf("Unmarshal = %+v", back)
	}
	v.B = nil
	want, _ = json.Marshal(v)
	got, _ = nanjson.Marshal(v)
	if string(got) != string(want) {
		t.Errorf("nil embedded pointer: Marshal = %s, want %s", got, want)
	}
}

func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{`{"x":null,"xs":[null,1,2]}`, `{"name":"n","map":{"a":null}}`, `null`, `[]`,
		`{"arr":[1,2,3,4]}`, `{"stats":[{"mean":null}]}`, `{"color":"red","by_color":{"blue":1}}`, `{"any":{"a":[1e400]}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		var v Outer
		if err := nanjson.Unmarshal([]byte(doc), &v); err != nil {
			return
		}
		b, err := nanjson.Marshal(v)
		if err != nil {
			// A decoded time or decimal always re-encodes; anything else
			// the decoder accepts must too.
			t.Fatalf("re-encoding %q: %v", doc, err)
		}
		var back Outer
		if err := nanjson.Unmarshal(b, &back); err != nil {
			t.Fatalf("decoding %s: %v", b, err)
		}
	})
}
