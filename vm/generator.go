package vm

// This file implements generators, coroutines and async generators. A
// generator owns a heap Frame; resuming it runs that frame as an entry frame
// of the eval loop until YIELD_VALUE or RETURN_VALUE, so a generator costs
// no goroutine and an abandoned one is ordinary garbage.

import (
	"fmt"

	"gilpy/vm/code"
)

type genState uint8

const (
	genCreated genState = iota
	genSuspended
	genRunning
	genCompleted
)

type genKind uint8

const (
	kindGenerator genKind = iota
	kindCoroutine
	kindAsyncGen
)

// Generator is a generator, coroutine or async generator object.
type Generator struct {
	Object
	frame *Frame
	state genState
	kind  genKind
	// exc is the generator's own "handled exception" slot, linked into
	// the thread's chain while the generator runs.
	exc      excStackItem
	name     Value
	qualname Value
	// awaited is set once a coroutine is being awaited (reuse is an error).
	awaited bool
	// closedAsync: an async generator whose aclose() has finished.
	hooksInited bool
	// finalizer of an async generator (sys.set_asyncgen_hooks).
	finalizer Value
	// runningAsync is the ag_running flag of async generators.
	runningAsync bool
	// temp marks a generator a for loop got from a temporary expression
	// (`for x in gen():`): nothing else holds it, so when the loop drops
	// it early it is closed at once, as CPython's refcounting does.
	temp bool
	// origin is the frame that created a coroutine (for "never awaited"
	// warnings); unused for now.
}

var generatorLayout = NewLayout[Generator]("generator")

func newGenerator(th *Thread, f *Frame) *Generator {
	g := &Generator{frame: f, state: genCreated}
	co := f.code
	switch {
	case co.Flags&code.FlagCoroutine != 0:
		g.kind = kindCoroutine
		g.typ = CoroutineType
	case co.Flags&code.FlagAsyncGenerator != 0:
		g.kind = kindAsyncGen
		g.typ = AsyncGeneratorType
	default:
		g.kind = kindGenerator
		g.typ = GeneratorType
	}
	g.exc.value = Null
	g.name = f.fn.name
	g.qualname = f.fn.qualname
	f.gen = g
	return g
}

// AsGenerator returns v as a generator/coroutine/async generator.
func AsGenerator(v Value) (*Generator, bool) { return generatorLayout.Cast(v) }

func (g *Generator) suspend() { g.state = genSuspended }
func (g *Generator) finish()  { g.state = genCompleted }

// IsCoroutine reports whether g is a coroutine object.
func (g *Generator) IsCoroutine() bool { return g.kind == kindCoroutine }

// Done reports whether the generator finished.
func (g *Generator) Done() bool { return g.state == genCompleted }

// Running reports whether the generator is executing.
func (g *Generator) Running() bool { return g.state == genRunning }

// Frame is the generator's frame (nil once finished).
func (g *Generator) Frame() *Frame {
	if g.state == genCompleted {
		return nil
	}
	return g.frame
}

func (g *Generator) kindName() string {
	switch g.kind {
	case kindCoroutine:
		return "coroutine"
	case kindAsyncGen:
		return "async generator"
	}
	return "generator"
}

// resume runs the generator with a sent value or a thrown exception. It
// returns the yielded value (done=false) or the returned value (done=true).
func (g *Generator) resume(th *Thread, v Value, throw error) (result Value, done bool, err error) {
	switch g.state {
	case genRunning:
		return Null, false, Errorf(ValueError, "%s already executing", g.kindName())
	case genCompleted:
		if throw != nil {
			return Null, false, throw
		}
		if g.kind == kindCoroutine {
			return Null, false, Errorf(RuntimeError, "cannot reuse already awaited coroutine")
		}
		if g.kind == kindAsyncGen {
			return Null, true, nil
		}
		return Null, true, nil
	case genCreated:
		if throw == nil && !v.IsNone() {
			return Null, false, Errorf(TypeError, "can't send non-None value to a just-started %s", g.kindName())
		}
	}
	f := g.frame
	if g.state != genCreated && throw == nil {
		// The sent value is the result of the yield expression.
		f.slots[f.sp] = v
		f.sp++
	}
	g.state = genRunning
	g.exc.prev = th.excInfo
	th.excInfo = &g.exc
	result, err = th.runWith(f, throw)
	th.excInfo = g.exc.prev
	g.exc.prev = nil
	if err != nil {
		g.state = genCompleted
		g.frame = nil
		exc := AsException(err)
		// PEP 479: StopIteration escaping a generator is a RuntimeError.
		if exc.Matches(StopIteration) {
			e := Errorf(RuntimeError, "%s raised StopIteration", g.kindName())
			e.cause = exc.Value()
			e.suppressContext = true
			e.context = exc.Value()
			return Null, false, e
		}
		if g.kind == kindAsyncGen && exc.Matches(StopAsyncIteration) && throw != exc {
			e := Errorf(RuntimeError, "async generator raised StopAsyncIteration")
			e.cause = exc.Value()
			e.suppressContext = true
			e.context = exc.Value()
			return Null, false, e
		}
		return Null, false, err
	}
	if g.state == genCompleted {
		g.frame = nil
		return result, true, nil
	}
	return result, false, nil
}

// Send is gen.send(v): the yielded value, or (done=true) the return value.
func (g *Generator) Send(th *Thread, v Value) (Value, bool, error) {
	return g.resume(th, v, nil)
}

// delegate returns the sub-iterator a suspended generator is awaiting in a
// `yield from` / `await` loop, or Null.
func (g *Generator) delegate() Value {
	f := g.frame
	if g.state != genSuspended || f == nil || f.pc >= len(f.code.Instrs) {
		return Null
	}
	next := f.code.Instrs[f.pc]
	if next.Op() != code.RESUME || next.Arg() < 2 {
		return Null
	}
	return f.slots[f.sp-1]
}

// Throw is gen.throw(exc): raise exc at the suspension point (delegating to
// the sub-iterator of a yield from/await first, as _gen_throw does).
func (g *Generator) Throw(th *Thread, exc *Exception) (Value, bool, error) {
	return g.throw(th, thrown{exc: exc})
}

// thrown is what is being thrown into a generator: an exception already
// made (by Go callers), or gen.throw()'s arguments as given, which are
// turned into an exception only where CPython does (throw_here), so that
// a delegate's own throw() method receives them unchanged.
type thrown struct {
	exc  *Exception
	args []Value // typ[, val[, tb]]
}

func (t thrown) exception(th *Thread) (*Exception, error) {
	if t.exc != nil {
		return t.exc, nil
	}
	return throwArgs(th, t.args)
}

// matches is PyErr_GivenExceptionMatches on the thrown type or instance.
func (t thrown) matches(typ *Type) bool {
	if t.exc != nil {
		return t.exc.Matches(typ)
	}
	v := t.args[0]
	if ty, ok := AsType(v); ok {
		return ty.IsSubtype(typ)
	}
	return v.Type().IsSubtype(typ)
}

// callArgs are the arguments for a delegate's throw() method.
func (t thrown) callArgs() []Value {
	if t.exc != nil {
		return []Value{t.exc.typ.Value(), t.exc.Value(), tracebackValue(t.exc)}
	}
	return t.args
}

func (g *Generator) throw(th *Thread, t thrown) (Value, bool, error) {
	if yf := g.delegate(); !yf.IsNull() {
		var r Value
		var done bool
		var err error
		g.state = genRunning
		if t.matches(GeneratorExit) {
			err = closeIter(th, yf)
			g.state = genSuspended
			if err == nil {
				return g.throwThrown(th, t)
			}
		} else if sub, ok := AsGenerator(yf); ok {
			r, done, err = sub.throw(th, t)
			g.state = genSuspended
			if err == nil && !done {
				return r, false, nil
			}
			if err == nil && done {
				return g.finishDelegation(th, r, nil)
			}
		} else {
			meth, lerr := LookupAttr(th, yf, "throw")
			if lerr != nil {
				g.state = genSuspended
				return g.throwHere(th, AsException(lerr))
			}
			if meth.IsNull() {
				g.state = genSuspended
				return g.throwThrown(th, t)
			}
			r, err = Call(th, meth, t.callArgs(), nil)
			g.state = genSuspended
			if err == nil {
				return r, false, nil
			}
		}
		// The sub-iterator finished by raising: StopIteration carries its
		// result; anything else is thrown into this generator.
		e := AsException(err)
		if e.Matches(StopIteration) {
			return g.finishDelegation(th, StopIterationValue(e), nil)
		}
		return g.finishDelegation(th, Null, e)
	}
	return g.throwThrown(th, t)
}

// throwThrown is throw_here for t: arguments that make no exception are a
// TypeError for the caller, and the generator is left as it was.
func (g *Generator) throwThrown(th *Thread, t thrown) (Value, bool, error) {
	exc, err := t.exception(th)
	if err != nil {
		return Null, false, err
	}
	return g.throwHere(th, exc)
}

// finishDelegation leaves the await/yield-from loop: pop the sub-iterator,
// jump to the end of the loop (the SEND's target), then resume with the
// sub-iterator's result or its exception.
func (g *Generator) finishDelegation(th *Thread, v Value, exc *Exception) (Value, bool, error) {
	f := g.frame
	f.sp--
	f.slots[f.sp] = Null
	send := f.code.Instrs[f.pc-2]
	f.pc = send.Arg()
	if exc != nil {
		return g.resume(th, None, exc)
	}
	f.slots[f.sp] = v
	f.sp++
	g.state = genRunning
	g.exc.prev = th.excInfo
	th.excInfo = &g.exc
	result, err := th.runWith(f, nil)
	th.excInfo = g.exc.prev
	g.exc.prev = nil
	if err != nil {
		g.state = genCompleted
		g.frame = nil
		return Null, false, err
	}
	if g.state == genCompleted {
		g.frame = nil
		return result, true, nil
	}
	return result, false, nil
}

func (g *Generator) throwHere(th *Thread, exc *Exception) (Value, bool, error) {
	if g.state == genCreated {
		// Never started: the exception is raised at the frame's first
		// instruction, and the traceback shows the frame at its def line
		// (a task cancelled before it ran shows its coroutine).
		f := g.frame
		tb := &Traceback{next: exc.traceback, frame: f.pyFrame(), lasti: -1, lineno: f.code.LineAt(0)}
		tb.typ = TracebackType
		exc.traceback = tb
		g.state = genCompleted
		g.frame = nil
		return Null, false, exc
	}
	return g.resume(th, None, exc)
}

func tracebackValue(e *Exception) Value {
	if e.traceback != nil {
		return e.traceback.Value()
	}
	return None
}

// Close is gen.close().
func (g *Generator) Close(th *Thread) error {
	if g.state == genCompleted {
		return nil
	}
	if g.state == genCreated {
		g.state = genCompleted
		g.frame = nil
		return nil
	}
	_, done, err := g.Throw(th, NewException(GeneratorExit))
	if err != nil {
		e := AsException(err)
		if e.Matches(GeneratorExit) || e.Matches(StopIteration) {
			return nil
		}
		return err
	}
	if !done {
		if g.kind == kindAsyncGen {
			return Errorf(RuntimeError, "async generator ignored GeneratorExit")
		}
		return Errorf(RuntimeError, "generator ignored GeneratorExit")
	}
	return nil
}

// closeIter calls close() on a delegated iterator if it has one.
func closeIter(th *Thread, it Value) error {
	if g, ok := AsGenerator(it); ok {
		return g.Close(th)
	}
	m, err := LookupAttr(th, it, "close")
	if err != nil || m.IsNull() {
		return err
	}
	_, err = Call(th, m, nil, nil)
	return err
}

// CloseIterator closes a generator-like iterator (for loops that exit
// early over temporaries; see DESIGN §3 on finalization).
func CloseIterator(th *Thread, it Value) error { return closeIter(th, it) }

// sendTo is SEND: deliver v to the receiver of a yield from / await loop.
func sendTo(th *Thread, recv, v Value) (Value, bool, error) {
	if g, ok := AsGenerator(recv); ok {
		return g.resume(th, v, nil)
	}
	var r Value
	var err error
	if next := recv.Type().Next; v.IsNone() && next != nil {
		// The slot itself, not Next(): an iterator implemented in Go (an
		// asyncio future, an async generator's asend) ends by returning
		// StopIteration carrying the await's result, which Next() drops.
		r, err = next(th, recv)
		if err == nil && r.IsNull() {
			return None, true, nil
		}
	} else {
		r, err = CallMethod(th, recv, "send", v)
	}
	if err != nil {
		e := AsException(err)
		if e.Matches(StopIteration) {
			return StopIterationValue(e), true, nil
		}
		return Null, false, err
	}
	return r, false, nil
}

func getYieldFromIter(th *Thread, co *CodeObject, v Value) (Value, error) {
	if g, ok := AsGenerator(v); ok {
		if g.kind == kindCoroutine && co.Flags&(code.FlagCoroutine|code.FlagIterableCoroutine) == 0 {
			return Null, Errorf(TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator")
		}
		return v, nil
	}
	return Iter(th, v)
}

// getAwaitable is GET_AWAITABLE: the iterator an `await` drives.
func getAwaitable(th *Thread, v Value, where int) (Value, error) {
	if g, ok := AsGenerator(v); ok && g.kind == kindCoroutine {
		if g.delegate().IsNull() && g.state == genSuspended && g.awaited {
			// fine: resuming is checked elsewhere
		}
		if g.state == genRunning || (g.state == genSuspended && !g.delegate().IsNull() && false) {
			return Null, Errorf(RuntimeError, "coroutine is being awaited already")
		}
		g.awaited = true
		return v, nil
	}
	f := v.Type().Lookup(dunderAwait)
	if f.IsNull() {
		switch where {
		case 1:
			return Null, Errorf(TypeError, "'async with' received an object from __aenter__ that does not implement __await__: %s", TypeName(v))
		case 2:
			return Null, Errorf(TypeError, "'async with' received an object from __aexit__ that does not implement __await__: %s", TypeName(v))
		}
		return Null, Errorf(TypeError, "object %s can't be used in 'await' expression", TypeName(v))
	}
	it, err := callDescr(th, f, v, nil, nil)
	if err != nil {
		return Null, err
	}
	if g, ok := AsGenerator(it); ok && g.kind == kindCoroutine {
		return Null, Errorf(TypeError, "__await__() returned a coroutine")
	}
	if it.Type().Next == nil {
		return Null, Errorf(TypeError, "__await__() returned non-iterator of type '%s'", TypeName(it))
	}
	return it, nil
}

func getAIter(th *Thread, v Value) (Value, error) {
	f := v.Type().Lookup(dunderAiter)
	if f.IsNull() {
		return Null, Errorf(TypeError, "'async for' requires an object with __aiter__ method, got %s", TypeName(v))
	}
	it, err := callDescr(th, f, v, nil, nil)
	if err != nil {
		return Null, err
	}
	if it.Type().Lookup(dunderAnext).IsNull() {
		return Null, Errorf(TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s", TypeName(it))
	}
	return it, nil
}

func getANext(th *Thread, it Value) (Value, error) {
	f := it.Type().Lookup(dunderAnext)
	if f.IsNull() {
		return Null, Errorf(TypeError, "'async for' requires an iterator with __anext__ method, got %s", TypeName(it))
	}
	aw, err := callDescr(th, f, it, nil, nil)
	if err != nil {
		return Null, err
	}
	r, err := getAwaitable(th, aw, 0)
	if err != nil {
		if AsException(err).Matches(TypeError) {
			return Null, Errorf(TypeError, "'async for' received an invalid object from __anext__: %s", TypeName(aw))
		}
		return Null, err
	}
	return r, nil
}

func beforeAsyncWith(th *Thread, mgr Value) (Value, Value, error) {
	t := mgr.Type()
	enter := t.Lookup(dunderAenter)
	exit := t.Lookup(dunderAexit)
	if enter.IsNull() || exit.IsNull() {
		if enter.IsNull() && exit.IsNull() {
			return Null, Null, Errorf(TypeError, "'%s' object does not support the asynchronous context manager protocol", t.FullName())
		}
		if enter.IsNull() {
			return Null, Null, Errorf(TypeError, "'%s' object does not support the asynchronous context manager protocol (missed __aenter__ method)", t.FullName())
		}
		return Null, Null, Errorf(TypeError, "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)", t.FullName())
	}
	boundExit, err := bindDescr(th, exit, mgr, t)
	if err != nil {
		return Null, Null, err
	}
	res, err := callDescr(th, enter, mgr, nil, nil)
	if err != nil {
		return Null, Null, err
	}
	return boundExit, res, nil
}

// asyncGenWrapped marks a value yielded by an async generator (as opposed
// to a value its awaits pass up to the event loop).
type asyncGenWrapped struct {
	Object
	v Value
}

var asyncGenWrappedLayout = NewLayout[asyncGenWrapped]("async_generator_wrapped_value")

func wrapAsyncGenValue(v Value) Value {
	w := &asyncGenWrapped{v: v}
	w.typ = AsyncGenWrappedType
	return w.Value()
}

// ---------------------------------------------------------------- types

func genRepr(th *Thread, v Value) (Value, error) {
	g := generatorLayout.Must(v)
	name := "?"
	if s, ok := AsStr(g.qualname); ok {
		name = s.s
	}
	kind := "generator"
	switch g.kind {
	case kindCoroutine:
		kind = "coroutine"
	case kindAsyncGen:
		kind = "async_generator"
	}
	return MakeStr(fmt.Sprintf("<%s object %s at %#x>", kind, name, ID(v))), nil
}

func genNext(th *Thread, v Value) (Value, error) {
	g := generatorLayout.Must(v)
	r, done, err := g.resume(th, None, nil)
	if err != nil {
		return Null, err
	}
	if done {
		if !r.IsNone() && !r.IsNull() {
			// A return value travels in StopIteration for next() callers.
			return Null, NewStopIteration(r)
		}
		return Null, nil
	}
	return r, nil
}

func genSendMethod(th *Thread, args []Value, kw []Value) (Value, error) {
	if len(args) != 2 {
		return Null, Errorf(TypeError, "send() takes exactly one argument (%d given)", len(args)-1)
	}
	g := generatorLayout.Must(args[0])
	r, done, err := g.resume(th, args[1], nil)
	if err != nil {
		return Null, err
	}
	if done {
		return Null, NewStopIteration(r)
	}
	return r, nil
}

// throwArgs builds the exception for throw(type[, value[, tb]]).
func throwArgs(th *Thread, args []Value) (*Exception, error) {
	if len(args) < 1 || len(args) > 3 {
		return nil, Errorf(TypeError, "throw expected at least 1 argument, got %d", len(args))
	}
	typ := args[0]
	var val Value = None
	if len(args) > 1 {
		val = args[1]
	}
	var exc *Exception
	if t, ok := AsType(typ); ok && t.flags&flagIsException != 0 {
		if e, ok := AsExceptionValue(val); ok && e.typ.IsSubtype(t) {
			exc = e
		} else {
			var cargs []Value
			if !val.IsNone() {
				if tup, ok := AsTuple(val); ok {
					cargs = tup.items
				} else {
					cargs = []Value{val}
				}
			}
			v, err := Call(th, typ, cargs, nil)
			if err != nil {
				return nil, err
			}
			e, ok := AsExceptionValue(v)
			if !ok {
				return nil, Errorf(TypeError, "calling %s should have returned an instance of BaseException, not %s", typeReprString(t), TypeName(v))
			}
			exc = e
		}
	} else if e, ok := AsExceptionValue(typ); ok {
		if !val.IsNone() {
			return nil, Errorf(TypeError, "instance exception may not have a separate value")
		}
		exc = e
	} else {
		return nil, Errorf(TypeError, "exceptions must be classes or instances deriving from BaseException, not %s", TypeName(typ))
	}
	if len(args) == 3 && !args[2].IsNone() {
		tb, ok := tracebackLayout.Cast(args[2])
		if !ok {
			return nil, Errorf(TypeError, "throw() third argument must be a traceback object")
		}
		exc.traceback = tb
	}
	return exc, nil
}

func genThrowMethod(th *Thread, args []Value, kw []Value) (Value, error) {
	g := generatorLayout.Must(args[0])
	if err := ArgCount("throw", args[1:], 1, 3); err != nil {
		return Null, err
	}
	r, done, err := g.throw(th, thrown{args: args[1:]})
	if err != nil {
		return Null, err
	}
	if done {
		return Null, NewStopIteration(r)
	}
	return r, nil
}

func genCloseMethod(th *Thread, args []Value, kw []Value) (Value, error) {
	return None, generatorLayout.Must(args[0]).Close(th)
}

func genGetters(kind string) []*GetSet {
	gv := func(v Value) *Generator { return generatorLayout.Must(v) }
	prefix := map[string]string{"generator": "gi", "coroutine": "cr", "async_generator": "ag"}[kind]
	return []*GetSet{
		{Name: "__name__", Get: func(th *Thread, v Value) (Value, error) { return gv(v).name, nil },
			Set: func(th *Thread, v Value, x Value) error { gv(v).name = x; return nil }},
		{Name: "__qualname__", Get: func(th *Thread, v Value) (Value, error) { return gv(v).qualname, nil },
			Set: func(th *Thread, v Value, x Value) error { gv(v).qualname = x; return nil }},
		{Name: prefix + "_frame", Get: func(th *Thread, v Value) (Value, error) {
			g := gv(v)
			if g.state == genCompleted || g.frame == nil {
				return None, nil
			}
			return g.frame.pyFrame().Value(), nil
		}},
		{Name: prefix + "_running", Get: func(th *Thread, v Value) (Value, error) { return MakeBool(gv(v).state == genRunning), nil }},
		{Name: prefix + "_suspended", Get: func(th *Thread, v Value) (Value, error) { return MakeBool(gv(v).state == genSuspended), nil }},
		{Name: prefix + "_code", Get: func(th *Thread, v Value) (Value, error) {
			g := gv(v)
			if g.frame != nil {
				return g.frame.code.Value(), nil
			}
			return None, nil
		}},
		{Name: prefix + "_await", Get: func(th *Thread, v Value) (Value, error) {
			if d := gv(v).delegate(); !d.IsNull() {
				return d, nil
			}
			return None, nil
		}},
		{Name: "gi_yieldfrom", Get: func(th *Thread, v Value) (Value, error) {
			if d := gv(v).delegate(); !d.IsNull() {
				return d, nil
			}
			return None, nil
		}},
	}
}

func initGeneratorTypes() {
	initBuiltinType(GeneratorType, TypeSpec{
		Name: "generator", Layout: generatorLayout.info, Final: true,
		Slots: Slots{
			Repr: genRepr,
			Iter: func(th *Thread, v Value) (Value, error) { return v, nil },
			Next: genNext,
		},
		Methods: []*BuiltinMethod{
			{Name: "send", Fn: genSendMethod},
			{Name: "throw", Fn: genThrowMethod},
			{Name: "close", Fn: genCloseMethod},
		},
		Getters: genGetters("generator"),
	})
	initBuiltinType(CoroutineType, TypeSpec{
		Name: "coroutine", Layout: generatorLayout.info, Final: true,
		Slots: Slots{Repr: genRepr},
		Methods: []*BuiltinMethod{
			{Name: "send", Fn: genSendMethod},
			{Name: "throw", Fn: genThrowMethod},
			{Name: "close", Fn: genCloseMethod},
			{Name: "__await__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				w := &coroWrapper{coro: args[0]}
				w.typ = CoroutineWrapperType
				return w.Value(), nil
			}},
		},
		Getters: genGetters("coroutine"),
	})
	initBuiltinType(CoroutineWrapperType, TypeSpec{
		Name: "coroutine_wrapper", Layout: coroWrapperLayout.info, Final: true,
		Slots: Slots{
			Iter: func(th *Thread, v Value) (Value, error) { return v, nil },
			Next: func(th *Thread, v Value) (Value, error) {
				return genNext(th, coroWrapperLayout.Must(v).coro)
			},
		},
		Methods: []*BuiltinMethod{
			{Name: "send", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return genSendMethod(th, append([]Value{coroWrapperLayout.Must(args[0]).coro}, args[1:]...), kw)
			}},
			{Name: "throw", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return genThrowMethod(th, append([]Value{coroWrapperLayout.Must(args[0]).coro}, args[1:]...), kw)
			}},
			{Name: "close", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return genCloseMethod(th, []Value{coroWrapperLayout.Must(args[0]).coro}, kw)
			}},
		},
	})
	initBuiltinType(AsyncGenWrappedType, TypeSpec{Name: "async_generator_wrapped_value", Layout: asyncGenWrappedLayout.info, Final: true})
	initAsyncGenType()
}

type coroWrapper struct {
	Object
	coro Value
}

var coroWrapperLayout = NewLayout[coroWrapper]("coroutine_wrapper")

// discardIterator is called when a for loop drops its iterator early
// (break, return, an exception unwinding past the loop): a temporary
// generator is closed now, and an error from its cleanup is reported as
// unraisable, as CPython's finalizer does.
func (th *Thread) discardIterator(it Value) {
	g, ok := generatorLayout.Cast(it)
	if !ok || !g.temp || g.state != genSuspended {
		return
	}
	g.temp = false
	if g.kind == kindAsyncGen && !g.finalizer.IsNull() && !g.finalizer.IsNone() {
		// An async generator cannot be closed synchronously: hand it to
		// the finalizer hook (asyncio schedules aclose() on its loop), as
		// CPython does when the generator's last reference goes.
		if _, err := Call(th, g.finalizer, []Value{it}, nil); err != nil {
			th.WriteUnraisable(AsException(err), "Exception ignored in: ", it)
		}
		return
	}
	if err := g.Close(th); err != nil {
		th.WriteUnraisable(AsException(err), "Exception ignored in: ", it)
	}
}
