// Package fig makes the course's figures with gonum/plot and shows them inline in GoNB.
//
// It gives every figure the same look (the course's nma.mplstyle: 8×6 in, 15 pt text,
// matplotlib's tab10 colours, sans-serif font), lays out multi-panel figures and colour
// bars, renders crisp PNG (150 DPI, shown at 72 px per inch, so they are sharp on HiDPI
// screens), and writes the same figure to a PNG file (SVG with embedded fonts and PDF: the
// companion package nma/fig/figfile, kept apart so that a cell that shows a figure links no
// vector back end).
//
// The package is called fig, not plot, so that notebooks can import it next to
// gonum.org/v1/plot without an alias.
package fig

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"git.sr.ht/~sbinet/gg"
	"github.com/janpfeifer/gonb/gonbui/protocol"
	"github.com/nma-go/nma-go/nma/internal/nbout"
	"github.com/nma-go/nma-go/nma/internal/pngenc"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// The course look. Change them before building figures to restyle a whole notebook.
var (
	// Width and Height are the default size of a single-panel figure (nma.mplstyle: 8×6 in).
	Width, Height = 8 * vg.Inch, 6 * vg.Inch
	// DPI is the resolution of PNG output. Figures are displayed at 72 CSS px per inch,
	// so 150 DPI is about 2× — crisp on HiDPI screens.
	DPI = 150
	// FontSize is the base text size in points (axis labels); ticks and legends are smaller.
	FontSize = vg.Points(15)
	// Font is the typeface: Liberation Sans ships inside gonum/plot, so no system font is needed.
	Font = font.Font{Typeface: "Liberation", Variant: "Sans"}
)

// displayPxPerInch is how many CSS pixels an inch of figure takes in the notebook.
const displayPxPerInch = 72

// Palette is matplotlib's tab10 colour cycle, the colours students know from the course.
var Palette = []color.Color{
	rgb(0x1f77b4), rgb(0xff7f0e), rgb(0x2ca02c), rgb(0xd62728), rgb(0x9467bd),
	rgb(0x8c564b), rgb(0xe377c2), rgb(0x7f7f7f), rgb(0xbcbd22), rgb(0x17becf),
}

// Named colours used by the course's figures.
var (
	Black = color.Black
	Gray  = rgb(0x808080)
	Red   = rgb(0xff0000)
	Blue  = rgb(0x0000ff)
	Green = rgb(0x008000)
)

// C returns the i-th colour of the cycle ("C0", "C1", … in matplotlib).
func C(i int) color.Color { return Palette[((i%len(Palette))+len(Palette))%len(Palette)] }

func rgb(h uint32) color.Color {
	return color.RGBA{R: uint8(h >> 16), G: uint8(h >> 8), B: uint8(h), A: 0xff}
}

// NewPlot returns an empty panel with the course look and the given title and axis labels.
func NewPlot(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	// No fill of its own: a figure is drawn on a canvas that is white already (Image, the
	// frames of nma/widgets, figfile). gonum/plot's fill painted every pixel of the panel
	// through the rasteriser — a quarter of the time to draw a course figure.
	p.BackgroundColor = nil
	setFont := func(st *font.Font, size vg.Length) { *st = font.From(Font, size) }
	p.Title.Text = title
	setFont(&p.Title.TextStyle.Font, FontSize)
	p.Title.Padding = 0.4 * FontSize
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		setFont(&ax.Label.TextStyle.Font, FontSize)
		setFont(&ax.Tick.Label.Font, FontSize*0.85)
		ax.Tick.Length = 5
		ax.Tick.Marker = NiceTicks{}
		ax.Padding = 4
	}
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	p.Legend.TextStyle.Font = font.From(Font, FontSize*0.8)
	p.Legend.Top = true
	p.Legend.Padding = 2
	p.Legend.XOffs = -4
	p.Legend.YOffs = -4
	return p
}

// Figure is one or more panels (a grid of plots), ready to show or save.
type Figure struct {
	// Width and Height are the whole figure's size.
	Width, Height vg.Length
	// DPI is the PNG resolution.
	DPI int
	// RowHeights and ColWidths, when set (one positive weight per row or column), size the
	// grid's rows and columns in proportion (matplotlib's height_ratios/width_ratios).
	RowHeights, ColWidths []float64
	panels                [][]*panel
}

// Set puts plot p in row r, column c of the grid (replacing the empty panel Grid made).
func (f *Figure) Set(r, c int, p *plot.Plot) *Figure {
	f.panels[r][c] = &panel{p: p}
	return f
}

// tile returns the canvas of the panel at (row, col), honouring RowHeights and ColWidths.
func (f *Figure) tile(c draw.Canvas, rows, cols, row, col int) draw.Canvas {
	pad, gap := 0.6*FontSize, 1.2*FontSize
	span := func(lo, hi vg.Length, n, i int, w []float64, fromTop bool) (vg.Length, vg.Length) {
		if len(w) != n {
			w = nil
		}
		total, before := 0.0, 0.0
		for j := 0; j < n; j++ {
			wj := 1.0
			if w != nil && w[j] > 0 {
				wj = w[j]
			}
			total += wj
			if j < i {
				before += wj
			}
		}
		wi := 1.0
		if w != nil && w[i] > 0 {
			wi = w[i]
		}
		avail := hi - lo - 2*pad - vg.Length(n-1)*gap
		start := vg.Length(before/total)*avail + vg.Length(i)*gap + pad
		size := vg.Length(wi/total) * avail
		if fromTop {
			return hi - start - size, hi - start
		}
		return lo + start, lo + start + size
	}
	out := c
	out.Min.X, out.Max.X = span(c.Min.X, c.Max.X, cols, col, f.ColWidths, false)
	out.Min.Y, out.Max.Y = span(c.Min.Y, c.Max.Y, rows, row, f.RowHeights, true)
	return out
}

type panel struct {
	p           *plot.Plot
	cb          *plot.Plot // optional colour bar, drawn in a narrow strip on the right
	cbOnly      bool       // the panel is only the colour bar (ColorbarOnly)
	legendRight bool       // draw the legend beside the panel instead of inside it
}

// LegendOutside draws plot p's legend to the right of its panel (matplotlib's
// legend(loc=[1.01, …])), for legends too long to fit inside.
func (f *Figure) LegendOutside(p *plot.Plot) *Figure {
	for _, row := range f.panels {
		for _, pn := range row {
			if pn != nil && pn.p == p {
				pn.legendRight = true
			}
		}
	}
	return f
}

// New wraps one or more plots laid out in a single row.
func New(plots ...*plot.Plot) *Figure {
	f := &Figure{Width: Width, Height: Height, DPI: DPI}
	row := make([]*panel, len(plots))
	for i, p := range plots {
		row[i] = &panel{p: p}
	}
	f.panels = [][]*panel{row}
	if len(plots) > 1 {
		f.Width = Width * vg.Length(len(plots)) * 0.75
	}
	return f
}

// Grid returns a figure of rows×cols empty panels with the course look; fill them through At.
// Its size grows with the grid (each panel about 5×4 in).
func Grid(rows, cols int) *Figure {
	if rows < 1 || cols < 1 {
		panic(fmt.Sprintf("fig.Grid: rows=%d and cols=%d must both be at least 1", rows, cols))
	}
	f := &Figure{DPI: DPI}
	f.Width = vg.Length(cols) * 5 * vg.Inch
	f.Height = vg.Length(rows) * 4 * vg.Inch
	if rows == 1 && cols == 1 {
		f.Width, f.Height = Width, Height
	}
	f.panels = make([][]*panel, rows)
	for r := range f.panels {
		f.panels[r] = make([]*panel, cols)
		for c := range f.panels[r] {
			f.panels[r][c] = &panel{p: NewPlot("", "", "")}
		}
	}
	return f
}

// At returns the panel in row r, column c.
func (f *Figure) At(r, c int) *plot.Plot { return f.panels[r][c].p }

// Size sets the figure size in inches and returns the figure.
func (f *Figure) Size(wInch, hInch float64) *Figure {
	f.Width, f.Height = vg.Length(wInch)*vg.Inch, vg.Length(hInch)*vg.Inch
	return f
}

// colorbarStrip is the room measured for a colour bar and its tick labels.
const colorbarStrip = 1.2 * vg.Inch

// colorbarWidth is the widest a colour bar gets.
const colorbarWidth = 0.22 * vg.Inch

// ColorbarOnly makes panel p, which has a colour bar (Heatmap with its figure), show only
// that bar, at the left of the panel — a shared colour bar for the panels before it.
func (f *Figure) ColorbarOnly(p *plot.Plot) *Figure {
	for _, row := range f.panels {
		for _, pn := range row {
			if pn != nil && pn.p == p {
				pn.cbOnly = true
			}
		}
	}
	return f
}

// Draw draws the figure on a canvas.
func (f *Figure) Draw(c draw.Canvas) {
	rows := len(f.panels)
	cols := 0
	for _, r := range f.panels {
		cols = max(cols, len(r))
	}
	for r, row := range f.panels {
		for col, pn := range row {
			if pn == nil || pn.p == nil {
				continue
			}
			tc := f.tile(c, rows, cols, r, col)
			useTeX(pn.p)
			if pn.cb != nil {
				// The strip holds the bar and its tick labels (drawn to its left): the labels'
				// width plus a bar of colorbarWidth (matplotlib's is ~5 % of the panel), so a
				// narrow panel never squeezes the bar to nothing and a wide one never gets a
				// thick bar.
				w := tc.Max.X - tc.Min.X
				side := tc
				side.Min.X = tc.Max.X - min(colorbarStrip, w)
				if bar := pn.cb.DataCanvas(side); bar.Max.X-bar.Min.X > colorbarWidth {
					side.Min.X += bar.Max.X - bar.Min.X - colorbarWidth
				}
				main := tc
				main.Max.X = side.Min.X - 0.02*w
				if pn.cbOnly {
					// A panel that is only a colour bar: the bar sits at its left, beside
					// the panel before it, under the panel's title.
					side.Min.X, side.Max.X = tc.Min.X, tc.Min.X+(side.Max.X-side.Min.X)
					main = side
				}
				pn.p.Draw(main)
				// Align the bar with the data area of the panel.
				da := pn.p.DataCanvas(main)
				side.Min.Y, side.Max.Y = da.Min.Y, da.Max.Y
				pn.cb.Draw(side)
				continue
			}
			if pn.legendRight {
				w := tc.Max.X - tc.Min.X
				main := tc
				main.Max.X = tc.Min.X + 0.8*w
				side := tc
				side.Min.X = main.Max.X + 0.01*w
				lg := pn.p.Legend // a copy that keeps the entries
				pn.p.Legend = plot.NewLegend()
				pn.p.Draw(main)
				pn.p.Legend = lg
				lg.Top, lg.Left, lg.XOffs, lg.YOffs = false, true, 0, 0
				da := pn.p.DataCanvas(main)
				side.Min.Y = da.Min.Y
				lg.Draw(side)
				continue
			}
			pn.p.Draw(tc)
		}
	}
}

// Image renders the figure at f.DPI on a white background.
func (f *Figure) Image() (*image.RGBA, error) { return f.ImageAt(f.DPI, nil) }

// PixelSize is the size of the figure's image at dpi, in pixels (rounded to the nearest).
func (f *Figure) PixelSize(dpi int) (w, h int) {
	return int(f.Width/vg.Inch*vg.Length(dpi) + 0.5), int(f.Height/vg.Inch*vg.Length(dpi) + 0.5)
}

// ImageAt renders the figure at dpi on a white background, into buf when buf is not nil
// and has the figure's PixelSize (its old pixels are painted over), else into a new
// image; it returns the image drawn on. A figure that is a whole number of pixels wide and
// high at dpi (the course's are) is drawn on a gg context made for that one image, with
// vgimg's own drawing state (butt caps, y up) — vgimg's own canvas would allocate the
// image twice and copy it; any other figure goes through a fresh vgimg canvas. Both give
// the same pixels (the golden images, widgets' TestFrameCanvasReuseIsExact).
func (f *Figure) ImageAt(dpi int, buf *image.RGBA) (*image.RGBA, error) {
	if dpi <= 0 {
		return nil, fmt.Errorf("fig: DPI=%d must be positive", dpi)
	}
	pw, ph := f.PixelSize(dpi)
	exact := pw > 0 && ph > 0 && vg.Length(float64(pw)/float64(dpi))*vg.Inch == f.Width &&
		vg.Length(float64(ph)/float64(dpi))*vg.Inch == f.Height
	if !exact {
		c := vgimg.NewWith(vgimg.UseWH(f.Width, f.Height), vgimg.UseDPI(dpi),
			vgimg.UseBackgroundColor(color.White))
		f.Draw(draw.New(c))
		img, ok := c.Image().(*image.RGBA)
		if !ok {
			return nil, fmt.Errorf("fig: the canvas is a %T, not RGBA", c.Image())
		}
		return img, nil
	}
	if buf == nil || buf.Rect != image.Rect(0, 0, pw, ph) {
		buf = image.NewRGBA(image.Rect(0, 0, pw, ph))
	}
	ctx := gg.NewContextForRGBA(buf)
	ctx.SetLineCapButt()
	ctx.InvertY()
	f.Draw(draw.New(vgimg.NewWith(vgimg.UseImageWithContext(buf, ctx), vgimg.UseDPI(dpi)))) // white first
	return buf, nil
}

// PNG renders the figure as PNG at f.DPI (see maxOffPalette for its colours).
func (f *Figure) PNG() ([]byte, error) {
	img, err := f.Image()
	if err != nil {
		return nil, err
	}
	b, err := pngenc.Encode(img, maxOffPalette)
	if err != nil {
		return nil, fmt.Errorf("fig: %w", err)
	}
	return b, nil
}

// maxOffPalette is the largest fraction of a figure's pixels whose colour PNG may
// approximate by the nearest of the figure's 256 most frequent colours (nma/internal/pngenc):
// a few antialiased edge pixels, 0.4 % in the course's line and nullcline figures at 150 DPI,
// where it makes the encoding 7–13× faster; a heat map has too many colours and stays exact.
const maxOffPalette = 0.01

// Save writes the figure to path as PNG (the extension must be .png). SVG and PDF are in
// the companion package nma/fig/figfile (figfile.Save): their back ends are big, and every
// program that imported fig would link them — a notebook cell that only shows a figure
// builds faster without them.
func (f *Figure) Save(path string) error {
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".png" {
		return fmt.Errorf("fig: cannot save %q: Figure.Save writes .png only; figfile.Save (package nma/fig/figfile) writes .svg and .pdf too", path)
	}
	data, err := f.PNG()
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// DisplayWidth is the width in CSS pixels at which the figure is shown in a notebook.
func (f *Figure) DisplayWidth() int { return int(float64(f.Width/vg.Inch)*displayPxPerInch + 0.5) }

// Show displays the figure inline in a GoNB notebook as a PNG (shown at DisplayWidth, so
// its 150 DPI pixels stay sharp). Outside a notebook it does nothing. A rendering error is
// printed, never silently dropped.
func (f *Figure) Show() {
	png, err := f.PNG()
	if err != nil {
		fmt.Fprintln(os.Stderr, "fig: cannot render figure:", err)
		return
	}
	ShowPNG(png, f.DisplayWidth())
}

// ShowPNG displays PNG bytes inline at the given CSS width (0: natural size).
func ShowPNG(png []byte, width int) {
	if !nbout.IsNotebook {
		return
	}
	d := &protocol.DisplayData{Data: map[protocol.MIMEType]any{
		protocol.MIMEImagePNG:  png,
		protocol.MIMETextPlain: "<Figure>",
	}}
	if width > 0 {
		// GoNB gob-encodes display data; map[string]int is one of the types it registers.
		d.Metadata = map[string]any{string(protocol.MIMEImagePNG): map[string]int{"width": width}}
	}
	nbout.Send(d)
	nbout.Sync() // wait until the kernel has it: a cell's program may end right after
}

// Show is a shortcut for New(plots...).Show().
func Show(plots ...*plot.Plot) { New(plots...).Show() }

// FormatKey joins numbers into a map key (for caches of figures by parameter values).
func FormatKey(v ...float64) string { return fmt.Sprint(v) }
