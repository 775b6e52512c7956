package outcome

import (
	"encoding/json"
	"strings"
	"testing"
)

// every is every defined value, Unknown included, found by walking until String reports an
// undefined value (so a value added to the list without a name is caught below).
func every(t *testing.T) []Outcome {
	var out []Outcome
	for o := Outcome(0); o < 255; o++ {
		if strings.HasPrefix(o.String(), "outcome(") {
			break
		}
		out = append(out, o)
	}
	if len(out) < 2 {
		t.Fatalf("only %d outcomes defined", len(out))
	}
	return out
}

func TestEveryOutcomeIsDistinctAndNamed(t *testing.T) {
	long, short := map[string]Outcome{}, map[string]Outcome{}
	for _, o := range every(t) {
		s, c := o.String(), o.Short()
		if s == "" || c == "" || strings.ContainsAny(s+c, ",\n\t\"") {
			t.Errorf("outcome %d: String %q, Short %q: want non-empty, one CSV-safe word or phrase", uint8(o), s, c)
		}
		if prev, dup := long[s]; dup {
			t.Errorf("outcomes %d and %d are both %q", uint8(prev), uint8(o), s)
		}
		if prev, dup := short[c]; dup {
			t.Errorf("outcomes %d and %d both have the short code %q", uint8(prev), uint8(o), c)
		}
		long[s], short[c] = o, o
	}
}

func TestAllListsEveryOutcomeButUnknownOnce(t *testing.T) {
	all := All()
	if want := len(every(t)) - 1; len(all) != want {
		t.Fatalf("All() has %d outcomes, want %d (every defined one but Unknown)", len(all), want)
	}
	seen := map[Outcome]bool{}
	for _, o := range all {
		if o == Unknown || seen[o] {
			t.Errorf("All() holds %v twice or holds Unknown: %v", o, all)
		}
		seen[o] = true
	}
	if all[0] != Passed {
		t.Errorf("All()[0] = %v, want passed first (the legend starts with it)", all[0])
	}
}

func TestStringAndJSONRoundTrip(t *testing.T) {
	for _, o := range every(t) {
		p, err := Parse(o.String())
		if err != nil || p != o {
			t.Errorf("Parse(%q) = %v, %v; want %d", o.String(), p, err, uint8(o))
		}
		type row struct {
			Verdict Outcome
			Ptr     *Outcome `json:",omitempty"`
		}
		in := row{Verdict: o, Ptr: &o}
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatalf("marshal %v: %v", o, err)
		}
		if want := `"Verdict":"` + o.String() + `"`; !strings.Contains(string(b), want) {
			t.Errorf("JSON of %v is %s, want it to hold %s", o, b, want)
		}
		var out row
		if err := json.Unmarshal(b, &out); err != nil || out.Verdict != o || out.Ptr == nil || *out.Ptr != o {
			t.Errorf("round trip of %v through %s: %+v, %v", o, b, out, err)
		}
		// As a map key, too (grade counts outcomes in maps).
		mb, err := json.Marshal(map[Outcome]int{o: 1})
		var m map[Outcome]int
		if err != nil || json.Unmarshal(mb, &m) != nil || m[o] != 1 {
			t.Errorf("map key round trip of %v: %s, %v", o, mb, err)
		}
	}
}

func TestBadValuesAreErrorsNamingTheValue(t *testing.T) {
	if _, err := Parse("sort of passed"); err == nil || !strings.Contains(err.Error(), `"sort of passed"`) {
		t.Errorf("Parse of an unknown word: %v, want an error naming it", err)
	}
	var o Outcome
	if err := json.Unmarshal([]byte(`"timeout!"`), &o); err == nil || !strings.Contains(err.Error(), `"timeout!"`) {
		t.Errorf("unmarshal of an unknown word: %v", err)
	}
	if err := json.Unmarshal([]byte(`3`), &o); err == nil {
		t.Error("a number is not an outcome on the wire")
	}
	bad := Outcome(200)
	if _, err := json.Marshal(bad); err == nil || !strings.Contains(err.Error(), "200") {
		t.Errorf("marshal of an undefined outcome: %v", err)
	}
	if bad.String() != "outcome(200)" || bad.Short() != "outcome(200)" || bad.OK() {
		t.Errorf("undefined outcome: %q %q %v", bad.String(), bad.Short(), bad.OK())
	}
}

func TestOnlyPassedIsOK(t *testing.T) {
	for _, o := range every(t) {
		if o.OK() != (o == Passed) {
			t.Errorf("%v.OK() = %v", o, o.OK())
		}
	}
	var zero Outcome
	if zero != Unknown || zero.OK() {
		t.Errorf("the zero Outcome is %v (OK %v), want unknown and not OK", zero, zero.OK())
	}
}
