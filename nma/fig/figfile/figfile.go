// Package figfile writes the course's figures (nma/fig) as SVG, with their fonts embedded so
// they look the same in any browser, and as PDF, for papers and slides. It is apart from fig
// because gonum/plot's vector back ends are big: a notebook cell that only shows a figure
// links neither, and builds faster (see the README's "A cell, stage by stage").
package figfile

import (
	"bytes"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/nma-go/nma-go/nma/fig"
)

// SVG renders f as SVG with its fonts embedded.
func SVG(f *fig.Figure) ([]byte, error) {
	c := vgsvg.NewWith(vgsvg.UseWH(f.Width, f.Height), vgsvg.EmbedFonts(true))
	drawOnWhite(f, draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("figfile: encoding SVG: %w", err)
	}
	return buf.Bytes(), nil
}

// PDF renders f as PDF.
func PDF(f *fig.Figure) ([]byte, error) {
	c := vgpdf.New(f.Width, f.Height)
	drawOnWhite(f, draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("figfile: encoding PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// drawOnWhite paints the page white and draws f on it: the plots of nma/fig have no
// background fill of their own (a PNG's canvas starts white), and an SVG would otherwise be
// transparent.
func drawOnWhite(f *fig.Figure, dc draw.Canvas) {
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	f.Draw(dc)
}

// Save writes f to path; the extension chooses the format: .png, .svg or .pdf.
func Save(f *fig.Figure, path string) error {
	var data []byte
	var err error
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".png":
		return f.Save(path)
	case ".svg":
		data, err = SVG(f)
	case ".pdf":
		data, err = PDF(f)
	default:
		return fmt.Errorf("figfile: cannot save %q: extension %q is not one of .png, .svg, .pdf", path, ext)
	}
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
