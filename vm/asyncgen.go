package vm

// This file implements the awaitables of async generators: __anext__() and
// asend() return an asyncGenSend, athrow() and aclose() an asyncGenThrow.
// Driving one resumes the generator; a value the generator yields (wrapped
// by ASYNC_GEN_WRAP) ends the await with StopIteration(value), while any
// other value is something an inner `await` passes up to the event loop.

// asyncGenSend is the awaitable of __anext__/asend.
type asyncGenSend struct {
	Object
	gen   *Generator
	value Value
	// state: 0 not started, 1 running, 2 done
	state int
	// throwMode: athrow/aclose
	throwMode bool
	exc       *Exception
	closing   bool
}

var asyncGenSendLayout = NewLayout[asyncGenSend]("async_generator_asend")

func newAsyncGenSend(g *Generator, v Value) Value {
	a := &asyncGenSend{gen: g, value: v}
	a.typ = AsyncGenASendType
	return a.Value()
}

func newAsyncGenThrow(g *Generator, exc *Exception, closing bool) Value {
	a := &asyncGenSend{gen: g, throwMode: true, exc: exc, closing: closing}
	a.typ = AsyncGenAThrowType
	return a.Value()
}

// unwrap turns one step of the generator into the awaitable's result:
// a wrapped value ends the await (StopIteration), anything else is passed
// up to whoever drives the await.
func (a *asyncGenSend) unwrap(th *Thread, r Value, done bool, err error) (Value, error) {
	g := a.gen
	if err != nil {
		a.state = 2
		g.runningAsync = false
		e := AsException(err)
		if a.closing && (e.Matches(StopAsyncIteration) || e.Matches(GeneratorExit)) {
			return Null, NewException(StopIteration)
		}
		return Null, err
	}
	if done {
		a.state = 2
		g.runningAsync = false
		if a.closing {
			return Null, NewException(StopIteration)
		}
		return Null, NewException(StopAsyncIteration)
	}
	if w, ok := asyncGenWrappedLayout.Cast(r); ok {
		a.state = 2
		g.runningAsync = false
		if a.closing {
			return Null, Errorf(RuntimeError, "async generator ignored GeneratorExit")
		}
		return Null, NewStopIteration(w.v)
	}
	return r, nil
}

func (a *asyncGenSend) send(th *Thread, v Value) (Value, error) {
	if a.state == 2 {
		return Null, Errorf(RuntimeError, "cannot reuse already awaited __anext__()/asend()")
	}
	g := a.gen
	if a.state == 0 {
		if g.runningAsync {
			return Null, Errorf(RuntimeError, "anext(): asynchronous generator is already running")
		}
		a.state = 1
		g.runningAsync = true
		if a.throwMode {
			if g.state == genCompleted || g.state == genCreated {
				a.state = 2
				g.runningAsync = false
				if g.state == genCreated {
					g.state = genCompleted
					g.frame = nil
				}
				if a.closing {
					return Null, NewException(StopIteration)
				}
				return Null, a.exc
			}
			r, done, err := g.Throw(th, a.exc)
			return a.unwrap(th, r, done, err)
		}
		if v.IsNone() {
			v = a.value
		}
	}
	r, done, err := g.resume(th, v, nil)
	return a.unwrap(th, r, done, err)
}

func (a *asyncGenSend) throw(th *Thread, exc *Exception) (Value, error) {
	if a.state == 2 {
		return Null, Errorf(RuntimeError, "cannot reuse already awaited __anext__()/asend()")
	}
	g := a.gen
	if a.state == 0 {
		a.state = 1
		g.runningAsync = true
	}
	r, done, err := g.Throw(th, exc)
	return a.unwrap(th, r, done, err)
}

func initAsyncGenType() {
	ag := func(v Value) *Generator { return generatorLayout.Must(v) }
	initBuiltinType(AsyncGeneratorType, TypeSpec{
		Name: "async_generator", Layout: generatorLayout.info, Final: true,
		Slots: Slots{Repr: genRepr},
		Methods: []*BuiltinMethod{
			{Name: "__aiter__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return args[0], nil }},
			{Name: "__anext__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				g := ag(args[0])
				if err := th.initAsyncGenHooks(g); err != nil {
					return Null, err
				}
				return newAsyncGenSend(g, None), nil
			}},
			{Name: "asend", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				if len(args) != 2 {
					return Null, Errorf(TypeError, "asend() takes exactly one argument")
				}
				g := ag(args[0])
				if err := th.initAsyncGenHooks(g); err != nil {
					return Null, err
				}
				return newAsyncGenSend(g, args[1]), nil
			}},
			{Name: "athrow", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				g := ag(args[0])
				exc, err := throwArgs(th, args[1:])
				if err != nil {
					return Null, err
				}
				if err := th.initAsyncGenHooks(g); err != nil {
					return Null, err
				}
				return newAsyncGenThrow(g, exc, false), nil
			}},
			{Name: "aclose", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				g := ag(args[0])
				if err := th.initAsyncGenHooks(g); err != nil {
					return Null, err
				}
				return newAsyncGenThrow(g, NewException(GeneratorExit), true), nil
			}},
		},
		Getters: genGetters("async_generator"),
	})
	asend := func(v Value) *asyncGenSend { return asyncGenSendLayout.Must(v) }
	methods := []*BuiltinMethod{
		{Name: "send", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) != 2 {
				return Null, Errorf(TypeError, "send() takes exactly one argument")
			}
			return asend(args[0]).send(th, args[1])
		}},
		{Name: "throw", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			exc, err := throwArgs(th, args[1:])
			if err != nil {
				return Null, err
			}
			return asend(args[0]).throw(th, exc)
		}},
		{Name: "close", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			asend(args[0]).state = 2
			return None, nil
		}},
		{Name: "__await__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return args[0], nil }},
	}
	slots := Slots{
		Iter: func(th *Thread, v Value) (Value, error) { return v, nil },
		Next: func(th *Thread, v Value) (Value, error) {
			r, err := asend(v).send(th, None)
			if err != nil {
				if e := AsException(err); e.typ == StopIteration && (e.args == nil || len(e.args.items) == 0) {
					return Null, nil
				}
			}
			return r, err
		},
	}
	initBuiltinType(AsyncGenASendType, TypeSpec{Name: "async_generator_asend", Layout: asyncGenSendLayout.info, Final: true, Slots: slots, Methods: methods})
	initBuiltinType(AsyncGenAThrowType, TypeSpec{Name: "async_generator_athrow", Layout: asyncGenSendLayout.info, Final: true, Slots: slots, Methods: methods})
}

// initAsyncGenHooks calls the firstiter hook (sys.set_asyncgen_hooks) the
// first time an async generator is iterated, as asyncio relies on.
func (th *Thread) initAsyncGenHooks(g *Generator) error {
	if g.hooksInited {
		return nil
	}
	g.hooksInited = true
	hooks := th.AsyncGenHooks()
	g.finalizer = hooks.Finalizer
	if !hooks.FirstIter.IsNull() && !hooks.FirstIter.IsNone() {
		if _, err := Call(th, hooks.FirstIter, []Value{g.Value()}, nil); err != nil {
			return err
		}
	}
	return nil
}

// AsyncGenHooks are sys.set_asyncgen_hooks's per-thread hooks.
type AsyncGenHooks struct {
	FirstIter, Finalizer Value
}

// AsyncGenHooks returns the thread's hooks.
func (th *Thread) AsyncGenHooks() AsyncGenHooks {
	if h, ok := th.Data["asyncgen_hooks"].(AsyncGenHooks); ok {
		return h
	}
	return AsyncGenHooks{FirstIter: None, Finalizer: None}
}

// SetAsyncGenHooks replaces the thread's hooks.
func (th *Thread) SetAsyncGenHooks(h AsyncGenHooks) {
	if th.Data == nil {
		th.Data = map[string]any{}
	}
	th.Data["asyncgen_hooks"] = h
}

// anextAwaitable is anext(aiterator, default): awaiting it gives the next
// item, or default when the iterator is exhausted.
type anextAwaitable struct {
	Object
	wrapped, def, it Value
}

var anextAwaitableLayout = NewLayout[anextAwaitable]("anext_awaitable")

var anextAwaitableType = &Type{}

// AnextWithDefault wraps the awaitable of __anext__ with a default.
func AnextWithDefault(th *Thread, aw, def Value) (Value, error) {
	if anextAwaitableType.typ == nil {
		step := func(th *Thread, self Value, f func(it Value) (Value, error)) (Value, error) {
			a := anextAwaitableLayout.Must(self)
			if a.it.IsNull() {
				it, err := getAwaitable(th, a.wrapped, 0)
				if err != nil {
					return Null, err
				}
				a.it = it
			}
			r, err := f(a.it)
			if err != nil && AsException(err).Matches(StopAsyncIteration) {
				return Null, NewStopIteration(a.def)
			}
			return r, err
		}
		initBuiltinType(anextAwaitableType, TypeSpec{
			Name: "anext_awaitable", Layout: anextAwaitableLayout.info, Final: true,
			Slots: Slots{
				Iter: func(th *Thread, v Value) (Value, error) { return v, nil },
				Next: func(th *Thread, v Value) (Value, error) {
					r, err := step(th, v, func(it Value) (Value, error) {
						x, done, err := sendTo(th, it, None)
						if err == nil && done {
							return Null, NewStopIteration(x)
						}
						return x, err
					})
					if err != nil {
						if e := AsException(err); e.typ == StopIteration {
							return Null, err
						}
					}
					return r, err
				},
			},
			Methods: []*BuiltinMethod{
				{Name: "__await__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return args[0], nil }},
				{Name: "send", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
					return step(th, args[0], func(it Value) (Value, error) {
						x, done, err := sendTo(th, it, args[1])
						if err == nil && done {
							return Null, NewStopIteration(x)
						}
						return x, err
					})
				}},
				{Name: "throw", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
					return step(th, args[0], func(it Value) (Value, error) { return CallMethodKw(th, it, "throw", args[1:], nil) })
				}},
			},
		})
	}
	a := &anextAwaitable{wrapped: aw, def: def, it: Null}
	a.typ = anextAwaitableType
	return a.Value(), nil
}
