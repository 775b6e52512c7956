package w2d3

import (
	"github.com/nma-go/nma-go/nma/outcome"
	"math"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma"
	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/neuron"
	sol "github.com/nma-go/nma-go/solutions/w2d3"
)

// runLIFWith is the solution's RunLIF with the update step replaced by a student's version.
func runLIFWith(stopArg func(bool) bool, dv func(p neuron.Pars, v, i float64) float64) RunLIFFunc {
	return func(pars neuron.Pars, iinj []float64, stop bool) ([]float64, []float64) {
		lt := pars.Lt()
		v := make([]float64, lt)
		v[0] = pars.VInit
		iinj, _ = neuron.InputCurrent(pars, iinj, stopArg(stop))
		var sp []float64
		tr := 0.0
		for it := 0; it < lt-1; it++ {
			if tr > 0 {
				v[it] = pars.VReset
				tr--
			} else if v[it] >= pars.VTh {
				sp = append(sp, float64(it)*pars.Dt)
				v[it] = pars.VReset
				tr = pars.TRef / pars.Dt
			}
			v[it+1] = v[it] + dv(pars, v[it], iinj[it])
		}
		return v, sp
	}
}

func same(b bool) bool { return b }

// Typical student mistakes must fail, with a message that names the input and the values.
func TestChecksCatchCommonMistakes(t *testing.T) {
	cases := []struct {
		name   string
		result exercise.Result
		want   string
	}{
		{"RunLIF without 1/g_L", CheckRunLIF(runLIFWith(same, func(p neuron.Pars, v, i float64) float64 {
			return (-(v - p.EL) + i) * (p.Dt / p.TauM)
		})), "RunLIF(T=500 ms, Iinj=100 pA, stop=true): spike times"},
		{"RunLIF with dt instead of dt/τ_m", CheckRunLIF(runLIFWith(same, func(p neuron.Pars, v, i float64) float64 {
			return (-(v - p.EL) + i/p.GL) * p.Dt
		})), "membrane potential"},
		{"RunLIF with the leak sign flipped", CheckRunLIF(runLIFWith(same, func(p neuron.Pars, v, i float64) float64 {
			return ((v - p.EL) + i/p.GL) * (p.Dt / p.TauM)
		})), "expected"},
		{"RunLIF ignoring stop", CheckRunLIF(runLIFWith(func(bool) bool { return false }, func(p neuron.Pars, v, i float64) float64 {
			return (-(v - p.EL) + i/p.GL) * (p.Dt / p.TauM)
		})), "stop=true"},
		{"CV with the sample std (ddof = 1)", CheckIsiCvLIF(func(sp []float64) ([]float64, float64) {
			isi, _ := sol.IsiCvLIF(sp)
			if isi == nil {
				return nil, math.NaN()
			}
			n := float64(len(isi))
			return isi, nma.Std(isi) * math.Sqrt(n/math.Max(n-1, 1)) / nma.Mean(isi)
		}), "cv"},
		{"CV = mean/std", CheckIsiCvLIF(func(sp []float64) ([]float64, float64) {
			isi, cv := sol.IsiCvLIF(sp)
			return isi, 1 / cv
		}), "cv"},
		{"ISI of one spike as an empty slice and CV 0", CheckIsiCvLIF(func(sp []float64) ([]float64, float64) {
			if len(sp) < 2 {
				return []float64{}, 0
			}
			return sol.IsiCvLIF(sp)
		}), "IsiCvLIF(1 spike times [5]): cv: expected NaN"},
		{"correlation without centring", CheckMyCC(func(i, j []float64) float64 {
			var c, a, b float64
			for k := range i {
				c, a, b = c+i[k]*j[k], a+i[k]*i[k], b+j[k]*j[k]
			}
			return c / math.Sqrt(a*b)
		}), "MyCC(correlated inputs with c=0.3)"},
		{"correlation without the square root", CheckMyCC(func(i, j []float64) float64 {
			r := sol.MyCC(i, j)
			return r * r
		}), "expected"},
		{"same seed in every trial", CheckCorrCoeffPairs(func(pars neuron.Pars, rate, c float64, trials int, bins []float64) []float64 {
			r := make([]float64, trials)
			for i := range r {
				r[i] = sol.CorrCoeffPairs(pars, rate, c, 1, bins)[0]
			}
			return r
		}), "element 1"},
		{"correlating a train with itself", CheckCorrCoeffPairs(func(pars neuron.Pars, rate, c float64, trials int, bins []float64) []float64 {
			r := make([]float64, trials)
			for i := range r {
				sp1, _, _ := neuron.CorrPoisson(pars, rate, c, uint32(2020+i))
				h, _ := nma.Histogram(sp1, bins)
				r[i] = sol.MyCC(h, h)
			}
			return r
		}), "r12 of each trial: element 0: expected 0.166"},
		{"free membrane potential with the threshold left in place", CheckFreeMembranePotential(func(p neuron.Pars, ex, in [][]float64) []float64 {
			run, _ := neuron.RunLIFCond(p, nil, ex, in)
			return run.V
		}), "raise pars.VTh"},
		{"ΔW with Δt = 0 counted as depression", CheckDeltaW(func(p neuron.STDPPars, ap, am, tau float64, td []float64) []float64 {
			dW := make([]float64, len(td))
			for k, d := range td {
				if d < 0 {
					dW[k] = ap * math.Exp(d/tau)
				} else {
					dW[k] = -am * math.Exp(-d/tau)
				}
			}
			return dW
		}), "t_pre−t_post=0)"},
		{"ΔW without the minus of LTD", CheckDeltaW(func(p neuron.STDPPars, ap, am, tau float64, td []float64) []float64 {
			dW := sol.DeltaW(p, ap, am, tau, td)
			for k := range dW {
				dW[k] = math.Abs(dW[k])
			}
			return dW
		}), "expected -"},
		{"P driven by pre[it] instead of pre[it+1]", CheckGenerateP(func(p neuron.STDPPars, pre [][]float64) [][]float64 {
			P := sol.GenerateP(p, pre)
			for i := range P {
				for it := 0; it < len(P[i])-1; it++ {
					P[i][it+1] = P[i][it] - p.Dt/p.TauSTDP*P[i][it] + p.APlus*pre[i][it]
				}
			}
			return P
		}), "P of train 0"},
		{"P without decay", CheckGenerateP(func(p neuron.STDPPars, pre [][]float64) [][]float64 {
			P := sol.GenerateP(p, pre)
			for i := range P {
				for it := 0; it < len(P[i])-1; it++ {
					P[i][it+1] = P[i][it] + p.APlus*pre[i][it+1]
				}
			}
			return P
		}), "expected"},
		{"ΔW for the first time difference only", CheckDeltaW(func(p neuron.STDPPars, ap, am, tau float64, td []float64) []float64 {
			return sol.DeltaW(p, ap, am, tau, td[:1])
		}), "number of values (one per time difference): expected 50, got 1"},
		{"P of the first train only", CheckGenerateP(func(p neuron.STDPPars, pre [][]float64) [][]float64 {
			return sol.GenerateP(p, pre[:1])
		}), "number of rows (one per train): expected 5, got 1"},
		{"a crash", CheckMyCC(func(i, j []float64) float64 { return i[len(i)+1] }), "panicked"},
	}
	for _, c := range cases {
		if c.result.OK() || !strings.Contains(c.result.Message, c.want) {
			t.Errorf("%s: %v; want a failure mentioning %q", c.name, c.result, c.want)
		}
	}
}

// Each exercise's check fails (not done) on its stub and passes on its solution; the same
// invariant exercises/all proves for the whole course, here for this day alone.
func TestStubsAndSolutions(t *testing.T) {
	for _, e := range Exercises {
		if r := e.Check(e.Stub); r.Status != outcome.NotDone || r.ID != e.ID {
			t.Errorf("%s on the stub: %v", e.ID, r)
		}
		if r := e.Check(e.Solution); !r.OK() || r.Cases == 0 {
			t.Errorf("%s on the solution: %v", e.ID, r)
		}
	}
}

// The solution's arithmetic may differ from the library's in the last bit (the library avoids
// fused multiply-adds, a student need not): RunLIF still agrees with neuron.RunLIF.
func TestSolutionsAgreeWithLibrary(t *testing.T) {
	for _, k := range lifCases() {
		v, sp := sol.RunLIF(k.pars, k.iinj, k.stop)
		lv, lsp, err := neuron.RunLIF(k.pars, k.iinj, k.stop)
		if err != nil || len(sp) != len(lsp) {
			t.Fatalf("%s: %d spikes, library %d (%v)", k.name, len(sp), len(lsp), err)
		}
		for i := range v {
			if math.Abs(v[i]-lv[i]) > 1e-9 {
				t.Fatalf("%s: v[%d] = %v, library %v", k.name, i, v[i], lv[i])
			}
		}
	}
	p := neuron.DefaultSTDPPars()
	p.T, p.Dt = 200, 1
	q := neuron.DefaultPars()
	q.T, q.Dt = 200, 1
	pre, _ := neuron.PoissonTrains(q, 10, 5, 2020)
	want, _ := neuron.GenerateP(p, pre)
	got := sol.GenerateP(p, pre)
	for i := range want {
		for k := range want[i] {
			if want[i][k] != got[i][k] {
				t.Fatalf("GenerateP[%d][%d] = %v, library %v", i, k, got[i][k], want[i][k])
			}
		}
	}
}
