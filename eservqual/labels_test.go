package eservqual_test

import (
	"encoding/json"
	"testing"

	"github.com/cxlab/satisfaction/eservqual"
	"github.com/cxlab/satisfaction/servqual"
)

// checkLabels checks that an instrument and every dimension, item and
// outcome of it has an English and a Chinese label, and that no two
// items share one.
func checkLabels(t *testing.T, in *servqual.Instrument, name, chinese string) {
	t.Helper()
	if in.Name() != name || in.Chinese() != chinese {
		t.Errorf("instrument %q / %q, want %q / %q", in.Name(), in.Chinese(), name, chinese)
	}
	for _, d := range in.Dimensions() {
		if d.Key == "" || d.Name == "" || d.Chinese == "" {
			t.Errorf("%s dimension %+v lacks a label", name, d)
		}
	}
	seen := map[string]string{}
	for _, it := range in.Items() {
		if it.Key == "" || it.Name == "" || it.Chinese == "" {
			t.Errorf("%s item %+v lacks a label", name, it)
		}
		for _, l := range []string{it.Name, it.Chinese} {
			if k, dup := seen[l]; dup {
				t.Errorf("%s items %s and %s share the label %q", name, k, it.Key, l)
			}
			seen[l] = it.Key
		}
	}
	for _, o := range in.Outcomes() {
		if o.Key == "" || o.Name == "" || o.Chinese == "" {
			t.Errorf("%s outcome %+v lacks a label", name, o)
		}
	}
}

func TestLabelsESQUAL(t *testing.T) {
	in := eservqual.ESQUAL()
	checkLabels(t, in, "E-S-QUAL", "E-S-QUAL 电子服务质量量表")
	want := map[string][2]string{
		"EFF1": {"finding things is easy", "容易找到所需内容"},
		"SYS3": {"does not crash", "网站不会崩溃"},
		"FUL4": {"sends the items ordered", "送来所订商品"},
		"PRI3": {"payment details protected", "支付信息受保护"},
	}
	for key, w := range want {
		it := in.Item(in.ItemIndex(key))
		if it.Name != w[0] || it.Chinese != w[1] {
			t.Errorf("%s = %q / %q, want %q / %q", key, it.Name, it.Chinese, w[0], w[1])
		}
	}
	for key, zh := range map[string]string{"efficiency": "高效性", "system_availability": "可用性", "fulfillment": "履责性", "privacy": "隐私性"} {
		if d := in.Dimension(in.DimensionIndex(key)); d.Chinese != zh {
			t.Errorf("dimension %s Chinese %q, want %q", key, d.Chinese, zh)
		}
	}
	for key, w := range map[string][2]string{eservqual.OutcomeValue: {"perceived value", "感知价值"}, eservqual.OutcomeLoyalty: {"loyalty intentions", "忠诚意向"}} {
		if o := in.Outcome(in.OutcomeIndex(key)); o.Name != w[0] || o.Chinese != w[1] {
			t.Errorf("outcome %s = %q / %q", key, o.Name, o.Chinese)
		}
	}
}

func TestLabelsERecSQUAL(t *testing.T) {
	in := eservqual.ERecSQUAL()
	checkLabels(t, in, "E-RecS-QUAL", "E-RecS-QUAL 电子服务补救质量量表")
	for key, zh := range map[string]string{"responsiveness": "响应性", "compensation": "补偿性", "contact": "联系性"} {
		if d := in.Dimension(in.DimensionIndex(key)); d.Chinese != zh {
			t.Errorf("dimension %s Chinese %q, want %q", key, d.Chinese, zh)
		}
	}
	if it := in.Item(in.ItemIndex("CON3")); it.Chinese != "能联系到真人客服" {
		t.Errorf("CON3 Chinese %q", it.Chinese)
	}
}

func TestLabelsTRI(t *testing.T) {
	in := eservqual.TRI()
	checkLabels(t, in, "TRI 2.0", "技术准备指数 TRI 2.0")
	if it := in.Item(0); it.Name != "Optimism item 1" || it.Chinese != "乐观性 第1题" {
		t.Errorf("OPT1 = %q / %q", it.Name, it.Chinese)
	}
	if it := in.Item(15); it.Name != "Insecurity item 4" || it.Chinese != "不安全感 第4题" {
		t.Errorf("INS4 = %q / %q", it.Name, it.Chinese)
	}
}

// TestLabelsInReports: a report carries the labels, so a caller prints
// them without looking keys up, and they survive JSON.
func TestLabelsInReports(t *testing.T) {
	rep := eservqual.NewRecoverySample(nil).Report()
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var back eservqual.RecoveryReport
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Dimensions) != 3 || back.Dimensions[0].Chinese != "响应性" {
		t.Errorf("recovery report dimensions %+v", back.Dimensions)
	}
}

// TestReferenceSharesInstrument: every published share says which TRI
// version it was measured with, so TRI 1.0 ranges and TRI 2.0 points are
// never printed side by side unexplained. The TRI 2.0 survey's five shares
// (Parasuraman & Colby 2015: 21 + 20 + 32 + 13 + 14 = 100%) cover the
// population.
func TestReferenceSharesInstrument(t *testing.T) {
	var sum2 float64
	for i, r := range eservqual.ReferenceShares() {
		want := "TRI 2.0"
		if i < 2 {
			want = "TRI 1.0"
		}
		if r.Instrument != want || r.Source == "" || !(r.Low <= r.High) {
			t.Errorf("row %d = %+v, want instrument %s", i, r, want)
		}
		if r.Instrument == "TRI 2.0" {
			sum2 += r.Low
		}
	}
	if sum2 < 1-1e-12 || sum2 > 1+1e-12 {
		t.Errorf("TRI 2.0 shares sum to %v, want 1", sum2)
	}
}
