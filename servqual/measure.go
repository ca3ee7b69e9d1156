package servqual

import (
	"math"

	"github.com/cxlab/satisfaction/ep"
	"github.com/cxlab/satisfaction/internal/enumtext"
)

// Measure is one of the quantities scored per item. The zero value is Gap.
type Measure int8

// The measures. Each is present in a response when the fields it needs are.
const (
	// Gap is perception − expectation (P − E), the SERVQUAL score
	// (Parasuraman, Zeithaml & Berry 1988). Needs Expectation and
	// Perception.
	Gap Measure = iota
	// Perception is the perceived performance, the SERVPERF score (Cronin &
	// Taylor 1992).
	Perception
	// Expectation is the expected (or desired) level.
	Expectation
	// Adequacy is the measure of service adequacy MSA = P − adequate
	// (Parasuraman, Zeithaml & Berry 1994). Needs Adequate and Perception.
	Adequacy
	// Superiority is the measure of service superiority MSS = P − desired
	// (Parasuraman, Zeithaml & Berry 1994). Needs Desired and Perception.
	Superiority
)

// NumMeasures is the number of measures.
const NumMeasures = 5

// measureLabels are the measures' text forms; the Chinese terms are those
// of the Chinese service-quality literature.
var measureLabels = newLabels("measure", enumtext.Labels{
	Type:    "Measure",
	Token:   []string{"gap", "perception", "expectation", "adequacy", "superiority"},
	English: []string{"gap (P − E)", "perception", "expectation", "service adequacy (MSA)", "service superiority (MSS)"},
	Chinese: []string{"差距", "感知", "期望", "服务充分性", "服务优越性"},
	Alias:   map[string]int{"servperf": 1, "msa": 3, "mss": 4, "gap (P - E)": 0, "P − E": 0, "P - E": 0},
})

// String returns the measure's English label, such as "gap (P − E)" or
// "service adequacy (MSA)" ("Measure(n)" for a value out of range).
func (m Measure) String() string { return measureLabels.English(int(m)) }

// Chinese returns the measure's Chinese label, such as "差距" for Gap or
// "服务充分性" for Adequacy ("" for a value out of range).
func (m Measure) Chinese() string { return measureLabels.Chinese(int(m)) }

// MarshalText encodes the measure as its stable token: "gap",
// "perception", "expectation", "adequacy" or "superiority". A value out of
// range is an error wrapping [ErrArgument].
func (m Measure) MarshalText() ([]byte, error) { return measureLabels.Marshal(int(m)) }

// UnmarshalText decodes a measure from its token, English label or
// Chinese label (ASCII case-insensitive, with ' ', '-' and '_'
// interchangeable); "servperf", "msa" and "mss" are accepted for
// Perception, Adequacy and Superiority. Other text (including "") returns
// an error wrapping [ErrArgument] that quotes it, and m is unchanged.
func (m *Measure) UnmarshalText(text []byte) error {
	return measureLabels.Unmarshal(text, m == nil, func(v int) { *m = Measure(v) })
}

// isGap reports whether the measure is a difference whose sign matters, so
// that a t test against zero is meaningful.
func (m Measure) isGap() bool { return m == Gap || m == Adequacy || m == Superiority }

// Zone is the position of a perception relative to the zone of tolerance,
// the band between the adequate and the desired service level
// (Parasuraman, Zeithaml & Berry 1994). The zero value, ZoneUnknown, means
// the position is not known (a level is missing).
type Zone int8

// The zone positions.
const (
	// ZoneUnknown is the zero Zone.
	ZoneUnknown Zone = iota
	// BelowZone is a perception below the adequate level (MSA < 0).
	BelowZone
	// InZone is a perception from the adequate to the desired level,
	// both inclusive.
	InZone
	// AboveZone is a perception above the desired level (MSS > 0).
	AboveZone
)

// zoneLabels are the zone positions' text forms.
var zoneLabels = newLabels("zone", enumtext.Labels{
	Type:        "Zone",
	Token:       []string{"unknown", "below", "inside", "above"},
	English:     []string{"unknown", "below the zone of tolerance", "inside the zone of tolerance", "above the zone of tolerance"},
	Chinese:     []string{"未知", "低于容忍区", "容忍区内", "高于容忍区"},
	Alias:       map[string]int{"in": 2},
	EmptyIsZero: true,
})

// String returns the position's English label, such as "below the zone of
// tolerance" ("Zone(n)" for a value out of range).
func (z Zone) String() string { return zoneLabels.English(int(z)) }

// Chinese returns the position's Chinese label, such as "低于容忍区" ("" for
// a value out of range).
func (z Zone) Chinese() string { return zoneLabels.Chinese(int(z)) }

// MarshalText encodes the zone as its stable token: "unknown", "below",
// "inside" or "above". A value out of range is an error wrapping
// [ErrArgument].
func (z Zone) MarshalText() ([]byte, error) { return zoneLabels.Marshal(int(z)) }

// UnmarshalText decodes a zone from its token, English label or Chinese
// label (ASCII case-insensitive, with ' ', '-' and '_' interchangeable);
// "" decodes as ZoneUnknown. Other text returns an error wrapping
// [ErrArgument] that quotes it, and z is unchanged.
func (z *Zone) UnmarshalText(text []byte) error {
	return zoneLabels.Unmarshal(text, z == nil, func(v int) { *z = Zone(v) })
}

// Level returns the zone position in the vocabulary of the EP comparison
// (package ep, EP model): below the adequate level the customer is
// ep.Dissatisfied, inside the zone the service is accepted (ep.Neutral:
// the tolerance band), above the desired level the customer is
// ep.Delighted. ZoneUnknown gives ep.Unknown.
func (z Zone) Level() ep.Level {
	switch z {
	case BelowZone:
		return ep.Dissatisfied
	case InZone:
		return ep.Neutral
	case AboveZone:
		return ep.Delighted
	}
	return ep.Unknown
}

// zoneOf places perception p relative to [adequate, desired].
func zoneOf(p, adequate, desired float64) Zone {
	switch {
	case math.IsNaN(p) || math.IsNaN(adequate) || math.IsNaN(desired):
		return ZoneUnknown
	case p < adequate:
		return BelowZone
	case p > desired:
		return AboveZone
	}
	return InZone
}
