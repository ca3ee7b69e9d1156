package ep_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestClassifyTable(t *testing.T) {
	// The evaluation table of Berger et al. (1993), row by row.
	L, M, N, W, D := ep.AnswerLike, ep.AnswerMustBe, ep.AnswerNeutral, ep.AnswerLiveWith, ep.AnswerDislike
	A, O, MB, I, R, Q := ep.Attractive, ep.OneDimensional, ep.MustBe, ep.Indifferent, ep.Reverse, ep.Questionable
	answers := []ep.Answer{L, M, N, W, D}
	table := [5][5]ep.Category{
		{Q, A, A, A, O},
		{R, I, I, I, MB},
		{R, I, I, I, MB},
		{R, I, I, I, MB},
		{R, R, R, R, Q},
	}
	for i, f := range answers {
		for j, d := range answers {
			if got, err := ep.Classify(f, d); err != nil || got != table[i][j] {
				t.Errorf("Classify(%v, %v) = %v, %v; want %v", f, d, got, err, table[i][j])
			}
		}
	}
	for _, bad := range [][2]ep.Answer{{ep.AnswerUnknown, L}, {L, 6}, {-1, D}} {
		if got, err := ep.Classify(bad[0], bad[1]); !errors.Is(err, ep.ErrInvalid) || got != ep.CategoryUnknown {
			t.Errorf("Classify(%v, %v) = %v, %v", bad[0], bad[1], got, err)
		}
	}
}

func TestKanoTally(t *testing.T) {
	var k, other ep.KanoTally
	add := func(kt *ep.KanoTally, f, d ep.Answer, n int) {
		for range n {
			if _, err := kt.Add(f, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	add(&k, ep.AnswerLike, ep.AnswerNeutral, 12)       // attractive
	add(&k, ep.AnswerLike, ep.AnswerDislike, 5)        // one-dimensional
	add(&other, ep.AnswerMustBe, ep.AnswerDislike, 3)  // must-be
	add(&other, ep.AnswerNeutral, ep.AnswerNeutral, 4) // indifferent
	add(&other, ep.AnswerDislike, ep.AnswerLike, 1)    // reverse
	if err := k.Merge(&other); err != nil {
		t.Fatal(err)
	}
	// By hand: A=12, O=5, M=3, I=4 → CS+ = 17/24, CS− = −8/24.
	want := ep.KanoReport{
		N:               25,
		Counts:          [6]int64{12, 5, 3, 4, 1, 0},
		Dominant:        ep.Attractive,
		Satisfaction:    17.0 / 24,
		Dissatisfaction: -8.0 / 24,
	}
	if d := cmp.Diff(want, k.Report(), cmpopts.EquateApprox(1e-15, 0)); d != "" {
		t.Errorf("Report mismatch (-want +got):\n%s", d)
	}
}

func TestKanoDominantTies(t *testing.T) {
	pairs := map[ep.Category][2]ep.Answer{
		ep.Attractive:     {ep.AnswerLike, ep.AnswerNeutral},
		ep.OneDimensional: {ep.AnswerLike, ep.AnswerDislike},
		ep.MustBe:         {ep.AnswerNeutral, ep.AnswerDislike},
		ep.Indifferent:    {ep.AnswerNeutral, ep.AnswerNeutral},
	}
	tests := []struct {
		cats []ep.Category
		want ep.Category
	}{
		{[]ep.Category{ep.Attractive, ep.MustBe}, ep.MustBe},
		{[]ep.Category{ep.Attractive, ep.OneDimensional}, ep.OneDimensional},
		{[]ep.Category{ep.Indifferent, ep.Attractive}, ep.Attractive},
		{[]ep.Category{ep.Indifferent}, ep.Indifferent},
	}
	for _, tt := range tests {
		var k ep.KanoTally
		for _, c := range tt.cats {
			p := pairs[c]
			if _, err := k.Add(p[0], p[1]); err != nil {
				t.Fatal(err)
			}
		}
		if got := k.Report().Dominant; got != tt.want {
			t.Errorf("tie among %v: dominant %v, want %v", tt.cats, got, tt.want)
		}
	}
	var empty ep.KanoTally
	r := empty.Report()
	if r.Dominant != ep.CategoryUnknown || !math.IsNaN(r.Satisfaction) || !math.IsNaN(r.Dissatisfaction) {
		t.Errorf("empty Report = %+v", r)
	}
}

func TestKanoText(t *testing.T) {
	for a := ep.AnswerUnknown; a <= ep.AnswerDislike; a++ {
		b, err := a.MarshalText()
		var back ep.Answer = 9
		if err != nil || back.UnmarshalText(b) != nil || back != a {
			t.Errorf("Answer round trip of %v: %q %v %v", a, b, back, err)
		}
	}
	for c := ep.CategoryUnknown; c <= ep.Questionable; c++ {
		b, err := c.MarshalText()
		var back ep.Category = 9
		if err != nil || back.UnmarshalText(b) != nil || back != c {
			t.Errorf("Category round trip of %v: %q %v %v", c, b, back, err)
		}
	}
	var a ep.Answer
	if err := a.UnmarshalText([]byte("Must Be")); err != nil || a != ep.AnswerMustBe {
		t.Errorf(`UnmarshalText("Must Be") = %v, %v`, a, err)
	}
	if err := a.UnmarshalText([]byte("love")); !errors.Is(err, ep.ErrInvalid) || a != ep.AnswerMustBe {
		t.Errorf(`UnmarshalText("love") = %v, %v`, a, err)
	}
	var c ep.Category
	if err := c.UnmarshalText([]byte("One Dimensional")); err != nil || c != ep.OneDimensional {
		t.Errorf(`UnmarshalText("One Dimensional") = %v, %v`, c, err)
	}
	if _, err := ep.Category(-2).MarshalText(); err == nil || ep.Answer(8).String() != "Answer(8)" || ep.Category(8).String() != "Category(8)" {
		t.Error("out-of-range values not reported")
	}
	if _, err := ep.Answer(-2).MarshalText(); err == nil {
		t.Error("Answer(-2) marshalled")
	}
	if err := c.UnmarshalText([]byte("nice")); err == nil {
		t.Error(`Category "nice" accepted`)
	}
}

func FuzzKano(f *testing.F) {
	f.Add([]byte{1, 3, 1, 5, 2, 5, 0, 1})
	f.Add([]byte{})
	f.Add([]byte{5, 5, 6, 1, 255, 255})
	f.Fuzz(func(t *testing.T, pairs []byte) {
		var k ep.KanoTally
		var n int64
		for i := 0; i+1 < len(pairs); i += 2 {
			f, d := ep.Answer(int8(pairs[i])), ep.Answer(int8(pairs[i+1]))
			c, err := k.Add(f, d)
			valid := f >= ep.AnswerLike && f <= ep.AnswerDislike && d >= ep.AnswerLike && d <= ep.AnswerDislike
			if valid != (err == nil) {
				t.Fatalf("Add(%v, %v) = %v, %v", f, d, c, err)
			}
			if err == nil {
				n++
			}
		}
		r := k.Report()
		if r.N != n {
			t.Fatalf("N = %d, want %d", r.N, n)
		}
		if !math.IsNaN(r.Satisfaction) && (r.Satisfaction < 0 || r.Satisfaction > 1 || r.Dissatisfaction < -1 || r.Dissatisfaction > 0) {
			t.Fatalf("coefficients out of range: %+v", r)
		}
		if n > 0 && r.Counts[r.Dominant-1] < r.Counts[ep.MustBe-1] {
			t.Fatalf("dominant %v is not the most frequent: %+v", r.Dominant, r)
		}
	})
}
