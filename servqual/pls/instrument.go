package pls

import (
	"math"

	"github.com/cxlab/satisfaction/servqual"
)

// FromInstrument builds a model on a servqual instrument: one construct per
// dimension (named by the dimension's Key, in the instrument's order), its
// items (by Key, in questionnaire order) the indicators, linked by paths
// between dimension keys. modes gives the outer model of a construct by
// name (nil or absent: ModeA). Errors are those of [NewModel], or wrap
// [ErrModel] for a nil or empty instrument and [ErrUnknown] for a mode of
// an unknown construct.
func FromInstrument(in *servqual.Instrument, paths []Path, modes map[string]Mode) (*Model, error) {
	if in == nil || in.NumDimensions() == 0 {
		return nil, errorf("instrument: nil or without dimensions: %w", ErrModel)
	}
	spec := Spec{Paths: paths}
	for d, dim := range in.Dimensions() {
		c := Construct{Name: dim.Key, Mode: modes[dim.Key]}
		for _, i := range in.ItemsOf(d) {
			c.Indicators = append(c.Indicators, in.Item(i).Key)
		}
		spec.Constructs = append(spec.Constructs, c)
	}
	for name := range modes {
		found := false
		for _, c := range spec.Constructs {
			found = found || c.Name == name
		}
		if !found {
			return nil, errorf("instrument %q: mode for construct %q: %w: %w", in.Name(), name, ErrUnknown, ErrModel)
		}
	}
	return NewModel(spec)
}

// Rows turns servqual responses into data rows for the model: each row
// holds a respondent's perception ratings of the model's indicators (found
// by item key in the instrument), reverse-keyed items flipped (Min + Max −
// x), NaN where not answered. A response without perceptions, an indicator
// that is not an item of the instrument ([ErrUnknown]), a perception slice
// of the wrong length ([ErrLength]) or a rating off the instrument's scale
// ([ErrValue]) is an error naming the respondent and item.
func Rows(in *servqual.Instrument, m *Model, responses []servqual.Response) ([][]float64, error) {
	if !m.valid() {
		return nil, errNoModel()
	}
	if in == nil || in.NumItems() == 0 {
		return nil, errorf("instrument: nil or without items: %w", ErrModel)
	}
	if len(responses) == 0 {
		return nil, errorf("responses: none: %w", ErrEmpty)
	}
	col := make([]int, len(m.ind))
	for k, name := range m.ind {
		col[k] = in.ItemIndex(name)
		if col[k] < 0 {
			return nil, errorf("indicator %q: not an item of instrument %q: %w", name, in.Name(), ErrUnknown)
		}
	}
	sc := in.Scale()
	out := make([][]float64, len(responses))
	for r, resp := range responses {
		if len(resp.Perception) != in.NumItems() {
			return nil, errorf("respondent %d: %d perceptions, instrument %q has %d items: %w", r, len(resp.Perception), in.Name(), in.NumItems(), ErrLength)
		}
		row := make([]float64, len(m.ind))
		for k, i := range col {
			x := resp.Perception[i]
			if !math.IsNaN(x) && !(x >= sc.Min && x <= sc.Max) {
				return nil, errorf("respondent %d, item %s: rating %v outside scale %v..%v: %w", r, m.ind[k], x, sc.Min, sc.Max, ErrValue)
			}
			if in.Item(i).Reverse {
				x = sc.Min + sc.Max - x
			}
			row[k] = x
		}
		out[r] = row
	}
	return out, nil
}

// ScaleOf returns the instrument's rating scale as a [Scale], for
// [Result.Index] and [Result.IPMA].
func ScaleOf(in *servqual.Instrument) Scale {
	s := in.Scale()
	return Scale{Min: s.Min, Max: s.Max}
}
