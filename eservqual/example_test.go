package eservqual_test

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/eservqual"
	"github.com/cxlab/satisfaction/servqual"
)

func ExampleESQUAL() {
	in := eservqual.ESQUAL()
	a := servqual.NewAccumulator(in)
	for _, level := range []float64{4, 5, 3, 4} {
		p := make([]float64, in.NumItems())
		for i := range p {
			p[i] = level
			if in.DimensionOf(i) == 2 { // fulfillment lags one point
				p[i]--
			}
		}
		_ = a.Add(servqual.Response{Perception: p})
	}
	rep := a.Report()
	for _, d := range rep.Dimensions {
		fmt.Printf("%-20s %s %.2f\n", d.Key, d.Chinese, d.Perception.Mean)
	}
	fmt.Println("first priority:", rep.DimensionPriorities[0].Key)
	// Output:
	// efficiency           高效性 4.00
	// system_availability  可用性 4.00
	// fulfillment          履责性 3.00
	// privacy              隐私性 4.00
	// first priority: fulfillment
}

func ExampleRecoverySample() {
	s := eservqual.NewRecoverySample(eservqual.ERecSQUAL())
	p := make([]float64, 11)
	for i := range p {
		p[i] = 4
	}
	_ = s.Add(servqual.Response{Perception: p}, true) // had a problem
	_ = s.Add(servqual.Response{}, false)             // no problem: not in the sample
	_ = s.Add(servqual.Response{}, false)
	r := s.Report()
	fmt.Printf("in sample %d, not applicable %d, mean %.1f\n", r.InSample, r.NotApplicable, r.Overall.Perception.Mean)
	// Output: in sample 1, not applicable 2, mean 4.0
}

func ExampleScoreTRI() {
	nan := math.NaN()
	s, err := eservqual.ScoreTRI([]float64{
		5, 4, 4, 3, // optimism
		4, 4, nan, 4, // innovativeness (one skipped: 3 of 4 is enough)
		2, 2, 3, 1, // discomfort
		2, 1, 2, 3, // insecurity
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	// (4 + 4 + (6 − 2) + (6 − 2)) / 4 = 4
	fmt.Printf("profile %.2f, TRI %.2f, nearest segment %s\n", s.Profile, s.Index, eservqual.Nearest(s.Profile, nil))
	// Output: profile [4.00 4.00 2.00 2.00], TRI 4.00, nearest segment explorer
}

func ExampleSegmentation() {
	pr := eservqual.Profiles()
	var data []eservqual.Profile
	for s, p := range pr {
		for j := 0; j <= s; j++ { // 1 explorer, 2 pioneers, … 5 laggards
			q := p
			q[0] += 0.1 * float64(j)
			data = append(data, q)
		}
	}
	res, err := eservqual.Segmentation(data, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Clusters {
		a := c.Segment.Approach()
		fmt.Printf("%-9s %5.1f%%  %s\n", c.Segment, 100*c.Share, a.Kind)
	}
	// Output:
	// explorer    6.7%  high-tech
	// pioneer    13.3%  blended
	// skeptic    20.0%  blended
	// paranoid   26.7%  high-touch
	// laggard    33.3%  high-touch
}
