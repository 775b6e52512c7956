package ratemodel

// The scenarios of W2D4 Tutorial 3's applications: the inhibition-stabilized network (ISN)
// perturbed through its inhibitory population, and working memory in a noisy network.

// ISNParams are the parameters of the ISN demo: LimitCycleWC with τ_I = 0.8 ms, T = 50 ms,
// started at (0.6, 0.26).
func ISNParams() WCParams {
	p := LimitCycleWC()
	p.T, p.TauI = 50, 0.8
	p.REInit, p.RIInit = 0.6, 0.26
	return p
}

// ISNPerturb simulates ISNParams with the input to I stepping from 0 to dI half-way
// (from step len(t)/2 on) and returns the time axis, the input and both rates.
func ISNPerturb(dI float64) (t, iExtI, rE, rI []float64, err error) {
	p := ISNParams()
	t = p.RangeT()
	iExtI = make([]float64, len(t))
	for k := len(t) / 2; k < len(t); k++ {
		iExtI[k] = dI
	}
	p.IExtISeries = iExtI
	rE, rI, err = SimulateWC(p)
	return t, iExtI, rE, rI, err
}

// The OU input of Section 3 of Tutorial 3: τ_ou = 1 ms, σ = 0.1.
const (
	TauOUWC = 1.0
	SigOUWC = 0.1
)

// NoisyWC returns the default model with T = 100 ms, started at (0.1, 0.1), with OU inputs
// (τ_ou = 1 ms, σ = 0.1) seeded with seedE and seedI as the course seeds NumPy (20201 and
// 20202 for the resting activity, 2022 and 2021 for the pulse demo).
func NoisyWC(seedE, seedI uint32) (WCParams, error) {
	p := DefaultWC()
	p.T = 100
	p.REInit, p.RIInit = 0.1, 0.1
	n := len(p.RangeT())
	var err error
	if p.IExtESeries, err = OU(n, p.Dt, TauOUWC, SigOUWC, seedE); err != nil {
		return p, err
	}
	if p.IExtISeries, err = OU(n, p.Dt, TauOUWC, SigOUWC, seedI); err != nil {
		return p, err
	}
	return p, nil
}

// PulseWC is the model of Interactive Demo 3 of Tutorial 3: NoisyWC(2022, 2021) with a
// pulse of amplitude se added to the input to E from 20 to 30 ms. It also returns the pulse.
func PulseWC(se float64) (WCParams, []float64, error) {
	p, err := NoisyWC(2022, 2021)
	if err != nil {
		return p, nil, err
	}
	pulse, err := Inject(len(p.RangeT()), p.Dt, 20, 10)
	if err != nil {
		return p, nil, err
	}
	in := make([]float64, len(pulse))
	for k := range in {
		in[k] = p.IExtESeries[k] + se*pulse[k]
	}
	p.IExtESeries = in
	return p, pulse, nil
}
