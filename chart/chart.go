package chart

import (
	"fmt"
	"image/color"
	"io"
	"math"

	xfont "golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// Options sets the language and font of a chart; nil means English in
// gonum/plot's default font.
type Options struct {
	// Chinese selects Chinese titles, axis labels and category names. It
	// needs Font.
	Chinese bool
	// Font is the bytes of a TrueType or OpenType font (or the first font
	// of a .ttc collection) for every text of the chart, such as a CJK font
	// for Chinese labels (see the package overview for where to get one).
	// Nil keeps gonum/plot's default font.
	Font []byte
}

// Default sizes of [WriteSVG] and [WritePNG] when width or height is 0.
const (
	DefaultWidth  = 16 * vg.Centimeter
	DefaultHeight = 10 * vg.Centimeter
)

// Colours of the marks, chosen to stay apart for readers with the common
// colour-vision deficiencies (the Okabe & Ito palette).
var (
	colMark   = color.RGBA{R: 0, G: 114, B: 178, A: 255} // blue
	colActual = color.RGBA{R: 213, G: 94, B: 0, A: 255}  // vermilion
	colRef    = color.RGBA{R: 90, G: 90, B: 90, A: 255}  // grey
)

// theme is the resolved language and font of one chart.
type theme struct {
	zh      bool
	handler text.Handler
	face    font.Font
	custom  bool
}

// newTheme checks opts and loads its font; fn names the chart function
// in errors.
func newTheme(fn string, opts *Options) (theme, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	th := theme{zh: o.Chinese}
	if len(o.Font) == 0 {
		if o.Chinese {
			return th, fmt.Errorf("chart: %s: Options.Font: Chinese labels need a font with CJK glyphs: %w", fn, ErrInvalid)
		}
		return th, nil
	}
	f, err := xfont.Parse(o.Font)
	if err != nil {
		coll, cerr := xfont.ParseCollection(o.Font)
		if cerr != nil || coll.NumFonts() == 0 {
			return th, fmt.Errorf("chart: %s: Options.Font: not a TrueType or OpenType font (%v): %w", fn, err, ErrInvalid)
		}
		if f, err = coll.Font(0); err != nil {
			return th, fmt.Errorf("chart: %s: Options.Font: first font of the collection (%v): %w", fn, err, ErrInvalid)
		}
	}
	th.face = font.Font{Typeface: "chart-user-font"}
	th.handler = text.Plain{Fonts: font.NewCache(font.Collection{{Font: th.face, Face: f}})}
	th.custom = true
	return th, nil
}

// tr returns the English or the Chinese text.
func (th theme) tr(en, zh string) string {
	if th.zh && zh != "" {
		return zh
	}
	return en
}

// style puts the theme's font on a text style, keeping its size.
func (th theme) style(ts *text.Style) {
	if !th.custom {
		return
	}
	size := ts.Font.Size
	ts.Font = th.face
	ts.Font.Size = size
	ts.Handler = th.handler
}

// newPlot returns a plot with the theme's fonts and the shared look.
func (th theme) newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(13)
	p.Title.Padding = vg.Points(6)
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	for _, ts := range []*text.Style{&p.Title.TextStyle, &p.X.Label.TextStyle, &p.Y.Label.TextStyle,
		&p.X.Tick.Label, &p.Y.Tick.Label, &p.Legend.TextStyle} {
		th.style(ts)
	}
	return p
}

// WriteSVG renders p as SVG to w, width by height (0 means [DefaultWidth]
// or [DefaultHeight]).
func WriteSVG(w io.Writer, p *plot.Plot, width, height vg.Length) error {
	return write(w, p, width, height, "svg")
}

// WritePNG renders p as PNG to w, width by height at 96 dots per inch
// (0 means [DefaultWidth] or [DefaultHeight]).
func WritePNG(w io.Writer, p *plot.Plot, width, height vg.Length) error {
	return write(w, p, width, height, "png")
}

func write(w io.Writer, p *plot.Plot, width, height vg.Length, format string) error {
	if p == nil {
		return fmt.Errorf("chart: Write%s: nil plot: %w", upper(format), ErrEmpty)
	}
	if w == nil {
		return fmt.Errorf("chart: Write%s: nil writer: %w", upper(format), ErrInvalid)
	}
	if width == 0 {
		width = DefaultWidth
	}
	if height == 0 {
		height = DefaultHeight
	}
	const maxSide = 200 * vg.Centimeter
	for _, s := range []struct {
		name string
		v    vg.Length
	}{{"width", width}, {"height", height}} {
		if !(s.v > 0 && s.v <= maxSide) {
			return fmt.Errorf("chart: Write%s: %s %v outside (0, 2 m]: %w", upper(format), s.name, float64(s.v), ErrInvalid)
		}
	}
	wt, err := p.WriterTo(width, height, format)
	if err != nil {
		return fmt.Errorf("chart: Write%s: %v: %w", upper(format), err, ErrInvalid)
	}
	if _, err := wt.WriteTo(w); err != nil {
		return fmt.Errorf("chart: Write%s: %w", upper(format), err)
	}
	return nil
}

func upper(format string) string {
	if format == "svg" {
		return "SVG"
	}
	return "PNG"
}

// finite reports whether every value is finite.
func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// colorT is the colour type of the marks.
type colorT = color.RGBA

var (
	colWhite   = color.RGBA{R: 255, G: 255, B: 255, A: 255}
	colText    = color.RGBA{A: 255}
	colBoxExo  = color.RGBA{R: 240, G: 240, B: 240, A: 255}
	colBoxEndo = color.RGBA{R: 222, G: 238, B: 250, A: 255}
)

// font0 is gonum/plot's default font at size pt.
func font0(pt float64) font.Font {
	f := plot.DefaultFont
	f.Size = vg.Points(pt)
	return f
}
