package parser

import (
	"fmt"

	"gilpy/lexer"
	"gilpy/parser/ast"
)

// f-strings, the Python 3.11 way: the lexer returns an f-string as one STRING
// token, and the parser takes its text apart (Parser/string_parser.c). Each
// replacement field's expression is lexed and parsed on its own, wrapped in
// parentheses, by a sub-parser whose tokens are shifted to the field's place
// in the file. That is why CPython 3.11 gives f-string expressions the odd
// positions it does (a tuple field "{a, b}" starts at the brace), and why
// errors in them show the text "(a b)" rather than the source line; gilpy
// does the same.

// fstringCtx describes a sub-parser for one f-string field.
type fstringCtx struct {
	startCol int // CPython's starting_col_offset
}

// fstringConcat is _PyPegen_FstringParser_ConcatFstring: it parses the
// f-string body s[pos:end] of token tok (s is the token's text) into st. It
// returns the position where it stopped.
func (p *parser) fstringConcat(st *fstrState, tok, pos, end int, raw bool, recurse, first, last int) (int, bool) {
	s := p.toks[tok].Value
	st.fmode = true
	for {
		var lit string
		var ok bool
		var doubled bool
		pos, lit, doubled, ok = p.fstringLiteral(s, pos, end, raw, recurse)
		if !ok {
			return pos, false
		}
		st.addLiteral(lit)
		if doubled {
			continue
		}
		if pos >= end || s[pos] == '}' {
			break
		}
		// A replacement field starts at s[pos] == '{'.
		var fv ast.Expr
		var exprText string
		pos, fv, exprText, ok = p.fstringField(s, pos, end, raw, recurse, tok, first, last)
		if !ok {
			return pos, false
		}
		st.addLiteral(exprText)
		p.flushLiteral(st, first, last)
		st.values = append(st.values, fv)
	}
	if recurse == 0 && pos < end-1 {
		p.raiseAction("f-string: unexpected end of string")
		return pos, false
	}
	if recurse != 0 && (pos >= end || s[pos] != '}') {
		p.raiseAction("f-string: expecting '}'")
		return pos, false
	}
	return pos, true
}

// fstringLiteral is fstring_find_literal: it scans literal text up to a
// field's '{' (or a nested format spec's closing '}') and decodes it. It
// reports doubled if it stopped after "{{" or "}}" (one brace kept).
func (p *parser) fstringLiteral(s string, pos, end int, raw bool, recurse int) (int, string, bool, bool) {
	start := pos
	doubled := false
	for pos < end {
		ch := s[pos]
		pos++
		if !raw && ch == '\\' && pos < end {
			ch = s[pos]
			pos++
			if ch == 'N' {
				// Skip "\N{...}" so its braces do not start a field.
				if pos < end {
					c := s[pos]
					pos++
					if c == '{' {
						for pos < end {
							c = s[pos]
							pos++
							if c == '}' {
								break
							}
						}
					}
				}
				continue
			}
		}
		if ch == '{' || ch == '}' {
			if recurse == 0 {
				if pos < end && s[pos] == ch {
					doubled = true
					break
				}
				if ch == '}' {
					p.raiseAction("f-string: single '}' is not allowed")
					return pos, "", false, false
				}
			}
			pos--
			break
		}
	}
	text := s[start:pos]
	next := pos
	if doubled {
		next = pos + 1
	}
	if text == "" {
		return next, "", doubled, true
	}
	if raw {
		if msg := lexer.UTF8Error(text); msg != "" {
			p.raiseAction("(unicode error) 'utf-8' codec " + msg)
			return next, "", false, false
		}
		return next, text, doubled, true
	}
	decoded, msg := lexer.DecodeStr(text)
	if msg != "" {
		p.raiseAction("(unicode error) " + msg)
		return next, "", false, false
	}
	return next, decoded, doubled, true
}

// fstringField is fstring_find_expr: s[pos] is the '{' of a replacement
// field. It returns the position after the field's '}', the FormattedValue
// and, for "{expr=}", the expression's text.
func (p *parser) fstringField(s string, pos, end int, raw bool, recurse, tok, first, last int) (int, ast.Expr, string, bool) {
	if recurse >= 2 {
		p.raiseAction("f-string: expressions nested too deeply")
		return pos, nil, "", false
	}
	brace := pos
	pos++
	exprStart := pos
	var quote byte
	triple := false
	var stack []byte
	for ; pos < end; pos++ {
		ch := s[pos]
		if ch == '\\' {
			p.raiseAction("f-string expression part cannot include a backslash")
			return pos, nil, "", false
		}
		if quote != 0 {
			if ch == quote {
				if triple {
					if pos+2 < end && s[pos+1] == ch && s[pos+2] == ch {
						pos += 2
						quote, triple = 0, false
					}
				} else {
					quote = 0
				}
			}
			continue
		}
		switch {
		case ch == '\'' || ch == '"':
			if pos+2 < end && s[pos+1] == ch && s[pos+2] == ch {
				triple = true
				pos += 2
			}
			quote = ch
		case ch == '[' || ch == '{' || ch == '(':
			if len(stack) >= lexer.MaxLevel {
				p.raiseAction("f-string: too many nested parenthesis")
				return pos, nil, "", false
			}
			stack = append(stack, ch)
		case ch == '#':
			p.raiseAction("f-string expression part cannot include '#'")
			return pos, nil, "", false
		case len(stack) == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<'):
			if pos+1 < end {
				next := s[pos+1]
				if ch == '!' && next == '=' || ch == '=' && next == '=' || ch == '<' && next == '=' || ch == '>' && next == '=' {
					pos++
					continue
				}
			}
			if ch == '>' || ch == '<' {
				continue
			}
			goto found
		case ch == ']' || ch == '}' || ch == ')':
			if len(stack) == 0 {
				p.raiseAction(fmt.Sprintf("f-string: unmatched '%c'", ch))
				return pos, nil, "", false
			}
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !(open == '(' && ch == ')' || open == '[' && ch == ']' || open == '{' && ch == '}') {
				p.raiseAction(fmt.Sprintf("f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch, open))
				return pos, nil, "", false
			}
		}
	}
found:
	exprEnd := pos
	if quote != 0 {
		p.raiseAction("f-string: unterminated string")
		return pos, nil, "", false
	}
	if len(stack) > 0 {
		p.raiseAction(fmt.Sprintf("f-string: unmatched '%c'", stack[len(stack)-1]))
		return pos, nil, "", false
	}
	if pos >= end {
		p.raiseAction("f-string: expecting '}'")
		return pos, nil, "", false
	}
	value := p.fstringExpr(tok, s, brace, exprStart, exprEnd)
	if value == nil {
		return pos, nil, "", false
	}
	exprText := ""
	if s[pos] == '=' {
		pos++
		for pos < end && isPySpace(s[pos]) {
			pos++
		}
		if pos >= end {
			p.raiseAction("f-string: expecting '}'")
			return pos, nil, "", false
		}
		exprText = s[exprStart:pos]
	}
	conversion := -1
	if s[pos] == '!' {
		pos++
		if pos >= end {
			p.raiseAction("f-string: expecting '}'")
			return pos, nil, "", false
		}
		conversion = int(s[pos])
		pos++
		if conversion != 's' && conversion != 'r' && conversion != 'a' {
			p.raiseAction("f-string: invalid conversion character: expected 's', 'r', or 'a'")
			return pos, nil, "", false
		}
	}
	if pos >= end {
		p.raiseAction("f-string: expecting '}'")
		return pos, nil, "", false
	}
	var spec ast.Expr
	if s[pos] == ':' {
		pos++
		if pos >= end {
			p.raiseAction("f-string: expecting '}'")
			return pos, nil, "", false
		}
		var specState fstrState
		var ok bool
		pos, ok = p.fstringConcat(&specState, tok, pos, end, raw, recurse+1, first, last)
		if !ok {
			return pos, nil, "", false
		}
		// CPython gives the spec and its last part the field token's
		// position, the other parts the whole concatenation's.
		spec = p.fstringFinish(&specState, tok, tok)
	}
	if pos >= end || s[pos] != '}' {
		p.raiseAction("f-string: expecting '}'")
		return pos, nil, "", false
	}
	pos++
	if exprText != "" && spec == nil && conversion == -1 {
		conversion = 'r'
	}
	return pos, &ast.FormattedValue{Pos: p.span(first, last), Value: value, Conversion: conversion, FormatSpec: spec}, exprText, true
}

func isPySpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// fstringExpr is fstring_compile_expr: it parses the field expression
// s[start:end] of token tok, whose '{' is at s[brace].
func (p *parser) fstringExpr(tok int, s string, brace, start, end int) ast.Expr {
	blank := true
	for i := start; i < end; i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\n' && c != '\f' {
			blank = false
			break
		}
	}
	if blank {
		if c := s[end]; c == '!' || c == ':' || c == '=' {
			p.raiseAction(fmt.Sprintf("f-string: expression required before '%c'", c))
		} else {
			p.raiseAction("f-string: empty expression not allowed")
		}
		return nil
	}
	// fstring_find_expr_location: where the field sits in the file.
	lines, cols := 0, 0
	newlineAfterBrace := true
	for i := brace + 1; ; i++ {
		if i >= len(s) {
			newlineAfterBrace = false
			break
		}
		c := s[i]
		if c == '}' || c == '\n' {
			break
		}
		if c != ' ' && c != '\t' && c != '\f' {
			newlineAfterBrace = false
			break
		}
	}
	if !newlineAfterBrace {
		k := brace
		for k > 0 && s[k] != '\n' {
			k--
		}
		cols = brace - k
		if s[k] == '\n' {
			cols--
		}
	}
	for i := 0; i < brace; i++ {
		if s[i] == '\n' {
			lines++
		}
	}
	t := &p.toks[tok]
	startLine := int(t.Line) + lines
	startCol := cols
	if lines == 0 {
		startCol += int(t.Col)
	}
	src := "(" + s[start:end] + ")\n"
	toks := lexer.TokenizeConfig(src, lexer.Config{FirstLine: startLine, FirstCol: startCol})
	sub := newParser(p.filename, src, toks, ModeEval)
	sub.fs = &fstringCtx{startCol: startCol}
	sub.lineBase = startLine - 1
	sub.depth = p.depth
	var e ast.Expr
	if canStartStarExpr(sub.kind()) {
		e = sub.starExpressions()
	} else {
		sub.syntaxError()
	}
	if sub.err != nil {
		p.err = &perr{final: sub.finalError(), last: p.fetched}
		return nil
	}
	return e
}
