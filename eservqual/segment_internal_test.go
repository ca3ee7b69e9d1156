package eservqual

import "testing"

// TestLabelClustersReordered checks the label assignment when the clusters
// come out in another order than the profiles: clusters in reverse order,
// each slightly off its profile, must be labelled back.
func TestLabelClustersReordered(t *testing.T) {
	pr := Profiles()
	var centroids [NumSegments]Profile
	for c := range centroids {
		centroids[c] = pr[NumSegments-1-c]
		centroids[c][1] += 0.2
	}
	perm := labelClusters(centroids, pr, 1e-12)
	for c, s := range perm {
		if s != NumSegments-1-c {
			t.Errorf("cluster %d labelled %v, want %v", c, Segment(s+1), Segment(NumSegments-c))
		}
	}
	// A centroid nearest to one profile can still be best assigned to
	// another when the one-to-one constraint binds: two clusters both near
	// the explorer profile; the one nearer gets it, the other goes to the
	// profile left over (pioneer is nearer to it than skeptic is).
	centroids = pr
	centroids[1] = Profile{4.3, 4.1, 2.6, 2.9} // near explorer, but explorer is taken
	perm = labelClusters(centroids, pr, 1e-12)
	if perm[0] != 0 || perm[1] != 1 {
		t.Errorf("perm %v", perm)
	}
}
