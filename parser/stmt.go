package parser

import (
	plexer "github.com/alecthomas/participle/v2/lexer"

	"gilpy/lexer"
	"gilpy/parser/ast"
)

// exprStmt is an expression statement or an assignment of any kind. They
// all start with an expression, so one hand-written parser decides which it
// is by the token after that expression, as CPython's assignment rule does.
type exprStmt struct{ S ast.Stmt }

func (x *exprStmt) Parse(lex *plexer.PeekingLexer) error {
	return leaf(lex, func(p *parser) bool {
		k := p.kind()
		return canStartStarExpr(k) || k == lexer.YIELD
	}, func(p *parser) bool {
		x.S = p.exprStatement()
		return x.S != nil
	})
}

// assignPart is annotated_rhs: yield_expr | star_expressions. It also
// reports whether the result is an unparenthesized tuple.
func (p *parser) assignPart() (ast.Expr, bool) {
	if p.kind() == lexer.YIELD {
		return p.yieldExpr(), false
	}
	if !canStartStarExpr(p.kind()) {
		p.syntaxError()
		return nil, false
	}
	start := p.i
	elts, tuple := p.exprList()
	if elts == nil {
		return nil, false
	}
	if !tuple {
		return elts[0], false
	}
	return &ast.Tuple{Pos: p.spanTo(start), Elts: elts, Ctx: ast.Load}, true
}

func isAugAssign(k lexer.Kind) (ast.Operator, bool) {
	switch k {
	case lexer.PLUSEQUAL:
		return ast.Add, true
	case lexer.MINEQUAL:
		return ast.Sub, true
	case lexer.STAREQUAL:
		return ast.Mult, true
	case lexer.ATEQUAL:
		return ast.MatMult, true
	case lexer.SLASHEQUAL:
		return ast.Div, true
	case lexer.PERCENTEQUAL:
		return ast.Mod, true
	case lexer.AMPEREQUAL:
		return ast.BitAnd, true
	case lexer.VBAREQUAL:
		return ast.BitOr, true
	case lexer.CIRCUMFLEXEQUAL:
		return ast.BitXor, true
	case lexer.LEFTSHIFTEQUAL:
		return ast.LShift, true
	case lexer.RIGHTSHIFTEQUAL:
		return ast.RShift, true
	case lexer.DOUBLESTAREQUAL:
		return ast.Pow, true
	case lexer.DOUBLESLASHEQUAL:
		return ast.FloorDiv, true
	}
	return 0, false
}

func (p *parser) exprStatement() ast.Stmt {
	start := p.i
	first, bare := p.assignPart()
	if first == nil {
		return nil
	}
	switch k := p.kind(); {
	case k == lexer.COLON:
		return p.annAssign(start, first, bare)
	case k == lexer.EQUAL:
		return p.assign(start, first, bare)
	default:
		if op, ok := isAugAssign(k); ok {
			return p.augAssign(start, first, op)
		}
	}
	if t := &p.toks[start]; t.Kind == lexer.NAME && t.Value == "match" && p.matchCandidate < 0 {
		p.checkMatchCandidate(start)
	}
	return &ast.ExprStmt{Pos: p.spanTo(start), Value: first}
}

// checkMatchCandidate records a statement that CPython's second pass would
// take for a match statement without its ':' ("match" subject_expr NEWLINE,
// as in "match(x)"): if the parse fails later, CPython reports that.
func (p *parser) checkMatchCandidate(start int) {
	end := p.mark()
	p.i = start + 1
	if canStartStarExpr(p.kind()) && p.subjectExpr() != nil && p.kind() == lexer.NEWLINE {
		p.matchCandidate = start
	}
	if p.err != nil && p.err.lex == nil {
		p.err = nil // bookkeeping only: the line parsed as a statement
	}
	p.reset(end)
}

// isSingleTarget reports whether e is CPython's single_target: a name,
// attribute or subscript, possibly parenthesized.
func isSingleTarget(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return true
	}
	return false
}

// annAssign parses an annotated assignment after its target.
func (p *parser) annAssign(start int, target ast.Expr, bare bool) ast.Stmt {
	colon := p.i
	valid := isSingleTarget(target) && !bare
	p.next() // ':'
	if !canStartExpr(p.kind()) {
		if !valid {
			// CPython's first pass gives up at the ':' when the target
			// cannot be annotated.
			p.fetched = colon
		}
		p.syntaxError()
		return nil
	}
	ann := p.expression()
	if ann == nil {
		return nil
	}
	if !valid {
		switch t := target.(type) {
		case *ast.Tuple:
			if bare {
				p.raiseNode(t.Elts[0], "only single target (not tuple) can be annotated")
			} else {
				p.raiseNode(t, "only single target (not tuple) can be annotated")
			}
		case *ast.List:
			p.raiseNode(t, "only single target (not list) can be annotated")
		case *ast.Starred, *ast.Yield, *ast.YieldFrom:
			p.syntaxError()
		default:
			p.raiseNode(t, "illegal target for annotation")
		}
		return nil
	}
	setContext(target, ast.Store)
	simple := false
	if _, ok := target.(*ast.Name); ok && p.toks[start].Kind == lexer.NAME {
		simple = true
	}
	s := &ast.AnnAssign{Target: target, Annotation: ann, Simple: simple}
	if p.accept(lexer.EQUAL) {
		v, _ := p.assignPart()
		if v == nil {
			return nil
		}
		s.Value = v
	}
	s.Pos = p.spanTo(start)
	return s
}

// assign parses "t1 = t2 = ... = value" after the first part.
func (p *parser) assign(start int, first ast.Expr, firstBare bool) ast.Stmt {
	parts := []ast.Expr{first}
	firstEq := p.i
	for p.kind() == lexer.EQUAL {
		p.next()
		if k := p.kind(); k != lexer.YIELD && !canStartStarExpr(k) {
			// invalid_assignment needs nothing after the '=': an
			// invalid target is reported even when the value is missing.
			if p.invalidTargets(parts, start, firstEq, first, firstBare) {
				return nil
			}
			p.syntaxError()
			return nil
		}
		v, _ := p.assignPart()
		if v == nil {
			if p.err != nil && p.err.generic {
				// The second pass may still find an invalid target
				// (its rules need no complete value).
				saved := p.err
				p.err = nil
				if p.invalidTargets(parts, start, firstEq, first, firstBare) {
					return nil
				}
				if p.err == nil {
					p.err = saved
				}
			}
			return nil
		}
		parts = append(parts, v)
	}
	targets := parts[:len(parts)-1]
	valid := true
	for _, t := range targets {
		if !isStarTarget(t, true) {
			valid = false
			break
		}
	}
	if valid {
		for _, t := range targets {
			setContext(t, ast.Store)
		}
		return &ast.Assign{Pos: p.spanTo(start), Targets: targets, Value: parts[len(parts)-1]}
	}
	if !p.invalidTargets(targets, start, firstEq, first, firstBare) {
		p.syntaxError()
	}
	return nil
}

// invalidTargets reports CPython's second-pass error for an assignment with
// the given targets, if one applies: invalid_named_expression on the
// element just before the first '=', then invalid_assignment.
func (p *parser) invalidTargets(targets []ast.Expr, start, firstEq int, first ast.Expr, firstBare bool) bool {
	valid := true
	for _, t := range targets {
		if !isStarTarget(t, true) {
			valid = false
		}
	}
	if valid {
		return false
	}
	last := first
	lastStart := start
	if tuple, ok := first.(*ast.Tuple); ok && firstBare {
		last = tuple.Elts[len(tuple.Elts)-1]
		lastStart = p.tokenAt(last.GetPos(), start, firstEq)
	}
	if _, starred := last.(*ast.Starred); !starred {
		end := p.mark()
		p.i = firstEq
		if p.checkNamedAssign(lastStart, last) {
			return true
		}
		if !p.reset(end) {
			return true
		}
	}
	for _, t := range targets {
		if isStarTarget(t, true) {
			continue
		}
		switch t.(type) {
		case *ast.Yield, *ast.YieldFrom:
			p.raiseNode(t, "assignment to yield expression not possible")
			return true
		}
		return p.raiseInvalidTarget(starTargets, t)
	}
	return false
}

// tokenAt finds the token in [from, to) that starts at pos.
func (p *parser) tokenAt(pos *ast.Pos, from, to int) int {
	for i := from; i < to; i++ {
		if int(p.toks[i].Line) == pos.Line && int(p.toks[i].Col) == pos.Col {
			return i
		}
	}
	return from
}

// augAssign parses "target op= value" after the target.
func (p *parser) augAssign(start int, target ast.Expr, op ast.Operator) ast.Stmt {
	p.next() // the operator
	if p.kind() != lexer.YIELD && !canStartStarExpr(p.kind()) {
		p.syntaxError()
		return nil
	}
	v, _ := p.assignPart()
	if v == nil {
		return nil
	}
	if !isSingleTarget(target) {
		if _, ok := target.(*ast.Yield); ok {
			p.syntaxError()
			return nil
		}
		p.raiseNode(target, "'"+exprName(target)+"' is an illegal expression for augmented assignment")
		return nil
	}
	setContext(target, ast.Store)
	return &ast.AugAssign{Pos: p.spanTo(start), Target: target, Op: op, Value: v}
}

// tryStatement parses a try statement. It is written by hand because
// CPython's rules for "expected 'except' or 'finally' block" and for mixing
// except and except* look at whole handler sequences; its blocks are parsed
// by participle.
// forcedColon is CPython's &&':'.
func (p *parser) forcedColon() bool {
	if p.accept(lexer.COLON) {
		return true
	}
	p.raiseToken(p.i, "expected ':'")
	return false
}

func (p *parser) tryStatement(lex *plexer.PeekingLexer) *ast.Try {
	start := p.i
	p.next() // 'try'
	if !p.forcedColon() {
		return nil
	}
	t := &ast.Try{}
	if t.Body = p.parseBlock(lex); t.Body == nil {
		return nil
	}
	switch p.kind() {
	case lexer.FINALLY:
	case lexer.EXCEPT:
		star := p.peekKind(1) == lexer.STAR
		t.IsStar = star
		for p.kind() == lexer.EXCEPT {
			h := p.exceptClause(lex, star)
			if h == nil {
				return nil
			}
			t.Handlers = append(t.Handlers, h)
		}
		if p.kind() == lexer.ELSE {
			p.next()
			if !p.forcedColon() {
				return nil
			}
			if t.Orelse = p.parseBlock(lex); t.Orelse == nil {
				return nil
			}
		}
	default:
		p.raise("expected 'except' or 'finally' block")
		return nil
	}
	if p.kind() == lexer.FINALLY {
		p.next()
		if !p.forcedColon() {
			return nil
		}
		if t.Finalbody = p.parseBlock(lex); t.Finalbody == nil {
			return nil
		}
	}
	t.Pos = p.extentTo(start, p.i)
	return t
}

// exceptClause parses one handler; wantStar says whether the try's first
// handler was except*.
func (p *parser) exceptClause(lex *plexer.PeekingLexer, wantStar bool) *ast.ExceptHandler {
	start := p.i
	p.next() // 'except'
	star := false
	if p.kind() == lexer.STAR {
		star = true
		p.next()
	}
	h := &ast.ExceptHandler{}
	switch p.kind() {
	case lexer.COLON, lexer.NEWLINE:
		if star {
			p.raise("expected one or more exception types")
			return nil
		}
		if p.kind() == lexer.NEWLINE {
			p.raise("expected ':'")
			return nil
		}
	default:
		if !canStartExpr(p.kind()) {
			p.syntaxError()
			return nil
		}
		if h.Type = p.expression(); h.Type == nil {
			return nil
		}
		if p.kind() == lexer.COMMA {
			// 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
			m := p.mark()
			if p.multipleExceptTypes() {
				p.raiseStartingFrom(*h.Type.GetPos(), "multiple exception types must be parenthesized")
				return nil
			}
			if !p.reset(m) {
				return nil
			}
			p.syntaxError()
			return nil
		}
		if p.accept(lexer.AS) {
			if p.kind() != lexer.NAME {
				p.syntaxError()
				return nil
			}
			h.Name = p.identifier(p.next())
		}
		if p.kind() == lexer.NEWLINE {
			p.raise("expected ':'")
			return nil
		}
	}
	if p.kind() != lexer.COLON {
		p.syntaxError()
		return nil
	}
	if star != wantStar {
		if star {
			p.raiseTokens(start, start+1, "cannot have both 'except' and 'except*' on the same 'try'")
		} else {
			p.raiseToken(start, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		return nil
	}
	p.next() // ':'
	if h.Body = p.parseBlock(lex); h.Body == nil {
		return nil
	}
	h.Pos = p.extentTo(start, p.i)
	return h
}

// multipleExceptTypes checks for ',' expressions ['as' NAME] ':'.
func (p *parser) multipleExceptTypes() bool {
	for p.accept(lexer.COMMA) {
		if !canStartExpr(p.kind()) {
			break
		}
		if p.expression() == nil {
			return false
		}
	}
	if p.accept(lexer.AS) {
		if !p.accept(lexer.NAME) {
			return false
		}
	}
	return p.accept(lexer.COLON)
}
