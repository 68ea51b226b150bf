// Package io is the _io module behind io.py: StringIO and BytesIO (in Go,
// since programs build strings through them in loops and redirect
// output into them), plus the file types the VM implements (vm/file.go).
package io

import (
	"strings"
	"unicode/utf8"

	"gilpy/vm"
)

// StringIO is an in-memory text stream; positions count code points.
type StringIO struct {
	vm.Object
	buf       []rune
	pos       int
	closed    bool
	translate bool // newline=None: \r\n and \r become \n on write
	newline   vm.Value
}

// BytesIO is an in-memory binary stream.
type BytesIO struct {
	vm.Object
	buf     []byte
	pos     int
	closed  bool
	exports int
}

var (
	stringIOLayout = vm.NewLayout[StringIO]("_io.StringIO")
	bytesIOLayout  = vm.NewLayout[BytesIO]("_io.BytesIO")
	// StringIOType and BytesIOType are io.StringIO and io.BytesIO.
	StringIOType, BytesIOType *vm.Type
)

func closedErr() error { return vm.Errorf(vm.ValueError, "I/O operation on closed file.") }

func unsupported(msg string) error {
	return vm.NewException(vm.UnsupportedOperation(), vm.MakeStr(msg))
}

func sizeArg(th *vm.Thread, name string, args []vm.Value, i int) (int, error) {
	if len(args) <= i || args[i].IsNone() {
		return -1, nil
	}
	if !vm.IsInt(args[i]) && args[i].Type().Index == nil {
		return 0, vm.Errorf(vm.TypeError, "argument should be integer or None, not '%s'", vm.TypeName(args[i]))
	}
	return vm.AsIndex(th, args[i])
}

func dictGetter() *vm.GetSet {
	return &vm.GetSet{Name: "__dict__", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
		o := v.HeapObject()
		if o.Dict() == nil {
			o.SetDict(vm.NewDict())
		}
		return o.Dict().Value(), nil
	}}
}

func common(closed func(v vm.Value) bool, doClose func(v vm.Value), closedErr func() error) []*vm.BuiltinMethod {
	ret := func(b bool) vm.BuiltinFn {
		return func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if closed(args[0]) {
				return vm.Null, closedErr()
			}
			return vm.MakeBool(b), nil
		}
	}
	return []*vm.BuiltinMethod{
		{Name: "readable", Fn: ret(true)},
		{Name: "writable", Fn: ret(true)},
		{Name: "seekable", Fn: ret(true)},
		{Name: "isatty", Fn: ret(false)},
		{Name: "flush", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if closed(args[0]) {
				return vm.Null, closedErr()
			}
			return vm.None, nil
		}},
		{Name: "close", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			doClose(args[0])
			return vm.None, nil
		}},
		{Name: "fileno", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			return vm.Null, unsupported("fileno")
		}},
		{Name: "detach", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			return vm.Null, unsupported("detach")
		}},
		{Name: "__enter__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if closed(args[0]) {
				return vm.Null, closedErr()
			}
			return args[0], nil
		}},
		{Name: "__exit__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			doClose(args[0])
			return vm.None, nil
		}},
		{Name: "writelines", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("writelines", args[1:], 1, 1); err != nil {
				return vm.Null, err
			}
			if closed(args[0]) {
				return vm.Null, closedErr()
			}
			return vm.None, vm.ForEach(th, args[1], func(x vm.Value) (bool, error) {
				_, err := vm.CallMethod(th, args[0], "write", x)
				return err == nil, err
			})
		}},
		{Name: "readlines", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			hint, err := sizeArg(th, "readlines", args, 1)
			if err != nil {
				return vm.Null, err
			}
			if closed(args[0]) {
				return vm.Null, closedErr()
			}
			var out []vm.Value
			total := 0
			for {
				line, err := vm.CallMethod(th, args[0], "readline")
				if err != nil {
					return vm.Null, err
				}
				n, _ := vm.Len(th, line)
				if n == 0 {
					break
				}
				out = append(out, line)
				total += n
				if hint > 0 && total >= hint {
					break
				}
			}
			return vm.NewList(out).Value(), nil
		}},
	}
}

// ------------------------------------------------------------ StringIO

func sio(v vm.Value) *StringIO { return stringIOLayout.Must(v) }

// sioClosed is StringIO's wording, which (unlike BytesIO's) has no period.
func sioClosed() error { return vm.Errorf(vm.ValueError, "I/O operation on closed file") }

func (s *StringIO) write(str string) int {
	n := utf8.RuneCountInString(str)
	if s.translate {
		str = strings.ReplaceAll(str, "\r\n", "\n")
		str = strings.ReplaceAll(str, "\r", "\n")
	}
	rs := []rune(str)
	if s.pos > len(s.buf) {
		s.buf = append(s.buf, make([]rune, s.pos-len(s.buf))...)
	}
	if s.pos == len(s.buf) {
		s.buf = append(s.buf, rs...)
	} else {
		end := s.pos + len(rs)
		if end > len(s.buf) {
			s.buf = append(s.buf[:s.pos], rs...)
		} else {
			copy(s.buf[s.pos:], rs)
		}
	}
	s.pos += len(rs)
	return n
}

func (s *StringIO) readline(limit int) string {
	if s.pos >= len(s.buf) {
		return ""
	}
	end := s.pos
	for end < len(s.buf) {
		c := s.buf[end]
		end++
		if c == '\n' {
			break
		}
		if limit >= 0 && end-s.pos >= limit {
			break
		}
	}
	r := string(s.buf[s.pos:end])
	s.pos = end
	return r
}

func initStringIO() {
	closed := func(v vm.Value) bool { return sio(v).closed }
	doClose := func(v vm.Value) { s := sio(v); s.closed = true; s.buf = nil }
	methods := append(common(closed, doClose, sioClosed),
		&vm.BuiltinMethod{Name: "write", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("write", args[1:], 1, 1); err != nil {
				return vm.Null, err
			}
			s := sio(args[0])
			if s.closed {
				return vm.Null, sioClosed()
			}
			str, ok := vm.AsStr(args[1])
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "string argument expected, got '%s'", vm.TypeName(args[1]))
			}
			return vm.MakeInt(int64(s.write(str.String()))), nil
		}},
		&vm.BuiltinMethod{Name: "read", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			n, err := sizeArg(th, "read", args, 1)
			if err != nil {
				return vm.Null, err
			}
			s := sio(args[0])
			if s.closed {
				return vm.Null, sioClosed()
			}
			if s.pos >= len(s.buf) {
				return vm.MakeStr(""), nil
			}
			end := len(s.buf)
			if n >= 0 && s.pos+n < end {
				end = s.pos + n
			}
			r := string(s.buf[s.pos:end])
			s.pos = end
			return vm.MakeStr(r), nil
		}},
		&vm.BuiltinMethod{Name: "readline", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			n, err := sizeArg(th, "readline", args, 1)
			if err != nil {
				return vm.Null, err
			}
			s := sio(args[0])
			if s.closed {
				return vm.Null, sioClosed()
			}
			return vm.MakeStr(s.readline(n)), nil
		}},
		&vm.BuiltinMethod{Name: "getvalue", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			s := sio(args[0])
			if s.closed {
				return vm.Null, sioClosed()
			}
			return vm.MakeStr(string(s.buf)), nil
		}},
		&vm.BuiltinMethod{Name: "tell", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			s := sio(args[0])
			if s.closed {
				return vm.Null, sioClosed()
			}
			return vm.MakeInt(int64(s.pos)), nil
		}},
		&vm.BuiltinMethod{Name: "seek", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("seek", args[1:], 1, 2); err != nil {
				return vm.Null, err
			}
			s := sio(args[0])
			pos, err := vm.AsIndex(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			whence := 0
			if len(args) > 2 {
				if whence, err = vm.AsIndex(th, args[2]); err != nil {
					return vm.Null, err
				}
			}
			if s.closed {
				return vm.Null, sioClosed()
			}
			switch whence {
			case 0:
				if pos < 0 {
					return vm.Null, vm.Errorf(vm.ValueError, "Negative seek position %d", pos)
				}
				s.pos = pos
			case 1:
				if pos != 0 {
					return vm.Null, unsupported("Can't do nonzero cur-relative seeks")
				}
			case 2:
				if pos != 0 {
					return vm.Null, unsupported("Can't do nonzero end-relative seeks")
				}
				s.pos = len(s.buf)
			default:
				return vm.Null, vm.Errorf(vm.ValueError, "Invalid whence (%d, should be 0, 1 or 2)", whence)
			}
			return vm.MakeInt(int64(s.pos)), nil
		}},
		&vm.BuiltinMethod{Name: "truncate", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			s := sio(args[0])
			if s.closed {
				return vm.Null, sioClosed()
			}
			size := s.pos
			if len(args) > 1 && !args[1].IsNone() {
				n, err := vm.AsIndex(th, args[1])
				if err != nil {
					return vm.Null, err
				}
				if n < 0 {
					return vm.Null, vm.Errorf(vm.ValueError, "Negative size value %d", n)
				}
				size = n
			}
			if size < len(s.buf) {
				s.buf = s.buf[:size]
			}
			return vm.MakeInt(int64(size)), nil
		}},
	)
	StringIOType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "StringIO", Module: "_io", Layout: stringIOLayout.Info(), HasDict: true,
		Doc: "Text I/O implementation using an in-memory buffer.",
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				s := stringIOLayout.New(t)
				s.newline = vm.MakeStr("\n")
				return s.Value(), nil
			},
			Init: func(th *vm.Thread, v vm.Value, args, kw []vm.Value) error {
				initial, newline := vm.None, vm.MakeStr("\n")
				if err := vm.UnpackArgs("StringIO", args, kw, "initial_value?", &initial, "newline?", &newline); err != nil {
					return err
				}
				s := sio(v)
				s.buf, s.pos, s.closed = nil, 0, false
				s.newline = newline
				if !newline.IsNone() {
					ns, ok := vm.AsStr(newline)
					if !ok {
						return vm.Errorf(vm.TypeError, "newline must be str or None, not %s", vm.TypeName(newline))
					}
					switch ns.String() {
					case "", "\n", "\r", "\r\n":
					default:
						return vm.Errorf(vm.ValueError, "illegal newline value: %s", vm.StrRepr(ns.String()))
					}
				}
				s.translate = newline.IsNone()
				if !initial.IsNone() {
					str, ok := vm.AsStr(initial)
					if !ok {
						return vm.Errorf(vm.TypeError, "initial_value must be str or None, not %s", vm.TypeName(initial))
					}
					s.write(str.String())
					s.pos = 0
				}
				return nil
			},
			Iter: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				if sio(v).closed {
					return vm.Null, sioClosed()
				}
				return v, nil
			},
			Next: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				s := sio(v)
				if s.closed {
					return vm.Null, sioClosed()
				}
				line := s.readline(-1)
				if line == "" {
					return vm.Null, nil
				}
				return vm.MakeStr(line), nil
			},
		},
		Methods: methods,
		Getters: []*vm.GetSet{
			dictGetter(),
			{Name: "closed", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeBool(sio(v).closed), nil }},
			{Name: "line_buffering", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.False, nil }},
			{Name: "newlines", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.None, nil }},
			{Name: "encoding", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.None, nil }},
			{Name: "errors", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.None, nil }},
		},
	})
}

// ------------------------------------------------------------- BytesIO

func bio(v vm.Value) *BytesIO { return bytesIOLayout.Must(v) }

func (b *BytesIO) write(data []byte) int {
	if b.pos > len(b.buf) {
		b.buf = append(b.buf, make([]byte, b.pos-len(b.buf))...)
	}
	end := b.pos + len(data)
	if end > len(b.buf) {
		b.buf = append(b.buf[:b.pos], data...)
	} else {
		copy(b.buf[b.pos:], data)
	}
	b.pos = end
	return len(data)
}

func (b *BytesIO) read(n int) []byte {
	if b.pos >= len(b.buf) {
		return nil
	}
	end := len(b.buf)
	if n >= 0 && b.pos+n < end {
		end = b.pos + n
	}
	r := append([]byte(nil), b.buf[b.pos:end]...)
	b.pos = end
	return r
}

func (b *BytesIO) readline(limit int) []byte {
	if b.pos >= len(b.buf) {
		return nil
	}
	end := b.pos
	for end < len(b.buf) {
		c := b.buf[end]
		end++
		if c == '\n' || (limit >= 0 && end-b.pos >= limit) {
			break
		}
	}
	r := append([]byte(nil), b.buf[b.pos:end]...)
	b.pos = end
	return r
}

func initBytesIO() {
	closed := func(v vm.Value) bool { return bio(v).closed }
	doClose := func(v vm.Value) { b := bio(v); b.closed = true; b.buf = nil }
	readFn := func(name string) *vm.BuiltinMethod {
		return &vm.BuiltinMethod{Name: name, Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			n, err := sizeArg(th, name, args, 1)
			if err != nil {
				return vm.Null, err
			}
			b := bio(args[0])
			if b.closed {
				return vm.Null, closedErr()
			}
			return vm.NewBytes(b.read(n)).Value(), nil
		}}
	}
	methods := append(common(closed, doClose, closedErr),
		&vm.BuiltinMethod{Name: "write", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("write", args[1:], 1, 1); err != nil {
				return vm.Null, err
			}
			b := bio(args[0])
			if b.closed {
				return vm.Null, closedErr()
			}
			data, ok := vm.AsBytesLike(args[1])
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(args[1]))
			}
			return vm.MakeInt(int64(b.write(data))), nil
		}},
		readFn("read"), readFn("read1"),
		&vm.BuiltinMethod{Name: "readline", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			n, err := sizeArg(th, "readline", args, 1)
			if err != nil {
				return vm.Null, err
			}
			b := bio(args[0])
			if b.closed {
				return vm.Null, closedErr()
			}
			return vm.NewBytes(b.readline(n)).Value(), nil
		}},
		&vm.BuiltinMethod{Name: "readinto", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			b := bio(args[0])
			if b.closed {
				return vm.Null, closedErr()
			}
			dst, ok := vm.AsBytes(args[1])
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "readinto() argument must be read-write bytes-like object, not %s", vm.TypeName(args[1]))
			}
			d := dst.Data()
			src := b.read(len(d))
			copy(d, src)
			return vm.MakeInt(int64(len(src))), nil
		}},
		&vm.BuiltinMethod{Name: "getvalue", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			b := bio(args[0])
			if b.closed {
				return vm.Null, closedErr()
			}
			return vm.NewBytes(append([]byte(nil), b.buf...)).Value(), nil
		}},
		&vm.BuiltinMethod{Name: "getbuffer", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			b := bio(args[0])
			if b.closed {
				return vm.Null, closedErr()
			}
			mv, ok := th.Interp.Builtins.GetString("memoryview")
			if !ok {
				return vm.NewBytes(append([]byte(nil), b.buf...)).Value(), nil
			}
			return vm.Call(th, mv, []vm.Value{vm.NewByteArray(b.buf).Value()}, nil)
		}},
		&vm.BuiltinMethod{Name: "tell", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			b := bio(args[0])
			if b.closed {
				return vm.Null, closedErr()
			}
			return vm.MakeInt(int64(b.pos)), nil
		}},
		&vm.BuiltinMethod{Name: "seek", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("seek", args[1:], 1, 2); err != nil {
				return vm.Null, err
			}
			b := bio(args[0])
			pos, err := vm.AsIndex(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			whence := 0
			if len(args) > 2 {
				if whence, err = vm.AsIndex(th, args[2]); err != nil {
					return vm.Null, err
				}
			}
			if b.closed {
				return vm.Null, closedErr()
			}
			switch whence {
			case 0:
				if pos < 0 {
					return vm.Null, vm.Errorf(vm.ValueError, "negative seek value %d", pos)
				}
			case 1:
				pos += b.pos
			case 2:
				pos += len(b.buf)
			default:
				return vm.Null, vm.Errorf(vm.ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence)
			}
			if pos < 0 {
				pos = 0
			}
			b.pos = pos
			return vm.MakeInt(int64(pos)), nil
		}},
		&vm.BuiltinMethod{Name: "truncate", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			b := bio(args[0])
			if b.closed {
				return vm.Null, closedErr()
			}
			size := b.pos
			if len(args) > 1 && !args[1].IsNone() {
				n, err := vm.AsIndex(th, args[1])
				if err != nil {
					return vm.Null, err
				}
				if n < 0 {
					return vm.Null, vm.Errorf(vm.ValueError, "negative size value %d", n)
				}
				size = n
			}
			if size < len(b.buf) {
				b.buf = b.buf[:size]
			}
			return vm.MakeInt(int64(size)), nil
		}},
	)
	BytesIOType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "BytesIO", Module: "_io", Layout: bytesIOLayout.Info(), HasDict: true,
		Doc: "Buffered I/O implementation using an in-memory bytes buffer.",
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				return bytesIOLayout.New(t).Value(), nil
			},
			Init: func(th *vm.Thread, v vm.Value, args, kw []vm.Value) error {
				initial := vm.None
				if err := vm.UnpackArgs("BytesIO", args, kw, "initial_bytes?", &initial); err != nil {
					return err
				}
				b := bio(v)
				b.buf, b.pos, b.closed = nil, 0, false
				if !initial.IsNone() {
					data, ok := vm.AsBytesLike(initial)
					if !ok {
						return vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(initial))
					}
					b.buf = append([]byte(nil), data...)
				}
				return nil
			},
			Iter: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				if bio(v).closed {
					return vm.Null, closedErr()
				}
				return v, nil
			},
			Next: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				b := bio(v)
				if b.closed {
					return vm.Null, closedErr()
				}
				line := b.readline(-1)
				if len(line) == 0 {
					return vm.Null, nil
				}
				return vm.NewBytes(line).Value(), nil
			},
		},
		Methods: methods,
		Getters: []*vm.GetSet{
			dictGetter(),
			{Name: "closed", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeBool(bio(v).closed), nil }},
		},
	})
}

func init() {
	initStringIO()
	initBytesIO()
	vm.RegisterModule("_io", func(th *vm.Thread, m *vm.Module) error {
		m.Set("StringIO", StringIOType.Value())
		m.Set("BytesIO", BytesIOType.Value())
		m.Set("TextIOWrapper", vm.TextFileType.Value())
		m.Set("BufferedReader", vm.BufferedFileType.Value())
		m.Set("BufferedWriter", vm.BufferedFileType.Value())
		m.Set("BufferedRandom", vm.BufferedFileType.Value())
		m.Set("FileIO", vm.BufferedFileType.Value())
		m.Set("UnsupportedOperation", vm.UnsupportedOperation().Value())
		m.Set("DEFAULT_BUFFER_SIZE", vm.MakeInt(8192))
		if open, ok := th.Interp.Builtins.GetString("open"); ok {
			m.Set("open", open)
		}
		return nil
	})
}
