package vm

// This file holds small builtin types: mappingproxy, types.GenericAlias
// (list[int]), types.UnionType (int | str) and memoryview.

import "strings"

type mappingProxy struct {
	Object
	m Value
}

var mappingProxyLayout = NewLayout[mappingProxy]("mappingproxy")

func newMappingProxy(m Value) Value {
	p := &mappingProxy{m: m}
	p.typ = MappingProxyType
	return p.Value()
}

type genericAlias struct {
	Object
	origin Value
	args   []Value
}

var genericAliasLayout = NewLayout[genericAlias]("types.GenericAlias")

func newGenericAlias(origin, args Value) Value {
	g := &genericAlias{origin: origin}
	if t, ok := AsTuple(args); ok {
		g.args = t.items
	} else {
		g.args = []Value{args}
	}
	g.typ = GenericAliasType
	return g.Value()
}

// NewGenericAlias is types.GenericAlias(origin, args).
func NewGenericAlias(origin, args Value) Value { return newGenericAlias(origin, args) }

func classGetItemAlias(th *Thread, args []Value, kw []Value) (Value, error) {
	if len(args) != 2 {
		return Null, Errorf(TypeError, "__class_getitem__ expects one argument")
	}
	return newGenericAlias(args[0], args[1]), nil
}

type unionObj struct {
	Object
	args []Value
}

var unionLayout = NewLayout[unionObj]("types.UnionType")

func makeUnion(th *Thread, a, b Value) (Value, error) {
	ok := func(v Value) bool {
		if v.IsNone() {
			return true
		}
		if _, ok := AsType(v); ok {
			return true
		}
		if _, ok := unionLayout.Cast(v); ok {
			return true
		}
		_, ok := genericAliasLayout.Cast(v)
		return ok
	}
	if !ok(a) || !ok(b) {
		return NotImplemented, nil
	}
	var args []Value
	add := func(v Value) {
		if v.IsNone() {
			v = NoneType.Value()
		}
		if u, ok := unionLayout.Cast(v); ok {
			for _, x := range u.args {
				args = appendUnique(args, x)
			}
			return
		}
		args = appendUnique(args, v)
	}
	add(a)
	add(b)
	if len(args) == 1 {
		return args[0], nil
	}
	u := &unionObj{args: args}
	u.typ = UnionType
	return u.Value(), nil
}

func appendUnique(xs []Value, v Value) []Value {
	for _, x := range xs {
		if x.Is(v) {
			return xs
		}
	}
	return append(xs, v)
}

func typeReprForAlias(th *Thread, v Value) string {
	if v.IsNone() || v.Is(NoneType.Value()) {
		return "None"
	}
	if t, ok := AsType(v); ok {
		if mod := t.ModuleName(); mod != "builtins" && mod != "" {
			return mod + "." + t.Qualname
		}
		return t.Qualname
	}
	if v.Is(Ellipsis) {
		return "..."
	}
	r, err := Repr(th, v)
	if err != nil {
		return "?"
	}
	return r.s
}

func initMiscTypes() {
	initBuiltinType(MappingProxyType, TypeSpec{
		Name: "mappingproxy", Layout: mappingProxyLayout.info, Final: true,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				if len(args) != 1 {
					return Null, Errorf(TypeError, "mappingproxy() missing required argument 'mapping' (pos 1)")
				}
				return newMappingProxy(args[0]), nil
			},
			GetItem: func(th *Thread, v, k Value) (Value, error) { return GetItem(th, mappingProxyLayout.Must(v).m, k) },
			Len:     func(th *Thread, v Value) (int, error) { return Len(th, mappingProxyLayout.Must(v).m) },
			Iter:    func(th *Thread, v Value) (Value, error) { return Iter(th, mappingProxyLayout.Must(v).m) },
			Contains: func(th *Thread, v, x Value) (bool, error) {
				return Contains(th, mappingProxyLayout.Must(v).m, x)
			},
			Repr: func(th *Thread, v Value) (Value, error) {
				r, err := Repr(th, mappingProxyLayout.Must(v).m)
				if err != nil {
					return Null, err
				}
				return MakeStr("mappingproxy(" + r.s + ")"), nil
			},
			// str() is the mapping's str, as CPython's mappingproxy_str.
			Str: func(th *Thread, v Value) (Value, error) {
				s, err := StrOf(th, mappingProxyLayout.Must(v).m)
				if err != nil {
					return Null, err
				}
				return s.Value(), nil
			},
		},
		Methods: []*BuiltinMethod{
			{Name: "keys", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return CallMethod(th, mappingProxyLayout.Must(args[0]).m, "keys")
			}},
			{Name: "values", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return CallMethod(th, mappingProxyLayout.Must(args[0]).m, "values")
			}},
			{Name: "items", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return CallMethod(th, mappingProxyLayout.Must(args[0]).m, "items")
			}},
			{Name: "copy", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return CallMethod(th, mappingProxyLayout.Must(args[0]).m, "copy")
			}},
			{Name: "get", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return CallMethodKw(th, mappingProxyLayout.Must(args[0]).m, "get", args[1:], kw)
			}},
		},
	})
	initBuiltinType(GenericAliasType, TypeSpec{
		Name: "GenericAlias", Module: "types", Layout: genericAliasLayout.info,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				if len(args) != 2 {
					return Null, Errorf(TypeError, "GenericAlias expected 2 arguments, got %d", len(args))
				}
				return newGenericAlias(args[0], args[1]), nil
			},
			Repr: func(th *Thread, v Value) (Value, error) {
				g := genericAliasLayout.Must(v)
				parts := make([]string, len(g.args))
				for i, a := range g.args {
					parts[i] = typeReprForAlias(th, a)
				}
				if len(parts) == 0 {
					parts = []string{"()"}
				}
				return MakeStr(typeReprForAlias(th, g.origin) + "[" + strings.Join(parts, ", ") + "]"), nil
			},
			Call: func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
				return Call(th, genericAliasLayout.Must(self).origin, args, kw)
			},
			GetAttr: func(th *Thread, self Value, name *Str) (Value, error) {
				g := genericAliasLayout.Must(self)
				switch name.s {
				case "__origin__":
					return g.origin, nil
				case "__args__":
					return NewTupleCopy(g.args).Value(), nil
				case "__parameters__":
					return NewTuple().Value(), nil
				}
				if v, err := GenericGetAttr(th, self, name); err == nil {
					return v, nil
				}
				return GetAttr(th, g.origin, name)
			},
			Binary: [numBinaryOps]func(*Thread, Value, Value) (Value, error){OpOr: typeOr},
		},
	})
	initBuiltinType(UnionType, TypeSpec{
		Name: "UnionType", Module: "types", Layout: unionLayout.info, Final: true,
		Slots: Slots{
			Repr: func(th *Thread, v Value) (Value, error) {
				u := unionLayout.Must(v)
				parts := make([]string, len(u.args))
				for i, a := range u.args {
					parts[i] = typeReprForAlias(th, a)
				}
				return MakeStr(strings.Join(parts, " | ")), nil
			},
			Binary: [numBinaryOps]func(*Thread, Value, Value) (Value, error){OpOr: typeOr},
		},
		Getters: []*GetSet{{Name: "__args__", Get: func(th *Thread, v Value) (Value, error) {
			return NewTupleCopy(unionLayout.Must(v).args).Value(), nil
		}}},
	})
	initMemoryViewType()
}

// ternaryPow is pow(a, b, m) through int slots.
func ternaryPow(th *Thread, a, b, m Value) (Value, error) {
	if m.IsNone() {
		return BinaryOperation(th, a, b, OpPow)
	}
	if isIntLike(a) && isIntLike(b) && isIntLike(m) {
		return intPowMod(a, b, m)
	}
	return Null, Errorf(TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", TypeName(a), TypeName(b), TypeName(m))
}

// TernaryPow is pow() with a modulus.
func TernaryPow(th *Thread, a, b, m Value) (Value, error) { return ternaryPow(th, a, b, m) }
