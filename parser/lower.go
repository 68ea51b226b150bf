package parser

import (
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"gilpy/lexer"
	"gilpy/parser/ast"
)

// Lowering turns participle's statement structs into parser/ast nodes. The
// expressions inside them are already ast nodes (the Parseable leaves
// produce them), so this is mostly assembling statements and computing
// their ranges from the token indexes participle recorded.

// startOf is the start of the token at a participle position.
func (p *parser) startOf(pos plexer.Position) ast.Pos { return p.posOf(pos.Offset) }

// extent is the range of a statement from its first token to the last
// non-whitespace token before the token at end (an EndPos), as CPython's
// EXTRA computes it.
func (p *parser) extent(start plexer.Position, end plexer.Position) ast.Pos {
	return p.extentTo(start.Offset, end.Offset)
}

func (p *parser) extentTo(first, next int) ast.Pos {
	last := next - 1
	for last > first {
		switch p.toks[last].Kind {
		case lexer.NEWLINE, lexer.INDENT, lexer.DEDENT:
			last--
			continue
		}
		break
	}
	return p.span(first, last)
}

func (p *parser) lowerStmts(stmts []*pStmt) []ast.Stmt {
	n := 0
	for _, s := range stmts {
		n += len(s.S)
	}
	out := make([]ast.Stmt, 0, n)
	for _, s := range stmts {
		out = append(out, s.S...)
	}
	return out
}

func (p *parser) lowerBlock(b *pBlock) []ast.Stmt {
	if b.Indented != nil {
		return p.lowerStmts(b.Indented.Stmts)
	}
	return p.lowerSimpleLine(nil, b.Simple)
}

func (p *parser) lowerSimpleLine(out []ast.Stmt, l *pSimpleLine) []ast.Stmt {
	for _, s := range l.Stmts {
		out = append(out, p.lowerSimple(s))
	}
	return out
}

func (p *parser) lowerSimple(s *pSimple) ast.Stmt {
	switch {
	case s.Pass != nil:
		return &ast.Pass{Pos: p.startOf(s.Pass.Pos)}
	case s.Break != nil:
		return &ast.Break{Pos: p.startOf(s.Break.Pos)}
	case s.Continue != nil:
		return &ast.Continue{Pos: p.startOf(s.Continue.Pos)}
	case s.Return != nil:
		r := &ast.Return{Pos: p.extent(s.Return.Pos, s.Return.EndPos)}
		if s.Return.Value != nil {
			r.Value = s.Return.Value.E
		}
		return r
	case s.Raise != nil:
		r := &ast.Raise{Pos: p.extent(s.Raise.Pos, s.Raise.EndPos)}
		if s.Raise.Exc != nil {
			r.Exc = s.Raise.Exc.E
		}
		if s.Raise.Cause != nil {
			r.Cause = s.Raise.Cause.E
		}
		return r
	case s.Global != nil:
		return &ast.Global{Pos: p.extent(s.Global.Pos, s.Global.EndPos), Names: p.names(s.Global.Names)}
	case s.Nonlocal != nil:
		return &ast.Nonlocal{Pos: p.extent(s.Nonlocal.Pos, s.Nonlocal.EndPos), Names: p.names(s.Nonlocal.Names)}
	case s.Del != nil:
		return &ast.Delete{Pos: p.extent(s.Del.Pos, s.Del.EndPos), Targets: s.Del.Targets.Targets}
	case s.Assert != nil:
		a := &ast.Assert{Pos: p.extent(s.Assert.Pos, s.Assert.EndPos), Test: s.Assert.Test.E}
		if s.Assert.Msg != nil {
			a.Msg = s.Assert.Msg.E
		}
		return a
	case s.Import != nil:
		imp := &ast.Import{Pos: p.extent(s.Import.Pos, s.Import.EndPos)}
		for _, n := range s.Import.Names {
			a := &ast.Alias{Pos: p.extent(n.Pos, n.EndPos), Name: p.dotted(n.Names)}
			if n.As != nil {
				a.Asname = n.As.Name
			}
			imp.Names = append(imp.Names, a)
		}
		return imp
	case s.ImportFrom != nil:
		f := s.ImportFrom
		imp := &ast.ImportFrom{Pos: p.extent(f.Pos, f.EndPos), Module: p.dotted(f.Module), Names: f.Targets.Names}
		for _, d := range f.Dots {
			imp.Level += len(d)
		}
		return imp
	case s.Expr != nil:
		return s.Expr.S
	}
	panic("parser: empty simple statement")
}

func (p *parser) names(ns []*pName) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = p.identifier(&p.toks[n.Pos.Offset])
	}
	return out
}

func (p *parser) dotted(ns []*pName) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return p.identifier(&p.toks[ns[0].Pos.Offset])
	}
	return strings.Join(p.names(ns), ".")
}

func (p *parser) lowerWhile(w *pWhile) ast.Stmt {
	s := &ast.While{Pos: p.extent(w.Pos, w.EndPos), Test: w.Test.E, Body: p.lowerBlock(w.Body)}
	if w.Else != nil {
		s.Orelse = p.lowerBlock(w.Else.Body)
	}
	return s
}

func (p *parser) lowerDecorated(d *pDecorated) ast.Stmt {
	decos := make([]ast.Expr, len(d.Decorators))
	for i, deco := range d.Decorators {
		decos[i] = deco.Expr.E
	}
	switch {
	case d.FuncDef != nil:
		return p.lowerFuncDef(d.FuncDef, false, d.FuncDef.Pos, decos)
	case d.ClassDef != nil:
		return p.lowerClassDef(d.ClassDef, decos)
	default:
		return p.lowerFuncDef(d.Async.FuncDef, true, d.Async.Pos, decos)
	}
}

func (p *parser) lowerAsync(a *pAsync) ast.Stmt {
	switch {
	case a.FuncDef != nil:
		return p.lowerFuncDef(a.FuncDef, true, a.Pos, nil)
	case a.For != nil:
		return p.lowerFor(a.For, true, a.Pos)
	default:
		return p.lowerWith(a.With, true, a.Pos)
	}
}

func (p *parser) lowerIf(f *pIf) ast.Stmt {
	s := &ast.If{Pos: p.extent(f.Pos, f.EndPos), Test: f.Test.E, Body: p.lowerBlock(f.Body)}
	// elif chains nest: each elif is an If in the Orelse of the one before,
	// spanning from its keyword to the end of the statement.
	cur := s
	for _, e := range f.Elifs {
		n := &ast.If{Pos: p.extent(e.Pos, f.EndPos), Test: e.Test.E, Body: p.lowerBlock(e.Body)}
		cur.Orelse = []ast.Stmt{n}
		cur = n
	}
	if f.Else != nil {
		cur.Orelse = p.lowerBlock(f.Else.Body)
	}
	return s
}

func (p *parser) lowerFor(f *pFor, async bool, start plexer.Position) ast.Stmt {
	s := &ast.For{Pos: p.extent(start, f.EndPos), Target: f.Target.E, Iter: f.Iter.E, Body: p.lowerBlock(f.Body), IsAsync: async}
	if f.Else != nil {
		s.Orelse = p.lowerBlock(f.Else.Body)
	}
	return s
}

func (p *parser) lowerWith(w *pWith, async bool, start plexer.Position) ast.Stmt {
	return &ast.With{Pos: p.extent(start, w.EndPos), Items: w.Items.Items, Body: p.lowerBlock(w.Body), IsAsync: async}
}

func (p *parser) lowerFuncDef(f *pFuncDef, async bool, start plexer.Position, decos []ast.Expr) ast.Stmt {
	s := &ast.FunctionDef{
		Pos:           p.extent(start, f.EndPos),
		Name:          p.identifier(&p.toks[f.Name.Pos.Offset]),
		Args:          f.Params.Args,
		Body:          p.lowerBlock(f.Body),
		DecoratorList: decos,
		IsAsync:       async,
	}
	if f.Returns != nil {
		s.Returns = f.Returns.E
	}
	return s
}

func (p *parser) lowerClassDef(c *pClassDef, decos []ast.Expr) ast.Stmt {
	s := &ast.ClassDef{
		Pos:           p.extent(c.Pos, c.EndPos),
		Name:          p.identifier(&p.toks[c.Name.Pos.Offset]),
		Body:          p.lowerBlock(c.Body),
		DecoratorList: decos,
	}
	if c.Args != nil {
		s.Bases, s.Keywords = c.Args.Bases, c.Args.Keywords
	}
	return s
}

// lowerInteractive builds the result of ModeSingle, which takes exactly
// one statement: CPython's bad_single_statement rejects anything after it.
func (p *parser) lowerInteractive(t *pInteractive, lex *plexer.PeekingLexer) any {
	if t.Stmt == nil {
		// Only blank lines: CPython's ENDMARKER alternative gives up.
		p.raiseToken(t.Pos.Offset, "invalid syntax")
		return nil
	}
	p.i = int(lex.RawCursor())
	last := p.i - 1
	if compound(t.Stmt.S[0]) && p.kind() != lexer.NEWLINE && p.kind() != lexer.EOF {
		// compound_stmt NEWLINE: nothing may follow on further lines.
		p.syntaxError()
		return nil
	}
	for p.kind() == lexer.NEWLINE {
		p.next()
	}
	if p.kind() != lexer.EOF {
		// bad_single_statement looks at the text after the statement;
		// the tokenizer has not gone past the statement's end.
		p.fetched = last
		p.raiseAt(last, "multiple statements found while compiling a single statement")
		return nil
	}
	return &ast.Interactive{Body: t.Stmt.S}
}

func compound(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.If, *ast.While, *ast.For, *ast.Try, *ast.With, *ast.FunctionDef, *ast.ClassDef, *ast.Match:
		return true
	}
	return false
}
