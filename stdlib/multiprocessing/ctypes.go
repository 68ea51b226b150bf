package multiprocessing

// C values in shared memory: what sharedctypes.RawValue and RawArray
// return. CPython builds them from ctypes types over a shared buffer; the
// observable behaviour is ctypes': C widths, silent wrap-around of ints,
// float32 rounding for 'f', one-byte bytes for 'c', and the ctypes names
// (c_int, c_double, c_int_Array_3).

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"sync"

	"gilpy/vm"
)

// ctypeInfo describes one C scalar type.
type ctypeInfo struct {
	code   byte // canonical typecode
	name   string
	size   int
	signed bool
	float  bool
	char   bool
}

var ctypeInfos = map[byte]*ctypeInfo{
	'b': {code: 'b', name: "c_byte", size: 1, signed: true},
	'B': {code: 'B', name: "c_ubyte", size: 1},
	'h': {code: 'h', name: "c_short", size: 2, signed: true},
	'H': {code: 'H', name: "c_ushort", size: 2},
	'i': {code: 'i', name: "c_int", size: 4, signed: true},
	'I': {code: 'I', name: "c_uint", size: 4},
	'l': {code: 'l', name: "c_long", size: 8, signed: true},
	'L': {code: 'L', name: "c_ulong", size: 8},
	'f': {code: 'f', name: "c_float", size: 4, float: true},
	'd': {code: 'd', name: "c_double", size: 8, float: true},
	'c': {code: 'c', name: "c_char", size: 1, char: true},
	'?': {code: '?', name: "c_bool", size: 1},
}

// On LP64 Linux, long long is long: ctypes makes c_longlong an alias.
var ctypeAliases = map[byte]byte{'q': 'l', 'Q': 'L'}

func lookupCType(code string) (*ctypeInfo, bool) {
	if len(code) != 1 {
		return nil, false
	}
	c := code[0]
	if a, ok := ctypeAliases[c]; ok {
		c = a
	}
	ci, ok := ctypeInfos[c]
	return ci, ok
}

// cdata is a C scalar or array in memory (shared, or private for a ctypes
// object made directly).
type cdata struct {
	vm.Object
	info   *ctypeInfo
	n      int // array length, or -1 for a scalar
	mem    []byte
	blk    block
	shared bool
}

var cdataLayout = vm.NewLayout[cdata]("CData")

var (
	scalarTypes   = map[byte]*vm.Type{}
	arrayTypesMu  sync.Mutex
	arrayTypes    = map[[2]int]*vm.Type{}
	scalarTypesOK sync.Once
)

func scalarType(ci *ctypeInfo) *vm.Type {
	scalarTypesOK.Do(func() {
		for c, info := range ctypeInfos {
			scalarTypes[c] = newScalarType(info)
		}
	})
	return scalarTypes[ci.code]
}

func newScalarType(ci *ctypeInfo) *vm.Type {
	return vm.NewBuiltinType(vm.TypeSpec{
		Name: ci.name, Module: "ctypes", Layout: cdataLayout.Info(),
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				c := cdataLayout.New(t)
				c.info, c.n, c.mem = ci, -1, make([]byte, ci.size)
				return c.Value(), nil
			},
			Init: func(th *vm.Thread, self vm.Value, args []vm.Value, kw []vm.Value) error {
				if len(args) > 1 {
					return vm.Errorf(vm.TypeError, "function takes at most 1 argument (%d given)", len(args))
				}
				if len(args) == 1 {
					return cdataLayout.Must(self).set(th, 0, args[0])
				}
				return nil
			},
			Repr: func(th *vm.Thread, self vm.Value) (vm.Value, error) {
				c := cdataLayout.Must(self)
				v, err := c.get(th, 0)
				if err != nil {
					return vm.Null, err
				}
				r, err := vm.Repr(th, v)
				if err != nil {
					return vm.Null, err
				}
				return vm.MakeStr(self.Type().Name + "(" + r.String() + ")"), nil
			},
		},
		Attrs: map[string]vm.Value{"_type_": vm.MakeStr(string(ci.code))},
		Methods: []*vm.BuiltinMethod{
			{Name: "__reduce__", Fn: cdataReduce},
		},
		Getters: []*vm.GetSet{
			{Name: "value",
				Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return cdataLayout.Must(v).get(th, 0) },
				Set: func(th *vm.Thread, v vm.Value, x vm.Value) error {
					if x.IsNull() {
						return vm.Errorf(vm.TypeError, "can't delete attribute")
					}
					return cdataLayout.Must(v).set(th, 0, x)
				}},
		},
	})
}

func arrayType(ci *ctypeInfo, n int) *vm.Type {
	arrayTypesMu.Lock()
	defer arrayTypesMu.Unlock()
	k := [2]int{int(ci.code), n}
	if t, ok := arrayTypes[k]; ok {
		return t
	}
	getters := []*vm.GetSet{}
	if ci.char {
		getters = append(getters,
			&vm.GetSet{Name: "value", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				c := cdataLayout.Must(v)
				b := c.mem
				for i, x := range b {
					if x == 0 {
						b = b[:i]
						break
					}
				}
				return vm.NewBytes(append([]byte(nil), b...)).Value(), nil
			}, Set: func(th *vm.Thread, v vm.Value, x vm.Value) error {
				c := cdataLayout.Must(v)
				b, ok := bytesArg(x)
				if !ok {
					return vm.Errorf(vm.TypeError, "bytes expected instead of %s instance", vm.TypeName(x))
				}
				if len(b) > len(c.mem) {
					return vm.Errorf(vm.ValueError, "byte string too long")
				}
				copy(c.mem, b)
				if len(b) < len(c.mem) {
					c.mem[len(b)] = 0
				}
				return nil
			}},
			&vm.GetSet{Name: "raw", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return vm.NewBytes(append([]byte(nil), cdataLayout.Must(v).mem...)).Value(), nil
			}, Set: func(th *vm.Thread, v vm.Value, x vm.Value) error {
				c := cdataLayout.Must(v)
				b, ok := bytesArg(x)
				if !ok {
					return vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(x))
				}
				if len(b) > len(c.mem) {
					return vm.Errorf(vm.ValueError, "byte string too long")
				}
				copy(c.mem, b)
				return nil
			}})
	}
	t := vm.NewBuiltinType(vm.TypeSpec{
		Name: fmt.Sprintf("%s_Array_%d", ci.name, n), Module: "multiprocessing.sharedctypes",
		Layout: cdataLayout.Info(),
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
				c := cdataLayout.New(t)
				c.info, c.n, c.mem = ci, n, make([]byte, ci.size*n)
				return c.Value(), nil
			},
			Init: func(th *vm.Thread, self vm.Value, args []vm.Value, kw []vm.Value) error {
				c := cdataLayout.Must(self)
				if len(args) > c.n {
					return vm.Errorf(vm.IndexError, "indices must be integers")
				}
				for i, a := range args {
					if err := c.set(th, i, a); err != nil {
						return err
					}
				}
				return nil
			},
			Len:     func(th *vm.Thread, self vm.Value) (int, error) { return cdataLayout.Must(self).n, nil },
			GetItem: cdataGetItem,
			SetItem: cdataSetItem,
		},
		Attrs:   map[string]vm.Value{"_type_": scalarType(ci).Value(), "_length_": vm.MakeInt(int64(n))},
		Methods: []*vm.BuiltinMethod{{Name: "__reduce__", Fn: cdataReduce}},
		Getters: getters,
	})
	arrayTypes[k] = t
	return t
}

func bytesArg(x vm.Value) ([]byte, bool) {
	if x.Type() == vm.BytesType || x.Type() == vm.ByteArrayType {
		b, _ := vm.AsBytes(x)
		return b.Data(), true
	}
	return nil, false
}

// newSharedCData allocates a zeroed C value (n < 0) or array in shared
// memory.
func newSharedCData(ci *ctypeInfo, n int) (*cdata, error) {
	size := ci.size
	t := scalarType(ci)
	if n >= 0 {
		size = ci.size * n
		t = arrayType(ci, n)
	}
	b, err := alloc(max(size, 1))
	if err != nil {
		return nil, vm.Errorf(vm.OSError, "cannot allocate shared memory: %v", err)
	}
	c := cdataLayout.New(t)
	c.info, c.n, c.blk, c.shared = ci, n, b, true
	c.mem = b.bytes()[:size]
	return c, nil
}

func (c *cdata) get(th *vm.Thread, i int) (vm.Value, error) {
	ci := c.info
	p := c.mem[i*ci.size : (i+1)*ci.size]
	switch {
	case ci.char:
		return vm.NewBytes([]byte{p[0]}).Value(), nil
	case ci.code == '?':
		return vm.MakeBool(p[0] != 0), nil
	case ci.float && ci.size == 4:
		return vm.MakeFloat(float64(math.Float32frombits(binary.LittleEndian.Uint32(p)))), nil
	case ci.float:
		return vm.MakeFloat(math.Float64frombits(binary.LittleEndian.Uint64(p))), nil
	}
	var u uint64
	switch ci.size {
	case 1:
		u = uint64(p[0])
	case 2:
		u = uint64(binary.LittleEndian.Uint16(p))
	case 4:
		u = uint64(binary.LittleEndian.Uint32(p))
	case 8:
		u = binary.LittleEndian.Uint64(p)
	}
	if ci.signed {
		shift := uint(64 - 8*ci.size)
		return vm.MakeInt(int64(u<<shift) >> shift), nil
	}
	if u > math.MaxInt64 {
		return vm.MakeBigInt(new(big.Int).SetUint64(u)), nil
	}
	return vm.MakeInt(int64(u)), nil
}

func (c *cdata) set(th *vm.Thread, i int, x vm.Value) error {
	ci := c.info
	p := c.mem[i*ci.size : (i+1)*ci.size]
	switch {
	case ci.char:
		if b, ok := bytesArg(x); ok && len(b) == 1 {
			p[0] = b[0]
			return nil
		}
		if vm.IsInt(x) && !x.IsBool() {
			if n, ok := vm.IntToInt64(x); ok && n >= 0 && n < 256 {
				p[0] = byte(n)
				return nil
			}
		}
		return vm.Errorf(vm.TypeError, "one character bytes, bytearray or integer expected")
	case ci.code == '?':
		b, err := vm.Truth(th, x)
		if err != nil {
			return err
		}
		p[0] = 0
		if b {
			p[0] = 1
		}
		return nil
	case ci.float:
		if !x.IsFloat() && !vm.IsInt(x) && x.Type().Float == nil && x.Type().Index == nil {
			return vm.Errorf(vm.TypeError, "must be real number, not %s", vm.TypeName(x))
		}
		f, err := vm.AsFloat(th, x)
		if err != nil {
			return err
		}
		if ci.size == 4 {
			binary.LittleEndian.PutUint32(p, math.Float32bits(float32(f)))
		} else {
			binary.LittleEndian.PutUint64(p, math.Float64bits(f))
		}
		return nil
	}
	iv, err := vm.Index(th, x)
	if err != nil {
		return err
	}
	var u uint64
	if n, ok := vm.IntToInt64(iv); ok {
		u = uint64(n)
	} else {
		// Wrap modulo 2**64 like PyLong_AsUnsignedLongMask.
		b := new(big.Int).And(vm.ToBig(iv), new(big.Int).SetUint64(math.MaxUint64))
		u = b.Uint64()
	}
	switch ci.size {
	case 1:
		p[0] = byte(u)
	case 2:
		binary.LittleEndian.PutUint16(p, uint16(u))
	case 4:
		binary.LittleEndian.PutUint32(p, uint32(u))
	case 8:
		binary.LittleEndian.PutUint64(p, u)
	}
	return nil
}

func (c *cdata) index(th *vm.Thread, key vm.Value) (int, error) {
	i, err := vm.AsIndex(th, key)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += c.n
	}
	if i < 0 || i >= c.n {
		return 0, vm.Errorf(vm.IndexError, "invalid index")
	}
	return i, nil
}

// sliceIndices resolves a slice against the array length.
func sliceIndices(th *vm.Thread, key vm.Value, n int) ([]int, bool, error) {
	if key.Type() != vm.SliceType {
		return nil, false, nil
	}
	r, err := vm.CallMethod(th, key, "indices", vm.MakeInt(int64(n)))
	if err != nil {
		return nil, true, err
	}
	t, _ := vm.AsTuple(r)
	start, _ := vm.IntToInt64(t.At(0))
	stop, _ := vm.IntToInt64(t.At(1))
	step, _ := vm.IntToInt64(t.At(2))
	var idx []int
	for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
		idx = append(idx, int(i))
	}
	return idx, true, nil
}

func cdataGetItem(th *vm.Thread, self, key vm.Value) (vm.Value, error) {
	c := cdataLayout.Must(self)
	if idx, isSlice, err := sliceIndices(th, key, c.n); isSlice {
		if err != nil {
			return vm.Null, err
		}
		if c.info.char {
			out := make([]byte, len(idx))
			for j, i := range idx {
				out[j] = c.mem[i]
			}
			return vm.NewBytes(out).Value(), nil
		}
		out := make([]vm.Value, len(idx))
		for j, i := range idx {
			v, err := c.get(th, i)
			if err != nil {
				return vm.Null, err
			}
			out[j] = v
		}
		return vm.NewList(out).Value(), nil
	}
	i, err := c.index(th, key)
	if err != nil {
		return vm.Null, err
	}
	return c.get(th, i)
}

func cdataSetItem(th *vm.Thread, self, key, v vm.Value) error {
	c := cdataLayout.Must(self)
	if v.IsNull() {
		return vm.Errorf(vm.TypeError, "Array does not support item deletion")
	}
	if idx, isSlice, err := sliceIndices(th, key, c.n); isSlice {
		if err != nil {
			return err
		}
		items, err := vm.SeqToSlice(th, v)
		if err != nil {
			return err
		}
		if len(items) != len(idx) {
			return vm.Errorf(vm.ValueError, "Can only assign sequence of same size")
		}
		for j, i := range idx {
			if err := c.set(th, i, items[j]); err != nil {
				return err
			}
		}
		return nil
	}
	i, err := c.index(th, key)
	if err != nil {
		return err
	}
	return c.set(th, i, v)
}

func cdataReduce(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	c := cdataLayout.Must(args[0])
	if !c.shared || currentSpawn(th) == nil {
		return vm.Null, vm.Errorf(vm.RuntimeError, "%s objects should only be shared between processes through inheritance", args[0].Type().Name)
	}
	fn, err := mpFunc(th, "_rebuild_cdata")
	if err != nil {
		return vm.Null, err
	}
	a := append(blockRef(th, c.blk), vm.MakeStr(string(c.info.code)), vm.MakeInt(int64(c.n)))
	return vm.NewTuple(fn, vm.NewTuple(a...).Value()).Value(), nil
}

func rebuildCData(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 5 {
		return vm.Null, vm.Errorf(vm.TypeError, "_rebuild_cdata() expects 5 arguments")
	}
	b, err := blockFromRef(args)
	if err != nil {
		return vm.Null, err
	}
	code, _ := vm.AsStr(args[3])
	n, _ := vm.IntToInt64(args[4])
	if code == nil {
		return vm.Null, vm.Errorf(vm.TypeError, "bad typecode")
	}
	ci, ok := lookupCType(code.String())
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "bad typecode")
	}
	t := scalarType(ci)
	size := ci.size
	if n >= 0 {
		t = arrayType(ci, int(n))
		size = ci.size * int(n)
	}
	if size > b.size {
		return vm.Null, vm.Errorf(vm.ValueError, "bad shared block reference")
	}
	c := cdataLayout.New(t)
	c.info, c.n, c.blk, c.shared = ci, int(n), b, true
	c.mem = b.bytes()[:size]
	return c.Value(), nil
}

// newCData is _gilpy_mp.cdata(typecode, length=-1): a zeroed shared C
// value or array.
func newCData(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	var tc, n vm.Value = vm.Null, vm.MakeInt(-1)
	if err := vm.UnpackArgs("cdata", args, kw, "typecode", &tc, "length?", &n); err != nil {
		return vm.Null, err
	}
	ci, err := ctypeOf(th, tc)
	if err != nil {
		return vm.Null, err
	}
	length, _ := vm.IntToInt64(n)
	c, err := newSharedCData(ci, int(length))
	if err != nil {
		return vm.Null, err
	}
	return c.Value(), nil
}

// ctypeOf accepts a typecode string or one of the c_* types.
func ctypeOf(th *vm.Thread, tc vm.Value) (*ctypeInfo, error) {
	if s, ok := vm.AsStr(tc); ok {
		if ci, ok := lookupCType(s.String()); ok {
			return ci, nil
		}
		return nil, vm.Errorf(vm.TypeError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
	}
	if t, ok := vm.AsType(tc); ok {
		if code, ok := t.Dict().GetString("_type_"); ok {
			if s, ok := vm.AsStr(code); ok {
				if ci, ok := lookupCType(s.String()); ok {
					return ci, nil
				}
			}
		}
	}
	return nil, vm.Errorf(vm.TypeError, "unsupported shared type %s", vm.TypeName(tc))
}
