package servqual

import (
	"fmt"
	"math"

	"github.com/cxlab/satisfaction/ep"
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

var measureNames = [NumMeasures]string{"gap", "perception", "expectation", "adequacy", "superiority"}

// String returns the measure's name, such as "gap".
func (m Measure) String() string {
	if m >= 0 && m < NumMeasures {
		return measureNames[m]
	}
	return fmt.Sprintf("Measure(%d)", int(m))
}

// MarshalText encodes the measure as its name.
func (m Measure) MarshalText() ([]byte, error) {
	if m < 0 || m >= NumMeasures {
		return nil, errorf("MarshalText: Measure(%d) is not a measure: %w", int(m), ErrArgument)
	}
	return []byte(measureNames[m]), nil
}

// UnmarshalText decodes a measure from its name; "msa" and "mss" are
// accepted for Adequacy and Superiority. An unknown name returns an error
// wrapping [ErrArgument] that quotes it, and m is unchanged.
func (m *Measure) UnmarshalText(text []byte) error {
	if m == nil {
		return errorf("UnmarshalText: nil *Measure: %w", ErrArgument)
	}
	s := string(text)
	switch s {
	case "msa":
		*m = Adequacy
		return nil
	case "mss":
		*m = Superiority
		return nil
	}
	for i, name := range measureNames {
		if s == name {
			*m = Measure(i)
			return nil
		}
	}
	return errorf("unknown measure %q (want gap, perception, expectation, adequacy or superiority): %w", s, ErrArgument)
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

var zoneNames = [...]string{"unknown", "below", "inside", "above"}

// String returns "below", "inside", "above" or "unknown".
func (z Zone) String() string {
	if z >= ZoneUnknown && z <= AboveZone {
		return zoneNames[z]
	}
	return fmt.Sprintf("Zone(%d)", int(z))
}

// MarshalText encodes the zone as its name.
func (z Zone) MarshalText() ([]byte, error) {
	if z < ZoneUnknown || z > AboveZone {
		return nil, errorf("MarshalText: Zone(%d) is not a zone: %w", int(z), ErrArgument)
	}
	return []byte(zoneNames[z]), nil
}

// UnmarshalText decodes a zone from its name. An unknown name returns an
// error wrapping [ErrArgument] that quotes it, and z is unchanged.
func (z *Zone) UnmarshalText(text []byte) error {
	if z == nil {
		return errorf("UnmarshalText: nil *Zone: %w", ErrArgument)
	}
	for i, name := range zoneNames {
		if string(text) == name {
			*z = Zone(i)
			return nil
		}
	}
	return errorf("unknown zone %q (want unknown, below, inside or above): %w", string(text), ErrArgument)
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
