// Package code defines gilpy's bytecode: opcodes, code objects, the position
// table that tracebacks draw from, the exception table, and a disassembler.
//
// It depends on nothing else in gilpy. The compiler (vm/compiler) produces
// Code values; the VM (vm) runs them. Constants are plain Go values here (see
// Code.Consts) and the VM turns them into Python objects once per code object.
//
// An instruction is one 32-bit word: the opcode in the low 8 bits and a 24-bit
// argument above it. Fixed-width words make the eval loop's fetch a single load
// and shift, and absolute jump targets make the disassembly easy to follow.
//
// Exceptions use a 3.11-style table instead of a block stack: each entry maps a
// range of instructions to a handler, the stack depth to unwind to, and whether
// the offset of the raising instruction ("lasti") is pushed for a later
// RERAISE. Setting up a try block therefore costs nothing at run time.
package code

// Instr is one instruction word.
type Instr uint32

// MakeInstr packs an opcode and its argument.
func MakeInstr(op Opcode, arg int) Instr { return Instr(op) | Instr(arg)<<8 }

// Op is the instruction's opcode.
func (i Instr) Op() Opcode { return Opcode(i) }

// Arg is the instruction's argument.
func (i Instr) Arg() int { return int(i >> 8) }

// MaxArg is the largest argument an instruction can carry.
const MaxArg = 1<<24 - 1

// Flags are CPython's co_flags bits (same values, so inspect-style code that
// reads co_flags sees what it expects).
type Flags uint32

// The code flags.
const (
	FlagOptimized         Flags = 0x0001
	FlagNewLocals         Flags = 0x0002
	FlagVarargs           Flags = 0x0004
	FlagVarkeywords       Flags = 0x0008
	FlagNested            Flags = 0x0010
	FlagGenerator         Flags = 0x0020
	FlagNoFree            Flags = 0x0040
	FlagCoroutine         Flags = 0x0080
	FlagIterableCoroutine Flags = 0x0100
	FlagAsyncGenerator    Flags = 0x0200
)

// LocalKind classifies one entry of the "locals plus" array, as CPython's
// co_localspluskinds: a fast local, a cell (a local captured by an inner
// function), or a free variable (captured from an outer one). An argument that
// is also captured is Local|Cell: MAKE_CELL wraps it in place.
type LocalKind uint8

// Locals-plus kinds.
const (
	KindLocal  LocalKind = 0x20
	KindCell   LocalKind = 0x40
	KindFree   LocalKind = 0x80
	KindHidden LocalKind = 0x10 // comprehension-internal names
)

// Position is the source range of one instruction (PEP 657). Lines are
// 1-based, columns 0-based UTF-8 byte offsets; -1 means unknown.
type Position struct {
	Line, EndLine, Col, EndCol int32
}

// ExcEntry is one exception-table row: an exception raised by an instruction
// in [Start, End) jumps to Target with the value stack cut to Depth; if Lasti,
// the raising instruction's index is pushed before the exception.
type ExcEntry struct {
	Start, End, Target, Depth int32
	Lasti                     bool
}

// CacheSlot describes one inline-cache slot of LOAD_GLOBAL / LOAD_ATTR /
// STORE_ATTR / LOAD_METHOD: the name it looks up and, for LOAD_GLOBAL,
// whether a NULL is pushed before the value (a call follows).
type CacheSlot struct {
	Name     int
	PushNull bool
}

// Constant types beyond Go's nil (None), bool, int64, *big.Int, float64,
// complex128, string (str) and *Code.
type (
	// Bytes is a bytes literal.
	Bytes string
	// Ellipsis is the `...` literal.
	Ellipsis struct{}
	// Tuple is a constant tuple (folded by the compiler, or KW_NAMES).
	Tuple []any
	// FrozenSet is a constant frozenset (`x in {1, 2}` folds to one).
	FrozenSet []any
)

// Code is a compiled function body, class body, module or expression.
type Code struct {
	Name      string
	Qualname  string
	Filename  string
	FirstLine int

	ArgCount        int // positional parameters, including positional-only
	PosOnlyArgCount int
	KwOnlyArgCount  int
	Flags           Flags

	Instrs    []Instr
	Positions []Position // one per instruction
	ExcTable  []ExcEntry
	StackSize int

	// Consts holds nil, bool, int64, *big.Int, float64, complex128, string,
	// Bytes, Ellipsis, Tuple, FrozenSet and *Code values.
	Consts []any
	// Names are the names used by global, attribute and import instructions.
	Names []string
	// Caches are the inline-cache slots; the VM allocates the runtime caches.
	Caches []CacheSlot

	// LocalsPlus names every slot of the frame's locals area: fast locals
	// (parameters first), then cells, then free variables.
	LocalsPlus []string
	Kinds      []LocalKind
	NumCells   int // slots that are cells but not also arguments
	NumFrees   int

	// Doc is the docstring (a string) or nil.
	Doc any
}

// NumLocalsPlus is the size of the locals area of a frame running the code.
func (c *Code) NumLocalsPlus() int { return len(c.LocalsPlus) }

// LineAt is the first line of the instruction at pc, or the code's first line.
func (c *Code) LineAt(pc int) int {
	if pc >= 0 && pc < len(c.Positions) && c.Positions[pc].Line > 0 {
		return int(c.Positions[pc].Line)
	}
	return c.FirstLine
}

// Handler finds the exception-table entry covering pc.
func (c *Code) Handler(pc int) (ExcEntry, bool) {
	p := int32(pc)
	for _, e := range c.ExcTable {
		if p >= e.Start && p < e.End {
			return e, true
		}
	}
	return ExcEntry{}, false
}

// IsGenerator reports whether calling the code builds a generator, coroutine
// or async generator instead of running it.
func (c *Code) IsGenerator() bool {
	return c.Flags&(FlagGenerator|FlagCoroutine|FlagAsyncGenerator) != 0
}
