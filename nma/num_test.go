package nma

import "testing"

func TestArangeMatchesNumPyLength(t *testing.T) {
	for _, c := range []struct {
		start, stop, step float64
		n                 int
	}{
		{0, 20, 0.1, 200}, {0, 10, 0.1, 100}, {0, 1000, 0.1, 10000}, {0, 1, 0.3, 4}, {1, 0, 0.1, 0}, {0, 1, 0, 0},
	} {
		if got := len(Arange(c.start, c.stop, c.step)); got != c.n {
			t.Errorf("len(Arange(%g, %g, %g)) = %d, want %d (np.arange)", c.start, c.stop, c.step, got, c.n)
		}
	}
	if a, k, step := Arange(0, 20, 0.1), 199.0, 0.1; a[199] != k*step {
		t.Errorf("last value %v", a[199])
	}
}

func TestLinspace(t *testing.T) {
	l := Linspace(0, 1, 1000)
	if len(l) != 1000 || l[0] != 0 || l[999] != 1 || l[1] != 1.0/999 {
		t.Errorf("Linspace(0, 1, 1000) = %v … %v", l[0], l[len(l)-1])
	}
	if Linspace(0, 1, 0) != nil || len(Linspace(3, 4, 1)) != 1 {
		t.Error("edge cases")
	}
}
