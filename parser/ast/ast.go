// Package ast defines the syntax tree that the parser produces and the compiler
// consumes.
//
// The node types mirror CPython 3.11's Python.asdl (the `ast` module) one to one:
// the same node names, the same fields, the same meaning. Anyone who knows
// `ast.dump()` output can read this package, and the compiler can follow
// CPython's compile.c case by case.
//
// Positions follow CPython too: lines are 1-based, columns are 0-based UTF-8
// byte offsets into the source line, and every node has an end position. The
// VM's tracebacks draw their `^^^^` markers from these ranges (PEP 657), so they
// must be exact.
package ast

import "math/big"

// Pos is a node's source range: [Line:Col, EndLine:EndCol). Col and EndCol are
// UTF-8 byte offsets, as CPython's col_offset and end_col_offset.
type Pos struct {
	Line, Col, EndLine, EndCol int
}

// GetPos returns the node's range; every node embeds Pos.
func (p *Pos) GetPos() *Pos { return p }

// Node is any syntax tree node.
type Node interface {
	GetPos() *Pos
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Pattern is a match-statement pattern node.
type Pattern interface {
	Node
	patternNode()
}

// Module is a whole source file (mode "exec").
type Module struct {
	Body []Stmt
}

// Interactive is one REPL input (mode "single"): expression statements print
// their value.
type Interactive struct {
	Body []Stmt
}

// Expression is the input of eval() (mode "eval").
type Expression struct {
	Body Expr
}

// ---------------------------------------------------------------- statements

// FunctionDef is `def` and `async def`.
type FunctionDef struct {
	Pos
	Name          string
	Args          *Arguments
	Body          []Stmt
	DecoratorList []Expr
	Returns       Expr // nil if no annotation
	IsAsync       bool
}

// ClassDef is `class Name(bases, keywords): body`.
type ClassDef struct {
	Pos
	Name          string
	Bases         []Expr
	Keywords      []*Keyword
	Body          []Stmt
	DecoratorList []Expr
}

// Return is `return [value]`.
type Return struct {
	Pos
	Value Expr // nil for a bare return
}

// Delete is `del t1, t2`.
type Delete struct {
	Pos
	Targets []Expr
}

// Assign is `t1 = t2 = value`.
type Assign struct {
	Pos
	Targets []Expr
	Value   Expr
}

// AugAssign is `target op= value`.
type AugAssign struct {
	Pos
	Target Expr
	Op     Operator
	Value  Expr
}

// AnnAssign is `target: annotation [= value]`. Simple is true for a plain name
// target that was not parenthesized.
type AnnAssign struct {
	Pos
	Target     Expr
	Annotation Expr
	Value      Expr // may be nil
	Simple     bool
}

// For is `for target in iter: body else: orelse` (and `async for`).
type For struct {
	Pos
	Target  Expr
	Iter    Expr
	Body    []Stmt
	Orelse  []Stmt
	IsAsync bool
}

// While is `while test: body else: orelse`.
type While struct {
	Pos
	Test   Expr
	Body   []Stmt
	Orelse []Stmt
}

// If is `if test: body` with elif chains nested in Orelse as a single If.
type If struct {
	Pos
	Test   Expr
	Body   []Stmt
	Orelse []Stmt
}

// With is `with items: body` (and `async with`).
type With struct {
	Pos
	Items   []*WithItem
	Body    []Stmt
	IsAsync bool
}

// Match is `match subject: cases`.
type Match struct {
	Pos
	Subject Expr
	Cases   []*MatchCase
}

// Raise is `raise [exc [from cause]]`.
type Raise struct {
	Pos
	Exc   Expr // nil for a bare re-raise
	Cause Expr // nil without `from`
}

// Try is try/except/else/finally. IsStar marks `except*` (TryStar in CPython).
type Try struct {
	Pos
	Body      []Stmt
	Handlers  []*ExceptHandler
	Orelse    []Stmt
	Finalbody []Stmt
	IsStar    bool
}

// Assert is `assert test[, msg]`.
type Assert struct {
	Pos
	Test Expr
	Msg  Expr // may be nil
}

// Import is `import a.b as c, d`.
type Import struct {
	Pos
	Names []*Alias
}

// ImportFrom is `from ..module import names`; Module is "" for `from . import x`.
type ImportFrom struct {
	Pos
	Module string
	Names  []*Alias // a single Alias with Name "*" for `import *`
	Level  int
}

// Global is `global a, b`.
type Global struct {
	Pos
	Names []string
}

// Nonlocal is `nonlocal a, b`.
type Nonlocal struct {
	Pos
	Names []string
}

// ExprStmt is an expression used as a statement (CPython's Expr).
type ExprStmt struct {
	Pos
	Value Expr
}

// Pass is `pass`.
type Pass struct{ Pos }

// Break is `break`.
type Break struct{ Pos }

// Continue is `continue`.
type Continue struct{ Pos }

func (*FunctionDef) stmtNode() {}
func (*ClassDef) stmtNode()    {}
func (*Return) stmtNode()      {}
func (*Delete) stmtNode()      {}
func (*Assign) stmtNode()      {}
func (*AugAssign) stmtNode()   {}
func (*AnnAssign) stmtNode()   {}
func (*For) stmtNode()         {}
func (*While) stmtNode()       {}
func (*If) stmtNode()          {}
func (*With) stmtNode()        {}
func (*Match) stmtNode()       {}
func (*Raise) stmtNode()       {}
func (*Try) stmtNode()         {}
func (*Assert) stmtNode()      {}
func (*Import) stmtNode()      {}
func (*ImportFrom) stmtNode()  {}
func (*Global) stmtNode()      {}
func (*Nonlocal) stmtNode()    {}
func (*ExprStmt) stmtNode()    {}
func (*Pass) stmtNode()        {}
func (*Break) stmtNode()       {}
func (*Continue) stmtNode()    {}

// --------------------------------------------------------------- expressions

// BoolOp is `a and b and c` / `a or b`: one node per run of the same operator.
type BoolOp struct {
	Pos
	Op     BoolOperator
	Values []Expr
}

// NamedExpr is `target := value`.
type NamedExpr struct {
	Pos
	Target *Name
	Value  Expr
}

// BinOp is `left op right`.
type BinOp struct {
	Pos
	Left  Expr
	Op    Operator
	Right Expr
}

// UnaryOp is `op operand`.
type UnaryOp struct {
	Pos
	Op      UnaryOperator
	Operand Expr
}

// Lambda is `lambda args: body`.
type Lambda struct {
	Pos
	Args *Arguments
	Body Expr
}

// IfExp is `body if test else orelse`.
type IfExp struct {
	Pos
	Test   Expr
	Body   Expr
	Orelse Expr
}

// Dict is `{k: v, **m}`; a nil key marks a `**m` entry whose mapping is the value.
type Dict struct {
	Pos
	Keys   []Expr
	Values []Expr
}

// Set is `{a, b}`.
type Set struct {
	Pos
	Elts []Expr
}

// ListComp is `[elt for ...]`.
type ListComp struct {
	Pos
	Elt        Expr
	Generators []*Comprehension
}

// SetComp is `{elt for ...}`.
type SetComp struct {
	Pos
	Elt        Expr
	Generators []*Comprehension
}

// DictComp is `{key: value for ...}`.
type DictComp struct {
	Pos
	Key        Expr
	Value      Expr
	Generators []*Comprehension
}

// GeneratorExp is `(elt for ...)`.
type GeneratorExp struct {
	Pos
	Elt        Expr
	Generators []*Comprehension
}

// Await is `await value`.
type Await struct {
	Pos
	Value Expr
}

// Yield is `yield [value]`.
type Yield struct {
	Pos
	Value Expr // may be nil
}

// YieldFrom is `yield from value`.
type YieldFrom struct {
	Pos
	Value Expr
}

// Compare is `left op1 c1 op2 c2 ...`.
type Compare struct {
	Pos
	Left        Expr
	Ops         []CmpOp
	Comparators []Expr
}

// Call is `func(args, keywords)`; a `*x` argument is a Starred in Args, a
// `**m` argument is a Keyword with an empty Arg.
type Call struct {
	Pos
	Func     Expr
	Args     []Expr
	Keywords []*Keyword
}

// FormattedValue is one `{value!conv:spec}` field of an f-string. Conversion is
// -1 (none), 's', 'r' or 'a'. FormatSpec is nil or a JoinedStr.
type FormattedValue struct {
	Pos
	Value      Expr
	Conversion int
	FormatSpec Expr
}

// JoinedStr is an f-string: Constant str parts and FormattedValues.
type JoinedStr struct {
	Pos
	Values []Expr
}

// Constant is a literal. See ConstKind for which field holds the value.
type Constant struct {
	Pos
	Kind  ConstKind
	Str   string   // KindStr: the decoded text; KindBytes: the bytes
	Int   *big.Int // KindInt
	Float float64  // KindFloat; the imaginary part for KindComplex
	// UPrefix records a `u"..."` literal (CPython keeps it as Constant.kind).
	UPrefix bool
}

// Attribute is `value.attr`.
type Attribute struct {
	Pos
	Value Expr
	Attr  string
	Ctx   ExprContext
}

// Subscript is `value[slice]`.
type Subscript struct {
	Pos
	Value Expr
	Slice Expr
	Ctx   ExprContext
}

// Starred is `*value` in a call, display or assignment target.
type Starred struct {
	Pos
	Value Expr
	Ctx   ExprContext
}

// Name is an identifier.
type Name struct {
	Pos
	Id  string
	Ctx ExprContext
}

// List is `[a, b]`.
type List struct {
	Pos
	Elts []Expr
	Ctx  ExprContext
}

// Tuple is `a, b` or `(a, b)`.
type Tuple struct {
	Pos
	Elts []Expr
	Ctx  ExprContext
}

// Slice is `lower:upper:step` inside a subscript; any part may be nil.
type Slice struct {
	Pos
	Lower, Upper, Step Expr
}

func (*BoolOp) exprNode()         {}
func (*NamedExpr) exprNode()      {}
func (*BinOp) exprNode()          {}
func (*UnaryOp) exprNode()        {}
func (*Lambda) exprNode()         {}
func (*IfExp) exprNode()          {}
func (*Dict) exprNode()           {}
func (*Set) exprNode()            {}
func (*ListComp) exprNode()       {}
func (*SetComp) exprNode()        {}
func (*DictComp) exprNode()       {}
func (*GeneratorExp) exprNode()   {}
func (*Await) exprNode()          {}
func (*Yield) exprNode()          {}
func (*YieldFrom) exprNode()      {}
func (*Compare) exprNode()        {}
func (*Call) exprNode()           {}
func (*FormattedValue) exprNode() {}
func (*JoinedStr) exprNode()      {}
func (*Constant) exprNode()       {}
func (*Attribute) exprNode()      {}
func (*Subscript) exprNode()      {}
func (*Starred) exprNode()        {}
func (*Name) exprNode()           {}
func (*List) exprNode()           {}
func (*Tuple) exprNode()          {}
func (*Slice) exprNode()          {}

// ------------------------------------------------------------------ patterns

// MatchValue is a value pattern: a literal or a dotted name.
type MatchValue struct {
	Pos
	Value Expr
}

// MatchSingleton is `None`, `True` or `False` (compared with `is`).
type MatchSingleton struct {
	Pos
	Value ConstKind // KindNone, KindTrue or KindFalse
}

// MatchSequence is `[p1, p2, *rest]` or `(p1, p2)`.
type MatchSequence struct {
	Pos
	Patterns []Pattern
}

// MatchMapping is `{k1: p1, **rest}`; Rest is "" without `**rest`.
type MatchMapping struct {
	Pos
	Keys     []Expr
	Patterns []Pattern
	Rest     string
}

// MatchClass is `Cls(p1, kw=p2)`.
type MatchClass struct {
	Pos
	Cls         Expr
	Patterns    []Pattern
	KwdAttrs    []string
	KwdPatterns []Pattern
}

// MatchStar is `*name` inside a sequence pattern; Name "" for `*_`.
type MatchStar struct {
	Pos
	Name string
}

// MatchAs is `pattern as name`, a capture `name` (Pattern nil) or the
// wildcard `_` (both empty).
type MatchAs struct {
	Pos
	Pattern Pattern
	Name    string
}

// MatchOr is `p1 | p2`.
type MatchOr struct {
	Pos
	Patterns []Pattern
}

func (*MatchValue) patternNode()     {}
func (*MatchSingleton) patternNode() {}
func (*MatchSequence) patternNode()  {}
func (*MatchMapping) patternNode()   {}
func (*MatchClass) patternNode()     {}
func (*MatchStar) patternNode()      {}
func (*MatchAs) patternNode()        {}
func (*MatchOr) patternNode()        {}

// ------------------------------------------------------------- other pieces

// Comprehension is one `[async] for target in iter if cond...` clause.
type Comprehension struct {
	Target  Expr
	Iter    Expr
	Ifs     []Expr
	IsAsync bool
}

// ExceptHandler is `except [type [as name]]: body`.
type ExceptHandler struct {
	Pos
	Type Expr   // nil for a bare except
	Name string // "" without `as`
	Body []Stmt
}

// Arguments is a parameter list:
// def f(posonly, /, args, *vararg, kwonly, **kwarg).
// Defaults align with the tail of Posonlyargs+Args; KwDefaults has one entry per
// Kwonlyarg, nil where there is no default.
type Arguments struct {
	Posonlyargs []*Arg
	Args        []*Arg
	Vararg      *Arg
	Kwonlyargs  []*Arg
	KwDefaults  []Expr
	Kwarg       *Arg
	Defaults    []Expr
}

// Arg is one parameter.
type Arg struct {
	Pos
	Arg        string
	Annotation Expr // may be nil
}

// Keyword is `arg=value` in a call or class header; Arg "" means `**value`.
type Keyword struct {
	Pos
	Arg   string
	Value Expr
}

// Alias is `name [as asname]` in an import.
type Alias struct {
	Pos
	Name   string
	Asname string
}

// WithItem is `context_expr [as optional_vars]`.
type WithItem struct {
	ContextExpr  Expr
	OptionalVars Expr // may be nil
}

// MatchCase is `case pattern [if guard]: body`.
type MatchCase struct {
	Pattern Pattern
	Guard   Expr // may be nil
	Body    []Stmt
}

// ----------------------------------------------------------------- enums

// ExprContext says whether a target-capable expression is read, assigned or deleted.
type ExprContext uint8

const (
	Load ExprContext = iota
	Store
	Del
)

// BoolOperator is `and` / `or`.
type BoolOperator uint8

const (
	And BoolOperator = iota
	Or
)

// Operator is a binary arithmetic operator, also used by AugAssign.
type Operator uint8

const (
	Add Operator = iota
	Sub
	Mult
	MatMult
	Div
	Mod
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
	FloorDiv
)

// UnaryOperator is `~`, `not`, `+`, `-`.
type UnaryOperator uint8

const (
	Invert UnaryOperator = iota
	Not
	UAdd
	USub
)

// CmpOp is a comparison operator.
type CmpOp uint8

const (
	Eq CmpOp = iota
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

// ConstKind says which kind of literal a Constant is.
type ConstKind uint8

const (
	KindNone ConstKind = iota
	KindTrue
	KindFalse
	KindEllipsis
	KindInt
	KindFloat
	KindComplex // imaginary literal like 3j: the value is in Float
	KindStr
	KindBytes
)

// OperatorSymbols are the operators as written in source, indexed by Operator.
var OperatorSymbols = [...]string{"+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"}

// CmpOpSymbols are the comparison operators as written, indexed by CmpOp.
var CmpOpSymbols = [...]string{"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"}
