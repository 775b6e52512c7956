package nn

import (
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"

	"github.com/janpfeifer/gonb/cache"
)

// CacheDir is where Cache keeps its values: a folder under the system's temporary folder,
// one per working directory (a notebook's folder), so it survives kernel restarts.
func CacheDir() string {
	wd, _ := os.Getwd()
	h := fnv.New64a()
	h.Write([]byte(wd))
	return filepath.Join(os.TempDir(), fmt.Sprintf("nma_gonb_cache_%X", h.Sum64()))
}

// Cache returns fn(), computed once and then kept on disk with GoNB's cache package
// (github.com/janpfeifer/gonb/cache, gob-encoded), so that a trained model is trained in
// one notebook cell and loaded in milliseconds by the next — and after a kernel restart.
// Unlike cache.Cache, it writes the file under a temporary name and renames it into
// place, so that two kernels running the same notebook at once (as `nma run --both` does)
// never read a half-written value; an unreadable value is recomputed. Change the key when
// the computation changes; ResetCache forgets a key.
func Cache[T any](key string, fn func() T) T {
	s, err := cache.New(CacheDir())
	if err != nil {
		return fn()
	}
	if r, err := s.Reader(key); err == nil {
		var v T
		err := gob.NewDecoder(r).Decode(&v)
		if c, ok := r.(interface{ Close() error }); ok {
			c.Close()
		}
		if err == nil {
			return v
		}
	}
	v := fn()
	tmp := fmt.Sprintf("%s.tmp-%d", key, os.Getpid())
	if err := s.Save(tmp, v); err == nil {
		dir := CacheDir()
		if err := os.Rename(filepath.Join(dir, tmp+".bin"), filepath.Join(dir, key+".bin")); err != nil {
			os.Remove(filepath.Join(dir, tmp+".bin"))
		}
	}
	return v
}

// ResetCache forgets the value cached under key, so that the next Cache call recomputes it.
func ResetCache(key string) error {
	s, err := cache.New(CacheDir())
	if err != nil {
		return err
	}
	return s.ResetKey(key)
}
