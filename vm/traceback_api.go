package vm

// This file exports the traceback printer's pieces for the traceback
// module (stdlib/pylib/lib/traceback.py through _gilpy_traceback), so
// that traceback.format_*() produce exactly what the VM prints for an
// uncaught exception.

import "gilpy/vm/code"

// FormatExceptionOnly is the last part of a traceback: "Type: message"
// (or SyntaxError's display) and the exception's notes.
func FormatExceptionOnly(th *Thread, exc *Exception) string { return formatExceptionOnly(th, exc) }

// FormatCarets is the marker line (with its newline) that CPython 3.11
// prints under source line for the instruction spanning pos, or "".
func FormatCarets(line string, lineno int, pos code.Position) string {
	return formatCarets(line, lineno, pos)
}

// FramePosition is the source span of the instruction a frame object is
// executing (ok false once the frame has finished).
func FramePosition(o *FrameObject) (code.Position, bool) {
	if o.live == nil {
		return code.Position{}, false
	}
	f := o.live
	pc := f.pc - 1
	if f.lasti >= 0 {
		pc = f.lasti
	}
	if pc < 0 || pc >= len(f.code.Positions) {
		return code.Position{}, false
	}
	return f.code.Positions[pc], true
}

// AsFrameObject returns v as a frame object.
func AsFrameObject(v Value) (*FrameObject, bool) { return frameObjectLayout.Cast(v) }

// AsTraceback returns v as a traceback object.
func AsTraceback(v Value) (*Traceback, bool) { return tracebackLayout.Cast(v) }
