package eservqual_test

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cxlab/satisfaction/eservqual"
	"github.com/cxlab/satisfaction/servqual"
)

func floats(data []byte, n int) []float64 {
	out := make([]float64, 0, n)
	for len(data) >= 8 && len(out) < n {
		out = append(out, math.Float64frombits(binary.LittleEndian.Uint64(data)))
		data = data[8:]
	}
	return out
}

func bytesOf(vs ...float64) []byte {
	var b []byte
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b
}

func FuzzScoreTRI(f *testing.F) {
	nan := math.NaN()
	f.Add(bytesOf(5, 4, 4, 3, 3, 3, nan, 4, 2, 2, 3, 1, nan, nan, 4, 4), 0)
	f.Add(bytesOf(1, 1, 1), 2)
	f.Add(bytesOf(6, 4, 4, 3, 3, 3, 3, 4, 2, 2, 3, 1, 1, 1, 4, 4), 9)
	f.Add(bytesOf(math.Inf(1), 4, 4, 3, 3, 3, 3, 4, 2, 2, 3, 1, 1, 1, 4, 4), -1)
	f.Fuzz(func(t *testing.T, data []byte, min int) {
		s, err := eservqual.ScoreTRI(floats(data, 16), &eservqual.TRIOptions{MinAnswered: min})
		if err != nil {
			if !wrapsSentinel(err) {
				t.Fatalf("ScoreTRI error %v", err)
			}
			return
		}
		if !math.IsNaN(s.Index) && (s.Index < 1 || s.Index > 5 || s.Reason != "") {
			t.Fatalf("index %v reason %q", s.Index, s.Reason)
		}
		if math.IsNaN(s.Index) && s.Reason == "" {
			t.Fatal("undefined index without a reason")
		}
		_ = eservqual.Nearest(s.Profile, nil)
	})
}

func FuzzSegmentation(f *testing.F) {
	f.Add(bytesOf(4, 4, 2, 2, 1, 1, 5, 5), uint64(0), uint8(0))
	f.Add(bytesOf(3, 3, 3, 3), uint64(1), uint8(3))
	f.Add(bytesOf(math.NaN(), 1, 1, 1), uint64(2), uint8(1))
	f.Add(bytesOf(1e308, -1e308, 0, 0, 1e308, 1e308, 1e308, 1e308), uint64(3), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, seed uint64, restarts uint8) {
		vals := floats(data, 4*64)
		var ps []eservqual.Profile
		for i := 0; i+4 <= len(vals); i += 4 {
			ps = append(ps, eservqual.Profile{vals[i], vals[i+1], vals[i+2], vals[i+3]})
		}
		opts := &eservqual.SegmentOptions{Rand: rand.New(rand.NewPCG(seed, 1)), Restarts: int(restarts % 4), MaxIterations: 20}
		res, err := eservqual.Segmentation(ps, opts)
		if err != nil {
			if !wrapsSentinel(err) {
				t.Fatalf("Segmentation error %v", err)
			}
			return
		}
		if math.IsNaN(res.WCSS) || math.IsInf(res.WCSS, 0) {
			t.Fatalf("WCSS = %v", res.WCSS)
		}
		total := 0
		for s, c := range res.Clusters {
			if c.Segment != eservqual.Segment(s+1) || c.Size < 0 {
				t.Fatalf("cluster %d = %+v", s, c)
			}
			total += c.Size
		}
		if total != len(ps) || len(res.Labels) != len(ps) || res.Iterations < 1 || res.Iterations > 20 {
			t.Fatalf("sizes sum to %d of %d, %d labels, %d iterations", total, len(ps), len(res.Labels), res.Iterations)
		}
	})
}

func FuzzRecoveryAndBySegment(f *testing.F) {
	f.Add(bytesOf(4, 4, 4), true, int8(1))
	f.Add(bytesOf(9), false, int8(0))
	f.Add(bytesOf(math.NaN(), 2), true, int8(7))
	f.Fuzz(func(t *testing.T, data []byte, encounter bool, seg int8) {
		vals := floats(data, 22)
		s := eservqual.NewRecoverySample(eservqual.ERecSQUAL())
		before := s.Report()
		if err := s.Add(servqual.Response{Perception: vals}, encounter); err != nil && s.Report().InSample != before.InSample {
			t.Fatal("rejected response counted")
		}
		_, _ = eservqual.BySegment(eservqual.ESQUAL(), []servqual.Response{{Perception: vals}}, []eservqual.Segment{eservqual.Segment(seg)})
		_, _, _ = eservqual.DriverWeights(s.Accumulator(), eservqual.OutcomeLoyalty, eservqual.DefaultDriverWeights())
	})
}
