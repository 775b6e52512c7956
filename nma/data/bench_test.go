package data

import "testing"

// Reading and checking the cached stand-in's 1° file at the real size, 360 × 23589 (what
// every notebook cell that needs the data does when the real files are absent).
func BenchmarkLoadData(b *testing.B) {
	b.Setenv(EnvData, "synthetic")
	if _, err := LoadData(1); err != nil { // generates it, the first time
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := LoadData(1); err != nil {
			b.Fatal(err)
		}
	}
}

// Generating the stand-in at the real size (23589 neurons × 3960 trials).
func BenchmarkSynthesize(b *testing.B) {
	for b.Loop() {
		if _, _, err := Synthesize(DefaultSynth()); err != nil {
			b.Fatal(err)
		}
	}
}
