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

func TestPlotsRender(t *testing.T) {
	t.Setenv(EnvData, "synthetic")
	ds := MustLoadData(1)
	for name, f := range map[string]interface{ PNG() ([]byte, error) }{
		"overview": PlotDataOverview(ds, 100, []int{1, 2, 3}),
		"tuning":   PlotNeuronTuning(ds, 235),
	} {
		if b, err := f.PNG(); err != nil || len(b) < 1000 {
			t.Errorf("%s: %v", name, err)
		}
	}
	if p := Percentile([]float64{1, 2, 3, 4}, 50); p != 2.5 {
		t.Errorf("median of 1..4 = %g, want 2.5", p)
	}
}
