package eservqual_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/cxlab/satisfaction/eservqual"
	"github.com/cxlab/satisfaction/servqual"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// jsonTypes lists a constructor for every JSON type of the package.
var jsonTypes = []func() any{
	func() any { return new(eservqual.TRIScore) },
	func() any { return new(eservqual.Profile) },
	func() any { return new(eservqual.Cluster) },
	func() any { return new(eservqual.SegmentResult) },
	func() any { return new(eservqual.SegmentReport) },
	func() any { return new(eservqual.RecoveryReport) },
	func() any { return new(eservqual.ReferenceShare) },
	func() any { return new(eservqual.Approach) },
	func() any { return new(eservqual.Segment) },
	func() any { return new(eservqual.ApproachKind) },
}

// elem returns the value p points to.
func elem(p any) any {
	switch v := p.(type) {
	case *eservqual.TRIScore:
		return *v
	case *eservqual.Profile:
		return *v
	case *eservqual.Cluster:
		return *v
	case *eservqual.SegmentResult:
		return *v
	case *eservqual.SegmentReport:
		return *v
	case *eservqual.RecoveryReport:
		return *v
	case *eservqual.ReferenceShare:
		return *v
	case *eservqual.Approach:
		return *v
	case *eservqual.Segment:
		return *v
	case *eservqual.ApproachKind:
		return *v
	}
	panic("elem: unknown type")
}

// TestJSONRoundTrip checks every result type in its zero value, empty,
// one-observation and typical states: NaN encodes as null and decodes
// back, so the value round-trips to an equal one.
func TestJSONRoundTrip(t *testing.T) {
	nan := math.NaN()
	score := func(r []float64) eservqual.TRIScore {
		s, err := eservqual.ScoreTRI(r, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	seg := func(data []eservqual.Profile) eservqual.SegmentResult {
		res, err := eservqual.Segmentation(data, &eservqual.SegmentOptions{Rand: rand.New(rand.NewPCG(3, 4)), Restarts: 2})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	bySeg := func(n int) []eservqual.SegmentReport {
		var rs []servqual.Response
		var ss []eservqual.Segment
		for i := range n {
			rs = append(rs, esqualResponse([4]float64{float64(1 + i%5), float64(1 + (i*2)%5), 3, 4}, float64(1+i%5), 4))
			ss = append(ss, eservqual.Segment(1+i%eservqual.NumSegments))
		}
		reps, err := eservqual.BySegment(eservqual.ESQUAL(), rs, ss)
		if err != nil {
			t.Fatal(err)
		}
		return reps
	}
	rec := func(n int) eservqual.RecoveryReport {
		s := eservqual.NewRecoverySample(nil)
		for i := range n {
			p := fill(11, float64(1+i%5))
			p[i%11] = nan
			if err := s.Add(servqual.Response{Perception: p, Outcomes: []float64{float64(1 + i%4), 3}}, i%3 != 2); err != nil {
				t.Fatal(err)
			}
		}
		return s.Report()
	}
	missing := fill(16, 4)
	missing[0], missing[1] = nan, nan
	data := make([]eservqual.Profile, 40)
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range data {
		p := eservqual.Profiles()[i%eservqual.NumSegments]
		for d := range p {
			p[d] += 0.3 * rng.NormFloat64()
		}
		data[i] = p
	}
	tests := []struct {
		name string
		v    any
	}{
		{"TRIScore zero", eservqual.TRIScore{}},
		{"TRIScore missing", score(missing)},
		{"TRIScore typical", score([]float64{5, 4, 4, 3, 3, 3, 2, 4, 2, 2, 3, 1, 1, 2, 4, 4})},
		{"Profile NaN", eservqual.Profile{nan, 1, nan, 2}},
		{"Profile typical", eservqual.Profiles()[2]},
		{"Cluster zero", eservqual.Cluster{}},
		{"SegmentResult zero", eservqual.SegmentResult{}},
		{"SegmentResult one", seg(data[:1])},
		{"SegmentResult typical", seg(data)},
		{"SegmentReport zero", eservqual.SegmentReport{}},
		{"SegmentReport empty", bySeg(0)[0]},
		{"SegmentReport one", bySeg(1)[0]},
		{"SegmentReport typical", bySeg(30)[2]},
		{"RecoveryReport zero", eservqual.RecoveryReport{}},
		{"RecoveryReport empty", rec(0)},
		{"RecoveryReport one", rec(1)},
		{"RecoveryReport typical", rec(40)},
		{"ReferenceShare zero", eservqual.ReferenceShare{}},
		{"ReferenceShare typical", eservqual.ReferenceShares()[0]},
		{"ReferenceShare NaN", eservqual.ReferenceShare{Segment: eservqual.Laggard, Low: nan, High: nan}},
		{"Approach zero", eservqual.Approach{}},
		{"Approach typical", eservqual.Paranoid.Approach()},
		{"Segment", eservqual.Skeptic},
		{"ApproachKind", eservqual.Blended},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.v)
		if err != nil {
			t.Errorf("%s: Marshal: %v", tt.name, err)
			continue
		}
		back := reflect.New(reflect.TypeOf(tt.v)).Interface()
		if err := json.Unmarshal(b, back); err != nil {
			t.Errorf("%s: Unmarshal(%s): %v", tt.name, b, err)
			continue
		}
		if d := cmp.Diff(tt.v, elem(back), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: round trip mismatch (-want +got):\n%s", tt.name, d)
		}
	}
}
