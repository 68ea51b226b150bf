package lexer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lex prepares and tokenizes src.
func lex(t *testing.T, src string) []Token {
	t.Helper()
	text, err := Prepare([]byte(src))
	require.Nil(t, err)
	return Tokenize(text)
}

// kinds renders tokens compactly: operators and keywords as written, other
// kinds by name, NAME/NUMBER/STRING with their text.
func kinds(toks []Token) string {
	var parts []string
	for _, t := range toks {
		switch t.Kind {
		case NAME, NUMBER, STRING, OP:
			parts = append(parts, t.Kind.String()+"("+t.Value+")")
		default:
			parts = append(parts, t.Kind.String())
		}
	}
	return strings.Join(parts, " ")
}

// lexErr tokenizes src and returns the error its ERROR token carries.
func lexErr(t *testing.T, src string) *Error {
	t.Helper()
	toks := lex(t, src)
	require.GreaterOrEqual(t, len(toks), 2)
	last := toks[len(toks)-2]
	require.Equal(t, ERROR, last.Kind, "no error in %q: %s", src, kinds(toks))
	require.Equal(t, EOF, toks[len(toks)-1].Kind)
	return last.Err
}

func TestIndentation(t *testing.T) {
	toks := lex(t, "if x:\n    y = 1\n\n    # comment\n    if z:\n        pass\nw\n")
	assert.Equal(t, "if NAME(x) : NEWLINE INDENT NAME(y) = NUMBER(1) NEWLINE if NAME(z) : NEWLINE "+
		"INDENT pass NEWLINE DEDENT DEDENT NAME(w) NEWLINE EOF", kinds(toks))
}

func TestDedentAtEOF(t *testing.T) {
	toks := lex(t, "def f():\n  if x:\n    return 1")
	assert.Equal(t, "def NAME(f) ( ) : NEWLINE INDENT if NAME(x) : NEWLINE INDENT return NUMBER(1) NEWLINE DEDENT DEDENT EOF", kinds(toks))
	for _, tk := range toks[len(toks)-3:] {
		assert.True(t, tk.AtEOF || tk.Kind == NEWLINE, "%v", tk.Kind)
	}
	// Tokens at the end of input stay on the last line, past its newline,
	// where CPython's tokenizer stands.
	eof := toks[len(toks)-1]
	assert.Equal(t, int32(3), eof.Line)
	assert.Equal(t, int32(len("    return 1\n")), eof.Col)
}

func TestPositions(t *testing.T) {
	toks := lex(t, "x = (1 +\n     2)\ns = '''a\nb'''\n")
	type pos struct{ l, c, el, ec int32 }
	var got []pos
	for _, tk := range toks {
		got = append(got, pos{tk.Line, tk.Col, tk.EndLine, tk.EndCol})
	}
	assert.Equal(t, []pos{
		{1, 0, 1, 1}, {1, 2, 1, 3}, {1, 4, 1, 5}, {1, 5, 1, 6}, {1, 7, 1, 8}, // x = ( 1 +
		{2, 5, 2, 6}, {2, 6, 2, 7}, {2, 7, 2, 7}, // 2 ) NEWLINE
		{3, 0, 3, 1}, {3, 2, 3, 3}, {3, 4, 4, 4}, {4, 4, 4, 4}, // s = '''...''' NEWLINE
		{4, 5, 4, 5}, // EOF: on the last line, past its newline
	}, got)
	// Bracket depth after each token, as CPython's token->level.
	assert.Equal(t, int16(1), toks[2].Level)
	assert.Equal(t, int16(0), toks[6].Level)
}

func TestByteColumns(t *testing.T) {
	toks := lex(t, "é = 'ü'\n")
	assert.Equal(t, int32(0), toks[0].Col)
	assert.Equal(t, int32(2), toks[0].EndCol) // UTF-8 bytes, as CPython
	assert.Equal(t, int32(3), toks[1].Col)
	assert.Equal(t, int32(5), toks[2].Col)
	assert.Equal(t, int32(9), toks[2].EndCol)
}

func TestLineJoining(t *testing.T) {
	assert.Equal(t, "NAME(x) = [ NUMBER(1) , NUMBER(2) ] NEWLINE EOF", kinds(lex(t, "x = [1,\n\n  # c\n2]\n")))
	assert.Equal(t, "NAME(x) = NUMBER(1) + NUMBER(2) NEWLINE EOF", kinds(lex(t, "x = 1 + \\\n    2\n")))
	// A backslash at the start of a line: the first one fixes the indentation.
	assert.Equal(t, "if NAME(x) : NEWLINE INDENT pass NEWLINE DEDENT EOF", kinds(lex(t, "if x:\n  \\\n  pass\n")))
}

func TestBlankLinesAndComments(t *testing.T) {
	assert.Equal(t, "EOF", kinds(lex(t, "")))
	assert.Equal(t, "EOF", kinds(lex(t, "\n\n   \n# only a comment\n\t\n")))
	assert.Equal(t, "NAME(x) NEWLINE EOF", kinds(lex(t, "x  # trailing comment")))
	assert.Equal(t, "NAME(x) NEWLINE EOF", kinds(lex(t, "\f\nx\n")))
}

func TestTabs(t *testing.T) {
	// A tab moves to the next multiple of 8: these lines are consistent.
	toks := lex(t, "if x:\n\tif y:\n\t\tpass\n")
	assert.Equal(t, "if NAME(x) : NEWLINE INDENT if NAME(y) : NEWLINE INDENT pass NEWLINE DEDENT DEDENT EOF", kinds(toks))
	e := lexErr(t, "if x:\n\tpass\n        pass\n")
	assert.Equal(t, "TabError", e.Type)
	assert.Equal(t, "inconsistent use of tabs and spaces in indentation", e.Msg)
	assert.Equal(t, Deferred, e.Class)
	assert.Equal(t, []int{3, 1, 3, 0}, []int{e.Lineno, e.Offset, e.EndLineno, e.EndOffset})
}

func TestIndentErrors(t *testing.T) {
	e := lexErr(t, "if x:\n    a\n  b\n")
	assert.Equal(t, "IndentationError", e.Type)
	assert.Equal(t, "unindent does not match any outer indentation level", e.Msg)
	assert.Equal(t, []int{3, 4, 3, -1}, []int{e.Lineno, e.Offset, e.EndLineno, e.EndOffset})
	assert.Equal(t, "  b\n", e.Text)

	var b strings.Builder
	for i := 0; i < 101; i++ {
		fmt.Fprintf(&b, "%sif 1:\n", strings.Repeat(" ", i))
	}
	b.WriteString(strings.Repeat(" ", 101) + "pass\n")
	e = lexErr(t, b.String())
	assert.Equal(t, "too many levels of indentation", e.Msg)
	assert.Equal(t, 101, e.Lineno)
}

func TestOperators(t *testing.T) {
	ops := "( ) [ ] { } : , ; + - * / | & < > = . % == != <= >= ~ ^ << >> ** += -= *= /= %= &= |= ^= <<= >>= **= // //= @ @= -> ... :="
	toks := lex(t, ops)
	var got []string
	for _, tk := range toks {
		if tk.Kind.IsOperator() {
			got = append(got, tk.Kind.String())
			assert.Equal(t, tk.Kind.String(), tk.Value)
		}
	}
	assert.Equal(t, strings.Fields(ops), got)
	// "<>" is NOTEQUAL, as in CPython's tokenizer; the parser rejects it.
	toks = lex(t, "a <> b\n")
	assert.Equal(t, NOTEQUAL, toks[1].Kind)
	assert.Equal(t, "<>", toks[1].Value)
	// Characters that are no operator become OP tokens.
	assert.Equal(t, "OP($) OP(?) OP(!) OP(`) NEWLINE EOF", kinds(lex(t, "$ ? ! `")))
}

func TestKeywords(t *testing.T) {
	for k := FALSE; k <= YIELD; k++ {
		toks := lex(t, k.String())
		assert.Equal(t, k, toks[0].Kind)
		assert.True(t, k.IsKeyword())
	}
	// Soft keywords are names.
	assert.Equal(t, "NAME(match) NAME(case) NAME(_) NAME(type) NEWLINE EOF", kinds(lex(t, "match case _ type")))
	assert.Equal(t, NAME, LookupKeyword("iff"))
}

func TestStrings(t *testing.T) {
	for _, s := range []string{`'a'`, `"a"`, `'''a'''`, `"""a"""`, `r'\\'`, `b'x'`, `B"x"`, `rb'x'`, `bR'x'`,
		`Rb'x'`, `f'{x}'`, `fr'x'`, `rF'x'`, `u'x'`, `U"x"`, `''`, `""""""`, "'a\\\nb'", `'\''`} {
		toks := lex(t, s)
		assert.Equal(t, "STRING("+s+") NEWLINE EOF", kinds(toks), s)
	}
	// Prefixes Python does not accept are names.
	assert.Equal(t, "NAME(ur) STRING('x') NEWLINE EOF", kinds(lex(t, "ur'x'")))
	assert.Equal(t, "NAME(bf) STRING('x') NEWLINE EOF", kinds(lex(t, "bf'x'")))
}

func TestUnterminatedStrings(t *testing.T) {
	e := lexErr(t, "x = 'abc\ny = 1\n")
	assert.Equal(t, "unterminated string literal (detected at line 1)", e.Msg)
	assert.Equal(t, []int{1, 5, 1, 5}, []int{e.Lineno, e.Offset, e.EndLineno, e.EndOffset})
	assert.False(t, e.Incomplete)

	e = lexErr(t, "x = f'''abc\n\n")
	assert.Equal(t, "unterminated triple-quoted string literal (detected at line 2)", e.Msg)
	assert.Equal(t, 5, e.Offset) // the prefix's column
	assert.True(t, e.Incomplete)

	// A backslash-newline continues a single-quoted string to the end.
	e = lexErr(t, "x = 'abc\\\n")
	assert.True(t, e.Incomplete)
}

func TestNumbers(t *testing.T) {
	for _, s := range []string{"0", "00", "0_0", "123", "1_000", "0x1F", "0X_f", "0o17", "0O_7", "0b101", "0B_1",
		"1.5", "1.", ".5", "1e5", "1E-5", "1_0.0_1e1_0", "1j", "1.5J", "1e5j", "0j", "00.5", "0e0"} {
		toks := lex(t, s)
		assert.Equal(t, "NUMBER("+s+") NEWLINE EOF", kinds(toks), s)
	}
	// A keyword right after a number only warns in CPython.
	assert.Equal(t, "NUMBER(1) if NUMBER(1) else NUMBER(2) NEWLINE EOF", kinds(lex(t, "1if 1else 2")))
	assert.Equal(t, "NUMBER(0x1f) or NAME(x) NEWLINE EOF", kinds(lex(t, "0x1for x")))
}

func TestNumberErrors(t *testing.T) {
	for src, want := range map[string]string{
		"1_":    "invalid decimal literal",
		"1__0":  "invalid decimal literal",
		"1abc":  "invalid decimal literal",
		"1e":    "invalid decimal literal",
		"1e+":   "invalid decimal literal",
		"0x":    "invalid hexadecimal literal",
		"0xg":   "invalid hexadecimal literal",
		"0o":    "invalid octal literal",
		"0o8":   "invalid digit '8' in octal literal",
		"0o18":  "invalid digit '8' in octal literal",
		"0b2":   "invalid digit '2' in binary literal",
		"0b":    "invalid binary literal",
		"1.2j3": "invalid imaginary literal",
		"0777":  "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
		"0_":    "invalid decimal literal",
		"0x1g":  "invalid hexadecimal literal",
	} {
		e := lexErr(t, src)
		assert.Equal(t, want, e.Msg, src)
		assert.Equal(t, Raised, e.Class, src)
	}
}

func TestInvalidCharacters(t *testing.T) {
	e := lexErr(t, "x = €\n")
	assert.Equal(t, "invalid character '€' (U+20AC)", e.Msg)
	assert.Equal(t, 5, e.Offset)
	e = lexErr(t, "x = \u00a0\n")
	assert.Equal(t, "invalid non-printable character U+00A0", e.Msg)
	e = lexErr(t, "x = \x01\n")
	assert.Equal(t, "invalid non-printable character U+0001", e.Msg)
	e = lexErr(t, "ab€c = 1\n")
	assert.Equal(t, "invalid character '€' (U+20AC)", e.Msg)
	assert.Equal(t, 3, e.Offset)
	// Non-ASCII identifiers are fine.
	assert.Equal(t, "NAME(café) = NAME(π) NEWLINE EOF", kinds(lex(t, "café = π")))
}

func TestBrackets(t *testing.T) {
	e := lexErr(t, ")\n")
	assert.Equal(t, "unmatched ')'", e.Msg)
	e = lexErr(t, "(]\n")
	assert.Equal(t, "closing parenthesis ']' does not match opening parenthesis '('", e.Msg)
	e = lexErr(t, "(\n]\n")
	assert.Equal(t, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", e.Msg)

	e = lexErr(t, "x = [1,\n2\n")
	assert.Equal(t, "'[' was never closed", e.Msg)
	assert.Equal(t, Unclosed, e.Class)
	assert.True(t, e.Incomplete)
	assert.Equal(t, []int{1, 5, 1, 0}, []int{e.Lineno, e.Offset, e.EndLineno, e.EndOffset})
	assert.Equal(t, "x = [1,", e.Text)

	ok := strings.Repeat("(", MaxLevel) + strings.Repeat(")", MaxLevel)
	assert.NotContains(t, kinds(lex(t, ok)), "ERROR")
	e = lexErr(t, strings.Repeat("(", MaxLevel+1))
	assert.Equal(t, "too many nested parentheses", e.Msg)
	assert.Equal(t, MaxLevel+1, e.Offset)
}

func TestContinuationErrors(t *testing.T) {
	e := lexErr(t, "x = \\ 1\n")
	assert.Equal(t, "unexpected character after line continuation character", e.Msg)
	assert.Equal(t, Deferred, e.Class)
	e = lexErr(t, "x = 1 + \\")
	assert.Equal(t, "unexpected EOF while parsing", e.Msg)
	assert.True(t, e.Incomplete)
	e = lexErr(t, "x = (1 + \\")
	assert.Equal(t, "'(' was never closed", e.Msg)
}

func TestPrepare(t *testing.T) {
	text, err := Prepare([]byte("\xef\xbb\xbfx = 1\r\ny = 2\rz"))
	require.Nil(t, err)
	assert.Equal(t, "x = 1\ny = 2\nz\n", text)

	text, err = Prepare([]byte("# -*- coding: latin-1 -*-\nx = '\xe9'\n"))
	require.Nil(t, err)
	assert.Equal(t, "# -*- coding: latin-1 -*-\nx = 'é'\n", text)

	text, err = Prepare([]byte("#!/usr/bin/env python\n# vim: set fileencoding=utf-8 :\nx = 'é'\n"))
	require.Nil(t, err)
	assert.Contains(t, text, "é")

	_, err = Prepare([]byte("# coding: klingon\n"))
	require.NotNil(t, err)
	assert.Equal(t, "unknown encoding: klingon", err.Msg)

	_, err = Prepare([]byte("x = 1\x00\n"))
	require.NotNil(t, err)
	assert.Equal(t, "source code string cannot contain null bytes", err.Msg)
}

func TestInvalidUTF8Identifier(t *testing.T) {
	text, perr := Prepare([]byte("\xff = 1\n"))
	require.Nil(t, perr)
	toks := Tokenize(text)
	require.Equal(t, ERROR, toks[0].Kind)
	assert.Equal(t, "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", toks[0].Err.Msg)
	// In a comment, bytes are never decoded.
	text, _ = Prepare([]byte("# \xff\nx\n"))
	assert.Equal(t, "NAME(x) NEWLINE EOF", kinds(Tokenize(text)))
}

func TestConfigOffsets(t *testing.T) {
	toks := TokenizeConfig("(a +\nb)\n", Config{FirstLine: 10, FirstCol: 7})
	assert.Equal(t, int32(10), toks[1].Line)
	assert.Equal(t, int32(8), toks[1].Col) // shifted on the first line
	assert.Equal(t, int32(11), toks[3].Line)
	assert.Equal(t, int32(0), toks[3].Col) // not on later lines
}

func TestDecodeStr(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:                    "plain",
		`\n\t\r\\\'\"\a\b\f\v`:     "\n\t\r\\'\"\a\b\f\v",
		`\x41\u00e9\U0001F600`:     "Aé😀",
		`\101\7\0`:                 "A\a\x00",
		`\777`:                     "ǿ",
		`\q\{`:                     `\q\{`,
		"a\\\nb":                   "ab",
		`\N{EURO SIGN}`:            "€",
		`\N{latin small letter a}`: "a",
		`é\n`:                      "é\n",
		`\é`:                       `\é`,
	} {
		got, msg := DecodeStr(in)
		assert.Equal(t, "", msg, in)
		assert.Equal(t, want, got, in)
	}
	// A lone surrogate is kept, encoded as WTF-8.
	got, _ := DecodeStr(`\ud800`)
	assert.Equal(t, "\xed\xa0\x80", got)
	r, n := DecodeWTF8(got)
	assert.Equal(t, rune(0xD800), r)
	assert.Equal(t, 3, n)

	for in, want := range map[string]string{
		`a\x4`:       "'unicodeescape' codec can't decode bytes in position 1-3: truncated \\xXX escape",
		`\x`:         "'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape",
		`\u12`:       "'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape",
		`\U00110000`: "'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character",
		`\N{foo}`:    "'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name",
		`\Nx`:        "'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape",
		`é\x`:        "'unicodeescape' codec can't decode bytes in position 10-11: truncated \\xXX escape",
	} {
		_, msg := DecodeStr(in)
		assert.Equal(t, want, msg, in)
	}
}

func TestDecodeBytes(t *testing.T) {
	got, msg := DecodeBytes(`\x41\n\777\q`)
	assert.Equal(t, "", msg)
	assert.Equal(t, "A\n\xff\\q", got)
	_, msg = DecodeBytes(`ab\x4`)
	assert.Equal(t, "invalid \\x escape at position 2", msg)
}

func TestUTF8Error(t *testing.T) {
	assert.Equal(t, "", UTF8Error("héllo"))
	assert.Equal(t, "can't decode byte 0xff in position 1: invalid start byte", UTF8Error("a\xff"))
	assert.Equal(t, "can't decode byte 0xe2 in position 0: invalid continuation byte", UTF8Error("\xe2x"))
	assert.Equal(t, "can't decode bytes in position 0-1: invalid continuation byte", UTF8Error("\xe2\x82x"))
	assert.Equal(t, "can't decode bytes in position 0-1: unexpected end of data", UTF8Error("\xe2\x82"))
	assert.Equal(t, "can't decode byte 0xed in position 0: invalid continuation byte", UTF8Error("\xed\xa0\x80"))
}

func TestCharOffset(t *testing.T) {
	assert.Equal(t, 3, CharOffset("aéb", 4)) // bytes a, é(2), b
	assert.Equal(t, 2, CharOffset("aéb", 2)) // a cut character counts once
	assert.Equal(t, 4, CharOffset("aéb", 9)) // clamped to len+1
}
