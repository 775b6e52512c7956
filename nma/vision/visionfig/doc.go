// Package visionfig draws the figures of W2D1 (decoding, convolutional networks and encoding
// models of mouse V1) like the course's helpers: the data (overview.go, tuning.go), stimuli
// and filters (gratings.go, filters.go), convolutional activations (activations.go), loss
// curves (loss.go), decoding results (decoding.go), decoder weights and hidden units
// (weights.go), and the encoding model's tuning curves (tuning.go). The models are in
// nma/vision, the data in nma/data.
package visionfig
