package data

import "testing"

// Reading and checking the embedded 1° file (what every notebook cell that needs the data does).
func BenchmarkLoadData(b *testing.B) {
	b.Setenv(EnvData, "synthetic")
	for b.Loop() {
		if _, err := LoadData(1); err != nil {
			b.Fatal(err)
		}
	}
}

// Generating the synthetic population (1000 neurons × 3960 trials).
func BenchmarkSynthesize(b *testing.B) {
	for b.Loop() {
		if _, _, err := Synthesize(DefaultSynth()); err != nil {
			b.Fatal(err)
		}
	}
}
