package compiler

import (
	"math/big"

	"gilpy/parser/ast"
	"gilpy/vm/code"
)

// CPython's compile-time SyntaxWarnings for code that is certainly wrong at
// run time ("perhaps you missed a comma?") or almost certainly a mistake
// (`is` with a literal). They go to Options.Warn.

// inferType is the type name of what e certainly evaluates to, or "".
func (c *compiler) inferType(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Tuple:
		return "tuple"
	case *ast.List, *ast.ListComp:
		return "list"
	case *ast.Dict, *ast.DictComp:
		return "dict"
	case *ast.Set, *ast.SetComp:
		return "set"
	case *ast.GeneratorExp:
		return "generator"
	case *ast.Lambda:
		return "function"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "str"
	case *ast.Constant:
		return constTypeName(c.constValue(e))
	}
	return ""
}

func constTypeName(v any) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case int64, *big.Int:
		return "int"
	case float64:
		return "float"
	case complex128:
		return "complex"
	case string:
		return "str"
	case code.Bytes:
		return "bytes"
	case code.Ellipsis:
		return "ellipsis"
	case code.Tuple:
		return "tuple"
	case code.FrozenSet:
		return "frozenset"
	}
	return "object"
}

// isArg reports whether e may sensibly be an operand of `is`: anything but
// a literal (None, True, False and ... are fine).
func (c *compiler) isArg(e ast.Expr) bool {
	k, ok := e.(*ast.Constant)
	if !ok {
		return true
	}
	if _, folded := c.folded[k]; folded {
		return false // a folded tuple, frozenset or complex
	}
	switch k.Kind {
	case ast.KindNone, ast.KindTrue, ast.KindFalse, ast.KindEllipsis:
		return true
	}
	return false
}

func (c *compiler) checkCompare(e *ast.Compare) {
	left := c.isArg(e.Left)
	for i, op := range e.Ops {
		right := c.isArg(e.Comparators[i])
		if op == ast.Is || op == ast.IsNot {
			if !right || !left {
				if op == ast.Is {
					c.warning("\"is\" with a literal. Did you mean \"==\"?")
				} else {
					c.warning("\"is not\" with a literal. Did you mean \"!=\"?")
				}
			}
		}
		left = right
	}
}

func (c *compiler) checkCaller(e ast.Expr) {
	switch e.(type) {
	case *ast.Constant, *ast.Tuple, *ast.List, *ast.ListComp, *ast.Dict, *ast.DictComp,
		*ast.Set, *ast.SetComp, *ast.GeneratorExp, *ast.JoinedStr, *ast.FormattedValue:
		c.warning("'%s' object is not callable; perhaps you missed a comma?", c.inferType(e))
	}
}

func (c *compiler) checkSubscripter(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Constant:
		switch c.constValue(e).(type) {
		case nil, code.Ellipsis, bool, int64, *big.Int, float64, complex128, code.FrozenSet:
		default:
			return
		}
	case *ast.Set, *ast.SetComp, *ast.GeneratorExp, *ast.Lambda:
	default:
		return
	}
	c.warning("'%s' object is not subscriptable; perhaps you missed a comma?", c.inferType(e))
}

func (c *compiler) checkIndex(e, s ast.Expr) {
	indexType := c.inferType(s)
	if indexType == "" || indexType == "int" || indexType == "bool" {
		return
	}
	switch e := e.(type) {
	case *ast.Constant:
		switch c.constValue(e).(type) {
		case string, code.Bytes, code.Tuple:
		default:
			return
		}
	case *ast.Tuple, *ast.List, *ast.ListComp, *ast.JoinedStr, *ast.FormattedValue:
	default:
		return
	}
	c.warning("%s indices must be integers or slices, not %s; perhaps you missed a comma?",
		c.inferType(e), indexType)
}
