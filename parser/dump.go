package parser

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gilpy/lexer"
	"gilpy/parser/ast"
)

// Dump renders a syntax tree in the stable text format that
// testdata/gen_expected.py produces from CPython's ast module, so the two
// can be compared line by line. Nodes appear under CPython's names
// (AsyncFunctionDef, TryStar, Expr, ...) with CPython's fields in CPython's
// order and their positions as @line:col-endline:endcol:
//
//	Assign @1:0-1:5
//	  targets: [
//	    Name @1:0-1:1
//	      id: "x"
//	      ctx: Store
//	  ]
//	  value: Constant @1:4-1:5
//	    value: 1
//	    kind: None
//
// Strings are quoted with every non-ASCII character escaped, floats as
// Python's repr() writes them.
func Dump(node any) string {
	d := &dumper{}
	d.node(node, 0, "")
	return d.b.String()
}

type dumper struct{ b strings.Builder }

func (d *dumper) line(indent int, s string) {
	d.b.WriteString(strings.Repeat("  ", indent))
	d.b.WriteString(s)
	d.b.WriteByte('\n')
}

// field is one (name, value) pair of a node.
type field struct {
	name string
	val  any
}

// value kinds that are printed inline.
type (
	scalar string // printed as is
)

func pos(p *ast.Pos) string {
	return fmt.Sprintf(" @%d:%d-%d:%d", p.Line, p.Col, p.EndLine, p.EndCol)
}

// node prints n: the first line goes after prefix (a field name or list
// marker) at indent.
func (d *dumper) node(n any, indent int, prefix string) {
	name, attrs, fields := describe(n)
	d.line(indent, prefix+name+attrs)
	for _, f := range fields {
		d.value(f.name+": ", f.val, indent+1)
	}
}

func (d *dumper) value(prefix string, v any, indent int) {
	switch x := v.(type) {
	case scalar:
		d.line(indent, prefix+string(x))
	case []any:
		if len(x) == 0 {
			d.line(indent, prefix+"[]")
			return
		}
		d.line(indent, prefix+"[")
		for _, e := range x {
			d.value("", e, indent+1)
		}
		d.line(indent, "]")
	default:
		d.node(v, indent, prefix)
	}
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := lexer.DecodeWTF8(s[i:])
		if r == 0xFFFD && size == 1 {
			// Not a Go-representable character: show the byte.
			fmt.Fprintf(&b, "\\x%02x", s[i])
			i++
			continue
		}
		i += size
		switch {
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func quoteBytes(s string) string {
	var b strings.Builder
	b.WriteString("b\"")
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' || c == '"':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\x%02x", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// FloatRepr formats f as Python's repr(float) does.
func FloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	neg := ""
	if s[0] == '-' {
		neg, s = "-", s[1:]
	}
	mant, exp, _ := strings.Cut(s, "e")
	digits := strings.Replace(mant, ".", "", 1)
	e, _ := strconv.Atoi(exp)
	decpt := e + 1
	if decpt <= -4 || decpt > 16 {
		out := digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		sign := "+"
		if e < 0 {
			sign, e = "-", -e
		}
		return fmt.Sprintf("%s%se%s%02d", neg, out, sign, e)
	}
	switch {
	case decpt <= 0:
		return neg + "0." + strings.Repeat("0", -decpt) + digits
	case decpt >= len(digits):
		return neg + digits + strings.Repeat("0", decpt-len(digits)) + ".0"
	}
	return neg + digits[:decpt] + "." + digits[decpt:]
}

func ident(s string) scalar { return scalar(quote(s)) }

func optIdent(s string) scalar {
	if s == "" {
		return "None"
	}
	return ident(s)
}

func intVal(n int) scalar { return scalar(strconv.Itoa(n)) }

func boolInt(b bool) scalar {
	if b {
		return "1"
	}
	return "0"
}

var ctxNames = [...]string{"Load", "Store", "Del"}
var opNames = [...]string{"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"}
var unaryNames = [...]string{"Invert", "Not", "UAdd", "USub"}
var cmpNames = [...]string{"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"}

// opt returns a node value, or the scalar None for a nil interface.
func opt[T any](n T, isNil bool) any {
	if isNil {
		return scalar("None")
	}
	return n
}

func optExpr(e ast.Expr) any { return opt(e, e == nil) }

func exprs(es []ast.Expr) []any {
	out := make([]any, len(es))
	for i, e := range es {
		out[i] = optExpr(e)
	}
	return out
}

func stmts(ss []ast.Stmt) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func patterns(ps []ast.Pattern) []any {
	out := make([]any, len(ps))
	for i, p := range ps {
		out[i] = p
	}
	return out
}

func idents(ss []string) scalar {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = quote(s)
	}
	return scalar("[" + strings.Join(parts, ", ") + "]")
}

func constValue(c *ast.Constant) scalar {
	switch c.Kind {
	case ast.KindNone:
		return "None"
	case ast.KindTrue:
		return "True"
	case ast.KindFalse:
		return "False"
	case ast.KindEllipsis:
		return "Ellipsis"
	case ast.KindInt:
		return scalar(c.Int.String())
	case ast.KindFloat:
		return scalar(FloatRepr(c.Float))
	case ast.KindComplex:
		return scalar("complex(imag=" + FloatRepr(c.Float) + ")")
	case ast.KindStr:
		return scalar(quote(c.Str))
	case ast.KindBytes:
		return scalar(quoteBytes(c.Str))
	}
	return "?"
}

func args(a *ast.Arguments) []field {
	argList := func(as []*ast.Arg) []any {
		out := make([]any, len(as))
		for i, x := range as {
			out[i] = x
		}
		return out
	}
	optArg := func(x *ast.Arg) any { return opt(x, x == nil) }
	return []field{
		{"posonlyargs", argList(a.Posonlyargs)},
		{"args", argList(a.Args)},
		{"vararg", optArg(a.Vararg)},
		{"kwonlyargs", argList(a.Kwonlyargs)},
		{"kw_defaults", exprs(a.KwDefaults)},
		{"kwarg", optArg(a.Kwarg)},
		{"defaults", exprs(a.Defaults)},
	}
}

// describe returns a node's CPython class name, its position suffix and its
// fields in CPython's order.
func describe(n any) (string, string, []field) {
	switch x := n.(type) {
	case *ast.Module:
		return "Module", "", []field{{"body", stmts(x.Body)}}
	case *ast.Interactive:
		return "Interactive", "", []field{{"body", stmts(x.Body)}}
	case *ast.Expression:
		return "Expression", "", []field{{"body", x.Body}}

	case *ast.FunctionDef:
		name := "FunctionDef"
		if x.IsAsync {
			name = "AsyncFunctionDef"
		}
		return name, pos(&x.Pos), []field{{"name", ident(x.Name)}, {"args", x.Args}, {"body", stmts(x.Body)},
			{"decorator_list", exprs(x.DecoratorList)}, {"returns", optExpr(x.Returns)}}
	case *ast.Arguments:
		return "arguments", "", args(x)
	case *ast.Arg:
		return "arg", pos(&x.Pos), []field{{"arg", ident(x.Arg)}, {"annotation", optExpr(x.Annotation)}}
	case *ast.ClassDef:
		kws := make([]any, len(x.Keywords))
		for i, k := range x.Keywords {
			kws[i] = k
		}
		return "ClassDef", pos(&x.Pos), []field{{"name", ident(x.Name)}, {"bases", exprs(x.Bases)}, {"keywords", kws},
			{"body", stmts(x.Body)}, {"decorator_list", exprs(x.DecoratorList)}}
	case *ast.Return:
		return "Return", pos(&x.Pos), []field{{"value", optExpr(x.Value)}}
	case *ast.Delete:
		return "Delete", pos(&x.Pos), []field{{"targets", exprs(x.Targets)}}
	case *ast.Assign:
		return "Assign", pos(&x.Pos), []field{{"targets", exprs(x.Targets)}, {"value", x.Value}}
	case *ast.AugAssign:
		return "AugAssign", pos(&x.Pos), []field{{"target", x.Target}, {"op", scalar(opNames[x.Op])}, {"value", x.Value}}
	case *ast.AnnAssign:
		return "AnnAssign", pos(&x.Pos), []field{{"target", x.Target}, {"annotation", x.Annotation}, {"value", optExpr(x.Value)}, {"simple", boolInt(x.Simple)}}
	case *ast.For:
		name := "For"
		if x.IsAsync {
			name = "AsyncFor"
		}
		return name, pos(&x.Pos), []field{{"target", x.Target}, {"iter", x.Iter}, {"body", stmts(x.Body)}, {"orelse", stmts(x.Orelse)}}
	case *ast.While:
		return "While", pos(&x.Pos), []field{{"test", x.Test}, {"body", stmts(x.Body)}, {"orelse", stmts(x.Orelse)}}
	case *ast.If:
		return "If", pos(&x.Pos), []field{{"test", x.Test}, {"body", stmts(x.Body)}, {"orelse", stmts(x.Orelse)}}
	case *ast.With:
		name := "With"
		if x.IsAsync {
			name = "AsyncWith"
		}
		items := make([]any, len(x.Items))
		for i, it := range x.Items {
			items[i] = it
		}
		return name, pos(&x.Pos), []field{{"items", items}, {"body", stmts(x.Body)}}
	case *ast.WithItem:
		return "withitem", "", []field{{"context_expr", x.ContextExpr}, {"optional_vars", optExpr(x.OptionalVars)}}
	case *ast.Match:
		cases := make([]any, len(x.Cases))
		for i, c := range x.Cases {
			cases[i] = c
		}
		return "Match", pos(&x.Pos), []field{{"subject", x.Subject}, {"cases", cases}}
	case *ast.MatchCase:
		return "match_case", "", []field{{"pattern", x.Pattern}, {"guard", optExpr(x.Guard)}, {"body", stmts(x.Body)}}
	case *ast.Raise:
		return "Raise", pos(&x.Pos), []field{{"exc", optExpr(x.Exc)}, {"cause", optExpr(x.Cause)}}
	case *ast.Try:
		name := "Try"
		if x.IsStar {
			name = "TryStar"
		}
		hs := make([]any, len(x.Handlers))
		for i, h := range x.Handlers {
			hs[i] = h
		}
		return name, pos(&x.Pos), []field{{"body", stmts(x.Body)}, {"handlers", hs}, {"orelse", stmts(x.Orelse)}, {"finalbody", stmts(x.Finalbody)}}
	case *ast.ExceptHandler:
		return "ExceptHandler", pos(&x.Pos), []field{{"type", optExpr(x.Type)}, {"name", optIdent(x.Name)}, {"body", stmts(x.Body)}}
	case *ast.Assert:
		return "Assert", pos(&x.Pos), []field{{"test", x.Test}, {"msg", optExpr(x.Msg)}}
	case *ast.Import:
		names := make([]any, len(x.Names))
		for i, a := range x.Names {
			names[i] = a
		}
		return "Import", pos(&x.Pos), []field{{"names", names}}
	case *ast.ImportFrom:
		names := make([]any, len(x.Names))
		for i, a := range x.Names {
			names[i] = a
		}
		return "ImportFrom", pos(&x.Pos), []field{{"module", optIdent(x.Module)}, {"names", names}, {"level", intVal(x.Level)}}
	case *ast.Alias:
		return "alias", pos(&x.Pos), []field{{"name", ident(x.Name)}, {"asname", optIdent(x.Asname)}}
	case *ast.Global:
		return "Global", pos(&x.Pos), []field{{"names", idents(x.Names)}}
	case *ast.Nonlocal:
		return "Nonlocal", pos(&x.Pos), []field{{"names", idents(x.Names)}}
	case *ast.ExprStmt:
		return "Expr", pos(&x.Pos), []field{{"value", x.Value}}
	case *ast.Pass:
		return "Pass", pos(&x.Pos), nil
	case *ast.Break:
		return "Break", pos(&x.Pos), nil
	case *ast.Continue:
		return "Continue", pos(&x.Pos), nil

	case *ast.BoolOp:
		op := "And"
		if x.Op == ast.Or {
			op = "Or"
		}
		return "BoolOp", pos(&x.Pos), []field{{"op", scalar(op)}, {"values", exprs(x.Values)}}
	case *ast.NamedExpr:
		return "NamedExpr", pos(&x.Pos), []field{{"target", x.Target}, {"value", x.Value}}
	case *ast.BinOp:
		return "BinOp", pos(&x.Pos), []field{{"left", x.Left}, {"op", scalar(opNames[x.Op])}, {"right", x.Right}}
	case *ast.UnaryOp:
		return "UnaryOp", pos(&x.Pos), []field{{"op", scalar(unaryNames[x.Op])}, {"operand", x.Operand}}
	case *ast.Lambda:
		return "Lambda", pos(&x.Pos), []field{{"args", x.Args}, {"body", x.Body}}
	case *ast.IfExp:
		return "IfExp", pos(&x.Pos), []field{{"test", x.Test}, {"body", x.Body}, {"orelse", x.Orelse}}
	case *ast.Dict:
		return "Dict", pos(&x.Pos), []field{{"keys", exprs(x.Keys)}, {"values", exprs(x.Values)}}
	case *ast.Set:
		return "Set", pos(&x.Pos), []field{{"elts", exprs(x.Elts)}}
	case *ast.ListComp:
		return "ListComp", pos(&x.Pos), []field{{"elt", x.Elt}, {"generators", comps(x.Generators)}}
	case *ast.SetComp:
		return "SetComp", pos(&x.Pos), []field{{"elt", x.Elt}, {"generators", comps(x.Generators)}}
	case *ast.DictComp:
		return "DictComp", pos(&x.Pos), []field{{"key", x.Key}, {"value", x.Value}, {"generators", comps(x.Generators)}}
	case *ast.GeneratorExp:
		return "GeneratorExp", pos(&x.Pos), []field{{"elt", x.Elt}, {"generators", comps(x.Generators)}}
	case *ast.Comprehension:
		return "comprehension", "", []field{{"target", x.Target}, {"iter", x.Iter}, {"ifs", exprs(x.Ifs)}, {"is_async", boolInt(x.IsAsync)}}
	case *ast.Await:
		return "Await", pos(&x.Pos), []field{{"value", x.Value}}
	case *ast.Yield:
		return "Yield", pos(&x.Pos), []field{{"value", optExpr(x.Value)}}
	case *ast.YieldFrom:
		return "YieldFrom", pos(&x.Pos), []field{{"value", x.Value}}
	case *ast.Compare:
		ops := make([]string, len(x.Ops))
		for i, o := range x.Ops {
			ops[i] = cmpNames[o]
		}
		return "Compare", pos(&x.Pos), []field{{"left", x.Left}, {"ops", scalar("[" + strings.Join(ops, ", ") + "]")}, {"comparators", exprs(x.Comparators)}}
	case *ast.Call:
		kws := make([]any, len(x.Keywords))
		for i, k := range x.Keywords {
			kws[i] = k
		}
		return "Call", pos(&x.Pos), []field{{"func", x.Func}, {"args", exprs(x.Args)}, {"keywords", kws}}
	case *ast.Keyword:
		return "keyword", pos(&x.Pos), []field{{"arg", optIdent(x.Arg)}, {"value", x.Value}}
	case *ast.FormattedValue:
		return "FormattedValue", pos(&x.Pos), []field{{"value", x.Value}, {"conversion", intVal(x.Conversion)}, {"format_spec", optExpr(x.FormatSpec)}}
	case *ast.JoinedStr:
		return "JoinedStr", pos(&x.Pos), []field{{"values", exprs(x.Values)}}
	case *ast.Constant:
		kind := scalar("None")
		if x.UPrefix {
			kind = ident("u")
		}
		return "Constant", pos(&x.Pos), []field{{"value", constValue(x)}, {"kind", kind}}
	case *ast.Attribute:
		return "Attribute", pos(&x.Pos), []field{{"value", x.Value}, {"attr", ident(x.Attr)}, {"ctx", scalar(ctxNames[x.Ctx])}}
	case *ast.Subscript:
		return "Subscript", pos(&x.Pos), []field{{"value", x.Value}, {"slice", x.Slice}, {"ctx", scalar(ctxNames[x.Ctx])}}
	case *ast.Starred:
		return "Starred", pos(&x.Pos), []field{{"value", x.Value}, {"ctx", scalar(ctxNames[x.Ctx])}}
	case *ast.Name:
		return "Name", pos(&x.Pos), []field{{"id", ident(x.Id)}, {"ctx", scalar(ctxNames[x.Ctx])}}
	case *ast.List:
		return "List", pos(&x.Pos), []field{{"elts", exprs(x.Elts)}, {"ctx", scalar(ctxNames[x.Ctx])}}
	case *ast.Tuple:
		return "Tuple", pos(&x.Pos), []field{{"elts", exprs(x.Elts)}, {"ctx", scalar(ctxNames[x.Ctx])}}
	case *ast.Slice:
		return "Slice", pos(&x.Pos), []field{{"lower", optExpr(x.Lower)}, {"upper", optExpr(x.Upper)}, {"step", optExpr(x.Step)}}

	case *ast.MatchValue:
		return "MatchValue", pos(&x.Pos), []field{{"value", x.Value}}
	case *ast.MatchSingleton:
		v := map[ast.ConstKind]scalar{ast.KindNone: "None", ast.KindTrue: "True", ast.KindFalse: "False"}[x.Value]
		return "MatchSingleton", pos(&x.Pos), []field{{"value", v}}
	case *ast.MatchSequence:
		return "MatchSequence", pos(&x.Pos), []field{{"patterns", patterns(x.Patterns)}}
	case *ast.MatchMapping:
		return "MatchMapping", pos(&x.Pos), []field{{"keys", exprs(x.Keys)}, {"patterns", patterns(x.Patterns)}, {"rest", optIdent(x.Rest)}}
	case *ast.MatchClass:
		return "MatchClass", pos(&x.Pos), []field{{"cls", x.Cls}, {"patterns", patterns(x.Patterns)},
			{"kwd_attrs", idents(x.KwdAttrs)}, {"kwd_patterns", patterns(x.KwdPatterns)}}
	case *ast.MatchStar:
		return "MatchStar", pos(&x.Pos), []field{{"name", optIdent(x.Name)}}
	case *ast.MatchAs:
		var pat any = scalar("None")
		if x.Pattern != nil {
			pat = x.Pattern
		}
		return "MatchAs", pos(&x.Pos), []field{{"pattern", pat}, {"name", optIdent(x.Name)}}
	case *ast.MatchOr:
		return "MatchOr", pos(&x.Pos), []field{{"patterns", patterns(x.Patterns)}}
	}
	return fmt.Sprintf("?%T", n), "", nil
}

func comps(cs []*ast.Comprehension) []any {
	out := make([]any, len(cs))
	for i, c := range cs {
		out[i] = c
	}
	return out
}
