package pickle

// This file is the unpickler: a stack machine over the opcodes of
// protocols 0 to 5.

import (
	"encoding/binary"
	"math"
	"math/big"
	"strconv"
	"strings"

	"gilpy/vm"
)

// source is where the unpickler reads from: bytes in memory or a Python
// file object.
type source interface {
	read(n int) ([]byte, error)
	readline() ([]byte, error)
}

type byteSource struct {
	data []byte
	pos  int
}

func (s *byteSource) read(n int) ([]byte, error) {
	if n < 0 || s.pos+n > len(s.data) {
		return nil, errTruncated()
	}
	b := s.data[s.pos : s.pos+n]
	s.pos += n
	return b, nil
}

func (s *byteSource) readline() ([]byte, error) {
	i := strings.IndexByte(string(s.data[s.pos:]), '\n')
	if i < 0 {
		return nil, errTruncated()
	}
	b := s.data[s.pos : s.pos+i+1]
	s.pos += i + 1
	return b, nil
}

// fileSource reads through a file's read() and readline() methods; a frame
// is read whole and served from memory.
type fileSource struct {
	th       *vm.Thread
	file     vm.Value
	frame    []byte
	framePos int
}

func (s *fileSource) read(n int) ([]byte, error) {
	if s.framePos < len(s.frame) {
		if s.framePos+n > len(s.frame) {
			return nil, vm.Errorf(UnpicklingError, "pickle exhausted before end of frame")
		}
		b := s.frame[s.framePos : s.framePos+n]
		s.framePos += n
		return b, nil
	}
	r, err := vm.CallMethod(s.th, s.file, "read", vm.MakeInt(int64(n)))
	if err != nil {
		return nil, err
	}
	b, ok := vm.AsBytesLike(r)
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(r))
	}
	if len(b) < n {
		if len(b) == 0 && n > 0 {
			return nil, vm.Errorf(vm.EOFError, "Ran out of input")
		}
		return nil, errTruncated()
	}
	return b, nil
}

func (s *fileSource) readline() ([]byte, error) {
	if s.framePos < len(s.frame) {
		rest := s.frame[s.framePos:]
		i := strings.IndexByte(string(rest), '\n')
		if i < 0 {
			return nil, vm.Errorf(UnpicklingError, "pickle exhausted before end of frame")
		}
		s.framePos += i + 1
		return rest[:i+1], nil
	}
	r, err := vm.CallMethod(s.th, s.file, "readline")
	if err != nil {
		return nil, err
	}
	b, ok := vm.AsBytesLike(r)
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(r))
	}
	if len(b) == 0 || b[len(b)-1] != '\n' {
		return nil, errTruncated()
	}
	return b, nil
}

func errTruncated() error { return vm.Errorf(UnpicklingError, "pickle data was truncated") }

// Decoder unpickles values.
type Decoder struct {
	th     *vm.Thread
	src    source
	mem    *byteSource // src when it is in memory: a fast path for small reads
	stack  []vm.Value
	marks  []int
	memo   map[int]vm.Value
	proto  int
	first  bool
	fileSr *fileSource

	// FindClass resolves a global (default: import and getattr).
	FindClass func(th *vm.Thread, module, name string) (vm.Value, error)
	// PersistentLoad turns a persistent id back into an object.
	PersistentLoad func(th *vm.Thread, pid vm.Value) (vm.Value, error)
	// Encoding and Errors decode protocol-2 str (Python 2) strings.
	Encoding, Errors string
	FixImports       bool
}

// NewDecoder reads pickles from data.
func NewDecoder(th *vm.Thread, data []byte) *Decoder {
	bs := &byteSource{data: data}
	return &Decoder{th: th, src: bs, mem: bs, memo: map[int]vm.Value{}, Encoding: "ASCII", Errors: "strict", FixImports: true}
}

// NewFileDecoder reads pickles from a Python file object.
func NewFileDecoder(th *vm.Thread, file vm.Value) *Decoder {
	fs := &fileSource{th: th, file: file}
	return &Decoder{th: th, src: fs, fileSr: fs, memo: map[int]vm.Value{}, Encoding: "ASCII", Errors: "strict", FixImports: true}
}

// Remaining is the number of bytes not yet read from an in-memory source.
func (d *Decoder) Remaining() int {
	if s, ok := d.src.(*byteSource); ok {
		return len(s.data) - s.pos
	}
	return 0
}

func (d *Decoder) push(v vm.Value) { d.stack = append(d.stack, v) }

func (d *Decoder) pop() (vm.Value, error) {
	if len(d.stack) == 0 || (len(d.marks) > 0 && len(d.stack) <= d.marks[len(d.marks)-1]) {
		return vm.Null, vm.Errorf(UnpicklingError, "unpickling stack underflow")
	}
	v := d.stack[len(d.stack)-1]
	d.stack = d.stack[:len(d.stack)-1]
	return v, nil
}

func (d *Decoder) top() (vm.Value, error) {
	if len(d.stack) == 0 || (len(d.marks) > 0 && len(d.stack) <= d.marks[len(d.marks)-1]) {
		return vm.Null, vm.Errorf(UnpicklingError, "unpickling stack underflow")
	}
	return d.stack[len(d.stack)-1], nil
}

// popMark pops the items above the topmost mark.
func (d *Decoder) popMark() ([]vm.Value, error) {
	if len(d.marks) == 0 {
		return nil, vm.Errorf(UnpicklingError, "could not find MARK")
	}
	m := d.marks[len(d.marks)-1]
	d.marks = d.marks[:len(d.marks)-1]
	items := append([]vm.Value(nil), d.stack[m:]...)
	d.stack = d.stack[:m]
	return items, nil
}

func (d *Decoder) readByte() (byte, error) {
	if d.mem != nil && d.mem.pos < len(d.mem.data) {
		c := d.mem.data[d.mem.pos]
		d.mem.pos++
		return c, nil
	}
	b, err := d.src.read(1)
	if err != nil {
		return 0, err
	}
	return b[0], nil
}

func (d *Decoder) readUint(n int) (uint64, error) {
	if m := d.mem; m != nil && m.pos+n <= len(m.data) {
		var x uint64
		for i := n - 1; i >= 0; i-- {
			x = x<<8 | uint64(m.data[m.pos+i])
		}
		m.pos += n
		return x, nil
	}
	b, err := d.src.read(n)
	if err != nil {
		return 0, err
	}
	var x uint64
	for i := n - 1; i >= 0; i-- {
		x = x<<8 | uint64(b[i])
	}
	return x, nil
}

func (d *Decoder) readLine() (string, error) {
	b, err := d.src.readline()
	if err != nil {
		return "", err
	}
	s := string(b)
	return strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r"), nil
}

// Load reads one pickle and returns its value.
func (d *Decoder) Load() (vm.Value, error) {
	d.stack = d.stack[:0]
	d.marks = d.marks[:0]
	first := true
	for {
		op, err := d.readByte()
		if err != nil {
			if first {
				if e, ok := err.(*vm.Exception); ok && (e.Matches(UnpicklingError) || e.Matches(vm.EOFError)) {
					return vm.Null, vm.Errorf(vm.EOFError, "Ran out of input")
				}
			}
			return vm.Null, err
		}
		first = false
		if op == opStop {
			v, err := d.pop()
			if err != nil {
				return vm.Null, err
			}
			return v, nil
		}
		if err := d.dispatch(op); err != nil {
			return vm.Null, err
		}
	}
}

func (d *Decoder) memoPut(i int) error {
	v, err := d.top()
	if err != nil {
		return err
	}
	if i < 0 {
		return vm.Errorf(vm.ValueError, "negative PUT argument")
	}
	d.memo[i] = v
	return nil
}

func (d *Decoder) memoGet(i int) error {
	v, ok := d.memo[i]
	if !ok {
		return vm.Errorf(UnpicklingError, "Memo value not found at index %d", i)
	}
	d.push(v)
	return nil
}

func (d *Decoder) dispatch(op byte) error {
	th := d.th
	switch op {
	case opProto:
		p, err := d.readByte()
		if err != nil {
			return err
		}
		if p > HighestProtocol {
			return vm.Errorf(vm.ValueError, "unsupported pickle protocol: %d", p)
		}
		d.proto = int(p)
	case opFrame:
		n, err := d.readUint(8)
		if err != nil {
			return err
		}
		if d.fileSr != nil {
			b, err := d.src.read(int(n))
			if err != nil {
				return err
			}
			d.fileSr.frame, d.fileSr.framePos = append([]byte(nil), b...), 0
		}
	case opMark:
		d.marks = append(d.marks, len(d.stack))
	case opPop:
		if len(d.marks) > 0 && len(d.stack) == d.marks[len(d.marks)-1] {
			d.marks = d.marks[:len(d.marks)-1]
			return nil
		}
		_, err := d.pop()
		return err
	case opPopMark:
		_, err := d.popMark()
		return err
	case opDup:
		v, err := d.top()
		if err != nil {
			return err
		}
		d.push(v)
	case opNone:
		d.push(vm.None)
	case opNewTrue:
		d.push(vm.True)
	case opNewFalse:
		d.push(vm.False)
	case opBinInt:
		x, err := d.readUint(4)
		if err != nil {
			return err
		}
		d.push(vm.MakeInt(int64(int32(uint32(x)))))
	case opBinInt1:
		x, err := d.readUint(1)
		if err != nil {
			return err
		}
		d.push(vm.MakeInt(int64(x)))
	case opBinInt2:
		x, err := d.readUint(2)
		if err != nil {
			return err
		}
		d.push(vm.MakeInt(int64(x)))
	case opInt:
		s, err := d.readLine()
		if err != nil {
			return err
		}
		switch s {
		case "01":
			d.push(vm.True)
		case "00":
			d.push(vm.False)
		default:
			v, err := parseIntText(s)
			if err != nil {
				return err
			}
			d.push(v)
		}
	case opLong:
		s, err := d.readLine()
		if err != nil {
			return err
		}
		v, err := parseIntText(strings.TrimSuffix(s, "L"))
		if err != nil {
			return err
		}
		d.push(v)
	case opLong1, opLong4:
		size := 1
		if op == opLong4 {
			size = 4
		}
		n, err := d.readUint(size)
		if err != nil {
			return err
		}
		if op == opLong4 && int32(uint32(n)) < 0 {
			return vm.Errorf(UnpicklingError, "LONG pickle has negative byte count")
		}
		b, err := d.src.read(int(n))
		if err != nil {
			return err
		}
		d.push(decodeLong(b))
	case opFloat:
		s, err := d.readLine()
		if err != nil {
			return err
		}
		f, perr := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if perr != nil {
			return vm.Errorf(vm.ValueError, "could not convert string to float: %s", strRepr(s))
		}
		d.push(vm.MakeFloat(f))
	case opBinFloat:
		x, err := d.src.read(8)
		if err != nil {
			return err
		}
		d.push(vm.MakeFloat(math.Float64frombits(binary.BigEndian.Uint64(x))))
	case opString:
		s, err := d.readLine()
		if err != nil {
			return err
		}
		if len(s) >= 2 && (s[0] == '\'' || s[0] == '"') && s[len(s)-1] == s[0] {
			s = s[1 : len(s)-1]
		} else {
			return vm.Errorf(UnpicklingError, "the STRING opcode argument must be quoted")
		}
		un, uerr := strconv.Unquote("\"" + strings.ReplaceAll(s, "\"", "\\\"") + "\"")
		if uerr != nil {
			un = s
		}
		return d.pushPy2String([]byte(un))
	case opBinString, opShortBinString:
		size := 4
		if op == opShortBinString {
			size = 1
		}
		n, err := d.readUint(size)
		if err != nil {
			return err
		}
		if op == opBinString && int32(uint32(n)) < 0 {
			return vm.Errorf(UnpicklingError, "BINSTRING pickle has negative byte count")
		}
		b, err := d.src.read(int(n))
		if err != nil {
			return err
		}
		return d.pushPy2String(b)
	case opBinBytes, opShortBinBytes, opBinBytes8:
		size := map[byte]int{opBinBytes: 4, opShortBinBytes: 1, opBinBytes8: 8}[op]
		n, err := d.readUint(size)
		if err != nil {
			return err
		}
		b, err := d.src.read(int(n))
		if err != nil {
			return err
		}
		d.push(vm.NewBytes(append([]byte(nil), b...)).Value())
	case opByteArray8:
		n, err := d.readUint(8)
		if err != nil {
			return err
		}
		b, err := d.src.read(int(n))
		if err != nil {
			return err
		}
		d.push(vm.NewByteArray(append([]byte(nil), b...)).Value())
	case opNextBuffer:
		return vm.Errorf(UnpicklingError, "pickle stream refers to out-of-band data but no *buffers* argument was given")
	case opReadonlyBuffer:
	case opUnicode:
		s, err := d.readLine()
		if err != nil {
			return err
		}
		d.push(vm.MakeStr(decodeRawUnicodeEscape(s)))
	case opBinUnicode, opShortBinUni, opBinUnicode8:
		size := map[byte]int{opBinUnicode: 4, opShortBinUni: 1, opBinUnicode8: 8}[op]
		n, err := d.readUint(size)
		if err != nil {
			return err
		}
		b, err := d.src.read(int(n))
		if err != nil {
			return err
		}
		d.push(vm.MakeStr(string(b)))
	case opEmptyTuple:
		d.push(vm.NewTuple().Value())
	case opTuple:
		items, err := d.popMark()
		if err != nil {
			return err
		}
		d.push(vm.NewTuple(items...).Value())
	case opTuple1, opTuple2, opTuple3:
		n := int(op-opTuple1) + 1
		if len(d.stack) < n || (len(d.marks) > 0 && len(d.stack)-n < d.marks[len(d.marks)-1]) {
			return vm.Errorf(UnpicklingError, "unpickling stack underflow")
		}
		items := append([]vm.Value(nil), d.stack[len(d.stack)-n:]...)
		d.stack = d.stack[:len(d.stack)-n]
		d.push(vm.NewTuple(items...).Value())
	case opEmptyList:
		d.push(vm.NewList(nil).Value())
	case opList:
		items, err := d.popMark()
		if err != nil {
			return err
		}
		d.push(vm.NewList(items).Value())
	case opEmptyDict:
		d.push(vm.NewDict().Value())
	case opDict:
		items, err := d.popMark()
		if err != nil {
			return err
		}
		dict := vm.NewDict()
		for i := 0; i+1 < len(items); i += 2 {
			if err := dict.Set(th, items[i], items[i+1]); err != nil {
				return err
			}
		}
		d.push(dict.Value())
	case opEmptySet:
		d.push(vm.NewSet().Value())
	case opFrozenSet:
		items, err := d.popMark()
		if err != nil {
			return err
		}
		d.push(vm.NewFrozenSetOf(th, items))
	case opAppend:
		v, err := d.pop()
		if err != nil {
			return err
		}
		l, err := d.top()
		if err != nil {
			return err
		}
		return appendItems(th, l, []vm.Value{v})
	case opAppends:
		items, err := d.popMark()
		if err != nil {
			return err
		}
		l, err := d.top()
		if err != nil {
			return err
		}
		return appendItems(th, l, items)
	case opSetItem:
		v, err := d.pop()
		if err != nil {
			return err
		}
		k, err := d.pop()
		if err != nil {
			return err
		}
		dict, err := d.top()
		if err != nil {
			return err
		}
		return vm.SetItem(th, dict, k, v)
	case opSetItems:
		items, err := d.popMark()
		if err != nil {
			return err
		}
		dict, err := d.top()
		if err != nil {
			return err
		}
		for i := 0; i+1 < len(items); i += 2 {
			if err := vm.SetItem(th, dict, items[i], items[i+1]); err != nil {
				return err
			}
		}
	case opAddItems:
		items, err := d.popMark()
		if err != nil {
			return err
		}
		s, err := d.top()
		if err != nil {
			return err
		}
		if set, ok := vm.AsSet(s); ok {
			for _, x := range items {
				if err := set.Add(th, x); err != nil {
					return err
				}
			}
			return nil
		}
		for _, x := range items {
			if _, err := vm.CallMethod(th, s, "add", x); err != nil {
				return err
			}
		}
	case opGlobal:
		mod, err := d.readLine()
		if err != nil {
			return err
		}
		name, err := d.readLine()
		if err != nil {
			return err
		}
		v, err := d.findClass(mod, name)
		if err != nil {
			return err
		}
		d.push(v)
	case opStackGlobal:
		name, err := d.pop()
		if err != nil {
			return err
		}
		mod, err := d.pop()
		if err != nil {
			return err
		}
		ms, ok1 := vm.AsStr(mod)
		ns, ok2 := vm.AsStr(name)
		if !ok1 || !ok2 {
			return vm.Errorf(UnpicklingError, "STACK_GLOBAL requires str")
		}
		v, err := d.findClass(ms.String(), ns.String())
		if err != nil {
			return err
		}
		d.push(v)
	case opReduce:
		args, err := d.pop()
		if err != nil {
			return err
		}
		fn, err := d.pop()
		if err != nil {
			return err
		}
		at, ok := vm.AsTuple(args)
		if !ok {
			return vm.Errorf(UnpicklingError, "REDUCE argument must be a tuple")
		}
		v, err := vm.Call(th, fn, append([]vm.Value(nil), at.Items()...), nil)
		if err != nil {
			return err
		}
		d.push(v)
	case opNewObj:
		args, err := d.pop()
		if err != nil {
			return err
		}
		cls, err := d.pop()
		if err != nil {
			return err
		}
		if _, ok := vm.AsType(cls); !ok {
			return vm.Errorf(UnpicklingError, "NEWOBJ class argument isn't a type object")
		}
		v, err := callNew(th, cls, args, vm.None)
		if err != nil {
			return err
		}
		d.push(v)
	case opNewObjEx:
		kwargs, err := d.pop()
		if err != nil {
			return err
		}
		args, err := d.pop()
		if err != nil {
			return err
		}
		cls, err := d.pop()
		if err != nil {
			return err
		}
		v, err := callNew(th, cls, args, kwargs)
		if err != nil {
			return err
		}
		d.push(v)
	case opObj:
		items, err := d.popMark()
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return vm.Errorf(UnpicklingError, "unpickling stack underflow")
		}
		v, err := instantiate(th, items[0], items[1:])
		if err != nil {
			return err
		}
		d.push(v)
	case opInst:
		mod, err := d.readLine()
		if err != nil {
			return err
		}
		name, err := d.readLine()
		if err != nil {
			return err
		}
		items, err := d.popMark()
		if err != nil {
			return err
		}
		cls, err := d.findClass(mod, name)
		if err != nil {
			return err
		}
		v, err := instantiate(th, cls, items)
		if err != nil {
			return err
		}
		d.push(v)
	case opBuild:
		state, err := d.pop()
		if err != nil {
			return err
		}
		inst, err := d.top()
		if err != nil {
			return err
		}
		return build(th, inst, state)
	case opPut:
		s, err := d.readLine()
		if err != nil {
			return err
		}
		i, perr := strconv.Atoi(s)
		if perr != nil {
			return vm.Errorf(vm.ValueError, "invalid literal for int() with base 10: %s", strRepr(s))
		}
		return d.memoPut(i)
	case opBinPut:
		x, err := d.readUint(1)
		if err != nil {
			return err
		}
		return d.memoPut(int(x))
	case opLongBinPut:
		x, err := d.readUint(4)
		if err != nil {
			return err
		}
		return d.memoPut(int(x))
	case opMemoize:
		return d.memoPut(len(d.memo))
	case opGet:
		s, err := d.readLine()
		if err != nil {
			return err
		}
		i, perr := strconv.Atoi(s)
		if perr != nil {
			return vm.Errorf(vm.ValueError, "invalid literal for int() with base 10: %s", strRepr(s))
		}
		return d.memoGet(i)
	case opBinGet:
		x, err := d.readUint(1)
		if err != nil {
			return err
		}
		return d.memoGet(int(x))
	case opLongBinGet:
		x, err := d.readUint(4)
		if err != nil {
			return err
		}
		return d.memoGet(int(x))
	case opPersID, opBinPersID:
		var pid vm.Value
		if op == opPersID {
			s, err := d.readLine()
			if err != nil {
				return err
			}
			pid = vm.MakeStr(s)
		} else {
			p, err := d.pop()
			if err != nil {
				return err
			}
			pid = p
		}
		if d.PersistentLoad == nil {
			return vm.Errorf(UnpicklingError, "A load persistent id instruction was encountered, but no persistent_load function was specified.")
		}
		v, err := d.PersistentLoad(th, pid)
		if err != nil {
			return err
		}
		d.push(v)
	case opExt1, opExt2, opExt4:
		size := map[byte]int{opExt1: 1, opExt2: 2, opExt4: 4}[op]
		code, err := d.readUint(size)
		if err != nil {
			return err
		}
		return vm.Errorf(vm.ValueError, "unregistered extension code %d", code)
	default:
		return vm.Errorf(UnpicklingError, "invalid load key, %s.", loadKeyRepr(op))
	}
	return nil
}

func loadKeyRepr(op byte) string {
	if op >= 0x20 && op < 0x7f {
		return "'" + string(rune(op)) + "'"
	}
	return "'\\x" + strconv.FormatUint(uint64(op)|0x100, 16)[1:] + "'"
}

func (d *Decoder) pushPy2String(b []byte) error {
	switch strings.ToLower(d.Encoding) {
	case "bytes":
		d.push(vm.NewBytes(append([]byte(nil), b...)).Value())
	case "latin1", "latin-1", "iso-8859-1":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		d.push(vm.MakeStr(string(r)))
	default:
		for _, c := range b {
			if c >= 0x80 {
				return vm.Errorf(vm.UnicodeDecodeError, "'ascii' codec can't decode byte 0x%02x", c)
			}
		}
		d.push(vm.MakeStr(string(b)))
	}
	return nil
}

func (d *Decoder) findClass(module, name string) (vm.Value, error) {
	if d.proto < 3 && d.FixImports {
		switch module {
		case "__builtin__":
			module = "builtins"
		case "copy_reg":
			module = "copyreg"
		}
	}
	if d.FindClass != nil {
		return d.FindClass(d.th, module, name)
	}
	return FindClass(d.th, module, name, d.proto >= 4)
}

// FindClass imports module and looks name up in it (a dotted path when
// dotted is true).
func FindClass(th *vm.Thread, module, name string, dotted bool) (vm.Value, error) {
	m, err := th.Import(module)
	if err != nil {
		return vm.Null, err
	}
	parts := []string{name}
	if dotted {
		parts = strings.Split(name, ".")
	}
	obj := m
	for _, p := range parts {
		if p == "<locals>" {
			return vm.Null, vm.Errorf(vm.AttributeError, "Can't get local attribute %s on %s", strRepr(name), reprOf(th, m))
		}
		x, err := vm.LookupAttr(th, obj, p)
		if err != nil {
			return vm.Null, err
		}
		if x.IsNull() {
			return vm.Null, vm.Errorf(vm.AttributeError, "Can't get attribute %s on %s", strRepr(name), reprOf(th, m))
		}
		obj = x
	}
	return obj, nil
}

func reprOf(th *vm.Thread, v vm.Value) string {
	r, err := vm.Repr(th, v)
	if err != nil {
		return "?"
	}
	return r.String()
}

func appendItems(th *vm.Thread, l vm.Value, items []vm.Value) error {
	if list, ok := vm.AsList(l); ok && l.Type() == vm.ListType {
		list.SetItems(append(list.Items(), items...))
		return nil
	}
	if ext, err := vm.LookupAttr(th, l, "extend"); err == nil && !ext.IsNull() {
		_, err := vm.Call(th, ext, []vm.Value{vm.NewList(items).Value()}, nil)
		return err
	}
	for _, x := range items {
		if _, err := vm.CallMethod(th, l, "append", x); err != nil {
			return err
		}
	}
	return nil
}

func instantiate(th *vm.Thread, cls vm.Value, args []vm.Value) (vm.Value, error) {
	t, isType := vm.AsType(cls)
	if len(args) > 0 || !isType || !t.LookupString("__getinitargs__").IsNull() {
		return vm.Call(th, cls, args, nil)
	}
	return vm.CallMethod(th, cls, "__new__", cls)
}

// build is the BUILD opcode: __setstate__(state), or an update of the
// instance dict (and setattr for a slot-state dict).
func build(th *vm.Thread, inst, state vm.Value) error {
	t := inst.Type()
	ss := t.LookupString("__setstate__")
	isExcDefault := !ss.IsNull() && ss.Is(vm.BaseException.LookupString("__setstate__"))
	if !ss.IsNull() && !isExcDefault && !ss.Is(vm.ObjectType.LookupString("__setstate__")) {
		_, err := vm.CallMethod(th, inst, "__setstate__", state)
		return err
	}
	var slotState vm.Value = vm.None
	if tup, ok := vm.AsTuple(state); ok && tup.Len() == 2 {
		state, slotState = tup.At(0), tup.At(1)
	}
	if !state.IsNone() {
		sd, ok := vm.AsDict(state)
		if !ok {
			return vm.Errorf(UnpicklingError, "state is not a dictionary")
		}
		keys, vals := sd.Items()
		if isExcDefault {
			for i, k := range keys {
				if err := vm.SetAttr(th, inst, internKey(k), vals[i]); err != nil {
					return err
				}
			}
		} else {
			dv, err := vm.GetAttrString(th, inst, "__dict__")
			if err != nil {
				return err
			}
			for i, k := range keys {
				key := k
				if s, ok := vm.AsStr(k); ok && k.Type() == vm.StrType {
					key = vm.Intern(s.String()).Value()
				}
				if err := vm.SetItem(th, dv, key, vals[i]); err != nil {
					return err
				}
			}
		}
	}
	if !slotState.IsNone() {
		sd, ok := vm.AsDict(slotState)
		if !ok {
			return vm.Errorf(UnpicklingError, "slot state is not a dictionary")
		}
		keys, vals := sd.Items()
		for i, k := range keys {
			if err := vm.SetAttr(th, inst, internKey(k), vals[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

func internKey(k vm.Value) *vm.Str {
	if s, ok := vm.AsStr(k); ok {
		return vm.Intern(s.String())
	}
	return vm.Intern("?")
}

func parseIntText(s string) (vm.Value, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return vm.MakeInt(n), nil
	}
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return vm.Null, vm.Errorf(vm.ValueError, "invalid literal for int() with base 10: %s", strRepr(s))
	}
	return vm.MakeBigInt(b), nil
}

// decodeLong reads LONG1/LONG4's little-endian two's complement.
func decodeLong(b []byte) vm.Value {
	if len(b) == 0 {
		return vm.MakeInt(0)
	}
	if len(b) <= 8 {
		var x uint64
		for i := len(b) - 1; i >= 0; i-- {
			x = x<<8 | uint64(b[i])
		}
		shift := uint(64 - 8*len(b))
		return vm.MakeInt(int64(x<<shift) >> shift)
	}
	be := make([]byte, len(b))
	for i := range b {
		be[len(b)-1-i] = b[i]
	}
	x := new(big.Int).SetBytes(be)
	if b[len(b)-1]&0x80 != 0 {
		x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	return vm.MakeBigInt(x)
}

func decodeRawUnicodeEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && (s[i+1] == 'u' || s[i+1] == 'U') {
			n := 4
			if s[i+1] == 'U' {
				n = 8
			}
			if i+2+n <= len(s) {
				if r, err := strconv.ParseUint(s[i+2:i+2+n], 16, 32); err == nil {
					b.WriteRune(rune(r))
					i += 1 + n
					continue
				}
			}
		}
		b.WriteRune(rune(c))
	}
	return b.String()
}
