package data

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Describe says which dataset the W2D1 notebooks use, file by file — the real recordings
// (where, their size, their md5 verified) or the synthetic stand-in (its size, where it is
// cached, and whether this call generated it) —
// with the neurons and stimuli in each, and, when the stand-in is used, where the real files
// were looked for and how to get them. A problem (a corrupted file) is reported in the text,
// with what to do.
func Describe() string {
	var b strings.Builder
	var real, synth int
	line := func(f File, src Source, shape string, err error) {
		switch {
		case err != nil:
			fmt.Fprintf(&b, "%s: cannot be used: %v\n", f.Name, err)
		case src.Synthetic:
			synth++
			how := "generated on first use"
			if src.Generated > 0 {
				how = fmt.Sprintf("generated now in %.2f s", src.Generated.Seconds())
			}
			fmt.Fprintf(&b, "%s: the synthetic stand-in, %d model neurons × %s, %s, %s by data.Synthesize (v%d) and cached in %s\n",
				f.Name, src.Neurons, shape, human(src.Size), how, SynthVersion, filepath.Dir(src.Path))
		default:
			real++
			fmt.Fprintf(&b, "%s: the recordings of Stringer et al. (2019), %d neurons × %s, %s, md5 %s verified (%s)\n", f.Name, src.Neurons, shape, human(src.Size), src.Fingerprint, src.Path)
		}
	}
	if ds, err := LoadData(1); err != nil {
		line(Ori1, Source{}, "", err)
	} else {
		line(Ori1, ds.Source, fmt.Sprintf("%d stimuli", ds.NStimuli()), nil)
	}
	if sp, err := LoadDataSplit(); err != nil {
		line(Ori6Split, Source{}, "", err)
	} else {
		line(Ori6Split, sp.Source, fmt.Sprintf("%d stimuli (train and test halves)", sp.RespTrain.Shape[0]), nil)
	}
	switch {
	case real == len(Files):
		b.WriteString("The W2D1 notebooks use the real recordings.\n")
	case os.Getenv(EnvData) == "synthetic":
		fmt.Fprintf(&b, "%s=synthetic is set: real files are ignored.\n", EnvData)
	case synth > 0:
		b.WriteString("Real files (with the course's md5) were looked for in:\n")
		for _, d := range SearchDirs() {
			fmt.Fprintf(&b, "  %s\n", d)
		}
		if real > 0 {
			b.WriteString("Only some of the real files are there: download the others to use the recordings throughout.\n")
		} else {
			b.WriteString("The W2D1 notebooks use the synthetic stand-in (see data/README.md for how it is made and what differs).\n")
		}
	}
	return b.String()
}
