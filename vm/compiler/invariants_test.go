package compiler

import (
	"fmt"

	"gilpy/vm/code"
)

// verifyCode checks the structural invariants the VM relies on, for co and
// every code object nested in it:
//
//   - no pseudo-instruction is left;
//   - every jump and exception-table target is in range;
//   - the stack depth, replayed with code.StackEffect along every path
//     (including into exception handlers), never goes negative, agrees
//     wherever paths meet, and stays within StackSize;
//   - a jump to an earlier instruction is always a check-point op
//     (JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, POP_JUMP_BACKWARD_IF_*),
//     and those ops never jump forward;
//   - one position per instruction, one private cache slot per caching op;
//   - exception-table entries are ordered and do not overlap.
func verifyCode(co *code.Code) error {
	for _, c := range allCodes(co) {
		if err := verifyOne(c); err != nil {
			return fmt.Errorf("%s: %w", c.Qualname, err)
		}
	}
	return nil
}

func isBackwardOp(op code.Opcode) bool {
	switch op {
	case code.JUMP_BACKWARD, code.JUMP_BACKWARD_NO_INTERRUPT,
		code.POP_JUMP_BACKWARD_IF_FALSE, code.POP_JUMP_BACKWARD_IF_TRUE:
		return true
	}
	return false
}

func verifyOne(co *code.Code) error {
	n := len(co.Instrs)
	if len(co.Positions) != n {
		return fmt.Errorf("%d positions for %d instructions", len(co.Positions), n)
	}
	if n == 0 {
		return fmt.Errorf("no instructions")
	}
	usedSlots := map[int]bool{}
	for pc, in := range co.Instrs {
		op := in.Op()
		if op >= code.SETUP_FINALLY {
			return fmt.Errorf("pc %d: pseudo-instruction %v", pc, op)
		}
		if isRealJump(op) {
			t := in.Arg()
			if t < 0 || t >= n {
				return fmt.Errorf("pc %d: %v target %d out of range", pc, op, t)
			}
			if t <= pc && !isBackwardOp(op) {
				return fmt.Errorf("pc %d: backward jump with %v", pc, op)
			}
			if t > pc && isBackwardOp(op) {
				return fmt.Errorf("pc %d: forward jump with %v", pc, op)
			}
		}
		switch op {
		case code.LOAD_GLOBAL, code.LOAD_ATTR, code.STORE_ATTR, code.LOAD_METHOD:
			s := in.Arg()
			if s >= len(co.Caches) || usedSlots[s] {
				return fmt.Errorf("pc %d: bad or shared cache slot %d", pc, s)
			}
			usedSlots[s] = true
			if co.Caches[s].Name >= len(co.Names) {
				return fmt.Errorf("pc %d: cache name out of range", pc)
			}
		case code.LOAD_CONST, code.KW_NAMES:
			if in.Arg() >= len(co.Consts) {
				return fmt.Errorf("pc %d: const out of range", pc)
			}
		case code.LOAD_FAST, code.STORE_FAST, code.DELETE_FAST, code.LOAD_DEREF, code.STORE_DEREF,
			code.DELETE_DEREF, code.LOAD_CLASSDEREF, code.LOAD_CLOSURE, code.MAKE_CELL:
			if in.Arg() >= len(co.LocalsPlus) {
				return fmt.Errorf("pc %d: local out of range", pc)
			}
		}
	}
	prevEnd := int32(0)
	for _, e := range co.ExcTable {
		if e.Start < prevEnd || e.Start >= e.End || int(e.End) > n || e.Target < 0 || int(e.Target) >= n || e.Depth < 0 {
			return fmt.Errorf("bad exception entry %+v", e)
		}
		prevEnd = e.End
	}

	// Replay the stack depth.
	depth := make([]int, n)
	for i := range depth {
		depth[i] = -1
	}
	var work []int
	maxDepth := 0
	reach := func(pc, d int) error {
		if d < 0 {
			return fmt.Errorf("pc %d: negative stack depth", pc)
		}
		if d > maxDepth {
			maxDepth = d
		}
		if depth[pc] == -1 {
			depth[pc] = d
			work = append(work, pc)
		} else if depth[pc] != d {
			return fmt.Errorf("pc %d: stack depth %d and %d meet", pc, depth[pc], d)
		}
		return nil
	}
	if err := reach(0, 0); err != nil {
		return err
	}
	for len(work) > 0 {
		pc := work[len(work)-1]
		work = work[:len(work)-1]
		d := depth[pc]
		in := co.Instrs[pc]
		op, arg := in.Op(), in.Arg()
		effArg := arg
		if op == code.LOAD_GLOBAL && co.Caches[arg].PushNull {
			effArg = 1 << 23
		} else if op == code.LOAD_GLOBAL {
			effArg = 0
		}
		if e, ok := co.Handler(pc); ok {
			hd := int(e.Depth) + 1
			if e.Lasti {
				hd++
			}
			if int(e.Depth) > d {
				return fmt.Errorf("pc %d: handler depth %d above stack depth %d", pc, e.Depth, d)
			}
			if err := reach(int(e.Target), hd); err != nil {
				return err
			}
		}
		after := d + code.StackEffect(op, effArg, false)
		if isRealJump(op) {
			if err := reach(arg, d+code.StackEffect(op, effArg, true)); err != nil {
				return err
			}
		}
		if op.IsUnconditional() {
			continue
		}
		if after < 0 {
			return fmt.Errorf("pc %d: %v makes the stack negative", pc, op)
		}
		if after > maxDepth {
			maxDepth = after
		}
		if pc+1 >= n {
			return fmt.Errorf("pc %d: falls off the end", pc)
		}
		if err := reach(pc+1, after); err != nil {
			return err
		}
	}
	if maxDepth > co.StackSize {
		return fmt.Errorf("stack reaches %d, StackSize is %d", maxDepth, co.StackSize)
	}
	return nil
}
