package grade

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/nma-go/nma-go/nma/outcome"
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

// Feedback has one row per student and exercise: the verdict, the points, the message and,
// for a failed answer that looks like a catalogued mistake, the mistake's name.
func (r *Report) Feedback() dataframe.DataFrame {
	var student, ex, title, verdict, file, msg, mistake []string
	var pts, maxPts []float64
	var cell []int
	for _, s := range r.Students {
		for j, g := range s.Grades {
			student = append(student, s.Name)
			ex = append(ex, g.Exercise)
			title = append(title, r.Exercises[j].Title)
			verdict = append(verdict, g.Verdict.String())
			pts = append(pts, g.Points)
			maxPts = append(maxPts, g.Max)
			file = append(file, g.File)
			cell = append(cell, g.Cell)
			msg = append(msg, g.Message)
			mistake = append(mistake, g.Mistake)
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
		series.New(mistake, series.String, "mistake"),
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
		for _, v := range outcome.All() {
			k := rows.Filter(dataframe.F{Colname: "verdict", Comparator: series.Eq, Comparando: v.String()}).Nrow()
			if v == outcome.Passed {
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
//
// Text cells are safe to open in a spreadsheet: cleaned of control characters and
// shortened (CleanText), and, following OWASP's advice on CSV injection, a cell that starts
// with =, +, -, @, a tab or a carriage return gets a leading single quote (so it is text,
// not a formula) and is quoted. A cell is quoted, with its double quotes doubled, whenever
// it holds a comma, a semicolon (the separator of some locales), a double quote, a line
// break, or leading or trailing spaces. Numbers are written as numbers.
func WriteCSV(w io.Writer, df dataframe.DataFrame) error {
	if df.Err != nil {
		return df.Err
	}
	names := df.Names()
	bw := bufio.NewWriter(w)
	row := make([]string, len(names))
	for j, n := range names {
		row[j] = csvText(n)
	}
	writeCSVRow(bw, row)
	cols := make([][]string, len(names))
	for j, n := range names {
		s := df.Col(n)
		cols[j] = make([]string, s.Len())
		for i := range cols[j] {
			e := s.Elem(i)
			switch {
			case s.Type() == series.Float && !e.IsNA():
				cols[j][i] = strconv.FormatFloat(e.Float(), 'f', -1, 64)
			case s.Type() == series.Float || s.Type() == series.Int:
				cols[j][i] = e.String()
			default:
				cols[j][i] = csvText(e.String())
			}
		}
	}
	for i := 0; i < df.Nrow(); i++ {
		for j := range names {
			row[j] = cols[j][i]
		}
		writeCSVRow(bw, row)
	}
	return bw.Flush()
}

func writeCSVRow(w *bufio.Writer, cells []string) {
	for j, c := range cells {
		if j > 0 {
			w.WriteByte(',')
		}
		w.WriteString(c)
	}
	w.WriteByte('\n')
}

// csvText is a text cell as written to a CSV file: cleaned, neutralised if a spreadsheet
// would take it for a formula, and quoted when needed.
func csvText(v string) string {
	v = CleanText(v, maxCellLen)
	quote := false
	if t := strings.TrimLeft(v, " "); t != "" && strings.ContainsRune("=+-@\t\r\n", rune(t[0])) {
		v = "'" + v
		quote = true
	}
	if strings.ContainsAny(v, ",;\"\r\n\t") || strings.HasPrefix(v, " ") || strings.HasSuffix(v, " ") {
		quote = true
	}
	if quote {
		return `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
	}
	return v
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
		fmt.Fprint(tw, CleanText(s.Name, maxNameLen))
		for _, g := range s.Grades {
			fmt.Fprintf(tw, "\t%s", g.Verdict.Short())
		}
		fmt.Fprintf(tw, "\t%s/%s\t%d/%d\n", formatPoints(s.Total), formatPoints(s.Max), s.Passed(), len(s.Grades))
	}
	fmt.Fprint(tw, "passed")
	for j := range r.Exercises {
		n := 0
		for _, s := range r.Students {
			if s.Grades[j].Verdict == outcome.Passed {
				n++
			}
		}
		fmt.Fprintf(tw, "\t%d/%d", n, len(r.Students))
	}
	fmt.Fprint(tw, "\t\t\n")
	tw.Flush()
	var legend []string
	for _, v := range outcome.All() {
		legend = append(legend, v.Short()+" "+v.String())
	}
	fmt.Fprintf(w, "legend: %s\n", strings.Join(legend, ", "))
	if r.Shard != "" {
		fmt.Fprintf(w, "shard %s of the class\n", CleanText(r.Shard, maxNameLen))
	}
	header := false
	for _, s := range r.Students {
		for _, n := range s.Notes {
			if !header {
				fmt.Fprintln(w, "notes:")
				header = true
			}
			fmt.Fprintf(w, "  %s: %s\n", CleanText(s.Name, maxNameLen), CleanText(n, maxNoteLen))
		}
	}
}

// The longest student-controlled texts in reports, in characters; longer ones are cut
// with a note of their length.
const (
	maxNameLen    = 200  // a student's name
	maxPathLen    = 300  // a submission's path
	maxMessageLen = 500  // a verdict's message (compiler output, a panic's value)
	maxNoteLen    = 1000 // a note on a student's submissions (may quote two paths)
	maxCellLen    = 1000 // any text cell of a CSV file
	maxErrorLen   = 2000 // an error that stops the grading
)

// CleanText makes student-controlled text (a folder name, a panic message, compiler
// output) safe to print in a terminal, a log, a CSV file or an HTML page: one line, without
// terminal escape sequences (ANSI CSI and OSC sequences are removed whole), control
// characters (NUL, CR, DEL, C1) or invisible formatting characters (bidirectional
// overrides, zero-width characters), with invalid UTF-8 replaced by U+FFFD; line breaks
// become " | " and tabs spaces. Text longer than max characters is cut, ending in
// "… [N characters]" within max. CleanText(CleanText(s, n), n) == CleanText(s, n).
func CleanText(s string, max int) string {
	var b strings.Builder
	b.Grow(min(len(s), 4*max+16))
	brk := false // a line break is pending (written only before more text)
	n := 0       // characters written
	total := 0   // characters of the cleaned text
	limit := max
	write := func(r rune) {
		if brk {
			brk = false
			if total > 0 {
				for _, c := range " | " {
					write1(&b, c, &n, &total, limit)
				}
			}
		}
		write1(&b, r, &n, &total, limit)
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			write('\uFFFD')
		case r == 0x1b || r == 0x9b:
			size = escapeLen(s[i:], size)
		case r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			brk = true
		case r == '\t':
			write(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			// dropped
		default:
			write(r)
		}
		i += size
	}
	if total <= max {
		return b.String()
	}
	marker := fmt.Sprintf("… [%d characters]", total)
	cut := max - utf8.RuneCountInString(marker)
	if cut < 0 {
		cut = 0
	}
	out := b.String()
	at := 0
	for k := 0; k < cut && at < len(out); k++ {
		_, sz := utf8.DecodeRuneInString(out[at:])
		at += sz
	}
	return strings.TrimRight(out[:at], " |") + marker
}

// write1 appends r while fewer than limit characters are written, and counts it.
func write1(b *strings.Builder, r rune, n, total *int, limit int) {
	*total++
	if *n < limit {
		b.WriteRune(r)
		*n++
	}
}

// escapeLen is the length of the terminal escape sequence at the start of s (ESC or the
// 8-bit CSI, whose UTF-8 encoding is size bytes): CSI parameters up to the final byte, an
// OSC/DCS/APC/PM/SOS string up to its terminator, or ESC and one character. An unterminated
// string sequence loses only its introducer.
func escapeLen(s string, size int) int {
	i := size
	csi := s[0] != 0x1b
	if !csi {
		if i >= len(s) {
			return i
		}
		switch c := s[i]; {
		case c == '[':
			csi = true
			i++
		case c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X':
			for j := i + 1; j < len(s); j++ {
				if s[j] == 0x07 {
					return j + 1
				}
				if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
					return j + 2
				}
			}
			return i + 1
		case c >= 0x20 && c <= 0x7e:
			// ESC ( B and the like: one intermediate, then the final byte.
			if c <= 0x2f && i+1 < len(s) && s[i+1] >= 0x30 && s[i+1] <= 0x7e {
				return i + 2
			}
			return i + 1
		default:
			return i
		}
	}
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f { // parameters
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f { // intermediates
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e { // final byte
		i++
	}
	return i
}

var verdictColour = map[outcome.Outcome]string{
	outcome.Passed: "#e8f5e9", outcome.Failed: "#ffebee", outcome.NotDone: "#fff3e0", outcome.Crashed: "#ffcdd2", outcome.Timeout: "#ffcdd2",
	outcome.OutOfMemory: "#ffcdd2", outcome.NoVerdict: "#ffcdd2", outcome.CompileError: "#f3e5f5", outcome.WrongSignature: "#f3e5f5",
	outcome.Missing: "#eceff1", outcome.Rejected: "#d7ccc8", outcome.Invalid: "#eceff1", outcome.NotSubmitted: "#fafafa", outcome.Error: "#ffff8d",
}

// WriteHTML writes a self-contained page: the score table (each cell links to the
// student's feedback), statistics per exercise, and per student every verdict with its
// message.
//
// Every text is cleaned (CleanText) and HTML-escaped.
func (r *Report) WriteHTML(w io.Writer) error {
	esc := func(s string) string { return html.EscapeString(CleanText(s, maxCellLen)) }
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
				verdictColour[g.Verdict], esc(g.Verdict.String()), i+1, esc(g.Exercise), esc(g.Verdict.Short()))
		}
		fmt.Fprintf(&b, "<td>%s / %s</td><td>%d / %d</td></tr>\n", formatPoints(s.Total), formatPoints(s.Max), s.Passed(), len(s.Grades))
	}
	b.WriteString("</tbody></table>\n<p><small>")
	for i, v := range outcome.All() {
		if i > 0 {
			b.WriteString(" · ")
		}
		fmt.Fprintf(&b, `<span style="background:%s;padding:0 4px">%s</span> %s`, verdictColour[v], esc(v.Short()), esc(v.String()))
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
	b.WriteString("</ul>\n")
	r.writeMistakesHTML(&b, esc)
	b.WriteString("<h2>Feedback</h2>\n")
	for i, s := range r.Students {
		fmt.Fprintf(&b, "<h3 id=\"s%d\">%s — %s / %s points</h3>\n", i+1, esc(s.Name), formatPoints(s.Total), formatPoints(s.Max))
		if len(s.Files) > 0 {
			fmt.Fprintf(&b, "<p><small>%s</small></p>\n", joinEscaped(s.Files, esc))
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
				i+1, esc(g.Exercise), esc(g.Exercise), esc(r.Exercises[j].Title), verdictColour[g.Verdict], esc(g.Verdict.String()),
				formatPoints(g.Points), formatPoints(g.Max), where, esc(g.Message))
		}
		b.WriteString("</tbody></table>\n")
	}
	if r.Sandbox != "" {
		fmt.Fprintf(&b, "<p><small>Sandbox: %s</small></p>\n", html.EscapeString(CleanText(r.Sandbox, maxErrorLen)))
	}
	b.WriteString("</body></html>\n")
	_, err = io.WriteString(w, b.String())
	return err
}

func joinEscaped(items []string, esc func(string) string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = esc(s)
	}
	return strings.Join(out, ", ")
}
