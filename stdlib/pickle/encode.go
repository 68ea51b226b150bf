package pickle

// This file is the pickler: Python values to pickle bytes. It follows the
// decisions CPython's _pickle.c makes (which opcode for which value, when
// to memoize, how frames are cut) so that dumps() gives the same bytes.

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"gilpy/vm"
)

// Opcodes (pickletools documents each).
const (
	opMark           = '('
	opStop           = '.'
	opPop            = '0'
	opPopMark        = '1'
	opDup            = '2'
	opFloat          = 'F'
	opInt            = 'I'
	opBinInt         = 'J'
	opBinInt1        = 'K'
	opLong           = 'L'
	opBinInt2        = 'M'
	opNone           = 'N'
	opPersID         = 'P'
	opBinPersID      = 'Q'
	opReduce         = 'R'
	opString         = 'S'
	opBinString      = 'T'
	opShortBinString = 'U'
	opUnicode        = 'V'
	opBinUnicode     = 'X'
	opAppend         = 'a'
	opBuild          = 'b'
	opGlobal         = 'c'
	opDict           = 'd'
	opEmptyDict      = '}'
	opAppends        = 'e'
	opGet            = 'g'
	opBinGet         = 'h'
	opInst           = 'i'
	opLongBinGet     = 'j'
	opList           = 'l'
	opEmptyList      = ']'
	opObj            = 'o'
	opPut            = 'p'
	opBinPut         = 'q'
	opLongBinPut     = 'r'
	opSetItem        = 's'
	opTuple          = 't'
	opEmptyTuple     = ')'
	opSetItems       = 'u'
	opBinFloat       = 'G'
	opProto          = 0x80
	opNewObj         = 0x81
	opExt1           = 0x82
	opExt2           = 0x83
	opExt4           = 0x84
	opTuple1         = 0x85
	opTuple2         = 0x86
	opTuple3         = 0x87
	opNewTrue        = 0x88
	opNewFalse       = 0x89
	opLong1          = 0x8a
	opLong4          = 0x8b
	opBinBytes       = 'B'
	opShortBinBytes  = 'C'
	opShortBinUni    = 0x8c
	opBinUnicode8    = 0x8d
	opBinBytes8      = 0x8e
	opEmptySet       = 0x8f
	opAddItems       = 0x90
	opFrozenSet      = 0x91
	opNewObjEx       = 0x92
	opStackGlobal    = 0x93
	opMemoize        = 0x94
	opFrame          = 0x95
	opByteArray8     = 0x96
	opNextBuffer     = 0x97
	opReadonlyBuffer = 0x98
)

const (
	// HighestProtocol and DefaultProtocol are pickle's constants.
	HighestProtocol = 5
	DefaultProtocol = 4

	frameSizeMin    = 4
	frameSizeTarget = 64 * 1024
	frameHeaderSize = 9
	batchSize       = 1000
)

type memoEntry struct {
	index int
	obj   vm.Value // keeps the object alive, so its id cannot be reused
}

// Encoder pickles values. It is not safe for concurrent use; it runs
// under the GIL of the thread that created it.
type Encoder struct {
	th    *vm.Thread
	proto int
	buf   []byte
	// frameStart is where the current frame's reserved header begins, or
	// -1 outside a frame.
	frameStart int
	framing    bool
	memo       map[uint64]memoEntry
	memoLog    []uint64
	depth      int

	// PersistentID, if set, is asked first about every value; a non-Null
	// result is pickled as a persistent id instead of the value.
	PersistentID func(th *vm.Thread, v vm.Value) (vm.Value, error)
	// Override, if set, may pickle a value itself (multiprocessing's fork
	// snapshot sends functions and classes by value); it reports whether
	// it did.
	Override func(e *Encoder, v vm.Value) (bool, error)
	// DispatchTable is a Pickler's own dispatch_table (Null: copyreg's).
	DispatchTable vm.Value
	// ReducerOverride is a Pickler's reducer_override method, or Null.
	ReducerOverride vm.Value
}

// NewEncoder makes an encoder for the given protocol (-1 or >5 mean the
// highest).
func NewEncoder(th *vm.Thread, proto int) *Encoder {
	if proto < 0 || proto > HighestProtocol {
		proto = HighestProtocol
	}
	return &Encoder{th: th, proto: proto, frameStart: -1, framing: proto >= 4,
		memo: map[uint64]memoEntry{}, DispatchTable: vm.Null, ReducerOverride: vm.Null}
}

// Thread is the thread the encoder runs on.
func (e *Encoder) Thread() *vm.Thread { return e.th }

// Proto is the protocol in use.
func (e *Encoder) Proto() int { return e.proto }

// Dump pickles v as a complete pickle (PROTO ... STOP) and returns the bytes
// written so far; the encoder's memo persists across Dump calls, as a
// Pickler's does until clear_memo().
func (e *Encoder) Dump(v vm.Value) ([]byte, error) {
	start := len(e.buf)
	if e.proto >= 2 {
		e.buf = append(e.buf, opProto, byte(e.proto))
	}
	if e.framing {
		e.startFrame()
	}
	if err := e.Save(v); err != nil {
		e.buf = e.buf[:start]
		e.frameStart = -1
		return nil, err
	}
	e.write(opStop)
	e.commitFrame()
	e.frameStart = -1
	return e.buf[start:], nil
}

// Reset forgets the output (not the memo).
func (e *Encoder) Reset() { e.buf = e.buf[:0]; e.frameStart = -1 }

// ClearMemo forgets every memoized object.
func (e *Encoder) ClearMemo() { e.memo = map[uint64]memoEntry{}; e.memoLog = nil }

// ------------------------------------------------------------ output

func (e *Encoder) startFrame() {
	e.frameStart = len(e.buf)
	e.buf = append(e.buf, make([]byte, frameHeaderSize)...)
}

// commitFrame closes the current frame: a frame too small to be worth
// its header loses the header, as in CPython.
func (e *Encoder) commitFrame() {
	if e.frameStart < 0 {
		return
	}
	n := len(e.buf) - e.frameStart - frameHeaderSize
	if n >= frameSizeMin {
		e.buf[e.frameStart] = opFrame
		binary.LittleEndian.PutUint64(e.buf[e.frameStart+1:], uint64(n))
	} else {
		copy(e.buf[e.frameStart:], e.buf[e.frameStart+frameHeaderSize:])
		e.buf = e.buf[:len(e.buf)-frameHeaderSize]
	}
	e.frameStart = -1
}

// boundary is called between opcodes: a frame that has grown past the
// target size is committed and a new one started.
func (e *Encoder) boundary() {
	if !e.framing || e.frameStart < 0 {
		return
	}
	if len(e.buf)-e.frameStart-frameHeaderSize >= frameSizeTarget {
		e.commitFrame()
		e.startFrame()
	}
}

func (e *Encoder) ensureFrame() {
	if e.framing && e.frameStart < 0 {
		e.startFrame()
	}
}

func (e *Encoder) write(b ...byte) {
	e.ensureFrame()
	e.buf = append(e.buf, b...)
}

func (e *Encoder) writeString(s string) {
	e.ensureFrame()
	e.buf = append(e.buf, s...)
}

// writeLarge writes an opcode header and a payload; a payload of a frame's
// target size or more goes outside any frame.
func (e *Encoder) writeLarge(header []byte, payload []byte) {
	if e.framing && len(payload) >= frameSizeTarget {
		e.commitFrame()
		e.buf = append(e.buf, header...)
		e.buf = append(e.buf, payload...)
		return
	}
	e.write(header...)
	e.buf = append(e.buf, payload...)
}

// WriteOp writes raw opcode bytes (for reducers that build custom streams).
func (e *Encoder) WriteOp(b ...byte) { e.write(b...) }

// Checkpoint is a point Rollback can return to.
type Checkpoint struct {
	buf, memo, frame int
}

// Checkpoint records the current output length and memo size.
func (e *Encoder) Checkpoint() Checkpoint {
	return Checkpoint{len(e.buf), len(e.memoLog), e.frameStart}
}

// Rollback undoes everything written and memoized since cp. A frame
// committed in between cannot be undone, so callers check Committed.
func (e *Encoder) Rollback(cp Checkpoint) {
	e.buf = e.buf[:cp.buf]
	for _, id := range e.memoLog[cp.memo:] {
		delete(e.memo, id)
	}
	e.memoLog = e.memoLog[:cp.memo]
	e.frameStart = cp.frame
}

// ------------------------------------------------------------ memo

// InMemo reports whether v has been pickled already.
func (e *Encoder) InMemo(v vm.Value) bool {
	_, ok := e.memo[vm.ID(v)]
	return ok
}

// Memoize stores the object on top of the unpickler's stack in the memo.
func (e *Encoder) Memoize(v vm.Value) {
	id := vm.ID(v)
	if _, ok := e.memo[id]; ok {
		return
	}
	idx := len(e.memoLog)
	e.memo[id] = memoEntry{idx, v}
	e.memoLog = append(e.memoLog, id)
	switch {
	case e.proto >= 4:
		e.write(opMemoize)
	case e.proto >= 1:
		if idx < 256 {
			e.write(opBinPut, byte(idx))
		} else {
			e.write(opLongBinPut)
			e.buf = binary.LittleEndian.AppendUint32(e.buf, uint32(idx))
		}
	default:
		e.writeString("p" + strconv.Itoa(idx) + "\n")
	}
}

func (e *Encoder) writeGet(idx int) {
	switch {
	case e.proto >= 1 && idx < 256:
		e.write(opBinGet, byte(idx))
	case e.proto >= 1:
		e.write(opLongBinGet)
		e.buf = binary.LittleEndian.AppendUint32(e.buf, uint32(idx))
	default:
		e.writeString("g" + strconv.Itoa(idx) + "\n")
	}
}

// ------------------------------------------------------------ saving

// Save pickles one value (without PROTO/STOP).
func (e *Encoder) Save(v vm.Value) error {
	if v.IsSmallInt() && e.proto >= 2 && e.PersistentID == nil {
		// The commonest item of a container: no memo, no hooks.
		n := v.SmallInt()
		switch {
		case n >= 0 && n < 256:
			e.write(opBinInt1, byte(n))
			e.boundary()
			return nil
		case n >= 0 && n < 65536:
			e.write(opBinInt2, byte(n), byte(n>>8))
			e.boundary()
			return nil
		case n >= math.MinInt32 && n <= math.MaxInt32:
			e.write(opBinInt)
			e.buf = binary.LittleEndian.AppendUint32(e.buf, uint32(int32(n)))
			e.boundary()
			return nil
		}
	}
	e.depth++
	defer func() { e.depth-- }()
	if e.depth > e.th.Interp.RecursionLimit+50 {
		return vm.Errorf(vm.RecursionError, "maximum recursion depth exceeded while pickling an object")
	}
	err := e.save(v)
	if err == nil {
		e.boundary()
	}
	return err
}

func (e *Encoder) save(v vm.Value) error {
	if e.PersistentID != nil {
		pid, err := e.PersistentID(e.th, v)
		if err != nil {
			return err
		}
		if !pid.IsNull() && !pid.IsNone() {
			return e.savePers(pid)
		}
	}
	t := v.Type()
	// Atomic values are never memoized.
	switch {
	case v.IsNone():
		e.write(opNone)
		return nil
	case v.IsBool():
		e.saveBool(v.IsTrue())
		return nil
	case t == vm.IntType:
		return e.saveInt(v)
	case v.IsFloat():
		e.saveFloat(v.Float())
		return nil
	}
	if m, ok := e.memo[vm.ID(v)]; ok {
		e.writeGet(m.index)
		return nil
	}
	if e.Override != nil {
		if done, err := e.Override(e, v); done || err != nil {
			return err
		}
	}
	switch t {
	case vm.StrType:
		s, _ := vm.AsStr(v)
		e.saveStr(s.String())
		e.Memoize(v)
		return nil
	case vm.BytesType:
		return e.saveBytes(v)
	case vm.ByteArrayType:
		if e.proto >= 5 {
			b, _ := vm.AsBytes(v)
			hdr := []byte{opByteArray8}
			hdr = binary.LittleEndian.AppendUint64(hdr, uint64(len(b.Data())))
			e.writeLarge(hdr, b.Data())
			e.Memoize(v)
			return nil
		}
	case vm.TupleType:
		return e.saveTuple(v)
	case vm.ListType:
		return e.saveList(v)
	case vm.DictType:
		return e.saveDict(v)
	case vm.SetType:
		if e.proto >= 4 {
			return e.saveSet(v)
		}
	case vm.FrozenSetType:
		if e.proto >= 4 {
			return e.saveFrozenSet(v)
		}
	case vm.FunctionType:
		return e.SaveGlobal(v, vm.Null)
	case vm.TypeType:
		return e.SaveGlobal(v, vm.Null)
	case vm.BuiltinFunctionType:
		if bf, ok := vm.AsBuiltinFunction(v); ok {
			self := bf.Self()
			if self.IsNull() || isModule(self) {
				return e.SaveGlobal(v, vm.MakeStr(bf.Name))
			}
			return e.SaveReduce(reduceArgs{fn: builtinGetattr(e.th), args: vm.NewTuple(self, vm.MakeStr(bf.Name)).Value()}, v)
		}
	}
	if !e.ReducerOverride.IsNull() {
		rv, err := vm.Call(e.th, e.ReducerOverride, []vm.Value{v}, nil)
		if err != nil {
			return err
		}
		if !rv.Is(vm.NotImplemented) {
			return e.saveReduceValue(v, rv)
		}
	}
	if _, ok := vm.AsType(v); ok {
		// A metaclass instance is a class: pickled by reference.
		return e.SaveGlobal(v, vm.Null)
	}
	rv, err := e.reduceValue(v)
	if err != nil {
		return err
	}
	return e.saveReduceValue(v, rv)
}

// reduceValue finds how v reduces: the dispatch table, __reduce_ex__,
// __reduce__, or copyreg's protocol-2 default.
func (e *Encoder) reduceValue(v vm.Value) (vm.Value, error) {
	th := e.th
	t := v.Type()
	table := e.DispatchTable
	if table.IsNull() {
		table = copyregDispatchTable(th)
	}
	if !table.IsNull() {
		if d, ok := vm.AsDict(table); ok {
			if fn, found, err := d.Get(th, t.Value()); err != nil {
				return vm.Null, err
			} else if found {
				return vm.Call(th, fn, []vm.Value{v}, nil)
			}
		} else {
			fn, err := vm.CallMethod(th, table, "get", t.Value())
			if err != nil {
				return vm.Null, err
			}
			if !fn.IsNone() {
				return vm.Call(th, fn, []vm.Value{v}, nil)
			}
		}
	}
	if r, ok, err := builtinReduce(th, v, e.proto); ok || err != nil {
		return r, err
	}
	rex := t.LookupString("__reduce_ex__")
	if !rex.IsNull() && !rex.Is(objectReduceEx()) {
		return vm.CallMethod(th, v, "__reduce_ex__", vm.MakeInt(int64(e.proto)))
	}
	red := t.LookupString("__reduce__")
	if !red.IsNull() && !red.Is(objectReduce()) {
		return vm.CallMethod(th, v, "__reduce__")
	}
	return ReduceDefault(th, v, e.proto)
}

func (e *Encoder) savePers(pid vm.Value) error {
	if e.proto >= 1 {
		if err := e.Save(pid); err != nil {
			return err
		}
		e.write(opBinPersID)
		return nil
	}
	s, err := vm.StrOf(e.th, pid)
	if err != nil {
		return err
	}
	if strings.ContainsRune(s.String(), '\n') {
		return vm.Errorf(PicklingError, "persistent IDs in protocol 0 must be ASCII strings")
	}
	e.writeString("P" + s.String() + "\n")
	return nil
}

func (e *Encoder) saveBool(b bool) {
	if e.proto >= 2 {
		if b {
			e.write(opNewTrue)
		} else {
			e.write(opNewFalse)
		}
		return
	}
	if b {
		e.writeString("I01\n")
	} else {
		e.writeString("I00\n")
	}
}

func (e *Encoder) saveInt(v vm.Value) error {
	if n, ok := vm.IntToInt64(v); ok && e.proto >= 1 {
		switch {
		case n >= 0 && n < 256:
			e.write(opBinInt1, byte(n))
			return nil
		case n >= 0 && n < 65536:
			e.write(opBinInt2, byte(n), byte(n>>8))
			return nil
		case n >= math.MinInt32 && n <= math.MaxInt32:
			e.write(opBinInt)
			e.buf = binary.LittleEndian.AppendUint32(e.buf, uint32(int32(n)))
			return nil
		}
	}
	b := vm.ToBig(v)
	if e.proto >= 2 {
		data := encodeLong(b)
		if len(data) < 256 {
			e.write(opLong1, byte(len(data)))
		} else {
			e.write(opLong4)
			e.buf = binary.LittleEndian.AppendUint32(e.buf, uint32(len(data)))
		}
		e.buf = append(e.buf, data...)
		return nil
	}
	if b.IsInt64() && b.Int64() >= math.MinInt32 && b.Int64() <= math.MaxInt32 {
		e.writeString("I" + b.String() + "\n")
	} else {
		e.writeString("L" + b.String() + "L\n")
	}
	return nil
}

// encodeLong is the two's-complement little-endian encoding LONG1 uses,
// as short as possible (0 is empty).
func encodeLong(b *big.Int) []byte {
	if b.Sign() == 0 {
		return nil
	}
	nbytes := (b.BitLen() >> 3) + 1
	var x big.Int
	if b.Sign() < 0 {
		// two's complement in nbytes bytes
		mod := new(big.Int).Lsh(big.NewInt(1), uint(nbytes*8))
		x.Add(b, mod)
	} else {
		x.Set(b)
	}
	be := x.Bytes()
	out := make([]byte, nbytes)
	for i := 0; i < len(be) && i < nbytes; i++ {
		out[i] = be[len(be)-1-i]
	}
	if b.Sign() < 0 {
		// Drop a redundant 0xff when the next byte already has its top bit.
		if nbytes > 1 && out[nbytes-1] == 0xff && out[nbytes-2]&0x80 != 0 {
			out = out[:nbytes-1]
		}
	}
	return out
}

func (e *Encoder) saveFloat(f float64) {
	if e.proto >= 1 {
		e.write(opBinFloat)
		e.buf = binary.BigEndian.AppendUint64(e.buf, math.Float64bits(f))
		return
	}
	e.writeString("F" + reprFloat(e.th, f) + "\n")
}

// reprFloat is repr(float), what protocol 0 writes.
func reprFloat(th *vm.Thread, f float64) string {
	r, err := vm.Repr(th, vm.MakeFloat(f))
	if err != nil {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return r.String()
}

func (e *Encoder) saveStr(s string) {
	if e.proto >= 1 {
		n := len(s)
		switch {
		case n < 256 && e.proto >= 4:
			e.write(opShortBinUni, byte(n))
			e.buf = append(e.buf, s...)
		case n > math.MaxUint32 && e.proto >= 4:
			hdr := []byte{opBinUnicode8}
			hdr = binary.LittleEndian.AppendUint64(hdr, uint64(n))
			e.writeLarge(hdr, []byte(s))
		default:
			hdr := []byte{opBinUnicode}
			hdr = binary.LittleEndian.AppendUint32(hdr, uint32(n))
			e.writeLarge(hdr, []byte(s))
		}
		return
	}
	e.writeString("V" + rawUnicodeEscape(s) + "\n")
}

// rawUnicodeEscape is the raw-unicode-escape codec protocol 0 uses, with
// backslash and newline escaped as pickle does.
func rawUnicodeEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\u005c`)
		case r == '\n':
			b.WriteString(`\u000a`)
		case r == '\r':
			b.WriteString(`\u000d`)
		case r == 0x1a:
			b.WriteString(`\u001a`)
		case r == 0:
			b.WriteString(`\u0000`)
		case r < 256:
			b.WriteByte(byte(r))
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return b.String()
}

func (e *Encoder) saveBytes(v vm.Value) error {
	b, _ := vm.AsBytes(v)
	data := b.Data()
	if e.proto < 3 {
		// Protocols 0-2 have no bytes opcode: codecs.encode(str, 'latin1').
		if len(data) == 0 {
			return e.SaveReduce(reduceArgs{fn: vm.BytesType.Value(), args: vm.NewTuple().Value()}, v)
		}
		runes := make([]rune, len(data))
		for i, c := range data {
			runes[i] = rune(c)
		}
		enc, err := globalFrom(e.th, "_codecs", "encode")
		if err != nil {
			return err
		}
		return e.SaveReduce(reduceArgs{fn: enc, args: vm.NewTuple(vm.MakeStr(string(runes)), vm.MakeStr("latin1")).Value()}, v)
	}
	n := len(data)
	switch {
	case n < 256:
		e.write(opShortBinBytes, byte(n))
		e.buf = append(e.buf, data...)
	case n <= math.MaxUint32:
		hdr := []byte{opBinBytes}
		hdr = binary.LittleEndian.AppendUint32(hdr, uint32(n))
		e.writeLarge(hdr, data)
	default:
		hdr := []byte{opBinBytes8}
		hdr = binary.LittleEndian.AppendUint64(hdr, uint64(n))
		e.writeLarge(hdr, data)
	}
	e.Memoize(v)
	return nil
}

func (e *Encoder) saveTuple(v vm.Value) error {
	t, _ := vm.AsTuple(v)
	items := t.Items()
	n := len(items)
	if n == 0 {
		if e.proto >= 1 {
			e.write(opEmptyTuple)
		} else {
			e.write(opMark, opTuple)
		}
		return nil
	}
	if n <= 3 && e.proto >= 2 {
		for _, x := range items {
			if err := e.Save(x); err != nil {
				return err
			}
		}
		// A recursive tuple was memoized while saving its items: drop the
		// copy just built and fetch the memoized one.
		if m, ok := e.memo[vm.ID(v)]; ok {
			for i := 0; i < n; i++ {
				e.write(opPop)
			}
			e.writeGet(m.index)
			return nil
		}
		e.write(byte(opTuple1 + n - 1))
		e.Memoize(v)
		return nil
	}
	e.write(opMark)
	for _, x := range items {
		if err := e.Save(x); err != nil {
			return err
		}
	}
	if m, ok := e.memo[vm.ID(v)]; ok {
		if e.proto >= 1 {
			e.write(opPopMark)
		} else {
			for i := 0; i <= n; i++ {
				e.write(opPop)
			}
		}
		e.writeGet(m.index)
		return nil
	}
	e.write(opTuple)
	e.Memoize(v)
	return nil
}

func (e *Encoder) saveList(v vm.Value) error {
	if e.proto >= 1 {
		e.write(opEmptyList)
	} else {
		e.write(opMark, opList)
	}
	e.Memoize(v)
	l, _ := vm.AsList(v)
	return e.batchAppends(l.Items, vm.Null)
}

// batchAppends writes list items in batches of 1000 (APPENDS), or one
// APPEND for a single item, as CPython does. items is re-read on every
// batch because saving an item may run Python code that changes the list.
func (e *Encoder) batchAppends(items func() []vm.Value, it vm.Value) error {
	if items == nil {
		return e.batchAppendsIter(it)
	}
	if e.proto == 0 {
		for i := 0; i < len(items()); i++ {
			if err := e.Save(items()[i]); err != nil {
				return err
			}
			e.write(opAppend)
		}
		return nil
	}
	// As CPython's batch_list_exact: one item is a single APPEND, longer
	// lists go in MARK ... APPENDS batches of 1000.
	if len(items()) == 0 {
		return nil
	}
	if len(items()) == 1 {
		if err := e.Save(items()[0]); err != nil {
			return err
		}
		e.write(opAppend)
		return nil
	}
	total := 0
	for {
		e.write(opMark)
		for n := 0; total < len(items()) && n < batchSize; n++ {
			if err := e.Save(items()[total]); err != nil {
				return err
			}
			total++
		}
		e.write(opAppends)
		if total >= len(items()) {
			return nil
		}
	}
}

func (e *Encoder) batchAppendsIter(it vm.Value) error {
	var batch []vm.Value
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if len(batch) == 1 || e.proto == 0 {
			for _, x := range batch {
				if err := e.Save(x); err != nil {
					return err
				}
				e.write(opAppend)
			}
		} else {
			e.write(opMark)
			for _, x := range batch {
				if err := e.Save(x); err != nil {
					return err
				}
			}
			e.write(opAppends)
		}
		batch = batch[:0]
		return nil
	}
	for {
		x, err := vm.Next(e.th, it)
		if err != nil {
			return err
		}
		if x.IsNull() {
			break
		}
		batch = append(batch, x)
		if len(batch) == batchSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

func (e *Encoder) saveDict(v vm.Value) error {
	if e.proto >= 1 {
		e.write(opEmptyDict)
	} else {
		e.write(opMark, opDict)
	}
	e.Memoize(v)
	d, _ := vm.AsDict(v)
	keys, vals := d.Items()
	return e.batchSetItems(keys, vals)
}

func (e *Encoder) batchSetItems(keys, vals []vm.Value) error {
	if e.proto == 0 {
		for i := range keys {
			if err := e.Save(keys[i]); err != nil {
				return err
			}
			if err := e.Save(vals[i]); err != nil {
				return err
			}
			e.write(opSetItem)
		}
		return nil
	}
	// As CPython's batch_dict_exact: one item is a single SETITEM; longer
	// dicts go in MARK ... SETITEMS batches of 1000, and the loop runs once
	// more after a full batch (an empty MARK SETITEMS when the size is a
	// multiple of 1000).
	if len(keys) == 0 {
		return nil
	}
	if len(keys) == 1 {
		if err := e.Save(keys[0]); err != nil {
			return err
		}
		if err := e.Save(vals[0]); err != nil {
			return err
		}
		e.write(opSetItem)
		return nil
	}
	i := 0
	for {
		e.write(opMark)
		n := 0
		for ; i < len(keys) && n < batchSize; n++ {
			if err := e.Save(keys[i]); err != nil {
				return err
			}
			if err := e.Save(vals[i]); err != nil {
				return err
			}
			i++
		}
		e.write(opSetItems)
		if n < batchSize {
			return nil
		}
	}
}

// SaveDictItems writes SETITEMS for the pairs into the dict on the stack
// (used by reducers that fill a memoized dict later).
func (e *Encoder) SaveDictItems(keys, vals []vm.Value) error { return e.batchSetItems(keys, vals) }

func (e *Encoder) saveSet(v vm.Value) error {
	e.write(opEmptySet)
	e.Memoize(v)
	s, _ := vm.AsSet(v)
	items := s.Items()
	if len(items) == 0 {
		return nil
	}
	// As CPython's save_set: batches of 1000, and one more (empty) after
	// a full batch.
	i := 0
	for {
		e.write(opMark)
		n := 0
		for ; i < len(items) && n < batchSize; n++ {
			if err := e.Save(items[i]); err != nil {
				return err
			}
			i++
		}
		e.write(opAddItems)
		if n < batchSize {
			return nil
		}
	}
}

func (e *Encoder) saveFrozenSet(v vm.Value) error {
	s, _ := vm.AsSet(v)
	e.write(opMark)
	for _, x := range s.Items() {
		if err := e.Save(x); err != nil {
			return err
		}
	}
	if m, ok := e.memo[vm.ID(v)]; ok {
		e.write(opPopMark)
		e.writeGet(m.index)
		return nil
	}
	e.write(opFrozenSet)
	e.Memoize(v)
	return nil
}

// ------------------------------------------------------------ globals

// SaveGlobal pickles v by reference: its module and qualified name, which
// must lead back to v itself. name overrides v.__qualname__.
func (e *Encoder) SaveGlobal(v vm.Value, name vm.Value) error {
	th := e.th
	if name.IsNull() {
		q, err := vm.LookupAttr(th, v, "__qualname__")
		if err != nil {
			return err
		}
		if q.IsNull() {
			q, err = vm.GetAttrString(th, v, "__name__")
			if err != nil {
				return err
			}
		}
		name = q
	}
	ns, ok := vm.AsStr(name)
	if !ok {
		return vm.Errorf(vm.TypeError, "__qualname__ must be a string")
	}
	qual := ns.String()
	modName, err := whichModule(th, v, qual)
	if err != nil {
		return err
	}
	rv, _ := vm.Repr(th, v)
	repr := ""
	if rv != nil {
		repr = rv.String()
	}
	mod, err := th.Import(modName)
	if err != nil {
		return vm.Errorf(PicklingError, "Can't pickle %s: import of module %s failed", repr, strRepr(modName))
	}
	if strings.Contains(qual, "<locals>") {
		e := vm.Errorf(vm.AttributeError, "Can't pickle local object %s", strRepr(qual))
		return e
	}
	obj := mod
	for _, part := range strings.Split(qual, ".") {
		x, err := vm.LookupAttr(th, obj, part)
		if err != nil || x.IsNull() {
			return vm.Errorf(PicklingError, "Can't pickle %s: attribute lookup %s on %s failed", repr, qual, modName)
		}
		obj = x
	}
	if !obj.Is(v) {
		return vm.Errorf(PicklingError, "Can't pickle %s: it's not the same object as %s.%s", repr, modName, qual)
	}
	return e.WriteGlobal(modName, qual, v)
}

// WriteGlobal writes a reference to module.qualname and memoizes v.
func (e *Encoder) WriteGlobal(modName, qual string, v vm.Value) error {
	if e.proto >= 4 {
		e.saveStrMemo(modName)
		e.saveStrMemo(qual)
		e.write(opStackGlobal)
	} else if e.proto >= 3 || !strings.Contains(qual, ".") {
		m, n := modName, qual
		if e.proto < 3 {
			m, n = reverseImportMapping(m, n)
		}
		e.writeString("c" + m + "\n" + n + "\n")
	} else {
		// Protocols 0-2 cannot name a nested attribute: getattr chain.
		parts := strings.Split(qual, ".")
		ga := builtinGetattr(e.th)
		if err := e.Save(ga); err != nil {
			return err
		}
		e.writeString("c" + modName + "\n" + parts[0] + "\n")
		for _, p := range parts[1:] {
			_ = p
		}
		return vm.Errorf(PicklingError, "Can't pickle %s: nested names need protocol 4", qual)
	}
	if !v.IsNull() {
		e.Memoize(v)
	}
	return nil
}

// saveStrMemo writes a str through the memo (the module and name strings
// of STACK_GLOBAL are memoized like any str).
func (e *Encoder) saveStrMemo(s string) {
	sv := vm.Intern(s).Value()
	if m, ok := e.memo[vm.ID(sv)]; ok {
		e.writeGet(m.index)
		return
	}
	e.saveStr(s)
	e.Memoize(sv)
}

func reverseImportMapping(m, n string) (string, string) {
	if m == "builtins" {
		return "__builtin__", n
	}
	return m, n
}

// whichModule is pickle.whichmodule: __module__, else a search of
// sys.modules, else __main__.
func whichModule(th *vm.Thread, v vm.Value, qual string) (string, error) {
	var mod vm.Value
	if t, ok := vm.AsType(v); ok {
		if m := t.ModuleName(); m != "" {
			return m, nil
		}
		return "builtins", nil
	}
	if bf, ok := vm.AsBuiltinFunction(v); ok && bf.Module != "" {
		return bf.Module, nil
	}
	m, err := vm.LookupAttr(th, v, "__module__")
	if err != nil {
		return "", err
	}
	mod = m
	if s, ok := vm.AsStr(mod); ok {
		return s.String(), nil
	}
	keys, vals := th.Interp.Modules.Items()
	for i, k := range keys {
		ks, _ := vm.AsStr(k)
		if ks == nil || ks.String() == "__main__" || ks.String() == "__mp_main__" {
			continue
		}
		obj := vals[i]
		found := true
		for _, part := range strings.Split(qual, ".") {
			x, err := vm.LookupAttr(th, obj, part)
			if err != nil || x.IsNull() {
				found = false
				break
			}
			obj = x
		}
		if found && obj.Is(v) {
			return ks.String(), nil
		}
	}
	return "__main__", nil
}

func strRepr(s string) string {
	r, err := vm.Repr(nil, vm.MakeStr(s))
	if err != nil {
		return "'" + s + "'"
	}
	return r.String()
}

// ------------------------------------------------------------ reduce

type reduceArgs struct {
	fn, args, state, listItems, dictItems, stateSetter vm.Value
}

// saveReduceValue interprets what __reduce_ex__ returned: a string (a
// global name) or a tuple of 2 to 6 items.
func (e *Encoder) saveReduceValue(obj, rv vm.Value) error {
	if s, ok := vm.AsStr(rv); ok {
		return e.SaveGlobal(obj, s.Value())
	}
	t, ok := vm.AsTuple(rv)
	if !ok {
		return vm.Errorf(PicklingError, "__reduce__ must return a string or tuple")
	}
	items := t.Items()
	if len(items) < 2 || len(items) > 6 {
		return vm.Errorf(PicklingError, "tuple returned by __reduce__ must contain 2 through 6 elements")
	}
	r := reduceArgs{fn: items[0], args: items[1], state: vm.None, listItems: vm.None, dictItems: vm.None, stateSetter: vm.None}
	if len(items) > 2 {
		r.state = items[2]
	}
	if len(items) > 3 {
		r.listItems = items[3]
	}
	if len(items) > 4 {
		r.dictItems = items[4]
	}
	if len(items) > 5 {
		r.stateSetter = items[5]
	}
	return e.SaveReduce(r, obj)
}

// SaveReduceParts pickles obj as fn(*args) followed by BUILD with state
// (state None: no BUILD). It is the entry point for custom reducers.
func (e *Encoder) SaveReduceParts(obj, fn, args, state vm.Value) error {
	return e.SaveReduce(reduceArgs{fn: fn, args: args, state: state, listItems: vm.None, dictItems: vm.None, stateSetter: vm.None}, obj)
}

// SaveReduceWithSetter pickles obj as fn(*args), then applies state with
// setter(obj, state) (pickle's state_setter), so state may refer back to
// obj.
func (e *Encoder) SaveReduceWithSetter(obj, fn, args, state, setter vm.Value) error {
	return e.SaveReduce(reduceArgs{fn: fn, args: args, state: state, listItems: vm.None, dictItems: vm.None, stateSetter: setter}, obj)
}

// SetFraming turns protocol 4's frames on or off (a stream read whole
// from a pipe has no use for them).
func (e *Encoder) SetFraming(on bool) { e.framing = on && e.proto >= 4 }

// SaveReduce is CPython's save_reduce.
func (e *Encoder) SaveReduce(r reduceArgs, obj vm.Value) error {
	th := e.th
	for _, p := range []*vm.Value{&r.state, &r.listItems, &r.dictItems, &r.stateSetter} {
		if p.IsNull() {
			*p = vm.None
		}
	}
	argTup, ok := vm.AsTuple(r.args)
	if !ok {
		return vm.Errorf(PicklingError, "second item of the tuple returned by __reduce__ must be a tuple")
	}
	if !vm.Callable(r.fn) && !isNewobjName(r.fn) {
		return vm.Errorf(PicklingError, "first item of the tuple returned by __reduce__ must be callable")
	}
	fnName := ""
	if s, ok := vm.AsStr(r.fn); ok {
		fnName = s.String()
	} else if n, err := vm.LookupAttr(th, r.fn, "__name__"); err == nil && !n.IsNull() {
		if s, ok := vm.AsStr(n); ok {
			fnName = s.String()
		}
	}
	switch {
	case e.proto >= 2 && fnName == "__newobj_ex__":
		a := argTup.Items()
		if len(a) != 3 {
			return vm.Errorf(PicklingError, "length of the NEWOBJ_EX argument tuple must be exactly 3, not %d", len(a))
		}
		if _, ok := vm.AsType(a[0]); !ok {
			return vm.Errorf(PicklingError, "first item from NEWOBJ_EX argument tuple must be a class, not %s", vm.TypeName(a[0]))
		}
		if e.proto >= 4 {
			for _, x := range a {
				if err := e.Save(x); err != nil {
					return err
				}
			}
			e.write(opNewObjEx)
		} else {
			return vm.Errorf(PicklingError, "NEWOBJ_EX needs protocol 4")
		}
	case e.proto >= 2 && fnName == "__newobj__":
		a := argTup.Items()
		if len(a) < 1 {
			return vm.Errorf(PicklingError, "__newobj__ arglist is empty")
		}
		cls, ok := vm.AsType(a[0])
		if !ok {
			return vm.Errorf(PicklingError, "args[0] from __newobj__ args is not a type")
		}
		if !obj.IsNull() && obj.Type() != cls {
			return vm.Errorf(PicklingError, "args[0] from __newobj__ args has the wrong class")
		}
		if err := e.Save(a[0]); err != nil {
			return err
		}
		if err := e.Save(vm.NewTuple(a[1:]...).Value()); err != nil {
			return err
		}
		e.write(opNewObj)
	default:
		fn := r.fn
		if isNewobjName(fn) {
			nf, err := globalFrom(th, "copyreg", "__newobj__")
			if err != nil {
				return err
			}
			fn = nf
		}
		if err := e.Save(fn); err != nil {
			return err
		}
		if err := e.Save(r.args); err != nil {
			return err
		}
		e.write(opReduce)
	}
	if !obj.IsNull() {
		if m, ok := e.memo[vm.ID(obj)]; ok {
			e.write(opPop)
			e.writeGet(m.index)
		} else {
			e.Memoize(obj)
		}
	}
	if !r.listItems.IsNone() {
		it, err := vm.Iter(th, r.listItems)
		if err != nil {
			return err
		}
		if err := e.batchAppends(nil, it); err != nil {
			return err
		}
	}
	if !r.dictItems.IsNone() {
		it, err := vm.Iter(th, r.dictItems)
		if err != nil {
			return err
		}
		var keys, vals []vm.Value
		for {
			x, err := vm.Next(th, it)
			if err != nil {
				return err
			}
			if x.IsNull() {
				break
			}
			p, ok := vm.AsTuple(x)
			if !ok || p.Len() != 2 {
				return vm.Errorf(vm.TypeError, "dict items iterator must return 2-tuples")
			}
			keys = append(keys, p.At(0))
			vals = append(vals, p.At(1))
		}
		if err := e.batchSetItems(keys, vals); err != nil {
			return err
		}
	}
	if !r.state.IsNone() {
		if r.stateSetter.IsNone() {
			if err := e.Save(r.state); err != nil {
				return err
			}
			e.write(opBuild)
		} else {
			if err := e.Save(r.stateSetter); err != nil {
				return err
			}
			if err := e.Save(obj); err != nil {
				return err
			}
			if err := e.Save(r.state); err != nil {
				return err
			}
			e.write(opTuple2, opReduce, opPop)
		}
	}
	return nil
}

func isNewobjName(v vm.Value) bool {
	s, ok := vm.AsStr(v)
	return ok && s.String() == "__newobj__"
}

func isModule(v vm.Value) bool {
	_, ok := vm.AsModule(v)
	return ok
}

// globalFrom imports module and returns its attribute name.
func globalFrom(th *vm.Thread, module, name string) (vm.Value, error) {
	m, err := th.Import(module)
	if err != nil {
		return vm.Null, err
	}
	return vm.GetAttrString(th, m, name)
}

func builtinGetattr(th *vm.Thread) vm.Value {
	v, ok := th.Interp.Builtins.GetString("getattr")
	if !ok {
		v, _ = globalFrom(th, "builtins", "getattr")
	}
	return v
}

func objectReduceEx() vm.Value { return vm.ObjectType.LookupString("__reduce_ex__") }
func objectReduce() vm.Value   { return vm.ObjectType.LookupString("__reduce__") }

// builtinReduce covers builtin types whose reduction CPython defines in C
// (range, slice, bytearray) or through copyreg (complex).
func builtinReduce(th *vm.Thread, v vm.Value, proto int) (vm.Value, bool, error) {
	t := v.Type()
	attrs := func(names ...string) (vm.Value, error) {
		out := make([]vm.Value, len(names))
		for i, n := range names {
			x, err := vm.GetAttrString(th, v, n)
			if err != nil {
				return vm.Null, err
			}
			out[i] = x
		}
		return vm.NewTuple(out...).Value(), nil
	}
	var args vm.Value
	var err error
	switch t {
	case vm.RangeType, vm.SliceType:
		args, err = attrs("start", "stop", "step")
	case vm.ComplexType:
		args, err = attrs("real", "imag")
	case vm.MethodType:
		m, _ := vm.AsMethod(v)
		name, err := vm.GetAttrString(th, m.Func(), "__name__")
		if err != nil {
			return vm.Null, true, err
		}
		return vm.NewTuple(builtinGetattr(th), vm.NewTuple(m.Self(), name).Value()).Value(), true, nil
	case vm.ByteArrayType:
		b, _ := vm.AsBytes(v)
		args = vm.NewTuple(vm.NewBytes(append([]byte(nil), b.Data()...)).Value()).Value()
		if proto < 3 {
			return vm.Null, false, nil
		}
		return vm.NewTuple(t.Value(), args, vm.None).Value(), true, nil
	default:
		return vm.Null, false, nil
	}
	if err != nil {
		return vm.Null, true, err
	}
	return vm.NewTuple(t.Value(), args).Value(), true, nil
}
