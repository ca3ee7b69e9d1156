package servqual

// IPAPoints is a slice of importance-performance points in the shape that
// plotting libraries accept for scatter data (gonum.org/v1/plot's
// plotter.XYer), without this package depending on one: X is the
// performance and Y the importance, as on the grid of Martilla & James
// (1977), importance vertical.
type IPAPoints []IPAPoint

// Len returns the number of points.
func (ps IPAPoints) Len() int { return len(ps) }

// XY returns point i's performance (x) and importance (y). i must be in
// [0, Len()), as for a slice index.
func (ps IPAPoints) XY(i int) (x, y float64) { return ps[i].Performance, ps[i].Importance }
