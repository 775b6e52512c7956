package linsysfig

import (
	"fmt"
	"math"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/linsys"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// PlotTrajectory integrates the two-dimensional system f from x0 with linsys.SolveIVP (RK45,
// as the course's solve_ivp) and shows the solution at t = 0, dt, 2dt, … < T in three panels:
// x1(t), x2(t), and the phase portrait x2 against x1 (the course's plot_trajectory). Points
// are red, fading in with time; the initial condition is a blue cross. title may be empty.
func PlotTrajectory(f linsys.ODEFunc, x0 []float64, dt, T float64, title string) (*fig.Figure, error) {
	switch {
	case len(x0) != 2:
		return nil, fmt.Errorf("linsysfig.PlotTrajectory: x0 has %d values, want 2", len(x0))
	case !(dt > 0) || math.IsInf(dt, 0):
		return nil, fmt.Errorf("linsysfig.PlotTrajectory: dt=%g must be positive and finite", dt)
	case !(T > 0) || math.IsInf(T, 0) || T/dt > 1e6:
		return nil, fmt.Errorf("linsysfig.PlotTrajectory: T=%g must be positive, finite and at most 1e6 steps of dt=%g", T, dt)
	}
	t := nma.Arange(0, T, dt)
	sol, err := linsys.SolveIVP(f, 0, T, x0, linsys.IVPOptions{TEval: t})
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
		p.X.Tick.Marker, p.Y.Tick.Marker = fig.SciTicks{}, fig.SciTicks{}
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
