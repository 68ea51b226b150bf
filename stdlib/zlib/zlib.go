// Package zlib is Python's zlib module on the system zlib through cgo.
//
// Why the C library: compressed bytes are program output (printed,
// hashed, written to files), and Go's compress/flate, while correct,
// emits a different bit stream than zlib. CPython links the system libz,
// so calling the same library gives byte-identical results.
package zlib

/*
#cgo LDFLAGS: -lz
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static z_stream *gz_new(void) {
	z_stream *s = (z_stream *)calloc(1, sizeof(z_stream));
	return s;
}
static int gz_deflate_init(z_stream *s, int level, int method, int wbits, int memlevel, int strategy) {
	return deflateInit2(s, level, method, wbits, memlevel, strategy);
}
static int gz_inflate_init(z_stream *s, int wbits) {
	return inflateInit2(s, wbits);
}
static void gz_set_in(z_stream *s, unsigned char *p, unsigned int n) { s->next_in = p; s->avail_in = n; }
static void gz_set_out(z_stream *s, unsigned char *p, unsigned int n) { s->next_out = p; s->avail_out = n; }
static unsigned int gz_avail_in(z_stream *s) { return s->avail_in; }
static unsigned int gz_avail_out(z_stream *s) { return s->avail_out; }
static const char *gz_msg(z_stream *s) { return s->msg; }
*/
import "C"

import (
	"sync"
	"unsafe"

	"gilpy/vm"
)

var errorType *vm.Type

// stream wraps a z_stream in C memory; the buffers handed to zlib are C
// memory too, so no Go pointer crosses into C.
type stream struct {
	s       *C.z_stream
	deflate bool
	ended   bool
}

func zerr(s *C.z_stream, code C.int, what string) error {
	msg := ""
	if s != nil {
		if m := C.gz_msg(s); m != nil {
			msg = C.GoString(m)
		}
	}
	if msg == "" {
		switch code {
		case C.Z_BUF_ERROR:
			msg = "incomplete or truncated stream"
		case C.Z_STREAM_ERROR:
			msg = "inconsistent stream state"
		case C.Z_DATA_ERROR:
			msg = "invalid input data"
		default:
			msg = "library error"
		}
	}
	return vm.Errorf(errorType, "Error %d %s: %s", int(code), what, msg)
}

func newDeflate(level, method, wbits, memLevel, strategy int) (*stream, error) {
	s := C.gz_new()
	if rc := C.gz_deflate_init(s, C.int(level), C.int(method), C.int(wbits), C.int(memLevel), C.int(strategy)); rc != C.Z_OK {
		C.free(unsafe.Pointer(s))
		if rc == C.Z_STREAM_ERROR {
			return nil, vm.Errorf(vm.ValueError, "Invalid initialization option")
		}
		return nil, zerr(nil, rc, "while creating compression object")
	}
	return &stream{s: s, deflate: true}, nil
}

func newInflate(wbits int) (*stream, error) {
	s := C.gz_new()
	if rc := C.gz_inflate_init(s, C.int(wbits)); rc != C.Z_OK {
		C.free(unsafe.Pointer(s))
		if rc == C.Z_STREAM_ERROR {
			return nil, vm.Errorf(vm.ValueError, "Invalid initialization option")
		}
		return nil, zerr(nil, rc, "while creating decompression object")
	}
	return &stream{s: s}, nil
}

func (st *stream) end() {
	if st.ended {
		return
	}
	if st.deflate {
		C.deflateEnd(st.s)
	} else {
		C.inflateEnd(st.s)
	}
	C.free(unsafe.Pointer(st.s))
	st.ended = true
}

// run feeds in to deflate/inflate with flush mode and collects output;
// maxOut > 0 limits inflate output (unconsumed input stays). It returns
// the output, the unconsumed input and the last return code.
func (st *stream) run(in []byte, flush C.int, maxOut int) ([]byte, []byte, C.int, error) {
	var cin *C.uchar
	if len(in) > 0 {
		cin = (*C.uchar)(C.CBytes(in))
		defer C.free(unsafe.Pointer(cin))
	}
	C.gz_set_in(st.s, cin, C.uint(len(in)))
	const chunk = 16384
	cout := (*C.uchar)(C.malloc(chunk))
	defer C.free(unsafe.Pointer(cout))
	var out []byte
	var rc C.int
	for {
		want := chunk
		if maxOut > 0 && maxOut-len(out) < want {
			want = maxOut - len(out)
		}
		C.gz_set_out(st.s, cout, C.uint(want))
		if st.deflate {
			rc = C.deflate(st.s, flush)
		} else {
			rc = C.inflate(st.s, flush)
		}
		produced := want - int(C.gz_avail_out(st.s))
		out = append(out, C.GoBytes(unsafe.Pointer(cout), C.int(produced))...)
		if rc == C.Z_STREAM_END {
			break
		}
		if rc != C.Z_OK && rc != C.Z_BUF_ERROR {
			what := "while compressing data"
			if !st.deflate {
				what = "while decompressing data"
			}
			return nil, nil, rc, zerr(st.s, rc, what)
		}
		if maxOut > 0 && len(out) >= maxOut {
			break
		}
		if C.gz_avail_out(st.s) != 0 && (C.gz_avail_in(st.s) == 0 || rc == C.Z_BUF_ERROR) {
			break
		}
	}
	rest := in[len(in)-int(C.gz_avail_in(st.s)):]
	return out, rest, rc, nil
}

func bytesArg(v vm.Value) ([]byte, error) {
	b, ok := vm.AsBytesLike(v)
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(v))
	}
	return b, nil
}

func intOr(th *vm.Thread, v vm.Value, def int) (int, error) {
	if v.IsNull() {
		return def, nil
	}
	return vm.AsIndex(th, v)
}

// Comp is a compressobj / decompressobj.
type Comp struct {
	vm.Object
	mu             sync.Mutex
	st             *stream
	unused         []byte
	unconsumed     []byte
	eof            bool
	flushed        bool
	zdict          []byte
	needDictionary bool
}

var compLayout = vm.NewLayout[Comp]("zlib.Compress")

func init() {
	errorType = vm.NewBuiltinType(vm.TypeSpec{Name: "error", Module: "zlib", Base: vm.ExceptionType})
	compType := vm.NewBuiltinType(vm.TypeSpec{
		Name: "Compress", Module: "zlib", Layout: compLayout.Info(), Final: true,
		Methods: []*vm.BuiltinMethod{
			{Name: "compress", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				c := compLayout.Must(args[0])
				if err := vm.ArgCount("compress", args[1:], 1, 1); err != nil {
					return vm.Null, err
				}
				data, err := bytesArg(args[1])
				if err != nil {
					return vm.Null, err
				}
				if c.st.ended {
					return vm.Null, vm.Errorf(errorType, "Error -2 while compressing data: inconsistent stream state")
				}
				out, _, _, err := c.st.run(data, C.Z_NO_FLUSH, 0)
				if err != nil {
					return vm.Null, err
				}
				return vm.NewBytes(out).Value(), nil
			}},
			{Name: "flush", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				c := compLayout.Must(args[0])
				mode := C.Z_FINISH
				if len(args) > 1 {
					n, err := vm.AsIndex(th, args[1])
					if err != nil {
						return vm.Null, err
					}
					mode = n
				}
				if mode == C.Z_NO_FLUSH {
					return vm.NewBytes(nil).Value(), nil
				}
				if c.st.ended {
					return vm.Null, vm.Errorf(errorType, "Error -2 while flushing: inconsistent stream state")
				}
				out, _, _, err := c.st.run(nil, C.int(mode), 0)
				if err != nil {
					return vm.Null, err
				}
				if mode == C.Z_FINISH {
					c.st.end()
				}
				return vm.NewBytes(out).Value(), nil
			}},
		},
	})
	decompType := vm.NewBuiltinType(vm.TypeSpec{
		Name: "Decompress", Module: "zlib", Layout: compLayout.Info(), Final: true,
		Methods: []*vm.BuiltinMethod{
			{Name: "decompress", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				c := compLayout.Must(args[0])
				data, maxLen := vm.Null, vm.MakeInt(0)
				if err := vm.UnpackArgs("decompress", args[1:], kw, "data", &data, "/", "max_length?", &maxLen); err != nil {
					return vm.Null, err
				}
				in, err := bytesArg(data)
				if err != nil {
					return vm.Null, err
				}
				ml, err := vm.AsIndex(th, maxLen)
				if err != nil {
					return vm.Null, err
				}
				if ml < 0 {
					return vm.Null, vm.Errorf(vm.ValueError, "max_length must be non-negative")
				}
				return c.decompress(in, ml)
			}},
			{Name: "flush", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				c := compLayout.Must(args[0])
				in := c.unconsumed
				c.unconsumed = nil
				return c.decompress(in, 0)
			}},
		},
		Getters: []*vm.GetSet{
			{Name: "unused_data", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return vm.NewBytes(compLayout.Must(v).unused).Value(), nil
			}},
			{Name: "unconsumed_tail", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return vm.NewBytes(compLayout.Must(v).unconsumed).Value(), nil
			}},
			{Name: "eof", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return vm.MakeBool(compLayout.Must(v).eof), nil
			}},
		},
	})
	vm.RegisterModule("zlib", func(th *vm.Thread, m *vm.Module) error {
		m.Set("error", errorType.Value())
		for k, v := range map[string]int{
			"MAX_WBITS": 15, "DEFLATED": 8, "DEF_MEM_LEVEL": 8, "DEF_BUF_SIZE": 16384,
			"Z_NO_COMPRESSION": 0, "Z_BEST_SPEED": 1, "Z_BEST_COMPRESSION": 9, "Z_DEFAULT_COMPRESSION": -1,
			"Z_FILTERED": 1, "Z_HUFFMAN_ONLY": 2, "Z_RLE": 3, "Z_FIXED": 4, "Z_DEFAULT_STRATEGY": 0,
			"Z_NO_FLUSH": 0, "Z_PARTIAL_FLUSH": 1, "Z_SYNC_FLUSH": 2, "Z_FULL_FLUSH": 3, "Z_FINISH": 4, "Z_BLOCK": 5, "Z_TREES": 6,
		} {
			m.Set(k, vm.MakeInt(int64(v)))
		}
		m.Set("ZLIB_VERSION", vm.MakeStr(C.ZLIB_VERSION))
		m.Set("ZLIB_RUNTIME_VERSION", vm.MakeStr(C.GoString(C.zlibVersion())))
		m.AddFunc("compress", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			data, level, wbits := vm.Null, vm.MakeInt(-1), vm.MakeInt(15)
			if err := vm.UnpackArgs("compress", args, kw, "data", &data, "/", "level?", &level, "wbits?", &wbits); err != nil {
				return vm.Null, err
			}
			in, err := bytesArg(data)
			if err != nil {
				return vm.Null, err
			}
			lv, err := vm.AsIndex(th, level)
			if err != nil {
				return vm.Null, err
			}
			wb, err := vm.AsIndex(th, wbits)
			if err != nil {
				return vm.Null, err
			}
			if lv < -1 || lv > 9 {
				return vm.Null, vm.Errorf(errorType, "Bad compression level")
			}
			st, err := newDeflate(lv, 8, wb, 8, 0)
			if err != nil {
				return vm.Null, err
			}
			defer st.end()
			var out []byte
			var rerr error
			run := func() { out, _, _, rerr = st.run(in, C.Z_FINISH, 0) }
			if len(in) >= 4096 {
				th.Blocking(run)
			} else {
				run()
			}
			if rerr != nil {
				return vm.Null, rerr
			}
			return vm.NewBytes(out).Value(), nil
		})
		m.AddFunc("decompress", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			data, wbits, bufsize := vm.Null, vm.MakeInt(15), vm.MakeInt(16384)
			if err := vm.UnpackArgs("decompress", args, kw, "data", &data, "/", "wbits?", &wbits, "bufsize?", &bufsize); err != nil {
				return vm.Null, err
			}
			in, err := bytesArg(data)
			if err != nil {
				return vm.Null, err
			}
			wb, err := vm.AsIndex(th, wbits)
			if err != nil {
				return vm.Null, err
			}
			st, err := newInflate(wb)
			if err != nil {
				return vm.Null, err
			}
			defer st.end()
			var out []byte
			var rc C.int
			var rerr error
			run := func() { out, _, rc, rerr = st.run(in, C.Z_NO_FLUSH, 0) }
			if len(in) >= 4096 {
				th.Blocking(run)
			} else {
				run()
			}
			if rerr != nil {
				return vm.Null, rerr
			}
			if rc != C.Z_STREAM_END {
				return vm.Null, vm.Errorf(errorType, "Error -5 while decompressing data: incomplete or truncated stream")
			}
			return vm.NewBytes(out).Value(), nil
		})
		m.AddFunc("compressobj", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			level, method, wbits, memLevel, strategy, zdict := vm.Null, vm.Null, vm.Null, vm.Null, vm.Null, vm.Null
			if err := vm.UnpackArgs("compressobj", args, kw, "level?", &level, "method?", &method, "wbits?", &wbits, "memLevel?", &memLevel, "strategy?", &strategy, "zdict?", &zdict); err != nil {
				return vm.Null, err
			}
			lv, err := intOr(th, level, -1)
			if err != nil {
				return vm.Null, err
			}
			me, err := intOr(th, method, 8)
			if err != nil {
				return vm.Null, err
			}
			wb, err := intOr(th, wbits, 15)
			if err != nil {
				return vm.Null, err
			}
			ml, err := intOr(th, memLevel, 8)
			if err != nil {
				return vm.Null, err
			}
			sg, err := intOr(th, strategy, 0)
			if err != nil {
				return vm.Null, err
			}
			st, err := newDeflate(lv, me, wb, ml, sg)
			if err != nil {
				return vm.Null, err
			}
			if !zdict.IsNull() {
				d, err := bytesArg(zdict)
				if err != nil {
					return vm.Null, err
				}
				cd := C.CBytes(d)
				C.deflateSetDictionary(st.s, (*C.uchar)(cd), C.uint(len(d)))
				C.free(cd)
			}
			c := compLayout.New(compType)
			c.st = st
			return c.Value(), nil
		})
		m.AddFunc("decompressobj", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			wbits, zdict := vm.Null, vm.Null
			if err := vm.UnpackArgs("decompressobj", args, kw, "wbits?", &wbits, "zdict?", &zdict); err != nil {
				return vm.Null, err
			}
			wb, err := intOr(th, wbits, 15)
			if err != nil {
				return vm.Null, err
			}
			st, err := newInflate(wb)
			if err != nil {
				return vm.Null, err
			}
			c := compLayout.New(decompType)
			c.st = st
			if !zdict.IsNull() {
				d, err := bytesArg(zdict)
				if err != nil {
					return vm.Null, err
				}
				c.zdict = append([]byte(nil), d...)
				if wb < 0 {
					cd := C.CBytes(d)
					C.inflateSetDictionary(st.s, (*C.uchar)(cd), C.uint(len(d)))
					C.free(cd)
				}
			}
			return c.Value(), nil
		})
		checksum := func(name string, f func(start uint32, b []byte) uint32, def uint32) {
			m.AddFunc(name, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				if err := vm.ArgCount(name, args, 1, 2); err != nil {
					return vm.Null, err
				}
				b, err := bytesArg(args[0])
				if err != nil {
					return vm.Null, err
				}
				start := def
				if len(args) == 2 {
					n, err := vm.AsInt64(th, args[1])
					if err != nil {
						return vm.Null, err
					}
					start = uint32(n)
				}
				return vm.MakeInt(int64(f(start, b))), nil
			})
		}
		checksum("crc32", func(start uint32, b []byte) uint32 {
			if len(b) == 0 {
				return start
			}
			return uint32(C.crc32(C.uLong(start), (*C.uchar)(unsafe.Pointer(&b[0])), C.uint(len(b))))
		}, 0)
		checksum("adler32", func(start uint32, b []byte) uint32 {
			if len(b) == 0 {
				return start
			}
			return uint32(C.adler32(C.uLong(start), (*C.uchar)(unsafe.Pointer(&b[0])), C.uint(len(b))))
		}, 1)
		return nil
	})
}

func (c *Comp) decompress(in []byte, maxLen int) (vm.Value, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.eof {
		c.unused = append(c.unused, in...)
		return vm.NewBytes(nil).Value(), nil
	}
	out, rest, rc, err := c.st.run(in, C.Z_NO_FLUSH, maxLen)
	if rc == C.Z_NEED_DICT && c.zdict != nil {
		cd := C.CBytes(c.zdict)
		C.inflateSetDictionary(c.st.s, (*C.uchar)(cd), C.uint(len(c.zdict)))
		C.free(cd)
		var more []byte
		more, rest, rc, err = c.st.run(rest, C.Z_NO_FLUSH, maxLen)
		out = append(out, more...)
	}
	if err != nil {
		return vm.Null, err
	}
	if rc == C.Z_STREAM_END {
		c.eof = true
		c.unused = append(c.unused, rest...)
		c.unconsumed = nil
		c.st.end()
	} else {
		c.unconsumed = append([]byte(nil), rest...)
	}
	return vm.NewBytes(out).Value(), nil
}
