package chart_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"github.com/cxlab/satisfaction/chart"
	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/cxlab/satisfaction/servqual/pls"
	"github.com/shopspring/decimal"
	"gonum.org/v1/plot"
)

// Further colours of the marks (Okabe & Ito bluish green).
const aboveFill = "fill:#009E73"

// keep writes p as PNG to $CHART_PNG_DIR/name.png when that is set, to
// look at the chart.
func keep(t *testing.T, name string, p *plot.Plot) {
	t.Helper()
	dir := os.Getenv("CHART_PNG_DIR")
	if dir == "" {
		return
	}
	var b bytes.Buffer
	if err := chart.WritePNG(&b, p, 0, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func calTable() btyd.CalibrationHoldout {
	nan := math.NaN()
	return btyd.CalibrationHoldout{Rows: []btyd.CalibrationHoldoutRow{
		{Frequency: 0, Customers: 1411, Actual: 0.24, Predicted: 0.23},
		{Frequency: 1, Customers: 439, Actual: 0.70, Predicted: 0.74},
		{Frequency: 2, Customers: 214, Actual: 1.39, Predicted: 1.26},
		{Frequency: 3, Customers: 0, Actual: nan, Predicted: nan, Reason: "no customers"},
		{Frequency: 4, Customers: 100, Actual: 2.5, Predicted: 2.3},
		{Frequency: 5, OrMore: true, Customers: 190, Actual: 3.9, Predicted: 4.2},
	}}
}

func TestCalibrationHoldout(t *testing.T) {
	p, err := chart.CalibrationHoldout(chart.CalibrationSpec{Table: calTable(), Holdout: "weeks 40–78"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "calibration", p)
	svg, texts := render(t, p)
	// Five groups with customers (frequency 3 has none) and the legend's.
	if n := strings.Count(svg, actualFill); n != 5+1 {
		t.Errorf("%d actual marks, want 5 and the legend's", n)
	}
	if n := strings.Count(svg, markFill); n != 5+1 {
		t.Errorf("%d predicted marks, want 5 and the legend's", n)
	}
	hasText(t, texts, "Calibration vs holdout: purchases predicted for each kind of customer",
		"repeat purchases in the calibration period (n: customers)", "mean holdout purchases per customer (weeks 40–78)",
		"actual", "predicted by the model", "5+", "n=1411", "0")
	if strings.Contains(strings.Join(texts, " "), "n=0") {
		t.Error("a group without customers is drawn")
	}
}

func TestTracking(t *testing.T) {
	act := btyd.PeriodSeries{10, 30, 50, 60, 55, 58, 52, 50}
	exp := btyd.PeriodSeries{12, 29, 48, 58, 57, 55, 53, 51, 50, 49}
	for _, cum := range []bool{false, true} {
		p, err := chart.Tracking(chart.TrackingSpec{Actual: act, Expected: exp, CalibrationEnd: 5, Cumulative: cum}, nil)
		if err != nil {
			t.Fatal(err)
		}
		name := map[bool]string{false: "tracking_incremental", true: "tracking_cumulative"}[cum]
		keep(t, name, p)
		svg, texts := render(t, p)
		if n := strings.Count(svg, "stroke:#D55E00"); n != 2 { // the line and its legend
			t.Errorf("%s: %d actual lines, want 2", name, n)
		}
		if n := strings.Count(svg, "stroke:#0072B2"); n != 2 {
			t.Errorf("%s: %d expected lines, want 2", name, n)
		}
		hasText(t, texts, "actual", "expected by the model", "end of calibration (week 5)", "week", "0")
		if cum {
			hasText(t, texts, "Tracking: cumulative repeat transactions, actual against the model",
				"repeat transactions to date (cumulative)")
		} else {
			hasText(t, texts, "Tracking: repeat transactions per week, actual against the model", "repeat transactions in the week")
		}
	}
	// Cumulative running totals: the y axis reaches the total 365 of the
	// actual series and 462 of the expected (12+29+…+49), times 1.08.
	p, err := chart.Tracking(chart.TrackingSpec{Actual: act, Expected: exp, Cumulative: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := 462 * 1.08; math.Abs(p.Y.Max-want) > 1e-9 {
		t.Errorf("cumulative y max %v, want %v", p.Y.Max, want)
	}
}

func TestProbAlive(t *testing.T) {
	// The BG/NBD parameters of Fader, Hardie & Lee (2005) for the CDNOW
	// sample, customers of age 39 weeks.
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	const T = 39.0
	calls := 0
	p, err := chart.ProbAlive(chart.AliveSpec{
		Alive: func(x int, tx float64) float64 {
			calls++
			return m.ProbAlive(btyd.Summary{Frequency: x, Recency: tx, T: T})
		},
		T: T, MaxFrequency: 10, Cells: 13,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 11*13 {
		t.Errorf("Alive called %d times, want 11×13", calls)
	}
	keep(t, "alive", p)
	svg, texts := render(t, p)
	hasText(t, texts, "P(alive): probability that a customer is still active, after 39 weeks",
		"repeat purchases (frequency)", "week of the last repeat purchase (recency), 0 = first purchase, 39 = now",
		"P = 1", "P = 0.5", "P = 0", "39", "10")
	// 11×13 cells; the 13 of row x = 0 are P(alive) = 1, yellow, as is
	// the legend's swatch for P = 1.
	if n := strings.Count(svg, "fill:#FDE725"); n != 13+1 {
		t.Errorf("%d cells and swatches of P = 1, want 13 and the legend's", n)
	}
}

func afterSales() loyalty.AfterSales {
	d := decimal.RequireFromString
	return loyalty.AfterSales{
		Investment: d("150000"),
		Labour:     d("120000"), Materials: d("30000"), Facilities: d("25000"), Communication: d("10000"), Management: d("15000"),
		RetainedMargin: d("180000"), RepeatPurchases: d("60000"), AddOnPurchases: d("25000"), Referrals: d("20000"), AvoidedCosts: d("15000"),
	}
}

func TestTornado(t *testing.T) {
	a := afterSales()
	cb, err := a.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	bars, err := a.Tornado(0.2)
	if err != nil {
		t.Fatal(err)
	}
	p, err := chart.Tornado(chart.TornadoSpec{Bars: bars, Base: cb.Net, Change: 0.2, Currency: "EUR"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "tornado", p)
	svg, texts := render(t, p)
	// Ten lines, each a lowered and a raised half, and a legend swatch each.
	if n := strings.Count(svg, actualFill); n != 10+1 {
		t.Errorf("%d lowered halves, want 10 and the legend's", n)
	}
	if n := strings.Count(svg, markFill); n != 10+1 {
		t.Errorf("%d raised halves, want 10 and the legend's", n)
	}
	// Net = 300,000 − 200,000 = 100,000 at the estimates.
	hasText(t, texts, "Sensitivity of the yearly net benefit, one input at a time",
		"yearly net benefit, EUR (line: at the estimates, 100,000)", "input lowered 20%", "input raised 20%",
		"retained margin", "labour", "referrals")
	// Largest swing on top: the retained margin (±36,000) is the last
	// nominal label (drawn highest).
	if got := p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max); got[len(got)-1].Label != "retained margin" {
		t.Errorf("top bar %q, want retained margin", got[len(got)-1].Label)
	}
}

func TestZone(t *testing.T) {
	nan := math.NaN()
	rows := []chart.ZoneRow{
		{Name: "Tangibles", Adequate: 4, Desired: 6, Perceived: 6.5, CI: ep.Interval{Low: 6.1, High: 6.9}},
		{Name: "Reliability", Adequate: 5, Desired: 6.8, Perceived: 4.6, CI: ep.Interval{Low: 4.2, High: 5}},
		{Name: "Empathy", Adequate: 4.5, Desired: 6.2, Perceived: 5.5, CI: ep.Interval{Low: nan, High: nan}},
	}
	p, err := chart.Zone(chart.ZoneSpec{Rows: rows, Scale: servqual.Scale{Min: 1, Max: 7}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "zone", p)
	svg, texts := render(t, p)
	for fill, want := range map[string]int{actualFill: 1, markFill: 1, aboveFill: 1} {
		if n := strings.Count(svg, fill); n != want {
			t.Errorf("%d marks %s, want %d", n, fill, want)
		}
	}
	hasText(t, texts, "Zone of tolerance: perceived service against the adequate and desired levels",
		"rating, scale 1–7", "band: adequate to desired level", "Tangibles", "Reliability", "Empathy", "1", "7")

	// From a report: the levels are P − MSA and P − MSS.
	rep := servqual.Report{Dimensions: []servqual.DimensionReport{
		{Key: "r", Name: "Reliability", Chinese: "可靠性", Measures: servqual.Measures{
			Perception: stat(5, 0.2), Adequacy: stat(0.5, 0.2), Superiority: stat(-1.25, 0.2)}},
		{Key: "t", Name: "Tangibles", Measures: servqual.Measures{Perception: stat(5, 0.2)}},
	}}
	got := chart.ZoneRows(rep, &chart.Options{Chinese: true})
	if len(got) != 1 || got[0].Name != "可靠性" || got[0].Adequate != 4.5 || got[0].Desired != 6.25 || got[0].Perceived != 5 || got[0].CI.Low != 4.8 {
		t.Errorf("ZoneRows = %+v, want 可靠性 4.5–6.25, perceived 5 (4.8–5.2)", got)
	}
}

// ecsiResult is an ECSI fit's structural part, with the path
// coefficients of Tenenhaus et al. (2005, Table 7) rounded.
func ecsiResult() *pls.Result {
	nan := math.NaN()
	r2 := map[string]float64{pls.Image: nan, pls.Expectations: 0.25, pls.Quality: 0.31, pls.Value: 0.34, pls.Satisfaction: 0.67, pls.Loyalty: 0.43}
	res := &pls.Result{N: 250}
	for _, c := range []string{pls.Image, pls.Expectations, pls.Quality, pls.Value, pls.Satisfaction, pls.Loyalty} {
		res.Constructs = append(res.Constructs, pls.ConstructResult{Name: c, R2: r2[c]})
	}
	coef := []float64{0.50, 0.56, 0.07, 0.54, 0.18, 0.06, 0.51, 0.20, 0.20, 0.48}
	for i, pth := range pls.ECSIPaths() {
		res.Paths = append(res.Paths, pls.PathResult{From: pth.From, To: pth.To, Coefficient: coef[i]})
	}
	res.Paths[5].Coefficient = -0.06 // one negative path, drawn vermilion
	return res
}

func TestPathDiagram(t *testing.T) {
	p, err := chart.PathDiagram(chart.PathSpec{Result: ecsiResult()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "path_ecsi", p)
	svg, texts := render(t, p)
	// Ten arrow heads and their labels: nine blue, one vermilion.
	if n := strings.Count(svg, markFill); n != 2*9 {
		t.Errorf("%d blue arrow heads and labels, want 2×9", n)
	}
	if n := strings.Count(svg, actualFill); n != 2*1 {
		t.Errorf("%d vermilion arrow heads and labels, want 2×1", n)
	}
	hasText(t, texts, "Path model: standardised path coefficients and R² (n = 250)",
		"Image", "Expectations", "Perceived quality", "Perceived value", "Satisfaction", "Loyalty",
		"R² = 0.67", "R² = 0.25", "0.50", "0.56", "−0.06", "0.48")
	if strings.Contains(strings.Join(texts, " "), "R² = NaN") {
		t.Error("an exogenous construct shows an R²")
	}

	// ACSI in its own layout, and a model of other constructs in columns.
	acsi := &pls.Result{N: 100}
	for _, c := range []string{pls.Expectations, pls.Quality, pls.Value, pls.Satisfaction, pls.Complaints, pls.Loyalty} {
		acsi.Constructs = append(acsi.Constructs, pls.ConstructResult{Name: c, R2: 0.4})
	}
	acsi.Constructs[0].R2 = math.NaN()
	for i, pth := range pls.ACSIPaths() {
		acsi.Paths = append(acsi.Paths, pls.PathResult{From: pth.From, To: pth.To, Coefficient: 0.1 * float64(i+1)})
	}
	acsi.Paths[6].Coefficient = -0.3 // satisfaction lowers complaints
	p, err = chart.PathDiagram(chart.PathSpec{Result: acsi}, nil)
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "path_acsi", p)
	_, texts = render(t, p)
	hasText(t, texts, "Complaints", "−0.30", "0.90", "R² = 0.40")

	other := &pls.Result{N: 10, Constructs: []pls.ConstructResult{{Name: "A", R2: math.NaN()}, {Name: "B", R2: math.NaN()}, {Name: "C", R2: 0.2}},
		Paths: []pls.PathResult{{From: "A", To: "C", Coefficient: 0.3}, {From: "B", To: "C", Coefficient: 0.2}}}
	p, err = chart.PathDiagram(chart.PathSpec{Result: other, Names: map[string]string{"C": "Outcome"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "path_other", p)
	_, texts = render(t, p)
	hasText(t, texts, "A", "B", "Outcome", "R² = 0.20")
}

func TestMoreErrors(t *testing.T) {
	nan := math.NaN()
	scale := servqual.Scale{Min: 1, Max: 7}
	one := func(float64) float64 { return 1 }
	type tc struct {
		name string
		err  error
		want error
	}
	var cases []tc
	add := func(name string, _ *plot.Plot, err, want error) { cases = append(cases, tc{name, err, want}) }

	p, err := chart.CalibrationHoldout(chart.CalibrationSpec{}, nil)
	add("calibration empty", p, err, chart.ErrEmpty)
	p, err = chart.CalibrationHoldout(chart.CalibrationSpec{Table: btyd.CalibrationHoldout{Rows: []btyd.CalibrationHoldoutRow{{Customers: 3, Actual: nan, Predicted: 1}}}}, nil)
	add("calibration NaN", p, err, chart.ErrInvalid)
	p, err = chart.CalibrationHoldout(chart.CalibrationSpec{Table: btyd.CalibrationHoldout{Rows: []btyd.CalibrationHoldoutRow{{Frequency: -1, Customers: 3}}}}, nil)
	add("calibration frequency", p, err, chart.ErrInvalid)

	p, err = chart.Tracking(chart.TrackingSpec{}, nil)
	add("tracking empty", p, err, chart.ErrEmpty)
	p, err = chart.Tracking(chart.TrackingSpec{Expected: btyd.PeriodSeries{1, -2}}, nil)
	add("tracking negative", p, err, chart.ErrInvalid)
	p, err = chart.Tracking(chart.TrackingSpec{Expected: btyd.PeriodSeries{1e308, 1e308}, Cumulative: true}, nil)
	add("tracking overflow", p, err, chart.ErrInvalid)
	p, err = chart.Tracking(chart.TrackingSpec{Expected: btyd.PeriodSeries{1}, CalibrationEnd: nan}, nil)
	add("tracking calibration end", p, err, chart.ErrInvalid)

	p, err = chart.ProbAlive(chart.AliveSpec{T: 39}, nil)
	add("alive nil", p, err, chart.ErrEmpty)
	p, err = chart.ProbAlive(chart.AliveSpec{Alive: func(int, float64) float64 { return 1 }, T: 0}, nil)
	add("alive T", p, err, chart.ErrInvalid)
	p, err = chart.ProbAlive(chart.AliveSpec{Alive: func(int, float64) float64 { return 1 }, T: 1, MaxFrequency: chart.MaxAliveFrequency + 1}, nil)
	add("alive frequency limit", p, err, chart.ErrInvalid)
	p, err = chart.ProbAlive(chart.AliveSpec{Alive: func(int, float64) float64 { return 1 }, T: 1, Cells: -1}, nil)
	add("alive cells", p, err, chart.ErrInvalid)
	p, err = chart.ProbAlive(chart.AliveSpec{Alive: func(x int, tx float64) float64 { return one(tx) * float64(x) }, T: 1, MaxFrequency: 2}, nil)
	add("alive above 1", p, err, chart.ErrInvalid)

	p, err = chart.Tornado(chart.TornadoSpec{}, nil)
	add("tornado empty", p, err, chart.ErrEmpty)
	p, err = chart.Tornado(chart.TornadoSpec{Bars: []loyalty.TornadoBar{{Input: "x"}}, Change: 2}, nil)
	add("tornado change", p, err, chart.ErrInvalid)
	p, err = chart.Tornado(chart.TornadoSpec{Bars: []loyalty.TornadoBar{{Input: "x", Raised: decimal.New(1, 400)}}}, nil)
	add("tornado huge", p, err, chart.ErrInvalid)
	p, err = chart.Tornado(chart.TornadoSpec{Bars: []loyalty.TornadoBar{{Input: "x", Lowered: decimal.New(-17, 307), Raised: decimal.New(17, 307)}}}, nil)
	add("tornado span beyond float64", p, err, chart.ErrInvalid)

	p, err = chart.Zone(chart.ZoneSpec{Scale: scale}, nil)
	add("zone empty", p, err, chart.ErrEmpty)
	p, err = chart.Zone(chart.ZoneSpec{Rows: []chart.ZoneRow{{Adequate: 6, Desired: 5, Perceived: 5}}, Scale: scale}, nil)
	add("zone reversed", p, err, chart.ErrInvalid)
	p, err = chart.Zone(chart.ZoneSpec{Rows: []chart.ZoneRow{{Adequate: 4, Desired: 5, Perceived: 9}}, Scale: scale}, nil)
	add("zone off scale", p, err, chart.ErrInvalid)
	p, err = chart.Zone(chart.ZoneSpec{Rows: []chart.ZoneRow{{Adequate: 4, Desired: 5, Perceived: 5}}}, nil)
	add("zone no scale", p, err, chart.ErrInvalid)

	p, err = chart.PathDiagram(chart.PathSpec{}, nil)
	add("path nil", p, err, chart.ErrEmpty)
	bad := ecsiResult()
	bad.Paths[0].Coefficient = math.Inf(1)
	p, err = chart.PathDiagram(chart.PathSpec{Result: bad}, nil)
	add("path coefficient", p, err, chart.ErrInvalid)
	bad = ecsiResult()
	bad.Paths[0].To = "nowhere"
	p, err = chart.PathDiagram(chart.PathSpec{Result: bad}, nil)
	add("path unknown", p, err, chart.ErrInvalid)
	p, err = chart.PathDiagram(chart.PathSpec{Result: ecsiResult(), Positions: map[string]chart.Position{pls.Image: {}}}, nil)
	add("path positions", p, err, chart.ErrInvalid)

	for _, c := range cases {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: %v, want it to wrap %v", c.name, c.err, c.want)
			continue
		}
		if msg := c.err.Error(); !strings.HasPrefix(msg, "chart: ") || strings.Count(msg, "chart: ") != 1 {
			t.Errorf("%s: %q does not start with \"chart: \" exactly once", c.name, msg)
		}
	}
}

// TestMoreChinese checks the Chinese titles and labels of the new charts.
func TestMoreChinese(t *testing.T) {
	opts := &chart.Options{Chinese: true, Font: liberationsansregular.TTF}
	// With $CHART_CJK_FONT (such as NotoSansCJK-Regular.ttc) the charts
	// kept in $CHART_PNG_DIR show the Chinese glyphs.
	if path := os.Getenv("CHART_CJK_FONT"); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		opts.Font = b
	}
	a := afterSales()
	cb, _ := a.Evaluate()
	bars, _ := a.Tornado(0.2)
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	for _, c := range []struct {
		name string
		draw func() (*plot.Plot, error)
		want []string
	}{
		{"calibration", func() (*plot.Plot, error) {
			return chart.CalibrationHoldout(chart.CalibrationSpec{Table: calTable(), Holdout: "第 40–78 周"}, opts)
		}, []string{"校准期与检验期对比：各类客户的预测购买次数", "检验期人均购买次数（第 40–78 周）", "实际", "模型预测", "人数 1411"}},
		{"tracking", func() (*plot.Plot, error) {
			return chart.Tracking(chart.TrackingSpec{Expected: btyd.PeriodSeries{1, 2}, CalibrationEnd: 1, Cumulative: true}, opts)
		}, []string{"跟踪图：累计重复交易次数，实际与模型预期", "累计重复交易次数", "模型预期", "校准期结束（第 1 周）"}},
		{"alive", func() (*plot.Plot, error) {
			return chart.ProbAlive(chart.AliveSpec{T: 39, MaxFrequency: 5, Alive: func(x int, tx float64) float64 {
				return m.ProbAlive(btyd.Summary{Frequency: x, Recency: tx, T: 39})
			}}, opts)
		}, []string{"P(alive)：客户仍活跃的概率（观察 39 周后）", "重复购买次数", "最近一次重复购买在第几周（0 = 首次购买，39 = 现在）"}},
		{"tornado", func() (*plot.Plot, error) {
			return chart.Tornado(chart.TornadoSpec{Bars: bars, Base: cb.Net, Change: 0.2}, opts)
		}, []string{"年度净收益的敏感性分析（逐项变动）", "该项下调 20%", "该项上调 20%", bars[0].Chinese}},
		{"zone", func() (*plot.Plot, error) {
			return chart.Zone(chart.ZoneSpec{Rows: []chart.ZoneRow{{Name: "可靠性", Adequate: 4, Desired: 6, Perceived: 5}}, Scale: servqual.Scale{Min: 1, Max: 7}}, opts)
		}, []string{"容忍区间：感知服务与适当、理想服务水平", "评分，量表 1–7", "可靠性"}},
		{"path", func() (*plot.Plot, error) { return chart.PathDiagram(chart.PathSpec{Result: ecsiResult()}, opts) },
			[]string{"路径模型：标准化路径系数与 R²（n = 250）", "企业形象", "顾客满意度", "感知质量"}},
	} {
		p, err := c.draw()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		keep(t, "zh_"+c.name, p)
		_, texts := render(t, p)
		hasText(t, texts, c.want...)
	}
}

// TestZoneRowsFromAccumulator checks ZoneRows against the definition on a
// survey in the three-column format: with every item answered, the mean
// adequate level of a dimension is mean P − mean MSA, and likewise for
// the desired level.
func TestZoneRowsFromAccumulator(t *testing.T) {
	in := servqual.SERVQUAL()
	n := in.NumItems()
	// Three respondents; respondent r rates every item adequate 3+r,
	// desired 5+r/2 and perceived 2+2r (r = 0, 1, 2), so the reliability
	// means are adequate (3+4+5)/3 = 4, desired (5+5.5+6)/3 = 5.5,
	// perceived (2+4+6)/3 = 4.
	acc := servqual.NewAccumulator(in)
	for r := range 3 {
		resp := servqual.Response{Adequate: make([]float64, n), Desired: make([]float64, n), Perception: make([]float64, n)}
		for i := range n {
			resp.Adequate[i], resp.Desired[i], resp.Perception[i] = 3+float64(r), 5+float64(r)/2, 2+2*float64(r)
		}
		if err := acc.Add(resp); err != nil {
			t.Fatal(err)
		}
	}
	rows := chart.ZoneRows(acc.Report(), nil)
	if len(rows) != 5 {
		t.Fatalf("%d rows, want the 5 SERVQUAL dimensions", len(rows))
	}
	r := rows[1]
	const tol = 1e-12
	if r.Name != "Reliability" || math.Abs(r.Adequate-4) > tol || math.Abs(r.Desired-5.5) > tol || math.Abs(r.Perceived-4) > tol {
		t.Errorf("reliability row %+v, want adequate 4, desired 5.5, perceived 4", r)
	}
	// The perception's 95% interval: SD 2, SE 2/√3, t(0.975, 2) = 4.302653,
	// so 4 ± 4.968275: /usr/bin/python3 -c 'from scipy import stats;
	// print(stats.t.ppf(0.975, 2) * 2 / 3**0.5)' printed 4.968275423687506.
	if math.Abs(r.CI.High-(4+4.968275)) > 1e-5 {
		t.Errorf("interval %v, want 4 ± 4.968275", r.CI)
	}
	p, err := chart.Zone(chart.ZoneSpec{Rows: rows, Scale: in.Scale()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	render(t, p)
}
