package grade

import (
	"fmt"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/nma-go/nma-go/nma/exercise"
	"github.com/nma-go/nma-go/nma/outcome"
)

// For teaching assistants, the class's mistakes: a failed answer whose outputs on the
// check's inputs match a catalogued mistake's (exercise.Diagnose, decided in the grader's
// process like the verdict) carries its name in Grade.Mistake; feedback.csv has it in its
// mistake column, and report.html counts, per exercise, the students who made each
// catalogued mistake and those who failed with none recognised.

// NoneRecognised is the row of MistakeStats that counts the failed answers that look like no
// catalogued mistake.
const NoneRecognised = "(failed, no catalogued mistake recognised)"

// catalogued lists an exercise's catalogue of mistakes for its column.
func catalogued(e exercise.Exercise) []CataloguedMistake {
	var out []CataloguedMistake
	for _, m := range e.Mistakes {
		out = append(out, CataloguedMistake{Name: m.Name, Hint: m.Hint})
	}
	return out
}

// mistakeRow is one row of the mistakes table.
type mistakeRow struct {
	exercise, mistake, hint string
	students                []int // indexes into Report.Students
}

// mistakeRows counts, per exercise, the students who made each catalogued mistake (every
// mistake of the catalogue, made or not, in catalogue order; then any other name a grade
// carries), and those who failed with none recognised (when any did). Exercises with no
// catalogue and no failure have no rows.
func (r *Report) mistakeRows() []mistakeRow {
	var rows []mistakeRow
	for j, c := range r.Exercises {
		byName := map[string]int{}
		var ex []mistakeRow
		for _, m := range c.Mistakes {
			byName[m.Name] = len(ex)
			ex = append(ex, mistakeRow{exercise: c.ID, mistake: m.Name, hint: m.Hint})
		}
		none := mistakeRow{exercise: c.ID, mistake: NoneRecognised}
		for i, s := range r.Students {
			if j >= len(s.Grades) || s.Grades[j].Verdict != outcome.Failed {
				continue
			}
			name := s.Grades[j].Mistake
			if name == "" {
				none.students = append(none.students, i)
				continue
			}
			k, ok := byName[name]
			if !ok {
				k = len(ex)
				byName[name] = k
				ex = append(ex, mistakeRow{exercise: c.ID, mistake: name})
			}
			ex[k].students = append(ex[k].students, i)
		}
		if len(none.students) > 0 {
			ex = append(ex, none)
		}
		rows = append(rows, ex...)
	}
	return rows
}

// MistakeStats has one row per exercise and catalogued mistake: how many students' failed
// answers look like it (0 included, so that a TA sees the whole catalogue), and, when some
// failed answers look like none, a row NoneRecognised with their number.
func (r *Report) MistakeStats() dataframe.DataFrame {
	var ex, name []string
	var n []int
	for _, row := range r.mistakeRows() {
		ex = append(ex, row.exercise)
		name = append(name, row.mistake)
		n = append(n, len(row.students))
	}
	return dataframe.New(
		series.New(ex, series.String, "exercise"),
		series.New(name, series.String, "mistake"),
		series.New(n, series.Int, "students"),
	)
}

// writeMistakesHTML writes report.html's section on the class's mistakes: per exercise,
// each catalogued mistake with its hint, how many students made it and who (linked to their
// feedback), then the failed answers that look like none.
func (r *Report) writeMistakesHTML(b *strings.Builder, esc func(string) string) {
	rows := r.mistakeRows()
	b.WriteString("<h2>Mistakes</h2>\n")
	if len(rows) == 0 {
		b.WriteString("<p>No exercise here has a catalogue of classic mistakes, and no answer failed.</p>\n")
		return
	}
	b.WriteString("<p>The failed answers whose outputs on the check's inputs match a classic mistake of the exercise's catalogue (the student's feedback names it and gives its hint), and those that match none.</p>\n")
	b.WriteString("<table class=\"fb\"><thead><tr><th>exercise</th><th>mistake</th><th>students</th><th>who</th></tr></thead><tbody>\n")
	for _, row := range rows {
		what := "<i>" + esc(row.mistake) + "</i>"
		if row.mistake != NoneRecognised {
			what = "<b>" + esc(row.mistake) + "</b>"
			if row.hint != "" {
				what += "<br><small>" + esc(row.hint) + "</small>"
			}
		}
		var who []string
		for _, i := range row.students {
			who = append(who, fmt.Sprintf(`<a href="#s%d-%s">%s</a>`, i+1, esc(row.exercise), esc(r.Students[i].Name)))
		}
		fmt.Fprintf(b, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%s</td></tr>\n", esc(row.exercise), what, len(row.students), strings.Join(who, ", "))
	}
	b.WriteString("</tbody></table>\n")
}
