package vm

// This file defines BaseException and the builtin exception hierarchy.
// An *Exception is both a Python object and a Go error: builtins return it
// as their error, the eval loop unwinds with it, and tracebacks hang off it.

import (
	"fmt"
	"runtime"
	"strings"
)

// Exception is an instance of BaseException or a subclass.
type Exception struct {
	Object
	args            *Tuple
	traceback       *Traceback
	cause           Value // Null: not set
	context         Value // Null: not set
	suppressContext bool
}

var exceptionLayout = NewLayout[Exception]("BaseException")

// The builtin exception types.
var (
	BaseException       = &Type{}
	BaseExceptionGroup  *Type
	GeneratorExit       *Type
	KeyboardInterrupt   *Type
	SystemExit          *Type
	ExceptionType       *Type
	ArithmeticError     *Type
	FloatingPointError  *Type
	OverflowError       *Type
	ZeroDivisionError   *Type
	AssertionError      *Type
	AttributeError      *Type
	BufferError         *Type
	EOFError            *Type
	ExceptionGroup      *Type
	ImportError         *Type
	ModuleNotFoundError *Type
	LookupError         *Type
	IndexError          *Type
	KeyError            *Type
	MemoryError         *Type
	NameError           *Type
	UnboundLocalError   *Type
	OSError             *Type
	BlockingIOError     *Type
	ChildProcessError   *Type
	ConnectionError     *Type
	BrokenPipeError     *Type
	ConnectionAborted   *Type
	ConnectionRefused   *Type
	ConnectionReset     *Type
	FileExistsError     *Type
	FileNotFoundError   *Type
	InterruptedError    *Type
	IsADirectoryError   *Type
	NotADirectoryError  *Type
	PermissionError     *Type
	ProcessLookupError  *Type
	TimeoutError        *Type
	ReferenceError      *Type
	RuntimeError        *Type
	NotImplementedError *Type
	RecursionError      *Type
	StopAsyncIteration  *Type
	StopIteration       *Type
	SyntaxErrorType     *Type
	IndentationError    *Type
	TabError            *Type
	SystemError         *Type
	TypeError           *Type
	ValueError          *Type
	UnicodeError        *Type
	UnicodeDecodeError  *Type
	UnicodeEncodeError  *Type
	UnicodeTranslateErr *Type
	Warning             *Type
	BytesWarning        *Type
	DeprecationWarning  *Type
	EncodingWarning     *Type
	FutureWarning       *Type
	ImportWarning       *Type
	PendingDeprecation  *Type
	ResourceWarning     *Type
	RuntimeWarning      *Type
	SyntaxWarning       *Type
	UnicodeWarning      *Type
	UserWarning         *Type
)

// ExceptionTypes lists every builtin exception type by name (for the
// builtins module).
var ExceptionTypes = map[string]*Type{}

func initExceptionTypes() {
	initBuiltinType(BaseException, TypeSpec{
		Name: "BaseException", Layout: exceptionLayout.info, HasDict: true,
		Doc: "Common base class for all exceptions",
		Slots: Slots{
			New:  exceptionNew,
			Init: exceptionInit,
			Repr: exceptionRepr,
			Str:  exceptionStr,
		},
		Methods: []*BuiltinMethod{
			{Name: "with_traceback", Fn: exceptionWithTraceback},
			{Name: "add_note", Fn: exceptionAddNote},
			{Name: "__reduce__", Fn: exceptionReduce},
			{Name: "__setstate__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return None, nil }},
		},
		Getters: exceptionGetters(),
	})
	BaseException.flags |= flagIsException
	ExceptionTypes["BaseException"] = BaseException
	mk := func(name string, base *Type, doc string, slots Slots) *Type {
		t := NewBuiltinType(TypeSpec{Name: name, Base: base, Doc: doc, Slots: slots})
		ExceptionTypes[name] = t
		return t
	}
	GeneratorExit = mk("GeneratorExit", BaseException, "Request that a generator exit.", Slots{})
	KeyboardInterrupt = mk("KeyboardInterrupt", BaseException, "Program interrupted by user.", Slots{})
	SystemExit = mk("SystemExit", BaseException, "Request to exit from the interpreter.", Slots{Init: systemExitInit})
	ExceptionType = mk("Exception", BaseException, "Common base class for all non-exit exceptions.", Slots{})
	ArithmeticError = mk("ArithmeticError", ExceptionType, "Base class for arithmetic errors.", Slots{})
	FloatingPointError = mk("FloatingPointError", ArithmeticError, "Floating point operation failed.", Slots{})
	OverflowError = mk("OverflowError", ArithmeticError, "Result too large to be represented.", Slots{})
	ZeroDivisionError = mk("ZeroDivisionError", ArithmeticError, "Second argument to a division or modulo operation was zero.", Slots{})
	AssertionError = mk("AssertionError", ExceptionType, "Assertion failed.", Slots{})
	AttributeError = mk("AttributeError", ExceptionType, "Attribute not found.", Slots{Init: attributeErrorInit})
	BufferError = mk("BufferError", ExceptionType, "Buffer error.", Slots{})
	EOFError = mk("EOFError", ExceptionType, "Read beyond end of file.", Slots{})
	ImportError = mk("ImportError", ExceptionType, "Import can't find module, or can't find name in module.", Slots{Str: importErrorStr, Init: importErrorInit})
	ModuleNotFoundError = mk("ModuleNotFoundError", ImportError, "Module not found.", Slots{})
	LookupError = mk("LookupError", ExceptionType, "Base class for lookup errors.", Slots{})
	IndexError = mk("IndexError", LookupError, "Sequence index out of range.", Slots{})
	KeyError = mk("KeyError", LookupError, "Mapping key not found.", Slots{Str: keyErrorStr})
	MemoryError = mk("MemoryError", ExceptionType, "Out of memory.", Slots{})
	NameError = mk("NameError", ExceptionType, "Name not found globally.", Slots{Init: nameErrorInit})
	UnboundLocalError = mk("UnboundLocalError", NameError, "Local name referenced but not bound to a value.", Slots{})
	OSError = mk("OSError", ExceptionType, "Base class for I/O related errors.", Slots{New: osErrorNew, Init: osErrorInit, Str: osErrorStr})
	BlockingIOError = mk("BlockingIOError", OSError, "I/O operation would block.", Slots{})
	ChildProcessError = mk("ChildProcessError", OSError, "Child process error.", Slots{})
	ConnectionError = mk("ConnectionError", OSError, "Connection error.", Slots{})
	BrokenPipeError = mk("BrokenPipeError", ConnectionError, "Broken pipe.", Slots{})
	ConnectionAborted = mk("ConnectionAbortedError", ConnectionError, "Connection aborted.", Slots{})
	ConnectionRefused = mk("ConnectionRefusedError", ConnectionError, "Connection refused.", Slots{})
	ConnectionReset = mk("ConnectionResetError", ConnectionError, "Connection reset.", Slots{})
	FileExistsError = mk("FileExistsError", OSError, "File already exists.", Slots{})
	FileNotFoundError = mk("FileNotFoundError", OSError, "File not found.", Slots{})
	InterruptedError = mk("InterruptedError", OSError, "Interrupted by signal.", Slots{})
	IsADirectoryError = mk("IsADirectoryError", OSError, "Operation doesn't work on directories.", Slots{})
	NotADirectoryError = mk("NotADirectoryError", OSError, "Operation only works on directories.", Slots{})
	PermissionError = mk("PermissionError", OSError, "Not enough permissions.", Slots{})
	ProcessLookupError = mk("ProcessLookupError", OSError, "Process not found.", Slots{})
	TimeoutError = mk("TimeoutError", OSError, "Timeout expired.", Slots{})
	ReferenceError = mk("ReferenceError", ExceptionType, "Weak ref proxy used after referent went away.", Slots{})
	RuntimeError = mk("RuntimeError", ExceptionType, "Unspecified run-time error.", Slots{})
	NotImplementedError = mk("NotImplementedError", RuntimeError, "Method or function hasn't been implemented yet.", Slots{})
	RecursionError = mk("RecursionError", RuntimeError, "Recursion limit exceeded.", Slots{})
	StopAsyncIteration = mk("StopAsyncIteration", ExceptionType, "Signal the end from iterator.__anext__().", Slots{})
	// Init is passed to mk (not assigned later) so that __init__ is in the
	// type's namespace and subclasses inherit it.
	StopIteration = mk("StopIteration", ExceptionType, "Signal the end from iterator.__next__().", Slots{Init: stopIterationInit})
	SyntaxErrorType = mk("SyntaxError", ExceptionType, "Invalid syntax.", Slots{Init: syntaxErrorInit, Str: syntaxErrorStr})
	IndentationError = mk("IndentationError", SyntaxErrorType, "Improper indentation.", Slots{})
	TabError = mk("TabError", IndentationError, "Improper mixture of spaces and tabs.", Slots{})
	SystemError = mk("SystemError", ExceptionType, "Internal error in the Python interpreter.", Slots{})
	TypeError = mk("TypeError", ExceptionType, "Inappropriate argument type.", Slots{})
	ValueError = mk("ValueError", ExceptionType, "Inappropriate argument value (of correct type).", Slots{})
	UnicodeError = mk("UnicodeError", ValueError, "Unicode related error.", Slots{})
	UnicodeDecodeError = mk("UnicodeDecodeError", UnicodeError, "Unicode decoding error.", Slots{Init: unicodeErrorInit, Str: unicodeDecodeErrorStr})
	UnicodeEncodeError = mk("UnicodeEncodeError", UnicodeError, "Unicode encoding error.", Slots{Init: unicodeErrorInit, Str: unicodeEncodeErrorStr})
	UnicodeTranslateErr = mk("UnicodeTranslateError", UnicodeError, "Unicode translation error.", Slots{})
	Warning = mk("Warning", ExceptionType, "Base class for warning categories.", Slots{})
	BytesWarning = mk("BytesWarning", Warning, "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.", Slots{})
	DeprecationWarning = mk("DeprecationWarning", Warning, "Base class for warnings about deprecated features.", Slots{})
	EncodingWarning = mk("EncodingWarning", Warning, "Base class for warnings about encodings.", Slots{})
	FutureWarning = mk("FutureWarning", Warning, "Base class for warnings about constructs that will change semantically\nin the future.", Slots{})
	ImportWarning = mk("ImportWarning", Warning, "Base class for warnings about probable mistakes in module imports", Slots{})
	PendingDeprecation = mk("PendingDeprecationWarning", Warning, "Base class for warnings about features which will be deprecated\nin the future.", Slots{})
	ResourceWarning = mk("ResourceWarning", Warning, "Base class for warnings about resource usage.", Slots{})
	RuntimeWarning = mk("RuntimeWarning", Warning, "Base class for warnings about dubious runtime behavior.", Slots{})
	SyntaxWarning = mk("SyntaxWarning", Warning, "Base class for warnings about dubious syntax.", Slots{})
	UnicodeWarning = mk("UnicodeWarning", Warning, "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.", Slots{})
	UserWarning = mk("UserWarning", Warning, "Base class for warnings generated by user code.", Slots{})
	initExceptionGroups()
}

// AsException returns the exception an error carries. A Go error that is
// not a Python exception becomes a SystemError: it is an interpreter bug.
func AsException(err error) *Exception {
	if e, ok := err.(*Exception); ok {
		return e
	}
	if err == nil {
		return nil
	}
	return Errorf(SystemError, "%s", err.Error())
}

// AsExceptionValue returns v as an exception instance.
func AsExceptionValue(v Value) (*Exception, bool) { return exceptionLayout.Cast(v) }

// NewException builds an instance of t with the given args.
func NewException(t *Type, args ...Value) *Exception {
	e := exceptionLayout.New(t)
	e.args = NewTupleCopy(args)
	e.cause, e.context = Null, Null
	return e
}

// Errorf builds an instance of t whose message is the formatted text.
func Errorf(t *Type, format string, a ...any) *Exception {
	msg := format
	if len(a) > 0 {
		msg = fmt.Sprintf(format, a...)
	}
	return NewException(t, MakeStr(msg))
}

// Error makes *Exception a Go error: "Type: message".
func (e *Exception) Error() string {
	msg := e.message()
	if msg == "" {
		return e.typ.Name
	}
	return e.typ.Name + ": " + msg
}

func (e *Exception) message() string {
	if e.args == nil {
		return ""
	}
	switch len(e.args.items) {
	case 0:
		return ""
	case 1:
		if s, ok := AsStr(e.args.items[0]); ok {
			return s.s
		}
		if r, err := Repr(nil, e.args.items[0]); err == nil {
			return r.s
		}
	}
	return fmt.Sprint(len(e.args.items), " args")
}

// Type is the exception's class.
func (e *Exception) Type() *Type { return e.typ }

// Args is the exception's args tuple.
func (e *Exception) Args() *Tuple { return e.args }

// Traceback is the exception's __traceback__ (nil if none).
func (e *Exception) Traceback() *Traceback { return e.traceback }

// SetTraceback replaces __traceback__.
func (e *Exception) SetTraceback(tb *Traceback) { e.traceback = tb }

// Cause is __cause__ (Null if unset).
func (e *Exception) Cause() Value { return e.cause }

// Context is __context__ (Null if unset).
func (e *Exception) Context() Value { return e.context }

func (e *Exception) setCause(c *Exception) {
	if c == nil {
		e.cause = None
	} else {
		e.cause = c.Value()
	}
	e.suppressContext = true
}

// Matches reports whether the exception is an instance of t.
func (e *Exception) Matches(t *Type) bool { return e.typ.IsSubtype(t) }

// setAttrErrorContext records obj and name on an AttributeError, as 3.10+
// does, for the "Did you mean" suggestion.
func (e *Exception) setAttrErrorContext(obj Value, name *Str) {
	d := NewDict()
	d.SetString("name", name.Value())
	d.SetString("obj", obj)
	e.dict = d
}

// attr reads an extra attribute stored in the instance dict.
func (e *Exception) attr(name string) Value {
	if e.dict != nil {
		if v, ok := e.dict.getStr(Intern(name)); ok {
			return v
		}
	}
	return None
}

func (e *Exception) setAttr(name string, v Value) {
	if e.dict == nil {
		e.dict = NewDict()
	}
	e.dict.SetStr(Intern(name), v)
}

// ------------------------------------------------------------- slots

func exceptionNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	e := exceptionLayout.New(t)
	e.args = NewTupleCopy(args[:len(args)-len(kwnames)])
	e.cause, e.context = Null, Null
	return e.Value(), nil
}

func exceptionInit(th *Thread, self Value, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "%s() takes no keyword arguments", TypeName(self))
	}
	exceptionLayout.Must(self).args = NewTupleCopy(args)
	return nil
}

func exceptionRepr(th *Thread, self Value) (Value, error) {
	e := exceptionLayout.Must(self)
	name := e.typ.Name
	if e.args == nil || len(e.args.items) == 0 {
		return MakeStr(name + "()"), nil
	}
	if len(e.args.items) == 1 {
		r, err := Repr(th, e.args.items[0])
		if err != nil {
			return Null, err
		}
		return MakeStr(name + "(" + r.s + ")"), nil
	}
	r, err := Repr(th, e.args.Value())
	if err != nil {
		return Null, err
	}
	return MakeStr(name + r.s), nil
}

func exceptionStr(th *Thread, self Value) (Value, error) {
	e := exceptionLayout.Must(self)
	if e.args == nil {
		return MakeStr(""), nil
	}
	switch len(e.args.items) {
	case 0:
		return MakeStr(""), nil
	case 1:
		s, err := StrOf(th, e.args.items[0])
		if err != nil {
			return Null, err
		}
		return s.Value(), nil
	}
	s, err := StrOf(th, e.args.Value())
	if err != nil {
		return Null, err
	}
	return s.Value(), nil
}

func keyErrorStr(th *Thread, self Value) (Value, error) {
	e := exceptionLayout.Must(self)
	if e.args != nil && len(e.args.items) == 1 {
		r, err := Repr(th, e.args.items[0])
		if err != nil {
			return Null, err
		}
		return r.Value(), nil
	}
	return exceptionStr(th, self)
}

func exceptionWithTraceback(th *Thread, args []Value, kw []Value) (Value, error) {
	if len(args) != 2 {
		return Null, Errorf(TypeError, "with_traceback() takes exactly one argument")
	}
	e := exceptionLayout.Must(args[0])
	if args[1].IsNone() {
		e.traceback = nil
	} else if tb, ok := tracebackLayout.Cast(args[1]); ok {
		e.traceback = tb
	} else {
		return Null, Errorf(TypeError, "__traceback__ must be a traceback or None")
	}
	return args[0], nil
}

func exceptionAddNote(th *Thread, args []Value, kw []Value) (Value, error) {
	if len(args) != 2 {
		return Null, Errorf(TypeError, "BaseException.add_note() takes exactly one argument (%d given)", len(args)-1)
	}
	if _, ok := AsStr(args[1]); !ok {
		return Null, Errorf(TypeError, "note must be a str, not '%s'", TypeName(args[1]))
	}
	e := exceptionLayout.Must(args[0])
	notes := e.attr("__notes__")
	if notes.IsNone() {
		l := NewList(nil)
		e.setAttr("__notes__", l.Value())
		notes = l.Value()
	}
	l, ok := AsList(notes)
	if !ok {
		return Null, Errorf(TypeError, "Cannot add note: __notes__ is not a list")
	}
	l.Append(args[1])
	return None, nil
}

func exceptionReduce(th *Thread, args []Value, kw []Value) (Value, error) {
	e := exceptionLayout.Must(args[0])
	if e.dict != nil && e.dict.Len() > 0 {
		return NewTuple(e.typ.Value(), e.args.Value(), e.dict.Value()).Value(), nil
	}
	return NewTuple(e.typ.Value(), e.args.Value()).Value(), nil
}

func exceptionGetters() []*GetSet {
	ex := func(v Value) *Exception { return exceptionLayout.Must(v) }
	return []*GetSet{
		{Name: "args",
			Get: func(th *Thread, self Value) (Value, error) { return ex(self).args.Value(), nil },
			Set: func(th *Thread, self Value, v Value) error {
				items, err := SeqToSlice(th, v)
				if err != nil {
					return err
				}
				ex(self).args = NewTuple(items...)
				return nil
			}},
		{Name: "__traceback__",
			Get: func(th *Thread, self Value) (Value, error) {
				if tb := ex(self).traceback; tb != nil {
					return tb.Value(), nil
				}
				return None, nil
			},
			Set: func(th *Thread, self Value, v Value) error {
				if v.IsNone() {
					ex(self).traceback = nil
					return nil
				}
				tb, ok := tracebackLayout.Cast(v)
				if !ok {
					return Errorf(TypeError, "__traceback__ must be a traceback or None")
				}
				ex(self).traceback = tb
				return nil
			}},
		{Name: "__cause__",
			Get: func(th *Thread, self Value) (Value, error) {
				if c := ex(self).cause; !c.IsNull() {
					return c, nil
				}
				return None, nil
			},
			Set: func(th *Thread, self Value, v Value) error {
				if !v.IsNone() {
					if _, ok := AsExceptionValue(v); !ok {
						return Errorf(TypeError, "exception cause must be None or derive from BaseException")
					}
				}
				ex(self).cause = v
				ex(self).suppressContext = true
				return nil
			}},
		{Name: "__context__",
			Get: func(th *Thread, self Value) (Value, error) {
				if c := ex(self).context; !c.IsNull() {
					return c, nil
				}
				return None, nil
			},
			Set: func(th *Thread, self Value, v Value) error {
				if !v.IsNone() {
					if _, ok := AsExceptionValue(v); !ok {
						return Errorf(TypeError, "exception context must be None or derive from BaseException")
					}
				}
				ex(self).context = v
				return nil
			}},
		{Name: "__suppress_context__",
			Get: func(th *Thread, self Value) (Value, error) { return MakeBool(ex(self).suppressContext), nil },
			Set: func(th *Thread, self Value, v Value) error {
				b, err := Truth(th, v)
				ex(self).suppressContext = b
				return err
			}},
	}
}

// ------------------------------------------------- subclass behaviour

func stopIterationInit(th *Thread, self Value, args []Value, kw []Value) error {
	if err := exceptionInit(th, self, args, kw); err != nil {
		return err
	}
	e := exceptionLayout.Must(self)
	if len(args) > 0 {
		e.setAttr("value", args[0])
	} else {
		e.setAttr("value", None)
	}
	return nil
}

// StopIterationValue is the value a StopIteration carries.
func StopIterationValue(e *Exception) Value {
	if e.dict != nil {
		if v, ok := e.dict.getStr(Intern("value")); ok {
			return v
		}
	}
	if e.args != nil && len(e.args.items) > 0 {
		return e.args.items[0]
	}
	return None
}

// NewStopIteration carries a generator's return value.
func NewStopIteration(v Value) *Exception {
	e := NewException(StopIteration)
	if !v.IsNone() {
		e.args = NewTuple(v)
	}
	e.setAttr("value", v)
	return e
}

func systemExitInit(th *Thread, self Value, args []Value, kw []Value) error {
	if err := exceptionInit(th, self, args, kw); err != nil {
		return err
	}
	e := exceptionLayout.Must(self)
	switch len(args) {
	case 0:
		e.setAttr("code", None)
	case 1:
		e.setAttr("code", args[0])
	default:
		e.setAttr("code", e.args.Value())
	}
	return nil
}

// SystemExitCode is the code a SystemExit carries.
func SystemExitCode(e *Exception) Value {
	if e.dict != nil {
		if v, ok := e.dict.getStr(Intern("code")); ok {
			return v
		}
	}
	if e.args != nil && len(e.args.items) == 1 {
		return e.args.items[0]
	}
	if e.args != nil && len(e.args.items) > 1 {
		return e.args.Value()
	}
	return None
}

func importErrorInit(th *Thread, self Value, args []Value, kwnames []Value) error {
	npos := len(args) - len(kwnames)
	e := exceptionLayout.Must(self)
	e.args = NewTupleCopy(args[:npos])
	e.setAttr("name", None)
	e.setAttr("path", None)
	for i, k := range kwnames {
		s, _ := AsStr(k)
		switch s.s {
		case "name", "path":
			e.setAttr(s.s, args[npos+i])
		default:
			return Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", s.s, e.typ.Name)
		}
	}
	if npos == 1 {
		e.setAttr("msg", args[0])
	} else {
		e.setAttr("msg", None)
	}
	return nil
}

func importErrorStr(th *Thread, self Value) (Value, error) {
	e := exceptionLayout.Must(self)
	if m := e.attr("msg"); !m.IsNone() {
		s, err := StrOf(th, m)
		if err != nil {
			return Null, err
		}
		return s.Value(), nil
	}
	return exceptionStr(th, self)
}

func nameErrorInit(th *Thread, self Value, args []Value, kwnames []Value) error {
	npos := len(args) - len(kwnames)
	e := exceptionLayout.Must(self)
	e.args = NewTupleCopy(args[:npos])
	e.setAttr("name", None)
	for i, k := range kwnames {
		s, _ := AsStr(k)
		if s.s != "name" {
			return Errorf(TypeError, "'%s' is an invalid keyword argument for NameError()", s.s)
		}
		e.setAttr("name", args[npos+i])
	}
	return nil
}

func attributeErrorInit(th *Thread, self Value, args []Value, kwnames []Value) error {
	npos := len(args) - len(kwnames)
	e := exceptionLayout.Must(self)
	e.args = NewTupleCopy(args[:npos])
	e.setAttr("name", None)
	e.setAttr("obj", None)
	for i, k := range kwnames {
		s, _ := AsStr(k)
		if s.s != "name" && s.s != "obj" {
			return Errorf(TypeError, "'%s' is an invalid keyword argument for AttributeError()", s.s)
		}
		e.setAttr(s.s, args[npos+i])
	}
	return nil
}

// nameError builds the NameError for an unknown name, with .name set for
// the "Did you mean" suggestion.
func nameError(name *Str) *Exception {
	e := Errorf(NameError, "name '%s' is not defined", name.s)
	e.setAttr("name", name.Value())
	return e
}

// ------------------------------------------------------------- OSError

// errnoTypes maps an errno to the OSError subclass CPython picks for it.
var errnoTypes = map[int64]**Type{
	11: &BlockingIOError, 115: &BlockingIOError, 114: &BlockingIOError,
	10: &ChildProcessError, 32: &BrokenPipeError, 108: &BrokenPipeError,
	103: &ConnectionAborted, 111: &ConnectionRefused, 104: &ConnectionReset,
	17: &FileExistsError, 2: &FileNotFoundError, 4: &InterruptedError,
	21: &IsADirectoryError, 20: &NotADirectoryError, 1: &PermissionError,
	13: &PermissionError, 3: &ProcessLookupError, 110: &TimeoutError,
}

func osErrorNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	npos := len(args) - len(kwnames)
	if t == OSError && npos >= 2 && args[0].IsSmallInt() {
		if sub, ok := errnoTypes[args[0].SmallInt()]; ok {
			t = *sub
		}
	}
	e := exceptionLayout.New(t)
	e.args = NewTupleCopy(args[:npos])
	e.cause, e.context = Null, Null
	return e.Value(), nil
}

func osErrorInit(th *Thread, self Value, args []Value, kwnames []Value) error {
	npos := len(args) - len(kwnames)
	e := exceptionLayout.Must(self)
	for _, n := range []string{"errno", "strerror", "filename", "filename2"} {
		e.setAttr(n, None)
	}
	if npos >= 2 && npos <= 5 {
		e.setAttr("errno", args[0])
		e.setAttr("strerror", args[1])
		if npos >= 3 {
			e.setAttr("filename", args[2])
		}
		if npos >= 5 {
			e.setAttr("filename2", args[4])
		}
		// args keeps only (errno, strerror) when a filename is given.
		if npos >= 3 {
			e.args = NewTuple(args[0], args[1])
		} else {
			e.args = NewTupleCopy(args[:npos])
		}
	} else {
		e.args = NewTupleCopy(args[:npos])
	}
	return nil
}

func osErrorStr(th *Thread, self Value) (Value, error) {
	e := exceptionLayout.Must(self)
	errno, strerror := e.attr("errno"), e.attr("strerror")
	fn, fn2 := e.attr("filename"), e.attr("filename2")
	if !fn.IsNone() {
		fr, err := Repr(th, fn)
		if err != nil {
			return Null, err
		}
		es, _ := StrOf(th, errno)
		ss, _ := StrOf(th, strerror)
		if !fn2.IsNone() {
			fr2, _ := Repr(th, fn2)
			return MakeStr(fmt.Sprintf("[Errno %s] %s: %s -> %s", es.s, ss.s, fr.s, fr2.s)), nil
		}
		return MakeStr(fmt.Sprintf("[Errno %s] %s: %s", es.s, ss.s, fr.s)), nil
	}
	if !errno.IsNone() && !strerror.IsNone() {
		es, _ := StrOf(th, errno)
		ss, _ := StrOf(th, strerror)
		return MakeStr(fmt.Sprintf("[Errno %s] %s", es.s, ss.s)), nil
	}
	return exceptionStr(th, self)
}

// NewOSError builds the OSError subclass for errno with CPython's strerror
// text, optionally naming a file.
func NewOSError(errno int, strerror string, filename ...Value) *Exception {
	t := OSError
	if sub, ok := errnoTypes[int64(errno)]; ok {
		t = *sub
	}
	args := []Value{MakeInt(int64(errno)), MakeStr(strerror)}
	args = append(args, filename...)
	e := exceptionLayout.New(t)
	e.cause, e.context = Null, Null
	_ = osErrorInit(nil, e.Value(), args, nil)
	return e
}

// ---------------------------------------------------------- SyntaxError

func syntaxErrorInit(th *Thread, self Value, args []Value, kwnames []Value) error {
	e := exceptionLayout.Must(self)
	e.args = NewTupleCopy(args[:len(args)-len(kwnames)])
	for _, n := range []string{"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"} {
		e.setAttr(n, None)
	}
	if len(args) >= 1 {
		e.setAttr("msg", args[0])
	}
	if len(args) == 2 {
		info, err := SeqToSlice(th, args[1])
		if err != nil {
			return err
		}
		names := []string{"filename", "lineno", "offset", "text", "end_lineno", "end_offset"}
		if len(info) < 4 || len(info) > 6 {
			return Errorf(IndexError, "tuple index out of range")
		}
		for i, v := range info {
			e.setAttr(names[i], v)
		}
	}
	return nil
}

func syntaxErrorStr(th *Thread, self Value) (Value, error) {
	e := exceptionLayout.Must(self)
	msg := e.attr("msg")
	ms := ""
	if !msg.IsNone() {
		s, err := StrOf(th, msg)
		if err != nil {
			return Null, err
		}
		ms = s.s
	} else {
		s, err := exceptionStr(th, self)
		if err != nil {
			return Null, err
		}
		return s, nil
	}
	fn, ln := e.attr("filename"), e.attr("lineno")
	fs := ""
	if s, ok := AsStr(fn); ok {
		fs = s.s
		if i := strings.LastIndexByte(fs, '/'); i >= 0 {
			fs = fs[i+1:]
		}
	}
	switch {
	case fs != "" && ln.IsSmallInt():
		return MakeStr(fmt.Sprintf("%s (%s, line %d)", ms, fs, ln.SmallInt())), nil
	case fs != "":
		return MakeStr(fmt.Sprintf("%s (%s)", ms, fs)), nil
	case ln.IsSmallInt():
		return MakeStr(fmt.Sprintf("%s (line %d)", ms, ln.SmallInt())), nil
	}
	return MakeStr(ms), nil
}

// ------------------------------------------------------- Unicode errors

func unicodeErrorInit(th *Thread, self Value, args []Value, kwnames []Value) error {
	e := exceptionLayout.Must(self)
	e.args = NewTupleCopy(args)
	if len(args) != 5 {
		return Errorf(TypeError, "function takes exactly 5 arguments (%d given)", len(args))
	}
	for i, n := range []string{"encoding", "object", "start", "end", "reason"} {
		e.setAttr(n, args[i])
	}
	return nil
}

func unicodeDecodeErrorStr(th *Thread, self Value) (Value, error) {
	e := exceptionLayout.Must(self)
	enc, _ := StrOf(th, e.attr("encoding"))
	reason, _ := StrOf(th, e.attr("reason"))
	start, end := e.attr("start"), e.attr("end")
	obj := e.attr("object")
	if b, ok := AsBytes(obj); ok && start.IsSmallInt() && end.IsSmallInt() {
		s := int(start.SmallInt())
		if s >= 0 && s < len(b.b) && end.SmallInt() == start.SmallInt()+1 {
			return MakeStr(fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", enc.s, b.b[s], s, reason.s)), nil
		}
		return MakeStr(fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", enc.s, s, end.SmallInt()-1, reason.s)), nil
	}
	return exceptionStr(th, self)
}

func unicodeEncodeErrorStr(th *Thread, self Value) (Value, error) {
	e := exceptionLayout.Must(self)
	enc, _ := StrOf(th, e.attr("encoding"))
	reason, _ := StrOf(th, e.attr("reason"))
	start, end := e.attr("start"), e.attr("end")
	if s, ok := AsStr(e.attr("object")); ok && start.IsSmallInt() && end.IsSmallInt() {
		i := int(start.SmallInt())
		if i >= 0 && i < s.Len() && end.SmallInt() == start.SmallInt()+1 {
			r := s.At(i)
			var esc string
			switch {
			case r < 0x100:
				esc = fmt.Sprintf("\\x%02x", r)
			case r < 0x10000:
				esc = fmt.Sprintf("\\u%04x", r)
			default:
				esc = fmt.Sprintf("\\U%08x", r)
			}
			return MakeStr(fmt.Sprintf("'%s' codec can't encode character '%s' in position %d: %s", enc.s, esc, i, reason.s)), nil
		}
		return MakeStr(fmt.Sprintf("'%s' codec can't encode characters in position %d-%d: %s", enc.s, i, end.SmallInt()-1, reason.s)), nil
	}
	return exceptionStr(th, self)
}

// internalError converts a Go panic caught at the eval loop into the
// SystemError Python code sees. It names the place in gilpy's source that
// failed (the first frame outside the Go runtime), since that is what a
// bug report needs; the Go stack dump itself never reaches the user.
func internalError(r any) *Exception {
	where := ""
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		fr, more := frames.Next()
		if !strings.HasPrefix(fr.Function, "runtime.") && fr.Function != "" {
			file := fr.File[strings.LastIndexByte(fr.File, '/')+1:]
			where = fmt.Sprintf(" (in %s, %s:%d)", fr.Function, file, fr.Line)
			break
		}
		if !more {
			break
		}
	}
	return Errorf(SystemError, "internal error in gilpy: %v%s", r, where)
}
