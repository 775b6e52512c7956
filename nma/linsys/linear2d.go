package linsys

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/gonum/mat"
)

// Linear returns the right-hand side of the linear system ẋ = A·x for a square matrix A.
func Linear(A mat.Matrix) ODEFunc {
	r, c := A.Dims()
	a := mat.DenseCopyOf(A)
	return func(_ float64, x []float64) []float64 {
		if len(x) != c {
			panic(fmt.Sprintf("linsys.Linear: state has %d values, A is %d×%d", len(x), r, c))
		}
		out := make([]float64, r)
		for i := range r {
			for j := range c {
				out[i] += a.At(i, j) * x[j]
			}
		}
		return out
	}
}

// Eig returns the eigenvalues of the square matrix A and its right eigenvectors as the
// columns of a complex matrix (np.linalg.eig): each column has unit Euclidean norm, and
// the order and signs are LAPACK's geev (gonum's port of it), as in NumPy.
func Eig(A mat.Matrix) ([]complex128, *mat.CDense, error) {
	r, c := A.Dims()
	if r != c || r == 0 {
		return nil, nil, fmt.Errorf("linsys.Eig: A is %d×%d, must be square and non-empty", r, c)
	}
	var e mat.Eigen
	if !e.Factorize(A, mat.EigenRight) {
		return nil, nil, errors.New("linsys.Eig: the eigen-decomposition did not converge")
	}
	var v mat.CDense
	e.VectorsTo(&v)
	return e.Values(nil), &v, nil
}

// Column returns column j of a complex matrix.
func Column(v *mat.CDense, j int) []complex128 {
	r, _ := v.Dims()
	out := make([]complex128, r)
	for i := range out {
		out[i] = v.At(i, j)
	}
	return out
}

// FormatEigenvalues formats eigenvalues with two decimals for the stream-plot titles: real
// numbers when every imaginary part is zero, otherwise a+bi such as "0.00+1.00i". A part that
// rounds to zero is written without a sign (the course's Python prints "-0.00+1.00j" for a
// real part of −1e−17); sep separates the values.
func FormatEigenvalues(lam []complex128, sep string) string {
	allReal := true
	for _, l := range lam {
		if imag(l) != 0 {
			allReal = false
		}
	}
	parts := make([]string, len(lam))
	for i, l := range lam {
		re := fmt.Sprintf("%.2f", real(l))
		if re == "-0.00" {
			re = "0.00"
		}
		if allReal {
			parts[i] = re
			continue
		}
		sign := "+"
		if math.Signbit(imag(l)) && fmt.Sprintf("%.2f", math.Abs(imag(l))) != "0.00" {
			sign = "-"
		}
		parts[i] = fmt.Sprintf("%s%s%.2fi", re, sign, math.Abs(imag(l)))
	}
	return strings.Join(parts, sep)
}

// Classify names the fixed point at the origin of ẋ = A·x for a 2×2 matrix A from its
// eigenvalues: "centre", "stable/unstable focus", "stable/unstable node" or "saddle" (or
// "degenerate" when an eigenvalue is zero).
func Classify(lam []complex128) string {
	const tol = 1e-12
	if len(lam) != 2 {
		return fmt.Sprintf("%d eigenvalues", len(lam))
	}
	re0, re1 := real(lam[0]), real(lam[1])
	switch {
	case math.Abs(imag(lam[0])) > tol:
		switch {
		case math.Abs(re0) <= tol:
			return "centre (stable oscillation)"
		case re0 < 0:
			return "stable focus (damped oscillation)"
		default:
			return "unstable focus (growing oscillation)"
		}
	case math.Abs(re0) <= tol || math.Abs(re1) <= tol:
		return "degenerate (a zero eigenvalue)"
	case re0 < 0 && re1 < 0:
		return "stable node"
	case re0 > 0 && re1 > 0:
		return "unstable node"
	default:
		return "saddle"
	}
}

// AOptions returns the course's four example matrices (Interactive Demo 3A and Think! 4),
// fresh copies each call:
//
//	A1 = [[2, −5], [1, −2]]   A2 = [[3, 4], [1, 2]]   A3 = [[−1, −1], [0, −0.25]]   A4 = [[3, −2], [2, −2]]
func AOptions() []*mat.Dense {
	return []*mat.Dense{
		mat.NewDense(2, 2, []float64{2, -5, 1, -2}),
		mat.NewDense(2, 2, []float64{3, 4, 1, 2}),
		mat.NewDense(2, 2, []float64{-1, -1, 0, -0.25}),
		mat.NewDense(2, 2, []float64{3, -2, 2, -2}),
	}
}

// MatrixString formats a matrix as a nested Python list, e.g. "[[2, -5], [1, -2]]".
func MatrixString(A mat.Matrix) string {
	r, c := A.Dims()
	rows := make([]string, r)
	for i := range r {
		cols := make([]string, c)
		for j := range c {
			cols[j] = strconv.FormatFloat(A.At(i, j), 'g', -1, 64)
		}
		rows[i] = "[" + strings.Join(cols, ", ") + "]"
	}
	return "[" + strings.Join(rows, ", ") + "]"
}

// EigenTable lists each matrix with its eigenvalues and the kind of fixed point at the
// origin (columns "A", "eigenvalues", "fixed point"), for nma/table.Show.
func EigenTable(As []*mat.Dense) (dataframe.DataFrame, error) {
	var names, eigs, kinds []string
	for _, A := range As {
		lam, _, err := Eig(A)
		if err != nil {
			return dataframe.DataFrame{}, err
		}
		names = append(names, MatrixString(A))
		eigs = append(eigs, "["+FormatEigenvalues(lam, ", ")+"]")
		kinds = append(kinds, Classify(lam))
	}
	return dataframe.New(
		series.New(names, series.String, "A"),
		series.New(eigs, series.String, "eigenvalues"),
		series.New(kinds, series.String, "fixed point"),
	), nil
}
