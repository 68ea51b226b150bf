package compiler

import (
	"math"
	"math/big"

	"gilpy/vm/code"
)

// The code generator emits instructions into basic blocks linked in layout
// order (block.next); jumps point at blocks. Before assembly the graph is
// cleaned up and optimized the way CPython 3.11's assembler does it
// (optimize_cfg and friends), so that the final instructions, and therefore
// the line numbers and traceback positions, are CPython's.

type instr struct {
	op     code.Opcode
	arg    int
	target *block // jump target or exception handler of SETUP_*
	loc    loc
	except *block // the handler in effect (set by labelExceptionTargets)
}

func (in *instr) isJump() bool {
	switch in.op {
	case code.JUMP, opJumpNoInterrupt, code.POP_JUMP_IF_FALSE, code.POP_JUMP_IF_TRUE,
		code.POP_JUMP_IF_NONE, code.POP_JUMP_IF_NOT_NONE,
		code.JUMP_IF_FALSE_OR_POP, code.JUMP_IF_TRUE_OR_POP, code.FOR_ITER, code.SEND,
		code.JUMP_BACKWARD, code.JUMP_BACKWARD_NO_INTERRUPT,
		code.POP_JUMP_BACKWARD_IF_FALSE, code.POP_JUMP_BACKWARD_IF_TRUE:
		return true
	}
	return false
}

func (in *instr) isBlockPush() bool {
	switch in.op {
	case code.SETUP_FINALLY, code.SETUP_CLEANUP, code.SETUP_WITH:
		return true
	}
	return false
}

func (in *instr) isUnconditionalJump() bool {
	return in.op == code.JUMP || in.op == opJumpNoInterrupt
}

type block struct {
	id     int
	instrs []instr
	next   *block

	exceptStack  []*block // handler stack at block entry (labelExceptionTargets)
	predecessors int
	startDepth   int
	offset       int

	noFallthrough bool // ends with a return, raise or unconditional jump
	preserveLasti bool // an exception handler that pushes lasti
	visited       bool
	exit          bool // ends with a return or raise
	hasReturn     bool
}

func (b *block) last() *instr {
	if len(b.instrs) == 0 {
		return nil
	}
	return &b.instrs[len(b.instrs)-1]
}

// copyBlock duplicates a block that does not fall through.
func (c *compiler) copyBlock(b *block) *block {
	r := c.newBlock()
	r.instrs = append([]instr(nil), b.instrs...)
	r.exit = b.exit
	r.noFallthrough = true
	return r
}

// normalizeBlock marks exits and checks that jumps end their block.
func normalizeBlock(b *block) {
	for i := range b.instrs {
		in := &b.instrs[i]
		switch in.op {
		case code.RETURN_VALUE, code.RAISE_VARARGS, code.RERAISE:
			b.exit = true
			b.noFallthrough = true
		case code.JUMP, opJumpNoInterrupt:
			b.noFallthrough = true
			fallthrough
		case code.POP_JUMP_IF_NOT_NONE, code.POP_JUMP_IF_NONE, code.POP_JUMP_IF_FALSE,
			code.POP_JUMP_IF_TRUE, code.JUMP_IF_FALSE_OR_POP, code.JUMP_IF_TRUE_OR_POP,
			code.FOR_ITER:
			if i != len(b.instrs)-1 {
				panic("compiler: malformed control flow graph")
			}
			for len(in.target.instrs) == 0 {
				in.target = in.target.next
			}
		}
	}
}

// maxCopySize is the largest exit block that is copied into a block jumping
// to it.
const maxCopySize = 4

func blockHasLineno(b *block) bool {
	for _, in := range b.instrs {
		if in.loc.line > 0 {
			return true
		}
	}
	return false
}

// extendBlock replaces an unconditional jump to a small exit block without
// line numbers (an implicit `return None`) by a copy of that block.
func extendBlock(b *block) {
	last := b.last()
	if last == nil || (last.op != code.JUMP && last.op != code.JUMP_BACKWARD) {
		return
	}
	t := last.target
	if t.exit && len(t.instrs) <= maxCopySize {
		if blockHasLineno(t) {
			return
		}
		last.op = code.NOP
		b.instrs = append(b.instrs, t.instrs...)
		b.exit = true
	}
}

// cleanBlock removes NOPs, except those that carry the only instruction of
// a line (so that line events and f_lineno stay right).
func cleanBlock(b *block) {
	dest := 0
	prevLine := -1
	n := len(b.instrs)
	for src := 0; src < n; src++ {
		line := b.instrs[src].loc.line
		if b.instrs[src].op == code.NOP {
			if line < 0 || prevLine == line {
				continue
			}
			if src < n-1 {
				nextLine := b.instrs[src+1].loc.line
				if nextLine == line {
					continue
				}
				if nextLine < 0 {
					b.instrs[src+1].loc = b.instrs[src].loc
					continue
				}
			} else {
				next := b.next
				for next != nil && len(next.instrs) == 0 {
					next = next.next
				}
				if next != nil && line == next.instrs[0].loc.line {
					continue
				}
			}
		}
		if dest != src {
			b.instrs[dest] = b.instrs[src]
		}
		dest++
		prevLine = line
	}
	b.instrs = b.instrs[:dest]
}

func markReachable(entry *block) {
	stack := []*block{entry}
	entry.predecessors = 1
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b.next != nil && !b.noFallthrough {
			if b.next.predecessors == 0 {
				stack = append(stack, b.next)
			}
			b.next.predecessors++
		}
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.isJump() || in.isBlockPush() {
				t := in.target
				if t.predecessors == 0 {
					stack = append(stack, t)
				}
				t.predecessors++
			}
		}
	}
}

func eliminateEmptyBlocks(entry *block) {
	for b := entry; b != nil; b = b.next {
		next := b.next
		if next != nil {
			for len(next.instrs) == 0 && next.next != nil {
				next = next.next
			}
			b.next = next
		}
	}
	for b := entry; b != nil; b = b.next {
		last := b.last()
		if last == nil || !last.isJump() {
			continue
		}
		t := last.target
		for len(t.instrs) == 0 {
			t = t.next
		}
		last.target = t
	}
}

// constTruth is PyObject_IsTrue for constants.
func constTruth(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case int64:
		return v != 0
	case *big.Int:
		return v.Sign() != 0
	case float64:
		return v != 0
	case complex128:
		return v != 0
	case string:
		return v != ""
	case code.Bytes:
		return v != ""
	case code.Tuple:
		return len(v) > 0
	case code.FrozenSet:
		return len(v) > 0
	}
	return true
}

func floatBits(f float64) uint64 { return math.Float64bits(f) }

// jumpThread makes in jump where the jump it targets goes, when both are on
// the same line (so no line event is lost).
func jumpThread(in, target *instr, op code.Opcode) bool {
	if in.loc.line == target.loc.line && in.target != target.target {
		in.target = target.target
		in.op = op
		return true
	}
	return false
}

// optimizeBlock is CPython's optimize_basic_block: constant conditions,
// constant tuples, jump threading, SWAP simplification.
func (c *compiler) optimizeBlock(b *block) {
	nop := instr{op: code.NOP}
	for i := 0; i < len(b.instrs); i++ {
		in := &b.instrs[i]
		nextop := code.Opcode(255)
		if i+1 < len(b.instrs) {
			nextop = b.instrs[i+1].op
		}
		target := &nop
		if in.isJump() || in.isBlockPush() {
			for len(in.target.instrs) == 0 {
				in.target = in.target.next
			}
			target = &in.target.instrs[0]
		}
		switch in.op {
		case code.LOAD_CONST:
			switch nextop {
			case code.POP_JUMP_IF_FALSE, code.POP_JUMP_IF_TRUE:
				isTrue := constTruth(c.u.consts[in.arg])
				in.op = code.NOP
				if isTrue == (nextop == code.POP_JUMP_IF_TRUE) {
					b.instrs[i+1].op = code.JUMP
					b.noFallthrough = true
				} else {
					b.instrs[i+1].op = code.NOP
				}
			case code.JUMP_IF_FALSE_OR_POP, code.JUMP_IF_TRUE_OR_POP:
				isTrue := constTruth(c.u.consts[in.arg])
				if isTrue == (nextop == code.JUMP_IF_TRUE_OR_POP) {
					b.instrs[i+1].op = code.JUMP
					b.noFallthrough = true
				} else {
					in.op = code.NOP
					b.instrs[i+1].op = code.NOP
				}
			case code.IS_OP:
				if i+2 >= len(b.instrs) || c.u.consts[in.arg] != nil {
					break
				}
				jumpOp := b.instrs[i+2].op
				if jumpOp != code.POP_JUMP_IF_FALSE && jumpOp != code.POP_JUMP_IF_TRUE {
					break
				}
				invert := b.instrs[i+1].arg != 0
				if jumpOp == code.POP_JUMP_IF_FALSE {
					invert = !invert
				}
				in.op = code.NOP
				b.instrs[i+1].op = code.NOP
				if invert {
					b.instrs[i+2].op = code.POP_JUMP_IF_NOT_NONE
				} else {
					b.instrs[i+2].op = code.POP_JUMP_IF_NONE
				}
			}
		case code.BUILD_TUPLE:
			if nextop == code.UNPACK_SEQUENCE && in.arg == b.instrs[i+1].arg {
				switch in.arg {
				case 1:
					in.op = code.NOP
					b.instrs[i+1].op = code.NOP
					continue
				case 2, 3:
					in.op = code.NOP
					b.instrs[i+1].op = code.SWAP
					continue
				}
			}
			if i >= in.arg {
				c.foldTupleOnConstants(b, i)
			}
		case code.JUMP_IF_FALSE_OR_POP:
			switch target.op {
			case code.POP_JUMP_IF_FALSE:
				if jumpThread(in, target, code.POP_JUMP_IF_FALSE) {
					i--
				}
			case code.JUMP, code.JUMP_IF_FALSE_OR_POP:
				if jumpThread(in, target, code.JUMP_IF_FALSE_OR_POP) {
					i--
				}
			case code.JUMP_IF_TRUE_OR_POP, code.POP_JUMP_IF_TRUE:
				if in.loc.line == target.loc.line {
					in.op = code.POP_JUMP_IF_FALSE
					in.target = in.target.next
					i--
				}
			}
		case code.JUMP_IF_TRUE_OR_POP:
			switch target.op {
			case code.POP_JUMP_IF_TRUE:
				if jumpThread(in, target, code.POP_JUMP_IF_TRUE) {
					i--
				}
			case code.JUMP, code.JUMP_IF_TRUE_OR_POP:
				if jumpThread(in, target, code.JUMP_IF_TRUE_OR_POP) {
					i--
				}
			case code.JUMP_IF_FALSE_OR_POP, code.POP_JUMP_IF_FALSE:
				if in.loc.line == target.loc.line {
					in.op = code.POP_JUMP_IF_TRUE
					in.target = in.target.next
					i--
				}
			}
		case code.POP_JUMP_IF_NOT_NONE, code.POP_JUMP_IF_NONE, code.POP_JUMP_IF_FALSE, code.POP_JUMP_IF_TRUE:
			if target.op == code.JUMP && jumpThread(in, target, in.op) {
				i--
			}
		case code.JUMP:
			if target.op == code.JUMP && jumpThread(in, target, code.JUMP) {
				i--
			}
		case code.SWAP:
			if in.arg == 1 {
				in.op = code.NOP
				break
			}
			swaptimize(b, &i)
			applyStaticSwaps(b, i)
		case code.PUSH_NULL:
			if nextop == code.LOAD_GLOBAL && b.instrs[i+1].arg&1 == 0 {
				in.op = code.NOP
				in.arg = 0
				b.instrs[i+1].arg |= 1
			}
		}
	}
}

// foldTupleOnConstants replaces LOAD_CONST c1 ... LOAD_CONST cn BUILD_TUPLE n
// by LOAD_CONST (c1, ..., cn).
func (c *compiler) foldTupleOnConstants(b *block, i int) {
	n := b.instrs[i].arg
	first := i - n
	for j := first; j < i; j++ {
		if b.instrs[j].op != code.LOAD_CONST {
			return
		}
	}
	t := make(code.Tuple, n)
	for j := 0; j < n; j++ {
		t[j] = c.u.consts[b.instrs[first+j].arg]
	}
	idx := c.addConst(t)
	for j := first; j < i; j++ {
		b.instrs[j].op = code.NOP
	}
	b.instrs[i].op = code.LOAD_CONST
	b.instrs[i].arg = idx
}

// swaptimize replaces a run of SWAPs and NOPs by the shortest run of SWAPs
// with the same effect.
func swaptimize(b *block, ix *int) {
	ins := b.instrs[*ix:]
	depth := ins[0].arg
	length := 0
	more := false
	limit := len(ins)
	for length++; length < limit; length++ {
		op := ins[length].op
		if op == code.SWAP {
			if ins[length].arg > depth {
				depth = ins[length].arg
			}
			more = true
		} else if op != code.NOP {
			break
		}
	}
	if !more {
		return
	}
	const visited = -1
	stack := make([]int, depth)
	for i := range stack {
		stack[i] = i
	}
	for i := 0; i < length; i++ {
		if ins[i].op == code.SWAP {
			arg := ins[i].arg
			stack[0], stack[arg-1] = stack[arg-1], stack[0]
		}
	}
	current := length - 1
	for i := 0; i < depth; i++ {
		if stack[i] == visited || stack[i] == i {
			continue
		}
		j := i
		for {
			if j != 0 {
				ins[current].op = code.SWAP
				ins[current].arg = j + 1
				current--
			}
			if stack[j] == visited {
				break
			}
			next := stack[j]
			stack[j] = visited
			j = next
		}
	}
	for current >= 0 {
		ins[current].op = code.NOP
		current--
	}
	*ix += length - 1
}

func swappable(op code.Opcode) bool { return op == code.STORE_FAST || op == code.POP_TOP }

func storesTo(in *instr) int {
	if in.op == code.STORE_FAST {
		return in.arg
	}
	return -1
}

func nextSwappable(b *block, i, line int) int {
	for i++; i < len(b.instrs); i++ {
		in := &b.instrs[i]
		if line >= 0 && in.loc.line != line {
			return -1
		}
		if in.op == code.NOP {
			continue
		}
		if swappable(in.op) {
			return i
		}
		return -1
	}
	return -1
}

// applyStaticSwaps turns SWAP n followed by stores/pops into reordered
// stores/pops, when that cannot be observed.
func applyStaticSwaps(b *block, i int) {
	for ; i >= 0; i-- {
		swap := &b.instrs[i]
		if swap.op != code.SWAP {
			if swap.op == code.NOP || swappable(swap.op) {
				continue
			}
			return
		}
		j := nextSwappable(b, i, -1)
		if j < 0 {
			return
		}
		k := j
		line := b.instrs[j].loc.line
		for count := swap.arg - 1; count > 0; count-- {
			k = nextSwappable(b, k, line)
			if k < 0 {
				return
			}
		}
		sj, sk := storesTo(&b.instrs[j]), storesTo(&b.instrs[k])
		if sj >= 0 || sk >= 0 {
			if sj == sk {
				return
			}
			for idx := j + 1; idx < k; idx++ {
				s := storesTo(&b.instrs[idx])
				if s >= 0 && (s == sj || s == sk) {
					return
				}
			}
		}
		swap.op = code.NOP
		b.instrs[j], b.instrs[k] = b.instrs[k], b.instrs[j]
	}
}

// optimizeCFG is CPython 3.11's optimize_cfg.
func (c *compiler) optimizeCFG(entry *block) {
	for b := entry; b != nil; b = b.next {
		c.optimizeBlock(b)
		cleanBlock(b)
	}
	u := c.u
	for i := len(u.blocks) - 1; i >= 0; i-- {
		extendBlock(u.blocks[i])
	}
	markReachable(entry)
	// Delete unreachable code.
	for b := entry; b != nil; b = b.next {
		if b.predecessors == 0 {
			b.instrs = nil
			b.noFallthrough = false
		}
	}
	eliminateEmptyBlocks(entry)
	for b := entry; b != nil; b = b.next {
		cleanBlock(b)
	}
	// Delete jumps to the next block.
	maybeEmpty := false
	for b := entry; b != nil; b = b.next {
		last := b.last()
		if last == nil || !last.isUnconditionalJump() {
			continue
		}
		if last.target == b.next {
			b.noFallthrough = false
			last.op = code.NOP
			maybeEmpty = true
		}
	}
	if maybeEmpty {
		eliminateEmptyBlocks(entry)
	}
}

func isExitWithoutLineno(b *block) bool {
	if !b.exit {
		return false
	}
	for _, in := range b.instrs {
		if in.loc.line >= 0 {
			return false
		}
	}
	return true
}

// duplicateExitsWithoutLineno gives every exit block (return or raise)
// without a line number a single predecessor, whose line it can inherit:
// PEP 626 wants f_lineno right when a frame ends.
func (c *compiler) duplicateExitsWithoutLineno() {
	u := c.u
	for i := len(u.blocks) - 1; i >= 0; i-- {
		b := u.blocks[i]
		last := b.last()
		if last == nil || !last.isJump() {
			continue
		}
		t := last.target
		if isExitWithoutLineno(t) && t.predecessors > 1 {
			nt := c.copyBlock(t)
			nt.instrs[0].loc = last.loc
			last.target = nt
			t.predecessors--
			nt.predecessors = 1
			nt.next = t.next
			t.next = nt
		}
	}
	for i := len(u.blocks) - 1; i >= 0; i-- {
		b := u.blocks[i]
		for b.next != nil && len(b.next.instrs) == 0 {
			b.next = b.next.next
		}
	}
	// What remains can only be reached by falling through.
	for i := len(u.blocks) - 1; i >= 0; i-- {
		b := u.blocks[i]
		if !b.noFallthrough && b.next != nil && len(b.instrs) > 0 {
			if isExitWithoutLineno(b.next) {
				b.next.instrs[0].loc = b.last().loc
			}
		}
	}
}

// propagateLineNumbers gives artificial instructions the position of the
// instruction before them, and the first instruction of a block with one
// predecessor the position where that predecessor left off.
func propagateLineNumbers(entry *block) {
	for b := entry; b != nil; b = b.next {
		if len(b.instrs) == 0 {
			continue
		}
		prev := noLoc
		for i := range b.instrs {
			if b.instrs[i].loc.line < 0 {
				b.instrs[i].loc = prev
			} else {
				prev = b.instrs[i].loc
			}
		}
		if !b.noFallthrough && b.next != nil && b.next.predecessors == 1 {
			if b.next.instrs[0].loc.line < 0 {
				b.next.instrs[0].loc = prev
			}
		}
		last := b.last()
		if last.isJump() {
			t := last.target
			if t.predecessors == 1 && t.instrs[0].loc.line < 0 {
				t.instrs[0].loc = prev
			}
		}
	}
}

// guaranteeLinenoForExits makes sure every return has a line number.
func guaranteeLinenoForExits(entry *block, firstLine int) {
	line := firstLine
	for b := entry; b != nil; b = b.next {
		last := b.last()
		if last == nil {
			continue
		}
		if last.loc.line < 0 {
			if last.op == code.RETURN_VALUE {
				for i := range b.instrs {
					b.instrs[i].loc.line = line
				}
			}
		} else {
			line = last.loc.line
		}
	}
}

// stackEffect wraps code.StackEffect for the compiler's instructions.
func stackEffect(in *instr, jump bool) int {
	switch in.op {
	case opJumpNoInterrupt:
		return 0
	case code.LOAD_GLOBAL:
		// The compiler keeps "push NULL" in the low bit of the argument;
		// code.StackEffect reads it from bit 23.
		return code.StackEffect(code.LOAD_GLOBAL, (in.arg&1)<<23, jump)
	}
	return code.StackEffect(in.op, in.arg, jump)
}

// stackDepth finds the largest stack any path needs, checking that the depth
// is consistent where paths meet and never negative.
func (c *compiler) stackDepth(entry *block) int {
	for _, b := range c.u.blocks {
		b.startDepth = math.MinInt
	}
	var stack []*block
	push := func(b *block, depth int) {
		if b.startDepth == math.MinInt {
			b.startDepth = depth
			stack = append(stack, b)
		} else if b.startDepth != depth {
			panic("compiler: inconsistent stack depth")
		}
	}
	push(entry, 0)
	maxDepth := 0
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		depth := b.startDepth
		terminated := false
		for i := range b.instrs {
			in := &b.instrs[i]
			newDepth := depth + stackEffect(in, false)
			if newDepth < 0 {
				panic("compiler: negative stack depth")
			}
			if newDepth > maxDepth {
				maxDepth = newDepth
			}
			if in.isJump() || in.isBlockPush() {
				td := depth + stackEffect(in, true)
				if td > maxDepth {
					maxDepth = td
				}
				if td < 0 {
					panic("compiler: negative stack depth")
				}
				push(in.target, td)
			}
			depth = newDepth
			switch in.op {
			case opJumpNoInterrupt, code.JUMP, code.RETURN_VALUE, code.RAISE_VARARGS, code.RERAISE:
				terminated = true // the rest of the block is dead
			}
			if terminated {
				break
			}
		}
		if !terminated && b.next != nil {
			push(b.next, depth)
		}
	}
	return maxDepth
}

// labelExceptionTargets finds, for every instruction, the innermost handler
// in effect, following SETUP_*/POP_BLOCK along the control flow.
func labelExceptionTargets(entry *block) {
	for b := entry; b != nil; b = b.next {
		b.visited = false
	}
	todo := []*block{entry}
	entry.visited = true
	entry.exceptStack = []*block{nil}
	for len(todo) > 0 {
		b := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		stack := b.exceptStack
		b.exceptStack = nil
		handler := stack[len(stack)-1]
		for i := range b.instrs {
			in := &b.instrs[i]
			switch {
			case in.isBlockPush():
				if !in.target.visited {
					in.target.exceptStack = append([]*block(nil), stack...)
					todo = append(todo, in.target)
					in.target.visited = true
				}
				if in.op == code.SETUP_WITH || in.op == code.SETUP_CLEANUP {
					in.target.preserveLasti = true
				}
				stack = append(stack, in.target)
				handler = in.target
			case in.op == code.POP_BLOCK:
				stack = stack[:len(stack)-1]
				handler = stack[len(stack)-1]
			case in.isJump():
				in.except = handler
				if !in.target.visited {
					if !b.noFallthrough {
						in.target.exceptStack = append([]*block(nil), stack...)
					} else {
						in.target.exceptStack = stack
						stack = nil
					}
					todo = append(todo, in.target)
					in.target.visited = true
				}
			default:
				in.except = handler
			}
		}
		if !b.noFallthrough && b.next != nil && !b.next.visited {
			b.next.exceptStack = stack
			todo = append(todo, b.next)
			b.next.visited = true
		}
	}
}

func convertExceptionHandlersToNops(entry *block) {
	for b := entry; b != nil; b = b.next {
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.isBlockPush() || in.op == code.POP_BLOCK {
				in.op = code.NOP
			}
		}
	}
}

// normalizeJumps picks the final jump opcodes by direction. Backward jumps
// become the GIL check-point forms.
func normalizeJumps(entry *block) {
	for b := entry; b != nil; b = b.next {
		b.visited = false
	}
	for b := entry; b != nil; b = b.next {
		b.visited = true
		last := b.last()
		if last == nil || !last.isJump() {
			continue
		}
		forward := !last.target.visited
		switch last.op {
		case code.JUMP:
			if !forward {
				last.op = code.JUMP_BACKWARD
			}
		case opJumpNoInterrupt:
			if forward {
				last.op = code.JUMP
			} else {
				last.op = code.JUMP_BACKWARD_NO_INTERRUPT
			}
		case code.POP_JUMP_IF_FALSE:
			if !forward {
				last.op = code.POP_JUMP_BACKWARD_IF_FALSE
			}
		case code.POP_JUMP_IF_TRUE:
			if !forward {
				last.op = code.POP_JUMP_BACKWARD_IF_TRUE
			}
		case code.POP_JUMP_IF_NONE, code.POP_JUMP_IF_NOT_NONE,
			code.JUMP_IF_FALSE_OR_POP, code.JUMP_IF_TRUE_OR_POP, code.FOR_ITER, code.SEND:
			if !forward {
				panic("compiler: unexpected backward " + last.op.String())
			}
		}
	}
}

// expandBackwardNoneJumps undoes the POP_JUMP_IF_(NOT_)NONE fusion for
// jumps that go backwards: gilpy has no POP_JUMP_BACKWARD_IF_NONE, so
// `LOAD_CONST None; IS_OP; POP_JUMP_BACKWARD_IF_TRUE` stands in for it.
func (c *compiler) expandBackwardNoneJumps(entry *block) {
	seen := map[*block]bool{}
	for b := entry; b != nil; b = b.next {
		seen[b] = true
		last := b.last()
		if last == nil || (last.op != code.POP_JUMP_IF_NONE && last.op != code.POP_JUMP_IF_NOT_NONE) {
			continue
		}
		if !seen[last.target] {
			continue // forward
		}
		isNot := 0
		if last.op == code.POP_JUMP_IF_NOT_NONE {
			isNot = 1
		}
		jump := *last
		jump.op = code.POP_JUMP_IF_TRUE
		none := c.addConst(nil)
		b.instrs = append(b.instrs[:len(b.instrs)-1],
			instr{op: code.LOAD_CONST, arg: none, loc: jump.loc},
			instr{op: code.IS_OP, arg: isNot, loc: jump.loc},
			jump)
	}
}
