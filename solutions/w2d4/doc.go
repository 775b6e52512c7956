// Package w2d4 holds the reference solutions of the W2D4 (Dynamic networks) coding
// exercises, one function per exercise, written the way a student would write them.
// `nma run --solutions` puts these function bodies into the notebooks' exercise cells.
package w2d4
