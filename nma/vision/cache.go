package vision

import (
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
)

// CacheDir is where Cache keeps its values: a folder under the user's cache folder
// (os.UserCacheDir, e.g. ~/.cache/nma-go), one per working directory (a notebook's folder),
// so that a value survives kernel restarts and two checkouts never share one. Without a user
// cache folder it is under the system's temporary folder.
func CacheDir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	wd, _ := os.Getwd()
	h := fnv.New64a()
	h.Write([]byte(wd))
	return filepath.Join(base, "nma-go", fmt.Sprintf("trained-%X", h.Sum64()))
}

// cachePath is the file of a key.
func cachePath(key string) string { return filepath.Join(CacheDir(), key+".gob") }

// Cache returns fn(), computed once and then kept on disk (gob-encoded, in CacheDir), so that
// a network is trained in one notebook cell and loaded in milliseconds by the next — and
// after a kernel restart. The file is written under a temporary name and renamed into place,
// so that two kernels running the same notebook at once (as `nma run --both` does) never
// read a half-written value; an unreadable value is recomputed, and a cache that cannot be
// written only costs the recomputation next time. Change the key when the computation
// changes; ResetCache forgets a key.
func Cache[T any](key string, fn func() T) T {
	v, _ := cached(key, func() (T, error) { return fn(), nil })
	return v
}

// cached is Cache for a computation that can fail: an error is returned and not cached.
func cached[T any](key string, fn func() (T, error)) (T, error) {
	path := cachePath(key)
	if f, err := os.Open(path); err == nil {
		var v T
		err := gob.NewDecoder(f).Decode(&v)
		f.Close()
		if err == nil {
			return v, nil
		}
	}
	v, err := fn()
	if err != nil {
		return v, err
	}
	if err := writeGob(path, v); err != nil {
		os.Remove(path) // a stale or corrupted file must not survive
	}
	return v, nil
}

// writeGob gob-encodes v into a temporary file next to path and renames it into place.
func writeGob(path string, v any) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := gob.NewEncoder(tmp).Encode(v); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ResetCache forgets the value cached under key, so that the next Cache call recomputes it.
// Forgetting a key that holds no value is not an error.
func ResetCache(key string) error {
	if err := os.Remove(cachePath(key)); err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}
