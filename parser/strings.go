package parser

import (
	"strings"

	"gilpy/lexer"
	"gilpy/parser/ast"
)

// strLiteral is one STRING token taken apart.
type strLiteral struct {
	bytes, raw, fmode bool
	body              string // between the quotes
	bodyOff           int    // offset of body in the token's text
}

func splitString(text string) strLiteral {
	var s strLiteral
	i := 0
	for ; i < len(text); i++ {
		switch text[i] {
		case 'b', 'B':
			s.bytes = true
			continue
		case 'r', 'R':
			s.raw = true
			continue
		case 'f', 'F':
			s.fmode = true
			continue
		case 'u', 'U':
			continue
		}
		break
	}
	q := 1
	if len(text)-i >= 6 && text[i+1] == text[i] && text[i+2] == text[i] {
		q = 3
	}
	s.bodyOff = i + q
	s.body = text[i+q : len(text)-q]
	return s
}

// fstrState accumulates the parts of a concatenation of string literals, as
// CPython's FstringParser does: literal text is merged until an f-string
// field needs a separate Constant.
type fstrState struct {
	lit    strings.Builder
	hasLit bool
	values []ast.Expr
	fmode  bool
}

func (st *fstrState) addLiteral(s string) {
	if s == "" {
		return
	}
	st.lit.WriteString(s)
	st.hasLit = true
}

// flush turns pending literal text into a Constant spanning tokens first..last.
func (p *parser) flushLiteral(st *fstrState, first, last int) {
	if !st.hasLit {
		return
	}
	st.values = append(st.values, p.strConstant(st.lit.String(), first, last))
	st.lit.Reset()
	st.hasLit = false
}

// strConstant makes a str Constant spanning tokens first..last; like CPython
// it records the "u" kind when the first token starts with a lower-case u.
func (p *parser) strConstant(s string, first, last int) *ast.Constant {
	return &ast.Constant{Pos: p.span(first, last), Kind: ast.KindStr, Str: s,
		UPrefix: strings.HasPrefix(p.toks[first].Value, "u")}
}

// strings is "strings: STRING+" with _PyPegen_concatenate_strings: adjacent
// literals are concatenated, f-strings parsed, bytes and str not mixed.
func (p *parser) strings() ast.Expr {
	first := p.i
	for p.kind() == lexer.STRING {
		p.next()
	}
	last := p.i - 1
	p.kind() // CPython's STRING+ looked at the next token: errors point there
	var st fstrState
	var bytesBuf []byte
	bytesMode := false
	for i := first; i <= last; i++ {
		s := splitString(p.toks[i].Value)
		if s.bytes && !isASCIIString(s.body) {
			p.raiseToken(i, "bytes can only contain ASCII literal characters")
			p.markAction()
			return nil
		}
		var decoded string
		if !s.fmode {
			var msg string
			switch {
			case s.bytes && s.raw:
				decoded = s.body
			case s.bytes:
				if decoded, msg = lexer.DecodeBytes(s.body); msg != "" {
					p.raiseAction("(value error) " + msg)
					return nil
				}
			case s.raw:
				if msg := lexer.UTF8Error(s.body); msg != "" {
					p.raiseAction("(unicode error) 'utf-8' codec " + msg)
					return nil
				}
				decoded = s.body
			default:
				if decoded, msg = lexer.DecodeStr(s.body); msg != "" {
					p.raiseAction("(unicode error) " + msg)
					return nil
				}
			}
		}
		if i != first && bytesMode != s.bytes {
			p.raiseAction("cannot mix bytes and nonbytes literals")
			return nil
		}
		bytesMode = s.bytes
		switch {
		case s.fmode:
			st.fmode = true
			if _, ok := p.fstringConcat(&st, i, s.bodyOff, s.bodyOff+len(s.body), s.raw, 0, first, last); !ok {
				return nil
			}
		case s.bytes:
			bytesBuf = append(bytesBuf, decoded...)
		default:
			st.addLiteral(decoded)
		}
	}
	if bytesMode {
		return &ast.Constant{Pos: p.span(first, last), Kind: ast.KindBytes, Str: string(bytesBuf)}
	}
	return p.fstringFinish(&st, first, last)
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// fstringFinish is _PyPegen_FstringParser_Finish: a plain Constant if no
// f-string took part, else a JoinedStr.
func (p *parser) fstringFinish(st *fstrState, first, last int) ast.Expr {
	if !st.fmode {
		return p.strConstant(st.lit.String(), first, last)
	}
	p.flushLiteral(st, first, last)
	return &ast.JoinedStr{Pos: p.span(first, last), Values: st.values}
}
