// Package warnings lets Go code issue Python warnings through the
// warnings module (stdlib/pylib/lib/warnings.py), so that filters,
// the once-per-location registry and the stderr format are CPython's.
// For example the threading module's deprecated aliases call
//
//	warnings.Warn(th, vm.DeprecationWarning, "getName() is deprecated, get the name attribute instead", 2)
package warnings

import "gilpy/vm"

// Warn is warnings.warn(msg, category, stacklevel) issued from a Go
// function that stands for a Python one: stacklevel counts as in Python
// code with the Go function as level 1, so 2 reports the line that called
// it (as threading.py's getName() does in CPython). A filter set to
// "error" makes it return the warning as an exception.
func Warn(th *vm.Thread, category *vm.Type, msg string, stacklevel int) error {
	mod, err := th.ImportModule("warnings")
	if err != nil {
		return err
	}
	warn, ok := mod.Get("warn")
	if !ok {
		return vm.Errorf(vm.ImportError, "cannot import name 'warn' from 'warnings'")
	}
	// The Go function has no Python frame: level 1 of warn() is already
	// its Python caller.
	level := stacklevel - 1
	if level < 1 {
		level = 1
	}
	_, err = vm.Call(th, warn, []vm.Value{vm.MakeStr(msg), category.Value(), vm.MakeInt(int64(level))}, nil)
	return err
}
