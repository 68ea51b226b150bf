// Package pylib embeds the standard-library modules gilpy implements in
// Python (our own code, in lib/), for the modules that are clearer as
// Python than as Go and are not on any hot path. lib/a/b.py is module
// "a.b"; lib/a/__init__.py makes "a" a package. Nothing is compiled until
// a program imports the module.
package pylib

import (
	"embed"
	"io/fs"
	"strings"

	"gilpy/vm"
)

//go:embed all:lib
var lib embed.FS

func init() {
	_ = fs.WalkDir(lib, "lib", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".py") {
			return err
		}
		src, err := lib.ReadFile(path)
		if err != nil {
			return err
		}
		rel := strings.TrimSuffix(strings.TrimPrefix(path, "lib/"), ".py")
		isPkg := false
		if strings.HasSuffix(rel, "/__init__") {
			rel = strings.TrimSuffix(rel, "/__init__")
			isPkg = true
		}
		vm.RegisterPySource(strings.ReplaceAll(rel, "/", "."), src, isPkg)
		return nil
	})
}
