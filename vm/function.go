package vm

// This file defines Python functions, code objects as the VM uses them, and
// cells (the boxes closures share).

import (
	"fmt"
	"math/big"
	"sync"
	"sync/atomic"

	"gilpy/vm/code"
)

// CodeObject is a compiled code object with its runtime state: constants
// converted to Values once, interned names, and the inline caches of its
// LOAD_GLOBAL / LOAD_ATTR / STORE_ATTR / LOAD_METHOD instructions.
type CodeObject struct {
	Object
	*code.Code
	consts []Value
	names  []*Str
	// caches holds one slot per cached instruction. A slot is replaced as a
	// whole (atomic pointer), so a thread running without the GIL never
	// sees a torn entry.
	caches []atomic.Pointer[inlineCache]
	// argNames are the interned parameter names, for keyword binding.
	argNames []*Str
	// cellIndex maps a cell slot to the argument it wraps (or -1).
	filename *Str
	name     *Str
	qualname *Str
}

// inlineCache is the state of one cached instruction. Which fields matter
// depends on the instruction and the kind of hit recorded.
type inlineCache struct {
	name *Str
	// LOAD_GLOBAL: valid while both dicts keep these key versions.
	globalsVer, builtinsVer uint64
	index                   int  // entry index in globals or builtins
	inBuiltins              bool // found in builtins, not globals
	// Attribute caches: valid for this exact type at this version.
	typ     *Type
	typeVer uint32
	kind    attrCacheKind
	value   Value // the class attribute (method, descriptor, plain value)
	hint    int   // instance-dict entry index hint
}

type attrCacheKind uint8

const (
	attrNone        attrCacheKind = iota
	attrInstance                  // instance dict, with an index hint
	attrMethod                    // a function found on the type, no shadowing instance attr
	attrMethodDescr               // a builtin method descriptor on the type (LOAD_METHOD only)
	attrClassValue                // a non-descriptor class attribute, no instance dict entry
	attrDataDescr                 // a data descriptor on the type
	attrModule                    // module attribute: entry index in a dict of this keys version
)

var codeObjectLayout = NewLayout[CodeObject]("code")

var codeObjects sync.Map // *code.Code -> *CodeObject

// NewCodeObject wraps compiled code for the VM. The same *code.Code always
// gives the same CodeObject, so caches are shared by all functions made
// from it, as in CPython.
func NewCodeObject(c *code.Code) *CodeObject {
	if v, ok := codeObjects.Load(c); ok {
		return v.(*CodeObject)
	}
	co := &CodeObject{Code: c}
	co.typ = CodeType
	co.consts = make([]Value, len(c.Consts))
	for i, k := range c.Consts {
		co.consts[i] = constValue(k)
	}
	co.names = make([]*Str, len(c.Names))
	for i, n := range c.Names {
		co.names[i] = Intern(n)
	}
	co.caches = make([]atomic.Pointer[inlineCache], len(c.Caches))
	nargs := c.ArgCount + c.KwOnlyArgCount
	if c.Flags&code.FlagVarargs != 0 {
		nargs++
	}
	if c.Flags&code.FlagVarkeywords != 0 {
		nargs++
	}
	co.argNames = make([]*Str, min(nargs, len(c.LocalsPlus)))
	for i := range co.argNames {
		co.argNames[i] = Intern(c.LocalsPlus[i])
	}
	co.filename = NewStr(c.Filename)
	co.name = Intern(c.Name)
	co.qualname = NewStr(c.Qualname)
	v, _ := codeObjects.LoadOrStore(c, co)
	return v.(*CodeObject)
}

// constValue converts a compiler constant to a Value.
func constValue(k any) Value {
	switch v := k.(type) {
	case nil:
		return None
	case bool:
		return MakeBool(v)
	case int64:
		return MakeInt(v)
	case *big.Int:
		return MakeBigInt(v)
	case float64:
		return MakeFloat(v)
	case complex128:
		return MakeComplex(v)
	case string:
		// Identifier-like constants are interned, as CPython does, so
		// that names passed as strings (getattr(o, "x")) hit fast paths.
		if isIdentifierLike(v) {
			return Intern(v).Value()
		}
		return MakeStr(v)
	case code.Bytes:
		return NewBytes([]byte(v)).Value()
	case code.Ellipsis:
		return Ellipsis
	case code.Tuple:
		items := make([]Value, len(v))
		for i, e := range v {
			items[i] = constValue(e)
		}
		return NewTuple(items...).Value()
	case code.FrozenSet:
		items := make([]Value, len(v))
		for i, e := range v {
			items[i] = constValue(e)
		}
		fs, _ := newSetFromSlice(nil, FrozenSetType, items)
		return fs.Value()
	case *code.Code:
		return NewCodeObject(v).Value()
	}
	panic(fmt.Sprintf("vm: unknown constant %T", k))
}

func isIdentifierLike(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// AsCodeObject returns v as a code object.
func AsCodeObject(v Value) (*CodeObject, bool) { return codeObjectLayout.Cast(v) }

// --------------------------------------------------------------- function

// Function is a Python function.
type Function struct {
	Object
	code       *CodeObject
	globals    *Dict
	builtins   *Dict
	name       Value // str
	qualname   Value // str
	defaults   []Value
	kwdefaults *Dict // nil if none
	closure    []*Cell
	doc        Value
	module     Value
	annots     Value // dict, or Null until asked for
}

var functionLayout = NewLayout[Function]("function")

// AsFunction returns v as a *Function.
func AsFunction(v Value) (*Function, bool) {
	if v.p != nil && !isTag(v.p) && (*Object)(v.p).typ == FunctionType {
		return (*Function)(v.p), true
	}
	return nil, false
}

func isPyFunction(v Value) bool {
	_, ok := AsFunction(v)
	return ok
}

// NewFunction makes a function from a code object.
func NewFunction(co *CodeObject, globals *Dict) *Function {
	f := &Function{code: co, globals: globals}
	f.typ = FunctionType
	f.name = co.name.Value()
	f.qualname = co.qualname.Value()
	f.doc = None
	if co.Doc != nil {
		f.doc = constValue(co.Doc)
	}
	f.module = None
	if m, ok := globals.getStr(dunderName); ok {
		f.module = m
	}
	f.builtins = builtinsFor(globals)
	f.annots = Null
	return f
}

// functionNew is types.FunctionType(code, globals, name=None,
// argdefs=None, closure=None).
func functionNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	var codeV, globalsV, name, argdefs, closure Value = Null, Null, None, None, None
	if err := UnpackArgs("function", args, kwnames, "code", &codeV, "globals", &globalsV, "name?", &name, "argdefs?", &argdefs, "closure?", &closure); err != nil {
		return Null, err
	}
	co, ok := AsCodeObject(codeV)
	if !ok {
		return Null, Errorf(TypeError, "function() argument 'code' must be code, not %s", TypeName(codeV))
	}
	globals, ok := AsDict(globalsV)
	if !ok {
		return Null, Errorf(TypeError, "function() argument 'globals' must be dict, not %s", TypeName(globalsV))
	}
	if _, ok := AsStr(name); !ok && !name.IsNone() {
		return Null, Errorf(TypeError, "arg 3 (name) must be None or string")
	}
	defs, ok := AsTuple(argdefs)
	if !ok && !argdefs.IsNone() {
		return Null, Errorf(TypeError, "arg 4 (defaults) must be None or tuple")
	}
	nfree := co.NumFrees
	var cells []*Cell
	if closure.IsNone() {
		if nfree > 0 {
			return Null, Errorf(TypeError, "arg 5 (closure) must be tuple")
		}
	} else {
		tup, ok := AsTuple(closure)
		if !ok {
			return Null, Errorf(TypeError, "arg 5 (closure) must be None or tuple")
		}
		if len(tup.items) != nfree {
			return Null, Errorf(ValueError, "%s requires closure of length %d, not %d", co.Name, nfree, len(tup.items))
		}
		for _, c := range tup.items {
			cell, ok := AsCell(c)
			if !ok {
				return Null, Errorf(TypeError, "arg 5 (closure) expected cell, found %s", TypeName(c))
			}
			cells = append(cells, cell)
		}
	}
	f := NewFunction(co, globals)
	if !name.IsNone() {
		f.name = name
	}
	if defs != nil {
		f.defaults = append([]Value(nil), defs.items...)
	}
	f.closure = cells
	return f.Value(), nil
}

// Code is the function's code object.
func (f *Function) Code() *CodeObject { return f.code }

// Globals is the function's globals dict.
func (f *Function) Globals() *Dict { return f.globals }

// Name is the function's __name__.
func (f *Function) Name() string {
	if s, ok := AsStr(f.name); ok {
		return s.s
	}
	return "?"
}

// Qualname is the function's __qualname__.
func (f *Function) Qualname() string {
	if s, ok := AsStr(f.qualname); ok {
		return s.s
	}
	return f.Name()
}

// Closure is the function's cells.
func (f *Function) Closure() []*Cell { return f.closure }

// Defaults are the positional defaults.
func (f *Function) Defaults() []Value { return f.defaults }

// KwDefaults are the keyword-only defaults.
func (f *Function) KwDefaults() *Dict { return f.kwdefaults }

// SetState rebuilds a function's mutable parts (multiprocessing snapshots).
func (f *Function) SetState(name, qualname Value, defaults []Value, kwdefaults *Dict, closure []*Cell, doc, module Value) {
	f.name, f.qualname, f.defaults, f.kwdefaults, f.closure, f.doc, f.module = name, qualname, defaults, kwdefaults, closure, doc, module
}

func functionRepr(th *Thread, v Value) (Value, error) {
	f, _ := AsFunction(v)
	return MakeStr(fmt.Sprintf("<function %s at %#x>", f.Qualname(), ID(v))), nil
}

func functionDescrGet(th *Thread, descr, obj Value, t *Type) (Value, error) {
	if obj.IsNull() {
		return descr, nil
	}
	return NewMethod(descr, obj), nil
}

func initFunctionType() {
	fn := func(v Value) *Function { f, _ := AsFunction(v); return f }
	initBuiltinType(FunctionType, TypeSpec{
		Name: "function", Layout: functionLayout.info, Final: true, HasDict: true,
		Slots: Slots{
			New:      functionNew,
			Repr:     functionRepr,
			DescrGet: functionDescrGet,
			Call: func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
				return th.callFunction(fn(self), args, kw)
			},
		},
		Getters: []*GetSet{
			{Name: "__name__", Get: func(th *Thread, v Value) (Value, error) { return fn(v).name, nil },
				Set: func(th *Thread, v Value, x Value) error {
					if _, ok := AsStr(x); !ok {
						return Errorf(TypeError, "__name__ must be set to a string object")
					}
					fn(v).name = x
					return nil
				}},
			{Name: "__qualname__", Get: func(th *Thread, v Value) (Value, error) { return fn(v).qualname, nil },
				Set: func(th *Thread, v Value, x Value) error {
					if _, ok := AsStr(x); !ok {
						return Errorf(TypeError, "__qualname__ must be set to a string object")
					}
					fn(v).qualname = x
					return nil
				}},
			{Name: "__doc__", Get: func(th *Thread, v Value) (Value, error) { return fn(v).doc, nil },
				Set: func(th *Thread, v Value, x Value) error {
					if x.IsNull() {
						x = None
					}
					fn(v).doc = x
					return nil
				}},
			{Name: "__module__", Get: func(th *Thread, v Value) (Value, error) { return fn(v).module, nil },
				Set: func(th *Thread, v Value, x Value) error { fn(v).module = x; return nil }},
			{Name: "__code__", Get: func(th *Thread, v Value) (Value, error) { return fn(v).code.Value(), nil },
				Set: func(th *Thread, v Value, x Value) error {
					co, ok := AsCodeObject(x)
					if !ok {
						return Errorf(TypeError, "__code__ must be set to a code object")
					}
					fn(v).code = co
					return nil
				}},
			{Name: "__globals__", Get: func(th *Thread, v Value) (Value, error) { return fn(v).globals.Value(), nil }},
			{Name: "__builtins__", Get: func(th *Thread, v Value) (Value, error) { return fn(v).builtins.Value(), nil }},
			{Name: "__closure__", Get: func(th *Thread, v Value) (Value, error) {
				f := fn(v)
				if len(f.closure) == 0 {
					return None, nil
				}
				items := make([]Value, len(f.closure))
				for i, c := range f.closure {
					items[i] = c.Value()
				}
				return NewTuple(items...).Value(), nil
			}},
			{Name: "__defaults__", Get: func(th *Thread, v Value) (Value, error) {
				f := fn(v)
				if len(f.defaults) == 0 {
					return None, nil
				}
				return NewTupleCopy(f.defaults).Value(), nil
			}, Set: func(th *Thread, v Value, x Value) error {
				if x.IsNone() || x.IsNull() {
					fn(v).defaults = nil
					return nil
				}
				t, ok := AsTuple(x)
				if !ok {
					return Errorf(TypeError, "__defaults__ must be set to a tuple object")
				}
				fn(v).defaults = append([]Value(nil), t.items...)
				return nil
			}},
			{Name: "__kwdefaults__", Get: func(th *Thread, v Value) (Value, error) {
				if d := fn(v).kwdefaults; d != nil {
					return d.Value(), nil
				}
				return None, nil
			}, Set: func(th *Thread, v Value, x Value) error {
				if x.IsNone() || x.IsNull() {
					fn(v).kwdefaults = nil
					return nil
				}
				d, ok := AsDict(x)
				if !ok {
					return Errorf(TypeError, "__kwdefaults__ must be set to a dict object")
				}
				fn(v).kwdefaults = d
				return nil
			}},
			{Name: "__annotations__", Get: func(th *Thread, v Value) (Value, error) {
				f := fn(v)
				if f.annots.IsNull() {
					f.annots = NewDict().Value()
				}
				return f.annots, nil
			}, Set: func(th *Thread, v Value, x Value) error { fn(v).annots = x; return nil }},
			{Name: "__dict__", Get: func(th *Thread, v Value) (Value, error) {
				h := v.header()
				if h.dict == nil {
					h.dict = NewDict()
				}
				return h.dict.Value(), nil
			}},
		},
	})
}

// -------------------------------------------------------------------- cell

// Cell holds a variable shared between a function and its closures.
type Cell struct {
	Object
	v Value // Null when empty
}

var cellLayout = NewLayout[Cell]("cell")

// NewCell returns a cell holding v (Null for an empty cell).
func NewCell(v Value) *Cell {
	c := &Cell{v: v}
	c.typ = CellType
	return c
}

// AsCell returns v as a cell.
func AsCell(v Value) (*Cell, bool) { return cellLayout.Cast(v) }

// Get is the cell's content (Null if empty).
func (c *Cell) Get() Value { return c.v }

// Set stores v.
func (c *Cell) Set(v Value) { c.v = v }

func initCellAndCodeTypes() {
	initBuiltinType(CellType, TypeSpec{
		Name: "cell", Layout: cellLayout.info, Final: true,
		Slots: Slots{
			Repr: func(th *Thread, v Value) (Value, error) {
				c := cellLayout.Must(v)
				if c.v.IsNull() {
					return MakeStr(fmt.Sprintf("<cell at %#x: empty>", ID(v))), nil
				}
				return MakeStr(fmt.Sprintf("<cell at %#x: %s object at %#x>", ID(v), TypeName(c.v), ID(c.v))), nil
			},
		},
		Getters: []*GetSet{
			{Name: "cell_contents", Get: func(th *Thread, v Value) (Value, error) {
				c := cellLayout.Must(v)
				if c.v.IsNull() {
					return Null, Errorf(ValueError, "Cell is empty")
				}
				return c.v, nil
			}, Set: func(th *Thread, v Value, x Value) error { cellLayout.Must(v).v = x; return nil }},
		},
	})
	co := func(v Value) *CodeObject { return codeObjectLayout.Must(v) }
	strs := func(ss []string) Value {
		items := make([]Value, len(ss))
		for i, s := range ss {
			items[i] = MakeStr(s)
		}
		return NewTuple(items...).Value()
	}
	initBuiltinType(CodeType, TypeSpec{
		Name: "code", Layout: codeObjectLayout.info, Final: true,
		Slots: Slots{
			Repr: func(th *Thread, v Value) (Value, error) {
				c := co(v)
				return MakeStr(fmt.Sprintf("<code object %s at %#x, file \"%s\", line %d>", c.Name, ID(v), c.Filename, c.FirstLine)), nil
			},
		},
		Getters: []*GetSet{
			{Name: "co_name", Get: func(th *Thread, v Value) (Value, error) { return co(v).name.Value(), nil }},
			{Name: "co_qualname", Get: func(th *Thread, v Value) (Value, error) { return co(v).qualname.Value(), nil }},
			{Name: "co_filename", Get: func(th *Thread, v Value) (Value, error) { return co(v).filename.Value(), nil }},
			{Name: "co_firstlineno", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(int64(co(v).FirstLine)), nil }},
			{Name: "co_argcount", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(int64(co(v).ArgCount)), nil }},
			{Name: "co_posonlyargcount", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(int64(co(v).PosOnlyArgCount)), nil }},
			{Name: "co_kwonlyargcount", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(int64(co(v).KwOnlyArgCount)), nil }},
			{Name: "co_flags", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(int64(co(v).Flags)), nil }},
			{Name: "co_consts", Get: func(th *Thread, v Value) (Value, error) { return NewTupleCopy(co(v).consts).Value(), nil }},
			{Name: "co_names", Get: func(th *Thread, v Value) (Value, error) { return strs(co(v).Names), nil }},
			{Name: "co_varnames", Get: func(th *Thread, v Value) (Value, error) {
				c := co(v)
				var names []string
				for i, n := range c.LocalsPlus {
					if c.Kinds[i]&code.KindLocal != 0 {
						names = append(names, n)
					}
				}
				return strs(names), nil
			}},
			{Name: "co_cellvars", Get: func(th *Thread, v Value) (Value, error) {
				c := co(v)
				var names []string
				for i, n := range c.LocalsPlus {
					if c.Kinds[i]&code.KindCell != 0 {
						names = append(names, n)
					}
				}
				return strs(names), nil
			}},
			{Name: "co_freevars", Get: func(th *Thread, v Value) (Value, error) {
				c := co(v)
				var names []string
				for i, n := range c.LocalsPlus {
					if c.Kinds[i]&code.KindFree != 0 {
						names = append(names, n)
					}
				}
				return strs(names), nil
			}},
			{Name: "co_nlocals", Get: func(th *Thread, v Value) (Value, error) {
				c := co(v)
				n := 0
				for _, k := range c.Kinds {
					if k&code.KindLocal != 0 {
						n++
					}
				}
				return MakeInt(int64(n)), nil
			}},
			{Name: "co_stacksize", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(int64(co(v).StackSize)), nil }},
			{Name: "co_code", Get: func(th *Thread, v Value) (Value, error) { return codeBytes(co(v)), nil }},
			{Name: "co_lnotab", Get: func(th *Thread, v Value) (Value, error) { return codeLnotab(co(v)), nil }},
		},
		Methods: []*BuiltinMethod{
			{Name: "co_lines", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return newListIterFor(NewList(codeLines(co(args[0])))), nil
			}},
			{Name: "co_positions", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return newListIterFor(NewList(codePositions(co(args[0])))), nil
			}},
			{Name: "replace", Fn: codeReplace},
		},
	})
}
