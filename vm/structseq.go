package vm

// This file implements struct sequences: the named tuples CPython's C
// modules return (sys.version_info, time.struct_time, os.stat_result).
// They are tuple subclasses whose fields are also attributes, and whose
// repr is "module.name(field=value, ...)".

import "strings"

// NewStructSeqType makes a struct sequence type. The first nVisible fields
// are the tuple items; any further fields are attributes only (as
// struct_time's tm_zone).
func NewStructSeqType(module, name string, fields []string, nVisible int) *Type {
	var t *Type
	getters := make([]*GetSet, len(fields))
	for i, f := range fields {
		i := i
		getters[i] = &GetSet{Name: f, Get: func(th *Thread, v Value) (Value, error) {
			tup := tupleLayout.Must(v)
			if i < len(tup.items) {
				return tup.items[i], nil
			}
			if tup.dict != nil {
				if x, ok := tup.dict.getStr(Intern(fields[i])); ok {
					return x, nil
				}
			}
			return None, nil
		}}
	}
	t = NewBuiltinType(TypeSpec{
		Name: name, Module: module, Base: TupleType, Final: true,
		Slots: Slots{
			New: func(th *Thread, tt *Type, args []Value, kw []Value) (Value, error) {
				if len(args) < 1 {
					return Null, Errorf(TypeError, "%s.%s() missing required argument 'sequence' (pos 1)", module, name)
				}
				items, err := SeqToSlice(th, args[0])
				if err != nil {
					return Null, err
				}
				if len(items) < nVisible {
					return Null, Errorf(TypeError, "%s.%s() takes an at least %d-sequence (%d-sequence given)", module, name, nVisible, len(items))
				}
				return NewStructSeq(tt, items), nil
			},
			Repr: func(th *Thread, v Value) (Value, error) {
				tup := tupleLayout.Must(v)
				var b strings.Builder
				b.WriteString(module + "." + name + "(")
				for i, x := range tup.items {
					if i >= nVisible {
						break
					}
					if i > 0 {
						b.WriteString(", ")
					}
					r, err := Repr(th, x)
					if err != nil {
						return Null, err
					}
					b.WriteString(fields[i] + "=" + r.s)
				}
				b.WriteString(")")
				return MakeStr(b.String()), nil
			},
		},
		Getters: getters,
		Attrs: map[string]Value{
			"n_sequence_fields": MakeInt(int64(nVisible)),
			"n_fields":          MakeInt(int64(len(fields))),
			"n_unnamed_fields":  MakeInt(0),
		},
	})
	mf := make([]Value, nVisible)
	for i := range mf {
		mf[i] = MakeStr(fields[i])
	}
	t.dict.SetString("__match_args__", NewTuple(mf...).Value())
	all := make([]Value, len(fields))
	for i := range all {
		all[i] = MakeStr(fields[i])
	}
	t.dict.SetString("__structseq_fields__", NewTuple(all...).Value())
	return t
}

// NewStructSeq builds an instance; items beyond the visible fields are
// kept as attributes.
func NewStructSeq(t *Type, items []Value) Value {
	n := int(t.dict.getStrInt("n_sequence_fields"))
	tup := tupleLayout.New(t)
	if len(items) > n {
		extra := items[n:]
		items = items[:n]
		fields := t.dict.getStrStrings("__structseq_fields__")
		for i, x := range extra {
			if n+i < len(fields) {
				if tup.dict == nil {
					tup.dict = NewDict()
				}
				tup.dict.SetString(fields[n+i], x)
			}
		}
	}
	tup.items = items
	return tup.Value()
}

func (d *Dict) getStrInt(key string) int64 {
	if v, ok := d.getStr(Intern(key)); ok && v.IsSmallInt() {
		return v.SmallInt()
	}
	return 0
}

func (d *Dict) getStrStrings(key string) []string {
	v, ok := d.getStr(Intern(key))
	if !ok {
		return nil
	}
	t, ok := AsTuple(v)
	if !ok {
		return nil
	}
	out := make([]string, len(t.items))
	for i, x := range t.items {
		if s, ok := AsStr(x); ok {
			out[i] = s.s
		}
	}
	return out
}
