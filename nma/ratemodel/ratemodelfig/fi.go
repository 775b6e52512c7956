package ratemodelfig

import "github.com/nma-go/nma-go/nma/fig"

// PlotFI draws an F-I curve f(x) in black (plot_fI).
func PlotFI(x, f []float64) *fig.Figure {
	p := fig.NewPlot("", "x (a.u.)", "F(x)")
	fig.Line(p, x, f, fig.Color(fig.Black))
	return fig.New(p).Size(6, 4)
}

// PlotDF draws the derivative of the F-I curve in red (plot_dFdt).
func PlotDF(x, df []float64) *fig.Figure {
	p := fig.NewPlot("", "x (a.u.)", "dF(x)")
	fig.Line(p, x, df, fig.Color(fig.Red))
	return fig.New(p)
}

// PlotFIEI draws the F-I curves of the two populations: E in blue, I in red (plot_FI_EI).
func PlotFIEI(x, fiExc, fiInh []float64) *fig.Figure {
	p := fig.NewPlot("", "x (a.u.)", "F(x)")
	fig.Line(p, x, fiExc, fig.Color(fig.Blue), fig.Label("E population"))
	fig.Line(p, x, fiInh, fig.Color(fig.Red), fig.Label("I population"))
	p.Legend.Top = false // lower right, as the course
	return fig.New(p)
}

// PlotFIInverse draws F⁻¹(x) against x (plot_FI_inverse). NaN values, where x is outside the
// range of F, are left out, as matplotlib does.
func PlotFIInverse(x, fInv []float64) *fig.Figure {
	p := fig.NewPlot("", "x", "$F^{-1}(x)$")
	fig.Line(p, x, fInv, fig.Color(fig.C(0)))
	return fig.New(p)
}
