package parser

import (
	plexer "github.com/alecthomas/participle/v2/lexer"

	"gilpy/lexer"
	"gilpy/parser/ast"
)

// The Parseable types the statement grammar uses for everything with its
// own syntax or error rules: expressions, targets, parameter lists, import
// names, and the ':' and INDENT that CPython reports with special messages.

func startsExpr(p *parser) bool     { return canStartExpr(p.kind()) }
func startsStarExpr(p *parser) bool { return canStartStarExpr(p.kind()) }
func always(*parser) bool           { return true }

// exprLeaf is an expression.
type exprLeaf struct{ E ast.Expr }

func (x *exprLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, startsExpr, func(p *parser) bool { x.E = p.expression(); return x.E != nil })
}

// namedExprLeaf is a named_expression (conditions and decorators).
type namedExprLeaf struct{ E ast.Expr }

func (x *namedExprLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, startsExpr, func(p *parser) bool { x.E = p.namedExpression(); return x.E != nil })
}

// starExprsLeaf is star_expressions (return values, for iterables).
type starExprsLeaf struct{ E ast.Expr }

func (x *starExprsLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, startsStarExpr, func(p *parser) bool { x.E = p.starExpressions(); return x.E != nil })
}

// forTargetsLeaf is a for loop's targets.
type forTargetsLeaf struct{ E ast.Expr }

func (x *forTargetsLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, startsStarExpr, func(p *parser) bool { x.E = p.forTargets(); return x.E != nil })
}

// nameLeaf is a NAME that must follow a keyword (as in "import a as b"):
// if it is missing, the error is at the token instead of the keyword, as in
// CPython.
type nameLeaf struct{ Name string }

func (x *nameLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, always, func(p *parser) bool {
		if p.kind() != lexer.NAME {
			p.syntaxError()
			return false
		}
		x.Name = p.identifier(p.next())
		return true
	})
}

// colonLeaf is the ':' ending a compound statement's header. Where it is
// missing CPython says "expected ':'" in some cases and "invalid syntax"
// in others, depending on the statement and what follows.
type colonLeaf struct{}

func (x *colonLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, always, func(p *parser) bool {
		if p.accept(lexer.COLON) {
			return true
		}
		p.expectedColon()
		return false
	})
}

// headerStart returns the index of the first token of the logical line that
// holds token i.
func (p *parser) headerStart(i int) int {
	for i > 0 {
		switch p.toks[i-1].Kind {
		case lexer.NEWLINE, lexer.INDENT, lexer.DEDENT:
			return i
		}
		i--
	}
	return i
}

// headerKeyword returns the keyword token that starts the header holding
// token i ("def" for "async def", "for" for "async for", ...).
func (p *parser) headerKeyword(i int) int {
	j := p.headerStart(i)
	if p.toks[j].Kind == lexer.ASYNC {
		j++
	}
	return j
}

// expectedColon reports a missing ':' at the current token.
func (p *parser) expectedColon() {
	kw := p.headerKeyword(p.i)
	switch t := &p.toks[kw]; t.Kind {
	case lexer.DEF, lexer.ELSE, lexer.TRY, lexer.FINALLY:
		// CPython's forced token (&&':'): any token gets the message.
		p.raiseToken(p.i, "expected ':'")
		return
	case lexer.IF, lexer.ELIF, lexer.WHILE, lexer.FOR, lexer.WITH, lexer.CLASS, lexer.EXCEPT:
	case lexer.NAME:
		if t.Value != "match" && t.Value != "case" {
			p.syntaxError()
			return
		}
	default:
		p.syntaxError()
		return
	}
	if p.kind() == lexer.NEWLINE {
		p.raise("expected ':'")
		return
	}
	p.syntaxError()
}

// indentLeaf is the INDENT that must follow a header's NEWLINE; without it
// CPython names the statement that wanted a block.
type indentLeaf struct{}

func (x *indentLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, always, func(p *parser) bool {
		if p.accept(lexer.INDENT) {
			return true
		}
		p.expectedBlock(p.i - 1)
		return false
	})
}

// expectedBlock raises "expected an indented block after ..." for the
// header ending with the NEWLINE at token nl.
func (p *parser) expectedBlock(nl int) {
	kw := p.headerKeyword(nl)
	t := &p.toks[kw]
	what := ""
	switch t.Kind {
	case lexer.IF, lexer.ELIF, lexer.ELSE, lexer.WHILE, lexer.FOR, lexer.WITH, lexer.TRY, lexer.FINALLY:
		what = "'" + t.Value + "' statement"
	case lexer.EXCEPT:
		what = "'except' statement"
		if p.toks[kw+1].Kind == lexer.STAR {
			what = "'except*' statement"
		}
	case lexer.DEF:
		what = "function definition"
	case lexer.CLASS:
		what = "class definition"
	case lexer.NAME:
		if t.Value == "match" || t.Value == "case" {
			what = "'" + t.Value + "' statement"
		}
	}
	if what == "" {
		p.raiseIndent("expected an indented block")
		return
	}
	p.raiseIndent("expected an indented block after " + what + " on line " + itoa(int(t.Line)))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// paramsLeaf is a def's parenthesized parameter list; CPython insists on
// the '(' ("expected '('").
type paramsLeaf struct{ Args *ast.Arguments }

func (x *paramsLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, always, func(p *parser) bool {
		if p.kind() != lexer.LPAR {
			p.raiseToken(p.i, "expected '('")
			return false
		}
		p.next()
		x.Args = p.parameters(false)
		if x.Args == nil {
			return false
		}
		p.next() // ')' (checked by parameters)
		return true
	})
}

// classArgsLeaf is a class header's parenthesized bases and keywords.
type classArgsLeaf struct {
	Bases    []ast.Expr
	Keywords []*ast.Keyword
}

func (x *classArgsLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, func(p *parser) bool { return p.kind() == lexer.LPAR }, func(p *parser) bool {
		lpar := p.i
		p.next()
		if p.accept(lexer.RPAR) {
			return true
		}
		var ok bool
		x.Bases, x.Keywords, ok = p.arguments(lpar, true)
		return ok
	})
}

// delTargetsLeaf is del_targets, with invalid_del_stmt.
type delTargetsLeaf struct{ Targets []ast.Expr }

func (x *delTargetsLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, startsStarExpr, func(p *parser) bool {
		start := p.i
		elts, tuple := p.exprList()
		if elts == nil {
			return false
		}
		valid := true
		for _, e := range elts {
			if !isDelTarget(e) {
				valid = false
			}
		}
		if valid && (p.kind() == lexer.SEMI || p.kind() == lexer.NEWLINE) {
			for _, e := range elts {
				setContext(e, ast.Del)
			}
			x.Targets = elts
			return true
		}
		var all ast.Expr = elts[0]
		if tuple {
			all = &ast.Tuple{Pos: p.spanTo(start), Elts: elts}
		}
		if !p.raiseInvalidTarget(delTargets, all) {
			p.syntaxError()
		}
		return false
	})
}

// isDelTarget reports whether e is a del_target.
func isDelTarget(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return true
	case *ast.Tuple:
		for _, elt := range n.Elts {
			if !isDelTarget(elt) {
				return false
			}
		}
		return true
	case *ast.List:
		for _, elt := range n.Elts {
			if !isDelTarget(elt) {
				return false
			}
		}
		return true
	}
	return false
}

// importTargetsLeaf is import_from_targets.
type importTargetsLeaf struct {
	Names []*ast.Alias
}

func (x *importTargetsLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, always, func(p *parser) bool {
		switch p.kind() {
		case lexer.STAR:
			x.Names = []*ast.Alias{{Pos: p.posOf(p.i), Name: "*"}}
			p.next()
			return true
		case lexer.LPAR:
			p.next()
			for {
				a := p.importAsName()
				if a == nil {
					return false
				}
				x.Names = append(x.Names, a)
				if !p.accept(lexer.COMMA) || p.kind() == lexer.RPAR {
					break
				}
			}
			if !p.accept(lexer.RPAR) {
				p.syntaxError()
				return false
			}
			return true
		}
		for {
			a := p.importAsName()
			if a == nil {
				return false
			}
			x.Names = append(x.Names, a)
			if p.kind() != lexer.COMMA {
				return true
			}
			p.next()
			if p.kind() == lexer.NEWLINE {
				p.raise("trailing comma not allowed without surrounding parentheses")
				return false
			}
		}
	})
}

// importAsName is NAME ['as' NAME].
func (p *parser) importAsName() *ast.Alias {
	if p.kind() != lexer.NAME {
		p.syntaxError()
		return nil
	}
	start := p.i
	a := &ast.Alias{Name: p.identifier(p.next())}
	if p.accept(lexer.AS) {
		if p.kind() != lexer.NAME {
			p.syntaxError()
			return nil
		}
		a.Asname = p.identifier(p.next())
	}
	a.Pos = p.spanTo(start)
	return a
}

// withItemsLeaf is a with statement's items, parenthesized or not.
type withItemsLeaf struct{ Items []*ast.WithItem }

func (x *withItemsLeaf) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, startsExpr, func(p *parser) bool {
		if p.kind() == lexer.LPAR {
			// 'with' '(' ','.with_item+ ','? ')' ':' — else the
			// parenthesis belongs to the first expression.
			m := p.mark()
			p.next()
			items := p.withItems(true)
			if items != nil && p.kind() == lexer.RPAR {
				// ')' ':' — or ')' NEWLINE, which invalid_with_stmt
				// reports as "expected ':'" (the colon leaf does).
				if k := p.peekKind(1); k == lexer.COLON || k == lexer.NEWLINE {
					p.next()
					x.Items = items
					return true
				}
			}
			if !p.backtrack(m) {
				return false
			}
		}
		x.Items = p.withItems(false)
		return x.Items != nil
	})
}

// withItems parses ','.with_item+ (with an optional trailing comma inside
// parentheses).
func (p *parser) withItems(parens bool) []*ast.WithItem {
	var items []*ast.WithItem
	for {
		if !canStartExpr(p.kind()) {
			p.syntaxError()
			return nil
		}
		e := p.expression()
		if e == nil {
			return nil
		}
		item := &ast.WithItem{ContextExpr: e}
		if p.accept(lexer.AS) {
			t := p.withTarget()
			if t == nil {
				return nil
			}
			item.OptionalVars = t
		}
		items = append(items, item)
		if !p.accept(lexer.COMMA) {
			return items
		}
		if parens && p.kind() == lexer.RPAR {
			return items
		}
	}
}

// withTarget is star_target followed by ',', ')' or ':', with
// invalid_with_item.
func (p *parser) withTarget() ast.Expr {
	m := p.mark()
	start := p.i
	var t ast.Expr
	if canStartStarExpr(p.kind()) {
		if p.kind() == lexer.STAR {
			p.next()
			if v := p.bitwiseOr(); v != nil {
				t = &ast.Starred{Pos: p.spanTo(start), Value: v}
			}
		} else {
			t = p.bitwiseOr()
		}
	}
	if t != nil && isStarTarget(t, true) {
		// with_item wants ',', ')' or ':' next; a NEWLINE is left for
		// invalid_with_stmt's "expected ':'".
		if k := p.kind(); k == lexer.COMMA || k == lexer.RPAR || k == lexer.COLON || k == lexer.NEWLINE {
			setContext(t, ast.Store)
			return t
		}
	}
	if !p.backtrack(m) {
		return nil
	}
	// invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
	furthest := p.fetched
	if canStartExpr(p.kind()) {
		if e := p.expression(); e != nil {
			if k := p.kind(); k == lexer.COMMA || k == lexer.RPAR || k == lexer.COLON {
				if p.raiseInvalidTarget(starTargets, e) {
					return nil
				}
			}
		}
	}
	if !p.reset(m) {
		return nil
	}
	p.fetched = furthest
	p.syntaxError()
	return nil
}
