package linsys

import (
	"fmt"
	"image/color"
	"math"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// PlotEuler draws the real part of an Euler solution x(t) against time (Exercise 1 and
// Interactive Demos 1–2); with grid it adds grid lines.
func PlotEuler(t []float64, x []complex128, grid bool) *fig.Figure {
	p := fig.NewPlot("", "Time (s)", "x")
	if grid {
		gridLines(p)
	}
	fig.Line(p, t, Real(x), fig.Color(fig.C(0)))
	useSciTicks(p)
	return fig.New(p).Size(8, 5)
}

// PlotTrajectory integrates the two-dimensional system f from x0 with SolveIVP (RK45, as the
// course's solve_ivp) and shows the solution at t = 0, dt, 2dt, … < T in three panels:
// x1(t), x2(t), and the phase portrait x2 against x1 (the course's plot_trajectory). Points
// are red, fading in with time; the initial condition is a blue cross. title may be empty.
func PlotTrajectory(f ODEFunc, x0 []float64, dt, T float64, title string) (*fig.Figure, error) {
	if len(x0) != 2 {
		return nil, fmt.Errorf("linsys.PlotTrajectory: x0 has %d values, want 2", len(x0))
	}
	if err := checkStep("PlotTrajectory", dt, T); err != nil {
		return nil, err
	}
	t := nma.Arange(0, T, dt)
	sol, err := SolveIVP(f, 0, T, x0, IVPOptions{TEval: t})
	if err != nil {
		return nil, err
	}
	alpha := make([]float64, len(t))
	for i := range t {
		alpha[i] = t[i] / t[len(t)-1]
	}
	if len(t) == 1 {
		alpha[0] = 1
	}
	p1 := fig.NewPlot("", "time", "x1")
	p2 := fig.NewPlot("", "time", "x2")
	p3 := fig.NewPlot("", "x1", "x2")
	for _, p := range []*plot.Plot{p1, p2, p3} {
		useSciTicks(p)
	}
	fadingScatter(p1, t, sol.Y[0], alpha)
	fadingScatter(p2, t, sol.Y[1], alpha)
	fadingScatter(p3, sol.Y[0], sol.Y[1], alpha)
	cross, err := plotter.NewScatter(plotter.XYs{{X: sol.Y[0][0], Y: sol.Y[1][0]}})
	if err != nil {
		return nil, err
	}
	cross.GlyphStyle = draw.GlyphStyle{Color: fig.Blue, Radius: 4, Shape: draw.CrossGlyph{}}
	p3.Add(cross)
	if title != "" {
		p2.Title.Text = title
	}
	return fig.New(p1, p2, p3).Size(12, 3.8), nil
}

// fadingScatter draws red dots whose opacity is alpha[i].
func fadingScatter(p *plot.Plot, x, y, alpha []float64) {
	pts := make(plotter.XYs, len(x))
	for i := range x {
		pts[i] = plotter.XY{X: x[i], Y: y[i]}
	}
	s, err := plotter.NewScatter(pts)
	if err != nil {
		panic(err)
	}
	s.GlyphStyleFunc = func(i int) draw.GlyphStyle {
		return draw.GlyphStyle{Color: fig.Alpha(fig.Red, alpha[i]), Radius: 3, Shape: draw.CircleGlyph{}}
	}
	p.Add(s)
}

// PlotStreamplot draws the stream plot of ẋ = A·x for a 2×2 matrix A on the grid
// −20, −19, …, 20 (the course's plot_streamplot): streamlines coloured by 2·log(1 + |ẋ|)
// through the cividis map (density 2, arrow heads '->'), and the real parts of the two
// eigenvectors as arrows of length 20 (the first red, the second blue).
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
		return fmt.Errorf("linsys.PlotStreamplot: A is %d×%d, want 2×2", r, c)
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
	sp, err := NewStreamplot(grid, grid, u, v, col, Cividis, StreamOptions{Density: 2})
	if err != nil {
		return err
	}
	_, vecs, err := Eig(A)
	if err != nil {
		return err
	}
	p.Add(sp)
	for j, c := range []color.Color{fig.Red, fig.Blue} {
		e := Column(vecs, j)
		p.Add(arrowPolygon(0, 0, 20*real(e[0]), 20*real(e[1]), 0.5, 2, c))
	}
	// matplotlib's default 5 % margins around the grid
	fig.Limits(p, -22, 22, -22, 22)
	return nil
}

// arrowPolygon is matplotlib's plt.arrow(x, y, dx, dy, width, head_width,
// length_includes_head=True) as a filled polygon in data coordinates (head length 1.5 ×
// head width).
func arrowPolygon(x, y, dx, dy, width, headWidth float64, c color.Color) plot.Plotter {
	L := math.Hypot(dx, dy)
	if L == 0 {
		return plotter.NewFunction(func(float64) float64 { return math.NaN() })
	}
	hl := math.Min(1.5*headWidth, L)
	ux, uy := dx/L, dy/L
	px, py := -uy, ux
	pt := func(along, across float64) plotter.XY {
		return plotter.XY{X: x + ux*along + px*across, Y: y + uy*along + py*across}
	}
	pts := plotter.XYs{
		pt(0, width/2), pt(L-hl, width/2), pt(L-hl, headWidth/2), pt(L, 0),
		pt(L-hl, -headWidth/2), pt(L-hl, -width/2), pt(0, -width/2),
	}
	poly, err := plotter.NewPolygon(pts)
	if err != nil {
		panic(err)
	}
	poly.Color = c
	poly.LineStyle = draw.LineStyle{Color: c, Width: 0.5}
	return poly
}

// PlotStreamplots draws the stream plots of several 2×2 matrices in a 2-column grid, each
// titled with its eigenvalues (the course's plot_specific_example_stream_plots).
func PlotStreamplots(As []*mat.Dense) (*fig.Figure, error) {
	if len(As) == 0 {
		return nil, fmt.Errorf("linsys.PlotStreamplots: no matrices")
	}
	rows := (len(As) + 1) / 2
	f := fig.Grid(rows, 2).Size(10, 5*float64(rows))
	for i, A := range As {
		lam, _, err := Eig(A)
		if err != nil {
			return nil, err
		}
		p := f.At(i/2, i%2)
		p.Title.Text = "A with eigenvalues\n[" + FormatEigenvalues(lam, ",  ") + "]"
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

// EigenTable lists each matrix with its eigenvalues and the kind of fixed point at the
// origin (columns "A", "eigenvalues", "fixed point"), for nma/table.Show.
func EigenTable(As []*mat.Dense) (dataframe.DataFrame, error) {
	var names, eigs, kinds []string
	for _, A := range As {
		lam, _, err := Eig(A)
		if err != nil {
			return dataframe.DataFrame{}, err
		}
		names = append(names, MatrixString(A))
		eigs = append(eigs, "["+FormatEigenvalues(lam, ", ")+"]")
		kinds = append(kinds, Classify(lam))
	}
	return dataframe.New(
		series.New(names, series.String, "A"),
		series.New(eigs, series.String, "eigenvalues"),
		series.New(kinds, series.String, "fixed point"),
	), nil
}

// PlotMessage is an empty figure that only shows msg, for a demo whose choice has nothing
// to draw (the course's dropdowns offer "None").
func PlotMessage(msg string) *fig.Figure {
	p := fig.NewPlot(msg, "", "")
	fig.Limits(p, 0, 1, 0, 1)
	p.HideAxes()
	return fig.New(p).Size(12, 3.8)
}
