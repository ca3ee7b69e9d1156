package ep_test

import (
	"testing"

	"github.com/cxlab/satisfaction/ep"
)

var sinkOutcome ep.Outcome

func BenchmarkCompare(b *testing.B) {
	m := ep.EPModel()
	perf := [8]float64{1, 2.5, 3.5, 4, 4.5, 5, 6, 7}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		o, err := m.Compare(4, perf[i&7])
		if err != nil {
			b.Fatal(err)
		}
		sinkOutcome = o
	}
}

func BenchmarkTallyAdd(b *testing.B) {
	var t ep.Tally
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := t.Add(ep.Level(i%5 + 1)); err != nil {
			b.Fatal(err)
		}
	}
	if t.N() != int64(b.N) {
		b.Fatal("lost answers")
	}
}
