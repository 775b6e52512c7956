package nma_test

import (
	"errors"
	"fmt"
	"strconv"
	"testing"

	"github.com/nma-go/nma-go/nma"
)

// panicValue runs f and returns what it panicked with (nil when it returned).
func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

func TestMustPassesValuesThrough(t *testing.T) {
	if got := nma.Must(strconv.Atoi("42")); got != 42 {
		t.Errorf("Must = %d, want 42", got)
	}
	a, b := nma.Must2(1, "x", nil)
	if a != 1 || b != "x" {
		t.Errorf("Must2 = %v, %v", a, b)
	}
	a3, b3, c3 := nma.Must3(1.5, []int{2}, true, nil)
	if a3 != 1.5 || b3[0] != 2 || !c3 {
		t.Errorf("Must3 = %v, %v, %v", a3, b3, c3)
	}
	if v := panicValue(func() { nma.Must0(nil) }); v != nil {
		t.Errorf("Must0(nil) panicked with %v", v)
	}
}

// Each form panics with the error itself, so a recovered value still matches errors.Is and
// its message is the library's, unchanged.
func TestMustPanicsWithTheError(t *testing.T) {
	bad := fmt.Errorf("linsys.Decay: lambda=2 must be in (0, 1): %w", errors.ErrUnsupported)
	for name, f := range map[string]func(){
		"Must":  func() { nma.Must(0, bad) },
		"Must0": func() { nma.Must0(bad) },
		"Must2": func() { nma.Must2(0, 0, bad) },
		"Must3": func() { nma.Must3(0, 0, 0, bad) },
	} {
		v := panicValue(f)
		err, ok := v.(error)
		if !ok || err != bad || !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("%s panicked with %#v, want the error itself", name, v)
		}
	}
}

// A notebook cell: the call's values, or the cell stops with the library's message.
func ExampleMust() {
	n := nma.Must(strconv.Atoi("42"))
	fmt.Println(n + 1)

	defer func() { fmt.Println("the cell stops:", recover()) }()
	nma.Must(strconv.Atoi("forty-two"))
	// Output:
	// 43
	// the cell stops: strconv.Atoi: parsing "forty-two": invalid syntax
}
