package chart

import (
	"fmt"
	"math"
	"sort"

	"github.com/cxlab/satisfaction/servqual/pls"
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Position places a construct in a path diagram, in layout units: x grows
// to the right, y upwards; neighbouring boxes are about 1 unit apart.
type Position struct{ X, Y float64 }

// PathSpec is what [PathDiagram] draws.
type PathSpec struct {
	// Title replaces the default title when not empty.
	Title string
	// Result is the fitted model, as returned by pls.Model.Fit.
	Result *pls.Result
	// Names maps a construct's name to the label in its box; absent
	// constructs of the ACSI and ECSI presets get their English or
	// Chinese names ("Satisfaction", "顾客满意度"), others their name.
	Names map[string]string
	// Positions places the constructs; nil lays out the ACSI and ECSI
	// presets as in their published figures and other models in columns
	// by their longest chain of predecessors. When not nil it must place
	// every construct.
	Positions map[string]Position
}

// presetNames are the English and Chinese names of the ACSI and ECSI
// constructs.
var presetNames = map[string][2]string{
	pls.Image:        {"Image", "企业形象"},
	pls.Expectations: {"Expectations", "顾客期望"},
	pls.Quality:      {"Perceived quality", "感知质量"},
	pls.Value:        {"Perceived value", "感知价值"},
	pls.Satisfaction: {"Satisfaction", "顾客满意度"},
	pls.Complaints:   {"Complaints", "顾客抱怨"},
	pls.Loyalty:      {"Loyalty", "顾客忠诚"},
}

// acsiLayout and ecsiLayout follow the figures of Fornell et al. (1996,
// Figure 1) and Eklöf & Westlund (2002): the drivers on the left,
// satisfaction in the middle, its consequences on the right.
var (
	acsiLayout = map[string]Position{
		pls.Expectations: {0, 2}, pls.Quality: {0, 0}, pls.Value: {1.1, 1},
		pls.Satisfaction: {2.3, 1}, pls.Complaints: {3.4, 2}, pls.Loyalty: {3.4, 0},
	}
	ecsiLayout = map[string]Position{
		pls.Image: {1.6, 2.4}, pls.Expectations: {0, 1.6}, pls.Quality: {0, 0}, pls.Value: {1.05, 0.8},
		pls.Satisfaction: {2.25, 0.8}, pls.Loyalty: {3.4, 0.8},
	}
)

// PathDiagram draws the structural model of a fitted PLS path model, such
// as the ACSI (Fornell et al. 1996) or ECSI (Eklöf & Westlund 2002) model
// of customer satisfaction: each construct a box with its R² (the share of
// its variance its predecessors explain) if it has predecessors, each path
// an arrow labelled with its standardised coefficient, blue when positive
// and vermilion when negative, thicker the stronger it is.
//
// It returns an error wrapping [ErrEmpty] for a nil Result or one without
// constructs and [ErrInvalid] for a path between unknown constructs, a
// coefficient that is not finite, Positions that miss a construct or are
// not finite, or an option error.
func PathDiagram(spec PathSpec, opts *Options) (*plot.Plot, error) {
	th, err := newTheme("PathDiagram", opts)
	if err != nil {
		return nil, err
	}
	res := spec.Result
	if res == nil || len(res.Constructs) == 0 {
		return nil, fmt.Errorf("chart: PathDiagram: Result: no constructs: %w", ErrEmpty)
	}
	if len(res.Constructs) > pls.MaxConstructs || len(res.Paths) > pls.MaxConstructs*pls.MaxConstructs {
		return nil, fmt.Errorf("chart: PathDiagram: Result: %d constructs, %d paths, beyond the model limits: %w", len(res.Constructs), len(res.Paths), ErrInvalid)
	}
	idx := make(map[string]int, len(res.Constructs))
	for i, c := range res.Constructs {
		if _, dup := idx[c.Name]; dup {
			return nil, fmt.Errorf("chart: PathDiagram: Result.Constructs[%d]: name %q twice: %w", i, c.Name, ErrInvalid)
		}
		idx[c.Name] = i
	}
	d := &diagram{th: th}
	for i, pr := range res.Paths {
		a, ok1 := idx[pr.From]
		b, ok2 := idx[pr.To]
		if !ok1 || !ok2 || a == b {
			return nil, fmt.Errorf("chart: PathDiagram: Result.Paths[%d] %s -> %s: unknown construct or a loop: %w", i, pr.From, pr.To, ErrInvalid)
		}
		if !finite(pr.Coefficient) {
			return nil, fmt.Errorf("chart: PathDiagram: Result.Paths[%d] %s -> %s: coefficient %v is not finite: %w", i, pr.From, pr.To, pr.Coefficient, ErrInvalid)
		}
		d.edges = append(d.edges, edge{from: a, to: b, coef: pr.Coefficient})
	}
	pos, err := layout(spec.Positions, res, idx)
	if err != nil {
		return nil, err
	}
	for i, c := range res.Constructs {
		label := c.Name
		if s, ok := spec.Names[c.Name]; ok {
			label = s
		} else if s, ok := presetNames[c.Name]; ok {
			label = th.tr(s[0], s[1])
		}
		n := node{label: label, pos: pos[i], r2: math.NaN()}
		if finite(c.R2) {
			n.r2 = c.R2
		}
		d.nodes = append(d.nodes, n)
	}
	title := spec.Title
	if title == "" {
		title = th.tr(fmt.Sprintf("Path model: standardised path coefficients and R² (n = %d)", res.N),
			fmt.Sprintf("路径模型：标准化路径系数与 R²（n = %d）", res.N))
	}
	p := th.newPlot(title, th.tr("arrow: path coefficient (blue positive, vermilion negative; thicker is stronger); R²: variance explained",
		"箭头：路径系数（蓝为正，橙红为负，越粗越强）；R²：被解释的方差比例"), "")
	p.X.Label.TextStyle.Font.Size = vg.Points(9)
	p.HideY()
	p.X.LineStyle.Width = 0
	p.X.Tick.Marker = plot.ConstantTicks(nil)
	xmin, xmax, ymin, ymax := d.DataRange()
	p.X.Min, p.X.Max = xmin-0.55, xmax+0.55
	p.Y.Min, p.Y.Max = ymin-0.4, ymax+0.4
	p.Add(d)
	return p, nil
}

// layout returns the position of each construct in model order.
func layout(given map[string]Position, res *pls.Result, idx map[string]int) ([]Position, error) {
	pos := make([]Position, len(res.Constructs))
	if given != nil {
		for i, c := range res.Constructs {
			q, ok := given[c.Name]
			if !ok || !finite(q.X, q.Y) || math.Abs(q.X) > 1e6 || math.Abs(q.Y) > 1e6 {
				return nil, fmt.Errorf("chart: PathDiagram: Positions[%q] = %v, %v: want a finite position within ±1e6 for every construct: %w", c.Name, q, ok, ErrInvalid)
			}
			pos[i] = q
		}
		return pos, nil
	}
	for _, preset := range []map[string]Position{acsiLayout, ecsiLayout} {
		if len(preset) != len(res.Constructs) {
			continue
		}
		ok := true
		for i, c := range res.Constructs {
			q, in := preset[c.Name]
			ok = ok && in
			pos[i] = q
		}
		if ok {
			return pos, nil
		}
	}
	// Columns by the longest chain of predecessors (the paths are
	// acyclic in a fitted model; a cycle is cut after J rounds).
	J := len(res.Constructs)
	depth := make([]int, J)
	for range J {
		changed := false
		for _, pr := range res.Paths {
			a, b := idx[pr.From], idx[pr.To]
			if depth[b] < depth[a]+1 && depth[a]+1 < J {
				depth[b] = depth[a] + 1
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	cols := map[int][]int{}
	for i, dpt := range depth {
		cols[dpt] = append(cols[dpt], i)
	}
	keys := make([]int, 0, len(cols))
	for k := range cols {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for x, k := range keys {
		col := cols[k]
		for r, i := range col {
			pos[i] = Position{X: float64(x) * 1.2, Y: float64(len(col)-1)/2 - float64(r)}
		}
	}
	return pos, nil
}

type node struct {
	label string
	pos   Position
	r2    float64
}

type edge struct {
	from, to int
	coef     float64
}

// diagram draws boxes and arrows; it implements plot.Plotter and
// plot.DataRanger.
type diagram struct {
	th    theme
	nodes []node
	edges []edge
}

// Box size and text sizes of the diagram.
var (
	boxW, boxH = vg.Points(84), vg.Points(34)
)

// DataRange implements plot.DataRanger.
func (d *diagram) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, n := range d.nodes {
		xmin, xmax = math.Min(xmin, n.pos.X), math.Max(xmax, n.pos.X)
		ymin, ymax = math.Min(ymin, n.pos.Y), math.Max(ymax, n.pos.Y)
	}
	return
}

// Plot implements plot.Plotter.
func (d *diagram) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	at := func(i int) vg.Point { return vg.Point{X: trX(d.nodes[i].pos.X), Y: trY(d.nodes[i].pos.Y)} }
	hw, hh := boxW/2, boxH/2
	// exit is where the ray from the centre towards (dx, dy) leaves a box.
	exit := func(dx, dy vg.Length) float64 {
		t := math.Inf(1)
		if dx != 0 {
			t = math.Min(t, float64(hw)/math.Abs(float64(dx)))
		}
		if dy != 0 {
			t = math.Min(t, float64(hh)/math.Abs(float64(dy)))
		}
		return t
	}
	var labels []func()
	for _, e := range d.edges {
		a, b := at(e.from), at(e.to)
		dx, dy := b.X-a.X, b.Y-a.Y
		if dx == 0 && dy == 0 {
			continue
		}
		t0, t1 := exit(dx, dy), 1-exit(dx, dy)
		if t1 <= t0 {
			continue // boxes overlap
		}
		p0 := vg.Point{X: a.X + dx*vg.Length(t0), Y: a.Y + dy*vg.Length(t0)}
		p1 := vg.Point{X: a.X + dx*vg.Length(t1), Y: a.Y + dy*vg.Length(t1)}
		col := colMark
		if e.coef < 0 {
			col = colActual
		}
		w := vg.Points(0.8 + 3*math.Min(1, math.Abs(e.coef)))
		// Arrow head: a triangle ending at p1.
		l := math.Hypot(float64(dx), float64(dy))
		ux, uy := vg.Length(float64(dx)/l), vg.Length(float64(dy)/l)
		hl, hwid := vg.Points(9)+w, vg.Points(4)+w/2
		base := vg.Point{X: p1.X - ux*hl, Y: p1.Y - uy*hl}
		c.StrokeLines(draw.LineStyle{Color: col, Width: w}, []vg.Point{p0, base})
		c.FillPolygon(col, []vg.Point{p1, {X: base.X - uy*hwid, Y: base.Y + ux*hwid}, {X: base.X + uy*hwid, Y: base.Y - ux*hwid}})
		txt := fmt.Sprintf("%.2f", math.Abs(e.coef))
		if e.coef < 0 && txt != "0.00" {
			txt = "−" + txt
		}
		// The label sits on the middle of the shaft where the shaft is
		// long enough to show on both sides of it; on a short arrow
		// between neighbouring boxes it would hide the shaft and touch
		// the boxes, so it goes beside the arrow instead, above it (or to
		// the left of a vertical one), clear of the line.
		mid := vg.Point{X: (p0.X + base.X) / 2, Y: (p0.Y + base.Y) / 2}
		lw, lh := d.tagSize(txt)
		if shaft := math.Hypot(float64(base.X-p0.X), float64(base.Y-p0.Y)); shaft < float64(lw)+float64(vg.Points(16)) {
			nx, ny := -uy, ux // the normal on the left of the arrow
			if ny < 0 || ny == 0 && nx > 0 {
				nx, ny = -nx, -ny
			}
			off := vg.Length(float64(lw)/2*math.Abs(float64(nx))+float64(lh)/2*math.Abs(float64(ny))) + w/2 + vg.Points(1.5)
			mid = vg.Point{X: (p0.X+p1.X)/2 + nx*off, Y: (p0.Y+p1.Y)/2 + ny*off}
		}
		labels = append(labels, func() { d.tag(&c, mid, txt, col) })
	}
	for _, f := range labels {
		f()
	}
	for _, n := range d.nodes {
		ctr := vg.Point{X: trX(n.pos.X), Y: trY(n.pos.Y)}
		box := []vg.Point{{X: ctr.X - hw, Y: ctr.Y - hh}, {X: ctr.X + hw, Y: ctr.Y - hh}, {X: ctr.X + hw, Y: ctr.Y + hh}, {X: ctr.X - hw, Y: ctr.Y + hh}}
		fill := colBoxExo
		if finite(n.r2) {
			fill = colBoxEndo
		}
		c.FillPolygon(fill, box)
		c.StrokeLines(draw.LineStyle{Color: colRef, Width: vg.Points(1)}, append(box, box[0]))
		name := d.textStyle(10)
		if finite(n.r2) {
			c.FillText(name, vg.Point{X: ctr.X, Y: ctr.Y + vg.Points(6)}, n.label)
			r2 := d.textStyle(9)
			c.FillText(r2, vg.Point{X: ctr.X, Y: ctr.Y - vg.Points(7)}, "R² = "+fmt.Sprintf("%.2f", n.r2))
		} else {
			c.FillText(name, ctr, n.label)
		}
	}
}

// tagStyle is the style of a coefficient's label.
func (d *diagram) tagStyle(col colorT) text.Style {
	sty := d.textStyle(9)
	sty.Color = col
	sty.Font.Weight = xfont.WeightBold
	return sty
}

// tagSize is the size of txt's label with its white background.
func (d *diagram) tagSize(txt string) (w, h vg.Length) {
	sty := d.tagStyle(colText)
	return sty.Width(txt) + vg.Points(4), sty.Height(txt) + vg.Points(1)
}

// tag writes txt centred at pt on a white background.
func (d *diagram) tag(c *draw.Canvas, pt vg.Point, txt string, col colorT) {
	sty := d.tagStyle(col)
	w, h := d.tagSize(txt)
	c.FillPolygon(colWhite, []vg.Point{{X: pt.X - w/2, Y: pt.Y - h/2}, {X: pt.X + w/2, Y: pt.Y - h/2}, {X: pt.X + w/2, Y: pt.Y + h/2}, {X: pt.X - w/2, Y: pt.Y + h/2}})
	c.FillText(sty, pt, txt)
}

// textStyle is a centred text style of the theme at size pt.
func (d *diagram) textStyle(pt float64) text.Style {
	sty := text.Style{Color: colText, XAlign: text.XCenter, YAlign: text.YCenter, Handler: plot.DefaultTextHandler}
	sty.Font = font0(pt)
	d.th.style(&sty)
	return sty
}
