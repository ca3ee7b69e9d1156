package servqual_test

import (
	"fmt"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
)

// BenchmarkAccumulateWorkers runs Accumulate on a million responses that
// share the storage of 4096 distinct ones (so the data stay in cache and
// memory bandwidth does not limit the scaling) with 1 and 2 workers.
func BenchmarkAccumulateWorkers(b *testing.B) {
	pool := benchResponses(4096)
	rs := make([]servqual.Response, 1_000_000)
	for i := range rs {
		rs[i] = pool[i&4095]
	}
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprint("workers=", w), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := servqual.Accumulate(servqual.SERVQUAL(), rs, w); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(rs))*float64(b.N)/b.Elapsed().Seconds(), "responses/s")
		})
	}
}
