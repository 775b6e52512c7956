package vision

import (
	"testing"
)

// A trained network reports its training's progress to every callback given — steps done
// of the total, one by one up to the total — and nothing when it comes from the cache.
func TestTrainedReportsProgressUnlessCached(t *testing.T) {
	useTempCache(t)
	ds := tinyStringer(6)
	var a, b [][2]int
	rec := func(calls *[][2]int) func(done, total int) {
		return func(done, total int) { *calls = append(*calls, [2]int{done, total}) }
	}
	if _, err := TrainedClassifier(ds, false, rec(&a), nil, rec(&b)); err != nil {
		t.Fatal(err)
	}
	if len(a) != 1001 || len(b) != len(a) {
		t.Fatalf("%d and %d calls, want 1001 (0, then each of the 1000 iterations)", len(a), len(b))
	}
	for i, c := range a {
		if c != [2]int{i, 1000} || b[i] != c {
			t.Fatalf("call %d: %v and %v, want (%d, 1000)", i, c, b[i], i)
		}
	}
	var cached [][2]int
	if _, err := TrainedClassifier(ds, false, rec(&cached)); err != nil {
		t.Fatal(err)
	}
	if len(cached) != 0 {
		t.Errorf("a network loaded from the cache reported progress %v", cached)
	}
}
