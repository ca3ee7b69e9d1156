package main

import (
	"context"
	"errors"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
)

// The pipeline test on prism checks the coders and, with many keys, the
// merges; the local runner reads this small sample in one bundle, so
// these tests also drive the CombineFns through the sequence a runner
// follows with many bundles: per bundle CreateAccumulator and AddInput,
// the partial accumulator encoded and decoded with the registered coder,
// then MergeAccumulators pairwise and ExtractOutput.

const testBundles = 37

// inBundles splits n items into k contiguous bundles of uneven size.
func inBundles(n, k int) [][2]int {
	var b [][2]int
	for i := range k {
		b = append(b, [2]int{n * i / k, n * (i + 1) / k})
	}
	return b
}

func TestServqualCombineInBundles(t *testing.T) {
	in := servqual.SERVQUAL()
	sq, _, _, err := writeSample(t.TempDir(), testSample)
	if err != nil {
		t.Fatal(err)
	}
	lines := inputLines(t, sq)
	var rs []servqual.Response
	for _, l := range lines {
		if skipLine(l, "branch") {
			continue
		}
		_, _, r, err := parseServqual(in, l)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	fn := &servqualFn{Instrument: in.Name()}
	if err := fn.Setup(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var parts []servqualAcc
	for _, b := range inBundles(len(rs), testBundles) {
		a := fn.CreateAccumulator()
		for _, r := range rs[b[0]:b[1]] {
			if a, err = fn.AddInput(a, r); err != nil {
				t.Fatal(err)
			}
		}
		enc, err := encodeServqualAcc(a)
		if err != nil {
			t.Fatal(err)
		}
		// The state's size depends on the instrument and the measures
		// answered, never on the number of responses (servqual documents
		// 5,049 bytes for perception, expectation and importance).
		if want := 1 + len(in.Name()) + 5049; len(enc) != want {
			t.Errorf("encoded accumulator: %d bytes, want %d", len(enc), want)
		}
		dec, err := decodeServqualAcc(enc)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, dec)
	}
	for len(parts) > 1 { // pairwise, as a tree of merges
		var next []servqualAcc
		for i := 0; i+1 < len(parts); i += 2 {
			m, err := fn.MergeAccumulators(ctx, parts[i], parts[i+1])
			if err != nil {
				t.Fatal(err)
			}
			next = append(next, m)
		}
		if len(parts)%2 == 1 {
			next = append(next, parts[len(parts)-1])
		}
		parts = next
	}
	got, err := fn.ExtractOutput(parts[0])
	if err != nil {
		t.Fatal(err)
	}
	want := servqualReference(t, in, lines)["all"]
	if d := cmp.Diff(decodeJSON(t, want), decodeJSON(t, got), reportsEqual); d != "" {
		t.Errorf("report merged from %d bundles differs from the library's (-want +got):\n%s", testBundles, d)
	}
}

func TestFeedbackCombineInBundles(t *testing.T) {
	_, fbGlob, _, err := writeSample(t.TempDir(), testSample)
	if err != nil {
		t.Fatal(err)
	}
	lines := inputLines(t, fbGlob)
	var fbs []feedback
	for _, l := range lines {
		if skipLine(l, "region") {
			continue
		}
		_, _, fb, err := parseFeedback(l)
		if err != nil {
			t.Fatal(err)
		}
		fbs = append(fbs, fb)
	}
	fn := feedbackFn{}
	a := fn.CreateAccumulator()
	for _, b := range inBundles(len(fbs), testBundles) {
		p := fn.CreateAccumulator()
		for _, x := range fbs[b[0]:b[1]] {
			if p, err = fn.AddInput(p, x); err != nil {
				t.Fatal(err)
			}
		}
		enc, err := encodeFeedbackAcc(p)
		if err != nil {
			t.Fatal(err)
		}
		dec, err := decodeFeedbackAcc(enc)
		if err != nil {
			t.Fatal(err)
		}
		if a, err = fn.MergeAccumulators(context.Background(), a, dec); err != nil {
			t.Fatal(err)
		}
	}
	got, err := fn.ExtractOutput(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := feedbackReference(t, lines)["all"]; got != want {
		t.Errorf("tallies merged from %d bundles: got %s, want %s", testBundles, got, want)
	}
}

// TestCodecRejects checks that a corrupted, truncated or foreign state
// is an error, never a panic or a wrong merge.
func TestCodecRejects(t *testing.T) {
	a := servqualAcc{A: servqual.NewAccumulator(servqual.SERVQUAL())}
	r := servqual.Response{Expectation: make([]float64, 22), Perception: make([]float64, 22)}
	for i := range r.Expectation {
		r.Expectation[i], r.Perception[i] = 6, 5
	}
	if err := a.A.Add(r); err != nil {
		t.Fatal(err)
	}
	good, err := encodeServqualAcc(a)
	if err != nil {
		t.Fatal(err)
	}
	other, err := encodeServqualAcc(servqualAcc{A: servqual.NewAccumulator(servqual.SERVQUAL1988())})
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)/2] ^= 1
	// The 1991 instrument's name in front of the 1988 instrument's state.
	name, _, _ := cutPrefixed(good)
	_, otherState, _ := cutPrefixed(other)
	foreign := append(append([]byte{byte(len(name))}, name...), otherState...)
	for name, b := range map[string][]byte{
		"empty":     nil,
		"truncated": good[:len(good)-1],
		"flipped":   flipped,
		"foreign":   foreign,
		"unknown":   append([]byte{3}, "abc"...),
	} {
		if _, err := decodeServqualAcc(b); err == nil {
			t.Errorf("servqual %s: no error", name)
		}
		if _, err := decodeFeedbackAcc(b); err == nil {
			t.Errorf("feedback %s: no error", name)
		}
	}
	if _, err := decodeServqualAcc(foreign); !errors.Is(err, servqual.ErrInstrument) {
		t.Errorf("foreign state: %v, want an error wrapping servqual.ErrInstrument", err)
	}
	if _, err := encodeServqualAcc(servqualAcc{}); !errors.Is(err, errCodec) {
		t.Errorf("accumulator without instrument: %v, want errCodec", err)
	}
}
