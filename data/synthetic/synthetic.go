// Package synthetic embeds the synthetic stand-in for the two Stringer et al. (2019) files
// of W2D1 (same names, arrays and shapes semantics; 1000 model neurons instead of 23589).
// They are made by data.Synthesize with data.DefaultSynth() (see ../README.md); regenerate
// them with `go generate ./data/synthetic` (or `nma data generate --out data/synthetic`).
package synthetic

import "embed"

//go:generate go run ../../nma/cmd/nma data generate --out .

// Files holds W3D4_stringer_oribinned1.npz and W3D4_stringer_oribinned6_split.npz.
//
//go:embed W3D4_stringer_oribinned1.npz W3D4_stringer_oribinned6_split.npz
var Files embed.FS
