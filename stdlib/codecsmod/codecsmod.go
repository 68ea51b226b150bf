// Package codecsmod is the _codecs module under gilpy's codecs.py: the
// registries of codec search functions and error handlers (shared with the
// VM's str.encode and bytes.decode), the built-in error handlers as
// callables, and encode/decode entry points that also report how much
// input they consumed (for incremental decoders).
package codecsmod

import (
	"strings"

	"gilpy/lexer/ucd"
	"gilpy/vm"
)

func init() { vm.RegisterModule("_codecs", initModule) }

// text is a str argument the Python side always passes as str.
func text(v vm.Value) string {
	if s, ok := vm.AsStr(v); ok {
		return s.String()
	}
	return ""
}

func strArgs(name string, args, kw []vm.Value, lo, hi int) error {
	if err := vm.NoKeywords(name, kw); err != nil {
		return err
	}
	return vm.ArgCount(name, args, lo, hi)
}

// textArg is an optional str argument (None: the default).
func textArg(fn string, v vm.Value, n int, name, def string) (string, error) {
	if v.IsNull() || v.IsNone() {
		return def, nil
	}
	s, ok := vm.AsStr(v)
	if !ok {
		return "", vm.Errorf(vm.TypeError, "%s() argument %d must be str or None, not %s", fn, n, vm.TypeName(v))
	}
	return s.String(), nil
}

func initModule(th *vm.Thread, m *vm.Module) error {
	m.AddFunc("register", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := strArgs("register", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		if !vm.Callable(args[0]) {
			return vm.Null, vm.Errorf(vm.TypeError, "argument must be callable")
		}
		vm.RegisterCodecSearch(args[0])
		return vm.None, nil
	})
	m.AddFunc("unregister", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := strArgs("unregister", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		vm.UnregisterCodecSearch(args[0])
		return vm.None, nil
	})
	// _search(encoding): the CodecInfo a registered search function gives,
	// or None.
	m.AddFunc("_search", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := strArgs("_search", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		s, ok := vm.AsStr(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "lookup() argument must be str, not %s", vm.TypeName(args[0]))
		}
		r, err := vm.SearchCodec(th, s.String())
		if err != nil || r.IsNull() {
			return vm.None, err
		}
		return r, nil
	})
	// _builtin(encoding): the canonical name of a codec the VM implements,
	// or None.
	m.AddFunc("_builtin", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := strArgs("_builtin", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		s, ok := vm.AsStr(args[0])
		if !ok {
			return vm.None, nil
		}
		if c := vm.CodecName(s.String()); c != "" {
			return vm.MakeStr(c), nil
		}
		return vm.None, nil
	})
	// _encode(fname, str, encoding, errors) -> (bytes, length).
	m.AddFunc("_encode", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := strArgs("_encode", args, kw, 4, 4); err != nil {
			return vm.Null, err
		}
		fn := text(args[0])
		s, ok := vm.AsStr(args[1])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "%s() argument 1 must be str, not %s", fn, vm.TypeName(args[1]))
		}
		errors, err := textArg(fn, args[3], 2, "errors", "strict")
		if err != nil {
			return vm.Null, err
		}
		b, err := vm.EncodeWith(th, s, text(args[2]), errors)
		if err != nil {
			return vm.Null, err
		}
		return vm.NewTuple(vm.NewBytes(b).Value(), vm.MakeInt(int64(s.Len()))).Value(), nil
	})
	// _decode(fname, data, encoding, errors, final) -> (str, consumed):
	// without final, an incomplete character at the end is left unread.
	m.AddFunc("_decode", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := strArgs("_decode", args, kw, 5, 5); err != nil {
			return vm.Null, err
		}
		fn := text(args[0])
		data, ok := vm.AsBytesLike(args[1])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(args[1]))
		}
		errors, err := textArg(fn, args[3], 2, "errors", "strict")
		if err != nil {
			return vm.Null, err
		}
		enc := text(args[2])
		final, err := vm.Truth(th, args[4])
		if err != nil {
			return vm.Null, err
		}
		n := len(data)
		if !final {
			n -= vm.DecodeIncomplete(vm.CodecName(enc), data)
		}
		s, err := vm.DecodeWith(th, data[:n], enc, errors)
		if err != nil {
			return vm.Null, err
		}
		return vm.NewTuple(vm.MakeStr(s), vm.MakeInt(int64(n))).Value(), nil
	})
	m.AddFunc("register_error", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := strArgs("register_error", args, kw, 2, 2); err != nil {
			return vm.Null, err
		}
		name, ok := vm.AsStr(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "register_error() argument 1 must be str, not %s", vm.TypeName(args[0]))
		}
		if !vm.Callable(args[1]) {
			return vm.Null, vm.Errorf(vm.TypeError, "handler must be callable")
		}
		vm.RegisterCodecErrorHandler(name.String(), args[1])
		return vm.None, nil
	})
	builtins := map[string]vm.Value{}
	for _, h := range []struct {
		name, fn string
	}{{"strict", "strict_errors"}, {"ignore", "ignore_errors"}, {"replace", "replace_errors"},
		{"backslashreplace", "backslashreplace_errors"}, {"xmlcharrefreplace", "xmlcharrefreplace_errors"},
		{"namereplace", "namereplace_errors"}, {"surrogateescape", "surrogateescape"}, {"surrogatepass", "surrogatepass"}} {
		name := h.name
		f := vm.NewBuiltinFunction(h.fn, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := strArgs(h.fn, args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			return builtinHandler(th, name, args[0])
		})
		builtins[name] = f.Value()
		m.Set(h.fn, f.Value())
	}
	m.AddFunc("lookup_error", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := strArgs("lookup_error", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		name, ok := vm.AsStr(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "lookup_error() argument must be str, not %s", vm.TypeName(args[0]))
		}
		if h, ok := vm.LookupCodecErrorHandler(name.String()); ok {
			return h, nil
		}
		if h, ok := builtins[name.String()]; ok {
			return h, nil
		}
		return vm.Null, vm.Errorf(vm.LookupError, "unknown error handler name '%s'", name.String())
	})
	return nil
}

// builtinHandler runs a built-in error handler on a UnicodeEncodeError or
// UnicodeDecodeError, as codecs.replace_errors(exc) and friends do.
func builtinHandler(th *vm.Thread, name string, excV vm.Value) (vm.Value, error) {
	exc, ok := vm.AsExceptionValue(excV)
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "codec must pass exception instance")
	}
	if name == "strict" {
		return vm.Null, exc
	}
	attr := func(n string) vm.Value {
		v, err := vm.GetAttrString(th, excV, n)
		if err != nil {
			return vm.None
		}
		return v
	}
	startV, endV := attr("start"), attr("end")
	start, ok1 := vm.IntToInt64(startV)
	end, ok2 := vm.IntToInt64(endV)
	if !ok1 || !ok2 {
		return vm.Null, vm.Errorf(vm.TypeError, "don't know how to handle %s in error callback", vm.TypeName(excV))
	}
	result := func(s string, pos int64) (vm.Value, error) {
		return vm.NewTuple(vm.MakeStr(s), vm.MakeInt(pos)).Value(), nil
	}
	switch {
	case exc.Matches(vm.UnicodeEncodeError):
		obj, _ := vm.AsStr(attr("object"))
		if obj == nil {
			return vm.Null, vm.Errorf(vm.TypeError, "don't know how to handle UnicodeEncodeError in error callback")
		}
		rs := obj.Runes()
		start, end = max(min(start, int64(len(rs))), 0), max(min(end, int64(len(rs))), 0)
		var b strings.Builder
		for _, r := range rs[start:max(start, end)] {
			switch name {
			case "ignore":
			case "replace":
				b.WriteByte('?')
			case "backslashreplace":
				b.WriteString(escape(r))
			case "xmlcharrefreplace":
				b.WriteString("&#" + itoa(int64(r)) + ";")
			case "namereplace":
				if n, ok := ucd.Name(r); ok {
					b.WriteString(`\N{` + n + "}")
				} else {
					b.WriteString(escape(r))
				}
			case "surrogateescape", "surrogatepass":
				out := make([]byte, 0, end-start)
				for _, r := range rs[start:end] {
					switch {
					case name == "surrogateescape" && r >= 0xDC80 && r <= 0xDCFF:
						out = append(out, byte(r-0xDC00))
					case name == "surrogatepass" && r >= 0xD800 && r <= 0xDFFF:
						out = vm.AppendRune(out, r)
					default:
						return vm.Null, exc
					}
				}
				return vm.NewTuple(vm.NewBytes(out).Value(), vm.MakeInt(end)).Value(), nil
			}
		}
		return result(b.String(), end)
	case exc.Matches(vm.UnicodeDecodeError):
		data, _ := vm.AsBytesLike(attr("object"))
		start, end = max(min(start, int64(len(data))), 0), max(min(end, int64(len(data))), 0)
		switch name {
		case "ignore":
			return result("", end)
		case "replace":
			return result("\uFFFD", end)
		case "backslashreplace":
			var b strings.Builder
			for _, c := range data[start:max(start, end)] {
				b.WriteString(escape(rune(c)))
			}
			return result(b.String(), end)
		case "surrogateescape":
			var out []byte
			n := start
			for ; n < end && n < start+4 && data[n] >= 0x80; n++ {
				out = vm.AppendRune(out, 0xDC00|rune(data[n]))
			}
			if n == start {
				return vm.Null, exc
			}
			return vm.NewTuple(vm.MakeStr(string(out)), vm.MakeInt(n)).Value(), nil
		case "surrogatepass":
			if p := data[start:]; len(p) >= 3 && p[0] == 0xED && p[1] >= 0xA0 && p[1] <= 0xBF && p[2]&0xC0 == 0x80 {
				r := 0xD000 | rune(p[1]&0x3F)<<6 | rune(p[2]&0x3F)
				return vm.NewTuple(vm.StrFromRune(r), vm.MakeInt(start+3)).Value(), nil
			}
			return vm.Null, exc
		}
	}
	return vm.Null, vm.Errorf(vm.TypeError, "don't know how to handle %s in error callback", vm.TypeName(excV))
}

func escape(r rune) string {
	const hex = "0123456789abcdef"
	digits := 8
	prefix := `\U`
	switch {
	case r < 0x100:
		digits, prefix = 2, `\x`
	case r < 0x10000:
		digits, prefix = 4, `\u`
	}
	b := []byte(prefix)
	for i := digits - 1; i >= 0; i-- {
		b = append(b, hex[(r>>(4*i))&15])
	}
	return string(b)
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
