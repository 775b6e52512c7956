package data

import (
	"archive/zip"
	"bytes"
	"crypto/md5"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// The synthetic stand-in is not shipped: the loaders generate it (Synthesize with
// DefaultSynth) the first time they need it, about 45 MB at the real files' shapes, and keep
// it in a folder of the user cache (SynthDir) that later loads — other cells, kernels,
// notebooks — read. The folder's name holds the generator's version and a hash of its
// parameters, so a changed generator writes a new folder; a manifest there records the md5
// of each file, and a file that does not match it (or cannot be read) is generated again.

// SynthDir is the folder where the stand-in made with p is cached: SynthSubdir(p) in the
// user cache folder, e.g. ~/.cache/nma-go/synthetic/v2-23589n-1a2b3c4d (in the system's
// temporary folder when there is no user cache folder). It is never one of SearchDirs: the
// stand-in's files have the real files' names but not their md5.
func SynthDir(p SynthParams) string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, SynthSubdir(p))
}

// SynthSubdir is SynthDir relative to the user cache folder:
// nma-go/synthetic/v<SynthVersion>-<neurons>n-<hash of p>. (The grader, nma/grade, puts a
// stand-in it made there in the home folder of the programs it runs.)
func SynthSubdir(p SynthParams) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%+v", p)
	return filepath.Join("nma-go", "synthetic", fmt.Sprintf("v%d-%dn-%08x", SynthVersion, p.Neurons, h.Sum32()))
}

// synthManifest is manifest.json in a folder of the stand-in.
type synthManifest struct {
	Generator string            // "nma/data.Synthesize v<SynthVersion>"
	Params    SynthParams       // its parameters
	MD5       map[string]string // file name → md5 (hex) of the file written
	Seconds   float64           // how long Synthesize took
}

const manifestName = "manifest.json"

func generatorName() string { return fmt.Sprintf("nma/data.Synthesize v%d", SynthVersion) }

// WriteSynthetic generates the synthetic dataset with p and writes the two files into dir
// under the real files' names, as uncompressed .npz archives of float32 arrays (np.savez),
// with manifest.json (the generator, p, the files' md5). Every file is written under a
// temporary name and renamed into place, so a reader never sees a half-written file, and
// two processes writing the same folder at once both leave complete files. It returns the
// paths of the two files and how long the generation took.
func WriteSynthetic(dir string, p SynthParams) ([]string, time.Duration, error) {
	t0 := time.Now()
	ori1, split, err := Synthesize(p)
	if err != nil {
		return nil, 0, err
	}
	took := time.Since(t0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, took, err
	}
	m := synthManifest{Generator: generatorName(), Params: p, MD5: map[string]string{}, Seconds: took.Seconds()}
	var paths []string
	for _, f := range []struct {
		file   File
		arrays map[string]Array
	}{{Ori1, ori1}, {Ori6Split, split}} {
		var buf bytes.Buffer
		if err := WriteNPZ(&buf, f.arrays); err != nil {
			return nil, took, err
		}
		sum := md5.Sum(buf.Bytes())
		m.MD5[f.file.Name] = hex.EncodeToString(sum[:])
		path := filepath.Join(dir, f.file.Name)
		if err := writeAtomic(path, buf.Bytes()); err != nil {
			return nil, took, err
		}
		paths = append(paths, path)
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, took, err
	}
	if err := writeAtomic(filepath.Join(dir, manifestName), append(b, '\n')); err != nil {
		return nil, took, err
	}
	return paths, took, nil
}

// openStandIn reads file f of the stand-in made with p from its cache folder, generating
// the stand-in first when the folder does not hold a readable copy that matches its
// manifest.
func openStandIn(f File, p SynthParams) (map[string]Array, Source, error) {
	dir := SynthDir(p)
	path := filepath.Join(dir, f.Name)
	if arrays, src, ok := standInMemo.get(path, dir); ok {
		return arrays, src, nil
	}
	arrays, src, problem := readStandIn(f, dir, p)
	if problem != nil {
		_, took, err := WriteSynthetic(dir, p)
		if err != nil {
			return nil, Source{}, fmt.Errorf("generating the synthetic stand-in for %s into %s: %w", f.Name, dir, err)
		}
		arrays, src, problem = readStandIn(f, dir, p)
		if problem != nil {
			return nil, Source{}, fmt.Errorf("the synthetic stand-in just generated into %s cannot be read: %w", dir, problem)
		}
		src.Generated = took
	}
	standInMemo.put(path, dir, arrays, src)
	return arrays, src, nil
}

// standInMemo keeps the stand-in's arrays read by this process: tests and checks load the
// data dozens of times, and a copy in memory (about 25 ms for the 1° file) is cheaper than
// reading and checking the file again (about 0.12 s). A file is kept from its second load on
// (a notebook cell, a process of its own, loads it once and pays nothing for the memo). An
// entry holds while the file and the manifest keep their size and modification time (a
// regenerated copy is read again); a load gets its own copy of the arrays.
var standInMemo = memo{entries: map[string]memoEntry{}}

type memo struct {
	mu      sync.Mutex
	entries map[string]memoEntry
}

type memoEntry struct {
	stamp  string
	arrays map[string]Array
	src    Source
}

// stamp identifies the state of the file path and of the manifest in dir: their sizes and
// modification times ("" when either is missing).
func stamp(path, dir string) string {
	var b strings.Builder
	for _, p := range []string{path, filepath.Join(dir, manifestName)} {
		st, err := os.Stat(p)
		if err != nil {
			return ""
		}
		fmt.Fprintf(&b, "%d@%d;", st.Size(), st.ModTime().UnixNano())
	}
	return b.String()
}

func (m *memo) get(path, dir string) (map[string]Array, Source, bool) {
	st := stamp(path, dir)
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[path]
	if !ok || st == "" || e.stamp != st || e.arrays == nil {
		return nil, Source{}, false
	}
	return cloneArrays(e.arrays), e.src, true
}

func (m *memo) put(path, dir string, arrays map[string]Array, src Source) {
	st := stamp(path, dir)
	if st == "" {
		return
	}
	src.Generated = 0 // a later load reads it
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.entries[path]; !ok || e.stamp != st {
		m.entries[path] = memoEntry{stamp: st} // the first load: remember the file only
		return
	}
	m.entries[path] = memoEntry{stamp: st, arrays: cloneArrays(arrays), src: src}
}

func cloneArrays(a map[string]Array) map[string]Array {
	out := make(map[string]Array, len(a))
	for k, v := range a {
		out[k] = Array{Shape: slices.Clone(v.Shape), Data: slices.Clone(v.Data)}
	}
	return out
}

// readStandIn reads file f of the stand-in cached in dir; the error says why the copy there
// cannot be used.
func readStandIn(f File, dir string, p SynthParams) (map[string]Array, Source, error) {
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return nil, Source{}, err
	}
	var m synthManifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, Source{}, fmt.Errorf("%s: %w", manifestName, err)
	}
	if m.Generator != generatorName() || m.Params != p || m.MD5[f.Name] == "" {
		return nil, Source{}, fmt.Errorf("%s is for %s %+v, not %s %+v", manifestName, m.Generator, m.Params, generatorName(), p)
	}
	path := filepath.Join(dir, f.Name)
	b, err = os.ReadFile(path)
	if err != nil {
		return nil, Source{}, err
	}
	sum := md5.Sum(b)
	src := Source{Path: path, Synthetic: true, Size: int64(len(b)), Fingerprint: hex.EncodeToString(sum[:])}
	if src.Fingerprint != m.MD5[f.Name] {
		return nil, Source{}, fmt.Errorf("%s has md5 %s, its manifest says %s", path, src.Fingerprint, m.MD5[f.Name])
	}
	arrays, err := ReadNPZBytes(b)
	if err != nil {
		return nil, Source{}, fmt.Errorf("%s: %w", path, err)
	}
	return arrays, src, nil
}

// writeAtomic writes data to a temporary file next to path and renames it into place.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	_ = os.Chmod(tmp.Name(), 0o644) // readable by others where allowed (CreateTemp makes 0600)
	return os.Rename(tmp.Name(), path)
}

// WriteNPZ writes float32 arrays to an .npz archive as NumPy's np.savez would (entries
// "name.npy", stored uncompressed, C order, little-endian '<f4'). Each array is given with
// its shape (1-D or 2-D). Uncompressed because the stand-in's numbers are noise, which
// deflate shrinks by a few per cent at the cost of a second per write and a fraction of
// one per read.
func WriteNPZ(w io.Writer, arrays map[string]Array) error {
	zw := zip.NewWriter(w)
	keys := make([]string, 0, len(arrays))
	for k := range arrays {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		a := arrays[k]
		if numel(a.Shape) != len(a.Data) {
			return fmt.Errorf("WriteNPZ: array %q has shape %v but %d values", k, a.Shape, len(a.Data))
		}
		var shape string
		switch len(a.Shape) {
		case 1:
			shape = fmt.Sprintf("(%d,)", a.Shape[0])
		case 2:
			shape = fmt.Sprintf("(%d, %d)", a.Shape[0], a.Shape[1])
		default:
			return fmt.Errorf("WriteNPZ: array %q has %d dimensions, want 1 or 2", k, len(a.Shape))
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: k + ".npy", Method: zip.Store})
		if err != nil {
			return err
		}
		// The .npy format 1.0: magic, version, header length, then the header padded with
		// spaces to a multiple of 64 bytes with the preamble, ending in a newline.
		hdr := fmt.Sprintf("{'descr': '<f4', 'fortran_order': False, 'shape': %s, }", shape)
		hdr += strings.Repeat(" ", 63-(10+len(hdr))%64) + "\n"
		pre := append([]byte("\x93NUMPY\x01\x00"), byte(len(hdr)), byte(len(hdr)>>8))
		body := make([]byte, 4*len(a.Data))
		for i, v := range a.Data {
			binary.LittleEndian.PutUint32(body[4*i:], math.Float32bits(float32(v)))
		}
		for _, part := range [][]byte{pre, []byte(hdr), body} {
			if _, err := fw.Write(part); err != nil {
				return err
			}
		}
	}
	return zw.Close()
}
