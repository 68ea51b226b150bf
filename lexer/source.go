package lexer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gilpy/lexer/ucd"
)

// Prepare turns source bytes into the text the lexer scans, as CPython's
// tokenizer does for compile(): a UTF-8 byte order mark is dropped, a PEP 263
// coding declaration is honoured (UTF-8 and Latin-1 families), "\r\n" and
// "\r" become "\n", and a final "\n" is added if missing. Positions in tokens
// and AST nodes refer to this text.
//
// Invalid UTF-8 is left in place: like CPython, the lexer complains only
// where it decodes (identifiers and string literals), so a stray byte in a
// comment is harmless.
func Prepare(src []byte) (string, *Error) {
	if strings.IndexByte(string(src), 0) >= 0 {
		// compile() rejects this before tokenizing and gives no position.
		return "", &Error{Type: "SyntaxError", Msg: "source code string cannot contain null bytes", Class: Raised}
	}
	bom := len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF
	if bom {
		src = src[3:]
	}
	if enc, _ := codingSpec(src); enc != "" {
		if bom {
			// With a BOM only "utf-8" itself may be declared.
			if norm := normalName(enc); norm != "utf-8" {
				return "", &Error{Type: "SyntaxError", Msg: "encoding problem: " + norm + " with BOM", Offset: -1, Class: Raised}
			}
		}
		switch normalizeEncoding(enc) {
		case "utf-8":
		case "latin-1":
			src = latin1ToUTF8(src)
		default:
			table, ok := ucd.Charmap(enc)
			if !ok {
				return "", &Error{Type: "SyntaxError", Msg: "unknown encoding: " + enc, Offset: -1, Class: Raised}
			}
			var err *Error
			if src, err = charmapToUTF8(src, table, bom); err != nil {
				return "", err
			}
		}
	}
	return normalizeNewlines(src), nil
}

// PrepareText is Prepare for text that is already decoded (compile() of a
// str): no BOM or coding declaration is looked for.
func PrepareText(src string) (string, *Error) {
	if strings.IndexByte(src, 0) >= 0 {
		return "", &Error{Type: "SyntaxError", Msg: "source code string cannot contain null bytes", Class: Raised}
	}
	return normalizeNewlines([]byte(src)), nil
}

// normalizeNewlines turns "\r\n" and "\r" into "\n" and ends the text with
// a newline.
func normalizeNewlines(src []byte) string {
	var b strings.Builder
	b.Grow(len(src) + 1)
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			b.WriteByte('\n')
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			continue
		}
		b.WriteByte(c)
	}
	if b.Len() == 0 || src[len(src)-1] != '\n' && src[len(src)-1] != '\r' {
		b.WriteByte('\n')
	}
	return b.String()
}

// codingSpec finds a PEP 263 declaration ("coding[:=]\s*([-\w.]+)") in a
// comment on line 1 or 2 (line 2 only if line 1 is blank or a comment).
func codingSpec(src []byte) (string, int) {
	s := string(src)
	for line := 1; line <= 2 && s != ""; line++ {
		var text string
		if i := strings.IndexAny(s, "\r\n"); i >= 0 {
			text = s[:i]
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			s = s[i+1:]
		} else {
			text, s = s, ""
		}
		trimmed := strings.TrimLeft(text, " \t\f")
		if trimmed == "" {
			continue
		}
		if trimmed[0] != '#' {
			return "", 0
		}
		i := strings.Index(trimmed, "coding")
		if i < 0 {
			continue
		}
		after := trimmed[i+len("coding"):]
		if len(after) == 0 || after[0] != ':' && after[0] != '=' {
			continue
		}
		after = strings.TrimLeft(after[1:], " \t")
		end := 0
		for end < len(after) {
			c := after[end]
			if c == '-' || c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				end++
				continue
			}
			break
		}
		if end > 0 {
			return after[:end], line
		}
	}
	return "", 0
}

// normalName is the tokenizer's get_normal_name: the spellings of UTF-8
// and Latin-1 it recognizes become "utf-8" and "iso-8859-1".
func normalName(enc string) string {
	b := enc
	if len(b) > 12 {
		b = b[:12]
	}
	b = strings.ToLower(strings.ReplaceAll(b, "_", "-"))
	switch {
	case b == "utf-8" || strings.HasPrefix(b, "utf-8-"):
		return "utf-8"
	case b == "latin-1" || b == "iso-8859-1" || b == "iso-latin-1" ||
		strings.HasPrefix(b, "latin-1-") || strings.HasPrefix(b, "iso-8859-1-") || strings.HasPrefix(b, "iso-latin-1-"):
		return "iso-8859-1"
	}
	return enc
}

// normalizeEncoding maps the encodings gilpy supports to "utf-8" or
// "latin-1" (as CPython's get_normal_name does), anything else to "".
func normalizeEncoding(enc string) string {
	e := strings.ToLower(strings.ReplaceAll(enc, "_", "-"))
	switch {
	case e == "utf-8" || strings.HasPrefix(e, "utf-8-") || e == "utf8" || e == "utf-8-sig" || e == "ascii" || e == "us-ascii":
		return "utf-8"
	case e == "latin-1" || e == "iso-8859-1" || e == "iso-latin-1" || e == "latin1" || e == "l1" ||
		e == "iso8859-1" || e == "8859" || e == "cp819" || e == "latin" ||
		strings.HasPrefix(e, "latin-1-") || strings.HasPrefix(e, "iso-8859-1-") || strings.HasPrefix(e, "iso-latin-1-"):
		return "latin-1"
	}
	return ""
}

// charmapToUTF8 decodes src with a single-byte codec's upper half. An
// undefined byte is CPython's "charmap" decoding error (offsets count from
// the start of the file, BOM included).
func charmapToUTF8(src []byte, table []rune, bom bool) ([]byte, *Error) {
	out := make([]byte, 0, len(src)+len(src)/4)
	for i, c := range src {
		if c < 0x80 {
			out = append(out, c)
			continue
		}
		r := table[c-0x80]
		if r == 0xFFFE {
			pos := i
			if bom {
				pos += 3
			}
			return nil, &Error{Type: "SyntaxError", Msg: fmt.Sprintf("'charmap' codec can't decode byte 0x%02x in position %d: character maps to <undefined>", c, pos),
				Offset: -1, Class: Raised}
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

func latin1ToUTF8(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(src)/8)
	for _, c := range src {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}

// UTF8Error describes the first invalid UTF-8 sequence in b the way
// CPython's decoder does ("can't decode byte 0xff in position 0: invalid
// start byte"), or returns "" if b is valid UTF-8. Surrogates encoded in
// UTF-8 are invalid, as in CPython.
func UTF8Error(b string) string {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			i++
			continue
		}
		need, lo, hi := 0, byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need = 1
		case c == 0xE0:
			need, lo = 2, 0xA0
		case c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF:
			need = 2
		case c == 0xED:
			need, hi = 2, 0x9F
		case c == 0xF0:
			need, lo = 3, 0x90
		case c >= 0xF1 && c <= 0xF3:
			need = 3
		case c == 0xF4:
			need, hi = 3, 0x8F
		default:
			return fmt.Sprintf("can't decode byte 0x%02x in position %d: invalid start byte", c, i)
		}
		j := 1
		for ; j <= need; j++ {
			if i+j >= len(b) {
				if j == 1 {
					return fmt.Sprintf("can't decode byte 0x%02x in position %d: unexpected end of data", c, i)
				}
				return fmt.Sprintf("can't decode bytes in position %d-%d: unexpected end of data", i, i+j-1)
			}
			cc := b[i+j]
			l, h := byte(0x80), byte(0xBF)
			if j == 1 {
				l, h = lo, hi
			}
			if cc < l || cc > h {
				if j == 1 {
					return fmt.Sprintf("can't decode byte 0x%02x in position %d: invalid continuation byte", c, i)
				}
				return fmt.Sprintf("can't decode bytes in position %d-%d: invalid continuation byte", i, i+j-1)
			}
		}
		i += need + 1
	}
	return ""
}

// ReplaceInvalid returns s with every byte of an invalid UTF-8 sequence
// replaced by U+FFFD, close to CPython's errors="replace" (used for the text
// of error lines).
func ReplaceInvalid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}
