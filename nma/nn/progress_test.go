package nn

import (
	"io"
	"testing"
)

// progressCalls records the calls of a TrainOptions.Progress callback.
type progressCalls [][2]int

func (p *progressCalls) record(done, total int) { *p = append(*p, [2]int{done, total}) }

// check says what is wrong with the calls: they must start at 0, count every step once, in
// order, with the same total, and end at the total.
func (p progressCalls) check(t *testing.T, wantTotal int) {
	t.Helper()
	if len(p) != wantTotal+1 {
		t.Fatalf("%d calls, want %d (0, then one per step)", len(p), wantTotal+1)
	}
	for i, c := range p {
		if c != [2]int{i, wantTotal} {
			t.Fatalf("call %d is (%d, %d), want (%d, %d)", i, c[0], c[1], i, wantTotal)
		}
	}
}

// Train reports its progress in gradient steps: full batch, one per epoch; minibatches,
// one per minibatch (the last one smaller); the counts rise one by one to the total.
func TestTrainReportsProgress(t *testing.T) {
	g := ManualSeed(12)
	x, y := regressionData(g)
	n := x.Shape[0]
	var full progressCalls
	if _, err := Train(NewLinear(2, 1, g), MSELoss(), x, y, TrainOptions{Epochs: 30, LearningRate: 0.1, Log: io.Discard, Progress: full.record}); err != nil {
		t.Fatal(err)
	}
	full.check(t, 30)

	var mini progressCalls
	h, err := Train(NewLinear(2, 1, g), MSELoss(), x, y, TrainOptions{Epochs: 7, LearningRate: 0.05, BatchSize: 30, Shuffle: g, Log: io.Discard, Progress: mini.record})
	if err != nil {
		t.Fatal(err)
	}
	perEpoch := (n + 29) / 30
	mini.check(t, 7*perEpoch)
	if len(h.StepLoss) != 7*perEpoch {
		t.Errorf("%d steps taken, %d reported", len(h.StepLoss), 7*perEpoch)
	}

	// A training that fails stops reporting where it failed.
	var failed progressCalls
	if _, err := Train(NewLinear(2, 1, g), MSELoss(), x, y, TrainOptions{Epochs: 50, LearningRate: 1e6, Log: io.Discard, Progress: failed.record}); err == nil {
		t.Fatal("a learning rate of 1e6 should diverge")
	}
	if last := failed[len(failed)-1]; last[0] >= last[1] {
		t.Errorf("a diverged training reported %v at the end", last)
	}
}
