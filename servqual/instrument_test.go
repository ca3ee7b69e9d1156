package servqual_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
)

func TestSERVQUALLayout(t *testing.T) {
	wantDims := []struct {
		key, chinese string
		first, last  int
	}{
		{"tangibles", "有形性", 1, 4},
		{"reliability", "可靠性", 5, 9},
		{"responsiveness", "响应性", 10, 13},
		{"assurance", "保证性", 14, 17},
		{"empathy", "移情性", 18, 22},
	}
	for _, in := range []*servqual.Instrument{servqual.SERVQUAL(), servqual.SERVQUAL1988()} {
		if in.NumItems() != 22 || in.NumDimensions() != 5 || in.Scale() != (servqual.Scale{Min: 1, Max: 7}) || in.NumOutcomes() != 1 {
			t.Fatalf("%s: %d items, %d dimensions, scale %v", in.Name(), in.NumItems(), in.NumDimensions(), in.Scale())
		}
		for d, w := range wantDims {
			dim := in.Dimension(d)
			if dim.Key != w.key || dim.Chinese != w.chinese {
				t.Errorf("%s: dimension %d = %+v", in.Name(), d, dim)
			}
			items := in.ItemsOf(d)
			if len(items) != w.last-w.first+1 || items[0] != w.first-1 || items[len(items)-1] != w.last-1 {
				t.Errorf("%s: %s items %v, want Q%d–Q%d", in.Name(), w.key, items, w.first, w.last)
			}
		}
		if in.ItemIndex("Q22") != 21 || in.ItemIndex("Q23") != -1 || in.DimensionOf(9) != 2 {
			t.Errorf("%s: item lookup wrong", in.Name())
		}
	}
	// 1991: every item positive. 1988: Q10–Q13 and Q18–Q22 reversed.
	for i, it := range servqual.SERVQUAL().Items() {
		if it.Reverse || it.Name == "" {
			t.Errorf("1991 item %s: %+v", it.Key, it)
		}
		n := i + 1
		want := n >= 10 && n <= 13 || n >= 18
		if got := servqual.SERVQUAL1988().Item(i).Reverse; got != want {
			t.Errorf("1988 item Q%d reverse = %v, want %v", n, got, want)
		}
	}
}

func TestNewInstrumentValidates(t *testing.T) {
	dims := []servqual.Dimension{{Key: "a"}, {Key: "b"}}
	items := []servqual.Item{{Key: "1", Dimension: "a"}, {Key: "2", Dimension: "b"}}
	good := servqual.Spec{Name: "ok", Scale: servqual.Scale{Min: 1, Max: 5}, Dimensions: dims, Items: items}
	if _, err := servqual.NewInstrument(good); err != nil {
		t.Fatalf("valid spec rejected: %v", err)
	}
	bad := map[string]servqual.Spec{
		"min = max":         {Scale: servqual.Scale{Min: 5, Max: 5}, Dimensions: dims, Items: items},
		"NaN scale":         {Scale: servqual.Scale{Min: math.NaN(), Max: 5}, Dimensions: dims, Items: items},
		"Inf scale":         {Scale: servqual.Scale{Min: 1, Max: math.Inf(1)}, Dimensions: dims, Items: items},
		"no items":          {Scale: good.Scale, Dimensions: dims},
		"empty dimension":   {Scale: good.Scale, Dimensions: append(dims, servqual.Dimension{Key: "c"}), Items: items},
		"duplicate item":    {Scale: good.Scale, Dimensions: dims, Items: append(items, servqual.Item{Key: "1", Dimension: "b"})},
		"duplicate dim":     {Scale: good.Scale, Dimensions: append(dims, servqual.Dimension{Key: "a"}), Items: items},
		"unknown dimension": {Scale: good.Scale, Dimensions: dims, Items: append(items, servqual.Item{Key: "3", Dimension: "z"})},
		"empty item key":    {Scale: good.Scale, Dimensions: dims, Items: append(items, servqual.Item{Dimension: "a"})},
		"empty dim key":     {Scale: good.Scale, Dimensions: append(dims, servqual.Dimension{}), Items: items},
		"bad outcome scale": {Scale: good.Scale, Dimensions: dims, Items: items, Outcomes: []servqual.OutcomeRating{{Key: "o", Scale: servqual.Scale{Min: 2, Max: 1}}}},
		"duplicate outcome": {Scale: good.Scale, Dimensions: dims, Items: items, Outcomes: []servqual.OutcomeRating{{Key: "o", Scale: good.Scale}, {Key: "o", Scale: good.Scale}}},
	}
	for name, spec := range bad {
		if in, err := servqual.NewInstrument(spec); !errors.Is(err, servqual.ErrInstrument) || in != nil {
			t.Errorf("%s: NewInstrument = %v, %v; want ErrInstrument", name, in, err)
		}
	}
}

func TestEnumsText(t *testing.T) {
	for m := servqual.Gap; m < servqual.NumMeasures; m++ {
		b, err := m.MarshalText()
		var back servqual.Measure = 9
		if err != nil || back.UnmarshalText(b) != nil || back != m || m.String() == "" || m.Chinese() == "" {
			t.Errorf("Measure round trip of %v: %q %v", m, b, err)
		}
	}
	var m servqual.Measure
	if m.UnmarshalText([]byte("mss")) != nil || m != servqual.Superiority || m.UnmarshalText([]byte("msa")) != nil || m != servqual.Adequacy {
		t.Error("msa/mss aliases not accepted")
	}
	if m.UnmarshalText([]byte("nope")) == nil || m != servqual.Adequacy {
		t.Error("unknown measure accepted or changed the value")
	}
	if _, err := servqual.Measure(7).MarshalText(); err == nil || servqual.Measure(7).String() != "Measure(7)" {
		t.Error("Measure(7) marshalled")
	}
	for z := servqual.ZoneUnknown; z <= servqual.AboveZone; z++ {
		b, err := z.MarshalText()
		var back servqual.Zone = 9
		if err != nil || back.UnmarshalText(b) != nil || back != z || z.String() == "" || z.Chinese() == "" {
			t.Errorf("Zone round trip of %v: %q %v", z, b, err)
		}
	}
	var z servqual.Zone
	if z.UnmarshalText([]byte("middle")) == nil || z != servqual.ZoneUnknown {
		t.Error("unknown zone accepted")
	}
	if _, err := servqual.Zone(5).MarshalText(); err == nil || servqual.Zone(5).String() != "Zone(5)" {
		t.Error("Zone(5) marshalled")
	}
}

func TestDimensionMeans(t *testing.T) {
	in, err := servqual.NewInstrument(servqual.Spec{
		Name: "partial", Scale: servqual.Scale{Min: 1, Max: 5},
		Dimensions: []servqual.Dimension{{Key: "a"}, {Key: "b"}},
		Items: []servqual.Item{{Key: "a1", Dimension: "a"}, {Key: "a2", Dimension: "a"}, {Key: "a3", Dimension: "a", Reverse: true},
			{Key: "b1", Dimension: "b"}, {Key: "b2", Dimension: "b"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	nan := math.NaN()
	// a: 4, NaN, 2 reversed to 6 − 2 = 4 → mean (4+4)/2 = 4 from 2 answers;
	// b: 3, NaN → 3 from one answer.
	means, answered, err := in.DimensionMeans([]float64{4, nan, 2, 3, nan}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if means[0] != 4 || answered[0] != 2 || !math.IsNaN(means[1]) || answered[1] != 1 {
		t.Errorf("min 2: means %v answered %v", means, answered)
	}
	means, _, _ = in.DimensionMeans([]float64{4, nan, 2, 3, nan}, 1)
	if means[1] != 3 {
		t.Errorf("min 1: means %v", means)
	}
	means, _, _ = in.DimensionMeans([]float64{4, nan, 2, 3, 5}, 0)
	if !math.IsNaN(means[0]) || means[1] != 4 {
		t.Errorf("min 0 (all): means %v", means)
	}
	for _, bad := range [][]float64{nil, {1, 2, 3}, {1, 2, 3, 4, 6}, {1, 2, 3, 4, math.Inf(-1)}} {
		if _, _, err := in.DimensionMeans(bad, 1); !errors.Is(err, servqual.ErrLength) && !errors.Is(err, servqual.ErrOutOfScale) {
			t.Errorf("DimensionMeans(%v) error %v", bad, err)
		}
	}
}
