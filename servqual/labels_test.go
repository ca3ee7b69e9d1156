package servqual_test

import (
	"encoding"
	"errors"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
)

// textEnum is an enumeration with the module's three text forms.
type textEnum interface {
	encoding.TextMarshaler
	String() string
	Chinese() string
}

// TestEnumLabels: every value of every enumeration has a token, an English
// and a Chinese label, and each of the three (also upper-cased, and the
// token with spaces for underscores) reads back as the same value.
func TestEnumLabels(t *testing.T) {
	type row struct {
		v                       textEnum
		token, english, chinese string
		parse                   func(string) (textEnum, error)
	}
	pm := func(s string) (textEnum, error) {
		var m servqual.Measure = 9
		err := m.UnmarshalText([]byte(s))
		return m, err
	}
	pz := func(s string) (textEnum, error) {
		var z servqual.Zone = 9
		err := z.UnmarshalText([]byte(s))
		return z, err
	}
	pq := func(s string) (textEnum, error) {
		var q servqual.Quadrant = 9
		err := q.UnmarshalText([]byte(s))
		return q, err
	}
	rows := []row{
		{servqual.Gap, "gap", "gap (P − E)", "差距", pm},
		{servqual.Perception, "perception", "perception", "感知", pm},
		{servqual.Expectation, "expectation", "expectation", "期望", pm},
		{servqual.Adequacy, "adequacy", "service adequacy (MSA)", "服务充分性", pm},
		{servqual.Superiority, "superiority", "service superiority (MSS)", "服务优越性", pm},
		{servqual.ZoneUnknown, "unknown", "unknown", "未知", pz},
		{servqual.BelowZone, "below", "below the zone of tolerance", "低于容忍区", pz},
		{servqual.InZone, "inside", "inside the zone of tolerance", "容忍区内", pz},
		{servqual.AboveZone, "above", "above the zone of tolerance", "高于容忍区", pz},
		{servqual.QuadrantUnknown, "unknown", "unknown", "未知", pq},
		{servqual.ConcentrateHere, "concentrate_here", "concentrate here", "重点改进区", pq},
		{servqual.KeepUpTheGoodWork, "keep_up_the_good_work", "keep up the good work", "继续保持区", pq},
		{servqual.LowPriority, "low_priority", "low priority", "低优先区", pq},
		{servqual.PossibleOverkill, "possible_overkill", "possible overkill", "过度投入区", pq},
	}
	for _, r := range rows {
		b, err := r.v.MarshalText()
		if err != nil || string(b) != r.token || r.v.String() != r.english || r.v.Chinese() != r.chinese {
			t.Errorf("%T %v: token %q (%v), English %q, Chinese %q; want %q, %q, %q", r.v, r.v, b, err, r.v.String(), r.v.Chinese(), r.token, r.english, r.chinese)
		}
		for _, s := range []string{r.token, r.english, r.chinese, strings.ToUpper(r.english), strings.ReplaceAll(r.token, "_", " "), " " + r.token + " "} {
			got, err := r.parse(s)
			if err != nil || got != r.v {
				t.Errorf("%T: UnmarshalText(%q) = %v, %v; want %v", r.v, s, got, err, r.v)
			}
		}
	}
	// Aliases and the empty text.
	for s, want := range map[string]servqual.Measure{"servperf": servqual.Perception, "MSA": servqual.Adequacy, "mss": servqual.Superiority} {
		if got, err := pm(s); err != nil || got != want {
			t.Errorf("Measure %q = %v, %v", s, got, err)
		}
	}
	for _, p := range []func(string) (textEnum, error){pz, pq} {
		if got, err := p(""); err != nil || got.String() != "unknown" {
			t.Errorf("empty text = %v, %v; want unknown", got, err)
		}
	}
	// The zero Measure is Gap, a real value: "" is an error, not Gap.
	if got, err := pm(""); !errors.Is(err, servqual.ErrArgument) || got != servqual.Measure(9) {
		t.Errorf("Measure \"\" = %v, %v", got, err)
	}
	// Unknown text is an error that changes nothing.
	for _, s := range []string{"gap!", "差", "low-priority-x", "\xff"} {
		for _, p := range []func(string) (textEnum, error){pm, pz, pq} {
			got, err := p(s)
			if !errors.Is(err, servqual.ErrArgument) || strings.Count(err.Error(), "servqual: ") != 1 || !strings.HasPrefix(err.Error(), "servqual: ") {
				t.Errorf("%q: %v", s, err)
			}
			if g := got.String(); g != "Measure(9)" && g != "Zone(9)" && g != "Quadrant(9)" {
				t.Errorf("%q: value changed to %v", s, got)
			}
		}
	}
	// Out of range.
	for _, v := range []textEnum{servqual.Measure(-1), servqual.Zone(4), servqual.Quadrant(5)} {
		if _, err := v.MarshalText(); !errors.Is(err, servqual.ErrArgument) || v.Chinese() != "" {
			t.Errorf("%v: MarshalText %v, Chinese %q", v, err, v.Chinese())
		}
	}
}

// TestBuiltinChineseLabels: the SERVQUAL presets label the instrument,
// every dimension, item and outcome in English and Chinese, and a report
// copies the labels.
func TestBuiltinChineseLabels(t *testing.T) {
	for _, in := range []*servqual.Instrument{servqual.SERVQUAL(), servqual.SERVQUAL1988()} {
		if in.Name() == "" || !strings.Contains(in.Chinese(), "服务质量量表") {
			t.Errorf("instrument %q: Chinese %q", in.Name(), in.Chinese())
		}
		for _, d := range in.Dimensions() {
			if d.Name == "" || d.Chinese == "" {
				t.Errorf("%s: dimension %+v", in.Name(), d)
			}
		}
		for _, it := range in.Items() {
			if it.Name == "" || it.Chinese == "" {
				t.Errorf("%s: item %+v", in.Name(), it)
			}
		}
		for _, o := range in.Outcomes() {
			if o.Name == "" || o.Chinese == "" {
				t.Errorf("%s: outcome %+v", in.Name(), o)
			}
		}
	}
	in := servqual.SERVQUAL()
	if in.Item(8).Chinese != "记录准确无误" || in.Outcome(0).Chinese != "总体服务质量" {
		t.Errorf("Q9 %q, overall %q", in.Item(8).Chinese, in.Outcome(0).Chinese)
	}
	rep, err := servqual.Analyze(in, []servqual.Response{{Perception: fill(22, 5), Outcomes: []float64{6}}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.InstrumentChinese != in.Chinese() {
		t.Errorf("report instrument Chinese %q", rep.InstrumentChinese)
	}
	if it := rep.Item("Q9"); it == nil || it.Chinese != "记录准确无误" || it.Name != "error-free records" {
		t.Errorf("report item Q9: %+v", it)
	}
	if o := rep.Outcome("overall"); o == nil || o.Chinese != "总体服务质量" {
		t.Errorf("report outcome: %+v", o)
	}
}
