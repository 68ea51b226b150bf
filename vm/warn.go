package vm

// This file issues warnings from inside the VM (the compiler's
// SyntaxWarnings, RuntimeWarnings about coroutines never awaited, ...).
// CPython's C code calls the warnings module when it has been imported and
// otherwise prints the warning the way the default filters would; so do we.

import (
	"strconv"
	"strings"
)

// WarnExplicit is warnings.warn_explicit(msg, category, filename, lineno).
// An error return means a filter turned the warning into an exception.
func (th *Thread) WarnExplicit(category *Type, msg, filename string, lineno int) error {
	if w, ok := th.Interp.Modules.GetString("warnings"); ok {
		if fn, err := GetAttr(th, w, Intern("warn_explicit")); err == nil {
			_, err := Call(th, fn, []Value{MakeStr(msg), category.Value(), MakeStr(filename), MakeInt(int64(lineno))}, nil)
			return err
		}
	}
	th.writeStderr(FormatWarning(category, msg, filename, lineno, SourceLine(filename, lineno)))
	return nil
}

// FormatWarning is warnings.formatwarning: "file:line: Category: message"
// and the source line, stripped, when there is one.
func FormatWarning(category *Type, msg, filename string, lineno int, line string) string {
	var b strings.Builder
	b.WriteString(filename + ":" + strconv.Itoa(lineno) + ": " + category.Name + ": " + msg + "\n")
	if line = strings.TrimSpace(line); line != "" {
		b.WriteString("  " + line + "\n")
	}
	return b.String()
}
