// Package builtins implements Python's builtins module: the functions
// every program can use without an import (print, len, sorted, ...), the
// builtin types and exceptions by name, and __build_class__, which the
// class statement calls.
//
// Each function follows CPython 3.11's behaviour and error messages; the
// types themselves live in the vm package.
package builtins

import (
	"math"
	"math/big"
	"os"
	"strings"

	"gilpy/vm"
	"gilpy/vm/compiler"
)

// Init fills the builtins module.
func Init(th *vm.Thread, m *vm.Module) error {
	in := th.Interp
	d := m.Dict()
	for name, v := range map[string]vm.Value{
		"None": vm.None, "True": vm.True, "False": vm.False,
		"Ellipsis": vm.Ellipsis, "NotImplemented": vm.NotImplemented,
		"__debug__": vm.True,
	} {
		d.SetString(name, v)
	}
	for name, t := range map[string]*vm.Type{
		"bool": vm.BoolType, "bytearray": vm.ByteArrayType, "bytes": vm.BytesType,
		"classmethod": vm.ClassMethodType, "complex": vm.ComplexType, "dict": vm.DictType,
		"enumerate": vm.EnumerateType, "filter": vm.FilterType, "float": vm.FloatType,
		"frozenset": vm.FrozenSetType, "int": vm.IntType, "list": vm.ListType,
		"map": vm.MapType, "memoryview": vm.MemoryViewType, "object": vm.ObjectType,
		"property": vm.PropertyType, "range": vm.RangeType, "reversed": vm.ReversedType,
		"set": vm.SetType, "slice": vm.SliceType, "staticmethod": vm.StaticMethodType,
		"str": vm.StrType, "super": vm.SuperType, "tuple": vm.TupleType, "type": vm.TypeType,
		"zip": vm.ZipType,
	} {
		d.SetString(name, t.Value())
	}
	for name, t := range vm.ExceptionTypes {
		d.SetString(name, t.Value())
	}
	d.SetString("EnvironmentError", vm.OSError.Value())
	d.SetString("IOError", vm.OSError.Value())
	fns := map[string]vm.BuiltinFn{
		"abs": builtinAbs, "all": builtinAll, "any": builtinAny, "ascii": builtinASCII,
		"bin":        func(th *vm.Thread, a, k []vm.Value) (vm.Value, error) { return intToBase(th, "bin", a, k, 2, "0b") },
		"oct":        func(th *vm.Thread, a, k []vm.Value) (vm.Value, error) { return intToBase(th, "oct", a, k, 8, "0o") },
		"hex":        func(th *vm.Thread, a, k []vm.Value) (vm.Value, error) { return intToBase(th, "hex", a, k, 16, "0x") },
		"breakpoint": builtinBreakpoint, "callable": builtinCallable, "chr": builtinChr,
		"compile": builtinCompile, "delattr": builtinDelattr, "dir": builtinDir,
		"divmod": builtinDivmod, "eval": builtinEval, "exec": builtinExec,
		"format": builtinFormat, "getattr": builtinGetattr, "globals": builtinGlobals,
		"hasattr": builtinHasattr, "hash": builtinHash, "id": builtinID, "input": builtinInput,
		"isinstance": builtinIsinstance, "issubclass": builtinIssubclass, "iter": builtinIter,
		"aiter": builtinAiter, "anext": builtinAnext,
		"len": builtinLen, "locals": builtinLocals, "max": builtinMax, "min": builtinMin,
		"next": builtinNext, "open": builtinOpen, "ord": builtinOrd, "pow": builtinPow,
		"print": builtinPrint, "repr": builtinRepr, "round": builtinRound,
		"setattr": builtinSetattr, "sorted": builtinSorted, "sum": builtinSum,
		"vars": builtinVars, "__import__": builtinImport, "__build_class__": buildClass,
	}
	for name, fn := range fns {
		m.AddFunc(name, fn)
	}
	d.SetString("__name__", vm.MakeStr("builtins"))
	d.SetString("__doc__", vm.MakeStr("Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' object; Ellipsis represents `...' in slices."))
	in.SetBuiltins(d)
	return nil
}

func init() { vm.RegisterModule("builtins", Init) }

func one(name string, args []vm.Value, kw []vm.Value) error {
	if err := vm.NoKeywords(name, kw); err != nil {
		return err
	}
	if len(args) != 1 {
		return vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

func builtinAbs(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("abs", args, kw); err != nil {
		return vm.Null, err
	}
	return vm.Abs(th, args[0])
}

func builtinAll(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("all", args, kw); err != nil {
		return vm.Null, err
	}
	result := true
	err := vm.ForEach(th, args[0], func(x vm.Value) (bool, error) {
		t, err := vm.Truth(th, x)
		if err != nil {
			return false, err
		}
		if !t {
			result = false
			return false, nil
		}
		return true, nil
	})
	return vm.MakeBool(result), err
}

func builtinAny(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("any", args, kw); err != nil {
		return vm.Null, err
	}
	result := false
	err := vm.ForEach(th, args[0], func(x vm.Value) (bool, error) {
		t, err := vm.Truth(th, x)
		if err != nil {
			return false, err
		}
		if t {
			result = true
			return false, nil
		}
		return true, nil
	})
	return vm.MakeBool(result), err
}

func builtinASCII(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("ascii", args, kw); err != nil {
		return vm.Null, err
	}
	r, err := vm.Repr(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	var b strings.Builder
	for _, c := range r.String() {
		switch {
		case c < 128:
			b.WriteRune(c)
		case c < 0x100:
			b.WriteString("\\x" + hex2(int(c), 2))
		case c < 0x10000:
			b.WriteString("\\u" + hex2(int(c), 4))
		default:
			b.WriteString("\\U" + hex2(int(c), 8))
		}
	}
	return vm.MakeStr(b.String()), nil
}

func hex2(n, width int) string {
	const digits = "0123456789abcdef"
	out := make([]byte, width)
	for i := width - 1; i >= 0; i-- {
		out[i] = digits[n&15]
		n >>= 4
	}
	return string(out)
}

func intToBase(th *vm.Thread, name string, args []vm.Value, kw []vm.Value, base int, prefix string) (vm.Value, error) {
	if err := one(name, args, kw); err != nil {
		return vm.Null, err
	}
	v, err := vm.Index(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	b := new(big.Int).Set(vm.ToBig(v))
	neg := b.Sign() < 0
	if neg {
		b.Neg(b)
	}
	s := prefix + b.Text(base)
	if neg {
		s = "-" + s
	}
	return vm.MakeStr(s), nil
}

func builtinBreakpoint(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	// gilpy has no debugger; like CPython with PYTHONBREAKPOINT=0, the call
	// does nothing (the REPL is the place to inspect state).
	return vm.None, nil
}

func builtinCallable(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("callable", args, kw); err != nil {
		return vm.Null, err
	}
	return vm.MakeBool(vm.Callable(args[0])), nil
}

func builtinChr(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("chr", args, kw); err != nil {
		return vm.Null, err
	}
	if !vm.IsInt(args[0]) && args[0].Type().Index == nil {
		return vm.Null, vm.Errorf(vm.TypeError, "'%s' object cannot be interpreted as an integer", vm.TypeName(args[0]))
	}
	n, err := vm.AsInt64(th, args[0])
	if err != nil {
		return vm.Null, vm.Errorf(vm.OverflowError, "Python int too large to convert to C int")
	}
	if n < 0 || n > 0x10ffff {
		return vm.Null, vm.Errorf(vm.ValueError, "chr() arg not in range(0x110000)")
	}
	return vm.StrFromRune(rune(n)), nil
}

func builtinOrd(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("ord", args, kw); err != nil {
		return vm.Null, err
	}
	if s, ok := vm.AsStr(args[0]); ok {
		if s.Len() != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "ord() expected a character, but string of length %d found", s.Len())
		}
		return vm.MakeInt(int64(s.At(0))), nil
	}
	if b, ok := vm.AsBytesLike(args[0]); ok {
		if len(b) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "ord() expected a character, but string of length %d found", len(b))
		}
		return vm.MakeInt(int64(b[0])), nil
	}
	return vm.Null, vm.Errorf(vm.TypeError, "ord() expected string of length 1, but %s found", vm.TypeName(args[0]))
}

func builtinCompile(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	var src, filename, mode, flags, dontInherit, optimize vm.Value = vm.Null, vm.Null, vm.Null, vm.MakeInt(0), vm.False, vm.MakeInt(-1)
	if err := vm.UnpackArgs("compile", args, kwnames, "source", &src, "filename", &filename, "mode", &mode, "flags?", &flags, "dont_inherit?", &dontInherit, "optimize?", &optimize); err != nil {
		return vm.Null, err
	}
	ms, ok := vm.AsStr(mode)
	if !ok || (ms.String() != "exec" && ms.String() != "eval" && ms.String() != "single") {
		return vm.Null, vm.Errorf(vm.ValueError, "compile() mode must be 'exec', 'eval' or 'single'")
	}
	fn := "<string>"
	if s, ok := vm.AsStr(filename); ok {
		fn = s.String()
	} else if b, ok := vm.AsBytesLike(filename); ok {
		fn = string(b)
	}
	text, err := sourceText(src, "compile")
	if err != nil {
		return vm.Null, err
	}
	opts := vm.CompileOptions{Optimize: -1}
	o, err := vm.AsIndex(th, optimize)
	if err != nil {
		return vm.Null, err
	}
	opts.Optimize = o
	fl, err := vm.AsIndex(th, flags)
	if err != nil {
		return vm.Null, err
	}
	opts.FutureAnnotations = fl&int(compiler.FlagFutureAnnotations) != 0
	if !dontInherit.IsTrue() {
		opts.FutureAnnotations = opts.FutureAnnotations || callerFutureAnnotations(th)
	}
	co, err := th.Compile(text, fn, ms.String(), opts)
	if err != nil {
		return vm.Null, err
	}
	return co.Value(), nil
}

// callerFutureAnnotations reports whether the code calling compile(),
// exec() or eval() runs under `from __future__ import annotations`, which
// the compiled code inherits.
func callerFutureAnnotations(th *vm.Thread) bool {
	f := th.CurrentFrame()
	return f != nil && f.Code().Flags&compiler.FlagFutureAnnotations != 0
}

func sourceText(src vm.Value, fn string) ([]byte, error) {
	if s, ok := vm.AsStr(src); ok {
		return []byte(s.String()), nil
	}
	if b, ok := vm.AsBytesLike(src); ok {
		return b, nil
	}
	return nil, vm.Errorf(vm.TypeError, "%s() arg 1 must be a string, bytes or code object", fn)
}

func builtinDelattr(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("delattr", kw); err != nil {
		return vm.Null, err
	}
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "delattr expected 2 arguments, got %d", len(args))
	}
	name, ok := vm.AsStr(args[1])
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "attribute name must be string, not '%s'", vm.TypeName(args[1]))
	}
	return vm.None, vm.SetAttr(th, args[0], vm.Intern(name.String()), vm.Null)
}

func builtinDir(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) > 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "dir expected at most 1 argument, got %d", len(args))
	}
	var names []vm.Value
	if len(args) == 0 {
		f := th.CurrentFrame()
		if f == nil {
			return vm.NewList(nil).Value(), nil
		}
		l := vm.FrameLocals(f)
		ks, err := vm.CallMethod(th, l, "keys")
		if err != nil {
			return vm.Null, err
		}
		if names, err = vm.SeqToSlice(th, ks); err != nil {
			return vm.Null, err
		}
	} else {
		// __dir__ is looked up on the type (a class's dir() comes from
		// its metaclass), as CPython's _dir_object does.
		meth := args[0].Type().LookupString("__dir__")
		if meth.IsNull() {
			return vm.Null, vm.Errorf(vm.TypeError, "object does not provide __dir__")
		}
		r, err := vm.Call(th, meth, []vm.Value{args[0]}, nil)
		if err != nil {
			return vm.Null, err
		}
		if names, err = vm.SeqToSlice(th, r); err != nil {
			return vm.Null, err
		}
	}
	if err := vm.SortValues(th, names); err != nil {
		return vm.Null, err
	}
	return vm.NewList(names).Value(), nil
}

func builtinDivmod(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("divmod", kw); err != nil {
		return vm.Null, err
	}
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "divmod expected 2 arguments, got %d", len(args))
	}
	a, b := args[0], args[1]
	// divmod is its own slot in CPython; here it is // and % together, with
	// the same errors for unsupported types.
	if f := a.Type().LookupString("__divmod__"); !f.IsNull() && a.Type().IsHeapType() {
		return vm.CallMethod(th, a, "__divmod__", b)
	}
	if f := b.Type().LookupString("__rdivmod__"); !f.IsNull() && b.Type().IsHeapType() {
		return vm.CallMethod(th, b, "__rdivmod__", a)
	}
	q, err := vm.BinaryOperation(th, a, b, vm.OpFloorDiv)
	if err != nil {
		if e := vm.AsException(err); e.Matches(vm.TypeError) && strings.HasPrefix(e.Error(), "TypeError: unsupported operand") {
			return vm.Null, vm.Errorf(vm.TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", vm.TypeName(a), vm.TypeName(b))
		}
		if e := vm.AsException(err); e.Matches(vm.ZeroDivisionError) && vm.IsInt(a) && vm.IsInt(b) {
			return vm.Null, vm.Errorf(vm.ZeroDivisionError, "integer division or modulo by zero")
		}
		if e := vm.AsException(err); e.Matches(vm.ZeroDivisionError) {
			return vm.Null, vm.Errorf(vm.ZeroDivisionError, "float divmod()")
		}
		return vm.Null, err
	}
	r, err := vm.BinaryOperation(th, a, b, vm.OpMod)
	if err != nil {
		return vm.Null, err
	}
	return vm.NewTuple(q, r).Value(), nil
}

// namespaces resolves the globals/locals arguments of eval and exec.
func namespaces(th *vm.Thread, fn string, globals, locals vm.Value) (*vm.Dict, vm.Value, error) {
	if !globals.IsNull() && !globals.IsNone() {
		g, ok := vm.AsDict(globals)
		if !ok {
			if fn == "exec" {
				return nil, vm.Null, vm.Errorf(vm.TypeError, "exec() globals must be a dict, not %s", vm.TypeName(globals))
			}
			return nil, vm.Null, vm.Errorf(vm.TypeError, "globals must be a dict")
		}
		if locals.IsNull() || locals.IsNone() {
			locals = globals
		}
		return g, locals, nil
	}
	f := th.CurrentFrame()
	if f == nil {
		return nil, vm.Null, vm.Errorf(vm.SystemError, "%s(): no current frame", fn)
	}
	g := f.Globals()
	if locals.IsNull() || locals.IsNone() {
		locals = f.LocalsMapping()
		if locals.IsNull() {
			locals = vm.FrameLocals(f)
		}
	}
	return g, locals, nil
}

func runSource(th *vm.Thread, fn, mode string, src, globals, locals vm.Value) (vm.Value, error) {
	g, l, err := namespaces(th, fn, globals, locals)
	if err != nil {
		return vm.Null, err
	}
	var co *vm.CodeObject
	if c, ok := vm.AsCodeObject(src); ok {
		co = c
	} else {
		text, err := sourceText(src, fn)
		if err != nil {
			return vm.Null, vm.Errorf(vm.TypeError, "%s() arg 1 must be a string, bytes or code object", fn)
		}
		if mode == "eval" {
			text = []byte(strings.TrimLeft(string(text), " \t"))
		}
		co, err = th.Compile(text, "<string>", mode, vm.CompileOptions{Optimize: -1, FutureAnnotations: callerFutureAnnotations(th)})
		if err != nil {
			return vm.Null, err
		}
	}
	return th.RunCode(co, g, l)
}

func builtinEval(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	var src, globals, locals vm.Value = vm.Null, vm.Null, vm.Null
	if err := vm.UnpackArgs("eval", args, kwnames, "source", &src, "globals?", &globals, "locals?", &locals); err != nil {
		return vm.Null, err
	}
	return runSource(th, "eval", "eval", src, globals, locals)
}

func builtinExec(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	var src, globals, locals vm.Value = vm.Null, vm.Null, vm.Null
	if err := vm.UnpackArgs("exec", args, kwnames, "source", &src, "globals?", &globals, "locals?", &locals); err != nil {
		return vm.Null, err
	}
	if _, err := runSource(th, "exec", "exec", src, globals, locals); err != nil {
		return vm.Null, err
	}
	return vm.None, nil
}

func builtinFormat(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) < 1 || len(args) > 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "format expected at least 1 argument, got %d", len(args))
	}
	spec := vm.MakeStr("")
	if len(args) == 2 {
		if _, ok := vm.AsStr(args[1]); !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "format() argument 2 must be str, not %s", vm.TypeName(args[1]))
		}
		spec = args[1]
	}
	return vm.Format(th, args[0], spec)
}

func builtinGetattr(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("getattr", kw); err != nil {
		return vm.Null, err
	}
	if len(args) < 2 || len(args) > 3 {
		return vm.Null, vm.Errorf(vm.TypeError, "getattr expected at least 2 arguments, got %d", len(args))
	}
	name, ok := vm.AsStr(args[1])
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "attribute name must be string, not '%s'", vm.TypeName(args[1]))
	}
	v, err := vm.GetAttr(th, args[0], vm.Intern(name.String()))
	if err != nil && len(args) == 3 && vm.AsException(err).Matches(vm.AttributeError) {
		return args[2], nil
	}
	return v, err
}

func builtinGlobals(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if g := th.Globals(); g != nil {
		return g.Value(), nil
	}
	return vm.NewDict().Value(), nil
}

func builtinHasattr(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "hasattr expected 2 arguments, got %d", len(args))
	}
	name, ok := vm.AsStr(args[1])
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "attribute name must be string, not '%s'", vm.TypeName(args[1]))
	}
	v, err := vm.LookupAttr(th, args[0], name.String())
	if err != nil {
		return vm.Null, err
	}
	return vm.MakeBool(!v.IsNull()), nil
}

func builtinHash(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("hash", args, kw); err != nil {
		return vm.Null, err
	}
	h, err := vm.Hash(th, args[0])
	return vm.MakeInt(h), err
}

func builtinID(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("id", args, kw); err != nil {
		return vm.Null, err
	}
	id := vm.ID(args[0])
	if id > math.MaxInt64 {
		return vm.MakeBigInt(new(big.Int).SetUint64(id)), nil
	}
	return vm.MakeInt(int64(id)), nil
}

func builtinIsinstance(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "isinstance expected 2 arguments, got %d", len(args))
	}
	r, err := vm.IsInstance(th, args[0], args[1])
	return vm.MakeBool(r), err
}

func builtinIssubclass(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "issubclass expected 2 arguments, got %d", len(args))
	}
	r, err := vm.IsSubclass(th, args[0], args[1])
	return vm.MakeBool(r), err
}

func builtinIter(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("iter", kw); err != nil {
		return vm.Null, err
	}
	switch len(args) {
	case 1:
		return vm.Iter(th, args[0])
	case 2:
		if !vm.Callable(args[0]) {
			return vm.Null, vm.Errorf(vm.TypeError, "iter(v, w): v must be callable")
		}
		return vm.NewCallableIterator(args[0], args[1]), nil
	}
	return vm.Null, vm.Errorf(vm.TypeError, "iter expected at least 1 argument, got %d", len(args))
}

func builtinAiter(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("aiter", args, kw); err != nil {
		return vm.Null, err
	}
	f := args[0].Type().LookupString("__aiter__")
	if f.IsNull() {
		return vm.Null, vm.Errorf(vm.TypeError, "'%s' object is not an async iterable", vm.TypeName(args[0]))
	}
	return vm.CallMethod(th, args[0], "__aiter__")
}

func builtinAnext(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) < 1 || len(args) > 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "anext expected at least 1 argument, got %d", len(args))
	}
	f := args[0].Type().LookupString("__anext__")
	if f.IsNull() {
		return vm.Null, vm.Errorf(vm.TypeError, "'%s' object is not an async iterator", vm.TypeName(args[0]))
	}
	aw, err := vm.CallMethod(th, args[0], "__anext__")
	if err != nil || len(args) == 1 {
		return aw, err
	}
	return vm.AnextWithDefault(th, aw, args[1])
}

func builtinLen(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("len", args, kw); err != nil {
		return vm.Null, err
	}
	n, err := vm.Len(th, args[0])
	return vm.MakeInt(int64(n)), err
}

func builtinLocals(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	f := th.CurrentFrame()
	if f == nil {
		return vm.NewDict().Value(), nil
	}
	return vm.FrameLocals(f), nil
}

func minmax(th *vm.Thread, name string, args []vm.Value, kwnames []vm.Value, op vm.CompareOp) (vm.Value, error) {
	npos := len(args) - len(kwnames)
	var key, def vm.Value = vm.None, vm.Null
	for i, k := range kwnames {
		ks, _ := vm.AsStr(k)
		switch ks.String() {
		case "key":
			key = args[npos+i]
		case "default":
			def = args[npos+i]
		default:
			return vm.Null, vm.Errorf(vm.TypeError, "%s() got an unexpected keyword argument '%s'", name, ks.String())
		}
	}
	if npos == 0 {
		return vm.Null, vm.Errorf(vm.TypeError, "%s expected at least 1 argument, got 0", name)
	}
	var items []vm.Value
	if npos == 1 {
		var err error
		if items, err = vm.SeqToSlice(th, args[0]); err != nil {
			return vm.Null, err
		}
	} else {
		if !def.IsNull() {
			return vm.Null, vm.Errorf(vm.TypeError, "Cannot specify a default for %s() with multiple positional arguments", name)
		}
		items = args[:npos]
	}
	if len(items) == 0 {
		if !def.IsNull() {
			return def, nil
		}
		return vm.Null, vm.Errorf(vm.ValueError, "%s() arg is an empty sequence", name)
	}
	best := items[0]
	bestKey := best
	if !key.IsNone() {
		k, err := vm.Call(th, key, []vm.Value{best}, nil)
		if err != nil {
			return vm.Null, err
		}
		bestKey = k
	}
	for _, x := range items[1:] {
		k := x
		if !key.IsNone() {
			var err error
			if k, err = vm.Call(th, key, []vm.Value{x}, nil); err != nil {
				return vm.Null, err
			}
		}
		better, err := vm.RichCompareBool(th, k, bestKey, op)
		if err != nil {
			return vm.Null, err
		}
		if better {
			best, bestKey = x, k
		}
	}
	return best, nil
}

func builtinMax(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	return minmax(th, "max", args, kw, vm.CmpGT)
}

func builtinMin(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	return minmax(th, "min", args, kw, vm.CmpLT)
}

func builtinNext(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("next", kw); err != nil {
		return vm.Null, err
	}
	if len(args) < 1 || len(args) > 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "next expected at least 1 argument, got %d", len(args))
	}
	nextSlot := args[0].Type().Next
	if nextSlot == nil {
		return vm.Null, vm.Errorf(vm.TypeError, "'%s' object is not an iterator", vm.TypeName(args[0]))
	}
	// The slot itself, not vm.Next: a StopIteration carrying a
	// generator's return value must reach the caller.
	v, err := nextSlot(th, args[0])
	if err != nil {
		if len(args) == 2 && vm.AsException(err).Matches(vm.StopIteration) {
			return args[1], nil
		}
		return vm.Null, err
	}
	if v.IsNull() {
		if len(args) == 2 {
			return args[1], nil
		}
		return vm.Null, vm.NewException(vm.StopIteration)
	}
	return v, nil
}

func builtinPow(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	var base, exp, mod vm.Value = vm.Null, vm.Null, vm.None
	if err := vm.UnpackArgs("pow", args, kwnames, "base", &base, "exp", &exp, "mod?", &mod); err != nil {
		return vm.Null, err
	}
	if mod.IsNone() {
		return vm.BinaryOperation(th, base, exp, vm.OpPow)
	}
	return vm.TernaryPow(th, base, exp, mod)
}

func builtinRepr(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := one("repr", args, kw); err != nil {
		return vm.Null, err
	}
	r, err := vm.Repr(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	return r.Value(), nil
}

func builtinRound(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	var number, ndigits vm.Value = vm.Null, vm.None
	if err := vm.UnpackArgs("round", args, kwnames, "number", &number, "ndigits?", &ndigits); err != nil {
		return vm.Null, err
	}
	f := number.Type().LookupString("__round__")
	if f.IsNull() {
		return vm.Null, vm.Errorf(vm.TypeError, "type %s doesn't define __round__ method", vm.TypeName(number))
	}
	if ndigits.IsNone() {
		return vm.CallMethod(th, number, "__round__")
	}
	return vm.CallMethod(th, number, "__round__", ndigits)
}

func builtinSetattr(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("setattr", kw); err != nil {
		return vm.Null, err
	}
	if len(args) != 3 {
		return vm.Null, vm.Errorf(vm.TypeError, "setattr expected 3 arguments, got %d", len(args))
	}
	name, ok := vm.AsStr(args[1])
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "attribute name must be string, not '%s'", vm.TypeName(args[1]))
	}
	return vm.None, vm.SetAttr(th, args[0], vm.Intern(name.String()), args[2])
}

func builtinSorted(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	npos := len(args) - len(kwnames)
	if npos != 1 {
		if npos == 0 {
			return vm.Null, vm.Errorf(vm.TypeError, "sorted expected 1 argument, got 0")
		}
		return vm.Null, vm.Errorf(vm.TypeError, "sorted expected 1 argument, got %d", npos)
	}
	items, err := vm.SeqToSlice(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	l := vm.NewList(items)
	sortArgs := append([]vm.Value{l.Value()}, args[1:]...)
	if _, err := vm.CallMethodKw(th, l.Value(), "sort", sortArgs[1:], kwnames); err != nil {
		return vm.Null, err
	}
	return l.Value(), nil
}

func builtinSum(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	var iterable, start vm.Value = vm.Null, vm.MakeInt(0)
	if err := vm.UnpackArgs("sum", args, kwnames, "iterable", &iterable, "/", "start?", &start); err != nil {
		return vm.Null, err
	}
	if _, ok := vm.AsStr(start); ok {
		return vm.Null, vm.Errorf(vm.TypeError, "sum() can't sum strings [use ''.join(seq) instead]")
	}
	if _, ok := vm.AsBytes(start); ok {
		return vm.Null, vm.Errorf(vm.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]")
	}
	acc := start
	err := vm.ForEach(th, iterable, func(x vm.Value) (bool, error) {
		if acc.IsSmallInt() && x.IsSmallInt() {
			a, b := acc.SmallInt(), x.SmallInt()
			if s := a + b; (s^a)&(s^b) >= 0 {
				acc = vm.MakeInt(s)
				return true, nil
			}
		}
		if acc.IsFloat() && x.IsFloat() {
			acc = vm.MakeFloat(acc.Float() + x.Float())
			return true, nil
		}
		r, err := vm.BinaryOperation(th, acc, x, vm.OpAdd)
		if err != nil {
			return false, err
		}
		acc = r
		return true, nil
	})
	return acc, err
}

func builtinVars(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) == 0 {
		return builtinLocals(th, nil, nil)
	}
	if len(args) > 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "vars expected at most 1 argument, got %d", len(args))
	}
	d, err := vm.GetAttrString(th, args[0], "__dict__")
	if err != nil {
		if vm.AsException(err).Matches(vm.AttributeError) {
			return vm.Null, vm.Errorf(vm.TypeError, "vars() argument must have __dict__ attribute")
		}
		return vm.Null, err
	}
	return d, nil
}

func builtinImport(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	var name, globals, locals, fromlist, level vm.Value = vm.Null, vm.None, vm.None, vm.NewTuple().Value(), vm.MakeInt(0)
	if err := vm.UnpackArgs("__import__", args, kwnames, "name", &name, "globals?", &globals, "locals?", &locals, "fromlist?", &fromlist, "level?", &level); err != nil {
		return vm.Null, err
	}
	ns, ok := vm.AsStr(name)
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "__import__() argument 1 must be str, not %s", vm.TypeName(name))
	}
	lv, err := vm.AsInt64(th, level)
	if err != nil {
		return vm.Null, err
	}
	if lv < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "level must be >= 0")
	}
	if ns.String() == "" && lv == 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "Empty module name")
	}
	g, _ := vm.AsDict(globals)
	if g == nil {
		g = vm.NewDict()
	}
	return vm.ImportLevel(th, ns.String(), g, fromlist, int(lv))
}

// ----------------------------------------------------------------- print

func builtinPrint(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	npos := len(args) - len(kwnames)
	var sep, end, file, flush vm.Value = vm.None, vm.None, vm.None, vm.False
	for i, k := range kwnames {
		ks, _ := vm.AsStr(k)
		v := args[npos+i]
		switch ks.String() {
		case "sep":
			sep = v
		case "end":
			end = v
		case "file":
			file = v
		case "flush":
			flush = v
		default:
			return vm.Null, vm.Errorf(vm.TypeError, "'%s' is an invalid keyword argument for print()", ks.String())
		}
	}
	sepS, endS := " ", "\n"
	if !sep.IsNone() {
		s, ok := vm.AsStr(sep)
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "sep must be None or a string, not %s", vm.TypeName(sep))
		}
		sepS = s.String()
	}
	if !end.IsNone() {
		s, ok := vm.AsStr(end)
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "end must be None or a string, not %s", vm.TypeName(end))
		}
		endS = s.String()
	}
	if file.IsNone() {
		f, err := sysAttr(th, "stdout")
		if err != nil {
			return vm.Null, err
		}
		if f.IsNone() {
			return vm.None, nil
		}
		file = f
	}
	// One write per piece, as CPython's print does (this matters for
	// unbuffered output interleaving between threads and processes).
	if f, ok := vm.AsFile(file); ok {
		parts := make([]string, 0, 2*npos+1)
		for i, a := range args[:npos] {
			if i > 0 {
				parts = append(parts, sepS)
			}
			s, err := vm.StrOf(th, a)
			if err != nil {
				return vm.Null, err
			}
			parts = append(parts, s.String())
		}
		parts = append(parts, endS)
		if err := f.WriteParts(th, parts); err != nil {
			return vm.Null, err
		}
	} else {
		write, err := vm.GetAttrString(th, file, "write")
		if err != nil {
			return vm.Null, err
		}
		for i, a := range args[:npos] {
			if i > 0 {
				if _, err := vm.Call(th, write, []vm.Value{vm.MakeStr(sepS)}, nil); err != nil {
					return vm.Null, err
				}
			}
			s, err := vm.StrOf(th, a)
			if err != nil {
				return vm.Null, err
			}
			if _, err := vm.Call(th, write, []vm.Value{s.Value()}, nil); err != nil {
				return vm.Null, err
			}
		}
		if _, err := vm.Call(th, write, []vm.Value{vm.MakeStr(endS)}, nil); err != nil {
			return vm.Null, err
		}
	}
	if fl, _ := vm.Truth(th, flush); fl {
		if _, err := vm.CallMethod(th, file, "flush"); err != nil {
			return vm.Null, err
		}
	}
	return vm.None, nil
}

func sysAttr(th *vm.Thread, name string) (vm.Value, error) {
	sys := th.Interp.Sys
	if sys == nil {
		return vm.Null, vm.Errorf(vm.RuntimeError, "lost sys.%s", name)
	}
	v, ok := sys.Get(name)
	if !ok {
		return vm.Null, vm.Errorf(vm.RuntimeError, "lost sys.%s", name)
	}
	return v, nil
}

func builtinInput(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) > 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "input expected at most 1 argument, got %d", len(args))
	}
	out, err := sysAttr(th, "stdout")
	if err != nil {
		return vm.Null, err
	}
	if errOut, err := sysAttr(th, "stderr"); err == nil {
		_, _ = vm.CallMethod(th, errOut, "flush")
	}
	if len(args) == 1 {
		p, err := vm.StrOf(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		if _, err := vm.CallMethod(th, out, "write", p.Value()); err != nil {
			return vm.Null, err
		}
	}
	if _, err := vm.CallMethod(th, out, "flush"); err != nil {
		return vm.Null, err
	}
	in, err := sysAttr(th, "stdin")
	if err != nil {
		return vm.Null, err
	}
	line, err := vm.CallMethod(th, in, "readline")
	if err != nil {
		return vm.Null, err
	}
	s, ok := vm.AsStr(line)
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "object.readline() returned non-string")
	}
	if s.String() == "" {
		return vm.Null, vm.Errorf(vm.EOFError, "EOF when reading a line")
	}
	return vm.MakeStr(strings.TrimSuffix(s.String(), "\n")), nil
}

// ------------------------------------------------------------------ open

func builtinOpen(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	var file, mode, buffering, encoding, errors, newline, closefd, opener vm.Value = vm.Null, vm.MakeStr("r"), vm.MakeInt(-1), vm.None, vm.None, vm.None, vm.True, vm.None
	if err := vm.UnpackArgs("open", args, kwnames, "file", &file, "mode?", &mode, "buffering?", &buffering, "encoding?", &encoding, "errors?", &errors, "newline?", &newline, "closefd?", &closefd, "opener?", &opener); err != nil {
		return vm.Null, err
	}
	ms, ok := vm.AsStr(mode)
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "open() argument 'mode' must be str, not %s", vm.TypeName(mode))
	}
	m := ms.String()
	for _, c := range m {
		if !strings.ContainsRune("rwxabt+U", c) {
			return vm.Null, vm.Errorf(vm.ValueError, "invalid mode: '%s'", m)
		}
	}
	binary := strings.Contains(m, "b")
	if binary && !encoding.IsNone() {
		return vm.Null, vm.Errorf(vm.ValueError, "binary mode doesn't take an encoding argument")
	}
	flag := os.O_RDONLY
	switch {
	case strings.Contains(m, "w"):
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	case strings.Contains(m, "a"):
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	case strings.Contains(m, "x"):
		flag = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	}
	if strings.Contains(m, "+") {
		flag = flag&^(os.O_WRONLY|os.O_RDONLY) | os.O_RDWR
	}
	var f *os.File
	name := file
	if fd, ok := vm.IntToInt64(file); ok && vm.IsInt(file) {
		f = os.NewFile(uintptr(fd), "fd")
	} else {
		var path string
		if s, ok := vm.AsStr(file); ok {
			path = s.String()
		} else if b, ok := vm.AsBytesLike(file); ok {
			path = string(b)
		} else if fs, err := vm.LookupAttr(th, file, "__fspath__"); err == nil && !fs.IsNull() {
			p, err := vm.Call(th, fs, nil, nil)
			if err != nil {
				return vm.Null, err
			}
			ps, ok := vm.AsStr(p)
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "expected str, bytes or os.PathLike object, not %s", vm.TypeName(file))
			}
			path = ps.String()
			name = p
		} else {
			return vm.Null, vm.Errorf(vm.TypeError, "expected str, bytes or os.PathLike object, not %s", vm.TypeName(file))
		}
		var err error
		th.Blocking(func() { f, err = os.OpenFile(path, flag, 0o666) })
		if err != nil {
			return vm.Null, vm.OSErrorFrom(err, name)
		}
		if st, serr := f.Stat(); serr == nil && st.IsDir() {
			f.Close()
			return vm.Null, vm.NewOSError(21, "Is a directory", name)
		}
	}
	cf, _ := vm.Truth(th, closefd)
	fo := vm.NewFile(f, name, m, cf)
	if !binary {
		enc := "utf-8"
		if s, ok := vm.AsStr(encoding); ok {
			enc = s.String()
		}
		errs := "strict"
		if s, ok := vm.AsStr(errors); ok {
			errs = s.String()
		}
		fo.SetEncoding(vm.NormalizeEncoding(enc), errs)
	}
	if b, ok := vm.IntToInt64(buffering); ok && b == 1 && !binary {
		fo.SetBuffering(true, false)
	} else if ok && b == 0 {
		if !binary {
			return vm.Null, vm.Errorf(vm.ValueError, "can't have unbuffered text I/O")
		}
		fo.SetBuffering(false, true)
	}
	return fo.Value(), nil
}

// --------------------------------------------------------- __build_class__

func buildClass(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
	npos := len(args) - len(kwnames)
	if npos < 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "__build_class__: not enough arguments")
	}
	body, ok := vm.AsFunction(args[0])
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "__build_class__: func must be a function")
	}
	name := args[1]
	if _, ok := vm.AsStr(name); !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "__build_class__: name is not a string")
	}
	origBases := args[2:npos]
	// PEP 560: bases with __mro_entries__ are replaced.
	bases := make([]vm.Value, 0, len(origBases))
	changed := false
	for _, b := range origBases {
		if _, isType := vm.AsType(b); isType {
			bases = append(bases, b)
			continue
		}
		me, err := vm.LookupAttr(th, b, "__mro_entries__")
		if err != nil {
			return vm.Null, err
		}
		if me.IsNull() {
			bases = append(bases, b)
			continue
		}
		r, err := vm.Call(th, me, []vm.Value{vm.NewTupleCopy(origBases).Value()}, nil)
		if err != nil {
			return vm.Null, err
		}
		t, ok := vm.AsTuple(r)
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "__mro_entries__ must return a tuple")
		}
		bases = append(bases, t.Items()...)
		changed = true
	}
	// The metaclass: explicit, else the most derived metaclass of the bases.
	var meta vm.Value = vm.Null
	var kwNames []vm.Value
	var kwVals []vm.Value
	for i, k := range kwnames {
		ks, _ := vm.AsStr(k)
		if ks.String() == "metaclass" {
			meta = args[npos+i]
			continue
		}
		kwNames = append(kwNames, k)
		kwVals = append(kwVals, args[npos+i])
	}
	isClass := false
	if meta.IsNull() {
		if len(bases) == 0 {
			meta = vm.TypeType.Value()
		} else {
			meta = bases[0].Type().Value()
		}
		isClass = true
	} else if _, ok := vm.AsType(meta); ok {
		isClass = true
	}
	if isClass {
		winner, _ := vm.AsType(meta)
		for _, b := range bases {
			bt := b.Type()
			if winner.IsSubtype(bt) {
				continue
			}
			if bt.IsSubtype(winner) {
				winner = bt
				continue
			}
			return vm.Null, vm.Errorf(vm.TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
		}
		meta = winner.Value()
	}
	basesTuple := vm.NewTupleCopy(bases).Value()
	var ns vm.Value
	prep, err := vm.LookupAttr(th, meta, "__prepare__")
	if err != nil {
		return vm.Null, err
	}
	if prep.IsNull() {
		ns = vm.NewDict().Value()
	} else {
		pargs := append([]vm.Value{name, basesTuple}, kwVals...)
		if ns, err = vm.Call(th, prep, pargs, kwNames); err != nil {
			return vm.Null, err
		}
		if ns.Type().GetItem == nil {
			mt, _ := vm.AsType(meta)
			mname := "<metaclass>"
			if mt != nil {
				mname = mt.Name
			}
			return vm.Null, vm.Errorf(vm.TypeError, "%s.__prepare__() must return a mapping, not %s", mname, vm.TypeName(ns))
		}
	}
	cell, err := th.CallClassBody(body, ns)
	if err != nil {
		return vm.Null, err
	}
	if changed {
		if err := vm.SetItem(th, ns, vm.MakeStr("__orig_bases__"), vm.NewTupleCopy(origBases).Value()); err != nil {
			return vm.Null, err
		}
	}
	cargs := append([]vm.Value{name, basesTuple, ns}, kwVals...)
	cls, err := vm.Call(th, meta, cargs, kwNames)
	if err != nil {
		return vm.Null, err
	}
	if c, ok := vm.AsCell(cell); ok {
		if _, isType := vm.AsType(cls); isType && !c.Get().Is(cls) {
			if c.Get().IsNull() {
				return vm.Null, vm.Errorf(vm.RuntimeError, "__class__ not set defining %s as %s. Was __classcell__ propagated to type.__new__?", reprOf(th, name), reprOf(th, cls))
			}
			return vm.Null, vm.Errorf(vm.TypeError, "__class__ set to %s defining %s as %s", reprOf(th, c.Get()), reprOf(th, name), reprOf(th, cls))
		}
	}
	return cls, nil
}

func reprOf(th *vm.Thread, v vm.Value) string {
	r, err := vm.Repr(th, v)
	if err != nil {
		return "?"
	}
	return r.String()
}
