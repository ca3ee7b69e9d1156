package eservqual

import (
	"math"
	"math/rand/v2"

	"github.com/cxlab/satisfaction/internal/enumtext"
	"github.com/cxlab/satisfaction/internal/nanjson"
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

// segmentText holds the text forms of the segments. The English labels are
// the TRI 1.0 names (Parasuraman & Colby 2001); the Chinese labels are the
// terms of the Chinese marketing literature.
var segmentText = enumtext.Codec{
	Pkg:  "eservqual",
	Noun: "TRI segment",
	Err:  ErrInvalid,
	Table: enumtext.MustNew(enumtext.Labels{
		Type:    "Segment",
		Token:   []string{"unknown", "explorer", "pioneer", "skeptic", "paranoid", "laggard"},
		English: []string{"unknown", "explorer", "pioneer", "skeptic", "paranoid", "laggard"},
		Chinese: []string{"未知", "冒险型", "前卫型", "怀疑型", "偏执型", "滞后型"},
		Alias: map[string]int{
			"explorers": 1, "探索者": 1,
			"pioneers": 2, "先驱者": 2,
			"skeptics": 3, "sceptic": 3, "sceptics": 3, "怀疑者": 3,
			"paranoids": 4, "hesitator": 4, "hesitators": 4, "犹豫型": 4,
			"laggards": 5, "avoider": 5, "avoiders": 5, "回避型": 5, "落后者": 5,
		},
		EmptyIsZero: true,
	}),
}

// String returns the segment's English label, its TRI 1.0 name such as
// "explorer", or "Segment(n)" outside the enumeration.
func (s Segment) String() string { return segmentText.English(int(s)) }

// Chinese returns the segment's Chinese label (冒险型, 前卫型, 怀疑型,
// 偏执型, 滞后型; 未知 for SegmentUnknown), or "" outside the enumeration.
func (s Segment) Chinese() string { return segmentText.Chinese(int(s)) }

// MarshalText encodes the segment as its stable token, its TRI 1.0 name:
// "unknown", "explorer", "pioneer", "skeptic", "paranoid" or "laggard". A
// value outside the enumeration is an error wrapping [ErrInvalid].
func (s Segment) MarshalText() ([]byte, error) { return segmentText.Marshal(int(s)) }

// UnmarshalText decodes a segment from its token or English label
// (singular or plural, "sceptic" too), its Chinese label, the TRI 2.0
// names "hesitator" (= Paranoid) and "avoider" (= Laggard), or the Chinese
// variants 探索者, 先驱者, 怀疑者, 犹豫型, 回避型 and 落后者. Space is
// trimmed, Latin letters match in any case, and ' ', '-' and '_' are
// interchangeable. The empty string decodes as SegmentUnknown. On error,
// which wraps [ErrInvalid], s is unchanged.
func (s *Segment) UnmarshalText(text []byte) error {
	return segmentText.Unmarshal(text, s == nil, func(v int) { *s = Segment(v) })
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

// tieTolerance is the relative difference of squared distances below
// which two distances count as tied: rounding noise in a distance is a
// few ulps of the squared coordinates, far below it.
const tieTolerance = 1e-12

// Nearest returns the segment whose profile is nearest to p (Euclidean
// distance over the four dimensions), using Profiles when profiles is nil.
// Distances are computed on coordinates scaled by a power of two (exact),
// so the answer is the same for any magnitude, even ±1e308.
//
// Ties go to the earlier segment (Explorer first): the result is the
// first segment whose squared distance exceeds the smallest by at most
// 1e-12 times the largest squared coordinate, so that rounding noise
// cannot decide. Nearest
// returns SegmentUnknown, meaning no segment, when p or any profile of
// the table has a NaN or ±Inf dimension.
func Nearest(p Profile, profiles *[NumSegments]Profile) Segment {
	if !p.finite() {
		return SegmentUnknown
	}
	if profiles == nil {
		pr := Profiles()
		profiles = &pr
	}
	for s := range profiles {
		if !profiles[s].finite() {
			return SegmentUnknown
		}
	}
	// Scale every coordinate by the same power of two so that the largest
	// magnitude is in [0.5, 1): squared distances cannot overflow or
	// underflow to zero, and the ranking is unchanged.
	m := maxAbs(p)
	for s := range profiles {
		m = max(m, maxAbs(profiles[s]))
	}
	if m == 0 {
		return Explorer // every profile equals p: all tied
	}
	_, e := math.Frexp(m)
	sp := p.scaled(-e)
	var scaled [NumSegments]Profile
	for s := range profiles {
		scaled[s] = profiles[s].scaled(-e)
	}
	// The largest squared coordinate is now below 1.
	return Segment(nearestCentroid(sp, &scaled, tieTolerance) + 1)
}

func (p Profile) finite() bool {
	for _, v := range p {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

func maxAbs(p Profile) float64 {
	return max(math.Abs(p[0]), math.Abs(p[1]), math.Abs(p[2]), math.Abs(p[3]))
}

// scaled returns p·2^e.
func (p Profile) scaled(e int) Profile {
	return Profile{math.Ldexp(p[0], e), math.Ldexp(p[1], e), math.Ldexp(p[2], e), math.Ldexp(p[3], e)}
}

func dist2(a, b Profile) float64 {
	d0, d1, d2, d3 := a[0]-b[0], a[1]-b[1], a[2]-b[2], a[3]-b[3]
	return d0*d0 + d1*d1 + d2*d2 + d3*d3
}

// Limits of [Segmentation]. They bound its work and keep every sum
// finite: at most (Restarts + 1)·MaxIterations passes over the data.
const (
	// MaxProfileMagnitude bounds the absolute value of every dimension
	// of the data and starting profiles (TRI means lie in 1–5); below it
	// no sum of squares overflows for any number of respondents.
	MaxProfileMagnitude = 1e100
	// MaxKMeansIterations is the largest SegmentOptions.MaxIterations.
	MaxKMeansIterations = 10000
	// MaxRestarts is the largest SegmentOptions.Restarts.
	MaxRestarts = 1000
)

// SegmentOptions configures [Segmentation]; nil means the defaults.
//
// Segmentation draws from Rand, which changes its state: a *rand.Rand is
// not safe for concurrent use, so options holding a Rand must not be
// shared by concurrent calls (give each goroutine its own Rand, seeded,
// for reproducible results). Options without a Rand are only read and
// may be shared.
type SegmentOptions struct {
	// Profiles are the starting centroids and the labels' reference (nil:
	// [Profiles]); every value must be finite with magnitude at most
	// MaxProfileMagnitude.
	Profiles *[NumSegments]Profile
	// MaxIterations bounds the k-means iterations of each start (0: 100;
	// at most MaxKMeansIterations).
	MaxIterations int
	// Rand, if not nil, is used for Restarts extra starts from randomly
	// chosen respondents (Forgy initialisation); the solution with the
	// smallest within-cluster sum of squares is kept (the earlier start
	// on a tie). Without it the segmentation is deterministic.
	Rand *rand.Rand
	// Restarts is the number of random starts (0 to MaxRestarts; used
	// only with Rand).
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
	// Share is Size divided by the number of respondents, a fraction.
	Share float64 `json:"share"`
}

// MarshalJSON encodes the cluster with NaN and ±Inf as null.
func (c Cluster) MarshalJSON() ([]byte, error) {
	type plain Cluster
	return nanjson.Marshal(plain(c))
}

// UnmarshalJSON decodes a cluster; null decodes as NaN.
func (c *Cluster) UnmarshalJSON(b []byte) error {
	if c == nil {
		return errorf("UnmarshalJSON into a nil *Cluster: %w", ErrInvalid)
	}
	type plain Cluster
	return nanjson.Unmarshal(b, (*plain)(c))
}

// SegmentResult is a segmentation of a sample.
type SegmentResult struct {
	// Clusters holds the clusters in segment order (Explorer first).
	Clusters [NumSegments]Cluster `json:"clusters"`
	// Labels holds each respondent's segment, in input order.
	Labels []Segment `json:"labels"`
	// WCSS is the within-cluster sum of squared distances.
	WCSS float64 `json:"wcss"`
	// Iterations is the number of k-means iterations of the kept start.
	Iterations int `json:"iterations"`
	// Converged reports whether the assignments stopped changing before
	// MaxIterations.
	Converged bool `json:"converged"`
}

// MarshalJSON encodes the result with NaN and ±Inf as null.
func (r SegmentResult) MarshalJSON() ([]byte, error) {
	type plain SegmentResult
	return nanjson.Marshal(plain(r))
}

// UnmarshalJSON decodes a result; null decodes as NaN.
func (r *SegmentResult) UnmarshalJSON(b []byte) error {
	if r == nil {
		return errorf("UnmarshalJSON into a nil *SegmentResult: %w", ErrInvalid)
	}
	type plain SegmentResult
	return nanjson.Unmarshal(b, (*plain)(r))
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
// Ties are broken deterministically, with distances within a relative
// 1e-12 of each other counting as tied: a respondent equally near two
// centroids joins the earlier cluster; of equally good labellings the
// one first in lexicographic order (cluster 0's profile index first) is
// kept; of equally good starts the earlier.
//
// It returns an error wrapping [ErrEmpty] for no profiles, and one
// wrapping [ErrInvalid] for a respondent or starting profile with a NaN,
// ±Inf or a value of magnitude above [MaxProfileMagnitude] (score
// respondents with [ScoreTRI] and leave out those whose index is
// undefined), or for MaxIterations or Restarts outside 0 to
// [MaxKMeansIterations] or [MaxRestarts]. Memory is allocated once; the
// iterations allocate nothing.
func Segmentation(data []Profile, opts *SegmentOptions) (SegmentResult, error) {
	if len(data) == 0 {
		return SegmentResult{}, errorf("no profiles to segment: %w", ErrEmpty)
	}
	for i, p := range data {
		if d, ok := checkProfile(p); !ok {
			return SegmentResult{}, errorf("respondent %d: %s is %v, want finite with magnitude ≤ %g: %w", i, triDims[d].Key, p[d], float64(MaxProfileMagnitude), ErrInvalid)
		}
	}
	profiles := Profiles()
	maxIter := 100
	var rng *rand.Rand
	restarts := 0
	if opts != nil {
		if opts.Profiles != nil {
			profiles = *opts.Profiles
			for s, p := range profiles {
				if d, ok := checkProfile(p); !ok {
					return SegmentResult{}, errorf("starting profile %d (%v): %s is %v, want finite with magnitude ≤ %g: %w", s, Segment(s+1), triDims[d].Key, p[d], float64(MaxProfileMagnitude), ErrInvalid)
				}
			}
		}
		if opts.MaxIterations < 0 || opts.MaxIterations > MaxKMeansIterations {
			return SegmentResult{}, errorf("MaxIterations %d outside 0..%d: %w", opts.MaxIterations, MaxKMeansIterations, ErrInvalid)
		}
		if opts.MaxIterations > 0 {
			maxIter = opts.MaxIterations
		}
		if opts.Restarts < 0 || opts.Restarts > MaxRestarts {
			return SegmentResult{}, errorf("Restarts %d outside 0..%d: %w", opts.Restarts, MaxRestarts, ErrInvalid)
		}
		if opts.Rand != nil {
			rng, restarts = opts.Rand, opts.Restarts
		}
	}
	// tol is the absolute tie tolerance on squared distances.
	var m float64
	for _, p := range data {
		m = max(m, maxAbs(p))
	}
	for _, p := range profiles {
		m = max(m, maxAbs(p))
	}
	tol := tieTolerance * max(m*m, math.SmallestNonzeroFloat64)

	assign := make([]int8, len(data))
	best := kmeans(data, profiles, maxIter, assign, tol)
	bestAssign := assign
	if restarts > 0 {
		trial := make([]int8, len(data))
		for r := 0; r < restarts; r++ {
			var start [NumSegments]Profile
			for c := range start {
				start[c] = data[rng.IntN(len(data))]
			}
			res := kmeans(data, start, maxIter, trial, tol)
			if res.wcss < best.wcss-tol*float64(len(data)) {
				best = res
				bestAssign, trial = trial, bestAssign
			}
		}
	}
	perm := labelClusters(best.centroids, profiles, tol)
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

// checkProfile returns the first dimension of p that is not finite or is
// above MaxProfileMagnitude in magnitude.
func checkProfile(p Profile) (int, bool) {
	for d, v := range p {
		if !(math.Abs(v) <= MaxProfileMagnitude) {
			return d, false
		}
	}
	return 0, true
}

type kmResult struct {
	centroids [NumSegments]Profile
	sizes     [NumSegments]int
	wcss      float64
	iter      int
	converged bool
}

// kmeans runs Lloyd's algorithm from start, writing assignments to assign.
func kmeans(data []Profile, start [NumSegments]Profile, maxIter int, assign []int8, tol float64) kmResult {
	r := kmResult{centroids: start}
	for i := range assign {
		assign[i] = -1
	}
	for r.iter = 1; r.iter <= maxIter; r.iter++ {
		changed := false
		var sum [NumSegments]Profile
		var n [NumSegments]int
		for i, p := range data {
			c := nearestCentroid(p, &r.centroids, tol)
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

// nearestCentroid returns the centroid nearest to p, the earliest of
// those within tol of the nearest.
func nearestCentroid(p Profile, cs *[NumSegments]Profile, tol float64) int8 {
	var d [NumSegments]float64
	minD := math.Inf(1)
	for c := range cs {
		d[c] = dist2(p, cs[c])
		minD = min(minD, d[c])
	}
	for c := range cs {
		if d[c] <= minD+tol {
			return int8(c)
		}
	}
	return 0
}

// labelClusters returns perm with perm[cluster] = profile index, the
// one-to-one assignment minimising the total squared distance between
// centroids and profiles (exhaustive over the 5! = 120 permutations in
// lexicographic order; an assignment within tol of the best so far does
// not replace it, so of tied assignments the first in lexicographic order
// is kept).
func labelClusters(centroids, profiles [NumSegments]Profile, tol float64) [NumSegments]int {
	var cost [NumSegments][NumSegments]float64
	for c := range centroids {
		for s := range profiles {
			cost[c][s] = dist2(centroids[c], profiles[s])
		}
	}
	var perm, best [NumSegments]int
	bestCost := math.Inf(1)
	var used [NumSegments]bool
	var permute func(k int, total float64)
	permute = func(k int, total float64) {
		if k == NumSegments {
			if total < bestCost-tol {
				best, bestCost = perm, total
			}
			return
		}
		for s := 0; s < NumSegments; s++ {
			if used[s] {
				continue
			}
			used[s], perm[k] = true, s
			permute(k+1, total+cost[k][s])
			used[s] = false
		}
	}
	permute(0, 0)
	return best
}
