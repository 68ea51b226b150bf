package compiler

import (
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"

	"gilpy/parser/ast"
	"gilpy/vm/code"
)

// The AST optimizer: CPython 3.11's Python/ast_opt.c. It folds operators
// on constants (within size limits, so that `10**10**10` or `"x"*10**9` is
// not computed at compile time), turns constant tuples into constants,
// `x in [1, 2]` into `x in (1, 2)` and `x in {1, 2}` into a frozenset test,
// and replaces `__debug__` by its value.
//
// A folded value that ast.Constant cannot hold (a tuple, a frozenset, a
// complex with a real part) lives in folder.values, keyed by the new node.

// Size limits of folded results (ast_opt.c).
const (
	maxIntSize        = 128  // bits
	maxCollectionSize = 256  // items
	maxStrSize        = 4096 // characters
	maxTotalItems     = 1024 // including nested collections
)

type folder struct {
	c        *compiler
	optimize int
	future   int
	values   map[*ast.Constant]any
	depth    int
}

// enter counts one level of nesting against the recursion limit.
func (f *folder) enter() {
	f.depth++
	if f.depth > f.c.recursionLimit {
		f.c.tooDeep()
	}
}

// constValue converts a literal to the Go value the code object stores.
func (c *compiler) constValue(k *ast.Constant) any {
	if v, ok := c.folded[k]; ok {
		return v
	}
	return constValue(k)
}

func foldTree(c *compiler, tree any) {
	f := &folder{c: c, optimize: c.optimize, future: c.future, values: map[*ast.Constant]any{}, depth: c.recursionStart}
	c.folded = f.values
	switch m := tree.(type) {
	case *ast.Module:
		f.body(m.Body)
	case *ast.Interactive:
		f.stmts(m.Body)
	case *ast.Expression:
		m.Body = f.expr(m.Body)
	}
}

// makeConst replaces node by a constant with node's position.
func (f *folder) makeConst(node ast.Expr, v any) ast.Expr {
	k := &ast.Constant{Pos: *node.GetPos()}
	switch v := v.(type) {
	case nil:
		k.Kind = ast.KindNone
	case bool:
		if v {
			k.Kind = ast.KindTrue
		} else {
			k.Kind = ast.KindFalse
		}
	case int64:
		k.Kind, k.Int = ast.KindInt, big.NewInt(v)
	case *big.Int:
		k.Kind, k.Int = ast.KindInt, v
	case float64:
		k.Kind, k.Float = ast.KindFloat, v
	case string:
		k.Kind, k.Str = ast.KindStr, v
	case code.Bytes:
		k.Kind, k.Str = ast.KindBytes, string(v)
	case code.Ellipsis:
		k.Kind = ast.KindEllipsis
	case complex128:
		if real(v) == 0 && !math.Signbit(real(v)) {
			k.Kind, k.Float = ast.KindComplex, imag(v)
		} else {
			f.values[k] = v
		}
	default:
		f.values[k] = v
	}
	return k
}

func (f *folder) value(e ast.Expr) (any, bool) {
	k, ok := e.(*ast.Constant)
	if !ok {
		return nil, false
	}
	if v, ok := f.values[k]; ok {
		return v, true
	}
	return constValue(k), true
}

// body folds a module or function body; a statement folded into a string
// constant must not become a docstring, so it is wrapped in an f-string.
func (f *folder) body(stmts []ast.Stmt) {
	hadDoc := docString(stmts) != nil
	f.stmts(stmts)
	if !hadDoc && docString(stmts) != nil {
		es := stmts[0].(*ast.ExprStmt)
		es.Value = &ast.JoinedStr{Pos: es.Pos, Values: []ast.Expr{es.Value}}
	}
}

func (f *folder) stmts(stmts []ast.Stmt) {
	for _, s := range stmts {
		f.stmt(s)
	}
}

func (f *folder) exprs(es []ast.Expr) {
	for i, e := range es {
		if e != nil {
			es[i] = f.expr(e)
		}
	}
}

func (f *folder) optExpr(e ast.Expr) ast.Expr {
	if e == nil {
		return nil
	}
	return f.expr(e)
}

func (f *folder) annotation(e ast.Expr) ast.Expr {
	if e == nil || f.future&futureAnnotations != 0 {
		return e
	}
	return f.expr(e)
}

func (f *folder) arguments(a *ast.Arguments) {
	for _, group := range [][]*ast.Arg{a.Posonlyargs, a.Args, a.Kwonlyargs} {
		for _, arg := range group {
			arg.Annotation = f.annotation(arg.Annotation)
		}
	}
	for _, arg := range []*ast.Arg{a.Vararg, a.Kwarg} {
		if arg != nil {
			arg.Annotation = f.annotation(arg.Annotation)
		}
	}
	f.exprs(a.KwDefaults)
	f.exprs(a.Defaults)
}

func (f *folder) stmt(s ast.Stmt) {
	f.enter()
	defer func() { f.depth-- }()
	switch s := s.(type) {
	case *ast.FunctionDef:
		f.arguments(s.Args)
		f.body(s.Body)
		f.exprs(s.DecoratorList)
		s.Returns = f.annotation(s.Returns)
	case *ast.ClassDef:
		f.exprs(s.Bases)
		for _, k := range s.Keywords {
			k.Value = f.expr(k.Value)
		}
		f.body(s.Body)
		f.exprs(s.DecoratorList)
	case *ast.Return:
		s.Value = f.optExpr(s.Value)
	case *ast.Delete:
		f.exprs(s.Targets)
	case *ast.Assign:
		f.exprs(s.Targets)
		s.Value = f.expr(s.Value)
	case *ast.AugAssign:
		s.Target = f.expr(s.Target)
		s.Value = f.expr(s.Value)
	case *ast.AnnAssign:
		s.Target = f.expr(s.Target)
		s.Annotation = f.annotation(s.Annotation)
		s.Value = f.optExpr(s.Value)
	case *ast.For:
		s.Target = f.expr(s.Target)
		s.Iter = f.foldIter(f.expr(s.Iter))
		f.stmts(s.Body)
		f.stmts(s.Orelse)
	case *ast.While:
		s.Test = f.expr(s.Test)
		f.stmts(s.Body)
		f.stmts(s.Orelse)
	case *ast.If:
		s.Test = f.expr(s.Test)
		f.stmts(s.Body)
		f.stmts(s.Orelse)
	case *ast.With:
		for _, item := range s.Items {
			item.ContextExpr = f.expr(item.ContextExpr)
			item.OptionalVars = f.optExpr(item.OptionalVars)
		}
		f.stmts(s.Body)
	case *ast.Raise:
		s.Exc = f.optExpr(s.Exc)
		s.Cause = f.optExpr(s.Cause)
	case *ast.Try:
		f.stmts(s.Body)
		for _, h := range s.Handlers {
			h.Type = f.optExpr(h.Type)
			f.stmts(h.Body)
		}
		f.stmts(s.Orelse)
		f.stmts(s.Finalbody)
	case *ast.Assert:
		s.Test = f.expr(s.Test)
		s.Msg = f.optExpr(s.Msg)
	case *ast.ExprStmt:
		s.Value = f.expr(s.Value)
	case *ast.Match:
		s.Subject = f.expr(s.Subject)
		for _, mc := range s.Cases {
			mc.Pattern = f.pattern(mc.Pattern)
			mc.Guard = f.optExpr(mc.Guard)
			f.stmts(mc.Body)
		}
	}
}

func (f *folder) pattern(p ast.Pattern) ast.Pattern {
	f.enter()
	defer func() { f.depth-- }()
	switch p := p.(type) {
	case *ast.MatchValue:
		p.Value = f.expr(p.Value)
	case *ast.MatchSequence:
		for i, q := range p.Patterns {
			p.Patterns[i] = f.pattern(q)
		}
	case *ast.MatchMapping:
		f.exprs(p.Keys)
		for i, q := range p.Patterns {
			p.Patterns[i] = f.pattern(q)
		}
	case *ast.MatchClass:
		p.Cls = f.expr(p.Cls)
		for i, q := range p.Patterns {
			p.Patterns[i] = f.pattern(q)
		}
		for i, q := range p.KwdPatterns {
			p.KwdPatterns[i] = f.pattern(q)
		}
	case *ast.MatchAs:
		if p.Pattern != nil {
			p.Pattern = f.pattern(p.Pattern)
		}
	case *ast.MatchOr:
		for i, q := range p.Patterns {
			p.Patterns[i] = f.pattern(q)
		}
	}
	return p
}

func (f *folder) comprehensions(gens []*ast.Comprehension) {
	for _, g := range gens {
		g.Target = f.expr(g.Target)
		g.Iter = f.foldIter(f.expr(g.Iter))
		f.exprs(g.Ifs)
	}
}

func (f *folder) expr(e ast.Expr) ast.Expr {
	f.enter()
	defer func() { f.depth-- }()
	switch e := e.(type) {
	case *ast.BoolOp:
		f.exprs(e.Values)
	case *ast.BinOp:
		e.Left = f.expr(e.Left)
		e.Right = f.expr(e.Right)
		return f.foldBinOp(e)
	case *ast.UnaryOp:
		e.Operand = f.expr(e.Operand)
		return f.foldUnaryOp(e)
	case *ast.Lambda:
		f.arguments(e.Args)
		e.Body = f.expr(e.Body)
	case *ast.IfExp:
		e.Test = f.expr(e.Test)
		e.Body = f.expr(e.Body)
		e.Orelse = f.expr(e.Orelse)
	case *ast.Dict:
		f.exprs(e.Keys)
		f.exprs(e.Values)
	case *ast.Set:
		f.exprs(e.Elts)
	case *ast.ListComp:
		e.Elt = f.expr(e.Elt)
		f.comprehensions(e.Generators)
	case *ast.SetComp:
		e.Elt = f.expr(e.Elt)
		f.comprehensions(e.Generators)
	case *ast.DictComp:
		e.Key = f.expr(e.Key)
		e.Value = f.expr(e.Value)
		f.comprehensions(e.Generators)
	case *ast.GeneratorExp:
		e.Elt = f.expr(e.Elt)
		f.comprehensions(e.Generators)
	case *ast.Await:
		e.Value = f.expr(e.Value)
	case *ast.Yield:
		e.Value = f.optExpr(e.Value)
	case *ast.YieldFrom:
		e.Value = f.expr(e.Value)
	case *ast.Compare:
		e.Left = f.expr(e.Left)
		f.exprs(e.Comparators)
		// `x in [a, b]` / `x in {a, b}`: a tuple or frozenset will do.
		if n := len(e.Ops); n > 0 && (e.Ops[n-1] == ast.In || e.Ops[n-1] == ast.NotIn) {
			e.Comparators[n-1] = f.foldIter(e.Comparators[n-1])
		}
	case *ast.Call:
		e.Func = f.expr(e.Func)
		f.exprs(e.Args)
		for _, k := range e.Keywords {
			k.Value = f.expr(k.Value)
		}
	case *ast.FormattedValue:
		e.Value = f.expr(e.Value)
		e.FormatSpec = f.optExpr(e.FormatSpec)
	case *ast.JoinedStr:
		f.exprs(e.Values)
	case *ast.Attribute:
		e.Value = f.expr(e.Value)
	case *ast.Subscript:
		e.Value = f.expr(e.Value)
		e.Slice = f.expr(e.Slice)
		if e.Ctx == ast.Load {
			if v, ok := f.value(e.Value); ok {
				if idx, ok := f.value(e.Slice); ok {
					if r, ok := constGetItem(v, idx); ok {
						return f.makeConst(e, r)
					}
				}
			}
		}
	case *ast.Starred:
		e.Value = f.expr(e.Value)
	case *ast.Slice:
		e.Lower = f.optExpr(e.Lower)
		e.Upper = f.optExpr(e.Upper)
		e.Step = f.optExpr(e.Step)
	case *ast.List:
		f.exprs(e.Elts)
	case *ast.Tuple:
		f.exprs(e.Elts)
		if e.Ctx == ast.Load {
			if t, ok := f.constTuple(e.Elts); ok {
				return f.makeConst(e, t)
			}
		}
	case *ast.Name:
		if e.Ctx == ast.Load && e.Id == "__debug__" {
			return f.makeConst(e, f.optimize == 0)
		}
	case *ast.NamedExpr:
		e.Value = f.expr(e.Value)
	}
	return e
}

func (f *folder) constTuple(elts []ast.Expr) (code.Tuple, bool) {
	t := make(code.Tuple, len(elts))
	for i, x := range elts {
		v, ok := f.value(x)
		if !ok {
			return nil, false
		}
		t[i] = v
	}
	return t, true
}

// foldIter turns a list display that is only iterated into a tuple (a
// constant one if possible) and a set display of constants into a frozenset.
func (f *folder) foldIter(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.List:
		for _, el := range x.Elts {
			if _, ok := el.(*ast.Starred); ok {
				return e
			}
		}
		tup := &ast.Tuple{Pos: x.Pos, Elts: x.Elts, Ctx: x.Ctx}
		if t, ok := f.constTuple(x.Elts); ok {
			return f.makeConst(tup, t)
		}
		return tup
	case *ast.Set:
		if t, ok := f.constTuple(x.Elts); ok {
			return f.makeConst(x, code.FrozenSet(dedupFrozen(t)))
		}
	}
	return e
}

// dedupFrozen drops equal elements, as building a frozenset would.
func dedupFrozen(t code.Tuple) code.Tuple {
	var out code.Tuple
	seen := map[string]bool{}
	for _, v := range t {
		k, ok := patternKey(v)
		if !ok {
			out = append(out, v)
			continue
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out
}

func (f *folder) foldUnaryOp(e *ast.UnaryOp) ast.Expr {
	v, ok := f.value(e.Operand)
	if !ok {
		// `not (a is b)` is `a is not b` (and the same for in); the other
		// comparisons cannot be inverted safely.
		if cmp, isCmp := e.Operand.(*ast.Compare); isCmp && e.Op == ast.Not && len(cmp.Ops) == 1 {
			var op ast.CmpOp
			switch cmp.Ops[0] {
			case ast.Is:
				op = ast.IsNot
			case ast.IsNot:
				op = ast.Is
			case ast.In:
				op = ast.NotIn
			case ast.NotIn:
				op = ast.In
			default:
				return e
			}
			cmp.Ops[0] = op
			return cmp
		}
		return e
	}
	var r any
	switch e.Op {
	case ast.Not:
		r = !constTruth(v)
	case ast.USub:
		r, ok = numNeg(v)
	case ast.UAdd:
		r, ok = numPos(v)
	case ast.Invert:
		r, ok = numInvert(v)
	}
	if !ok {
		return e
	}
	return f.makeConst(e, r)
}

func (f *folder) foldBinOp(e *ast.BinOp) ast.Expr {
	lv, ok := f.value(e.Left)
	if !ok {
		return e
	}
	if fmtStr, isStr := lv.(string); isStr && e.Op == ast.Mod {
		if t, isTuple := e.Right.(*ast.Tuple); isTuple && !hasStarred(t.Elts) {
			return optimizeFormat(e, fmtStr, t.Elts)
		}
	}
	rv, ok := f.value(e.Right)
	if !ok {
		return e
	}
	var r any
	switch e.Op {
	case ast.Add:
		r, ok = constAdd(lv, rv)
	case ast.Sub:
		r, ok = arith(lv, rv, '-')
	case ast.Mult:
		r, ok = safeMultiply(lv, rv)
	case ast.Div:
		r, ok = trueDiv(lv, rv)
	case ast.FloorDiv:
		r, ok = floorDiv(lv, rv)
	case ast.Mod:
		r, ok = constMod(lv, rv)
	case ast.Pow:
		r, ok = safePower(lv, rv)
	case ast.LShift:
		r, ok = safeLshift(lv, rv)
	case ast.RShift:
		r, ok = rshift(lv, rv)
	case ast.BitOr, ast.BitXor, ast.BitAnd:
		r, ok = bitOp(lv, rv, e.Op)
	default:
		ok = false
	}
	if !ok {
		return e
	}
	return f.makeConst(e, r)
}

// ------------------------------------------------------------------ constant arithmetic

// asInt returns the value of an int or bool constant.
func asInt(v any) (*big.Int, bool) {
	switch v := v.(type) {
	case bool:
		if v {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	case int64:
		return big.NewInt(v), true
	case *big.Int:
		return v, true
	}
	return nil, false
}

// intToFloat converts as Python does: correctly rounded, error on overflow.
func intToFloat(x *big.Int) (float64, bool) {
	f, _ := new(big.Float).SetInt(x).Float64()
	if math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// asFloat returns the value of an int, bool or float constant as a float.
func asFloat(v any) (float64, bool) {
	if f, ok := v.(float64); ok {
		return f, true
	}
	if i, ok := asInt(v); ok {
		return intToFloat(i)
	}
	return 0, false
}

func asComplex(v any) (complex128, bool) {
	if c, ok := v.(complex128); ok {
		return c, true
	}
	if f, ok := asFloat(v); ok {
		return complex(f, 0), true
	}
	return 0, false
}

// numKind ranks a numeric constant: 0 int/bool, 1 float, 2 complex, -1 other.
func numKind(v any) int {
	switch v.(type) {
	case bool, int64, *big.Int:
		return 0
	case float64:
		return 1
	case complex128:
		return 2
	}
	return -1
}

func arith(a, b any, op byte) (any, bool) {
	ka, kb := numKind(a), numKind(b)
	if ka < 0 || kb < 0 {
		return nil, false
	}
	switch max(ka, kb) {
	case 0:
		x, _ := asInt(a)
		y, _ := asInt(b)
		r := new(big.Int)
		switch op {
		case '+':
			r.Add(x, y)
		case '-':
			r.Sub(x, y)
		case '*':
			r.Mul(x, y)
		}
		return normInt(r), true
	case 1:
		x, ok1 := asFloat(a)
		y, ok2 := asFloat(b)
		if !ok1 || !ok2 {
			return nil, false
		}
		switch op {
		case '+':
			return float64(x + y), true
		case '-':
			return float64(x - y), true
		case '*':
			return float64(x * y), true
		}
	default:
		x, ok1 := asComplex(a)
		y, ok2 := asComplex(b)
		if !ok1 || !ok2 {
			return nil, false
		}
		// Explicit float64 conversions keep each product rounded on its own
		// (no fused multiply-add), as C computes it.
		switch op {
		case '+':
			return complex(float64(real(x)+real(y)), float64(imag(x)+imag(y))), true
		case '-':
			return complex(float64(real(x)-real(y)), float64(imag(x)-imag(y))), true
		case '*':
			return cProd(x, y), true
		}
	}
	return nil, false
}

func constAdd(a, b any) (any, bool) {
	switch x := a.(type) {
	case string:
		if y, ok := b.(string); ok {
			return x + y, true
		}
		return nil, false
	case code.Bytes:
		if y, ok := b.(code.Bytes); ok {
			return x + y, true
		}
		return nil, false
	case code.Tuple:
		if y, ok := b.(code.Tuple); ok {
			return append(append(code.Tuple(nil), x...), y...), true
		}
		return nil, false
	}
	return arith(a, b, '+')
}

func bitLen(x *big.Int) int { return x.BitLen() }

// checkComplexity is ast_opt.c's check_complexity: the item budget left
// after counting obj's (nested) items.
func checkComplexity(obj any, limit int) int {
	switch t := obj.(type) {
	case code.Tuple:
		limit -= len(t)
		for i := 0; limit >= 0 && i < len(t); i++ {
			limit = checkComplexity(t[i], limit)
		}
	case code.FrozenSet:
		limit -= len(t)
		for i := 0; limit >= 0 && i < len(t); i++ {
			limit = checkComplexity(t[i], limit)
		}
	}
	return limit
}

func seqLen(v any) (int, bool) {
	switch v := v.(type) {
	case string:
		return utf8.RuneCountInString(v), true
	case code.Bytes:
		return len(v), true
	case code.Tuple:
		return len(v), true
	}
	return 0, false
}

func repeatSeq(v any, n int) any {
	if n < 0 {
		n = 0
	}
	switch v := v.(type) {
	case string:
		out := make([]byte, 0, len(v)*n)
		for i := 0; i < n; i++ {
			out = append(out, v...)
		}
		return string(out)
	case code.Bytes:
		out := make([]byte, 0, len(v)*n)
		for i := 0; i < n; i++ {
			out = append(out, v...)
		}
		return code.Bytes(out)
	case code.Tuple:
		out := make(code.Tuple, 0, len(v)*n)
		for i := 0; i < n; i++ {
			out = append(out, v...)
		}
		return out
	}
	return nil
}

func safeMultiply(a, b any) (any, bool) {
	if x, ok := asInt(a); ok {
		if y, ok := asInt(b); ok {
			if x.Sign() != 0 && y.Sign() != 0 && bitLen(x)+bitLen(y) > maxIntSize {
				return nil, false
			}
			return normInt(new(big.Int).Mul(x, y)), true
		}
		if size, ok := seqLen(b); ok {
			limit := maxStrSize
			_, isTuple := b.(code.Tuple)
			if isTuple {
				limit = maxCollectionSize
			}
			if size > 0 {
				if !x.IsInt64() {
					return nil, false
				}
				n := x.Int64()
				if n < 0 || n > int64(limit/size) {
					return nil, false
				}
				if isTuple && n > 0 && checkComplexity(b, maxTotalItems/int(n)) < 0 {
					return nil, false
				}
				return repeatSeq(b, int(n)), true
			}
			return repeatSeq(b, 0), true
		}
	}
	if _, ok := asInt(b); ok {
		if _, ok := seqLen(a); ok {
			return safeMultiply(b, a)
		}
	}
	return arith(a, b, '*')
}

func trueDiv(a, b any) (any, bool) {
	ka, kb := numKind(a), numKind(b)
	if ka < 0 || kb < 0 {
		return nil, false
	}
	switch max(ka, kb) {
	case 0:
		x, _ := asInt(a)
		y, _ := asInt(b)
		if y.Sign() == 0 {
			return nil, false
		}
		f, _ := new(big.Rat).SetFrac(x, y).Float64()
		if math.IsInf(f, 0) {
			return nil, false
		}
		return f, true
	case 1:
		x, ok1 := asFloat(a)
		y, ok2 := asFloat(b)
		if !ok1 || !ok2 || y == 0 {
			return nil, false
		}
		return x / y, true
	}
	x, ok1 := asComplex(a)
	y, ok2 := asComplex(b)
	if !ok1 || !ok2 || y == 0 {
		return nil, false
	}
	r := cQuot(x, y)
	if math.IsInf(real(r), 0) || math.IsInf(imag(r), 0) {
		return nil, false
	}
	return r, true
}

// Complex arithmetic as CPython's Objects/complexobject.c computes it (the
// same operations in the same order, each rounded on its own).

func cProd(a, b complex128) complex128 {
	re := float64(float64(real(a)*real(b)) - float64(imag(a)*imag(b)))
	im := float64(float64(real(a)*imag(b)) + float64(imag(a)*real(b)))
	return complex(re, im)
}

// cQuot is Smith's algorithm (_Py_c_quot).
func cQuot(a, b complex128) complex128 {
	ar, ai, br, bi := real(a), imag(a), real(b), imag(b)
	absBr, absBi := math.Abs(br), math.Abs(bi)
	switch {
	case absBr >= absBi:
		if absBr == 0 {
			return complex(0, 0)
		}
		ratio := bi / br
		denom := float64(br + float64(bi*ratio))
		return complex(float64(ar+float64(ai*ratio))/denom, float64(ai-float64(ar*ratio))/denom)
	case absBi >= absBr:
		ratio := br / bi
		denom := float64(float64(br*ratio) + bi)
		return complex(float64(float64(ar*ratio)+ai)/denom, float64(float64(ai*ratio)-ar)/denom)
	}
	return complex(math.NaN(), math.NaN())
}

func cPowu(x complex128, n int64) complex128 {
	r := complex(1, 0)
	p := x
	for mask := int64(1); mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = cProd(r, p)
		}
		p = cProd(p, p)
	}
	return r
}

// cPow is complex ** complex (complex_pow with _Py_c_pow and c_powi); ok is
// false where CPython raises.
func cPow(a, b complex128) (complex128, bool) {
	var r complex128
	if imag(b) == 0 && real(b) == math.Floor(real(b)) && math.Abs(real(b)) <= 100 {
		n := int64(real(b))
		if n > 0 {
			r = cPowu(a, n)
		} else {
			d := cPowu(a, -n)
			if d == 0 {
				return 0, false // ZeroDivisionError
			}
			r = cQuot(complex(1, 0), d)
		}
	} else {
		switch {
		case real(b) == 0 && imag(b) == 0:
			r = complex(1, 0)
		case real(a) == 0 && imag(a) == 0:
			if imag(b) != 0 || real(b) < 0 {
				return 0, false
			}
			r = 0
		default:
			// _Py_c_pow uses hypot, pow, atan2, exp, log, cos and sin, which
			// Go does not round as the C library does: leave it to run time.
			return 0, false
		}
	}
	if math.IsInf(real(r), 0) || math.IsInf(imag(r), 0) {
		return 0, false // OverflowError
	}
	return r, true
}

// floatDivMod is CPython's _float_div_mod.
func floatDivMod(vx, wx float64) (floordiv, mod float64) {
	mod = math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}

func floorDiv(a, b any) (any, bool) {
	ka, kb := numKind(a), numKind(b)
	if ka < 0 || kb < 0 || ka == 2 || kb == 2 {
		return nil, false
	}
	if ka == 0 && kb == 0 {
		x, _ := asInt(a)
		y, _ := asInt(b)
		if y.Sign() == 0 {
			return nil, false
		}
		q, m := new(big.Int).DivMod(x, y, new(big.Int))
		// big's DivMod is Euclidean (m >= 0); Python floors: with a
		// negative divisor and a remainder, the floor is one lower.
		if m.Sign() != 0 && y.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		}
		return normInt(q), true
	}
	x, ok1 := asFloat(a)
	y, ok2 := asFloat(b)
	if !ok1 || !ok2 || y == 0 {
		return nil, false
	}
	q, _ := floatDivMod(x, y)
	return q, true
}

func constMod(a, b any) (any, bool) {
	ka, kb := numKind(a), numKind(b)
	// str % ... and bytes % ... are never folded (ka < 0).
	if ka < 0 || kb < 0 || ka == 2 || kb == 2 {
		return nil, false
	}
	if ka == 0 && kb == 0 {
		x, _ := asInt(a)
		y, _ := asInt(b)
		if y.Sign() == 0 {
			return nil, false
		}
		m := new(big.Int).Mod(x, y) // Euclidean: 0 <= m < |y|
		if m.Sign() != 0 && y.Sign() < 0 {
			m.Add(m, y)
		}
		return normInt(m), true
	}
	x, ok1 := asFloat(a)
	y, ok2 := asFloat(b)
	if !ok1 || !ok2 || y == 0 {
		return nil, false
	}
	m := math.Mod(x, y)
	if m != 0 {
		if (y < 0) != (m < 0) {
			m += y
		}
	} else {
		m = math.Copysign(0, y)
	}
	return m, true
}

func isOddInteger(f float64) bool { return math.Mod(f, 2) == 1 || math.Mod(f, 2) == -1 }

// floatPow folds float ** float where CPython's float_pow would not raise
// and the result is plain; everything unusual is left to run time.
func floatPow(iv, iw float64) (any, bool) {
	if math.IsNaN(iv) || math.IsNaN(iw) || math.IsInf(iv, 0) || math.IsInf(iw, 0) {
		return nil, false
	}
	if iw == 0 {
		return 1.0, true
	}
	if iv == 0 {
		if iw < 0 {
			return nil, false // ZeroDivisionError
		}
		if isOddInteger(iw) {
			return iv, true
		}
		return 0.0, true
	}
	negate := false
	if iv < 0 {
		if iw != math.Floor(iw) {
			// Negative numbers raised to fractional powers become complex.
			r, ok := cPow(complex(iv, 0), complex(iw, 0))
			if !ok {
				return nil, false
			}
			return r, true
		}
		iv = -iv
		negate = isOddInteger(iw)
	}
	if iv == 1 {
		if negate {
			return -1.0, true
		}
		return 1.0, true
	}
	r, ok := exactPow(iv, iw)
	if !ok {
		return nil, false
	}
	if negate {
		r = -r
	}
	return r, true
}

// exactPow computes iv ** iw (iv > 0, finite) correctly rounded, for the
// exponents where that is cheap to do exactly: integers (with big floats)
// and 0.5 (a square root). Other exponents are left to run time: folding
// them with Go's math.Pow could differ from the C library in the last bit.
func exactPow(iv, iw float64) (float64, bool) {
	if iw == 0.5 {
		return math.Sqrt(iv), true
	}
	if iw != math.Floor(iw) || math.Abs(iw) > 1024 {
		return 0, false
	}
	n := int64(math.Abs(iw))
	prec := uint(53*n + 64)
	x := new(big.Float).SetPrec(prec).SetFloat64(iv)
	r := new(big.Float).SetPrec(prec).SetFloat64(1)
	for p := n; p > 0; p >>= 1 {
		if p&1 != 0 {
			r.Mul(r, x)
		}
		x.Mul(x, x)
	}
	if iw < 0 {
		r = new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetFloat64(1), r)
	}
	f, _ := r.Float64()
	if math.IsInf(f, 0) {
		return 0, false // OverflowError
	}
	return f, true
}

func safePower(a, b any) (any, bool) {
	ka, kb := numKind(a), numKind(b)
	if ka < 0 || kb < 0 {
		return nil, false
	}
	if ka == 2 || kb == 2 {
		x, _ := asComplex(a)
		y, _ := asComplex(b)
		r, ok := cPow(x, y)
		if !ok {
			return nil, false
		}
		return r, true
	}
	if ka == 0 && kb == 0 {
		x, _ := asInt(a)
		y, _ := asInt(b)
		if y.Sign() >= 0 {
			if x.Sign() != 0 && y.Sign() > 0 {
				if !y.IsInt64() {
					return nil, false
				}
				w := y.Int64()
				if int64(bitLen(x)) > maxIntSize/w {
					return nil, false
				}
			}
			return normInt(new(big.Int).Exp(x, y, nil)), true
		}
		// A negative exponent: float arithmetic.
		fx, ok1 := intToFloat(x)
		fy, ok2 := intToFloat(y)
		if !ok1 || !ok2 {
			return nil, false
		}
		if fx == 0 {
			return nil, false // ZeroDivisionError
		}
		return floatPow(fx, fy)
	}
	x, ok1 := asFloat(a)
	y, ok2 := asFloat(b)
	if !ok1 || !ok2 {
		return nil, false
	}
	return floatPow(x, y)
}

func safeLshift(a, b any) (any, bool) {
	x, ok1 := asInt(a)
	y, ok2 := asInt(b)
	if !ok1 || !ok2 || y.Sign() < 0 {
		return nil, false
	}
	if x.Sign() != 0 && y.Sign() != 0 {
		if !y.IsInt64() || y.Int64() > maxIntSize || int64(bitLen(x)) > maxIntSize-y.Int64() {
			return nil, false
		}
	}
	if x.Sign() == 0 {
		return int64(0), true
	}
	return normInt(new(big.Int).Lsh(x, uint(y.Int64()))), true
}

func rshift(a, b any) (any, bool) {
	x, ok1 := asInt(a)
	y, ok2 := asInt(b)
	if !ok1 || !ok2 || y.Sign() < 0 {
		return nil, false
	}
	if !y.IsInt64() || y.Int64() > int64(bitLen(x))+1 {
		if x.Sign() < 0 {
			return int64(-1), true
		}
		return int64(0), true
	}
	// big.Int.Rsh rounds toward -inf for negatives, as Python does.
	return normInt(new(big.Int).Rsh(x, uint(y.Int64()))), true
}

func bitOp(a, b any, op ast.Operator) (any, bool) {
	ba, aBool := a.(bool)
	bb, bBool := b.(bool)
	if aBool && bBool {
		switch op {
		case ast.BitOr:
			return ba || bb, true
		case ast.BitXor:
			return ba != bb, true
		default:
			return ba && bb, true
		}
	}
	x, ok1 := asInt(a)
	y, ok2 := asInt(b)
	if !ok1 || !ok2 {
		return nil, false
	}
	r := new(big.Int)
	switch op {
	case ast.BitOr:
		r.Or(x, y)
	case ast.BitXor:
		r.Xor(x, y)
	default:
		r.And(x, y)
	}
	return normInt(r), true
}

func numNeg(v any) (any, bool) {
	switch v := v.(type) {
	case float64:
		return -v, true
	case complex128:
		return complex(-real(v), -imag(v)), true
	}
	if x, ok := asInt(v); ok {
		return normInt(new(big.Int).Neg(x)), true
	}
	return nil, false
}

func numPos(v any) (any, bool) {
	switch v := v.(type) {
	case float64, complex128:
		return v, true
	}
	if x, ok := asInt(v); ok {
		return normInt(x), true
	}
	return nil, false
}

func numInvert(v any) (any, bool) {
	if x, ok := asInt(v); ok {
		return normInt(new(big.Int).Not(x)), true
	}
	return nil, false
}

// constGetItem folds constant[constant] for str, bytes and tuple with an
// int index.
func constGetItem(v, idx any) (any, bool) {
	i, ok := asInt(idx)
	if !ok || !i.IsInt64() {
		return nil, false
	}
	n := i.Int64()
	norm := func(length int) (int, bool) {
		if n < 0 {
			n += int64(length)
		}
		if n < 0 || n >= int64(length) {
			return 0, false
		}
		return int(n), true
	}
	switch s := v.(type) {
	case string:
		if !utf8.ValidString(s) {
			return nil, false
		}
		runes := []rune(s)
		j, ok := norm(len(runes))
		if !ok {
			return nil, false
		}
		return string(runes[j]), true
	case code.Bytes:
		j, ok := norm(len(s))
		if !ok {
			return nil, false
		}
		return int64(s[j]), true
	case code.Tuple:
		j, ok := norm(len(s))
		if !ok {
			return nil, false
		}
		return s[j], true
	}
	return nil, false
}

func hasStarred(elts []ast.Expr) bool {
	for _, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			return true
		}
	}
	return false
}

// noPos is the position of nodes the optimizer makes up (CPython gives
// them -1): their instructions inherit a neighbour's line.
var noPos = ast.Pos{Line: -1, Col: -1, EndLine: -1, EndCol: -1}

// optimizeFormat turns `"..." % (a, b)` with only %s, %r and %a units into
// an f-string (ast_opt.c's optimize_format): the tuple is never built.
func optimizeFormat(node *ast.BinOp, format string, elts []ast.Expr) ast.Expr {
	fmtRunes := []rune(format)
	if !utf8.ValidString(format) {
		return node
	}
	pos, cnt := 0, 0
	var values []ast.Expr
	for {
		// A literal run, with %% as %.
		start := pos
		var lit []rune
		for pos < len(fmtRunes) {
			if fmtRunes[pos] != '%' {
				lit = append(lit, fmtRunes[pos])
				pos++
			} else if pos+1 < len(fmtRunes) && fmtRunes[pos+1] == '%' {
				lit = append(lit, '%')
				pos += 2
			} else {
				break
			}
		}
		if pos != start {
			values = append(values, &ast.Constant{Pos: noPos, Kind: ast.KindStr, Str: string(lit)})
		}
		if pos >= len(fmtRunes) {
			break
		}
		if cnt >= len(elts) {
			return node // more format units than items
		}
		pos++ // the %
		fv, ok := parseFormatUnit(fmtRunes, &pos, elts[cnt])
		cnt++
		if !ok {
			return node
		}
		values = append(values, fv)
	}
	if cnt < len(elts) {
		return node // more items than format units
	}
	return &ast.JoinedStr{Pos: node.Pos, Values: values}
}

// parseFormatUnit parses one simple %-unit: flags, up to two digits of
// width and of precision, and s, r or a.
func parseFormatUnit(f []rune, ppos *int, arg ast.Expr) (ast.Expr, bool) {
	const maxDigits = 3
	pos := *ppos
	var ch rune
	next := func() bool {
		if pos >= len(f) {
			return false
		}
		ch = f[pos]
		pos++
		return true
	}
	ljust := false
	for {
		if !next() {
			return nil, false
		}
		if ch == '-' {
			ljust = true
			continue
		}
		if ch == '+' || ch == ' ' || ch == '#' || ch == '0' {
			continue
		}
		break
	}
	width, prec := -1, -1
	if ch >= '0' && ch <= '9' {
		width = 0
		digits := 0
		for ch >= '0' && ch <= '9' {
			width = width*10 + int(ch-'0')
			if !next() {
				return nil, false
			}
			digits++
			if digits >= maxDigits {
				return nil, false
			}
		}
	}
	if ch == '.' {
		if !next() {
			return nil, false
		}
		prec = 0
		digits := 0
		for ch >= '0' && ch <= '9' {
			prec = prec*10 + int(ch-'0')
			if !next() {
				return nil, false
			}
			digits++
			if digits >= maxDigits {
				return nil, false
			}
		}
	}
	if ch != 's' && ch != 'r' && ch != 'a' {
		return nil, false
	}
	*ppos = pos
	spec := ""
	if !ljust && width > 0 {
		spec += ">"
	}
	if width >= 0 {
		spec += strconv.Itoa(width)
	}
	if prec >= 0 {
		spec += "." + strconv.Itoa(prec)
	}
	fv := &ast.FormattedValue{Pos: *arg.GetPos(), Value: arg, Conversion: int(ch)}
	if spec != "" {
		fv.FormatSpec = &ast.Constant{Pos: noPos, Kind: ast.KindStr, Str: spec}
	}
	return fv, true
}
