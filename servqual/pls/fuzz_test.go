package pls_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
	"github.com/cxlab/satisfaction/servqual/pls"
)

// special are the edge values a fuzz byte ≥ 240 maps to.
var special = []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1e308, -1e308, 1e-308,
	5e-324, 1e100, -1e100, 0.5, 1e-9, 1e9, -1, 1 + 1e-15}

// floats decodes fuzz bytes into values: mostly ratings 0..9, edge values
// for bytes ≥ 240, and raw float64 bits after a 0xFF marker.
func floats(b []byte) []float64 {
	var out []float64
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == 0xFF && i+8 < len(b):
			out = append(out, math.Float64frombits(binary.LittleEndian.Uint64(b[i+1:])))
			i += 8
		case b[i] >= 240:
			out = append(out, special[int(b[i]-240)%len(special)])
		default:
			out = append(out, float64(b[i]%10))
		}
	}
	return out
}

// fuzzModels are the models the data fuzzers use.
func fuzzModels() []*pls.Model {
	var ms []*pls.Model
	for _, spec := range []pls.Spec{
		{Constructs: []pls.Construct{{Name: "X", Indicators: []string{"x1", "x2"}}, {Name: "Y", Indicators: []string{"y1", "y2"}}},
			Paths: []pls.Path{{From: "X", To: "Y"}}},
		{Constructs: []pls.Construct{{Name: "F", Indicators: []string{"f1", "f2"}, Mode: pls.ModeB}, {Name: "A", Indicators: []string{"a1"}},
			{Name: "B", Indicators: []string{"b1", "b2", "b3"}}},
			Paths: []pls.Path{{From: "F", To: "A"}, {From: "F", To: "B"}, {From: "A", To: "B"}}},
	} {
		m, err := pls.NewModel(spec)
		if err != nil {
			panic(err)
		}
		ms = append(ms, m)
	}
	return ms
}

func rows(v []float64, k int) [][]float64 {
	var out [][]float64
	for i := 0; i+k <= len(v); i += k {
		out = append(out, v[i:i+k])
	}
	return out
}

func options(b byte) *pls.Options {
	return &pls.Options{Scheme: pls.Scheme(b % 3), Missing: pls.Missing(b / 3 % 2), Consistent: b&8 != 0}
}

// checkErr checks an error's prefix and sentinel.
func checkErr(t *testing.T, err error) {
	t.Helper()
	s := err.Error()
	if !strings.HasPrefix(s, "pls: ") || strings.Count(s, "pls: ") != 1 {
		t.Fatalf("error %q: want the prefix exactly once", s)
	}
	for _, e := range sentinels {
		if errors.Is(err, e) {
			return
		}
	}
	t.Fatalf("error %q wraps no sentinel", s)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// checkResult checks every promised number of a result is finite and
// every NaN has a reason.
func checkResult(t *testing.T, m *pls.Model, res *pls.Result) {
	t.Helper()
	bad := func(what string, x float64) {
		t.Helper()
		if !finite(x) {
			t.Fatalf("%s = %v", what, x)
		}
	}
	for _, x := range res.Indicators {
		bad(x.Name+" weight", x.Weight)
		bad(x.Name+" loading", x.Loading)
		bad(x.Name+" sd", x.SD)
		for _, c := range x.CrossLoadings {
			bad(x.Name+" cross-loading", c)
		}
		if math.IsInf(x.Rescaled, 0) {
			t.Fatalf("%s rescaled weight %v", x.Name, x.Rescaled)
		}
	}
	for _, p := range res.Paths {
		bad(p.From+" -> "+p.To+" path", p.Coefficient)
		bad(p.From+" -> "+p.To+" VIF", p.VIF)
	}
	for _, e := range res.Effects {
		bad("total effect", e.Total)
		bad("indirect effect", e.Indirect)
	}
	for _, c := range res.Constructs {
		bad(c.Name+" rho_C", c.RhoC)
		bad(c.Name+" AVE", c.AVE)
		for _, v := range []float64{c.R2, c.AdjR2, c.Alpha, c.AlphaCI.Low, c.AlphaCI.High, c.RhoA} {
			if math.IsInf(v, 0) || (math.IsNaN(v) && c.Reason == "") {
				t.Fatalf("%s: %v without a reason: %+v", c.Name, v, c)
			}
		}
	}
	for _, p := range res.Discriminant {
		bad("correlation", p.Correlation)
		if math.IsInf(p.HTMT, 0) || (math.IsNaN(p.HTMT) && p.Reason == "") {
			t.Fatalf("HTMT %v without a reason", p.HTMT)
		}
	}
	if cs := res.Consistent; cs != nil {
		for _, p := range cs.Paths {
			if !finite(p.Coefficient) && cs.Reason == "" {
				t.Fatalf("PLSc path %v without a reason", p.Coefficient)
			}
		}
	}
}

// FuzzNewModel builds models from fuzzed names and paths: an error names
// the problem and wraps ErrModel; a model is acyclic and every construct
// is on a path.
func FuzzNewModel(f *testing.F) {
	f.Add("A,B", "a;b", []byte{0, 1})                 // valid
	f.Add("A,B,C", "a;b;c", []byte{0, 1, 1, 2, 2, 0}) // cycle
	f.Add("A,B", "a;", []byte{0, 1})                  // empty block
	f.Add("A,B,C", "a;b;c", []byte{0, 1})             // construct with no path
	f.Add("A,B", "a;b", []byte{0, 9})                 // unknown name
	f.Add("A,A", "a;b", []byte{0, 1})                 // duplicate
	f.Add("A,B", "a;a", []byte{0, 1})                 // shared indicator
	f.Add("", "", []byte{})                           // empty
	f.Add("A,B", "a;b", []byte{0, 0})                 // self loop
	f.Add("A,B,C,D", "a;b;c;d", []byte{0, 1, 1, 2, 2, 3, 0, 3})
	f.Fuzz(func(t *testing.T, names, blocks string, paths []byte) {
		cons := strings.Split(names, ",")
		items := strings.Split(blocks, ";")
		var spec pls.Spec
		for j, c := range cons {
			var ind []string
			if j < len(items) && items[j] != "" {
				ind = strings.Split(items[j], ",")
			}
			spec.Constructs = append(spec.Constructs, pls.Construct{Name: c, Indicators: ind, Mode: pls.Mode(j % 2)})
		}
		name := func(b byte) string {
			if int(b) < len(cons) {
				return cons[b]
			}
			return fmt.Sprintf("unknown%d", b)
		}
		for i := 0; i+1 < len(paths); i += 2 {
			spec.Paths = append(spec.Paths, pls.Path{From: name(paths[i]), To: name(paths[i+1])})
		}
		m, err := pls.NewModel(spec)
		if err != nil {
			checkErr(t, err)
			if !errors.Is(err, pls.ErrModel) {
				t.Fatalf("model error %q does not wrap ErrModel", err)
			}
			return
		}
		if m.NumConstructs() != len(cons) || len(m.Paths()) != len(spec.Paths) {
			t.Fatalf("model lost constructs or paths")
		}
		for j, c := range cons {
			if m.ConstructIndex(c) != j {
				t.Fatalf("ConstructIndex(%q) = %d, want %d", c, m.ConstructIndex(c), j)
			}
		}
		for k, name := range m.Indicators() {
			if m.IndicatorIndex(name) != k {
				t.Fatalf("IndicatorIndex(%q) = %d, want %d", name, m.IndicatorIndex(name), k)
			}
		}
		if m.ConstructIndex(blocks) >= 0 && !strings.Contains(names, blocks) {
			t.Fatalf("ConstructIndex(%q) found a construct that is not there", blocks)
		}
		// A valid model fits a correlation matrix of the identity plus a
		// common factor without panicking.
		K := m.NumIndicators()
		cov := make([][]float64, K)
		for i := range cov {
			cov[i] = make([]float64, K)
			for j := range cov[i] {
				cov[i][j] = 0.3
			}
			cov[i][i] = 1
		}
		if res, err := m.FitCov(cov, 50, nil); err != nil {
			checkErr(t, err)
		} else {
			checkResult(t, m, res)
		}
	})
}

// FuzzFit fits fuzzed raw data (both missing rules, all schemes, PLSc):
// an error wraps a sentinel, otherwise every promised number is finite;
// the fit from an accumulator merged from two halves equals the fit from
// the data.
func FuzzFit(f *testing.F) {
	f.Add(byte(0), byte(0), []byte{1, 2, 3, 4, 2, 3, 4, 5, 5, 5, 6, 9, 7, 1, 2, 2, 3, 3, 8, 8})
	f.Add(byte(1), byte(3), []byte{1, 2, 3, 4, 5, 2, 3, 4, 5, 6, 5, 5, 6, 9, 7, 1, 2, 2, 3, 3, 8, 8, 9, 9, 1, 0, 0, 1, 2, 2})
	f.Add(byte(0), byte(8), []byte{240, 2, 3, 4, 2, 3, 4, 5, 5, 5, 6, 9, 7, 1, 2, 2}) // NaN
	f.Add(byte(0), byte(0), []byte{241, 2, 3, 4})                                     // +Inf
	f.Add(byte(0), byte(0), []byte{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})               // constant
	f.Add(byte(0), byte(0), []byte{})                                                 // empty
	f.Add(byte(0), byte(0), []byte{245, 1, 2, 3, 246, 2, 3, 4, 245, 5, 6, 7})         // ±1e308
	f.Add(byte(1), byte(4), []byte{1, 240, 3, 4, 5, 2, 3, 240, 5, 6, 5, 5, 6, 9, 240, 1, 2, 2, 3, 3, 8, 8, 9, 9, 1})
	f.Fuzz(func(t *testing.T, which, opt byte, b []byte) {
		ms := fuzzModels()
		m := ms[int(which)%len(ms)]
		data := rows(floats(b), m.NumIndicators())
		o := options(opt)
		res, err := m.Fit(data, o)
		if err != nil {
			checkErr(t, err)
			return
		}
		checkResult(t, m, res)
		var a, c pls.Accumulator
		for i, row := range data {
			dst := &a
			if i%2 == 1 {
				dst = &c
			}
			if err := dst.Add(row); err != nil {
				t.Fatalf("Add failed on data Fit accepted: %v", err)
			}
		}
		if err := a.Merge(&c); err != nil {
			t.Fatal(err)
		}
		res2, err := m.FitAccumulator(&a, o)
		if err != nil {
			// Merged moments may differ by rounding, enough to tip a
			// borderline case; the error must still be well formed.
			checkErr(t, err)
			return
		}
		checkResult(t, m, res2)
		for x := range res.Paths {
			p, q := res.Paths[x].Coefficient, res2.Paths[x].Coefficient
			if math.Abs(p-q) > 1e-6*(1+math.Abs(p)) && res.Iterations < 50 {
				t.Logf("merged and whole paths differ: %v vs %v (ill-conditioned data)", p, q)
			}
		}
	})
}

// FuzzFitCov fits fuzzed covariance matrices.
func FuzzFitCov(f *testing.F) {
	f.Add(byte(0), byte(0), int64(100), []byte{9, 5, 3, 3, 5, 9, 3, 3, 3, 3, 9, 4, 3, 3, 4, 9})
	f.Add(byte(0), byte(0), int64(1), []byte{9, 5, 3, 3, 5, 9, 3, 3, 3, 3, 9, 4, 3, 3, 4, 9})
	f.Add(byte(0), byte(0), int64(-5), []byte{9})
	f.Add(byte(1), byte(9), int64(50), []byte{240, 1, 2})
	f.Add(byte(0), byte(2), int64(math.MaxInt64), []byte{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, which, opt byte, n int64, b []byte) {
		ms := fuzzModels()
		m := ms[int(which)%len(ms)]
		K := m.NumIndicators()
		v := floats(b)
		cov := make([][]float64, K)
		for i := range K {
			cov[i] = make([]float64, K)
		}
		for i := range K {
			for j := i; j < K; j++ {
				x := 0.0
				if idx := i*K + j; idx < len(v) {
					x = v[idx]
				}
				if i == j {
					x = math.Abs(x) + 1
				} else {
					x /= 10
				}
				cov[i][j], cov[j][i] = x, x
			}
		}
		if len(v) == 1 {
			cov = cov[:1]
		}
		res, err := m.FitCov(cov, n, options(opt))
		if err != nil {
			checkErr(t, err)
			return
		}
		checkResult(t, m, res)
		if _, err := res.Index(m.Constructs()[0].Name, pls.Scale{Min: 1, Max: 10}); err == nil || !errors.Is(err, pls.ErrValue) {
			t.Fatalf("Index without means: %v", err)
		}
	})
}

// FuzzAccumulator adds fuzzed rows: a rejected row changes nothing, and
// merging two halves gives the moments of the whole.
func FuzzAccumulator(f *testing.F) {
	f.Add(byte(3), []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 240, 1, 2})
	f.Add(byte(2), []byte{241, 2, 3, 4})
	f.Add(byte(1), []byte{1})
	f.Add(byte(0), []byte{})
	f.Add(byte(4), []byte{245, 1, 2, 3, 246, 2, 3, 4, 245, 5, 6, 7, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, k byte, b []byte) {
		K := int(k%6) + 1
		data := rows(floats(b), K)
		var whole, a, c pls.Accumulator
		for i, row := range data {
			before := whole.N()
			err := whole.Add(row)
			if err != nil {
				checkErr(t, err)
				if whole.N() != before {
					t.Fatal("rejected row changed N")
				}
				continue
			}
			dst := &a
			if i%2 == 1 {
				dst = &c
			}
			if err := dst.Add(row); err != nil {
				t.Fatal(err)
			}
		}
		if err := a.Merge(&c); err != nil {
			t.Fatal(err)
		}
		if a.N() != whole.N() || a.Complete() != whole.Complete() {
			t.Fatalf("merged counts %d/%d, whole %d/%d", a.N(), a.Complete(), whole.N(), whole.Complete())
		}
		for _, miss := range []pls.Missing{pls.Listwise, pls.Pairwise} {
			m1, err1 := whole.Moments(miss)
			m2, err2 := a.Moments(miss)
			if (err1 == nil) != (err2 == nil) {
				// Rounding can tip a variance across zero in one of them.
				if err1 != nil {
					checkErr(t, err1)
				} else {
					checkErr(t, err2)
				}
				continue
			}
			if err1 != nil {
				checkErr(t, err1)
				continue
			}
			if m1.N != m2.N {
				t.Fatalf("%v: N %d vs %d", miss, m1.N, m2.N)
			}
			for i := range m1.Mean {
				scale := 1.0
				for _, row := range data {
					if i < len(row) && finite(row[i]) {
						scale = max(scale, math.Abs(row[i]))
					}
				}
				if d := math.Abs(m1.Mean[i] - m2.Mean[i]); d > 1e-9*scale {
					t.Fatalf("%v: mean %d: %v vs %v", miss, i, m1.Mean[i], m2.Mean[i])
				}
			}
		}
	})
}

// FuzzBootstrap runs small bootstraps on fuzzed data.
func FuzzBootstrap(f *testing.F) {
	f.Add(byte(0), byte(0), uint64(1), []byte{1, 2, 3, 4, 2, 3, 4, 5, 5, 5, 6, 9, 7, 1, 2, 2, 3, 3, 8, 8, 1, 3, 2, 2})
	f.Add(byte(1), byte(11), uint64(2), []byte{1, 240, 3, 4, 5, 2, 3, 240, 5, 6, 5, 5, 6, 9, 240, 1, 2, 2, 3, 3, 8, 8, 9, 9, 1, 1, 2, 3, 4, 5})
	f.Add(byte(0), byte(0), uint64(3), []byte{1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3})
	f.Add(byte(1), byte(32+16+8), uint64(4), []byte{1, 2, 3, 4, 5, 2, 3, 4, 5, 6, 5, 5, 6, 9, 7, 1, 2, 2, 3, 3, 8, 8, 9, 9, 1, 1, 2, 3, 4, 5})
	f.Fuzz(func(t *testing.T, which, opt byte, seed uint64, b []byte) {
		ms := fuzzModels()
		m := ms[int(which)%len(ms)]
		data := rows(floats(b), m.NumIndicators())
		bo := &pls.BootstrapOptions{Resamples: 20, Seed: seed, Workers: 2, BCa: opt&16 != 0}
		if opt&32 != 0 {
			bo.Scale = &pls.Scale{Min: 0, Max: 9}
		}
		bs, err := m.Bootstrap(data, options(opt), bo)
		if err != nil {
			checkErr(t, err)
			return
		}
		for _, list := range [][]pls.Interval{bs.Weights, bs.Loadings, bs.Paths, bs.TotalEffects, bs.R2, bs.ConsistentPaths, bs.Index} {
			for _, iv := range list {
				for _, v := range []float64{iv.Mean, iv.SE, iv.Lower, iv.Upper, iv.BCaLower, iv.BCaUpper} {
					if math.IsInf(v, 0) || (math.IsNaN(v) && iv.Reason == "") {
						t.Fatalf("%s: %v without a reason: %+v", iv.Name, v, iv)
					}
				}
				if !(iv.Lower <= iv.Upper) && iv.Reason == "" {
					t.Fatalf("%s: interval [%v, %v]", iv.Name, iv.Lower, iv.Upper)
				}
			}
		}
	})
}

// FuzzIndex computes the index and IPMA for fuzzed scales.
func FuzzIndex(f *testing.F) {
	f.Add(1.0, 10.0, "Y")
	f.Add(10.0, 1.0, "X")
	f.Add(math.NaN(), 1.0, "Y")
	f.Add(-math.MaxFloat64, math.MaxFloat64, "Y")
	f.Add(0.0, 1e-300, "Z")
	m, _ := pls.NewModel(pls.Spec{
		Constructs: []pls.Construct{{Name: "X", Indicators: []string{"x1", "x2"}}, {Name: "Y", Indicators: []string{"y1", "y2"}}},
		Paths:      []pls.Path{{From: "X", To: "Y"}},
	})
	res, err := m.FitMoments(handMoments(), nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, lo, hi float64, name string) {
		s := pls.Scale{Min: lo, Max: hi}
		v, err := res.Index(name, s)
		if err != nil {
			checkErr(t, err)
		} else if !finite(v) {
			t.Fatalf("Index = %v", v)
		}
		p, err := res.IPMA(name, s)
		if err != nil {
			checkErr(t, err)
			return
		}
		for _, pt := range append(p.Constructs, p.Indicators...) {
			if !finite(pt.Importance) || !finite(pt.Performance) || pt.Rank < 1 {
				t.Fatalf("IPMA point %+v", pt)
			}
		}
	})
}

// FuzzPresets fills the presets with fuzzed construct names.
func FuzzPresets(f *testing.F) {
	f.Add("IMAG,EXPE,QUAL,VAL,SAT,LOY", "i;e;q;v;s;l")
	f.Add("EXPE,QUAL,VAL,SAT,COMP,LOY", "e;q;v;s;c;l")
	f.Add("IMAG,EXPE", "i;")
	f.Add("Price", "p")
	f.Fuzz(func(t *testing.T, names, items string) {
		blocks := map[string][]string{}
		its := strings.Split(items, ";")
		for j, n := range strings.Split(names, ",") {
			if j < len(its) && its[j] != "" {
				blocks[n] = strings.Split(its[j], ",")
			} else {
				blocks[n] = nil
			}
		}
		for _, preset := range []func(map[string][]string) (*pls.Model, error){pls.ACSI, pls.ECSI} {
			if _, err := preset(blocks); err != nil {
				checkErr(t, err)
			}
		}
	})
}

// FuzzRows turns fuzzed servqual responses into rows.
func FuzzRows(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4})
	f.Add([]byte{9, 2, 3, 4})
	f.Add([]byte{240, 241, 3, 4})
	f.Add([]byte{1})
	in, err := servqual.NewInstrument(servqual.Spec{
		Name: "shop", Scale: servqual.Scale{Min: 1, Max: 7},
		Dimensions: []servqual.Dimension{{Key: "QUAL"}, {Key: "SAT"}},
		Items:      []servqual.Item{{Key: "q1", Dimension: "QUAL"}, {Key: "s1", Dimension: "SAT"}, {Key: "q2", Dimension: "QUAL", Reverse: true}, {Key: "s2", Dimension: "SAT"}},
	})
	if err != nil {
		f.Skip("servqual instrument unavailable:", err)
	}
	m, err := pls.FromInstrument(in, []pls.Path{{From: "QUAL", To: "SAT"}}, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		v := floats(b)
		var rs []servqual.Response
		for i := 0; i < len(v); i += 4 {
			rs = append(rs, servqual.Response{Perception: v[i:min(i+4, len(v))]})
		}
		out, err := pls.Rows(in, m, rs)
		if err != nil {
			checkErr(t, err)
			return
		}
		for _, row := range out {
			for _, x := range row {
				if !math.IsNaN(x) && !(x >= 1 && x <= 7) {
					t.Fatalf("row value %v off the scale", x)
				}
			}
		}
	})
}

// FuzzUnmarshalText decodes fuzzed enumeration labels: an error leaves
// the value unchanged; a success encodes to the value's token, which
// decodes to the same value, as do its English and Chinese labels.
func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"A", "B", "a", "reflective", "path", "centroid", "factorial", "listwise", "pairwise", "", "C",
		"Mode A (reflective)", "模式B（形成型）", "PATH WEIGHTING", "重心加权", "pairwise-deletion", "成列删除", " b "} {
		f.Add(s)
	}
	type enum interface {
		MarshalText() ([]byte, error)
		UnmarshalText([]byte) error
		String() string
		Chinese() string
	}
	f.Fuzz(func(t *testing.T, s string) {
		mode, scheme, miss := pls.ModeB, pls.SchemeFactorial, pls.Pairwise
		for _, c := range []struct {
			v     enum
			fresh func() enum
		}{
			{&mode, func() enum { m := pls.ModeB; return &m }},
			{&scheme, func() enum { m := pls.SchemeFactorial; return &m }},
			{&miss, func() enum { m := pls.Pairwise; return &m }},
		} {
			before := c.v.String()
			if err := c.v.UnmarshalText([]byte(s)); err != nil {
				checkErr(t, err)
				if c.v.String() != before {
					t.Fatalf("failed decode of %q changed %s to %s", s, before, c.v)
				}
				continue
			}
			b, err := c.v.MarshalText()
			if err != nil {
				t.Fatalf("%q decoded to %v, which does not encode: %v", s, c.v, err)
			}
			for _, form := range []string{string(b), c.v.String(), c.v.Chinese()} {
				w := c.fresh()
				if err := w.UnmarshalText([]byte(form)); err != nil || w.String() != c.v.String() {
					t.Fatalf("%q -> %v; its form %q -> %v, %v", s, c.v, form, w, err)
				}
			}
		}
	})
}

// FuzzStreamBootstrap feeds fuzzed rows to an online bootstrap in two
// shards and whole: rejected rows change nothing, the merged shards count
// the same respondents, and the intervals are finite or carry a reason.
func FuzzStreamBootstrap(f *testing.F) {
	f.Add(byte(0), byte(0), uint64(1), []byte{1, 2, 3, 4, 2, 3, 4, 5, 5, 5, 6, 9, 7, 1, 2, 2, 3, 3, 8, 8, 1, 3, 2, 2})
	f.Add(byte(1), byte(11), uint64(2), []byte{1, 240, 3, 4, 5, 2, 3, 240, 5, 6, 5, 5, 6, 9, 240, 1, 2, 2, 3, 3, 8, 8, 9, 9, 1, 1, 2, 3, 4, 5})
	f.Add(byte(0), byte(0), uint64(3), []byte{241, 1, 1, 1, 2, 2, 2, 2})
	f.Fuzz(func(t *testing.T, which, opt byte, seed uint64, b []byte) {
		ms := fuzzModels()
		m := ms[int(which)%len(ms)]
		K := m.NumIndicators()
		data := rows(floats(b), K)
		whole, err := pls.NewStreamBootstrap(K, 8, seed)
		if err != nil {
			t.Fatal(err)
		}
		s1, _ := pls.NewStreamBootstrap(K, 8, seed)
		s2, _ := pls.NewStreamBootstrap(K, 8, seed)
		for i, row := range data {
			n := whole.N()
			if err := whole.Add(uint64(i), row); err != nil {
				checkErr(t, err)
				if whole.N() != n {
					t.Fatal("rejected row changed N")
				}
				continue
			}
			dst := s1
			if i%2 == 1 {
				dst = s2
			}
			if err := dst.Add(uint64(i), row); err != nil {
				t.Fatal(err)
			}
		}
		if err := s1.Merge(s2); err != nil {
			t.Fatal(err)
		}
		if s1.N() != whole.N() {
			t.Fatalf("merged N %d, whole %d", s1.N(), whole.N())
		}
		bs, err := m.BootstrapStream(s1, options(opt), &pls.Scale{Min: 0, Max: 9})
		if err != nil {
			checkErr(t, err)
			return
		}
		for _, list := range [][]pls.Interval{bs.Weights, bs.Loadings, bs.Paths, bs.TotalEffects, bs.R2, bs.ConsistentPaths, bs.Index} {
			for _, iv := range list {
				for _, v := range []float64{iv.Estimate, iv.Mean, iv.SE, iv.Lower, iv.Upper} {
					if math.IsInf(v, 0) || (math.IsNaN(v) && iv.Reason == "") {
						t.Fatalf("%s: %v without a reason: %+v", iv.Name, v, iv)
					}
				}
			}
		}
	})
}

// FuzzFromInstrument builds models on a servqual instrument with fuzzed
// paths and modes: errors are well formed; a model has the instrument's
// dimensions as constructs.
func FuzzFromInstrument(f *testing.F) {
	f.Add("QUAL", "SAT", "", byte(0))
	f.Add("SAT", "QUAL", "QUAL", byte(1))
	f.Add("QUAL", "LOY", "", byte(0))
	f.Add("QUAL", "QUAL", "X", byte(1))
	in, err := servqual.NewInstrument(servqual.Spec{
		Name: "shop", Scale: servqual.Scale{Min: 1, Max: 7},
		Dimensions: []servqual.Dimension{{Key: "QUAL"}, {Key: "SAT"}},
		Items:      []servqual.Item{{Key: "q1", Dimension: "QUAL"}, {Key: "s1", Dimension: "SAT"}},
	})
	if err != nil {
		f.Skip("servqual instrument unavailable:", err)
	}
	f.Fuzz(func(t *testing.T, from, to, modeFor string, mode byte) {
		var modes map[string]pls.Mode
		if modeFor != "" {
			modes = map[string]pls.Mode{modeFor: pls.Mode(mode % 3)}
		}
		m, err := pls.FromInstrument(in, []pls.Path{{From: from, To: to}}, modes)
		if err != nil {
			checkErr(t, err)
			return
		}
		if m.NumConstructs() != 2 || m.NumIndicators() != 2 {
			t.Fatalf("model of %d constructs, %d indicators", m.NumConstructs(), m.NumIndicators())
		}
	})
}
