package vm

// This file implements BaseExceptionGroup / ExceptionGroup and the run-time
// side of `except*` (CHECK_EG_MATCH, PREP_RERAISE_STAR), following
// CPython's Objects/exceptions.c.

import "fmt"

func initExceptionGroups() {
	BaseExceptionGroup = NewBuiltinType(TypeSpec{
		Name: "BaseExceptionGroup", Base: BaseException,
		Doc: "A combination of multiple unrelated exceptions.",
		Slots: Slots{
			New:  exceptionGroupNew,
			Init: func(th *Thread, self Value, args []Value, kw []Value) error { return nil },
			Str: func(th *Thread, self Value) (Value, error) {
				e := exceptionLayout.Must(self)
				msg := safeStr(th, e.attr("message"), "message")
				n := len(exceptionGroupItems(e))
				return MakeStr(fmt.Sprintf("%s (%d sub-exception%s)", msg, n, plural(n))), nil
			},
		},
		Methods: []*BuiltinMethod{
			{Name: "derive", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				if len(args) != 2 {
					return Null, Errorf(TypeError, "derive() takes exactly one argument")
				}
				e := exceptionLayout.Must(args[0])
				return Call(th, BaseExceptionGroup.Value(), []Value{e.attr("message"), args[1]}, nil)
			}},
			{Name: "split", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				if len(args) != 2 {
					return Null, Errorf(TypeError, "split() takes exactly one argument")
				}
				m, r, err := egSplit(th, exceptionLayout.Must(args[0]), args[1], true)
				if err != nil {
					return Null, err
				}
				return NewTuple(m, r).Value(), nil
			}},
			{Name: "subgroup", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				if len(args) != 2 {
					return Null, Errorf(TypeError, "subgroup() takes exactly one argument")
				}
				m, _, err := egSplit(th, exceptionLayout.Must(args[0]), args[1], false)
				return m, err
			}},
			{Name: "__class_getitem__", Flags: MethClass, Fn: classGetItemAlias},
		},
		Getters: []*GetSet{
			{Name: "message", Get: func(th *Thread, v Value) (Value, error) { return exceptionLayout.Must(v).attr("message"), nil }},
			{Name: "exceptions", Get: func(th *Thread, v Value) (Value, error) { return exceptionLayout.Must(v).attr("exceptions"), nil }},
		},
	})
	ExceptionTypes["BaseExceptionGroup"] = BaseExceptionGroup
	ExceptionGroup = NewBuiltinType(TypeSpec{
		Name: "ExceptionGroup", Bases: []*Type{BaseExceptionGroup, ExceptionType},
		Layout: exceptionLayout.info,
	})
	ExceptionTypes["ExceptionGroup"] = ExceptionGroup
}

func exceptionGroupNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Null, Errorf(TypeError, "%s() takes no keyword arguments", t.Name)
	}
	if len(args) != 2 {
		return Null, Errorf(TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(args))
	}
	msg, ok := AsStr(args[0])
	if !ok {
		return Null, Errorf(TypeError, "argument 1 must be str, not %s", TypeName(args[0]))
	}
	if args[1].Type().GetItem == nil || args[1].Type().Len == nil || args[1].Type().IsSubtype(DictType) || args[1].Type().IsSubtype(SetType) {
		return Null, Errorf(TypeError, "second argument (exceptions) must be a sequence")
	}
	items, err := SeqToSlice(th, args[1])
	if err != nil {
		return Null, err
	}
	if len(items) == 0 {
		return Null, Errorf(ValueError, "second argument (exceptions) must be a non-empty sequence")
	}
	allExc := true
	for i, it := range items {
		e, ok := AsExceptionValue(it)
		if !ok {
			return Null, Errorf(ValueError, "Item %d of second argument (exceptions) is not an exception", i)
		}
		if !e.typ.IsSubtype(ExceptionType) {
			allExc = false
		}
	}
	if t == BaseExceptionGroup && allExc {
		t = ExceptionGroup
	} else if t == ExceptionGroup && !allExc {
		return Null, Errorf(TypeError, "Cannot nest BaseExceptions in an ExceptionGroup")
	} else if !allExc && t.IsSubtype(ExceptionType) {
		return Null, Errorf(TypeError, "Cannot nest BaseExceptions in '%s'", t.Name)
	}
	e := exceptionLayout.New(t)
	e.cause, e.context = Null, Null
	e.args = NewTuple(args[0], args[1])
	e.setAttr("message", msg.Value())
	e.setAttr("exceptions", NewTuple(items...).Value())
	return e.Value(), nil
}

// exceptionGroupItems are the direct sub-exceptions of a group.
func exceptionGroupItems(e *Exception) []*Exception {
	t, ok := AsTuple(e.attr("exceptions"))
	if !ok {
		return nil
	}
	out := make([]*Exception, 0, len(t.items))
	for _, v := range t.items {
		if x, ok := AsExceptionValue(v); ok {
			out = append(out, x)
		}
	}
	return out
}

// egMatches applies a split condition (a type, a tuple of types, or a
// predicate) to one exception.
func egMatches(th *Thread, e *Exception, cond Value) (bool, error) {
	if _, ok := AsType(cond); ok {
		return exceptionMatches(th, e.Value(), cond)
	}
	if _, ok := AsTuple(cond); ok {
		return exceptionMatches(th, e.Value(), cond)
	}
	if Callable(cond) {
		r, err := Call(th, cond, []Value{e.Value()}, nil)
		if err != nil {
			return false, err
		}
		return Truth(th, r)
	}
	return false, Errorf(TypeError, "expected a function, exception type or tuple of exception types")
}

// egSplit is BaseExceptionGroup.split (withRest) / subgroup.
func egSplit(th *Thread, e *Exception, cond Value, withRest bool) (Value, Value, error) {
	ok, err := egMatches(th, e, cond)
	if err != nil {
		return Null, Null, err
	}
	if ok {
		return e.Value(), None, nil
	}
	if !e.typ.IsSubtype(BaseExceptionGroup) {
		return None, e.Value(), nil
	}
	var match, rest []Value
	for _, sub := range exceptionGroupItems(e) {
		var m, r Value
		if sub.typ.IsSubtype(BaseExceptionGroup) {
			m, r, err = egSplit(th, sub, cond, withRest)
			if err != nil {
				return Null, Null, err
			}
		} else {
			ok, err := egMatches(th, sub, cond)
			if err != nil {
				return Null, Null, err
			}
			if ok {
				m, r = sub.Value(), None
			} else {
				m, r = None, sub.Value()
			}
		}
		if !m.IsNone() {
			match = append(match, m)
		}
		if !r.IsNone() {
			rest = append(rest, r)
		}
	}
	derive := func(items []Value) (Value, error) {
		if len(items) == 0 {
			return None, nil
		}
		d, err := CallMethod(th, e.Value(), "derive", NewList(items).Value())
		if err != nil {
			return Null, err
		}
		de, ok := AsExceptionValue(d)
		if !ok {
			return Null, Errorf(TypeError, "derive must return an instance of BaseExceptionGroup")
		}
		de.traceback, de.cause, de.context = e.traceback, e.cause, e.context
		if notes := e.attr("__notes__"); !notes.IsNone() {
			de.setAttr("__notes__", notes)
		}
		return d, nil
	}
	m, err := derive(match)
	if err != nil {
		return Null, Null, err
	}
	var r Value = None
	if withRest {
		if r, err = derive(rest); err != nil {
			return Null, Null, err
		}
	}
	return m, r, nil
}

// exceptionGroupMatch is CHECK_EG_MATCH: it returns the two stack items,
// (exc, None) when nothing matches, else (rest, match).
func exceptionGroupMatch(th *Thread, excV, matchType Value) (Value, Value, error) {
	if err := checkExceptStarType(matchType); err != nil {
		return Null, Null, err
	}
	e, ok := AsExceptionValue(excV)
	if !ok {
		return excV, None, nil
	}
	full, err := exceptionMatches(th, excV, matchType)
	if err != nil {
		return Null, Null, err
	}
	if full {
		var m Value
		if e.typ.IsSubtype(BaseExceptionGroup) {
			m = excV
		} else {
			g, err := exceptionGroupNew(th, BaseExceptionGroup, []Value{MakeStr(""), NewTuple(excV).Value()}, nil)
			if err != nil {
				return Null, Null, err
			}
			ge := exceptionLayout.Must(g)
			ge.traceback = e.traceback
			m = g
		}
		th.excInfo.value = m
		return None, m, nil
	}
	if e.typ.IsSubtype(BaseExceptionGroup) {
		m, r, err := egSplit(th, e, matchType, true)
		if err != nil {
			return Null, Null, err
		}
		if m.IsNone() {
			return excV, None, nil
		}
		th.excInfo.value = m
		return r, m, nil
	}
	return excV, None, nil
}

func checkExceptStarType(t Value) error {
	check := func(v Value) error {
		ty, ok := AsType(v)
		if !ok || ty.flags&flagIsException == 0 {
			return Errorf(TypeError, "catching classes that do not inherit from BaseException is not allowed")
		}
		if ty.IsSubtype(BaseExceptionGroup) {
			return Errorf(TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.")
		}
		return nil
	}
	if tup, ok := AsTuple(t); ok {
		for _, x := range tup.items {
			if err := check(x); err != nil {
				return err
			}
		}
		return nil
	}
	return check(t)
}

// prepReraiseStar is PREP_RERAISE_STAR: what an except* block re-raises.
func prepReraiseStar(th *Thread, orig, excsV Value) (Value, error) {
	excs := listLayout.Must(excsV).items
	var live []Value
	for _, x := range excs {
		if !x.IsNone() {
			live = append(live, x)
		}
	}
	if len(live) == 0 {
		return None, nil
	}
	oe, ok := AsExceptionValue(orig)
	if !ok || !oe.typ.IsSubtype(BaseExceptionGroup) {
		return live[0], nil
	}
	var raised, reraised []Value
	for _, x := range live {
		xe := asException(x)
		if sameExceptionMetadata(xe, oe) {
			reraised = append(reraised, x)
		} else {
			raised = append(raised, x)
		}
	}
	// The re-raised part keeps orig's structure: project orig onto the
	// leaves that were re-raised.
	leaves := map[*Exception]bool{}
	for _, x := range reraised {
		collectLeaves(asException(x), leaves)
	}
	var reraisedEG Value = None
	if len(leaves) > 0 {
		pred := NewFunc("<leaf filter>", func(th *Thread, args []Value, kw []Value) (Value, error) {
			e, _ := AsExceptionValue(args[0])
			return MakeBool(leaves[e]), nil
		})
		m, _, err := egSplit(th, oe, pred, false)
		if err != nil {
			return Null, err
		}
		reraisedEG = m
	}
	if len(raised) == 0 {
		return reraisedEG, nil
	}
	if !reraisedEG.IsNone() {
		raised = append(raised, reraisedEG)
	}
	if len(raised) == 1 {
		return raised[0], nil
	}
	return exceptionGroupNew(th, BaseExceptionGroup, []Value{MakeStr(""), NewList(raised).Value()}, nil)
}

func sameExceptionMetadata(a, b *Exception) bool {
	return a.attr("__notes__").Is(b.attr("__notes__")) && a.traceback == b.traceback &&
		a.cause.Is(b.cause) && a.context.Is(b.context)
}

func collectLeaves(e *Exception, out map[*Exception]bool) {
	if e.typ.IsSubtype(BaseExceptionGroup) {
		for _, s := range exceptionGroupItems(e) {
			collectLeaves(s, out)
		}
		return
	}
	out[e] = true
}
