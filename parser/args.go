package parser

import (
	"gilpy/lexer"
	"gilpy/parser/ast"
)

// call parses the parenthesized arguments of a call to fn, which started at
// token start. It implements CPython's "primary genexp", "primary '('
// [arguments] ')'" and the invalid_arguments / invalid_kwarg rules.
func (p *parser) call(start int, fn ast.Expr) ast.Expr {
	lpar := p.i
	p.next() // '('
	if p.accept(lexer.RPAR) {
		return &ast.Call{Pos: p.spanTo(start), Func: fn}
	}
	args, kws, ok := p.arguments(lpar, false)
	if !ok {
		return nil
	}
	return &ast.Call{Pos: p.spanTo(start), Func: fn, Args: args, Keywords: kws}
}

// arguments parses call arguments after '(' (token lpar) up to and
// including ')'. In a class header (classDef) a lone generator expression is
// not an argument.
func (p *parser) arguments(lpar int, classDef bool) ([]ast.Expr, []*ast.Keyword, bool) {
	var args []ast.Expr
	var kws []*ast.Keyword
	seenKeyword := false    // a keyword argument or **
	seenDoubleStar := false // a ** argument
	for {
		start := p.i
		switch k := p.kind(); {
		case k == lexer.STAR:
			if seenDoubleStar {
				// invalid_arguments: args ',' '*'
				p.raiseToken(start, "iterable argument unpacking follows keyword argument unpacking")
				return nil, nil, false
			}
			p.next()
			if !canStartExpr(p.kind()) {
				p.syntaxError()
				return nil, nil, false
			}
			v := p.expression()
			if v == nil {
				return nil, nil, false
			}
			args = append(args, &ast.Starred{Pos: p.spanTo(start), Value: v, Ctx: ast.Load})
		case k == lexer.DOUBLESTAR:
			p.next()
			if !canStartExpr(p.kind()) {
				p.syntaxError()
				return nil, nil, false
			}
			v := p.expression()
			if v == nil {
				return nil, nil, false
			}
			kws = append(kws, &ast.Keyword{Pos: p.spanTo(start), Value: v})
			seenKeyword, seenDoubleStar = true, true
		case (k == lexer.TRUE || k == lexer.FALSE || k == lexer.NONE) && p.peekKind(1) == lexer.EQUAL:
			// invalid_kwarg: a=('True'|'False'|'None') b='='
			p.raiseTokens(start, start+1, "cannot assign to "+p.toks[start].Value)
			return nil, nil, false
		case k == lexer.NAME && p.peekKind(1) == lexer.EQUAL:
			name := p.next()
			eq := p.i
			p.next()
			if !canStartExpr(p.kind()) {
				p.syntaxError()
				return nil, nil, false
			}
			v := p.expression()
			if v == nil {
				return nil, nil, false
			}
			if p.kind() == lexer.FOR || p.kind() == lexer.ASYNC {
				// invalid_kwarg: a=NAME b='=' expression for_if_clauses
				m := p.mark()
				if p.forIfClauses() != nil {
					p.raiseTokens(start, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
					return nil, nil, false
				}
				if !p.reset(m) {
					return nil, nil, false
				}
			}
			kws = append(kws, &ast.Keyword{Pos: p.spanTo(start), Arg: p.identifier(name), Value: v})
			seenKeyword = true
		default:
			if !canStartExpr(k) {
				p.syntaxError()
				return nil, nil, false
			}
			e := p.namedExpressionArg()
			if e == nil {
				if seenKeyword && p.err != nil && p.err.generic {
					// CPython's first pass stops at a positional argument
					// after keyword arguments without parsing it.
					p.err = nil
					p.fetched = start
					p.syntaxError()
				}
				return nil, nil, false
			}
			if p.kind() == lexer.EQUAL {
				// invalid_kwarg: !(NAME '=') a=expression b='='
				p.raiseRange(*e.GetPos(), p.posOf(p.i), "expression cannot contain assignment, perhaps you meant \"==\"?")
				return nil, nil, false
			}
			if p.kind() == lexer.FOR || p.kind() == lexer.ASYNC {
				g, ok := p.genexpArgument(lpar, start, e, args, kws, classDef)
				if !ok {
					return nil, nil, false
				}
				args = append(args, g)
				return args, kws, true
			}
			if seenKeyword {
				p.positionalFollowsKeyword(seenDoubleStar)
				return nil, nil, false
			}
			args = append(args, e)
		}
		switch p.kind() {
		case lexer.RPAR:
			p.next()
			return args, kws, true
		case lexer.COMMA:
			p.next()
			if p.accept(lexer.RPAR) {
				return args, kws, true
			}
		default:
			p.syntaxError()
			return nil, nil, false
		}
	}
}

// namedExpressionArg is (assignment_expression | expression !':=').
func (p *parser) namedExpressionArg() ast.Expr {
	start := p.i
	e := p.expression()
	if e == nil || p.kind() != lexer.COLONEQUAL {
		return e
	}
	return p.namedExprTail(start, e)
}

// genexpArgument handles an argument e followed by 'for': the sole argument
// of a call may be an unparenthesized generator expression; anything else
// is one of invalid_arguments' "Generator expression must be parenthesized".
func (p *parser) genexpArgument(lpar, start int, e ast.Expr, args []ast.Expr, kws []*ast.Keyword, classDef bool) (ast.Expr, bool) {
	first := len(args) == 0 && len(kws) == 0
	m := p.mark()
	gens := p.forIfClauses()
	if gens == nil {
		return nil, false
	}
	if first && !classDef && p.kind() == lexer.RPAR {
		p.next()
		return &ast.GeneratorExp{Pos: p.spanTo(lpar), Elt: e, Generators: gens}, true
	}
	last := lastComprehensionItem(gens[len(gens)-1])
	switch {
	case first && p.kind() == lexer.COMMA:
		// a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
		// The optional part looks at the next token, which may be a
		// lexer error.
		if p.peekKind(1); p.err != nil {
			return nil, false
		}
		p.raiseRange(*e.GetPos(), *last.GetPos(), "Generator expression must be parenthesized")
		return nil, false
	case !first && len(kws) == 0 && len(args) >= 1:
		// a=args b=for_if_clauses: the last argument and the comprehension.
		p.raiseRange(*e.GetPos(), *last.GetPos(), "Generator expression must be parenthesized")
		return nil, false
	case !first:
		// args ',' a=expression b=for_if_clauses
		p.raiseRange(*e.GetPos(), *last.GetPos(), "Generator expression must be parenthesized")
		return nil, false
	}
	if p.reset(m) {
		// The first pass stopped at the 'for'.
		p.syntaxError()
	}
	return nil, false
}

func lastComprehensionItem(c *ast.Comprehension) ast.Expr {
	if len(c.Ifs) == 0 {
		return c.Iter
	}
	return c.Ifs[len(c.Ifs)-1]
}

// positionalFollowsKeyword raises invalid_arguments' "a=args ',' args"
// error. CPython raises it at the last token it fetched, after parsing the
// rest of the arguments, so parse them first.
func (p *parser) positionalFollowsKeyword(unpacking bool) {
	for p.err == nil {
		switch p.kind() {
		case lexer.COMMA:
			p.next()
			continue
		case lexer.RPAR, lexer.EOF, lexer.NEWLINE:
		default:
			if p.kind() == lexer.STAR || p.kind() == lexer.DOUBLESTAR {
				p.next()
			} else if p.kind() == lexer.NAME && p.peekKind(1) == lexer.EQUAL {
				p.next()
				p.next()
			}
			if canStartExpr(p.kind()) && p.expression() != nil {
				continue
			}
		}
		break
	}
	if p.err != nil && !p.err.generic {
		return
	}
	p.err = nil
	if unpacking {
		p.raise("positional argument follows keyword argument unpacking")
	} else {
		p.raise("positional argument follows keyword argument")
	}
}

// parameters parses a def's or a lambda's parameter list, stopping before
// the closing ')' (def) or ':' (lambda). It implements parameters /
// lambda_parameters with the invalid_parameters family of errors.
func (p *parser) parameters(lambda bool) *ast.Arguments {
	close := lexer.RPAR
	if lambda {
		close = lexer.COLON
	}
	a := &ast.Arguments{}
	var (
		seenSlash, seenStar, seenKwarg, seenDefault bool
		firstStar                                   = -1
		count                                       int // parameters before '*'
	)
	for p.kind() != close {
		start := p.i
		switch p.kind() {
		case lexer.SLASH:
			p.next()
			switch {
			case count == 0 && !seenStar:
				if p.kind() == lexer.COMMA {
					p.raiseToken(start, "at least one argument must precede /")
				} else {
					// The first pass stopped at the '/'.
					p.fetched = start
					p.syntaxError()
				}
				return nil
			case seenKwarg:
				p.raiseToken(start, "arguments cannot follow var-keyword argument")
				return nil
			case seenStar:
				p.raiseToken(start, "/ must be ahead of *")
				return nil
			case seenSlash:
				p.raiseToken(start, "/ may appear only once")
				return nil
			}
			seenSlash = true
			a.Posonlyargs, a.Args = a.Args, nil
			if p.kind() == lexer.STAR {
				p.raiseToken(p.i, "expected comma between / and *")
				return nil
			}
		case lexer.STAR:
			p.next()
			if seenKwarg {
				p.raiseToken(start, "arguments cannot follow var-keyword argument")
				return nil
			}
			if seenStar {
				if p.kind() == lexer.NAME || p.kind() == lexer.COMMA {
					p.raiseToken(start, "* argument may appear only once")
				} else {
					p.syntaxError()
				}
				return nil
			}
			seenStar = true
			firstStar = start
			switch p.kind() {
			case close:
				p.bareStar(start, lambda)
				return nil
			case lexer.COMMA:
				if k := p.peekKind(1); k == close || k == lexer.DOUBLESTAR {
					p.bareStar(start, lambda)
					return nil
				}
			case lexer.NAME:
				arg := p.param(lambda, true)
				if arg == nil {
					return nil
				}
				if p.kind() == lexer.EQUAL {
					p.raiseToken(p.i, "var-positional argument cannot have default value")
					return nil
				}
				a.Vararg = arg
			default:
				p.syntaxError()
				return nil
			}
		case lexer.DOUBLESTAR:
			p.next()
			if seenKwarg {
				p.raiseToken(start, "arguments cannot follow var-keyword argument")
				return nil
			}
			if p.kind() != lexer.NAME {
				p.syntaxError()
				return nil
			}
			arg := p.param(lambda, false)
			if arg == nil {
				return nil
			}
			if p.kind() == lexer.EQUAL {
				p.raiseToken(p.i, "var-keyword argument cannot have default value")
				return nil
			}
			a.Kwarg = arg
			seenKwarg = true
			if p.kind() == lexer.COMMA {
				switch p.peekKind(1) {
				case lexer.NAME:
					p.next()
					if arg := p.param(lambda, false); arg != nil {
						p.raiseNode(arg, "arguments cannot follow var-keyword argument")
					}
					return nil
				case lexer.STAR, lexer.DOUBLESTAR, lexer.SLASH:
					p.next()
					p.raiseToken(p.i, "arguments cannot follow var-keyword argument")
					return nil
				}
			}
		case lexer.LPAR:
			p.parenthesizedParams(start, lambda, seenDefault || seenStar || seenSlash)
			return nil
		case lexer.NAME:
			if seenKwarg {
				p.syntaxError()
				return nil
			}
			arg := p.param(lambda, false)
			if arg == nil {
				return nil
			}
			var def ast.Expr
			if p.kind() == lexer.EQUAL {
				eq := p.i
				p.next()
				if k := p.kind(); k == lexer.RPAR || k == lexer.COMMA || lambda && k == lexer.COLON {
					p.raiseToken(eq, "expected default value expression")
					return nil
				}
				if !canStartExpr(p.kind()) {
					p.syntaxError()
					return nil
				}
				if def = p.expression(); def == nil {
					return nil
				}
			}
			if seenStar {
				a.Kwonlyargs = append(a.Kwonlyargs, arg)
				a.KwDefaults = append(a.KwDefaults, def)
			} else {
				if def != nil {
					seenDefault = true
					a.Defaults = append(a.Defaults, def)
				} else if seenDefault {
					if p.kind() == lexer.COMMA || p.kind() == close {
						p.raiseNode(arg, "non-default argument follows default argument")
					} else {
						p.syntaxError()
					}
					return nil
				}
				a.Args = append(a.Args, arg)
				count++
			}
		default:
			p.syntaxError()
			return nil
		}
		// Each parameter is followed by ',' or the closing token.
		if p.kind() == lexer.COMMA {
			p.next()
			continue
		}
		if p.kind() != close {
			p.syntaxError()
			return nil
		}
	}
	_ = firstStar
	return a
}

// bareStar raises "named arguments must follow bare *".
func (p *parser) bareStar(star int, lambda bool) {
	if lambda {
		// invalid_lambda_star_etc raises at the last token fetched.
		if p.kind() == lexer.COMMA {
			p.peekKind(1)
		}
		p.raise("named arguments must follow bare *")
		return
	}
	p.raiseToken(star, "named arguments must follow bare *")
}

// param is param (NAME [':' expression]) or lambda_param (NAME). After '*'
// the annotation may be a starred expression (PEP 646).
func (p *parser) param(lambda, star bool) *ast.Arg {
	start := p.i
	name := p.next()
	arg := &ast.Arg{Pos: p.posOf(start), Arg: p.identifier(name)}
	if !lambda && p.kind() == lexer.COLON {
		p.next()
		var ann ast.Expr
		if star && p.kind() == lexer.STAR {
			ann = p.starExpression()
		} else {
			if !canStartExpr(p.kind()) {
				p.syntaxError()
				return nil
			}
			ann = p.expression()
		}
		if ann == nil {
			return nil
		}
		arg.Annotation = ann
		arg.Pos = p.spanTo(start)
	}
	return arg
}

// parenthesizedParams raises invalid_parameters' "Function parameters
// cannot be parenthesized" (or the lambda variant) if the parentheses hold
// plain parameters, else a generic error.
func (p *parser) parenthesizedParams(lpar int, lambda, afterOthers bool) {
	m := p.mark()
	p.next()
	ok := !afterOthers
	n := 0
	for ok && p.kind() == lexer.NAME {
		if p.param(lambda, false) == nil {
			ok = false
			break
		}
		n++
		if !p.accept(lexer.COMMA) {
			break
		}
	}
	if ok && n > 0 && p.kind() == lexer.RPAR {
		msg := "Function parameters cannot be parenthesized"
		if lambda {
			msg = "Lambda expression parameters cannot be parenthesized"
		}
		p.raiseTokens(lpar, p.i, msg)
		return
	}
	if p.reset(m) {
		p.syntaxError()
	}
}
