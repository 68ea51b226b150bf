package compiler

import (
	"math/big"
	"testing"

	"gilpy/parser"
	"gilpy/parser/ast"
)

// FuzzCompile builds a syntax tree from the fuzzer's bytes (every tree the
// parser could produce is reachable, with names from a small pool so that
// scoping interacts) and compiles it. The compiler may report a
// SyntaxError but must not panic, and what it produces must pass
// verifyCode.
func FuzzCompile(f *testing.F) {
	for _, seed := range []string{
		"", "\x00", "\x01\x02\x03\x04", "hello world, compile me",
		"\x05\x10\x20\x30\x40\x50\x60\x70\x80\x90\xa0\xb0\xc0\xd0\xe0\xf0",
		"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2\xf1\xf0\xef\xee",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g := &astGen{data: data}
		tree := g.module()
		co, err := Compile(tree, "<fuzz>", nil, Options{})
		if err != nil {
			switch err.(type) {
			case *parser.SyntaxError, *RecursionError:
			default:
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if err := verifyCode(co); err != nil {
			t.Fatal(err)
		}
	})
}

// TestRandomTrees runs the fuzz generator over a fixed set of inputs, so
// that plain `go test` exercises it too.
func TestRandomTrees(t *testing.T) {
	for i := 0; i < 3000; i++ {
		data := make([]byte, 64+i%200)
		x := uint32(i*2654435761 + 12345)
		for j := range data {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			data[j] = byte(x)
		}
		g := &astGen{data: data}
		tree := g.module()
		co, err := Compile(tree, "<random>", nil, Options{})
		if err != nil {
			if _, ok := err.(*parser.SyntaxError); !ok {
				t.Fatalf("input %d: non-SyntaxError error: %v", i, err)
			}
			continue
		}
		if err := verifyCode(co); err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
	}
}

type astGen struct {
	data  []byte
	pos   int
	depth int
	line  int
	// Context, so that most trees are valid: function nesting, async
	// function, loop.
	funcDepth int
	async     bool
	loop      bool
}

// valid reports whether to generate a construct that is only valid when
// ok holds: almost always when it is, rarely when it is not.
func (g *astGen) valid(ok bool) bool {
	if ok {
		return true
	}
	return g.n(12) == 0
}

func (g *astGen) body(fn, async, loop bool) []ast.Stmt {
	saved := *g
	if fn {
		g.funcDepth++
		g.async = async
		g.loop = false
	}
	if loop {
		g.loop = true
	}
	out := g.stmts(3)
	g.funcDepth, g.async, g.loop = saved.funcDepth, saved.async, saved.loop
	return out
}

func (g *astGen) n(k int) int {
	if g.pos >= len(g.data) || k <= 1 {
		return 0
	}
	b := int(g.data[g.pos])
	g.pos++
	return b % k
}

func (g *astGen) p() ast.Pos {
	g.line++
	return ast.Pos{Line: g.line, Col: g.n(8), EndLine: g.line, EndCol: 10 + g.n(20)}
}

var genNames = []string{"a", "b", "c", "x", "_", "super", "__class__", "__priv", "self"}

func (g *astGen) name() string {
	if g.n(60) == 0 {
		return "__debug__"
	}
	return genNames[g.n(len(genNames))]
}

func (g *astGen) module() any {
	switch g.n(12) {
	case 0:
		return &ast.Expression{Body: g.expr()}
	case 1:
		return &ast.Interactive{Body: g.stmts(2)}
	}
	return &ast.Module{Body: g.stmts(6)}
}

func (g *astGen) stmts(max int) []ast.Stmt {
	k := 1 + g.n(max)
	out := make([]ast.Stmt, k)
	for i := range out {
		out[i] = g.stmt()
	}
	return out
}

func (g *astGen) deeper() bool { return g.depth < 6 && g.pos < len(g.data) }

func (g *astGen) stmt() ast.Stmt {
	g.depth++
	defer func() { g.depth-- }()
	p := g.p()
	if !g.deeper() {
		switch g.n(3) {
		case 0:
			return &ast.Pass{Pos: p}
		case 1:
			return &ast.ExprStmt{Pos: p, Value: g.leaf()}
		}
		return &ast.Assign{Pos: p, Targets: []ast.Expr{g.target()}, Value: g.leaf()}
	}
	switch g.n(26) {
	case 0:
		async := g.n(3) == 0
		return &ast.FunctionDef{Pos: p, Name: g.name(), Args: g.args(true), DecoratorList: g.exprs(2),
			Returns: g.optExpr(), IsAsync: async, Body: g.body(true, async, false)}
	case 1:
		var kws []*ast.Keyword
		if g.n(3) == 0 {
			kws = append(kws, &ast.Keyword{Pos: g.p(), Arg: "metaclass", Value: g.leaf()})
		}
		cls := &ast.ClassDef{Pos: p, Name: g.name(), Bases: g.exprs(2), Keywords: kws, DecoratorList: g.exprs(1)}
		saved := *g
		g.funcDepth, g.async, g.loop = 0, false, false
		cls.Body = g.stmts(3)
		g.funcDepth, g.async, g.loop = saved.funcDepth, saved.async, saved.loop
		return cls
	case 2:
		if g.valid(g.funcDepth > 0) {
			return &ast.Return{Pos: p, Value: g.optExpr()}
		}
		return &ast.Pass{Pos: p}
	case 3:
		return &ast.Delete{Pos: p, Targets: []ast.Expr{g.delTarget()}}
	case 4:
		ts := []ast.Expr{g.target()}
		if g.n(3) == 0 {
			ts = append(ts, g.target())
		}
		return &ast.Assign{Pos: p, Targets: ts, Value: g.expr()}
	case 5:
		return &ast.AugAssign{Pos: p, Target: g.simpleTarget(), Op: ast.Operator(g.n(13)), Value: g.expr()}
	case 6:
		t := g.simpleTarget()
		_, simple := t.(*ast.Name)
		return &ast.AnnAssign{Pos: p, Target: t, Annotation: g.expr(), Value: g.optExpr(), Simple: simple && g.n(4) != 0}
	case 7:
		return &ast.For{Pos: p, Target: g.target(), Iter: g.expr(), Body: g.body(false, false, true),
			Orelse: g.optStmts(), IsAsync: g.n(4) == 0 && g.valid(g.async)}
	case 8:
		return &ast.While{Pos: p, Test: g.expr(), Body: g.body(false, false, true), Orelse: g.optStmts()}
	case 9:
		return &ast.If{Pos: p, Test: g.expr(), Body: g.stmts(3), Orelse: g.optStmts()}
	case 10:
		items := []*ast.WithItem{{ContextExpr: g.expr()}}
		if g.n(2) == 0 {
			items[0].OptionalVars = g.target()
		}
		if g.n(3) == 0 {
			items = append(items, &ast.WithItem{ContextExpr: g.leaf()})
		}
		return &ast.With{Pos: p, Items: items, Body: g.stmts(3), IsAsync: g.n(4) == 0 && g.valid(g.async)}
	case 11:
		return g.match(p)
	case 12:
		r := &ast.Raise{Pos: p}
		if g.n(3) != 0 {
			r.Exc = g.expr()
			if g.n(3) == 0 {
				r.Cause = g.leaf()
			}
		}
		return r
	case 13:
		t := &ast.Try{Pos: p, Body: g.stmts(3), IsStar: g.n(5) == 0}
		for i := g.n(3); i >= 0; i-- {
			h := &ast.ExceptHandler{Pos: g.p(), Body: g.stmts(2)}
			if g.n(4) != 0 || t.IsStar {
				h.Type = g.leaf()
			}
			if g.n(2) == 0 {
				h.Name = g.name()
			}
			t.Handlers = append(t.Handlers, h)
		}
		if g.n(3) == 0 {
			t.Handlers = nil
			t.Finalbody = g.stmts(2)
		} else if g.n(3) == 0 {
			t.Finalbody = g.stmts(2)
		}
		if len(t.Handlers) > 0 && g.n(3) == 0 {
			t.Orelse = g.stmts(2)
		}
		return t
	case 14:
		return &ast.Assert{Pos: p, Test: g.expr(), Msg: g.optExpr()}
	case 15:
		return &ast.Import{Pos: p, Names: []*ast.Alias{{Pos: g.p(), Name: []string{"os", "a.b.c", "x"}[g.n(3)],
			Asname: []string{"", "y", "_"}[g.n(3)]}}}
	case 16:
		names := []*ast.Alias{{Pos: g.p(), Name: g.name()}}
		if g.n(4) == 0 {
			names = []*ast.Alias{{Pos: g.p(), Name: "*"}}
		}
		mod := []string{"", "m", "__future__"}[g.n(3)]
		if mod == "__future__" && g.n(4) != 0 {
			names = []*ast.Alias{{Pos: g.p(), Name: "annotations"}}
		}
		return &ast.ImportFrom{Pos: p, Module: mod, Names: names, Level: g.n(3)}
	case 17:
		return &ast.Global{Pos: p, Names: []string{g.name()}}
	case 18:
		if g.valid(g.funcDepth > 1) {
			return &ast.Nonlocal{Pos: p, Names: []string{g.name()}}
		}
		return &ast.Pass{Pos: p}
	case 19:
		if g.valid(g.loop) {
			return &ast.Break{Pos: p}
		}
		return &ast.Pass{Pos: p}
	case 20:
		if g.valid(g.loop) {
			return &ast.Continue{Pos: p}
		}
		return &ast.Pass{Pos: p}
	case 21:
		return &ast.Pass{Pos: p}
	}
	return &ast.ExprStmt{Pos: p, Value: g.expr()}
}

func (g *astGen) optStmts() []ast.Stmt {
	if g.n(3) == 0 {
		return g.stmts(2)
	}
	return nil
}

func (g *astGen) args(annotations bool) *ast.Arguments {
	a := &ast.Arguments{}
	arg := func() *ast.Arg {
		x := &ast.Arg{Pos: g.p(), Arg: g.name()}
		if annotations && g.n(4) == 0 {
			x.Annotation = g.leaf()
		}
		return x
	}
	for i := g.n(3); i > 0; i-- {
		a.Args = append(a.Args, arg())
	}
	if g.n(4) == 0 {
		a.Posonlyargs = append(a.Posonlyargs, arg())
	}
	if g.n(3) == 0 {
		a.Vararg = arg()
	}
	if g.n(3) == 0 {
		a.Kwonlyargs = append(a.Kwonlyargs, arg())
		if g.n(2) == 0 {
			a.KwDefaults = append(a.KwDefaults, g.leaf())
		} else {
			a.KwDefaults = append(a.KwDefaults, nil)
		}
	}
	if g.n(4) == 0 {
		a.Kwarg = arg()
	}
	if npos := len(a.Args) + len(a.Posonlyargs); npos > 0 && g.n(2) == 0 {
		a.Defaults = append(a.Defaults, g.leaf())
	}
	return a
}

func (g *astGen) exprs(max int) []ast.Expr {
	var out []ast.Expr
	for i := g.n(max + 1); i > 0; i-- {
		out = append(out, g.expr())
	}
	return out
}

func (g *astGen) optExpr() ast.Expr {
	if g.n(2) == 0 {
		return nil
	}
	return g.expr()
}

func (g *astGen) constant() *ast.Constant {
	p := g.p()
	switch g.n(9) {
	case 0:
		return &ast.Constant{Pos: p, Kind: ast.KindNone}
	case 1:
		return &ast.Constant{Pos: p, Kind: ast.KindTrue}
	case 2:
		return &ast.Constant{Pos: p, Kind: ast.KindFalse}
	case 3:
		return &ast.Constant{Pos: p, Kind: ast.KindEllipsis}
	case 4:
		x := big.NewInt(int64(g.n(256)) - 20)
		if g.n(4) == 0 {
			x.Lsh(x, uint(g.n(200)))
		}
		return &ast.Constant{Pos: p, Kind: ast.KindInt, Int: x}
	case 5:
		return &ast.Constant{Pos: p, Kind: ast.KindFloat, Float: float64(g.n(100)) / 7}
	case 6:
		return &ast.Constant{Pos: p, Kind: ast.KindComplex, Float: float64(g.n(10))}
	case 7:
		return &ast.Constant{Pos: p, Kind: ast.KindBytes, Str: "b"}
	}
	return &ast.Constant{Pos: p, Kind: ast.KindStr, Str: []string{"", "s", "é", "a{b}"}[g.n(4)]}
}

func (g *astGen) leaf() ast.Expr {
	if g.n(2) == 0 {
		return g.constant()
	}
	return &ast.Name{Pos: g.p(), Id: g.name(), Ctx: ast.Load}
}

// simpleTarget is a Name, Attribute or Subscript in Store context.
func (g *astGen) simpleTarget() ast.Expr {
	switch g.n(4) {
	case 0:
		return &ast.Attribute{Pos: g.p(), Value: g.leaf(), Attr: g.name(), Ctx: ast.Store}
	case 1:
		return &ast.Subscript{Pos: g.p(), Value: g.leaf(), Slice: g.leaf(), Ctx: ast.Store}
	}
	return &ast.Name{Pos: g.p(), Id: g.name(), Ctx: ast.Store}
}

func (g *astGen) target() ast.Expr {
	if g.deeper() && g.n(4) == 0 {
		elts := []ast.Expr{g.simpleTarget()}
		if g.n(2) == 0 {
			elts = append(elts, &ast.Starred{Pos: g.p(), Value: g.simpleTarget(), Ctx: ast.Store})
		}
		if g.n(3) == 0 {
			elts = append(elts, g.target())
		}
		if g.n(2) == 0 {
			return &ast.List{Pos: g.p(), Elts: elts, Ctx: ast.Store}
		}
		return &ast.Tuple{Pos: g.p(), Elts: elts, Ctx: ast.Store}
	}
	return g.simpleTarget()
}

func (g *astGen) delTarget() ast.Expr {
	switch g.n(3) {
	case 0:
		return &ast.Attribute{Pos: g.p(), Value: g.leaf(), Attr: g.name(), Ctx: ast.Del}
	case 1:
		return &ast.Subscript{Pos: g.p(), Value: g.leaf(), Slice: g.leaf(), Ctx: ast.Del}
	}
	return &ast.Name{Pos: g.p(), Id: g.name(), Ctx: ast.Del}
}

func (g *astGen) comprehensions() []*ast.Comprehension {
	var out []*ast.Comprehension
	for i := g.n(2); i >= 0; i-- {
		c := &ast.Comprehension{Target: g.target(), Iter: g.expr(), IsAsync: g.n(5) == 0 && g.valid(g.async)}
		if g.n(2) == 0 {
			c.Ifs = append(c.Ifs, g.expr())
		}
		out = append(out, c)
	}
	return out
}

func (g *astGen) expr() ast.Expr {
	g.depth++
	defer func() { g.depth-- }()
	if !g.deeper() {
		return g.leaf()
	}
	p := g.p()
	switch g.n(30) {
	case 0:
		return &ast.BoolOp{Pos: p, Op: ast.BoolOperator(g.n(2)), Values: []ast.Expr{g.expr(), g.expr()}}
	case 1:
		return &ast.NamedExpr{Pos: p, Target: &ast.Name{Pos: g.p(), Id: g.name(), Ctx: ast.Store}, Value: g.expr()}
	case 2, 3:
		return &ast.BinOp{Pos: p, Left: g.expr(), Op: ast.Operator(g.n(13)), Right: g.expr()}
	case 4:
		return &ast.UnaryOp{Pos: p, Op: ast.UnaryOperator(g.n(4)), Operand: g.expr()}
	case 5:
		return &ast.Lambda{Pos: p, Args: g.args(false), Body: g.expr()}
	case 6:
		return &ast.IfExp{Pos: p, Test: g.expr(), Body: g.expr(), Orelse: g.expr()}
	case 7:
		d := &ast.Dict{Pos: p}
		for i := g.n(4); i > 0; i-- {
			if g.n(4) == 0 {
				d.Keys = append(d.Keys, nil)
			} else {
				d.Keys = append(d.Keys, g.expr())
			}
			d.Values = append(d.Values, g.expr())
		}
		return d
	case 8:
		return &ast.Set{Pos: p, Elts: append(g.exprs(3), g.leaf())}
	case 9:
		return &ast.ListComp{Pos: p, Elt: g.expr(), Generators: g.comprehensions()}
	case 10:
		return &ast.SetComp{Pos: p, Elt: g.expr(), Generators: g.comprehensions()}
	case 11:
		return &ast.DictComp{Pos: p, Key: g.expr(), Value: g.expr(), Generators: g.comprehensions()}
	case 12:
		return &ast.GeneratorExp{Pos: p, Elt: g.expr(), Generators: g.comprehensions()}
	case 13:
		if g.valid(g.async) {
			return &ast.Await{Pos: p, Value: g.expr()}
		}
		return g.leaf()
	case 14:
		if g.valid(g.funcDepth > 0) {
			return &ast.Yield{Pos: p, Value: g.optExpr()}
		}
		return g.leaf()
	case 15:
		if g.valid(g.funcDepth > 0 && !g.async) {
			return &ast.YieldFrom{Pos: p, Value: g.expr()}
		}
		return g.leaf()
	case 16:
		c := &ast.Compare{Pos: p, Left: g.expr()}
		for i := g.n(2); i >= 0; i-- {
			c.Ops = append(c.Ops, ast.CmpOp(g.n(10)))
			if g.n(3) == 0 {
				c.Comparators = append(c.Comparators, &ast.List{Pos: g.p(), Elts: g.exprs(3), Ctx: ast.Load})
			} else {
				c.Comparators = append(c.Comparators, g.expr())
			}
		}
		return c
	case 17, 18:
		call := &ast.Call{Pos: p, Func: g.expr()}
		for i := g.n(3); i > 0; i-- {
			if g.n(4) == 0 {
				call.Args = append(call.Args, &ast.Starred{Pos: g.p(), Value: g.expr(), Ctx: ast.Load})
			} else {
				call.Args = append(call.Args, g.expr())
			}
		}
		for i := g.n(3); i > 0; i-- {
			k := &ast.Keyword{Pos: g.p(), Value: g.expr()}
			if g.n(3) != 0 {
				k.Arg = []string{"k", "j", "__debug__"}[g.n(3)]
			}
			call.Keywords = append(call.Keywords, k)
		}
		if g.n(10) == 0 {
			for i := 0; i < 31; i++ {
				call.Args = append(call.Args, g.leaf())
			}
		}
		return call
	case 19:
		fv := &ast.FormattedValue{Pos: p, Value: g.expr(), Conversion: []int{-1, 's', 'r', 'a'}[g.n(4)]}
		if g.n(3) == 0 {
			fv.FormatSpec = &ast.JoinedStr{Pos: g.p(), Values: []ast.Expr{&ast.Constant{Pos: g.p(), Kind: ast.KindStr, Str: ">10"}}}
		}
		return &ast.JoinedStr{Pos: p, Values: []ast.Expr{&ast.Constant{Pos: g.p(), Kind: ast.KindStr, Str: "x"}, fv}}
	case 20:
		return &ast.Attribute{Pos: p, Value: g.expr(), Attr: g.name(), Ctx: ast.Load}
	case 21:
		var sl ast.Expr = g.expr()
		if g.n(3) == 0 {
			sl = &ast.Slice{Pos: g.p(), Lower: g.optExpr(), Upper: g.optExpr(), Step: g.optExpr()}
		}
		return &ast.Subscript{Pos: p, Value: g.expr(), Slice: sl, Ctx: ast.Load}
	case 22:
		elts := g.exprs(3)
		if g.n(3) == 0 {
			elts = append(elts, &ast.Starred{Pos: g.p(), Value: g.expr(), Ctx: ast.Load})
		}
		return &ast.List{Pos: p, Elts: elts, Ctx: ast.Load}
	case 23:
		elts := g.exprs(3)
		if g.n(3) == 0 {
			elts = append(elts, &ast.Starred{Pos: g.p(), Value: g.expr(), Ctx: ast.Load})
		}
		return &ast.Tuple{Pos: p, Elts: elts, Ctx: ast.Load}
	}
	return g.leaf()
}

func (g *astGen) match(p ast.Pos) ast.Stmt {
	m := &ast.Match{Pos: p, Subject: g.expr()}
	for i := g.n(3); i >= 0; i-- {
		mc := &ast.MatchCase{Pattern: g.pattern(true), Body: g.stmts(2)}
		if g.n(3) == 0 {
			mc.Guard = g.expr()
		}
		m.Cases = append(m.Cases, mc)
	}
	return m
}

func (g *astGen) capture() string {
	if g.n(3) == 0 {
		return ""
	}
	return []string{"a", "b", "c", "x"}[g.n(4)]
}

func (g *astGen) pattern(top bool) ast.Pattern {
	g.depth++
	defer func() { g.depth-- }()
	p := g.p()
	if !g.deeper() {
		return &ast.MatchAs{Pos: p, Name: g.capture()}
	}
	switch g.n(9) {
	case 0:
		return &ast.MatchValue{Pos: p, Value: g.constant()}
	case 1:
		return &ast.MatchSingleton{Pos: p, Value: ast.ConstKind(g.n(3))}
	case 2:
		seq := &ast.MatchSequence{Pos: p}
		for i := g.n(4); i > 0; i-- {
			seq.Patterns = append(seq.Patterns, g.pattern(false))
		}
		if g.n(2) == 0 {
			at := g.n(len(seq.Patterns) + 1)
			star := &ast.MatchStar{Pos: g.p(), Name: g.capture()}
			seq.Patterns = append(seq.Patterns[:at], append([]ast.Pattern{star}, seq.Patterns[at:]...)...)
		}
		return seq
	case 3:
		mm := &ast.MatchMapping{Pos: p}
		for i := g.n(3); i > 0; i-- {
			mm.Keys = append(mm.Keys, g.constant())
			mm.Patterns = append(mm.Patterns, g.pattern(false))
		}
		if g.n(3) == 0 {
			mm.Rest = g.capture()
		}
		return mm
	case 4:
		mc := &ast.MatchClass{Pos: p, Cls: &ast.Name{Pos: g.p(), Id: "C", Ctx: ast.Load}}
		for i := g.n(3); i > 0; i-- {
			mc.Patterns = append(mc.Patterns, g.pattern(false))
		}
		for i := g.n(3); i > 0; i-- {
			mc.KwdAttrs = append(mc.KwdAttrs, []string{"p", "q", "r"}[g.n(3)])
			mc.KwdPatterns = append(mc.KwdPatterns, g.pattern(false))
		}
		return mc
	case 5:
		return &ast.MatchAs{Pos: p, Pattern: g.pattern(false), Name: []string{"a", "b", "y"}[g.n(3)]}
	case 6:
		or := &ast.MatchOr{Pos: p}
		for i := g.n(2) + 2; i > 0; i-- {
			or.Patterns = append(or.Patterns, g.pattern(false))
		}
		return or
	case 7:
		return &ast.MatchValue{Pos: p, Value: &ast.Attribute{Pos: g.p(), Value: g.leaf(), Attr: "v", Ctx: ast.Load}}
	}
	return &ast.MatchAs{Pos: p, Name: g.capture()}
}
