package compiler

import (
	"math"
	"strings"

	"gilpy/parser/ast"
)

// Under `from __future__ import annotations` annotations are stored as
// strings: the expression rendered back to source, as CPython's
// Python/ast_unparse.c does (minimal parentheses by precedence).

// Precedence levels (ast_unparse.c).
const (
	prTuple = iota
	prTest  // if-else, lambda
	prOr
	prAnd
	prNot
	prCmp
	prExpr // also '|'
	prBxor
	prBand
	prShift
	prArith
	prTerm
	prFactor
	prPower
	prAwait
	prAtom
)

const prBor = prExpr

func unparseAnnotation(e ast.Expr) string {
	var u unparser
	u.expr(e, prTest)
	return u.sb.String()
}

type unparser struct {
	sb strings.Builder
}

func (u *unparser) s(str string) { u.sb.WriteString(str) }

func (u *unparser) open(cond bool) {
	if cond {
		u.s("(")
	}
}

func (u *unparser) close(cond bool) {
	if cond {
		u.s(")")
	}
}

var binOpPrec = map[ast.Operator]int{
	ast.Add: prArith, ast.Sub: prArith, ast.Mult: prTerm, ast.MatMult: prTerm,
	ast.Div: prTerm, ast.Mod: prTerm, ast.LShift: prShift, ast.RShift: prShift,
	ast.BitOr: prBor, ast.BitXor: prBxor, ast.BitAnd: prBand, ast.FloorDiv: prTerm,
	ast.Pow: prPower,
}

func (u *unparser) expr(e ast.Expr, level int) {
	switch e := e.(type) {
	case *ast.BoolOp:
		op, pr := " and ", prAnd
		if e.Op == ast.Or {
			op, pr = " or ", prOr
		}
		u.open(level > pr)
		for i, v := range e.Values {
			if i > 0 {
				u.s(op)
			}
			u.expr(v, pr+1)
		}
		u.close(level > pr)
	case *ast.BinOp:
		pr := binOpPrec[e.Op]
		rassoc := 0
		if e.Op == ast.Pow {
			rassoc = 1
		}
		u.open(level > pr)
		u.expr(e.Left, pr+rassoc)
		u.s(" " + ast.OperatorSymbols[e.Op] + " ")
		u.expr(e.Right, pr+1-rassoc)
		u.close(level > pr)
	case *ast.UnaryOp:
		op, pr := "", prFactor
		switch e.Op {
		case ast.Invert:
			op = "~"
		case ast.Not:
			op, pr = "not ", prNot
		case ast.UAdd:
			op = "+"
		case ast.USub:
			op = "-"
		}
		u.open(level > pr)
		u.s(op)
		u.expr(e.Operand, pr)
		u.close(level > pr)
	case *ast.Lambda:
		u.open(level > prTest)
		// CPython writes the space only before positional parameters:
		// `lambda *, k: k` comes out as "lambda*, k: k".
		a := e.Args
		u.s("lambda")
		if len(a.Posonlyargs)+len(a.Args) > 0 {
			u.s(" ")
		}
		u.args(a)
		u.s(": ")
		u.expr(e.Body, prTest)
		u.close(level > prTest)
	case *ast.IfExp:
		u.open(level > prTest)
		u.expr(e.Body, prTest+1)
		u.s(" if ")
		u.expr(e.Test, prTest+1)
		u.s(" else ")
		u.expr(e.Orelse, prTest)
		u.close(level > prTest)
	case *ast.Dict:
		u.s("{")
		for i, v := range e.Values {
			if i > 0 {
				u.s(", ")
			}
			if e.Keys[i] != nil {
				u.expr(e.Keys[i], prTest)
				u.s(": ")
				u.expr(v, prTest)
			} else {
				u.s("**")
				u.expr(v, prExpr)
			}
		}
		u.s("}")
	case *ast.Set:
		u.s("{")
		u.exprList(e.Elts)
		u.s("}")
	case *ast.GeneratorExp:
		u.s("(")
		u.expr(e.Elt, prTest)
		u.comprehensions(e.Generators)
		u.s(")")
	case *ast.ListComp:
		u.s("[")
		u.expr(e.Elt, prTest)
		u.comprehensions(e.Generators)
		u.s("]")
	case *ast.SetComp:
		u.s("{")
		u.expr(e.Elt, prTest)
		u.comprehensions(e.Generators)
		u.s("}")
	case *ast.DictComp:
		u.s("{")
		u.expr(e.Key, prTest)
		u.s(": ")
		u.expr(e.Value, prTest)
		u.comprehensions(e.Generators)
		u.s("}")
	case *ast.Yield:
		if e.Value == nil {
			u.s("(yield)")
			return
		}
		u.s("(yield ")
		u.expr(e.Value, prTest)
		u.s(")")
	case *ast.YieldFrom:
		u.s("(yield from ")
		u.expr(e.Value, prTest)
		u.s(")")
	case *ast.Await:
		u.open(level > prAwait)
		u.s("await ")
		u.expr(e.Value, prAtom)
		u.close(level > prAwait)
	case *ast.Compare:
		u.open(level > prCmp)
		u.expr(e.Left, prCmp+1)
		for i, op := range e.Ops {
			u.s(" " + ast.CmpOpSymbols[op] + " ")
			u.expr(e.Comparators[i], prCmp+1)
		}
		u.close(level > prCmp)
	case *ast.Call:
		u.expr(e.Func, prAtom)
		if len(e.Args) == 1 && len(e.Keywords) == 0 {
			if g, ok := e.Args[0].(*ast.GeneratorExp); ok {
				u.expr(g, prAtom)
				return
			}
		}
		u.s("(")
		first := true
		for _, a := range e.Args {
			if !first {
				u.s(", ")
			}
			first = false
			u.expr(a, prTest)
		}
		for _, k := range e.Keywords {
			if !first {
				u.s(", ")
			}
			first = false
			if k.Arg == "" {
				u.s("**")
			} else {
				u.s(k.Arg + "=")
			}
			u.expr(k.Value, prTest)
		}
		u.s(")")
	case *ast.Constant:
		if e.Kind == ast.KindEllipsis {
			u.s("...")
			return
		}
		if e.UPrefix {
			u.s("u")
		}
		v := constValue(e)
		r := pyRepr(v)
		switch x := v.(type) {
		case float64:
			if math.IsInf(x, 0) {
				r = strings.ReplaceAll(r, "inf", "1e309")
			}
		case complex128:
			r = strings.ReplaceAll(r, "inf", "1e309")
		}
		u.s(r)
	case *ast.JoinedStr:
		u.fstring(e.Values)
	case *ast.FormattedValue:
		u.fstring([]ast.Expr{e})
	case *ast.Attribute:
		u.expr(e.Value, prAtom)
		if k, ok := e.Value.(*ast.Constant); ok && k.Kind == ast.KindInt {
			u.s(" .")
		} else {
			u.s(".")
		}
		u.s(e.Attr)
	case *ast.Subscript:
		u.expr(e.Value, prAtom)
		u.s("[")
		u.expr(e.Slice, prTuple)
		u.s("]")
	case *ast.Starred:
		u.s("*")
		u.expr(e.Value, prExpr)
	case *ast.Name:
		u.s(e.Id)
	case *ast.List:
		u.s("[")
		u.exprList(e.Elts)
		u.s("]")
	case *ast.Tuple:
		if len(e.Elts) == 0 {
			u.s("()")
			return
		}
		u.open(level > prTuple)
		u.exprList(e.Elts)
		if len(e.Elts) == 1 {
			u.s(",")
		}
		u.close(level > prTuple)
	case *ast.NamedExpr:
		u.open(level > prTuple)
		u.expr(e.Target, prAtom)
		u.s(" := ")
		u.expr(e.Value, prAtom)
		u.close(level > prTuple)
	case *ast.Slice:
		if e.Lower != nil {
			u.expr(e.Lower, prTest)
		}
		u.s(":")
		if e.Upper != nil {
			u.expr(e.Upper, prTest)
		}
		if e.Step != nil {
			u.s(":")
			u.expr(e.Step, prTest)
		}
	}
}

func (u *unparser) exprList(es []ast.Expr) {
	for i, x := range es {
		if i > 0 {
			u.s(", ")
		}
		u.expr(x, prTest)
	}
}

func (u *unparser) comprehensions(gens []*ast.Comprehension) {
	for _, g := range gens {
		if g.IsAsync {
			u.s(" async for ")
		} else {
			u.s(" for ")
		}
		u.expr(g.Target, prTuple)
		u.s(" in ")
		u.expr(g.Iter, prTest+1)
		for _, cond := range g.Ifs {
			u.s(" if ")
			u.expr(cond, prTest+1)
		}
	}
}

func (u *unparser) args(a *ast.Arguments) {
	first := true
	sep := func() {
		if !first {
			u.s(", ")
		}
		first = false
	}
	npos := len(a.Posonlyargs) + len(a.Args)
	di := len(a.Defaults) - npos // index into Defaults of positional i
	all := append(append([]*ast.Arg(nil), a.Posonlyargs...), a.Args...)
	for i, arg := range all {
		sep()
		u.s(arg.Arg)
		if j := di + i; j >= 0 && j < len(a.Defaults) {
			u.s("=")
			u.expr(a.Defaults[j], prTest)
		}
		if i+1 == len(a.Posonlyargs) {
			u.s(", /")
		}
	}
	if a.Vararg != nil || len(a.Kwonlyargs) > 0 {
		sep()
		u.s("*")
		if a.Vararg != nil {
			u.s(a.Vararg.Arg)
		}
	}
	for i, arg := range a.Kwonlyargs {
		sep()
		u.s(arg.Arg)
		if i < len(a.KwDefaults) && a.KwDefaults[i] != nil {
			u.s("=")
			u.expr(a.KwDefaults[i], prTest)
		}
	}
	if a.Kwarg != nil {
		sep()
		u.s("**" + a.Kwarg.Arg)
	}
}

// fstring renders an f-string: its body with braces doubled and fields
// re-rendered, then quoted as repr() would with an f prefix.
func (u *unparser) fstring(values []ast.Expr) {
	var body strings.Builder
	fstringBody(&body, values)
	u.s("f" + strRepr(body.String()))
}

func fstringBody(sb *strings.Builder, values []ast.Expr) {
	for _, v := range values {
		switch v := v.(type) {
		case *ast.Constant:
			if v.Kind == ast.KindStr {
				s := strings.ReplaceAll(v.Str, "{", "{{")
				sb.WriteString(strings.ReplaceAll(s, "}", "}}"))
			}
		case *ast.FormattedValue:
			var inner unparser
			inner.expr(v.Value, prTest+1)
			text := inner.sb.String()
			sb.WriteString("{")
			if strings.HasPrefix(text, "{") {
				// A dict or set display: keep it from reading as "{{".
				sb.WriteString(" ")
			}
			sb.WriteString(text)
			switch v.Conversion {
			case 's':
				sb.WriteString("!s")
			case 'r':
				sb.WriteString("!r")
			case 'a':
				sb.WriteString("!a")
			}
			if spec, ok := v.FormatSpec.(*ast.JoinedStr); ok {
				sb.WriteString(":")
				fstringBody(sb, spec.Values)
			}
			sb.WriteString("}")
		case *ast.JoinedStr:
			fstringBody(sb, v.Values)
		}
	}
}
