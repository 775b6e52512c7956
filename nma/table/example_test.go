package table_test

import (
	"fmt"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/nma-go/nma-go/nma/table"
)

// sweep is a small result table, as a tutorial makes one: model order against test error.
func sweep() dataframe.DataFrame {
	return dataframe.New(
		series.New([]int{1, 2, 3}, series.Int, "order"),
		series.New([]float64{0.123456, 0.0451, 1e-7}, series.Float, "test error"),
		series.New([]string{"AR(1)", "AR(2)", "AR(3)"}, series.String, "model"),
	)
}

// In a notebook, Show draws the dataframe as an HTML table; outside one (here) it prints
// gota's text table.
func ExampleShow() {
	table.Show(sweep())
	// Output:
	// [3x3] DataFrame
	//
	//     order test error model
	//  0: 1     0.123456   AR(1)
	//  1: 2     0.045100   AR(2)
	//  2: 3     0.000000   AR(3)
	//     <int> <float>    <string>
}

// HTML is the table Show displays: a header with the column names and types, numbers
// rounded to 4 significant digits.
func ExampleHTML() {
	h, err := table.HTML(sweep())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, cell := range []string{">test error<", ">0.1235<", ">0.0451<", ">1e-07<", ">AR(3)<", "3 rows × 3 columns"} {
		fmt.Printf("%-20s %v\n", cell, strings.Contains(h, cell))
	}
	// Output:
	// >test error<         true
	// >0.1235<             true
	// >0.0451<             true
	// >1e-07<              true
	// >AR(3)<              true
	// 3 rows × 3 columns   true
}

// Long tables keep their first and last MaxRows/2 rows and say how many are left out.
func ExampleHTML_long() {
	n := make([]int, 100)
	for i := range n {
		n[i] = i
	}
	h, _ := table.HTML(dataframe.New(series.New(n, series.Int, "trial")))
	fmt.Println(strings.Contains(h, ">14<"), strings.Contains(h, ">15<"), strings.Contains(h, ">85<"))
	fmt.Println(strings.Contains(h, "… 70 more rows …"))
	// Output:
	// true false true
	// true
}
