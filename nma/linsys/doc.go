// Package linsys holds the linear systems of W2D2: deterministic dynamics ẋ = a·x and
// ẋ = A·x (forward Euler, an adaptive Runge–Kutta 4(5) integrator, eigen-decomposition and
// the classification of fixed points), Markov processes (the two-state telegraph process of an
// ion channel and the propagation of its state probabilities), stochastic dynamics (random
// walks and the discrete Ornstein–Uhlenbeck / drift-diffusion process) and autoregressive
// models fitted by least squares.
//
// The package only computes (its tables are gota dataframes) and links no plotting: the
// course's figures are in the companion package nma/linsys/linsysfig, the stream-plot
// algorithm in nma/fig (fig.Streamlines), and the NumPy-style statistics (np.mean, np.var,
// np.diff, …) in the root package nma.
//
// Time is in the course's units: arbitrary time units (or steps) in Tutorials 1, 3 and 4,
// and ms in Tutorial 2 (the telegraph process). Where the course seeds NumPy, the functions
// take an *rng.RandomState (package nma/rng, NumPy's legacy generator) and draw from it in
// the same order as the course's code, so rng.New(seed) gives the course's numbers.
//
// # Python to Go
//
//	integrate_exponential(a, x0, dt, T)       IntegrateExponential(a, x0, dt, T)
//	solve_ivp(f, (0, T), y0, t_eval=t)        SolveIVP(f, 0, T, y0, IVPOptions{TEval: t})
//	plot_trajectory(system, params, x0)       linsysfig.PlotTrajectory(f, x0, dt, T, title)
//	plot_streamplot / plot_specific_…         linsysfig.PlotStreamplot(A, title), linsysfig.PlotStreamplots(As)
//	np.linalg.eig(A)                          Eig(A)
//	ion_channel_opening(c2o, o2c, T, dt)      IonChannelOpening(c2o, o2c, T, dt, r)
//	simulate_prob_prop(A, x0, dt, T)          PropagateProbabilities(A, x0, n)
//	random_walk_simulator(N, T, mu, sigma)    RandomWalks(N, T, mu, sigma, r)
//	np.mean/np.var(sim, axis=0)               MeanVar(sim)
//	np.diff(switch_times)                     nma.Diff(switchTimes)
//	ddm(T, x0, xinfty, lam, sig)              DDM(T, x0, xinfty, lam, sig, r)
//	ddm_eq_var(T, x0, xinfty, lam, sig)       DDMEqVar(T, x0, xinfty, lam, sig, r)
//	build_time_delay_matrices(x, r)           BuildTimeDelayMatrices(x, r)
//	AR_model(x, r)                            ARModel(x, r)
//	AR_prediction(x_test, p), error_rate      ARPrediction(xTest, p), ErrorRate(xTest, p)
//	char2array(s)                             Char2Array(s)
package linsys
