package code

import (
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
)

// Disassemble writes a readable listing of c and of every code object among
// its constants, in the spirit of CPython's `dis.dis`: line numbers, jump
// targets marked with ">>", arguments resolved to names and constants, then
// the exception table.
func Disassemble(w io.Writer, c *Code) {
	disassemble(w, c)
	for _, k := range c.Consts {
		if sub, ok := k.(*Code); ok {
			fmt.Fprintf(w, "\nDisassembly of <code object %s, file %q, line %d>:\n", sub.Name, sub.Filename, sub.FirstLine)
			Disassemble(w, sub)
		}
	}
}

func disassemble(w io.Writer, c *Code) {
	targets := map[int]bool{}
	for _, in := range c.Instrs {
		if in.Op().IsJump() {
			targets[in.Arg()] = true
		}
	}
	for _, e := range c.ExcTable {
		targets[int(e.Target)] = true
	}
	lastLine := -1
	for pc, in := range c.Instrs {
		line := ""
		if pc < len(c.Positions) {
			if l := int(c.Positions[pc].Line); l > 0 && l != lastLine {
				if pc > 0 {
					fmt.Fprintln(w)
				}
				line = strconv.Itoa(l)
				lastLine = l
			}
		}
		mark := "  "
		if targets[pc] {
			mark = ">>"
		}
		op := in.Op()
		fmt.Fprintf(w, "%4s %s %5d %-26s", line, mark, pc, op)
		if hasArg(op) {
			fmt.Fprintf(w, " %5d", in.Arg())
			if s := argRepr(c, op, in.Arg()); s != "" {
				fmt.Fprintf(w, " (%s)", s)
			}
		}
		fmt.Fprintln(w)
	}
	if len(c.ExcTable) > 0 {
		fmt.Fprintln(w, "ExceptionTable:")
		for _, e := range c.ExcTable {
			lasti := ""
			if e.Lasti {
				lasti = " lasti"
			}
			fmt.Fprintf(w, "  %d to %d -> %d [%d]%s\n", e.Start, e.End-1, e.Target, e.Depth, lasti)
		}
	}
}

func hasArg(op Opcode) bool {
	switch op {
	case NOP, POP_TOP, PUSH_NULL, UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_NOT,
		UNARY_INVERT, BINARY_SUBSCR, STORE_SUBSCR, DELETE_SUBSCR, LIST_TO_TUPLE,
		GET_ITER, RETURN_VALUE, YIELD_VALUE, GET_YIELD_FROM_ITER, GET_AITER, GET_ANEXT,
		END_ASYNC_FOR, BEFORE_ASYNC_WITH, ASYNC_GEN_WRAP, LOAD_BUILD_CLASS,
		SETUP_ANNOTATIONS, PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH, CHECK_EG_MATCH,
		PREP_RERAISE_STAR, WITH_EXCEPT_START, BEFORE_WITH, LOAD_ASSERTION_ERROR,
		IMPORT_STAR, GET_LEN, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS, PRINT_EXPR,
		POP_BLOCK:
		return false
	}
	return true
}

func argRepr(c *Code, op Opcode, arg int) string {
	name := func(i int) string {
		if i >= 0 && i < len(c.Names) {
			return c.Names[i]
		}
		return "?"
	}
	local := func(i int) string {
		if i >= 0 && i < len(c.LocalsPlus) {
			return c.LocalsPlus[i]
		}
		return "?"
	}
	switch op {
	case LOAD_CONST, KW_NAMES:
		if arg < len(c.Consts) {
			return ConstRepr(c.Consts[arg])
		}
	case LOAD_FAST, STORE_FAST, DELETE_FAST, LOAD_DEREF, STORE_DEREF, DELETE_DEREF,
		LOAD_CLASSDEREF, LOAD_CLOSURE, MAKE_CELL:
		return local(arg)
	case LOAD_NAME, STORE_NAME, DELETE_NAME, STORE_GLOBAL, DELETE_GLOBAL, DELETE_ATTR,
		IMPORT_NAME, IMPORT_FROM:
		return name(arg)
	case LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR, LOAD_METHOD:
		if arg < len(c.Caches) {
			s := c.Caches[arg]
			if s.PushNull {
				return "NULL + " + name(s.Name)
			}
			return name(s.Name)
		}
	case BINARY_OP:
		if arg >= int(InplaceOffset) {
			return BinaryOpSymbols[arg-int(InplaceOffset)] + "="
		}
		if arg < len(BinaryOpSymbols) {
			return BinaryOpSymbols[arg]
		}
	case COMPARE_OP:
		if arg < len(CompareOpSymbols) {
			return CompareOpSymbols[arg]
		}
	case IS_OP:
		return [...]string{"is", "is not"}[arg&1]
	case CONTAINS_OP:
		return [...]string{"in", "not in"}[arg&1]
	case FORMAT_VALUE:
		s := [...]string{"", "str", "repr", "ascii"}[arg&FormatConvMask]
		if arg&FormatWithSpec != 0 {
			if s != "" {
				s += ", "
			}
			s += "with format"
		}
		return s
	}
	if op.IsJump() {
		return "to " + strconv.Itoa(arg)
	}
	return ""
}

// ConstRepr renders a constant roughly as Python's repr would.
func ConstRepr(k any) string {
	switch v := k.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(v, 10)
	case *big.Int:
		return v.String()
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case complex128:
		return fmt.Sprint(v)
	case string:
		return strconv.Quote(v)
	case Bytes:
		return "b" + strconv.Quote(string(v))
	case Ellipsis:
		return "Ellipsis"
	case Tuple:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = ConstRepr(e)
		}
		if len(parts) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	case FrozenSet:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = ConstRepr(e)
		}
		return "frozenset({" + strings.Join(parts, ", ") + "})"
	case *Code:
		return fmt.Sprintf("<code object %s, file %q, line %d>", v.Name, v.Filename, v.FirstLine)
	}
	return fmt.Sprint(k)
}
