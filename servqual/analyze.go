package servqual

import (
	"errors"
	"runtime"
	"sync"
)

// Analyze scores every response with one accumulator and returns its
// report; it gives the same report as adding the responses to an
// [Accumulator] one by one. An invalid response returns an *InputError
// whose Respondent is its index in responses, and no report; no responses
// (nil or empty) return an error wrapping [ErrEmpty], and a nil or zero
// instrument one wrapping [ErrInstrument].
func Analyze(in *Instrument, responses []Response) (Report, error) {
	if !in.valid() {
		return Report{}, errorf("Analyze: nil or empty instrument: %w", ErrInstrument)
	}
	if len(responses) == 0 {
		return Report{}, errorf("Analyze: no responses to %s: %w", in.name, ErrEmpty)
	}
	a, err := Accumulate(in, responses, 1)
	if err != nil {
		return Report{}, err
	}
	return a.Report(), nil
}

// Accumulate adds responses to a new accumulator using up to workers
// goroutines (workers ≤ 0 means runtime.GOMAXPROCS(0)): the slice is cut
// into one contiguous shard per worker, each shard is accumulated on its
// own, and the shards are merged in order. Merging is exact, so the result
// equals a single pass up to floating-point rounding (the tests check
// agreement to 1e-12 relative).
//
// If any response is invalid, Accumulate returns the *InputError of the
// invalid response with the lowest index (its Respondent set to that
// index) and no accumulator. A nil or zero instrument returns an error
// wrapping [ErrInstrument]; no responses give an empty accumulator, to
// which more may be added. The responses are only read, and the workers
// never outnumber them.
func Accumulate(in *Instrument, responses []Response, workers int) (*Accumulator, error) {
	if !in.valid() {
		return nil, errorf("Accumulate: nil or empty instrument: %w", ErrInstrument)
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(responses)))
	shards := make([]*Accumulator, workers)
	errs := make([]error, workers)
	size := (len(responses) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range shards {
		lo := min(w*size, len(responses))
		hi := min(lo+size, len(responses))
		shards[w] = NewAccumulator(in)
		wg.Add(1)
		go func(a *Accumulator, lo, hi int, errp *error) {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				if err := a.Add(responses[i]); err != nil {
					*errp = withRespondent(err, i)
					return
				}
			}
		}(shards[w], lo, hi, &errs[w])
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for _, s := range shards[1:] {
		if err := shards[0].Merge(s); err != nil {
			return nil, err
		}
	}
	return shards[0], nil
}

// withRespondent returns a copy of an *InputError with its respondent index
// set.
func withRespondent(err error, i int) error {
	var ie *InputError
	if errors.As(err, &ie) {
		c := *ie
		c.Respondent = i
		return &c
	}
	return err
}
