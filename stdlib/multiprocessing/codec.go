package multiprocessing

// A compact binary encoding of compiled code (vm/code.Code), so that the
// fork emulation can send functions by value: gilpy owns its bytecode, so
// a child can run exactly the code object the parent has, lambdas and
// nested functions included.

import (
	"encoding/binary"
	"errors"
	"math"
	"math/big"
	"strings"
	"sync"

	"gilpy/vm"
	"gilpy/vm/code"
)

var codeCache sync.Map // *code.Code -> []byte

type codeWriter struct{ b []byte }

func (w *codeWriter) uvarint(x uint64) { w.b = binary.AppendUvarint(w.b, x) }
func (w *codeWriter) varint(x int64)   { w.b = binary.AppendVarint(w.b, x) }
func (w *codeWriter) str(s string)     { w.uvarint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *codeWriter) byte1(c byte)     { w.b = append(w.b, c) }

// encodeCode serializes c (and the code objects among its constants).
func encodeCode(c *code.Code) []byte {
	if b, ok := codeCache.Load(c); ok {
		return b.([]byte)
	}
	w := &codeWriter{}
	w.code(c)
	codeCache.Store(c, w.b)
	return w.b
}

func (w *codeWriter) code(c *code.Code) {
	w.str(c.Name)
	w.str(c.Qualname)
	w.str(c.Filename)
	w.varint(int64(c.FirstLine))
	w.varint(int64(c.ArgCount))
	w.varint(int64(c.PosOnlyArgCount))
	w.varint(int64(c.KwOnlyArgCount))
	w.uvarint(uint64(c.Flags))
	w.uvarint(uint64(len(c.Instrs)))
	for _, in := range c.Instrs {
		w.uvarint(uint64(in))
	}
	w.uvarint(uint64(len(c.Positions)))
	for _, p := range c.Positions {
		w.varint(int64(p.Line))
		w.varint(int64(p.EndLine))
		w.varint(int64(p.Col))
		w.varint(int64(p.EndCol))
	}
	w.uvarint(uint64(len(c.ExcTable)))
	for _, e := range c.ExcTable {
		w.varint(int64(e.Start))
		w.varint(int64(e.End))
		w.varint(int64(e.Target))
		w.varint(int64(e.Depth))
		if e.Lasti {
			w.byte1(1)
		} else {
			w.byte1(0)
		}
	}
	w.varint(int64(c.StackSize))
	w.uvarint(uint64(len(c.Consts)))
	for _, k := range c.Consts {
		w.constant(k)
	}
	w.uvarint(uint64(len(c.Names)))
	for _, n := range c.Names {
		w.str(n)
	}
	w.uvarint(uint64(len(c.Caches)))
	for _, s := range c.Caches {
		w.varint(int64(s.Name))
		if s.PushNull {
			w.byte1(1)
		} else {
			w.byte1(0)
		}
	}
	w.uvarint(uint64(len(c.LocalsPlus)))
	for _, n := range c.LocalsPlus {
		w.str(n)
	}
	w.uvarint(uint64(len(c.Kinds)))
	for _, k := range c.Kinds {
		w.byte1(byte(k))
	}
	w.varint(int64(c.NumCells))
	w.varint(int64(c.NumFrees))
	w.constant(c.Doc)
}

// Constant tags.
const (
	kNone = iota
	kFalse
	kTrue
	kInt
	kBig
	kFloat
	kComplex
	kStr
	kBytes
	kEllipsis
	kTuple
	kFrozenSet
	kCode
)

func (w *codeWriter) constant(k any) {
	switch v := k.(type) {
	case nil:
		w.byte1(kNone)
	case bool:
		if v {
			w.byte1(kTrue)
		} else {
			w.byte1(kFalse)
		}
	case int64:
		w.byte1(kInt)
		w.varint(v)
	case *big.Int:
		w.byte1(kBig)
		b, _ := v.GobEncode()
		w.str(string(b))
	case float64:
		w.byte1(kFloat)
		w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v))
	case complex128:
		w.byte1(kComplex)
		w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(real(v)))
		w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(imag(v)))
	case string:
		w.byte1(kStr)
		w.str(v)
	case code.Bytes:
		w.byte1(kBytes)
		w.str(string(v))
	case code.Ellipsis:
		w.byte1(kEllipsis)
	case code.Tuple:
		w.byte1(kTuple)
		w.uvarint(uint64(len(v)))
		for _, x := range v {
			w.constant(x)
		}
	case code.FrozenSet:
		w.byte1(kFrozenSet)
		w.uvarint(uint64(len(v)))
		for _, x := range v {
			w.constant(x)
		}
	case *code.Code:
		w.byte1(kCode)
		w.code(v)
	default:
		// The compiler produces no other constant kinds; keep the stream
		// well-formed if it ever does.
		w.byte1(kNone)
	}
}

var errBadCode = errors.New("corrupt code object")

type codeReader struct {
	b   []byte
	err error
}

func (r *codeReader) fail() {
	if r.err == nil {
		r.err = errBadCode
	}
}

func (r *codeReader) uvarint() uint64 {
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return x
}

func (r *codeReader) varint() int64 {
	x, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return x
}

func (r *codeReader) length() int {
	n := r.uvarint()
	if n > uint64(len(r.b))+1 && n > 1<<24 {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *codeReader) str() string {
	n := r.length()
	if n > len(r.b) {
		r.fail()
		r.b = nil
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *codeReader) byte1() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *codeReader) u64() uint64 {
	if len(r.b) < 8 {
		r.fail()
		r.b = nil
		return 0
	}
	x := binary.LittleEndian.Uint64(r.b)
	r.b = r.b[8:]
	return x
}

// decodeCode rebuilds a code object encoded by encodeCode.
func decodeCode(b []byte) (*code.Code, error) {
	r := &codeReader{b: b}
	c := r.code(0)
	if r.err != nil {
		return nil, r.err
	}
	return c, nil
}

func (r *codeReader) code(depth int) *code.Code {
	if depth > 200 {
		r.fail()
		return &code.Code{}
	}
	c := &code.Code{}
	c.Name = r.str()
	c.Qualname = r.str()
	c.Filename = r.str()
	c.FirstLine = int(r.varint())
	c.ArgCount = int(r.varint())
	c.PosOnlyArgCount = int(r.varint())
	c.KwOnlyArgCount = int(r.varint())
	c.Flags = code.Flags(r.uvarint())
	n := r.length()
	if n > 0 {
		c.Instrs = make([]code.Instr, 0, min(n, len(r.b)))
	}
	for i := 0; i < n && r.err == nil; i++ {
		c.Instrs = append(c.Instrs, code.Instr(r.uvarint()))
	}
	n = r.length()
	if n > 0 {
		c.Positions = make([]code.Position, 0, min(n, len(r.b)))
	}
	for i := 0; i < n && r.err == nil; i++ {
		c.Positions = append(c.Positions, code.Position{Line: int32(r.varint()), EndLine: int32(r.varint()), Col: int32(r.varint()), EndCol: int32(r.varint())})
	}
	n = r.length()
	for i := 0; i < n && r.err == nil; i++ {
		c.ExcTable = append(c.ExcTable, code.ExcEntry{Start: int32(r.varint()), End: int32(r.varint()), Target: int32(r.varint()), Depth: int32(r.varint()), Lasti: r.byte1() == 1})
	}
	c.StackSize = int(r.varint())
	n = r.length()
	if n > 0 {
		c.Consts = make([]any, 0, min(n, len(r.b)))
	}
	for i := 0; i < n && r.err == nil; i++ {
		c.Consts = append(c.Consts, r.constant(depth))
	}
	n = r.length()
	if n > 0 {
		c.Names = make([]string, 0, min(n, len(r.b)))
	}
	for i := 0; i < n && r.err == nil; i++ {
		c.Names = append(c.Names, r.str())
	}
	n = r.length()
	if n > 0 {
		c.Caches = make([]code.CacheSlot, 0, min(n, len(r.b)))
	}
	for i := 0; i < n && r.err == nil; i++ {
		c.Caches = append(c.Caches, code.CacheSlot{Name: int(r.varint()), PushNull: r.byte1() == 1})
	}
	n = r.length()
	if n > 0 {
		c.LocalsPlus = make([]string, 0, min(n, len(r.b)))
	}
	for i := 0; i < n && r.err == nil; i++ {
		c.LocalsPlus = append(c.LocalsPlus, r.str())
	}
	n = r.length()
	for i := 0; i < n && r.err == nil; i++ {
		c.Kinds = append(c.Kinds, code.LocalKind(r.byte1()))
	}
	c.NumCells = int(r.varint())
	c.NumFrees = int(r.varint())
	c.Doc = r.constant(depth)
	return c
}

func (r *codeReader) constant(depth int) any {
	tag := r.byte1()
	switch tag {
	case kNone:
		return nil
	case kFalse:
		return false
	case kTrue:
		return true
	case kInt:
		return r.varint()
	case kBig:
		b := new(big.Int)
		if err := b.GobDecode([]byte(r.str())); err != nil {
			r.fail()
		}
		return b
	case kFloat:
		return math.Float64frombits(r.u64())
	case kComplex:
		re := math.Float64frombits(r.u64())
		im := math.Float64frombits(r.u64())
		return complex(re, im)
	case kStr:
		return r.str()
	case kBytes:
		return code.Bytes(r.str())
	case kEllipsis:
		return code.Ellipsis{}
	case kTuple, kFrozenSet:
		n := r.length()
		items := make([]any, 0, n)
		for i := 0; i < n && r.err == nil; i++ {
			items = append(items, r.constant(depth+1))
		}
		if tag == kFrozenSet {
			return code.FrozenSet(items)
		}
		return code.Tuple(items)
	case kCode:
		return r.code(depth + 1)
	}
	r.fail()
	return nil
}

// codeBlob collects the compiled code of the embedded library modules this
// process has loaded, for a child: it decodes one when it imports it
// instead of compiling the source again (vm.SetEmbeddedCodeSource).
func codeBlob(th *vm.Thread) []byte {
	var b []byte
	keys, vals := th.Interp.Modules.Items()
	for i, k := range keys {
		ks, ok := vm.AsStr(k)
		m, ok2 := vm.AsModule(vals[i])
		if !ok || !ok2 {
			continue
		}
		f, ok := m.Get("__file__")
		if fs, isStr := vm.AsStr(f); !ok || !isStr || !strings.HasPrefix(fs.String(), "<gilpy>/") {
			continue
		}
		c, ok := vm.EmbeddedCode(ks.String())
		if !ok {
			continue
		}
		enc := encodeCode(c)
		b = binary.AppendUvarint(b, uint64(len(ks.String())))
		b = append(b, ks.String()...)
		b = binary.AppendUvarint(b, uint64(len(enc)))
		b = append(b, enc...)
	}
	return b
}

// installCodeBlob makes a parent's compiled modules available to this
// child's imports; each is decoded only when imported.
func installCodeBlob(b []byte) {
	mods := map[string][]byte{}
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || int(n) > len(b)-k {
			return
		}
		name := string(b[k : k+int(n)])
		b = b[k+int(n):]
		n, k = binary.Uvarint(b)
		if k <= 0 || int(n) > len(b)-k {
			return
		}
		mods[name] = b[k : k+int(n)]
		b = b[k+int(n):]
	}
	if len(mods) == 0 {
		return
	}
	vm.SetEmbeddedCodeSource(func(name string) *code.Code {
		data, ok := mods[name]
		if !ok {
			return nil
		}
		c, err := decodeCode(data)
		if err != nil {
			return nil
		}
		return c
	})
}
