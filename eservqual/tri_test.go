package eservqual_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/eservqual"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestTRIStructure(t *testing.T) {
	in := eservqual.TRI()
	if in.NumItems() != 16 || in.NumDimensions() != 4 || in.Scale() != (servqual.Scale{Min: 1, Max: 5}) {
		t.Fatalf("TRI: %d items, %d dimensions", in.NumItems(), in.NumDimensions())
	}
	for d, key := range []string{"optimism", "innovativeness", "discomfort", "insecurity"} {
		if in.Dimension(d).Key != key || len(in.ItemsOf(d)) != 4 {
			t.Errorf("dimension %d = %v", d, in.Dimension(d))
		}
	}
	if in.Item(0).Key != "OPT1" || in.Item(15).Key != "INS4" || in.Item(8).Reverse {
		t.Errorf("items %v %v", in.Item(0), in.Item(15))
	}
	w, err := eservqual.TRIWithWordings(map[string]string{"OPT1": "my own wording"}, nil)
	if err != nil || w.Item(0).Name != "my own wording" || w.Item(1).Name != in.Item(1).Name || w.Item(0).Chinese != "乐观性 第1题" {
		t.Errorf("TRIWithWordings: %v %v", w.Item(0), err)
	}
	w, err = eservqual.TRIWithWordings(nil, map[string]string{"INS4": "我的措辞"})
	if err != nil || w.Item(15).Chinese != "我的措辞" || w.Item(15).Name != "Insecurity item 4" || w.Chinese() != "技术准备指数 TRI 2.0" {
		t.Errorf("TRIWithWordings Chinese: %v %v", w.Item(15), err)
	}
	if _, err := eservqual.TRIWithWordings(map[string]string{"OPT9": "x"}, nil); err == nil {
		t.Error("unknown item wording accepted")
	}
	if _, err := eservqual.TRIWithWordings(nil, map[string]string{"OPT9": "x"}); err == nil {
		t.Error("unknown Chinese item wording accepted")
	}
}

func TestScoreTRI(t *testing.T) {
	nan := math.NaN()
	ratings := []float64{
		5, 4, 4, 3, // optimism: 16/4 = 4
		3, 3, nan, 4, // innovativeness: 10/3 from three answers
		2, 2, 3, 1, // discomfort: 8/4 = 2
		nan, nan, 4, 4, // insecurity: two answers
	}
	// Default minimum 3: insecurity undefined, so is the index.
	s, err := eservqual.ScoreTRI(ratings, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Profile[0] != 4 || math.Abs(s.Profile[1]-10.0/3) > 1e-15 || s.Profile[2] != 2 || !math.IsNaN(s.Profile[3]) ||
		!math.IsNaN(s.Index) || s.Answered != [4]int{4, 3, 4, 2} || !strings.Contains(s.Reason, "insecurity has 2 answered items") {
		t.Errorf("min 3: %+v", s)
	}
	// Minimum 2: insecurity 4. TRI = (4 + 10/3 + (6 − 2) + (6 − 4))/4 =
	// (40/3)/4 = 10/3.
	s, err = eservqual.ScoreTRI(ratings, &eservqual.TRIOptions{MinAnswered: 2})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(s.Index-10.0/3) > 1e-15 || s.Reason != "" {
		t.Errorf("min 2: %+v", s)
	}
	if _, err := json.Marshal(s); err != nil {
		t.Error(err)
	}
	if b, _ := json.Marshal(eservqual.TRIScore{Profile: eservqual.Profile{nan, 1, 2, 3}, Index: nan}); !strings.Contains(string(b), `"index":null`) {
		t.Errorf("NaN index JSON: %s", b)
	}
	// The reversal comes from the scale: on 0–10, r(x) = 10 − x.
	p := eservqual.Profile{8, 6, 3, 1}
	if got := p.Index(servqual.Scale{Min: 0, Max: 10}); got != (8+6+7+9)/4.0 {
		t.Errorf("0–10 index = %v", got)
	}
	for _, bad := range [][]float64{nil, ratings[:15], append(append([]float64{}, ratings[:15]...), 6)} {
		if _, err := eservqual.ScoreTRI(bad, nil); !errors.Is(err, servqual.ErrLength) && !errors.Is(err, servqual.ErrOutOfScale) {
			t.Errorf("ScoreTRI(%v): %v", bad, err)
		}
	}
	if _, err := eservqual.ScoreTRI(ratings, &eservqual.TRIOptions{MinAnswered: 5}); err == nil {
		t.Error("MinAnswered 5 accepted")
	}
}

func TestSegmentText(t *testing.T) {
	for s := eservqual.SegmentUnknown; s <= eservqual.Laggard; s++ {
		b, err := s.MarshalText()
		var back eservqual.Segment = 9
		if err != nil || back.UnmarshalText(b) != nil || back != s || s.String() != string(b) {
			t.Errorf("round trip of %v", s)
		}
	}
	for text, want := range map[string]eservqual.Segment{"Explorers": eservqual.Explorer, "hesitators": eservqual.Paranoid,
		"Avoider": eservqual.Laggard, " skeptic ": eservqual.Skeptic} {
		var s eservqual.Segment
		if err := s.UnmarshalText([]byte(text)); err != nil || s != want {
			t.Errorf("UnmarshalText(%q) = %v, %v", text, s, err)
		}
	}
	s := eservqual.Pioneer
	if err := s.UnmarshalText([]byte("early adopter")); err == nil || s != eservqual.Pioneer {
		t.Error("unknown segment accepted")
	}
	if _, err := eservqual.Segment(9).MarshalText(); err == nil || eservqual.Segment(9).String() != "Segment(9)" {
		t.Error("Segment(9)")
	}
	kinds := map[eservqual.Segment]eservqual.ApproachKind{eservqual.Explorer: eservqual.HighTech, eservqual.Pioneer: eservqual.Blended,
		eservqual.Skeptic: eservqual.Blended, eservqual.Paranoid: eservqual.HighTouch, eservqual.Laggard: eservqual.HighTouch, eservqual.SegmentUnknown: eservqual.ApproachUnknown}
	for seg, k := range kinds {
		a := seg.Approach()
		if a.Kind != k || (k != eservqual.ApproachUnknown && a.Rationale == "") {
			t.Errorf("%v approach %+v", seg, a)
		}
		b, err := a.Kind.MarshalText()
		var back eservqual.ApproachKind
		if err != nil || back.UnmarshalText(b) != nil || back != k {
			t.Errorf("approach kind round trip %v", k)
		}
	}
	var k eservqual.ApproachKind
	if k.UnmarshalText([]byte("robots")) == nil || eservqual.ApproachKind(7).String() != "ApproachKind(7)" {
		t.Error("bad approach kind")
	}
	if _, err := eservqual.ApproachKind(7).MarshalText(); err == nil {
		t.Error("ApproachKind(7) marshalled")
	}
	var sum float64
	for _, r := range eservqual.ReferenceShares() {
		if strings.Contains(r.Source, "2015") {
			sum += r.Low
		}
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("TRI 2.0 reference shares sum to %v", sum)
	}
}

func TestNearest(t *testing.T) {
	pr := eservqual.Profiles()
	for s, p := range pr {
		if got := eservqual.Nearest(p, nil); got != eservqual.Segment(s+1) {
			t.Errorf("profile %d → %v", s, got)
		}
	}
	// Closer to the laggard profile (2.6, 1.9, 3.9, 4.3) than to any other.
	if got := eservqual.Nearest(eservqual.Profile{2.4, 1.5, 4.2, 4.6}, nil); got != eservqual.Laggard {
		t.Errorf("Nearest = %v", got)
	}
	if got := eservqual.Nearest(eservqual.Profile{math.NaN(), 1, 1, 1}, nil); got != eservqual.SegmentUnknown {
		t.Errorf("NaN profile → %v", got)
	}
	custom := [5]eservqual.Profile{{1, 1, 1, 1}, {2, 2, 2, 2}, {3, 3, 3, 3}, {4, 4, 4, 4}, {5, 5, 5, 5}}
	if got := eservqual.Nearest(eservqual.Profile{3.9, 4, 4, 4.2}, &custom); got != eservqual.Paranoid {
		t.Errorf("custom profiles → %v", got)
	}
}

func TestSegmentationByHand(t *testing.T) {
	// Two respondents at each profile, shifted by +0.3 and +0.1 in
	// optimism: each pair stays with its own profile, so the centroids are
	// the profiles + 0.2 in optimism, every cluster has 2 of 10 (share
	// 0.2), and WCSS = 10 × 0.1² = 0.1. The first iteration assigns, the
	// second changes nothing: 2 iterations, converged.
	pr := eservqual.Profiles()
	var data []eservqual.Profile
	for _, p := range pr {
		a, b := p, p
		a[0] += 0.3
		b[0] += 0.1
		data = append(data, a, b)
	}
	res, err := eservqual.Segmentation(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want eservqual.SegmentResult
	for s, p := range pr {
		c := p
		c[0] += 0.2
		want.Clusters[s] = eservqual.Cluster{Segment: eservqual.Segment(s + 1), Centroid: c, Size: 2, Share: 0.2}
		want.Labels = append(want.Labels, eservqual.Segment(s+1), eservqual.Segment(s+1))
	}
	want.WCSS, want.Iterations, want.Converged = 0.1, 2, true
	if d := cmp.Diff(want, res, cmpopts.EquateApprox(1e-12, 1e-12)); d != "" {
		t.Errorf("Segmentation mismatch (-want +got):\n%s", d)
	}
	if _, err := json.Marshal(res); err != nil {
		t.Error(err)
	}
}

func TestSegmentationMovesAndRelabels(t *testing.T) {
	// Custom profiles on a line: 1, 2, 3, 4, 5 in every dimension. Points
	// at 1.1, 1.3 (near 1), 2.9, 3.1 (near 3), 4.9, 5.1 (near 5), and one
	// at 2.6: it starts nearest profile 3 (distance 0.4·2 = 0.8 vs 0.6·2
	// = 1.2 for profile 2 — squared over four dimensions: 0.64 vs 1.44).
	// Iteration 1: clusters {1.1, 1.3}, {}, {2.6, 2.9, 3.1}, {}, {4.9, 5.1};
	// centroids 1.2, 2 (kept), 2.8667, 4 (kept), 5. Iteration 2: 2.6 is
	// 0.2667 from 2.8667 and 0.6 from 2: no change; converged.
	line := func(v float64) eservqual.Profile { return eservqual.Profile{v, v, v, v} }
	profiles := [5]eservqual.Profile{line(1), line(2), line(3), line(4), line(5)}
	data := []eservqual.Profile{line(1.1), line(1.3), line(2.9), line(3.1), line(4.9), line(5.1), line(2.6)}
	res, err := eservqual.Segmentation(data, &eservqual.SegmentOptions{Profiles: &profiles})
	if err != nil {
		t.Fatal(err)
	}
	mid := (2.6 + 2.9 + 3.1) / 3
	// WCSS: 4 dimensions × (0.1² + 0.1² + (2.6−m)² + (2.9−m)² + (3.1−m)² +
	// 0.1² + 0.1²).
	wcss := 4 * (4*0.01 + (2.6-mid)*(2.6-mid) + (2.9-mid)*(2.9-mid) + (3.1-mid)*(3.1-mid))
	sizes := [5]int{}
	for _, c := range res.Clusters {
		sizes[c.Segment-1] = c.Size
	}
	if sizes != [5]int{2, 0, 3, 0, 2} || math.Abs(res.WCSS-wcss) > 1e-12 || res.Iterations != 2 || !res.Converged ||
		math.Abs(res.Clusters[2].Centroid[0]-mid) > 1e-12 || res.Clusters[1].Centroid != line(2) || res.Labels[6] != eservqual.Skeptic {
		t.Errorf("got %+v", res)
	}
	if _, err := eservqual.Segmentation(nil, nil); err == nil {
		t.Error("empty data accepted")
	}
	if _, err := eservqual.Segmentation([]eservqual.Profile{{1, 2, math.Inf(1), 3}}, nil); err == nil {
		t.Error("Inf accepted")
	}
}

func TestBySegment(t *testing.T) {
	in := eservqual.ESQUAL()
	rs := []servqual.Response{{Perception: fill(22, 5)}, {Perception: fill(22, 3)}, {Perception: fill(22, 4)}, {Perception: fill(22, 1)}}
	segs := []eservqual.Segment{eservqual.Explorer, eservqual.Laggard, eservqual.Explorer, eservqual.SegmentUnknown}
	reps, err := eservqual.BySegment(in, rs, segs)
	if err != nil {
		t.Fatal(err)
	}
	// Explorers: 5 and 4 → 4.5; laggards: 3; the unknown respondent is out.
	if reps[0].Segment != eservqual.Explorer || reps[0].Overall.Perception.Mean != 4.5 || reps[4].Overall.Perception.Mean != 3 ||
		reps[1].Overall.Perception != nil || reps[0].Responses+reps[4].Responses != 3 {
		t.Errorf("BySegment: %+v / %+v", reps[0].Overall.Perception, reps[4].Overall.Perception)
	}
	if _, err := eservqual.BySegment(in, rs, segs[:2]); err == nil {
		t.Error("length mismatch accepted")
	}
	if _, err := eservqual.BySegment(in, rs, []eservqual.Segment{1, 2, 9, 1}); err == nil {
		t.Error("invalid segment accepted")
	}
	bad := append([]servqual.Response{}, rs...)
	bad[2] = servqual.Response{Perception: fill(22, 7)}
	if _, err := eservqual.BySegment(in, bad, segs); err == nil || !strings.Contains(err.Error(), "respondent 2") {
		t.Errorf("bad response: %v", err)
	}
}
