package neuronfig_test

import (
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/fig/figtest"
	"github.com/nma-go/nma-go/nma/neuron"
	"github.com/nma-go/nma-go/nma/neuron/neuronfig"
	"github.com/nma-go/nma-go/nma/rng"
)

// must returns x, or panics with err (which fails the test and names the call's line).
func must[T any](x T, err error) T {
	if err != nil {
		panic(err)
	}
	return x
}

// lif runs neuron.RunLIF and ends the test on an error.
func lif(t testing.TB, p neuron.Pars, in []float64, stop bool) (v, sp []float64) {
	t.Helper()
	v, sp, err := neuron.RunLIF(p, in, stop)
	if err != nil {
		t.Fatal(err)
	}
	return v, sp
}

// synInput returns Tutorial 3's presynaptic trains: nE excitatory and nI inhibitory Poisson
// trains at excRate and inhRate (Hz), drawn in that order from one generator seeded seed.
func synInput(t testing.TB, p neuron.Pars, excRate, inhRate float64, nE, nI int, seed uint32) (ex, in [][]float64) {
	t.Helper()
	r := rng.New(seed)
	ex = must(neuron.PoissonTrainsFrom(r, p.T, p.Dt, excRate, nE))
	in = must(neuron.PoissonTrainsFrom(r, p.T, p.Dt, inhRate, nI))
	return ex, in
}

// stdpHistory is the simulation of Interactive Demo 2 (corr false) or 3 (corr true) of
// Tutorial 4 at the course's rates, shortened from 120 s to 20 s.
func stdpHistory(t testing.TB, corr bool, samples ...float64) neuron.STDPHistory {
	t.Helper()
	if corr {
		return must(neuron.ExampleLIFSTDPCorrInput(10, 20000, samples))
	}
	return must(neuron.ExampleLIFSTDP(15, 20000, samples))
}

// Every course figure of W2D3, drawn from the course's simulations (shortened where the
// figure takes the data), compared with its golden image in testdata/golden.
func TestGolden(t *testing.T) {
	figures := []struct {
		name string
		draw func(t *testing.T) *fig.Figure
	}{
		// Tutorial 1
		{"volt_pulse", func(t *testing.T) *fig.Figure { // Coding Exercise 1: a 100 pA pulse
			p := neuron.DefaultPars()
			p.T = 500
			v, sp := lif(t, p, []float64{100}, true)
			return neuronfig.PlotVoltTrace(p, v, sp)
		}},
		{"volt_dc", func(t *testing.T) *fig.Figure { // Interactive Demo 2.1: 250 pA DC
			p := neuron.DefaultPars()
			p.T = 100
			v, sp := lif(t, p, []float64{250}, false)
			return neuronfig.PlotVoltTrace(p, v, sp)
		}},
		{"input_gwn", func(t *testing.T) *fig.Figure { // Interactive Demo 2.2 at its defaults
			p := neuron.DefaultPars()
			p.T = 100
			in := must(neuron.GWN(p, 200, 2.5, 1))
			v, sp := lif(t, p, in, false)
			return neuronfig.PlotInputResponse(p, in, v, sp, "$I_{GWN}$ (pA)", 3)
		}},
		{"input_ou", func(t *testing.T) *fig.Figure { // Bonus Interactive Demo 1 at its defaults
			p := neuron.DefaultPars()
			p.T = 1000
			in := must(neuron.OU(p, 190, 10, 10, 2020))
			v, sp := lif(t, p, in, false)
			return neuronfig.PlotInputResponse(p, in, v, sp, "$I_{OU}$ (pA)", 1)
		}},
		{"fi", func(t *testing.T) *fig.Figure { // Interactive Demo 3A at σ = 3
			p := neuron.DefaultPars()
			p.T = 1000
			iMean := nma.Arange(100, 400, 10)
			gwn, dc, err := neuron.FICurve(p, iMean, 3, 2020)
			if err != nil {
				t.Fatal(err)
			}
			return neuronfig.PlotFI(iMean, gwn, dc, 3)
		}},
		{"isi", func(t *testing.T) *fig.Figure { // Coding Exercise 3
			p := neuron.DefaultPars()
			p.T = 1000
			_, sp1 := lif(t, p, must(neuron.GWN(p, 250, 0.5, 2020)), false)
			_, sp2 := lif(t, p, must(neuron.GWN(p, 250, 3, 2020)), false)
			isi1, cv1 := neuron.ISICV(sp1)
			isi2, cv2 := neuron.ISICV(sp2)
			return neuronfig.PlotISIHists(isi1, isi2, cv1, cv2, 0.5, 3)
		}},
		{"cv", func(t *testing.T) *fig.Figure { // Interactive Demo 3B at σ = 3
			p := neuron.DefaultPars()
			p.T = 1000
			iMean := nma.Arange(100, 400, 20)
			counts, cv, err := neuron.CVCurve(rng.New(2020), p, iMean, 3)
			if err != nil {
				t.Fatal(err)
			}
			return neuronfig.PlotCV(iMean, counts, cv)
		}},
		// Tutorial 2
		{"samplecc", func(t *testing.T) *fig.Figure { // Coding Exercise 1A, 2 s instead of 50 s
			p := neuron.DefaultPars()
			p.T = 2000
			c := nma.Arange(0, 1, 0.1)
			r, r12 := rng.New(2020), make([]float64, len(c))
			for k, ck := range c {
				i1, i2, err := neuron.CorrelateInput(r, p, 20, 7.5, ck)
				if err != nil {
					t.Fatal(err)
				}
				r12[k] = must(nma.Pearson(i1, i2))
			}
			return neuronfig.PlotSampleCC(c, r12)
		}},
		{"raster", func(t *testing.T) *fig.Figure { // 100 Poisson trains at 10 Hz, seed 2020
			p := neuron.DefaultPars()
			return neuronfig.PlotRaster(p, must(neuron.PoissonTrains(p, 10, 100, 2020)), 100)
		}},
		{"tworaster", func(t *testing.T) *fig.Figure { // Section 2, 10 s and 2 trials instead of 80 s and 10
			p := neuron.DefaultPars()
			p.T, p.Dt = 10000, 1
			res := must(neuron.LIFOutputCC(p, 10, 10, 0.3, 10, 2, 2020))
			return neuronfig.PlotTwoRaster(res.Sp1, res.Sp2)
		}},
		{"transfer", func(t *testing.T) *fig.Figure { // Section 3, 10 s and 2 trials instead of 80 s and 10
			p := neuron.DefaultPars()
			p.T, p.Dt = 10000, 1
			cIn := nma.Arange(0, 1, 0.2)
			ss := must(neuron.TransferCC(p, 10, 10, cIn, 10, 2, 2020))
			ls := must(neuron.TransferCC(p, 18, 10, cIn, 10, 2, 3020))
			sl := must(neuron.TransferCC(p, 10, 20, cIn, 10, 2, 4020))
			return neuronfig.PlotCorrTransfer(cIn, // the course's colours: blue, yellow, red
				neuronfig.CCSeries{Label: "Small μ, small σ", Out: ss},
				neuronfig.CCSeries{Label: "Large μ, small σ", Out: ls},
				neuronfig.CCSeries{Label: "Small μ, large σ", Color: fig.Red, Out: sl})
		}},
		// Tutorial 3
		{"fmp", func(t *testing.T) *fig.Figure { // Coding Exercise 1.2
			p := neuron.DefaultSynPars()
			p.T = 1000
			ex, in := synInput(t, p, 10, 10, 80, 20, 2020)
			run := must(neuron.RunLIFCond(p, nil, ex, in))
			free := p
			free.VTh = 1e3
			fmp := must(neuron.RunLIFCond(free, nil, ex, in))
			return neuronfig.PlotFMP(p, fmp.V, run.V, run.Spikes)
		}},
		{"ei", func(t *testing.T) *fig.Figure { // Interactive Demo 1.2 at its defaults
			p := neuron.DefaultSynPars()
			p.T = 1000
			p.GEBar, p.GIBar = 3, 3
			return neuronfig.PlotEI(must(neuron.SimulateEI(p, 10, 20, 80, 20, 1)))
		}},
		{"std_regular", func(t *testing.T) *fig.Figure { // Interactive Demo 2.1, regular input at 20 Hz
			return neuronfig.PlotSTD(must(neuron.IllusSTD(false, 20, 0.5, 100, 50, 2020)))
		}},
		{"std_poisson", func(t *testing.T) *fig.Figure { // Interactive Demo 2.1, Poisson input at 10 Hz
			return neuronfig.PlotSTD(must(neuron.IllusSTD(true, 10, 0.5, 100, 50, 2020)))
		}},
		{"stpsweep", func(t *testing.T) *fig.Figure { // Section 2.1's rate sweep (depression)
			rates := nma.Arange(5, 40.1, 5)
			g1, g10, err := neuron.STPSweep(rates, 0.5, 100, 50)
			if err != nil {
				t.Fatal(err)
			}
			return neuronfig.PlotSTPSweep(rates, g1, g10)
		}},
		{"stpneuron", func(t *testing.T) *fig.Figure { // Bonus Interactive Demo at tau_ratio 0.6
			p := neuron.DefaultSynPars()
			p.T = 1000
			p.GEBar, p.VE, p.TauSynE = 1.2*4, 0, 5
			p.GIBar, p.VI, p.TauSynI = 1.6*4, -80, 10
			p.U0E, p.TauDE, p.TauFE = 0.45, 500*0.6, 300*0.6
			p.U0I, p.TauDI, p.TauFI = 0.45, 500*0.6, 300*0.6
			ex, in := synInput(t, p, 15, 15, 80, 20, 2020)
			return neuronfig.PlotSTPNeuron(p, must(neuron.RunLIFCondSTP(p, nil, ex, in)))
		}},
		// Tutorial 4
		{"stdpkernel", func(t *testing.T) *fig.Figure { // Coding Exercise 1A
			p := neuron.DefaultSTDPPars()
			td := nma.Linspace(-5*p.TauSTDP, 5*p.TauSTDP, 50)
			dW := nma.Map(td, func(d float64) float64 { return neuron.STDPKernel(d, p.APlus, p.AMinus, p.TauSTDP) })
			return neuronfig.PlotSTDPKernel(p.APlus, p.AMinus, p.TauSTDP, td, dW)
		}},
		{"ptraces", func(t *testing.T) *fig.Figure { // Coding Exercise 1B
			p := neuron.DefaultSTDPPars()
			p.T, p.Dt = 200, 1
			pre := must(p.PoissonTrains(10, 5, 2020))
			return neuronfig.PlotP(p, pre, must(neuron.GenerateP(p, pre)))
		}},
		{"stdprun", func(t *testing.T) *fig.Figure { // Coding Exercise 2
			p := neuron.DefaultSTDPPars()
			p.T, p.Dt = 200, 1
			pre := must(p.PoissonTrains(10, 300, 2020))
			return neuronfig.PlotSTDPRun(p, pre, must(neuron.RunLIFCondSTDP(p, pre)))
		}},
		{"stdpdist", func(t *testing.T) *fig.Figure { // Interactive Demo 2 at sample time 0.5
			return must(neuronfig.PlotSTDPDistribution(stdpHistory(t, false, 0.5), 0.5))
		}},
		{"stdpdist_corr", func(t *testing.T) *fig.Figure { // Interactive Demo 3 at sample time 0.5
			return must(neuronfig.PlotSTDPDistribution(stdpHistory(t, true, 0.5), 0.5))
		}},
	}
	for _, c := range figures {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			figtest.Golden(t, c.name, c.draw(t))
		})
	}
}

// A sample time whose weights were not kept is an error, not a figure of other weights.
func TestSTDPDistributionUnrecordedSample(t *testing.T) {
	h := stdpHistory(t, false, 0.5)
	if _, err := neuronfig.PlotSTDPDistribution(h, 0.33); err == nil {
		t.Error("an unrecorded sample time: no error")
	}
}

// One frame of the precomputed STD demo (Poisson input, the longest run): simulation and
// rendering at the demos' frame resolution (widgets.FrameDPI = 100).
func BenchmarkSTDDemoFrame(b *testing.B) {
	for b.Loop() {
		run, err := neuron.IllusSTD(true, 10, 0.5, 100, 50, 2020)
		if err != nil {
			b.Fatal(err)
		}
		f := neuronfig.PlotSTD(run)
		f.DPI = 100
		if _, err := f.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}

// One frame of Interactive Demo 2 of Tutorial 4 (the simulation runs once, before).
func BenchmarkSTDPDistributionFrame(b *testing.B) {
	h, err := neuron.ExampleLIFSTDP(15, 120000, []float64{0.5})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		f, err := neuronfig.PlotSTDPDistribution(h, 0.5)
		if err != nil {
			b.Fatal(err)
		}
		f.DPI = 100
		if _, err := f.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}
