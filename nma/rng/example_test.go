package rng_test

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/rng"
)

// The Go equivalent of
//
//	np.random.seed(2020)
//	np.random.randn(3)
//	np.random.seed(2020)
//	np.random.rand(3)
func Example() {
	r := rng.New(2020)
	x, err := r.Randn(3)
	if err != nil {
		panic(err)
	}
	fmt.Println(x)

	if err := r.Seed(2020); err != nil {
		panic(err)
	}
	u, err := r.Rand(3)
	if err != nil {
		panic(err)
	}
	fmt.Println(u)
	// Output:
	// [-1.7688457055759508 0.07555227120810952 -1.1306297028053423]
	// [0.9862768288615988 0.8733919458206546 0.5097455249715815]
}

// The Go equivalent of
//
//	np.random.seed(0)
//	np.random.permutation(10)  # array([2, 8, 4, 9, 1, 6, 7, 3, 0, 5])
//	np.random.choice(["a", "b", "c"], 5)
func ExampleRandomState_Permutation() {
	r := rng.New(0)
	p, _ := r.Permutation(10)
	fmt.Println(p)
	c, _ := rng.Choice(r, []string{"a", "b", "c"}, 5)
	fmt.Println(c)
	// Output:
	// [2 8 4 9 1 6 7 3 0 5]
	// [a c a a a]
}
