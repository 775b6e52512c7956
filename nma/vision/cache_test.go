package vision

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/nn"
)

// useTempCache points Cache at a fresh folder for the test (the user cache folder is
// $XDG_CACHE_HOME on Linux, $HOME/Library/Caches on macOS).
func useTempCache(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	t.Setenv("HOME", dir)
	t.Setenv("LocalAppData", dir)
	t.Chdir(t.TempDir())
	return dir
}

func TestCacheComputesOnceAndSurvivesCorruption(t *testing.T) {
	useTempCache(t)
	key := "vision-test-cache"
	calls := 0
	fn := func() nn.StateDict { calls++; return nn.GetStateDict(nn.NewLinear(2, 1, nn.ManualSeed(1))) }
	a := Cache(key, fn)
	b := Cache(key, fn)
	if calls != 1 || len(a.Values) != 2 || a.Values[0][0] != b.Values[0][0] {
		t.Fatalf("calls=%d, a=%v, b=%v", calls, a, b)
	}
	// A corrupted file is recomputed, not fatal.
	if err := os.WriteFile(filepath.Join(CacheDir(), key+".gob"), []byte("junk"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := Cache(key, fn)
	if calls != 2 || c.Values[0][0] != a.Values[0][0] {
		t.Errorf("after corruption: calls=%d", calls)
	}
	ents, _ := os.ReadDir(CacheDir())
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
	// ResetCache forgets the value; forgetting it again is no error.
	if err := ResetCache(key); err != nil {
		t.Fatal(err)
	}
	if err := ResetCache(key); err != nil {
		t.Errorf("second ResetCache: %v", err)
	}
	Cache(key, fn)
	if calls != 3 {
		t.Errorf("after ResetCache: calls=%d, want 3", calls)
	}
}

// A computation that fails is not cached: the next call tries again.
func TestCacheKeepsNoErrors(t *testing.T) {
	dir := useTempCache(t)
	calls := 0
	fn := func() (int, error) {
		calls++
		if calls == 1 {
			return 0, errors.New("boom")
		}
		return 7, nil
	}
	if _, err := cached("vision-test-error", fn); err == nil || err.Error() != "boom" {
		t.Fatalf("first call: err %v, want boom", err)
	}
	for range 2 {
		if v, err := cached("vision-test-error", fn); err != nil || v != 7 {
			t.Fatalf("v=%d err=%v, want 7", v, err)
		}
	}
	if calls != 2 {
		t.Errorf("%d computations, want 2 (the error, then one cached value)", calls)
	}
	if !strings.HasPrefix(CacheDir(), dir) {
		t.Errorf("CacheDir %s is not under the user cache folder in %s", CacheDir(), dir)
	}
}
