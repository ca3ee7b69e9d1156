package ep_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/google/go-cmp/cmp"
)

func TestCompareBoundaries(t *testing.T) {
	epm := ep.EPModel()        // t = 0.5, δ = 1.5, σ = 1.5, confirmed neutral
	kotler := ep.KotlerModel() // t = 0.5, δ = 0.5, σ = 1.5, confirmed satisfied
	ratio := ep.Model{Form: ep.Ratio, Tolerance: 0.125, Delight: 0.25, Severe: 0.5, Confirmed: ep.Neutral}
	tests := []struct {
		name string
		m    ep.Model
		e, p float64
		d    float64 // hand-computed disconfirmation
		want ep.Level
	}{
		// EP preset, E = 4: cut points at d = −1.5, −0.5, 0.5, 1.5.
		{"ep far below", epm, 4, 2.25, -1.75, ep.VeryDissatisfied},
		{"ep on severe cut", epm, 4, 2.5, -1.5, ep.Dissatisfied},
		{"ep below band", epm, 4, 3.25, -0.75, ep.Dissatisfied},
		{"ep on lower band edge", epm, 4, 3.5, -0.5, ep.Neutral},
		{"ep exact", epm, 4, 4, 0, ep.Neutral},
		{"ep on upper band edge", epm, 4, 4.5, 0.5, ep.Neutral},
		{"ep above band", epm, 4, 4.75, 0.75, ep.Satisfied},
		{"ep on delight cut", epm, 4, 5.5, 1.5, ep.Satisfied},
		{"ep beyond delight", epm, 4, 5.75, 1.75, ep.Delighted},
		// Kotler preset, E = 4: confirmed = satisfied, every excess delights.
		{"kotler far below", kotler, 4, 2.25, -1.75, ep.VeryDissatisfied},
		{"kotler on severe cut", kotler, 4, 2.5, -1.5, ep.Dissatisfied},
		{"kotler below band", kotler, 4, 3.25, -0.75, ep.Dissatisfied},
		{"kotler on lower band edge", kotler, 4, 3.5, -0.5, ep.Satisfied},
		{"kotler on upper band edge", kotler, 4, 4.5, 0.5, ep.Satisfied},
		{"kotler above band", kotler, 4, 4.75, 0.75, ep.Delighted},
		// Ratio form, E = 8: d = P/8 − 1, cut points at −0.5, −0.125, 0.125, 0.25.
		{"ratio zero performance", ratio, 8, 0, -1, ep.VeryDissatisfied},
		{"ratio below severe", ratio, 8, 3.5, -0.5625, ep.VeryDissatisfied},
		{"ratio on severe cut", ratio, 8, 4, -0.5, ep.Dissatisfied},
		{"ratio below band", ratio, 8, 6.5, -0.1875, ep.Dissatisfied},
		{"ratio on lower band edge", ratio, 8, 7, -0.125, ep.Neutral},
		{"ratio on upper band edge", ratio, 8, 9, 0.125, ep.Neutral},
		{"ratio above band", ratio, 8, 9.5, 0.1875, ep.Satisfied},
		{"ratio on delight cut", ratio, 8, 10, 0.25, ep.Satisfied},
		{"ratio beyond delight", ratio, 8, 10.5, 0.3125, ep.Delighted},
	}
	for _, tt := range tests {
		got, err := tt.m.Compare(tt.e, tt.p)
		if err != nil {
			t.Errorf("%s: Compare(%v, %v) error %v", tt.name, tt.e, tt.p, err)
			continue
		}
		want := ep.Outcome{Expectation: tt.e, Performance: tt.p, Disconfirmation: tt.d, Level: tt.want}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: Compare(%v, %v) mismatch (-want +got):\n%s", tt.name, tt.e, tt.p, d)
		}
	}
}

func TestCompareErrors(t *testing.T) {
	ratio := ep.Model{Form: ep.Ratio, Tolerance: 0.1, Delight: 0.2, Severe: 0.2, Confirmed: ep.Neutral}
	tests := []struct {
		name string
		m    ep.Model
		e, p float64
		want error
	}{
		{"NaN expectation", ep.EPModel(), math.NaN(), 4, ep.ErrInvalid},
		{"Inf performance", ep.EPModel(), 4, math.Inf(1), ep.ErrInvalid},
		{"overflow", ep.EPModel(), -math.MaxFloat64, math.MaxFloat64, ep.ErrInvalid},
		{"ratio zero expectation", ratio, 0, 4, ep.ErrInvalid},
		{"ratio negative performance", ratio, 4, -1, ep.ErrInvalid},
		{"ratio overflow", ratio, 1e-300, 1e300, ep.ErrInvalid},
		{"zero model", ep.Model{}, 4, 4, ep.ErrModel},
		{"negative tolerance", ep.Model{Tolerance: -1, Delight: 1, Severe: 1, Confirmed: ep.Neutral}, 4, 4, ep.ErrModel},
		{"delight inside band", ep.Model{Tolerance: 1, Delight: 0.5, Severe: 1, Confirmed: ep.Neutral}, 4, 4, ep.ErrModel},
		{"severe inside band", ep.Model{Tolerance: 1, Delight: 1, Severe: 0.5, Confirmed: ep.Neutral}, 4, 4, ep.ErrModel},
		{"NaN delight", ep.Model{Tolerance: 0, Delight: math.NaN(), Severe: 1, Confirmed: ep.Neutral}, 4, 4, ep.ErrModel},
		{"Inf severe", ep.Model{Tolerance: 0, Delight: 1, Severe: math.Inf(1), Confirmed: ep.Neutral}, 4, 4, ep.ErrModel},
		{"bad form", ep.Model{Form: 7, Delight: 1, Severe: 1, Confirmed: ep.Neutral}, 4, 4, ep.ErrModel},
		{"delighted as confirmed", ep.Model{Delight: 1, Severe: 1, Confirmed: ep.Delighted}, 4, 4, ep.ErrModel},
	}
	for _, tt := range tests {
		got, err := tt.m.Compare(tt.e, tt.p)
		if !errors.Is(err, tt.want) || got != (ep.Outcome{}) {
			t.Errorf("%s: Compare(%v, %v) = %+v, %v; want zero Outcome and %v", tt.name, tt.e, tt.p, got, err, tt.want)
		}
	}
	for _, m := range []ep.Model{ep.EPModel(), ep.KotlerModel()} {
		if err := m.Validate(); err != nil {
			t.Errorf("preset %+v invalid: %v", m, err)
		}
	}
}

func TestFormText(t *testing.T) {
	for _, f := range []ep.Form{ep.Subtractive, ep.Ratio} {
		b, err := f.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back ep.Form = 9
		if err := back.UnmarshalText(b); err != nil || back != f {
			t.Errorf("round trip of %v: %v, %v", f, back, err)
		}
	}
	var f ep.Form
	if err := f.UnmarshalText([]byte("log")); !errors.Is(err, ep.ErrModel) || f != ep.Subtractive {
		t.Errorf("UnmarshalText(log) = %v, %v", f, err)
	}
	if _, err := ep.Form(5).MarshalText(); err == nil || ep.Form(5).String() != "Form(5)" {
		t.Errorf("Form(5) marshalled without error")
	}
}

// FuzzCompare checks that Compare never panics, rejects non-finite input,
// and that for a fixed expectation the level never falls as performance
// rises.
func FuzzCompare(f *testing.F) {
	f.Add(4.0, 3.0, 5.0, 0.5, 1.5, 1.5, false, false)
	f.Add(4.0, 3.5, 4.5, 0.5, 0.5, 1.5, true, false)
	f.Add(8.0, 0.0, 100.0, 0.125, 0.25, 0.5, false, true)
	f.Add(math.NaN(), 1.0, 2.0, 0.0, 0.0, 0.0, false, false)
	f.Add(1.0, math.Inf(-1), math.Inf(1), 0.0, 0.0, 0.0, false, true)
	f.Add(0.0, 0.0, 0.0, -1.0, 2.0, 2.0, true, true)
	f.Add(1e308, -1e308, 1e308, 1e308, 1e308, 1e308, false, false)
	f.Fuzz(func(t *testing.T, e, p1, p2, tol, delight, severe float64, kotler, ratio bool) {
		m := ep.Model{Tolerance: tol, Delight: delight, Severe: severe, Confirmed: ep.Neutral}
		if kotler {
			m.Confirmed = ep.Satisfied
		}
		if ratio {
			m.Form = ep.Ratio
		}
		if p1 > p2 {
			p1, p2 = p2, p1
		}
		o1, err1 := m.Compare(e, p1)
		o2, err2 := m.Compare(e, p2)
		if m.Validate() != nil {
			if err1 == nil || err2 == nil {
				t.Fatalf("invalid model %+v accepted", m)
			}
			return
		}
		for _, c := range []struct {
			p   float64
			o   ep.Outcome
			err error
		}{{p1, o1, err1}, {p2, o2, err2}} {
			if c.err != nil {
				if !errors.Is(c.err, ep.ErrInvalid) {
					t.Fatalf("Compare(%v, %v) error %v does not wrap ErrInvalid", e, c.p, c.err)
				}
				continue
			}
			if math.IsNaN(c.p) || math.IsInf(c.p, 0) || math.IsNaN(e) || math.IsInf(e, 0) {
				t.Fatalf("Compare(%v, %v) accepted a non-finite value", e, c.p)
			}
			if !c.o.Level.Valid() || math.IsNaN(c.o.Disconfirmation) || math.IsInf(c.o.Disconfirmation, 0) {
				t.Fatalf("Compare(%v, %v) = %+v", e, c.p, c.o)
			}
		}
		if err1 == nil && err2 == nil && o1.Level > o2.Level {
			t.Fatalf("level fell from %v to %v as performance rose from %v to %v (E = %v, model %+v)", o1.Level, o2.Level, p1, p2, e, m)
		}
	})
}
