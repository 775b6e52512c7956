package w2d4

import "github.com/nma-go/nma-go/nma/exercise"

// tutorial3 lists the exercises of Tutorial 3 (Extending the Wilson–Cowan model, a bonus tutorial).
var tutorial3 = []exercise.Exercise{
	exercise.Define(exercise.Exercise{ID: "W2D4.T3.E1", Title: "Coding Exercise 1.1: fixed points of the Wilson-Cowan model", Notebook: "W2D4_Tutorial3", Funcs: []string{"FindFixedPointsWC"}, Bonus: true},
		probeFindFixedPointsWC, FindFixedPointsWC),
	exercise.Define(exercise.Exercise{ID: "W2D4.T3.E2", Title: "Coding Exercise 1.2: eigenvalues of the Jacobian", Notebook: "W2D4_Tutorial3", Funcs: []string{"GetEigJacobian"}, Bonus: true},
		probeGetEigJacobian, GetEigJacobian),
	exercise.Define(exercise.Exercise{ID: "W2D4.T3.E3", Title: "Coding Exercise 2.1: dG_E/dr_E and the ISN regime", Notebook: "W2D4_Tutorial3", Funcs: []string{"GetDGdE"}, Bonus: true},
		probeGetDGdE, GetDGdE),
}
