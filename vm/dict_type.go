package vm

// This file holds dict's type object, methods, iterators and views.

import "strings"

func dictMissing(th *Thread, d, key Value) error {
	return NewException(KeyError, key)
}

func dictGetItem(th *Thread, v, key Value) (Value, error) {
	d := dictLayout.Must(v)
	r, found, err := d.Get(th, key)
	if err != nil {
		return Null, err
	}
	if found {
		return r, nil
	}
	if d.typ != DictType {
		// dict subclasses may define __missing__.
		if m := d.typ.Lookup(dunderMissing); !m.IsNull() {
			return callDescr(th, m, v, []Value{key}, nil)
		}
	}
	return Null, NewException(KeyError, key)
}

func dictSetItem(th *Thread, v, key, x Value) error {
	d := dictLayout.Must(v)
	if x.IsNull() {
		found, err := d.Delete(th, key)
		if err != nil {
			return err
		}
		if !found {
			return NewException(KeyError, key)
		}
		return nil
	}
	return d.Set(th, key, x)
}

func dictRepr(th *Thread, v Value) (Value, error) {
	d := dictLayout.Must(v)
	if d.used == 0 {
		return MakeStr("{}"), nil
	}
	if !th.reprEnter(v) {
		return MakeStr("{...}"), nil
	}
	defer th.reprLeave(v)
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for i := 0; i < len(d.entries); i++ {
		e := d.entries[i]
		if e.key.IsNull() {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		k, err := Repr(th, e.key)
		if err != nil {
			return Null, err
		}
		x, err := Repr(th, e.value)
		if err != nil {
			return Null, err
		}
		b.WriteString(k.s)
		b.WriteString(": ")
		b.WriteString(x.s)
	}
	b.WriteByte('}')
	return MakeStr(b.String()), nil
}

func dictCompare(th *Thread, a, b Value, op CompareOp) (Value, error) {
	da := dictLayout.Must(a)
	db, ok := AsDict(b)
	if !ok || (op != CmpEQ && op != CmpNE) {
		return NotImplemented, nil
	}
	eq, err := dictEqual(th, da, db)
	if err != nil {
		return Null, err
	}
	return MakeBool(eq == (op == CmpEQ)), nil
}

func dictEqual(th *Thread, a, b *Dict) (bool, error) {
	if a.used != b.used {
		return false, nil
	}
	for i := 0; i < len(a.entries); i++ {
		e := a.entries[i]
		if e.key.IsNull() {
			continue
		}
		j, err := b.lookup(th, e.key, e.hash)
		if err != nil {
			return false, err
		}
		if j < 0 {
			return false, nil
		}
		eq, err := RichCompareBool(th, e.value, b.entries[j].value, CmpEQ)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// dictUpdateFromMapping updates d from a mapping with keys() or from an
// iterable of pairs (dict.update semantics).
func dictUpdateFromMapping(th *Thread, d *Dict, v Value) error {
	if o, ok := AsDict(v); ok && inheritsSlotFrom(o.typ, "__iter__", DictType) && inheritsSlotFrom(o.typ, "keys", DictType) {
		return d.Update(th, o)
	}
	keysF, err := LookupAttr(th, v, "keys")
	if err != nil {
		return err
	}
	if !keysF.IsNull() {
		kv, err := Call(th, keysF, nil, nil)
		if err != nil {
			return err
		}
		return ForEach(th, kv, func(k Value) (bool, error) {
			x, err := GetItem(th, v, k)
			if err != nil {
				return false, err
			}
			return true, d.Set(th, k, x)
		})
	}
	i := 0
	return ForEach(th, v, func(pair Value) (bool, error) {
		items, err := SeqToSlice(th, pair)
		if err != nil {
			if AsException(err).Matches(TypeError) {
				return false, Errorf(TypeError, "cannot convert dictionary update sequence element #%d to a sequence", i)
			}
			return false, err
		}
		if len(items) != 2 {
			return false, Errorf(ValueError, "dictionary update sequence element #%d has length %d; 2 is required", i, len(items))
		}
		i++
		return true, d.Set(th, items[0], items[1])
	})
}

func dictInit(th *Thread, self Value, args []Value, kwnames []Value) error {
	d := dictLayout.Must(self)
	npos := len(args) - len(kwnames)
	if npos > 1 {
		return Errorf(TypeError, "dict expected at most 1 argument, got %d", npos)
	}
	if npos == 1 {
		if err := dictUpdateFromMapping(th, d, args[0]); err != nil {
			return err
		}
	}
	for i, k := range kwnames {
		if err := d.Set(th, k, args[npos+i]); err != nil {
			return err
		}
	}
	return nil
}

// dictIter iterates keys, values or items.
type dictIter struct {
	Object
	cur  dictCursor
	kind int // 0 keys, 1 values, 2 items
}

var dictIterLayout = NewLayout[dictIter]("dict_keyiterator")

func newDictIter(d *Dict, kind int) Value {
	it := &dictIter{cur: newDictCursor(d), kind: kind}
	it.typ = [...]*Type{DictKeyIterType, DictValueIterType, DictItemIterType}[kind]
	return it.Value()
}

func dictIterNext(th *Thread, v Value) (Value, error) {
	it := dictIterLayout.Must(v)
	e, ok, err := it.cur.next()
	if err != nil || !ok {
		return Null, err
	}
	switch it.kind {
	case 0:
		return e.key, nil
	case 1:
		return e.value, nil
	}
	return NewTuple(e.key, e.value).Value(), nil
}

// dictView is dict.keys()/values()/items().
type dictView struct {
	Object
	d    *Dict
	kind int
}

var dictViewLayout = NewLayout[dictView]("dict_keys")

func newDictView(d *Dict, kind int) Value {
	v := &dictView{d: d, kind: kind}
	v.typ = [...]*Type{DictKeysType, DictValuesType, DictItemsType}[kind]
	return v.Value()
}

func viewAsSet(th *Thread, v Value) (*Set, error) {
	s := NewSet()
	return s, s.Update(th, v)
}

func initDictTypes() {
	initBuiltinType(DictType, TypeSpec{
		Name: "dict", Layout: dictLayout.info,
		Doc: "dict() -> new empty dictionary",
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				d := dictLayout.New(t)
				d.keysVersion = newKeysVersion()
				return d.Value(), nil
			},
			Init:    dictInit,
			Repr:    dictRepr,
			Hash:    unhashable,
			Compare: dictCompare,
			Len:     func(th *Thread, v Value) (int, error) { return dictLayout.Must(v).used, nil },
			GetItem: dictGetItem,
			SetItem: dictSetItem,
			Contains: func(th *Thread, v, x Value) (bool, error) {
				_, found, err := dictLayout.Must(v).Get(th, x)
				return found, err
			},
			Iter: func(th *Thread, v Value) (Value, error) { return newDictIter(dictLayout.Must(v), 0), nil },
			Binary: [numBinaryOps]func(*Thread, Value, Value) (Value, error){
				OpOr: func(th *Thread, a, b Value) (Value, error) {
					da, ok1 := AsDict(a)
					db, ok2 := AsDict(b)
					if !ok1 || !ok2 {
						return NotImplemented, nil
					}
					n := da.Copy()
					return n.Value(), n.Update(th, db)
				},
			},
			Inplace: [numBinaryOps]func(*Thread, Value, Value) (Value, error){
				OpOr: func(th *Thread, a, b Value) (Value, error) {
					return a, dictUpdateFromMapping(th, dictLayout.Must(a), b)
				},
			},
		},
		Methods: dictMethods(),
	})
	for i, name := range []string{"dict_keyiterator", "dict_valueiterator", "dict_itemiterator"} {
		t := []*Type{DictKeyIterType, DictValueIterType, DictItemIterType}[i]
		initBuiltinType(t, TypeSpec{
			Name: name, Layout: dictIterLayout.info, Final: true,
			Slots: Slots{
				Iter: func(th *Thread, v Value) (Value, error) { return v, nil },
				Next: dictIterNext,
			},
			Methods: []*BuiltinMethod{{Name: "__length_hint__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				it := dictIterLayout.Must(args[0])
				if it.cur.d == nil {
					return MakeInt(0), nil
				}
				return MakeInt(int64(it.cur.left)), nil
			}}},
		})
	}
	viewSlots := func(kind int) Slots {
		s := Slots{
			Len: func(th *Thread, v Value) (int, error) { return dictViewLayout.Must(v).d.used, nil },
			Iter: func(th *Thread, v Value) (Value, error) {
				dv := dictViewLayout.Must(v)
				return newDictIter(dv.d, dv.kind), nil
			},
			Repr: func(th *Thread, v Value) (Value, error) {
				dv := dictViewLayout.Must(v)
				if !th.reprEnter(v) {
					return MakeStr("..."), nil
				}
				defer th.reprLeave(v)
				items, err := SeqToSlice(th, v)
				if err != nil {
					return Null, err
				}
				r, err := Repr(th, NewList(items).Value())
				if err != nil {
					return Null, err
				}
				return MakeStr(dv.typ.Name + "(" + r.s + ")"), nil
			},
		}
		if kind != 1 {
			s.Contains = func(th *Thread, v, x Value) (bool, error) {
				dv := dictViewLayout.Must(v)
				if dv.kind == 0 {
					_, found, err := dv.d.Get(th, x)
					return found, err
				}
				t, ok := AsTuple(x)
				if !ok || len(t.items) != 2 {
					return false, nil
				}
				val, found, err := dv.d.Get(th, t.items[0])
				if err != nil || !found {
					return false, err
				}
				return RichCompareBool(th, val, t.items[1], CmpEQ)
			}
			setOp := func(op BinaryOp) func(*Thread, Value, Value) (Value, error) {
				return func(th *Thread, a, b Value) (Value, error) {
					sa, err := viewAsSet(th, a)
					if err != nil {
						return Null, err
					}
					return BinaryOperation(th, sa.Value(), mustSetOf(th, b), op)
				}
			}
			s.Binary = [numBinaryOps]func(*Thread, Value, Value) (Value, error){
				OpAnd: setOp(OpAnd), OpOr: setOp(OpOr), OpSub: setOp(OpSub), OpXor: setOp(OpXor),
			}
			s.Compare = func(th *Thread, a, b Value, op CompareOp) (Value, error) {
				sa, err := viewAsSet(th, a)
				if err != nil {
					return Null, err
				}
				if _, ok := dictViewLayout.Cast(b); !ok {
					if _, ok := AsSet(b); !ok {
						return NotImplemented, nil
					}
				}
				sb, err := viewAsSet(th, b)
				if err != nil {
					return Null, err
				}
				return setCompare(th, sa.Value(), sb.Value(), op)
			}
		}
		return s
	}
	for i, name := range []string{"dict_keys", "dict_values", "dict_items"} {
		t := []*Type{DictKeysType, DictValuesType, DictItemsType}[i]
		initBuiltinType(t, TypeSpec{
			Name: name, Layout: dictViewLayout.info, Final: true,
			Slots: viewSlots(i),
			Methods: []*BuiltinMethod{
				{Name: "isdisjoint", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
					sa, err := viewAsSet(th, args[0])
					if err != nil {
						return Null, err
					}
					r, err := setIntersection(th, sa, args[1])
					if err != nil {
						return Null, err
					}
					return MakeBool(r.used == 0), nil
				}},
				{Name: "__reversed__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
					items, err := SeqToSlice(th, args[0])
					if err != nil {
						return Null, err
					}
					for a, b := 0, len(items)-1; a < b; a, b = a+1, b-1 {
						items[a], items[b] = items[b], items[a]
					}
					return newSliceIter(TupleIterType, Null, items), nil
				}},
			},
			Getters: []*GetSet{{Name: "mapping", Get: func(th *Thread, v Value) (Value, error) {
				return newMappingProxy(dictViewLayout.Must(v).d.Value()), nil
			}}},
		})
	}
}

func mustSetOf(th *Thread, v Value) Value {
	if _, ok := AsSet(v); ok {
		return v
	}
	s := NewSet()
	_ = s.Update(th, v)
	return s.Value()
}

func dictMethods() []*BuiltinMethod {
	self := func(args []Value) *Dict { return dictLayout.Must(args[0]) }
	return []*BuiltinMethod{
		{Name: "keys", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return newDictView(self(args), 0), nil }},
		{Name: "values", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return newDictView(self(args), 1), nil }},
		{Name: "items", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return newDictView(self(args), 2), nil }},
		{Name: "get", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) < 2 || len(args) > 3 {
				return Null, Errorf(TypeError, "get expected at least 1 argument, got %d", len(args)-1)
			}
			v, found, err := self(args).Get(th, args[1])
			if err != nil {
				return Null, err
			}
			if found {
				return v, nil
			}
			if len(args) == 3 {
				return args[2], nil
			}
			return None, nil
		}},
		{Name: "setdefault", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) < 2 || len(args) > 3 {
				return Null, Errorf(TypeError, "setdefault expected at least 1 argument, got %d", len(args)-1)
			}
			d := self(args)
			v, found, err := d.Get(th, args[1])
			if err != nil || found {
				return v, err
			}
			def := None
			if len(args) == 3 {
				def = args[2]
			}
			return def, d.Set(th, args[1], def)
		}},
		{Name: "pop", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) < 2 || len(args) > 3 {
				return Null, Errorf(TypeError, "pop expected at least 1 argument, got %d", len(args)-1)
			}
			d := self(args)
			v, found, err := d.Get(th, args[1])
			if err != nil {
				return Null, err
			}
			if found {
				_, err := d.Delete(th, args[1])
				return v, err
			}
			if len(args) == 3 {
				return args[2], nil
			}
			return Null, NewException(KeyError, args[1])
		}},
		{Name: "popitem", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			d := self(args)
			for i := len(d.entries) - 1; i >= 0; i-- {
				e := d.entries[i]
				if !e.key.IsNull() {
					d.deleteAt(i)
					d.entries = d.entries[:i]
					return NewTuple(e.key, e.value).Value(), nil
				}
			}
			return Null, Errorf(KeyError, "popitem(): dictionary is empty")
		}},
		{Name: "update", Fn: func(th *Thread, args []Value, kwnames []Value) (Value, error) {
			d := self(args)
			npos := len(args) - len(kwnames) - 1
			if npos > 1 {
				return Null, Errorf(TypeError, "update expected at most 1 argument, got %d", npos)
			}
			if npos == 1 {
				if err := dictUpdateFromMapping(th, d, args[1]); err != nil {
					return Null, err
				}
			}
			for i, k := range kwnames {
				if err := d.Set(th, k, args[1+npos+i]); err != nil {
					return Null, err
				}
			}
			return None, nil
		}},
		{Name: "clear", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			self(args).Clear()
			return None, nil
		}},
		{Name: "copy", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return self(args).Copy().Value(), nil }},
		{Name: "fromkeys", Flags: MethClass, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) < 2 || len(args) > 3 {
				return Null, Errorf(TypeError, "fromkeys expected at least 1 argument, got %d", len(args)-1)
			}
			val := None
			if len(args) == 3 {
				val = args[2]
			}
			dv, err := Call(th, args[0], nil, nil)
			if err != nil {
				return Null, err
			}
			err = ForEach(th, args[1], func(k Value) (bool, error) {
				if d, ok := castExact[Dict](dv, DictType); ok {
					return true, d.Set(th, k, val)
				}
				return true, SetItem(th, dv, k, val)
			})
			return dv, err
		}},
		{Name: "__reversed__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			keys := self(args).Keys()
			for a, b := 0, len(keys)-1; a < b; a, b = a+1, b-1 {
				keys[a], keys[b] = keys[b], keys[a]
			}
			return newSliceIter(TupleIterType, Null, keys), nil
		}},
		{Name: "__class_getitem__", Flags: MethClass, Fn: classGetItemAlias},
		{Name: "__sizeof__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return MakeInt(int64(48 + 24*cap(self(args).entries))), nil
		}},
	}
}
