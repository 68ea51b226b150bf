package vm

// This file implements types.SimpleNamespace (also sys.implementation).

import (
	"strings"
)

// SimpleNamespaceType is types.SimpleNamespace.
var SimpleNamespaceType = &Type{}

func initNamespaceType() {
	initBuiltinType(SimpleNamespaceType, TypeSpec{
		Name: "SimpleNamespace", Module: "types", Layout: instanceLayout.info, HasDict: true,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				o := t.layout.new(t)
				o.header().dict = NewDict()
				return o, nil
			},
			Init: func(th *Thread, self Value, args []Value, kwnames []Value) error {
				npos := len(args) - len(kwnames)
				if npos > 1 {
					return Errorf(TypeError, "SimpleNamespace expected at most 1 argument, got %d", npos)
				}
				d := self.header().dict
				if npos == 1 {
					if err := dictUpdateFromMapping(th, d, args[0]); err != nil {
						return err
					}
				}
				for i, k := range kwnames {
					d.SetStr(Intern(strLayout.Must(k).s), args[npos+i])
				}
				return nil
			},
			Repr: func(th *Thread, v Value) (Value, error) {
				name := "namespace"
				if v.Type() != SimpleNamespaceType {
					name = v.Type().Name
				}
				if !th.reprEnter(v) {
					return MakeStr(name + "(...)"), nil
				}
				defer th.reprLeave(v)
				var parts []string
				d := v.header().dict
				for i := 0; d != nil && i < len(d.entries); i++ {
					e := d.entries[i]
					if e.key.IsNull() {
						continue
					}
					k, ok := AsStr(e.key)
					if !ok {
						continue
					}
					r, err := Repr(th, e.value)
					if err != nil {
						return Null, err
					}
					parts = append(parts, k.s+"="+r.s)
				}
				return MakeStr(name + "(" + strings.Join(parts, ", ") + ")"), nil
			},
			Compare: func(th *Thread, a, b Value, op CompareOp) (Value, error) {
				if !b.Type().IsSubtype(SimpleNamespaceType) || (op != CmpEQ && op != CmpNE) {
					return NotImplemented, nil
				}
				eq, err := dictEqual(th, a.header().dict, b.header().dict)
				return MakeBool(eq == (op == CmpEQ)), err
			},
		},
		Getters: []*GetSet{{Name: "__dict__", Get: func(th *Thread, v Value) (Value, error) { return v.header().dict.Value(), nil }}},
	})
}

// NewNamespace builds a SimpleNamespace with the given attributes in order.
func NewNamespace(th *Thread, attrs map[string]Value, order []string) (Value, error) {
	o := instanceLayout.New(SimpleNamespaceType)
	o.dict = NewDict()
	for _, k := range order {
		o.dict.SetString(k, attrs[k])
	}
	return o.Value(), nil
}

// NewFrozenSetOf builds a frozenset of items.
func NewFrozenSetOf(th *Thread, items []Value) Value {
	s, err := newSetFromSlice(th, FrozenSetType, items)
	if err != nil {
		return NewTuple(items...).Value()
	}
	return s.Value()
}

// AsBuiltinFunction returns v as a builtin function.
func AsBuiltinFunction(v Value) (*BuiltinFunction, bool) { return builtinFunctionLayout.Cast(v) }

// NewSystemExit builds the SystemExit sys.exit raises.
func NewSystemExit(th *Thread, args []Value) *Exception {
	e := NewException(SystemExit, args...)
	_ = systemExitInit(th, e.Value(), args, nil)
	return e
}
