package neuron

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/internal/hugemem"
	"github.com/nma-go/nma-go/nma/rng"
)

// SpikeTrains are n binary spike trains on a grid of Lt time steps stored as event lists:
// the steps at which each train spikes. They hold what the dense 0/1 matrices of
// PoissonTrains hold in a few kilobytes instead of n·Lt·8 bytes (800 MB for 100 trains of
// 10^6 steps), so long simulations need not write and read those matrices:
// PoissonSpikesFrom draws them with the course's random numbers without the matrix, and
// RunLIFCondSpikes runs the conductance-based neuron on them. Dense converts back.
type SpikeTrains struct {
	Lt    int     // number of time steps
	Steps [][]int // Steps[i] are the steps at which train i spikes, increasing, in [0, Lt)
}

// PoissonSpikes is PoissonTrains as event lists: the same trains from the same draws.
func PoissonSpikes(p Pars, rate float64, n int, seed uint32) (SpikeTrains, error) {
	return PoissonSpikesFrom(rng.New(seed), p.T, p.Dt, rate, n)
}

// PoissonSpikesFrom is PoissonTrainsFrom as event lists: train i spikes at step k when the
// k-th of its Lt draws of np.random.rand(n, Lt) (row by row from r) is below rate·dt/1000,
// and r advances exactly as it does there.
func PoissonSpikesFrom(r *rng.RandomState, T, dt, rate float64, n int) (SpikeTrains, error) {
	lt, err := checkPoisson(T, dt, rate, n)
	if err != nil {
		return SpikeTrains{}, err
	}
	s := SpikeTrains{Lt: lt, Steps: make([][]int, n)}
	thr := rate * (dt / 1000)
	for i := range s.Steps {
		if s.Steps[i], err = r.AppendRandBelow(nil, lt, thr); err != nil {
			return SpikeTrains{}, err
		}
	}
	return s, nil
}

// SpikesFromDense converts binary trains (one row per train, lt values of 0 or 1 each) to
// event lists.
func SpikesFromDense(trains [][]float64, lt int) (SpikeTrains, error) {
	s := SpikeTrains{Lt: lt, Steps: make([][]int, len(trains))}
	for i, row := range trains {
		if len(row) != lt {
			return SpikeTrains{}, fmt.Errorf("neuron: train %d has %d values, want one per time step (%d)", i, len(row), lt)
		}
		for k, x := range row {
			switch x {
			case 0:
			case 1:
				s.Steps[i] = append(s.Steps[i], k)
			default:
				return SpikeTrains{}, fmt.Errorf("neuron: train %d has the value %g at step %d; event lists need binary (0/1) trains", i, x, k)
			}
		}
	}
	return s, nil
}

// N is the number of trains.
func (s SpikeTrains) N() int { return len(s.Steps) }

// Dense returns the trains as the 0/1 matrix of PoissonTrains (one row per train).
func (s SpikeTrains) Dense() [][]float64 {
	out := make([][]float64, len(s.Steps))
	flat := hugemem.Make[float64](len(s.Steps) * s.Lt)
	for i, st := range s.Steps {
		row := flat[i*s.Lt : (i+1)*s.Lt : (i+1)*s.Lt]
		for _, k := range st {
			row[k] = 1
		}
		out[i] = row
	}
	return out
}

// Counts returns the number of trains spiking in each step, the dense matrix's
// sum(axis=0).
func (s SpikeTrains) Counts() []float64 {
	c := make([]float64, s.Lt)
	for _, st := range s.Steps {
		for _, k := range st {
			c[k]++
		}
	}
	return c
}

// countBlock sets c[j] to the number of trains spiking at step k0+j, for j < len(c), moving
// each train's cursor pos[i] (its next event) past the block: called for consecutive
// blocks from pos all 0, it walks every event list once. The counts are small integers, so
// they equal the dense column sums in any order.
func (s SpikeTrains) countBlock(c []float64, k0 int, pos []int) {
	clear(c)
	k1 := k0 + len(c)
	for i, st := range s.Steps {
		j := pos[i]
		for ; j < len(st) && st[j] < k1; j++ {
			if k := st[j] - k0; k >= 0 {
				c[k]++
			}
		}
		pos[i] = j
	}
}

// check reports an event list that is not increasing or leaves the grid of lt steps.
func (s SpikeTrains) check(name string, lt int) error {
	if s.Lt != lt {
		return fmt.Errorf("neuron: the %s trains have Lt=%d steps, want one per time step (%d)", name, s.Lt, lt)
	}
	for i, st := range s.Steps {
		prev := -1
		for _, k := range st {
			if k <= prev || k >= lt {
				return fmt.Errorf("neuron: %s train %d has the step %d after %d; steps must increase within [0, %d)", name, i, k, prev, lt)
			}
			prev = k
		}
	}
	return nil
}
