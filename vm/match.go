package vm

// This file implements the run-time side of structural pattern matching:
// MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS and MATCH_CLASS (CPython's
// ceval.c match_keys / match_class).

// Type flags the collections.abc module sets when a class registers as a
// Mapping or Sequence (CPython's Py_TPFLAGS_MAPPING / _SEQUENCE).
const (
	flagMatchMapping  typeFlags = 1 << 20
	flagMatchSequence typeFlags = 1 << 21
)

// SetMatchFlags marks t (and its subclasses) as a mapping or sequence for
// match statements.
func SetMatchFlags(t *Type, mapping, sequence bool) {
	var walk func(*Type)
	walk = func(c *Type) {
		if mapping {
			c.flags |= flagMatchMapping
		}
		if sequence {
			c.flags |= flagMatchSequence
		}
		for _, s := range c.subclasses {
			walk(s)
		}
	}
	walk(t)
}

func isMatchMapping(v Value) bool {
	t := v.Type()
	if t.IsSubtype(DictType) || t.IsSubtype(MappingProxyType) {
		return true
	}
	for _, m := range t.MRO {
		if m.flags&flagMatchMapping != 0 {
			return true
		}
	}
	return false
}

func isMatchSequence(v Value) bool {
	t := v.Type()
	if t.IsSubtype(StrType) || t.IsSubtype(BytesType) || t.IsSubtype(ByteArrayType) {
		return false
	}
	if t.IsSubtype(ListType) || t.IsSubtype(TupleType) || t.IsSubtype(RangeType) || t.IsSubtype(MemoryViewType) {
		return true
	}
	for _, m := range t.MRO {
		if m.flags&flagMatchSequence != 0 {
			return true
		}
	}
	return false
}

func matchKeys(th *Thread, subject, keysV Value) (Value, error) {
	keys := tupleLayout.Must(keysV).items
	if len(keys) == 0 {
		return NewTuple().Value(), nil
	}
	get, err := GetAttrString(th, subject, "get")
	if err != nil {
		return Null, err
	}
	seen := NewSet()
	dummy := NewList(nil).Value()
	values := make([]Value, 0, len(keys))
	for _, k := range keys {
		dup, err := seen.Contains(th, k)
		if err != nil {
			return Null, err
		}
		if dup {
			r, _ := Repr(th, k)
			return Null, Errorf(ValueError, "mapping pattern checks duplicate key (%s)", r.s)
		}
		if err := seen.Add(th, k); err != nil {
			return Null, err
		}
		v, err := Call(th, get, []Value{k, dummy}, nil)
		if err != nil {
			return Null, err
		}
		if v.Is(dummy) {
			return None, nil
		}
		values = append(values, v)
	}
	return NewTuple(values...).Value(), nil
}

// matchSelfTypes match a single positional sub-pattern against the subject
// itself (CPython's _Py_TPFLAGS_MATCH_SELF).
func matchSelf(t *Type) bool {
	for _, s := range []*Type{BoolType, ByteArrayType, BytesType, DictType, FloatType, FrozenSetType, IntType, ListType, SetType, StrType, TupleType} {
		if t.IsSubtype(s) {
			return true
		}
	}
	return false
}

func matchClass(th *Thread, subject, clsV Value, nargs int, namesV Value) (Value, error) {
	cls, ok := AsType(clsV)
	if !ok {
		return Null, Errorf(TypeError, "called match pattern must be a type")
	}
	inst, err := IsInstance(th, subject, clsV)
	if err != nil {
		return Null, err
	}
	if !inst {
		return None, nil
	}
	names := tupleLayout.Must(namesV).items
	seen := map[string]bool{}
	var attrs []Value
	lookup := func(name string) (Value, bool, error) {
		if seen[name] {
			return Null, false, Errorf(TypeError, "%s() got multiple sub-patterns for attribute '%s'", cls.Name, name)
		}
		seen[name] = true
		v, err := LookupAttr(th, subject, name)
		if err != nil {
			return Null, false, err
		}
		return v, !v.IsNull(), nil
	}
	if nargs > 0 {
		matchArgs, err := LookupAttr(th, clsV, "__match_args__")
		if err != nil {
			return Null, err
		}
		var margs []Value
		selfMatch := false
		if matchArgs.IsNull() {
			if matchSelf(cls) {
				selfMatch = true
			}
		} else {
			t, ok := AsTuple(matchArgs)
			if !ok {
				return Null, Errorf(TypeError, "%s.__match_args__ must be a tuple (got %s)", cls.Name, TypeName(matchArgs))
			}
			margs = t.items
		}
		allowed := len(margs)
		if selfMatch {
			allowed = 1
		}
		if nargs > allowed {
			return Null, Errorf(TypeError, "%s() accepts %d positional sub-pattern%s (%d given)", cls.Name, allowed, plural(allowed), nargs)
		}
		if selfMatch {
			attrs = append(attrs, subject)
		} else {
			for i := 0; i < nargs; i++ {
				ns, ok := AsStr(margs[i])
				if !ok {
					return Null, Errorf(TypeError, "__match_args__ elements must be strings (got %s)", TypeName(margs[i]))
				}
				v, found, err := lookup(ns.s)
				if err != nil {
					return Null, err
				}
				if !found {
					return None, nil
				}
				attrs = append(attrs, v)
			}
		}
	}
	for _, n := range names {
		ns := strLayout.Must(n)
		v, found, err := lookup(ns.s)
		if err != nil {
			return Null, err
		}
		if !found {
			return None, nil
		}
		attrs = append(attrs, v)
	}
	return NewTuple(attrs...).Value(), nil
}

// IsInstance is isinstance(v, cls) including __instancecheck__ and tuples.
func IsInstance(th *Thread, v, cls Value) (bool, error) {
	if t, ok := AsType(cls); ok {
		if v.Type().IsSubtype(t) {
			return true, nil
		}
		meta := cls.Type()
		if meta == TypeType {
			// A class whose __class__ attribute differs (proxies).
			return false, nil
		}
		f := meta.Lookup(dunderInstancecheck)
		if f.IsNull() {
			return false, nil
		}
		r, err := callDescr(th, f, cls, []Value{v}, nil)
		if err != nil {
			return false, err
		}
		return Truth(th, r)
	}
	if tup, ok := AsTuple(cls); ok {
		if err := th.enterRecursive(" in __instancecheck__"); err != nil {
			return false, err
		}
		defer th.leaveRecursive()
		for _, c := range tup.items {
			r, err := IsInstance(th, v, c)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	}
	if u, ok := unionLayout.Cast(cls); ok {
		for _, c := range u.args {
			r, err := IsInstance(th, v, c)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	}
	f := cls.Type().Lookup(dunderInstancecheck)
	if !f.IsNull() {
		r, err := callDescr(th, f, cls, []Value{v}, nil)
		if err != nil {
			return false, err
		}
		return Truth(th, r)
	}
	return false, Errorf(TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
}

// IsSubclass is issubclass(a, cls).
func IsSubclass(th *Thread, a, cls Value) (bool, error) {
	if ct, ok := AsType(cls); ok && cls.Type() == TypeType {
		at, ok := AsType(a)
		if !ok {
			return false, Errorf(TypeError, "issubclass() arg 1 must be a class")
		}
		return at.IsSubtype(ct), nil
	}
	if tup, ok := AsTuple(cls); ok {
		for _, c := range tup.items {
			r, err := IsSubclass(th, a, c)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	}
	if u, ok := unionLayout.Cast(cls); ok {
		for _, c := range u.args {
			r, err := IsSubclass(th, a, c)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	}
	f := cls.Type().Lookup(dunderSubclasscheck)
	if !f.IsNull() {
		r, err := callDescr(th, f, cls, []Value{a}, nil)
		if err != nil {
			return false, err
		}
		return Truth(th, r)
	}
	return false, Errorf(TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
}
