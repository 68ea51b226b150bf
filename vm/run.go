package vm

// This file connects the front end to the VM: compiling source text into a
// code object (turning parser and compiler errors into SyntaxError
// exceptions) and running code objects in a namespace.

import (
	"gilpy/parser"
	"gilpy/vm/code"
	"gilpy/vm/compiler"
)

// CompileOptions are compile()'s knobs.
type CompileOptions struct {
	// Optimize is the -O level; -1 means the interpreter's.
	Optimize int
	// FutureAnnotations compiles as under `from __future__ import
	// annotations`.
	FutureAnnotations bool
}

// CompileSource parses and compiles src with the interpreter's settings.
// mode is "exec", "eval" or "single".
func CompileSource(th *Thread, src []byte, filename, mode string) (*CodeObject, error) {
	return th.Compile(src, filename, mode, CompileOptions{Optimize: -1})
}

// Compile parses and compiles src. The compiler's SyntaxWarnings go
// through the warnings machinery; syntax nested deeper than the remaining
// recursion budget is a RecursionError, as in CPython.
func (th *Thread) Compile(src []byte, filename, mode string, opts CompileOptions) (*CodeObject, error) {
	if opts.Optimize < 0 {
		opts.Optimize = th.Interp.Optimize
	}
	c, err := compileToCode(src, filename, mode, compiler.Options{
		Optimize:          opts.Optimize,
		FutureAnnotations: opts.FutureAnnotations,
		RecursionLimit:    th.Interp.RecursionLimit,
		RecursionDepth:    th.depth,
		Warn: func(msg string, lineno int) error {
			return th.WarnExplicit(SyntaxWarning, msg, filename, lineno)
		},
	})
	if err != nil {
		return nil, err
	}
	return NewCodeObject(c), nil
}

// CompileToCode compiles with default settings and returns the bare
// bytecode (for --dis).
func CompileToCode(src []byte, filename, mode string) (*code.Code, error) {
	return compileToCode(src, filename, mode, compiler.Options{})
}

func compileToCode(src []byte, filename, mode string, opts compiler.Options) (*code.Code, error) {
	pm := parser.ModeExec
	switch mode {
	case "eval":
		pm = parser.ModeEval
	case "single":
		pm = parser.ModeSingle
	}
	tree, err := parser.Parse(filename, src, pm)
	if err != nil {
		return nil, syntaxErrorFrom(err)
	}
	c, err := compiler.Compile(tree, filename, src, opts)
	if err != nil {
		return nil, syntaxErrorFrom(err)
	}
	return c, nil
}

// syntaxErrorFrom converts a front-end error into a SyntaxError exception.
func syntaxErrorFrom(err error) error {
	var typ *Type = SyntaxErrorType
	var msg, filename, text string
	var lineno, offset, endLineno, endOffset int
	incomplete := false
	switch e := err.(type) {
	case *parser.SyntaxError:
		switch e.Type {
		case "IndentationError":
			typ = IndentationError
		case "TabError":
			typ = TabError
		case "MemoryError":
			return NewException(MemoryError)
		}
		msg, filename, text = e.Msg, e.Filename, e.Text
		lineno, offset, endLineno, endOffset = e.Lineno, e.Offset, e.EndLineno, e.EndOffset
		incomplete = e.Incomplete
	case *compiler.RecursionError:
		return Errorf(RecursionError, "%s", e.Msg)
	default:
		return Errorf(SystemError, "compile: %s", err.Error())
	}
	exc := exceptionLayout.New(typ)
	exc.cause, exc.context = Null, Null
	intOrNone := func(n int) Value {
		if n == 0 && lineno == 0 {
			return None
		}
		return MakeInt(int64(n))
	}
	var textV Value = None
	if text != "" {
		textV = MakeStr(text)
	}
	info := NewTuple(MakeStr(filename), intOrNone(lineno), intOrNone(offset), textV, intOrNone(endLineno), intOrNone(endOffset))
	exc.args = NewTuple(MakeStr(msg), info.Value())
	_ = syntaxErrorInit(nil, exc.Value(), exc.args.items, nil)
	if incomplete {
		exc.setAttr("_incomplete", True)
	}
	return exc
}

// IsIncompleteInput reports whether a SyntaxError came from input that
// ended too early (the REPL then prompts for more).
func IsIncompleteInput(err error) bool {
	e, ok := err.(*Exception)
	return ok && e.attr("_incomplete").IsTrue()
}

// RunCode executes module-level (or class/exec) code with the given
// globals and locals mapping.
func (th *Thread) RunCode(co *CodeObject, globals *Dict, locals Value) (Value, error) {
	if _, ok := globals.getStr(dunderBuiltins); !ok {
		globals.SetStr(dunderBuiltins, th.Interp.builtinsModuleValue())
	}
	f := th.newFrame(co, nil, globals, builtinsFor(globals))
	for i := 0; i < co.NumLocalsPlus(); i++ {
		f.slots[i] = Null
	}
	f.locals = locals
	if co.IsGenerator() {
		th.releaseFrame(f)
		return Null, Errorf(SystemError, "cannot run generator code as a module")
	}
	return th.run(f)
}

// RunFunctionCode runs code as the body of fn with the given positional
// args (used by exec of code objects with closures; rare).
func (in *Interp) builtinsModuleValue() Value {
	if v, ok := in.Modules.getStr(Intern("builtins")); ok {
		return v
	}
	return in.Builtins.Value()
}

// ExecMain runs a script as __main__. It returns the script's exception,
// if any (SystemExit included).
func (th *Thread) ExecMain(src []byte, filename string, main *Module) error {
	co, err := CompileSource(th, src, filename, "exec")
	if err != nil {
		return err
	}
	d := main.dict
	_, err = th.RunCode(co, d, d.Value())
	return err
}
