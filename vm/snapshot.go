package vm

// This file lets a multiprocessing child start without compiling the
// library again. Embedded modules (stdlib/pylib) are compiled once per
// process and the code kept; a parent hands the compiled code of the
// modules it has loaded to each child it starts, and the child installs a
// source of compiled code that the import system asks before compiling
// (decoding is about a hundred times faster than compiling, and a child
// imports much of what its parent did).

import (
	"sync"

	"gilpy/vm/code"
)

var (
	embeddedCode       sync.Map // module name -> *code.Code
	embeddedCodeSource func(name string) *code.Code
)

// EmbeddedCode returns the compiled code of an embedded module that this
// process has loaded (or been given).
func EmbeddedCode(name string) (*code.Code, bool) {
	c, ok := embeddedCode.Load(name)
	if !ok {
		return nil, false
	}
	return c.(*code.Code), true
}

// SetEmbeddedCodeSource installs a function that may supply the compiled
// code of an embedded module before it is compiled from source; it
// returns nil when it has none. Set it before any import.
func SetEmbeddedCodeSource(f func(name string) *code.Code) { embeddedCodeSource = f }

// compileEmbedded compiles an embedded module's source once per process.
func compileEmbedded(name string, src []byte, file string) (*CodeObject, error) {
	if c, ok := embeddedCode.Load(name); ok {
		return NewCodeObject(c.(*code.Code)), nil
	}
	var c *code.Code
	if embeddedCodeSource != nil {
		c = embeddedCodeSource(name)
	}
	if c == nil || c.Filename != file {
		var err error
		if c, err = CompileToCode(src, file, "exec"); err != nil {
			return nil, err
		}
	}
	embeddedCode.Store(name, c)
	return NewCodeObject(c), nil
}
