package vm

// This file binds arguments to a Python function's parameters, starts calls
// from Go, and holds the slow paths of the eval loop's cached instructions.

import (
	"strings"

	"gilpy/vm/code"
)

// callFunction calls a Python function from Go code.
func (th *Thread) callFunction(fn *Function, args, kwnames []Value) (Value, error) {
	return th.callFunctionWithSelf(fn, Null, args, kwnames)
}

// callFunctionWithSelf calls fn with self (unless Null) before args,
// without building a bound method or a new argument slice.
func (th *Thread) callFunctionWithSelf(fn *Function, self Value, args, kwnames []Value) (Value, error) {
	f, err := th.setupCall(fn, self, args, kwnames)
	if err != nil {
		return Null, err
	}
	if f.gen != nil {
		return f.gen.Value(), nil
	}
	return th.run(f)
}

// CallFunction is Call specialised for a *Function, for other packages.
func (th *Thread) CallFunction(fn *Function, args, kwnames []Value) (Value, error) {
	return th.callFunction(fn, args, kwnames)
}

// setupCall makes the frame for calling fn and binds the arguments. For a
// generator function the frame is handed to a new generator object
// (f.gen set) instead of being run.
func (th *Thread) setupCall(fn *Function, self Value, args, kwnames []Value) (*Frame, error) {
	co := fn.code
	var f *Frame
	gen := co.Flags&(code.FlagGenerator|code.FlagCoroutine|code.FlagAsyncGenerator) != 0
	if gen {
		f = &Frame{code: co, fn: fn, globals: fn.globals, builtins: fn.builtins, locals: Null, lasti: -1}
		f.slots = make([]Value, co.NumLocalsPlus()+co.StackSize)
		f.sp = co.NumLocalsPlus()
	} else {
		f = th.newFrame(co, fn, fn.globals, fn.builtins)
	}
	slots := f.slots
	nlp := co.NumLocalsPlus()
	for i := 0; i < nlp; i++ {
		slots[i] = Null
	}
	npos := len(args) - len(kwnames)
	hasSelf := !self.IsNull()
	total := npos
	if hasSelf {
		total++
	}
	// Fast path: exactly the positional parameters, no keywords.
	if len(kwnames) == 0 && total == co.ArgCount && co.Flags&(code.FlagVarargs|code.FlagVarkeywords) == 0 && co.KwOnlyArgCount == 0 {
		if hasSelf {
			slots[0] = self
			copy(slots[1:], args)
		} else {
			copy(slots, args)
		}
	} else if err := bindArgs(th, fn, slots, self, args, kwnames); err != nil {
		if !gen {
			th.releaseFrame(f)
		}
		return nil, err
	}
	if gen {
		f.pooled = false
		newGenerator(th, f)
	}
	return f, nil
}

// bindArgs is the general parameter binding, with CPython's error texts.
func bindArgs(th *Thread, fn *Function, slots []Value, self Value, args, kwnames []Value) error {
	co := fn.code
	argcount := co.ArgCount
	kwonly := co.KwOnlyArgCount
	posonly := co.PosOnlyArgCount
	varargs := co.Flags&code.FlagVarargs != 0
	varkw := co.Flags&code.FlagVarkeywords != 0
	npos := len(args) - len(kwnames)

	positional := args[:npos]
	if !self.IsNull() {
		positional = make([]Value, 0, npos+1)
		positional = append(append(positional, self), args[:npos]...)
	}
	n := min(len(positional), argcount)
	copy(slots, positional[:n])
	varIdx := argcount + kwonly
	if varargs {
		if len(positional) > argcount {
			slots[varIdx] = NewTupleCopy(positional[argcount:]).Value()
		} else {
			slots[varIdx] = NewTuple().Value()
		}
	}
	var kwdict *Dict
	if varkw {
		kwdict = NewDict()
		idx := argcount + kwonly
		if varargs {
			idx++
		}
		slots[idx] = kwdict.Value()
	}
	var posonlyAsKw []string
	for i, kn := range kwnames {
		name, _ := AsStr(kn)
		val := args[npos+i]
		j := -1
		for k := posonly; k < argcount+kwonly; k++ {
			if co.argNames[k] == name || co.argNames[k].s == name.s {
				j = k
				break
			}
		}
		if j < 0 {
			if kwdict != nil {
				if err := kwdict.Set(th, name.Value(), val); err != nil {
					return err
				}
				continue
			}
			for k := 0; k < posonly; k++ {
				if co.argNames[k].s == name.s {
					posonlyAsKw = append(posonlyAsKw, name.s)
				}
			}
			if len(posonlyAsKw) > 0 {
				continue
			}
			return Errorf(TypeError, "%s() got an unexpected keyword argument '%s'", fn.Qualname(), name.s)
		}
		if !slots[j].IsNull() {
			return Errorf(TypeError, "%s() got multiple values for argument '%s'", fn.Qualname(), name.s)
		}
		slots[j] = val
	}
	if len(posonlyAsKw) > 0 {
		return Errorf(TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'", fn.Qualname(), strings.Join(posonlyAsKw, ", "))
	}
	if len(positional) > argcount && !varargs {
		return tooManyPositional(fn, len(positional), slots)
	}
	// Defaults for missing positional parameters.
	ndef := len(fn.defaults)
	var missing []string
	for j := len(positional); j < argcount; j++ {
		if slots[j].IsNull() {
			if d := j - (argcount - ndef); d >= 0 {
				slots[j] = fn.defaults[d]
			} else {
				missing = append(missing, co.argNames[j].s)
			}
		}
	}
	if len(missing) > 0 {
		return missingArgs(fn, missing, "positional")
	}
	missing = nil
	for j := argcount; j < argcount+kwonly; j++ {
		if slots[j].IsNull() {
			if fn.kwdefaults != nil {
				if v, ok := fn.kwdefaults.getStr(co.argNames[j]); ok {
					slots[j] = v
					continue
				}
			}
			missing = append(missing, co.argNames[j].s)
		}
	}
	if len(missing) > 0 {
		return missingArgs(fn, missing, "keyword-only")
	}
	return nil
}

func missingArgs(fn *Function, names []string, kind string) error {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		list = quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		list = strings.Join(quoted[:len(quoted)-1], ", ") + ", and " + quoted[len(quoted)-1]
	}
	return Errorf(TypeError, "%s() missing %d required %s argument%s: %s", fn.Qualname(), len(names), kind, plural(len(names)), list)
}

func tooManyPositional(fn *Function, given int, slots []Value) error {
	co := fn.code
	argcount := co.ArgCount
	ndef := len(fn.defaults)
	var takes string
	if ndef > 0 {
		takes = "from " + formatInt(argcount-ndef) + " to " + formatInt(argcount)
	} else {
		takes = formatInt(argcount)
	}
	kwGiven := 0
	for j := argcount; j < argcount+co.KwOnlyArgCount; j++ {
		if !slots[j].IsNull() {
			kwGiven++
		}
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	plur := "s"
	if argcount == 1 && ndef == 0 {
		plur = ""
	}
	if kwGiven > 0 {
		return Errorf(TypeError, "%s() takes %s positional argument%s but %d positional argument%s (and %d keyword-only argument%s) were given",
			fn.Qualname(), takes, plur, given, plural(given), kwGiven, plural(kwGiven))
	}
	return Errorf(TypeError, "%s() takes %s positional argument%s but %d %s given", fn.Qualname(), takes, plur, given, was)
}

func formatInt(i int) string { return formatSmallInt(int64(i)) }

// callEx is f(*args, **kwargs).
func callEx(th *Thread, callable, callargs, kwargs Value) (Value, error) {
	var args []Value
	if t, ok := castExact[Tuple](callargs, TupleType); ok {
		args = t.items
	} else {
		var err error
		args, err = SeqToSlice(th, callargs)
		if err != nil {
			if AsException(err).Matches(TypeError) && callargs.Type().Iter == nil && callargs.Type().GetItem == nil {
				return Null, Errorf(TypeError, "%s argument after * must be an iterable, not %s", funcDescription(th, callable), TypeName(callargs))
			}
			return Null, err
		}
	}
	if kwargs.IsNull() {
		return Call(th, callable, args, nil)
	}
	d, ok := AsDict(kwargs)
	if !ok {
		return Null, Errorf(TypeError, "%s argument after ** must be a mapping, not %s", funcDescription(th, callable), TypeName(kwargs))
	}
	keys, vals := d.Items()
	all := make([]Value, 0, len(args)+len(keys))
	all = append(append(all, args...), vals...)
	for _, k := range keys {
		if _, ok := AsStr(k); !ok {
			return Null, Errorf(TypeError, "keywords must be strings")
		}
	}
	return Call(th, callable, all, keys)
}

// funcDescription names a callable in argument errors: "f()".
func funcDescription(th *Thread, callable Value) string {
	if fn, ok := AsFunction(callable); ok {
		return fn.Qualname() + "()"
	}
	if bf, ok := builtinFunctionLayout.Cast(callable); ok {
		return bf.Name + "()"
	}
	if t, ok := AsType(callable); ok {
		return t.Name + "()"
	}
	return TypeName(callable) + " object"
}

// listAppendMethod is list.append, whose call 3.11 inlines (no check point).
var listAppendMethod *BuiltinMethod

// InlinedBuiltins are the builtins whose calls CPython 3.11 inlines, so
// that returning from them is not a GIL check point: len, isinstance.
var inlinedBuiltins = map[string]bool{"len": true, "isinstance": true}

func isInlinedBuiltin(bf *BuiltinFunction) bool {
	return bf.Module == "builtins" && inlinedBuiltins[bf.Name]
}

// ----------------------------------------------------- cached lookups

func (th *Thread) loadGlobalSlow(f *Frame, co *CodeObject, arg int) (Value, error) {
	name := co.names[co.Caches[arg].Name]
	g, b := f.globals, f.builtins
	if !g.nonStr {
		if i := g.lookupStr(name); i >= 0 {
			co.caches[arg].Store(&inlineCache{name: name, globalsVer: g.keysVersion, index: i})
			return g.entries[i].value, nil
		}
	} else if v, ok := g.getStr(name); ok {
		return v, nil
	}
	if b == nil {
		return Null, nameError(name)
	}
	if !b.nonStr && !g.nonStr {
		if i := b.lookupStr(name); i >= 0 {
			co.caches[arg].Store(&inlineCache{name: name, globalsVer: g.keysVersion, builtinsVer: b.keysVersion, index: i, inBuiltins: true})
			return b.entries[i].value, nil
		}
	} else if v, ok := b.getStr(name); ok {
		return v, nil
	}
	return Null, nameError(name)
}

// isGenericGetAttr reports whether t's GetAttr is object.__getattribute__.
func isGenericGetAttr(t *Type) bool {
	ga := t.Lookup(dunderGetattribute)
	w, ok := slotWrapperLayout.Cast(ga)
	return ok && w.owner == ObjectType
}

func (th *Thread) loadAttrSlow(co *CodeObject, arg int, obj Value) (Value, error) {
	name := co.names[co.Caches[arg].Name]
	if m, ok := castExact[Module](obj, ModuleType); ok {
		if i := m.dict.lookupStr(name); i >= 0 {
			// A module attribute: cached by the dict's keys version,
			// which also tells one module's dict from another's.
			co.caches[arg].Store(&inlineCache{name: name, typ: ModuleType, kind: attrModule, globalsVer: m.dict.keysVersion, index: i})
			return m.dict.entries[i].value, nil
		}
	}
	return GetAttr(th, obj, name)
}

func (th *Thread) storeAttrSlow(co *CodeObject, arg int, obj, v Value) error {
	name := co.names[co.Caches[arg].Name]
	if err := SetAttr(th, obj, name, v); err != nil {
		return err
	}
	if obj.IsHeap() {
		if c := typeStoreCache(obj.Type(), name); c != nil {
			co.caches[arg].Store(c)
		}
	}
	return nil
}

func isGenericSetAttr(t *Type) bool {
	sa := t.Lookup(dunderSetattr)
	w, ok := slotWrapperLayout.Cast(sa)
	return ok && w.owner == ObjectType
}

// loadMethodSlow resolves obj.name for a call: (function, obj) when the
// attribute is a plain method on the type, else (Null, bound attribute).
func (th *Thread) loadMethodSlow(co *CodeObject, arg int, obj Value) (Value, Value, error) {
	name := co.names[co.Caches[arg].Name]
	t := obj.Type()
	if c := typeAttrCache(t, name, obj); c != nil && (c.kind == attrMethod || c.kind == attrMethodDescr) {
		shadowed := false
		if obj.IsHeap() {
			if d := obj.header().dict; d != nil {
				_, shadowed = d.getStr(name)
			}
		}
		if !shadowed {
			co.caches[arg].Store(c)
			return c.value, obj, nil
		}
	}
	v, err := GetAttr(th, obj, name)
	if err != nil {
		return Null, Null, err
	}
	return Null, v, nil
}

// ------------------------------------------------- locals mappings

// mappingLookup reads name from a module/class locals mapping.
func mappingLookup(th *Thread, m Value, name *Str) (Value, bool, error) {
	if d, ok := castExact[Dict](m, DictType); ok {
		v, found := d.getStr(name)
		return v, found, nil
	}
	if m.IsNull() {
		return Null, false, Errorf(SystemError, "no locals when loading '%s'", name.s)
	}
	if d, ok := AsDict(m); ok && inheritsSlotFrom(d.typ, "__getitem__", DictType) {
		v, found := d.getStr(name)
		return v, found, nil
	}
	v, err := GetItem(th, m, name.Value())
	if err != nil {
		if AsException(err).Matches(KeyError) {
			return Null, false, nil
		}
		return Null, false, err
	}
	return v, true, nil
}

func mappingStore(th *Thread, m Value, name *Str, v Value) error {
	if d, ok := castExact[Dict](m, DictType); ok {
		d.SetStr(name, v)
		return nil
	}
	if m.IsNull() {
		return Errorf(SystemError, "no locals found when storing '%s'", name.s)
	}
	return SetItem(th, m, name.Value(), v)
}

func mappingDelete(th *Thread, m Value, name *Str) error {
	if d, ok := castExact[Dict](m, DictType); ok {
		if !d.DeleteStr(name) {
			return nameError(name)
		}
		return nil
	}
	if err := SetItem(th, m, name.Value(), Null); err != nil {
		if AsException(err).Matches(KeyError) {
			return nameError(name)
		}
		return err
	}
	return nil
}

// ------------------------------------------------------- annotations

func annotationsDict(th *Thread, v Value) Value {
	t, ok := AsTuple(v)
	if !ok {
		return v
	}
	d := NewDict()
	for i := 0; i+1 < len(t.items); i += 2 {
		_ = d.Set(th, t.items[i], t.items[i+1])
	}
	return d.Value()
}

func setupAnnotations(th *Thread, f *Frame) error {
	name := dunderAnnotations
	_, found, err := mappingLookup(th, f.locals, name)
	if err != nil || found {
		return err
	}
	return mappingStore(th, f.locals, name, NewDict().Value())
}

// -------------------------------------------------------- exceptions

// makeRaise builds the exception for `raise exc [from cause]`.
func makeRaise(th *Thread, excV, cause Value) error {
	var exc *Exception
	if t, ok := AsType(excV); ok {
		if t.flags&flagIsException == 0 {
			return Errorf(TypeError, "exceptions must derive from BaseException")
		}
		v, err := Call(th, excV, nil, nil)
		if err != nil {
			return err
		}
		e, ok := AsExceptionValue(v)
		if !ok {
			return Errorf(TypeError, "calling %s should have returned an instance of BaseException, not %s", typeReprString(t), typeReprString(v.Type()))
		}
		exc = e
	} else if e, ok := AsExceptionValue(excV); ok {
		exc = e
	} else {
		return Errorf(TypeError, "exceptions must derive from BaseException")
	}
	if !cause.IsNull() {
		if cause.IsNone() {
			exc.cause = None
		} else if ct, ok := AsType(cause); ok && ct.flags&flagIsException != 0 {
			cv, err := Call(th, cause, nil, nil)
			if err != nil {
				return err
			}
			exc.cause = cv
		} else if _, ok := AsExceptionValue(cause); ok {
			exc.cause = cause
		} else {
			return Errorf(TypeError, "exception causes must derive from BaseException")
		}
		exc.suppressContext = true
	}
	// `raise` always (re)sets the context to what is being handled.
	exc.context = Null
	th.chainContext(exc)
	return exc
}

// exceptionMatches is the test of `except T:`.
func exceptionMatches(th *Thread, excV, typ Value) (bool, error) {
	e, ok := AsExceptionValue(excV)
	if !ok {
		return false, nil
	}
	if t, ok := AsType(typ); ok {
		if t.flags&flagIsException == 0 {
			return false, Errorf(TypeError, "catching classes that do not inherit from BaseException is not allowed")
		}
		return e.typ.IsSubtype(t), nil
	}
	if tup, ok := AsTuple(typ); ok {
		for _, x := range tup.items {
			t, ok := AsType(x)
			if !ok || t.flags&flagIsException == 0 {
				return false, Errorf(TypeError, "catching classes that do not inherit from BaseException is not allowed")
			}
		}
		for _, x := range tup.items {
			t, _ := AsType(x)
			if e.typ.IsSubtype(t) {
				return true, nil
			}
		}
		return false, nil
	}
	return false, Errorf(TypeError, "catching classes that do not inherit from BaseException is not allowed")
}

// ------------------------------------------------------- with blocks

func beforeWith(th *Thread, mgr Value) (Value, Value, error) {
	t := mgr.Type()
	enter := t.Lookup(dunderEnter)
	exit := t.Lookup(dunderExit)
	if enter.IsNull() {
		if !exit.IsNull() {
			return Null, Null, Errorf(TypeError, "'%s' object does not support the context manager protocol (missed __enter__ method)", t.FullName())
		}
		return Null, Null, Errorf(TypeError, "'%s' object does not support the context manager protocol", t.FullName())
	}
	if exit.IsNull() {
		return Null, Null, Errorf(TypeError, "'%s' object does not support the context manager protocol (missed __exit__ method)", t.FullName())
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

func callExit(th *Thread, exit, excV Value) (Value, error) {
	e, ok := AsExceptionValue(excV)
	var tb Value = None
	t := excV.Type().Value()
	if ok && e.traceback != nil {
		tb = e.traceback.Value()
	}
	return Call(th, exit, []Value{t, excV, tb}, nil)
}

// ----------------------------------------------------- display helpers

func listExtendForDisplay(th *Thread, l *List, v Value) error {
	if err := listExtend(th, l, v); err != nil {
		if AsException(err).Matches(TypeError) && v.Type().Iter == nil && v.Type().GetItem == nil {
			return Errorf(TypeError, "Value after * must be an iterable, not %s", TypeName(v))
		}
		return err
	}
	return nil
}

func dictUpdateFromDisplay(th *Thread, d *Dict, v Value) error {
	if o, ok := AsDict(v); ok {
		return d.Update(th, o)
	}
	if err := dictUpdateFromMapping(th, d, v); err != nil {
		if AsException(err).Matches(AttributeError) {
			return Errorf(TypeError, "'%s' object is not a mapping", TypeName(v))
		}
		return err
	}
	return nil
}

func dictMergeForCall(th *Thread, d *Dict, v Value, callable Value) error {
	name := funcDescription(th, callable)
	var keys, vals []Value
	if o, ok := AsDict(v); ok {
		keys, vals = o.Items()
	} else {
		kf, err := LookupAttr(th, v, "keys")
		if err != nil {
			return err
		}
		if kf.IsNull() {
			return Errorf(TypeError, "%s argument after ** must be a mapping, not %s", name, TypeName(v))
		}
		kv, err := Call(th, kf, nil, nil)
		if err != nil {
			return err
		}
		keys, err = SeqToSlice(th, kv)
		if err != nil {
			return err
		}
		for _, k := range keys {
			x, err := GetItem(th, v, k)
			if err != nil {
				return err
			}
			vals = append(vals, x)
		}
	}
	for i, k := range keys {
		ks, ok := AsStr(k)
		if !ok {
			return Errorf(TypeError, "%s keywords must be strings", name)
		}
		if _, found, _ := d.Get(th, k); found {
			return Errorf(TypeError, "%s got multiple values for keyword argument '%s'", name, ks.s)
		}
		if err := d.Set(th, k, vals[i]); err != nil {
			return err
		}
	}
	return nil
}

// unpackIterable implements UNPACK_SEQUENCE (after < 0) and UNPACK_EX into
// out, which receives the values in stack order (last item first).
func unpackIterable(th *Thread, seq Value, before, after int, out []Value) error {
	t := seq.Type()
	if t.Iter == nil && t.GetItem == nil {
		return Errorf(TypeError, "cannot unpack non-iterable %s object", t.Name)
	}
	items, err := SeqToSlice(th, seq)
	if err != nil {
		return err
	}
	if after < 0 {
		if len(items) < before {
			return Errorf(ValueError, "not enough values to unpack (expected %d, got %d)", before, len(items))
		}
		if len(items) > before {
			return Errorf(ValueError, "too many values to unpack (expected %d)", before)
		}
		for i := 0; i < before; i++ {
			out[before-1-i] = items[i]
		}
		return nil
	}
	if len(items) < before+after {
		return Errorf(ValueError, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
	}
	n := before + after + 1
	k := 0
	for i := 0; i < before; i++ {
		out[n-1-k] = items[i]
		k++
	}
	mid := append([]Value(nil), items[before:len(items)-after]...)
	out[n-1-k] = NewList(mid).Value()
	k++
	for i := len(items) - after; i < len(items); i++ {
		out[n-1-k] = items[i]
		k++
	}
	return nil
}

// formatValue is FORMAT_VALUE: conversion (0 none, 1 str, 2 repr, 3
// ascii) then format(v, spec).
func formatValue(th *Thread, v Value, conv int, spec Value) (Value, error) {
	switch conv {
	case 1:
		s, err := StrOf(th, v)
		if err != nil {
			return Null, err
		}
		v = s.Value()
	case 2:
		s, err := Repr(th, v)
		if err != nil {
			return Null, err
		}
		v = s.Value()
	case 3:
		s, err := Repr(th, v)
		if err != nil {
			return Null, err
		}
		v = MakeStr(asciiRepr2(s.s))
	}
	if spec.IsNull() {
		if s, ok := castExact[Str](v, StrType); ok {
			return s.Value(), nil
		}
		if v.IsSmallInt() {
			return MakeStr(formatSmallInt(v.SmallInt())), nil
		}
		spec = emptyStr.Value()
	}
	return Format(th, v, spec)
}

// asciiRepr2 escapes non-ASCII characters of an already built repr.
func asciiRepr2(r string) string {
	var b strings.Builder
	for _, c := range r {
		if c < 128 {
			b.WriteRune(c)
		} else {
			writeUEscape(&b, c)
		}
	}
	return b.String()
}

// Format is format(v, spec).
func Format(th *Thread, v Value, spec Value) (Value, error) {
	if r, ok, err := formatBuiltin(v, spec); ok {
		return r, err
	}
	f := v.Type().Lookup(dunderFormat)
	if f.IsNull() {
		return Null, Errorf(TypeError, "Type %s doesn't define __format__", TypeName(v))
	}
	r, err := callDescr(th, f, v, []Value{spec}, nil)
	if err != nil {
		return Null, err
	}
	if _, ok := AsStr(r); !ok {
		return Null, Errorf(TypeError, "__format__ must return a str, not %s", TypeName(r))
	}
	return r, nil
}

// displayHook prints a REPL result.
func (th *Thread) displayHook(v Value) error {
	if h := th.Interp.Hooks.DisplayHook; h != nil {
		return h(th, v)
	}
	return nil
}

// CallClassBody runs the body function of a class statement with ns as
// its locals mapping and returns what the body returns (the __class__
// cell when methods use super() or __class__).
func (th *Thread) CallClassBody(fn *Function, ns Value) (Value, error) {
	co := fn.code
	f := th.newFrame(co, fn, fn.globals, fn.builtins)
	for i := 0; i < co.NumLocalsPlus(); i++ {
		f.slots[i] = Null
	}
	f.locals = ns
	return th.run(f)
}

// FrameLocals is locals() for a frame: its mapping for module and class
// code, a snapshot dict for functions.
func FrameLocals(f *Frame) Value { return frameLocals(f) }

// FrameLocalsMapping is the frame's own locals mapping, or Null for
// optimized (function) frames.
func (f *Frame) LocalsMapping() Value { return f.locals }

// Builtins is the frame's builtins dict.
func (f *Frame) Builtins() *Dict { return f.builtins }
