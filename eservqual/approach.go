package eservqual

import (
	"github.com/cxlab/satisfaction/internal/enumtext"
	"github.com/cxlab/satisfaction/internal/nanjson"
	"github.com/cxlab/satisfaction/servqual"
)

// ApproachKind is how to serve a technology-readiness segment. The zero
// value is ApproachUnknown.
type ApproachKind int8

// The approaches.
const (
	// ApproachUnknown is the zero ApproachKind.
	ApproachUnknown ApproachKind = iota
	// HighTech: self-service and digital channels first.
	HighTech
	// Blended: digital channels with reassurance and an easy way to a
	// person.
	Blended
	// HighTouch: personal contact, reassurance and visible security cues.
	HighTouch
)

// approachText holds the text forms of the approaches.
var approachText = enumtext.Codec{
	Pkg:  "eservqual",
	Noun: "approach",
	Err:  ErrInvalid,
	Table: enumtext.MustNew(enumtext.Labels{
		Type:        "ApproachKind",
		Token:       []string{"unknown", "high_tech", "blended", "high_touch"},
		English:     []string{"unknown", "high-tech", "blended", "high-touch"},
		Chinese:     []string{"未知", "高科技", "科技与人工结合", "高接触"},
		EmptyIsZero: true,
	}),
}

// String returns the English label of the approach: "high-tech",
// "blended", "high-touch" or "unknown"; "ApproachKind(n)" outside the
// enumeration.
func (k ApproachKind) String() string { return approachText.English(int(k)) }

// Chinese returns the Chinese label of the approach: 高科技 (high-tech),
// 科技与人工结合 (blended), 高接触 (high-touch) or 未知; "" outside the
// enumeration.
func (k ApproachKind) Chinese() string { return approachText.Chinese(int(k)) }

// MarshalText encodes the kind as its stable token: "unknown",
// "high_tech", "blended" or "high_touch". A value outside the enumeration
// is an error wrapping [ErrInvalid].
func (k ApproachKind) MarshalText() ([]byte, error) { return approachText.Marshal(int(k)) }

// UnmarshalText decodes a kind from its token ("high_tech"), its English
// label ("high-tech") or its Chinese label ("高科技"). Space is trimmed,
// Latin letters match in any case, and ' ', '-' and '_' are
// interchangeable. The empty string decodes as ApproachUnknown. On error,
// which wraps [ErrInvalid], k is unchanged.
func (k *ApproachKind) UnmarshalText(text []byte) error {
	return approachText.Unmarshal(text, k == nil, func(v int) { *k = ApproachKind(v) })
}

// Approach is the service approach recommended for a segment. It is an
// immutable value.
type Approach struct {
	// Kind is high-tech, blended or high-touch.
	Kind ApproachKind `json:"kind"`
	// Rationale explains the choice.
	Rationale string `json:"rationale"`
}

// Approach returns the service approach recommended for the segment
// (after Parasuraman & Colby 2001, Techno-Ready Marketing: because the
// segments are stable across age, education and income, a company decides
// per segment between a high-tech and a high-touch approach). The
// assignment is the library's reading of that advice: explorers get
// high-tech; pioneers and skeptics a blend (pioneers need reassurance,
// skeptics need the benefits shown); paranoids and laggards high-touch.
// SegmentUnknown and values outside the five segments get the zero
// Approach, whose Kind is ApproachUnknown.
func (s Segment) Approach() Approach {
	switch s {
	case Explorer:
		return Approach{HighTech, "eager and unworried: lead with self-service, apps and new digital features"}
	case Pioneer:
		return Approach{Blended, "wants the benefits but fears the risks: digital channels with security cues and a fallback to a person"}
	case Skeptic:
		return Approach{Blended, "neither eager nor afraid: demonstrate concrete benefits before moving them to self-service"}
	case Paranoid:
		return Approach{HighTouch, "optimistic but insecure: personal contact, guarantees and visible privacy and security protection"}
	case Laggard:
		return Approach{HighTouch, "resists technology: keep personal, human channels and do not force self-service"}
	}
	return Approach{}
}

// ReferenceShare is a published figure for a segment's share of the
// population: a documented reference to compare a segmentation with, not
// a check.
type ReferenceShare struct {
	// Segment is the segment.
	Segment Segment `json:"segment"`
	// Low and High bound the reported share, a fraction (equal for a
	// point figure).
	Low float64 `json:"low"`
	// High is the upper bound.
	High float64 `json:"high"`
	// Instrument is the version of the index the figure was measured
	// with: "TRI 1.0" or "TRI 2.0".
	Instrument string `json:"instrument"`
	// Source names the published work the figure comes from.
	Source string `json:"source"`
}

// MarshalJSON encodes the figure with NaN and ±Inf as null.
func (r ReferenceShare) MarshalJSON() ([]byte, error) {
	type plain ReferenceShare
	return nanjson.Marshal(plain(r))
}

// UnmarshalJSON decodes a figure; null decodes as NaN.
func (r *ReferenceShare) UnmarshalJSON(b []byte) error {
	if r == nil {
		return errorf("UnmarshalJSON into a nil *ReferenceShare: %w", ErrInvalid)
	}
	type plain ReferenceShare
	return nanjson.Unmarshal(b, (*plain)(r))
}

// ReferenceShares returns published shares of the population in each
// segment, as fractions: explorers 15–20% and pioneers 20–25% measured
// with TRI 1.0 (Parasuraman & Colby 2001), and the roughly 21% explorers,
// 20% pioneers, 32% skeptics, 13% hesitators (paranoids) and 14% avoiders
// (laggards) reported for a national survey with TRI 2.0 (Parasuraman &
// Colby 2015). The TRI 1.0 rows come first; each row's Instrument says
// which version it belongs to.
func ReferenceShares() []ReferenceShare {
	const (
		v1, src1 = "TRI 1.0", "Parasuraman & Colby (2001), Techno-Ready Marketing"
		v2, src2 = "TRI 2.0", "Parasuraman & Colby (2015), national survey"
	)
	return []ReferenceShare{
		{Explorer, 0.15, 0.20, v1, src1},
		{Pioneer, 0.20, 0.25, v1, src1},
		{Explorer, 0.21, 0.21, v2, src2},
		{Pioneer, 0.20, 0.20, v2, src2},
		{Skeptic, 0.32, 0.32, v2, src2},
		{Paranoid, 0.13, 0.13, v2, src2},
		{Laggard, 0.14, 0.14, v2, src2},
	}
}

// SegmentReport is the servqual report of one segment's respondents.
type SegmentReport struct {
	// Segment is the segment.
	Segment Segment `json:"segment"`
	// Report is the servqual report of its respondents.
	servqual.Report
}

// MarshalJSON encodes the report as one object: segment followed by the
// fields of the servqual report, with NaN as null (a segment of one
// respondent has undefined standard deviations).
func (r SegmentReport) MarshalJSON() ([]byte, error) {
	return marshalWithReport(r.Report, struct {
		Segment Segment `json:"segment"`
	}{r.Segment})
}

// UnmarshalJSON decodes a report encoded by MarshalJSON; null decodes as
// NaN.
func (r *SegmentReport) UnmarshalJSON(b []byte) error {
	if r == nil {
		return errorf("UnmarshalJSON into a nil *SegmentReport: %w", ErrInvalid)
	}
	var extra struct {
		Segment Segment `json:"segment"`
	}
	var rep servqual.Report
	if err := unmarshalWithReport(b, &rep, &extra); err != nil {
		return err
	}
	*r = SegmentReport{Segment: extra.Segment, Report: rep}
	return nil
}

// BySegment scores responses to in (for example E-S-QUAL) separately for
// each TRI segment, so that a user sees which segment finds the site hard
// to use. segments[i] is respondent i's segment; respondents with
// SegmentUnknown are left out. It returns one report per segment, Explorer
// first (a segment without respondents has an empty report), or an error
// that returns no reports: wrapping [ErrInstrument] for a nil in,
// [ErrLength] for slices of different lengths, [ErrInvalid] for a segment
// outside the known ones (naming the respondent), and for an invalid
// response an error naming the respondent that wraps servqual's
// *InputError and sentinel together with this package's sentinel
// ([ErrInvalid], or [ErrLength] for a slice of the wrong length).
func BySegment(in *servqual.Instrument, responses []servqual.Response, segments []Segment) ([]SegmentReport, error) {
	if in == nil {
		return nil, errorf("BySegment of a nil instrument: %w", ErrInstrument)
	}
	if len(responses) != len(segments) {
		return nil, errorf("%d responses but %d segments: %w", len(responses), len(segments), ErrLength)
	}
	for i, s := range segments {
		if s < SegmentUnknown || s > Laggard {
			return nil, errorf("respondent %d: invalid segment %v: %w", i, s, ErrInvalid)
		}
	}
	accs := make([]*servqual.Accumulator, NumSegments)
	for s := range accs {
		accs[s] = servqual.NewAccumulator(in)
	}
	for i, r := range responses {
		s := segments[i]
		if s == SegmentUnknown {
			continue
		}
		if err := accs[s-1].Add(r); err != nil {
			return nil, withRespondent(err, i)
		}
	}
	out := make([]SegmentReport, NumSegments)
	for s, a := range accs {
		out[s] = SegmentReport{Segment: Segment(s + 1), Report: a.Report()}
	}
	return out, nil
}
