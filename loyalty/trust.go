package loyalty

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/internal/enumtext"
)

// Stage is a stage of customer trust — cognitive, affective, behavioural,
// the three stages commonly described in the CRM literature (see
// [DefaultTrust]) — or of loyalty in Oliver's four-stage model (Oliver
// 1999, "Whence consumer loyalty?", Journal of Marketing 63). Stages are ordered: a higher value is a
// deeper, more lasting bond. The zero value, [StageNone], is a customer
// with no trust yet.
type Stage int8

// The trust stages, from shallowest to deepest. [DefaultTrust] uses
// StageNone, Cognitive, Affective and Behavioural; [OliverTrust] uses all
// five. Each has a token, an English and a Chinese label (see
// [Stage.Chinese]).
const (
	// StageNone is the zero Stage: no trust has formed (无信任).
	StageNone Stage = iota
	// Cognitive trust (认知信任) rests on the offer meeting the customer's
	// needs; it is fragile and shifts with tastes and circumstances.
	Cognitive
	// Affective trust (情感信任) is lasting satisfaction after use, which
	// turns into preference.
	Affective
	// Conative loyalty (意向忠诚) is Oliver's (1999) stage of committed
	// intention to buy again; [DefaultTrust] has no such stage.
	Conative
	// Behavioural trust (行为信任) means the offer has become indispensable:
	// a long, stable relationship, repeat purchase, special attention to the
	// company. It is also Oliver's action loyalty (see [Action]).
	Behavioural
)

// Action is Oliver's (1999) name for the deepest stage, action loyalty
// (intention turned into inertial repurchase). It is the same value as
// [Behavioural] and prints as "behavioural".
const Action = Behavioural

// NumStages is the number of stages above StageNone.
const NumStages = 4

var stageLabels = newLabels(enumtext.Labels{
	Type:    "Stage",
	Token:   []string{"none", "cognitive", "affective", "conative", "behavioural"},
	English: []string{"no trust", "cognitive", "affective", "conative", "behavioural"},
	Chinese: []string{"无信任", "认知信任", "情感信任", "意向忠诚", "行为信任"},
	Alias: map[string]int{
		"认知忠诚": 1, "情感忠诚": 2, "意动忠诚": 3,
		"behavioral": 4, "action": 4, "行为忠诚": 4, "行动忠诚": 4,
	},
	EmptyIsZero: true,
})

// String returns the stage's English label, such as "affective" or "no
// trust" for StageNone, or "Stage(n)" for a value outside the
// enumeration.
func (s Stage) String() string { return stageLabels.English(int(s)) }

// Chinese returns the stage's Chinese label, such as "情感信任" for
// Affective, or "" for a value outside the enumeration.
func (s Stage) Chinese() string { return stageLabels.Chinese(int(s)) }

// MarshalText encodes the stage as its stable token: "none", "cognitive",
// "affective", "conative" or "behavioural". A value outside the
// enumeration is an error wrapping [ErrInvalid].
func (s Stage) MarshalText() ([]byte, error) { return stageLabels.Marshal(int(s)) }

// UnmarshalText decodes a stage from its token, English label or Chinese
// label (Latin letters in any case; space, hyphen and underscore alike),
// or one of the aliases "action", "behavioral", 认知忠诚, 情感忠诚, 意动忠诚,
// 行为忠诚 and 行动忠诚 (Oliver's loyalty stages); "" decodes as StageNone.
// On error s is left unchanged and the error wraps [ErrInvalid].
func (s *Stage) UnmarshalText(text []byte) error {
	return stageLabels.Unmarshal(text, s == nil, func(i int) { *s = Stage(i) })
}

// TrustStep is the rule of a [TrustPolicy] for customers at one stage.
type TrustStep struct {
	// Stage is the stage this step governs.
	Stage Stage `json:"stage"`
	// Advance is the number of satisfying experiences (level ≥ AtLeast),
	// counted while at this stage, that move the customer up to the next
	// stage of the policy. It is ignored for the last stage.
	Advance int `json:"advance"`
	// AtLeast is the lowest level that counts as satisfying at this stage.
	AtLeast ep.Level `json:"at_least"`
	// Run is the number of consecutive failures (level ≤ the policy's
	// Failure) that set the customer back. 1 means any failure does.
	Run int `json:"run"`
	// Severe, if set, makes a single VeryDissatisfied experience set the
	// customer back whatever Run says.
	Severe bool `json:"severe"`
}

// TrustPolicy is the rule by which a sequence of satisfaction levels builds
// or erodes trust. Satisfaction is a one-off judgement; trust is built by
// repeated satisfaction, and once behavioural trust is established the
// customer judges successes and failures rationally, so one bad experience
// no longer undoes it (Oliver 1999 describes the same resilience for
// action loyalty).
//
// The state is a [TrustState]: the stage, the satisfying experiences counted
// at that stage (Progress) and the current run of failures (Failures). For
// an experience of level l at a stage governed by step s:
//
//	l ≥ s.AtLeast      Progress+1, Failures = 0; when Progress reaches
//	                   s.Advance the customer moves up one stage with
//	                   Progress = Failures = 0
//	l ≤ Failure        Failures+1; when Failures reaches s.Run, or l is
//	                   VeryDissatisfied and s.Severe, the customer is set
//	                   back: down one stage (none stays none) with
//	                   Progress = Failures = 0
//	otherwise          Failures = 0 (a run is broken), Progress unchanged
//
// A customer therefore never skips a stage, up or down. Policies are
// plain values whose methods only read them: safe to share between
// goroutines as long as no one changes Steps meanwhile; copy one (and its
// Steps) and change it to model a different business.
type TrustPolicy struct {
	// Steps holds one rule per stage, in increasing stage order, the first
	// for StageNone.
	Steps []TrustStep `json:"steps"`
	// Failure is the highest level that counts as a failure.
	Failure ep.Level `json:"failure"`
}

// DefaultTrust returns a three-stage trust policy, none → cognitive →
// affective → behavioural (认知信任 → 情感信任 → 行为信任): the stages of
// trust commonly described in the Chinese CRM literature, close to
// Oliver's (1999) sequence without the conative stage. No published source
// gives counts; these are illustrative defaults:
//
//	stage        advance after          set back by
//	none         1 satisfying (≥ sat.)  any failure (progress lost)
//	cognitive    2 satisfying (≥ sat.)  any failure (back to none)
//	affective    3 satisfying (≥ sat.)  any failure (back to cognitive)
//	behavioural  —                      3 failures in a row, or one very
//	                                    dissatisfied experience
//
// A failure is an experience at Dissatisfied or below. Six satisfying
// experiences without a failure make behavioural trust.
func DefaultTrust() TrustPolicy {
	return TrustPolicy{
		Failure: ep.Dissatisfied,
		Steps: []TrustStep{
			{Stage: StageNone, Advance: 1, AtLeast: ep.Satisfied, Run: 1},
			{Stage: Cognitive, Advance: 2, AtLeast: ep.Satisfied, Run: 1},
			{Stage: Affective, Advance: 3, AtLeast: ep.Satisfied, Run: 1},
			{Stage: Behavioural, AtLeast: ep.Satisfied, Run: 3, Severe: true},
		},
	}
}

// OliverTrust returns a policy for Oliver's (1999) four stages of loyalty:
// cognitive (loyalty to the offer's performance, shallow), affective
// (liking, still open to deterioration), conative (committed intention,
// vulnerable to repeated failures) and action (inertial repurchase, which
// overcomes obstacles). Oliver gives no counts; these are illustrative:
//
//	stage      advance after            set back by
//	none       1 satisfying (≥ sat.)    any failure
//	cognitive  2 satisfying (≥ sat.)    any failure
//	affective  2 delighted              any failure
//	conative   3 satisfying (≥ sat.)    2 failures in a row, or one very
//	                                    dissatisfied experience
//	action     —                        3 failures in a row, or one very
//	                                    dissatisfied experience
//
// A failure is an experience at Dissatisfied or below.
func OliverTrust() TrustPolicy {
	return TrustPolicy{
		Failure: ep.Dissatisfied,
		Steps: []TrustStep{
			{Stage: StageNone, Advance: 1, AtLeast: ep.Satisfied, Run: 1},
			{Stage: Cognitive, Advance: 2, AtLeast: ep.Satisfied, Run: 1},
			{Stage: Affective, Advance: 2, AtLeast: ep.Delighted, Run: 1},
			{Stage: Conative, Advance: 3, AtLeast: ep.Satisfied, Run: 2, Severe: true},
			{Stage: Action, AtLeast: ep.Satisfied, Run: 3, Severe: true},
		},
	}
}

// Validate reports whether p is usable: at least two steps, the first for
// StageNone, stages strictly increasing and known, Advance ≥ 1 for every
// step but the last, Run ≥ 1, Failure a known level below every AtLeast.
// The error wraps [ErrEmpty] for no steps, [ErrLength] for one step and
// [ErrInvalid] otherwise, and names the step.
func (p TrustPolicy) Validate() error {
	if len(p.Steps) == 0 {
		return fmt.Errorf("loyalty: trust policy has no steps, needs at least 2: %w", ErrEmpty)
	}
	if len(p.Steps) < 2 {
		return fmt.Errorf("loyalty: trust policy has %d steps, needs at least 2: %w", len(p.Steps), ErrLength)
	}
	if !p.Failure.Valid() {
		return fmt.Errorf("loyalty: trust policy failure level %v is not a known level: %w", p.Failure, ErrInvalid)
	}
	for i, s := range p.Steps {
		switch {
		case i == 0 && s.Stage != StageNone:
			return fmt.Errorf("loyalty: trust policy step 0 is for stage %v, want none: %w", s.Stage, ErrInvalid)
		case s.Stage < StageNone || s.Stage > Behavioural:
			return fmt.Errorf("loyalty: trust policy step %d: unknown stage %v: %w", i, s.Stage, ErrInvalid)
		case i > 0 && s.Stage <= p.Steps[i-1].Stage:
			return fmt.Errorf("loyalty: trust policy step %d: stage %v does not follow %v: %w", i, s.Stage, p.Steps[i-1].Stage, ErrInvalid)
		case i < len(p.Steps)-1 && s.Advance < 1:
			return fmt.Errorf("loyalty: trust policy step %d (%v): advance %d must be ≥ 1: %w", i, s.Stage, s.Advance, ErrInvalid)
		case s.Run < 1:
			return fmt.Errorf("loyalty: trust policy step %d (%v): run %d must be ≥ 1: %w", i, s.Stage, s.Run, ErrInvalid)
		case !s.AtLeast.Valid() || s.AtLeast <= p.Failure:
			return fmt.Errorf("loyalty: trust policy step %d (%v): satisfying level %v must be a known level above failure level %v: %w", i, s.Stage, s.AtLeast, p.Failure, ErrInvalid)
		}
	}
	return nil
}

// TrustState is where a customer stands under a [TrustPolicy]. The zero
// value is a new customer: no trust, nothing counted. It is a plain value:
// [TrustPolicy.Observe] and [TrustPolicy.Replay] return new states and
// never change the one passed in, so states may be shared freely.
type TrustState struct {
	// Stage is the customer's trust stage.
	Stage Stage `json:"stage"`
	// Progress counts the satisfying experiences at this stage.
	Progress int `json:"progress"`
	// Failures counts the current run of consecutive failures.
	Failures int `json:"failures"`
}

// trustIndex returns the index of the step for stage st, or −1.
func (p TrustPolicy) trustIndex(st Stage) int {
	for i, s := range p.Steps {
		if s.Stage == st {
			return i
		}
	}
	return -1
}

// trustCheck validates the policy and a state against it and returns the
// state's step index.
func (p TrustPolicy) trustCheck(s TrustState) (int, error) {
	if err := p.Validate(); err != nil {
		return 0, err
	}
	i := p.trustIndex(s.Stage)
	if i < 0 {
		return 0, fmt.Errorf("loyalty: trust state stage %v is not in the policy: %w", s.Stage, ErrInvalid)
	}
	st := p.Steps[i]
	if s.Progress < 0 || (i < len(p.Steps)-1 && s.Progress >= st.Advance) {
		return 0, fmt.Errorf("loyalty: trust state progress %d outside 0..%d at stage %v: %w", s.Progress, st.Advance-1, s.Stage, ErrInvalid)
	}
	if s.Failures < 0 || s.Failures >= st.Run {
		return 0, fmt.Errorf("loyalty: trust state failures %d outside 0..%d at stage %v: %w", s.Failures, st.Run-1, s.Stage, ErrInvalid)
	}
	return i, nil
}

// trustStep applies one experience to a state at step i; p and s are valid.
func (p TrustPolicy) trustStep(i int, s TrustState, l ep.Level) (TrustState, int) {
	st := p.Steps[i]
	last := len(p.Steps) - 1
	switch {
	case l >= st.AtLeast:
		s.Failures = 0
		if i == last {
			// Nothing to climb to; keep counting would only overflow.
			return s, i
		}
		s.Progress++
		if s.Progress >= st.Advance {
			i++
			return TrustState{Stage: p.Steps[i].Stage}, i
		}
	case l <= p.Failure:
		s.Failures++
		if s.Failures >= st.Run || (st.Severe && l == ep.VeryDissatisfied) {
			if i > 0 {
				i--
			}
			return TrustState{Stage: p.Steps[i].Stage}, i
		}
	default:
		s.Failures = 0
	}
	return s, i
}

// Observe returns the state after one experience of level l, by the rule
// of [TrustPolicy]. It is pure: s is not changed. It returns s and an
// error wrapping [ErrInvalid] (or [ErrEmpty], [ErrLength]) if p is not
// valid, if s is not a
// state of p (unknown stage, Progress or Failures out of range), or if l
// is not a known level.
func (p TrustPolicy) Observe(s TrustState, l ep.Level) (TrustState, error) {
	i, err := p.trustCheck(s)
	if err != nil {
		return s, err
	}
	if !l.Valid() {
		return s, fmt.Errorf("loyalty: trust experience level %v is not a known level: %w", l, ErrInvalid)
	}
	next, _ := p.trustStep(i, s, l)
	return next, nil
}

// Replay applies the experiences in order, starting from s, and returns the
// path: path[k] is the state after levels[k]. With no experiences the path
// is empty. It returns an error, and no path, if p or s is not valid or any
// level is not known (the error names its index).
func (p TrustPolicy) Replay(s TrustState, levels []ep.Level) ([]TrustState, error) {
	i, err := p.trustCheck(s)
	if err != nil {
		return nil, err
	}
	for k, l := range levels {
		if !l.Valid() {
			return nil, fmt.Errorf("loyalty: trust experience %d: level %v is not a known level: %w", k, l, ErrInvalid)
		}
	}
	path := make([]TrustState, len(levels))
	for k, l := range levels {
		s, i = p.trustStep(i, s, l)
		path[k] = s
	}
	return path, nil
}

// ReplayOutcomes is [TrustPolicy.Replay] on the levels of a sequence of
// expectation-performance outcomes, such as those of [ep.Replay].
func (p TrustPolicy) ReplayOutcomes(s TrustState, outcomes []ep.Outcome) ([]TrustState, error) {
	levels := make([]ep.Level, len(outcomes))
	for k, o := range outcomes {
		levels[k] = o.Level
	}
	return p.Replay(s, levels)
}

// Condition is a cell of Dick & Basu's (1994) loyalty matrix, which
// crosses relative attitude toward the company with repeat patronage. The
// zero value, [ConditionUnknown], is no condition.
type Condition int8

// The four loyalty conditions of Dick & Basu (1994).
const (
	// ConditionUnknown is the zero Condition.
	ConditionUnknown Condition = iota
	// NoLoyalty is low relative attitude with low repeat patronage.
	NoLoyalty
	// SpuriousLoyalty is low relative attitude with high repeat patronage:
	// the customer buys out of habit, convenience or lack of choice and
	// leaves when a rival offers more.
	SpuriousLoyalty
	// LatentLoyalty is high relative attitude with low repeat patronage:
	// the customer prefers the company but something (price, access)
	// keeps the purchases down.
	LatentLoyalty
	// TrueLoyalty is high relative attitude with high repeat patronage.
	TrueLoyalty
)

var conditionLabels = newLabels(enumtext.Labels{
	Type:        "Condition",
	Token:       []string{"unknown", "no_loyalty", "spurious_loyalty", "latent_loyalty", "true_loyalty"},
	English:     []string{"unknown", "no loyalty", "spurious loyalty", "latent loyalty", "true loyalty"},
	Chinese:     []string{"未知", "无忠诚", "虚假忠诚", "潜在忠诚", "真正忠诚"},
	Alias:       map[string]int{"none": 1, "spurious": 2, "latent": 3, "true": 4, "真忠诚": 4},
	EmptyIsZero: true,
})

// String returns the condition's English label, such as "latent
// loyalty", or "Condition(n)" for a value outside the enumeration.
func (c Condition) String() string { return conditionLabels.English(int(c)) }

// Chinese returns the condition's Chinese label, such as "潜在忠诚" for
// LatentLoyalty, or "" for a value outside the enumeration.
func (c Condition) Chinese() string { return conditionLabels.Chinese(int(c)) }

// MarshalText encodes the condition as its stable token: "unknown",
// "no_loyalty", "spurious_loyalty", "latent_loyalty" or "true_loyalty". A
// value outside the enumeration is an error wrapping [ErrInvalid].
func (c Condition) MarshalText() ([]byte, error) { return conditionLabels.Marshal(int(c)) }

// UnmarshalText decodes a condition from its token, English label or
// Chinese label (Latin letters in any case; space, hyphen and underscore
// alike), or the aliases "none", "spurious", "latent", "true" and 真忠诚;
// "" decodes as ConditionUnknown. On error c is left unchanged and the
// error wraps [ErrInvalid].
func (c *Condition) UnmarshalText(text []byte) error {
	return conditionLabels.Unmarshal(text, c == nil, func(i int) { *c = Condition(i) })
}

// DickBasu returns the cell of Dick & Basu's (1994) loyalty matrix:
//
//	                     repeat patronage high   low
//	relative attitude high    true loyalty       latent loyalty
//	relative attitude low     spurious loyalty   no loyalty
func DickBasu(highAttitude, highPatronage bool) Condition {
	switch {
	case highAttitude && highPatronage:
		return TrueLoyalty
	case highAttitude:
		return LatentLoyalty
	case highPatronage:
		return SpuriousLoyalty
	default:
		return NoLoyalty
	}
}

// DefaultAttitude is the default lowest trust stage read as a high relative
// attitude in the Dick & Basu (1994) cross-tab: affective trust, the stage
// at which lasting satisfaction becomes preference. Use it with
// [DefaultTrust].
const DefaultAttitude = Affective

// TrustCrossTab counts customers by trust stage and repeat patronage (a
// caller-supplied fact: does the customer buy again regularly?) and reads
// the counts as Dick & Basu's (1994) loyalty matrix. Its zero value is
// empty and ready to use. Counts are int64 and never wrap: a count that
// would overflow is an error.
//
// Concurrency: a TrustCrossTab is not safe for concurrent use while it is
// being changed (Add, Merge into it). Its read methods (N, Report) do not
// change it and may be called concurrently with each other, and the
// source of a Merge is only read. To count in parallel, count shards
// separately and Merge them; the merge is exact.
type TrustCrossTab struct {
	counts [NumStages + 1][2]int64
}

// N returns the number of customers counted (0 for a nil cross-tab).
func (t *TrustCrossTab) N() int64 {
	if t == nil {
		return 0
	}
	var n int64
	for _, row := range t.counts {
		n += row[0] + row[1]
	}
	return n
}

// Add counts one customer. It returns an error wrapping [ErrInvalid], and
// counts nothing, if s is not a known stage, the total would overflow
// int64, or t is nil.
func (t *TrustCrossTab) Add(s Stage, highPatronage bool) error {
	if t == nil {
		return fmt.Errorf("loyalty: TrustCrossTab.Add on a nil cross-tab: %w", ErrInvalid)
	}
	if s < StageNone || s > Behavioural {
		return fmt.Errorf("loyalty: TrustCrossTab.Add: stage %v is not a known stage: %w", s, ErrInvalid)
	}
	if t.N() == math.MaxInt64 {
		return fmt.Errorf("loyalty: TrustCrossTab.Add: a cross-tab of %d customers is full (int64): %w", t.N(), ErrInvalid)
	}
	j := 0
	if highPatronage {
		j = 1
	}
	t.counts[s][j]++
	return nil
}

// Merge adds the counts of o to t; o is only read, and a nil o is an empty
// cross-tab. It returns an error wrapping [ErrInvalid], and changes
// nothing, if t is nil or the merged total would overflow int64. Merging
// a cross-tab into itself doubles it.
func (t *TrustCrossTab) Merge(o *TrustCrossTab) error {
	if t == nil {
		return fmt.Errorf("loyalty: TrustCrossTab.Merge into a nil cross-tab: %w", ErrInvalid)
	}
	if o == nil {
		return nil
	}
	if n, m := t.N(), o.N(); n > math.MaxInt64-m {
		return fmt.Errorf("loyalty: TrustCrossTab.Merge of %d customers into %d would overflow int64: %w", m, n, ErrInvalid)
	}
	add := o.counts // a copy, in case o == t
	for i := range t.counts {
		t.counts[i][0] += add[i][0]
		t.counts[i][1] += add[i][1]
	}
	return nil
}

// CrossTabReport is the Dick & Basu reading of a [TrustCrossTab].
type CrossTabReport struct {
	// N is the number of customers counted.
	N int64 `json:"n"`
	// Cells holds the counts by stage (StageNone first) and patronage
	// (index 0 low, 1 high).
	Cells [NumStages + 1][2]int64 `json:"cells"`
	// Attitude is the lowest stage read as a high relative attitude.
	Attitude Stage `json:"attitude"`
	// Counts holds the customers in each condition, indexed by
	// Condition (index 0, ConditionUnknown, is always 0).
	Counts [5]int64 `json:"counts"`
	// Shares holds Counts / N (NaN when N = 0, with a Reason; index 0 is
	// always 0).
	Shares [5]float64 `json:"shares"`
	// Reason says why Shares are NaN (no customers counted); it is empty
	// when they are defined.
	Reason string `json:"reason,omitempty"`
}

// Report reads the counts as Dick & Basu's matrix, taking the stages at or
// above attitude as a high relative attitude (use [DefaultAttitude] for the
// default reading). A nil cross-tab reads as an empty one; with no
// customers the shares are NaN and Reason says why. It returns an error
// wrapping [ErrInvalid] if attitude is not a stage above StageNone.
func (t *TrustCrossTab) Report(attitude Stage) (CrossTabReport, error) {
	if attitude <= StageNone || attitude > Behavioural {
		return CrossTabReport{}, fmt.Errorf("loyalty: TrustCrossTab.Report: attitude stage %v must be cognitive to behavioural: %w", attitude, ErrInvalid)
	}
	if t == nil {
		t = &TrustCrossTab{}
	}
	r := CrossTabReport{Cells: t.counts, Attitude: attitude}
	for s, row := range t.counts {
		for j, n := range row {
			r.Counts[DickBasu(Stage(s) >= attitude, j == 1)] += n
			r.N += n
		}
	}
	for i, n := range r.Counts {
		r.Shares[i] = float64(n) / float64(r.N)
	}
	r.Shares[ConditionUnknown] = 0
	if r.N == 0 {
		r.Reason = "no customers counted: the shares are undefined"
	}
	return r, nil
}
