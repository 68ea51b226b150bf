package compiler

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gilpy/vm/code"
)

// pyRepr renders a constant as Python's repr() does (for error messages and
// annotations).
func pyRepr(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(v, 10)
	case *big.Int:
		return v.String()
	case float64:
		return floatRepr(v)
	case complex128:
		return complexRepr(v)
	case string:
		return strRepr(v)
	case code.Bytes:
		return bytesRepr(string(v))
	case code.Ellipsis:
		return "Ellipsis"
	case code.Tuple:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = pyRepr(x)
		}
		if len(v) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	case code.FrozenSet:
		if len(v) == 0 {
			return "frozenset()"
		}
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = pyRepr(x)
		}
		return "frozenset({" + strings.Join(parts, ", ") + "})"
	}
	return fmt.Sprint(v)
}

// floatRepr is Python's repr(float): the shortest round-tripping digits, in
// positional notation for exponents in [-4, 16), else scientific.
func floatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, expStr, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expStr)
	neg := strings.HasPrefix(mant, "-")
	mant = strings.TrimPrefix(mant, "-")
	digits := strings.Replace(mant, ".", "", 1)
	sign := ""
	if neg {
		sign = "-"
	}
	if exp < -4 || exp >= 16 {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		es := "+"
		if exp < 0 {
			es = "-"
			exp = -exp
		}
		return fmt.Sprintf("%s%se%s%02d", sign, m, es, exp)
	}
	var out string
	if exp < 0 {
		out = "0." + strings.Repeat("0", -exp-1) + digits
	} else if len(digits) <= exp+1 {
		out = digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
	} else {
		out = digits[:exp+1] + "." + digits[exp+1:]
	}
	return sign + out
}

func complexRepr(c complex128) string {
	im := floatRepr(imag(c))
	if strings.HasSuffix(im, ".0") {
		im = im[:len(im)-2]
	}
	if real(c) == 0 && !math.Signbit(real(c)) {
		return im + "j"
	}
	re := floatRepr(real(c))
	if strings.HasSuffix(re, ".0") {
		re = re[:len(re)-2]
	}
	if !strings.HasPrefix(im, "-") {
		im = "+" + im
	}
	return "(" + re + im + "j)"
}

// strRepr is Python's repr(str).
func strRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var sb strings.Builder
	sb.WriteByte(quote)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&sb, "\\x%02x", s[i])
			i++
			continue
		}
		i += size
		switch {
		case r == rune(quote) || r == '\\':
			sb.WriteByte('\\')
			sb.WriteRune(r)
		case r == '\t':
			sb.WriteString(`\t`)
		case r == '\n':
			sb.WriteString(`\n`)
		case r == '\r':
			sb.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&sb, "\\x%02x", r)
		case r < 0x7f:
			sb.WriteRune(r)
		case isPrintable(r):
			sb.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&sb, "\\x%02x", r)
		case r <= 0xffff:
			fmt.Fprintf(&sb, "\\u%04x", r)
		default:
			fmt.Fprintf(&sb, "\\U%08x", r)
		}
	}
	sb.WriteByte(quote)
	return sb.String()
}

// isPrintable approximates str.isprintable for one character: not a
// control, format, surrogate, private-use, unassigned or separator
// character (other than the space).
func isPrintable(r rune) bool {
	if r == ' ' {
		return true
	}
	return unicode.IsPrint(r)
}

func bytesRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var sb strings.Builder
	sb.WriteByte('b')
	sb.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == quote || ch == '\\':
			sb.WriteByte('\\')
			sb.WriteByte(ch)
		case ch == '\t':
			sb.WriteString(`\t`)
		case ch == '\n':
			sb.WriteString(`\n`)
		case ch == '\r':
			sb.WriteString(`\r`)
		case ch < 0x20 || ch >= 0x7f:
			fmt.Fprintf(&sb, "\\x%02x", ch)
		default:
			sb.WriteByte(ch)
		}
	}
	sb.WriteByte(quote)
	return sb.String()
}
