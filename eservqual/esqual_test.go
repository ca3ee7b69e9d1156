package eservqual_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/eservqual"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
)

func TestInstrumentsLayout(t *testing.T) {
	tests := []struct {
		in      *servqual.Instrument
		items   int
		dims    []string
		chinese []string
		sizes   []int
		first   []string
	}{
		{eservqual.ESQUAL(), 22, []string{"efficiency", "system_availability", "fulfillment", "privacy"},
			[]string{"高效性", "可用性", "履责性", "隐私性"}, []int{8, 4, 7, 3}, []string{"EFF1", "SYS1", "FUL1", "PRI1"}},
		{eservqual.ERecSQUAL(), 11, []string{"responsiveness", "compensation", "contact"},
			[]string{"响应性", "补偿性", "联系性"}, []int{5, 3, 3}, []string{"RES1", "COM1", "CON1"}},
	}
	for _, tt := range tests {
		in := tt.in
		if in.NumItems() != tt.items || in.Scale() != (servqual.Scale{Min: 1, Max: 5}) || in.NumOutcomes() != 2 {
			t.Errorf("%s: %d items, scale %v, %d outcomes", in.Name(), in.NumItems(), in.Scale(), in.NumOutcomes())
		}
		for d, key := range tt.dims {
			items := in.ItemsOf(d)
			if in.Dimension(d).Key != key || in.Dimension(d).Chinese != tt.chinese[d] || len(items) != tt.sizes[d] || in.Item(items[0]).Key != tt.first[d] {
				t.Errorf("%s: dimension %d = %+v with %d items", in.Name(), d, in.Dimension(d), len(items))
			}
		}
		for _, it := range in.Items() {
			if it.Reverse || it.Name == "" {
				t.Errorf("%s: item %+v", in.Name(), it)
			}
		}
	}
}

func fill(n int, v float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func TestRecoverySample(t *testing.T) {
	s := eservqual.NewRecoverySample(eservqual.ERecSQUAL())
	other := eservqual.NewRecoverySample(eservqual.ERecSQUAL())
	// Three customers: two with a problem (all items 4 and all items 2),
	// one without — outside the sample, not missing.
	if err := s.Add(servqual.Response{Perception: fill(11, 4)}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(servqual.Response{}, false); err != nil {
		t.Fatal(err)
	}
	if err := other.Add(servqual.Response{Perception: fill(11, 2)}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(servqual.Response{Perception: fill(11, 9)}, true); err == nil {
		t.Error("off-scale response accepted")
	}
	if err := s.Merge(other); err != nil {
		t.Fatal(err)
	}
	r := s.Report()
	if r.InSample != 2 || r.NotApplicable != 1 || r.Overall.Perception.N != 2 || r.Overall.Perception.Mean != 3 {
		t.Errorf("recovery report: in %d, n/a %d, overall %+v", r.InSample, r.NotApplicable, r.Overall.Perception)
	}
	if s.Accumulator().N() != 2 {
		t.Error("accumulator count")
	}
	if err := s.Merge(eservqual.NewRecoverySample(eservqual.ESQUAL())); err == nil {
		t.Error("merged samples of different instruments")
	}
}

func TestDriverWeights(t *testing.T) {
	// The published ordering (Parasuraman, Zeithaml & Malhotra 2005) as
	// ranks 3, 2, 3, 1 over 9.
	want := []float64{3.0 / 9, 2.0 / 9, 3.0 / 9, 1.0 / 9}
	if d := cmp.Diff(want, eservqual.DefaultDriverWeights()); d != "" {
		t.Errorf("DefaultDriverWeights (-want +got):\n%s", d)
	}
	in := eservqual.ESQUAL()
	acc := servqual.NewAccumulator(in)
	w, est, err := eservqual.DriverWeights(acc, eservqual.OutcomeValue, eservqual.DefaultDriverWeights())
	if err != nil || est || cmp.Diff(want, w) != "" {
		t.Errorf("no data: %v %v %v", w, est, err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for r := 0; r < 200; r++ {
		p := make([]float64, 22)
		var dims [4]float64
		for d := range dims {
			dims[d] = float64(1 + rng.IntN(5))
		}
		for i := range p {
			p[i] = dims[in.DimensionOf(i)]
		}
		// Value depends on efficiency and fulfillment only.
		v := math.Round((dims[0] + dims[2]) / 2)
		if err := acc.Add(servqual.Response{Perception: p, Outcomes: []float64{v, math.NaN()}}); err != nil {
			t.Fatal(err)
		}
	}
	w, est, err = eservqual.DriverWeights(acc, eservqual.OutcomeValue, eservqual.DefaultDriverWeights())
	if err != nil || !est || w[0] < 0.3 || w[2] < 0.3 || w[1] > 0.05 || w[3] > 0.05 {
		t.Errorf("estimated weights %v %v %v", w, est, err)
	}
	if _, _, err := eservqual.DriverWeights(acc, "nps", eservqual.DefaultDriverWeights()); err == nil {
		t.Error("unknown outcome accepted")
	}
	if _, _, err := eservqual.DriverWeights(acc, eservqual.OutcomeValue, []float64{1}); err == nil {
		t.Error("short fallback accepted")
	}
}
