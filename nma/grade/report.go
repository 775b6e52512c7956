package grade

import (
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/nma-go/nma-go/nma/table"
)

// Scores is the gradebook: one row per student; a column of points per exercise (named by
// its ID), then total, max and the number of exercises passed.
func (r *Report) Scores() dataframe.DataFrame {
	names := make([]string, len(r.Students))
	total := make([]float64, len(r.Students))
	maxPts := make([]float64, len(r.Students))
	passed := make([]int, len(r.Students))
	for i, s := range r.Students {
		names[i], total[i], maxPts[i], passed[i] = s.Name, s.Total, s.Max, s.Passed()
	}
	cols := []series.Series{series.New(names, series.String, "student")}
	for j, c := range r.Exercises {
		pts := make([]float64, len(r.Students))
		for i, s := range r.Students {
			pts[i] = s.Grades[j].Points
		}
		cols = append(cols, series.New(pts, series.Float, c.ID))
	}
	cols = append(cols, series.New(total, series.Float, "total"), series.New(maxPts, series.Float, "max"),
		series.New(passed, series.Int, "passed"))
	return dataframe.New(cols...)
}

// Feedback has one row per student and exercise: the verdict, the points and the message.
func (r *Report) Feedback() dataframe.DataFrame {
	var student, ex, title, verdict, file, msg []string
	var pts, maxPts []float64
	var cell []int
	for _, s := range r.Students {
		for j, g := range s.Grades {
			student = append(student, s.Name)
			ex = append(ex, g.Exercise)
			title = append(title, r.Exercises[j].Title)
			verdict = append(verdict, string(g.Verdict))
			pts = append(pts, g.Points)
			maxPts = append(maxPts, g.Max)
			file = append(file, g.File)
			cell = append(cell, g.Cell)
			msg = append(msg, g.Message)
		}
	}
	return dataframe.New(
		series.New(student, series.String, "student"),
		series.New(ex, series.String, "exercise"),
		series.New(title, series.String, "title"),
		series.New(verdict, series.String, "verdict"),
		series.New(pts, series.Float, "points"),
		series.New(maxPts, series.Float, "max"),
		series.New(file, series.String, "file"),
		series.New(cell, series.Int, "cell"),
		series.New(msg, series.String, "message"),
	)
}

// ExerciseStats summarises each exercise over the students: how many passed, and how many
// got each other verdict (computed from Feedback with gota's filters).
func (r *Report) ExerciseStats() dataframe.DataFrame {
	fb := r.Feedback()
	ids := make([]string, len(r.Exercises))
	pts := make([]float64, len(r.Exercises))
	passed := make([]int, len(r.Exercises))
	rate := make([]float64, len(r.Exercises))
	other := make([]string, len(r.Exercises))
	for j, c := range r.Exercises {
		ids[j], pts[j] = c.ID, c.Points
		rows := fb.Filter(dataframe.F{Colname: "exercise", Comparator: series.Eq, Comparando: c.ID})
		n := rows.Nrow()
		var parts []string
		for _, v := range Verdicts {
			k := rows.Filter(dataframe.F{Colname: "verdict", Comparator: series.Eq, Comparando: string(v)}).Nrow()
			if v == Passed {
				passed[j] = k
			} else if k > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", k, v))
			}
		}
		if n > 0 {
			rate[j] = float64(passed[j]) / float64(n)
		}
		other[j] = strings.Join(parts, ", ")
	}
	return dataframe.New(
		series.New(ids, series.String, "exercise"),
		series.New(pts, series.Float, "points"),
		series.New(passed, series.Int, "passed"),
		series.New(rate, series.Float, "pass rate"),
		series.New(other, series.String, "other verdicts"),
	)
}

// WriteCSV writes a dataframe as CSV, numbers without trailing zeros (gota writes %f).
func WriteCSV(w io.Writer, df dataframe.DataFrame) error {
	if df.Err != nil {
		return df.Err
	}
	names := df.Names()
	cw := csv.NewWriter(w)
	if err := cw.Write(names); err != nil {
		return err
	}
	cols := make([][]string, len(names))
	for j, n := range names {
		s := df.Col(n)
		cols[j] = make([]string, s.Len())
		for i := range cols[j] {
			e := s.Elem(i)
			if s.Type() == series.Float && !e.IsNA() {
				cols[j][i] = strconv.FormatFloat(e.Float(), 'f', -1, 64)
			} else {
				cols[j][i] = e.String()
			}
		}
	}
	for i := 0; i < df.Nrow(); i++ {
		rec := make([]string, len(names))
		for j := range names {
			rec[j] = cols[j][i]
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// PrintTable writes the terminal table: one row per student, a verdict code per exercise,
// the points, then a line of passes per exercise and the legend.
func (r *Report) PrintTable(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "student")
	for _, c := range r.Exercises {
		fmt.Fprintf(tw, "\t%s", c.ID)
	}
	fmt.Fprint(tw, "\tpoints\tpassed\n")
	for _, s := range r.Students {
		fmt.Fprint(tw, oneLine(s.Name))
		for _, g := range s.Grades {
			fmt.Fprintf(tw, "\t%s", g.Verdict.Short())
		}
		fmt.Fprintf(tw, "\t%s/%s\t%d/%d\n", formatPoints(s.Total), formatPoints(s.Max), s.Passed(), len(s.Grades))
	}
	fmt.Fprint(tw, "passed")
	for j := range r.Exercises {
		n := 0
		for _, s := range r.Students {
			if s.Grades[j].Verdict == Passed {
				n++
			}
		}
		fmt.Fprintf(tw, "\t%d/%d", n, len(r.Students))
	}
	fmt.Fprint(tw, "\t\t\n")
	tw.Flush()
	var legend []string
	for _, v := range Verdicts {
		legend = append(legend, v.Short()+" "+string(v))
	}
	fmt.Fprintf(w, "legend: %s\n", strings.Join(legend, ", "))
	if r.Shard != "" {
		fmt.Fprintf(w, "shard %s of the class\n", r.Shard)
	}
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

var verdictColour = map[Verdict]string{
	Passed: "#e8f5e9", Failed: "#ffebee", NotDone: "#fff3e0", Crashed: "#ffcdd2", Timeout: "#ffcdd2",
	OutOfMemory: "#ffcdd2", NoVerdict: "#ffcdd2", CompileError: "#f3e5f5", WrongSignature: "#f3e5f5",
	Missing: "#eceff1", Rejected: "#d7ccc8", InvalidNotebook: "#eceff1", NotSubmitted: "#fafafa", GraderError: "#ffff8d",
}

// WriteHTML writes a self-contained page: the score table (each cell links to the
// student's feedback), statistics per exercise, and per student every verdict with its
// message.
func (r *Report) WriteHTML(w io.Writer) error {
	esc := html.EscapeString
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>nma grade report</title>
<style>
body{font-family:sans-serif;margin:2em;color:#222}
table.scores{border-collapse:collapse;font-size:13px}
table.scores th,table.scores td{border:1px solid #ccc;padding:3px 8px;text-align:center}
table.scores td.name{text-align:left}
table.fb{border-collapse:collapse;font-size:13px;margin-bottom:1em}
table.fb th,table.fb td{border:1px solid #ddd;padding:3px 8px;vertical-align:top;text-align:left}
pre{margin:0;white-space:pre-wrap;font-size:12px}
a{color:inherit}
.note{color:#b71c1c}
small{color:#666}
</style></head><body>
<h1>nma grade report</h1>
`)
	fmt.Fprintf(&b, "<p>%d students, %d exercises", len(r.Students), len(r.Exercises))
	if r.Shard != "" {
		fmt.Fprintf(&b, ", shard %s", esc(r.Shard))
	}
	b.WriteString(".</p>\n<h2>Scores</h2>\n<table class=\"scores\"><thead><tr><th>student</th>")
	for _, c := range r.Exercises {
		bonus := ""
		if c.Bonus {
			bonus = " (bonus)"
		}
		fmt.Fprintf(&b, `<th title="%s">%s<br><small>%s pt%s</small></th>`, esc(c.Title), esc(c.ID), formatPoints(c.Points), bonus)
	}
	b.WriteString("<th>points</th><th>passed</th></tr></thead><tbody>\n")
	for i, s := range r.Students {
		fmt.Fprintf(&b, `<tr><td class="name"><a href="#s%d">%s</a></td>`, i+1, esc(s.Name))
		for _, g := range s.Grades {
			fmt.Fprintf(&b, `<td style="background:%s" title="%s"><a href="#s%d-%s">%s</a></td>`,
				verdictColour[g.Verdict], esc(string(g.Verdict)), i+1, esc(g.Exercise), esc(g.Verdict.Short()))
		}
		fmt.Fprintf(&b, "<td>%s / %s</td><td>%d / %d</td></tr>\n", formatPoints(s.Total), formatPoints(s.Max), s.Passed(), len(s.Grades))
	}
	b.WriteString("</tbody></table>\n<p><small>")
	for i, v := range Verdicts {
		if i > 0 {
			b.WriteString(" · ")
		}
		fmt.Fprintf(&b, `<span style="background:%s;padding:0 4px">%s</span> %s`, verdictColour[v], esc(v.Short()), esc(string(v)))
	}
	b.WriteString("</small></p>\n<h2>Exercises</h2>\n")
	stats, err := table.HTML(r.ExerciseStats())
	if err != nil {
		return err
	}
	b.WriteString(stats)
	b.WriteString("\n<ul>\n")
	for _, c := range r.Exercises {
		fmt.Fprintf(&b, "<li><b>%s</b> %s — <code>%s</code> in %s</li>\n", esc(c.ID), esc(c.Title), esc(strings.Join(c.Funcs, ", ")), esc(c.Notebook))
	}
	b.WriteString("</ul>\n<h2>Feedback</h2>\n")
	for i, s := range r.Students {
		fmt.Fprintf(&b, "<h3 id=\"s%d\">%s — %s / %s points</h3>\n", i+1, esc(s.Name), formatPoints(s.Total), formatPoints(s.Max))
		if len(s.Files) > 0 {
			fmt.Fprintf(&b, "<p><small>%s</small></p>\n", esc(strings.Join(s.Files, ", ")))
		}
		for _, n := range s.Notes {
			fmt.Fprintf(&b, "<p class=\"note\">%s</p>\n", esc(n))
		}
		b.WriteString("<table class=\"fb\"><thead><tr><th>exercise</th><th>verdict</th><th>points</th><th>where</th><th>message</th></tr></thead><tbody>\n")
		for j, g := range s.Grades {
			where := ""
			if g.Cell > 0 {
				where = fmt.Sprintf("cell %d", g.Cell)
			}
			fmt.Fprintf(&b, `<tr id="s%d-%s"><td>%s<br><small>%s</small></td><td style="background:%s">%s</td><td>%s / %s</td><td>%s</td><td><pre>%s</pre></td></tr>`+"\n",
				i+1, esc(g.Exercise), esc(g.Exercise), esc(r.Exercises[j].Title), verdictColour[g.Verdict], esc(string(g.Verdict)),
				formatPoints(g.Points), formatPoints(g.Max), where, esc(g.Message))
		}
		b.WriteString("</tbody></table>\n")
	}
	if r.Sandbox != "" {
		fmt.Fprintf(&b, "<p><small>Sandbox: %s</small></p>\n", esc(r.Sandbox))
	}
	b.WriteString("</body></html>\n")
	_, err = io.WriteString(w, b.String())
	return err
}
