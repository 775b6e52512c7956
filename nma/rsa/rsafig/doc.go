// Package rsafig draws the figures of representational similarity analysis (W2D1 Tutorial 3)
// like the course's helpers: RDMs and their correlations (rdm.go), tuning curves
// (tuning.go) and 2-D embeddings of population responses (embedding.go). The computations
// are in nma/rsa.
package rsafig
