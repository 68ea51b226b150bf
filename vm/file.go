package vm

// This file implements file objects: the text and binary files open()
// returns and sys.stdin/stdout/stderr. They follow CPython's buffering,
// because the interleaving of output is what concurrency examples show:
//
//   - block-buffered (8 KiB) on pipes and files,
//   - line-buffered on a terminal (flush when a write contains a newline),
//   - write-through with -u / PYTHONUNBUFFERED (every write reaches the OS).
//
// The write or read system call itself runs with the GIL released, as
// CPython's does.

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"
)

// File is a Python file object.
type File struct {
	Object
	f        *os.File
	name     Value
	mode     string
	binary   bool
	readable bool
	writable bool
	closed   bool
	// closefd: closing the object closes the OS file.
	closefd bool

	encoding, errors string
	lineBuffering    bool
	writeThrough     bool
	wbuf             []byte
	r                *bufio.Reader
	// newline handling: "" universal (translate \r\n and \r on read),
	// "\n" none.
	newline  Value
	pushback []byte

	// The OS calls run with the GIL released, so two threads can be in
	// them at once. wturn (closed when the last flush issued has reached
	// the OS) makes flushes write in the order they were issued, and rmu
	// lets one reader at a time use the buffered reader, as the lock of
	// CPython's buffered streams does.
	wturn chan struct{}
	rmu   sync.Mutex
}

var fileLayout = NewLayout[File]("TextIOWrapper")

// FileType and BinaryFileType are io.TextIOWrapper and io.BufferedWriter /
// BufferedReader (one Go type, named by mode).
var (
	TextFileType     = &Type{}
	BufferedFileType = &Type{}
)

const fileBufSize = 8192

// NewFile wraps an OS file. mode is an open() mode string.
func NewFile(f *os.File, name Value, mode string, closefd bool) *File {
	o := &File{f: f, name: name, mode: mode, closefd: closefd, encoding: "utf-8", errors: "strict", newline: None}
	o.binary = strings.Contains(mode, "b")
	o.readable = strings.ContainsAny(mode, "r+")
	o.writable = strings.ContainsAny(mode, "wax+")
	if o.binary {
		o.typ = BufferedFileType
	} else {
		o.typ = TextFileType
	}
	return o
}

// AsFile returns v as a file object.
func AsFile(v Value) (*File, bool) { return fileLayout.Cast(v) }

// SetBuffering configures line buffering and write-through.
func (f *File) SetBuffering(line, through bool) {
	f.lineBuffering, f.writeThrough = line, through
}

// SetEncoding sets the text encoding and error handler.
func (f *File) SetEncoding(enc, errs string) { f.encoding, f.errors = enc, errs }

// OS is the underlying *os.File.
func (f *File) OS() *os.File { return f.f }

func (f *File) checkClosed() error {
	if f.closed {
		return Errorf(ValueError, "I/O operation on closed file.")
	}
	return nil
}

// WriteString writes text (or bytes for a binary file) through the buffer.
func (f *File) writeBytes(th *Thread, b []byte, hasNewline bool) error {
	if err := f.checkClosed(); err != nil {
		return err
	}
	if !f.writable {
		return NewException(UnsupportedOperation(), MakeStr("not writable"))
	}
	f.wbuf = append(f.wbuf, b...)
	if f.writeThrough || (f.lineBuffering && hasNewline) || len(f.wbuf) >= fileBufSize {
		return f.Flush(th)
	}
	return nil
}

// Flush writes the buffer to the OS, with the GIL released.
func (f *File) Flush(th *Thread) error {
	if len(f.wbuf) == 0 || f.f == nil {
		return nil
	}
	data := f.wbuf
	f.wbuf = f.wbuf[:0:0]
	prev, mine := f.wturn, make(chan struct{})
	f.wturn = mine
	var err error
	write := func() {
		if prev != nil {
			<-prev
		}
		_, err = f.f.Write(data)
		close(mine)
	}
	if th != nil {
		th.Blocking(write)
	} else {
		write()
	}
	if err != nil {
		return osError(err, Null)
	}
	return nil
}

// FlushQuietly flushes and ignores errors (interpreter exit).
func (f *File) FlushQuietly() {
	if len(f.wbuf) > 0 && f.f != nil {
		_, _ = f.f.Write(f.wbuf)
		f.wbuf = nil
	}
}

// Write writes a str to a text file.
func (f *File) Write(th *Thread, s string) error {
	if f.binary {
		return Errorf(TypeError, "a bytes-like object is required, not 'str'")
	}
	b := []byte(s)
	// Text with lone surrogates is not UTF-8: encoding it applies the
	// error handler (strict: UnicodeEncodeError, as CPython's stdout).
	if f.encoding != "utf-8" || !utf8.ValidString(s) {
		enc, err := Encode(NewStr(s), f.encoding, f.errors)
		if err != nil {
			return err
		}
		b = enc
	}
	return f.writeBytes(th, b, strings.ContainsAny(s, "\n\r"))
}

func (f *File) reader() *bufio.Reader {
	if f.r == nil {
		f.r = bufio.NewReaderSize(f.f, fileBufSize)
	}
	return f.r
}

// readRaw reads up to n bytes (n < 0: all) with the GIL released.
func (f *File) readRaw(th *Thread, n int) ([]byte, error) {
	var out []byte
	var err error
	do := func() {
		f.rmu.Lock()
		defer f.rmu.Unlock()
		r := f.reader()
		if n < 0 {
			out, err = io.ReadAll(r)
			return
		}
		buf := make([]byte, n)
		var k int
		k, err = io.ReadFull(r, buf)
		out = buf[:k]
		if err == io.ErrUnexpectedEOF || err == io.EOF {
			err = nil
		}
	}
	if th != nil {
		th.Blocking(do)
	} else {
		do()
	}
	return out, err
}

// ReadLine reads one line (including "\n"), "" at EOF.
func (f *File) ReadLine(th *Thread) (string, error) {
	if err := f.checkClosed(); err != nil {
		return "", err
	}
	if !f.readable {
		return "", NewException(UnsupportedOperation(), MakeStr("not readable"))
	}
	if err := f.Flush(th); err != nil {
		return "", err
	}
	var line []byte
	var err error
	do := func() {
		f.rmu.Lock()
		defer f.rmu.Unlock()
		line, err = f.reader().ReadBytes('\n')
	}
	if th != nil {
		th.Blocking(do)
	} else {
		do()
	}
	if err != nil && err != io.EOF {
		return "", osError(err, Null)
	}
	if !f.binary {
		s := string(line)
		if f.newline.IsNone() {
			s = strings.ReplaceAll(s, "\r\n", "\n")
		}
		return f.decode([]byte(s))
	}
	return string(line), nil
}

func (f *File) decode(b []byte) (string, error) {
	if f.encoding == "utf-8" && utf8.Valid(b) {
		return string(b), nil
	}
	return Decode(b, f.encoding, f.errors)
}

// Close flushes and closes.
func (f *File) Close(th *Thread) error {
	if f.closed {
		return nil
	}
	err := f.Flush(th)
	f.closed = true
	if f.closefd && f.f != nil {
		if cerr := f.f.Close(); cerr != nil && err == nil {
			err = osError(cerr, Null)
		}
	}
	return err
}

// osError converts a Go I/O error into the OSError subclass CPython raises.
func osError(err error, filename Value) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		args := []Value{}
		if !filename.IsNull() {
			args = append(args, filename)
		}
		return NewOSError(int(errno), errnoString(errno), args...)
	}
	if errors.Is(err, os.ErrClosed) {
		return Errorf(ValueError, "I/O operation on closed file.")
	}
	return Errorf(OSError, "%s", err.Error())
}

// OSErrorFrom is osError for other packages.
func OSErrorFrom(err error, filename Value) error { return osError(err, filename) }

// errnoString is strerror(errno) as glibc words it.
func errnoString(e syscall.Errno) string {
	s := e.Error()
	if s == "" {
		return "Unknown error"
	}
	// Go's messages are lower-case glibc strings; glibc capitalises.
	return strings.ToUpper(s[:1]) + s[1:]
}

var unsupportedOperation *Type

// UnsupportedOperation is io.UnsupportedOperation.
func UnsupportedOperation() *Type {
	if unsupportedOperation == nil {
		unsupportedOperation = NewBuiltinType(TypeSpec{Name: "UnsupportedOperation", Module: "io", Bases: []*Type{OSError, ValueError}, Layout: exceptionLayout.info})
	}
	return unsupportedOperation
}

// ------------------------------------------------------------- methods

func fileMethods() []*BuiltinMethod {
	self := func(args []Value) *File { return fileLayout.Must(args[0]) }
	return []*BuiltinMethod{
		{Name: "write", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) != 2 {
				return Null, Errorf(TypeError, "write() takes exactly one argument (%d given)", len(args)-1)
			}
			f := self(args)
			if f.binary {
				b, ok := asBytesLike(args[1])
				if !ok {
					return Null, Errorf(TypeError, "a bytes-like object is required, not '%s'", TypeName(args[1]))
				}
				return MakeInt(int64(len(b))), f.writeBytes(th, append([]byte(nil), b...), false)
			}
			s, ok := AsStr(args[1])
			if !ok {
				return Null, Errorf(TypeError, "write() argument must be str, not %s", TypeName(args[1]))
			}
			return MakeInt(int64(s.nchars)), f.Write(th, s.s)
		}},
		{Name: "writelines", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := self(args)
			return None, ForEach(th, args[1], func(x Value) (bool, error) {
				if f.binary {
					b, ok := asBytesLike(x)
					if !ok {
						return false, Errorf(TypeError, "a bytes-like object is required, not '%s'", TypeName(x))
					}
					return true, f.writeBytes(th, append([]byte(nil), b...), false)
				}
				s, ok := AsStr(x)
				if !ok {
					return false, Errorf(TypeError, "write() argument must be str, not %s", TypeName(x))
				}
				return true, f.Write(th, s.s)
			})
		}},
		{Name: "flush", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := self(args)
			if err := f.checkClosed(); err != nil {
				return Null, err
			}
			return None, f.Flush(th)
		}},
		{Name: "read", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := self(args)
			if err := f.checkClosed(); err != nil {
				return Null, err
			}
			if !f.readable {
				return Null, NewException(UnsupportedOperation(), MakeStr("not readable"))
			}
			n := -1
			if len(args) > 1 && !args[1].IsNone() {
				k, err := AsIndex(th, args[1])
				if err != nil {
					return Null, err
				}
				n = k
			}
			if err := f.Flush(th); err != nil {
				return Null, err
			}
			if !f.binary && n >= 0 {
				// Read n characters.
				var sb strings.Builder
				for i := 0; i < n; i++ {
					var r rune
					var err error
					th.Blocking(func() { r, _, err = f.reader().ReadRune() })
					if err != nil {
						break
					}
					sb.WriteRune(r)
				}
				return MakeStr(sb.String()), nil
			}
			b, err := f.readRaw(th, n)
			if err != nil {
				return Null, osError(err, Null)
			}
			if f.binary {
				return NewBytes(b).Value(), nil
			}
			s := string(b)
			if f.newline.IsNone() {
				s = strings.ReplaceAll(s, "\r\n", "\n")
			}
			r, err := f.decode([]byte(s))
			if err != nil {
				return Null, err
			}
			return MakeStr(r), nil
		}},
		{Name: "readline", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := self(args)
			s, err := f.ReadLine(th)
			if err != nil {
				return Null, err
			}
			if f.binary {
				return NewBytes([]byte(s)).Value(), nil
			}
			return MakeStr(s), nil
		}},
		{Name: "readlines", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := self(args)
			var items []Value
			for {
				s, err := f.ReadLine(th)
				if err != nil {
					return Null, err
				}
				if s == "" {
					break
				}
				if f.binary {
					items = append(items, NewBytes([]byte(s)).Value())
				} else {
					items = append(items, MakeStr(s))
				}
			}
			return NewList(items).Value(), nil
		}},
		{Name: "close", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return None, self(args).Close(th)
		}},
		{Name: "fileno", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := self(args)
			if err := f.checkClosed(); err != nil {
				return Null, err
			}
			return MakeInt(int64(f.f.Fd())), nil
		}},
		{Name: "isatty", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := self(args)
			if err := f.checkClosed(); err != nil {
				return Null, err
			}
			return MakeBool(IsTerminal(f.f)), nil
		}},
		{Name: "readable", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return MakeBool(self(args).readable), nil }},
		{Name: "writable", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return MakeBool(self(args).writable), nil }},
		{Name: "seekable", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			_, err := self(args).f.Seek(0, io.SeekCurrent)
			return MakeBool(err == nil), nil
		}},
		{Name: "seek", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := self(args)
			if err := f.Flush(th); err != nil {
				return Null, err
			}
			off, err := AsInt64(th, args[1])
			if err != nil {
				return Null, err
			}
			whence := 0
			if len(args) > 2 {
				w, err := AsInt64(th, args[2])
				if err != nil {
					return Null, err
				}
				whence = int(w)
			}
			f.r = nil
			pos, serr := f.f.Seek(off, whence)
			if serr != nil {
				return Null, osError(serr, Null)
			}
			return MakeInt(pos), nil
		}},
		{Name: "tell", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := self(args)
			if err := f.Flush(th); err != nil {
				return Null, err
			}
			pos, err := f.f.Seek(0, io.SeekCurrent)
			if err != nil {
				return Null, osError(err, Null)
			}
			if f.r != nil {
				pos -= int64(f.r.Buffered())
			}
			return MakeInt(pos), nil
		}},
		{Name: "truncate", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := self(args)
			if err := f.Flush(th); err != nil {
				return Null, err
			}
			pos, _ := f.f.Seek(0, io.SeekCurrent)
			if len(args) > 1 && !args[1].IsNone() {
				p, err := AsInt64(th, args[1])
				if err != nil {
					return Null, err
				}
				pos = p
			}
			if err := f.f.Truncate(pos); err != nil {
				return Null, osError(err, Null)
			}
			return MakeInt(pos), nil
		}},
		{Name: "__enter__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := self(args).checkClosed(); err != nil {
				return Null, err
			}
			return args[0], nil
		}},
		{Name: "__exit__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return None, self(args).Close(th)
		}},
		{Name: "reconfigure", Fn: func(th *Thread, args []Value, kwnames []Value) (Value, error) {
			f := self(args)
			npos := len(args) - len(kwnames)
			for i, k := range kwnames {
				ks, _ := AsStr(k)
				v := args[npos+i]
				switch ks.s {
				case "line_buffering":
					f.lineBuffering, _ = Truth(th, v)
				case "write_through":
					f.writeThrough, _ = Truth(th, v)
				case "encoding":
					if s, ok := AsStr(v); ok {
						f.encoding = normalizeEncoding(s.s)
					}
				case "errors":
					if s, ok := AsStr(v); ok {
						f.errors = s.s
					}
				}
			}
			return None, nil
		}},
	}
}

func fileGetters() []*GetSet {
	fv := func(v Value) *File { return fileLayout.Must(v) }
	return []*GetSet{
		{Name: "closed", Get: func(th *Thread, v Value) (Value, error) { return MakeBool(fv(v).closed), nil }},
		{Name: "name", Get: func(th *Thread, v Value) (Value, error) { return fv(v).name, nil }},
		{Name: "mode", Get: func(th *Thread, v Value) (Value, error) { return MakeStr(fv(v).mode), nil }},
		{Name: "encoding", Get: func(th *Thread, v Value) (Value, error) { return MakeStr(fv(v).encoding), nil }},
		{Name: "errors", Get: func(th *Thread, v Value) (Value, error) { return MakeStr(fv(v).errors), nil }},
		{Name: "line_buffering", Get: func(th *Thread, v Value) (Value, error) { return MakeBool(fv(v).lineBuffering), nil }},
		{Name: "write_through", Get: func(th *Thread, v Value) (Value, error) { return MakeBool(fv(v).writeThrough), nil }},
		{Name: "newlines", Get: func(th *Thread, v Value) (Value, error) { return None, nil }},
		{Name: "buffer", Get: func(th *Thread, v Value) (Value, error) {
			f := fv(v)
			b := NewFile(f.f, f.name, strings.ReplaceAll(f.mode, "b", "")+"b", false)
			b.wbuf = nil
			// Keep text and binary layers in order: flush text first.
			_ = f.Flush(th)
			return b.Value(), nil
		}},
	}
}

func initFileTypes() {
	slots := Slots{
		Iter: func(th *Thread, v Value) (Value, error) {
			if err := fileLayout.Must(v).checkClosed(); err != nil {
				return Null, err
			}
			return v, nil
		},
		Next: func(th *Thread, v Value) (Value, error) {
			f := fileLayout.Must(v)
			s, err := f.ReadLine(th)
			if err != nil || s == "" {
				return Null, err
			}
			if f.binary {
				return NewBytes([]byte(s)).Value(), nil
			}
			return MakeStr(s), nil
		},
		Repr: func(th *Thread, v Value) (Value, error) {
			f := fileLayout.Must(v)
			n, _ := Repr(th, f.name)
			if f.binary {
				kind := "BufferedReader"
				if f.writable {
					kind = "BufferedWriter"
				}
				return MakeStr("<_io." + kind + " name=" + n.s + ">"), nil
			}
			return MakeStr("<_io.TextIOWrapper name=" + n.s + " mode='" + f.mode + "' encoding='" + f.encoding + "'>"), nil
		},
	}
	initBuiltinType(TextFileType, TypeSpec{Name: "TextIOWrapper", Module: "_io", Layout: fileLayout.info, Slots: slots, Methods: fileMethods(), Getters: fileGetters(), HasDict: true})
	initBuiltinType(BufferedFileType, TypeSpec{Name: "BufferedWriter", Module: "_io", Layout: fileLayout.info, Slots: slots, Methods: fileMethods(), Getters: fileGetters(), HasDict: true})
}

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool {
	if f == nil {
		return false
	}
	return isTerminalFd(int(f.Fd()))
}

// WriteParts writes print()'s output. With write-through (-u) every piece
// (each argument, separator and the end) is its own OS write, as CPython's
// print issues one file.write per piece; interleaving between threads
// depends on it. Otherwise the pieces go through the buffer together.
func (f *File) WriteParts(th *Thread, parts []string) error {
	if f.writeThrough && !f.binary {
		for _, p := range parts {
			if p == "" {
				continue
			}
			if err := f.Write(th, p); err != nil {
				return err
			}
		}
		return nil
	}
	return f.Write(th, strings.Join(parts, ""))
}

// NormalizeEncoding maps an encoding name to its canonical form.
func NormalizeEncoding(enc string) string { return normalizeEncoding(enc) }
