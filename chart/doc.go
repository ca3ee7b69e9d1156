// Package chart draws the standard pictures of service-quality and
// retention analysis with gonum's plotting library (gonum.org/v1/plot):
// the SERVQUAL gap chart per dimension with 95% confidence intervals
// (Parasuraman, Zeithaml & Berry 1988), the importance-performance grid
// (Martilla & James 1977) and the shifted-beta-geometric retention
// projection against the actual survivors of a cohort (Fader & Hardie
// 2007).
//
// The drawing code lives here so that the model packages (servqual,
// loyalty/btyd and the others) stay free of the plotting dependency: they
// expose series as Len() int and XY(i int) (x, y float64) methods
// ([servqual.IPAPoints], [btyd.PeriodSeries], [btyd.CountSeries]), which
// gonum's plotters accept as they are. Only programs that import chart
// pull gonum/plot into their build.
//
// Each chart function returns a *plot.Plot that the caller may restyle;
// [WriteSVG] and [WritePNG] render one to an io.Writer. The package does
// no file I/O.
//
// # Chinese labels
//
// With [Options].Chinese the titles, axis labels and category names are
// Chinese. The fonts built into gonum/plot (Liberation) carry no CJK
// glyphs, so the caller must load a TrueType or OpenType font that does
// and pass its bytes in [Options].Font. On Debian and Ubuntu,
// `apt-get install fonts-noto-cjk` provides
// /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc, which works (of a
// .ttc collection the first font is used); any single-font .ttf or .otf
// with CJK glyphs works too. Debian's fonts-wqy-microhei
// (/usr/share/fonts/truetype/wqy/wqy-microhei.ttc) is rejected by the
// font parser gonum/plot uses (golang.org/x/image/font/sfnt: "invalid
// table offset"), and the error says so.
//
// # Contract
//
// No function panics or hangs on any input. Invalid input (no data, a
// Chinese chart without a font, a font that does not parse, a series
// value that is NaN or ±Inf) gives an error that starts with "chart: ",
// names the argument and wraps [ErrEmpty] or [ErrInvalid]; nothing is
// drawn. Options are only read, and the functions may be called
// concurrently; a returned *plot.Plot belongs to the caller.
package chart
