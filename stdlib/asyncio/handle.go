package asyncio

// Handles are the entries of the ready queue and the timer heap:
// asyncio.Handle and asyncio.TimerHandle. A task's step and its wake-up
// are handles too; they call into the task directly rather than through
// a Python callable, and build that callable only if Python asks for it.

import (
	"fmt"
	"strings"

	"gilpy/stdlib/contextvars"
	"gilpy/vm"
)

// Handle kinds.
const (
	hCall       uint8 = iota // cb(*args) in ctx
	hTaskStep                // task.__step(arg) (arg Null: send None)
	hTaskWakeup              // task.__wakeup(arg)
)

// Handle is asyncio.Handle or asyncio.TimerHandle.
type Handle struct {
	vm.Object
	loop *Loop
	kind uint8
	cb   vm.Value
	args []vm.Value
	ctx  *contextvars.Context // nil: the caller's current context
	task *Future
	arg  vm.Value

	cancelled bool
	queued    bool // a task's reusable handle waits in the ready queue
	// Timer fields.
	timer     bool
	scheduled bool
	when      float64
	seq       uint64
	idx       int
}

var handleLayout = vm.NewLayout[Handle]("Handle")

// HandleType and TimerHandleType are asyncio.events.Handle/TimerHandle.
var HandleType, TimerHandleType *vm.Type

func newHandle(l *Loop, cb vm.Value, args []vm.Value, ctx vm.Value) *Handle {
	return newHandleOf(HandleType, l, cb, args, ctx)
}

func newHandleOf(t *vm.Type, l *Loop, cb vm.Value, args []vm.Value, ctx vm.Value) *Handle {
	h := handleLayout.New(t)
	h.loop = l
	h.cb = cb
	if len(args) > 0 {
		h.args = append([]vm.Value(nil), args...)
	}
	if c, ok := contextvars.AsContext(ctx); ok {
		h.ctx = c
	}
	h.arg = vm.Null
	h.idx = -1
	return h
}

// taskHandle returns a handle that runs a step (or the wake-up) of task
// t. A task has at most one such handle in the ready queue at a time, and
// Python never sees it, so the task keeps one and reuses it: a million
// task steps do not allocate a million handles.
func taskHandle(l *Loop, kind uint8, t *Future, arg vm.Value) *Handle {
	h := t.stepH
	if h == nil || h.queued || h.loop != l {
		h = handleLayout.New(HandleType)
		h.idx = -1
		t.stepH = h
	}
	h.loop = l
	h.kind = kind
	h.task = t
	h.ctx = t.ctx
	h.arg = arg
	h.cancelled = false
	h.queued = true
	return h
}

func (h *Handle) cancel() {
	if h.cancelled {
		return
	}
	if h.timer && h.loop != nil {
		h.loop.timerCancelledHook(h)
	}
	h.cancelled = true
	// As CPython does outside debug mode, forget the callback so that
	// what it references can be collected (and the repr omits it).
	h.cb = vm.Null
	h.args = nil
	if h.kind != hCall {
		h.kind = hCall
		h.task = nil
		h.arg = vm.Null
	}
}

// run executes the handle. Only SystemExit and KeyboardInterrupt
// propagate; other exceptions go to the loop's exception handler (L4).
func (h *Handle) run(th *vm.Thread) error {
	if h.kind != hCall {
		// A task's handle is reused as soon as it left the queue (the step
		// may schedule the next one), so read it before running.
		kind, task, arg, ctx := h.kind, h.task, h.arg, h.ctx
		h.queued = false
		if ctx != nil {
			if err := ctx.Enter(th); err != nil {
				return h.loop.reportError(th, "Exception in callback "+formatCallbackSource(th, h.callback(), h.callArgs()), vm.AsException(err), "handle", h.Value())
			}
		}
		var err error
		if kind == hTaskStep {
			err = task.taskStep(th, arg)
		} else {
			err = task.taskWakeup(th, arg)
		}
		if ctx != nil {
			ctx.Exit(th)
		}
		return err
	}
	var err error
	if h.ctx != nil {
		_, err = h.ctx.Run(th, h.cb, h.args, nil)
	} else {
		_, err = vm.Call(th, h.cb, h.args, nil)
	}
	if err == nil {
		return nil
	}
	exc := vm.AsException(err)
	if exc.Matches(vm.SystemExit) || exc.Matches(vm.KeyboardInterrupt) {
		return err
	}
	msg := "Exception in callback " + formatCallbackSource(th, h.cb, h.args)
	return h.loop.reportError(th, msg, throughRun(th, exc), "handle", h.Value())
}

// throughRun re-raises exc inside asyncio.events._run, whose frame CPython's
// tracebacks of failing callbacks start with (Handle._run is Python there).
func throughRun(th *vm.Thread, exc *vm.Exception) *vm.Exception {
	m, ok := th.Interp.Modules.GetString("asyncio.events")
	if !ok {
		return exc
	}
	mod, ok := vm.AsModule(m)
	if !ok {
		return exc
	}
	run, ok := mod.Get("_run")
	if !ok {
		return exc
	}
	r := rethrowLayout.New(rethrowType)
	r.exc = exc
	_, err := vm.Call(th, run, []vm.Value{r.Value()}, nil)
	if e, ok := err.(*vm.Exception); ok && e == exc {
		return e
	}
	return exc
}

// rethrow stands in for a failed Handle in events._run: its _context.run()
// raises the callback's exception again.
type rethrow struct {
	vm.Object
	exc *vm.Exception
}

var (
	rethrowLayout = vm.NewLayout[rethrow]("_asyncio._Rethrow")
	rethrowType   = vm.NewBuiltinType(vm.TypeSpec{
		Name: "_Rethrow", Module: "_asyncio", Layout: rethrowLayout.Info(), Final: true,
		Methods: []*vm.BuiltinMethod{
			{Name: "run", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				return vm.Null, rethrowLayout.Must(args[0]).exc
			}},
		},
		Getters: []*vm.GetSet{
			{Name: "_context", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return v, nil }},
			{Name: "_callback", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.None, nil }},
			{Name: "_args", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.NewTuple().Value(), nil }},
		},
	})
)

// callback is the Python-visible _callback.
func (h *Handle) callback() vm.Value {
	switch h.kind {
	case hTaskStep:
		return newStepWrapper(h.task, h.arg)
	case hTaskWakeup:
		return wakeupMethod(h.task)
	}
	if h.cb.IsNull() {
		return vm.None
	}
	return h.cb
}

func (h *Handle) callArgs() []vm.Value {
	switch h.kind {
	case hTaskWakeup:
		return []vm.Value{h.arg}
	case hTaskStep:
		return nil
	}
	return h.args
}

func handleRepr(th *vm.Thread, v vm.Value) (vm.Value, error) {
	h := handleLayout.Must(v)
	info := []string{v.Type().Name}
	if h.cancelled {
		info = append(info, "cancelled")
	}
	if h.timer {
		info = append(info, "when="+floatRepr(h.when))
	}
	if cb := h.callback(); !cb.IsNone() {
		info = append(info, formatCallbackSource(th, cb, h.callArgs()))
	}
	return vm.MakeStr("<" + strings.Join(info, " ") + ">"), nil
}

func floatRepr(f float64) string { return vm.FormatFloatRepr(f) }

// ------------------------------------------------ callback formatting

// formatCallbackSource is format_helpers._format_callback_source:
// "name(args)" plus " at file:line" for a Python function.
func formatCallbackSource(th *vm.Thread, fn vm.Value, args []vm.Value) string {
	s := formatCallback(th, fn, args, nil, "")
	if file, line, ok := functionSource(th, fn); ok {
		s += fmt.Sprintf(" at %s:%d", file, line)
	}
	return s
}

func functionSource(th *vm.Thread, fn vm.Value) (string, int, bool) {
	for i := 0; i < 100; i++ {
		if f, ok := vm.AsFunction(fn); ok {
			co := f.Code()
			return co.Filename, co.FirstLine, true
		}
		if !isPartial(fn) {
			// inspect.unwrap follows __wrapped__.
			w, err := vm.LookupAttr(th, fn, "__wrapped__")
			if err != nil || w.IsNull() {
				return "", 0, false
			}
			fn = w
			continue
		}
		inner, err := vm.GetAttrString(th, fn, "func")
		if err != nil {
			return "", 0, false
		}
		fn = inner
	}
	return "", 0, false
}

func isPartial(v vm.Value) bool {
	for _, t := range v.Type().MRO {
		if t.Name == "partial" || t.Name == "partialmethod" {
			if m := t.ModuleName(); m == "functools" {
				return true
			}
		}
	}
	return false
}

func formatCallback(th *vm.Thread, fn vm.Value, args []vm.Value, kw *vm.Dict, suffix string) string {
	if isPartial(fn) {
		inner, err := vm.GetAttrString(th, fn, "func")
		if err == nil {
			suffix = formatArgs(th, args, kw) + suffix
			var pa []vm.Value
			if v, err := vm.GetAttrString(th, fn, "args"); err == nil {
				if t, ok := vm.AsTuple(v); ok {
					pa = t.Items()
				}
			}
			var pkw *vm.Dict
			if v, err := vm.GetAttrString(th, fn, "keywords"); err == nil {
				if d, ok := vm.AsDict(v); ok && d.Len() > 0 {
					pkw = d
				}
			}
			return formatCallback(th, inner, pa, pkw, suffix)
		}
	}
	name := ""
	if q, err := vm.LookupAttr(th, fn, "__qualname__"); err == nil && !q.IsNull() {
		if s, ok := vm.AsStr(q); ok && s.String() != "" {
			name = s.String()
		}
	}
	if name == "" {
		if q, err := vm.LookupAttr(th, fn, "__name__"); err == nil && !q.IsNull() {
			if s, ok := vm.AsStr(q); ok && s.String() != "" {
				name = s.String()
			}
		}
	}
	if name == "" {
		name = reprString(th, fn)
	}
	return name + formatArgs(th, args, kw) + suffix
}

func formatArgs(th *vm.Thread, args []vm.Value, kw *vm.Dict) string {
	var items []string
	for _, a := range args {
		items = append(items, shortRepr(th, a, 6))
	}
	if kw != nil {
		keys, vals := kw.Items()
		for i, k := range keys {
			ks, _ := vm.AsStr(k)
			name := ""
			if ks != nil {
				name = ks.String()
			}
			items = append(items, name+"="+shortRepr(th, vals[i], 6))
		}
	}
	return "(" + strings.Join(items, ", ") + ")"
}

func reprString(th *vm.Thread, v vm.Value) string {
	s, err := vm.Repr(th, v)
	if err != nil {
		return fmt.Sprintf("<%s instance at %#x>", vm.TypeName(v), vm.ID(v))
	}
	return s.String()
}

// shortRepr is reprlib.repr: reprs cut down to a readable length.
func shortRepr(th *vm.Thread, v vm.Value, level int) string {
	const fill = "..."
	cut := func(s string, max int) string {
		r := []rune(s)
		if len(r) <= max {
			return s
		}
		i := (max - 3) / 2
		j := max - 3 - i
		return string(r[:i]) + fill + string(r[len(r)-j:])
	}
	switch v.Type() {
	case vm.StrType:
		s, _ := vm.AsStr(v)
		r := []rune(s.String())
		max := 30
		if len(r) > max {
			rs := reprString(th, vm.MakeStr(string(r[:max])))
			if len([]rune(rs)) > max {
				i := (max - 3) / 2
				j := max - 3 - i
				inner := []rune(reprString(th, vm.MakeStr(string(r[:i])+string(r[len(r)-j:]))))
				return string(inner[:i]) + fill + string(inner[len(inner)-j:])
			}
			return rs
		}
		rs := reprString(th, v)
		if len([]rune(rs)) > max {
			i := (max - 3) / 2
			j := max - 3 - i
			inner := []rune(rs)
			return string(inner[:i]) + fill + string(inner[len(inner)-j:])
		}
		return rs
	case vm.IntType:
		return cut(reprString(th, v), 40)
	case vm.ListType, vm.TupleType:
		var items []vm.Value
		left, right := "[", "]"
		if l, ok := vm.AsList(v); ok && v.Type() == vm.ListType {
			items = l.Items()
		} else if t, ok := vm.AsTuple(v); ok {
			items = t.Items()
			left, right = "(", ")"
		}
		if level <= 0 && len(items) > 0 {
			return left + fill + right
		}
		var parts []string
		for i, x := range items {
			if i == 6 {
				parts = append(parts, fill)
				break
			}
			parts = append(parts, shortRepr(th, x, level-1))
		}
		if len(items) == 1 && left == "(" {
			right = "," + right
		}
		return left + strings.Join(parts, ", ") + right
	case vm.DictType:
		d, _ := vm.AsDict(v)
		if d.Len() == 0 {
			return "{}"
		}
		if level <= 0 {
			return "{" + fill + "}"
		}
		keys, vals := d.Items()
		var parts []string
		for i := range keys {
			if i == 4 {
				parts = append(parts, fill)
				break
			}
			parts = append(parts, shortRepr(th, keys[i], level-1)+": "+shortRepr(th, vals[i], level-1))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return cut(reprString(th, v), 30)
}

// ------------------------------------------------------------ the type

func handleMethods() []*vm.BuiltinMethod {
	return []*vm.BuiltinMethod{
		{Name: "cancel", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			handleLayout.Must(args[0]).cancel()
			return vm.None, nil
		}},
		{Name: "cancelled", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.MakeBool(handleLayout.Must(args[0]).cancelled), nil
		}},
		{Name: "get_context", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			h := handleLayout.Must(args[0])
			if h.ctx == nil {
				return vm.None, nil
			}
			return h.ctx.Value(), nil
		}},
		{Name: "_run", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			return vm.None, handleLayout.Must(args[0]).run(th)
		}},
	}
}

func handleGetters() []*vm.GetSet {
	h := func(v vm.Value) *Handle { return handleLayout.Must(v) }
	return []*vm.GetSet{
		{Name: "_callback", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return h(v).callback(), nil }},
		{Name: "_args", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			x := h(v)
			if x.cancelled {
				return vm.None, nil
			}
			return vm.NewTuple(x.callArgs()...).Value(), nil
		}},
		{Name: "_cancelled", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeBool(h(v).cancelled), nil }},
		{Name: "_loop", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			if x := h(v); x.loop != nil {
				return x.loop.self, nil
			}
			return vm.None, nil
		}},
		{Name: "_context", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			if x := h(v); x.ctx != nil {
				return x.ctx.Value(), nil
			}
			return vm.None, nil
		}},
		{Name: "_source_traceback", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.None, nil }},
	}
}

func handleNew(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	var cb, cargs, loop, ctx vm.Value = vm.Null, vm.Null, vm.Null, vm.None
	if err := vm.UnpackArgs("Handle", args, kw, "callback", &cb, "args", &cargs, "loop", &loop, "context?", &ctx); err != nil {
		return vm.Null, err
	}
	l, ok := loopLayout.Cast(loop)
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "Handle() needs a gilpy event loop")
	}
	items, err := vm.SeqToSlice(th, cargs)
	if err != nil {
		return vm.Null, err
	}
	if ctx.IsNone() {
		ctx = contextvars.Copy(th).Value()
	}
	return newHandleOf(t, l, cb, items, ctx).Value(), nil
}

func timerHandleNew(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	var when, cb, cargs, loop, ctx vm.Value = vm.Null, vm.Null, vm.Null, vm.Null, vm.None
	if err := vm.UnpackArgs("TimerHandle", args, kw, "when", &when, "callback", &cb, "args", &cargs, "loop", &loop, "context?", &ctx); err != nil {
		return vm.Null, err
	}
	hv, err := handleNew(th, t, []vm.Value{cb, cargs, loop, ctx}, nil)
	if err != nil {
		return vm.Null, err
	}
	h := handleLayout.Must(hv)
	w, err := vm.AsFloat(th, when)
	if err != nil {
		return vm.Null, err
	}
	h.timer, h.when = true, w
	return hv, nil
}

func initHandleTypes() {
	HandleType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "Handle", Module: "asyncio.events", Layout: handleLayout.Info(),
		Doc:     "Object returned by callback registration methods.",
		Slots:   vm.Slots{New: handleNew, Repr: handleRepr},
		Methods: handleMethods(),
		Getters: handleGetters(),
	})
	cmp := func(th *vm.Thread, a, b vm.Value, op vm.CompareOp) (vm.Value, error) {
		x := handleLayout.Must(a)
		y, ok := handleLayout.Cast(b)
		if !ok || !y.timer {
			if op == vm.CmpEQ || op == vm.CmpNE {
				if op == vm.CmpEQ {
					return vm.MakeBool(a.Is(b)), nil
				}
				return vm.MakeBool(!a.Is(b)), nil
			}
			return vm.NotImplemented, nil
		}
		switch op {
		case vm.CmpLT:
			return vm.MakeBool(x.when < y.when), nil
		case vm.CmpLE:
			return vm.MakeBool(x.when < y.when || a.Is(b) || x.when == y.when && x.cb.Is(y.cb) && x.cancelled == y.cancelled), nil
		case vm.CmpGT:
			return vm.MakeBool(x.when > y.when), nil
		case vm.CmpGE:
			return vm.MakeBool(x.when > y.when || a.Is(b) || x.when == y.when && x.cb.Is(y.cb) && x.cancelled == y.cancelled), nil
		}
		eq := a.Is(b) || x.when == y.when && x.cb.Is(y.cb) && x.cancelled == y.cancelled
		if op == vm.CmpEQ {
			return vm.MakeBool(eq), nil
		}
		return vm.MakeBool(!eq), nil
	}
	TimerHandleType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "TimerHandle", Module: "asyncio.events", Base: HandleType, Layout: handleLayout.Info(),
		Doc: "Object returned by timed callback registration methods.",
		Slots: vm.Slots{New: timerHandleNew, Repr: handleRepr, Compare: cmp,
			Hash: func(th *vm.Thread, v vm.Value) (int64, error) {
				return vm.Hash(th, vm.MakeFloat(handleLayout.Must(v).when))
			}},
		Methods: []*vm.BuiltinMethod{
			{Name: "when", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				return vm.MakeFloat(handleLayout.Must(args[0]).when), nil
			}},
		},
		Getters: []*vm.GetSet{
			{Name: "_when", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeFloat(handleLayout.Must(v).when), nil }},
			{Name: "_scheduled", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return vm.MakeBool(handleLayout.Must(v).scheduled), nil
			}},
		},
	})
}
