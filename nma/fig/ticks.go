package fig

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// NiceTicks places major ticks at 1, 2, 2.5 or 5 × 10^k, about five per axis, with minor
// ticks between them — the tick layout matplotlib users expect (gonum's default often picks
// steps such as 9).
type NiceTicks struct{}

// Ticks implements plot.Ticker.
func (NiceTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) || math.IsInf(min, 0) || math.IsInf(max, 0) {
		return plot.DefaultTicks{}.Ticks(min, max)
	}
	raw := (max - min) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw*0.999 {
			step = m * mag
			break
		}
	}
	prec := 0
	if step < 1 {
		prec = int(math.Ceil(-math.Log10(step) - 1e-9))
		if math.Abs(step*math.Pow(10, float64(prec))-math.Round(step*math.Pow(10, float64(prec)))) > 1e-9 {
			prec++
		}
	}
	if m := math.Mod(step, 1); step >= 1 && m != 0 {
		prec = 1
	}
	var ticks []plot.Tick
	first := math.Ceil(min/step-1e-9) * step
	minor := step / 2
	if s := step / mag; s == 2 || s == 2.5 {
		minor = step / 5
		if s == 2.5 {
			minor = step / 5
		}
	}
	for v := math.Ceil(min/minor-1e-9) * minor; v <= max+1e-9*step; v += minor {
		if math.Abs(math.Remainder(v, step)) < 1e-9*step {
			continue
		}
		ticks = append(ticks, plot.Tick{Value: v})
	}
	for v := first; v <= max+1e-9*step; v += step {
		x := v
		if math.Abs(x) < 1e-12*step {
			x = 0
		}
		ticks = append(ticks, plot.Tick{Value: x, Label: strconv.FormatFloat(x, 'f', prec, 64)})
	}
	return ticks
}
