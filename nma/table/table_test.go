package table

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

func TestHTML(t *testing.T) {
	df := dataframe.New(
		series.New([]int{1, 2, 3}, series.Int, "order"),
		series.New([]float64{0.123456, 0.25, 1e-7}, series.Float, "error"),
		series.New([]string{"a<b", "c", "d"}, series.String, "note"),
	)
	h, err := HTML(df)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{">order<br>", ">int<", "<td style=\"padding:2px 8px;text-align:right\">0.1235</td>", "1e-07", "a&lt;b", "3 rows × 3 columns"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

func TestLongTablesAreElided(t *testing.T) {
	v := make([]float64, 100)
	h, _ := HTML(dataframe.New(series.New(v, series.Float, "x")))
	if !strings.Contains(h, "… 70 more rows …") || strings.Count(h, "<tr>") != 1+30+1 {
		t.Errorf("elision wrong: %d rows", strings.Count(h, "<tr>"))
	}
}

func TestErrorInDataFrame(t *testing.T) {
	df := dataframe.DataFrame{Err: errors.New("bad column")}
	if _, err := HTML(df); err == nil || !strings.Contains(err.Error(), "bad column") {
		t.Errorf("err = %v", err)
	}
}
