// Package ratemodelfig draws the course figures of W2D4 (Dynamic networks) for the models of
// package ratemodel: F-I curves, dr/dt of the single population, activities against time,
// the Wilson–Cowan phase plane (nullclines, vector field, trajectories, fixed points, limit
// cycle) and the figures of the interactive demos.
//
// ratemodel only computes; everything that draws lives here, so a program that only
// simulates links no plotting or fonts. A function that needs a simulation (PlotLimitCycle,
// PlotPulse, …) runs it with ratemodel and returns its error. Each Plot… function returns a
// *fig.Figure (call Show in a notebook); the Add… functions draw one element onto a panel, for
// figures of your own.
package ratemodelfig
