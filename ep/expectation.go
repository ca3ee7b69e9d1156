package ep

import (
	"math"

	"github.com/cxlab/satisfaction/internal/nanjson"
)

// Sources holds the three sources from which a customer forms an
// expectation before buying (Kotler & Keller, Marketing Management): prior
// purchase experience, word of mouth, and the company's own promises, each
// on the rating scale of the comparison. A source the customer does not
// have is NaN.
type Sources struct {
	// Experience is the expectation formed by past purchases.
	Experience float64 `json:"experience"`
	// WordOfMouth is the expectation formed by what others say.
	WordOfMouth float64 `json:"word_of_mouth"`
	// Promises is the expectation formed by the company's own promises
	// (advertising, sales talk).
	Promises float64 `json:"promises"`
}

// Weights gives the relative weight of each expectation source. Weights
// must be finite and non-negative; they need not sum to one.
type Weights struct {
	// Experience weights Sources.Experience.
	Experience float64 `json:"experience"`
	// WordOfMouth weights Sources.WordOfMouth.
	WordOfMouth float64 `json:"word_of_mouth"`
	// Promises weights Sources.Promises.
	Promises float64 `json:"promises"`
}

// EqualWeights returns weights of one for every source. Kotler & Keller
// name the three sources but give no weights; equal weights are
// the neutral default.
func EqualWeights() Weights { return Weights{Experience: 1, WordOfMouth: 1, Promises: 1} }

// MarshalJSON encodes the sources with a missing (NaN) source as null.
func (s Sources) MarshalJSON() ([]byte, error) {
	type plain Sources
	return nanjson.Marshal(plain(s))
}

// UnmarshalJSON decodes sources; null decodes as NaN (a missing source).
func (s *Sources) UnmarshalJSON(b []byte) error {
	if s == nil {
		return errorf("UnmarshalJSON into a nil *Sources: %w", ErrInvalid)
	}
	type plain Sources
	return nanjson.Unmarshal(b, (*plain)(s))
}

// MarshalJSON encodes the weights with NaN and ±Inf as null (such weights
// are not valid, but they survive the round trip).
func (w Weights) MarshalJSON() ([]byte, error) {
	type plain Weights
	return nanjson.Marshal(plain(w))
}

// UnmarshalJSON decodes weights; null decodes as NaN.
func (w *Weights) UnmarshalJSON(b []byte) error {
	if w == nil {
		return errorf("UnmarshalJSON into a nil *Weights: %w", ErrInvalid)
	}
	type plain Weights
	return nanjson.Unmarshal(b, (*plain)(w))
}

// Blend returns the expectation formed from the available sources:
//
//	E = Σ wᵢ·sᵢ / Σ wᵢ   over the sources sᵢ that are not NaN,
//
// that is, missing sources are skipped and the remaining weights are
// renormalised. The sum is formed with the weights divided by the largest
// of them and the sources divided by 4, so that E is finite for every
// finite input (a weighted mean lies between its smallest and largest
// source). It returns an error wrapping [ErrInvalid] if a weight is
// negative, NaN or ±Inf, if a source is ±Inf, or if no source with a
// positive weight is present.
func Blend(s Sources, w Weights) (float64, error) {
	src := [3]float64{s.Experience, s.WordOfMouth, s.Promises}
	wt := [3]float64{w.Experience, w.WordOfMouth, w.Promises}
	names := [3]string{"experience", "word of mouth", "promises"}
	var wmax float64
	for i := range src {
		if !finiteNonNeg(wt[i]) {
			return math.NaN(), errorf("weight of %s is %v, want finite and ≥ 0: %w", names[i], wt[i], ErrInvalid)
		}
		if math.IsInf(src[i], 0) {
			return math.NaN(), errorf("expectation source %s is %v: %w", names[i], src[i], ErrInvalid)
		}
		if !math.IsNaN(src[i]) {
			wmax = max(wmax, wt[i])
		}
	}
	if wmax == 0 {
		return math.NaN(), errorf("no expectation source with a positive weight is present: %w", ErrInvalid)
	}
	var num, den float64
	for i := range src {
		if math.IsNaN(src[i]) || wt[i] == 0 {
			continue
		}
		v := wt[i] / wmax // in (0, 1]
		num += v * (src[i] / 4)
		den += v
	}
	e := num / den * 4 // |num/den| ≤ max|sᵢ|/4: no overflow
	if !finite(e) {
		return math.NaN(), errorf("blended expectation is %v: %w", e, ErrInvalid)
	}
	return e, nil
}

// Update returns the expectation after an experience by adaptive
// (exponential-smoothing) updating:
//
//	E' = E + λ(P − E)
//
// with learning rate λ in [0, 1]: λ = 0 keeps the expectation, λ = 1
// replaces it with the last performance. The learning rate is a
// fraction, not a percentage. The result lies between E and P (computed
// as E + λ(P − E), or (1 − λ)E + λP where P − E overflows, and kept inside
// [min(E, P), max(E, P)] against rounding), so it is always finite. A
// performance above the expectation raises the bar for the next purchase.
// It returns an error wrapping [ErrInvalid] for NaN or ±Inf inputs or λ
// outside [0, 1].
func Update(expectation, performance, rate float64) (float64, error) {
	if !finite(expectation) || !finite(performance) {
		return math.NaN(), errorf("expectation %v and performance %v must be finite: %w", expectation, performance, ErrInvalid)
	}
	if !(rate >= 0 && rate <= 1) {
		return math.NaN(), errorf("learning rate %v outside [0, 1]: %w", rate, ErrInvalid)
	}
	if rate == 1 {
		return performance, nil
	}
	e := expectation + rate*(performance-expectation)
	if math.IsInf(e, 0) || math.IsNaN(e) {
		// P − E overflowed; (1−λ)E + λP cannot.
		e = (1-rate)*expectation + rate*performance
	}
	// Rounding can step just outside [E, P] (0.7·6 + 0.3·6 =
	// 5.999999999999999); the exact value never does.
	return min(max(e, min(expectation, performance)), max(expectation, performance)), nil
}

// Replay compares a sequence of performances with an expectation that
// moves after each experience by [Update]: outcome i compares
// performances[i] with the expectation formed by the experiences before
// it. It returns the outcomes and the expectation after the last
// experience. A run of delight therefore raises tomorrow's bar, and the
// same performance that delighted at first ends up merely confirming.
//
// The inputs are validated before any comparison; an error (wrapping
// [ErrModel] or [ErrInvalid], naming the index of a bad performance)
// returns no outcomes.
func Replay(m Model, initial, rate float64, performances []float64) ([]Outcome, float64, error) {
	if err := m.validate(); err != nil {
		return nil, math.NaN(), errorf("%w", err)
	}
	if _, err := Update(initial, initial, rate); err != nil {
		return nil, math.NaN(), err
	}
	for i, p := range performances {
		if !finite(p) {
			return nil, math.NaN(), errorf("performance %d is %v: %w", i, p, ErrInvalid)
		}
	}
	out := make([]Outcome, len(performances))
	e := initial
	for i, p := range performances {
		o, err := m.compare(e, p)
		if err != nil {
			return nil, math.NaN(), errorf("performance %d: %w", i, err)
		}
		out[i] = o
		e, _ = Update(e, p, rate) // inputs checked above; a convex combination stays finite
	}
	return out, e, nil
}
