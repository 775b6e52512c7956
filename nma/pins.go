//go:build pins

package nma

// Notebooks may import these modules directly (GoNB resolves them through this module's
// go.mod, offline). `go mod tidy` drops modules that no package imports, so they are
// imported here to keep them, at the versions pinned in go.mod. The build tag keeps them out
// of every build (tidy reads files under all tags): a program that imports package nma links
// only the standard library through it, not plotting, fonts or the GoNB widgets.
import (
	_ "codeberg.org/sbinet/npyio/npz"
	_ "github.com/go-gota/gota/dataframe"
	_ "github.com/janpfeifer/gonb/gonbui"
	_ "github.com/janpfeifer/gonb/gonbui/widgets"
	_ "gonum.org/v1/gonum/mat"
	_ "gonum.org/v1/plot"
)
