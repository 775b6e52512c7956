package notebook

// The course has one primer on Go in these notebooks, notebooks/PrimerName.ipynb (built
// from notebooks/src/PrimerName.md like every notebook), and one short pointer to it, which
// the first tutorial of every day shows as its first section before Setup: a source writes
// the line PrimerMarker there (between two "<!-- cell -->" lines) and Build puts PrimerText
// in its place. The pointer's text has this one home, so the days cannot drift apart.

// PrimerName is the primer notebook's name, without extension.
const PrimerName = "W2_GoPrimer"

// PrimerMarker is the source line that Build replaces by PrimerText.
const PrimerMarker = "<!-- primer -->"

// PrimerText is the first section of each day's first tutorial: the rules a student coming
// from Python trips over, in brief, and the link to the primer that shows each one.
const PrimerText = "# Go in these notebooks\n\n" +
	"New to Go, or to Go in Jupyter? The [Go primer](" + PrimerName + ".ipynb) shows each point below in a tiny cell (about 15 minutes). In brief:\n\n" +
	"- **Every cell is a small Go program**, compiled and run on its own. The lines after `%%` are its body.\n" +
	"- **What persists:** imports, functions, types, constants and variables declared at the top level of a cell (outside `%%`) are remembered for every later cell. " +
	"Variables made after `%%` live only in their cell: a later cell that uses them fails with `undefined`, so each cell makes what it needs (most start with `p := …Default…()`).\n" +
	"- **Imports:** GoNB adds the standard library's (`fmt`, `math`, …) by itself and drops unused ones; every other package is imported in the import cell.\n" +
	"- **Errors:** a call that can fail is wrapped in `nma.Must(…)` (`Must2`, `Must3` for more values), which returns its values or stops the cell with the error's message.\n" +
	"- **Checks:** an exercise cell ends with a check. A grey ⏳ line means *not done yet*; a red box names the first input where your function differs from the solution, with both values.\n" +
	"- **Restart** (Kernel menu): GoNB forgets every declaration. Run the setup cell, then the cells above the one you are working on."
