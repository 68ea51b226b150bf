package vm

// This file holds the code-point level helpers of str: decoding the Go
// string a Str keeps, character classes and case mappings.
//
// A Str's Go string is UTF-8, except that a lone surrogate (U+D800..U+DFFF,
// which Python strings may hold and UTF-8 may not) is stored in the
// three-byte form UTF-8 forbids ("generalized UTF-8", as the lexer's
// DecodeStr writes it). Surrogates compare between U+D7FF and U+E000, as
// code points do. A stray byte that is not UTF-8 at all (text that came
// from the OS unchecked) reads as the surrogate escape U+DC80..U+DCFF that
// Python's surrogateescape handler would have made of it.

import (
	"strings"
	"unicode/utf8"

	"gilpy/lexer/ucd"
	"gilpy/vm/strtab"
)

// decodeRuneWTF8 decodes the code point at the start of s (len(s) > 0).
func decodeRuneWTF8(s string) (rune, int) {
	c := s[0]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c == 0xED && len(s) >= 3 && s[1] >= 0xA0 && s[1] <= 0xBF && s[2]&0xC0 == 0x80 {
		return 0xD000 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n == 1 {
		return 0xDC00 | rune(c), 1
	}
	return r, n
}

// decodeLastRuneWTF8 decodes the code point at the end of s (len(s) > 0).
func decodeLastRuneWTF8(s string) (rune, int) {
	n := len(s)
	if s[n-1] < utf8.RuneSelf {
		return rune(s[n-1]), 1
	}
	if n >= 3 && s[n-3] == 0xED && s[n-2] >= 0xA0 && s[n-2] <= 0xBF && s[n-1]&0xC0 == 0x80 {
		return 0xD000 | rune(s[n-2]&0x3F)<<6 | rune(s[n-1]&0x3F), 3
	}
	r, size := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError && size == 1 {
		return 0xDC00 | rune(s[n-1]), 1
	}
	return r, size
}

// appendRuneWTF8 appends the code point r, surrogates included.
func appendRuneWTF8(b []byte, r rune) []byte {
	if r >= 0xD800 && r <= 0xDFFF {
		return append(b, 0xED, byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(b, r)
}

// writeRuneWTF8 writes the code point r, surrogates included.
func writeRuneWTF8(b *strings.Builder, r rune) {
	if r >= 0xD800 && r <= 0xDFFF {
		b.WriteByte(0xED)
		b.WriteByte(byte(0x80 | (r>>6)&0x3F))
		b.WriteByte(byte(0x80 | r&0x3F))
		return
	}
	b.WriteRune(r)
}

// runeString is the str of one code point.
func runeString(r rune) string {
	if r < utf8.RuneSelf && r >= 0 {
		return string(rune(r))
	}
	return string(appendRuneWTF8(nil, r))
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// strLenWTF8 is the number of code points in s.
func strLenWTF8(s string) int {
	if isASCII(s) {
		return len(s)
	}
	if utf8.ValidString(s) {
		return utf8.RuneCountInString(s)
	}
	n := 0
	for i := 0; i < len(s); {
		_, size := decodeRuneWTF8(s[i:])
		i += size
		n++
	}
	return n
}

// strRunes decodes s into code points.
func strRunes(s string) []rune {
	if utf8.ValidString(s) {
		return []rune(s)
	}
	out := make([]rune, 0, len(s))
	for i := 0; i < len(s); {
		r, size := decodeRuneWTF8(s[i:])
		out = append(out, r)
		i += size
	}
	return out
}

// runesString encodes code points, surrogates included.
func runesString(rs []rune) string {
	for _, r := range rs {
		if r >= 0xD800 && r <= 0xDFFF {
			b := make([]byte, 0, len(rs)*3)
			for _, r := range rs {
				b = appendRuneWTF8(b, r)
			}
			return string(b)
		}
	}
	return string(rs)
}

// wtf8Prefix is the first n code points of s.
func wtf8Prefix(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := decodeRuneWTF8(s[i:])
		i += size
	}
	return s[:i]
}

// wtf8Offset is the byte offset of code point index n in s (len(s) past
// the end).
func wtf8Offset(s string, n int) int { return len(wtf8Prefix(s, n)) }

// ------------------------------------------------------ character classes

// decimalValue is the value of a Unicode decimal digit (str.isdecimal), or -1.
func decimalValue(r rune) int {
	if r < utf8.RuneSelf {
		if r >= '0' && r <= '9' {
			return int(r - '0')
		}
		return -1
	}
	return strtab.Decimal(r)
}

// unicodeDigitValue is decimalValue under its older name.
func unicodeDigitValue(r rune) int { return decimalValue(r) }

func isDigitRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return strtab.Digit(r) >= 0
}

func isNumericRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return strtab.IsNumeric(r)
}

func isAlphaRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return strtab.IsAlpha(r)
}

func isAlnumRune(r rune) bool {
	return isAlphaRune(r) || decimalValue(r) >= 0 || isDigitRune(r) || isNumericRune(r)
}

// isPySpace is str.isspace's notion of whitespace (also split()'s and
// strip()'s).
func isPySpace(r rune) bool {
	if r < utf8.RuneSelf {
		switch r {
		case ' ', '\t', '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x1f:
			return true
		}
		return false
	}
	return strtab.IsSpace(r)
}

// isPrintable is str.isprintable for one character.
func isPrintable(r rune) bool {
	if r < 0x7f {
		return r >= ' '
	}
	return ucd.IsPrintable(r)
}

func isLowerRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z'
	}
	return strtab.IsLower(r)
}

func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return strtab.IsUpper(r)
}

func isTitleRune(r rune) bool { return r >= utf8.RuneSelf && strtab.IsTitle(r) }

func isCasedRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return strtab.IsCased(r)
}

func isCaseIgnorableRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '\'' || r == '.' || r == ':' || r == '^' || r == '`'
	}
	return strtab.IsCaseIgnorable(r)
}

// isLineBreak reports the characters str.splitlines splits at.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// IsIdentifier is str.isidentifier.
func IsIdentifier(s string) bool {
	if s == "" {
		return false
	}
	first := true
	for i := 0; i < len(s); {
		r, size := decodeRuneWTF8(s[i:])
		i += size
		if first {
			if r != '_' && !ucd.IsXIDStart(r) {
				return false
			}
			first = false
		} else if !ucd.IsXIDContinue(r) {
			return false
		}
	}
	return true
}

// ----------------------------------------------------------- case mapping

// writeLower writes the full lowercase of r; rs and i give the context
// for the final-sigma rule.
func writeLower(b *strings.Builder, r rune, rs []rune, i int) {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteByte(byte(r))
		return
	}
	if r == 0x3A3 {
		b.WriteRune(finalSigma(rs, i))
		return
	}
	if m, ok := strtab.Lower(r); ok {
		b.WriteString(m)
		return
	}
	writeRuneWTF8(b, r)
}

// finalSigma chooses between σ and ς for the capital sigma at rs[i]: ς
// when a cased letter precedes it and none follows (case-ignorable
// characters in between do not count), as Unicode's Final_Sigma.
func finalSigma(rs []rune, i int) rune {
	j := i - 1
	for j >= 0 && isCaseIgnorableRune(rs[j]) {
		j--
	}
	final := j >= 0 && isCasedRune(rs[j])
	if final {
		j = i + 1
		for j < len(rs) && isCaseIgnorableRune(rs[j]) {
			j++
		}
		final = j == len(rs) || !isCasedRune(rs[j])
	}
	if final {
		return 0x3C2
	}
	return 0x3C3
}

func writeMapped(b *strings.Builder, r rune, f func(rune) (string, bool)) {
	if m, ok := f(r); ok {
		b.WriteString(m)
		return
	}
	writeRuneWTF8(b, r)
}

func strUpper(s string) string {
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c >= 'a' && c <= 'z' {
				return strings.ToUpper(s)
			}
		}
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strRunes(s) {
		if r < utf8.RuneSelf {
			if r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		writeMapped(&b, r, strtab.Upper)
	}
	return b.String()
}

func strLower(s string) string {
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c >= 'A' && c <= 'Z' {
				return strings.ToLower(s)
			}
		}
		return s
	}
	rs := strRunes(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		writeLower(&b, r, rs, i)
	}
	return b.String()
}

func strCasefold(s string) string {
	if isASCII(s) {
		return strLower(s)
	}
	var b strings.Builder
	for _, r := range strRunes(s) {
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		writeMapped(&b, r, strtab.Fold)
	}
	return b.String()
}

func strSwapcase(s string) string {
	rs := strRunes(s)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case isUpperRune(r):
			writeLower(&b, r, rs, i)
		case isLowerRune(r):
			if r < utf8.RuneSelf {
				b.WriteByte(byte(r - ('a' - 'A')))
			} else {
				writeMapped(&b, r, strtab.Upper)
			}
		default:
			writeRuneWTF8(&b, r)
		}
	}
	return b.String()
}

func strTitle(s string) string {
	rs := strRunes(s)
	var b strings.Builder
	prevCased := false
	for i, r := range rs {
		if prevCased {
			writeLower(&b, r, rs, i)
		} else if r < utf8.RuneSelf {
			if r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteByte(byte(r))
		} else {
			writeMapped(&b, r, strtab.Title)
		}
		prevCased = isCasedRune(r)
	}
	return b.String()
}

func strCapitalize(s string) string {
	rs := strRunes(s)
	var b strings.Builder
	for i, r := range rs {
		if i == 0 {
			if r < utf8.RuneSelf {
				if r >= 'a' && r <= 'z' {
					r -= 'a' - 'A'
				}
				b.WriteByte(byte(r))
			} else {
				writeMapped(&b, r, strtab.Title)
			}
			continue
		}
		writeLower(&b, r, rs, i)
	}
	return b.String()
}

// StrFromRune is the one-character str of code point r (chr(r)); lone
// surrogates included.
func StrFromRune(r rune) Value { return charStr(r).Value() }

// AppendRune appends code point r to b in a Str's encoding (lone
// surrogates in their three-byte form), for code that builds str text.
func AppendRune(b []byte, r rune) []byte { return appendRuneWTF8(b, r) }
