package compiler

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"

	"gilpy/parser/ast"
)

// The golden files carry the AST as CPython's ast module produced it
// (testdata/gen.py), so that the compiler can be tested against CPython
// without depending on gilpy's parser. This file converts that JSON into
// parser/ast nodes.

type jnode = map[string]any

func jpos(n jnode) ast.Pos {
	get := func(k string) int {
		if v, ok := n[k].(float64); ok {
			return int(v)
		}
		return 0
	}
	return ast.Pos{Line: get("lineno"), Col: get("col_offset"), EndLine: get("end_lineno"), EndCol: get("end_col_offset")}
}

func jstr(v any) string {
	s, _ := v.(string)
	return s
}

func jlist(v any) []any {
	l, _ := v.([]any)
	return l
}

func jtype(v any) string {
	if n, ok := v.(jnode); ok {
		return jstr(n["_t"])
	}
	return ""
}

func loadModule(v any) any {
	n := v.(jnode)
	switch n["_t"] {
	case "Module":
		return &ast.Module{Body: jstmts(n["body"])}
	case "Interactive":
		return &ast.Interactive{Body: jstmts(n["body"])}
	case "Expression":
		return &ast.Expression{Body: jexpr(n["body"])}
	}
	panic("bad module " + fmt.Sprint(n["_t"]))
}

func jstmts(v any) []ast.Stmt {
	var out []ast.Stmt
	for _, x := range jlist(v) {
		out = append(out, jstmt(x.(jnode)))
	}
	return out
}

func jexprs(v any) []ast.Expr {
	var out []ast.Expr
	for _, x := range jlist(v) {
		if x == nil {
			out = append(out, nil)
		} else {
			out = append(out, jexpr(x))
		}
	}
	return out
}

func joptExpr(v any) ast.Expr {
	if v == nil {
		return nil
	}
	return jexpr(v)
}

var ctxNames = map[string]ast.ExprContext{"Load": ast.Load, "Store": ast.Store, "Del": ast.Del}

var opNames = map[string]ast.Operator{
	"Add": ast.Add, "Sub": ast.Sub, "Mult": ast.Mult, "MatMult": ast.MatMult, "Div": ast.Div,
	"Mod": ast.Mod, "Pow": ast.Pow, "LShift": ast.LShift, "RShift": ast.RShift, "BitOr": ast.BitOr,
	"BitXor": ast.BitXor, "BitAnd": ast.BitAnd, "FloorDiv": ast.FloorDiv,
}

var unaryNames = map[string]ast.UnaryOperator{"Invert": ast.Invert, "Not": ast.Not, "UAdd": ast.UAdd, "USub": ast.USub}

var cmpNames = map[string]ast.CmpOp{
	"Eq": ast.Eq, "NotEq": ast.NotEq, "Lt": ast.Lt, "LtE": ast.LtE, "Gt": ast.Gt, "GtE": ast.GtE,
	"Is": ast.Is, "IsNot": ast.IsNot, "In": ast.In, "NotIn": ast.NotIn,
}

func jctx(v any) ast.ExprContext { return ctxNames[jtype(v)] }

func jargs(v any) *ast.Arguments {
	n := v.(jnode)
	a := &ast.Arguments{
		Posonlyargs: jargList(n["posonlyargs"]),
		Args:        jargList(n["args"]),
		Kwonlyargs:  jargList(n["kwonlyargs"]),
		KwDefaults:  jexprs(n["kw_defaults"]),
		Defaults:    jexprs(n["defaults"]),
	}
	if n["vararg"] != nil {
		a.Vararg = jarg(n["vararg"])
	}
	if n["kwarg"] != nil {
		a.Kwarg = jarg(n["kwarg"])
	}
	return a
}

func jarg(v any) *ast.Arg {
	n := v.(jnode)
	return &ast.Arg{Pos: jpos(n), Arg: jstr(n["arg"]), Annotation: joptExpr(n["annotation"])}
}

func jargList(v any) []*ast.Arg {
	var out []*ast.Arg
	for _, x := range jlist(v) {
		out = append(out, jarg(x))
	}
	return out
}

func jkeywords(v any) []*ast.Keyword {
	var out []*ast.Keyword
	for _, x := range jlist(v) {
		n := x.(jnode)
		out = append(out, &ast.Keyword{Pos: jpos(n), Arg: jstr(n["arg"]), Value: jexpr(n["value"])})
	}
	return out
}

func jaliases(v any) []*ast.Alias {
	var out []*ast.Alias
	for _, x := range jlist(v) {
		n := x.(jnode)
		out = append(out, &ast.Alias{Pos: jpos(n), Name: jstr(n["name"]), Asname: jstr(n["asname"])})
	}
	return out
}

func jstmt(n jnode) ast.Stmt {
	p := jpos(n)
	switch n["_t"] {
	case "FunctionDef", "AsyncFunctionDef":
		return &ast.FunctionDef{Pos: p, Name: jstr(n["name"]), Args: jargs(n["args"]), Body: jstmts(n["body"]),
			DecoratorList: jexprs(n["decorator_list"]), Returns: joptExpr(n["returns"]), IsAsync: n["_t"] == "AsyncFunctionDef"}
	case "ClassDef":
		return &ast.ClassDef{Pos: p, Name: jstr(n["name"]), Bases: jexprs(n["bases"]), Keywords: jkeywords(n["keywords"]),
			Body: jstmts(n["body"]), DecoratorList: jexprs(n["decorator_list"])}
	case "Return":
		return &ast.Return{Pos: p, Value: joptExpr(n["value"])}
	case "Delete":
		return &ast.Delete{Pos: p, Targets: jexprs(n["targets"])}
	case "Assign":
		return &ast.Assign{Pos: p, Targets: jexprs(n["targets"]), Value: jexpr(n["value"])}
	case "AugAssign":
		return &ast.AugAssign{Pos: p, Target: jexpr(n["target"]), Op: opNames[jtype(n["op"])], Value: jexpr(n["value"])}
	case "AnnAssign":
		return &ast.AnnAssign{Pos: p, Target: jexpr(n["target"]), Annotation: jexpr(n["annotation"]),
			Value: joptExpr(n["value"]), Simple: n["simple"] == float64(1)}
	case "For", "AsyncFor":
		return &ast.For{Pos: p, Target: jexpr(n["target"]), Iter: jexpr(n["iter"]), Body: jstmts(n["body"]),
			Orelse: jstmts(n["orelse"]), IsAsync: n["_t"] == "AsyncFor"}
	case "While":
		return &ast.While{Pos: p, Test: jexpr(n["test"]), Body: jstmts(n["body"]), Orelse: jstmts(n["orelse"])}
	case "If":
		return &ast.If{Pos: p, Test: jexpr(n["test"]), Body: jstmts(n["body"]), Orelse: jstmts(n["orelse"])}
	case "With", "AsyncWith":
		var items []*ast.WithItem
		for _, x := range jlist(n["items"]) {
			w := x.(jnode)
			items = append(items, &ast.WithItem{ContextExpr: jexpr(w["context_expr"]), OptionalVars: joptExpr(w["optional_vars"])})
		}
		return &ast.With{Pos: p, Items: items, Body: jstmts(n["body"]), IsAsync: n["_t"] == "AsyncWith"}
	case "Match":
		var cases []*ast.MatchCase
		for _, x := range jlist(n["cases"]) {
			m := x.(jnode)
			cases = append(cases, &ast.MatchCase{Pattern: jpattern(m["pattern"]), Guard: joptExpr(m["guard"]), Body: jstmts(m["body"])})
		}
		return &ast.Match{Pos: p, Subject: jexpr(n["subject"]), Cases: cases}
	case "Raise":
		return &ast.Raise{Pos: p, Exc: joptExpr(n["exc"]), Cause: joptExpr(n["cause"])}
	case "Try", "TryStar":
		var hs []*ast.ExceptHandler
		for _, x := range jlist(n["handlers"]) {
			h := x.(jnode)
			hs = append(hs, &ast.ExceptHandler{Pos: jpos(h), Type: joptExpr(h["type"]), Name: jstr(h["name"]), Body: jstmts(h["body"])})
		}
		return &ast.Try{Pos: p, Body: jstmts(n["body"]), Handlers: hs, Orelse: jstmts(n["orelse"]),
			Finalbody: jstmts(n["finalbody"]), IsStar: n["_t"] == "TryStar"}
	case "Assert":
		return &ast.Assert{Pos: p, Test: jexpr(n["test"]), Msg: joptExpr(n["msg"])}
	case "Import":
		return &ast.Import{Pos: p, Names: jaliases(n["names"])}
	case "ImportFrom":
		lvl, _ := n["level"].(float64)
		return &ast.ImportFrom{Pos: p, Module: jstr(n["module"]), Names: jaliases(n["names"]), Level: int(lvl)}
	case "Global", "Nonlocal":
		var names []string
		for _, x := range jlist(n["names"]) {
			names = append(names, jstr(x))
		}
		if n["_t"] == "Global" {
			return &ast.Global{Pos: p, Names: names}
		}
		return &ast.Nonlocal{Pos: p, Names: names}
	case "Expr":
		return &ast.ExprStmt{Pos: p, Value: jexpr(n["value"])}
	case "Pass":
		return &ast.Pass{Pos: p}
	case "Break":
		return &ast.Break{Pos: p}
	case "Continue":
		return &ast.Continue{Pos: p}
	}
	panic("unknown statement " + fmt.Sprint(n["_t"]))
}

func jconst(p ast.Pos, v any, kind any) *ast.Constant {
	l := jlist(v)
	k := &ast.Constant{Pos: p, UPrefix: kind == "u"}
	switch l[0] {
	case "None":
		k.Kind = ast.KindNone
	case "Ellipsis":
		k.Kind = ast.KindEllipsis
	case "bool":
		if l[1] == true {
			k.Kind = ast.KindTrue
		} else {
			k.Kind = ast.KindFalse
		}
	case "int":
		k.Kind = ast.KindInt
		k.Int, _ = new(big.Int).SetString(jstr(l[1]), 10)
	case "float":
		k.Kind = ast.KindFloat
		k.Float = parsePyFloat(jstr(l[1]))
	case "complex":
		k.Kind = ast.KindComplex
		k.Float = parsePyFloat(jstr(l[2]))
	case "str":
		k.Kind = ast.KindStr
		k.Str = jstr(l[1])
	case "bytes":
		k.Kind = ast.KindBytes
		b, _ := hex.DecodeString(jstr(l[1]))
		k.Str = string(b)
	default:
		panic("bad constant " + fmt.Sprint(l[0]))
	}
	return k
}

func parsePyFloat(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		switch s {
		case "inf":
			return f
		}
	}
	return f
}

func jcomprehensions(v any) []*ast.Comprehension {
	var out []*ast.Comprehension
	for _, x := range jlist(v) {
		n := x.(jnode)
		out = append(out, &ast.Comprehension{Target: jexpr(n["target"]), Iter: jexpr(n["iter"]), Ifs: jexprs(n["ifs"]),
			IsAsync: n["is_async"] == float64(1)})
	}
	return out
}

func jexpr(v any) ast.Expr {
	n := v.(jnode)
	p := jpos(n)
	switch n["_t"] {
	case "BoolOp":
		op := ast.And
		if jtype(n["op"]) == "Or" {
			op = ast.Or
		}
		return &ast.BoolOp{Pos: p, Op: op, Values: jexprs(n["values"])}
	case "NamedExpr":
		return &ast.NamedExpr{Pos: p, Target: jexpr(n["target"]).(*ast.Name), Value: jexpr(n["value"])}
	case "BinOp":
		return &ast.BinOp{Pos: p, Left: jexpr(n["left"]), Op: opNames[jtype(n["op"])], Right: jexpr(n["right"])}
	case "UnaryOp":
		return &ast.UnaryOp{Pos: p, Op: unaryNames[jtype(n["op"])], Operand: jexpr(n["operand"])}
	case "Lambda":
		return &ast.Lambda{Pos: p, Args: jargs(n["args"]), Body: jexpr(n["body"])}
	case "IfExp":
		return &ast.IfExp{Pos: p, Test: jexpr(n["test"]), Body: jexpr(n["body"]), Orelse: jexpr(n["orelse"])}
	case "Dict":
		return &ast.Dict{Pos: p, Keys: jexprs(n["keys"]), Values: jexprs(n["values"])}
	case "Set":
		return &ast.Set{Pos: p, Elts: jexprs(n["elts"])}
	case "ListComp":
		return &ast.ListComp{Pos: p, Elt: jexpr(n["elt"]), Generators: jcomprehensions(n["generators"])}
	case "SetComp":
		return &ast.SetComp{Pos: p, Elt: jexpr(n["elt"]), Generators: jcomprehensions(n["generators"])}
	case "DictComp":
		return &ast.DictComp{Pos: p, Key: jexpr(n["key"]), Value: jexpr(n["value"]), Generators: jcomprehensions(n["generators"])}
	case "GeneratorExp":
		return &ast.GeneratorExp{Pos: p, Elt: jexpr(n["elt"]), Generators: jcomprehensions(n["generators"])}
	case "Await":
		return &ast.Await{Pos: p, Value: jexpr(n["value"])}
	case "Yield":
		return &ast.Yield{Pos: p, Value: joptExpr(n["value"])}
	case "YieldFrom":
		return &ast.YieldFrom{Pos: p, Value: jexpr(n["value"])}
	case "Compare":
		var ops []ast.CmpOp
		for _, o := range jlist(n["ops"]) {
			ops = append(ops, cmpNames[jtype(o)])
		}
		return &ast.Compare{Pos: p, Left: jexpr(n["left"]), Ops: ops, Comparators: jexprs(n["comparators"])}
	case "Call":
		return &ast.Call{Pos: p, Func: jexpr(n["func"]), Args: jexprs(n["args"]), Keywords: jkeywords(n["keywords"])}
	case "FormattedValue":
		conv, _ := n["conversion"].(float64)
		return &ast.FormattedValue{Pos: p, Value: jexpr(n["value"]), Conversion: int(conv), FormatSpec: joptExpr(n["format_spec"])}
	case "JoinedStr":
		return &ast.JoinedStr{Pos: p, Values: jexprs(n["values"])}
	case "Constant":
		return jconst(p, n["value"], n["kind"])
	case "Attribute":
		return &ast.Attribute{Pos: p, Value: jexpr(n["value"]), Attr: jstr(n["attr"]), Ctx: jctx(n["ctx"])}
	case "Subscript":
		return &ast.Subscript{Pos: p, Value: jexpr(n["value"]), Slice: jexpr(n["slice"]), Ctx: jctx(n["ctx"])}
	case "Starred":
		return &ast.Starred{Pos: p, Value: jexpr(n["value"]), Ctx: jctx(n["ctx"])}
	case "Name":
		return &ast.Name{Pos: p, Id: jstr(n["id"]), Ctx: jctx(n["ctx"])}
	case "List":
		return &ast.List{Pos: p, Elts: jexprs(n["elts"]), Ctx: jctx(n["ctx"])}
	case "Tuple":
		return &ast.Tuple{Pos: p, Elts: jexprs(n["elts"]), Ctx: jctx(n["ctx"])}
	case "Slice":
		return &ast.Slice{Pos: p, Lower: joptExpr(n["lower"]), Upper: joptExpr(n["upper"]), Step: joptExpr(n["step"])}
	}
	panic("unknown expression " + fmt.Sprint(n["_t"]))
}

func jpatterns(v any) []ast.Pattern {
	var out []ast.Pattern
	for _, x := range jlist(v) {
		out = append(out, jpattern(x))
	}
	return out
}

func jpattern(v any) ast.Pattern {
	n := v.(jnode)
	p := jpos(n)
	switch n["_t"] {
	case "MatchValue":
		return &ast.MatchValue{Pos: p, Value: jexpr(n["value"])}
	case "MatchSingleton":
		k := jconst(p, n["value"], nil)
		return &ast.MatchSingleton{Pos: p, Value: k.Kind}
	case "MatchSequence":
		return &ast.MatchSequence{Pos: p, Patterns: jpatterns(n["patterns"])}
	case "MatchMapping":
		return &ast.MatchMapping{Pos: p, Keys: jexprs(n["keys"]), Patterns: jpatterns(n["patterns"]), Rest: jstr(n["rest"])}
	case "MatchClass":
		var attrs []string
		for _, a := range jlist(n["kwd_attrs"]) {
			attrs = append(attrs, jstr(a))
		}
		return &ast.MatchClass{Pos: p, Cls: jexpr(n["cls"]), Patterns: jpatterns(n["patterns"]), KwdAttrs: attrs,
			KwdPatterns: jpatterns(n["kwd_patterns"])}
	case "MatchStar":
		return &ast.MatchStar{Pos: p, Name: jstr(n["name"])}
	case "MatchAs":
		var sub ast.Pattern
		if n["pattern"] != nil {
			sub = jpattern(n["pattern"])
		}
		return &ast.MatchAs{Pos: p, Pattern: sub, Name: jstr(n["name"])}
	case "MatchOr":
		return &ast.MatchOr{Pos: p, Patterns: jpatterns(n["patterns"])}
	}
	panic("unknown pattern " + fmt.Sprint(n["_t"]))
}
