// Package table shows gota dataframes as readable HTML tables in a notebook (gota only
// prints plain text), e.g. a sweep of model order against test error.
package table

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"github.com/nma-go/nma-go/nma/internal/nbout"
)

// MaxRows is how many rows HTML shows before eliding the middle (like pandas).
var MaxRows = 30

// HTML renders df as an HTML table: a header with column names and types, numbers right
// aligned and rounded to 4 significant digits, long tables elided in the middle.
func HTML(df dataframe.DataFrame) (string, error) {
	if df.Err != nil {
		return "", fmt.Errorf("table: the dataframe holds an error: %w", df.Err)
	}
	var b strings.Builder
	b.WriteString(`<table class="nma-table" style="border-collapse:collapse;font-family:sans-serif;font-size:13px">`)
	b.WriteString(`<thead><tr><th style="padding:2px 8px;border-bottom:1px solid #999"></th>`)
	names := df.Names()
	types := df.Types()
	for i, n := range names {
		fmt.Fprintf(&b, `<th style="padding:2px 8px;border-bottom:1px solid #999;text-align:right">%s<br><small style="color:#888;font-weight:normal">%s</small></th>`,
			html.EscapeString(n), types[i])
	}
	b.WriteString("</tr></thead><tbody>")
	rows := df.Nrow()
	show := func(r int) {
		fmt.Fprintf(&b, `<tr><th style="padding:2px 8px;color:#888;text-align:right">%d</th>`, r)
		for c := range names {
			e := df.Elem(r, c)
			fmt.Fprintf(&b, `<td style="padding:2px 8px;text-align:right">%s</td>`, html.EscapeString(format(e, types[c])))
		}
		b.WriteString("</tr>")
	}
	if rows <= MaxRows {
		for r := 0; r < rows; r++ {
			show(r)
		}
	} else {
		half := MaxRows / 2
		for r := 0; r < half; r++ {
			show(r)
		}
		fmt.Fprintf(&b, `<tr><td colspan="%d" style="text-align:center;color:#888">… %d more rows …</td></tr>`, len(names)+1, rows-2*half)
		for r := rows - half; r < rows; r++ {
			show(r)
		}
	}
	fmt.Fprintf(&b, `</tbody></table><small style="color:#888">%d rows × %d columns</small>`, rows, len(names))
	return b.String(), nil
}

func format(e series.Element, t series.Type) string {
	if e.IsNA() {
		return "NaN"
	}
	if t == series.Float {
		v := e.Float()
		if math.IsInf(v, 0) {
			return e.String()
		}
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	return e.String()
}

// Show displays df inline as an HTML table; outside a notebook it prints gota's text table.
func Show(df dataframe.DataFrame) {
	h, err := HTML(df)
	if err != nil {
		fmt.Println(err)
		return
	}
	if !nbout.IsNotebook {
		fmt.Println(df)
		return
	}
	nbout.HTML(h)
	nbout.Sync()
}
