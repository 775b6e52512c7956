// Package linsysfig draws the figures of W2D2's four tutorials (linear systems) for the
// models of package nma/linsys, with the course look of nma/fig. It is linsys's companion:
// linsys computes and links no plotting, so a graded program that only simulates does not
// build gonum/plot or its fonts. The files are named for what they draw: Euler solutions
// (euler.go), trajectories of 2-D systems (trajectory.go), stream plots (streamplot.go), the
// telegraph process (telegraph.go, probabilities.go), random walks (randomwalk.go), the
// Ornstein–Uhlenbeck / drift-diffusion process (ou.go), the AR(1) regression (lagscatter.go)
// and AR models of binary sequences (ar.go).
//
// Every function returns the figure (show it with its Show method in a notebook); the
// figures that need input checks also return an error.
//
// # Python to Go
//
//	plot_trajectory(system, params, x0)         PlotTrajectory(f, x0, dt, T, title)
//	plot_streamplot(A, ax)                      PlotStreamplot(A, title)
//	plot_specific_example_stream_plots(As)      PlotStreamplots(As)
//	plot_switch_simulation(t, x)                PlotSwitchSimulation(t, x)
//	plot_interswitch_interval_histogram(isi)    PlotInterswitchIntervalHistogram(isi)
//	plot_state_probabilities(t, x)              PlotStateProbabilities(t, x)
//	plot_random_walk_sims(sim, nsims)           PlotRandomWalkSims(sim, nsims)
//	plot_mean_var_by_timestep(mu, var)          PlotMeanVarByTimestep(mu, variance, meanLimits)
//	plot_dynamics(x, t, lam, xinfty)            PlotDynamics(x, t, lam, xinfty)
//	plot_ddm(t, x, xinfty, lam, x0)             PlotDDM(t, x, xinfty, lam, x0)
//	var_comparison_plot(empirical, analytical)  PlotVarComparison(empirical, analytical)
//	plot_residual_histogram(res)                PlotResidualHistogram(res)
//	plot_training_fit(x1, x2, p)                PlotFit(x1, x2, p, jitter, title, xlabel, alpha)
package linsysfig
