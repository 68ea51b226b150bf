package parser

import (
	plexer "github.com/alecthomas/participle/v2/lexer"

	"gilpy/lexer"
	"gilpy/parser/ast"
)

// matchStatement parses a match statement at a NAME "match". It is written
// by hand because "match" and "case" are soft keywords: "match" starts a
// match statement only if a subject and ':' follow, otherwise it is a name
// ("match(x)", "match = 1"); that needs more lookahead than participle's
// grammar should carry. Case bodies are parsed by participle. It reports
// false (and no error) if the line is not a match statement.
func (p *parser) matchStatement(lex *plexer.PeekingLexer) (*ast.Match, bool) {
	if !canStartStarExpr(p.peekKind(1)) {
		return nil, false
	}
	start := p.i
	m := p.mark()
	p.next()
	subject := p.subjectExpr()
	if subject != nil && p.kind() == lexer.NEWLINE {
		// invalid_match_stmt: "match" subject_expr NEWLINE, unless the
		// line is a valid expression statement such as "match(x)".
		nl := p.i
		p.backtrack(m)
		if s := p.exprStatement(); s != nil && p.err == nil && p.i == nl {
			p.backtrack(m)
			return nil, false
		}
		if p.err != nil && (p.err.lex != nil || p.err.action) {
			// Raised by CPython's first pass, before it tries
			// invalid_match_stmt.
			return nil, true
		}
		p.err = nil
		p.i = nl
		p.raise("expected ':'")
		return nil, true
	}
	if subject == nil || p.kind() != lexer.COLON {
		if !p.backtrack(m) {
			return nil, true
		}
		return nil, false
	}
	p.next() // ':'
	return p.matchBody(lex, start, subject), true
}

// subjectExpr is star_named_expression ',' star_named_expressions? |
// named_expression.
func (p *parser) subjectExpr() ast.Expr {
	start := p.i
	elts, tuple := p.commaList(p.starNamedExpression, canStartStarExpr)
	if !tuple {
		if elts == nil {
			return nil
		}
		if _, ok := elts[0].(*ast.Starred); ok {
			p.syntaxError()
			return nil
		}
		return elts[0]
	}
	return &ast.Tuple{Pos: p.spanTo(start), Elts: elts, Ctx: ast.Load}
}

func (p *parser) matchBody(lex *plexer.PeekingLexer, start int, subject ast.Expr) *ast.Match {
	if p.kind() != lexer.NEWLINE {
		p.syntaxError()
		return nil
	}
	p.next()
	if p.kind() != lexer.INDENT {
		p.raiseIndent("expected an indented block after 'match' statement on line " + itoa(int(p.toks[start].Line)))
		return nil
	}
	p.next()
	s := &ast.Match{Subject: subject}
	for p.isSoft("case") {
		c := p.caseBlock(lex)
		if c == nil {
			return nil
		}
		s.Cases = append(s.Cases, c)
	}
	if len(s.Cases) == 0 || p.kind() != lexer.DEDENT {
		p.syntaxError()
		return nil
	}
	p.next()
	s.Pos = p.extentTo(start, p.i)
	return s
}

// caseBlock is "case" patterns guard? ':' block, with invalid_case_block.
func (p *parser) caseBlock(lex *plexer.PeekingLexer) *ast.MatchCase {
	p.next() // 'case'
	c := &ast.MatchCase{}
	if c.Pattern = p.patterns(); c.Pattern == nil {
		return nil
	}
	if p.accept(lexer.IF) {
		if !canStartExpr(p.kind()) {
			p.syntaxError()
			return nil
		}
		if c.Guard = p.namedExpression(); c.Guard == nil {
			return nil
		}
	}
	switch p.kind() {
	case lexer.COLON:
		p.next()
	case lexer.NEWLINE:
		p.raise("expected ':'")
		return nil
	default:
		p.syntaxError()
		return nil
	}
	if c.Body = p.parseBlock(lex); c.Body == nil {
		return nil
	}
	return c
}

// patterns is open_sequence_pattern | pattern.
func (p *parser) patterns() ast.Pattern {
	start := p.i
	first := p.maybeStarPattern()
	if first == nil {
		return nil
	}
	if p.kind() != lexer.COMMA {
		if _, ok := first.(*ast.MatchStar); ok {
			p.syntaxError()
			return nil
		}
		return first
	}
	pats := []ast.Pattern{first}
	for p.accept(lexer.COMMA) {
		if !p.canStartPattern() {
			break
		}
		q := p.maybeStarPattern()
		if q == nil {
			return nil
		}
		pats = append(pats, q)
	}
	return &ast.MatchSequence{Pos: p.spanTo(start), Patterns: pats}
}

func (p *parser) canStartPattern() bool {
	switch p.kind() {
	case lexer.NAME, lexer.NUMBER, lexer.STRING, lexer.MINUS, lexer.LPAR, lexer.LSQB, lexer.LBRACE,
		lexer.NONE, lexer.TRUE, lexer.FALSE, lexer.STAR:
		return true
	}
	return false
}

// maybeStarPattern is star_pattern | pattern.
func (p *parser) maybeStarPattern() ast.Pattern {
	if p.kind() != lexer.STAR {
		return p.pattern()
	}
	start := p.i
	p.next()
	if p.kind() != lexer.NAME {
		p.syntaxError()
		return nil
	}
	name := p.next()
	if k := p.kind(); k == lexer.DOT || k == lexer.LPAR || k == lexer.EQUAL {
		p.syntaxError()
		return nil
	}
	s := &ast.MatchStar{Pos: p.spanTo(start)}
	if name.Value != "_" {
		s.Name = p.identifier(name)
	}
	return s
}

// pattern is as_pattern | or_pattern, with invalid_as_pattern.
func (p *parser) pattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.i
	or := p.orPattern()
	if or == nil || p.kind() != lexer.AS {
		return or
	}
	p.next() // 'as'
	if p.kind() == lexer.NAME {
		if p.tok().Value == "_" {
			p.raiseToken(p.i, "cannot use '_' as a target")
			return nil
		}
		name := p.next()
		if k := p.kind(); k == lexer.DOT || k == lexer.LPAR || k == lexer.EQUAL {
			p.syntaxError()
			return nil
		}
		return &ast.MatchAs{Pos: p.spanTo(start), Pattern: or, Name: p.identifier(name)}
	}
	// invalid_as_pattern: or_pattern 'as' !NAME a=expression
	m := p.mark()
	if canStartExpr(p.kind()) {
		if e := p.expression(); e != nil {
			p.raiseNode(e, "invalid pattern target")
			return nil
		}
	}
	if p.reset(m) {
		p.syntaxError()
	}
	return nil
}

// orPattern is '|'.closed_pattern+.
func (p *parser) orPattern() ast.Pattern {
	start := p.i
	first := p.closedPattern()
	if first == nil || p.kind() != lexer.VBAR {
		return first
	}
	pats := []ast.Pattern{first}
	for p.accept(lexer.VBAR) {
		q := p.closedPattern()
		if q == nil {
			return nil
		}
		pats = append(pats, q)
	}
	return &ast.MatchOr{Pos: p.spanTo(start), Patterns: pats}
}

// closedPattern is one of the closed_pattern alternatives.
func (p *parser) closedPattern() ast.Pattern {
	start := p.i
	switch p.kind() {
	case lexer.NUMBER, lexer.MINUS:
		v := p.numberPattern()
		if v == nil {
			return nil
		}
		return &ast.MatchValue{Pos: *v.GetPos(), Value: v}
	case lexer.STRING:
		v := p.strings()
		if v == nil {
			return nil
		}
		return &ast.MatchValue{Pos: *v.GetPos(), Value: v}
	case lexer.NONE, lexer.TRUE, lexer.FALSE:
		k := map[lexer.Kind]ast.ConstKind{lexer.NONE: ast.KindNone, lexer.TRUE: ast.KindTrue, lexer.FALSE: ast.KindFalse}[p.kind()]
		p.next()
		return &ast.MatchSingleton{Pos: p.posOf(start), Value: k}
	case lexer.NAME:
		return p.namePattern()
	case lexer.LPAR:
		p.next()
		if p.accept(lexer.RPAR) {
			return &ast.MatchSequence{Pos: p.spanTo(start)}
		}
		first := p.maybeStarPattern()
		if first == nil {
			return nil
		}
		if p.kind() == lexer.RPAR {
			if _, ok := first.(*ast.MatchStar); ok {
				p.syntaxError()
				return nil
			}
			p.next()
			return first // a group: the parentheses leave no trace
		}
		if p.kind() != lexer.COMMA {
			p.syntaxError()
			return nil
		}
		pats := []ast.Pattern{first}
		for p.accept(lexer.COMMA) {
			if p.kind() == lexer.RPAR {
				break
			}
			q := p.maybeStarPattern()
			if q == nil {
				return nil
			}
			pats = append(pats, q)
		}
		if !p.accept(lexer.RPAR) {
			p.syntaxError()
			return nil
		}
		return &ast.MatchSequence{Pos: p.spanTo(start), Patterns: pats}
	case lexer.LSQB:
		p.next()
		var pats []ast.Pattern
		for p.kind() != lexer.RSQB {
			q := p.maybeStarPattern()
			if q == nil {
				return nil
			}
			pats = append(pats, q)
			if !p.accept(lexer.COMMA) {
				break
			}
		}
		if !p.accept(lexer.RSQB) {
			p.syntaxError()
			return nil
		}
		return &ast.MatchSequence{Pos: p.spanTo(start), Patterns: pats}
	case lexer.LBRACE:
		return p.mappingPattern()
	}
	p.syntaxError()
	return nil
}

// numberPattern is signed_number !('+' | '-') | complex_number.
func (p *parser) numberPattern() ast.Expr {
	start := p.i
	real := p.signedNumber()
	if real == nil {
		return nil
	}
	if p.kind() != lexer.PLUS && p.kind() != lexer.MINUS {
		return real
	}
	// complex_number: signed_real_number ('+'|'-') imaginary_number
	if isImaginary(real) {
		p.raiseNode(numberOf(real), "real number required in complex literal")
		return nil
	}
	op := ast.Add
	if p.next().Kind == lexer.MINUS {
		op = ast.Sub
	}
	if p.kind() != lexer.NUMBER {
		p.syntaxError()
		return nil
	}
	imag := p.number(p.i)
	p.next()
	if !isImaginary(imag) {
		p.raiseNode(imag, "imaginary number required in complex literal")
		return nil
	}
	return &ast.BinOp{Pos: p.spanTo(start), Left: real, Op: op, Right: imag}
}

func numberOf(e ast.Expr) ast.Expr {
	if u, ok := e.(*ast.UnaryOp); ok {
		return u.Operand
	}
	return e
}

func isImaginary(e ast.Expr) bool {
	c, ok := numberOf(e).(*ast.Constant)
	return ok && c.Kind == ast.KindComplex
}

// signedNumber is NUMBER | '-' NUMBER.
func (p *parser) signedNumber() ast.Expr {
	start := p.i
	neg := p.accept(lexer.MINUS)
	if p.kind() != lexer.NUMBER {
		p.syntaxError()
		return nil
	}
	n := p.number(p.i)
	p.next()
	if !neg {
		return n
	}
	return &ast.UnaryOp{Pos: p.spanTo(start), Op: ast.USub, Operand: n}
}

// nameOrAttr parses NAME ('.' NAME)* as a Name or Attribute chain.
func (p *parser) nameOrAttr() (ast.Expr, bool) {
	start := p.i
	var e ast.Expr = &ast.Name{Pos: p.posOf(p.i), Id: p.identifier(p.tok()), Ctx: ast.Load}
	p.next()
	dotted := false
	for p.kind() == lexer.DOT {
		p.next()
		if p.kind() != lexer.NAME {
			p.syntaxError()
			return nil, false
		}
		name := p.next()
		e = &ast.Attribute{Pos: p.spanTo(start), Value: e, Attr: p.identifier(name), Ctx: ast.Load}
		dotted = true
	}
	return e, dotted
}

// namePattern handles the closed patterns that start with a NAME: capture,
// wildcard, value and class patterns.
func (p *parser) namePattern() ast.Pattern {
	start := p.i
	t := p.tok()
	next := p.peekKind(1)
	if next != lexer.DOT && next != lexer.LPAR && next != lexer.EQUAL {
		p.next()
		if t.Value == "_" {
			return &ast.MatchAs{Pos: p.posOf(start)}
		}
		return &ast.MatchAs{Pos: p.posOf(start), Name: p.identifier(t)}
	}
	if t.Value == "_" {
		// wildcard_pattern matches "_" before value_pattern and
		// class_pattern are tried: "_.x" and "_()" are errors.
		p.next()
		return &ast.MatchAs{Pos: p.posOf(start)}
	}
	cls, dotted := p.nameOrAttr()
	if cls == nil {
		return nil
	}
	if p.kind() == lexer.LPAR {
		return p.classPattern(start, cls)
	}
	if !dotted || p.kind() == lexer.EQUAL {
		p.syntaxError()
		return nil
	}
	return &ast.MatchValue{Pos: p.spanTo(start), Value: cls}
}

// classPattern is name_or_attr '(' [patterns and keyword patterns] ')'.
func (p *parser) classPattern(start int, cls ast.Expr) ast.Pattern {
	p.next() // '('
	c := &ast.MatchClass{Cls: cls}
	var lateStart, lateEnd ast.Pattern // positional patterns after keyword ones
	for p.kind() != lexer.RPAR {
		if p.kind() == lexer.NAME && p.peekKind(1) == lexer.EQUAL {
			name := p.next()
			p.next() // '='
			q := p.pattern()
			if q == nil {
				return nil
			}
			c.KwdAttrs = append(c.KwdAttrs, p.identifier(name))
			c.KwdPatterns = append(c.KwdPatterns, q)
		} else {
			q := p.pattern()
			if q == nil {
				return nil
			}
			if len(c.KwdAttrs) > 0 {
				// invalid_class_argument_pattern: keyword patterns ','
				// positional patterns — the first run of them.
				lateStart, lateEnd = q, q
				for p.kind() == lexer.COMMA && p.peekKind(1) != lexer.RPAR &&
					!(p.peekKind(1) == lexer.NAME && p.peekKind(2) == lexer.EQUAL) {
					m := p.mark()
					p.next()
					r := p.pattern()
					if r == nil {
						p.reset(m)
						break
					}
					lateEnd = r
				}
				p.raiseRange(*lateStart.GetPos(), *lateEnd.GetPos(), "positional patterns follow keyword patterns")
				return nil
			}
			c.Patterns = append(c.Patterns, q)
		}
		if !p.accept(lexer.COMMA) {
			break
		}
	}
	if p.kind() != lexer.RPAR {
		p.syntaxError()
		return nil
	}
	p.next()
	c.Pos = p.spanTo(start)
	return c
}

// mappingPattern is '{' [items] ['**' NAME] '}'.
func (p *parser) mappingPattern() ast.Pattern {
	start := p.i
	p.next() // '{'
	m := &ast.MatchMapping{}
	for p.kind() != lexer.RBRACE {
		if p.kind() == lexer.DOUBLESTAR {
			p.next()
			if p.kind() != lexer.NAME || p.tok().Value == "_" {
				p.syntaxError()
				return nil
			}
			m.Rest = p.identifier(p.next())
			p.accept(lexer.COMMA)
			break
		}
		var key ast.Expr
		switch p.kind() {
		case lexer.NUMBER, lexer.MINUS:
			key = p.numberPattern()
		case lexer.STRING:
			key = p.strings()
		case lexer.NONE, lexer.TRUE, lexer.FALSE:
			key = p.atom()
		case lexer.NAME:
			var dotted bool
			key, dotted = p.nameOrAttr()
			if key != nil && !dotted {
				p.syntaxError()
				return nil
			}
		default:
			p.syntaxError()
			return nil
		}
		if key == nil {
			return nil
		}
		if !p.accept(lexer.COLON) {
			p.syntaxError()
			return nil
		}
		q := p.pattern()
		if q == nil {
			return nil
		}
		m.Keys = append(m.Keys, key)
		m.Patterns = append(m.Patterns, q)
		if !p.accept(lexer.COMMA) {
			break
		}
	}
	if !p.accept(lexer.RBRACE) {
		p.syntaxError()
		return nil
	}
	m.Pos = p.spanTo(start)
	return m
}
