package parser

import (
	"gilpy/lexer"
	"gilpy/lexer/ucd"
	"gilpy/parser/ast"
)

// The expression parser is hand-written recursive descent with precedence
// climbing for the binary operators. Its functions follow the rules of
// CPython's Grammar/python.gram of the same name, so that nodes start and
// end on the same tokens (every node spans exactly the tokens its rule
// consumed, parentheses included) and errors appear at the same points. The
// invalid_* rules of the grammar, which CPython only tries in a second pass
// after a failure, are checked here at the place where the first pass would
// fail. Every function returns nil after recording an error.

// canStartExpr reports whether a token of kind k can begin an expression
// (CPython's expression rule; '*' and 'yield' are handled by the callers).
func canStartExpr(k lexer.Kind) bool {
	switch k {
	case lexer.NAME, lexer.NUMBER, lexer.STRING, lexer.LPAR, lexer.LSQB, lexer.LBRACE,
		lexer.MINUS, lexer.PLUS, lexer.TILDE, lexer.NOT, lexer.LAMBDA, lexer.AWAIT,
		lexer.NONE, lexer.TRUE, lexer.FALSE, lexer.ELLIPSIS:
		return true
	}
	return false
}

// canStartStarExpr also accepts '*'.
func canStartStarExpr(k lexer.Kind) bool { return k == lexer.STAR || canStartExpr(k) }

// starExpressions is star_expressions: a star_expression or a Tuple of them.
func (p *parser) starExpressions() ast.Expr {
	start := p.i
	elts, tuple := p.exprList()
	if !tuple {
		if elts == nil {
			return nil
		}
		return elts[0]
	}
	return &ast.Tuple{Pos: p.spanTo(start), Elts: elts, Ctx: ast.Load}
}

// exprList parses star_expressions, returning the elements and whether
// there was a comma (a tuple).
func (p *parser) exprList() ([]ast.Expr, bool) {
	return p.commaList(p.starExpression, canStartStarExpr)
}

// commaList parses item (',' item)* [','], stopping after a comma that is
// not followed by a token more accepts. It reports whether it saw a comma.
func (p *parser) commaList(item func() ast.Expr, more func(lexer.Kind) bool) ([]ast.Expr, bool) {
	e := item()
	if e == nil {
		return nil, false
	}
	elts := []ast.Expr{e}
	comma := false
	for p.kind() == lexer.COMMA {
		comma = true
		p.next()
		if !more(p.kind()) {
			break
		}
		if e = item(); e == nil {
			return nil, false
		}
		elts = append(elts, e)
	}
	return elts, comma
}

// starredOr is '*' value | other: a Starred node or whatever other parses.
func (p *parser) starredOr(value, other func() ast.Expr) ast.Expr {
	if p.kind() != lexer.STAR {
		return other()
	}
	start := p.i
	p.next()
	v := value()
	if v == nil {
		return nil
	}
	return &ast.Starred{Pos: p.spanTo(start), Value: v, Ctx: ast.Load}
}

// starExpression is '*' bitwise_or | expression.
func (p *parser) starExpression() ast.Expr { return p.starredOr(p.bitwiseOr, p.expression) }

// starNamedExpression is '*' bitwise_or | named_expression.
func (p *parser) starNamedExpression() ast.Expr {
	return p.starredOr(p.bitwiseOr, p.namedExpression)
}

// namedExpression is NAME ':=' expression | expression !':=', with the
// checks of invalid_named_expression.
func (p *parser) namedExpression() ast.Expr {
	start := p.i
	e := p.expression()
	if e == nil {
		return nil
	}
	return p.namedExprTail(start, e)
}

// namedExprTail finishes a named_expression whose expression e, starting at
// token start, has been parsed.
func (p *parser) namedExprTail(start int, e ast.Expr) ast.Expr {
	switch p.kind() {
	case lexer.COLONEQUAL:
		if name, ok := e.(*ast.Name); ok && p.toks[start].Kind == lexer.NAME && p.i == start+1 {
			p.next()
			if !canStartExpr(p.kind()) {
				p.syntaxError()
				return nil
			}
			v := p.expression()
			if v == nil {
				return nil
			}
			name.Ctx = ast.Store
			return &ast.NamedExpr{Pos: p.spanTo(start), Target: name, Value: v}
		}
		// invalid_named_expression: a=expression ':=' expression
		p.next()
		if !canStartExpr(p.kind()) || p.expression() == nil {
			p.syntaxError()
			return nil
		}
		p.raiseNode(e, "cannot use assignment expressions with "+exprName(e))
		return nil
	case lexer.EQUAL:
		p.invalidNamedAssign(start, e)
		return nil
	}
	return e
}

// invalidNamedAssign handles an '=' after a named_expression, which is never
// valid: it raises CPython's "Maybe you meant '=='" errors where those rules
// match, else a generic error.
func (p *parser) invalidNamedAssign(start int, e ast.Expr) {
	if p.checkNamedAssign(start, e) {
		return
	}
	p.syntaxError()
}

// checkNamedAssign tries invalid_named_expression's alternatives for e (the
// expression starting at token start, followed by '='). It reports whether
// it raised an error.
//
//	a=NAME '=' b=bitwise_or !('='|':=')
//	!(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
func (p *parser) checkNamedAssign(start int, e ast.Expr) bool {
	if p.noInvalid > 0 || !isBitwiseOrLevel(e) && !p.parenthesized(start, p.i-1) {
		return false
	}
	m := p.mark()
	p.next() // '='
	var rhs ast.Expr
	if canStartExpr(p.kind()) && p.kind() != lexer.NOT && p.kind() != lexer.LAMBDA {
		p.lenient++
		rhs = p.bitwiseOr()
		p.lenient--
	}
	if rhs == nil || p.kind() == lexer.EQUAL || p.kind() == lexer.COLONEQUAL {
		if !p.reset(m) {
			return true
		}
		return false
	}
	if _, ok := e.(*ast.Name); ok && p.toks[start].Kind == lexer.NAME {
		p.raiseRange(*e.GetPos(), *rhs.GetPos(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
		return true
	}
	if startsWithDisplay(p, start, e) {
		if !p.reset(m) {
			return true
		}
		return false
	}
	p.raiseNode(e, "cannot assign to "+exprName(e)+" here. Maybe you meant '==' instead of '='?")
	return true
}

// parenthesized reports whether tokens start..end are one parenthesized
// expression: the '(' at start is closed by the ')' at end.
func (p *parser) parenthesized(start, end int) bool {
	if start >= end || p.toks[start].Kind != lexer.LPAR || p.toks[end].Kind != lexer.RPAR {
		return false
	}
	level := p.toks[start].Level
	for k := start + 1; k < end; k++ {
		if p.toks[k].Level < level {
			return false
		}
	}
	return true
}

// isBitwiseOrLevel reports whether e is what CPython's bitwise_or rule can
// produce on its own (no comparison, boolean operator, not, lambda, ...).
func isBitwiseOrLevel(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.Compare, *ast.BoolOp, *ast.Lambda, *ast.IfExp, *ast.NamedExpr, *ast.Starred, *ast.Yield, *ast.YieldFrom:
		return false
	case *ast.UnaryOp:
		return n.Op != ast.Not
	case *ast.Tuple:
		// Only a parenthesized tuple is an atom.
		return true
	}
	return true
}

// startsWithDisplay reports whether the expression starting at token start
// begins with a list or tuple display, a generator expression, or
// True/None/False: invalid_named_expression's negative lookahead.
func startsWithDisplay(p *parser, start int, e ast.Expr) bool {
	switch p.toks[start].Kind {
	case lexer.TRUE, lexer.NONE, lexer.FALSE:
		return true
	case lexer.LSQB, lexer.LPAR:
	default:
		return false
	}
	// Find the leftmost atom of e.
	first := &p.toks[start]
	for {
		pos := e.GetPos()
		if pos.Line == int(first.Line) && pos.Col == int(first.Col) {
			switch n := e.(type) {
			case *ast.List:
				return p.toks[start].Kind == lexer.LSQB
			case *ast.Tuple, *ast.GeneratorExp:
				_ = n
				return p.toks[start].Kind == lexer.LPAR
			}
		}
		switch n := e.(type) {
		case *ast.BinOp:
			e = n.Left
		case *ast.Call:
			e = n.Func
		case *ast.Attribute:
			e = n.Value
		case *ast.Subscript:
			e = n.Value
		case *ast.Await:
			e = n.Value
		default:
			return false
		}
	}
}

// expression is disjunction ['if' disjunction 'else' expression] | lambdef,
// with invalid_expression and invalid_legacy_expression.
func (p *parser) expression() ast.Expr {
	if p.kind() == lexer.LAMBDA {
		return p.lambdef()
	}
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.i
	body := p.disjunction()
	if body == nil {
		return nil
	}
	if p.kind() == lexer.IF {
		p.next()
		test := p.disjunction()
		if test == nil {
			return nil
		}
		if p.kind() != lexer.ELSE {
			if p.kind() != lexer.COLON {
				p.raiseRange(*body.GetPos(), *test.GetPos(), "expected 'else' after 'if' expression")
				return nil
			}
			p.syntaxError()
			return nil
		}
		p.next()
		orelse := p.expression()
		if orelse == nil {
			return nil
		}
		return &ast.IfExp{Pos: p.spanTo(start), Test: test, Body: body, Orelse: orelse}
	}
	if canStartExpr(p.kind()) {
		p.checkMissingComma(start, body)
		if p.err != nil {
			return nil
		}
	}
	return body
}

// checkMissingComma is invalid_legacy_expression and invalid_expression's
// first alternative: a complete disjunction followed by the start of another
// expression, as in "print x" or "[a b]".
func (p *parser) checkMissingComma(start int, a ast.Expr) {
	if p.noInvalid > 0 {
		return
	}
	name, isName := a.(*ast.Name)
	legacy := isName && p.i == start+1 && (name.Id == "print" || name.Id == "exec")
	// invalid_expression: !(NAME STRING | SOFT_KEYWORD) a=disjunction
	// b=expression_without_invalid, an error inside brackets.
	t0 := &p.toks[start]
	if !legacy && !(t0.Kind == lexer.NAME && (p.toks[start+1].Kind == lexer.STRING || isSoftKeyword(t0.Value))) {
		m := p.mark()
		p.noInvalid++
		b := p.expression()
		p.noInvalid--
		if b != nil && p.toks[p.i-1].Level != 0 {
			p.raiseRange(*a.GetPos(), *b.GetPos(), "invalid syntax. Perhaps you forgot a comma?")
			return
		}
		if !p.reset(m) {
			return
		}
	}
	if isName && p.i == start+1 && p.kind() != lexer.LPAR {
		// invalid_legacy_expression: a=NAME !'(' b=star_expressions, an
		// error for print and exec. CPython parses b for any name (with
		// its invalid_* rules on), which may reach an error further on.
		m := p.mark()
		p.lenient++
		b := p.starExpressions()
		p.lenient--
		if b != nil && legacy {
			p.raiseRange(*a.GetPos(), *b.GetPos(),
				"Missing parentheses in call to '"+name.Id+"'. Did you mean "+name.Id+"(...)?")
			return
		}
		p.reset(m)
	}
}

func isSoftKeyword(s string) bool { return s == "match" || s == "case" || s == "_" }

// disjunction is conjunction ('or' conjunction)*.
func (p *parser) disjunction() ast.Expr {
	start := p.i
	e := p.conjunction()
	if e == nil || p.kind() != lexer.OR {
		return e
	}
	values := []ast.Expr{e}
	for p.kind() == lexer.OR {
		p.next()
		e = p.conjunction()
		if e == nil {
			return nil
		}
		values = append(values, e)
	}
	return &ast.BoolOp{Pos: p.spanTo(start), Op: ast.Or, Values: values}
}

// conjunction is inversion ('and' inversion)*.
func (p *parser) conjunction() ast.Expr {
	start := p.i
	e := p.inversion()
	if e == nil || p.kind() != lexer.AND {
		return e
	}
	values := []ast.Expr{e}
	for p.kind() == lexer.AND {
		p.next()
		e = p.inversion()
		if e == nil {
			return nil
		}
		values = append(values, e)
	}
	return &ast.BoolOp{Pos: p.spanTo(start), Op: ast.And, Values: values}
}

// inversion is 'not' inversion | comparison.
func (p *parser) inversion() ast.Expr {
	if p.kind() != lexer.NOT {
		return p.comparison()
	}
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.i
	p.next()
	e := p.inversion()
	if e == nil {
		return nil
	}
	return &ast.UnaryOp{Pos: p.spanTo(start), Op: ast.Not, Operand: e}
}

// compareOp returns the comparison operator at the current token, the number
// of tokens it takes, and whether there is one.
func (p *parser) compareOp() (ast.CmpOp, int, bool) {
	t := p.tok()
	switch t.Kind {
	case lexer.EQEQUAL:
		return ast.Eq, 1, true
	case lexer.NOTEQUAL:
		// "<>" is NOTEQUAL only under "from __future__ import barry_as_FLUFL".
		if t.Value == "<>" {
			return 0, 0, false
		}
		return ast.NotEq, 1, true
	case lexer.LESS:
		return ast.Lt, 1, true
	case lexer.LESSEQUAL:
		return ast.LtE, 1, true
	case lexer.GREATER:
		return ast.Gt, 1, true
	case lexer.GREATEREQUAL:
		return ast.GtE, 1, true
	case lexer.IN:
		return ast.In, 1, true
	case lexer.NOT:
		if p.peekKind(1) == lexer.IN {
			return ast.NotIn, 2, true
		}
	case lexer.IS:
		if p.peekKind(1) == lexer.NOT {
			return ast.IsNot, 2, true
		}
		return ast.Is, 1, true
	}
	return 0, 0, false
}

// comparison is bitwise_or (compare_op bitwise_or)*.
func (p *parser) comparison() ast.Expr {
	start := p.i
	e := p.bitwiseOr()
	if e == nil {
		return nil
	}
	op, n, ok := p.compareOp()
	if !ok {
		return e
	}
	cmp := &ast.Compare{Left: e}
	for ok {
		p.i += n
		right := p.bitwiseOr()
		if right == nil {
			return nil
		}
		cmp.Ops = append(cmp.Ops, op)
		cmp.Comparators = append(cmp.Comparators, right)
		op, n, ok = p.compareOp()
	}
	cmp.Pos = p.spanTo(start)
	return cmp
}

// Binary operator precedence, from bitwise_or (lowest) to term (highest).
const (
	precNone = iota
	precOr
	precXor
	precAnd
	precShift
	precArith
	precTerm
)

var binOps = [lexer.NumKinds]struct {
	prec int
	op   ast.Operator
}{
	lexer.VBAR:        {precOr, ast.BitOr},
	lexer.CIRCUMFLEX:  {precXor, ast.BitXor},
	lexer.AMPER:       {precAnd, ast.BitAnd},
	lexer.LEFTSHIFT:   {precShift, ast.LShift},
	lexer.RIGHTSHIFT:  {precShift, ast.RShift},
	lexer.PLUS:        {precArith, ast.Add},
	lexer.MINUS:       {precArith, ast.Sub},
	lexer.STAR:        {precTerm, ast.Mult},
	lexer.SLASH:       {precTerm, ast.Div},
	lexer.DOUBLESLASH: {precTerm, ast.FloorDiv},
	lexer.PERCENT:     {precTerm, ast.Mod},
	lexer.AT:          {precTerm, ast.MatMult},
}

// bitwiseOr parses bitwise_or down to term by precedence climbing; all
// these operators are left-associative.
func (p *parser) bitwiseOr() ast.Expr { return p.binary(precOr) }

func (p *parser) binary(minPrec int) ast.Expr {
	start := p.i
	left := p.factor()
	if left == nil {
		return nil
	}
	for {
		b := binOps[p.kind()]
		if b.prec < minPrec || b.prec == precNone {
			return left
		}
		m := p.mark()
		p.next()
		right := p.binary(b.prec + 1)
		if right == nil {
			if p.lenient > 0 && p.reset(m) {
				return left
			}
			return nil
		}
		left = &ast.BinOp{Pos: p.spanTo(start), Left: left, Op: b.op, Right: right}
	}
}

// factor is ('+' | '-' | '~') factor | power.
func (p *parser) factor() ast.Expr {
	var op ast.UnaryOperator
	switch p.kind() {
	case lexer.PLUS:
		op = ast.UAdd
	case lexer.MINUS:
		op = ast.USub
	case lexer.TILDE:
		op = ast.Invert
	default:
		return p.power()
	}
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.i
	p.next()
	e := p.factor()
	if e == nil {
		return nil
	}
	return &ast.UnaryOp{Pos: p.spanTo(start), Op: op, Operand: e}
}

// power is await_primary ['**' factor].
func (p *parser) power() ast.Expr {
	start := p.i
	e := p.awaitPrimary()
	if e == nil || p.kind() != lexer.DOUBLESTAR {
		return e
	}
	if !p.enter() {
		return nil
	}
	defer p.leave()
	p.next()
	right := p.factor()
	if right == nil {
		return nil
	}
	return &ast.BinOp{Pos: p.spanTo(start), Left: e, Op: ast.Pow, Right: right}
}

// awaitPrimary is AWAIT primary | primary.
func (p *parser) awaitPrimary() ast.Expr {
	if p.kind() != lexer.AWAIT {
		return p.primary()
	}
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.i
	p.next()
	e := p.primary()
	if e == nil {
		return nil
	}
	return &ast.Await{Pos: p.spanTo(start), Value: e}
}

// primary is an atom followed by attribute references, calls and
// subscripts.
func (p *parser) primary() ast.Expr {
	start := p.i
	e := p.atom()
	for e != nil {
		m := p.mark()
		var next ast.Expr
		switch p.kind() {
		case lexer.DOT:
			p.next()
			if p.kind() != lexer.NAME {
				p.syntaxError()
				break
			}
			name := p.next()
			next = &ast.Attribute{Pos: p.spanTo(start), Value: e, Attr: p.identifier(name), Ctx: ast.Load}
		case lexer.LPAR:
			next = p.call(start, e)
		case lexer.LSQB:
			p.next()
			s := p.slices()
			if s == nil {
				break
			}
			if p.kind() != lexer.RSQB {
				p.syntaxError()
				break
			}
			p.next()
			next = &ast.Subscript{Pos: p.spanTo(start), Value: e, Slice: s, Ctx: ast.Load}
		default:
			return e
		}
		if next == nil {
			if p.lenient > 0 && p.reset(m) {
				// As a PEG rule would: the primary ends before the
				// trailer that failed.
				return e
			}
			return nil
		}
		e = next
	}
	return nil
}

// slices is slice !',' | ','.(slice | starred_expression)+ [','].
func (p *parser) slices() ast.Expr {
	start := p.i
	elts, tuple := p.commaList(func() ast.Expr { return p.starredOr(p.expression, p.slice) },
		func(k lexer.Kind) bool { return k != lexer.RSQB })
	if !tuple {
		if elts == nil {
			return nil
		}
		return elts[0]
	}
	return &ast.Tuple{Pos: p.spanTo(start), Elts: elts, Ctx: ast.Load}
}

// slice is [expression] ':' [expression] [':' [expression]] | named_expression.
func (p *parser) slice() ast.Expr {
	start := p.i
	var lower ast.Expr
	if p.kind() != lexer.COLON {
		if !canStartExpr(p.kind()) {
			p.syntaxError()
			return nil
		}
		// A named expression is only allowed without slice colons.
		e := p.expression()
		if e == nil {
			return nil
		}
		if p.kind() != lexer.COLON {
			return p.namedExprTail(start, e)
		}
		lower = e
	}
	p.next() // ':'
	s := &ast.Slice{Lower: lower}
	if canStartExpr(p.kind()) {
		if s.Upper = p.expression(); s.Upper == nil {
			return nil
		}
	}
	if p.kind() == lexer.COLON {
		p.next()
		if canStartExpr(p.kind()) {
			if s.Step = p.expression(); s.Step == nil {
				return nil
			}
		}
	}
	s.Pos = p.spanTo(start)
	return s
}

// identifier returns the name of a NAME token, NFKC-normalized as PEP 3131
// requires.
func (p *parser) identifier(t *lexer.Token) string {
	return ucd.NFKC(t.Value)
}

// atom parses names, literals and displays.
func (p *parser) atom() ast.Expr {
	start := p.i
	t := p.tok()
	switch t.Kind {
	case lexer.NAME:
		p.next()
		return &ast.Name{Pos: p.posOf(start), Id: p.identifier(t), Ctx: ast.Load}
	case lexer.TRUE:
		p.next()
		return &ast.Constant{Pos: p.posOf(start), Kind: ast.KindTrue}
	case lexer.FALSE:
		p.next()
		return &ast.Constant{Pos: p.posOf(start), Kind: ast.KindFalse}
	case lexer.NONE:
		p.next()
		return &ast.Constant{Pos: p.posOf(start), Kind: ast.KindNone}
	case lexer.ELLIPSIS:
		p.next()
		return &ast.Constant{Pos: p.posOf(start), Kind: ast.KindEllipsis}
	case lexer.NUMBER:
		p.next()
		return p.number(start)
	case lexer.STRING:
		return p.strings()
	case lexer.LPAR:
		if !p.enter() {
			return nil
		}
		defer p.leave()
		return p.parenAtom()
	case lexer.LSQB:
		if !p.enter() {
			return nil
		}
		defer p.leave()
		return p.listAtom()
	case lexer.LBRACE:
		if !p.enter() {
			return nil
		}
		defer p.leave()
		return p.braceAtom()
	}
	p.syntaxError()
	return nil
}

// parenAtom is tuple | group | genexp, with invalid_group and
// invalid_comprehension.
func (p *parser) parenAtom() ast.Expr {
	start := p.i
	p.next() // '('
	switch p.kind() {
	case lexer.RPAR:
		p.next()
		return &ast.Tuple{Pos: p.spanTo(start), Ctx: ast.Load}
	case lexer.YIELD:
		e := p.yieldExpr()
		if e == nil {
			return nil
		}
		if !p.accept(lexer.RPAR) {
			p.syntaxError()
			return nil
		}
		return e
	case lexer.DOUBLESTAR:
		// invalid_group: '(' a='**' expression ')'
		star := p.i
		m := p.mark()
		p.next()
		if canStartExpr(p.kind()) && p.expression() != nil && p.kind() == lexer.RPAR {
			p.raiseToken(star, "cannot use double starred expression here")
			return nil
		}
		if p.reset(m) {
			// The first pass stopped at the '**'.
			p.syntaxError()
		}
		return nil
	}
	if !canStartStarExpr(p.kind()) {
		p.syntaxError()
		return nil
	}
	first := p.starNamedExpression()
	if first == nil {
		return nil
	}
	switch p.kind() {
	case lexer.RPAR:
		p.next()
		if _, ok := first.(*ast.Starred); ok {
			p.raiseNode(first, "cannot use starred expression here")
			return nil
		}
		return first
	case lexer.COMMA:
		elts := []ast.Expr{first}
		for p.accept(lexer.COMMA) {
			if p.kind() == lexer.RPAR {
				break
			}
			if !canStartStarExpr(p.kind()) {
				p.syntaxError()
				return nil
			}
			e := p.starNamedExpression()
			if e == nil {
				return nil
			}
			elts = append(elts, e)
		}
		if !p.accept(lexer.RPAR) {
			p.syntaxError()
			return nil
		}
		return &ast.Tuple{Pos: p.spanTo(start), Elts: elts, Ctx: ast.Load}
	case lexer.FOR, lexer.ASYNC:
		gens := p.comprehension(first)
		if gens == nil {
			return nil
		}
		if !p.accept(lexer.RPAR) {
			p.syntaxError()
			return nil
		}
		return &ast.GeneratorExp{Pos: p.spanTo(start), Elt: first, Generators: gens}
	}
	p.syntaxError()
	return nil
}

// listAtom is list | listcomp, with invalid_comprehension.
func (p *parser) listAtom() ast.Expr {
	start := p.i
	p.next() // '['
	if p.accept(lexer.RSQB) {
		return &ast.List{Pos: p.spanTo(start), Ctx: ast.Load}
	}
	elts, gens, ok := p.display(start, lexer.RSQB, nil)
	switch {
	case !ok:
		return nil
	case gens != nil:
		return &ast.ListComp{Pos: p.spanTo(start), Elt: elts[0], Generators: gens}
	}
	return &ast.List{Pos: p.spanTo(start), Elts: elts, Ctx: ast.Load}
}

// display parses the rest of a list or set display up to its closing
// bracket: the elements, or one element and the clauses of a comprehension
// (gens is then not nil). first is the first element if already parsed.
func (p *parser) display(start int, close lexer.Kind, first ast.Expr) ([]ast.Expr, []*ast.Comprehension, bool) {
	elts, ok := p.displayElements(start, close, first)
	if !ok {
		return nil, nil, false
	}
	var gens []*ast.Comprehension
	if len(elts) == 1 && (p.kind() == lexer.FOR || p.kind() == lexer.ASYNC) {
		if gens = p.comprehension(elts[0]); gens == nil {
			return nil, nil, false
		}
	}
	if !p.accept(close) {
		p.syntaxError()
		return nil, nil, false
	}
	return elts, gens, true
}

// comprehension parses the for_if_clauses after a comprehension's element
// elt, with invalid_comprehension's check of a starred element.
func (p *parser) comprehension(elt ast.Expr) []*ast.Comprehension {
	gens := p.forIfClauses()
	if gens == nil {
		return nil
	}
	if _, ok := elt.(*ast.Starred); ok {
		p.raiseNode(elt, "iterable unpacking cannot be used in comprehension")
		return nil
	}
	return gens
}

// displayElements parses star_named_expressions inside a list or set
// display. It stops before the closing bracket or before a comprehension's
// 'for' after the first element, and raises invalid_comprehension's
// "did you forget parentheses" when a 'for' follows several elements.
func (p *parser) displayElements(open int, close lexer.Kind, first ast.Expr) ([]ast.Expr, bool) {
	var elts []ast.Expr
	var lastComma int
	for {
		e := first
		first = nil
		if e == nil {
			if !canStartStarExpr(p.kind()) {
				p.syntaxError()
				return nil, false
			}
			if e = p.starNamedExpression(); e == nil {
				return nil, false
			}
		}
		elts = append(elts, e)
		if p.kind() != lexer.COMMA {
			if (p.kind() == lexer.FOR || p.kind() == lexer.ASYNC) && len(elts) > 1 {
				p.forgotParens(elts[0], elts[len(elts)-1])
				return nil, false
			}
			return elts, true
		}
		lastComma = p.i
		p.next()
		if p.kind() == close {
			return elts, true
		}
		if p.kind() == lexer.FOR || p.kind() == lexer.ASYNC {
			// ('[' | '{') a=star_named_expression b=',' for_if_clauses
			if len(elts) == 1 {
				m := p.mark()
				if p.forIfClauses() != nil {
					p.raiseRange(*elts[0].GetPos(), p.posOf(lastComma), "did you forget parentheses around the comprehension target?")
					return nil, false
				}
				p.reset(m)
			} else {
				p.forgotParens(elts[0], elts[len(elts)-1])
				return nil, false
			}
			p.syntaxError()
			return nil, false
		}
	}
}

// forgotParens raises invalid_comprehension's "did you forget parentheses"
// if a comprehension follows several elements.
func (p *parser) forgotParens(first, last ast.Expr) {
	m := p.mark()
	if p.forIfClauses() != nil {
		p.raiseRange(*first.GetPos(), *last.GetPos(), "did you forget parentheses around the comprehension target?")
		return
	}
	if p.reset(m) {
		p.syntaxError()
	}
}

// braceAtom is dict | set | dictcomp | setcomp.
func (p *parser) braceAtom() ast.Expr {
	start := p.i
	p.next() // '{'
	if p.accept(lexer.RBRACE) {
		return &ast.Dict{Pos: p.spanTo(start)}
	}
	if p.kind() == lexer.DOUBLESTAR {
		return p.dictRest(start, nil, nil)
	}
	if p.kind() == lexer.STAR {
		return p.setRest(start, nil)
	}
	if !canStartExpr(p.kind()) {
		p.syntaxError()
		return nil
	}
	// The first element decides between dict and set; it is parsed once
	// (re-parsing it would be exponential in the nesting of braces).
	keyStart := p.i
	key := p.expression()
	if key == nil {
		return nil
	}
	if p.kind() != lexer.COLON {
		first := p.namedExprTail(keyStart, key)
		if first == nil {
			return nil
		}
		return p.setRest(start, first)
	}
	colon := p.i
	p.next()
	value := p.dictValue(colon)
	if value == nil {
		return nil
	}
	if p.kind() == lexer.FOR || p.kind() == lexer.ASYNC {
		gens := p.forIfClauses()
		if gens == nil {
			return nil
		}
		if !p.accept(lexer.RBRACE) {
			p.syntaxError()
			return nil
		}
		return &ast.DictComp{Pos: p.spanTo(start), Key: key, Value: value, Generators: gens}
	}
	return p.dictRest(start, []ast.Expr{key}, []ast.Expr{value})
}

// dictValue parses the value after a dictionary key's ':', with
// invalid_double_starred_kvpairs' checks.
func (p *parser) dictValue(colon int) ast.Expr {
	switch p.kind() {
	case lexer.STAR:
		star := p.i
		p.next()
		if p.bitwiseOr() != nil {
			p.raiseStartingFrom(p.posOf(star), "cannot use a starred expression in a dictionary value")
		}
		return nil
	case lexer.RBRACE, lexer.COMMA:
		p.raiseToken(colon, "expression expected after dictionary key and ':'")
		return nil
	}
	if !canStartExpr(p.kind()) {
		p.syntaxError()
		return nil
	}
	return p.expression()
}

// dictRest parses the remaining entries of a dict display.
func (p *parser) dictRest(start int, keys, values []ast.Expr) ast.Expr {
	first := len(keys) == 0
	for {
		if !first {
			if p.kind() != lexer.COMMA {
				break
			}
			p.next()
			if p.kind() == lexer.RBRACE {
				break
			}
		}
		first = false
		if p.kind() == lexer.DOUBLESTAR {
			star := p.i
			p.next()
			v := p.bitwiseOr()
			if v == nil {
				return nil
			}
			if len(keys) == 0 && (p.kind() == lexer.FOR || p.kind() == lexer.ASYNC) {
				// invalid_dict_comprehension
				m := p.mark()
				if p.forIfClauses() != nil && p.kind() == lexer.RBRACE {
					p.raiseToken(star, "dict unpacking cannot be used in dict comprehension")
					return nil
				}
				if p.reset(m) {
					p.syntaxError()
				}
				return nil
			}
			keys = append(keys, nil)
			values = append(values, v)
			continue
		}
		if !canStartExpr(p.kind()) {
			p.syntaxError()
			return nil
		}
		k := p.expression()
		if k == nil {
			return nil
		}
		if p.kind() != lexer.COLON {
			// invalid_kvpair: a=expression !(':')
			kp := k.GetPos()
			p.fail(&perr{typ: "SyntaxError", msg: "':' expected after dictionary key",
				line: kp.Line, col: kp.EndCol, endLine: kp.EndLine, endCol: 0})
			return nil
		}
		colon := p.i
		p.next()
		v := p.dictValue(colon)
		if v == nil {
			return nil
		}
		keys = append(keys, k)
		values = append(values, v)
	}
	if !p.accept(lexer.RBRACE) {
		p.syntaxError()
		return nil
	}
	return &ast.Dict{Pos: p.spanTo(start), Keys: keys, Values: values}
}

// setRest parses a set display or set comprehension after its '{' and,
// if not nil, its first element.
func (p *parser) setRest(start int, first ast.Expr) ast.Expr {
	elts, gens, ok := p.display(start, lexer.RBRACE, first)
	switch {
	case !ok:
		return nil
	case gens != nil:
		return &ast.SetComp{Pos: p.spanTo(start), Elt: elts[0], Generators: gens}
	}
	return &ast.Set{Pos: p.spanTo(start), Elts: elts}
}

// forIfClauses parses one or more [async] for ... in ... [if ...] clauses.
func (p *parser) forIfClauses() []*ast.Comprehension {
	var gens []*ast.Comprehension
	for p.kind() == lexer.FOR || p.kind() == lexer.ASYNC {
		c := &ast.Comprehension{}
		if p.kind() == lexer.ASYNC {
			p.next()
			c.IsAsync = true
			if p.kind() != lexer.FOR {
				p.syntaxError()
				return nil
			}
		}
		p.next() // 'for'
		c.Target = p.forTargets()
		if c.Target == nil {
			return nil
		}
		p.next() // 'in' (checked by forTargets)
		if !canStartExpr(p.kind()) {
			p.syntaxError()
			return nil
		}
		c.Iter = p.disjunction()
		if c.Iter == nil {
			return nil
		}
		for p.kind() == lexer.IF {
			p.next()
			if !canStartExpr(p.kind()) {
				p.syntaxError()
				return nil
			}
			cond := p.disjunction()
			if cond == nil {
				return nil
			}
			c.Ifs = append(c.Ifs, cond)
		}
		gens = append(gens, c)
	}
	return gens
}

// yieldExpr is 'yield' 'from' expression | 'yield' [star_expressions].
func (p *parser) yieldExpr() ast.Expr {
	start := p.i
	p.next() // 'yield'
	if p.kind() == lexer.FROM {
		p.next()
		if !canStartExpr(p.kind()) {
			p.syntaxError()
			return nil
		}
		v := p.expression()
		if v == nil {
			return nil
		}
		return &ast.YieldFrom{Pos: p.spanTo(start), Value: v}
	}
	if !canStartStarExpr(p.kind()) {
		return &ast.Yield{Pos: p.spanTo(start)}
	}
	v := p.starExpressions()
	if v == nil {
		return nil
	}
	return &ast.Yield{Pos: p.spanTo(start), Value: v}
}

// lambdef is 'lambda' [lambda_params] ':' expression.
func (p *parser) lambdef() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.i
	p.next() // 'lambda'
	args := p.parameters(true)
	if args == nil {
		return nil
	}
	if !p.accept(lexer.COLON) {
		p.syntaxError()
		return nil
	}
	if !canStartExpr(p.kind()) {
		p.syntaxError()
		return nil
	}
	body := p.expression()
	if body == nil {
		return nil
	}
	return &ast.Lambda{Pos: p.spanTo(start), Args: args, Body: body}
}

// exprName is CPython's _PyPegen_get_expr_name: how error messages call e.
func exprName(e ast.Expr) string {
	switch n := e.(type) {
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.List:
		return "list"
	case *ast.Tuple:
		return "tuple"
	case *ast.Lambda:
		return "lambda"
	case *ast.Call:
		return "function call"
	case *ast.BoolOp, *ast.BinOp, *ast.UnaryOp:
		return "expression"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	case *ast.Constant:
		switch n.Kind {
		case ast.KindNone:
			return "None"
		case ast.KindFalse:
			return "False"
		case ast.KindTrue:
			return "True"
		case ast.KindEllipsis:
			return "ellipsis"
		}
		return "literal"
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.NamedExpr:
		return "named expression"
	}
	return "expression"
}
