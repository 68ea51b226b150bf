// Package json is the _json accelerator module behind json/ (in
// stdlib/pylib/lib/json): the whole encoder and decoder in Go, following
// CPython's output format (separators, indentation, float repr, escapes)
// and its error messages. The Python layer keeps json's classes
// (JSONEncoder with an overridable default(), JSONDecoder, hooks).
package json

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"gilpy/vm"
)

type encoder struct {
	th          *vm.Thread
	indent      string
	hasIndent   bool
	itemSep     string
	keySep      string
	sortKeys    bool
	skipKeys    bool
	ensureASCII bool
	checkCirc   bool
	allowNaN    bool
	defaultFn   vm.Value
	markers     map[uint64]bool
	b           strings.Builder
}

func (e *encoder) writeString(s string) {
	b := &e.b
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20:
				b.WriteString(`\u00`)
				b.WriteString(hex2(byte(r)))
			case r >= 0x7f && e.ensureASCII:
				if r > 0xffff {
					r1, r2 := utf16.EncodeRune(r)
					b.WriteString(`\u` + hex4(r1) + `\u` + hex4(r2))
				} else {
					b.WriteString(`\u` + hex4(r))
				}
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

const hexdigits = "0123456789abcdef"

func hex2(c byte) string { return string([]byte{hexdigits[c>>4], hexdigits[c&15]}) }
func hex4(r rune) string {
	return string([]byte{hexdigits[(r>>12)&15], hexdigits[(r>>8)&15], hexdigits[(r>>4)&15], hexdigits[r&15]})
}

func (e *encoder) floatString(f float64) (string, error) {
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		if !e.allowNaN {
			return "", vm.Errorf(vm.ValueError, "Out of range float values are not JSON compliant")
		}
		if math.IsNaN(f) {
			return "NaN", nil
		}
		if f > 0 {
			return "Infinity", nil
		}
		return "-Infinity", nil
	}
	return vm.FormatFloatRepr(f), nil
}

func (e *encoder) newline(level int) {
	if !e.hasIndent {
		return
	}
	e.b.WriteByte('\n')
	for i := 0; i < level; i++ {
		e.b.WriteString(e.indent)
	}
}

// intString is int.__repr__ (subclasses and bools as plain ints).
func intString(th *vm.Thread, v vm.Value) (string, error) {
	if n, ok := vm.IntToInt64(v); ok {
		return strconv.FormatInt(n, 10), nil
	}
	s, err := vm.Repr(th, vm.MakeBigInt(vm.ToBig(v)))
	if err != nil {
		return "", err
	}
	return s.String(), nil
}

func (e *encoder) enterMarker(v vm.Value) (func(), error) {
	if !e.checkCirc {
		return func() {}, nil
	}
	id := vm.ID(v)
	if e.markers[id] {
		return nil, vm.Errorf(vm.ValueError, "Circular reference detected")
	}
	e.markers[id] = true
	return func() { delete(e.markers, id) }, nil
}

func (e *encoder) encode(v vm.Value, level int) error {
	th := e.th
	switch {
	case v.IsNone():
		e.b.WriteString("null")
		return nil
	case v.IsBool():
		if v.IsTrue() {
			e.b.WriteString("true")
		} else {
			e.b.WriteString("false")
		}
		return nil
	}
	if s, ok := vm.AsStr(v); ok {
		e.writeString(s.String())
		return nil
	}
	if vm.IsInt(v) {
		s, err := intString(th, v)
		if err != nil {
			return err
		}
		e.b.WriteString(s)
		return nil
	}
	if f, ok := vm.FloatValue(v); ok {
		s, err := e.floatString(f)
		if err != nil {
			return err
		}
		e.b.WriteString(s)
		return nil
	}
	if items, ok := seqItems(v); ok {
		if len(items) == 0 {
			e.b.WriteString("[]")
			return nil
		}
		leave, err := e.enterMarker(v)
		if err != nil {
			return err
		}
		e.b.WriteByte('[')
		e.newline(level + 1)
		for i, x := range items {
			if i > 0 {
				e.b.WriteString(e.itemSep)
				e.newline(level + 1)
			}
			if err := e.encode(x, level+1); err != nil {
				return err
			}
		}
		e.newline(level)
		e.b.WriteByte(']')
		leave()
		return nil
	}
	if d, ok := vm.AsDict(v); ok {
		return e.encodeDict(d, v, level)
	}
	if e.defaultFn.IsNull() || e.defaultFn.IsNone() {
		return vm.Errorf(vm.TypeError, "Object of type %s is not JSON serializable", vm.TypeName(v))
	}
	leave, err := e.enterMarker(v)
	if err != nil {
		return err
	}
	r, err := vm.Call(th, e.defaultFn, []vm.Value{v}, nil)
	if err != nil {
		return err
	}
	if err := e.encode(r, level); err != nil {
		return err
	}
	leave()
	return nil
}

func seqItems(v vm.Value) ([]vm.Value, bool) {
	if l, ok := vm.AsList(v); ok {
		return append([]vm.Value(nil), l.Items()...), true
	}
	if t, ok := vm.AsTuple(v); ok {
		return t.Items(), true
	}
	return nil, false
}

func (e *encoder) keyString(k vm.Value) (string, bool, error) {
	switch {
	case k.IsNone():
		return "null", true, nil
	case k.IsBool():
		if k.IsTrue() {
			return "true", true, nil
		}
		return "false", true, nil
	}
	if s, ok := vm.AsStr(k); ok {
		return s.String(), true, nil
	}
	if vm.IsInt(k) {
		s, err := intString(e.th, k)
		return s, true, err
	}
	if f, ok := vm.FloatValue(k); ok {
		s, err := e.floatString(f)
		return s, true, err
	}
	if e.skipKeys {
		return "", false, nil
	}
	return "", false, vm.Errorf(vm.TypeError, "keys must be str, int, float, bool or None, not %s", vm.TypeName(k))
}

func (e *encoder) encodeDict(d *vm.Dict, v vm.Value, level int) error {
	if d.Len() == 0 {
		e.b.WriteString("{}")
		return nil
	}
	leave, err := e.enterMarker(v)
	if err != nil {
		return err
	}
	keys, vals := d.Items()
	if e.sortKeys {
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		var cmpErr error
		sort.SliceStable(idx, func(a, b int) bool {
			if cmpErr != nil {
				return false
			}
			lt, err := vm.RichCompareBool(e.th, keys[idx[a]], keys[idx[b]], vm.CmpLT)
			if err != nil {
				cmpErr = err
			}
			return lt
		})
		if cmpErr != nil {
			return cmpErr
		}
		k2, v2 := make([]vm.Value, len(keys)), make([]vm.Value, len(keys))
		for i, j := range idx {
			k2[i], v2[i] = keys[j], vals[j]
		}
		keys, vals = k2, v2
	}
	e.b.WriteByte('{')
	e.newline(level + 1)
	first := true
	for i, k := range keys {
		ks, ok, err := e.keyString(k)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if !first {
			e.b.WriteString(e.itemSep)
			e.newline(level + 1)
		}
		first = false
		e.writeString(ks)
		e.b.WriteString(e.keySep)
		if err := e.encode(vals[i], level+1); err != nil {
			return err
		}
	}
	e.newline(level)
	e.b.WriteByte('}')
	leave()
	return nil
}

func truth(th *vm.Thread, v vm.Value) bool {
	t, _ := vm.Truth(th, v)
	return t
}

// encode(obj, indent, item_separator, key_separator, sort_keys,
// skipkeys, ensure_ascii, check_circular, allow_nan, default)
func encodeFn(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.ArgCount("encode", args, 10, 10); err != nil {
		return vm.Null, err
	}
	e := &encoder{th: th, markers: map[uint64]bool{}}
	if !args[1].IsNone() {
		e.hasIndent = true
		if s, ok := vm.AsStr(args[1]); ok {
			e.indent = s.String()
		} else {
			n, err := vm.AsIndex(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			e.indent = strings.Repeat(" ", max(n, 0))
		}
	}
	is, _ := vm.AsStr(args[2])
	ks, _ := vm.AsStr(args[3])
	if is == nil || ks == nil {
		return vm.Null, vm.Errorf(vm.TypeError, "separators must be strings")
	}
	e.itemSep, e.keySep = is.String(), ks.String()
	e.sortKeys = truth(th, args[4])
	e.skipKeys = truth(th, args[5])
	e.ensureASCII = truth(th, args[6])
	e.checkCirc = truth(th, args[7])
	e.allowNaN = truth(th, args[8])
	e.defaultFn = args[9]
	if err := e.encode(args[0], 0); err != nil {
		return vm.Null, err
	}
	return vm.MakeStr(e.b.String()), nil
}

// encodeBasestring is json.encoder.encode_basestring(_ascii).
func encodeBasestring(ascii bool) vm.BuiltinFn {
	return func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "expected one argument")
		}
		s, ok := vm.AsStr(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "first argument must be a string, not %s", vm.TypeName(args[0]))
		}
		e := &encoder{ensureASCII: ascii}
		e.writeString(s.String())
		return vm.MakeStr(e.b.String()), nil
	}
}

func init() {
	vm.RegisterModule("_json", func(th *vm.Thread, m *vm.Module) error {
		m.AddFunc("encode", encodeFn)
		m.AddFunc("decode", decodeFn)
		m.AddFunc("encode_basestring_ascii", encodeBasestring(true))
		m.AddFunc("encode_basestring", encodeBasestring(false))
		return nil
	})
}
