package vm

// This file defines execution frames. A Frame is the VM's internal record of
// one running code object; it is pooled and never seen by Python code. When
// Python needs a frame object (a traceback, sys._getframe, a generator's
// gi_frame), a FrameObject is made that points at the live Frame and keeps
// a snapshot of it after the Frame is gone, as CPython 3.11 does with its
// _PyInterpreterFrame / PyFrameObject split.

import (
	"fmt"

	"gilpy/vm/code"
)

// Frame is one activation of a code object.
type Frame struct {
	code     *CodeObject
	fn       *Function // nil for module, class and exec code
	globals  *Dict
	builtins *Dict
	locals   Value // the locals mapping of module/class/exec code, else Null
	// slots holds the locals-plus area followed by the value stack.
	slots []Value
	sp    int // index of the first free stack slot
	pc    int // index of the next instruction
	back  *Frame
	// entry frames end their run() call when they return (the Go caller
	// is waiting for the result); other frames return into their caller
	// inside the same loop.
	entry bool
	gen   *Generator // set for generator/coroutine frames
	obj   *FrameObject
	// lasti overrides pc-1 as the "current instruction" for line numbers
	// after a RERAISE restored it; -1 when unused.
	lasti  int
	pooled bool
	// initSelf is set when the frame runs __init__ for an instance the
	// CALL instruction created itself; the caller receives initSelf, not
	// the return value (which must be None).
	initSelf Value
}

// Code is the frame's code object.
func (f *Frame) Code() *CodeObject { return f.code }

// Back is the calling frame.
func (f *Frame) Back() *Frame { return f.back }

// Globals is the frame's globals.
func (f *Frame) Globals() *Dict { return f.globals }

// Line is the line being executed.
func (f *Frame) Line() int {
	pc := f.pc - 1
	if f.lasti >= 0 {
		pc = f.lasti
	}
	if pc < 0 {
		pc = 0
	}
	return f.code.LineAt(pc)
}

// Function is the function the frame runs (nil for module code).
func (f *Frame) Function() *Function { return f.fn }

// newFrame takes a pooled frame with a slots window for co.
func (th *Thread) newFrame(co *CodeObject, fn *Function, globals, builtins *Dict) *Frame {
	var f *Frame
	if n := len(th.framePool); n > 0 {
		f = th.framePool[n-1]
		th.framePool = th.framePool[:n-1]
	} else {
		f = &Frame{pooled: true}
	}
	f.code, f.fn, f.globals, f.builtins = co, fn, globals, builtins
	f.locals = Null
	f.slots = th.allocSlots(co.NumLocalsPlus() + co.StackSize)
	f.sp = co.NumLocalsPlus()
	f.pc = 0
	f.lasti = -1
	f.entry = false
	f.gen = nil
	f.obj = nil
	f.initSelf = Null
	return f
}

// releaseFrame returns a finished pooled frame and its slots.
func (th *Thread) releaseFrame(f *Frame) {
	if f.obj != nil {
		f.obj.detach(f)
	}
	if !f.pooled {
		return
	}
	th.freeSlots(f.slots)
	f.slots = nil
	f.back = nil
	f.fn = nil
	f.globals, f.builtins = nil, nil
	f.locals = Null
	// A pooled frame must not keep the instance its __init__ built alive.
	f.initSelf = Null
	th.framePool = append(th.framePool, f)
}

// --------------------------------------------------------- frame objects

// FrameObject is a Python-visible frame.
type FrameObject struct {
	Object
	live     *Frame // while the frame runs
	code     *CodeObject
	globals  *Dict
	builtins *Dict
	back     *FrameObject
	backSet  bool
	lineno   int
	locals   Value // snapshot after the frame finished
}

var frameObjectLayout = NewLayout[FrameObject]("frame")

// pyFrame returns (making it if needed) the FrameObject for f.
func (f *Frame) pyFrame() *FrameObject {
	if f.obj == nil {
		o := &FrameObject{live: f, code: f.code, globals: f.globals, builtins: f.builtins, locals: Null}
		o.typ = FrameType
		f.obj = o
	}
	return f.obj
}

// PyFrame is pyFrame for other packages.
func (f *Frame) PyFrame() *FrameObject { return f.pyFrame() }

// detach keeps what the frame object needs once its Frame is reused.
func (o *FrameObject) detach(f *Frame) {
	o.lineno = f.Line()
	if !o.backSet {
		if f.back != nil {
			o.back = f.back.pyFrame()
		}
		o.backSet = true
	}
	if o.locals.IsNull() {
		o.locals = frameLocals(f)
	}
	o.live = nil
}

// Lineno is f_lineno.
func (o *FrameObject) Lineno() int {
	if o.live != nil {
		return o.live.Line()
	}
	return o.lineno
}

// CodeObj is f_code.
func (o *FrameObject) CodeObj() *CodeObject { return o.code }

// Back is f_back.
func (o *FrameObject) Back() *FrameObject {
	if o.live != nil && !o.backSet {
		if o.live.back != nil {
			return o.live.back.pyFrame()
		}
		return nil
	}
	return o.back
}

// Globals is f_globals.
func (o *FrameObject) Globals() *Dict { return o.globals }

// frameLocals builds f_locals: the locals mapping for module/class code, a
// fresh dict of the bound fast locals and cells otherwise.
func frameLocals(f *Frame) Value {
	if !f.locals.IsNull() {
		return f.locals
	}
	d := NewDict()
	co := f.code
	for i, name := range co.LocalsPlus {
		if i >= len(f.slots) {
			break
		}
		v := f.slots[i]
		if co.Kinds[i]&(code.KindCell|code.KindFree) != 0 {
			if c, ok := AsCell(v); ok {
				v = c.v
			} else if co.Kinds[i]&code.KindFree != 0 {
				continue
			}
		}
		if !v.IsNull() && co.Kinds[i]&code.KindHidden == 0 {
			d.SetStr(Intern(name), v)
		}
	}
	return d.Value()
}

func initFrameType() {
	fo := func(v Value) *FrameObject { return frameObjectLayout.Must(v) }
	initBuiltinType(FrameType, TypeSpec{
		Name: "frame", Layout: frameObjectLayout.info, Final: true,
		Slots: Slots{
			Repr: func(th *Thread, v Value) (Value, error) {
				o := fo(v)
				return MakeStr(fmt.Sprintf("<frame at %#x, file '%s', line %d, code %s>", ID(v), o.code.Filename, o.Lineno(), o.code.Name)), nil
			},
		},
		Getters: []*GetSet{
			{Name: "f_code", Get: func(th *Thread, v Value) (Value, error) { return fo(v).code.Value(), nil }},
			{Name: "f_globals", Get: func(th *Thread, v Value) (Value, error) { return fo(v).globals.Value(), nil }},
			{Name: "f_builtins", Get: func(th *Thread, v Value) (Value, error) { return fo(v).builtins.Value(), nil }},
			{Name: "f_lineno", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(int64(fo(v).Lineno())), nil }},
			{Name: "f_lasti", Get: func(th *Thread, v Value) (Value, error) {
				o := fo(v)
				if o.live != nil {
					return MakeInt(int64(2 * (o.live.pc - 1))), nil
				}
				return MakeInt(-1), nil
			}},
			{Name: "f_back", Get: func(th *Thread, v Value) (Value, error) {
				if b := fo(v).Back(); b != nil {
					return b.Value(), nil
				}
				return None, nil
			}},
			{Name: "f_locals", Get: func(th *Thread, v Value) (Value, error) {
				o := fo(v)
				if o.live != nil {
					return frameLocals(o.live), nil
				}
				if o.locals.IsNull() {
					return NewDict().Value(), nil
				}
				return o.locals, nil
			}},
			{Name: "f_trace", Get: func(th *Thread, v Value) (Value, error) { return None, nil },
				Set: func(th *Thread, v Value, x Value) error { return nil }},
		},
		Methods: []*BuiltinMethod{
			{Name: "clear", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return None, nil }},
		},
	})
}

// --------------------------------------------------------- tracebacks

// Traceback is one traceback entry (tb_frame, tb_lineno, tb_lasti, tb_next).
type Traceback struct {
	Object
	next   *Traceback
	frame  *FrameObject
	lasti  int // instruction index
	lineno int
}

var tracebackLayout = NewLayout[Traceback]("traceback")

// Next is tb_next.
func (tb *Traceback) Next() *Traceback { return tb.next }

// Frame is tb_frame.
func (tb *Traceback) Frame() *FrameObject { return tb.frame }

// Lineno is tb_lineno.
func (tb *Traceback) Lineno() int { return tb.lineno }

// Lasti is the index of the instruction that was running.
func (tb *Traceback) Lasti() int { return tb.lasti }

// Position is the PEP 657 source range of the instruction.
func (tb *Traceback) Position() code.Position {
	c := tb.frame.code
	if tb.lasti >= 0 && tb.lasti < len(c.Positions) {
		return c.Positions[tb.lasti]
	}
	return code.Position{Line: int32(tb.lineno), EndLine: -1, Col: -1, EndCol: -1}
}

// addTraceback records that exc passed through f at instruction pc.
func addTraceback(exc *Exception, f *Frame, pc int) {
	tb := &Traceback{next: exc.traceback, frame: f.pyFrame(), lasti: pc, lineno: f.code.LineAt(pc)}
	tb.typ = TracebackType
	exc.traceback = tb
}

func initTracebackType() {
	tbf := func(v Value) *Traceback { return tracebackLayout.Must(v) }
	initBuiltinType(TracebackType, TypeSpec{
		Name: "traceback", Layout: tracebackLayout.info, Final: true,
		Getters: []*GetSet{
			{Name: "tb_next", Get: func(th *Thread, v Value) (Value, error) {
				if n := tbf(v).next; n != nil {
					return n.Value(), nil
				}
				return None, nil
			}, Set: func(th *Thread, v Value, x Value) error {
				if x.IsNone() {
					tbf(v).next = nil
					return nil
				}
				n, ok := tracebackLayout.Cast(x)
				if !ok {
					return Errorf(TypeError, "expected traceback object or None, got '%s'", TypeName(x))
				}
				tbf(v).next = n
				return nil
			}},
			{Name: "tb_frame", Get: func(th *Thread, v Value) (Value, error) { return tbf(v).frame.Value(), nil }},
			{Name: "tb_lineno", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(int64(tbf(v).lineno)), nil }},
			{Name: "tb_lasti", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(int64(2 * tbf(v).lasti)), nil }},
		},
	})
}
