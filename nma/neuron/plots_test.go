package neuron

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/fig"
	"github.com/nma-go/nma-go/nma/rng"
)

// Every figure renders. With NMA_FIG_DIR set, the PNGs are written there to look at.
func TestFiguresRender(t *testing.T) {
	p := DefaultPars()
	p.T = 500
	v, sp, _ := RunLIF(p, []float64{100}, true)
	q := DefaultPars()
	q.T = 100
	vdc, spdc, _ := RunLIF(q, []float64{250}, false)
	gw, _ := GWN(q, 200, 2.5, 1)
	vg, spg, _ := RunLIF(q, gw, false)
	p1 := DefaultPars()
	p1.T = 1000
	i1, _ := GWN(p1, 250, 0.5, 2020)
	i2, _ := GWN(p1, 250, 3, 2020)
	_, s1, _ := RunLIF(p1, i1, false)
	_, s2, _ := RunLIF(p1, i2, false)
	isi1, cv1 := ISICV(s1)
	isi2, cv2 := ISICV(s2)
	iMean := nma.Arange(100, 400, 10)
	fg, fd, _ := FICurve(p1, iMean, 3, 2020)
	iMean2 := nma.Arange(100, 400, 20)
	cnt, cv, _ := CVCurve(rng.New(1), p1, iMean2, 3)
	ou, _ := OU(p1, 190, 10, 10, 1)
	vo, spo, _ := RunLIF(p1, ou, false)
	c := nma.Arange(0, 1, 0.1)
	pr := DefaultPars()
	trains, _ := PoissonTrains(pr, 10, 100, 2020)
	pcc := DefaultPars()
	pcc.T, pcc.Dt = 10000, 1
	occ, _ := LIFOutputCC(pcc, 10, 10, 0.3, 10, 2, 1)
	ps := DefaultSynPars()
	ps.T = 1000
	r := rng.New(1)
	ex, _ := PoissonTrainsFrom(r, ps.T, ps.Dt, 10, 80)
	in, _ := PoissonTrainsFrom(r, ps.T, ps.Dt, 10, 20)
	cr, _ := RunLIFCond(ps, nil, ex, in)
	free := ps
	free.VTh = 1e3
	fr, _ := RunLIFCond(free, nil, ex, in)
	ei := ps
	ei.GEBar, ei.GIBar = 3, 3
	eir, _ := SimulateEI(ei, 10, 20, 80, 20, 1)
	std, _ := IllusSTD(false, 20, 0.5, 100, 50, 0)
	rates := nma.Arange(5, 40.1, 5)
	g1, g10, _ := STPSweep(rates, 0.5, 100, 50)
	stp := ps
	stp.U0E, stp.TauDE, stp.TauFE, stp.U0I, stp.TauDI, stp.TauFI = 0.45, 325, 195, 0.45, 325, 195
	stpRun, _ := RunLIFCondSTP(stp, nil, ex, in)
	sp4, pp := stdpExercisePars()
	td := nma.Linspace(-100, 100, 50)
	dW := make([]float64, len(td))
	for i, d := range td {
		dW[i] = STDPKernel(d, sp4.APlus, sp4.AMinus, sp4.TauSTDP)
	}
	pre5, _ := sp4.PoissonTrains(10, 5, 2020)
	_ = pp
	P5, _ := GenerateP(sp4, pre5)
	pre300, _ := PoissonTrains(pp, 10, 300, 2020)
	run, _ := RunLIFCondSTDP(sp4, pre300)
	h, _ := ExampleLIFSTDP(15, 20000, []float64{0.5})
	hc, _ := ExampleLIFSTDPCorrInput(10, 20000, []float64{0.5})
	d2, err := PlotSTDPDistribution(h, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	d3, _ := PlotSTDPDistribution(hc, 0.5)
	if _, err := PlotSTDPDistribution(h, 0.33); err == nil {
		t.Error("an unrecorded sample time: no error")
	}
	figs := map[string]*fig.Figure{
		"volt":        PlotVoltTrace(p, v, sp),
		"volt_dc":     PlotVoltTrace(q, vdc, spdc),
		"gwn":         PlotInputResponse(q, gw, vg, spg, "I_GWN (pA)", 3),
		"isi":         PlotISIHists(isi1, isi2, cv1, cv2, 0.5, 3),
		"fi":          PlotFI(iMean, fg, fd, 3),
		"cv":          PlotCV(iMean2, cnt, cv),
		"ou":          PlotInputResponse(p1, ou, vo, spo, "I_OU (pA)", 1),
		"samplecc":    PlotSampleCC(c, c),
		"raster":      PlotRaster(pr, trains, 100),
		"tworaster":   PlotTwoRaster(occ.Sp1, occ.Sp2),
		"transfer":    PlotCorrTransfer([]float64{0, 0.2, 0.4, 0.6, 0.8}, CCSeries{"Small μ, small σ", ColorSmall, []float64{0, 0.05, 0.15, 0.3, 0.5}}, CCSeries{"Large μ, small σ", ColorLarge, []float64{0, 0.08, 0.2, 0.35, 0.55}}),
		"fmp":         PlotFMP(ps, fr.V, cr.V, cr.Spikes),
		"ei":          PlotEI(eir),
		"std":         PlotSTD(std),
		"stpsweep":    PlotSTPSweep(rates, g1, g10),
		"stpneuron":   PlotSTPNeuron(stp, stpRun),
		"kernel":      PlotSTDPKernel(sp4.APlus, sp4.AMinus, sp4.TauSTDP, td, dW),
		"p":           PlotP(sp4, pre5, P5),
		"stdprun":     PlotSTDPRun(sp4, pre300, run),
		"stdpdist":    d2,
		"stdpdistcor": d3,
	}
	dir := os.Getenv("NMA_FIG_DIR")
	for name, f := range figs {
		png, err := f.PNG()
		if err != nil || len(png) < 1000 {
			t.Errorf("%s: %d bytes, %v", name, len(png), err)
			continue
		}
		if dir != "" {
			if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// Thinning keeps the first point, every bucket's extremes (so every spike) and time order.
func TestThinKeepsExtremes(t *testing.T) {
	n := 10000
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		x[i] = float64(i)
		y[i] = float64(i%97) / 97
	}
	y[5003] = 40 // a spike
	y[7777] = -80
	xs, ys := thin(x, y)
	if len(xs) > maxLinePoints || len(xs) != len(ys) {
		t.Fatalf("%d points, want at most %d", len(xs), maxLinePoints)
	}
	for i := 1; i < len(xs); i++ {
		if xs[i] <= xs[i-1] {
			t.Fatalf("x not increasing at %d: %v %v", i, xs[i-1], xs[i])
		}
	}
	found := map[float64]bool{}
	for i := range xs {
		found[ys[i]] = true
	}
	if !found[40] || !found[-80] {
		t.Error("the spike or the trough was dropped")
	}
	short := []float64{1, 2, 3}
	if a, _ := thin(short, short); len(a) != 3 {
		t.Error("short series were thinned")
	}
}

// One frame of the precomputed STD demo (Poisson input, the longest run): simulation and
// rendering at the demos' frame resolution (widgets.FrameDPI = 100).
func BenchmarkSTDDemoFrame(b *testing.B) {
	for b.Loop() {
		run, err := IllusSTD(true, 10, 0.5, 100, 50, 2020)
		if err != nil {
			b.Fatal(err)
		}
		f := PlotSTD(run)
		f.DPI = 100
		if _, err := f.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}

// One frame of Interactive Demo 2 of Tutorial 4 (the simulation runs once, before).
func BenchmarkSTDPDistributionFrame(b *testing.B) {
	h, err := ExampleLIFSTDP(15, 120000, []float64{0.5})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		f, err := PlotSTDPDistribution(h, 0.5)
		if err != nil {
			b.Fatal(err)
		}
		f.DPI = 100
		if _, err := f.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}
