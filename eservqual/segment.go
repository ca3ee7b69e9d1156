package eservqual

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Segment is a technology-readiness segment (Parasuraman & Colby 2001).
// The zero value, SegmentUnknown, is no segment.
type Segment int8

// The five segments, from most to least ready. TRI 2.0 (Parasuraman &
// Colby 2015) renamed paranoids "hesitators" and laggards "avoiders";
// UnmarshalText accepts both names.
const (
	// SegmentUnknown is the zero Segment.
	SegmentUnknown Segment = iota
	// Explorer: high motivation, low inhibition; the first to try new
	// technology.
	Explorer
	// Pioneer: high motivation and high inhibition; wants the benefits but
	// is wary.
	Pioneer
	// Skeptic: low motivation and low inhibition; detached, needs to be
	// convinced of the benefits.
	Skeptic
	// Paranoid (TRI 2.0: hesitator): optimistic but low in
	// innovativeness and high in discomfort and insecurity.
	Paranoid
	// Laggard (TRI 2.0: avoider): low motivation, high inhibition; the
	// last to adopt.
	Laggard
)

// NumSegments is the number of known segments.
const NumSegments = 5

var segmentNames = [...]string{"unknown", "explorer", "pioneer", "skeptic", "paranoid", "laggard"}

// String returns the segment's TRI 1.0 name, such as "explorer".
func (s Segment) String() string {
	if s >= SegmentUnknown && s <= Laggard {
		return segmentNames[s]
	}
	return fmt.Sprintf("Segment(%d)", int(s))
}

// MarshalText encodes the segment as its TRI 1.0 name.
func (s Segment) MarshalText() ([]byte, error) {
	if s < SegmentUnknown || s > Laggard {
		return nil, fmt.Errorf("eservqual: cannot marshal Segment(%d)", int(s))
	}
	return []byte(segmentNames[s]), nil
}

// UnmarshalText decodes a segment from its name, singular or plural and in
// any case: the TRI 1.0 names, and the TRI 2.0 names "hesitator" (=
// Paranoid) and "avoider" (= Laggard). On error s is unchanged.
func (s *Segment) UnmarshalText(text []byte) error {
	name := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(string(text))), "s")
	switch name {
	case "hesitator":
		*s = Paranoid
		return nil
	case "avoider":
		*s = Laggard
		return nil
	}
	for i, n := range segmentNames {
		if name == n {
			*s = Segment(i)
			return nil
		}
	}
	return fmt.Errorf("eservqual: unknown TRI segment %q", string(text))
}

// Profiles returns the documented profile set: one centroid per segment
// (index 0 = Explorer … 4 = Laggard) in dimension means on the 1–5 scale.
//
// Parasuraman & Colby (2001, Techno-Ready Marketing) describe the segments
// by which dimensions are high and low: explorers high on both motivators
// and low on both inhibitors; pioneers high on all four; skeptics low on
// all four; paranoids optimistic but low in innovativeness and high on
// both inhibitors; laggards low motivators, high inhibitors. These
// centroids are the library's numerical rendering of that qualitative
// description (high ≈ 3.9–4.3, low ≈ 1.9–2.6), not centroids published by
// the authors; pass your own through [SegmentOptions] if you have them.
func Profiles() [NumSegments]Profile {
	return [NumSegments]Profile{
		{4.3, 4.1, 2.2, 2.5}, // explorer
		{4.2, 3.9, 3.5, 3.8}, // pioneer
		{3.0, 2.5, 2.4, 2.7}, // skeptic
		{4.0, 2.3, 3.7, 4.2}, // paranoid
		{2.6, 1.9, 3.9, 4.3}, // laggard
	}
}

// Nearest returns the segment whose profile is nearest to p (Euclidean
// distance over the four dimensions), using Profiles when profiles is nil.
// Ties go to the earlier segment. A profile with a NaN or ±Inf dimension
// gives SegmentUnknown.
func Nearest(p Profile, profiles *[NumSegments]Profile) Segment {
	for _, v := range p {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return SegmentUnknown
		}
	}
	if profiles == nil {
		pr := Profiles()
		profiles = &pr
	}
	best, bestD := 0, math.Inf(1)
	for s := range profiles {
		if d := dist2(p, profiles[s]); d < bestD {
			best, bestD = s, d
		}
	}
	return Segment(best + 1)
}

func dist2(a, b Profile) float64 {
	d0, d1, d2, d3 := a[0]-b[0], a[1]-b[1], a[2]-b[2], a[3]-b[3]
	return d0*d0 + d1*d1 + d2*d2 + d3*d3
}

// SegmentOptions configures [Segmentation]; nil means the defaults.
type SegmentOptions struct {
	// Profiles are the starting centroids and the labels' reference (nil:
	// [Profiles]).
	Profiles *[NumSegments]Profile
	// MaxIterations bounds the k-means iterations of each start (0: 100).
	MaxIterations int
	// Rand, if not nil, is used for Restarts extra starts from randomly
	// chosen respondents (Forgy initialisation); the solution with the
	// smallest within-cluster sum of squares is kept. Without it the
	// segmentation is deterministic.
	Rand *rand.Rand
	// Restarts is the number of random starts (used only with Rand).
	Restarts int
}

// Cluster is one cluster of a segmentation.
type Cluster struct {
	// Segment labels the cluster.
	Segment Segment `json:"segment"`
	// Centroid is the mean profile of its respondents.
	Centroid Profile `json:"centroid"`
	// Size is the number of respondents.
	Size int `json:"size"`
	// Share is Size divided by the number of respondents.
	Share float64 `json:"share"`
}

// SegmentResult is a segmentation of a sample.
type SegmentResult struct {
	// Clusters holds the clusters in segment order (Explorer first).
	Clusters [NumSegments]Cluster `json:"clusters"`
	// Labels holds each respondent's segment, in input order.
	Labels []Segment `json:"-"`
	// WCSS is the within-cluster sum of squared distances.
	WCSS float64 `json:"wcss"`
	// Iterations is the number of k-means iterations of the kept start.
	Iterations int `json:"iterations"`
	// Converged reports whether the assignments stopped changing before
	// MaxIterations.
	Converged bool `json:"converged"`
}

// Segmentation splits respondents' TRI profiles into the five segments by
// k-means (Lloyd's algorithm, k = 5) started from the profile set, then
// labels each resulting cluster with a segment by the one-to-one
// assignment of clusters to profiles that minimises the total squared
// distance (all 5! assignments are tried).
//
// The published segmentations come from cluster analysis of the four
// dimension scores (TRI 1.0; Parasuraman & Colby 2001) and latent-class
// analysis (TRI 2.0; Parasuraman & Colby 2015); this k-means is an
// approximation of those methods, not a reproduction of them. A cluster
// that loses all its respondents keeps its previous centroid.
//
// It returns an error for no profiles or a profile with NaN or ±Inf (score
// respondents with [ScoreTRI] and leave out those whose index is
// undefined). Memory is allocated once; the iterations allocate nothing.
func Segmentation(data []Profile, opts *SegmentOptions) (SegmentResult, error) {
	if len(data) == 0 {
		return SegmentResult{}, fmt.Errorf("eservqual: no profiles to segment")
	}
	for i, p := range data {
		for d, v := range p {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return SegmentResult{}, fmt.Errorf("eservqual: respondent %d: %s is %v", i, triDims[d].Key, v)
			}
		}
	}
	profiles := Profiles()
	maxIter := 100
	var rng *rand.Rand
	restarts := 0
	if opts != nil {
		if opts.Profiles != nil {
			profiles = *opts.Profiles
		}
		if opts.MaxIterations > 0 {
			maxIter = opts.MaxIterations
		}
		if opts.Rand != nil {
			rng, restarts = opts.Rand, max(0, opts.Restarts)
		}
	}
	assign := make([]int8, len(data))
	best := kmeans(data, profiles, maxIter, assign)
	bestAssign := assign
	if restarts > 0 {
		trial := make([]int8, len(data))
		for r := 0; r < restarts; r++ {
			var start [NumSegments]Profile
			for c := range start {
				start[c] = data[rng.IntN(len(data))]
			}
			res := kmeans(data, start, maxIter, trial)
			if res.wcss < best.wcss {
				best = res
				bestAssign, trial = trial, bestAssign
			}
		}
	}
	perm := labelClusters(best.centroids, profiles)
	out := SegmentResult{WCSS: best.wcss, Iterations: best.iter, Converged: best.converged, Labels: make([]Segment, len(data))}
	for c := 0; c < NumSegments; c++ {
		s := perm[c]
		out.Clusters[s] = Cluster{Segment: Segment(s + 1), Centroid: best.centroids[c], Size: best.sizes[c],
			Share: float64(best.sizes[c]) / float64(len(data))}
	}
	for i, c := range bestAssign {
		out.Labels[i] = Segment(perm[c] + 1)
	}
	return out, nil
}

type kmResult struct {
	centroids [NumSegments]Profile
	sizes     [NumSegments]int
	wcss      float64
	iter      int
	converged bool
}

// kmeans runs Lloyd's algorithm from start, writing assignments to assign.
func kmeans(data []Profile, start [NumSegments]Profile, maxIter int, assign []int8) kmResult {
	r := kmResult{centroids: start}
	for i := range assign {
		assign[i] = -1
	}
	for r.iter = 1; r.iter <= maxIter; r.iter++ {
		changed := false
		var sum [NumSegments]Profile
		var n [NumSegments]int
		for i, p := range data {
			c := nearestCentroid(p, &r.centroids)
			if assign[i] != c {
				assign[i] = c
				changed = true
			}
			n[c]++
			for d := range p {
				sum[c][d] += p[d]
			}
		}
		for c := range sum {
			if n[c] > 0 {
				for d := range sum[c] {
					r.centroids[c][d] = sum[c][d] / float64(n[c])
				}
			}
		}
		r.sizes = n
		if !changed {
			r.converged = true
			break
		}
	}
	if r.iter > maxIter {
		r.iter = maxIter
	}
	for i, p := range data {
		r.wcss += dist2(p, r.centroids[assign[i]])
	}
	return r
}

func nearestCentroid(p Profile, cs *[NumSegments]Profile) int8 {
	best, bestD := 0, dist2(p, cs[0])
	for c := 1; c < NumSegments; c++ {
		if d := dist2(p, cs[c]); d < bestD {
			best, bestD = c, d
		}
	}
	return int8(best)
}

// labelClusters returns perm with perm[cluster] = profile index, the
// one-to-one assignment minimising the total squared distance between
// centroids and profiles (exhaustive over the 5! = 120 permutations; of
// tied assignments the first generated is kept).
func labelClusters(centroids, profiles [NumSegments]Profile) [NumSegments]int {
	var cost [NumSegments][NumSegments]float64
	for c := range centroids {
		for s := range profiles {
			cost[c][s] = dist2(centroids[c], profiles[s])
		}
	}
	perm := [NumSegments]int{0, 1, 2, 3, 4}
	best, bestCost := perm, math.Inf(1)
	var permute func(k int)
	permute = func(k int) {
		if k == NumSegments {
			var total float64
			for c, s := range perm {
				total += cost[c][s]
			}
			if total < bestCost {
				best, bestCost = perm, total
			}
			return
		}
		for i := k; i < NumSegments; i++ {
			perm[k], perm[i] = perm[i], perm[k]
			permute(k + 1)
			perm[k], perm[i] = perm[i], perm[k]
		}
	}
	permute(0)
	return best
}
