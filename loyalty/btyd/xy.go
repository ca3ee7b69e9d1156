package btyd

// PeriodSeries is a value per period t = 0, 1, …, such as the projected
// survivors returned by [SBG.Project], in the shape that plotting
// libraries accept for line data (gonum.org/v1/plot's plotter.XYer),
// without this package depending on one.
type PeriodSeries []float64

// Len returns the number of periods.
func (s PeriodSeries) Len() int { return len(s) }

// XY returns period i (x) and its value (y). i must be in [0, Len()), as
// for a slice index.
func (s PeriodSeries) XY(i int) (x, y float64) { return float64(i), s[i] }

// CountSeries is a count per period t = 0, 1, …, such as the survivors of
// a cohort given to [FitSBG], in the same shape as [PeriodSeries].
type CountSeries []int64

// Len returns the number of periods.
func (s CountSeries) Len() int { return len(s) }

// XY returns period i (x) and its count (y). i must be in [0, Len()), as
// for a slice index.
func (s CountSeries) XY(i int) (x, y float64) { return float64(i), float64(s[i]) }
