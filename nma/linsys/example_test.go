package linsys_test

import (
	"fmt"

	"github.com/nma-go/nma-go/nma/linsys"
	"github.com/nma-go/nma-go/nma/rng"
)

func ExampleIntegrateExponential() {
	x, t, err := linsys.IntegrateExponential(-0.5, 1, 0.001, 10)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d steps, x(%.3f) = %.6f\n", len(t), t[len(t)-1], real(x[len(x)-1]))
	// Output: 10000 steps, x(9.999) = 0.006733
}

func ExampleEig() {
	for i, A := range linsys.AOptions() {
		lam, _, _ := linsys.Eig(A)
		fmt.Printf("A%d: [%s] %s\n", i+1, linsys.FormatEigenvalues(lam, ", "), linsys.Classify(lam))
	}
	// Output:
	// A1: [0.00+1.00i, 0.00-1.00i] centre (stable oscillation)
	// A2: [4.56, 0.44] unstable node
	// A3: [-1.00, -0.25] stable node
	// A4: [2.00, -1.00] saddle
}

func ExampleIonChannelOpening() {
	_, _, switches, err := linsys.IonChannelOpening(0.02, 0.1, 5000, 0.1, rng.New(0))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d switches, the first at %.1f ms\n", len(switches), switches[:4])
	// Output: 168 switches, the first at [75.7 82.1 107.0 113.0] ms
}

func ExampleStationaryDistribution() {
	A, _ := linsys.TransitionMatrix(0.02, 0.1, 0.1)
	p, _ := linsys.StationaryDistribution(A)
	fmt.Printf("P(closed) = %.4f, P(open) = %.4f\n", p[0], p[1])
	// Output: P(closed) = 0.8333, P(open) = 0.1667
}

func ExampleARModel() {
	train, _ := linsys.Char2Array(linsys.MonkeyAtTypewriter)
	test, _ := linsys.Char2Array(linsys.TestMonkey)
	_, _, p, err := linsys.ARModel(train, 5)
	if err != nil {
		panic(err)
	}
	e, _ := linsys.ErrorRate(test, p)
	fmt.Printf("order 5: %d coefficients, test error %.3f\n", len(p), e)
	// Output: order 5: 6 coefficients, test error 0.359
}
