package linsysfig

import (
	"fmt"
	"image/color"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/cmap"
	"github.com/nma-go/nma-go/nma/linsys"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
)

// PlotStreamplot draws the stream plot of ẋ = A·x for a 2×2 matrix A on the grid
// −20, −19, …, 20 (the course's plot_streamplot) as one panel: streamlines (fig.Streamplot,
// density 2, arrow heads '->') coloured by 2·log(1 + |ẋ|) through the cividis map, and the
// real parts of the two eigenvectors (linsys.Eig) as arrows of length 20, the first red, the
// second blue.
func PlotStreamplot(A mat.Matrix, title string) (*plot.Plot, error) {
	p := fig.NewPlot(title, "x1", "x2")
	if err := addStreamplot(p, A); err != nil {
		return nil, err
	}
	return p, nil
}

func addStreamplot(p *plot.Plot, A mat.Matrix) error {
	r, c := A.Dims()
	if r != 2 || c != 2 {
		return fmt.Errorf("linsysfig.PlotStreamplot: A is %d×%d, want 2×2", r, c)
	}
	grid := nma.Arange(-20, 21, 1)
	n := len(grid)
	u := make([][]float64, n)
	v := make([][]float64, n)
	col := make([][]float64, n)
	for j, x2 := range grid {
		u[j], v[j], col[j] = make([]float64, n), make([]float64, n), make([]float64, n)
		for i, x1 := range grid {
			u[j][i] = A.At(0, 0)*x1 + A.At(0, 1)*x2
			v[j][i] = A.At(1, 0)*x1 + A.At(1, 1)*x2
			col[j][i] = 2 * math.Log1p(math.Hypot(u[j][i], v[j][i]))
		}
	}
	sp, err := fig.NewStreamplot(grid, grid, u, v, col, cmap.Cividis(), fig.StreamOptions{Density: 2})
	if err != nil {
		return err
	}
	_, vecs, err := linsys.Eig(A)
	if err != nil {
		return err
	}
	p.Add(sp)
	for j, c := range []color.Color{fig.Red, fig.Blue} {
		e := linsys.Column(vecs, j)
		fig.Arrow(p, 0, 0, 20*real(e[0]), 20*real(e[1]), 0.5, 2, fig.Color(c))
	}
	// matplotlib's default 5 % margins around the grid
	fig.Limits(p, -22, 22, -22, 22)
	return nil
}

// PlotStreamplots draws the stream plots of several 2×2 matrices in a 2-column grid, each
// titled with its eigenvalues (the course's plot_specific_example_stream_plots).
func PlotStreamplots(As []*mat.Dense) (*fig.Figure, error) {
	if len(As) == 0 {
		return nil, fmt.Errorf("linsysfig.PlotStreamplots: no matrices")
	}
	rows := (len(As) + 1) / 2
	f := fig.Grid(rows, 2).Size(10, 5*float64(rows))
	for i, A := range As {
		lam, _, err := linsys.Eig(A)
		if err != nil {
			return nil, err
		}
		p := f.At(i/2, i%2)
		p.Title.Text = "A with eigenvalues\n[" + linsys.FormatEigenvalues(lam, ",  ") + "]"
		p.X.Label.Text, p.Y.Label.Text = "x1", "x2"
		if err := addStreamplot(p, A); err != nil {
			return nil, err
		}
		if i%2 == 1 {
			p.Y.Label.Text = ""
		}
		if i < len(As)-2 {
			p.X.Label.Text = ""
		}
	}
	return f, nil
}
