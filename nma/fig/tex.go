package fig

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	stdfnt "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// Math in labels. A title, axis label or legend entry with a $…$ part is typeset as math, as
// matplotlib's mathtext does: "$r_E$" is an italic r with a subscript E, "$\tau_m$ (ms)" a
// Greek tau with a subscript m, "$F^{-1}(x)$" a superscript. What it understands: letters
// (italic), digits and signs (upright), _x and _{…} subscripts, ^x and ^{…} superscripts,
// \mathrm{…}, Greek letters (\alpha … \omega, \Gamma … \Omega) and \infty \cdot \times \pm
// \approx \leq \geq \ldots \prime \, \; \quad. Text outside the dollars, and any label
// whose math uses something else, is drawn as plain text — a label never breaks a figure.
//
// gonum/plot's own LaTeX handler (plot/text.Latex, with go-latex v0.2.0) cannot set sub- or
// superscripts ("unknown ast node *ast.Sub"), which is most of what the course's labels
// need, so this small handler does it with the course's font.

// Math is a text.Handler for labels with $…$ math; outside the dollars it is text.Plain.
type Math struct {
	// Fonts is the cache of font faces (gonum/plot's, with Liberation Sans and Serif).
	Fonts *font.Cache
}

var _ text.Handler = Math{}

var mathHandler = Math{Fonts: font.DefaultCache}

// italicVariant names Liberation Sans Italic registered a second time, as an upright
// variant of its own. gonum/plot's PDF back end registers a font under its name with no
// style but selects it with style "I" when the font is italic, and then fails ("undefined
// font: liberationsans-italic I"); as a variant of its own, the italic face is registered
// and selected alike, and its glyphs are still the italic ones.
const italicVariant = "SansMathItalic"

func init() {
	for _, f := range liberation.Collection() {
		if f.Font.Variant == "Sans" && f.Font.Style == stdfnt.StyleItalic && f.Font.Weight == stdfnt.WeightNormal {
			f.Font = font.Font{Typeface: f.Font.Typeface, Variant: italicVariant}
			font.DefaultCache.Add(font.Collection{f})
			return
		}
	}
}

// useTeX sets the title, axis labels and legend of p in the Math handler, which draws text
// without math exactly as text.Plain does (a handler someone set by hand is kept).
// Figure.Draw calls it for every panel, so it applies to labels set at any time.
func useTeX(p *plot.Plot) {
	for _, st := range []*text.Style{&p.Title.TextStyle, &p.X.Label.TextStyle, &p.Y.Label.TextStyle, &p.Legend.TextStyle} {
		if _, plain := st.Handler.(text.Plain); plain || st.Handler == nil {
			st.Handler = mathHandler
		}
	}
}

// HasMath reports whether s has a $…$ part that Math can typeset.
func HasMath(s string) bool {
	i := strings.IndexByte(s, '$')
	if i < 0 || strings.IndexByte(s[i+1:], '$') < 0 {
		return false
	}
	for _, line := range strings.Split(s, "\n") {
		if _, err := parseMath(line); err != nil {
			return false
		}
	}
	return true
}

// run is a piece of a line set in one font at one baseline.
type run struct {
	s      string
	italic bool
	scale  float64 // of the font size: 1, or 0.7 in a sub- or superscript
	shift  float64 // baseline shift in units of the base font size (+ up)
}

var symbols = map[string]string{
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
	"nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ",
	"phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
	"Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
	"Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
	"infty": "∞", "cdot": "·", "times": "×", "pm": "±", "approx": "≈", "leq": "≤", "geq": "≥",
	"ldots": "…", "prime": "′", ",": "\u2009", ";": "\u2005", "quad": "\u2003", " ": " ",
	"%": "%", "$": "$", "_": "_", "{": "{", "}": "}",
}

// parseMath splits one line into runs: plain text outside $…$, math inside.
func parseMath(line string) ([]run, error) {
	var out []run
	for {
		i := strings.IndexByte(line, '$')
		if i < 0 {
			break
		}
		j := strings.IndexByte(line[i+1:], '$')
		if j < 0 {
			break
		}
		if i > 0 {
			out = append(out, run{s: line[:i], scale: 1})
		}
		m, err := parseMathExpr(line[i+1:i+1+j], 1, 0)
		if err != nil {
			return nil, err
		}
		out = append(out, m...)
		line = line[i+j+2:]
	}
	if line != "" {
		out = append(out, run{s: line, scale: 1})
	}
	return out, nil
}

// parseMathExpr lays out the math m at font scale and baseline shift.
func parseMathExpr(m string, scale, shift float64) ([]run, error) {
	var out []run
	add := func(s string, italic bool) {
		if n := len(out); n > 0 && out[n-1].italic == italic && out[n-1].scale == scale && out[n-1].shift == shift {
			out[n-1].s += s
			return
		}
		out = append(out, run{s: s, italic: italic, scale: scale, shift: shift})
	}
	rs := []rune(m)
	// group returns the argument starting at rs[k]: {…} or one (possibly \macro) token, and
	// the index after it.
	group := func(k int) (string, int, error) {
		if k >= len(rs) {
			return "", k, fmt.Errorf("fig: math %q: missing argument at the end", m)
		}
		if rs[k] == '{' {
			depth := 0
			for e := k; e < len(rs); e++ {
				switch rs[e] {
				case '{':
					depth++
				case '}':
					depth--
					if depth == 0 {
						return string(rs[k+1 : e]), e + 1, nil
					}
				}
			}
			return "", k, fmt.Errorf("fig: math %q: unbalanced {", m)
		}
		if rs[k] == '\\' {
			e := k + 1
			for e < len(rs) && unicode.IsLetter(rs[e]) {
				e++
			}
			if e == k+1 && e < len(rs) {
				e++
			}
			return string(rs[k:e]), e, nil
		}
		return string(rs[k]), k + 1, nil
	}
	for k := 0; k < len(rs); {
		c := rs[k]
		switch {
		case c == '_' || c == '^':
			arg, next, err := group(k + 1)
			if err != nil {
				return nil, err
			}
			sh := shift - 0.22*scale
			if c == '^' {
				sh = shift + 0.42*scale
			}
			sub, err := parseMathExpr(arg, scale*0.7, sh)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
			k = next
		case c == '\\':
			e := k + 1
			for e < len(rs) && unicode.IsLetter(rs[e]) {
				e++
			}
			if e == k+1 && e < len(rs) {
				e++ // a one-character macro: \, \; \% \$ \_
			}
			name := string(rs[k+1 : e])
			if name == "mathrm" || name == "text" {
				arg, next, err := group(e)
				if err != nil {
					return nil, err
				}
				add(arg, false)
				k = next
				continue
			}
			sym, ok := symbols[name]
			if !ok {
				return nil, fmt.Errorf("fig: math %q: unknown macro \\%s", m, name)
			}
			add(sym, unicode.IsLower([]rune(sym)[0]) && unicode.IsLetter([]rune(sym)[0]))
			k = e
		case c == '{' || c == '}':
			k++ // grouping only
		case c == ' ':
			k++ // TeX ignores spaces in math
		case c == '-' || c == '+' || c == '=':
			// a binary operator gets thin spaces around it, as TeX sets it; a sign does not
			op := map[rune]string{'-': "−", '+': "+", '=': "="}[c]
			if n := len(out); n > 0 && !strings.ContainsAny(out[n-1].s[len(out[n-1].s)-1:], "([{=,") {
				op = "\u2009" + op + "\u2009"
			}
			add(op, false)
			k++
		default:
			add(string(c), unicode.IsLetter(c))
			k++
		}
	}
	return out, nil
}

func (h Math) face(fnt font.Font, r run) *font.Face {
	f := fnt
	f.Size = vg.Length(float64(fnt.Size) * r.scale)
	if r.italic {
		f.Variant = italicVariant
		if !h.Fonts.Has(f) { // another typeface than Liberation: its own italic
			f.Variant, f.Style = fnt.Variant, stdfnt.StyleItalic
		}
	}
	face := h.Fonts.Lookup(f, f.Size)
	return &face
}

// Cache returns the cache of fonts used by the handler.
func (h Math) Cache() *font.Cache { return h.Fonts }

// Extents returns the extents of fnt.
func (h Math) Extents(fnt font.Font) font.Extents {
	face := h.Fonts.Lookup(fnt, fnt.Size)
	return face.Extents()
}

// Lines splits txt into lines.
func (h Math) Lines(txt string) []string {
	return strings.Split(strings.TrimRight(txt, "\n"), "\n")
}

func (h Math) runs(line string) []run {
	rs, err := parseMath(line)
	if err != nil {
		return []run{{s: line, scale: 1}}
	}
	return rs
}

// Box returns the width, height above the baseline and depth below it of one line.
func (h Math) Box(line string, fnt font.Font) (width, height, depth vg.Length) {
	e := h.Extents(fnt)
	height, depth = e.Ascent, e.Descent
	for _, r := range h.runs(line) {
		f := h.face(fnt, r)
		width += f.Width(r.s)
		up := vg.Length(r.shift) * fnt.Size
		height = max(height, f.Extents().Ascent+up)
		depth = max(depth, f.Extents().Descent-up)
	}
	return width, height, depth
}

// Draw draws txt with style sty at pt, as text.Plain does, with each line's runs set one
// after another on their baselines.
func (h Math) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if len(txt) == 0 {
		return
	}
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
	}
	sin64, cos64 := math.Sincos(sty.Rotation)
	cos, sin := vg.Length(cos64), vg.Length(sin64)
	pt.X, pt.Y = pt.Y*sin+pt.X*cos, pt.Y*cos-pt.X*sin
	lines := h.Lines(txt)
	pt.Y += sty.Height(txt)*vg.Length(sty.YAlign) - h.Extents(sty.Font).Ascent
	for i, line := range lines {
		w, _, _ := h.Box(line, sty.Font)
		x := pt.X + vg.Length(sty.XAlign)*w
		y := pt.Y + vg.Length(len(lines)-i)*sty.Font.Size
		for _, r := range h.runs(line) {
			f := h.face(sty.Font, r)
			c.FillString(*f, vg.Point{X: x, Y: y + vg.Length(r.shift)*sty.Font.Size}, r.s)
			x += f.Width(r.s)
		}
	}
	if sty.Rotation != 0 {
		c.Pop()
	}
}
