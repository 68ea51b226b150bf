package vm

// This file is the Python side of the codec machinery: error handlers
// registered with codecs.register_error (called when an encoder or a
// decoder meets an error handler name it does not know) and codec search
// functions registered with codecs.register (asked for encodings gilpy
// does not implement itself).

import (
	"strings"
	"sync"
)

// errHandler is an error handler name and the thread that may call a
// Python handler registered under it.
type errHandler struct {
	name string
	th   *Thread
}

var codecRegistry struct {
	sync.Mutex
	handlers map[string]Value
	search   []Value
}

// RegisterCodecErrorHandler is codecs.register_error.
func RegisterCodecErrorHandler(name string, h Value) {
	codecRegistry.Lock()
	defer codecRegistry.Unlock()
	if codecRegistry.handlers == nil {
		codecRegistry.handlers = map[string]Value{}
	}
	codecRegistry.handlers[name] = h
}

// LookupCodecErrorHandler returns a handler registered by
// codecs.register_error (not the built-in ones).
func LookupCodecErrorHandler(name string) (Value, bool) {
	codecRegistry.Lock()
	defer codecRegistry.Unlock()
	h, ok := codecRegistry.handlers[name]
	return h, ok
}

// RegisterCodecSearch is codecs.register.
func RegisterCodecSearch(f Value) {
	codecRegistry.Lock()
	defer codecRegistry.Unlock()
	codecRegistry.search = append(codecRegistry.search, f)
}

// UnregisterCodecSearch is codecs.unregister.
func UnregisterCodecSearch(f Value) {
	codecRegistry.Lock()
	defer codecRegistry.Unlock()
	for i, g := range codecRegistry.search {
		if g.Is(f) {
			codecRegistry.search = append(codecRegistry.search[:i:i], codecRegistry.search[i+1:]...)
			return
		}
	}
}

// SearchCodec asks the registered search functions for an encoding (its
// name lowercased, spaces made '_'), returning their CodecInfo or Null.
func SearchCodec(th *Thread, encoding string) (Value, error) {
	codecRegistry.Lock()
	funcs := append([]Value(nil), codecRegistry.search...)
	codecRegistry.Unlock()
	key := MakeStr(strings.ReplaceAll(strings.ToLower(encoding), " ", "_"))
	for _, f := range funcs {
		r, err := Call(th, f, []Value{key}, nil)
		if err != nil {
			return Null, err
		}
		if r.IsNone() {
			continue
		}
		if t, ok := AsTuple(r); !ok || t.Len() != 4 {
			return Null, Errorf(TypeError, "codec search functions must return 4-tuples")
		}
		return r, nil
	}
	return Null, nil
}

// nonTextCodecs are the bytes-to-bytes and str-to-str codecs, which
// str.encode and bytes.decode refuse by name.
func isNonTextCodec(enc string) bool {
	switch strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(enc)), "-", "_"), " ", "_") {
	case "rot13", "rot_13", "hex", "hex_codec", "base64", "base_64", "base64_codec", "zlib", "zip", "zlib_codec",
		"bz2", "bz2_codec", "quopri", "quotedprintable", "quoted_printable", "quopri_codec", "uu", "uu_codec":
		return true
	}
	return false
}

// codecFromSearch runs an encoding that only a registered search function
// knows: which is index 0 (encode) or 1 (decode) of its CodecInfo.
func codecFromSearch(th *Thread, encoding string, which int, input Value, errors string) (Value, bool, error) {
	if th == nil {
		return Null, false, nil
	}
	info, err := SearchCodec(th, encoding)
	if err != nil || info.IsNull() {
		return Null, false, err
	}
	verb := "encode"
	if which == 1 {
		verb = "decode"
	}
	if t, err := LookupAttr(th, info, "_is_text_encoding"); err == nil && !t.IsNull() {
		if ok, _ := Truth(th, t); !ok {
			return Null, true, Errorf(LookupError, "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs", encoding, verb)
		}
	}
	fn := tupleLayout.Must(info).items[which]
	r, err := Call(th, fn, []Value{input, MakeStr(errors)}, nil)
	if err != nil {
		return Null, true, err
	}
	t, ok := AsTuple(r)
	if !ok || t.Len() != 2 {
		return Null, true, Errorf(TypeError, "%s must return a tuple (object, integer)", map[int]string{0: "encoder", 1: "decoder"}[which])
	}
	return t.items[0], true, nil
}

// custom calls a registered encode error handler for rs[start:end]: it
// returns a replacement (str, encoded here, or bytes) and the position to
// resume at.
func (h errHandler) custom(s *Str, rs []rune, start, end int, out []byte, ce *charEncoder) ([]byte, int, error) {
	fn, ok := LookupCodecErrorHandler(h.name)
	if !ok || h.th == nil {
		return nil, 0, unknownHandler(h.name)
	}
	exc := encodeError(ce.name, s, start, end, ce.reason)
	r, err := Call(h.th, fn, []Value{AsException(exc).Value()}, nil)
	if err != nil {
		return nil, 0, err
	}
	t, ok := AsTuple(r)
	if !ok || t.Len() != 2 || !isIntLike(t.items[1]) {
		return nil, 0, Errorf(TypeError, "encoding error handler must return (str/bytes, int) tuple")
	}
	if rep, ok := AsStr(t.items[0]); ok {
		for _, c := range rep.Runes() {
			var done bool
			if out, done = ce.enc(out, c); !done {
				return nil, 0, exc
			}
		}
	} else if rep, ok := AsBytes(t.items[0]); ok {
		out = append(out, rep.b...)
	} else {
		return nil, 0, Errorf(TypeError, "encoding error handler must return (str/bytes, int) tuple")
	}
	pos, err := handlerPos(t.items[1], len(rs))
	return out, pos, err
}

// customDecode calls a registered decode error handler for b[start:end].
func (h errHandler) customDecode(out *strings.Builder, b []byte, start, end int, codec, reason string) (int, error) {
	fn, ok := LookupCodecErrorHandler(h.name)
	if !ok || h.th == nil {
		return 0, unknownHandler(h.name)
	}
	exc := decodeError(codec, b, start, end, reason)
	r, err := Call(h.th, fn, []Value{AsException(exc).Value()}, nil)
	if err != nil {
		return 0, err
	}
	t, ok := AsTuple(r)
	if !ok || t.Len() != 2 || !isIntLike(t.items[1]) {
		return 0, Errorf(TypeError, "decoding error handler must return (str, int) tuple")
	}
	rep, ok := AsStr(t.items[0])
	if !ok {
		return 0, Errorf(TypeError, "decoding error handler must return (str, int) tuple")
	}
	out.WriteString(rep.s)
	return handlerPos(t.items[1], len(b))
}

// handlerPos is the resume position an error handler returned (negative:
// from the end).
func handlerPos(v Value, n int) (int, error) {
	p, ok := intToInt64(v)
	if ok && p < 0 {
		p += int64(n)
	}
	if !ok || p < 0 || p > int64(n) {
		return 0, Errorf(IndexError, "position %s from error handler out of bounds", intReprForError(v))
	}
	return int(p), nil
}

func intReprForError(v Value) string {
	s, err := intString(v)
	if err != nil {
		return "?"
	}
	return s
}

// EncodeWith is str.encode for other packages: encoding and error handler
// names, Python-registered handlers and codecs included.
func EncodeWith(th *Thread, s *Str, encoding, errors string) ([]byte, error) {
	return encodeWith(th, s, encoding, errors)
}

// DecodeWith is bytes.decode for other packages.
func DecodeWith(th *Thread, b []byte, encoding, errors string) (string, error) {
	return decodeWith(th, b, encoding, errors)
}

// CodecName is the canonical name of an encoding gilpy implements
// ("utf-8", "latin-1", "utf-16-le", ...), or "" when it has no such codec.
func CodecName(encoding string) string { return codecName(encoding) }

// DecodeIncomplete is how many bytes at the end of b begin a character
// that more input could complete (0..3), for incremental decoders of the
// given codec (as CodecName names it).
func DecodeIncomplete(codec string, b []byte) int {
	n := len(b)
	switch codec {
	case "utf-8", "utf-8-sig":
		for k := 1; k <= 3 && k <= n; k++ {
			c := b[n-k]
			if c&0xC0 == 0x80 {
				continue // a continuation byte: look further back
			}
			need := 0
			switch {
			case c >= 0xC2 && c < 0xE0:
				need = 2
			case c >= 0xE0 && c < 0xF0:
				need = 3
			case c >= 0xF0 && c < 0xF5:
				need = 4
			}
			if need > k {
				// Only a prefix that could still become valid waits.
				if _, end, reason := utf8Error(b[n-k:], 0); reason == "unexpected end of data" && end == k {
					return k
				}
			}
			return 0
		}
	case "utf-16", "utf-16-le", "utf-16-be":
		k := n % 2
		if n-k >= 2 {
			var u uint16
			if codec == "utf-16-be" {
				u = uint16(b[n-k-2])<<8 | uint16(b[n-k-1])
			} else {
				u = uint16(b[n-k-1])<<8 | uint16(b[n-k-2])
			}
			if u >= 0xD800 && u < 0xDC00 {
				k += 2
			}
		}
		return k
	case "utf-32", "utf-32-le", "utf-32-be":
		return n % 4
	case "unicode_escape", "raw_unicode_escape":
		// A backslash at the very end waits for what it escapes.
		if n > 0 && b[n-1] == '\\' {
			return 1
		}
	}
	return 0
}
