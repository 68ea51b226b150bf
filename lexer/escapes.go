package lexer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gilpy/lexer/ucd"
)

// String literal bodies are decoded here, as CPython's parser decodes them
// (Parser/string_parser.c with the "unicode_escape" codec and
// _PyBytes_DecodeEscape). Errors come back as the text CPython puts after
// "(unicode error) " or "(value error) ", positions included.
//
// Python strings may hold lone surrogates ("\ud800"), which UTF-8 cannot.
// DecodeStr encodes them as WTF-8 (the three-byte form UTF-8 forbids), so a
// Go string carries every Python string; AppendWTF8 and DecodeWTF8 convert.

// AppendWTF8 appends the code point r (0..0x10FFFF, surrogates included).
func AppendWTF8(b []byte, r rune) []byte {
	if r >= 0xD800 && r <= 0xDFFF {
		return append(b, 0xED, byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(b, r)
}

// DecodeWTF8 decodes the first code point of s like utf8.DecodeRuneInString
// but also accepts encoded surrogates.
func DecodeWTF8(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xED && s[1] >= 0xA0 && s[1] <= 0xBF && s[2] >= 0x80 && s[2] <= 0xBF {
		return rune(0xD000) | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s)
}

// DecodeStr decodes the body of a non-raw str literal. On failure it returns
// the UnicodeDecodeError text, e.g. "'unicodeescape' codec can't decode
// bytes in position 0-1: truncated \xXX escape" or a 'utf-8' codec error.
func DecodeStr(body string) (string, string) {
	if strings.IndexByte(body, '\\') < 0 {
		if msg := UTF8Error(body); msg != "" {
			return "", "'utf-8' codec " + msg
		}
		return body, ""
	}
	buf := body
	if !isASCII(body) {
		// CPython first rewrites every non-ASCII character as \UXXXXXXXX
		// (and a backslash before one as \u005c); error positions refer
		// to that text.
		var b strings.Builder
		for i := 0; i < len(body); {
			c := body[i]
			if c == '\\' {
				b.WriteByte(c)
				i++
				if i >= len(body) || body[i] >= 0x80 {
					b.WriteString("u005c")
					if i >= len(body) {
						break
					}
				}
				c = body[i]
			}
			if c >= 0x80 {
				j := i
				for j < len(body) && body[j] >= 0x80 {
					j++
				}
				run := body[i:j]
				if msg := UTF8Error(run); msg != "" {
					return "", "'utf-8' codec " + msg
				}
				for _, r := range run {
					fmt.Fprintf(&b, "\\U%08x", r)
				}
				i = j
				continue
			}
			b.WriteByte(c)
			i++
		}
		buf = b.String()
	}
	return unicodeEscape(buf)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

// simpleEscapes maps the character after a backslash to what it stands for
// in str and bytes literals alike (0 where it is no simple escape).
var simpleEscapes = [256]byte{
	'\\': '\\', '\'': '\'', '"': '"', 'b': '\b', 'f': '\f', 't': '\t', 'n': '\n', 'r': '\r', 'v': '\v', 'a': '\a',
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// unicodeEscape is the "unicode_escape" codec on ASCII text.
func unicodeEscape(s string) (string, string) {
	out := make([]byte, 0, len(s))
	codecErr := func(start, end int, msg string) (string, string) {
		if end-start == 1 {
			return "", fmt.Sprintf("'unicodeescape' codec can't decode byte 0x%02x in position %d: %s", s[start], start, msg)
		}
		return "", fmt.Sprintf("'unicodeescape' codec can't decode bytes in position %d-%d: %s", start, end-1, msg)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		start := i
		i++
		if i >= len(s) {
			// CPython rewrites a final lone backslash as \u005c before
			// decoding, so it stays a backslash ("f'\{x}'" leaves one).
			out = append(out, '\\')
			break
		}
		c = s[i]
		i++
		if e := simpleEscapes[c]; e != 0 {
			out = append(out, e)
			continue
		}
		switch c {
		case '\n':
		case '0', '1', '2', '3', '4', '5', '6', '7':
			// Up to three octal digits; values above 0o377 are accepted
			// (CPython only warns).
			v := rune(c - '0')
			for n := 0; n < 2 && i < len(s) && isOctal(s[i]); n++ {
				v = v<<3 + rune(s[i]-'0')
				i++
			}
			out = AppendWTF8(out, v)
		case 'x', 'u', 'U':
			count, msg := 2, "truncated \\xXX escape"
			if c == 'u' {
				count, msg = 4, "truncated \\uXXXX escape"
			} else if c == 'U' {
				count, msg = 8, "truncated \\UXXXXXXXX escape"
			}
			var v rune
			for ; count > 0; count-- {
				if i >= len(s) {
					return codecErr(start, i, msg)
				}
				h := hexVal(s[i])
				if h < 0 {
					return codecErr(start, i, msg)
				}
				v = v<<4 | rune(h)
				i++
			}
			if v > 0x10FFFF {
				return codecErr(start, i, "illegal Unicode character")
			}
			out = AppendWTF8(out, v)
		case 'N':
			msg := "malformed \\N character escape"
			if i >= len(s) {
				return codecErr(start, i, msg)
			}
			if s[i] == '{' {
				i++
				nameStart := i
				for i < len(s) && s[i] != '}' {
					i++
				}
				if i >= len(s) {
					return codecErr(start, i, msg)
				}
				if i > nameStart {
					name := s[nameStart:i]
					i++
					if r, ok := ucd.Lookup(name); ok {
						out = AppendWTF8(out, r)
						continue
					}
					msg = "unknown Unicode character name"
				}
			}
			return codecErr(start, i, msg)
		default:
			// An unknown escape is kept as written (3.11 only warns).
			out = append(out, '\\', c)
		}
	}
	return string(out), ""
}

// DecodeBytes decodes the body of a non-raw bytes literal. The body must be
// ASCII (the caller checks). On failure it returns the ValueError text,
// e.g. "invalid \x escape at position 0".
func DecodeBytes(body string) (string, string) {
	if strings.IndexByte(body, '\\') < 0 {
		return body, ""
	}
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		start := i
		i++
		if i >= len(body) {
			return "", "Trailing \\ in string"
		}
		c = body[i]
		i++
		if e := simpleEscapes[c]; e != 0 {
			out = append(out, e)
			continue
		}
		switch c {
		case '\n':
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for n := 0; n < 2 && i < len(body) && isOctal(body[i]); n++ {
				v = v<<3 + int(body[i]-'0')
				i++
			}
			out = append(out, byte(v))
		case 'x':
			if i+1 < len(body) {
				h1, h2 := hexVal(body[i]), hexVal(body[i+1])
				if h1 >= 0 && h2 >= 0 {
					out = append(out, byte(h1<<4|h2))
					i += 2
					continue
				}
			}
			return "", fmt.Sprintf("invalid \\x escape at position %d", start)
		default:
			out = append(out, '\\')
			i-- // the character after the backslash is kept as it is
		}
	}
	return string(out), ""
}
