package loyalty_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/loyalty"
	"github.com/google/go-cmp/cmp"
)

type ts = loyalty.TrustState

func TestTrustObserveTable(t *testing.T) {
	def, oliver := loyalty.DefaultTrust(), loyalty.OliverTrust()
	const (
		none = loyalty.StageNone
		cog  = loyalty.Cognitive
		aff  = loyalty.Affective
		con  = loyalty.Conative
		beh  = loyalty.Behavioural
	)
	tests := []struct {
		name   string
		policy loyalty.TrustPolicy
		in     ts
		l      ep.Level
		want   ts
	}{
		// DefaultTrust: one satisfying experience makes cognitive trust.
		{"none satisfied advances", def, ts{}, ep.Satisfied, ts{Stage: cog}},
		{"none delighted advances", def, ts{}, ep.Delighted, ts{Stage: cog}},
		{"none neutral stays", def, ts{}, ep.Neutral, ts{}},
		{"none failure stays", def, ts{}, ep.Dissatisfied, ts{}},
		// Cognitive needs 2: progress 0 → 1, then 1 → 2 = advance.
		{"cognitive first satisfying counts", def, ts{Stage: cog}, ep.Satisfied, ts{Stage: cog, Progress: 1}},
		{"cognitive second satisfying advances", def, ts{Stage: cog, Progress: 1}, ep.Delighted, ts{Stage: aff}},
		{"cognitive neutral keeps progress", def, ts{Stage: cog, Progress: 1}, ep.Neutral, ts{Stage: cog, Progress: 1}},
		{"cognitive failure undoes trust", def, ts{Stage: cog, Progress: 1}, ep.Dissatisfied, ts{Stage: none}},
		// Affective needs 3: progress 2 → 3 = advance.
		{"affective third satisfying advances", def, ts{Stage: aff, Progress: 2}, ep.Satisfied, ts{Stage: beh}},
		{"affective very dissatisfied back one", def, ts{Stage: aff, Progress: 2}, ep.VeryDissatisfied, ts{Stage: cog}},
		{"affective failure back one", def, ts{Stage: aff}, ep.Dissatisfied, ts{Stage: cog}},
		// Behavioural: one failure is judged rationally; the third in a row demotes.
		{"behavioural 1st failure tolerated", def, ts{Stage: beh}, ep.Dissatisfied, ts{Stage: beh, Failures: 1}},
		{"behavioural 2nd failure tolerated", def, ts{Stage: beh, Failures: 1}, ep.Dissatisfied, ts{Stage: beh, Failures: 2}},
		{"behavioural 3rd failure demotes", def, ts{Stage: beh, Failures: 2}, ep.Dissatisfied, ts{Stage: aff}},
		{"behavioural neutral breaks run", def, ts{Stage: beh, Failures: 2}, ep.Neutral, ts{Stage: beh}},
		{"behavioural satisfying breaks run", def, ts{Stage: beh, Failures: 1}, ep.Satisfied, ts{Stage: beh}},
		{"behavioural very dissatisfied demotes", def, ts{Stage: beh}, ep.VeryDissatisfied, ts{Stage: aff}},
		{"behavioural stays on top", def, ts{Stage: beh}, ep.Delighted, ts{Stage: beh}},
		// Oliver: affective needs two delights; conative tolerates one failure.
		{"oliver affective satisfied not enough", oliver, ts{Stage: aff}, ep.Satisfied, ts{Stage: aff}},
		{"oliver affective second delight", oliver, ts{Stage: aff, Progress: 1}, ep.Delighted, ts{Stage: con}},
		{"oliver conative 1st failure", oliver, ts{Stage: con, Progress: 2}, ep.Dissatisfied, ts{Stage: con, Progress: 2, Failures: 1}},
		{"oliver conative 2nd failure", oliver, ts{Stage: con, Failures: 1}, ep.Dissatisfied, ts{Stage: aff}},
		{"oliver conative severe", oliver, ts{Stage: con}, ep.VeryDissatisfied, ts{Stage: aff}},
		{"oliver conative to action", oliver, ts{Stage: con, Progress: 2}, ep.Satisfied, ts{Stage: loyalty.Action}},
		{"oliver action 2nd failure tolerated", oliver, ts{Stage: loyalty.Action, Failures: 1}, ep.Dissatisfied, ts{Stage: loyalty.Action, Failures: 2}},
	}
	for _, tc := range tests {
		got, err := tc.policy.Observe(tc.in, tc.l)
		if err != nil {
			t.Errorf("%s: Observe(%+v, %v) error %v", tc.name, tc.in, tc.l, err)
			continue
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("%s: Observe(%+v, %v) mismatch (-want +got):\n%s", tc.name, tc.in, tc.l, d)
		}
	}
}

func TestTrustReplayDefault(t *testing.T) {
	s, d, v := ep.Satisfied, ep.Dissatisfied, ep.VeryDissatisfied
	// Hand-worked with the def policy (advance 1, 2, 3; behavioural
	// demoted by 3 failures in a row or one very dissatisfied):
	// S→C0, S→C1, S→A0, S→A1, S→A2, S→B0, D→B f1, S→B f0, D→B f1, D→B f2,
	// D→A0 (third in a row), S→A1, V→C0.
	levels := []ep.Level{s, s, s, s, s, s, d, s, d, d, d, s, v}
	want := []ts{
		{Stage: loyalty.Cognitive}, {Stage: loyalty.Cognitive, Progress: 1},
		{Stage: loyalty.Affective}, {Stage: loyalty.Affective, Progress: 1}, {Stage: loyalty.Affective, Progress: 2},
		{Stage: loyalty.Behavioural}, {Stage: loyalty.Behavioural, Failures: 1}, {Stage: loyalty.Behavioural},
		{Stage: loyalty.Behavioural, Failures: 1}, {Stage: loyalty.Behavioural, Failures: 2},
		{Stage: loyalty.Affective}, {Stage: loyalty.Affective, Progress: 1}, {Stage: loyalty.Cognitive},
	}
	got, err := loyalty.DefaultTrust().Replay(ts{}, levels)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Replay mismatch (-want +got):\n%s", d)
	}
	outcomes := make([]ep.Outcome, len(levels))
	for i, l := range levels {
		outcomes[i] = ep.Outcome{Level: l}
	}
	got2, err := loyalty.DefaultTrust().ReplayOutcomes(ts{}, outcomes)
	if err != nil || !cmp.Equal(got, got2) {
		t.Errorf("ReplayOutcomes = %v, %v; want the Replay path", got2, err)
	}
	if p, err := loyalty.DefaultTrust().Replay(ts{}, nil); err != nil || len(p) != 0 {
		t.Errorf("Replay(nil) = %v, %v; want empty path", p, err)
	}
}

func TestTrustErrors(t *testing.T) {
	def := loyalty.DefaultTrust()
	badStates := []ts{
		{Stage: loyalty.Conative},                 // not in the def policy
		{Stage: loyalty.Stage(9)},                 // unknown
		{Stage: loyalty.Cognitive, Progress: -1},  // negative
		{Stage: loyalty.Cognitive, Progress: 2},   // = Advance: should have advanced
		{Stage: loyalty.Behavioural, Failures: 3}, // = Run: should have been demoted
		{Stage: loyalty.Cognitive, Failures: 1},   // Run 1: no run can be pending
	}
	for _, s := range badStates {
		if got, err := def.Observe(s, ep.Satisfied); !errors.Is(err, loyalty.ErrInvalid) || got != s {
			t.Errorf("Observe(%+v) = %+v, %v; want state unchanged and ErrInvalid", s, got, err)
		}
	}
	for _, l := range []ep.Level{ep.Unknown, 6, -1} {
		if _, err := def.Observe(ts{}, l); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Observe(level %v) error %v, want ErrInvalid", l, err)
		}
	}
	if p, err := def.Replay(ts{}, []ep.Level{ep.Satisfied, ep.Unknown}); !errors.Is(err, loyalty.ErrInvalid) || p != nil {
		t.Errorf("Replay with unknown level = %v, %v", p, err)
	}
	mutate := []func(*loyalty.TrustPolicy){
		func(p *loyalty.TrustPolicy) { p.Steps = p.Steps[:1] },
		func(p *loyalty.TrustPolicy) { p.Steps[0].Stage = loyalty.Cognitive },
		func(p *loyalty.TrustPolicy) { p.Steps[2].Stage = loyalty.Cognitive },
		func(p *loyalty.TrustPolicy) { p.Steps[3].Stage = 7 },
		func(p *loyalty.TrustPolicy) { p.Steps[1].Advance = 0 },
		func(p *loyalty.TrustPolicy) { p.Steps[3].Run = 0 },
		func(p *loyalty.TrustPolicy) { p.Steps[2].AtLeast = ep.Dissatisfied },
		func(p *loyalty.TrustPolicy) { p.Steps[2].AtLeast = ep.Unknown },
		func(p *loyalty.TrustPolicy) { p.Failure = ep.Unknown },
	}
	for i, m := range mutate {
		p := loyalty.DefaultTrust()
		m(&p)
		if err := p.Validate(); !errors.Is(err, loyalty.ErrInvalid) && !errors.Is(err, loyalty.ErrLength) {
			t.Errorf("mutation %d: Validate() = %v, want an error", i, err)
		}
		if _, err := p.Observe(ts{}, ep.Satisfied); err == nil {
			t.Errorf("mutation %d: Observe accepted an invalid policy", i)
		}
	}
	// The last stage needs no Advance.
	p := loyalty.DefaultTrust()
	p.Steps[3].Advance = 0
	if err := p.Validate(); err != nil {
		t.Errorf("Advance 0 on the last stage: %v", err)
	}
	if err := loyalty.OliverTrust().Validate(); err != nil {
		t.Errorf("OliverTrust invalid: %v", err)
	}
}

// trustRank is the position of a stage in the policy's ladder.
func trustRank(p loyalty.TrustPolicy, s loyalty.Stage) int {
	for i, st := range p.Steps {
		if st.Stage == s {
			return i
		}
	}
	return -100
}

func TestTrustNeverSkipsStage(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 1999))
	for _, p := range []loyalty.TrustPolicy{loyalty.DefaultTrust(), loyalty.OliverTrust()} {
		for c := 0; c < 200; c++ {
			levels := make([]ep.Level, 60)
			for i := range levels {
				levels[i] = ep.Level(1 + r.IntN(5))
			}
			path, err := p.Replay(ts{}, levels)
			if err != nil {
				t.Fatal(err)
			}
			prev := 0
			for i, s := range path {
				k := trustRank(p, s.Stage)
				if k-prev > 1 || prev-k > 1 {
					t.Fatalf("step %d (%v): stage %v → %v skips a stage", i, levels[i], p.Steps[prev].Stage, s.Stage)
				}
				// A satisfying experience never lowers trust; a failure never raises it.
				if levels[i] >= p.Steps[prev].AtLeast && k < prev || levels[i] <= p.Failure && k > prev {
					t.Fatalf("step %d: level %v moved %v → %v", i, levels[i], p.Steps[prev].Stage, s.Stage)
				}
				prev = k
			}
		}
	}
}

func TestStageText(t *testing.T) {
	for s := loyalty.StageNone; s <= loyalty.Behavioural; s++ {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back loyalty.Stage = 7
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("round trip %v → %q → %v (%v)", s, b, back, err)
		}
	}
	var s loyalty.Stage
	if err := s.UnmarshalText([]byte("Action")); err != nil || s != loyalty.Behavioural {
		t.Errorf(`UnmarshalText("Action") = %v, %v`, s, err)
	}
	s = loyalty.Affective
	if err := s.UnmarshalText([]byte("loyal")); !errors.Is(err, loyalty.ErrInvalid) || s != loyalty.Affective {
		t.Errorf(`UnmarshalText("loyal") = %v, %v; want unchanged and ErrInvalid`, s, err)
	}
	if _, err := loyalty.Stage(5).MarshalText(); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("MarshalText(5) error %v", err)
	}
	if got := loyalty.Stage(-2).String(); got != "Stage(-2)" {
		t.Errorf("String = %q", got)
	}
	js, err := json.Marshal(ts{Stage: loyalty.Affective, Progress: 1})
	if want := `{"stage":"affective","progress":1,"failures":0}`; err != nil || string(js) != want {
		t.Errorf("json = %s, %v; want %s", js, err, want)
	}
}

func TestDickBasu(t *testing.T) {
	want := map[[2]bool]loyalty.Condition{
		{true, true}: loyalty.TrueLoyalty, {true, false}: loyalty.LatentLoyalty,
		{false, true}: loyalty.SpuriousLoyalty, {false, false}: loyalty.NoLoyalty,
	}
	for in, c := range want {
		if got := loyalty.DickBasu(in[0], in[1]); got != c {
			t.Errorf("DickBasu(%v, %v) = %v, want %v", in[0], in[1], got, c)
		}
	}
	for c := loyalty.ConditionUnknown; c <= loyalty.TrueLoyalty; c++ {
		b, _ := c.MarshalText()
		var back loyalty.Condition
		if err := back.UnmarshalText(b); err != nil || back != c {
			t.Errorf("round trip %v: %v %v", c, back, err)
		}
	}
	var c loyalty.Condition
	if err := c.UnmarshalText([]byte("True_Loyalty")); err != nil || c != loyalty.TrueLoyalty {
		t.Errorf("UnmarshalText(True_Loyalty) = %v, %v", c, err)
	}
	if err := c.UnmarshalText([]byte("fake")); !errors.Is(err, loyalty.ErrInvalid) || c != loyalty.TrueLoyalty {
		t.Errorf("UnmarshalText(fake) = %v, %v", c, err)
	}
}

func TestTrustCrossTab(t *testing.T) {
	var a, b loyalty.TrustCrossTab
	// none/low ×2, cognitive/high, affective/low, behavioural/high ×3.
	must := func(tab *loyalty.TrustCrossTab, s loyalty.Stage, high bool) {
		if err := tab.Add(s, high); err != nil {
			t.Fatal(err)
		}
	}
	must(&a, loyalty.StageNone, false)
	must(&a, loyalty.StageNone, false)
	must(&a, loyalty.Cognitive, true)
	must(&b, loyalty.Affective, false)
	must(&b, loyalty.Behavioural, true)
	must(&b, loyalty.Behavioural, true)
	must(&b, loyalty.Behavioural, true)
	if err := a.Add(loyalty.Stage(6), true); !errors.Is(err, loyalty.ErrInvalid) {
		t.Errorf("Add(stage 6) error %v", err)
	}
	if err := a.Merge(&b); err != nil {
		t.Fatal(err)
	}
	r, err := a.Report(loyalty.DefaultAttitude)
	if err != nil {
		t.Fatal(err)
	}
	// Attitude high from affective: no loyalty 2 (none/low), spurious 1
	// (cognitive/high), latent 1 (affective/low), true 3; N = 7.
	want := loyalty.CrossTabReport{
		N:        7,
		Attitude: loyalty.Affective,
		Counts:   [5]int64{0, 2, 1, 1, 3},
		Shares:   [5]float64{0, 2.0 / 7, 1.0 / 7, 1.0 / 7, 3.0 / 7},
	}
	want.Cells[loyalty.StageNone][0] = 2
	want.Cells[loyalty.Cognitive][1] = 1
	want.Cells[loyalty.Affective][0] = 1
	want.Cells[loyalty.Behavioural][1] = 3
	if d := cmp.Diff(want, r); d != "" {
		t.Errorf("Report mismatch (-want +got):\n%s", d)
	}
	// With attitude high from cognitive, the cognitive repeat buyer is truly loyal.
	r, _ = a.Report(loyalty.Cognitive)
	if r.Counts[loyalty.TrueLoyalty] != 4 || r.Counts[loyalty.SpuriousLoyalty] != 0 {
		t.Errorf("Report(cognitive).Counts = %v", r.Counts)
	}
	for _, bad := range []loyalty.Stage{loyalty.StageNone, 5, -1} {
		if _, err := a.Report(bad); !errors.Is(err, loyalty.ErrInvalid) {
			t.Errorf("Report(%v) error %v", bad, err)
		}
	}
}

func FuzzTrustReplay(f *testing.F) {
	f.Add([]byte{4, 4, 4, 4, 4, 4, 2, 2, 2}, false, 0, 0)
	f.Add([]byte{}, true, 0, 0)
	f.Add([]byte{0, 6, 255}, false, 1, 1)
	f.Add([]byte{5, 5, 1, 5, 5, 5, 5, 5, 5, 5, 3}, true, -1, 1000000)
	f.Add([]byte{1, 1, 1, 1}, false, 1<<30, -5)
	f.Fuzz(func(t *testing.T, data []byte, oliver bool, advance, run int) {
		p := loyalty.DefaultTrust()
		if oliver {
			p = loyalty.OliverTrust()
		}
		if advance != 0 {
			p.Steps[1].Advance = advance
		}
		if run != 0 {
			p.Steps[len(p.Steps)-1].Run = run
		}
		levels := make([]ep.Level, len(data))
		valid := p.Validate() == nil
		for i, b := range data {
			levels[i] = ep.Level(int8(b))
			valid = valid && levels[i].Valid()
		}
		path, err := p.Replay(ts{}, levels)
		if (err == nil) != valid {
			t.Fatalf("Replay error %v, valid input %v", err, valid)
		}
		outcomes := make([]ep.Outcome, len(levels))
		for i, l := range levels {
			outcomes[i].Level = l
		}
		if po, erro := p.ReplayOutcomes(ts{}, outcomes); (erro == nil) != (err == nil) || !cmp.Equal(po, path) {
			t.Fatalf("ReplayOutcomes = %v, %v; Replay = %v, %v", po, erro, path, err)
		}
		if err != nil {
			return
		}
		prev, s := 0, ts{}
		for i, got := range path {
			k := trustRank(p, got.Stage)
			if k < 0 || k-prev > 1 || prev-k > 1 {
				t.Fatalf("step %d: %v → %v skips a stage", i, p.Steps[prev].Stage, got.Stage)
			}
			one, err := p.Observe(s, levels[i])
			if err != nil || one != got {
				t.Fatalf("step %d: Observe = %+v, %v; Replay = %+v", i, one, err, got)
			}
			if got.Progress < 0 || got.Failures < 0 {
				t.Fatalf("step %d: negative counters %+v", i, got)
			}
			prev, s = k, got
		}
	})
}

func FuzzTrustCrossTab(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 255}, int8(2))
	f.Add([]byte{}, int8(0))
	f.Add([]byte{4, 4, 4}, int8(4))
	f.Fuzz(func(t *testing.T, data []byte, attitude int8) {
		var tab loyalty.TrustCrossTab
		var n int64
		for i, b := range data {
			s := loyalty.Stage(int8(b) >> 1)
			err := tab.Add(s, b&1 == 1)
			if (err == nil) != (s >= loyalty.StageNone && s <= loyalty.Behavioural) {
				t.Fatalf("Add %d (%v): %v", i, s, err)
			}
			if err == nil {
				n++
			}
		}
		r, err := tab.Report(loyalty.Stage(attitude))
		if (err == nil) != (attitude >= 1 && attitude <= 4) {
			t.Fatalf("Report(%d) error %v", attitude, err)
		}
		if err != nil {
			return
		}
		var sum int64
		for _, c := range r.Counts {
			sum += c
		}
		if r.N != n || sum != n || r.Counts[0] != 0 {
			t.Fatalf("N %d, sum %d, counted %d, %v", r.N, sum, n, r.Counts)
		}
	})
}

func BenchmarkTrustReplay(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	levels := make([]ep.Level, 10000)
	for i := range levels {
		levels[i] = ep.Level(1 + r.IntN(5))
	}
	p := loyalty.DefaultTrust()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := p.Replay(ts{}, levels); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*float64(len(levels))/b.Elapsed().Seconds(), "experiences/s")
}
