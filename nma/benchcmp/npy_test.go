package benchcmp

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestNPYRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		shape []int
		data  []float64
	}{
		{[]int{3}, []float64{1, -2.5, 1e-3}},
		{[]int{2, 3}, []float64{0, 1, 2, 3, 4, 5}},
		{[]int{2, 1, 1, 2}, []float64{math.Pi, -math.E, 1e30, -0}},
		{[]int{0, 4}, nil},
	} {
		path := filepath.Join(dir, "a.npy")
		if err := WriteNPY(path, c.shape, c.data); err != nil {
			t.Fatal(err)
		}
		raw, _ := os.ReadFile(path)
		if hdr := 10 + int(raw[8]) + int(raw[9])<<8; hdr%64 != 0 || raw[hdr-1] != '\n' {
			t.Errorf("shape %v: the header ends at byte %d, want a multiple of 64 ending in a newline", c.shape, hdr)
		}
		shape, data, err := ReadNPY(path)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(shape, c.shape) || len(data) != len(c.data) {
			t.Fatalf("shape %v, %d values; want %v, %d", shape, len(data), c.shape, len(c.data))
		}
		for i, v := range c.data {
			if want := float64(float32(v)); data[i] != want {
				t.Errorf("shape %v value %d: %g, want float32(%g) = %g", c.shape, i, data[i], v, want)
			}
		}
	}
}

func TestNPYErrors(t *testing.T) {
	dir := t.TempDir()
	if err := WriteNPY(filepath.Join(dir, "x.npy"), []int{2, 2}, []float64{1, 2, 3}); err == nil || !strings.Contains(err.Error(), "shape=[2 2]") {
		t.Errorf("wrong length: error %v", err)
	}
	bad := filepath.Join(dir, "bad.npy")
	os.WriteFile(bad, []byte("PK\x03\x04 not npy at all"), 0o644)
	if _, _, err := ReadNPY(bad); err == nil || !strings.Contains(err.Error(), "magic") {
		t.Errorf("not npy: error %v", err)
	}
	good := filepath.Join(dir, "good.npy")
	WriteNPY(good, []int{4}, []float64{1, 2, 3, 4})
	raw, _ := os.ReadFile(good)
	os.WriteFile(bad, raw[:len(raw)-4], 0o644)
	if _, _, err := ReadNPY(bad); err == nil || !strings.Contains(err.Error(), "needs 16 bytes") {
		t.Errorf("truncated: error %v", err)
	}
	os.WriteFile(bad, []byte(strings.Replace(string(raw), "<f4", "<f8", 1)), 0o644)
	if _, _, err := ReadNPY(bad); err == nil || !strings.Contains(err.Error(), "<f4") {
		t.Errorf("float64 file: error %v", err)
	}
}
