package data

import "testing"

// Reading and checking the cached stand-in's 1° file at the real size, 360 × 23589 (what
// every notebook cell that needs the data does when the real files are absent: a cell is a
// process of its own, with no copy in memory).
func BenchmarkLoadData(b *testing.B) {
	b.Setenv(EnvData, "synthetic")
	if _, err := LoadData(1); err != nil { // generates it, the first time
		b.Fatal(err)
	}
	for b.Loop() {
		forgetStandIn()
		if _, err := LoadData(1); err != nil {
			b.Fatal(err)
		}
	}
}

// A load in a process that has read the file before (tests, checks): a copy from memory.
func BenchmarkLoadDataAgain(b *testing.B) {
	b.Setenv(EnvData, "synthetic")
	if _, err := LoadData(1); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := LoadData(1); err != nil {
			b.Fatal(err)
		}
	}
}

func forgetStandIn() {
	standInMemo.mu.Lock()
	clear(standInMemo.entries)
	standInMemo.mu.Unlock()
}

// Generating the stand-in at the real size (23589 neurons × 3960 trials).
func BenchmarkSynthesize(b *testing.B) {
	for b.Loop() {
		if _, _, err := Synthesize(DefaultSynth()); err != nil {
			b.Fatal(err)
		}
	}
}
