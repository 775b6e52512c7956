package benchcmp

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"time"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/neuron"
	"github.com/nma-go/nma-go/nma/nn"
	"github.com/nma-go/nma-go/nma/ratemodel"
	"github.com/nma-go/nma-go/nma/rng"
	"github.com/nma-go/nma-go/nma/vision"
)

// Workload is one row of the comparison: a computation students wait for in the course,
// implemented on the Go side with nma-go's public API (here) and on the Python side with
// the course's own algorithm (python/bench.py, the function of the same name).
type Workload struct {
	Name string              // the worker's argument and the Python function's name
	Row  func(Params) string // the table's label for these parameters
	// Parallel workloads can use more than one thread on either side (BLAS, GEMM, parallel
	// trials); they are also measured at the thread counts after the first.
	Parallel    bool
	Full, Quick Params // the course's sizes, and the shrunk ones of --quick
	Checks      []Check
	W2D1        bool // needs the shared W2D1 inputs (PrepareData)
	// setup prepares the Go side's inputs (untimed) and returns the timed call.
	setup func(p Params, dir string) (func() (map[string]float64, error), error)
}

// Params returns the workload's parameters at full or quick size (for W2D1 workloads with
// the shared data's sizes, which the two sides check against the files they load).
func (w *Workload) Params(quick bool) Params {
	src := w.Full
	if quick {
		src = w.Quick
	}
	p := Params{}
	for k, v := range src {
		p[k] = v
	}
	if w.W2D1 {
		for k, v := range dataSizes(quick) {
			p[k] = v
		}
	}
	return p
}

// Lookup returns the workload called name, or nil.
func Lookup(name string) *Workload {
	for _, w := range Workloads {
		if w.Name == name {
			return w
		}
	}
	return nil
}

// WorkerMain is the Go worker's command line, as ProcRunner starts it after "--worker":
// NAME --params JSON --data DIR --threads N, with GOMAXPROCS=N in its environment.
func WorkerMain(args []string, stdout io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return errors.New("--worker needs a workload name")
	}
	workload := args[0]
	fs := flag.NewFlagSet("--worker "+workload, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	params := fs.String("params", "{}", "")
	data := fs.String("data", "", "")
	threads := fs.Int("threads", runtime.GOMAXPROCS(0), "")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("--worker %s: %w", workload, err)
	}
	p := Params{}
	if err := json.Unmarshal([]byte(*params), &p); err != nil {
		return fmt.Errorf("--worker %s: --params=%q: %w", workload, *params, err)
	}
	if g := runtime.GOMAXPROCS(0); *threads != g {
		return fmt.Errorf("--worker %s: --threads=%d but GOMAXPROCS is %d: the harness sets GOMAXPROCS to the thread count", workload, *threads, g)
	}
	return RunGo(workload, p, *data, *threads, stdout)
}

// RunGo is the Go worker: it prepares the workload's inputs, makes one untimed call when
// more than one call is timed, times p.Reps() calls and prints the Result line to out.
func RunGo(name string, p Params, dir string, threads int, out io.Writer) error {
	w := Lookup(name)
	if w == nil {
		return fmt.Errorf("no workload %q", name)
	}
	call, err := w.setup(p, dir)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	reps := p.Reps()
	if reps > 1 {
		if _, err := call(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	runtime.GC()
	var check map[string]float64
	cpu0, start := cpuSeconds(), time.Now()
	for range reps {
		if check, err = call(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	sec := time.Since(start).Seconds() / float64(reps)
	cpu := (cpuSeconds() - cpu0) / float64(reps)
	line, err := FormatResult(Result{Workload: name, Side: GoSide, Threads: threads, Reps: reps, Seconds: sec, CPUSeconds: cpu, Check: check})
	if err != nil {
		return err
	}
	_, err = io.WriteString(out, line)
	return err
}

// Tolerances: the simulations draw the same random numbers on both sides (nma/rng is
// NumPy's legacy generator bit for bit), so their checks agree to rounding; the W2D1
// trainings start from the same weights and data, but torch computes in float32.
var (
	exact   = func(n string) Check { return Check{Name: n} }
	rounded = func(n string) Check { return Check{Name: n, RelTol: 1e-9, AbsTol: 1e-12} }
	f32     = func(n string, rel float64) Check { return Check{Name: n, RelTol: rel, AbsTol: 1e-4} }
)

// Workloads are the rows of issue 15's table, in its order (the whole-notebook row is not
// here: it needs the Python course's notebooks).
var Workloads = []*Workload{
	{
		Name: "w2d1_t1_relu", W2D1: true, Parallel: true,
		Row: func(p Params) string {
			return fmt.Sprintf("W2D1 T1 DeepNetReLU(%d, %d), %d full-batch epochs", p.Int("neurons"), p.Int("hidden"), p.Int("epochs"))
		},
		Full:   Params{"hidden": 10, "epochs": 50, "lr": 1e-4},
		Quick:  Params{"hidden": 10, "epochs": 5, "lr": 1e-4},
		Checks: []Check{f32("final_loss", 1e-2), f32("first_loss", 1e-4)},
		setup:  setupReLU,
	},
	{
		Name: "w2d1_t4_softmax", W2D1: true, Parallel: true,
		Row: func(p Params) string {
			return fmt.Sprintf("W2D1 T4 DeepNetSoftmax(%d, %d, %d), %d iterations + test pass", p.Int("neurons"), p.Int("hidden"), p.Int("classes"), p.Int("iters"))
		},
		Full:   Params{"hidden": 20, "classes": 20, "iters": 1000},
		Quick:  Params{"hidden": 20, "classes": 20, "iters": 20},
		Checks: []Check{{Name: "frac_correct", AbsTol: 0.05}, f32("first_loss", 1e-4), f32("test_loss", 5e-2)},
		setup:  setupSoftmax,
	},
	{
		Name: "w2d1_t3_cnn", W2D1: true, Parallel: true,
		Row: func(p Params) string {
			return fmt.Sprintf("W2D1 T3 CNN, %d epochs × %d batches", p.Int("epochs"), (p.Int("tilt_n")+p.Int("batch")-1)/p.Int("batch"))
		},
		Full:   Params{"epochs": 25, "batch": 100, "lr": 5e-4, "momentum": 0.99, "seed": 12},
		Quick:  Params{"epochs": 2, "batch": 100, "lr": 5e-4, "momentum": 0.99, "seed": 12},
		Checks: []Check{f32("first_epoch_loss", 1e-3), {Name: "last_loss", RelTol: 0.5, AbsTol: 1e-2}},
		setup:  setupCNN,
	},
	{
		Name: "w2d1_t4_convfc", W2D1: true, Parallel: true,
		Row: func(p Params) string {
			return fmt.Sprintf("W2D1 T4 ConvFC (1152→%d), %d of 200 iterations", p.Int("neurons"), p.Int("iters"))
		},
		Full:   Params{"iters": 20, "test_every": 20, "lr": 2, "momentum": 0.9, "l2": 5e-4, "l1": 1e-6},
		Quick:  Params{"iters": 4, "test_every": 4, "lr": 2, "momentum": 0.9, "l2": 5e-4, "l1": 1e-6},
		Checks: []Check{f32("final_loss", 1e-2), f32("first_loss", 1e-4), f32("test_loss", 1e-2)},
		setup:  setupConvFC,
	},
	{
		Name: "w2d3_cond_lif",
		Row: func(p Params) string {
			return fmt.Sprintf("W2D3 conductance LIF, %d Poisson trains (Go: event lists), %s steps", p.Int("n_ex")+p.Int("n_in"), steps(p["T"]/p["dt"]))
		},
		Full:   Params{"T": 100000, "dt": 0.1, "n_ex": 80, "n_in": 20, "rate": 10, "seed": 2020},
		Quick:  Params{"T": 2000, "dt": 0.1, "n_ex": 80, "n_in": 20, "rate": 10, "seed": 2020},
		Checks: []Check{exact("spikes"), rounded("mean_v")},
		setup:  setupCondLIF,
	},
	{
		Name: "w2d3_stdp",
		Row: func(p Params) string {
			return fmt.Sprintf("W2D3 STDP, %s steps × %d inputs", steps(p["T"]/p["dt"]), p.Int("n"))
		},
		Full:   Params{"T": 120000, "dt": 1, "rate": 15, "n": 300, "seed": 2020, "g_init": 0.014},
		Quick:  Params{"T": 5000, "dt": 1, "rate": 15, "n": 300, "seed": 2020, "g_init": 0.014},
		Checks: []Check{exact("spikes"), rounded("mean_gE")},
		setup:  setupSTDP,
	},
	{
		Name: "w2d3_output_cc", Parallel: true,
		Row: func(p Params) string {
			return fmt.Sprintf("W2D3 LIF_output_cc, %d trials × 2 neurons × %s steps", p.Int("trials"), steps(p["T"]/p["dt"]))
		},
		Full:   Params{"T": 80000, "dt": 1, "mu": 10, "sig": 10, "c": 0.3, "bin": 10, "trials": 10, "seed": 2020},
		Quick:  Params{"T": 8000, "dt": 1, "mu": 10, "sig": 10, "c": 0.3, "bin": 10, "trials": 2, "seed": 2020},
		Checks: []Check{rounded("r12"), rounded("rate")},
		setup:  setupOutputCC,
	},
	{
		Name: "w2d2_integrate_exponential",
		Row: func(p Params) string {
			return fmt.Sprintf("W2D2 integrate_exponential, %s steps", steps(p["T"]/p["dt"]))
		},
		Full:   Params{"a": -0.5, "x0": 1, "dt": 1e-5, "T": 10},
		Quick:  Params{"a": -0.5, "x0": 1, "dt": 1e-3, "T": 10, "reps": 3},
		Checks: []Check{exact("steps"), rounded("x_end")},
		setup:  setupEuler,
	},
	{
		Name: "w2d2_ar_sweep",
		Row: func(p Params) string {
			return fmt.Sprintf("W2D2 AR sweep, orders 1…%d", p.Int("max_order"))
		},
		Full:   Params{"max_order": 20, "reps": 20},
		Quick:  Params{"max_order": 20, "reps": 2},
		Checks: []Check{rounded("err_sum")},
		setup:  setupARSweep,
	},
	{
		Name: "w2d3_lif_dc",
		Row: func(p Params) string {
			n := len(nma.Arange(p["i_min"], p["i_max"], p["i_step"]))
			return fmt.Sprintf("W2D3 LIF with DC input (run_LIF), %d currents × %s steps", n, steps(p["T"]/p["dt"]))
		},
		Full:   Params{"T": 1000, "dt": 0.1, "i_min": 100, "i_max": 400, "i_step": 10, "reps": 3},
		Quick:  Params{"T": 100, "dt": 0.1, "i_min": 100, "i_max": 400, "i_step": 10},
		Checks: []Check{exact("spikes")},
		setup:  setupLIFDC,
	},
	{
		Name: "w2d3_stp",
		Row: func(p Params) string {
			return "W2D3 STP rate sweeps (STD 8 rates + STF 20 rates, dynamic_syn)"
		},
		Full:   Params{"reps": 10},
		Quick:  Params{"reps": 1},
		Checks: []Check{rounded("g10_sum"), rounded("g1_sum")},
		setup:  setupSTP,
	},
	{
		Name: "w2d4_wilson_cowan",
		Row: func(p Params) string {
			return "W2D4 Wilson–Cowan simulate_wc, 2 runs × 500 steps"
		},
		Full:   Params{"reps": 50},
		Quick:  Params{"reps": 2},
		Checks: []Check{rounded("rE_end_sum")},
		setup:  setupWC,
	},
	{
		Name: "w2d4_wc_fixed_points",
		Row: func(p Params) string {
			return "W2D4 WC fixed points (3 guesses, root finding)"
		},
		Full:   Params{"reps": 50},
		Quick:  Params{"reps": 2},
		Checks: []Check{{Name: "fp_sum", AbsTol: 1e-6}},
		setup:  setupWCFixedPoints,
	},
	{
		Name: "w2d2_ddm_sweep",
		Row: func(p Params) string {
			return fmt.Sprintf("W2D2 DDM equilibrium-variance sweep, 90 λ × %d steps", p.Int("T"))
		},
		Full:   Params{"T": 5000, "x0": 4, "xinfty": 1, "sig": 0.87, "seed": 2020},
		Quick:  Params{"T": 500, "x0": 4, "xinfty": 1, "sig": 0.87, "seed": 2020},
		Checks: []Check{rounded("var_sum")},
		setup:  setupDDMSweep,
	},
}

// steps writes a step count as the issue does: 10⁶, 120k, 80k, 2000.
func steps(x float64) string {
	n := int(math.Round(x))
	switch {
	case n >= 1000000 && n%1000000 == 0:
		if n == 1000000 {
			return "10⁶"
		}
		return fmt.Sprintf("%dM", n/1000000)
	case n >= 10000 && n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

// --- W2D1: the course's networks, from the shared inputs and initial weights ---

func setupReLU(p Params, dir string) (func() (map[string]float64, error), error) {
	x, y, err := load2(dir, "resp_train", "stim_train")
	if err != nil {
		return nil, err
	}
	net := vision.NewDeepNetReLU(x.Shape[1], p.Int("hidden"), nn.ManualSeed(1))
	if err := loadInit(dir, "relu", net); err != nil {
		return nil, err
	}
	return func() (map[string]float64, error) {
		h, err := nn.Train(net, nn.MSELoss(), x, y, nn.TrainOptions{Epochs: p.Int("epochs"), LearningRate: p["lr"], LogEvery: -1})
		if err != nil {
			return nil, err
		}
		return map[string]float64{"first_loss": h.TrainLoss[0], "final_loss": h.TrainLoss[len(h.TrainLoss)-1]}, nil
	}, nil
}

func setupSoftmax(p Params, dir string) (func() (map[string]float64, error), error) {
	xtr, ytr, err := load2(dir, "resp_train", "stim_train")
	if err != nil {
		return nil, err
	}
	xte, yte, err := load2(dir, "resp_test", "stim_test")
	if err != nil {
		return nil, err
	}
	sp := data.Split{RespTrain: xtr, StimuliTrain: ytr, RespTest: xte, StimuliTest: yte}
	net := vision.NewDeepNetSoftmax(xtr.Shape[1], p.Int("hidden"), p.Int("classes"), nn.ManualSeed(1))
	if err := loadInit(dir, "softmax", net); err != nil {
		return nil, err
	}
	return func() (map[string]float64, error) {
		d, err := vision.DecodeOrientation(net, p.Int("classes"), nn.NLLLoss(), sp, p.Int("iters"))
		if err != nil {
			return nil, err
		}
		return map[string]float64{
			"frac_correct": d.FractionCorrect, "first_loss": d.TrainLoss[0],
			"final_loss": d.TrainLoss[len(d.TrainLoss)-1], "test_loss": d.TestLoss[len(d.TestLoss)-1],
		}, nil
	}, nil
}

func setupCNN(p Params, dir string) (func() (map[string]float64, error), error) {
	x, y, err := load2(dir, "tilt_stimuli", "tilt_labels")
	if err != nil {
		return nil, err
	}
	net := vision.NewCNN(x.Shape[1], x.Shape[2], nn.ManualSeed(12))
	if err := loadInit(dir, "cnn", net); err != nil {
		return nil, err
	}
	return func() (map[string]float64, error) {
		h, err := nn.Train(net, nn.BCELoss(), x, y, nn.TrainOptions{
			Epochs: p.Int("epochs"), LearningRate: p["lr"], Momentum: p["momentum"],
			BatchSize: p.Int("batch"), Shuffle: nn.ManualSeed(uint32(p.Int("seed"))), LogEvery: -1,
		})
		if err != nil {
			return nil, err
		}
		return map[string]float64{"first_epoch_loss": h.TrainLoss[0], "last_loss": h.StepLoss[len(h.StepLoss)-1]}, nil
	}, nil
}

func setupConvFC(p Params, dir string) (func() (map[string]float64, error), error) {
	x, ytr, err := load2(dir, "enc_stimuli", "enc_train")
	if err != nil {
		return nil, err
	}
	yte, err := loadTensor(dir, "enc_test")
	if err != nil {
		return nil, err
	}
	h, w := x.Shape[2], x.Shape[3]
	net := vision.NewConvFC(ytr.Shape[1], 1, 6, 7, h*w, vision.Filters(6, 7, true), nn.ManualSeed(1))
	if err := loadInit(dir, "convfc", net); err != nil {
		return nil, err
	}
	loss := func(out, y *nn.Tensor) *nn.Tensor {
		return nn.RegularizedMSELoss(out, y, net.OutLayer.Weight, p["l2"], p["l1"])
	}
	return func() (map[string]float64, error) {
		hist, err := nn.Train(net, loss, x, ytr, nn.TrainOptions{
			Epochs: p.Int("iters"), LearningRate: p["lr"], Momentum: p["momentum"],
			TestData: x, TestLabels: yte, TestEvery: p.Int("test_every"), LogEvery: -1,
		})
		if err != nil {
			return nil, err
		}
		n := len(hist.TrainLoss)
		return map[string]float64{"first_loss": hist.TrainLoss[0], "final_loss": hist.TrainLoss[n-1], "test_loss": hist.TestLoss[n-1]}, nil
	}, nil
}

// --- W2D3: biological neuron models ---

func setupCondLIF(p Params, _ string) (func() (map[string]float64, error), error) {
	pp := neuron.DefaultSynPars()
	pp.T, pp.Dt = p["T"], p["dt"]
	r := rng.New(uint32(p.Int("seed")))
	// The trains as event lists (PoissonSpikesFrom: the same draws, the same trains as
	// PoissonTrainsFrom's 0/1 matrices): RunLIFCondSpikes gives RunLIFCond's numbers without
	// reading 100 × 10⁶ float64 (800 MB) — the representation the issue asks for where the
	// course's numbers allow (nma/neuron: TestPoissonFastPathsBitIdentical,
	// TestRunLIFCondFastPathBitIdentical).
	ex, err := neuron.PoissonSpikesFrom(r, pp.T, pp.Dt, p["rate"], p.Int("n_ex"))
	if err != nil {
		return nil, err
	}
	in, err := neuron.PoissonSpikesFrom(r, pp.T, pp.Dt, p["rate"], p.Int("n_in"))
	if err != nil {
		return nil, err
	}
	return func() (map[string]float64, error) {
		res, err := neuron.RunLIFCondSpikes(pp, nil, ex, in)
		if err != nil {
			return nil, err
		}
		return map[string]float64{"spikes": float64(len(res.Spikes)), "mean_v": mean(res.V)}, nil
	}, nil
}

func setupSTDP(p Params, _ string) (func() (map[string]float64, error), error) {
	sp := neuron.DefaultSTDPPars()
	sp.T, sp.Dt, sp.GEInit = p["T"], p["dt"], p["g_init"]
	pre, err := sp.PoissonTrains(p["rate"], p.Int("n"), uint32(p.Int("seed")))
	if err != nil {
		return nil, err
	}
	return func() (map[string]float64, error) {
		res, err := neuron.RunLIFCondSTDP(sp, pre)
		if err != nil {
			return nil, err
		}
		return map[string]float64{"spikes": float64(len(res.Spikes)), "mean_gE": mean(res.GE)}, nil
	}, nil
}

func setupOutputCC(p Params, _ string) (func() (map[string]float64, error), error) {
	pp := neuron.DefaultPars()
	pp.T, pp.Dt = p["T"], p["dt"]
	return func() (map[string]float64, error) {
		o, err := neuron.LIFOutputCC(pp, p["mu"], p["sig"], p["c"], p["bin"], p.Int("trials"), uint32(p.Int("seed")))
		if err != nil {
			return nil, err
		}
		return map[string]float64{"r12": o.R12, "rate": o.Rate}, nil
	}, nil
}

func setupLIFDC(p Params, _ string) (func() (map[string]float64, error), error) {
	pp := neuron.DefaultPars()
	pp.T, pp.Dt = p["T"], p["dt"]
	currents := nma.Arange(p["i_min"], p["i_max"], p["i_step"])
	return func() (map[string]float64, error) {
		n := 0
		for _, i := range currents {
			_, sp, err := neuron.RunLIF(pp, neuron.DC(pp, i), false)
			if err != nil {
				return nil, err
			}
			n += len(sp)
		}
		return map[string]float64{"spikes": float64(n)}, nil
	}, nil
}

func setupSTP(Params, string) (func() (map[string]float64, error), error) {
	std, stf := nma.Arange(5, 40.1, 5), nma.Arange(2, 40.1, 2)
	return func() (map[string]float64, error) {
		g1a, g10a, err := neuron.STPSweep(std, 0.5, 100, 50)
		if err != nil {
			return nil, err
		}
		g1b, g10b, err := neuron.STPSweep(stf, 0.2, 100, 750)
		if err != nil {
			return nil, err
		}
		return map[string]float64{"g1_sum": sum(g1a) + sum(g1b), "g10_sum": sum(g10a) + sum(g10b)}, nil
	}, nil
}

// --- W2D2: linear systems ---

func setupEuler(p Params, _ string) (func() (map[string]float64, error), error) {
	return func() (map[string]float64, error) {
		x, t, err := linsys.IntegrateExponential(complex(p["a"], 0), complex(p["x0"], 0), p["dt"], p["T"])
		if err != nil {
			return nil, err
		}
		return map[string]float64{"steps": float64(len(t)), "x_end": real(x[len(x)-1])}, nil
	}, nil
}

func setupARSweep(p Params, _ string) (func() (map[string]float64, error), error) {
	train, err := linsys.Char2Array(linsys.MonkeyAtTypewriter)
	if err != nil {
		return nil, err
	}
	test, err := linsys.Char2Array(linsys.TestMonkey)
	if err != nil {
		return nil, err
	}
	orders := make([]int, p.Int("max_order"))
	for i := range orders {
		orders[i] = i + 1
	}
	return func() (map[string]float64, error) {
		df, err := linsys.ARSweep(train, test, orders)
		if err != nil {
			return nil, err
		}
		return map[string]float64{"err_sum": sum(df.Col("test error").Float())}, nil
	}, nil
}

func setupDDMSweep(p Params, _ string) (func() (map[string]float64, error), error) {
	lambdas := nma.Arange(0.05, 0.95, 0.01)
	return func() (map[string]float64, error) {
		r := rng.New(uint32(p.Int("seed")))
		s := 0.0
		for _, lam := range lambdas {
			v, err := linsys.DDMEqVar(p.Int("T"), p["x0"], p["xinfty"], lam, p["sig"], r)
			if err != nil {
				return nil, err
			}
			s += v
		}
		return map[string]float64{"var_sum": s}, nil
	}, nil
}

// --- W2D4: dynamic networks ---

func setupWC(Params, string) (func() (map[string]float64, error), error) {
	return func() (map[string]float64, error) {
		s := 0.0
		for _, init := range [][2]float64{{0.32, 0.15}, {0.33, 0.15}} {
			q := ratemodel.DefaultWC()
			q.REInit, q.RIInit = init[0], init[1]
			rE, _, err := ratemodel.SimulateWC(q)
			if err != nil {
				return nil, err
			}
			s += rE[len(rE)-1]
		}
		return map[string]float64{"rE_end_sum": s}, nil
	}, nil
}

func setupWCFixedPoints(Params, string) (func() (map[string]float64, error), error) {
	return func() (map[string]float64, error) {
		s := 0.0
		for _, g := range ratemodel.GuessesWC {
			fp, err := ratemodel.FixedPointWC(ratemodel.DefaultWC(), g[0], g[1])
			if err != nil {
				return nil, err
			}
			s += fp[0] + fp[1]
		}
		return map[string]float64{"fp_sum": s}, nil
	}, nil
}

func sum(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s
}

func mean(x []float64) float64 { return sum(x) / float64(len(x)) }
