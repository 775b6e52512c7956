// Package data provides the W2D1 datasets: the Stringer et al. (2019) mouse V1 responses to
// oriented gratings, as the course's two .npz files.
//
// The real files (23 589 neurons) come from OSF: `nma data download` fetches them, checks
// their md5 and stores them in the checkout's data/ folder (or the user cache). They are
// read with a real NumPy reader (npyio), and every load checks their md5 again. When they
// are absent — offline machines, CI — the loaders fall back to a synthetic stand-in: the
// same files, array names and shapes (23 589 model neurons), made by Synthesize from a
// population of orientation-tuned model neurons (see data/README.md), generated on first
// use and cached in the user cache folder (SynthDir). Every loader reports which of the two
// it used (Source).
//
// The package reads, checks, splits and (for the stand-in) generates the data; decoding and
// tuning analyses are in nma/vision, the figures of the data in nma/vision/visionfig.
package data

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/nma-go/nma-go/nma/checkout"
)

// File is one of the course's data files.
type File struct {
	Name string // file name, e.g. W3D4_stringer_oribinned1.npz
	URL  string // where the course downloads it (OSF)
	MD5  string // md5 of the real file, hex
	// Arrays are the names of the arrays the file holds.
	Arrays []string
}

// The two Stringer et al. (2019) files the course uses.
var (
	// Ori1 holds resp (360 stimuli × neurons, z-scored over stimuli, averaged in 1° bins)
	// and stimuli (the 360 orientations, 0…359°).
	Ori1 = File{Name: "W3D4_stringer_oribinned1.npz", URL: "https://osf.io/683xc/download",
		MD5: "436599dfd8ebe6019f066c38aed20580", Arrays: []string{"resp", "stimuli"}}
	// Ori6Split holds resp_train and resp_test (60 stimuli × neurons, averaged in 6° bins
	// over two disjoint sets of trials) and stimuli (the 60 bin centres).
	Ori6Split = File{Name: "W3D4_stringer_oribinned6_split.npz", URL: "https://osf.io/p3aeb/download",
		MD5: "b3f7245c6221234a676b71a1f43c3bb5", Arrays: []string{"resp_train", "resp_test", "stimuli"}}
	// Files lists both.
	Files = []File{Ori1, Ori6Split}
)

// Environment variables that steer the loaders.
const (
	// EnvDir names a folder searched first for the real files (and used by `nma data download`).
	EnvDir = "NMA_DATA_DIR"
	// EnvData set to "synthetic" makes the loaders ignore real files (e.g. to reproduce the
	// committed example images, which are made with the synthetic stand-in).
	EnvData = "NMA_DATA"
)

// SearchDirs returns the folders searched for the real files, in order: $NMA_DATA_DIR, the
// checkout's data/ folder (found from the working directory), and the user cache folder
// (e.g. ~/.cache/nma-go).
func SearchDirs() []string {
	var dirs []string
	if d := os.Getenv(EnvDir); d != "" {
		dirs = append(dirs, d)
	}
	if root, err := checkout.FindRoot("."); err == nil {
		dirs = append(dirs, filepath.Join(root, "data"))
	}
	if c, err := os.UserCacheDir(); err == nil {
		dirs = append(dirs, filepath.Join(c, "nma-go"))
	}
	return dirs
}

// DefaultDir is where `nma data download` stores the files: $NMA_DATA_DIR, else the
// checkout's data/ folder, else the user cache folder.
func DefaultDir() (string, error) {
	dirs := SearchDirs()
	if len(dirs) == 0 {
		return "", errors.New("no folder for the data: set " + EnvDir)
	}
	return dirs[0], nil
}

// MD5File returns the hex md5 of a file.
func MD5File(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := md5.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Locate returns the path of the real file f in the search folders, or "" when it is in
// none. A file that is present but has the wrong md5 is an error (re-download it).
func Locate(f File) (string, error) {
	if os.Getenv(EnvData) == "synthetic" {
		return "", nil
	}
	for _, d := range SearchDirs() {
		p := filepath.Join(d, f.Name)
		if _, err := os.Stat(p); err != nil {
			continue
		}
		sum, err := MD5File(p)
		if err != nil {
			return "", fmt.Errorf("reading %s: %w", p, err)
		}
		if sum != f.MD5 {
			return "", fmt.Errorf("%s has md5 %s, expected %s: the file is corrupted or not the course's; delete it or run `nma data download --force`", p, sum, f.MD5)
		}
		return p, nil
	}
	return "", nil
}

// Source says which dataset a loader used.
type Source struct {
	// Path is the file read: the real file, or the stand-in's file in its cache folder.
	Path string
	// Synthetic is true for the synthetic stand-in.
	Synthetic bool
	// Generated is how long generating the stand-in took when this load generated it (the
	// first load, or one that found the cached copy unusable); 0 when the file was read.
	Generated time.Duration
	// Neurons is the number of neurons in the file.
	Neurons int
	// Fingerprint is the md5 of the file's bytes (hex): a key for caches of results
	// computed from the data. For a real file it is the course's md5, which Locate checked;
	// for the stand-in, the md5 its manifest records, which the load checked.
	Fingerprint string
	// Size is the file's size in bytes.
	Size int64
}

// String says which dataset it is, with its number of neurons and where it comes from.
func (s Source) String() string {
	if s.Synthetic {
		how := "read from the cache"
		if s.Generated > 0 {
			how = fmt.Sprintf("generated now in %.2f s", s.Generated.Seconds())
		}
		return fmt.Sprintf("synthetic stand-in for Stringer et al. (2019): %d model neurons (%s: %s, %s; see data/README.md — run `nma data download` for the real recordings)", s.Neurons, how, s.Path, human(s.Size))
	}
	return fmt.Sprintf("Stringer et al. (2019) mouse V1 recordings: %d neurons (%s, %s, md5 verified)", s.Neurons, s.Path, human(s.Size))
}

// standIn is the stand-in the loaders fall back to (a variable for the tests).
var standIn = DefaultSynth()

// openArrays reads file f: the real one when Locate finds it, otherwise the synthetic
// stand-in (generated on first use).
func openArrays(f File) (map[string]Array, Source, error) {
	p, err := Locate(f)
	if err != nil {
		return nil, Source{}, err
	}
	var arrays map[string]Array
	var src Source
	if p != "" {
		src = Source{Path: p, Fingerprint: f.MD5} // Locate checked it
		fh, err := os.Open(p)
		if err != nil {
			return nil, src, err
		}
		defer fh.Close()
		st, err := fh.Stat()
		if err != nil {
			return nil, src, err
		}
		src.Size = st.Size()
		arrays, err = ReadNPZ(fh, st.Size())
		if err != nil {
			return nil, src, fmt.Errorf("%s: %w", p, err)
		}
	} else if arrays, src, err = openStandIn(f, standIn); err != nil {
		return nil, src, err
	}
	for _, name := range f.Arrays {
		if _, ok := arrays[name]; !ok {
			return nil, src, fmt.Errorf("%s has no array %q (it has %v)", src.Path, name, keys(arrays))
		}
	}
	return arrays, src, nil
}

func keys(m map[string]Array) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
