package json

// The JSON decoder: a recursive-descent parser over code points with
// CPython's error messages and positions (character indices).

import (
	"strconv"
	"strings"
	"unicode/utf16"

	"gilpy/vm"
)

type decoder struct {
	th            *vm.Thread
	s             []rune
	doc           vm.Value
	objectHook    vm.Value
	pairsHook     vm.Value
	parseFloat    vm.Value
	parseInt      vm.Value
	parseConstant vm.Value
	strict        bool
	errType       vm.Value
	memo          map[string]vm.Value
}

func (d *decoder) fail(msg string, pos int) error {
	exc, err := vm.Call(d.th, d.errType, []vm.Value{vm.MakeStr(msg), d.doc, vm.MakeInt(int64(pos))}, nil)
	if err != nil {
		return err
	}
	e, _ := vm.AsExceptionValue(exc)
	return e
}

func isWS(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

func (d *decoder) skipWS(i int) int {
	for i < len(d.s) && isWS(d.s[i]) {
		i++
	}
	return i
}

func (d *decoder) hasPrefix(i int, p string) bool {
	if i+len(p) > len(d.s) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if d.s[i+k] != rune(p[k]) {
			return false
		}
	}
	return true
}

func (d *decoder) value(i int) (vm.Value, int, error) {
	if i >= len(d.s) {
		return vm.Null, i, d.fail("Expecting value", i)
	}
	switch c := d.s[i]; {
	case c == '"':
		s, end, err := d.str(i + 1)
		return s, end, err
	case c == '{':
		return d.object(i + 1)
	case c == '[':
		return d.array(i + 1)
	case c == 'n' && d.hasPrefix(i, "null"):
		return vm.None, i + 4, nil
	case c == 't' && d.hasPrefix(i, "true"):
		return vm.True, i + 4, nil
	case c == 'f' && d.hasPrefix(i, "false"):
		return vm.False, i + 5, nil
	case c == 'N' && d.hasPrefix(i, "NaN"):
		v, err := d.constant("NaN")
		return v, i + 3, err
	case c == 'I' && d.hasPrefix(i, "Infinity"):
		v, err := d.constant("Infinity")
		return v, i + 8, err
	case c == '-' && d.hasPrefix(i, "-Infinity"):
		v, err := d.constant("-Infinity")
		return v, i + 9, err
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number(i)
	}
	return vm.Null, i, d.fail("Expecting value", i)
}

func (d *decoder) constant(name string) (vm.Value, error) {
	if d.parseConstant.IsNone() || d.parseConstant.IsNull() {
		f, _ := strconv.ParseFloat(strings.Replace(name, "Infinity", "Inf", 1), 64)
		return vm.MakeFloat(f), nil
	}
	return vm.Call(d.th, d.parseConstant, []vm.Value{vm.MakeStr(name)}, nil)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func (d *decoder) number(i int) (vm.Value, int, error) {
	start := i
	if d.s[i] == '-' {
		i++
	}
	if i >= len(d.s) || !isDigit(d.s[i]) {
		return vm.Null, start, d.fail("Expecting value", start)
	}
	if d.s[i] == '0' {
		i++
	} else {
		for i < len(d.s) && isDigit(d.s[i]) {
			i++
		}
	}
	isFloat := false
	if i+1 < len(d.s) && d.s[i] == '.' && isDigit(d.s[i+1]) {
		isFloat = true
		i++
		for i < len(d.s) && isDigit(d.s[i]) {
			i++
		}
	}
	if i < len(d.s) && (d.s[i] == 'e' || d.s[i] == 'E') {
		j := i + 1
		if j < len(d.s) && (d.s[j] == '+' || d.s[j] == '-') {
			j++
		}
		if j < len(d.s) && isDigit(d.s[j]) {
			for j < len(d.s) && isDigit(d.s[j]) {
				j++
			}
			isFloat = true
			i = j
		}
	}
	text := string(d.s[start:i])
	if isFloat {
		if !d.parseFloat.IsNone() && !d.parseFloat.IsNull() {
			v, err := vm.Call(d.th, d.parseFloat, []vm.Value{vm.MakeStr(text)}, nil)
			return v, i, err
		}
		f, err := vm.ParseFloat(text)
		if err != nil {
			return vm.Null, i, err
		}
		return vm.MakeFloat(f), i, nil
	}
	if !d.parseInt.IsNone() && !d.parseInt.IsNull() {
		v, err := vm.Call(d.th, d.parseInt, []vm.Value{vm.MakeStr(text)}, nil)
		return v, i, err
	}
	v, err := vm.ParseInt(text, 10)
	return v, i, err
}

// str parses a string whose opening quote is just before i.
func (d *decoder) str(i int) (vm.Value, int, error) {
	begin := i - 1
	var b strings.Builder
	for {
		if i >= len(d.s) {
			return vm.Null, i, d.fail("Unterminated string starting at", begin)
		}
		c := d.s[i]
		switch {
		case c == '"':
			return vm.MakeStr(b.String()), i + 1, nil
		case c == '\\':
			i++
			if i >= len(d.s) {
				return vm.Null, i, d.fail("Unterminated string starting at", begin)
			}
			e := d.s[i]
			switch e {
			case '"', '\\', '/':
				b.WriteRune(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, ok := d.hex4(i + 1)
				if !ok {
					return vm.Null, i, d.fail("Invalid \\uXXXX escape", i-1)
				}
				i += 4
				if r >= 0xd800 && r <= 0xdbff && i+2 < len(d.s) && d.s[i+1] == '\\' && d.s[i+2] == 'u' {
					if r2, ok := d.hex4(i + 3); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
						r = utf16.DecodeRune(r, r2)
						i += 6
					}
				}
				b.WriteRune(r)
			default:
				return vm.Null, i, d.fail("Invalid \\escape", i-1)
			}
			i++
		case c < 0x20 && d.strict:
			return vm.Null, i, d.fail("Invalid control character at", i)
		default:
			b.WriteRune(c)
			i++
		}
	}
}

func (d *decoder) hex4(i int) (rune, bool) {
	if i+4 > len(d.s) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(d.s[i:i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}

func (d *decoder) object(i int) (vm.Value, int, error) {
	var keys, vals []vm.Value
	i = d.skipWS(i)
	if i < len(d.s) && d.s[i] == '}' {
		return d.finishObject(keys, vals, i+1)
	}
	for {
		if i >= len(d.s) || d.s[i] != '"' {
			return vm.Null, i, d.fail("Expecting property name enclosed in double quotes", i)
		}
		k, end, err := d.str(i + 1)
		if err != nil {
			return vm.Null, end, err
		}
		ks, _ := vm.AsStr(k)
		if m, ok := d.memo[ks.String()]; ok {
			k = m
		} else {
			d.memo[ks.String()] = k
		}
		i = d.skipWS(end)
		if i >= len(d.s) || d.s[i] != ':' {
			return vm.Null, i, d.fail("Expecting ':' delimiter", i)
		}
		i = d.skipWS(i + 1)
		v, end, err := d.value(i)
		if err != nil {
			return vm.Null, end, err
		}
		keys = append(keys, k)
		vals = append(vals, v)
		i = d.skipWS(end)
		if i < len(d.s) && d.s[i] == '}' {
			return d.finishObject(keys, vals, i+1)
		}
		if i >= len(d.s) || d.s[i] != ',' {
			return vm.Null, i, d.fail("Expecting ',' delimiter", i)
		}
		i = d.skipWS(i + 1)
	}
}

func (d *decoder) finishObject(keys, vals []vm.Value, end int) (vm.Value, int, error) {
	if !d.pairsHook.IsNone() && !d.pairsHook.IsNull() {
		pairs := make([]vm.Value, len(keys))
		for i := range keys {
			pairs[i] = vm.NewTuple(keys[i], vals[i]).Value()
		}
		v, err := vm.Call(d.th, d.pairsHook, []vm.Value{vm.NewList(pairs).Value()}, nil)
		return v, end, err
	}
	dict := vm.NewDict()
	for i := range keys {
		if err := dict.Set(d.th, keys[i], vals[i]); err != nil {
			return vm.Null, end, err
		}
	}
	if !d.objectHook.IsNone() && !d.objectHook.IsNull() {
		v, err := vm.Call(d.th, d.objectHook, []vm.Value{dict.Value()}, nil)
		return v, end, err
	}
	return dict.Value(), end, nil
}

func (d *decoder) array(i int) (vm.Value, int, error) {
	var items []vm.Value
	i = d.skipWS(i)
	if i < len(d.s) && d.s[i] == ']' {
		return vm.NewList(items).Value(), i + 1, nil
	}
	for {
		v, end, err := d.value(i)
		if err != nil {
			return vm.Null, end, err
		}
		items = append(items, v)
		i = d.skipWS(end)
		if i < len(d.s) && d.s[i] == ']' {
			return vm.NewList(items).Value(), i + 1, nil
		}
		if i >= len(d.s) || d.s[i] != ',' {
			return vm.Null, i, d.fail("Expecting ',' delimiter", i)
		}
		i = d.skipWS(i + 1)
	}
}

// decode(s, idx, object_hook, object_pairs_hook, parse_float, parse_int,
// parse_constant, strict, error_type) -> (value, end)
func decodeFn(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.ArgCount("decode", args, 9, 9); err != nil {
		return vm.Null, err
	}
	s, ok := vm.AsStr(args[0])
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "first argument must be a string, not %s", vm.TypeName(args[0]))
	}
	idx, err := vm.AsIndex(th, args[1])
	if err != nil {
		return vm.Null, err
	}
	d := &decoder{
		th: th, s: s.Runes(), doc: args[0], objectHook: args[2], pairsHook: args[3],
		parseFloat: args[4], parseInt: args[5], parseConstant: args[6],
		strict: truth(th, args[7]), errType: args[8], memo: map[string]vm.Value{},
	}
	if idx < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "idx cannot be negative")
	}
	v, end, err := d.value(idx)
	if err != nil {
		return vm.Null, err
	}
	return vm.NewTuple(v, vm.MakeInt(int64(end))).Value(), nil
}
