// Package chart draws the standard pictures of service-quality,
// satisfaction-index and customer-base analysis with gonum's plotting
// library (gonum.org/v1/plot):
//
//   - [Gaps]: the SERVQUAL gap per dimension with 95% confidence
//     intervals (Parasuraman, Zeithaml & Berry 1988);
//   - [Zone]: the zone of tolerance, adequate to desired level, with the
//     perceived level (Parasuraman, Zeithaml & Berry 1994), from a report
//     by [ZoneRows] or from any bands, such as an expectation ± its
//     tolerance;
//   - [IPAGrid]: the importance-performance grid (Martilla & James 1977),
//     also for an IPMA of a path model;
//   - [PathDiagram]: the structural model of a PLS path model such as the
//     ACSI (Fornell et al. 1996) or ECSI (Eklöf & Westlund 2002), with path
//     coefficients and R²;
//   - [Retention]: a shifted-beta-geometric projection against a cohort's
//     actual survivors (Fader & Hardie 2007);
//   - [CalibrationHoldout], [Tracking] and [ProbAlive]: the diagnostics of
//     a customer-base model (Fader, Hardie & Lee 2005) — actual against
//     predicted holdout purchases by calibration frequency, repeat
//     transactions per period and cumulated with the calibration end
//     marked, and the P(alive) matrix over frequency and recency;
//   - [Tornado]: a one-at-a-time sensitivity analysis, such as that of
//     loyalty.AfterSales.Tornado.
//
// The drawing code lives here so that the model packages (servqual,
// loyalty/btyd and the others) stay free of the plotting dependency: they
// expose series as Len() int and XY(i int) (x, y float64) methods
// ([servqual.IPAPoints], [btyd.PeriodSeries], [btyd.CountSeries],
// [btyd.TrackingSeries]), which gonum's plotters accept as they are, and
// the chart functions take such series as plotter.XYer. Only programs that
// import chart pull gonum/plot into their build.
//
// Every chart function has the same shape, F(spec FSpec, opts *Options):
// the spec holds what is drawn (its Title, when not empty, replaces the
// default title) and opts the language and font (nil means English in
// gonum/plot's default font). Each returns a *plot.Plot that the caller
// may restyle; [WriteSVG] and [WritePNG] render one to an io.Writer. The
// package does no file I/O.
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
// value that is NaN or ±Inf, a probability outside [0, 1], a level off
// the scale) gives an error that starts with "chart: ", names the
// function and the argument ("chart: Zone: Rows[2] …", "chart: Gaps:
// Options.Font: …") and wraps [ErrEmpty] or [ErrInvalid]; nothing is
// drawn. The work is bounded by the caller's data and by documented
// limits: at most [MaxAliveFrequency]+1 by [MaxAliveCells] cells of a
// P(alive) matrix, 200 bars of a tornado or rows of a zone chart, the
// model limits of package pls for a path diagram, and images of at most
// 2 m a side. Specs and options are only read, and the functions may be
// called concurrently (a [AliveSpec].Alive function is called from the
// goroutine that calls [ProbAlive]); a returned *plot.Plot belongs to
// the caller.
package chart
