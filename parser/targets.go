package parser

import (
	"gilpy/lexer"
	"gilpy/parser/ast"
)

// Targets (of assignments, for loops, with ... as, del) are parsed as
// expressions and then checked and switched to Store or Del context, as
// CPython's hand-written parsers before PEG did. The checks reproduce
// CPython's _PyPegen_get_invalid_target, so the offending sub-expression and
// the message match.

type targetsType int

const (
	starTargets targetsType = iota // assignment and with ... as
	delTargets
	forTargets
)

// invalidTarget returns the part of e that cannot be a target, or nil.
func invalidTarget(e ast.Expr, tt targetsType) ast.Expr {
	switch n := e.(type) {
	case *ast.List:
		for _, elt := range n.Elts {
			if bad := invalidTarget(elt, tt); bad != nil {
				return bad
			}
		}
		return nil
	case *ast.Tuple:
		for _, elt := range n.Elts {
			if bad := invalidTarget(elt, tt); bad != nil {
				return bad
			}
		}
		return nil
	case *ast.Starred:
		if tt == delTargets {
			return e
		}
		return invalidTarget(n.Value, tt)
	case *ast.Compare:
		// "for a in b" parses as a comparison when the target is invalid.
		if tt == forTargets {
			if n.Ops[0] == ast.In {
				return invalidTarget(n.Left, tt)
			}
			return nil
		}
		return e
	case *ast.Name, *ast.Subscript, *ast.Attribute:
		return nil
	}
	return e
}

// setContext switches a valid target to ctx, recursively.
func setContext(e ast.Expr, ctx ast.ExprContext) {
	switch n := e.(type) {
	case *ast.Name:
		n.Ctx = ctx
	case *ast.Attribute:
		n.Ctx = ctx
	case *ast.Subscript:
		n.Ctx = ctx
	case *ast.Starred:
		n.Ctx = ctx
		setContext(n.Value, ctx)
	case *ast.List:
		n.Ctx = ctx
		for _, elt := range n.Elts {
			setContext(elt, ctx)
		}
	case *ast.Tuple:
		n.Ctx = ctx
		for _, elt := range n.Elts {
			setContext(elt, ctx)
		}
	}
}

// isStarTarget reports whether e is a valid star_targets target as CPython's
// grammar accepts it (a slightly narrower set than invalidTarget: a starred
// target inside a starred one, or a parenthesized starred target, is not).
func isStarTarget(e ast.Expr, top bool) bool {
	switch n := e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return true
	case *ast.Starred:
		if _, ok := n.Value.(*ast.Starred); ok {
			return false
		}
		return isStarTarget(n.Value, false)
	case *ast.Tuple:
		for _, elt := range n.Elts {
			if !isStarTarget(elt, false) {
				return false
			}
		}
		return true
	case *ast.List:
		for _, elt := range n.Elts {
			if !isStarTarget(elt, false) {
				return false
			}
		}
		return true
	}
	return false
}

// raiseInvalidTarget is RAISE_SYNTAX_ERROR_INVALID_TARGET: it reports
// whether it found something to complain about.
func (p *parser) raiseInvalidTarget(tt targetsType, e ast.Expr) bool {
	bad := invalidTarget(e, tt)
	if bad == nil {
		return false
	}
	if tt == delTargets {
		p.raiseNode(bad, "cannot delete "+exprName(bad))
	} else {
		p.raiseNode(bad, "cannot assign to "+exprName(bad))
	}
	return true
}

// forTargets parses the targets of a for loop or comprehension, up to (not
// including) 'in'. CPython parses star_targets and, if that fails, re-parses
// the text as star_expressions to name the invalid target
// (invalid_for_target).
func (p *parser) forTargets() ast.Expr {
	m := p.mark()
	start := p.i
	t := p.starTargetList()
	if t != nil && p.kind() == lexer.IN {
		setContext(t, ast.Store)
		return t
	}
	if p.err != nil {
		// An error inside a target is the error the re-parse would find
		// too; re-parsing anyway would be exponential in the nesting of
		// comprehensions inside targets.
		return nil
	}
	if !p.backtrack(m) {
		return nil
	}
	furthest := p.fetched
	p.i = start
	if !canStartStarExpr(p.kind()) {
		p.syntaxError()
		return nil
	}
	e := p.starExpressions()
	if e == nil {
		return nil
	}
	if p.raiseInvalidTarget(forTargets, e) {
		return nil
	}
	p.fetched = furthest
	p.syntaxError()
	return nil
}

// starTargetList parses star_targets as expressions at the level of
// bitwise_or (targets are primaries, which bitwise_or includes) and checks
// them. It returns nil without raising if they are not valid targets.
func (p *parser) starTargetList() ast.Expr {
	start := p.i
	var elts []ast.Expr
	for {
		if k := p.kind(); !canStartStarExpr(k) || k == lexer.NOT || k == lexer.LAMBDA {
			// Not a bitwise_or: leave it to the star_expressions re-parse.
			break
		}
		var e ast.Expr
		if p.kind() == lexer.STAR {
			s := p.i
			p.next()
			v := p.bitwiseOr()
			if v == nil {
				return nil
			}
			e = &ast.Starred{Pos: p.spanTo(s), Value: v, Ctx: ast.Load}
		} else {
			e = p.bitwiseOr()
			if e == nil {
				return nil
			}
		}
		if !isStarTarget(e, true) {
			return nil
		}
		elts = append(elts, e)
		if p.kind() != lexer.COMMA {
			break
		}
		p.next()
	}
	if len(elts) == 0 {
		return nil
	}
	if len(elts) == 1 && p.toks[p.i-1].Kind != lexer.COMMA {
		return elts[0]
	}
	return &ast.Tuple{Pos: p.spanTo(start), Elts: elts, Ctx: ast.Store}
}
