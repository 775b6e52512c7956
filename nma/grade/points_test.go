package grade

import (
	"strings"
	"testing"

	"github.com/nma-go/nma-go/nma/exercise"
)

func TestParsePoints(t *testing.T) {
	p, err := ParsePoints(strings.NewReader(`# points for W2D4
default = 2        # every exercise
bonus = 0.5

W2D4.T1.E3 = 3
W2D4.T1.* = 1.5    # wins over the line above: the last match wins
W2D4.T1.E1 = 4
`))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		e    exercise.Exercise
		want float64
	}{
		{exercise.Exercise{ID: "W2D3.T1.E1"}, 2},
		{exercise.Exercise{ID: "W2D3.T1.E2", Bonus: true}, 0.5},
		{exercise.Exercise{ID: "W2D4.T1.E3"}, 1.5},
		{exercise.Exercise{ID: "W2D4.T1.E1"}, 4},
		{exercise.Exercise{ID: "W2D4.T1.E4", Bonus: true}, 1.5},
		{exercise.Exercise{ID: "W2D4.T2.E1"}, 2},
	}
	for _, c := range cases {
		if got := p.For(c.e); got != c.want {
			t.Errorf("points of %s (bonus %v) = %g, want %g", c.e.ID, c.e.Bonus, got, c.want)
		}
	}
	if u := p.Unused([]exercise.Exercise{{ID: "W2D4.T1.E1"}}); len(u) != 1 || u[0].Pattern != "W2D4.T1.E3" || u[0].Line != 5 {
		t.Errorf("unused rules = %+v, want W2D4.T1.E3 on line 5", u)
	}
}

func TestDefaultPoints(t *testing.T) {
	p := DefaultPoints()
	if p.For(exercise.Exercise{ID: "W2D4.T1.E1"}) != 1 || p.For(exercise.Exercise{ID: "W2D4.T1.E4", Bonus: true}) != 0 {
		t.Errorf("default points: %+v", p)
	}
}

func TestParsePointsErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"W2D4.T1.E1 2", "line 1: \"W2D4.T1.E1 2\": want NAME = POINTS"},
		{"\n\ndefault = -1", "line 3: points \"-1\": want a number ≥ 0"},
		{"W2D4.T1.E1 = two", "points \"two\""},
		{"W2D4[ = 1", "bad pattern"},
		{"W2D4 T1 = 1", "no spaces"},
		{"= 3", "want NAME = POINTS"},
		{"bonus = NaN", "want a number"},
	} {
		_, err := ParsePoints(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParsePoints(%q) = %v, want an error containing %q", c.in, err, c.want)
		}
	}
}

func TestSelection(t *testing.T) {
	sel, err := ParseSelection("W2D3.*, W2D4.T1.E2,")
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"W2D3.T1.E1": true, "W2D3.T4.E12": true, "W2D4.T1.E2": true, "W2D4.T1.E1": false, "W2D2.T1.E1": false} {
		if sel.Match(id) != want {
			t.Errorf("%v.Match(%s) = %v", sel, id, !want)
		}
	}
	if !(Selection{}).Match("anything") {
		t.Error("an empty selection must select everything")
	}
	if _, err := ParseSelection("W2D3.["); err == nil {
		t.Error("a bad glob must be an error")
	}
}
