// Package binascii is Python's binascii module (hex and base64 codecs,
// CRCs), the base that base64.py builds on, with CPython's errors.
package binascii

import (
	"encoding/hex"
	"hash/crc32"
	"strings"

	"gilpy/vm"
)

var errorType, incompleteType *vm.Type

func binErr(format string, a ...any) error { return vm.Errorf(errorType, format, a...) }

// asciiData accepts bytes-like objects and ASCII-only str (for the a2b_*
// functions).
func asciiData(v vm.Value) ([]byte, error) {
	if s, ok := vm.AsStr(v); ok {
		str := s.String()
		for i := 0; i < len(str); i++ {
			if str[i] >= 0x80 {
				return nil, vm.Errorf(vm.ValueError, "string argument should contain only ASCII characters")
			}
		}
		return []byte(str), nil
	}
	b, ok := vm.AsBytesLike(v)
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "argument should be bytes, buffer or ASCII string, not '%s'", vm.TypeName(v))
	}
	return b, nil
}

func dataArg(v vm.Value) ([]byte, error) {
	b, ok := vm.AsBytesLike(v)
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(v))
	}
	return b, nil
}

func hexlify(th *vm.Thread, name string, args, kw []vm.Value) (vm.Value, error) {
	data, sep, bps := vm.Null, vm.None, vm.MakeInt(1)
	if err := vm.UnpackArgs(name, args, kw, "data", &data, "sep?", &sep, "bytes_per_sep?", &bps); err != nil {
		return vm.Null, err
	}
	b, err := dataArg(data)
	if err != nil {
		return vm.Null, err
	}
	h := hex.EncodeToString(b)
	if !sep.IsNone() {
		var s string
		if ss, ok := vm.AsStr(sep); ok {
			s = ss.String()
		} else if sb, ok := vm.AsBytesLike(sep); ok {
			s = string(sb)
		}
		if len(s) != 1 {
			return vm.Null, vm.Errorf(vm.ValueError, "sep must be length 1.")
		}
		n, err := vm.AsIndex(th, bps)
		if err != nil {
			return vm.Null, err
		}
		h = groupHex(h, s, n)
	}
	return vm.NewBytes([]byte(h)).Value(), nil
}

// groupHex inserts sep every n bytes (2n hex digits), counting from the
// right for positive n and from the left for negative n, as CPython.
func groupHex(h, sep string, n int) string {
	if n == 0 || len(h) == 0 {
		return h
	}
	w := n
	if w < 0 {
		w = -w
	}
	w *= 2
	var parts []string
	if n > 0 {
		for len(h) > w {
			parts = append([]string{h[len(h)-w:]}, parts...)
			h = h[:len(h)-w]
		}
		parts = append([]string{h}, parts...)
	} else {
		for len(h) > w {
			parts = append(parts, h[:w])
			h = h[w:]
		}
		parts = append(parts, h)
	}
	return strings.Join(parts, sep)
}

func unhexlify(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.ArgCount("unhexlify", args, 1, 1); err != nil {
		return vm.Null, err
	}
	b, err := asciiData(args[0])
	if err != nil {
		return vm.Null, err
	}
	if len(b)%2 != 0 {
		return vm.Null, binErr("Odd-length string")
	}
	out := make([]byte, len(b)/2)
	if _, err := hex.Decode(out, b); err != nil {
		return vm.Null, binErr("Non-hexadecimal digit found")
	}
	return vm.NewBytes(out).Value(), nil
}

const b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func b2aBase64(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	data, newline := vm.Null, vm.True
	if err := vm.UnpackArgs("b2a_base64", args, kw, "data", &data, "/", "*", "newline?", &newline); err != nil {
		return vm.Null, err
	}
	b, err := dataArg(data)
	if err != nil {
		return vm.Null, err
	}
	var out []byte
	for i := 0; i < len(b); i += 3 {
		var chunk [3]byte
		n := copy(chunk[:], b[i:])
		v := uint(chunk[0])<<16 | uint(chunk[1])<<8 | uint(chunk[2])
		out = append(out, b64chars[v>>18&63], b64chars[v>>12&63])
		if n > 1 {
			out = append(out, b64chars[v>>6&63])
		} else {
			out = append(out, '=')
		}
		if n > 2 {
			out = append(out, b64chars[v&63])
		} else {
			out = append(out, '=')
		}
	}
	if t, _ := vm.Truth(th, newline); t {
		out = append(out, '\n')
	}
	return vm.NewBytes(out).Value(), nil
}

func a2bBase64(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	data, strict := vm.Null, vm.False
	if err := vm.UnpackArgs("a2b_base64", args, kw, "data", &data, "/", "*", "strict_mode?", &strict); err != nil {
		return vm.Null, err
	}
	b, err := asciiData(data)
	if err != nil {
		return vm.Null, err
	}
	strictMode, _ := vm.Truth(th, strict)
	// The decoding loop of CPython's binascii_a2b_base64_impl: a full
	// pad sequence ends the input; other stray characters are skipped
	// unless strict_mode.
	var out []byte
	var leftchar byte
	quad, pads := 0, 0
	padStarted := false
	for i, c := range b {
		if c == '=' {
			padStarted = true
			if strictMode && quad == 0 {
				if i == 0 {
					return vm.Null, binErr("Leading padding not allowed")
				}
				return vm.Null, binErr("Excess padding not allowed")
			}
			pads++
			if quad >= 2 && quad+pads >= 4 {
				if strictMode && i+1 < len(b) {
					return vm.Null, binErr("Excess data after padding")
				}
				return vm.NewBytes(out).Value(), nil
			}
			continue
		}
		v := strings.IndexByte(b64chars, c)
		if v < 0 {
			if strictMode {
				return vm.Null, binErr("Only base64 data is allowed")
			}
			continue
		}
		if strictMode && padStarted {
			return vm.Null, binErr("Discontinuous padding not allowed")
		}
		pads = 0
		ch := byte(v)
		switch quad {
		case 0:
			quad, leftchar = 1, ch
		case 1:
			quad = 2
			out = append(out, leftchar<<2|ch>>4)
			leftchar = ch & 0x0f
		case 2:
			quad = 3
			out = append(out, leftchar<<4|ch>>2)
			leftchar = ch & 0x03
		case 3:
			quad = 0
			out = append(out, leftchar<<6|ch)
			leftchar = 0
		}
	}
	if quad != 0 {
		if quad == 1 {
			return vm.Null, binErr("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4", len(out)/3*4+1)
		}
		return vm.Null, binErr("Incorrect padding")
	}
	return vm.NewBytes(out).Value(), nil
}

func init() {
	errorType = vm.NewBuiltinType(vm.TypeSpec{Name: "Error", Module: "binascii", Base: vm.ValueError})
	incompleteType = vm.NewBuiltinType(vm.TypeSpec{Name: "Incomplete", Module: "binascii", Base: vm.ExceptionType})
	vm.RegisterModule("binascii", func(th *vm.Thread, m *vm.Module) error {
		m.Set("Error", errorType.Value())
		m.Set("Incomplete", incompleteType.Value())
		for _, n := range []string{"hexlify", "b2a_hex"} {
			n := n
			m.AddFunc(n, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return hexlify(th, n, args, kw) })
		}
		m.AddFunc("unhexlify", unhexlify)
		m.AddFunc("a2b_hex", unhexlify)
		m.AddFunc("b2a_base64", b2aBase64)
		m.AddFunc("a2b_base64", a2bBase64)
		m.AddFunc("crc32", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("crc32", args, 1, 2); err != nil {
				return vm.Null, err
			}
			b, err := dataArg(args[0])
			if err != nil {
				return vm.Null, err
			}
			var start uint32
			if len(args) == 2 {
				n, err := vm.AsInt64(th, args[1])
				if err != nil {
					return vm.Null, err
				}
				start = uint32(n)
			}
			return vm.MakeInt(int64(crc32.Update(start, crc32.IEEETable, b))), nil
		})
		m.AddFunc("crc_hqx", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("crc_hqx", args, 2, 2); err != nil {
				return vm.Null, err
			}
			b, err := dataArg(args[0])
			if err != nil {
				return vm.Null, err
			}
			n, err := vm.AsInt64(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			crc := uint16(n)
			for _, c := range b {
				crc ^= uint16(c) << 8
				for k := 0; k < 8; k++ {
					if crc&0x8000 != 0 {
						crc = crc<<1 ^ 0x1021
					} else {
						crc <<= 1
					}
				}
			}
			return vm.MakeInt(int64(crc)), nil
		})
		return nil
	})
}
