// Package operator is Python's operator module (CPython's _operator and
// operator.py in one): the operators as functions, plus itemgetter,
// attrgetter and methodcaller. It is in Go because sorted(key=...) and
// map() with these functions are hot paths.
package operator

import (
	"strings"

	"gilpy/vm"
)

func init() {
	vm.RegisterModule("operator", initModule)
	vm.RegisterModule("_operator", initModule)
}

type binFn func(th *vm.Thread, a, b vm.Value) (vm.Value, error)
type unFn func(th *vm.Thread, a vm.Value) (vm.Value, error)

func add(m *vm.Module, names []string, nargs int, fn vm.BuiltinFn) {
	for _, name := range names {
		name := name
		m.AddFunc(name, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.NoKeywords(name, kw); err != nil {
				return vm.Null, err
			}
			if nargs == 1 {
				if len(args) != 1 {
					return vm.Null, vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
				}
			} else if err := vm.ArgCount(name, args, nargs, nargs); err != nil {
				return vm.Null, err
			}
			return fn(th, args, kw)
		})
	}
}

func bin(f binFn) vm.BuiltinFn {
	return func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return f(th, args[0], args[1]) }
}

func un(f unFn) vm.BuiltinFn {
	return func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return f(th, args[0]) }
}

func binop(op vm.BinaryOp) binFn {
	return func(th *vm.Thread, a, b vm.Value) (vm.Value, error) { return vm.BinaryOperation(th, a, b, op) }
}

func inplace(op vm.BinaryOp) binFn {
	return func(th *vm.Thread, a, b vm.Value) (vm.Value, error) { return vm.InplaceOperation(th, a, b, op) }
}

func cmp(op vm.CompareOp) binFn {
	return func(th *vm.Thread, a, b vm.Value) (vm.Value, error) { return vm.RichCompare(th, a, b, op) }
}

// names returns the function's public name and its dunder alias.
func names(n string) []string {
	return []string{n, "__" + strings.TrimSuffix(n, "_") + "__"}
}

func initModule(th *vm.Thread, m *vm.Module) error {
	for _, b := range []struct {
		name string
		op   vm.BinaryOp
	}{
		{"add", vm.OpAdd}, {"sub", vm.OpSub}, {"mul", vm.OpMul}, {"truediv", vm.OpTrueDiv},
		{"floordiv", vm.OpFloorDiv}, {"mod", vm.OpMod}, {"pow", vm.OpPow},
		{"lshift", vm.OpLShift}, {"rshift", vm.OpRShift}, {"and_", vm.OpAnd},
		{"or_", vm.OpOr}, {"xor", vm.OpXor}, {"matmul", vm.OpMatMul},
	} {
		add(m, names(b.name), 2, bin(binop(b.op)))
		iname := "i" + strings.TrimSuffix(b.name, "_")
		add(m, []string{iname, "__" + iname + "__"}, 2, bin(inplace(b.op)))
	}
	for _, c := range []struct {
		name string
		op   vm.CompareOp
	}{{"lt", vm.CmpLT}, {"le", vm.CmpLE}, {"eq", vm.CmpEQ}, {"ne", vm.CmpNE}, {"gt", vm.CmpGT}, {"ge", vm.CmpGE}} {
		add(m, names(c.name), 2, bin(cmp(c.op)))
	}
	add(m, names("neg"), 1, un(vm.Neg))
	add(m, names("pos"), 1, un(vm.Pos))
	add(m, names("abs"), 1, un(vm.Abs))
	add(m, append(names("invert"), "inv", "__inv__"), 1, un(vm.Invert))
	add(m, names("index"), 1, un(vm.Index))
	add(m, names("not_"), 1, un(func(th *vm.Thread, a vm.Value) (vm.Value, error) {
		t, err := vm.Truth(th, a)
		return vm.MakeBool(!t), err
	}))
	add(m, []string{"truth"}, 1, un(func(th *vm.Thread, a vm.Value) (vm.Value, error) {
		t, err := vm.Truth(th, a)
		return vm.MakeBool(t), err
	}))
	add(m, []string{"is_"}, 2, bin(func(th *vm.Thread, a, b vm.Value) (vm.Value, error) { return vm.MakeBool(a.Is(b)), nil }))
	add(m, []string{"is_not"}, 2, bin(func(th *vm.Thread, a, b vm.Value) (vm.Value, error) { return vm.MakeBool(!a.Is(b)), nil }))
	add(m, names("getitem"), 2, bin(vm.GetItem))
	add(m, names("setitem"), 3, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		return vm.None, vm.SetItem(th, args[0], args[1], args[2])
	})
	add(m, names("delitem"), 2, bin(func(th *vm.Thread, a, b vm.Value) (vm.Value, error) {
		return vm.None, vm.SetItem(th, a, b, vm.Null)
	}))
	add(m, names("contains"), 2, bin(func(th *vm.Thread, a, b vm.Value) (vm.Value, error) {
		r, err := vm.Contains(th, a, b)
		return vm.MakeBool(r), err
	}))
	add(m, names("concat"), 2, bin(func(th *vm.Thread, a, b vm.Value) (vm.Value, error) {
		if !isSequence(a) {
			return vm.Null, vm.Errorf(vm.TypeError, "'%s' object can't be concatenated", vm.TypeName(a))
		}
		return vm.BinaryOperation(th, a, b, vm.OpAdd)
	}))
	add(m, names("iconcat"), 2, bin(func(th *vm.Thread, a, b vm.Value) (vm.Value, error) {
		if !isSequence(a) {
			return vm.Null, vm.Errorf(vm.TypeError, "'%s' object can't be concatenated", vm.TypeName(a))
		}
		return vm.InplaceOperation(th, a, b, vm.OpAdd)
	}))
	add(m, []string{"countOf"}, 2, bin(func(th *vm.Thread, a, b vm.Value) (vm.Value, error) {
		n := int64(0)
		err := vm.ForEach(th, a, func(x vm.Value) (bool, error) {
			eq, err := identOrEqual(th, x, b)
			if eq {
				n++
			}
			return true, err
		})
		return vm.MakeInt(n), err
	}))
	add(m, []string{"indexOf"}, 2, bin(func(th *vm.Thread, a, b vm.Value) (vm.Value, error) {
		i, found := int64(0), false
		err := vm.ForEach(th, a, func(x vm.Value) (bool, error) {
			eq, err := identOrEqual(th, x, b)
			if err != nil {
				return false, err
			}
			if eq {
				found = true
				return false, nil
			}
			i++
			return true, nil
		})
		if err != nil {
			return vm.Null, err
		}
		if !found {
			return vm.Null, vm.Errorf(vm.ValueError, "sequence.index(x): x not in sequence")
		}
		return vm.MakeInt(i), nil
	}))
	m.AddFunc("length_hint", lengthHint)
	m.AddFunc("call", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if len(args)-len(kw) < 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "call() missing 1 required positional argument: 'obj'")
		}
		return vm.Call(th, args[0], args[1:], kw)
	})
	m.Set("__call__", mustGet(m, "call"))
	m.AddType(itemgetterType)
	m.AddType(attrgetterType)
	m.AddType(methodcallerType)
	m.Set("__all__", allNames(m))
	return nil
}

func mustGet(m *vm.Module, name string) vm.Value {
	v, _ := m.Get(name)
	return v
}

func allNames(m *vm.Module) vm.Value {
	var out []vm.Value
	for _, k := range m.Dict().Keys() {
		s, _ := vm.AsStr(k)
		if s != nil && !strings.HasPrefix(s.String(), "_") {
			out = append(out, k)
		}
	}
	return vm.NewList(out).Value()
}

func identOrEqual(th *vm.Thread, a, b vm.Value) (bool, error) {
	if a.Is(b) {
		return true, nil
	}
	return vm.Equal(th, a, b)
}

func isSequence(v vm.Value) bool {
	if _, ok := vm.AsDict(v); ok {
		return false
	}
	return v.Type().GetItem != nil
}

func lengthHint(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("length_hint", kw); err != nil {
		return vm.Null, err
	}
	if err := vm.ArgCount("length_hint", args, 1, 2); err != nil {
		return vm.Null, err
	}
	def := int64(0)
	if len(args) == 2 {
		if !vm.IsInt(args[1]) {
			return vm.Null, vm.Errorf(vm.TypeError, "'%s' object cannot be interpreted as an integer", vm.TypeName(args[1]))
		}
		d, err := vm.AsInt64(th, args[1])
		if err != nil {
			return vm.Null, err
		}
		def = d
	}
	n, err := LengthHint(th, args[0], def)
	if err != nil {
		return vm.Null, err
	}
	return vm.MakeInt(n), nil
}

// LengthHint is PyObject_LengthHint: len(), then __length_hint__, then
// the default.
func LengthHint(th *vm.Thread, o vm.Value, def int64) (int64, error) {
	if o.Type().Len != nil {
		n, err := vm.Len(th, o)
		if err == nil {
			return int64(n), nil
		}
		if !vm.AsException(err).Matches(vm.TypeError) {
			return 0, err
		}
	}
	h := o.Type().LookupString("__length_hint__")
	if h.IsNull() {
		return def, nil
	}
	r, err := vm.CallMethod(th, o, "__length_hint__")
	if err != nil {
		if vm.AsException(err).Matches(vm.TypeError) {
			return def, nil
		}
		return 0, err
	}
	if r.Is(vm.NotImplemented) {
		return def, nil
	}
	if !vm.IsInt(r) {
		return 0, vm.Errorf(vm.TypeError, "__length_hint__ must be an integer, not %s", vm.TypeName(r))
	}
	n, err := vm.AsInt64(th, r)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, vm.Errorf(vm.ValueError, "__length_hint__() should return >= 0")
	}
	return n, nil
}

// ------------------------------------------------------------ getters

type itemgetter struct {
	vm.Object
	items []vm.Value
}

type attrgetter struct {
	vm.Object
	attrs [][]*vm.Str // dotted names split
	raw   []vm.Value
}

type methodcaller struct {
	vm.Object
	name    vm.Value
	args    []vm.Value // positional then keyword values
	kwnames []vm.Value
}

var (
	itemgetterLayout   = vm.NewLayout[itemgetter]("operator.itemgetter")
	attrgetterLayout   = vm.NewLayout[attrgetter]("operator.attrgetter")
	methodcallerLayout = vm.NewLayout[methodcaller]("operator.methodcaller")

	itemgetterType, attrgetterType, methodcallerType *vm.Type
)

func reprArgs(th *vm.Thread, name string, vals []vm.Value) (vm.Value, error) {
	parts := make([]string, len(vals))
	for i, v := range vals {
		r, err := vm.Repr(th, v)
		if err != nil {
			return vm.Null, err
		}
		parts[i] = r.String()
	}
	return vm.MakeStr(name + "(" + strings.Join(parts, ", ") + ")"), nil
}

func init() {
	itemgetterType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "itemgetter", Module: "operator", Layout: itemgetterLayout.Info(),
		Doc: "Return a callable object that fetches the given item(s) from its operand.",
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				if err := vm.NoKeywords("itemgetter", kw); err != nil {
					return vm.Null, err
				}
				if len(args) < 1 {
					return vm.Null, vm.Errorf(vm.TypeError, "itemgetter expected 1 argument, got 0")
				}
				g := itemgetterLayout.New(t)
				g.items = append([]vm.Value(nil), args...)
				return g.Value(), nil
			},
			Call: func(th *vm.Thread, self vm.Value, args, kw []vm.Value) (vm.Value, error) {
				g := itemgetterLayout.Must(self)
				if err := vm.NoKeywords("itemgetter", kw); err != nil {
					return vm.Null, err
				}
				if len(args) != 1 {
					return vm.Null, vm.Errorf(vm.TypeError, "itemgetter expected 1 argument, got %d", len(args))
				}
				if len(g.items) == 1 {
					return vm.GetItem(th, args[0], g.items[0])
				}
				out := make([]vm.Value, len(g.items))
				for i, k := range g.items {
					v, err := vm.GetItem(th, args[0], k)
					if err != nil {
						return vm.Null, err
					}
					out[i] = v
				}
				return vm.NewTuple(out...).Value(), nil
			},
			Repr: func(th *vm.Thread, self vm.Value) (vm.Value, error) {
				g := itemgetterLayout.Must(self)
				if !th.ReprEnter(self) {
					return vm.MakeStr("operator.itemgetter(...)"), nil
				}
				defer th.ReprLeave(self)
				return reprArgs(th, "operator.itemgetter", g.items)
			},
		},
		Methods: []*vm.BuiltinMethod{{Name: "__reduce__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			g := itemgetterLayout.Must(args[0])
			return vm.NewTuple(args[0].Type().Value(), vm.NewTuple(g.items...).Value()).Value(), nil
		}}},
	})
	attrgetterType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "attrgetter", Module: "operator", Layout: attrgetterLayout.Info(),
		Doc: "Return a callable object that fetches the given attribute(s) from its operand.",
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				if err := vm.NoKeywords("attrgetter", kw); err != nil {
					return vm.Null, err
				}
				if len(args) < 1 {
					return vm.Null, vm.Errorf(vm.TypeError, "attrgetter expected 1 argument, got 0")
				}
				g := attrgetterLayout.New(t)
				for _, a := range args {
					s, ok := vm.AsStr(a)
					if !ok {
						return vm.Null, vm.Errorf(vm.TypeError, "attribute name must be a string")
					}
					var parts []*vm.Str
					for _, p := range strings.Split(s.String(), ".") {
						parts = append(parts, vm.Intern(p))
					}
					g.attrs = append(g.attrs, parts)
				}
				g.raw = append([]vm.Value(nil), args...)
				return g.Value(), nil
			},
			Call: func(th *vm.Thread, self vm.Value, args, kw []vm.Value) (vm.Value, error) {
				g := attrgetterLayout.Must(self)
				if err := vm.NoKeywords("attrgetter", kw); err != nil {
					return vm.Null, err
				}
				if len(args) != 1 {
					return vm.Null, vm.Errorf(vm.TypeError, "attrgetter expected 1 argument, got %d", len(args))
				}
				get := func(parts []*vm.Str) (vm.Value, error) {
					v := args[0]
					for _, p := range parts {
						r, err := vm.GetAttr(th, v, p)
						if err != nil {
							return vm.Null, err
						}
						v = r
					}
					return v, nil
				}
				if len(g.attrs) == 1 {
					return get(g.attrs[0])
				}
				out := make([]vm.Value, len(g.attrs))
				for i, parts := range g.attrs {
					v, err := get(parts)
					if err != nil {
						return vm.Null, err
					}
					out[i] = v
				}
				return vm.NewTuple(out...).Value(), nil
			},
			Repr: func(th *vm.Thread, self vm.Value) (vm.Value, error) {
				return reprArgs(th, "operator.attrgetter", attrgetterLayout.Must(self).raw)
			},
		},
		Methods: []*vm.BuiltinMethod{{Name: "__reduce__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			g := attrgetterLayout.Must(args[0])
			return vm.NewTuple(args[0].Type().Value(), vm.NewTuple(g.raw...).Value()).Value(), nil
		}}},
	})
	methodcallerType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "methodcaller", Module: "operator", Layout: methodcallerLayout.Info(),
		Doc: "Return a callable object that calls the given method on its operand.",
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				if len(args)-len(kw) < 1 {
					return vm.Null, vm.Errorf(vm.TypeError, "methodcaller needs at least one argument, the method name")
				}
				if _, ok := vm.AsStr(args[0]); !ok {
					return vm.Null, vm.Errorf(vm.TypeError, "method name must be a string")
				}
				g := methodcallerLayout.New(t)
				g.name = args[0]
				g.args = append([]vm.Value(nil), args[1:]...)
				g.kwnames = append([]vm.Value(nil), kw...)
				return g.Value(), nil
			},
			Call: func(th *vm.Thread, self vm.Value, args, kw []vm.Value) (vm.Value, error) {
				g := methodcallerLayout.Must(self)
				if err := vm.NoKeywords("methodcaller", kw); err != nil {
					return vm.Null, err
				}
				if len(args) != 1 {
					return vm.Null, vm.Errorf(vm.TypeError, "methodcaller expected 1 argument, got %d", len(args))
				}
				s, _ := vm.AsStr(g.name)
				meth, err := vm.GetAttr(th, args[0], s)
				if err != nil {
					return vm.Null, err
				}
				callArgs := append([]vm.Value(nil), g.args...)
				return vm.Call(th, meth, callArgs, g.kwnames)
			},
			Repr: func(th *vm.Thread, self vm.Value) (vm.Value, error) {
				g := methodcallerLayout.Must(self)
				r, err := vm.Repr(th, g.name)
				if err != nil {
					return vm.Null, err
				}
				parts := []string{r.String()}
				npos := len(g.args) - len(g.kwnames)
				for i, a := range g.args {
					r, err := vm.Repr(th, a)
					if err != nil {
						return vm.Null, err
					}
					if i >= npos {
						k, _ := vm.AsStr(g.kwnames[i-npos])
						parts = append(parts, k.String()+"="+r.String())
					} else {
						parts = append(parts, r.String())
					}
				}
				return vm.MakeStr("operator.methodcaller(" + strings.Join(parts, ", ") + ")"), nil
			},
		},
	})
}
