package vm

// This file holds the codecs behind str.encode, bytes.decode and str(b,
// encoding): utf-8 (and utf-8-sig), ascii, latin-1, utf-16 and utf-32
// (little- and big-endian, and with a byte order mark), cp1252, and the
// escape codecs, with the error handlers strict, ignore, replace,
// backslashreplace, xmlcharrefreplace, namereplace, surrogateescape and
// surrogatepass. Errors are CPython's UnicodeEncodeError and
// UnicodeDecodeError, with the same positions: an encoder reports the run
// of consecutive characters it cannot encode, a decoder the bytes of one
// malformed sequence.

import (
	"encoding/binary"
	"strconv"
	"strings"
	"unicode/utf8"

	"gilpy/lexer/ucd"
)

// codecName normalizes an encoding name as Python's codec registry does
// (case-insensitive, runs of punctuation and spaces are one '_') and maps
// the aliases of the codecs gilpy has to one canonical name.
func codecName(enc string) string {
	var b strings.Builder
	punct := false
	for _, r := range strings.TrimSpace(enc) {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.') {
			if punct && b.Len() > 0 {
				b.WriteByte('_')
			}
			punct = false
			b.WriteRune(r)
		} else if r >= 'A' && r <= 'Z' {
			if punct && b.Len() > 0 {
				b.WriteByte('_')
			}
			punct = false
			b.WriteRune(r + 'a' - 'A')
		} else {
			punct = true
		}
	}
	switch e := b.String(); e {
	case "utf8", "utf_8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4":
		return "utf-8"
	case "utf_8_sig", "utf8_sig":
		return "utf-8-sig"
	case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100", "csisolatin1", "iso_8859_1_1987":
		return "latin-1"
	case "ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "ansi_x3_4_1968", "iso646_us", "cp367", "csascii", "ibm367", "iso_ir_6":
		return "ascii"
	case "utf_16", "utf16", "u16":
		return "utf-16"
	case "utf_16_le", "utf_16le", "utf16le", "unicodelittleunmarked":
		return "utf-16-le"
	case "utf_16_be", "utf_16be", "utf16be", "unicodebigunmarked":
		return "utf-16-be"
	case "utf_32", "utf32", "u32":
		return "utf-32"
	case "utf_32_le", "utf_32le", "utf32le":
		return "utf-32-le"
	case "utf_32_be", "utf_32be", "utf32be":
		return "utf-32-be"
	case "cp1252", "windows_1252", "1252":
		return "cp1252"
	case "unicode_escape":
		return "unicode_escape"
	case "raw_unicode_escape":
		return "raw_unicode_escape"
	default:
		return ""
	}
}

// knownErrorHandler reports the error handlers gilpy implements.
func knownErrorHandler(h string) bool {
	switch h {
	case "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass":
		return true
	}
	return false
}

func unknownHandler(h string) error {
	return Errorf(LookupError, "unknown error handler name '%s'", h)
}

func newUnicodeError(t *Type, args ...Value) *Exception {
	e := NewException(t, args...)
	_ = unicodeErrorInit(nil, e.Value(), e.args.items, nil)
	return e
}

func encodeError(codec string, s *Str, start, end int, reason string) error {
	return newUnicodeError(UnicodeEncodeError, MakeStr(codec), s.Value(), MakeInt(int64(start)), MakeInt(int64(end)), MakeStr(reason))
}

func decodeError(codec string, b []byte, start, end int, reason string) error {
	return newUnicodeError(UnicodeDecodeError, MakeStr(codec), NewBytes(append([]byte(nil), b...)).Value(), MakeInt(int64(start)), MakeInt(int64(end)), MakeStr(reason))
}

// Encode encodes s with a codec name and error handler.
func Encode(s *Str, encoding, errors string) ([]byte, error) {
	return encodeWith(nil, s, encoding, errors)
}

// Decode decodes b with a codec name and error handler.
func Decode(b []byte, encoding, errors string) (string, error) {
	return decodeWith(nil, b, encoding, errors)
}

// ---------------------------------------------------------------- encode

// charEncoder encodes one code point, reporting false when the codec
// cannot.
type charEncoder struct {
	name      string // the codec's name in errors
	reason    string
	extendRun bool // an error covers the whole run of unencodable characters
	enc       func(out []byte, r rune) ([]byte, bool)
	// pass encodes a surrogate for surrogatepass (nil: not allowed).
	pass func(out []byte, r rune) []byte
}

func encodeWith(th *Thread, s *Str, encoding, errName string) ([]byte, error) {
	errors := errHandler{errName, th}
	switch codecName(encoding) {
	case "utf-8":
		return encodeUTF8(s, errors, nil)
	case "utf-8-sig":
		return encodeUTF8(s, errors, []byte{0xEF, 0xBB, 0xBF})
	case "ascii":
		return encodeChars(s, errors, nil, rangeEncoder("ascii", 128))
	case "latin-1":
		return encodeChars(s, errors, nil, rangeEncoder("latin-1", 256))
	case "cp1252":
		return encodeChars(s, errors, nil, &charEncoder{name: "charmap", reason: "character maps to <undefined>", extendRun: true,
			enc: func(out []byte, r rune) ([]byte, bool) {
				if c, ok := cp1252Encode(r); ok {
					return append(out, c), true
				}
				return out, false
			}})
	case "utf-16":
		return encodeChars(s, errors, []byte{0xFF, 0xFE}, utf16Encoder("utf-16", false))
	case "utf-16-le":
		return encodeChars(s, errors, nil, utf16Encoder("utf-16-le", false))
	case "utf-16-be":
		return encodeChars(s, errors, nil, utf16Encoder("utf-16-be", true))
	case "utf-32":
		return encodeChars(s, errors, []byte{0xFF, 0xFE, 0, 0}, utf32Encoder("utf-32", false))
	case "utf-32-le":
		return encodeChars(s, errors, nil, utf32Encoder("utf-32-le", false))
	case "utf-32-be":
		return encodeChars(s, errors, nil, utf32Encoder("utf-32-be", true))
	case "unicode_escape":
		return []byte(unicodeEscape(s.s, false)), nil
	case "raw_unicode_escape":
		return []byte(unicodeEscape(s.s, true)), nil
	}
	if isNonTextCodec(encoding) {
		return nil, Errorf(LookupError, "'%s' is not a text encoding; use codecs.encode() to handle arbitrary codecs", encoding)
	}
	if r, ok, err := codecFromSearch(th, encoding, 0, s.Value(), errName); ok || err != nil {
		if err != nil {
			return nil, err
		}
		b, isBytes := AsBytes(r)
		if !isBytes || b.mutable() {
			return nil, Errorf(TypeError, "'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types", encoding, TypeName(r))
		}
		return b.b, nil
	}
	return nil, Errorf(LookupError, "unknown encoding: %s", encoding)
}

func rangeEncoder(name string, limit rune) *charEncoder {
	return &charEncoder{name: name, reason: "ordinal not in range(" + strconv.Itoa(int(limit)) + ")", extendRun: true,
		enc: func(out []byte, r rune) ([]byte, bool) {
			if r < limit {
				return append(out, byte(r)), true
			}
			return out, false
		}}
}

func isSurrogate(r rune) bool { return r >= 0xD800 && r <= 0xDFFF }

func utf16Encoder(name string, big bool) *charEncoder {
	unit := func(out []byte, u uint16) []byte {
		if big {
			return binary.BigEndian.AppendUint16(out, u)
		}
		return binary.LittleEndian.AppendUint16(out, u)
	}
	return &charEncoder{name: name, reason: "surrogates not allowed",
		enc: func(out []byte, r rune) ([]byte, bool) {
			switch {
			case isSurrogate(r):
				return out, false
			case r >= 0x10000:
				r -= 0x10000
				out = unit(out, uint16(0xD800+(r>>10)))
				return unit(out, uint16(0xDC00+(r&0x3FF))), true
			}
			return unit(out, uint16(r)), true
		},
		pass: func(out []byte, r rune) []byte { return unit(out, uint16(r)) }}
}

func utf32Encoder(name string, big bool) *charEncoder {
	unit := func(out []byte, r rune) []byte {
		if big {
			return binary.BigEndian.AppendUint32(out, uint32(r))
		}
		return binary.LittleEndian.AppendUint32(out, uint32(r))
	}
	return &charEncoder{name: name, reason: "surrogates not allowed",
		enc: func(out []byte, r rune) ([]byte, bool) {
			if isSurrogate(r) {
				return out, false
			}
			return unit(out, r), true
		},
		pass: unit}
}

// encodeUTF8 encodes to UTF-8: only surrogates cannot be encoded.
func encodeUTF8(s *Str, errors errHandler, bom []byte) ([]byte, error) {
	if utf8.ValidString(s.s) {
		return append(bom, s.s...), nil
	}
	return encodeChars(s, errors, bom, &charEncoder{name: "utf-8", reason: "surrogates not allowed", extendRun: true,
		enc: func(out []byte, r rune) ([]byte, bool) {
			if isSurrogate(r) {
				return out, false
			}
			return utf8.AppendRune(out, r), true
		},
		pass: func(out []byte, r rune) []byte { return appendRuneWTF8(out, r) }})
}

// encodeChars runs an encoder over s, passing what it cannot encode to
// the error handler.
func encodeChars(s *Str, errors errHandler, out []byte, ce *charEncoder) ([]byte, error) {
	rs := s.Runes()
	if s.ascii {
		rs = []rune(s.s)
	}
	for i := 0; i < len(rs); {
		var ok bool
		if out, ok = ce.enc(out, rs[i]); ok {
			i++
			continue
		}
		end := i + 1
		if ce.extendRun {
			for end < len(rs) {
				if _, ok := ce.enc(nil, rs[end]); ok {
					break
				}
				end++
			}
		}
		var err error
		if out, i, err = encodeHandle(s, rs, i, end, errors, out, ce); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// encodeHandle applies an error handler to the unencodable rs[start:end].
func encodeHandle(s *Str, rs []rune, start, end int, errors errHandler, out []byte, ce *charEncoder) ([]byte, int, error) {
	strict := func() error { return encodeError(ce.name, s, start, end, ce.reason) }
	text := func(repl string) []byte {
		for _, r := range repl {
			out, _ = ce.enc(out, r)
		}
		return out
	}
	switch errors.name {
	case "strict":
		return nil, 0, strict()
	case "ignore":
		return out, end, nil
	case "replace":
		return text(strings.Repeat("?", end-start)), end, nil
	case "backslashreplace":
		var b strings.Builder
		for _, r := range rs[start:end] {
			writeUEscape(&b, r)
		}
		return text(b.String()), end, nil
	case "xmlcharrefreplace":
		var b strings.Builder
		for _, r := range rs[start:end] {
			b.WriteString("&#")
			b.WriteString(strconv.Itoa(int(r)))
			b.WriteByte(';')
		}
		return text(b.String()), end, nil
	case "namereplace":
		var b strings.Builder
		for _, r := range rs[start:end] {
			if name, ok := ucd.Name(r); ok {
				b.WriteString(`\N{` + name + "}")
			} else {
				writeUEscape(&b, r)
			}
		}
		return text(b.String()), end, nil
	case "surrogateescape":
		if ce.pass != nil && ce.name != "utf-8" {
			return nil, 0, strict()
		}
		for _, r := range rs[start:end] {
			if r < 0xDC80 || r > 0xDCFF {
				return nil, 0, strict()
			}
		}
		for _, r := range rs[start:end] {
			out = append(out, byte(r-0xDC00))
		}
		return out, end, nil
	case "surrogatepass":
		if ce.pass == nil {
			return nil, 0, strict()
		}
		for _, r := range rs[start:end] {
			if !isSurrogate(r) {
				return nil, 0, strict()
			}
		}
		for _, r := range rs[start:end] {
			out = ce.pass(out, r)
		}
		return out, end, nil
	}
	return errors.custom(s, rs, start, end, out, ce)
}

// ---------------------------------------------------------------- decode

func decodeWith(th *Thread, b []byte, encoding, errName string) (string, error) {
	errors := errHandler{errName, th}
	switch codecName(encoding) {
	case "utf-8":
		return decodeUTF8(b, errors)
	case "utf-8-sig":
		if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
			b = b[3:]
		}
		return decodeUTF8(b, errors)
	case "ascii":
		return decodeBytewise(b, errors, "ascii", "ordinal not in range(128)", func(c byte) (rune, bool) { return rune(c), c < 0x80 })
	case "latin-1":
		return decodeBytewise(b, errors, "latin-1", "", func(c byte) (rune, bool) { return rune(c), true })
	case "cp1252":
		return decodeBytewise(b, errors, "charmap", "character maps to <undefined>", cp1252Decode)
	case "utf-16":
		big := false
		if len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE {
			b = b[2:]
		} else if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
			b, big = b[2:], true
		}
		name := "utf-16-le"
		if big {
			name = "utf-16-be"
		}
		return decodeUTF16(b, errors, name, big)
	case "utf-16-le":
		return decodeUTF16(b, errors, "utf-16-le", false)
	case "utf-16-be":
		return decodeUTF16(b, errors, "utf-16-be", true)
	case "utf-32":
		big := false
		if len(b) >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 {
			b = b[4:]
		} else if len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF {
			b, big = b[4:], true
		}
		name := "utf-32-le"
		if big {
			name = "utf-32-be"
		}
		return decodeUTF32(b, errors, name, big)
	case "utf-32-le":
		return decodeUTF32(b, errors, "utf-32-le", false)
	case "utf-32-be":
		return decodeUTF32(b, errors, "utf-32-be", true)
	case "unicode_escape", "raw_unicode_escape":
		return decodeUnicodeEscape(b, errors, codecName(encoding) == "raw_unicode_escape")
	}
	if isNonTextCodec(encoding) {
		return "", Errorf(LookupError, "'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs", encoding)
	}
	if r, ok, err := codecFromSearch(th, encoding, 1, NewBytes(append([]byte(nil), b...)).Value(), errName); ok || err != nil {
		if err != nil {
			return "", err
		}
		s, isStr := AsStr(r)
		if !isStr {
			return "", Errorf(TypeError, "'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types", encoding, TypeName(r))
		}
		return s.s, nil
	}
	return "", Errorf(LookupError, "unknown encoding: %s", encoding)
}

// decodeHandle applies an error handler to the malformed b[start:end],
// writing the replacement. pass decodes a surrogate at b[start:] for
// surrogatepass (returning its length, or 0 when there is none).
func decodeHandle(out *strings.Builder, b []byte, start, end int, errors errHandler, codec, reason string, pass func([]byte) (rune, int)) (int, error) {
	switch errors.name {
	case "strict":
		return 0, decodeError(codec, b, start, end, reason)
	case "ignore":
	case "replace":
		out.WriteRune(0xFFFD)
	case "backslashreplace":
		for _, c := range b[start:end] {
			out.WriteString(`\x`)
			out.WriteByte(hexDigits[c>>4])
			out.WriteByte(hexDigits[c&15])
		}
	case "surrogateescape":
		// Up to four leading bytes >= 0x80 become U+DC80..U+DCFF and
		// decoding resumes after them; an ASCII byte is an error.
		n := 0
		for n < 4 && start+n < end && b[start+n] >= 0x80 {
			writeRuneWTF8(out, 0xDC00|rune(b[start+n]))
			n++
		}
		if n == 0 {
			return 0, decodeError(codec, b, start, end, reason)
		}
		return start + n, nil
	case "surrogatepass":
		if pass != nil {
			if r, n := pass(b[start:]); n > 0 {
				writeRuneWTF8(out, r)
				return start + n, nil
			}
		}
		return 0, decodeError(codec, b, start, end, reason)
	case "xmlcharrefreplace", "namereplace":
		// Encoding-only handlers: CPython reports that they were handed
		// a decoding error.
		return 0, Errorf(TypeError, "don't know how to handle UnicodeDecodeError in error callback")
	default:
		return errors.customDecode(out, b, start, end, codec, reason)
	}
	return end, nil
}

// utf8Error finds the malformed sequence at b[i:] (b[i] >= 0x80): its end
// and the reason, or ok when the sequence is valid (size bytes).
func utf8Error(b []byte, i int) (size, end int, reason string) {
	c := b[i]
	n := len(b)
	cont := func(j int, lo, hi byte) bool { return b[j] >= lo && b[j] <= hi }
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c < 0xC2:
		return 0, i + 1, "invalid start byte"
	case c < 0xE0:
		need = 1
	case c < 0xF0:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c < 0xF5:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 0, i + 1, "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if i+k >= n {
			return 0, n, "unexpected end of data"
		}
		l, h := byte(0x80), byte(0xBF)
		if k == 1 {
			l, h = lo, hi
		}
		if !cont(i+k, l, h) {
			return 0, i + k, "invalid continuation byte"
		}
	}
	return need + 1, 0, ""
}

func decodeUTF8(b []byte, errors errHandler) (string, error) {
	if utf8.Valid(b) {
		return string(b), nil
	}
	var out strings.Builder
	out.Grow(len(b))
	pass := func(p []byte) (rune, int) {
		if len(p) >= 3 && p[0] == 0xED && p[1] >= 0xA0 && p[1] <= 0xBF && p[2]&0xC0 == 0x80 {
			return 0xD000 | rune(p[1]&0x3F)<<6 | rune(p[2]&0x3F), 3
		}
		return 0, 0
	}
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			out.WriteByte(b[i])
			i++
			continue
		}
		size, end, reason := utf8Error(b, i)
		if size > 0 {
			out.Write(b[i : i+size])
			i += size
			continue
		}
		next, err := decodeHandle(&out, b, i, end, errors, "utf-8", reason, pass)
		if err != nil {
			return "", err
		}
		i = next
	}
	return out.String(), nil
}

// decodeBytewise decodes a single-byte codec; conv reports the bytes it
// cannot decode.
func decodeBytewise(b []byte, errors errHandler, codec, reason string, conv func(byte) (rune, bool)) (string, error) {
	var out strings.Builder
	out.Grow(len(b))
	for i := 0; i < len(b); {
		r, ok := conv(b[i])
		if ok {
			if r < utf8.RuneSelf {
				out.WriteByte(byte(r))
			} else {
				out.WriteRune(r)
			}
			i++
			continue
		}
		next, err := decodeHandle(&out, b, i, i+1, errors, codec, reason, nil)
		if err != nil {
			return "", err
		}
		i = next
	}
	return out.String(), nil
}

func decodeUTF16(b []byte, errors errHandler, codec string, big bool) (string, error) {
	order := binary.ByteOrder(binary.LittleEndian)
	if big {
		order = binary.BigEndian
	}
	var out strings.Builder
	pass := func(p []byte) (rune, int) {
		if len(p) >= 2 {
			if u := rune(order.Uint16(p)); isSurrogate(u) {
				return u, 2
			}
		}
		return 0, 0
	}
	for i := 0; i < len(b); {
		if i+1 >= len(b) {
			next, err := decodeHandle(&out, b, i, len(b), errors, codec, "truncated data", nil)
			if err != nil {
				return "", err
			}
			i = next
			continue
		}
		u := rune(order.Uint16(b[i:]))
		switch {
		case !isSurrogate(u):
			writeRuneWTF8(&out, u)
			i += 2
			continue
		case u >= 0xDC00:
			next, err := decodeHandle(&out, b, i, i+2, errors, codec, "illegal encoding", pass)
			if err != nil {
				return "", err
			}
			i = next
			continue
		case i+3 >= len(b):
			next, err := decodeHandle(&out, b, i, len(b), errors, codec, "unexpected end of data", pass)
			if err != nil {
				return "", err
			}
			i = next
			continue
		}
		u2 := rune(order.Uint16(b[i+2:]))
		if u2 < 0xDC00 || u2 > 0xDFFF {
			next, err := decodeHandle(&out, b, i, i+2, errors, codec, "illegal UTF-16 surrogate", pass)
			if err != nil {
				return "", err
			}
			i = next
			continue
		}
		out.WriteRune(0x10000 + (u-0xD800)<<10 + (u2 - 0xDC00))
		i += 4
	}
	return out.String(), nil
}

func decodeUTF32(b []byte, errors errHandler, codec string, big bool) (string, error) {
	order := binary.ByteOrder(binary.LittleEndian)
	if big {
		order = binary.BigEndian
	}
	var out strings.Builder
	pass := func(p []byte) (rune, int) {
		if len(p) >= 4 {
			if u := rune(order.Uint32(p)); isSurrogate(u) {
				return u, 4
			}
		}
		return 0, 0
	}
	for i := 0; i < len(b); {
		var reason string
		end := i + 4
		if i+3 >= len(b) {
			reason, end = "truncated data", len(b)
		} else if u := order.Uint32(b[i:]); u > 0x10FFFF {
			reason = "code point not in range(0x110000)"
		} else if isSurrogate(rune(u)) {
			reason = "code point in surrogate code point range(0xd800, 0xe000)"
		} else {
			writeRuneWTF8(&out, rune(u))
			i += 4
			continue
		}
		next, err := decodeHandle(&out, b, i, end, errors, codec, reason, pass)
		if err != nil {
			return "", err
		}
		i = next
	}
	return out.String(), nil
}

// cp1252High is Windows-1252's 0x80..0x9F (0: undefined); the rest is
// Latin-1.
var cp1252High = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

func cp1252Decode(c byte) (rune, bool) {
	if c >= 0x80 && c < 0xA0 {
		r := cp1252High[c-0x80]
		return r, r != 0
	}
	return rune(c), true
}

func cp1252Encode(r rune) (byte, bool) {
	if r < 0x80 || r >= 0xA0 && r < 0x100 {
		return byte(r), true
	}
	for i, x := range cp1252High {
		if x == r && x != 0 {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// unicodeEscape is the unicode_escape encoding (raw: raw_unicode_escape,
// which escapes only what Latin-1 cannot hold).
func unicodeEscape(s string, raw bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := decodeRuneWTF8(s[i:])
		i += size
		if raw {
			if r < 0x100 {
				b.WriteByte(byte(r))
			} else {
				writeUEscape(&b, r)
			}
			continue
		}
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r >= ' ' && r < 0x7f:
			b.WriteByte(byte(r))
		default:
			writeUEscape(&b, r)
		}
	}
	return b.String()
}

// decodeUnicodeEscape decodes unicode_escape (backslash escapes as in a
// string literal, other bytes as Latin-1) and raw_unicode_escape (only
// \uXXXX and \UXXXXXXXX).
func decodeUnicodeEscape(b []byte, errors errHandler, raw bool) (string, error) {
	codec := "unicodeescape"
	if raw {
		codec = "rawunicodeescape"
	}
	var out strings.Builder
	for i := 0; i < len(b); {
		c := b[i]
		if c != '\\' || i+1 >= len(b) && raw {
			out.WriteRune(rune(c))
			i++
			continue
		}
		if i+1 >= len(b) {
			next, err := decodeHandle(&out, b, i, len(b), errors, codec, "\\ at end of string", nil)
			if err != nil {
				return "", err
			}
			i = next
			continue
		}
		e := b[i+1]
		if raw && e != 'u' && e != 'U' {
			out.WriteByte('\\')
			i++
			continue
		}
		hex := 0
		switch e {
		case 'x':
			hex = 2
		case 'u':
			hex = 4
		case 'U':
			hex = 8
		}
		if hex > 0 {
			j := i + 2
			v := rune(0)
			for j < len(b) && j < i+2+hex && hexVal(b[j]) >= 0 {
				v = v<<4 | rune(hexVal(b[j]))
				j++
			}
			if j < i+2+hex {
				reason := map[int]string{2: "truncated \\xXX escape", 4: "truncated \\uXXXX escape", 8: "truncated \\UXXXXXXXX escape"}[hex]
				next, err := decodeHandle(&out, b, i, j, errors, codec, reason, nil)
				if err != nil {
					return "", err
				}
				i = next
				continue
			}
			if v > 0x10FFFF {
				next, err := decodeHandle(&out, b, i, j, errors, codec, "illegal Unicode character", nil)
				if err != nil {
					return "", err
				}
				i = next
				continue
			}
			writeRuneWTF8(&out, v)
			i = j
			continue
		}
		i += 2
		switch e {
		case '\n':
		case '\\', '\'', '"':
			out.WriteByte(e)
		case 'a':
			out.WriteByte(7)
		case 'b':
			out.WriteByte(8)
		case 'f':
			out.WriteByte(12)
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		case 'v':
			out.WriteByte(11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := rune(e - '0')
			for k := 0; k < 2 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
				v = v<<3 | rune(b[i]-'0')
				i++
			}
			writeRuneWTF8(&out, v)
		case 'N':
			j := i
			if j < len(b) && b[j] == '{' {
				k := j + 1
				for k < len(b) && b[k] != '}' {
					k++
				}
				if k < len(b) {
					if r, ok := ucd.Lookup(string(b[j+1 : k])); ok {
						writeRuneWTF8(&out, r)
						i = k + 1
						continue
					}
					next, err := decodeHandle(&out, b, i-2, k+1, errors, codec, "unknown Unicode character name", nil)
					if err != nil {
						return "", err
					}
					i = next
					continue
				}
			}
			next, err := decodeHandle(&out, b, i-2, len(b), errors, codec, "malformed \\N character escape", nil)
			if err != nil {
				return "", err
			}
			i = next
		default:
			out.WriteByte('\\')
			out.WriteRune(rune(e))
		}
	}
	return out.String(), nil
}

// normalizeEncoding maps an encoding name to its canonical form ("utf-8",
// "latin-1", "ascii", ...), or to the lowercased name with '_' for '-' when
// gilpy has no such codec.
func normalizeEncoding(enc string) string {
	if c := codecName(enc); c != "" {
		return c
	}
	return strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(enc, "-", "_"), " ", "_"))
}
