package fig

import (
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

func TestHasMath(t *testing.T) {
	for s, want := range map[string]bool{
		"r_E":              false, // no dollars: plain text, underscore and all
		"$r_E$":            true,
		`$\tau_m$ (ms)`:    true,
		"cost: $5":         false, // one dollar is not math
		`$\notacommand$`:   false, // Math cannot set it: plain text
		"$r_E$ and $r_I$":  true,
		"two\nlines $x^2$": true,
	} {
		if got := HasMath(s); got != want {
			t.Errorf("HasMath(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPlainTextIsUnchanged: text without math is drawn by Math exactly as text.Plain draws
// it (same box), so switching every label to Math changes no figure without math.
func TestPlainTextIsUnchanged(t *testing.T) {
	fnt := font.From(Font, FontSize)
	plain := text.Plain{Fonts: font.DefaultCache}
	for _, s := range []string{"rate (Hz)", "r_E", "cost: $5", `$\notacommand$ stays`} {
		w0, h0, d0 := plain.Box(s, fnt)
		w1, h1, d1 := mathHandler.Box(s, fnt)
		if w0 != w1 || h0 != h1 || d0 != d1 {
			t.Errorf("%q: Math box (%v, %v, %v), Plain box (%v, %v, %v)", s, w1, h1, d1, w0, h0, d0)
		}
	}
	// and math is set differently: a subscript is narrower than the plain text
	if wm, _, _ := mathHandler.Box("$r_E$", fnt); wm >= func() vg.Length { w, _, _ := plain.Box("r_E", fnt); return w }() {
		t.Errorf("$r_E$ is not set as math (width %v)", wm)
	}
}
