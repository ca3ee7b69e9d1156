package ep_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The Wilson bounds below were computed independently with SciPy 1.10.1:
//
//	/usr/bin/python3 -c "from scipy.stats import binomtest; \
//	  ci = binomtest(k, n).proportion_ci(confidence_level=c, method='wilson'); \
//	  print(repr(ci.low), repr(ci.high))"
func TestWilson(t *testing.T) {
	tests := []struct {
		k, n int64
		conf float64
		want ep.Interval
	}{
		{7, 10, 0.95, ep.Interval{0.39677814746114526, 0.892208732593699}},
		{0, 10, 0.95, ep.Interval{0, 0.27753279986288926}},
		{10, 10, 0.95, ep.Interval{0.7224672001371109, 1}},
		{170, 250, 0.95, ep.Interval{0.6198266709073212, 0.7347253412743187}},
		{1, 1, 0.95, ep.Interval{0.20654931437723745, 1}},
		{3, 4, 0.95, ep.Interval{0.30064184258240184, 0.9544127391902995}},
		{42, 60, 0.90, ep.Interval{0.5957919106719779, 0.7869493698907141}},
	}
	for _, tt := range tests {
		got := ep.Wilson(tt.k, tt.n, tt.conf)
		if d := cmp.Diff(tt.want, got, cmpopts.EquateApprox(1e-12, 1e-15)); d != "" {
			t.Errorf("Wilson(%d, %d, %v) mismatch (-want +got):\n%s", tt.k, tt.n, tt.conf, d)
		}
	}
	for _, bad := range []struct {
		k, n int64
		c    float64
	}{{0, 0, 0.95}, {-1, 5, 0.95}, {6, 5, 0.95}, {1, 5, 0}, {1, 5, 1}, {1, 5, math.NaN()}} {
		if got := ep.Wilson(bad.k, bad.n, bad.c); !math.IsNaN(got.Low) || !math.IsNaN(got.High) {
			t.Errorf("Wilson(%d, %d, %v) = %v, want NaN", bad.k, bad.n, bad.c, got)
		}
	}
}

func TestTallyReport(t *testing.T) {
	var a, b ep.Tally
	add := func(tl *ep.Tally, l ep.Level, n int) {
		for range n {
			if err := tl.Add(l); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Two shards: 2 very dissatisfied, 3 dissatisfied, 10 neutral, 25
	// satisfied and 10 delighted in all.
	add(&a, ep.VeryDissatisfied, 2)
	add(&a, ep.Satisfied, 20)
	add(&b, ep.Dissatisfied, 3)
	add(&b, ep.Neutral, 10)
	add(&b, ep.Satisfied, 5)
	if err := b.AddN(ep.Delighted, 10); err != nil {
		t.Fatal(err)
	}
	if err := a.Merge(&b); err != nil {
		t.Fatal(err)
	}
	got := a.Report()
	// By hand: N = 50; CSAT = (25+10)/50 = 0.7; mean = (1·2 + 2·3 + 3·10 +
	// 4·25 + 5·10)/50 = 188/50 = 3.76. Wilson(35, 50): SciPy as above.
	want := ep.CSATReport{
		N:            50,
		Counts:       [5]int64{2, 3, 10, 25, 10},
		Shares:       [5]float64{0.04, 0.06, 0.2, 0.5, 0.2},
		Mean:         3.76,
		CSAT:         0.7,
		CSATInterval: ep.Interval{0.562496495355466, 0.8089644649911906},
	}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 0)); d != "" {
		t.Errorf("Report mismatch (-want +got):\n%s", d)
	}
	if a.Count(ep.Satisfied) != 25 || a.Count(ep.Unknown) != 0 || a.N() != 50 {
		t.Errorf("Count/N = %d, %d, %d", a.Count(ep.Satisfied), a.Count(ep.Unknown), a.N())
	}
}

func TestTallyRejects(t *testing.T) {
	var tl ep.Tally
	for _, l := range []ep.Level{ep.Unknown, 6, -1} {
		if err := tl.Add(l); !errors.Is(err, ep.ErrLevel) {
			t.Errorf("Add(%v) err = %v", l, err)
		}
	}
	if err := tl.AddN(ep.Satisfied, -1); !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("AddN(-1) err = %v", err)
	}
	if err := tl.AddN(ep.Satisfied, math.MaxInt64); err != nil {
		t.Fatal(err)
	}
	if err := tl.AddN(ep.Delighted, 1); !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("AddN overflowing: err = %v", err)
	}
	var empty ep.Tally
	s := empty.Report()
	if s.N != 0 || !math.IsNaN(s.Mean) || !math.IsNaN(s.CSAT) || !math.IsNaN(s.CSATInterval.Low) {
		t.Errorf("empty Report = %+v", s)
	}
}

func TestEffortTally(t *testing.T) {
	var et ep.EffortTally
	counts := []int{1, 2, 3, 4, 10, 20, 20} // ratings 1..7
	for r, n := range counts {
		for range n {
			if err := et.Add(r + 1); err != nil {
				t.Fatal(err)
			}
		}
	}
	var other ep.EffortTally
	if err := et.Merge(&other); err != nil {
		t.Fatal(err)
	}
	// By hand: N = 60; mean = (1+4+9+16+50+120+140)/60 = 340/60; easy
	// (5–7) = 50/60. Wilson(50, 60): SciPy as in TestWilson.
	want := ep.EffortReport{
		N:            60,
		Counts:       [7]int64{1, 2, 3, 4, 10, 20, 20},
		Mean:         340.0 / 60,
		Easy:         50.0 / 60,
		EasyInterval: ep.Interval{0.7196838683638547, 0.9068682302080855},
	}
	if d := cmp.Diff(want, et.Report(), cmpopts.EquateApprox(1e-12, 0)); d != "" {
		t.Errorf("EffortTally.Report mismatch (-want +got):\n%s", d)
	}
	for _, r := range []int{0, 8, -3} {
		if err := et.Add(r); !errors.Is(err, ep.ErrInvalid) {
			t.Errorf("Add(%d) err = %v", r, err)
		}
	}
	if et.Report().N != 60 {
		t.Error("rejected ratings were counted")
	}
}

func FuzzTally(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5}, int8(3))
	f.Add([]byte{}, int8(0))
	f.Add([]byte{0, 6, 255, 5, 5}, int8(-1))
	// Wilson(4, 4, .95).High was 0.9999999999999999 < CSAT = 1.
	f.Add([]byte{4, 4, 4, 4}, int8(7))
	f.Add([]byte{1, 2}, int8(7))
	f.Fuzz(func(t *testing.T, answers []byte, ces int8) {
		var tl ep.Tally
		var valid int64
		for _, a := range answers {
			before := tl.N()
			err := tl.Add(ep.Level(int8(a)))
			if ep.Level(int8(a)).Valid() != (err == nil) {
				t.Fatalf("Add(%d) err = %v", a, err)
			}
			if err == nil {
				valid++
			} else if tl.N() != before {
				t.Fatal("a rejected answer was counted")
			}
		}
		s := tl.Report()
		if s.N != valid {
			t.Fatalf("N = %d, want %d", s.N, valid)
		}
		if valid > 0 {
			if s.Mean < 1 || s.Mean > 5 || s.CSAT < 0 || s.CSAT > 1 ||
				s.CSATInterval.Low > s.CSAT || s.CSATInterval.High < s.CSAT {
				t.Fatalf("Report out of range: %+v", s)
			}
		}
		var et ep.EffortTally
		if err := et.Add(int(ces)); (err == nil) != (ces >= 1 && ces <= 7) {
			t.Fatalf("EffortTally.Add(%d) err = %v", ces, err)
		}
	})
}

func FuzzWilson(f *testing.F) {
	f.Add(int64(7), int64(10), 0.95)
	f.Add(int64(0), int64(0), 0.95)
	f.Add(int64(-1), int64(1), 0.5)
	f.Add(int64(1<<40), int64(1<<41), 0.999999)
	f.Add(int64(4), int64(4), 0.95) // High was 0.9999999999999999
	f.Add(int64(0), int64(3), 0.95)
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), 0.5)
	f.Fuzz(func(t *testing.T, k, n int64, conf float64) {
		iv := ep.Wilson(k, n, conf)
		if n <= 0 || k < 0 || k > n || !(conf > 0 && conf < 1) {
			if !math.IsNaN(iv.Low) || !math.IsNaN(iv.High) {
				t.Fatalf("Wilson(%d, %d, %v) = %v, want NaN", k, n, conf, iv)
			}
			return
		}
		p := float64(k) / float64(n)
		if !(iv.Low >= 0 && iv.Low <= p && iv.High >= p && iv.High <= 1) {
			t.Fatalf("Wilson(%d, %d, %v) = %v does not bracket %v inside [0, 1]", k, n, conf, iv, p)
		}
		if k == 0 && iv.Low != 0 || k == n && iv.High != 1 {
			t.Fatalf("Wilson(%d, %d, %v) = %v does not reach the end of [0, 1]", k, n, conf, iv)
		}
	})
}
