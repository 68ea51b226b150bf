package parser

import (
	"errors"
	"io"
	"sync"

	"github.com/alecthomas/participle/v2"
	plexer "github.com/alecthomas/participle/v2/lexer"

	"gilpy/lexer"
	"gilpy/parser/ast"
)

// The statement grammar, as participle structs. participle matches the
// statement skeleton (keywords, blocks, separators); the parts with their
// own error rules are Parseable types written by hand (see leaves.go).
//
// Every struct has Pos and EndPos: participle fills Pos with the position of
// the struct's first token and EndPos with that of the token after it. The
// tokens handed to participle carry their index in the token slice in
// Position.Offset, so Pos.Offset is the first token and EndPos.Offset-1 the
// last one; lowering reads the exact positions from gilpy's own tokens.

// pFile is a module: statements up to the end of input.
type pFile struct {
	Stmts []*pStmt `parser:"@@*"`
}

// pInteractive is one REPL input (statement_newline).
type pInteractive struct {
	Pos   plexer.Position
	Stmt  *pStmt `parser:"  @@"`
	Empty bool   `parser:"| @( NEWLINE | EOF )"`
}

// pAll names every statement production, so that participle builds a
// parser for each; pStmt dispatches to them (see stmtParsers).
type pAll struct {
	File      *pFile        `parser:"  @@"`
	If        *pIf          `parser:"| @@"`
	While     *pWhile       `parser:"| @@"`
	For       *pFor         `parser:"| @@"`
	With      *pWith        `parser:"| @@"`
	FuncDef   *pFuncDef     `parser:"| @@"`
	ClassDef  *pClassDef    `parser:"| @@"`
	Decorated *pDecorated   `parser:"| @@"`
	Async     *pAsync       `parser:"| @@"`
	Simple    *pSimpleLine  `parser:"| @@"`
	Block     *pBlock       `parser:"| @@"`
	Inter     *pInteractive `parser:"| @@"`
}

// pSimpleLine is simple_stmts: statements separated by ';' ending a line.
type pSimpleLine struct {
	Stmts []*pSimple `parser:"@@ ( ';' @@ )* ';'? NEWLINE"`
}

// pSimple is one simple statement. Expression statements and assignments
// come first: they are the most common, and none of the keyword statements
// starts with a token that can start an expression.
type pSimple struct {
	Expr       *exprStmt    `parser:"  @@"`
	Return     *pReturn     `parser:"| @@"`
	Import     *pImport     `parser:"| @@"`
	ImportFrom *pImportFrom `parser:"| @@"`
	Pass       *pPass       `parser:"| @@"`
	Raise      *pRaise      `parser:"| @@"`
	Break      *pBreak      `parser:"| @@"`
	Continue   *pContinue   `parser:"| @@"`
	Del        *pDel        `parser:"| @@"`
	Assert     *pAssert     `parser:"| @@"`
	Global     *pGlobal     `parser:"| @@"`
	Nonlocal   *pNonlocal   `parser:"| @@"`
}

type pPass struct {
	Pos plexer.Position
	Kw  bool `parser:"@'pass'"`
}

type pBreak struct {
	Pos plexer.Position
	Kw  bool `parser:"@'break'"`
}

type pContinue struct {
	Pos plexer.Position
	Kw  bool `parser:"@'continue'"`
}

type pReturn struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Value  *starExprsLeaf `parser:"'return' @@?"`
}

type pRaise struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Exc    *exprLeaf `parser:"'raise' ( @@"`
	Cause  *exprLeaf `parser:"( 'from' @@ )? )?"`
}

type pName struct {
	Pos  plexer.Position
	Name string `parser:"@NAME"`
}

type pGlobal struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Names  []*pName `parser:"'global' @@ ( ',' @@ )*"`
}

type pNonlocal struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Names  []*pName `parser:"'nonlocal' @@ ( ',' @@ )*"`
}

type pDel struct {
	Pos     plexer.Position
	EndPos  plexer.Position
	Targets *delTargetsLeaf `parser:"'del' @@"`
}

type pAssert struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Test   *exprLeaf `parser:"'assert' @@"`
	Msg    *exprLeaf `parser:"( ',' @@ )?"`
}

type pImport struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Names  []*pDottedAsName `parser:"'import' @@ ( ',' @@ )*"`
}

type pDottedAsName struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Names  []*pName  `parser:"@@ ( '.' @@ )*"`
	As     *nameLeaf `parser:"( 'as' @@ )?"`
}

type pImportFrom struct {
	Pos     plexer.Position
	EndPos  plexer.Position
	Dots    []string           `parser:"'from' @( '.' | '...' )*"`
	Module  []*pName           `parser:"( @@ ( '.' @@ )* )?"`
	Targets *importTargetsLeaf `parser:"'import' @@"`
}

// pBlock is a suite: an indented block or statements on the header's line.
type pBlock struct {
	Indented *pIndented   `parser:"  @@"`
	Simple   *pSimpleLine `parser:"| @@"`
}

type pIndented struct {
	Indent *indentLeaf `parser:"NEWLINE @@"`
	Stmts  []*pStmt    `parser:"@@+ DEDENT"`
}

type pIf struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Test   *namedExprLeaf `parser:"'if' @@"`
	Colon  *colonLeaf     `parser:"@@"`
	Body   *pBlock        `parser:"@@"`
	Elifs  []*pElif       `parser:"@@*"`
	Else   *pElse         `parser:"@@?"`
}

type pElif struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Test   *namedExprLeaf `parser:"'elif' @@"`
	Colon  *colonLeaf     `parser:"@@"`
	Body   *pBlock        `parser:"@@"`
}

type pElse struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Colon  *colonLeaf `parser:"'else' @@"`
	Body   *pBlock    `parser:"@@"`
}

type pWhile struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Test   *namedExprLeaf `parser:"'while' @@"`
	Colon  *colonLeaf     `parser:"@@"`
	Body   *pBlock        `parser:"@@"`
	Else   *pElse         `parser:"@@?"`
}

type pFor struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Target *forTargetsLeaf `parser:"'for' @@"`
	Iter   *starExprsLeaf  `parser:"'in' @@"`
	Colon  *colonLeaf      `parser:"@@"`
	Body   *pBlock         `parser:"@@"`
	Else   *pElse          `parser:"@@?"`
}

type pWith struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Items  *withItemsLeaf `parser:"'with' @@"`
	Colon  *colonLeaf     `parser:"@@"`
	Body   *pBlock        `parser:"@@"`
}

type pFuncDef struct {
	Pos     plexer.Position
	EndPos  plexer.Position
	Name    *pName      `parser:"'def' @@"`
	Params  *paramsLeaf `parser:"@@"`
	Returns *exprLeaf   `parser:"( '->' @@ )?"`
	Colon   *colonLeaf  `parser:"@@"`
	Body    *pBlock     `parser:"@@"`
}

type pClassDef struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Name   *pName         `parser:"'class' @@"`
	Args   *classArgsLeaf `parser:"@@?"`
	Colon  *colonLeaf     `parser:"@@"`
	Body   *pBlock        `parser:"@@"`
}

type pDecorator struct {
	Pos  plexer.Position
	Expr *namedExprLeaf `parser:"'@' @@ NEWLINE"`
}

type pDecorated struct {
	Pos        plexer.Position
	Decorators []*pDecorator `parser:"@@+"`
	FuncDef    *pFuncDef     `parser:"( @@"`
	ClassDef   *pClassDef    `parser:"| @@"`
	Async      *pAsyncDef    `parser:"| @@ )"`
}

type pAsyncDef struct {
	Pos     plexer.Position
	FuncDef *pFuncDef `parser:"'async' @@"`
}

type pAsync struct {
	Pos     plexer.Position
	FuncDef *pFuncDef `parser:"'async' ( @@"`
	For     *pFor     `parser:"| @@"`
	With    *pWith    `parser:"| @@ )"`
}

// ------------------------------------------------------------ the plumbing

// ptype maps a token kind to participle's token type: negative and never
// -1, which participle reserves for EOF.
func ptype(k lexer.Kind) plexer.TokenType {
	if k == lexer.EOF {
		return plexer.EOF
	}
	return plexer.TokenType(-(int(k) + 2))
}

// tokenDef tells participle the token types; gilpy feeds it tokens itself.
type tokenDef struct{}

func (tokenDef) Symbols() map[string]plexer.TokenType {
	m := map[string]plexer.TokenType{"EOF": plexer.EOF}
	for k := lexer.Kind(1); k < lexer.NumKinds; k++ {
		name := k.String()
		if k.IsOperator() || k.IsKeyword() {
			name = "Tok_" + name
		}
		m[name] = ptype(k)
	}
	return m
}

func (tokenDef) Lex(string, io.Reader) (plexer.Lexer, error) {
	return nil, errors.New("gilpy's parser feeds participle its own tokens")
}

// grammarState holds the participle parsers, built once: one for each
// statement production.
type grammarState struct {
	file        *participle.Parser[pFile]
	interactive *participle.Parser[pInteractive]
	block       *participle.Parser[pBlock]
	simple      *participle.Parser[pSimpleLine]
	ifStmt      *participle.Parser[pIf]
	whileStmt   *participle.Parser[pWhile]
	forStmt     *participle.Parser[pFor]
	withStmt    *participle.Parser[pWith]
	funcDef     *participle.Parser[pFuncDef]
	classDef    *participle.Parser[pClassDef]
	decorated   *participle.Parser[pDecorated]
	async       *participle.Parser[pAsync]
}

var (
	grammarOnce sync.Once
	grammar     *grammarState
)

func parserFor[P any](all *participle.Parser[pAll]) *participle.Parser[P] {
	p, err := participle.ParserForProduction[P](all)
	if err != nil {
		panic(err)
	}
	return p
}

func getGrammar() *grammarState {
	grammarOnce.Do(func() {
		all := participle.MustBuild[pAll](participle.Lexer(tokenDef{}), participle.UseLookahead(1))
		grammar = &grammarState{
			file:        parserFor[pFile](all),
			interactive: parserFor[pInteractive](all),
			block:       parserFor[pBlock](all),
			simple:      parserFor[pSimpleLine](all),
			ifStmt:      parserFor[pIf](all),
			whileStmt:   parserFor[pWhile](all),
			forStmt:     parserFor[pFor](all),
			withStmt:    parserFor[pWith](all),
			funcDef:     parserFor[pFuncDef](all),
			classDef:    parserFor[pClassDef](all),
			decorated:   parserFor[pDecorated](all),
			async:       parserFor[pAsync](all),
		}
	})
	return grammar
}

// registry finds the parser state from inside a Parseable: participle passes
// only a PeekingLexer, but all copies of it share one token array, whose
// first element identifies the parse.
var registry sync.Map // *plexer.Token -> *parser

func stateOf(lex *plexer.PeekingLexer) *parser {
	v, _ := registry.Load(&lex.Range(0, 1)[0])
	return v.(*parser)
}

// errStop is what a Parseable returns after recording a syntax error in the
// parser state; the state's error is the one reported.
var errStop = errors.New("syntax error")

// stop makes participle give up: it moves the lexer far beyond its
// lookahead, so no enclosing alternative is tried.
func (p *parser) stop(lex *plexer.PeekingLexer) error {
	if n := len(p.toks) - 2; n > int(lex.RawCursor()) {
		lex.FastForward(plexer.RawCursor(n))
	}
	return participle.Errorf(lex.Peek().Pos, "%v", errStop)
}

// sync moves participle's lexer to p.i.
func (p *parser) sync(lex *plexer.PeekingLexer) {
	if cur := int(lex.RawCursor()); p.i > cur {
		lex.FastForward(plexer.RawCursor(p.i - 1))
	}
}

// leaf runs a hand-written parser f at the lexer's position. If the current
// token cannot start what f parses, the leaf does not match (participle
// tries the next alternative). Once f has started, an error is final.
func leaf(lex *plexer.PeekingLexer, starts func(*parser) bool, f func(*parser) bool) error {
	p := stateOf(lex)
	if p.err != nil {
		return p.stop(lex)
	}
	p.i = int(lex.RawCursor())
	if !starts(p) {
		if p.err != nil {
			return p.stop(lex)
		}
		return participle.NextMatch
	}
	if !f(p) || p.err != nil {
		if p.err == nil {
			p.syntaxError()
		}
		return p.stop(lex)
	}
	p.sync(lex)
	return nil
}

// parseBlock parses a block with participle from inside a Parseable.
func (p *parser) parseBlock(lex *plexer.PeekingLexer) []ast.Stmt {
	p.sync(lex)
	b, err := p.grammar.block.ParseFromLexer(lex, participle.AllowTrailing(true))
	if p.err == nil && err != nil {
		p.participleError(err)
	}
	if p.err != nil {
		return nil
	}
	p.i = int(lex.RawCursor())
	return p.lowerBlock(b)
}

// participleError turns a failure participle detected into CPython's error.
// participle stops at a token that no statement rule accepts; CPython then
// reports its generic error there.
func (p *parser) participleError(err error) {
	if p.err != nil {
		return
	}
	var perr participle.Error
	i := p.fetched
	if errors.As(err, &perr) {
		if off := perr.Position().Offset; off >= 0 && off < len(p.toks) {
			i = off
		}
	}
	if i > p.fetched {
		p.fetched = i
	}
	p.see(i)
	p.syntaxError()
}

// parse runs the parse for p.mode.
func (p *parser) parse() any {
	p.grammar = getGrammar()
	switch p.mode {
	case ModeEval:
		return p.parseEval()
	}
	peek, err := newPeekingLexer(p.toks, p.filename)
	if err != nil {
		p.raiseAt(0, err.Error())
		return nil
	}
	key := &peek.Range(0, 1)[0]
	registry.Store(key, p)
	defer registry.Delete(key)
	if p.mode == ModeSingle {
		tree, err := p.grammar.interactive.ParseFromLexer(peek, participle.AllowTrailing(true))
		if p.err == nil && err != nil {
			p.participleError(err)
		}
		if p.err != nil {
			return nil
		}
		return p.lowerInteractive(tree, peek)
	}
	tree, err := p.grammar.file.ParseFromLexer(peek)
	if p.err == nil && err != nil {
		p.participleError(err)
	}
	if p.err != nil {
		return nil
	}
	return &ast.Module{Body: p.lowerStmts(tree.Stmts)}
}

// pStmt is one statement. It picks the statement's production by its
// first token and runs participle's parser for it: a switch instead of an
// alternative per statement kind, each of which would cost participle a
// branch (a copy of its state) and a struct allocation for every statement.
type pStmt struct{ S []ast.Stmt }

func (x *pStmt) Parse(lex *plexer.PeekingLexer) error {
	p := stateOf(lex)
	if p.err != nil {
		return p.stop(lex)
	}
	p.i = int(lex.RawCursor())
	g := p.grammar
	var s ast.Stmt
	var err error
	switch p.kind() {
	case lexer.IF:
		s, err = production(lex, g.ifStmt, p.lowerIf)
	case lexer.WHILE:
		s, err = production(lex, g.whileStmt, p.lowerWhile)
	case lexer.FOR:
		s, err = production(lex, g.forStmt, func(n *pFor) ast.Stmt { return p.lowerFor(n, false, n.Pos) })
	case lexer.WITH:
		s, err = production(lex, g.withStmt, func(n *pWith) ast.Stmt { return p.lowerWith(n, false, n.Pos) })
	case lexer.DEF:
		s, err = production(lex, g.funcDef, func(n *pFuncDef) ast.Stmt { return p.lowerFuncDef(n, false, n.Pos, nil) })
	case lexer.CLASS:
		s, err = production(lex, g.classDef, func(n *pClassDef) ast.Stmt { return p.lowerClassDef(n, nil) })
	case lexer.AT:
		s, err = production(lex, g.decorated, p.lowerDecorated)
	case lexer.ASYNC:
		s, err = production(lex, g.async, p.lowerAsync)
	case lexer.TRY:
		p.sync(lex)
		t := p.tryStatement(lex)
		return x.handTree(p, lex, t, t == nil)
	case lexer.NAME:
		if p.isSoft("match") {
			m, isMatch := p.matchStatement(lex)
			if isMatch || p.err != nil {
				return x.handTree(p, lex, m, m == nil)
			}
		}
	default:
		if !p.canStartStmt() {
			return participle.NextMatch
		}
	}
	if s == nil && err == nil && p.err == nil && p.startsExprStmt() {
		// The most common line, one expression statement or assignment,
		// goes straight to its hand-written parser; lines with ';' go
		// through participle's simple_stmts like the keyword statements.
		start := p.i
		if st := p.exprStatement(); st != nil && p.kind() == lexer.NEWLINE {
			p.next()
			p.sync(lex)
			x.S = []ast.Stmt{st}
			return nil
		}
		if p.err != nil {
			return p.stop(lex)
		}
		if p.kind() != lexer.SEMI {
			p.syntaxError()
			return p.stop(lex)
		}
		p.i = start
	}
	if s == nil && err == nil && p.err == nil {
		// A simple statement line.
		p.sync(lex)
		var n *pSimpleLine
		if n, err = g.simple.ParseFromLexer(lex, participle.AllowTrailing(true)); err == nil {
			x.S = p.lowerSimpleLine(nil, n)
			return nil
		}
	}
	if p.err == nil && err != nil {
		p.participleError(err)
	}
	if p.err != nil {
		return p.stop(lex)
	}
	p.i = int(lex.RawCursor())
	x.S = []ast.Stmt{s}
	return nil
}

// production runs participle's parser for one statement production at the
// lexer's position and lowers the result.
func production[T any](lex *plexer.PeekingLexer, prod *participle.Parser[T], lower func(*T) ast.Stmt) (ast.Stmt, error) {
	n, err := prod.ParseFromLexer(lex, participle.AllowTrailing(true))
	if err != nil {
		return nil, err
	}
	return lower(n), nil
}

// handTree finishes a statement parsed by hand (try, match).
func (x *pStmt) handTree(p *parser, lex *plexer.PeekingLexer, s ast.Stmt, failed bool) error {
	if failed || p.err != nil {
		if p.err == nil {
			p.syntaxError()
		}
		return p.stop(lex)
	}
	p.sync(lex)
	x.S = []ast.Stmt{s}
	return nil
}

// startsExprStmt reports whether the current token starts an expression
// statement or assignment.
func (p *parser) startsExprStmt() bool {
	k := p.kind()
	return k == lexer.YIELD || canStartStarExpr(k)
}

// canStartStmt reports whether the current token can begin a simple
// statement.
func (p *parser) canStartStmt() bool {
	switch k := p.kind(); k {
	case lexer.PASS, lexer.BREAK, lexer.CONTINUE, lexer.RETURN, lexer.RAISE, lexer.GLOBAL,
		lexer.NONLOCAL, lexer.DEL, lexer.ASSERT, lexer.IMPORT, lexer.FROM, lexer.YIELD:
		return true
	default:
		return canStartStarExpr(k)
	}
}

// parseEval is eval: expressions NEWLINE* ENDMARKER.
func (p *parser) parseEval() any {
	if !canStartExpr(p.kind()) {
		p.syntaxError()
		return nil
	}
	start := p.i
	elts, tuple := p.commaList(p.expression, canStartExpr)
	if elts == nil {
		return nil
	}
	e := elts[0]
	if tuple {
		e = &ast.Tuple{Pos: p.spanTo(start), Elts: elts, Ctx: ast.Load}
	}
	for p.kind() == lexer.NEWLINE {
		p.next()
	}
	if p.kind() != lexer.EOF {
		p.syntaxError()
		return nil
	}
	return &ast.Expression{Body: e}
}
